//! Relative views of a dataset, recomputed from the same points: change on the previous period
//! and share of the total. The result is a dataset like any other (its unit, title and point
//! notes say what was computed), so charts, tooltips and tables follow without special cases.

use crate::data::{Dataset, Frequency, Period, Point, Unit};

/// What the reader asked to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Values,
    /// Percent change on the previous period (only between adjacent periods; a gap stays a gap).
    Change,
    /// Percent of the period's total: of a series with id `total` if there is one, else of the
    /// sum of all series.
    Share,
}

impl Mode {
    pub fn parse(s: &str) -> Mode {
        match s.trim() {
            "change" => Mode::Change,
            "share" => Mode::Share,
            _ => Mode::Values,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Values => "values",
            Mode::Change => "change",
            Mode::Share => "share",
        }
    }
}

fn adjacent(freq: Frequency, a: Period, b: Period) -> bool {
    match freq {
        Frequency::Monthly => {
            let ma = a.year * 12 + a.month.unwrap_or(1) as i32;
            let mb = b.year * 12 + b.month.unwrap_or(1) as i32;
            mb - ma == 1
        }
        Frequency::Annual | Frequency::Session => b.year - a.year == 1,
        _ => false,
    }
}

pub fn apply(ds: &Dataset, mode: Mode) -> Dataset {
    let mut out = ds.clone();
    match mode {
        Mode::Values => {}
        Mode::Change => {
            out.unit = Unit::ChangePercent;
            out.title = format!("{} — change on the previous period", ds.title);
            for s in &mut out.series {
                s.unit = None;
                let pts = std::mem::take(&mut s.points).to_vec();
                let mut changes = Vec::new();
                for w in pts.windows(2) {
                    let (Some(a), Some(b)) = (Period::parse(&w[0].period), Period::parse(&w[1].period)) else {
                        continue;
                    };
                    if !adjacent(ds.frequency, a, b) || w[0].value == 0.0 {
                        continue;
                    }
                    changes.push(Point {
                        period: w[1].period.clone(),
                        value: round4((w[1].value / w[0].value - 1.0) * 100.0),
                        source: w[1].source.clone(),
                        label: w[1].label.clone(),
                        note: Some(format!(
                            "computed by dragonbear: {} → {} ({} → {})",
                            w[0].period, w[1].period, w[0].value, w[1].value
                        )),
                    });
                }
                s.points = changes.into();
            }
        }
        Mode::Share => {
            out.unit = Unit::Percent;
            out.title = format!("{} — share of the total", ds.title);
            let total = ds.series.iter().find(|s| s.id == "total");
            out.series.retain(|s| s.id != "total");
            for s in &mut out.series {
                s.unit = None;
                let pts = std::mem::take(&mut s.points).to_vec();
                let mut shares = Vec::new();
                for p in pts {
                    let whole = match total {
                        Some(t) => t.points.iter().find(|q| *q.period == *p.period).map(|q| q.value),
                        None => Some(
                            ds.series
                                .iter()
                                .filter_map(|o| o.points.iter().find(|q| *q.period == *p.period))
                                .map(|q| q.value)
                                .sum(),
                        ),
                    };
                    if let Some(whole) = whole.filter(|w| *w > 0.0) {
                        let of = if total.is_some() { "the total" } else { "the sum of all series" };
                        shares.push(Point {
                            value: round4(p.value / whole * 100.0),
                            note: Some(format!("computed by dragonbear: {} of {} ({})", p.value, of, whole)),
                            ..p
                        });
                    }
                }
                s.points = shares.into();
            }
        }
    }
    out.series.retain(|s| !s.points.is_empty());
    out.share_periods();
    out
}

fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::bundled_dataset;

    #[test]
    fn change_is_computed_between_adjacent_years_only() {
        let ds = bundled_dataset("trade-annual").unwrap();
        let c = apply(&ds, Mode::Change);
        let total = c.series.iter().find(|s| s.id == "total").unwrap();
        let v = |p: &str| ds.series[0].points.iter().find(|q| *q.period == *p).unwrap().value;
        let p2014 = total.points.iter().find(|q| q.period == "2014").unwrap();
        assert_eq!(p2014.value, round4((v("2014") / v("2013") - 1.0) * 100.0));
        // China's exports: 2021 is a gap in the source, so neither 2021 nor 2022 has a change.
        let ex = c.series.iter().find(|s| s.id == "cn-exports").unwrap();
        assert!(ex.points.iter().all(|p| p.period != "2021" && p.period != "2022"));
        assert_eq!(c.unit, Unit::ChangePercent);
    }

    #[test]
    fn share_uses_the_total_series_when_there_is_one() {
        let ds = bundled_dataset("trade-annual").unwrap();
        let s = apply(&ds, Mode::Share);
        assert!(s.series.iter().all(|x| x.id != "total"));
        let ex = &s.series[0];
        let p = ex.points.iter().find(|q| q.period == "2020").unwrap();
        let t = ds.series[0].points.iter().find(|q| q.period == "2020").unwrap().value;
        let e = ds.series[1].points.iter().find(|q| q.period == "2020").unwrap().value;
        assert_eq!(p.value, round4(e / t * 100.0));
        // Arms by category: shares of the year's sum add up to 100 where the year has deliveries.
        let arms = apply(&bundled_dataset("arms-ru-cn").unwrap(), Mode::Share);
        let sum: f64 =
            arms.series.iter().filter_map(|s| s.points.iter().find(|p| p.period == "2005")).map(|p| p.value).sum();
        assert!((sum - 100.0).abs() < 0.01, "{sum}");
    }
}
