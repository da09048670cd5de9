//! `build-data`: turns the raw public files committed in `data/raw` (one folder per source, each
//! with a README giving origin, licence, coverage, sha256 and caveats) into the bundled `data/*.json`.
//!
//! ```text
//! raw/<source>/…csv ──▶ one module per source (read + compute) ──▶ Dataset ──▶ validate ──▶ canonical JSON
//! ```
//!
//! Output is deterministic: keys sorted, rows in source order sorted by period, floats printed by
//! `serde_json` (shortest round-trip form), a trailing newline. `--check` compares instead of writing.
//! Native only: the wasm build never contains the pipeline.

mod chpl;
pub mod dec;
mod dots;
pub mod dual_use;
mod facts;
mod gacc;
pub mod i18n;
mod pages;
pub mod pressure;
pub mod raw;
mod sipri;
pub mod span;
mod trade;
mod ukraine;
mod unvotes;
mod vetoes;
mod voeten;

use crate::data::{validate, Dataset};

/// Every raw file the pipeline reads, relative to the raw folder (`data/raw`). The repository holds
/// these and nothing else besides each source's README and the licence notices below.
pub const RAW_FILES: &[&str] = &[
    chpl::FILE,
    chpl::HS,
    dots::FILE,
    gacc::FILE,
    gacc::GAP_FILL,
    sipri::FILE,
    ukraine::RESOLUTIONS,
    ukraine::COMPLETION,
    ukraine::MEMBERS,
    unvotes::ROLL_CALLS,
    unvotes::VOTES,
    unvotes::DL_2020_2021,
    vetoes::COMPILED,
    vetoes::PRESS,
    voeten::FILE,
    pressure::FILE,
    dual_use::FILE,
];

/// Licence texts that must travel with the copies of their source's files (MIT notice).
pub const LICENCE_NOTICES: &[&str] = &["unsc_vetoes/SOURCE_LICENSE.txt"];

use std::collections::BTreeMap;
use std::path::Path;

/// Every dataset the pipeline produces, in id order.
pub fn build_all(raw_dir: &Path) -> Result<Vec<Dataset>, String> {
    let events = facts::events()?;
    let (dots, gacc_rows) = trade::read(raw_dir)?;
    let mut all = Vec::new();
    // Time datasets that carry event markers.
    let arms = sipri::read(raw_dir)?;
    let mut timed = vec![
        sipri::arms_ru_cn(&arms)?,
        sipri::arms_ru_share(&arms)?,
        trade::trade_annual(&dots, &gacc_rows)?,
        trade::trade_monthly(&gacc_rows)?,
        dots::trade_shares(&dots)?,
        unvotes::unga_ideal_points(raw_dir)?,
        voeten::unga_agreement(raw_dir)?,
    ];
    let [vetoes_list, vetoes_per_year]: [Dataset; 2] =
        vetoes::datasets(raw_dir)?.try_into().map_err(|_| "vetoes: expected two datasets".to_string())?;
    timed.push(vetoes_per_year);
    let pressure_rows = pressure::read(raw_dir)?;
    for ds in &mut timed {
        facts::attach(ds, &events);
        if ds.id == "trade-monthly" {
            pressure::attach(ds, &pressure_rows);
        }
    }
    all.extend(timed);
    all.push(dots::trade_ussr(&dots)?);
    all.push(sipri::arms_cn_ru(&arms)?);
    all.push(chpl::chpl(raw_dir)?);
    all.push(dual_use::dual_use_figures(raw_dir)?);
    all.push(vetoes_list);
    all.push(unvotes::unga_coincidence(raw_dir)?);
    all.extend(ukraine::datasets(raw_dir)?);
    all.sort_by(|a, b| a.id.cmp(&b.id));
    cross_check_agreement(&mut all);
    i18n::translate(&mut all)?;
    for ds in &all {
        validate(ds).map_err(|e| e.to_string())?;
    }
    Ok(all)
}

