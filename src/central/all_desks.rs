//! Every desk's counts for a face of the app (the report screen's worker, the accessible
//! mode): one connection to the central server as the report role, made when first asked and
//! made again after a failure, and a failure as one sentence.

use chrono::NaiveDate;

use super::{Central, CentralError};
use crate::config::ServerUrl;
use crate::store::Count;

/// The report role's server and the connection to it, if one is open.
#[derive(Debug)]
pub struct AllDesks {
    server: ServerUrl,
    central: Option<Central>,
}

impl AllDesks {
    pub fn new(server: ServerUrl) -> AllDesks {
        AllDesks {
            server,
            central: None,
        }
    }

    /// The counts of every desk but the demo desk from `from` to `to` (both included), or why
    /// they could not be read, in one sentence (never with a password).
    pub fn counts(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Count>, String> {
        self.try_counts(from, to).map_err(|error| reason(&error))
    }

    /// True while a connection is open (none after a failure: the next question connects
    /// again).
    pub fn is_connected(&self) -> bool {
        self.central.is_some()
    }

    fn try_counts(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Count>, CentralError> {
        let connection = match self.central.take() {
            Some(open) if !open.is_closed() => open,
            _ => {
                let mut fresh = Central::connect(&self.server)?;
                super::schema::check(&mut fresh)?;
                fresh
            }
        };
        let connection = self.central.insert(connection);
        let desks = crate::report::desks_for(None);
        let counts = super::report::report_counts(connection, from, to, &desks);
        if counts.is_err() {
            self.central = None;
        }
        counts
    }
}

/// Why the figures could not be read. A sync's time-out speaks of queued visits; here nothing
/// waits.
fn reason(error: &CentralError) -> String {
    match error {
        CentralError::TimedOut { server, seconds } => {
            format!("the server {server} did not answer within {seconds} seconds")
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_too_slow_to_answer_is_not_said_to_keep_visits_queued() {
        let slow = CentralError::TimedOut {
            server: "postgres://report@db.example.gov.uk/frontdesk".into(),
            seconds: 120,
        };
        assert_eq!(
            reason(&slow),
            "the server postgres://report@db.example.gov.uk/frontdesk did not answer within 120 seconds"
        );
    }

    #[test]
    fn a_server_that_cannot_be_reached_is_a_sentence_without_the_password_and_is_tried_again() {
        // Nothing listens on port 1 of this machine: connecting is refused at once.
        let server =
            ServerUrl::parse("report_server", "postgres://report:secret@127.0.0.1:1/db").unwrap();
        let mut all = AllDesks::new(server);
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        for _ in 0..2 {
            let reason = all.counts(day, day).unwrap_err();
            assert!(reason.contains("cannot reach the server"), "{reason}");
            assert!(!reason.contains("secret"), "{reason}");
            assert!(!all.is_connected());
        }
    }
}
