//! The half-filled visit form, kept as a small JSON file so it survives a crash or a kill and is
//! offered back at the next start.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::backup::sync_folder;
use super::error::io_reason;
use crate::visit::VisitDraft;

/// Writes the draft atomically: a temporary file, flushed to disk, then renamed over the old one.
/// Whatever in the note looks like personal data is redacted first: it never reaches the disk.
pub fn save_draft(path: &Path, draft: &VisitDraft) -> Result<(), StoreError> {
    let draft = &VisitDraft {
        note: draft.note.as_deref().map(crate::privacy::redact),
        ..draft.clone()
    };
    let fail = |reason: String| StoreError::Draft {
        path: path.to_path_buf(),
        reason,
    };
    let json = serde_json::to_vec_pretty(draft).map_err(|e| fail(e.to_string()))?;
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(folder).map_err(|e| fail(io_reason(&e)))?;
    let temporary = sibling(path, "tmp");
    let written = (|| {
        let mut options = fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&temporary)?;
        file.write_all(&json)?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    })();
    written.map_err(|e| {
        let _ = fs::remove_file(&temporary);
        fail(io_reason(&e))
    })?;
    sync_folder(folder);
    Ok(())
}

/// The draft kept at `path`, if any. A draft that cannot be read is moved aside (to
/// `draft.json.unreadable`) and logged, so it never stops the app from starting.
pub fn load_draft(path: &Path) -> Option<VisitDraft> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            tracing::warn!("cannot read the draft visit {}: {e}", path.display());
            return None;
        }
    };
    match serde_json::from_slice::<VisitDraft>(&bytes) {
        Ok(draft) => Some(draft),
        Err(e) => {
            let aside = sibling(path, "unreadable");
            tracing::warn!(
                "the draft visit {} cannot be read ({e}); moved it to {}",
                path.display(),
                aside.display()
            );
            if fs::rename(path, &aside).is_err() {
                let _ = fs::remove_file(path);
            }
            None
        }
    }
}

/// Forgets the draft (after the visit is saved or discarded). A missing draft is fine.
pub fn clear_draft(path: &Path) {
    if let Err(e) = fs::remove_file(path)
        && e.kind() != std::io::ErrorKind::NotFound
    {
        tracing::warn!("cannot remove the draft visit {}: {e}", path.display());
    }
}

/// `draft.json` -> `draft.json.tmp`.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}
