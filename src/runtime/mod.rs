//! What both faces share and neither owns: the effect runner and the workers that carry out the
//! desk's effects (store, search, drafts, slips, sync, all desks' figures), the catalogue as
//! the settings name it, and the app's log file. Nothing here knows which face is in front:
//! answers go back as [`Action`]s through [`Answers`], whatever the face does with them.
//!
//! ```text
//!  App::update ──► Effect ──► runner ──► threaded: search · store (+ coalesced drafts) ·
//!       ▲                       │                  slip printer · sync · all desks
//!       └──────── Action ◄──────┘        inline:   the same jobs, in turn, before the next input
//! ```

mod all_desks_worker;
mod draft_writes;
mod ledger_jobs;
pub mod logging;
pub mod room_worker;
mod runner;
pub mod slip_printer;
mod sync_worker;
pub mod workers;

use std::sync::Arc;

/// All desks' figures from the central server as the report role: the faces reach the server
/// only through the runtime.
pub use crate::central::all_desks::AllDesks;
pub use all_desks_worker::AllDesksWorker;
pub use runner::{Inline, SlipPlace, Threaded};
pub use sync_worker::SyncWorker;

use crate::catalogue::{Catalogue, CatalogueRefused};
use crate::config::Settings;
use crate::desk::Action;
use crate::search::compiled::{self, Prepared};

/// Where a worker's answers go: the face's channel. `send` says whether anyone still listens.
#[derive(Clone)]
pub struct Answers(Arc<dyn Fn(Action) -> bool + Send + Sync>);

impl std::fmt::Debug for Answers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Answers")
    }
}

impl Answers {
    /// Answers handed to `send`, which returns false once the face has hung up.
    pub fn new(send: impl Fn(Action) -> bool + Send + Sync + 'static) -> Answers {
        Answers(Arc::new(send))
    }

    /// Answers collected on a channel of their own (for tests and plain callers).
    pub fn channel() -> (Answers, std::sync::mpsc::Receiver<Action>) {
        let (sender, received) = std::sync::mpsc::channel();
        (
            Answers::new(move |action| sender.send(action).is_ok()),
            received,
        )
    }

    /// Sends one answer; false when no one listens any more.
    pub fn send(&self, action: Action) -> bool {
        (self.0)(action)
    }
}

/// The catalogue `settings` name, else the one last fetched from the central server, else the
/// built-in one; refused when it has errors.
pub fn load_catalogue(settings: &Settings) -> Result<Catalogue, CatalogueRefused> {
    prepare_catalogue(settings).map(|prepared| prepared.catalogue)
}

/// The catalogue, with its index when a compiled catalogue folder in the data folder had it
/// ([`crate::search::compiled`]), and where to keep the compiled form otherwise.
pub fn prepare_catalogue(settings: &Settings) -> Result<Prepared, CatalogueRefused> {
    let today = chrono::Local::now().date_naive();
    let dir = catalogue_dir(settings);
    compiled::prepare(dir.as_deref(), Some(&settings.compiled_dir()), today)
}

/// The folder `settings` name, else the one last fetched from the central server; `None` for
/// the built-in catalogue.
fn catalogue_dir(settings: &Settings) -> Option<std::path::PathBuf> {
    settings.catalogue_dir.clone().or_else(|| {
        crate::catalogue::fetched::current(&settings.central_catalogue_dir()).map(|(dir, _)| dir)
    })
}

/// As [`prepare_catalogue`], for the screen: the built-in catalogue's index is left for the
/// search worker to read ([`Prepared::reading`]), so the first frame does not wait for it.
pub fn prepare_catalogue_later(settings: &Settings) -> Result<Prepared, CatalogueRefused> {
    let today = chrono::Local::now().date_naive();
    let dir = catalogue_dir(settings);
    compiled::prepare_later(dir.as_deref(), Some(&settings.compiled_dir()), today)
}
