//! The widget's DOM inside its shadow root: stage (base canvas, hover canvas, a line chart's
//! hover marks as elements, tooltip) and an error box. Styles come from a constructable
//! stylesheet (allowed under `style-src 'self'`); data only ever reaches the DOM as text.

use super::best_effort;
use crate::chart::Tooltip;
use crate::error::{Error, Result};
use crate::model::locale::{Locale, Text};
use crate::render::Theme;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CssStyleSheet, Document, Element, HtmlCanvasElement, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

const CSS: &str = r#"
:host { display: block; position: relative; contain: content; min-width: 0; }
:host([hidden]) { display: none; }
.root { all: initial; display: block; box-sizing: border-box; width: 100%;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; }
.root.dark { color: #ececec; }
.root *, .root *::before, .root *::after { box-sizing: border-box; }
.stage { position: relative; width: 100%; overflow: hidden; touch-action: pan-y; }
.stage[data-loading]::after { content: attr(data-loading); position: absolute; inset: 0; display: flex;
  align-items: center; justify-content: center; color: #5e5e5e; }
.dark .stage[data-loading]::after { color: #aaaaaa; }
canvas { position: absolute; left: 0; top: 0; display: block; width: 100% !important; max-width: none !important;
  border: 0 !important; padding: 0 !important; margin: 0 !important; }
canvas.hover { pointer-events: auto; }
canvas.base:focus-visible { outline: 2px solid #0072b2; outline-offset: 2px; }
.tooltip { position: absolute; left: 0; top: 0; z-index: 2; pointer-events: none; max-width: min(280px, 80%);
  background: #ffffff; color: #1a1a1a; border: 1px solid #c8c8c8; border-radius: 4px;
  box-shadow: 0 2px 8px rgba(0,0,0,.18); padding: 6px 8px; font-size: 12px; line-height: 1.35; }
.dark .tooltip { background: #23262d; color: #ececec; border-color: #4a4e57; }
.tooltip[hidden], .error[hidden], .stage[hidden] { display: none; }
.cursor { position: absolute; left: 0; top: 0; width: 0; height: 0; z-index: 1; pointer-events: none; }
.cursor[hidden], .cursor .dot[hidden] { display: none; }
.cursor .rule { position: absolute; left: 0; top: 0; width: 1px; }
.cursor .dot { position: absolute; left: 0; top: 0; border-radius: 50%; }
.tt-title { font-weight: 700; margin-bottom: 2px; }
.tt-row.focused { outline: 2px solid #0072b2; outline-offset: 1px; border-radius: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.tt-row { display: flex; align-items: center; gap: 6px; white-space: nowrap; }
.tt-swatch { width: 10px; height: 10px; border-radius: 2px; flex: none; }
.tt-label { overflow: hidden; text-overflow: ellipsis; }
.tt-value { margin-left: auto; padding-left: 8px; font-variant-numeric: tabular-nums; font-weight: 600; }
.tt-note { margin-top: 4px; white-space: normal; font-size: 11px; }
.tt-source { margin-top: 4px; color: #5e5e5e; font-size: 11px; white-space: normal; }
.dark .tt-source { color: #aaaaaa; }
.error { border: 1px solid #d55e00; border-left-width: 4px; border-radius: 4px; padding: 10px 12px;
  background: #fff6f0; color: #1a1a1a; overflow-wrap: anywhere; white-space: pre-wrap; }
.dark .error { background: #2d221c; color: #ececec; }
.error-title { font-weight: 700; display: block; margin-bottom: 4px; }
.toolbar { display: flex; flex-wrap: wrap; gap: 6px; padding: 8px 0 2px; position: relative; align-items: center; }
.seg { display: inline-flex; }
.seg[hidden] { display: none; }
.toolbar .seg button { border-radius: 0; margin-left: -1px; }
.toolbar .seg button:first-child { border-radius: 4px 0 0 4px; margin-left: 0; }
.toolbar .seg button:last-child { border-radius: 0 4px 4px 0; }
.menu { display: contents; }
.toolbar .more { margin-left: auto; }
.toolbar .more::after { content: " \25BE" / ""; }
.compact .toolbar { gap: 4px; }
.compact .toolbar button { padding: 7px 6px; }
.compact .toolbar .mode:not(:has(+ .mode)) { margin-right: 0; }
.compact .menu { display: flex; flex-direction: column; position: absolute; right: 0; bottom: 100%; z-index: 3;
  min-width: 11em; padding: 4px; gap: 2px; background: #ffffff; border: 1px solid #c8c8c8; border-radius: 4px;
  box-shadow: 0 2px 8px rgba(0,0,0,.18); }
.dark.compact .menu { background: #23262d; border-color: #4a4e57; }
.compact .menu[hidden] { display: none; }
.compact .menu button { border-color: transparent; background: transparent; padding: 9px 10px; text-align: left; }
.dark.compact .menu button { background: transparent; border-color: transparent; }
.compact .menu button:focus { outline: 2px solid #0072b2; outline-offset: -2px; }
.compact .menu button[aria-checked="true"] { background: #0072b2; color: #fff; }
.toolbar[hidden], .table-view[hidden], .sources[hidden] { display: none; }
.toolbar button { all: unset; box-sizing: border-box; cursor: pointer; font: 600 12px/1 system-ui, sans-serif;
  padding: 7px 10px; border: 1px solid #c8c8c8; border-radius: 4px; color: #1a1a1a; background: #f6f6f6; }
.dark .toolbar button { color: #ececec; background: #2a2d34; border-color: #4a4e57; }
.toolbar button:hover { border-color: #0072b2; }
.toolbar button:focus-visible { outline: 2px solid #0072b2; outline-offset: 1px; }
.toolbar button[aria-pressed="true"], .toolbar button[aria-expanded="true"] { background: #0072b2; border-color: #0072b2; color: #fff; }
.toolbar .download { margin-left: 0; }
.toolbar .download:first-of-type { margin-left: auto; }
.toolbar button[hidden] { display: none; }
.toolbar .reset { border-style: dashed; }
.toolbar .mode:not(:has(+ .mode)) { margin-right: 14px; }
.table-view { overflow: auto; max-height: 480px; border: 1px solid #e4e4e4; border-radius: 4px; }
.dark .table-view { border-color: #3a3d44; }
table { border-collapse: collapse; width: 100%; font-size: 12px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; padding: 8px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #ececec; vertical-align: top; }
.dark th, .dark td { border-color: #33363d; }
th { position: sticky; top: 0; background: #f6f6f6; }
.dark th { background: #2a2d34; }
td.num { text-align: right; white-space: nowrap; }
td.note { color: #5e5e5e; font-size: 11px; min-width: 12em; }
.dark td.note { color: #aaaaaa; }
.sources { font-size: 12px; padding: 8px 0 0; }
.sources h3 { font-size: 13px; margin: 8px 0 4px; }
.sources ul { margin: 0; padding-left: 18px; }
.sources li { margin-bottom: 6px; }
.sources a { color: #0072b2; overflow-wrap: anywhere; }
.dark .sources a { color: #56b4e9; }
.muted { color: #5e5e5e; }
.dark .muted { color: #aaaaaa; }
"#;

/// The elements the widget draws into.
pub struct Dom {
    /// The host's CSS width (`clientWidth`) once its own style applies and before the tree is
    /// added: measured then, it costs a layout of an empty host, not of the whole new tree.
    pub first_width: f64,
    pub shadow: ShadowRoot,
    pub root: HtmlElement,
    pub stage: HtmlElement,
    pub base: HtmlCanvasElement,
    pub hover: HtmlCanvasElement,
    pub tooltip: HtmlElement,
    /// A line chart's hover marks, as elements.
    pub cursor: super::cursor::Cursor,
    pub table: HtmlElement,
    pub sources: HtmlElement,
    pub toolbar: HtmlElement,
    pub buttons: Buttons,
    pub error: HtmlElement,
    /// Visually hidden, `aria-live`: what the keyboard cursor is on.
    pub live: HtmlElement,
    /// What the tooltip's nodes hold now, slot by slot: a hover rewrites only what changed, so the
    /// browser re-lays out as little as possible.
    pub tip_text: std::cell::RefCell<Vec<String>>,
}

/// The toolbar's buttons. On a phone ([`set_compact`]) Table, Sources and the downloads go into
/// the menu behind "More"; elsewhere the menu's box is not drawn and they sit in the row.
pub struct Buttons {
    /// The group of the three views (a segmented control).
    pub seg: HtmlElement,
    /// Values / Change / Share (charts with relative views only).
    pub views: [HtmlElement; 3],
    pub more: HtmlElement,
    pub menu: HtmlElement,
    /// Shown while the reader has zoomed.
    pub reset: HtmlElement,
    pub chart: HtmlElement,
    pub table: HtmlElement,
    pub sources: HtmlElement,
    pub csv: HtmlElement,
    pub png: HtmlElement,
}

fn el<T: JsCast>(doc: &Document, tag: &str, class: &str) -> Result<T> {
    let e = doc.create_element(tag)?;
    e.set_class_name(class);
    e.dyn_into::<T>().map_err(|_| Error::Browser("unexpected element type".into()))
}

pub fn build(host: &HtmlElement) -> Result<Dom> {
    let doc = host.owner_document().ok_or_else(|| JsValue::from_str("no document"))?;
    let shadow = match host.shadow_root() {
        Some(s) => s,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    shadow.set_text_content(None);
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(CSS)?;
    let sheets = js_sys::Array::of1(&sheet);
    shadow.set_adopted_style_sheets(&sheets);
    let first_width = host.client_width() as f64;

    let root: HtmlElement = el(&doc, "div", "root")?;
    let stage: HtmlElement = el(&doc, "div", "stage")?;
    let base: HtmlCanvasElement = el(&doc, "canvas", "base")?;
    base.set_attribute("role", "img")?;
    base.set_tab_index(0);
    let hover: HtmlCanvasElement = el(&doc, "canvas", "hover")?;
    hover.set_attribute("aria-hidden", "true")?;
    let tooltip: HtmlElement = el(&doc, "div", "tooltip")?;
    tooltip.set_attribute("role", "tooltip")?;
    tooltip.set_hidden(true);
    let error: HtmlElement = el(&doc, "div", "error")?;
    error.set_attribute("role", "alert")?;
    error.set_hidden(true);
    let table: HtmlElement = el(&doc, "div", "table-view")?;
    table.set_hidden(true);
    let sources: HtmlElement = el(&doc, "div", "sources")?;
    sources.set_hidden(true);
    let toolbar: HtmlElement = el(&doc, "div", "toolbar")?;
    toolbar.set_attribute("role", "toolbar")?;
    let seg: HtmlElement = el(&doc, "div", "seg")?;
    seg.set_attribute("role", "group")?;
    toolbar.append_child(&seg)?;
    let menu: HtmlElement = el(&doc, "div", "menu")?;
    menu.set_id("menu");
    // Buttons are named in the reader's language by `label_buttons`, when the widget loads.
    let button = |parent: &HtmlElement, class: &str| -> Result<HtmlElement> {
        let b: HtmlElement = el(&doc, "button", class)?;
        b.set_attribute("type", "button")?;
        parent.append_child(&b)?;
        Ok(b)
    };
    let views = [button(&seg, "mode")?, button(&seg, "mode")?, button(&seg, "mode")?];
    let reset = button(&toolbar, "reset")?;
    let chart = button(&toolbar, "view")?;
    let more = button(&toolbar, "more")?;
    more.set_attribute("aria-haspopup", "menu")?;
    more.set_attribute("aria-controls", "menu")?;
    more.set_attribute("aria-expanded", "false")?;
    more.set_hidden(true);
    toolbar.append_child(&menu)?;
    let buttons = Buttons {
        seg,
        views,
        more,
        reset,
        chart,
        table: button(&menu, "view")?,
        sources: button(&menu, "panel")?,
        csv: button(&menu, "download")?,
        png: button(&menu, "download")?,
        menu,
    };
    buttons.reset.set_hidden(true);
    for b in &buttons.views {
        b.set_hidden(true);
    }
    buttons.chart.set_attribute("aria-pressed", "true")?;
    buttons.table.set_attribute("aria-pressed", "false")?;
    buttons.sources.set_attribute("aria-expanded", "false")?;
    let live: HtmlElement = el(&doc, "div", "sr-only")?;
    live.set_attribute("aria-live", "polite")?;
    live.set_attribute("role", "status")?;
    stage.append_child(&base)?;
    stage.append_child(&hover)?;
    let cursor = super::cursor::Cursor::new(&doc)?;
    stage.append_child(&cursor.root)?;
    stage.append_child(&tooltip)?;
    root.append_child(&stage)?;
    root.append_child(&table)?;
    root.append_child(&toolbar)?;
    root.append_child(&sources)?;
    root.append_child(&error)?;
    root.append_child(&live)?;
    shadow.append_child(&root)?;
    Ok(Dom {
        first_width,
        shadow,
        root,
        stage,
        base,
        hover,
        tooltip,
        cursor,
        table,
        sources,
        toolbar,
        buttons,
        error,
        live,
        tip_text: Default::default(),
    })
}

/// Fills the tooltip with text nodes (never HTML) and places it beside `anchor` (CSS px).
pub fn show_tooltip(dom: &Dom, t: &Tooltip, anchor: (f64, f64), stage_w: f64, focused: Option<usize>) -> Result<()> {
    // The tooltip's nodes are made once and reused on every hover, and only what differs from
    // the last hover is written (`tip_text` remembers it, slot by slot: the title, four slots per
    // row, then the notes, then the source line).
    const ROW: usize = 1;
    const NOTE: usize = ROW + 4 * crate::data::MAX_SERIES;
    const SOURCE: usize = NOTE + crate::data::MAX_EVENTS;
    let tip = &dom.tooltip;
    let mut was = dom.tip_text.borrow_mut();
    if was.len() <= SOURCE {
        was.resize(SOURCE + 1, String::new());
    }
    let mut changed = |slot: usize, now: &str| -> bool {
        let old = &mut was[slot.min(SOURCE)];
        if old == now {
            return false;
        }
        now.clone_into(old);
        true
    };
    let title = child(tip, 0, "div", "tt-title")?;
    let rows = child(tip, 1, "div", "tt-rows")?;
    let notes = child(tip, 2, "div", "tt-notes")?;
    let source = child(tip, 3, "div", "tt-source")?;
    if changed(0, &t.title) {
        title.set_text_content(Some(&t.title));
    }
    let made = rows.child_element_count() as usize;
    for (k, r) in t.rows.iter().enumerate() {
        let row = child(&rows, k as u32, "div", "tt-row")?;
        let (fresh, at) = (k >= made, ROW + 4 * k);
        let class = if focused == Some(k) { "tt-row focused" } else { "tt-row" };
        if changed(at, class) | fresh {
            row.set_class_name(class);
        }
        let colour = Theme::css(r.color);
        if changed(at + 1, &colour) | fresh {
            child(&row, 0, "span", "tt-swatch")?.style().set_property("background", &colour)?;
        }
        if changed(at + 2, &r.label) | fresh {
            child(&row, 1, "span", "tt-label")?.set_text_content(Some(&r.label));
        }
        if changed(at + 3, &r.value) | fresh {
            child(&row, 2, "span", "tt-value")?.set_text_content(Some(&r.value));
        }
    }
    if t.rows.len() < made {
        trim(&rows, t.rows.len() as u32);
        for k in t.rows.len()..made {
            for j in 0..4 {
                changed(ROW + 4 * k + j, "");
            }
        }
    }
    let made_notes = notes.child_element_count() as usize;
    for (k, n) in t.notes.iter().enumerate() {
        if changed(NOTE + k, n) | (k >= made_notes) {
            child(&notes, k as u32, "div", "tt-note")?.set_text_content(Some(n));
        }
    }
    if t.notes.len() < made_notes {
        trim(&notes, t.notes.len() as u32);
        for k in t.notes.len()..made_notes {
            changed(NOTE + k, "");
        }
    }
    if changed(SOURCE, &t.source) {
        source.set_text_content(Some(&t.source));
    }
    drop(was);
    tip.set_hidden(false);
    // Placed without reading the tooltip's size (which would force a layout on every move): it
    // goes right of the anchor unless its widest possible box would cross the stage's edge, then
    // left of it; CSS translates keep it inside the stage whatever its final size.
    let widest = (stage_w * 0.8).min(280.0);
    let (left, dx) = if anchor.0 + 14.0 + widest > stage_w - 4.0 {
        let left = anchor.0 - 14.0;
        (left, format!("max(-100%, calc(4px - {:.0}px))", left))
    } else {
        (anchor.0 + 14.0, "0px".to_string())
    };
    // One property (a transform moves the box without a new layout of the stage).
    let top = anchor.1;
    tip.style().set_property(
        "transform",
        &format!("translate(calc({:.0}px + {dx}), calc({:.0}px + max(-50%, calc(4px - {:.0}px))))", left, top, top),
    )?;
    Ok(())
}

/// Child `i` of `parent`, created (as `tag.class`) when the parent has fewer children.
fn child(parent: &Element, i: u32, tag: &str, class: &str) -> Result<HtmlElement> {
    if let Some(c) = parent.children().item(i) {
        return c.dyn_into::<HtmlElement>().map_err(|_| Error::Browser("unexpected element type".into()));
    }
    add(parent, tag, class, None)
}

/// Removes children from index `n` on.
fn trim(parent: &Element, n: u32) {
    while parent.child_element_count() > n {
        if let Some(last) = parent.last_element_child() {
            last.remove();
        }
    }
}

/// Hides the tooltip and the hover marks.
pub fn hide_hover(dom: &Dom) {
    dom.tooltip.set_hidden(true);
    dom.cursor.hide();
}

/// Shows a message in place of the chart.
pub fn show_error(dom: &Dom, message: &str, l: Locale) -> Result<()> {
    let doc = dom.root.owner_document().ok_or_else(|| JsValue::from_str("no document"))?;
    best_effort(dom.stage.remove_attribute("data-loading"));
    dom.stage.set_hidden(true);
    dom.table.set_hidden(true);
    dom.sources.set_hidden(true);
    dom.toolbar.set_hidden(true);
    dom.error.set_text_content(None);
    let title: Element = el::<HtmlElement>(&doc, "strong", "error-title")?.into();
    title.set_text_content(Some(l.text(Text::CouldNotShow)));
    dom.error.append_child(&title)?;
    let body: HtmlElement = el(&doc, "span", "error-message")?;
    body.set_text_content(Some(message));
    dom.error.append_child(&body)?;
    dom.error.set_hidden(false);
    Ok(())
}

/// While the module fetches a chart's data file itself: the chart's height kept, no toolbar yet,
/// and "Loading…" in the middle (CSS generated content from an attribute: text, never HTML) and
/// in the canvas's label.
pub fn show_loading(dom: &Dom, height: f64, l: Locale) -> Result<()> {
    dom.error.set_hidden(true);
    dom.table.set_hidden(true);
    dom.sources.set_hidden(true);
    dom.toolbar.set_hidden(true);
    dom.stage.set_hidden(false);
    dom.stage.style().set_property("height", &format!("{height}px"))?;
    dom.stage.set_attribute("data-loading", l.text(Text::Loading))?;
    dom.base.set_attribute("aria-label", l.text(Text::Loading))?;
    Ok(())
}

pub fn hide_error(dom: &Dom) {
    best_effort(dom.stage.remove_attribute("data-loading"));
    dom.error.set_hidden(true);
    dom.toolbar.set_hidden(false);
}

/// Puts the toolbar's words in the current locale.
pub fn label_buttons(dom: &Dom, l: Locale) {
    let b = &dom.buttons;
    for (el, key) in [
        (&b.more, Text::More),
        (&b.views[0], Text::Values),
        (&b.views[1], Text::Change),
        (&b.views[2], Text::Share),
        (&b.reset, Text::ResetZoom),
        (&b.chart, Text::Chart),
        (&b.table, Text::Table),
        (&b.sources, Text::Sources),
        (&b.csv, Text::DownloadCsv),
        (&b.png, Text::DownloadPng),
    ] {
        el.set_text_content(Some(l.text(key)));
    }
}

/// Puts the toolbar in its phone form (one row: the views as a segmented control, "More" opening
/// a menu of Table, Sources and the downloads) or its wide form (every button in the row).
pub fn set_compact(dom: &Dom, compact: bool, l: Locale) {
    let b = &dom.buttons;
    best_effort(dom.root.class_list().toggle_with_force("compact", compact));
    best_effort(b.seg.set_attribute("aria-label", l.text(Text::View)));
    b.more.set_hidden(!compact);
    b.menu.set_hidden(compact);
    best_effort(b.more.set_attribute("aria-expanded", "false"));
    if compact {
        best_effort(b.menu.set_attribute("role", "menu"));
        best_effort(b.menu.set_attribute("aria-label", l.text(Text::More)));
    } else {
        best_effort(b.menu.remove_attribute("role"));
        best_effort(b.menu.remove_attribute("aria-label"));
    }
    for (item, role) in
        [(&b.table, "menuitemcheckbox"), (&b.sources, "menuitemcheckbox"), (&b.csv, "menuitem"), (&b.png, "menuitem")]
    {
        if compact {
            best_effort(item.set_attribute("role", role));
            item.set_tab_index(-1);
        } else {
            best_effort(item.remove_attribute("role"));
            best_effort(item.remove_attribute("tabindex"));
        }
    }
    sync_menu_states(dom);
}

/// Mirrors the Table and Sources toggles' state (`aria-pressed` / `aria-expanded`) as the
/// `aria-checked` a menu item carries; the Chart button is shown on a phone only while the table is.
pub fn sync_menu_states(dom: &Dom) {
    let b = &dom.buttons;
    let compact = dom.root.class_list().contains("compact");
    for (item, attr) in [(&b.table, "aria-pressed"), (&b.sources, "aria-expanded")] {
        let on = item.get_attribute(attr).as_deref() == Some("true");
        if compact {
            best_effort(item.set_attribute("aria-checked", if on { "true" } else { "false" }));
        } else {
            best_effort(item.remove_attribute("aria-checked"));
        }
    }
    b.chart.set_hidden(compact && dom.table.hidden());
}

/// Opens or closes the phone menu; opening focuses its first item.
pub fn open_menu(dom: &Dom, open: bool) {
    let b = &dom.buttons;
    if !dom.root.class_list().contains("compact") {
        return;
    }
    b.menu.set_hidden(!open);
    best_effort(b.more.set_attribute("aria-expanded", if open { "true" } else { "false" }));
    if open {
        best_effort(b.table.focus());
    }
}

/// The phone menu's items, in order.
pub fn menu_items(dom: &Dom) -> [&HtmlElement; 4] {
    let b = &dom.buttons;
    [&b.table, &b.sources, &b.csv, &b.png]
}

/// Creates an element with a class and text (never HTML) and appends it to `parent`.
pub fn add(parent: &Element, tag: &str, class: &str, text: Option<&str>) -> Result<HtmlElement> {
    let doc = parent.owner_document().ok_or_else(|| JsValue::from_str("no document"))?;
    let e: HtmlElement = el(&doc, tag, class)?;
    if text.is_some() {
        e.set_text_content(text);
    }
    parent.append_child(&e)?;
    Ok(e)
}
