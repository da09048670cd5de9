//! Vote matrix: one row per resolution (symbol and date, in date order), one column per vote
//! series (a cell coloured by the vote, with a short word), then the tallies as text columns.
//!
//! [`MatrixChart::new`] picks the most verbose layout that fits the frame (full symbols, dates and
//! names; then short symbols and abbreviated headers; then smaller type) by measuring every text,
//! and computes every cell once; `draw`, `draw_hover`, `hit` and `tooltip` read that geometry.
//! A point missing from the source is a blank cell with a dash, never a coloured vote.
//!
//! Vote colours and words come from [`super::vote`], shared with the vote grid.

use super::chrome::{Chrome, LegendEntry, Rect, LABEL_SIZE};
use super::vote::Vote;
use super::ChartKind;
use super::{Frame, Tooltip, TooltipRow};
use crate::data::{Dataset, Frequency, Unit};
use crate::error::Result;
use crate::model::locale::{Locale, Text};
use crate::model::{clamp, sort};
use crate::render::{Anchor, Measure, Painter, Surface};

/// `s.find(pat)` for a `pat` of two or more bytes, without the standard library's two-way
/// substring search (~3 KB of wasm for these two calls).
fn find(s: &str, pat: &str) -> Option<usize> {
    s.as_bytes().windows(pat.len()).position(|w| w == pat.as_bytes())
}

/// The first sentence of a note ("Aggression against Ukraine. A per https://…" → "Aggression
/// against Ukraine.").
pub(super) fn first_sentence(note: &str) -> String {
    match find(note, ". ") {
        Some(i) => note[..=i].to_string(),
        None => note.trim().to_string(),
    }
}

const COL_GAP: f64 = 3.0;

#[derive(Debug, Clone, Copy, PartialEq)]
enum ColKind {
    Vote,
    Count,
}

#[derive(Debug, Clone)]
struct Column {
    series: usize,
    kind: ColKind,
    header: String,
    /// Left x of the header text.
    header_x: f64,
    x0: f64,
    x1: f64,
}

#[derive(Debug, Clone)]
struct Row {
    /// The symbol as the data has it (the record's key).
    key: String,
    period: String,
    /// The resolution's short title (first sentence of a point note).
    title: Option<String>,
    symbol: String,
    date: String,
    y0: f64,
    y1: f64,
}

#[derive(Debug, Clone)]
struct Cell {
    row: usize,
    col: usize,
    rect: Rect,
    /// `(value, source id)`, or None where the source has no figure.
    point: Option<(f64, std::rc::Rc<str>)>,
    text: String,
    /// Left x of the text.
    text_x: f64,
}

