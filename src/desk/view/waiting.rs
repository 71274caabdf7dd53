//! Today's appointments and the waiting list as both faces show them: the bookings found by
//! what was typed (a time or a reference), each with its time, reference, service, place and
//! state; the tickets waiting, longest first, with how long; the ticket given and the one
//! called here. The full screen draws the rows as a table, the accessible mode reads them out.

use chrono::{DateTime, Timelike, Utc};

use crate::appointments::{Booking, Ticket};
use crate::catalogue::Catalogue;
use crate::desk::App;
use crate::desk::navigation::WaitingView;
use crate::text::{self, Language};

/// One booking as both faces list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingRow {
    /// "14:00".
    pub time: String,
    pub reference: String,
    /// The service's title (or the partner's name).
    pub service: String,
    /// The place's name.
    pub place: String,
    /// "booked", "arrived", "no-show" ...
    pub state: &'static str,
    pub ticket: Option<String>,
}

impl BookingRow {
    /// Every piece of text the row holds, for checks that both faces say it.
    pub fn texts(&self) -> Vec<&str> {
        let mut texts = vec![
            self.time.as_str(),
            self.reference.as_str(),
            self.service.as_str(),
            self.place.as_str(),
            self.state,
        ];
        texts.extend(self.ticket.as_deref());
        texts
    }
}

/// One ticket as both faces list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketRow {
    pub ticket: String,
    pub service: String,
    /// Whole minutes waited (so far, or until the call).
    pub minutes: i64,
    /// The desk that called it.
    pub desk: Option<String>,
}

impl TicketRow {
    pub fn texts(&self) -> Vec<&str> {
        let mut texts = vec![self.ticket.as_str(), self.service.as_str()];
        texts.extend(self.desk.as_deref());
        texts
    }
}

/// The whole screen: what both faces show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitingScreen {
    /// What was typed to find a booking.
    pub find: String,
    /// The bookings found (every one of today's when nothing is typed), by time.
    pub bookings: Vec<BookingRow>,
    /// The selected one of `bookings`.
    pub selected: usize,
    /// Said in place of the bookings when none are found: no bookings today, or none match.
    pub no_bookings: Option<String>,
    /// The tickets waiting to be called, longest waiting first.
    pub waiting: Vec<TicketRow>,
    /// "Call next: all services".
    pub call_for: String,
    /// The ticket given here last (a walk-in's or a check-in's), shown large.
    pub given: Option<String>,
    /// The ticket this desk called last, with its service, shown large.
    pub called: Option<TicketRow>,
}

