//! Line chart over time: one line per series, gaps where a period has no value, event markers,
//! a legend that toggles series, and a hover that snaps to the nearest period.
//!
//! [`LineChart::new`] computes every position once (CSS px); `draw`, `draw_hover`, `hit` and
//! `legend_at` only read that geometry, so what is hit is exactly what was drawn.

use super::chrome::{draw_x_axis, draw_y_grid, series_entries, Chrome, Rect, LABEL_SIZE};
use super::ChartKind;
use super::{markers, Frame, HoverMarks, Tooltip, TooltipRow};
use crate::data::{Dataset, Frequency, Periods, SourceIds, Unit};
use crate::error::Result;
use crate::model::locale::{Locale, Text};
use crate::model::{decimate, ticks, LinearScale};
use crate::render::{Painter, Rgb, Surface};
use std::rc::Rc;

const LINE_WIDTH: f64 = 2.0;

#[derive(Debug, Clone)]
struct SeriesGeom {
    color: Rgb,
    hidden: bool,
    /// Runs of consecutive periods (ranges of point indices, in-range points only); a gap in the
    /// data starts a new run. Positions are mapped when drawn: nothing per point is kept twice.
    runs: Vec<std::ops::Range<u32>>,
}

/// What drawing and hovering read of a series: its times and values (and, for tooltips, the
/// source of each point). Series on the same periods share one `ts`.
#[derive(Debug, Clone)]
struct SeriesData {
    /// Time (fractional year) of each point; NaN where a period does not parse.
    ts: Rc<[f64]>,
    /// The series' own values (shared, not copied).
    values: Rc<Vec<f64>>,
    sources: Sources,
}

/// Per point, an index into [`LineChart::sources`]: one for the whole series (the usual case) or
/// one per point.
#[derive(Debug, Clone)]
enum Sources {
    One(u32),
    Each(Vec<u32>),
}

impl Sources {
    fn at(&self, i: usize) -> usize {
        match self {
            Sources::One(k) => *k as usize,
            Sources::Each(v) => v[i] as usize,
        }
    }
}

/// The hover targets: one per period, with every visible series' value there.
#[derive(Debug, Clone)]
enum Targets {
    /// Every visible series on the same periods (the usual case, and big data handed over as
    /// columns): target `k` is point `first + k` of each visible series. No table at all.
    Aligned { first: usize, len: usize, periods: Rc<Periods> },
    /// Otherwise the series' points merged by time: a column per distinct time.
    Merged { columns: Vec<Column>, members: Vec<(u32, u32)> },
}

/// One merged hover target.
#[derive(Debug, Clone)]
struct Column {
    /// Time (fractional year) of the period.
    t: f64,
    /// The period as written in the data.
    period: Rc<str>,
    /// Its (series, point) pairs, in series order: a range of `Targets::Merged::members`.
    members: std::ops::Range<u32>,
}

/// An in-range point while columns are merged: (time key, point index).
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
    events: markers::Events,
    ys: LinearScale,
    /// The visible data's lowest and highest value (the value axis's domain is `ys`).
    extent: (f64, f64),
    series: Vec<SeriesGeom>,
    data: Vec<SeriesData>,
    /// Indices of the visible series, in order.
    visible: Vec<usize>,
    targets: Targets,
    /// Event lines of the targets that have any, by target index (sorted).
    notes: Vec<(usize, Vec<String>)>,
    /// Per series, for tooltips.
    series_text: Vec<SeriesText>,
    /// Source ids the columns refer to (by index).
    sources: Vec<String>,
    frequency: Frequency,
    summary: String,
}

impl LineChart {
    fn period_tooltip(&self, hit: usize) -> Tooltip {
        let l = self.chrome.locale;
        let members = self.members(hit);
        let rows = members
            .iter()
            .map(|&(s, i)| {
                let text = &self.series_text[s];
                TooltipRow {
                    label: text.label.clone(),
                    value: l.value(self.data[s].values[i], text.unit),
                    color: text.color,
                }
            })
            .collect();
        let source =
            self.chrome.source_text(members.iter().map(|&(s, i)| self.sources[self.data[s].sources.at(i)].as_str()));
        let title = l.period(self.targets.period(hit), self.frequency);
        let notes = match self.notes.binary_search_by_key(&hit, |n| n.0) {
            Ok(k) => self.notes[k].1.clone(),
            Err(_) => Vec::new(),
        };
        Tooltip { title, rows, notes, source }
    }

