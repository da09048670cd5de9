//! Model layer: what charts compute from data before anything is drawn — scales with inverses,
//! tick positions and labels, number and period formats.

pub mod case;
pub mod decimate;
pub mod format;
pub mod locale;
pub mod numtext;
pub mod scale;
pub mod sort;
pub mod ticks;
pub mod transform;

pub use scale::LinearScale;

/// `v.clamp(lo, hi)` for `f64`s, the same value (NaN stays NaN) without `f64::clamp`'s check of
/// its bounds, whose panic message (`min > max, or either was NaN. min = {min:?}, …`) formats an
/// `f64` with `{:?}` and so brought core's float printing into the wasm ([`numtext`]).
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}
