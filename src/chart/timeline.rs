//! A timeline of dated records: one row per visible series, a mark per record at its date (e.g. a
//! veto by China, Russia, the USSR or the US). Hover finds the nearest mark and names every series
//! with a record on that date (joint vetoes), the record's label (draft symbol) and note (topic).

use super::chrome::{series_entries, Chrome, Rect, LABEL_SIZE};
use super::ChartKind;
use super::{Frame, Tooltip, TooltipRow};
use crate::data::{Dataset, Frequency, Period};
use crate::error::Result;
use crate::model::locale::{Locale, Text};
use crate::model::{clamp, ticks, LinearScale};
use crate::render::{ellipsize, Anchor, Painter, Rgb, Surface};

const MARK_W: f64 = 3.0;

#[derive(Debug, Clone)]
struct Mark {
    x: f64,
    y: f64,
    color: Rgb,
    title: String,
    rows: Vec<TooltipRow>,
    notes: Vec<String>,
    source: String,
}

#[derive(Debug, Clone)]
pub struct TimelineChart {
    chrome: Chrome,
    plot: Rect,
    /// `(y centre, label, count text)` per visible row.
    rows: Vec<(f64, String, String)>,
    row_h: f64,
    x_ticks: Vec<(f64, String)>,
    marks: Vec<Mark>,
    summary: String,
}

impl TimelineChart {
    /// The plot rectangle (CSS px).
    pub fn plot_rect(&self) -> Rect {
        self.plot
    }

    /// Position of mark `k` (in drawing order), for tests.
    pub fn mark_at(&self, k: usize) -> Option<(f64, f64)> {
        self.anchor(k)
    }
}

impl ChartKind for TimelineChart {
    fn new(ds: &Dataset, frame: &Frame, hidden: &[bool]) -> TimelineChart {
        let l = frame.locale;
        let theme = &frame.theme;
        let m = &*frame.measure;
        let is_hidden = |i: usize| hidden.get(i).copied().unwrap_or(false);
        let entries = series_entries(ds, hidden, |i| theme.series_color(i));
        let chrome = Chrome::new(ds, frame, entries, l.text(Text::TimelineAxis));
        let (bx0, by0, bx1, by1) = chrome.body;
        let visible: Vec<usize> = (0..ds.series.len()).filter(|i| !is_hidden(*i)).collect();

        // Row labels: the series label and its count.
        let label_size = LABEL_SIZE;
        let max_label = (bx1 - bx0) * 0.32;
        let row_labels: Vec<(String, String)> = visible
            .iter()
            .map(|&i| {
                let s = &ds.series[i];
                (ellipsize(m, &s.label, label_size, max_label), format!("{}", s.points.len()))
            })
            .collect();
        let label_w = row_labels
            .iter()
            .map(|(l, c)| m.width(l, label_size, false).max(m.width(c, label_size, true)))
            .fold(0.0, f64::max);
        let plot = (bx0 + label_w + 12.0, by0 + 4.0, bx1 - 6.0, (by1 - 22.0).max(by0 + 40.0));
        let all_x: Vec<f64> = ds
            .series
            .iter()
            .flat_map(|s| s.points.iter().filter_map(|p| Period::parse(p.period).map(Period::to_x)))
            .collect();
        let lo = all_x.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = all_x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (lo, hi) = if lo.is_finite() { (lo.floor(), hi.ceil()) } else { (0.0, 1.0) };
        let xs = LinearScale::new(lo, hi, plot.0, plot.2);
        let max_x_ticks = (((plot.2 - plot.0) / 60.0) as usize).clamp(2, 12);
        let x_ticks =
            ticks::year_ticks(lo, hi, max_x_ticks).into_iter().map(|y| (xs.map(y), format!("{:.0}", y))).collect();
        let n = visible.len().max(1) as f64;
        let row_h = (plot.3 - plot.1) / n;
        let rows = visible
            .iter()
            .zip(row_labels)
            .enumerate()
            .map(|(r, (_, (l, c)))| (plot.1 + row_h * (r as f64 + 0.5), l, c))
            .collect();

        // Who has a record on each date (to name joint records in the tooltip).
        let mut marks = Vec::new();
        for (r, &i) in visible.iter().enumerate() {
            let s = &ds.series[i];
            let color = theme.series_color(i);
            for p in &s.points {
                let Some(x) = Period::parse(p.period).map(Period::to_x) else { continue };
                let with: Vec<&str> = visible
                    .iter()
                    .filter(|&&j| j != i)
                    .filter(|&&j| ds.series[j].points.iter().any(|q| q.period == p.period && q.label == p.label))
                    .map(|&j| ds.series[j].label.as_str())
                    .collect();
                let by: Vec<String> = std::iter::once(s.label.as_str()).chain(with).map(str::to_string).collect();
                let mut rows = vec![TooltipRow { label: l.text(Text::VetoedBy).into(), value: l.and_list(&by), color }];
                if let Some(draft) = p.label {
                    rows.push(TooltipRow {
                        label: l.text(Text::Draft).into(),
                        value: draft.to_string(),
                        color: theme.muted,
                    });
                }
                marks.push(Mark {
                    x: xs.map(x),
                    y: plot.1 + row_h * (r as f64 + 0.5),
                    color,
                    title: l.period(p.period, Frequency::Daily),
                    rows,
                    notes: p.note.iter().map(|n| n.to_string()).collect(),
                    source: chrome.source_text([p.source]),
                });
            }
        }
        let summary = summarize(ds, &visible, l);
        TimelineChart { chrome, plot, rows, row_h, x_ticks, marks, summary }
    }

