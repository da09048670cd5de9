//! `f64` → text, byte for byte what `core::fmt` writes for `{}`, `{:.N}` and `{:e}`, without the
//! standard library's float printing: its Grisu and Dragon code with their tables
//! (`core::num::flt2dec`, ~17 KB) was the largest piece of formatting code in the wasm, for the
//! few numbers a chart writes (CSS pixels, tick years, the embed URL's range, the CSV download,
//! messages).
//!
//! One exact method, Dragon4 (Steele & White; `core`'s own fallback) without tables: the value as
//! a fraction r / s of big integers scaled below 1 gives its decimal digits one at a time, each
//! the integer part of 10 r / s, and
//! - `{:.N}` stops at 10^−N and rounds on the exact rest: to nearest, ties to even;
//! - `{}` and `{:e}` stop as soon as the number cut there, or one more in its last digit, lies
//!   inside the interval of numbers that read back as the same `f64` (its ends included when the
//!   float's mantissa is even, as reading rounds ties to even): the shortest digits; if both do,
//!   the closer one, ties up. Below a power of two the interval is half as wide as above it.
//!
//! Slower than `core` (a few microseconds a number), which does not matter here; the tests compare
//! both on millions of numbers. Integers still go through `core::fmt`, which is small.

use std::cmp::Ordering;
use std::fmt;

/// Writes its `f64` as `core` does: `{}` (shortest, never an exponent: `1e20` is
/// `100000000000000000000`, `1e-7` is `0.0000001`, `-0.0` is `-0`), `{:.N}` and `{:e}`. Width,
/// fill, `+` and `{:.Ne}` are not supported (nothing here uses them).
#[derive(Clone, Copy)]
pub struct Float(pub f64);

impl fmt::Display for Float {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&text(self.0, f.precision(), false))
    }
}

impl fmt::LowerExp for Float {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&text(self.0, None, true))
    }
}

/// `{}` (`decimals` None), `{:.N}` (Some(N)) or `{:e}` (`exp`, shortest only).
fn text(v: f64, decimals: Option<usize>, exp: bool) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    let mut s = String::from(if v.is_sign_negative() { "-" } else { "" });
    if v.is_infinite() {
        s.push_str("inf");
        return s;
    }
    // The digits of an integer d, and p: the value is d × 10^p.
    let (mut d, p) = if v == 0.0 && decimals.is_none() { (vec![0], 0) } else { digits(v, decimals) };
    let digit = |x: &u8| (b'0' + x) as char;
    if exp {
        s.push(digit(&d[0]));
        if d.len() > 1 {
            s.push('.');
            s.extend(d[1..].iter().map(digit));
        }
        s.push('e');
        s.push_str(&(p + d.len() as i64 - 1).to_string());
        return s;
    }
    // Zeros for a positive p, then at least one digit before the point.
    let frac = (-p).max(0) as usize;
    d.resize(d.len() + p.max(0) as usize, 0);
    let lead = (frac + 1).saturating_sub(d.len());
    for (i, x) in std::iter::repeat_n(&0, lead).chain(&d).enumerate() {
        if i == lead + d.len() - frac && frac > 0 {
            s.push('.');
        }
        s.push(digit(x));
    }
    s
}

