//! Interact layer: a pure state machine. Pointer and legend input plus the chart's geometry go in;
//! the new state and what must be redrawn come out. No browser here, so it is tested natively.

use crate::chart::AnyChart;

/// What the reader has done to a chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// The hover target (a chart-specific index), if any.
    pub hover: Option<usize>,
    /// Per series: hidden by the reader (or by default).
    pub hidden: Vec<bool>,
}

/// An input event in CSS pixels relative to the chart's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input {
    PointerMove { x: f64, y: f64 },
    PointerLeave,
    Click { x: f64, y: f64 },
}

/// What an input requires: a new layout + full redraw (series toggled), or only the hover layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Redraw {
    pub base: bool,
    pub hover: bool,
}

/// Applies one input. The caller rebuilds the chart when `base` is set.
pub fn step(state: &mut State, chart: &AnyChart, input: Input) -> Redraw {
    match input {
        Input::PointerMove { x, y } => set_hover(state, chart.hit(x, y)),
        Input::PointerLeave => set_hover(state, None),
        Input::Click { x, y } => {
            if let Some(i) = chart.legend_at(x, y) {
                if let Some(h) = state.hidden.get_mut(i) {
                    *h = !*h;
                    state.hover = None;
                    return Redraw { base: true, hover: true };
                }
            }
            set_hover(state, chart.hit(x, y))
        }
    }
}

fn set_hover(state: &mut State, hit: Option<usize>) -> Redraw {
    if state.hover == hit {
        return Redraw::default();
    }
    state.hover = hit;
    Redraw { base: false, hover: true }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{dataset_for, AnyChart, Frame, Kind};
    use crate::render::Theme;

    fn chart(hidden: &[bool]) -> AnyChart {
        let ds = dataset_for("unga-agreement").unwrap();
        AnyChart::build(Kind::Line, &ds, &Frame::new(800.0, 450.0, Theme::light()), hidden)
    }

    #[test]
    fn hover_changes_only_when_the_target_changes() {
        let c = chart(&[false; 5]);
        let mut s = State { hover: None, hidden: vec![false; 5] };
        let AnyChart::Line(l) = &c else { panic!("a line chart") };
        let (x0, y0, x1, y1) = l.plot_rect();
        let mid = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        assert_eq!(step(&mut s, &c, Input::PointerMove { x: mid.0, y: mid.1 }), Redraw { base: false, hover: true });
        assert!(s.hover.is_some());
        assert_eq!(step(&mut s, &c, Input::PointerMove { x: mid.0 + 0.1, y: mid.1 }), Redraw::default());
        assert_eq!(step(&mut s, &c, Input::PointerLeave), Redraw { base: false, hover: true });
        assert_eq!(s.hover, None);
    }

    #[test]
    fn clicking_a_legend_entry_toggles_its_series() {
        let c = chart(&[false; 5]);
        let mut s = State { hover: None, hidden: vec![false; 5] };
        // The first legend entry sits just under the title, at the left padding.
        let AnyChart::Line(l) = &c else { panic!("a line chart") };
        let (_, y0, _, _) = l.plot_rect();
        let hit = (0..y0 as i32).find_map(|y| c.legend_at(20.0, y as f64).map(|i| (i, y)));
        let (i, y) = hit.expect("a legend entry at x = 20");
        assert_eq!(i, 0);
        assert_eq!(step(&mut s, &c, Input::Click { x: 20.0, y: y as f64 }), Redraw { base: true, hover: true });
        assert!(s.hidden[0]);
    }
}
