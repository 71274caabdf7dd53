//! The threads that do slow work off the screen's thread: the search worker (latest query wins)
//! and the store worker (the one owner of the SQLite connection). Their answers come back as
//! actions on the app's channel.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use tokio::sync::mpsc::UnboundedSender;

use super::action::Action;
use super::event_loop::Message;
use crate::catalogue::Catalogue;
use crate::search::Index;

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

/// The store worker: the one owner of the visit log's SQLite connection. (Interim: the store is
/// not built yet, so every request is answered with a clear failure.)
pub struct StoreWorker {
    answers: UnboundedSender<Message>,
}

impl StoreWorker {
    pub fn start(
        _settings: &crate::config::Settings,
        answers: UnboundedSender<Message>,
    ) -> StoreWorker {
        StoreWorker { answers }
    }

    pub fn send(&self, effect: super::action::Effect) {
        use super::action::Effect;
        if matches!(
            effect,
            Effect::SaveVisit(_) | Effect::UpdateVisit(_) | Effect::DeleteVisit(_)
        ) {
            let _ = self.answers.send(Message::Action(Action::StoreFailed(
                "The visit log is not available yet.".into(),
            )));
        }
    }

    pub fn finish(self) {}
}
