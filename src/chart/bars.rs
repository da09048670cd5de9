//! Stacked bars per period: one segment per visible series, stacked in series order, a total per
//! bar, event markers, and a hover that selects the whole bar (every segment's value and the total).

use super::chrome::{draw_x_axis, draw_y_grid, series_entries, Chrome, Rect, LABEL_SIZE};
use super::ChartKind;
use super::{markers, Frame, Tooltip, TooltipRow};
use crate::data::{Dataset, Frequency, Period};
use crate::error::Result;
use crate::model::locale::{Locale, Text};
use crate::model::{clamp, sort, ticks, LinearScale};
use crate::render::{Painter, Rgb, Surface};

/// One bar: a period, its stacked segments (bottom to top) and the hover text.
#[derive(Debug, Clone)]
struct Bar {
    /// Left and right edge (CSS px).
    x0: f64,
    x1: f64,
    /// `(y top, y bottom, colour)` per non-empty segment.
    segments: Vec<(f64, f64, Rgb)>,
    top: f64,
    title: String,
    rows: Vec<TooltipRow>,
    notes: Vec<String>,
    sources: Vec<std::rc::Rc<str>>,
}

#[derive(Debug, Clone)]
pub struct BarChart {
    chrome: Chrome,
    plot: Rect,
    /// Time → px: `px0 + (t − t0) / step × band`.
    time_axis: (f64, f64, f64, f64),
    x_ticks: Vec<(f64, String)>,
    y_ticks: Vec<(f64, String)>,
    events: markers::Events,
    bars: Vec<Bar>,
    /// The value axis's domain and the data it shows (the highest total).
    axis: super::ValueAxis,
    summary: String,
}

impl BarChart {
    pub fn plot_rect(&self) -> Rect {
        self.plot
    }

    /// Centre of bar `k`'s top, for tests.
    pub fn bar_top(&self, k: usize) -> Option<(f64, f64)> {
        self.anchor(k)
    }
}

impl ChartKind for BarChart {
    fn new(ds: &Dataset, frame: &Frame, hidden: &[bool]) -> BarChart {
        let l = frame.locale;
        let theme = &frame.theme;
        let m = &*frame.measure;
        let is_hidden = |i: usize| hidden.get(i).copied().unwrap_or(false);
        let entries = series_entries(ds, hidden, |i| theme.series_color(i));
        let unit_line = ds
            .unit_label
            .clone()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| capitalised(l.unit_title(ds.unit)));
        let chrome = Chrome::new(ds, frame, entries, &unit_line);
        let (bx0, by0, bx1, by1) = chrome.body;

        // Periods: the union over all series (toggling keeps the axis still), in time order.
        let mut periods: Vec<(Period, String)> = ds
            .series
            .iter()
            .flat_map(|s| s.points.iter().filter_map(|p| Some((Period::parse(p.period)?, p.period.to_string()))))
            .collect();
        sort::sort_by(&mut periods, Ord::cmp);
        periods.dedup();
        // The reader's zoom keeps the periods inside the range.
        if let Some((a, b)) = frame.x_range.filter(|(a, b)| b > a) {
            let kept: Vec<_> =
                periods.iter().filter(|(p, _)| p.to_x() >= a - 1e-9 && p.to_x() <= b + 1e-9).cloned().collect();
            if !kept.is_empty() {
                periods = kept;
            }
        }
        // Stack per period over visible series.
        let n = periods.len().max(1);
        let mut totals = vec![0.0f64; periods.len()];
        // Per series the point of each bar: one pass over the points, each found by binary search
        // in the sorted periods (no hash map: hashbrown and SipHash cost the wasm ~3 KB).
        let mut at: Vec<Vec<Option<usize>>> = vec![vec![None; periods.len()]; ds.series.len()];
        for (i, s) in ds.series.iter().enumerate() {
            for (j, p) in s.points.iter().enumerate() {
                let bar = Period::parse(p.period).and_then(|q| {
                    periods.binary_search_by(|(o, raw)| o.cmp(&q).then_with(|| raw.as_str().cmp(p.period))).ok()
                });
                if let Some(k) = bar {
                    at[i][k] = Some(j);
                    if !is_hidden(i) {
                        totals[k] += p.value.max(0.0);
                    }
                }
            }
        }
        let max_total = totals.iter().copied().fold(0.0, f64::max);
        let plot_top = by0 + 6.0;
        let plot_bottom = by1 - 22.0;
        let max_y_ticks = (((plot_bottom - plot_top) / 45.0) as usize).clamp(2, 8);
        let (d0, d1, y_vals) = ticks::tight_axis(0.0, if max_total > 0.0 { max_total } else { 1.0 }, max_y_ticks);
        let step = if y_vals.len() > 1 { y_vals[1] - y_vals[0] } else { 1.0 };
        let y_labels: Vec<String> = y_vals.iter().map(|&v| l.tick(v, ds.unit, step)).collect();
        let label_w = y_labels.iter().map(|l| m.width(l, LABEL_SIZE, false)).fold(0.0, f64::max);
        let (px0, px1) = (bx0 + label_w + 8.0, bx1 - 4.0);
        let band = (px1 - px0) / n as f64;
        let first_x = periods.first().map_or(0.0, |(p, _)| p.to_x());
        let step_x = match ds.frequency {
            Frequency::Monthly => 1.0 / 12.0,
            _ => 1.0,
        };
        // Time → px: the band of a period starts at its own start.
        let to_px = |x: f64| px0 + (x - first_x) / step_x * band;
        let mut events = markers::Events::new(
            &markers::items(ds, l),
            m,
            |x| Some(to_px(x)),
            px0,
            px1,
            frame.width <= super::chrome::COMPACT_WIDTH,
            (bx0, bx1),
            |ids| chrome.source_text(ids.iter().map(String::as_str)),
        );
        let plot_top = plot_top + events.top_height();
        let plot_bottom = plot_bottom - events.key_height();
        let plot = (px0, plot_top, px1, plot_bottom.max(plot_top + 40.0));
        events.place(plot);
        let ys = LinearScale::new(d0, d1, plot.3, plot.1);
        let y_ticks = y_vals.iter().zip(y_labels).map(|(&v, l)| (ys.map(v), l)).collect();

