//! The whole native pipeline a hostile document goes through, shared by `tests/hostile.rs` and
//! `tests/fuzz.rs` (included with `#[path]`): parse → validate → build every chart kind that
//! makes sense → draw to SVG → hit-test, tooltip, anchor, legend and hover layer on a grid of
//! points. It panics (fails the test) when drawing returns an error or the SVG contains markup
//! that came from data.

use dragonbear::chart::{AnyChart, Frame, Kind};
use dragonbear::data::{parse_dataset, Dataset, Frequency};
use dragonbear::error::Result;
use dragonbear::render::{Painter, Theme};
use plotters::backend::SVGBackend;

/// Chart kinds a dataset is drawn as: a line always (that is what `src=` data gets in the
/// browser), bars for time series, the record kinds for records.
pub fn kinds_for(ds: &Dataset) -> Vec<Kind> {
    match ds.frequency {
        Frequency::Records => vec![Kind::Line, Kind::Timeline, Kind::VoteGrid, Kind::Tiers, Kind::Matrix],
        _ => vec![Kind::Line, Kind::Bars],
    }
}

/// What one document did.
#[allow(dead_code)]
pub struct Outcome {
    pub result: Result<Dataset>,
    /// Every SVG drawn (base and hover layers), concatenated.
    pub svg_bytes: usize,
    pub hits: usize,
    pub tooltips: Vec<String>,
}

/// Draws `c` into an SVG string of `w`×`h`.
pub fn svg_of(c: &AnyChart, w: f64, h: f64, hover: Option<usize>) -> String {
    let mut s = String::new();
    {
        let mut b = SVGBackend::with_string(&mut s, (w.max(1.0) as u32, h.max(1.0) as u32));
        let mut p = Painter::new(&mut b, 1.0);
        let r = match hover {
            None => c.draw(&mut p),
            Some(i) => c.draw_hover(&mut p, i),
        };
        if let Err(e) = r {
            panic!("drawing failed: {e}");
        }
    }
    s
}

/// No element or attribute from data may appear in an SVG: text is escaped by the backend.
pub fn assert_svg_is_escaped(svg: &str) {
    for raw in ["<img", "<script", "<b>", "<iframe", "<a "] {
        assert!(!svg.contains(raw), "raw {raw:?} in the SVG");
    }
}

/// Runs a laid-out chart through draw, hit-test (a `cols`×`rows` grid plus points outside),
/// tooltip, anchor, legend and hover drawing.
pub fn exercise_chart(c: &AnyChart, w: f64, h: f64, cols: usize, rows: usize, out: &mut Outcome) {
    let svg = svg_of(c, w, h, None);
    assert_svg_is_escaped(&svg);
    out.svg_bytes += svg.len();
    let _ = c.summary();
    let mut hovered = 0;
    for gy in 0..=rows {
        for gx in 0..=cols {
            let x = -20.0 + (w + 40.0) * gx as f64 / cols.max(1) as f64;
            let y = -20.0 + (h + 40.0) * gy as f64 / rows.max(1) as f64;
            let _ = c.legend_at(x, y);
            if let Some(i) = c.hit(x, y) {
                out.hits += 1;
                let t = c.tooltip(i).expect("a hit has a tooltip");
                let a = c.anchor(i).expect("a hit has an anchor");
                assert!(a.0.is_finite() && a.1.is_finite(), "anchor {a:?} is finite");
                if hovered < 2 {
                    hovered += 1;
                    let hs = svg_of(c, w, h, Some(i));
                    assert_svg_is_escaped(&hs);
                    out.svg_bytes += hs.len();
                    out.tooltips.push(t.text());
                }
            }
        }
    }
    // Hit indices that do not exist must be answered with None, not a panic.
    assert!(c.tooltip(usize::MAX).is_none());
    let _ = c.anchor(usize::MAX);
    let _ = svg_of(c, w, h, Some(usize::MAX));
}

/// The full pipeline over one document, at the given sizes.
pub fn run(json: &str, sizes: &[(f64, f64)], cols: usize, rows: usize, all_kinds: bool) -> Outcome {
    let mut out = Outcome { result: parse_dataset(json, "hostile"), svg_bytes: 0, hits: 0, tooltips: vec![] };
    let Ok(ds) = &out.result else { return out };
    let ds = ds.clone();
    let kinds = if all_kinds { kinds_for(&ds) } else { vec![Kind::Line] };
    let n = ds.series.len();
    for kind in kinds {
        for (k, &(w, h)) in sizes.iter().enumerate() {
            let theme = if k % 2 == 0 { Theme::light() } else { Theme::dark() };
            // All visible, then the first series hidden, then every series hidden.
            let hidden = match k % 3 {
                0 => vec![false; n],
                1 => (0..n).map(|i| i == 0).collect(),
                _ => vec![true; n],
            };
            let c = AnyChart::build(kind, &ds, &Frame::new(w, h, theme), &hidden);
            exercise_chart(&c, w, h, cols, rows, &mut out);
        }
    }
    out
}
