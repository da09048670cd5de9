//! Validation of a parsed dataset: every rule names the dataset, series and point it concerns.
//!
//! The limits below are documented behaviour (see SECURITY.md): a document or dataset beyond one
//! of them is refused with a message naming the limit, before any chart is laid out, so a hostile
//! or mistaken document costs bounded time and memory. Counts are checked before the per-item
//! rules, so no rule runs over more items than the limits allow.

use super::period::Period;
use super::points::{Periods, SourceIds};
use super::schema::{Dataset, Frequency, Translation};
use crate::error::{Error, Result};
use std::rc::Rc;

/// Most points one dataset may hold (all series together).
pub const MAX_POINTS: usize = 200_000;
/// Longest label, title, description or note, in characters (Unicode scalar values).
pub const MAX_LABEL_CHARS: usize = 2_000;
/// Largest document `parse_dataset` accepts, in bytes (UTF-8), checked before parsing.
pub const MAX_DOCUMENT_BYTES: usize = 20 * 1024 * 1024;
/// Most series one dataset may hold.
pub const MAX_SERIES: usize = 64;
/// Most sources one dataset may list.
pub const MAX_SOURCES: usize = 100;
/// Most dated events one dataset may hold.
pub const MAX_EVENTS: usize = 200;
/// Most notes (caveats) one dataset may hold.
pub const MAX_NOTES: usize = 100;

