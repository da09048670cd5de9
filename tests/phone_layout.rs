#![cfg(not(target_arch = "wasm32"))]
//! Phone-first layout, natively (no browser): every chart of the registry at the widths readers
//! embed it in, at the height the widget gives it when the page sets none
//! (`chart::natural_height`). Time charts give their plot most of the card and end their value
//! axis at the first nice tick above the data; record charts take the height of their content.

use dragonbear::chart::{self, AnyChart, Fit, Frame, Kind, CHARTS};
use dragonbear::render::Theme;

const WIDTHS: [f64; 5] = [320.0, 360.0, 400.0, 640.0, 1280.0];

fn laid_out(id: &str, w: f64) -> (AnyChart, f64) {
    let spec = chart::spec(id).unwrap();
    let ds = chart::dataset_for(id).unwrap();
    let hidden = vec![false; ds.series.len()];
    let h = chart::natural_height(spec.kind, &ds, &Frame::new(w, 0.0, Theme::light()), &hidden);
    (AnyChart::build(spec.kind, &ds, &Frame::new(w, h, Theme::light()), &hidden), h)
}

#[test]
fn time_charts_give_the_plot_its_share_of_the_height() {
    let mut failures = Vec::new();
    for spec in CHARTS {
        for w in WIDTHS {
            let (c, h) = laid_out(spec.id, w);
            let Fit::Plot(p) = c.fit() else { continue };
            let share = (p.3 - p.1) / h;
            let min = if w <= 400.0 {
                0.55
            } else if w >= 640.0 {
                0.60
            } else {
                0.55
            };
            if share < min {
                failures.push(format!(
                    "{} at {w} px: plot {:.0} of {h} px = {:.1} % < {:.0} %",
                    spec.id,
                    p.3 - p.1,
                    share * 100.0,
                    min * 100.0
                ));
            }
            assert!(h <= chart::MAX_NATURAL_HEIGHT, "{} at {w}: {h}", spec.id);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn value_axes_end_at_the_first_nice_tick_above_the_data() {
    let mut checked = 0;
    for spec in CHARTS {
        for w in WIDTHS {
            let (c, _) = laid_out(spec.id, w);
            let Some(axis) = c.value_axis() else { continue };
            checked += 1;
            assert!(
                axis.domain.1 >= axis.data.1,
                "{} at {w}: axis {:?} below the data {:?}",
                spec.id,
                axis.domain,
                axis.data
            );
            assert!(
                axis.headroom() <= 0.25 + 1e-9,
                "{} at {w}: {:.0} % headroom ({:?} for {:?})",
                spec.id,
                axis.headroom() * 100.0,
                axis.domain,
                axis.data
            );
            assert!(axis.time_labels >= 3, "{} at {w}: {} time labels", spec.id, axis.time_labels);
        }
    }
    assert_eq!(checked, 8 * WIDTHS.len(), "every line and bar chart at every width");
}

#[test]
fn trade_annual_at_360_px_runs_to_250_not_400() {
    let (c, _) = laid_out("trade-annual", 360.0);
    let axis = c.value_axis().unwrap();
    assert_eq!(axis.domain, (0.0, 250.0), "maximum {}", axis.data.1);
}

#[test]
fn record_charts_fit_their_content() {
    for spec in CHARTS.iter().filter(|s| matches!(s.kind, Kind::Matrix | Kind::Tiers | Kind::VoteGrid | Kind::Figures))
    {
        for w in WIDTHS {
            let (c, h) = laid_out(spec.id, w);
            let Fit::Content { spare, complete } = c.fit() else { panic!("{} is a record chart", spec.id) };
            assert!(complete, "{} at {w}×{h}: content cut or counted as more", spec.id);
            assert!(spare <= 24.0, "{} at {w}×{h}: {spare} px left empty under the content", spec.id);
        }
    }
}

#[test]
fn an_editors_height_is_kept() {
    // natural_height is only the default: a chart built at any height draws at that height.
    let ds = chart::dataset_for("chpl-tiers").unwrap();
    let c = AnyChart::build(Kind::Tiers, &ds, &Frame::new(360.0, 900.0, Theme::light()), &vec![false; ds.series.len()]);
    let Fit::Content { spare, .. } = c.fit() else { panic!() };
    assert!(spare > 24.0, "a tall editor-set height leaves its room ({spare})");
}

#[test]
fn a_phones_legend_takes_one_line_per_two_series() {
    for spec in CHARTS {
        for w in [320.0, 360.0, 400.0] {
            let (c, h) = laid_out(spec.id, w);
            let points = c.legend_points(w, h);
            let n = points.len();
            if n < 2 {
                continue;
            }
            let mut lines: Vec<i64> = points.iter().map(|p| p.1.round() as i64).collect();
            lines.dedup();
            assert!(lines.len() <= n.div_ceil(2), "{} at {w} px: {n} legend entries on {} lines", spec.id, lines.len());
            // Every entry still toggles its own series.
            for (i, p) in points.iter().enumerate() {
                assert_eq!(c.legend_at(p.0, p.1), Some(i), "{} at {w}: entry {i}", spec.id);
            }
        }
    }
}

#[test]
fn a_phones_events_are_numbered_markers_with_their_label_and_source() {
    let ds = chart::dataset_for("trade-annual").unwrap();
    for w in [320.0, 360.0, 400.0] {
        let (c, _) = laid_out("trade-annual", w);
        let hits = c.event_hits();
        // Three events and the change from IMF to GACC figures.
        assert_eq!(hits.len(), 4, "at {w}");
        for (k, i) in hits.enumerate() {
            let (x, y) = c.anchor(i).unwrap();
            assert_eq!(c.hit(x, y), Some(i), "marker {} is tapped where it is drawn at {w}", k + 1);
            let tip = c.tooltip(i).unwrap();
            assert!(tip.rows.is_empty());
            assert!(tip.source.starts_with("Source: "), "{}", tip.source);
        }
        // The keyboard walks the periods, then the markers; the data targets stay one per period.
        assert_eq!(c.targets().len(), c.event_hits().start, "at {w}");
        assert_eq!(c.keyboard_targets().len(), c.event_hits().end, "at {w}");
        let texts: Vec<String> = c.event_hits().map(|i| c.tooltip(i).unwrap().text()).collect();
        for e in &ds.events {
            assert!(texts.iter().any(|t| t.contains(&e.label)), "{} in a marker's tooltip at {w}", e.label);
        }
    }
    // Wider charts label their events in place.
    for w in [640.0, 1280.0] {
        assert!(laid_out("trade-annual", w).0.event_hits().is_empty());
    }
}
