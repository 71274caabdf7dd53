//! Opening the visit log.
//!
//! - For writing: the folder and the file (owner-only on Unix); then, once the file is known to
//!   be a frontdesk visit log or new, WAL, `synchronous=FULL`, a busy timeout and migrations.
//! - For reading: a read-only connection that needs neither free space nor a writable folder,
//!   so visits can still be listed and backed up from a full disk or a read-only folder.

use std::fs;
use std::io;
use std::path::Path;
use std::time::Instant;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::error::io_reason;
use super::identify::{self, Found};
use super::{BUSY_TIMEOUT, SCHEMA_VERSION, Store, StoreError, migrations, owner_only};

impl Store {
    /// Opens the visit log at `path` for writing, creating its folder and the file if missing,
    /// and brings the schema up to date. A file that is not a frontdesk visit log is refused
    /// untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = connect(path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens the visit log at `path` for reading only: no WAL switch, no migration, no write,
    /// so it works on a full disk and in a read-only folder. A log from an earlier frontdesk
    /// (or a new, empty file) is opened for writing instead, to bring it up to date.
    pub fn open_for_reading(path: &Path) -> Result<Store, StoreError> {
        let found = identify_file(path)?;
        if found
            != (Found::Log {
                version: SCHEMA_VERSION,
            })
        {
            return Store::open(path);
        }
        tighten_all(path);
        let (conn, _) = read_only_connection(path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Runs SQLite's full integrity check (every page, and every index against its table);
    /// [`StoreError::Corrupt`] when the file is damaged.
    pub fn check_health(&self) -> Result<(), StoreError> {
        check_health(&self.conn, &self.path)
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

/// Opens the log for writing. The file is identified before anything is changed: no WAL switch,
/// no migration and no write touch a file that is not a frontdesk visit log.
fn connect(path: &Path) -> Result<Connection, StoreError> {
    let sql_error = |e| StoreError::from_sqlite(path, "open", e);
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !folder.is_dir()
    {
        owner_only::create_dir_all(folder).map_err(|e| StoreError::FolderCannotBeCreated {
            path: folder.to_path_buf(),
            reason: io_reason(&e),
        })?;
    }
    create_owner_only(path)?;
    let found = identify_file(path)?;
    tighten_all(path);
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
    // Temporary tables (a sync batch's copy, see `outbox`) and sorts stay in memory: nothing
    // of a visit is written to a temporary file, and they are faster.
    conn.pragma_update(None, "temp_store", "MEMORY")
        .map_err(sql_error)?;
    if let Found::Log { version } = found
        && version < SCHEMA_VERSION
    {
        // A migration writes to the file: never into a damaged one.
        check_health(&conn, path)?;
    }
    migrations::migrate(&mut conn, path)?;
    Ok(conn)
}

/// What the file at `path` is, read without changing anything and without leaving a `-wal` or
/// `-shm` file behind: when no `-wal` or `-journal` holds changes, the file is read as it is on
/// disk (`immutable`); a `-journal` left by a cut write is rolled back first; otherwise
/// read-only, as any other reader would.
fn identify_file(path: &Path) -> Result<Found, StoreError> {
    // A folder, a device or a pipe at the log's path is never opened (a pipe would hang).
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(StoreError::CannotOpen {
            path: path.to_path_buf(),
        });
    }
    let (conn, facts) = if holds_hot_journal(path) {
        roll_back_journal(path)?
    } else if holds_changes(path) {
        read_only_connection(path)?
    } else {
        read_only(path, Some("immutable=1"))
            .map_err(|e| StoreError::from_sqlite(path, "open", e))?
    };
    drop(conn);
    identify::judge(&facts, path)
}

/// True when a `-journal` beside the log holds something: a write cut off before it finished
/// (the log itself is in WAL mode, so a journal is only ever left by the very first save, while
/// the new file is switched to WAL).
fn holds_hot_journal(path: &Path) -> bool {
    let [_, _, _, journal] = owner_only::log_and_companions(path);
    fs::metadata(journal).is_ok_and(|m| m.len() > 0)
}

/// Reads the file's facts through a connection that may write, so SQLite rolls back a journal
/// left by a cut write (a read-only connection cannot, and would call the file read-only for
/// ever). The rollback puts back the file as it was before that write and changes nothing else.
/// Another program's database (known from its header, read as it is on disk) is left as it is;
/// where the log cannot be written at all, it is read as any other reader would.
fn roll_back_journal(path: &Path) -> Result<(Connection, identify::Facts), StoreError> {
    if let Ok((_, facts)) = read_only(path, Some("immutable=1"))
        && let Err(refused @ StoreError::NotAVisitLog { .. }) = identify::judge(&facts, path)
    {
        return Err(refused);
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let rolled_back = Connection::open_with_flags(path, flags).and_then(|conn| {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let facts = identify::read_facts(&conn)?;
        Ok((conn, facts))
    });
    match rolled_back {
        Ok(opened) => {
            tracing::info!(
                "rolled back a write to {} that was cut off before it finished",
                path.display()
            );
            Ok(opened)
        }
        Err(e) => {
            tracing::warn!(
                "cannot roll back the journal beside {}: {e}",
                path.display()
            );
            read_only_connection(path)
        }
    }
}

/// True when the log's `-wal` or `-journal` holds changes not yet in the file itself.
fn holds_changes(path: &Path) -> bool {
    let [_, wal, _, journal] = owner_only::log_and_companions(path);
    [wal, journal]
        .iter()
        .any(|file| fs::metadata(file).is_ok_and(|m| m.len() > 0))
}

/// A read-only connection to the log (and its facts). When SQLite cannot set up its `-wal`
/// and `-shm` files (a full disk, a read-only folder) it tries again with the `-shm` read-only,
/// and, when no `-wal` holds changes, with the file taken as it is on disk (`immutable`).
fn read_only_connection(path: &Path) -> Result<(Connection, identify::Facts), StoreError> {
    let first = match read_only(path, None) {
        Ok(opened) => return Ok(opened),
        Err(e) => e,
    };
    let no_room_or_no_rights = matches!(
        first.sqlite_error_code(),
        Some(
            ErrorCode::SystemIoFailure
                | ErrorCode::CannotOpen
                | ErrorCode::DiskFull
                | ErrorCode::ReadOnly
                | ErrorCode::PermissionDenied
        )
    );
    if no_room_or_no_rights && path.is_file() {
        let [_, _, shm, _] = owner_only::log_and_companions(path);
        let mut fallbacks = Vec::new();
        if shm.is_file() {
            fallbacks.push("readonly_shm=1");
        }
        if !holds_changes(path) {
            fallbacks.push("immutable=1");
        }
        for parameter in fallbacks {
            if let Ok(opened) = read_only(path, Some(parameter)) {
                tracing::info!("reading {} with {parameter}", path.display());
                return Ok(opened);
            }
        }
    }
    Err(StoreError::from_sqlite(path, "read", first))
}

/// A read-only connection, with the file's facts read through it.
pub(super) fn read_only(
    path: &Path,
    parameter: Option<&str>,
) -> rusqlite::Result<(Connection, identify::Facts)> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = match parameter {
        None => Connection::open_with_flags(path, flags)?,
        Some(parameter) => {
            let uri = file_uri(path, parameter)
                .ok_or_else(|| rusqlite::Error::InvalidPath(path.to_path_buf()))?;
            Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?
        }
    };
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let facts = identify::read_facts(&conn)?;
    Ok((conn, facts))
}

/// `file:` URI for `path` with one query parameter; None for a path that is not Unicode.
fn file_uri(path: &Path, parameter: &str) -> Option<String> {
    let text = path.to_str()?;
    let mut uri = String::from("file:");
    if cfg!(windows) {
        // file:/C:/Users/... with forward slashes.
        uri.push('/');
    }
    for byte in text.bytes() {
        match byte {
            b'\\' if cfg!(windows) => uri.push('/'),
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'-' | b'.' | b'_' | b'~' | b':' => {
                uri.push(char::from(byte));
            }
            other => uri.push_str(&format!("%{other:02X}")),
        }
    }
    uri.push('?');
    uri.push_str(parameter);
    Some(uri)
}

/// Makes the log and the files SQLite keeps next to it readable by their owner only.
fn tighten_all(path: &Path) {
    for file in owner_only::log_and_companions(path) {
        owner_only::tighten(&file);
    }
}

/// SQLite's full integrity check: [`StoreError::Corrupt`] for a damaged file.
pub(crate) fn check_health(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let verdict = integrity_verdict(conn).map_err(|e| StoreError::from_sqlite(path, "check", e))?;
    if verdict == "ok" {
        return Ok(());
    }
    tracing::warn!("{} failed its integrity check: {verdict}", path.display());
    Err(StoreError::Corrupt {
        path: path.to_path_buf(),
    })
}

/// The first line of SQLite's full `integrity_check`: "ok", or the first damage found. The full
/// check, not `quick_check`: only it compares each index with its table, so an index that no
/// longer matches its rows (which a write would then spread) is found before anything is written.
pub(crate) fn integrity_verdict(conn: &Connection) -> rusqlite::Result<String> {
    conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))
}

/// Creates an empty file readable by its owner only, so SQLite (and its `-wal` and `-shm`
/// files, which copy the main file's mode) never make it readable by others. An existing file is
/// left as it is.
fn create_owner_only(path: &Path) -> Result<(), StoreError> {
    match owner_only::options()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        // A folder where the file cannot be created: SQLite says so in its own words below,
        // unless the file exists after all (a read-only folder holding a writable file).
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::StorageFull => Err(StoreError::DiskFull {
            action: "create",
            path: path.to_path_buf(),
        }),
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
