//! Light and dark themes with a colour-blind-safe series palette (Okabe–Ito), tuned per theme.
//! Russia and China series are told apart by hue *and* by dash and marker shape, never by
//! red/green alone.

/// An sRGB colour.
pub type Rgb = (u8, u8, u8);

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub dark: bool,
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub axis: Rgb,
    pub crosshair: Rgb,
    pub series: [Rgb; 8],
}

impl Theme {
    pub fn light() -> Theme {
        Theme {
            dark: false,
            background: (255, 255, 255),
            text: (26, 26, 26),
            muted: (94, 94, 94),
            grid: (228, 228, 228),
            axis: (150, 150, 150),
            crosshair: (120, 120, 120),
            // Okabe–Ito: vermillion, blue, bluish green, reddish purple, orange, sky blue, then
            // dark grey and a darkened yellow (Okabe–Ito yellow is too light on white).
            series: [
                (213, 94, 0),
                (0, 114, 178),
                (0, 158, 115),
                (204, 121, 167),
                (230, 159, 0),
                (86, 180, 233),
                (80, 80, 80),
                (168, 150, 0),
            ],
        }
    }
    pub fn dark() -> Theme {
        Theme {
            dark: true,
            background: (24, 26, 31),
            text: (236, 236, 236),
            muted: (170, 170, 170),
            grid: (58, 61, 68),
            axis: (110, 110, 110),
            crosshair: (170, 170, 170),
            series: [
                (255, 128, 56),
                (86, 180, 233),
                (46, 204, 150),
                (230, 150, 200),
                (240, 190, 60),
                (150, 210, 250),
                (200, 200, 200),
                (240, 228, 66),
            ],
        }
    }
    pub fn series_color(&self, i: usize) -> Rgb {
        self.series[i % self.series.len()]
    }
    /// `#rrggbb`, for CSS.
    pub fn css(c: Rgb) -> String {
        format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
    }
}