    /// Time (fractional year) of a hover target.
    fn target_t(&self, hit: usize) -> f64 {
        match &self.targets {
            Targets::Aligned { first, .. } => self.data[self.visible[0]].ts[first + hit],
            Targets::Merged { columns, .. } => columns[hit].t,
        }
    }

    fn target_px(&self, hit: usize) -> f64 {
        self.xs.map(self.target_t(hit))
    }

    /// The (series, point index) pairs of a hover target, in series order.
    fn members(&self, hit: usize) -> Vec<(usize, usize)> {
        match &self.targets {
            Targets::Aligned { first, .. } => self.visible.iter().map(|&s| (s, first + hit)).collect(),
            Targets::Merged { columns, members } => {
                let r = &columns[hit].members;
                members[r.start as usize..r.end as usize].iter().map(|&(s, i)| (s as usize, i as usize)).collect()
            }
        }
    }

    /// The plot rectangle (CSS px), for tests and the web layer.
    pub fn plot_rect(&self) -> Rect {
        self.plot
    }

    /// CSS-px position of a series' value at a period (None if hidden or absent).
    pub fn point_px(&self, series: usize, period_index: usize) -> Option<(f64, f64)> {
        let s = self.series.get(series).filter(|s| !s.hidden)?;
        let i = s.runs.iter().flat_map(|r| r.clone()).nth(period_index)? as usize;
        let d = &self.data[series];
        Some((self.xs.map(d.ts[i]), self.ys.map(d.values[i])))
    }
}

