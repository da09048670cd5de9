//! One source entry per web page a hand-made table was read from, so that every point's source
//! carries the URL of the page its figure came from (not a portal's home page). The entries share
//! their publisher, so a chart's footer still names one publisher.

use crate::data::Source;

/// Source entries for the pages of one hand-made raw file, in the order points first name them.
pub struct Pages {
    prefix: &'static str,
    publisher: String,
    path: &'static str,
    list: Vec<Source>,
}

impl Pages {
    pub fn new(prefix: &'static str, publisher: &str, path: &'static str) -> Pages {
        Pages { prefix, publisher: publisher.into(), path, list: Vec::new() }
    }

    /// The id of the entry for `url` (made on first use, titled `title`); `what` is added to the
    /// entry's coverage (what the page was read for).
    pub fn id(&mut self, url: &str, title: &str, what: &str) -> String {
        if let Some(s) = self.list.iter_mut().find(|s| s.url.as_deref() == Some(url)) {
            if !s.coverage.split("; ").any(|c| c == what) {
                s.coverage.push_str("; ");
                s.coverage.push_str(what);
            }
            return s.id.clone();
        }
        let id = format!("{}-page-{}", self.prefix, self.list.len() + 1);
        self.list.push(Source {
            id: id.clone(),
            title: title.into(),
            publisher: self.publisher.clone(),
            url: Some(url.into()),
            repository: None,
            path: Some(self.path.into()),
            commit: None,
            licence: "Public record as reported by this page; the raw file quotes the sentence read".into(),
            coverage: what.into(),
            retrieved: "2026-11".into(),
        });
        id
    }

    /// The entries made, in first-use order.
    pub fn into_sources(self) -> Vec<Source> {
        self.list
    }
}
