//! UN Security Council vetoes → `unsc-vetoes` (one point per vetoed draft) and `unsc-vetoes-per-year`.
//!
//! Raw: `unsc_vetoes/unsc_vetoes_1946_sept2022.csv` (compiled from the Dag Hammarskjöld Library list,
//! MIT; last row 2022-07-08) and `unsc_vetoes/unsc_vetoes_after_july2022_press.csv` (hand-made from
//! UN press pages and wire copy, PROVENANCE §9a). Amendment vetoes are dropped (unit = vetoed drafts).

use super::raw::{squash, Table};
use crate::data::{Dataset, Domain, Frequency, Point, Series, Source, Unit};
use std::collections::BTreeMap;
use std::path::Path;

pub const COMPILED: &str = "unsc_vetoes/unsc_vetoes_1946_sept2022.csv";
pub const PRESS: &str = "unsc_vetoes/unsc_vetoes_after_july2022_press.csv";
const LAST_COMPILED: &str = "2022-07-08";
/// Last veto found in the press file; the last year is partial.
const LAST_YEAR: i32 = 2025;

fn src_compiled() -> Source {
    Source {
        id: "unsc-vetoes-compiled".into(),
        title: "List of UN Security Council vetoes 1946–2022 (compiled by Carlos L. Yordan from the Dag Hammarskjöld Library veto list)".into(),
        publisher: "World Politics Datalab; underlying list: UN Dag Hammarskjöld Library".into(),
        url: Some("https://research.un.org/en/docs/sc/quick/veto".into()),
        repository: Some("world-politics-datalab/vetoes-un-security-council".into()),
        path: Some("unsc_vetoes_1946_sept2022.csv".into()),
        commit: Some("661c5246872143cf16e500e4e7f2f70a45df5ac8".into()),
        licence: "MIT".into(),
        coverage: "214 vetoed drafts, 1946-02-16 … 2022-07-08".into(),
        retrieved: "2026-11".into(),
    }
}

fn src_press() -> Source {
    Source {
        id: "unsc-vetoes-press".into(),
        title: "UN Security Council vetoes after July 2022 (hand-made from UN press releases, UN News and wire copy; each row cites its page)".into(),
        publisher: "United Nations Security Council record as reported by UN press pages and news agencies".into(),
        url: Some("https://research.un.org/en/docs/sc/quick/veto".into()),
        repository: None,
        path: Some(PRESS.into()),
        commit: None,
        licence: "Public UN record; each row of the raw file names the page it was read from".into(),
        coverage: "2022-09-30 … 2025-09-18 (nothing later found)".into(),
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
    source: &'static str,
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

fn read(raw_dir: &Path) -> Result<(Vec<Veto>, usize), String> {
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
            source: "unsc-vetoes-compiled",
        });
    }
    let p = Table::read(raw_dir, PRESS)?;
    let (p_date, p_draft, p_topic, p_by, p_url, p_note) =
        (p.col("date")?, p.col("draft")?, p.col("topic")?, p.col("vetoed_by")?, p.col("source_url")?, p.col("note")?);
    let mut amendments = 0;
    for i in 0..p.rows.len() {
        let line = p.line(i);
        let date = p.cell(i, p_date).to_string();
        if date.as_str() <= LAST_COMPILED {
            return Err(format!("{PRESS}: line {line}: {date} is inside the compiled file's coverage"));
        }
        let topic = squash(p.cell(i, p_topic));
        if topic.contains("AMENDMENT") {
            amendments += 1;
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
            source: "unsc-vetoes-press",
        });
    }
    out.sort_by(|a, b| a.date.cmp(&b.date));
    Ok((out, amendments))
}

