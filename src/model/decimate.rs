//! Per-pixel-column decimation of a polyline, so the picture is the same and the canvas strokes
//! far fewer segments.
//!
//! The painter rounds every point to a device pixel (`(v × scale).round()`), so all the points of
//! a run that fall in one device-pixel column draw vertical segments at the same x. For a 2D canvas
//! stroke (butt caps, miter joins, zero-length segments ignored) what such a column contributes is
//! fixed by a few of its points:
//! - the vertical extent: the rounded minimum and maximum;
//! - the joins with the neighbouring columns: the first and last point, the first point whose
//!   rounded y differs from the first (the direction the path leaves the first point in) and the
//!   last point before the end whose rounded y differs from the last (the direction it arrives
//!   in). Every other vertex joins two vertical segments, collinear or reversed, which adds no area.
//!
//! [`columns`] keeps exactly those (at most six per column, in their original order), so the
//! stroked outline covers the same region. Checked: plotters' bitmap backend gives identical pixels
//! for 1 px lines (`tests/decimate_pixels.rs`); on a browser canvas Skia antialiases the simpler
//! outline a little differently at a few join pixels (≤ 0.1 % of inked pixels,
//! `tests/web_decimate.rs`). Hover and tooltips keep using the full-resolution points.

use super::LinearScale;
use std::borrow::Cow;

/// Most points [`columns`] keeps per device-pixel column.
pub const MAX_PER_COLUMN: usize = 6;

/// Runs with at most this many points per spanned column are returned as they are (nothing to
/// gain; it also keeps the SVG output of small charts byte-identical).
const MIN_DENSITY: usize = 4;

#[inline(always)]
fn key(v: f64, scale: f64) -> i32 {
    // Exactly the painter's rounding (Painter::px).
    crate::render::round_px(v * scale)
}

/// Points by index: a list of positions, or data mapped to positions when asked ([`Mapped`]).
/// The accessors are inlined into the one loop over every point.
pub trait Coords {
    fn count(&self) -> usize;
    fn x(&self, i: usize) -> f64;
    fn y(&self, i: usize) -> f64;
}

impl Coords for [(f64, f64)] {
    #[inline(always)]
    fn count(&self) -> usize {
        self.len()
    }
    #[inline(always)]
    fn x(&self, i: usize) -> f64 {
        self[i].0
    }
    #[inline(always)]
    fn y(&self, i: usize) -> f64 {
        self[i].1
    }
}

/// Times and values (equally long) through the chart's two scales: a chart hands its data over
/// as it is instead of keeping a list of every point's position.
pub struct Mapped<'a> {
    pub ts: &'a [f64],
    pub vs: &'a [f64],
    pub xs: LinearScale,
    pub ys: LinearScale,
}

impl Coords for Mapped<'_> {
    #[inline(always)]
    fn count(&self) -> usize {
        self.ts.len().min(self.vs.len())
    }
    #[inline(always)]
    fn x(&self, i: usize) -> f64 {
        self.xs.map(self.ts[i])
    }
    #[inline(always)]
    fn y(&self, i: usize) -> f64 {
        self.ys.map(self.vs[i])
    }
}

/// The points of `points` (CSS px, in drawing order) that determine how it is stroked at `scale`
/// device pixels per CSS pixel: per device-pixel column the first, last, lowest and highest point
/// and the two points that give the directions at the ends. Sparse runs are returned unchanged.
pub fn columns(points: &[(f64, f64)], scale: f64) -> Cow<'_, [(f64, f64)]> {
    if sparse(points, scale) {
        return Cow::Borrowed(points);
    }
    Cow::Owned(decimated(points, scale))
}

/// [`columns`] of any [`Coords`], as a list.
pub fn columns_of<C: Coords + ?Sized>(points: &C, scale: f64) -> Vec<(f64, f64)> {
    if sparse(points, scale) {
        return (0..points.count()).map(|i| (points.x(i), points.y(i))).collect();
    }
    decimated(points, scale)
}

/// Too few points per spanned column to gain anything (or none at all).
fn sparse<C: Coords + ?Sized>(points: &C, scale: f64) -> bool {
    let n = points.count();
    if n == 0 {
        return true;
    }
    let span = (key(points.x(n - 1), scale) as i64 - key(points.x(0), scale) as i64).unsigned_abs() as usize + 1;
    n <= MIN_DENSITY * span
}

