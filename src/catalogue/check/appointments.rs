//! Places, the appointments services offer at them, and the bank holidays: each value on its
//! own as it is read, and each offer's service and place once every file is read.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeValue, ValueDeserializer};

use super::raw::Raw;
use super::references::{OfferSeen, Section};
use super::{Checker, Site, fields};
use crate::catalogue::hours;
use crate::catalogue::places::{AppointmentOffer, BankHolidays, Place};
use crate::catalogue::quoted;

/// The shortest and longest appointment, in minutes.
pub const SLOT_MINUTES: (u32, u32) = (5, 480);
/// The most residents one slot can take.
pub const CAPACITY_MAX: u32 = 100;
/// The furthest ahead a slot can be booked, in days.
pub const HORIZON_MAX: u32 = 366;

pub(super) fn place(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, place: &Place) {
    fields::title(checker, raw, "name", &place.name, "the place's name");
    fields::not_blank(
        checker,
        raw,
        "address",
        &place.address,
        "the address residents go to, as printed on their slip",
    );
    closed(checker, raw, &place.closed);
}

pub(super) fn offer(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, offer: &AppointmentOffer) {
    checker.ledger.appointments.offers.push(OfferSeen {
        service: (offer.service.clone(), raw.field("service")),
        place: (offer.place.clone(), raw.field("place")),
    });
    let what = format!(
        "the appointments of {} at {}",
        quoted(&offer.service),
        quoted(&offer.place)
    );
    if offer.hours.is_empty() {
        checker.error(
            &raw.field("hours"),
            format!(
                "{what} have no hours; write when slots start, e.g. hours = [{{ days = \"Monday to Friday\", opens = \"09:30\", closes = \"12:30\" }}]"
            ),
        );
    }
    let (shortest, longest) = SLOT_MINUTES;
    if !(shortest..=longest).contains(&offer.slot_minutes) {
        checker.error(
            &raw.field("slot_minutes"),
            format!(
                "slot_minutes {} is not from {shortest} to {longest}; give the length of one appointment in minutes, e.g. 30",
                offer.slot_minutes
            ),
        );
    }
    if !(1..=CAPACITY_MAX).contains(&offer.capacity) {
        checker.error(
            &raw.field("capacity"),
            format!(
                "capacity {} is not from 1 to {CAPACITY_MAX}; give how many residents can be seen at the same time, e.g. 1",
                offer.capacity
            ),
        );
    }
    if !(1..=HORIZON_MAX).contains(&offer.horizon_days) {
        checker.error(
            &raw.field("horizon_days"),
            format!(
                "horizon_days {} is not from 1 to {HORIZON_MAX}; give how many days ahead a slot can be booked, e.g. 28",
                offer.horizon_days
            ),
        );
    }
    if !(1..=240).contains(&offer.no_show_minutes) {
        checker.error(
            &raw.field("no_show_minutes"),
            format!(
                "no_show_minutes {} is not from 1 to 240; give how many minutes after its start a booking not checked in is a no-show, e.g. 15",
                offer.no_show_minutes
            ),
        );
    }
    if let Some(letter) = &offer.ticket_letter {
        let mut chars = letter.chars();
        let one =
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_alphabetic());
        if !one {
            checker.error(
                &raw.field("ticket_letter"),
                format!(
                    "ticket_letter {} is not one letter A to Z; give the letter on this service's waiting tickets, e.g. \"H\"",
                    quoted(letter)
                ),
            );
        }
    }
    for (times, times_raw) in offer.hours.iter().zip(raw.tables("hours")) {
        match hours::parse_session(times) {
            Err(errors) => {
                for error in errors {
                    checker.error(&times_raw.field(error.field.key()), error.message);
                }
            }
            Ok(session) => {
                let length = session
                    .closes
                    .minutes()
                    .saturating_sub(session.opens.minutes());
                if length < offer.slot_minutes && (shortest..=longest).contains(&offer.slot_minutes)
                {
                    checker.warning(
                        &times_raw.site(),
                        format!(
                            "{what}: no {}-minute slot fits between {} and {}; widen the hours or shorten slot_minutes",
                            offer.slot_minutes, times.opens, times.closes
                        ),
                    );
                }
            }
        }
    }
    closed(checker, raw, &offer.closed);
}