pub fn validate(ds: &Dataset) -> Result<()> {
    let at_ds = format!("dataset \"{}\"", clip(&ds.id));
    if !is_kebab(&ds.id) {
        return Err(Error::invalid(&at_ds, "the id must be kebab-case (a-z, 0-9, '-'), 1–64 characters"));
    }
    for (what, n, limit) in [
        ("series", ds.series.len(), MAX_SERIES),
        ("points", ds.point_count(), MAX_POINTS),
        ("sources", ds.sources.len(), MAX_SOURCES),
        ("events", ds.events.len(), MAX_EVENTS),
        ("notes", ds.notes.len(), MAX_NOTES),
    ] {
        if n > limit {
            return Err(Error::TooLarge { what: format!("{at_ds}: the number of {what}"), limit, actual: n });
        }
    }
    for (what, text) in [("title", &ds.title), ("description", &ds.description)] {
        check_text(&at_ds, what, text)?;
    }
    if ds.title.trim().is_empty() {
        return Err(Error::invalid(&at_ds, "the title is empty"));
    }
    for (i, n) in ds.notes.iter().enumerate() {
        check_text(&at_ds, &format!("note {}", i + 1), n)?;
    }
    if ds.sources.is_empty() {
        return Err(Error::invalid(&at_ds, "no sources: every point must name one"));
    }
    for (i, s) in ds.sources.iter().enumerate() {
        if s.id.trim().is_empty() {
            return Err(Error::invalid(&at_ds, format!("source {} has an empty id", i + 1)));
        }
        if ds.sources[..i].iter().any(|o| o.id == s.id) {
            return Err(Error::invalid(&at_ds, format!("source id \"{}\" appears twice", clip(&s.id))));
        }
        let optional = |o: &Option<String>| o.clone().unwrap_or_default();
        for (what, text) in [
            ("id", s.id.clone()),
            ("title", s.title.clone()),
            ("publisher", s.publisher.clone()),
            ("licence", s.licence.clone()),
            ("coverage", s.coverage.clone()),
            ("retrieved", s.retrieved.clone()),
            ("url", optional(&s.url)),
            ("repository", optional(&s.repository)),
            ("path", optional(&s.path)),
            ("commit", optional(&s.commit)),
        ] {
            check_text(&at_ds, &format!("source \"{}\" {what}", clip(&s.id)), &text)?;
        }
    }
    if ds.series.is_empty() {
        return Err(Error::invalid(&at_ds, "no series"));
    }
    // Period columns shared between series (`Rc`) are checked once; their parsed times are kept
    // for layout.
    let mut checked: Vec<&Rc<Periods>> = Vec::new();
    for (si, s) in ds.series.iter().enumerate() {
        let at_s = format!("{at_ds}, series \"{}\"", clip(&s.id));
        if s.id.trim().is_empty() {
            return Err(Error::invalid(&at_ds, format!("series {} has an empty id", si + 1)));
        }
        if ds.series[..si].iter().any(|o| o.id == s.id) {
            return Err(Error::invalid(&at_s, "this series id appears twice"));
        }
        check_text(&at_s, "id", &s.id)?;
        check_text(&at_s, "label", &s.label)?;
        if let Some(n) = &s.note {
            check_text(&at_s, "note", n)?;
        }
        let points = &s.points;
        if points.is_empty() {
            return Err(Error::invalid(&at_s, "the series is empty (no points)"));
        }
        let unit = ds.unit_of(si);
        let periods = points.periods();
        // Built only when a message needs it: formatting per point would dominate big documents.
        let at_p = |pi: usize| format!("{at_s}, point {} (period \"{}\")", pi + 1, clip(periods.get(pi)));
        // Column by column (each a tight loop), so a series with faults in several columns is
        // reported at its first faulty period, else its first faulty value, source, then text.
        if !checked.iter().any(|c| Rc::ptr_eq(c, periods)) {
            let mut times: Vec<f64> = Vec::with_capacity(points.len());
            let mut prev: Option<Period> = None;
            for piece in crate::model::chunks::pieces(0, periods.len()) {
                prev = check_periods(periods, piece, ds.frequency, prev, &mut times)
                    .map_err(|(pi, problem)| Error::invalid(at_p(pi), problem))?;
            }
            periods.keep_times(times.into());
            checked.push(periods);
        }
        let max = match unit {
            crate::data::Unit::Share => 1.0,
            crate::data::Unit::Percent => 100.0,
            _ => 1e15,
        };
        let min = if unit.non_negative() { 0.0 } else { -1e15 };
        for (pi, &value) in points.values().iter().enumerate() {
            // One comparison per value when it is in range (NaN is not).
            if value >= min && value <= max {
                continue;
            }
            let problem = if !value.is_finite() {
                "the value is not a finite number".to_string()
            } else if value.abs() > 1e15 {
                format!("the value {:e} is out of range (|value| ≤ 1e15)", value)
            } else if value < 0.0 {
                format!("negative value {} for unit {}", value, unit.as_str())
            } else {
                // Only a share or a percent has a maximum below 1e15.
                format!("value {} is above 100 % for unit {}", value, unit.as_str())
            };
            return Err(Error::invalid(at_p(pi), problem));
        }
        // A source text is looked up once: one id for the series, or neighbours sharing one.
        let first_unknown = match points.sources() {
            SourceIds::One(id) => ds.source(id).is_none().then_some(0),
            SourceIds::Each(ids) => {
                let mut known: Option<&Rc<str>> = None;
                ids.iter().position(|id| {
                    let unknown = !known.is_some_and(|k| Rc::ptr_eq(k, id)) && ds.source(id).is_none();
                    known = Some(id);
                    unknown
                })
            }
        };
        if let Some(pi) = first_unknown {
            return Err(Error::invalid(at_p(pi), format!("unknown source id \"{}\"", clip(points.source(pi)))));
        }
        if points.has_labels() || points.has_notes() || ds.frequency == Frequency::Records {
            for pi in 0..points.len() {
                let label = points.label(pi);
                if let Some(l) = label {
                    check_text(&at_p(pi), "label", l)?;
                }
                if let Some(n) = points.note(pi) {
                    check_text(&at_p(pi), "note", n)?;
                }
                if ds.frequency == Frequency::Records && label.is_none() {
                    return Err(Error::invalid(at_p(pi), "a records dataset needs a label on every point"));
                }
            }
        }
    }
    for (i, e) in ds.events.iter().enumerate() {
        let at_e = format!("{at_ds}, event {} (\"{}\")", i + 1, clip(&e.label));
        match Period::parse(&e.date) {
            Some(p) if p.precision() == 2 => {}
            _ => return Err(Error::invalid(&at_e, "the date is not YYYY-MM-DD")),
        }
        check_text(&at_e, "label", &e.label)?;
        if let Some(short) = &e.short {
            check_text(&at_e, "short label", short)?;
        }
        if ds.source(&e.source).is_none() {
            return Err(Error::invalid(&at_e, format!("unknown source id \"{}\"", clip(&e.source))));
        }
    }
    if let Some(label) = &ds.unit_label {
        check_text(&at_ds, "unit label", label)?;
    }
    for (tag, tr) in [("fr", &ds.fr), ("de", &ds.de)] {
        if let Some(tr) = tr {
            check_translation(ds, &at_ds, tag, tr)?;
        }
    }
    Ok(())
}

