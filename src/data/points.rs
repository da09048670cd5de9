//! A series' points, held as columns: one shared column of period texts, the values as one array,
//! the source ids (one for the whole series, or one per point), and labels and notes only when
//! some point has one.
//!
//! Why columns: a series of 55,550 daily points as point objects cost an allocation per period
//! text and 48 bytes per point, and every step after reading (validation, layout) parsed each
//! period again. Here series on the same periods share one [`Periods`] (an `Rc`), whose times are
//! parsed once (by validation) and kept; the values are one array a chart shares instead of
//! copying. Readers and the pipeline still build [`Point`]s (`collect()`, `From<Vec<Point>>`),
//! and charts read [`PointRef`]s, so the public schema is unchanged.

use super::period::Period;
use super::schema::Point;
use std::cell::OnceCell;
use std::rc::Rc;

/// Period texts in one buffer: period `i` is `text[ends[i - 1]..ends[i]]`.
#[derive(Debug, Default, Clone)]
pub struct Periods {
    text: String,
    ends: Vec<u32>,
    /// Time (fractional year) of each period, NaN where one does not parse: computed once.
    times: OnceCell<Rc<[f64]>>,
}

impl PartialEq for Periods {
    fn eq(&self, other: &Self) -> bool {
        self.ends == other.ends && self.text == other.text
    }
}

impl Periods {
    /// Periods from one text in which `sep` follows each but the last, as a JS array joined: the
    /// separators are squeezed out in place, with no string per period. An ASCII `sep` (the web
    /// layer's `\n`) is squeezed out byte by byte: an ASCII byte is never part of a multi-byte
    /// character, so the rest stays UTF-8 and no character is decoded (measured in the profile of
    /// `draw_166k_cold`: decoding and re-encoding every character was ≈ 15 ms of 166,650 periods).
    pub fn from_joined(mut text: String, sep: char) -> Periods {
        let mut ends = Vec::new();
        let mut end = 0u32;
        if sep.is_ascii() {
            let sep = sep as u8;
            let mut bytes = text.into_bytes();
            bytes.retain(|&b| {
                if b == sep {
                    ends.push(end);
                    return false;
                }
                end += 1;
                true
            });
            ends.push(end);
            let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            return Periods { text, ends, times: OnceCell::new() };
        }
        text.retain(|c| {
            if c == sep {
                ends.push(end);
                return false;
            }
            end += c.len_utf8() as u32;
            true
        });
        ends.push(end);
        Periods { text, ends, times: OnceCell::new() }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Where period `i` is in `text`.
    fn span(&self, i: usize) -> std::ops::Range<usize> {
        (if i == 0 { 0 } else { self.ends[i - 1] as usize })..self.ends[i] as usize
    }

    /// Period `i` as written in the data.
    pub fn get(&self, i: usize) -> &str {
        &self.text[self.span(i)]
    }

    /// Period `i`'s bytes (no check that they end on a character: the hot path parses them).
    pub fn bytes(&self, i: usize) -> &[u8] {
        &self.text.as_bytes()[self.span(i)]
    }

    pub fn push(&mut self, period: &str) {
        self.text.push_str(period);
        // wasm32 memory is below 4 GiB, so is any text in it.
        self.ends.push(self.text.len() as u32);
        self.times = OnceCell::new();
    }

    /// Time of each period (fractional year), NaN where a period does not parse.
    pub fn times(&self) -> Rc<[f64]> {
        self.times
            .get_or_init(|| {
                (0..self.len()).map(|i| Period::parse_bytes(self.bytes(i)).map_or(f64::NAN, Period::to_x)).collect()
            })
            .clone()
    }

    /// Keeps times computed elsewhere (validation parses every period anyway).
    pub(crate) fn keep_times(&self, times: Rc<[f64]>) {
        debug_assert_eq!(times.len(), self.len());
        let _ = self.times.set(times);
    }
}

/// The source id of each point: one for the whole series (the usual case) or one per point
/// (neighbours with the same id share one text).
#[derive(Debug, Clone, PartialEq)]
pub enum SourceIds {
    One(Rc<str>),
    Each(Vec<Rc<str>>),
}

/// One point, borrowed from its series' columns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointRef<'a> {
    pub period: &'a str,
    pub value: f64,
    pub source: &'a str,
    pub label: Option<&'a str>,
    pub note: Option<&'a str>,
}

