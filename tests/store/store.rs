//! The visit log on real SQLite files: round trips, migrations, retention, backup, drafts, and
//! what happens when the file is read-only, the folder cannot be made, the disk is full, another
//! process writes at the same time, or the process is killed mid-save.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use frontdesk::store::{
    SCHEMA_VERSION, Store, StoreError, VisitLog, clear_draft, load_draft, migrations, save_draft,
};
use frontdesk::visit::{ExclusionReason, Feedback, OnlineAnswer, Outcome, Visit, VisitDraft};
use rusqlite::Connection;
use tempfile::TempDir;
use uuid::Uuid;

/// An empty config file, so the machine's own config cannot change what the binary does.
const EMPTY_CONFIG: &str = crate::support::EMPTY_CONFIG;

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn visit(start: DateTime<Utc>, desk: &str, service: &str) -> Visit {
    let mut draft = VisitDraft::new(start, desk, "AB", "2026.11");
    draft.ended_at = start + chrono::Duration::seconds(95);
    draft.services = vec![service.to_string()];
    draft.outcome = Some(Outcome::Resolved);
    draft.into_visit().unwrap()
}

fn full_visit(start: DateTime<Utc>) -> Visit {
    let mut draft = VisitDraft::new(start, "Main desk", "JS", "2026.11");
    draft.ended_at = start + chrono::Duration::milliseconds(241_537);
    draft.services = vec!["council-tax".into(), "bulky-waste".into()];
    draft.outcome = Some(Outcome::Signposted);
    draft.partners = vec!["citizens-advice".into(), "food-bank".into()];
    draft.online = Some(OnlineAnswer::DontKnow);
    draft.reasons = vec![ExclusionReason::NoDevice, ExclusionReason::Language];
    draft.feedback = Feedback::Compliment;
    draft.note = Some("asked about bin day, 3 bags".into());
    draft.into_visit().unwrap()
}

fn log_file(dir: &TempDir) -> PathBuf {
    dir.path().join("data").join("visits.sqlite3")
}

fn all(store: &Store) -> Vec<Visit> {
    store
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap()
}

/// `PRAGMA integrity_check` on its own connection.
fn integrity(path: &Path) -> String {
    let conn = Connection::open(path).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn ids_in(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn.prepare("SELECT id FROM visits").unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_visit_is_read_back_exactly_as_saved() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&log_file(&dir)).unwrap();
    let saved = full_visit(at(2026, 3, 12, 9, 30));
    store.save(&saved).unwrap();
    drop(store);

    let store = Store::open(&log_file(&dir)).unwrap();
    assert_eq!(all(&store), vec![saved.clone()]);
    assert_eq!(store.visit(saved.id).unwrap(), Some(saved));
    assert_eq!(store.visit(Uuid::now_v7()).unwrap(), None);
}

#[test]
fn opening_creates_the_folder_and_sets_up_a_durable_log() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("new").join("deeper").join("visits.sqlite3");
    let store = Store::open(&path).unwrap();
    assert!(path.is_file());
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let durability = store.durability().unwrap();
    assert_eq!(durability.journal_mode, "wal");
    assert_eq!(durability.synchronous, "full");
    assert!(durability.busy_timeout_ms >= 1000);
}

#[cfg(unix)]
#[test]
fn the_log_and_its_wal_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let path = log_file(&dir);
    let mut store = Store::open(&path).unwrap();
    store
        .save(&visit(at(2026, 3, 12, 9, 0), "Desk", "a"))
        .unwrap();
    for file in [
        path.clone(),
        path.with_extension("sqlite3-wal"),
        path.with_extension("sqlite3-shm"),
    ] {
        let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o077, 0, "{} is mode {mode:o}", file.display());
    }
}

#[test]
fn listing_is_by_start_half_open_and_per_desk() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&log_file(&dir)).unwrap();
    let from = at(2026, 3, 12, 0, 0);
    let to = at(2026, 3, 13, 0, 0);
    let before = visit(from - chrono::Duration::milliseconds(1), "Main", "a");
    let first = visit(from, "Main", "b");
    let other_desk = visit(at(2026, 3, 12, 10, 0), "Library", "c");
    let last = visit(at(2026, 3, 12, 23, 59), "Main", "d");
    let after = visit(to, "Main", "e");
    // Saved out of order: listing sorts by start.
    for v in [&last, &after, &first, &other_desk, &before] {
        store.save(v).unwrap();
    }
    let services = |visits: Vec<Visit>| -> Vec<String> {
        visits
            .into_iter()
            .map(|v| v.services[0].service.clone())
            .collect()
    };
    assert_eq!(
        services(store.visits_between(from, to, None).unwrap()),
        ["b", "c", "d"]
    );
    assert_eq!(
        services(store.visits_between(from, to, Some("Main")).unwrap()),
        ["b", "d"]
    );
    assert_eq!(store.count_between(from, to, None).unwrap(), 3);
    assert_eq!(store.count_between(from, to, Some("Main")).unwrap(), 2);
    assert_eq!(store.count_between(from, to, Some("Nowhere")).unwrap(), 0);
}

