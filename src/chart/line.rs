//! Line chart over time: one line per series, gaps where a period has no value, event markers,
//! a legend that toggles series, and a hover that snaps to the nearest period.
//!
//! [`LineChart::new`] computes every position once (CSS px); `draw`, `draw_hover`, `hit` and
//! `legend_at` only read that geometry, so what is hit is exactly what was drawn.

use super::chrome::{draw_x_axis, draw_y_grid, series_entries, Chrome, Rect, LABEL_SIZE};
use super::{markers, Frame, Tooltip, TooltipRow};
use crate::data::{Dataset, Frequency, Period, Unit};
use crate::error::Result;
use crate::model::{decimate, format, ticks, LinearScale};
use crate::render::{Painter, Rgb, Surface};

const LINE_WIDTH: f64 = 2.0;

#[derive(Debug, Clone)]
struct SeriesGeom {
    color: Rgb,
    hidden: bool,
    /// Runs of consecutive periods; a gap in the data starts a new run.
    runs: Vec<Vec<(f64, f64)>>,
}

/// One hover target: a period and every visible series' value there.
#[derive(Debug, Clone)]
struct Column {
    px: f64,
    /// Time (fractional year) of the period.
    t: f64,
    /// The period as written in the data (shared, formatted when a tooltip asks).
    period: std::rc::Rc<str>,
    /// Per visible series, in series order: a range of [`LineChart::values`] (one allocation for
    /// every column, not one per column). Text is made on hover, not per point at layout.
    values: std::ops::Range<usize>,
    /// Events in this period, with their sources.
    notes: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
struct ColumnValue {
    /// Index of the series (≤ 64 series).
    series: u32,
    /// Index into [`LineChart::sources`].
    source: u32,
    value: f64,
    /// y px.
    py: f64,
}

/// An in-range point while columns are built: (time key, point index). Kept small: big data
/// makes hundreds of thousands, and memory the page has not touched yet is slow to fill.
type Keyed = (i64, u32);

/// What a tooltip row needs of a series.
#[derive(Debug, Clone)]
struct SeriesText {
    label: String,
    color: Rgb,
    unit: Unit,
}

#[derive(Debug, Clone)]
pub struct LineChart {
    chrome: Chrome,
    plot: Rect,
    xs: LinearScale,
    x_ticks: Vec<(f64, String)>,
    y_ticks: Vec<(f64, String)>,
    markers: Vec<markers::Marker>,
    marker_rows: usize,
    series: Vec<SeriesGeom>,
    columns: Vec<Column>,
    /// The columns' values, column after column.
    values: Vec<ColumnValue>,
    /// Per series, for tooltips.
    series_text: Vec<SeriesText>,
    /// Source ids the columns refer to (by index).
    sources: Vec<String>,
    frequency: Frequency,
    /// The locale the chart was laid out in: tooltip text is formatted in it, whenever it is asked for.
    locale: crate::model::locale::Locale,
    summary: String,
}

impl LineChart {
    pub fn new(ds: &Dataset, frame: &Frame, hidden: &[bool]) -> LineChart {
        let theme = frame.theme.clone();
        let is_hidden = |i: usize| hidden.get(i).copied().unwrap_or(false);
        let m = &*frame.measure;
        let entries = series_entries(ds, hidden, |i| theme.series_color(i));
        let chrome = Chrome::new(ds, frame, entries, &unit_line(ds));
        let (_, plot_top, body_right, body_bottom) = chrome.body;
        let plot_top = plot_top + 6.0;
        let plot_bottom = body_bottom - 22.0;

        // Each period is parsed once: `xs_of[series][point]` is its time (fractional year). A period
        // text shared with the previous series (`Rc`, series on the same periods) is not parsed again.
        let mut xs_of: Vec<Vec<Option<f64>>> = Vec::with_capacity(ds.series.len());
        for (si, s) in ds.series.iter().enumerate() {
            let before = si.checked_sub(1).map(|b| (&ds.series[b].points, &xs_of[b]));
            let xs: Vec<Option<f64>> = s
                .points
                .iter()
                .enumerate()
                .map(|(i, p)| match before {
                    Some((pts, xs)) if pts.get(i).is_some_and(|q| std::rc::Rc::ptr_eq(&q.period, &p.period)) => xs[i],
                    _ => x_of(&p.period),
                })
                .collect();
            xs_of.push(xs);
        }
        // Domains: time over every series (toggling keeps the axis still), values over visible ones.
        let (x_lo, x_hi) = min_max(xs_of.iter().flatten().flatten().copied()).unwrap_or((0.0, 1.0));
        // A zoomed range (the reader's) narrows the time axis; values outside it are not drawn.
        let (x_lo, x_hi) = match frame.x_range {
            Some((a, b)) if b > a => (a.max(x_lo), b.min(x_hi)),
            _ => (x_lo, x_hi),
        };
        let (x_lo, x_hi) = if x_hi > x_lo { (x_lo, x_hi) } else { (x_lo - 0.5, x_lo + 0.5) };
        let in_range = |x: Option<f64>| x.is_some_and(|x| x >= x_lo - 1e-9 && x <= x_hi + 1e-9);
        let visible_vals = ds
            .series
            .iter()
            .zip(&xs_of)
            .enumerate()
            .filter(|(i, _)| !is_hidden(*i))
            .flat_map(|(_, (s, xs))| s.points.iter().zip(xs).filter(|(_, &x)| in_range(x)).map(|(p, _)| p.value));
        let (v_lo, v_hi) = min_max(visible_vals).unwrap_or((0.0, 1.0));
        let plot_h = (plot_bottom - plot_top).max(40.0);
        let max_y_ticks = ((plot_h / 45.0) as usize).clamp(2, 8);
        let (d0, d1) = match ds.unit {
            Unit::Share => (0.0, 1.0),
            Unit::IdealPoint => ticks::nice_domain(v_lo, v_hi, max_y_ticks),
            _ => ticks::nice_domain(v_lo.min(0.0), v_hi, max_y_ticks),
        };
        let y_tick_vals = ticks::nice_ticks(d0, d1, max_y_ticks);
        let step = if y_tick_vals.len() > 1 { y_tick_vals[1] - y_tick_vals[0] } else { 1.0 };
        let y_labels: Vec<String> = y_tick_vals.iter().map(|&v| format::tick(v, ds.unit, step)).collect();
        let label_w = y_labels.iter().map(|l| m.width(l, LABEL_SIZE, false)).fold(0.0, f64::max);
        let plot_left = chrome.body.0 + label_w + 8.0;
        let plot_right = body_right - 14.0;
        let xs = LinearScale::new(x_lo, x_hi, plot_left, plot_right);
        // Event labels take rows above the plot.
        let (markers, marker_rows) = markers::layout(
            &markers::items(ds),
            m,
            |x| (x >= x_lo && x <= x_hi).then(|| xs.map(x)),
            plot_left,
            plot_right,
        );
        let plot_top = plot_top + markers::rows_height(marker_rows);
        let plot = (plot_left, plot_top, plot_right, plot_top + (plot_bottom - plot_top).max(40.0));
        let ys = LinearScale::new(d0, d1, plot.3, plot.1);
        let y_ticks = y_tick_vals.iter().zip(y_labels).map(|(&v, l)| (ys.map(v), l)).collect();
        let max_x_ticks = (((plot.2 - plot.0) / 64.0) as usize).clamp(2, 12);
        let x_ticks =
            ticks::year_ticks(x_lo, x_hi, max_x_ticks).into_iter().map(|v| (xs.map(v), format!("{v:.0}"))).collect();

        // Lines: a run breaks where consecutive periods are more than one step apart.
        let gap = match ds.frequency {
            Frequency::Monthly => 1.5 / 12.0,
            Frequency::Daily => 1.5 / 365.0,
            _ => 1.5,
        };
        let mut series = Vec::new();
        let mut sources: Vec<String> = Vec::new();
        let mut last_source: Option<(std::rc::Rc<str>, usize)> = None;
        let mut source_index = |id: &std::rc::Rc<str>| -> usize {
            // Consecutive points almost always share a source (often the same shared text).
            if let Some((text, k)) = &last_source {
                if std::rc::Rc::ptr_eq(text, id) {
                    return *k;
                }
            }
            let k = match sources.iter().rposition(|s| **s == **id) {
                Some(k) => k,
                None => {
                    sources.push(id.to_string());
                    sources.len() - 1
                }
            };
            last_source = Some((id.clone(), k));
            k
        };
        // Per series, the in-range points: (time key, time, px, py, point index).
        let mut keyed: Vec<Vec<Keyed>> = Vec::with_capacity(ds.series.len());
        for (i, (s, xs_i)) in ds.series.iter().zip(&xs_of).enumerate() {
            let color = theme.series_color(i);
            let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
            let mut prev: Option<f64> = None;
            let mut keys = Vec::with_capacity(if is_hidden(i) { 0 } else { s.points.len() });
            for (pi, (p, &x)) in s.points.iter().zip(xs_i).enumerate() {
                let Some(px_val) = x.filter(|_| in_range(x)) else { continue };
                let pt = (xs.map(px_val), ys.map(p.value));
                match (prev, runs.last_mut()) {
                    (Some(q), Some(run)) if px_val - q <= gap => run.push(pt),
                    _ => {
                        // A run is often the whole rest of the series: room for it at once.
                        let mut run = Vec::with_capacity(s.points.len() - pi);
                        run.push(pt);
                        runs.push(run);
                    }
                }
                prev = Some(px_val);
                if !is_hidden(i) {
                    keys.push(((px_val * 10_000.0).round() as i64, pi as u32));
                }
            }
            keyed.push(keys);
            series.push(SeriesGeom { color, hidden: is_hidden(i), runs });
        }
        // Hover columns: the series' sorted points merged by time (periods are sorted within a
        // series, validation guarantees it), values in series order within a column.
        let mut columns: Vec<Column> = Vec::new();
        let mut values: Vec<ColumnValue> = Vec::with_capacity(keyed.iter().map(Vec::len).sum());
        let mut heads = vec![0usize; keyed.len()];
        loop {
            let next = keyed.iter().zip(&heads).filter_map(|(k, &h)| k.get(h).map(|e| e.0)).min();
            let Some(key) = next else { break };
            let mut col: Option<Column> = None;
            for (i, (k, h)) in keyed.iter().zip(heads.iter_mut()).enumerate() {
                while let Some(&(_, pi)) = k.get(*h).filter(|e| e.0 == key) {
                    *h += 1;
                    let (p, t) = (&ds.series[i].points[pi as usize], xs_of[i][pi as usize].unwrap_or(0.0));
                    let pt = (xs.map(t), ys.map(p.value));
                    let c = col.get_or_insert_with(|| Column {
                        px: pt.0,
                        t,
                        period: p.period.clone(),
                        values: values.len()..values.len(),
                        notes: if ds.events.is_empty() {
                            Vec::new()
                        } else {
                            markers::lines_for(ds, &p.period, |id| chrome.source_text([id]))
                        },
                    });
                    values.push(ColumnValue {
                        series: i as u32,
                        value: p.value,
                        py: pt.1,
                        source: source_index(&p.source) as u32,
                    });
                    c.values.end = values.len();
                }
            }
            columns.extend(col);
        }
        let series_text = ds
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| SeriesText { label: s.label.clone(), color: theme.series_color(i), unit: ds.unit_of(i) })
            .collect();
        let summary = summarize(ds, hidden);
        LineChart {
            chrome,
            plot,
            xs,
            x_ticks,
            y_ticks,
            markers,
            marker_rows,
            series,
            columns,
            values,
            series_text,
            sources,
            frequency: ds.frequency,
            locale: crate::model::locale::Locale::current(),
            summary,
        }
    }

