//! What every chart has around its body: background, wrapped title, a legend whose entries toggle
//! series, a unit line, and the source line at the bottom. Charts lay out their body inside
//! [`Chrome::body`] and draw it after [`Chrome::draw`].

use super::Frame;
use crate::data::Dataset;
use crate::error::Result;
use crate::model::locale::{Locale, Text};
use crate::render::{ellipsize, wrap, Anchor, Measure, Painter, Rgb, Surface, Theme};

pub const PAD: f64 = 12.0;
pub const TITLE_SIZE: f64 = 17.0;
pub const TITLE_LINE: f64 = 22.0;
pub const LEGEND_SIZE: f64 = 13.0;
pub const LEGEND_ROW: f64 = 22.0;
pub const LEGEND_LINE: f64 = 16.0;
pub const LABEL_SIZE: f64 = 12.0;
pub const SOURCE_SIZE: f64 = 11.0;
pub const SOURCE_LINE: f64 = 14.0;

/// A rectangle `(x0, y0, x1, y1)` in CSS px.
pub type Rect = (f64, f64, f64, f64);

/// What a legend entry shows.
#[derive(Debug, Clone)]
pub struct LegendEntry {
    pub label: String,
    pub color: Rgb,
    pub hidden: bool,
}

/// One legend entry per series, coloured by `color(series index)`, hidden as the reader chose.
pub fn series_entries(ds: &Dataset, hidden: &[bool], color: impl Fn(usize) -> Rgb) -> Vec<LegendEntry> {
    ds.series
        .iter()
        .enumerate()
        .map(|(i, s)| LegendEntry {
            label: s.label.clone(),
            color: color(i),
            hidden: hidden.get(i).copied().unwrap_or(false),
        })
        .collect()
}

/// Below this width (CSS px) the legend is compact: one line per entry, two entries a line.
pub const COMPACT_WIDTH: f64 = 480.0;

/// The legend as a flow of entries, a long label wrapping onto a second line; its items and height.
fn full_legend(m: &dyn Measure, entries: Vec<LegendEntry>, top: f64, w: f64, inner: f64) -> (Vec<LegendItem>, f64) {
    let mut y = top;
    let mut legend: Vec<LegendItem> = Vec::new();
    let mut x = PAD;
    let mut row_h = LEGEND_ROW;
    for entry in entries {
        // A long label wraps onto a second line rather than being cut.
        let mut lines = wrap(m, &entry.label, LEGEND_SIZE, false, inner - 24.0);
        if lines.len() > 2 {
            let rest = lines[1..].join(" ");
            lines = vec![lines[0].clone(), ellipsize(m, &rest, LEGEND_SIZE, inner - 24.0)];
        }
        let text_w = lines.iter().map(|l| m.width(l, LEGEND_SIZE, false)).fold(0.0, f64::max);
        let iw = 20.0 + text_w;
        let ih = LEGEND_ROW - 4.0 + (lines.len() as f64 - 1.0) * LEGEND_LINE;
        if x > PAD && x + iw > w - PAD {
            x = PAD;
            y += row_h;
            row_h = LEGEND_ROW;
        }
        row_h = row_h.max(ih + 4.0);
        legend.push(LegendItem { rect: (x, y, x + iw, y + ih), lines, entry });
        x += iw + 16.0;
    }
    if !legend.is_empty() {
        y += row_h + 2.0;
    }
    (legend, y - top)
}

/// A phone's legend: at most one line per two entries, short labels where the chart has them
/// ([`super::short`]). A qualifier every label ends with
/// ("… (China-reported)") is said once, after the unit; the labels then go in a flow when that
/// takes few enough lines, else in two columns, each label on one line (ellipsized; the tooltip
/// and table give it whole).
fn compact_legend(
    m: &dyn Measure,
    entries: Vec<LegendEntry>,
    short: &[Option<&str>],
    unit_title: &mut String,
    top: f64,
    inner: f64,
) -> (Vec<LegendItem>, f64) {
    let mut labels: Vec<String> = entries.iter().map(|e| e.label.clone()).collect();
    if let Some(q) = common_qualifier(&labels).filter(|_| !unit_title.is_empty()) {
        for l in &mut labels {
            l.truncate(l.len() - q.len() - 3);
        }
        unit_title.push_str(" · ");
        unit_title.push_str(&q);
    }
    for (l, s) in labels.iter_mut().zip(short) {
        if let Some(s) = s {
            *l = s.to_string();
        }
    }
    let row = LEGEND_ROW - 2.0;
    let max_rows = entries.len().div_ceil(2);
    let widths: Vec<f64> = labels.iter().map(|l| 20.0 + m.width(l, LEGEND_SIZE, false)).collect();
    // A flow, if it keeps to the lines allowed.
    let mut flow = Vec::with_capacity(widths.len());
    let (mut x, mut r) = (PAD, 0usize);
    for &iw in &widths {
        if x > PAD && x + iw > PAD + inner {
            x = PAD;
            r += 1;
        }
        flow.push((x, r, iw.min(inner)));
        x += iw + 14.0;
    }
    let fits = r < max_rows && widths.iter().all(|&iw| iw <= inner);
    let col_w = (inner - 12.0) / 2.0;
    let items: Vec<LegendItem> = entries
        .into_iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (entry, label))| {
            let (x, r, iw, text) = if fits {
                let (x, r, iw) = flow[i];
                (x, r, iw, label)
            } else {
                let text = ellipsize(m, &label, LEGEND_SIZE, col_w - 20.0);
                let iw = 20.0 + m.width(&text, LEGEND_SIZE, false);
                (PAD + (i % 2) as f64 * (col_w + 12.0), i / 2, iw, text)
            };
            let y = top + r as f64 * row;
            LegendItem { rect: (x, y, x + iw, y + LEGEND_ROW - 4.0), lines: vec![text], entry }
        })
        .collect();
    let rows = items.iter().map(|it| ((it.rect.1 - top) / row).round() as usize + 1).max().unwrap_or(0);
    (items, rows as f64 * row + 4.0)
}

