//! Each running window's own draft, so several windows or desks on one data folder never share
//! a half-logged visit.
//!
//! A window claims a slot at start-up: `drafts/<desk>-<uuid>.json` in the data folder, with an
//! OS file lock held on `drafts/<desk>-<uuid>.lock` for as long as the window runs (the draft
//! itself is replaced by renaming, so it cannot carry the lock). The lock is what tells a
//! running window's draft from one left by a window that died: the OS drops the lock of a dead
//! process, so a slot whose lock can be taken belongs to nobody. A window is offered only such a
//! draft, and only one its own desk started; every other window's draft is left alone.
//!
//! The single `draft.json` of earlier versions is moved into a slot of its own desk once, and
//! is then offered like any draft left behind.

use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use uuid::Uuid;

use super::StoreError;
use super::draft::{clear_draft, load_draft, save_draft};
use super::error::io_reason;
use crate::visit::VisitDraft;

/// How many windows (of any desk) are running on `data_dir` now: slots whose lock is held.
pub fn windows_running(data_dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(data_dir.join(FOLDER)) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".lock"))
        .filter(|entry| {
            File::open(entry.path())
                .is_ok_and(|file| matches!(file.try_lock(), Err(TryLockError::WouldBlock)))
        })
        .count()
}

/// The folder of the data folder that holds the slots.
const FOLDER: &str = "drafts";
/// The one draft file of earlier versions, in the data folder itself.
const LEGACY: &str = "draft.json";
/// How many fresh names to try if another window takes ours between creating and locking it.
const ATTEMPTS: usize = 8;

/// One window's draft file, locked while the window runs. Dropping it (the window closes)
/// releases the lock and keeps any draft for the next window of the same desk.
#[derive(Debug)]
pub struct DraftSlot {
    draft: PathBuf,
    lock: PathBuf,
    /// Open for as long as the slot lives: the OS lock goes with it.
    _held: File,
}

impl DraftSlot {
    /// Claims a slot for a window of `desk` in `data_dir`, and returns the draft it should offer:
    /// one left by a window of the same desk that is no longer running, if any. Drafts of running
    /// windows and of other desks are never offered.
    pub fn claim(
        data_dir: &Path,
        desk: &str,
    ) -> Result<(DraftSlot, Option<VisitDraft>), StoreError> {
        let folder = data_dir.join(FOLDER);
        create_folder(&folder).map_err(|e| StoreError::Draft {
            path: folder.clone(),
            reason: io_reason(&e),
        })?;
        move_legacy_draft(data_dir, &folder, desk);
        let prefix = file_prefix(desk);
        if let Some((slot, draft)) = take_left_draft(&folder, &prefix, desk) {
            return Ok((slot, Some(draft)));
        }
        remove_unheld_locks(&folder, &prefix);
        Ok((new_slot(&folder, &prefix)?, None))
    }

    /// Keeps `draft` in this window's file (atomically, flushed to disk).
    pub fn save(&self, draft: &VisitDraft) -> Result<(), StoreError> {
        save_draft(&self.draft, draft)
    }

    /// Forgets this window's draft (the visit was saved or discarded).
    pub fn clear(&self) {
        clear_draft(&self.draft);
    }

    /// This window's draft file.
    pub fn path(&self) -> &Path {
        &self.draft
    }
}

impl Drop for DraftSlot {
    fn drop(&mut self) {
        // With no draft to keep, the lock file goes too; the lock itself goes with the file.
        if !self.draft.exists() {
            let _ = fs::remove_file(&self.lock);
        }
    }
}

/// The start of every slot name of `desk`: its name in lower-case letters, digits and hyphens.
fn file_prefix(desk: &str) -> String {
    let mut prefix = String::new();
    for c in desk.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            prefix.push(c);
        } else if !prefix.is_empty() && !prefix.ends_with('-') {
            prefix.push('-');
        }
        if prefix.len() >= 40 {
            break;
        }
    }
    let prefix = prefix.trim_end_matches('-');
    if prefix.is_empty() {
        "desk".to_string()
    } else {
        prefix.to_string()
    }
}

/// The slot id of a file named `<prefix>-<uuid>.<extension>`, if that is its name.
fn slot_id(name: &str, prefix: &str, extension: &str) -> Option<Uuid> {
    let stem = name.strip_suffix(extension)?.strip_suffix('.')?;
    let rest = stem.strip_prefix(prefix)?.strip_prefix('-')?;
    Uuid::parse_str(rest)
        .ok()
        .filter(|id| rest.len() == 36 && !id.is_nil())
}

fn paths(folder: &Path, prefix: &str, id: Uuid) -> (PathBuf, PathBuf) {
    (
        folder.join(format!("{prefix}-{id}.json")),
        folder.join(format!("{prefix}-{id}.lock")),
    )
}

/// Opens (creating if needed) a lock file and takes its lock without waiting. `None` when
/// another window holds it, or the lock cannot be taken at all (then no one's draft is taken).
fn lock(path: &Path, create_new: bool) -> Option<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true);
    if create_new {
        options.create_new(true);
    } else {
        options.create(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        Err(e) => {
            if e.kind() != io::ErrorKind::AlreadyExists {
                tracing::warn!("cannot open the draft lock {}: {e}", path.display());
            }
            return None;
        }
    };
    match file.try_lock() {
        Ok(()) => Some(file),
        Err(TryLockError::WouldBlock) => None,
        Err(TryLockError::Error(e)) => {
            tracing::warn!("cannot lock {}: {e}", path.display());
            None
        }
    }
}