#[test]
fn an_edit_replaces_the_visit_and_undo_deletes_it() {
    let dir = TempDir::new().unwrap();
    let path = log_file(&dir);
    let mut store = Store::open(&path).unwrap();
    let original = full_visit(at(2026, 3, 12, 9, 30));
    store.save(&original).unwrap();

    let mut edit = VisitDraft::from_visit(&original);
    edit.outcome = Some(Outcome::Referred);
    edit.services = vec!["housing".into()];
    edit.partners.clear();
    edit.reasons = vec![ExclusionReason::Disability];
    edit.note = None;
    let edited = edit.into_visit().unwrap();
    store.update(&edited).unwrap();
    assert_eq!(all(&store), vec![edited.clone()]);

    assert!(store.delete(edited.id).unwrap());
    assert!(!store.delete(edited.id).unwrap());
    assert!(all(&store).is_empty());
    let conn = Connection::open(&path).unwrap();
    for table in ["visit_services", "visit_partners", "visit_reasons"] {
        let rows: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 0, "{table} keeps rows of a deleted visit");
    }

    let error = store.update(&edited).unwrap_err();
    assert!(matches!(error, StoreError::NoSuchVisit { .. }));
    assert!(
        error.to_string().contains("it is not in the log"),
        "{error}"
    );
}

#[test]
fn saving_the_same_visit_twice_is_refused_and_keeps_the_first() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&log_file(&dir)).unwrap();
    let first = full_visit(at(2026, 3, 12, 9, 30));
    store.save(&first).unwrap();
    let mut again = first.clone();
    again.outcome = Outcome::NotResolved;
    let error = store.save(&again).unwrap_err();
    assert!(
        matches!(error, StoreError::AlreadySaved { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("already in the log"));
    assert_eq!(all(&store), [first]);
}

#[test]
fn save_all_is_all_or_nothing() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&log_file(&dir)).unwrap();
    let a = visit(at(2026, 3, 12, 9, 0), "Desk", "a");
    let b = visit(at(2026, 3, 12, 9, 5), "Desk", "b");
    store.save(&a).unwrap();
    // `b` is new but `a` repeats: neither is written.
    assert!(store.save_all(&[b.clone(), a.clone()]).is_err());
    assert_eq!(all(&store), vec![a.clone()]);
    store.save_all(std::slice::from_ref(&b)).unwrap();
    assert_eq!(all(&store), [a, b]);
}