pub fn datasets(raw_dir: &Path) -> Result<Vec<Dataset>, String> {
    let (vetoes, amendments) = read(raw_dir)?;
    let common_notes = [
        format!("To {LAST_COMPILED}: the compiled list (MIT) of the Dag Hammarskjöld Library veto list; after it: vetoes found in UN press releases, UN News and wire copy (PROVENANCE §9a), nothing after 2025-09-18."),
        format!("Unit = vetoed draft resolutions. {amendments} vetoes on amendments after 2022 (US 2023-12-22; Russia twice on 2025-02-24) are left out, as the Library's list counts drafts."),
        "Caveat: the compiled file's early US and French counts are lower than the commonly cited Library totals (US 71 vs 82, France 7 vs 16 by 2023), because its row unit differs for some early and joint vetoes; its China and Russia rows agree with independent lists, and its post-2000 rows match scprocedure.org exactly.".into(),
        "China = the People's Republic, which holds the seat from 25 October 1971 (the Republic of China's veto of 1955 is not in this list). The USSR and the Russian Federation (from 1992) are separate series.".into(),
    ];
    let mut series = Vec::new();
    for (k, (id, label)) in MEMBERS.iter().enumerate() {
        let points = vetoes
            .iter()
            .filter(|v| v.by[k])
            .map(|v| Point {
                period: v.date.clone().into(),
                value: 1.0,
                source: v.source.into(),
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
    let list = Dataset {
        id: "unsc-vetoes".into(),
        title: "UN Security Council vetoes by China, Russia, the USSR and the United States, 1946–2025".into(),
        domain: Domain::Diplomatic,
        unit: Unit::Count,
        frequency: Frequency::Records,
        description: "Every draft resolution vetoed by China, Russia (USSR before 1992) or the United States, with its date, symbol and topic.".into(),
        notes,
        sources: vec![src_compiled(), src_press()],
        series,
        events: vec![],
    };

    // Per year, explicit 0 inside each member's coverage.
    let mut counts: BTreeMap<(usize, i32), u32> = BTreeMap::new();
    for v in &vetoes {
        let year: i32 = v.date[..4].parse().map_err(|_| format!("vetoes: bad date {}", v.date))?;
        for k in (0..4).filter(|k| v.by[*k]) {
            *counts.entry((k, year)).or_default() += 1;
        }
        if v.by[0] && v.by[1] {
            *counts.entry((4, year)).or_default() += 1;
        }
    }
    let ranges: [(&str, &str, i32, i32); 5] = [
        ("china", "China (PRC)", 1971, LAST_YEAR),
        ("russia", "Russia", 1992, LAST_YEAR),
        ("ussr", "USSR", 1946, 1991),
        ("united-states", "United States", 1946, LAST_YEAR),
        ("china-russia-joint", "Vetoed by both China and Russia", 1992, LAST_YEAR),
    ];
    let mut per_year = Vec::new();
    for (k, (id, label, from, to)) in ranges.iter().enumerate() {
        let points = (*from..=*to)
            .map(|y| {
                let n = counts.get(&(k, y)).copied().unwrap_or(0);
                let source = if y > 2022 { "unsc-vetoes-press" } else { "unsc-vetoes-compiled" };
                Point {
                    period: y.to_string().into(),
                    value: f64::from(n),
                    source: source.into(),
                    label: None,
                    note: match y {
                        2022 => Some("to 2022-07-08 from the compiled list, after it from press pages".into()),
                        LAST_YEAR => Some("partial year: vetoes found up to 2025-09-18".into()),
                        _ => None,
                    },
                }
            })
            .collect();
        per_year.push(Series { id: (*id).into(), label: (*label).into(), unit: None, note: None, points });
    }
    let mut notes = vec![
        "Number of draft resolutions vetoed by each member per calendar year; a year inside a member's coverage without a veto is 0. Coverage: USSR 1946–1991, Russia 1992–2025, China (PRC) 1971–2025, United States 1946–2025; joint China–Russia vetoes 1992–2025. 2025 is partial (to 18 September).".into(),
    ];
    notes.extend(common_notes.iter().cloned());
    let yearly = Dataset {
        id: "unsc-vetoes-per-year".into(),
        title: "UN Security Council vetoes per year: China, Russia/USSR and the United States".into(),
        domain: Domain::Diplomatic,
        unit: Unit::Count,
        frequency: Frequency::Annual,
        description: "How many draft resolutions China, Russia (the USSR before 1992) and the United States vetoed each year, and how many China and Russia vetoed together.".into(),
        notes,
        sources: vec![src_compiled(), src_press()],
        series: per_year,
        events: vec![],
    };
    Ok(vec![list, yearly])
}
