#![cfg(not(target_arch = "wasm32"))]
//! Every number the story page writes is found in the CSV of the chart it speaks about, so a
//! caption can never drift from its data again. Text is tied to a chart by its figure (caption
//! paragraphs, not the bibliographic `source` line) or by `data-chart="ID"` (findings, the
//! pressure-and-response paragraphs, takeaways). Identifiers (`<span class="id">`: resolution
//! symbols, an executive order's number) are not figures and are skipped.
//!
//! A number is found when, in that chart's CSV: it is a year of a period or of the text (labels,
//! notes); a value (or a share's value × 100) rounded to the number's decimals; the sum of one
//! period's values across series (stacked bars) so rounded; or a count of rows (all, of a series, of a
//! series with one value, or shared by two series on period and label). A date ("22 Dec 2023") is
//! found when it is a period, an event of the chart's dataset, or named in its notes.

use dragonbear::chart;
use std::collections::BTreeMap;

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `(chart id, text)` of every block of the story that speaks about one chart.
fn blocks(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    // data-chart="ID" elements: up to the element's closing tag.
    let mut rest = html;
    while let Some(i) = rest.find("data-chart=\"") {
        let after = &rest[i + 12..];
        let id = after[..after.find('"').unwrap()].to_string();
        let open = &rest[..i];
        let tag_start = open.rfind('<').unwrap();
        let tag: String = open[tag_start + 1..].chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        let body_start = i + after.find('>').unwrap() + 13;
        let end = rest[body_start..].find(&format!("</{tag}>")).unwrap() + body_start;
        out.push((id, rest[body_start..end].to_string()));
        rest = &rest[end..];
    }
    // Figure captions, without the source line.
    let mut rest = html;
    while let Some(i) = rest.find("<figure class=\"chart\"") {
        let fig = &rest[i..rest[i..].find("</figure>").unwrap() + i];
        let c = fig.find("chart=\"").map(|k| &fig[k + 7..]).unwrap();
        let id = c[..c.find('"').unwrap()].to_string();
        let cap = &fig[fig.find("<figcaption>").unwrap()..];
        for para in cap.split("<p").skip(1) {
            if !para.starts_with(" class=\"source\"") {
                out.push((id.clone(), para[para.find('>').unwrap() + 1..].split("</p>").next().unwrap().to_string()));
            }
        }
        rest = &rest[i + fig.len()..];
    }
    out
}

/// Text without tags and identifiers, entities decoded.
fn plain(html: &str) -> String {
    let mut s = html.to_string();
    while let Some(i) = s.find("<span class=\"id\">") {
        let j = s[i..].find("</span>").unwrap() + i;
        s.replace_range(i..j + 7, "ID");
    }
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "22 Dec 2023" → ("2023-12-22", byte range) for every such date.
fn dates(s: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let w: Vec<(usize, &str)> = s
        .split(' ')
        .scan(0, |at, t| {
            let r = (*at, t);
            *at += t.len() + 1;
            Some(r)
        })
        .collect();
    let mut out = Vec::new();
    for k in 0..w.len().saturating_sub(2) {
        let (day, mon, year) = (w[k].1, w[k + 1].1, w[k + 2].1.trim_end_matches(|c: char| !c.is_ascii_digit()));
        let Some(m) = MONTHS.iter().position(|x| mon.starts_with(x)) else { continue };
        let day = day.trim_start_matches('(');
        if let (Ok(d), true) = (day.parse::<u32>(), year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())) {
            if (1..=31).contains(&d) {
                out.push((format!("{year}-{:02}-{d:02}", m + 1), w[k].0..w[k + 2].0 + year.len()));
            }
        }
    }
    out
}

