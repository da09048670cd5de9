//! Tier tiles: the Common High Priority List as one section per tier (heading with the count, in
//! the tier's colour), each HS-6 code a tile with its code as text, wrapped to the width.
//!
//! [`TierChart::new`] picks the roomiest layout that fits the body (headings above the tiles at
//! 12 px; smaller type; headings in a column at the left) by measuring every text, and computes
//! every tile once; `draw`, `draw_hover`, `hit` and `tooltip` read that geometry. If even the
//! smallest layout cannot hold every tile, the rest are counted in a line, never cut.

use super::chrome::{series_entries, Chrome, Rect, LABEL_SIZE};
use super::vote::contrast_ink;
use super::ChartKind;
use super::{Frame, Tooltip, TooltipRow};
use crate::data::Dataset;
use crate::error::Result;
use crate::model::locale::{Locale, Text};
use crate::render::{Anchor, Painter, Rgb, Surface};

/// How roomy a layout is.
#[derive(Debug, Clone, Copy)]
struct Style {
    size: f64,
    tile_h: f64,
    pad: f64,
    gap: f64,
    /// Headings in a column left of the tiles (else above them).
    inline: bool,
}

const STYLES: [Style; 6] = [
    Style { size: 12.0, tile_h: 22.0, pad: 8.0, gap: 5.0, inline: false },
    Style { size: 11.0, tile_h: 19.0, pad: 6.0, gap: 4.0, inline: false },
    Style { size: 11.0, tile_h: 19.0, pad: 6.0, gap: 4.0, inline: true },
    Style { size: 10.0, tile_h: 16.0, pad: 4.0, gap: 3.0, inline: true },
    Style { size: 9.0, tile_h: 14.0, pad: 3.0, gap: 2.0, inline: true },
    Style { size: 8.0, tile_h: 12.0, pad: 2.0, gap: 2.0, inline: true },
];
const HEAD_SIZE: f64 = 13.0;
const HEAD_LINE: f64 = 19.0;
const SECTION_GAP: f64 = 8.0;

#[derive(Debug, Clone)]
struct Tile {
    series: usize,
    rect: Rect,
    code: String,
    /// Left x of the code.
    text_x: f64,
    note: Option<String>,
    source: String,
}

#[derive(Debug, Clone)]
struct Section {
    heading: String,
    /// Top-left of the heading; it is drawn at `size` (inline) or `HEAD_SIZE` (above).
    at: (f64, f64),
}

#[derive(Debug, Clone)]
pub struct TierChart {
    chrome: Chrome,
    style: Style,
    sections: Vec<Section>,
    tiles: Vec<Tile>,
    series: Vec<(String, Rgb)>,
    more: Option<((f64, f64), String)>,
    empty: Option<String>,
    summary: String,
}

