//! Coverage ranges written from the data: titles, notes and source coverage never type a year
//! range, they ask these functions for the years or months the points actually hold.

use crate::data::Dataset;

/// Years as runs: `[1961, 1978, 1979, …, 1991]` → "1961 and 1978–1991"; `[]` → "".
pub fn years(ys: impl IntoIterator<Item = i32>) -> String {
    let mut v: Vec<i32> = ys.into_iter().collect();
    v.sort_unstable();
    v.dedup();
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for y in v {
        match runs.last_mut() {
            Some((_, hi)) if *hi + 1 == y => *hi = y,
            _ => runs.push((y, y)),
        }
    }
    let parts: Vec<String> =
        runs.iter().map(|&(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") }).collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The first and last year of a dataset's points (all series), from their periods.
pub fn year_bounds(ds: &Dataset) -> Option<(i32, i32)> {
    let ys = ds.series.iter().flat_map(|s| s.points.iter().filter_map(|p| p.period.get(..4)?.parse::<i32>().ok()));
    ys.fold(None, |acc, y| match acc {
        None => Some((y, y)),
        Some((lo, hi)) => Some((lo.min(y), hi.max(y))),
    })
}

/// "1992–2025" (or "2024" when one year) for a dataset's points.
pub fn year_range(ds: &Dataset) -> String {
    match year_bounds(ds) {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}–{b}"),
        None => String::new(),
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `2021-04` → "Apr 2021" (other text unchanged).
pub fn month(period: &str) -> String {
    match (period.get(..4), period.get(5..7).and_then(|m| m.parse::<usize>().ok())) {
        (Some(y), Some(m)) if (1..=12).contains(&m) && period.len() == 7 => format!("{} {y}", MONTHS[m - 1]),
        _ => period.to_string(),
    }
}

/// The first and last `YYYY-MM` period of a set of periods, as "Apr 2021 – Feb 2026".
pub fn month_range<'a>(periods: impl IntoIterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = periods.into_iter().collect();
    v.sort_unstable();
    match (v.first(), v.last()) {
        (Some(a), Some(b)) if a == b => month(a),
        (Some(a), Some(b)) => format!("{} – {}", month(a), month(b)),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_years() {
        assert_eq!(years([1978, 1979, 1980]), "1978–1980");
        assert_eq!(years([1961, 1978, 1979]), "1961 and 1978–1979");
        assert_eq!(years([1950, 1961, 1978, 1979]), "1950, 1961 and 1978–1979");
        assert_eq!(years([]), "");
    }

    #[test]
    fn months() {
        assert_eq!(month_range(["2021-04", "2026-02", "2025-10"]), "Apr 2021 – Feb 2026");
        assert_eq!(month("2024-12"), "Dec 2024");
    }
}
