//! The threads that do slow work off the screen's thread: the search worker (latest query wins)
//! and the store worker (the one owner of the SQLite connection). Their answers come back as
//! actions on the app's channel.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use tokio::sync::mpsc::UnboundedSender;

use std::path::PathBuf;

use chrono::{Local, NaiveDate, Utc};

use super::action::{Action, Effect};
use super::event_loop::Message;
use crate::catalogue::Catalogue;
use crate::config::Settings;
use crate::search::Index;
use crate::store::draft::{clear_draft, save_draft};
use crate::store::{StoreError, VisitLog, local_day_bounds};
use crate::visit::Visit;

/// Sends queries to the search worker.
pub struct SearchWorker {
    queries: Sender<(u64, String)>,
}

impl SearchWorker {
    /// Starts the worker; it builds the index itself so the first frame is not kept waiting.
    pub fn start(catalogue: Arc<Catalogue>, answers: UnboundedSender<Message>) -> SearchWorker {
        let (queries, incoming) = mpsc::channel::<(u64, String)>();
        thread::Builder::new()
            .name("search".into())
            .spawn(move || {
                let index = Index::new(&catalogue);
                drop(catalogue);
                search_loop(&index, &incoming, &answers);
            })
            .map(|_| ())
            .unwrap_or_else(|e| tracing::error!("cannot start the search worker: {e}"));
        SearchWorker { queries }
    }

    pub fn search(&self, seq: u64, query: String) {
        let _ = self.queries.send((seq, query));
    }
}

fn search_loop(
    index: &Index,
    incoming: &Receiver<(u64, String)>,
    answers: &UnboundedSender<Message>,
) {
    while let Ok(mut latest) = incoming.recv() {
        // Latest query wins: skip every query that a newer keystroke has replaced.
        while let Ok(newer) = incoming.try_recv() {
            latest = newer;
        }
        let (seq, query) = latest;
        let hits = index.query(&query);
        if answers
            .send(Message::Action(Action::Results { seq, hits }))
            .is_err()
        {
            return;
        }
    }
}

/// Where the store worker keeps things, and for which desk.
#[derive(Debug, Clone)]
pub struct StorePlace {
    pub visits_file: PathBuf,
    pub draft_file: PathBuf,
    pub desk: String,
}

/// The store worker's jobs: the screen's effects carried out on the visit log (the reopening
/// [`VisitLog`]) and the draft file, each answered with an action.
pub struct StoreJobs {
    place: StorePlace,
    log: VisitLog,
}

impl StoreJobs {
    pub fn new(place: StorePlace) -> StoreJobs {
        let log = VisitLog::new(place.visits_file.clone());
        StoreJobs { place, log }
    }

    /// Runs a visit log request; a failure comes back as a sentence for the status bar.
    fn with_store<T>(
        &mut self,
        work: impl FnOnce(&mut VisitLog) -> Result<T, StoreError>,
    ) -> Result<T, String> {
        work(&mut self.log).map_err(|e| sentence(&e.to_string()))
    }

    /// Deletes visits past the retention period (at start-up); returns how many went.
    pub fn purge(&mut self, retention_days: u32) -> Result<u64, String> {
        self.with_store(|store| store.purge_expired(retention_days, Utc::now()))
    }

    /// This desk's visits on a local calendar day.
    pub fn day(&mut self, day: NaiveDate) -> Result<Vec<Visit>, String> {
        let (from, to) = local_day_bounds(day);
        let desk = self.place.desk.clone();
        self.with_store(|store| store.visits_between(from, to, Some(&desk)))
    }

    /// Carries out one effect and says how it went, as an action for the app.
    pub fn apply(&mut self, effect: Effect) -> Option<Action> {
        match effect {
            Effect::SaveVisit(visit) => Some(match self.with_store(|s| s.save(&visit)) {
                Ok(()) => {
                    // The visit is on disk: its draft goes at once, even if the app stops now.
                    clear_draft(&self.place.draft_file);
                    Action::VisitSaved(visit)
                }
                Err(message) => Action::SaveFailed(message),
            }),
            Effect::UpdateVisit(visit) => Some(match self.with_store(|s| s.update(&visit)) {
                Ok(()) => {
                    clear_draft(&self.place.draft_file);
                    Action::VisitUpdated(visit)
                }
                Err(message) => Action::SaveFailed(message),
            }),
            Effect::DeleteVisit(id) => Some(match self.with_store(|s| s.delete(id)) {
                Ok(true) => Action::VisitDeleted(id),
                Ok(false) => Action::StoreFailed("That visit is no longer in the log.".to_string()),
                Err(message) => Action::StoreFailed(message),
            }),
            Effect::LoadToday(day) => Some(
                self.day(day)
                    .map_or_else(Action::StoreFailed, Action::TodayLoaded),
            ),
            Effect::SaveDraft(draft) => save_draft(&self.place.draft_file, &draft)
                .err()
                .map(|e| Action::DraftNotKept(sentence(&e.to_string()))),
            Effect::ClearDraft => {
                clear_draft(&self.place.draft_file);
                None
            }
            Effect::Search { .. } => None,
        }
    }
}

/// A store message as a sentence for the status bar: capital first letter, full stop at the end.
fn sentence(message: &str) -> String {
    let mut chars = message.trim().chars();
    let mut text: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

/// The store worker: the one thread that owns the visit log's SQLite connection.
pub struct StoreWorker {
    requests: Sender<Effect>,
    thread: Option<thread::JoinHandle<()>>,
}

impl StoreWorker {
    /// Starts the worker. Its first jobs, off the screen's thread: delete visits past the
    /// retention period and load today's visits for the count.
    pub fn start(settings: &Settings, answers: UnboundedSender<Message>) -> StoreWorker {
        let place = StorePlace {
            visits_file: settings.visits_file(),
            draft_file: settings.draft_file(),
            desk: settings.desk.clone(),
        };
        let retention_days = settings.retention_days;
        let (requests, incoming) = mpsc::channel::<Effect>();
        let thread = thread::Builder::new()
            .name("store".into())
            .spawn(move || {
                let mut log = StoreJobs::new(place);
                let send = |action: Action| answers.send(Message::Action(action)).is_ok();
                match log.purge(retention_days) {
                    Ok(0) => {}
                    Ok(n) => tracing::info!("deleted {n} visits older than {retention_days} days"),
                    Err(message) => {
                        send(Action::StoreFailed(message));
                    }
                }
                if let Ok(visits) = log.day(Local::now().date_naive()) {
                    send(Action::TodayLoaded(visits));
                }
                while let Ok(effect) = incoming.recv() {
                    if let Some(action) = log.apply(effect)
                        && !send(action)
                    {
                        break;
                    }
                }
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
