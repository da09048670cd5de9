//! Interact layer: a pure state machine. Pointer and legend input plus the chart's geometry go in;
//! the new state and what must be redrawn come out. No browser here, so it is tested natively.

use crate::chart::AnyChart;
use crate::model::locale::{Locale, Text};

/// What the reader has done to a chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// The hover target (a chart-specific index), if any.
    pub hover: Option<usize>,
    /// Per series: hidden by the reader (or by default).
    pub hidden: Vec<bool>,
    /// The tooltip row the keyboard cursor is on (series within a period, for lines and bars).
    pub row: usize,
    /// Whether the hover target was set by the keyboard (then its text is announced).
    pub keyboard: bool,
    /// The reader's zoom: the time range drawn (fractional years), `None` = everything.
    pub zoom: Option<(f64, f64)>,
    /// A range being dragged out: start and current pixel column.
    pub drag: Option<(f64, f64)>,
    /// A time marked by a linked chart (same `group`), drawn as a rule on the hover layer.
    pub linked: Option<f64>,
}

/// Keys of the keyboard data cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    Escape,
}

/// An input event in CSS pixels relative to the chart's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input {
    PointerMove {
        x: f64,
        y: f64,
    },
    PointerLeave,
    Click {
        x: f64,
        y: f64,
    },
    Key(Key),
    /// Button pressed over the chart (starts a range drag on time charts).
    PointerDown {
        x: f64,
        y: f64,
    },
    /// Button released: a drag wider than a few pixels zooms to its range.
    PointerUp {
        x: f64,
    },
    /// Zoom by `factor` (< 1 in, > 1 out) around the time under `x` (wheel with a modifier, pinch).
    Zoom {
        x: f64,
        factor: f64,
    },
    /// Double click or the reset control: show everything again.
    ResetZoom,
}

/// Two touch pointers, before and after one moved (`(id, x, y)` in CSS px): the pinch's midpoint
/// x and the zoom factor (the old horizontal distance over the new: > 1 when the fingers close,
/// which zooms out). `None` unless exactly two pointers are down.
pub fn pinch(before: &[(i32, f64, f64)], after: &[(i32, f64, f64)]) -> Option<(f64, f64)> {
    match (before, after) {
        ([a0, b0], [a1, b1]) => {
            let d0 = (a0.1 - b0.1).abs().max(1.0);
            let d1 = (a1.1 - b1.1).abs().max(1.0);
            Some(((a1.1 + b1.1) / 2.0, d0 / d1))
        }
        _ => None,
    }
}

/// What an input requires: a new layout + full redraw (series toggled), or only the hover layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Redraw {
    pub base: bool,
    pub hover: bool,
}

