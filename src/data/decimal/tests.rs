//! `parse` against `str::parse::<f64>`, bit for bit, on the grammar's corners, random numbers in
//! every notation, and the hard cases: exact halfway points between neighbouring `f64`s (and the
//! numbers just above and below them), subnormals, the overflow edge and very long digit strings.

use super::parse;

fn same(s: &str) {
    let want = s.parse::<f64>().ok().map(f64::to_bits);
    assert_eq!(parse(s).map(f64::to_bits), want, "{s:?}");
}

/// A small deterministic generator (LCG), so the test needs no dependency.
fn rng(seed: u64) -> impl FnMut() -> u64 {
    let mut x = seed;
    move || {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        x ^ (x >> 29)
    }
}

#[test]
fn grammar_as_the_standard_library_reads_it() {
    for s in [
        "",
        "+",
        "-",
        ".",
        "-.",
        "e",
        "e5",
        ".e5",
        "1e",
        "1e+",
        "1e-",
        "1e5.5",
        "1.2.3",
        "+-1",
        "--1",
        "1_000",
        " 1",
        "1 ",
        "0x10",
        "1f",
        "1.",
        ".5",
        "-.5e-3",
        "+7",
        "007",
        "0",
        "-0",
        "0.000",
        "0e99999",
        "1E5",
        "1e+05",
        "inf",
        "-inf",
        "+inf",
        "INF",
        "Infinity",
        "-infinity",
        "infx",
        "in",
        "nan",
        "-nan",
        "NaN",
        "+NAN",
        "nan1",
        "1e308",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1e309",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "4.9406564584124654e-324",
        "1e-324",
        "5e-324",
        "2.2250738585072011e-308",
        "2.2250738585072014e-308",
        "9007199254740993",
        "9007199254740992.5",
        "0.30000000000000004",
        "123456789012345678901234567890",
        "1e-400",
        "1e99999999999999999999999",
        "0.1e-99999999999999999999",
        "1e18446744073709551616",
        "3.14159265358979323846264338327950288",
    ] {
        same(s);
    }
    let alphabet = b"0123456789.eE+-_ infaINFAx";
    let mut next = rng(1);
    for _ in 0..200_000 {
        let len = (next() % 9) as usize;
        let s: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize] as char).collect();
        same(&s);
    }
}

#[test]
fn random_numbers_in_every_notation() {
    let mut next = rng(2);
    for _ in 0..20_000 {
        let x = f64::from_bits(next());
        if !x.is_finite() {
            continue;
        }
        for s in [
            format!("{x}"),
            format!("{x:?}"),
            format!("{x:e}"),
            format!("{x:.3e}"),
            format!("{x:.16e}"),
            format!("{x:.25e}"),
            format!("{:.3}", x / 1e300),
        ] {
            same(&s);
        }
    }
    // Digit strings of every length, a dot anywhere, exponents across the whole range.
    for _ in 0..50_000 {
        let n = 1 + (next() % 40) as usize;
        let mut s: String = (0..n).map(|_| char::from(b'0' + (next() % 10) as u8)).collect();
        if next() % 2 == 0 {
            s.insert((next() % (n as u64 + 1)) as usize, '.');
        }
        if next() % 3 > 0 {
            s += &format!("e{}", (next() % 800) as i64 - 400);
        }
        same(&s);
    }
    // Integers near and beyond 2^53, where halfway cases are common.
    for _ in 0..50_000 {
        let w = next() >> (next() % 12);
        same(&w.to_string());
        same(&((w as u128) << 40 | (next() as u128 & 0xff_ffff)).to_string());
        same(&format!("{w}e{}", (next() % 44) as i64 - 22));
    }
}

/// `a + b` for two decimal strings with the same number of decimals, no signs.
fn add(a: &str, b: &str) -> String {
    let width = a.len().max(b.len());
    let (a, b) = (format!("{a:0>width$}"), format!("{b:0>width$}"));
    let mut out = Vec::new();
    let mut carry = 0;
    for (x, y) in a.bytes().rev().zip(b.bytes().rev()) {
        if x == b'.' {
            out.push(b'.');
            continue;
        }
        let d = (x - b'0') + (y - b'0') + carry;
        out.push(b'0' + d % 10);
        carry = d / 10;
    }
    if carry > 0 {
        out.push(b'1');
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

/// `a / 2` for a decimal string whose last digit is 0 (so the result is exact).
fn half(a: &str) -> String {
    let mut rem = 0;
    a.bytes()
        .map(|c| {
            if c == b'.' {
                return '.';
            }
            let d = rem * 10 + (c - b'0');
            rem = d % 2;
            char::from(b'0' + d / 2)
        })
        .collect()
}

#[test]
fn halfway_points_and_their_neighbours() {
    let mut next = rng(3);
    let mut xs: Vec<f64> = vec![0.0, 5e-324, 1e-310, f64::from_bits((1 << 52) - 1), f64::MIN_POSITIVE, 1.0, 1e308];
    for _ in 0..1500 {
        // Every binary exponent equally likely, subnormals included.
        xs.push(f64::from_bits(next() % 0x7fef_ffff_ffff_ffff));
    }
    for x in xs {
        let up = f64::from_bits(x.to_bits() + 1);
        let ulp = up - x; // exact
        let mid = add(&format!("{x:.1075}"), &half(&format!("{ulp:.1075}")));
        let mid = mid.trim_end_matches('0');
        same(mid);
        same(&format!("{mid}1"));
        same(&format!("{mid}00000000000000000000000000000000000000000000000000"));
        // Above halfway only in a digit far past the 800 that are kept.
        same(&format!("{mid}{}1", "0".repeat(900)));
        same(&format!("{mid}e0"));
        // Just below: the halfway point with its last digit lowered and nines after it.
        let below = format!("{}{}9999999999", &mid[..mid.len() - 1], char::from(mid.as_bytes()[mid.len() - 1] - 1));
        same(&below);
        // Truncated to fewer significant digits.
        for keep in [17, 20, 30, 40, 770, 790, 800, 801, 810] {
            same(&mid[..keep.min(mid.len())]);
        }
    }
}
