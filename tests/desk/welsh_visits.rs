//! The resident's language on a visit (schema version 8): logged in Welsh from the command line,
//! stored in its two columns, shown by `visits --json`; earlier files gain the columns and their
//! visits read as English; a language that is not en or cy is refused, naming the flag.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use frontdesk::store::{SCHEMA_VERSION, Store, migrations};
use frontdesk::visit::{LanguageChoice, ResidentLanguage};
use rusqlite::Connection;
use serde_json::Value;
use tempfile::TempDir;

struct Desk {
    dir: TempDir,
}

impl Desk {
    fn new() -> Desk {
        let dir = TempDir::new().unwrap();
        std::fs::write(dir.path().join("config.toml"), "").unwrap();
        Desk { dir }
    }

    fn visits_file(&self) -> PathBuf {
        self.dir.path().join("data").join("visits.sqlite3")
    }

    fn cmd(&self) -> Command {
        let mut cmd = crate::support::bare_frontdesk();
        cmd.env("FRONTDESK_CONFIG", self.dir.path().join("config.toml"))
            .arg("--data-dir")
            .arg(self.dir.path().join("data"));
        cmd
    }

    fn visits_json(&self) -> Vec<Value> {
        let out = self
            .cmd()
            .args(["visits", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    }
}

fn language_columns(path: &Path) -> Vec<(Option<String>, Option<String>)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT spoken_language, written_language FROM visits ORDER BY started_at, id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_visit_logged_in_welsh_is_stored_with_its_language_and_shown_by_visits_json() {
    let desk = Desk::new();
    let args = [
        "log",
        "--service",
        "council-tax-pay",
        "--outcome",
        "resolved",
    ];
    desk.cmd()
        .args(args)
        .args(["--language", "cy"])
        .assert()
        .success();
    desk.cmd()
        .args(args)
        .args(["--language", "cy", "--written", "en"])
        .assert()
        .success();
    desk.cmd().args(args).assert().success();

    assert_eq!(
        language_columns(&desk.visits_file()),
        vec![
            (Some("cy".into()), Some("cy".into())),
            (Some("cy".into()), Some("en".into())),
            (Some("en".into()), Some("en".into())),
        ]
    );
    let visits = desk.visits_json();
    let languages: Vec<(&str, &str)> = visits
        .iter()
        .map(|v| {
            (
                v["language"]["spoken"].as_str().unwrap(),
                v["language"]["written"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(languages, vec![("cy", "cy"), ("cy", "en"), ("en", "en")]);
}

#[test]
fn a_language_that_is_not_english_or_welsh_is_refused_naming_the_flag() {
    let desk = Desk::new();
    let out = desk
        .cmd()
        .args([
            "log",
            "--service",
            "council-tax-pay",
            "--outcome",
            "resolved",
        ])
        .args(["--language", "fr"])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.contains("--language") && text.contains("'fr'") && text.contains("cy"),
        "{text}"
    );
    assert!(!desk.visits_file().exists() || language_columns(&desk.visits_file()).is_empty());
}

#[test]
fn every_earlier_schema_gains_the_language_columns_and_its_visits_read_as_english() {
    for version in 1..SCHEMA_VERSION {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join(format!("v{version}.sqlite3"));
        let mut conn = Connection::open(&path).unwrap();
        migrations::migrate_to(&mut conn, &path, version).unwrap();
        conn.execute_batch(
            "INSERT INTO visits (id, started_at, ended_at, desk, outcome)
                 VALUES ('01959b5c-6a00-7000-8000-000000000002', 1773308000000,
                         1773308000000, 'Library', 'resolved');
             INSERT INTO visit_services (visit_id, position, service_id)
                 VALUES ('01959b5c-6a00-7000-8000-000000000002', 0, 'bin-missed');",
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let visits = store
            .visits_between(
                chrono::DateTime::<chrono::Utc>::MIN_UTC,
                chrono::DateTime::<chrono::Utc>::MAX_UTC,
                None,
            )
            .unwrap();
        assert_eq!(visits.len(), 1, "from {version}");
        assert_eq!(
            visits[0].language,
            LanguageChoice::both(ResidentLanguage::English),
            "from {version}"
        );
    }
}

#[test]
fn the_report_counts_visits_by_language_and_an_undo_takes_one_away() {
    let desk = Desk::new();
    let args = [
        "log",
        "--service",
        "council-tax-pay",
        "--outcome",
        "resolved",
    ];
    for _ in 0..2 {
        desk.cmd()
            .args(args)
            .args(["--language", "cy"])
            .assert()
            .success();
    }
    desk.cmd()
        .args(args)
        .args(["--language", "cy", "--written", "en"])
        .assert()
        .success();
    desk.cmd().args(args).assert().success();

    let mut store = Store::open(&desk.visits_file()).unwrap();
    let all_days = (i64::MIN / 2, i64::MAX / 2);
    let counts = store
        .visits_by_language(all_days.0, all_days.1, None)
        .unwrap();
    assert_eq!(
        counts,
        vec![
            ("cy".to_string(), "cy".to_string(), 2),
            ("cy".to_string(), "en".to_string(), 1),
            ("en".to_string(), "en".to_string(), 1),
        ]
    );
    // Undo one Welsh visit: the count follows in the same transaction.
    let welsh = store
        .visits_between(
            chrono::DateTime::<chrono::Utc>::MIN_UTC,
            chrono::DateTime::<chrono::Utc>::MAX_UTC,
            None,
        )
        .unwrap()
        .into_iter()
        .find(|v| v.language == LanguageChoice::both(ResidentLanguage::Welsh))
        .unwrap();
    assert!(store.delete(welsh.id).unwrap());
    let counts = store
        .visits_by_language(all_days.0, all_days.1, Some("Nowhere"))
        .unwrap();
    assert!(counts.is_empty(), "{counts:?}");
    let counts = store
        .visits_by_language(all_days.0, all_days.1, None)
        .unwrap();
    assert_eq!(
        counts[0],
        ("cy".to_string(), "cy".to_string(), 1),
        "{counts:?}"
    );
}

#[test]
fn text_untranslated_lists_nothing_once_every_text_has_its_welsh() {
    let desk = Desk::new();
    let out = desk
        .cmd()
        .args(["text", "untranslated"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    // Every label, status sentence, message, hour and key has its Welsh.
    assert_eq!(text, "0 texts are shown in English.\n");
}

#[test]
fn a_screen_language_that_is_not_en_or_cy_is_refused_naming_the_line() {
    let desk = Desk::new();
    std::fs::write(
        desk.dir.path().join("config.toml"),
        "desk = \"Library\"\nlanguage = \"fr\"\n",
    )
    .unwrap();
    let out = desk
        .cmd()
        .args(["config", "--print"])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(
        err.contains("config.toml:2") && err.contains("\"cy\""),
        "{err}"
    );
}

/// The report a manager reads counts the visits logged in Welsh, in every format it is given.
#[test]
fn the_report_counts_visits_by_the_residents_language() {
    let desk = Desk::new();
    let log = |extra: &[&str]| {
        desk.cmd()
            .args([
                "log",
                "--service",
                "council-tax-pay",
                "--outcome",
                "resolved",
            ])
            .args(extra)
            .assert()
            .success();
    };
    log(&["--language", "cy"]);
    log(&["--language", "cy", "--written", "en"]);
    log(&[]);
    let output = desk
        .cmd()
        .args(["report", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["visits"], 3);
    assert_eq!(
        report["languages"]["spoken"]["cy"], 2,
        "{}",
        report["languages"]
    );
    assert_eq!(report["languages"]["spoken"]["en"], 1);
    assert_eq!(report["languages"]["written"]["cy"], 1);
    assert_eq!(report["languages"]["written"]["en"], 2);
    let table = desk.cmd().args(["report"]).output().unwrap();
    let table = String::from_utf8_lossy(&table.stdout).into_owned();
    assert!(table.contains("Language spoken"), "{table}");
}

#[test]
fn visits_already_synced_in_welsh_are_sent_again_so_the_server_has_their_language() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut conn = Connection::open(&path).unwrap();
    migrations::migrate_to(&mut conn, &path, 8).unwrap();
    // Three visits a version 8 desk logged and synced (to a server that did not keep the
    // language): one spoken and read in Welsh, one read in Welsh only, one in English.
    conn.execute_batch(
        "INSERT INTO visits (id, started_at, ended_at, desk, outcome, spoken_language, written_language)
             VALUES ('01959b5c-6a00-7000-8000-000000000011', 1773308000000, 1773308090000, 'Library', 'resolved', 'cy', 'cy'),
                    ('01959b5c-6a00-7000-8000-000000000012', 1773308100000, 1773308190000, 'Library', 'resolved', 'en', 'cy'),
                    ('01959b5c-6a00-7000-8000-000000000013', 1773308200000, 1773308290000, 'Library', 'resolved', NULL, NULL);
         INSERT INTO sync_outbox (visit_id, desk, started_at, version, sent_version)
             SELECT id, desk, started_at, 1, 1 FROM visits;",
    )
    .unwrap();
    drop(conn);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.sync_waiting().unwrap(), 2);
    let batch = store.sync_batch(10).unwrap();
    let ids: Vec<&str> = batch.visits.iter().map(|v| v.visit_id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "01959b5c-6a00-7000-8000-000000000011",
            "01959b5c-6a00-7000-8000-000000000012"
        ]
    );
    assert!(batch.visits.iter().all(|v| v.version == 2));
}

#[test]
fn report_language_cy_writes_the_report_in_welsh_with_its_lang() {
    let desk = Desk::new();
    let run = |args: &[&str]| {
        let out = desk.cmd().arg("report").args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let html = run(&["--language", "cy", "--format", "html"]);
    assert!(html.contains("<html lang=\"cy-GB\">"), "{html}");
    assert!(html.contains("Mewnwelediad cwsmeriaid"), "{html}");
    let table = run(&["--language", "cy"]);
    assert!(table.starts_with("Mewnwelediad cwsmeriaid"), "{table}");
    // English stays the default, and its page says so.
    let html = run(&["--format", "html"]);
    assert!(html.contains("<html lang=\"en-GB\">"), "{html}");
    // The config's language is the default.
    std::fs::write(desk.dir.path().join("config.toml"), "language = \"cy\"\n").unwrap();
    let table = run(&[]);
    assert!(table.starts_with("Mewnwelediad cwsmeriaid"), "{table}");
    // A language the report does not have is refused by name.
    let out = desk
        .cmd()
        .args(["report", "--language", "fr"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--language"));
}
