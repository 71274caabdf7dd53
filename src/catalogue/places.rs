//! Where and when appointments happen: the places residents are seen (council offices, hubs,
//! partners' premises), the appointments each service offers at a place, and the bank holidays
//! on which no appointment is offered.
//!
//! ```toml
//! [[place]]
//! id = "council-offices"
//! name = "Council Offices"
//! address = "1 Market Square, Exampleton"
//! accessibility = "Step-free entrance from Market Square. Hearing loop at every desk."
//!
//! [[appointments]]
//! service = "housing-options"
//! place = "council-offices"
//! hours = [{ days = "Monday to Friday", opens = "09:30", closes = "12:30" }]
//! slot_minutes = 30
//! capacity = 2
//! horizon_days = 28
//! closed = [2026-12-24]
//!
//! [bank_holidays]
//! name = "England and Wales"
//! dates = [2026-12-25, 2026-12-28]
//! ```
//!
//! Slot times are local times in the UK (Europe/London), on both sides of a clock change.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::{ClosedDate, OpeningTimes, review_date};

/// A place where residents are seen by appointment.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub name: String,
    /// The address printed on the resident's slip.
    pub address: String,
    /// Access for disabled people: step-free entrance, hearing loop, quiet room.
    #[serde(default)]
    pub accessibility: Option<String>,
    /// Days the place is shut whatever the appointments say.
    #[serde(default)]
    pub closed: Vec<ClosedDate>,
    /// The Welsh of these words.
    #[serde(default)]
    pub cy: Option<PlaceWelsh>,
}

/// The Welsh of a place.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PlaceWelsh {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub accessibility: Option<String>,
}

/// The appointments one service offers at one place.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AppointmentOffer {
    /// The service's id, or a partner's when the partner sees residents itself.
    pub service: String,
    /// The place's id.
    pub place: String,
    /// When appointments start, in the opening-hours syntax: a slot starts every
    /// `slot_minutes` from `opens` and ends by `closes`.
    pub hours: Vec<OpeningTimes>,
    /// How long one appointment is, in minutes (5 to 480).
    pub slot_minutes: u32,
    /// How many residents can be seen at the same time (1 to 100).
    #[serde(default = "one")]
    pub capacity: u32,
    /// How many days ahead a slot can be booked (1 to 366); today is day 0.
    #[serde(default = "four_weeks")]
    pub horizon_days: u32,
    /// Days with no appointments, besides the place's closed days and bank holidays.
    #[serde(default)]
    pub closed: Vec<ClosedDate>,
    /// Appointments go on on bank holidays (they are off by default).
    #[serde(default)]
    pub open_on_bank_holidays: bool,
    /// A booking not checked in this many minutes after its start is a no-show (1 to 240).
    #[serde(default = "quarter_hour")]
    pub no_show_minutes: u32,
    /// The ticket letter of residents waiting for this service (A to Z); by default the first
    /// letter of the service's id.
    #[serde(default)]
    pub ticket_letter: Option<String>,
}

fn one() -> u32 {
    1
}

fn quarter_hour() -> u32 {
    15
}

fn four_weeks() -> u32 {
    28
}

/// `[bank_holidays]`: the days the offices and most partners are shut, published each year at
/// https://www.gov.uk/bank-holidays.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BankHolidays {
    /// Which nation's holidays: "England and Wales".
    pub name: String,
    pub dates: Vec<ClosedDate>,
    #[serde(deserialize_with = "review_date")]
    pub review_by: NaiveDate,
}

/// Where and when appointments happen, gathered from every file of a catalogue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Appointments {
    pub places: Vec<Place>,
    pub offers: Vec<AppointmentOffer>,
    pub bank_holidays: Vec<NaiveDate>,
}

impl Appointments {
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// The offers of a service, at one place or at all.
    pub fn offers_of<'a>(
        &'a self,
        service: Option<&'a str>,
        place: Option<&'a str>,
    ) -> impl Iterator<Item = &'a AppointmentOffer> + 'a {
        self.offers.iter().filter(move |o| {
            service.is_none_or(|s| o.service == s) && place.is_none_or(|p| o.place == p)
        })
    }

    /// The letter of a service's waiting tickets: its offer's (at `place`, when given), or the
    /// first letter of its id.
    pub fn ticket_letter(&self, service: &str, place: Option<&str>) -> char {
        self.offers_of(Some(service), place)
            .next()
            .map(AppointmentOffer::letter)
            .or_else(|| service.chars().find(char::is_ascii_alphabetic))
            .map_or('A', |c| c.to_ascii_uppercase())
    }

    pub fn is_bank_holiday(&self, day: NaiveDate) -> bool {
        self.bank_holidays.binary_search(&day).is_ok()
    }
}

impl AppointmentOffer {
    /// The letter on this service's waiting tickets.
    pub fn letter(&self) -> char {
        self.ticket_letter
            .as_deref()
            .and_then(|l| l.chars().next())
            .or_else(|| self.service.chars().next())
            .map_or('A', |c| c.to_ascii_uppercase())
    }
}
