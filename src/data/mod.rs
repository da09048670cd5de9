//! Data layer: the public dataset schema, its validation, and the registry of bundled datasets.
//!
//! `data/*.json` (written by `build-data` from `data/raw`) is compiled into native builds and
//! fetched beside the wasm in the browser (`registry`); a host page may also hand in its own
//! dataset (`src=`), which goes through the same
//! [`parse_dataset`] → [`validate`] path, so bundled and external data obey one set of rules.

mod de;
pub mod period;
mod points;
mod registry;
mod schema;
mod validate;

pub use period::Period;
pub use points::{Builder, Periods, PointRef, Points, Ragged, SourceIds};
#[cfg(target_arch = "wasm32")]
pub use registry::is_loaded;
pub use registry::{add_bundled, bundled_dataset, header, Header, Translated, HEADERS};
#[cfg(not(target_arch = "wasm32"))]
pub use registry::{bundled_ids, bundled_text};
pub use schema::{
    Dataset, Domain, Event, EventText, Frequency, Point, Series, SeriesText, Source, SourceText, Translation, Unit,
};
pub use validate::{
    validate, MAX_DOCUMENT_BYTES, MAX_EVENTS, MAX_LABEL_CHARS, MAX_NOTES, MAX_POINTS, MAX_SERIES, MAX_SOURCES,
};

use crate::error::{Error, Result};

/// Parses and validates a dataset document. `context` names the document in messages
/// (a dataset id or a URL).
pub fn parse_dataset(json: &str, context: &str) -> Result<Dataset> {
    let ds = parse_document(json, context)?;
    validate(&ds)?;
    Ok(ds)
}

/// Parses a dataset document without [`validate`]: for callers that complete the dataset first
/// (the web layer's columnar series) and then validate it with the same rules.
pub fn parse_document(json: &str, context: &str) -> Result<Dataset> {
    if json.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge {
            what: format!("the size of the document {context} in bytes"),
            limit: MAX_DOCUMENT_BYTES,
            actual: json.len(),
        });
    }
    // A byte-order mark (some editors and CMSs write one) is not part of the JSON.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let mut de = serde_json::Deserializer::from_str(json);
    let bad = |path: String, e: &serde_json::Error| Error::Json {
        context: context.to_string(),
        message: json_message(&path, e, json),
    };
    let ds: Dataset = serde_path_to_error::deserialize(&mut de).map_err(|e| bad(e.path().to_string(), e.inner()))?;
    // Nothing but whitespace may follow the dataset.
    de.end().map_err(|e| bad(String::new(), &e))?;
    Ok(shared(ds))
}

/// Reads a dataset from any serde deserializer (serde-wasm-bindgen's for a JavaScript object)
/// without [`validate`]; messages name the path of a bad value, e.g. `series[0].label: invalid
/// type: integer `3`, expected a string`.
pub fn read_from<'de, D: serde::Deserializer<'de>>(d: D, context: &str) -> Result<Dataset>
where
    D::Error: std::fmt::Display,
{
    let ds = serde_path_to_error::deserialize(d).map_err(|e| {
        // A JavaScript error (serde-wasm-bindgen's) writes itself as `Error: …`.
        let inner = e.inner().to_string();
        let message = inner.strip_prefix("Error: ").unwrap_or(&inner);
        Error::Json { context: context.to_string(), message: located(&e.path().to_string(), message) }
    })?;
    Ok(shared(ds))
}

/// `message` behind the path of the value it is about (`series[0].points[3].value: …`), or alone
/// at the top. For an unknown field the path is the object that has it (`series[0]`, not
/// `series[0].colour`, which is not part of the schema); a key the document ended before (`?`) is
/// left out too.
fn located(path: &str, message: &str) -> String {
    let path = if path == "?" { "" } else { path.strip_suffix(".?").unwrap_or(path) };
    let key = message.strip_prefix("unknown field `").and_then(|m| m.split('`').next());
    let path = match key.and_then(|k| path.strip_suffix(k)?.strip_suffix('.')) {
        Some(object) if !object.is_empty() => object,
        _ => path,
    };
    match path {
        "" | "." => message.to_string(),
        p => format!("{p}: {message}"),
    }
}

/// Series on the same periods share one period column (and its parsed times).
fn shared(mut ds: Dataset) -> Dataset {
    ds.share_periods();
    ds
}

/// Where (the path of the value, when known), what, the line and column, the text just before
/// that position, and what kind of problem it is, e.g. `series[0].points[3].value: invalid type:
/// string "NaN", expected f64 at line 1 column 212, after "…"value":"NaN" — a field has the wrong
/// type or value for the dataset schema`.
fn json_message(path: &str, inner: &serde_json::Error, src: &str) -> String {
    use serde_json::error::Category;
    let text = inner.to_string();
    let kind = match inner.classify() {
        Category::Eof => "the document ends too early: it is empty or truncated",
        Category::Syntax if text.starts_with("recursion limit exceeded") => {
            "arrays or objects are nested too deeply (the limit is 128 levels)"
        }
        Category::Syntax if text.starts_with("number out of range") => {
            "a number is too large to be a finite 64-bit float (values must be finite)"
        }
        Category::Syntax | Category::Io => "this is not valid JSON",
        Category::Data => "the JSON does not follow the dataset schema",
    };
    let (line, column) = (inner.line(), inner.column());
    let text = located(path, &text);
    match near(src, line, column) {
        Some(before) => format!("{text}, after \"{before}\" — {kind}"),
        None => format!("{text} — {kind}"),
    }
}

/// Up to 32 characters of `json` before line `line`, column `column` (both 1-based; columns are
/// counted in bytes), with control characters shown as spaces.
fn near(json: &str, line: usize, column: usize) -> Option<String> {
    let l = json.split('\n').nth(line.checked_sub(1)?)?;
    let mut end = column.min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    let head = &l[..end];
    let n = head.chars().count();
    let tail: String = head.chars().skip(n.saturating_sub(32)).map(|c| if c.is_control() { ' ' } else { c }).collect();
    if tail.trim().is_empty() {
        return None;
    }
    Some(if n > 32 { format!("…{tail}") } else { tail })
}
