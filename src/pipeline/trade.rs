//! `trade-annual` (IMF DOTS 1992–2020, then GACC full-year figures) and `trade-monthly` (GACC).

use super::dots::{self, Dots};
use super::gacc;
use super::span;
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
    let years_of = |s: &Series, dots: bool| -> Vec<i32> {
        s.points.iter().filter(|p| (p.source == "imf-dots") == dots).filter_map(|p| p.period.parse().ok()).collect()
    };
    let (dots_years, gacc_years) = (span::years(years_of(&series[0], true)), span::years(years_of(&series[0], false)));
    let total_years: Vec<i32> = series[0].points.iter().filter_map(|p| p.period.parse().ok()).collect();
    let split_years: Vec<i32> = series[1].points.iter().filter_map(|p| p.period.parse().ok()).collect();
    let no_split = span::years(total_years.iter().copied().filter(|y| !split_years.contains(y)));
    let mut ds = Dataset {
        id: "trade-annual".into(),
        title: String::new(),
        domain: Domain::Economic,
        unit: Unit::UsdBn,
        frequency: Frequency::Annual,
        description: "China's goods exports to Russia, imports from Russia and their total, in billions of current US dollars, as recorded by China's customs.".into(),
        notes: vec![
            format!("{dots_years}: IMF Direction of Trade Statistics with China as reporter (USD millions / 1000, 6 decimals). {gacc_years}: full-year figures of China's General Administration of Customs (GACC) as quoted in the press, exactly as printed; each point's source is the page it was read from."),
            "DOTS and GACC headline figures for the same year differ slightly (DOTS includes revisions and IMF processing: e.g. 2016 DOTS 69.75 bn vs GACC 69.525 bn; 2019 109.74 vs 110.75).".into(),
            "Where several outlets print the same GACC figure, the most precise printed value is used; ties go to the value printed by more rows, then to the first row of the file. Rows whose note marks them NOT GACC, CONFLICT, SUM CHECK FAILS or LOW QUALITY are not used (e.g. 2021: 130.428 is the Jan–Nov figure, 148.8 a typo; 146.887 is used).".into(),
            format!("Gaps: no export/import split was found for {no_split} (only the total)."),
            "The 2025 split (103.309 / 124.796) is printed only by a Chinese aggregator site; its total (228.105) is confirmed by TASS.".into(),
            "Exports are FOB, imports CIF. Russia's own customs (FCS) figures differ and are not mixed in.".into(),
        ],
        sources: vec![dots::source_china(d)],
        series,
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    };
    ds.title = format!("China–Russia goods trade, {} (China-reported)", span::year_range(&ds));
    with_gacc_pages(ds, rows)
}

/// Adds the source entry of every GACC page a point of `ds` names (one per page, with its URL).
fn with_gacc_pages(mut ds: Dataset, rows: &[gacc::Row]) -> Result<Dataset, String> {
    let ids: Vec<String> = ds
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.source.to_string()).collect::<Vec<_>>())
        .filter(|id| id.starts_with(gacc::SOURCE_ID))
        .collect();
    ds.sources.extend(gacc::page_sources(rows, ids.iter().map(String::as_str)));
    Ok(ds)
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
    let periods = |suffix: &str| -> Vec<String> {
        series
            .iter()
            .filter(|s| s.id.ends_with(suffix))
            .flat_map(|s| s.points.iter().map(|p| p.period.to_string()).collect::<Vec<_>>())
            .collect()
    };
    let (derived_p, printed_p) = (periods("-derived"), periods("-printed"));
    let span_of = |v: &[String]| span::month_range(v.iter().map(String::as_str));
    let mut februaries: Vec<&String> = printed_p.iter().filter(|p| p.ends_with("-02")).collect();
    februaries.sort();
    februaries.dedup();
    let feb_text = if februaries.is_empty() {
        "No outlet printed February alone, so there is no February value either.".to_string()
    } else {
        format!(
            "February appears only where an outlet printed February alone: {}.",
            februaries.iter().map(|p| span::month(p)).collect::<Vec<_>>().join(", ")
        )
    };
    let mut notes = vec![
        format!("Coverage: derived series {}, printed series {}; many months in between have no figure. The chart draws the derived series (its title gives their range); the printed single months are kept in the dataset beside them.", span_of(&derived_p), span_of(&printed_p)),
        "\"Derived\" series: month M = GACC year-to-date Jan–M minus Jan–(M−1) of the same year, December = full year minus Jan–Nov, only where both figures exist, computed in exact decimal arithmetic on the printed digits. Rows flagged NOT GACC, CONFLICT, SUM CHECK FAILS or LOW QUALITY in the raw file are not used, nor totals printed only as a bound (\"more than\", \"exceeding\"). Where the two figures are printed to different precision, the difference is rounded (half away from zero) to the coarser one and the point note says so. Each derived point's note gives both figures' pages.".into(),
        "\"Printed\" series: GACC's own single-month figures (or Reuters' calculations from GACC tables) as quoted. They are not identical with the derived months because each cumulative release revises earlier months: derived months are typically 0.1–0.3 bn higher. The two kinds are never mixed in one series.".into(),
        format!("GACC publishes January and February together, so there is no January value; the Jan–Feb block is not a month and is used only as the base for March. {feb_text}"),
    ];
    let bounds = gacc::bounds_left_out(rows, gacc::Kind::Month);
    if !bounds.is_empty() {
        notes.push(format!("Left out, because a bound is not a value: {}.", bounds.join("; ")));
    }
    notes.push("Where several outlets print the same period, the most precise printed value is used (PROVENANCE §8d); ties go to the value printed by more rows, then to the first row of the file. Each point's source is the page it was read from.".into());
    notes.push(format!("Gap fill ({}): {}.", gacc::GAP_FILL, gacc::gap_fill_report(rows).join("; ")));
    notes.push(
        "The raw table is scattered: many months have no figure (see gaps in the series). Nothing is interpolated."
            .into(),
    );
    let ds = Dataset {
        id: "trade-monthly".into(),
        // The chart draws the derived series: the title's range is theirs.
        title: format!("China–Russia goods trade by month, {} (GACC, China-reported)", span_of(&derived_p)),
        domain: Domain::Economic,
        unit: Unit::UsdBn,
        frequency: Frequency::Monthly,
        description: "Single-month China–Russia goods trade in billions of US dollars from China's customs figures as quoted in the press: months derived from year-to-date totals, and single-month figures as printed, kept in separate series.".into(),
        notes,
        sources: vec![],
        series,
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    };
    with_gacc_pages(ds, rows)
}

/// Reads both raw trade files.
pub fn read(raw_dir: &Path) -> Result<(Dots, Vec<gacc::Row>), String> {
    Ok((Dots::read(raw_dir)?, gacc::read(raw_dir)?))
}