/// How verbose a layout is.
#[derive(Debug, Clone, Copy)]
struct Style {
    size: f64,
    /// Horizontal padding inside a cell.
    pad: f64,
    short_symbol: bool,
    short_headers: bool,
    date: DateForm,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum DateForm {
    Full,
    MonthYear,
    Year,
    None,
}

const STYLES: [Style; 9] = [
    Style { size: LABEL_SIZE, pad: 6.0, short_symbol: false, short_headers: false, date: DateForm::Full },
    Style { size: LABEL_SIZE, pad: 6.0, short_symbol: false, short_headers: true, date: DateForm::Full },
    Style { size: LABEL_SIZE, pad: 6.0, short_symbol: true, short_headers: true, date: DateForm::Full },
    Style { size: 11.0, pad: 4.0, short_symbol: true, short_headers: true, date: DateForm::Full },
    Style { size: 11.0, pad: 3.0, short_symbol: true, short_headers: true, date: DateForm::MonthYear },
    Style { size: 10.0, pad: 3.0, short_symbol: true, short_headers: true, date: DateForm::MonthYear },
    Style { size: 10.0, pad: 2.0, short_symbol: true, short_headers: true, date: DateForm::Year },
    Style { size: 10.0, pad: 2.0, short_symbol: true, short_headers: true, date: DateForm::None },
    Style { size: 9.0, pad: 1.0, short_symbol: true, short_headers: true, date: DateForm::None },
];

/// Widths of every column of a style: `(symbol, date, per column)`; vote columns share one width.
fn column_widths(
    m: &dyn Measure,
    l: Locale,
    st: &Style,
    rows: &[Row],
    headers: &[(ColKind, String, Vec<String>)],
) -> (f64, f64, Vec<f64>) {
    let (sym_head, date_head) = head_words(st, l);
    let sym_w = rows
        .iter()
        .map(|r| m.width(&symbol_text(&r.key, st.short_symbol), st.size, false))
        .fold(m.width(sym_head, st.size, false), f64::max);
    let date_w = if st.date == DateForm::None {
        0.0
    } else {
        rows.iter()
            .map(|r| m.width(&date_text(&r.period, st.date, l), st.size, false))
            .fold(m.width(date_head, st.size, false), f64::max)
    };
    let natural: Vec<f64> = headers
        .iter()
        .map(|(kind, header, texts)| {
            let bold = *kind == ColKind::Vote;
            texts.iter().map(|t| m.width(t, st.size, bold)).fold(m.width(header, st.size, true), f64::max)
                + 2.0 * st.pad
        })
        .collect();
    let vote_w =
        headers.iter().zip(&natural).filter(|(h, _)| h.0 == ColKind::Vote).map(|(_, w)| *w).fold(0.0, f64::max);
    let cols = headers.iter().zip(natural).map(|(h, w)| if h.0 == ColKind::Vote { vote_w } else { w }).collect();
    (sym_w, date_w, cols)
}

/// Headers of the symbol and date columns.
fn head_words(st: &Style, l: Locale) -> (&'static str, &'static str) {
    (if st.short_symbol { "" } else { l.text(Text::Resolution) }, l.text(Text::Date))
}

#[derive(Debug, Clone)]
pub struct MatrixChart {
    chrome: Chrome,
    /// Legend entry → series index.
    legend_series: Vec<usize>,
    style: Style,
    /// x of the symbol and date columns; x of the line between votes and tallies.
    symbol_x: f64,
    date_x: f64,
    split_x: Option<f64>,
    header_y: (f64, f64),
    columns: Vec<Column>,
    rows: Vec<Row>,
    cells: Vec<Cell>,
    /// Where rows that did not fit are mentioned, with the text.
    more: Option<((f64, f64), String)>,
    empty: Option<String>,
    series_labels: Vec<String>,
    units: Vec<Unit>,
    summary: String,
}

impl ChartKind for MatrixChart {
    fn new(ds: &Dataset, frame: &Frame, hidden: &[bool]) -> MatrixChart {
        let l = frame.locale;
        let theme = frame.theme.clone();
        let is_hidden = |i: usize| hidden.get(i).copied().unwrap_or(false);
        let m = &*frame.measure;
        let units: Vec<Unit> = (0..ds.series.len()).map(|i| ds.unit_of(i)).collect();
        let legend_series: Vec<usize> = (0..ds.series.len()).filter(|&i| units[i] == Unit::Vote).collect();
        let entries = legend_series
            .iter()
            .map(|&i| LegendEntry { label: ds.series[i].label.clone(), color: theme.muted, hidden: is_hidden(i) })
            .collect();
        let chrome = Chrome::new(ds, frame, entries, "");
        let (bx0, by0, bx1, by1) = chrome.body;

        // Rows: every label of every series, in date order (then first appearance).
        let mut rows: Vec<Row> = Vec::new();
        for s in &ds.series {
            for p in &s.points {
                let key = p.label.map_or_else(|| p.period.to_string(), str::to_string);
                let title = p.note.map(first_sentence).filter(|t| !t.is_empty());
                match rows.iter_mut().find(|r| r.key == key) {
                    Some(r) => {
                        if r.title.is_none() {
                            r.title = title;
                        }
                    }
                    None => rows.push(Row {
                        symbol: String::new(),
                        date: String::new(),
                        key,
                        period: p.period.to_string(),
                        title,
                        y0: 0.0,
                        y1: 0.0,
                    }),
                }
            }
        }
        sort::sort_by(&mut rows, |a, b| a.period.cmp(&b.period));

        // Columns: visible vote series, then visible tallies.
        let mut columns: Vec<Column> = Vec::new();
        for kind in [ColKind::Vote, ColKind::Count] {
            for (i, _) in ds.series.iter().enumerate() {
                if !is_hidden(i) && ((units[i] == Unit::Vote) == (kind == ColKind::Vote)) {
                    columns.push(Column { series: i, kind, header: String::new(), header_x: 0.0, x0: 0.0, x1: 0.0 });
                }
            }
        }
        let value_at = |series: usize, key: &str| {
            ds.series[series]
                .points
                .iter()
                .find(|p| p.label.unwrap_or(p.period) == key)
                .map(|p| (p.value, std::rc::Rc::<str>::from(p.source)))
        };
        let cell_text = |kind: ColKind, v: Option<f64>| match (kind, v) {
            (_, None) => "—".to_string(),
            (ColKind::Vote, Some(v)) => Vote::of(v).short(l).to_string(),
            (ColKind::Count, Some(v)) => l.fixed(v, if v.fract() == 0.0 { 0 } else { 1 }),
        };

        let body_w = bx1 - bx0;
        let body_h = by1 - by0;
        let texts = |st: &Style| -> Vec<(ColKind, String, Vec<String>)> {
            columns
                .iter()
                .map(|c| {
                    let cells =
                        rows.iter().map(|r| cell_text(c.kind, value_at(c.series, &r.key).map(|v| v.0))).collect();
                    (c.kind, header_text(ds, c.series, c.kind, st.short_headers, l), cells)
                })
                .collect()
        };
        let has_split =
            columns.iter().any(|c| c.kind == ColKind::Count) && columns.iter().any(|c| c.kind == ColKind::Vote);
        let total_w = |st: &Style| {
            let (sym_w, date_w, cols) = column_widths(m, l, st, &rows, &texts(st));
            let date = if st.date == DateForm::None { 0.0 } else { date_w + 10.0 };
            sym_w + 10.0 + date + cols.iter().map(|w| w + COL_GAP).sum::<f64>() + if has_split { 8.0 } else { 0.0 }
        };
        let total_h = |st: &Style| st.size + 10.0 + rows.len() as f64 * (st.size + 5.0);
        let style = STYLES
            .iter()
            .copied()
            .find(|st| total_w(st) <= body_w && total_h(st) <= body_h)
            .or_else(|| STYLES.iter().copied().find(|st| total_w(st) <= body_w))
            .unwrap_or(STYLES[STYLES.len() - 1]);

        // Horizontal layout.
        let size = style.size;
        let headers = texts(&style);
        let (sym_w, date_w, widths) = column_widths(m, l, &style, &rows, &headers);
        for r in rows.iter_mut() {
            r.symbol = symbol_text(&r.key, style.short_symbol);
            r.date = date_text(&r.period, style.date, l);
        }
        let symbol_x = bx0;
        let date_x = symbol_x + sym_w + 10.0;
        let mut x = if style.date == DateForm::None { date_x } else { date_x + date_w + 10.0 };
        let mut split_x = None;
        for i in 0..columns.len() {
            let kind = columns[i].kind;
            if kind == ColKind::Count && i > 0 && columns[i - 1].kind == ColKind::Vote {
                split_x = Some(x + 2.0);
                x += 8.0;
            }
            let header = headers.get(i).map(|h| h.1.clone()).unwrap_or_default();
            let w = widths.get(i).copied().unwrap_or(0.0);
            let hw = m.width(&header, size, true);
            let c = &mut columns[i];
            c.header_x = if kind == ColKind::Vote { x + (w - hw) / 2.0 } else { x + w - style.pad - hw };
            c.header = header;
            c.x0 = x;
            c.x1 = x + w;
            x += w + COL_GAP;
        }

        // Vertical layout: rows as tall as the body allows (within reason); rows that do not fit
        // even at the smallest type are named in a line below, never cut.
        let header_h = size + 10.0;
        let header_y = (by0, by0 + header_h);
        let min_row = size + 5.0;
        let avail = body_h - header_h;
        let mut shown = rows.len();
        let mut more = None;
        if rows.len() as f64 * min_row > avail {
            let more_h = size + 8.0;
            shown = ((avail - more_h) / min_row).floor().max(0.0) as usize;
            let text = format!("+ {} more rows (see the table view)", rows.len() - shown);
            more = Some(((bx0, by0 + header_h + shown as f64 * min_row + 4.0), text));
        }
        let row_h = if shown == 0 { min_row } else { clamp(avail / shown as f64, min_row, size + 14.0) };
        rows.truncate(shown);
        for (k, r) in rows.iter_mut().enumerate() {
            r.y0 = by0 + header_h + k as f64 * row_h;
            r.y1 = r.y0 + row_h;
        }
        let mut cells = Vec::new();
        for (ri, r) in rows.iter().enumerate() {
            for (ci, c) in columns.iter().enumerate() {
                let point = value_at(c.series, &r.key);
                let text = cell_text(c.kind, point.as_ref().map(|v| v.0));
                let tw = m.width(&text, size, c.kind == ColKind::Vote && point.is_some());
                let text_x = if c.kind == ColKind::Vote { (c.x0 + c.x1 - tw) / 2.0 } else { c.x1 - style.pad - tw };
                cells.push(Cell { row: ri, col: ci, rect: (c.x0, r.y0 + 1.0, c.x1, r.y1 - 1.0), point, text, text_x });
            }
        }
        let empty = if ds.series.is_empty() || rows.is_empty() && more.is_none() {
            Some(l.text(Text::NoResolutions).to_string())
        } else if columns.is_empty() {
            Some(l.text(Text::EverySeriesHidden).to_string())
        } else {
            None
        };
        let summary = summarize(ds, hidden, l);
        MatrixChart {
            chrome,
            legend_series,
            style,
            symbol_x,
            date_x,
            split_x,
            header_y,
            columns,
            rows,
            cells,
            more,
            empty,
            series_labels: ds.series.iter().map(|s| s.label.clone()).collect(),
            units,
            summary,
        }
    }

