//! `frontdesk log`, `visits`, `purge` and `backup`, run as a user would.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{DateTime, TimeZone, Utc};
use frontdesk::store::Store;
use frontdesk::visit::{Outcome, Visit, VisitDraft};
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

/// A temporary data folder and catalogue, and the config file (missing unless written).
struct Desk {
    dir: TempDir,
}

impl Desk {
    fn new() -> Desk {
        let desk = Desk {
            dir: TempDir::new().unwrap(),
        };
        desk.write_catalogue(&[]);
        // Named with FRONTDESK_CONFIG, so it must exist; empty means the defaults.
        fs::write(desk.config(), "").unwrap();
        desk
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn visits_file(&self) -> PathBuf {
        self.data().join("visits.sqlite3")
    }

    fn catalogue(&self) -> PathBuf {
        self.dir.path().join("catalogue")
    }

    /// Two services and a partner, plus any extra service ids.
    fn write_catalogue(&self, extra_services: &[&str]) {
        let mut text = String::from(
            r#"
[council]
name = "Test Council"
version = "t1"
phone = "01632 960000"

[[service]]
id = "council-tax"
title = "Council tax"
summary = "Pay or ask about council tax."
review_by = "2027-06-30"

[[service]]
id = "bulky-waste"
title = "Bulky waste collection"
summary = "Large items collected for a fee."
review_by = "2027-06-30"

[[partner]]
id = "citizens-advice"
name = "Citizens Advice"
summary = "Free advice."
review_by = "2027-06-30"

[[faq]]
id = "bin-day"
question = "When is my bin day?"
answer = "Look it up online."
review_by = "2027-06-30"
"#,
        );
        for id in extra_services {
            text.push_str(&format!(
                "\n[[service]]\nid = \"{id}\"\ntitle = \"{id}\"\nsummary = \"A service.\"\nreview_by = \"2027-06-30\"\n"
            ));
        }
        fs::create_dir_all(self.catalogue()).unwrap();
        fs::write(self.catalogue().join("catalogue.toml"), text).unwrap();
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn cmd(&self) -> Command {
        let mut cmd = self.cmd_with_data(&self.data());
        cmd.arg("--catalogue").arg(self.catalogue());
        cmd
    }

    /// The command with another data folder.
    fn cmd_with_data(&self, data: &Path) -> Command {
        let mut cmd = crate::support::bare_frontdesk();
        cmd.env("FRONTDESK_CONFIG", self.config())
            .env("TZ", "Europe/London");
        cmd.arg("--data-dir").arg(data);
        cmd
    }

    fn log(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.cmd().arg("log").args(args).assert()
    }

    fn visits_json(&self, args: &[&str]) -> Vec<Value> {
        let output = self
            .cmd()
            .args(["visits", "--json"])
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice::<Vec<Value>>(&output).unwrap()
    }

    fn stored(&self) -> usize {
        if !self.visits_file().exists() {
            return 0;
        }
        let store = Store::open(&self.visits_file()).unwrap();
        store
            .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
            .unwrap()
            .len()
    }

    fn save(&self, visits: &[Visit]) {
        Store::open(&self.visits_file())
            .unwrap()
            .save_all(visits)
            .unwrap();
    }
}

fn visit_at(start: DateTime<Utc>, service: &str) -> Visit {
    let mut draft = VisitDraft::new(start, "Main desk", "AB", "t1");
    draft.services = vec![service.into()];
    draft.outcome = Some(Outcome::Resolved);
    draft.into_visit().unwrap()
}

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

// ---- log ----

#[test]
fn log_prints_only_the_new_visits_id_and_stores_it() {
    let desk = Desk::new();
    let assert = desk
        .log(&["--service", "council-tax", "--outcome", "resolved"])
        .success();
    let out = stdout(&assert);
    let id = out.trim();
    assert_eq!(out, format!("{id}\n"));
    assert!(uuid::Uuid::parse_str(id).is_ok(), "{out:?}");

    let visits = desk.visits_json(&[]);
    assert_eq!(visits.len(), 1);
    let v = &visits[0];
    assert_eq!(v["id"], id);
    assert_eq!(
        v["services"],
        serde_json::json!([{"service": "council-tax", "outcome": "resolved"}])
    );
    assert_eq!(v["outcome"], "resolved");
    assert_eq!(v["partners"], serde_json::json!([]));
    assert_eq!(v["desk"], "Front desk");
    assert_eq!(v["catalogue_version"], "t1");
    assert_eq!(v["started_at"], v["ended_at"]);
}

#[test]
fn log_takes_every_field_and_prints_json_on_request() {
    let desk = Desk::new();
    let assert = desk
        .log(&[
            "--service",
            "council-tax",
            "--service",
            "bulky-waste",
            "--outcome",
            "assisted-digital",
            "--partner",
            "citizens-advice",
            "--online",
            "dont-know",
            "--reason",
            "no-device",
            "--reason",
            "prefers-face-to-face",
            "--feedback",
            "compliment",
            "--note",
            "resident asked about bin day, 3 bags, paid £25",
            "--desk",
            "Library",
            "--staff",
            "JS",
            "--json",
        ])
        .success();
    let printed: Value = serde_json::from_str(&stdout(&assert)).unwrap();
    assert_eq!(
        printed["services"],
        serde_json::json!([
            {"service": "council-tax", "outcome": "assisted-digital"},
            {"service": "bulky-waste", "outcome": "assisted-digital"}
        ])
    );
    assert_eq!(printed["outcome"], "assisted-digital");
    assert_eq!(
        printed["partners"],
        serde_json::json!([{"partner": "citizens-advice", "how": "signpost"}])
    );
    assert_eq!(printed["online"], "dont-know");
    assert_eq!(
        printed["reasons"],
        serde_json::json!(["no-device", "prefers-face-to-face"])
    );
    assert_eq!(printed["feedback"], "compliment");
    assert_eq!(
        printed["note"],
        "resident asked about bin day, 3 bags, paid £25"
    );
    assert_eq!(printed["desk"], "Library");
    assert_eq!(printed["staff"], "JS");
    assert_eq!(desk.visits_json(&[]), [printed]);
}

#[test]
fn desk_and_staff_come_from_the_config_file() {
    let desk = Desk::new();
    fs::write(desk.config(), "desk = \"Town hall\"\nstaff = \"KM\"\n").unwrap();
    desk.log(&["--service", "council-tax", "--outcome", "resolved"])
        .success();
    let visits = desk.visits_json(&[]);
    assert_eq!(visits[0]["desk"], "Town hall");
    assert_eq!(visits[0]["staff"], "KM");
}

#[test]
fn a_desk_or_staff_flag_with_a_phone_number_or_email_is_refused_in_one_sentence() {
    let desk = Desk::new();
    for (flag, value, kind) in [
        ("--desk", "Desk 07700 900123", "a phone number"),
        (
            "--desk",
            "oh seven seven double oh nine hundred one two three",
            "a phone number",
        ),
        (
            "--desk",
            "reception jo.bloggs@example.com",
            "an email address",
        ),
        ("--staff", "07700900123", "a phone number"),
        ("--staff", "jb@example.com", "an email address"),
        ("--staff", "AB123456C", "a National Insurance number"),
    ] {
        let assert = desk
            .log(&[
                "--service",
                "council-tax",
                "--outcome",
                "resolved",
                flag,
                value,
            ])
            .failure();
        let said = stderr(&assert);
        let said = said.trim();
        assert!(
            said.starts_with(&format!("frontdesk: {flag} looks like it holds {kind}; ")),
            "{flag} {value}: {said}"
        );
        assert!(said.ends_with("with no personal data"), "{said}");
        assert_eq!(said.lines().count(), 1, "{said}");
    }
    assert_eq!(desk.stored(), 0);
    // The same rule for the config file.
    fs::write(
        desk.config(),
        "desk = \"Library\"\nstaff = \"ring 07700 900123\"\n",
    )
    .unwrap();
    let assert = desk
        .log(&["--service", "council-tax", "--outcome", "resolved"])
        .failure();
    assert!(
        stderr(&assert).contains("staff looks like it holds a phone number"),
        "{}",
        stderr(&assert)
    );
    assert_eq!(desk.stored(), 0);
}

#[test]
fn an_unknown_outcome_is_named_with_every_valid_one_and_nothing_is_stored() {
    let desk = Desk::new();
    let assert = desk
        .log(&["--service", "council-tax", "--outcome", "solved"])
        .failure();
    assert_eq!(
        stderr(&assert).trim(),
        "frontdesk: --outcome: 'solved' is not an outcome; use one of: resolved, signposted, referred, appointment, assisted-digital, not-resolved"
    );
    assert!(stdout(&assert).is_empty());
    assert_eq!(desk.stored(), 0);
}

#[test]
fn unknown_answers_reasons_and_feedback_are_named_with_the_valid_ones() {
    let desk = Desk::new();
    let base = ["--service", "council-tax", "--outcome", "resolved"];
    for (flag, bad, valid) in [
        ("--online", "maybe", "yes, no, dont-know"),
        ("--reason", "no-phone", "no-device, no-internet, no-skills"),
        (
            "--feedback",
            "moan",
            "none, compliment, complaint, suggestion",
        ),
    ] {
        let assert = desk
            .cmd()
            .arg("log")
            .args(base)
            .args([flag, bad])
            .assert()
            .failure();
        let message = stderr(&assert);
        assert!(message.contains(&format!("{flag}: '{bad}'")), "{message}");
        assert!(message.contains(valid), "{message}");
    }
    assert_eq!(desk.stored(), 0);
}

#[test]
fn an_unknown_service_lists_the_valid_ids_in_a_small_catalogue() {
    let desk = Desk::new();
    let assert = desk
        .log(&["--service", "council-tx", "--outcome", "resolved"])
        .failure();
    assert_eq!(
        stderr(&assert).trim(),
        "frontdesk: --service: 'council-tx' is not a service in the catalogue; use one of: council-tax, bulky-waste"
    );
    assert_eq!(desk.stored(), 0);
}

#[test]
fn an_unknown_service_in_a_large_catalogue_suggests_the_closest_ids() {
    let desk = Desk::new();
    let extra: Vec<String> = (1..=20).map(|i| format!("planning-{i}")).collect();
    desk.write_catalogue(&extra.iter().map(String::as_str).collect::<Vec<_>>());
    let assert = desk
        .log(&["--service", "counciltax", "--outcome", "resolved"])
        .failure();
    let message = stderr(&assert);
    assert!(
        message
            .contains("'counciltax' is not a service in the catalogue; did you mean council-tax?"),
        "{message}"
    );
    assert!(message.contains("frontdesk catalogue list"), "{message}");
    assert!(!message.contains("planning-1,"), "{message}");
    assert_eq!(desk.stored(), 0);
}

#[test]
fn ids_of_the_wrong_kind_are_refused_with_the_right_flag() {
    let desk = Desk::new();
    let assert = desk
        .log(&["--service", "citizens-advice", "--outcome", "signposted"])
        .failure();
    assert!(
        stderr(&assert).contains(
            "--service: 'citizens-advice' is a partner, not a service; give it with --partner"
        ),
        "{}",
        stderr(&assert)
    );
    let assert = desk
        .log(&[
            "--service",
            "council-tax",
            "--partner",
            "council-tax",
            "--outcome",
            "signposted",
        ])
        .failure();
    assert!(stderr(&assert).contains("--partner: 'council-tax' is a service, not a partner"));
    let assert = desk
        .log(&[
            "--service",
            "council-tax",
            "--partner",
            "food-bank",
            "--outcome",
            "signposted",
        ])
        .failure();
    assert!(
        stderr(&assert).contains(
            "--partner: 'food-bank' is not a partner in the catalogue; use one of: citizens-advice"
        ),
        "{}",
        stderr(&assert)
    );
    let assert = desk
        .log(&["--service", "bin-day", "--outcome", "resolved"])
        .failure();
    assert!(stderr(&assert).contains("'bin-day' is an FAQ, not a service"));
    assert_eq!(desk.stored(), 0);
}

#[test]
fn a_note_with_personal_data_is_refused_and_nothing_is_stored() {
    let desk = Desk::new();
    for (note, kind) in [
        ("call back on 07700 900123", "a phone number"),
        ("email jo.bloggs@example.com", "an email address"),
        ("NI number AB123456C", "a National Insurance number"),
        ("lives at SW1A 1AA", "a postcode"),
        ("dob 12/03/1985", "a date of birth"),
        ("Mrs Jones asked about her bin", "a name"),
        ("lives at 14 Acacia Avenue", "an address"),
        ("sort code 20-00-00 acc 12345678", "bank details"),
    ] {
        let assert = desk
            .log(&[
                "--service",
                "council-tax",
                "--outcome",
                "resolved",
                "--note",
                note,
            ])
            .failure();
        assert_eq!(
            stderr(&assert).trim(),
            format!("frontdesk: the note looks like it holds {kind}; remove it and try again")
        );
    }
    let assert = desk
        .log(&[
            "--service",
            "council-tax",
            "--outcome",
            "resolved",
            "--note",
            "07700 900123, SW1A 1AA",
        ])
        .failure();
    assert!(stderr(&assert).contains("holds a phone number and a postcode"));
    assert_eq!(desk.stored(), 0);
}

#[test]
fn a_note_may_hold_the_catalogues_own_number_and_ordinary_dates() {
    let desk = Desk::new();
    let note = "gave the switchboard 01632 960000, summons dated 12/05/2024";
    desk.log(&[
        "--service",
        "council-tax",
        "--outcome",
        "signposted",
        "--note",
        note,
    ])
    .success();
    assert_eq!(desk.visits_json(&[])[0]["note"], note);
    let assert = desk
        .log(&[
            "--service",
            "council-tax",
            "--outcome",
            "signposted",
            "--note",
            "her number is 01632 960001",
        ])
        .failure();
    assert!(stderr(&assert).contains("holds a phone number"));
    assert_eq!(desk.stored(), 1);
}

#[test]
fn log_gives_each_partner_to_the_service_that_signposts_to_it() {
    let desk = Desk::new();
    fs::write(
        desk.catalogue().join("catalogue.toml"),
        r#"
[council]
name = "Test Council"
version = "t1"

[[service]]
id = "council-tax"
title = "Council tax"
summary = "Pay or ask about council tax."
signpost = ["debt-advice"]
review_by = "2027-06-30"

[[service]]
id = "bulky-waste"
title = "Bulky waste collection"
summary = "Large items collected for a fee."
signpost = ["furniture-reuse", "debt-advice"]
review_by = "2027-06-30"

[[partner]]
id = "furniture-reuse"
name = "Furniture reuse"
summary = "Second-hand furniture."
review_by = "2027-06-30"

[[partner]]
id = "debt-advice"
name = "Debt advice"
summary = "Free debt advice."
review_by = "2027-06-30"

[[partner]]
id = "citizens-advice"
name = "Citizens Advice"
summary = "Free advice."
review_by = "2027-06-30"
"#,
    )
    .unwrap();
    desk.log(&[
        "--service",
        "council-tax",
        "--service",
        "bulky-waste",
        "--outcome",
        "resolved",
        "--partner",
        "furniture-reuse",
        "--partner",
        "debt-advice",
        "--refer",
        "citizens-advice=yes",
    ])
    .success();
    let logged = desk.visits_json(&[]);
    let partners = &logged[0]["partners"];
    // The furniture signpost came from the bulky waste service, the second on the visit; debt
    // advice, which both signpost to, from the first that does; a partner neither signposts
    // to stays the first service's.
    assert_eq!(partners[0]["partner"], "furniture-reuse");
    assert_eq!(partners[0]["service"], 1);
    assert_eq!(partners[1]["partner"], "debt-advice");
    assert_eq!(partners[1].get("service"), None);
    assert_eq!(partners[2]["partner"], "citizens-advice");
    assert_eq!(partners[2].get("service"), None);
    // The export's rows, one per service, carry each partner on its service's row.
    let export = desk
        .cmd()
        .args(["export", "visits", "--format", "jsonl"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows: Vec<Value> = String::from_utf8(export)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let partners_of = |service: &str| {
        rows.iter()
            .find(|row| row["service_id"] == service)
            .map(|row| row["partners"].clone())
    };
    assert_eq!(
        partners_of("council-tax"),
        Some(Value::from("debt-advice citizens-advice"))
    );
    assert_eq!(
        partners_of("bulky-waste"),
        Some(Value::from("furniture-reuse"))
    );
}

#[test]
fn log_needs_a_service_and_an_outcome() {
    let desk = Desk::new();
    desk.log(&["--outcome", "resolved"])
        .failure()
        .stderr(predicate::str::contains("--service"));
    desk.log(&["--service", "council-tax"])
        .failure()
        .stderr(predicate::str::contains("--outcome"));
    assert_eq!(desk.stored(), 0);
}

#[test]
fn a_log_that_cannot_be_saved_says_why_and_exits_non_zero() {
    let desk = Desk::new();
    fs::write(desk.dir.path().join("blocker"), "x").unwrap();
    let assert = desk
        .cmd_with_data(&desk.dir.path().join("blocker").join("data"))
        .arg("--catalogue")
        .arg(desk.catalogue())
        .args(["log", "--service", "council-tax", "--outcome", "resolved"])
        .assert()
        .failure();
    assert!(
        stderr(&assert).contains("cannot create the folder"),
        "{}",
        stderr(&assert)
    );
    assert!(stdout(&assert).is_empty());
}

// ---- visits ----

#[test]
fn visits_lists_a_table_with_titles_labels_and_the_visit_id() {
    let desk = Desk::new();
    let id = stdout(
        &desk
            .log(&[
                "--service",
                "council-tax",
                "--outcome",
                "signposted",
                "--partner",
                "citizens-advice",
            ])
            .success(),
    );
    let assert = desk.cmd().arg("visits").assert().success();
    let table = stdout(&assert);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 2, "{table}");
    for heading in ["Started", "Desk", "Outcome", "Services", "Partners", "Id"] {
        assert!(lines[0].contains(heading), "{table}");
    }
    assert!(lines[1].contains(id.trim()));
    // As the screen names them: the outcome's label, the service's title, the partner's name.
    assert!(lines[1].contains("  Signposted  "), "{table}");
    assert!(lines[1].contains("  Council tax  "), "{table}");
    assert!(lines[1].contains("  Citizens Advice  "), "{table}");
    assert!(
        !lines[1].contains("council-tax") && !lines[1].contains("citizens-advice"),
        "{table}"
    );
}

#[test]
fn visits_with_no_log_yet_is_empty_not_an_error() {
    let desk = Desk::new();
    desk.cmd()
        .arg("visits")
        .assert()
        .success()
        .stdout("No visits logged yet.\n");
    assert_eq!(desk.visits_json(&[]), Vec::<Value>::new());
    assert!(!desk.visits_file().exists());
}

#[test]
fn from_and_to_are_local_days_with_to_included_across_bst() {
    let desk = Desk::new();
    let utc = |month, day, hour, min| {
        Utc.with_ymd_and_hms(2026, month, day, hour, min, 0)
            .unwrap()
    };
    // In London in July (BST, UTC+1): 30 June 23:30, 1 July 00:30, 1 July 23:30, 2 July 00:30.
    desk.save(&[
        visit_at(utc(6, 30, 22, 30), "a"),
        visit_at(utc(6, 30, 23, 30), "b"),
        visit_at(utc(7, 1, 22, 30), "c"),
        visit_at(utc(7, 1, 23, 30), "d"),
    ]);
    let services = |args: &[&str]| -> Vec<String> {
        desk.visits_json(args)
            .iter()
            .map(|v| v["services"][0]["service"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        services(&["--from", "2026-07-01", "--to", "2026-07-01"]),
        ["b", "c"]
    );
    assert_eq!(services(&["--from", "2026-07-02"]), ["d"]);
    assert_eq!(services(&["--to", "2026-06-30"]), ["a"]);
    assert_eq!(services(&[]), ["a", "b", "c", "d"]);
    // The words this command used before every command said --from and --to still work.
    assert_eq!(
        services(&["--since", "2026-07-01", "--until", "2026-07-01"]),
        ["b", "c"]
    );
}

#[test]
fn visits_reads_one_desk_with_desk_and_hides_the_old_words_from_help() {
    let desk = Desk::new();
    let at = Utc::now() - chrono::Duration::minutes(5);
    let mut other = visit_at(at, "b");
    other.desk = "Library".into();
    desk.save(&[visit_at(at, "a"), other]);
    let services = |args: &[&str]| -> Vec<String> {
        desk.visits_json(args)
            .iter()
            .map(|v| v["services"][0]["service"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(services(&["--desk", "Library"]), ["b"]);
    assert_eq!(
        services(&["--desk", "Library", "--from", "yesterday"]),
        ["b"]
    );
    assert_eq!(services(&[]).len(), 2);
    let help = desk.cmd().args(["visits", "--help"]).assert().success();
    let help = String::from_utf8_lossy(&help.get_output().stdout).to_string();
    assert!(
        help.contains("--from <DATE>") && help.contains("--desk <NAME>"),
        "{help}"
    );
    assert!(
        !help.contains("--since") && !help.contains("--until"),
        "{help}"
    );
}

#[test]
fn a_bad_date_names_the_flag_and_the_expected_form() {
    let desk = Desk::new();
    let assert = desk
        .cmd()
        .args(["visits", "--since", "12/03/2026"])
        .assert()
        .failure();
    assert_eq!(
        stderr(&assert).trim(),
        "frontdesk: --from: '12/03/2026' is not a date; use YYYY-MM-DD (e.g. 2026-03-31), today or yesterday"
    );
    desk.cmd()
        .args(["visits", "--to", "2026-02-30"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--to: '2026-02-30' is not a date"));
    desk.cmd()
        .args(["visits", "--from", "2026-03-02", "--to", "2026-03-01"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--from 2026-03-02 is after --to 2026-03-01",
        ));
}

// ---- purge ----

fn days_ago(days: i64) -> DateTime<Utc> {
    Utc::now() - chrono::Duration::days(days)
}

#[test]
fn purge_says_how_many_it_would_remove_then_removes_exactly_those() {
    let desk = Desk::new();
    desk.save(&[
        visit_at(days_ago(1000), "old"),
        visit_at(days_ago(731), "old"),
        visit_at(days_ago(729), "kept"),
        visit_at(days_ago(1), "kept"),
    ]);
    let assert = desk.cmd().args(["purge", "--dry-run"]).assert().success();
    assert!(
        stdout(&assert).starts_with("Would remove 2 visits older than 730 days"),
        "{}",
        stdout(&assert)
    );
    assert_eq!(desk.stored(), 4);

    let assert = desk.cmd().arg("purge").assert().success();
    assert!(stdout(&assert).starts_with("Removed 2 visits older than 730 days"));
    let left: Vec<Value> = desk.visits_json(&[]);
    assert_eq!(left.len(), 2);
    assert!(left.iter().all(|v| v["services"][0]["service"] == "kept"));

    let assert = desk
        .cmd()
        .args(["purge", "--older-than", "30"])
        .assert()
        .success();
    assert!(stdout(&assert).starts_with("Removed 1 visit older than 30 days"));
    assert_eq!(desk.stored(), 1);
}

#[test]
fn purge_uses_retention_days_from_the_config_and_refuses_zero() {
    let desk = Desk::new();
    fs::write(desk.config(), "retention_days = 100\n").unwrap();
    desk.save(&[
        visit_at(days_ago(101), "old"),
        visit_at(days_ago(99), "kept"),
    ]);
    desk.cmd()
        .arg("purge")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Removed 1 visit older than 100 days",
        ));
    desk.cmd()
        .args(["purge", "--older-than", "0"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--older-than must be a whole number of days from 1 to 36500, not \"0\"",
        ));
    assert_eq!(desk.stored(), 1);
}

// ---- backup ----

fn backed_up(path: &Path) -> usize {
    let conn = rusqlite::Connection::open(path).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    conn.query_row("SELECT count(*) FROM visits", [], |r| r.get::<_, i64>(0))
        .unwrap() as usize
}

#[test]
fn backup_writes_a_copy_and_says_where() {
    let desk = Desk::new();
    for _ in 0..3 {
        desk.log(&["--service", "council-tax", "--outcome", "resolved"])
            .success();
    }
    let dest = desk.dir.path().join("copies").join("visits-copy.sqlite3");
    desk.cmd()
        .arg("backup")
        .arg(&dest)
        .assert()
        .success()
        .stdout(format!("Backed up the visit log to {}\n", dest.display()));
    assert_eq!(backed_up(&dest), 3);

    // A folder gets a dated file inside it.
    let folder = desk.dir.path().join("copies");
    let assert = desk.cmd().arg("backup").arg(&folder).assert().success();
    let out = stdout(&assert);
    let written = PathBuf::from(
        out.trim()
            .strip_prefix("Backed up the visit log to ")
            .unwrap(),
    );
    assert_eq!(written.parent(), Some(folder.as_path()));
    assert!(
        written
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("visits-")
    );
    assert_eq!(backed_up(&written), 3);
}

#[test]
fn backup_without_a_log_or_over_the_log_is_refused() {
    let desk = Desk::new();
    desk.cmd()
        .args(["backup"])
        .arg(desk.dir.path().join("copy.sqlite3"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("there is no visit log at"));
    desk.log(&["--service", "council-tax", "--outcome", "resolved"])
        .success();
    desk.cmd()
        .arg("backup")
        .arg(desk.visits_file())
        .assert()
        .failure()
        .stderr(predicate::str::contains("that is the visit log itself"));
    assert_eq!(desk.stored(), 1);
}
