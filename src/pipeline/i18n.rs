//! The bundled datasets' words in French and German: `data/i18n/fr.json` and `de.json` (compiled
//! in), each a phrasebook from an English text the pipeline writes (a title, description, series
//! label or note, dataset note, event label or short label, a source's coverage or licence terms)
//! to its translation. `build-data` puts
//! them into every dataset's `fr` and `de` objects, so the translations are reviewed beside the
//! English they render and `build-data --check` keeps them in step with it:
//!
//! - an English text with no entry, or an entry no dataset uses (left over from an older English
//!   text), stops the build with the list;
//! - the numbers of a translation must be the English text's numbers, written the language's way
//!   (`1,234.5` → `1 234,5` in French with U+202F, `1.234,5` in German); a quotation in straight
//!   double quotes (`"…"`, a source's words as printed) keeps its English digits.
//!
//! Translations are the project's own words, never figures: a figure lives only in the English
//! text the pipeline computes, and the check above holds the translation to it.

use crate::data::{Dataset, EventText, SeriesText, SourceText, Translation};
use std::collections::{BTreeMap, BTreeSet};

/// The phrasebooks, by language tag.
const BOOKS: &[(&str, &str, &str)] = &[
    ("fr", "data/i18n/fr.json", include_str!("../../data/i18n/fr.json")),
    ("de", "data/i18n/de.json", include_str!("../../data/i18n/de.json")),
];

/// Puts the `fr` and `de` translations into every dataset.
pub fn translate(all: &mut [Dataset]) -> Result<(), String> {
    for (tag, file, text) in BOOKS {
        let book = read(file, text)?;
        let mut used = BTreeSet::new();
        let mut problems = Vec::new();
        for ds in all.iter_mut() {
            let tr = translation(ds, tag, &book, &mut used, &mut problems);
            match *tag {
                "fr" => ds.fr = Some(tr),
                _ => ds.de = Some(tr),
            }
        }
        for english in book.keys().filter(|k| !used.contains(k.as_str())) {
            problems.push(format!("an entry no dataset uses (is its English out of date?): {english:?}"));
        }
        if !problems.is_empty() {
            problems.sort();
            problems.dedup();
            return Err(format!("{file}: {} problems:\n  {}", problems.len(), problems.join("\n  ")));
        }
    }
    Ok(())
}

/// One dataset's translation from `book`, noting the entries used and the problems found.
fn translation<'a>(
    ds: &Dataset,
    tag: &str,
    book: &'a BTreeMap<String, String>,
    used: &mut BTreeSet<&'a str>,
    problems: &mut Vec<String>,
) -> Translation {
    let mut say = |english: &str| -> String {
        match book.get_key_value(english) {
            Some((k, t)) => {
                used.insert(k.as_str());
                if let Err(e) = same_numbers(english, t, tag) {
                    problems.push(format!("{}: {e}, in the translation of {english:?}", ds.id));
                }
                t.clone()
            }
            None => {
                problems.push(format!("{}: no translation of {english:?}", ds.id));
                english.to_string()
            }
        }
    };
    let series = ds
        .series
        .iter()
        .map(|s| (s.id.clone(), SeriesText { label: Some(say(&s.label)), note: s.note.as_deref().map(&mut say) }))
        .collect();
    Translation {
        title: Some(say(&ds.title)),
        description: Some(say(&ds.description)),
        unit_label: ds.unit_label.as_deref().map(&mut say),
        series,
        notes: ds.notes.iter().map(|n| say(n)).collect(),
        events: ds
            .events
            .iter()
            .map(|e| EventText { label: Some(say(&e.label)), short: e.short.as_deref().map(&mut say) })
            .collect(),
        sources: ds
            .sources
            .iter()
            .map(|s| {
                let (coverage, licence) = (in_words(&s.coverage).map(&mut say), in_words(&s.licence).map(&mut say));
                (s.id.clone(), SourceText { coverage, licence })
            })
            .filter(|(_, t)| t.coverage.is_some() || t.licence.is_some())
            .collect(),
    }
}

/// A source's coverage or licence that says something in words (not only dates, codes and
/// symbols such as `2022-09-30`, `A/RES/ES-11/2` or `MIT`, which read the same in every language).
fn in_words(text: &str) -> Option<&str> {
    let lower =
        text.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() > 1 && w.chars().any(char::is_lowercase));
    lower.then_some(text)
}

/// A phrasebook: a JSON object of English → translation; a key given twice is an error (serde_json
/// would keep the last silently).
fn read(file: &str, text: &str) -> Result<BTreeMap<String, String>, String> {
    let pairs: Pairs = serde_json::from_str(text).map_err(|e| format!("{file}: {e}"))?;
    let mut book = BTreeMap::new();
    for (english, translation) in pairs.0 {
        if translation.trim().is_empty() {
            return Err(format!("{file}: the translation of {english:?} is empty"));
        }
        if book.insert(english.clone(), translation).is_some() {
            return Err(format!("{file}: {english:?} is given twice"));
        }
    }
    Ok(book)
}

