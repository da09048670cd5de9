//! STUB — to be written. See line.rs for the shape every chart kind has.

use super::chrome::{Chrome, LegendEntry};
use super::{Frame, Tooltip};
use crate::data::Dataset;
use crate::error::Result;
use crate::render::{DrawingBackend, Painter};

#[derive(Debug, Clone)]
pub struct TimelineChart {
    chrome: Chrome,
}

impl TimelineChart {
    pub fn new(ds: &Dataset, frame: &Frame, hidden: &[bool]) -> TimelineChart {
        let entries = ds
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| LegendEntry {
                label: s.label.clone(),
                color: frame.theme.series_color(i),
                hidden: hidden.get(i).copied().unwrap_or(false),
            })
            .collect();
        TimelineChart { chrome: Chrome::new(ds, frame, entries, "") }
    }
    pub fn draw<B: DrawingBackend>(&self, p: &mut Painter<B>) -> Result<()> {
        self.chrome.draw(p)?;
        p.present()
    }
    pub fn draw_hover<B: DrawingBackend>(&self, p: &mut Painter<B>, _hit: usize) -> Result<()> {
        p.present()
    }
    pub fn hit(&self, _x: f64, _y: f64) -> Option<usize> {
        None
    }
    pub fn tooltip(&self, _hit: usize) -> Option<Tooltip> {
        None
    }
    pub fn anchor(&self, _hit: usize) -> Option<(f64, f64)> {
        None
    }
    pub fn legend_at(&self, x: f64, y: f64) -> Option<usize> {
        self.chrome.legend_at(x, y)
    }
    pub fn summary(&self) -> String {
        String::new()
    }
}
