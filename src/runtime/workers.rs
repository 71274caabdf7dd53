//! The threads that do slow work off the screen's thread: the search worker (latest query wins)
//! and the store worker (the one owner of the SQLite connection). Their answers come back as
//! actions on the app's channel.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Instant;

use std::path::PathBuf;

use chrono::NaiveDate;

use super::Answers;
use super::draft_writes::DraftWrites;
use super::ledger_jobs::{self, Keeper};
use crate::appointments::WaitingDay;
use crate::catalogue::Catalogue;
use crate::config::Settings;
use crate::desk::{Action, Effect};
use crate::ledger::{Ledger, LedgerError};
use crate::search::Index;
use crate::search::compiled::{IndexToRead, Pending};
use crate::store::{DraftSlot, StoreError, VisitLog, local_day_bounds};
use crate::visit::Visit;

/// Sends queries to the search worker.
pub struct SearchWorker {
    queries: Sender<(u64, String)>,
    answers: Answers,
}

/// What the search worker starts from: the catalogue, and its index when the compiled
/// catalogue had it; else the worker builds it and keeps the compiled form where `pending` says.
pub struct SearchStart {
    pub catalogue: Arc<Catalogue>,
    pub index: Option<Index>,
    /// The index of the built-in compiled form, left to be read here, when `index` is `None`.
    pub reading: Option<IndexToRead>,
    pub pending: Option<Pending>,
}

impl SearchWorker {
    /// Starts the worker; it builds the index itself so the first frame is not kept waiting.
    pub fn start(start: SearchStart, answers: Answers) -> SearchWorker {
        let (queries, incoming) = mpsc::channel::<(u64, String)>();
        let worker_answers = answers.clone();
        thread::Builder::new()
            .name("search".into())
            .spawn(move || {
                let SearchStart {
                    catalogue,
                    index,
                    reading,
                    pending,
                } = start;
                let index = index
                    .or_else(|| reading.and_then(|reading| reading.read(&catalogue)))
                    .unwrap_or_else(|| Index::new(&catalogue));
                // Keeping the compiled form waits for no one: queries already sent queue up,
                // and the latest is answered next.
                if let Some(pending) = pending {
                    match pending.store(&catalogue, &index) {
                        Ok(()) => tracing::info!(
                            "kept the compiled catalogue in {}",
                            pending.file().display()
                        ),
                        Err(e) => tracing::warn!(
                            "cannot keep the compiled catalogue in {}: {e}",
                            pending.file().display()
                        ),
                    }
                }
                drop(catalogue);
                search_loop(&index, &incoming, &worker_answers);
            })
            .map(|_| ())
            .unwrap_or_else(|e| tracing::error!("cannot start the search worker: {e}"));
        SearchWorker { queries, answers }
    }

    /// A new worker for a new catalogue (the old one stops when its queries end).
    pub fn restart(&mut self, catalogue: Arc<Catalogue>) {
        let start = SearchStart {
            catalogue,
            index: None,
            reading: None,
            pending: None,
        };
        *self = SearchWorker::start(start, self.answers.clone());
    }

    pub fn search(&self, seq: u64, query: String) {
        let _ = self.queries.send((seq, query));
    }
}

fn search_loop(index: &Index, incoming: &Receiver<(u64, String)>, answers: &Answers) {
    while let Ok(mut latest) = incoming.recv() {
        // Latest query wins: skip every query that a newer keystroke has replaced.
        while let Ok(newer) = incoming.try_recv() {
            latest = newer;
        }
        let (seq, query) = latest;
        let hits = index.query(&query);
        if !answers.send(Action::Results { seq, hits }) {
            return;
        }
    }
}

/// Where the store worker keeps things, and for which desk.
#[derive(Debug)]
pub struct StorePlace {
    pub visits_file: PathBuf,
    /// This window's own draft file; `None` when none could be claimed (drafts are not kept).
    pub drafts: Option<DraftSlot>,
    pub desk: String,
    /// The desk's language: the failures a receptionist sees are worded in it.
    pub language: crate::text::Language,
}

