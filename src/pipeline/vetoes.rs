//! UN Security Council vetoes → `unsc-vetoes` (one point per vetoed draft) and `unsc-vetoes-per-year`.
//!
//! Raw: `unsc_vetoes/unsc_vetoes_1946_sept2022.csv` (compiled from the Dag Hammarskjöld Library list,
//! MIT; last row 2022-07-08) and `unsc_vetoes/unsc_vetoes_after_july2022_press.csv` (hand-made from
//! UN press pages and wire copy, PROVENANCE §9a). Amendment vetoes are dropped (unit = vetoed drafts).

use super::pages::Pages;
use super::raw::{squash, Table};
use super::span;
use crate::data::{Dataset, Domain, Frequency, Point, Series, Source, Unit};
use std::collections::BTreeMap;
use std::path::Path;

pub const COMPILED: &str = "unsc_vetoes/unsc_vetoes_1946_sept2022.csv";
pub const PRESS: &str = "unsc_vetoes/unsc_vetoes_after_july2022_press.csv";

fn src_compiled(n: usize, first: &str, last: &str) -> Source {
    Source {
        id: "unsc-vetoes-compiled".into(),
        title: format!("List of UN Security Council vetoes {}–{} (compiled by Carlos L. Yordan from the Dag Hammarskjöld Library veto list)", &first[..4], &last[..4]),
        publisher: "World Politics Datalab; underlying list: UN Dag Hammarskjöld Library".into(),
        url: Some("https://research.un.org/en/docs/sc/quick/veto".into()),
        repository: Some("world-politics-datalab/vetoes-un-security-council".into()),
        path: Some("unsc_vetoes_1946_sept2022.csv".into()),
        commit: Some("661c5246872143cf16e500e4e7f2f70a45df5ac8".into()),
        licence: "MIT".into(),
        coverage: format!("{n} vetoed drafts, {first} … {last}"),
        retrieved: "2026-11".into(),
    }
}

fn src_press(first: &str, last: &str) -> Source {
    Source {
        id: "unsc-vetoes-press".into(),
        title: "UN Security Council vetoes after July 2022 (hand-made from UN press releases, UN News and wire copy; each row cites its page)".into(),
        publisher: "United Nations Security Council record as reported by UN press pages and news agencies".into(),
        url: None,
        repository: None,
        path: Some(PRESS.into()),
        commit: None,
        licence: "Public UN record; each row of the raw file names the page it was read from".into(),
        coverage: format!("{first} … {last} (nothing later found)"),
        retrieved: "2026-11".into(),
    }
}

const MEMBERS: [(&str, &str); 4] =
    [("china", "China (PRC)"), ("russia", "Russia"), ("ussr", "USSR"), ("united-states", "United States")];

/// One vetoed draft.
struct Veto {
    date: String,
    label: String,
    topic: String,
    by: [bool; 4],
    /// Page the veto was read from (press rows), empty for the compiled list.
    url: String,
}

/// What the raw files hold besides the vetoes of drafts.
struct Read {
    vetoes: Vec<Veto>,
    /// Vetoes of amendments (left out): date and who vetoed.
    amendments: Vec<(String, String)>,
    /// First and last date of the compiled list, and of the press file.
    compiled: (String, String),
    press: (String, String),
    compiled_rows: usize,
}

