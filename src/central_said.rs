//! The central server's errors as a user reads them, in the desk's language: the one room that
//! knows both the server's errors (`central`, which words nothing for a user) and the sentences
//! (`text`, which names no server type). The command line and the ledger ask it.
//!
//! Each sentence says what happened and what to do, with the server's own words after it as
//! details (never a password: the server is named as its URL without one).

use crate::central::sync::FetchError;
use crate::central::{CentralError, Trouble};
use crate::text::{Language, errors};

/// `error` in one sentence in `lang`.
pub fn said(lang: Language, error: &CentralError) -> String {
    match error {
        CentralError::Connect {
            server,
            reason,
            trouble,
        } => cannot_connect(lang, server, reason, *trouble),
        CentralError::TimedOut { server, seconds } => {
            errors::server_timed_out(lang, server, *seconds, true)
        }
        CentralError::Refused {
            server,
            reason,
            trouble: Trouble::NoPermission,
            ..
        } => errors::server_no_permission(lang, server, reason),
        CentralError::Refused { server, reason, .. } => {
            errors::server_refused(lang, server, reason)
        }
        CentralError::NotInitialised { server } => errors::server_not_initialised(lang, server),
        CentralError::NewerSchema {
            server,
            found,
            known,
        } => errors::server_newer_schema(lang, server, *found, *known),
        CentralError::Store(error) => errors::store(lang, error),
        CentralError::Other(words) => words.clone(),
    }
}

/// A newer catalogue not fetched, in one sentence in `lang`.
pub fn fetch(lang: Language, error: &FetchError) -> String {
    match error {
        FetchError::Central(error) => said(lang, error),
        FetchError::NotKept(words) => words.clone(),
    }
}

/// Why connecting to `server` failed, by the kind of trouble, with its words as details.
pub fn cannot_connect(lang: Language, server: &str, reason: &str, trouble: Trouble) -> String {
    match trouble {
        Trouble::NothingListening => errors::server_nothing_listening(lang, server, reason),
        Trouble::UnknownHost => errors::server_unknown_host(lang, server, reason),
        Trouble::Login => errors::server_login(lang, server, reason),
        Trouble::NoDatabase => errors::server_no_database(lang, server, reason),
        Trouble::NoPermission => errors::server_no_permission(lang, server, reason),
        Trouble::Other => errors::server_unreachable(lang, server, reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_trouble_says_what_to_do_in_welsh_with_the_servers_words_after_it() {
        let server = "postgres://desk@db.example.gov.uk/frontdesk";
        let connect = |trouble| CentralError::Connect {
            server: server.into(),
            reason: "R1".into(),
            trouble,
        };
        let cases = [
            (Trouble::NothingListening, "nid oes dim yn ateb"),
            (Trouble::UnknownHost, "nid yw enw ei westeiwr yn hysbys"),
            (Trouble::Login, "gwrthododd y rôl neu ei chyfrinair"),
            (Trouble::NoDatabase, "nid oes ganddo gronfa ddata"),
            (Trouble::NoPermission, "dim caniatâd"),
            (Trouble::Other, "ni ellir cyrraedd y gweinydd"),
        ];
        for (trouble, welsh) in cases {
            let said = said(Language::Welsh, &connect(trouble));
            assert!(said.contains(welsh), "{trouble:?}: {said}");
            assert!(said.contains(server), "{said}");
            assert!(said.ends_with("(manylion: \"R1\")"), "{said}");
        }
        let english = said(Language::English, &connect(Trouble::Login));
        assert!(
            english.starts_with(&format!(
                "cannot reach the server {server}: it refused the role"
            )),
            "{english}"
        );
    }
}
