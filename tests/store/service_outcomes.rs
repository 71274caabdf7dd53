//! Each service on a visit has its own outcome: a resident may get one thing resolved and be
//! signposted for another. Checked on real files: the migration from every earlier schema, the
//! store, the `log` and `visits` commands, and the reception screen's form.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{DateTime, TimeZone, Utc};
use crossterm::event::KeyCode;
use frontdesk::store::{SCHEMA_VERSION, Store, migrations};
use frontdesk::tui::headless::Headless;
use frontdesk::visit::{Outcome, ServiceOutcome, Visit, VisitDraft};
use rusqlite::Connection;
use serde_json::Value;
use tempfile::TempDir;

fn all(store: &Store) -> Vec<Visit> {
    store
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap()
}

fn service(id: &str, outcome: Outcome) -> ServiceOutcome {
    ServiceOutcome {
        service: id.to_string(),
        outcome,
        booking: None,
    }
}

// ---- the migration ----

/// Visits as schema version 1 wrote them: several services on one visit, partners, reasons, a
/// note, a visit with nothing optional, and a service since removed from the catalogue.
const V1_ROWS: &str = "
    INSERT INTO visits VALUES ('01959b5c-6a00-7000-8000-000000000001', 1773307800000,
        1773307895000, 'Main desk', 'AB', 'signposted', 'no', 'complaint', '3 bags', '2026.11');
    INSERT INTO visit_services VALUES ('01959b5c-6a00-7000-8000-000000000001', 0, 'council-tax');
    INSERT INTO visit_services VALUES ('01959b5c-6a00-7000-8000-000000000001', 1, 'homelessness');
    INSERT INTO visit_partners VALUES ('01959b5c-6a00-7000-8000-000000000001', 0, 'citizens-advice');
    INSERT INTO visit_partners VALUES ('01959b5c-6a00-7000-8000-000000000001', 1, 'food-bank');
    INSERT INTO visit_reasons VALUES ('01959b5c-6a00-7000-8000-000000000001', 0, 'no-device');
    INSERT INTO visit_reasons VALUES ('01959b5c-6a00-7000-8000-000000000001', 1, 'language');
    INSERT INTO visits (id, started_at, ended_at, desk, outcome)
        VALUES ('01959b5c-6a00-7000-8000-000000000002', 1773308000000, 1773308000000, 'Library', 'resolved');
    INSERT INTO visit_services VALUES ('01959b5c-6a00-7000-8000-000000000002', 0, 'bin-missed');
    INSERT INTO visits VALUES ('01959b5c-6a00-7000-8000-000000000003', 1773309000000,
        1773309600000, 'Main desk', '', 'assisted-digital', 'yes', 'none', NULL, '2025.01');
    INSERT INTO visit_services VALUES ('01959b5c-6a00-7000-8000-000000000003', 0, 'a-retired-service');
    INSERT INTO visit_services VALUES ('01959b5c-6a00-7000-8000-000000000003', 1, 'bulky-waste');
    INSERT INTO visit_services VALUES ('01959b5c-6a00-7000-8000-000000000003', 2, 'council-tax');
    INSERT INTO visit_reasons VALUES ('01959b5c-6a00-7000-8000-000000000003', 0, 'no-skills');
";

/// Fills a file at `version` with visits as that version of frontdesk wrote them.
fn fill_as_version(conn: &Connection, version: u32) {
    match version {
        // A new, empty file.
        0 => {}
        // Version 2 only stamped the file as a frontdesk visit log: its rows are version 1's.
        1 | 2 => conn.execute_batch(V1_ROWS).unwrap(),
        // Version 3 gave each service row its own outcome, written as the visit's. Later
        // versions added columns (and tables) these rows leave at their defaults.
        // Version 14 gave each partner the place of its service on the visit: the food bank
        // here was given for the second service.
        3.. => {
            let rows = V1_ROWS
                .replace(
                    "INSERT INTO visit_services VALUES",
                    "INSERT INTO visit_services (visit_id, position, service_id) VALUES",
                )
                .replace(
                    "INSERT INTO visit_partners VALUES",
                    "INSERT INTO visit_partners (visit_id, position, partner_id) VALUES",
                )
                .replace(
                    "INSERT INTO visits VALUES",
                    "INSERT INTO visits (id, started_at, ended_at, desk, staff, outcome, online, \
                     feedback, note, catalogue_version) VALUES",
                );
            conn.execute_batch(&rows).unwrap();
            conn.execute_batch(
                "UPDATE visit_services SET outcome = \
                 (SELECT outcome FROM visits WHERE visits.id = visit_services.visit_id)",
            )
            .unwrap();
            if version >= 14 {
                conn.execute_batch(
                    "UPDATE visit_partners SET service_position = 1 WHERE partner_id = 'food-bank'",
                )
                .unwrap();
            }
        }
    }
}