    fn draw<S: Surface + ?Sized>(&self, p: &mut Painter<S>) -> Result<()> {
        let t = &self.chrome.theme;
        if let Some(msg) = &self.empty {
            return self.chrome.draw_message(p, msg);
        }
        self.chrome.draw(p)?;
        let (bx0, _, bx1, _) = self.chrome.body;
        let size = self.style.size;
        let hy = (self.header_y.0 + self.header_y.1) / 2.0;
        let (sym_head, date_head) = head_words(&self.style, self.chrome.locale);
        p.text(sym_head, (self.symbol_x, hy), size, t.muted, Anchor::LeftMiddle, false)?;
        if self.style.date != DateForm::None {
            p.text(date_head, (self.date_x, hy), size, t.muted, Anchor::LeftMiddle, false)?;
        }
        for c in &self.columns {
            let color = if c.kind == ColKind::Vote { t.text } else { t.muted };
            p.text(&c.header, (c.header_x, hy), size, color, Anchor::LeftMiddle, true)?;
        }
        let right = self.columns.last().map_or(bx1, |c| c.x1);
        p.line((bx0, self.header_y.1), (right, self.header_y.1), t.axis, 1.0)?;
        for (k, r) in self.rows.iter().enumerate() {
            let mid = (r.y0 + r.y1) / 2.0;
            if k > 0 {
                p.line((bx0, r.y0), (right, r.y0), t.grid, 1.0)?;
            }
            p.text(&r.symbol, (self.symbol_x, mid), size, t.text, Anchor::LeftMiddle, false)?;
            if self.style.date != DateForm::None {
                p.text(&r.date, (self.date_x, mid), size, t.muted, Anchor::LeftMiddle, false)?;
            }
        }
        if let (Some(x), Some(last)) = (self.split_x, self.rows.last()) {
            p.line((x, self.header_y.0 + 2.0), (x, last.y1), t.axis, 1.0)?;
        }
        for cell in &self.cells {
            let Some(c) = self.columns.get(cell.col) else { continue };
            let r = cell.rect;
            let at = (cell.text_x, (r.1 + r.3) / 2.0);
            match (c.kind, &cell.point) {
                (_, None) => p.text(&cell.text, at, size, t.muted, Anchor::LeftMiddle, false)?,
                (ColKind::Vote, Some((v, _))) => {
                    let vote = Vote::of(*v);
                    vote.draw_box(p, r, t)?;
                    p.text(&cell.text, at, size, vote.ink(t), Anchor::LeftMiddle, true)?;
                }
                (ColKind::Count, Some(_)) => p.text(&cell.text, at, size, t.text, Anchor::LeftMiddle, false)?,
            }
        }
        if let Some((at, text)) = &self.more {
            p.text(text, *at, size, t.muted, Anchor::LeftTop, false)?;
        }
        p.present()
    }

