//! The command line's own sentences: why a command, a flag or the config file cannot be used,
//! in the language of the config (`language = "cy"`, `FRONTDESK_LANGUAGE`) or of a command's
//! `--language`. A file:line, a flag or a field's name is kept as it is written.
//!
//! The language is the process's: the command line sets it once it knows it
//! ([`set_language`]), before it reads the rest of the config, so that a config error is said
//! in the config's own language. Anything else (the screens, the accessible mode) passes its
//! language explicitly and never reads this.

use std::sync::atomic::{AtomicBool, Ordering};

use super::Language;
use crate::catalogue::Kind;
use crate::privacy::PersonalData;

static WELSH: AtomicBool = AtomicBool::new(false);

/// The language the command line speaks from now on.
pub fn set_language(lang: Language) {
    WELSH.store(lang == Language::Welsh, Ordering::Relaxed);
}

/// The language the command line speaks: English until [`set_language`] says otherwise.
pub fn language() -> Language {
    if WELSH.load(Ordering::Relaxed) {
        Language::Welsh
    } else {
        Language::English
    }
}

/// The English or the Welsh.
fn say(lang: Language, english: String, welsh: String) -> String {
    match lang {
        Language::English => english,
        Language::Welsh => welsh,
    }
}

// ---- The config file and the environment ----

pub fn no_home(lang: Language) -> String {
    say(
        lang,
        "cannot work out a home folder for the config and data; pass --config and --data-dir".into(),
        "ni ellir canfod ffolder cartref ar gyfer y ffurfweddiad a'r data; rhowch --config a --data-dir".into(),
    )
}

pub fn config_missing(lang: Language, file: &str, by: &str) -> String {
    say(
        lang,
        format!(
            "the config file {file} given with {by} does not exist; check the path, or leave {by} out to use the defaults"
        ),
        format!(
            "nid yw'r ffeil ffurfweddu {file} a roddwyd gyda {by} yn bodoli; gwiriwch y llwybr, neu gadewch {by} allan i ddefnyddio'r rhagosodiadau"
        ),
    )
}

pub fn unit_cost(lang: Language, name: &str) -> String {
    say(
        lang,
        format!("{name} must be a cost in pounds from 0 to 10000, such as 8.62 (without the £)"),
        format!("rhaid i {name} fod yn gost mewn punnoedd o 0 i 10000, fel 8.62 (heb yr arwydd £)"),
    )
}

pub fn retention_days(lang: Language, name: &str, max: u32, shown: &str) -> String {
    say(
        lang,
        format!(
            "{name} must be a whole number of days from 1 to {max}, not {shown}; e.g. 730 keeps two years"
        ),
        format!(
            "rhaid i {name} fod yn nifer cyfan o ddyddiau o 1 i {max}, nid {shown}; e.e. mae 730 yn cadw dwy flynedd"
        ),
    )
}

pub fn text_in_quotes(lang: Language, name: &str, example: &str, shown: &str) -> String {
    say(
        lang,
        format!("{name} must be text in quotes, e.g. \"{example}\", not {shown}"),
        format!("rhaid i {name} fod yn destun mewn dyfynodau, e.e. \"{example}\", nid {shown}"),
    )
}

/// A desk's name to give as an example, in `lang`.
pub fn desk_example(lang: Language) -> &'static str {
    match lang {
        Language::English => "Main reception",
        Language::Welsh => "Prif dderbynfa",
    }
}

pub fn empty(lang: Language, name: &str, example: &str) -> String {
    say(
        lang,
        format!("{name} is empty; write one, e.g. \"{example}\""),
        format!("mae {name} yn wag; ysgrifennwch un, e.e. \"{example}\""),
    )
}

pub fn too_long(lang: Language, name: &str, chars: usize, max: usize) -> String {
    say(
        lang,
        format!("{name} is {chars} characters long; keep it to {max} or fewer"),
        format!("mae {name} yn {chars} nod o hyd; cadwch ef i {max} neu lai"),
    )
}

pub fn control_character(lang: Language, name: &str, character: &str, at: usize) -> String {
    say(
        lang,
        format!("{name} has a control character ({character}) at character {at}; use plain text"),
        format!("mae nod rheoli ({character}) yn {name} yn nod {at}; defnyddiwch destun plaen"),
    )
}

