//! Render layer: the drawing toolkit charts use. Its seam is plotters' backend trait,
//! `plotters_backend::DrawingBackend`: plotters-canvas's `CanvasBackend` in the browser, plotters'
//! SVG and bitmap backends natively (`dragonbear render`, the static images, the golden files). Every
//! backend is a [`Surface`] (`backend.rs`), the handful of primitives [`Painter`] needs, so a chart's
//! pixels in the browser and in an SVG come from the same calls. It knows no chart.
//!
//! Charts lay themselves out in CSS pixels; [`Painter`] multiplies by the device pixel ratio
//! when it talks to the backend, so text and lines stay crisp at DPR 2 and 3 and hit-testing
//! works in the same CSS pixels the pointer reports.

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

/// A device-pixel coordinate: `v` rounded half away from zero, as `f64::round` does, but with the
/// `trunc` instruction WebAssembly has (`round` is a library call there, made for every point of
/// a big line chart). Exact: `v - v.trunc()` has no rounding error; `round_px_is_f64_round`
/// checks it against `f64::round`.
#[inline(always)]
pub fn round_px(v: f64) -> i32 {
    let t = v.trunc();
    (if (v - t).abs() >= 0.5 { t + v.signum() } else { t }) as i32
}

/// Rough width of `text` at `size` CSS px in a sans-serif font, when nothing can measure.
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

/// Breaks `text` into lines no wider than `max_width`: each line takes as many words as fit (at
/// least one). A line only gets wider with more words, so each line's end is found by a binary
/// search: a few measurements per line instead of one per word (in a fresh page each new string
/// costs the browser a text shaping).
pub fn wrap(m: &dyn Measure, text: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let fits = |ws: &[&str]| m.width(&ws.join(" "), size, bold) <= max_width;
    let mut lines = Vec::new();
    let mut rest = &words[..];
    while !rest.is_empty() {
        // The most words that fit, from 1 (a word wider than the line stands alone) to all.
        let (mut lo, mut hi) = (1, rest.len());
        if fits(rest) {
            lo = hi;
        }
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if fits(&rest[..mid]) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        lines.push(rest[..lo].join(" "));
        rest = &rest[lo..];
    }
    lines
}

/// Cuts `text` to fit `max_width`, ending it with `…`: the longest prefix (whole characters) that
/// fits with the ellipsis. A prefix only gets wider as it grows, so a binary search finds it with a
/// handful of measurements, not one per character (each new string costs the browser a shaping).
pub fn ellipsize(m: &dyn Measure, text: &str, size: f64, max_width: f64) -> String {
    if m.width(text, size, false) <= max_width {
        return text.to_string();
    }
    let ellipsis = m.width("…", size, false);
    // `ends[k - 1]`: byte length of the first k characters. The whole text does not fit, so the
    // first k that does not fit with the ellipsis is in 1..=n.
    let ends: Vec<usize> = text.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
    let too_wide = |k: usize| m.width(&text[..ends[k - 1]], size, false) + ellipsis > max_width;
    let (mut lo, mut hi) = (1, ends.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if too_wide(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let keep = if lo > 1 { ends[lo - 2] } else { 0 };
    format!("{}…", &text[..keep])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_px_is_f64_round() {
        let edge = [0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, 4503599627370495.5, 1e300];
        let walk = (0..20_000).map(|i| (i as f64 - 10_000.0) * 0.0625 + (i % 7) as f64 * 1e-9);
        for v in edge.into_iter().chain(walk) {
            assert_eq!(round_px(v), v.round() as i32, "{v}");
        }
    }

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

    /// Counts measurements, for the ellipsis search.
    struct Counting<'a>(&'a dyn Measure, std::cell::Cell<usize>);
    impl Measure for Counting<'_> {
        fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
            self.1.set(self.1.get() + 1);
            self.0.width(text, size, bold)
        }
    }

    #[test]
    fn wrap_search_breaks_where_adding_one_word_at_a_time_would() {
        let m = default_measure();
        let text = "How often China and Russia vote alike in the UN General Assembly, 1971–2023: an index of agreement";
        let one_by_one = |max: f64| {
            let (mut lines, mut line) = (Vec::new(), String::new());
            for word in text.split_whitespace() {
                let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
                if !line.is_empty() && m.width(&candidate, 14.0, true) > max {
                    lines.push(std::mem::take(&mut line));
                    line = word.to_string();
                } else {
                    line = candidate;
                }
            }
            lines.push(line);
            lines
        };
        for w in (10..900).step_by(7) {
            let counting = Counting(&*m, std::cell::Cell::new(0));
            let lines = wrap(&counting, text, 14.0, true, w as f64);
            assert_eq!(lines, one_by_one(w as f64), "at {w} px");
            assert!(
                counting.1.get() <= 1 + 5 * lines.len(),
                "{} measurements for {} lines",
                counting.1.get(),
                lines.len()
            );
        }
        let counting = Counting(&*m, std::cell::Cell::new(0));
        assert_eq!(wrap(&counting, text, 14.0, true, 2000.0).len(), 1);
        assert_eq!(counting.1.get(), 1, "a text that fits is measured once");
    }

    #[test]
    fn ellipsis_search_cuts_where_adding_one_character_at_a_time_would() {
        let m = default_measure();
        let text = "Source: Erik Voeten, Anton Strezhnev and Michael Bailey — Harvard Dataverse, «Ideal points»";
        let one_by_one = |max: f64| {
            let mut out = String::new();
            for c in text.chars() {
                out.push(c);
                if m.width(&out, 11.0, false) + m.width("…", 11.0, false) > max {
                    out.pop();
                    break;
                }
            }
            out + "…"
        };
        let full = m.width(text, 11.0, false);
        for w in (0..(full as usize)).step_by(3) {
            let counting = Counting(&*m, std::cell::Cell::new(0));
            assert_eq!(ellipsize(&counting, text, 11.0, w as f64), one_by_one(w as f64), "at {w} px");
            assert!(counting.1.get() <= 10, "{} measurements at {w} px", counting.1.get());
        }
    }
}
