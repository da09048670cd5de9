#![cfg(not(target_arch = "wasm32"))]
//! SIPRI figures recomputed straight from the raw register (own reading code) against `data/`.

mod common;
use common::{bundled, raw_dir};

use std::collections::BTreeMap;

/// (supplier, recipient, year) → summed TIV, read with a plain line split (no quoted fields in this file).
fn register(raw: &std::path::Path) -> BTreeMap<(String, String, String), f64> {
    let text = std::fs::read_to_string(raw.join("sipri_arms_transfers/trade_register.csv")).unwrap();
    let mut lines = text.lines().skip_while(|l| !l.starts_with("SIPRI AT Database ID"));
    let header: Vec<&str> = lines.next().unwrap().trim_end_matches(';').split(',').collect();
    let idx = |n: &str| header.iter().position(|c| *c == n).unwrap();
    let (s, r, y, v) = (idx("Supplier"), idx("Recipient"), idx("Delivery year"), idx("TIV delivery values"));
    let mut out = BTreeMap::new();
    let body = lines.map(|l| l.trim_end_matches(';')).collect::<Vec<_>>().join("\n");
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(body.as_bytes());
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let Ok(tiv) = rec[v].parse::<f64>() else { continue };
        *out.entry((rec[s].to_string(), rec[r].to_string(), rec[y].to_string())).or_insert(0.0) += tiv;
    }
    out
}

#[test]
fn russia_to_china_totals_match_the_register_and_provenance() {
    let raw = raw_dir();
    let reg = register(&raw);
    let ds = bundled("arms-ru-cn");
    let total = |year: &str| -> f64 {
        ds["series"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["points"].as_array().unwrap().iter())
            .filter(|p| p["period"] == year)
            .map(|p| p["value"].as_f64().unwrap())
            .sum()
    };
    for (year, expected) in [("1995", 496.5), ("2005", 3066.0), ("2023", 327.0), ("2024", 30.0)] {
        let from_raw = reg[&("Russia".to_string(), "China".to_string(), year.to_string())];
        assert!((from_raw - expected).abs() < 1e-6, "raw {year}");
        assert!((total(year) - expected).abs() < 1e-6, "bundled {year}: {}", total(year));
    }
    for year in ["2010", "2018"] {
        let from_raw = reg[&("Russia".to_string(), "China".to_string(), year.to_string())];
        assert!((total(year) - from_raw).abs() < 1e-6, "{year}");
    }
    // No 2025 (provisional) and every category has all 30 years.
    for s in ds["series"].as_array().unwrap() {
        let pts = s["points"].as_array().unwrap();
        assert_eq!(pts.len(), 30, "{}", s["id"]);
        assert!(pts.iter().all(|p| p["period"] != "2025"));
    }
}

#[test]
fn russia_share_of_china_imports_matches() {
    let raw = raw_dir();
    let reg = register(&raw);
    let ds = bundled("arms-ru-share");
    let pts = ds["series"][0]["points"].as_array().unwrap();
    for year in ["1995", "2005", "2020"] {
        let all: f64 = reg.iter().filter(|((_, r, y), _)| r == "China" && y == year).map(|(_, v)| v).sum();
        let ru = reg[&("Russia".to_string(), "China".to_string(), year.to_string())];
        let v = pts.iter().find(|p| p["period"] == year).unwrap()["value"].as_f64().unwrap();
        assert!((v - ru / all * 100.0).abs() < 1e-4, "{year}");
    }
}