/// What to give instead of a desk's name or initials that hold personal data.
#[derive(Debug, Clone, Copy)]
pub enum Instead {
    DeskName,
    Initials,
}

pub fn personal_data(
    lang: Language,
    name: &str,
    kinds: &[PersonalData],
    instead: Instead,
) -> String {
    let kinds = super::privacy::describe(lang, kinds);
    let instead = match (lang, instead) {
        (Language::English, Instead::DeskName) => "the desk's name, e.g. \"Main reception\"",
        (Language::English, Instead::Initials) => "initials only, e.g. \"AB\"",
        (Language::Welsh, Instead::DeskName) => "enw'r ddesg, e.e. \"Prif dderbynfa\"",
        (Language::Welsh, Instead::Initials) => "llythrennau blaen yn unig, e.e. \"AB\"",
    };
    say(
        lang,
        format!("{name} looks like it holds {kinds}; give {instead}, with no personal data"),
        format!(
            "mae'n edrych fel bod {name} yn cynnwys {kinds}; rhowch {instead}, heb ddata personol"
        ),
    )
}

pub fn true_or_false(lang: Language, name: &str, shown: &str) -> String {
    say(
        lang,
        format!("{name} must be true or false (without quotes), not {shown}"),
        format!("rhaid i {name} fod yn true neu false (heb ddyfynodau), nid {shown}"),
    )
}

pub fn print_command_too_long(lang: Language, name: &str, max: usize) -> String {
    say(
        lang,
        format!("{name} is longer than {max} characters; a print command is one short line"),
        format!("mae {name} yn hirach na {max} nod; un llinell fer yw gorchymyn argraffu"),
    )
}

pub fn server_url_in_quotes(lang: Language, name: &str, shown: &str) -> String {
    say(
        lang,
        format!(
            "{name} must be a server URL in quotes, e.g. \"postgres://desk_main@db.example.gov.uk/frontdesk\", not {shown}"
        ),
        format!(
            "rhaid i {name} fod yn URL gweinydd mewn dyfynodau, e.e. \"postgres://desk_main@db.example.gov.uk/frontdesk\", nid {shown}"
        ),
    )
}

pub fn folder_in_quotes(lang: Language, name: &str, shown: &str) -> String {
    say(
        lang,
        format!("{name} must be a folder's path in quotes, e.g. \"/srv/frontdesk\", not {shown}"),
        format!(
            "rhaid i {name} fod yn llwybr ffolder mewn dyfynodau, e.e. \"/srv/frontdesk\", nid {shown}"
        ),
    )
}

pub fn theme(lang: Language, name: &str, shown: &str) -> String {
    say(
        lang,
        format!("{name} must be \"default\", \"high-contrast\" or \"light\", not {shown}"),
        format!("rhaid i {name} fod yn \"default\", \"high-contrast\" neu \"light\", nid {shown}"),
    )
}

pub fn language_value(lang: Language, name: &str, shown: &str) -> String {
    say(
        lang,
        format!("{name} must be \"en\" (English) or \"cy\" (Welsh), not {shown}"),
        format!("rhaid i {name} fod yn \"en\" (Saesneg) neu \"cy\" (Cymraeg), nid {shown}"),
    )
}

pub fn keys_table(lang: Language) -> String {
    say(
        lang,
        "keys must be a [keys] table of commands and their keys, e.g. log_visit = [\"F2\", \"ctrl-l\"]".into(),
        "rhaid i keys fod yn dabl [keys] o orchmynion a'u bysellau, e.e. log_visit = [\"F2\", \"ctrl-l\"]".into(),
    )
}

pub fn keys_list(lang: Language, action: &str) -> String {
    say(
        lang,
        format!("keys.{action} must be a list of keys in quotes, e.g. [\"F2\", \"ctrl-l\"]"),
        format!(
            "rhaid i keys.{action} fod yn rhestr o fysellau mewn dyfynodau, e.e. [\"F2\", \"ctrl-l\"]"
        ),
    )
}

pub fn unit_costs_table(lang: Language) -> String {
    say(
        lang,
        "unit_costs must be a [unit_costs] table, e.g. face_to_face = 8.62".into(),
        "rhaid i unit_costs fod yn dabl [unit_costs], e.e. face_to_face = 8.62".into(),
    )
}