    pub fn draw<S: Surface + ?Sized>(&self, p: &mut Painter<S>) -> Result<()> {
        let t = &self.chrome.theme;
        self.chrome.draw(p)?;
        draw_y_grid(p, self.plot, &self.y_ticks, t)?;
        draw_x_axis(p, self.plot, &self.x_ticks, t)?;
        markers::draw(p, &self.markers, self.marker_rows, self.plot, t)?;
        for s in self.series.iter().filter(|s| !s.hidden) {
            for run in &s.runs {
                if run.len() == 1 {
                    p.circle(run[0], 2.5, s.color, true)?;
                } else {
                    // Same picture, far fewer segments for dense runs (hover keeps every point).
                    p.polyline(&decimate::columns(run, p.scale), s.color, LINE_WIDTH)?;
                }
            }
        }
        p.present()
    }

    /// The hover layer: a vertical rule at the column and a ringed dot on every visible value.
    pub fn draw_hover<S: Surface + ?Sized>(&self, p: &mut Painter<S>, hit: usize) -> Result<()> {
        let Some(c) = self.columns.get(hit) else { return Ok(()) };
        p.line((c.px, self.plot.1), (c.px, self.plot.3), self.chrome.theme.crosshair, 1.0)?;
        for v in &self.values[c.values.clone()] {
            p.circle((c.px, v.py), 5.0, self.chrome.theme.background, true)?;
            p.circle((c.px, v.py), 3.5, self.series_text[v.series as usize].color, true)?;
        }
        p.present()
    }

