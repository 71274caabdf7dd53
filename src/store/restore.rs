//! Putting a backup in the visit log's place (`frontdesk restore BACKUP`).
//!
//! The backup is checked first: a frontdesk visit log, read as it is on disk (a `-wal` beside
//! it is not applied), passing SQLite's full integrity check. No window may be running on the
//! data folder. Then the log and its working files (`-wal`, `-shm`, `-journal`) are renamed
//! aside together under one new name, never deleted: the replaced log stays whole and can still
//! be opened with its own `-wal`, and no stale or foreign `-wal` or `-journal` is ever applied to
//! the restored file. The backup is copied in under a temporary name, flushed to disk, and only
//! then given the log's name.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::Local;

use crate::output_file::{self, KeptFiles};

use super::error::io_reason;
use super::identify::{self, Found};
use super::{StoreError, owner_only};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// Visits in the restored log.
    pub visits: u64,
    /// The new name of the log that was replaced (None when there was none).
    pub replaced: Option<PathBuf>,
    /// Every file moved aside, the replaced log's working files included.
    pub moved: Vec<PathBuf>,
}

/// Puts a checked copy of `backup` in the place of the visit log at `log`, moving the log and
/// its working files aside first.
pub fn restore(log: &Path, backup: &Path) -> Result<Restored, StoreError> {
    let refuse = |reason: String| StoreError::Restore {
        path: backup.to_path_buf(),
        reason,
    };
    match fs::metadata(backup) {
        Ok(found) if found.is_file() => {}
        Ok(_) => return Err(refuse("it is not a regular file".into())),
        Err(e) => return Err(refuse(io_reason(&e).replace("the folder", "the file"))),
    }
    if matches!(
        KeptFiles::beside_log(log).kept(backup),
        Some(output_file::THE_VISIT_LOG | output_file::BESIDE_THE_LOG)
    ) {
        return Err(refuse(
            "that is the visit log itself or one of its working files; name a backup".into(),
        ));
    }
    let visits = check_backup(backup).map_err(refuse)?;
    let folder = log
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let running = super::draft_slot::windows_running(&folder);
    if running > 0 {
        return Err(refuse(format!(
            "frontdesk is open in {running} window{} on this data folder; close it everywhere (every desk sharing {}) and run restore again",
            if running == 1 { "" } else { "s" },
            folder.display()
        )));
    }
    if !folder.is_dir() {
        owner_only::create_dir_all(&folder).map_err(|e| refuse(io_reason(&e)))?;
    }
    let partial = copy_in(backup, &folder).map_err(|e| refuse(io_reason(&e)))?;
    let placed = move_aside_and_place(log, &partial, &folder);
    if placed.is_err() {
        let _ = fs::remove_file(&partial);
    }
    let (replaced, moved) = placed.map_err(refuse)?;
    for file in owner_only::log_and_companions(log) {
        owner_only::tighten(&file);
    }
    super::backup::sync_folder(&folder);
    tracing::info!(
        "restored {} from {} ({visits} visits); moved aside: {moved:?}",
        log.display(),
        backup.display()
    );
    Ok(Restored {
        visits,
        replaced,
        moved,
    })
}

/// Reads `backup` as it is on disk and checks it is a whole frontdesk visit log; returns how
/// many visits it holds, or why it cannot be restored.
fn check_backup(backup: &Path) -> Result<u64, String> {
    let (conn, facts) = super::open::read_only(backup, Some("immutable=1"))
        .map_err(|_| "it is not an SQLite database that can be read".to_string())?;
    match identify::judge(&facts, backup) {
        Ok(Found::Log { .. }) => {}
        Ok(Found::New) => return Err("it is empty, not a backup of a visit log".into()),
        Err(StoreError::NewerSchema { found, known, .. }) => {
            return Err(format!(
                "it was made by a newer frontdesk (schema {found}, this one knows {known}); update frontdesk first"
            ));
        }
        Err(_) => return Err("it is not a frontdesk visit log".into()),
    }
    let verdict =
        super::open::integrity_verdict(&conn).map_err(|e| format!("it cannot be checked ({e})"))?;
    if verdict != "ok" {
        tracing::warn!("{} failed its integrity check: {verdict}", backup.display());
        return Err(
            "it is damaged (it fails SQLite's integrity check), so the log was left as it is; choose another backup"
                .into(),
        );
    }
    let visits: i64 = conn
        .query_row("SELECT count(*) FROM visits", [], |r| r.get(0))
        .map_err(|e| format!("it cannot be read ({e})"))?;
    Ok(visits.max(0) as u64)
}

