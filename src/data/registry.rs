//! The bundled datasets (`data/*.json`, written by `build-data`) and their index.
//!
//! Natively (the CLI, the tests, the static images) every dataset is compiled in. The browser
//! build compiles in none: a page loads only its own chart's data, which the loader fetches from
//! `pkg/data/CHART.json` (written by `dragonbear bundle`) while the wasm downloads, and hands in
//! with [`add_bundled`]. The index (each dataset's id, title, domain, description and their
//! translations) is compiled in on every target, so `charts()` lists every chart without
//! fetching any data.

use super::{parse_dataset, Dataset, Domain};
use crate::error::{Error, Result};

/// A dataset's title and description in another language (when the dataset carries them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Translated {
    pub title: Option<&'static str>,
    pub description: Option<&'static str>,
}

/// What the index says about a bundled dataset, without its data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Header {
    pub id: &'static str,
    pub title: &'static str,
    pub domain: Domain,
    pub description: &'static str,
    pub fr: Option<Translated>,
    pub de: Option<Translated>,
}

impl Header {
    /// Title and description in `locale`'s words where the dataset has them (as
    /// [`Dataset::localized`](super::Dataset::localized) gives them), else in English.
    pub fn text(&self, locale: crate::model::locale::Locale) -> (&'static str, &'static str) {
        use crate::model::locale::Locale;
        let tr = match locale {
            Locale::En => None,
            Locale::Fr => self.fr,
            Locale::De => self.de,
        };
        (tr.and_then(|t| t.title).unwrap_or(self.title), tr.and_then(|t| t.description).unwrap_or(self.description))
    }
}

/// Every bundled dataset's header, in file-name order (written by `build.rs` from `data/*.json`).
pub const HEADERS: &[Header] = include!(concat!(env!("OUT_DIR"), "/index.rs"));

/// The header of bundled dataset `id`.
pub fn header(id: &str) -> Result<&'static Header> {
    HEADERS.iter().find(|h| h.id == id).ok_or_else(|| no_such(id))
}

fn no_such(id: &str) -> Error {
    Error::invalid(format!("dataset \"{id}\""), "no such bundled dataset")
}

/// `(id, JSON)` of every bundled dataset, minified by `build.rs`. Keep in step with `data/` (a test
/// checks it, and that each parses to the same dataset as its pretty-printed file).
#[cfg(not(target_arch = "wasm32"))]
const BUNDLED: &[(&str, &str)] = &[
    ("arms-cn-ru", include_str!(concat!(env!("OUT_DIR"), "/data/arms-cn-ru.json"))),
    ("arms-ru-cn", include_str!(concat!(env!("OUT_DIR"), "/data/arms-ru-cn.json"))),
    ("arms-ru-share", include_str!(concat!(env!("OUT_DIR"), "/data/arms-ru-share.json"))),
    ("chpl", include_str!(concat!(env!("OUT_DIR"), "/data/chpl.json"))),
    ("dual-use-figures", include_str!(concat!(env!("OUT_DIR"), "/data/dual-use-figures.json"))),
    ("trade-annual", include_str!(concat!(env!("OUT_DIR"), "/data/trade-annual.json"))),
    ("trade-monthly", include_str!(concat!(env!("OUT_DIR"), "/data/trade-monthly.json"))),
    ("trade-shares", include_str!(concat!(env!("OUT_DIR"), "/data/trade-shares.json"))),
    ("trade-ussr", include_str!(concat!(env!("OUT_DIR"), "/data/trade-ussr.json"))),
    ("unga-agreement", include_str!(concat!(env!("OUT_DIR"), "/data/unga-agreement.json"))),
    ("unga-coincidence", include_str!(concat!(env!("OUT_DIR"), "/data/unga-coincidence.json"))),
    ("unga-ideal-points", include_str!(concat!(env!("OUT_DIR"), "/data/unga-ideal-points.json"))),
    ("unga-ukraine-members", include_str!(concat!(env!("OUT_DIR"), "/data/unga-ukraine-members.json"))),
    ("unga-ukraine-tallies", include_str!(concat!(env!("OUT_DIR"), "/data/unga-ukraine-tallies.json"))),
    ("unga-ukraine-votes", include_str!(concat!(env!("OUT_DIR"), "/data/unga-ukraine-votes.json"))),
    ("unsc-vetoes", include_str!(concat!(env!("OUT_DIR"), "/data/unsc-vetoes.json"))),
    ("unsc-vetoes-per-year", include_str!(concat!(env!("OUT_DIR"), "/data/unsc-vetoes-per-year.json"))),
];

/// Ids of the bundled datasets.
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled_ids() -> impl Iterator<Item = &'static str> {
    BUNDLED.iter().map(|(id, _)| *id)
}

/// The compact JSON text of a bundled dataset (what `dragonbear bundle` writes for the browser).
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled_text(id: &str) -> Result<&'static str> {
    BUNDLED.iter().find(|(i, _)| *i == id).map(|(_, json)| *json).ok_or_else(|| no_such(id))
}

