//! The datasets compiled into the crate (`data/*.json`, written by `build-data`).

use super::{parse_dataset, Dataset};
use crate::error::{Error, Result};

/// `(id, JSON)` of every bundled dataset, minified by `build.rs`. Keep in step with `data/` (a test
/// checks it, and that each parses to the same dataset as its pretty-printed file).
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
pub fn bundled_ids() -> impl Iterator<Item = &'static str> {
    BUNDLED.iter().map(|(id, _)| *id)
}

/// Parses and validates a bundled dataset.
pub fn bundled_dataset(id: &str) -> Result<Dataset> {
    let (_, json) = BUNDLED
        .iter()
        .find(|(i, _)| *i == id)
        .ok_or_else(|| Error::invalid(format!("dataset \"{id}\""), "no such bundled dataset"))?;
    parse_dataset(json, id)
}

#[cfg(test)]
mod tests {
    use super::*;

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
            let (_, compiled) = BUNDLED.iter().find(|(i, _)| *i == id).unwrap();
            // Minified: no indentation (a text-heavy dataset, with its translations, saves little).
            assert!(
                !compiled.contains('\n') && compiled.len() < pretty.len(),
                "{id} is minified ({} of {} bytes)",
                compiled.len(),
                pretty.len()
            );
        }
    }
}
