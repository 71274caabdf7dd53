//! Opening the visit log: the folder, the file (owner-only on Unix), WAL, `synchronous=FULL`, a
//! busy timeout, migrations.

use std::fs;
use std::io;
use std::path::Path;
use std::time::Instant;

use rusqlite::{Connection, OpenFlags};

use super::error::io_reason;
use super::{BUSY_TIMEOUT, Store, StoreError, migrations};

impl Store {
    /// Opens the visit log at `path`, creating its folder and the file if missing, and brings
    /// the schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = connect(path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            reopen: false,
        })
    }

    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        migrations::version_of(&self.conn).map_err(|e| self.error("read", e))
    }

    /// How the connection protects visits: for `frontdesk config --print` and tests.
    pub fn durability(&self) -> Result<Durability, StoreError> {
        let read = |pragma: &str| -> rusqlite::Result<String> {
            self.conn
                .pragma_query_value(None, pragma, |row| row.get::<_, rusqlite::types::Value>(0))
                .map(|value| match value {
                    rusqlite::types::Value::Integer(n) => n.to_string(),
                    rusqlite::types::Value::Text(t) => t,
                    other => format!("{other:?}"),
                })
        };
        let synchronous = match read("synchronous")
            .map_err(|e| self.error("read", e))?
            .as_str()
        {
            "0" => "off",
            "1" => "normal",
            "2" => "full",
            "3" => "extra",
            _ => "unknown",
        };
        Ok(Durability {
            journal_mode: read("journal_mode").map_err(|e| self.error("read", e))?,
            synchronous,
            busy_timeout_ms: read("busy_timeout")
                .map_err(|e| self.error("read", e))?
                .parse()
                .unwrap_or(0),
        })
    }

    /// Caps the file at `pages` database pages (or its current size, if larger), as a full disk
    /// would: saves that need more space then fail with the disk-full message. Returns the cap.
    pub fn set_max_pages(&self, pages: u32) -> Result<u32, StoreError> {
        self.conn
            .pragma_update_and_check(None, "max_page_count", pages, |row| row.get(0))
            .map_err(|e| self.error("open", e))
    }

    /// Opens the file afresh if the last write found it read-only or missing.
    pub(crate) fn reopen_if_needed(&mut self) -> Result<(), StoreError> {
        if self.reopen {
            self.conn = connect(&self.path)?;
            self.reopen = false;
        }
        Ok(())
    }

    pub(crate) fn error(&self, action: &'static str, error: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, action, error)
    }
}

/// How a connection protects visits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Durability {
    /// "wal" for a writable log.
    pub journal_mode: String,
    /// "full": every commit is flushed to disk before it returns.
    pub synchronous: &'static str,
    pub busy_timeout_ms: u64,
}

fn connect(path: &Path) -> Result<Connection, StoreError> {
    let sql_error = |e| StoreError::from_sqlite(path, "open", e);
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !folder.is_dir()
    {
        fs::create_dir_all(folder).map_err(|e| StoreError::FolderCannotBeCreated {
            path: folder.to_path_buf(),
            reason: io_reason(&e),
        })?;
    }
    create_owner_only(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(sql_error)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql_error)?;
    use_wal(&conn).map_err(sql_error)?;
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sql_error)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(sql_error)?;
    migrations::migrate(&mut conn, path)?;
    Ok(conn)
}

/// Creates an empty file readable by its owner only, so SQLite (and its `-wal` and `-shm`
/// files, which copy the main file's mode) never make it readable by others. An existing file is
/// left as it is.
fn create_owner_only(path: &Path) -> Result<(), StoreError> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        // A folder where the file cannot be created: SQLite says so in its own words below,
        // unless the file exists after all (a read-only folder holding a writable file).
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Ok(()),
        Err(e) => Err(StoreError::Other {
            action: "create",
            path: path.to_path_buf(),
            reason: io_reason(&e),
        }),
    }
}

/// Switches the file to WAL. The switch takes a lock the busy handler does not wait for, so
/// two processes opening a new file at once retry here for up to the busy timeout.
fn use_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
        {
            Ok(mode) => {
                if !mode.eq_ignore_ascii_case("wal") {
                    tracing::warn!("the visit log stays in {mode} mode (it may be read-only)");
                }
                return Ok(());
            }
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) && Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(e) => return Err(e),
        }
    }
}