    /// The hover layer: an outline around the cell.
    fn draw_hover<S: Surface + ?Sized>(&self, p: &mut Painter<S>, hit: usize) -> Result<()> {
        let Some(c) = self.cells.get(hit) else { return Ok(()) };
        let r = c.rect;
        p.stroke_rect((r.0 - 1.0, r.1 - 1.0), (r.2 + 1.0, r.3 + 1.0), self.chrome.theme.text, 2.0)?;
        p.present()
    }

    /// The cell under the pointer (gaps between cells count as the nearer cell's).
    fn hit(&self, x: f64, y: f64) -> Option<usize> {
        let row = self.rows.iter().position(|r| y >= r.y0 && y < r.y1)?;
        let col = self.columns.iter().position(|c| x >= c.x0 - COL_GAP / 2.0 && x < c.x1 + COL_GAP / 2.0 + 0.5)?;
        self.cells.iter().position(|c| c.row == row && c.col == col)
    }

    fn tooltip(&self, hit: usize) -> Option<Tooltip> {
        let cell = self.cells.get(hit)?;
        let row = self.rows.get(cell.row)?;
        let t = &self.chrome.theme;
        let l = self.chrome.locale;
        let mut rows = Vec::new();
        let mut sources: Vec<&str> = Vec::new();
        for c in self.cells.iter().filter(|c| c.row == cell.row) {
            let Some(col) = self.columns.get(c.col) else { continue };
            let label = self.series_labels.get(col.series).cloned().unwrap_or_default();
            let (value, color) = match (&c.point, col.kind) {
                (None, _) => (l.text(Text::NoFigureInSource).to_string(), t.muted),
                (Some((v, s)), ColKind::Vote) => {
                    sources.push(s);
                    (Vote::text(*v, l), Vote::of(*v).fill(t).unwrap_or(t.muted))
                }
                (Some((v, s)), ColKind::Count) => {
                    sources.push(s);
                    let unit = self.units.get(col.series).copied().unwrap_or(Unit::Count);
                    (l.value(*v, unit), t.muted)
                }
            };
            rows.push(TooltipRow { label, value, color });
        }
        Some(Tooltip {
            title: format!("{} · {}", row.key, l.period(&row.period, Frequency::Daily)),
            rows,
            notes: row.title.iter().cloned().collect(),
            source: self.chrome.source_text(sources),
        })
    }

