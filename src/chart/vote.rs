//! How a vote is drawn, in every chart that draws votes (the vote matrix, the vote grid) and
//! text on coloured boxes (the tiers' tiles): one set of colours, words and ink, so a "No" looks
//! the same wherever a reader meets it.

use super::chrome::Rect;
use crate::data::Unit;
use crate::error::Result;
use crate::model::locale::{Locale, Text};
use crate::render::{Painter, Rgb, Surface, Theme};

/// A vote code as the charts draw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Vote {
    Yes,
    No,
    Abstain,
    Absent,
    /// A code the schema does not know (drawn as a crossed outline).
    Other,
}

impl Vote {
    pub(super) fn of(v: f64) -> Vote {
        if v == 1.0 {
            Vote::Yes
        } else if v == -1.0 {
            Vote::No
        } else if v == 0.0 {
            Vote::Abstain
        } else if v == 2.0 {
            Vote::Absent
        } else {
            Vote::Other
        }
    }

    /// What a reader reads in a tooltip.
    pub(super) fn text(v: f64, l: Locale) -> String {
        match Vote::of(v) {
            Vote::Other => l.say(Text::UnknownVoteCode, &[&l.fixed(v, if v.fract() == 0.0 { 0 } else { 2 })]),
            _ => l.value(v, Unit::Vote),
        }
    }

    /// The word drawn in a matrix cell.
    pub(super) fn short(self, l: Locale) -> &'static str {
        match self {
            Vote::Yes => l.text(Text::YesShort),
            Vote::No => l.text(Text::NoShort),
            Vote::Abstain => l.text(Text::AbstainShort),
            Vote::Absent => l.text(Text::AbsentShort),
            Vote::Other => "?",
        }
    }

    /// What a state did, in a sentence: `voted yes`, `abstained` …
    pub(super) fn verb(self, l: Locale) -> &'static str {
        l.text(match self {
            Vote::Yes => Text::VotedYes,
            Vote::No => Text::VotedNo,
            Vote::Abstain => Text::Abstained,
            Vote::Absent => Text::DidNotVoteVerb,
            Vote::Other => Text::HadUnknownCode,
        })
    }

    /// The fill colour (None = outline only): Okabe–Ito blue / vermillion, a neutral grey; told
    /// apart by hue and lightness, so never by red/green alone.
    pub(super) fn fill(self, t: &Theme) -> Option<Rgb> {
        match (self, t.dark) {
            (Vote::Yes, false) => Some((0, 114, 178)),
            (Vote::Yes, true) => Some((86, 180, 233)),
            (Vote::No, false) => Some((213, 94, 0)),
            (Vote::No, true) => Some((255, 128, 56)),
            (Vote::Abstain, false) => Some((160, 160, 160)),
            (Vote::Abstain, true) => Some((118, 118, 118)),
            (Vote::Absent | Vote::Other, _) => None,
        }
    }

    /// Draws a vote box: filled, or an outline for absent, or a crossed outline for unknown codes.
    pub(super) fn draw_box<S: Surface + ?Sized>(self, p: &mut Painter<S>, r: Rect, t: &Theme) -> Result<()> {
        match self.fill(t) {
            Some(c) => p.fill_rect((r.0, r.1), (r.2, r.3), c),
            None => {
                p.stroke_rect((r.0 + 0.5, r.1 + 0.5), (r.2 - 0.5, r.3 - 0.5), t.muted, 1.0)?;
                if self == Vote::Other {
                    p.line((r.0 + 1.0, r.3 - 1.0), (r.2 - 1.0, r.1 + 1.0), t.muted, 1.0)?;
                }
                Ok(())
            }
        }
    }

    /// The colour of text drawn on this vote's box.
    pub(super) fn ink(self, t: &Theme) -> Rgb {
        self.fill(t).map_or(t.text, contrast_ink)
    }
}

/// Near-black or white, whichever contrasts more with `bg` (WCAG relative luminance).
pub(super) fn contrast_ink(bg: Rgb) -> Rgb {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(bg.0) + 0.7152 * lin(bg.1) + 0.0722 * lin(bg.2);
    let black = (l + 0.05) / (0.0 + 0.05);
    let white = 1.05 / (l + 0.05);
    if black >= white {
        (0, 0, 0)
    } else {
        (255, 255, 255)
    }
}