/// One pass over the points, a rounded x and y per point: each device-pixel column is summed up
/// as it goes by ([`Column`]) and its kept points appended when the next column starts.
fn decimated<C: Coords + ?Sized>(points: &C, scale: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    let mut col = Column::new(0, key(points.x(0), scale), key(points.y(0), scale));
    for piece in super::chunks::pieces(1, points.count()) {
        walk(points, scale, piece, &mut col, &mut out);
    }
    col.keep(points, &mut out);
    out
}

/// The pass over one piece of the points ([`super::chunks`]: later pieces of a first big chart
/// run optimised code).
#[inline(never)]
fn walk<C: Coords + ?Sized>(
    points: &C,
    scale: f64,
    piece: std::ops::Range<usize>,
    col: &mut Column,
    out: &mut Vec<(f64, f64)>,
) {
    for i in piece {
        let (kx, ky) = (key(points.x(i), scale), key(points.y(i), scale));
        if kx == col.kx {
            col.push(i, ky);
        } else {
            col.keep(points, out);
            *col = Column::new(i, kx, ky);
        }
    }
}

/// The points of one device-pixel column seen so far (indices; rounded y as `i32`).
struct Column {
    kx: i32,
    start: usize,
    end: usize,
    y_first: i32,
    /// First lowest and first highest point.
    lo: (usize, i32),
    hi: (usize, i32),
    /// First point whose y differs from the first one's: the direction the path leaves in.
    leave: Option<usize>,
    /// Start of the last stretch of equal y: the point before it is where the path arrives from.
    run: (usize, i32),
}

impl Column {
    fn new(i: usize, kx: i32, ky: i32) -> Column {
        Column { kx, start: i, end: i + 1, y_first: ky, lo: (i, ky), hi: (i, ky), leave: None, run: (i, ky) }
    }

    #[inline(always)]
    fn push(&mut self, i: usize, ky: i32) {
        self.end = i + 1;
        if ky < self.lo.1 {
            self.lo = (i, ky);
        }
        if ky > self.hi.1 {
            self.hi = (i, ky);
        }
        if self.leave.is_none() && ky != self.y_first {
            self.leave = Some(i);
        }
        if ky != self.run.1 {
            self.run = (i, ky);
        }
    }

