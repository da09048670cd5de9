//! The browser side of the warm-up (`chart::warm`): one round per call of `warm()`, which the
//! loader makes a few times in idle time after the module is instantiated. A round also reads a
//! small columnar dataset object and a small JSON document, so the `data` paths of `mount()` are
//! compiled too. Drawing goes to a detached 8×8 canvas that is never shown.

use super::best_effort;
use crate::chart::{warm, Frame};
use crate::data::{parse_dataset, Dataset};
use crate::render::Theme;
use js_sys::{Array, Float64Array, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static CANVAS: RefCell<Option<web_sys::HtmlCanvasElement>> = const { RefCell::new(None) };
}

fn canvas() -> Option<web_sys::HtmlCanvasElement> {
    CANVAS.with(|c| {
        if c.borrow().is_none() {
            let made = web_sys::window()?.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
            *c.borrow_mut() = Some(made);
        }
        c.borrow().clone()
    })
}

fn set(o: &JsValue, k: &str, v: &JsValue) {
    best_effort(Reflect::set(o, &JsValue::from_str(k), v));
}

/// The first `n` points of `ds` as a dataset object with columnar series.
fn columnar(ds: &Dataset, n: usize) -> JsValue {
    let doc: JsValue = Object::new().into();
    for (k, v) in [("id", "warm-up"), ("title", "Warm-up"), ("domain", "economic"), ("unit", "ideal_point")] {
        set(&doc, k, &v.into());
    }
    set(&doc, "frequency", &"daily".into());
    set(&doc, "description", &"Synthetic warm-up data, never shown.".into());
    let source: JsValue = Object::new().into();
    for k in ["id", "title", "publisher", "licence", "coverage", "retrieved"] {
        set(&source, k, &"warm".into());
    }
    set(&doc, "sources", &Array::of1(&source));
    let series = Array::new();
    // One period array for every series, as a page with big data passes it (the shared path).
    let first = &ds.series[0].points;
    let periods: Array = first.iter().take(n).map(|p| JsValue::from_str(p.period)).collect();
    for s in &ds.series {
        let o: JsValue = Object::new().into();
        set(&o, "id", &s.id.as_str().into());
        set(&o, "label", &s.label.as_str().into());
        let cols: JsValue = Object::new().into();
        set(&cols, "period", &periods);
        let values: Vec<f64> = s.points.values().iter().take(n).copied().collect();
        set(&cols, "value", &Float64Array::from(&values[..]));
        set(&cols, "source", &"warm".into());
        set(&o, "columns", &cols);
        series.push(&o);
    }
    set(&doc, "series", &series);
    doc
}

/// Mounts a widget with `ds` (as columns) on an element that is not in the document, then removes
/// it: the widget's own code (shadow tree, options, layout and drawing through it, teardown) runs
/// once before a reader's first chart instead of during it. Measured on a 166,650-point chart,
/// that first run cost about 10 ms more than later ones, in functions the other rounds never call.
fn widget(ds: &Dataset) -> crate::error::Result<()> {
    let js = |_| crate::error::Error::Browser("warm-up: no element".into());
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| crate::error::Error::Browser("no document for the warm-up".into()))?;
    let host: web_sys::HtmlElement = document.create_element("div").map_err(js)?.unchecked_into();
    let options: JsValue = Object::new().into();
    set(&options, "data", &columnar(ds, warm::POINTS));
    set(&options, "height", &JsValue::from_f64(400.0));
    set(&options, "theme", &"light".into());
    let mut handle = super::widget::mount(host, &options)?;
    handle.set_cursor(Some(2001.5));
    handle.destroy();
    Ok(())
}

/// The first `n` points of the first series of `ds` as JSON text in the public schema.
fn json(ds: &Dataset, n: usize) -> String {
    let points: Vec<String> = ds.series[0]
        .points
        .iter()
        .take(n)
        .map(|p| format!(r#"{{"period":"{}","value":{},"source":"warm"}}"#, p.period, p.value))
        .collect();
    format!(
        r#"{{"id":"warm-up","title":"Warm-up","domain":"economic","unit":"ideal_point","frequency":"daily","description":"d","sources":[{{"id":"warm","title":"w","publisher":"w","licence":"CC0","coverage":"c","retrieved":"r"}}],"series":[{{"id":"s","label":"S","points":[{}]}}]}}"#,
        points.join(",")
    )
}

thread_local! {
    /// Rounds run so far on this page.
    static ROUNDS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// One warm-up round. Errors are returned, not shown: nothing on the page depends on it.
///
/// The first six rounds each run one part of the path (the columnar read, the JSON reader,
/// layout, drawing, hover, a whole widget), so that no single round compiles everything at once:
/// measured, a first round that ran the whole path was a 44–58 ms task on an idle page. Later
/// rounds run all.
pub fn round() -> crate::error::Result<usize> {
    let n = ROUNDS.with(|r| {
        let n = r.get();
        r.set(n.saturating_add(1));
        n
    });
    let ds = warm::synthetic(warm::POINTS);
    if n == 0 || n >= 5 {
        super::columns::read(&columnar(&ds, warm::POINTS), "warm-up")?;
    }
    if n == 1 || n >= 5 {
        parse_dataset(&json(&ds, 300), "warm-up")?;
    }
    if n >= 5 {
        widget(&ds)?;
    }
    let upto = match n {
        0 | 1 | 5 => return Ok(0),
        2 => warm::Upto::Layout,
        3 => warm::Upto::Draw,
        _ => warm::Upto::Hover,
    };
    let canvas = canvas().ok_or_else(|| crate::error::Error::Browser("no canvas for the warm-up".into()))?;
    let mut surface = super::CanvasSurface::new(&canvas)?;
    let frame = Frame {
        width: 640.0,
        height: 400.0,
        theme: Theme::light(),
        measure: super::canvas_measure(1.0),
        x_range: None,
        locale: Default::default(),
    };
    warm::exercise(&ds, &frame, &mut surface, upto)
}
