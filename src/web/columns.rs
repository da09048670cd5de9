//! Datasets handed to `mount()` as objects, with columnar series: the fast path for big data.
//!
//! A page that already holds its numbers in arrays (a `Float64Array` per series, as uPlot takes
//! them) should not have to write 166,650 point objects as JSON text for the module to read back.
//! `data` may therefore be an object in the public schema where a series gives
//! `columns: {period: string[], value: Float64Array | number[], source: string | string[]}`
//! (and optionally `label`/`note`, strings or `null`, as in a JSON document) instead of `points`.
//! Everything but the columns goes through the JSON reader; periods, values and sources are
//! copied in bulk (one string per column, one typed-array copy); then the whole dataset passes
//! the same [`validate`](crate::data::validate) as every other document, so the rules are one.

use crate::data::{parse_document, validate, Dataset, Point, MAX_POINTS};
use crate::error::{Error, Result};
use js_sys::{Array, Float64Array, JsString, Object, Reflect, Uint8Array, JSON};
use std::rc::Rc;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    /// `{read, written}`.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, source: &JsString, destination: &Uint8Array) -> EncodeResult;
    type EncodeResult;
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeResult) -> f64;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeResult) -> f64;
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// A JS string as UTF-8, written by the browser straight into wasm memory when it is ASCII (a
/// joined column of periods or source ids: hundreds of kilobytes). The glue's general copy walks
/// the string a character at a time in JS first.
fn utf8(s: &JsString) -> String {
    let n = s.length() as usize;
    let mut buf = vec![0u8; n];
    if n > 0 {
        let done = ENCODER.with(|e| {
            // SAFETY: the view covers `buf` only and is dropped before `buf` is touched again.
            // Should memory grow before the browser writes (the view's buffer is then detached),
            // nothing is written and `read` is 0: the fallback below copies the string instead.
            let view = unsafe { Uint8Array::view_mut_raw(buf.as_mut_ptr(), n) };
            e.encode_into(s, &view)
        });
        if done.read() as usize != n {
            // Not ASCII: more bytes than units. The glue's copy handles any string.
            return s.into();
        }
        buf.truncate(done.written() as usize);
    }
    String::from_utf8(buf).unwrap_or_else(|_| s.into())
}

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn bad(context: &str, problem: impl Into<String>) -> Error {
    Error::invalid(format!("the data object {context}"), problem)
}

/// Reads a dataset object (see the module doc). `context` names it in messages.
pub fn read(data: &JsValue, context: &str) -> Result<Dataset> {
    if !data.is_object() || Array::is_array(data) {
        return Err(bad(context, "data must be a JSON text or a dataset object"));
    }
    let series = get(data, "series");
    let list: Array = series.dyn_into().map_err(|_| bad(context, "\"series\" must be an array"))?;
    if list.length() as usize > crate::data::MAX_SERIES {
        return Err(Error::TooLarge {
            what: format!("the data object {context}: the number of series"),
            limit: crate::data::MAX_SERIES,
            actual: list.length() as usize,
        });
    }
    // A shallow copy without the columns (each replaced by an empty `points`) is read as JSON.
    let copy = Object::assign(&Object::new(), data.unchecked_ref());
    let stripped = Array::new();
    let mut columns: Vec<Option<JsValue>> = Vec::new();
    let mut total = 0usize;
    for s in list.iter() {
        let cols = if s.is_object() { get(&s, "columns") } else { JsValue::UNDEFINED };
        if cols.is_undefined() {
            stripped.push(&s);
            columns.push(None);
            continue;
        }
        let sc = Object::assign(&Object::new(), s.unchecked_ref());
        let _ = Reflect::delete_property(&sc, &JsValue::from_str("columns"));
        if Reflect::has(&sc, &JsValue::from_str("points")).unwrap_or(false) {
            return Err(bad(context, "a series gives both \"points\" and \"columns\"; give one"));
        }
        let _ = Reflect::set(&sc, &JsValue::from_str("points"), &Array::new());
        total += length(&get(&cols, "value"));
        stripped.push(&sc);
        columns.push(Some(cols));
    }
    if total > MAX_POINTS {
        return Err(Error::TooLarge {
            what: format!("the data object {context}: the number of points"),
            limit: MAX_POINTS,
            actual: total,
        });
    }
    let _ = Reflect::set(&copy, &JsValue::from_str("series"), &stripped);
    let text: String = JSON::stringify(&copy)
        .map_err(|_| bad(context, "the object cannot be written as JSON (a cycle or a BigInt?)"))?
        .into();
    let mut ds = parse_document(&text, context)?;
    // Series given the same period array (the usual case) share its texts.
    let mut periods: Option<(JsValue, Vec<Rc<str>>)> = None;
    for (s, cols) in ds.series.iter_mut().zip(columns) {
        if let Some(cols) = cols {
            s.points = points(&cols, &mut periods, context, &s.id)?;
        }
    }
    validate(&ds)?;
    Ok(ds)
}

fn length(v: &JsValue) -> usize {
    if let Some(a) = v.dyn_ref::<Float64Array>() {
        a.length() as usize
    } else if let Some(a) = v.dyn_ref::<Array>() {
        a.length() as usize
    } else {
        0
    }
}

