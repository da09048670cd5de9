//! IMF Direction of Trade Statistics (DOTS), CSV extract of the China and Russia country tables.
//!
//! Raw: `trade/imf_dots_samleblanc/imf_dots_china_russia_world_annual.csv`, long format, one row per
//! (reporter, partner, indicator, year) in US dollars, millions. Exports are FOB, imports CIF.
//! Builds `trade-shares` and `trade-ussr`; the 1992–2020 part of `trade-annual` comes from here too.

use super::raw::{round, Table};
use super::span;
use crate::data::{Dataset, Domain, Frequency, Point, Series, Source, Unit};
use std::collections::BTreeMap;
use std::path::Path;

pub const FILE: &str = "trade/imf_dots_samleblanc/imf_dots_china_russia_world_annual.csv";
pub const CHINA: &str = "China, P.R.: Mainland";
pub const RUSSIA: &str = "Russian Federation";
pub const USSR: &str = "USSR";
pub const WORLD: &str = "World";
pub const EXPORTS: &str = "Exports, FOB";
pub const IMPORTS: &str = "Imports, CIF";

/// `(reporter, partner, indicator) → year → USD millions`.
pub struct Dots(BTreeMap<(String, String, String), BTreeMap<i32, f64>>);

impl Dots {
    pub fn read(raw_dir: &Path) -> Result<Dots, String> {
        let t = Table::read(raw_dir, FILE)?;
        let (c_rep, c_par, c_ind, c_year, c_val) =
            (t.col("reporter")?, t.col("partner")?, t.col("indicator")?, t.col("year")?, t.col("value_usd_millions")?);
        let mut m: BTreeMap<(String, String, String), BTreeMap<i32, f64>> = BTreeMap::new();
        for i in 0..t.rows.len() {
            let line = t.line(i);
            let year: i32 = t
                .cell(i, c_year)
                .parse()
                .map_err(|_| format!("{FILE}: line {line}, column year: \"{}\" is not a year", t.cell(i, c_year)))?;
            let Some(v) = t.number(i, c_val, "value_usd_millions")? else { continue };
            let key = (t.cell(i, c_rep).to_string(), t.cell(i, c_par).to_string(), t.cell(i, c_ind).to_string());
            if m.entry(key).or_default().insert(year, v).is_some() {
                return Err(format!(
                    "{FILE}: line {line}: a second value for the same reporter, partner, indicator and year"
                ));
            }
        }
        Ok(Dots(m))
    }

    /// Every year with a value, USD millions.
    pub fn series(&self, reporter: &str, partner: &str, indicator: &str) -> BTreeMap<i32, f64> {
        self.0.get(&(reporter.to_string(), partner.to_string(), indicator.to_string())).cloned().unwrap_or_default()
    }

    /// China-reported exports, imports and total with `partner`, in USD billions (6 decimals),
    /// only years where the value exists (total only where both exist).
    pub fn china_with(&self, partner: &str, src: &str) -> [Vec<Point>; 3] {
        let ex = self.series(CHINA, partner, EXPORTS);
        let im = self.series(CHINA, partner, IMPORTS);
        let bn = |y: &i32, v: f64| Point {
            period: y.to_string().into(),
            value: round(v / 1000.0, 6),
            source: src.into(),
            label: None,
            note: None,
        };
        let total = ex.iter().filter_map(|(y, e)| im.get(y).map(|i| bn(y, e + i))).collect();
        [total, ex.iter().map(|(y, v)| bn(y, *v)).collect(), im.iter().map(|(y, v)| bn(y, *v)).collect()]
    }
}

fn source(id: &str, path: &str, reporter: &str, coverage: &str) -> Source {
    Source {
        id: id.into(),
        title: format!("Direction of Trade Statistics (DOTS): {reporter} as reporter, exports FOB / imports CIF by partner, annual"),
        publisher: "International Monetary Fund".into(),
        url: Some("https://data.imf.org/".into()),
        repository: Some("SamLeBlanc/Direction-of-Trade-Map".into()),
        path: Some(path.into()),
        commit: Some("a769819d9b25a21a362d6cabfb10f150903f834d".into()),
        licence: "IMF terms of use (data © IMF, cite \"IMF, Direction of Trade Statistics\"); repository code MIT, not used".into(),
        coverage: coverage.into(),
        retrieved: "2026-11".into(),
    }
}

/// "partner A 1992–2020, partner B …" for one reporter: the years with a value, from the data.
fn coverage(d: &Dots, reporter: &str, partners: &[&str]) -> String {
    let parts: Vec<String> = partners
        .iter()
        .map(|p| {
            let ys = d.series(reporter, p, EXPORTS).into_keys().chain(d.series(reporter, p, IMPORTS).into_keys());
            format!("{p} {}", span::years(ys))
        })
        .collect();
    format!("annual; partner {} (read from the CSV extract {FILE}, values unchanged)", parts.join(", "))
}

