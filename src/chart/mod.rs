//! Chart layer: the chart registry and one module per chart kind. Each chart builds its geometry
//! once from the model (at load or resize), draws it with the render toolkit, and hit-tests the
//! pointer against that same geometry.
//!
//! Adding a chart kind:
//! 1. one module, `src/chart/NAME.rs`, with a struct that implements [`ChartKind`] (the compiler
//!    asks for every required piece: build, draw, hover, hit-test, tooltip, anchor, legend, summary,
//!    fit; the defaults cover what most kinds lack: a time axis, hover marks, event markers, a
//!    value axis);
//! 2. one line in the `kinds!` registry below (`Name => NameChart`), which makes its [`Kind`], its
//!    [`AnyChart`] variant and the dispatch.
//!
//! A chart of that kind is then one entry in [`CHARTS`] (id, dataset, kind, capabilities); the
//! test `every_kind_is_charted_and_builds_as_itself` fails until a kind has one. Everything a chart
//! says is in the frame's locale ([`Frame::locale`]), from the tables of [`crate::model::locale`].

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
use crate::model::locale::Locale;
use crate::model::LinearScale;
use crate::render::{default_measure, Measure, Painter, Rgb, Surface, Theme};
use std::rc::Rc;

/// What every chart kind is: built once from a dataset in a frame, then drawn, hit-tested and
/// described on that one geometry. The defaults are what a record chart lacks.
pub trait ChartKind: Sized {
    fn new(ds: &Dataset, frame: &Frame, hidden: &[bool]) -> Self;
    fn draw<S: Surface + ?Sized>(&self, p: &mut Painter<S>) -> Result<()>;
    /// The hover layer (crosshair, highlighted marks) for a hit, on a transparent canvas.
    fn draw_hover<S: Surface + ?Sized>(&self, p: &mut Painter<S>, hit: usize) -> Result<()>;
    /// The hover target under a CSS-pixel position, if any.
    fn hit(&self, x: f64, y: f64) -> Option<usize>;
    fn tooltip(&self, hit: usize) -> Option<Tooltip>;
    /// Where the tooltip of a target points (CSS px).
    fn anchor(&self, hit: usize) -> Option<(f64, f64)>;
    /// The legend entry (series index) under a position.
    fn legend_at(&self, x: f64, y: f64) -> Option<usize>;
    /// One sentence describing the data drawn, for the accessible name.
    fn summary(&self) -> String;
    /// What decides the chart's height (see [`natural_height`]).
    fn fit(&self) -> Fit;
    /// A time chart's time axis: zoom, linked cursors and the hover layer use it.
    fn time_axis(&self) -> Option<TimeAxis> {
        None
    }
    /// Time of a hover target (time charts), for linked cursors.
    fn time_of(&self, _hit: usize) -> Option<f64> {
        None
    }
    /// Hover marks a renderer places as elements instead of drawing them (line charts).
    fn hover_marks(&self, _hit: usize) -> Option<HoverMarks> {
        None
    }
    /// The hover targets that are numbered event markers (a phone's time charts).
    fn event_hits(&self) -> std::ops::Range<usize> {
        0..0
    }
    /// A time chart's value axis.
    fn value_axis(&self) -> Option<ValueAxis> {
        None
    }
}

/// How a time chart maps time to pixel columns and back inside its plot: one type for the line
/// and the bar charts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeAxis {
    /// The plot rectangle (CSS px).
    pub plot: (f64, f64, f64, f64),
    pub map: TimeMap,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TimeMap {
    /// A continuous scale (line charts).
    Linear(LinearScale),
    /// One band per period (bar charts): the first band's left edge, its period's start (a
    /// fractional year), the period's length in years and the band's width.
    Bands { px0: f64, t0: f64, step: f64, band: f64 },
}

impl TimeAxis {
    /// Time (fractional year) under a pixel column, through the inverse of the drawing map.
    pub fn time_at(&self, px: f64) -> f64 {
        let px = crate::model::clamp(px, self.plot.0, self.plot.2);
        match self.map {
            TimeMap::Linear(xs) => xs.invert(px),
            TimeMap::Bands { px0, t0, step, band } => t0 + (px - px0) / band.max(1e-9) * step,
        }
    }

    /// Pixel column of a time (a band's middle for bars), if it is inside the plot.
    pub fn time_px(&self, t: f64) -> Option<f64> {
        let px = match self.map {
            TimeMap::Linear(xs) => xs.map(t),
            TimeMap::Bands { px0, t0, step, band } => px0 + (t - t0) / step * band,
        };
        (px >= self.plot.0 - 0.5 && px <= self.plot.2 + 0.5).then_some(px)
    }