        let years: Vec<f64> = periods.iter().map(|(p, _)| p.to_x()).collect();
        let max_x_ticks = (((px1 - px0) / 56.0) as usize).clamp(2, 14);
        let x_ticks: Vec<(f64, String)> = match (years.first(), years.last()) {
            (Some(&lo), Some(&hi)) => ticks::year_ticks(lo, hi, max_x_ticks)
                .into_iter()
                .map(|y| (to_px(y) + band / 2.0, format!("{:.0}", y)))
                .collect(),
            _ => vec![],
        };

        let gap = clamp(band * 0.2, 0.5, 6.0);
        let mut bars = Vec::with_capacity(periods.len());
        for (k, (period, raw)) in periods.iter().enumerate() {
            let x0 = to_px(period.to_x()) + gap / 2.0;
            let x1 = x0 + band - gap;
            let mut base = 0.0;
            let mut segments = Vec::new();
            let mut rows = Vec::new();
            let mut sources: Vec<std::rc::Rc<str>> = Vec::new();
            for (i, s) in ds.series.iter().enumerate().filter(|(i, _)| !is_hidden(*i)) {
                let color = theme.series_color(i);
                match at[i][k].map(|j| s.points.at(j)) {
                    Some(p) => {
                        let v = p.value.max(0.0);
                        if v > 0.0 {
                            segments.push((ys.map(base + v), ys.map(base), color));
                        }
                        base += v;
                        rows.push(TooltipRow { label: s.label.clone(), value: l.value(p.value, ds.unit), color });
                        if !sources.iter().any(|s| **s == *p.source) {
                            sources.push(p.source.into());
                        }
                    }
                    None => rows.push(TooltipRow { label: s.label.clone(), value: l.text(Text::NoData).into(), color }),
                }
            }
            rows.push(TooltipRow {
                label: l.text(Text::Total).into(),
                value: l.value(totals[k], ds.unit),
                color: theme.text,
            });
            bars.push(Bar {
                x0,
                x1,
                segments,
                top: ys.map(totals[k]),
                title: l.period(raw, ds.frequency),
                rows,
                notes: markers::lines_for(ds, l, raw, |id| chrome.source_text([id])),
                sources,
            });
        }
        let summary = summarize(ds, &periods, &totals, hidden, l);
        let time_labels = x_ticks.len();
        BarChart {
            chrome,
            plot,
            time_axis: (px0, first_x, step_x, band),
            x_ticks,
            y_ticks,
            events,
            bars,
            axis: super::ValueAxis { domain: (d0, d1), data: (0.0, max_total), time_labels },
            summary,
        }
    }

    fn draw<S: Surface + ?Sized>(&self, p: &mut Painter<S>) -> Result<()> {
        let t = &self.chrome.theme;
        self.chrome.draw(p)?;
        draw_y_grid(p, self.plot, &self.y_ticks, t)?;
        for b in &self.bars {
            for (top, bottom, color) in &b.segments {
                p.fill_rect((b.x0, *top), (b.x1, *bottom), *color)?;
            }
        }
        draw_x_axis(p, self.plot, &self.x_ticks, t)?;
        self.events.draw(p, t)?;
        p.present()
    }

    fn draw_hover<S: Surface + ?Sized>(&self, p: &mut Painter<S>, hit: usize) -> Result<()> {
        if let Some(k) = hit.checked_sub(self.bars.len()) {
            return self.events.draw_hover(p, k, &self.chrome.theme);
        }
        let Some(b) = self.bars.get(hit) else { return Ok(()) };
        let t = &self.chrome.theme;
        let top = b.top.min(self.plot.3 - 2.0);
        p.stroke_rect((b.x0 - 1.5, top - 1.5), (b.x1 + 1.5, self.plot.3), t.text, 1.5)?;
        p.present()
    }

    /// The bar whose band contains x (anywhere in the plot's height).
    fn hit(&self, x: f64, y: f64) -> Option<usize> {
        if let Some(k) = self.events.hit(x, y) {
            return Some(self.bars.len() + k);
        }
        let (_, y0, _, y1) = self.plot;
        if y < y0 - 12.0 || y > y1 + 12.0 {
            return None;
        }
        let slack = self.bars.first().map_or(0.0, |b| (b.x1 - b.x0) * 0.25 + 2.0);
        self.bars.iter().position(|b| x >= b.x0 - slack && x <= b.x1 + slack)
    }

    fn tooltip(&self, hit: usize) -> Option<Tooltip> {
        if let Some(k) = hit.checked_sub(self.bars.len()) {
            return self.events.tooltip(k);
        }
        let b = self.bars.get(hit)?;
        Some(Tooltip {
            title: b.title.clone(),
            rows: b.rows.clone(),
            notes: b.notes.clone(),
            source: self.chrome.source_text(b.sources.iter().map(|s| &**s)),
        })
    }

    fn anchor(&self, hit: usize) -> Option<(f64, f64)> {
        if let Some(k) = hit.checked_sub(self.bars.len()) {
            return self.events.anchor(k);
        }
        let b = self.bars.get(hit)?;
        Some(((b.x0 + b.x1) / 2.0, b.top.min(self.plot.3)))
    }

    /// Time of a bar (the start of its period).
    fn time_of(&self, hit: usize) -> Option<f64> {
        let (_, t0, step, band) = self.time_axis;
        self.bars.get(hit).map(|b| t0 + ((b.x0 - self.time_axis.0) / band.max(1e-9)).floor() * step)
    }

    /// The hover targets that are numbered event markers (after the bars).
    fn event_hits(&self) -> std::ops::Range<usize> {
        self.bars.len()..self.bars.len() + self.events.len()
    }

    /// The value axis and the time axis's label count.
    fn value_axis(&self) -> Option<super::ValueAxis> {
        Some(self.axis)
    }

    fn legend_at(&self, x: f64, y: f64) -> Option<usize> {
        self.chrome.legend_at(x, y)
    }

    fn summary(&self) -> String {
        self.summary.clone()
    }

    fn fit(&self) -> super::Fit {
        super::Fit::Plot(self.plot)
    }

    fn time_axis(&self) -> Option<super::TimeAxis> {
        let (px0, t0, step, band) = self.time_axis;
        Some(super::TimeAxis { plot: self.plot, map: super::TimeMap::Bands { px0, t0, step, band } })
    }
}

