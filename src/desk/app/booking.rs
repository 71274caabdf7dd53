//! Booking an appointment at the desk: one key on a service, a partner or a script's end opens
//! the nearest free slots of its offers; a slot is chosen, the resident's needs ticked, and the
//! booking is made through the store (which never gives two desks the same last place). The
//! visit in hand records it: that service's outcome becomes "appointment made" and the visit
//! keeps the reference. A booking can be cancelled (and made again) by its reference.

use chrono::{Duration, NaiveTime};

use super::App;
use crate::appointments::needs::LANGUAGE_MAX_CHARS;
use crate::appointments::{Booking, BookingState, Need, reference, slots};
use crate::catalogue::{Entry, EntryKey};
use crate::desk::action::{BookingRequest, Effect, SlipJob};
use crate::desk::command::Command;
use crate::desk::draft::{add_entry, fill_from_end};
pub use crate::desk::navigation::SLOTS_SHOWN;
use crate::desk::navigation::{BookingStage, BookingView, Screen};
use crate::desk::status::Level;
use crate::desk::text_field::{self, Change};
pub use crate::desk::view::{INTERPRETER_LANGUAGES, NEEDS_LISTED};
use crate::slip::SlipLanguage;
use crate::text;
use crate::visit::{Outcome, ScriptRecord, VisitDraft};

/// The longest reference the cancel prompt holds.
const REFERENCE_MAX_CHARS: usize = 20;

impl App {
    /// The booking screen on the stack, if any (answers may come while help is open).
    fn booking_view_mut(&mut self) -> Option<&mut BookingView> {
        self.screens.iter_mut().rev().find_map(|s| match s {
            Screen::Booking(view) => Some(view.as_mut()),
            _ => None,
        })
    }

    /// The script's end under the booking screen, if the booking was opened from one.
    fn script_end_below(&self) -> Option<(crate::catalogue::ScriptEnd, ScriptRecord)> {
        let view = self.screens.iter().rev().find_map(|s| match s {
            Screen::Script(view) => Some(view),
            _ => None,
        })?;
        let walk = view.walk(&self.catalogue)?;
        if walk.needs_acknowledgement() {
            return None;
        }
        let record = ScriptRecord {
            id: walk.script().id.clone(),
            version: walk.script().version.clone(),
            path: walk.keys(),
        };
        Some((walk.end()?.clone(), record))
    }

    /// What the key to book would book for: the service or partner on screen, or the first of
    /// a script end's services (then partners) that has appointments. Otherwise the sentence
    /// that says why there is nothing to book.
    pub(super) fn booking_target(&self) -> Result<String, String> {
        let appointments = &self.catalogue.appointments;
        let has_offers = |id: &str| appointments.offers_of(Some(id), None).next().is_some();
        match self.screen() {
            Screen::Script(_) => {
                let Some((end, _)) = self.script_end_on_top() else {
                    return Err(text::booking::nothing_to_book(self.lang).to_string());
                };
                let ids = end
                    .services
                    .iter()
                    .map(|s| s.id.as_str())
                    .chain(end.partners.iter().map(String::as_str));
                let ids: Vec<&str> = ids.collect();
                if let Some(id) = ids.iter().find(|id| has_offers(id)) {
                    return Ok((*id).to_string());
                }
                let title = ids
                    .first()
                    .map(|id| self.title_of(id))
                    .unwrap_or_else(|| end_title(&end));
                Err(text::booking::no_offers(self.lang, &title))
            }
            Screen::Detail(_) | Screen::ShowResident(_) => {
                let key = match self.screen() {
                    Screen::Detail(d) => d.key,
                    Screen::ShowResident(v) => v.key,
                    _ => return Err(text::booking::nothing_to_book(self.lang).to_string()),
                };
                let id = match self.catalogue.entry(key) {
                    Some(Entry::Service(s)) => s.id.clone(),
                    Some(Entry::Partner(p)) => p.id.clone(),
                    _ => return Err(text::booking::nothing_to_book(self.lang).to_string()),
                };
                if has_offers(&id) {
                    Ok(id)
                } else {
                    Err(text::booking::no_offers(self.lang, &self.title_of(&id)))
                }
            }
            _ => Err(text::booking::nothing_to_book(self.lang).to_string()),
        }
    }

