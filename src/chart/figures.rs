//! Reported figures: one row per figure a page printed, grouped by unit, each a mark on its own
//! group's scale with the figure as printed beside it. A lower bound ("over 300") is a mark with an
//! arrow towards where the true value lies, an upper bound ("under") the other way, a rounded
//! figure ("about 90") a ring. Marks are never joined or added up: they come from different pages,
//! periods and definitions.
//!
//! [`FigureChart::new`] computes every row's geometry once; `draw`, `draw_hover`, `hit` and
//! `tooltip` read it. Rows that do not fit are counted in a line, never cut.

use super::chrome::{series_entries, Chrome, Rect, LABEL_SIZE};
use super::ChartKind;
use super::{Frame, Tooltip, TooltipRow};
use crate::data::Dataset;
use crate::error::Result;
use crate::model::locale::{Locale, Text};
use crate::render::{ellipsize, Anchor, Painter, Rgb, Surface};

const ROW: f64 = 20.0;
const COMPACT_ROW: f64 = 18.0;
const HEAD: f64 = 20.0;
const GROUP_GAP: f64 = 6.0;
const MARK_R: f64 = 4.0;
const ARROW: f64 = 16.0;
const SIZE: f64 = LABEL_SIZE - 1.0;

/// How a figure is qualified, read from the start of its label (as build-data writes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Value,
    /// "over", "at least": the true value lies above.
    Lower,
    /// "under": the true value lies below.
    Upper,
    /// "about": rounded.
    About,
}

impl Bound {
    pub fn of(label: &str) -> Bound {
        if label.starts_with("over ") || label.starts_with("at least ") {
            Bound::Lower
        } else if label.starts_with("under ") {
            Bound::Upper
        } else if label.starts_with("about ") {
            Bound::About
        } else {
            Bound::Value
        }
    }
    fn word(self, l: Locale) -> &'static str {
        l.text(match self {
            Bound::Value => Text::FigureAsPrinted,
            Bound::Lower => Text::LowerBound,
            Bound::Upper => Text::UpperBound,
            Bound::About => Text::Rounded,
        })
    }
}

#[derive(Debug, Clone)]
struct Row {
    series: usize,
    /// The whole row (text and mark), for hit-testing and the hover outline.
    rect: Rect,
    what: String,
    /// Text drawn at the left (ellipsized to its column).
    shown: String,
    printed: String,
    bound: Bound,
    mark: (f64, f64),
    note: String,
    source: String,
}

#[derive(Debug, Clone)]
struct Group {
    heading: String,
    at: (f64, f64),
    /// The group's zero, if inside its scale: x and the rows' vertical extent.
    zero: Option<(f64, f64, f64)>,
}

#[derive(Debug, Clone)]
pub struct FigureChart {
    chrome: Chrome,
    groups: Vec<Group>,
    rows: Vec<Row>,
    colors: Vec<(String, Rgb)>,
    more: Option<((f64, f64), String)>,
    empty: Option<String>,
    summary: String,
}

impl FigureChart {
    /// Centre of a row's mark, for tests.
    pub fn mark_at(&self, k: usize) -> Option<(f64, f64)> {
        self.rows.get(k).map(|r| r.mark)
    }
}

impl ChartKind for FigureChart {
    fn new(ds: &Dataset, frame: &Frame, hidden: &[bool]) -> FigureChart {
        let l = frame.locale;
        let theme = frame.theme.clone();
        let m = &*frame.measure;
        let is_hidden = |i: usize| hidden.get(i).copied().unwrap_or(false);
        let entries = series_entries(ds, hidden, |i| theme.series_color(i));
        let chrome = Chrome::new(ds, frame, entries, "");
        let (bx0, by0, bx1, by1) = chrome.body;
        let text_w = ((bx1 - bx0) * 0.48).max(80.0);
        let (ax0, ax1) = (bx0 + text_w + 10.0 + ARROW, bx1 - 70.0);
        // Headings above each unit group when everything fits; else none (the legend's colours
        // name the groups) and tighter rows, so a phone shows every figure.
        let shown = ds.series.iter().enumerate().filter(|(i, s)| !is_hidden(*i) && !s.points.is_empty());
        let (n_groups, n_rows) = shown.fold((0, 0), |(g, r), (_, s)| (g + 1, r + s.points.len()));
        let full = 4.0 + n_groups as f64 * (HEAD + GROUP_GAP) + n_rows as f64 * ROW;
        let compact = full > by1 - by0;
        let (head, row_h, gap) = if compact { (0.0, COMPACT_ROW, 2.0) } else { (HEAD, ROW, GROUP_GAP) };
        let mut groups = Vec::new();
        let mut rows = Vec::new();
        let mut y = by0 + 4.0;
        let mut total = 0;
        for (si, s) in ds.series.iter().enumerate() {
            if is_hidden(si) || s.points.is_empty() {
                continue;
            }
            total += s.points.len();
            if y + head + row_h > by1 {
                continue;
            }
            let values: Vec<f64> = s.points.iter().map(|p| p.value).collect();
            let lo = values.iter().copied().fold(0.0f64, f64::min);
            let hi = values.iter().copied().fold(0.0f64, f64::max);
            let span = if hi > lo { hi - lo } else { 1.0 };
            let x_of = |v: f64| ax0 + (v - lo) / span * (ax1 - ax0).max(10.0);
            let head_y = y;
            y += head;
            let first_row = y;
            for p in &s.points {
                if y + row_h > by1 {
                    break;
                }
                let label = p.label.unwrap_or("").to_string();
                let note = p.note.unwrap_or("").to_string();
                let what = note.split(';').next().unwrap_or("").trim().to_string();
                rows.push(Row {
                    series: si,
                    rect: (bx0, y, bx1, y + row_h),
                    shown: ellipsize(m, &what, SIZE, text_w),
                    what,
                    bound: Bound::of(&label),
                    printed: label,
                    mark: (x_of(p.value), y + row_h / 2.0),
                    note,
                    source: p.source.to_string(),
                });
                y += row_h;
            }
            let zero = (lo < 0.0).then(|| (x_of(0.0), first_row, y));
            let heading = if compact { String::new() } else { format!("{} · {}", s.label, s.points.len()) };
            groups.push(Group { heading, at: (bx0, head_y), zero });
            y += gap;
        }
        let more = (rows.len() < total).then(|| {
            ((bx0, (y + 2.0).min(by1 - LABEL_SIZE)), l.say(Text::MoreFigures, &[&l.count(total - rows.len())]))
        });
        let empty = if ds.point_count() == 0 {
            Some(l.text(Text::NoFigures).to_string())
        } else if total == 0 {
            Some(l.text(Text::EveryGroupHidden).to_string())
        } else {
            None
        };
        let colors = ds.series.iter().enumerate().map(|(i, s)| (s.label.clone(), theme.series_color(i))).collect();
        let summary = summarize(ds, &rows, l);
        FigureChart { chrome, groups, rows, colors, more, empty, summary }
    }

