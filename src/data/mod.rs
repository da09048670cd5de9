//! Data layer: the public dataset schema, its validation, and the registry of bundled datasets.
//!
//! `data/*.json` (written by `build-data` from `../shared/data/raw`) is compiled into the crate;
//! a host page may also hand in its own dataset (`src=`), which goes through the same
//! [`parse_dataset`] → [`validate`] path, so bundled and external data obey one set of rules.

pub mod period;
mod registry;
mod schema;
mod validate;

pub use period::Period;
pub use registry::{bundled_dataset, bundled_ids};
pub use schema::{Dataset, Domain, Event, Frequency, Point, Series, Source, Unit};
pub use validate::{validate, MAX_DOCUMENT_BYTES, MAX_LABEL_CHARS, MAX_POINTS};

use crate::error::{Error, Result};

/// Parses and validates a dataset document. `context` names the document in messages
/// (a dataset id or a URL).
pub fn parse_dataset(json: &str, context: &str) -> Result<Dataset> {
    if json.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge {
            what: format!("the document {context} (bytes)"),
            limit: MAX_DOCUMENT_BYTES,
            actual: json.len(),
        });
    }
    let ds: Dataset =
        serde_json::from_str(json).map_err(|e| Error::Json { context: context.to_string(), message: e.to_string() })?;
    validate(&ds)?;
    Ok(ds)
}