    fn anchor(&self, hit: usize) -> Option<(f64, f64)> {
        let r = self.cells.get(hit)?.rect;
        Some(((r.0 + r.2) / 2.0, r.1))
    }

    fn legend_at(&self, x: f64, y: f64) -> Option<usize> {
        self.chrome.legend_at(x, y).and_then(|i| self.legend_series.get(i).copied())
    }

    /// How much of the body the rows leave empty below them, and whether every row is drawn.
    fn fit(&self) -> super::Fit {
        let bottoms = self.rows.iter().map(|r| r.y1).chain(self.more.as_ref().map(|m| m.0 .1 + self.style.size + 2.0));
        // Rows stretch up to a limit: a body they fill exactly may still have room to give.
        super::Fit::content(self.chrome.body, self.header_y.1, self.empty.is_some(), bottoms, self.more.is_none())
    }

    fn summary(&self) -> String {
        self.summary.clone()
    }
}

/// "A/RES/ES-11/1" (short: "ES-11/1"); a label that is not a symbol loses its parenthesis, and
/// its short form is its first word.
fn symbol_text(key: &str, short: bool) -> String {
    let base = find(key, " (").map_or(key, |i| &key[..i]).trim();
    if !short {
        return base.to_string();
    }
    if let Some(rest) = base.strip_prefix("A/RES/") {
        return rest.to_string();
    }
    match base.split_once(' ') {
        Some((first, _)) => format!("{first}…"),
        None => base.to_string(),
    }
}

fn date_text(period: &str, form: DateForm, l: Locale) -> String {
    match form {
        DateForm::Full => l.period(period, Frequency::Daily),
        DateForm::MonthYear => l.period(period.get(..7).unwrap_or(period), Frequency::Monthly),
        DateForm::Year => period.get(..4).unwrap_or(period).to_string(),
        DateForm::None => String::new(),
    }
}

/// A column header: the series name (or a two-letter code), or the tally's short word.
fn header_text(ds: &Dataset, series: usize, kind: ColKind, short: bool, l: Locale) -> String {
    let Some(s) = ds.series.get(series) else { return String::new() };
    match kind {
        ColKind::Count => match s.id.as_str() {
            "yes" => l.text(Text::YesShort).into(),
            "no" => l.text(Text::NoShort).into(),
            "abstain" => l.text(Text::AbstainShort).into(),
            "absent" => l.text(Text::AbsentShort).into(),
            _ => s.label.clone(),
        },
        ColKind::Vote if !short => s.label.clone(),
        // Codes by series id, the same in every language (labels are translated).
        ColKind::Vote => match s.id.as_str() {
            "china" => "CN".into(),
            "russia" => "RU".into(),
            "united-states" => "US".into(),
            "india" => "IN".into(),
            "united-kingdom" => "UK".into(),
            "france" => "FR".into(),
            _ => {
                let label = s.label.as_str();
                let words: Vec<&str> = label.split_whitespace().collect();
                if words.len() > 1 {
                    words.iter().filter_map(|w| w.chars().next()).map(crate::model::case::upper).collect()
                } else {
                    label.chars().take(2).map(crate::model::case::upper).collect()
                }
            }
        },
    }
}

/// "10 resolutions, 27 Mar 2014 to 3 Dec 2025: China abstained on 8 and voted no on 2; …".
fn summarize(ds: &Dataset, hidden: &[bool], l: Locale) -> String {
    let mut keys: Vec<(String, String)> = Vec::new();
    for s in &ds.series {
        for p in &s.points {
            let k = p.label.map_or_else(|| p.period.to_string(), str::to_string);
            if !keys.iter().any(|(kk, _)| *kk == k) {
                keys.push((k, p.period.to_string()));
            }
        }
    }
    if keys.is_empty() {
        return l.say(Text::SummaryNoResolutions, &[&ds.title]);
    }
    let first = keys.iter().map(|k| k.1.as_str()).min().unwrap_or_default();
    let last = keys.iter().map(|k| k.1.as_str()).max().unwrap_or_default();
    let n = keys.len();
    let mut parts = Vec::new();
    for (i, s) in ds.series.iter().enumerate() {
        if hidden.get(i).copied().unwrap_or(false) || ds.unit_of(i) != Unit::Vote {
            continue;
        }
        let count = |v: Vote| s.points.iter().filter(|p| Vote::of(p.value) == v).count();
        let mut clauses = Vec::new();
        for v in [Vote::Yes, Vote::No, Vote::Abstain, Vote::Absent, Vote::Other] {
            let c = count(v);
            if c == n {
                clauses.push(l.say(Text::OnAll, &[v.verb(l), &l.count(c)]));
            } else if c > 0 {
                clauses.push(l.say(Text::OnCount, &[v.verb(l), &l.count(c)]));
            }
        }
        let missing = n.saturating_sub(s.points.len());
        if missing > 0 {
            clauses.push(l.say(Text::NoRecordedVote, &[&l.count(missing)]));
        }
        let joined = if clauses.is_empty() { l.text(Text::HasNoVotes).to_string() } else { l.and_list(&clauses) };
        parts.push(l.say(Text::StateDid, &[&s.label, &joined]));
    }
    let who = if parts.is_empty() { l.text(Text::EveryVoteColumnHidden).to_string() } else { parts.join("; ") };
    l.say(
        Text::SummaryMatrix,
        &[&ds.title, &l.count(n), &l.period(first, Frequency::Daily), &l.period(last, Frequency::Daily), &who],
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::dataset_for;
    use crate::data::{Point, Series};
    use crate::render::Theme;
    use plotters::backend::SVGBackend;

    const SOURCE: &str = "Source: United Nations General Assembly voting record as reported by UN pages, Wikipedia and wire services (each row cites its page)";

    fn build(ds: &Dataset, w: f64, h: f64, hidden: &[bool]) -> MatrixChart {
        MatrixChart::new(ds, &Frame::new(w, h, Theme::light()), hidden)
    }

    fn svg(c: &MatrixChart, w: f64, h: f64) -> String {
        let mut s = String::new();
        {
            let mut b = SVGBackend::with_string(&mut s, (w as u32, h as u32));
            c.draw(&mut Painter::new(&mut b, 1.0)).unwrap();
            c.draw_hover(&mut Painter::new(&mut b, 1.0), 0).unwrap();
        }
        s
    }

    fn cell_of<'a>(c: &'a MatrixChart, key: &str, series: usize) -> &'a Cell {
        c.cells.iter().find(|cell| c.rows[cell.row].key == key && c.columns[cell.col].series == series).expect("a cell")
    }

