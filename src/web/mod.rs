//! Web layer: the only code that touches `web-sys`. It turns the pure chart/interact layers into a
//! widget in a shadow root: canvases sized to CSS px × devicePixelRatio, a DOM tooltip, events,
//! resize and theme observers, and the JS API (`charts()`, `mount()`, `version()`).

mod dom;
mod download;
mod listener;
mod options;
mod panels;
mod widget;

use serde::Serialize;
use wasm_bindgen::prelude::*;

pub use widget::Handle;

use crate::render::{Heuristic, Measure};
use std::rc::Rc;

/// Measures text with a detached canvas's `measureText`, in the same font string plotters-canvas
/// draws with (`normal|bold SIZEpx sans-serif`). No DOM insertion, no inline style: CSP-safe.
struct CanvasMeasure(web_sys::CanvasRenderingContext2d);

impl Measure for CanvasMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        // Measured at 10× and scaled back, matching how text is drawn at DPR > 1.
        self.0.set_font(&format!("{} {}px sans-serif", if bold { "bold" } else { "normal" }, size * 10.0));
        self.0.measure_text(text).map_or_else(|_| Heuristic.width(text, size, bold), |m| m.width() / 10.0)
    }
}

thread_local! {
    static MEASURE: Option<Rc<dyn Measure>> = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlCanvasElement>(c).ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| wasm_bindgen::JsCast::dyn_into::<web_sys::CanvasRenderingContext2d>(c).ok())
        .map(|c| Rc::new(CanvasMeasure(c)) as Rc<dyn Measure>);
}

/// The text measure charts use in the browser (falls back to an estimate without a canvas).
pub fn canvas_measure() -> Rc<dyn Measure> {
    MEASURE.with(|m| m.clone()).unwrap_or_else(|| Rc::new(Heuristic))
}

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
