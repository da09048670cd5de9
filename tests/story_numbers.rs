//! Every number written on the story page (www/index.html: lede, findings, captions, source lines,
//! takeaways, the Pressure section) and in each chart's notes is found in that chart's CSV — the
//! one `dragonbear data ID` prints and a reader downloads — or computed from it as the text says.
//! A caption can then never drift from its data: change a figure in either and this test names it.
//!
//! Which chart a number belongs to: text inside a `<figure>` belongs to the chart drawn in it
//! (`<dragonbear-chart chart="ID">`); any paragraph, list item or heading also belongs to the charts
//! it links to (`href="#ID"`). A number in a block with neither fails; one in a block with several
//! must be found in one of them.
//!
//! The grammar of a number (tokens are read left to right; URLs are skipped):
//! - date: `24 February 2025`, `Feb 2026`, `2024-02-23`, `2024-03` — a CSV period (a month matches
//!   any period in it), the date of one of the chart's events, or written so in the CSV's text.
//! - year: `2014`, a range `1992–2020` or `2020–21` — each year is the year of a CSV period or of
//!   an event, or written in the CSV's text (a source's coverage).
//! - session: `session 75` — the year 75 + 1945 as above (a session opens in that year).
//! - symbol: a number joined to a letter, `/` or `-` (`A/RES/ES-11/3`, `S/10771`), an ordinal
//!   (`11th`), or one after `Order` (`Executive Order 14114`) — written so in the CSV's text or in
//!   an event's label.
//! - quantity: digits with optional `$`, thousands commas and decimals, then optional `%`,
//!   `billion`, `million`, `bn` — some CSV value of the chart that, in the text's units (`%` of a
//!   `share` is the value × 100) and rounded half away from zero to the text's decimals, equals it
//!   (a negative value matches its size: the words say "fell"). A quantity written with a period
//!   (`$95 billion in 2014`, `37% in 1993`, `1998 (41%)`), or else after periods named earlier in
//!   its clause (`In 2020 China took 18.4%`), must be a value at that period (one of them), if the
//!   chart has values there.
//!   Number words `two`…`twenty` are quantities too (`one` is not read: "every one of").
//!   A quantity also matches a label of the CSV written the same (an HS code) or a number in the
//!   label of one of the chart's events (what its marker says: "only 3 China-based companies").
//! - decimals: `rounded to 4 decimals` — no CSV value has more.
//! - boundary: a year after `before`, `after`, `from`, `since`, `until`, `to`, `post-`, or before
//!   `onwards` — inside the span of the chart's periods, or the year after it ends.
//! - not looked up, by rule: a term of a formula (`× 100`, `/ 1000`, `year − 1945`, `1 = yes`), a
//!   PROVENANCE section (`§8d`), a citation's volume and pages, a number word after `the`, `other`,
//!   `these` or `those` (it points back at things just named: "the two figures").
//! - computed: a number inside `<span data-check="OP ARGS">` is checked by OP on the CSV rows
//!   (several checks joined by `;` must all give it): `rows` (all rows), `value SERIES P`,
//!   `count SERIES [from=P] [to=P] [value=V] [below=V] [also=SERIES2]` (rows; `also` keeps rows whose
//!   period is also in SERIES2), `sum PERIOD` (all series at PERIOD), `min|max SERIES [from=P]
//!   [to=P]`, `rise|fall SERIES P1 P2` (the value at P2 minus, or subtracted from, the value at P1).
//!   Values are in the series' unit, or `%` for a share written with `%`. SERIES is a series id of
//!   the chart's dataset.
//!
//! Anything that cannot be checked so is in `UNCHECKED` below, with the reason.

#![cfg(not(target_arch = "wasm32"))]

use dragonbear::chart;
use std::collections::BTreeSet;

/// Notes that list the figures a chart does not draw, each as printed with its page, by chart and
/// opening words: no number in them can be in the CSV, by design.
const LEFT_OUT_NOTES: &[(&str, &str)] = &[("dual-use-figures", "Not drawn as a mark")];