    #[test]
    fn find_is_str_find() {
        for s in ["", ".", ". ", "a. b. c", "Ukraine.. A", "é. ü (x) (y", " (", "no match", "ends with ."] {
            for pat in [". ", " ("] {
                assert_eq!(find(s, pat), s.find(pat), "{s:?} {pat:?}");
            }
        }
        assert_eq!(symbol_text("A/RES/ES-11/1 (Aggression)", true), "ES-11/1");
        assert_eq!(symbol_text("Crimea vote (2014)", false), "Crimea vote");
    }

    fn centre(r: Rect) -> (f64, f64) {
        ((r.0 + r.2) / 2.0, (r.1 + r.3) / 2.0)
    }

    #[test]
    fn hovering_china_on_es_11_1_shows_the_row_as_bundled() {
        let ds = dataset_for("unga-ukraine-votes").unwrap();
        for (w, h) in [(360.0, 360.0), (1200.0, 540.0)] {
            let c = build(&ds, w, h, &[]);
            let (x, y) = centre(cell_of(&c, "A/RES/ES-11/1", 0).rect);
            let hit = c.hit(x, y).expect("a cell under the pointer");
            assert_eq!(c.cells[hit].text, "Abst.");
            assert_eq!(
                c.tooltip(hit).unwrap().text(),
                format!(
                    "A/RES/ES-11/1 · 2 Mar 2022\nChina: Abstain\nRussia: No\nUnited States: Yes\nIndia: Abstain\n\
                     In favour: 141\nAgainst: 5\nAbstained: 35\nAbsent / did not vote: 12\nAggression against Ukraine.\n{SOURCE}"
                ),
                "at {w} px"
            );
            let (ax, ay) = c.anchor(hit).unwrap();
            assert!((ax - x).abs() < 1.0 && ay < y);
        }
    }

