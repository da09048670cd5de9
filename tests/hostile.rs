#![cfg(not(target_arch = "wasm32"))]
//! The hostile corpus (`tests/hostile/*.json`, expectations in `tests/hostile/expect.json`) through
//! the native pipeline: parse → validate → build every chart kind that makes sense → draw to SVG
//! → hit-test, tooltip, anchor, legend and hover at a grid of points. Each document must meet its
//! expectation exactly — `{"render": true}`, or `{"error": "…"}` with the message containing that
//! text — without a panic, and data text may reach an SVG only escaped. Entries named `gen:…`
//! are generated here (and in tests/e2e/hostile.test.mjs) instead of being committed: 10^6 points,
//! the point limit ±1, a 50 MB document, a 100,000-character label.
//!
//! The same corpus runs in the browser through `<dragonbear-chart src=…>` (tests/e2e/hostile.test.mjs).
//! Regenerate the hand-made files with `python3 tests/hostile/make-corpus.py`.

#[path = "hostile/pipeline.rs"]
mod pipeline;

use dragonbear::data::{MAX_DOCUMENT_BYTES, MAX_LABEL_CHARS, MAX_POINTS};
use serde_json::Value;
use std::time::Instant;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile");

fn manifest() -> Vec<(String, Value)> {
    let text = std::fs::read_to_string(format!("{DIR}/expect.json")).expect("tests/hostile/expect.json");
    let v: Value = serde_json::from_str(&text).expect("expect.json is JSON");
    v.as_object().expect("an object").iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// A valid annual dataset with `n` points in one series (periods 1000…, then monthly if needed).
fn points_doc(n: usize, label: &str) -> String {
    let mut s = String::with_capacity(n * 48 + 400);
    s.push_str(
        r#"{"id":"generated","title":"Generated","domain":"economic","unit":"usd_bn","frequency":"daily","description":"d","sources":[{"id":"s","title":"S","publisher":"P","licence":"CC0","coverage":"all","retrieved":"2026-11"}],"series":[{"id":"a","label":""#,
    );
    s.push_str(label);
    s.push_str(r#"","points":["#);
    // Consecutive days from 1000-01-01 (≈ 730,000 days fit before 2999-12-31).
    let (mut y, mut m, mut d) = (1000u32, 1u32, 1u32);
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!(r#"{{"period":"{y:04}-{m:02}-{d:02}","value":{},"source":"s"}}"#, i % 97));
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let len = match m {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        d += 1;
        if d > len {
            d = 1;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    s.push_str("]}]}");
    s
}

/// The document of a `gen:` entry.
fn generated(name: &str) -> String {
    match name {
        "gen:points-1000000" => points_doc(1_000_000, "A"),
        "gen:points-over-limit" => points_doc(MAX_POINTS + 1, "A"),
        "gen:points-at-limit" => points_doc(MAX_POINTS, "A"),
        "gen:document-50mb" => {
            let mut s = points_doc(3, "A");
            s.pop();
            s.push_str(&format!(r#","notes":["{}"]}}"#, "n".repeat(50 * 1024 * 1024)));
            s
        }
        "gen:label-100000-chars" => points_doc(3, &"L".repeat(100_000)),
        _ => panic!("unknown generated case {name}"),
    }
}

#[test]
fn every_hostile_document_meets_its_expectation() {
    let cases = manifest();
    assert!(cases.len() >= 60, "the corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for (name, expect) in &cases {
        let json = if name.starts_with("gen:") {
            generated(name)
        } else {
            let path = format!("{DIR}/{name}");
            String::from_utf8(std::fs::read(&path).expect("a corpus file")).expect("corpus files are UTF-8")
        };
        let big = json.len() > 1_000_000;
        let t0 = Instant::now();
        // Big documents: the line chart only (what the browser draws for src=), fewer sizes.
        let sizes: &[(f64, f64)] =
            if big { &[(800.0, 480.0)] } else { &[(800.0, 480.0), (360.0, 400.0), (1400.0, 700.0), (1.0, 1.0)] };
        let out = pipeline::run(&json, sizes, if big { 8 } else { 24 }, if big { 4 } else { 12 }, !big);
        let took = t0.elapsed();
        assert!(took.as_secs() < 20, "{name} took {took:?}");
        match (&out.result, expect.get("render"), expect.get("error").and_then(Value::as_str)) {
            (Ok(_), Some(Value::Bool(true)), _) => {
                if out.svg_bytes == 0 {
                    failures.push(format!("{name}: rendered nothing"));
                }
            }
            (Err(e), _, Some(want)) => {
                let msg = e.to_string();
                if !msg.contains(want) {
                    failures.push(format!("{name}: the message\n    {msg}\n  does not contain\n    {want}"));
                }
                if msg.chars().count() > 600 {
                    failures.push(format!("{name}: the message is {} characters long", msg.chars().count()));
                }
            }
            (Ok(_), _, Some(want)) => failures.push(format!("{name}: rendered, expected an error containing {want:?}")),
            (Err(e), _, _) => failures.push(format!("{name}: expected a chart, got: {e}")),
            (Ok(_), _, None) => failures.push(format!("{name}: bad expectation {expect}")),
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn markup_in_labels_reaches_the_svg_and_tooltips_only_as_text() {
    let json = std::fs::read_to_string(format!("{DIR}/records-html-labels.json")).unwrap();
    let out = pipeline::run(&json, &[(800.0, 480.0)], 40, 20, true);
    assert!(out.result.is_ok());
    assert!(out.hits > 0, "the grid hit something");
    // The tooltip text keeps the markup as literal text (the web layer sets it with textContent).
    assert!(out.tooltips.iter().any(|t| t.contains("<img src=x onerror=")), "{:?}", out.tooltips);
    let json = std::fs::read_to_string(format!("{DIR}/label-html-img.json")).unwrap();
    let ds = dragonbear::data::parse_dataset(&json, "t").unwrap();
    let c = dragonbear::chart::AnyChart::build(
        dragonbear::chart::Kind::Line,
        &ds,
        &dragonbear::chart::Frame::new(800.0, 480.0, dragonbear::render::Theme::light()),
        &[false],
    );
    let svg = pipeline::svg_of(&c, 800.0, 480.0, None);
    assert!(svg.contains("&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;"), "the label is drawn, escaped");
}

#[test]
fn limits_are_the_documented_numbers() {
    // SECURITY.md states these numbers; change both together.
    assert_eq!(MAX_POINTS, 200_000);
    assert_eq!(MAX_LABEL_CHARS, 2_000);
    assert_eq!(MAX_DOCUMENT_BYTES, 20 * 1024 * 1024);
    assert_eq!(dragonbear::data::MAX_SERIES, 64);
    assert_eq!(dragonbear::data::MAX_SOURCES, 100);
    assert_eq!(dragonbear::data::MAX_EVENTS, 200);
}
