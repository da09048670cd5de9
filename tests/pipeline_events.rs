#![cfg(not(target_arch = "wasm32"))]
//! The pressure events on the monthly trade chart: every dated row of the raw file is an event,
//! with the raw row's page as its source's URL and the kind of date it carries in its label.

mod common;
use common::{bundled, raw_dir};

#[test]
fn every_dated_pressure_event_is_drawn_with_its_page_and_kind_of_date() {
    let raw = std::fs::read_to_string(raw_dir().join("pressure_events/china_russia_pressure_events.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(raw.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let dated: Vec<&csv::StringRecord> = rows.iter().filter(|r| r[0].len() == 10).collect();
    assert_eq!((rows.len(), dated.len()), (21, 18));
    let ds = bundled("trade-monthly");
    let events = ds["events"].as_array().unwrap();
    let sources = ds["sources"].as_array().unwrap();
    for r in &dated {
        let e = events
            .iter()
            .find(|e| {
                e["date"] == r[0]
                    && e["label"].as_str().unwrap().starts_with(&r[2].split_whitespace().collect::<Vec<_>>().join(" "))
            })
            .unwrap_or_else(|| panic!("{} {} is not drawn", &r[0], &r[2]));
        let label = e["label"].as_str().unwrap();
        let report = r[1].to_lowercase().contains("report date") || r[1].to_lowercase().contains("article date");
        let kind = if report { "(date of the report: " } else { "(date of the act: " };
        assert!(label.contains(kind), "{label}");
        let src = sources.iter().find(|s| s["id"] == e["source"]).unwrap();
        assert_eq!(src["url"].as_str().unwrap(), &r[5], "{label}");
    }
    // EO 14114 is dated by its signature, the Chouzhou bank halt by Vedomosti's report.
    assert!(events.iter().any(|e| e["date"] == "2023-12-22"
        && e["label"].as_str().unwrap().contains("Executive Order 14114")
        && e["label"].as_str().unwrap().contains("(date of the act: signature date")));
    assert!(events.iter().any(|e| e["date"] == "2024-02-07"
        && e["label"].as_str().unwrap().contains("(date of the report: Vedomosti report date)")));
    let note = ds["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .find(|n| n.starts_with("Pressure events"))
        .unwrap();
    assert!(note.contains("18 dated events are drawn") && note.contains("EU 17th package"), "{note}");
}
