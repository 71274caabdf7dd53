//! Appointments: the catalogue's places and offers, the slot rules, booking (eight processes
//! racing for the last place), references, needs, check-in, cancelling, no-shows and the slip,
//! against real SQLite files and the real binary.

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use frontdesk::appointments::needs::Need;
use frontdesk::appointments::slots::{self, NoSlots, Taken};
use frontdesk::appointments::{BookingState, london, reference};
use frontdesk::catalogue::Catalogue;
use frontdesk::store::Store;
use frontdesk::store::bookings::{Booked, Change, NewBooking};
use serde_json::Value;
use tempfile::TempDir;

const COUNCIL: &str = r#"
[council]
name = "Test Council"
version = "t1"
phone = "01632 960000"

[council.cy]
name = "Cyngor Prawf"

[[service]]
id = "housing-options"
title = "Housing options"
summary = "Help to keep your home or find one."
bring = ["Any letter from your landlord", "Proof of income"]
review_by = "2027-06-30"

[service.cy]
title = "Opsiynau tai"
bring = ["Unrhyw lythyr gan eich landlord", "Prawf o incwm"]

[[service]]
id = "council-tax"
title = "Council tax"
summary = "Pay or ask about council tax."
review_by = "2027-06-30"

[[place]]
id = "town-hall"
name = "Town Hall"
address = "1 Test Square, Testville"
accessibility = "Step-free entrance."

[place.cy]
name = "Neuadd y Dref"
address = "1 Sgwâr Prawf, Testville"
"#;

/// One slot an hour, every hour of every day, one resident each, bank holidays included: a
/// catalogue whose slots do not depend on the day the tests run.
const EVERY_HOUR: &str = r#"
[[appointments]]
service = "housing-options"
place = "town-hall"
hours = [{ days = "every day", opens = "00:00", closes = "24:00" }]
slot_minutes = 60
capacity = 1
horizon_days = 30
open_on_bank_holidays = true
ticket_letter = "H"
"#;

struct Desk {
    dir: TempDir,
}

impl Desk {
    fn new() -> Desk {
        Desk::with_offers(EVERY_HOUR)
    }

    fn with_offers(offers: &str) -> Desk {
        let desk = Desk {
            dir: TempDir::new().unwrap(),
        };
        fs::create_dir_all(desk.catalogue()).unwrap();
        fs::write(desk.catalogue().join("council.toml"), COUNCIL).unwrap();
        fs::write(desk.catalogue().join("appointments.toml"), offers).unwrap();
        fs::write(desk.config(), "").unwrap();
        desk
    }

    fn catalogue(&self) -> PathBuf {
        self.dir.path().join("catalogue")
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn visits_file(&self) -> PathBuf {
        self.data().join("visits.sqlite3")
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("frontdesk"));
        cmd.env("FRONTDESK_CONFIG", self.config());
        for name in [
            "FRONTDESK_DATA_DIR",
            "FRONTDESK_CATALOGUE",
            "FRONTDESK_DESK",
            "FRONTDESK_STAFF",
            "FRONTDESK_LANGUAGE",
        ] {
            cmd.env_remove(name);
        }
        cmd.arg("--data-dir")
            .arg(self.data())
            .arg("--catalogue")
            .arg(self.catalogue());
        cmd
    }

    fn json(&self, args: &[&str]) -> Value {
        let output = self.cmd().args(args).output().unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    }

    fn fails(&self, args: &[&str]) -> String {
        let output = self.cmd().args(args).output().unwrap();
        assert!(!output.status.success(), "{args:?} should fail");
        let stderr = String::from_utf8_lossy(&output.stderr).trim().to_string();
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        stderr
    }

    fn book(&self, at: &str, extra: &[&str]) -> Value {
        let mut args = vec![
            "appointments",
            "book",
            "--service",
            "housing-options",
            "--at",
            at,
            "--json",
        ];
        args.extend_from_slice(extra);
        self.json(&args)
    }

    fn bookings(&self) -> usize {
        let store = Store::open(&self.visits_file()).unwrap();
        store
            .bookings_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC)
            .unwrap()
            .len()
    }
}

/// Tomorrow in the UK, and a time on it.
fn tomorrow() -> NaiveDate {
    london::today(Utc::now()) + Duration::days(1)
}

