//! Reading the `mount()`/`update()` options object defensively: wrong types become defaults or a
//! clear error, never a panic.

use crate::data::decimal;
use crate::model::locale::Locale;
use crate::model::transform::Mode;
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

fn string(o: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(o, &JsValue::from_str(key)).ok()?.as_string()
}

pub fn read(o: &JsValue) -> Options {
    let theme = match string(o, "theme").as_deref().map(str::trim) {
        Some("light") => ThemeChoice::Light,
        Some("dark") => ThemeChoice::Dark,
        _ => ThemeChoice::Auto,
    };
    let height = js_sys::Reflect::get(o, &JsValue::from_str("height"))
        .ok()
        .and_then(|v| {
            v.as_f64().or_else(|| {
                v.as_string().and_then(|s| {
                    // `trim_end_matches("px")`, without the standard library's substring search.
                    let mut s = s.trim();
                    while let Some(rest) = s.strip_suffix("px") {
                        s = rest;
                    }
                    decimal::parse(s)
                })
            })
        })
        .filter(|h: &f64| h.is_finite() && *h >= 120.0 && *h <= 4000.0);
    // Measure `data` before copying it: a document over the limit must not grow wasm memory.
    let raw = js_sys::Reflect::get(o, &JsValue::from_str("data")).unwrap_or(JsValue::UNDEFINED);
    let data_object = (raw.is_object() && !raw.is_string()).then(|| raw.clone());
    let data = wasm_bindgen::JsCast::dyn_into::<js_sys::JsString>(raw).ok();
    let (data, data_too_large) = match data {
        Some(s) if s.length() as usize > crate::data::MAX_DOCUMENT_BYTES => (None, Some(s.length() as usize)),
        Some(s) => (Some(String::from(s)), None),
        None => (None, None),
    };
    Options {
        chart: string(o, "chart").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
        theme,
        height,
        data,
        data_too_large,
        data_object,
        src: string(o, "src"),
        error: string(o, "error"),
        locale: string(o, "lang").map_or(Locale::En, |l| Locale::parse(&l)),
        hidden: string(o, "hidden")
            .map(|h| h.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).take(64).collect())
            .unwrap_or_default(),
        range: string(o, "range").and_then(|r| {
            let (a, b) = r.split_once(',')?;
            let (a, b) = (decimal::parse(a.trim())?, decimal::parse(b.trim())?);
            (a.is_finite() && b.is_finite() && b > a && a > 1000.0 && b < 3000.0).then_some((a, b))
        }),
        mode: string(o, "view").map_or(Mode::Values, |v| Mode::parse(&v)),
    }
}