pub fn not_a_channel(lang: Language, key: &str) -> String {
    say(
        lang,
        format!("{key} is not a channel; use face_to_face, phone or web"),
        format!("nid yw {key} yn sianel; defnyddiwch face_to_face, phone neu web"),
    )
}

// ---- Commands ----

pub fn dates_swapped(
    lang: Language,
    from_flag: &str,
    from: &str,
    to_flag: &str,
    to: &str,
) -> String {
    say(
        lang,
        format!("{from_flag} {from} is after {to_flag} {to}; swap them"),
        format!("mae {from_flag} {from} ar ôl {to_flag} {to}; cyfnewidiwch nhw"),
    )
}

pub fn not_a_date(lang: Language, flag: &str, value: &str) -> String {
    say(
        lang,
        format!(
            "{flag}: '{value}' is not a date; use YYYY-MM-DD (e.g. 2026-03-31), today or yesterday"
        ),
        format!(
            "{flag}: nid yw '{value}' yn ddyddiad; defnyddiwch YYYY-MM-DD (e.e. 2026-03-31), 'today' (heddiw) neu 'yesterday' (ddoe)"
        ),
    )
}

pub fn slip_date(lang: Language, value: &str) -> String {
    say(
        lang,
        format!("--date: '{value}' is not a date; use YYYY-MM-DD, e.g. 2026-03-31"),
        format!("--date: nid yw '{value}' yn ddyddiad; defnyddiwch YYYY-MM-DD, e.e. 2026-03-31"),
    )
}

pub fn search_empty(lang: Language) -> String {
    say(
        lang,
        "the search is empty; give what the resident asked for, e.g. `frontdesk search missed bin`".into(),
        "mae'r chwiliad yn wag; rhowch yr hyn a ofynnodd y preswylydd amdano, e.e. `frontdesk search bin heb ei gasglu`".into(),
    )
}

pub fn slip_empty(lang: Language) -> String {
    say(
        lang,
        "give at least one --partner ID or --service ID; `frontdesk catalogue list` lists them".into(),
        "rhowch o leiaf un --partner ID neu --service ID; mae `frontdesk catalogue list` yn eu rhestru".into(),
    )
}

/// An id not in the catalogue as what a flag wants; `is` says what it is when it is there.
pub fn slip_unknown_id(
    lang: Language,
    flag: &str,
    id: &str,
    wanted: Kind,
    is: Option<Kind>,
) -> String {
    let wanted = a_kind(lang, wanted);
    let is = match (lang, is) {
        (_, None) => "",
        (Language::English, Some(Kind::Partner)) => "; it is a partner: give it with --partner",
        (Language::English, Some(Kind::Service)) => "; it is a service: give it with --service",
        (Language::English, Some(Kind::Faq)) => "; it is an FAQ, which has no place on a slip",
        (Language::English, Some(Kind::Script)) => {
            "; it is a guided script: walk it with `frontdesk script walk`"
        }
        (Language::Welsh, Some(Kind::Partner)) => "; partner yw hwn: rhowch ef gyda --partner",
        (Language::Welsh, Some(Kind::Service)) => "; gwasanaeth yw hwn: rhowch ef gyda --service",
        (Language::Welsh, Some(Kind::Faq)) => {
            "; cwestiwn cyffredin yw hwn, nad oes lle iddo ar slip"
        }
        (Language::Welsh, Some(Kind::Script)) => {
            "; sgript dywys yw hon: ewch drwyddi gyda `frontdesk script walk`"
        }
    };
    say(
        lang,
        format!(
            "{flag} {id}: '{id}' is not {wanted} in the catalogue{is}; `frontdesk catalogue list` lists every id"
        ),
        format!(
            "{flag} {id}: nid yw '{id}' yn {wanted} yn y catalog{is}; mae `frontdesk catalogue list` yn rhestru pob id"
        ),
    )
}

/// "a service", "a partner", "an FAQ", "a script"; in Welsh after "yn" ("yn wasanaeth").
fn a_kind(lang: Language, kind: Kind) -> &'static str {
    match (lang, kind) {
        (Language::English, Kind::Service) => "a service",
        (Language::English, Kind::Partner) => "a partner",
        (Language::English, Kind::Faq) => "an FAQ",
        (Language::English, Kind::Script) => "a script",
        (Language::Welsh, Kind::Service) => "wasanaeth",
        (Language::Welsh, Kind::Partner) => "bartner",
        (Language::Welsh, Kind::Faq) => "gwestiwn cyffredin",
        (Language::Welsh, Kind::Script) => "sgript",
    }
}

