//! Native backends rasterise text with a bundled font (DejaVu Sans, free licence), registered once,
//! so SVG/PNG output is the same on every machine. The browser uses its own sans-serif.

/// Registers the bundled font for native rendering; a no-op in the browser.
pub fn ensure_fonts() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::Once;
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            use plotters::style::{register_font, FontStyle};
            let regular: &'static [u8] = include_bytes!("../../assets/DejaVuSans.ttf");
            let bold: &'static [u8] = include_bytes!("../../assets/DejaVuSans-Bold.ttf");
            // Registration only fails for bytes that are not a font; these are fixed assets.
            let _ = register_font("sans-serif", FontStyle::Normal, regular);
            let _ = register_font("sans-serif", FontStyle::Bold, bold);
        });
    }
}
