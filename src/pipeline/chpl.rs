//! Common High Priority List (CHPL) HS-6 codes by tier → `chpl`.
//!
//! Raw: `chpl_dual_use/chpl_hs6_tiers.csv` (hs6, hs4, hs2, chpl_tier, list_version, …), transcribed
//! from repo fyaic/TradeSieve; the list was published 2024-02-23.

use super::raw::Table;
use crate::data::{Dataset, Domain, Frequency, Point, Series, Source, Unit};
use std::collections::BTreeMap;
use std::path::Path;

pub const FILE: &str = "chpl_dual_use/chpl_hs6_tiers.csv";
/// HS 2022 nomenclature (datasets/harmonized-system): `section, hscode, description, parent, level`.
pub const HS: &str = "hs_nomenclature/harmonized-system.csv";
const SRC: &str = "chpl";
const HS_SRC: &str = "hs-2022";

fn source_hs(n: usize) -> Source {
    Source {
        id: HS_SRC.into(),
        title: "Harmonized System 2022 nomenclature: code descriptions (version 2022.0, from UN Comtrade's reference tables)".into(),
        publisher: "World Customs Organization HS nomenclature, as packaged by the datasets/harmonized-system project".into(),
        url: Some("https://github.com/datasets/harmonized-system".into()),
        repository: Some("datasets/harmonized-system".into()),
        path: Some("data/harmonized-system.csv".into()),
        commit: Some("905e5a0fa29f5700d62cb3cc1265f21bc8a92329".into()),
        licence: "ODC Public Domain Dedication and Licence (PDDL) 1.0".into(),
        coverage: format!("HS 2022 levels 2, 4 and 6; the descriptions of the {n} CHPL codes are used"),
        retrieved: "2026-11".into(),
    }
}

/// HS 2022 six-digit code → description.
fn hs_descriptions(raw_dir: &Path) -> Result<BTreeMap<String, String>, String> {
    let t = Table::read(raw_dir, HS)?;
    let (c_code, c_desc, c_level) = (t.col("hscode")?, t.col("description")?, t.col("level")?);
    Ok((0..t.rows.len())
        .filter(|&i| t.cell(i, c_level) == "6")
        .map(|i| (t.cell(i, c_code).to_string(), t.cell(i, c_desc).to_string()))
        .collect())
}

pub fn source() -> Source {
    Source {
        id: SRC.into(),
        title: "Common High Priority List (CHPL) of items Russia seeks for its weapons programmes: HS-6 codes by tier, as published 2024-02-23".into(),
        publisher: "US Bureau of Industry and Security with the EU, UK and Japan (transcribed by the TradeSieve project)".into(),
        url: Some("https://www.bis.gov/licensing/country-guidance/common-high-priority-items-list-chpl".into()),
        repository: Some("fyaic/TradeSieve".into()),
        path: Some("src/tradesieve/domain/common_high_priority.py".into()),
        commit: Some("855e3b5f901a55e2b8f4bd01b3fb6781f51152cb".into()),
        licence: "Public government list (HS codes and tiers only were transcribed; no code copied)".into(),
        coverage: "50 HS-6 codes in tiers 1, 2, 3.A, 3.B, 4.A, 4.B; list version 2024-02-23".into(),
        retrieved: "2026-11".into(),
    }
}

pub fn chpl(raw_dir: &Path) -> Result<Dataset, String> {
    let hs = hs_descriptions(raw_dir)?;
    let t = Table::read(raw_dir, FILE)?;
    let (c_hs6, c_hs4, c_hs2, c_tier, c_ver) =
        (t.col("hs6")?, t.col("hs4")?, t.col("hs2")?, t.col("chpl_tier")?, t.col("list_version")?);
    let mut tiers: BTreeMap<String, Vec<Point>> = BTreeMap::new();
    for i in 0..t.rows.len() {
        let line = t.line(i);
        let tier = t.cell(i, c_tier);
        let rest = tier.strip_prefix("Tier ").ok_or_else(|| {
            format!("{FILE}: line {line}, column chpl_tier: \"{tier}\" does not start with \"Tier \"")
        })?;
        let number: f64 = rest
            .split('.')
            .next()
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("{FILE}: line {line}, column chpl_tier: no tier number in \"{tier}\""))?;
        let hs6 = t.cell(i, c_hs6);
        if hs6.len() != 6 || !hs6.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("{FILE}: line {line}, column hs6: \"{hs6}\" is not a 6-digit code"));
        }
        let version = t.cell(i, c_ver);
        if !version.contains("2024-02-23") {
            return Err(format!("{FILE}: line {line}, column list_version: \"{version}\" is not the 2024-02-23 list"));
        }
        tiers.entry(tier.to_string()).or_default().push(Point {
            period: "2024-02-23".into(),
            value: number,
            source: SRC.into(),
            label: Some(hs6.to_string()),
            note: Some(format!(
                "HS 2022: {} (HS heading {}, chapter {})",
                hs.get(hs6).ok_or_else(|| format!(
                    "{FILE}: line {line}: HS code {hs6} is not in the HS 2022 nomenclature ({HS})"
                ))?,
                t.cell(i, c_hs4),
                t.cell(i, c_hs2)
            )),
        });
    }
    let n = tiers.values().map(Vec::len).sum();
    let series = tiers
        .into_iter()
        .map(|(tier, mut points)| {
            points.sort_by(|a, b| a.label.cmp(&b.label));
            Series {
                unit: None,
                id: tier.to_lowercase().replace([' ', '.'], "-"),
                label: tier.clone(),
                note: Some(format!("{FILE}: chpl_tier = {tier}; value = tier number")),
                points: points.into(),
            }
        })
        .collect();
    Ok(Dataset {
        id: "chpl".into(),
        title: "Common High Priority List: dual-use goods Russia seeks for its weapons (HS-6 codes by tier)".into(),
        domain: Domain::Military,
        unit: Unit::Tier,
        frequency: Frequency::Records,
        description: "The 50 six-digit HS customs codes on the US/EU/UK/Japan Common High Priority List of items found in Russian weapons, grouped by tier (Tier 1 = highest priority: integrated circuits).".into(),
        notes: vec![
            "List version published 2024-02-23 (per the transcribing repository, checked against the BIS page). Later revisions of the CHPL may differ.".into(),
            "Each point is one HS-6 code (label); its value is the tier number (3.A and 3.B are both 3, 4.A and 4.B both 4; the series tells them apart). What each code is comes from the HS 2022 nomenclature (World Customs Organization, via datasets/harmonized-system, PDDL), joined on the code, in each point's note.".into(),
            "No public monthly series of China's exports of these codes to Russia was found (it needs HS-6 customs data from UN Comtrade or GACC); figures quoted in the press are in the chart dual-use-figures.".into(),
        ],
        sources: vec![source(), source_hs(n)],
        series,
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    })
}
