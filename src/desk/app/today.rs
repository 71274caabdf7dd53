//! Today's visits: the header's count from the log, the list, undoing a visit after one
//! question, editing one and leaving the edit. An edit is finished where it started: leaving it
//! saves or drops it, never keeps it as the draft, so the next resident's service cannot be
//! added to it.

use chrono::{DateTime, Duration, FixedOffset};
use uuid::Uuid;

use super::{App, UNDO_WINDOW};
use crate::desk::action::Effect;
use crate::desk::command::Command;
use crate::desk::form::VisitForm;
use crate::desk::navigation::Screen;
use crate::desk::status::Level;
use crate::text;
use crate::visit::{Visit, VisitDraft};

/// How often the header's count of today's visits is asked of the log, so it follows the saves
/// of every window and desk on the same data folder.
pub const COUNT_EVERY: Duration = Duration::seconds(5);

/// One of today's visits as every face lists it: when it started (the desk's local time), how
/// long it took, its outcome and its services, each with its own outcome where that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodayRow {
    /// "14:05".
    pub time: String,
    pub minutes: i64,
    pub outcome: &'static str,
    /// "Report a missed bin, Council tax arrears (Signposted)".
    pub services: String,
}

impl App {
    /// Today's visits at this desk, in the list's order, as rows to show.
    pub fn today_rows(&self) -> Vec<TodayRow> {
        let offset = self.now.offset();
        self.today
            .iter()
            .map(|visit| {
                let services: Vec<String> = visit
                    .services
                    .iter()
                    .map(|s| {
                        let title = self.catalogue.service_title(&s.service);
                        if s.outcome == visit.outcome {
                            title.to_string()
                        } else {
                            format!("{title} ({})", text::form::outcome(self.lang, s.outcome))
                        }
                    })
                    .collect();
                TodayRow {
                    time: visit
                        .started_at
                        .with_timezone(offset)
                        .format("%H:%M")
                        .to_string(),
                    minutes: (visit.ended_at - visit.started_at).num_minutes().max(0),
                    outcome: text::form::outcome(self.lang, visit.outcome),
                    services: services.join(", "),
                }
            })
            .collect()
    }
}

/// A question the desk has asked; the next command answers it, and anything else drops it.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// "Undo this visit?": the undo key again deletes it, Back (Esc) keeps it.
    Undo(Uuid),
    /// "Save the changes to this visit?": Save (Enter) saves them, Back (Esc) again drops them.
    DropEdit,
}

impl Question {
    /// Whether `command` answers this question.
    fn answered_by(&self, command: Command) -> bool {
        match self {
            Question::Undo(_) => matches!(command, Command::Undo | Command::Back),
            Question::DropEdit => matches!(command, Command::Save | Command::Back),
        }
    }
}

impl App {
    /// The question waiting for an answer, if any.
    pub fn question(&self) -> Option<&Question> {
        self.asked.as_ref().map(|(question, _)| question)
    }

    /// Asks `question` on the status bar; the next command answers it.
    pub(super) fn ask(&mut self, question: Question, sentence: String) {
        self.say(Level::Warning, sentence.clone());
        self.asked = Some((question, sentence));
    }

    /// The waiting question, if `command` answers it; any other command drops it.
    pub(super) fn answered_by(&mut self, command: Command) -> Option<Question> {
        match &self.asked {
            Some((question, _)) if question.answered_by(command) => {
                self.asked.take().map(|(question, _)| question)
            }
            _ => {
                self.drop_question();
                None
            }
        }
    }

    /// Drops the waiting question, if any, and its sentence on the status bar.
    pub(super) fn drop_question(&mut self) {
        if let Some((_, sentence)) = self.asked.take()
            && self.status.as_ref().is_some_and(|s| s.text == sentence)
        {
            self.status = None;
        }
    }

    /// On each tick: asks the log again when the last count is [`COUNT_EVERY`] old, from
    /// another day, or from the future (the clock went back).
    pub(super) fn count_if_due(&mut self) -> Vec<Effect> {
        let now = self.now;
        let due = self.counted_at.is_none_or(|at: DateTime<FixedOffset>| {
            now - at >= COUNT_EVERY || at.date_naive() != now.date_naive() || now < at
        });
        if due {
            let mut effects = vec![self.refresh_today()];
            if !self.defaults_asked {
                self.defaults_asked = true;
                effects.push(Effect::LoadDefaults);
            }
            effects.extend(self.refresh_report());
            effects
        } else {
            Vec::new()
        }
    }

    /// Asks the log for today's count, or for today's list while it is on screen.
    pub(super) fn refresh_today(&mut self) -> Effect {
        self.counted_at = Some(self.now);
        let day = self.now.date_naive();
        if *self.screen() == Screen::Today {
            Effect::LoadToday(day)
        } else {
            Effect::CountToday(day)
        }
    }

    /// Takes the log's count of today's visits. When it differs from what the message about
    /// the visit just saved says (another window saved too), the message is put right.
    pub(super) fn recount(&mut self, count: usize) {
        if let Some(services) = self.just_saved.take()
            && count != self.today_total
        {
            let said = text::status::visit_saved(self.lang, &services, self.today_total);
            if let Some(status) = self.status.as_mut().filter(|s| s.text == said) {
                status.text = text::status::visit_saved(self.lang, &services, count);
            }
        }
        self.today_total = count;
    }

