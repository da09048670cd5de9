#![cfg(not(target_arch = "wasm32"))]
//! UN figures recomputed straight from the raw files (own reading code) against `data/`.

mod common;
use common::{bundled, raw_dir};

use std::collections::HashMap;
use std::path::Path;

fn points<'a>(ds: &'a serde_json::Value, series: &str) -> &'a Vec<serde_json::Value> {
    ds["series"].as_array().unwrap().iter().find(|s| s["id"] == series).unwrap()["points"].as_array().unwrap()
}

/// Rows of a CSV as header → cell maps.
fn rows(path: &Path) -> Vec<HashMap<String, String>> {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let h: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    rdr.records().map(|r| h.iter().cloned().zip(r.unwrap().iter().map(str::to_string)).collect()).collect()
}

#[test]
fn member_votes_reproduce_the_official_tallies() {
    let raw = raw_dir();
    let all = rows(&raw.join("unga_ukraine_votes/votes_by_country_68-262_ES-11-1.csv"));
    let ds = bundled("unga-ukraine-members");
    for (symbol, series, expected) in
        [("A/RES/68/262", "a-res-68-262", [100, 11, 58, 24]), ("A/RES/ES-11/1", "a-res-es-11-1", [141, 5, 35, 12])]
    {
        let count = |v: &str| all.iter().filter(|r| r["resolution"] == symbol && r["vote"] == v).count();
        assert_eq!([count("Y"), count("N"), count("A"), count("X")], expected, "raw {symbol}");
        let pts = points(&ds, series);
        let bcount = |v: f64| pts.iter().filter(|p| p["value"].as_f64() == Some(v)).count();
        assert_eq!([bcount(1.0), bcount(-1.0), bcount(0.0), bcount(2.0)], expected, "bundled {symbol}");
    }
    let tallies = bundled("unga-ukraine-tallies");
    let yes = points(&tallies, "yes");
    assert_eq!(yes.iter().find(|p| p["label"] == "A/RES/ES-11/1").unwrap()["value"], 141.0);
}

#[test]
fn china_veto_count_matches_the_raw_files() {
    let raw = raw_dir();
    let compiled = rows(&raw.join("unsc_vetoes/unsc_vetoes_1946_sept2022.csv"));
    let compiled_china = compiled.iter().filter(|r| r["China"] == "1").count();
    assert_eq!(compiled_china, 17);
    let press = rows(&raw.join("unsc_vetoes/unsc_vetoes_after_july2022_press.csv"));
    let press_china =
        press.iter().filter(|r| r["vetoed_by"].contains("China") && !r["topic"].contains("AMENDMENT")).count();
    let ds = bundled("unsc-vetoes");
    assert_eq!(points(&ds, "china").len(), compiled_china + press_china);
    let compiled_ussr = compiled.iter().filter(|r| r["USSR"] == "1").count();
    assert_eq!(points(&ds, "ussr").len(), compiled_ussr);
    let per_year = bundled("unsc-vetoes-per-year");
    let total: f64 = points(&per_year, "china").iter().map(|p| p["value"].as_f64().unwrap()).sum();
    assert_eq!(total as usize, compiled_china + press_china);
    let joint_2019 = compiled.iter().filter(|r| r["year"] == "2019" && r["China"] == "1" && r["Russia"] == "1").count();
    let bundled_2019 = points(&per_year, "china-russia-joint").iter().find(|p| p["period"] == "2019").unwrap()["value"]
        .as_f64()
        .unwrap();
    assert_eq!(bundled_2019 as usize, joint_2019);
}

#[test]
fn coincidence_for_sample_years_matches_the_vote_records() {
    let raw = raw_dir();
    let calls = rows(&raw.join("unvotes_dgrtwo/un_roll_calls.csv"));
    let votes = rows(&raw.join("unvotes_dgrtwo/un_votes_selected_countries.csv"));
    let ds = bundled("unga-coincidence");
    for year in ["1980", "2000", "2019"] {
        let ids: std::collections::HashSet<&str> = calls
            .iter()
            .filter(|r| r["date"].starts_with(year) && r["amend"] != "1" && r["para"] != "1")
            .map(|r| r["rcid"].as_str())
            .collect();
        let of = |code: &str| -> HashMap<&str, &str> {
            votes
                .iter()
                .filter(|r| r["country_code"] == code && ids.contains(r["rcid"].as_str()))
                .map(|r| (r["rcid"].as_str(), r["vote"].as_str()))
                .collect()
        };
        let (cn, ru) = (of("CN"), of("RU"));
        let joint: Vec<(&str, &str)> = cn.iter().filter_map(|(id, c)| ru.get(id).map(|r| (*c, *r))).collect();
        let same = joint.iter().filter(|(c, r)| c == r).count() as f64 / joint.len() as f64;
        let v = points(&ds, "china-russia").iter().find(|p| p["period"] == year).unwrap()["value"].as_f64().unwrap();
        assert!((v - same).abs() < 1e-6, "{year}: {v} vs {same}");
    }
}

/// The 2020–2021 UN Digital Library records, counted independently of the pipeline: China–Russia
/// identical votes per year match the bundled points, and session 75 agrees with Voeten's
/// agreement index within one percentage point (78.2 % against 78.7 %).
#[test]
fn coincidence_2020_2021_matches_the_digital_library_records_and_voeten_session_75() {
    let raw = raw_dir();
    let records = rows(&raw.join("unga_votes_2020_2021/unga_resolutions_2020_2021_focus4.csv"));
    let whole: Vec<_> = records.iter().filter(|r| r["resolution"].starts_with("A/RES/")).collect();
    assert_eq!(records.len() - whole.len(), 2, "the two A/76/L.14 records are dropped");
    let share = |from: &str, to: &str| {
        let joint: Vec<_> = whole
            .iter()
            .filter(|r| r["date"].as_str() >= from && r["date"].as_str() <= to)
            .filter(|r| ["Y", "N", "A"].contains(&r["CHINA"].as_str()))
            .filter(|r| ["Y", "N", "A"].contains(&r["RUSSIAN FEDERATION"].as_str()))
            .collect();
        joint.iter().filter(|r| r["CHINA"] == r["RUSSIAN FEDERATION"]).count() as f64 / joint.len() as f64
    };
    let ds = bundled("unga-coincidence");
    for (year, from, to) in [("2020", "2020-01-01", "2020-12-31"), ("2021", "2021-01-01", "2021-12-31")] {
        let v = points(&ds, "china-russia").iter().find(|p| p["period"] == year).unwrap()["value"].as_f64().unwrap();
        assert!((v - share(from, to)).abs() < 1e-6, "{year}: {v}");
    }
    let s75 = share("2020-09-15", "2021-09-13");
    let voeten = points(&bundled("unga-agreement"), "china-russia").iter().find(|p| p["period"] == "2020").unwrap()
        ["value"]
        .as_f64()
        .unwrap();
    assert!((s75 - voeten).abs() < 0.01, "session 75: Digital Library {s75} vs Voeten {voeten}");
    assert!(ds["title"].as_str().unwrap().ends_with("1971–2021"));
}
