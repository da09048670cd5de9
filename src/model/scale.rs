//! Linear scales: value → pixel and back. Hover and zoom use [`LinearScale::invert`] on the same
//! scale the drawing used, so a pixel always maps to the value drawn there.

/// Maps the domain `[d0, d1]` onto the pixel range `[r0, r1]` (r1 may be smaller than r0, as on a y axis).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl LinearScale {
    /// A degenerate domain (d0 == d1) is widened by ±0.5 so nothing divides by zero.
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Self {
        let (d0, d1) = if (d1 - d0).abs() < f64::EPSILON { (d0 - 0.5, d1 + 0.5) } else { (d0, d1) };
        LinearScale { d0, d1, r0, r1 }
    }
    #[inline(always)]
    pub fn map(&self, v: f64) -> f64 {
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
    pub fn invert(&self, px: f64) -> f64 {
        self.d0 + (px - self.r0) / (self.r1 - self.r0) * (self.d1 - self.d0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_and_invert_are_inverse() {
        let s = LinearScale::new(1971.0, 2023.0, 60.0, 860.0);
        assert_eq!(s.map(1971.0), 60.0);
        assert_eq!(s.map(2023.0), 860.0);
        for v in [1971.0, 1990.5, 2023.0] {
            assert!((s.invert(s.map(v)) - v).abs() < 1e-9);
        }
        let y = LinearScale::new(0.0, 1.0, 400.0, 20.0);
        assert_eq!(y.map(0.25), 305.0);
        assert!((y.invert(305.0) - 0.25).abs() < 1e-12);
    }

    #[test]
    fn degenerate_domain_is_widened() {
        let s = LinearScale::new(5.0, 5.0, 0.0, 100.0);
        assert_eq!(s.map(5.0), 50.0);
    }
}
