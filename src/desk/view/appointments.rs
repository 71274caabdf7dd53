//! Booking an appointment as both faces show it: the nearest free slots (numbered, nine at a
//! time), the needs of the fixed list (numbered, ticked or not), the booking made (its
//! reference, when, where, the address and what to bring), and the prompts for a reference to
//! cancel and for the interpreter's language.

use super::{ViewLine, labelled};
use crate::appointments::{Booking, Need};
use crate::desk::{App, BookingStage, BookingView, Command};
use crate::text::{self, Language};

/// The needs of the fixed list, in the order their number keys tick them (1 is the
/// interpreter, whose language is typed).
pub const NEEDS_LISTED: [Need; 4] = [
    Need::StepFree,
    Need::HearingLoop,
    Need::QuietRoom,
    Need::LongerSlot,
];

/// The interpreter's languages offered first (the arrows fill them in); any other is typed.
pub const INTERPRETER_LANGUAGES: [&str; 2] = ["BSL", "Welsh"];

/// What the booking screen says now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingScreenView {
    /// What the booking is for: the service's title or the partner's name.
    pub title: String,
    /// The stage's heading: "Nearest free slots", "What the resident needs", "Booked".
    pub heading: &'static str,
    /// A sentence in place of the list, when there is no list: still reading, none free.
    pub note: Option<String>,
    /// The numbered choices: the slots, or the needs; number 1 is the first.
    pub choices: Vec<String>,
    /// The choice selected (the slot), if the list has one; counted from the first shown.
    pub selected: Option<usize>,
    /// Which of the free slots are shown, when there are more than fit: "Free slots 10 to 18
    /// of 40."
    pub page: Option<String>,
    /// Whether there are free slots after those shown, and before them.
    pub later: bool,
    pub earlier: bool,
    /// Labelled lines: the slot chosen (while ticking needs) or the booking made.
    pub lines: Vec<ViewLine>,
    /// The prompt being typed in, if one is open: a reference to cancel, or the interpreter's
    /// language.
    pub prompt: Option<BookingPrompt>,
}

/// A prompt on the booking screen: its label, the text typed so far and where the text cursor
/// is in it, and a sentence on what it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingPrompt {
    pub label: &'static str,
    pub typed: String,
    /// Characters of `typed` before the text cursor.
    pub cursor: usize,
    pub help: Option<String>,
}

impl App {
    /// The booking screen's view at the app's clock, in the desk's language.
    pub fn booking_screen_view(&self, view: &BookingView) -> BookingScreenView {
        booking_screen_view(self, view)
    }
}

fn booking_screen_view(app: &App, view: &BookingView) -> BookingScreenView {
    let lang = app.lang;
    let w = text::booking::words(lang);
    let today = app.now.date_naive();
    let title = if view.service.is_empty() {
        w.screen.to_string()
    } else {
        app.title_of(&view.service)
    };
    let mut screen = BookingScreenView {
        title,
        heading: w.slots,
        note: None,
        choices: Vec::new(),
        selected: None,
        page: None,
        later: false,
        earlier: false,
        lines: Vec::new(),
        prompt: prompt(app, view),
    };
    if view.service.is_empty() {
        screen.heading = w.screen;
        return screen;
    }
    match &view.stage {
        BookingStage::Slots => match &view.slots {
            None => screen.note = Some(w.loading.to_string()),
            Some(slots) if slots.is_empty() => screen.note = Some(w.none_free.to_string()),
            Some(all) => {
                let (shown, first) = view.slots_shown();
                screen.choices = shown
                    .iter()
                    .map(|slot| {
                        let place = app.place_name(&slot.place);
                        text::booking::slot_line(lang, slot.at, today, &place, slot.free)
                    })
                    .collect();
                screen.selected = Some(
                    view.selected
                        .saturating_sub(first)
                        .min(shown.len().saturating_sub(1)),
                );
                screen.earlier = first > 0;
                screen.later = first + shown.len() < all.len();
                if screen.earlier || screen.later {
                    screen.page = Some(text::booking::page(
                        lang,
                        first + 1,
                        first + shown.len(),
                        all.len(),
                    ));
                }
            }
        },
        BookingStage::Needs | BookingStage::Sending => {
            screen.heading = w.needs;
            if let Some(slot) = view.chosen() {
                let place = app.place_name(&slot.place);
                let line = text::booking::slot_line(lang, slot.at, today, &place, slot.free);
                labelled(&mut screen.lines, w.slot, &line, true);
            }
            screen.choices = need_choices(lang, &view.needs);
        }
        BookingStage::Booked(booking) => {
            screen.heading = w.booked;
            screen.lines = booked_lines(app, booking);
        }
    }
    screen
}