pub fn no_server(lang: Language, config_file: &str) -> String {
    say(
        lang,
        format!(
            "no central server is set; add server = \"postgres://ROLE@HOST/DATABASE\" to {config_file} or set FRONTDESK_SERVER"
        ),
        format!(
            "nid oes gweinydd canolog wedi'i osod; ychwanegwch server = \"postgres://ROLE@HOST/DATABASE\" at {config_file} neu gosodwch FRONTDESK_SERVER"
        ),
    )
}

pub fn no_report_server(lang: Language, config_file: &str) -> String {
    say(
        lang,
        format!(
            "no report server is set for --central; add report_server = \"postgres://ROLE@HOST/DATABASE\" (the report role made by `frontdesk server init --report-role`) to {config_file} or set FRONTDESK_REPORT_SERVER"
        ),
        format!(
            "nid oes gweinydd adroddiadau wedi'i osod ar gyfer --central; ychwanegwch report_server = \"postgres://ROLE@HOST/DATABASE\" (y rôl adroddiadau a wnaed gan `frontdesk server init --report-role`) at {config_file} neu gosodwch FRONTDESK_REPORT_SERVER"
        ),
    )
}

pub fn roles_the_same(lang: Language, role: &str) -> String {
    say(
        lang,
        format!(
            "--desk-role and --report-role are both {role}; a desk and reports need roles of their own, e.g. frontdesk_desk_main and frontdesk_reports"
        ),
        format!(
            "{role} yw --desk-role a --report-role ill dau; mae angen rolau eu hunain ar ddesg ac ar adroddiadau, e.e. frontdesk_desk_main a frontdesk_reports"
        ),
    )
}

pub fn no_such_script(lang: Language, id: &str, ids: &[&str]) -> String {
    let list = ids.join(", ");
    match (lang, ids.is_empty()) {
        (Language::English, true) => {
            format!("there is no script \"{id}\"; this catalogue has no scripts")
        }
        (Language::English, false) => {
            format!("there is no script \"{id}\"; the scripts are: {list}")
        }
        (Language::Welsh, true) => {
            format!("nid oes sgript \"{id}\"; nid oes sgriptiau yn y catalog hwn")
        }
        (Language::Welsh, false) => format!("nid oes sgript \"{id}\"; y sgriptiau yw: {list}"),
    }
}

pub fn walk_stops(lang: Language, node: &str, options: &str, choose: &str) -> String {
    say(
        lang,
        format!(
            "the walk stops at node {node} before an end; choose one more of {options} (as in --choose {choose})"
        ),
        format!(
            "mae'r daith yn stopio wrth nod {node} cyn diwedd; dewiswch un arall o {options} (fel yn --choose {choose})"
        ),
    )
}

pub fn untranslated_language(lang: Language, code: &str) -> String {
    say(
        lang,
        format!("--language {code}: give cy (Welsh); English is the words' own language"),
        format!("--language {code}: rhowch cy (Cymraeg); Saesneg yw iaith wreiddiol y geiriau"),
    )
}

pub fn outcome_missing(lang: Language, id: &str) -> String {
    say(
        lang,
        format!(
            "--outcome is missing and --service {id} has no outcome of its own; give --outcome, or --service {id}=OUTCOME"
        ),
        format!(
            "mae --outcome ar goll ac nid oes gan --service {id} ganlyniad ei hun; rhowch --outcome, neu --service {id}=OUTCOME"
        ),
    )
}

pub fn not_this_desk(lang: Language, desk: &str, this: &str, config_file: &str) -> String {
    say(
        lang,
        format!(
            "--desk \"{desk}\" is not this desk (\"{this}\"): with a central server set, visits are logged only under the desk set by `desk` in {config_file} or FRONTDESK_DESK"
        ),
        format!(
            "nid --desk \"{desk}\" yw'r ddesg hon (\"{this}\"): gyda gweinydd canolog wedi'i osod, dim ond o dan y ddesg a osodwyd gan `desk` yn {config_file} neu FRONTDESK_DESK y cofnodir ymweliadau"
        ),
    )
}

