//! GACC China–Russia trade figures as quoted in the press (PROVENANCE §8), 2021 onwards.
//!
//! Raw: `trade/gacc_press_monthly/gacc_china_russia_monthly_press.csv`, one row per (period, outlet):
//! year-to-date (`ytd`, Jan–M), single month (`month`) and full year (`year`), USD billions as printed.
//!
//! ```text
//! rows ─▶ drop rows flagged NOT GACC / CONFLICT / SUM CHECK FAILS / LOW QUALITY
//!      ─▶ per (period, field): most precise printed value (then most outlets, then file order)
//!      ─▶ full-year points (trade-annual) · printed single months · YTD(M) − YTD(M−1) derived months
//! ```

use super::raw::{round, Table};
use crate::data::{Point, Source};
use std::collections::BTreeMap;
use std::path::Path;

pub const FILE: &str = "trade/gacc_press_monthly/gacc_china_russia_monthly_press.csv";
pub const SOURCE_ID: &str = "gacc-press";
/// Row notes carrying one of these markers are not used (PROVENANCE §8c).
pub const EXCLUDE_MARKERS: [&str; 4] = ["NOT GACC", "CONFLICT", "SUM CHECK FAILS", "LOW QUALITY"];
/// Words in a row note that mark a YTD total printed only as a bound; such totals are not subtracted.
const BOUND_MARKERS: [&str; 6] = ["more than", "exceed", "nearly", "almost", "around", "roughly"];

pub const FIELDS: [(&str, &str); 3] =
    [("total", "total_usd_bn"), ("cn-exports", "cn_exports_to_ru_usd_bn"), ("cn-imports", "cn_imports_from_ru_usd_bn")];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Ytd,
    Month,
    Year,
}

/// A printed number: value and the number of decimals it was printed with.
#[derive(Debug, Clone)]
pub struct Cell {
    pub value: f64,
    pub text: String,
    pub decimals: u32,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    pub kind: Kind,
    pub year: i32,
    /// Month number of the period end.
    pub month: u32,
    pub values: [Option<Cell>; 3],
    pub outlet: String,
    pub url: String,
    pub note: String,
}

impl Row {
    pub fn excluded(&self) -> bool {
        EXCLUDE_MARKERS.iter().any(|m| self.note.contains(m))
    }
    fn total_is_bound(&self) -> bool {
        let n = self.note.to_lowercase();
        BOUND_MARKERS.iter().any(|m| n.contains(m))
    }
}

/// The value chosen for one (period, field), with the rows that print it.
#[derive(Debug, Clone)]
pub struct Chosen {
    pub cell: Cell,
    pub rows: Vec<Row>,
}

impl Chosen {
    /// "Outlet A; also printed by N other outlet(s)" and the first page's URL.
    pub fn cite(&self) -> String {
        let first = &self.rows[0];
        let more = self.rows.len() - 1;
        let also = if more > 0 { format!("; same value in {more} other row(s) of the file") } else { String::new() };
        format!("{} ({}; raw line {}){also}", first.outlet, first.url, first.line)
    }
}

pub fn source() -> Source {
    Source {
        id: SOURCE_ID.into(),
        title: "China–Russia goods trade: GACC figures as quoted in the press, January 2021 – February 2026 (hand-made table, one row per outlet and period, each with its page URL and quote)".into(),
        publisher: "General Administration of Customs of the People's Republic of China (GACC), as quoted by news outlets (TASS, RIA Novosti, Reuters, Sputnik, RT, Interfax and others)".into(),
        url: Some("http://english.customs.gov.cn/".into()),
        repository: None,
        path: Some(FILE.into()),
        commit: None,
        licence: "Official statistics quoted from news pages; every row of the raw file names its page (source_url) and quotes it".into(),
        coverage: "year-to-date, single-month and full-year figures 2021–2025, Jan–Feb 2026; scattered (see PROVENANCE §8b)".into(),
        retrieved: "2026-11".into(),
    }
}

fn cell(file: &str, line: usize, col: &str, text: &str) -> Result<Option<Cell>, String> {
    let t = text.trim();
    let Some(value) = super::raw::number(file, line, col, t)? else { return Ok(None) };
    let decimals = t.split_once('.').map_or(0, |(_, d)| d.len() as u32);
    Ok(Some(Cell { value, text: t.to_string(), decimals }))
}

