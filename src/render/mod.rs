//! Render layer: the drawing toolkit charts use, generic over a small [`Surface`] trait (a 2D
//! canvas context in the browser, implemented in `src/web`; plotters' SVG and bitmap backends
//! natively). It knows no chart, and on wasm32 it links no plotters.
//!
//! Charts lay themselves out in CSS pixels; [`Painter`] multiplies by the device pixel ratio
//! when it talks to the backend, so text and lines stay crisp at DPR 2 and 3 and hit-testing
//! works in the same CSS pixels the pointer reports.

#[cfg(not(target_arch = "wasm32"))]
mod backend;
mod fonts;
mod measure;
mod painter;
mod surface;
mod theme;

pub use fonts::ensure_fonts;
pub use measure::{default_measure, Heuristic, Measure};
pub use painter::Painter;
pub use surface::{Anchor, Pen, Px, Surface};
pub use theme::{Rgb, Theme};

/// Rough width of `text` at `size` CSS px in a sans-serif font, when nothing can measure.
/// A device-pixel coordinate: `v` rounded half away from zero, as `f64::round` does, but with the
/// `trunc` instruction WebAssembly has (`round` is a library call there, made for every point of
/// a big line chart). Exact: `v - v.trunc()` has no rounding error.
#[inline(always)]
pub fn round_px(v: f64) -> i32 {
    let t = v.trunc();
    (if (v - t).abs() >= 0.5 { t + v.signum() } else { t }) as i32
}

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

/// Breaks `text` into lines no wider than `max_width`.
pub fn wrap(m: &dyn Measure, text: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
    // Most texts fit on one line: one measurement instead of one per word (in a fresh page each
    // measurement of a new string costs the browser a text shaping).
    let words: Vec<&str> = text.split_whitespace().collect();
    let whole = words.join(" ");
    if words.len() > 1 && m.width(&whole, size, bold) <= max_width {
        return vec![whole];
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if !line.is_empty() && m.width(&candidate, size, bold) > max_width {
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
pub fn ellipsize(m: &dyn Measure, text: &str, size: f64, max_width: f64) -> String {
    if m.width(text, size, false) <= max_width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if m.width(&out, size, false) + m.width("…", size, false) > max_width {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_px_is_f64_round() {
        let edge = [0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, 4503599627370495.5, 1e300];
        let walk = (0..20_000).map(|i| (i as f64 - 10_000.0) * 0.0625 + (i % 7) as f64 * 1e-9);
        for v in edge.into_iter().chain(walk) {
            assert_eq!(super::round_px(v), v.round() as i32, "{v}");
        }
    }

    use super::*;

    #[test]
    fn wraps_and_ellipsizes_within_width() {
        let m = default_measure();
        let lines = wrap(&*m, "How often China and Russia vote alike in the UN General Assembly", 16.0, true, 200.0);
        assert!(lines.len() >= 2);
        assert!(lines.iter().all(|l| m.width(l, 16.0, true) <= 200.0));
        assert_eq!(lines.join(" "), "How often China and Russia vote alike in the UN General Assembly");
        let e = ellipsize(&*m, "Source: Voeten, Strezhnev and Bailey", 11.0, 60.0);
        assert!(e.ends_with('…') && m.width(&e, 11.0, false) <= 60.0, "{e}");
    }
}
