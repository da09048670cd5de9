//! Times `parse_dataset` on the benchmark's synthetic document: 3 series × 55,550 daily points
//! (166,650 points, like bench/site/common.js), a seeded random walk rounded to 3 decimals,
//! against serde_json reading the same document into types with the derives the schema had
//! before the hand-written reader (interleaved rounds, medians).
//!
//! Run optimised (the release profile is the wasm's, size-optimised):
//! `CARGO_TARGET_DIR=target/fuzz CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false
//! CARGO_PROFILE_RELEASE_PANIC=unwind CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo run --release --example parse_bench`

// Native only (serde_json is a native dependency); on wasm32 the example is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use dragonbear::data::{parse_dataset, read_dataset, validate};
    use std::time::Instant;

    /// The schema as serde read it before `src/data/read.rs` (same fields, enums as strings).
    mod serde_schema {
        #![allow(dead_code)]
        use serde::Deserialize;

        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Dataset {
            pub id: String,
            pub title: String,
            pub domain: Domain,
            pub unit: Unit,
            pub frequency: Frequency,
            pub description: String,
            #[serde(default)]
            pub notes: Vec<String>,
            pub sources: Vec<Source>,
            pub series: Vec<Series>,
            #[serde(default)]
            pub events: Vec<Event>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum Domain {
            Economic,
            Military,
            Diplomatic,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Unit {
            UsdBn,
            UsdM,
            Percent,
            Share,
            TivM,
            IdealPoint,
            Count,
            Vote,
            Tier,
            ChangePercent,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum Frequency {
            Annual,
            Session,
            Monthly,
            Daily,
            Records,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Source {
            pub id: String,
            pub title: String,
            pub publisher: String,
            #[serde(default)]
            pub url: Option<String>,
            #[serde(default)]
            pub repository: Option<String>,
            #[serde(default)]
            pub path: Option<String>,
            #[serde(default)]
            pub commit: Option<String>,
            pub licence: String,
            pub coverage: String,
            pub retrieved: String,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Series {
            pub id: String,
            pub label: String,
            #[serde(default)]
            pub unit: Option<Unit>,
            #[serde(default)]
            pub note: Option<String>,
            pub points: Vec<Point>,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Point {
            pub period: String,
            pub value: f64,
            pub source: String,
            #[serde(default)]
            pub label: Option<String>,
            #[serde(default)]
            pub note: Option<String>,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Event {
            pub date: String,
            pub label: String,
            #[serde(default)]
            pub short: Option<String>,
            pub source: String,
        }
    }

    fn document(per_series: usize) -> String {
        let mut seed: u64 = 20260101;
        let mut rnd = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut periods = Vec::with_capacity(per_series);
        let (mut y, mut m, mut d) = (1870u32, 1u32, 1u32);
        for _ in 0..per_series {
            periods.push(format!("{y}-{m:02}-{d:02}"));
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
        let mut s = String::from(
            r#"{"id":"bench-synthetic","title":"Synthetic random walk (benchmark data)","domain":"economic","unit":"ideal_point","frequency":"daily","description":"Seeded random walks. Not real data.","sources":[{"id":"synthetic","title":"dragonbear benchmark generator","publisher":"dragonbear","licence":"CC0","coverage":"1870–2022","retrieved":"2026-01"}],"series":["#,
        );
        for k in 0..3 {
            if k > 0 {
                s.push(',');
            }
            s.push_str(&format!(r#"{{"id":"s{k}","label":"Series {k}","points":["#));
            let mut acc = k as f64 * 2.0;
            for (i, p) in periods.iter().enumerate() {
                acc += (rnd() - 0.5) * 0.2;
                let v = (acc * 1000.0).round() / 1000.0;
                if i > 0 {
                    s.push(',');
                }
                s.push_str(&format!(r#"{{"period":"{p}","value":{v},"source":"synthetic"}}"#));
            }
            s.push_str("]}");
        }
        s.push_str("]}");
        s
    }

    fn median(mut v: Vec<f64>) -> f64 {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    }

    pub fn main() {
        let doc = document(55_550);
        let ds = parse_dataset(&doc, "bench").expect("the synthetic document is valid");
        assert_eq!(ds.point_count(), 166_650);
        let rounds = 21;
        let (mut total, mut check, mut serde, mut read) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for _ in 0..rounds {
            let t = Instant::now();
            let ds = read_dataset(&doc).unwrap();
            read.push(t.elapsed().as_secs_f64() * 1e3);
            drop(ds);
            let t = Instant::now();
            let ds = parse_dataset(&doc, "bench").unwrap();
            total.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            validate(&ds).unwrap();
            check.push(t.elapsed().as_secs_f64() * 1e3);
            drop(ds);
            let t = Instant::now();
            let old: serde_schema::Dataset = serde_json::from_str(&doc).unwrap();
            serde.push(t.elapsed().as_secs_f64() * 1e3);
            assert_eq!(old.series.len(), 3);
        }
        let (total, check, serde, read) = (median(total), median(check), median(serde), median(read));
        println!(
            "{} bytes, {} points, median of {rounds}:\n  parse_dataset {total:.2} ms (validate alone {check:.2} ms)\n  reading only: dragonbear::data::json {read:.2} ms, serde_json into the old derived types {serde:.2} ms ({:.2}×)",
            doc.len(),
            ds.point_count(),
            serde / read
        );
    }
}
