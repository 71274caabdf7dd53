//! A consistent copy of the visit log with SQLite's online backup API, safe while the app (or
//! another desk) is writing to it.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::error::io_reason;
use super::{BUSY_TIMEOUT, Store, StoreError};

impl Store {
    /// Writes a copy of the whole visit log to `dest`, replacing any file there. The copy is
    /// made under a temporary name and renamed when complete, so `dest` is never half-written.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        let fail = |reason: String| StoreError::Backup {
            path: dest.to_path_buf(),
            reason,
        };
        if dest.is_dir() {
            return Err(fail("it is a folder; give a file name".into()));
        }
        if same_file(dest, &self.path) {
            return Err(fail(
                "that is the visit log itself; choose another file".into(),
            ));
        }
        let name = dest
            .file_name()
            .ok_or_else(|| fail("give a file name".into()))?;
        let folder = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(folder)
            .map_err(|e| fail(format!("the folder cannot be created: {}", io_reason(&e))))?;
        let partial = folder.join(format!(".{}.partial", name.to_string_lossy()));
        let result = self.copy_to(&partial).and_then(|()| {
            fs::rename(&partial, dest).map_err(|e| io_reason(&e))?;
            sync_folder(folder);
            Ok(())
        });
        result.map_err(|reason| {
            let _ = fs::remove_file(&partial);
            fail(reason)
        })
    }

    fn copy_to(&self, partial: &Path) -> Result<(), String> {
        let _ = fs::remove_file(partial);
        create_owner_only(partial)?;
        let mut copy = Connection::open(partial).map_err(sql_reason)?;
        {
            let backup = Backup::new(&self.conn, &mut copy).map_err(sql_reason)?;
            // All pages in one step: a single read transaction, so the copy is consistent even
            // while others write (in WAL mode they are not blocked).
            let deadline = Instant::now() + BUSY_TIMEOUT;
            loop {
                match backup.step(-1).map_err(sql_reason)? {
                    StepResult::Done => break,
                    StepResult::More => {}
                    StepResult::Busy | StepResult::Locked if Instant::now() < deadline => {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    _ => return Err("the visit log stayed busy; try again".into()),
                }
            }
        }
        copy.close().map_err(|(_, e)| sql_reason(e))?;
        fs::File::open(partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| io_reason(&e))
    }
}

fn sql_reason(error: rusqlite::Error) -> String {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => "the disk is full; free some space".into(),
        Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen) => {
            "the file cannot be written there (check the folder is writable)".into()
        }
        _ => error.to_string(),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    let canonical = |p: &Path| -> Option<PathBuf> { fs::canonicalize(p).ok() };
    match (canonical(a), canonical(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// The copy holds visit data: readable by its owner only, like the log itself.
fn create_owner_only(path: &Path) -> Result<(), String> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(|_| ()).map_err(|e| io_reason(&e))
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
