//! The booking and waiting screens' effects turned into actions, once for both places they are
//! kept: the desk's own visit log (the store worker) and the server's ledger (the room
//! worker). Each worker lends its [`Ledger`] through [`Keeper`]; [`apply`] does the rest.

use chrono::{DateTime, Utc};

use crate::appointments::WaitingDay;
use crate::desk::{Action, BookingRequest, Effect};
use crate::ledger::{Ledger, LedgerError};
use crate::store::bookings::{Booked, Change, NewBooking};
use crate::text::Language;

/// True for the effects [`apply`] carries out: the booking and waiting screens'.
pub fn is_ledger_effect(effect: &Effect) -> bool {
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

/// A worker that keeps bookings and the waiting list in a [`Ledger`].
pub trait Keeper {
    /// Runs `work` on the ledger; a failure comes back as a sentence for the status bar.
    fn with_ledger<T>(
        &mut self,
        work: impl FnOnce(&mut Ledger) -> Result<T, LedgerError>,
    ) -> Result<T, String>;

    /// The desk's language, for the sentences said here.
    fn language(&self) -> Language;

    /// True while the waiting screen's regular question should not be asked (a server that
    /// just failed is left alone for a while); a receptionist's own request always goes.
    fn quiet(&self) -> bool {
        false
    }

    /// What the waiting screen was last told: the same again needs no answer.
    fn told(&mut self) -> &mut Option<WaitingDay>;
}

/// The booking a desk's request asks for.
pub fn new_booking(request: &BookingRequest) -> NewBooking<'_> {
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

/// The clock's time, or why it cannot be trusted (for the status bar).
fn now(lang: Language) -> Result<DateTime<Utc>, String> {
    crate::clock::now().map_err(|e| crate::text::errors::clock(lang, &e))
}

/// Carries out one of the booking and waiting screens' effects on `keeper`'s ledger and says
/// how it went; `None` for any other effect, and for a regular question with nothing new.
pub fn apply(keeper: &mut impl Keeper, effect: Effect) -> Option<Action> {
    let lang = keeper.language();
    let answer = match effect {
        Effect::LoadBookingTaken { from, to } => keeper
            .with_ledger(|ledger| ledger.taken_between(from, to))
            .map_or_else(Action::StoreFailed, Action::BookingTaken),
        Effect::Book(request) => {
            let new = new_booking(&request);
            match now(lang).and_then(|now| keeper.with_ledger(|ledger| ledger.book(&new, now))) {
                Ok(Booked::Made(booking)) => Action::BookingMade(booking),
                Ok(Booked::Full) => Action::BookingFull,
                Err(message) => Action::StoreFailed(message),
            }
        }
        Effect::CancelBooking(reference) => {
            let cancelled = now(lang)
                .and_then(|now| keeper.with_ledger(|ledger| ledger.cancel(&reference, now)));
            match cancelled {
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
            }
        }
        Effect::LoadWaiting { day, now, force } => {
            if !force && keeper.quiet() {
                return None;
            }
            return match keeper.with_ledger(|ledger| ledger.waiting_day(day, now)) {
                Ok(read) => {
                    let told = keeper.told();
                    let unchanged = told.as_ref() == Some(&read);
                    *told = Some(read.clone());
                    (force || !unchanged).then_some(Action::WaitingLoaded(read))
                }
                // Asked every second: a list that cannot be read now is said on a key.
                Err(message) if force => Some(Action::StoreFailed(message)),
                Err(message) => {
                    tracing::warn!("cannot read today's bookings: {message}");
                    None
                }
            };
        }
        Effect::Arrive {
            reference,
            letter,
            now,
        } => keeper
            .with_ledger(|ledger| ledger.arrive(&reference, letter, now))
            .map_or_else(Action::StoreFailed, Action::WaitingArrived),
        Effect::AddTicket {
            service,
            letter,
            now,
        } => keeper
            .with_ledger(|ledger| ledger.add_ticket(&service, letter, now))
            .map_or_else(Action::StoreFailed, Action::TicketGiven),
        Effect::CallNext { service, desk, now } => keeper
            .with_ledger(|ledger| ledger.call_next(service.as_deref(), &desk, now))
            .map_or_else(Action::StoreFailed, Action::TicketCalled),
        Effect::MarkSeen { ticket, desk, now } => keeper
            .with_ledger(|ledger| {
                Ok(ledger
                    .ticket_seen(&ticket, &desk, now)?
                    .map(|(ticket, _)| ticket))
            })
            .map_or_else(Action::StoreFailed, Action::TicketSeen),
        _ => return None,
    };
    Some(answer)
}