/// The store worker's jobs: the screen's effects carried out on the visit log (the reopening
/// [`VisitLog`]) and the draft file, each answered with an action. The booking and waiting
/// effects go through the log lent as a local [`Ledger`], as the shared room's go through the
/// server's.
pub struct StoreJobs {
    place: StorePlace,
    log: VisitLog,
    /// What the waiting screen was last told: the same again needs no answer.
    told: Option<WaitingDay>,
}

impl StoreJobs {
    pub fn new(place: StorePlace) -> StoreJobs {
        let log = VisitLog::new(place.visits_file.clone());
        StoreJobs {
            place,
            log,
            told: None,
        }
    }

    /// The visit log's file.
    pub fn visits_file(&self) -> &std::path::Path {
        &self.place.visits_file
    }

    /// This window's draft file, if it has one.
    pub fn draft_file(&self) -> Option<&std::path::Path> {
        self.place.drafts.as_ref().map(DraftSlot::path)
    }

    /// Runs a visit log request; a failure comes back as a sentence for the status bar.
    fn with_store<T>(
        &mut self,
        work: impl FnOnce(&mut VisitLog) -> Result<T, StoreError>,
    ) -> Result<T, String> {
        let lang = self.place.language;
        work(&mut self.log).map_err(|e| crate::text::errors::store(lang, &e))
    }

    /// The start-up clean-up: opens the log for writing (its health check runs here, off the
    /// screen's thread) and deletes visits past the retention period unless the clock looks
    /// wrong. Returns what the status bar should say, if anything: a held clean-up as a
    /// warning (also in the app's log), a failure as an error.
    pub fn purge(&mut self, retention_days: u32) -> Option<Action> {
        let now = match crate::clock::now() {
            Ok(now) => now,
            Err(e) => {
                tracing::warn!("no clean-up at start-up: {e}");
                return Some(Action::StoreWarning(crate::text::errors::clock(
                    self.place.language,
                    &e,
                )));
            }
        };
        match self.with_store(|store| store.clean_up(retention_days, now)) {
            Ok(purged) => {
                if purged.removed > 0 {
                    tracing::info!(
                        "deleted {} visits older than {retention_days} days",
                        purged.removed
                    );
                }
                purged.held.map(|held| {
                    tracing::warn!("no clean-up at start-up: {held}");
                    Action::StoreWarning(crate::text::errors::purge_held(
                        self.place.language,
                        &held,
                    ))
                })
            }
            Err(message) => Some(Action::StoreFailed(message)),
        }
    }

    /// This desk's visits on a local calendar day.
    pub fn day(&mut self, day: NaiveDate) -> Result<Vec<Visit>, String> {
        let (from, to) = local_day_bounds(day);
        let desk = self.place.desk.clone();
        self.with_store(|store| store.visits_between(from, to, Some(&desk)))
    }

    /// How many of this desk's visits the log holds on a local calendar day.
    pub fn count_day(&mut self, day: NaiveDate) -> Result<usize, String> {
        let (from, to) = local_day_bounds(day);
        let desk = self.place.desk.clone();
        let count = self.with_store(|store| store.count_between(from, to, Some(&desk)))?;
        Ok(usize::try_from(count).unwrap_or(usize::MAX))
    }

    fn clear_draft(&self) {
        if let Some(slot) = &self.place.drafts {
            slot.clear();
        }
    }

