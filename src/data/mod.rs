//! Data layer: the public dataset schema, its validation, and the registry of bundled datasets.
//!
//! `data/*.json` (written by `build-data` from `data/raw`) is compiled into the crate;
//! a host page may also hand in its own dataset (`src=`), which goes through the same
//! [`parse_dataset`] → [`validate`] path, so bundled and external data obey one set of rules.

pub mod decimal;
pub mod json;
pub mod period;
mod points;
mod read;
mod registry;
mod schema;
mod validate;

pub use period::Period;
pub use points::{Builder, Periods, PointRef, Points, Ragged, SourceIds};
pub use registry::{bundled_dataset, bundled_ids};
pub use schema::{Dataset, Domain, Event, Frequency, Point, Series, Source, Unit};
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
    let ds = read::dataset(json)
        .map_err(|e| Error::Json { context: context.to_string(), message: json_message(&e, json) })?;
    Ok(ds)
}

/// Reads a dataset document (no byte-order mark) without validating it: for benchmarks and tools;
/// everything else uses [`parse_dataset`].
#[doc(hidden)]
pub fn read_dataset(json: &str) -> std::result::Result<Dataset, json::Error> {
    read::dataset(json)
}

/// Where (the path of the value, when known), what, the line and column, the text just before
/// that position, and what kind of problem it is, e.g. `series[0].points[3].value: invalid type:
/// string "NaN", expected f64 at line 1 column 212, after "…"value":"NaN" — a field has the wrong
/// type or value for the dataset schema`.
fn json_message(e: &json::Error, src: &str) -> String {
    use json::ErrorKind;
    let kind = match e.kind() {
        ErrorKind::Depth => "arrays or objects are nested too deeply (the limit is 128 levels)",
        ErrorKind::Range => "a number is too large to be a finite 64-bit float (values must be finite)",
        ErrorKind::Eof => "the document ends too early: it is empty or truncated",
        ErrorKind::Syntax => "this is not valid JSON",
        ErrorKind::Schema => "the JSON does not follow the dataset schema",
    };
    let (line, column) = e.line_column(src);
    let path = e.path();
    let path = if path.is_empty() { String::new() } else { format!("{path}: ") };
    let text = format!("{path}{} at line {line} column {column}", e.message());
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
