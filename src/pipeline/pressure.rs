//! Dated pressure events, 2023–2026 (EU packages naming Chinese firms, US secondary sanctions on
//! foreign banks, Chinese banks and oil majors pulling back, China's own export controls) → the
//! events layer of `trade-monthly`.
//!
//! Raw: `pressure_events/china_russia_pressure_events.csv` (`date, date_basis, event, actor, kind,
//! source_url, quote, note`), one row per event, each with the page stating it. An event is drawn
//! only with a full date; each says what kind of date it is: the act's own date (signature,
//! adoption, statement, entry into force) or the date a page reported it.

use super::facts::Fact;
use super::raw::{squash, Table};
use crate::data::{Dataset, Source};
use std::path::Path;

pub const FILE: &str = "pressure_events/china_russia_pressure_events.csv";

/// The kind of date an event carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// The act's own date (signature, adoption, statement, entry into force).
    Act,
    /// The date a page reported the event.
    Report,
}

impl DateKind {
    /// From the raw `date_basis`: "… report date" and "article date" are reports; anything else
    /// names the act (a later report date in it, "reported 2023-05-09", does not change that).
    pub fn of(basis: &str) -> DateKind {
        let b = basis.to_lowercase();
        if b.contains("report date") || b.contains("article date") {
            DateKind::Report
        } else {
            DateKind::Act
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            DateKind::Act => "date of the act",
            DateKind::Report => "date of the report",
        }
    }
}

/// One raw row: the event as drawn, or why it is not.
pub struct Row {
    pub date: String,
    pub kind: DateKind,
    pub basis: String,
    pub event: String,
    pub actor: String,
    pub url: String,
}

fn full_date(s: &str) -> bool {
    s.len() == 10 && s.bytes().enumerate().all(|(k, b)| if k == 4 || k == 7 { b == b'-' } else { b.is_ascii_digit() })
}

pub fn read(raw_dir: &Path) -> Result<Vec<Row>, String> {
    let t = Table::read(raw_dir, FILE)?;
    let (c_date, c_basis, c_event, c_actor, c_url) =
        (t.col("date")?, t.col("date_basis")?, t.col("event")?, t.col("actor")?, t.col("source_url")?);
    let mut out = Vec::new();
    for i in 0..t.rows.len() {
        let url = t.cell(i, c_url);
        if !url.starts_with("http") {
            return Err(format!("{FILE}: line {}, column source_url: \"{url}\" is not a page address", t.line(i)));
        }
        out.push(Row {
            date: t.cell(i, c_date).to_string(),
            kind: DateKind::of(t.cell(i, c_basis)),
            basis: squash(t.cell(i, c_basis)),
            event: squash(t.cell(i, c_event)),
            actor: squash(t.cell(i, c_actor)),
            url: url.to_string(),
        });
    }
    Ok(out)
}

/// The events with a full date, as facts to attach (label: the event and its kind of date).
pub fn facts(rows: &[Row]) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::new();
    for r in rows.iter().filter(|r| full_date(&r.date)) {
        let mut id = format!("pressure-{}", r.date);
        let mut n = 2;
        while out.iter().any(|f| f.source.id == id) {
            id = format!("pressure-{}-{n}", r.date);
            n += 1;
        }
        let host = r.url.split('/').nth(2).unwrap_or(&r.url).trim_start_matches("www.").to_string();
        out.push(Fact {
            date: r.date.clone(),
            label: format!("{} ({}: {})", r.event, r.kind.as_str(), r.basis),
            short: r.actor.clone(),
            source: Source {
                id,
                title: format!("{} — {}", r.event, host),
                publisher: host,
                url: Some(r.url.clone()),
                repository: None,
                path: Some(FILE.into()),
                commit: None,
                licence: "Cited for the event and its date; the page is © its publisher (the raw file quotes the sentence read)".into(),
                coverage: format!("{} ({}: {})", r.date, r.kind.as_str(), r.basis),
                retrieved: "2026-11".into(),
            },
        });
    }
    out.sort_by(|a, b| a.date.cmp(&b.date));
    out
}

/// Attaches the pressure events inside the dataset's range and says which rows are not drawn.
pub fn attach(ds: &mut Dataset, rows: &[Row]) {
    let before = ds.events.len();
    super::facts::attach(ds, &facts(rows));
    let drawn = ds.events.len() - before;
    let undated: Vec<String> = rows
        .iter()
        .filter(|r| !full_date(&r.date))
        .map(|r| format!("{} ({}; date given as \"{}\", {})", r.event, r.actor, r.date, r.basis))
        .collect();
    let mut note = format!(
        "Pressure events ({FILE}): {drawn} dated events are drawn as markers, each with its page and the kind of date it carries (the act's own date, or the date a page reported it)."
    );
    if !undated.is_empty() {
        note.push_str(&format!(" Not drawn, for want of a full date: {}.", undated.join("; ")));
    }
    ds.notes.push(note);
}
