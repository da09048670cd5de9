//! Chart layer: the chart registry and one module per chart kind. Each chart builds its geometry
//! once from the model (at load or resize), draws it with the render toolkit, and hit-tests the
//! pointer against that same geometry.

mod bars;
mod chrome;
mod csv;
mod figures;
mod line;
mod markers;
mod matrix;
mod short;
mod table;
mod tiers;
mod timeline;
mod vote;
mod votegrid;
pub mod warm;

pub use bars::BarChart;
pub use csv::to_csv;
pub use figures::FigureChart;
pub use line::LineChart;
pub use matrix::MatrixChart;
pub use table::{table_rows, TableRow};
pub use tiers::TierChart;
pub use timeline::TimelineChart;
pub use votegrid::VoteGridChart;

use crate::data::{bundled_dataset, Dataset, Domain};
use crate::error::{Error, Result};
use crate::render::{default_measure, Measure, Painter, Rgb, Surface, Theme};
use std::rc::Rc;

/// How a chart draws its dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Figures as pages printed them: one mark per figure on its unit's scale, bounds as arrows.
    Figures,
    /// Lines over time, one per series.
    Line,
    /// Stacked bars per period, one segment per series.
    Bars,
    /// Dated records as marks on one time row per series (e.g. vetoes).
    Timeline,
    /// One square per labelled record, coloured by vote, one block per series (e.g. member votes).
    VoteGrid,
    /// Labelled records grouped by series as a grid of tiles (e.g. HS codes by tier).
    Tiers,
    /// Rows = records (labels), columns = series, cells coloured by vote or showing a count.
    Matrix,
}

/// A chart of the registry: a stable id, the bundled dataset it draws, and how.
#[derive(Debug, Clone, Copy)]
pub struct ChartSpec {
    pub id: &'static str,
    pub dataset: &'static str,
    pub kind: Kind,
    /// The dataset's series this chart draws, in this order (empty = all of them). The chart's
    /// CSV, table and tooltip cover exactly these.
    pub series: &'static [&'static str],
    /// A second bundled dataset whose series are appended (with their own unit), e.g. vote tallies
    /// beside the votes of a few states.
    pub companion: Option<&'static str>,
    /// Whether the reader may switch to relative views (change on the previous period, share of
    /// the total): series that add up to a whole, in a unit where a change means something.
    pub relative: bool,
}

/// Every chart, in story order. Ids are stable: published embeds depend on them.
pub const CHARTS: &[ChartSpec] = &[
    // Economic
    ChartSpec { relative: true, ..chart("trade-annual", "trade-annual", Kind::Line, &[]) },
    chart("trade-monthly", "trade-monthly", Kind::Line, &["total-derived", "cn-exports-derived", "cn-imports-derived"]),
    chart("trade-shares", "trade-shares", Kind::Line, &[]),
    // Military & dual-use
    ChartSpec { relative: true, ..chart("arms-ru-cn", "arms-ru-cn", Kind::Bars, &[]) },
    chart("arms-ru-share", "arms-ru-share", Kind::Line, &[]),
    chart("chpl-tiers", "chpl", Kind::Tiers, &[]),
    chart("dual-use-figures", "dual-use-figures", Kind::Figures, &[]),
    // Diplomatic
    chart("unga-agreement", "unga-agreement", Kind::Line, &["china-russia", "china-us", "russia-us"]),
    chart("unga-ideal-points", "unga-ideal-points", Kind::Line, &[]),
    chart("unga-coincidence", "unga-coincidence", Kind::Line, &[]),
    ChartSpec {
        id: "unga-ukraine-votes",
        dataset: "unga-ukraine-votes",
        kind: Kind::Matrix,
        series: &[],
        companion: Some("unga-ukraine-tallies"),
        relative: false,
    },
    chart("unga-ukraine-members", "unga-ukraine-members", Kind::VoteGrid, &[]),
    chart("unsc-vetoes", "unsc-vetoes", Kind::Timeline, &["china", "russia", "ussr", "united-states"]),
];

const fn chart(id: &'static str, dataset: &'static str, kind: Kind, series: &'static [&'static str]) -> ChartSpec {
    ChartSpec { id, dataset, kind, series, companion: None, relative: false }
}

