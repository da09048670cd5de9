//! Event markers on a time axis: a dashed rule per event and a short label above the plot, placed
//! right of the rule (or left, near the right edge) on the first row where it overlaps nothing.

use super::chrome::{Rect, LABEL_SIZE};
use crate::data::{Dataset, Frequency, Period};
use crate::error::Result;
use crate::model::{format, sort};
use crate::render::{Anchor, Measure, Painter, Surface, Theme};

const ROW: f64 = 14.0;
const SIZE: f64 = LABEL_SIZE - 1.0;

#[derive(Debug, Clone)]
pub struct Marker {
    pub px: f64,
    label: String,
    label_x: f64,
    /// Width of the label text (CSS px).
    width: f64,
    row: usize,
    right_aligned: bool,
}

/// What gets a marker: the dataset's events, and every point where a series' source changes
/// publisher (e.g. IMF figures followed by Chinese customs figures), at the midpoint between the
/// two periods.
pub fn items(ds: &Dataset) -> Vec<(f64, String)> {
    let mut out: Vec<(f64, String)> = ds
        .events
        .iter()
        .filter_map(|e| Some((Period::parse(&e.date)?.to_x(), e.short.clone().unwrap_or_else(|| e.label.clone()))))
        .collect();
    if ds.frequency != Frequency::Records {
        // One marker per change of source (old → new), at its earliest place in any series.
        let mut changes: Vec<(&str, &str, f64)> = Vec::new();
        for s in &ds.series {
            let pts = &s.points;
            for i in pts.source_changes() {
                // Pages of one publisher (each GACC figure's own news page) are one source here.
                let publisher = |id| ds.source(id).map_or(id, |s| s.publisher.as_str());
                let (from, to) = (publisher(pts.source(i - 1)), publisher(pts.source(i)));
                if from == to {
                    continue;
                }
                let (Some(a), Some(b)) = (Period::parse(pts.periods().get(i - 1)), Period::parse(pts.periods().get(i)))
                else {
                    continue;
                };
                let x = (a.to_x() + b.to_x()) / 2.0;
                match changes.iter_mut().find(|c| c.0 == from && c.1 == to) {
                    Some(c) => c.2 = c.2.min(x),
                    None => changes.push((from, to, x)),
                }
            }
        }
        out.extend(changes.into_iter().map(|c| (c.2, "Source changes".to_string())));
    }
    sort::sort_by(&mut out, |a, b| a.0.total_cmp(&b.0));
    out
}

/// Lays out markers for `items` (time x, label) inside `[x0, x1]` (px via `to_px`); returns them
/// and the number of label rows they need above the plot.
pub fn layout(
    items: &[(f64, String)],
    m: &dyn Measure,
    to_px: impl Fn(f64) -> Option<f64>,
    x0: f64,
    x1: f64,
) -> (Vec<Marker>, usize) {
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut out = Vec::new();
    for (x, label) in items {
        let Some(px) = to_px(*x).filter(|px| *px >= x0 - 0.5 && *px <= x1 + 0.5) else {
            continue;
        };
        let label = label.clone();
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
        out.push(Marker {
            px,
            label,
            label_x: if right_aligned { px - 4.0 } else { px + 4.0 },
            width: w,
            row,
            right_aligned,
        });
    }
    (out, rows.len())
}

/// Height the label rows take above the plot.
pub fn rows_height(rows: usize) -> f64 {
    rows as f64 * ROW
}

pub fn draw<S: Surface + ?Sized>(
    p: &mut Painter<S>,
    markers: &[Marker],
    rows: usize,
    plot: Rect,
    t: &Theme,
) -> Result<()> {
    // Rules first, then the labels on a background patch, so a rule running down from a label
    // in a row above passes behind a lower label instead of through its letters.
    for mk in markers {
        let top = plot.1 - rows_height(rows) + mk.row as f64 * ROW;
        p.dashed((mk.px, top + 2.0), (mk.px, plot.3), t.crosshair, 1.0, 4.0, 3.0)?;
    }
    for mk in markers.iter().filter(|mk| !mk.label.is_empty()) {
        let top = plot.1 - rows_height(rows) + mk.row as f64 * ROW;
        let (a, b) =
            if mk.right_aligned { (mk.label_x - mk.width, mk.label_x) } else { (mk.label_x, mk.label_x + mk.width) };
        p.fill_rect((a - 1.0, top), (b + 1.0, top + ROW - 2.0), t.background)?;
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
