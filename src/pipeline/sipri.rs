//! SIPRI Arms Transfers Database trade register → `arms-ru-cn`, `arms-ru-share`, `arms-cn-ru`.
//!
//! Raw: `sipri_arms_transfers/trade_register.csv`: 11 preamble lines, then a header; every line ends
//! with a stray `;`. One row per deal × delivery year; `TIV delivery values` in millions of TIV.

use super::raw::{round, squash, Table};
use crate::data::{Dataset, Domain, Frequency, Point, Series, Source, Unit};
use std::collections::BTreeMap;
use std::path::Path;

pub const FILE: &str = "sipri_arms_transfers/trade_register.csv";
pub const PREAMBLE_LINES: usize = 11;
const SRC: &str = "sipri-at";

/// The first and last delivery year in the register (every row, every supplier and recipient).
pub fn years(rows: &[Delivery]) -> (i32, i32) {
    let lo = rows.iter().map(|r| r.year).min().unwrap_or(0);
    (lo, rows.iter().map(|r| r.year).max().unwrap_or(0))
}

pub fn source(rows: &[Delivery]) -> Source {
    let (first, last) = years(rows);
    Source {
        id: SRC.into(),
        title: format!("SIPRI Arms Transfers Database: trade register of major conventional arms, all suppliers to all recipients, deliveries {first}–{last} (data generated 12 Feb 2026)"),
        publisher: "Stockholm International Peace Research Institute (SIPRI)".into(),
        url: Some("https://www.sipri.org/databases/armstransfers".into()),
        repository: Some("nagehanrdogan/Global-Arms-Trade-Network-Analysis-1995-2024-".into()),
        path: Some("trade_register.csv".into()),
        commit: Some("3bcd6c41730f26878edc344425896f57c83dcb29".into()),
        licence: "Source: SIPRI Arms Transfers Database (c) SIPRI; cite SIPRI".into(),
        coverage: format!("delivery years {first}–{last}: every delivery year the register holds (none before {first}, none after {last}); Russia is the supplier name for the whole period"),
        retrieved: "2026-11".into(),
    }
}

/// One delivery row.
pub struct Delivery {
    pub line: usize,
    pub supplier: String,
    pub recipient: String,
    pub designation: String,
    pub description: String,
    pub category: String,
    pub order_date: String,
    pub delivered: String,
    pub status: String,
    pub year: i32,
    pub tiv: f64,
}

pub fn read(raw_dir: &Path) -> Result<Vec<Delivery>, String> {
    let t = Table::read_semicolon_terminated(raw_dir, FILE, PREAMBLE_LINES)?;
    let c = |n: &str| t.col(n);
    let (c_sup, c_rec, c_des, c_desc, c_cat) =
        (c("Supplier")?, c("Recipient")?, c("Designation")?, c("Description")?, c("Armament category")?);
    let (c_order, c_num, c_year, c_status, c_tiv) =
        (c("Order date")?, c("Numbers delivered")?, c("Delivery year")?, c("Status")?, c("TIV delivery values")?);
    let mut out = Vec::new();
    for i in 0..t.rows.len() {
        let line = t.line(i);
        let ytxt = t.cell(i, c_year);
        let year: i32 =
            ytxt.parse().map_err(|_| format!("{FILE}: line {line}, column Delivery year: \"{ytxt}\" is not a year"))?;
        // An empty TIV cell means no delivery identified: the row adds nothing.
        let Some(tiv) = t.number(i, c_tiv, "TIV delivery values")? else { continue };
        out.push(Delivery {
            line,
            supplier: t.cell(i, c_sup).to_string(),
            recipient: t.cell(i, c_rec).to_string(),
            designation: squash(t.cell(i, c_des)),
            description: squash(t.cell(i, c_desc)),
            category: squash(t.cell(i, c_cat)),
            order_date: t.cell(i, c_order).to_string(),
            delivered: t.cell(i, c_num).to_string(),
            status: t.cell(i, c_status).to_string(),
            year,
            tiv,
        });
    }
    Ok(out)
}