/// Takes the most recent draft of `desk` whose window is no longer running, with its lock.
fn take_left_draft(folder: &Path, prefix: &str, desk: &str) -> Option<(DraftSlot, VisitDraft)> {
    let mut candidates: Vec<(SystemTime, Uuid)> = fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let id = slot_id(&entry.file_name().to_string_lossy(), prefix, "json")?;
            let modified = entry.metadata().and_then(|m| m.modified()).ok()?;
            Some((modified, id))
        })
        .collect();
    candidates.sort_by(|a, b| b.cmp(a));
    for (_, id) in candidates {
        let (draft_path, lock_path) = paths(folder, prefix, id);
        let Some(held) = lock(&lock_path, false) else {
            continue;
        };
        // A file whose name matches but was made for another desk (names are simplified).
        match load_draft(&draft_path) {
            Some(draft) if draft.desk.trim() == desk.trim() || draft.desk.trim().is_empty() => {
                let slot = DraftSlot {
                    draft: draft_path,
                    lock: lock_path,
                    _held: held,
                };
                return Some((slot, draft));
            }
            Some(_) => {}
            None => {
                let _ = fs::remove_file(&lock_path);
            }
        }
    }
    None
}

/// Lock files left by windows that died with no draft: tidied away.
fn remove_unheld_locks(folder: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let Some(id) = slot_id(&entry.file_name().to_string_lossy(), prefix, "lock") else {
            continue;
        };
        let (draft_path, lock_path) = paths(folder, prefix, id);
        if draft_path.exists() {
            continue;
        }
        if let Some(_held) = lock(&lock_path, false)
            && !draft_path.exists()
        {
            let _ = fs::remove_file(&lock_path);
        }
    }
}

/// A fresh slot with a new name, locked.
fn new_slot(folder: &Path, prefix: &str) -> Result<DraftSlot, StoreError> {
    for _ in 0..ATTEMPTS {
        let (draft, lock_path) = paths(folder, prefix, Uuid::new_v4());
        if let Some(held) = lock(&lock_path, true) {
            // Another window tidying lock files may have removed ours before we locked it.
            if lock_path.exists() {
                return Ok(DraftSlot {
                    draft,
                    lock: lock_path,
                    _held: held,
                });
            }
        }
    }
    // The lock cannot be taken here (a file system without locks): the window still gets a
    // draft file of its own, which no other window uses.
    let (draft, lock_path) = paths(folder, prefix, Uuid::new_v4());
    let held = File::create(&lock_path).map_err(|e| StoreError::Draft {
        path: lock_path.clone(),
        reason: io_reason(&e),
    })?;
    tracing::warn!(
        "cannot lock a draft in {}; this window's draft will not be offered after a crash",
        folder.display()
    );
    Ok(DraftSlot {
        draft,
        lock: lock_path,
        _held: held,
    })
}

/// Moves the single `draft.json` of earlier versions into a slot of the desk that started it,
/// where it is offered like any draft left behind.
fn move_legacy_draft(data_dir: &Path, folder: &Path, desk: &str) {
    let legacy = data_dir.join(LEGACY);
    if !legacy.exists() {
        return;
    }
    // An unreadable draft is moved aside by `load_draft`.
    let Some(draft) = load_draft(&legacy) else {
        return;
    };
    let owner = if draft.desk.trim().is_empty() {
        desk
    } else {
        draft.desk.as_str()
    };
    let (target, _) = paths(folder, &file_prefix(owner), Uuid::new_v4());
    // Written afresh rather than renamed, so a note kept before drafts were checked for
    // personal data is redacted on its way in.
    match save_draft(&target, &draft) {
        Ok(()) => match fs::remove_file(&legacy) {
            Ok(()) => tracing::info!(
                "moved the draft {} to {}",
                legacy.display(),
                target.display()
            ),
            // Another window moved it first: one copy is enough.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let _ = fs::remove_file(&target);
            }
            Err(e) => tracing::warn!("cannot remove the draft {}: {e}", legacy.display()),
        },
        Err(e) => tracing::warn!("cannot move the draft {}: {e}", legacy.display()),
    }
}

fn create_folder(folder: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_desk_name_becomes_a_short_file_name() {
        assert_eq!(file_prefix("Main desk"), "main-desk");
        assert_eq!(file_prefix("  Library / 2nd floor "), "library-2nd-floor");
        assert_eq!(file_prefix("***"), "desk");
        assert_eq!(file_prefix("Café"), "caf");
        assert!(file_prefix(&"x".repeat(200)).len() <= 40);
    }

    #[test]
    fn only_names_of_this_desk_are_slots() {
        let id = Uuid::new_v4();
        assert_eq!(
            slot_id(&format!("main-desk-{id}.json"), "main-desk", "json"),
            Some(id)
        );
        assert_eq!(
            slot_id(&format!("main-{id}.json"), "main-desk", "json"),
            None
        );
        assert_eq!(
            slot_id(&format!("main-desk-{id}.json"), "main", "json"),
            None
        );
        assert_eq!(
            slot_id(&format!("main-desk-{id}.lock"), "main-desk", "json"),
            None
        );
        assert_eq!(
            slot_id(&format!("main-desk-{id}.json.tmp"), "main-desk", "json"),
            None
        );
        assert_eq!(slot_id("main-desk-x.json", "main-desk", "json"), None);
    }
}
