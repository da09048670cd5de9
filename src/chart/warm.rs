//! Warm-up: the big-data path (validation, line layout, decimation, drawing, hit-test, tooltip)
//! run on a small synthetic dataset, so that a page's first real chart runs on compiled code.
//!
//! A browser compiles a wasm function when it is first called and runs baseline code until the
//! function is hot. Measured in `make bench`: the first draw of 166,650 points on a page took two
//! to four times as long as the same draw a second time, in every stage (copying columns,
//! validating, layout, drawing). The web layer runs [`exercise`] in idle time after the module is
//! instantiated (never before a chart's first paint); pages can switch it off (README).

use super::{AnyChart, Frame, Kind};
use crate::data::{validate, Dataset, Domain, Frequency, Point, Series, Source, Unit};
use crate::error::Result;
use crate::render::{Painter, Surface};

/// Points per series of the warm-up dataset: enough for decimation to merge points into pixel
/// columns on a 640 px plot, small enough for a round to stay a few milliseconds once compiled.
pub const POINTS: usize = 1500;

/// A deterministic synthetic dataset (3 series × `n` consecutive days from 2001-01-01; values a
/// fixed zigzag). Not data: it is never shown.
pub fn synthetic(n: usize) -> Dataset {
    let mut periods: Vec<std::rc::Rc<str>> = Vec::with_capacity(n);
    let (mut y, mut m, mut d) = (2001, 1u8, 1u8);
    for _ in 0..n {
        periods.push(crate::data::Period { year: y, month: Some(m), day: Some(d) }.to_string().into());
        d += 1;
        if d > crate::data::period::days_in_month(y, m) {
            d = 1;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    let series = (0..3)
        .map(|k| Series {
            id: format!("s{k}"),
            label: format!("Series {k}"),
            unit: None,
            note: None,
            points: periods
                .iter()
                .enumerate()
                .map(|(i, p)| Point {
                    period: p.clone(),
                    value: k as f64 + ((i * (k + 3)) % 17) as f64 / 10.0,
                    source: "warm".into(),
                    label: None,
                    note: None,
                })
                .collect(),
        })
        .collect();
    let mut ds = Dataset {
        id: "warm-up".into(),
        title: "Warm-up".into(),
        domain: Domain::Economic,
        unit: Unit::IdealPoint,
        frequency: Frequency::Daily,
        description: "Synthetic warm-up data, never shown.".into(),
        notes: Vec::new(),
        sources: vec![Source {
            id: "warm".into(),
            title: "dragonbear warm-up".into(),
            publisher: "dragonbear".into(),
            url: None,
            repository: None,
            path: None,
            commit: None,
            licence: "CC0".into(),
            coverage: "synthetic".into(),
            retrieved: "never".into(),
        }],
        series,
        events: Vec::new(),
        unit_label: None,
        fr: None,
        de: None,
    };
    ds.share_periods();
    ds
}

/// How much of the path a round runs: the first rounds stop early, so that the browser compiles
/// the path a part at a time (a first call compiles what it reaches: one long task otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Upto {
    /// Validation and layout.
    Layout,
    /// … and drawing.
    Draw,
    /// … and hover targets, hover drawing and tooltips across the plot.
    Hover,
}

/// One warm-up round on `ds`: validates it, lays out and draws a line chart on `surface`, and
/// asks for hover targets and tooltips across the plot, as far as `upto`. Returns the number of
/// tooltips made.
pub fn exercise<S: Surface + ?Sized>(ds: &Dataset, frame: &Frame, surface: &mut S, upto: Upto) -> Result<usize> {
    validate(ds)?;
    let chart = AnyChart::build(Kind::Line, ds, frame, &[]);
    if upto == Upto::Layout {
        return Ok(0);
    }
    let mut painter = Painter::new(surface, 1.0);
    chart.draw(&mut painter)?;
    if upto == Upto::Draw {
        return Ok(0);
    }
    let mut tooltips = 0;
    for i in 0..40 {
        let x = frame.width * (0.1 + 0.02 * i as f64);
        if let Some(hit) = chart.hit(x, frame.height * 0.5) {
            chart.draw_hover(&mut painter, hit)?;
            tooltips += usize::from(chart.tooltip(hit).is_some());
        }
    }
    Ok(tooltips)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::render::{default_measure, Theme};

    #[test]
    fn a_round_validates_lays_out_draws_and_hits() {
        let ds = synthetic(POINTS);
        assert_eq!(ds.point_count(), 3 * POINTS);
        assert_eq!(ds.series[0].points.at(0).period, "2001-01-01");
        assert_eq!(ds.series[0].points.at(59).period, "2001-03-01");
        let frame = Frame {
            width: 640.0,
            height: 400.0,
            theme: Theme::light(),
            measure: default_measure(),
            x_range: None,
            locale: Default::default(),
        };
        let mut svg = String::new();
        let tooltips = {
            let mut backend = plotters::backend::SVGBackend::with_string(&mut svg, (640, 400));
            exercise(&ds, &frame, &mut backend, Upto::Hover).unwrap()
        };
        assert_eq!(tooltips, 40, "every probe across the plot finds a period");
        assert!(svg.contains("<polyline") || svg.contains("<path"), "the lines are drawn");
    }
}
