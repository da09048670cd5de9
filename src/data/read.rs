//! Reads the schema types of `schema.rs` from JSON with the [`json`](super::json) pull parser, by
//! the rules serde's derives applied before: every field required unless optional (optional
//! fields may be absent or `null`; `notes` and `events` default to empty), no unknown fields, no
//! field twice, enums by their lowercase / snake_case names. Messages follow serde's wording
//! (`missing field `title``, `invalid type: string "NaN", expected f64` …) and errors carry the
//! path of the value, e.g. `series[2].points[17].value`.

use super::json::{Error, ErrorKind, Parser, Result, Token};
use super::points::{Builder, Periods, Points, SourceIds};
use super::schema::{Dataset, Domain, Event, Frequency, Series, Source, Unit};
use std::borrow::Cow;
use std::rc::Rc;

/// Reads a whole document as a dataset (nothing but whitespace may follow it).
pub fn dataset(src: &str) -> Result<Dataset> {
    let mut p = Parser::new(src);
    let ds = read_dataset(&mut p)?;
    p.finish()?;
    Ok(ds)
}

const DATASET_FIELDS: &[&str] =
    &["id", "title", "domain", "unit", "frequency", "description", "notes", "sources", "series", "events"];
const SOURCE_FIELDS: &[&str] =
    &["id", "title", "publisher", "url", "repository", "path", "commit", "licence", "coverage", "retrieved"];
const SERIES_FIELDS: &[&str] = &["id", "label", "unit", "note", "points", "columns"];
const COLUMN_FIELDS: &[&str] = &["period", "value", "source", "label", "note"];
const POINT_FIELDS: &[&str] = &["period", "value", "source", "label", "note"];
const EVENT_FIELDS: &[&str] = &["date", "label", "short", "source"];

const DOMAINS: &[(&str, Domain)] =
    &[("economic", Domain::Economic), ("military", Domain::Military), ("diplomatic", Domain::Diplomatic)];
const UNITS: &[(&str, Unit)] = &[
    ("usd_bn", Unit::UsdBn),
    ("usd_m", Unit::UsdM),
    ("percent", Unit::Percent),
    ("share", Unit::Share),
    ("tiv_m", Unit::TivM),
    ("ideal_point", Unit::IdealPoint),
    ("count", Unit::Count),
    ("vote", Unit::Vote),
    ("tier", Unit::Tier),
    ("change_percent", Unit::ChangePercent),
];
const FREQUENCIES: &[(&str, Frequency)] = &[
    ("annual", Frequency::Annual),
    ("session", Frequency::Session),
    ("monthly", Frequency::Monthly),
    ("daily", Frequency::Daily),
    ("records", Frequency::Records),
];

fn schema(message: String, at: usize) -> Error {
    Error::new(ErrorKind::Schema, message, at)
}

/// `` `a`, `b` or `c` `` as serde lists expected names.
fn one_of(names: impl Iterator<Item = &'static str>) -> String {
    let names: Vec<String> = names.map(|n| format!("`{n}`")).collect();
    match names.len() {
        0 => "nothing".to_string(),
        1 => names[0].clone(),
        2 => format!("{} or {}", names[0], names[1]),
        _ => format!("one of {}", names.join(", ")),
    }
}

/// A string shown in a message: Rust debug quoting, at most 40 characters.
fn shown(s: &str) -> String {
    if s.chars().count() > 40 {
        let head: String = s.chars().take(40).collect();
        format!("{:?}…", head)
    } else {
        format!("{s:?}")
    }
}

