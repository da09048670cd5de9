//! The widget's listeners, each installed through [`Listener`] (which owns its closure and removes
//! itself when dropped), turning browser events into [`interact`] inputs; and the events the widget
//! dispatches to the page.

use super::best_effort;
use super::dom;
use super::frame::schedule;
use super::listener::Listener;
use super::options::ThemeChoice;
use super::widget::Widget;
use crate::error::Result;
use crate::interact::{self, Input, Key};
use crate::model::transform::Mode;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit};
use web_sys::{HtmlElement, MouseEvent, PointerEvent, ResizeObserver};

/// A widget event handler (a plain fn: closures are made by `install`).
pub(super) type Handler = fn(&Rc<RefCell<Widget>>, web_sys::Event);

pub(super) fn install(rc: &Rc<RefCell<Widget>>) -> Result<()> {
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

pub(super) fn input(rc: &Rc<RefCell<Widget>>, inp: Input) {
    let mut w = rc.borrow_mut();
    let Widget { loaded, state, dom, cursor_style, opts, .. } = &mut *w;
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
        let text = interact::announcement(state, chart, opts.locale).unwrap_or_default();
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
pub(super) fn set_mode(rc: &Rc<RefCell<Widget>>, m: Mode) {
    let detail = {
        let mut w = rc.borrow_mut();
        if w.mode == m || !w.relative {
            return;
        }
        w.mode = m;
        w.state.hover = None;
        if let Err(e) = w.layout_and_draw() {
            w.fail(&e);
        }
        (w.host.clone(), w.state_detail())
    };
    dispatch(&detail.0, "dragonbear-state", &detail.1);
}

/// Dispatches a bubbling, composed CustomEvent on the host element.
pub(super) fn dispatch(host: &HtmlElement, kind: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(kind, &init) {
        best_effort(host.dispatch_event(&ev));
    }
}
