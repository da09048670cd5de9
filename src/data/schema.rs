//! The dataset schema, defined once: `build-data` writes it, the bundle, `src=` documents and dataset
//! objects handed to `mount()` read it, all through serde (`de.rs` says what the derives leave out:
//! structs only from maps, points read into columns).
//!
//! A dataset is a set of series of `(period, value)` points in one unit, with the sources every
//! point names, caveats a reader must see, and dated event markers (each with its own source).

use super::de::{map_only_impls, Columns};
use super::points::Points;
use serde::{Deserialize, Serialize};
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

map_only_impls!(Dataset, Source, Point, Event);

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
}
