//! Vote grid: one block per resolution (side by side when wide, stacked when narrow), each a
//! heading (symbol · date, the tally, how China and Russia voted) over one square per member,
//! ordered yes, no, abstain, absent and then alphabetically, coloured by the vote. China and Russia
//! are ringed (and lettered when the squares are big enough). A key of the vote colours sits under
//! the chrome; the chrome legend toggles the resolutions.
//!
//! [`VoteGridChart::new`] picks the largest square that lets every block fit the body and computes
//! every square once; `draw`, `draw_hover`, `hit` and `tooltip` read that geometry.

use super::chrome::{series_entries, Chrome, Rect, LABEL_SIZE};
use super::vote::{contrast_ink, Vote};
use super::ChartKind;
use super::{Frame, Tooltip, TooltipRow};
use crate::data::{Dataset, Frequency};
use crate::error::Result;
use crate::model::locale::{Locale, Text};
use crate::model::sort;
use crate::render::{wrap, Anchor, Measure, Painter, Surface};

const HEAD_SIZE: f64 = 13.0;
const HEAD_LINE: f64 = 18.0;
const SUB_LINE: f64 = 15.0;
const KEY_SWATCH: f64 = 10.0;
const KEY_ROW: f64 = 17.0;
/// Below this body width the blocks are stacked.
const SIDE_BY_SIDE: f64 = 560.0;
const BLOCK_GAP_X: f64 = 28.0;
const BLOCK_GAP_Y: f64 = 10.0;
const MAX_SQUARE: f64 = 26.0;
const MIN_SQUARE: f64 = 6.0;
/// A square this big reads well; below it, other arrangements are tried for bigger squares.
const GOOD_SQUARE: f64 = 10.0;
/// Space between a block's heading and its squares.
const HEAD_GAP: f64 = 5.0;
const KEY_SIZE: f64 = 11.0;
const KEY_TEXT_GAP: f64 = 5.0;
/// Squares at least this big carry "CN" / "RU".
const LETTER_SQUARE: f64 = 15.0;

