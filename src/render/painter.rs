//! [`Painter`]: the few primitives charts draw with, in CSS pixels, over any [`Surface`]
//! (a 2D canvas in the browser, plotters' SVG and bitmap backends natively).

use super::surface::{Anchor, Pen, Px, Surface};
use super::theme::Rgb;
use crate::error::Result;

/// Draws in CSS pixels onto a surface whose pixels are CSS px × `scale` (the device pixel ratio).
pub struct Painter<'a, S: Surface + ?Sized> {
    surface: &'a mut S,
    pub scale: f64,
}

impl<'a, S: Surface + ?Sized> Painter<'a, S> {
    pub fn new(surface: &'a mut S, scale: f64) -> Self {
        super::ensure_fonts();
        Painter { surface, scale: if scale.is_finite() && scale > 0.0 { scale } else { 1.0 } }
    }

    fn px(&self, p: (f64, f64)) -> Px {
        (super::round_px(p.0 * self.scale), super::round_px(p.1 * self.scale))
    }

    fn stroke(&self, color: Rgb, width: f64) -> Pen {
        Pen { color, alpha: 1.0, width: ((width * self.scale).round() as u32).max(1) }
    }

    /// Fills a rectangle given by two corners.
    pub fn fill_rect(&mut self, a: (f64, f64), b: (f64, f64), color: Rgb) -> Result<()> {
        let s = self.stroke(color, 1.0);
        let (pa, pb) = (self.px(a), self.px(b));
        self.surface.rect(pa, pb, s, true)
    }

    /// Fills a rectangle with a translucent colour (a selection on the hover layer).
    pub fn fill_rect_alpha(&mut self, a: (f64, f64), b: (f64, f64), color: Rgb, alpha: f64) -> Result<()> {
        let s = Pen { color, alpha: crate::model::clamp(alpha, 0.0, 1.0), width: 1 };
        let (pa, pb) = (self.px(a), self.px(b));
        self.surface.rect(pa, pb, s, true)
    }

    /// Outlines a rectangle.
    pub fn stroke_rect(&mut self, a: (f64, f64), b: (f64, f64), color: Rgb, width: f64) -> Result<()> {
        let s = self.stroke(color, width);
        let (pa, pb) = (self.px(a), self.px(b));
        self.surface.rect(pa, pb, s, false)
    }

    pub fn line(&mut self, a: (f64, f64), b: (f64, f64), color: Rgb, width: f64) -> Result<()> {
        let s = self.stroke(color, width);
        let (pa, pb) = (self.px(a), self.px(b));
        if width * self.scale > 1.5 {
            self.surface.path(&[pa, pb], s)
        } else {
            self.surface.line(pa, pb, s)
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
        let pts: Vec<Px> = points.iter().map(|&p| self.px(p)).collect();
        self.surface.path(&pts, s)
    }

    pub fn circle(&mut self, c: (f64, f64), r: f64, color: Rgb, fill: bool) -> Result<()> {
        let s = self.stroke(color, 1.5);
        let pc = self.px(c);
        let pr = ((r * self.scale).round() as u32).max(1);
        self.surface.circle(pc, pr, s, fill)
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
        let p = self.px(at);
        self.surface.text(text, p, size * self.scale, bold, color, anchor)
    }

    /// Finishes the frame (flushes SVG/bitmap output).
    pub fn present(&mut self) -> Result<()> {
        self.surface.present()
    }
}
