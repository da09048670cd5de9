#![cfg(not(target_arch = "wasm32"))]
//! Bars and timeline: hit-testing a drawn mark gives a tooltip with exactly the bundled values.

use dragonbear::chart::{self, AnyChart, Frame};
use dragonbear::model::locale::Locale;
use dragonbear::render::Theme;

fn build(id: &str, w: f64, h: f64) -> (AnyChart, dragonbear::data::Dataset) {
    let spec = chart::spec(id).unwrap();
    let ds = chart::dataset_for(id).unwrap();
    let hidden = vec![false; ds.series.len()];
    (AnyChart::build(spec.kind, &ds, &Frame::new(w, h, Theme::light()), &hidden), ds)
}

#[test]
fn arms_bar_for_2005_lists_every_category_and_the_total() {
    for w in [360.0, 800.0, 1400.0] {
        let (c, ds) = build("arms-ru-cn", w, 480.0);
        let AnyChart::Bars(bars) = &c else { panic!("bars") };
        let k = 2005 - 1995;
        let (x, y) = bars.bar_top(k).unwrap();
        let t = c.tooltip(c.hit(x, y + 5.0).unwrap()).unwrap();
        assert_eq!(t.title, "2005");
        let total: f64 = ds.series.iter().map(|s| s.points.iter().find(|p| p.period == "2005").unwrap().value).sum();
        // SIPRI register, Russia → China, delivery year 2005 (PROVENANCE §3): 3,066 TIV.
        assert_eq!(Locale::En.value(total, ds.unit), "3,066 TIV m");
        assert_eq!(t.rows.last().unwrap().value, "3,066 TIV m");
        assert_eq!(t.rows.len(), ds.series.len() + 1);
        for (row, s) in t.rows.iter().zip(&ds.series) {
            let v = s.points.iter().find(|p| p.period == "2005").unwrap().value;
            assert_eq!((row.label.as_str(), row.value.clone()), (s.label.as_str(), Locale::En.value(v, ds.unit)));
        }
        assert_eq!(t.source, "Source: Stockholm International Peace Research Institute (SIPRI)");
    }
}

#[test]
fn arms_bar_in_2022_carries_the_event_lines_with_sources() {
    let (c, _) = build("arms-ru-cn", 800.0, 480.0);
    let AnyChart::Bars(bars) = &c else { panic!("bars") };
    let (x, y) = bars.bar_top(2022 - 1995).unwrap();
    let t = c.tooltip(c.hit(x, y).unwrap()).unwrap();
    assert_eq!(t.notes.len(), 2, "{:?}", t.notes);
    assert!(
        t.notes[1].starts_with("24 Feb 2022: Russia begins its full-scale invasion of Ukraine (Source: ABC News"),
        "{}",
        t.notes[1]
    );
}

#[test]
fn veto_timeline_names_joint_vetoes() {
    let (c, ds) = build("unsc-vetoes", 800.0, 480.0);
    let AnyChart::Timeline(tl) = &c else { panic!("timeline") };
    // China's vetoes are the first marks; find the one of 22 March 2024 (joint with Russia).
    let k = ds.series[0].points.iter().position(|p| p.period == "2024-03-22").unwrap();
    let (x, y) = tl.mark_at(k).unwrap();
    let t = c.tooltip(c.hit(x, y).unwrap()).unwrap();
    assert_eq!(t.title, "22 Mar 2024");
    assert_eq!(t.rows[0].value, "China (PRC) and Russia");
    assert!(c.summary().contains("China (PRC) and Russia vetoed the same draft 16 times"), "{}", c.summary());
    assert!(c.summary().contains("China (PRC) 19, Russia 39, USSR 84, United States 78"), "{}", c.summary());
}
