//! The CSV a reader downloads and `dragonbear data ID` prints: long format, one row per point,
//! header `series,period,value,unit,source`. Datasets whose points carry labels (records such as
//! a country's vote or a veto's draft symbol) get a sixth column, `label`.

use crate::data::Dataset;

pub fn to_csv(ds: &Dataset) -> String {
    let labelled = ds.series.iter().any(|s| s.points.iter().any(|p| p.label.is_some()));
    let mut out = String::from(if labelled {
        "series,period,value,unit,source,label\n"
    } else {
        "series,period,value,unit,source\n"
    });
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

    #[test]
    fn quotes_and_defuses_fields() {
        assert_eq!(field("China–Russia"), "China–Russia");
        assert_eq!(field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }
}
