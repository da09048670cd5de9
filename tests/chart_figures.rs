#![cfg(not(target_arch = "wasm32"))]
//! The reported-figures chart: every figure the raw file prints as one figure is one mark, with its
//! value, qualifier and page; hovering a mark names exactly that figure; lower bounds are drawn as
//! bounds (an arrow in the figure's colour to the right of the mark), rounded figures as rings.

mod common;
use common::raw_dir;

use dragonbear::chart::{self, AnyChart, Frame};
use dragonbear::render::{Painter, Theme};
use plotters::backend::SVGBackend;

fn build(w: f64, h: f64) -> (AnyChart, dragonbear::data::Dataset) {
    let spec = chart::spec("dual-use-figures").unwrap();
    let ds = chart::dataset_for("dual-use-figures").unwrap();
    let hidden = vec![false; ds.series.len()];
    (AnyChart::build(spec.kind, &ds, &Frame::new(w, h, Theme::light()), &hidden), ds)
}

#[test]
fn each_mark_is_one_printed_figure_with_its_page_and_qualifier() {
    let raw =
        std::fs::read_to_string(raw_dir().join("dual_use_press/china_russia_dual_use_figures_press.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(raw.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 17);
    let ds = chart::dataset_for("dual-use-figures").unwrap();
    let marks: Vec<_> = ds.series.iter().flat_map(|s| s.points.iter().map(|p| p.to_owned())).collect();
    // D02: "over $600m" in December 2023 — a lower bound, never the value 600 as such.
    let d02 = marks.iter().find(|p| p.note.unwrap().contains("D02:")).unwrap();
    assert_eq!((d02.value, d02.label), (600.0, Some("over 600")));
    assert!(d02.note.unwrap().contains(&rows[1][8]), "the page of D02");
    // D10 prints two years in one cell: two marks, each with its own year, not a sum.
    let d10: Vec<_> = marks.iter().filter(|p| p.note.unwrap().contains("D10:")).collect();
    assert_eq!(
        d10.iter().map(|p| (p.value, p.label.unwrap().to_string())).collect::<Vec<_>>(),
        [(200.0, "200".to_string()), (500.0, "over 500".to_string())]
    );
    for p in &marks {
        let note = p.note.unwrap();
        let id = &note[note.find("; D").unwrap() + 2..][..3];
        let row = rows.iter().find(|r| &r[0] == id).unwrap();
        assert!(note.contains(&format!("page: {}", &row[8])), "{id}: its page");
        let printed = p.label.unwrap().trim_start_matches("over ").trim_start_matches("about ");
        assert!(row[3].replace('>', "").contains(printed), "{id}: {printed} is in \"{}\"", &row[3]);
    }
    // Rows not drawn are named, one note each.
    let not_drawn = ds.notes.iter().filter(|n| n.starts_with("Not drawn as a mark")).count();
    let drawn_rows: std::collections::BTreeSet<&str> = marks
        .iter()
        .map(|p| {
            let n = p.note.unwrap();
            &n[n.find("; D").unwrap() + 2..][..3]
        })
        .collect();
    assert_eq!(not_drawn + drawn_rows.len(), 17);
}

#[test]
fn hovering_each_mark_names_that_figure() {
    for w in [360.0, 800.0] {
        let (c, ds) = build(w, 520.0);
        let AnyChart::Figures(f) = &c else { panic!("figures chart") };
        let n = ds.point_count();
        for k in 0..n {
            let (x, y) = f.mark_at(k).unwrap();
            assert_eq!(c.hit(x, y), Some(k), "mark {k} at {w}px");
            let t = c.tooltip(k).unwrap();
            let label = &t.rows[0].value;
            assert!(t.notes[1].contains("page: http"), "{}", t.notes[1]);
            let kind = &t.notes[0];
            if label.starts_with("over ") {
                assert_eq!(kind, "Lower bound: the true value is above.");
            } else if label.starts_with("about ") {
                assert_eq!(kind, "Rounded (\"about\").");
            } else {
                assert_eq!(kind, "Figure as printed.");
            }
        }
        assert!(c.summary().contains("8 figures") && c.summary().contains("3 of them lower bounds"), "{}", c.summary());
    }
}

#[test]
fn a_lower_bound_is_drawn_as_an_arrow_beyond_its_mark() {
    let (c, _) = build(800.0, 480.0);
    let AnyChart::Figures(f) = &c else { panic!("figures chart") };
    let mut svg = String::new();
    {
        let mut b = SVGBackend::with_string(&mut svg, (800, 480));
        c.draw(&mut Painter::new(&mut b, 1.0)).unwrap();
    }
    // Row 0 is D01 "over 300": a line from the mark 16 px to the right, then the arrowhead.
    let (x, y) = f.mark_at(0).unwrap();
    let (x, y, tip) = (x.round() as i64, y.round() as i64, (x + 16.0).round() as i64);
    assert!(
        svg.contains(&format!("stroke=\"#D55E00\" stroke-width=\"2\" points=\"{x},{y} {tip},{y} \"")),
        "arrow shaft missing"
    );
    // Row 2 is D03 "about 90": a ring (unfilled circle), no arrow.
    let (x2, y2) = f.mark_at(2).unwrap();
    assert!(!svg.contains(&format!(
        "x1=\"{}\" y1=\"{}\" x2=\"{}\"",
        x2.round() as i64,
        y2.round() as i64,
        (x2 + 16.0).round() as i64
    )));
}
