//! The Table view: exactly the points a chart draws (visible series), formatted as in tooltips.

use crate::data::Dataset;
use crate::model::locale::Locale;

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub series: String,
    pub period: String,
    pub value: String,
    pub source: String,
    /// The point's own note (how it was derived, a caveat), if any.
    pub note: String,
}

/// One row per drawn point, series by series, in the reader's language; `hidden[i]` leaves series
/// `i` out.
pub fn table_rows(ds: &Dataset, hidden: &[bool], l: Locale) -> Vec<TableRow> {
    let mut rows = Vec::new();
    for (i, s) in ds.series.iter().enumerate() {
        if hidden.get(i).copied().unwrap_or(false) {
            continue;
        }
        for p in &s.points {
            let label = p.label.map(|l| format!("{l}, ")).unwrap_or_default();
            rows.push(TableRow {
                series: s.label.clone(),
                period: format!("{label}{}", l.period(p.period, ds.frequency)),
                value: l.value(p.value, ds.unit_of(i)),
                source: ds.source(p.source).map_or_else(|| p.source.to_string(), |s| s.title.clone()),
                note: p.note.unwrap_or_default().to_string(),
            });
        }
    }
    rows
}
