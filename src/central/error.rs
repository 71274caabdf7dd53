//! Why the central server could not be used: one sentence naming the server (never its
//! password) and what to do.

use crate::config::redact;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum CentralError {
    #[error(
        "cannot reach the server {server}: {reason}; check the server setting and the network, and try again"
    )]
    Connect { server: String, reason: String },
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
            }
        } else {
            CentralError::Connect {
                server: server.to_string(),
                reason,
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