    fn draw<S: Surface + ?Sized>(&self, p: &mut Painter<S>) -> Result<()> {
        let t = &self.chrome.theme;
        self.chrome.draw(p)?;
        let (x0, _, x1, y1) = self.plot;
        for (px, _) in &self.x_ticks {
            p.line((*px, self.plot.1), (*px, y1), t.grid, 1.0)?;
        }
        let half = clamp(self.row_h * 0.32, 5.0, 14.0);
        for (y, label, count) in &self.rows {
            p.line((x0, *y), (x1, *y), t.grid, 1.0)?;
            p.text(label, (self.chrome.body.0, *y - 1.0), LABEL_SIZE, t.text, Anchor::LeftBottom, false)?;
            p.text(count, (self.chrome.body.0, *y + 1.0), LABEL_SIZE, t.muted, Anchor::LeftTop, true)?;
        }
        for mk in &self.marks {
            p.fill_rect((mk.x - MARK_W / 2.0, mk.y - half), (mk.x + MARK_W / 2.0, mk.y + half), mk.color)?;
        }
        p.line((x0, y1), (x1, y1), t.axis, 1.0)?;
        for (px, label) in &self.x_ticks {
            p.line((*px, y1), (*px, y1 + 4.0), t.axis, 1.0)?;
            p.text(label, (*px, y1 + 6.0), LABEL_SIZE, t.muted, Anchor::CenterTop, false)?;
        }
        p.present()
    }

    fn draw_hover<S: Surface + ?Sized>(&self, p: &mut Painter<S>, hit: usize) -> Result<()> {
        let Some(mk) = self.marks.get(hit) else { return Ok(()) };
        let half = clamp(self.row_h * 0.32, 5.0, 14.0) + 3.0;
        p.stroke_rect(
            (mk.x - MARK_W / 2.0 - 3.0, mk.y - half),
            (mk.x + MARK_W / 2.0 + 3.0, mk.y + half),
            self.chrome.theme.text,
            1.5,
        )?;
        p.present()
    }

    /// The nearest mark in the row under the pointer (within a few pixels horizontally).
    fn hit(&self, x: f64, y: f64) -> Option<usize> {
        let (x0, y0, x1, y1) = self.plot;
        if x < x0 - 8.0 || x > x1 + 8.0 || y < y0 || y > y1 {
            return None;
        }
        let row_y = self.rows.iter().map(|r| r.0).min_by(|a, b| (a - y).abs().total_cmp(&(b - y).abs()))?;
        self.marks
            .iter()
            .enumerate()
            .filter(|(_, m)| m.y == row_y && (m.x - x).abs() <= 8.0)
            .min_by(|a, b| (a.1.x - x).abs().total_cmp(&(b.1.x - x).abs()))
            .map(|(i, _)| i)
    }

    fn tooltip(&self, hit: usize) -> Option<Tooltip> {
        let mk = self.marks.get(hit)?;
        Some(Tooltip {
            title: mk.title.clone(),
            rows: mk.rows.clone(),
            notes: mk.notes.clone(),
            source: mk.source.clone(),
        })
    }

    fn anchor(&self, hit: usize) -> Option<(f64, f64)> {
        self.marks.get(hit).map(|m| (m.x, m.y))
    }

    fn legend_at(&self, x: f64, y: f64) -> Option<usize> {
        self.chrome.legend_at(x, y)
    }

    fn summary(&self) -> String {
        self.summary.clone()
    }

    fn fit(&self) -> super::Fit {
        super::Fit::Plot(self.plot_rect())
    }
}

/// Counts per visible series over the covered years, and records shared by the first two.
fn summarize(ds: &Dataset, visible: &[usize], l: Locale) -> String {
    let years: Vec<i32> = ds
        .series
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|p| Period::parse(p.period).map(|p| p.year)))
        .collect();
    let (Some(lo), Some(hi)) = (years.iter().min(), years.iter().max()) else {
        return l.say(Text::SummaryNoRecords, &[&ds.title]);
    };
    let counts: Vec<String> =
        visible.iter().map(|&i| format!("{} {}", ds.series[i].label, l.count(ds.series[i].points.len()))).collect();
    let counts = counts.join(", ");
    // The range once: titles computed from the data already end with it.
    let range = if lo == hi { lo.to_string() } else { format!("{lo}–{hi}") };
    let mut out = if ds.title.contains(&range) {
        l.say(Text::TitleList, &[&ds.title, &counts])
    } else {
        l.say(Text::TitleYearsList, &[&ds.title, &range, &counts])
    };
    if let [a, b, ..] = visible {
        let (sa, sb) = (&ds.series[*a], &ds.series[*b]);
        let joint =
            sa.points.iter().filter(|p| sb.points.iter().any(|q| q.period == p.period && q.label == p.label)).count();
        if joint > 0 {
            out.push_str(&l.say(Text::SameDraft, &[&sa.label, &sb.label, &l.count(joint)]));
        }
    }
    out
}
