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

use super::raw::Table;
use crate::data::{Point, Source};
use std::collections::BTreeMap;
use std::path::Path;

pub const FILE: &str = "trade/gacc_press_monthly/gacc_china_russia_monthly_press.csv";
/// A second pass filling gaps (PROVENANCE §11.4): same columns, 4 rows.
pub const GAP_FILL: &str = "trade/gacc_press_monthly/gacc_gap_fill_press.csv";
pub const SOURCE_ID: &str = "gacc-press";
/// Row notes carrying one of these markers are not used (PROVENANCE §8c).
/// "Author's calculation": a third party's arithmetic on GACC tables, neither a GACC figure nor one
/// of Reuters' calculations (which agree with GACC to 0.1 bn, PROVENANCE §8c).
pub const EXCLUDE_MARKERS: [&str; 5] =
    ["NOT GACC", "CONFLICT", "SUM CHECK FAILS", "LOW QUALITY", "Author's calculation"];
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
    /// The printed digits, exactly (derivations subtract these, not the floats).
    pub dec: super::dec::Dec,
    pub text: String,
    pub decimals: u32,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// Raw file the row is from ([`FILE`] or [`GAP_FILL`]).
    pub file: &'static str,
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
    /// "Jan–Sep 2021", "Sep 2021" or "2021".
    pub fn period_text(&self) -> String {
        match self.kind {
            Kind::Ytd => format!("Jan–{} {}", month_abbr(self.month), self.year),
            Kind::Month => format!("{} {}", month_abbr(self.month), self.year),
            Kind::Year => format!("{}", self.year),
        }
    }
    pub fn excluded(&self) -> bool {
        EXCLUDE_MARKERS.iter().any(|m| self.note.contains(m))
    }
    pub fn total_is_bound(&self) -> bool {
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
        let file = if first.file == GAP_FILL { "gap-fill file line" } else { "raw line" };
        format!("{} ({}; {file} {}){also}", first.outlet, first.url, first.line)
    }
}

/// Publisher of every GACC press source (one line in a chart's footer, whatever the page).
pub const PUBLISHER: &str = "General Administration of Customs of the People's Republic of China (GACC), as quoted by news outlets (TASS, RIA Novosti, Reuters, Sputnik, RT, Interfax and others)";

/// Id of the source entry for the page a row was read from: one per distinct URL, named after the
/// first raw line citing it (stable while the raw file is).
pub fn page_id(rows: &[Row], url: &str) -> String {
    match rows.iter().find(|r| r.url == url) {
        Some(r) if r.file == GAP_FILL => format!("{SOURCE_ID}-gap-fill-line-{}", r.line),
        r => format!("{SOURCE_ID}-line-{}", r.map_or(0, |r| r.line)),
    }
}

/// The source entries of the pages the given points were read from (their `source` ids), in the
/// order the points first name them: each with the page's URL, the outlet and the periods quoted.
pub fn page_sources<'a>(rows: &[Row], ids: impl IntoIterator<Item = &'a str>) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    for id in ids {
        if out.iter().any(|s| s.id == id) {
            continue;
        }
        let Some(first) = rows.iter().find(|r| page_id(rows, &r.url) == id) else { continue };
        let on_page: Vec<&Row> = rows.iter().filter(|r| r.url == first.url).collect();
        let periods: Vec<String> = on_page.iter().map(|r| r.period_text()).collect();
        out.push(Source {
            id: id.to_string(),
            title: format!("{}: China–Russia trade figures of China's customs (GACC)", first.outlet),
            publisher: PUBLISHER.into(),
            url: Some(first.url.clone()),
            repository: None,
            path: Some(first.file.into()),
            commit: None,
            licence: "Official statistics quoted by a news page; the raw file quotes the sentence read".into(),
            coverage: format!(
                "{} (raw line(s) {})",
                periods.join("; "),
                on_page.iter().map(|r| r.line.to_string()).collect::<Vec<_>>().join(", ")
            ),
            retrieved: "2026-11".into(),
        });
    }
    out
}

fn cell(file: &str, line: usize, col: &str, text: &str) -> Result<Option<Cell>, String> {
    let t = text.trim();
    let Some(value) = super::raw::number(file, line, col, t)? else { return Ok(None) };
    let dec = super::dec::parse(t)
        .ok_or_else(|| format!("{file}: line {line}, column {col}: \"{t}\" is not a plain decimal number"))?;
    let decimals = t.split_once('.').map_or(0, |(_, d)| d.len() as u32);
    Ok(Some(Cell { value, dec, text: t.to_string(), decimals }))
}

fn ymd(file: &str, line: usize, col: &str, s: &str) -> Result<(i32, u32, u32), String> {
    let err = || format!("{file}: line {line}, column {col}: \"{s}\" is not YYYY-MM-DD");
    let mut it = s.split('-');
    let y = it.next().and_then(|v| v.parse().ok()).ok_or_else(err)?;
    let m = it.next().and_then(|v| v.parse().ok()).filter(|m| (1..=12).contains(m)).ok_or_else(err)?;
    let d = it.next().and_then(|v| v.parse().ok()).filter(|d| (1..=31).contains(d)).ok_or_else(err)?;
    Ok((y, m, d))
}

/// Reads the press file, then the gap-fill file (same columns), in that order.
pub fn read(raw_dir: &Path) -> Result<Vec<Row>, String> {
    let mut rows = read_file(raw_dir, FILE)?;
    rows.extend(read_file(raw_dir, GAP_FILL)?);
    Ok(rows)
}