    /// Today's list from the log. The selected visit stays selected when the list is loaded
    /// again; a list just opened starts on the newest.
    pub(super) fn today_loaded(&mut self, visits: Vec<Visit>) {
        let selected = self
            .today
            .get(self.today_selected)
            .map(|v| v.id)
            .filter(|_| !std::mem::take(&mut self.select_newest));
        self.today = visits;
        self.recount(self.today.len());
        self.today_selected = selected
            .and_then(|id| self.today.iter().position(|v| v.id == id))
            .unwrap_or(self.today.len().saturating_sub(1));
        // Another window undid the visit this one was asking about.
        if let Some(Question::Undo(id)) = self.question()
            && !self.today.iter().any(|v| v.id == *id)
        {
            self.drop_question();
        }
    }

    pub(super) fn visit_deleted(&mut self, id: Uuid) -> Vec<Effect> {
        let before = self.today.len();
        self.today.retain(|v| v.id != id);
        if self.today.len() < before {
            self.today_total = self.today_total.saturating_sub(1);
        }
        self.today_selected = self.today_selected.min(self.today.len().saturating_sub(1));
        self.say(Level::Info, text::status::visit_undone(self.lang));
        let mut effects = vec![self.refresh_today()];
        effects.extend(self.refresh_report());
        effects
    }

    /// Keys on today's list. Undo and edit act on the selected visit, within [`UNDO_WINDOW`]
    /// of its saving; undo asks once first.
    pub(super) fn today_command(
        &mut self,
        command: Command,
        question: Option<Question>,
    ) -> Vec<Effect> {
        let lang = self.lang;
        let last = self.today.len().saturating_sub(1);
        match command {
            Command::Up => self.today_selected = self.today_selected.saturating_sub(1),
            Command::Down => self.today_selected = (self.today_selected + 1).min(last),
            Command::PageUp => {
                self.today_selected = self.today_selected.saturating_sub(super::PAGE);
            }
            Command::PageDown => {
                self.today_selected = (self.today_selected + super::PAGE).min(last);
            }
            Command::Top => self.today_selected = 0,
            Command::Bottom => self.today_selected = last,
            Command::Undo | Command::Edit => {
                if self.draft.is_some() {
                    self.finish_visit_first();
                    return Vec::new();
                }
                let Some(visit) = self.today.get(self.today_selected).cloned() else {
                    self.say(Level::Info, text::status::no_visits_today(lang));
                    return Vec::new();
                };
                let time = self.local_time(&visit);
                if self.utc_now() - visit.ended_at > UNDO_WINDOW {
                    let minutes = UNDO_WINDOW.num_minutes();
                    self.say(
                        Level::Warning,
                        text::status::too_old_to_change(lang, &time, minutes),
                    );
                    return Vec::new();
                }
                if command == Command::Undo {
                    if question == Some(Question::Undo(visit.id)) {
                        return vec![Effect::DeleteVisit(visit.id)];
                    }
                    let services = self.service_titles(&visit);
                    let (undo, back) = (self.keys.key(Command::Undo), self.keys.key(Command::Back));
                    self.ask(
                        Question::Undo(visit.id),
                        text::status::undo_question(lang, &time, &services, &undo, &back),
                    );
                    return Vec::new();
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

    /// Leaves an edit of a logged visit: with no changes, or when the receptionist has been
    /// asked once (`asked`), the changes are dropped and the visit stays as it is in the log;
    /// otherwise asks whether to save them.
    pub(super) fn leave_edit(&mut self, asked: bool) -> Vec<Effect> {
        let unchanged = self.draft.as_ref().is_some_and(|draft| {
            self.today
                .iter()
                .find(|v| v.id == draft.id)
                .is_some_and(|v| VisitDraft::from_visit(v) == *draft)
        });
        if !unchanged && !asked {
            let (save, back) = (self.keys.key(Command::Save), self.keys.key(Command::Back));
            let sentence = text::status::save_edit_question(self.lang, &save, &back);
            self.ask(Question::DropEdit, sentence);
            return Vec::new();
        }
        self.drop_edit()
    }

    /// Drops an edit: the visit in the log is unchanged, and so is today's list.
    pub(super) fn drop_edit(&mut self) -> Vec<Effect> {
        self.draft = None;
        self.form = VisitForm::default();
        if *self.screen() == Screen::VisitForm {
            self.screens.pop();
        }
        self.say(Level::Info, text::status::edit_dropped(self.lang));
        vec![Effect::ClearDraft]
    }

    /// When a visit started, on the desk's clock: "10:12".
    fn local_time(&self, visit: &Visit) -> String {
        visit
            .started_at
            .with_timezone(self.now.offset())
            .format("%H:%M")
            .to_string()
    }

    /// A visit's services by title: "Bulky waste collection, Blue Badge parking permit".
    pub(super) fn service_titles(&self, visit: &Visit) -> String {
        let titles: Vec<&str> = visit
            .services
            .iter()
            .map(|s| self.catalogue.service_title(&s.service))
            .collect();
        titles.join(", ")
    }
}
