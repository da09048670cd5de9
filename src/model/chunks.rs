//! Long first passes in pieces. In a fresh page the browser runs a wasm function as baseline code
//! until it has been hot for a while, then compiles optimised code in the background; a call that
//! is already running keeps its baseline code to the end. A single loop over 166,650 points (the
//! first big chart on a page that has had no idle time to warm up) would therefore run wholly in
//! baseline code. Loops that walk every point call a function of their own for each piece of
//! [`CHUNK`] items, so that later pieces run the optimised code (`make bench`, `draw_166k_cold`).

use std::ops::Range;

/// Items per piece: small enough that a big series is many calls, large enough that the calls
/// cost nothing next to the work.
pub const CHUNK: usize = 4096;

/// `start..end` in consecutive pieces of at most [`CHUNK`] items.
pub fn pieces(start: usize, end: usize) -> impl Iterator<Item = Range<usize>> {
    (start..end).step_by(CHUNK).map(move |a| a..(a + CHUNK).min(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_range_in_order_once() {
        for (a, b) in [(0, 0), (1, 1), (0, 1), (1, 4097), (0, 4096), (0, 4097), (3, 20_000)] {
            let all: Vec<usize> = pieces(a, b).flatten().collect();
            assert_eq!(all, (a..b).collect::<Vec<_>>(), "{a}..{b}");
            assert!(pieces(a, b).all(|r| r.len() <= CHUNK && !r.is_empty()));
        }
    }
}
