//! The app's own log goes to a file in the data folder, never to the screen. Like every file
//! frontdesk writes there, only its owner may read it (see [`crate::store::owner_only`]).

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use crate::store::owner_only;

/// Starts logging to `file`. Returns a sentence for the status bar when the file cannot be
/// written; the app still runs.
pub fn init(file: &Path) -> Result<(), String> {
    let handle =
        open(file).map_err(|e| format!("Cannot write the log file {}: {e}.", file.display()))?;
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_target(false)
        .with_writer(Mutex::new(Redacting(handle)))
        .finish();
    tracing::subscriber::set_global_default(subscriber).map_err(|e| e.to_string())
}

/// Writes each line of the log through [`crate::config::redact`]: no server password reaches
/// the file, whatever a message holds.
struct Redacting<W>(W);

impl<W: Write> Write for Redacting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(crate::config::redact(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Opens `file` for appending: created owner-only (with its folder), or tightened if others
/// could read it.
fn open(file: &Path) -> std::io::Result<File> {
    if let Some(dir) = file.parent().filter(|p| !p.as_os_str().is_empty())
        && !dir.is_dir()
    {
        owner_only::create_dir_all(dir)?;
    }
    let handle = owner_only::options().create(true).append(true).open(file)?;
    owner_only::tighten(file);
    Ok(handle)
}

#[cfg(all(test, unix))]
mod tests {
    use std::fs;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &std::path::Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_password_never_reaches_the_log_file() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("frontdesk.log");
        let mut log = super::Redacting(super::open(&file).unwrap());
        log.write_all(b"WARN sync: cannot reach postgres://desk:p/a?s@s#w%rd@db.example/fd\n")
            .unwrap();
        log.write_all(b"WARN sync: host=db password='it\\'s secret' user=desk\n")
            .unwrap();
        let written = fs::read_to_string(&file).unwrap();
        assert_eq!(
            written,
            "WARN sync: cannot reach postgres://desk:***@db.example/fd\nWARN sync: host=db password=*** user=desk\n"
        );
    }

    #[test]
    fn the_log_file_and_its_folder_are_the_owners_alone() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("data").join("frontdesk.log");
        super::open(&file).unwrap();
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&dir.path().join("data")), 0o700);
    }

    #[test]
    fn an_existing_log_file_others_can_read_is_tightened_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("frontdesk.log");
        fs::write(&file, "earlier lines\n").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
        super::open(&file).unwrap();
        assert_eq!(mode(&file), 0o600);
        assert_eq!(fs::read_to_string(&file).unwrap(), "earlier lines\n");
    }
}
