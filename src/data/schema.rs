//! The dataset schema, defined once: `build-data` writes it, the bundle, `src=` documents and dataset
//! objects handed to `mount()` read it, all through serde (`de.rs` says what the derives leave out:
//! structs only from maps, points read into columns).
//!
//! A dataset is a set of series of `(period, value)` points in one unit, with the sources every
//! point names, caveats a reader must see, and dated event markers (each with its own source).

use super::de::{map_only_impls, Columns};
use super::points::Points;
use crate::model::locale::Locale;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Dataset {
    /// Stable kebab-case id.
    pub id: String,
    pub title: String,
    pub domain: Domain,
    pub unit: Unit,
    pub frequency: Frequency,
    /// One or two sentences a reader sees under the title.
    pub description: String,
    /// Caveats and method notes, shown in the Sources panel.
    #[serde(default)]
    pub notes: Vec<String>,
    pub sources: Vec<Source>,
    pub series: Vec<Series>,
    #[serde(default)]
    pub events: Vec<Event>,
    /// The unit as the value axis names it, where the `unit` code's own title does not say it
    /// (a bring-your-own dataset counting tonnes with unit `count`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_label: Option<String>,
    /// French words of the dataset (see [`Translation`]); the English stays where one is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<Translation>,
    /// German words of the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub de: Option<Translation>,
}

/// A dataset's own words in one more language: every field optional, so a document may translate
/// any part of itself. Figures, periods, sources and the points' labels (records as sourced) are
/// not translated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Translation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_label: Option<String>,
    /// By series id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub series: BTreeMap<String, SeriesText>,
    /// The dataset's `notes`, in the same order (as many, or none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The dataset's `events`, in the same order (as many, or none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventText>,
    /// By source id: what a source covers and its licence terms, where written in words (a
    /// source's title and publisher are names, kept as they name themselves).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<String, SourceText>,
}

/// A source's coverage and licence in one more language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct SourceText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
}

/// A series' label and note in one more language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct SeriesText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An event's label and short label in one more language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct EventText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Domain {
    Economic,
    Military,
    Diplomatic,
}

impl Domain {
    pub fn as_str(self) -> &'static str {
        match self {
            Domain::Economic => "economic",
            Domain::Military => "military",
            Domain::Diplomatic => "diplomatic",
        }
    }
}

/// Units the charts know how to label and format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Billions of current US dollars.
    UsdBn,
    /// Millions of current US dollars.
    UsdM,
    /// Percent, 0–100.
    Percent,
    /// A share, 0–1 (shown as percent).
    Share,
    /// SIPRI trend-indicator value, millions (a volume index, not money).
    TivM,
    /// An ideal-point estimate (no unit).
    IdealPoint,
    /// A count of things (votes, vetoes).
    Count,
    /// A vote code: 1 yes, 0 abstain, -1 no, 2 absent/not voting.
    Vote,
    /// A list tier (1, 2, 3 …).
    Tier,
    /// A change in percent (may be negative), e.g. on the previous year.
    ChangePercent,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::UsdBn => "usd_bn",
            Unit::UsdM => "usd_m",
            Unit::Percent => "percent",
            Unit::Share => "share",
            Unit::TivM => "tiv_m",
            Unit::IdealPoint => "ideal_point",
            Unit::Count => "count",
            Unit::Vote => "vote",
            Unit::Tier => "tier",
            Unit::ChangePercent => "change_percent",
        }
    }
    /// True for units that cannot be negative.
    pub fn non_negative(self) -> bool {
        matches!(self, Unit::UsdBn | Unit::UsdM | Unit::Percent | Unit::Share | Unit::TivM | Unit::Count)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    /// One point per calendar year, period `YYYY`.
    Annual,
    /// One point per UN General Assembly session, period `YYYY` = the year the session opened.
    Session,
    /// One point per month, period `YYYY-MM`.
    Monthly,
    /// Dated observations, period `YYYY-MM-DD`.
    Daily,
    /// Records that are not a time series (periods may repeat; each point has a label).
    Records,
}

impl Frequency {
    /// The name used in documents (`annual`, `session`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Annual => "annual",
            Frequency::Session => "session",
            Frequency::Monthly => "monthly",
            Frequency::Daily => "daily",
            Frequency::Records => "records",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Source {
    /// Short id points refer to.
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// Web address of the source (publisher page or archived page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Repository the raw file was copied from, `owner/name` (with `path` and `commit`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    pub licence: String,
    pub coverage: String,
    /// When the raw copy was retrieved or generated (`YYYY-MM` or `YYYY-MM-DD`).
    pub retrieved: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub id: String,
    pub label: String,
    /// The series' unit where it differs from the dataset's (e.g. vote counts beside votes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Held as columns ([`Points`]); read as [`PointRef`](super::PointRef)s.
    pub points: Points,
}

/// One point, owned: what readers and the pipeline build a series' [`Points`] from (`collect()`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Point {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub period: Rc<str>,
    pub value: f64,
    /// Id of an entry of the dataset's `sources` (shared by the points that name it).
    pub source: Rc<str>,
    /// What the point is, where the period alone does not say it (a country, a draft symbol).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A dated event drawn as a marker, with its own source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Event {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub label: String,
    /// A few words drawn beside the marker (the full label is in the tooltip and Sources panel).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    pub source: String,
}

