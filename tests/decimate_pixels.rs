#![cfg(not(target_arch = "wasm32"))]
//! Decimation is invisible: dense random walks drawn through the painter onto plotters' bitmap
//! backend give the same RGB buffer with and without `model::decimate::columns`.
//! (`tests/web.rs` checks the same for the chart's 2 px lines on a real browser canvas.)

mod common;
use common::walk;
use dragonbear::model::decimate;
use dragonbear::render::Painter;
use plotters::backend::BitMapBackend;

fn render(points: &[(f64, f64)], scale: f64, width: f64) -> Vec<u8> {
    let (w, h) = ((420.0 * scale) as u32, (300.0 * scale) as u32);
    let mut buf = vec![255u8; (w * h * 3) as usize];
    {
        let mut b = BitMapBackend::with_buffer(&mut buf, (w, h));
        let mut p = Painter::new(&mut b, scale);
        p.polyline(points, (213, 94, 0), width).unwrap();
        p.present().unwrap();
    }
    buf
}

#[test]
fn decimated_polylines_render_pixel_identical_on_the_bitmap_backend() {
    for (seed, n) in [(1, 20_000), (2, 55_550), (3, 6_000)] {
        let pts = walk(n, 400.0, seed);
        // One-device-pixel strokes: plotters' bitmap backend draws those segment by segment, like a
        // canvas. (Its thicker paths go through its own polygoniser, which is not a canvas-style
        // stroke; the browser test covers 2 px lines at DPR 1, 1.5 and 2 on a real canvas.)
        let (scale, width) = (1.0, 1.0);
        {
            {
                let dec = decimate::columns(&pts, scale);
                assert!(dec.len() < pts.len(), "seed {seed}: decimated ({} of {})", dec.len(), pts.len());
                let (a, b) = (render(&pts, scale, width), render(&dec, scale, width));
                assert!(a == b, "seed {seed}, {n} points, scale {scale}, width {width}: pixels differ");
            }
        }
    }
}
