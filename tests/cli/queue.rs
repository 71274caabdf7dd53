//! The waiting list: tickets, calling the longest waiting to a desk, desks sharing one data
//! folder, arrivals by appointment joining the list, and what the display polls.

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use chrono::{Duration, TimeZone, Utc};
use frontdesk::store::Store;
use serde_json::Value;
use tempfile::TempDir;

const CATALOGUE: &str = r#"
[council]
name = "Test Council"
version = "t1"

[[service]]
id = "housing-options"
title = "Housing options"
summary = "Help to keep your home or find one."
review_by = "2027-06-30"

[[service]]
id = "council-tax"
title = "Council tax"
summary = "Pay or ask about council tax."
review_by = "2027-06-30"

[[place]]
id = "town-hall"
name = "Town Hall"
address = "1 Test Square, Testville"

[[appointments]]
service = "housing-options"
place = "town-hall"
hours = [{ days = "every day", opens = "00:00", closes = "24:00" }]
slot_minutes = 60
capacity = 3
open_on_bank_holidays = true
ticket_letter = "H"
"#;

struct Room {
    dir: TempDir,
}

impl Room {
    fn new() -> Room {
        let room = Room {
            dir: TempDir::new().unwrap(),
        };
        fs::create_dir_all(room.catalogue()).unwrap();
        fs::write(room.catalogue().join("catalogue.toml"), CATALOGUE).unwrap();
        fs::write(room.dir.path().join("config.toml"), "").unwrap();
        room
    }

    fn catalogue(&self) -> PathBuf {
        self.dir.path().join("catalogue")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// The command as run at one desk of the room.
    fn at_desk(&self, desk: &str) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("frontdesk"));
        cmd.env("FRONTDESK_CONFIG", self.dir.path().join("config.toml"))
            .env("FRONTDESK_DESK", desk)
            .env_remove("FRONTDESK_DATA_DIR")
            .env_remove("FRONTDESK_CATALOGUE")
            .env_remove("FRONTDESK_LANGUAGE")
            .arg("--data-dir")
            .arg(self.data())
            .arg("--catalogue")
            .arg(self.catalogue());
        cmd
    }

    fn json(&self, desk: &str, args: &[&str]) -> Value {
        let output = self.at_desk(desk).args(args).output().unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    }

    fn text(&self, desk: &str, args: &[&str]) -> String {
        let output = self.at_desk(desk).args(args).output().unwrap();
        assert!(output.status.success(), "{args:?}");
        String::from_utf8(output.stdout).unwrap()
    }
}

#[test]
fn tickets_are_a_letter_and_a_number_and_call_takes_the_longest_waiting() {
    let room = Room::new();
    let first = room.json(
        "Reception",
        &["queue", "add", "--service", "housing-options", "--json"],
    );
    assert_eq!(first["ticket"], "H1");
    assert_eq!(
        room.text("Reception", &["queue", "add", "--service", "council-tax"])
            .trim(),
        "C1"
    );
    assert_eq!(
        room.text(
            "Reception",
            &["queue", "add", "--service", "housing-options"]
        )
        .trim(),
        "H2"
    );
    // For council tax only: C1, though H1 has waited longer.
    let called = room.json(
        "Desk 2",
        &["queue", "call", "--service", "council-tax", "--json"],
    );
    assert_eq!(called["ticket"], "C1");
    assert_eq!(called["desk"], "Desk 2");
    // Any service: the longest waiting, H1, then H2.
    let said = room.text("Desk 3", &["queue", "call"]);
    assert!(said.contains("H1") && said.contains("Desk 3"), "{said}");
    assert_eq!(
        room.json("Desk 1", &["queue", "call", "--json"])["ticket"],
        "H2"
    );
    assert_eq!(
        room.json("Desk 1", &["queue", "call", "--json"]),
        Value::Null
    );
    assert!(
        room.text("Desk 1", &["queue", "call"])
            .contains("Nobody is waiting")
    );
    let unknown = room
        .at_desk("Desk 1")
        .args(["queue", "add", "--service", "nope"])
        .output()
        .unwrap();
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no service or partner has this id"));
}

