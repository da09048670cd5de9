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

/// Integer ticks (years) at a step of 1, 2, 5, 10, 20, 25, 50 …
pub fn year_ticks(lo: f64, hi: f64, max_count: usize) -> Vec<f64> {
    let t = nice_ticks(lo, hi, max_count);
    if t.len() >= 2 && t[1] - t[0] < 1.0 {
        return (lo.ceil() as i64..=hi.floor() as i64).map(|y| y as f64).collect();
    }
    t.into_iter().filter(|v| v.fract() == 0.0).collect()
}

/// Domain extended outward to nice tick steps, so the top gridline sits at the top of the plot.
pub fn nice_domain(lo: f64, hi: f64, max_count: usize) -> (f64, f64) {
    if hi <= lo {
        return (lo - 1.0, hi + 1.0);
    }
    let step = nice_step((hi - lo) / max_count.max(1) as f64);
    ((lo / step).floor() * step, (hi / step).ceil() * step)
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

fn round_to_step(v: f64, step: f64) -> f64 {
    let digits = (-step.log10().floor()).max(0.0) as i32 + 1;
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
    fn nice_domain_rounds_outward() {
        assert_eq!(nice_domain(0.13, 0.82, 5), (0.0, 1.0));
        assert_eq!(nice_domain(12.0, 147.0, 5), (0.0, 150.0));
    }
}