/// Whether chart `id` offers relative views ([`ChartSpec::relative`]).
pub fn has_relative_views(id: &str) -> bool {
    CHARTS.iter().any(|c| c.id == id && c.relative)
}

/// What `charts()` and `dragonbear list` report about a chart.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ChartInfo {
    pub id: String,
    pub title: String,
    pub domain: Domain,
    pub description: String,
}

pub fn spec(id: &str) -> Result<&'static ChartSpec> {
    CHARTS.iter().find(|c| c.id == id).ok_or_else(|| Error::UnknownChart(id.to_string()))
}

/// The registry with titles and descriptions taken from the datasets.
pub fn list() -> Result<Vec<ChartInfo>> {
    CHARTS
        .iter()
        .map(|c| {
            let ds = bundled_dataset(c.dataset)?;
            Ok(ChartInfo { id: c.id.to_string(), title: ds.title, domain: ds.domain, description: ds.description })
        })
        .collect()
}

/// The data a chart draws: its bundled dataset, reduced to the chart's series.
pub fn dataset_for(id: &str) -> Result<Dataset> {
    let spec = spec(id)?;
    let mut ds = bundled_dataset(spec.dataset)?;
    if !spec.series.is_empty() {
        let mut picked = Vec::with_capacity(spec.series.len());
        for want in spec.series {
            let i = ds.series.iter().position(|s| s.id == *want).ok_or_else(|| {
                Error::invalid(format!("dataset \"{}\"", ds.id), format!("chart \"{id}\" needs series \"{want}\""))
            })?;
            picked.push(ds.series.swap_remove(i));
        }
        ds.series = picked;
        let used: Vec<String> = ds.series.iter().flat_map(|s| s.points.iter().map(|p| p.source.to_string())).collect();
        let events: Vec<String> = ds.events.iter().map(|e| e.source.clone()).collect();
        ds.sources.retain(|s| used.contains(&s.id) || events.contains(&s.id));
    }
    if let Some(other) = spec.companion {
        let extra = bundled_dataset(other)?;
        for mut s in extra.series {
            s.unit = s.unit.or(Some(extra.unit));
            ds.series.push(s);
        }
        for src in extra.sources {
            if ds.source(&src.id).is_none() {
                ds.sources.push(src);
            }
        }
        for n in extra.notes {
            if !ds.notes.contains(&n) {
                ds.notes.push(n);
            }
        }
    }
    Ok(ds)
}

/// A line chart's hover marks (CSS px): a vertical rule and a ringed dot on every visible value.
/// `draw_hover` draws them on the hover canvas; the browser moves a few elements to them instead
/// (`web::cursor`), so a hover does not re-rasterise a canvas.
#[derive(Debug, Clone, PartialEq)]
pub struct HoverMarks {
    pub x: f64,
    pub top: f64,
    pub bottom: f64,
    pub rule: Rgb,
    /// The ring around each dot (the background colour) and the radii of ring and dot.
    pub ring: Rgb,
    pub ring_radius: f64,
    pub dot_radius: f64,
    /// Per visible value: its y and its series colour.
    pub dots: Vec<(f64, Rgb)>,
}

impl HoverMarks {
    /// Where the tooltip points: the highest dot (the rule's top when no value is shown).
    pub fn anchor(&self) -> (f64, f64) {
        let top = self.dots.iter().map(|d| d.0).fold(f64::INFINITY, f64::min);
        (self.x, if top.is_finite() { top } else { self.top })
    }
}

/// One row of a tooltip: a series, its colour, and its formatted value (or "no data").
#[derive(Debug, Clone, PartialEq)]
pub struct TooltipRow {
    pub label: String,
    pub value: String,
    pub color: Rgb,
}

/// The text of a tooltip; the web layer puts it into DOM as text, never as HTML.
#[derive(Debug, Clone, PartialEq)]
pub struct Tooltip {
    pub title: String,
    pub rows: Vec<TooltipRow>,
    /// Further lines (events in this period, notes), each with its own source.
    pub notes: Vec<String>,
    pub source: String,
}

