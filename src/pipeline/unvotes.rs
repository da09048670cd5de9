//! UNGA roll calls (Voeten data as packaged in R `unvotes`) → `unga-coincidence`; Voeten ideal
//! points → `unga-ideal-points`.
//!
//! Raw: `unvotes_dgrtwo/un_roll_calls.csv` (rcid, date, amend, para …) and
//! `unvotes_dgrtwo/un_votes_selected_countries.csv` (rcid, country, country_code, vote ∈ yes/no/abstain).

use super::raw::{round, Table};
use super::span;
use super::voeten;
use crate::data::{Dataset, Domain, Frequency, Point, Series, Source, Unit};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

pub const ROLL_CALLS: &str = "unvotes_dgrtwo/un_roll_calls.csv";
pub const VOTES: &str = "unvotes_dgrtwo/un_votes_selected_countries.csv";
/// UN Digital Library voting records 2020–2021, one row per recorded vote, four members' votes.
pub const DL_2020_2021: &str = "unga_votes_2020_2021/unga_resolutions_2020_2021_focus4.csv";
const DL_SRC: &str = "undl-2020-2021";
const SRC: &str = "unvotes";
pub const FIRST_YEAR: i32 = 1971;
pub const LAST_YEAR: i32 = 2019;
/// The PRC took the China seat on 25 October 1971.
const PRC_FROM: &str = "1971-10-25";

pub fn source() -> Source {
    Source {
        id: SRC.into(),
        title: "United Nations General Assembly Voting Data (roll-call votes 1946–2019), as packaged in the R package unvotes".into(),
        publisher: "Erik Voeten et al., Harvard Dataverse; packaged by David Robinson (unvotes)".into(),
        url: Some("https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379".into()),
        repository: Some("dgrtwo/unvotes".into()),
        path: Some("data/un_votes.rda, data/un_roll_calls.rda (converted to CSV; vote rows subset to 51 countries)".into()),
        commit: Some("7eb7034314ff79c49c9e0785fcd9d216fa04cf14".into()),
        licence: "CC0 1.0 (Dataverse files dedicated to the public domain); package code MIT, not used".into(),
        coverage: "roll calls 1946-01-01 … 2020-01-14 (sessions 1–74); China (PRC) from 1971-11; USSR and Russia share one series (RU)".into(),
        retrieved: "2026-11".into(),
    }
}

fn source_dl() -> Source {
    Source {
        id: DL_SRC.into(),
        title: "UN General Assembly recorded votes 2020–2021, every member's vote (scrape of UN Digital Library \"Voting Data\" records; rows and columns of China, Russia, the US and India extracted)".into(),
        publisher: "United Nations Digital Library voting records (copied from navyanawal0310/un-votes-intelligence-platform)".into(),
        url: Some("https://digitallibrary.un.org/search?cc=Voting+Data".into()),
        repository: Some("navyanawal0310/un-votes-intelligence-platform".into()),
        path: Some("data/raw/downloads/UN DATA.csv.zip (extract)".into()),
        commit: Some("b1a33e9f13e44a213373dc4baf927cda041488ff".into()),
        licence: "UN Digital Library terms of use (non-commercial, attribution); the repository has no licence text".into(),
        coverage: "188 General Assembly recorded votes, 2020-01-14 … 2021-12-24 (each row links its UN Digital Library record)".into(),
        retrieved: "2026-11".into(),
    }
}

/// China's and Russia's votes on every whole resolution of 2020–2021 in the UN Digital Library
/// records: `(date, China, Russia)` with votes 1 / 0 / −1, only where both voted (Y, A or N).
/// Rows whose symbol is not `A/RES/…` (two records of draft A/76/L.14) are left out.
pub fn dl_votes(raw_dir: &Path) -> Result<Vec<(String, i8, i8)>, String> {
    let t = Table::read(raw_dir, DL_2020_2021)?;
    let (c_date, c_res, c_cn, c_ru) =
        (t.col("date")?, t.col("resolution")?, t.col("CHINA")?, t.col("RUSSIAN FEDERATION")?);
    let code = |v: &str| match v {
        "Y" => Some(1),
        "A" => Some(0),
        "N" => Some(-1),
        _ => None,
    };
    let mut out = Vec::new();
    for i in 0..t.rows.len() {
        for c in [c_cn, c_ru] {
            if !matches!(t.cell(i, c), "Y" | "A" | "N" | "X" | "") {
                return Err(format!(
                    "{DL_2020_2021}: line {}: vote \"{}\" is not Y, A, N, X or empty",
                    t.line(i),
                    t.cell(i, c)
                ));
            }
        }
        if !t.cell(i, c_res).starts_with("A/RES/") {
            continue;
        }
        if let (Some(a), Some(b)) = (code(t.cell(i, c_cn)), code(t.cell(i, c_ru))) {
            out.push((t.cell(i, c_date).to_string(), a, b));
        }
    }
    Ok(out)
}

