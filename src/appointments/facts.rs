//! Appointments and the waiting room as counts ([`Count`]), the way the report takes every
//! figure: the store hands them over with the visits' counts, and the report makes the
//! figures (kept, no-shows, cancellations, arrivals and the wait) from them, on every face.
//!
//! - [`BOOKINGS`]: `key` the service, `sub` the place and the state (`"town-hall no-show"`).
//! - [`ARRIVALS`]: `key` `appointment` (a ticket given at check-in for a booking) or `walk-in`
//!   (a ticket without one).
//! - [`WAITS`]: a called ticket's wait: `key` the service, `sub` the local hour of arrival and
//!   the seconds waited (`"09 330"`), so the median and the 90th percentile are exact.

use std::collections::BTreeMap;

use super::{Booking, Ticket, london};
use crate::tally::Count;

pub const BOOKINGS: &str = "appointment-bookings";
pub const ARRIVALS: &str = "appointment-arrivals";
pub const WAITS: &str = "appointment-waits";
/// The `key`s of [`ARRIVALS`].
pub const BY_APPOINTMENT: &str = "appointment";
pub const WALK_IN: &str = "walk-in";

/// The counts of these bookings and tickets (none for none).
pub fn counts(bookings: &[Booking], tickets: &[Ticket]) -> Vec<Count> {
    let mut tally: BTreeMap<(&str, String, String), u64> = BTreeMap::new();
    for booking in bookings {
        let sub = format!("{} {}", booking.place, booking.state.code());
        *tally
            .entry((BOOKINGS, booking.service.clone(), sub))
            .or_default() += 1;
    }
    for ticket in tickets {
        let key = if ticket.reference.is_some() {
            BY_APPOINTMENT
        } else {
            WALK_IN
        };
        *tally
            .entry((ARRIVALS, key.to_string(), String::new()))
            .or_default() += 1;
        if let Some(called) = ticket.called_at {
            let seconds = (called - ticket.arrived_at).num_seconds().max(0);
            let hour = london::local(ticket.arrived_at).format("%H");
            *tally
                .entry((WAITS, ticket.service.clone(), format!("{hour} {seconds}")))
                .or_default() += 1;
        }
    }
    tally
        .into_iter()
        .map(|((figure, key, sub), n)| Count {
            figure: figure.to_string(),
            key,
            sub,
            n,
        })
        .collect()
}