/// Numbers not in their chart's CSV, by chart: the numbers as written, and why. Each is a figure
/// the data leave out on purpose (a bound, a rejected row, an amendment veto), a figure of another
/// source quoted for comparison, or a date of the source rather than of the data.
const UNCHECKED: &[(&str, &[&str], &str)] = &[
    (
        "trade-annual",
        &["69.525", "110.75"],
        "GACC's own totals for 2016 and 2019, quoted to compare with the IMF figures the chart draws",
    ),
    (
        "trade-annual",
        &["130.428", "148.8"],
        "raw rows rejected by the pipeline (a Jan–Nov figure, a typo), named as such",
    ),
    (
        "trade-monthly",
        &["Feb 2026", "0.1", "0.3"],
        "the dataset's printed single-month series, which this chart does not draw (reported to the data branch)",
    ),
    ("trade-monthly", &["13.46"], "a total printed only as a bound, left out of the data and named as such"),
    (
        "trade-monthly",
        &["April 2024", "17th", "75", "2025-09-08"],
        "pressure events without a full date, not drawn, named in the note",
    ),
    ("arms-ru-cn", &["1992–1994", "0.5"], "years the register has no rows for; SIPRI's rounding of a '0' TIV"),
    ("arms-ru-share", &["1992–1994"], "years the register has no rows for"),
    (
        "unga-agreement",
        &["51", "1.3", "two"],
        "the cross-check against unga-coincidence: a count of its years and a mean difference between the two charts",
    ),
    (
        "unga-coincidence",
        &["2020-09-15", "2021-09-13", "101", "78.2", "78.7", "2022–2025"],
        "session 75's dates, vote count and share in the UN records, and Voeten's index for it (the chart is by calendar year); years with no data",
    ),
    ("unga-ukraine-votes", &["193", "92"], "UN membership in a left-out subtraction; a figure of one outlet, not used"),
    (
        "unsc-vetoes",
        &["three", "3", "22 Dec 2023", "24 Feb 2025", "2023-12-22", "2025-02-24"],
        "the three amendment vetoes, left out of the data (the list counts drafts)",
    ),
    (
        "unsc-vetoes",
        &["71", "82", "7", "16"],
        "commonly cited Library totals, quoted to compare with the compiled list",
    ),
    (
        "unsc-vetoes",
        &["two", "25 October 1971"],
        "'a draft vetoed by two members'; the date China's seat changed hands",
    ),
    ("dual-use-figures", &["HS-6"], "the name of the customs nomenclature's six-digit level"),
];

#[derive(Debug)]
struct Row {
    series_id: String,
    period: String,
    value: f64,
    unit: String,
}

/// One chart's CSV (parsed) plus what it says in words: its text and its events.
struct ChartData {
    id: String,
    rows: Vec<Row>,
    text: String,
    /// the CSV's label column (an HS code, a draft's symbol, a country)
    labels: BTreeSet<String>,
    events: Vec<(String, String)>,
}

fn chart_data(id: &str) -> ChartData {
    let ds = chart::dataset_for(id).unwrap_or_else(|e| panic!("chart {id}: {e}"));
    let csv_text = chart::to_csv(&ds);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let mut rows = Vec::new();
    let mut labels = BTreeSet::new();
    let label_col = reader.headers().unwrap().iter().position(|h| h == "label");
    for rec in reader.records() {
        let rec = rec.unwrap();
        if let Some(i) = label_col {
            labels.insert(rec[i].to_string());
        }
        let label = &rec[0];
        let series_id = ds.series.iter().find(|s| s.label == label).map_or(label.to_string(), |s| s.id.clone());
        rows.push(Row {
            series_id,
            period: rec[1].to_string(),
            value: rec[2].parse().unwrap(),
            unit: rec[3].to_string(),
        });
    }
    let events = ds.events.iter().map(|e| (e.date.clone(), e.label.clone())).collect();
    // The source list shown under the chart (title, publisher, licence, coverage) is read with the CSV.
    let mut text = csv_text;
    for s in &ds.sources {
        for f in [&s.title, &s.publisher, &s.licence, &s.coverage] {
            text.push('\n');
            text.push_str(f);
        }
    }
    ChartData { id: id.to_string(), rows, text, labels, events }
}

/// A stretch of page text with the charts it belongs to and its computed-number spans.
#[derive(Debug, Default)]
struct Block {
    text: String,
    charts: Vec<String>,
    checks: Vec<(usize, usize, String)>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(tag[at..].split('"').next()?.to_string())
}