/// The error for a value of the wrong type: reads a scalar to show it (`string "NaN"`,
/// `integer `42``), names a sequence or map without reading it.
fn unexpected(p: &mut Parser<'_>, t: Token, expected: &str) -> Error {
    let what = match t {
        Token::Object => return schema(format!("invalid type: map, expected {expected}"), p.pos() + 1),
        Token::Array => return schema(format!("invalid type: sequence, expected {expected}"), p.pos() + 1),
        Token::String => match p.string_at() {
            Ok(s) => format!("string {}", shown(&s)),
            Err(e) => return e,
        },
        Token::Number => match p.number_token() {
            Ok(tok) if tok.bytes().all(|c| c == b'-' || c.is_ascii_digit()) => format!("integer `{tok}`"),
            Ok(tok) => format!("floating point `{tok}`"),
            Err(e) => return e,
        },
        Token::True | Token::False | Token::Null => match p.literal() {
            Ok(Token::Null) => "null".to_string(),
            Ok(Token::True) => "boolean `true`".to_string(),
            Ok(_) => "boolean `false`".to_string(),
            Err(e) => return e,
        },
    };
    schema(format!("invalid type: {what}, expected {expected}"), p.pos())
}

fn string(p: &mut Parser<'_>) -> Result<String> {
    match p.peek()? {
        Token::String => Ok(p.string_at()?.into_owned()),
        t => Err(unexpected(p, t, "a string")),
    }
}

/// A string as the document holds it (borrowed unless it has escapes).
fn borrowed_string<'a>(p: &mut Parser<'a>) -> Result<Cow<'a, str>> {
    match p.peek()? {
        Token::String => p.string_at(),
        t => Err(unexpected(p, t, "a string")),
    }
}

/// A string as an `Rc<str>`: `before` itself (no copy) when it holds the same text.
fn shared_string(p: &mut Parser<'_>, before: Option<&Rc<str>>) -> Result<Rc<str>> {
    match p.peek()? {
        Token::String => {
            let s = p.string_at()?;
            Ok(match before {
                Some(b) if **b == *s => b.clone(),
                _ => Rc::from(&*s),
            })
        }
        t => Err(unexpected(p, t, "a string")),
    }
}

/// An optional string: absent (handled by the caller) or `null` is `None`.
fn opt_string(p: &mut Parser<'_>) -> Result<Option<String>> {
    match p.peek()? {
        Token::Null => p.literal().map(|_| None),
        _ => string(p).map(Some),
    }
}

fn f64(p: &mut Parser<'_>) -> Result<f64> {
    match p.peek()? {
        Token::Number => p.f64(),
        t => Err(unexpected(p, t, "f64")),
    }
}

fn variant<T: Copy>(p: &mut Parser<'_>, table: &[(&'static str, T)]) -> Result<T> {
    match p.peek()? {
        Token::String => {
            let s = p.string_at()?;
            table.iter().find(|(name, _)| *name == s).map(|&(_, v)| v).ok_or_else(|| {
                let expected = one_of(table.iter().map(|(n, _)| *n));
                schema(format!("unknown variant `{s}`, expected {expected}"), p.pos())
            })
        }
        t => Err(unexpected(p, t, &one_of(table.iter().map(|(n, _)| *n)))),
    }
}

fn opt_variant<T: Copy>(p: &mut Parser<'_>, table: &[(&'static str, T)]) -> Result<Option<T>> {
    match p.peek()? {
        Token::Null => p.literal().map(|_| None),
        _ => variant(p, table).map(Some),
    }
}

/// An array, each element read by `item` (errors gain the element's index).
fn seq<T>(p: &mut Parser<'_>, mut item: impl FnMut(&mut Parser<'_>) -> Result<T>) -> Result<Vec<T>> {
    match p.peek()? {
        Token::Array => p.begin_array()?,
        t => return Err(unexpected(p, t, "a sequence")),
    }
    let mut out = Vec::new();
    while p.next_element(out.is_empty())? {
        let i = out.len();
        out.push(item(p).map_err(|e| e.in_index(i))?);
    }
    Ok(out)
}

/// Enters an object, or fails with serde's `invalid type: …, expected struct Name`.
fn begin_struct(p: &mut Parser<'_>, name: &str) -> Result<()> {
    match p.peek()? {
        Token::Object => p.begin_object(),
        t => Err(unexpected(p, t, &format!("struct {name}"))),
    }
}