    /// Carries out one effect and says how it went, as an action for the app.
    pub fn apply(&mut self, effect: Effect) -> Option<Action> {
        match effect {
            Effect::SaveVisit(visit) => Some(match self.with_store(|s| s.save(&visit)) {
                Ok(()) => {
                    // The visit is on disk: its draft goes at once, even if the app stops now.
                    self.clear_draft();
                    Action::VisitSaved(visit)
                }
                Err(message) => Action::SaveFailed(message),
            }),
            Effect::UpdateVisit(visit) => Some(match self.with_store(|s| s.update(&visit)) {
                Ok(()) => {
                    self.clear_draft();
                    Action::VisitUpdated(visit)
                }
                Err(message) => Action::SaveFailed(message),
            }),
            Effect::DeleteVisit(id) => Some(match self.with_store(|s| s.delete(id)) {
                Ok(true) => Action::VisitDeleted(id),
                Ok(false) => Action::StoreFailed(
                    crate::text::errors::visit_gone(self.place.language).to_string(),
                ),
                Err(message) => Action::StoreFailed(message),
            }),
            Effect::LoadToday(day) => Some(
                self.day(day)
                    .map_or_else(Action::StoreFailed, Action::TodayLoaded),
            ),
            // Asked every few seconds: a log that cannot be read now keeps the last count and is
            // not reported each time (a save or the today list says what is wrong).
            Effect::CountToday(day) => match self.count_day(day) {
                Ok(count) => Some(Action::TodayCounted { day, count }),
                Err(message) => {
                    tracing::warn!("cannot count today's visits: {message}");
                    None
                }
            },
            Effect::SaveDraft(draft) => {
                self.place.drafts.as_ref()?.save(&draft).err().map(|e| {
                    Action::DraftNotKept(crate::text::errors::store(self.place.language, &e))
                })
            }
            Effect::ClearDraft => {
                self.clear_draft();
                None
            }
            // Defaults are a help, not a need: a log that cannot be read now offers none.
            Effect::LoadDefaults => match self.with_store(|store| store.service_defaults()) {
                Ok(defaults) => Some(Action::DefaultsLoaded(defaults)),
                Err(message) => {
                    tracing::warn!("cannot read the services' defaults: {message}");
                    None
                }
            },
            Effect::LoadReport { seq, from, to } => {
                let desks = crate::store::Desks::Only(self.place.desk.clone());
                Some(
                    match self.with_store(|store| store.report_counts(from, to, &desks)) {
                        Ok(counts) => Action::ReportCounted { seq, counts },
                        Err(message) => Action::StoreFailed(message),
                    },
                )
            }
            // The booking and waiting screens' effects, carried out on the log as a ledger.
            booking if ledger_jobs::is_ledger_effect(&booking) => ledger_jobs::apply(self, booking),
            // The event loop hands the others to their own workers.
            _ => None,
        }
    }
}

impl Keeper for StoreJobs {
    /// Lends the visit log as a local ledger for the one request (the log keeps its open
    /// connection across requests).
    fn with_ledger<T>(
        &mut self,
        work: impl FnOnce(&mut Ledger) -> Result<T, LedgerError>,
    ) -> Result<T, String> {
        let idle = VisitLog::new(self.place.visits_file.clone());
        let mut ledger = Ledger::Local(std::mem::replace(&mut self.log, idle));
        let result = work(&mut ledger);
        if let Ledger::Local(log) = ledger {
            self.log = log;
        }
        result.map_err(|e| e.said(self.place.language))
    }

    fn language(&self) -> crate::text::Language {
        self.place.language
    }

    fn told(&mut self) -> &mut Option<WaitingDay> {
        &mut self.told
    }
}

/// A store message as a sentence for the status bar: capital first letter, full stop at the end.
pub use crate::text::errors::sentence;