fn read_file(raw_dir: &Path, file: &'static str) -> Result<Vec<Row>, String> {
    let t = Table::read(raw_dir, file)?;
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
        let (ys, ms, ds) = ymd(file, line, "period_start", t.cell(i, c_start))?;
        let (ye, me, _) = ymd(file, line, "period_end", t.cell(i, c_end))?;
        let kind = match t.cell(i, c_type) {
            "ytd" => Kind::Ytd,
            "month" => Kind::Month,
            "year" => Kind::Year,
            other => return Err(format!("{file}: line {line}, column period_type: unknown type \"{other}\"")),
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
                "{file}: line {line}: period {} – {} does not fit period_type",
                t.cell(i, c_start),
                t.cell(i, c_end)
            ));
        }
        let mut values: [Option<Cell>; 3] = [None, None, None];
        for (k, c) in cols.iter().enumerate() {
            values[k] = cell(file, line, FIELDS[k].1, t.cell(i, *c))?;
        }
        rows.push(Row {
            file,
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

fn point(rows: &[Row], period: String, value: f64, page: &str, note: String) -> Point {
    Point { period: period.into(), value, source: page_id(rows, page).into(), label: None, note: Some(note) }
}

/// Points of one kind (`Year` or `Month`) as printed, per field. Totals printed only as a bound
/// ("exceeded", "more than" …) are not values and are left out ([`bounds_left_out`] lists them).
fn printed(rows: &[Row], want: Kind, what: &str) -> [Vec<Point>; 3] {
    let mut out: [Vec<Point>; 3] = [vec![], vec![], vec![]];
    for ((kind, year, month), chosen) in choose(rows, true) {
        if kind != want {
            continue;
        }
        for (f, c) in chosen.iter().enumerate() {
            if let Some(c) = c {
                let mut note = format!("{what} as printed by {}", c.cite());
                if !c.rows[0].note.is_empty() {
                    note.push_str(&format!(". Raw note: {}", c.rows[0].note));
                }
                let period = if kind == Kind::Year { year.to_string() } else { format!("{year}-{month:02}") };
                out[f].push(point(rows, period, c.cell.value, &c.rows[0].url, note));
            }
        }
    }
    out
}

/// Full-year GACC points per field (`[total, exports, imports]`), from 2021.
pub fn annual(rows: &[Row]) -> [Vec<Point>; 3] {
    printed(rows, Kind::Year, "GACC full-year figure")
}

/// Printed single-month figures per field.
pub fn printed_months(rows: &[Row]) -> [Vec<Point>; 3] {
    printed(rows, Kind::Month, "single-month figure")
}

/// What became of each gap-fill row: used, left out (and why), or not drawn (a rate, not a level).
pub fn gap_fill_report(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .filter(|r| r.file == GAP_FILL)
        .map(|r| {
            let what = format!("{} ({}, {})", r.period_text(), r.outlet, r.url);
            if r.values.iter().all(Option::is_none) {
                format!("{what}: a year-on-year rate only, not a level, so not drawn")
            } else if let Some(m) = EXCLUDE_MARKERS.iter().find(|m| r.note.contains(**m)) {
                format!("{what}: left out, its note carries the marker \"{m}\" of the rules")
            } else {
                let v: Vec<&str> = r.values.iter().flatten().map(|c| c.text.as_str()).collect();
                format!("{what}: used ({})", v.join(" / "))
            }
        })
        .collect()
}

/// Totals of `kind` that exist only as a bound ("exceeded 13.46"), so are not drawn: one phrase
/// each, with the outlet and page, for the dataset's notes.
pub fn bounds_left_out(rows: &[Row], want: Kind) -> Vec<String> {
    let exact = choose(rows, true);
    let mut out = Vec::new();
    for (key, chosen) in choose(rows, false) {
        let (kind, _, _) = key;
        if kind != want || exact.get(&key).is_some_and(|c| c[0].is_some()) {
            continue;
        }
        if let Some(c) = &chosen[0] {
            out.push(format!(
                "{} total (printed only as a bound: \"{}\"; {}, {})",
                c.rows[0].period_text(),
                c.rows[0].note,
                c.rows[0].outlet,
                c.rows[0].url
            ));
        }
    }
    out
}

/// Single months derived as YTD(M) − YTD(M−1) within one year (December: full year − Jan–Nov),
/// in exact decimal arithmetic on the printed digits, rounded half away from zero to the coarser
/// of the two printed precisions. The point's source is the later figure's page; its note names
/// both pages.
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
                let value = super::dec::to_f64(super::dec::round(a.cell.dec - b.cell.dec, dec));
                let what = if m == 12 {
                    "derived: full year minus Jan–Nov".to_string()
                } else {
                    format!("derived: Jan–{} minus Jan–{}", month_abbr(m), month_abbr(m - 1))
                };
                let (ra, rb) = (&a.rows[0], &b.rows[0]);
                let mut note = format!(
                    "{what} ({} − {}; {} {} from {} ({}); {} {} from {} ({}))",
                    a.cell.text,
                    b.cell.text,
                    ra.period_text(),
                    a.cell.text,
                    ra.outlet,
                    ra.url,
                    rb.period_text(),
                    b.cell.text,
                    rb.outlet,
                    rb.url
                );
                if a.cell.decimals != b.cell.decimals {
                    note.push_str(&format!(
                        "; the two figures are printed to different precision, so the exact difference is rounded to {dec} decimal(s)"
                    ));
                }
                pts.push(point(rows, format!("{y}-{m:02}"), value, &ra.url, note));
            }
        }
    }
    out
}

pub fn month_abbr(m: u32) -> &'static str {
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][(m as usize).clamp(1, 12) - 1]
}