#[derive(Debug, Clone)]
struct Square {
    /// Index of the block (visible series).
    block: usize,
    rect: Rect,
    vote: Vote,
    country: String,
    /// "CN" / "RU" for the states the chart is about, with the letters' left x.
    mark: Option<(&'static str, f64)>,
}

/// `(country, vote value, source id)`.
type MemberVote = (String, f64, String);

#[derive(Debug, Clone)]
struct Block {
    /// Heading lines: `(text, y of the line's top, bold)`.
    lines: Vec<(String, f64, bool)>,
    x0: f64,
}

#[derive(Debug, Clone)]
enum KeyMark {
    Vote(Vote),
    Ring,
}

#[derive(Debug, Clone)]
struct KeyItem {
    mark: KeyMark,
    label: String,
    x: f64,
    y: f64,
}

#[derive(Debug, Clone)]
pub struct VoteGridChart {
    chrome: Chrome,
    key: Vec<KeyItem>,
    blocks: Vec<Block>,
    squares: Vec<Square>,
    /// Side and gap of the squares.
    side: f64,
    gap: f64,
    letter_size: f64,
    /// Per block: `(series label, [(point label, vote value, source)])`.
    votes: Vec<(String, Vec<MemberVote>)>,
    empty: Option<String>,
    summary: String,
}

impl ChartKind for VoteGridChart {
    fn new(ds: &Dataset, frame: &Frame, hidden: &[bool]) -> VoteGridChart {
        let l = frame.locale;
        let theme = frame.theme.clone();
        let is_hidden = |i: usize| hidden.get(i).copied().unwrap_or(false);
        let m = &*frame.measure;
        let entries = series_entries(ds, hidden, |_| theme.muted);
        let chrome = Chrome::new(ds, frame, entries, "");
        let (bx0, by0, bx1, by1) = chrome.body;
        let body_w = bx1 - bx0;
        let visible: Vec<usize> = (0..ds.series.len()).filter(|&i| !is_hidden(i)).collect();

        // The key of vote colours (and the ring), wrapped to the width.
        let any_other = ds.series.iter().any(|s| s.points.iter().any(|p| Vote::of(p.value) == Vote::Other));
        let any_mark = visible.iter().any(|&i| ds.series[i].points.iter().any(|p| mark_of(p.label).is_some()));
        let mut wanted = vec![
            (KeyMark::Vote(Vote::Yes), l.text(Text::Yes).to_string()),
            (KeyMark::Vote(Vote::No), l.text(Text::No).to_string()),
            (KeyMark::Vote(Vote::Abstain), l.text(Text::Abstain).to_string()),
            (KeyMark::Vote(Vote::Absent), l.text(Text::DidNotVote).to_string()),
        ];
        if any_other {
            wanted.push((KeyMark::Vote(Vote::Other), l.text(Text::UnknownCode).to_string()));
        }
        if any_mark {
            wanted.push((KeyMark::Ring, l.text(Text::ChinaRussia).to_string()));
        }
        let mut key = Vec::new();
        let (mut kx, mut ky) = (bx0, by0);
        if !visible.is_empty() {
            for (mark, label) in wanted {
                let w = KEY_SWATCH + KEY_TEXT_GAP + m.width(&label, KEY_SIZE, false);
                if kx > bx0 && kx + w > bx1 {
                    kx = bx0;
                    ky += KEY_ROW;
                }
                key.push(KeyItem { mark, label, x: kx, y: ky });
                kx += w + 11.0;
            }
        }
        let key_h = if key.is_empty() { 0.0 } else { ky - by0 + KEY_ROW + 5.0 };
        let top = by0 + key_h;
        let avail_h = by1 - top;

        // Per block: the heading text (wrapped later to the block width) and the squares' order.
        let heads: Vec<(String, Vec<String>, Vec<String>)> = visible.iter().map(|&i| heading(ds, i, l)).collect();
        let orders: Vec<Vec<usize>> = visible
            .iter()
            .map(|&i| {
                let pts = &ds.series[i].points;
                let mut idx: Vec<usize> = (0..pts.len()).collect();
                sort::sort_by(&mut idx, |&a, &b| {
                    let key = |k: usize| {
                        (Vote::of(pts.at(k).value), crate::model::case::lowercase(pts.label(k).unwrap_or("")))
                    };
                    key(a).cmp(&key(b))
                });
                idx
            })
            .collect();

        // Arrangement, heading and square size: the biggest square at which every block fits the
        // body, preferring side by side when wide and full headings; compact headings (the tally
        // and the China/Russia line run together) and the other arrangement when squares get small.
        let k = visible.len().max(1) as f64;
        let arrangement = |side_by_side: bool, mode: Heading| {
            let bw = if side_by_side { (body_w - BLOCK_GAP_X * (k - 1.0)) / k } else { body_w };
            let lines: Vec<Vec<(String, bool)>> = heads.iter().map(|h| head_lines(m, h, bw, mode)).collect();
            let head_h: Vec<f64> = lines.iter().map(|l| lines_height(l) + HEAD_GAP).collect();
            let fits = |s: f64| {
                let g = gap_for(s);
                let cols = ((bw + g) / (s + g)).floor().max(1.0);
                let heights = orders.iter().zip(&head_h).map(|(o, h)| {
                    let rows = (o.len() as f64 / cols).ceil();
                    h + (rows * (s + g) - g).max(0.0)
                });
                let total = if side_by_side {
                    heights.fold(0.0, f64::max)
                } else {
                    heights.sum::<f64>() + BLOCK_GAP_Y * (k - 1.0)
                };
                total <= avail_h
            };
            let mut s = MAX_SQUARE;
            while s > 2.0 && !fits(s) {
                s -= 0.5;
            }
            (s, bw, lines, side_by_side)
        };
        let wide_first = body_w >= SIDE_BY_SIDE && visible.len() > 1;
        let mut tries = Vec::new();
        for sbs in [wide_first, !wide_first] {
            if sbs && (visible.len() < 2 || body_w < 2.0 * 100.0 + BLOCK_GAP_X)
                || tries.iter().any(|t: &(bool, Heading)| t.0 == sbs)
            {
                continue;
            }
            tries.extend([Heading::Full, Heading::Compact, Heading::Minimal].map(|h| (sbs, h)));
        }
        let candidates: Vec<_> = tries.into_iter().map(|(sbs, mode)| arrangement(sbs, mode)).collect();
        let chosen = candidates
            .iter()
            .find(|c| c.0 >= GOOD_SQUARE)
            .or_else(|| candidates.iter().find(|c| c.0 >= MIN_SQUARE))
            .or_else(|| candidates.iter().reduce(|best, c| if c.0 > best.0 { c } else { best }))
            .cloned();
        let (side, bw, lines, side_by_side) = chosen.unwrap_or((MIN_SQUARE, body_w, Vec::new(), false));
        let gap = gap_for(side);
        let cols = ((bw + gap) / (side + gap)).floor().max(1.0) as usize;
        let letter_size = (side * 0.5).min(11.0);

        let mut blocks = Vec::new();
        let mut squares = Vec::new();
        let mut y = top;
        for (b, &si) in visible.iter().enumerate() {
            let x0 = if side_by_side { bx0 + b as f64 * (bw + BLOCK_GAP_X) } else { bx0 };
            let y0 = if side_by_side { top } else { y };
            let block_lines = lines.get(b).cloned().unwrap_or_default();
            let mut ly = y0;
            let mut placed = Vec::new();
            for (text, bold) in block_lines.iter() {
                placed.push((text.clone(), ly, *bold));
                ly += if *bold { HEAD_LINE } else { SUB_LINE };
            }
            let gy = ly + HEAD_GAP;
            let pts = &ds.series[si].points;
            let order = orders.get(b).cloned().unwrap_or_default();
            for (n, &pi) in order.iter().enumerate() {
                let (r, c) = ((n / cols) as f64, (n % cols) as f64);
                let sx = x0 + c * (side + gap);
                let sy = gy + r * (side + gap);
                let p = pts.at(pi);
                let mark = mark_of(p.label).map(|code| {
                    let w = m.width(code, letter_size, true);
                    (code, sx + (side - w) / 2.0)
                });
                squares.push(Square {
                    block: b,
                    rect: (sx, sy, sx + side, sy + side),
                    vote: Vote::of(p.value),
                    country: p.label.map_or_else(|| p.period.to_string(), str::to_string),
                    mark,
                });
            }
            let rows = order.len().div_ceil(cols) as f64;
            y = gy + (rows * (side + gap) - gap).max(0.0) + BLOCK_GAP_Y;
            blocks.push(Block { lines: placed, x0 });
        }
        let votes = visible
            .iter()
            .map(|&i| {
                let s = &ds.series[i];
                let v = s
                    .points
                    .iter()
                    .map(|p| {
                        (p.label.map_or_else(|| p.period.to_string(), str::to_string), p.value, p.source.to_string())
                    })
                    .collect();
                (s.label.clone(), v)
            })
            .collect();
        let empty = if ds.series.is_empty() || ds.point_count() == 0 {
            Some(l.text(Text::NoVotes).to_string())
        } else if visible.is_empty() {
            Some(l.text(Text::EveryResolutionHidden).to_string())
        } else {
            None
        };
        let summary = summarize(ds, &visible, l);
        VoteGridChart { chrome, key, blocks, squares, side, gap, letter_size, votes, empty, summary }
    }