/// `[bank_holidays]`: one table of dates.
pub(super) fn bank_holidays(
    checker: &mut Checker<'_>,
    index: usize,
    key_site: &Site,
    value: &Spanned<DeValue<'_>>,
) {
    let DeValue::Table(table) = value.get_ref() else {
        checker.error(
            key_site,
            "bank_holidays must be one [bank_holidays] table with name, dates and review_by"
                .to_string(),
        );
        checker.broken[index] = true;
        return;
    };
    let raw = Raw::new(index, table, value.span());
    match BankHolidays::deserialize(ValueDeserializer::from(value.clone())) {
        Ok(holidays) => {
            fields::not_blank(
                checker,
                &raw,
                "name",
                &holidays.name,
                "whose bank holidays these are, e.g. \"England and Wales\"",
            );
            let mut seen = BTreeSet::new();
            for (date, site) in holidays.dates.iter().zip(raw.items("dates")) {
                if !seen.insert(*date) {
                    checker.warning(
                        &site,
                        format!("bank holiday {} is listed twice; remove one", date.0),
                    );
                }
            }
            fields::review_by(checker, &raw, holidays.review_by);
        }
        Err(error) => super::shape::shape_error(checker, &raw, Section::BankHolidays, &error),
    }
}

fn closed(
    checker: &mut Checker<'_>,
    raw: &Raw<'_, '_>,
    dates: &[crate::catalogue::model::ClosedDate],
) {
    let mut seen = BTreeSet::new();
    for (date, site) in dates.iter().zip(raw.items("closed")) {
        if !seen.insert(*date) {
            checker.warning(
                &site,
                format!("closed date {} is listed twice; remove one", date.0),
            );
        }
    }
}

/// Duplicate place ids, and each offer's service and place, once every file is read.
pub(super) fn check(checker: &mut Checker<'_>) {
    let seen = std::mem::take(&mut checker.ledger.appointments);
    let mut first: HashMap<&str, &Site> = HashMap::new();
    let mut places: Vec<&(String, Site)> = seen.places.iter().collect();
    places.sort_by_key(|(_, site)| (site.file, site.span.start));
    for (id, site) in places {
        match first.get(id.as_str()) {
            Some(earlier) => {
                let message = format!(
                    "place id {} is already used by the place at {}; give each place its own id",
                    quoted(id),
                    checker.location(earlier)
                );
                checker.error(site, message);
            }
            None => {
                first.insert(id, site);
            }
        }
    }
    let services: HashSet<String> = checker
        .ledger
        .declared
        .iter()
        .filter(|d| matches!(d.section, Section::Service | Section::Partner))
        .map(|d| d.id.clone())
        .collect();
    let any_broken = checker.broken.iter().any(|b| *b);
    let mut pairs: HashMap<(&str, &str), &Site> = HashMap::new();
    for offer in &seen.offers {
        let (service, service_site) = &offer.service;
        let (place, place_site) = &offer.place;
        if !services.contains(service) && !any_broken {
            checker.error(
                service_site,
                format!(
                    "service {} is not the id of any service or partner; an [[appointments]] offer names the service (or partner) residents are seen by",
                    quoted(service)
                ),
            );
        }
        if !first.contains_key(place.as_str()) && !any_broken {
            let known: Vec<&str> = first.keys().copied().collect();
            let hint = match super::formats::closest(place, known.iter().copied()) {
                Some(near) => format!("; did you mean {}?", quoted(near)),
                None => "; add a [[place]] with this id".to_string(),
            };
            checker.error(
                place_site,
                format!("place {} is not the id of any place{hint}", quoted(place)),
            );
        }
        if let Some(earlier) = pairs.insert((service.as_str(), place.as_str()), service_site) {
            let message = format!(
                "service {} already has appointments at {} (at {}); give each service one [[appointments]] offer per place",
                quoted(service),
                quoted(place),
                checker.location(earlier)
            );
            checker.error(service_site, message);
        }
    }
}
