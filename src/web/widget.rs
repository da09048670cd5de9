//! One mounted chart: its DOM, the loaded dataset and laid-out chart, the reader's state, and the
//! observers and listeners it owns. Redraws are coalesced into one `requestAnimationFrame`; the
//! hover layer redraws without touching the base canvas (a line chart's hover marks are elements,
//! `cursor.rs`). Dropping the widget releases everything.

use super::best_effort;
use super::canvas::{CanvasSurface, Drawn};
use super::dom::{self, Dom};
use super::listener::Listener;
use super::options::{self, Options, ThemeChoice};
use super::{download, panels};
use crate::chart::{self, AnyChart, Frame, HoverMarks, Kind};
use crate::data::{parse_dataset, Dataset};
use crate::error::{Error, Result};
use crate::interact::{self, Input, Key, State};
use crate::model::clamp;
use crate::model::transform::{self, Mode};
use crate::render::{Painter, Theme};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CanvasRenderingContext2d, CustomEvent, CustomEventInit, HtmlCanvasElement, HtmlElement, MediaQueryList, MouseEvent,
    PointerEvent, ResizeObserver,
};

/// A widget event handler (a plain fn: closures are made by `install`).
type Handler = fn(&Rc<RefCell<Widget>>, web_sys::Event);
type ResizeCallback = Closure<dyn FnMut(js_sys::Array)>;

struct Loaded {
    ds: Dataset,
    /// What is drawn: `ds` in the reader's view (values, change, share).
    /// `None` in the values view: then `ds` itself is drawn (no copy of a big dataset).
    view: Option<Dataset>,
    kind: Kind,
    chart: Option<AnyChart>,
}

impl Loaded {
    /// The dataset as drawn in the reader's view.
    fn shown(&self) -> &Dataset {
        self.view.as_ref().unwrap_or(&self.ds)
    }
}

struct Widget {
    host: HtmlElement,
    dom: Dom,
    opts: Options,
    loaded: Option<Loaded>,
    state: State,
    /// CSS width, CSS height, device pixel ratio of the last layout.
    size: (f64, f64, f64),
    /// The host's width read before `mount()` filled its shadow tree ([`Dom::first_width`]), for
    /// the first layout: read after, it forces a style and layout of the whole new tree that the
    /// next frame does again. A host whose width depends on its content is corrected by the resize
    /// observer.
    first_width: Option<f64>,
    /// The chart's own height when the page sets none, for the width and hidden series it was
    /// found for (`chart::natural_height` lays the chart out a few times: once per width).
    natural: RefCell<Option<(f64, Vec<bool>, f64)>>,
    /// Whether the toolbar is in its phone form (`dom::set_compact`), once laid out.
    compact: Option<bool>,
    dark: bool,
    /// Values, change or share (charts that offer relative views).
    mode: Mode,
    relative: bool,
    dirty_base: bool,
    dirty_hover: bool,
    /// The CSS cursor last set on the hover canvas.
    cursor_style: &'static str,
    /// Where the hover layer holds a drawing (cleared before the next hover is drawn).
    hover_drawn: Drawn,
    /// Whether the hover canvas has a backing store of the chart's size. It gets one only when
    /// something is drawn on it (another chart kind's hover, a zoom drag, a linked-view mark): a
    /// line chart's hover marks are elements, and a full-size transparent canvas is memory and
    /// compositing work in every first frame for nothing.
    hover_sized: bool,
    raf: Option<i32>,
    raf_closure: Option<Closure<dyn FnMut()>>,
    listeners: Vec<Listener>,
    /// Active touch pointers `(id, x, y)`, for pinch zoom.
    pointers: Vec<(i32, f64, f64)>,
    resize: Option<(ResizeObserver, ResizeCallback)>,
    media: Option<MediaQueryList>,
}

/// What `mount()` returns: `update(options)` and `destroy()`.
#[wasm_bindgen]
pub struct Handle {
    inner: Option<Rc<RefCell<Widget>>>,
}

#[wasm_bindgen]
impl Handle {
    /// Applies new options (chart, theme, height, data) and redraws.
    pub fn update(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue,
    ) -> std::result::Result<(), JsValue> {
        let Some(rc) = &self.inner else {
            return Err(Error::Option { name: "update".into(), problem: "this chart was destroyed".into() }.into());
        };
        let opts = options::read_or_error(&options);
        let outcome = {
            let mut w = rc.borrow_mut();
            w.opts = opts;
            w.reload()
        };
        announce(rc, outcome);
        Ok(())
    }

    /// Removes the chart's DOM, listeners, observers and pending frame.
    pub fn destroy(&mut self) {
        if let Some(rc) = self.inner.take() {
            rc.borrow_mut().teardown();
        }
    }

    /// Marks a time (fractional year) on this chart's hover layer, or clears it with `null`:
    /// charts of one `group` share a time cursor.
    #[wasm_bindgen(js_name = setCursor)]
    pub fn set_cursor(&self, time: Option<f64>) {
        let Some(rc) = &self.inner else { return };
        {
            let mut w = rc.borrow_mut();
            if w.state.linked == time {
                return;
            }
            w.state.linked = time;
            w.dirty_hover = true;
        }
        schedule(rc);
    }

