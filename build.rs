//! Writes the bundled datasets (`data/*.json`, pretty-printed by `build-data` so that diffs read
//! well) compactly into `OUT_DIR/data/`, which `src/data/registry.rs` compiles in: no whitespace,
//! and every series' points as columns (`{"period": [...], "value": [...], "source": "id"}`, the
//! schema's compact form), so field names are not repeated per point. Same dataset, about a third
//! of the bytes in the wasm and in memory; a test in `registry.rs` checks that each compiled copy
//! reads as the same dataset as its file.

use serde_json::{Map, Value};
use std::{env, fs, path::Path};

/// `points` → `columns`; `source` one id when every point names the same, `label`/`note` only
/// when some point has one (`null` for the others).
fn columnar(series: &mut Map<String, Value>) {
    let Some(Value::Array(points)) = series.remove("points") else { return };
    let column =
        |key: &str| -> Vec<Value> { points.iter().map(|p| p.get(key).cloned().unwrap_or(Value::Null)).collect() };
    let mut cols = Map::new();
    cols.insert("period".into(), Value::Array(column("period")));
    cols.insert("value".into(), Value::Array(column("value")));
    let sources = column("source");
    let one = sources.first().filter(|s| sources.iter().all(|t| t == *s)).cloned();
    cols.insert("source".into(), one.unwrap_or(Value::Array(sources)));
    for key in ["label", "note"] {
        let values = column(key);
        if values.iter().any(|v| !v.is_null()) {
            cols.insert(key.into(), Value::Array(values));
        }
    }
    series.insert("columns".into(), Value::Object(cols));
}

fn main() {
    println!("cargo:rerun-if-changed=data");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("data");
    fs::create_dir_all(&out).expect("create OUT_DIR/data");
    for entry in fs::read_dir("data").expect("read data/") {
        let path = entry.expect("data/ entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("read a dataset");
            let mut doc: Value = serde_json::from_str(&text).expect("a bundled dataset is JSON");
            if let Some(Value::Array(series)) = doc.get_mut("series") {
                for s in series.iter_mut().filter_map(Value::as_object_mut) {
                    columnar(s);
                }
            }
            let compact = serde_json::to_string(&doc).expect("write a dataset");
            fs::write(out.join(path.file_name().expect("file name")), compact).expect("write a dataset");
        }
    }
}