/// The parenthesised qualifier every label ends with (`"China-reported"` for labels ending in
/// `" (China-reported)"`), if they all share one.
fn common_qualifier(labels: &[String]) -> Option<String> {
    let first = labels.first()?;
    let q = first.strip_suffix(')')?;
    let open = q.rfind(" (")?;
    let q = &q[open + 2..];
    let suffix = format!(" ({q})");
    let all = labels.iter().all(|l| l.ends_with(&suffix) && l.len() > suffix.len());
    (all && !q.is_empty()).then(|| q.to_string())
}

/// Horizontal gridlines with their value labels left of the plot.
pub fn draw_y_grid<S: Surface + ?Sized>(
    p: &mut Painter<S>,
    plot: Rect,
    ticks: &[(f64, String)],
    t: &Theme,
) -> Result<()> {
    for (py, label) in ticks {
        p.line((plot.0, *py), (plot.2, *py), t.grid, 1.0)?;
        p.text(label, (plot.0 - 6.0, *py), LABEL_SIZE, t.muted, Anchor::RightMiddle, false)?;
    }
    Ok(())
}

/// The time axis: a baseline under the plot, tick marks and their labels.
pub fn draw_x_axis<S: Surface + ?Sized>(
    p: &mut Painter<S>,
    plot: Rect,
    ticks: &[(f64, String)],
    t: &Theme,
) -> Result<()> {
    p.line((plot.0, plot.3), (plot.2, plot.3), t.axis, 1.0)?;
    for (px, label) in ticks {
        p.line((*px, plot.3), (*px, plot.3 + 4.0), t.axis, 1.0)?;
        p.text(label, (*px, plot.3 + 6.0), LABEL_SIZE, t.muted, Anchor::CenterTop, false)?;
    }
    Ok(())
}

#[derive(Debug, Clone)]
struct LegendItem {
    rect: Rect,
    lines: Vec<String>,
    entry: LegendEntry,
}

#[derive(Debug, Clone)]
pub struct Chrome {
    pub width: f64,
    pub height: f64,
    pub theme: Theme,
    title: Vec<String>,
    legend: Vec<LegendItem>,
    unit_title: String,
    source_lines: Vec<String>,
    /// `(source id, publisher)` of every source of the dataset.
    sources: Vec<(String, String)>,
    /// Where the chart draws its own content.
    pub body: Rect,
    /// The frame's language, for what the chart says when asked (tooltips).
    pub locale: Locale,
}

