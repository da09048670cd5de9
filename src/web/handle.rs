//! The JS handle `mount()` returns: `update(options)`, `destroy()`, and the few reads tests and
//! tools use (linked cursors, geometry probes, the laid-out size).

use super::best_effort;
use super::frame::schedule;
use super::options::{self};
use super::widget::{announce, Widget};
use crate::error::Error;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// What `mount()` returns: `update(options)` and `destroy()`.
#[wasm_bindgen]
pub struct Handle {
    pub(super) inner: Option<Rc<RefCell<Widget>>>,
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
        rc.borrow_mut().opts = opts;
        let missing = super::fetch::missing(&rc.borrow().opts);
        match missing {
            Some(id) => super::fetch::chart_data(rc, &id),
            None => {
                let outcome = rc.borrow_mut().reload();
                announce(rc, outcome);
            }
        }
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
