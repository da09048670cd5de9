//! Native only: every plotters [`DrawingBackend`] (SVG, bitmap) is a [`Surface`]. Each primitive
//! makes exactly the backend call the painter made before the `Surface` split, so the golden SVGs
//! and the CLI's PNGs are byte-identical.

use super::surface::{Anchor, Pen, Px, Surface};
use super::theme::Rgb;
use crate::error::{Error, Result};
use plotters::style::{FontFamily, FontStyle, IntoFont, RGBColor, TextStyle};
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
        let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
        let font = (FontFamily::SansSerif, size, style).into_font();
        let ts: TextStyle = font.color(&RGBColor(color.0, color.1, color.2)).pos(Pos::new(h, v));
        self.draw_text(text, &ts, at).map_err(Error::render)
    }

    fn present(&mut self) -> Result<()> {
        DrawingBackend::present(self).map_err(Error::render)
    }
}
