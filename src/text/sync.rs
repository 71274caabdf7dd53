//! The sentences about sending visits to the central server: visits set aside. The reasons
//! are the server's (or the sync's) own words, kept with each visit set aside.

use super::Language;

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
        Language::English => {
            "once the cause is fixed, run `frontdesk sync --retry-held` to send them again".into()
        }
        Language::Welsh => {
            "unwaith y bydd yr achos wedi'i ddatrys, rhedwch `frontdesk sync --retry-held` i'w hanfon eto"
                .into()
        }
    }
}
