//! UNGA votes on Ukraine → `unga-ukraine-votes`, `unga-ukraine-tallies`, `unga-ukraine-members`.
//!
//! Raw (PROVENANCE §1c, §9c): `unga_ukraine_votes/ukraine_related_unga_resolutions.csv` (one row per
//! resolution: tallies and the votes of China, Russia, the US and India; blank = not stated),
//! `unga_ukraine_votes/ukraine_votes_completion_press.csv` (one row per resolution × country, or
//! `TOTAL` with `Y-N-A-X`), `unga_ukraine_votes/votes_by_country_68-262_ES-11-1.csv` (every member).

use super::pages::Pages;
use super::raw::{squash, Table};
use crate::data::{Dataset, Domain, Frequency, Point, Series, Source, Unit};
use std::path::Path;

pub const RESOLUTIONS: &str = "unga_ukraine_votes/ukraine_related_unga_resolutions.csv";
pub const COMPLETION: &str = "unga_ukraine_votes/ukraine_votes_completion_press.csv";
pub const MEMBERS: &str = "unga_ukraine_votes/votes_by_country_68-262_ES-11-1.csv";

fn hand_made(id: &str, title: &str, path: &str, coverage: &str) -> Source {
    Source {
        id: id.into(),
        title: title.into(),
        publisher: "United Nations General Assembly voting record as reported by UN pages, Wikipedia and wire services (each row cites its page)".into(),
        url: None,
        repository: None,
        path: Some(path.into()),
        commit: None,
        licence: "Public voting record; each row of the raw file names the page it was read from".into(),
        coverage: coverage.into(),
        retrieved: "2026-11".into(),
    }
}

fn src_table() -> Source {
    hand_made(
        "unga-ukraine-table",
        "Ukraine-related UNGA resolutions: tallies and the votes of China, Russia, the United States and India (hand-made table)",
        RESOLUTIONS,
        "A/RES/68/262 (2014) and A/RES/ES-11/1 … ES-11/8 (2022–2025)",
    )
}

fn src_members() -> Source {
    Source {
        id: "ukraine-viz".into(),
        title: "Per-country votes on A/RES/68/262 (2014) and A/RES/ES-11/1 (2022), transcribed from the ukraine-viz project".into(),
        publisher: "United Nations General Assembly voting record, as listed in HarukiKinoshita/ukraine-viz".into(),
        url: Some("https://github.com/HarukiKinoshita/ukraine-viz/blob/c2270e0dba5809b98b7c86949e438c058fe6c6ce/src/voting.js".into()),
        repository: Some("HarukiKinoshita/ukraine-viz".into()),
        path: Some("src/voting.js".into()),
        commit: Some("11e58585a113fe56e9cc81337a1be8fd38bb905e".into()),
        licence: "No licence file in the repository; the content is the public UN voting record".into(),
        coverage: "every UN member's vote on A/RES/68/262 (27 Mar 2014) and A/RES/ES-11/1 (2 Mar 2022)".into(),
        retrieved: "2026-11".into(),
    }
}

fn code(v: &str) -> Option<f64> {
    match v {
        "Y" => Some(1.0),
        "A" => Some(0.0),
        "N" => Some(-1.0),
        "X" => Some(2.0),
        _ => None,
    }
}