pub fn nothing_to_back_up(lang: Language, path: &str) -> String {
    say(
        lang,
        format!("there is no visit log at {path} yet; nothing to back up"),
        format!("nid oes cofnod ymweliadau yn {path} eto; does dim i'w gadw wrth gefn"),
    )
}

pub fn service_with_outcome(lang: Language, value: &str, reason: &str) -> String {
    say(
        lang,
        format!("--service {value}: {reason}; write it as ID=OUTCOME, e.g. homelessness=referred"),
        format!(
            "--service {value}: {reason}; ysgrifennwch ef fel ID=OUTCOME, e.e. homelessness=referred"
        ),
    )
}

pub fn refer_answer(lang: Language, value: &str, answer: &str, id: &str) -> String {
    say(
        lang,
        format!(
            "--refer {value}: '{answer}' is not an answer to 'Has the resident agreed?'; write --refer {id}=yes or --refer {id}=no"
        ),
        format!(
            "--refer {value}: nid yw '{answer}' yn ateb i 'A yw'r preswylydd wedi cytuno?'; ysgrifennwch --refer {id}=yes neu --refer {id}=no"
        ),
    )
}

pub fn note_personal_data(lang: Language, kinds: &[PersonalData]) -> String {
    let kinds = super::privacy::describe(lang, kinds);
    say(
        lang,
        format!("the note looks like it holds {kinds}; remove it and try again"),
        format!(
            "mae'n edrych fel bod y nodyn yn cynnwys {kinds}; tynnwch ef a rhowch gynnig arall arni"
        ),
    )
}

pub fn refer_needs_consent(lang: Language, id: &str, name: &str) -> String {
    say(
        lang,
        format!(
            "--refer {id}: {name} takes a referral only when the resident agrees to it; ask them, then give --refer {id}=yes or --refer {id}=no"
        ),
        format!(
            "--refer {id}: dim ond pan fydd y preswylydd yn cytuno y mae {name} yn derbyn atgyfeiriad; gofynnwch iddynt, yna rhowch --refer {id}=yes neu --refer {id}=no"
        ),
    )
}

pub fn desk_empty(lang: Language) -> String {
    say(
        lang,
        "the desk name is empty; give one with --desk or `desk` in the config file".into(),
        "mae enw'r ddesg yn wag; rhowch un gyda --desk neu `desk` yn y ffeil ffurfweddu".into(),
    )
}

pub fn cannot_log(lang: Language, reason: &str) -> String {
    say(
        lang,
        format!("cannot log the visit: {reason}"),
        format!("ni ellir cofnodi'r ymweliad: {reason}"),
    )
}

/// A flag given an id of the wrong kind: "--service: 'x' is a partner, not a service; ...".
pub fn wrong_kind(lang: Language, flag: &str, id: &str, is: Kind, wanted: Kind) -> String {
    let right = match (lang, is) {
        (Language::English, Kind::Service) => "give it with --service",
        (Language::English, Kind::Partner) => "give it with --partner",
        (Language::English, Kind::Faq) => "an FAQ is not logged; give the service it is about",
        (Language::English, Kind::Script) => {
            "a script is not logged; give the services it ends with"
        }
        (Language::Welsh, Kind::Service) => "rhowch ef gyda --service",
        (Language::Welsh, Kind::Partner) => "rhowch ef gyda --partner",
        (Language::Welsh, Kind::Faq) => {
            "ni chofnodir cwestiwn cyffredin; rhowch y gwasanaeth y mae'n ymwneud ag ef"
        }
        (Language::Welsh, Kind::Script) => {
            "ni chofnodir sgript; rhowch y gwasanaethau y mae'n gorffen gyda nhw"
        }
    };
    let (is, wanted) = (a_kind(lang, is), a_kind(lang, wanted));
    say(
        lang,
        format!("{flag}: '{id}' is {is}, not {wanted}; {right}"),
        format!("{flag}: mae '{id}' yn {is}, nid yn {wanted}; {right}"),
    )
}

