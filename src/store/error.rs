//! Why the visit log could not be used: one clear sentence naming the file and what to do.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use super::BUSY_TIMEOUT;

/// Something went wrong with the visit log, a backup or a draft. Every message names the file
/// and says what to do; none is a panic.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot {action} {}: the disk is full; free some space and try again", .path.display())]
    DiskFull { action: &'static str, path: PathBuf },
    #[error("cannot {action} {}: the file is read-only; make it writable (or ask IT to) and try again", .path.display())]
    ReadOnly { action: &'static str, path: PathBuf },
    #[error("cannot create the folder {}: {reason}; create it yourself or choose another folder with --data-dir", .path.display())]
    FolderCannotBeCreated { path: PathBuf, reason: String },
    #[error("cannot open {}: the file or its folder cannot be opened; check that the folder exists and that you may write to it", .path.display())]
    CannotOpen { path: PathBuf },
    #[error("cannot {action} {}: another frontdesk kept it busy for more than {} seconds; try again", .path.display(), BUSY_TIMEOUT.as_secs())]
    Busy { action: &'static str, path: PathBuf },
    #[error("{} is not a frontdesk visit log (it is not an SQLite database); move it aside or choose another folder with --data-dir", .path.display())]
    NotADatabase { path: PathBuf },
    #[error("{} is not a frontdesk visit log (it is another program's database), so it was left as it is; move it aside or choose another folder with --data-dir", .path.display())]
    NotAVisitLog { path: PathBuf },
    #[error("{} is a frontdesk visit log whose schema version was changed by another program (it reads {found}), so it was left as it is; restore it from a backup, or move it aside to start a new log", .path.display())]
    VersionChanged { path: PathBuf, found: i64 },
    #[error("{} is damaged (it fails SQLite's integrity check), so frontdesk will not write to it; close frontdesk everywhere and run `frontdesk restore BACKUP` with your latest backup (made with `frontdesk backup`)", .path.display())]
    Corrupt { path: PathBuf },
    #[error("the visit log {} is damaged (it fails SQLite's integrity check), so no backup was made; to restore it, close frontdesk everywhere and run `frontdesk restore {}`", .log.display(), .restore_from.as_ref().map_or_else(|| "BACKUP".to_string(), |p| p.display().to_string()))]
    DamagedLogNotBackedUp {
        log: PathBuf,
        /// The newest earlier backup found next to the destination.
        restore_from: Option<PathBuf>,
    },
    #[error("{} was made by a newer frontdesk (schema {found}, this one knows {known}); update frontdesk to use it", .path.display())]
    NewerSchema {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("cannot save visit {id} to {}: it is already in the log", .path.display())]
    AlreadySaved { path: PathBuf, id: uuid::Uuid },
    #[error("cannot change visit {id} in {}: it is not in the log (it may have been deleted)", .path.display())]
    NoSuchVisit { path: PathBuf, id: uuid::Uuid },
    #[error("visit {id} in {} has {field} '{value}', which this frontdesk does not understand; update frontdesk", .path.display())]
    UnreadableVisit {
        path: PathBuf,
        id: String,
        field: &'static str,
        value: String,
    },
    #[error("cannot restore the visit log from {}: {reason}", .path.display())]
    Restore { path: PathBuf, reason: String },
    #[error("cannot back up to {}: {reason}", .path.display())]
    Backup { path: PathBuf, reason: String },
    #[error("cannot keep the unsaved visit in {}: {reason}", .path.display())]
    Draft { path: PathBuf, reason: String },
    #[error("cannot {action} {}: {reason}", .path.display())]
    Other {
        action: &'static str,
        path: PathBuf,
        reason: String,
    },
}

impl StoreError {
    /// Turns an SQLite error into a sentence about `path`. `action` completes "cannot ... FILE":
    /// "open", "save to", "read".
    pub(crate) fn from_sqlite(path: &Path, action: &'static str, error: rusqlite::Error) -> Self {
        let code = error.sqlite_error_code();
        // SQLite says only "disk I/O error" when the disk fills while it sets up the `-wal`
        // and `-shm` files: find out whether that is why.
        if code == Some(ErrorCode::SystemIoFailure) && disk_is_full(path) {
            return StoreError::DiskFull {
                action,
                path: path.to_path_buf(),
            };
        }
        let path = path.to_path_buf();
        match code {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { action, path },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { action, path },
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                StoreError::CannotOpen { path }
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Busy { action, path }
            }
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt { path },
            _ => StoreError::Other {
                action,
                path,
                reason: error.to_string(),
            },
        }
    }

    /// True for a refusal that says nothing about the file itself (a repeated id, a visit that
    /// is gone, a bad backup destination): the open connection is still good.
    pub(crate) fn is_refusal(&self) -> bool {
        matches!(
            self,
            StoreError::AlreadySaved { .. }
                | StoreError::NoSuchVisit { .. }
                | StoreError::UnreadableVisit { .. }
                | StoreError::Backup { .. }
        )
    }
}

/// True when the folder holding `path` has no room for a small file (or the user's quota is
/// used up). Writes and removes a 64 KiB probe file; a folder that cannot be written is not full.
pub(crate) fn disk_is_full(path: &Path) -> bool {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let probe = folder.join(format!(".frontdesk-space-check-{}", std::process::id()));
    let written = super::owner_only::options()
        .write(true)
        .create_new(true)
        .open(&probe)
        .and_then(|mut file| {
            file.write_all(&[0; 64 * 1024])?;
            file.sync_all()
        });
    let _ = std::fs::remove_file(&probe);
    matches!(written, Err(e) if matches!(e.kind(), io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded))
}

/// Plain words for a file-system error: "the disk is full", "the folder is read-only".
pub(crate) fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "the disk is full; free some space".into()
        }
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "you may not write there (it is read-only)".into()
        }
        io::ErrorKind::NotFound => "the folder does not exist".into(),
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder".into(),
        io::ErrorKind::AlreadyExists => "something else already has that name".into(),
        _ => error.to_string(),
    }
}