/// Numbers in the text: digits with thousands commas and one decimal point.
fn numbers(s: &str) -> Vec<String> {
    let c: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i].is_ascii_digit() && (i == 0 || !c[i - 1].is_alphanumeric()) {
            let mut j = i;
            while j < c.len()
                && (c[j].is_ascii_digit()
                    || ((c[j] == ',' || c[j] == '.') && c.get(j + 1).is_some_and(char::is_ascii_digit)))
            {
                j += 1;
            }
            out.push(c[i..j].iter().collect::<String>().replace(',', ""));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

struct Csv {
    rows: Vec<BTreeMap<String, String>>,
    text: String,
    unit_share: bool,
    dataset: dragonbear::data::Dataset,
}

fn csv_of(id: &str) -> Csv {
    let dataset = chart::dataset_for(id).unwrap();
    let text = chart::to_csv(&dataset);
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let head: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    let rows = rdr
        .records()
        .map(|r| head.iter().cloned().zip(r.unwrap().iter().map(str::to_string)).collect())
        .collect::<Vec<BTreeMap<String, String>>>();
    let unit_share = rows.iter().any(|r| r["unit"] == "share");
    Csv { rows, text, unit_share, dataset }
}

fn found(n: &str, csv: &Csv) -> bool {
    let decimals = n.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
    let want: f64 = n.parse().unwrap();
    let rounds_to = |v: f64| {
        let f = 10f64.powi(decimals);
        ((v.abs() * f).round() / f - want).abs() < 1e-9
    };
    // A year of the data (periods, labels, notes).
    if decimals == 0 && n.len() == 4 && (1900..=2100).contains(&(want as i32)) && csv.text.contains(n) {
        return true;
    }
    let value = |r: &BTreeMap<String, String>| r["value"].parse::<f64>().unwrap();
    if csv.rows.iter().any(|r| rounds_to(value(r)) || (csv.unit_share && rounds_to(value(r) * 100.0))) {
        return true;
    }
    let mut sums: BTreeMap<&str, f64> = BTreeMap::new();
    for r in &csv.rows {
        *sums.entry(r["period"].as_str()).or_default() += value(r);
    }
    if sums.values().any(|v| rounds_to(*v)) {
        return true;
    }
    if decimals == 0 {
        let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut per_series: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for r in &csv.rows {
            *counts.entry((r["series"].clone(), String::new())).or_default() += 1;
            *counts.entry((r["series"].clone(), r["value"].clone())).or_default() += 1;
            per_series
                .entry(r["series"].clone())
                .or_default()
                .push((r["period"].clone(), r.get("label").cloned().unwrap_or_default()));
        }
        if csv.rows.len() as f64 == want || counts.values().any(|c| *c as f64 == want) {
            return true;
        }
        for (a, ra) in &per_series {
            for (b, rb) in &per_series {
                if a != b && ra.iter().filter(|x| rb.contains(x)).count() as f64 == want {
                    return true;
                }
            }
        }
    }
    false
}

#[test]
fn every_number_on_the_story_page_is_in_its_charts_csv() {
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/index.html")).unwrap();
    let blocks = blocks(&html);
    assert!(blocks.len() > 20, "{} text blocks", blocks.len());
    let mut checked = 0;
    let mut missing = Vec::new();
    for (id, raw) in &blocks {
        let csv = csv_of(id);
        let mut text = plain(raw);
        for (date, range) in dates(&text).into_iter().rev() {
            let known = csv.rows.iter().any(|r| r["period"] == date)
                || csv.dataset.events.iter().any(|e| e.date == date)
                || csv.dataset.notes.iter().any(|n| n.contains(&date));
            if !known {
                missing.push(format!("{id}: the date {date} is not in its data"));
            }
            checked += 1;
            text.replace_range(range, "DATE");
        }
        for n in numbers(&text) {
            checked += 1;
            if !found(&n, &csv) {
                missing.push(format!("{id}: {n} is not in its CSV (\"{}\")", &text[..text.len().min(90)]));
            }
        }
    }
    assert!(missing.is_empty(), "{checked} numbers checked; not found:\n{}", missing.join("\n"));
    assert!(checked > 60, "{checked}");
}

#[test]
fn a_drifted_caption_is_caught() {
    let csv = csv_of("unga-agreement");
    assert!(found("67.5", &csv) && !found("67", &csv), "67.53 % is 67.5 or 68, not 67");
    assert!(found("2000", &csv) && !found("1950", &csv));
    let trade = csv_of("trade-monthly");
    assert!(found("10.26", &trade) && !found("10.31", &trade));
}
