//! Decimal text → `f64`, exactly as `str::parse::<f64>` does it (same grammar, same correctly
//! rounded result), without the standard library's Eisel–Lemire table: its 10 KB of powers of five
//! do not compress and were the largest single piece of the wasm after the bundled data.
//!
//! Three ways to the nearest `f64`, cheapest first:
//! 1. Clinger's fast path: at most 2^53 as the digits' integer and a power of ten up to 10^22 are
//!    both exact `f64`s, so one multiplication or division rounds once (data like `12.345`).
//! 2. Up to 19 digits with a small exponent: exact `u128` integer arithmetic.
//! 3. Anything else (long digit strings, far exponents, subnormals): exact big-integer division.

use std::cmp::Ordering;

/// `s.parse::<f64>().ok()`: an optional sign, then `inf`, `infinity` or `nan` (any case), or
/// digits with an optional `.` (at least one digit) and an optional exponent (`e`/`E`, optional
/// sign, at least one digit).
pub fn parse(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (negative, b) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let v = if b.eq_ignore_ascii_case(b"inf") || b.eq_ignore_ascii_case(b"infinity") {
        f64::INFINITY
    } else if b.eq_ignore_ascii_case(b"nan") {
        f64::NAN
    } else {
        magnitude(b)?
    };
    Some(if negative { -v } else { v })
}

/// Significant digits kept: a halfway point between two `f64`s has at most 767, so the first 800
/// and whether any later digit is not zero decide the rounding.
const MAX_DIGITS: usize = 800;

/// 10^0 ..= 10^22, each an exact `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// An unsigned number in the grammar above, to the nearest `f64`.
fn magnitude(b: &[u8]) -> Option<f64> {
    // The significant digits (leading zeros dropped) as an integer, exact up to 19 of them, and
    // the power of ten of the last one.
    let (mut w, mut n, mut e10, mut seen, mut dot) = (0u64, 0i64, 0i64, false, false);
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            c @ b'0'..=b'9' => {
                seen = true;
                if n > 0 || c != b'0' {
                    n += 1;
                    w = w.wrapping_mul(10).wrapping_add((c - b'0') as u64);
                }
                e10 -= dot as i64;
            }
            b'.' if !dot => dot = true,
            _ => break,
        }
        i += 1;
    }
    if !seen {
        return None;
    }
    let mantissa = &b[..i];
    if i < b.len() {
        if !matches!(b[i], b'e' | b'E') {
            return None;
        }
        i += 1;
        let negative = b.get(i) == Some(&b'-');
        i += matches!(b.get(i), Some(b'-' | b'+')) as usize;
        let start = i;
        let mut exp = 0i64;
        while let Some(c @ b'0'..=b'9') = b.get(i) {
            // Saturates far beyond any exponent that still changes the result.
            if exp < 1 << 40 {
                exp = exp * 10 + (c - b'0') as i64;
            }
            i += 1;
        }
        if i == start || i < b.len() {
            return None;
        }
        e10 += if negative { -exp } else { exp };
    }
    if n == 0 || e10 + n <= -324 {
        return Some(0.0); // below 10^-324, under half the smallest subnormal
    }
    if e10 + n >= 310 {
        return Some(f64::INFINITY); // at least 10^309
    }
    if n <= 19 {
        if w < 1 << 53 && (-22..=22).contains(&e10) {
            let p = POW10[e10.unsigned_abs() as usize];
            return Some(if e10 < 0 { w as f64 / p } else { w as f64 * p });
        }
        if (0..=19).contains(&e10) {
            // Below 10^38 < 2^128; the conversion rounds to nearest, ties to even.
            return Some((w as u128 * 10u128.pow(e10 as u32)) as f64);
        }
        if (-21..0).contains(&e10) {
            // w / 10^k with 10^k < 2^70: scaled so the quotient has 55 or 56 bits, all in u128.
            let d = 10u128.pow(-e10 as u32);
            let s = 55 + bits128(d) - bits128(w as u128);
            let (num, den) = if s >= 0 { ((w as u128) << s, d) } else { (w as u128, d << -s) };
            return Some(assemble((num / den) as u64, num % den != 0, -s));
        }
    }
    // The first MAX_DIGITS significant digits; a nonzero digit after them becomes a final 1, which
    // lies strictly between the kept value and the next one up, as the true value does.
    let mut digits = mantissa.iter().filter(|c| c.is_ascii_digit()).skip_while(|&&c| c == b'0').map(|c| c - b'0');
    let mut kept: Vec<u8> = digits.by_ref().take(MAX_DIGITS).collect();
    e10 += n - kept.len() as i64;
    if digits.any(|d| d != 0) {
        kept.push(1);
        e10 -= 1;
    }
    Some(slow(&kept, e10))
}

