//! Why the visit log, a draft or the clock could not be used, as the desk says it: one sentence
//! naming the file and what to do, in the desk's language. The store's own errors keep their
//! English `Display` for the command line and the app's log; the workers word what a
//! receptionist sees here.

use std::path::Path;

use chrono::{DateTime, Local};

use super::Language;
use crate::clock::ClockError;
use crate::store::{PurgeHeld, StoreError};

/// A message as a sentence for the status bar: capital first letter, full stop at the end.
pub fn sentence(message: &str) -> String {
    let mut chars = message.trim().chars();
    let mut text: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

/// What the store was doing ("open", "save to", "read") as a Welsh verb-noun.
fn welsh_action(action: &str) -> &'static str {
    match action {
        "open" => "agor",
        "save to" => "cadw i",
        "read" => "darllen",
        "create" => "creu",
        "check" => "gwirio",
        _ => "defnyddio",
    }
}

/// The store's plain reasons ("the disk is full; free some space") in Welsh; any other reason
/// (SQLite's own words) as it came.
fn welsh_reason(reason: &str) -> String {
    match reason {
        "the disk is full; free some space" => "mae'r ddisg yn llawn; rhyddhewch le".into(),
        "you may not write there (it is read-only)" => {
            "does dim hawl i ysgrifennu yno (darllen yn unig)".into()
        }
        "the folder does not exist" => "nid yw'r ffolder yn bodoli".into(),
        "part of the path is a file, not a folder" => {
            "ffeil, nid ffolder, yw rhan o'r llwybr".into()
        }
        "something else already has that name" => "mae gan rywbeth arall yr enw hwnnw".into(),
        "the visit log stayed busy; try again" => {
            "roedd y cofnod ymweliadau'n dal yn brysur; rhowch gynnig arall arni".into()
        }
        other => other.into(),
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// A store error as the desk says it.
pub fn store(lang: Language, error: &StoreError) -> String {
    if lang == Language::English {
        return sentence(&error.to_string());
    }
    let again = "rhowch gynnig arall arni";
    let elsewhere = "symudwch y ffeil i rywle arall neu dewiswch ffolder arall gyda --data-dir";
    let text = match error {
        StoreError::DiskFull { action, path } => format!(
            "Ni ellir {} {}: mae'r ddisg yn llawn; rhyddhewch le a {again}",
            welsh_action(action),
            shown(path)
        ),
        StoreError::ReadOnly { action, path } => format!(
            "Ni ellir {} {}: darllen yn unig yw'r ffeil; gwnewch hi'n bosibl ysgrifennu iddi (neu gofynnwch i'r adran TG) a {again}",
            welsh_action(action),
            shown(path)
        ),
        StoreError::FolderCannotBeCreated { path, reason } => format!(
            "Ni ellir creu'r ffolder {}: {}; crëwch hi eich hun neu dewiswch ffolder arall gyda --data-dir",
            shown(path),
            welsh_reason(reason)
        ),
        StoreError::CannotOpen { path } => format!(
            "Ni ellir agor {}: ni ellir agor y ffeil na'i ffolder; gwiriwch fod y ffolder yn bodoli a bod hawl gennych i ysgrifennu iddi",
            shown(path)
        ),
        StoreError::Busy { action, path } => format!(
            "Ni ellir {} {}: roedd frontdesk arall yn ei dal yn brysur am fwy na {} eiliad; {again}",
            welsh_action(action),
            shown(path),
            crate::store::BUSY_TIMEOUT.as_secs()
        ),
        StoreError::NotADatabase { path } => format!(
            "Nid yw {} yn gofnod ymweliadau frontdesk (nid yw'n gronfa ddata SQLite); {elsewhere}",
            shown(path)
        ),
        StoreError::NotAVisitLog { path } => format!(
            "Nid yw {} yn gofnod ymweliadau frontdesk (cronfa ddata rhaglen arall yw hi), felly cafodd ei gadael fel y mae; {elsewhere}",
            shown(path)
        ),
        StoreError::VersionChanged { path, found } => format!(
            "Mae {} yn gofnod ymweliadau frontdesk y newidiodd rhaglen arall fersiwn ei sgema (mae'n dangos {found}), felly cafodd ei adael fel y mae; adferwch ef o gopi wrth gefn, neu symudwch y ffeil i rywle arall i ddechrau cofnod newydd",
            shown(path)
        ),
        StoreError::Corrupt { path } => format!(
            "Mae {} wedi'i ddifrodi (mae'n methu gwiriad cywirdeb SQLite), felly ni fydd frontdesk yn ysgrifennu iddo; caewch frontdesk ym mhob man a rhedwch `frontdesk restore BACKUP` gyda'ch copi wrth gefn diweddaraf (a wnaed gyda `frontdesk backup`)",
            shown(path)
        ),
        StoreError::DamagedLogNotBackedUp { log, restore_from } => format!(
            "Mae'r cofnod ymweliadau {} wedi'i ddifrodi (mae'n methu gwiriad cywirdeb SQLite), felly ni wnaed copi wrth gefn; i'w adfer, caewch frontdesk ym mhob man a rhedwch `frontdesk restore {}`",
            shown(log),
            restore_from
                .as_deref()
                .map_or_else(|| "BACKUP".to_string(), shown)
        ),
        StoreError::NewerSchema { path, found, known } => format!(
            "Cafodd {} ei wneud gan fersiwn fwy newydd o frontdesk (sgema {found}; mae'r fersiwn hon yn gwybod hyd at {known}); diweddarwch frontdesk i'w ddefnyddio",
            shown(path)
        ),
        StoreError::AlreadySaved { path, id } => format!(
            "Ni ellir cadw ymweliad {id} i {}: mae eisoes yn y cofnod",
            shown(path)
        ),
        StoreError::NoSuchVisit { path, id } => format!(
            "Ni ellir newid ymweliad {id} yn {}: nid yw yn y cofnod (efallai ei fod wedi'i ddileu)",
            shown(path)
        ),
        StoreError::UnreadableVisit {
            path,
            id,
            field,
            value,
        } => format!(
            "Mae gan ymweliad {id} yn {} {field} '{value}', nad yw'r frontdesk hwn yn ei ddeall; diweddarwch frontdesk",
            shown(path)
        ),
        StoreError::Restore { path, reason } => format!(
            "Ni ellir adfer y cofnod ymweliadau o {}: {}",
            shown(path),
            welsh_reason(reason)
        ),
        StoreError::Backup { path, reason } => format!(
            "Ni ellir gwneud copi wrth gefn i {}: {}",
            shown(path),
            welsh_reason(reason)
        ),
        StoreError::Draft { path, reason } => format!(
            "Ni ellir cadw drafft yr ymweliad yn {}: {}",
            shown(path),
            welsh_reason(reason)
        ),
        StoreError::Other {
            action,
            path,
            reason,
        } => format!(
            "Ni ellir {} {}: {}",
            welsh_action(action),
            shown(path),
            welsh_reason(reason)
        ),
    };
    sentence(&text)
}

/// A clock reading frontdesk cannot use, as the desk says it.
pub fn clock(lang: Language, error: &ClockError) -> String {
    match (lang, error) {
        (Language::English, _) => sentence(&error.to_string()),
        (Language::Welsh, ClockError::Before1970 { shown }) => format!(
            "Mae cloc y cyfrifiadur yn dangos amser cyn 1970 ({shown} UTC), na all frontdesk ei ddefnyddio; gosodwch y dyddiad a'r amser yn gywir (neu gofynnwch i'r adran TG) a rhowch gynnig arall arni."
        ),
        (Language::Welsh, ClockError::TooFarAhead) => "Mae cloc y cyfrifiadur yn dangos amser rhy bell ymlaen i frontdesk ei ddefnyddio; gosodwch y dyddiad a'r amser yn gywir (neu gofynnwch i'r adran TG) a rhowch gynnig arall arni.".into(),
    }
}

fn at(ms: i64) -> String {
    DateTime::from_timestamp_millis(ms).map_or_else(
        || format!("{ms} ms ar ôl 1970"),
        |at| {
            at.with_timezone(&Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}

/// Why the start-up clean-up kept every visit, as the desk says it.
pub fn purge_held(lang: Language, held: &PurgeHeld) -> String {
    let text = match (lang, held) {
        (Language::English, _) => held.to_string(),
        (Language::Welsh, PurgeHeld::ClockBehind { now_ms, newest_ms }) => format!(
            "Mae'r cloc yn dangos {}, sy'n gynharach na'r ymweliad diweddaraf yn y cofnod ({}), felly ni chafodd unrhyw ymweliad ei ddileu; gosodwch y dyddiad a'r amser yn gywir, neu rhedwch `frontdesk purge --yes` i ddileu hen ymweliadau beth bynnag",
            at(*now_ms),
            at(*newest_ms)
        ),
        (Language::Welsh, PurgeHeld::EveryVisit { now_ms, visits }) => format!(
            "Mae'r cloc yn dangos {}, a fyddai'n gwneud pob ymweliad yn y cofnod ({visits}) yn hŷn na'r cyfnod cadw, felly ni chafodd yr un ei ddileu; gwiriwch y dyddiad a'r amser, neu rhedwch `frontdesk purge --yes` os ydyn nhw mor hen â hynny mewn gwirionedd",
            at(*now_ms)
        ),
        (Language::Welsh, PurgeHeld::TooMany { older, visits }) => format!(
            "Byddai dileu {older} o'r {visits} ymweliad yn y cofnod ar unwaith yn fwy na {}% ohono, felly ni chafodd yr un ei ddileu; gwiriwch y dyddiad a'r amser, neu rhedwch `frontdesk purge --yes` os dylen nhw fynd mewn gwirionedd",
            crate::store::MOST_REMOVED_AT_ONCE_PERCENT
        ),
    };
    sentence(&text)
}

/// An undo of a visit another window had already removed.
pub fn visit_gone(lang: Language) -> &'static str {
    match lang {
        Language::English => "That visit is no longer in the log.",
        Language::Welsh => "Nid yw'r ymweliad hwnnw yn y cofnod mwyach.",
    }
}

/// The bookings and waiting list shared on the central server cannot be reached, as the desk's
/// booking and waiting screens say it: one sentence, nothing booked, checked in or called.
pub fn shared_unreachable(lang: Language, server: &str, reason: &str) -> String {
    sentence(&match lang {
        Language::English => format!(
            "the shared bookings and waiting list are on the server {server}, which cannot be reached ({reason}), so nothing was booked, checked in or called; try again when it answers"
        ),
        Language::Welsh => format!(
            "Mae'r apwyntiadau a'r rhestr aros a rennir ar y gweinydd {server}, na ellir ei gyrraedd ({reason}), felly ni chafodd dim ei drefnu, ei gofrestru na'i alw; rhowch gynnig arall arni pan fydd yn ateb"
        ),
    })
}

/// The shared bookings and waiting list cannot be used until a setting or a grant is put
/// right; `why` is the sentence that says which.
pub fn shared_cannot_connect(lang: Language, why: &str) -> String {
    sentence(&match lang {
        Language::English => format!(
            "the shared bookings and waiting list cannot be used, so nothing was booked, checked in or called: {why}"
        ),
        Language::Welsh => format!(
            "ni ellir defnyddio'r apwyntiadau a'r rhestr aros a rennir, felly ni chafodd dim ei drefnu, ei gofrestru na'i alw: {why}"
        ),
    })
}

/// The server refused the shared bookings and waiting list; `reason` is its own sentence.
pub fn shared_refused(lang: Language, reason: &str) -> String {
    match lang {
        Language::English => sentence(reason),
        Language::Welsh => sentence(&format!(
            "Ni ellir defnyddio'r apwyntiadau a'r rhestr aros a rennir ar y gweinydd: {reason}"
        )),
    }
}

// ---- The central server ----

/// The server's own words after a sentence, as an aside.
fn with_details(lang: Language, sentence: String, details: &str) -> String {
    if details.trim().is_empty() {
        return sentence;
    }
    match lang {
        Language::English => format!("{sentence} (details: \"{details}\")"),
        Language::Welsh => format!("{sentence} (manylion: \"{details}\")"),
    }
}

/// Nothing answers at the server's address: it is not running, or the host or port is wrong.
pub fn server_nothing_listening(lang: Language, server: &str, details: &str) -> String {
    let sentence = match lang {
        Language::English => format!(
            "cannot reach the server {server}: nothing answers at that address (the server is not running, or the host or port is wrong); check the server setting, or ask whoever runs the server, and try again"
        ),
        Language::Welsh => format!(
            "ni ellir cyrraedd y gweinydd {server}: nid oes dim yn ateb yn y cyfeiriad hwnnw (nid yw'r gweinydd yn rhedeg, neu mae'r gwesteiwr neu'r porth yn anghywir); gwiriwch y gosodiad server, neu gofynnwch i bwy bynnag sy'n rhedeg y gweinydd, a rhowch gynnig arall arni"
        ),
    };
    with_details(lang, sentence, details)
}

/// The server's host name is not known (a typing error, or no network).
pub fn server_unknown_host(lang: Language, server: &str, details: &str) -> String {
    let sentence = match lang {
        Language::English => format!(
            "cannot reach the server {server}: its host name is not known; check the spelling of the host in the server setting and that this computer is on the network"
        ),
        Language::Welsh => format!(
            "ni ellir cyrraedd y gweinydd {server}: nid yw enw ei westeiwr yn hysbys; gwiriwch sillafiad y gwesteiwr yn y gosodiad server a bod y cyfrifiadur hwn ar y rhwydwaith"
        ),
    };
    with_details(lang, sentence, details)
}

/// The server refused the role or its password.
pub fn server_login(lang: Language, server: &str, details: &str) -> String {
    let sentence = match lang {
        Language::English => format!(
            "cannot reach the server {server}: it refused the role or its password; check both in the server setting (the password as the server's administrator set it with \\password)"
        ),
        Language::Welsh => format!(
            "ni ellir cyrraedd y gweinydd {server}: gwrthododd y rôl neu ei chyfrinair; gwiriwch y ddau yn y gosodiad server (y cyfrinair fel y'i gosodwyd gan weinyddwr y gweinydd gyda \\password)"
        ),
    };
    with_details(lang, sentence, details)
}

/// The server has no database of the name in the URL.
pub fn server_no_database(lang: Language, server: &str, details: &str) -> String {
    let sentence = match lang {
        Language::English => format!(
            "cannot reach the server {server}: it has no database of that name; check the name after the last / in the server setting"
        ),
        Language::Welsh => format!(
            "ni ellir cyrraedd y gweinydd {server}: nid oes ganddo gronfa ddata o'r enw hwnnw; gwiriwch yr enw ar ôl y / olaf yn y gosodiad server"
        ),
    };
    with_details(lang, sentence, details)
}

/// The role may not do what was asked: a grant is missing.
pub fn server_no_permission(lang: Language, server: &str, details: &str) -> String {
    let sentence = match lang {
        Language::English => format!(
            "the server {server} did not let this role do that (permission denied); ask the server's administrator to run `frontdesk server init` for this role, or use the role meant for it"
        ),
        Language::Welsh => format!(
            "ni adawodd y gweinydd {server} i'r rôl hon wneud hynny (dim caniatâd); gofynnwch i weinyddwr y gweinydd redeg `frontdesk server init` ar gyfer y rôl hon, neu defnyddiwch y rôl a fwriadwyd ar ei gyfer"
        ),
    };
    with_details(lang, sentence, details)
}

/// The server cannot be reached for another reason.
pub fn server_unreachable(lang: Language, server: &str, details: &str) -> String {
    let sentence = match lang {
        Language::English => format!(
            "cannot reach the server {server}; check the server setting and the network, and try again"
        ),
        Language::Welsh => format!(
            "ni ellir cyrraedd y gweinydd {server}; gwiriwch y gosodiad server a'r rhwydwaith, a rhowch gynnig arall arni"
        ),
    };
    with_details(lang, sentence, details)
}

/// The server refused what was asked, in its own words.
pub fn server_refused(lang: Language, server: &str, details: &str) -> String {
    let sentence = match lang {
        Language::English => format!("the server {server} refused the request"),
        Language::Welsh => format!("gwrthododd y gweinydd {server} y cais"),
    };
    with_details(lang, sentence, details)
}

/// The server did not answer in time; `queued`: a sync, whose visits wait for the next.
pub fn server_timed_out(lang: Language, server: &str, seconds: u64, queued: bool) -> String {
    match (lang, queued) {
        (Language::English, true) => format!(
            "the server {server} did not answer within {seconds} seconds; the visits stay queued and are sent next time"
        ),
        (Language::English, false) => {
            format!("the server {server} did not answer within {seconds} seconds; try again later")
        }
        (Language::Welsh, true) => format!(
            "ni atebodd y gweinydd {server} o fewn {seconds} eiliad; mae'r ymweliadau'n aros yn y ciw ac yn cael eu hanfon y tro nesaf"
        ),
        (Language::Welsh, false) => format!(
            "ni atebodd y gweinydd {server} o fewn {seconds} eiliad; rhowch gynnig arall arni yn nes ymlaen"
        ),
    }
}

/// The server has no frontdesk schema yet, or an older one.
pub fn server_not_initialised(lang: Language, server: &str) -> String {
    match lang {
        Language::English => format!(
            "the server {server} has no frontdesk schema (or an older one); run `frontdesk server init` with the owner's URL first"
        ),
        Language::Welsh => format!(
            "nid oes sgema frontdesk ar y gweinydd {server} (neu mae un hŷn arno); rhedwch `frontdesk server init` gydag URL y perchennog yn gyntaf"
        ),
    }
}

/// The server's schema is newer than this frontdesk knows.
pub fn server_newer_schema(lang: Language, server: &str, found: i32, known: i32) -> String {
    match lang {
        Language::English => format!(
            "the server {server} has central schema version {found}, newer than this frontdesk knows ({known}); update frontdesk"
        ),
        Language::Welsh => format!(
            "mae gan y gweinydd {server} fersiwn {found} o'r sgema canolog, sy'n fwy newydd nag y mae'r frontdesk hwn yn ei wybod ({known}); diweddarwch frontdesk"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_store_error_is_one_sentence_in_either_language_naming_the_file() {
        let error = StoreError::DiskFull {
            action: "save to",
            path: PathBuf::from("/d1/visits.sqlite3"),
        };
        assert_eq!(
            store(Language::English, &error),
            "Cannot save to /d1/visits.sqlite3: the disk is full; free some space and try again."
        );
        assert_eq!(
            store(Language::Welsh, &error),
            "Ni ellir cadw i /d1/visits.sqlite3: mae'r ddisg yn llawn; rhyddhewch le a rhowch gynnig arall arni."
        );
        let draft = StoreError::Draft {
            path: PathBuf::from("/d1/drafts"),
            reason: "the folder does not exist".into(),
        };
        assert_eq!(
            store(Language::Welsh, &draft),
            "Ni ellir cadw drafft yr ymweliad yn /d1/drafts: nid yw'r ffolder yn bodoli."
        );
    }
}
