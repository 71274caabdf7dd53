//! The shared room, off the screen's thread: where a desk shares its bookings and waiting list
//! through the central server (`share_appointments = true` with `server`), its booking and
//! waiting screens ask this worker, not the visit log. It holds one [`Ledger`] (the server's),
//! opened on first use and again after the connection is lost, on a thread of its own so a slow
//! server never holds up a visit being saved. A server that cannot be reached is said in one
//! sentence and nothing is booked, checked in or called: never in the desk's own file, where
//! the other desks of the site could not see it. The effects become actions in
//! [`ledger_jobs`](super::ledger_jobs), as the store worker's do over the desk's own file.
//!
//! Today's list: the waiting screen asks once a second while it is on top; each question is
//! three small reads on the server (no-shows marked first), answered only when the day changed
//! (the waiting-room display, which must redraw within a second of any desk's call, listens for
//! the server's notifications instead: see `tui::waiting_room`).

use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::{Duration, Instant};

use super::Answers;
use super::ledger_jobs::{self, Keeper};
use crate::appointments::WaitingDay;
use crate::config::{ServerUrl, Settings};
use crate::desk::{Action, Effect};
use crate::ledger::{Ledger, LedgerError};
use crate::text::Language;

/// How long after the server could not be reached the waiting screen's regular question
/// (each second) waits before trying again; a receptionist's own request always tries at once.
const QUIET_AFTER_FAILURE: Duration = Duration::from_secs(15);

/// True for the effects that go to the shared room when a desk shares its bookings.
pub fn shared(effect: &Effect) -> bool {
    ledger_jobs::is_ledger_effect(effect)
}

/// The server the settings share bookings and the waiting list through, if any.
pub fn shared_server(settings: &Settings) -> Option<ServerUrl> {
    settings
        .server
        .clone()
        .filter(|_| settings.share_appointments)
}

/// The shared room's jobs: the booking and waiting screens' effects carried out on the
/// central ledger, each answered with an action.
pub struct RoomJobs {
    server: ServerUrl,
    language: Language,
    ledger: Option<Ledger>,
    /// When the server last could not be used.
    failed_at: Option<Instant>,
    /// What the waiting screen was last told: the same again needs no answer.
    told: Option<WaitingDay>,
}

impl RoomJobs {
    /// Jobs on the server at `server` (as this desk's role); nothing is connected yet.
    pub fn new(server: ServerUrl, language: Language) -> RoomJobs {
        RoomJobs {
            server,
            language,
            ledger: None,
            failed_at: None,
            told: None,
        }
    }

    /// Carries out one of the [`shared`] effects and says how it went; `None` for any other.
    pub fn apply(&mut self, effect: Effect) -> Option<Action> {
        ledger_jobs::apply(self, effect)
    }
}

impl Keeper for RoomJobs {
    /// Runs a request on the server's ledger, connecting first when there is no connection;
    /// a failure comes back as a sentence for the status bar (the connection is let go when
    /// it is lost, so the next request connects again).
    fn with_ledger<T>(
        &mut self,
        work: impl FnOnce(&mut Ledger) -> Result<T, LedgerError>,
    ) -> Result<T, String> {
        let closed = matches!(&self.ledger, Some(Ledger::Central(room)) if room.is_closed());
        if closed {
            self.ledger = None;
        }
        let result = match self.ledger.as_mut() {
            Some(ledger) => work(ledger),
            None => match crate::central::rooms::Room::connect(&self.server) {
                Ok(room) => work(self.ledger.insert(Ledger::Central(room))),
                Err(e) => Err(LedgerError::from(e)),
            },
        };
        match result {
            Ok(answer) => {
                self.failed_at = None;
                Ok(answer)
            }
            Err(e) => {
                tracing::warn!("the shared bookings could not be used: {e}");
                self.failed_at = Some(Instant::now());
                if matches!(e, LedgerError::Unreachable { .. })
                    || matches!(&self.ledger, Some(Ledger::Central(room)) if room.is_closed())
                {
                    self.ledger = None;
                }
                Err(e.said(self.language))
            }
        }
    }

    fn language(&self) -> Language {
        self.language
    }

    fn quiet(&self) -> bool {
        self.failed_at
            .is_some_and(|at| at.elapsed() < QUIET_AFTER_FAILURE)
    }

    fn told(&mut self) -> &mut Option<WaitingDay> {
        &mut self.told
    }
}

/// Hands the shared room's effects to its worker. Dropping it stops the worker after the
/// request in hand; it is never waited for, so a slow server does not hold up the app's exit.
pub struct RoomWorker {
    requests: Sender<Effect>,
}

impl RoomWorker {
    /// Starts the worker when the settings share bookings through the central server.
    pub fn start(settings: &Settings, answers: Answers) -> Option<RoomWorker> {
        let server = shared_server(settings)?;
        let language = settings.language;
        let (requests, incoming) = mpsc::channel::<Effect>();
        thread::Builder::new()
            .name("room".into())
            .spawn(move || {
                let mut jobs = RoomJobs::new(server, language);
                while let Ok(effect) = incoming.recv() {
                    if let Some(action) = jobs.apply(effect)
                        && !answers.send(action)
                    {
                        return;
                    }
                }
            })
            .map_err(|e| tracing::error!("cannot start the shared room's worker: {e}"))
            .ok()?;
        Some(RoomWorker { requests })
    }

    pub fn send(&self, effect: Effect) {
        let _ = self.requests.send(effect);
    }
}