impl PointRef<'_> {
    /// An owned copy.
    pub fn to_point(self) -> Point {
        Point {
            period: self.period.into(),
            value: self.value,
            source: self.source.into(),
            label: self.label.map(str::to_string),
            note: self.note.map(str::to_string),
        }
    }
}

/// A series' points (see the module doc).
#[derive(Debug, Clone)]
pub struct Points {
    periods: Rc<Periods>,
    values: Rc<Vec<f64>>,
    sources: SourceIds,
    labels: Option<Vec<Option<String>>>,
    notes: Option<Vec<Option<String>>>,
}

impl Default for Points {
    fn default() -> Points {
        Points {
            periods: Rc::default(),
            values: Rc::default(),
            sources: SourceIds::Each(Vec::new()),
            labels: None,
            notes: None,
        }
    }
}

impl PartialEq for Points {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

/// Why [`Points::from_columns`] refused its columns: which column is not as long as the values,
/// and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ragged {
    Periods(usize),
    Sources(usize),
    Labels(usize),
    Notes(usize),
}

impl Ragged {
    /// What is wrong, for a reader: `columns.note has 3 entries, columns.value 2` (`values` long).
    pub fn message(self, values: usize) -> String {
        let (name, len) = match self {
            Ragged::Periods(n) => ("period", n),
            Ragged::Sources(n) => ("source", n),
            Ragged::Labels(n) => ("label", n),
            Ragged::Notes(n) => ("note", n),
        };
        format!("columns.{name} has {len} entries, columns.value {values}")
    }
}

impl Points {
    /// Points from whole columns, each as long as `values` (else which one is not, and its length).
    pub fn from_columns(
        periods: Rc<Periods>,
        values: Vec<f64>,
        sources: SourceIds,
        labels: Option<Vec<Option<String>>>,
        notes: Option<Vec<Option<String>>>,
    ) -> Result<Points, Ragged> {
        let n = values.len();
        if periods.len() != n {
            return Err(Ragged::Periods(periods.len()));
        }
        if let SourceIds::Each(s) = &sources {
            if s.len() != n {
                return Err(Ragged::Sources(s.len()));
            }
        }
        if let Some(l) = labels.as_ref().filter(|l| l.len() != n) {
            return Err(Ragged::Labels(l.len()));
        }
        if let Some(l) = notes.as_ref().filter(|l| l.len() != n) {
            return Err(Ragged::Notes(l.len()));
        }
        let sources = match sources {
            SourceIds::Each(s) if n == 0 => SourceIds::Each(s),
            SourceIds::One(_) if n == 0 => SourceIds::Each(Vec::new()),
            SourceIds::Each(s) if s.iter().all(|t| Rc::ptr_eq(t, &s[0]) || **t == *s[0]) => {
                SourceIds::One(s[0].clone())
            }
            other => other,
        };
        let some = |l: Option<Vec<Option<String>>>| l.filter(|l| l.iter().any(Option::is_some));
        Ok(Points { periods, values: Rc::new(values), sources, labels: some(labels), notes: some(notes) })
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Point `i`; panics when out of range, as indexing a list does.
    pub fn at(&self, i: usize) -> PointRef<'_> {
        PointRef {
            period: self.periods.get(i),
            value: self.values[i],
            source: self.source(i),
            label: self.label(i),
            note: self.note(i),
        }
    }