#[test]
fn a_call_at_one_desk_is_seen_at_another_sharing_the_data_folder() {
    let room = Room::new();
    room.json(
        "Reception",
        &["queue", "add", "--service", "housing-options", "--json"],
    );
    room.json(
        "Reception",
        &["queue", "add", "--service", "housing-options", "--json"],
    );
    room.json("Interview 2", &["queue", "call", "--json"]);
    let list = room.json("Reception", &["queue", "list", "--json"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    // Waiting first, then those called.
    assert_eq!(list[0]["ticket"], "H2");
    assert_eq!(list[0]["waiting"], true);
    assert_eq!(list[1]["ticket"], "H1");
    assert_eq!(list[1]["desk"], "Interview 2");
    assert!(list[1]["waited_minutes"].as_i64().unwrap() >= 0);
    let table = room.text("Reception", &["queue", "list"]);
    assert!(table.contains("Interview 2"), "{table}");
}

#[test]
fn a_resident_checked_in_for_an_appointment_joins_the_waiting_list() {
    let room = Room::new();
    let booking = room.json(
        "Reception",
        &[
            "appointments",
            "book",
            "--service",
            "housing-options",
            "--next",
            "--json",
        ],
    );
    let reference = booking["reference"].as_str().unwrap();
    room.json(
        "Reception",
        &["appointments", "arrive", reference, "--json"],
    );
    let called = room.json("Desk 1", &["queue", "call", "--json"]);
    assert_eq!(called["reference"], reference);
    assert_eq!(called["ticket"], "H1");
    let day = booking["at"].as_str().unwrap()[..10].to_string();
    let list = room.json(
        "Desk 1",
        &["appointments", "list", "--date", &day, "--json"],
    );
    assert_eq!(list[0]["state"], "called");
}

#[test]
fn the_display_sees_a_call_made_by_another_desk_through_the_files_data_version() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let display = Store::open(&path).unwrap();
    let mut desk = Store::open(&path).unwrap();
    let now = Utc.with_ymd_and_hms(2027, 1, 12, 10, 0, 0).unwrap();
    desk.add_ticket("housing-options", 'H', now).unwrap();
    let before = display.data_version().unwrap();
    let called = desk
        .call_next(None, "Desk 4", now + Duration::minutes(12))
        .unwrap()
        .unwrap();
    assert_eq!(called.waited_minutes(now), 12);
    assert_ne!(display.data_version().unwrap(), before);
    let day = frontdesk::appointments::london::today(now);
    let seen = display.tickets_on(day).unwrap();
    assert_eq!(seen[0].desk.as_deref(), Some("Desk 4"));
    // Tickets start again each day.
    let tomorrow = now + Duration::days(1);
    assert_eq!(
        desk.add_ticket("housing-options", 'H', tomorrow)
            .unwrap()
            .ticket,
        "H1"
    );
}

#[test]
fn the_report_counts_bookings_kept_and_the_wait_in_json_csv_and_table() {
    let room = Room::new();
    let booking = room.json(
        "Reception",
        &[
            "appointments",
            "book",
            "--service",
            "housing-options",
            "--next",
            "--json",
        ],
    );
    let reference = booking["reference"].as_str().unwrap();
    room.json(
        "Reception",
        &["appointments", "arrive", reference, "--json"],
    );
    room.json(
        "Reception",
        &["queue", "add", "--service", "council-tax", "--json"],
    );
    room.json("Desk 1", &["queue", "call", "--json"]);
    let day = booking["at"].as_str().unwrap()[..10].to_string();
    let today = frontdesk::appointments::london::today(Utc::now()).to_string();
    let period = ["--from", &today, "--to", &day];
    let report = room.json(
        "Desk 1",
        &[&["report", "--format", "json"][..], &period].concat(),
    );
    let figures = &report["appointments"];
    assert_eq!(figures["bookings"], 1);
    assert_eq!(figures["kept"], 1);
    assert_eq!(figures["by_appointment"], 1);
    assert_eq!(figures["walk_ins"], 1);
    assert_eq!(figures["waiting"]["called"], 1);
    assert_eq!(
        figures["by_service_and_place"][0]["id"],
        "housing-options@town-hall"
    );
    let csv = room.text(
        "Desk 1",
        &[&["report", "--format", "csv"][..], &period].concat(),
    );
    assert!(csv.contains("appointments,,kept,1"), "{csv}");
    let table = room.text("Desk 1", &[&["report"][..], &period].concat());
    assert!(table.contains("Appointments and waiting"), "{table}");
}