/// Every value the file holds that every schema version has, as text, in a fixed order.
fn contents(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut rows = Vec::new();
    for sql in [
        "SELECT id, started_at, ended_at, desk, staff, outcome, online, feedback, note, catalogue_version FROM visits ORDER BY id",
        "SELECT visit_id, position, service_id FROM visit_services ORDER BY visit_id, position",
        "SELECT visit_id, position, partner_id FROM visit_partners ORDER BY visit_id, position",
        "SELECT visit_id, position, reason FROM visit_reasons ORDER BY visit_id, position",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let columns = stmt.column_count();
        let found = stmt
            .query_map([], |row| {
                let cells: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", row.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect();
                Ok(cells.join("|"))
            })
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        rows.push(format!("{sql}: {}", found.len()));
        rows.extend(found);
    }
    rows
}

#[test]
fn every_earlier_schema_is_migrated_and_each_service_gets_its_visits_outcome() {
    for version in 0..SCHEMA_VERSION {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join(format!("v{version}.sqlite3"));
        let mut conn = Connection::open(&path).unwrap();
        migrations::migrate_to(&mut conn, &path, version).unwrap();
        fill_as_version(&conn, version);
        drop(conn);
        // A version 0 file has no tables yet.
        let before = (version > 0).then(|| contents(&path));

        let store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            SCHEMA_VERSION,
            "from {version}"
        );
        let visits = all(&store);
        drop(store);
        if let Some(before) = &before {
            assert_eq!(
                &contents(&path),
                before,
                "from {version}: nothing lost or changed"
            );
        }

        // Every service row now carries its visit's outcome.
        let conn = Connection::open(&path).unwrap();
        let mismatched: i64 = conn
            .query_row(
                "SELECT count(*) FROM visit_services s JOIN visits v ON v.id = s.visit_id \
                 WHERE s.outcome IS NOT v.outcome",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(mismatched, 0, "from {version}");

        if version == 0 {
            assert!(visits.is_empty());
            continue;
        }
        assert_eq!(visits.len(), 3, "from {version}");
        assert_eq!(
            visits[0].services,
            [
                service("council-tax", Outcome::Signposted),
                service("homelessness", Outcome::Signposted)
            ]
        );
        assert_eq!(visits[0].partners, ["citizens-advice", "food-bank"]);
        // Partners logged before they were recorded per service are the first service's.
        let food_bank = if version >= 14 { 1 } else { 0 };
        let services: Vec<usize> = visits[0].partners.iter().map(|p| p.service).collect();
        assert_eq!(services, [0, food_bank], "from {version}");
        assert_eq!(visits[0].note.as_deref(), Some("3 bags"));
        assert_eq!(
            visits[1].services,
            [service("bin-missed", Outcome::Resolved)]
        );
        assert_eq!(
            visits[2].services,
            [
                service("a-retired-service", Outcome::AssistedDigital),
                service("bulky-waste", Outcome::AssistedDigital),
                service("council-tax", Outcome::AssistedDigital)
            ]
        );

        // Opening again changes nothing; the file is whole.
        drop(Store::open(&path).unwrap());
        assert_eq!(Some(contents(&path)), before);
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }
}

// ---- the store ----