fn ymd(file: &str, line: usize, col: &str, s: &str) -> Result<(i32, u32, u32), String> {
    let err = || format!("{file}: line {line}, column {col}: \"{s}\" is not YYYY-MM-DD");
    let mut it = s.split('-');
    let y = it.next().and_then(|v| v.parse().ok()).ok_or_else(err)?;
    let m = it.next().and_then(|v| v.parse().ok()).filter(|m| (1..=12).contains(m)).ok_or_else(err)?;
    let d = it.next().and_then(|v| v.parse().ok()).filter(|d| (1..=31).contains(d)).ok_or_else(err)?;
    Ok((y, m, d))
}

pub fn read(raw_dir: &Path) -> Result<Vec<Row>, String> {
    let t = Table::read(raw_dir, FILE)?;
    let (c_start, c_end, c_type, c_outlet, c_url, c_note) = (
        t.col("period_start")?,
        t.col("period_end")?,
        t.col("period_type")?,
        t.col("outlet")?,
        t.col("source_url")?,
        t.col("note")?,
    );
    let cols = [t.col(FIELDS[0].1)?, t.col(FIELDS[1].1)?, t.col(FIELDS[2].1)?];
    let mut rows = Vec::new();
    for i in 0..t.rows.len() {
        let line = t.line(i);
        let (ys, ms, ds) = ymd(FILE, line, "period_start", t.cell(i, c_start))?;
        let (ye, me, _) = ymd(FILE, line, "period_end", t.cell(i, c_end))?;
        let kind = match t.cell(i, c_type) {
            "ytd" => Kind::Ytd,
            "month" => Kind::Month,
            "year" => Kind::Year,
            other => return Err(format!("{FILE}: line {line}, column period_type: unknown type \"{other}\"")),
        };
        let consistent = ys == ye
            && ds == 1
            && match kind {
                Kind::Ytd => ms == 1,
                Kind::Month => ms == me,
                Kind::Year => ms == 1 && me == 12,
            };
        if !consistent {
            return Err(format!(
                "{FILE}: line {line}: period {} – {} does not fit period_type",
                t.cell(i, c_start),
                t.cell(i, c_end)
            ));
        }
        let mut values: [Option<Cell>; 3] = [None, None, None];
        for (k, c) in cols.iter().enumerate() {
            values[k] = cell(FILE, line, FIELDS[k].1, t.cell(i, *c))?;
        }
        rows.push(Row {
            line,
            kind,
            year: ye,
            month: me,
            values,
            outlet: t.cell(i, c_outlet).to_string(),
            url: t.cell(i, c_url).to_string(),
            note: super::raw::squash(t.cell(i, c_note)),
        });
    }
    Ok(rows)
}

/// `(kind, year, month) → [field] → chosen value`, from rows not flagged. With `for_subtraction`,
/// totals printed as bounds ("more than", "exceeding" …) are left out.
pub fn choose(rows: &[Row], for_subtraction: bool) -> BTreeMap<(Kind, i32, u32), [Option<Chosen>; 3]> {
    let mut groups: BTreeMap<(Kind, i32, u32), Vec<&Row>> = BTreeMap::new();
    for r in rows.iter().filter(|r| !r.excluded()) {
        groups.entry((r.kind, r.year, r.month)).or_default().push(r);
    }
    let mut out = BTreeMap::new();
    for (key, rs) in groups {
        let mut chosen: [Option<Chosen>; 3] = [None, None, None];
        for (f, slot) in chosen.iter_mut().enumerate() {
            let usable: Vec<&Row> = rs
                .iter()
                .copied()
                .filter(|r| r.values[f].is_some())
                .filter(|r| !(for_subtraction && f == 0 && r.total_is_bound()))
                .collect();
            let Some(best_dec) = usable.iter().filter_map(|r| r.values[f].as_ref().map(|c| c.decimals)).max() else {
                continue;
            };
            // Distinct values at the best precision, in file order, with the rows printing each.
            let mut cands: Vec<(Cell, Vec<Row>)> = Vec::new();
            for r in &usable {
                let Some(c) = r.values[f].as_ref().filter(|c| c.decimals == best_dec) else { continue };
                match cands.iter_mut().find(|(k, _)| k.value == c.value) {
                    Some((_, v)) => v.push((*r).clone()),
                    None => cands.push((c.clone(), vec![(*r).clone()])),
                }
            }
            let mut best: Option<(Cell, Vec<Row>)> = None;
            for cand in cands {
                let better = match &best {
                    None => true,
                    Some(b) => cand.1.len() > b.1.len(),
                };
                if better {
                    best = Some(cand);
                }
            }
            *slot = best.map(|(cell, rows)| Chosen { cell, rows });
        }
        out.insert(key, chosen);
    }
    out
}

