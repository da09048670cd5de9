#![cfg(not(target_arch = "wasm32"))]
//! Every word a chart itself says follows the language: each bundled chart, built in French and
//! in German, draws, summarises and tooltips no English word of the locale table. The dataset's
//! own words (title, notes, series labels, events) are blanked first, so what is left is what the
//! code says; the datasets' translations are checked by their own test.

use dragonbear::chart::{self, table_rows, AnyChart, Frame, Kind, CHARTS};
use dragonbear::data::{Dataset, Unit};
use dragonbear::model::locale::{Locale, Text};
use dragonbear::render::Theme;
use plotters::backend::SVGBackend;
use std::collections::BTreeSet;

/// Names that read the same in every language (units, codes, proper names in the table).
const NAMES: &[&str] = &["SIPRI", "TIV", "HS", "US", "CSV", "PNG", "China", "Russia"];

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 3)
}

/// The English words of the locale table that the other language does not also use.
fn english_words(l: Locale) -> BTreeSet<String> {
    let theirs: BTreeSet<&str> = Text::ALL.iter().flat_map(|&k| words(l.text(k))).collect();
    Text::ALL
        .iter()
        .flat_map(|&k| words(Locale::En.text(k)))
        .filter(|w| !theirs.contains(w) && !NAMES.contains(w))
        .map(str::to_string)
        .collect()
}

/// The dataset with its own words blanked (series labels stay where they are proper names:
/// countries, resolution symbols).
fn blanked(mut ds: Dataset, names_as_sourced: bool) -> Dataset {
    ds.title = "T".into();
    ds.description = "D".into();
    ds.notes = ds.notes.iter().map(|_| "N".to_string()).collect();
    for e in &mut ds.events {
        e.label = "E".into();
        e.short = Some("E".into());
    }
    for (i, s) in ds.series.iter_mut().enumerate() {
        // A tally column (counts beside the votes) is named by the dataset, not a proper name.
        if !names_as_sourced || s.unit == Some(Unit::Count) {
            s.label = format!("S{i}");
        }
        s.note = None;
    }
    ds
}

fn said(c: &AnyChart, ds: &Dataset, w: f64, h: f64, l: Locale) -> Vec<(String, String)> {
    let mut out = vec![("summary".to_string(), c.summary())];
    let mut svg = String::new();
    {
        let mut b = SVGBackend::with_string(&mut svg, (w as u32, h as u32));
        c.draw(&mut dragonbear::render::Painter::new(&mut b, 1.0)).unwrap();
    }
    for piece in svg.split("<text").skip(1) {
        let text = piece.split_once('>').map_or("", |x| x.1).split("</text>").next().unwrap_or("");
        out.push(("drawn".into(), text.trim().to_string()));
    }
    let targets = c.keyboard_targets();
    let step = (targets.len() / 40).max(1);
    for i in (0..targets.len()).step_by(step) {
        if let Some(t) = c.tooltip(i) {
            let t = t.text();
            // The source line names publishers as they name themselves.
            let t = t.lines().filter(|line| !line.contains(": ") || !line.starts_with(l.text(Text::Source)));
            out.push((format!("tooltip {i}"), t.collect::<Vec<_>>().join("\n")));
        }
    }
    for r in table_rows(ds, &vec![false; ds.series.len()], l) {
        out.push(("table".into(), format!("{} {} {}", r.series, r.period, r.value)));
    }
    out
}

#[test]
fn every_chart_speaks_french_and_german() {
    let mut found = Vec::new();
    for l in [Locale::Fr, Locale::De] {
        let english = english_words(l);
        for spec in CHARTS {
            let proper = matches!(spec.kind, Kind::Matrix | Kind::VoteGrid | Kind::Timeline);
            let ds = blanked(chart::dataset_for(spec.id).unwrap(), proper);
            // Records are named as sourced (symbols, meeting records, HS descriptions).
            let mut records: Vec<String> = ds
                .series
                .iter()
                .flat_map(|s| s.points.iter().flat_map(|p| [p.label, p.note]).flatten().map(str::to_string))
                .filter(|r| r.len() > 1)
                .collect();
            records.sort_by_key(|r| std::cmp::Reverse(r.len()));
            // Drawn records and publishers' names wrap over lines: their words are theirs wherever
            // they appear.
            let publishers: Vec<&str> = ds.sources.iter().map(|s| s.publisher.as_str()).collect();
            let sourced: BTreeSet<&str> =
                records.iter().map(String::as_str).chain(publishers).flat_map(words).collect();
            let hidden = vec![false; ds.series.len()];
            for w in [360.0, 800.0] {
                let frame = Frame::new(w, 0.0, Theme::light()).in_locale(l);
                let h = chart::natural_height(spec.kind, &ds, &frame, &hidden);
                let c = AnyChart::build(spec.kind, &ds, &Frame { height: h, ..frame }, &hidden);
                for (place, text) in said(&c, &ds, w, h, l) {
                    // Source lines drawn on the canvas name publishers as they name themselves.
                    let text = text.split(&format!("{}:", l.text(Text::Source))).next().unwrap_or("");
                    let text = &records.iter().fold(text.to_string(), |t, r| t.replace(r, "R"));
                    for word in words(text).filter(|w| english.contains(*w) && !sourced.contains(w)) {
                        found.push(format!("{} {} at {w} px, {place}: \"{word}\" in \"{text}\"", l.tag(), spec.id));
                    }
                }
            }
        }
    }
    found.dedup();
    assert!(found.is_empty(), "English words left:\n{}", found.join("\n"));
}

#[test]
fn the_english_word_list_is_not_empty_and_keeps_shared_words_out() {
    let fr = english_words(Locale::Fr);
    assert!(fr.contains("Download") && fr.contains("abstained"), "{fr:?}");
    assert!(!fr.contains("Sources") && !fr.contains("Total"), "shared with French");
    assert!(english_words(Locale::De).contains("Total"));
}
