//! Languages of the interface (`lang` = en, fr, de): number separators, month names and the
//! widget's own words. The data's labels stay as sourced.
//!
//! The locale is set for the duration of a chart's layout with [`scoped`] (charts format every
//! label once, when they are built), so the formatting functions need no extra argument.

use std::cell::Cell;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Fr,
    De,
}

thread_local! {
    static CURRENT: Cell<Locale> = const { Cell::new(Locale::En) };
}

impl Locale {
    /// `en`, `fr`, `de` (also `fr-CH`, `de_AT` …); anything else is English.
    pub fn parse(tag: &str) -> Locale {
        let t = tag.trim().to_ascii_lowercase();
        match t.get(..2) {
            Some("fr") => Locale::Fr,
            Some("de") => Locale::De,
            _ => Locale::En,
        }
    }
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::De => "de",
        }
    }
    /// The locale charts are being built in.
    pub fn current() -> Locale {
        CURRENT.with(Cell::get)
    }
    pub fn decimal(self) -> char {
        if self == Locale::En {
            '.'
        } else {
            ','
        }
    }
    pub fn thousands(self) -> &'static str {
        match self {
            Locale::En => ",",
            Locale::Fr => "\u{202f}",
            Locale::De => ".",
        }
    }
    pub fn month(self, m: u8) -> &'static str {
        const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        const FR: [&str; 12] =
            ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
        const DE: [&str; 12] =
            ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."];
        let i = (m.clamp(1, 12) - 1) as usize;
        match self {
            Locale::En => EN[i],
            Locale::Fr => FR[i],
            Locale::De => DE[i],
        }
    }
    /// The widget's own words.
    pub fn text(self, key: Text) -> &'static str {
        use Text::*;
        match (self, key) {
            (Locale::En, More) => "More",
            (Locale::Fr, More) => "Plus",
            (Locale::De, More) => "Mehr",
            (Locale::En, View) => "View",
            (Locale::Fr, View) => "Affichage",
            (Locale::De, View) => "Ansicht",
            (Locale::En, Chart) => "Chart",
            (Locale::Fr, Chart) => "Graphique",
            (Locale::De, Chart) => "Diagramm",
            (Locale::En, Table) => "Table",
            (Locale::Fr, Table) => "Tableau",
            (Locale::De, Table) => "Tabelle",
            (Locale::En, Sources) => "Sources",
            (Locale::Fr, Sources) => "Sources",
            (Locale::De, Sources) => "Quellen",
            (Locale::En, DownloadCsv) => "Download CSV",
            (Locale::Fr, DownloadCsv) => "Télécharger CSV",
            (Locale::De, DownloadCsv) => "CSV herunterladen",
            (Locale::En, DownloadPng) => "Download PNG",
            (Locale::Fr, DownloadPng) => "Télécharger PNG",
            (Locale::De, DownloadPng) => "PNG herunterladen",
            (Locale::En, Source) => "Source",
            (Locale::Fr, Source) => "Source",
            (Locale::De, Source) => "Quelle",
            (Locale::En, Series) => "Series",
            (Locale::Fr, Series) => "Série",
            (Locale::De, Series) => "Reihe",
            (Locale::En, Period) => "Period",
            (Locale::Fr, Period) => "Période",
            (Locale::De, Period) => "Zeitraum",
            (Locale::En, Value) => "Value",
            (Locale::Fr, Value) => "Valeur",
            (Locale::De, Value) => "Wert",
            (Locale::En, Note) => "Note",
            (Locale::Fr, Note) => "Note",
            (Locale::De, Note) => "Anmerkung",
            (Locale::En, NoData) => "no data",
            (Locale::Fr, NoData) => "pas de données",
            (Locale::De, NoData) => "keine Daten",
            (Locale::En, Total) => "Total",
            (Locale::Fr, Total) => "Total",
            (Locale::De, Total) => "Summe",
            (Locale::En, CouldNotShow) => "This chart could not be shown",
            (Locale::Fr, CouldNotShow) => "Ce graphique ne peut pas être affiché",
            (Locale::De, CouldNotShow) => "Dieses Diagramm kann nicht angezeigt werden",
            (Locale::En, NotesCaveats) => "Notes and caveats",
            (Locale::Fr, NotesCaveats) => "Notes et mises en garde",
            (Locale::De, NotesCaveats) => "Hinweise und Vorbehalte",
            (Locale::En, EventsMarked) => "Events marked",
            (Locale::Fr, EventsMarked) => "Événements signalés",
            (Locale::De, EventsMarked) => "Markierte Ereignisse",
            (Locale::En, Licence) => "Licence",
            (Locale::Fr, Licence) => "Licence",
            (Locale::De, Licence) => "Lizenz",
            (Locale::En, Coverage) => "Coverage",
            (Locale::Fr, Coverage) => "Couverture",
            (Locale::De, Coverage) => "Abdeckung",
            (Locale::En, Retrieved) => "Retrieved",
            (Locale::Fr, Retrieved) => "Consulté",
            (Locale::De, Retrieved) => "Abgerufen",
            (Locale::En, Session) => "session",
            (Locale::Fr, Session) => "session",
            (Locale::De, Session) => "Tagung",
            (Locale::En, Yes) => "Yes",
            (Locale::Fr, Yes) => "Pour",
            (Locale::De, Yes) => "Ja",
            (Locale::En, No) => "No",
            (Locale::Fr, No) => "Contre",
            (Locale::De, No) => "Nein",
            (Locale::En, Abstain) => "Abstain",
            (Locale::Fr, Abstain) => "Abstention",
            (Locale::De, Abstain) => "Enthaltung",
            (Locale::En, Values) => "Values",
            (Locale::Fr, Values) => "Valeurs",
            (Locale::De, Values) => "Werte",
            (Locale::En, Change) => "Change",
            (Locale::Fr, Change) => "Variation",
            (Locale::De, Change) => "Veränderung",
            (Locale::En, Share) => "Share",
            (Locale::Fr, Share) => "Part",
            (Locale::De, Share) => "Anteil",
            (Locale::En, ResetZoom) => "Reset zoom",
            (Locale::Fr, ResetZoom) => "Réinitialiser le zoom",
            (Locale::De, ResetZoom) => "Zoom zurücksetzen",
            (Locale::En, DidNotVote) => "Did not vote",
            (Locale::Fr, DidNotVote) => "N'a pas voté",
            (Locale::De, DidNotVote) => "Nicht abgestimmt",
        }
    }
}

/// Interface words with a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// The phone toolbar's menu button, and the label of the Values/Change/Share group.
    More,
    View,
    Chart,
    Table,
    Sources,
    DownloadCsv,
    DownloadPng,
    Source,
    Series,
    Period,
    Value,
    Note,
    NoData,
    Total,
    CouldNotShow,
    NotesCaveats,
    EventsMarked,
    Licence,
    Coverage,
    Retrieved,
    Session,
    Yes,
    No,
    Abstain,
    DidNotVote,
    Values,
    Change,
    Share,
    ResetZoom,
}

/// A word in the current locale.
pub fn t(key: Text) -> &'static str {
    Locale::current().text(key)
}

/// Runs `f` with `locale` as the current locale (restored afterwards, also on early return).
pub fn scoped<R>(locale: Locale, f: impl FnOnce() -> R) -> R {
    struct Restore(Locale);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(locale)));
    f()
}
