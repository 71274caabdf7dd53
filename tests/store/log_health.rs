//! The visit log's health on real SQLite files: a clock that is not trusted blindly (no
//! clean-up when it reads earlier than the newest visit, or would take every visit or more than
//! half the log; `purge --yes` on purpose; a clock before 1970 is one sentence), index damage
//! found before any write and in `backup`, and `restore` that never applies a stale `-wal`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration as StdDuration, UNIX_EPOCH};

use chrono::{DateTime, Duration, Utc};
use frontdesk::clock::{self, ClockError};
use frontdesk::desk::Action;
use frontdesk::runtime::Answers;
use frontdesk::runtime::workers::{StorePlace, StoreWorker};
use frontdesk::store::{
    LogSpan, MOST_REMOVED_AT_ONCE_PERCENT, PurgeHeld, Store, VisitLog, purge_check,
};
use frontdesk::visit::{Outcome, Visit, VisitDraft};
use proptest::prelude::*;
use rusqlite::Connection;
use tempfile::TempDir;

fn visit(start: DateTime<Utc>) -> Visit {
    let mut draft = VisitDraft::new(start, "Desk", "AB", "t1");
    draft.ended_at = start + Duration::seconds(90);
    draft.services = vec!["council-tax".into()];
    draft.outcome = Some(Outcome::Resolved);
    draft.into_visit().unwrap()
}

/// A log whose visits started `ages` days before `now` (negative: after it).
fn log_with(path: &Path, now: DateTime<Utc>, ages: &[i64]) {
    let visits: Vec<Visit> = ages
        .iter()
        .map(|days| visit(now - Duration::days(*days) - Duration::hours(1)))
        .collect();
    Store::open(path).unwrap().save_all(&visits).unwrap();
}

fn count(path: &Path) -> u64 {
    let conn = Connection::open(path).unwrap();
    conn.query_row("SELECT count(*) FROM visits", [], |r| r.get::<_, i64>(0))
        .unwrap() as u64
}

fn one_sentence(text: &str) {
    let text = text.trim().trim_end_matches('.');
    assert!(!text.is_empty());
    assert!(!text.contains(". "), "one sentence: {text}");
    assert!(!text.contains('\n'), "one line: {text}");
}

// ---- the rule, pure ----

fn span() -> impl Strategy<Value = LogSpan> {
    (
        0u64..5_000,
        proptest::option::of(-10_000i64..10_000),
        0u64..5_000,
    )
        .prop_map(|(visits, newest, older)| LogSpan {
            visits,
            newest_started_ms: newest.map(|minutes| 1_800_000_000_000 + minutes * 60_000),
            older: older.min(visits),
        })
}

proptest! {
    #[test]
    fn a_purge_that_goes_ahead_never_follows_a_clock_behind_nor_takes_more_than_the_share(
        span in span(),
        now_minutes in -10_000i64..10_000,
    ) {
        let now = DateTime::from_timestamp_millis(1_800_000_000_000 + now_minutes * 60_000).unwrap();
        match purge_check(now, &span) {
            Ok(()) => {
                if span.older > 0 {
                    prop_assert!(span.newest_started_ms.is_none_or(|newest| newest <= now.timestamp_millis()));
                    prop_assert!(span.older < span.visits, "never every visit");
                    prop_assert!(span.older * 100 <= span.visits * MOST_REMOVED_AT_ONCE_PERCENT);
                }
            }
            Err(held) => {
                prop_assert!(span.older > 0, "nothing to remove is never held");
                one_sentence(&held.to_string());
                prop_assert!(held.to_string().contains("frontdesk purge --yes"));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// On a real file: a clean-up either keeps every visit and says why, or removes exactly the
    /// visits past the retention period, which are at most half the log, never today's.
    #[test]
    fn the_start_up_clean_up_on_a_real_log_keeps_everything_or_removes_only_the_old(
        ages in proptest::collection::vec(-400i64..2_000, 1..16),
        days in 1u32..1_000,
        clock_days in -1_000i64..1_500,
    ) {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("visits.sqlite3");
        let real_now = Utc::now();
        log_with(&path, real_now, &ages);
        let clock = real_now + Duration::days(clock_days);
        let before = count(&path);
        let purged = VisitLog::new(&path).clean_up(days, clock).unwrap();
        let after = count(&path);
        match purged.held {
            Some(_) => {
                prop_assert_eq!(after, before, "a held clean-up keeps every visit");
                prop_assert_eq!(purged.removed, 0);
            }
            None => {
                prop_assert_eq!(after, before - purged.removed);
                prop_assert!(purged.removed * 100 <= before * MOST_REMOVED_AT_ONCE_PERCENT);
                if purged.removed > 0 {
                    let newest = ages.iter().min().unwrap();
                    prop_assert!(real_now - Duration::days(*newest) - Duration::hours(1) <= clock);
                }
            }
        }
    }
}

// ---- named cases ----

#[test]
fn a_clock_three_years_ahead_keeps_every_visit_and_says_why() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let now = Utc::now();
    log_with(&path, now, &[1, 2, 30, 200, 400]);
    let purged = VisitLog::new(&path)
        .clean_up(730, now + Duration::days(3 * 365))
        .unwrap();
    assert_eq!(purged.removed, 0);
    let held = purged.held.expect("held");
    assert!(
        matches!(held, PurgeHeld::EveryVisit { visits: 5, .. }),
        "{held:?}"
    );
    one_sentence(&held.to_string());
    assert_eq!(count(&path), 5);
}

#[test]
fn a_clock_before_the_newest_visit_keeps_every_visit() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let now = Utc::now();
    // One visit past the retention period, and the newest a day after the clock's "now".
    log_with(&path, now, &[800, 10, 5, 3, 2, 1, -1]);
    let purged = VisitLog::new(&path).clean_up(730, now).unwrap();
    assert!(
        matches!(purged.held, Some(PurgeHeld::ClockBehind { .. })),
        "{purged:?}"
    );
    assert_eq!(count(&path), 7);
}

#[test]
fn more_than_half_at_once_is_held_and_half_is_not() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let now = Utc::now();
    log_with(&path, now, &[900, 850, 800, 1, 0]);
    let purged = VisitLog::new(&path).clean_up(730, now).unwrap();
    assert!(matches!(
        purged.held,
        Some(PurgeHeld::TooMany {
            older: 3,
            visits: 5
        })
    ));
    assert_eq!(count(&path), 5);
    log_with(&path, now, &[2]);
    let purged = VisitLog::new(&path).clean_up(730, now).unwrap();
    assert_eq!((purged.removed, purged.held), (3, None));
    assert_eq!(count(&path), 3);
}

