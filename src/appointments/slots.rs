//! The slots an offer gives on a day, and which of them are free: a pure function of the
//! catalogue, the day, the time now and how many bookings each slot already has.
//!
//! Rules: a slot starts every `slot_minutes` from `opens` and ends by `closes`; there is none
//! on the offer's or the place's closed dates, on bank holidays (unless the offer says it goes
//! on), before now, or beyond the booking horizon; a slot whose local time does not exist (the
//! hour skipped when the clocks go forward) is left out; each takes `capacity` bookings.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};

use super::london;
use crate::catalogue::hours;
use crate::catalogue::places::{AppointmentOffer, Appointments};

/// One slot of one offer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Slot {
    pub service: String,
    pub place: String,
    /// The local (UK) time it starts, written `YYYY-MM-DDTHH:MM`.
    #[serde(serialize_with = "write_local")]
    pub at: NaiveDateTime,
    /// How many more residents it can take.
    pub free: u32,
    #[serde(skip)]
    pub capacity: u32,
    #[serde(skip)]
    pub minutes: u32,
    /// The instant it starts.
    #[serde(skip)]
    pub starts: DateTime<Utc>,
}

/// The written form of a slot's time: `2027-01-12T09:30`.
pub const AT_FORMAT: &str = "%Y-%m-%dT%H:%M";

fn write_local<S: serde::Serializer>(at: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&at.format(AT_FORMAT).to_string())
}

/// Reads `YYYY-MM-DDTHH:MM` (a space may stand for the T).
pub fn parse_at(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim().replacen(' ', "T", 1);
    NaiveDateTime::parse_from_str(&text, AT_FORMAT).ok()
}

/// Bookings already held, by service, place and start instant (milliseconds since 1970).
pub type Taken = HashMap<(String, String, i64), u32>;

/// Why an offer has no slots on a day, when it has none at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSlots {
    Past,
    BeyondHorizon,
    ClosedDate,
    BankHoliday,
    NotThatDay,
}

/// The offer's hours that are well formed (`check` reports the others).
fn sessions(offer: &AppointmentOffer) -> impl Iterator<Item = hours::Session> + '_ {
    offer
        .hours
        .iter()
        .filter_map(|times| hours::parse_session(times).ok())
}

/// Whether this offer takes bookings on `day` at all, seen from `today`.
pub fn day_rule(
    offer: &AppointmentOffer,
    appointments: &Appointments,
    day: NaiveDate,
    today: NaiveDate,
) -> Result<(), NoSlots> {
    if day < today {
        return Err(NoSlots::Past);
    }
    if (day - today).num_days() > i64::from(offer.horizon_days) {
        return Err(NoSlots::BeyondHorizon);
    }
    let place_closed = appointments
        .place(&offer.place)
        .is_some_and(|p| p.closed.iter().any(|c| c.0 == day));
    if place_closed || offer.closed.iter().any(|c| c.0 == day) {
        return Err(NoSlots::ClosedDate);
    }
    if !offer.open_on_bank_holidays && appointments.is_bank_holiday(day) {
        return Err(NoSlots::BankHoliday);
    }
    let weekday = day.weekday();
    if !sessions(offer).any(|s| s.days.contains(weekday)) {
        return Err(NoSlots::NotThatDay);
    }
    Ok(())
}

/// The slots of one offer on one day that start after `now`, with how many places each has
/// left.
pub fn of_offer(
    offer: &AppointmentOffer,
    appointments: &Appointments,
    day: NaiveDate,
    now: DateTime<Utc>,
    taken: &Taken,
) -> Vec<Slot> {
    if day_rule(offer, appointments, day, london::today(now)).is_err() {
        return Vec::new();
    }
    let weekday = day.weekday();
    let step = offer.slot_minutes.max(1);
    let mut slots = Vec::new();
    for session in sessions(offer).filter(|s| s.days.contains(weekday)) {
        let mut start = session.opens.minutes();
        while start + step <= session.closes.minutes() {
            let local = day.and_time(chrono::NaiveTime::MIN) + Duration::minutes(i64::from(start));
            start += step;
            let Some(starts) = london::instant(local) else {
                continue;
            };
            if starts <= now {
                continue;
            }
            let key = (
                offer.service.clone(),
                offer.place.clone(),
                starts.timestamp_millis(),
            );
            let booked = taken.get(&key).copied().unwrap_or(0);
            slots.push(Slot {
                service: offer.service.clone(),
                place: offer.place.clone(),
                at: local,
                free: offer.capacity.saturating_sub(booked),
                capacity: offer.capacity,
                minutes: offer.slot_minutes,
                starts,
            });
        }
    }
    slots.sort_by_key(|s| s.starts);
    slots.dedup_by_key(|s| s.starts);
    slots
}

