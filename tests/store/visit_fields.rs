//! A visit's choice fields, defined once (`visit::CHOICE_FIELDS`), on real files: whether an
//! interpreter was used, chosen on the full screen and over the accessible pipe, kept in the
//! visit log (files of every earlier schema take it, their visits unknown), exported, and
//! counted in the report.

use std::path::Path;

use assert_cmd::Command;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use crossterm::event::KeyCode;
use frontdesk::catalogue::Catalogue;
use frontdesk::desk::Field;
use frontdesk::report::{Period, Report};
use frontdesk::store::{Desks, SCHEMA_VERSION, Store, migrations};
use frontdesk::tally::UnitCosts;
use frontdesk::text::Language;
use frontdesk::tui::headless::Headless;
use frontdesk::visit::{ChoiceField, Outcome, Visit, VisitDraft};
use rusqlite::Connection;
use tempfile::TempDir;

fn interpreter() -> &'static ChoiceField {
    ChoiceField::named("interpreter").expect("the interpreter field")
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn catalogue() -> Catalogue {
    Catalogue::from_dir(Path::new(&fixture("catalogue"))).unwrap()
}

fn monday_morning() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T10:15:00+00:00").unwrap()
}

fn all(path: &Path) -> Vec<Visit> {
    Store::open(path)
        .unwrap()
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap()
}

/// The report of every visit at `desk`, as the table a receptionist reads.
fn report_table(path: &Path, desk: &str) -> (Report, String) {
    let from = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2099, 12, 31).unwrap();
    let counts = Store::open(path)
        .unwrap()
        .report_counts(from, to, &Desks::Only(desk.to_string()))
        .unwrap();
    let period = Period {
        from,
        to,
        desk: Some(desk.to_string()),
    };
    let report = Report::build(
        period,
        &counts,
        &catalogue(),
        UnitCosts::default(),
        Language::English,
    );
    let table = frontdesk::report::table::render(&report, Language::English);
    (report, table)
}

/// The interpreter's counts in `report`: (option, visits), in the field's order.
fn interpreter_counts(report: &Report) -> Vec<(String, u64)> {
    let figures = report
        .choices
        .iter()
        .find(|c| c.id == "interpreter")
        .expect("the interpreter is counted");
    figures
        .in_order()
        .into_iter()
        .map(|(word, n)| (word.to_string(), n))
        .collect()
}

// ---- the migration ----

/// Two visits as every schema version since the first can hold them (the columns of version
/// 1 only): a visit with two services and a partner, and a plain one.
const OLD_ROWS: &str = "
    INSERT INTO visits (id, started_at, ended_at, desk, outcome)
        VALUES ('01959b5c-6a00-7000-8000-000000000001', 1773307800000, 1773307895000, 'Main desk', 'signposted');
    INSERT INTO visit_services (visit_id, position, service_id)
        VALUES ('01959b5c-6a00-7000-8000-000000000001', 0, 'council-tax');
    INSERT INTO visit_services (visit_id, position, service_id)
        VALUES ('01959b5c-6a00-7000-8000-000000000001', 1, 'bulky-waste');
    INSERT INTO visit_partners (visit_id, position, partner_id)
        VALUES ('01959b5c-6a00-7000-8000-000000000001', 0, 'citizens-advice');
    INSERT INTO visits (id, started_at, ended_at, desk, outcome)
        VALUES ('01959b5c-6a00-7000-8000-000000000002', 1773308000000, 1773308060000, 'Main desk', 'resolved');
    INSERT INTO visit_services (visit_id, position, service_id)
        VALUES ('01959b5c-6a00-7000-8000-000000000002', 0, 'bin-missed');
";

#[test]
fn every_earlier_schema_takes_the_interpreter_and_its_visits_are_unknown() {
    for version in 1..SCHEMA_VERSION {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join(format!("v{version}.sqlite3"));
        let mut conn = Connection::open(&path).unwrap();
        migrations::migrate_to(&mut conn, &path, version).unwrap();
        conn.execute_batch(OLD_ROWS).unwrap();
        drop(conn);

        let old = all(&path);
        assert_eq!(old.len(), 2, "from {version}");
        assert!(
            old.iter().all(|v| v.choices.get(interpreter()).is_none()),
            "from {version}: an old visit's interpreter is unknown"
        );
        assert_eq!(
            Store::open(&path).unwrap().schema_version().unwrap(),
            SCHEMA_VERSION
        );

        // A visit with an interpreter is logged in the migrated file and read back.
        let mut draft = VisitDraft::new(
            DateTime::from_timestamp_millis(1_773_309_000_000).unwrap(),
            "Main desk",
            "AB",
            "t1",
        );
        draft.services = vec!["council-tax".into()];
        draft.outcome = Some(Outcome::Resolved);
        draft.choices.set(interpreter(), Some(3));
        let visit = draft.into_visit().unwrap();
        Store::open(&path).unwrap().save(&visit).unwrap();
        let read = all(&path);
        assert_eq!(read.len(), 3, "from {version}");
        assert_eq!(read[2].choices.get(interpreter()), Some("bsl"));
        assert_eq!(read[2], visit, "from {version}: read back as saved");

        // Counted: the new visit by its answer; the old ones (counted when the file was
        // brought up to date, from version 6 on) as not recorded.
        let (report, _) = report_table(&path, "Main desk");
        let counts = interpreter_counts(&report);
        assert!(
            counts.contains(&("bsl".to_string(), 1)),
            "from {version}: {counts:?}"
        );
        assert!(
            counts.contains(&("not-recorded".to_string(), report.visits - 1)),
            "from {version}: {counts:?}"
        );
    }
}

