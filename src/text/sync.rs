//! The sentences about sending visits to the central server: visits set aside, and why.

use super::Language;

/// Why a visit of another desk is not sent: this desk's role may send only its own visits.
pub fn visit_of_another_desk(lang: Language, logged_at: &str, desk: &str) -> String {
    let logged_at = crate::printable::printable(logged_at);
    let desk = crate::printable::printable(desk);
    match lang {
        Language::English => format!(
            "it was logged at desk \"{logged_at}\", and this desk (\"{desk}\") sends only its own visits"
        ),
        Language::Welsh => format!(
            "cafodd ei gofnodi yn nesg \"{logged_at}\", a dim ond ei ymweliadau ei hun y mae'r ddesg hon (\"{desk}\") yn eu hanfon"
        ),
    }
}

/// Why the server's row-level security refused a visit, with the server's own words.
pub fn refused_by_row_security(lang: Language, server_said: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!(
            "the server lets this desk's role write only its own desk's visits, and another desk may have a visit with the same id ({server_said})"
        ),
    }
}

/// Visits set aside, in one sentence: "1 visit cannot be sent: REASON".
pub fn cannot_be_sent(lang: Language, visits: u64, reason: &str) -> String {
    match lang {
        Language::English => {
            let noun = if visits == 1 { "visit" } else { "visits" };
            format!("{visits} {noun} cannot be sent: {reason}")
        }
        Language::Welsh => format!("Ni ellir anfon {visits} ymweliad: {reason}"),
    }
}

/// After the sentences on visits set aside, at the command line: how to send them again.
pub fn retry_held_hint(lang: Language) -> String {
    match lang {
        Language::English | Language::Welsh => {
            "once the cause is fixed, run `frontdesk sync --retry-held` to send them again".into()
        }
    }
}
