//! Appointments and the waiting room: where and when a service sees residents by appointment
//! ([`slots`], from the catalogue's places and offers), the bookings made for them, their
//! references ([`reference`]) and needs ([`needs`]), and the tickets of residents waiting to be
//! called. Nothing here names a resident: a booking is a service, a place, a time, a short
//! reference the resident holds and what they need; a ticket is a letter and a number.
//!
//! Pure: the store keeps bookings and tickets ([`crate::store`]'s `bookings`), the commands
//! and the screens put the two together.

pub mod facts;
pub mod london;
pub mod needs;
pub mod reference;
pub mod slots;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;

pub use needs::Need;
pub use slots::Slot;

/// Where a booking has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BookingState {
    Booked,
    /// Checked in at the desk, waiting to be called.
    Arrived,
    /// Called to a desk.
    Called,
    Seen,
    /// Not checked in by the set time after its start.
    NoShow,
    Cancelled,
}

impl BookingState {
    pub const ALL: [BookingState; 6] = [
        BookingState::Booked,
        BookingState::Arrived,
        BookingState::Called,
        BookingState::Seen,
        BookingState::NoShow,
        BookingState::Cancelled,
    ];

    /// The word the log keeps and the commands print: "booked", "no-show" ...
    pub fn code(self) -> &'static str {
        match self {
            BookingState::Booked => "booked",
            BookingState::Arrived => "arrived",
            BookingState::Called => "called",
            BookingState::Seen => "seen",
            BookingState::NoShow => "no-show",
            BookingState::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<BookingState> {
        BookingState::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The resident came: checked in, called or seen.
    pub fn kept(self) -> bool {
        matches!(
            self,
            BookingState::Arrived | BookingState::Called | BookingState::Seen
        )
    }
}

impl Booking {
    /// Whether it takes a longer slot: its own and the one after it ([`Need::LongerSlot`]).
    pub fn longer(&self) -> bool {
        self.needs.contains(&Need::LongerSlot)
    }
}

/// The instants (milliseconds since 1970) of the slots a booking of `minutes` takes: the one it
/// starts in, and for a longer slot ([`Need::LongerSlot`]: two slots, so `minutes` is twice the
/// offer's slot) the next one too, half way through. One definition for booking, counting and
/// listing free places.
pub fn slots_taken(starts_ms: i64, minutes: u32, longer: bool) -> Vec<i64> {
    let mut taken = vec![starts_ms];
    if longer {
        taken.push(starts_ms + i64::from(minutes / 2) * 60_000);
    }
    taken
}

/// One booking, as the log keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Booking {
    pub reference: String,
    pub service: String,
    pub place: String,
    /// The local (UK) time it starts, written `YYYY-MM-DDTHH:MM`.
    #[serde(serialize_with = "local_minutes")]
    pub at: NaiveDateTime,
    pub minutes: u32,
    pub needs: Vec<Need>,
    pub state: BookingState,
    #[serde(skip)]
    pub starts: DateTime<Utc>,
    pub booked_at: DateTime<Utc>,
    pub arrived_at: Option<DateTime<Utc>>,
    pub called_at: Option<DateTime<Utc>>,
    /// When an officer marked the resident seen.
    pub seen_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    /// The ticket the resident was given at check-in.
    pub ticket: Option<String>,
}

fn local_minutes<S: serde::Serializer>(at: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&at.format(slots::AT_FORMAT).to_string())
}

/// What came of checking in or cancelling a booking.
#[derive(Debug, Clone, PartialEq)]
pub enum Change<T> {
    Done(T),
    NotFound,
    /// The booking is in a state that does not allow it.
    Refused(BookingState),
}

/// The bookings and the tickets of one local day, as the desk's waiting screen shows them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WaitingDay {
    pub day: chrono::NaiveDate,
    pub bookings: Vec<Booking>,
    pub tickets: Vec<Ticket>,
}

/// A resident waiting to be called: a letter and a number, for a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ticket {
    pub ticket: String,
    pub service: String,
    /// The booking, when the resident came by appointment.
    pub reference: Option<String>,
    pub arrived_at: DateTime<Utc>,
    pub called_at: Option<DateTime<Utc>>,
    /// The desk that called it.
    pub desk: Option<String>,
    /// When the officer who called it marked the resident seen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seen_at: Option<DateTime<Utc>>,
}

impl Ticket {
    /// How long the resident waited (or has waited so far), in whole minutes.
    pub fn waited_minutes(&self, now: DateTime<Utc>) -> i64 {
        (self.called_at.unwrap_or(now) - self.arrived_at)
            .num_minutes()
            .max(0)
    }

    /// How long the resident waited to be called (or has waited so far), in seconds.
    pub fn waited_seconds(&self, now: DateTime<Utc>) -> i64 {
        (self.called_at.unwrap_or(now) - self.arrived_at)
            .num_seconds()
            .max(0)
    }
}