    fn draw<S: Surface + ?Sized>(&self, p: &mut Painter<S>) -> Result<()> {
        let t = &self.chrome.theme;
        if let Some(msg) = &self.empty {
            return self.chrome.draw_message(p, msg);
        }
        self.chrome.draw(p)?;
        for k in &self.key {
            let mid = k.y + KEY_ROW / 2.0;
            let r = (k.x, mid - KEY_SWATCH / 2.0, k.x + KEY_SWATCH, mid + KEY_SWATCH / 2.0);
            match k.mark {
                KeyMark::Vote(v) => v.draw_box(p, r, t)?,
                KeyMark::Ring => {
                    p.stroke_rect((r.0 - 1.0, r.1 - 1.0), (r.2 + 1.0, r.3 + 1.0), t.text, 1.5)?;
                    p.fill_rect((k.x + 3.5, mid - 1.5), (k.x + 6.5, mid + 1.5), t.text)?;
                }
            }
            p.text(&k.label, (k.x + KEY_SWATCH + KEY_TEXT_GAP, mid), KEY_SIZE, t.text, Anchor::LeftMiddle, false)?;
        }
        for b in &self.blocks {
            for (text, y, bold) in &b.lines {
                let (size, color) = if *bold { (HEAD_SIZE, t.text) } else { (LABEL_SIZE, t.muted) };
                p.text(text, (b.x0, *y), size, color, Anchor::LeftTop, *bold)?;
            }
        }
        for s in &self.squares {
            s.vote.draw_box(p, s.rect, t)?;
        }
        // Rings last, so no neighbour paints over them.
        for s in self.squares.iter().filter(|s| s.mark.is_some()) {
            let r = s.rect;
            p.stroke_rect((r.0 - 1.0, r.1 - 1.0), (r.2 + 1.0, r.3 + 1.0), t.text, 1.5)?;
            let ink = s.vote.fill(t).map_or(t.text, contrast_ink);
            let mid = ((r.0 + r.2) / 2.0, (r.1 + r.3) / 2.0);
            match s.mark {
                Some((code, x)) if self.side >= LETTER_SQUARE => {
                    p.text(code, (x, mid.1), self.letter_size, ink, Anchor::LeftMiddle, true)?;
                }
                _ => p.fill_rect(
                    (mid.0 - self.side / 6.0, mid.1 - self.side / 6.0),
                    (mid.0 + self.side / 6.0, mid.1 + self.side / 6.0),
                    ink,
                )?,
            }
        }
        p.present()
    }

