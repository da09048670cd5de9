//! [`Painter`]: the few primitives charts draw with, in CSS pixels, over any plotters backend.

use super::theme::Rgb;
use crate::error::{Error, Result};
use plotters::style::{FontFamily, FontStyle, IntoFont, RGBColor, TextStyle};
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendStyle, DrawingBackend};

/// Where a text position sits on the text: `(horizontal, vertical)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Anchor {
    LeftTop,
    LeftMiddle,
    LeftBottom,
    CenterTop,
    CenterBottom,
    RightMiddle,
    RightTop,
}

struct Stroke {
    color: Rgb,
    alpha: f64,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        BackendColor { alpha: self.alpha, rgb: self.color }
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// Draws in CSS pixels onto a backend whose pixels are CSS px × `scale` (the device pixel ratio).
pub struct Painter<'a, B: DrawingBackend> {
    backend: &'a mut B,
    pub scale: f64,
}

impl<'a, B: DrawingBackend> Painter<'a, B> {
    pub fn new(backend: &'a mut B, scale: f64) -> Self {
        super::ensure_fonts();
        Painter { backend, scale: if scale.is_finite() && scale > 0.0 { scale } else { 1.0 } }
    }

    fn px(&self, p: (f64, f64)) -> (i32, i32) {
        ((p.0 * self.scale).round() as i32, (p.1 * self.scale).round() as i32)
    }

    fn stroke(&self, color: Rgb, width: f64) -> Stroke {
        Stroke { color, alpha: 1.0, width: ((width * self.scale).round() as u32).max(1) }
    }

    /// Fills a rectangle given by two corners.
    pub fn fill_rect(&mut self, a: (f64, f64), b: (f64, f64), color: Rgb) -> Result<()> {
        let s = self.stroke(color, 1.0);
        let (pa, pb) = (self.px(a), self.px(b));
        self.backend.draw_rect(pa, pb, &s, true).map_err(Error::render)
    }

    /// Fills a rectangle with a translucent colour (a selection on the hover layer).
    pub fn fill_rect_alpha(&mut self, a: (f64, f64), b: (f64, f64), color: Rgb, alpha: f64) -> Result<()> {
        let s = Stroke { color, alpha: alpha.clamp(0.0, 1.0), width: 1 };
        let (pa, pb) = (self.px(a), self.px(b));
        self.backend.draw_rect(pa, pb, &s, true).map_err(Error::render)
    }

    /// Outlines a rectangle.
    pub fn stroke_rect(&mut self, a: (f64, f64), b: (f64, f64), color: Rgb, width: f64) -> Result<()> {
        let s = self.stroke(color, width);
        let (pa, pb) = (self.px(a), self.px(b));
        self.backend.draw_rect(pa, pb, &s, false).map_err(Error::render)
    }

    pub fn line(&mut self, a: (f64, f64), b: (f64, f64), color: Rgb, width: f64) -> Result<()> {
        let s = self.stroke(color, width);
        let (pa, pb) = (self.px(a), self.px(b));
        if width * self.scale > 1.5 {
            self.backend.draw_path([pa, pb], &s).map_err(Error::render)
        } else {
            self.backend.draw_line(pa, pb, &s).map_err(Error::render)
        }
    }

    /// A dashed straight line (`dash` on, `gap` off, CSS px).
    pub fn dashed(&mut self, a: (f64, f64), b: (f64, f64), color: Rgb, width: f64, dash: f64, gap: f64) -> Result<()> {
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        if len == 0.0 {
            return Ok(());
        }
        let (ux, uy) = ((b.0 - a.0) / len, (b.1 - a.1) / len);
        let mut t = 0.0;
        while t < len {
            let e = (t + dash).min(len);
            self.line((a.0 + ux * t, a.1 + uy * t), (a.0 + ux * e, a.1 + uy * e), color, width)?;
            t = e + gap;
        }
        Ok(())
    }

    /// A polyline (one path, so joins are clean).
    pub fn polyline(&mut self, points: &[(f64, f64)], color: Rgb, width: f64) -> Result<()> {
        if points.len() < 2 {
            return Ok(());
        }
        let s = self.stroke(color, width);
        let pts: Vec<(i32, i32)> = points.iter().map(|&p| self.px(p)).collect();
        self.backend.draw_path(pts, &s).map_err(Error::render)
    }

    pub fn circle(&mut self, c: (f64, f64), r: f64, color: Rgb, fill: bool) -> Result<()> {
        let s = self.stroke(color, 1.5);
        let pc = self.px(c);
        let pr = ((r * self.scale).round() as u32).max(1);
        self.backend.draw_circle(pc, pr, &s, fill).map_err(Error::render)
    }

    /// Text at `size` CSS px.
    pub fn text(
        &mut self,
        text: &str,
        at: (f64, f64),
        size: f64,
        color: Rgb,
        anchor: Anchor,
        bold: bool,
    ) -> Result<()> {
        if text.is_empty() {
            return Ok(());
        }
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
        let font = (FontFamily::SansSerif, size * self.scale, style).into_font();
        let ts: TextStyle = font.color(&RGBColor(color.0, color.1, color.2)).pos(Pos::new(h, v));
        let p = self.px(at);
        self.backend.draw_text(text, &ts, p).map_err(Error::render)
    }

    /// Finishes the frame (flushes SVG/bitmap backends).
    pub fn present(&mut self) -> Result<()> {
        self.backend.present().map_err(Error::render)
    }
}
