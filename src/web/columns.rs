//! Datasets handed to `mount()` as objects, with columnar series: the fast path for big data.
//!
//! A page that already holds its numbers in arrays (a `Float64Array` per series, as uPlot takes
//! them) should not have to write 166,650 point objects as JSON text for the module to read back.
//! `data` may therefore be an object in the public schema where a series gives
//! `columns: {period: string[], value: Float64Array | number[], source: string | string[]}`
//! (and optionally `label`/`note`, strings or `null`, as in a JSON document) instead of `points`.
//! Everything but the columns crosses through serde-wasm-bindgen into the schema's own serde
//! types (the same `Deserialize` a JSON document goes through); the columns are the measured
//! exception: periods, values and sources are copied in bulk (one joined string per column, one
//! typed-array copy) instead of one boundary call per element, which is what serde-wasm-bindgen
//! makes of a `Float64Array` (`make bench`, case `draw_166k`, mounts 3 × 55,550 points this way).
//! Then the whole dataset passes the same [`validate`](crate::data::validate) as every other
//! document, so the rules are one.

use super::best_effort;
use crate::data::{read_from, validate, Dataset, Periods, Points, SourceIds, MAX_POINTS};
use crate::error::{Error, Result};
use js_sys::{Array, Float64Array, JsString, Object, Reflect, Uint8Array};
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
    // A shallow copy without the columns (each replaced by an empty `points`) is read through serde.
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
        best_effort(Reflect::delete_property(&sc, &JsValue::from_str("columns")));
        if Reflect::has(&sc, &JsValue::from_str("points")).unwrap_or(false) {
            return Err(bad(context, "a series gives both \"points\" and \"columns\"; give one"));
        }
        best_effort(Reflect::set(&sc, &JsValue::from_str("points"), &Array::new()));
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
    best_effort(Reflect::set(&copy, &JsValue::from_str("series"), &stripped));
    let mut ds = read_from(serde_wasm_bindgen::Deserializer::from(JsValue::from(copy)), context)?;
    // Series given the same period array (the usual case) share its texts.
    let mut periods: Option<(JsValue, Rc<Periods>)> = None;
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

/// The joined text of an array's strings, in one copy: joined with newlines in JS (no call per
/// element). Elements are read as `String(x)` would write them; a period or source id that is
/// not a string therefore fails validation as text (an unparsable period, an unknown source).
fn joined(v: &JsValue, n: usize, what: &str, context: &str, series: &str) -> Result<String> {
    let a: &Array = v
        .dyn_ref()
        .ok_or_else(|| bad(context, format!("series \"{series}\": columns.{what} must be an array of strings")))?;
    if a.length() as usize != n {
        return Err(bad(
            context,
            format!("series \"{series}\": columns.{what} has {} entries, columns.value {n}", a.length()),
        ));
    }
    Ok(utf8(&a.join("\n")))
}

/// The parts of a joined column: exactly `n` of them, or an error (an element held a newline,
/// which a period or source id never has).
fn parts<'a>(
    text: &'a str,
    n: usize,
    what: &str,
    context: &str,
    series: &str,
) -> Result<impl Iterator<Item = &'a str>> {
    let count = if n == 0 { 0 } else { text.bytes().filter(|&b| b == b'\n').count() + 1 };
    if count != n {
        return Err(line_break(what, context, series));
    }
    Ok(text.split('\n').take(n))
}

/// A joined column split into more parts than it has entries: one held a line break.
fn line_break(what: &str, context: &str, series: &str) -> Error {
    bad(context, format!("series \"{series}\": an entry of columns.{what} contains a line break"))
}

/// A period column: one buffer of texts (no string per period).
fn periods(v: &JsValue, n: usize, context: &str, series: &str) -> Result<Rc<Periods>> {
    if n == 0 {
        // Checks the array's length (0) and kind.
        joined(v, n, "period", context, series)?;
        return Ok(Rc::default());
    }
    let out = Periods::from_joined(joined(v, n, "period", context, series)?, '\n');
    if out.len() != n {
        return Err(line_break("period", context, series));
    }
    Ok(Rc::new(out))
}

/// A column of source ids; equal neighbours share one text.
fn source_ids(v: &JsValue, n: usize, context: &str, series: &str) -> Result<Vec<Rc<str>>> {
    let text = joined(v, n, "source", context, series)?;
    let mut out: Vec<Rc<str>> = Vec::with_capacity(n);
    for part in parts(&text, n, "source", context, series)? {
        let shared = match out.last() {
            Some(last) if **last == *part => last.clone(),
            _ => Rc::from(part),
        };
        out.push(shared);
    }
    Ok(out)
}

fn points(cols: &JsValue, shared: &mut Option<(JsValue, Rc<Periods>)>, context: &str, series: &str) -> Result<Points> {
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
    // Series given the same period array share one column (and its parsed times).
    let column = match shared {
        Some((array, column)) if *array == period && column.len() == n => column.clone(),
        _ => {
            let column = periods(&period, n, context, series)?;
            *shared = Some((period, column.clone()));
            column
        }
    };
    let source = get(cols, "source");
    let sources = match source.as_string() {
        // One source for the whole column.
        Some(one) => SourceIds::One(Rc::from(one)),
        None => SourceIds::Each(source_ids(&source, n, context, series)?),
    };
    // Labels and notes, as in a JSON document's columns: optional, `null` where a point has none.
    let mut texts = ["label", "note"].into_iter().map(|what| {
        let column = get(cols, what);
        match column.is_undefined() {
            true => Ok(None),
            false => optional_strings(&column, n, what, context, series).map(Some),
        }
    });
    let (labels, notes) = (texts.next().transpose()?.flatten(), texts.next().transpose()?.flatten());
    // Every column was checked against `n` above.
    Points::from_columns(column, values, sources, labels, notes)
        .map_err(|r| bad(context, format!("series \"{series}\": {}", r.message(n))))
}

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
