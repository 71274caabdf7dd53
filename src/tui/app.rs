//! The reception screen's state and its one pure update: `App::update(Action) -> Vec<Effect>`.
//! No terminal, no SQL, no clock here: the time arrives as `Action::Tick`.

use std::sync::Arc;

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::action::{Action, Effect};
use super::form::{Field, VisitForm};
use super::keymap::{Command, Keymap, Mode};
use crate::catalogue::{Catalogue, Entry, EntryKey, Kind};
use crate::visit::{DraftIncomplete, NOTE_MAX_CHARS, Outcome, Visit, VisitDraft};

/// How long the last visit can still be undone or edited.
pub const UNDO_WINDOW: Duration = Duration::minutes(10);

/// How long an information message stays in the status bar.
const INFO_LIFETIME: Duration = Duration::seconds(8);

/// One screen on the stack; Esc goes back to the one below. Search is always at the bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Search,
    Detail(Detail),
    ShowResident(EntryKey),
    VisitForm,
    Today,
}

/// A detail screen: which entry, how far it is scrolled, which link is selected.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub key: EntryKey,
    pub scroll: u16,
    pub link: usize,
}

/// A link from a detail screen to a related entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub key: EntryKey,
    /// Why it is linked: "Related" or "Signpost to".
    pub relation: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// A message in the status bar, always with a word as well as a colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub level: Level,
    pub text: String,
    pub at: DateTime<FixedOffset>,
}

/// The search box and its results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchState {
    pub query: String,
    /// Number of the latest query sent; answers to older ones are dropped.
    pub seq: u64,
    /// The results on screen: the latest answer, or the whole catalogue when the box is empty.
    pub results: Vec<EntryKey>,
    pub selected: usize,
    /// True while the latest query's answer has not arrived.
    pub pending: bool,
}

pub struct App {
    pub catalogue: Arc<Catalogue>,
    pub keymap: Keymap,
    pub desk: String,
    pub staff: String,
    /// The wall clock in local time, from the last tick.
    pub now: DateTime<FixedOffset>,
    pub screens: Vec<Screen>,
    pub help: bool,
    pub help_scroll: u16,
    pub search: SearchState,
    /// The visit being logged, if any: kept until it is saved or discarded.
    pub draft: Option<VisitDraft>,
    pub form: VisitForm,
    /// When the current resident's visit started (new resident, or the first search after a save).
    pub visit_started: Option<DateTime<Utc>>,
    /// Today's visits at this desk, oldest first.
    pub today: Vec<Visit>,
    pub today_selected: usize,
    pub status: Option<Status>,
    pub saving: bool,
    pub quit: bool,
}

impl App {
    pub fn new(
        catalogue: Arc<Catalogue>,
        keymap: Keymap,
        desk: &str,
        staff: &str,
        now: DateTime<FixedOffset>,
    ) -> App {
        let mut app = App {
            catalogue,
            keymap,
            desk: desk.to_string(),
            staff: staff.to_string(),
            now,
            screens: vec![Screen::Search],
            help: false,
            help_scroll: 0,
            search: SearchState::default(),
            draft: None,
            form: VisitForm::default(),
            visit_started: None,
            today: Vec::new(),
            today_selected: 0,
            status: None,
            saving: false,
            quit: false,
        };
        app.search.results = app.browse_list();
        app
    }

    /// The screen on top of the stack.
    pub fn screen(&self) -> &Screen {
        self.screens.last().unwrap_or(&Screen::Search)
    }

