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
/// zoom range), where a panic must never be reachable.
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}
