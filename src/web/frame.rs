//! The frame: sizing (CSS × device pixel ratio, the chart's natural height), layout and drawing of
//! the base canvas, the hover layer, and the one `requestAnimationFrame` redraws are coalesced into.

use super::best_effort;
use super::canvas::{CanvasSurface, Drawn};
use super::dom;
use super::options::ThemeChoice;
use super::panels;
use super::widget::Widget;
use crate::chart::{self, HoverMarks};
use crate::chart::{AnyChart, Frame};
use crate::error::{Error, Result};
use crate::model::clamp;
use crate::model::locale::{Locale, Text};
use crate::model::transform::{self, Mode};
use crate::render::{Painter, Theme};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Gives a canvas the backing store of a chart `(css width, css height, dpr)` (which clears it).
pub(super) fn size_backing(c: &web_sys::HtmlCanvasElement, (w, h, dpr): (f64, f64, f64)) {
    c.set_width((w * dpr).round() as u32);
    c.set_height((h * dpr).round() as u32);
}

pub(super) fn schedule(rc: &Rc<RefCell<Widget>>) {
    let mut w = rc.borrow_mut();
    if w.raf.is_some() {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    if let Some(cb) = &w.raf_closure {
        w.raf = window.request_animation_frame(cb.as_ref().unchecked_ref()).ok();
    }
}

impl Widget {
    /// What a chart is laid out in: the size, the look, the canvas's text measure, the reader's
    /// zoom and language.
    fn chart_frame(&self, width: f64, height: f64, theme: Theme, dpr: f64) -> Frame {
        Frame {
            width,
            height,
            theme,
            measure: super::canvas_measure(dpr),
            x_range: self.state.zoom,
            locale: self.opts.locale,
        }
    }

    /// CSS width and height the chart should have now, and the device pixel ratio.
    pub(super) fn measure(&self) -> (f64, f64, f64) {
        self.size_for(self.host.client_width() as f64)
    }

    /// [`Widget::measure`] for a host `cw` CSS px wide.
    pub(super) fn size_for(&self, cw: f64) -> (f64, f64, f64) {
        let dpr = clamp(web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()), 1.0, 4.0);
        let w = if cw >= 1.0 { cw } else { 640.0 };
        let h = self.opts.height.unwrap_or_else(|| self.natural_height(w, dpr));
        (w, h, dpr)
    }

    /// [`chart::natural_height`] of the loaded chart at width `w` (the width's base height while
    /// nothing is loaded), remembered per width and hidden series.
    pub(super) fn natural_height(&self, w: f64, dpr: f64) -> f64 {
        let Some(l) = &self.loaded else { return chart::base_height(w) };
        if let Some((cw, hidden, h)) = &*self.natural.borrow() {
            if *cw == w && *hidden == self.state.hidden {
                return *h;
            }
        }
        let frame = self.chart_frame(w, 0.0, Theme::light(), dpr);
        let h = chart::natural_height(l.kind, &l.ds, &frame, &self.state.hidden);
        *self.natural.borrow_mut() = Some((w, self.state.hidden.clone(), h));
        h
    }

    pub(super) fn is_dark(&self) -> bool {
        match self.opts.theme {
            ThemeChoice::Dark => true,
            ThemeChoice::Light => false,
            ThemeChoice::Auto => self.media.as_ref().is_some_and(|m| m.matches()),
        }
    }

    pub(super) fn layout_and_draw(&mut self) -> Result<()> {
        let (w, h, dpr) = match self.first_width.take() {
            Some(cw) => self.size_for(cw),
            None => self.measure(),
        };
        self.size = (w, h, dpr);
        self.dark = self.is_dark();
        best_effort(self.dom.root.class_list().toggle_with_force("dark", self.dark));
        let compact = w <= chart::COMPACT_WIDTH;
        if self.compact != Some(compact) {
            self.compact = Some(compact);
            dom::set_compact(&self.dom, compact, self.opts.locale);
        }
        self.dom.stage.style().set_property("height", &format!("{}px", h))?;
        for c in [&self.dom.base, &self.dom.hover] {
            c.style().set_property("height", &format!("{}px", h))?;
        }
        size_backing(&self.dom.base, self.size);
        if self.hover_sized {
            size_backing(&self.dom.hover, self.size);
        }
        // Setting a canvas size clears it.
        self.hover_drawn = Drawn::Nothing;
        let theme = if self.dark { Theme::dark() } else { Theme::light() };
        let frame = self.chart_frame(w, h, theme, dpr);
        let Some(l) = &mut self.loaded else { return Ok(()) };
        l.view = (self.mode != Mode::Values).then(|| transform::apply(&l.ds, self.mode));
        let built = AnyChart::build(l.kind, l.shown(), &frame, &self.state.hidden);
        self.dom.buttons.reset.set_hidden(self.state.zoom.is_none());
        if let Some((a, b)) = built.time_range().filter(|_| self.state.zoom.is_some()) {
            // The range is also written out, so it can be read (and announced) as text.
            let lang = self.opts.locale;
            let span = format!("{}–{}", year_label(a, lang), year_label(b, lang));
            let range = format!("{} ({span})", lang.text(Text::ResetZoom));
            // On a phone the button shows just the range and a cross, to keep the controls in one
            // row; its accessible name stays the whole phrase.
            let reset = &self.dom.buttons.reset;
            if compact {
                best_effort(reset.set_attribute("aria-label", &range));
                reset.set_text_content(Some(&format!("{span} \u{2715}")));
            } else {
                best_effort(reset.remove_attribute("aria-label"));
                reset.set_text_content(Some(&range));
            }
        }
        self.dom.buttons.seg.set_hidden(!self.relative);
        for (b, m) in self.dom.buttons.views.iter().zip([Mode::Values, Mode::Change, Mode::Share]) {
            b.set_hidden(!self.relative);
            best_effort(b.set_attribute("aria-pressed", if self.mode == m { "true" } else { "false" }));
        }
        let mut surface = CanvasSurface::new(&self.dom.base)?;
        built.draw(&mut Painter::new(&mut surface, dpr))?;
        self.dom.base.set_attribute("aria-label", &built.summary())?;
        l.chart = Some(built);
        if !self.dom.table.hidden() {
            panels::fill_table(&self.dom, l.shown(), &self.state.hidden, self.opts.locale)?;
        }
        self.dirty_base = false;
        self.draw_hover()
    }

    pub(super) fn draw_hover(&mut self) -> Result<()> {
        self.dirty_hover = false;
        let (w, h, dpr) = self.size;
        // Only what the last hover drew is cleared: a crosshair and a few dots are a sliver of the
        // canvas, and the browser re-rasterises what is touched.
        let ctx = context(&self.dom.hover)?;
        match std::mem::take(&mut self.hover_drawn) {
            Drawn::Nothing => {}
            Drawn::Box(x0, y0, x1, y1) => ctx.clear_rect(x0, y0, x1 - x0, y1 - y0),
            Drawn::Everywhere => ctx.clear_rect(0.0, 0.0, w * dpr, h * dpr),
        }
        let Some(chart) = self.loaded.as_ref().and_then(|l| l.chart.as_ref()) else { return Ok(()) };
        // A line chart's hover marks are elements; anything else is drawn on the canvas.
        let marks = self.state.hover.and_then(|i| chart.hover_marks(i));
        let canvas_hover = self.state.hover.is_some() && marks.is_none();
        if !self.hover_sized && (canvas_hover || self.state.drag.is_some() || self.state.linked.is_some()) {
            size_backing(&self.dom.hover, self.size);
            self.hover_sized = true;
        }
        if self.state.drag.is_some() || self.state.linked.is_some() {
            let mut surface = CanvasSurface::new(&self.dom.hover)?;
            let mut p = Painter::new(&mut surface, dpr);
            let theme = if self.dark { Theme::dark() } else { Theme::light() };
            if let (Some((a, b)), Some((_, y0, _, y1))) = (self.state.drag, chart.plot_area()) {
                p.fill_rect_alpha((a.min(b), y0), (a.max(b), y1), theme.series_color(1), 0.15)?;
                p.stroke_rect((a.min(b), y0), (a.max(b), y1), theme.series_color(1), 1.0)?;
            }
            if let (Some(t), Some((_, y0, _, y1))) = (self.state.linked, chart.plot_area()) {
                if let Some(px) = chart.time_px(t) {
                    p.line((px, y0), (px, y1), theme.series_color(1), 2.0)?;
                }
            }
            self.hover_drawn = self.hover_drawn.union(surface.drawn());
        }
        // The marks, when made, already hold the anchor: not computed twice per move.
        let anchor = |i| marks.as_ref().map(HoverMarks::anchor).or_else(|| chart.anchor(i));
        match self.state.hover.and_then(|i| Some((i, chart.tooltip(i)?, anchor(i)?))) {
            Some((i, tip, anchor)) => {
                match marks {
                    Some(marks) => self.dom.cursor.show(&marks)?,
                    None => {
                        let mut surface = CanvasSurface::new(&self.dom.hover)?;
                        chart.draw_hover(&mut Painter::new(&mut surface, dpr), i)?;
                        self.hover_drawn = self.hover_drawn.union(surface.drawn());
                    }
                }
                let focused = self.state.keyboard.then_some(self.state.row);
                dom::show_tooltip(&self.dom, &tip, anchor, w, focused)?;
            }
            None => dom::hide_hover(&self.dom),
        }
        Ok(())
    }

    /// One animation frame: re-layout if the size, theme or series changed, then the hover layer.
    pub(super) fn frame(&mut self) {
        let result = if self.dirty_base || self.measure() != self.size || self.is_dark() != self.dark {
            self.layout_and_draw()
        } else if self.dirty_hover {
            self.draw_hover()
        } else {
            Ok(())
        };
        if let Err(e) = result {
            self.fail(&e);
        }
    }
}

pub(super) fn context(c: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d> {
    c.get_context("2d")?
        .and_then(|o| o.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| Error::Browser("no 2D canvas context".into()))
}

/// A fractional year as the reader reads a range end: `1988`, or `Mar 1988` inside a year.
pub(super) fn year_label(t: f64, l: Locale) -> String {
    let year = t.floor();
    let month = ((t - year) * 12.0).round() as u8;
    if month == 0 || month >= 12 {
        format!("{}", t.round() as i64)
    } else {
        l.period(&format!("{:04}-{:02}", year as i64, month + 1), crate::data::Frequency::Monthly)
    }
}