    #[test]
    fn a_blank_in_the_source_is_a_dash_not_a_vote() {
        let ds = dataset_for("unga-ukraine-votes").unwrap();
        let c = build(&ds, 800.0, 480.0, &[]);
        let us = cell_of(&c, "A/RES/ES-11/2", 2);
        assert!(us.point.is_none());
        assert_eq!(us.text, "—");
        let hit = c.hit(centre(us.rect).0, centre(us.rect).1).unwrap();
        let tip = c.tooltip(hit).unwrap();
        assert_eq!(tip.title, "A/RES/ES-11/2 · 24 Mar 2022");
        assert_eq!(tip.rows[2].value, "no figure in the source");
        assert_eq!((tip.rows[7].label.as_str(), tip.rows[7].value.as_str()), ("Absent / did not vote", "10"));
        let absent = cell_of(&c, "A/RES/ES-11/8", 7);
        assert_eq!((absent.text.as_str(), absent.point.is_none()), ("—", true));
    }

    #[test]
    fn rows_are_in_date_order_and_every_mark_and_text_fits_without_overlap() {
        let ds = dataset_for("unga-ukraine-votes").unwrap();
        let m = crate::render::default_measure();
        for (w, h) in [(320.0, 360.0), (360.0, 360.0), (360.0, 640.0), (800.0, 480.0), (1200.0, 540.0), (1400.0, 600.0)]
        {
            let c = build(&ds, w, h, &[]);
            assert!(c.more.is_none(), "every row shown at {w}×{h}");
            assert_eq!(c.rows.len(), 10);
            assert!(c.rows.windows(2).all(|p| p[0].period <= p[1].period));
            assert_eq!(c.cells.len(), 10 * 8);
            let size = c.style.size;
            for (i, a) in c.cells.iter().enumerate() {
                let r = a.rect;
                assert!(r.0 >= 0.0 && r.1 >= 0.0 && r.2 <= w && r.3 <= h, "{r:?} inside {w}×{h}");
                assert!(r.0 >= c.chrome.body.0 && r.2 <= c.chrome.body.2 && r.3 <= c.chrome.body.3);
                let bold = c.columns[a.col].kind == ColKind::Vote && a.point.is_some();
                let tw = m.width(&a.text, size, bold);
                assert!(a.text_x >= r.0 && a.text_x + tw <= r.2 + 0.01, "{:?} fits its cell at {w}", a.text);
                for b in &c.cells[i + 1..] {
                    let q = b.rect;
                    assert!(r.2 <= q.0 || q.2 <= r.0 || r.3 <= q.1 || q.3 <= r.1, "{r:?} overlaps {q:?} at {w}");
                }
            }
            let first = c.columns.first().unwrap();
            for r in &c.rows {
                assert!(c.symbol_x + m.width(&r.symbol, size, false) < c.date_x.min(first.x0));
                if c.style.date != DateForm::None {
                    assert!(c.date_x + m.width(&r.date, size, false) < first.x0);
                }
            }
            for (a, b) in c.columns.iter().zip(c.columns.iter().skip(1)) {
                assert!(a.x1 <= b.x0);
                assert!(a.header_x >= a.x0 && a.header_x + m.width(&a.header, size, true) <= a.x1 + 0.01);
            }
        }
        let narrow = build(&ds, 360.0, 360.0, &[]);
        let heads: Vec<&str> = narrow.columns.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(heads, ["CN", "RU", "US", "IN", "Yes", "No", "Abst.", "Absent"]);
        assert_eq!(narrow.rows[1].symbol, "ES-11/1");
        let wide = build(&ds, 1200.0, 540.0, &[]);
        assert_eq!(wide.columns[2].header, "United States");
        assert_eq!(wide.rows[0].symbol, "A/RES/68/262");
        assert_eq!(wide.rows[0].date, "27 Mar 2014");
    }

