//! Today's appointments and the waiting list at the desk: a booking found by a time or a
//! reference typed and checked in with one key; a walk-in's ticket; calling the resident who
//! has waited longest (for one service or any) and marking them seen. The log is read again at
//! most once a second while the screen is on top (the store worker answers only when another
//! desk changed the file or a booking became a no-show), and at once after each change here.
//! The wait of the resident this desk calls goes on the next visit it logs.

use chrono::{DateTime, Duration, FixedOffset};

use super::App;
use crate::appointments::{Change, Ticket, WaitingDay, london};
use crate::catalogue::Entry;
use crate::desk::action::Effect;
use crate::desk::command::Command;
use crate::desk::navigation::{PAGE, Screen, WaitingView};
use crate::desk::status::Level;
use crate::desk::text_field::{self, Change as TextChange};
use crate::desk::view::waiting::service_name;
use crate::text;

/// How often the waiting screen asks the log again while it is on top.
pub const WAITING_EVERY: Duration = Duration::seconds(1);

/// The most a find box holds.
const FIND_MAX_CHARS: usize = 40;

impl App {
    /// The waiting screen's view, when it is on top.
    fn waiting_view(&self) -> Option<WaitingView> {
        match self.screen() {
            Screen::Waiting(view) => Some(view.clone()),
            _ => None,
        }
    }

    fn set_waiting_view(&mut self, view: WaitingView) {
        if let Some(top @ Screen::Waiting(_)) = self.screens.last_mut() {
            *top = Screen::Waiting(view);
        }
    }

    /// Today, in the UK, by the app's clock: the day the log keeps bookings and tickets under.
    fn waiting_day(&self) -> chrono::NaiveDate {
        london::today(self.utc_now())
    }

    /// Opens the screen (or asks the log again when it is on top already).
    pub(super) fn open_waiting(&mut self) -> Vec<Effect> {
        if !matches!(self.screen(), Screen::Waiting(_)) {
            self.screens.retain(|s| !matches!(s, Screen::Waiting(_)));
            self.screens.push(Screen::Waiting(WaitingView::default()));
        }
        vec![self.ask_waiting(true)]
    }

    /// The next question to the log for today's bookings and tickets.
    fn ask_waiting(&mut self, force: bool) -> Effect {
        self.waiting_asked_at = Some(self.now);
        Effect::LoadWaiting {
            day: self.waiting_day(),
            now: self.utc_now(),
            force,
        }
    }

    /// On each tick: while the screen is on top, the log is asked again once a second (the
    /// worker answers only when something changed).
    pub(super) fn waiting_if_due(&mut self) -> Vec<Effect> {
        if !matches!(self.screen(), Screen::Waiting(_)) {
            return Vec::new();
        }
        let now = self.now;
        let due = self
            .waiting_asked_at
            .is_none_or(|at: DateTime<FixedOffset>| now - at >= WAITING_EVERY || now < at);
        if due {
            vec![self.ask_waiting(false)]
        } else {
            Vec::new()
        }
    }

    pub(super) fn waiting_loaded(&mut self, day: WaitingDay) -> Vec<Effect> {
        let found_before = self.waiting_view().and_then(|view| {
            self.waiting_found(&view)
                .get(view.selected)
                .map(|b| b.reference.clone())
        });
        self.waiting = Some(day);
        // The selected booking stays selected when the list changes under it.
        if let Some(mut view) = self.waiting_view() {
            let found = self.waiting_found(&view);
            if let Some(at) = found_before.and_then(|r| found.iter().position(|b| b.reference == r))
            {
                view.selected = at;
            }
            view.selected = view.selected.min(found.len().saturating_sub(1));
            self.set_waiting_view(view);
        }
        Vec::new()
    }

    /// The service a walk-in's ticket is for when none is chosen on the screen: the visit's
    /// first service, else the service or partner open under the screen.
    pub fn current_service(&self) -> Option<String> {
        if let Some(first) = self.draft.as_ref().and_then(|d| d.services.first()) {
            return Some(first.clone());
        }
        self.current_entries()
            .into_iter()
            .find_map(|key| match self.catalogue.entry(key)? {
                Entry::Service(s) if !s.is_topic() => Some(s.id.clone()),
                Entry::Partner(p) => Some(p.id.clone()),
                _ => None,
            })
    }

