//! Event markers on a time axis: a dashed rule per event and a short label above the plot, placed
//! right of the rule (or left, near the right edge) on the first row where it overlaps nothing.
//! On a phone ([`Events`] numbered) the labels collapse to numbered badges in one row above the
//! plot and a key below the time axis; a badge or key entry is a hover target of its own whose
//! tooltip gives the event's date, full label and source.

use super::chrome::{Rect, LABEL_SIZE};
use super::Tooltip;
use crate::data::{Dataset, Frequency, Period};
use crate::error::Result;
use crate::model::locale::{Locale, Text};
use crate::model::sort;
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

/// What gets a marker: its time, the words drawn beside it, and what its tooltip says.
#[derive(Debug, Clone)]
pub struct Item {
    pub x: f64,
    pub short: String,
    /// Tooltip title (the event's date) and line (its full label).
    pub title: String,
    pub note: String,
    /// Source ids behind it.
    pub sources: Vec<String>,
}

/// What gets a marker: the dataset's events, and every point where a series' source changes
/// publisher (e.g. IMF figures followed by Chinese customs figures), at the midpoint between the
/// two periods.
pub fn items(ds: &Dataset, l: Locale) -> Vec<Item> {
    let mut out: Vec<Item> = ds
        .events
        .iter()
        .filter_map(|e| {
            Some(Item {
                x: Period::parse(&e.date)?.to_x(),
                short: e.short.clone().unwrap_or_else(|| e.label.clone()),
                title: l.period(&e.date, Frequency::Daily),
                note: e.label.clone(),
                sources: vec![e.source.clone()],
            })
        })
        .collect();
    if ds.frequency != Frequency::Records {
        // One marker per change of source (old → new), at its earliest place in any series.
        // (from publisher, to publisher, time, the two periods, the two source ids)
        let mut changes: Vec<(&str, &str, f64, String, [&str; 2])> = Vec::new();
        for s in &ds.series {
            let pts = &s.points;
            for i in pts.source_changes() {
                // Pages of one publisher (each GACC figure's own news page) are one source here.
                let publisher = |id| ds.source(id).map_or(id, |s| s.publisher.as_str());
                let (from_id, to_id) = (pts.source(i - 1), pts.source(i));
                let (from, to) = (publisher(from_id), publisher(to_id));
                if from == to {
                    continue;
                }
                let (pa, pb) = (pts.periods().get(i - 1), pts.periods().get(i));
                let (Some(a), Some(b)) = (Period::parse(pa), Period::parse(pb)) else {
                    continue;
                };
                let x = (a.to_x() + b.to_x()) / 2.0;
                let between = format!("{} – {}", l.period(pa, ds.frequency), l.period(pb, ds.frequency));
                match changes.iter_mut().find(|c| c.0 == from && c.1 == to) {
                    Some(c) if x < c.2 => (c.2, c.3, c.4) = (x, between, [from_id, to_id]),
                    Some(_) => {}
                    None => changes.push((from, to, x, between, [from_id, to_id])),
                }
            }
        }
        out.extend(changes.into_iter().map(|c| Item {
            x: c.2,
            short: l.text(Text::SourceChanges).to_string(),
            title: c.3,
            note: l.text(Text::SourceChanges).to_string(),
            sources: c.4.iter().map(|id| id.to_string()).collect(),
        }));
    }
    sort::sort_by(&mut out, |a, b| a.x.total_cmp(&b.x));
    out
}