    /// A service's title or a partner's name, for sentences; the id itself when it is neither.
    pub fn title_of(&self, id: &str) -> String {
        if let Some(service) = self.catalogue.service(id) {
            return service.title.clone();
        }
        if let Some(partner) = self.catalogue.partner(id) {
            return partner.name.clone();
        }
        id.to_string()
    }

    /// The key to book: the booking screen for what is on screen, or one sentence saying why
    /// there is none.
    pub(super) fn open_booking(&mut self) -> Vec<Effect> {
        if matches!(self.screen(), Screen::Booking(_)) {
            return Vec::new();
        }
        match self.booking_target() {
            Ok(service) => {
                self.visit_begun();
                self.screens
                    .push(Screen::Booking(Box::new(BookingView::new(&service))));
                self.load_booking_slots()
            }
            Err(sentence) => {
                self.say(Level::Warning, sentence);
                Vec::new()
            }
        }
    }

    /// The key to cancel a booking: its prompt on the booking screen (opened for it alone
    /// from elsewhere).
    pub(super) fn open_cancel_prompt(&mut self) -> Vec<Effect> {
        if !matches!(self.screen(), Screen::Booking(_)) {
            self.screens.push(Screen::Booking(Box::default()));
        }
        if let Some(view) = self.booking_view_mut() {
            view.cancel = Some(String::new());
            view.cancel_cursor = 0;
        }
        Vec::new()
    }

    /// Asks the log for the places taken from the start of today to the end of the offers'
    /// horizon.
    fn load_booking_slots(&mut self) -> Vec<Effect> {
        let now = self.utc_now();
        let Some(view) = self.booking_view_mut() else {
            return Vec::new();
        };
        if view.service.is_empty() {
            return Vec::new();
        }
        view.slots = None;
        view.selected = 0;
        let service = view.service.clone();
        vec![self.booking_taken_query(&service, now)]
    }

    /// The question for the places taken from the day before today to the end of `service`'s
    /// offers' horizon.
    fn booking_taken_query(&self, service: &str, now: chrono::DateTime<chrono::Utc>) -> Effect {
        let horizon = self
            .catalogue
            .appointments
            .offers_of(Some(service), None)
            .map(|o| o.horizon_days)
            .max()
            .unwrap_or(0);
        let today = crate::appointments::london::today(now);
        let from = (today - Duration::days(1))
            .and_time(NaiveTime::MIN)
            .and_utc();
        let to = from + Duration::days(i64::from(horizon) + 3);
        Effect::LoadBookingTaken { from, to }
    }

    /// The log's taken places: the nearest free slots, today first.
    pub(super) fn booking_taken(&mut self, taken: slots::Taken) -> Vec<Effect> {
        let now = self.utc_now();
        let catalogue = self.catalogue.clone();
        let Some(view) = self.booking_view_mut() else {
            return Vec::new();
        };
        if view.service.is_empty() {
            return Vec::new();
        }
        // Every free slot, shown nine at a time; a longer slot is offered only where the slot
        // after it has a place too.
        let longer = view.needs.contains(&Need::LongerSlot);
        let appointments = &catalogue.appointments;
        let found: Vec<slots::Slot> = slots::nearest_free(
            appointments,
            Some(&view.service),
            None,
            now,
            &taken,
            usize::MAX,
        )
        .into_iter()
        .filter(|slot| {
            !longer
                || appointments
                    .offers_of(Some(&slot.service), Some(&slot.place))
                    .next()
                    .is_some_and(|offer| {
                        slots::bookable(offer, appointments, slot, true, now, &taken)
                    })
        })
        .collect();
        let mut lost_choice = false;
        // The slot chosen stays chosen while it is still offered; otherwise a slot is chosen again.
        let chosen = view
            .chosen()
            .map(|s| (s.at, s.service.clone(), s.place.clone()));
        let kept = chosen.and_then(|(at, service, place)| {
            found
                .iter()
                .position(|s| s.at == at && s.service == service && s.place == place)
        });
        match kept {
            Some(index) => view.selected = index,
            None => {
                view.selected = view.selected.min(found.len().saturating_sub(1));
                if view.stage == BookingStage::Needs {
                    view.stage = BookingStage::Slots;
                    lost_choice = true;
                }
            }
        }
        view.slots = Some(found);
        if lost_choice {
            self.say(
                Level::Warning,
                text::booking::no_following_slot(self.lang).to_string(),
            );
        }
        Vec::new()
    }

