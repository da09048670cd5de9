//! The one error type of dragonbear, with its message catalogue.
//!
//! Every failure a reader or an editor can cause (bad JSON, an invalid dataset, an unknown chart id,
//! a canvas that cannot be drawn) becomes an [`Error`] whose `Display` text is the message shown in
//! the widget. It is converted to a JS value once, at the wasm boundary (`src/web`).

use std::fmt;

/// Everything that can go wrong between data and pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The document is not JSON, or not JSON of the dataset schema.
    Json { context: String, message: String },
    /// The dataset parsed but breaks a rule of the schema. `at` names the dataset, series and point.
    Invalid { at: String, problem: String },
    /// No chart with this id exists.
    UnknownChart(String),
    /// A document or dataset exceeds a documented limit.
    TooLarge { what: String, limit: usize, actual: usize },
    /// Drawing failed (a backend error).
    Render(String),
    /// An option passed through the JS API or an attribute is not valid.
    Option { name: String, problem: String },
    /// The browser refused something the widget needs (no canvas context, no shadow root …).
    Browser(String),
}

impl Error {
    pub fn invalid(at: impl Into<String>, problem: impl Into<String>) -> Self {
        Error::Invalid { at: at.into(), problem: problem.into() }
    }
    pub fn render(e: impl fmt::Display) -> Self {
        Error::Render(e.to_string())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Json { context, message } => write!(f, "Invalid data ({context}): {message}"),
            Error::Invalid { at, problem } => write!(f, "Invalid data in {at}: {problem}"),
            Error::UnknownChart(id) => {
                let shown: String = id.chars().take(80).collect();
                let more = if id.chars().count() > 80 { "…" } else { "" };
                write!(
                    f,
                    "Unknown chart \"{shown}{more}\". Run `dragonbear list` or see charts() for the available ids."
                )
            }
            Error::TooLarge { what, limit, actual } => {
                write!(f, "Too large: {what} is {actual}, the limit is {limit}")
            }
            Error::Render(m) => write!(f, "The chart could not be drawn: {m}"),
            Error::Option { name, problem } => write!(f, "Invalid option \"{name}\": {problem}"),
            Error::Browser(m) => write!(f, "The browser could not show the chart: {m}"),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
