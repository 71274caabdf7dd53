//! One sync, as `frontdesk sync` and the desk's background sync both do it: send every visit
//! waiting in the outbox, then fetch the server's newest catalogue when the desk does not have
//! it (and does not name a catalogue folder of its own).

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use super::push::{BATCH_SIZE, Pushed, SyncOptions, push_with};
use super::{Central, CentralError};
use crate::catalogue::{Catalogue, fetched};
use crate::store::VisitLog;

/// What one sync did.
#[derive(Debug)]
pub struct Synced {
    pub pushed: Pushed,
    /// The newer catalogue taken, if any; why none could be fetched or kept, if so.
    pub catalogue: Result<Option<Taken>, FetchError>,
}

/// A newer catalogue, fetched and kept in the desk's folder for fetched catalogues.
#[derive(Debug)]
pub struct Taken {
    pub version: String,
    pub catalogue: Arc<Catalogue>,
}

/// Why a newer catalogue was not taken.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The server could not be asked.
    #[error(transparent)]
    Central(#[from] CentralError),
    /// The catalogue came but could not be kept (or was refused); the desk keeps its own.
    #[error("{0}")]
    NotKept(String),
}

/// Sends what waits in `log`, then fetches the newest catalogue into `catalogue_root` (`None`:
/// the desk names its own catalogue folder and never takes the server's). `today` dates the
/// fetched catalogue's closed days.
pub fn sync(
    central: &mut Central,
    log: &mut VisitLog,
    options: &SyncOptions,
    catalogue_root: Option<&Path>,
    today: NaiveDate,
) -> Result<Synced, CentralError> {
    let pushed = push_with(central, log, BATCH_SIZE, options)?;
    let catalogue = match catalogue_root {
        Some(root) => fetch_catalogue(central, root, today),
        None => Ok(None),
    };
    Ok(Synced { pushed, catalogue })
}

/// Fetches the server's newest catalogue into `root` when the desk does not have it.
fn fetch_catalogue(
    central: &mut Central,
    root: &Path,
    today: NaiveDate,
) -> Result<Option<Taken>, FetchError> {
    let Some(newest) = super::catalogue::newest_version(central)? else {
        return Ok(None);
    };
    if fetched::current(root).is_some_and(|(_, version)| version == newest) {
        return Ok(None);
    }
    let Some(published) = super::catalogue::newest(central)? else {
        return Ok(None);
    };
    let catalogue = fetched::keep(root, &published.version, &published.files, today)
        .map_err(FetchError::NotKept)?;
    Ok(Some(Taken {
        version: published.version,
        catalogue: Arc::new(catalogue),
    }))
}
