//! Where bookings and the waiting list are kept, behind one interface for the commands, the
//! waiting-room display and the desk's workers: the data folder's visit log ([`Ledger::Local`],
//! shared by the desks using that folder), or the central server ([`Ledger::Central`], shared by
//! the desks of one site, with notifications), chosen by the config (`share_appointments = true`
//! with `server`).
//!
//! A desk set to share never falls back to its own file: a booking made there would be one the
//! other desks cannot see, so when the server cannot be reached the command says so and changes
//! nothing.

use chrono::{DateTime, NaiveDate, Utc};

use crate::appointments::WaitingDay;
use crate::appointments::slots::Taken;
use crate::appointments::{Booking, Ticket};
use crate::central::rooms::Room;
pub use crate::central::rooms::{Heard, Listener};
use crate::central::{CentralError, Trouble};
use crate::config::Settings;
use crate::store::bookings::{Booked, Change, NewBooking};
use crate::store::{StoreError, VisitLog};

/// Why the ledger could not be used: one sentence.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error(
        "the shared bookings and waiting list are on the server {server}, which cannot be reached ({reason}), so nothing was booked, checked in or called; try again when it answers"
    )]
    Unreachable {
        server: String,
        reason: String,
        trouble: Trouble,
    },
    #[error("{0}")]
    Central(CentralError),
}

impl From<CentralError> for LedgerError {
    fn from(error: CentralError) -> LedgerError {
        match error {
            CentralError::Connect {
                server,
                reason,
                trouble,
            } => LedgerError::Unreachable {
                server,
                reason,
                trouble,
            },
            CentralError::TimedOut { server, seconds } => LedgerError::Unreachable {
                server,
                reason: format!("no answer within {seconds} seconds"),
                trouble: Trouble::Other,
            },
            other => LedgerError::Central(other),
        }
    }
}

impl LedgerError {
    /// The same in one sentence in `lang`, as the desk's booking and waiting screens say it.
    pub fn said(&self, lang: crate::text::Language) -> String {
        use crate::text::errors;
        match self {
            LedgerError::Store(error) => errors::store(lang, error),
            // Nothing answers (or it is not known why): try again when it does.
            LedgerError::Unreachable {
                server,
                reason,
                trouble: Trouble::NothingListening | Trouble::Other,
            } => errors::shared_unreachable(lang, server, reason),
            // A setting or a grant to put right first: the sentence says which.
            LedgerError::Unreachable {
                server,
                reason,
                trouble,
            } => errors::shared_cannot_connect(
                lang,
                &crate::central_said::cannot_connect(lang, server, reason, *trouble),
            ),
            LedgerError::Central(error) => errors::shared_refused(lang, &error.to_string()),
        }
    }
}

/// The bookings and waiting list this desk uses.
#[derive(Debug)]
pub enum Ledger {
    /// The data folder's visit log (opened when first needed, reopened after a failure).
    Local(VisitLog),
    /// The central server, shared by the desks of this desk's site.
    Central(Room),
}

/// How the display learns of a change made on another desk.
pub enum Changes {
    /// SQLite's `data_version`, polled.
    Local,
    /// The server's notifications on the site's channel (polling only while they are lost).
    Central(Listener),
}

impl Ledger {
    /// The ledger the settings choose, without marking no-shows.
    pub fn open_plain(settings: &Settings) -> Result<Ledger, LedgerError> {
        match (&settings.server, settings.share_appointments) {
            (Some(server), true) => Ok(Ledger::Central(Room::connect(server)?)),
            _ => Ok(Ledger::Local(VisitLog::for_commands(
                settings.visits_file(),
            ))),
        }
    }

    /// The ledger the settings choose, with bookings past their time marked as no-shows.
    pub fn open(settings: &Settings, now: DateTime<Utc>) -> Result<Ledger, LedgerError> {
        let mut ledger = Ledger::open_plain(settings)?;
        ledger.mark_no_shows(now)?;
        Ok(ledger)
    }

    /// True when the bookings are shared through the central server.
    pub fn is_central(&self) -> bool {
        matches!(self, Ledger::Central(_))
    }

    /// How the display hears of changes (a listener of its own for the central ledger).
    pub fn changes(&self, settings: &Settings) -> Changes {
        match (self, &settings.server) {
            (Ledger::Central(_), Some(server)) => Changes::Central(Listener::start(server)),
            _ => Changes::Local,
        }
    }

    /// A number that changes when another connection changed the local log (the local
    /// ledger only; `None` for the central one, which notifies instead).
    pub fn data_version(&mut self) -> Option<i64> {
        match self {
            Ledger::Local(log) => log.data_version().ok(),
            Ledger::Central(_) => None,
        }
    }

