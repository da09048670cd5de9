#![cfg(target_arch = "wasm32")]
//! The structured values that cross the JS boundary through serde-wasm-bindgen: `charts()` as
//! `ChartInfo` objects, mount options of the wrong type as a message in place, a dataset object
//! read into the same schema types as a JSON document (with the path of a bad value), and the
//! detail of `dragonbear-state`.

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    el.style().set_property("width", "600px").unwrap();
    el.style().set_property("display", "block").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// Hands a bundled dataset to the wasm as the loader does (the wasm compiles in no data): the
/// file in data/, compacted to one line as `dragonbear bundle` writes it (a JSON array of lines).
fn add_data(pretty: &str) {
    let doc: serde_json::Value = serde_json::from_str(pretty).unwrap();
    dragonbear::web::add_data(&format!("[\n{}\n]\n", serde_json::to_string(&doc).unwrap()), None).unwrap();
}

fn parse(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn alert(h: &HtmlElement) -> String {
    h.shadow_root().unwrap().query_selector("[role=alert]").unwrap().unwrap().text_content().unwrap()
}

fn done(mut handle: dragonbear::web::Handle, h: &HtmlElement) {
    handle.destroy();
    h.remove();
}

#[wasm_bindgen_test]
fn charts_are_chart_info_objects_with_the_registry_values() {
    use dragonbear::model::locale::Locale;
    for (lang, locale) in [(None, Locale::En), (Some("fr"), Locale::Fr), (Some("de"), Locale::De)] {
        let list: Array = dragonbear::web::charts(lang.map(str::to_string)).unwrap().dyn_into().unwrap();
        let native = dragonbear::chart::list(locale).unwrap();
        assert_eq!(list.length() as usize, native.len());
        for (js, info) in list.iter().zip(&native) {
            let get = |k: &str| Reflect::get(&js, &k.into()).unwrap().as_string().unwrap();
            assert_eq!(get("id"), info.id);
            assert_eq!(get("title"), info.title);
            assert_eq!(get("domain"), info.domain.as_str());
            assert_eq!(get("description"), info.description);
            assert_eq!(Object::keys(js.unchecked_ref::<Object>()).length(), 4);
        }
    }
    // charts("fr") gives the French titles: the registry's, in the dataset's French.
    let fr: Array = dragonbear::web::charts(Some("fr".into())).unwrap().dyn_into().unwrap();
    let title = Reflect::get(&fr.get(0), &"title".into()).unwrap().as_string().unwrap();
    let en = &dragonbear::chart::list(Locale::En).unwrap()[0].title;
    assert_ne!(&title, en, "the French title differs from the English");
}

#[wasm_bindgen_test]
fn an_option_of_the_wrong_type_is_named_in_place() {
    let h = host();
    let handle = dragonbear::web::mount(h.clone(), parse(r#"{"chart": 5}"#)).unwrap();
    assert_eq!(h.get_attribute("data-state").as_deref(), Some("error"));
    let text = alert(&h);
    assert!(text.contains("Invalid option \"chart\": invalid type: floating point `5"), "{text}");
    assert!(text.ends_with("expected a string"), "{text}");
    done(handle, &h);
}

#[wasm_bindgen_test]
fn a_dataset_object_reads_like_a_document_and_names_the_bad_value() {
    let doc = |value: &str| {
        format!(
            r#"{{"data": {{"id":"o","title":"T","domain":"economic","unit":"usd_bn","frequency":"annual","description":"d",
            "sources":[{{"id":"s","title":"S","publisher":"P","licence":"CC0","coverage":"all","retrieved":"2026-11"}}],
            "series":[{{"id":"a","label":"A","points":[{{"period":"2000","value":1,"source":"s"}},{{"period":"2001","value":{value},"source":"s"}}]}}]}}}}"#
        )
    };
    let h = host();
    let handle = dragonbear::web::mount(h.clone(), parse(&doc("2.5"))).unwrap();
    assert_eq!(h.get_attribute("data-state").as_deref(), Some("ready"));
    done(handle, &h);

    let h = host();
    let handle = dragonbear::web::mount(h.clone(), parse(&doc(r#""NaN""#))).unwrap();
    assert_eq!(h.get_attribute("data-state").as_deref(), Some("error"));
    let text = alert(&h);
    assert!(text.contains("series[0].points[1].value: invalid type: string \"NaN\", expected f64"), "{text}");
    done(handle, &h);
}

#[wasm_bindgen_test]
fn the_state_event_detail_is_a_plain_object() {
    let h = host();
    let detail = std::rc::Rc::new(std::cell::RefCell::new(JsValue::UNDEFINED));
    let seen = detail.clone();
    let cb = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
        *seen.borrow_mut() = e.detail();
    });
    h.add_event_listener_with_callback("dragonbear-state", cb.as_ref().unchecked_ref()).unwrap();
    add_data(include_str!("../data/trade-annual.json"));
    let handle = dragonbear::web::mount(h.clone(), parse(r#"{"chart": "trade-annual", "theme": "light"}"#)).unwrap();
    assert_eq!(h.get_attribute("data-state").as_deref(), Some("ready"));
    // The "Change" view button dispatches a state event.
    let root = h.shadow_root().unwrap();
    let buttons = root.query_selector_all("button[aria-pressed]").unwrap();
    let change: HtmlElement = buttons.item(1).unwrap().dyn_into().unwrap();
    change.click();
    let d = detail.borrow().clone();
    assert_eq!(JSON::stringify(&d).unwrap().as_string().unwrap(), r#"{"hidden":[],"range":null,"view":"change"}"#);
    drop(cb);
    done(handle, &h);
}

#[wasm_bindgen_test]
fn errors_leave_the_wasm_as_js_errors_with_the_message() {
    add_data(include_str!("../data/trade-annual.json"));
    let h = host();
    let mut handle = dragonbear::web::mount(h.clone(), parse(r#"{"chart": "trade-annual"}"#)).unwrap();
    handle.destroy();
    let e = handle.update(parse(r#"{"chart": "trade-shares"}"#)).unwrap_err();
    let e: js_sys::Error = e.dyn_into().expect("a JS Error, not a bare string");
    assert_eq!(String::from(e.message()), "Invalid option \"update\": this chart was destroyed");
    h.remove();
}
