#![cfg(target_arch = "wasm32")]
//! Browser tests (`wasm-pack test --headless --chrome`): mount the widget into a real page and read
//! the canvas back — the series colour where the model says a point is, the backing store scaled
//! by devicePixelRatio, and an error shown in place for an unknown chart id.

use dragonbear::chart::{self, AnyChart, Frame};
use dragonbear::render::Theme;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn host(width: u32) -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    el.style().set_property("width", &format!("{width}px")).unwrap();
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

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &(*k).into(), &(*v).into()).unwrap();
    }
    o.into()
}

fn canvas(host: &HtmlElement, class: &str) -> HtmlCanvasElement {
    host.shadow_root().unwrap().query_selector(&format!("canvas.{class}")).unwrap().unwrap().dyn_into().unwrap()
}

fn set_dpr(v: f64) {
    let desc = js_sys::Object::new();
    js_sys::Reflect::set(&desc, &"value".into(), &v.into()).unwrap();
    js_sys::Reflect::set(&desc, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(&web_sys::window().unwrap(), &"devicePixelRatio".into(), &desc);
}

/// The colour nearest to `rgb` within a (2r+1)² square around a device pixel, as a distance.
fn nearest_colour_distance(c: &HtmlCanvasElement, x: f64, y: f64, r: i32, rgb: (u8, u8, u8)) -> i32 {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let size = (2 * r + 1) as f64;
    let data = ctx.get_image_data(x.round() - r as f64, y.round() - r as f64, size, size).unwrap().data().0;
    data.chunks(4)
        .map(|p| {
            (p[0] as i32 - rgb.0 as i32).abs() + (p[1] as i32 - rgb.1 as i32).abs() + (p[2] as i32 - rgb.2 as i32).abs()
        })
        .min()
        .unwrap()
}

#[wasm_bindgen_test]
fn series_pixels_are_drawn_where_the_model_puts_them_at_dpr_1_and_2() {
    add_data(include_str!("../data/unga-agreement.json"));
    for dpr in [1.0, 2.0] {
        set_dpr(dpr);
        let h = host(700);
        let handle =
            dragonbear::web::mount(h.clone(), options(&[("chart", "unga-agreement"), ("theme", "light")])).unwrap();
        assert_eq!(h.get_attribute("data-state").as_deref(), Some("ready"));
        let base = canvas(&h, "base");
        let css_w = base.client_width() as f64;
        assert_eq!(css_w, 700.0);
        assert_eq!(base.width() as f64, (700.0 * dpr).round(), "backing store = CSS width × DPR");
        let css_h = base.client_height() as f64;
        assert_eq!(base.height() as f64, (css_h * dpr).round(), "backing store = CSS height × DPR");

        // The same geometry, computed natively: where must the 1991 China–Russia point be?
        let spec = chart::spec("unga-agreement").unwrap();
        let ds = chart::dataset_for("unga-agreement").unwrap();
        let c = AnyChart::build(
            spec.kind,
            &ds,
            &Frame {
                width: css_w,
                height: css_h,
                theme: Theme::light(),
                measure: dragonbear::web::canvas_measure(dpr),
                x_range: None,
                locale: Default::default(),
            },
            &vec![false; ds.series.len()],
        );
        let AnyChart::Line(line) = &c else { panic!("a line chart") };
        let i = ds.series[0].points.iter().position(|p| p.period == "1991").unwrap();
        let (x, y) = line.point_px(0, i).unwrap();
        let vermillion = Theme::light().series_color(0);
        let d = nearest_colour_distance(&base, x * dpr, y * dpr, 1, vermillion);
        assert!(d < 40, "China–Russia line (#d55e00) at its 1991 point at DPR {dpr}, nearest colour distance {d}");
        // A point in the empty top-right of the plot is background white.
        let (_, y0, x1, _) = line.plot_rect();
        let ctx: CanvasRenderingContext2d = base.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        let px =
            ctx.get_image_data(((x1 - 30.0) * dpr).round(), ((y0 + 12.0) * dpr).round(), 1.0, 1.0).unwrap().data().0;
        assert_eq!(&px[..3], &[255, 255, 255], "plot background");
        handle_destroy(handle, &h);
    }
    set_dpr(1.0);
}

fn handle_destroy(mut handle: dragonbear::web::Handle, h: &HtmlElement) {
    handle.destroy();
    assert_eq!(h.shadow_root().unwrap().child_element_count(), 0, "destroy empties the shadow root");
    h.remove();
}

#[wasm_bindgen_test]
fn dark_theme_paints_a_dark_background() {
    add_data(include_str!("../data/unga-agreement.json"));
    let h = host(500);
    let handle = dragonbear::web::mount(h.clone(), options(&[("chart", "unga-agreement"), ("theme", "dark")])).unwrap();
    let base = canvas(&h, "base");
    let ctx: CanvasRenderingContext2d = base.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let px = ctx.get_image_data(2.0, 2.0, 1.0, 1.0).unwrap().data().0;
    let bg = Theme::dark().background;
    assert_eq!(&px[..3], &[bg.0, bg.1, bg.2]);
    handle_destroy(handle, &h);
}

/// The widget's next outcome on `host`: the type of its next `dragonbear-ready` or
/// `dragonbear-error` event (what a page listens for), or "timeout" after 5 s.
async fn next_outcome(host: &HtmlElement) -> String {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        for kind in ["dragonbear-ready", "dragonbear-error"] {
            host.add_event_listener_with_callback(kind, &resolve).unwrap();
        }
        let window = web_sys::window().unwrap();
        window.set_timeout_with_callback_and_timeout_and_arguments_1(&resolve, 5000, &"timeout".into()).unwrap();
    });
    let got = wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
    got.dyn_ref::<web_sys::Event>().map_or_else(|| got.as_string().unwrap_or_default(), |e| e.type_())
}

