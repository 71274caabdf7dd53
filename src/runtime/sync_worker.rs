//! The sync worker: its own thread, its own connection to the visit log and to the server.
//! It counts what is waiting every few seconds and sends it, backing off while the server
//! cannot be reached; keys never wait on it. A newer catalogue is fetched after each send and
//! handed to the desk, which takes it up between visits.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use super::Answers;
use crate::central::sync::FetchError;
use crate::central::{self, Central, CentralError};
use crate::config::{ServerUrl, Settings};
use crate::desk::{Action, FetchedCatalogue, SyncState};
use crate::store::VisitLog;

/// How often the waiting count is read from the log.
const COUNT_EVERY: Duration = Duration::from_secs(3);
/// How often the server is asked for a newer catalogue when nothing is waiting.
const CATALOGUE_EVERY: Duration = Duration::from_secs(300);
/// The first wait after a failure; it doubles up to [`LONGEST_WAIT`].
const FIRST_WAIT: Duration = Duration::from_secs(5);
const LONGEST_WAIT: Duration = Duration::from_secs(300);

/// Stops the worker when dropped (it is never waited for: a slow server must not hold up the
/// app's exit; what it had not sent stays queued).
pub struct SyncWorker {
    _stop: Sender<()>,
}

impl SyncWorker {
    /// Starts the worker when a server is set.
    pub fn start(settings: &Settings, answers: Answers) -> Option<SyncWorker> {
        let server = settings.server.clone()?;
        let (stop, stopped) = mpsc::channel();
        let place = Place {
            server,
            visits_file: settings.visits_file(),
            catalogue_root: settings.central_catalogue_dir(),
            own_catalogue: settings.catalogue_dir.is_some(),
            options: central::push::SyncOptions::of(settings),
        };
        thread::Builder::new()
            .name("sync".into())
            .spawn(move || sync_loop(&place, &stopped, &answers))
            .map_err(|e| tracing::error!("cannot start the sync worker: {e}"))
            .ok()?;
        Some(SyncWorker { _stop: stop })
    }
}

struct Place {
    server: ServerUrl,
    visits_file: std::path::PathBuf,
    catalogue_root: std::path::PathBuf,
    /// The desk names its own catalogue folder: it never takes the server's.
    own_catalogue: bool,
    /// The desk's name and whether its notes go.
    options: central::push::SyncOptions,
}

fn sync_loop(place: &Place, stopped: &Receiver<()>, answers: &Answers) {
    let mut log = VisitLog::new(&place.visits_file);
    let mut central: Option<Central> = None;
    let mut reachable = true;
    let mut wait = FIRST_WAIT;
    let mut next_try = Instant::now();
    let mut catalogue_checked: Option<Instant> = None;
    loop {
        let waiting = log.sync_waiting().unwrap_or_else(|e| {
            tracing::warn!("sync: {e}");
            0
        });
        let catalogue_due = catalogue_checked.is_none_or(|at| at.elapsed() >= CATALOGUE_EVERY);
        if (waiting > 0 || catalogue_due) && Instant::now() >= next_try {
            match sync_once(place, &mut central, &mut log) {
                Ok(fetched) => {
                    reachable = true;
                    wait = FIRST_WAIT;
                    catalogue_checked = Some(Instant::now());
                    if let Some(catalogue) = fetched {
                        let action = Action::CatalogueFetched(FetchedCatalogue(catalogue));
                        if !answers.send(action) {
                            return;
                        }
                    }
                }
                Err(error) => {
                    tracing::warn!("sync: {error}");
                    central = None;
                    reachable = false;
                    next_try = Instant::now() + wait;
                    wait = (wait * 2).min(LONGEST_WAIT);
                }
            }
        }
        let waiting = log.sync_waiting().unwrap_or(waiting);
        let held = log.sync_held().unwrap_or_else(|e| {
            tracing::warn!("sync: {e}");
            Vec::new()
        });
        let state = SyncState {
            waiting,
            reachable,
            held: held.iter().map(|h| h.visits).sum(),
            held_reason: held.into_iter().next().map(|h| h.reason),
        };
        if !answers.send(Action::SyncStatus(state)) {
            return;
        }
        match stopped.recv_timeout(COUNT_EVERY) {
            Err(RecvTimeoutError::Timeout) => {}
            _ => return,
        }
    }
}

/// Sends what waits and fetches a newer catalogue; the catalogue when one was taken.
fn sync_once(
    place: &Place,
    central: &mut Option<Central>,
    log: &mut VisitLog,
) -> Result<Option<Arc<crate::catalogue::Catalogue>>, CentralError> {
    let connection = match central.take() {
        Some(open) if !open.is_closed() => open,
        _ => {
            let mut fresh = Central::connect(&place.server)?;
            central::schema::check(&mut fresh)?;
            fresh
        }
    };
    let connection = central.insert(connection);
    let root = (!place.own_catalogue).then_some(place.catalogue_root.as_path());
    let today = chrono::Local::now().date_naive();
    let synced = central::sync::sync(connection, log, &place.options, root, today)?;
    if synced.pushed.held > 0 {
        tracing::warn!("sync: {} set aside", synced.pushed.held);
    }
    match synced.catalogue {
        Ok(taken) => Ok(taken.map(|taken| taken.catalogue)),
        Err(FetchError::Central(e)) => Err(e),
        Err(FetchError::NotKept(problem)) => {
            // The desk keeps its catalogue; the problem is in the app's log, not the screen.
            tracing::warn!("sync: {problem}");
            Ok(None)
        }
    }
}