/// An id the catalogue does not have as what a flag wants, with the ids to choose from: all
/// of them (`all`), the closest (`close`), or neither.
pub fn unknown_id(
    lang: Language,
    flag: &str,
    id: &str,
    wanted: Kind,
    none_at_all: bool,
    all: &[&str],
    close: &[&str],
) -> String {
    let what = a_kind(lang, wanted);
    let (all, close) = (all.join(", "), close.join(", "));
    match lang {
        Language::English if none_at_all => {
            format!("{flag}: '{id}' is not {what} in the catalogue, which has none")
        }
        Language::English if !all.is_empty() => {
            format!("{flag}: '{id}' is not {what} in the catalogue; use one of: {all}")
        }
        Language::English if !close.is_empty() => format!(
            "{flag}: '{id}' is not {what} in the catalogue; did you mean {close}? Run `frontdesk catalogue list` to see every id"
        ),
        Language::English => format!(
            "{flag}: '{id}' is not {what} in the catalogue; run `frontdesk catalogue list` to see every id"
        ),
        Language::Welsh if none_at_all => {
            format!("{flag}: nid yw '{id}' yn {what} yn y catalog, nad oes ganddo'r un")
        }
        Language::Welsh if !all.is_empty() => {
            format!("{flag}: nid yw '{id}' yn {what} yn y catalog; defnyddiwch un o: {all}")
        }
        Language::Welsh if !close.is_empty() => format!(
            "{flag}: nid yw '{id}' yn {what} yn y catalog; ai {close} oedd gennych mewn golwg? Rhedwch `frontdesk catalogue list` i weld pob id"
        ),
        Language::Welsh => format!(
            "{flag}: nid yw '{id}' yn {what} yn y catalog; rhedwch `frontdesk catalogue list` i weld pob id"
        ),
    }
}

pub fn one_or_zero(lang: Language, name: &str, shown: &str) -> String {
    say(
        lang,
        format!("{name} must be 1 or 0 (or true or false), not {shown}"),
        format!("rhaid i {name} fod yn 1 neu 0 (neu true neu false), nid {shown}"),
    )
}

pub fn print_command(lang: Language, name: &str, shown: &str) -> String {
    say(
        lang,
        format!(
            "{name} must be a command in quotes, e.g. \"lp -d desk-printer\", or a list such as [\"lp\", \"-d\", \"Desk printer\"], not {shown}"
        ),
        format!(
            "rhaid i {name} fod yn orchymyn mewn dyfynodau, e.e. \"lp -d desk-printer\", neu'n rhestr fel [\"lp\", \"-d\", \"Argraffydd y ddesg\"], nid {shown}"
        ),
    )
}

const URL_EXAMPLE: &str = "\"postgres://desk_main@db.example.gov.uk/frontdesk\"";

pub fn server_url_scheme(lang: Language, name: &str, shown: &str) -> String {
    say(
        lang,
        format!(
            "{name} must be a URL that starts with postgres://, e.g. {URL_EXAMPLE}, not \"{shown}\""
        ),
        format!(
            "rhaid i {name} fod yn URL sy'n dechrau gyda postgres://, e.e. {URL_EXAMPLE}, nid \"{shown}\""
        ),
    )
}

pub fn server_url_control(lang: Language, name: &str) -> String {
    say(
        lang,
        format!("{name} has a control character; write the URL on one line, e.g. {URL_EXAMPLE}"),
        format!("mae nod rheoli yn {name}; ysgrifennwch yr URL ar un llinell, e.e. {URL_EXAMPLE}"),
    )
}

pub fn server_url_unusable(lang: Language, name: &str, reason: &str, shown: &str) -> String {
    say(
        lang,
        format!(
            "{name} is not a server URL frontdesk can use ({reason}): \"{shown}\"; e.g. {URL_EXAMPLE}"
        ),
        format!(
            "nid yw {name} yn URL gweinydd y gall frontdesk ei ddefnyddio ({reason}): \"{shown}\"; e.e. {URL_EXAMPLE}"
        ),
    )
}

pub fn server_url_no_host(lang: Language, name: &str, shown: &str) -> String {
    say(
        lang,
        format!("{name} names no server: \"{shown}\"; add the host, e.g. {URL_EXAMPLE}"),
        format!(
            "nid yw {name} yn enwi gweinydd: \"{shown}\"; ychwanegwch y gwesteiwr, e.e. {URL_EXAMPLE}"
        ),
    )
}

/// A warning: the configured catalogue cannot be used, so the built-in one names the services.
pub fn using_built_in_titles(lang: Language, why: &str) -> String {
    say(
        lang,
        format!("using the built-in catalogue's titles: {why}"),
        format!("yn defnyddio teitlau'r catalog adeiledig: {why}"),
    )
}