    pub fn get(&self, i: usize) -> Option<PointRef<'_>> {
        (i < self.len()).then(|| self.at(i))
    }

    pub fn first(&self) -> Option<PointRef<'_>> {
        self.get(0)
    }

    pub fn last(&self) -> Option<PointRef<'_>> {
        self.len().checked_sub(1).map(|i| self.at(i))
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter { points: self, range: 0..self.len() }
    }

    /// Every value, in point order.
    pub fn values(&self) -> &Rc<Vec<f64>> {
        &self.values
    }

    /// The period column (shared with the series on the same periods).
    pub fn periods(&self) -> &Rc<Periods> {
        &self.periods
    }

    pub fn sources(&self) -> &SourceIds {
        &self.sources
    }

    pub fn source(&self, i: usize) -> &str {
        match &self.sources {
            SourceIds::One(s) => s,
            SourceIds::Each(s) => &s[i],
        }
    }

    /// Indices `i ≥ 1` where point `i` names another source than point `i - 1` (none when one
    /// source covers the series): the source's column is walked, not every point.
    pub fn source_changes(&self) -> impl Iterator<Item = usize> + '_ {
        let ids = match &self.sources {
            SourceIds::One(_) => &[][..],
            SourceIds::Each(ids) => &ids[..],
        };
        // Neighbours usually share one text (`Rc`): no comparison of the texts.
        ids.windows(2).enumerate().filter(|(_, w)| !Rc::ptr_eq(&w[0], &w[1]) && w[0] != w[1]).map(|(i, _)| i + 1)
    }

    pub fn label(&self, i: usize) -> Option<&str> {
        self.labels.as_ref().and_then(|l| l[i].as_deref())
    }

    pub fn note(&self, i: usize) -> Option<&str> {
        self.notes.as_ref().and_then(|l| l[i].as_deref())
    }

    /// True when some point has a label.
    pub fn has_labels(&self) -> bool {
        self.labels.is_some()
    }

    /// True when some point has a note.
    pub fn has_notes(&self) -> bool {
        self.notes.is_some()
    }

    /// Takes `other` as the period column when it holds the same periods, so both series share
    /// it (and its parsed times).
    pub fn share_periods(&mut self, other: &Rc<Periods>) {
        if !Rc::ptr_eq(&self.periods, other) && *self.periods == **other {
            self.periods = other.clone();
        }
    }

    /// Edits the points as a list of owned points (a copy, then columns again): for tests and
    /// small data, not for a hot path.
    pub fn edit(&mut self, f: impl FnOnce(&mut Vec<Point>)) {
        let mut list = self.to_vec();
        f(&mut list);
        let before = self.periods.clone();
        *self = list.into();
        self.share_periods(&before);
    }

    pub fn clear(&mut self) {
        *self = Points::default();
    }

    /// Owned copies of every point (for editing, then `into()` again).
    pub fn to_vec(&self) -> Vec<Point> {
        self.iter().map(PointRef::to_point).collect()
    }
}

/// Points built one at a time into their columns (a reader's `points` list, `collect()`): no
/// list of point objects on the way, and no label or note column until some point has one.
#[derive(Debug, Default)]
pub struct Builder {
    periods: Periods,
    values: Vec<f64>,
    sources: Vec<Rc<str>>,
    labels: Option<Vec<Option<String>>>,
    notes: Option<Vec<Option<String>>>,
}

impl Builder {
    pub fn push(&mut self, period: &str, value: f64, source: Rc<str>, label: Option<String>, note: Option<String>) {
        let n = self.values.len();
        self.periods.push(period);
        self.values.push(value);
        self.sources.push(source);
        for (column, text) in [(&mut self.labels, label), (&mut self.notes, note)] {
            match column {
                Some(c) => c.push(text),
                None if text.is_some() => {
                    let mut c = vec![None; n];
                    c.push(text);
                    *column = Some(c);
                }
                None => {}
            }
        }
    }

    pub fn finish(self) -> Points {
        let sources = SourceIds::Each(self.sources);
        // `push` keeps every column one entry per point (a label or note column is filled with
        // `None` for the points before its first entry).
        Points::from_columns(Rc::new(self.periods), self.values, sources, self.labels, self.notes).unwrap_or_default()
    }
}

impl FromIterator<Point> for Points {
    fn from_iter<I: IntoIterator<Item = Point>>(iter: I) -> Points {
        let mut b = Builder::default();
        for p in iter {
            b.push(&p.period, p.value, p.source, p.label, p.note);
        }
        b.finish()
    }
}

impl From<Vec<Point>> for Points {
    fn from(points: Vec<Point>) -> Points {
        points.into_iter().collect()
    }
}

impl serde::Serialize for Points {
    /// As the public schema's list of point objects.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(PointRef::to_point))
    }
}