/// Reads the value of field `name` into `slot` (an error if the field was already seen).
#[inline]
fn field<'a, T>(
    p: &mut Parser<'a>,
    slot: &mut Option<T>,
    name: &'static str,
    read: impl FnOnce(&mut Parser<'a>) -> Result<T>,
) -> Result<()> {
    if slot.is_some() {
        return Err(schema(format!("duplicate field `{name}`"), p.key_end()));
    }
    *slot = Some(read(p).map_err(|e| e.in_key(name))?);
    Ok(())
}

fn unknown_field(p: &Parser<'_>, key: &str, fields: &'static [&'static str]) -> Error {
    schema(format!("unknown field `{key}`, expected {}", one_of(fields.iter().copied())), p.key_end())
}

/// A required field's value, or `missing field` (at the object's closing brace).
fn required<T>(p: &Parser<'_>, slot: Option<T>, name: &str) -> Result<T> {
    slot.ok_or_else(|| schema(format!("missing field `{name}`"), p.pos()))
}

fn read_dataset(p: &mut Parser<'_>) -> Result<Dataset> {
    begin_struct(p, "Dataset")?;
    let (mut id, mut title, mut domain, mut unit, mut frequency, mut description) =
        (None, None, None, None, None, None);
    let (mut notes, mut sources, mut series, mut events) = (None, None, None, None);
    let mut first = true;
    while let Some(key) = p.key(first)? {
        first = false;
        match &*key {
            "id" => field(p, &mut id, "id", string)?,
            "title" => field(p, &mut title, "title", string)?,
            "domain" => field(p, &mut domain, "domain", |p| variant(p, DOMAINS))?,
            "unit" => field(p, &mut unit, "unit", |p| variant(p, UNITS))?,
            "frequency" => field(p, &mut frequency, "frequency", |p| variant(p, FREQUENCIES))?,
            "description" => field(p, &mut description, "description", string)?,
            "notes" => field(p, &mut notes, "notes", |p| seq(p, string))?,
            "sources" => field(p, &mut sources, "sources", |p| seq(p, read_source))?,
            "series" => field(p, &mut series, "series", |p| {
                // The source id of the point before: the next point mostly names the same.
                let mut last_source: Option<Rc<str>> = None;
                seq(p, |p| read_series(p, &mut last_source))
            })?,
            "events" => field(p, &mut events, "events", |p| seq(p, read_event))?,
            other => return Err(unknown_field(p, other, DATASET_FIELDS)),
        }
    }
    let mut ds = Dataset {
        id: required(p, id, "id")?,
        title: required(p, title, "title")?,
        domain: required(p, domain, "domain")?,
        unit: required(p, unit, "unit")?,
        frequency: required(p, frequency, "frequency")?,
        description: required(p, description, "description")?,
        notes: notes.unwrap_or_default(),
        sources: required(p, sources, "sources")?,
        series: required(p, series, "series")?,
        events: events.unwrap_or_default(),
    };
    ds.share_periods();
    Ok(ds)
}

fn read_source(p: &mut Parser<'_>) -> Result<Source> {
    begin_struct(p, "Source")?;
    let (mut id, mut title, mut publisher, mut url, mut repository) = (None, None, None, None, None);
    let (mut path, mut commit, mut licence, mut coverage, mut retrieved) = (None, None, None, None, None);
    let mut first = true;
    while let Some(key) = p.key(first)? {
        first = false;
        match &*key {
            "id" => field(p, &mut id, "id", string)?,
            "title" => field(p, &mut title, "title", string)?,
            "publisher" => field(p, &mut publisher, "publisher", string)?,
            "url" => field(p, &mut url, "url", opt_string)?,
            "repository" => field(p, &mut repository, "repository", opt_string)?,
            "path" => field(p, &mut path, "path", opt_string)?,
            "commit" => field(p, &mut commit, "commit", opt_string)?,
            "licence" => field(p, &mut licence, "licence", string)?,
            "coverage" => field(p, &mut coverage, "coverage", string)?,
            "retrieved" => field(p, &mut retrieved, "retrieved", string)?,
            other => return Err(unknown_field(p, other, SOURCE_FIELDS)),
        }
    }
    Ok(Source {
        id: required(p, id, "id")?,
        title: required(p, title, "title")?,
        publisher: required(p, publisher, "publisher")?,
        url: url.flatten(),
        repository: repository.flatten(),
        path: path.flatten(),
        commit: commit.flatten(),
        licence: required(p, licence, "licence")?,
        coverage: required(p, coverage, "coverage")?,
        retrieved: required(p, retrieved, "retrieved")?,
    })
}

fn read_series(p: &mut Parser<'_>, last_source: &mut Option<Rc<str>>) -> Result<Series> {
    begin_struct(p, "Series")?;
    let (mut id, mut label, mut unit, mut note, mut points) = (None, None, None, None, None);
    let mut columns: Option<Points> = None;
    let mut first = true;
    while let Some(key) = p.key(first)? {
        first = false;
        match &*key {
            "id" => field(p, &mut id, "id", string)?,
            "label" => field(p, &mut label, "label", string)?,
            "unit" => field(p, &mut unit, "unit", |p| opt_variant(p, UNITS))?,
            "note" => field(p, &mut note, "note", opt_string)?,
            "points" => field(p, &mut points, "points", |p| {
                let mut b = Builder::default();
                seq(p, |p| read_point(p, last_source, &mut b))?;
                Ok(b.finish())
            })?,
            "columns" => field(p, &mut columns, "columns", read_columns)?,
            other => return Err(unknown_field(p, other, SERIES_FIELDS)),
        }
    }
    if let Some(c) = columns {
        if points.is_some() {
            return Err(schema("a series gives both `points` and `columns`; give one".into(), p.pos()));
        }
        points = Some(c);
    }
    Ok(Series {
        id: required(p, id, "id")?,
        label: required(p, label, "label")?,
        unit: unit.flatten(),
        note: note.flatten(),
        points: required(p, points, "points")?,
    })
}

/// A series' points given as columns (the compact form): `period`, `value` and `source` (one id
/// for every point, or one per point), optionally `label` and `note` (`null` where a point has
/// none). Every column has as many entries as `value`.
fn read_columns(p: &mut Parser<'_>) -> Result<Points> {
    begin_struct(p, "Columns")?;
    let (mut period, mut value, mut source, mut label, mut note) = (None, None, None, None, None);
    let mut first = true;
    while let Some(key) = p.key(first)? {
        first = false;
        match &*key {
            "period" => field(p, &mut period, "period", |p| {
                let mut column = Periods::default();
                seq(p, |p| borrowed_string(p).map(|s: Cow<str>| column.push(&s)))?;
                Ok(column)
            })?,
            "value" => field(p, &mut value, "value", |p| seq(p, f64))?,
            "source" => field(p, &mut source, "source", |p| match p.peek()? {
                Token::String => shared_string(p, None).map(SourceIds::One),
                _ => {
                    let mut last: Option<Rc<str>> = None;
                    seq(p, |p| {
                        let s = shared_string(p, last.as_ref())?;
                        last = Some(s.clone());
                        Ok(s)
                    })
                    .map(SourceIds::Each)
                }
            })?,
            "label" => field(p, &mut label, "label", |p| seq(p, opt_string))?,
            "note" => field(p, &mut note, "note", |p| seq(p, opt_string))?,
            other => return Err(unknown_field(p, other, COLUMN_FIELDS)),
        }
    }
    let value: Vec<f64> = required(p, value, "value")?;
    let periods: Periods = required(p, period, "period")?;
    let sources: SourceIds = required(p, source, "source")?;
    let n = value.len();
    Points::from_columns(Rc::new(periods), value, sources, label, note).map_err(|r| schema(r.message(n), p.pos()))
}

/// One point of a `points` list, added to `b`'s columns.
fn read_point<'a>(p: &mut Parser<'a>, last_source: &mut Option<Rc<str>>, b: &mut Builder) -> Result<()> {
    begin_struct(p, "Point")?;
    let (mut period, mut value, mut source, mut label, mut note) = (None, None, None, None, None);
    let mut first = true;
    while let Some(key) = p.key(first)? {
        first = false;
        match &*key {
            "period" => field(p, &mut period, "period", borrowed_string)?,
            "value" => field(p, &mut value, "value", f64)?,
            "source" => {
                field(p, &mut source, "source", |p| shared_string(p, last_source.as_ref()))?;
                last_source.clone_from(&source);
            }
            "label" => field(p, &mut label, "label", opt_string)?,
            "note" => field(p, &mut note, "note", opt_string)?,
            other => return Err(unknown_field(p, other, POINT_FIELDS)),
        }
    }
    let period = required(p, period, "period")?;
    b.push(&period, required(p, value, "value")?, required(p, source, "source")?, label.flatten(), note.flatten());
    Ok(())
}

