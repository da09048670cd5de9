//! Web layer: the only code that touches `web-sys`. It turns the pure chart/interact layers into a
//! widget in a shadow root: canvases sized to CSS px × devicePixelRatio, a DOM tooltip, events,
//! resize and theme observers, and the JS API (`charts()`, `mount()`, `version()`).

mod dom;
mod listener;
mod options;
mod widget;

use serde::Serialize;
use wasm_bindgen::prelude::*;

pub use widget::Handle;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

#[derive(Serialize)]
struct ChartEntry {
    id: String,
    title: String,
    domain: &'static str,
    description: String,
}

/// Every chart: `[{id, title, domain, description}]`.
#[wasm_bindgen]
pub fn charts() -> Result<JsValue, JsValue> {
    let list = crate::chart::list().map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    let entries: Vec<ChartEntry> = list
        .into_iter()
        .map(|c| ChartEntry { id: c.id, title: c.title, domain: c.domain.as_str(), description: c.description })
        .collect();
    serde_wasm_bindgen::to_value(&entries).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// Mounts a chart into `element` (its shadow root). `options`: `{chart, theme, height, data, src}`,
/// where `data` is the text of a dataset in the public schema (fetched by the loader from `src`).
/// Problems with the options or the data are shown inside the element, not thrown.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Result<Handle, JsValue> {
    widget::mount(element, &options).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}
