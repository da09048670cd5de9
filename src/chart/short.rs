//! Short legend labels for a phone's compact legend, for the bundled charts whose series labels
//! are too long to sit two to a line at 320–400 px. Keyed by dataset and series id; the full label
//! stays in the tooltip, the table and the legend of wider charts.

/// `(dataset id, series id, short label)`.
const SHORT: &[(&str, &str, &str)] = &[
    ("trade-annual", "total", "Total trade"),
    ("trade-annual", "cn-exports", "Exports to Russia"),
    ("trade-annual", "cn-imports", "Imports from Russia"),
    ("trade-monthly", "total-derived", "Total trade"),
    ("trade-monthly", "cn-exports-derived", "Exports to Russia"),
    ("trade-monthly", "cn-imports-derived", "Imports from Russia"),
    ("trade-monthly", "total-printed", "Total (as printed)"),
    ("trade-monthly", "cn-exports-printed", "Exports (as printed)"),
    ("trade-monthly", "cn-imports-printed", "Imports (as printed)"),
    ("trade-shares", "russia-in-china", "Russia in China's trade"),
    ("trade-shares", "china-in-russia", "China in Russia's trade"),
    ("unga-coincidence", "china-russia", "Identical votes"),
    ("unga-coincidence", "china-russia-half", "Abstention counts half"),
];

/// The short label of a series of a bundled dataset, if it has one.
pub fn label(dataset: &str, series: &str) -> Option<&'static str> {
    SHORT.iter().find(|(d, s, _)| *d == dataset && *s == series).map(|(_, _, l)| *l)
}
