//! A bundled chart's data file, fetched from beside the wasm when a page mounts the chart without
//! handing the file in first. The loader (`embed.js`) and `loadChart()` fetch it in parallel with
//! the wasm and hand it in before mounting; this keeps `mount(element, {chart})` on the bare module
//! working on its own, one request later.

use super::best_effort;
use super::options::Options;
use super::widget::{announce, Widget};
use crate::error::Error;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `import.meta` of the glue (`pkg/dragonbear.js`), where the data files' folder is found.
    /// Read in the glue itself rather than in an `inline_js` snippet: a snippet is a module the
    /// glue imports, one more request before the wasm can start (≈ 35 ms of a first paint here).
    type ImportMeta;
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
    /// A promise, for `then(resolve, reject)` with plain JS functions (from `once_into_js`).
    type Thenable;
    #[wasm_bindgen(method)]
    fn then(this: &Thenable, resolve: &JsValue, reject: &JsValue) -> Thenable;
}

/// Fetches `path` relative to the glue and calls `done` with the text, or with why not.
fn fetch_beside_wasm(path: &str, done: impl FnOnce(std::result::Result<String, String>, String) + 'static) {
    let url = IMPORT_META
        .with(|m| web_sys::Url::new_with_base(path, &m.url()))
        .map(|u| u.href())
        .unwrap_or_else(|_| path.to_string());
    let Some(window) = web_sys::window() else {
        return done(Err("no window".into()), url);
    };
    let shown = url.clone();
    let answered = Closure::once_into_js(move |response: JsValue| -> js_sys::Promise {
        let response: web_sys::Response = response.unchecked_into();
        if !response.ok() {
            return js_sys::Promise::reject(&format!("the server answered HTTP {}", response.status()).into());
        }
        response.text().unwrap_or_else(|e| js_sys::Promise::reject(&e))
    });
    let done = std::rc::Rc::new(RefCell::new(Some(done)));
    let (ok_done, failed_done, ok_url) = (done.clone(), done, shown.clone());
    let read = Closure::once_into_js(move |text: JsValue| {
        if let Some(done) = ok_done.borrow_mut().take() {
            done(text.as_string().ok_or_else(|| "the answer is not text".to_string()), ok_url);
        }
    });
    let failed = Closure::once_into_js(move |e: JsValue| {
        if let Some(done) = failed_done.borrow_mut().take() {
            done(Err(Error::from(e).to_string()), shown);
        }
    });
    let fetched: Thenable = window.fetch_with_str(&url).unchecked_into();
    fetched.then(&answered, &JsValue::UNDEFINED).then(&read, &failed);
}

/// The bundled chart whose data the options need and nobody has handed in yet.
pub(super) fn missing(opts: &Options) -> Option<String> {
    if opts.has_data() || opts.invalid.is_some() || opts.error.is_some() {
        return None;
    }
    let id = opts.chart.as_deref()?;
    let datasets = crate::chart::datasets_of(id).ok()?;
    datasets.iter().any(|d| !crate::data::is_loaded(d)).then(|| id.to_string())
}

/// Fetches chart `id`'s data file, hands it in and loads the widget again (if it still exists and
/// still shows that chart); a failed fetch is shown in place like any error.
pub(super) fn chart_data(rc: &Rc<RefCell<Widget>>, id: &str) {
    {
        let w = rc.borrow();
        super::dom::label_buttons(&w.dom, w.opts.locale);
        best_effort(super::dom::show_loading(&w.dom, w.measure().1, w.opts.locale));
        best_effort(w.host.set_attribute("data-state", "loading"));
    }
    let weak = Rc::downgrade(rc);
    let wanted = id.to_string();
    fetch_beside_wasm(&format!("data/{id}.json"), move |text, url| {
        let Some(rc) = weak.upgrade() else { return };
        if rc.borrow().opts.chart.as_deref() != Some(wanted.as_str()) {
            return;
        }
        let added = match text {
            Ok(text) => crate::data::add_bundled(&text, &url).map(drop),
            Err(problem) => {
                Err(Error::Browser(format!("the data of chart \"{wanted}\" could not be loaded from {url}: {problem}")))
            }
        };
        let outcome = match added {
            Ok(()) => rc.borrow_mut().reload(),
            Err(e) => {
                rc.borrow().fail(&e);
                Err(e)
            }
        };
        announce(&rc, outcome);
    });
}
