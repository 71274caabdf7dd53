//! The guided script walked for a visit is stored with it: id, version and the keys chosen.
//! Checked on real files: the migration from every earlier schema, the store, `visits --json`,
//! and the script screen saving into a real visit log.

use std::path::Path;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use crossterm::event::KeyCode;
use frontdesk::catalogue::Catalogue;
use frontdesk::store::{SCHEMA_VERSION, Store, migrations};
use frontdesk::tui::headless::Headless;
use frontdesk::visit::{Outcome, ScriptRecord, Visit, VisitDraft};
use rusqlite::Connection;
use serde_json::Value;
use tempfile::TempDir;

fn all(store: &Store) -> Vec<Visit> {
    store
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap()
}

fn walked(id: &str, path: &[u8]) -> ScriptRecord {
    ScriptRecord {
        id: id.into(),
        version: "1".into(),
        path: path.to_vec(),
    }
}

fn draft(script: Option<ScriptRecord>) -> VisitDraft {
    let start = Utc.with_ymd_and_hms(2026, 3, 12, 9, 30, 0).unwrap();
    let mut draft = VisitDraft::new(start, "Main desk", "AB", "2026.11");
    draft.services = vec!["homelessness".into()];
    draft.outcome = Some(Outcome::Referred);
    draft.script = script.map(Box::new);
    draft
}

fn script_columns(path: &Path) -> Vec<(Option<String>, Option<String>, Option<String>)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT script_id, script_version, script_path FROM visits ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn every_earlier_schema_gains_the_script_columns_and_keeps_its_visits() {
    for version in 0..SCHEMA_VERSION {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join(format!("v{version}.sqlite3"));
        let mut conn = Connection::open(&path).unwrap();
        migrations::migrate_to(&mut conn, &path, version).unwrap();
        if version > 0 {
            // A visit as every earlier version wrote it (the columns all versions share).
            conn.execute_batch(
                "INSERT INTO visits (id, started_at, ended_at, desk, outcome)
                     VALUES ('01959b5c-6a00-7000-8000-000000000002', 1773308000000,
                             1773308000000, 'Library', 'resolved');
                 INSERT INTO visit_services (visit_id, position, service_id)
                     VALUES ('01959b5c-6a00-7000-8000-000000000002', 0, 'bin-missed');",
            )
            .unwrap();
        }
        drop(conn);
        let mut store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            SCHEMA_VERSION,
            "from {version}"
        );
        let before = all(&store);
        assert_eq!(before.len(), usize::from(version > 0), "from {version}");
        assert!(before.iter().all(|v| v.script.is_none()), "from {version}");

        // And a visit with a script is saved and read back whole.
        let visit = draft(Some(walked("homelessness", &[2, 1, 1, 1])))
            .into_visit()
            .unwrap();
        store.save(&visit).unwrap();
        let after = all(&store);
        assert!(after.contains(&visit), "from {version}");
        drop(store);
        assert!(
            script_columns(&path).contains(&(
                Some("homelessness".into()),
                Some("1".into()),
                Some("2,1,1,1".into())
            )),
            "from {version}: the path is in the file as the keys chosen"
        );
    }
}

#[test]
fn an_edit_keeps_the_script_and_a_visit_without_one_stores_none() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let with = draft(Some(walked("benefits", &[1]))).into_visit().unwrap();
    let without = draft(None).into_visit().unwrap();
    store.save_all(&[with.clone(), without.clone()]).unwrap();
    let mut edit = VisitDraft::from_visit(&with);
    edit.outcome = Some(Outcome::Resolved);
    let edited = edit.into_visit().unwrap();
    store.update(&edited).unwrap();
    let visits = all(&store);
    let found = |id| visits.iter().find(|v| v.id == id).unwrap().clone();
    assert_eq!(found(with.id).script, with.script);
    assert_eq!(found(without.id).script, None);
}

#[test]
fn a_path_that_is_not_number_keys_is_named_when_read() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let visit = draft(Some(walked("benefits", &[1]))).into_visit().unwrap();
    store.save(&visit).unwrap();
    drop(store);
    let conn = Connection::open(&path).unwrap();
    conn.execute("UPDATE visits SET script_path = '1,x'", [])
        .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let error = store
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("script's path") && error.contains("1,x"),
        "{error}"
    );
}

/// Monday 23 November 2026, 10:15 in the morning, UK time (GMT).
fn monday_morning() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T10:15:00+00:00").unwrap()
}

#[test]
fn a_visit_logged_from_the_script_screen_has_its_path_in_the_file_and_in_visits_json() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let mut desk = Headless::new(Catalogue::embedded().unwrap(), monday_morning(), 80, 24)
        .with_visit_log(&data);
    // Typing the script's title puts it first: Enter walks it.
    desk.type_text("Homeless or about to lose your home");
    // Safety first (none of these), leaving soon, within 56 days, a notice, no court order
    // yet, not sure which notice.
    for key in [
        KeyCode::Enter,
        KeyCode::Char('1'),
        KeyCode::Char('3'),
        KeyCode::Char('1'),
    ] {
        desk.press(key);
    }
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Char('3'));
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Enter);
    let file = data.join("visits.sqlite3");
    let mut found = Vec::new();
    for _ in 0..100 {
        found = script_columns(&file);
        if !found.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(
        found,
        [(
            Some("homelessness".into()),
            Some(
                Catalogue::embedded()
                    .unwrap()
                    .script("homelessness")
                    .unwrap()
                    .version
                    .clone()
            ),
            Some("1,3,1,1,1,3".into())
        )]
    );

    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .env_remove("FRONTDESK_CONFIG")
        .env_remove("FRONTDESK_DATA_DIR")
        .env_remove("FRONTDESK_CATALOGUE")
        .env("HOME", dir.path())
        .arg("--data-dir")
        .arg(&data)
        .args(["visits", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listed: Vec<Value> = serde_json::from_slice(&output).unwrap();
    assert_eq!(listed[0]["script"]["id"], "homelessness");
    assert_eq!(
        listed[0]["script"]["path"],
        serde_json::json!([1, 3, 1, 1, 1, 3])
    );
}