impl ChartKind for TierChart {
    fn new(ds: &Dataset, frame: &Frame, hidden: &[bool]) -> TierChart {
        let l = frame.locale;
        let theme = frame.theme.clone();
        let is_hidden = |i: usize| hidden.get(i).copied().unwrap_or(false);
        let m = &*frame.measure;
        let entries = series_entries(ds, hidden, |i| theme.series_color(i));
        let chrome = Chrome::new(ds, frame, entries, "");
        let (bx0, by0, bx1, by1) = chrome.body;
        let visible: Vec<usize> =
            (0..ds.series.len()).filter(|&i| !is_hidden(i) && !ds.series[i].points.is_empty()).collect();
        let code_of = |p: &crate::data::PointRef| p.label.map_or_else(|| p.period.to_string(), str::to_string);
        // Headings above the tiles ("Tier 1 · 4 codes") and in a column beside them ("Tier 1 · 4").
        let headings: Vec<(String, String)> = visible
            .iter()
            .map(|&i| {
                let (label, n) = (&ds.series[i].label, ds.series[i].points.len());
                let key = if n == 1 { Text::TierCodesOne } else { Text::TierCodesMany };
                (l.say(key, &[label, &l.count(n)]), format!("{label} · {}", l.count(n)))
            })
            .collect();

        // One pass of a style: where every heading and tile goes, and the height used.
        let place = |st: &Style| {
            let tile_w = visible
                .iter()
                .flat_map(|&i| ds.series[i].points.iter().map(|p| m.width(&code_of(&p), st.size, false)))
                .fold(0.0, f64::max)
                + 2.0 * st.pad;
            let head_w = headings.iter().map(|h| m.width(&h.1, st.size, true)).fold(0.0, f64::max);
            let section_gap = if st.inline { st.gap + 3.0 } else { SECTION_GAP };
            let tiles_x0 = if st.inline { bx0 + head_w + 10.0 } else { bx0 };
            let per_row = (((bx1 - tiles_x0) + st.gap) / (tile_w + st.gap)).floor().max(1.0) as usize;
            let mut y = by0;
            let mut sections = Vec::new();
            let mut tiles = Vec::new();
            for (k, &i) in visible.iter().enumerate() {
                let heading =
                    headings.get(k).map(|h| if st.inline { h.1.clone() } else { h.0.clone() }).unwrap_or_default();
                if st.inline {
                    let mid_first_row = y + st.tile_h / 2.0 - st.size / 2.0;
                    sections.push(Section { heading, at: (bx0, mid_first_row) });
                } else {
                    sections.push(Section { heading, at: (bx0, y) });
                    y += HEAD_LINE;
                }
                let pts = &ds.series[i].points;
                for (n, p) in pts.iter().enumerate() {
                    let (r, c) = ((n / per_row) as f64, (n % per_row) as f64);
                    let x = tiles_x0 + c * (tile_w + st.gap);
                    let ty = y + r * (st.tile_h + st.gap);
                    let code = code_of(&p);
                    let tw = m.width(&code, st.size, false);
                    tiles.push(Tile {
                        series: i,
                        rect: (x, ty, x + tile_w, ty + st.tile_h),
                        text_x: x + (tile_w - tw) / 2.0,
                        code,
                        note: p.note.map(str::to_string),
                        source: p.source.to_string(),
                    });
                }
                let rows = pts.len().div_ceil(per_row) as f64;
                y += rows * (st.tile_h + st.gap) - st.gap + section_gap;
            }
            let right = tiles.iter().map(|t: &Tile| t.rect.2).fold(bx0, f64::max);
            (sections, tiles, right, (y - section_gap - by0).max(0.0))
        };
        let body_h = by1 - by0;
        let (style, (mut sections, mut tiles, _, _)) = STYLES
            .iter()
            .map(|st| (*st, place(st)))
            .find(|(_, placed)| placed.3 <= body_h && placed.2 <= bx1)
            .unwrap_or_else(|| {
                let st = STYLES[STYLES.len() - 1];
                (st, place(&st))
            });
        // What does not fit even the smallest layout is counted, not cut.
        let mut more = None;
        if tiles.iter().any(|t| t.rect.3 > by1 || t.rect.2 > bx1) {
            let limit = by1 - (style.size + 8.0);
            let before = tiles.len();
            tiles.retain(|t| t.rect.3 <= limit && t.rect.2 <= bx1);
            sections.retain(|s| s.at.1 + style.size <= limit);
            let text = l.say(Text::MoreCodes, &[&l.count(before - tiles.len())]);
            more = Some(((bx0, limit + 4.0), text));
        }
        let empty = if ds.point_count() == 0 {
            Some(l.text(Text::NoCodes).to_string())
        } else if visible.is_empty() {
            Some(l.text(Text::EveryTierHidden).to_string())
        } else {
            None
        };
        let series = ds.series.iter().enumerate().map(|(i, s)| (s.label.clone(), theme.series_color(i))).collect();
        let summary = summarize(ds, &visible, l);
        TierChart { chrome, style, sections, tiles, series, more, empty, summary }
    }

