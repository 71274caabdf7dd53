//! The keymap's words in other languages: the bottom bar's hints and help's descriptions. The
//! keymap writes them in English (it is the one place a key and its words are set together);
//! here each English phrase has its Welsh, and a phrase with none is shown in English and
//! listed by `frontdesk text untranslated`.

use super::Language;

/// Bottom-bar hints: English, then Welsh.
const WELSH_HINTS: &[(&str, &str)] = &[
    ("I have done this", "Rydw i wedi gwneud hyn"),
    ("back", "yn ôl"),
    ("choose", "dewis"),
    ("clear", "clirio"),
    ("close", "cau"),
    ("edit", "golygu"),
    ("help", "help"),
    ("leave", "gadael"),
    ("log visit", "cofnodi"),
    ("next field", "maes nesaf"),
    ("open", "agor"),
    ("open link", "agor dolen"),
    ("quit", "gadael"),
    ("save", "cadw"),
    ("show resident", "dangos"),
    ("step back", "cam yn ôl"),
    ("tick", "ticio"),
    ("undo", "dadwneud"),
    ("language", "iaith"),
    ("note", "nodyn"),
    ("script", "sgript"),
    ("slip", "slip"),
];

/// Help's descriptions of the main screen's keys: English, then Welsh.
const WELSH_DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "Open the selected entry, or walk the selected script",
        "Agor y cofnod a ddewiswyd, neu gerdded drwy'r sgript a ddewiswyd",
    ),
    ("Clear the search", "Clirio'r chwilio"),
    ("Move up", "Symud i fyny"),
    ("Move down", "Symud i lawr"),
    ("Move up a page", "Symud i fyny dudalen"),
    ("Move down a page", "Symud i lawr dudalen"),
    (
        "Log this visit (adds the selected service)",
        "Cofnodi'r ymweliad hwn (yn ychwanegu'r gwasanaeth a ddewiswyd)",
    ),
    (
        "Today's visits at this desk",
        "Ymweliadau heddiw wrth y ddesg hon",
    ),
    (
        "New resident: start the visit timer",
        "Preswylydd newydd: dechrau amserydd yr ymweliad",
    ),
    (
        "Show every key for this screen",
        "Dangos pob bysell ar gyfer y sgrin hon",
    ),
    ("Quit frontdesk", "Cau frontdesk"),
    (
        "Switch the resident's language: English or Welsh",
        "Newid iaith y preswylydd: Saesneg neu Gymraeg",
    ),
    ("Back to the results", "Yn ôl i'r canlyniadau"),
    ("Go straight to the note", "Mynd yn syth i'r nodyn"),
    ("The first visit", "Yr ymweliad cyntaf"),
    ("The last visit", "Yr ymweliad olaf"),
    (
        "Show the resident: web address, QR code, phone",
        "Dangos i'r preswylydd: cyfeiriad gwe, cod QR, ffôn",
    ),
];

fn look_up(table: &[(&str, &'static str)], english: &'static str) -> Option<&'static str> {
    table
        .iter()
        .find(|(en, _)| *en == english)
        .map(|(_, cy)| *cy)
}

/// A bottom-bar hint in `lang` (English when it has no translation yet).
pub fn hint(lang: Language, english: &'static str) -> &'static str {
    match lang {
        Language::English => english,
        Language::Welsh => look_up(WELSH_HINTS, english).unwrap_or(english),
    }
}

/// A key's description in help, in `lang` (English when it has no translation yet).
pub fn description(lang: Language, english: &'static str) -> &'static str {
    match lang {
        Language::English => english,
        Language::Welsh => look_up(WELSH_DESCRIPTIONS, english).unwrap_or(english),
    }
}

/// True when `english` has a translation in `lang` (hints and descriptions alike).
pub fn is_translated(lang: Language, english: &str) -> bool {
    match lang {
        Language::English => true,
        Language::Welsh => WELSH_HINTS
            .iter()
            .chain(WELSH_DESCRIPTIONS)
            .any(|(en, _)| *en == english),
    }
}