/// Mounting a bundled chart whose data was not handed in makes the widget fetch `data/<id>.json`
/// from beside the glue: it says Loading… at once, and the test server has no such file, so the
/// failure (with the URL and the HTTP status) is then shown in place.
#[wasm_bindgen_test]
async fn a_chart_whose_data_was_not_added_is_fetched_and_a_failed_fetch_is_said_in_place() {
    let h = host(600);
    let handle = dragonbear::web::mount(h.clone(), options(&[("chart", "chpl-tiers")])).unwrap();
    assert_eq!(h.get_attribute("data-state").as_deref(), Some("loading"));
    let stage = h.shadow_root().unwrap().query_selector(".stage").unwrap().unwrap();
    assert_eq!(stage.get_attribute("data-loading").as_deref(), Some("Loading…"));
    assert_eq!(next_outcome(&h).await, "dragonbear-error");
    assert_eq!(h.get_attribute("data-state").as_deref(), Some("error"));
    let text = h.shadow_root().unwrap().query_selector("[role=alert]").unwrap().unwrap().text_content().unwrap();
    assert!(text.contains("the data of chart \"chpl-tiers\" could not be loaded from http"), "{text}");
    assert!(text.contains("data/chpl-tiers.json"), "{text}");
    assert!(text.contains("HTTP 404"), "{text}");
    assert_eq!(stage.get_attribute("data-loading"), None, "the loading text goes with the error");
    handle_destroy(handle, &h);
}

#[wasm_bindgen_test]
fn unknown_chart_shows_a_readable_error_in_place() {
    let h = host(500);
    let handle = dragonbear::web::mount(h.clone(), options(&[("chart", "no-such-chart")])).unwrap();
    assert_eq!(h.get_attribute("data-state").as_deref(), Some("error"));
    let err = h.shadow_root().unwrap().query_selector("[role=alert]").unwrap().unwrap();
    let text = err.text_content().unwrap();
    assert!(text.contains("Unknown chart \"no-such-chart\""), "{text}");
    handle_destroy(handle, &h);
}

#[wasm_bindgen_test]
fn invalid_data_shows_the_validation_message_and_no_html_is_inserted() {
    let h = host(500);
    let data = r#"{"id":"x","title":"<img src=x onerror=alert(1)>","domain":"economic","unit":"share","frequency":"annual","description":"d","sources":[],"series":[]}"#;
    let handle = dragonbear::web::mount(h.clone(), options(&[("data", data), ("src", "bad.json")])).unwrap();
    assert_eq!(h.get_attribute("data-state").as_deref(), Some("error"));
    let root = h.shadow_root().unwrap();
    let text = root.query_selector("[role=alert]").unwrap().unwrap().text_content().unwrap();
    assert!(text.contains("Invalid data in dataset \"x\": no sources"), "{text}");
    assert!(root.query_selector("img").unwrap().is_none());
    handle_destroy(handle, &h);
}
