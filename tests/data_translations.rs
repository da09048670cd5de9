#![cfg(not(target_arch = "wasm32"))]
//! Every bundled dataset speaks French and German: a translation of its title, description, every
//! series label and note, every note, every event label and short label, and every source's
//! coverage and licence terms written in words, each different from the English unless it is a
//! proper name kept as sourced (the short list below).

use dragonbear::data::{bundled_dataset, bundled_ids, Dataset, Translation};
use dragonbear::model::locale::Locale;

/// Texts that read the same in English and in the language: resolution symbols, and words the
/// languages share.
const SAME_FR: &[&str] = &["A/RES/68/262", "A/RES/ES-11/1", "Invasion", "Missiles"];
const SAME_DE: &[&str] = &["A/RES/68/262", "A/RES/ES-11/1", "China", "EU", "EU / China", "Invasion"];

/// `(where, English, translation)` of every text a reader sees, `None` where one is missing.
fn pairs<'a>(ds: &'a Dataset, tr: &'a Translation) -> Vec<(String, &'a str, Option<&'a str>)> {
    let mut out = vec![
        ("title".to_string(), ds.title.as_str(), tr.title.as_deref()),
        ("description".to_string(), ds.description.as_str(), tr.description.as_deref()),
    ];
    for s in &ds.series {
        let t = tr.series.get(&s.id);
        out.push((format!("series.{}.label", s.id), &s.label, t.and_then(|t| t.label.as_deref())));
        if let Some(note) = &s.note {
            out.push((format!("series.{}.note", s.id), note, t.and_then(|t| t.note.as_deref())));
        }
    }
    for (i, n) in ds.notes.iter().enumerate() {
        out.push((format!("notes[{i}]"), n, tr.notes.get(i).map(String::as_str)));
    }
    for s in &ds.sources {
        let t = tr.sources.get(&s.id);
        for (what, english, translated) in [
            ("coverage", &s.coverage, t.and_then(|t| t.coverage.as_deref())),
            ("licence", &s.licence, t.and_then(|t| t.licence.as_deref())),
        ] {
            // Dates, codes and symbols alone (`2022-09-30`, `A/RES/ES-11/2`, `MIT`) read the same.
            let in_words = english
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.chars().count() > 1 && w.chars().any(char::is_lowercase));
            if in_words || translated.is_some() {
                out.push((format!("sources.{}.{what}", s.id), english.as_str(), translated));
            }
        }
    }
    for (i, e) in ds.events.iter().enumerate() {
        let t = tr.events.get(i);
        out.push((format!("events[{i}].label"), &e.label, t.and_then(|t| t.label.as_deref())));
        if let Some(short) = &e.short {
            out.push((format!("events[{i}].short"), short, t.and_then(|t| t.short.as_deref())));
        }
    }
    out
}

#[test]
fn every_bundled_dataset_is_translated_into_french_and_german() {
    let mut problems = Vec::new();
    let mut same_used = Vec::new();
    for id in bundled_ids() {
        let ds = bundled_dataset(id).unwrap();
        for (locale, same) in [(Locale::Fr, SAME_FR), (Locale::De, SAME_DE)] {
            let lang = locale.tag();
            let Some(tr) = ds.translation(locale) else {
                problems.push(format!("{id}: no {lang} translation"));
                continue;
            };
            for (at, english, translated) in pairs(&ds, tr) {
                match translated {
                    None => problems.push(format!("{id}: {lang}.{at} is missing")),
                    Some(t) if t.trim().is_empty() => problems.push(format!("{id}: {lang}.{at} is empty")),
                    Some(t) if t == english && !same.contains(&english) => {
                        problems.push(format!("{id}: {lang}.{at} is the English {english:?}"))
                    }
                    Some(t) if t == english => same_used.push((lang, english.to_string())),
                    Some(_) => {}
                }
            }
            // The reader's dataset is the translation, figures untouched.
            let shown = ds.clone().localized(locale);
            assert_eq!(shown.title, *tr.title.as_ref().unwrap(), "{id} {lang}");
            assert_eq!(shown.notes, tr.notes, "{id} {lang}");
            for (a, b) in shown.series.iter().zip(&ds.series) {
                assert_eq!(a.points, b.points, "{id} {lang}: the figures are the English dataset's");
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    // Every entry of the allow-lists is needed (a list that only grows hides mistakes).
    for (lang, list) in [("fr", SAME_FR), ("de", SAME_DE)] {
        for s in list {
            assert!(
                same_used.contains(&(lang, s.to_string())),
                "{lang}: {s:?} is allowed to stay English but nothing uses it"
            );
        }
    }
}

#[test]
fn french_and_german_numbers_in_notes_are_written_their_way() {
    // Spot checks against the English figures of the notes (the pipeline checks every note).
    let ds = bundled_dataset("trade-annual").unwrap();
    let (en, fr, de) = (&ds.notes, &ds.fr.as_ref().unwrap().notes, &ds.de.as_ref().unwrap().notes);
    let i = en.iter().position(|n| n.contains("69.525")).unwrap();
    assert!(fr[i].contains("69,525") && fr[i].contains("69,75"), "{}", fr[i]);
    assert!(de[i].contains("69,525") && de[i].contains("109,74"), "{}", de[i]);
    let ds = bundled_dataset("unga-coincidence").unwrap();
    let i = ds.notes.iter().position(|n| n.contains("78.2%")).unwrap();
    assert!(ds.fr.as_ref().unwrap().notes[i].contains("78,2\u{202f}%"));
    assert!(ds.de.as_ref().unwrap().notes[i].contains("78,2\u{202f}%"));
}
