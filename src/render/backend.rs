//! The seam: every plotters [`DrawingBackend`] is a [`Surface`]. plotters-canvas's `CanvasBackend`
//! in the browser, plotters' SVG and bitmap backends natively: a chart's pixels on every target come
//! from the same backend calls, made here.

use super::surface::{Anchor, Pen, Px, Surface};
use super::theme::Rgb;
use crate::error::{Error, Result};
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendStyle, DrawingBackend};

impl BackendStyle for Pen {
    fn color(&self) -> BackendColor {
        BackendColor { alpha: self.alpha, rgb: self.color }
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

impl<B: DrawingBackend> Surface for B {
    fn rect(&mut self, a: Px, b: Px, pen: Pen, fill: bool) -> Result<()> {
        self.draw_rect(a, b, &pen, fill).map_err(Error::render)
    }

    fn line(&mut self, a: Px, b: Px, pen: Pen) -> Result<()> {
        self.draw_line(a, b, &pen).map_err(Error::render)
    }

    fn path(&mut self, points: &[Px], pen: Pen) -> Result<()> {
        self.draw_path(points.iter().copied(), &pen).map_err(Error::render)
    }

    fn circle(&mut self, center: Px, radius: u32, pen: Pen, fill: bool) -> Result<()> {
        self.draw_circle(center, radius, &pen, fill).map_err(Error::render)
    }

    fn text(&mut self, text: &str, at: Px, size: f64, bold: bool, color: Rgb, anchor: Anchor) -> Result<()> {
        let (h, v) = match anchor {
            Anchor::LeftTop => (HPos::Left, VPos::Top),
            Anchor::LeftMiddle => (HPos::Left, VPos::Center),
            Anchor::LeftBottom => (HPos::Left, VPos::Bottom),
            Anchor::CenterTop => (HPos::Center, VPos::Top),
            Anchor::CenterBottom => (HPos::Center, VPos::Bottom),
            Anchor::RightMiddle => (HPos::Right, VPos::Center),
            Anchor::RightTop => (HPos::Right, VPos::Top),
        };
        let style = text_style(size, bold, color, Pos::new(h, v));
        self.draw_text(text, &style, at).map_err(Error::render)
    }

    fn present(&mut self) -> Result<()> {
        DrawingBackend::present(self).map_err(Error::render)
    }
}

/// Natively, plotters' own text style: the bitmap backend rasterises through it (the bundled font).
#[cfg(not(target_arch = "wasm32"))]
fn text_style(size: f64, bold: bool, color: Rgb, pos: Pos) -> plotters::style::TextStyle<'static> {
    use plotters::style::{FontFamily, FontStyle, IntoFont, RGBColor};
    let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
    let font = (FontFamily::SansSerif, size, style).into_font();
    font.color(&RGBColor(color.0, color.1, color.2)).pos(pos)
}

/// In the browser the canvas lays out and draws text itself (`fillText` with a CSS font string), so
/// the backend only reads the family, size, weight, colour and anchor: this is all of a text style
/// it needs, without linking the `plotters` crate and its font machinery.
#[cfg(target_arch = "wasm32")]
fn text_style(size: f64, bold: bool, color: Rgb, pos: Pos) -> CanvasTextStyle {
    CanvasTextStyle { size, bold, color, pos }
}

#[cfg(target_arch = "wasm32")]
struct CanvasTextStyle {
    size: f64,
    bold: bool,
    color: Rgb,
    pos: Pos,
}

#[cfg(target_arch = "wasm32")]
impl plotters_backend::BackendTextStyle for CanvasTextStyle {
    type FontError = std::fmt::Error;

    fn color(&self) -> BackendColor {
        BackendColor { alpha: 1.0, rgb: self.color }
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> plotters_backend::FontStyle {
        if self.bold {
            plotters_backend::FontStyle::Bold
        } else {
            plotters_backend::FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        self.pos
    }
    fn family(&self) -> plotters_backend::FontFamily<'_> {
        plotters_backend::FontFamily::SansSerif
    }
    /// Never called by the canvas backend (the canvas measures text itself).
    fn layout_box(&self, _text: &str) -> std::result::Result<((i32, i32), (i32, i32)), Self::FontError> {
        Err(std::fmt::Error)
    }
    /// Never called by the canvas backend (the canvas rasterises text itself).
    fn draw<E, DrawFunc: FnMut(i32, i32, BackendColor) -> std::result::Result<(), E>>(
        &self,
        _text: &str,
        _pos: (i32, i32),
        _draw: DrawFunc,
    ) -> std::result::Result<std::result::Result<(), E>, Self::FontError> {
        Err(std::fmt::Error)
    }
}