/// Carries out the screen's store effects in order until the screen hangs up, with draft writes
/// coalesced (see [`DraftWrites`]); a held draft is written before the worker stops.
fn serve(log: &mut StoreJobs, incoming: &Receiver<Effect>, send: impl Fn(Action) -> bool) {
    let mut drafts = DraftWrites::default();
    loop {
        let next = match drafts.wait(Instant::now()) {
            None => incoming.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(wait) => incoming.recv_timeout(wait),
        };
        let answer = match next {
            Ok(Effect::SaveDraft(draft)) => {
                drafts.hold(draft, Instant::now());
                None
            }
            Ok(save @ (Effect::SaveVisit(_) | Effect::UpdateVisit(_))) => {
                let superseded = drafts.take();
                let answer = log.apply(save);
                if matches!(answer, Some(Action::SaveFailed(_)))
                    && let Some(draft) = superseded
                    && let Some(problem) = log.apply(Effect::SaveDraft(draft))
                {
                    send(problem);
                }
                answer
            }
            Ok(Effect::ClearDraft) => {
                drafts.take();
                log.apply(Effect::ClearDraft)
            }
            Ok(other) => log.apply(other),
            Err(RecvTimeoutError::Timeout) => drafts
                .take()
                .and_then(|draft| log.apply(Effect::SaveDraft(draft))),
            Err(RecvTimeoutError::Disconnected) => break,
        };
        if let Some(action) = answer
            && !send(action)
        {
            break;
        }
    }
    if let Some(draft) = drafts.take()
        && let Some(problem) = log.apply(Effect::SaveDraft(draft))
    {
        send(problem);
    }
}

/// The store worker: the one thread that owns the visit log's SQLite connection.
pub struct StoreWorker {
    requests: Sender<Effect>,
    thread: Option<thread::JoinHandle<()>>,
}

impl StoreWorker {
    /// Starts the worker. Its first jobs, off the screen's thread: load today's visits for the
    /// count, then check the log's health and delete visits past the retention period.
    /// `drafts` is this window's claimed draft slot; the worker keeps it (and its lock) until
    /// it stops.
    pub fn start(settings: &Settings, drafts: Option<DraftSlot>, answers: Answers) -> StoreWorker {
        let place = StorePlace {
            visits_file: settings.visits_file(),
            drafts,
            desk: settings.desk.clone(),
            language: settings.language,
        };
        StoreWorker::start_at(place, settings.retention_days, answers)
    }

    /// Starts the worker on the files of `place`.
    pub fn start_at(place: StorePlace, retention_days: u32, answers: Answers) -> StoreWorker {
        let (requests, incoming) = mpsc::channel::<Effect>();
        let thread = thread::Builder::new()
            .name("store".into())
            .spawn(move || {
                let mut log = StoreJobs::new(place);
                let send = |action: Action| answers.send(action);
                // Today's visits first, reading only; then the health check and the clean-up
                // (the first write). A visit saved meanwhile waits in the queue for both.
                if let Ok(today) = crate::clock::local_now()
                    && let Ok(visits) = log.day(today.date_naive())
                {
                    send(Action::TodayLoaded(visits));
                }
                if let Some(said) = log.purge(retention_days) {
                    send(said);
                }
                serve(&mut log, &incoming, send);
            })
            .map_err(|e| tracing::error!("cannot start the store worker: {e}"))
            .ok();
        StoreWorker { requests, thread }
    }

    pub fn send(&self, effect: Effect) {
        let _ = self.requests.send(effect);
    }