#[test]
fn a_clock_before_1970_is_one_sentence_and_keeps_everything() {
    let at = UNIX_EPOCH - StdDuration::from_secs(86_400 * 10);
    let error = clock::reading(at).unwrap_err();
    assert!(matches!(error, ClockError::Before1970 { .. }));
    let text = error.to_string();
    assert!(text.contains("before 1970"), "{text}");
    one_sentence(&text);

    // A clean-up whose clock reads 1969 removes nothing (and does not panic).
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    log_with(&path, Utc::now(), &[900, 1]);
    let sixties = DateTime::from_timestamp(-86_400 * 10, 0).unwrap();
    let purged = VisitLog::new(&path).clean_up(730, sixties).unwrap();
    assert_eq!(purged.removed, 0);
    assert_eq!(count(&path), 2);
}

#[test]
fn the_screen_start_up_keeps_every_visit_when_the_clean_up_is_held_and_says_so() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    // Every visit is older than the retention period: as if the clock were years ahead.
    log_with(&path, Utc::now(), &[1_100, 1_000, 900]);
    let (sender, answers) = Answers::channel();
    let place = StorePlace {
        visits_file: path.clone(),
        drafts: None,
        desk: "Desk".into(),
        language: frontdesk::text::Language::English,
    };
    StoreWorker::start_at(place, 730, sender).finish();
    let mut warnings = Vec::new();
    for answer in answers.try_iter() {
        if let Action::StoreWarning(text) = answer {
            warnings.push(text);
        }
    }
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("frontdesk purge --yes"),
        "{warnings:?}"
    );
    one_sentence(&warnings[0]);
    assert_eq!(count(&path), 3);
}

// ---- through the binary ----

struct Desk {
    dir: TempDir,
}

