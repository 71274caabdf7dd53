//! The app's own log goes to a file in the data folder, never to the screen.

use std::fs::{self, OpenOptions};
use std::path::Path;
use std::sync::Mutex;

/// Starts logging to `file`. Returns a sentence for the status bar when the file cannot be
/// written; the app still runs.
pub fn init(file: &Path) -> Result<(), String> {
    let open = || -> std::io::Result<std::fs::File> {
        if let Some(dir) = file.parent() {
            fs::create_dir_all(dir)?;
        }
        OpenOptions::new().create(true).append(true).open(file)
    };
    let handle =
        open().map_err(|e| format!("Cannot write the log file {}: {e}.", file.display()))?;
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_target(false)
        .with_writer(Mutex::new(handle))
        .finish();
    tracing::subscriber::set_global_default(subscriber).map_err(|e| e.to_string())
}