/// A JSON object's entries in order, duplicates kept.
struct Pairs(Vec<(String, String)>);

impl<'de> serde::Deserialize<'de> for Pairs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Pairs;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of English text → translation")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Pairs(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// The numbers of `text` in language `tag`'s writing: each digit run with its group and decimal
/// separators, as a value written in shortest form. Inside straight double quotes, English writing.
pub fn numbers(text: &str, tag: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut quoted = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' {
            quoted = !quoted;
        }
        // A digit run that is part of a word or code (`page99`, `ES-11`) is still a number.
        if !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        // A point between digits that the language cannot write (any in French; in German one
        // not followed by a group of three) makes the run a name or version, as in the English
        // (`CC0 1.0`, `HS 2022`): read in English writing.
        let run: Vec<char> = chars[i..]
            .iter()
            .enumerate()
            .take_while(|&(k, c)| {
                c.is_ascii_digit() || (matches!(c, '.' | ',') && chars.get(i + k + 1).is_some_and(char::is_ascii_digit))
            })
            .map(|(_, c)| *c)
            .collect();
        let foreign_point = run.iter().enumerate().any(|(k, &c)| {
            c == '.' && (tag == "fr" || run[k + 1..].iter().take_while(|d| d.is_ascii_digit()).count() != 3)
        });
        let (group, decimal) = match (quoted || foreign_point, tag) {
            (false, "fr") => ('\u{202f}', ','),
            (false, "de") => ('.', ','),
            _ => (',', '.'),
        };
        let mut token = String::new();
        while i < chars.len() {
            let c = chars[i];
            let next_digit = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if c.is_ascii_digit() {
                token.push(c);
            } else if c == group && next_digit && chars[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count() == 3
            {
                // A group separator is followed by exactly three digits.
            } else if c == decimal && next_digit && !token.contains('.') {
                token.push('.');
            } else {
                break;
            }
            i += 1;
        }
        let value: f64 = token.parse().unwrap_or(f64::NAN);
        out.push(format!("{value}"));
    }
    out
}

/// Whether `translated` (in `tag`) has the numbers of `english`, each once, in any order.
fn same_numbers(english: &str, translated: &str, tag: &str) -> Result<(), String> {
    let mut want = numbers(english, "en");
    let mut have = numbers(translated, tag);
    want.sort();
    have.sort();
    if want == have {
        return Ok(());
    }
    let missing: Vec<&String> = want.iter().filter(|w| !have.contains(w)).collect();
    let extra: Vec<&String> = have.iter().filter(|h| !want.contains(h)).collect();
    Err(format!("numbers differ (English has {missing:?} not in the translation, the translation has {extra:?} not in the English; or counts differ)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_in_each_languages_writing() {
        assert_eq!(
            numbers("1,300 t; 78.2% of 101 votes (2020-09-15)", "en"),
            ["1300", "78.2", "101", "2020", "9", "15"]
        );
        assert_eq!(
            numbers("1\u{202f}300 t ; 78,2 % de 101 votes (2020-09-15)", "fr"),
            ["1300", "78.2", "101", "2020", "9", "15"]
        );
        assert_eq!(
            numbers("1.300 t; 78,2 % von 101 Stimmen (2020-09-15)", "de"),
            ["1300", "78.2", "101", "2020", "9", "15"]
        );
        // A quotation keeps its printed digits; a list's comma is not a decimal comma.
        assert_eq!(numbers("tel qu'imprimé : \"11.25\" ; 1, 2", "fr"), ["11.25", "1", "2"]);
        // Codes: the digits of a symbol or a tier are numbers too, the same in every language.
        assert_eq!(numbers("A/RES/ES-11/1, Tier 3.A", "de"), ["11", "1", "3"]);
        // A version the language cannot write as a number is a name: `CC0 1.0` in every language.
        assert_eq!(numbers("CC0 1.0 ; 2,5", "fr"), ["0", "1", "2.5"]);
        assert_eq!(numbers("PDDL 1.0; 1.300", "de"), ["1", "1300"]);
    }

    #[test]
    fn a_translation_must_keep_the_english_numbers() {
        assert!(same_numbers("100 yes / 11 no, 1,300", "100 pour / 11 contre, 1\u{202f}300", "fr").is_ok());
        assert!(same_numbers("1,300", "1,300", "de").is_err(), "1,300 is 1.3 in German");
        assert!(same_numbers("1,300", "1.300", "de").is_ok());
        let e = same_numbers("69.75 bn vs 69.525", "69,75 Md vs 69,25", "fr").unwrap_err();
        assert!(
            e.contains("[\"69.525\"] not in the translation") && e.contains("[\"69.25\"] not in the English"),
            "{e}"
        );
    }

    #[test]
    fn a_key_given_twice_is_an_error() {
        assert_eq!(read("f", r#"{"a":"b","a":"c"}"#).unwrap_err(), "f: \"a\" is given twice");
        assert!(read("f", r#"{"a":" "}"#).unwrap_err().contains("is empty"));
    }
}
