#![cfg(not(target_arch = "wasm32"))]
//! The defects a fact check of the bundled data found, each held by a test that would have caught
//! it: coverage ranges typed instead of computed, a bound shown as a value, a binary-float
//! derivation, a claim that does not hold every year, a summary's ratio on an arbitrary zero.

mod common;
use common::{bundled, raw_dir};

use dragonbear::chart::{self, AnyChart, Frame};
use dragonbear::render::Theme;
use serde_json::Value;

fn texts(ds: &Value) -> Vec<String> {
    let mut out = vec![ds["title"].as_str().unwrap().to_string(), ds["description"].as_str().unwrap().to_string()];
    out.extend(ds["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_string()));
    out
}

fn points(ds: &Value, series: &str) -> Vec<Value> {
    ds["series"].as_array().unwrap().iter().find(|s| s["id"] == series).unwrap()["points"].as_array().unwrap().clone()
}

fn all_periods(ds: &Value) -> Vec<String> {
    let mut v: Vec<String> = ds["series"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["points"].as_array().unwrap().iter().map(|p| p["period"].as_str().unwrap().to_string()))
        .collect();
    v.sort();
    v
}

const IDS: [&str; 16] = [
    "arms-cn-ru",
    "arms-ru-cn",
    "arms-ru-share",
    "chpl",
    "trade-annual",
    "trade-monthly",
    "trade-shares",
    "trade-ussr",
    "unga-agreement",
    "unga-coincidence",
    "unga-ideal-points",
    "unga-ukraine-members",
    "unga-ukraine-tallies",
    "unga-ukraine-votes",
    "unsc-vetoes",
    "unsc-vetoes-per-year",
];

/// "1992–2025" ranges in a text (four digits, an en dash, four digits).
fn year_ranges(s: &str) -> Vec<(i32, i32)> {
    let c: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    for i in 0..c.len().saturating_sub(8) {
        let digits = |a: usize| (a..a + 4).all(|k| c.get(k).is_some_and(char::is_ascii_digit));
        let before_ok = i == 0 || !c[i - 1].is_ascii_digit();
        if before_ok && digits(i) && c[i + 4] == '–' && digits(i + 5) && !c.get(i + 9).is_some_and(char::is_ascii_digit)
        {
            let y = |a: usize| c[a..a + 4].iter().collect::<String>().parse::<i32>().unwrap();
            out.push((y(i), y(i + 5)));
        }
    }
    out
}

#[test]
fn every_year_range_in_a_title_is_the_datas_own() {
    for id in IDS {
        let ds = bundled(id);
        let years: Vec<i32> = all_periods(&ds).iter().map(|p| p[..4].parse().unwrap()).collect();
        let (lo, hi) = (*years.iter().min().unwrap(), *years.iter().max().unwrap());
        for (a, b) in year_ranges(ds["title"].as_str().unwrap()) {
            assert_eq!((a, b), (lo, hi), "{id}: the title's range is not the data's ({lo}–{hi})");
        }
    }
}

#[test]
fn every_month_range_in_the_monthly_title_is_the_datas_own() {
    let ds = bundled("trade-monthly");
    // The chart draws the derived series (chart spec): the title's range is theirs.
    let mut p: Vec<String> = ds["series"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["id"].as_str().unwrap().ends_with("-derived"))
        .flat_map(|s| s["points"].as_array().unwrap().iter().map(|p| p["period"].as_str().unwrap().to_string()))
        .collect();
    p.sort();
    let name = |p: &str| {
        let m = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            [p[5..7].parse::<usize>().unwrap() - 1];
        format!("{m} {}", &p[..4])
    };
    let want = format!("{} – {}", name(&p[0]), name(p.last().unwrap()));
    assert!(ds["title"].as_str().unwrap().contains(&want), "{} lacks {want}", ds["title"]);
    // The coverage note names where each kind of series ends, from the data.
    let end = |suffix: &str| {
        let mut v: Vec<String> = ds["series"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["id"].as_str().unwrap().ends_with(suffix))
            .flat_map(|s| s["points"].as_array().unwrap().iter().map(|p| p["period"].as_str().unwrap().to_string()))
            .collect();
        v.sort();
        name(v.last().unwrap())
    };
    let cov = texts(&ds).into_iter().find(|n| n.starts_with("Coverage:")).unwrap();
    assert!(cov.contains(&format!("derived series Apr 2021 – {}", end("-derived"))), "{cov}");
    assert!(cov.contains(&format!("printed series Apr 2021 – {}", end("-printed"))), "{cov}");
}

#[test]
fn trade_ussr_says_what_the_data_holds() {
    let ds = bundled("trade-ussr");
    let years: Vec<String> = all_periods(&ds).iter().map(|p| p[..4].to_string()).collect();
    assert!(!years.contains(&"1961".to_string()));
    for t in texts(&ds) {
        assert!(!t.contains("1961"), "no 1961 value, yet: {t}");
    }
    let src = ds["sources"][0]["coverage"].as_str().unwrap();
    assert!(src.contains("USSR 1978–1991"), "{src}");
}

#[test]
fn no_february_claim_contradicts_a_february_point() {
    let ds = bundled("trade-monthly");
    let has_feb = all_periods(&ds).iter().any(|p| p.ends_with("-02"));
    for t in texts(&ds) {
        if has_feb {
            assert!(!t.contains("no January or February value"), "{t}");
        }
    }
    assert!(has_feb, "the Feb 2026 single month printed by Prime (RIA Novosti) is drawn");
}

#[test]
fn a_bound_is_never_a_value() {
    let ds = bundled("trade-monthly");
    // Sep 2021: the total was printed as "exceeded 13.46" (raw line 17).
    assert!(points(&ds, "total-printed").iter().all(|p| p["period"] != "2021-09"));
    assert!(texts(&ds).iter().any(|t| t.contains("Sep 2021 total (printed only as a bound")), "the note says so");
    for s in ds["series"].as_array().unwrap() {
        for p in s["points"].as_array().unwrap() {
            let note = p["note"].as_str().unwrap_or("").to_lowercase();
            let note = note.split_once("raw note:").map_or("", |(_, n)| n);
            if s["id"].as_str().unwrap().starts_with("total") {
                assert!(!note.contains("exceeded") && !note.contains("'nearly'"), "{}: {note}", s["id"]);
            }
        }
    }
}

/// Exact decimal difference of two printed figures, rounded half away from zero.
fn exact_difference(a: &str, b: &str, decimals: usize) -> String {
    let scale = |s: &str| s.split_once('.').map_or(0, |(_, f)| f.len());
    let units = |s: &str, to: usize| -> i128 {
        let (i, f) = s.split_once('.').unwrap_or((s, ""));
        format!("{i}{f}{}", "0".repeat(to - f.len())).parse().unwrap()
    };
    let sc = scale(a).max(scale(b));
    let d = units(a, sc) - units(b, sc);
    let f = 10i128.pow((sc - decimals) as u32);
    let q = (d.abs() + f / 2) / f * d.signum();
    let s = format!("{:0>width$}", q.abs(), width = decimals + 1);
    let (i, fr) = s.split_at(s.len() - decimals);
    format!("{}{i}{}{fr}", if q < 0 { "-" } else { "" }, if decimals > 0 { "." } else { "" })
}

#[test]
fn every_derived_month_is_the_exact_decimal_difference_of_its_two_figures() {
    let ds = bundled("trade-monthly");
    let mut n = 0;
    for s in ds["series"].as_array().unwrap().iter().filter(|s| s["id"].as_str().unwrap().ends_with("-derived")) {
        for p in s["points"].as_array().unwrap() {
            let note = p["note"].as_str().unwrap();
            let inner = note.split_once(" (").unwrap().1;
            let (a, rest) = inner.split_once(" − ").unwrap();
            let b = rest.split_once(';').unwrap().0;
            let dec = |s: &str| s.split_once('.').map_or(0, |(_, f)| f.len());
            let want: f64 = exact_difference(a, b, dec(a).min(dec(b))).parse().unwrap();
            assert_eq!(p["value"].as_f64().unwrap(), want, "{} {}: {note}", s["id"], p["period"]);
            // Both operands' pages are named.
            assert!(note.matches("http").count() >= 2, "{note}");
            n += 1;
        }
    }
    assert!(n > 80);
    let jul = points(&ds, "cn-imports-derived").into_iter().find(|p| p["period"] == "2022-07").unwrap();
    assert_eq!(jul["value"].as_f64().unwrap(), 10.32, "61.44 − 51.125 = 10.315 → 10.32");
}

#[test]
fn every_point_names_the_page_it_was_read_from() {
    for id in IDS {
        let ds = bundled(id);
        let sources = ds["sources"].as_array().unwrap();
        for s in ds["series"].as_array().unwrap() {
            for p in s["points"].as_array().unwrap() {
                let src = sources.iter().find(|x| x["source"] == p["source"] || x["id"] == p["source"]).unwrap();
                let url = src["url"].as_str().unwrap_or("");
                let note = p["note"].as_str().unwrap_or("");
                let from_repository = src["repository"].is_string() && src["commit"].is_string();
                let page = url.trim_end_matches('/').splitn(4, '/').nth(3).is_some_and(|path| !path.is_empty());
                assert!(
                    from_repository || page || note.contains("http"),
                    "{id} {} {}: source {} has no page ({url:?}) and the note names none",
                    s["id"],
                    p["period"],
                    src["id"]
                );
            }
        }
    }
}

#[test]
fn sipri_coverage_is_the_registers() {
    let raw = std::fs::read_to_string(raw_dir().join("sipri_arms_transfers/trade_register.csv")).unwrap();
    let header: Vec<&str> = raw.lines().nth(11).unwrap().split(',').collect();
    let col = header.iter().position(|h| *h == "Delivery year").unwrap();
    let last = raw.lines().skip(12).filter_map(|l| l.split(',').nth(col)?.parse::<i32>().ok()).max().unwrap();
    for id in ["arms-ru-cn", "arms-ru-share", "arms-cn-ru"] {
        let ds = bundled(id);
        for t in
            texts(&ds).into_iter().chain(ds["sources"].as_array().unwrap().iter().map(|s| s["coverage"].to_string()))
        {
            assert!(!t.contains("provisional"), "{id}: the register has no provisional rows: {t}");
            assert!(!t.contains(&(last + 1).to_string()), "{id}: the register ends in {last}: {t}");
        }
    }
}

#[test]
fn amendment_vetoes_are_said_to_be_left_out_with_their_dates() {
    let raw = std::fs::read_to_string(raw_dir().join("unsc_vetoes/unsc_vetoes_after_july2022_press.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(raw.as_bytes());
    let amendments: Vec<String> =
        rdr.records().map(|r| r.unwrap()).filter(|r| r[2].contains("AMENDMENT")).map(|r| r[0].to_string()).collect();
    assert_eq!(amendments.len(), 3);
    for id in ["unsc-vetoes", "unsc-vetoes-per-year"] {
        let ds = bundled(id);
        let note = texts(&ds).into_iter().find(|t| t.contains("vetoes of amendments")).unwrap();
        assert!(note.starts_with("Unit = vetoed draft resolutions. 3 vetoes of amendments"), "{note}");
        for d in &amendments {
            assert!(note.contains(d.as_str()), "{note} lacks {d}");
        }
    }
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/index.html")).unwrap();
    assert!(!page.contains("Every veto cast"), "the story page must not call the draft list every veto");
}

#[test]
fn absent_counts_from_subtraction_are_not_shown() {
    let ds = bundled("unga-ukraine-tallies");
    let absent = points(&ds, "absent");
    for label in ["A/RES/ES-11/4", "A/RES/ES-11/7"] {
        assert!(absent.iter().all(|p| p["label"] != label), "{label}: 193 minus the others is not a sourced count");
    }
    let note = texts(&ds).into_iter().find(|t| t.starts_with("\"Absent\"")).unwrap();
    assert!(!note.contains("never computed"), "{note}");
    assert!(
        note.contains("A/RES/ES-11/4 (10 = 193 − 183)") && note.contains("A/RES/ES-11/7 (17 = 193 − 176)"),
        "{note}"
    );
}

fn summary(id: &str) -> String {
    let spec = chart::spec(id).unwrap();
    let ds = chart::dataset_for(id).unwrap();
    let hidden = vec![false; ds.series.len()];
    AnyChart::build(spec.kind, &ds, &Frame::new(800.0, 480.0, Theme::light()), &hidden).summary()
}

#[test]
fn summaries_state_changes_in_the_units_own_terms_and_ranges_once() {
    let s = summary("unga-ideal-points");
    assert!(!s.contains('%'), "a percentage change on a scale with an arbitrary zero means nothing: {s}");
    assert!(s.contains("on the ideal-point scale"), "{s}");
    let v = summary("unsc-vetoes");
    let range = year_ranges(&v);
    assert_eq!(range.len(), 1, "the date range is printed once: {v}");
}

#[test]
fn the_agreement_caption_holds_in_every_session() {
    let ds = bundled("unga-agreement");
    let get = |id: &str| -> std::collections::BTreeMap<String, f64> {
        points(&ds, id)
            .iter()
            .map(|p| (p["period"].as_str().unwrap().to_string(), p["value"].as_f64().unwrap()))
            .collect()
    };
    let (cr, cu, ru) = (get("china-russia"), get("china-us"), get("russia-us"));
    let mut closest = (String::new(), f64::MAX);
    for (y, v) in &cr {
        let other = cu[y].max(ru[y]);
        assert!(*v > other, "{y}: China–Russia {v} is not above {other}");
        if v - other < closest.1 {
            closest = (y.clone(), v - other);
        }
    }
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/index.html")).unwrap();
    let cap = page.split("id=\"unga-agreement\"").nth(1).unwrap().split("</figcaption>").next().unwrap();
    assert!(!cap.contains("far more often"), "not far in {}: {cap}", closest.0);
    let pct = |v: f64| format!("{:.1}%", v * 100.0);
    let y = &closest.0;
    assert!(cap.contains(&format!("in every session since {}", cr.keys().next().unwrap())), "{cap}");
    assert!(cap.contains(&format!("{y} ({} against {}", pct(cr[y]), pct(cu[y].max(ru[y])))), "{cap}");
}