    /// True when `command` does something on the booking screen now.
    pub(super) fn booking_offers(&self, view: &BookingView, command: Command) -> bool {
        let slots = view.slots.as_ref().map_or(0, Vec::len);
        let (shown, first) = view.slots_shown();
        match (&view.stage, command) {
            (_, Command::CancelBooking) => view.cancel.is_none(),
            (BookingStage::Slots, Command::Choose(n)) => usize::from(n) <= shown.len(),
            (BookingStage::Slots, Command::PageDown) => first + shown.len() < slots,
            (BookingStage::Slots, Command::PageUp) => first > 0,
            (_, Command::PageDown | Command::PageUp) => false,
            (BookingStage::Slots, Command::Open) => slots > 0,
            (BookingStage::Needs, Command::Choose(n)) => usize::from(n) <= NEEDS_LISTED.len() + 1,
            (BookingStage::Needs, Command::Open) => true,
            (BookingStage::Booked(_), Command::PrintSlip | Command::SaveSlip) => true,
            (_, Command::Choose(_) | Command::Open | Command::PrintSlip | Command::SaveSlip) => {
                false
            }
            (BookingStage::Slots, Command::Up | Command::Down) => slots > 1,
            _ => true,
        }
    }

    /// A command on the booking screen.
    pub(super) fn booking_command(
        &mut self,
        mut view: BookingView,
        command: Command,
    ) -> Vec<Effect> {
        let mut effects = Vec::new();
        if view.cancel.is_some() {
            match command {
                Command::Open => effects = self.submit_cancel(&mut view),
                Command::Back if view.service.is_empty() => {
                    self.screens.pop();
                    return Vec::new();
                }
                Command::Back => view.cancel = None,
                _ => {}
            }
            self.put_booking_view(view);
            return effects;
        }
        if view.interpreter.is_some() {
            match command {
                Command::Open => self.note_interpreter(&mut view),
                Command::Back => view.interpreter = None,
                Command::Up | Command::Down => offer_language(&mut view, self.lang, command),
                _ => {}
            }
            self.put_booking_view(view);
            return Vec::new();
        }
        if command == Command::CancelBooking {
            view.cancel = Some(String::new());
            view.cancel_cursor = 0;
            self.put_booking_view(view);
            return Vec::new();
        }
        let slots = view.slots.as_ref().map_or(0, Vec::len);
        let last = slots.saturating_sub(1);
        let first = view.slots_shown().1;
        match (view.stage.clone(), command) {
            (BookingStage::Slots, Command::Up) => view.selected = view.selected.saturating_sub(1),
            (BookingStage::Slots, Command::Down) => view.selected = (view.selected + 1).min(last),
            (BookingStage::Slots, Command::Top) => view.selected = 0,
            (BookingStage::Slots, Command::Bottom) => view.selected = last,
            // A page is the nine before or after, the same row of it where there is one.
            (BookingStage::Slots, Command::PageUp) if first > 0 => {
                view.selected = view.selected.saturating_sub(SLOTS_SHOWN);
            }
            (BookingStage::Slots, Command::PageDown) if first + SLOTS_SHOWN < slots => {
                view.selected = (view.selected + SLOTS_SHOWN).min(last);
            }
            (BookingStage::Slots, Command::Choose(n)) => {
                let index = first + usize::from(n).saturating_sub(1);
                if index < slots {
                    view.selected = index;
                }
            }
            (BookingStage::Slots, Command::Open) => {
                if view.chosen().is_some() {
                    view.stage = BookingStage::Needs;
                } else {
                    self.say(
                        Level::Warning,
                        text::booking::choose_slot_first(self.lang).to_string(),
                    );
                }
            }
            (
                BookingStage::Slots | BookingStage::Sending | BookingStage::Booked(_),
                Command::Back,
            ) => {
                self.screens.pop();
                return Vec::new();
            }
            (BookingStage::Needs, Command::Choose(1)) => {
                let typed = view.needs.iter().find_map(|n| match n {
                    Need::Interpreter(language) => {
                        Some(text::appointments::language(self.lang, language))
                    }
                    _ => None,
                });
                let typed = typed.unwrap_or_default();
                view.interpreter_cursor = typed.chars().count();
                view.interpreter = Some(typed);
            }
            (BookingStage::Needs, Command::Choose(n)) => {
                if let Some(need) = NEEDS_LISTED.get(usize::from(n).saturating_sub(2)) {
                    let mut needs = view.needs.clone();
                    toggle(&mut needs, need);
                    effects = self.set_needs(&mut view, needs);
                }
            }
            (BookingStage::Needs, Command::Back) => view.stage = BookingStage::Slots,
            (BookingStage::Needs, Command::Open) => effects = self.send_booking(&mut view),
            (BookingStage::Booked(booking), Command::PrintSlip | Command::SaveSlip) => {
                let print = command == Command::PrintSlip;
                self.say(Level::Info, text::status::slip_on_its_way(self.lang, print));
                effects.push(Effect::FileSlip(self.booking_slip(&booking, print)));
            }
            _ => {}
        }
        self.put_booking_view(view);
        effects
    }