    /// Nearest period to the pointer, when the pointer is over the plot (with a little slack).
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        let (x0, y0, x1, y1) = self.plot;
        if self.columns.is_empty() || x < x0 - 12.0 || x > x1 + 12.0 || y < y0 - 12.0 || y > y1 + 12.0 {
            return None;
        }
        let i = self.columns.partition_point(|c| c.px < x);
        let candidates = [i.checked_sub(1), (i < self.columns.len()).then_some(i)];
        candidates
            .into_iter()
            .flatten()
            .min_by(|&a, &b| (self.columns[a].px - x).abs().total_cmp(&(self.columns[b].px - x).abs()))
    }

    pub fn tooltip(&self, hit: usize) -> Option<Tooltip> {
        let c = self.columns.get(hit)?;
        crate::model::locale::scoped(self.locale, || Some(self.tooltip_in_locale(c)))
    }

    fn tooltip_in_locale(&self, c: &Column) -> Tooltip {
        let values = &self.values[c.values.clone()];
        let rows = values
            .iter()
            .map(|v| {
                let s = &self.series_text[v.series as usize];
                TooltipRow { label: s.label.clone(), value: format::value(v.value, s.unit), color: s.color }
            })
            .collect();
        let source = self.chrome.source_text(values.iter().map(|v| self.sources[v.source as usize].as_str()));
        let title = format::period(&c.period, self.frequency);
        Tooltip { title, rows, notes: c.notes.clone(), source }
    }

    pub fn anchor(&self, hit: usize) -> Option<(f64, f64)> {
        let c = self.columns.get(hit)?;
        let top = self.values[c.values.clone()].iter().map(|v| v.py).fold(f64::INFINITY, f64::min);
        Some((c.px, if top.is_finite() { top } else { self.plot.1 }))
    }

    pub fn legend_at(&self, x: f64, y: f64) -> Option<usize> {
        self.chrome.legend_at(x, y)
    }

    pub fn summary(&self) -> String {
        self.summary.clone()
    }

    /// Time (fractional year) under a pixel column, through the inverse of the drawing scale.
    pub fn time_at(&self, px: f64) -> f64 {
        self.xs.invert(px.clamp(self.plot.0, self.plot.2))
    }

    /// Pixel column of a time, if it is inside the plot.
    pub fn time_px(&self, t: f64) -> Option<f64> {
        let px = self.xs.map(t);
        (px >= self.plot.0 - 0.5 && px <= self.plot.2 + 0.5).then_some(px)
    }

    /// Time of a hover target.
    pub fn time_of(&self, hit: usize) -> Option<f64> {
        self.columns.get(hit).map(|c| c.t)
    }

    /// The time range drawn.
    pub fn time_range(&self) -> (f64, f64) {
        (self.xs.d0, self.xs.d1)
    }

    /// The plot rectangle (CSS px), for tests and the web layer.
    pub fn plot_rect(&self) -> Rect {
        self.plot
    }

    /// CSS-px position of a series' value at a period (None if hidden or absent).
    pub fn point_px(&self, series: usize, period_index: usize) -> Option<(f64, f64)> {
        let s = self.series.get(series).filter(|s| !s.hidden)?;
        s.runs.iter().flatten().nth(period_index).copied()
    }
}

