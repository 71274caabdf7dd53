//! What the workers answer: search results, the visit log's answers (saved, updated, failed,
//! counted, defaults) and the draft file's.

use chrono::NaiveDate;

use super::App;
use crate::desk::action::Effect;
use crate::desk::command::Command;
use crate::desk::status::Level;
use crate::search::Hit;
use crate::text;
use crate::visit::{ServiceDefault, Visit, VisitDraft};

impl App {
    /// The hits of search `seq`; those of a search a newer keystroke replaced are dropped.
    pub(super) fn results(&mut self, seq: u64, hits: Vec<Hit>) -> Vec<Effect> {
        if seq == self.search.seq {
            self.search.results = hits.into_iter().map(|h| h.key).collect();
            self.search.selected = 0;
            self.search.pending = false;
        }
        Vec::new()
    }

    pub(super) fn visit_updated(&mut self, visit: Visit) -> Vec<Effect> {
        self.saving = false;
        if let Some(old) = self.today.iter_mut().find(|v| v.id == visit.id) {
            *old = visit;
        }
        let mut effects = self.close_form(text::status::visit_updated(self.lang));
        effects.extend(self.refresh_report());
        effects
    }

    pub(super) fn save_failed(&mut self, message: &str) -> Vec<Effect> {
        self.saving = false;
        let key = self.keys.key(Command::Save);
        self.say(
            Level::Error,
            text::status::save_failed(self.lang, message, &key),
        );
        Vec::new()
    }

    /// A failure or a warning from the visit log, shown as it came.
    pub(super) fn store_said(&mut self, level: Level, message: String) -> Vec<Effect> {
        self.say(level, message);
        Vec::new()
    }

    pub(super) fn today_counted(&mut self, day: NaiveDate, count: usize) -> Vec<Effect> {
        if day == self.now.date_naive() {
            self.recount(count);
        }
        Vec::new()
    }

    pub(super) fn defaults_loaded(
        &mut self,
        defaults: std::collections::BTreeMap<String, ServiceDefault>,
    ) -> Vec<Effect> {
        self.service_defaults = defaults;
        Vec::new()
    }

    /// A visit left half filled comes back, unless one is being typed already.
    pub(super) fn draft_restored(&mut self, draft: VisitDraft) -> Vec<Effect> {
        if self.draft.is_none() {
            self.visit_started = Some(draft.started_at);
            self.resident_language = draft.language;
            let editing = !draft.id.is_nil();
            self.draft = Some(draft);
            let key = self.log_key();
            self.say(
                Level::Warning,
                text::status::draft_restored(self.lang, &key, editing),
            );
        }
        Vec::new()
    }

    pub(super) fn draft_not_kept(&mut self, message: &str) -> Vec<Effect> {
        self.say(
            Level::Warning,
            text::status::draft_not_kept(self.lang, message),
        );
        Vec::new()
    }
}
