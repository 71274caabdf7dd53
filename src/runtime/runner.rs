//! The effect runner: what the desk asks for ([`Effect`]) carried out, and the answers handed
//! back as [`Action`]s. Threaded for a face that must never wait ([`Threaded`]: each effect
//! goes to its worker and the answer comes later through [`Answers`]); inline for a face that
//! reads one line at a time, for tests and benchmarks ([`Inline`]: each effect is carried out
//! at once and its answer is sent to the desk before the next input).

use std::path::PathBuf;

use super::Answers;
use super::all_desks_worker::AllDesksWorker;
use super::room_worker::{self, RoomJobs, RoomWorker};
use super::slip_printer::{SlipPrinter, file_slip};
use super::sync_worker::SyncWorker;
use super::workers::{SearchStart, SearchWorker, StoreJobs, StoreWorker};
use crate::central::all_desks::AllDesks;
use crate::config::Settings;
use crate::desk::{Action, App, Effect, SlipFiled};
use crate::search::Index;
use crate::store::DraftSlot;

/// The workers that carry out a face's effects on threads of their own.
pub struct Threaded {
    search: SearchWorker,
    store: StoreWorker,
    printer: SlipPrinter,
    /// Only where a central server is set.
    sync: Option<SyncWorker>,
    /// Only where the central server's report role is set.
    all_desks: Option<AllDesksWorker>,
    /// Only where bookings and the waiting list are shared on the central server: the
    /// booking and waiting screens' effects go there, not to the visit log.
    room: Option<RoomWorker>,
}

impl Threaded {
    /// Starts the search, store, slip, sync and all-desks workers for `settings`; `drafts` is
    /// this window's claimed draft slot, kept by the store worker until it stops.
    pub fn start(
        settings: &Settings,
        search: SearchStart,
        drafts: Option<DraftSlot>,
        answers: Answers,
    ) -> Threaded {
        let search = SearchWorker::start(search, answers.clone());
        let store = StoreWorker::start(settings, drafts, answers.clone());
        let printer = SlipPrinter::new(
            &settings.data_dir,
            settings.print_command.clone(),
            answers.clone(),
        );
        let sync = SyncWorker::start(settings, answers.clone());
        let room = RoomWorker::start(settings, answers.clone());
        let all_desks = AllDesksWorker::start(settings, answers);
        Threaded {
            search,
            store,
            printer,
            sync,
            all_desks,
            room,
        }
    }

    /// Whether all desks' figures can be asked for (the report offers them only then).
    pub fn central_report(&self) -> bool {
        self.all_desks.is_some()
    }

    /// Hands `effect` to its worker; `app` is the desk that asked (a new catalogue is read
    /// from it).
    pub fn run(&mut self, app: &App, effect: Effect) {
        match effect {
            Effect::Search { seq, query } => self.search.search(seq, query),
            Effect::FileSlip(job) => self.printer.file(job),
            Effect::LoadCentralReport { seq, from, to } => match &self.all_desks {
                Some(worker) => worker.ask(seq, from, to),
                None => {
                    tracing::warn!("all desks' figures asked with no report server set");
                }
            },
            // A new catalogue (between visits): a new index, built off this thread.
            Effect::CatalogueChanged => self.search.restart(app.catalogue.clone()),
            shared if room_worker::shared(&shared) && self.room.is_some() => {
                if let Some(room) = &self.room {
                    room.send(shared);
                }
            }
            other => self.store.send(other),
        }
    }

    /// Stops every worker: the store worker finishes what it was asked (a save, a draft)
    /// first; the others are not waited for.
    pub fn finish(self) {
        let Threaded {
            search,
            store,
            printer,
            sync,
            all_desks,
            room,
        } = self;
        drop(room);
        drop(all_desks);
        drop(sync);
        drop(search);
        drop(printer);
        store.finish();
    }
}

/// Where slips are saved, and the command that prints them (the config's `print_command`).
#[derive(Debug, Clone)]
pub struct SlipPlace {
    pub folder: PathBuf,
    pub print_command: Option<Vec<String>>,
}

/// The effects carried out in turn, on the caller's thread: searches on the index, store
/// effects on a real visit log, slips filed, all desks' figures read from the server.
pub struct Inline {
    pub index: Index,
    /// The visit log and the draft file, as the store worker has them.
    pub log: Option<StoreJobs>,
    /// Where slips go; without one, a slip is not filed.
    pub slips: Option<SlipPlace>,
    /// The central server as the report role, where it is set.
    pub all_desks: Option<AllDesks>,
    /// The bookings and waiting list shared on the central server, where the desk shares
    /// them: the booking and waiting screens' effects go there, not to the visit log.
    pub room: Option<RoomJobs>,
    /// An effect with nothing here to carry it out (no slip folder, no report server) is
    /// answered with the reason when true; when false it is only handed back to the caller
    /// (a test answers it itself, or checks it was asked).
    pub answer_missing: bool,
}

impl Inline {
    /// Searches on `index`; nothing else is carried out until a log, slips or all desks are set.
    pub fn new(index: Index) -> Inline {
        Inline {
            index,
            log: None,
            slips: None,
            all_desks: None,
            room: None,
            answer_missing: false,
        }
    }

    /// Sends `action` to `app` and carries out every effect that follows, answers included,
    /// until the desk asks for nothing more. Returns every effect but the searches, in order.
    pub fn run(&mut self, app: &mut App, action: Action) -> Vec<Effect> {
        let mut asked = Vec::new();
        let mut pending = vec![action];
        while let Some(action) = pending.pop() {
            for effect in app.update(action) {
                if let Effect::Search { seq, query } = effect {
                    pending.push(Action::Results {
                        seq,
                        hits: self.index.query(&query),
                    });
                    continue;
                }
                asked.push(effect.clone());
                if let Some(answer) = self.carry_out(app, effect) {
                    pending.push(answer);
                }
            }
        }
        asked
    }

    fn carry_out(&mut self, app: &App, effect: Effect) -> Option<Action> {
        match effect {
            // Saved and printed here and now: the next input waits for the printer.
            Effect::FileSlip(job) => match &self.slips {
                Some(place) => Some(Action::SlipFiled(file_slip(
                    &place.folder,
                    place.print_command.as_deref(),
                    &job,
                ))),
                None => self.answer_missing.then(|| {
                    Action::SlipFiled(SlipFiled::NotSaved {
                        problem: "there is no data folder for slips".to_string(),
                    })
                }),
            },
            Effect::LoadCentralReport { seq, from, to } => match self.all_desks.as_mut() {
                Some(all_desks) => Some(match all_desks.counts(from, to) {
                    Ok(counts) => Action::ReportCounted { seq, counts },
                    Err(reason) => Action::AllDesksNotCounted { seq, reason },
                }),
                None => self.answer_missing.then(|| Action::AllDesksNotCounted {
                    seq,
                    reason: "no report server is set".to_string(),
                }),
            },
            // A new catalogue: a new index for it.
            Effect::CatalogueChanged => {
                self.index = Index::new(&app.catalogue);
                None
            }
            shared if room_worker::shared(&shared) && self.room.is_some() => {
                self.room.as_mut().and_then(|room| room.apply(shared))
            }
            other => self.log.as_mut().and_then(|log| log.apply(other)),
        }
    }
}