/// How the published agreement index compares with the coincidence dragonbear counts from the
/// vote-level data, in both abstention rules: the rule whose gap is small is the one the index
/// follows. Written into the index's notes, so the chart's Sources panel says it with figures.
fn cross_check_agreement(all: &mut [Dataset]) {
    let find = |all: &[Dataset], ds: &str, series: &str| -> Vec<(String, f64)> {
        all.iter()
            .find(|d| d.id == ds)
            .and_then(|d| d.series.iter().find(|s| s.id == series))
            .map(|s| s.points.iter().map(|p| (p.period.to_string(), p.value)).collect())
            .unwrap_or_default()
    };
    let index = find(all, "unga-agreement", "china-russia");
    let gap = |other: &[(String, f64)]| -> Option<(f64, usize)> {
        let diffs: Vec<f64> =
            other.iter().filter_map(|(p, v)| index.iter().find(|(q, _)| q == p).map(|(_, w)| (v - w).abs())).collect();
        (!diffs.is_empty()).then(|| (diffs.iter().sum::<f64>() / diffs.len() as f64 * 100.0, diffs.len()))
    };
    let (Some((exact, n)), Some((half, _))) =
        (gap(&find(all, "unga-coincidence", "china-russia")), gap(&find(all, "unga-coincidence", "china-russia-half")))
    else {
        return;
    };
    let span = all.iter().find(|d| d.id == "unga-coincidence").map(span::year_range).unwrap_or_default();
    if let Some(ds) = all.iter_mut().find(|d| d.id == "unga-agreement") {
        ds.notes.push(format!(
            "Cross-check against dragonbear's own count from the vote-level data (chart unga-coincidence, calendar years, {n} years {span}): China–Russia agreement differs on average by {exact:.1} percentage points from the share of identical votes (an abstention matching only an abstention) and by {half:.1} points when a yes or no against an abstention counts as half — so the index behaves like the share of identical votes (the index is per session, and sessions span two calendar years)."
        ));
    }
}

/// Canonical JSON of a dataset: sorted keys, two-space indent, trailing newline.
pub fn to_canonical_json(ds: &Dataset) -> String {
    let value = serde_json::to_value(ds).expect("a Dataset always serialises");
    let mut s = serde_json::to_string_pretty(&sort_keys(value)).expect("a Value always serialises");
    s.push('\n');
    s
}

fn sort_keys(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            let sorted: BTreeMap<String, Value> = m.into_iter().map(|(k, v)| (k, sort_keys(v))).collect();
            Value::Object(sorted.into_iter().collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(sort_keys).collect()),
        other => other,
    }
}

/// What `--check` found: files that differ, are missing, or are not produced any more.
pub fn check(out_dir: &Path, datasets: &[Dataset]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut expected = std::collections::BTreeSet::new();
    for ds in datasets {
        let name = format!("{}.json", ds.id);
        expected.insert(name.clone());
        let want = to_canonical_json(ds);
        match std::fs::read_to_string(out_dir.join(&name)) {
            Err(_) => problems.push(format!("missing: {name}")),
            Ok(have) if have != want => {
                let first = have.lines().zip(want.lines()).position(|(a, b)| a != b);
                let line = first.map_or_else(|| have.lines().count().min(want.lines().count()) + 1, |i| i + 1);
                problems.push(format!(
                    "stale: {name} (first difference at line {line}; {} lines on disk, {} expected)",
                    have.lines().count(),
                    want.lines().count()
                ));
            }
            Ok(_) => {}
        }
    }
    if let Ok(rd) = std::fs::read_dir(out_dir) {
        for e in rd.flatten() {
            let n = e.file_name().to_string_lossy().to_string();
            if n.ends_with(".json") && !expected.contains(&n) {
                problems.push(format!("not produced by build-data any more: {n}"));
            }
        }
    }
    problems.sort();
    problems
}

/// Writes every dataset; removes `data/*.json` files the pipeline no longer produces.
pub fn write(out_dir: &Path, datasets: &[Dataset]) -> Result<(), String> {
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let keep: Vec<String> = datasets.iter().map(|d| format!("{}.json", d.id)).collect();
    if let Ok(rd) = std::fs::read_dir(out_dir) {
        for e in rd.flatten() {
            let n = e.file_name().to_string_lossy().to_string();
            if n.ends_with(".json") && !keep.contains(&n) {
                std::fs::remove_file(e.path()).map_err(|e| e.to_string())?;
            }
        }
    }
    for ds in datasets {
        let p = out_dir.join(format!("{}.json", ds.id));
        std::fs::write(&p, to_canonical_json(ds)).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    Ok(())
}