/// Share of identical votes among `(date, China, Russia)` rows dated `from`–`to` (inclusive).
pub fn identical_share(votes: &[(String, i8, i8)], from: &str, to: &str) -> Option<(f64, usize)> {
    let v: Vec<_> = votes.iter().filter(|(d, ..)| d.as_str() >= from && d.as_str() <= to).collect();
    let same = v.iter().filter(|(_, a, b)| a == b).count();
    (!v.is_empty()).then(|| (same as f64 / v.len() as f64, v.len()))
}

pub fn unga_coincidence(raw_dir: &Path) -> Result<Dataset, String> {
    let rc = Table::read(raw_dir, ROLL_CALLS)?;
    let (c_id, c_date, c_amend, c_para) = (rc.col("rcid")?, rc.col("date")?, rc.col("amend")?, rc.col("para")?);
    // rcid → year, whole-resolution votes only.
    let mut year_of: HashMap<String, i32> = HashMap::new();
    for i in 0..rc.rows.len() {
        let line = rc.line(i);
        let date = rc.cell(i, c_date);
        for (name, c) in [("amend", c_amend), ("para", c_para)] {
            if !matches!(rc.cell(i, c), "" | "0" | "1") {
                return Err(format!(
                    "{ROLL_CALLS}: line {line}, column {name}: \"{}\" is not 0, 1 or empty",
                    rc.cell(i, c)
                ));
            }
        }
        if rc.cell(i, c_amend) == "1" || rc.cell(i, c_para) == "1" || date < PRC_FROM {
            continue;
        }
        let year: i32 = date
            .get(..4)
            .and_then(|y| y.parse().ok())
            .ok_or_else(|| format!("{ROLL_CALLS}: line {line}, column date: \"{date}\" is not a date"))?;
        if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
            year_of.insert(rc.cell(i, c_id).to_string(), year);
        }
    }
    let v = Table::read(raw_dir, VOTES)?;
    let (c_rcid, c_code, c_vote) = (v.col("rcid")?, v.col("country_code")?, v.col("vote")?);
    let (mut cn, mut ru): (HashMap<&str, i8>, HashMap<&str, i8>) = (HashMap::new(), HashMap::new());
    for i in 0..v.rows.len() {
        let code = v.cell(i, c_code);
        if code != "CN" && code != "RU" {
            continue;
        }
        let vote = match v.cell(i, c_vote) {
            "yes" => 1,
            "abstain" => 0,
            "no" => -1,
            other => return Err(format!("{VOTES}: line {}, column vote: unknown vote \"{other}\"", v.line(i))),
        };
        let map = if code == "CN" { &mut cn } else { &mut ru };
        map.insert(v.cell(i, c_rcid), vote);
    }
    // year → (joint votes, identical votes, half-credit score)
    let mut tally: BTreeMap<i32, (u32, u32, f64)> = BTreeMap::new();
    let mut count = |year: i32, c: i8, r: i8| {
        let e = tally.entry(year).or_default();
        e.0 += 1;
        if c == r {
            e.1 += 1;
            e.2 += 1.0;
        } else if c == 0 || r == 0 {
            e.2 += 0.5;
        }
    };
    for (rcid, c) in &cn {
        let (Some(year), Some(r)) = (year_of.get(*rcid), ru.get(rcid)) else { continue };
        count(*year, *c, *r);
    }
    // 2020 onwards: the UN Digital Library records (the Voeten data end with 2019).
    let dl = dl_votes(raw_dir)?;
    for (date, c, r) in &dl {
        let year: i32 = date[..4].parse().map_err(|_| format!("{DL_2020_2021}: bad date {date}"))?;
        if year > LAST_YEAR {
            count(year, *c, *r);
        }
    }
    let s75 = identical_share(&dl, "2020-09-15", "2021-09-13").ok_or("unga-coincidence: no session-75 votes")?;
    let voeten75 = voeten::agreement_points(raw_dir, "CHN", "RUSSAgree")?
        .iter()
        .find(|p| &*p.period == "2020")
        .map(|p| p.value)
        .ok_or("unga-coincidence: no Voeten agreement for session 75")?;
    let mk = |half: bool| -> Vec<Point> {
        tally
            .iter()
            .map(|(y, (n, same, score))| Point {
                period: y.to_string().into(),
                value: round(if half { score / f64::from(*n) } else { f64::from(*same) / f64::from(*n) }, 6),
                source: if *y > LAST_YEAR { DL_SRC.into() } else { SRC.into() },
                label: None,
                note: Some(if *y > LAST_YEAR {
                    format!("{n} whole-resolution recorded votes on which both voted (UN Digital Library records; {DL_2020_2021})")
                } else {
                    format!("{n} roll calls on which both voted")
                }),
            })
            .collect()
    };
    let mut ds = Dataset {
        id: "unga-coincidence".into(),
        title: String::new(),
        domain: Domain::Diplomatic,
        unit: Unit::Share,
        frequency: Frequency::Annual,
        description: "Share of recorded General Assembly votes each calendar year on which China and Russia cast the same vote, computed from the roll-call records: a cross-check of Voeten's published agreement index.".into(),
        notes: vec![
            "Computed here from the vote-level data, not taken from a published index: it cross-checks the agreement scores in unga-agreement (Voeten), which are per session, not per calendar year.".into(),
            "Only roll calls on which both China and Russia voted yes, no or abstain count; absence is not a vote. Exact series: identical votes / joint votes, so an abstention matches only an abstention. Half-credit series: yes/abstain and no/abstain count 0.5, yes/no counts 0.".into(),
            "Whole-resolution votes only: roll calls flagged as amendment (amend = 1) or paragraph (para = 1) votes are left out. From 1985 the source leaves amend/para empty unless the flag is 1, so empty is read as 0.".into(),
            format!("China = the People's Republic (country code CN), from its first vote in November 1971; \"Russia\" (RU) is the USSR until 1991 and the Russian Federation from 1992 (one series in the source). The Voeten vote-level data end in {LAST_YEAR}."),
            format!("{} onwards: UN Digital Library voting records (columns CHINA and RUSSIAN FEDERATION; Y, A, N count, X = not voting does not), adopted resolutions only (symbols A/RES/…). Cross-check: for session 75 (2020-09-15 … 2021-09-13) these records give China–Russia identical votes on {:.1}% of {} votes, against {:.1}% in Voeten's agreement index (chart unga-agreement, 2020).", LAST_YEAR + 1, s75.0 * 100.0, s75.1, voeten75 * 100.0),
            "Not found: vote-level General Assembly data for 2022–2025 (the UN Digital Library's full voting files were too large to obtain), so the series ends in 2021.".into(),
        ],
        sources: vec![source(), source_dl()],
        series: vec![
            Series {
                unit: None,
                id: "china-russia".into(),
                label: "China–Russia: identical votes".into(),
                note: Some(format!("{VOTES} + {ROLL_CALLS}: identical / joint votes per calendar year")),
                points: mk(false).into(),
            },
            Series {
                unit: None,
                id: "china-russia-half".into(),
                label: "China–Russia: abstention vs yes/no counted as half".into(),
                note: Some(format!("{VOTES} + {ROLL_CALLS}: (identical + 0.5 × one abstains) / joint votes")),
                points: mk(true).into(),
            },
        ],
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    };
    ds.title = format!("China–Russia vote coincidence in the UN General Assembly, {}", span::year_range(&ds));
    Ok(ds)
}