fn x_of(period: &str) -> Option<f64> {
    Period::parse(period).map(Period::to_x)
}

fn min_max(it: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    it.fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

fn unit_line(ds: &Dataset) -> String {
    match ds.unit {
        Unit::Share => "Share of recorded votes in agreement, %".to_string(),
        u => crate::model::case::capitalised(format::unit_title(u)),
    }
}

/// One sentence from the data: the first visible series' first and last value, its high and low.
fn summarize(ds: &Dataset, hidden: &[bool]) -> String {
    let visible: Vec<_> = ds
        .series
        .iter()
        .enumerate()
        .filter(|(i, _)| !hidden.get(*i).copied().unwrap_or(false))
        .map(|(_, s)| s)
        .collect();
    let Some(s) = visible.first() else { return format!("{}: every series is hidden.", ds.title) };
    let (first, last) = (&s.points[0], &s.points[s.points.len() - 1]);
    let fmt = |v| format::value(v, ds.unit);
    let per = |p: &str| format::period(p, Frequency::Annual);
    let hi = s.points.iter().max_by(|a, b| a.value.total_cmp(&b.value)).unwrap_or(first);
    let lo = s.points.iter().min_by(|a, b| a.value.total_cmp(&b.value)).unwrap_or(first);
    let change = match ds.unit {
        Unit::Share => format!("{} percentage points", format::fixed((last.value - first.value).abs() * 100.0, 1)),
        Unit::Percent => format!("{} percentage points", format::fixed((last.value - first.value).abs(), 1)),
        _ if first.value != 0.0 => {
            format!("{}%", format::fixed(((last.value - first.value) / first.value * 100.0).abs(), 0))
        }
        _ => fmt((last.value - first.value).abs()),
    };
    let dir = if last.value > first.value {
        "rose"
    } else if last.value < first.value {
        "fell"
    } else {
        "was unchanged"
    };
    let mut out = format!(
        "{}: {} {} from {} in {} to {} in {}, by {}; highest {} in {}, lowest {} in {}.",
        ds.title,
        s.label,
        dir,
        fmt(first.value),
        per(&first.period),
        fmt(last.value),
        per(&last.period),
        change,
        fmt(hi.value),
        per(&hi.period),
        fmt(lo.value),
        per(&lo.period)
    );
    if visible.len() > 1 {
        let others: Vec<&str> = visible[1..].iter().map(|s| s.label.as_str()).collect();
        out.push_str(&format!(" Also shown: {}.", others.join(", ")));
    }
    out
}