#[test]
fn a_stored_word_this_frontdesk_does_not_know_is_one_sentence_naming_the_field() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut conn = Connection::open(&path).unwrap();
    migrations::migrate_to(&mut conn, &path, SCHEMA_VERSION).unwrap();
    conn.execute_batch(OLD_ROWS).unwrap();
    conn.execute_batch(
        "INSERT INTO visit_choices VALUES ('01959b5c-6a00-7000-8000-000000000002', 'interpreter', 'carrier pigeon');",
    )
    .unwrap();
    drop(conn);
    let error = Store::open(&path)
        .unwrap()
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap_err()
        .to_string();
    assert!(error.contains("interpreter"), "{error}");
    assert!(error.contains("carrier pigeon"), "{error}");
    assert!(!error.trim_end_matches('.').contains(". "), "{error}");
}

// ---- the full screen ----

#[test]
fn an_interpreter_chosen_on_the_full_screen_is_stored_exported_and_counted() {
    let data = TempDir::new().unwrap();
    let mut desk = Headless::new(catalogue(), monday_morning(), 80, 24).with_visit_log(data.path());
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    // Tab to the interpreter, as a receptionist would, reading the row on the screen.
    for _ in 0..10 {
        if desk.app.form.field == Field::Choice(0) {
            break;
        }
        desk.press(KeyCode::Tab);
    }
    assert_eq!(desk.app.form.field, Field::Choice(0));
    let screen = desk.screen();
    assert!(screen.contains("Interpreter"), "{screen}");
    assert!(screen.contains("British Sign Language"), "{screen}");
    // Right on an empty choice moves on; Space chooses the first option, then Right steps.
    desk.press(KeyCode::Char(' '));
    for _ in 0..interpreter().options.len() {
        let chosen = desk
            .app
            .draft
            .as_ref()
            .and_then(|d| d.choices.get(interpreter()));
        if chosen == Some("bsl") {
            break;
        }
        desk.press(KeyCode::Right);
    }
    desk.press(KeyCode::Enter);
    let visits = all(&data.path().join("visits.sqlite3"));
    assert_eq!(visits.len(), 1, "the visit is saved");
    assert_eq!(visits[0].choices.get(interpreter()), Some("bsl"));

    // Exported: a column named after the field.
    let output = Command::cargo_bin("frontdesk")
        .unwrap()
        .env_clear()
        .env("FRONTDESK_CONFIG", fixture("empty-config.toml"))
        .arg("--data-dir")
        .arg(data.path())
        .args(["export", "visits", "--desk", "Front desk"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let csv = String::from_utf8(output.stdout).unwrap();
    let mut lines = csv.lines();
    let headings: Vec<&str> = lines.next().unwrap().split(',').collect();
    let column = headings
        .iter()
        .position(|h| *h == "interpreter")
        .expect("an interpreter column");
    let row: Vec<&str> = lines.next().expect("a row").split(',').collect();
    assert_eq!(row[column], "bsl", "{csv}");

    // Counted in the report, in words.
    let (report, table) = report_table(&data.path().join("visits.sqlite3"), "Front desk");
    assert_eq!(
        interpreter_counts(&report),
        [
            ("none".to_string(), 0),
            ("in-person".to_string(), 0),
            ("phone".to_string(), 0),
            ("bsl".to_string(), 1),
            ("not-recorded".to_string(), 0),
        ]
    );
    assert!(table.contains("\nInterpreter\n"), "{table}");
    let bsl = table
        .lines()
        .find(|l| l.contains("British Sign Language"))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(bsl.trim_end().ends_with(" 1"), "{bsl}");
}

// ---- the accessible mode ----

#[test]
fn an_interpreter_chosen_over_the_accessible_pipe_is_stored() {
    let data = TempDir::new().unwrap();
    let lines = [
        "bulky waste",
        "1",
        "log",
        // Outcome 1; Enter keeps demand, helped online, partners, online, reasons, feedback.
        "1",
        "",
        "",
        "",
        "",
        "",
        "",
        // The interpreter: British Sign Language is the fourth.
        "4",
        // No note: the visit is saved.
        "",
        "quit",
    ];
    let mut input = lines.join("\n");
    input.push('\n');
    let output = Command::cargo_bin("frontdesk")
        .unwrap()
        .env_clear()
        .env("FRONTDESK_CONFIG", fixture("empty-config.toml"))
        .env("FRONTDESK_DESK", "Main desk")
        .arg("--data-dir")
        .arg(data.path())
        .current_dir(data.path())
        .arg("--accessible")
        .write_stdin(input)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "{out}");
    assert!(
        out.contains(
            "Interpreter. Choices: 1: None. 2: In person. 3: By phone. 4: British Sign Language."
        ),
        "{out}"
    );
    assert!(out.contains("Visit saved"), "{out}");
    let visits = all(&data.path().join("visits.sqlite3"));
    assert_eq!(visits.len(), 1, "{out}");
    assert_eq!(visits[0].choices.get(interpreter()), Some("bsl"));
}