    fn draw<S: Surface + ?Sized>(&self, p: &mut Painter<S>) -> Result<()> {
        let t = &self.chrome.theme;
        if let Some(msg) = &self.empty {
            return self.chrome.draw_message(p, msg);
        }
        self.chrome.draw(p)?;
        let head_size = if self.style.inline { self.style.size } else { HEAD_SIZE };
        for s in &self.sections {
            p.text(&s.heading, s.at, head_size, t.text, Anchor::LeftTop, true)?;
        }
        for tile in &self.tiles {
            let color = self.series.get(tile.series).map_or(t.muted, |s| s.1);
            let r = tile.rect;
            p.fill_rect((r.0, r.1), (r.2, r.3), color)?;
            let mid = (r.1 + r.3) / 2.0;
            p.text(&tile.code, (tile.text_x, mid), self.style.size, contrast_ink(color), Anchor::LeftMiddle, false)?;
        }
        if let Some((at, text)) = &self.more {
            p.text(text, *at, LABEL_SIZE, t.muted, Anchor::LeftTop, false)?;
        }
        p.present()
    }

    /// The hover layer: an outline around the tile.
    fn draw_hover<S: Surface + ?Sized>(&self, p: &mut Painter<S>, hit: usize) -> Result<()> {
        let Some(tile) = self.tiles.get(hit) else { return Ok(()) };
        let r = tile.rect;
        p.stroke_rect((r.0 - 2.0, r.1 - 2.0), (r.2 + 2.0, r.3 + 2.0), self.chrome.theme.text, 2.0)?;
        p.present()
    }

    /// The tile under the pointer (half the gap around a tile counts as the tile).
    fn hit(&self, x: f64, y: f64) -> Option<usize> {
        let slack = self.style.gap / 2.0;
        self.tiles.iter().position(|tile| {
            let r = tile.rect;
            x >= r.0 - slack && x < r.2 + slack && y >= r.1 - slack && y < r.3 + slack
        })
    }

    fn tooltip(&self, hit: usize) -> Option<Tooltip> {
        let tile = self.tiles.get(hit)?;
        let (label, color) = self.series.get(tile.series).cloned().unwrap_or_default();
        Some(Tooltip {
            title: format!("HS {}", tile.code),
            rows: vec![TooltipRow { label: self.chrome.locale.text(Text::TierLabel).into(), value: label, color }],
            notes: tile.note.iter().cloned().collect(),
            source: self.chrome.source_text([tile.source.as_str()]),
        })
    }

    fn anchor(&self, hit: usize) -> Option<(f64, f64)> {
        let r = self.tiles.get(hit)?.rect;
        Some(((r.0 + r.2) / 2.0, r.1))
    }

    fn legend_at(&self, x: f64, y: f64) -> Option<usize> {
        self.chrome.legend_at(x, y)
    }

    /// How much of the body the tiles leave empty below them, and whether every code is drawn.
    fn fit(&self) -> super::Fit {
        let bottoms =
            self.tiles.iter().map(|t| t.rect.3).chain(self.more.as_ref().map(|m| m.0 .1 + self.style.size + 2.0));
        let body = self.chrome.body;
        super::Fit::content(body, body.1, self.empty.is_some(), bottoms, self.more.is_none())
    }

    fn summary(&self) -> String {
        self.summary.clone()
    }
}

