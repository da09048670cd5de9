//! [`Surface`]: the handful of drawing primitives [`Painter`](super::Painter) needs, in device
//! pixels. Every plotters `DrawingBackend` is one (`backend.rs`); a surface may also wrap a backend
//! to observe what is drawn (the browser's hover layer records where it drew, `src/web/canvas.rs`).

use super::theme::Rgb;
use crate::error::Result;

/// Device-pixel coordinates, as plotters' backends take them.
pub type Px = (i32, i32);

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

/// Colour, opacity and stroke width (device px) of one primitive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pen {
    pub color: Rgb,
    pub alpha: f64,
    pub width: u32,
}

/// Something a chart can be drawn on: a canvas, an SVG document, a bitmap.
pub trait Surface {
    /// A rectangle from corner `a` to corner `b`, filled or outlined.
    fn rect(&mut self, a: Px, b: Px, pen: Pen, fill: bool) -> Result<()>;
    /// A thin straight line (backends may snap it to the pixel grid).
    fn line(&mut self, a: Px, b: Px, pen: Pen) -> Result<()>;
    /// An open polyline stroked as one path.
    fn path(&mut self, points: &[Px], pen: Pen) -> Result<()>;
    /// A circle of `radius` device px, filled or outlined.
    fn circle(&mut self, center: Px, radius: u32, pen: Pen, fill: bool) -> Result<()>;
    /// Sans-serif text of `size` device px at `at`, placed by `anchor`.
    fn text(&mut self, text: &str, at: Px, size: f64, bold: bool, color: Rgb, anchor: Anchor) -> Result<()>;
    /// Finishes the frame (flushes SVG/bitmap output).
    fn present(&mut self) -> Result<()>;
}