fn kebab(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn pt(year: i32, value: f64, note: Option<String>) -> Point {
    Point { period: year.to_string().into(), value, source: SRC.into(), label: None, note }
}

pub fn arms_ru_cn(rows: &[Delivery]) -> Result<Dataset, String> {
    let (first, last) = years(rows);
    let mut by_cat: BTreeMap<&str, BTreeMap<i32, f64>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.supplier == "Russia" && r.recipient == "China") {
        *by_cat.entry(r.category.as_str()).or_default().entry(r.year).or_default() += r.tiv;
    }
    let series = by_cat
        .iter()
        .map(|(cat, years)| Series {
            unit: None,
            id: kebab(cat),
            label: (*cat).to_string(),
            note: Some(format!(
                "{FILE}: sum of \"TIV delivery values\" where Supplier = Russia, Recipient = China, Armament category = {cat}, by Delivery year"
            )),
            points: (first..=last)
                .map(|y| match years.get(&y) {
                    Some(v) => pt(y, round(*v, 6), None),
                    None => pt(y, 0.0, Some("no delivery rows in this category for this year in SIPRI's register: 0".into())),
                })
                .collect(),
        })
        .collect();
    Ok(Dataset {
        id: "arms-ru-cn".into(),
        title: format!("Russian arms deliveries to China by category, {first}–{last} (SIPRI TIV)"),
        domain: Domain::Military,
        unit: Unit::TivM,
        frequency: Frequency::Annual,
        description: "Volume of major conventional arms Russia delivered to China each year, by armament category, in SIPRI trend-indicator values (millions).".into(),
        notes: vec![
            "The SIPRI trend-indicator value (TIV) is a volume index of military capability transferred, not a price: it is not US dollars and not comparable with trade values.".into(),
            format!("Sum of the register's \"TIV delivery values\" by delivery year and armament category. A year inside {first}–{last} with no delivery rows in a category is shown as 0 (the register records deliveries; none identified means none in the register), not as a gap."),
            coverage_note(first, last),
            "SIPRI counts only major conventional arms (aircraft, missiles, ships, engines, sensors …); small arms and services are not included. A '0' TIV in the register means a value between 0 and 0.5.".into(),
        ],
        sources: vec![source(rows)],
        series,
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    })
}

/// What the register covers, from its delivery years.
fn coverage_note(first: i32, last: i32) -> String {
    format!("Coverage: deliveries {first}–{last}, every delivery year the register holds: it has no rows before {first} (so none for 1992–{}) and none after {last}.", first - 1)
}

pub fn arms_ru_share(rows: &[Delivery]) -> Result<Dataset, String> {
    let (first, last) = years(rows);
    let (mut ru, mut all): (BTreeMap<i32, f64>, BTreeMap<i32, f64>) = (BTreeMap::new(), BTreeMap::new());
    for r in rows.iter().filter(|r| r.recipient == "China") {
        *all.entry(r.year).or_default() += r.tiv;
        if r.supplier == "Russia" {
            *ru.entry(r.year).or_default() += r.tiv;
        }
    }
    let points = all
        .iter()
        .filter(|(_, total)| **total > 0.0)
        .map(|(y, total)| pt(*y, round(ru.get(y).copied().unwrap_or(0.0) / total * 100.0, 4), None))
        .collect();
    Ok(Dataset {
        id: "arms-ru-share".into(),
        title: format!("Russia's share of China's arms imports, {first}–{last} (SIPRI TIV)"),
        domain: Domain::Military,
        unit: Unit::Percent,
        frequency: Frequency::Annual,
        description: "Russian deliveries as a percentage of all major conventional arms delivered to China each year, measured in SIPRI trend-indicator values.".into(),
        notes: vec![
            "Share = TIV delivered by Russia / TIV delivered by all suppliers to China in the same delivery year × 100, rounded to 4 decimals. TIV is a volume index, not US dollars.".into(),
            format!("{} Single years swing with the timing of large deliveries.", coverage_note(first, last)),
        ],
        sources: vec![source(rows)],
        series: vec![Series {
            unit: None,
            id: "russia-share".into(),
            label: "Russia's share of China's arms imports (TIV)".into(),
            note: Some(format!("{FILE}: Recipient = China; Supplier = Russia over all suppliers")),
            points,
        }],
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    })
}

pub fn arms_cn_ru(rows: &[Delivery]) -> Result<Dataset, String> {
    let mut sel: Vec<&Delivery> = rows.iter().filter(|r| r.supplier == "China" && r.recipient == "Russia").collect();
    sel.sort_by_key(|r| (r.year, r.line));
    let points = sel
        .iter()
        .map(|r| Point {
            period: r.year.to_string().into(),
            value: round(r.tiv, 6),
            source: SRC.into(),
            label: Some(format!("{} ({})", r.designation, r.description)),
            note: Some(format!(
                "{}; ordered {}; {} delivered in {}; status: {}; raw line {}",
                r.category, r.order_date, r.delivered, r.year, r.status, r.line
            )),
        })
        .collect();
    Ok(Dataset {
        id: "arms-cn-ru".into(),
        title: "Chinese arms deliveries to Russia recorded by SIPRI (TIV)".into(),
        domain: Domain::Military,
        unit: Unit::TivM,
        frequency: Frequency::Records,
        description: format!("Every China→Russia delivery row in the SIPRI trade register (delivery years {}–{}): what was delivered and its SIPRI trend-indicator value.", years(rows).0, years(rows).1),
        notes: vec![
            "One point per deal and delivery year (period = delivery year). TIV is a volume index, not US dollars.".into(),
            "SIPRI records only major conventional arms and components; dual-use goods, parts and machinery exported by China to Russia are outside its scope.".into(),
        ],
        sources: vec![source(rows)],
        series: vec![Series {
            unit: None,
            id: "china-to-russia".into(),
            label: "China → Russia deliveries".into(),
            note: Some(format!("{FILE}: Supplier = China, Recipient = Russia")),
            points,
        }],
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    })
}
