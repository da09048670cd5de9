//! Writes the bundled datasets (`data/*.json`, pretty-printed by `build-data` so that diffs read
//! well) compactly into `OUT_DIR/data/`, which `src/data/registry.rs` compiles into native builds
//! (the browser fetches the same compact text from `pkg/data/`, see `dragonbear bundle`): no whitespace,
//! and every series' points as columns (`{"period": [...], "value": [...], "source": "id"}`, the
//! schema's compact form), so field names are not repeated per point. Same dataset, about a third
//! of the bytes in the wasm and in memory; a test in `registry.rs` checks that each compiled copy
//! reads as the same dataset as its file.
//!
//! It also writes `OUT_DIR/index.rs`, the header of every dataset (`id`, `title`, `domain`,
//! `description`, and the `fr`/`de` translations of title and description when a dataset has
//! them) as a Rust constant: what `charts()` lists, compiled in on every target, so that listing
//! the charts needs neither their data nor a parser.

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

/// A dataset's header as a `Header { … }` expression (strings as Rust literals, through `Debug`).
fn header(doc: &Value) -> String {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_string();
    let domain = match doc.get("domain").and_then(Value::as_str) {
        Some("economic") => "Economic",
        Some("military") => "Military",
        Some("diplomatic") => "Diplomatic",
        other => panic!("a bundled dataset's domain: {other:?}"),
    };
    let lang = |l: &str| match doc.get(l) {
        Some(Value::Object(t)) => {
            let opt = |k: &str| match t.get(k).and_then(Value::as_str) {
                Some(v) => format!("Some({v:?})"),
                None => "None".into(),
            };
            format!("Some(Translated {{ title: {}, description: {} }})", opt("title"), opt("description"))
        }
        _ => "None".into(),
    };
    format!(
        "Header {{ id: {:?}, title: {:?}, domain: Domain::{domain}, description: {:?}, fr: {}, de: {} }},\n",
        text(doc.get("id")),
        text(doc.get("title")),
        text(doc.get("description")),
        lang("fr"),
        lang("de")
    )
}

fn main() {
    println!("cargo:rerun-if-changed=data");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("data");
    fs::create_dir_all(&out).expect("create OUT_DIR/data");
    let mut paths: Vec<_> = fs::read_dir("data").expect("read data/").map(|e| e.expect("data/ entry").path()).collect();
    paths.sort();
    let mut index = Vec::new();
    for path in paths {
        if path.extension().is_some_and(|e| e == "json") {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("read a dataset");
            let mut doc: Value = serde_json::from_str(&text).expect("a bundled dataset is JSON");
            index.push(header(&doc));
            if let Some(Value::Array(series)) = doc.get_mut("series") {
                for s in series.iter_mut().filter_map(Value::as_object_mut) {
                    columnar(s);
                }
            }
            let compact = serde_json::to_string(&doc).expect("write a dataset");
            fs::write(out.join(path.file_name().expect("file name")), compact).expect("write a dataset");
        }
    }
    let index = format!("&[\n{}]\n", index.concat());
    fs::write(Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("index.rs"), index).expect("write the index");
}