/// A time typed to find a booking: the hours it could mean (2 is 2am or 2pm), and the minute
/// when given. `None` when the text is not a time.
pub fn typed_time(find: &str) -> Option<(Vec<u32>, Option<u32>)> {
    let text: String = find
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (digits, half) = if let Some(rest) = text.strip_suffix("pm") {
        (rest, Some(12))
    } else if let Some(rest) = text.strip_suffix("am") {
        (rest, Some(0))
    } else {
        (text.as_str(), None)
    };
    let (hour, minute): (&str, Option<&str>) = match digits.split_once([':', '.']) {
        Some((h, m)) => (h, Some(m)),
        None if digits.len() >= 3 => {
            let (h, m) = digits.split_at(digits.len() - 2);
            (h, Some(m))
        }
        None => (digits, None),
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let hour = number(hour)?;
    let minute = match minute {
        Some(m) => Some(number(m).filter(|m| *m < 60)?),
        None => None,
    };
    let hours = match half {
        Some(add) if (1..=12).contains(&hour) => vec![hour % 12 + add],
        Some(_) => return None,
        None if hour == 0 || hour >= 12 => vec![hour],
        None => vec![hour, hour + 12],
    };
    hours.iter().all(|h| *h < 24).then_some((hours, minute))
}

/// True when `booking` is one the typed text finds: by its time ("2", "14", "2pm", "14:00")
/// or by the start of its reference ("K7F"); everything when nothing is typed.
pub fn finds(find: &str, booking: &Booking) -> bool {
    let find = find.trim();
    if find.is_empty() {
        return true;
    }
    if let Some((hours, minute)) = typed_time(find)
        && hours.contains(&booking.at.hour())
        && minute.is_none_or(|m| m == booking.at.minute())
    {
        return true;
    }
    let typed: String = find
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    typed.chars().any(|c| c.is_ascii_alphabetic())
        && typed.len() >= 2
        && booking.reference.starts_with(&typed)
}

/// A service's or a partner's name, in `lang` where it has one.
pub fn service_name(catalogue: &Catalogue, id: &str) -> String {
    if let Some(partner) = catalogue.partner(id) {
        return partner.name.clone();
    }
    catalogue.service_title(id).to_string()
}

fn place_name(catalogue: &Catalogue, id: &str, lang: Language) -> String {
    match catalogue.appointments.place(id) {
        Some(place) => match (lang, place.cy.as_ref().and_then(|cy| cy.name.as_ref())) {
            (Language::Welsh, Some(name)) => name.clone(),
            _ => place.name.clone(),
        },
        None => id.to_string(),
    }
}

fn ticket_row(catalogue: &Catalogue, ticket: &Ticket, now: DateTime<Utc>) -> TicketRow {
    TicketRow {
        ticket: ticket.ticket.clone(),
        service: service_name(catalogue, &ticket.service),
        minutes: ticket.waited_minutes(now),
        desk: ticket.desk.clone(),
    }
}

impl App {
    /// Today's bookings the waiting screen's typed text finds, in the order listed.
    pub fn waiting_found(&self, view: &WaitingView) -> Vec<&Booking> {
        self.waiting
            .as_ref()
            .map(|day| {
                day.bookings
                    .iter()
                    .filter(|b| finds(&view.find, b))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The waiting screen as both faces show it.
    pub fn waiting_screen(&self, view: &WaitingView) -> WaitingScreen {
        let lang = self.lang;
        let labels = text::waiting::labels(lang);
        let catalogue = &self.catalogue;
        let now = self.utc_now();
        let found = self.waiting_found(view);
        let bookings: Vec<BookingRow> = found
            .iter()
            .map(|b| BookingRow {
                time: b.at.format("%H:%M").to_string(),
                reference: b.reference.clone(),
                service: service_name(catalogue, &b.service),
                place: place_name(catalogue, &b.place, lang),
                state: text::appointments::state(lang, b.state),
                ticket: b.ticket.clone(),
            })
            .collect();
        let no_bookings = match (bookings.is_empty(), view.find.trim()) {
            (false, _) => None,
            (true, "") => Some(labels.no_bookings.to_string()),
            (true, find) => Some(text::waiting::none_match(lang, find)),
        };
        let waiting = self
            .waiting
            .iter()
            .flat_map(|day| &day.tickets)
            .filter(|t| t.called_at.is_none())
            .map(|t| ticket_row(catalogue, t, now))
            .collect();
        let service = view
            .service
            .as_deref()
            .map_or(labels.all_services.to_string(), |id| {
                service_name(catalogue, id)
            });
        WaitingScreen {
            find: view.find.clone(),
            selected: view.selected.min(bookings.len().saturating_sub(1)),
            bookings,
            no_bookings,
            waiting,
            call_for: format!("{}{service}", labels.call_for),
            given: self.waiting_given.as_ref().map(|t| t.ticket.clone()),
            called: self
                .waiting_called
                .as_ref()
                .map(|t| ticket_row(catalogue, t, now)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_a_receptionist_hears_them() {
        assert_eq!(typed_time("2"), Some((vec![2, 14], None)));
        assert_eq!(typed_time("14"), Some((vec![14], None)));
        assert_eq!(typed_time("2pm"), Some((vec![14], None)));
        assert_eq!(typed_time("2 PM"), Some((vec![14], None)));
        assert_eq!(typed_time("12pm"), Some((vec![12], None)));
        assert_eq!(typed_time("9am"), Some((vec![9], None)));
        assert_eq!(typed_time("14:00"), Some((vec![14], Some(0))));
        assert_eq!(typed_time("2.30pm"), Some((vec![14], Some(30))));
        assert_eq!(typed_time("1430"), Some((vec![14], Some(30))));
        assert_eq!(typed_time("930"), Some((vec![9, 21], Some(30))));
        for not_a_time in ["", "K7FM", "25", "2:75", "13pm", "pm", "12345"] {
            assert_eq!(typed_time(not_a_time), None, "{not_a_time}");
        }
    }
}