    /// The hover layer: a bold outline around the square, a thin one around the same country in
    /// the other blocks.
    fn draw_hover<S: Surface + ?Sized>(&self, p: &mut Painter<S>, hit: usize) -> Result<()> {
        let Some(h) = self.squares.get(hit) else { return Ok(()) };
        let t = &self.chrome.theme;
        for s in self.squares.iter().filter(|s| s.country == h.country && s.block != h.block) {
            let r = s.rect;
            p.stroke_rect((r.0 - 2.0, r.1 - 2.0), (r.2 + 2.0, r.3 + 2.0), t.crosshair, 1.5)?;
        }
        let r = h.rect;
        p.stroke_rect((r.0 - 2.0, r.1 - 2.0), (r.2 + 2.0, r.3 + 2.0), t.text, 2.0)?;
        p.present()
    }

    /// The square under the pointer (half the gap around a square counts as the square).
    fn hit(&self, x: f64, y: f64) -> Option<usize> {
        let slack = self.gap / 2.0;
        self.squares.iter().position(|s| {
            let r = s.rect;
            x >= r.0 - slack && x < r.2 + slack && y >= r.1 - slack && y < r.3 + slack
        })
    }

    /// The country, and its vote on every resolution shown.
    fn tooltip(&self, hit: usize) -> Option<Tooltip> {
        let s = self.squares.get(hit)?;
        let t = &self.chrome.theme;
        let l = self.chrome.locale;
        let mut rows = Vec::new();
        let mut sources: Vec<&str> = Vec::new();
        for (label, votes) in &self.votes {
            match votes.iter().find(|(c, _, _)| *c == s.country) {
                Some((_, v, src)) => {
                    sources.push(src);
                    let color = Vote::of(*v).fill(t).unwrap_or(t.muted);
                    rows.push(TooltipRow { label: label.clone(), value: Vote::text(*v, l), color });
                }
                None => rows.push(TooltipRow {
                    label: label.clone(),
                    value: l.text(Text::NotListed).into(),
                    color: t.muted,
                }),
            }
        }
        Some(Tooltip { title: s.country.clone(), rows, notes: Vec::new(), source: self.chrome.source_text(sources) })
    }

