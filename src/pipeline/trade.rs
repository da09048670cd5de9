//! `trade-annual` (IMF DOTS 1992–2020, then GACC full-year figures) and `trade-monthly` (GACC).

use super::dots::{self, Dots};
use super::gacc;
use crate::data::{Dataset, Domain, Frequency, Point, Series, Unit};
use std::path::Path;

const LABELS: [&str; 3] = [
    "Total China–Russia goods trade (China-reported)",
    "China's exports to Russia (China-reported)",
    "China's imports from Russia (China-reported)",
];

pub fn trade_annual(d: &Dots, rows: &[gacc::Row]) -> Result<Dataset, String> {
    let dots_pts = d.china_with(dots::RUSSIA, "imf-dots");
    let gacc_pts = gacc::annual(rows);
    let mut series = Vec::new();
    for (f, (id, _)) in gacc::FIELDS.iter().enumerate() {
        let mut points: Vec<Point> = dots_pts[f].iter().filter(|p| &*p.period <= "2020").cloned().collect();
        let last_dots = points.last().map(|p| p.period.clone()).unwrap_or_default();
        let mut first = true;
        for p in &gacc_pts[f] {
            if p.period <= last_dots {
                continue;
            }
            let mut p = p.clone();
            if first {
                let n = p.note.take().unwrap_or_default();
                p.note = Some(format!(
                    "Source changes: GACC figures quoted in the press from 2021 (IMF DOTS up to 2020). {n}"
                ));
                first = false;
            }
            points.push(p);
        }
        series.push(Series {
            unit: None,
            id: (*id).into(),
            label: LABELS[f].into(),
            note: Some(format!(
                "1992–2020: {} (reporter China, partner Russian Federation); 2021 onwards: {}",
                dots::FILE,
                gacc::FILE
            )),
            points: points.into(),
        });
    }
    Ok(Dataset {
        id: "trade-annual".into(),
        title: "China–Russia goods trade, 1992–2025 (China-reported)".into(),
        domain: Domain::Economic,
        unit: Unit::UsdBn,
        frequency: Frequency::Annual,
        description: "China's goods exports to Russia, imports from Russia and their total, in billions of current US dollars, as recorded by China's customs.".into(),
        notes: vec![
            "1992–2020: IMF Direction of Trade Statistics with China as reporter (USD millions / 1000, 6 decimals). 2021 onwards: full-year figures of China's General Administration of Customs (GACC) as quoted in the press, exactly as printed. The source changes between 2020 and 2021.".into(),
            "DOTS and GACC headline figures for the same year differ slightly (DOTS includes revisions and IMF processing: e.g. 2016 DOTS 69.75 bn vs GACC 69.525 bn; 2019 109.74 vs 110.75).".into(),
            "Where several outlets print the same GACC figure, the most precise printed value is used; ties go to the value printed by more rows, then to the first row of the file. Rows whose note marks them NOT GACC, CONFLICT, SUM CHECK FAILS or LOW QUALITY are not used (e.g. 2021: 130.428 is the Jan–Nov figure, 148.8 a typo; 146.887 is used).".into(),
            "Gaps: no export/import split was found for 2021 or 2023 (only the total). The 2025 split (103.309 / 124.796) is printed only by a Chinese aggregator site; its total (228.105) is confirmed by TASS.".into(),
            "Exports are FOB, imports CIF. Russia's own customs (FCS) figures differ and are not mixed in.".into(),
        ],
        sources: vec![dots::source_china(), gacc::source()],
        series,
        events: vec![],
    })
}

pub fn trade_monthly(rows: &[gacc::Row]) -> Result<Dataset, String> {
    let derived = gacc::derived_months(rows);
    let printed = gacc::printed_months(rows);
    let mut series = Vec::new();
    let names = ["Total trade", "China's exports to Russia", "China's imports from Russia"];
    for (f, (id, _)) in gacc::FIELDS.iter().enumerate() {
        if !derived[f].is_empty() {
            series.push(Series {
                unit: None,
                id: format!("{id}-derived"),
                label: format!("{} (derived from year-to-date figures)", names[f]),
                note: Some(
                    "Single month = GACC Jan–M minus Jan–(M−1) of the same year; December = full year minus Jan–Nov"
                        .into(),
                ),
                points: derived[f].clone().into(),
            });
        }
    }
    for (f, (id, _)) in gacc::FIELDS.iter().enumerate() {
        if !printed[f].is_empty() {
            series.push(Series {
                unit: None,
                id: format!("{id}-printed"),
                label: format!("{} (single month as printed)", names[f]),
                note: Some("GACC single-month figures as quoted in the press (first release)".into()),
                points: printed[f].clone().into(),
            });
        }
    }
    Ok(Dataset {
        id: "trade-monthly".into(),
        title: "China–Russia goods trade by month, 2021–2026 (GACC, China-reported)".into(),
        domain: Domain::Economic,
        unit: Unit::UsdBn,
        frequency: Frequency::Monthly,
        description: "Single-month China–Russia goods trade in billions of US dollars from China's customs figures as quoted in the press: months derived from year-to-date totals, and single-month figures as printed, kept in separate series.".into(),
        notes: vec![
            "\"Derived\" series: month M = GACC year-to-date Jan–M minus Jan–(M−1) of the same year, December = full year minus Jan–Nov, only where both figures exist. Rows flagged NOT GACC, CONFLICT, SUM CHECK FAILS or LOW QUALITY in the raw file are not used, nor year-to-date totals printed only as a bound (\"more than\", \"exceeding\"). Where the two figures are printed to different precision, the difference is rounded to the coarser one and the point note says so.".into(),
            "\"Printed\" series: GACC's own single-month figures (or Reuters' calculations from GACC tables) as quoted. They are not identical with the derived months because each cumulative release revises earlier months: derived months are typically 0.1–0.3 bn higher. The two kinds are never mixed in one series.".into(),
            "GACC publishes January and February together, so there is no January or February value: the Jan–Feb block is left out of every monthly series (it is used only as the base for March).".into(),
            "Where several outlets print the same period, the most precise printed value is used (PROVENANCE §8d); ties go to the value printed by more rows, then to the first row of the file. Each point's note names the outlet and page.".into(),
            "The raw table is scattered: many months have no figure (see gaps in the series). Nothing is interpolated.".into(),
        ],
        sources: vec![gacc::source()],
        series,
        events: vec![],
    })
}

/// Reads both raw trade files.
pub fn read(raw_dir: &Path) -> Result<(Dots, Vec<gacc::Row>), String> {
    Ok((Dots::read(raw_dir)?, gacc::read(raw_dir)?))
}
