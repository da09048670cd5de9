//! Every event listener goes through [`Listener`]: it owns its closure and removes itself when
//! dropped, so `destroy()` (dropping the widget) releases every listener and closure.

use super::best_effort;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    pub fn new(target: &EventTarget, kind: &'static str, f: impl FnMut(Event) + 'static) -> Option<Listener> {
        let closure = Closure::wrap(Box::new(f) as Box<dyn FnMut(Event)>);
        target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref()).ok()?;
        Some(Listener { target: target.clone(), kind, closure })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        best_effort(self.target.remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref()));
    }
}