/// A translation names only series the dataset has, gives as many notes and events as it has (or
/// none), and keeps every text within the length limit; messages give the path in the document
/// (`fr.series.china-russia: no series with this id`, `fr.notes: 3 notes for 4`).
fn check_translation(ds: &Dataset, at_ds: &str, tag: &str, tr: &Translation) -> Result<()> {
    let at = |path: &str| format!("{at_ds}, {tag}.{path}");
    for (what, text) in [("title", &tr.title), ("description", &tr.description), ("unit_label", &tr.unit_label)] {
        if let Some(text) = text {
            check_text(&at(what), "text", text)?;
        }
    }
    if tr.title.as_ref().is_some_and(|t| t.trim().is_empty()) {
        return Err(Error::invalid(at("title"), "the title is empty"));
    }
    for (id, s) in &tr.series {
        let at_s = at(&format!("series.{}", clip(id)));
        if !ds.series.iter().any(|o| o.id == *id) {
            return Err(Error::invalid(at_s, "no series with this id"));
        }
        for (what, text) in [("label", &s.label), ("note", &s.note)] {
            if let Some(text) = text {
                check_text(&at_s, what, text)?;
            }
        }
    }
    for (id, s) in &tr.sources {
        let at_s = at(&format!("sources.{}", clip(id)));
        if ds.source(id).is_none() {
            return Err(Error::invalid(at_s, "no source with this id"));
        }
        for (what, text) in [("coverage", &s.coverage), ("licence", &s.licence)] {
            if let Some(text) = text {
                check_text(&at_s, what, text)?;
            }
        }
    }
    for (what, given, want) in [("notes", tr.notes.len(), ds.notes.len()), ("events", tr.events.len(), ds.events.len())]
    {
        if given != 0 && given != want {
            return Err(Error::invalid(at(what), format!("{given} {what} for {want}")));
        }
    }
    for (i, n) in tr.notes.iter().enumerate() {
        check_text(&at(&format!("notes[{i}]")), "note", n)?;
    }
    for (i, e) in tr.events.iter().enumerate() {
        for (what, text) in [("label", &e.label), ("short label", &e.short)] {
            if let Some(text) = text {
                check_text(&at(&format!("events[{i}]")), what, text)?;
            }
        }
    }
    Ok(())
}

/// The rules on a period given the one before it in its series: its form, and time order.
/// Parses and checks one piece of a period column ([`crate::model::chunks`]), appending each
/// period's time to `times`; the last period, or the first faulty one's index and problem.
#[inline(never)]
fn check_periods(
    periods: &Periods,
    piece: std::ops::Range<usize>,
    frequency: Frequency,
    mut prev: Option<Period>,
    times: &mut Vec<f64>,
) -> std::result::Result<Option<Period>, (usize, String)> {
    for pi in piece {
        let period = Period::parse_bytes(periods.bytes(pi))
            .ok_or_else(|| (pi, "the period is not a date (YYYY, YYYY-MM or YYYY-MM-DD)".to_string()))?;
        check_period(frequency, period, prev).map_err(|e| (pi, e))?;
        prev = Some(period);
        times.push(period.to_x());
    }
    Ok(prev)
}