fn bits128(x: u128) -> i64 {
    128 - x.leading_zeros() as i64
}

/// digits × 10^e10 by exact division of big integers: P / Q with P = digits × 10^max(e10, 0) and
/// Q = 10^max(−e10, 0), one of them shifted so that the quotient has 55 or 56 bits.
fn slow(digits: &[u8], e10: i64) -> f64 {
    let mut p = Big(Vec::new());
    for &d in digits {
        p.mul_add(10, d as u32);
    }
    let mut q = Big(vec![1]);
    let big_pow10 = if e10 >= 0 { &mut p } else { &mut q };
    for _ in 0..e10.unsigned_abs() {
        big_pow10.mul_add(10, 0);
    }
    let s = 55 + q.bits() - p.bits();
    if s >= 0 {
        p = p.shl(s as usize);
    } else {
        q = q.shl(-s as usize);
    }
    let mut quotient = 0u64;
    for bit in (0..56).rev() {
        let t = q.shl(bit);
        if p.cmp(&t) != Ordering::Less {
            p.sub(&t);
            quotient |= 1 << bit;
        }
    }
    assemble(quotient, !p.0.is_empty(), -s)
}

/// (q + f) × 2^e2 to the nearest `f64`, ties to even, where q ≥ 2^54 and the fraction f ∈ [0, 1)
/// is nonzero exactly when `sticky`: subnormal results round at 2^-1074, overflow is infinity.
fn assemble(q: u64, sticky: bool, e2: i64) -> f64 {
    let shift = (64 - q.leading_zeros() as i64 - 53).max(-1074 - e2);
    if shift >= 64 {
        return 0.0; // q < 2^56 is under half of 2^shift
    }
    let (m, rest, half) = (q >> shift, q & ((1 << shift) - 1), 1u64 << (shift - 1));
    let m = m + (rest > half || (rest == half && (sticky || m & 1 == 1))) as u64;
    // m × 2^e with m ≤ 2^53: the exponent field counts from 2^-1074, and a carry out of 52 bits
    // of m moves into it, as it should.
    let e = e2 + shift + 1074;
    if e >= 2047 {
        return f64::INFINITY;
    }
    let bits = ((e as u64) << 52) + m;
    if bits >= f64::INFINITY.to_bits() {
        f64::INFINITY
    } else {
        f64::from_bits(bits)
    }
}

/// A natural number, 32-bit limbs, least significant first, no leading zero limbs.
struct Big(Vec<u32>);

impl Big {
    /// self × m + a.
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = a as u64;
        for limb in &mut self.0 {
            let x = *limb as u64 * m as u64 + carry;
            *limb = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn bits(&self) -> i64 {
        self.0.last().map_or(0, |top| 32 * self.0.len() as i64 - top.leading_zeros() as i64)
    }

    fn shl(&self, n: usize) -> Big {
        let (limbs, bits) = (n / 32, n % 32);
        let mut out = vec![0u32; limbs];
        let mut carry = 0u32;
        for &limb in &self.0 {
            out.push(limb << bits | carry);
            carry = if bits == 0 { 0 } else { limb >> (32 - bits) };
        }
        if carry > 0 {
            out.push(carry);
        }
        Big(out)
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// self − other, for other ≤ self.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let x = *limb as i64 - other.0.get(i).copied().unwrap_or(0) as i64 - borrow;
            *limb = x as u32;
            borrow = (x < 0) as i64;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
}

#[cfg(test)]
mod tests;