#[test]
fn the_schema_has_no_column_for_personal_data() {
    let dir = TempDir::new().unwrap();
    let path = log_file(&dir);
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    let mut tables = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap();
    let tables: Vec<String> = tables
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(tables.contains(&"visits".to_string()));
    for table in tables {
        let mut columns = conn
            .prepare("SELECT name FROM pragma_table_info(?1)")
            .unwrap();
        let columns: Vec<String> = columns
            .query_map([&table], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for column in columns {
            let lower = column.to_lowercase();
            for banned in [
                "name", "address", "birth", "dob", "phone", "email", "postcode",
            ] {
                assert!(!lower.contains(banned), "{table}.{column} looks personal");
            }
        }
    }
}

// ---- migrations ----

/// The schema exactly as version 1 of frontdesk wrote it. Never edit: files made by that version
/// exist in the wild and must keep opening.
const FROZEN_V1: &str = r#"
    CREATE TABLE visits (
        id TEXT PRIMARY KEY NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER NOT NULL,
        desk TEXT NOT NULL,
        staff TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL,
        online TEXT,
        feedback TEXT NOT NULL DEFAULT 'none',
        note TEXT,
        catalogue_version TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX visits_by_start ON visits (started_at);
    CREATE INDEX visits_by_desk_and_start ON visits (desk, started_at);
    CREATE TABLE visit_services (
        visit_id TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        service_id TEXT NOT NULL,
        PRIMARY KEY (visit_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE visit_partners (
        visit_id TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        partner_id TEXT NOT NULL,
        PRIMARY KEY (visit_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE visit_reasons (
        visit_id TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (visit_id, position)
    ) WITHOUT ROWID;
    PRAGMA user_version = 1;
"#;

#[test]
fn a_file_written_by_schema_1_opens_and_reads() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("v1.sqlite3");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(FROZEN_V1).unwrap();
    conn.execute_batch(
        "INSERT INTO visits VALUES ('01959b5c-6a00-7000-8000-000000000001', 1773307800000, \
         1773307895000, 'Main desk', 'AB', 'assisted-digital', 'yes', 'suggestion', '3 bags', '2026.11');
         INSERT INTO visit_services VALUES ('01959b5c-6a00-7000-8000-000000000001', 0, 'council-tax');
         INSERT INTO visit_partners VALUES ('01959b5c-6a00-7000-8000-000000000001', 0, 'citizens-advice');
         INSERT INTO visit_reasons VALUES ('01959b5c-6a00-7000-8000-000000000001', 0, 'no-skills');",
    )
    .unwrap();
    drop(conn);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let visits = all(&store);
    assert_eq!(visits.len(), 1);
    let v = &visits[0];
    assert_eq!(v.started_at, at(2026, 3, 12, 9, 30));
    assert_eq!(v.duration(), chrono::Duration::seconds(95));
    assert_eq!(v.outcome, Outcome::AssistedDigital);
    assert_eq!(v.online, Some(OnlineAnswer::Yes));
    assert_eq!(v.feedback, Feedback::Suggestion);
    assert_eq!(v.service_ids(), ["council-tax"]);
    assert_eq!(v.partners, ["citizens-advice"]);
    assert_eq!(v.reasons, [ExclusionReason::NoSkills]);
    store.save(&full_visit(at(2026, 3, 13, 9, 0))).unwrap();
    assert_eq!(all(&store).len(), 2);
    drop(store);
    assert_eq!(application_id(&path), frontdesk::store::APPLICATION_ID);
}

fn application_id(path: &Path) -> i32 {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn every_earlier_schema_version_is_brought_up_to_date_keeping_its_visits() {
    for version in 0..SCHEMA_VERSION {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join(format!("v{version}.sqlite3"));
        let mut conn = Connection::open(&path).unwrap();
        migrations::migrate_to(&mut conn, &path, version).unwrap();
        let found: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(found, version);
        if version >= 1 {
            conn.execute(
                "INSERT INTO visits (id, started_at, ended_at, desk, outcome) VALUES (?1, 0, 0, 'Desk', 'resolved')",
                ["01959b5c-6a00-7000-8000-000000000002"],
            )
            .unwrap();
        }
        drop(conn);
        let store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            SCHEMA_VERSION,
            "from {version}"
        );
        assert_eq!(
            all(&store).len(),
            usize::from(version >= 1),
            "from {version}"
        );
        drop(store);
        assert_eq!(
            application_id(&path),
            frontdesk::store::APPLICATION_ID,
            "from {version}"
        );
    }
}

#[test]
fn a_file_from_a_newer_frontdesk_is_refused_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let conn = Connection::open(&path).unwrap();
    // A newer frontdesk stamps its files as every version from 2 on does.
    conn.execute_batch(&format!(
        "CREATE TABLE future (x); PRAGMA user_version = {}; PRAGMA application_id = {};",
        SCHEMA_VERSION + 1,
        frontdesk::store::APPLICATION_ID
    ))
    .unwrap();
    drop(conn);
    let before = fs::read(&path).unwrap();
    let error = Store::open(&path).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{} was made by a newer frontdesk (schema {}, this one knows {SCHEMA_VERSION}); update frontdesk to use it",
            path.display(),
            SCHEMA_VERSION + 1
        )
    );
    assert_eq!(fs::read(&path).unwrap(), before, "the file is untouched");
}

#[test]
fn a_file_that_is_not_a_database_gets_a_clear_message_and_is_left_alone() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let text = "Date,Service,Outcome\n2026-03-12,council tax,resolved\n".repeat(20);
    fs::write(&path, &text).unwrap();
    let error = Store::open(&path).unwrap_err();
    assert!(
        matches!(error, StoreError::NotADatabase { .. }),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        format!(
            "{} is not a frontdesk visit log (it is not an SQLite database); move it aside or choose another folder with --data-dir",
            path.display()
        )
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

/// Every file in `folder` with its size and a hash of its bytes, to show nothing was changed
/// or left behind.
fn snapshot(folder: &Path) -> Vec<(String, usize, u64)> {
    use std::hash::{Hash, Hasher};
    let mut files: Vec<(String, usize, u64)> = fs::read_dir(folder)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = fs::read(e.path()).unwrap();
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            bytes.hash(&mut hasher);
            (
                e.file_name().to_string_lossy().into_owned(),
                bytes.len(),
                hasher.finish(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn another_programs_database_at_the_logs_path_is_refused_in_one_sentence_untouched() {
    // A notes database, one with its own `visits` table, and one in WAL mode.
    let cases = [
        "CREATE TABLE notes (x); INSERT INTO notes VALUES ('keep me');",
        "CREATE TABLE visits (id INTEGER PRIMARY KEY, who TEXT); INSERT INTO visits VALUES (1, 'x');",
        "PRAGMA journal_mode = WAL; CREATE TABLE notes (x); INSERT INTO notes VALUES (1);",
        "PRAGMA application_id = 42; CREATE TABLE t (x);",
    ];
    for sql in cases {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("visits.sqlite3");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(sql).unwrap();
        drop(conn);
        let before = snapshot(dir.path());
        for error in [
            Store::open(&path).unwrap_err(),
            Store::open_for_reading(&path).unwrap_err(),
            VisitLog::new(&path)
                .save(&visit(at(2026, 3, 12, 9, 0), "Desk", "a"))
                .unwrap_err(),
        ] {
            assert!(
                matches!(error, StoreError::NotAVisitLog { .. }),
                "{sql}: {error:?}"
            );
            assert_eq!(
                error.to_string(),
                format!(
                    "{} is not a frontdesk visit log (it is another program's database), so it was left as it is; move it aside or choose another folder with --data-dir",
                    path.display()
                )
            );
        }
        assert_eq!(snapshot(dir.path()), before, "{sql}: the file is untouched");
    }
}

/// A frontdesk log in WAL mode with one visit, closed.
fn a_log_with_one_visit(dir: &TempDir) -> PathBuf {
    let path = log_file(dir);
    Store::open(&path)
        .unwrap()
        .save(&full_visit(at(2026, 3, 12, 9, 0)))
        .unwrap();
    path
}

#[test]
fn a_log_whose_schema_version_was_reset_is_refused_in_one_sentence_untouched() {
    for (version, reads) in [("0", "0"), ("-1", "-1"), ("-2147483648", "-2147483648")] {
        let dir = TempDir::new().unwrap();
        let path = a_log_with_one_visit(&dir);
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&format!("PRAGMA user_version = {version};"))
            .unwrap();
        drop(conn);
        let before = snapshot(path.parent().unwrap());
        for error in [
            Store::open(&path).unwrap_err(),
            Store::open_for_reading(&path).unwrap_err(),
        ] {
            let message = error.to_string();
            assert_eq!(
                message,
                format!(
                    "{} is a frontdesk visit log whose schema version was changed by another program (it reads {reads}), so it was left as it is; restore it from a backup, or move it aside to start a new log",
                    path.display()
                )
            );
            assert!(!message.contains("out of range") && !message.contains("CREATE"));
        }
        assert_eq!(
            snapshot(path.parent().unwrap()),
            before,
            "user_version {version}: the file is untouched"
        );
    }
}

#[test]
fn two_stores_opening_a_new_file_at_once_both_work() {
    let dir = TempDir::new().unwrap();
    let path = log_file(&dir);
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                store
                    .save(&visit(at(2026, 3, 12, 9, i), "Desk", "a"))
                    .unwrap();
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(all(&store).len(), 4);
}

// ---- things going wrong ----

#[test]
fn a_folder_that_cannot_be_created_gets_a_clear_message() {
    let dir = TempDir::new().unwrap();
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, "a file where a folder should be").unwrap();
    let path = blocker.join("data").join("visits.sqlite3");
    let error = Store::open(&path).unwrap_err();
    assert!(
        matches!(error, StoreError::FolderCannotBeCreated { .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.starts_with(&format!(
            "cannot create the folder {}:",
            blocker.join("data").display()
        )),
        "{message}"
    );
    assert!(message.contains("--data-dir"), "{message}");
}

#[test]
fn a_folder_where_the_log_should_be_gets_a_clear_message() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    fs::create_dir(&path).unwrap();
    let error = Store::open(&path).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "cannot open {}: the file or its folder cannot be opened; check that the folder exists and that you may write to it",
            path.display()
        )
    );
}

/// Makes a file read-only for this process; as root (where modes do not bind) it sets the
/// immutable attribute instead. Undone on drop so the temporary folder can be removed.
#[cfg(unix)]
struct ReadOnly {
    path: PathBuf,
    immutable: bool,
}

#[cfg(unix)]
impl ReadOnly {
    fn make(path: &Path) -> ReadOnly {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o400)).unwrap();
        let mut guard = ReadOnly {
            path: path.to_path_buf(),
            immutable: false,
        };
        if fs::OpenOptions::new().write(true).open(path).is_ok() {
            let status = Command::new("chattr").arg("+i").arg(path).status();
            assert!(
                status.is_ok_and(|s| s.success()),
                "running as root: this test needs `chattr +i` to make a file read-only"
            );
            guard.immutable = true;
        }
        guard
    }

    fn undo(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.path).status();
            self.immutable = false;
        }
        let _ = fs::set_permissions(&self.path, fs::Permissions::from_mode(0o600));
    }
}