    /// Lets the worker finish what it was asked to do (a save, a draft), then stops it.
    pub fn finish(self) {
        drop(self.requests);
        if let Some(thread) = self.thread {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::store::load_draft;
    use crate::visit::{Outcome, VisitDraft};
    use chrono::Utc;

    /// A place in `visits_folder` with a draft slot of its own claimed in `drafts_folder`, and
    /// the path of that slot's draft file.
    fn place(visits_folder: &Path, drafts_folder: &Path) -> (StorePlace, PathBuf) {
        let (slot, _) = DraftSlot::claim(drafts_folder, "Front desk").unwrap();
        let draft_file = slot.path().to_path_buf();
        let place = StorePlace {
            visits_file: visits_folder.join("visits.sqlite3"),
            drafts: Some(slot),
            desk: "Front desk".into(),
            language: crate::text::Language::English,
        };
        (place, draft_file)
    }

    fn draft(note: &str) -> VisitDraft {
        VisitDraft {
            services: vec!["bulky-waste".into()],
            outcome: Some(Outcome::Resolved),
            note: Some(note.into()),
            ..VisitDraft::new(Utc::now(), "Front desk", "AB", "v1")
        }
    }

    /// Starts a worker on `place`, sends it `effects`, lets it finish, and returns every action
    /// it answered with.
    fn run(place: StorePlace, effects: impl IntoIterator<Item = Effect>) -> Vec<Action> {
        let (sender, answers) = Answers::channel();
        let worker = StoreWorker::start_at(place, 730, sender);
        for effect in effects {
            worker.send(effect);
        }
        worker.finish();
        answers.try_iter().collect()
    }

    fn keystrokes() -> impl Iterator<Item = Effect> {
        (0..200).map(|n| Effect::SaveDraft(draft(&format!("note {n}"))))
    }

    #[test]
    fn many_draft_writes_then_a_save_save_the_visit_once_and_leave_no_draft() {
        let dir = tempfile::tempdir().unwrap();
        let (place, draft_file) = place(dir.path(), dir.path());
        let visits_file = place.visits_file.clone();
        let visit = draft("note 199").into_visit().unwrap();
        let actions = run(
            place,
            keystrokes().chain([Effect::SaveVisit(visit.clone())]),
        );
        let saved: Vec<&Action> = actions
            .iter()
            .filter(|a| matches!(a, Action::VisitSaved(_)))
            .collect();
        assert_eq!(saved, [&Action::VisitSaved(visit)], "{actions:?}");
        assert!(!draft_file.exists(), "the saved visit's draft is gone");
        let store = crate::store::Store::open(&visits_file).unwrap();
        let (from, to) = (
            chrono::DateTime::<Utc>::MIN_UTC,
            chrono::DateTime::<Utc>::MAX_UTC,
        );
        assert_eq!(store.visits_between(from, to, None).unwrap().len(), 1);
    }

    #[test]
    fn the_newest_draft_is_on_disk_when_the_worker_stops() {
        let dir = tempfile::tempdir().unwrap();
        let (place, draft_file) = place(dir.path(), dir.path());
        run(place, keystrokes());
        let kept = load_draft(&draft_file).expect("a draft on disk");
        assert_eq!(kept.note.as_deref(), Some("note 199"));
    }

    #[test]
    fn a_draft_that_cannot_be_kept_is_reported_once_not_once_per_keystroke() {
        let dir = tempfile::tempdir().unwrap();
        let (place, draft_file) = place(dir.path(), dir.path());
        std::fs::create_dir(&draft_file).unwrap();
        let actions = run(place, keystrokes());
        let not_kept = actions
            .iter()
            .filter(|a| matches!(a, Action::DraftNotKept(_)))
            .count();
        // The writes are coalesced: one for the 200 changes (a few if the machine stalls).
        assert!(
            (1..=3).contains(&not_kept),
            "{not_kept} failed writes: {actions:?}"
        );
    }

    #[test]
    fn when_a_save_fails_the_newest_draft_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("not-a-folder");
        std::fs::write(&blocked, "a file where the data folder should be").unwrap();
        let (place, draft_file) = place(&blocked, dir.path());
        let visit = draft("newest").into_visit().unwrap();
        let actions = run(
            place,
            [
                Effect::SaveDraft(draft("first")),
                Effect::SaveDraft(draft("newest")),
                Effect::SaveVisit(visit),
            ],
        );
        assert!(
            actions.iter().any(|a| matches!(a, Action::SaveFailed(_))),
            "{actions:?}"
        );
        let kept = load_draft(&draft_file).expect("the draft is kept");
        assert_eq!(kept.note.as_deref(), Some("newest"));
    }
}
