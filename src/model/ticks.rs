//! "Nice" tick positions (1, 2, 2.5, 5 × 10ⁿ) for a domain and a pixel length.

/// Ticks inside `[lo, hi]`, at most about `max_count` of them, at a nice step.
pub fn nice_ticks(lo: f64, hi: f64, max_count: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi < lo || max_count == 0 {
        return vec![];
    }
    if hi == lo {
        return vec![lo];
    }
    let step = nice_step((hi - lo) / max_count.max(1) as f64);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|k| round_to_step(k as f64 * step, step)).collect()
}

/// Integer ticks (years) at a step of 1, 2, 5, 10, 20, 25, 50 …: the widest step that gives at
/// most `max_count` ticks, or, when that leaves fewer than three, the widest step giving three (a
/// reader needs three labels to read a time axis), as long as the span holds three whole years.
pub fn year_ticks(lo: f64, hi: f64, max_count: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi < lo {
        return vec![];
    }
    let at = |step: f64| -> Vec<f64> {
        let (first, last) = ((lo / step).ceil() as i64, (hi / step).floor() as i64);
        (first..=last).map(|k| k as f64 * step).collect()
    };
    let mut best = at(1.0);
    // Steps grow until the count fits: 1, 2, 5, 10, 20, 25, 50, 100 …
    for k in 0..60 {
        if best.len() <= max_count.max(1) {
            break;
        }
        let next = [2.0, 2.5, 5.0, 10.0][k % 4] * 10f64.powi((k / 4) as i32);
        if next.fract() != 0.0 {
            continue;
        }
        let t = at(next);
        if t.len() < 3 && best.len() >= 3 {
            // Wider steps would drop below three labels: keep three or more.
            break;
        }
        best = t;
    }
    best
}

/// A value axis that ends at the first nice tick at or beyond the data: the domain `[lo, hi]`
/// widened to a nice step, and its ticks. The step is the widest nice step with at most about
/// `max_count` intervals that leaves no more than a quarter of the axis empty beyond the data at
/// either end (e.g. 0–250 for a maximum of 245, not 0–400).
pub fn tight_axis(lo: f64, hi: f64, max_count: usize) -> (f64, f64, Vec<f64>) {
    if !(lo.is_finite() && hi.is_finite()) {
        return (0.0, 1.0, vec![0.0, 1.0]);
    }
    if hi <= lo {
        let (a, b) = (lo - 1.0, hi + 1.0);
        return (a, b, nice_ticks(a, b, max_count));
    }
    // A span no float step can divide (±1e308 apart, or subnormal): the data's own ends.
    let plain = (lo, hi, vec![lo, hi]);
    if !(hi - lo).is_normal() || !((hi - lo) / 64.0).is_normal() {
        return plain;
    }
    let domain = |step: f64| ((lo / step).floor() * step, (hi / step).ceil() * step);
    // Empty share of the axis beyond the data, the larger of the two ends.
    let empty = |(d0, d1): (f64, f64)| ((d1 - hi).max(lo - d0)) / (d1 - d0);
    let mut step = nice_step((hi - lo) / max_count.max(1) as f64);
    // Below a quarter of the span every step fits (at most four intervals), so this ends.
    while empty(domain(step)) > 0.25 + 1e-9 && step > (hi - lo) / 4.0 {
        step = finer_step(step);
    }
    // One finer step when it hugs the data closer and still gives few enough ticks (0–250 for
    // 245 rather than 0–300).
    let finer = finer_step(step);
    let (f0, f1) = domain(finer);
    if ((f1 - f0) / finer).round() as usize <= max_count + 2 && empty((f0, f1)) < empty(domain(step)) - 1e-9 {
        step = finer;
    }
    let (d0, d1) = domain(step);
    let n = ((d1 - d0) / step).round();
    if !(d0.is_finite() && d1.is_finite() && step.is_normal() && n <= 64.0) {
        return plain;
    }
    let ticks = (0..=n as i64).map(|k| round_to_step(d0 + k as f64 * step, step));
    (round_to_step(d0, step), round_to_step(d1, step), ticks.collect())
}

