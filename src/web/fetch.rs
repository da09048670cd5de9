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

// The snippet sits in `pkg/snippets/<crate>-<hash>/`: the data files are in `pkg/data/`.
#[wasm_bindgen(inline_js = "export function fetch_beside_wasm(path, done) {
  const url = new URL('../../' + path, import.meta.url);
  fetch(url, { credentials: 'omit' })
    .then((r) => { if (!r.ok) throw new Error('the server answered HTTP ' + r.status); return r.text(); })
    .then((t) => done(t, url.href, null), (e) => done(null, url.href, String((e && e.message) || e)));
}")]
extern "C" {
    fn fetch_beside_wasm(path: &str, done: &JsValue);
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
        best_effort(w.host.set_attribute("data-state", "loading"));
    }
    let weak = Rc::downgrade(rc);
    let wanted = id.to_string();
    let done = Closure::once_into_js(move |text: JsValue, url: JsValue, problem: JsValue| {
        let Some(rc) = weak.upgrade() else { return };
        if rc.borrow().opts.chart.as_deref() != Some(wanted.as_str()) {
            return;
        }
        let url = url.as_string().unwrap_or_default();
        let added = match (text.as_string(), problem.as_string()) {
            (Some(text), _) => crate::data::add_bundled(&text, &url).map(drop),
            (None, problem) => Err(Error::Browser(format!(
                "the data of chart \"{wanted}\" could not be loaded from {url}: {}",
                problem.unwrap_or_default()
            ))),
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
    fetch_beside_wasm(&format!("data/{id}.json"), &done);
}