fn capitalised(s: &str) -> String {
    crate::model::case::capitalised(s)
}

/// Totals at the ends and the peak, and the largest series over the whole period.
fn summarize(ds: &Dataset, periods: &[(Period, String)], totals: &[f64], hidden: &[bool], l: Locale) -> String {
    let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
        return l.say(Text::SummaryNoData, &[&ds.title]);
    };
    let fmt = |v| l.value(v, ds.unit);
    let per = |p: &str| l.period(p, ds.frequency);
    let (k_max, max) =
        totals.iter().copied().enumerate().fold((0, f64::MIN), |a, (k, v)| if v > a.1 { (k, v) } else { a });
    let mut out = l.say(
        Text::SummaryBars,
        &[
            &ds.title,
            &fmt(totals[0]),
            &per(&first.1),
            &fmt(totals[totals.len() - 1]),
            &per(&last.1),
            &fmt(max),
            &per(&periods[k_max].1),
        ],
    );
    let sums: Vec<(usize, f64)> = ds
        .series
        .iter()
        .enumerate()
        .filter(|(i, _)| !hidden.get(*i).copied().unwrap_or(false))
        .map(|(i, s)| (i, s.points.iter().map(|p| p.value.max(0.0)).sum::<f64>()))
        .collect();
    let all: f64 = sums.iter().map(|(_, v)| v).sum();
    if let Some((i, v)) = sums.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1)).filter(|_| all > 0.0) {
        out.push_str(&l.say(Text::MakeUpShare, &[&ds.series[i].label, &l.whole_percent(v / all * 100.0)]));
    }
    out
}
