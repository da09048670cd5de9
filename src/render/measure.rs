//! Text measurement for layout. Charts wrap titles, size margins and thin labels by the width
//! text really takes in the font it is drawn with: natively the bundled DejaVu Sans (so golden
//! files are stable), in the browser the canvas's own `measureText` (provided by `src/web`).

use std::rc::Rc;

/// Width in CSS px of `text` at `size` CSS px.
pub trait Measure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64;
}

/// Character-class estimate, for when no font is at hand.
pub struct Heuristic;

impl Measure for Heuristic {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        super::text_width(text, size) * if bold { 1.08 } else { 1.0 }
    }
}

/// The bundled font, through plotters' ab_glyph layout.
#[cfg(not(target_arch = "wasm32"))]
pub struct BundledFont;

#[cfg(not(target_arch = "wasm32"))]
impl Measure for BundledFont {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        use plotters::style::{FontFamily, FontStyle, IntoFont};
        super::ensure_fonts();
        let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
        // Measured at 10× for sub-pixel precision (box sizes are whole pixels).
        let font = (FontFamily::SansSerif, size * 10.0, style).into_font();
        match font.box_size(text) {
            Ok((w, _)) => w as f64 / 10.0,
            Err(_) => Heuristic.width(text, size, bold),
        }
    }
}

/// The measure of this target: the bundled font natively, the heuristic until the web layer
/// supplies the canvas's own.
pub fn default_measure() -> Rc<dyn Measure> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        Rc::new(BundledFont)
    }
    #[cfg(target_arch = "wasm32")]
    {
        Rc::new(Heuristic)
    }
}
