//! Number and period formats for ticks, tooltips and tables (English for now).

use crate::data::{Frequency, Period, Unit};

/// A value with its unit, as a reader reads it in a tooltip: `79.2%`, `$146.9 bn`, `3,066 TIV m`.
pub fn value(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Share => format!("{}%", fixed(v * 100.0, 1)),
        Unit::Percent => format!("{}%", fixed(v, 1)),
        Unit::UsdBn => format!("${} bn", fixed(v, if v.abs() < 10.0 { 2 } else { 1 })),
        Unit::UsdM => format!("${} m", fixed(v, 0)),
        Unit::TivM => format!("{} TIV m", fixed(v, if v.fract() == 0.0 { 0 } else { 1 })),
        Unit::IdealPoint => fixed(v, 2),
        Unit::Count | Unit::Tier => fixed(v, 0),
        Unit::Vote => match v as i64 {
            1 => "Yes".into(),
            0 => "Abstain".into(),
            -1 => "No".into(),
            _ => "Did not vote".into(),
        },
    }
}

/// A tick label: like [`value`] but short (`80%`, `$150 bn`).
pub fn tick(v: f64, unit: Unit, step: f64) -> String {
    let decimals = if step >= 1.0 || step <= 0.0 { 0 } else { (-step.log10().floor()) as usize };
    match unit {
        Unit::Share => {
            let d = if step * 100.0 >= 1.0 { 0 } else { decimals.saturating_sub(2) };
            format!("{}%", fixed(v * 100.0, d))
        }
        Unit::Percent => format!("{}%", fixed(v, decimals)),
        Unit::UsdBn => format!("${}", fixed(v, decimals)),
        _ => fixed(v, decimals),
    }
}

/// The unit as an axis title.
pub fn unit_title(unit: Unit) -> &'static str {
    match unit {
        Unit::Share | Unit::Percent => "percent",
        Unit::UsdBn => "billion US$ (current)",
        Unit::UsdM => "million US$ (current)",
        Unit::TivM => "SIPRI TIV, millions (volume index, not US$)",
        Unit::IdealPoint => "ideal point (higher = closer to the US)",
        Unit::Count => "count",
        Unit::Vote => "vote",
        Unit::Tier => "tier",
    }
}

/// A period as a reader reads it: `1991 (session 46)`, `Feb 2022`, `24 Feb 2022`.
pub fn period(p: &str, freq: Frequency) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let Some(pp) = Period::parse(p) else { return p.to_string() };
    match (freq, pp.month, pp.day) {
        (Frequency::Session, None, _) => format!("{} (session {})", pp.year, pp.year - 1945),
        (_, None, _) => pp.year.to_string(),
        (_, Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], pp.year),
        (_, Some(m), Some(d)) => format!("{} {} {}", d, MONTHS[m as usize - 1], pp.year),
    }
}

/// Fixed decimals with thousands separators and a real minus sign.
pub fn fixed(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let negative = v < 0.0 && s.bytes().any(|b| b.is_ascii_digit() && b != b'0');
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_values_with_units() {
        assert_eq!(value(0.7916667, Unit::Share), "79.2%");
        assert_eq!(value(146.887, Unit::UsdBn), "$146.9 bn");
        assert_eq!(value(3066.0, Unit::TivM), "3,066 TIV m");
        assert_eq!(value(-1.012577, Unit::IdealPoint), "−1.01");
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(fixed(1234567.891, 1), "1,234,567.9");
    }

    #[test]
    fn formats_ticks_and_periods() {
        assert_eq!(tick(0.8, Unit::Share, 0.2), "80%");
        assert_eq!(tick(150.0, Unit::UsdBn, 50.0), "$150");
        assert_eq!(period("1991", Frequency::Session), "1991 (session 46)");
        assert_eq!(period("2022-02", Frequency::Monthly), "Feb 2022");
        assert_eq!(period("2022-02-24", Frequency::Daily), "24 Feb 2022");
    }
}