/// The headroom of an axis: the share of `[d0, d1]` beyond the data's `[lo, hi]` at the far end.
pub fn headroom(d0: f64, d1: f64, hi: f64) -> f64 {
    if d1 > d0 {
        (d1 - hi) / (d1 - d0)
    } else {
        0.0
    }
}

fn nice_step(raw: f64) -> f64 {
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// The next nice step below a nice step: 100 → 50 → 25 → 20 → 10.
fn finer_step(step: f64) -> f64 {
    let mag = 10f64.powf(step.log10().floor());
    let f = (step / mag * 10.0).round() / 10.0;
    mag * if f >= 10.0 {
        5.0
    } else if f >= 5.0 {
        2.5
    } else if f >= 2.5 {
        2.0
    } else if f >= 2.0 {
        1.0
    } else {
        0.5
    }
}

fn round_to_step(v: f64, step: f64) -> f64 {
    let digits = (-step.log10().floor()).clamp(0.0, 300.0) as i32 + 1;
    let p = 10f64.powi(digits);
    (v * p).round() / p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_cover_the_domain_at_round_steps() {
        assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(0.0, 100.0, 4), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(nice_ticks(3.0, 3.0, 4), vec![3.0]);
        assert!(nice_ticks(f64::NAN, 1.0, 4).is_empty());
    }

    #[test]
    fn year_ticks_are_whole_years() {
        assert_eq!(year_ticks(1971.0, 2023.0, 6), vec![1980.0, 1990.0, 2000.0, 2010.0, 2020.0]);
        assert_eq!(year_ticks(2020.0, 2023.0, 10), vec![2020.0, 2021.0, 2022.0, 2023.0]);
    }

    #[test]
    fn tight_axis_ends_at_the_first_nice_tick_above_the_maximum() {
        // trade-annual's maximum at a phone's three ticks: 0–250, not 0–300 or 0–400.
        assert_eq!(tight_axis(0.0, 245.0, 3), (0.0, 250.0, vec![0.0, 50.0, 100.0, 150.0, 200.0, 250.0]));
        assert_eq!(tight_axis(0.0, 245.0, 2).1, 300.0);
        for max in 1..10 {
            for hi in [0.3, 1.0, 7.0, 12.5, 99.0, 101.0, 245.0, 1234.0, 0.92] {
                let (d0, d1, t) = tight_axis(0.0, hi, max);
                assert!(d0 <= 0.0 && d1 >= hi, "{hi} in {d0}–{d1}");
                assert!(headroom(d0, d1, hi) <= 0.25 + 1e-9, "{hi} at {max}: {d0}–{d1}");
                assert_eq!((t[0], *t.last().unwrap()), (d0, d1), "ticks span the axis");
            }
        }
    }

    #[test]
    fn extreme_spans_give_an_axis_without_panicking() {
        for (lo, hi) in [(0.0, 5e-324), (-1e308, 1e308), (0.0, 1e308), (1e-310, 2e-310), (0.0, 1e15)] {
            let (d0, d1, t) = tight_axis(lo, hi, 4);
            assert!(d0 <= lo && d1 >= hi && !t.is_empty() && t.len() <= 65, "{lo}–{hi}: {d0}–{d1} {t:?}");
        }
    }

    #[test]
    fn a_phone_time_axis_has_three_labels() {
        // 1992–2024 with room for three labels: every 10 years, not every 20.
        assert_eq!(year_ticks(1992.0, 2024.0, 3), vec![2000.0, 2010.0, 2020.0]);
        assert_eq!(year_ticks(1992.0, 2024.0, 2), vec![2000.0, 2010.0, 2020.0]);
        assert_eq!(year_ticks(1946.0, 2024.0, 4), vec![1960.0, 1980.0, 2000.0, 2020.0]);
        assert_eq!(year_ticks(2021.0, 2022.0, 3), vec![2021.0, 2022.0]);
    }
}
