//! The CSV a reader downloads and `dragonbear data ID` prints: long format, one row per point,
//! header `series,period,value,unit,source`. Datasets whose points carry labels (records such as
//! a country's vote or a veto's draft symbol) get a column `label`, and datasets whose points carry
//! notes (what an HS code is, the page a figure was read from, how it was derived) a last column
//! `note`, so the download says as much as the tooltip.

use crate::data::Dataset;

pub fn to_csv(ds: &Dataset) -> String {
    let labelled = ds.series.iter().any(|s| s.points.iter().any(|p| p.label.is_some()));
    let noted = ds.series.iter().any(|s| s.points.iter().any(|p| p.note.is_some()));
    let mut out = String::from("series,period,value,unit,source");
    if labelled {
        out.push_str(",label");
    }
    if noted {
        out.push_str(",note");
    }
    out.push('\n');
    for (i, s) in ds.series.iter().enumerate() {
        for p in &s.points {
            let source = ds.source(p.source).map_or(p.source, |s| s.title.as_str());
            out.push_str(&field(&s.label));
            out.push(',');
            out.push_str(&field(p.period));
            out.push(',');
            out.push_str(&p.value.to_string());
            out.push(',');
            out.push_str(ds.unit_of(i).as_str());
            out.push(',');
            out.push_str(&field(source));
            if labelled {
                out.push(',');
                out.push_str(&field(p.label.unwrap_or("")));
            }
            if noted {
                out.push(',');
                out.push_str(&field(p.note.unwrap_or("")));
            }
            out.push('\n');
        }
    }
    out
}

/// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so spreadsheets do not
/// run data as a formula.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn chpl_rows_say_what_each_code_is() {
        let ds = crate::data::bundled_dataset("chpl").unwrap();
        let csv = super::to_csv(&ds);
        assert!(csv.starts_with("series,period,value,unit,source,label,note\n"), "{}", &csv[..80]);
        let row = csv.lines().find(|l| l.contains(",854231,")).unwrap();
        assert!(row.contains("\"HS 2022: Electronic integrated circuits; processors and controllers,"), "{row}");
    }

    #[test]
    fn quotes_and_defuses_fields() {
        assert_eq!(field("China–Russia"), "China–Russia");
        assert_eq!(field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }
}
