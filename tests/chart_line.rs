#![cfg(not(target_arch = "wasm32"))]
//! The line chart's geometry: hit-testing a pixel finds the point drawn there, and the tooltip
//! shows exactly the bundled values.

use dragonbear::chart::{self, AnyChart, Frame};
use dragonbear::model::locale::Locale;
use dragonbear::render::Theme;

fn chart(w: f64, h: f64) -> (AnyChart, dragonbear::data::Dataset) {
    let spec = chart::spec("unga-agreement").unwrap();
    let ds = chart::dataset_for("unga-agreement").unwrap();
    let hidden = vec![false; ds.series.len()];
    (AnyChart::build(spec.kind, &ds, &Frame::new(w, h, Theme::light()), &hidden), ds)
}

#[test]
fn hovering_the_1991_point_shows_its_values_and_source() {
    let (c, ds) = chart(800.0, 480.0);
    let AnyChart::Line(line) = &c else { panic!("a line chart") };
    let idx = ds.series[0].points.iter().position(|p| p.period == "1991").unwrap();
    let (x, y) = line.point_px(0, idx).unwrap();
    let hit = c.hit(x + 2.0, y + 30.0).expect("a hit near the 1991 point");
    let value = |s: usize| ds.series[s].points.iter().find(|p| p.period == "1991").unwrap().value;
    let expected = format!(
        "1991 (session 46)\nChina–Russia: {}\nChina–US: {}\nRussia–US: {}\nSource: Erik Voeten, Anton Strezhnev and Michael Bailey, Harvard Dataverse",
        Locale::En.value(value(0), ds.unit),
        Locale::En.value(value(1), ds.unit),
        Locale::En.value(value(2), ds.unit)
    );
    assert_eq!(c.tooltip(hit).unwrap().text(), expected);
    // 0.5373134 in the Voeten file (row CHN, session 46, RUSSAgree).
    assert_eq!(Locale::En.value(value(0), ds.unit), "53.7%");
}

#[test]
fn hit_test_snaps_to_the_nearest_period_and_ignores_the_margins() {
    let (c, ds) = chart(800.0, 480.0);
    let AnyChart::Line(line) = &c else { panic!("a line chart") };
    let (x0, y0, x1, y1) = line.plot_rect();
    assert_eq!(c.hit(x0 - 40.0, (y0 + y1) / 2.0), None, "left of the plot");
    assert_eq!(c.hit((x0 + x1) / 2.0, y1 + 40.0), None, "below the plot");
    let first = c.hit(x0, y0 + 10.0).unwrap();
    assert_eq!(c.tooltip(first).unwrap().title, format!("{} (session 26)", ds.series[0].points.at(0).period));
    let last = c.hit(x1 + 5.0, y0 + 10.0).unwrap();
    assert_eq!(c.tooltip(last).unwrap().title, "2023 (session 78)");
    // Every drawn point is found again from its own pixel.
    for (i, p) in ds.series[0].points.iter().enumerate() {
        let (x, y) = line.point_px(0, i).unwrap();
        let t = c.tooltip(c.hit(x, y).unwrap()).unwrap();
        assert!(t.title.starts_with(p.period), "{} vs {}", t.title, p.period);
    }
}

#[test]
fn summary_is_computed_from_the_data() {
    let (c, _) = chart(800.0, 480.0);
    assert_eq!(
        c.summary(),
        "How often China and Russia vote alike in the UN General Assembly: China–Russia fell from 79.2% in 1971 to 68.2% in 2023, by 10.9 percentage points; highest 92.7% in 1989, lowest 37.1% in 1993. Also shown: China–US, Russia–US."
    );
}