fn tomorrow_at(hour: u32) -> String {
    format!("{}T{hour:02}:00", tomorrow())
}

#[test]
fn slots_list_each_slot_with_service_place_at_and_free() {
    let desk = Desk::new();
    let day = tomorrow().to_string();
    let slots = desk.json(&["appointments", "slots", "--date", &day, "--json"]);
    let slots = slots.as_array().unwrap();
    assert!(slots.len() >= 23, "{slots:?}");
    let first = &slots[0];
    assert_eq!(first["service"], "housing-options");
    assert_eq!(first["place"], "town-hall");
    assert_eq!(first["at"], format!("{day}T00:00"));
    assert_eq!(first["free"], 1);
    let text = desk
        .cmd()
        .args(["appointments", "slots", "--date", &day])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&text).contains(&format!("{day}T10:00")));
}

#[test]
fn booking_prints_a_reference_and_takes_the_last_place() {
    let desk = Desk::new();
    let at = tomorrow_at(10);
    let booking = desk.book(&at, &[]);
    let reference = booking["reference"].as_str().unwrap().to_string();
    assert_eq!(reference::normalise(&reference), Some(reference.clone()));
    assert_eq!(booking["at"], at);
    assert_eq!(booking["state"], "booked");
    let slots = desk.json(&[
        "appointments",
        "slots",
        "--date",
        &tomorrow().to_string(),
        "--json",
    ]);
    let slot = slots
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["at"] == at)
        .unwrap();
    assert_eq!(slot["free"], 0);
    let full = desk.fails(&[
        "appointments",
        "book",
        "--service",
        "housing-options",
        "--at",
        &at,
    ]);
    assert!(full.contains("is full"), "{full}");
    assert_eq!(desk.bookings(), 1);
    // --next takes the nearest free slot instead.
    let next = desk.json(&[
        "appointments",
        "book",
        "--service",
        "housing-options",
        "--next",
        "--json",
    ]);
    assert_ne!(next["reference"], booking["reference"]);
    assert_eq!(desk.bookings(), 2);
}

#[test]
fn eight_processes_racing_for_the_last_place_give_exactly_one_booking() {
    let desk = Desk::new();
    // The file exists before the race, as at any desk that has run once.
    desk.json(&["appointments", "list", "--json"]);
    let at = tomorrow_at(14);
    let racers: Vec<std::process::Child> = (0..8)
        .map(|_| {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("frontdesk"));
            cmd.env("FRONTDESK_CONFIG", desk.config())
                .env_remove("FRONTDESK_DATA_DIR")
                .env_remove("FRONTDESK_CATALOGUE")
                .arg("--data-dir")
                .arg(desk.data())
                .arg("--catalogue")
                .arg(desk.catalogue())
                .args([
                    "appointments",
                    "book",
                    "--service",
                    "housing-options",
                    "--at",
                    &at,
                ])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            cmd.spawn().unwrap()
        })
        .collect();
    let outcomes: Vec<std::process::Output> = racers
        .into_iter()
        .map(|child| child.wait_with_output().unwrap())
        .collect();
    let won = outcomes.iter().filter(|o| o.status.success()).count();
    assert_eq!(won, 1, "exactly one wins");
    for lost in outcomes.iter().filter(|o| !o.status.success()) {
        let stderr = String::from_utf8_lossy(&lost.stderr);
        assert!(
            stderr.contains("full") || stderr.contains("taken"),
            "{stderr}"
        );
    }
    assert_eq!(desk.bookings(), 1);
}

