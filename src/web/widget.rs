//! One mounted chart: its DOM, the loaded dataset and laid-out chart, the reader's state, and the
//! observers and listeners it owns; mounting it, choosing and loading its data, its panels and
//! downloads, and the one cleanup path. The listeners are `events.rs`, the frame (layout, drawing,
//! the hover layer, one `requestAnimationFrame`) is `frame.rs`, and the JS handle `handle.rs`.
//! Dropping the widget releases everything.

use super::best_effort;
use super::canvas::Drawn;
use super::dom::{self, Dom};
use super::events::install;
use super::handle::Handle;
use super::listener::Listener;
use super::options::{self, Options};
use super::{download, panels};
use crate::chart::{self, AnyChart, Kind};
use crate::data::{parse_dataset, Dataset};
use crate::error::{Error, Result};
use crate::interact::State;
use crate::model::transform::Mode;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, MediaQueryList, ResizeObserver};

type ResizeCallback = Closure<dyn FnMut(js_sys::Array)>;

pub(super) struct Loaded {
    pub(super) ds: Dataset,
    /// What is drawn: `ds` in the reader's view (values, change, share).
    /// `None` in the values view: then `ds` itself is drawn (no copy of a big dataset).
    pub(super) view: Option<Dataset>,
    pub(super) kind: Kind,
    pub(super) chart: Option<AnyChart>,
}

impl Loaded {
    /// The dataset as drawn in the reader's view.
    pub(super) fn shown(&self) -> &Dataset {
        self.view.as_ref().unwrap_or(&self.ds)
    }
}

pub(super) struct Widget {
    pub(super) host: HtmlElement,
    pub(super) dom: Dom,
    pub(super) opts: Options,
    pub(super) loaded: Option<Loaded>,
    pub(super) state: State,
    /// CSS width, CSS height, device pixel ratio of the last layout.
    pub(super) size: (f64, f64, f64),
    /// The host's width read before `mount()` filled its shadow tree ([`Dom::first_width`]), for
    /// the first layout: read after, it forces a style and layout of the whole new tree that the
    /// next frame does again. A host whose width depends on its content is corrected by the resize
    /// observer.
    pub(super) first_width: Option<f64>,
    /// The chart's own height when the page sets none, for the width and hidden series it was
    /// found for (`chart::natural_height` lays the chart out a few times: once per width).
    pub(super) natural: RefCell<Option<(f64, Vec<bool>, f64)>>,
    /// Whether the toolbar is in its phone form (`dom::set_compact`), once laid out.
    pub(super) compact: Option<bool>,
    pub(super) dark: bool,
    /// Values, change or share (charts that offer relative views).
    pub(super) mode: Mode,
    pub(super) relative: bool,
    pub(super) dirty_base: bool,
    pub(super) dirty_hover: bool,
    /// The CSS cursor last set on the hover canvas.
    pub(super) cursor_style: &'static str,
    /// Where the hover layer holds a drawing (cleared before the next hover is drawn).
    pub(super) hover_drawn: Drawn,
    /// Whether the hover canvas has a backing store of the chart's size. It gets one only when
    /// something is drawn on it (another chart kind's hover, a zoom drag, a linked-view mark): a
    /// line chart's hover marks are elements, and a full-size transparent canvas is memory and
    /// compositing work in every first frame for nothing.
    pub(super) hover_sized: bool,
    pub(super) raf: Option<i32>,
    pub(super) raf_closure: Option<Closure<dyn FnMut()>>,
    pub(super) listeners: Vec<Listener>,
    /// Active touch pointers `(id, x, y)`, for pinch zoom.
    pub(super) pointers: Vec<(i32, f64, f64)>,
    pub(super) resize: Option<(ResizeObserver, ResizeCallback)>,
    pub(super) media: Option<MediaQueryList>,
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
    let missing = super::fetch::missing(&rc.borrow().opts);
    if let Some(id) = missing {
        rc.borrow_mut().first_width = None;
        super::fetch::chart_data(&rc, &id);
    } else {
        let outcome = rc.borrow_mut().reload();
        // Only mount's own first layout may use it: later ones measure the host as it is then.
        rc.borrow_mut().first_width = None;
        announce(&rc, outcome);
    }
    Ok(Handle { inner: Some(rc) })
}

