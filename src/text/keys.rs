//! The keymap's words in other languages: the bottom bar's hints and help's descriptions. The
//! keymap writes them in English (it is the one place a key and its words are set together);
//! here each command (by its name in the config file's `[keys]` table, and where its words
//! differ from screen to screen, by screen) has its Welsh. A command with none is shown in
//! English and listed by `frontdesk text untranslated`.

use super::Language;

/// Screens where the scrolling keys scroll text.
const SCROLLING: &[&str] = &["Detail", "ShowResident", "Script", "Slip", "Help"];
/// The visit form's screens.
const FORM: &[&str] = &["VisitForm", "FormText"];
/// Any screen.
const ANY: &[&str] = &[];

/// Help's descriptions: (command, screens, Welsh). The first row that names the screen wins,
/// then a row for any screen.
const WELSH_DESCRIPTIONS: &[(&str, &[&str], &str)] = &[
    (
        "book",
        ANY,
        "Trefnu apwyntiad: slotiau rhydd agosaf y gwasanaeth neu'r partner hwn",
    ),
    (
        "cancel_booking",
        ANY,
        "Canslo apwyntiad drwy ei gyfeirnod (yna trefnu eto)",
    ),
    (
        "back",
        &["Booking"],
        "Yn ôl: o'r anghenion i'r slotiau, fel arall gadael",
    ),
    ("back", &["BookingText"], "Cau'r cwestiwn heb ganslo"),
    (
        "back",
        &["BookingLanguage"],
        "Cau'r maes, gan adael y cyfieithydd fel yr oedd",
    ),
    (
        "open",
        &["BookingLanguage"],
        "Nodi iaith y cyfieithydd (dim pan fydd yn wag)",
    ),
    (
        "up",
        &["BookingLanguage"],
        "Yr iaith a gynigir cyn hon: BSL, Cymraeg",
    ),
    (
        "down",
        &["BookingLanguage"],
        "Yr iaith nesaf a gynigir: BSL, Cymraeg",
    ),
    ("page_down", &["Booking"], "Y naw slot rhydd nesaf"),
    ("page_up", &["Booking"], "Y naw slot rhydd cyn y rhain"),
    (
        "open",
        &["Booking"],
        "Cymryd y slot a ddewiswyd; gyda'r anghenion wedi'u ticio, ei drefnu",
    ),
    (
        "open",
        &["BookingText"],
        "Canslo'r apwyntiad â'r cyfeirnod hwn",
    ),
    ("up", &["Booking"], "Y slot uwchben"),
    ("down", &["Booking"], "Y slot islaw"),
    (
        "choose_1",
        &["Booking"],
        "Dewis slot 1; ar yr anghenion, teipio iaith y cyfieithydd",
    ),
    (
        "choose_2",
        &["Booking"],
        "Dewis slot 2; ar yr anghenion, ticio mynediad heb risiau",
    ),
    (
        "choose_3",
        &["Booking"],
        "Dewis slot 3; ar yr anghenion, ticio dolen sain",
    ),
    (
        "choose_4",
        &["Booking"],
        "Dewis slot 4; ar yr anghenion, ticio ystafell dawel",
    ),
    (
        "choose_5",
        &["Booking"],
        "Dewis slot 5; ar yr anghenion, ticio apwyntiad hirach",
    ),
    ("choose_6", &["Booking"], "Dewis slot 6"),
    ("choose_7", &["Booking"], "Dewis slot 7"),
    ("choose_8", &["Booking"], "Dewis slot 8"),
    ("choose_9", &["Booking"], "Dewis slot 9"),
    (
        "print_slip",
        &["Booking"],
        "Argraffu slip apwyntiad y preswylydd (mae copi'n cael ei gadw hefyd)",
    ),
    (
        "save_slip",
        &["Booking"],
        "Cadw slip apwyntiad y preswylydd mewn ffeil",
    ),
    ("quit", ANY, "Cau frontdesk"),
    ("help", ANY, "Dangos pob bysell ar gyfer y sgrin hon"),
    (
        "log_visit",
        ANY,
        "Cofnodi'r ymweliad hwn (yn ychwanegu'r gwasanaeth a ddewiswyd)",
    ),
    ("today", ANY, "Ymweliadau heddiw wrth y ddesg hon"),
    (
        "report",
        ANY,
        "Adroddiad ar ymweliadau'r ddesg hon: ffigurau a siartiau",
    ),
    (
        "new_resident",
        ANY,
        "Preswylydd newydd: dechrau amserydd yr ymweliad",
    ),
    (
        "slip",
        ANY,
        "Rhagweld slip i'r preswylydd fynd ag ef, yna ei argraffu neu ei gadw",
    ),
    (
        "resident_language",
        &["Slip"],
        "Iaith y slip: Saesneg, Cymraeg, neu'r ddwy iaith",
    ),
    (
        "resident_language",
        ANY,
        "Newid iaith y preswylydd: Saesneg neu Gymraeg",
    ),
    ("note", ANY, "Mynd yn syth i'r nodyn"),
    (
        "take_last_time",
        ANY,
        "Cymryd atebion y tro diwethaf a ddangosir wrth ymyl eu meysydd",
    ),
    (
        "waiting",
        ANY,
        "Apwyntiadau heddiw a'r rhestr aros: cofrestru, tocynnau, galw'r nesaf",
    ),
    (
        "arrive",
        ANY,
        "Cofrestru'r apwyntiad a ddewiswyd: mae'r preswylydd yn cael tocyn ac yn aros",
    ),
    (
        "ticket",
        ANY,
        "Tocyn i rywun sy'n galw heibio, ar gyfer y gwasanaeth a ddangosir (neu wasanaeth yr ymweliad)",
    ),
    (
        "call_next",
        ANY,
        "Galw'r preswylydd sydd wedi aros hiraf (ar gyfer y gwasanaeth a ddangosir)",
    ),
    ("seen", ANY, "Mae'r preswylydd a alwyd yma wedi'i weld"),
    (
        "waiting_service",
        ANY,
        "Y gwasanaeth i'w alw a rhoi tocynnau ar ei gyfer: pob un, yna pob un yn ei dro",
    ),
    ("top", &["Today"], "Yr ymweliad cyntaf"),
    ("bottom", &["Today"], "Yr ymweliad olaf"),
    (
        "open",
        &["Search"],
        "Agor y cofnod a ddewiswyd, neu fynd drwy'r sgript a ddewiswyd",
    ),
    ("open", ANY, "Agor y ddolen a ddewiswyd"),
    ("back", &["Search"], "Clirio'r chwiliad"),
    ("back", &["Detail"], "Yn ôl i'r canlyniadau"),
    ("back", &["ShowResident"], "Yn ôl i'r manylion"),
    (
        "back",
        FORM,
        "Yn ôl; mae ymweliad newydd yn aros yn ddrafft, mae golygiad yn gofyn yn gyntaf",
    ),
    ("back", &["Script"], "Gadael y sgript"),
    ("back", &["Help"], "Cau'r help"),
    ("back", ANY, "Yn ôl"),
    ("up", SCROLLING, "Sgrolio i fyny"),
    (
        "up",
        FORM,
        "Y dewis blaenorol mewn rhestr un dewis y llinell, fel arall y maes blaenorol",
    ),
    ("up", ANY, "Symud i fyny"),
    ("down", SCROLLING, "Sgrolio i lawr"),
    (
        "down",
        FORM,
        "Y dewis nesaf mewn rhestr un dewis y llinell, fel arall y maes nesaf",
    ),
    ("down", ANY, "Symud i lawr"),
    ("page_up", SCROLLING, "Sgrolio tudalen i fyny"),
    ("page_up", ANY, "Symud tudalen i fyny"),
    ("page_down", SCROLLING, "Sgrolio tudalen i lawr"),
    ("page_down", ANY, "Symud tudalen i lawr"),
    ("top", ANY, "Sgrolio i'r brig"),
    ("bottom", ANY, "Sgrolio i'r diwedd"),
    (
        "show_resident",
        ANY,
        "Dangos i'r preswylydd: cyfeiriad gwe, cod QR, ffôn",
    ),
    (
        "open_script",
        ANY,
        "Mynd drwy'r sgript dywys a gynigir ar gyfer y gwasanaeth hwn",
    ),
    ("next_link", ANY, "Dewis y ddolen nesaf"),
    ("previous_link", ANY, "Dewis y ddolen flaenorol"),
    ("link_1", ANY, "Agor dolen 1"),
    ("link_2", ANY, "Agor dolen 2"),
    ("link_3", ANY, "Agor dolen 3"),
    ("link_4", ANY, "Agor dolen 4"),
    ("link_5", ANY, "Agor dolen 5"),
    ("link_6", ANY, "Agor dolen 6"),
    ("link_7", ANY, "Agor dolen 7"),
    ("link_8", ANY, "Agor dolen 8"),
    ("link_9", ANY, "Agor dolen 9"),
    ("save", ANY, "Cadw'r ymweliad"),
    ("next_field", ANY, "Y maes nesaf"),
    ("previous_field", ANY, "Y maes blaenorol"),
    ("discard", ANY, "Dileu'r ymweliad hwn heb ei gadw"),
    (
        "redact_and_save",
        ANY,
        "Tynnu data personol o'r nodyn a chadw",
    ),
    (
        "outcome_1",
        ANY,
        "Canlyniad: wedi'i ddatrys (ar wasanaeth: ei ganlyniad ei hun)",
    ),
    (
        "outcome_2",
        ANY,
        "Canlyniad: wedi'i gyfeirio (ar wasanaeth: ei ganlyniad ei hun)",
    ),
    (
        "outcome_3",
        ANY,
        "Canlyniad: wedi'i atgyfeirio (ar wasanaeth: ei ganlyniad ei hun)",
    ),
    (
        "outcome_4",
        ANY,
        "Canlyniad: apwyntiad wedi'i drefnu (ar wasanaeth: ei ganlyniad ei hun)",
    ),
    (
        "outcome_5",
        ANY,
        "Canlyniad: help i fynd ar-lein (ar wasanaeth: ei ganlyniad ei hun)",
    ),
    (
        "outcome_6",
        ANY,
        "Canlyniad: heb ei ddatrys (ar wasanaeth: ei ganlyniad ei hun)",
    ),
    ("left", &["Report"], "Y cyfnod cynt, yr un mor hir â hwn"),
    ("left", ANY, "Y dewis blaenorol"),
    ("right", &["Report"], "Y cyfnod wedyn, hyd at heddiw"),
    ("right", ANY, "Y dewis nesaf"),
    (
        "toggle",
        ANY,
        "Ticio; newid canlyniad gwasanaeth, neu droi partner yn atgyfeiriad",
    ),
    (
        "remove",
        ANY,
        "Tynnu'r gwasanaeth a ddewiswyd oddi ar yr ymweliad",
    ),
    ("report_today", ANY, "Adroddiad ar heddiw"),
    (
        "report_week",
        ANY,
        "Adroddiad ar yr wythnos hon, o ddydd Llun hyd heddiw",
    ),
    (
        "report_month",
        ANY,
        "Adroddiad ar y mis hwn, o'r 1af hyd heddiw",
    ),
    ("report_longer", ANY, "Dechrau'r cyfnod ddiwrnod ynghynt"),
    (
        "report_shorter",
        ANY,
        "Dechrau'r cyfnod ddiwrnod yn ddiweddarach",
    ),
    (
        "report_all_desks",
        ANY,
        "Newid rhwng ffigurau'r ddesg hon a ffigurau pob desg",
    ),
    (
        "undo",
        ANY,
        "Dadwneud yr ymweliad a ddewiswyd, o fewn 10 munud (yn gofyn yn gyntaf)",
    ),
    (
        "edit",
        ANY,
        "Golygu'r ymweliad a ddewiswyd, o fewn 10 munud",
    ),
    ("step_back", ANY, "Cam yn ôl i'r cwestiwn blaenorol"),
    ("acknowledge", ANY, "Brys: rydw i wedi gwneud hyn"),
    ("choose_1", ANY, "Dewis opsiwn 1"),
    ("choose_2", ANY, "Dewis opsiwn 2"),
    ("choose_3", ANY, "Dewis opsiwn 3"),
    ("choose_4", ANY, "Dewis opsiwn 4"),
    ("choose_5", ANY, "Dewis opsiwn 5"),
    ("choose_6", ANY, "Dewis opsiwn 6"),
    ("choose_7", ANY, "Dewis opsiwn 7"),
    ("choose_8", ANY, "Dewis opsiwn 8"),
    ("choose_9", ANY, "Dewis opsiwn 9"),
    (
        "print_slip",
        ANY,
        "Argraffu'r slip (caiff copi ei gadw hefyd)",
    ),
    (
        "save_slip",
        ANY,
        "Cadw'r slip mewn ffeil, i'w argraffu o borwr",
    ),
    ("cursor_left", ANY, "Symud y cyrchwr i'r chwith"),
    ("cursor_right", ANY, "Symud y cyrchwr i'r dde"),
    ("word_left", ANY, "Symud yn ôl un gair"),
    ("word_right", ANY, "Symud ymlaen un gair"),
    ("text_start", ANY, "Mynd i ddechrau'r testun"),
    ("text_end", ANY, "Mynd i ddiwedd y testun"),
    ("delete_back", ANY, "Dileu'r nod cyn y cyrchwr"),
    ("delete_forward", ANY, "Dileu'r nod o dan y cyrchwr"),
    ("delete_word_back", ANY, "Dileu'r gair cyn y cyrchwr"),
    ("delete_to_start", ANY, "Dileu hyd at ddechrau'r testun"),
    ("delete_to_end", ANY, "Dileu hyd at ddiwedd y testun"),
];