fn mdy(file: &str, line: usize, s: &str) -> Result<String, String> {
    let p: Vec<&str> = s.split('/').collect();
    let bad = || format!("{file}: line {line}, column date: \"{s}\" is not M/D/YYYY");
    if p.len() != 3 {
        return Err(bad());
    }
    let (m, d, y): (u32, u32, u32) =
        (p[0].parse().map_err(|_| bad())?, p[1].parse().map_err(|_| bad())?, p[2].parse().map_err(|_| bad())?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1900..=2100).contains(&y) {
        return Err(bad());
    }
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

fn read(raw_dir: &Path) -> Result<Read, String> {
    let mut out = Vec::new();
    let t = Table::read(raw_dir, COMPILED)?;
    let (c_date, c_draft, c_agenda, c_topic) =
        (t.col("date")?, t.col("draft")?, t.col("agenda_item")?, t.col("crisis_topic")?);
    let dummies = [t.col("China")?, t.col("Russia")?, t.col("USSR")?, t.col("USA")?];
    for i in 0..t.rows.len() {
        let line = t.line(i);
        let date = mdy(COMPILED, line, t.cell(i, c_date))?;
        let mut by = [false; 4];
        for (k, c) in dummies.iter().enumerate() {
            by[k] = match t.cell(i, *c) {
                "1" => true,
                "0" | "" => false,
                other => return Err(format!("{COMPILED}: line {line}: member dummy \"{other}\" is not 0 or 1")),
            };
        }
        let draft = squash(t.cell(i, c_draft));
        let label = if draft.is_empty() {
            "draft symbol not stated".to_string()
        } else if draft.starts_with("S/PV.") {
            format!("{draft} (meeting record; draft symbol not stated)")
        } else {
            draft
        };
        out.push(Veto {
            date,
            label,
            topic: format!("{} ({})", squash(t.cell(i, c_agenda)), squash(t.cell(i, c_topic))),
            by,
            url: String::new(),
        });
    }
    let compiled_rows = out.len();
    let compiled = (
        out.iter().map(|v| v.date.clone()).min().unwrap_or_default(),
        out.iter().map(|v| v.date.clone()).max().unwrap_or_default(),
    );
    let last_compiled = compiled.1.clone();
    let p = Table::read(raw_dir, PRESS)?;
    let (p_date, p_draft, p_topic, p_by, p_url, p_note) =
        (p.col("date")?, p.col("draft")?, p.col("topic")?, p.col("vetoed_by")?, p.col("source_url")?, p.col("note")?);
    let mut amendments = Vec::new();
    let mut press_dates = Vec::new();
    for i in 0..p.rows.len() {
        let line = p.line(i);
        let date = p.cell(i, p_date).to_string();
        press_dates.push(date.clone());
        if date <= last_compiled {
            return Err(format!("{PRESS}: line {line}: {date} is inside the compiled file's coverage"));
        }
        let topic = squash(p.cell(i, p_topic));
        if topic.contains("AMENDMENT") {
            amendments.push((date, p.cell(i, p_by).replace(';', " and ")));
            continue;
        }
        let mut by = [false; 4];
        for who in p.cell(i, p_by).split(';').map(str::trim) {
            match who {
                "China" => by[0] = true,
                "Russia" => by[1] = true,
                "United States" => by[3] = true,
                "United Kingdom" | "France" => {}
                other => return Err(format!("{PRESS}: line {line}, column vetoed_by: unknown member \"{other}\"")),
            }
        }
        let draft = p.cell(i, p_draft);
        let note = p.cell(i, p_note);
        let label = if !draft.is_empty() {
            draft.to_string()
        } else if let Some(c) = note
            .split_once("before use: ")
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .filter(|c| c.starts_with("S/"))
        {
            format!("{c} (unverified)")
        } else {
            "draft symbol not stated".to_string()
        };
        out.push(Veto {
            date,
            label,
            topic: format!("{topic}. Source page: {}", p.cell(i, p_url)),
            by,
            url: p.cell(i, p_url).to_string(),
        });
    }
    out.sort_by(|a, b| a.date.cmp(&b.date));
    press_dates.sort();
    let press = (press_dates.first().cloned().unwrap_or_default(), press_dates.last().cloned().unwrap_or_default());
    Ok(Read { vetoes: out, amendments, compiled, press, compiled_rows })
}

const PRESS_PUBLISHER: &str = "United Nations Security Council record as reported by UN press pages and news agencies";

pub fn datasets(raw_dir: &Path) -> Result<Vec<Dataset>, String> {
    let Read { vetoes, amendments, compiled, press, compiled_rows } = read(raw_dir)?;
    let last_year: i32 = press.1.get(..4).and_then(|y| y.parse().ok()).ok_or("vetoes: the press file has no dates")?;
    let compiled_last_year: i32 = compiled.1[..4].parse().map_err(|_| "vetoes: bad compiled date".to_string())?;
    let amendment_text: Vec<String> = amendments.iter().map(|(d, by)| format!("{by} {d}")).collect();
    let common_notes = [
        format!("To {}: the compiled list (MIT) of the Dag Hammarskjöld Library veto list; after it: vetoes found in UN press releases, UN News and wire copy (PROVENANCE §9a), {} … {}; nothing later was found.", compiled.1, press.0, press.1),
        format!("Unit = vetoed draft resolutions. {} vetoes of amendments to drafts ({}) are not vetoes of drafts and are left out, as the Library's list counts drafts.", amendments.len(), amendment_text.join("; ")),
        "Caveat: the compiled file's early US and French counts are lower than the commonly cited Library totals (US 71 vs 82, France 7 vs 16 by 2023), because its row unit differs for some early and joint vetoes; its China and Russia rows agree with independent lists, and its post-2000 rows match scprocedure.org exactly.".into(),
        "China = the People's Republic, which holds the seat from 25 October 1971 (the Republic of China's veto of 1955 is not in this list). The USSR and the Russian Federation (from 1992) are separate series.".into(),
    ];
    let mut pages = Pages::new("unsc-vetoes-press", PRESS_PUBLISHER, PRESS);
    let mut series = Vec::new();
    for (k, (id, label)) in MEMBERS.iter().enumerate() {
        let points = vetoes
            .iter()
            .filter(|v| v.by[k])
            .map(|v| Point {
                period: v.date.clone().into(),
                value: 1.0,
                source: if v.url.is_empty() {
                    "unsc-vetoes-compiled".into()
                } else {
                    pages.id(&v.url, &format!("Security Council veto of {} ({})", v.date, v.label), &v.date).into()
                },
                label: Some(v.label.clone()),
                note: Some(v.topic.clone()),
            })
            .collect();
        series.push(Series { id: (*id).into(), label: (*label).into(), unit: None, note: None, points });
    }
    let mut notes = vec![
        "One point per vetoed draft (value 1), dated by the vote; a draft vetoed by two members appears in both series. Labels give the draft symbol; \"(unverified)\" marks a candidate symbol from an unidentified secondary list that the press pages did not confirm; early rows give the meeting record instead.".into(),
    ];
    notes.extend(common_notes.iter().cloned());
    let mut sources = vec![src_compiled(compiled_rows, &compiled.0, &compiled.1)];
    sources.extend(pages.into_sources());
    let mut list = Dataset {
        id: "unsc-vetoes".into(),
        title: String::new(),
        domain: Domain::Diplomatic,
        unit: Unit::Count,
        frequency: Frequency::Records,
        description: "Every draft resolution vetoed by China, Russia (USSR before 1992) or the United States, with its date, symbol and topic.".into(),
        notes,
        sources,
        series,
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    };
    list.title = format!(
        "UN Security Council vetoes by China, Russia, the USSR and the United States, {}",
        span::year_range(&list)
    );

    // Per year, explicit 0 inside each member's coverage.
    let mut counts: BTreeMap<(usize, i32), u32> = BTreeMap::new();
    let mut pages_of_year: BTreeMap<i32, Vec<&str>> = BTreeMap::new();
    for v in &vetoes {
        let year: i32 = v.date[..4].parse().map_err(|_| format!("vetoes: bad date {}", v.date))?;
        for k in (0..4).filter(|k| v.by[*k]) {
            *counts.entry((k, year)).or_default() += 1;
        }
        if v.by[0] && v.by[1] {
            *counts.entry((4, year)).or_default() += 1;
        }
        if !v.url.is_empty() && !pages_of_year.entry(year).or_default().contains(&v.url.as_str()) {
            pages_of_year.entry(year).or_default().push(&v.url);
        }
    }
    let ranges: [(&str, &str, i32, i32); 5] = [
        ("china", "China (PRC)", 1971, last_year),
        ("russia", "Russia", 1992, last_year),
        ("ussr", "USSR", 1946, 1991),
        ("united-states", "United States", 1946, last_year),
        ("china-russia-joint", "Vetoed by both China and Russia", 1992, last_year),
    ];
    let mut per_year = Vec::new();
    for (k, (id, label, from, to)) in ranges.iter().enumerate() {
        let points = (*from..=*to)
            .map(|y| {
                let n = counts.get(&(k, y)).copied().unwrap_or(0);
                let source = if y > compiled_last_year { "unsc-vetoes-press" } else { "unsc-vetoes-compiled" };
                let pages = pages_of_year.get(&y).map(|p| p.join("; "));
                let mut note = Vec::new();
                if y == compiled_last_year {
                    note.push(format!("to {} from the compiled list, after it from press pages", compiled.1));
                }
                if y == last_year {
                    note.push(format!("partial year: vetoes found up to {}", press.1));
                }
                if let Some(p) = pages {
                    note.push(format!("vetoes of the year read from: {p}"));
                }
                Point {
                    period: y.to_string().into(),
                    value: f64::from(n),
                    source: source.into(),
                    label: None,
                    note: (!note.is_empty()).then(|| note.join("; ")),
                }
            })
            .collect();
        per_year.push(Series { id: (*id).into(), label: (*label).into(), unit: None, note: None, points });
    }
    let coverage: Vec<String> = ranges.iter().map(|(_, l, a, b)| format!("{l} {a}–{b}")).collect();
    let mut notes = vec![format!(
        "Number of draft resolutions vetoed by each member per calendar year; a year inside a member's coverage without a veto is 0. Coverage: {}. {last_year} is partial (to {}). Each year after {compiled_last_year} names the pages its vetoes were read from.",
        coverage.join(", "),
        press.1
    )];
    notes.extend(common_notes.iter().cloned());
    let yearly = Dataset {
        id: "unsc-vetoes-per-year".into(),
        title: "UN Security Council vetoes per year: China, Russia/USSR and the United States".into(),
        domain: Domain::Diplomatic,
        unit: Unit::Count,
        frequency: Frequency::Annual,
        description: "How many draft resolutions China, Russia (the USSR before 1992) and the United States vetoed each year, and how many China and Russia vetoed together.".into(),
        notes,
        sources: vec![src_compiled(compiled_rows, &compiled.0, &compiled.1), src_press(&press.0, &press.1)],
        series: per_year,
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    };
    Ok(vec![list, yearly])
}
