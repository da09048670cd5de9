//! Reading raw CSV files by column name, with errors that name the file, line and column.

use std::collections::HashMap;
use std::path::Path;

/// A CSV file read into memory: header → column index, and the records.
pub struct Table {
    pub file: String,
    columns: HashMap<String, usize>,
    pub rows: Vec<csv::StringRecord>,
    /// Lines of the file before the text the CSV reader saw (preamble).
    line_offset: usize,
}

impl Table {
    /// Reads a comma-separated file with a header row (quoted fields, embedded newlines allowed).
    pub fn read(raw_dir: &Path, rel: &str) -> Result<Table, String> {
        let path = raw_dir.join(rel);
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Table::parse(rel, &bytes, 0)
    }

    /// Reads a file whose data lines end with a stray `;` (the SIPRI export): skips `skip_lines`
    /// preamble lines, then removes one trailing `;` (before any `\r`) from every remaining line.
    pub fn read_semicolon_terminated(raw_dir: &Path, rel: &str, skip_lines: usize) -> Result<Table, String> {
        let path = raw_dir.join(rel);
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut cleaned = Vec::with_capacity(bytes.len());
        let mut lines = bytes.split(|&b| b == b'\n').peekable();
        for _ in 0..skip_lines {
            if lines.next().is_none() {
                return Err(format!("{rel}: fewer than {skip_lines} preamble lines"));
            }
        }
        while let Some(line) = lines.next() {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let line = line.strip_suffix(b";").unwrap_or(line);
            cleaned.extend_from_slice(line);
            if lines.peek().is_some() {
                cleaned.push(b'\n');
            }
        }
        let mut t = Table::parse(rel, &cleaned, 0)?;
        t.line_offset = skip_lines;
        Ok(t)
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
        Ok(Table { file: file.to_string(), columns, rows, line_offset: skip_lines })
    }

    /// Line in the file where row `i` (0-based, after the header) starts.
    pub fn line(&self, i: usize) -> usize {
        let at = self.rows.get(i).and_then(|r| r.position()).map(|p| p.line() as usize);
        at.unwrap_or(i + 2) + self.line_offset
    }

    /// The trimmed text of row `i`, column `col` (empty when the row is short).
    pub fn cell(&self, i: usize, col: usize) -> &str {
        self.rows.get(i).and_then(|r| r.get(col)).map_or("", str::trim)
    }

    /// A number cell of row `i` (gap = `None`), with an error naming file, line and column.
    pub fn number(&self, i: usize, col: usize, name: &str) -> Result<Option<f64>, String> {
        number(&self.file, self.line(i), name, self.cell(i, col))
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

/// Rounds to `decimals` places (to print unit conversions cleanly).
pub fn round(v: f64, decimals: u32) -> f64 {
    let f = 10f64.powi(decimals as i32);
    let r = (v * f).round() / f;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Collapses runs of whitespace (including embedded newlines) to single spaces.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
