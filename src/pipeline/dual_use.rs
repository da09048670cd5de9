//! Figures on China's supply of dual-use goods to Russia quoted in stored pages → `dual-use-figures`,
//! a chart of reported figures: each figure one mark with its period, page and qualifier, never
//! joined into a line or summed across sources (no public series exists to draw instead).
//!
//! Raw: `dual_use_press/china_russia_dual_use_figures_press.csv` (`id, metric, period,
//! value_as_printed, unit, flow_scope, source_org, pub_date, source_url, quote, note`). A row gives
//! marks when its printed value is one figure (`>300`, `approximately 90`, `-28`) or a list of
//! period figures (`2021: 200; 2022: >500`) in one unit dragonbear has; every other row is named in
//! the notes, as printed, with its page.

use super::raw::{squash, Table};
use crate::data::{Dataset, Domain, Frequency, Point, Series, Source, Unit};
use std::path::Path;

pub const FILE: &str = "dual_use_press/china_russia_dual_use_figures_press.csv";
const SRC: &str = "dual-use-press";

/// What a printed figure claims: the value, a lower bound, an upper bound, or a rounded value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    /// "over", "more than", ">": the true value is above.
    Over,
    /// "at least": the true value is this or above.
    AtLeast,
    /// "under", "<": the true value is below.
    Under,
    /// "about", "approximately", "~", "nearly".
    About,
}

impl Qualifier {
    /// The word a label starts with (none for an exact figure). The chart reads it back.
    pub fn word(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::Over => "over ",
            Qualifier::AtLeast => "at least ",
            Qualifier::Under => "under ",
            Qualifier::About => "about ",
        }
    }
}

/// A printed figure: its qualifier, value and digits as printed.
pub type Figure = (Qualifier, f64, String);

/// `">1,300"` → `(Over, 1300.0, "1,300")`; `None` unless the whole text is one figure.
pub fn parse_figure(s: &str) -> Option<Figure> {
    let s = s.trim();
    let prefixes: [(&str, Qualifier); 9] = [
        (">", Qualifier::Over),
        ("over ", Qualifier::Over),
        ("more than ", Qualifier::Over),
        ("at least ", Qualifier::AtLeast),
        ("<", Qualifier::Under),
        ("under ", Qualifier::Under),
        ("approximately ", Qualifier::About),
        ("about ", Qualifier::About),
        ("~", Qualifier::About),
    ];
    let (q, rest) =
        prefixes.iter().find_map(|(p, q)| s.strip_prefix(p).map(|r| (*q, r.trim()))).unwrap_or((Qualifier::Exact, s));
    let ok = !rest.is_empty()
        && rest.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && rest.trim_start_matches('-').starts_with(|c: char| c.is_ascii_digit());
    let v: f64 = rest.replace(',', "").parse().ok().filter(|v: &f64| v.is_finite())?;
    ok.then(|| (q, v, rest.to_string()))
}

/// The dataset unit of a printed unit and metric, with the series label; `None` for units
/// dragonbear does not have (tonnes) or several units in one cell.
fn unit_of(unit: &str, metric: &str) -> Option<(Unit, String)> {
    let m = metric.to_lowercase();
    match unit.trim() {
        "percent" if m.starts_with("change") => Some((Unit::ChangePercent, "Change, %".into())),
        "percent" if m.contains("share") => Some((Unit::Percent, "Share, %".into())),
        "USD million per month" => Some((Unit::UsdM, "US$ million per month".into())),
        "USD million (month)" => Some((Unit::UsdM, "US$ million in one month".into())),
        "USD million" => Some((Unit::UsdM, "US$ million in a year".into())),
        "USD billion" => Some((Unit::UsdBn, "US$ billion".into())),
        _ => None,
    }
}

fn source(rows: usize, published: &str) -> Source {
    Source {
        id: SRC.into(),
        title: "Figures on China's dual-use exports to Russia quoted in stored web pages (hand-made table: each row its page, the sentence read and the figure as printed)".into(),
        publisher: "Carnegie Politika, Reuters, US government officials, think tanks and news outlets, as quoted (each figure names its page)".into(),
        url: None,
        repository: None,
        path: Some(FILE.into()),
        commit: None,
        licence: "Facts quoted from the named pages; each page is © its publisher".into(),
        coverage: format!("{rows} rows, pages published {published}; each row names its page and quotes it"),
        retrieved: "2026-11".into(),
    }
}

/// `2024-05 (URL path …)` → `2024-05`: the leading date of a publication-date cell.
fn leading_date(s: &str) -> Option<String> {
    let d: String = s.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
    let d = d.trim_end_matches('-').to_string();
    matches!(d.len(), 4 | 7 | 10).then_some(d)
}