impl ChartKind for LineChart {
    fn new(ds: &Dataset, frame: &Frame, hidden: &[bool]) -> LineChart {
        let l = frame.locale;
        let theme = frame.theme.clone();
        let is_hidden = |i: usize| hidden.get(i).copied().unwrap_or(false);
        let m = &*frame.measure;
        let entries = series_entries(ds, hidden, |i| theme.series_color(i));
        let chrome = Chrome::new(ds, frame, entries, &unit_line(ds, l));
        let (_, plot_top, body_right, body_bottom) = chrome.body;
        let plot_top = plot_top + 6.0;
        let plot_bottom = body_bottom - 22.0;

        // `ts[series][point]` is the time (fractional year) of each period, NaN if it does not
        // parse: parsed once per period column (by validation), shared by the series on it.
        let ts: Vec<Rc<[f64]>> = ds.series.iter().map(|s| s.points.periods().times()).collect();
        // Domains: time over every series (toggling keeps the axis still), values over visible ones.
        // A column shared by several series is scanned once.
        let distinct = ts.iter().enumerate().filter(|&(i, t)| !ts[..i].iter().any(|u| Rc::ptr_eq(u, t)));
        let (x_lo, x_hi) =
            min_max(distinct.flat_map(|(_, t)| t.iter().copied()).filter(|t| !t.is_nan())).unwrap_or((0.0, 1.0));
        // A zoomed range (the reader's) narrows the time axis; values outside it are not drawn.
        let (x_lo, x_hi) = match frame.x_range {
            Some((a, b)) if b > a => (a.max(x_lo), b.min(x_hi)),
            _ => (x_lo, x_hi),
        };
        let (x_lo, x_hi) = if x_hi > x_lo { (x_lo, x_hi) } else { (x_lo - 0.5, x_lo + 0.5) };
        // NaN (an unparsed period) is never in range.
        let in_range = |x: f64| x >= x_lo - 1e-9 && x <= x_hi + 1e-9;
        let visible: Vec<usize> = (0..ds.series.len()).filter(|&i| !is_hidden(i)).collect();
        let visible_vals = visible.iter().flat_map(|&i| {
            ds.series[i].points.values().iter().zip(ts[i].iter()).filter(|(_, &x)| in_range(x)).map(|(&v, _)| v)
        });
        let (v_lo, v_hi) = min_max(visible_vals).unwrap_or((0.0, 1.0));
        let plot_h = (plot_bottom - plot_top).max(40.0);
        let max_y_ticks = ((plot_h / 45.0) as usize).clamp(2, 8);
        // The axis ends at the first nice tick beyond the data (shares included: 0–60 % for a
        // maximum of 57 %, not 0–100 %).
        let (d0, d1, y_tick_vals) = match ds.unit {
            Unit::IdealPoint => ticks::tight_axis(v_lo, v_hi, max_y_ticks),
            _ => ticks::tight_axis(v_lo.min(0.0), v_hi, max_y_ticks),
        };
        let step = if y_tick_vals.len() > 1 { y_tick_vals[1] - y_tick_vals[0] } else { 1.0 };
        let y_labels: Vec<String> = y_tick_vals.iter().map(|&v| l.tick(v, ds.unit, step)).collect();
        let label_w = y_labels.iter().map(|l| m.width(l, LABEL_SIZE, false)).fold(0.0, f64::max);
        let plot_left = chrome.body.0 + label_w + 8.0;
        let plot_right = body_right - 14.0;
        let xs = LinearScale::new(x_lo, x_hi, plot_left, plot_right);
        // Event labels take rows above the plot (on a phone, numbered badges in one row, and a key
        // below the time axis).
        let mut events = markers::Events::new(
            &markers::items(ds, l),
            m,
            |x| (x >= x_lo && x <= x_hi).then(|| xs.map(x)),
            plot_left,
            plot_right,
            frame.width <= super::chrome::COMPACT_WIDTH,
            (chrome.body.0, chrome.body.2),
            |ids| chrome.source_text(ids.iter().map(String::as_str)),
        );
        let plot_top = plot_top + events.top_height();
        let plot_bottom = plot_bottom - events.key_height();
        let plot = (plot_left, plot_top, plot_right, plot_top + (plot_bottom - plot_top).max(40.0));
        events.place(plot);
        let ys = LinearScale::new(d0, d1, plot.3, plot.1);
        let y_ticks = y_tick_vals.iter().zip(y_labels).map(|(&v, l)| (ys.map(v), l)).collect();
        let max_x_ticks = (((plot.2 - plot.0) / 64.0) as usize).clamp(2, 12);
        let x_ticks =
            ticks::year_ticks(x_lo, x_hi, max_x_ticks).into_iter().map(|v| (xs.map(v), format!("{:.0}", v))).collect();

        // Lines: a run breaks where consecutive periods are more than one step apart.
        let gap = match ds.frequency {
            Frequency::Monthly => 1.5 / 12.0,
            Frequency::Daily => 1.5 / 365.0,
            _ => 1.5,
        };
        let mut sources: Vec<String> = Vec::new();
        let mut series = Vec::with_capacity(ds.series.len());
        let mut data = Vec::with_capacity(ds.series.len());
        for (i, (s, t)) in ds.series.iter().zip(&ts).enumerate() {
            let mut runs: Vec<std::ops::Range<u32>> = Vec::new();
            let mut prev: Option<f64> = None;
            for (pi, &x) in t.iter().enumerate() {
                if !in_range(x) {
                    continue;
                }
                match (prev, runs.last_mut()) {
                    (Some(q), Some(run)) if x - q <= gap => run.end = pi as u32 + 1,
                    _ => runs.push(pi as u32..pi as u32 + 1),
                }
                prev = Some(x);
            }
            series.push(SeriesGeom { color: theme.series_color(i), hidden: is_hidden(i), runs });
            data.push(SeriesData {
                ts: t.clone(),
                values: if is_hidden(i) { Rc::default() } else { s.points.values().clone() },
                sources: if is_hidden(i) { Sources::One(0) } else { source_indices(s, &mut sources) },
            });
        }
        let targets = targets(ds, &ts, &visible, &in_range);
        let mut notes = Vec::new();
        if !ds.events.is_empty() {
            for k in 0..targets.len() {
                let lines = markers::lines_for(ds, l, targets.period(k), |id| chrome.source_text([id]));
                if !lines.is_empty() {
                    notes.push((k, lines));
                }
            }
        }
        let series_text = ds
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| SeriesText { label: s.label.clone(), color: theme.series_color(i), unit: ds.unit_of(i) })
            .collect();
        let summary = summarize(ds, hidden, l);
        LineChart {
            chrome,
            plot,
            xs,
            x_ticks,
            y_ticks,
            events,
            ys,
            extent: (v_lo, v_hi),
            series,
            data,
            visible,
            targets,
            notes,
            series_text,
            sources,
            frequency: ds.frequency,
            summary,
        }
    }

    fn draw<S: Surface + ?Sized>(&self, p: &mut Painter<S>) -> Result<()> {
        let t = &self.chrome.theme;
        self.chrome.draw(p)?;
        draw_y_grid(p, self.plot, &self.y_ticks, t)?;
        draw_x_axis(p, self.plot, &self.x_ticks, t)?;
        self.events.draw(p, t)?;
        for (s, d) in self.series.iter().zip(&self.data).filter(|(s, _)| !s.hidden) {
            for run in &s.runs {
                let (a, b) = (run.start as usize, run.end as usize);
                let data = decimate::Mapped { ts: &d.ts[a..b], vs: &d.values[a..b], xs: self.xs, ys: self.ys };
                if run.len() == 1 {
                    p.circle((self.xs.map(d.ts[a]), self.ys.map(d.values[a])), 2.5, s.color, true)?;
                } else {
                    // Same picture, far fewer segments for dense runs (hover keeps every point).
                    p.polyline(&decimate::columns_of(&data, p.scale), s.color, LINE_WIDTH)?;
                }
            }
        }
        p.present()
    }

    /// The hover layer: a vertical rule at the target and a ringed dot on every visible value.
    fn draw_hover<S: Surface + ?Sized>(&self, p: &mut Painter<S>, hit: usize) -> Result<()> {
        if let Some(k) = hit.checked_sub(self.targets.len()) {
            return self.events.draw_hover(p, k, &self.chrome.theme);
        }
        let Some(m) = self.hover_marks(hit) else { return Ok(()) };
        p.line((m.x, m.top), (m.x, m.bottom), m.rule, 1.0)?;
        for &(y, color) in &m.dots {
            p.circle((m.x, y), m.ring_radius, m.ring, true)?;
            p.circle((m.x, y), m.dot_radius, color, true)?;
        }
        p.present()
    }

    /// What [`LineChart::draw_hover`] draws, as positions and colours.
    fn hover_marks(&self, hit: usize) -> Option<HoverMarks> {
        (hit < self.targets.len()).then(|| HoverMarks {
            x: self.target_px(hit),
            top: self.plot.1,
            bottom: self.plot.3,
            rule: self.chrome.theme.crosshair,
            ring: self.chrome.theme.background,
            ring_radius: 5.0,
            dot_radius: 3.5,
            dots: self
                .members(hit)
                .into_iter()
                .map(|(s, i)| (self.ys.map(self.data[s].values[i]), self.series_text[s].color))
                .collect(),
        })
    }

    /// Nearest period to the pointer, when the pointer is over the plot (with a little slack).
    fn hit(&self, x: f64, y: f64) -> Option<usize> {
        if let Some(k) = self.events.hit(x, y) {
            return Some(self.targets.len() + k);
        }
        let (x0, y0, x1, y1) = self.plot;
        let n = self.targets.len();
        if n == 0 || x < x0 - 12.0 || x > x1 + 12.0 || y < y0 - 12.0 || y > y1 + 12.0 {
            return None;
        }
        // Binary search: targets are in time order, so in pixel order.
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.target_px(mid) < x {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let candidates = [lo.checked_sub(1), (lo < n).then_some(lo)];
        candidates
            .into_iter()
            .flatten()
            .min_by(|&a, &b| (self.target_px(a) - x).abs().total_cmp(&(self.target_px(b) - x).abs()))
    }

    fn tooltip(&self, hit: usize) -> Option<Tooltip> {
        if let Some(k) = hit.checked_sub(self.targets.len()) {
            return self.events.tooltip(k);
        }
        (hit < self.targets.len()).then(|| self.period_tooltip(hit))
    }

    /// The highest hover mark (the plot's top when no value is shown).
    fn anchor(&self, hit: usize) -> Option<(f64, f64)> {
        if let Some(k) = hit.checked_sub(self.targets.len()) {
            return self.events.anchor(k);
        }
        self.hover_marks(hit).map(|m| m.anchor())
    }

    fn legend_at(&self, x: f64, y: f64) -> Option<usize> {
        self.chrome.legend_at(x, y)
    }

    fn summary(&self) -> String {
        self.summary.clone()
    }

    /// Time of a hover target.
    fn time_of(&self, hit: usize) -> Option<f64> {
        (hit < self.targets.len()).then(|| self.target_t(hit))
    }

    /// The hover targets that are numbered event markers (after the periods).
    fn event_hits(&self) -> std::ops::Range<usize> {
        self.targets.len()..self.targets.len() + self.events.len()
    }

    /// The value axis and the time axis's label count.
    fn value_axis(&self) -> Option<super::ValueAxis> {
        Some(super::ValueAxis { domain: (self.ys.d0, self.ys.d1), data: self.extent, time_labels: self.x_ticks.len() })
    }

    fn fit(&self) -> super::Fit {
        super::Fit::Plot(self.plot)
    }

    fn time_axis(&self) -> Option<super::TimeAxis> {
        Some(super::TimeAxis { plot: self.plot, map: super::TimeMap::Linear(self.xs) })
    }
}