/// DOTS with China (P.R.: Mainland) as reporter (`DOTS_40.xlsx`).
pub fn source_china(d: &Dots) -> Source {
    source("imf-dots", "data/DOTS/DOTS_40.xlsx", CHINA, &coverage(d, CHINA, &[RUSSIA, USSR, WORLD]))
}

/// DOTS with the Russian Federation as reporter (`DOTS_162.xlsx`).
pub fn source_russia(d: &Dots) -> Source {
    source("imf-dots-russia", "data/DOTS/DOTS_162.xlsx", RUSSIA, &coverage(d, RUSSIA, &[CHINA, WORLD]))
}

/// Partner's share (percent, 4 decimals) of reporter's total goods trade, years where all four values exist.
fn share(d: &Dots, reporter: &str, partner: &str, src: &str) -> Vec<Point> {
    let (pe, pi) = (d.series(reporter, partner, EXPORTS), d.series(reporter, partner, IMPORTS));
    let (we, wi) = (d.series(reporter, WORLD, EXPORTS), d.series(reporter, WORLD, IMPORTS));
    let mut out = Vec::new();
    for (y, e) in &pe {
        if let (Some(i), Some(w1), Some(w2)) = (pi.get(y), we.get(y), wi.get(y)) {
            if w1 + w2 > 0.0 {
                out.push(Point {
                    period: y.to_string().into(),
                    value: round((e + i) / (w1 + w2) * 100.0, 4),
                    source: src.into(),
                    label: None,
                    note: None,
                });
            }
        }
    }
    out
}

pub fn trade_shares(d: &Dots) -> Result<Dataset, String> {
    let series = vec![
        Series {
            unit: None,
            id: "russia-in-china".into(),
            label: "Russia's share of China's goods trade (China-reported)".into(),
            note: Some(format!(
                "(China's exports to Russia + imports from Russia) / (exports to World + imports from World) × 100; reporter {CHINA}; {FILE}"
            )),
            points: share(d, CHINA, RUSSIA, "imf-dots").into(),
        },
        Series {
            unit: None,
            id: "china-in-russia".into(),
            label: "China's share of Russia's goods trade (Russia-reported)".into(),
            note: Some(format!(
                "(Russia's exports to China + imports from China) / (exports to World + imports from World) × 100; reporter {RUSSIA}; {FILE}"
            )),
            points: share(d, RUSSIA, CHINA, "imf-dots-russia").into(),
        },
    ];
    Ok(Dataset {
        id: "trade-shares".into(),
        title: "How much China and Russia matter in each other's trade".into(),
        domain: Domain::Economic,
        unit: Unit::Percent,
        frequency: Frequency::Annual,
        description: format!("Russia's share of China's goods trade and China's share of Russia's goods trade, {}, each as reported by its own customs to the IMF.", span::years(series.iter().flat_map(|s| s.points.iter().filter_map(|p| p.period.parse::<i32>().ok()).collect::<Vec<_>>()))),
        notes: vec![
            "Each series uses one reporter's own figures for both the bilateral and the world totals: China-reported for Russia's share of China's trade, Russia-reported for China's share of Russia's trade. The two reporters' bilateral figures differ (mirror statistics), so the shares are not two views of one number.".into(),
            "Goods trade = exports (FOB) + imports (CIF). Shares in percent, rounded to 4 decimals.".into(),
            "IMF DOTS ends in 2020 in this copy; no world totals from a comparable source were found for 2021 onwards, so the series stop there (no estimate).".into(),
        ],
        sources: vec![source_china(d), source_russia(d)],
        series,
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    })
}

pub fn trade_ussr(d: &Dots) -> Result<Dataset, String> {
    let [total, ex, im] = d.china_with(USSR, "imf-dots");
    let mk = |id: &str, label: &str, points: Vec<Point>| Series {
        unit: None,
        id: id.into(),
        label: label.into(),
        note: Some(format!("{FILE}: reporter {CHINA}, partner {USSR}")),
        points: points.into(),
    };
    let years = span::years(total.iter().chain(&ex).chain(&im).filter_map(|p| p.period.parse().ok()));
    Ok(Dataset {
        id: "trade-ussr".into(),
        title: format!("China–Soviet Union goods trade, {years} (China-reported)"),
        domain: Domain::Economic,
        unit: Unit::UsdBn,
        frequency: Frequency::Annual,
        description: "China's trade with the USSR as reported by China to the IMF, in billions of current US dollars: the years before the Russian Federation series begins.".into(),
        notes: vec![
            "Partner is the USSR, not the Russian Federation: this series ends in 1991 and the Russian Federation series (trade-annual) starts in 1992; they are not spliced.".into(),
            format!("The IMF table has values for China's trade with the USSR in {years} only; other years are gaps, not zeros."),
            "USD millions in the source, shown as billions (value / 1000, 6 decimals). Exports FOB, imports CIF.".into(),
        ],
        sources: vec![source_china(d)],
        series: vec![
            mk("total", "Total trade with the USSR (China-reported)", total),
            mk("cn-exports", "China's exports to the USSR (China-reported)", ex),
            mk("cn-imports", "China's imports from the USSR (China-reported)", im),
        ],
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    })
}