/// The prompt open on the booking screen, if any: the reference to cancel, or the
/// interpreter's language (with the languages offered first and the keys that fill them in).
fn prompt(app: &App, view: &BookingView) -> Option<BookingPrompt> {
    let w = text::booking::words(app.lang);
    if let Some(typed) = &view.cancel {
        return Some(BookingPrompt {
            label: w.cancel_prompt,
            typed: typed.clone(),
            cursor: view.cancel_cursor,
            help: None,
        });
    }
    let typed = view.interpreter.as_ref()?;
    let offered = INTERPRETER_LANGUAGES
        .iter()
        .map(|l| text::appointments::language(app.lang, l))
        .collect::<Vec<_>>()
        .join(", ");
    let key = |command| app.keys.key(command);
    Some(BookingPrompt {
        label: w.language_prompt,
        typed: typed.clone(),
        cursor: view.interpreter_cursor,
        help: Some(text::booking::language_help(
            app.lang,
            &offered,
            &format!("{}/{}", key(Command::Up), key(Command::Down)),
            &key(Command::Open),
            &key(Command::Back),
        )),
    })
}

/// The needs of the fixed list as numbered choices: the interpreter (and its language), then
/// each of the others, ticked or not.
fn need_choices(lang: Language, needs: &[Need]) -> Vec<String> {
    let w = text::booking::words(lang);
    let interpreter = needs.iter().find(|n| matches!(n, Need::Interpreter(_)));
    let mut choices = vec![match interpreter {
        Some(need) => text::booking::need_line(true, &text::appointments::need(lang, need)),
        None => {
            let languages = INTERPRETER_LANGUAGES
                .iter()
                .map(|l| text::appointments::language(lang, l))
                .chain([w.any_language.to_string()])
                .collect::<Vec<_>>()
                .join(" / ");
            text::booking::need_line(false, &format!("{}{languages}", w.interpreter))
        }
    }];
    for need in &NEEDS_LISTED {
        choices.push(text::booking::need_line(
            needs.contains(need),
            &text::appointments::need(lang, need),
        ));
    }
    choices
}

/// The booking made: its reference, when, where, the address, the access, the needs noted
/// and what to bring.
fn booked_lines(app: &App, booking: &Booking) -> Vec<ViewLine> {
    let lang = app.lang;
    let w = text::booking::words(lang);
    let mut lines = Vec::new();
    labelled(&mut lines, w.reference, &booking.reference, true);
    labelled(
        &mut lines,
        w.when,
        &text::appointments::when(lang, booking.at),
        true,
    );
    labelled(&mut lines, w.place, &app.place_name(&booking.place), true);
    let welsh = lang == Language::Welsh;
    if let Some(place) = app.catalogue.appointments.place(&booking.place) {
        let cy = place.cy.as_ref().filter(|_| welsh);
        let address = cy
            .and_then(|c| c.address.clone())
            .unwrap_or_else(|| place.address.clone());
        labelled(&mut lines, w.address, &address, true);
        if let Some(access) = cy
            .and_then(|c| c.accessibility.clone())
            .or_else(|| place.accessibility.clone())
        {
            labelled(&mut lines, w.access, &access, false);
        }
    }
    if !booking.needs.is_empty() {
        let needs: Vec<String> = booking
            .needs
            .iter()
            .map(|n| text::appointments::need(lang, n))
            .collect();
        labelled(&mut lines, w.noted, &needs.join(", "), false);
    }
    if let Some(service) = app.catalogue.service(&booking.service)
        && !service.bring.is_empty()
    {
        let welsh_bring = service
            .cy
            .as_ref()
            .map(|cy| &cy.bring)
            .filter(|b| welsh && b.len() == service.bring.len());
        let bring = welsh_bring.unwrap_or(&service.bring);
        lines.push(ViewLine {
            label: w.bring,
            value: super::Value::Bullets(bring.clone()),
            emphasis: super::Emphasis::Plain,
            brief: false,
        });
    }
    lines
}
