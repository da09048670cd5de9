//! One stable sort for every chart. `slice::sort_by` is generic: each element type that charts
//! sort (periods, table rows, markers, vote marks, square orders) gets its own copy of the standard
//! library's driftsort and small-sort networks. Here only two small closures are generic; the merge
//! sort itself runs once, on indices, through `&dyn`. Measured on 2026-12-04: `slice::sort_by` at
//! the five call sites makes the wasm 5.2 KB gzip larger (279,343 against 274,190 bytes).
//!
//! A stable sort has exactly one result for a given order, so this sorts exactly as
//! `slice::sort_by` does; `sorts_exactly_as_the_standard_stable_sort` checks it against the
//! standard library on random data. Already-sorted runs (the usual case: data comes in period
//! order) are merged in linear time.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, like `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order(v.len(), &|a, b| cmp(&v[a], &v[b]) == Ordering::Less);
    permute(order, &mut |a, b| v.swap(a, b));
}

/// The indices `0..n` in stable sorted order (`less(a, b)`: item `a` goes strictly before `b`):
/// a bottom-up merge sort that takes from the right run only when strictly less.
fn order(n: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = a.clone();
    let mut width = 1;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            let in_order = mid == hi || !less(a[mid], a[mid - 1]);
            for slot in &mut b[lo..hi] {
                if !in_order && j < hi && (i == mid || less(a[j], a[i])) {
                    *slot = a[j];
                    j += 1;
                } else {
                    *slot = a[i];
                    i += 1;
                }
            }
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Rearranges through `swap` so that position `i` holds what was at `order[i]`, cycle by cycle.
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut pos = start;
        while order[pos] != usize::MAX {
            let next = std::mem::replace(&mut order[pos], usize::MAX);
            if next == start {
                break;
            }
            swap(pos, next);
            pos = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no dependency.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (x >> 33) % range
            })
            .collect()
    }

    #[test]
    fn sorts_exactly_as_the_standard_stable_sort() {
        for n in [0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 100, 1000, 4097] {
            for (seed, range) in [(1, 3), (2, 10), (3, 1000), (4, 1 << 40)] {
                // (key, original position): equal keys must keep their order.
                let items: Vec<(u64, usize)> = numbers(seed, n, range).into_iter().zip(0..).collect();
                let mut want = items.clone();
                want.sort_by_key(|a| a.0);
                let mut got = items.clone();
                sort_by(&mut got, |a, b| a.0.cmp(&b.0));
                assert_eq!(got, want, "n {n}, seed {seed}");
                let mut sorted = want.clone();
                sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
                assert_eq!(sorted, want, "already sorted, n {n}");
                let mut rev = want.clone();
                rev.reverse();
                let mut want_rev = rev.clone();
                want_rev.sort_by_key(|a| a.0);
                sort_by(&mut rev, |a, b| a.0.cmp(&b.0));
                assert_eq!(rev, want_rev, "reversed, n {n}");
            }
        }
    }

    #[test]
    fn sorts_floats_and_strings() {
        let mut v = vec![(2.5, "b"), (f64::NAN, "n"), (-0.0, "z"), (0.0, "a"), (2.5, "a"), (-1.0, "m")];
        let mut want = v.clone();
        want.sort_by(|a, b| a.0.total_cmp(&b.0));
        sort_by(&mut v, |a, b| a.0.total_cmp(&b.0));
        assert_eq!(format!("{v:?}"), format!("{want:?}"));
    }
}
