//! [`CanvasSurface`]: plotters-canvas's `CanvasBackend` on one canvas, wrapped to remember where it
//! drew. Every pixel goes through the backend (the render layer's `impl Surface for DrawingBackend`,
//! the same calls that write the SVG and PNG natively); the wrapper only keeps the box the hover
//! layer must clear before its next frame, so a hover clears a sliver, not the whole canvas.

use crate::error::{Error, Result};
use crate::render::{Anchor, Pen, Px, Rgb, Surface};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Draws on one canvas's 2D context, in its backing-store (device) pixels.
pub struct CanvasSurface {
    backend: CanvasBackend,
    /// Device-px box around everything drawn so far; text makes it `Everywhere`.
    drawn: Drawn,
}

/// Where a surface has drawn: what the hover layer clears before the next hover.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Drawn {
    #[default]
    Nothing,
    /// `(x0, y0, x1, y1)` in device px.
    Box(f64, f64, f64, f64),
    Everywhere,
}

impl Drawn {
    /// This and a box around `a`–`b` grown by `margin`.
    fn with(self, a: Px, b: Px, margin: f64) -> Drawn {
        let (x0, x1) = ((a.0.min(b.0)) as f64 - margin, (a.0.max(b.0)) as f64 + margin);
        let (y0, y1) = ((a.1.min(b.1)) as f64 - margin, (a.1.max(b.1)) as f64 + margin);
        self.union(Drawn::Box(x0, y0, x1, y1))
    }

    /// Both areas.
    pub fn union(self, other: Drawn) -> Drawn {
        match (self, other) {
            (Drawn::Everywhere, _) | (_, Drawn::Everywhere) => Drawn::Everywhere,
            (Drawn::Nothing, d) | (d, Drawn::Nothing) => d,
            (Drawn::Box(a0, b0, a1, b1), Drawn::Box(x0, y0, x1, y1)) => {
                Drawn::Box(a0.min(x0), b0.min(y0), a1.max(x1), b1.max(y1))
            }
        }
    }
}

impl CanvasSurface {
    /// The surface of `canvas`'s 2D context.
    pub fn new(canvas: &HtmlCanvasElement) -> Result<Self> {
        let backend = CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or_else(|| Error::Browser("no 2D canvas context".into()))?;
        Ok(CanvasSurface { backend, drawn: Drawn::Nothing })
    }

    /// Where this surface has drawn since it was made.
    pub fn drawn(&self) -> Drawn {
        self.drawn
    }

    /// Notes a primitive's box (grown by its stroke and a pixel of antialiasing) unless it is
    /// invisible, which the backend skips too.
    fn note(&mut self, a: Px, b: Px, pen: Pen) {
        if pen.alpha != 0.0 {
            self.drawn = self.drawn.with(a, b, pen.width as f64 + 2.0);
        }
    }
}

impl Surface for CanvasSurface {
    fn rect(&mut self, a: Px, b: Px, pen: Pen, fill: bool) -> Result<()> {
        self.note(a, b, pen);
        self.backend.rect(a, b, pen, fill)
    }

    fn line(&mut self, a: Px, b: Px, pen: Pen) -> Result<()> {
        self.note(a, b, pen);
        self.backend.line(a, b, pen)
    }

    fn path(&mut self, points: &[Px], pen: Pen) -> Result<()> {
        if let Some(first) = points.first() {
            let (x0, y0, x1, y1) = points.iter().fold((first.0, first.1, first.0, first.1), |(x0, y0, x1, y1), p| {
                (x0.min(p.0), y0.min(p.1), x1.max(p.0), y1.max(p.1))
            });
            self.note((x0, y0), (x1, y1), pen);
        }
        self.backend.path(points, pen)
    }

    fn circle(&mut self, center: Px, radius: u32, pen: Pen, fill: bool) -> Result<()> {
        let r = radius as i32;
        self.note((center.0 - r, center.1 - r), (center.0 + r, center.1 + r), pen);
        self.backend.circle(center, radius, pen, fill)
    }

    fn text(&mut self, text: &str, at: Px, size: f64, bold: bool, color: Rgb, anchor: Anchor) -> Result<()> {
        self.drawn = Drawn::Everywhere;
        self.backend.text(text, at, size, bold, color, anchor)
    }

    fn present(&mut self) -> Result<()> {
        self.backend.present()
    }
}