    fn anchor(&self, hit: usize) -> Option<(f64, f64)> {
        let r = self.squares.get(hit)?.rect;
        Some(((r.0 + r.2) / 2.0, r.1))
    }

    fn legend_at(&self, x: f64, y: f64) -> Option<usize> {
        self.chrome.legend_at(x, y)
    }

    /// How much of the body the blocks leave empty below them, and whether the squares are big
    /// enough to read (they shrink to fit a short body).
    fn fit(&self) -> super::Fit {
        let complete = self.empty.is_some() || self.side >= GOOD_SQUARE;
        let body = self.chrome.body;
        super::Fit::content(body, body.1, self.empty.is_some(), self.squares.iter().map(|s| s.rect.3), complete)
    }

    fn summary(&self) -> String {
        self.summary.clone()
    }
}

/// Gap between squares: room for the ring drawn around China and Russia.
fn gap_for(side: f64) -> f64 {
    if side >= 12.0 {
        3.0
    } else {
        2.0
    }
}

/// "CN" / "RU" for the two states the chart is about.
fn mark_of(label: Option<&str>) -> Option<&'static str> {
    match crate::model::case::lowercase(label?.trim()).as_str() {
        "china" | "people's republic of china" => Some("CN"),
        "russia" | "russian federation" => Some("RU"),
        _ => None,
    }
}

/// Counts of yes, no, abstain, absent and unknown codes.
fn tally(ds: &Dataset, series: usize) -> [usize; 5] {
    let mut t = [0; 5];
    for &v in ds.series.get(series).map(|s| &s.points.values()[..]).unwrap_or_default() {
        t[Vote::of(v) as usize] += 1;
    }
    t
}

/// The heading of a block: "A/RES/68/262 · 27 Mar 2014", the tally in parts, how CN/RU voted.
fn heading(ds: &Dataset, series: usize, l: Locale) -> (String, Vec<String>, Vec<String>) {
    let Some(s) = ds.series.get(series) else { return (String::new(), Vec::new(), Vec::new()) };
    let title = match s.points.first() {
        Some(p) => format!("{} · {}", s.label, l.period(p.period, Frequency::Daily)),
        None => s.label.clone(),
    };
    let t = tally(ds, series);
    let mut parts = tally_parts(&t, l);
    if t[4] > 0 {
        parts.push(l.say(Text::TallyUnknown, &[&l.count(t[4])]));
    }
    let mut marks: Vec<(&str, String)> = s
        .points
        .iter()
        .filter_map(|p| {
            mark_of(p.label)
                .map(|code| (code, l.say(Text::StateDid, &[p.label.unwrap_or(code), Vote::of(p.value).verb(l)])))
        })
        .collect();
    sort::sort_by(&mut marks, |a, b| a.0.cmp(b.0));
    (title, parts, marks.into_iter().map(|m| m.1).collect())
}

/// How much a block's heading says.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Heading {
    /// Title; tally; how China and Russia voted.
    Full,
    /// Title; tally and China/Russia run together.
    Compact,
    /// Title; tally (China and Russia stay ringed, named in the key and the tooltip).
    Minimal,
}

/// The heading as lines no wider than `width`: the title (bold), then the tally and the marks.
fn head_lines(
    m: &dyn Measure,
    head: &(String, Vec<String>, Vec<String>),
    width: f64,
    mode: Heading,
) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> =
        wrap(m, &head.0, HEAD_SIZE, true, width).into_iter().map(|l| (l, true)).collect();
    let groups: Vec<Vec<String>> = match mode {
        Heading::Full => vec![head.1.clone(), head.2.clone()],
        Heading::Compact => vec![head.1.iter().chain(&head.2).cloned().collect()],
        Heading::Minimal => vec![head.1.clone()],
    };
    for group in &groups {
        out.extend(join_wrapped(m, group, width).into_iter().map(|l| (l, false)));
    }
    out
}

