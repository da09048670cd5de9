#![cfg(target_arch = "wasm32")]
//! Browser test (`wasm-pack test --headless --chrome`): per-pixel-column decimation is invisible on
//! a real 2D canvas. Dense random walks are stroked through the painter with every point and with
//! `model::decimate::columns`, at the chart's 2 px line width and DPR 1, 1.5 and 2, and the two
//! canvases' `getImageData` must agree up to antialiasing at a few join pixels (see `MAX_DELTA`).

mod common;
use common::walk;
use dragonbear::model::decimate;
use dragonbear::render::Painter;
use dragonbear::web::CanvasSurface;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Not byte-identical on Skia: the stroke outline of a path with many overlapping vertical pieces
/// is antialiased slightly differently from the outline with fewer pieces around the joins (seen:
/// 13 of 14,065 inked pixels by ≤ 6/255 at DPR 1; 30 of 56,381 by ≤ 55/255 at DPR 2). The test
/// pins that: at most 0.1 % of the inked pixels may differ, each channel by at most `MAX_DELTA`.
const MAX_DELTA: u8 = 64;

fn pixels(points: &[(f64, f64)], scale: f64, width: f64) -> Vec<u8> {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    let (w, h) = ((420.0 * scale).round() as u32, (300.0 * scale).round() as u32);
    c.set_width(w);
    c.set_height(h);
    {
        let mut b = CanvasSurface::new(&c).unwrap();
        let mut p = Painter::new(&mut b, scale);
        p.polyline(points, (213, 94, 0), width).unwrap();
        p.present().unwrap();
    }
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(0.0, 0.0, w as f64, h as f64).unwrap().data().0
}

#[wasm_bindgen_test]
fn decimated_lines_look_the_same_on_a_canvas() {
    for (seed, n) in [(1, 20_000), (2, 55_550), (3, 6_000)] {
        let pts = walk(n, 400.0, seed);
        for scale in [1.0, 1.5, 2.0] {
            let width = 2.0; // the chart's line width, CSS px
            {
                let dec = decimate::columns(&pts, scale);
                assert!(dec.len() < pts.len(), "seed {seed}: decimated ({} of {})", dec.len(), pts.len());
                let (a, b) = (pixels(&pts, scale, width), pixels(&dec, scale, width));
                let inked = a.chunks(4).filter(|p| p[3] > 0).count();
                let diff = a.chunks(4).zip(b.chunks(4)).filter(|(x, y)| x != y).count();
                // Compared as seen on a white page (RGB of nearly transparent pixels means nothing).
                let on_white = |p: &[u8]| -> [u8; 3] {
                    let a = p[3] as u32;
                    [0, 1, 2].map(|i| ((p[i] as u32 * a + 255 * (255 - a) + 127) / 255) as u8)
                };
                let max = a
                    .chunks(4)
                    .zip(b.chunks(4))
                    .flat_map(|(x, y)| {
                        let (x, y) = (on_white(x), on_white(y));
                        (0..3).map(move |i| x[i].abs_diff(y[i]))
                    })
                    .max()
                    .unwrap_or(0);
                web_sys::console::log_1(
                    &format!("seed {seed} DPR {scale}: {diff} of {inked} inked pixels differ, max channel delta {max}")
                        .into(),
                );
                assert!(
                    max <= MAX_DELTA && diff * 1000 <= inked,
                    "seed {seed}, {n} points, DPR {scale}, width {width}: {diff} of {inked} pixels differ, by up to {max}/255"
                );
            }
        }
    }
}