impl Tooltip {
    /// All lines as plain text, as a test or a screen reader reads them.
    pub fn text(&self) -> String {
        let mut s = self.title.clone();
        for r in &self.rows {
            s.push('\n');
            s.push_str(&format!("{}: {}", r.label, r.value));
        }
        for n in &self.notes {
            s.push('\n');
            s.push_str(n);
        }
        s.push('\n');
        s.push_str(&self.source);
        s
    }
}

/// Size and look a chart is laid out for, and how its text is measured.
#[derive(Clone)]
pub struct Frame {
    /// CSS pixels.
    pub width: f64,
    pub height: f64,
    pub theme: Theme,
    pub measure: Rc<dyn Measure>,
    /// The reader's zoom: the time range (fractional years) time charts draw.
    pub x_range: Option<(f64, f64)>,
}

impl Frame {
    /// A frame measuring text with this target's default (the bundled font natively).
    pub fn new(width: f64, height: f64, theme: Theme) -> Frame {
        Frame { width, height, theme, measure: default_measure(), x_range: None }
    }
}

/// At or below this width (CSS px) a chart takes its phone form: compact legend, numbered events
/// (and, in the browser, the one-row toolbar).
pub use chrome::COMPACT_WIDTH;

/// What decides a chart's height when the page sets none.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fit {
    /// A time chart: its plot area (CSS px), which should get most of the height.
    Plot((f64, f64, f64, f64)),
    /// A record chart: the body left empty below its content, and whether all of the content
    /// is drawn readably (nothing counted as "more", squares not shrunk below a readable size).
    Content { spare: f64, complete: bool },
}

/// A time chart's value axis: its domain, the data it shows, and how many labels its time axis has.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueAxis {
    pub domain: (f64, f64),
    pub data: (f64, f64),
    pub time_labels: usize,
}

impl ValueAxis {
    /// The share of the axis left empty beyond the data at its far end (the top).
    pub fn headroom(&self) -> f64 {
        crate::model::ticks::headroom(self.domain.0, self.domain.1, self.data.1)
    }
}

/// The least share of the canvas height a time chart's plot area gets at a width (CSS px):
/// phones give the plot more than half the card, wider columns more still.
pub fn min_plot_share(width: f64) -> f64 {
    if width >= 640.0 {
        0.60
    } else {
        0.55
    }
}

/// The starting height for a width: taller than wide on phones (the title wraps there), about
/// 5:8 on wider columns.
pub fn base_height(w: f64) -> f64 {
    if w < 600.0 {
        crate::model::clamp(w * 1.25, 400.0, 560.0)
    } else {
        crate::model::clamp(w * 0.62, 380.0, 540.0)
    }
}

/// The tallest height [`natural_height`] gives (CSS px).
pub const MAX_NATURAL_HEIGHT: f64 = 2400.0;

/// The height a chart takes at `frame.width` when the page sets none (`frame.height` is ignored):
/// a time chart grows from [`base_height`] until its plot area gets [`min_plot_share`] of it (with
/// a little margin); a record chart takes the height of its content, grown until everything is
/// drawn readably and then trimmed of the empty band below it.
pub fn natural_height(kind: Kind, ds: &Dataset, frame: &Frame, hidden: &[bool]) -> f64 {
    let build = |h: f64| AnyChart::build(kind, ds, &Frame { height: h, ..frame.clone() }, hidden);
    let want = min_plot_share(frame.width) + 0.02;
    let mut h = base_height(frame.width);
    for _ in 0..12 {
        let chart = build(h);
        match chart.fit() {
            Fit::Plot(p) => {
                let plot_h = p.3 - p.1;
                if plot_h >= want * h - 1e-6 {
                    return h;
                }
                // The rest of the chart (title, legend, axis, sources) hardly changes with the
                // height: solve for the height that leaves the plot its share.
                h = ((h - plot_h) / (1.0 - want)).ceil().max(h + 1.0);
            }
            Fit::Content { complete: false, .. } => h = (h * 1.25).ceil(),
            Fit::Content { mut spare, complete: true } => {
                // Trimmed until the band is gone (a shorter frame may lay the rest out tighter).
                for _ in 0..4 {
                    if spare <= 8.0 {
                        break;
                    }
                    let trimmed = (h - spare + 6.0).ceil();
                    match build(trimmed).fit() {
                        Fit::Content { complete: true, spare: s } => (h, spare) = (trimmed, s),
                        _ => break,
                    }
                }
                return h;
            }
        }
        if h >= MAX_NATURAL_HEIGHT {
            return MAX_NATURAL_HEIGHT;
        }
    }
    h
}

