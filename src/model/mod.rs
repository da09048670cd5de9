//! Model layer: what charts compute from data before anything is drawn — scales with inverses,
//! tick positions and labels, number and period formats.

pub mod case;
pub mod chunks;
pub mod decimate;
pub mod format;
pub mod locale;
pub mod scale;
pub mod sort;
pub mod ticks;
pub mod transform;

pub use scale::LinearScale;

/// `v.clamp(lo, hi)` for `f64`s, the same value (NaN stays NaN), but total: `f64::clamp` panics
/// when `lo > hi` or a bound is NaN, and bounds here come from data (an axis of one value, a
/// zoom range), where a panic must never be reachable. `clamp_is_f64_clamp_and_total` checks both.
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::clamp;

    /// The same value as `f64::clamp` wherever that does not panic; a value, not a panic, where it
    /// would.
    #[test]
    fn clamp_is_f64_clamp_and_total() {
        let vs = [-2.0, -0.5, 0.0, 0.25, 1.0, 3.5, f64::INFINITY, f64::NEG_INFINITY];
        for v in vs {
            for (lo, hi) in [(0.0, 1.0), (-1.0, 3.0), (2.0, 2.0)] {
                assert_eq!(clamp(v, lo, hi), v.clamp(lo, hi), "{v} in [{lo}, {hi}]");
            }
        }
        assert!(clamp(f64::NAN, 0.0, 1.0).is_nan());
        assert_eq!(clamp(5.0, 3.0, 1.0), 1.0, "an empty range gives a bound, not a panic");
        assert_eq!(clamp(0.5, f64::NAN, 1.0), 0.5, "a NaN bound is no bound");
    }
}
