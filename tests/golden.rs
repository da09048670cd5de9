#![cfg(not(target_arch = "wasm32"))]
//! Golden SVGs: every chart of the registry rendered natively (bundled font, so the same on any
//! machine) and compared with `tests/golden/ID[-dark].svg`. After an intended visual change, run
//! `make golden` (UPDATE_GOLDEN=1) and review the diff of the SVGs before committing.

use dragonbear::chart::{self, AnyChart, Frame, CHARTS};
use dragonbear::render::{Painter, Theme};
use plotters::backend::SVGBackend;

fn render(id: &str, theme: Theme, w: f64, h: f64) -> String {
    let spec = chart::spec(id).unwrap();
    let ds = chart::dataset_for(id).unwrap();
    let hidden = vec![false; ds.series.len()];
    let c = AnyChart::build(spec.kind, &ds, &Frame::new(w, h, theme), &hidden);
    let mut s = String::new();
    {
        let mut b = SVGBackend::with_string(&mut s, (w as u32, h as u32));
        c.draw(&mut Painter::new(&mut b, 1.0)).unwrap();
    }
    s
}

#[test]
fn every_chart_matches_its_golden_svg() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for spec in CHARTS {
        for (suffix, theme, w, h) in [
            ("", Theme::light(), 800.0, 480.0),
            ("-dark", Theme::dark(), 800.0, 480.0),
            ("-360", Theme::light(), 360.0, 400.0),
        ] {
            let svg = render(spec.id, theme, w, h);
            let path = format!("{dir}/{}{suffix}.svg", spec.id);
            if update {
                std::fs::write(&path, &svg).unwrap();
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(golden) if golden == svg => {}
                Ok(_) => failures.push(format!("{path} differs (run `make golden` if the change is intended)")),
                Err(_) => failures.push(format!("{path} is missing (run `make golden`)")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn golden_svg_draws_the_series_in_its_colour_and_names_the_source() {
    let svg = render("unga-agreement", Theme::light(), 800.0, 480.0);
    assert!(svg.contains("How often China and Russia vote alike"), "title drawn");
    assert!(svg.contains("Source: Erik Voeten, Anton Strezhnev and Michael Bailey, Harvard Dataverse"), "source drawn");
    // China–Russia in Okabe–Ito vermillion #D55E00.
    assert!(svg.to_uppercase().contains("#D55E00"), "series colour present");
}
