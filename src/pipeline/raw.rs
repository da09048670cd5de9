//! Reading raw CSV files by column name, with errors that name the file, line and column.

use std::collections::HashMap;
use std::path::Path;

/// A CSV file read into memory: header → column index, and the records.
pub struct Table {
    pub file: String,
    columns: HashMap<String, usize>,
    pub rows: Vec<csv::StringRecord>,
}

impl Table {
    /// Reads a comma-separated file with a header row (quoted fields, embedded newlines allowed).
    pub fn read(raw_dir: &Path, rel: &str) -> Result<Table, String> {
        let path = raw_dir.join(rel);
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Table::parse(rel, &bytes, 0)
    }

    /// Parses CSV bytes, skipping `skip_lines` preamble lines before the header.
    pub fn parse(file: &str, bytes: &[u8], skip_lines: usize) -> Result<Table, String> {
        let mut start = 0;
        for _ in 0..skip_lines {
            match bytes[start..].iter().position(|&b| b == b'\n') {
                Some(i) => start += i + 1,
                None => return Err(format!("{file}: fewer than {skip_lines} preamble lines")),
            }
        }
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(&bytes[start..]);
        let headers = rdr.headers().map_err(|e| format!("{file}: {e}"))?.clone();
        let columns = headers.iter().enumerate().map(|(i, h)| (h.trim().to_string(), i)).collect();
        let rows = rdr.records().collect::<Result<Vec<_>, _>>().map_err(|e| format!("{file}: {e}"))?;
        Ok(Table { file: file.to_string(), columns, rows })
    }

    /// Index of a column, or an error naming the file and the column.
    pub fn col(&self, name: &str) -> Result<usize, String> {
        self.columns.get(name).copied().ok_or_else(|| format!("{}: no column \"{name}\"", self.file))
    }
}

/// Parses a number cell; `NA` and empty cells are `None` (a gap, never a zero).
pub fn number(file: &str, line: usize, col: &str, cell: &str) -> Result<Option<f64>, String> {
    let c = cell.trim();
    if c.is_empty() || c == "NA" {
        return Ok(None);
    }
    c.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or_else(|| format!("{file}: line {line}, column {col}: \"{c}\" is not a number"))
}