/// Applies one input. The caller rebuilds the chart when `base` is set.
pub fn step(state: &mut State, chart: &AnyChart, input: Input) -> Redraw {
    if !matches!(input, Input::Key(_)) {
        state.keyboard = false;
    }
    match input {
        Input::Key(k) => key(state, chart, k),
        Input::PointerDown { x, y } => {
            match chart.plot_area() {
                Some((x0, y0, x1, y1)) if x >= x0 && x <= x1 && y >= y0 && y <= y1 => state.drag = Some((x, x)),
                _ => {}
            }
            Redraw::default()
        }
        Input::PointerMove { x, .. } if state.drag.is_some() => {
            if let Some(d) = &mut state.drag {
                d.1 = x;
            }
            state.hover = None;
            Redraw { base: false, hover: true }
        }
        Input::PointerUp { x } => {
            let Some((a, _)) = state.drag.take() else { return Redraw::default() };
            if (x - a).abs() < 8.0 {
                return Redraw { base: false, hover: true };
            }
            // Snap both ends to the nearest drawn period, so the range is whole periods.
            let snap = |px: f64| {
                let (_, y0, _, y1) = chart.plot_area()?;
                chart.hit(px, (y0 + y1) / 2.0).and_then(|i| chart.time_of(i)).or_else(|| chart.time_at(px))
            };
            match (snap(a.min(x)), snap(a.max(x))) {
                (Some(t0), Some(t1)) if t1 > t0 => set_zoom(state, Some((t0, t1))),
                _ => Redraw { base: false, hover: true },
            }
        }
        Input::Zoom { x, factor } => {
            let (Some(t), Some((lo, hi))) = (chart.time_at(x), chart.time_range()) else { return Redraw::default() };
            let f = crate::model::clamp(factor, 0.2, 5.0);
            set_zoom(state, Some((t - (t - lo) * f, t + (hi - t) * f)))
        }
        Input::ResetZoom => set_zoom(state, None),
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

/// The keyboard data cursor: left/right walk the targets in order (periods in time), Home/End jump
/// to the ends, up/down move between series of a period (lines, bars) or to the nearest target
/// above/below (grids), Escape leaves.
fn key(state: &mut State, chart: &AnyChart, k: Key) -> Redraw {
    let targets = chart.keyboard_targets();
    let n = targets.len();
    if n == 0 {
        return Redraw::default();
    }
    let rows = |i: usize| chart.tooltip(i).map_or(1, |t| t.rows.len().max(1));
    let by_series = matches!(chart, AnyChart::Line(_) | AnyChart::Bars(_));
    let cur = state.hover.filter(|&i| i < n);
    let next = match (k, cur) {
        (Key::Escape, _) => {
            state.keyboard = false;
            return set_hover(state, None);
        }
        (Key::Home, _) | (Key::Right | Key::Left | Key::Up | Key::Down, None) => 0,
        (Key::End, _) => n - 1,
        (Key::Right, Some(i)) => (i + 1).min(n - 1),
        (Key::Left, Some(i)) => i.saturating_sub(1),
        (Key::Up | Key::Down, Some(i)) if by_series => {
            let r = rows(i);
            state.row = if k == Key::Up { state.row.saturating_sub(1) } else { (state.row + 1).min(r - 1) };
            state.keyboard = true;
            return Redraw { base: false, hover: true };
        }
        (Key::Up | Key::Down, Some(i)) => {
            let (x, y) = targets[i];
            let below = k == Key::Down;
            targets
                .iter()
                .enumerate()
                .filter(|(_, t)| if below { t.1 > y + 0.5 } else { t.1 < y - 0.5 })
                .min_by(|a, b| {
                    let da = (a.1 .1 - y).abs() * 4.0 + (a.1 .0 - x).abs();
                    let db = (b.1 .1 - y).abs() * 4.0 + (b.1 .0 - x).abs();
                    da.total_cmp(&db)
                })
                .map_or(i, |(j, _)| j)
        }
    };
    state.row = state.row.min(rows(next) - 1);
    state.keyboard = true;
    state.hover = Some(next);
    Redraw { base: false, hover: true }
}

/// What a screen reader should hear for the keyboard cursor: the period and the focused row
/// (lines, bars) or the whole tooltip (other charts).
pub fn announcement(state: &State, chart: &AnyChart, l: Locale) -> Option<String> {
    let t = chart.tooltip(state.hover?)?;
    if chart.time_axis().is_some() {
        let r = t.rows.get(state.row.min(t.rows.len().saturating_sub(1)))?;
        Some(format!("{}, {}.", l.say(Text::LabelValue, &[&r.label, &r.value]), t.title))
    } else {
        Some(t.text().replace('\n', ". "))
    }
}

/// Narrowest zoom: one month.
const MIN_SPAN: f64 = 1.0 / 12.0;

fn set_zoom(state: &mut State, range: Option<(f64, f64)>) -> Redraw {
    let range = range
        .map(|(a, b)| if b - a < MIN_SPAN { ((a + b - MIN_SPAN) / 2.0, (a + b + MIN_SPAN) / 2.0) } else { (a, b) });
    if state.zoom == range {
        return Redraw::default();
    }
    state.zoom = range;
    state.hover = None;
    Redraw { base: true, hover: true }
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

    #[test]
    fn pinch_gives_the_midpoint_and_the_ratio_of_distances() {
        let before = [(1, 100.0, 50.0), (2, 200.0, 60.0)];
        // Fingers apart from 100 to 200 px: zoom in by half, around their new midpoint.
        assert_eq!(pinch(&before, &[(1, 50.0, 50.0), (2, 250.0, 60.0)]), Some((150.0, 0.5)));
        // Together to 50 px: out by 2.
        assert_eq!(pinch(&before, &[(1, 125.0, 50.0), (2, 175.0, 60.0)]), Some((150.0, 2.0)));
        // Fingers on one vertical line count as 1 px apart, never a division by zero.
        assert_eq!(pinch(&before, &[(1, 150.0, 0.0), (2, 150.0, 90.0)]), Some((150.0, 100.0)));
        assert_eq!(pinch(&before[..1], &before[..1]), None);
        assert_eq!(pinch(&before, &[]), None);
    }
    use crate::chart::{dataset_for, AnyChart, Frame, Kind};
    use crate::render::Theme;

    fn chart(hidden: &[bool]) -> AnyChart {
        let ds = dataset_for("unga-agreement").unwrap();
        AnyChart::build(Kind::Line, &ds, &Frame::new(800.0, 450.0, Theme::light()), hidden)
    }

    #[test]
    fn hover_changes_only_when_the_target_changes() {
        let c = chart(&[false; 5]);
        let mut s = State { hidden: vec![false; 5], ..State::default() };
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
        let mut s = State { hidden: vec![false; 5], ..State::default() };
        // The first legend entry sits just under the title, at the left padding.
        let AnyChart::Line(l) = &c else { panic!("a line chart") };
        let (_, y0, _, _) = l.plot_rect();
        let hit = (0..y0 as i32).find_map(|y| c.legend_at(20.0, y as f64).map(|i| (i, y)));
        let (i, y) = hit.expect("a legend entry at x = 20");
        assert_eq!(i, 0);
        assert_eq!(step(&mut s, &c, Input::Click { x: 20.0, y: y as f64 }), Redraw { base: true, hover: true });
        assert!(s.hidden[0]);
    }

    #[test]
    fn dragging_a_range_zooms_to_it_and_reset_shows_everything() {
        let c = chart(&[false; 3]);
        let mut s = State { hidden: vec![false; 3], ..State::default() };
        let (x0, y0, x1, y1) = c.plot_area().unwrap();
        let third = (x1 - x0) / 3.0;
        let y = (y0 + y1) / 2.0;
        step(&mut s, &c, Input::PointerDown { x: x0 + third, y });
        assert_eq!(
            step(&mut s, &c, Input::PointerMove { x: x0 + 2.0 * third, y }),
            Redraw { base: false, hover: true }
        );
        assert_eq!(step(&mut s, &c, Input::PointerUp { x: x0 + 2.0 * third }), Redraw { base: true, hover: true });
        let (a, b) = s.zoom.unwrap();
        let (t0, t1) = (c.time_at(x0 + third).unwrap(), c.time_at(x0 + 2.0 * third).unwrap());
        assert_eq!((a, b), (t0.round(), t1.round()), "ends snap to whole sessions");
        // The chart rebuilt with that range draws exactly it.
        let ds = dataset_for("unga-agreement").unwrap();
        let mut f = Frame::new(800.0, 450.0, Theme::light());
        f.x_range = s.zoom;
        let z = AnyChart::build(Kind::Line, &ds, &f, &[false; 3]);
        assert_eq!(z.time_range(), Some((a, b)));
        // A short drag is a click, not a zoom.
        step(&mut s, &c, Input::PointerDown { x: x0 + 10.0, y });
        assert_eq!(step(&mut s, &c, Input::PointerUp { x: x0 + 13.0 }), Redraw { base: false, hover: true });
        assert_eq!(step(&mut s, &c, Input::ResetZoom), Redraw { base: true, hover: true });
        assert_eq!(s.zoom, None);
        // Wheel zoom halves the range around the pointer.
        step(&mut s, &c, Input::Zoom { x: (x0 + x1) / 2.0, factor: 0.5 });
        let (a, b) = s.zoom.unwrap();
        assert!(((b - a) - 26.0).abs() < 1e-9, "{a}–{b}");
    }

    #[test]
    fn keyboard_cursor_walks_periods_and_series_and_announces_them() {
        let c = chart(&[false; 3]);
        let mut s = State { hidden: vec![false; 3], ..State::default() };
        step(&mut s, &c, Input::Key(Key::Home));
        assert_eq!(s.hover, Some(0));
        assert_eq!(announcement(&s, &c, Locale::En).unwrap(), "China–Russia: 79.2%, 1971 (session 26).");
        step(&mut s, &c, Input::Key(Key::Down));
        assert_eq!(announcement(&s, &c, Locale::En).unwrap(), "China–US: 25.5%, 1971 (session 26).");
        step(&mut s, &c, Input::Key(Key::Right));
        assert!(announcement(&s, &c, Locale::En).unwrap().starts_with("China–US: "), "row kept when moving in time");
        assert!(announcement(&s, &c, Locale::En).unwrap().ends_with("1972 (session 27)."));
        step(&mut s, &c, Input::Key(Key::End));
        assert!(announcement(&s, &c, Locale::En).unwrap().ends_with("2023 (session 78)."));
        step(&mut s, &c, Input::Key(Key::Right));
        assert!(announcement(&s, &c, Locale::En).unwrap().ends_with("2023 (session 78)."), "stays at the end");
        step(&mut s, &c, Input::Key(Key::Escape));
        assert_eq!(s.hover, None);
        assert_eq!(announcement(&s, &c, Locale::En), None);
    }
}