/// A natural number in base 2^32, least significant limb first, without zero limbs on top.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn new(x: u64) -> Big {
        let mut b = Big(vec![x as u32, (x >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// self × f.
    fn mul(&mut self, f: u32) -> &mut Big {
        let mut carry = 0;
        for l in &mut self.0 {
            let x = *l as u64 * f as u64 + carry;
            *l = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self
    }

    /// self × base^n (nothing for n ≤ 0), for base 2 or 10.
    fn mul_pow(&mut self, base: u32, mut n: i64) {
        let (step, f) = if base == 2 { (31, 1 << 31) } else { (9, 1_000_000_000) };
        while n > 0 {
            self.mul(if n >= step { f } else { base.pow(n as u32) });
            n -= step;
        }
    }

    fn add(&self, other: &Big) -> Big {
        let mut sum = Big(Vec::new());
        let mut carry = 0;
        for i in 0..self.0.len().max(other.0.len()) {
            let x = *self.0.get(i).unwrap_or(&0) as u64 + *other.0.get(i).unwrap_or(&0) as u64 + carry;
            sum.0.push(x as u32);
            carry = x >> 32;
        }
        sum.0.push(carry as u32);
        sum.trim();
        sum
    }

    /// self − other, for other ≤ self.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0;
        for (i, l) in self.0.iter_mut().enumerate() {
            let x = *l as i64 - *other.0.get(i).unwrap_or(&0) as i64 - borrow;
            *l = x as u32;
            borrow = (x < 0) as i64;
        }
        self.trim();
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

/// The next digit of r / s < 1: r becomes the rest of 10 r / s.
fn next_digit(r: &mut Big, s: &Big) -> u8 {
    r.mul(10);
    let mut d = 0;
    while r.cmp(s) != Ordering::Less {
        r.sub(s);
        d += 1;
    }
    d
}

/// Adds one to the integer with the digits `d`.
fn increment(d: &mut Vec<u8>) {
    match d.iter().rposition(|&x| x < 9) {
        Some(i) => {
            d[i] += 1;
            d[i + 1..].fill(0);
        }
        None => {
            d.fill(0);
            d.insert(0, 1);
        }
    }
}

/// The digits d and the power p (|v| = d × 10^p) of a finite v: rounded to `decimals`, or the
/// shortest (module doc; v not zero, d then without a trailing zero).
fn digits(v: f64, decimals: Option<usize>) -> (Vec<u8>, i64) {
    let bits = v.to_bits();
    let (biased, frac) = ((bits >> 52 & 0x7ff) as i64, bits & ((1 << 52) - 1));
    // |v| = m × 2^e = 4m × 2^(e−2); the numbers that read back as v run from 4m − 2 (4m − 1 below a
    // power of two, where the next float down is half as far) to 4m + 2, times 2^(e−2).
    let (m, e) = if biased == 0 { (frac, -1074) } else { (frac | 1 << 52, biased - 1075) };
    // As integers: |v| = r / s × 10^k, and 2^(e−2) is unit / s × 10^k.
    let (mut r, mut s, mut unit) = (Big::new(4 * m), Big::new(1), Big::new(1));
    r.mul_pow(2, e - 2);
    unit.mul_pow(2, e - 2);
    s.mul_pow(2, 2 - e);
    // k: the smallest with |v| < 10^k, from ⌊log10 2^(bits of m + e − 1)⌋ + 1 (k or k − 1;
    // 1292913986 / 2^32 is log10 2 to 10 digits).
    let mut k = (((64 - m.leading_zeros() as i64 + e - 1) * 1_292_913_986) >> 32) + 1;
    s.mul_pow(10, k);
    r.mul_pow(10, -k);
    unit.mul_pow(10, -k);
    if r.cmp(&s) != Ordering::Less {
        s.mul(10);
        k += 1;
    }
    let mut d = Vec::new();
    if let Some(n) = decimals {
        // k + n digits, then the rest r / s decides, ties to even (none if k + n < 0: then
        // |v| < 10^(−n−1) rounds to 0).
        for _ in 0..k + n as i64 {
            d.push(next_digit(&mut r, &s));
        }
        let half = r.mul(2).cmp(&s);
        if k + n as i64 >= 0
            && (half == Ordering::Greater || (half == Ordering::Equal && d.last().is_some_and(|x| x % 2 == 1)))
        {
            increment(&mut d);
        }
        if d.is_empty() {
            d.push(0);
        }
        return (d, -(n as i64));
    }
    // Digits until the number cut there (down) or one more in its last digit (up) lies inside
    // the interval, its ends included for an even m; if both do, the closer, ties up.
    let (mut minus, mut plus) = (unit.clone(), unit);
    minus.mul(if frac == 0 && biased > 0 { 1 } else { 2 });
    plus.mul(2);
    let within = |o: Ordering| o == Ordering::Less || (o == Ordering::Equal && m % 2 == 0);
    loop {
        d.push(next_digit(&mut r, &s));
        minus.mul(10);
        plus.mul(10);
        let down = within(r.cmp(&minus));
        let up = within(s.cmp(&r.add(&plus)));
        if down || up {
            let p = k - d.len() as i64;
            if up && (!down || r.mul(2).cmp(&s) != Ordering::Less) {
                increment(&mut d);
            }
            let zeros = d.iter().rev().take_while(|&&x| x == 0).count();
            d.truncate(d.len() - zeros);
            return (d, p + zeros as i64);
        }
    }
}

#[cfg(test)]
mod tests;