/// Bottom-bar hints: (command, screens, Welsh), looked up as the descriptions are.
const WELSH_HINTS: &[(&str, &[&str], &str)] = &[
    ("book", ANY, "trefnu"),
    ("cancel_booking", ANY, "canslo apwyntiad"),
    ("open", &["Booking"], "parhau"),
    ("open", &["BookingText"], "ei ganslo"),
    ("open", &["BookingLanguage"], "ei nodi"),
    ("page_down", &["Booking"], "rhagor"),
    ("page_up", &["Booking"], "cynt"),
    ("print_slip", &["Booking"], "argraffu slip"),
    ("acknowledge", ANY, "Rydw i wedi gwneud hyn"),
    ("back", &["Search"], "clirio"),
    ("back", &["Script"], "gadael"),
    ("back", &["Help"], "cau"),
    ("back", ANY, "yn ôl"),
    ("choose_1", ANY, "dewis"),
    ("choose_2", ANY, "dewis"),
    ("choose_3", ANY, "dewis"),
    ("choose_4", ANY, "dewis"),
    ("choose_5", ANY, "dewis"),
    ("choose_6", ANY, "dewis"),
    ("choose_7", ANY, "dewis"),
    ("choose_8", ANY, "dewis"),
    ("choose_9", ANY, "dewis"),
    ("edit", ANY, "golygu"),
    ("help", ANY, "help"),
    ("log_visit", ANY, "cofnodi"),
    ("next_field", ANY, "maes nesaf"),
    ("open", &["Search"], "agor"),
    ("open", ANY, "agor dolen"),
    ("quit", ANY, "gadael"),
    ("save", ANY, "cadw"),
    ("show_resident", ANY, "dangos"),
    ("step_back", ANY, "cam yn ôl"),
    ("toggle", ANY, "ticio"),
    ("undo", ANY, "dadwneud"),
    ("resident_language", &["Slip"], "iaith"),
    ("resident_language", ANY, "iaith"),
    ("left", ANY, "cynt"),
    ("right", ANY, "wedyn"),
    ("report_all_desks", ANY, "hon/pob desg"),
    ("print_slip", ANY, "argraffu"),
    ("save_slip", ANY, "cadw mewn ffeil"),
    ("slip", ANY, "slip"),
    ("note", ANY, "nodyn"),
    ("open_script", ANY, "sgript"),
    ("waiting", ANY, "aros"),
    ("arrive", ANY, "cofrestru"),
    ("ticket", ANY, "tocyn"),
    ("call_next", ANY, "galw nesaf"),
    ("seen", ANY, "wedi gweld"),
    ("waiting_service", ANY, "gwasanaeth"),
];

