//! A checked, consistent copy of the visit log with SQLite's online backup API, safe while the
//! app (or another desk) is writing to it.
//!
//! The copy is written under a temporary name in the destination folder, checked with SQLite's
//! full integrity check (every index against its table) and flushed to disk, and only then given its name: a damaged log is never called
//! a backup, and a half-written copy never has a backup's name. The log's own files (the log,
//! its `-wal`, `-shm` and `-journal`) and anything that is not a regular file or a folder are
//! refused; an existing file is replaced only when asked (`--force`); a folder gets a new file
//! named by the time to the millisecond (and a counter), never one that is already there.

use std::fs;
use std::io;
use std::path::{MAIN_SEPARATOR, Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode};

use super::error::io_reason;
use super::{BUSY_TIMEOUT, Store, StoreError, owner_only};
use crate::output_file::{self, KeptFiles};

/// Where the copy goes.
enum Target {
    /// This file; an existing one only with `replace`.
    File { path: PathBuf, replace: bool },
    /// A new, dated file in this folder.
    Folder(PathBuf),
}

impl Store {
    /// Writes a checked copy of the whole visit log to `dest`, a file or a folder (where a new
    /// file named `visits-DATE-TIME-MS.sqlite3` is made), and returns the file written. An
    /// existing file is replaced only with `replace`.
    pub fn backup_to(&self, dest: &Path, replace: bool) -> Result<PathBuf, StoreError> {
        let fail = |reason: String| StoreError::Backup {
            path: dest.to_path_buf(),
            reason,
        };
        let target = target(dest, &self.path, replace).map_err(fail)?;
        let folder = match &target {
            Target::Folder(folder) => folder.clone(),
            Target::File { path, .. } => path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .to_path_buf(),
        };
        if !folder.is_dir() {
            owner_only::create_dir_all(&folder)
                .map_err(|e| fail(format!("the folder cannot be created: {}", io_reason(&e))))?;
        }
        let partial = reserve_partial(&folder).map_err(|e| fail(io_reason(&e)))?;
        let written = self.copy_to(&partial, &folder, dest).and_then(|()| {
            let written = publish(&partial, &target).map_err(|e| {
                fail(match e.kind() {
                    io::ErrorKind::AlreadyExists => {
                        "a file appeared there while the copy was made; try again".to_string()
                    }
                    _ => io_reason(&e),
                })
            })?;
            sync_folder(&folder);
            Ok(written)
        });
        if written.is_err() {
            let _ = fs::remove_file(&partial);
        }
        written
    }

    /// Copies the log into `partial`, checks the copy and flushes it to disk.
    fn copy_to(&self, partial: &Path, folder: &Path, dest: &Path) -> Result<(), StoreError> {
        let damaged = || StoreError::DamagedLogNotBackedUp {
            log: self.path.clone(),
            restore_from: newest_backup(folder, &[partial, &self.path]),
        };
        let fail = |error: rusqlite::Error| match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => damaged(),
            _ => StoreError::Backup {
                path: dest.to_path_buf(),
                reason: sql_reason(error),
            },
        };
        let mut copy = Connection::open(partial).map_err(fail)?;
        {
            let backup = Backup::new(&self.conn, &mut copy).map_err(fail)?;
            // All pages in one step: a single read transaction, so the copy is consistent even
            // while others write (in WAL mode they are not blocked).
            let deadline = Instant::now() + BUSY_TIMEOUT;
            loop {
                match backup.step(-1).map_err(fail)? {
                    StepResult::Done => break,
                    StepResult::More => {}
                    StepResult::Busy | StepResult::Locked if Instant::now() < deadline => {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    _ => {
                        return Err(StoreError::Backup {
                            path: dest.to_path_buf(),
                            reason: "the visit log stayed busy; try again".into(),
                        });
                    }
                }
            }
        }
        // Pages are copied as they are: a damaged log makes a damaged copy, found here.
        let verdict = super::open::integrity_verdict(&copy).map_err(fail)?;
        if verdict != "ok" {
            tracing::warn!(
                "the copy of {} failed its integrity check: {verdict}",
                self.path.display()
            );
            return Err(damaged());
        }
        copy.close().map_err(|(_, e)| fail(e))?;
        // Opened for writing: Windows flushes a file only through a handle that may write to it.
        fs::OpenOptions::new()
            .write(true)
            .open(partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| StoreError::Backup {
                path: dest.to_path_buf(),
                reason: io_reason(&e),
            })
    }
}