fn check_period(frequency: Frequency, period: Period, prev: Option<Period>) -> std::result::Result<(), String> {
    let want = match frequency {
        Frequency::Annual | Frequency::Session => Some(0),
        Frequency::Monthly => Some(1),
        Frequency::Daily => Some(2),
        Frequency::Records => None,
    };
    if let Some(w) = want.filter(|&w| period.precision() != w) {
        let form = ["YYYY", "YYYY-MM", "YYYY-MM-DD"][w as usize];
        return Err(format!("a {} dataset needs periods of the form {form}", frequency.as_str()));
    }
    match prev {
        Some(q) if period.key() == q.key() && frequency != Frequency::Records => Err("duplicate period".into()),
        Some(q) if period.key() < q.key() => Err(format!("periods are not sorted: {period} comes after {q}")),
        _ => Ok(()),
    }
}

fn check_text(at: &str, what: &str, text: &str) -> Result<()> {
    let n = text.chars().count();
    if n > MAX_LABEL_CHARS {
        return Err(Error::invalid(at, format!("the {what} is {n} characters long (limit {MAX_LABEL_CHARS})")));
    }
    Ok(())
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Shortens user text quoted in a message.
fn clip(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(40).collect();
        c.push('…');
        c
    }
}

#[cfg(test)]
mod tests {
    use crate::data::parse_dataset;

