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