/// Parses and validates a bundled dataset.
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled_dataset(id: &str) -> Result<Dataset> {
    parse_dataset(bundled_text(id)?, id)
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The bundled datasets handed in so far ([`add_bundled`]), parsed and validated.
    static LOADED: std::cell::RefCell<Vec<std::rc::Rc<Dataset>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A bundled dataset handed in by the page ([`add_bundled`]); a clear message if it was not.
#[cfg(target_arch = "wasm32")]
pub fn bundled_dataset(id: &str) -> Result<Dataset> {
    if let Some(ds) = LOADED.with(|l| l.borrow().iter().find(|d| d.id == id).cloned()) {
        return Ok((*ds).clone());
    }
    header(id)?;
    Err(Error::invalid(
        format!("dataset \"{id}\""),
        "its data is not loaded: the loader (embed.js) fetches it from pkg/data/ beside the wasm; \
         without the loader, pass the text of pkg/data/CHART.json to addData() before mount()",
    ))
}

/// Whether bundled dataset `id` has been handed in ([`add_bundled`]).
#[cfg(target_arch = "wasm32")]
pub fn is_loaded(id: &str) -> bool {
    LOADED.with(|l| l.borrow().iter().any(|d| d.id == id))
}

/// Hands in bundled datasets: `text` is a chart's data file as `dragonbear bundle` writes it, a
/// JSON array with one compact dataset per line (`[`, `{…},`, `{…}`, `]`), so that each line is
/// parsed and validated like any document, with line-exact messages, and kept under its id, which
/// must be a bundled dataset's. `context` names the file in messages. Returns the ids added.
pub fn add_bundled(text: &str, context: &str) -> Result<Vec<String>> {
    let mut added = Vec::new();
    let lines = text.lines().map(str::trim).filter(|l| !matches!(*l, "" | "[" | "]"));
    for line in lines.map(|l| l.strip_suffix(',').unwrap_or(l)) {
        let ds = parse_dataset(line, context)?;
        if header(&ds.id).is_err() {
            return Err(Error::invalid(format!("{context}, dataset \"{}\"", ds.id), "not a bundled dataset"));
        }
        added.push(ds.id.clone());
        #[cfg(target_arch = "wasm32")]
        LOADED.with(|l| {
            let mut l = l.borrow_mut();
            l.retain(|d| d.id != ds.id);
            l.push(std::rc::Rc::new(ds));
        });
    }
    Ok(added)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::locale::Locale;

    #[test]
    fn every_file_in_data_is_bundled_and_valid() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|n| n.strip_suffix(".json").map(str::to_string))
            .collect();
        files.sort();
        let mut ids: Vec<String> = bundled_ids().map(str::to_string).collect();
        ids.sort();
        assert_eq!(files, ids);
        for id in bundled_ids() {
            let ds = bundled_dataset(id).unwrap();
            assert_eq!(ds.id, id);
            // The minified copy compiled in holds the same dataset as the file in data/.
            let pretty = std::fs::read_to_string(format!("{dir}/{id}.json")).unwrap();
            assert_eq!(ds, parse_dataset(&pretty, id).unwrap(), "{id}");
            let compiled = bundled_text(id).unwrap();
            // Minified: no indentation (a text-heavy dataset, with its translations, saves little).
            assert!(
                !compiled.contains('\n') && compiled.len() < pretty.len(),
                "{id} is minified ({} of {} bytes)",
                compiled.len(),
                pretty.len()
            );
        }
    }

    #[test]
    fn the_index_has_every_dataset_with_its_own_header() {
        let mut ids: Vec<&str> = HEADERS.iter().map(|h| h.id).collect();
        let mut bundled: Vec<&str> = bundled_ids().collect();
        ids.sort();
        bundled.sort();
        assert_eq!(ids, bundled);
        for h in HEADERS {
            for locale in [Locale::En, Locale::Fr, Locale::De] {
                let ds = bundled_dataset(h.id).unwrap().localized(locale);
                let (title, description) = h.text(locale);
                assert_eq!(
                    (title, h.domain, description),
                    (ds.title.as_str(), ds.domain, ds.description.as_str()),
                    "{}",
                    h.id
                );
            }
        }
        // The translations are carried through (every bundled dataset has both).
        assert!(HEADERS.iter().all(|h| h.fr.is_some_and(|t| t.title.is_some()) && h.de.is_some()));
        assert!(header("no-such").is_err());
    }

    #[test]
    fn add_bundled_reads_json_lines_of_bundled_datasets_only() {
        let (votes, tallies) =
            (bundled_text("unga-ukraine-votes").unwrap(), bundled_text("unga-ukraine-tallies").unwrap());
        let two = format!("[\n{votes},\n{tallies}\n]\n");
        let _: serde_json::Value = serde_json::from_str(&two).expect("a chart's data file is JSON");
        assert_eq!(add_bundled(&two, "x.json").unwrap(), ["unga-ukraine-votes", "unga-ukraine-tallies"]);
        let foreign = bundled_text("trade-shares").unwrap().replacen("\"id\":\"trade-shares\"", "\"id\":\"mine\"", 1);
        let e = add_bundled(&foreign, "x.json").unwrap_err().to_string();
        assert_eq!(e, "Invalid data in x.json, dataset \"mine\": not a bundled dataset");
        let e = add_bundled("{\"id\": 3}", "x.json").unwrap_err().to_string();
        assert!(e.starts_with("Invalid data (x.json): id: invalid type"), "{e}");
    }
}
