//! [`Float`] against `core::fmt`, byte for byte: `{}` and `{:e}` on random bit patterns (every
//! finite `f64`, subnormals on their own) and on the edges (powers of two, where the interval is
//! lopsided; powers of ten; the largest and smallest values; ties between two shortest candidates),
//! and `{:.0}`..`{:.3}` (and a few longer) on values charts write and on exact ties.
//!
//! The random tests run 2,000,000 bit patterns under `cargo test --release` and 100,000 in a debug
//! build (`make test`), where they are ~10 times slower.

use super::Float;

const RANDOM: usize = if cfg!(debug_assertions) { 100_000 } else { 2_000_000 };

/// A small deterministic generator (LCG), so the test needs no dependency.
fn rng(seed: u64) -> impl FnMut() -> u64 {
    let mut x = seed;
    move || {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        x ^ (x >> 29)
    }
}

fn display(v: f64) {
    assert_eq!(format!("{}", Float(v)), format!("{v}"), "{{}} of {v:e} ({:#x})", v.to_bits());
}

fn exp(v: f64) {
    assert_eq!(format!("{:e}", Float(v)), format!("{v:e}"), "{{:e}} of {v:e} ({:#x})", v.to_bits());
}

fn shortest(v: f64) {
    display(v);
    exp(v);
}

fn fixed(v: f64, decimals: usize) {
    let (ours, core) = (format!("{:.*}", decimals, Float(v)), format!("{v:.decimals$}"));
    assert_eq!(ours, core, "{{:.{decimals}}} of {v:e} ({:#x})", v.to_bits());
}

/// 2^e, for e in −1074..=1023.
fn pow2(e: i32) -> f64 {
    f64::from_bits(if e >= -1022 { ((e + 1023) as u64) << 52 } else { 1 << (e + 1074) })
}

/// `v` and the `f64`s just below and above it.
fn around(v: f64) -> [f64; 3] {
    [f64::from_bits(v.to_bits() - 1), v, f64::from_bits(v.to_bits() + 1)]
}

/// RANDOM bit patterns from `seed` (all finite ones): `{}` of each, `{:e}` of every eighth.
fn random_bit_patterns(seed: u64) {
    let mut next = rng(seed);
    for i in 0..RANDOM / 2 {
        let v = f64::from_bits(next());
        if v.is_finite() {
            display(v);
            if i % 8 == 0 {
                exp(v);
            }
        }
    }
}

// Two halves, which run in parallel.
#[test]
fn shortest_on_random_bit_patterns_1() {
    random_bit_patterns(1);
}

#[test]
fn shortest_on_random_bit_patterns_2() {
    random_bit_patterns(2);
}

#[test]
fn shortest_on_subnormals() {
    let mut next = rng(3);
    for _ in 0..RANDOM / 20 {
        shortest(f64::from_bits(next() & (1 << 63 | ((1 << 52) - 1))));
    }
    // The smallest ones, where few digits decide and the interval is wide.
    for m in 1..=4096 {
        shortest(f64::from_bits(m));
    }
}

#[test]
fn shortest_on_edges() {
    for v in [0.0, -0.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::EPSILON, 0.1 + 0.2, 1.0 / 3.0] {
        shortest(v);
    }
    for v in [f64::MAX, f64::MIN_POSITIVE, 5e-324] {
        for v in around(v) {
            shortest(v);
            shortest(-v);
        }
    }
    // Every power of two: the neighbour below is half as far as the one above (for normal ones).
    for e in -1074..=1023 {
        for v in around(pow2(e)) {
            shortest(v);
            shortest(-v);
        }
    }
    // Powers of ten, and where `{}` gets long: 1e15..1e22 and around 2^53.
    for e in -325..=308 {
        let v: f64 = format!("1e{e}").parse().unwrap();
        if v > 0.0 && v.is_finite() {
            for v in around(v) {
                shortest(v);
            }
        }
    }
    for k in 15..=22 {
        let p = 10f64.powi(k);
        for v in [p - 1.0, p, p + 1.0, p * 1.5, p * 9.999, p / 3.0] {
            for v in around(v) {
                shortest(v);
            }
        }
    }
    for n in 0..1000 {
        shortest(9007199254740992.0 + n as f64);
        shortest(9007199254740992.0 - n as f64);
    }
    // Between 2^50 and 2^51 every x.25 and x.75 lies halfway between two shortest candidates
    // (x.2/x.3, x.7/x.8): core takes the one above.
    for n in 0..1000 {
        for f in [0.25, 0.5, 0.75] {
            shortest(pow2(50) + n as f64 + f);
            shortest(-(pow2(50) + n as f64 + f));
        }
    }
}

#[test]
fn fixed_on_values_charts_write() {
    let mut next = rng(4);
    for i in 0..RANDOM / 4 {
        let r = next();
        let v = match i % 4 {
            // Decimal data as it reads in: up to 7 digits, up to 6 decimals.
            0 => (r % 20_000_001) as f64 / 10f64.powi((r >> 32) as i32 % 7) - 10_000.0,
            // Pixels, years and fractional years.
            1 => (r % 4_000_000) as f64 / 1000.0 - 500.0,
            2 => 1940.0 + (r >> 11) as f64 / (1u64 << 53) as f64 * 90.0,
            // Any magnitude from 1e-6 to 1e12.
            _ => ((r >> 11) as f64 / (1u64 << 53) as f64) * 10f64.powi((r % 19) as i32 - 6),
        };
        for d in 0..=3 {
            fixed(v, d);
            fixed(-v, d);
        }
    }
}

#[test]
fn fixed_on_ties_and_edges() {
    // n / 2^j: every x.5, x.25, x.125, x.0625 …, halfway cases for one of {:.0}..{:.3}.
    for n in -5000..=5000 {
        for j in 0..=7 {
            let v = n as f64 / (1 << j) as f64;
            for d in 0..=3 {
                fixed(v, d);
            }
        }
    }
    let edges = [0.0, -0.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, f64::MIN, f64::MIN_POSITIVE, 5e-324];
    let more = [0.05, 0.15, 0.25, 0.35, 1e15, 1e21, 1e22, 1e23, 123456789.0123, -0.0004, -0.4, 0.5, 1.5, 2.5, 9.995];
    for v in edges.into_iter().chain(more) {
        for d in [0, 1, 2, 3, 4, 6, 10, 17, 20, 30] {
            fixed(v, d);
        }
    }
    // Every digit of the exact value: 1074 decimals for the smallest subnormal.
    for v in [0.1, -5e-324, f64::MIN_POSITIVE, f64::MAX] {
        fixed(v, 1100);
    }
    // Powers of two: every one where the decimals matter, every fifth beyond (each digit of a
    // 300-digit integer costs a few big-integer subtractions).
    for e in (-1074..=1023).filter(|e| e % 5 == 0 || (-64..=64).contains(e)) {
        for v in around(pow2(e)) {
            for d in 0..=3 {
                fixed(v, d);
            }
        }
    }
}