/// Any chart of the registry (an enum, so drawing stays generic over the backend).
#[derive(Debug, Clone)]
pub enum AnyChart {
    Line(LineChart),
    Bars(BarChart),
    Timeline(TimelineChart),
    VoteGrid(VoteGridChart),
    Tiers(TierChart),
    Figures(FigureChart),
    Matrix(MatrixChart),
}

/// Calls the same method on whichever chart kind this is.
macro_rules! each_kind {
    ($self:expr, $c:ident => $e:expr) => {
        match $self {
            AnyChart::Line($c) => $e,
            AnyChart::Bars($c) => $e,
            AnyChart::Timeline($c) => $e,
            AnyChart::VoteGrid($c) => $e,
            AnyChart::Tiers($c) => $e,
            AnyChart::Figures($c) => $e,
            AnyChart::Matrix($c) => $e,
        }
    };
}

impl AnyChart {
    /// Lays a dataset out as the given kind. `hidden[i]` hides series `i`.
    pub fn build(kind: Kind, ds: &Dataset, frame: &Frame, hidden: &[bool]) -> AnyChart {
        match kind {
            Kind::Line => AnyChart::Line(LineChart::new(ds, frame, hidden)),
            Kind::Bars => AnyChart::Bars(BarChart::new(ds, frame, hidden)),
            Kind::Timeline => AnyChart::Timeline(TimelineChart::new(ds, frame, hidden)),
            Kind::VoteGrid => AnyChart::VoteGrid(VoteGridChart::new(ds, frame, hidden)),
            Kind::Tiers => AnyChart::Tiers(TierChart::new(ds, frame, hidden)),
            Kind::Figures => AnyChart::Figures(FigureChart::new(ds, frame, hidden)),
            Kind::Matrix => AnyChart::Matrix(MatrixChart::new(ds, frame, hidden)),
        }
    }
    pub fn draw<S: Surface + ?Sized>(&self, p: &mut Painter<S>) -> Result<()> {
        each_kind!(self, c => c.draw(p))
    }
    /// Draws the hover layer (crosshair, highlighted marks) for a hit, on a transparent canvas.
    pub fn draw_hover<S: Surface + ?Sized>(&self, p: &mut Painter<S>, hit: usize) -> Result<()> {
        each_kind!(self, c => c.draw_hover(p, hit))
    }
    /// A line chart's hover marks, for a renderer that places elements rather than drawing them.
    pub fn hover_marks(&self, hit: usize) -> Option<HoverMarks> {
        match self {
            AnyChart::Line(c) => c.hover_marks(hit),
            _ => None,
        }
    }
    /// The hover target under a CSS-pixel position, if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        each_kind!(self, c => c.hit(x, y))
    }
    pub fn tooltip(&self, hit: usize) -> Option<Tooltip> {
        each_kind!(self, c => c.tooltip(hit))
    }
    /// Where the tooltip should point (CSS px).
    pub fn anchor(&self, hit: usize) -> Option<(f64, f64)> {
        each_kind!(self, c => c.anchor(hit))
    }
    /// The legend entry (series index) under a position.
    pub fn legend_at(&self, x: f64, y: f64) -> Option<usize> {
        each_kind!(self, c => c.legend_at(x, y))
    }
    /// The hover targets that are numbered event markers (a phone's time charts; else empty).
    pub fn event_hits(&self) -> std::ops::Range<usize> {
        match self {
            AnyChart::Line(c) => c.event_hits(),
            AnyChart::Bars(c) => c.event_hits(),
            _ => 0..0,
        }
    }

    /// A time chart's value axis (line and bar charts).
    pub fn value_axis(&self) -> Option<ValueAxis> {
        match self {
            AnyChart::Line(c) => Some(c.value_axis()),
            AnyChart::Bars(c) => Some(c.value_axis()),
            _ => None,
        }
    }

    /// What decides this chart's height (see [`natural_height`]).
    pub fn fit(&self) -> Fit {
        match self {
            AnyChart::Line(c) => Fit::Plot(c.plot_rect()),
            AnyChart::Bars(c) => Fit::Plot(c.plot_rect()),
            AnyChart::Timeline(c) => Fit::Plot(c.plot_rect()),
            AnyChart::VoteGrid(c) => c.fit(),
            AnyChart::Tiers(c) => c.fit(),
            AnyChart::Matrix(c) => c.fit(),
            AnyChart::Figures(c) => c.fit(),
        }
    }

    /// One sentence describing the data drawn, for the accessible name.
    pub fn summary(&self) -> String {
        each_kind!(self, c => c.summary())
    }

    /// Time (fractional year) under a pixel column — time charts only.
    pub fn time_at(&self, px: f64) -> Option<f64> {
        match self {
            AnyChart::Line(c) => Some(c.time_at(px)),
            AnyChart::Bars(c) => Some(c.time_at(px)),
            _ => None,
        }
    }

    /// Pixel column of a time, if this is a time chart and the time is drawn.
    pub fn time_px(&self, t: f64) -> Option<f64> {
        match self {
            AnyChart::Line(c) => c.time_px(t),
            AnyChart::Bars(c) => c.time_px(t),
            _ => None,
        }
    }

    /// Time of a hover target (time charts), for linked cursors.
    pub fn time_of(&self, hit: usize) -> Option<f64> {
        match self {
            AnyChart::Line(c) => c.time_of(hit),
            AnyChart::Bars(c) => c.time_of(hit),
            _ => None,
        }
    }

    /// The time range a time chart draws.
    pub fn time_range(&self) -> Option<(f64, f64)> {
        match self {
            AnyChart::Line(c) => Some(c.time_range()),
            AnyChart::Bars(c) => Some((c.time_at(c.plot_rect().0), c.time_at(c.plot_rect().2))),
            _ => None,
        }
    }

    /// The plot area of a time chart (CSS px).
    pub fn plot_area(&self) -> Option<(f64, f64, f64, f64)> {
        match self {
            AnyChart::Line(c) => Some(c.plot_rect()),
            AnyChart::Bars(c) => Some(c.plot_rect()),
            _ => None,
        }
    }

    /// The anchor of every data hover target (a period, bar, mark, cell…), in target order; a
    /// phone's numbered event markers come after them ([`AnyChart::event_hits`]).
    pub fn targets(&self) -> Vec<(f64, f64)> {
        let events = self.event_hits();
        (0..).take_while(|i| !events.contains(i)).map_while(|i| self.anchor(i)).take(100_000).collect()
    }

    /// What the keyboard walks: the data targets, then the numbered event markers.
    pub fn keyboard_targets(&self) -> Vec<(f64, f64)> {
        (0..).map_while(|i| self.anchor(i)).take(100_000).collect()
    }

    /// A point inside each legend entry, in series order, found by probing `legend_at` over the
    /// chart's top (for tests and keyboard access to the legend).
    pub fn legend_points(&self, width: f64, height: f64) -> Vec<(f64, f64)> {
        let mut found: Vec<Option<(f64, f64)>> = Vec::new();
        let mut y = 0.0;
        while y < height.min(400.0) {
            let mut x = 0.0;
            while x < width {
                if let Some(i) = self.legend_at(x + 1.0, y + 1.0) {
                    if found.len() <= i {
                        found.resize(i + 1, None);
                    }
                    found[i].get_or_insert((x + 6.0, y + 6.0));
                }
                x += 4.0;
            }
            y += 4.0;
        }
        found.into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chart_has_its_dataset_and_series() {
        for c in CHARTS {
            let ds = dataset_for(c.id).unwrap();
            if !c.series.is_empty() {
                let ids: Vec<&str> = ds.series.iter().map(|s| s.id.as_str()).collect();
                assert_eq!(ids, c.series, "{}", c.id);
            }
            crate::data::validate(&ds).unwrap();
        }
    }
}
