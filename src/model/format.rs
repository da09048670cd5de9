//! Number and period formats for ticks, tooltips, tables and summaries: methods of [`Locale`], so
//! every call names the language it writes in.

use super::locale::{Locale, Text};
use crate::data::{Frequency, Period, Unit};

impl Locale {
    /// `79.2%` in English, `79,2 %` in French and German.
    fn percent(self, n: String) -> String {
        if self == Locale::En {
            format!("{n}%")
        } else {
            format!("{n}\u{202f}%")
        }
    }

    fn usd(self, n: String, scale: &str) -> String {
        match (self, scale) {
            (Locale::En, s) => format!("${n} {s}"),
            (Locale::Fr, "bn") => format!("{n}\u{a0}Md$"),
            (Locale::Fr, _) => format!("{n}\u{a0}M$"),
            (Locale::De, "bn") => format!("{n}\u{a0}Mrd.\u{a0}$"),
            (Locale::De, _) => format!("{n}\u{a0}Mio.\u{a0}$"),
        }
    }

    /// A value with its unit, as a reader reads it in a tooltip: `79.2%`, `$146.9 bn`, `3,066 TIV m`.
    pub fn value(self, v: f64, unit: Unit) -> String {
        match unit {
            Unit::Share => self.percent(self.fixed(v * 100.0, 1)),
            Unit::Percent => self.percent(self.fixed(v, 1)),
            Unit::UsdBn => self.usd(self.fixed(v, if v.abs() < 10.0 { 2 } else { 1 }), "bn"),
            Unit::UsdM => self.usd(self.fixed(v, 0), "m"),
            Unit::TivM => self.say(Text::ValueTivM, &[&self.fixed(v, if v.fract() == 0.0 { 0 } else { 1 })]),
            Unit::IdealPoint => self.fixed(v, 2),
            Unit::Count | Unit::Tier => self.fixed(v, 0),
            Unit::ChangePercent => self.percent(format!("{}{}", if v > 0.0 { "+" } else { "" }, self.fixed(v, 1))),
            Unit::Vote => self
                .text(match v as i64 {
                    1 => Text::Yes,
                    0 => Text::Abstain,
                    -1 => Text::No,
                    _ => Text::DidNotVote,
                })
                .to_string(),
        }
    }

    /// A whole-number percentage (`45%`, `45 %`), as summaries give shares.
    pub fn whole_percent(self, v: f64) -> String {
        self.percent(self.fixed(v, 0))
    }

    /// A count, grouped as the language groups digits.
    pub fn count(self, n: usize) -> String {
        self.fixed(n as f64, 0)
    }

    /// A tick label: like [`Locale::value`] but short (`80%`, `$150 bn`).
    pub fn tick(self, v: f64, unit: Unit, step: f64) -> String {
        let decimals = decimals_for(step);
        match unit {
            Unit::Share => {
                let d = decimals_for(step * 100.0);
                self.percent(self.fixed(v * 100.0, d))
            }
            Unit::Percent | Unit::ChangePercent => self.percent(self.fixed(v, decimals)),
            Unit::UsdBn if self == Locale::En => format!("${}", self.fixed(v, decimals)),
            Unit::UsdBn => format!("{}\u{a0}$", self.fixed(v, decimals)),
            _ => self.fixed(v, decimals),
        }
    }

