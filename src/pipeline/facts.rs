//! Dated events (`data/facts/events.csv`, compiled in) attached to the time datasets.
//!
//! Each row carries the page its date was read from; the event gets its own source entry
//! (`event-YYYY-MM-DD`) in every dataset it is attached to. An event is attached only when its date
//! falls inside the dataset's time range (first period to last period, all series).

use super::raw::Table;
use crate::data::{Dataset, Event, Frequency, Source};

pub const FILE: &str = "data/facts/events.csv";
const CSV: &str = include_str!("../../data/facts/events.csv");

/// One row of `events.csv` with the source entry it becomes.
#[derive(Debug, Clone)]
pub struct Fact {
    pub date: String,
    pub label: String,
    pub short: String,
    pub source: Source,
}

/// Reads the compiled-in events table.
pub fn events() -> Result<Vec<Fact>, String> {
    let t = Table::parse(FILE, CSV.as_bytes(), 0)?;
    let (c_date, c_label, c_short, c_url, c_title, c_pub) = (
        t.col("date")?,
        t.col("label")?,
        t.col("short")?,
        t.col("source_url")?,
        t.col("source_title")?,
        t.col("publisher")?,
    );
    let mut out: Vec<Fact> = Vec::new();
    for i in 0..t.rows.len() {
        let line = t.line(i);
        let date = t.cell(i, c_date).to_string();
        let ok = date.len() == 10
            && date.bytes().enumerate().all(|(k, b)| if k == 4 || k == 7 { b == b'-' } else { b.is_ascii_digit() });
        if !ok {
            return Err(format!("{FILE}: line {line}, column date: \"{date}\" is not YYYY-MM-DD"));
        }
        for (name, c) in [
            ("label", c_label),
            ("short", c_short),
            ("source_url", c_url),
            ("source_title", c_title),
            ("publisher", c_pub),
        ] {
            if t.cell(i, c).is_empty() {
                return Err(format!("{FILE}: line {line}, column {name}: empty"));
            }
        }
        let mut id = format!("event-{date}");
        let mut n = 2;
        while out.iter().any(|f| f.source.id == id) {
            id = format!("event-{date}-{n}");
            n += 1;
        }
        out.push(Fact {
            date: date.clone(),
            label: t.cell(i, c_label).to_string(),
            short: t.cell(i, c_short).to_string(),
            source: Source {
                id,
                title: t.cell(i, c_title).to_string(),
                publisher: t.cell(i, c_pub).to_string(),
                url: Some(t.cell(i, c_url).to_string()),
                repository: None,
                path: None,
                commit: None,
                licence: "Cited for the date of the event only; the page is © its publisher".into(),
                coverage: format!("date of the event ({date})"),
                retrieved: "2026-11".into(),
            },
        });
    }
    out.sort_by(|a, b| a.date.cmp(&b.date));
    Ok(out)
}

/// The first and last day a dataset covers, from its periods (`None` for records or no points).
fn range(ds: &Dataset) -> Option<(String, String)> {
    if ds.frequency == Frequency::Records {
        return None;
    }
    let periods = ds.series.iter().flat_map(|s| s.points.iter().map(|p| p.period));
    let (mut lo, mut hi): (Option<&str>, Option<&str>) = (None, None);
    for p in periods {
        lo = Some(lo.map_or(p, |l| l.min(p)));
        hi = Some(hi.map_or(p, |h| h.max(p)));
    }
    let pad = |p: &str, start: bool| match (p.len(), start) {
        (4, true) => format!("{p}-01-01"),
        (4, false) => format!("{p}-12-31"),
        (7, true) => format!("{p}-01"),
        (7, false) => format!("{p}-31"),
        _ => p.to_string(),
    };
    Some((pad(lo?, true), pad(hi?, false)))
}

/// Adds every event inside the dataset's time range, with its source entry.
pub fn attach(ds: &mut Dataset, facts: &[Fact]) {
    let Some((lo, hi)) = range(ds) else { return };
    for f in facts {
        if f.date.as_str() < lo.as_str() || f.date.as_str() > hi.as_str() {
            continue;
        }
        if ds.source(&f.source.id).is_none() {
            ds.sources.push(f.source.clone());
        }
        ds.events.push(Event {
            date: f.date.clone(),
            label: f.label.clone(),
            short: Some(f.short.clone()),
            source: f.source.id.clone(),
        });
    }
}