/// What `dest` is, or why no copy may go there.
fn target(dest: &Path, log: &Path, replace: bool) -> Result<Target, String> {
    match KeptFiles::beside_log(log).kept(dest) {
        Some(output_file::THE_VISIT_LOG | output_file::BESIDE_THE_LOG) => {
            return Err(
                "that is the visit log itself or one of its working files (-wal, -shm, -journal); choose another file"
                    .into(),
            );
        }
        Some(what) => {
            return Err(format!(
                "that is {what}, which frontdesk keeps; choose another file"
            ));
        }
        None => {}
    }
    match fs::metadata(dest) {
        Ok(found) if found.is_dir() => Ok(Target::Folder(dest.to_path_buf())),
        Ok(found) if found.is_file() && replace => Ok(Target::File {
            path: dest.to_path_buf(),
            replace,
        }),
        Ok(found) if found.is_file() => {
            Err("a file is already there; give a new name, or add --force to replace it".into())
        }
        Ok(_) => Err(
            "it is not a regular file or a folder (a device, a pipe or a socket); give a file name or a folder"
                .into(),
        ),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if dest.symlink_metadata().is_ok() {
                return Err("it is a link to nothing; give another name".into());
            }
            let text = dest.as_os_str().to_string_lossy();
            if text.ends_with('/') || text.ends_with(MAIN_SEPARATOR) {
                return Ok(Target::Folder(dest.to_path_buf()));
            }
            if dest.file_name().is_none() {
                return Err("give a file name".into());
            }
            Ok(Target::File {
                path: dest.to_path_buf(),
                replace,
            })
        }
        Err(e) => Err(io_reason(&e)),
    }
}

/// A new, empty temporary file in `folder` for the copy.
fn reserve_partial(folder: &Path) -> io::Result<PathBuf> {
    let mut n = 0u32;
    loop {
        let partial = folder.join(format!(".visits-backup-{}-{n}.partial", std::process::id()));
        match owner_only::options()
            .write(true)
            .create_new(true)
            .open(&partial)
        {
            Ok(_) => return Ok(partial),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Gives the checked copy its name, and returns it.
fn publish(partial: &Path, target: &Target) -> io::Result<PathBuf> {
    match target {
        Target::File {
            path,
            replace: true,
        } => fs::rename(partial, path).map(|()| path.clone()),
        Target::File { path, .. } => place_new(partial, path).map(|()| path.clone()),
        Target::Folder(folder) => {
            let stamp = crate::clock::local_now()
                .map_err(|e| io::Error::other(e.to_string()))?
                .format("visits-%Y-%m-%d-%H%M%S-%3f")
                .to_string();
            for n in 1..=1000 {
                let name = match n {
                    1 => format!("{stamp}.sqlite3"),
                    n => format!("{stamp}-{n}.sqlite3"),
                };
                let path = folder.join(name);
                match place_new(partial, &path) {
                    Ok(()) => return Ok(path),
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                    Err(e) => return Err(e),
                }
            }
            Err(io::ErrorKind::AlreadyExists.into())
        }
    }
}

/// Gives `partial` the name `path` unless something already has that name. A hard link makes
/// the check and the naming one step; a file system without hard links (FAT on a USB stick)
/// gets a look, then a rename.
pub(super) fn place_new(partial: &Path, path: &Path) -> io::Result<()> {
    match fs::hard_link(partial, path) {
        Ok(()) => {
            let _ = fs::remove_file(partial);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if path.symlink_metadata().is_ok() => Err(io::ErrorKind::AlreadyExists.into()),
        Err(_) => fs::rename(partial, path),
    }
}

/// The most recently written `*.sqlite3` file in `folder` other than `excluded`: the backup to
/// restore from.
fn newest_backup(folder: &Path, excluded: &[&Path]) -> Option<PathBuf> {
    let excluded: Vec<PathBuf> = excluded
        .iter()
        .filter_map(|p| fs::canonicalize(p).ok())
        .collect();
    fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && name.ends_with(".sqlite3")
        })
        .filter_map(|entry| {
            let metadata = entry.metadata().ok().filter(fs::Metadata::is_file)?;
            let path = entry.path();
            let canonical = fs::canonicalize(&path).ok()?;
            (!excluded.contains(&canonical)).then_some((metadata.modified().ok()?, path))
        })
        .max()
        .map(|(_, path)| path)
}

fn sql_reason(error: rusqlite::Error) -> String {
    match error.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => "the disk is full; free some space".into(),
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen) => {
            "the file cannot be written there (check the folder is writable)".into()
        }
        _ => error.to_string(),
    }
}

/// Makes a rename durable. Best effort: not every platform can open a folder.
pub(crate) fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}
