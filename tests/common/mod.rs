//! Helpers shared by tests: the raw-data folder, bundled data, and synthetic series.
#![allow(dead_code)]

use std::path::PathBuf;

/// A seeded random walk of `n` points over `width` CSS px, inside a 300 px tall frame: dense,
/// jagged data for the decimation tests (the same series natively and in the browser).
pub fn walk(n: usize, width: f64, seed: u64) -> Vec<(f64, f64)> {
    let mut s = seed;
    let mut y = 150.0;
    (0..n)
        .map(|i| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            y = (y + ((s >> 33) as f64 / (1u64 << 31) as f64 - 0.5) * 8.0).clamp(5.0, 295.0);
            (10.0 + width * i as f64 / n as f64, y)
        })
        .collect()
}

/// The raw-data folder committed in the repository (`data/raw`): the comparisons always run.
pub fn raw_dir() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/raw");
    assert!(p.is_dir(), "the raw data folder {} is missing from the checkout", p.display());
    p
}

/// A bundled dataset as raw JSON (read from `data/`, not through the crate).
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled(id: &str) -> serde_json::Value {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data").join(format!("{id}.json"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}
