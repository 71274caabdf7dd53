//! Files and folders only their owner may read: the visit log, its `-wal`, `-shm` and
//! `-journal`, backups, the draft and the app's own log all say what happened at the desk.
//!
//! On Unix new files are created 0600 and new folders 0700, and an existing file that others
//! may read is tightened when frontdesk opens it (SQLite gives the `-wal` and `-shm` files the
//! mode of the log, so they follow). On Windows nothing is changed: the data folder is under the
//! user's profile (`%APPDATA%`), which Windows already keeps private to that user.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Options for creating a file only its owner may read or write (0600 on Unix).
pub fn options() -> fs::OpenOptions {
    #[allow(unused_mut)]
    let mut options = fs::OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Creates `folder` and any missing parents, each only its owner may open (0700 on Unix).
/// Folders that already exist are left as they are.
pub fn create_dir_all(folder: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(folder)
}

/// Takes away every permission others have on an existing file (0644 becomes 0600). Best
/// effort: a missing file is fine, and a file that cannot be changed (another owner, a
/// read-only file system) is left as it is with a line in the app's log.
pub fn tighten(file: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(metadata) = fs::metadata(file) else {
            return;
        };
        let mode = metadata.permissions().mode();
        if !metadata.is_file() || mode & 0o077 == 0 {
            return;
        }
        if let Err(e) = fs::set_permissions(file, fs::Permissions::from_mode(mode & 0o700)) {
            tracing::warn!(
                "cannot make {} readable by its owner only: {e}",
                file.display()
            );
        }
    }
    #[cfg(not(unix))]
    let _ = file;
}

/// The visit log and the files SQLite keeps next to it.
pub(crate) fn log_and_companions(log: &Path) -> [PathBuf; 4] {
    let with = |suffix: &str| {
        let mut name = log.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    [
        log.to_path_buf(),
        with("-wal"),
        with("-shm"),
        with("-journal"),
    ]
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_files_and_folders_are_the_owners_alone() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("a").join("b");
        create_dir_all(&folder).unwrap();
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&folder), 0o700);
        let file = folder.join("f");
        options().write(true).create_new(true).open(&file).unwrap();
        assert_eq!(mode(&file), 0o600);
    }

    #[test]
    fn an_existing_file_others_may_read_is_tightened() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        fs::write(&file, "x").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
        tighten(&file);
        assert_eq!(mode(&file), 0o600);
        tighten(&dir.path().join("missing"));
    }
}
