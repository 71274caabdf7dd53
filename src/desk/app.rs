//! The desk's state and its one pure update: `App::update(Action) -> Vec<Effect>`.
//! No terminal, no SQL, no clock here: the time arrives as `Action::Tick`, key names arrive once
//! as [`KeyNames`], and every sentence comes from [`crate::text`] in the app's language.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::action::{Action, Effect};
use super::command::{Command, Mode};
use super::draft::add_entry;
use super::form::{Field, VisitForm};
use super::key_names::KeyNames;
use super::navigation::{Detail, PAGE, ResidentView, Screen, Scroll};
use super::status::{Level, Status};
use super::text_field::{self, Change};
use crate::catalogue::{Catalogue, Entry, EntryKey, Kind};
use crate::text::{self, Language};
use crate::visit::{Invalid, LanguageChoice, ServiceDefault, Visit, VisitDraft};
pub use report::CENTRAL_REFRESH_EVERY;
pub use today::{COUNT_EVERY, Question, TodayRow};
pub use waiting::WAITING_EVERY;

mod answers;
pub(crate) mod booking;
mod central;
mod input;
mod report;
mod script;
mod slip;
mod today;
mod waiting;

/// How long a visit can still be undone or edited after it was saved.
pub const UNDO_WINDOW: Duration = Duration::minutes(10);

/// The most the search box holds: the search reads no more than this.
pub const QUERY_MAX_CHARS: usize = 400;

/// How long an information message stays in the status bar.
const INFO_LIFETIME: Duration = Duration::seconds(8);

/// The search box and its results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchState {
    pub query: String,
    /// Characters of the query before the text cursor.
    pub cursor: usize,
    /// Number of the latest query sent; answers to older ones are dropped.
    pub seq: u64,
    /// The results on screen: the latest answer, or the whole catalogue when the box is empty.
    pub results: Vec<EntryKey>,
    pub selected: usize,
    /// True while the latest query's answer has not arrived.
    pub pending: bool,
    /// The whole query is selected, as a browser's address bar selects it when it is come
    /// back to: a character typed replaces it, a delete key empties it, and a key that moves
    /// the cursor keeps it and ends the selection.
    pub all_selected: bool,
}

pub struct App {
    pub catalogue: Arc<Catalogue>,
    /// The face's name for the key of each command, for sentences such as "press F2".
    pub keys: KeyNames,
    pub lang: Language,
    pub desk: String,
    pub staff: String,
    /// The wall clock in local time, from the last tick.
    pub now: DateTime<FixedOffset>,
    pub screens: Vec<Screen>,
    pub help: bool,
    pub help_scroll: Scroll,
    pub search: SearchState,
    /// The visit being logged, if any: kept until it is saved or discarded.
    pub draft: Option<VisitDraft>,
    pub form: VisitForm,
    /// When the current resident's visit started: at F4 (new resident), or at the first key
    /// after the last save or discard (typing a search, opening an entry, a script or the form).
    /// Cleared again when the search is cleared before anything was opened, so an idle search
    /// between residents is not counted in the next visit's length.
    pub visit_started: Option<DateTime<Utc>>,
    /// Whether an entry, a script or the form was opened for the resident at the desk since
    /// their visit started.
    pub visit_opened: bool,
    /// The current resident's language (spoken and written), English until switched; kept on
    /// the visit when it is logged, and reset for the next resident.
    pub resident_language: LanguageChoice,
    /// Today's visits at this desk, oldest first (loaded when today's list is opened, and
    /// again every few seconds while it is on screen).
    pub today: Vec<Visit>,
    pub today_selected: usize,
    /// How many visits the log holds for this desk today, from every window and desk that
    /// saves there: the header's count.
    pub today_total: usize,
    /// When the count (or the list) was last asked of the log.
    counted_at: Option<DateTime<FixedOffset>>,
    /// The list was just opened: when it arrives, the newest visit is selected (a list loaded
    /// again while on screen keeps the selected visit).
    select_newest: bool,
    /// The question on the status bar, with its sentence, if one is waiting for an answer.
    asked: Option<(Question, String)>,
    /// The services of the visit just saved, until the log's count arrives to say how many
    /// visits today that makes.
    just_saved: Option<String>,
    pub status: Option<Status>,
    pub saving: bool,
    pub quit: bool,
    /// Each service's remembered demand and way of helping online, offered on a new visit.
    pub service_defaults: BTreeMap<String, ServiceDefault>,
    /// The defaults were asked of the log (once, with the first count).
    defaults_asked: bool,
    /// The sync to the central server, when one is set and the worker has reported.
    pub sync: Option<super::action::SyncState>,
    /// A catalogue from the central server, waiting for the visit in hand to end.
    pub next_catalogue: Option<Arc<Catalogue>>,
    /// The report screen's figures, for the period it last asked for.
    pub report: Option<crate::report::Report>,
    /// The number of the report screen's latest question (to the log or the central server).
    report_seq: u64,
    /// The central server's report role is set: the report screen can show the figures of all
    /// desks, and offers its key for them only then.
    pub central_report: bool,
    /// Why the figures of all desks could not be read, and for which view: shown in place of
    /// the figures until they arrive or another view is asked for.
    report_problem: Option<(super::navigation::ReportView, String)>,
    /// When the central server last answered a question for the figures of all desks; `None`
    /// while one is out. The screen's own refresh asks it again [`CENTRAL_REFRESH_EVERY`] later.
    central_answered_at: Option<DateTime<FixedOffset>>,
    /// How many messages the desk has said: a message said while moving to another screen is
    /// kept, one said before is cleared.
    said: u64,
    /// Today's bookings and tickets, as the log last gave them to the waiting screen.
    pub waiting: Option<crate::appointments::WaitingDay>,
    /// When the waiting screen last asked the log.
    waiting_asked_at: Option<DateTime<FixedOffset>>,
    /// The ticket this desk called last.
    pub waiting_called: Option<crate::appointments::Ticket>,
    /// The ticket given last at this desk (a walk-in's or a check-in's), for the resident at
    /// the desk: shown large and put on their slip, until their visit ends.
    pub waiting_given: Option<crate::appointments::Ticket>,
    /// The wait (in seconds) of the resident this desk called last, for the next visit it logs.
    pub wait_for_visit: Option<i64>,
}