#[cfg(unix)]
impl Drop for ReadOnly {
    fn drop(&mut self) {
        self.undo();
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_read_refuses_saves_clearly_and_works_again_once_writable() {
    let dir = TempDir::new().unwrap();
    let path = log_file(&dir);
    let first = visit(at(2026, 3, 12, 9, 0), "Desk", "a");
    Store::open(&path).unwrap().save(&first).unwrap();

    let mut read_only = ReadOnly::make(&path);
    let mut log = VisitLog::new(&path);
    let every = |log: &mut VisitLog| {
        log.visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
            .unwrap()
    };
    assert_eq!(
        every(&mut log),
        vec![first.clone()],
        "a read-only log can still be listed"
    );
    let second = visit(at(2026, 3, 12, 9, 5), "Desk", "b");
    let error = log.save(&second).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "cannot save to {}: the file is read-only; make it writable (or ask IT to) and try again",
            path.display()
        )
    );
    assert_eq!(every(&mut log), vec![first.clone()]);

    // Fixed while the app runs: the same visit log saves the visit on the next try.
    read_only.undo();
    log.save(&second).unwrap();
    assert_eq!(every(&mut log), [first, second]);
    drop(log);
    assert_eq!(integrity(&path), "ok");
}

#[test]
fn a_full_disk_gets_a_clear_message_loses_nothing_and_saving_resumes_with_space() {
    let dir = TempDir::new().unwrap();
    let path = log_file(&dir);
    let mut store = Store::open(&path).unwrap();
    store.save(&full_visit(at(2026, 3, 12, 9, 0))).unwrap();
    store.set_max_pages(1).unwrap();

    let mut saved = 1;
    let mut refused = None;
    for minute in 1..500 {
        let mut v = full_visit(at(2026, 3, 12, 10, 0) + chrono::Duration::minutes(minute));
        v.note = Some("x".repeat(400));
        match store.save(&v) {
            Ok(()) => saved += 1,
            Err(error) => {
                refused = Some((v, error));
                break;
            }
        }
    }
    let (refused_visit, error) = refused.expect("the capped file never filled up");
    assert!(matches!(error, StoreError::DiskFull { .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        format!(
            "cannot save to {}: the disk is full; free some space and try again",
            path.display()
        )
    );
    // The refused visit is not half-written, and every earlier one is there.
    assert_eq!(all(&store).len(), saved);
    assert_eq!(store.visit(refused_visit.id).unwrap(), None);

    store.set_max_pages(1_000_000).unwrap();
    store.save(&refused_visit).unwrap();
    assert_eq!(all(&store).len(), saved + 1);
    drop(store);
    assert_eq!(integrity(&path), "ok");
}

/// A log of 400 visits whose middle pages were overwritten, as a failing disk or a stray copy
/// would leave it. Returns the file; SQLite's integrity check fails on it.
fn a_damaged_log(dir: &TempDir) -> PathBuf {
    let path = log_file(dir);
    let mut store = Store::open(&path).unwrap();
    store
        .save_all(
            &(0..400)
                .map(|i| full_visit(at(2026, 1, 1, 9, 0) + chrono::Duration::minutes(i)))
                .collect::<Vec<_>>(),
        )
        .unwrap();
    drop(store);
    let mut bytes = fs::read(&path).unwrap();
    let pages = bytes.len() / 4096;
    assert!(pages > 20, "only {pages} pages");
    for byte in &mut bytes[(pages / 2) * 4096..(pages / 2 + 3) * 4096] {
        *byte = 0x5A;
    }
    fs::write(&path, &bytes).unwrap();
    assert_ne!(integrity(&path), "ok");
    path
}

#[test]
fn a_damaged_log_is_not_written_to_and_says_how_to_restore() {
    let dir = TempDir::new().unwrap();
    let path = a_damaged_log(&dir);
    let before = fs::read(&path).unwrap();
    let mut log = VisitLog::new(&path);
    for _ in 0..2 {
        let error = log
            .save(&visit(at(2026, 3, 12, 9, 0), "Desk", "a"))
            .unwrap_err();
        assert!(matches!(error, StoreError::Corrupt { .. }), "{error:?}");
        assert_eq!(
            error.to_string(),
            format!(
                "{} is damaged (it fails SQLite's integrity check), so frontdesk will not write to it; close frontdesk everywhere and run `frontdesk restore BACKUP` with your latest backup (made with `frontdesk backup`)",
                path.display()
            )
        );
    }
    assert!(log.purge_expired(1, Utc::now()).is_err());
    drop(log);
    assert_eq!(fs::read(&path).unwrap(), before, "nothing was written");
}

#[test]
fn a_backup_of_a_damaged_log_is_refused_and_names_the_backup_to_restore() {
    let dir = TempDir::new().unwrap();
    let path = log_file(&dir);
    let folder = dir.path().join("backups");
    fs::create_dir(&folder).unwrap();
    // A good backup from before the damage.
    Store::open(&path)
        .unwrap()
        .save(&full_visit(at(2025, 12, 1, 9, 0)))
        .unwrap();
    let earlier = Store::open(&path)
        .unwrap()
        .backup_to(&folder, false)
        .unwrap();
    fs::remove_file(&path).unwrap();
    let path = a_damaged_log(&dir);

    let store = Store::open_for_reading(&path).unwrap();
    let error = store.backup_to(&folder, false).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "the visit log {} is damaged (it fails SQLite's integrity check), so no backup was made; to restore it, close frontdesk everywhere and run `frontdesk restore {}`",
            path.display(),
            earlier.display()
        )
    );
    let dest = dir.path().join("elsewhere").join("copy.sqlite3");
    let error = store.backup_to(&dest, false).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("close frontdesk everywhere and run `frontdesk restore BACKUP`"),
        "{error}"
    );
    assert!(!dest.exists());
    let names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .chain(fs::read_dir(dest.parent().unwrap()).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [earlier.file_name().unwrap().to_string_lossy().into_owned()],
        "no damaged copy and no temporary file is left"
    );
}