    fn draw<S: Surface + ?Sized>(&self, p: &mut Painter<S>) -> Result<()> {
        let t = &self.chrome.theme;
        if let Some(msg) = &self.empty {
            return self.chrome.draw_message(p, msg);
        }
        self.chrome.draw(p)?;
        for g in &self.groups {
            p.text(&g.heading, g.at, LABEL_SIZE, t.text, Anchor::LeftTop, true)?;
            if let Some((x, y0, y1)) = g.zero {
                p.line((x, y0), (x, y1), t.axis, 1.0)?;
            }
        }
        for r in &self.rows {
            let color = self.colors.get(r.series).map_or(t.muted, |c| c.1);
            let (x, y) = r.mark;
            p.line((r.rect.0, r.rect.3), (r.rect.2, r.rect.3), t.grid, 1.0)?;
            p.text(&r.shown, (r.rect.0, y), SIZE, t.text, Anchor::LeftMiddle, false)?;
            match r.bound {
                Bound::About => p.circle((x, y), MARK_R, color, false)?,
                _ => p.circle((x, y), MARK_R, color, true)?,
            }
            let dir = match r.bound {
                Bound::Lower => 1.0,
                Bound::Upper => -1.0,
                _ => 0.0,
            };
            if dir != 0.0 {
                let tip = x + dir * ARROW;
                p.line((x, y), (tip, y), color, 2.0)?;
                p.line((tip, y), (tip - dir * 5.0, y - 4.0), color, 2.0)?;
                p.line((tip, y), (tip - dir * 5.0, y + 4.0), color, 2.0)?;
            }
            let lx = x + if dir > 0.0 { ARROW + 6.0 } else { MARK_R + 6.0 };
            p.text(&r.printed, (lx, y), SIZE, t.text, Anchor::LeftMiddle, true)?;
        }
        if let Some((at, text)) = &self.more {
            p.text(text, *at, LABEL_SIZE, t.muted, Anchor::LeftTop, false)?;
        }
        p.present()
    }

    /// The hover layer: an outline around the row.
    fn draw_hover<S: Surface + ?Sized>(&self, p: &mut Painter<S>, hit: usize) -> Result<()> {
        let Some(r) = self.rows.get(hit) else { return Ok(()) };
        p.stroke_rect((r.rect.0 - 2.0, r.rect.1), (r.rect.2 + 2.0, r.rect.3), self.chrome.theme.text, 1.5)?;
        p.present()
    }

    /// The row under the pointer.
    fn hit(&self, x: f64, y: f64) -> Option<usize> {
        self.rows.iter().position(|r| x >= r.rect.0 && x <= r.rect.2 && y >= r.rect.1 && y < r.rect.3)
    }

    fn tooltip(&self, hit: usize) -> Option<Tooltip> {
        let r = self.rows.get(hit)?;
        let (unit, color) = self.colors.get(r.series).cloned().unwrap_or_default();
        Some(Tooltip {
            title: r.what.clone(),
            rows: vec![TooltipRow { label: unit, value: r.printed.clone(), color }],
            // What kind of figure it is, then what, when, who and the page.
            notes: vec![r.bound.word(self.chrome.locale).into(), r.note.clone()],
            source: self.chrome.source_text([r.source.as_str()]),
        })
    }

    fn anchor(&self, hit: usize) -> Option<(f64, f64)> {
        self.rows.get(hit).map(|r| r.mark)
    }

    fn legend_at(&self, x: f64, y: f64) -> Option<usize> {
        self.chrome.legend_at(x, y)
    }

    /// How much of the body the rows leave empty below them, and whether every figure is drawn.
    fn fit(&self) -> super::Fit {
        let bottoms = self.rows.iter().map(|r| r.rect.3).chain(self.more.as_ref().map(|m| m.0 .1 + LABEL_SIZE + 2.0));
        let body = self.chrome.body;
        super::Fit::content(body, body.1, self.empty.is_some(), bottoms, self.more.is_none())
    }

    fn summary(&self) -> String {
        self.summary.clone()
    }
}

/// "…: 8 figures in 6 units, 3 of them lower bounds; never joined or summed."
fn summarize(ds: &Dataset, rows: &[Row], l: Locale) -> String {
    let groups = ds.series.iter().filter(|s| !s.points.is_empty()).count();
    let lower = rows.iter().filter(|r| r.bound == Bound::Lower).count();
    l.say(Text::SummaryFigures, &[&ds.title, &l.count(ds.point_count()), &l.count(groups), &l.count(lower)])
}