/// Strings of an array, in one copy: joined with newlines in JS, split here (no call per element).
/// Elements are read as `String(x)` would write them; a period or source id that is not a string
/// therefore fails validation as text (an unparsable period, an unknown source). An element holding
/// a newline is an error (a period or source id never has one). Equal neighbours share one text.
fn strings(v: &JsValue, n: usize, what: &str, context: &str, series: &str) -> Result<Vec<Rc<str>>> {
    let a: &Array = v
        .dyn_ref()
        .ok_or_else(|| bad(context, format!("series \"{series}\": columns.{what} must be an array of strings")))?;
    if a.length() as usize != n {
        return Err(bad(
            context,
            format!("series \"{series}\": columns.{what} has {} entries, columns.value {n}", a.length()),
        ));
    }
    let joined = utf8(&a.join("\n"));
    let mut out: Vec<Rc<str>> = Vec::with_capacity(n);
    for part in joined.split('\n').take(if n == 0 { 0 } else { n + 1 }) {
        let shared = match out.last() {
            Some(last) if **last == *part => last.clone(),
            _ => Rc::from(part),
        };
        out.push(shared);
    }
    if out.len() != n {
        return Err(bad(context, format!("series \"{series}\": an entry of columns.{what} contains a line break")));
    }
    Ok(out)
}

fn points(
    cols: &JsValue,
    shared: &mut Option<(JsValue, Vec<Rc<str>>)>,
    context: &str,
    series: &str,
) -> Result<Vec<Point>> {
    if !cols.is_object() {
        return Err(bad(context, format!("series \"{series}\": columns must be an object")));
    }
    for key in Object::keys(cols.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()) {
        if !matches!(key.as_str(), "period" | "value" | "source" | "label" | "note") {
            return Err(bad(
                context,
                format!(
                    "series \"{series}\": unknown column \"{}\", expected period, value, source, label, note",
                    clip(&key)
                ),
            ));
        }
    }
    let value = get(cols, "value");
    let values: Vec<f64> = if let Some(a) = value.dyn_ref::<Float64Array>() {
        // One copy of the whole column.
        a.to_vec()
    } else if let Some(a) = value.dyn_ref::<Array>() {
        let mut out = Vec::with_capacity(a.length() as usize);
        for (i, v) in a.iter().enumerate() {
            out.push(
                v.as_f64()
                    .ok_or_else(|| bad(context, format!("series \"{series}\": columns.value[{i}] is not a number")))?,
            );
        }
        out
    } else {
        return Err(bad(
            context,
            format!("series \"{series}\": columns.value must be a Float64Array or an array of numbers"),
        ));
    };
    let n = values.len();
    let period = get(cols, "period");
    // The texts are kept for the next series (no copy of the list: each point takes its own `Rc`).
    if !matches!(shared, Some((array, texts)) if *array == period && texts.len() == n) {
        *shared = Some((period.clone(), strings(&period, n, "period", context, series)?));
    }
    let periods = shared.as_ref().map_or(&[][..], |s| &s.1[..]).iter().cloned();
    let source = get(cols, "source");
    let point = |(period, value), source| Point { period, value, source, label: None, note: None };
    let mut points: Vec<Point> = match source.as_string() {
        // One source for the whole column: every point shares its text (no list of n copies).
        Some(one) => {
            let one: Rc<str> = Rc::from(one);
            periods.zip(values).map(|pv| point(pv, one.clone())).collect()
        }
        None => {
            let sources = strings(&source, n, "source", context, series)?;
            periods.zip(values).zip(sources).map(|(pv, s)| point(pv, s)).collect()
        }
    };
    // Labels and notes, as in a JSON document's columns: optional, `null` where a point has none.
    let slots: [(&str, TextSlot); 2] = [("label", |p| &mut p.label), ("note", |p| &mut p.note)];
    for (what, slot) in slots {
        let column = get(cols, what);
        if !column.is_undefined() {
            let texts = optional_strings(&column, n, what, context, series)?;
            for (p, text) in points.iter_mut().zip(texts) {
                *slot(p) = text;
            }
        }
    }
    Ok(points)
}

/// Where a text column's entries go in a point.
type TextSlot = fn(&mut Point) -> &mut Option<String>;

/// An optional text column (`label`, `note`): strings or `null`, read one by one (they may hold
/// any character, and are rare next to periods and values).
fn optional_strings(v: &JsValue, n: usize, what: &str, context: &str, series: &str) -> Result<Vec<Option<String>>> {
    let a: &Array = v.dyn_ref().ok_or_else(|| {
        bad(context, format!("series \"{series}\": columns.{what} must be an array of strings or null"))
    })?;
    if a.length() as usize != n {
        return Err(bad(
            context,
            format!("series \"{series}\": columns.{what} has {} entries, columns.value {n}", a.length()),
        ));
    }
    a.iter()
        .enumerate()
        .map(|(i, x)| match x.as_string() {
            Some(s) => Ok(Some(s)),
            None if x.is_null() || x.is_undefined() => Ok(None),
            None => Err(bad(context, format!("series \"{series}\": columns.{what}[{i}] is not a string or null"))),
        })
        .collect()
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}