impl Chrome {
    pub fn new(ds: &Dataset, frame: &Frame, entries: Vec<LegendEntry>, unit_title: &str) -> Chrome {
        let (w, h) = (frame.width.max(200.0), frame.height.max(160.0));
        let inner = w - 2.0 * PAD;
        let m = &*frame.measure;
        // The title wraps onto at most four lines (three in a short frame); a longer one ends in an
        // ellipsis. A record chart fitted to its content is often 320–400 px tall: it keeps four.
        let mut title = wrap(m, &ds.title, TITLE_SIZE, true, inner);
        let max_lines = if h < 320.0 { 3 } else { 4 };
        if title.len() > max_lines {
            let rest = title[max_lines - 1..].join(" ");
            title.truncate(max_lines - 1);
            title.push(ellipsize(m, &rest, TITLE_SIZE * 1.08, inner));
        }
        let mut y = PAD + title.len() as f64 * TITLE_LINE + 4.0;
        let mut unit_title = unit_title.to_string();
        let compact = w <= COMPACT_WIDTH && entries.len() >= 2;
        let (legend, legend_h) = if compact {
            // Short labels where the chart has them (one per series, in series order).
            let short: Vec<Option<&str>> = if entries.len() == ds.series.len() {
                ds.series.iter().map(|s| super::short::label(&ds.id, &s.id, frame.locale)).collect()
            } else {
                vec![None; entries.len()]
            };
            compact_legend(m, entries, &short, &mut unit_title, y, inner)
        } else {
            full_legend(m, entries, y, w, inner)
        };
        y += legend_h;
        let unit_title = ellipsize(m, &unit_title, LABEL_SIZE, inner);
        let top = if unit_title.is_empty() { y + 4.0 } else { y + 20.0 };

        // The sources named: each series' first, and wherever its source changes.
        let mut used: Vec<&str> = Vec::new();
        for s in ds.series.iter().filter(|s| !s.points.is_empty()) {
            for i in std::iter::once(0).chain(s.points.source_changes()) {
                let id = s.points.source(i);
                if !used.contains(&id) {
                    used.push(id);
                }
            }
        }
        let sources: Vec<(String, String)> = ds.sources.iter().map(|s| (s.id.clone(), s.publisher.clone())).collect();
        let mut publishers: Vec<&str> = Vec::new();
        for (_, p) in sources.iter().filter(|(id, _)| used.contains(&id.as_str())) {
            if !publishers.contains(&p.as_str()) {
                publishers.push(p);
            }
        }
        let mut source_lines = wrap(
            m,
            &format!("{}: {}", frame.locale.text(Text::Source), publishers.join("; ")),
            SOURCE_SIZE,
            false,
            inner,
        );
        if source_lines.len() > 2 {
            let rest = source_lines[1..].join(" ");
            source_lines = vec![source_lines[0].clone(), ellipsize(m, &rest, SOURCE_SIZE, inner)];
        }
        let bottom = h - PAD - SOURCE_LINE * source_lines.len() as f64 - 4.0;
        Chrome {
            width: w,
            height: h,
            theme: frame.theme.clone(),
            title,
            legend,
            unit_title,
            source_lines,
            sources,
            body: (PAD, top, w - PAD, bottom.max(top + 40.0)),
            locale: frame.locale,
        }
    }

    pub fn draw<S: Surface + ?Sized>(&self, p: &mut Painter<S>) -> Result<()> {
        let t = &self.theme;
        p.fill_rect((0.0, 0.0), (self.width, self.height), t.background)?;
        for (i, line) in self.title.iter().enumerate() {
            p.text(line, (PAD, PAD + i as f64 * TITLE_LINE), TITLE_SIZE, t.text, Anchor::LeftTop, true)?;
        }
        for it in &self.legend {
            let (r, e) = (it.rect, &it.entry);
            let mid = r.1 + (LEGEND_ROW - 4.0) / 2.0;
            if e.hidden {
                p.stroke_rect((r.0, mid - 5.0), (r.0 + 14.0, mid + 5.0), t.axis, 1.5)?;
            } else {
                p.fill_rect((r.0, mid - 5.0), (r.0 + 14.0, mid + 5.0), e.color)?;
            }
            let color = if e.hidden { t.muted } else { t.text };
            for (k, line) in it.lines.iter().enumerate() {
                p.text(
                    line,
                    (r.0 + 20.0, mid + k as f64 * LEGEND_LINE),
                    LEGEND_SIZE,
                    color,
                    Anchor::LeftMiddle,
                    false,
                )?;
            }
        }
        p.text(&self.unit_title, (PAD, self.body.1 - 8.0), LABEL_SIZE, t.muted, Anchor::LeftBottom, false)?;
        let n = self.source_lines.len() as f64;
        for (i, line) in self.source_lines.iter().enumerate() {
            let y = self.height - PAD - (n - 1.0 - i as f64) * SOURCE_LINE;
            p.text(line, (PAD, y), SOURCE_SIZE, t.muted, Anchor::LeftBottom, false)?;
        }
        Ok(())
    }

    /// A record chart with nothing to draw: the chrome, and `message` in the middle of the body.
    pub fn draw_message<S: Surface + ?Sized>(&self, p: &mut Painter<S>, message: &str) -> Result<()> {
        self.draw(p)?;
        let (bx0, by0, _, by1) = self.body;
        p.text(message, (bx0, (by0 + by1) / 2.0), LABEL_SIZE, self.theme.muted, Anchor::LeftMiddle, false)?;
        p.present()
    }

    /// The legend entry under a position.
    pub fn legend_at(&self, x: f64, y: f64) -> Option<usize> {
        self.legend.iter().position(|it| x >= it.rect.0 && x <= it.rect.2 && y >= it.rect.1 && y <= it.rect.3)
    }

    /// "Source: A; B" naming the publishers of the given source ids, for a tooltip.
    pub fn source_text<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> String {
        let mut names: Vec<&str> = Vec::new();
        for id in ids {
            if let Some((_, publisher)) = self.sources.iter().find(|(s, _)| s == id) {
                if !names.contains(&publisher.as_str()) {
                    names.push(publisher);
                }
            }
        }
        format!("{}: {}", self.locale.text(Text::Source), names.join("; "))
    }
}