#[test]
fn while_the_disk_is_full_visits_are_still_listed_and_backed_up() {
    let dir = TempDir::new().unwrap();
    let path = log_file(&dir);
    let mut store = Store::open(&path).unwrap();
    store.save(&full_visit(at(2026, 3, 12, 9, 0))).unwrap();
    store.set_max_pages(1).unwrap();
    let mut saved = 1;
    let error = loop {
        let mut v = full_visit(at(2026, 3, 12, 10, 0) + chrono::Duration::minutes(saved));
        v.note = Some("x".repeat(400));
        match store.save(&v) {
            Ok(()) => saved += 1,
            Err(error) => break error,
        }
    };
    assert!(matches!(error, StoreError::DiskFull { .. }), "{error:?}");
    assert_eq!(all(&store).len() as i64, saved);
    let copy = dir.path().join("elsewhere").join("copy.sqlite3");
    assert_eq!(store.backup_to(&copy, false).unwrap(), copy);
    assert_eq!(ids_in(&copy).len() as i64, saved);
}

/// Makes a folder read-only for this process; as root (where modes do not bind) it sets the
/// immutable attribute instead. Undone on drop so the temporary folder can be removed.
#[cfg(unix)]
struct ReadOnlyFolder {
    path: PathBuf,
    immutable: bool,
}

#[cfg(unix)]
impl ReadOnlyFolder {
    fn make(path: &Path) -> ReadOnlyFolder {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o500)).unwrap();
        let mut guard = ReadOnlyFolder {
            path: path.to_path_buf(),
            immutable: false,
        };
        let probe = path.join("probe");
        if fs::write(&probe, "x").is_ok() {
            fs::remove_file(&probe).unwrap();
            let status = Command::new("chattr").arg("+i").arg(path).status();
            assert!(
                status.is_ok_and(|s| s.success()),
                "running as root: this test needs `chattr +i` to make a folder read-only"
            );
            guard.immutable = true;
            assert!(fs::write(&probe, "x").is_err(), "the folder is read-only");
        }
        guard
    }
}

