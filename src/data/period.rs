//! Periods as written in datasets (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and their position on a time axis.

use std::fmt;

/// A parsed period. Ordering is chronological by start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Period {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Period {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (years 1000–2999, real calendar days).
    pub fn parse(s: &str) -> Option<Period> {
        Period::parse_bytes(s.as_bytes())
    }

    /// [`Period::parse`] of a text's bytes.
    pub fn parse_bytes(b: &[u8]) -> Option<Period> {
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = b.get(r)?;
            // Hot on big documents: digits folded by hand, no UTF-8 check or `str::parse`.
            part.iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
        };
        let year = digits(0..4)? as i32;
        if !(1000..=2999).contains(&year) {
            return None;
        }
        match b.len() {
            4 => Some(Period { year, month: None, day: None }),
            7 if b[4] == b'-' => {
                let m = digits(5..7)?;
                (1..=12).contains(&m).then_some(Period { year, month: Some(m as u8), day: None })
            }
            10 if b[4] == b'-' && b[7] == b'-' => {
                let m = digits(5..7)?;
                let d = digits(8..10)?;
                ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(year, m as u8) as u32).then_some(Period {
                    year,
                    month: Some(m as u8),
                    day: Some(d as u8),
                })
            }
            _ => None,
        }
    }

    /// Position on a continuous time axis in years: `YYYY` → YYYY.0, months and days at their start.
    pub fn to_x(self) -> f64 {
        let y = self.year as f64;
        match (self.month, self.day) {
            (None, _) => y,
            (Some(m), None) => y + (m as f64 - 1.0) / 12.0,
            (Some(m), Some(d)) => {
                // Days before month `m` in a common year, then the leap day.
                const BEFORE: [u16; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
                let m = m.clamp(1, 12);
                let before = u32::from(BEFORE[m as usize - 1]) + u32::from(m > 2 && is_leap(self.year));
                let len = if is_leap(self.year) { 366.0 } else { 365.0 };
                y + (before as f64 + d as f64 - 1.0) / len
            }
        }
    }

    /// A number in the same order as periods (and equal for equal ones): one comparison
    /// instead of three on a hot path.
    pub fn key(self) -> u32 {
        (self.year as u32) << 16 | u32::from(self.month.unwrap_or(0)) << 8 | u32::from(self.day.unwrap_or(0))
    }

    /// How precise the period is: 0 year, 1 month, 2 day.
    pub fn precision(self) -> u8 {
        match (self.month, self.day) {
            (None, _) => 0,
            (Some(_), None) => 1,
            _ => 2,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (None, _) => write!(f, "{:04}", self.year),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
        }
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` (1–12) of year `y`.
pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_forms_and_rejects_the_rest() {
        assert_eq!(Period::parse("1971").map(|p| p.to_string()), Some("1971".into()));
        assert_eq!(Period::parse("2022-02").map(|p| p.to_string()), Some("2022-02".into()));
        assert_eq!(Period::parse("2024-02-29").map(|p| p.to_string()), Some("2024-02-29".into()));
        for bad in ["", "71", "19710", "2023-02-29", "2022-13", "2022-00", "abcd", "2022/02", "+999", "2022-1-01"] {
            assert_eq!(Period::parse(bad), None, "{bad:?} must not parse");
        }
    }

    #[test]
    fn x_positions_are_chronological() {
        let x = |s| Period::parse(s).unwrap().to_x();
        assert_eq!(x("2000"), 2000.0);
        assert_eq!(x("2000-07"), 2000.5);
        assert!(x("2022-02-24") > x("2022-02") && x("2022-02-24") < x("2022-03"));
        assert_eq!(x("2021-01-01"), 2021.0);
        // Day positions as the sum of the months before, in leap and common years.
        for y in [1900, 2000, 2023, 2024] {
            let mut day = 0.0;
            for m in 1..=12u8 {
                for d in 1..=days_in_month(y, m) {
                    let len = if is_leap(y) { 366.0 } else { 365.0 };
                    let p = Period { year: y, month: Some(m), day: Some(d) };
                    assert_eq!(p.to_x(), y as f64 + day / len, "{p}");
                    day += 1.0;
                }
            }
        }
    }

    #[test]
    fn keys_order_as_periods() {
        let all: Vec<Period> =
            ["1999", "1999-12", "1999-12-31", "2000", "2000-01", "2000-01-01", "2000-01-02", "2000-02"]
                .iter()
                .map(|s| Period::parse(s).unwrap())
                .collect();
        for a in &all {
            for b in &all {
                assert_eq!(a.key().cmp(&b.key()), a.cmp(b), "{a} {b}");
            }
        }
    }
}