    /// The needs typed in the accessible mode, in place of those ticked.
    pub(super) fn booking_needs(&mut self, needs: Vec<Need>) -> Vec<Effect> {
        let mut view = match self.booking_view_mut() {
            Some(view) if view.stage == BookingStage::Needs => view.clone(),
            _ => return Vec::new(),
        };
        let effects = self.set_needs(&mut view, needs);
        if let Some(on_stack) = self.booking_view_mut() {
            *on_stack = view;
        }
        effects
    }

    /// The resident's needs, in place of those before, however they were given (a key ticked,
    /// a language typed, a line of the accessible mode). A longer slot needs the slot after it
    /// free, so when it is ticked or unticked the slots are read and offered again: one list
    /// for both faces.
    fn set_needs(&self, view: &mut BookingView, mut needs: Vec<Need>) -> Vec<Effect> {
        needs.sort();
        needs.dedup();
        let longer = |needs: &[Need]| needs.contains(&Need::LongerSlot);
        let again = longer(&needs) != longer(&view.needs);
        view.needs = needs;
        if again {
            vec![self.booking_taken_query(&view.service, self.utc_now())]
        } else {
            Vec::new()
        }
    }

    /// The interpreter's language typed, noted in place of any before (none when the field is
    /// left empty); a language with personal data in it, or that is not a language's name, is
    /// refused in one sentence and stays in the field to put right.
    fn note_interpreter(&mut self, view: &mut BookingView) {
        let typed = view.interpreter.clone().unwrap_or_default();
        let mut needs: Vec<Need> = view
            .needs
            .iter()
            .filter(|n| !matches!(n, Need::Interpreter(_)))
            .cloned()
            .collect();
        if !typed.trim().is_empty() {
            match Need::interpreter(&typed, &self.catalogue) {
                Ok(need) => needs.push(need),
                Err(why) => {
                    let sentence = text::booking::need_not_noted(self.lang, &why);
                    self.say(Level::Warning, sentence);
                    return;
                }
            }
        }
        view.interpreter = None;
        needs.sort();
        view.needs = needs;
    }

    fn put_booking_view(&mut self, view: BookingView) {
        if let Some(top @ Screen::Booking(_)) = self.screens.last_mut() {
            *top = Screen::Booking(Box::new(view));
        }
    }

    /// The chosen slot, with the needs ticked, to the log.
    fn send_booking(&mut self, view: &mut BookingView) -> Vec<Effect> {
        let Some(slot) = view.chosen().cloned() else {
            view.stage = BookingStage::Slots;
            return Vec::new();
        };
        let no_show_minutes = self
            .catalogue
            .appointments
            .offers_of(Some(&slot.service), Some(&slot.place))
            .next()
            .map_or(15, |o| o.no_show_minutes);
        view.stage = BookingStage::Sending;
        self.say(Level::Info, text::booking::booking(self.lang).to_string());
        let mut needs = view.needs.clone();
        needs.sort();
        vec![Effect::Book(BookingRequest {
            service: slot.service,
            place: slot.place,
            at: slot.at,
            starts: slot.starts,
            minutes: slot.minutes,
            capacity: slot.capacity,
            needs,
            no_show_minutes,
        })]
    }

