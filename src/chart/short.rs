//! Short legend labels for a phone's compact legend, for the bundled charts whose series labels
//! are too long to sit two to a line at 320–400 px. Keyed by dataset and series id; the full label
//! stays in the tooltip, the table and the legend of wider charts.

/// `(dataset id, series id, short label in English, French, German)`: at most about 17 characters,
/// what fits half a 360 px legend line (the chart's title and tooltip say the rest).
const SHORT: &[(&str, &str, [&str; 3])] = &[
    ("trade-annual", "total", ["Total trade", "Commerce total", "Handel gesamt"]),
    ("trade-annual", "cn-exports", ["Exports to Russia", "Exportations", "Ausfuhren"]),
    ("trade-annual", "cn-imports", ["Imports from Russia", "Importations", "Einfuhren"]),
    ("trade-monthly", "total-derived", ["Total trade", "Commerce total", "Handel gesamt"]),
    ("trade-monthly", "cn-exports-derived", ["Exports to Russia", "Exportations", "Ausfuhren"]),
    ("trade-monthly", "cn-imports-derived", ["Imports from Russia", "Importations", "Einfuhren"]),
    ("trade-monthly", "total-printed", ["Total (as printed)", "Total publié", "Gesamt (veröff.)"]),
    ("trade-monthly", "cn-exports-printed", ["Exports (as printed)", "Export. publiées", "Ausfuhr (veröff.)"]),
    ("trade-monthly", "cn-imports-printed", ["Imports (as printed)", "Import. publiées", "Einfuhr (veröff.)"]),
    ("trade-shares", "russia-in-china", ["Russia in China's trade", "Part de la Russie", "Anteil Russlands"]),
    ("trade-shares", "china-in-russia", ["China in Russia's trade", "Part de la Chine", "Anteil Chinas"]),
    ("unga-coincidence", "china-russia", ["Identical votes", "Votes identiques", "Gleiche Stimmen"]),
    ("unga-coincidence", "china-russia-half", ["Abstention counts half", "Abstention à ½", "Enthaltung = ½"]),
];

/// The short label of a series of a bundled dataset in a language, if it has one.
pub fn label(dataset: &str, series: &str, l: crate::model::locale::Locale) -> Option<&'static str> {
    let column = crate::model::locale::Locale::ALL.iter().position(|&x| x == l).unwrap_or(0);
    SHORT.iter().find(|(d, s, _)| *d == dataset && *s == series).map(|(_, _, labels)| labels[column])
}
