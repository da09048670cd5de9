//! Languages of the interface (`lang` = en, fr, de): number separators, month names and every
//! word the widget and its charts say to a reader, one table per language. The data's proper names
//! (resolution symbols, country names as sourced, HS descriptions) stay as sourced.
//!
//! The locale is an argument, never ambient state: a chart is built in a [`crate::chart::Frame`]
//! that carries it, and the formatting functions ([`Locale::value`], [`Locale::period`] …) are
//! methods of it, so the compiler finds every place that says something to a reader.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Fr,
    De,
}

impl Locale {
    /// Every language the widget speaks.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Fr, Locale::De];

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

    /// A word or phrase of the interface in this language.
    pub fn text(self, key: Text) -> &'static str {
        match self {
            Locale::En => en(key),
            Locale::Fr => fr(key),
            Locale::De => de(key),
        }
    }

    /// A phrase with its blanks `{0}`, `{1}` … filled in order (each language orders them as its
    /// grammar needs).
    pub fn say(self, key: Text, args: &[&str]) -> String {
        fill(self.text(key), args)
    }

    /// `a, b and c` (`a, b et c`, `a, b und c`).
    pub fn and_list(self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => self.say(Text::AndList, &[&init.join(", "), last]),
        }
    }
}

/// Replaces `{0}`, `{1}` … in `template` by `args`; a blank without an argument stays empty.
fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let digits = tail[1..].bytes().take_while(u8::is_ascii_digit).count();
        let index = tail[1..1 + digits].parse::<usize>().ok().filter(|_| tail[1 + digits..].starts_with('}'));
        if let Some(i) = index {
            out.push_str(args.get(i).copied().unwrap_or_default());
            rest = &tail[digits + 2..];
        } else {
            out.push('{');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Makes the key list [`Text`] and [`Text::ALL`] (for the tests and the reader-word export).
macro_rules! keys {
    ($($(#[$doc:meta])* $key:ident,)*) => {
        /// Everything the interface says, by meaning. A phrase with blanks (`{0}` …) is filled with
        /// [`Locale::say`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Text {
            $($(#[$doc])* $key,)*
        }
        impl Text {
            pub const ALL: &[Text] = &[$(Text::$key),*];
        }
    };
}

keys! {
    /// The phone toolbar's menu button.
    More,
    /// The label of the Values/Change/Share group.
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
    /// While a chart's data file is on its way (the module's own fetch).
    Loading,
    NotesCaveats,
    EventsMarked,
    Licence,
    Coverage,
    Retrieved,
    /// `Copied from {repository}, {path}{at commit}`.
    CopiedFrom,
    /// ` at commit {hash}`.
    AtCommit,
    Session,
    Yes,
    No,
    Abstain,
    DidNotVote,
    Values,
    Change,
    Share,
    ResetZoom,
    /// `a, b and c`: `{0}` = `a, b`, `{1}` = `c`.
    AndList,
    /// `{label}: {value}` (French puts a space before the colon).
    LabelValue,
    // Axis titles, one per unit.
    UnitPercent,
    UnitUsdBn,
    UnitUsdM,
    UnitTivM,
    UnitIdealPoint,
    UnitCount,
    UnitVote,
    UnitTier,
    UnitChange,
    /// The axis title of agreement shares (UN votes).
    UnitAgreement,
    /// `{number} TIV m`.
    ValueTivM,
    /// A change of a percentage, `{number} percentage points`.
    PercentagePoints,
    /// `{value} on the ideal-point scale`.
    OnIdealScale,
    // Summaries (the accessible name): `{0}` is the chart's title.
    SummaryNoData,
    SummaryAllHidden,
    /// Line: title, series, first value, its period, last value, its period, change, high, its
    /// period, low, its period.
    SummaryRose,
    SummaryFell,
    SummaryUnchanged,
    /// ` Also shown: {series}.`
    AlsoShown,
    /// Bars: title, first total, period, last total, period, peak, period.
    SummaryBars,
    /// ` {series} make up {share} of the whole.`
    MakeUpShare,
    // Figures.
    FigureAsPrinted,
    LowerBound,
    UpperBound,
    Rounded,
    /// `+ {n} more figures (see the table view)`.
    MoreFigures,
    NoFigures,
    EveryGroupHidden,
    /// Title, figures, units, lower bounds.
    SummaryFigures,
    // Vote matrix and vote grid.
    Resolution,
    Date,
    NoResolutions,
    EverySeriesHidden,
    NoFigureInSource,
    /// The short words of a matrix cell or a tally column's header.
    YesShort,
    NoShort,
    AbstainShort,
    AbsentShort,
    UnknownCode,
    /// `Unknown vote code {n}`.
    UnknownVoteCode,
    /// What a state did: `voted yes` …
    VotedYes,
    VotedNo,
    Abstained,
    DidNotVoteVerb,
    HadUnknownCode,
    /// `{state} {what it did}`.
    StateDid,
    /// `{what} on all {n}`.
    OnAll,
    /// `{what} on {n}`.
    OnCount,
    /// `has no recorded vote on {n}`.
    NoRecordedVote,
    HasNoVotes,
    EveryVoteColumnHidden,
    /// Title, count, first date, last date, who did what.
    SummaryMatrix,
    SummaryNoResolutions,
    // Vote grid.
    /// The key entry of the ringed squares.
    ChinaRussia,
    NoVotes,
    EveryResolutionHidden,
    NotListed,
    /// Tally parts: `{n} yes` …
    TallyYes,
    TallyNo,
    TallyAbstain,
    TallyAbsent,
    TallyUnknown,
    /// `, {n} with an unknown vote code`.
    WithUnknownCode,
    SummaryResolutionsHidden,
    // Tiers.
    /// `{tier} · {n} code` / `codes`.
    TierCodesOne,
    TierCodesMany,
    /// A tile's tooltip row label.
    TierLabel,
    /// `+ {n} more codes (see the table view)`.
    MoreCodes,
    NoCodes,
    EveryTierHidden,
    SummaryNoTier,
    /// Title, codes, tiers, `tier: n` list.
    SummaryTiersOne,
    SummaryTiersMany,
    /// `; the most frequent HS chapter is {ch} ({k} of {n})`.
    MostFrequentChapter,
    // Timeline.
    TimelineAxis,
    VetoedBy,
    Draft,
    SummaryNoRecords,
    /// `{title}: {list}.`
    TitleList,
    /// `{title}, {years}: {list}.`
    TitleYearsList,
    /// ` {a} and {b} vetoed the same draft {n} times.`
    SameDraft,
    // Markers.
    SourceChanges,
}

/// English.
fn en(key: Text) -> &'static str {
    use Text::*;
    match key {
        More => "More",
        View => "View",
        Chart => "Chart",
        Table => "Table",
        Sources => "Sources",
        DownloadCsv => "Download CSV",
        DownloadPng => "Download PNG",
        Source => "Source",
        Series => "Series",
        Period => "Period",
        Value => "Value",
        Note => "Note",
        NoData => "no data",
        Total => "Total",
        CouldNotShow => "This chart could not be shown",
        Loading => "Loading…",
        NotesCaveats => "Notes and caveats",
        EventsMarked => "Events marked",
        Licence => "Licence",
        Coverage => "Coverage",
        Retrieved => "Retrieved",
        CopiedFrom => "Copied from {0}, {1}{2}",
        AtCommit => " at commit {0}",
        Session => "session",
        Yes => "Yes",
        No => "No",
        Abstain => "Abstain",
        DidNotVote => "Did not vote",
        Values => "Values",
        Change => "Change",
        Share => "Share",
        ResetZoom => "Reset zoom",
        AndList => "{0} and {1}",
        LabelValue => "{0}: {1}",
        UnitPercent => "percent",
        UnitUsdBn => "billion US$ (current)",
        UnitUsdM => "million US$ (current)",
        UnitTivM => "SIPRI TIV, millions (volume index, not US$)",
        UnitIdealPoint => "ideal point (higher = closer to the US)",
        UnitCount => "count",
        UnitVote => "vote",
        UnitTier => "tier",
        UnitChange => "change on the previous period, %",
        UnitAgreement => "Share of recorded votes in agreement, %",
        ValueTivM => "{0} TIV m",
        PercentagePoints => "{0} percentage points",
        OnIdealScale => "{0} on the ideal-point scale",
        SummaryNoData => "{0}: no data.",
        SummaryAllHidden => "{0}: every series is hidden.",
        SummaryRose => "{0}: {1} rose from {2} in {3} to {4} in {5}, by {6}; highest {7} in {8}, lowest {9} in {10}.",
        SummaryFell => "{0}: {1} fell from {2} in {3} to {4} in {5}, by {6}; highest {7} in {8}, lowest {9} in {10}.",
        SummaryUnchanged => {
            "{0}: {1} was unchanged from {2} in {3} to {4} in {5}, by {6}; highest {7} in {8}, lowest {9} in {10}."
        }
        AlsoShown => " Also shown: {0}.",
        SummaryBars => "{0}: the total was {1} in {2} and {3} in {4}, with a peak of {5} in {6}.",
        MakeUpShare => " {0} make up {1} of the whole.",
        FigureAsPrinted => "Figure as printed.",
        LowerBound => "Lower bound: the true value is above.",
        UpperBound => "Upper bound: the true value is below.",
        Rounded => "Rounded (\"about\").",
        MoreFigures => "+ {0} more figures (see the table view)",
        NoFigures => "No figures in this dataset",
        EveryGroupHidden => "Every group is hidden: switch one on in the legend",
        SummaryFigures => {
            "{0}: {1} figures as pages printed them, in {2} units; {3} of them lower bounds (\"over\"); each from its own page, never joined or summed."
        }
        Resolution => "Resolution",
        Date => "Date",
        NoResolutions => "No resolutions in this dataset",
        EverySeriesHidden => "Every series is hidden: switch one on in the legend",
        NoFigureInSource => "no figure in the source",
        YesShort => "Yes",
        NoShort => "No",
        AbstainShort => "Abst.",
        AbsentShort => "Absent",
        UnknownCode => "Unknown code",
        UnknownVoteCode => "Unknown vote code {0}",
        VotedYes => "voted yes",
        VotedNo => "voted no",
        Abstained => "abstained",
        DidNotVoteVerb => "did not vote",
        HadUnknownCode => "has an unknown code",
        StateDid => "{0} {1}",
        OnAll => "{0} on all {1}",
        OnCount => "{0} on {1}",
        NoRecordedVote => "has no recorded vote on {0}",
        HasNoVotes => "has no votes",
        EveryVoteColumnHidden => "every vote column is hidden",
        SummaryMatrix => "{0}: {1} resolutions from {2} to {3}: {4}.",
        SummaryNoResolutions => "{0}: no resolutions.",
        ChinaRussia => "China, Russia",
        NoVotes => "No votes in this dataset",
        EveryResolutionHidden => "Every resolution is hidden: switch one on in the legend",
        NotListed => "not listed",
        TallyYes => "{0} yes",
        TallyNo => "{0} no",
        TallyAbstain => "{0} abstain",
        TallyAbsent => "{0} absent",
        TallyUnknown => "{0} unknown",
        WithUnknownCode => ", {0} with an unknown vote code",
        SummaryResolutionsHidden => "{0}: every resolution is hidden.",
        TierCodesOne => "{0} · {1} code",
        TierCodesMany => "{0} · {1} codes",
        TierLabel => "Tier",
        MoreCodes => "+ {0} more codes (see the table view)",
        NoCodes => "No codes in this dataset",
        EveryTierHidden => "Every tier is hidden: switch one on in the legend",
        SummaryNoTier => "{0}: no tier is shown.",
        SummaryTiersOne => "{0}: {1} HS-6 codes in {2} tier ({3})",
        SummaryTiersMany => "{0}: {1} HS-6 codes in {2} tiers ({3})",
        MostFrequentChapter => "; the most frequent HS chapter is {0} ({1} of {2})",
        TimelineAxis => "Each mark is one vetoed draft; hover for its date, symbol and topic",
        VetoedBy => "Vetoed by",
        Draft => "Draft",
        SummaryNoRecords => "{0}: no records.",
        TitleList => "{0}: {1}.",
        TitleYearsList => "{0}, {1}: {2}.",
        SameDraft => " {0} and {1} vetoed the same draft {2} times.",
        SourceChanges => "Source changes",
    }
}

/// French.
fn fr(key: Text) -> &'static str {
    use Text::*;
    match key {
        More => "Plus",
        View => "Affichage",
        Chart => "Graphique",
        Table => "Tableau",
        Sources => "Sources",
        DownloadCsv => "Télécharger CSV",
        DownloadPng => "Télécharger PNG",
        Source => "Source",
        Series => "Série",
        Period => "Période",
        Value => "Valeur",
        Note => "Note",
        NoData => "pas de données",
        Total => "Total",
        CouldNotShow => "Ce graphique ne peut pas être affiché",
        Loading => "Chargement…",
        NotesCaveats => "Notes et mises en garde",
        EventsMarked => "Événements signalés",
        Licence => "Licence",
        Coverage => "Couverture",
        Retrieved => "Consulté le",
        CopiedFrom => "Copié de {0}, {1}{2}",
        AtCommit => " au commit {0}",
        Session => "session",
        Yes => "Pour",
        No => "Contre",
        Abstain => "Abstention",
        DidNotVote => "N'a pas voté",
        Values => "Valeurs",
        Change => "Variation",
        Share => "Part",
        ResetZoom => "Réinitialiser le zoom",
        AndList => "{0} et {1}",
        LabelValue => "{0}\u{a0}: {1}",
        UnitPercent => "pourcentage",
        UnitUsdBn => "milliards de dollars US (courants)",
        UnitUsdM => "millions de dollars US (courants)",
        UnitTivM => "TIV du SIPRI, millions (indice de volume, pas des dollars)",
        UnitIdealPoint => "point idéal (plus haut = plus proche des États-Unis)",
        UnitCount => "nombre",
        UnitVote => "vote",
        UnitTier => "niveau",
        UnitChange => "variation sur la période précédente, %",
        UnitAgreement => "Part des votes enregistrés concordants, %",
        ValueTivM => "{0} M TIV",
        PercentagePoints => "{0} points de pourcentage",
        OnIdealScale => "{0} sur l'échelle des points idéaux",
        SummaryNoData => "{0}\u{a0}: pas de données.",
        SummaryAllHidden => "{0}\u{a0}: toutes les séries sont masquées.",
        SummaryRose => {
            "{0}\u{a0}: {1} a augmenté de {2} en {3} à {4} en {5}, soit {6}\u{a0}; maximum {7} en {8}, minimum {9} en {10}."
        }
        SummaryFell => {
            "{0}\u{a0}: {1} a diminué de {2} en {3} à {4} en {5}, soit {6}\u{a0}; maximum {7} en {8}, minimum {9} en {10}."
        }
        SummaryUnchanged => {
            "{0}\u{a0}: {1} est resté inchangé entre {3} ({2}) et {5} ({4}), soit {6}\u{a0}; maximum {7} en {8}, minimum {9} en {10}."
        }
        AlsoShown => " Également affiché\u{a0}: {0}.",
        SummaryBars => "{0}\u{a0}: le total était de {1} en {2} et de {3} en {4}, avec un pic de {5} en {6}.",
        MakeUpShare => " {0} représente {1} de l'ensemble.",
        FigureAsPrinted => "Chiffre tel que publié.",
        LowerBound => "Borne inférieure\u{a0}: la valeur réelle est supérieure.",
        UpperBound => "Borne supérieure\u{a0}: la valeur réelle est inférieure.",
        Rounded => "Arrondi («\u{a0}environ\u{a0}»).",
        MoreFigures => "+ {0} autres chiffres (voir le tableau)",
        NoFigures => "Aucun chiffre dans ce jeu de données",
        EveryGroupHidden => "Tous les groupes sont masqués\u{a0}: activez-en un dans la légende",
        SummaryFigures => {
            "{0}\u{a0}: {1} chiffres tels que les pages les ont publiés, en {2} unités\u{a0}; {3} d'entre eux sont des bornes inférieures («\u{a0}plus de\u{a0}»)\u{a0}; chacun provient de sa propre page, jamais combiné ni additionné."
        }
        Resolution => "Résolution",
        Date => "Date",
        NoResolutions => "Aucune résolution dans ce jeu de données",
        EverySeriesHidden => "Toutes les séries sont masquées\u{a0}: activez-en une dans la légende",
        NoFigureInSource => "aucun chiffre dans la source",
        YesShort => "Oui",
        NoShort => "Non",
        AbstainShort => "Abst.",
        AbsentShort => "Abs.",
        UnknownCode => "Code inconnu",
        UnknownVoteCode => "Code de vote inconnu {0}",
        VotedYes => "pour",
        VotedNo => "contre",
        Abstained => "abstention",
        DidNotVoteVerb => "pas de vote",
        HadUnknownCode => "code de vote inconnu",
        StateDid => "{0}\u{a0}: {1}",
        OnAll => "{0} sur les {1}",
        OnCount => "{0} sur {1}",
        NoRecordedVote => "aucun vote enregistré sur {0}",
        HasNoVotes => "aucun vote",
        EveryVoteColumnHidden => "toutes les colonnes de vote sont masquées",
        SummaryMatrix => "{0}\u{a0}: {1} résolutions du {2} au {3}\u{a0}: {4}.",
        SummaryNoResolutions => "{0}\u{a0}: aucune résolution.",
        ChinaRussia => "Chine, Russie",
        NoVotes => "Aucun vote dans ce jeu de données",
        EveryResolutionHidden => "Toutes les résolutions sont masquées\u{a0}: activez-en une dans la légende",
        NotListed => "absent de la liste",
        TallyYes => "{0} pour",
        TallyNo => "{0} contre",
        TallyAbstain => "{0} abstentions",
        TallyAbsent => "{0} absents",
        TallyUnknown => "{0} inconnus",
        WithUnknownCode => ", {0} avec un code de vote inconnu",
        SummaryResolutionsHidden => "{0}\u{a0}: toutes les résolutions sont masquées.",
        TierCodesOne => "{0} · {1} code",
        TierCodesMany => "{0} · {1} codes",
        TierLabel => "Niveau",
        MoreCodes => "+ {0} autres codes (voir le tableau)",
        NoCodes => "Aucun code dans ce jeu de données",
        EveryTierHidden => "Tous les niveaux sont masqués\u{a0}: activez-en un dans la légende",
        SummaryNoTier => "{0}\u{a0}: aucun niveau affiché.",
        SummaryTiersOne => "{0}\u{a0}: {1} codes SH à 6 chiffres dans {2} niveau ({3})",
        SummaryTiersMany => "{0}\u{a0}: {1} codes SH à 6 chiffres dans {2} niveaux ({3})",
        MostFrequentChapter => "\u{a0}; le chapitre SH le plus fréquent est le {0} ({1} sur {2})",
        TimelineAxis => "Chaque marque est un projet frappé de veto\u{a0}; survolez-la pour sa date, sa cote et son objet",
        VetoedBy => "Veto de",
        Draft => "Projet",
        SummaryNoRecords => "{0}\u{a0}: aucun enregistrement.",
        TitleList => "{0}\u{a0}: {1}.",
        TitleYearsList => "{0}, {1}\u{a0}: {2}.",
        SameDraft => " {0} et {1} ont opposé leur veto au même projet {2} fois.",
        SourceChanges => "Changement de source",
    }
}

/// German.
fn de(key: Text) -> &'static str {
    use Text::*;
    match key {
        More => "Mehr",
        View => "Ansicht",
        Chart => "Diagramm",
        Table => "Tabelle",
        Sources => "Quellen",
        DownloadCsv => "CSV herunterladen",
        DownloadPng => "PNG herunterladen",
        Source => "Quelle",
        Series => "Reihe",
        Period => "Zeitraum",
        Value => "Wert",
        Note => "Anmerkung",
        NoData => "keine Daten",
        Total => "Summe",
        CouldNotShow => "Dieses Diagramm kann nicht angezeigt werden",
        Loading => "Wird geladen…",
        NotesCaveats => "Hinweise und Vorbehalte",
        EventsMarked => "Markierte Ereignisse",
        Licence => "Lizenz",
        Coverage => "Abdeckung",
        Retrieved => "Abgerufen am",
        CopiedFrom => "Übernommen aus {0}, {1}{2}",
        AtCommit => " bei Commit {0}",
        Session => "Tagung",
        Yes => "Ja",
        No => "Nein",
        Abstain => "Enthaltung",
        DidNotVote => "Nicht abgestimmt",
        Values => "Werte",
        Change => "Veränderung",
        Share => "Anteil",
        ResetZoom => "Zoom zurücksetzen",
        AndList => "{0} und {1}",
        LabelValue => "{0}: {1}",
        UnitPercent => "Prozent",
        UnitUsdBn => "Mrd. US-Dollar (laufende Preise)",
        UnitUsdM => "Mio. US-Dollar (laufende Preise)",
        UnitTivM => "SIPRI-TIV, Millionen (Volumenindex, keine US-Dollar)",
        UnitIdealPoint => "Idealpunkt (höher = näher an den USA)",
        UnitCount => "Anzahl",
        UnitVote => "Stimme",
        UnitTier => "Stufe",
        UnitChange => "Veränderung zum Vorzeitraum, %",
        UnitAgreement => "Anteil übereinstimmender Stimmen, %",
        ValueTivM => "{0} Mio. TIV",
        PercentagePoints => "{0} Prozentpunkte",
        OnIdealScale => "{0} auf der Idealpunkt-Skala",
        SummaryNoData => "{0}: keine Daten.",
        SummaryAllHidden => "{0}: alle Reihen sind ausgeblendet.",
        SummaryRose => {
            "{0}: {1} stieg von {2} ({3}) auf {4} ({5}), um {6}; Höchstwert {7} ({8}), Tiefstwert {9} ({10})."
        }
        SummaryFell => {
            "{0}: {1} sank von {2} ({3}) auf {4} ({5}), um {6}; Höchstwert {7} ({8}), Tiefstwert {9} ({10})."
        }
        SummaryUnchanged => {
            "{0}: {1} blieb unverändert von {2} ({3}) bis {4} ({5}), um {6}; Höchstwert {7} ({8}), Tiefstwert {9} ({10})."
        }
        AlsoShown => " Ebenfalls gezeigt: {0}.",
        SummaryBars => "{0}: Die Summe betrug {1} ({2}) und {3} ({4}), mit einem Höchstwert von {5} ({6}).",
        MakeUpShare => " {0} macht {1} des Ganzen aus.",
        FigureAsPrinted => "Zahl wie veröffentlicht.",
        LowerBound => "Untergrenze: Der wahre Wert liegt darüber.",
        UpperBound => "Obergrenze: Der wahre Wert liegt darunter.",
        Rounded => "Gerundet („etwa“).",
        MoreFigures => "+ {0} weitere Zahlen (siehe Tabellenansicht)",
        NoFigures => "Keine Zahlen in diesem Datensatz",
        EveryGroupHidden => "Alle Gruppen sind ausgeblendet: Blenden Sie eine in der Legende ein",
        SummaryFigures => {
            "{0}: {1} Zahlen, wie Seiten sie veröffentlicht haben, in {2} Einheiten; {3} davon Untergrenzen („über“); jede von ihrer eigenen Seite, nie verknüpft oder summiert."
        }
        Resolution => "Resolution",
        Date => "Datum",
        NoResolutions => "Keine Resolutionen in diesem Datensatz",
        EverySeriesHidden => "Alle Reihen sind ausgeblendet: Blenden Sie eine in der Legende ein",
        NoFigureInSource => "keine Zahl in der Quelle",
        YesShort => "Ja",
        NoShort => "Nein",
        AbstainShort => "Enth.",
        AbsentShort => "Abw.",
        UnknownCode => "Unbekannter Code",
        UnknownVoteCode => "Unbekannter Stimmcode {0}",
        VotedYes => "Ja",
        VotedNo => "Nein",
        Abstained => "Enthaltung",
        DidNotVoteVerb => "nicht abgestimmt",
        HadUnknownCode => "unbekannter Stimmcode",
        StateDid => "{0}: {1}",
        OnAll => "{0} bei allen {1}",
        OnCount => "{0} bei {1}",
        NoRecordedVote => "keine erfasste Stimme bei {0}",
        HasNoVotes => "keine Stimmen",
        EveryVoteColumnHidden => "alle Stimmspalten sind ausgeblendet",
        SummaryMatrix => "{0}: {1} Resolutionen vom {2} bis {3}: {4}.",
        SummaryNoResolutions => "{0}: keine Resolutionen.",
        ChinaRussia => "China, Russland",
        NoVotes => "Keine Stimmen in diesem Datensatz",
        EveryResolutionHidden => "Alle Resolutionen sind ausgeblendet: Blenden Sie eine in der Legende ein",
        NotListed => "nicht aufgeführt",
        TallyYes => "{0} Ja",
        TallyNo => "{0} Nein",
        TallyAbstain => "{0} Enthaltungen",
        TallyAbsent => "{0} abwesend",
        TallyUnknown => "{0} unbekannt",
        WithUnknownCode => ", {0} mit unbekanntem Stimmcode",
        SummaryResolutionsHidden => "{0}: alle Resolutionen sind ausgeblendet.",
        TierCodesOne => "{0} · {1} Code",
        TierCodesMany => "{0} · {1} Codes",
        TierLabel => "Stufe",
        MoreCodes => "+ {0} weitere Codes (siehe Tabellenansicht)",
        NoCodes => "Keine Codes in diesem Datensatz",
        EveryTierHidden => "Alle Stufen sind ausgeblendet: Blenden Sie eine in der Legende ein",
        SummaryNoTier => "{0}: keine Stufe angezeigt.",
        SummaryTiersOne => "{0}: {1} HS-6-Codes in {2} Stufe ({3})",
        SummaryTiersMany => "{0}: {1} HS-6-Codes in {2} Stufen ({3})",
        MostFrequentChapter => "; das häufigste HS-Kapitel ist {0} ({1} von {2})",
        TimelineAxis => "Jede Markierung ist ein mit Veto belegter Entwurf; darüberfahren für Datum, Symbol und Thema",
        VetoedBy => "Veto von",
        Draft => "Entwurf",
        SummaryNoRecords => "{0}: keine Einträge.",
        TitleList => "{0}: {1}.",
        TitleYearsList => "{0}, {1}: {2}.",
        SameDraft => " {0} und {1} legten {2}-mal gegen denselben Entwurf ein Veto ein.",
        SourceChanges => "Quellenwechsel",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key has a phrase in every language, with the same blanks as the English one; and a
    /// French or German phrase equal to the English is one of the few words the languages share.
    #[test]
    fn every_key_is_said_in_every_language_with_the_same_blanks() {
        const SHARED: &[&str] = &[
            "Sources",
            "Source",
            "Note",
            "Total",
            "Licence",
            "session",
            "Date",
            "Resolution",
            "Absent",
            "vote",
            "Abst.",
            "{0} · {1} code",
            "{0} · {1} codes",
            "{0}: {1}.",
            "{0}, {1}: {2}.",
            "{0}: {1}",
        ];
        let blanks = |s: &str| (0..12).filter(|i| s.contains(&format!("{{{i}}}"))).collect::<Vec<_>>();
        for &key in Text::ALL {
            let english = Locale::En.text(key);
            for l in [Locale::Fr, Locale::De] {
                let said = l.text(key);
                assert!(!said.trim().is_empty(), "{key:?} in {}", l.tag());
                assert_eq!(blanks(said), blanks(english), "{key:?} in {}: {said}", l.tag());
                let letters = english.chars().filter(|c| c.is_alphabetic()).count();
                assert!(
                    said != english || letters == 0 || SHARED.contains(&english),
                    "{key:?} in {} is the English phrase",
                    l.tag()
                );
            }
        }
    }

    #[test]
    fn fills_blanks_in_the_language_order() {
        assert_eq!(fill("{1} of {0}", &["a", "b"]), "b of a");
        assert_eq!(fill("{0} {x} {9} {10}{", &["a", "", "", "", "", "", "", "", "", "", "k"]), "a {x}  k{");
        assert_eq!(Locale::Fr.and_list(&["a".into(), "b".into(), "c".into()]), "a, b et c");
        assert_eq!(Locale::De.say(Text::TallyYes, &["100"]), "100 Ja");
    }
}
