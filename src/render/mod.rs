//! Render layer: the drawing toolkit charts use, generic over plotters' [`DrawingBackend`]
//! (plotters-canvas in the browser, SVG and bitmap natively). It knows no chart.
//!
//! Charts lay themselves out in CSS pixels; [`Painter`] multiplies by the device pixel ratio
//! when it talks to the backend, so text and lines stay crisp at DPR 2 and 3 and hit-testing
//! works in the same CSS pixels the pointer reports.

mod fonts;
mod painter;
mod theme;

pub use fonts::ensure_fonts;
pub use painter::{Anchor, Painter};
pub use plotters_backend::DrawingBackend;
pub use theme::{Rgb, Theme};

/// Rough width of `text` at `size` CSS px in the bundled sans-serif font; used for layout so that
/// geometry is the same on every backend (and so on every machine).
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
            'f' | 't' | 'r' | ' ' | '(' | ')' | '-' | '1' => 0.4,
            'm' | 'w' | 'M' | 'W' | '%' | '—' | '–' => 0.85,
            c if c.is_ascii_uppercase() => 0.68,
            c if c.is_ascii() => 0.58,
            _ => 0.9,
        })
        .sum::<f64>()
        * size
}

/// Breaks `text` into lines no wider than `max_width` (by [`text_width`]).
pub fn wrap(text: &str, size: f64, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if !line.is_empty() && text_width(&candidate, size) > max_width {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Cuts `text` to fit `max_width`, ending it with `…`.
pub fn ellipsize(text: &str, size: f64, max_width: f64) -> String {
    if text_width(text, size) <= max_width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&out, size) + text_width("…", size) > max_width {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_ellipsizes_within_width() {
        let lines = wrap("How often China and Russia vote alike in the UN General Assembly", 16.0, 200.0);
        assert!(lines.len() >= 2);
        assert!(lines.iter().all(|l| text_width(l, 16.0) <= 200.0));
        assert_eq!(lines.join(" "), "How often China and Russia vote alike in the UN General Assembly");
        let e = ellipsize("Source: Voeten, Strezhnev and Bailey", 11.0, 60.0);
        assert!(e.ends_with('…') && text_width(&e, 11.0) <= 60.0, "{e}");
    }
}
