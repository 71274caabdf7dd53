//! Why the central server could not be used: one sentence naming the server (never its
//! password) and what to do.

use crate::config::redact;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum CentralError {
    #[error(
        "cannot reach the server {server}: {reason}; check the server setting and the network, and try again"
    )]
    Connect {
        server: String,
        reason: String,
        /// What kind of trouble it was, for a sentence that says what to do.
        trouble: Trouble,
    },
    #[error(
        "the server {server} did not answer within {seconds} seconds; the visits stay queued and are sent next time"
    )]
    TimedOut { server: String, seconds: u64 },
    #[error("the server {server} refused: {reason}")]
    Refused {
        server: String,
        reason: String,
        /// The refusal is about the rows sent (a value, a key or row-level security), not
        /// the connection or the schema: the other rows of the batch may still go.
        rows: bool,
        trouble: Trouble,
    },
    #[error(
        "the server {server} has no frontdesk schema (or an older one); run `frontdesk server init` with the owner's URL first"
    )]
    NotInitialised { server: String },
    #[error(
        "the server {server} has central schema version {found}, newer than this frontdesk knows ({known}); update frontdesk"
    )]
    NewerSchema {
        server: String,
        found: i32,
        known: i32,
    },
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Other(String),
}

/// What kind of trouble the server gave: what a sentence to the user says happened, and so
/// what to do. Found from the server's error code, or the network's error when there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// Nothing answers at the address: the server is not running, or the host or port is wrong.
    NothingListening,
    /// The host's name is not known.
    UnknownHost,
    /// The server refused the role or its password (or asked for a password none was given).
    Login,
    /// The server has no database of the URL's name.
    NoDatabase,
    /// The role may not do this: a grant is missing.
    NoPermission,
    /// Anything else.
    Other,
}

impl Trouble {
    /// The trouble a PostgreSQL error shows.
    fn of(error: &tokio_postgres::Error) -> Trouble {
        if let Some(db) = error.as_db_error() {
            return match db.code().code() {
                "28P01" | "28000" => Trouble::Login,
                "3D000" => Trouble::NoDatabase,
                "42501" => Trouble::NoPermission,
                _ => Trouble::Other,
            };
        }
        let mut source = std::error::Error::source(error);
        while let Some(inner) = source {
            if let Some(io) = inner.downcast_ref::<std::io::Error>() {
                match io.kind() {
                    std::io::ErrorKind::ConnectionRefused => return Trouble::NothingListening,
                    std::io::ErrorKind::NotFound => return Trouble::UnknownHost,
                    _ => {}
                }
                let words = io.to_string();
                if words.contains("lookup address") || words.contains("Name or service not known") {
                    return Trouble::UnknownHost;
                }
            }
            source = inner.source();
        }
        if error.to_string().contains("password missing") {
            return Trouble::Login;
        }
        Trouble::Other
    }
}

impl CentralError {
    /// A database error, with the server named and any password taken out.
    pub(crate) fn from_postgres(server: &str, error: &tokio_postgres::Error) -> CentralError {
        let reason = match error.as_db_error() {
            Some(db) => db.message().to_string(),
            None => {
                let mut text = error.to_string();
                let mut source = std::error::Error::source(error);
                while let Some(inner) = source {
                    text = format!("{text}: {inner}");
                    source = inner.source();
                }
                text
            }
        };
        let reason = redact(&reason);
        let trouble = Trouble::of(error);
        // The server going away (restarted, out of connections, a deadlock) is worth another
        // try later; anything else it said is a refusal.
        let transient = error.as_db_error().is_some_and(|db| {
            let code = db.code().code();
            ["57", "08", "53", "40"]
                .iter()
                .any(|class| code.starts_with(class))
        });
        // Data exceptions (22), integrity constraints (23), a row-level security policy's
        // refusal and a trigger's (P0001) concern the rows sent. A missing grant (42501 too,
        // without the policy) concerns every row: the batch stays queued whole.
        let rows = error.as_db_error().is_some_and(|db| {
            let code = db.code().code();
            code.starts_with("22")
                || code.starts_with("23")
                || code == "P0001"
                || (code == "42501" && db.message().contains("row-level security"))
        });
        if error.as_db_error().is_some() && !transient {
            CentralError::Refused {
                server: server.to_string(),
                reason,
                rows,
                trouble,
            }
        } else {
            CentralError::Connect {
                server: server.to_string(),
                reason,
                trouble,
            }
        }
    }

    /// True when trying again later may work (the network, a restart), false when the server
    /// refused what was sent.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            CentralError::Connect { .. } | CentralError::TimedOut { .. }
        )
    }
}