    #[test]
    fn legend_toggles_vote_columns_and_the_summary_is_computed() {
        let ds = dataset_for("unga-ukraine-votes").unwrap();
        let mut hidden = vec![false; ds.series.len()];
        hidden[0] = true;
        let c = build(&ds, 800.0, 480.0, &hidden);
        assert!(c.columns.iter().all(|col| col.series != 0));
        assert_eq!(c.columns.len(), 7);
        let hit = (0..200).find_map(|y| c.legend_at(20.0, y as f64)).expect("a legend entry");
        assert_eq!(hit, 0);
        let s = build(&ds, 800.0, 480.0, &[]).summary();
        let china = &ds.series[0].points;
        let no = china.iter().filter(|p| p.value == -1.0).count();
        let abst = china.iter().filter(|p| p.value == 0.0).count();
        assert!(s.contains(&format!("China voted no on {no} and abstained on {abst}")), "{s}");
        assert!(s.contains("Russia voted no on all 10"), "{s}");
        assert!(s.contains("10 resolutions from 27 Mar 2014 to 3 Dec 2025"), "{s}");
    }

    #[test]
    fn odd_data_draws_without_panicking() {
        let mut ds = dataset_for("unga-ukraine-votes").unwrap();
        ds.series[0].points.edit(|p| p[0].value = 7.0);
        ds.series[1].points.edit(|p| p[0].label = None);
        ds.series[2].points.clear();
        let c = build(&ds, 800.0, 480.0, &[]);
        let hit = c.hit(centre(cell_of(&c, "A/RES/68/262", 0).rect).0, centre(cell_of(&c, "A/RES/68/262", 0).rect).1);
        assert_eq!(c.tooltip(hit.unwrap()).unwrap().rows[0].value, "Unknown vote code 7");
        assert!(svg(&c, 800.0, 480.0).contains("<svg"));
        assert!(c.summary().contains("unknown code"));
        // Tiny frames, no series, no points, everything hidden.
        for (w, h) in [(200.0, 160.0), (320.0, 200.0)] {
            let c = build(&ds, w, h, &[]);
            svg(&c, w, h);
            assert!(c.cells.iter().all(|cell| cell.rect.3 <= c.chrome.body.3 + 0.01));
        }
        let mut empty = ds.clone();
        empty.series.iter_mut().for_each(|s| s.points.clear());
        let c = build(&empty, 800.0, 480.0, &[]);
        assert!(c.empty.is_some() && c.hit(400.0, 300.0).is_none() && c.tooltip(0).is_none());
        svg(&c, 800.0, 480.0);
        empty.series.clear();
        svg(&build(&empty, 800.0, 480.0, &[]), 800.0, 480.0);
        let c = build(&ds, 800.0, 480.0, &[true; 8]);
        assert_eq!(c.empty.as_deref(), Some("Every series is hidden: switch one on in the legend"));
        let one = Series {
            id: "x".into(),
            label: "X".into(),
            unit: None,
            note: None,
            points: crate::data::Points::from(vec![Point {
                period: "2020".into(),
                value: 1.0,
                source: "nowhere".into(),
                label: None,
                note: None,
            }]),
        };
        empty.series.push(one);
        let c = build(&empty, 800.0, 480.0, &[]);
        assert_eq!(c.tooltip(0).unwrap().title, "2020 · 2020");
    }
}