#[test]
fn a_booking_is_found_checked_in_and_cancelled_by_its_reference() {
    let desk = Desk::new();
    let kept = desk.book(&tomorrow_at(9), &[]);
    let dropped = desk.book(&tomorrow_at(11), &[]);
    let kept_ref = kept["reference"].as_str().unwrap();
    let dropped_ref = dropped["reference"].as_str().unwrap();
    // Typed as a receptionist might: lower case, with a space.
    let typed = format!("{} {}", &kept_ref[..3].to_lowercase(), &kept_ref[3..]);
    let arrived = desk.json(&["appointments", "arrive", &typed, "--json"]);
    assert_eq!(arrived["booking"]["state"], "arrived");
    assert_eq!(arrived["ticket"]["ticket"], "H1");
    let cancelled = desk.json(&["appointments", "cancel", dropped_ref, "--json"]);
    assert_eq!(cancelled["state"], "cancelled");
    let day = tomorrow().to_string();
    let list = desk.json(&["appointments", "list", "--date", &day, "--json"]);
    let states: Vec<(&str, &str)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["reference"].as_str().unwrap(),
                b["state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        states,
        vec![(kept_ref, "arrived"), (dropped_ref, "cancelled")]
    );
    // The cancelled place is free again.
    desk.book(&tomorrow_at(11), &[]);
    let again = desk.fails(&["appointments", "arrive", kept_ref]);
    assert!(again.contains("arrived"), "{again}");
    let twice = desk.fails(&["appointments", "cancel", dropped_ref]);
    assert!(twice.contains("cancelled"), "{twice}");
    let unknown = reference::ReferenceMaker::new([9; 32]).reference(5);
    let missing = desk.fails(&["appointments", "cancel", &unknown]);
    assert!(
        missing.contains("no booking has the reference"),
        "{missing}"
    );
    let garbled = desk.fails(&["appointments", "arrive", "O0I1L"]);
    assert!(garbled.contains("not a booking reference"), "{garbled}");
}