    pub fn book(
        &mut self,
        new: &NewBooking<'_>,
        now: DateTime<Utc>,
    ) -> Result<Booked, LedgerError> {
        Ok(match self {
            Ledger::Local(log) => log.write(|store| store.book(new, now))?,
            Ledger::Central(room) => room.book(new, now)?,
        })
    }

    pub fn taken_between(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Taken, LedgerError> {
        Ok(match self {
            Ledger::Local(log) => log.taken_between(from, to)?,
            Ledger::Central(room) => room.taken_between(from, to)?,
        })
    }

    pub fn bookings_on(&mut self, day: NaiveDate) -> Result<Vec<Booking>, LedgerError> {
        Ok(match self {
            Ledger::Local(log) => log.read(|store| store.bookings_on(day))?,
            Ledger::Central(room) => room.bookings_on(day)?,
        })
    }

    pub fn booking(&mut self, reference: &str) -> Result<Option<Booking>, LedgerError> {
        Ok(match self {
            Ledger::Local(log) => log.read(|store| store.booking(reference))?,
            Ledger::Central(room) => room.booking(reference)?,
        })
    }

    pub fn mark_no_shows(&mut self, now: DateTime<Utc>) -> Result<usize, LedgerError> {
        Ok(match self {
            Ledger::Local(log) => log.write(|store| store.mark_no_shows(now))?,
            Ledger::Central(room) => room.mark_no_shows(now)?,
        })
    }

    pub fn arrive(
        &mut self,
        reference: &str,
        letter: char,
        now: DateTime<Utc>,
    ) -> Result<Change<(Booking, Ticket)>, LedgerError> {
        Ok(match self {
            Ledger::Local(log) => log.write(|store| store.arrive(reference, letter, now))?,
            Ledger::Central(room) => room.arrive(reference, letter, now)?,
        })
    }

    pub fn cancel(
        &mut self,
        reference: &str,
        now: DateTime<Utc>,
    ) -> Result<Change<Booking>, LedgerError> {
        Ok(match self {
            Ledger::Local(log) => log.write(|store| store.cancel(reference, now))?,
            Ledger::Central(room) => room.cancel(reference, now)?,
        })
    }

    /// Marks the resident of a booking seen at `desk` (checked in first).
    pub fn seen(
        &mut self,
        reference: &str,
        desk: &str,
        now: DateTime<Utc>,
    ) -> Result<Change<Booking>, LedgerError> {
        Ok(match self {
            Ledger::Local(log) => log.write(|store| store.seen(reference, desk, now))?,
            Ledger::Central(room) => room.seen(reference, desk, now)?,
        })
    }

    /// Marks today's ticket seen at `desk`, with the booking it came from.
    pub fn ticket_seen(
        &mut self,
        ticket: &str,
        desk: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(Ticket, Option<Booking>)>, LedgerError> {
        Ok(match self {
            Ledger::Local(log) => log.write(|store| store.ticket_seen(ticket, desk, now))?,
            Ledger::Central(room) => room.ticket_seen(ticket, desk, now)?,
        })
    }

    pub fn add_ticket(
        &mut self,
        service: &str,
        letter: char,
        now: DateTime<Utc>,
    ) -> Result<Ticket, LedgerError> {
        Ok(match self {
            Ledger::Local(log) => log.write(|store| store.add_ticket(service, letter, now))?,
            Ledger::Central(room) => room.add_ticket(service, letter, now)?,
        })
    }

    pub fn call_next(
        &mut self,
        service: Option<&str>,
        desk: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Ticket>, LedgerError> {
        Ok(match self {
            Ledger::Local(log) => log.write(|store| store.call_next(service, desk, now))?,
            Ledger::Central(room) => room.call_next(service, desk, now)?,
        })
    }

    /// A local day's bookings and tickets, bookings past their time marked no-shows first.
    pub fn waiting_day(
        &mut self,
        day: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<WaitingDay, LedgerError> {
        match self {
            Ledger::Local(log) => Ok(log.waiting_day(day, now)?.1),
            Ledger::Central(room) => {
                room.mark_no_shows(now)?;
                Ok(WaitingDay {
                    day,
                    bookings: room.bookings_on(day)?,
                    tickets: room.tickets_on(day)?,
                })
            }
        }
    }

    pub fn tickets_on(&mut self, day: NaiveDate) -> Result<Vec<Ticket>, LedgerError> {
        Ok(match self {
            Ledger::Local(log) => log.read(|store| store.tickets_on(day))?,
            Ledger::Central(room) => room.tickets_on(day)?,
        })
    }
}