#[test]
fn mixed_outcomes_are_saved_edited_and_read_back() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let start = Utc.with_ymd_and_hms(2026, 3, 12, 9, 30, 0).unwrap();
    let mut draft = VisitDraft::new(start, "Main desk", "AB", "2026.11");
    draft.services = vec!["council-tax".into(), "homelessness".into()];
    draft.outcome = Some(Outcome::Resolved);
    draft
        .service_outcomes
        .insert("homelessness".into(), Outcome::Referred);
    let visit = draft.into_visit().unwrap();
    store.save(&visit).unwrap();
    assert_eq!(all(&store), std::slice::from_ref(&visit));
    assert_eq!(
        all(&store)[0].services,
        [
            service("council-tax", Outcome::Resolved),
            service("homelessness", Outcome::Referred)
        ]
    );

    // An edit changes one service's outcome and keeps the other.
    let mut edit = VisitDraft::from_visit(&visit);
    edit.service_outcomes
        .insert("council-tax".into(), Outcome::Appointment);
    let edited = edit.into_visit().unwrap();
    store.update(&edited).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        all(&store)[0].services,
        [
            service("council-tax", Outcome::Appointment),
            service("homelessness", Outcome::Referred)
        ]
    );
    assert_eq!(all(&store)[0].outcome, Outcome::Resolved);
}

#[test]
fn a_service_outcome_this_frontdesk_does_not_know_is_named() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "INSERT INTO visits (id, started_at, ended_at, desk, outcome)
             VALUES ('01959b5c-6a00-7000-8000-000000000009', 0, 0, 'Desk', 'resolved');
         INSERT INTO visit_services (visit_id, position, service_id, outcome)
             VALUES ('01959b5c-6a00-7000-8000-000000000009', 0, 'bins', 'escalated');",
    )
    .unwrap();
    let store = Store::open(&path).unwrap();
    let error = store
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("the outcome of a service 'escalated'"),
        "{error}"
    );
}

// ---- the commands ----

struct Desk {
    dir: TempDir,
}

impl Desk {
    fn new() -> Desk {
        let desk = Desk {
            dir: TempDir::new().unwrap(),
        };
        fs::create_dir_all(desk.catalogue()).unwrap();
        let mut text = String::from("[council]\nname = \"Test Council\"\nversion = \"t1\"\n");
        for id in ["council-tax", "homelessness", "bulky-waste"] {
            text.push_str(&format!(
                "\n[[service]]\nid = \"{id}\"\ntitle = \"{id}\"\nsummary = \"A service.\"\nreview_by = \"2027-06-30\"\n"
            ));
        }
        fs::write(desk.catalogue().join("catalogue.toml"), text).unwrap();
        desk
    }

    fn catalogue(&self) -> PathBuf {
        self.dir.path().join("catalogue")
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("frontdesk"));
        cmd.env("FRONTDESK_CONFIG", crate::support::EMPTY_CONFIG)
            .env("TZ", "Europe/London")
            .env_remove("FRONTDESK_DATA_DIR")
            .env_remove("FRONTDESK_CATALOGUE")
            .env_remove("FRONTDESK_DESK")
            .env_remove("FRONTDESK_STAFF")
            .arg("--data-dir")
            .arg(self.dir.path().join("data"))
            .arg("--catalogue")
            .arg(self.catalogue());
        cmd
    }

    fn log_json(&self, args: &[&str]) -> Value {
        let output = self
            .cmd()
            .args(["log", "--desk", "Main desk", "--json"])
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&output).unwrap()
    }

    fn log_fails(&self, args: &[&str]) -> String {
        let output = self
            .cmd()
            .args(["log", "--desk", "Main desk"])
            .args(args)
            .assert()
            .failure()
            .get_output()
            .stderr
            .clone();
        String::from_utf8(output).unwrap()
    }

    fn visits(&self, args: &[&str]) -> String {
        let output = self
            .cmd()
            .arg("visits")
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(output).unwrap()
    }
}