    /// The unit as an axis title.
    pub fn unit_title(self, unit: Unit) -> &'static str {
        self.text(match unit {
            Unit::Share | Unit::Percent => Text::UnitPercent,
            Unit::UsdBn => Text::UnitUsdBn,
            Unit::UsdM => Text::UnitUsdM,
            Unit::TivM => Text::UnitTivM,
            Unit::IdealPoint => Text::UnitIdealPoint,
            Unit::Count => Text::UnitCount,
            Unit::Vote => Text::UnitVote,
            Unit::Tier => Text::UnitTier,
            Unit::ChangePercent => Text::UnitChange,
        })
    }

    /// A period as a reader reads it: `1991 (session 46)`, `Feb 2022`, `24 Feb 2022`
    /// (`24 févr. 2022`, `24. Feb. 2022`).
    pub fn period(self, p: &str, freq: Frequency) -> String {
        let Some(pp) = Period::parse(p) else { return p.to_string() };
        match (freq, pp.month, pp.day) {
            (Frequency::Session, None, _) => {
                format!("{} ({} {})", pp.year, self.text(Text::Session), pp.year - 1945)
            }
            (_, None, _) => pp.year.to_string(),
            (_, Some(m), None) => format!("{} {}", self.month(m), pp.year),
            (_, Some(m), Some(d)) if self == Locale::De => format!("{d}. {} {}", self.month(m), pp.year),
            (_, Some(m), Some(d)) => format!("{d} {} {}", self.month(m), pp.year),
        }
    }

    /// Fixed decimals with thousands separators and a real minus sign.
    pub fn fixed(self, v: f64, decimals: usize) -> String {
        let s = format!("{:.*}", decimals, v.abs());
        let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            // Four-digit numbers (years, small counts) are not grouped in French and German.
            if i > 0 && (int.len() - i) % 3 == 0 && (self == Locale::En || int.len() > 4) {
                grouped.push_str(self.thousands());
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
            out.push(self.decimal());
            out.push_str(f);
        }
        out
    }
}

/// As many decimals as a tick step needs (2.5 → 1, 0.25 → 2), so no two ticks read the same.
fn decimals_for(step: f64) -> usize {
    if step <= 0.0 || !step.is_finite() {
        return 0;
    }
    (0..6)
        .find(|d| {
            let scaled = step * 10f64.powi(*d as i32);
            (scaled - scaled.round()).abs() < 1e-9 * scaled.max(1.0)
        })
        .unwrap_or(6)
}

#[cfg(test)]
mod tests {
    use super::*;
    const EN: Locale = Locale::En;

    #[test]
    fn formats_values_with_units() {
        assert_eq!(EN.value(0.7916667, Unit::Share), "79.2%");
        assert_eq!(EN.value(146.887, Unit::UsdBn), "$146.9 bn");
        assert_eq!(EN.value(3066.0, Unit::TivM), "3,066 TIV m");
        assert_eq!(EN.value(-1.012577, Unit::IdealPoint), "−1.01");
        assert_eq!(EN.fixed(-0.001, 2), "0.00");
        assert_eq!(EN.fixed(1234567.891, 1), "1,234,567.9");
    }

    #[test]
    fn formats_ticks_and_periods() {
        assert_eq!(EN.tick(0.8, Unit::Share, 0.2), "80%");
        assert_eq!(EN.tick(150.0, Unit::UsdBn, 50.0), "$150");
        assert_eq!(EN.tick(2.5, Unit::Percent, 2.5), "2.5%");
        assert_eq!(EN.tick(7.5, Unit::Percent, 2.5), "7.5%");
        assert_eq!(EN.tick(0.25, Unit::Share, 0.25), "25%");
        assert_eq!(EN.period("1991", Frequency::Session), "1991 (session 46)");
        assert_eq!(EN.period("2022-02", Frequency::Monthly), "Feb 2022");
        assert_eq!(EN.period("2022-02-24", Frequency::Daily), "24 Feb 2022");
    }

    #[test]
    fn formats_in_french_and_german() {
        let fr = Locale::Fr;
        assert_eq!(fr.value(0.7916667, Unit::Share), "79,2\u{202f}%");
        assert_eq!(fr.value(146.887, Unit::UsdBn), "146,9\u{a0}Md$");
        assert_eq!(fr.value(13066.0, Unit::TivM), "13\u{202f}066 M TIV");
        assert_eq!(fr.period("2022-02-24", Frequency::Daily), "24 févr. 2022");
        assert_eq!(fr.value(0.0, Unit::Vote), "Abstention");
        assert_eq!(fr.count(12345), "12\u{202f}345");
        let de = Locale::De;
        assert_eq!(de.value(1234567.891, Unit::UsdM), "1.234.568\u{a0}Mio.\u{a0}$");
        assert_eq!(de.period("2022-03-02", Frequency::Daily), "2. März 2022");
        assert_eq!(de.period("1991", Frequency::Session), "1991 (Tagung 46)");
        assert_eq!(de.unit_title(Unit::UsdBn), "Mrd. US-Dollar (laufende Preise)");
        assert_eq!(de.whole_percent(45.2), "45\u{202f}%");
    }
}
