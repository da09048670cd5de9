//! Voeten / Bailey–Strezhnev–Voeten UNGA ideal-point file → agreement per session.
//!
//! Raw: `voeten_unga_idealpoints/IdealpointestimatesAll_Jun2024.csv`, one row per country and
//! session, with columns `USAgree`, `RUSSAgree`, `ChinaAgree`, `IndiaAgree` (share of the session's
//! votes on which the row's country voted like the named one). Session N opened in year N + 1945.

use super::raw::{number, Table};
use crate::data::{Dataset, Domain, Frequency, Point, Series, Source, Unit};
use std::path::Path;

pub const FILE: &str = "voeten_unga_idealpoints/IdealpointestimatesAll_Jun2024.csv";
/// First session with the PRC in the UN seat (1971) and last session in the file (2023).
pub const FIRST_SESSION: u32 = 26;
pub const LAST_SESSION: u32 = 78;

pub fn source() -> Source {
    Source {
        id: "voeten-idealpoints".into(),
        title: "United Nations General Assembly Voting Data: ideal point estimates and agreement scores (June 2024 release)".into(),
        publisher: "Erik Voeten, Anton Strezhnev and Michael Bailey, Harvard Dataverse".into(),
        url: Some("https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379".into()),
        repository: Some("tongyu03/DSE3101-Predictive-Modelling-of-Global-Trade-Flows".into()),
        path: Some("data/IdealpointestimatesAll_Jun2024.csv".into()),
        commit: Some("98ab7b673cf2c6415f6e86ba2e63eee0b51f07ae".into()),
        licence: "CC0 1.0 (public domain dedication)".into(),
        coverage: "UNGA sessions 1–78 (1946–2023); China (PRC) from session 26 (1971); USSR and Russia are one series".into(),
        retrieved: "2026-11".into(),
    }
}

/// One value per session for `(iso3c row, agreement column)`, sessions 26–78, gaps left out.
pub fn agreement_points(raw_dir: &Path, iso3c: &str, column: &str) -> Result<Vec<Point>, String> {
    let t = Table::read(raw_dir, FILE)?;
    let (c_iso, c_session, c_val) = (t.col("iso3c")?, t.col("session")?, t.col(column)?);
    let mut points = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        if r.get(c_iso) != Some(iso3c) {
            continue;
        }
        let line = i + 2;
        let session: u32 = r
            .get(c_session)
            .and_then(|s| s.trim().parse().ok())
            .ok_or_else(|| format!("{FILE}: line {line}: bad session"))?;
        if !(FIRST_SESSION..=LAST_SESSION).contains(&session) {
            continue;
        }
        if let Some(v) = number(FILE, line, column, r.get(c_val).unwrap_or(""))? {
            points.push(Point {
                period: format!("{}", session + 1945).into(),
                value: v,
                source: "voeten-idealpoints".into(),
                label: None,
                note: None,
            });
        }
    }
    points.sort_by(|a, b| a.period.cmp(&b.period));
    Ok(points)
}

pub fn unga_agreement(raw_dir: &Path) -> Result<Dataset, String> {
    let pairs = [
        ("china-russia", "China–Russia", "CHN", "RUSSAgree"),
        ("china-us", "China–US", "CHN", "USAgree"),
        ("russia-us", "Russia–US", "RUS", "USAgree"),
        ("india-russia", "India–Russia", "IND", "RUSSAgree"),
        ("india-china", "India–China", "IND", "ChinaAgree"),
    ];
    let mut series = Vec::new();
    for (id, label, iso, col) in pairs {
        series.push(Series {
            unit: None,
            id: id.into(),
            label: label.into(),
            note: Some(format!("{FILE}: row iso3c = {iso}, column {col}")),
            points: agreement_points(raw_dir, iso, col)?.into(),
        });
    }
    let years = super::span::years(
        series.iter().flat_map(|s| s.points.iter().filter_map(|p| p.period.parse::<i32>().ok()).collect::<Vec<_>>()),
    );
    Ok(Dataset {
        id: "unga-agreement".into(),
        title: "How often China and Russia vote alike in the UN General Assembly".into(),
        domain: Domain::Diplomatic,
        unit: Unit::Share,
        frequency: Frequency::Session,
        description: format!("Share of recorded General Assembly votes in each session on which two states voted the same way, {years}, with the United States and India for contrast."),
        notes: vec![
            "Agreement index as published by Voeten et al. in the ideal-point file (columns RUSSAgree, USAgree, ChinaAgree); the file does not restate how abstentions are scored, see the dataset's codebook.".into(),
            "A session opens in September and its votes can fall in the following year; the year shown is the year the session opened (session = year − 1945).".into(),
            "\"Russia\" is the USSR until 1991 and the Russian Federation from 1992 (one series in the source). China is the People's Republic from session 26 (1971).".into(),
            "Only recorded votes count: most resolutions pass by consensus without a vote.".into(),
        ],
        sources: vec![source()],
        series,
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    })
}