/// Every slot of the offers chosen on `day`, in time order, then by service and place.
pub fn on_day(
    appointments: &Appointments,
    service: Option<&str>,
    place: Option<&str>,
    day: NaiveDate,
    now: DateTime<Utc>,
    taken: &Taken,
) -> Vec<Slot> {
    let mut slots: Vec<Slot> = appointments
        .offers_of(service, place)
        .flat_map(|offer| of_offer(offer, appointments, day, now, taken))
        .collect();
    slots.sort_by(|a, b| (a.starts, &a.service, &a.place).cmp(&(b.starts, &b.service, &b.place)));
    slots
}

/// The first slot with a place left, today first, within each offer's horizon.
pub fn next_free(
    appointments: &Appointments,
    service: Option<&str>,
    place: Option<&str>,
    now: DateTime<Utc>,
    taken: &Taken,
) -> Option<Slot> {
    next_free_for(appointments, service, place, now, taken, false)
}

/// The slot that follows `slot` at its place on the same day, starting as it ends: the second
/// half of a longer slot ([`super::Need::LongerSlot`] takes two consecutive slots, both free).
/// `None` when the day has no such slot (the last slot of a session, or its time has passed).
pub fn following(
    offer: &AppointmentOffer,
    appointments: &Appointments,
    slot: &Slot,
    now: DateTime<Utc>,
    taken: &Taken,
) -> Option<Slot> {
    let next = slot.at + Duration::minutes(i64::from(slot.minutes));
    of_offer(offer, appointments, slot.at.date(), now, taken)
        .into_iter()
        .find(|s| s.at == next)
}

/// Whether `slot` has a place for a booking: for a longer slot, the slot that follows it
/// ([`following`]) has one too.
pub fn bookable(
    offer: &AppointmentOffer,
    appointments: &Appointments,
    slot: &Slot,
    longer: bool,
    now: DateTime<Utc>,
    taken: &Taken,
) -> bool {
    slot.free > 0
        && (!longer
            || following(offer, appointments, slot, now, taken).is_some_and(|next| next.free > 0))
}

/// The first slot with a place left (and, for a `longer` slot, a place in the slot after it),
/// today first, within each offer's horizon.
pub fn next_free_for(
    appointments: &Appointments,
    service: Option<&str>,
    place: Option<&str>,
    now: DateTime<Utc>,
    taken: &Taken,
    longer: bool,
) -> Option<Slot> {
    let today = london::today(now);
    let furthest = appointments
        .offers_of(service, place)
        .map(|o| o.horizon_days)
        .max()?;
    (0..=i64::from(furthest))
        .filter_map(|ahead| today.checked_add_signed(Duration::days(ahead)))
        .find_map(|day| {
            on_day(appointments, service, place, day, now, taken)
                .into_iter()
                .find(|s| {
                    appointments
                        .offers_of(Some(&s.service), Some(&s.place))
                        .next()
                        .is_some_and(|offer| bookable(offer, appointments, s, longer, now, taken))
                })
        })
}

/// The slot of an offer starting at `at` (local time), when there is one: the same rules as
/// the list of slots.
pub fn find(
    offer: &AppointmentOffer,
    appointments: &Appointments,
    at: NaiveDateTime,
    now: DateTime<Utc>,
    taken: &Taken,
) -> Result<Slot, NoSlots> {
    let today = london::today(now);
    day_rule(offer, appointments, at.date(), today)?;
    of_offer(offer, appointments, at.date(), now, taken)
        .into_iter()
        .find(|s| s.at == at)
        .ok_or(if london::instant(at).is_some_and(|s| s <= now) {
            NoSlots::Past
        } else {
            NoSlots::NotThatDay
        })
}

/// The nearest slots with a place left, today first, of the offers chosen, within each offer's
/// horizon: at most `most`, in time order.
pub fn nearest_free(
    appointments: &Appointments,
    service: Option<&str>,
    place: Option<&str>,
    now: DateTime<Utc>,
    taken: &Taken,
    most: usize,
) -> Vec<Slot> {
    let today = london::today(now);
    let Some(furthest) = appointments
        .offers_of(service, place)
        .map(|o| o.horizon_days)
        .max()
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for ahead in 0..=i64::from(furthest) {
        let Some(day) = today.checked_add_signed(Duration::days(ahead)) else {
            break;
        };
        found.extend(
            on_day(appointments, service, place, day, now, taken)
                .into_iter()
                .filter(|s| s.free > 0),
        );
        if found.len() >= most {
            break;
        }
    }
    found.truncate(most);
    found
}
