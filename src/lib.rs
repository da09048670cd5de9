//! dragonbear — China–Russia relations in data, drawn as interactive canvas charts.
//!
//! ```text
//! data/*.json ─▶ data      schema, bundled registry, validation
//!             ─▶ model     periods, scales with inverses, ticks, number formats
//!             ─▶ chart     one module per chart: geometry, drawing, hit-testing
//!                render    drawing toolkit over a Surface (2D canvas; plotters SVG/PNG natively)
//!             ─▶ interact  pure state machine: hover, legend toggles → redraw requests
//!             ─▶ web       the only code that touches web-sys (wasm32 only)
//! ```
//! This file is a thin facade; `pipeline` (build-data) and the CLI are native only.

pub mod chart;
pub mod data;
pub mod error;
pub mod interact;
pub mod model;
pub mod render;

#[cfg(not(target_arch = "wasm32"))]
pub mod pipeline;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use error::{Error, Result};

/// The crate version, as the JS API's `version()` reports it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