    /// The reference typed in the prompt, cancelled; one sentence when it is not one.
    fn submit_cancel(&mut self, view: &mut BookingView) -> Vec<Effect> {
        let typed = view.cancel.clone().unwrap_or_default();
        match reference::normalise(&typed) {
            // The prompt stays open until the log answers: a reference not found can be put right.
            Some(reference) => vec![Effect::CancelBooking(reference)],
            None => {
                let shown = crate::printable::printable(typed.trim()).into_owned();
                self.say(
                    Level::Warning,
                    text::booking::not_a_reference(self.lang, &shown),
                );
                Vec::new()
            }
        }
    }

    /// Typing in the cancel prompt or the interpreter's language.
    pub(super) fn booking_text(&mut self, changes: &[Change]) -> Vec<Effect> {
        let Some(view) = self.booking_view_mut() else {
            return Vec::new();
        };
        let field = match (&mut view.cancel, &mut view.interpreter) {
            (Some(text), _) => Some((text, &mut view.cancel_cursor, REFERENCE_MAX_CHARS)),
            (None, Some(text)) => Some((text, &mut view.interpreter_cursor, LANGUAGE_MAX_CHARS)),
            (None, None) => None,
        };
        if let Some((text, cursor, max)) = field {
            for change in changes {
                text_field::apply(text, cursor, *change, max);
            }
        }
        Vec::new()
    }

    /// The log booked it: the screen shows the booking, and the visit in hand records it.
    pub(super) fn booking_made(&mut self, booking: Booking) -> Vec<Effect> {
        let place = self.place_name(&booking.place);
        let when = text::appointments::when(self.lang, booking.at);
        let print = self.keys.key(Command::PrintSlip);
        let sentence = text::booking::made(self.lang, &booking.reference, &when, &place, &print);
        let effects = self.record_booking(&booking);
        if let Some(view) = self.booking_view_mut() {
            view.stage = BookingStage::Booked(booking);
        }
        self.say(Level::Info, sentence);
        effects
    }

    /// The visit in hand (begun now if none is) records the booking: the service gets the
    /// outcome "appointment made" and keeps the reference. A partner's booking is recorded on
    /// the service the partner was given for.
    fn record_booking(&mut self, booking: &Booking) -> Vec<Effect> {
        if self.editing() {
            return Vec::new();
        }
        let entries: Vec<EntryKey> = self
            .current_entries()
            .into_iter()
            .filter(|key| key.kind != crate::catalogue::Kind::Script)
            .collect();
        let end = self.script_end_below();
        let started = self.visit_started.unwrap_or(self.utc_now());
        let (desk, staff, version) = (&self.desk, &self.staff, self.catalogue.version());
        let language = self.resident_language;
        let draft = self.draft.get_or_insert_with(|| VisitDraft {
            language,
            ..VisitDraft::new(started, desk, staff, version)
        });
        match end {
            Some((end, record)) => {
                fill_from_end(draft, &end);
                draft.script = Some(Box::new(record));
            }
            None => {
                for key in entries {
                    add_entry(&self.catalogue, draft, key);
                }
            }
        }
        let id = booking.service.clone();
        let service = if self.catalogue.service(&id).is_some() {
            if !draft.services.iter().any(|s| s.trim() == id) {
                draft.services.push(id.clone());
            }
            Some(id)
        } else {
            if self.catalogue.partner(&id).is_some() && !draft.partners.contains(&id) {
                draft.partners.push(id.clone());
            }
            draft.partner_service(&id).map(str::to_string)
        };
        if let Some(service) = service {
            if draft.outcome.is_none() {
                draft.outcome = Some(Outcome::Appointment);
            }
            if let Some(index) = draft.services.iter().position(|s| s.trim() == service) {
                draft.set_service_outcome(index, Outcome::Appointment);
            }
            draft.bookings.insert(service, booking.reference.clone());
        }
        self.visit_started = Some(draft.started_at);
        self.visit_opened = true;
        vec![Effect::SaveDraft(draft.clone())]
    }