/// Copies `backup` into a new owner-only temporary file in `folder`, flushed to disk.
fn copy_in(backup: &Path, folder: &Path) -> io::Result<PathBuf> {
    let mut n = 0u32;
    let (partial, mut file) = loop {
        let partial = folder.join(format!(
            ".visits-restore-{}-{n}.partial",
            std::process::id()
        ));
        match owner_only::options()
            .write(true)
            .create_new(true)
            .open(&partial)
        {
            Ok(file) => break (partial, file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(e) => return Err(e),
        }
    };
    let copied = fs::File::open(backup)
        .and_then(|mut source| io::copy(&mut source, &mut file))
        .and_then(|_| file.sync_all());
    if let Err(e) = copied {
        let _ = fs::remove_file(&partial);
        return Err(e);
    }
    Ok(partial)
}

/// Renames the log and its working files aside under one new name, then gives `partial` the
/// log's name. Returns the replaced log's new name and every file moved.
fn move_aside_and_place(
    log: &Path,
    partial: &Path,
    folder: &Path,
) -> Result<(Option<PathBuf>, Vec<PathBuf>), String> {
    let aside = aside_name(log, folder);
    let mut moved = Vec::new();
    // Twice: a working file that appeared while the first were moved goes aside too.
    for _ in 0..2 {
        for (part, kept) in owner_only::log_and_companions(log)
            .into_iter()
            .zip(owner_only::log_and_companions(&aside))
        {
            if part.symlink_metadata().is_err() {
                continue;
            }
            fs::rename(&part, &kept).map_err(|e| {
                format!(
                    "{} cannot be moved aside ({}); nothing was restored",
                    part.display(),
                    io_reason(&e)
                )
            })?;
            moved.push(kept);
        }
    }
    let replaced = moved
        .iter()
        .any(|kept| kept == &aside)
        .then(|| aside.clone());
    super::backup::place_new(partial, log).map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => format!(
            "a new visit log appeared while restoring (is frontdesk running somewhere?); the old one is kept as {}; close frontdesk everywhere and run restore again",
            aside.display()
        ),
        _ => io_reason(&e),
    })?;
    Ok((replaced, moved))
}

/// `visits-replaced-YYYYMMDD-HHMMSS.sqlite3` in `folder` (with a counter if taken): the name
/// the replaced log and its working files are kept under.
fn aside_name(log: &Path, folder: &Path) -> PathBuf {
    let stem = log
        .file_stem()
        .map_or_else(|| "visits".into(), |s| s.to_string_lossy().into_owned());
    let stamp = crate::clock::local_now().map_or_else(
        |_| "unknown-time".to_string(),
        |now: chrono::DateTime<Local>| now.format("%Y%m%d-%H%M%S").to_string(),
    );
    (1..)
        .map(|n| match n {
            1 => folder.join(format!("{stem}-replaced-{stamp}.sqlite3")),
            n => folder.join(format!("{stem}-replaced-{stamp}-{n}.sqlite3")),
        })
        .find(|candidate| {
            owner_only::log_and_companions(candidate)
                .iter()
                .all(|file| file.symlink_metadata().is_err())
        })
        .unwrap_or_else(|| folder.join(format!("{stem}-replaced.sqlite3")))
}