/// The points of a series, in order.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    points: &'a Points,
    range: std::ops::Range<usize>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = PointRef<'a>;
    fn next(&mut self) -> Option<PointRef<'a>> {
        self.range.next().map(|i| self.points.at(i))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
    fn nth(&mut self, n: usize) -> Option<PointRef<'a>> {
        self.range.nth(n).map(|i| self.points.at(i))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.range.next_back().map(|i| self.points.at(i))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Points {
    type Item = PointRef<'a>;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(period: &str, value: f64, source: &str, label: Option<&str>) -> Point {
        Point { period: period.into(), value, source: source.into(), label: label.map(Into::into), note: None }
    }

    #[test]
    fn points_read_back_as_pushed() {
        let list = vec![
            pt("2000", 1.0, "a", None),
            pt("2001", 2.5, "a", Some("x")),
            pt("2001-02", -3.0, "b", None),
            pt("", 0.0, "b", None),
        ];
        let points: Points = list.clone().into();
        assert_eq!(points.len(), 4);
        assert_eq!(points.to_vec(), list);
        assert_eq!(points.at(2).period, "2001-02");
        assert_eq!(points.at(3).period, "");
        assert_eq!(points.at(1).label, Some("x"));
        assert_eq!(points.at(0).label, None);
        assert_eq!(points.iter().rev().map(|p| p.value).collect::<Vec<_>>(), [0.0, -3.0, 2.5, 1.0]);
        assert!(matches!(points.sources(), SourceIds::Each(s) if s.len() == 4));
        assert!(points.get(4).is_none());
    }

    #[test]
    fn one_source_and_no_text_columns_when_none_is_needed() {
        let points: Points = vec![pt("2000", 1.0, "a", None), pt("2001", 2.0, "a", None)].into();
        assert_eq!(points.sources(), &SourceIds::One("a".into()));
        assert!(!points.has_labels());
        // The same content in another form is equal.
        let each = Points::from_columns(
            Rc::new(points.periods().as_ref().clone()),
            vec![1.0, 2.0],
            SourceIds::Each(vec!["a".into(), "a".into()]),
            Some(vec![None, None]),
            None,
        )
        .unwrap();
        assert_eq!(each, points);
        assert_eq!(each.sources(), &SourceIds::One("a".into()));
        assert!(!each.has_labels());
    }

    #[test]
    fn ragged_columns_are_refused() {
        let periods =
            Rc::new(vec![pt("2000", 1.0, "a", None)].into_iter().collect::<Points>().periods().as_ref().clone());
        let one = || SourceIds::One("a".into());
        assert_eq!(Points::from_columns(periods.clone(), vec![], one(), None, None), Err(Ragged::Periods(1)));
        let each = SourceIds::Each(vec!["a".into(), "b".into()]);
        assert_eq!(Points::from_columns(periods.clone(), vec![1.0], each, None, None), Err(Ragged::Sources(2)));
        assert_eq!(Points::from_columns(periods.clone(), vec![1.0], one(), Some(vec![]), None), Err(Ragged::Labels(0)));
        assert_eq!(Points::from_columns(periods, vec![1.0], one(), None, Some(vec![None; 3])), Err(Ragged::Notes(3)));
    }

    #[test]
    fn joined_texts_split_as_pushed() {
        let joined = Periods::from_joined("2000\n2001-02\n\nй\n2003".to_string(), '\n');
        let mut pushed = Periods::default();
        for p in ["2000", "2001-02", "", "й", "2003"] {
            pushed.push(p);
        }
        assert_eq!(joined, pushed);
        assert_eq!((joined.len(), joined.get(3)), (5, "й"));
        assert_eq!(Periods::from_joined(String::new(), '\n').len(), 1, "one empty text");
        // A separator that is not ASCII takes the character path, with the same result.
        assert_eq!(Periods::from_joined("2000¦2001-02¦¦й¦2003".to_string(), '¦'), pushed);
    }

    #[test]
    fn times_are_parsed_once_and_shared() {
        let a: Points = vec![pt("2000", 1.0, "a", None), pt("2000-07", 2.0, "a", None), pt("x", 3.0, "a", None)].into();
        let mut b: Points = a.to_vec().into();
        assert!(!Rc::ptr_eq(a.periods(), b.periods()));
        b.share_periods(a.periods());
        assert!(Rc::ptr_eq(a.periods(), b.periods()));
        let t = a.periods().times();
        assert_eq!(t[0], 2000.0);
        assert_eq!(t[1], 2000.5);
        assert!(t[2].is_nan());
        assert!(Rc::ptr_eq(&t, &b.periods().times()), "computed once");
        // Different periods are not shared.
        let mut c: Points = vec![pt("2001", 1.0, "a", None)].into();
        c.share_periods(a.periods());
        assert!(!Rc::ptr_eq(a.periods(), c.periods()));
    }
}