/// "…: 50 HS-6 codes in 6 tiers (Tier 1: 4, …); most are in HS chapter 85 (31 of 50)."
fn summarize(ds: &Dataset, visible: &[usize], l: Locale) -> String {
    if visible.is_empty() {
        return l.say(Text::SummaryNoTier, &[&ds.title]);
    }
    let n: usize = visible.iter().map(|&i| ds.series[i].points.len()).sum();
    let per: Vec<String> = visible
        .iter()
        .map(|&i| l.say(Text::LabelValue, &[&ds.series[i].label, &l.count(ds.series[i].points.len())]))
        .collect();
    let mut chapters: Vec<(String, usize)> = Vec::new();
    for &i in visible {
        for p in &ds.series[i].points {
            let Some(ch) = p.label.and_then(|l| l.get(..2)).filter(|c| c.bytes().all(|b| b.is_ascii_digit())) else {
                continue;
            };
            match chapters.iter_mut().find(|c| c.0 == ch) {
                Some(c) => c.1 += 1,
                None => chapters.push((ch.to_string(), 1)),
            }
        }
    }
    let top = chapters.iter().max_by_key(|c| c.1);
    let key = if visible.len() == 1 { Text::SummaryTiersOne } else { Text::SummaryTiersMany };
    let mut out = l.say(key, &[&ds.title, &l.count(n), &l.count(visible.len()), &per.join(", ")]);
    if let Some((ch, k)) = top {
        out.push_str(&l.say(Text::MostFrequentChapter, &[ch, &l.count(*k), &l.count(n)]));
    }
    out.push('.');
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::dataset_for;
    use crate::render::Theme;
    use plotters::backend::SVGBackend;

    const SOURCE: &str =
        "Source: US Bureau of Industry and Security with the EU, UK and Japan (transcribed by the TradeSieve project)";

    fn build(ds: &Dataset, w: f64, h: f64, hidden: &[bool]) -> TierChart {
        TierChart::new(ds, &Frame::new(w, h, Theme::light()), hidden)
    }

    fn svg(c: &TierChart, w: f64, h: f64) -> String {
        let mut s = String::new();
        {
            let mut b = SVGBackend::with_string(&mut s, (w as u32, h as u32));
            c.draw(&mut Painter::new(&mut b, 1.0)).unwrap();
            c.draw_hover(&mut Painter::new(&mut b, 1.0), 0).unwrap();
        }
        s
    }

    fn centre_of(c: &TierChart, code: &str) -> (f64, f64) {
        let r = c.tiles.iter().find(|t| t.code == code).expect("a tile").rect;
        ((r.0 + r.2) / 2.0, (r.1 + r.3) / 2.0)
    }

    #[test]
    fn hovering_a_tile_shows_its_code_tier_note_and_source() {
        let ds = dataset_for("chpl-tiers").unwrap();
        for (w, h) in [(360.0, 414.0), (1200.0, 540.0)] {
            let c = build(&ds, w, h, &[]);
            assert_eq!(c.tiles.len(), 50, "every code drawn at {w} px");
            // Descriptions: HS 2022 nomenclature (data/raw/hs_nomenclature/harmonized-system.csv).
            for (code, tier, chapter, what) in [
                ("854231", "Tier 1", "8542, chapter 85", "Electronic integrated circuits; processors and controllers, whether or not combined with memories, converters, logic circuits, amplifiers, clock and timing circuits, or other circuits"),
                ("847150", "Tier 3.A", "8471, chapter 84", "Units of automatic data processing machines; processing units other than those of item no. 8471.41 or 8471.49, whether or not containing in the same housing one or two of the following types of unit: storage units, input units or output units"),
                ("903082", "Tier 4.A", "9030, chapter 90", "Instruments and apparatus; for measuring or checking semiconductor wafers or devices (including integrated circuits)"),
            ] {
                let (x, y) = centre_of(&c, code);
                let hit = c.hit(x, y).expect("a tile under the pointer");
                assert_eq!(
                    c.tooltip(hit).unwrap().text(),
                    format!(
                        "HS {code}\nTier: {tier}\nHS 2022: {what} (HS heading {chapter})\n{SOURCE}"
                    ),
                    "at {w} px"
                );
                let (ax, ay) = c.anchor(hit).unwrap();
                assert!((ax - x).abs() < 0.01 && ay < y);
            }
            assert!(c.hit(1.0, 1.0).is_none());
        }
    }

    #[test]
    fn tiles_and_headings_fit_the_body_without_overlap() {
        let ds = dataset_for("chpl-tiers").unwrap();
        let m = crate::render::default_measure();
        for (w, h) in [
            (320.0, 380.0),
            (360.0, 400.0),
            (360.0, 414.0),
            (560.0, 380.0),
            (800.0, 480.0),
            (1200.0, 540.0),
            (1400.0, 600.0),
        ] {
            let c = build(&ds, w, h, &[]);
            assert!(c.more.is_none() && c.tiles.len() == 50, "every code shown at {w}×{h}");
            assert!(c.style.size >= 9.0, "{} px type at {w}×{h}", c.style.size);
            let body = c.chrome.body;
            let head = if c.style.inline { c.style.size } else { HEAD_SIZE };
            let mut boxes: Vec<(Rect, String)> = c.tiles.iter().map(|t| (t.rect, t.code.clone())).collect();
            for s in &c.sections {
                let tw = m.width(&s.heading, head, true);
                boxes.push(((s.at.0, s.at.1, s.at.0 + tw, s.at.1 + head + 2.0), s.heading.clone()));
            }
            for t in &c.tiles {
                let tw = m.width(&t.code, c.style.size, false);
                assert!(t.text_x >= t.rect.0 && t.text_x + tw <= t.rect.2 + 0.01, "{} fits its tile", t.code);
                assert!(t.rect.3 - t.rect.1 >= c.style.size + 2.0);
            }
            for (i, (r, name)) in boxes.iter().enumerate() {
                assert!(
                    r.0 >= body.0 - 0.01 && r.2 <= body.2 + 0.01 && r.1 >= body.1 - 0.01 && r.3 <= body.3 + 0.01,
                    "{name} {r:?} outside {body:?} at {w}×{h}"
                );
                assert!(r.0 >= 0.0 && r.2 <= w && r.3 <= h);
                for (q, other) in &boxes[i + 1..] {
                    assert!(r.2 <= q.0 || q.2 <= r.0 || r.3 <= q.1 || q.3 <= r.1, "{name} overlaps {other} at {w}×{h}");
                }
            }
            svg(&c, w, h);
        }
        let wide = build(&ds, 800.0, 480.0, &[]);
        assert_eq!(wide.sections[2].heading, "Tier 3.A · 16 codes");
    }

    #[test]
    fn legend_hides_tiers_summary_is_computed_and_odd_data_draws() {
        let ds = dataset_for("chpl-tiers").unwrap();
        let mut hidden = vec![false; ds.series.len()];
        hidden[2] = true;
        let c = build(&ds, 800.0, 480.0, &hidden);
        assert_eq!(c.tiles.len(), 50 - ds.series[2].points.len());
        assert!(c.tiles.iter().all(|t| t.series != 2));
        let hit = (0..200).find_map(|y| c.legend_at(20.0, y as f64)).expect("a legend entry");
        assert_eq!(hit, 0);
        let chapter85 =
            ds.series.iter().flat_map(|s| &s.points).filter(|p| p.label.is_some_and(|l| l.starts_with("85"))).count();
        assert_eq!(
            build(&ds, 800.0, 480.0, &[]).summary(),
            format!(
                "{}: 50 HS-6 codes in 6 tiers (Tier 1: 4, Tier 2: 5, Tier 3.A: 16, Tier 3.B: 9, Tier 4.A: 11, Tier 4.B: 5); \
                 the most frequent HS chapter is 85 ({chapter85} of 50).",
                ds.title
            )
        );
        let all = build(&ds, 800.0, 480.0, &[true; 6]);
        assert_eq!(all.empty.as_deref(), Some("Every tier is hidden: switch one on in the legend"));
        svg(&all, 800.0, 480.0);

        let mut odd = ds.clone();
        odd.series[0].points.edit(|p| {
            p[0].label = None;
            p[1].note = None;
        });
        odd.series[1].points.clear();
        for _ in 0..6 {
            odd.series[2].points.edit(|p| p.extend(p.clone()));
        }
        // Far more codes than fit: the rest are counted, none drawn outside the body.
        let c = build(&odd, 360.0, 400.0, &[]);
        assert!(c.more.as_ref().is_some_and(|m| m.1.starts_with("+ ")), "{:?}", c.more);
        assert!(c.tiles.iter().all(|t| t.rect.3 <= c.chrome.body.3));
        assert_eq!(c.tooltip(0).unwrap().title, format!("HS {}", odd.series[0].points.at(0).period));
        assert_eq!(c.tooltip(1).unwrap().notes, Vec::<String>::new());
        svg(&c, 360.0, 400.0);
        for (w, h) in [(200.0, 160.0), (2000.0, 300.0)] {
            svg(&build(&odd, w, h, &[]), w, h);
        }
        odd.series.iter_mut().for_each(|s| s.points.clear());
        let c = build(&odd, 800.0, 480.0, &[]);
        assert_eq!(c.empty.as_deref(), Some("No codes in this dataset"));
        assert!(c.hit(400.0, 300.0).is_none() && c.tooltip(0).is_none() && c.anchor(0).is_none());
        svg(&c, 800.0, 480.0);
        odd.series.clear();
        svg(&build(&odd, 800.0, 480.0, &[]), 800.0, 480.0);
    }
}