/// One resolution with its known facts.
struct Resolution {
    symbol: String,
    label: String,
    date: String,
    title: String,
    /// `(yes, no, abstain, absent)` with the source id and page of each.
    tally: [Option<(f64, &'static str, String)>; 4],
    /// China, Russia, US, India: raw code from the table, and from the press file (with note, URL).
    table_votes: [String; 4],
    press_votes: [Option<(String, String, String)>; 4],
    table_url: String,
}

/// Resolutions whose absent count in the hand-made table is arithmetic (193 minus the other three
/// counts), as PROVENANCE §9c records; it is left out rather than shown as a stated figure.
const SUBTRACTED_ABSENT: [&str; 2] = ["A/RES/ES-11/4", "A/RES/ES-11/7"];
/// UN members since South Sudan joined in 2011 (every vote here is from 2014 on).
const UN_MEMBERS: f64 = 193.0;
const PUBLISHER: &str = "United Nations General Assembly voting record as reported by UN pages, Wikipedia and wire services (each row cites its page)";

/// Title of a page's source entry: what was read from it.
fn page_title(r: &Resolution) -> String {
    format!("{} ({}): {} — vote as reported on this page", r.label, r.date, r.title)
}

const COUNTRIES: [(&str, &str, &str); 4] = [
    ("china", "China", "vote_CHN"),
    ("russia", "Russia", "vote_RUS"),
    ("united-states", "United States", "vote_USA"),
    ("india", "India", "vote_IND"),
];

fn read_all(raw_dir: &Path) -> Result<Vec<Resolution>, String> {
    let t = Table::read(raw_dir, RESOLUTIONS)?;
    let (c_res, c_date, c_title, c_url) =
        (t.col("resolution")?, t.col("date")?, t.col("title_short")?, t.col("source_url")?);
    let c_tally = [t.col("yes")?, t.col("no")?, t.col("abstain")?, t.col("absent")?];
    let c_votes = [t.col(COUNTRIES[0].2)?, t.col(COUNTRIES[1].2)?, t.col(COUNTRIES[2].2)?, t.col(COUNTRIES[3].2)?];
    let mut out = Vec::new();
    for i in 0..t.rows.len() {
        let mut tally: [Option<(f64, &'static str, String)>; 4] = [None, None, None, None];
        for (k, c) in c_tally.iter().enumerate() {
            let name = ["yes", "no", "abstain", "absent"][k];
            tally[k] = t.number(i, *c, name)?.map(|v| (v, "unga-ukraine-table", t.cell(i, c_url).to_string()));
        }
        out.push(Resolution {
            symbol: t.cell(i, c_res).to_string(),
            label: t.cell(i, c_res).to_string(),
            date: t.cell(i, c_date).to_string(),
            title: t.cell(i, c_title).to_string(),
            tally,
            table_votes: c_votes.map(|c| t.cell(i, c).to_string()),
            press_votes: [None, None, None, None],
            table_url: t.cell(i, c_url).to_string(),
        });
    }
    let p = Table::read(raw_dir, COMPLETION)?;
    let (p_res, p_date, p_country, p_vote, p_url, p_note) =
        (p.col("resolution")?, p.col("date")?, p.col("country")?, p.col("vote")?, p.col("source_url")?, p.col("note")?);
    for i in 0..p.rows.len() {
        let line = p.line(i);
        let res = p.cell(i, p_res);
        if res.to_lowercase().contains("amendment") {
            continue; // amendment votes are not resolutions
        }
        let idx = match out.iter().position(|r| r.symbol == res) {
            Some(k) => k,
            None => {
                // A resolution the table lacks (the 2025-12-03 children resolution has no symbol in the sources).
                let title = res.split('\'').nth(1).unwrap_or(res).to_string();
                let date = p.cell(i, p_date).to_string();
                out.push(Resolution {
                    symbol: res.to_string(),
                    label: if res.starts_with("A/RES/") {
                        res.to_string()
                    } else {
                        format!("ES-11 resolution of {date} (symbol not stated in the sources)")
                    },
                    date,
                    title,
                    tally: [None, None, None, None],
                    table_votes: Default::default(),
                    press_votes: [None, None, None, None],
                    table_url: String::new(),
                });
                out.len() - 1
            }
        };
        let r = &mut out[idx];
        let vote = p.cell(i, p_vote);
        let note = squash(p.cell(i, p_note));
        let url = p.cell(i, p_url).to_string();
        if p.cell(i, p_country) == "TOTAL" {
            let parts: Vec<&str> = vote.split('-').collect();
            if parts.len() != 4 {
                return Err(format!("{COMPLETION}: line {line}, column vote: \"{vote}\" is not Y-N-A-X"));
            }
            for (k, part) in parts.iter().enumerate() {
                let Some(v) = super::raw::number(COMPLETION, line, "vote", part)? else { continue };
                match &r.tally[k] {
                    Some((have, _, _)) if *have != v => {
                        return Err(format!(
                            "{COMPLETION}: line {line}: tally {v} disagrees with {RESOLUTIONS} ({have}) for {res}"
                        ))
                    }
                    Some(_) => {}
                    None => r.tally[k] = Some((v, "unga-ukraine-press", url.clone())),
                }
            }
            continue;
        }
        let Some(k) = COUNTRIES.iter().position(|c| c.1 == p.cell(i, p_country)) else {
            return Err(format!("{COMPLETION}: line {line}, column country: unknown \"{}\"", p.cell(i, p_country)));
        };
        if code(vote).is_none() {
            return Err(format!("{COMPLETION}: line {line}, column vote: \"{vote}\" is not Y, N, A or X"));
        }
        r.press_votes[k] = Some((vote.to_string(), note, url));
    }
    out.sort_by(|a, b| a.date.cmp(&b.date));
    Ok(out)
}

pub fn datasets(raw_dir: &Path) -> Result<Vec<Dataset>, String> {
    let mut res = read_all(raw_dir)?;
    // Country votes: the table's definite code, else the press file's; "A?" or blank = not known.
    let mut series = Vec::new();
    let mut blanks = Vec::new();
    let mut conflicts = Vec::new();
    let mut vote_pages = Pages::new("unga-ukraine-votes", PUBLISHER, RESOLUTIONS);
    for (k, (id, name, _)) in COUNTRIES.iter().enumerate() {
        let mut points = Vec::new();
        for r in &res {
            let table = code(&r.table_votes[k]).map(|v| (v, r.table_votes[k].clone()));
            let press = r.press_votes[k].as_ref().and_then(|(c, n, u)| code(c).map(|v| (v, c.clone(), n, u)));
            let chosen = match (&table, &press) {
                (Some((a, _)), Some((b, ..))) if a != b => {
                    conflicts.push(format!("{} {name}", r.label));
                    None
                }
                (Some((v, c)), press) => {
                    let also = press.as_ref().map_or(String::new(), |(.., u)| format!("; confirmed by {u}"));
                    Some((*v, r.table_url.clone(), format!("{c} per {}{also}", r.table_url)))
                }
                (None, Some((v, c, n, u))) => Some((*v, (*u).clone(), format!("{c} per {u}. {n}"))),
                (None, None) => None,
            };
            match chosen {
                Some((value, url, why)) => points.push(Point {
                    period: r.date.clone().into(),
                    value,
                    source: vote_pages.id(&url, &page_title(r), &r.label).into(),
                    label: Some(r.label.clone()),
                    note: Some(format!("{}. {why}", r.title)),
                }),
                None => {
                    let raw = r.table_votes[k].as_str();
                    let why = if raw == "A?" {
                        "sources conflict (recorded as \"A?\")"
                    } else {
                        "not stated in the sources consulted"
                    };
                    blanks.push(format!("{} {name}: {why}", r.label));
                }
            }
        }
        series.push(Series {
            unit: None,
            id: (*id).into(),
            label: (*name).into(),
            note: Some(format!("{RESOLUTIONS} column {}, completed from {COMPLETION}", COUNTRIES[k].2)),
            points: points.into(),
        });
    }
    let mut notes = vec![
        "Vote codes: 1 = yes, 0 = abstain, −1 = no, 2 = absent / did not vote. One point per resolution whose vote by that country is stated in a source.".into(),
        "Where the hand-made resolutions table leaves a vote blank (or marks it uncertain), the press completion file (UN press, UN News, wire copy) fills it; both are hand-made from archived pages and cite them in each point's note. A/RES/ES-11/8: the United States' vote is given as abstention (Reuters, UN News, CCTV, VOA, PTI) against a single source saying it did not vote.".into(),
        "The US vote on A/RES/ES-11/3 rests on a forum post only (weak); it is consistent with the resolution being US-initiated. The 3 Dec 2025 resolution (return of Ukrainian children) has no symbol in the sources. The Russian amendment of 24 Feb 2025 is an amendment vote and is left out.".into(),
    ];
    if blanks.is_empty() {
        notes.push("No blanks.".into());
    } else {
        notes.push(format!(
            "Blanks (no point): {}. For A/RES/ES-11/2 and ES-11/4 the sources call the United States a sponsor/supporter but do not itemise its vote.",
            blanks.join("; ")
        ));
    }
    if !conflicts.is_empty() {
        notes.push(format!("Conflicting sources, left blank: {}.", conflicts.join("; ")));
    }
    let mut votes = Dataset {
        id: "unga-ukraine-votes".into(),
        title: String::new(),
        domain: Domain::Diplomatic,
        unit: Unit::Vote,
        frequency: Frequency::Records,
        description: "The votes of China, Russia, the United States and India on General Assembly resolutions about Ukraine, from the 2014 Crimea resolution to 2025.".into(),
        notes,
        sources: vote_pages.into_sources(),
        series,
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    };

    // Tallies. Absent counts the table holds only as 193 − yes − no − abstain are not facts.
    let mut subtracted = Vec::new();
    for r in res.iter_mut().filter(|r| SUBTRACTED_ABSENT.contains(&r.symbol.as_str())) {
        let known: Option<f64> = r.tally[..3].iter().map(|t| t.as_ref().map(|(v, ..)| *v)).sum();
        if let (Some((absent, ..)), Some(known)) = (&r.tally[3], known) {
            if *absent == UN_MEMBERS - known {
                subtracted.push(format!("{} ({absent} = {UN_MEMBERS} − {known})", r.label));
                r.tally[3] = None;
            }
        }
    }
    let mut tally_pages = Pages::new("unga-ukraine-tallies", PUBLISHER, RESOLUTIONS);
    let mut tally_series = Vec::new();
    let mut missing = Vec::new();
    for (k, (id, label)) in
        [("yes", "In favour"), ("no", "Against"), ("abstain", "Abstained"), ("absent", "Absent / did not vote")]
            .iter()
            .enumerate()
    {
        let mut points = Vec::new();
        for r in &res {
            match &r.tally[k] {
                Some((v, _, url)) => points.push(Point {
                    period: r.date.clone().into(),
                    value: *v,
                    source: tally_pages.id(url, &page_title(r), &r.label).into(),
                    label: Some(r.label.clone()),
                    note: Some(format!("{}. Source page: {url}", r.title)),
                }),
                None => missing.push(format!("{} {id}", r.label)),
            }
        }
        tally_series.push(Series {
            id: (*id).into(),
            label: (*label).into(),
            unit: None,
            note: None,
            points: points.into(),
        });
    }
    let mut tallies = Dataset {
        id: "unga-ukraine-tallies".into(),
        title: String::new(),
        domain: Domain::Diplomatic,
        unit: Unit::Count,
        frequency: Frequency::Records,
        description: "Official tallies of the General Assembly resolutions on Ukraine, from the 2014 Crimea resolution (A/RES/68/262) through the eleventh emergency special session.".into(),
        notes: vec![
            "Tallies as reported (UN pages, Wikipedia, wire copy); the two 2014/2022 tallies are also counted from the per-country lists (100/11/58/24 and 141/5/35/12).".into(),
            format!("\"Absent\" is shown only where a source numbers the states not voting (or, for 68/262 and ES-11/1, where the per-country lists count them). Left out because the hand-made table's figure is 193 minus the other three counts, not a number any page states (PROVENANCE §9c): {}.", subtracted.join("; ")),
            format!("Not stated in the sources (no point): {}.", if missing.is_empty() { "none".to_string() } else { missing.join("; ") }),
            "A/RES/ES-11/8: one outlet gives 92 in favour; 93 (Reuters, CCTV and others) is used.".into(),
        ],
        sources: tally_pages.into_sources(),
        series: tally_series,
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    };

    // Every member's vote on 68/262 and ES-11/1.
    let m = Table::read(raw_dir, MEMBERS)?;
    let (m_res, m_name, m_vote) = (m.col("resolution")?, m.col("country_name_as_in_source")?, m.col("vote")?);
    let mut member_series = Vec::new();
    for symbol in ["A/RES/68/262", "A/RES/ES-11/1"] {
        let date = res
            .iter()
            .find(|r| r.symbol == symbol)
            .map(|r| r.date.clone())
            .ok_or_else(|| format!("{RESOLUTIONS}: no row for {symbol}"))?;
        let mut points = Vec::new();
        for i in 0..m.rows.len() {
            if m.cell(i, m_res) != symbol {
                continue;
            }
            let v = m.cell(i, m_vote);
            let value = code(v)
                .ok_or_else(|| format!("{MEMBERS}: line {}, column vote: \"{v}\" is not Y, N, A or X", m.line(i)))?;
            points.push(Point {
                period: date.clone().into(),
                value,
                source: "ukraine-viz".into(),
                label: Some(m.cell(i, m_name).to_string()),
                note: None,
            });
        }
        member_series.push(Series {
            unit: None,
            id: format!("a-res-{}", symbol.trim_start_matches("A/RES/").replace('/', "-").to_lowercase()),
            label: symbol.into(),
            note: Some(format!("{MEMBERS}: rows resolution = {symbol}")),
            points: points.into(),
        });
    }
    let members = Dataset {
        id: "unga-ukraine-members".into(),
        title: "Every UN member's vote on Ukraine's territorial integrity (2014) and Russia's aggression (2022)".into(),
        domain: Domain::Diplomatic,
        unit: Unit::Vote,
        frequency: Frequency::Records,
        description: "How each of the 193 member states voted on A/RES/68/262 (Crimea, 27 March 2014) and A/RES/ES-11/1 (aggression against Ukraine, 2 March 2022).".into(),
        notes: vec![
            "Vote codes: 1 = yes, 0 = abstain, −1 = no, 2 = absent / did not vote (X in the source). Country names as written in the source (short forms, e.g. \"Dem. Rep. Congo\").".into(),
            "Counts reproduce the official tallies: 68/262 = 100 yes / 11 no / 58 abstain / 24 absent; ES-11/1 = 141 / 5 / 35 / 12.".into(),
            "Transcribed mechanically from the ukraine-viz project's country lists; check names against the UN Digital Library voting record before joining to ISO codes.".into(),
        ],
        sources: vec![src_members(), src_table()],
        series: member_series,
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    };
    votes.title = format!(
        "How China, Russia, the US and India voted on Ukraine in the UN General Assembly, {}",
        super::span::year_range(&votes)
    );
    tallies.title = format!(
        "UN General Assembly votes on Ukraine: yes, no, abstain, absent, {}",
        super::span::year_range(&tallies)
    );
    Ok(vec![votes, tallies, members])
}