    /// Pixel column of a time on this chart, if it is a time chart and the time is drawn.
    #[wasm_bindgen(js_name = timePx)]
    pub fn time_px(&self, time: f64) -> Option<f64> {
        let w = self.inner.as_ref()?.borrow();
        w.loaded.as_ref()?.chart.as_ref()?.time_px(time)
    }

    /// Geometry for tests and tools: `{targets: [[x, y]…], legend: [[x, y]…], events: [[x, y]…]}`
    /// in CSS px relative to the chart's top-left corner (hover targets' anchors, a point inside
    /// each legend entry, each numbered event marker's badge).
    pub fn probe(&self) -> JsValue {
        let out = js_sys::Object::new();
        let Some(rc) = &self.inner else { return out.into() };
        let w = rc.borrow();
        let Some(chart) = w.loaded.as_ref().and_then(|l| l.chart.as_ref()) else { return out.into() };
        let pairs = |v: Vec<(f64, f64)>| {
            let a = js_sys::Array::new();
            for (x, y) in v {
                a.push(&js_sys::Array::of2(&x.into(), &y.into()));
            }
            a
        };
        best_effort(js_sys::Reflect::set(&out, &"targets".into(), &pairs(chart.targets())));
        best_effort(js_sys::Reflect::set(&out, &"legend".into(), &pairs(chart.legend_points(w.size.0, w.size.1))));
        let events = chart.event_hits().filter_map(|i| chart.anchor(i)).collect();
        best_effort(js_sys::Reflect::set(&out, &"events".into(), &pairs(events)));
        out.into()
    }

    /// The hover canvas pixel ratio and size, for tests: `[cssWidth, cssHeight, dpr]`.
    #[wasm_bindgen(js_name = layoutSize)]
    pub fn layout_size(&self) -> Vec<f64> {
        self.inner.as_ref().map_or(vec![], |rc| {
            let s = rc.borrow().size;
            vec![s.0, s.1, s.2]
        })
    }
}

/// The detail of a `dragonbear-state` event.
#[derive(serde::Serialize)]
struct StateDetail<'a> {
    hidden: Vec<&'a str>,
    range: Option<String>,
    view: &'static str,
}