#[cfg(unix)]
impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.path).status();
        }
        let _ = fs::set_permissions(&self.path, fs::Permissions::from_mode(0o700));
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_still_lists_and_backs_up_and_refuses_saves_clearly() {
    let dir = TempDir::new().unwrap();
    let path = a_log_with_one_visit(&dir);
    let folder = path.parent().unwrap().to_path_buf();
    let before = snapshot(&folder);
    let _read_only = ReadOnlyFolder::make(&folder);

    let mut log = VisitLog::new(&path);
    let listed = log
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap();
    assert_eq!(listed.len(), 1);
    let copy = dir.path().join("copy.sqlite3");
    assert_eq!(log.backup_to(&copy, false).unwrap(), copy);
    assert_eq!(ids_in(&copy).len(), 1);
    let error = log
        .save(&visit(at(2026, 3, 12, 9, 5), "Desk", "b"))
        .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with(&format!("cannot open {}", path.display())),
        "{error}"
    );
    drop(log);
    assert_eq!(
        snapshot(&folder),
        before,
        "nothing was made or changed in the folder"
    );
}

// ---- retention ----

#[test]
fn purge_deletes_exactly_the_visits_older_than_the_cutoff() {
    let dir = TempDir::new().unwrap();
    let path = log_file(&dir);
    let mut store = Store::open(&path).unwrap();
    let now = at(2026, 11, 23, 12, 0);
    let cutoff = frontdesk::store::retention_cutoff(now, 730);
    assert_eq!(cutoff, at(2024, 11, 23, 12, 0));
    let old = [
        full_visit(now - chrono::Duration::days(800)),
        full_visit(cutoff - chrono::Duration::milliseconds(1)),
    ];
    let kept = [
        full_visit(cutoff),
        full_visit(now - chrono::Duration::days(1)),
    ];
    store.save_all(&old).unwrap();
    store.save_all(&kept).unwrap();

    assert_eq!(store.purge_older_than(cutoff, true).unwrap(), 2);
    assert_eq!(all(&store).len(), 4, "a dry run deletes nothing");

    assert_eq!(store.purge_expired(730, now).unwrap(), 2);
    assert_eq!(all(&store), kept);
    assert_eq!(store.purge_older_than(cutoff, false).unwrap(), 0);

    let conn = Connection::open(&path).unwrap();
    let orphans: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM visit_services WHERE visit_id NOT IN (SELECT id FROM visits))
                  + (SELECT count(*) FROM visit_partners WHERE visit_id NOT IN (SELECT id FROM visits))
                  + (SELECT count(*) FROM visit_reasons WHERE visit_id NOT IN (SELECT id FROM visits))",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
}

#[test]
fn retention_never_deletes_a_visit_from_today_whatever_the_setting() {
    use chrono::Local;
    let dir = TempDir::new().unwrap();
    let path = log_file(&dir);
    let now = Utc::now();
    let (today, _) = frontdesk::store::local_day_bounds(now.with_timezone(&Local).date_naive());
    let first_thing = visit(today, "Desk", "first-thing-today");
    let just_now = visit(now, "Desk", "just-now");
    let yesterday = visit(today - chrono::Duration::minutes(1), "Desk", "yesterday");
    let mut log = VisitLog::new(&path);
    log.save_all(&[first_thing.clone(), just_now.clone(), yesterday])
        .unwrap();

    // The start-up clean-up with 0 days, and a cutoff in the future: today's visits stay.
    assert_eq!(
        log.purge_older_than(now + chrono::Duration::days(2), true)
            .unwrap(),
        1
    );
    assert_eq!(log.purge_expired(0, now).unwrap(), 1);
    assert_eq!(
        log.purge_older_than(now + chrono::Duration::days(2), false)
            .unwrap(),
        0
    );
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.purge_expired(0, now).unwrap(), 0);
    assert_eq!(all(&store), vec![first_thing, just_now]);
}

// ---- backup ----