#[test]
fn log_gives_one_service_its_own_outcome_and_the_others_the_visits() {
    let desk = Desk::new();
    let printed = desk.log_json(&[
        "--service",
        "council-tax",
        "--service",
        "homelessness=referred",
        "--outcome",
        "resolved",
    ]);
    assert_eq!(printed["outcome"], "resolved");
    assert_eq!(
        printed["services"],
        serde_json::json!([
            {"service": "council-tax", "outcome": "resolved"},
            {"service": "homelessness", "outcome": "referred"}
        ])
    );

    // `visits --json` has them, and the table shows the one that differs.
    let listed: Vec<Value> = serde_json::from_str(&desk.visits(&["--json"])).unwrap();
    assert_eq!(listed[0]["services"], printed["services"]);
    let table = desk.visits(&[]);
    let row = table.lines().nth(1).unwrap();
    assert!(
        row.contains("Resolved") && row.contains("council-tax, homelessness (Referred)"),
        "{table}"
    );
}

#[test]
fn with_an_outcome_for_every_service_the_visit_needs_none() {
    let desk = Desk::new();
    let printed = desk.log_json(&[
        "--service",
        "bulky-waste=assisted-digital",
        "--service",
        "council-tax = signposted",
    ]);
    assert_eq!(
        printed["outcome"], "assisted-digital",
        "the first service's"
    );
    assert_eq!(printed["services"][1]["service"], "council-tax");
    assert_eq!(printed["services"][1]["outcome"], "signposted");
}

#[test]
fn a_missing_or_unknown_service_outcome_is_named_and_nothing_is_stored() {
    let desk = Desk::new();
    let error = desk.log_fails(&[
        "--service",
        "council-tax=referred",
        "--service",
        "bulky-waste",
    ]);
    assert_eq!(
        error.trim(),
        "frontdesk: --outcome is missing and --service bulky-waste has no outcome of its own; give --outcome, or --service bulky-waste=OUTCOME"
    );
    let error = desk.log_fails(&["--service", "council-tax=solved", "--outcome", "resolved"]);
    assert!(
        error.contains(
            "--service council-tax=solved: 'solved' is not an outcome; use one of: resolved,"
        ) && error.contains("write it as ID=OUTCOME"),
        "{error}"
    );
    let error = desk.log_fails(&["--service", "counciltax=resolved"]);
    assert!(
        error.contains("--service: 'counciltax' is not a service"),
        "{error}"
    );
    assert_eq!(desk.visits(&[]).trim(), "No visits logged yet.");
}

// ---- the reception screen ----

use crate::support::fixture_catalogue as fixture;

#[test]
fn on_the_form_one_key_changes_the_selected_services_outcome() {
    let dir = TempDir::new().unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-23T10:15:00+00:00").unwrap();
    let mut desk = Headless::new(fixture(), now, 80, 24).with_visit_log(dir.path());
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Esc);
    desk.type_text("homeless");
    desk.press(KeyCode::F(2));
    // The three-key case: one outcome for the whole visit.
    desk.press(KeyCode::Char('1'));
    // Back to the services line, on to the second service, and step its outcome once.
    desk.press(KeyCode::BackTab);
    desk.press(KeyCode::Right);
    desk.press(KeyCode::Char(' '));
    let screen = desk.screen();
    let line_of = |words: &str| {
        screen
            .lines()
            .find(|l| l.contains(words))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        line_of("Homeless or at risk").contains("Homeless or at risk of homelessness (Signposted)"),
        "the second service shows its own outcome:\n{screen}"
    );
    assert!(
        !line_of("Bulky waste collection").contains("(Signposted)"),
        "the first keeps the visit's:\n{screen}"
    );
    desk.press(KeyCode::Enter);
    assert!(desk.screen().contains("Visit saved"));

    let store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    let visits = all(&store);
    assert_eq!(visits.len(), 1);
    assert_eq!(visits[0].outcome, Outcome::Resolved);
    let first = visits[0].services[0].service.clone();
    let second = visits[0].services[1].service.clone();
    assert_eq!(
        visits[0].services,
        [
            service(&first, Outcome::Resolved),
            service(&second, Outcome::Signposted)
        ]
    );
    assert_eq!(first, "bulky-waste");
}