    /// Another desk took the last place first: the free slots again.
    pub(super) fn booking_full(&mut self) -> Vec<Effect> {
        if let Some(view) = self.booking_view_mut() {
            view.stage = BookingStage::Slots;
        }
        self.say(Level::Warning, text::booking::lost(self.lang).to_string());
        self.load_booking_slots()
    }

    /// A booking was cancelled: the visit in hand no longer carries it, and its service's free
    /// slots are shown to book again.
    pub(super) fn booking_cancelled(&mut self, booking: Booking) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some(draft) = self.draft.as_mut() {
            let before = draft.bookings.len();
            draft.bookings.retain(|_, r| *r != booking.reference);
            if draft.bookings.len() != before {
                effects.push(Effect::SaveDraft(draft.clone()));
            }
        }
        if let Some(view) = self.booking_view_mut() {
            if view.service.is_empty() || view.service == booking.service {
                *view = BookingView::new(&booking.service);
            } else {
                view.cancel = None;
            }
        }
        let sentence = text::booking::cancelled(self.lang, &booking.reference);
        self.say(Level::Info, sentence);
        effects.extend(self.load_booking_slots());
        effects
    }

    pub(super) fn booking_not_cancelled(
        &mut self,
        reference: &str,
        state: Option<BookingState>,
    ) -> Vec<Effect> {
        let sentence = match state {
            Some(state) => text::booking::not_cancellable(self.lang, reference, state),
            None => text::booking::not_found(self.lang, reference),
        };
        self.say(Level::Warning, sentence);
        Vec::new()
    }

    /// A place's name in the desk's language.
    pub fn place_name(&self, id: &str) -> String {
        match self.catalogue.appointments.place(id) {
            Some(place) => match (self.lang, place.cy.as_ref().and_then(|cy| cy.name.as_ref())) {
                (text::Language::Welsh, Some(name)) => name.clone(),
                _ => place.name.clone(),
            },
            None => id.to_string(),
        }
    }

    /// The languages of the resident's slip: Welsh when they read Welsh.
    pub fn booking_slip_languages(&self) -> &'static [text::Language] {
        SlipLanguage::of_resident(self.resident_language.reads_welsh()).languages()
    }

    /// The resident's appointment slip, as `frontdesk slip --appointment` makes it, in the
    /// resident's language.
    pub fn booking_slip(&self, booking: &Booking, print: bool) -> SlipJob {
        let language = SlipLanguage::of_resident(self.resident_language.reads_welsh());
        let slip = crate::slip::appointment::appointment_slip(booking, &self.catalogue, language);
        SlipJob {
            name: format!(
                "appointment-{}-{}",
                booking.reference,
                self.now.format("%Y-%m-%d-%H%M%S")
            ),
            text: slip.text,
            html: slip.html,
            print,
        }
    }
}

fn end_title(end: &crate::catalogue::ScriptEnd) -> String {
    end.services
        .first()
        .map(|s| s.id.clone())
        .unwrap_or_default()
}

/// Ticks `need`, or unticks it.
fn toggle(needs: &mut Vec<Need>, need: &Need) {
    if let Some(at) = needs.iter().position(|n| n == need) {
        needs.remove(at);
    } else {
        needs.push(need.clone());
        needs.sort();
    }
}

/// The arrows in the interpreter's field: the next (or, up, the previous) of the languages
/// offered first, in the desk's words, in place of what is typed.
fn offer_language(view: &mut BookingView, lang: text::Language, command: Command) {
    let offered: Vec<String> = INTERPRETER_LANGUAGES
        .iter()
        .map(|l| text::appointments::language(lang, l))
        .collect();
    let typed = view.interpreter.clone().unwrap_or_default();
    let at = offered
        .iter()
        .position(|l| l.eq_ignore_ascii_case(typed.trim()));
    let count = offered.len();
    let next = match (at, command) {
        (None, Command::Up) => count - 1,
        (None, _) => 0,
        (Some(at), Command::Up) => (at + count - 1) % count,
        (Some(at), _) => (at + 1) % count,
    };
    let language = offered[next].clone();
    view.interpreter_cursor = language.chars().count();
    view.interpreter = Some(language);
}
