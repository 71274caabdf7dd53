//! The figures of all desks, off the screen's thread: a worker with its own thread and its own
//! connection to the central server as the report role ([`AllDesks`]). It answers only the
//! newest question (those a newer one replaced are dropped), connects again after a failure,
//! and says why it could not count in one sentence; keys never wait on the network.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use chrono::NaiveDate;

use super::Answers;
use crate::central::all_desks::AllDesks;
use crate::config::Settings;
use crate::desk::Action;
use crate::tally::Count;

/// One question: the counts of every desk (but the demo desk) from one local date to another,
/// both included; `seq` is the report screen's number for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Question {
    seq: u64,
    from: NaiveDate,
    to: NaiveDate,
}

/// Hands questions to the worker. Dropping it stops the worker after the question in hand; it
/// is never waited for, so a slow server does not hold up the app's exit.
pub struct AllDesksWorker {
    questions: Sender<Question>,
}

impl AllDesksWorker {
    /// Starts the worker when the report role's server is set (`report_server`).
    pub fn start(settings: &Settings, answers: Answers) -> Option<AllDesksWorker> {
        let server = settings.report_server.clone()?;
        let (questions, incoming) = mpsc::channel();
        thread::Builder::new()
            .name("all-desks".into())
            .spawn(move || {
                let mut all_desks = AllDesks::new(server);
                serve(&incoming, &answers, |question| {
                    all_desks.counts(question.from, question.to)
                });
            })
            .map_err(|e| tracing::error!("cannot start the worker for all desks' figures: {e}"))
            .ok()?;
        Some(AllDesksWorker { questions })
    }

    /// Asks for the counts of all desks from `from` to `to`; the answer comes back as
    /// [`Action::ReportCounted`] or [`Action::AllDesksNotCounted`] with the same `seq`.
    pub fn ask(&self, seq: u64, from: NaiveDate, to: NaiveDate) {
        let _ = self.questions.send(Question { seq, from, to });
    }
}

/// Answers the newest question waiting, then waits for the next, until the screen hangs up.
fn serve(
    incoming: &Receiver<Question>,
    answers: &Answers,
    mut count: impl FnMut(Question) -> Result<Vec<Count>, String>,
) {
    while let Ok(mut newest) = incoming.recv() {
        // The latest question wins: those it replaced are not asked of the server.
        while let Ok(newer) = incoming.try_recv() {
            newest = newer;
        }
        let seq = newest.seq;
        let action = match count(newest) {
            Ok(counts) => Action::ReportCounted { seq, counts },
            Err(reason) => {
                tracing::warn!("all desks' figures: {reason}");
                Action::AllDesksNotCounted { seq, reason }
            }
        };
        if !answers.send(action) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(seq: u64) -> Question {
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        Question {
            seq,
            from: day,
            to: day,
        }
    }

    /// Runs the worker's loop over `questions`, all waiting before it starts, with `count`;
    /// returns its answers.
    fn answers_to(
        questions: &[Question],
        count: impl FnMut(Question) -> Result<Vec<Count>, String>,
    ) -> Vec<Action> {
        let (send, incoming) = mpsc::channel();
        for q in questions {
            send.send(*q).unwrap();
        }
        drop(send);
        let (answers, received) = Answers::channel();
        serve(&incoming, &answers, count);
        received.try_iter().collect()
    }

    #[test]
    fn questions_that_piled_up_are_answered_once_for_the_newest() {
        let mut asked = Vec::new();
        let answers = answers_to(&[question(1), question(2), question(3)], |q| {
            asked.push(q.seq);
            Ok(Vec::new())
        });
        assert_eq!(asked, [3], "only the newest question reaches the server");
        assert_eq!(
            answers,
            [Action::ReportCounted {
                seq: 3,
                counts: Vec::new()
            }]
        );
    }

    #[test]
    fn a_failure_is_answered_with_its_reason() {
        let answers = answers_to(&[question(7)], |_| Err("not built yet".to_string()));
        assert_eq!(
            answers,
            [Action::AllDesksNotCounted {
                seq: 7,
                reason: "not built yet".into()
            }]
        );
    }
}