fn look_up(
    table: &[(&str, &[&str], &'static str)],
    screen: &str,
    command: &str,
) -> Option<&'static str> {
    let rows = || table.iter().filter(|(name, _, _)| *name == command);
    rows()
        .find(|(_, screens, _)| screens.contains(&screen))
        .or_else(|| rows().find(|(_, screens, _)| screens.is_empty()))
        .map(|(_, _, words)| *words)
}

/// A bottom-bar hint in `lang` for `command` (its `[keys]` name) on `screen`; `english` is the
/// keymap's own, shown when there is no translation yet.
pub fn hint(lang: Language, screen: &str, command: &str, english: &'static str) -> &'static str {
    match lang {
        Language::English => english,
        Language::Welsh => look_up(WELSH_HINTS, screen, command).unwrap_or(english),
    }
}

/// A key's description in help, in `lang`, as [`hint`].
pub fn description(
    lang: Language,
    screen: &str,
    command: &str,
    english: &'static str,
) -> &'static str {
    match lang {
        Language::English => english,
        Language::Welsh => look_up(WELSH_DESCRIPTIONS, screen, command).unwrap_or(english),
    }
}

/// True when `command` has its description (or, with `hint`, its hint) in `lang` on `screen`.
pub fn is_translated(lang: Language, screen: &str, command: &str, hint: bool) -> bool {
    match lang {
        Language::English => true,
        Language::Welsh if hint => look_up(WELSH_HINTS, screen, command).is_some(),
        Language::Welsh => look_up(WELSH_DESCRIPTIONS, screen, command).is_some(),
    }
}