/// Sets `data-state` and dispatches `dragonbear-ready` / `dragonbear-error` (outside any borrow,
/// since listeners may call back into the handle).
pub(super) fn announce(rc: &Rc<RefCell<Widget>>, outcome: Result<()>) {
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

impl Widget {
    /// Loads the dataset named by the options and draws it now; errors are shown in place.
    pub(super) fn reload(&mut self) -> Result<()> {
        dom::label_buttons(&self.dom, self.opts.locale);
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
                    if let Some(Err(e)) =
                        self.loaded.as_ref().map(|l| panels::fill_sources(&self.dom, &l.ds, self.opts.locale))
                    {
                        self.fail(&e);
                    }
                }
            }
            Err(e) => {
                self.loaded = None;
                dom::hide_hover(&self.dom);
                best_effort(dom::show_error(&self.dom, &e.to_string(), self.opts.locale));
            }
        }
        result
    }

    pub(super) fn load(&self) -> Result<(Dataset, Vec<bool>, Kind)> {
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
        let given = match (&self.opts.data_object, &self.opts.data) {
            (Some(object), _) => {
                Some(super::columns::read(object, self.opts.src.as_deref().unwrap_or("(mount option data)"))?)
            }
            (None, Some(text)) => Some(parse_dataset(text, self.opts.src.as_deref().unwrap_or("src"))?),
            (None, None) => None,
        };
        let (ds, kind) = chart::choose(given, self.opts.chart.as_deref())?;
        let ds = ds.localized(self.opts.locale);
        let hidden = self.hidden_flags(&ds);
        Ok((ds, hidden, kind))
    }

    /// `{hidden: [ids], range: "from,to" | null, view}`: the reader's state, for the embed URL.
    pub(super) fn state_detail(&self) -> JsValue {
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
    pub(super) fn hidden_flags(&self, ds: &Dataset) -> Vec<bool> {
        ds.series.iter().map(|s| self.opts.hidden.contains(&s.id)).collect()
    }

    /// Chart or Table view.
    pub(super) fn set_view(&mut self, table: bool) {
        let b = &self.dom.buttons;
        best_effort(b.chart.set_attribute("aria-pressed", if table { "false" } else { "true" }));
        best_effort(b.table.set_attribute("aria-pressed", if table { "true" } else { "false" }));
        if table {
            if let Some(Err(e)) = self
                .loaded
                .as_ref()
                .map(|l| panels::fill_table(&self.dom, l.shown(), &self.state.hidden, self.opts.locale))
            {
                self.fail(&e);
            }
            dom::hide_hover(&self.dom);
        }
        self.dom.stage.set_hidden(table);
        self.dom.table.set_hidden(!table);
        dom::sync_menu_states(&self.dom);
    }

    pub(super) fn toggle_sources(&mut self) {
        let open = self.dom.sources.hidden();
        if open {
            if let Some(Err(e)) = self.loaded.as_ref().map(|l| panels::fill_sources(&self.dom, &l.ds, self.opts.locale))
            {
                self.fail(&e);
            }
        }
        self.dom.sources.set_hidden(!open);
        best_effort(self.dom.buttons.sources.set_attribute("aria-expanded", if open { "true" } else { "false" }));
        dom::sync_menu_states(&self.dom);
    }

    pub(super) fn file_name(&self, ext: &str) -> String {
        let id = self.loaded.as_ref().map_or("chart", |l| l.ds.id.as_str());
        format!("dragonbear-{}.{ext}", self.opts.chart.as_deref().filter(|_| !self.opts.has_data()).unwrap_or(id))
    }

    pub(super) fn download_csv(&self) {
        let (Some(l), Some(doc)) = (&self.loaded, self.host.owner_document()) else { return };
        let done = download::text(&doc, &self.file_name("csv"), "text/csv;charset=utf-8", &chart::to_csv(&l.ds));
        self.tell_if_failed(done);
    }

    pub(super) fn download_png(&self) {
        let Some(doc) = self.host.owner_document() else { return };
        self.tell_if_failed(download::canvas_png(&doc, &self.file_name("png"), &self.dom.base));
    }

    /// A download the browser refused: the chart stays, and the live region says why (a screen
    /// reader hears it; the reader who clicked is told instead of nothing happening).
    pub(super) fn tell_if_failed(&self, done: Result<()>) {
        if let Err(e) = done {
            self.dom.live.set_text_content(Some(&e.to_string()));
        }
    }

    /// A failure after the chart was shown (a redraw, a panel): the error in place of the chart.
    pub(super) fn fail(&self, e: &Error) {
        best_effort(dom::show_error(&self.dom, &e.to_string(), self.opts.locale));
        best_effort(self.host.set_attribute("data-state", "error"));
    }

    /// `destroy()`: stops everything the widget set going and empties its shadow root.
    pub(super) fn teardown(&mut self) {
        self.stop();
        self.loaded = None;
        self.dom.shadow.set_text_content(None);
    }

    /// The one cleanup path: the pending frame cancelled, the resize observer disconnected, every
    /// listener removed (each [`Listener`] removes itself when dropped) and the closures dropped.
    /// Safe to run twice (`destroy()`, then the drop).
    pub(super) fn stop(&mut self) {
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