    /// Appends the points that fix the column's stroke, in their order, each once.
    fn keep<C: Coords + ?Sized>(&self, points: &C, out: &mut Vec<(f64, f64)>) {
        let at = |i: usize| (points.x(i), points.y(i));
        if self.end - self.start <= 2 {
            out.extend((self.start..self.end).map(at));
            return;
        }
        let arrive = (self.run.0 > self.start).then(|| self.run.0 - 1);
        let mut keep = [Some(self.start), self.leave, Some(self.lo.0), Some(self.hi.0), arrive, Some(self.end - 1)];
        keep.sort_unstable();
        let mut prev = None;
        for i in keep.into_iter().flatten() {
            if prev != Some(i) {
                out.push(at(i));
                prev = Some(i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A seeded random walk of `n` points over `width` CSS px.
    fn walk(n: usize, width: f64, seed: u64) -> Vec<(f64, f64)> {
        let mut s = seed;
        let mut y = 250.0;
        (0..n)
            .map(|i| {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                y = (y + ((s >> 33) as f64 / (1u64 << 31) as f64 - 0.5) * 6.0).clamp(5.0, 495.0);
                (10.0 + width * i as f64 / n as f64, y)
            })
            .collect()
    }

    #[test]
    fn sparse_runs_are_returned_unchanged() {
        let pts = walk(300, 800.0, 1);
        assert!(matches!(columns(&pts, 1.0), Cow::Borrowed(_)));
        assert!(matches!(columns(&pts[..1], 2.0), Cow::Borrowed(_)));
        assert!(matches!(columns(&[], 1.0), Cow::Borrowed(_)));
    }

    #[test]
    fn keeps_at_most_six_points_per_column_in_order_with_first_last_min_max() {
        for scale in [1.0, 1.5, 2.0, 3.0] {
            let pts = walk(55_550, 1100.0, 7);
            let out = columns(&pts, scale);
            assert!(
                out.len() <= (1100.0 * scale + 1.0) as usize * MAX_PER_COLUMN,
                "reduced: {} of {}",
                out.len(),
                pts.len()
            );
            assert_eq!(out.first(), pts.first());
            assert_eq!(out.last(), pts.last());
            // A subsequence of the input, in order.
            let mut it = pts.iter();
            for p in out.iter() {
                assert!(it.any(|q| q == p), "kept points are input points, in order");
            }
            // Per column: bounded count, same rounded extent as the input.
            use std::collections::BTreeMap;
            let mut by_col: BTreeMap<i32, (usize, i32, i32)> = BTreeMap::new();
            for p in out.iter() {
                let e = by_col.entry(key(p.0, scale)).or_insert((0, i32::MAX, i32::MIN));
                *e = (e.0 + 1, e.1.min(key(p.1, scale)), e.2.max(key(p.1, scale)));
            }
            let mut full: BTreeMap<i32, (i32, i32)> = BTreeMap::new();
            for p in &pts {
                let e = full.entry(key(p.0, scale)).or_insert((i32::MAX, i32::MIN));
                *e = (e.0.min(key(p.1, scale)), e.1.max(key(p.1, scale)));
            }
            assert_eq!(by_col.len(), full.len(), "every column is kept");
            for (k, (n, lo, hi)) in &by_col {
                assert!(*n <= MAX_PER_COLUMN, "column {k}: {n} points");
                assert_eq!((*lo, *hi), full[k], "column {k}: same vertical extent");
            }
        }
    }

    /// The rule written plainly, column by column (the implementation does it in one pass).
    fn reference(points: &[(f64, f64)], scale: f64) -> Vec<(f64, f64)> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < points.len() {
            let kx = key(points[start].0, scale);
            let end = start + points[start..].iter().take_while(|p| key(p.0, scale) == kx).count();
            let col = &points[start..end];
            let ky = |i: usize| key(col[i].1, scale);
            let n = col.len();
            let lo = (0..n).min_by_key(|&i| (ky(i), i)).unwrap();
            let hi = (0..n).max_by_key(|&i| (ky(i), std::cmp::Reverse(i))).unwrap();
            let leave = (1..n).find(|&i| ky(i) != ky(0));
            let arrive = (0..n - 1).rev().find(|&i| ky(i) != ky(n - 1));
            let mut keep: Vec<usize> =
                [Some(0), leave, Some(lo), Some(hi), arrive, Some(n - 1)].into_iter().flatten().collect();
            keep.sort_unstable();
            keep.dedup();
            out.extend(keep.into_iter().map(|i| col[i]));
            start = end;
        }
        out
    }

    #[test]
    fn one_pass_keeps_what_the_plain_rule_keeps() {
        for (n, scale, step) in [(3_000, 1.0, 0.0), (20_000, 2.0, 0.0), (9_000, 1.5, 0.5), (50_000, 1.0, 1.0)] {
            let mut pts = walk(n, 600.0, n as u64);
            if step > 0.0 {
                // Coarse y: many equal neighbours, so the leave and arrive rules matter.
                pts.iter_mut().for_each(|p| p.1 = (p.1 / step).round() * step);
            }
            assert_eq!(decimated(&pts[..], scale), reference(&pts, scale), "{n} at {scale}");
        }
    }

    #[test]
    fn points_made_on_demand_decimate_like_a_list() {
        for (n, scale) in [(0, 1.0), (1, 1.0), (40, 1.0), (5_000, 1.0), (20_000, 2.0), (3_000, 1.5)] {
            let pts = walk(n, 600.0, 7 + n as u64);
            let (ts, vs): (Vec<f64>, Vec<f64>) = pts.iter().copied().unzip();
            let identity = LinearScale::new(0.0, 1.0, 0.0, 1.0);
            let made = columns_of(&Mapped { ts: &ts, vs: &vs, xs: identity, ys: identity }, scale);
            assert_eq!(made, columns(&pts, scale).into_owned(), "{n} points at {scale}");
        }
    }

    #[test]
    fn keeps_the_directions_at_both_ends_of_a_column() {
        // One column (x rounds to 5): first 10, leaves upward to 12, dips to 3, peaks at 20,
        // arrives at the last point (8) from 9 (downward).
        let ys = [10.0, 10.2, 12.0, 3.0, 7.0, 20.0, 15.0, 9.0, 8.0, 8.1];
        let col: Vec<(f64, f64)> = ys.iter().map(|&y| (5.0, y)).collect();
        let out = decimated(&col[..], 1.0);
        let kept: Vec<f64> = out.iter().map(|p| p.1).collect();
        assert_eq!(kept, vec![10.0, 12.0, 3.0, 20.0, 9.0, 8.1]);
        // A flat column keeps its two ends.
        let flat = [(5.0, 4.0), (5.0, 4.2), (5.0, 3.9), (5.0, 4.1)];
        assert_eq!(decimated(&flat[..], 1.0), vec![(5.0, 4.0), (5.0, 4.1)]);
    }
}