/// The detail of `dragonbear-ready` / `dragonbear-error` (`message` only on error).
#[derive(serde::Serialize)]
struct OutcomeDetail {
    chart: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

pub fn mount(host: HtmlElement, options: &JsValue) -> Result<Handle> {
    let dom = dom::build(&host)?;
    let first_width = Some(dom.first_width).filter(|&w| w >= 1.0);
    let window = web_sys::window().ok_or_else(|| Error::Browser("no window".into()))?;
    let media = window.match_media("(prefers-color-scheme: dark)").ok().flatten();
    let rc = Rc::new(RefCell::new(Widget {
        host,
        dom,
        opts: options::read_or_error(options),
        loaded: None,
        state: State::default(),
        size: (0.0, 0.0, 1.0),
        first_width,
        natural: RefCell::new(None),
        compact: None,
        dark: false,
        mode: Mode::Values,
        relative: false,
        dirty_base: false,
        dirty_hover: false,
        cursor_style: "",
        hover_drawn: Drawn::Nothing,
        hover_sized: false,
        raf: None,
        raf_closure: None,
        listeners: Vec::new(),
        pointers: Vec::new(),
        resize: None,
        media,
    }));
    install(&rc)?;
    let outcome = rc.borrow_mut().reload();
    // Only mount's own first layout may use it: later ones measure the host as it is then.
    rc.borrow_mut().first_width = None;
    announce(&rc, outcome);
    Ok(Handle { inner: Some(rc) })
}

/// Sets `data-state` and dispatches `dragonbear-ready` / `dragonbear-error` (outside any borrow,
/// since listeners may call back into the handle).
fn announce(rc: &Rc<RefCell<Widget>>, outcome: Result<()>) {
    let (host, chart) = {
        let w = rc.borrow();
        (w.host.clone(), w.opts.chart.clone().unwrap_or_default())
    };
    let (state, kind) = if outcome.is_ok() { ("ready", "dragonbear-ready") } else { ("error", "dragonbear-error") };
    let detail =
        super::to_js(&OutcomeDetail { chart, message: outcome.err().map(|e| e.to_string()) }).unwrap_or(JsValue::NULL);
    best_effort(host.set_attribute("data-state", state));
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(kind, &init) {
        best_effort(host.dispatch_event(&ev));
    }
}

fn install(rc: &Rc<RefCell<Widget>>) -> Result<()> {
    let weak = Rc::downgrade(rc);
    let mut w = rc.borrow_mut();
    let target: web_sys::EventTarget = w.dom.hover.clone().into();
    let on = |weak: &Weak<RefCell<Widget>>, f: Handler| {
        let weak = weak.clone();
        move |e: web_sys::Event| {
            if let Some(rc) = weak.upgrade() {
                f(&rc, e);
            }
        }
    };
    let mut ls = Vec::new();
    ls.push(Listener::new(
        &target,
        "pointermove",
        on(&weak, |rc, e| {
            let Some(p) = e.dyn_ref::<PointerEvent>() else { return };
            let (x, y) = (p.offset_x() as f64, p.offset_y() as f64);
            if p.pointer_type() == "touch" {
                // Two fingers: pinch zoom around their midpoint.
                let pinch = {
                    let mut w = rc.borrow_mut();
                    let before = w.pointers.clone();
                    if let Some(q) = w.pointers.iter_mut().find(|q| q.0 == p.pointer_id()) {
                        q.1 = x;
                        q.2 = y;
                    }
                    crate::interact::pinch(&before, &w.pointers)
                };
                if let Some((mid, factor)) = pinch {
                    if (factor - 1.0).abs() > 0.01 {
                        input(rc, Input::Zoom { x: mid, factor });
                    }
                    return;
                }
            }
            input(rc, Input::PointerMove { x, y });
        }),
    ));
    ls.push(Listener::new(
        &target,
        "pointerdown",
        on(&weak, |rc, e| {
            let Some(p) = e.dyn_ref::<PointerEvent>() else { return };
            if p.pointer_type() == "touch" {
                let mut w = rc.borrow_mut();
                w.pointers.retain(|q| q.0 != p.pointer_id());
                w.pointers.push((p.pointer_id(), p.offset_x() as f64, p.offset_y() as f64));
                if w.pointers.len() > 1 {
                    return;
                }
            } else if p.button() != 0 {
                return;
            }
            best_effort(rc.borrow().dom.hover.set_pointer_capture(p.pointer_id()));
            input(rc, Input::PointerDown { x: p.offset_x() as f64, y: p.offset_y() as f64 });
        }),
    ));
    for kind in ["pointerup", "pointercancel"] {
        ls.push(Listener::new(
            &target,
            kind,
            on(&weak, |rc, e| {
                let Some(p) = e.dyn_ref::<PointerEvent>() else { return };
                rc.borrow_mut().pointers.retain(|q| q.0 != p.pointer_id());
                input(rc, Input::PointerUp { x: p.offset_x() as f64 });
            }),
        ));
    }
    ls.push(Listener::new(&target, "dblclick", on(&weak, |rc, _| input(rc, Input::ResetZoom))));
    // Wheel zooms only with Ctrl or Cmd held, so the page keeps scrolling under the chart.
    ls.push(Listener::new(
        &target,
        "wheel",
        on(&weak, |rc, e| {
            let Some(wh) = e.dyn_ref::<web_sys::WheelEvent>() else { return };
            if !(wh.ctrl_key() || wh.meta_key()) {
                return;
            }
            e.prevent_default();
            let factor = if wh.delta_y() < 0.0 { 0.8 } else { 1.25 };
            input(rc, Input::Zoom { x: wh.offset_x() as f64, factor });
        }),
    ));
    ls.push(Listener::new(
        &target,
        "pointerleave",
        on(&weak, |rc, e| {
            let touch = e.dyn_ref::<PointerEvent>().is_some_and(|p| p.pointer_type() == "touch");
            if !touch {
                input(rc, Input::PointerLeave);
            }
        }),
    ));
    ls.push(Listener::new(
        &target,
        "click",
        on(&weak, |rc, e| {
            if let Some(m) = e.dyn_ref::<MouseEvent>() {
                input(rc, Input::Click { x: m.offset_x() as f64, y: m.offset_y() as f64 });
            }
        }),
    ));
    ls.push(Listener::new(
        w.dom.base.as_ref(),
        "keydown",
        on(&weak, |rc, e| {
            let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            let key = match k.key().as_str() {
                "ArrowLeft" => Key::Left,
                "ArrowRight" => Key::Right,
                "ArrowUp" => Key::Up,
                "ArrowDown" => Key::Down,
                "Home" => Key::Home,
                "End" => Key::End,
                "Escape" => Key::Escape,
                _ => return,
            };
            e.prevent_default();
            input(rc, Input::Key(key));
        }),
    ));
    ls.push(Listener::new(
        w.dom.base.as_ref(),
        "blur",
        on(&weak, |rc, _| {
            if rc.borrow().state.keyboard {
                input(rc, Input::Key(Key::Escape));
            }
        }),
    ));
    // A tap keeps its tooltip until the reader taps somewhere else on the page; a tap outside the
    // phone menu closes it.
    if let Some(doc) = w.host.owner_document() {
        ls.push(Listener::new(
            doc.as_ref(),
            "pointerdown",
            on(&weak, |rc, e| {
                let (host, menu, more) = {
                    let w = rc.borrow();
                    (w.host.clone(), w.dom.buttons.menu.clone(), w.dom.buttons.more.clone())
                };
                let path = e.composed_path();
                if !path.includes(&menu, 0) && !path.includes(&more, 0) {
                    dom::open_menu(&rc.borrow().dom, false);
                }
                if !path.includes(&host, 0) {
                    input(rc, Input::PointerLeave);
                }
            }),
        ));
    }
    ls.push(Listener::new(
        w.dom.buttons.more.as_ref(),
        "click",
        on(&weak, |rc, _| {
            let w = rc.borrow();
            dom::open_menu(&w.dom, w.dom.buttons.menu.hidden());
        }),
    ));
    // The menu's keys: arrows move between items, Home/End to the ends, Escape closes it and
    // returns to "More", Tab closes it and moves on.
    ls.push(Listener::new(
        w.dom.buttons.menu.as_ref(),
        "keydown",
        on(&weak, |rc, e| {
            let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            let w = rc.borrow();
            if !w.dom.root.class_list().contains("compact") {
                return;
            }
            let items = dom::menu_items(&w.dom);
            let active = w.dom.shadow.active_element();
            let at = items.iter().position(|i| active.as_ref().is_some_and(|a| a == i.as_ref() as &web_sys::Element));
            let go = |i: usize| {
                best_effort(items[i].focus());
            };
            match k.key().as_str() {
                "Escape" => {
                    e.prevent_default();
                    dom::open_menu(&w.dom, false);
                    best_effort(w.dom.buttons.more.focus());
                }
                "Tab" => dom::open_menu(&w.dom, false),
                "ArrowDown" => {
                    e.prevent_default();
                    go(at.map_or(0, |i| (i + 1) % items.len()));
                }
                "ArrowUp" => {
                    e.prevent_default();
                    go(at.map_or(items.len() - 1, |i| (i + items.len() - 1) % items.len()));
                }
                "Home" => {
                    e.prevent_default();
                    go(0);
                }
                "End" => {
                    e.prevent_default();
                    go(items.len() - 1);
                }
                _ => {}
            }
        }),
    ));
    let buttons: [(&web_sys::HtmlElement, Handler); 9] = [
        (&w.dom.buttons.reset, |rc, _| input(rc, Input::ResetZoom)),
        (&w.dom.buttons.views[0], |rc, _| set_mode(rc, Mode::Values)),
        (&w.dom.buttons.views[1], |rc, _| set_mode(rc, Mode::Change)),
        (&w.dom.buttons.views[2], |rc, _| set_mode(rc, Mode::Share)),
        (&w.dom.buttons.chart, |rc, _| rc.borrow_mut().set_view(false)),
        (&w.dom.buttons.table, |rc, _| rc.borrow_mut().set_view(true)),
        (&w.dom.buttons.sources, |rc, _| rc.borrow_mut().toggle_sources()),
        (&w.dom.buttons.csv, |rc, _| rc.borrow().download_csv()),
        (&w.dom.buttons.png, |rc, _| rc.borrow().download_png()),
    ];
    for (b, f) in buttons {
        ls.push(Listener::new(b.as_ref(), "click", on(&weak, f)));
    }
    // A chosen menu item closes the menu, and the focus returns to "More".
    for item in dom::menu_items(&w.dom) {
        ls.push(Listener::new(
            item.as_ref(),
            "click",
            on(&weak, |rc, _| {
                let w = rc.borrow();
                if !w.dom.buttons.menu.hidden() && w.dom.root.class_list().contains("compact") {
                    dom::open_menu(&w.dom, false);
                    best_effort(w.dom.buttons.more.focus());
                }
            }),
        ));
    }
    if let Some(mq) = &w.media {
        ls.push(Listener::new(
            mq.as_ref(),
            "change",
            on(&weak, |rc, _| {
                let mut w = rc.borrow_mut();
                if w.opts.theme == ThemeChoice::Auto {
                    w.dirty_base = true;
                    w.dirty_hover = true;
                    drop(w);
                    schedule(rc);
                }
            }),
        ));
    }
    w.listeners = ls.into_iter().flatten().collect();

    let weak_r = weak.clone();
    let cb = Closure::wrap(Box::new(move |_entries: js_sys::Array| {
        if let Some(rc) = weak_r.upgrade() {
            let changed = {
                let w = rc.borrow();
                w.loaded.is_some() && w.measure() != w.size
            };
            if changed {
                rc.borrow_mut().dirty_base = true;
                schedule(&rc);
            }
        }
    }) as Box<dyn FnMut(js_sys::Array)>);
    let ro = ResizeObserver::new(cb.as_ref().unchecked_ref())?;
    ro.observe(&w.host);
    w.resize = Some((ro, cb));

    let weak_f = weak;
    w.raf_closure = Some(Closure::wrap(Box::new(move || {
        if let Some(rc) = weak_f.upgrade() {
            let mut w = rc.borrow_mut();
            w.raf = None;
            w.frame();
        }
    }) as Box<dyn FnMut()>));
    Ok(())
}

fn input(rc: &Rc<RefCell<Widget>>, inp: Input) {
    let mut w = rc.borrow_mut();
    let Widget { loaded, state, dom, cursor_style, .. } = &mut *w;
    let Some(chart) = loaded.as_ref().and_then(|l| l.chart.as_ref()) else { return };
    if let Input::PointerMove { x, y } = inp {
        let cursor = if chart.legend_at(x, y).is_some() { "pointer" } else { "crosshair" };
        // Written only when it changes: a style write on every move is work for the browser.
        if *cursor_style != cursor {
            *cursor_style = cursor;
            best_effort(dom.hover.style().set_property("cursor", cursor));
        }
    }
    let before = state.hover;
    let r = interact::step(state, chart, inp);
    if let Input::Key(_) = inp {
        let text = interact::announcement(state, chart).unwrap_or_default();
        dom.live.set_text_content(Some(&text));
    }
    // The time under the cursor, for charts of the same group (only a chart in a group tells).
    let grouped = w.host.has_attribute("group");
    let Widget { loaded, state, .. } = &mut *w;
    let Some(chart) = loaded.as_ref().and_then(|l| l.chart.as_ref()) else { return };
    let cursor = (grouped && state.hover != before && chart.time_range().is_some())
        .then(|| state.hover.and_then(|i| chart.time_of(i)));
    w.dirty_base |= r.base;
    w.dirty_hover |= r.hover;
    let host = w.host.clone();
    let state_detail = r.base.then(|| w.state_detail());
    drop(w);
    if r.base || r.hover {
        schedule(rc);
    }
    if let Some(detail) = state_detail {
        dispatch(&host, "dragonbear-state", &detail);
    }
    if let Some(t) = cursor {
        let detail = js_sys::Object::new();
        best_effort(js_sys::Reflect::set(&detail, &"time".into(), &t.map_or(JsValue::NULL, JsValue::from_f64)));
        dispatch(&host, "dragonbear-cursor", &detail);
    }
}

/// Switches between values, change and share, and tells the page (URL state).
fn set_mode(rc: &Rc<RefCell<Widget>>, m: Mode) {
    let detail = {
        let mut w = rc.borrow_mut();
        if w.mode == m || !w.relative {
            return;
        }
        w.mode = m;
        w.state.hover = None;
        let locale = w.opts.locale;
        if let Err(e) = crate::model::locale::scoped(locale, || w.layout_and_draw()) {
            w.fail(&e);
        }
        (w.host.clone(), w.state_detail())
    };
    dispatch(&detail.0, "dragonbear-state", &detail.1);
}

/// Dispatches a bubbling, composed CustomEvent on the host element.
fn dispatch(host: &HtmlElement, kind: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(kind, &init) {
        best_effort(host.dispatch_event(&ev));
    }
}

/// Gives a canvas the backing store of a chart `(css width, css height, dpr)` (which clears it).
fn size_backing(c: &web_sys::HtmlCanvasElement, (w, h, dpr): (f64, f64, f64)) {
    c.set_width((w * dpr).round() as u32);
    c.set_height((h * dpr).round() as u32);
}

fn schedule(rc: &Rc<RefCell<Widget>>) {
    let mut w = rc.borrow_mut();
    if w.raf.is_some() {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    if let Some(cb) = &w.raf_closure {
        w.raf = window.request_animation_frame(cb.as_ref().unchecked_ref()).ok();
    }
}

impl Widget {
    /// Loads the dataset named by the options and draws it now; errors are shown in place.
    fn reload(&mut self) -> Result<()> {
        let locale = self.opts.locale;
        crate::model::locale::scoped(locale, || self.reload_here())
    }

    fn reload_here(&mut self) -> Result<()> {
        dom::label_buttons(&self.dom);
        best_effort(self.dom.root.set_attribute("lang", self.opts.locale.tag()));
        self.state = State { zoom: self.opts.range, ..State::default() };
        self.mode = self.opts.mode;
        self.relative = self.opts.chart.as_deref().is_some_and(chart::has_relative_views) && !self.opts.has_data();
        if !self.relative {
            self.mode = Mode::Values;
        }
        self.loaded = None;
        *self.natural.get_mut() = None;
        let result = self.load().and_then(|l| {
            self.state.hidden = l.1;
            self.loaded = Some(Loaded { view: None, ds: l.0, kind: l.2, chart: None });
            self.dirty_hover = true;
            self.layout_and_draw()
        });
        match &result {
            Ok(()) => {
                dom::hide_error(&self.dom);
                self.set_view(false);
                if !self.dom.sources.hidden() {
                    if let Some(Err(e)) = self.loaded.as_ref().map(|l| panels::fill_sources(&self.dom, &l.ds)) {
                        self.fail(&e);
                    }
                }
            }
            Err(e) => {
                self.loaded = None;
                dom::hide_hover(&self.dom);
                best_effort(dom::show_error(&self.dom, &e.to_string()));
            }
        }
        result
    }

    fn load(&self) -> Result<(Dataset, Vec<bool>, Kind)> {
        if let Some(e) = &self.opts.invalid {
            return Err(e.clone());
        }
        if let Some(msg) = &self.opts.error {
            return Err(Error::Browser(msg.clone()));
        }
        if let Some(n) = self.opts.data_too_large {
            return Err(Error::TooLarge {
                what: format!("the size of the document {} in bytes", self.opts.src.as_deref().unwrap_or("src")),
                limit: crate::data::MAX_DOCUMENT_BYTES,
                actual: n,
            });
        }
        if let Some(object) = &self.opts.data_object {
            let ds = super::columns::read(object, self.opts.src.as_deref().unwrap_or("(mount option data)"))?;
            let hidden = self.hidden_flags(&ds);
            return Ok((ds, hidden, Kind::Line));
        }
        if let Some(text) = &self.opts.data {
            let ds = parse_dataset(text, self.opts.src.as_deref().unwrap_or("src"))?;
            let hidden = self.hidden_flags(&ds);
            return Ok((ds, hidden, Kind::Line));
        }
        let id = self.opts.chart.as_deref().ok_or_else(|| Error::Option {
            name: "chart".into(),
            problem: "no chart id given; set the chart attribute, e.g. chart=\"unga-agreement\"".into(),
        })?;
        let spec = chart::spec(id)?;
        let ds = chart::dataset_for(id)?;
        let hidden = self.hidden_flags(&ds);
        Ok((ds, hidden, spec.kind))
    }

    /// `{hidden: [ids], range: "from,to" | null, view}`: the reader's state, for the embed URL.
    fn state_detail(&self) -> JsValue {
        let hidden = match &self.loaded {
            Some(l) => {
                l.ds.series.iter().zip(&self.state.hidden).filter(|(_, h)| **h).map(|(s, _)| s.id.as_str()).collect()
            }
            None => Vec::new(),
        };
        let detail = StateDetail {
            hidden,
            range: self.state.zoom.map(|(a, b)| format!("{:.3},{:.3}", a, b)),
            view: self.mode.as_str(),
        };
        super::to_js(&detail).unwrap_or(JsValue::NULL)
    }

    /// The reader's hidden series (option `hidden`, ids) as flags per series.
    fn hidden_flags(&self, ds: &Dataset) -> Vec<bool> {
        ds.series.iter().map(|s| self.opts.hidden.contains(&s.id)).collect()
    }

    /// Chart or Table view.
    fn set_view(&mut self, table: bool) {
        let locale = self.opts.locale;
        crate::model::locale::scoped(locale, || self.set_view_here(table))
    }

    fn set_view_here(&mut self, table: bool) {
        let b = &self.dom.buttons;
        best_effort(b.chart.set_attribute("aria-pressed", if table { "false" } else { "true" }));
        best_effort(b.table.set_attribute("aria-pressed", if table { "true" } else { "false" }));
        if table {
            if let Some(Err(e)) =
                self.loaded.as_ref().map(|l| panels::fill_table(&self.dom, l.shown(), &self.state.hidden))
            {
                self.fail(&e);
            }
            dom::hide_hover(&self.dom);
        }
        self.dom.stage.set_hidden(table);
        self.dom.table.set_hidden(!table);
        dom::sync_menu_states(&self.dom);
    }

    fn toggle_sources(&mut self) {
        let locale = self.opts.locale;
        crate::model::locale::scoped(locale, || self.toggle_sources_here())
    }

    fn toggle_sources_here(&mut self) {
        let open = self.dom.sources.hidden();
        if open {
            if let Some(Err(e)) = self.loaded.as_ref().map(|l| panels::fill_sources(&self.dom, &l.ds)) {
                self.fail(&e);
            }
        }
        self.dom.sources.set_hidden(!open);
        best_effort(self.dom.buttons.sources.set_attribute("aria-expanded", if open { "true" } else { "false" }));
        dom::sync_menu_states(&self.dom);
    }

    fn file_name(&self, ext: &str) -> String {
        let id = self.loaded.as_ref().map_or("chart", |l| l.ds.id.as_str());
        format!("dragonbear-{}.{ext}", self.opts.chart.as_deref().filter(|_| !self.opts.has_data()).unwrap_or(id))
    }

    fn download_csv(&self) {
        let (Some(l), Some(doc)) = (&self.loaded, self.host.owner_document()) else { return };
        let done = download::text(&doc, &self.file_name("csv"), "text/csv;charset=utf-8", &chart::to_csv(&l.ds));
        self.tell_if_failed(done);
    }

    fn download_png(&self) {
        let Some(doc) = self.host.owner_document() else { return };
        self.tell_if_failed(download::canvas_png(&doc, &self.file_name("png"), &self.dom.base));
    }

    /// A download the browser refused: the chart stays, and the live region says why (a screen
    /// reader hears it; the reader who clicked is told instead of nothing happening).
    fn tell_if_failed(&self, done: Result<()>) {
        if let Err(e) = done {
            self.dom.live.set_text_content(Some(&e.to_string()));
        }
    }

    /// A failure after the chart was shown (a redraw, a panel): the error in place of the chart.
    fn fail(&self, e: &Error) {
        best_effort(dom::show_error(&self.dom, &e.to_string()));
        best_effort(self.host.set_attribute("data-state", "error"));
    }

    /// CSS width and height the chart should have now, and the device pixel ratio.
    fn measure(&self) -> (f64, f64, f64) {
        self.size_for(self.host.client_width() as f64)
    }

    /// [`Widget::measure`] for a host `cw` CSS px wide.
    fn size_for(&self, cw: f64) -> (f64, f64, f64) {
        let dpr = clamp(web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()), 1.0, 4.0);
        let w = if cw >= 1.0 { cw } else { 640.0 };
        let h = self.opts.height.unwrap_or_else(|| self.natural_height(w, dpr));
        (w, h, dpr)
    }

    /// [`chart::natural_height`] of the loaded chart at width `w` (the width's base height while
    /// nothing is loaded), remembered per width and hidden series.
    fn natural_height(&self, w: f64, dpr: f64) -> f64 {
        let Some(l) = &self.loaded else { return chart::base_height(w) };
        if let Some((cw, hidden, h)) = &*self.natural.borrow() {
            if *cw == w && *hidden == self.state.hidden {
                return *h;
            }
        }
        let theme = Theme::light();
        let frame =
            Frame { width: w, height: 0.0, theme, measure: super::canvas_measure(dpr), x_range: self.state.zoom };
        let h = chart::natural_height(l.kind, &l.ds, &frame, &self.state.hidden);
        *self.natural.borrow_mut() = Some((w, self.state.hidden.clone(), h));
        h
    }

    fn is_dark(&self) -> bool {
        match self.opts.theme {
            ThemeChoice::Dark => true,
            ThemeChoice::Light => false,
            ThemeChoice::Auto => self.media.as_ref().is_some_and(|m| m.matches()),
        }
    }

    fn layout_and_draw(&mut self) -> Result<()> {
        let (w, h, dpr) = match self.first_width.take() {
            Some(cw) => self.size_for(cw),
            None => self.measure(),
        };
        self.size = (w, h, dpr);
        self.dark = self.is_dark();
        best_effort(self.dom.root.class_list().toggle_with_force("dark", self.dark));
        let compact = w <= chart::COMPACT_WIDTH;
        if self.compact != Some(compact) {
            self.compact = Some(compact);
            dom::set_compact(&self.dom, compact);
        }
        self.dom.stage.style().set_property("height", &format!("{}px", h))?;
        for c in [&self.dom.base, &self.dom.hover] {
            c.style().set_property("height", &format!("{}px", h))?;
        }
        size_backing(&self.dom.base, self.size);
        if self.hover_sized {
            size_backing(&self.dom.hover, self.size);
        }
        // Setting a canvas size clears it.
        self.hover_drawn = Drawn::Nothing;
        let Some(l) = &mut self.loaded else { return Ok(()) };
        let theme = if self.dark { Theme::dark() } else { Theme::light() };
        let frame = Frame { width: w, height: h, theme, measure: super::canvas_measure(dpr), x_range: self.state.zoom };
        l.view = (self.mode != Mode::Values).then(|| transform::apply(&l.ds, self.mode));
        let built = AnyChart::build(l.kind, l.shown(), &frame, &self.state.hidden);
        self.dom.buttons.reset.set_hidden(self.state.zoom.is_none());
        if let Some((a, b)) = built.time_range().filter(|_| self.state.zoom.is_some()) {
            // The range is also written out, so it can be read (and announced) as text.
            let range = format!(
                "{} ({}–{})",
                crate::model::locale::t(crate::model::locale::Text::ResetZoom),
                year_label(a),
                year_label(b)
            );
            // On a phone the button shows just the range and a cross, to keep the controls in one
            // row; its accessible name stays the whole phrase.
            let reset = &self.dom.buttons.reset;
            if compact {
                best_effort(reset.set_attribute("aria-label", &range));
                reset.set_text_content(Some(&format!("{}–{} \u{2715}", year_label(a), year_label(b))));
            } else {
                best_effort(reset.remove_attribute("aria-label"));
                reset.set_text_content(Some(&range));
            }
        }
        self.dom.buttons.seg.set_hidden(!self.relative);
        for (b, m) in self.dom.buttons.views.iter().zip([Mode::Values, Mode::Change, Mode::Share]) {
            b.set_hidden(!self.relative);
            best_effort(b.set_attribute("aria-pressed", if self.mode == m { "true" } else { "false" }));
        }
        let mut surface = CanvasSurface::new(&self.dom.base)?;
        built.draw(&mut Painter::new(&mut surface, dpr))?;
        self.dom.base.set_attribute("aria-label", &built.summary())?;
        l.chart = Some(built);
        if !self.dom.table.hidden() {
            panels::fill_table(&self.dom, l.shown(), &self.state.hidden)?;
        }
        self.dirty_base = false;
        self.draw_hover()
    }

    fn draw_hover(&mut self) -> Result<()> {
        self.dirty_hover = false;
        let (w, h, dpr) = self.size;
        // Only what the last hover drew is cleared: a crosshair and a few dots are a sliver of the
        // canvas, and the browser re-rasterises what is touched.
        let ctx = context(&self.dom.hover)?;
        match std::mem::take(&mut self.hover_drawn) {
            Drawn::Nothing => {}
            Drawn::Box(x0, y0, x1, y1) => ctx.clear_rect(x0, y0, x1 - x0, y1 - y0),
            Drawn::Everywhere => ctx.clear_rect(0.0, 0.0, w * dpr, h * dpr),
        }
        let Some(chart) = self.loaded.as_ref().and_then(|l| l.chart.as_ref()) else { return Ok(()) };
        // A line chart's hover marks are elements; anything else is drawn on the canvas.
        let marks = self.state.hover.and_then(|i| chart.hover_marks(i));
        let canvas_hover = self.state.hover.is_some() && marks.is_none();
        if !self.hover_sized && (canvas_hover || self.state.drag.is_some() || self.state.linked.is_some()) {
            size_backing(&self.dom.hover, self.size);
            self.hover_sized = true;
        }
        if self.state.drag.is_some() || self.state.linked.is_some() {
            let mut surface = CanvasSurface::new(&self.dom.hover)?;
            let mut p = Painter::new(&mut surface, dpr);
            let theme = if self.dark { Theme::dark() } else { Theme::light() };
            if let (Some((a, b)), Some((_, y0, _, y1))) = (self.state.drag, chart.plot_area()) {
                p.fill_rect_alpha((a.min(b), y0), (a.max(b), y1), theme.series_color(1), 0.15)?;
                p.stroke_rect((a.min(b), y0), (a.max(b), y1), theme.series_color(1), 1.0)?;
            }
            if let (Some(t), Some((_, y0, _, y1))) = (self.state.linked, chart.plot_area()) {
                if let Some(px) = chart.time_px(t) {
                    p.line((px, y0), (px, y1), theme.series_color(1), 2.0)?;
                }
            }
            self.hover_drawn = self.hover_drawn.union(surface.drawn());
        }
        // The marks, when made, already hold the anchor: not computed twice per move.
        let anchor = |i| marks.as_ref().map(HoverMarks::anchor).or_else(|| chart.anchor(i));
        match self.state.hover.and_then(|i| Some((i, chart.tooltip(i)?, anchor(i)?))) {
            Some((i, tip, anchor)) => {
                match marks {
                    Some(marks) => self.dom.cursor.show(&marks)?,
                    None => {
                        let mut surface = CanvasSurface::new(&self.dom.hover)?;
                        chart.draw_hover(&mut Painter::new(&mut surface, dpr), i)?;
                        self.hover_drawn = self.hover_drawn.union(surface.drawn());
                    }
                }
                let focused = self.state.keyboard.then_some(self.state.row);
                dom::show_tooltip(&self.dom, &tip, anchor, w, focused)?;
            }
            None => dom::hide_hover(&self.dom),
        }
        Ok(())
    }

    /// One animation frame: re-layout if the size, theme or series changed, then the hover layer.
    fn frame(&mut self) {
        let locale = self.opts.locale;
        crate::model::locale::scoped(locale, || self.frame_here())
    }

    fn frame_here(&mut self) {
        let result = if self.dirty_base || self.measure() != self.size || self.is_dark() != self.dark {
            self.layout_and_draw()
        } else if self.dirty_hover {
            self.draw_hover()
        } else {
            Ok(())
        };
        if let Err(e) = result {
            self.fail(&e);
        }
    }

    /// `destroy()`: stops everything the widget set going and empties its shadow root.
    fn teardown(&mut self) {
        self.stop();
        self.loaded = None;
        self.dom.shadow.set_text_content(None);
    }

    /// The one cleanup path: the pending frame cancelled, the resize observer disconnected, every
    /// listener removed (each [`Listener`] removes itself when dropped) and the closures dropped.
    /// Safe to run twice (`destroy()`, then the drop).
    fn stop(&mut self) {
        if let (Some(id), Some(win)) = (self.raf.take(), web_sys::window()) {
            best_effort(win.cancel_animation_frame(id));
        }
        if let Some((ro, _cb)) = self.resize.take() {
            ro.disconnect();
        }
        self.listeners.clear();
        self.raf_closure = None;
    }
}

/// A widget dropped without `destroy()` (its handle garbage-collected) must not leave the browser
/// holding callbacks into freed closures.
impl Drop for Widget {
    fn drop(&mut self) {
        self.stop();
    }
}

fn context(c: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d> {
    c.get_context("2d")?
        .and_then(|o| o.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| Error::Browser("no 2D canvas context".into()))
}

/// A fractional year as the reader reads a range end: `1988`, or `Mar 1988` inside a year.
fn year_label(t: f64) -> String {
    let year = t.floor();
    let month = ((t - year) * 12.0).round() as u8;
    if month == 0 || month >= 12 {
        format!("{}", t.round() as i64)
    } else {
        crate::model::format::period(&format!("{:04}-{:02}", year as i64, month + 1), crate::data::Frequency::Monthly)
    }
}
