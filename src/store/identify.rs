//! What is at the visit log's path, found before anything is changed: a frontdesk visit log
//! (stamped with [`APPLICATION_ID`], or one from before the stamp, recognised by its tables),
//! a new empty file, or something that must be left exactly as it is (another program's
//! database, or a log whose schema version another program changed).
//!
//! Only reads: no WAL switch, no migration and no write happen until the file is known. The one
//! exception is a journal left by a write that was cut off (a `kill -9` during the very first
//! save): it is rolled back first, as SQLite does for any connection that may write, so the file
//! is read as it was before that write (see `open::roll_back_journal`).

use std::path::Path;

use rusqlite::Connection;

use super::{SCHEMA_VERSION, StoreError};

/// `PRAGMA application_id` of a frontdesk visit log: "FDsk" in ASCII. Set by a migration step.
pub const APPLICATION_ID: i32 = 0x4644_736B;

/// What the file at the log's path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// Empty: a new log is made in it.
    New,
    /// A frontdesk visit log at this schema version (at most [`SCHEMA_VERSION`]).
    Log { version: u32 },
}

/// The facts read from the file's header and schema.
pub(crate) struct Facts {
    application_id: i64,
    user_version: i64,
    schema_entries: i64,
    /// The tables and columns every frontdesk visit log has had since version 1.
    has_visit_tables: bool,
}

/// Reads the file's header and schema; an SQLite error here is about opening the file (it
/// is not a database, it is busy, the disk is full).
pub(crate) fn read_facts(conn: &Connection) -> rusqlite::Result<Facts> {
    let pragma = |name: &str| conn.pragma_query_value(None, name, |row| row.get::<_, i64>(0));
    let application_id = pragma("application_id")?;
    let user_version = pragma("user_version")?;
    let schema_entries = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| {
        row.get::<_, i64>(0)
    })?;
    let visit_columns: i64 = conn.query_row(
        "SELECT count(*) FROM pragma_table_info('visits') \
         WHERE name IN ('id', 'started_at', 'ended_at', 'desk', 'outcome')",
        [],
        |row| row.get(0),
    )?;
    let services_table: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'visit_services'",
        [],
        |row| row.get(0),
    )?;
    Ok(Facts {
        application_id,
        user_version,
        schema_entries,
        has_visit_tables: visit_columns == 5 && services_table == 1,
    })
}

/// Decides what the file is from its facts, or why it must be left alone.
pub(crate) fn judge(facts: &Facts, path: &Path) -> Result<Found, StoreError> {
    let stamped = facts.application_id == i64::from(APPLICATION_ID);
    let version = facts.user_version;
    if facts.application_id != 0 && !stamped {
        return Err(StoreError::NotAVisitLog {
            path: path.to_path_buf(),
        });
    }
    if facts.schema_entries == 0 && version == 0 {
        return Ok(Found::New);
    }
    if !stamped && !facts.has_visit_tables {
        return Err(StoreError::NotAVisitLog {
            path: path.to_path_buf(),
        });
    }
    let changed = || StoreError::VersionChanged {
        path: path.to_path_buf(),
        found: version,
    };
    match u32::try_from(version) {
        Ok(found) if found > SCHEMA_VERSION => Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        }),
        Ok(0) | Err(_) => Err(changed()),
        Ok(_) if !facts.has_visit_tables => Err(changed()),
        Ok(found) => Ok(Found::Log { version: found }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_migrated_log_carries_the_application_id() {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::migrations::migrate(&mut conn, Path::new("memory")).unwrap();
        let facts = read_facts(&conn).unwrap();
        assert_eq!(facts.application_id, i64::from(APPLICATION_ID));
        assert_eq!(
            judge(&facts, Path::new("memory")).unwrap(),
            Found::Log {
                version: SCHEMA_VERSION
            }
        );
    }

    fn facts(application_id: i64, user_version: i64, entries: i64, tables: bool) -> Facts {
        Facts {
            application_id,
            user_version,
            schema_entries: entries,
            has_visit_tables: tables,
        }
    }

    fn judged(f: Facts) -> Result<Found, String> {
        judge(&f, Path::new("v.sqlite3")).map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn each_kind_of_file_is_told_apart() {
        let ours = i64::from(APPLICATION_ID);
        assert_eq!(judged(facts(0, 0, 0, false)), Ok(Found::New));
        assert_eq!(
            judged(facts(0, 1, 8, true)),
            Ok(Found::Log { version: 1 }),
            "a log from before the stamp"
        );
        assert_eq!(
            judged(facts(ours, i64::from(SCHEMA_VERSION), 8, true)),
            Ok(Found::Log {
                version: SCHEMA_VERSION
            })
        );
        assert!(
            judged(facts(0, 0, 1, false))
                .unwrap_err()
                .contains("NotAVisitLog")
        );
        assert!(
            judged(facts(0, 3, 1, false))
                .unwrap_err()
                .contains("NotAVisitLog")
        );
        assert!(
            judged(facts(7, 1, 8, true))
                .unwrap_err()
                .contains("NotAVisitLog")
        );
        for reset in [0, -1, i64::from(i32::MIN)] {
            assert!(
                judged(facts(0, reset, 8, true))
                    .unwrap_err()
                    .contains("VersionChanged"),
                "{reset}"
            );
            assert!(
                judged(facts(ours, reset, 8, true))
                    .unwrap_err()
                    .contains("VersionChanged"),
                "{reset}"
            );
        }
        assert!(
            judged(facts(ours, 1, 3, false))
                .unwrap_err()
                .contains("VersionChanged")
        );
        assert!(
            judged(facts(ours, 99, 3, false))
                .unwrap_err()
                .contains("NewerSchema")
        );
    }
}