#[test]
fn needs_from_the_list_are_kept_and_personal_data_is_refused() {
    let desk = Desk::new();
    let booking = desk.book(
        &tomorrow_at(15),
        &["--needs", "interpreter=bsl", "--needs", "step-free"],
    );
    let needs: Vec<String> = booking["needs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.to_string())
        .collect();
    assert_eq!(needs.len(), 2, "{needs:?}");
    assert!(needs[0].contains("BSL"), "{needs:?}");
    let refused = desk.fails(&[
        "appointments",
        "book",
        "--service",
        "housing-options",
        "--at",
        &tomorrow_at(16),
        "--needs",
        "interpreter=Polish, call 07700 900123",
    ]);
    assert!(refused.contains("phone number"), "{refused}");
    let unknown = desk.fails(&[
        "appointments",
        "book",
        "--service",
        "housing-options",
        "--at",
        &tomorrow_at(16),
        "--needs",
        "ramp please",
    ]);
    assert!(unknown.contains("step-free"), "{unknown}");
    assert_eq!(desk.bookings(), 1);
}

#[test]
fn bad_input_is_one_sentence_and_books_nothing() {
    let desk = Desk::new();
    for (args, says) in [
        (
            vec![
                "appointments",
                "book",
                "--service",
                "housing-options",
                "--at",
                "tomorrow at 10",
            ],
            "YYYY-MM-DDTHH:MM",
        ),
        (
            vec!["appointments", "book", "--service", "council-tax", "--next"],
            "offers no appointments",
        ),
        (
            vec!["appointments", "book", "--service", "nope", "--next"],
            "no service has this id",
        ),
        (
            vec!["appointments", "slots", "--place", "nowhere"],
            "no place has this id",
        ),
        (
            vec!["appointments", "slots", "--date", "12/01/2027"],
            "YYYY-MM-DD",
        ),
        (
            vec![
                "appointments",
                "book",
                "--service",
                "housing-options",
                "--at",
                "2020-01-01T10:00",
            ],
            "already started",
        ),
        (
            vec![
                "appointments",
                "book",
                "--service",
                "housing-options",
                "--at",
                "2099-01-01T10:00",
            ],
            "days ahead",
        ),
    ] {
        let message = desk.fails(&args);
        assert!(message.contains(says), "{args:?}: {message}");
    }
    let half_past = format!("{}T10:30", tomorrow());
    let message = desk.fails(&[
        "appointments",
        "book",
        "--service",
        "housing-options",
        "--at",
        &half_past,
    ]);
    assert!(message.contains("not the start of a slot"), "{message}");
    assert!(!desk.visits_file().exists() || desk.bookings() == 0);
}

#[test]
fn the_slip_gives_date_time_place_address_and_what_to_bring_in_welsh_when_asked() {
    let desk = Desk::new();
    let booking = desk.book(&tomorrow_at(10), &["--needs", "hearing-loop"]);
    let reference = booking["reference"].as_str().unwrap();
    let english = desk
        .cmd()
        .args(["slip", "--appointment", reference])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let english = String::from_utf8(english).unwrap();
    for part in [
        reference,
        "Housing options",
        "Town Hall",
        "1 Test Square, Testville",
        "Any letter from your landlord",
        "hearing loop",
        "at 10am",
    ] {
        assert!(english.contains(part), "{part}: {english}");
    }
    let welsh = desk
        .cmd()
        .args(["slip", "--appointment", reference, "--language", "cy"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let welsh = String::from_utf8(welsh).unwrap();
    for part in [
        "Eich apwyntiad",
        "Opsiynau tai",
        "Neuadd y Dref",
        "1 Sgwâr Prawf, Testville",
        "Prawf o incwm",
        "dolen sain",
    ] {
        assert!(welsh.contains(part), "{part}: {welsh}");
    }
}

#[test]
fn check_names_the_file_line_and_field_of_a_wrong_offer() {
    let desk = Desk::with_offers(
        r#"
[[appointments]]
service = "housing-options"
place = "town-hal"
hours = [{ days = "Mondays", opens = "9am", closes = "12:00" }]
slot_minutes = 0
capacity = 1
"#,
    );
    let output = desk.cmd().arg("check").output().unwrap();
    assert!(!output.status.success());
    let text = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(text.contains("appointments.toml:4:"), "{text}");
    assert!(text.contains("did you mean \"town-hall\""), "{text}");
    assert!(text.contains("appointments.toml:6:"), "{text}");
    assert!(text.contains("slot_minutes 0"), "{text}");
    assert!(text.contains("opens"), "{text}");
}

#[test]
fn the_built_in_catalogue_has_places_offers_and_bank_holidays_that_pass_check() {
    let catalogue = Catalogue::embedded().unwrap();
    let appointments = &catalogue.appointments;
    for service in [
        "homelessness",
        "benefits-check",
        "library-digital-help",
        "debt-advice",
    ] {
        assert!(
            appointments.offers_of(Some(service), None).next().is_some(),
            "{service}"
        );
    }
    assert!(appointments.is_bank_holiday(NaiveDate::from_ymd_opt(2026, 12, 28).unwrap()));
    let report =
        frontdesk::catalogue::check::check_embedded(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
    assert_eq!(report.errors(), 0, "{:?}", report.problems);
    let desk = Desk::new();
    // The built-in catalogue: no --catalogue.
    let mut plain = Command::new(assert_cmd::cargo::cargo_bin!("frontdesk"));
    plain
        .env("FRONTDESK_CONFIG", desk.config())
        .env_remove("FRONTDESK_CATALOGUE")
        .arg("--data-dir")
        .arg(desk.data());
    let output = plain
        .args([
            "appointments",
            "book",
            "--service",
            "homelessness",
            "--next",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let booking: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(booking["place"], "council-offices");
}

// The slot rules, against a fixed clock.

fn catalogue_of(offers: &str) -> (TempDir, Catalogue) {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("council.toml"), COUNCIL).unwrap();
    fs::write(dir.path().join("appointments.toml"), offers).unwrap();
    let catalogue = Catalogue::from_dir(dir.path()).unwrap();
    (dir, catalogue)
}

fn local(text: &str) -> NaiveDateTime {
    slots::parse_at(text).unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

const WEEKDAYS: &str = r#"
[[appointments]]
service = "housing-options"
place = "town-hall"
hours = [
  { days = "Monday to Friday", opens = "09:00", closes = "12:00" },
  { days = "Sunday", opens = "00:00", closes = "04:00" },
]
slot_minutes = 60
capacity = 2
horizon_days = 14
closed = [2027-01-13]

[bank_holidays]
name = "England and Wales"
dates = [2027-03-26, 2027-03-29]
review_by = 2027-11-30
"#;

#[test]
fn slot_rules_capacity_closed_dates_bank_holidays_and_horizon() {
    let (_dir, catalogue) = catalogue_of(WEEKDAYS);
    let a = &catalogue.appointments;
    // Monday 11 January 2027, 08:00 in London.
    let now = Utc.with_ymd_and_hms(2027, 1, 11, 8, 0, 0).unwrap();
    let none = Taken::new();
    let monday = slots::on_day(a, None, None, day("2027-01-11"), now, &none);
    let times: Vec<String> = monday
        .iter()
        .map(|s| s.at.format("%H:%M").to_string())
        .collect();
    assert_eq!(times, ["09:00", "10:00", "11:00"]);
    assert!(monday.iter().all(|s| s.free == 2));
    // Capacity: one booked leaves one; two leave none.
    let starts = monday[0].starts.timestamp_millis();
    let mut taken = Taken::new();
    taken.insert(("housing-options".into(), "town-hall".into(), starts), 2);
    let full = slots::on_day(a, None, None, day("2027-01-11"), now, &taken);
    assert_eq!(full[0].free, 0);
    assert_eq!(full[1].free, 2);
    let next = slots::next_free(a, Some("housing-options"), None, now, &taken).unwrap();
    assert_eq!(next.at, local("2027-01-11T10:00"));
    // Later the same morning, the slots already started are gone.
    let half_ten = Utc.with_ymd_and_hms(2027, 1, 11, 10, 30, 0).unwrap();
    assert_eq!(
        slots::on_day(a, None, None, day("2027-01-11"), half_ten, &none).len(),
        1
    );
    // A closed date.
    assert!(slots::on_day(a, None, None, day("2027-01-13"), now, &none).is_empty());
    let offer = &a.offers[0];
    assert_eq!(
        slots::find(offer, a, local("2027-01-13T09:00"), now, &none),
        Err(NoSlots::ClosedDate)
    );
    // The horizon: 14 days ahead is bookable, 15 is not.
    assert_eq!(
        slots::on_day(a, None, None, day("2027-01-25"), now, &none).len(),
        3
    );
    assert_eq!(
        slots::find(offer, a, local("2027-01-26T09:00"), now, &none),
        Err(NoSlots::BeyondHorizon)
    );
    // The past.
    assert_eq!(
        slots::find(offer, a, local("2027-01-08T09:00"), now, &none),
        Err(NoSlots::Past)
    );
    // A bank holiday (Easter Monday 2027), seen from within the horizon.
    let before_easter = Utc.with_ymd_and_hms(2027, 3, 22, 8, 0, 0).unwrap();
    assert!(slots::on_day(a, None, None, day("2027-03-29"), before_easter, &none).is_empty());
    assert_eq!(
        slots::find(offer, a, local("2027-03-29T09:00"), before_easter, &none),
        Err(NoSlots::BankHoliday)
    );
    assert_eq!(
        slots::on_day(a, None, None, day("2027-03-30"), before_easter, &none).len(),
        3
    );
}

#[test]
fn slots_follow_local_time_across_the_clock_changes() {
    let (_dir, catalogue) = catalogue_of(WEEKDAYS);
    let a = &catalogue.appointments;
    let now = Utc.with_ymd_and_hms(2027, 3, 22, 8, 0, 0).unwrap();
    let none = Taken::new();
    // Friday 26 March is a bank holiday here; Thursday 25th is GMT, Wednesday 31st is BST.
    let winter = slots::on_day(a, None, None, day("2027-03-25"), now, &none);
    assert_eq!(winter[0].at, local("2027-03-25T09:00"));
    assert_eq!(winter[0].starts.to_rfc3339(), "2027-03-25T09:00:00+00:00");
    let summer = slots::on_day(a, None, None, day("2027-03-31"), now, &none);
    assert_eq!(summer[0].at, local("2027-03-31T09:00"));
    assert_eq!(summer[0].starts.to_rfc3339(), "2027-03-31T08:00:00+00:00");
    // Sunday 28 March: the clocks go forward at 1am, so the 1am slot does not exist.
    let sunday = slots::on_day(a, None, None, day("2027-03-28"), now, &none);
    let times: Vec<String> = sunday
        .iter()
        .map(|s| s.at.format("%H:%M").to_string())
        .collect();
    assert_eq!(times, ["00:00", "02:00", "03:00"]);
    // Sunday 31 October: the clocks go back, the 1am slot is the first 1am.
    let autumn_now = Utc.with_ymd_and_hms(2027, 10, 25, 8, 0, 0).unwrap();
    let autumn = slots::on_day(a, None, None, day("2027-10-31"), autumn_now, &none);
    assert_eq!(autumn.len(), 4);
    assert_eq!(autumn[1].starts.to_rfc3339(), "2027-10-31T00:00:00+00:00");
}

fn booking_for<'a>(slot: &'a slots::Slot, needs: &'a [Need]) -> NewBooking<'a> {
    NewBooking {
        service: &slot.service,
        place: &slot.place,
        at: slot.at,
        starts: slot.starts,
        minutes: slot.minutes,
        capacity: slot.capacity,
        needs,
        no_show_after: Duration::minutes(15),
    }
}

#[test]
fn a_booking_not_checked_in_fifteen_minutes_after_its_start_is_a_no_show() {
    let dir = TempDir::new().unwrap();
    let (_c, catalogue) = catalogue_of(WEEKDAYS);
    let a = &catalogue.appointments;
    let booked_at = Utc.with_ymd_and_hms(2027, 1, 11, 8, 0, 0).unwrap();
    let slot = slots::on_day(a, None, None, day("2027-01-11"), booked_at, &Taken::new()).remove(0);
    let mut store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    let Booked::Made(booking) = store.book(&booking_for(&slot, &[]), booked_at).unwrap() else {
        panic!("the slot is free");
    };
    let Booked::Made(on_time) = store.book(&booking_for(&slot, &[]), booked_at).unwrap() else {
        panic!("the slot takes two");
    };
    // The clock is injected: 14 minutes after the start, still booked.
    assert_eq!(
        store
            .mark_no_shows(slot.starts + Duration::minutes(14))
            .unwrap(),
        0
    );
    let arrived = store
        .arrive(&on_time.reference, 'H', slot.starts + Duration::minutes(14))
        .unwrap();
    assert!(matches!(arrived, Change::Done(_)));
    assert_eq!(
        store
            .mark_no_shows(slot.starts + Duration::minutes(15))
            .unwrap(),
        1
    );
    let state = |store: &Store, r: &str| store.booking(r).unwrap().unwrap().state;
    assert_eq!(state(&store, &booking.reference), BookingState::NoShow);
    assert_eq!(state(&store, &on_time.reference), BookingState::Arrived);
    // A no-show cannot be cancelled, but a late resident can still be checked in.
    assert_eq!(
        store
            .cancel(&booking.reference, slot.starts + Duration::minutes(20))
            .unwrap(),
        Change::Refused(BookingState::NoShow)
    );
    assert!(matches!(
        store
            .arrive(&booking.reference, 'H', slot.starts + Duration::minutes(20))
            .unwrap(),
        Change::Done(_)
    ));
}

#[test]
fn bookings_come_to_logs_from_every_earlier_version() {
    let (_c, catalogue) = catalogue_of(WEEKDAYS);
    let now = Utc.with_ymd_and_hms(2027, 1, 11, 8, 0, 0).unwrap();
    let slot = slots::on_day(
        &catalogue.appointments,
        None,
        None,
        day("2027-01-11"),
        now,
        &Taken::new(),
    )
    .remove(0);
    for version in 0..frontdesk::store::SCHEMA_VERSION {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("visits.sqlite3");
        {
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            frontdesk::store::migrations::migrate_to(&mut conn, &path, version).unwrap();
        }
        let mut store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            frontdesk::store::SCHEMA_VERSION
        );
        assert!(
            matches!(
                store.book(&booking_for(&slot, &[]), now).unwrap(),
                Booked::Made(_)
            ),
            "from version {version}"
        );
    }
}

#[test]
fn seen_follows_check_in_and_takes_the_ticket_off_the_waiting_list() {
    let desk = Desk::new();
    let booking = desk.book(&tomorrow_at(9), &[]);
    let reference = booking["reference"].as_str().unwrap();
    let early = desk.fails(&["appointments", "seen", reference]);
    assert!(early.contains("check the resident in first"), "{early}");
    desk.json(&["appointments", "arrive", reference, "--json"]);
    let seen = desk.json(&[
        "appointments",
        "seen",
        reference,
        "--desk",
        "Desk 2",
        "--json",
    ]);
    assert_eq!(seen["state"], "seen");
    assert!(seen["seen_at"].is_string(), "{seen}");
    // Taken in without a call: the ticket leaves the waiting list, called to that desk.
    let waiting = desk.json(&["queue", "list", "--json"]);
    assert_eq!(waiting[0]["ticket"], "H1");
    assert_eq!(waiting[0]["waiting"], false);
    assert_eq!(waiting[0]["desk"], "Desk 2");
    let twice = desk.fails(&["appointments", "seen", reference]);
    assert!(twice.contains("is seen"), "{twice}");
    let text = desk
        .cmd()
        .args(["appointments", "seen", "O0I1L"])
        .output()
        .unwrap();
    assert!(!text.status.success());

    // A walk-in's ticket, and a ticket that came from a booking, by the queue.
    let walk_in = desk.json(&["queue", "add", "--service", "housing-options", "--json"]);
    let ticket = walk_in["ticket"].as_str().unwrap();
    let seen = desk.json(&["queue", "seen", &ticket.to_lowercase(), "--json"]);
    assert_eq!(seen["ticket"]["ticket"], ticket);
    assert!(seen["ticket"]["called_at"].is_string(), "{seen}");
    assert!(seen["booking"].is_null(), "{seen}");
    let second = desk.book(&tomorrow_at(10), &[]);
    let second_ref = second["reference"].as_str().unwrap();
    let arrived = desk.json(&["appointments", "arrive", second_ref, "--json"]);
    let second_ticket = arrived["ticket"]["ticket"].as_str().unwrap();
    let seen = desk.json(&["queue", "seen", second_ticket, "--json"]);
    assert_eq!(seen["booking"]["state"], "seen");
    assert_eq!(seen["booking"]["reference"], second_ref);
    let unknown = desk.fails(&["queue", "seen", "Z99"]);
    assert!(unknown.contains("today has no ticket Z99"), "{unknown}");
    let garbled = desk.fails(&["queue", "seen", "99"]);
    assert!(garbled.contains("not a ticket"), "{garbled}");
}

#[test]
fn a_longer_slot_takes_two_consecutive_slots_both_free() {
    let desk = Desk::new();
    let longer = desk.book(&tomorrow_at(9), &["--needs", "longer-slot"]);
    assert_eq!(longer["minutes"], 120);
    let slots = desk.json(&[
        "appointments",
        "slots",
        "--date",
        &tomorrow().to_string(),
        "--json",
    ]);
    let free = |at: &str| {
        slots
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["at"] == at)
            .unwrap()["free"]
            .clone()
    };
    assert_eq!(free(&tomorrow_at(9)), 0);
    assert_eq!(free(&tomorrow_at(10)), 0);
    assert_eq!(free(&tomorrow_at(11)), 1);
    // The next slot is taken by the longer one.
    let full = desk.fails(&[
        "appointments",
        "book",
        "--service",
        "housing-options",
        "--at",
        &tomorrow_at(10),
    ]);
    assert!(full.contains("is full"), "{full}");
    // A longer slot at 8 needs 9, which is taken.
    let second = desk.fails(&[
        "appointments",
        "book",
        "--service",
        "housing-options",
        "--at",
        &tomorrow_at(8),
        "--needs",
        "longer-slot",
    ]);
    assert!(second.contains("the one after it"), "{second}");
    // The day's last slot has none after it.
    let last = desk.fails(&[
        "appointments",
        "book",
        "--service",
        "housing-options",
        "--at",
        &tomorrow_at(23),
        "--needs",
        "longer-slot",
    ]);
    assert!(last.contains("the one after it"), "{last}");
    // --next finds two free together: 11 and 12.
    let next = desk.json(&[
        "appointments",
        "book",
        "--service",
        "housing-options",
        "--next",
        "--needs",
        "longer-slot",
        "--json",
    ]);
    assert_eq!(next["minutes"], 120);
    assert_eq!(desk.bookings(), 2);
    // Cancelled, both places are free again.
    desk.json(&[
        "appointments",
        "cancel",
        longer["reference"].as_str().unwrap(),
        "--json",
    ]);
    desk.book(&tomorrow_at(10), &[]);
    desk.book(&tomorrow_at(9), &[]);
}

#[test]
fn the_store_books_a_longer_slot_only_with_both_places_free() {
    let dir = TempDir::new().unwrap();
    let (_c, catalogue) = catalogue_of(WEEKDAYS);
    let a = &catalogue.appointments;
    let now = Utc.with_ymd_and_hms(2027, 1, 11, 8, 0, 0).unwrap();
    let day_slots = slots::on_day(a, None, None, day("2027-01-11"), now, &Taken::new());
    let (first, second, third) = (&day_slots[0], &day_slots[1], &day_slots[2]);
    assert_eq!(
        second.at - first.at,
        Duration::minutes(i64::from(first.minutes))
    );
    let mut store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    let longer = [Need::LongerSlot];
    // Fill the second slot but one place, then a longer booking of the first takes its last.
    for _ in 1..second.capacity {
        assert!(matches!(
            store.book(&booking_for(second, &[]), now).unwrap(),
            Booked::Made(_)
        ));
    }
    let Booked::Made(made) = store.book(&booking_for(first, &longer), now).unwrap() else {
        panic!("both slots have a place");
    };
    assert_eq!(made.minutes, 2 * first.minutes);
    assert_eq!(
        store.book(&booking_for(second, &[]), now).unwrap(),
        Booked::Full
    );
    // A longer slot starting in the second needs the third too; the second is full.
    assert_eq!(
        store.book(&booking_for(second, &longer), now).unwrap(),
        Booked::Full
    );
    let taken = store.taken_between(now, now + Duration::days(1)).unwrap();
    let key = |s: &slots::Slot| {
        (
            s.service.clone(),
            s.place.clone(),
            s.starts.timestamp_millis(),
        )
    };
    assert_eq!(taken.get(&key(first)), Some(&1));
    assert_eq!(taken.get(&key(second)), Some(&second.capacity));
    assert_eq!(taken.get(&key(third)), None);
    let listed = slots::on_day(a, None, None, day("2027-01-11"), now, &taken);
    assert_eq!(listed[1].free, 0);
    assert!(matches!(
        store.cancel(&made.reference, now).unwrap(),
        Change::Done(_)
    ));
    assert!(matches!(
        store.book(&booking_for(second, &[]), now).unwrap(),
        Booked::Made(_)
    ));
}

#[test]
fn the_html_slip_is_one_sheet_a_language_welsh_first_and_written_through_the_output_file() {
    let desk = Desk::new();
    let booking = desk.book(&tomorrow_at(10), &["--needs", "step-free"]);
    let reference = booking["reference"].as_str().unwrap();
    let path = desk.dir.path().join("slip.html");
    let printed = desk
        .cmd()
        .args(["slip", "--appointment", reference, "--format", "html"])
        .args(["--language", "both", "-o"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(printed).unwrap().contains("slip.html"));
    let html = fs::read_to_string(&path).unwrap();
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(&html, options).expect("well-formed XHTML");
    let halves: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("div") && n.attribute("class") == Some("half"))
        .filter_map(|n| n.attribute("lang"))
        .collect();
    assert_eq!(halves, ["cy-GB", "en-GB"]);
    let welsh_at = html.find("Neuadd y Dref").expect("the Welsh place name");
    let english_at = html.find("Town Hall").expect("the English place name");
    assert!(welsh_at < english_at, "Welsh first");
    for part in [
        reference,
        "Eich apwyntiad",
        "Your appointment",
        "Proof of income",
        "Prawf o incwm",
    ] {
        assert!(html.contains(part), "{part}: {html}");
    }
    // Never over a file frontdesk keeps.
    let refused = desk
        .cmd()
        .args(["slip", "--appointment", reference, "--format", "html", "-o"])
        .arg(desk.visits_file())
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert_eq!(desk.bookings(), 1);
    // The same slip the desk makes, from the same function.
    let store = Store::open(&desk.visits_file()).unwrap();
    let held = store.booking(reference).unwrap().unwrap();
    let catalogue = Catalogue::from_dir(&desk.catalogue()).unwrap();
    let made =
        frontdesk::slip::appointment_slip(&held, &catalogue, frontdesk::slip::SlipLanguage::Both);
    assert_eq!(made.html, html);
    assert!(made.text.contains("Neuadd y Dref") && made.text.contains("Town Hall"));
}