    /// The services the screen's service key steps through, after "all": the one at hand, the
    /// services with appointments, then those of the tickets today.
    fn waiting_services(&self) -> Vec<String> {
        let mut services: Vec<String> = Vec::new();
        let mut add = |id: &str| {
            if !services.iter().any(|s| s == id) {
                services.push(id.to_string());
            }
        };
        if let Some(current) = self.current_service() {
            add(&current);
        }
        for offer in &self.catalogue.appointments.offers {
            add(&offer.service);
        }
        for ticket in self.waiting.iter().flat_map(|d| &d.tickets) {
            add(&ticket.service);
        }
        services
    }

    /// The screen's text was changed (typed, pasted or edited): the list narrows.
    pub(super) fn waiting_text(&mut self, changes: &[TextChange]) -> Vec<Effect> {
        let Some(mut view) = self.waiting_view() else {
            return Vec::new();
        };
        let mut changed = false;
        for change in changes {
            changed |= text_field::apply(&mut view.find, &mut view.cursor, *change, FIND_MAX_CHARS);
        }
        if changed {
            view.selected = 0;
            self.set_waiting_view(view);
        }
        Vec::new()
    }

    /// A face that types the service for a call or a ticket (the accessible mode) sets it.
    pub(super) fn waiting_for(&mut self, service: Option<String>) -> Vec<Effect> {
        if let Some(mut view) = self.waiting_view() {
            view.service = service;
            self.set_waiting_view(view);
        }
        Vec::new()
    }

    pub(super) fn waiting_command(
        &mut self,
        mut view: WaitingView,
        command: Command,
    ) -> Vec<Effect> {
        let lang = self.lang;
        let now = self.utc_now();
        let count = self.waiting_found(&view).len();
        let last = count.saturating_sub(1);
        match command {
            Command::Up => view.selected = view.selected.saturating_sub(1),
            Command::Down => view.selected = (view.selected + 1).min(last),
            Command::PageUp => view.selected = view.selected.saturating_sub(PAGE),
            Command::PageDown => view.selected = (view.selected + PAGE).min(last),
            Command::WaitingService => {
                let services = self.waiting_services();
                view.service = match &view.service {
                    None => services.first().cloned(),
                    Some(id) => services
                        .iter()
                        .position(|s| s == id)
                        .and_then(|at| services.get(at + 1))
                        .cloned(),
                };
            }
            Command::WaitingArrive => {
                let Some(booking) = self.waiting_found(&view).get(view.selected).copied() else {
                    self.say(
                        Level::Warning,
                        text::waiting::no_booking_chosen(lang).to_string(),
                    );
                    return Vec::new();
                };
                let letter = self
                    .catalogue
                    .appointments
                    .ticket_letter(&booking.service, Some(&booking.place));
                return vec![Effect::Arrive {
                    reference: booking.reference.clone(),
                    letter,
                    now,
                }];
            }
            Command::WaitingTicket => {
                let Some(service) = view.service.clone().or_else(|| self.current_service()) else {
                    let key = self.keys.key(Command::WaitingService);
                    self.say(
                        Level::Warning,
                        text::waiting::ticket_needs_service(lang, &key),
                    );
                    return Vec::new();
                };
                let letter = self.catalogue.appointments.ticket_letter(&service, None);
                return vec![Effect::AddTicket {
                    service,
                    letter,
                    now,
                }];
            }
            Command::WaitingCall => {
                return vec![Effect::CallNext {
                    service: view.service.clone(),
                    desk: self.desk.clone(),
                    now,
                }];
            }
            Command::WaitingSeen => {
                let Some(called) = &self.waiting_called else {
                    let key = self.keys.key(Command::WaitingCall);
                    self.say(Level::Warning, text::waiting::nothing_called(lang, &key));
                    return Vec::new();
                };
                return vec![Effect::MarkSeen {
                    ticket: called.ticket.clone(),
                    desk: self.desk.clone(),
                    now,
                }];
            }
            _ => return Vec::new(),
        }
        self.set_waiting_view(view);
        Vec::new()
    }

