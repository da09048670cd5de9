//! The Table view and the Sources panel, filled from the dataset as text nodes (never HTML).
//! Links are only made for http(s) URLs, so data cannot smuggle a `javascript:` link.

use super::dom::{add, Dom};
use crate::chart::table_rows;
use crate::data::{Dataset, Frequency};
use crate::error::Result;
use crate::model::locale::{Locale, Text};

pub fn fill_table(dom: &Dom, ds: &Dataset, hidden: &[bool], l: Locale) -> Result<()> {
    dom.table.set_text_content(None);
    let table = add(&dom.table, "table", "", None)?;
    add(&table, "caption", "", Some(&ds.title))?;
    let head = add(&table, "thead", "", None)?;
    let tr = add(&head, "tr", "", None)?;
    for h in [Text::Series, Text::Period, Text::Value, Text::Source, Text::Note] {
        let th = add(&tr, "th", "", Some(l.text(h)))?;
        th.set_attribute("scope", "col")?;
    }
    let body = add(&table, "tbody", "", None)?;
    for r in table_rows(ds, hidden, l) {
        let tr = add(&body, "tr", "", None)?;
        add(&tr, "td", "", Some(&r.series))?;
        add(&tr, "td", "", Some(&r.period))?;
        add(&tr, "td", "num", Some(&r.value))?;
        add(&tr, "td", "", Some(&r.source))?;
        add(&tr, "td", "note", Some(&r.note))?;
    }
    Ok(())
}

fn link_or_text(parent: &web_sys::Element, text: &str, url: Option<&str>) -> Result<()> {
    match url.filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
        Some(u) => {
            let a = add(parent, "a", "", Some(text))?;
            a.set_attribute("href", u)?;
            a.set_attribute("target", "_blank")?;
            a.set_attribute("rel", "noopener noreferrer")?;
        }
        None => {
            add(parent, "span", "", Some(text))?;
        }
    }
    Ok(())
}

pub fn fill_sources(dom: &Dom, ds: &Dataset, l: Locale) -> Result<()> {
    let p = &dom.sources;
    p.set_text_content(None);
    add(p, "h3", "", Some(l.text(Text::Sources)))?;
    let ul = add(p, "ul", "", None)?;
    for s in &ds.sources {
        let li = add(&ul, "li", "", None)?;
        link_or_text(&li, &s.title, s.url.as_deref())?;
        add(&li, "span", "", Some(&format!(". {}.", s.publisher)))?;
        let mut facts = vec![
            l.say(Text::LabelValue, &[l.text(Text::Licence), &s.licence]),
            l.say(Text::LabelValue, &[l.text(Text::Coverage), &s.coverage]),
        ];
        if let (Some(repo), Some(path)) = (&s.repository, &s.path) {
            let commit = s
                .commit
                .as_deref()
                .map(|c| l.say(Text::AtCommit, &[&c.chars().take(12).collect::<String>()]))
                .unwrap_or_default();
            facts.push(l.say(Text::CopiedFrom, &[repo, path, &commit]));
        }
        facts.push(format!("{} {}", l.text(Text::Retrieved), l.period(&s.retrieved, Frequency::Daily)));
        add(&li, "div", "muted", Some(&facts.join(" · ")))?;
    }
    if !ds.notes.is_empty() {
        add(p, "h3", "", Some(l.text(Text::NotesCaveats)))?;
        let ul = add(p, "ul", "", None)?;
        for n in &ds.notes {
            add(&ul, "li", "", Some(n))?;
        }
    }
    if !ds.events.is_empty() {
        add(p, "h3", "", Some(l.text(Text::EventsMarked)))?;
        let ul = add(p, "ul", "", None)?;
        for e in &ds.events {
            let li = add(&ul, "li", "", None)?;
            let src = ds.source(&e.source);
            add(
                &li,
                "span",
                "",
                Some(&format!("{} — ", l.say(Text::LabelValue, &[&l.period(&e.date, Frequency::Daily), &e.label]))),
            )?;
            link_or_text(
                &li,
                src.map_or(l.text(Text::Source), |s| s.title.as_str()),
                src.and_then(|s| s.url.as_deref()),
            )?;
        }
    }
    Ok(())
}
