//! Event markers on a time axis: a dashed rule per event and a short label above the plot, placed
//! right of the rule (or left, near the right edge) on the first row where it overlaps nothing.

use super::chrome::{Rect, LABEL_SIZE};
use crate::data::{Dataset, Frequency, Period};
use crate::error::Result;
use crate::model::format;
use crate::render::{Anchor, DrawingBackend, Measure, Painter, Theme};

const ROW: f64 = 14.0;
const SIZE: f64 = LABEL_SIZE - 1.0;

#[derive(Debug, Clone)]
pub struct Marker {
    pub px: f64,
    label: String,
    label_x: f64,
    row: usize,
    right_aligned: bool,
}

/// Lays out the markers of the events inside `[x0, x1]` (px via `to_px`); returns them and the
/// number of label rows they need above the plot.
pub fn layout(
    ds: &Dataset,
    m: &dyn Measure,
    to_px: impl Fn(f64) -> Option<f64>,
    x0: f64,
    x1: f64,
) -> (Vec<Marker>, usize) {
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut out = Vec::new();
    for e in &ds.events {
        let Some(px) =
            Period::parse(&e.date).and_then(|p| to_px(p.to_x())).filter(|px| *px >= x0 - 0.5 && *px <= x1 + 0.5)
        else {
            continue;
        };
        let label = e.short.clone().unwrap_or_else(|| e.label.clone());
        let w = m.width(&label, SIZE, false);
        let right_aligned = px + 4.0 + w > x1;
        let (a, b) = if right_aligned { (px - 4.0 - w, px - 2.0) } else { (px + 2.0, px + 4.0 + w) };
        let row = (0..3).find(|r| rows.get(*r).is_none_or(|occ| occ.iter().all(|(c, d)| b + 4.0 < *c || a > *d + 4.0)));
        let (label, row) = match row {
            Some(r) => {
                if rows.len() <= r {
                    rows.push(Vec::new());
                }
                rows[r].push((a, b));
                (label, r)
            }
            None => (String::new(), 0),
        };
        out.push(Marker { px, label, label_x: if right_aligned { px - 4.0 } else { px + 4.0 }, row, right_aligned });
    }
    (out, rows.len())
}

/// Height the label rows take above the plot.
pub fn rows_height(rows: usize) -> f64 {
    rows as f64 * ROW
}

pub fn draw<B: DrawingBackend>(
    p: &mut Painter<B>,
    markers: &[Marker],
    rows: usize,
    plot: Rect,
    t: &Theme,
) -> Result<()> {
    for mk in markers {
        let top = plot.1 - rows_height(rows) + mk.row as f64 * ROW;
        p.dashed((mk.px, top + 2.0), (mk.px, plot.3), t.crosshair, 1.0, 4.0, 3.0)?;
        let anchor = if mk.right_aligned { Anchor::RightTop } else { Anchor::LeftTop };
        p.text(&mk.label, (mk.label_x, top), SIZE, t.muted, anchor, false)?;
    }
    Ok(())
}

/// Tooltip lines for the events that fall in `period` (same year, or same month for monthly data).
pub fn lines_for(ds: &Dataset, period: &str, source_text: impl Fn(&str) -> String) -> Vec<String> {
    let Some(p) = Period::parse(period) else { return vec![] };
    ds.events
        .iter()
        .filter(|e| {
            Period::parse(&e.date)
                .is_some_and(|d| d.year == p.year && (ds.frequency != Frequency::Monthly || d.month == p.month))
        })
        .map(|e| format!("{}: {} ({})", format::period(&e.date, Frequency::Daily), e.label, source_text(&e.source)))
        .collect()
}
