#![cfg(not(target_arch = "wasm32"))]
//! The raw folder committed in `data/raw` is what its READMEs describe: each source folder has a
//! README with origin, licence, coverage, caveats and the sha256 of every file in it (checked here
//! against the bytes), and the folder holds exactly the files the pipeline reads.

mod common;
use common::raw_dir;

use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

/// Every file under `dir`, relative to `root`, with `/` separators.
fn files(root: &Path, dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(root, &p, out);
        } else {
            out.push(p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"));
        }
    }
}

fn all_files() -> Vec<String> {
    let raw = raw_dir();
    let mut out = Vec::new();
    files(&raw, &raw, &mut out);
    out.sort();
    out
}

/// `sha256  name` lines of a README (the `sha256sum` format).
fn recorded(readme: &str) -> Vec<(String, String)> {
    readme
        .lines()
        .filter_map(|l| {
            let (hash, name) = l.split_once("  ")?;
            (hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
                .then(|| (hash.to_string(), name.to_string()))
        })
        .collect()
}

#[test]
fn every_raw_file_has_the_sha256_its_readme_records() {
    let raw = raw_dir();
    let all = all_files();
    let data: Vec<&String> = all.iter().filter(|f| !f.ends_with("README.md")).collect();
    assert!(!data.is_empty());
    for f in data {
        let dir = Path::new(f).parent().unwrap();
        let readme_path = raw.join(dir).join("README.md");
        let readme = std::fs::read_to_string(&readme_path)
            .unwrap_or_else(|_| panic!("{f}: its folder has no README.md describing it"));
        let name = Path::new(f).file_name().unwrap().to_string_lossy().to_string();
        let hashes = recorded(&readme);
        let (want, _) = hashes
            .iter()
            .find(|(_, n)| *n == name)
            .unwrap_or_else(|| panic!("{f}: not listed with its sha256 in {}", readme_path.display()));
        let have = format!("{:x}", Sha256::digest(std::fs::read(raw.join(f)).unwrap()));
        assert_eq!(&have, want, "{f}: sha256 differs from its README (the file changed, or the README is stale)");
    }
}

#[test]
fn every_readme_lists_only_files_that_exist_and_says_what_a_reader_needs() {
    let raw = raw_dir();
    for f in all_files().iter().filter(|f| f.ends_with("README.md")) {
        let text = std::fs::read_to_string(raw.join(f)).unwrap();
        for heading in ["## Origin", "## Licence", "## Coverage", "## Caveats", "## sha256"] {
            assert!(text.contains(heading), "{f}: no \"{heading}\" section");
        }
        let dir = raw.join(f).parent().unwrap().to_path_buf();
        let listed = recorded(&text);
        assert!(!listed.is_empty(), "{f}: lists no sha256");
        for (_, name) in listed {
            assert!(dir.join(&name).is_file(), "{f}: lists {name}, which is not in the folder");
        }
    }
}

#[test]
fn the_raw_folder_holds_exactly_what_the_pipeline_reads() {
    let have: BTreeSet<String> = all_files().into_iter().filter(|f| !f.ends_with("README.md")).collect();
    let want: BTreeSet<String> = dragonbear::pipeline::RAW_FILES
        .iter()
        .chain(dragonbear::pipeline::LICENCE_NOTICES)
        .map(|s| s.to_string())
        .collect();
    let extra: Vec<_> = have.difference(&want).collect();
    let missing: Vec<_> = want.difference(&have).collect();
    assert!(extra.is_empty(), "files in data/raw the pipeline does not read (keep the repository lean): {extra:?}");
    assert!(missing.is_empty(), "files the pipeline reads that are not in data/raw: {missing:?}");
    for f in &have {
        for ext in [".rda", ".xlsx", ".xls", ".zip"] {
            assert!(!f.ends_with(ext), "{f}: no R data, spreadsheet or archive copies in data/raw");
        }
    }
}
