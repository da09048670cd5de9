//! Helpers shared by the native tests that compare the bundled data with the raw sources.
#![allow(dead_code)]

use std::path::PathBuf;

/// The raw-data folder (`DRAGONBEAR_RAW`, else `../shared/data/raw`), or `None` with a SKIPPED line
/// when this checkout has no raw data (the comparisons then do not run).
pub fn raw_dir() -> Option<PathBuf> {
    let p = std::env::var_os("DRAGONBEAR_RAW")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/raw"));
    if p.is_dir() {
        Some(p)
    } else {
        println!("SKIPPED: raw data not found at {}", p.display());
        None
    }
}

/// A bundled dataset as raw JSON (read from `data/`, not through the crate).
pub fn bundled(id: &str) -> serde_json::Value {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data").join(format!("{id}.json"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}