/// Where the receptionist is: how deep the screens go and which screen is on top.
type Place = (usize, std::mem::Discriminant<Screen>);

impl App {
    pub fn new(
        catalogue: Arc<Catalogue>,
        keys: KeyNames,
        desk: &str,
        staff: &str,
        now: DateTime<FixedOffset>,
    ) -> App {
        let mut app = App {
            catalogue,
            keys,
            lang: Language::default(),
            desk: desk.to_string(),
            staff: staff.to_string(),
            now,
            screens: vec![Screen::Search],
            help: false,
            help_scroll: Scroll::default(),
            search: SearchState::default(),
            draft: None,
            form: VisitForm::default(),
            visit_started: None,
            visit_opened: false,
            resident_language: LanguageChoice::default(),
            today: Vec::new(),
            today_selected: 0,
            today_total: 0,
            counted_at: None,
            select_newest: true,
            asked: None,
            just_saved: None,
            status: None,
            saving: false,
            service_defaults: BTreeMap::new(),
            defaults_asked: false,
            report: None,
            report_seq: 0,
            central_report: false,
            report_problem: None,
            central_answered_at: None,
            said: 0,
            waiting: None,
            waiting_asked_at: None,
            waiting_called: None,
            waiting_given: None,
            wait_for_visit: None,
            quit: false,
            sync: None,
            next_catalogue: None,
        };
        app.search.results = app.browse_list();
        app
    }

    /// The screen on top of the stack.
    pub fn screen(&self) -> &Screen {
        self.screens.last().unwrap_or(&Screen::Search)
    }