#[test]
fn a_backup_taken_while_another_connection_writes_is_whole_and_consistent() {
    let dir = TempDir::new().unwrap();
    let path = log_file(&dir);
    let mut store = Store::open(&path).unwrap();
    store
        .save_all(
            &(0..200)
                .map(|i| full_visit(at(2026, 1, 1, 9, 0) + chrono::Duration::minutes(i)))
                .collect::<Vec<_>>(),
        )
        .unwrap();

    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        let mut writer = Store::open(&writer_path).unwrap();
        for i in 0..300 {
            writer
                .save(&full_visit(
                    at(2026, 2, 1, 9, 0) + chrono::Duration::minutes(i),
                ))
                .unwrap();
        }
    });
    for n in 0..6 {
        let before = all(&store).len();
        let dest = dir.path().join("backups").join(format!("copy-{n}.sqlite3"));
        assert_eq!(store.backup_to(&dest, false).unwrap(), dest);
        let after = all(&store).len();
        assert_eq!(integrity(&dest), "ok");
        let copied = ids_in(&dest).len();
        assert!(
            (before..=after).contains(&copied),
            "copy has {copied}, log had {before} to {after}"
        );
        std::thread::sleep(Duration::from_millis(15));
    }
    writer.join().unwrap();

    let dest = dir.path().join("backups").join("final.sqlite3");
    store.backup_to(&dest, false).unwrap();
    let copy = Store::open(&dest).unwrap();
    assert_eq!(all(&copy), all(&store));
    assert_eq!(all(&copy).len(), 500);
    // No temporary file is left next to the copies.
    let leftovers: Vec<_> = fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("partial"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_backup_over_the_log_its_working_files_or_into_an_impossible_place_is_refused() {
    let dir = TempDir::new().unwrap();
    let path = log_file(&dir);
    let mut store = Store::open(&path).unwrap();
    store.save(&full_visit(at(2026, 1, 1, 9, 0))).unwrap();
    let wal = path.with_extension("sqlite3-wal");
    let shm = path.with_extension("sqlite3-shm");
    assert!(
        wal.is_file() && shm.is_file(),
        "the log is open in WAL mode"
    );
    let wal_before = fs::read(&wal).unwrap();

    // The log, its working files (even those SQLite has not made yet), also by another path
    // to the same place: refused, with or without --force.
    let roundabout = path.parent().unwrap().join(".").join("visits.sqlite3-wal");
    for dest in [
        path.clone(),
        wal.clone(),
        shm.clone(),
        path.with_extension("sqlite3-journal"),
        roundabout,
    ] {
        for replace in [false, true] {
            let error = store.backup_to(&dest, replace).unwrap_err();
            assert!(
                error
                    .to_string()
                    .contains("that is the visit log itself or one of its working files"),
                "{}: {error}",
                dest.display()
            );
        }
    }
    assert_eq!(fs::read(&wal).unwrap(), wal_before, "the WAL is untouched");
    assert!(!path.with_extension("sqlite3-journal").exists());

    let blocker = dir.path().join("file");
    fs::write(&blocker, "x").unwrap();
    let error = store
        .backup_to(&blocker.join("copy.sqlite3"), false)
        .unwrap_err();
    assert!(
        error.to_string().starts_with(&format!(
            "cannot back up to {}",
            blocker.join("copy.sqlite3").display()
        )),
        "{error}"
    );
    assert_eq!(all(&store).len(), 1);
    drop(store);
    assert_eq!(integrity(&path), "ok");
    assert_eq!(
        fs::read(&blocker).unwrap(),
        b"x",
        "a file in the way is left alone"
    );
}

#[cfg(unix)]
#[test]
fn a_backup_onto_a_device_a_pipe_or_a_socket_is_refused_and_leaves_it_alone() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&log_file(&dir)).unwrap();
    store.save(&full_visit(at(2026, 1, 1, 9, 0))).unwrap();
    let fifo = dir.path().join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let socket_path = dir.path().join("socket");
    let _socket = std::os::unix::net::UnixListener::bind(&socket_path).unwrap();
    let link_to_null = dir.path().join("null-link");
    std::os::unix::fs::symlink("/dev/null", &link_to_null).unwrap();
    // A link to /dev/null stands for a device: were it not refused, only the link is replaced.
    for dest in [link_to_null.clone(), fifo.clone(), socket_path.clone()] {
        for replace in [false, true] {
            let error = store.backup_to(&dest, replace).unwrap_err();
            assert!(
                error
                    .to_string()
                    .contains("it is not a regular file or a folder"),
                "{}: {error}",
                dest.display()
            );
        }
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(fs::metadata(&socket_path).unwrap().file_type().is_socket());
    assert!(
        fs::symlink_metadata(&link_to_null)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("partial"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn an_existing_file_is_replaced_only_when_asked() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&log_file(&dir)).unwrap();
    store.save(&full_visit(at(2026, 1, 1, 9, 0))).unwrap();
    let dest = dir.path().join("copy.sqlite3");
    fs::write(&dest, "last month's notes").unwrap();

    let error = store.backup_to(&dest, false).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "cannot back up to {}: a file is already there; give a new name, or add --force to replace it",
            dest.display()
        )
    );
    assert_eq!(fs::read_to_string(&dest).unwrap(), "last month's notes");

    assert_eq!(store.backup_to(&dest, true).unwrap(), dest);
    assert_eq!(ids_in(&dest).len(), 1);
    assert_eq!(integrity(&dest), "ok");
}

#[test]
fn many_backups_into_one_folder_at_once_each_get_their_own_file() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&log_file(&dir)).unwrap();
    store.save(&full_visit(at(2026, 1, 1, 9, 0))).unwrap();
    let folder = dir.path().join("backups");
    fs::create_dir(&folder).unwrap();

    // Twenty in a row from one store, and four stores at the same moment.
    let mut written: Vec<PathBuf> = (0..20)
        .map(|_| store.backup_to(&folder, false).unwrap())
        .collect();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let (path, folder) = (log_file(&dir), folder.clone());
            std::thread::spawn(move || {
                Store::open(&path)
                    .unwrap()
                    .backup_to(&folder, false)
                    .unwrap()
            })
        })
        .collect();
    written.extend(handles.into_iter().map(|h| h.join().unwrap()));

    let mut names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 24, "{names:?}");
    for file in &written {
        assert_eq!(file.parent(), Some(folder.as_path()));
        assert!(
            file.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("visits-")
        );
        assert_eq!(ids_in(file).len(), 1, "{}", file.display());
    }
}

// ---- drafts ----

#[test]
fn a_draft_is_kept_replaced_and_cleared() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("data").join("draft.json");
    assert_eq!(load_draft(&path), None);

    let mut draft = VisitDraft::new(at(2026, 3, 12, 9, 30), "Main desk", "AB", "2026.11");
    draft.services = vec!["council-tax".into()];
    save_draft(&path, &draft).unwrap();
    assert_eq!(load_draft(&path), Some(draft.clone()));

    draft.outcome = Some(Outcome::Resolved);
    draft.note = Some("3 bags".into());
    save_draft(&path, &draft).unwrap();
    assert_eq!(load_draft(&path), Some(draft));
    let names: Vec<String> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["draft.json"], "no temporary file is left behind");

    clear_draft(&path);
    assert_eq!(load_draft(&path), None);
    clear_draft(&path); // clearing twice is fine
}

