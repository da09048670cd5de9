#![cfg(not(target_arch = "wasm32"))]
//! The published JSON Schema (schema/dataset.schema.json) names exactly the fields the Rust
//! schema reads and writes, and its enums list exactly the accepted values.

use dragonbear::data::{bundled_dataset, bundled_ids};
use serde_json::Value;
use std::collections::BTreeSet;

fn schema() -> Value {
    serde_json::from_str(include_str!("../schema/dataset.schema.json")).unwrap()
}

fn props(v: &Value) -> BTreeSet<String> {
    v["properties"].as_object().unwrap().keys().cloned().collect()
}

/// Every key that appears at this level in any bundled dataset (plus optional ones we know).
fn keys_seen(f: impl Fn(&Value) -> Vec<Value>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for id in bundled_ids() {
        let v = serde_json::to_value(bundled_dataset(id).unwrap()).unwrap();
        for item in f(&v) {
            out.extend(item.as_object().unwrap().keys().cloned());
        }
    }
    out
}

#[test]
fn schema_fields_cover_the_bundled_data_and_nothing_is_unknown() {
    let s = schema();
    let d = &s["$defs"];
    let top = keys_seen(|v| vec![v.clone()]);
    assert!(top.is_subset(&props(&s)), "{top:?}");
    let series = keys_seen(|v| v["series"].as_array().unwrap().clone());
    assert!(series.is_subset(&props(&d["series"])), "{series:?}");
    let points = keys_seen(|v| {
        v["series"].as_array().unwrap().iter().flat_map(|s| s["points"].as_array().unwrap().clone()).collect()
    });
    assert!(points.is_subset(&props(&d["point"])), "{points:?}");
    let sources = keys_seen(|v| v["sources"].as_array().unwrap().clone());
    assert!(sources.is_subset(&props(&d["source"])), "{sources:?}");
    let events = keys_seen(|v| v["events"].as_array().unwrap().clone());
    assert!(events.is_subset(&props(&d["event"])), "{events:?}");
    let tr = &d["translation"];
    for lang in ["fr", "de"] {
        assert_eq!(s["properties"][lang]["$ref"], "#/$defs/translation");
        let top = keys_seen(|v| v.get(lang).into_iter().cloned().collect());
        assert!(top.is_subset(&props(tr)), "{lang}: {top:?}");
        let series = keys_seen(|v| {
            v.get(lang).and_then(|t| t["series"].as_object()).map(|m| m.values().cloned().collect()).unwrap_or_default()
        });
        assert!(series.is_subset(&props(&tr["properties"]["series"]["additionalProperties"])), "{lang}: {series:?}");
        let events = keys_seen(|v| v.get(lang).and_then(|t| t["events"].as_array().cloned()).unwrap_or_default());
        assert!(events.is_subset(&props(&tr["properties"]["events"]["items"])), "{lang}: {events:?}");
        let sources = keys_seen(|v| {
            v.get(lang)
                .and_then(|t| t["sources"].as_object())
                .map(|m| m.values().cloned().collect())
                .unwrap_or_default()
        });
        assert!(sources.is_subset(&props(&tr["properties"]["sources"]["additionalProperties"])), "{lang}: {sources:?}");
    }
}

/// Every field the published schema lists for a translation is one the Rust schema reads.
#[test]
fn translation_fields_in_the_schema_are_read() {
    let s = schema();
    let tr = &s["$defs"]["translation"];
    let doc = r#"{"id":"t","title":"T","domain":"economic","unit":"count","frequency":"annual","description":"",
        "notes":["n"],"unit_label":"tonnes",
        "sources":[{"id":"s","title":"S","publisher":"P","licence":"L","coverage":"C","retrieved":"2026"}],
        "series":[{"id":"a","label":"A","points":[{"period":"2000","value":0,"source":"s"}]}],
        "events":[{"date":"2000-01-01","label":"E","source":"s"}],
        "fr":{"title":"T","description":"D","unit_label":"tonnes","series":{"a":{"label":"A","note":"N"}},
              "notes":["n"],"events":[{"label":"E","short":"e"}],"sources":{"s":{"coverage":"C","licence":"L"}}}}"#;
    let v: Value = serde_json::from_str(doc).unwrap();
    assert_eq!(props(tr), v["fr"].as_object().unwrap().keys().cloned().collect::<BTreeSet<_>>());
    dragonbear::data::parse_dataset(doc, "t").unwrap();
}

#[test]
fn schema_enums_are_the_accepted_values() {
    let s = schema();
    let units: Vec<&str> = s["$defs"]["unit"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for u in &units {
        let doc = format!(
            r#"{{"id":"t","title":"T","domain":"economic","unit":"{u}","frequency":"annual","description":"",
            "sources":[{{"id":"s","title":"S","publisher":"P","licence":"L","coverage":"C","retrieved":"2026"}}],
            "series":[{{"id":"a","label":"A","points":[{{"period":"2000","value":0,"source":"s"}}]}}]}}"#
        );
        dragonbear::data::parse_dataset(&doc, "t").unwrap_or_else(|e| panic!("unit {u}: {e}"));
    }
    assert_eq!(units.len(), 10);
    let freqs = s["properties"]["frequency"]["enum"].as_array().unwrap().len();
    assert_eq!(freqs, 5);
}
