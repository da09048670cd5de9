//! Exact decimal arithmetic on printed figures (`rust_decimal`): a month derived as the difference
//! of two printed year-to-date totals is computed on their decimal digits, not on binary floats
//! (61.44 − 51.125 is 10.315 exactly, which rounds half away from zero to 10.32; as `f64`s the
//! difference is 10.31499…, which rounds to 10.31).

pub use rust_decimal::Decimal as Dec;
use rust_decimal::RoundingStrategy;

/// Parses printed decimal text (`-12.345`, `7`), keeping its scale; `None` for anything else.
pub fn parse(s: &str) -> Option<Dec> {
    let s = s.trim();
    let ok = !s.is_empty() && s.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit() || b == b'.');
    ok.then(|| Dec::from_str_exact(s).ok()).flatten()
}

/// Rounded to `decimals` places, half away from zero (as a printed figure is rounded).
pub fn round(d: Dec, decimals: u32) -> Dec {
    d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// The nearest `f64`, through the decimal text (so correctly rounded).
pub fn to_f64(d: Dec) -> f64 {
    d.to_string().parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        parse(s).unwrap()
    }

    #[test]
    fn the_july_2022_difference_is_exact() {
        assert_eq!(super::super::raw::round(61.44 - 51.125, 2), 10.31, "binary floats lose the half");
        assert_eq!((d("61.44") - d("51.125")).to_string(), "10.315");
        assert_eq!(to_f64(round(d("61.44") - d("51.125"), 2)), 10.32);
    }

    #[test]
    fn rounding_and_signs() {
        assert_eq!(round(d("-1.25"), 1).to_string(), "-1.3");
        assert_eq!(round(d("0.049"), 1).to_string(), "0.0");
        assert_eq!(round(d("97.7") - d("80.675"), 1).to_string(), "17.0");
        assert_eq!(to_f64(d("2") - d("0.5")), 1.5);
        assert!(parse("1e5").is_none() && parse("").is_none() && parse("abc").is_none());
    }
}
