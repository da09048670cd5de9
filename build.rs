//! Writes the bundled datasets (`data/*.json`, pretty-printed by `build-data` so that diffs read
//! well) without insignificant whitespace into `OUT_DIR/data/`, which `src/data/registry.rs`
//! compiles in: about a quarter fewer bytes in the wasm and in memory, the same JSON values.

use std::{env, fs, path::Path};

/// Drops whitespace outside strings (JSON's insignificant whitespace); strings are copied byte
/// for byte, escapes included.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
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
            fs::write(out.join(path.file_name().expect("file name")), minify(&text)).expect("write a dataset");
        }
    }
}