fn point(period: String, value: f64, note: String) -> Point {
    Point { period: period.into(), value, source: SOURCE_ID.into(), label: None, note: Some(note) }
}

/// Full-year GACC points per field (`[total, exports, imports]`), from 2021.
pub fn annual(rows: &[Row]) -> [Vec<Point>; 3] {
    let mut out: [Vec<Point>; 3] = [vec![], vec![], vec![]];
    for ((kind, year, _), chosen) in choose(rows, false) {
        if kind != Kind::Year {
            continue;
        }
        for (f, c) in chosen.iter().enumerate() {
            if let Some(c) = c {
                let mut note = format!("GACC full-year figure as printed by {}", c.cite());
                if !c.rows[0].note.is_empty() {
                    note.push_str(&format!(". Raw note: {}", c.rows[0].note));
                }
                out[f].push(point(year.to_string(), c.cell.value, note));
            }
        }
    }
    out
}

/// Printed single-month figures per field.
pub fn printed_months(rows: &[Row]) -> [Vec<Point>; 3] {
    let mut out: [Vec<Point>; 3] = [vec![], vec![], vec![]];
    for ((kind, year, month), chosen) in choose(rows, false) {
        if kind != Kind::Month {
            continue;
        }
        for (f, c) in chosen.iter().enumerate() {
            if let Some(c) = c {
                let mut note = format!("single-month figure as printed by {}", c.cite());
                if !c.rows[0].note.is_empty() {
                    note.push_str(&format!(". Raw note: {}", c.rows[0].note));
                }
                out[f].push(point(format!("{year}-{month:02}"), c.cell.value, note));
            }
        }
    }
    out
}

/// Single months derived as YTD(M) − YTD(M−1) within one year (December: full year − Jan–Nov).
pub fn derived_months(rows: &[Row]) -> [Vec<Point>; 3] {
    let chosen = choose(rows, true);
    let get = |kind: Kind, y: i32, m: u32, f: usize| chosen.get(&(kind, y, m)).and_then(|c| c[f].as_ref());
    let years: Vec<i32> = {
        let mut ys: Vec<i32> = chosen.keys().map(|k| k.1).collect();
        ys.sort_unstable();
        ys.dedup();
        ys
    };
    let mut out: [Vec<Point>; 3] = [vec![], vec![], vec![]];
    for y in years {
        for m in 3..=12u32 {
            for (f, pts) in out.iter_mut().enumerate() {
                let cur = if m == 12 { get(Kind::Year, y, 12, f) } else { get(Kind::Ytd, y, m, f) };
                let (Some(a), Some(b)) = (cur, get(Kind::Ytd, y, m - 1, f)) else { continue };
                let dec = a.cell.decimals.min(b.cell.decimals);
                let value = round(a.cell.value - b.cell.value, dec);
                let what = if m == 12 {
                    "derived: full year minus Jan–Nov".to_string()
                } else {
                    format!("derived: Jan–{} minus Jan–{}", month_abbr(m), month_abbr(m - 1))
                };
                let mut note =
                    format!("{what} ({} − {}; {} / {})", a.cell.text, b.cell.text, a.rows[0].outlet, b.rows[0].outlet);
                if a.cell.decimals != b.cell.decimals {
                    note.push_str(&format!(
                        "; the two figures are printed to different precision, so the result is rounded to {dec} decimal(s)"
                    ));
                }
                pts.push(point(format!("{y}-{m:02}"), value, note));
            }
        }
    }
    out
}

pub fn month_abbr(m: u32) -> &'static str {
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][(m as usize).clamp(1, 12) - 1]
}
