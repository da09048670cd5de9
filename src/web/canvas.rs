//! [`CanvasSurface`]: the render layer's [`Surface`] straight onto a `CanvasRenderingContext2d`,
//! so the wasm bundle links no plotters. It issues the same context calls plotters-canvas 0.3.1
//! did (same colour and font strings, the same half-pixel snap for thin lines), so the pixels are
//! unchanged; but it remembers the fill, stroke, line width, font and text placement it last set
//! and only sets them again when they change, since every setter crosses from wasm to JS and the
//! `font` setter parses its string.

use super::js_err;
use crate::error::{Error, Result};
use crate::model::numtext::Float;
use crate::render::{Anchor, Pen, Px, Rgb, Surface};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Draws on one canvas's 2D context, in its backing-store (device) pixels.
pub struct CanvasSurface {
    ctx: CanvasRenderingContext2d,
    fill: Option<(Rgb, f64)>,
    stroke: Option<(Rgb, f64)>,
    line_width: Option<u32>,
    font: Option<(f64, bool)>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
    /// Device-px box around everything drawn so far (`None`: nothing); text makes it `Everywhere`.
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
    /// The surface of `canvas`'s 2D context. Nothing about the context's current state is assumed.
    pub fn new(canvas: &HtmlCanvasElement) -> Result<Self> {
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
            .ok_or_else(|| Error::Browser("no 2D canvas context".into()))?;
        Ok(CanvasSurface {
            ctx,
            fill: None,
            stroke: None,
            line_width: None,
            font: None,
            align: None,
            baseline: None,
            drawn: Drawn::Nothing,
        })
    }

    /// Where this surface has drawn since it was made.
    pub fn drawn(&self) -> Drawn {
        self.drawn
    }

    fn set_fill(&mut self, color: Rgb, alpha: f64) {
        if self.fill != Some((color, alpha)) {
            self.fill = Some((color, alpha));
            self.ctx.set_fill_style_str(&css_color(color, alpha));
        }
    }

    fn set_line(&mut self, pen: Pen) {
        if self.stroke != Some((pen.color, pen.alpha)) {
            self.stroke = Some((pen.color, pen.alpha));
            self.ctx.set_stroke_style_str(&css_color(pen.color, pen.alpha));
        }
        if self.line_width != Some(pen.width) {
            self.line_width = Some(pen.width);
            self.ctx.set_line_width(pen.width as f64);
        }
    }
}

/// The colour string plotters-canvas wrote.
fn css_color((r, g, b): Rgb, alpha: f64) -> String {
    format!("rgba({r},{g},{b},{})", Float(alpha))
}

impl Surface for CanvasSurface {
    fn rect(&mut self, a: Px, b: Px, pen: Pen, fill: bool) -> Result<()> {
        if pen.alpha == 0.0 {
            return Ok(());
        }
        self.drawn = self.drawn.with(a, b, pen.width as f64 + 2.0);
        let (x, y, w, h) = (a.0 as f64, a.1 as f64, (b.0 - a.0) as f64, (b.1 - a.1) as f64);
        if fill {
            self.set_fill(pen.color, pen.alpha);
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.set_line(pen);
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn line(&mut self, a: Px, b: Px, pen: Pen) -> Result<()> {
        if pen.alpha == 0.0 {
            return Ok(());
        }
        self.drawn = self.drawn.with(a, b, pen.width as f64 + 2.0);
        // Vertical and horizontal lines move half a pixel left/up so a 1 px line covers one
        // pixel row or column instead of blurring over two.
        let (mut a, mut b) = ((a.0 as f64, a.1 as f64), (b.0 as f64, b.1 as f64));
        if a.0 == b.0 {
            a.0 -= 0.5;
            b.0 -= 0.5;
        }
        if a.1 == b.1 {
            a.1 -= 0.5;
            b.1 -= 0.5;
        }
        self.set_line(pen);
        self.ctx.begin_path();
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        self.ctx.stroke();
        Ok(())
    }

    fn path(&mut self, points: &[Px], pen: Pen) -> Result<()> {
        if pen.alpha == 0.0 {
            return Ok(());
        }
        for p in points {
            self.drawn = self.drawn.with(*p, *p, pen.width as f64 + 2.0);
        }
        self.ctx.begin_path();
        if let Some((first, rest)) = points.split_first() {
            self.set_line(pen);
            self.ctx.move_to(first.0 as f64, first.1 as f64);
            for p in rest {
                self.ctx.line_to(p.0 as f64, p.1 as f64);
            }
        }
        self.ctx.stroke();
        Ok(())
    }

    fn circle(&mut self, center: Px, radius: u32, pen: Pen, fill: bool) -> Result<()> {
        if pen.alpha == 0.0 {
            return Ok(());
        }
        let r = radius as i32;
        self.drawn =
            self.drawn.with((center.0 - r, center.1 - r), (center.0 + r, center.1 + r), pen.width as f64 + 2.0);
        if fill {
            self.set_fill(pen.color, pen.alpha);
        } else {
            self.set_line(pen);
        }
        self.ctx.begin_path();
        self.ctx
            .arc(center.0 as f64, center.1 as f64, radius as f64, 0.0, std::f64::consts::PI * 2.0)
            .map_err(js_err)?;
        if fill {
            self.ctx.fill();
        } else {
            self.ctx.stroke();
        }
        Ok(())
    }

    fn text(&mut self, text: &str, at: Px, size: f64, bold: bool, color: Rgb, anchor: Anchor) -> Result<()> {
        self.drawn = Drawn::Everywhere;
        let (align, baseline) = match anchor {
            Anchor::LeftTop => ("start", "top"),
            Anchor::LeftMiddle => ("start", "middle"),
            Anchor::LeftBottom => ("start", "bottom"),
            Anchor::CenterTop => ("center", "top"),
            Anchor::CenterBottom => ("center", "bottom"),
            Anchor::RightMiddle => ("end", "middle"),
            Anchor::RightTop => ("end", "top"),
        };
        if self.baseline != Some(baseline) {
            self.baseline = Some(baseline);
            self.ctx.set_text_baseline(baseline);
        }
        if self.align != Some(align) {
            self.align = Some(align);
            self.ctx.set_text_align(align);
        }
        self.set_fill(color, 1.0);
        if self.font != Some((size, bold)) {
            self.font = Some((size, bold));
            self.ctx.set_font(&font(size, bold));
        }
        self.ctx.fill_text(text, at.0 as f64, at.1 as f64).map_err(js_err)
    }

    fn present(&mut self) -> Result<()> {
        Ok(())
    }
}

/// The font string plotters-canvas drew with, `normal|bold SIZEpx sans-serif`; the text measure
/// (`CanvasMeasure`) uses the same.
pub(super) fn font(size: f64, bold: bool) -> String {
    format!("{} {}px sans-serif", if bold { "bold" } else { "normal" }, Float(size))
}