fn read_event(p: &mut Parser<'_>) -> Result<Event> {
    begin_struct(p, "Event")?;
    let (mut date, mut label, mut short, mut source) = (None, None, None, None);
    let mut first = true;
    while let Some(key) = p.key(first)? {
        first = false;
        match &*key {
            "date" => field(p, &mut date, "date", string)?,
            "label" => field(p, &mut label, "label", string)?,
            "short" => field(p, &mut short, "short", opt_string)?,
            "source" => field(p, &mut source, "source", string)?,
            other => return Err(unknown_field(p, other, EVENT_FIELDS)),
        }
    }
    Ok(Event {
        date: required(p, date, "date")?,
        label: required(p, label, "label")?,
        short: short.flatten(),
        source: required(p, source, "source")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str =
        r#"{"id":"s","title":"S","publisher":"P","licence":"CC0","coverage":"all","retrieved":"2026-11"}"#;

    fn doc(point: &str) -> String {
        format!(
            r#"{{"id":"t","title":"T","domain":"economic","unit":"share","frequency":"annual","description":"d","sources":[{SRC}],"series":[{{"id":"a","label":"A","points":[{{"period":"2000","value":0.5,"source":"s"}},{point}]}}]}}"#
        )
    }

    /// Path, message and column of the error.
    fn err(src: &str) -> (String, String, usize) {
        let e = dataset(src).unwrap_err();
        (e.path(), e.message().to_string(), e.line_column(src).1)
    }

    #[test]
    fn reads_a_dataset_with_defaults_and_nulls() {
        let ds = dataset(&doc(r#"{"period":"2001","value":-0,"source":"s","label":null,"note":"n"}"#)).unwrap();
        assert_eq!(ds.domain, Domain::Economic);
        assert_eq!(ds.unit, Unit::Share);
        assert_eq!(ds.frequency, Frequency::Annual);
        assert!(ds.notes.is_empty() && ds.events.is_empty());
        let p = ds.series[0].points.at(1);
        assert!(p.value == 0.0 && p.value.is_sign_negative());
        assert_eq!((p.label, p.note), (None, Some("n")));
        assert_eq!(ds.sources[0].url, None);
        let with_nulls =
            doc("").replace(r#""retrieved":"2026-11""#, r#""retrieved":"2026-11","url":null,"commit":"abc""#);
        let with_nulls =
            with_nulls.replace(",]", "]").replace(r#""label":"A","#, r#""label":"A","unit":"count","note":null,"#);
        let ds = dataset(&with_nulls).unwrap();
        assert_eq!((ds.sources[0].url.as_deref(), ds.sources[0].commit.as_deref()), (None, Some("abc")));
        assert_eq!((ds.series[0].unit, ds.series[0].note.as_deref()), (Some(Unit::Count), None));
        let escaped = doc(r#"{"period":"2001","value":1,"source":"\u0073"}"#);
        assert_eq!(dataset(&escaped).unwrap().series[0].points.at(1).source, "s");
    }

    #[test]
    fn wrong_types_name_the_path() {
        let (path, msg, _) = err(&doc(r#"{"period":"2001","value":"NaN","source":"s"}"#));
        assert_eq!(
            (path.as_str(), msg.as_str()),
            ("series[0].points[1].value", "invalid type: string \"NaN\", expected f64")
        );
        assert_eq!(
            err(&doc(r#"{"period":2001,"value":1,"source":"s"}"#)).1,
            "invalid type: integer `2001`, expected a string"
        );
        assert_eq!(
            err(&doc(r#"{"period":20.5,"value":1,"source":"s"}"#)).1,
            "invalid type: floating point `20.5`, expected a string"
        );
        assert_eq!(
            err(&doc(r#"{"period":"2001","value":false,"source":"s"}"#)).1,
            "invalid type: boolean `false`, expected f64"
        );
        assert_eq!(err(&doc(r#"{"period":"2001","value":{},"source":"s"}"#)).1, "invalid type: map, expected f64");
        assert_eq!(
            err(&doc(r#"{"period":"2001","value":1,"source":null}"#)).1,
            "invalid type: null, expected a string"
        );
        // At the bracket: the snippet before the position ends with it.
        let d = doc("[]");
        let column = d.rfind("[]").unwrap() + 1;
        assert_eq!(
            err(&d),
            ("series[0].points[1]".into(), "invalid type: sequence, expected struct Point".into(), column)
        );
        let long = format!(r#"{{"period":"{}","value":1,"source":"s"}}"#, "x".repeat(100));
        let (_, msg, _) = err(&doc(&long
            .replace(r#""period":"x"#, r#""period":1,"label":"x"#)
            .replace(r#""source":"s""#, r#""value":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx""#)));
        assert!(msg.len() < 120, "{msg}");
        assert_eq!(err("42"), (String::new(), "invalid type: integer `42`, expected struct Dataset".into(), 2));
        let bad_notes =
            doc("").replace(",]", "]").replace(r#""description":"d","#, r#""description":"d","notes":"n","#);
        assert_eq!(err(&bad_notes).1, "invalid type: string \"n\", expected a sequence");
    }

    #[test]
    fn unknown_duplicate_and_missing_fields() {
        let (path, msg, _) = err(&doc(r#"{"period":"2001","value":1,"source":"s","colour":"red"}"#));
        assert_eq!(path, "series[0].points[1]");
        assert_eq!(msg, "unknown field `colour`, expected one of `period`, `value`, `source`, `label`, `note`");
        let (path, msg, _) = err(&doc(r#"{"period":"2001","value":1,"value":2,"source":"s"}"#));
        assert_eq!((path.as_str(), msg.as_str()), ("series[0].points[1]", "duplicate field `value`"));
        let (path, msg, _) = err(&doc(r#"{"period":"2001","value":1}"#));
        assert_eq!((path.as_str(), msg.as_str()), ("series[0].points[1]", "missing field `source`"));
        let e = err(r#"{"id":"x"}"#);
        assert_eq!(e, (String::new(), "missing field `title`".into(), 10));
        let e = err(r#"{"id":"x","id":"y"}"#);
        assert_eq!(e, (String::new(), "duplicate field `id`".into(), 14));
        // An unknown field fails before its value is read (even an invalid one).
        assert_eq!(err(r#"{"nope": [[[[[[}"#).1.split(',').next(), Some("unknown field `nope`"));
        // Optional fields may not repeat either.
        let e = err(&doc(r#"{"period":"2001","value":1,"source":"s","note":null,"note":"x"}"#));
        assert_eq!(e.1, "duplicate field `note`");
    }

    #[test]
    fn unknown_variants_list_the_variants() {
        let d = doc("").replace(",]", "]");
        let e = err(&d.replace(r#""domain":"economic""#, r#""domain":"cultural""#));
        assert_eq!(e.0, "domain");
        assert_eq!(e.1, "unknown variant `cultural`, expected one of `economic`, `military`, `diplomatic`");
        let e = err(&d.replace(r#""frequency":"annual""#, r#""frequency":"Annual""#));
        assert!(e.1.starts_with("unknown variant `Annual`, expected one of `annual`, `session`"), "{}", e.1);
        let e = err(&d.replace(r#""unit":"share""#, r#""unit":3"#));
        assert!(e.1.starts_with("invalid type: integer `3`, expected one of `usd_bn`, `usd_m`"), "{}", e.1);
        assert_eq!(one_of(["a"].into_iter()), "`a`");
        assert_eq!(one_of(["a", "b"].into_iter()), "`a` or `b`");
    }

    #[test]
    fn syntax_after_the_dataset_and_empty_documents() {
        let d = doc("").replace(",]", "]");
        assert!(dataset(&d).is_ok());
        assert_eq!(err(&format!("{d} {{}}")).1, "trailing characters");
        assert_eq!(err(""), (String::new(), "EOF while parsing a value".into(), 0));
        let truncated = &d[..d.len() - 30];
        let e = dataset(truncated).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Eof);
        assert_eq!(e.path(), "series[0].points[0]");
    }

    fn series_doc(series: &str) -> String {
        format!(
            r#"{{"id":"t","title":"T","domain":"economic","unit":"share","frequency":"annual","description":"d","sources":[{SRC}],"series":[{series}]}}"#
        )
    }

    #[test]
    fn columns_read_as_the_same_points() {
        let points = series_doc(
            r#"{"id":"a","label":"A","points":[{"period":"2000","value":0.5,"source":"s","label":"x"},{"period":"2001","value":0.25,"source":"s","note":"n"}]}"#,
        );
        let columns = series_doc(
            r#"{"id":"a","label":"A","columns":{"period":["2000","2001"],"value":[0.5,0.25],"source":"s","label":["x",null],"note":[null,"n"]}}"#,
        );
        assert_eq!(dataset(&points).unwrap(), dataset(&columns).unwrap());
        let per_point = series_doc(
            r#"{"id":"a","label":"A","columns":{"period":["2000","2001"],"value":[0.5,0.25],"source":["s","s"]}}"#,
        );
        let ds = dataset(&per_point).unwrap();
        assert_eq!(ds.series[0].points.sources(), &crate::data::SourceIds::One("s".into()), "one id for the series");
        // Two series on the same periods share the period column.
        let two = series_doc(
            r#"{"id":"a","label":"A","columns":{"period":["2000"],"value":[1],"source":"s"}},{"id":"b","label":"B","points":[{"period":"2000","value":2,"source":"s"}]}"#,
        );
        let ds = dataset(&two).unwrap();
        assert!(Rc::ptr_eq(ds.series[0].points.periods(), ds.series[1].points.periods()));
    }

    #[test]
    fn ragged_or_doubled_columns_are_refused_with_their_path() {
        let err = |series: &str| {
            let e = dataset(&series_doc(series)).unwrap_err();
            format!("{}: {}", e.path(), e.message())
        };
        assert_eq!(
            err(r#"{"id":"a","label":"A","columns":{"period":["2000"],"value":[1,2],"source":"s"}}"#),
            "series[0].columns: columns.period has 1 entries, columns.value 2"
        );
        assert_eq!(
            err(r#"{"id":"a","label":"A","columns":{"period":["2000"],"value":[1],"source":["s","s"]}}"#),
            "series[0].columns: columns.source has 2 entries, columns.value 1"
        );
        assert_eq!(
            err(r#"{"id":"a","label":"A","columns":{"period":["2000"],"value":[1],"source":"s","note":[]}}"#),
            "series[0].columns: columns.note has 0 entries, columns.value 1"
        );
        assert_eq!(
            err(r#"{"id":"a","label":"A","columns":{"period":["2000"],"value":["1"],"source":"s"}}"#),
            "series[0].columns.value[0]: invalid type: string \"1\", expected f64"
        );
        assert_eq!(
            err(r#"{"id":"a","label":"A","columns":{"period":["2000"],"value":[1],"source":"s","colour":[]}}"#),
            "series[0].columns: unknown field `colour`, expected one of `period`, `value`, `source`, `label`, `note`"
        );
        assert_eq!(
            err(r#"{"id":"a","label":"A","points":[],"columns":{"period":[],"value":[],"source":"s"}}"#),
            "series[0]: a series gives both `points` and `columns`; give one"
        );
        assert_eq!(err(r#"{"id":"a","label":"A"}"#), "series[0]: missing field `points`");
    }
}