    /// The time range drawn.
    pub fn range(&self) -> (f64, f64) {
        match self.map {
            TimeMap::Linear(xs) => (xs.d0, xs.d1),
            TimeMap::Bands { .. } => (self.time_at(self.plot.0), self.time_at(self.plot.2)),
        }
    }
}

/// The list of chart kinds: makes [`Kind`], [`AnyChart`] (an enum, so drawing stays generic over
/// the backend), building a kind and calling one [`ChartKind`] method on whichever kind a chart is.
macro_rules! kinds {
    ($($(#[$doc:meta])* $kind:ident => $chart:ident,)*) => {
        /// How a chart draws its dataset.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Kind {
            $($(#[$doc])* $kind,)*
        }

        impl Kind {
            /// Every kind, in the list's order.
            pub const ALL: &[Kind] = &[$(Kind::$kind),*];
        }

        /// Any chart of the registry.
        #[derive(Debug, Clone)]
        pub enum AnyChart {
            $($kind($chart),)*
        }

        /// Calls the same [`ChartKind`] method on whichever chart kind this is.
        macro_rules! each_kind {
            ($self_:expr, $c:ident => $e:expr) => {
                match $self_ {
                    $(AnyChart::$kind($c) => $e,)*
                }
            };
        }

        impl AnyChart {
            /// The kind this chart is.
            pub fn kind(&self) -> Kind {
                match self {
                    $(AnyChart::$kind(_) => Kind::$kind,)*
                }
            }

            /// Lays a dataset out as the given kind. `hidden[i]` hides series `i`.
            pub fn build(kind: Kind, ds: &Dataset, frame: &Frame, hidden: &[bool]) -> AnyChart {
                match kind {
                    $(Kind::$kind => AnyChart::$kind($chart::new(ds, frame, hidden)),)*
                }
            }
        }
    };
}

kinds! {
    /// Figures as pages printed them: one mark per figure on its unit's scale, bounds as arrows.
    Figures => FigureChart,
    /// Lines over time, one per series.
    Line => LineChart,
    /// Stacked bars per period, one segment per series.
    Bars => BarChart,
    /// Dated records as marks on one time row per series (e.g. vetoes).
    Timeline => TimelineChart,
    /// One square per labelled record, coloured by vote, one block per series (e.g. member votes).
    VoteGrid => VoteGridChart,
    /// Labelled records grouped by series as a grid of tiles (e.g. HS codes by tier).
    Tiers => TierChart,
    /// Rows = records (labels), columns = series, cells coloured by vote or showing a count.
    Matrix => MatrixChart,
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

/// The registry with titles and descriptions in `locale`'s words, taken from the datasets' index
/// (no data is read).
pub fn list(locale: Locale) -> Result<Vec<ChartInfo>> {
    CHARTS
        .iter()
        .map(|c| {
            let h = crate::data::header(c.dataset)?;
            let (title, description) = h.text(locale);
            Ok(ChartInfo {
                id: c.id.to_string(),
                title: title.to_string(),
                domain: h.domain,
                description: description.to_string(),
            })
        })
        .collect()
}

/// The bundled datasets chart `id` draws: its own, then its companion's.
pub fn datasets_of(id: &str) -> Result<Vec<&'static str>> {
    let spec = spec(id)?;
    Ok(std::iter::once(spec.dataset).chain(spec.companion).collect())
}

/// What a widget draws, and how: a dataset the page handed in (drawn as lines, which any dataset in
/// the public schema can be), else the bundled chart `id`.
pub fn choose(given: Option<Dataset>, id: Option<&str>) -> Result<(Dataset, Kind)> {
    if let Some(ds) = given {
        return Ok((ds, Kind::Line));
    }
    let id = id.ok_or_else(|| Error::Option {
        name: "chart".into(),
        problem: "no chart id given; set the chart attribute, e.g. chart=\"unga-agreement\"".into(),
    })?;
    let kind = spec(id)?.kind;
    Ok((dataset_for(id)?, kind))
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
        ds.drop_stale_translations();
    }
    if let Some(other) = spec.companion {
        ds.append(bundled_dataset(other)?);
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
    /// The language of every word and number the chart shows (and of its tooltips and summary).
    pub locale: Locale,
}

impl Frame {
    /// A frame measuring text with this target's default (the bundled font natively), in English.
    pub fn new(width: f64, height: f64, theme: Theme) -> Frame {
        Frame { width, height, theme, measure: default_measure(), x_range: None, locale: Locale::En }
    }

    /// The same frame in another language.
    pub fn in_locale(self, locale: Locale) -> Frame {
        Frame { locale, ..self }
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

impl Fit {
    /// A record chart's fit: the body (CSS px) left empty below the lowest of `bottoms` (the
    /// bottom edges of what it drew), measured from `top` (where content starts; 40 px below it
    /// when the chart only shows a message), and whether all of its content is drawn.
    pub fn content(
        body: (f64, f64, f64, f64),
        top: f64,
        empty: bool,
        bottoms: impl Iterator<Item = f64>,
        complete: bool,
    ) -> Fit {
        let bottom = bottoms.fold(if empty { body.1 + 40.0 } else { top }, f64::max);
        Fit::Content { spare: (body.3 - bottom).max(0.0), complete }
    }
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

impl AnyChart {
    pub fn draw<S: Surface + ?Sized>(&self, p: &mut Painter<S>) -> Result<()> {
        each_kind!(self, c => c.draw(p))
    }
    /// Draws the hover layer (crosshair, highlighted marks) for a hit, on a transparent canvas.
    pub fn draw_hover<S: Surface + ?Sized>(&self, p: &mut Painter<S>, hit: usize) -> Result<()> {
        each_kind!(self, c => c.draw_hover(p, hit))
    }
    /// A line chart's hover marks, for a renderer that places elements rather than drawing them.
    pub fn hover_marks(&self, hit: usize) -> Option<HoverMarks> {
        each_kind!(self, c => c.hover_marks(hit))
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
        each_kind!(self, c => c.event_hits())
    }

    /// A time chart's value axis (line and bar charts).
    pub fn value_axis(&self) -> Option<ValueAxis> {
        each_kind!(self, c => c.value_axis())
    }

    /// What decides this chart's height (see [`natural_height`]).
    pub fn fit(&self) -> Fit {
        each_kind!(self, c => c.fit())
    }

    /// One sentence describing the data drawn, for the accessible name.
    pub fn summary(&self) -> String {
        each_kind!(self, c => c.summary())
    }

    /// Time (fractional year) under a pixel column — time charts only.
    pub fn time_at(&self, px: f64) -> Option<f64> {
        Some(self.time_axis()?.time_at(px))
    }

    /// Pixel column of a time, if this is a time chart and the time is drawn.
    pub fn time_px(&self, t: f64) -> Option<f64> {
        self.time_axis()?.time_px(t)
    }

    /// Time of a hover target (time charts), for linked cursors.
    pub fn time_of(&self, hit: usize) -> Option<f64> {
        each_kind!(self, c => c.time_of(hit))
    }

    /// The time range a time chart draws.
    pub fn time_range(&self) -> Option<(f64, f64)> {
        Some(self.time_axis()?.range())
    }

    /// The plot area of a time chart (CSS px).
    pub fn plot_area(&self) -> Option<(f64, f64, f64, f64)> {
        Some(self.time_axis()?.plot)
    }

    /// A time chart's time axis (line and bar charts); `None` for the others.
    pub fn time_axis(&self) -> Option<TimeAxis> {
        each_kind!(self, c => c.time_axis())
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

    /// A kind in the `kinds!` list that no chart uses is dead code, and a chart of each kind must
    /// build into that kind, with a time axis exactly where it has a value axis.
    #[test]
    fn every_kind_is_charted_and_builds_as_itself() {
        let frame = Frame::new(640.0, 400.0, Theme::light());
        for kind in Kind::ALL {
            let spec = CHARTS.iter().find(|c| c.kind == *kind).unwrap_or_else(|| panic!("no chart of kind {kind:?}"));
            let ds = dataset_for(spec.id).unwrap();
            let built = AnyChart::build(*kind, &ds, &frame, &vec![false; ds.series.len()]);
            assert_eq!(built.kind(), *kind, "{}", spec.id);
            assert_eq!(built.time_axis().is_some(), built.value_axis().is_some(), "{}", spec.id);
            assert!(!built.summary().is_empty(), "{}", spec.id);
        }
    }

    #[test]
    fn a_widget_draws_the_given_dataset_as_lines_else_the_chart_by_id() {
        let given = dataset_for("unsc-vetoes").unwrap();
        assert_eq!(choose(Some(given.clone()), Some("chpl-tiers")).unwrap(), (given, Kind::Line));
        let (ds, kind) = choose(None, Some("chpl-tiers")).unwrap();
        assert_eq!((ds.id.as_str(), kind), ("chpl", Kind::Tiers));
        assert_eq!(choose(None, Some("nope")).unwrap_err(), Error::UnknownChart("nope".into()));
        assert!(matches!(choose(None, None).unwrap_err(), Error::Option { name, .. } if name == "chart"));
    }

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
