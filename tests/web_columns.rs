#![cfg(target_arch = "wasm32")]
//! Browser tests of the columnar data path of `mount()` (`src/web/columns.rs`): a dataset object
//! whose series give `columns` draws exactly the pixels of the same dataset as JSON text, and the
//! columns obey the same validation (a NaN in a Float64Array, ragged columns, unknown columns, a
//! series with both points and columns) with the message shown in place.

use js_sys::{Array, Float64Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = include_str!("../data/unga-agreement.json");

fn host() -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    el.style().set_property("width", "640px").unwrap();
    el.style().set_property("display", "block").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn set(o: &JsValue, k: &str, v: &JsValue) {
    Reflect::set(o, &k.into(), v).unwrap();
}

fn mount(h: &HtmlElement, data: &JsValue) -> dragonbear::web::Handle {
    let o: JsValue = Object::new().into();
    set(&o, "data", data);
    set(&o, "theme", &"light".into());
    set(&o, "height", &JsValue::from_f64(420.0));
    dragonbear::web::mount(h.clone(), o).unwrap()
}

/// The bundled unga-agreement document as an object, each series' points turned into columns.
fn columnar() -> JsValue {
    let ds = dragonbear::data::parse_dataset(TEXT, "t").unwrap();
    let doc = JSON::parse(TEXT).unwrap();
    let series = Array::new();
    for s in &ds.series {
        let o: JsValue = Object::new().into();
        set(&o, "id", &s.id.as_str().into());
        set(&o, "label", &s.label.as_str().into());
        if let Some(n) = &s.note {
            set(&o, "note", &n.as_str().into());
        }
        let cols: JsValue = Object::new().into();
        let periods: Array = s.points.iter().map(|p| JsValue::from_str(p.period)).collect();
        let values: Vec<f64> = s.points.iter().map(|p| p.value).collect();
        let sources: Array = s.points.iter().map(|p| JsValue::from_str(p.source)).collect();
        set(&cols, "period", &periods);
        set(&cols, "value", &Float64Array::from(&values[..]));
        set(&cols, "source", &sources);
        set(&o, "columns", &cols);
        series.push(&o);
    }
    set(&doc, "series", &series);
    doc
}

fn pixels(h: &HtmlElement) -> Vec<u8> {
    let c: HtmlCanvasElement =
        h.shadow_root().unwrap().query_selector("canvas.base").unwrap().unwrap().dyn_into().unwrap();
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(0.0, 0.0, c.width() as f64, c.height() as f64).unwrap().data().0
}

fn alert(h: &HtmlElement) -> String {
    assert_eq!(h.get_attribute("data-state").as_deref(), Some("error"));
    h.shadow_root().unwrap().query_selector("[role=alert]").unwrap().unwrap().text_content().unwrap()
}

#[wasm_bindgen_test]
fn columns_draw_the_same_pixels_as_the_json_text() {
    let (a, b) = (host(), host());
    let mut ha = mount(&a, &TEXT.into());
    let mut hb = mount(&b, &columnar());
    assert_eq!(a.get_attribute("data-state").as_deref(), Some("ready"));
    assert_eq!(b.get_attribute("data-state").as_deref(), Some("ready"));
    let (pa, pb) = (pixels(&a), pixels(&b));
    assert!(pa.len() > 100_000);
    let inked = pa.chunks(4).filter(|p| p[..3] != [255, 255, 255]).count();
    assert!(inked > 5_000, "the chart is drawn ({inked} non-white pixels)");
    assert!(pa == pb, "the columnar dataset draws different pixels from the JSON text");
    ha.destroy();
    hb.destroy();
    a.remove();
    b.remove();
}

/// Breaks one thing in a columnar document.
type Breaker = Box<dyn Fn(&JsValue)>;

#[wasm_bindgen_test]
fn columns_go_through_the_same_validation() {
    let cases: Vec<(Breaker, &str)> = vec![
        (
            Box::new(|doc| {
                let s = Array::from(&Reflect::get(doc, &"series".into()).unwrap()).get(0);
                let v: Float64Array = Reflect::get(&Reflect::get(&s, &"columns".into()).unwrap(), &"value".into())
                    .unwrap()
                    .dyn_into()
                    .unwrap();
                v.set_index(3, f64::NAN);
            }),
            "series \"china-russia\", point 4 (period \"1974\"): the value is not a finite number",
        ),
        (
            Box::new(|doc| {
                let s = Array::from(&Reflect::get(doc, &"series".into()).unwrap()).get(1);
                let cols = Reflect::get(&s, &"columns".into()).unwrap();
                set(&cols, "period", &Array::of2(&"1971".into(), &"1972".into()));
            }),
            "columns.period has 2 entries, columns.value 53",
        ),
        (
            Box::new(|doc| {
                let s = Array::from(&Reflect::get(doc, &"series".into()).unwrap()).get(0);
                set(&Reflect::get(&s, &"columns".into()).unwrap(), "colour", &"red".into());
            }),
            "unknown column \"colour\", expected period, value, source",
        ),
        (
            Box::new(|doc| {
                let s = Array::from(&Reflect::get(doc, &"series".into()).unwrap()).get(0);
                let labels: Array =
                    (0..53).map(|i| if i == 5 { JsValue::from_f64(1.0) } else { JsValue::NULL }).collect();
                set(&Reflect::get(&s, &"columns".into()).unwrap(), "label", &labels);
            }),
            "series \"china-russia\": columns.label[5] is not a string or null",
        ),
        (
            Box::new(|doc| {
                let s = Array::from(&Reflect::get(doc, &"series".into()).unwrap()).get(0);
                set(&s, "points", &Array::new());
            }),
            "a series gives both \"points\" and \"columns\"",
        ),
        (
            Box::new(|doc| {
                let s = Array::from(&Reflect::get(doc, &"series".into()).unwrap()).get(2);
                set(&Reflect::get(&s, &"columns".into()).unwrap(), "source", &"<b>nope</b>".into());
            }),
            "unknown source id \"<b>nope</b>\"",
        ),
        (
            // Not ASCII (Cyrillic, and an emoji of two UTF-16 units): the text arrives intact.
            Box::new(|doc| {
                let s = Array::from(&Reflect::get(doc, &"series".into()).unwrap()).get(1);
                let sources: Array = (0..53)
                    .map(|i| JsValue::from_str(if i == 9 { "Росстат 📈" } else { "voeten-idealpoints" }))
                    .collect();
                set(&Reflect::get(&s, &"columns".into()).unwrap(), "source", &sources);
            }),
            "point 10 (period \"1980\"): unknown source id \"Росстат 📈\"",
        ),
    ];
    for (break_it, want) in cases {
        let doc = columnar();
        break_it(&doc);
        let h = host();
        let mut handle = mount(&h, &doc);
        let text = alert(&h);
        assert!(text.contains(want), "{text}\n  should contain: {want}");
        assert!(h.shadow_root().unwrap().query_selector("b").unwrap().is_none(), "no HTML from the data");
        handle.destroy();
        h.remove();
    }
}

#[wasm_bindgen_test]
fn warm_up_runs_its_rounds_and_leaves_nothing_on_the_page() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let before = doc.body().unwrap().inner_html();
    // The first six rounds run a part of the path each (the sixth mounts and removes a whole
    // widget on an element outside the page), the seventh all of it.
    for _ in 0..7 {
        assert!(dragonbear::web::warm(), "a warm-up round runs its part of the path without an error");
    }
    assert_eq!(doc.body().unwrap().inner_html(), before, "the warm-up adds nothing to the page");
    // Its widget is removed with everything it held: more rounds do not grow memory.
    let memory = dragonbear::web::memory_bytes();
    for _ in 0..8 {
        assert!(dragonbear::web::warm());
    }
    assert_eq!(dragonbear::web::memory_bytes(), memory, "rounds after the first ones leave memory as it was");
    // A chart mounted after the warm-up draws what it draws without it.
    let (a, b) = (host(), host());
    let mut ha = mount(&a, &TEXT.into());
    dragonbear::web::warm();
    let mut hb = mount(&b, &TEXT.into());
    assert!(pixels(&a) == pixels(&b));
    ha.destroy();
    hb.destroy();
    a.remove();
    b.remove();
}