pub fn dual_use_figures(raw_dir: &Path) -> Result<Dataset, String> {
    let t = Table::read(raw_dir, FILE)?;
    let c = |n: &str| t.col(n);
    let (c_id, c_metric, c_period, c_value, c_unit) =
        (c("id")?, c("metric")?, c("period")?, c("value_as_printed")?, c("unit")?);
    let (c_scope, c_org, c_pub, c_url, c_quote) =
        (c("flow_scope")?, c("source_org")?, c("pub_date")?, c("source_url")?, c("quote")?);
    let mut series: Vec<(Unit, String, Vec<Point>)> = Vec::new();
    let mut not_drawn = Vec::new();
    for i in 0..t.rows.len() {
        let id = t.cell(i, c_id);
        let metric = squash(t.cell(i, c_metric));
        let value = squash(t.cell(i, c_value));
        let url = t.cell(i, c_url);
        let printed =
            format!("{id} {metric} ({}): \"{value}\" {} — {url}", squash(t.cell(i, c_period)), t.cell(i, c_unit));
        if t.cell(i, c_scope).contains("NOT dual-use") {
            not_drawn.push(format!("{printed} [all goods, not dual-use]"));
            continue;
        }
        let Some((unit, unit_label)) = unit_of(t.cell(i, c_unit), &metric) else {
            not_drawn.push(format!("{printed} [unit not drawn]"));
            continue;
        };
        let Some(published) = leading_date(t.cell(i, c_pub)) else {
            not_drawn.push(format!("{printed} [no publication date]"));
            continue;
        };
        // One figure, or "period: figure; period: figure".
        let pieces: Option<Vec<(String, Figure)>> = match parse_figure(&value) {
            Some(f) => Some(vec![(squash(t.cell(i, c_period)), f)]),
            None => value
                .split(';')
                .map(|piece| {
                    let (per, fig) = piece.split_once(':')?;
                    let per = per.trim();
                    (per.len() == 4 && per.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| parse_figure(fig).map(|f| (per.to_string(), f)))
                        .flatten()
                })
                .collect(),
        };
        let Some(pieces) = pieces else {
            not_drawn.push(format!("{printed} [several figures of different kinds in one passage]"));
            continue;
        };
        let k = match series.iter().position(|s| s.1 == unit_label) {
            Some(k) => k,
            None => {
                series.push((unit, unit_label, Vec::new()));
                series.len() - 1
            }
        };
        for (period, (q, v, text)) in pieces {
            series[k].2.push(Point {
                period: published.clone().into(),
                value: v,
                source: SRC.into(),
                label: Some(format!("{}{text}", q.word())),
                note: Some(format!(
                    "{metric}, {period}; {id}: \"{value}\" ({}), reported by {} ({}); page: {url}; quote: {}",
                    t.cell(i, c_unit),
                    squash(t.cell(i, c_org)),
                    squash(t.cell(i, c_pub)),
                    squash(t.cell(i, c_quote))
                )),
            });
        }
    }
    let n: usize = series.iter().map(|s| s.2.len()).sum();
    let years: Vec<i32> =
        (0..t.rows.len()).filter_map(|i| leading_date(t.cell(i, c_pub))?.get(..4)?.parse().ok()).collect();
    Ok(Dataset {
        id: "dual-use-figures".into(),
        title: "China's dual-use supply to Russia: figures reported in the press".into(),
        domain: Domain::Military,
        unit: Unit::UsdM,
        frequency: Frequency::Records,
        description: format!("{n} figures on China's exports of dual-use goods to Russia, each as a page printed it, with its period, qualifier (over, about, under) and page; grouped by unit, never joined into a line or added up."),
        notes: vec![
            "No public monthly series of China's exports of Common High Priority List goods to Russia was found (it needs HS-6 customs data: UN Comtrade or GACC). These are the figures pages quote instead; each is one mark, with its own period, never joined to another or summed across sources.".into(),
            "A figure printed as \"over\" or \"more than\" is a lower bound, drawn as a mark with an arrow pointing to where the true value lies; \"under\" points the other way; \"about\" is drawn as a ring. The label gives the figure as printed.".into(),
            "Each point's period is the month the page was published; the figure's own period is in its note (first words). Several figures come from US government officials whose data are not public, from reposts or from machine translations; each note names its page and quotes it.".into(),
        ]
        .into_iter()
        .chain(not_drawn.iter().map(|x| format!("Not drawn as a mark (shown as printed, with its page): {x}.")))
        .collect(),
        sources: vec![source(t.rows.len(), &super::span::years(years))],
        series: series
            .into_iter()
            .enumerate()
            .map(|(k, (unit, label, points))| Series {
                id: format!("unit-{}", k + 1),
                label,
                unit: Some(unit),
                note: None,
                points: points.into(),
            })
            .collect(),
        events: vec![],
        unit_label: None,
        fr: None,
        de: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_with_their_qualifiers() {
        assert_eq!(parse_figure(">300"), Some((Qualifier::Over, 300.0, "300".into())));
        assert_eq!(parse_figure("approximately 90"), Some((Qualifier::About, 90.0, "90".into())));
        assert_eq!(parse_figure("-28"), Some((Qualifier::Exact, -28.0, "-28".into())));
        assert_eq!(parse_figure(">1,300"), Some((Qualifier::Over, 1300.0, "1,300".into())));
        assert_eq!(parse_figure("120 (of which 112 to Russia)"), None);
        assert_eq!(parse_figure("2021: 200"), None);
    }
}
