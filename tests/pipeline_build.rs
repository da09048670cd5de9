#![cfg(not(target_arch = "wasm32"))]
//! `build_all` on the raw folder reproduces `data/*.json` byte for byte.

mod common;
use common::raw_dir;

use std::path::PathBuf;

#[test]
fn build_all_matches_bundled_data_byte_for_byte() {
    let raw = raw_dir();
    let datasets = dragonbear::pipeline::build_all(&raw).expect("the pipeline runs on the raw folder");
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let problems = dragonbear::pipeline::check(&out, &datasets);
    assert!(problems.is_empty(), "data/ is stale; run build-data:\n{}", problems.join("\n"));
}

#[test]
fn every_dataset_is_deterministic() {
    let raw = raw_dir();
    let a = dragonbear::pipeline::build_all(&raw).expect("pipeline");
    let b = dragonbear::pipeline::build_all(&raw).expect("pipeline");
    let ja: Vec<String> = a.iter().map(dragonbear::pipeline::to_canonical_json).collect();
    let jb: Vec<String> = b.iter().map(dragonbear::pipeline::to_canonical_json).collect();
    assert_eq!(ja, jb);
}