pub fn unga_ideal_points(raw_dir: &Path) -> Result<Dataset, String> {
    let mut series = Vec::new();
    for (id, label, iso) in [
        ("china", "China", "CHN"),
        ("russia", "Russia (USSR to 1991)", "RUS"),
        ("united-states", "United States", "USA"),
    ] {
        series.push(Series {
            unit: None,
            id: id.into(),
            label: label.into(),
            note: Some(format!("{}: row iso3c = {iso}, column IdealPointAll", voeten::FILE)),
            points: voeten::agreement_points(raw_dir, iso, "IdealPointAll")?.into(),
        });
    }
    let (first, last) = series
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|p| p.period.parse::<u32>().ok()).collect::<Vec<_>>())
        .fold((u32::MAX, 0), |(lo, hi), y| (lo.min(y), hi.max(y)));
    Ok(Dataset {
        id: "unga-ideal-points".into(),
        title: format!("UN General Assembly ideal points: China, Russia and the United States, {first}–{last}"),
        domain: Domain::Diplomatic,
        unit: Unit::IdealPoint,
        frequency: Frequency::Session,
        description: "Each state's estimated position on the single dimension that best explains General Assembly voting (Bailey, Strezhnev and Voeten), per session; higher values sit closer to the US-led liberal order.".into(),
        notes: vec![
            "Ideal points are model estimates (column IdealPointAll) with uncertainty; the file's quantile columns are not shown. Distances between states matter more than the sign.".into(),
            format!("Session N opened in September of year N + 1945; the year shown is the opening year. Sessions {}–{} ({first}–{last}).", first - 1945, last - 1945),
            "\"Russia\" is the USSR until 1991 and the Russian Federation from 1992 (one series in the source). China is the People's Republic from session 26 (1971).".into(),
            "Cite: Bailey, Strezhnev & Voeten (2017), \"Estimating dynamic state preferences from United Nations voting data\", Journal of Conflict Resolution 61(2):430–456.".into(),
        ],
        sources: vec![voeten::source()],
        series,
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    })
}