    /// The log's answer to a check-in.
    pub(super) fn waiting_arrived(
        &mut self,
        change: Change<(crate::appointments::Booking, Ticket)>,
    ) -> Vec<Effect> {
        let lang = self.lang;
        match change {
            Change::Done((booking, ticket)) => {
                self.say(
                    Level::Info,
                    text::appointments::arrived(lang, &booking.reference, &ticket.ticket),
                );
                self.waiting_given = Some(ticket);
                if let Some(mut view) = self.waiting_view() {
                    // The next resident is found afresh.
                    view.find.clear();
                    view.cursor = 0;
                    view.selected = 0;
                    self.set_waiting_view(view);
                }
            }
            Change::NotFound => {
                let reference = self
                    .waiting_view()
                    .and_then(|v| {
                        self.waiting_found(&v)
                            .get(v.selected)
                            .map(|b| b.reference.clone())
                    })
                    .unwrap_or_default();
                self.say(
                    Level::Warning,
                    text::waiting::booking_gone(lang, &reference),
                );
            }
            Change::Refused(state) => {
                let reference = self
                    .waiting_view()
                    .and_then(|v| {
                        self.waiting_found(&v)
                            .get(v.selected)
                            .map(|b| b.reference.clone())
                    })
                    .unwrap_or_default();
                let state = text::appointments::state(lang, state);
                self.say(
                    Level::Warning,
                    text::waiting::arrive_refused(lang, &reference, state),
                );
            }
        }
        self.after_waiting_change()
    }

    pub(super) fn ticket_given(&mut self, ticket: Ticket) -> Vec<Effect> {
        let service = service_name(&self.catalogue, &ticket.service);
        let key = self.keys.key(Command::Slip);
        self.say(
            Level::Info,
            text::waiting::ticket_given(self.lang, &ticket.ticket, &service, &key),
        );
        self.waiting_given = Some(ticket);
        self.after_waiting_change()
    }

    pub(super) fn ticket_called(&mut self, called: Option<Ticket>) -> Vec<Effect> {
        let lang = self.lang;
        match called {
            Some(ticket) => {
                let service = service_name(&self.catalogue, &ticket.service);
                let desk = ticket.desk.clone().unwrap_or_else(|| self.desk.clone());
                self.say(
                    Level::Info,
                    text::appointments::called(lang, &ticket.ticket, &service, &desk),
                );
                let called_at = ticket.called_at.unwrap_or(self.utc_now());
                self.wait_for_visit = Some(ticket.waited_seconds(called_at));
                self.waiting_called = Some(ticket);
            }
            None => {
                let service = self
                    .waiting_view()
                    .and_then(|v| v.service)
                    .map(|id| service_name(&self.catalogue, &id));
                let sentence = match service {
                    Some(service) => text::waiting::nobody_waiting_for(lang, &service),
                    None => text::appointments::nobody_waiting(lang).to_string(),
                };
                self.say(Level::Info, sentence);
            }
        }
        self.after_waiting_change()
    }

    pub(super) fn ticket_seen(&mut self, seen: Option<Ticket>) -> Vec<Effect> {
        match seen {
            Some(ticket) => {
                self.say(Level::Info, text::waiting::seen(self.lang, &ticket.ticket));
                if self
                    .waiting_called
                    .as_ref()
                    .is_some_and(|t| t.ticket == ticket.ticket)
                {
                    self.waiting_called = Some(ticket);
                }
            }
            None => {
                let key = self.keys.key(Command::WaitingCall);
                self.say(
                    Level::Warning,
                    text::waiting::nothing_called(self.lang, &key),
                );
            }
        }
        self.after_waiting_change()
    }

    /// After a change here: the list is read again at once, wherever the screen is.
    fn after_waiting_change(&mut self) -> Vec<Effect> {
        if self.screens.iter().any(|s| matches!(s, Screen::Waiting(_))) {
            vec![self.ask_waiting(true)]
        } else {
            Vec::new()
        }
    }
}