    /// Which commands are live now.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else {
            self.screen_mode()
        }
    }

    /// The mode of the screen on top, ignoring the help overlay.
    pub fn screen_mode(&self) -> Mode {
        match self.screen() {
            Screen::Search => Mode::Search,
            Screen::Detail(_) => Mode::Detail,
            Screen::ShowResident(_) => Mode::ShowResident,
            Screen::VisitForm if self.form.typing() => Mode::FormText,
            Screen::VisitForm => Mode::VisitForm,
            Screen::Today => Mode::Today,
            Screen::Script(_) => Mode::Script,
            Screen::Slip(_) => Mode::Slip,
            Screen::Report(_) => Mode::Report,
            Screen::Booking(view) if view.cancel.is_some() => Mode::BookingText,
            Screen::Booking(view) if view.interpreter.is_some() => Mode::BookingLanguage,
            Screen::Booking(_) => Mode::Booking,
            Screen::Waiting(_) => Mode::Waiting,
        }
    }

    /// True when a text field has focus (the search box, the note): every plain character
    /// typed goes into it, before any key binding, so `?`, digits and spaces can be typed.
    pub fn accepts_text(&self) -> bool {
        self.mode().types_text()
    }

    /// The entry selected in the results, if any.
    pub fn selected_entry(&self) -> Option<EntryKey> {
        self.search.results.get(self.search.selected).copied()
    }

    /// Visits saved today at this desk, as the log last counted them.
    pub fn today_count(&self) -> usize {
        self.today_total
    }

    /// True while the visit on the form is a logged visit being edited, not a new one.
    pub fn editing(&self) -> bool {
        self.draft.as_ref().is_some_and(|d| !d.id.is_nil())
    }

    /// The scrolling text on top, if any: help when it is open, else the details or what is
    /// shown to the resident.
    pub fn text_scroll(&mut self) -> Option<&mut Scroll> {
        if self.help {
            return Some(&mut self.help_scroll);
        }
        match self.screens.last_mut()? {
            Screen::Detail(detail) => Some(&mut detail.scroll),
            Screen::ShowResident(view) => Some(&mut view.scroll),
            Screen::Script(view) => Some(&mut view.scroll),
            Screen::Slip(view) => Some(&mut view.scroll),
            _ => None,
        }
    }

    /// True when `command` does something on the screen on top now; the bottom bar shows only
    /// these. Never a command the desk is not set up for ([`App::set_up_for`]); on a script,
    /// it depends on the node ([`App::script_offers`]); elsewhere every command of the
    /// screen's keymap does.
    pub fn offers(&self, command: Command) -> bool {
        if !self.set_up_for(command) {
            return false;
        }
        match self.screen() {
            Screen::Script(view) if !self.help => {
                self.script_offers(view, command)
                    && (command != Command::Book || self.booking_target().is_ok())
            }
            Screen::Detail(_) if !self.help && command == Command::OpenScript => {
                self.offered_script().is_some()
            }
            Screen::Booking(view) if !self.help => self.booking_offers(view, command),
            // Shown only where there is something to book; pressed elsewhere, it says why.
            Screen::Detail(_) | Screen::ShowResident(_)
                if !self.help && command == Command::Book =>
            {
                self.booking_target().is_ok()
            }
            _ => true,
        }
    }

    /// False for a command this desk is not set up for (the figures of all desks without the
    /// central server's report role): the bottom bar and help leave it out, and it does nothing.
    pub fn set_up_for(&self, command: Command) -> bool {
        match command {
            Command::ReportAllDesks => self.central_report,
            _ => true,
        }
    }

    /// The whole catalogue, for browsing with an empty search box.
    pub(super) fn browse_list(&self) -> Vec<EntryKey> {
        self.catalogue.entries().map(|(key, _)| key).collect()
    }

    /// The key that logs a visit, for messages ("press F2").
    pub fn log_key(&self) -> String {
        self.keys.key(Command::LogVisit)
    }

    /// The current time as UTC, for timestamps.
    pub fn utc_now(&self) -> DateTime<Utc> {
        self.now.to_utc()
    }

    fn say(&mut self, level: Level, text: String) {
        self.said += 1;
        self.status = Some(Status {
            level,
            text,
            at: self.now,
        });
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let (place, said) = (self.place(), self.said);
        let mut effects = self.react(action);
        effects.extend(self.switch_catalogue_between_visits());
        if self.place() != place {
            self.moved(said);
        }
        effects
    }

    fn place(&self) -> Place {
        (self.screens.len(), std::mem::discriminant(self.screen()))
    }

    /// After moving to another screen: a message about the screen left behind goes (an error
    /// stays until it is dealt with), and the search box, come back to, has its query selected.
    fn moved(&mut self, said: u64) {
        if self.said == said
            && self
                .status
                .as_ref()
                .is_some_and(|status| status.level != Level::Error)
        {
            self.status = None;
        }
        self.search.all_selected =
            *self.screen() == Screen::Search && !self.search.query.is_empty();
    }

    /// One action, handed to the function for its concern: the receptionist's input
    /// (`input`), what the workers answer (`answers`), the report, the slip, today's list and
    /// the central server (their own files).
    fn react(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Tick(now) => self.tick(now),
            Action::Command(command) => {
                let question = self.answered_by(command);
                self.command(command, question)
            }
            Action::Input(c) => self.typed(c),
            Action::Paste(text) => self.pasted(&text),
            Action::Scroll(delta) => self.scrolled(delta),
            Action::Click(index) => self.clicked(index),
            Action::TextShown(view) => self.text_shown(view),
            Action::Stop => self.stop(),
            Action::Results { seq, hits } => self.results(seq, hits),
            Action::VisitSaved(visit) => self.visit_saved(visit),
            Action::VisitUpdated(visit) => self.visit_updated(visit),
            Action::VisitDeleted(id) => self.visit_deleted(id),
            Action::SaveFailed(message) => self.save_failed(&message),
            Action::StoreFailed(message) => self.store_said(Level::Error, message),
            Action::StoreWarning(message) => self.store_said(Level::Warning, message),
            Action::TodayLoaded(visits) => {
                self.today_loaded(visits);
                Vec::new()
            }
            Action::TodayCounted { day, count } => self.today_counted(day, count),
            Action::DefaultsLoaded(defaults) => self.defaults_loaded(defaults),
            Action::DraftRestored(draft) => self.draft_restored(*draft),
            Action::DraftNotKept(message) => self.draft_not_kept(&message),
            Action::ReportCounted { seq, counts } => {
                self.report_counted(seq, &counts);
                Vec::new()
            }
            Action::AllDesksNotCounted { seq, reason } => {
                self.all_desks_not_counted(seq, &reason);
                Vec::new()
            }
            Action::SlipFiled(filed) => {
                self.slip_filed(filed);
                Vec::new()
            }
            Action::SyncStatus(state) => self.sync_status(state),
            Action::CatalogueFetched(fetched) => self.catalogue_fetched(fetched),
            Action::BookingTaken(taken) => self.booking_taken(taken),
            Action::BookingNeeds(needs) => self.booking_needs(needs),
            Action::BookingMade(booking) => self.booking_made(booking),
            Action::BookingFull => self.booking_full(),
            Action::BookingCancelled(booking) => self.booking_cancelled(booking),
            Action::BookingNotCancelled { reference, state } => {
                self.booking_not_cancelled(&reference, state)
            }
            Action::WaitingLoaded(day) => self.waiting_loaded(day),
            Action::WaitingArrived(change) => self.waiting_arrived(change),
            Action::TicketGiven(ticket) => self.ticket_given(ticket),
            Action::TicketCalled(called) => self.ticket_called(called),
            Action::TicketSeen(seen) => self.ticket_seen(seen),
            Action::WaitingFor(service) => self.waiting_for(service),
        }
    }

    /// Runs a command; `question` is the question it answers, if it answers one.
    fn command(&mut self, command: Command, question: Option<Question>) -> Vec<Effect> {
        if self.help {
            match command {
                Command::Back | Command::Help => {
                    self.help = false;
                    self.help_scroll = Scroll::default();
                }
                Command::Quit => self.quit = true,
                other => scroll_text(&mut self.help_scroll, other),
            }
            return Vec::new();
        }
        match command {
            Command::Quit => {
                self.quit = true;
                Vec::new()
            }
            Command::Help => {
                self.help = true;
                Vec::new()
            }
            Command::Back => self.back(question),
            Command::Text(edit) => self.change_text(&[Change::Edit(edit)]),
            // From the booking screen the visit is logged from what the booking was made on.
            Command::LogVisit if matches!(self.screen(), Screen::Booking(_)) => {
                self.screens.pop();
                self.open_form()
            }
            Command::LogVisit => self.open_form(),
            Command::Book => self.open_booking(),
            Command::CancelBooking if !matches!(self.screen(), Screen::Booking(_)) => {
                self.open_cancel_prompt()
            }
            Command::OpenScript => self.open_script(),
            Command::Slip => self.open_slip(),
            Command::ResidentLanguage if matches!(self.screen(), Screen::Slip(_)) => {
                self.switch_slip_language()
            }
            Command::ResidentLanguage => {
                self.resident_language = self.resident_language.switched();
                if let Some(draft) = &mut self.draft {
                    draft.language = self.resident_language;
                }
                let welsh = self.resident_language.reads_welsh();
                self.say(
                    Level::Info,
                    text::status::resident_language(self.lang, welsh),
                );
                Vec::new()
            }
            Command::Today => {
                if *self.screen() != Screen::Today {
                    self.screens.push(Screen::Today);
                    self.select_newest = true;
                }
                vec![self.refresh_today()]
            }
            Command::Report => self.open_report(),
            Command::Waiting => self.open_waiting(),
            // A visit being logged can be discarded from any screen, not only its form.
            Command::Discard if *self.screen() != Screen::VisitForm => {
                if self.draft.is_none() {
                    self.say(Level::Warning, text::status::nothing_to_discard(self.lang));
                    Vec::new()
                } else if self.saving {
                    Vec::new()
                } else if self.editing() {
                    self.drop_edit()
                } else {
                    self.finish_visit(text::status::draft_discarded(self.lang))
                }
            }
            Command::Note => self.go_to_note(),
            Command::NewResident => {
                if self.draft.is_some() {
                    self.finish_visit_first();
                    return Vec::new();
                }
                self.visit_started = Some(self.utc_now());
                self.visit_opened = false;
                self.resident_language = LanguageChoice::default();
                self.clear_query();
                self.waiting_given = None;
                self.screens.truncate(1);
                self.say(Level::Info, text::status::new_resident(self.lang));
                Vec::new()
            }
            _ => match self.screen().clone() {
                Screen::Search => self.search_command(command),
                Screen::Detail(detail) => self.detail_command(detail, command),
                Screen::ShowResident(_) => {
                    if let Some(scroll) = self.text_scroll() {
                        scroll_text(scroll, command);
                    }
                    Vec::new()
                }
                Screen::VisitForm => self.form_command(command),
                Screen::Today => self.today_command(command, question),
                Screen::Script(view) => self.script_command(view, command),
                Screen::Slip(view) => self.slip_command(view, command),
                Screen::Report(view) => self.report_command(view, command),
                Screen::Booking(view) => self.booking_command(*view, command),
                Screen::Waiting(view) => self.waiting_command(view, command),
            },
        }
    }

    /// Says that the visit being logged must be saved or discarded first.
    fn finish_visit_first(&mut self) {
        let key = self.log_key();
        self.say(
            Level::Warning,
            text::status::finish_visit_first(self.lang, &key),
        );
    }

    fn back(&mut self, question: Option<Question>) -> Vec<Effect> {
        match (self.screen(), question) {
            (Screen::Today, Some(Question::Undo(_))) => {
                self.say(Level::Info, text::status::undo_kept(self.lang));
                return Vec::new();
            }
            (Screen::VisitForm, question) if self.editing() => {
                return self.leave_edit(question == Some(Question::DropEdit));
            }
            // The booking screen steps back itself: a prompt closes, the needs go back to the
            // slots, and only then is the screen left.
            (Screen::Booking(view), _) => {
                let view = (**view).clone();
                return self.booking_command(view, Command::Back);
            }
            _ => {}
        }
        if self.screens.len() > 1 {
            self.screens.pop();
        } else if !self.search.query.is_empty() {
            self.clear_query();
            self.search_cleared();
        }
        Vec::new()
    }

    /// The search was cleared: with nothing opened yet, no resident's visit has begun (it was
    /// an idle search between residents), so the timer starts again at the next key.
    fn search_cleared(&mut self) {
        if !self.visit_opened && self.draft.is_none() {
            self.visit_started = None;
        }
    }

    /// Something was opened for the resident at the desk: their visit has begun, now if not
    /// before.
    pub(super) fn visit_begun(&mut self) {
        if self.visit_started.is_none() {
            self.visit_started = Some(self.utc_now());
        }
        self.visit_opened = true;
    }

    fn clear_query(&mut self) {
        self.search.query.clear();
        self.search.cursor = 0;
        self.search.seq += 1;
        self.search.pending = false;
        self.search.results = self.browse_list();
        self.search.selected = 0;
    }

    fn search_command(&mut self, command: Command) -> Vec<Effect> {
        let last = self.search.results.len().saturating_sub(1);
        let selected = &mut self.search.selected;
        match command {
            Command::Up => *selected = selected.saturating_sub(1),
            Command::Down => *selected = (*selected + 1).min(last),
            Command::PageUp => *selected = selected.saturating_sub(PAGE),
            Command::PageDown => *selected = (*selected + PAGE).min(last),
            Command::Open => match self.selected_entry() {
                Some(key) if key.kind == Kind::Script => {
                    if let Some(id) = self.catalogue.scripts.get(key.index).map(|s| s.id.clone()) {
                        self.walk_script(&id);
                    }
                }
                Some(key) => {
                    self.visit_begun();
                    self.screens.push(Screen::Detail(Detail::new(key)));
                }
                None => {}
            },
            _ => {}
        }
        Vec::new()
    }

    fn detail_command(&mut self, mut detail: Detail, command: Command) -> Vec<Effect> {
        let links = self.catalogue.links(detail.key);
        match command {
            Command::Down
            | Command::Up
            | Command::PageDown
            | Command::PageUp
            | Command::Top
            | Command::Bottom => scroll_text(&mut detail.scroll, command),
            Command::NextLink => detail.select_link(1, links.len()),
            Command::PreviousLink => detail.select_link(-1, links.len()),
            Command::Open | Command::Link(_) => {
                let index = match command {
                    Command::Link(n) => usize::from(n).saturating_sub(1),
                    _ => detail.link,
                };
                if let Some(link) = links.get(index) {
                    self.screens.push(Screen::Detail(Detail::new(link.key)));
                }
                return Vec::new();
            }
            Command::ShowResident => {
                self.screens
                    .push(Screen::ShowResident(ResidentView::new(detail.key)));
                return Vec::new();
            }
            _ => return Vec::new(),
        }
        if let Some(top) = self.screens.last_mut() {
            *top = Screen::Detail(detail);
        }
        Vec::new()
    }

    /// The entry the receptionist is looking at, for pre-filling the visit form.
    fn current_entry(&self) -> Option<EntryKey> {
        for screen in self.screens.iter().rev() {
            match screen {
                Screen::Detail(d) => return Some(d.key),
                Screen::ShowResident(view) => return Some(view.key),
                // With an empty box the selection is just the top of the list, not a choice.
                Screen::Search if self.search.query.trim().is_empty() => return None,
                Screen::Search => return self.selected_entry(),
                _ => {}
            }
        }
        None
    }

    /// The entries a visit logged now is about: the one on screen and, for a partner reached
    /// from a service's (or a question's) links, that service too: the resident came about it.
    pub(super) fn current_entries(&self) -> Vec<EntryKey> {
        let Some(top) = self.current_entry() else {
            return Vec::new();
        };
        let is_partner =
            |key: EntryKey| matches!(self.catalogue.entry(key), Some(Entry::Partner(_)));
        let mut entries = vec![top];
        if is_partner(top) {
            let below = self.screens.iter().rev().find_map(|screen| match screen {
                Screen::Detail(d) if !is_partner(d.key) => Some(d.key),
                Screen::ShowResident(view) if !is_partner(view.key) => Some(view.key),
                _ => None,
            });
            entries.extend(below);
        }
        entries
    }

    fn open_form(&mut self) -> Vec<Effect> {
        if *self.screen() == Screen::VisitForm || self.saving {
            return Vec::new();
        }
        // An edit (kept from a window that stopped mid-edit) is finished on its own: what is
        // on screen now belongs to a new visit, not to the one being edited.
        // A slip previewed over a script's end is the script's: the visit is logged from it.
        let on_script = matches!(self.under_slip(), Screen::Script(_));
        let end = self.script_end_on_top();
        if on_script && end.is_none() {
            // Mid-script or at an urgent end not yet acknowledged: the walk comes first.
            self.script_not_ended();
            return Vec::new();
        }
        let entries = if *self.screen() == Screen::Today || self.editing() || on_script {
            Vec::new()
        } else {
            self.current_entries()
        };
        // A script is walked, not logged: its end fills the visit in.
        if let Some(script) = entries.iter().find(|key| key.kind == Kind::Script) {
            if let Some(id) = self
                .catalogue
                .scripts
                .get(script.index)
                .map(|s| s.id.clone())
            {
                self.walk_script(&id);
                let key = self.log_key();
                self.say(Level::Info, text::script::walked_from_log(self.lang, &key));
            }
            return Vec::new();
        }
        let started = self.visit_started.unwrap_or(self.utc_now());
        let (desk, staff, version) = (&self.desk, &self.staff, self.catalogue.version());
        let language = self.resident_language;
        let draft = self.draft.get_or_insert_with(|| VisitDraft {
            language,
            ..VisitDraft::new(started, desk, staff, version)
        });
        self.resident_language = draft.language;
        for key in entries {
            add_entry(&self.catalogue, draft, key);
        }
        // Last time's answers for these services are offered beside their fields, not filled.
        let offered = if draft.id.is_nil() {
            draft.offer(&self.service_defaults)
        } else {
            ServiceDefault::default()
        };
        if let Some((end, record)) = end {
            super::draft::fill_from_end(draft, &end);
            draft.script = Some(Box::new(record));
        }
        self.visit_started = Some(draft.started_at);
        self.visit_opened = true;
        self.form = VisitForm::for_draft(&self.catalogue, draft);
        self.form.offered = offered;
        self.screens.push(Screen::VisitForm);
        self.draft
            .clone()
            .map(Effect::SaveDraft)
            .into_iter()
            .collect()
    }

    /// Straight to the note of the visit being logged, opening its form if need be.
    fn go_to_note(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        if *self.screen() != Screen::VisitForm {
            effects = self.open_form();
        }
        if *self.screen() == Screen::VisitForm
            && !self.saving
            && let Some(draft) = &self.draft
        {
            self.form.focus(&self.catalogue, Field::Note, draft);
        }
        effects
    }

    fn form_command(&mut self, command: Command) -> Vec<Effect> {
        // The visit on its way to disk is the one the form shows: it cannot change meanwhile.
        if self.saving {
            return Vec::new();
        }
        let Some(draft) = self.draft.as_mut() else {
            self.screens.pop();
            return Vec::new();
        };
        match command {
            Command::Save => return self.save(false),
            Command::RedactAndSave => return self.save(true),
            Command::Discard if !draft.id.is_nil() => return self.drop_edit(),
            Command::Discard => {
                return self.finish_visit(text::status::draft_discarded(self.lang));
            }
            Command::Outcome(n) => {
                let index = usize::from(n).saturating_sub(1);
                self.form
                    .number(&self.catalogue, draft, Field::Outcome, index);
            }
            Command::TakeLastTime => {
                if !draft.take_offer(self.form.offered) {
                    return Vec::new();
                }
            }
            other => self.form.command(&self.catalogue, draft, other),
        }
        let effects = vec![Effect::SaveDraft(draft.clone())];
        self.form.privacy.clear();
        if command == Command::Toggle && self.form.field == Field::Partners {
            self.ask_consent();
        }
        effects
    }

    /// After a partner on the form was stepped to a referral that needs the resident's
    /// agreement: asks the question on the status bar, with the key that answers it.
    fn ask_consent(&mut self) {
        let Some(draft) = &self.draft else {
            return;
        };
        let Some(id) = self.form.partner_options.get(self.form.cursor) else {
            return;
        };
        let needs = self.form.consent_partners.contains(id);
        if !needs {
            return;
        }
        let name = self
            .catalogue
            .partner(id)
            .map_or(id.clone(), |p| p.name.clone());
        let key = self.keys.key(Command::Toggle);
        let sentence = match draft.partner_how(id) {
            (crate::visit::PartnerHow::Referral, Some(agreed)) => {
                text::status::consent_question(self.lang, &name, agreed, &key)
            }
            (crate::visit::PartnerHow::Signpost, Some(true)) => {
                text::status::signpost_consent(self.lang, &name, &key)
            }
            _ => return,
        };
        self.say(Level::Info, sentence);
    }

    fn save(&mut self, redact: bool) -> Vec<Effect> {
        if self.saving {
            return Vec::new();
        }
        let (now, lang) = (self.utc_now(), self.lang);
        // An edit comes back after a crash with its visit's times: past the window it can only
        // be dropped, as `e` on today's list would have refused it.
        if let Some(draft) = &self.draft
            && !draft.id.is_nil()
            && now - draft.ended_at > UNDO_WINDOW
        {
            let time = draft.started_at.with_timezone(self.now.offset());
            let time = time.format("%H:%M").to_string();
            let effects = self.drop_edit();
            let minutes = UNDO_WINDOW.num_minutes();
            self.say(
                Level::Warning,
                text::status::too_old_to_change(lang, &time, minutes),
            );
            return effects;
        }
        let Some(draft) = self.draft.as_mut() else {
            return Vec::new();
        };
        let redacted = redact && draft.note.is_some();
        if redact && let Some(note) = &draft.note {
            draft.note = Some(crate::visit::redact_note(note, &self.catalogue));
        }
        let editing = !draft.id.is_nil();
        let mut finished = draft.clone();
        if !editing {
            finished.ended_at = now;
            // The resident this desk called last waited this long: the next visit logged here.
            finished.waited_seconds = finished.waited_seconds.or(self.wait_for_visit);
        }
        let refused = match finished.validate(&self.catalogue) {
            Ok(visit) => {
                self.saving = true;
                self.say(Level::Info, text::status::saving(lang));
                return if editing {
                    vec![Effect::UpdateVisit(visit)]
                } else {
                    vec![Effect::SaveVisit(visit)]
                };
            }
            Err(refused) => refused,
        };
        let kept = Effect::SaveDraft(draft.clone());
        if let Some(field) = Field::owning(&refused) {
            self.form.focus(&self.catalogue, field, draft);
        }
        let keys = &self.keys;
        let sentence = match &refused {
            Invalid::PersonalData(kinds) => {
                self.form.privacy = kinds.clone();
                text::status::personal_data(lang, kinds, &keys.key(Command::RedactAndSave))
            }
            Invalid::PersonalDataInLabel(label, kinds) => {
                text::status::personal_data_in_label(lang, *label, kinds)
            }
            Invalid::UnknownService { id } => {
                text::status::unknown_service(lang, id, &keys.key(Command::Remove))
            }
            Invalid::UnknownPartner { id } => {
                text::status::unknown_partner(lang, id, &keys.key(Command::Toggle))
            }
            Invalid::ConsentNotAsked { id } => {
                let name = self.catalogue.partner(id).map_or(id.as_str(), |p| &p.name);
                text::status::consent_not_asked(lang, name, &keys.key(Command::Toggle))
            }
            Invalid::Incomplete(crate::visit::DraftIncomplete::NoOutcome) => {
                let first = keys.key(Command::Outcome(1));
                let last = keys.key(Command::Outcome(6));
                text::status::choose_outcome(lang, &first, &last)
            }
            Invalid::Incomplete(crate::visit::DraftIncomplete::NoService) => {
                let (back, log) = (keys.key(Command::Back), keys.key(Command::LogVisit));
                text::status::add_a_service(lang, &back, &log)
            }
            Invalid::Incomplete(incomplete) => text::status::before_saving(lang, incomplete),
        };
        self.say(Level::Warning, sentence);
        // A redacted note is kept, and so is a note the receptionist is asked to edit.
        if redacted || matches!(refused, Invalid::PersonalData(_)) {
            vec![kept]
        } else {
            Vec::new()
        }
    }

    fn visit_saved(&mut self, visit: Visit) -> Vec<Effect> {
        self.saving = false;
        if visit.waited_seconds.is_some() {
            self.wait_for_visit = None;
        }
        self.remember_defaults(&visit);
        let services = self.service_titles(&visit);
        // The log's count and this visit; the log is asked again for the others' saves.
        self.today_total += 1;
        let message = text::status::visit_saved(self.lang, &services, self.today_total);
        self.just_saved = Some(services);
        self.today.push(visit);
        self.today_selected = self.today.len() - 1;
        let mut effects = self.finish_visit(message);
        effects.insert(0, self.refresh_today());
        effects.extend(self.refresh_report());
        effects
    }

    /// What the log remembered with the visit (see `store::visits`): its demand and way of
    /// helping online, as each of its services' defaults.
    fn remember_defaults(&mut self, visit: &Visit) {
        for service in &visit.services {
            let default = self
                .service_defaults
                .entry(service.service.clone())
                .or_default();
            default.demand = visit.demand.or(default.demand);
            default.assisted = visit.assisted.or(default.assisted);
        }
    }

    /// The one way a visit ends, saved or discarded: the form, the draft, the search and the
    /// timer are cleared for the next resident, and the screen goes back to the search (or to
    /// today's list, after an edit from there).
    fn finish_visit(&mut self, message: String) -> Vec<Effect> {
        self.visit_started = None;
        self.visit_opened = false;
        self.resident_language = LanguageChoice::default();
        self.waiting_given = None;
        self.clear_query();
        self.close_form(message)
    }

    /// Closes the form after its visit was saved, updated or discarded. An edit from today's
    /// list goes back to the list; the search and the timer of the resident at the desk are
    /// left as they are (a new visit's end clears them in [`App::finish_visit`]).
    fn close_form(&mut self, message: String) -> Vec<Effect> {
        self.draft = None;
        self.form = VisitForm::default();
        self.screens
            .retain(|s| matches!(s, Screen::Search | Screen::Today | Screen::Report(_)));
        if matches!(self.screens.last(), Some(Screen::Today | Screen::Report(_)))
            && self.screens.len() > 1
        {
            // An edit from today's list goes back to the list (and a report under it stays).
        } else {
            self.screens.truncate(1);
        }
        self.say(Level::Info, message);
        vec![Effect::ClearDraft]
    }

    /// Types or edits in the focused text field: the note on the form, else the search box.
    fn change_text(&mut self, changes: &[Change]) -> Vec<Effect> {
        match self.mode() {
            Mode::FormText => {
                let Some(draft) = self.draft.as_mut() else {
                    return Vec::new();
                };
                let mut changed = false;
                for change in changes {
                    changed |= self.form.change_text(draft, *change);
                }
                if !changed {
                    return Vec::new();
                }
                self.form.privacy.clear();
                vec![Effect::SaveDraft(draft.clone())]
            }
            Mode::Search => {
                let typed = changes.iter().any(|c| matches!(c, Change::Type(_)));
                if typed && self.visit_started.is_none() {
                    self.visit_started = Some(self.utc_now());
                }
                let search = &mut self.search;
                let mut changed = false;
                if std::mem::take(&mut search.all_selected)
                    && let Some(first) = changes.first()
                    && replaces_selection(*first)
                {
                    changed = !search.query.is_empty();
                    search.query.clear();
                    search.cursor = 0;
                }
                let changes = match changes.first() {
                    // A delete key empties the selection, and that is all it does.
                    Some(Change::Edit(_)) if changed => &changes[1..],
                    _ => changes,
                };
                for change in changes {
                    changed |= text_field::apply(
                        &mut search.query,
                        &mut search.cursor,
                        *change,
                        QUERY_MAX_CHARS,
                    );
                }
                if changed {
                    self.query_changed()
                } else {
                    Vec::new()
                }
            }
            Mode::BookingText | Mode::BookingLanguage => self.booking_text(changes),
            Mode::Waiting => self.waiting_text(changes),
            _ => Vec::new(),
        }
    }

    fn query_changed(&mut self) -> Vec<Effect> {
        self.search.seq += 1;
        if self.search.query.trim().is_empty() {
            self.search_cleared();
            self.search.pending = false;
            self.search.results = self.browse_list();
            self.search.selected = 0;
            return Vec::new();
        }
        self.search.pending = true;
        vec![Effect::Search {
            seq: self.search.seq,
            query: self.search.query.clone(),
        }]
    }
}

/// True for a change that replaces a selected query: a character typed, or a delete key.
fn replaces_selection(change: Change) -> bool {
    use super::text_field::TextEdit;
    match change {
        Change::Type(_) => true,
        Change::Edit(edit) => matches!(
            edit,
            TextEdit::DeleteBack
                | TextEdit::DeleteForward
                | TextEdit::DeleteWordBack
                | TextEdit::DeleteToStart
                | TextEdit::DeleteToEnd
        ),
    }
}

/// Moves a scrolling text for a scrolling command; other commands leave it be.
pub(super) fn scroll_text(scroll: &mut Scroll, command: Command) {
    match command {
        Command::Down => scroll.by(1),
        Command::Up => scroll.by(-1),
        Command::PageDown => scroll.by_pages(1),
        Command::PageUp => scroll.by_pages(-1),
        Command::Top => scroll.to_top(),
        Command::Bottom => scroll.to_bottom(),
        _ => {}
    }
}