map_only_impls!(Dataset, Source, Point, Event, Translation, SeriesText, EventText, SourceText);

/// A series as written: its points as a `points` list or as `columns`.
#[derive(Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
struct SeriesDoc {
    id: String,
    label: String,
    unit: Option<Unit>,
    note: Option<String>,
    points: Option<Points>,
    columns: Option<Columns>,
}

impl<'de> super::de::FromMap<'de> for SeriesDoc {
    const NAME: &'static str = "Series";
    fn from_map<A: serde::de::MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        SeriesDoc::deserialize(serde::de::value::MapAccessDeserializer::new(map))
    }
}

impl<'de> Deserialize<'de> for Series {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let doc: SeriesDoc = super::de::map_only(d)?;
        let points = match (doc.points, doc.columns) {
            (Some(_), Some(_)) => return Err(D::Error::custom("a series gives both `points` and `columns`; give one")),
            (Some(points), None) => points,
            (None, Some(columns)) => columns.into_points().map_err(D::Error::custom)?,
            (None, None) => return Err(D::Error::missing_field("points")),
        };
        Ok(Series { id: doc.id, label: doc.label, unit: doc.unit, note: doc.note, points })
    }
}

impl Dataset {
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
    /// The unit of series `i` (its own, or the dataset's).
    pub fn unit_of(&self, i: usize) -> Unit {
        self.series.get(i).and_then(|s| s.unit).unwrap_or(self.unit)
    }
    /// Makes series on the same periods share one period column (and so its parsed times).
    pub fn share_periods(&mut self) {
        for i in 1..self.series.len() {
            let (before, rest) = self.series.split_at_mut(i);
            if let Some(same) = before.iter().find(|b| *b.points.periods() == *rest[0].points.periods()) {
                rest[0].points.share_periods(same.points.periods());
            }
        }
    }
    pub fn point_count(&self) -> usize {
        self.series.iter().map(|s| s.points.len()).sum()
    }
    /// Takes in a companion dataset drawn beside this one: its series (in its unit), the sources
    /// this one lacks, the notes it does not share, and their translations.
    pub fn append(&mut self, extra: Dataset) {
        let new_notes: Vec<usize> = (0..extra.notes.len()).filter(|&i| !self.notes.contains(&extra.notes[i])).collect();
        for (mine, theirs) in [(&mut self.fr, extra.fr), (&mut self.de, extra.de)] {
            let (Some(mine), Some(theirs)) = (mine.as_mut(), theirs) else { continue };
            mine.series.extend(theirs.series);
            for (id, t) in theirs.sources {
                mine.sources.entry(id).or_insert(t);
            }
            if mine.notes.len() == self.notes.len() && theirs.notes.len() == extra.notes.len() {
                mine.notes.extend(new_notes.iter().map(|&i| theirs.notes[i].clone()));
            }
        }
        for i in new_notes {
            self.notes.push(extra.notes[i].clone());
        }
        for mut s in extra.series {
            s.unit = s.unit.or(Some(extra.unit));
            self.series.push(s);
        }
        for src in extra.sources {
            if self.source(&src.id).is_none() {
                self.sources.push(src);
            }
        }
    }
    /// Forgets the translations of series and sources the dataset no longer has (a chart drawing some of a
    /// dataset's series), so the dataset stays valid.
    pub fn drop_stale_translations(&mut self) {
        let ids: Vec<String> = self.series.iter().map(|s| s.id.clone()).collect();
        let sources: Vec<String> = self.sources.iter().map(|s| s.id.clone()).collect();
        for tr in [&mut self.fr, &mut self.de].into_iter().flatten() {
            tr.series.retain(|id, _| ids.contains(id));
            tr.sources.retain(|id, _| sources.contains(id));
        }
    }
    /// The translation a document gives for `locale` (none for English).
    pub fn translation(&self, locale: Locale) -> Option<&Translation> {
        match locale {
            Locale::En => None,
            Locale::Fr => self.fr.as_ref(),
            Locale::De => self.de.as_ref(),
        }
    }
    /// The dataset in `locale`'s words: its translation's title, description, unit label, series
    /// labels and notes, notes and events put in place of the English ones, where given (validation
    /// has checked that every series id exists and that notes and events are as many). English, or
    /// a language the document does not translate, leaves it as it is. The translations themselves
    /// are dropped (the widget shows one language).
    pub fn localized(mut self, locale: Locale) -> Dataset {
        let tr = match locale {
            Locale::En => None,
            Locale::Fr => self.fr.take(),
            Locale::De => self.de.take(),
        };
        self.fr = None;
        self.de = None;
        let Some(tr) = tr else { return self };
        let put = |to: &mut String, from: Option<String>| {
            if let Some(t) = from {
                *to = t;
            }
        };
        put(&mut self.title, tr.title);
        put(&mut self.description, tr.description);
        if tr.unit_label.is_some() {
            self.unit_label = tr.unit_label;
        }
        let mut series = tr.series;
        for s in &mut self.series {
            if let Some(t) = series.remove(&s.id) {
                put(&mut s.label, t.label);
                if t.note.is_some() {
                    s.note = t.note;
                }
            }
        }
        if tr.notes.len() == self.notes.len() {
            self.notes = tr.notes;
        }
        let mut sources = tr.sources;
        for s in &mut self.sources {
            if let Some(t) = sources.remove(&s.id) {
                put(&mut s.coverage, t.coverage);
                put(&mut s.licence, t.licence);
            }
        }
        if tr.events.len() == self.events.len() {
            for (e, t) in self.events.iter_mut().zip(tr.events) {
                put(&mut e.label, t.label);
                if t.short.is_some() {
                    e.short = t.short;
                }
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::data::parse_dataset;
    use crate::model::locale::Locale;

    const DOC: &str = r#"{"id":"t","title":"Trade","domain":"economic","unit":"count","frequency":"annual",
        "description":"Goods","notes":["One","Two"],"unit_label":"tonnes",
        "sources":[{"id":"s","title":"S","publisher":"P","licence":"CC0","coverage":"all","retrieved":"2026-11"}],
        "series":[{"id":"a","label":"Exports","note":"from A","points":[{"period":"2000","value":1,"source":"s"}]},
                  {"id":"b","label":"Imports","points":[{"period":"2000","value":2,"source":"s"}]}],
        "events":[{"date":"2014-03-18","label":"Crimea annexed","short":"Crimea","source":"s"}],
        "fr":{"title":"Commerce","description":"Biens","unit_label":"tonnes (fr)","series":{"a":{"label":"Exportations","note":"de A"}},
              "notes":["Un","Deux"],"events":[{"label":"Annexion de la Crimée"}],"sources":{"s":{"coverage":"tout"}}},
        "de":{"series":{"b":{"label":"Einfuhren"}}}}"#;

    #[test]
    fn localized_puts_the_translation_in_place_and_keeps_the_english_where_none_is_given() {
        let ds = parse_dataset(DOC, "t").unwrap();
        let en = ds.clone().localized(Locale::En);
        assert_eq!((en.title.as_str(), en.series[0].label.as_str(), en.fr, en.de), ("Trade", "Exports", None, None));
        let fr = ds.clone().localized(Locale::Fr);
        assert_eq!(fr.title, "Commerce");
        assert_eq!(fr.description, "Biens");
        assert_eq!(fr.unit_label.as_deref(), Some("tonnes (fr)"));
        assert_eq!((fr.series[0].label.as_str(), fr.series[0].note.as_deref()), ("Exportations", Some("de A")));
        assert_eq!(fr.series[1].label, "Imports", "an untranslated series keeps its label");
        assert_eq!(fr.notes, ["Un", "Deux"]);
        assert_eq!(
            (fr.events[0].label.as_str(), fr.events[0].short.as_deref()),
            ("Annexion de la Crimée", Some("Crimea"))
        );
        assert_eq!((fr.sources[0].coverage.as_str(), fr.sources[0].licence.as_str()), ("tout", "CC0"));
        assert_eq!(fr.sources[0].title, "S", "a source's title is a name");
        assert_eq!((fr.fr.is_none(), fr.de.is_none()), (true, true));
        // The figures are the same dataset's.
        assert_eq!(fr.series[1].points, ds.series[1].points);
        let de = ds.clone().localized(Locale::De);
        assert_eq!(
            (de.title.as_str(), de.series[1].label.as_str(), de.notes[0].as_str()),
            ("Trade", "Einfuhren", "One")
        );
        assert_eq!(de.unit_label.as_deref(), Some("tonnes"));
    }

    #[test]
    fn translations_survive_a_round_trip_through_json() {
        let ds = parse_dataset(DOC, "t").unwrap();
        let back = parse_dataset(&serde_json::to_string(&ds).unwrap(), "t").unwrap();
        assert_eq!(back, ds);
    }
}