/// Per point of `s`, the index of its source in `sources` (added when new).
fn source_indices(s: &crate::data::Series, sources: &mut Vec<String>) -> Sources {
    let mut index = |id: &str| match sources.iter().position(|s| s == id) {
        Some(k) => k as u32,
        None => {
            sources.push(id.to_string());
            sources.len() as u32 - 1
        }
    };
    match s.points.sources() {
        SourceIds::One(id) => Sources::One(index(id)),
        SourceIds::Each(ids) => {
            // Neighbours almost always share a source (the same shared text).
            let mut last: Option<(&Rc<str>, u32)> = None;
            Sources::Each(
                ids.iter()
                    .map(|id| match last {
                        Some((text, k)) if Rc::ptr_eq(text, id) => k,
                        _ => {
                            let k = index(id);
                            last = Some((id, k));
                            k
                        }
                    })
                    .collect(),
            )
        }
    }
}

/// The hover targets of the visible series (see [`Targets`]).
fn targets(ds: &Dataset, ts: &[Rc<[f64]>], visible: &[usize], in_range: &dyn Fn(f64) -> bool) -> Targets {
    if let Some(&v0) = visible.first() {
        if visible.iter().all(|&i| Rc::ptr_eq(&ts[i], &ts[v0])) {
            let t = &ts[v0];
            // Times are sorted (validation), so the in-range points are one stretch.
            let first = t.iter().position(|&x| in_range(x)).unwrap_or(t.len());
            let end = first + t[first..].iter().take_while(|&&x| in_range(x)).count();
            if t[end..].iter().all(|&x| !in_range(x)) {
                let periods = ds.series[v0].points.periods().clone();
                return Targets::Aligned { first, len: end - first, periods };
            }
        }
    }
    // Per visible series, its in-range points keyed by time, merged in time order; values in
    // series order within a column.
    let keyed: Vec<(usize, Vec<Keyed>)> = visible
        .iter()
        .map(|&i| {
            let keys = ts[i]
                .iter()
                .enumerate()
                .filter(|(_, &x)| in_range(x))
                .map(|(pi, &x)| ((x * 10_000.0).round() as i64, pi as u32))
                .collect();
            (i, keys)
        })
        .collect();
    let mut columns: Vec<Column> = Vec::new();
    let mut members: Vec<(u32, u32)> = Vec::with_capacity(keyed.iter().map(|k| k.1.len()).sum());
    let mut heads = vec![0usize; keyed.len()];
    loop {
        let next = keyed.iter().zip(&heads).filter_map(|((_, k), &h)| k.get(h).map(|e| e.0)).min();
        let Some(key) = next else { break };
        let start = members.len() as u32;
        let mut head: Option<(usize, u32)> = None;
        for ((i, k), h) in keyed.iter().zip(heads.iter_mut()) {
            while let Some(&(_, pi)) = k.get(*h).filter(|e| e.0 == key) {
                *h += 1;
                head.get_or_insert((*i, pi));
                members.push((*i as u32, pi));
            }
        }
        if let Some((i, pi)) = head {
            columns.push(Column {
                t: ts[i][pi as usize],
                period: ds.series[i].points.periods().get(pi as usize).into(),
                members: start..members.len() as u32,
            });
        }
    }
    Targets::Merged { columns, members }
}