/// A warning: the catalogue cannot be used, so visits are listed with ids.
pub fn showing_ids(lang: Language, why: &str) -> String {
    say(
        lang,
        format!("showing ids rather than titles: {why}"),
        format!("yn dangos ids yn lle teitlau: {why}"),
    )
}

/// An error as the command line prints it after "frontdesk: ": every cause as it was written
/// ("what failed: why"), except those `own` words itself (the rooms above this one: the
/// central server's), and in Welsh the visit log's, the clock's and the purge's errors in
/// their Welsh. A cause worded whole ends the chain; the command line's own sentences are
/// already in the language.
pub fn error(
    lang: Language,
    error: &anyhow::Error,
    own: impl Fn(&(dyn std::error::Error + 'static)) -> Option<String>,
) -> String {
    use crate::clock::ClockError;
    use crate::store::{PurgeHeld, StoreError};
    let mut said = Vec::new();
    for cause in error.chain() {
        if let Some(sentence) = own(cause) {
            said.push(sentence);
            break;
        }
        if lang == Language::English {
            said.push(cause.to_string());
            continue;
        }
        let welsh = if let Some(e) = cause.downcast_ref::<StoreError>() {
            Some(super::errors::store(lang, e))
        } else if let Some(e) = cause.downcast_ref::<ClockError>() {
            Some(super::errors::clock(lang, e))
        } else {
            cause
                .downcast_ref::<PurgeHeld>()
                .map(|e| super::errors::purge_held(lang, e))
        };
        match welsh {
            Some(sentence) => {
                said.push(sentence);
                break;
            }
            None => said.push(cause.to_string()),
        }
    }
    said.join(": ")
}

/// A word that is not one of a flag's allowed words, as `UnknownValue` says it in English.
pub fn unknown_value(lang: Language, error: &crate::visit::UnknownValue) -> String {
    let valid = error.valid.join(", ");
    let value = &error.value;
    match lang {
        Language::English => error.to_string(),
        Language::Welsh => {
            // After "yn", with its soft mutation.
            let what = match error.what {
                "an outcome" => "ganlyniad",
                "a reason for not going online" => "rheswm dros beidio â mynd ar-lein",
                "a kind of demand" => "fath o alw",
                "a way of helping online" => "ffordd o helpu ar-lein",
                "a kind of feedback" => "fath o adborth",
                "a language" => "iaith",
                _ => "un o'r geiriau a ganiateir",
            };
            format!("nid yw '{value}' yn {what}; defnyddiwch un o: {valid}")
        }
    }
}

/// `--period` given something that is not a period (the words are the flag's own).
pub fn not_a_period(lang: Language, value: &str) -> String {
    say(
        lang,
        format!(
            "--period: '{value}' is not a period; use today, yesterday, week, last-week, month, last-month or YYYY-MM"
        ),
        format!(
            "--period: nid yw '{value}' yn gyfnod; defnyddiwch un o: today, yesterday, week, last-week, month, last-month neu YYYY-MM"
        ),
    )
}

// ---- A config file that is not valid TOML ----

/// What is wrong where a config file stops being valid TOML, as far as the parser's words tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TomlProblem {
    /// Text in quotes that does not end on its line, or holds a character text cannot.
    Quotes,
    /// A backslash in double quotes that starts no escape (a Windows path, often).
    Escape,
    /// Text that is not in quotes.
    Unquoted,
    /// A setting with no `=`, or nothing after it.
    Assignment,
    /// The same setting twice.
    Duplicate,
    /// A table's heading (`[keys]`) not closed or not valid.
    Heading,
    /// A list (`["F2", "ctrl-l"]`) not closed, or with a comma missing or extra.
    List,
    /// A number written wrongly.
    Number,
    /// A true or false written wrongly.
    TrueFalse,
    /// Anything else: the parser's own words.
    Other(String),
}

/// The config file stops being valid TOML at `line`, `column`.
pub fn config_syntax(lang: Language, line: usize, column: usize, problem: &TomlProblem) -> String {
    let (english, welsh) = match problem {
        TomlProblem::Quotes => (
            "text in quotes must end with the same quote on the same line, e.g. desk = \"Main reception\"".to_string(),
            "rhaid i destun mewn dyfynodau orffen gyda'r un dyfynnod ar yr un llinell, e.e. desk = \"Prif dderbynfa\"".to_string(),
        ),
        TomlProblem::Escape => (
            "in double quotes a backslash starts an escape such as \\n; write a path in single quotes, e.g. data_dir = 'C:\\frontdesk\\data'".to_string(),
            "mewn dyfynodau dwbl mae ôl-slaes yn dechrau dilyniant fel \\n; ysgrifennwch lwybr mewn dyfynodau sengl, e.e. data_dir = 'C:\\frontdesk\\data'".to_string(),
        ),
        TomlProblem::Unquoted => (
            "text must be in quotes, e.g. desk = \"Main reception\"".to_string(),
            "rhaid i destun fod mewn dyfynodau, e.e. desk = \"Prif dderbynfa\"".to_string(),
        ),
        TomlProblem::Assignment => (
            "write each setting on its own line as name = value, e.g. retention_days = 730".to_string(),
            "ysgrifennwch bob gosodiad ar ei linell ei hun fel enw = gwerth, e.e. retention_days = 730".to_string(),
        ),
        TomlProblem::Duplicate => (
            "this setting is given twice; keep one".to_string(),
            "mae'r gosodiad hwn wedi'i roi ddwywaith; cadwch un".to_string(),
        ),
        TomlProblem::Heading => (
            "a table's heading is one name in square brackets on its own line, e.g. [keys]".to_string(),
            "enw mewn cromfachau sgwâr ar ei linell ei hun yw pennawd tabl, e.e. [keys]".to_string(),
        ),
        TomlProblem::List => (
            "a list is values in square brackets with a comma between them, e.g. [\"F2\", \"ctrl-l\"]".to_string(),
            "gwerthoedd mewn cromfachau sgwâr gyda choma rhyngddynt yw rhestr, e.e. [\"F2\", \"ctrl-l\"]".to_string(),
        ),
        TomlProblem::Number => (
            "write a number with digits only, e.g. 730 or 8.62".to_string(),
            "ysgrifennwch rif gyda digidau yn unig, e.e. 730 neu 8.62".to_string(),
        ),
        TomlProblem::TrueFalse => (
            "write true or false in small letters, without quotes".to_string(),
            "ysgrifennwch true neu false mewn llythrennau bach, heb ddyfynodau".to_string(),
        ),
        TomlProblem::Other(words) => (
            format!("check the line, its quotes and its brackets (the parser says: \"{words}\")"),
            format!("gwiriwch y llinell, ei dyfynodau a'i chromfachau (dywed y dosrannydd: \"{words}\")"),
        ),
    };
    say(
        lang,
        format!("the config file is not valid TOML at line {line}, column {column}: {english}"),
        format!(
            "nid yw'r ffeil ffurfweddu yn TOML dilys yn llinell {line}, colofn {column}: {welsh}"
        ),
    )
}

/// A setting the config file has that frontdesk does not know.
pub fn unknown_setting(lang: Language, key: &str, known: &[&str]) -> String {
    let known = known.join(", ");
    say(
        lang,
        format!(
            "{key} is not a setting frontdesk knows; check its spelling; the settings are: {known}"
        ),
        format!(
            "nid yw {key} yn osodiad y mae frontdesk yn ei adnabod; gwiriwch ei sillafiad; y gosodiadau yw: {known}"
        ),
    )
}

pub fn config_not_utf8(lang: Language) -> String {
    say(
        lang,
        "the config file is not UTF-8 text; save it as UTF-8".into(),
        "nid yw'r ffeil ffurfweddu yn destun UTF-8; cadwch hi fel UTF-8".into(),
    )
}

pub fn share_needs_server(lang: Language) -> String {
    say(
        lang,
        "share_appointments = true needs server = \"postgres://ROLE@HOST/DATABASE\" (the desk's role on the central server) in the config file or FRONTDESK_SERVER; without a server, desks share bookings through one data folder".into(),
        "i ddefnyddio share_appointments = true, mae angen server = \"postgres://ROLE@HOST/DATABASE\" (rôl y ddesg ar y gweinydd canolog) yn y ffeil ffurfweddu neu FRONTDESK_SERVER; heb weinydd, mae desgiau'n rhannu apwyntiadau drwy un ffolder data".into(),
    )
}