impl Desk {
    fn new() -> Desk {
        let desk = Desk {
            dir: TempDir::new().unwrap(),
        };
        fs::write(desk.path("config.toml"), "").unwrap();
        fs::create_dir_all(desk.path("catalogue")).unwrap();
        fs::write(
            desk.path("catalogue").join("test.toml"),
            r#"
[council]
name = "Test Council"
version = "t1"

[[service]]
id = "council-tax"
title = "Council tax"
summary = "Pay or ask about council tax."
review_by = "2027-06-30"
"#,
        )
        .unwrap();
        desk
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn data(&self) -> PathBuf {
        self.path("data")
    }

    fn log(&self) -> PathBuf {
        self.data().join("visits.sqlite3")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_frontdesk"))
            .env("FRONTDESK_CONFIG", self.path("config.toml"))
            .env_remove("FRONTDESK_DATA_DIR")
            .env_remove("FRONTDESK_CATALOGUE")
            .env_remove("FRONTDESK_RETENTION_DAYS")
            .arg("--data-dir")
            .arg(self.data())
            .arg("--catalogue")
            .arg(self.path("catalogue"))
            .args(args)
            .output()
            .unwrap()
    }

    fn log_visit(&self) -> Output {
        self.run(&["log", "--service", "council-tax", "--outcome", "resolved"])
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn purge_keeps_everything_when_every_visit_would_go_and_purge_yes_removes_them() {
    let desk = Desk::new();
    fs::create_dir_all(desk.data()).unwrap();
    // Visits that all look three years old: what a clock three years ahead sees.
    log_with(&desk.log(), Utc::now(), &[1_100, 1_098, 1_096, 1_095]);

    let held = desk.run(&["purge"]);
    assert_eq!(held.status.code(), Some(1), "{held:?}");
    let said = text(&held.stderr);
    assert!(said.starts_with("frontdesk: the clock reads "), "{said}");
    assert!(said.contains("frontdesk purge --yes"), "{said}");
    one_sentence(said.trim_start_matches("frontdesk: "));
    assert!(held.stdout.is_empty());
    assert_eq!(count(&desk.log()), 4);
    let app_log = fs::read_to_string(desk.data().join("frontdesk.log")).unwrap();
    assert!(
        app_log.contains("purge held back: the clock reads"),
        "{app_log}"
    );

    let dry = desk.run(&["purge", "--dry-run"]);
    assert!(dry.status.success());
    assert!(text(&dry.stdout).starts_with("Would remove 4 visits older than 730 days"));
    assert!(text(&dry.stderr).contains("without --yes"));

    let done = desk.run(&["purge", "--yes"]);
    assert!(done.status.success(), "{done:?}");
    assert!(text(&done.stdout).starts_with("Removed 4 visits older than 730 days"));
    assert_eq!(count(&desk.log()), 0);
}

#[test]
fn purge_keeps_everything_when_the_clock_is_before_the_newest_visit() {
    let desk = Desk::new();
    fs::create_dir_all(desk.data()).unwrap();
    log_with(&desk.log(), Utc::now(), &[800, 5, 1, -2]);
    let held = desk.run(&["purge"]);
    assert_eq!(held.status.code(), Some(1));
    assert!(
        text(&held.stderr).contains("earlier than the newest visit in the log"),
        "{}",
        text(&held.stderr)
    );
    assert_eq!(count(&desk.log()), 4);
    assert!(desk.run(&["purge", "--yes"]).status.success());
    assert_eq!(count(&desk.log()), 3);
}

// ---- index damage ----

/// A log of 300 visits written by frontdesk.
fn a_log_of_300_visits(desk: &Desk) {
    assert!(desk.log_visit().status.success());
    let now = Utc::now();
    let visits: Vec<Visit> = (0..299)
        .map(|i| visit(now - Duration::minutes(i + 10)))
        .collect();
    Store::open(&desk.log()).unwrap().save_all(&visits).unwrap();
}

/// Changes rows behind an index's back (the index is hidden from SQLite while they change), so
/// the index no longer matches its table: SQLite's quick check passes such a file.
fn damage_an_index(log: &Path) {
    let conn = Connection::open(log).unwrap();
    let sql: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'visits_by_start'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute_batch(
        "PRAGMA writable_schema = ON;
         UPDATE sqlite_schema SET type = 'table', name = 'hidden', tbl_name = 'hidden',
             sql = 'CREATE TABLE hidden (a)' WHERE name = 'visits_by_start';",
    )
    .unwrap();
    drop(conn);
    let conn = Connection::open(log).unwrap();
    conn.execute_batch(
        "UPDATE visits SET started_at = started_at + 1 WHERE rowid % 7 = 0;
         PRAGMA writable_schema = ON;",
    )
    .unwrap();
    conn.execute(
        "UPDATE sqlite_schema SET type = 'index', name = 'visits_by_start', tbl_name = 'visits', sql = ?1 WHERE name = 'hidden'",
        [sql],
    )
    .unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    drop(conn);
    let conn = Connection::open(log).unwrap();
    let quick: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(quick, "ok", "the quick check misses this damage");
    let full: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_ne!(full, "ok");
}

/// Every file in `folder` with its length and a hash of its bytes.
fn snapshot(folder: &Path) -> Vec<(String, usize, u64)> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut files: Vec<(String, usize, u64)> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name() != "frontdesk.log")
        .map(|e| {
            let bytes = fs::read(e.path()).unwrap_or_default();
            let mut hasher = DefaultHasher::new();
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
fn a_damaged_index_is_refused_before_any_write_and_no_backup_calls_it_good() {
    let desk = Desk::new();
    a_log_of_300_visits(&desk);
    damage_an_index(&desk.log());
    let before = snapshot(&desk.data());

    let refused = desk.log_visit();
    assert!(!refused.status.success());
    let said = text(&refused.stderr);
    assert_eq!(
        said.trim(),
        format!(
            "frontdesk: {} is damaged (it fails SQLite's integrity check), so frontdesk will not write to it; close frontdesk everywhere and run `frontdesk restore BACKUP` with your latest backup (made with `frontdesk backup`)",
            desk.log().display()
        )
    );
    assert_eq!(snapshot(&desk.data()), before, "nothing was written");

    let dest = desk.path("copy.sqlite3");
    let backup = desk.run(&["backup", dest.to_str().unwrap()]);
    assert!(!backup.status.success());
    assert!(
        text(&backup.stderr)
            .contains("is damaged (it fails SQLite's integrity check), so no backup was made"),
        "{}",
        text(&backup.stderr)
    );
    assert!(!dest.exists(), "no damaged copy is called a backup");
    let purge = desk.run(&["purge", "--yes"]);
    assert!(!purge.status.success());
    // Reading leaves the log as it was (a reader may leave an empty -wal and a -shm beside it).
    let log_only = |snapshot: Vec<(String, usize, u64)>| {
        snapshot
            .into_iter()
            .filter(|(name, len, _)| {
                !(name.ends_with("-shm") || name.ends_with("-wal") && *len == 0)
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(log_only(snapshot(&desk.data())), before);
}

// ---- restore ----

#[test]
fn restore_checks_the_backup_moves_the_old_log_and_a_stale_wal_aside_and_applies_neither() {
    let desk = Desk::new();
    for _ in 0..3 {
        assert!(desk.log_visit().status.success());
    }
    let backup = desk.path("backup.sqlite3");
    assert!(
        desk.run(&["backup", backup.to_str().unwrap()])
            .status
            .success()
    );
    for _ in 0..2 {
        assert!(desk.log_visit().status.success());
    }
    // A -wal holding a committed visit the backup does not have, kept while its connection is
    // open (closing would fold it into the log).
    let wal = PathBuf::from(format!("{}-wal", desk.log().display()));
    let stale = {
        let mut store = Store::open(&desk.log()).unwrap();
        store.save(&visit(Utc::now())).unwrap();
        let stale = fs::read(&wal).unwrap();
        assert!(!stale.is_empty());
        drop(store);
        stale
    };
    fs::write(&wal, &stale).unwrap();

    let restored = desk.run(&["restore", backup.to_str().unwrap()]);
    assert!(restored.status.success(), "{restored:?}");
    let said = text(&restored.stdout);
    assert!(said.starts_with("Restored the visit log "), "{said}");
    assert!(said.contains("(3 visits, checked)"), "{said}");
    assert!(said.contains("so nothing in them was applied"), "{said}");
    assert!(said.lines().count() <= 2, "{said}");

    // The restored log holds the backup's visits and nothing of the stale -wal.
    let listed = desk.run(&["visits", "--json"]);
    assert!(listed.status.success());
    let visits: Vec<serde_json::Value> = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(visits.len(), 3);
    // The old log and its -wal were renamed aside together, not deleted: opened together they
    // still hold all six visits.
    let aside: Vec<PathBuf> = fs::read_dir(desk.data())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("replaced"))
        .collect();
    let old = aside
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "sqlite3"))
        .expect("the replaced log is kept");
    assert!(aside.iter().any(|p| p.to_string_lossy().ends_with("-wal")));
    assert_eq!(count(old), 6);
    // A log visit after the restore works and adds to the restored log.
    assert!(desk.log_visit().status.success());
    assert_eq!(count(&desk.log()), 4);
}

#[test]
fn restore_refuses_a_damaged_backup_and_leaves_the_log_as_it_is() {
    let desk = Desk::new();
    a_log_of_300_visits(&desk);
    let backup = desk.path("backup.sqlite3");
    assert!(
        desk.run(&["backup", backup.to_str().unwrap()])
            .status
            .success()
    );
    damage_an_index(&backup);
    let before = snapshot(&desk.data());
    let refused = desk.run(&["restore", backup.to_str().unwrap()]);
    assert!(!refused.status.success());
    let said = text(&refused.stderr);
    assert!(said.contains("it is damaged"), "{said}");
    one_sentence(said.trim_start_matches("frontdesk: "));
    assert_eq!(snapshot(&desk.data()), before);

    let not_a_log = desk.path("notes.txt");
    fs::write(&not_a_log, "hello").unwrap();
    let refused = desk.run(&["restore", not_a_log.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(text(&refused.stderr).contains("cannot restore the visit log from"));
    assert_eq!(snapshot(&desk.data()), before);
}