impl Targets {
    fn len(&self) -> usize {
        match self {
            Targets::Aligned { len, .. } => *len,
            Targets::Merged { columns, .. } => columns.len(),
        }
    }

    fn period(&self, hit: usize) -> &str {
        match self {
            Targets::Aligned { first, periods, .. } => periods.get(first + hit),
            Targets::Merged { columns, .. } => &columns[hit].period,
        }
    }
}

fn min_max(it: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    it.fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

/// The dataset's own unit label where it gives one, else the unit's title in the language.
fn unit_line(ds: &Dataset, l: Locale) -> String {
    if let Some(label) = ds.unit_label.as_deref().filter(|u| !u.trim().is_empty()) {
        return label.to_string();
    }
    match ds.unit {
        Unit::Share => l.text(Text::UnitAgreement).to_string(),
        u => crate::model::case::capitalised(l.unit_title(u)),
    }
}

/// One sentence from the data: the first visible series' first and last value, its high and low.
fn summarize(ds: &Dataset, hidden: &[bool], l: Locale) -> String {
    let visible: Vec<_> = ds
        .series
        .iter()
        .enumerate()
        .filter(|(i, _)| !hidden.get(*i).copied().unwrap_or(false))
        .map(|(_, s)| s)
        .collect();
    let Some(s) = visible.first() else { return l.say(Text::SummaryAllHidden, &[&ds.title]) };
    let (Some(first), Some(last)) = (s.points.first(), s.points.last()) else {
        return l.say(Text::SummaryNoData, &[&ds.title]);
    };
    let fmt = |v| l.value(v, ds.unit);
    let per = |p: &str| l.period(p, Frequency::Annual);
    // Over the values column, as `max_by`/`min_by` pick: the last highest, the first lowest.
    let vs = s.points.values();
    let (mut hi, mut lo) = (0, 0);
    for (i, v) in vs.iter().enumerate().skip(1) {
        if v.total_cmp(&vs[hi]).is_ge() {
            hi = i;
        }
        if v.total_cmp(&vs[lo]).is_lt() {
            lo = i;
        }
    }
    let (hi, lo) = (s.points.at(hi), s.points.at(lo));
    // A change as a ratio only where the unit has a true zero (money, volumes, counts); on a scale
    // with an arbitrary zero (ideal points) or of percentages, in the unit's own terms.
    let diff = (last.value - first.value).abs();
    let change = match ds.unit {
        Unit::Share => l.say(Text::PercentagePoints, &[&l.fixed(diff * 100.0, 1)]),
        Unit::Percent | Unit::ChangePercent => l.say(Text::PercentagePoints, &[&l.fixed(diff, 1)]),
        Unit::UsdBn | Unit::UsdM | Unit::TivM | Unit::Count if first.value != 0.0 => {
            l.whole_percent(diff / first.value.abs() * 100.0)
        }
        Unit::IdealPoint => l.say(Text::OnIdealScale, &[&fmt(diff)]),
        _ => fmt(diff),
    };
    let dir = if last.value > first.value {
        Text::SummaryRose
    } else if last.value < first.value {
        Text::SummaryFell
    } else {
        Text::SummaryUnchanged
    };
    let mut out = l.say(
        dir,
        &[
            &ds.title,
            &s.label,
            &fmt(first.value),
            &per(first.period),
            &fmt(last.value),
            &per(last.period),
            &change,
            &fmt(hi.value),
            &per(hi.period),
            &fmt(lo.value),
            &per(lo.period),
        ],
    );
    if visible.len() > 1 {
        let others: Vec<&str> = visible[1..].iter().map(|s| s.label.as_str()).collect();
        out.push_str(&l.say(Text::AlsoShown, &[&others.join(", ")]));
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::warm::synthetic;
    use crate::render::Theme;

    /// `ds` with every series its own period column: no two series share one, so targets are
    /// merged.
    fn unshared(ds: &Dataset) -> Dataset {
        let mut copy = ds.clone();
        for s in &mut copy.series {
            s.points = s.points.to_vec().into();
        }
        copy
    }

    #[test]
    fn aligned_and_merged_targets_give_the_same_hover() {
        let mut ds = synthetic(400);
        // Two sources in one series, and an event, so sources and notes are looked up per target.
        ds.series[1].points.edit(|p| p[7].source = "other".into());
        ds.sources.push(crate::data::Source { id: "other".into(), ..ds.sources[0].clone() });
        ds.events.push(crate::data::Event {
            date: "2001-01-08".into(),
            label: "An event".into(),
            short: None,
            source: "warm".into(),
        });
        let frame = Frame::new(640.0, 400.0, Theme::light());
        for hidden in [vec![false; 3], vec![false, true, false]] {
            let aligned = LineChart::new(&ds, &frame, &hidden);
            let merged = LineChart::new(&unshared(&ds), &frame, &hidden);
            assert!(matches!(aligned.targets, Targets::Aligned { .. }));
            assert!(matches!(merged.targets, Targets::Merged { .. }));
            assert_eq!(aligned.targets.len(), 400);
            assert_eq!(merged.targets.len(), 400);
            for k in [0, 1, 7, 200, 399] {
                let (a, m) = (aligned.tooltip(k).unwrap(), merged.tooltip(k).unwrap());
                assert_eq!(a.text(), m.text());
                assert_eq!(aligned.anchor(k), merged.anchor(k));
                assert_eq!(aligned.time_of(k), merged.time_of(k));
                let (x, y) = aligned.anchor(k).unwrap();
                assert_eq!(aligned.hit(x, y), Some(k));
                assert_eq!(merged.hit(x, y), Some(k));
            }
            assert!(aligned.tooltip(7).unwrap().text().contains("An event"));
            let rows = aligned.tooltip(0).unwrap().rows.len();
            assert_eq!(rows, hidden.iter().filter(|h| !**h).count());
        }
    }

    /// A dataset's own unit label (and its translation) is the unit line; without one, the
    /// unit's title in the frame's language.
    #[test]
    fn the_unit_line_is_the_datasets_label_else_the_units_title() {
        let mut ds = synthetic(10);
        assert_eq!(unit_line(&ds, Locale::De), "Idealpunkt (höher = näher an den USA)");
        ds.unit_label = Some("tonnes".into());
        assert_eq!(unit_line(&ds, Locale::De), "tonnes");
        let mut svg = String::new();
        {
            let mut b = plotters::backend::SVGBackend::with_string(&mut svg, (640, 400));
            let line = LineChart::new(&ds, &Frame::new(640.0, 400.0, Theme::light()), &[false; 3]);
            line.draw(&mut Painter::new(&mut b, 1.0)).unwrap();
        }
        assert!(svg.contains("tonnes"), "the unit line is drawn");
    }

    #[test]
    fn series_on_different_periods_merge_by_time() {
        let mut ds = synthetic(10);
        // Series 1 starts three days later: the first three targets have two values, not three.
        ds.series[1].points.edit(|p| drop(p.drain(..3)));
        let line = LineChart::new(&ds, &Frame::new(640.0, 400.0, Theme::light()), &[false; 3]);
        assert!(matches!(line.targets, Targets::Merged { .. }));
        assert_eq!(line.targets.len(), 10);
        assert_eq!(line.tooltip(0).unwrap().rows.len(), 2);
        assert_eq!(line.tooltip(3).unwrap().rows.len(), 3);
        assert_eq!(line.tooltip(3).unwrap().title, Locale::En.period("2001-01-04", Frequency::Daily));
    }
}
