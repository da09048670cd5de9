//! Web layer: the only code that touches `web-sys`. It turns the pure chart/interact layers into a
//! widget in a shadow root: canvases sized to CSS px × devicePixelRatio, a DOM tooltip, events,
//! resize and theme observers, and the JS API (`charts()`, `mount()`, `version()`).

mod canvas;
mod columns;
mod cursor;
mod dom;
mod download;
mod events;
mod fetch;
mod frame;
mod handle;
mod listener;
mod options;
mod panels;
mod warm;
mod widget;

use crate::error::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use canvas::CanvasSurface;
pub use handle::Handle;

use crate::render::{Heuristic, Measure};
use std::cell::Cell;
use std::rc::Rc;

/// Measures text with a detached canvas's `measureText`, in exactly the font string
/// [`CanvasSurface`] draws with (`normal|bold SIZEpx sans-serif` at the size × device pixel ratio
/// the painter uses), so a measured width is the drawn width, and the browser resolves each font
/// once for both. In a fresh page a font face's first use costs ≈ 1.5–5 ms (its lookup), each
/// further size ≈ 0.4 ms. No DOM insertion, no inline style: CSP-safe.
struct CanvasMeasure {
    ctx: web_sys::CanvasRenderingContext2d,
    /// The (device size, bold) the context's font is set to: layout measures many strings in a row
    /// at one size, so the font is only set when it changes.
    font: Cell<Option<(f64, bool)>>,
}

/// [`CanvasMeasure`] for one device pixel ratio.
struct ScaledMeasure {
    canvas: Rc<CanvasMeasure>,
    scale: f64,
}

impl Measure for ScaledMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let c = &self.canvas;
        let device = size * self.scale;
        if c.font.get() != Some((device, bold)) {
            c.font.set(Some((device, bold)));
            c.ctx.set_font(&font(device, bold));
        }
        c.ctx.measure_text(text).map_or_else(|_| Heuristic.width(text, size, bold), |m| m.width() / self.scale)
    }
}

/// The CSS font string plotters-canvas draws text with, `normal|bold SIZEpx sans-serif`.
fn font(size: f64, bold: bool) -> String {
    format!("{} {}px sans-serif", if bold { "bold" } else { "normal" }, size)
}

thread_local! {
    static MEASURE: Option<Rc<CanvasMeasure>> = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlCanvasElement>(c).ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| wasm_bindgen::JsCast::dyn_into::<web_sys::CanvasRenderingContext2d>(c).ok())
        .map(|ctx| Rc::new(CanvasMeasure { ctx, font: Cell::new(None) }));
}

/// The text measure charts use in the browser, for text drawn at `scale` device pixels per CSS
/// pixel (falls back to an estimate without a canvas).
pub fn canvas_measure(scale: f64) -> Rc<dyn Measure> {
    match MEASURE.with(|m| m.clone()) {
        Some(canvas) => Rc::new(ScaledMeasure { canvas, scale: if scale > 0.0 { scale } else { 1.0 } }),
        None => Rc::new(Heuristic),
    }
}

/// The one boundary between the crate's errors and JavaScript's. A crate [`Error`] leaves the wasm
/// as a JS `Error` with its message (exported functions return `Result<_, JsValue>` and use `?`);
/// a JS exception from a browser call enters as [`Error::Browser`] with its message, so DOM code
/// returns the crate's `Result` and uses `?` too.
impl From<Error> for JsValue {
    fn from(e: Error) -> JsValue {
        js_sys::Error::new(&e.to_string()).into()
    }
}

impl From<JsValue> for Error {
    fn from(e: JsValue) -> Error {
        Error::Browser(
            e.as_string()
                .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
                .unwrap_or_else(|| "unknown error".into()),
        )
    }
}

/// A DOM write whose failure a reader cannot notice and nobody can act on: an ARIA or state
/// attribute, a class, focus, pointer capture, an event to the page, a frame to cancel, a property
/// on an object this module just made. The browser refuses these only for a detached or closing
/// document, where nothing is shown anyway, and the next frame writes them again. Named, so that
/// every other failure in `src/web` is visibly returned or shown in place.
fn best_effort<T, E>(_: std::result::Result<T, E>) {}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Bytes of wasm linear memory now (for leak checks and the benchmark).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().map_or(0.0, |b| b.byte_length() as f64))
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A chart of the registry. */
export interface ChartInfo {
    id: string;
    title: string;
    domain: "economic" | "military" | "diplomatic";
    description: string;
}
/** Options of mount() and Handle.update(). */
export interface MountOptions {
    /** A chart id from charts(). */
    chart?: string;
    /** "light", "dark" or "auto" (default: follow the reader's system setting). */
    theme?: "light" | "dark" | "auto";
    /** Interface language: "en" (default), "fr" or "de". */
    lang?: string;
    /** Height in CSS pixels (120–4000); default: derived from the width. */
    height?: number | string;
    /** A dataset in the public schema (dataset.schema.json), drawn instead of `chart`: its JSON text,
     * or an object whose series may give `columns` instead of `points` (the fast path for big data):
     * `{period: string[], value: Float64Array | number[], source: string | string[],
     * label?: (string | null)[], note?: (string | null)[]}`, as in a JSON document's columns. */
    data?: string | object;
    /** Where `data` came from, named in error messages. */
    src?: string;
    /** Comma-separated series ids to start switched off. */
    hidden?: string;
    /** An error to show in place (e.g. a failed fetch). */
    error?: string;
}
"#;

/// One round of warm-up (see `chart::warm`): the loader calls it a few times while the page is
/// idle after loading, so that the first big chart runs on compiled code. Returns whether it ran.
#[wasm_bindgen]
pub fn warm() -> bool {
    warm::round().is_ok()
}

/// Every chart: `[{id, title, domain, description}]` (`ChartInfo[]`), in language `lang` (`en`,
/// the default, `fr` or `de`).
#[wasm_bindgen(unchecked_return_type = "ChartInfo[]")]
pub fn charts(lang: Option<String>) -> Result<JsValue, JsValue> {
    let locale = crate::model::locale::Locale::parse(lang.as_deref().unwrap_or("en"));
    Ok(to_js(&crate::chart::list(locale)?)?)
}

/// Hands in a bundled chart's data: the text of `pkg/data/CHART.json` (one dataset per line),
/// which the loader fetches beside the wasm while the wasm downloads. `src` (its address) is named
/// in error messages. The wasm compiles in no dataset, so `mount({chart})` draws only charts whose
/// data was added; the custom element (embed.js) does this itself.
#[wasm_bindgen(js_name = addData)]
pub fn add_data(text: &str, src: Option<String>) -> Result<(), JsValue> {
    crate::data::add_bundled(text, src.as_deref().unwrap_or("addData"))?;
    Ok(())
}

/// A serde value as a plain JavaScript value: objects, arrays, strings, numbers, `null` for `None`.
fn to_js<T: serde::Serialize>(value: &T) -> crate::error::Result<JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| Error::Browser(e.to_string()))
}

/// Mounts a chart into `element` (its shadow root). `options`: `{chart, theme, height, data, src}`,
/// where `data` is the text of a dataset in the public schema (fetched by the loader from `src`).
/// Problems with the options or the data are shown inside the element, not thrown.
#[wasm_bindgen]
pub fn mount(
    element: web_sys::HtmlElement,
    #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue,
) -> Result<Handle, JsValue> {
    Ok(widget::mount(element, &options)?)
}