/// Lays out markers for `items` (time x, label) inside `[x0, x1]` (px via `to_px`); returns them
/// and the number of label rows they need above the plot.
pub fn layout(
    items: &[Item],
    m: &dyn Measure,
    to_px: impl Fn(f64) -> Option<f64>,
    x0: f64,
    x1: f64,
) -> (Vec<Marker>, usize) {
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut out = Vec::new();
    for it in items {
        let Some(px) = to_px(it.x).filter(|px| *px >= x0 - 0.5 && *px <= x1 + 0.5) else {
            continue;
        };
        let label = it.short.clone();
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
pub fn lines_for(ds: &Dataset, l: Locale, period: &str, source_text: impl Fn(&str) -> String) -> Vec<String> {
    let Some(p) = Period::parse(period) else { return vec![] };
    ds.events
        .iter()
        .filter(|e| {
            Period::parse(&e.date)
                .is_some_and(|d| d.year == p.year && (ds.frequency != Frequency::Monthly || d.month == p.month))
        })
        .map(|e| format!("{}: {} ({})", l.period(&e.date, Frequency::Daily), e.label, source_text(&e.source)))
        .collect()
}

/// Radius of a numbered badge, and the height of the row of badges above the plot.
const BADGE_R: f64 = 7.0;
const BADGE_ROW: f64 = 18.0;
/// Height of a line of the key below the time axis.
const KEY_LINE: f64 = 17.0;
/// How far below the plot the key starts (under the time axis's labels).
const KEY_GAP: f64 = 24.0;

/// A numbered marker: its rule's column, its badge's centre x, its key entry's rectangle (relative
/// to the key's top) and what its tooltip says.
#[derive(Debug, Clone)]
struct Numbered {
    px: f64,
    cx: f64,
    number: String,
    short: String,
    key: Rect,
    title: String,
    note: String,
    source: String,
}

/// A time chart's event markers, labelled (wide) or numbered with a key (phones).
#[derive(Debug, Clone, Default)]
pub struct Events {
    labelled: Vec<Marker>,
    rows: usize,
    numbered: Vec<Numbered>,
    /// The plot the markers were placed against (set by [`Events::place`]).
    plot: Rect,
    key_h: f64,
}

impl Events {
    /// Markers for `items` inside `[x0, x1]`; `numbered` collapses labels to numbers with a key
    /// laid out across `key_x` (the chart's inner width); `source_text` names the sources.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        items: &[Item],
        m: &dyn Measure,
        to_px: impl Fn(f64) -> Option<f64>,
        x0: f64,
        x1: f64,
        numbered: bool,
        key_x: (f64, f64),
        source_text: impl Fn(&[String]) -> String,
    ) -> Events {
        if !numbered {
            let (labelled, rows) = layout(items, m, to_px, x0, x1);
            return Events { labelled, rows, ..Events::default() };
        }
        let mut out: Vec<Numbered> = Vec::new();
        for it in items {
            let Some(px) = to_px(it.x).filter(|px| *px >= x0 - 0.5 && *px <= x1 + 0.5) else { continue };
            out.push(Numbered {
                px,
                cx: px,
                number: format!("{}", out.len() + 1),
                short: it.short.clone(),
                key: (0.0, 0.0, 0.0, 0.0),
                title: it.title.clone(),
                note: it.note.clone(),
                source: source_text(&it.sources),
            });
        }
        // Badges side by side where events are close: pushed right, then back left of the edge.
        let step = 2.0 * BADGE_R + 3.0;
        for k in 1..out.len() {
            out[k].cx = out[k].cx.max(out[k - 1].cx + step);
        }
        let mut limit = x1;
        for n in out.iter_mut().rev() {
            n.cx = n.cx.min(limit);
            limit = n.cx - step;
        }
        // The key: "① label" entries in a flow.
        let (mut x, mut line) = (key_x.0, 0.0);
        for n in &mut out {
            let w = 2.0 * BADGE_R + 4.0 + m.width(&n.short, SIZE, false);
            if x > key_x.0 && x + w > key_x.1 {
                x = key_x.0;
                line += 1.0;
            }
            n.key = (x, line * KEY_LINE, x + w.min(key_x.1 - key_x.0), line * KEY_LINE + KEY_LINE - 2.0);
            x += w + 12.0;
        }
        let key_h = if out.is_empty() { 0.0 } else { (line + 1.0) * KEY_LINE + 2.0 };
        Events { numbered: out, key_h, ..Events::default() }
    }

    /// Height the markers take above the plot.
    pub fn top_height(&self) -> f64 {
        if self.numbered.is_empty() {
            rows_height(self.rows)
        } else {
            BADGE_ROW
        }
    }

    /// Height the key takes below the time axis's labels.
    pub fn key_height(&self) -> f64 {
        self.key_h
    }

    /// Fixes the markers to the plot they were laid out for.
    pub fn place(&mut self, plot: Rect) {
        self.plot = plot;
        let key_top = plot.3 + KEY_GAP;
        for n in &mut self.numbered {
            n.key = (n.key.0, n.key.1 + key_top, n.key.2, n.key.3 + key_top);
        }
    }

    fn badge_y(&self) -> f64 {
        self.plot.1 - BADGE_ROW / 2.0
    }

    pub fn draw<S: Surface + ?Sized>(&self, p: &mut Painter<S>, t: &Theme) -> Result<()> {
        if self.numbered.is_empty() {
            return draw(p, &self.labelled, self.rows, self.plot, t);
        }
        let by = self.badge_y();
        for n in &self.numbered {
            p.dashed((n.px, self.plot.1), (n.px, self.plot.3), t.crosshair, 1.0, 4.0, 3.0)?;
            if (n.cx - n.px).abs() > 0.5 {
                p.line((n.cx, by + BADGE_R), (n.px, self.plot.1), t.crosshair, 1.0)?;
            }
        }
        for n in &self.numbered {
            badge(p, (n.cx, by), &n.number, t)?;
            let ky = (n.key.1 + n.key.3) / 2.0;
            badge(p, (n.key.0 + BADGE_R, ky), &n.number, t)?;
            p.text(&n.short, (n.key.0 + 2.0 * BADGE_R + 4.0, ky), SIZE, t.muted, Anchor::LeftMiddle, false)?;
        }
        Ok(())
    }

    /// Ring around the hovered marker's badge and key entry.
    pub fn draw_hover<S: Surface + ?Sized>(&self, p: &mut Painter<S>, k: usize, t: &Theme) -> Result<()> {
        let Some(n) = self.numbered.get(k) else { return Ok(()) };
        p.circle((n.cx, self.badge_y()), BADGE_R + 2.0, t.text, false)?;
        p.dashed((n.px, self.plot.1), (n.px, self.plot.3), t.text, 1.5, 4.0, 3.0)?;
        p.stroke_rect((n.key.0 - 2.0, n.key.1 - 1.0), (n.key.2 + 2.0, n.key.3 + 1.0), t.text, 1.0)?;
        p.present()
    }

    /// Numbered markers (phones only): how many there are.
    pub fn len(&self) -> usize {
        self.numbered.len()
    }

    /// The numbered marker whose badge or key entry is under a position.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        let by = self.badge_y();
        self.numbered.iter().position(|n| {
            let on_badge = (x - n.cx).abs() <= BADGE_R + 3.0 && (y - by).abs() <= BADGE_R + 3.0;
            let on_key = x >= n.key.0 - 2.0 && x <= n.key.2 + 2.0 && y >= n.key.1 - 2.0 && y <= n.key.3 + 2.0;
            on_badge || on_key
        })
    }

    /// The badge's centre.
    pub fn anchor(&self, k: usize) -> Option<(f64, f64)> {
        self.numbered.get(k).map(|n| (n.cx, self.badge_y()))
    }

    /// The event's date, full label and source.
    pub fn tooltip(&self, k: usize) -> Option<Tooltip> {
        let n = self.numbered.get(k)?;
        Some(Tooltip {
            title: n.title.clone(),
            rows: Vec::new(),
            notes: vec![n.note.clone()],
            source: n.source.clone(),
        })
    }
}

/// A filled circle with a number in it (two digits in a smaller size, to stay inside it).
fn badge<S: Surface + ?Sized>(p: &mut Painter<S>, c: (f64, f64), number: &str, t: &Theme) -> Result<()> {
    p.circle(c, BADGE_R, t.muted, true)?;
    let size = if number.len() > 1 { SIZE - 3.0 } else { SIZE - 1.0 };
    // Centred on the circle (a text's top at half its size above the middle).
    p.text(number, (c.0, c.1 - size * 0.36), size, t.background, Anchor::CenterTop, true)
}