/// Joins parts with " · ", breaking lines between parts (and inside a part only if it alone is
/// too wide).
fn join_wrapped(m: &dyn Measure, parts: &[String], width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in parts {
        let candidate = if line.is_empty() { part.clone() } else { format!("{line} · {part}") };
        if m.width(&candidate, LABEL_SIZE, false) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut pieces = wrap(m, part, LABEL_SIZE, false, width);
        line = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn lines_height(lines: &[(String, bool)]) -> f64 {
    lines.iter().map(|(_, bold)| if *bold { HEAD_LINE } else { SUB_LINE }).sum()
}

/// `100 yes`, `11 no`, `58 abstain`, `24 absent`.
fn tally_parts(t: &[usize; 5], l: Locale) -> Vec<String> {
    [(Text::TallyYes, t[0]), (Text::TallyNo, t[1]), (Text::TallyAbstain, t[2]), (Text::TallyAbsent, t[3])]
        .into_iter()
        .map(|(key, n)| l.say(key, &[&l.count(n)]))
        .collect()
}

/// "A/RES/68/262 (27 Mar 2014): 100 yes, 11 no, 58 abstain, 24 absent, China abstained and
/// Russia voted no; A/RES/ES-11/1 …".
fn summarize(ds: &Dataset, visible: &[usize], l: Locale) -> String {
    if visible.is_empty() {
        return l.say(Text::SummaryResolutionsHidden, &[&ds.title]);
    }
    let parts: Vec<String> = visible
        .iter()
        .map(|&i| {
            let s = &ds.series[i];
            let t = tally(ds, i);
            let date = s.points.first().map(|p| format!(" ({})", l.period(p.period, Frequency::Daily)));
            let mut tallied = tally_parts(&t, l).join(", ");
            if t[4] > 0 {
                tallied.push_str(&l.say(Text::WithUnknownCode, &[&l.count(t[4])]));
            }
            let mut out = l.say(Text::LabelValue, &[&format!("{}{}", s.label, date.unwrap_or_default()), &tallied]);
            let (_, _, marks) = heading(ds, i, l);
            if !marks.is_empty() {
                out.push_str(", ");
                out.push_str(&l.and_list(&marks));
            }
            out
        })
        .collect();
    format!("{}.", parts.join("; "))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::dataset_for;
    use crate::render::Theme;
    use plotters::backend::SVGBackend;

    const SOURCE: &str =
        "Source: United Nations General Assembly voting record, as listed in HarukiKinoshita/ukraine-viz";

    fn build(ds: &Dataset, w: f64, h: f64, hidden: &[bool]) -> VoteGridChart {
        VoteGridChart::new(ds, &Frame::new(w, h, Theme::light()), hidden)
    }

    fn svg(c: &VoteGridChart, w: f64, h: f64) -> String {
        let mut s = String::new();
        {
            let mut b = SVGBackend::with_string(&mut s, (w as u32, h as u32));
            c.draw(&mut Painter::new(&mut b, 1.0)).unwrap();
            c.draw_hover(&mut Painter::new(&mut b, 1.0), 0).unwrap();
        }
        s
    }

    fn square<'a>(c: &'a VoteGridChart, block: usize, country: &str) -> &'a Square {
        c.squares.iter().find(|s| s.block == block && s.country == country).expect("a square")
    }

    #[test]
    fn hovering_china_and_russia_shows_their_votes_as_bundled() {
        let ds = dataset_for("unga-ukraine-members").unwrap();
        for (w, h) in [(360.0, 360.0), (1200.0, 540.0)] {
            let c = build(&ds, w, h, &[]);
            for (block, country, expected) in [
                (1, "China", "China\nA/RES/68/262: Abstain\nA/RES/ES-11/1: Abstain"),
                (0, "Russia", "Russia\nA/RES/68/262: No\nA/RES/ES-11/1: No"),
                (1, "Ukraine", "Ukraine\nA/RES/68/262: Yes\nA/RES/ES-11/1: Yes"),
            ] {
                let r = square(&c, block, country).rect;
                let (x, y) = ((r.0 + r.2) / 2.0, (r.1 + r.3) / 2.0);
                let hit = c.hit(x, y).expect("a square under the pointer");
                assert_eq!(c.tooltip(hit).unwrap().text(), format!("{expected}\n{SOURCE}"), "at {w} px");
                assert_eq!(c.anchor(hit), Some((x, r.1)));
            }
            assert_eq!(square(&c, 0, "China").mark.map(|m| m.0), Some("CN"));
            assert_eq!(square(&c, 1, "Russia").mark.map(|m| m.0), Some("RU"));
            assert!(c.hit(1.0, 1.0).is_none());
        }
    }

    #[test]
    fn headings_tally_the_points_and_squares_are_ordered_by_vote_then_name() {
        let ds = dataset_for("unga-ukraine-members").unwrap();
        let c = build(&ds, 800.0, 480.0, &[]);
        let texts: Vec<Vec<&str>> = c.blocks.iter().map(|b| b.lines.iter().map(|l| l.0.as_str()).collect()).collect();
        assert_eq!(
            texts[0],
            [
                "A/RES/68/262 · 27 Mar 2014",
                "100 yes · 11 no · 58 abstain · 24 absent",
                "China abstained · Russia voted no"
            ]
        );
        assert_eq!(
            texts[1],
            [
                "A/RES/ES-11/1 · 2 Mar 2022",
                "141 yes · 5 no · 35 abstain · 12 absent",
                "China abstained · Russia voted no"
            ]
        );
        for (b, s) in ds.series.iter().enumerate() {
            let count = |v: f64| s.points.iter().filter(|p| p.value == v).count();
            assert!(texts[b][1].starts_with(&format!(
                "{} yes · {} no · {} abstain · {} absent",
                count(1.0),
                count(-1.0),
                count(0.0),
                count(2.0)
            )));
            let sq: Vec<&Square> = c.squares.iter().filter(|q| q.block == b).collect();
            assert_eq!(sq.len(), s.points.len());
            for w in sq.windows(2) {
                assert!((w[0].vote, w[0].country.to_lowercase()) < (w[1].vote, w[1].country.to_lowercase()));
            }
            assert_eq!(sq[0].vote, Vote::Yes);
            assert_eq!(sq[sq.len() - 1].vote, Vote::Absent);
        }
        assert_eq!(
            c.summary(),
            "A/RES/68/262 (27 Mar 2014): 100 yes, 11 no, 58 abstain, 24 absent, China abstained and Russia voted no; \
             A/RES/ES-11/1 (2 Mar 2022): 141 yes, 5 no, 35 abstain, 12 absent, China abstained and Russia voted no."
        );
    }

    #[test]
    fn squares_are_at_least_6_px_and_nothing_overlaps_or_leaves_the_frame() {
        let ds = dataset_for("unga-ukraine-members").unwrap();
        let m = crate::render::default_measure();
        let mut sizes = vec![(360.0, 400.0), (800.0, 480.0), (360.0, 640.0)];
        // The widget's own height at each width (`natural_height`: its content's height).
        sizes.extend([320.0, 360.0, 400.0, 480.0, 560.0, 640.0, 800.0, 1000.0, 1200.0, 1400.0].map(|w: f64| {
            let frame = Frame::new(w, 0.0, Theme::light());
            (w, crate::chart::natural_height(crate::chart::Kind::VoteGrid, &ds, &frame, &[]))
        }));
        for (w, h) in sizes {
            let c = build(&ds, w, h, &[]);
            let body = c.chrome.body;
            assert_eq!(c.squares.len(), 386);
            assert!(c.side >= MIN_SQUARE, "{} px squares at {w}×{h}", c.side);
            let mut boxes: Vec<(Rect, String)> = c.squares.iter().map(|s| (s.rect, s.country.clone())).collect();
            for b in &c.blocks {
                for (text, y, bold) in &b.lines {
                    let size = if *bold { HEAD_SIZE } else { LABEL_SIZE };
                    let tw = m.width(text, size, *bold);
                    boxes.push(((b.x0, *y, b.x0 + tw, y + size + 2.0), text.clone()));
                }
            }
            for k in &c.key {
                let tw = m.width(&k.label, KEY_SIZE, false);
                boxes.push((
                    (k.x, k.y + 2.0, k.x + KEY_SWATCH + KEY_TEXT_GAP + tw, k.y + KEY_ROW - 2.0),
                    k.label.clone(),
                ));
            }
            for (i, (r, name)) in boxes.iter().enumerate() {
                assert!(
                    r.0 >= body.0 - 0.01 && r.2 <= body.2 + 0.01 && r.1 >= body.1 - 0.01 && r.3 <= body.3 + 0.01,
                    "{name} {r:?} outside {body:?} at {w}×{h}"
                );
                for (q, other) in &boxes[i + 1..] {
                    assert!(r.2 <= q.0 || q.2 <= r.0 || r.3 <= q.1 || q.3 <= r.1, "{name} overlaps {other} at {w}×{h}");
                }
            }
            // Squares with letters hold them.
            for s in c.squares.iter().filter(|s| s.mark.is_some() && c.side >= LETTER_SQUARE) {
                let (code, x) = s.mark.unwrap();
                assert!(x >= s.rect.0 && x + m.width(code, c.letter_size, true) <= s.rect.2);
            }
            svg(&c, w, h);
        }
        // Side by side when wide, stacked when narrow.
        let wide = build(&ds, 800.0, 480.0, &[]);
        assert!(wide.blocks[1].x0 > wide.blocks[0].x0);
        let narrow = build(&ds, 360.0, 640.0, &[]);
        assert_eq!(narrow.blocks[1].x0, narrow.blocks[0].x0);
    }

    #[test]
    fn legend_hides_a_resolution_and_odd_data_draws_without_panicking() {
        let ds = dataset_for("unga-ukraine-members").unwrap();
        let c = build(&ds, 800.0, 480.0, &[true, false]);
        assert_eq!(c.blocks.len(), 1);
        assert_eq!(c.squares.len(), 193);
        let china = c.squares.iter().position(|s| s.country == "China").unwrap();
        assert_eq!(c.tooltip(china).unwrap().text(), format!("China\nA/RES/ES-11/1: Abstain\n{SOURCE}"));
        assert!(c.summary().starts_with("A/RES/ES-11/1 (2 Mar 2022): 141 yes"));
        let all_hidden = build(&ds, 800.0, 480.0, &[true, true]);
        assert!(all_hidden.squares.is_empty() && all_hidden.empty.is_some());
        svg(&all_hidden, 800.0, 480.0);

        let mut odd = ds.clone();
        odd.series[0].points.edit(|p| {
            p[0].value = 9.0;
            p[1].label = None;
        });
        odd.series[1].points.edit(|p| p.truncate(1));
        let c = build(&odd, 360.0, 360.0, &[]);
        let other = c.squares.iter().position(|s| s.vote == Vote::Other).unwrap();
        assert!(c.tooltip(other).unwrap().text().contains("A/RES/68/262: Unknown vote code 9"));
        assert!(c.tooltip(other).unwrap().text().contains("A/RES/ES-11/1: not listed"));
        assert!(c.blocks[0].lines[1].0.contains("1 unknown"));
        assert!(c.key.iter().any(|k| k.label == "Unknown code"));
        svg(&c, 360.0, 360.0);
        for (w, h) in [(200.0, 160.0), (320.0, 200.0), (2000.0, 300.0)] {
            svg(&build(&odd, w, h, &[]), w, h);
        }
        odd.series.iter_mut().for_each(|s| s.points.clear());
        let c = build(&odd, 800.0, 480.0, &[]);
        assert_eq!(c.empty.as_deref(), Some("No votes in this dataset"));
        assert!(c.hit(400.0, 300.0).is_none() && c.tooltip(0).is_none() && c.anchor(0).is_none());
        svg(&c, 800.0, 480.0);
        odd.series.clear();
        svg(&build(&odd, 800.0, 480.0, &[]), 800.0, 480.0);
    }
}