fn decode(s: &str) -> String {
    s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

/// The page's text blocks: `p`, `li`, `h1`–`h3`; text outside them (nav, footer) is a block of
/// its own with no chart.
fn blocks(html: &str) -> Vec<Block> {
    let body = html.split("<body>").nth(1).expect("a <body>");
    let mut out = Vec::new();
    let mut loose = Block::default();
    let mut cur: Option<Block> = None;
    let mut figure_chart: Option<String> = None;
    let mut spans: Vec<Option<(usize, String)>> = Vec::new();
    let mut rest = body;
    let mut skip = false;
    while !rest.is_empty() {
        if let Some(stripped) = rest.strip_prefix('<') {
            let end = stripped.find('>').expect("closed tag");
            let tag = &stripped[..end];
            rest = &stripped[end + 1..];
            let name: String =
                tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
            let closing = tag.starts_with('/');
            match (name.as_str(), closing) {
                ("script" | "style" | "code", c) => skip = !c,
                ("figure", false) => figure_chart = None,
                ("figure", true) => figure_chart = None,
                ("dragonbear-chart", false) => figure_chart = attr(tag, "chart"),
                ("p" | "li" | "h1" | "h2" | "h3", false) => {
                    let mut b = Block::default();
                    if let Some(c) = &figure_chart {
                        b.charts.push(c.clone());
                    }
                    cur = Some(b);
                }
                ("p" | "li" | "h1" | "h2" | "h3", true) => out.extend(cur.take()),
                ("a", false) => {
                    if let (Some(b), Some(href)) = (cur.as_mut(), attr(tag, "href")) {
                        if let Some(id) = href.strip_prefix('#') {
                            if chart::spec(id).is_ok() && !b.charts.iter().any(|c| c == id) {
                                b.charts.push(id.to_string());
                            }
                        }
                    }
                }
                ("span", false) => {
                    let b = cur.as_ref().map_or(0, |b| b.text.len());
                    spans.push(attr(tag, "data-check").map(|c| (b, c)));
                }
                ("span", true) => {
                    if let (Some(Some((start, check))), Some(b)) = (spans.pop(), cur.as_mut()) {
                        b.checks.push((start, b.text.len(), check));
                    }
                }
                _ => {}
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            if !skip {
                let text = decode(&rest[..end]);
                match cur.as_mut() {
                    Some(b) => b.text.push_str(&text),
                    None => loose.text.push_str(&text),
                }
            }
            rest = &rest[end..];
        }
    }
    out.push(loose);
    out
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WORDS: [&str; 19] = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

#[derive(Debug, PartialEq)]
enum Kind {
    /// `YYYY-MM` or `YYYY-MM-DD`
    Date(String),
    Years(Vec<i32>),
    Symbol(String),
    /// value, decimals, unit word (`%`, `$`, `million`…) or empty
    Quantity(f64, usize, &'static str),
    /// `rounded to 4 decimals`: no CSV value has more
    Decimals(usize),
    /// digits joined by `/`: a symbol the chart writes, or each a year or a quantity
    Group(String),
    /// a year after `before`, `after`, `from`, `since`, `until`, or before `onwards`: a boundary,
    /// inside the chart's periods or one year past the last
    Boundary(i32),
    /// a decade, `1980s`: some period in it
    Decade(i32),
    /// read but not looked up, with the grammar's reason
    Skip(String),
}

#[derive(Debug)]
struct Token {
    start: usize,
    end: usize,
    written: String,
    kind: Kind,
}

fn month_of(word: &str) -> Option<usize> {
    let w = word.to_ascii_lowercase();
    (w.len() >= 3).then(|| {
        MONTHS.iter().position(|m| {
            w.starts_with(m)
                && "january february march april may june july august september october november december".contains(&w)
        })
    })?
}

/// Reads the numbers of one text, left to right.
fn tokens(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let word_at = |i: usize| -> &str {
        let e = text[i..].find(|c: char| !c.is_alphabetic()).map_or(text.len(), |e| i + e);
        &text[i..e]
    };
    while i < b.len() {
        // URLs are addresses, not figures.
        if text[i..].starts_with("http://") || text[i..].starts_with("https://") {
            i += text[i..].find(|c: char| c.is_whitespace() || c == ')' || c == ';').unwrap_or(text.len() - i);
            continue;
        }
        let c = text[i..].chars().next().unwrap();
        if c.is_alphabetic() {
            let w = word_at(i);
            let prev_alnum = i > 0 && text[..i].chars().last().is_some_and(|p| p.is_alphanumeric());
            let prev_word = text[..i].trim_end().rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
            let refers = ["the", "other", "these", "those"].contains(&prev_word.as_str());
            if !prev_alnum && !refers && WORDS.contains(&w.to_ascii_lowercase().as_str()) {
                let n = WORDS.iter().position(|x| *x == w.to_ascii_lowercase()).unwrap() + 2;
                out.push(Token {
                    start: i,
                    end: i + w.len(),
                    written: w.to_string(),
                    kind: Kind::Quantity(n as f64, 0, ""),
                });
            }
            // `Feb 2026`, `February 2026`
            if let Some(m) = month_of(w) {
                let after = &text[i + w.len()..];
                let after = after.strip_prefix('.').unwrap_or(after);
                if let Some(y) =
                    after.strip_prefix(' ').filter(|a| a.len() >= 4 && a[..4].bytes().all(|d| d.is_ascii_digit()))
                {
                    let end = text.len() - y.len() + 4;
                    // `24 Feb 2025`: the day just before
                    let before = text[..i].trim_end_matches(' ');
                    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                    let (start, date) = if (1..=2).contains(&digits) && before.len() < i {
                        let d: u32 = before[before.len() - digits..].parse().unwrap();
                        (before.len() - digits, format!("{}-{:02}-{d:02}", &y[..4], m + 1))
                    } else {
                        (i, format!("{}-{:02}", &y[..4], m + 1))
                    };
                    if start < i {
                        // drop a quantity token already read for the day
                        out.retain(|t: &Token| t.start != start);
                    }
                    out.push(Token { start, end, written: text[start..end].to_string(), kind: Kind::Date(date) });
                    i = end;
                    continue;
                }
            }
            i += w.len().max(c.len_utf8());
            continue;
        }
        if !c.is_ascii_digit() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = i;
        while j < b.len()
            && (b[j].is_ascii_digit()
                || (b[j] == b','
                    && j + 3 < b.len() + 1
                    && b.get(j + 1).is_some_and(u8::is_ascii_digit)
                    && text[j + 1..].chars().take(3).all(|d| d.is_ascii_digit())
                    && !text[j + 1..].chars().nth(3).is_some_and(|d| d.is_ascii_digit())))
        {
            j += 1;
        }
        if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
            j += 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
        }
        let raw = &text[start..j];
        let prev = text[..start].chars().last();
        let next = text[j..].chars().next();
        let before_word = text[..start]
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        // symbols: joined to letters, `/` or `-`, ordinals, names after `Order`, section marks
        let joined_before = prev.is_some_and(|p| p.is_alphabetic() || p == '/' || p == '-' || p == '§');
        let joined_after = next.is_some_and(|n| n == '/' || n.is_alphabetic()) && !text[j..].starts_with("bn");
        if joined_before || joined_after || before_word == "Order" {
            let mut s = start;
            while s > 0
                && text[..s].chars().last().is_some_and(|p| p.is_alphanumeric() || p == '/' || p == '-' || p == '§')
            {
                s -= text[..s].chars().last().unwrap().len_utf8();
            }
            let mut e = j;
            while e < b.len()
                && text[e..].chars().next().is_some_and(|n| {
                    n.is_alphanumeric()
                        || n == '/'
                        || (n == '-' && text[e + 1..].starts_with(|d: char| d.is_ascii_alphanumeric()))
                })
            {
                e += text[e..].chars().next().unwrap().len_utf8();
            }
            let written = text[s..e].to_string();
            out.retain(|t: &Token| t.start < s);
            i = e;
            let kind = if let Some(sec) = written.strip_prefix('§') {
                // a section of PROVENANCE.md: a reference, not a figure
                Kind::Skip(format!("section {sec}"))
            } else if written.len() == 5 && written.ends_with('s') && written[..4].bytes().all(|d| d.is_ascii_digit()) {
                Kind::Decade(written[..4].parse().unwrap())
            } else if let Some(y) =
                written.strip_prefix("mid-").filter(|y| y.len() == 4 && y.bytes().all(|d| d.is_ascii_digit()))
            {
                Kind::Years(vec![y.parse().unwrap()])
            } else if let Some(y) = written
                .strip_prefix("post-")
                .or(written.strip_prefix("pre-"))
                .filter(|y| y.len() == 4 && y.bytes().all(|d| d.is_ascii_digit()))
            {
                Kind::Boundary(y.parse().unwrap())
            } else if written.split('/').count() > 1
                && written.split('/').all(|g| !g.is_empty() && g.bytes().all(|d| d.is_ascii_digit()))
            {
                // `68/262`: a symbol if the chart writes it; else `100/11/58/24`, a run of counts, or `2014/2022`, two years
                Kind::Group(written.clone())
            } else {
                Kind::Symbol(written.clone())
            };
            out.push(Token { start: s, end: e, written, kind });
            continue;
        }
        // a term of a formula (`× 100`, `/ 1000`, `year − 1945`, `1 = yes`, `10 = 193 − 183`) is a
        // definition or the arithmetic of a left-out figure, not a figure of the chart
        let op_before =
            text[..start].strip_suffix(' ').and_then(|t| t.chars().last()).is_some_and(|c| "×/+−=".contains(c))
                || prev == Some('−');
        let op_after =
            text[j..].trim_start_matches(' ').starts_with(['×', '+', '−', '=']) && text[j..].starts_with(' ');
        if op_before || op_after {
            out.push(Token { start, end: j, written: raw.to_string(), kind: Kind::Skip("a term of a formula".into()) });
            i = j;
            continue;
        }
        // a citation, `61(2):430–456`
        if text[j..].starts_with('(') && text[j..].contains("):") {
            let e = j + text[j..]
                .find(|c: char| c.is_whitespace() || c == '.' && !text[j..].is_empty())
                .unwrap_or(text.len() - j);
            out.push(Token {
                start,
                end: e,
                written: text[start..e].to_string(),
                kind: Kind::Skip("a citation's volume and pages".into()),
            });
            i = e;
            continue;
        }
        if text[j..].starts_with(" decimal") {
            out.push(Token { start, end: j, written: raw.to_string(), kind: Kind::Decimals(raw.parse().unwrap()) });
            i = j;
            continue;
        }
        if before_word.eq_ignore_ascii_case("sessions") || before_word.eq_ignore_ascii_case("session") {
            let mut years = vec![raw.parse::<i32>().unwrap() + 1945];
            let mut e = j;
            if let Some(r) = text[j..].strip_prefix('–') {
                let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                if digits > 0 {
                    years.push(r[..digits].parse::<i32>().unwrap() + 1945);
                    e = text.len() - r.len() + digits;
                }
            }
            out.push(Token { start, end: e, written: text[start..e].to_string(), kind: Kind::Years(years) });
            i = e;
            continue;
        }
        // ISO dates
        if raw.len() == 4
            && text[j..].starts_with('-')
            && text[j + 1..].len() >= 2
            && text[j + 1..j + 3].bytes().all(|d| d.is_ascii_digit())
        {
            let mut e = j + 3;
            if text[e..].starts_with('-')
                && text[e + 1..].len() >= 2
                && text[e + 1..e + 3].bytes().all(|d| d.is_ascii_digit())
            {
                e += 3;
            }
            out.push(Token {
                start,
                end: e,
                written: text[start..e].to_string(),
                kind: Kind::Date(text[start..e].to_string()),
            });
            i = e;
            continue;
        }
        let value: f64 = raw.replace(',', "").parse().unwrap();
        let decimals = raw.split('.').nth(1).map_or(0, str::len);
        let is_year =
            raw.len() == 4 && !raw.contains(['.', ',']) && (1900.0..2100.0).contains(&value) && prev != Some('$');
        if is_year && !text[j..].starts_with(['%']) && !text[j..].starts_with(" %") {
            let mut years = vec![value as i32];
            let mut e = j;
            if let Some(r) = text[j..].strip_prefix('–').or_else(|| text[j..].strip_prefix(" – ")) {
                let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                if digits == 4 {
                    years.push(r[..4].parse().unwrap());
                    e = text.len() - r.len() + 4;
                } else if digits == 2 {
                    years.push(value as i32 / 100 * 100 + r[..2].parse::<i32>().unwrap());
                    e = text.len() - r.len() + 2;
                }
            }
            let boundary = ["before", "after", "from", "since", "until", "to"]
                .contains(&before_word.to_ascii_lowercase().as_str())
                || text[e..].starts_with(" onwards");
            let kind = if boundary && years.len() == 1 { Kind::Boundary(years[0]) } else { Kind::Years(years) };
            out.push(Token { start, end: e, written: text[start..e].to_string(), kind });
            i = e;
            continue;
        }
        let after = &text[j..];
        let unit = if after.starts_with('%') || after.starts_with(" %") || after.starts_with(" per cent") {
            "%"
        } else if after.starts_with(" billion")
            || after.starts_with(" bn")
            || after.starts_with("bn")
            || prev == Some('$')
        {
            "$"
        } else if after.starts_with(" million") {
            "million"
        } else {
            ""
        };
        out.push(Token { start, end: j, written: raw.to_string(), kind: Kind::Quantity(value, decimals, unit) });
        i = j;
    }
    out
}

fn round_to(v: f64, d: usize) -> f64 {
    let f = 10f64.powi(d as i32);
    let x = v * f;
    // half away from zero, with a little room for binary fractions (0.675 is 0.67499…)
    (x + x.signum() * 1e-7).round() / f
}

fn same(target: f64, written: f64, decimals: usize) -> bool {
    (round_to(target, decimals) - written).abs() < 1e-9
}

/// The value in the text's units: a `share` is written as a percentage.
fn scaled(v: f64, unit: &str, written_unit: &str) -> Vec<f64> {
    match (unit, written_unit) {
        ("share", "%") => vec![v * 100.0],
        ("share", "") => vec![v, v * 100.0],
        _ => vec![v],
    }
}

fn year_of(p: &str) -> Option<i32> {
    p.get(..4)?.parse().ok()
}

/// The period a quantity is written with: `$95 billion in 2014`, `37% in 1993`, `1998 (41%)`.
fn bound_period(text: &str, toks: &[Token], i: usize) -> Option<String> {
    let period = |t: &Token| match &t.kind {
        Kind::Years(y) if y.len() == 1 => Some(y[0].to_string()),
        Kind::Date(d) => Some(d.clone()),
        _ => None,
    };
    let Kind::Quantity(..) = toks[i].kind else { return None };
    if let Some(next) = toks.get(i + 1) {
        let mut between = text[toks[i].end..next.start].trim_start_matches('%');
        for unit in [" billion", " million", " TIV", " bn"] {
            between = between.strip_prefix(unit).unwrap_or(between);
        }
        if between == " in " {
            return period(next);
        }
    }
    let prev = toks.get(i.checked_sub(1)?)?;
    let between = &text[prev.end..toks[i].start];
    (between == " (" || between == " ($").then(|| period(prev)).flatten()
}

/// The periods named before a quantity in its clause (from the last `. `, `; ` or `: `), when it
/// has no period of its own: `In 2020 China took 18.4% of Russia's goods trade`.
fn clause_periods(text: &str, toks: &[Token], i: usize) -> Vec<String> {
    let t = &toks[i];
    let start = [". ", "; ", ": "].iter().filter_map(|d| text[..t.start].rfind(d)).max().unwrap_or(0);
    toks.iter()
        .filter(|o| o.start >= start && o.end <= t.start)
        .filter_map(|o| match &o.kind {
            Kind::Years(y) if y.len() == 1 => Some(y[0].to_string()),
            Kind::Date(d) => Some(d.clone()),
            _ => None,
        })
        .collect()
}

fn check_token(t: &Token, c: &ChartData, periods: &[String]) -> bool {
    match &t.kind {
        Kind::Date(d) => {
            c.rows.iter().any(|r| r.period.starts_with(d.as_str()))
                || c.events.iter().any(|(e, _)| e.starts_with(d.as_str()))
                || c.text.contains(&t.written)
                || c.text.contains(d.as_str())
        }
        Kind::Years(ys) => ys.iter().all(|y| {
            c.rows.iter().any(|r| year_of(&r.period) == Some(*y))
                || c.events.iter().any(|(e, _)| year_of(e) == Some(*y))
                || c.text.contains(&y.to_string())
        }),
        Kind::Symbol(s) => c.text.contains(s.as_str()) || c.events.iter().any(|(_, l)| l.contains(s.as_str())),
        Kind::Quantity(v, d, u) => {
            // written with a period the chart has values at: one of those values
            let at: Vec<&Row> =
                c.rows.iter().filter(|r| periods.iter().any(|p| r.period.starts_with(p.as_str()))).collect();
            let rows: Vec<&Row> = if at.is_empty() { c.rows.iter().collect() } else { at };
            rows.iter().any(|r| scaled(r.value, &r.unit, u).into_iter().any(|x| same(x.abs(), *v, *d)))
                || c.labels.contains(&t.written)
                || c.events
                    .iter()
                    .any(|(_, l)| tokens(l).iter().any(|e| matches!(e.kind, Kind::Quantity(x, _, _) if x == *v)))
        }
        Kind::Decimals(n) => c.rows.iter().all(|r| same(r.value, r.value, *n)),
        Kind::Group(g) => {
            c.text.contains(g.as_str())
                || g.split('/').all(|x| {
                    let v: f64 = x.parse().unwrap();
                    let kind = if x.len() == 4 && (1900.0..2100.0).contains(&v) {
                        Kind::Years(vec![v as i32])
                    } else {
                        Kind::Quantity(v, 0, "")
                    };
                    check_token(&Token { start: 0, end: 0, written: x.to_string(), kind }, c, &[])
                })
        }
        Kind::Boundary(y) => {
            let years: Vec<i32> = c
                .rows
                .iter()
                .filter_map(|r| year_of(&r.period))
                .chain(c.events.iter().filter_map(|(e, _)| year_of(e)))
                .collect();
            let (lo, hi) = (years.iter().min().copied().unwrap_or(0), years.iter().max().copied().unwrap_or(0));
            (lo..=hi + 1).contains(y)
        }
        Kind::Decade(y) => c.rows.iter().any(|r| year_of(&r.period).is_some_and(|p| (*y..y + 10).contains(&p))),
        Kind::Skip(_) => true,
    }
}

fn arg<'a>(args: &'a [&str], key: &str) -> Option<&'a str> {
    args.iter().find_map(|a| a.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
}

/// Evaluates a `data-check` on a chart's rows; the figure it gives, in the text's units.
fn compute(check: &str, c: &ChartData, written_unit: &str) -> Result<f64, String> {
    let parts: Vec<&str> = check.split_whitespace().collect();
    let (op, args) = parts.split_first().ok_or("empty data-check")?;
    let in_range = |r: &Row, args: &[&str]| {
        arg(args, "from").is_none_or(|f| r.period.as_str() >= f) && arg(args, "to").is_none_or(|t| *r.period <= *t)
    };
    let series = |id: &str| -> Result<Vec<&Row>, String> {
        let rows: Vec<&Row> = c.rows.iter().filter(|r| r.series_id == id).collect();
        if rows.is_empty() {
            return Err(format!("no series {id:?} in chart {}", c.id));
        }
        Ok(rows)
    };
    let at = |id: &str, p: &str| -> Result<&Row, String> {
        series(id)?.into_iter().find(|r| r.period == p).ok_or(format!("no {id} value at {p} in chart {}", c.id))
    };
    let unit_scale = |r: &Row| if r.unit == "share" && written_unit == "%" { 100.0 } else { 1.0 };
    match *op {
        "count" => {
            let name = args.first().ok_or("count wants a series")?;
            let also: Option<Vec<&str>> = match arg(args, "also") {
                Some(other) => Some(series(other)?.iter().map(|r| r.period.as_str()).collect()),
                None => None,
            };
            let want: Option<f64> =
                arg(args, "value").map(|v| v.parse().map_err(|_| format!("value={v}"))).transpose()?;
            let below: Option<f64> =
                arg(args, "below").map(|v| v.parse().map_err(|_| format!("below={v}"))).transpose()?;
            let n = series(name)?
                .into_iter()
                .filter(|r| in_range(r, args))
                .filter(|r| want.is_none_or(|w| r.value == w))
                .filter(|r| below.is_none_or(|b| r.value < b))
                .filter(|r| also.as_ref().is_none_or(|a| a.contains(&r.period.as_str())))
                .count();
            Ok(n as f64)
        }
        "rows" => Ok(c.rows.len() as f64),
        "value" => {
            let [id, p] = args else { return Err(format!("value wants SERIES PERIOD: {check}")) };
            let r = at(id, p)?;
            Ok(r.value * unit_scale(r))
        }
        "sum" => {
            let p = args.first().ok_or("sum wants a period")?;
            let rows: Vec<&Row> = c.rows.iter().filter(|r| r.period == *p).collect();
            if rows.is_empty() {
                return Err(format!("no values at {p} in chart {}", c.id));
            }
            Ok(rows.iter().map(|r| r.value).sum())
        }
        "min" | "max" => {
            let rows: Vec<&Row> = series(args.first().ok_or("min/max wants a series")?)?
                .into_iter()
                .filter(|r| in_range(r, args))
                .collect();
            let first = rows.first().ok_or("no rows in range")?;
            let s = unit_scale(first);
            let vals = rows.iter().map(|r| r.value * s);
            Ok(if *op == "min" { vals.fold(f64::INFINITY, f64::min) } else { vals.fold(f64::NEG_INFINITY, f64::max) })
        }
        "rise" | "fall" => {
            let [id, p1, p2] = args else { return Err(format!("{op} wants SERIES P1 P2: {check}")) };
            let (a, b) = (at(id, p1)?, at(id, p2)?);
            let s = unit_scale(a);
            // rust_decimal-free exact enough: values have at most 6 decimals
            let d = ((b.value * 1e6).round() - (a.value * 1e6).round()) / 1e6 * s;
            Ok(if *op == "rise" { d } else { -d })
        }
        other => Err(format!("unknown data-check op {other:?}")),
    }
}

struct Failure(String);

fn check_block(
    where_: &str,
    text: &str,
    charts: &[ChartData],
    checks: &[(usize, usize, String)],
    failures: &mut Vec<Failure>,
    used: &mut BTreeSet<(String, String)>,
) {
    let toks = tokens(text);
    for (i, t) in toks.iter().enumerate() {
        let check = checks.iter().find(|(s, e, _)| t.start >= *s && t.end <= *e).map(|(_, _, c)| c);
        let periods: Vec<String> = match bound_period(text, &toks, i) {
            Some(p) => vec![p],
            None => clause_periods(text, &toks, i),
        };
        let ok = match (&t.kind, check) {
            (Kind::Quantity(v, d, u), Some(check)) => {
                let mut errs = Vec::new();
                // every check of the span gives the number, on one of the block's charts
                let hit = charts.iter().any(|c| {
                    check.split(';').all(|one| match compute(one, c, u) {
                        Ok(x) => {
                            same(x, *v, *d) || {
                                errs.push(format!("{} gives {x} in {}", one.trim(), c.id));
                                false
                            }
                        }
                        Err(e) => {
                            errs.push(e);
                            false
                        }
                    })
                });
                if !hit && errs.is_empty() {
                    errs.push("no chart".into());
                }
                hit || {
                    failures.push(Failure(format!("{where_}: {:?} ≠ {}", t.written, errs.join("; "))));
                    true
                }
            }
            (_, _) => charts.iter().any(|c| check_token(t, c, &periods)),
        };
        if ok {
            continue;
        }
        if let Some((c, _, _)) =
            UNCHECKED.iter().find(|(c, ws, _)| charts.iter().any(|x| x.id == *c) && ws.contains(&t.written.as_str()))
        {
            used.insert((c.to_string(), t.written.clone()));
            continue;
        }
        let names: Vec<&str> = charts.iter().map(|c| c.id.as_str()).collect();
        let around = &text[text[..t.start].char_indices().rev().nth(40).map_or(0, |(i, _)| i)
            ..text[t.end..].char_indices().nth(40).map_or(text.len(), |(i, _)| t.end + i)];
        failures.push(Failure(format!(
            "{where_}: {:?} ({:?}) not found in the CSV of {names:?}: …{around}…",
            t.written, t.kind
        )));
    }
}

#[test]
fn every_number_on_the_story_page_and_in_chart_notes_is_in_its_charts_csv() {
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/index.html")).unwrap();
    let mut failures = Vec::new();
    let mut used = BTreeSet::new();
    let mut numbers = 0;
    for b in blocks(&html) {
        let charts: Vec<ChartData> = b.charts.iter().map(|c| chart_data(c)).collect();
        numbers += tokens(&b.text).len();
        let head: String = b.text.trim().chars().take(50).collect();
        check_block(&format!("page «{head}…»"), &b.text, &charts, &b.checks, &mut failures, &mut used);
    }
    let mut left_out_used = BTreeSet::new();
    for info in chart::list(Default::default()).unwrap() {
        let ds = chart::dataset_for(&info.id).unwrap();
        let c = [chart_data(&info.id)];
        for n in &ds.notes {
            if let Some(entry) = LEFT_OUT_NOTES.iter().find(|(c, start)| *c == info.id && n.starts_with(start)) {
                left_out_used.insert(*entry);
                continue;
            }
            numbers += tokens(n).len();
            let head: String = n.chars().take(50).collect();
            check_block(&format!("{} note «{head}…»", info.id), n, &c, &[], &mut failures, &mut used);
        }
    }
    let stale: Vec<_> = UNCHECKED
        .iter()
        .flat_map(|(c, ws, _)| ws.iter().map(move |w| (c.to_string(), w.to_string())))
        .filter(|k| !used.contains(k))
        .collect();
    let msg: Vec<String> = failures.iter().map(|f| f.0.clone()).collect();
    assert!(msg.is_empty(), "{} of {numbers} numbers not found in their chart's CSV:\n{}", msg.len(), msg.join("\n"));
    for (c, start) in LEFT_OUT_NOTES {
        assert!(left_out_used.contains(&(*c, *start)), "LEFT_OUT_NOTES: no note of {c} starts {start:?} any more");
    }
    assert!(stale.is_empty(), "UNCHECKED entries that no longer occur (remove them): {stale:?}");
    assert!(numbers > 100, "only {numbers} numbers read: the reader is broken");
}

#[test]
fn the_grammar_reads_what_it_says() {
    let kinds = |s: &str| tokens(s).into_iter().map(|t| t.kind).collect::<Vec<_>>();
    assert_eq!(kinds("$245 billion in 2024"), vec![Kind::Quantity(245.0, 0, "$"), Kind::Years(vec![2024])]);
    assert_eq!(kinds("3,066 million TIV"), vec![Kind::Quantity(3066.0, 0, "million")]);
    assert_eq!(kinds("37.1% against 35.9 %"), vec![Kind::Quantity(37.1, 1, "%"), Kind::Quantity(35.9, 1, "%")]);
    assert_eq!(kinds("1992–2020 and 2020–21"), vec![Kind::Years(vec![1992, 2020]), Kind::Years(vec![2020, 2021])]);
    assert_eq!(
        kinds("on 24 February 2025, Feb 2026, 2024-02-23"),
        vec![Kind::Date("2025-02-24".into()), Kind::Date("2026-02".into()), Kind::Date("2024-02-23".into())]
    );
    assert_eq!(
        kinds("ES-11/3 and A/RES/68/262, the 11th package, Order 14114"),
        vec![
            Kind::Symbol("ES-11/3".into()),
            Kind::Symbol("A/RES/68/262".into()),
            Kind::Symbol("11th".into()),
            Kind::Symbol("14114".into())
        ]
    );
    assert_eq!(kinds("abstained on eight; every one of"), vec![Kind::Quantity(8.0, 0, "")]);
    assert_eq!(kinds("see https://example.org/2024/10/17/x.html"), vec![]);
    assert_eq!(kinds("For session 75; sessions 26–78"), vec![Kind::Years(vec![2020]), Kind::Years(vec![1971, 2023])]);
    assert_eq!(
        kinds("the late 1980s, mid-2022, 100/11/58"),
        vec![Kind::Decade(1980), Kind::Years(vec![2022]), Kind::Group("100/11/58".into()),]
    );
    assert_eq!(
        kinds("since 2007, for 2021 onwards, post-2000"),
        vec![Kind::Boundary(2007), Kind::Boundary(2021), Kind::Boundary(2000)]
    );
    assert_eq!(
        kinds("year × 100, rounded to 4 decimals; the two figures"),
        vec![Kind::Skip("a term of a formula".into()), Kind::Decimals(4)]
    );
    let bound = |s: &str| {
        let t = tokens(s);
        (0..t.len()).filter_map(|i| bound_period(s, &t, i)).collect::<Vec<_>>()
    };
    assert_eq!(
        bound("to $95 billion in 2014, 37% in 1993, except 1998 (41%), 30 million TIV in 2024"),
        ["2014", "1993", "1998", "2024"]
    );
    assert_eq!(bound("In 2020 China took 18.4% of trade"), Vec::<String>::new());
    let clause = |s: &str, n: usize| clause_periods(s, &tokens(s), n);
    assert_eq!(clause("In 2020 China took 18.4% of it; Russia 2.3%", 1), ["2020"]);
    assert_eq!(clause("In 2020 China took 18.4% of it; Russia 2.3%", 2), Vec::<String>::new());
    assert!(same(0.6753247 * 100.0, 68.0, 0) && !same(0.6753247 * 100.0, 67.0, 0));
    assert!(same(244.819, 245.0, 0) && same(10.315, 10.32, 2));
}