    /// Which keys are live now.
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
            Screen::VisitForm => Mode::VisitForm,
            Screen::Today => Mode::Today,
        }
    }

    /// True when plain characters go to a text field before the keymap (the note field), so
    /// digits and spaces can be typed there.
    pub fn text_first(&self) -> bool {
        !self.help && *self.screen() == Screen::VisitForm && self.form.field == Field::Note
    }

    /// True when unbound characters are typed into a text field.
    pub fn accepts_text(&self) -> bool {
        !self.help && matches!(self.screen(), Screen::Search) || self.text_first()
    }

    /// The entry selected in the results, if any.
    pub fn selected_entry(&self) -> Option<EntryKey> {
        self.search.results.get(self.search.selected).copied()
    }

    /// Visits saved today at this desk.
    pub fn today_count(&self) -> usize {
        self.today.len()
    }

    /// The whole catalogue, for browsing with an empty search box.
    fn browse_list(&self) -> Vec<EntryKey> {
        self.catalogue.entries().map(|(key, _)| key).collect()
    }

    /// The key that logs a visit, for messages ("press F2").
    pub fn log_key(&self) -> String {
        let key = self.keymap.key_for(Mode::Search, Command::LogVisit);
        key.map_or_else(|| "F2".to_string(), |k| k.to_string())
    }

    /// The current time as UTC, for timestamps.
    pub fn utc_now(&self) -> DateTime<Utc> {
        self.now.to_utc()
    }

    fn say(&mut self, level: Level, text: impl Into<String>) {
        self.status = Some(Status {
            level,
            text: text.into(),
            at: self.now,
        });
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Tick(now) => {
                self.now = now;
                if let Some(status) = &self.status
                    && status.level == Level::Info
                    && now - status.at > INFO_LIFETIME
                {
                    self.status = None;
                }
                Vec::new()
            }
            Action::Command(command) => self.command(command),
            Action::Input(c) => self.input(Some(c)),
            Action::DeleteBack => self.input(None),
            Action::Paste(text) => {
                // One line of text: newlines and tabs become spaces, so a paste never saves.
                let mut effects = Vec::new();
                for c in text.chars().map(|c| if c.is_control() { ' ' } else { c }) {
                    effects = self.input(Some(c));
                }
                effects
            }
            Action::ClearText => self.clear_text(),
            Action::Scroll(delta) => {
                if delta < 0 {
                    self.command(Command::Up)
                } else {
                    self.command(Command::Down)
                }
            }
            Action::Click(index) => {
                if self.mode() == Mode::Search && index < self.search.results.len() {
                    if self.search.selected == index {
                        return self.search_command(Command::Open);
                    }
                    self.search.selected = index;
                }
                Vec::new()
            }
            Action::Results { seq, hits } => {
                if seq == self.search.seq {
                    self.search.results = hits.into_iter().map(|h| h.key).collect();
                    self.search.selected = 0;
                    self.search.pending = false;
                }
                Vec::new()
            }
            Action::VisitSaved(visit) => self.visit_saved(visit),
            Action::VisitUpdated(visit) => {
                self.saving = false;
                if let Some(old) = self.today.iter_mut().find(|v| v.id == visit.id) {
                    *old = visit;
                }
                self.finish_visit("Visit updated.")
            }
            Action::VisitDeleted(id) => {
                self.today.retain(|v| v.id != id);
                self.today_selected = self.today_selected.min(self.today.len().saturating_sub(1));
                self.say(
                    Level::Info,
                    "Last visit undone: it is no longer in the log.",
                );
                Vec::new()
            }
            Action::SaveFailed(message) => {
                self.saving = false;
                let key = self.keymap.key_for(Mode::VisitForm, Command::Save);
                let key = key.map_or_else(|| "Enter".to_string(), |k| k.to_string());
                self.say(
                    Level::Error,
                    format!("{message} The visit is kept as a draft: press {key} on the form to try again."),
                );
                Vec::new()
            }
            Action::StoreFailed(message) => {
                self.say(Level::Error, message);
                Vec::new()
            }
            Action::TodayLoaded(visits) => {
                self.today = visits;
                self.today_selected = self.today.len().saturating_sub(1);
                Vec::new()
            }
            Action::DraftRestored(draft) => {
                if self.draft.is_none() {
                    self.visit_started = Some(draft.started_at);
                    self.draft = Some(draft);
                    let key = self.log_key();
                    self.say(
                        Level::Warning,
                        format!("A visit from before was not saved. Press {key} to finish it."),
                    );
                }
                Vec::new()
            }
            Action::DraftNotKept(message) => {
                self.say(
                    Level::Warning,
                    format!("{message} The visit stays on screen until it is saved."),
                );
                Vec::new()
            }
            Action::Stop => {
                self.quit = true;
                Vec::new()
            }
        }
    }

    fn command(&mut self, command: Command) -> Vec<Effect> {
        if self.help {
            match command {
                Command::Back | Command::Help => {
                    self.help = false;
                    self.help_scroll = 0;
                }
                Command::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                Command::Down => self.help_scroll = self.help_scroll.saturating_add(1),
                Command::Quit => self.quit = true,
                _ => {}
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
            Command::Back => self.back(),
            Command::LogVisit => self.open_form(),
            Command::Today => {
                if *self.screen() != Screen::Today {
                    self.screens.push(Screen::Today);
                }
                vec![Effect::LoadToday(self.now.date_naive())]
            }
            Command::NewResident => {
                if self.draft.is_some() {
                    let key = self.log_key();
                    self.say(
                        Level::Warning,
                        format!("Save or discard the visit being logged first ({key} opens it)."),
                    );
                    return Vec::new();
                }
                self.visit_started = Some(self.utc_now());
                self.clear_query();
                self.screens.truncate(1);
                self.say(Level::Info, "New resident: the visit timer has started.");
                Vec::new()
            }
            _ => match self.screen().clone() {
                Screen::Search => self.search_command(command),
                Screen::Detail(detail) => self.detail_command(detail, command),
                Screen::ShowResident(_) => Vec::new(),
                Screen::VisitForm => self.form_command(command),
                Screen::Today => self.today_command(command),
            },
        }
    }

    fn back(&mut self) -> Vec<Effect> {
        if self.screens.len() > 1 {
            self.screens.pop();
        } else if !self.search.query.is_empty() {
            self.clear_query();
        }
        Vec::new()
    }

    fn clear_query(&mut self) {
        self.search.query.clear();
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
            Command::PageUp => *selected = selected.saturating_sub(10),
            Command::PageDown => *selected = (*selected + 10).min(last),
            Command::Open => {
                if let Some(key) = self.selected_entry() {
                    self.screens.push(Screen::Detail(Detail {
                        key,
                        scroll: 0,
                        link: 0,
                    }));
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// The links of an entry's detail screen: related entries, then partners to signpost to.
    pub fn links(&self, key: EntryKey) -> Vec<Link> {
        let catalogue = &self.catalogue;
        let (related, signpost): (&[String], &[String]) = match catalogue.entry(key) {
            Some(Entry::Service(s)) => (&s.related, &s.signpost),
            Some(Entry::Faq(f)) => (&f.related, &[]),
            _ => (&[], &[]),
        };
        let mut links = Vec::new();
        for id in related {
            if let Some(key) = catalogue.find(id) {
                links.push(Link {
                    key,
                    relation: "Related",
                });
            }
        }
        for id in signpost {
            if let Some(key) = catalogue.find(id) {
                links.push(Link {
                    key,
                    relation: "Signpost to",
                });
            }
        }
        if let Some(Entry::Service(s)) = catalogue.entry(key)
            && let Some(partner) = catalogue
                .find(&s.provider)
                .filter(|k| k.kind == Kind::Partner)
            && !links.iter().any(|l| l.key == partner)
        {
            links.push(Link {
                key: partner,
                relation: "Provided by",
            });
        }
        links
    }

    fn detail_command(&mut self, mut detail: Detail, command: Command) -> Vec<Effect> {
        let links = self.links(detail.key);
        match command {
            Command::Down => detail.link = (detail.link + 1).min(links.len().saturating_sub(1)),
            Command::Up => detail.link = detail.link.saturating_sub(1),
            Command::PageDown => detail.scroll = detail.scroll.saturating_add(1),
            Command::PageUp => detail.scroll = detail.scroll.saturating_sub(1),
            Command::Open | Command::Link(_) => {
                let index = match command {
                    Command::Link(n) => usize::from(n).saturating_sub(1),
                    _ => detail.link,
                };
                if let Some(link) = links.get(index) {
                    self.screens.push(Screen::Detail(Detail {
                        key: link.key,
                        scroll: 0,
                        link: 0,
                    }));
                }
                return Vec::new();
            }
            Command::ShowResident => {
                self.screens.push(Screen::ShowResident(detail.key));
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
                Screen::ShowResident(key) => return Some(*key),
                // With an empty box the selection is just the top of the list, not a choice.
                Screen::Search if self.search.query.trim().is_empty() => return None,
                Screen::Search => return self.selected_entry(),
                _ => {}
            }
        }
        None
    }

    fn open_form(&mut self) -> Vec<Effect> {
        if *self.screen() == Screen::VisitForm {
            return Vec::new();
        }
        let entry = if *self.screen() == Screen::Today {
            None
        } else {
            self.current_entry()
        };
        let started = self.visit_started.unwrap_or(self.utc_now());
        let (desk, staff, version) = (&self.desk, &self.staff, self.catalogue.version());
        let draft = self
            .draft
            .get_or_insert_with(|| VisitDraft::new(started, desk, staff, version));
        if let Some(key) = entry {
            add_entry_to_draft(&self.catalogue, draft, key);
        }
        self.visit_started = Some(draft.started_at);
        self.form = VisitForm::for_draft(&self.catalogue, draft);
        self.screens.push(Screen::VisitForm);
        self.draft
            .clone()
            .map(Effect::SaveDraft)
            .into_iter()
            .collect()
    }

    fn form_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(draft) = self.draft.as_mut() else {
            self.screens.pop();
            return Vec::new();
        };
        match command {
            Command::Save => return self.save(false),
            Command::RedactAndSave => return self.save(true),
            Command::Discard => {
                self.draft = None;
                self.form = VisitForm::default();
                self.screens.pop();
                self.say(Level::Info, "Draft discarded.");
                return vec![Effect::ClearDraft];
            }
            Command::Outcome(n) => {
                if let Some(outcome) = Outcome::ALL.get(usize::from(n).saturating_sub(1)) {
                    draft.outcome = Some(*outcome);
                    self.form.field = Field::Outcome;
                    self.form.cursor_to_outcome(*outcome);
                }
            }
            other => self.form.command(&self.catalogue, draft, other),
        }
        self.form.privacy.clear();
        vec![Effect::SaveDraft(draft.clone())]
    }

    fn save(&mut self, redact: bool) -> Vec<Effect> {
        if self.saving {
            return Vec::new();
        }
        let now = self.utc_now();
        let check = crate::privacy::NoteCheck::new(self.catalogue.contact_details());
        let Some(draft) = self.draft.as_mut() else {
            return Vec::new();
        };
        if redact && let Some(note) = &draft.note {
            draft.note = Some(check.redact(note));
        }
        let note = draft.note.clone().unwrap_or_default();
        let findings = check.find(&note);
        if !findings.is_empty() {
            let found = crate::privacy::describe(&crate::privacy::kinds(&findings));
            let saved = Effect::SaveDraft(draft.clone());
            self.form.privacy = found.clone();
            self.form.field = Field::Note;
            let key = self.keymap.key_for(Mode::VisitForm, Command::RedactAndSave);
            let key = key.map_or_else(|| "Ctrl-R".to_string(), |k| k.to_string());
            self.say(
                Level::Warning,
                format!("The note looks like it holds {found}. Press {key} to remove it and save, or edit the note."),
            );
            return vec![saved];
        }
        let editing = !draft.id.is_nil();
        let mut finished = draft.clone();
        if !editing {
            finished.ended_at = now;
        }
        let visit = match finished.into_visit() {
            Ok(visit) => visit,
            Err(DraftIncomplete::NoOutcome) => {
                self.form.field = Field::Outcome;
                self.say(
                    Level::Warning,
                    "Choose an outcome first: press a number from 1 to 6.",
                );
                return Vec::new();
            }
            Err(DraftIncomplete::NoService) => {
                let key = self.log_key();
                self.say(
                    Level::Warning,
                    format!("Add at least one service: press Esc, find it, and press {key} again."),
                );
                return Vec::new();
            }
            Err(incomplete) => {
                self.say(Level::Warning, format!("Before saving, {incomplete}."));
                return Vec::new();
            }
        };
        self.saving = true;
        self.say(Level::Info, "Saving…");
        if editing {
            vec![Effect::UpdateVisit(visit)]
        } else {
            vec![Effect::SaveVisit(visit)]
        }
    }

    fn visit_saved(&mut self, visit: Visit) -> Vec<Effect> {
        self.saving = false;
        let titles: Vec<&str> = visit
            .services
            .iter()
            .map(|id| self.catalogue.service_title(id))
            .collect();
        let services = titles.join(", ");
        self.today.push(visit);
        self.today_selected = self.today.len() - 1;
        let count = self.today.len();
        self.finish_visit(&format!(
            "Visit saved: {services}. {count} today at this desk."
        ))
    }

    fn finish_visit(&mut self, message: &str) -> Vec<Effect> {
        self.draft = None;
        self.form = VisitForm::default();
        self.visit_started = None;
        self.clear_query();
        self.screens
            .retain(|s| matches!(s, Screen::Search | Screen::Today));
        if self.screens.last() == Some(&Screen::Today) && self.screens.len() > 1 {
            // An edit from today's list goes back to the list.
        } else {
            self.screens.truncate(1);
        }
        self.say(Level::Info, message);
        vec![Effect::ClearDraft]
    }

    fn today_command(&mut self, command: Command) -> Vec<Effect> {
        let last = self.today.len().saturating_sub(1);
        match command {
            Command::Up => self.today_selected = self.today_selected.saturating_sub(1),
            Command::Down => self.today_selected = (self.today_selected + 1).min(last),
            Command::Undo | Command::Edit => {
                if self.draft.is_some() {
                    let key = self.log_key();
                    self.say(
                        Level::Warning,
                        format!("Save or discard the visit being logged first ({key} opens it)."),
                    );
                    return Vec::new();
                }
                // The last visit saved: ids are time-ordered and given at saving.
                let Some(visit) = self.today.iter().max_by_key(|v| v.id).cloned() else {
                    self.say(Level::Info, "No visits today yet.");
                    return Vec::new();
                };
                if self.utc_now() - visit.ended_at > UNDO_WINDOW {
                    self.say(
                        Level::Warning,
                        format!(
                            "The last visit is more than {} minutes old; it can no longer be changed.",
                            UNDO_WINDOW.num_minutes()
                        ),
                    );
                    return Vec::new();
                }
                if command == Command::Undo {
                    return vec![Effect::DeleteVisit(visit.id)];
                }
                let draft = VisitDraft::from_visit(&visit);
                self.form = VisitForm::for_draft(&self.catalogue, &draft);
                self.draft = Some(draft);
                self.screens.push(Screen::VisitForm);
            }
            _ => {}
        }
        Vec::new()
    }

    fn input(&mut self, c: Option<char>) -> Vec<Effect> {
        if self.text_first() {
            if let Some(draft) = self.draft.as_mut() {
                let note = draft.note.get_or_insert_with(String::new);
                match c {
                    Some(c) => {
                        if note.chars().count() < NOTE_MAX_CHARS {
                            note.push(c)
                        }
                    }
                    None => {
                        note.pop();
                    }
                }
                self.form.privacy.clear();
                return vec![Effect::SaveDraft(draft.clone())];
            }
            return Vec::new();
        }
        if *self.screen() != Screen::Search || self.help {
            return Vec::new();
        }
        match c {
            Some(c) => {
                if self.visit_started.is_none() {
                    self.visit_started = Some(self.utc_now());
                }
                self.search.query.push(c);
            }
            None => {
                self.search.query.pop();
            }
        }
        self.query_changed()
    }

    fn clear_text(&mut self) -> Vec<Effect> {
        if self.text_first() {
            if let Some(draft) = self.draft.as_mut() {
                draft.note = None;
                return vec![Effect::SaveDraft(draft.clone())];
            }
        } else if *self.screen() == Screen::Search {
            self.search.query.clear();
            return self.query_changed();
        }
        Vec::new()
    }

    fn query_changed(&mut self) -> Vec<Effect> {
        self.search.seq += 1;
        if self.search.query.trim().is_empty() {
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

/// Adds what the receptionist was looking at to the visit: a service, a partner signposted to,
/// or the services an FAQ is about.
fn add_entry_to_draft(catalogue: &Catalogue, draft: &mut VisitDraft, key: EntryKey) {
    let push = |list: &mut Vec<String>, id: &str| {
        if !list.iter().any(|x| x == id) {
            list.push(id.to_string());
        }
    };
    match catalogue.entry(key) {
        Some(Entry::Service(s)) => push(&mut draft.services, &s.id),
        Some(Entry::Partner(p)) => push(&mut draft.partners, &p.id),
        Some(Entry::Faq(f)) => {
            if let Some(id) = f.related.iter().find(|id| catalogue.service(id).is_some()) {
                push(&mut draft.services, id);
            }
        }
        None => {}
    }
}
