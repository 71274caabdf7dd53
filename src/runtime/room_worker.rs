//! The shared room, off the screen's thread: where a desk shares its bookings and waiting list
//! through the central server (`share_appointments = true` with `server`), its booking and
//! waiting screens ask this worker, not the visit log. It holds one [`Ledger`] (the server's),
//! opened on first use and again after the connection is lost, on a thread of its own so a slow
//! server never holds up a visit being saved. A server that cannot be reached is said in one
//! sentence and nothing is booked, checked in or called: never in the desk's own file, where
//! the other desks of the site could not see it.
//!
//! Today's list: the waiting screen asks once a second while it is on top; each question is
//! three small reads on the server (no-shows marked first), answered only when the day changed
//! (the waiting-room display, which must redraw within a second of any desk's call, listens for
//! the server's notifications instead: see `tui::waiting_room`).

use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::{Duration, Instant};

use chrono::Utc;

use super::Answers;
use crate::appointments::{Change, WaitingDay};
use crate::config::{ServerUrl, Settings};
use crate::desk::{Action, BookingRequest, Effect};
use crate::ledger::{Ledger, LedgerError};
use crate::store::bookings::{Booked, NewBooking};
use crate::text::Language;

/// How long after the server could not be reached the waiting screen's regular question
/// (each second) waits before trying again; a receptionist's own request always tries at once.
const QUIET_AFTER_FAILURE: Duration = Duration::from_secs(15);

/// True for the effects that go to the shared room when a desk shares its bookings.
pub fn shared(effect: &Effect) -> bool {
    matches!(
        effect,
        Effect::LoadBookingTaken { .. }
            | Effect::Book(_)
            | Effect::CancelBooking(_)
            | Effect::LoadWaiting { .. }
            | Effect::Arrive { .. }
            | Effect::AddTicket { .. }
            | Effect::CallNext { .. }
            | Effect::MarkSeen { .. }
    )
}

/// The server the settings share bookings and the waiting list through, if any.
pub fn shared_server(settings: &Settings) -> Option<ServerUrl> {
    settings
        .server
        .clone()
        .filter(|_| settings.share_appointments)
}

/// The booking a desk's request asks for.
pub(super) fn new_booking(request: &BookingRequest) -> NewBooking<'_> {
    NewBooking {
        service: &request.service,
        place: &request.place,
        at: request.at,
        starts: request.starts,
        minutes: request.minutes,
        capacity: request.capacity,
        needs: &request.needs,
        no_show_after: chrono::Duration::minutes(i64::from(request.no_show_minutes)),
    }
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
        result.map_err(|e| {
            tracing::warn!("the shared bookings could not be used: {e}");
            self.failed_at = Some(Instant::now());
            if matches!(e, LedgerError::Unreachable { .. })
                || matches!(&self.ledger, Some(Ledger::Central(room)) if room.is_closed())
            {
                self.ledger = None;
            }
            e.said(self.language)
        })
    }

    /// The clock's time, or why it cannot be trusted (for the status bar).
    fn now(&self) -> Result<chrono::DateTime<Utc>, String> {
        crate::clock::now().map_err(|e| crate::text::errors::clock(self.language, &e))
    }

    /// Carries out one of the [`shared`] effects and says how it went; `None` for any other.
    pub fn apply(&mut self, effect: Effect) -> Option<Action> {
        match effect {
            Effect::LoadBookingTaken { from, to } => Some(
                self.with_ledger(|ledger| ledger.taken_between(from, to))
                    .map_or_else(Action::StoreFailed, Action::BookingTaken),
            ),
            Effect::Book(request) => {
                let now = match self.now() {
                    Ok(now) => now,
                    Err(message) => return Some(Action::StoreFailed(message)),
                };
                let new = new_booking(&request);
                Some(match self.with_ledger(|ledger| ledger.book(&new, now)) {
                    Ok(Booked::Made(booking)) => Action::BookingMade(booking),
                    Ok(Booked::Full) => Action::BookingFull,
                    Err(message) => Action::StoreFailed(message),
                })
            }
            Effect::CancelBooking(reference) => {
                let now = match self.now() {
                    Ok(now) => now,
                    Err(message) => return Some(Action::StoreFailed(message)),
                };
                Some(
                    match self.with_ledger(|ledger| ledger.cancel(&reference, now)) {
                        Ok(Change::Done(booking)) => Action::BookingCancelled(booking),
                        Ok(Change::NotFound) => Action::BookingNotCancelled {
                            reference,
                            state: None,
                        },
                        Ok(Change::Refused(state)) => Action::BookingNotCancelled {
                            reference,
                            state: Some(state),
                        },
                        Err(message) => Action::StoreFailed(message),
                    },
                )
            }
            Effect::LoadWaiting { day, now, force } => {
                let quiet = self
                    .failed_at
                    .is_some_and(|at| at.elapsed() < QUIET_AFTER_FAILURE);
                if !force && quiet {
                    return None;
                }
                let read = self.with_ledger(|ledger| {
                    ledger.mark_no_shows(now)?;
                    Ok(WaitingDay {
                        day,
                        bookings: ledger.bookings_on(day)?,
                        tickets: ledger.tickets_on(day)?,
                    })
                });
                match read {
                    Ok(read) => {
                        self.failed_at = None;
                        let unchanged = self.told.as_ref() == Some(&read);
                        self.told = Some(read.clone());
                        (force || !unchanged).then_some(Action::WaitingLoaded(read))
                    }
                    // Asked every second: a server that cannot be reached is said on a key.
                    Err(message) if force => Some(Action::StoreFailed(message)),
                    Err(_) => None,
                }
            }
            Effect::Arrive {
                reference,
                letter,
                now,
            } => Some(
                self.with_ledger(|ledger| ledger.arrive(&reference, letter, now))
                    .map_or_else(Action::StoreFailed, Action::WaitingArrived),
            ),
            Effect::AddTicket {
                service,
                letter,
                now,
            } => Some(
                self.with_ledger(|ledger| ledger.add_ticket(&service, letter, now))
                    .map_or_else(Action::StoreFailed, Action::TicketGiven),
            ),
            Effect::CallNext { service, desk, now } => Some(
                self.with_ledger(|ledger| ledger.call_next(service.as_deref(), &desk, now))
                    .map_or_else(Action::StoreFailed, Action::TicketCalled),
            ),
            Effect::MarkSeen { ticket, desk, now } => Some(
                self.with_ledger(|ledger| {
                    Ok(ledger
                        .ticket_seen(&ticket, &desk, now)?
                        .map(|(ticket, _)| ticket))
                })
                .map_or_else(Action::StoreFailed, Action::TicketSeen),
            ),
            _ => None,
        }
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