    fn doc(series: &str) -> String {
        format!(
            r#"{{"id":"t","title":"T","domain":"economic","unit":"share","frequency":"annual","description":"d",
            "sources":[{{"id":"s","title":"S","publisher":"P","licence":"CC0","coverage":"all","retrieved":"2026-11"}}],
            "series":[{series}]}}"#
        )
    }

    fn err(series: &str) -> String {
        parse_dataset(&doc(series), "test").unwrap_err().to_string()
    }

    #[test]
    fn accepts_a_valid_dataset() {
        let ds =
            parse_dataset(&doc(r#"{"id":"a","label":"A","points":[{"period":"2000","value":0.5,"source":"s"}]}"#), "t")
                .unwrap();
        assert_eq!(ds.series[0].points.at(0).value, 0.5);
    }

    #[test]
    fn names_dataset_series_and_point_in_messages() {
        assert_eq!(
            err(
                r#"{"id":"a","label":"A","points":[{"period":"2000","value":0.5,"source":"s"},{"period":"2000","value":0.4,"source":"s"}]}"#
            ),
            "Invalid data in dataset \"t\", series \"a\", point 2 (period \"2000\"): duplicate period"
        );
        assert_eq!(
            err(r#"{"id":"a","label":"A","points":[{"period":"2001","value":0.5,"source":"s"},{"period":"2000","value":0.4,"source":"s"}]}"#),
            "Invalid data in dataset \"t\", series \"a\", point 2 (period \"2000\"): periods are not sorted: 2000 comes after 2001"
        );
        assert_eq!(
            err(r#"{"id":"a","label":"A","points":[{"period":"2000","value":0.5,"source":"nope"}]}"#),
            "Invalid data in dataset \"t\", series \"a\", point 1 (period \"2000\"): unknown source id \"nope\""
        );
        assert_eq!(
            err(r#"{"id":"a","label":"A","points":[{"period":"2000","value":-0.1,"source":"s"}]}"#),
            "Invalid data in dataset \"t\", series \"a\", point 1 (period \"2000\"): negative value -0.1 for unit share"
        );
        assert_eq!(
            err(r#"{"id":"a","label":"A","points":[]}"#),
            "Invalid data in dataset \"t\", series \"a\": the series is empty (no points)"
        );
        assert!(err(r#"{"id":"a","label":"A","points":[{"period":"20x0","value":1,"source":"s"}]}"#)
            .ends_with("the period is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"));
    }

    #[test]
    fn rejects_non_json_nan_and_unknown_fields_with_a_message() {
        // A document that ends where a key should be names the object it ended in.
        let e = parse_dataset(r#"{"id":"x","#, "x.json").unwrap_err().to_string();
        assert!(e.starts_with("Invalid data (x.json): EOF while parsing a value at line 1 column 10"), "{e}");
        let e = parse_dataset(r#"{"id":"t","series":[{"id":"a","points":[{"period":"2000","#, "x.json")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("Invalid data (x.json): series[0].points[0]: EOF while parsing a value"), "{e}");
        let e = parse_dataset("{\"id\":", "x.json").unwrap_err().to_string();
        assert!(e.starts_with("Invalid data (x.json): id: EOF while parsing a value at line 1 column 6"), "{e}");
        let e = err(r#"{"id":"a","label":"A","points":[{"period":"2000","value":"NaN","source":"s"}]}"#);
        assert!(e.contains("series[0].points[0].value: invalid type: string \"NaN\", expected f64 at line 3"), "{e}");
        let e = err(r#"{"id":"a","label":"A","points":[{"period":"2000","value":1e999,"source":"s"}]}"#);
        assert!(e.contains("series[0].points[0].value: number out of range at line 3"), "{e}");
        let e = err(r#"{"id":"a","label":"A","colour":"red","points":[]}"#);
        assert!(
            e.contains("series[0]: unknown field `colour`, expected one of `id`, `label`, `unit`, `note`, `points`"),
            "{e}"
        );
    }

    fn with_translation(tr: &str) -> String {
        let d = doc(r#"{"id":"a","label":"A","points":[{"period":"2000","value":0.5,"source":"s"}]}"#);
        let d = d.replacen(r#""description":"d","#, r#""description":"d","notes":["n1","n2"],"#, 1);
        format!("{},{tr}}}", d.trim_end().strip_suffix('}').unwrap())
    }

    #[test]
    fn translations_name_what_they_translate_by_its_path() {
        let ok = with_translation(
            r#""fr":{"title":"T fr","series":{"a":{"label":"A fr"}},"notes":["n1 fr","n2 fr"]},"de":{}"#,
        );
        parse_dataset(&ok, "t").unwrap();
        let e = |tr: &str| parse_dataset(&with_translation(tr), "t").unwrap_err().to_string();
        assert_eq!(
            e(r#""fr":{"series":{"china-russia":{"label":"Chine–Russie"}}}"#),
            "Invalid data in dataset \"t\", fr.series.china-russia: no series with this id"
        );
        assert_eq!(
            e(r#""fr":{"sources":{"x":{"coverage":"tout"}}}"#),
            "Invalid data in dataset \"t\", fr.sources.x: no source with this id"
        );
        assert_eq!(e(r#""de":{"notes":["eins"]}"#), "Invalid data in dataset \"t\", de.notes: 1 notes for 2");
        assert_eq!(e(r#""fr":{"events":[{"label":"x"}]}"#), "Invalid data in dataset \"t\", fr.events: 1 events for 0");
        assert_eq!(e(r#""fr":{"title":" "}"#), "Invalid data in dataset \"t\", fr.title: the title is empty");
        let long = "x".repeat(super::MAX_LABEL_CHARS + 1);
        assert!(e(&format!(r#""de":{{"series":{{"a":{{"note":"{long}"}}}}}}"#))
            .starts_with("Invalid data in dataset \"t\", de.series.a: the note is 2001 characters long"));
        // Read by serde like the rest of the schema: unknown keys and non-objects are named by path.
        let e2 = e(r#""fr":{"titel":"T"}"#);
        assert!(e2.contains("fr: unknown field `titel`, expected one of `title`"), "{e2}");
        let e3 = e(r#""de":["T"]"#);
        assert!(e3.contains("de: invalid type: sequence, expected struct Translation"), "{e3}");
        let e4 = e(r#""fr":{"series":{"a":"A fr"}}"#);
        assert!(e4.contains("fr.series.a: invalid type: string \"A fr\", expected struct SeriesText"), "{e4}");
    }
}
