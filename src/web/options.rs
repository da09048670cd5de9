//! The `mount()`/`update()` options object, read through serde-wasm-bindgen into [`Options`].
//! A field of the wrong type is a clear message in place (`Invalid option "chart": invalid type:
//! integer `5`, expected a string`); unknown keys are ignored, so hosts may pass more.

use crate::error::{Error, Result};
use crate::model::locale::Locale;
use crate::model::transform::Mode;
use serde::Deserialize;
use wasm_bindgen::JsValue;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    pub chart: Option<String>,
    /// `light`, `dark` or `auto` (anything else is `auto`).
    pub theme: ThemeChoice,
    /// CSS px; `None` = derived from the width.
    pub height: Option<f64>,
    /// Dataset text in the public schema (from `src=`).
    pub data: Option<String>,
    /// The length (UTF-16 code units, ≤ its UTF-8 bytes) of a `data` string too long to be a
    /// dataset: it is refused without being copied into wasm memory.
    pub data_too_large: Option<usize>,
    /// A dataset object (series may be columnar), the fast path for big data: see `columns.rs`.
    pub data_object: Option<JsValue>,
    /// Where `data` came from, for messages.
    pub src: Option<String>,
    /// An error the loader met before mount (e.g. a failed fetch), shown in place.
    pub error: Option<String>,
    /// Interface language (`lang` = en, fr, de).
    pub locale: Locale,
    /// Series ids the reader had switched off (e.g. from the embed page's URL).
    pub hidden: Vec<String>,
    /// A zoomed time range `from,to` (fractional years), e.g. from the embed page's URL.
    pub range: Option<(f64, f64)>,
    /// values | change | share.
    pub mode: Mode,
    /// Options that could not be read (a field of the wrong type), shown in place.
    pub invalid: Option<Error>,
}

impl Options {
    /// Whether the page handed in its own dataset (text or object) instead of a chart id.
    pub fn has_data(&self) -> bool {
        self.data.is_some() || self.data_object.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    Light,
    Dark,
    #[default]
    Auto,
}

/// The options as a page writes them. `data` and `height` stay JavaScript values: `data` is
/// measured before it is copied (a document over the size limit must not grow wasm memory) and
/// may be an object with typed-array columns; `height` may be a number or a CSS length.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Written {
    chart: Option<String>,
    theme: Option<String>,
    lang: Option<String>,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    height: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    data: JsValue,
    src: Option<String>,
    error: Option<String>,
    hidden: Option<String>,
    range: Option<String>,
    view: Option<String>,
}

/// Reads `o` (undefined or null: all defaults).
pub fn read(o: &JsValue) -> Result<Options> {
    let w: Written = if o.is_undefined() || o.is_null() {
        Written::default()
    } else {
        serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(o.clone())).map_err(|e| {
            // A JavaScript error writes itself as `Error: …`.
            let problem = e.inner().to_string();
            let problem = problem.strip_prefix("Error: ").unwrap_or(&problem).to_string();
            Error::Option { name: e.path().to_string(), problem }
        })?
    };
    let theme = match w.theme.as_deref().map(str::trim) {
        Some("light") => ThemeChoice::Light,
        Some("dark") => ThemeChoice::Dark,
        _ => ThemeChoice::Auto,
    };
    let height = w
        .height
        .as_f64()
        .or_else(|| {
            let s = w.height.as_string()?;
            let mut s = s.trim();
            while let Some(rest) = s.strip_suffix("px") {
                s = rest;
            }
            s.trim().parse().ok()
        })
        .filter(|h: &f64| h.is_finite() && *h >= 120.0 && *h <= 4000.0);
    let data_object = (w.data.is_object() && !w.data.is_string()).then(|| w.data.clone());
    let data = wasm_bindgen::JsCast::dyn_into::<js_sys::JsString>(w.data).ok();
    let (data, data_too_large) = match data {
        Some(s) if s.length() as usize > crate::data::MAX_DOCUMENT_BYTES => (None, Some(s.length() as usize)),
        Some(s) => (Some(String::from(s)), None),
        None => (None, None),
    };
    let year = |s: &str| s.trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v > 1000.0 && *v < 3000.0);
    Ok(Options {
        chart: w.chart.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
        theme,
        height,
        data,
        data_too_large,
        data_object,
        src: w.src,
        error: w.error,
        locale: w.lang.map_or(Locale::En, |l| Locale::parse(&l)),
        hidden: w
            .hidden
            .map(|h| h.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).take(64).collect())
            .unwrap_or_default(),
        range: w.range.and_then(|r| {
            let (a, b) = r.split_once(',')?;
            let (a, b) = (year(a)?, year(b)?);
            (b > a).then_some((a, b))
        }),
        mode: w.view.map_or(Mode::Values, |v| Mode::parse(&v)),
        invalid: None,
    })
}

/// [`read`], with invalid options becoming the error the widget shows in place.
pub fn read_or_error(o: &JsValue) -> Options {
    read(o).unwrap_or_else(|e| Options { invalid: Some(e), ..Options::default() })
}