#[test]
fn an_unreadable_draft_is_moved_aside_not_a_crash() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("draft.json");
    fs::write(
        &path,
        "{\"services\": [\"council-tax\"], \"outcome\": \"sol",
    )
    .unwrap();
    assert_eq!(load_draft(&path), None);
    assert!(!path.exists());
    let aside = dir.path().join("draft.json.unreadable");
    assert!(fs::read_to_string(aside).unwrap().contains("council-tax"));
    assert_eq!(load_draft(&path), None);
}

#[test]
fn a_draft_that_cannot_be_written_gets_a_clear_message() {
    let dir = TempDir::new().unwrap();
    let blocker = dir.path().join("file");
    fs::write(&blocker, "x").unwrap();
    let path = blocker.join("draft.json");
    let error = save_draft(&path, &VisitDraft::default()).unwrap_err();
    assert!(
        error.to_string().starts_with(&format!(
            "cannot keep the unsaved visit in {}",
            path.display()
        )),
        "{error}"
    );
}

// ---- processes ----

/// A catalogue with one service and one partner, for the real binary.
fn catalogue(dir: &Path) -> PathBuf {
    let catalogue = dir.join("catalogue");
    fs::create_dir_all(&catalogue).unwrap();
    fs::write(
        catalogue.join("test.toml"),
        r#"
[council]
name = "Test Council"
version = "t1"

[[service]]
id = "council-tax"
title = "Council tax"
summary = "Pay or ask about council tax."
review_by = "2027-06-30"

[[partner]]
id = "citizens-advice"
name = "Citizens Advice"
summary = "Free advice."
review_by = "2027-06-30"
"#,
    )
    .unwrap();
    catalogue
}

fn frontdesk(data: &Path, catalogue: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
    command
        .env("FRONTDESK_CONFIG", EMPTY_CONFIG)
        .env_remove("FRONTDESK_DATA_DIR")
        .env_remove("FRONTDESK_CATALOGUE")
        .arg("--data-dir")
        .arg(data)
        .arg("--catalogue")
        .arg(catalogue);
    command
}

#[test]
fn two_processes_logging_to_one_file_at_once_store_every_visit() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    let catalogue = catalogue(dir.path());
    let workers: Vec<_> = (0..2)
        .map(|worker| {
            let (data, catalogue) = (data.clone(), catalogue.clone());
            std::thread::spawn(move || {
                let mut ids = Vec::new();
                for _ in 0..50 {
                    let output = frontdesk(&data, &catalogue)
                        .args(["log", "--service", "council-tax", "--outcome", "resolved"])
                        .args(["--desk", &format!("Desk {worker}")])
                        .output()
                        .unwrap();
                    assert!(
                        output.status.success(),
                        "a log call failed: {}",
                        String::from_utf8_lossy(&output.stderr)
                    );
                    assert!(output.stderr.is_empty());
                    ids.push(String::from_utf8(output.stdout).unwrap().trim().to_string());
                }
                ids
            })
        })
        .collect();
    let printed: Vec<String> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    assert_eq!(printed.len(), 100);
    let mut stored = ids_in(&data.join("visits.sqlite3"));
    let mut printed_sorted = printed.clone();
    stored.sort();
    printed_sorted.sort();
    assert_eq!(stored, printed_sorted);
    assert_eq!(integrity(&data.join("visits.sqlite3")), "ok");
}

/// Kill -9 at pseudo-random moments while a shell loop logs visits one after another: every id
/// printed is in the file, and the file is intact.
#[cfg(unix)]
#[test]
fn killing_the_process_mid_save_loses_no_visit_whose_id_was_printed() {
    use std::io::Read;
    use std::os::unix::process::CommandExt;

    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    let catalogue = catalogue(dir.path());
    let file = data.join("visits.sqlite3");
    let script = r#"while :; do "$0" --data-dir "$1" --catalogue "$2" log --service council-tax --outcome signposted --partner citizens-advice --reason no-device --note "asked about bin day" || exit 1; done"#;
    // A fixed pseudo-random sequence of delays, so a failure can be replayed.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut printed = Vec::new();
    // At least 20 kills, and on until 20 ids were printed (a busy machine logs fewer per round).
    for round in 0..200 {
        if round >= 20 && printed.len() >= 20 {
            break;
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_millis(20 + seed % 180);
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(env!("CARGO_BIN_EXE_frontdesk"))
            .arg(&data)
            .arg(&catalogue)
            .env("FRONTDESK_CONFIG", EMPTY_CONFIG)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let group = format!("-{}", child.id());
        let killed = Command::new("kill")
            .args(["-KILL", "--", &group])
            .status()
            .unwrap();
        assert!(killed.success(), "round {round}: kill failed");
        let _ = child.wait();
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        // Only whole lines: an id is printed after its visit is committed.
        let complete = out.rsplit_once('\n').map_or("", |(whole, _)| whole);
        printed.extend(complete.lines().map(str::to_string));
    }
    assert!(
        printed.len() >= 20,
        "only {} visits logged in 200 rounds",
        printed.len()
    );
    assert_eq!(integrity(&file), "ok");
    let stored = ids_in(&file);
    for id in &printed {
        assert!(
            stored.contains(id),
            "visit {id} was printed but is not in the file"
        );
    }
    // Every stored visit is whole: it has its service, partner and reason rows.
    let store = Store::open(&file).unwrap();
    for v in all(&store) {
        assert_eq!(v.service_ids(), ["council-tax"]);
        assert_eq!(v.partners, ["citizens-advice"]);
        assert_eq!(v.reasons, [ExclusionReason::NoDevice]);
    }
}
