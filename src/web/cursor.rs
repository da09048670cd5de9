//! A line chart's hover marks ([`HoverMarks`]: a vertical rule and ringed dots) as a few elements
//! moved by CSS transforms.
//!
//! Drawing them on the hover canvas made the browser re-rasterise and composite a full-size canvas
//! on every pointer move: measured in `make bench`, about a third of a hover's time (p50 1.6 ms
//! with the canvas, 1.0 ms without). Moving elements only changes transforms; colours and sizes
//! are written when they change. Other chart kinds, and the drag and linked-view marks, still
//! draw on the hover canvas.

use crate::chart::HoverMarks;
use crate::error::{Error, Result};
use crate::render::{Rgb, Theme};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

pub struct Cursor {
    /// Holds the rule and the dots; hidden when nothing is hovered.
    pub root: HtmlElement,
    rule: HtmlElement,
    /// The dot elements made so far, and what was last written to each.
    dots: RefCell<Vec<Dot>>,
    /// The rule's last colour and height.
    rule_style: RefCell<(Option<Rgb>, f64)>,
}

struct Dot {
    el: HtmlElement,
    /// (dot colour, ring colour, ring radius, dot radius) last written.
    style: Option<(Rgb, Rgb, f64, f64)>,
}

fn div(doc: &Document, class: &str) -> Result<HtmlElement> {
    let e = doc.create_element("div")?;
    e.set_class_name(class);
    e.dyn_into::<HtmlElement>().map_err(|_| Error::Browser("unexpected element type".into()))
}

impl Cursor {
    pub fn new(doc: &Document) -> Result<Cursor> {
        let root = div(doc, "cursor")?;
        root.set_attribute("aria-hidden", "true")?;
        root.set_hidden(true);
        let rule = div(doc, "rule")?;
        root.append_child(&rule)?;
        Ok(Cursor { root, rule, dots: RefCell::new(Vec::new()), rule_style: RefCell::new((None, -1.0)) })
    }

    /// Places the rule and one dot per value of `m`.
    pub fn show(&self, m: &HoverMarks) -> Result<()> {
        let rs = self.rule.style();
        let height = m.bottom - m.top;
        let mut last = self.rule_style.borrow_mut();
        if last.0 != Some(m.rule) || last.1 != height {
            rs.set_property("background", &Theme::css(m.rule))?;
            rs.set_property("height", &format!("{}px", height))?;
            *last = (Some(m.rule), height);
        }
        // A 1 px rule centred on x, as the canvas strokes it.
        rs.set_property("transform", &format!("translate({}px,{}px)", m.x - 0.5, m.top))?;
        let mut dots = self.dots.borrow_mut();
        while dots.len() < m.dots.len() {
            let el = div(&self.root.owner_document().ok_or_else(|| Error::Browser("no document".into()))?, "dot")?;
            self.root.append_child(&el)?;
            dots.push(Dot { el, style: None });
        }
        for (i, dot) in dots.iter_mut().enumerate() {
            let Some(&(y, color)) = m.dots.get(i) else {
                dot.el.set_hidden(true);
                continue;
            };
            dot.el.set_hidden(false);
            let ds = dot.el.style();
            let want = (color, m.ring, m.ring_radius, m.dot_radius);
            if dot.style != Some(want) {
                // A dot of the series colour inside a ring of the background colour (the box
                // includes its border: `box-sizing: border-box`).
                let ring = m.ring_radius - m.dot_radius;
                ds.set_property("width", &format!("{}px", 2.0 * m.ring_radius))?;
                ds.set_property("height", &format!("{}px", 2.0 * m.ring_radius))?;
                ds.set_property("border", &format!("{}px solid {}", ring, Theme::css(m.ring)))?;
                ds.set_property("margin", &format!("{}px 0 0 {}px", -m.ring_radius, -m.ring_radius))?;
                ds.set_property("background", &Theme::css(color))?;
                dot.style = Some(want);
            }
            ds.set_property("transform", &format!("translate({}px,{}px)", m.x, y))?;
        }
        self.root.set_hidden(false);
        Ok(())
    }

    pub fn hide(&self) {
        self.root.set_hidden(true);
    }
}
