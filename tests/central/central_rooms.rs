//! Many desks, one room: bookings and the waiting list shared on the server by the desks of a
//! site (`share_appointments = true`), against a real PostgreSQL and the real binary: eight
//! processes racing for the last place, a call heard by another desk and by the display's
//! listener, row-level security by site, the figures across desks, an unreachable server, and
//! the upgrade from every earlier central schema version.

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use frontdesk::central::rooms::{Heard, Listener, Room};
use frontdesk::central::{self, Central};
use frontdesk::config::ServerUrl;
use frontdesk::store::bookings::{Booked, NewBooking};
use serde_json::Value;
use tempfile::TempDir;

use crate::support::central as central_support;
use central_support::{TestDb, frontdesk};

const CIVIC: &str = "Civic Centre";
const LIBRARY: &str = "Library hub";

const COUNCIL: &str = r#"
[council]
name = "Test Council"
version = "t1"
phone = "01632 960000"

[[service]]
id = "housing-options"
title = "Housing options"
summary = "Help to keep your home or find one."
review_by = "2027-06-30"

[[place]]
id = "town-hall"
name = "Town Hall"
address = "1 Test Square, Testville"
"#;

/// One place an hour, every hour of every day, booked at most a day ahead: few enough slots
/// that a test can take all but the last.
const EVERY_HOUR: &str = r#"
[[appointments]]
service = "housing-options"
place = "town-hall"
hours = [{ days = "every day", opens = "00:00", closes = "24:00" }]
slot_minutes = 60
capacity = 1
horizon_days = 1
open_on_bank_holidays = true
ticket_letter = "H"
"#;

fn url(text: &str) -> ServerUrl {
    ServerUrl::parse("test", text).unwrap()
}

/// A desk of the test: its own data folder, name and role on the server.
struct Desk {
    dir: TempDir,
    name: String,
    server: String,
}

impl Desk {
    fn new(name: &str, server: String, catalogue: &std::path::Path) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let desk = Desk {
            dir,
            name: name.to_string(),
            server,
        };
        fs::create_dir_all(desk.data()).unwrap();
        fs::write(
            desk.dir.path().join("catalogue-path"),
            catalogue.to_str().unwrap(),
        )
        .unwrap();
        desk
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn catalogue(&self) -> PathBuf {
        PathBuf::from(fs::read_to_string(self.dir.path().join("catalogue-path")).unwrap())
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = frontdesk(&self.data());
        cmd.env("FRONTDESK_SERVER", &self.server)
            .env("FRONTDESK_SHARE_APPOINTMENTS", "1")
            .env("FRONTDESK_DESK", &self.name)
            .env("FRONTDESK_CATALOGUE", self.catalogue());
        cmd
    }

    fn std_cmd(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("frontdesk"));
        cmd.env_clear()
            .env("HOME", self.data())
            .env("FRONTDESK_CONFIG", central_support::EMPTY_CONFIG)
            .env("FRONTDESK_DATA_DIR", self.data())
            .env("TZ", "Europe/London")
            .env("FRONTDESK_SERVER", &self.server)
            .env("FRONTDESK_SHARE_APPOINTMENTS", "1")
            .env("FRONTDESK_DESK", &self.name)
            .env("FRONTDESK_CATALOGUE", self.catalogue())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        cmd
    }

    fn json(&self, args: &[&str]) -> Value {
        let output = self.cmd().args(args).output().unwrap();
        assert!(
            output.status.success(),
            "{} {args:?}: {}",
            self.name,
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    }
}

/// A server with two desks at the Civic Centre, one at the library hub, and a report role;
/// the catalogue folder the desks use.
struct Council {
    db: TestDb,
    catalogue: TempDir,
    civic_1: String,
    civic_2: String,
    library: String,
    report: String,
}

impl Council {
    fn new() -> Option<Council> {
        let db = TestDb::create()?;
        let catalogue = tempfile::tempdir().unwrap();
        fs::write(catalogue.path().join("council.toml"), COUNCIL).unwrap();
        fs::write(catalogue.path().join("appointments.toml"), EVERY_HOUR).unwrap();
        let (civic_1, civic_2, library, report) = (
            db.role("civic1"),
            db.role("civic2"),
            db.role("library"),
            db.role("report"),
        );
        let mut owner = Central::connect(&url(&db.url)).unwrap();
        central::schema::migrate(&mut owner).unwrap();
        for (desk, role, site) in [
            ("Civic desk 1", &civic_1, CIVIC),
            ("Civic desk 2", &civic_2, CIVIC),
            ("Library desk", &library, LIBRARY),
        ] {
            central::schema::add_desk_role(&mut owner, desk, role).unwrap();
            central::schema::set_desk_site(&mut owner, role, site).unwrap();
        }
        central::schema::add_report_role(&mut owner, &report).unwrap();
        Some(Council {
            db,
            catalogue,
            civic_1,
            civic_2,
            library,
            report,
        })
    }

    fn desk(&self, name: &str, role: &str) -> Desk {
        Desk::new(name, self.db.url_as(role), self.catalogue.path())
    }
}

#[test]
fn eight_processes_racing_for_the_last_place_on_the_server_give_exactly_one_booking() {
    let Some(council) = Council::new() else {
        return;
    };
    let civic_1 = council.desk("Civic desk 1", &council.civic_1);
    let civic_2 = council.desk("Civic desk 2", &council.civic_2);
    let library = council.desk("Library desk", &council.library);
    // Every free slot but the last is taken, by the library's desk: a place's slots are the
    // place's, whichever site books them.
    let mut free: Vec<NaiveDateTime> = Vec::new();
    for date in ["today", "tomorrow"] {
        let slots = library.json(&["appointments", "slots", "--date", date, "--json"]);
        for slot in slots.as_array().unwrap() {
            if slot["free"].as_u64() == Some(1) {
                free.push(
                    NaiveDateTime::parse_from_str(slot["at"].as_str().unwrap(), "%Y-%m-%dT%H:%M")
                        .unwrap(),
                );
            }
        }
    }
    free.sort();
    free.dedup();
    let last = free
        .pop()
        .expect("the offer has free slots within its horizon");
    let mut room = Room::connect(&url(&council.db.url_as(&council.library))).unwrap();
    assert_eq!(room.site(), LIBRARY);
    let now = chrono::Utc::now();
    for at in &free {
        let new = NewBooking {
            service: "housing-options",
            place: "town-hall",
            at: *at,
            starts: frontdesk::appointments::london::instant(*at).unwrap(),
            minutes: 60,
            capacity: 1,
            needs: &[],
            no_show_after: chrono::Duration::minutes(15),
        };
        assert!(matches!(room.book(&new, now).unwrap(), Booked::Made(_)));
    }
    // Eight processes, at two desks of the Civic Centre, each books the next free slot.
    let racers: Vec<std::process::Child> = (0..8)
        .map(|i| {
            let desk = if i % 2 == 0 { &civic_1 } else { &civic_2 };
            desk.std_cmd(&[
                "appointments",
                "book",
                "--service",
                "housing-options",
                "--next",
                "--json",
            ])
            .spawn()
            .unwrap()
        })
        .collect();
    let outcomes: Vec<std::process::Output> = racers
        .into_iter()
        .map(|child| child.wait_with_output().unwrap())
        .collect();
    let winners: Vec<Value> = outcomes
        .iter()
        .filter(|o| o.status.success())
        .map(|o| serde_json::from_slice(&o.stdout).unwrap())
        .collect();
    assert_eq!(winners.len(), 1, "exactly one wins: {outcomes:?}");
    assert_eq!(
        winners[0]["at"].as_str().unwrap(),
        last.format("%Y-%m-%dT%H:%M").to_string()
    );
    for lost in outcomes.iter().filter(|o| !o.status.success()) {
        let stderr = String::from_utf8_lossy(&lost.stderr);
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("no free slot") || stderr.contains("taken"),
            "{stderr}"
        );
    }
    let owner = council.db.owner();
    assert_eq!(
        owner.count(&format!(
            "SELECT count(*) FROM frontdesk.bookings WHERE slot_local = '{}'",
            last.format("%Y-%m-%dT%H:%M")
        )),
        1
    );
    assert_eq!(
        owner.count("SELECT count(*) FROM frontdesk.bookings"),
        free.len() as i64 + 1
    );
    assert_eq!(
        owner.count("SELECT count(DISTINCT reference) FROM frontdesk.bookings"),
        free.len() as i64 + 1,
        "references are unique across the server"
    );
    // Nothing was booked in the desks' own files.
    for desk in [&civic_1, &civic_2] {
        let file = desk.data().join("visits.sqlite3");
        if file.exists() {
            let log = rusqlite::Connection::open(&file).unwrap();
            let n: i64 = log
                .query_row("SELECT count(*) FROM bookings", [], |r| r.get(0))
                .unwrap_or(0);
            assert_eq!(n, 0);
        }
    }
    // The winning desk's colleague finds it by reference and checks the resident in; the
    // library's desk (another site) does not find it at all.
    let reference = winners[0]["reference"].as_str().unwrap();
    let arrived = civic_2.json(&["appointments", "arrive", reference, "--json"]);
    assert_eq!(arrived["booking"]["state"], "arrived");
    let output = library
        .cmd()
        .args(["appointments", "arrive", reference])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no booking has the reference"));
}

#[test]
fn a_call_on_one_desk_is_heard_by_the_display_and_seen_by_the_sites_other_desk_not_another_site() {
    let Some(council) = Council::new() else {
        return;
    };
    let civic_1 = council.desk("Civic desk 1", &council.civic_1);
    let civic_2 = council.desk("Civic desk 2", &council.civic_2);
    let library = council.desk("Library desk", &council.library);
    // The display's listener, as the Civic Centre's second desk.
    let listener = Listener::start(&url(&council.db.url_as(&council.civic_2)));
    assert_eq!(
        listener.next(Duration::from_secs(20)),
        Some(Heard::Listening)
    );
    let ticket = civic_1.json(&["queue", "add", "--service", "housing-options", "--json"]);
    assert_eq!(ticket["ticket"], "H1");
    assert_eq!(
        listener.next(Duration::from_secs(20)),
        Some(Heard::Changed),
        "adding a ticket is notified"
    );
    listener.drain();

    let started = Instant::now();
    let called = civic_1.json(&["queue", "call", "--json"]);
    assert_eq!(called["ticket"], "H1");
    // A generous bound: a notification, not the display's 30-second refresh, brought it.
    let heard = listener.next(Duration::from_secs(10));
    let took = started.elapsed();
    assert_eq!(heard, Some(Heard::Changed), "the call is notified");
    eprintln!(
        "a call on one desk was heard by the display's listener {} ms after the command started",
        took.as_millis()
    );

    let list = civic_2.json(&["queue", "list", "--json"]);
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["ticket"], "H1");
    assert_eq!(rows[0]["desk"], "Civic desk 1");
    assert_eq!(rows[0]["waiting"], false);
    // Another site's desk sees nothing, and numbers its own tickets from 1.
    assert_eq!(
        library.json(&["queue", "list", "--json"]),
        Value::Array(vec![])
    );
    let own = library.json(&["queue", "add", "--service", "housing-options", "--json"]);
    assert_eq!(own["ticket"], "H1");
    assert_eq!(
        library.json(&["queue", "call", "--json"])["ticket"],
        "H1",
        "the library calls its own resident, not the Civic Centre's"
    );
    assert_eq!(
        civic_2
            .json(&["queue", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn row_level_security_keeps_each_sites_bookings_and_tickets_to_its_own_desks() {
    let Some(council) = Council::new() else {
        return;
    };
    let civic_1 = council.desk("Civic desk 1", &council.civic_1);
    civic_1.json(&["queue", "add", "--service", "housing-options", "--json"]);
    let booking = civic_1.json(&[
        "appointments",
        "book",
        "--service",
        "housing-options",
        "--next",
        "--json",
    ]);
    let reference = booking["reference"].as_str().unwrap().to_string();
    let library = central_support::Pg::connect(&council.db.url_as(&council.library));
    assert_eq!(library.count("SELECT count(*) FROM frontdesk.waiting"), 0);
    assert_eq!(library.count("SELECT count(*) FROM frontdesk.bookings"), 0);
    assert_eq!(
        library
            .try_exec("UPDATE frontdesk.waiting SET desk = 'Library desk'")
            .unwrap(),
        0
    );
    assert_eq!(
        library
            .try_exec(&format!(
                "UPDATE frontdesk.bookings SET state = 'cancelled' WHERE reference = '{reference}'"
            ))
            .unwrap(),
        0
    );
    let refused = library
        .try_exec(
            "INSERT INTO frontdesk.waiting (site, day, ticket, letter, number, service_id, arrived_at) \
             VALUES ('Civic Centre', 1, 'Z9', 'Z', 9, 'x', 0)",
        )
        .unwrap_err();
    assert!(refused.contains("row-level security"), "{refused}");
    // A desk books only through frontdesk.book, and deletes nothing.
    assert!(
        library
            .try_exec(
                "INSERT INTO frontdesk.bookings (reference, site, service_id, place_id, slot_local, slot_at, \
                 slot_minutes, no_show_at, booked_at, local_day) \
                 VALUES ('X', 'Library hub', 's', 'p', 'x', 0, 1, 0, 0, 0)"
            )
            .is_err()
    );
    assert!(library.try_exec("DELETE FROM frontdesk.waiting").is_err());
    // The site's other desk sees both; the report role reads every site's and changes none.
    let civic_2 = central_support::Pg::connect(&council.db.url_as(&council.civic_2));
    assert_eq!(civic_2.count("SELECT count(*) FROM frontdesk.waiting"), 1);
    assert_eq!(civic_2.count("SELECT count(*) FROM frontdesk.bookings"), 1);
    let report = central_support::Pg::connect(&council.db.url_as(&council.report));
    assert_eq!(report.count("SELECT count(*) FROM frontdesk.bookings"), 1);
    assert!(
        report
            .try_exec("UPDATE frontdesk.waiting SET desk = 'x'")
            .is_err()
    );
    assert!(
        report
            .try_rows("SELECT frontdesk.book('X', 's', 'p', 'x', 0, 1, 1, '', 0, 0, 0)")
            .is_err(),
        "the report role books nothing"
    );

    // The figures across desks: every site's bookings and tickets, or one site's.
    let reader = frontdesk(&civic_1.data())
        .env(
            "FRONTDESK_REPORT_SERVER",
            council.db.url_as(&council.report),
        )
        .args([
            "report",
            "--central",
            "--format",
            "json",
            "--period",
            "today",
        ])
        .output()
        .unwrap();
    assert!(
        reader.status.success(),
        "{}",
        String::from_utf8_lossy(&reader.stderr)
    );
    let report: Value = serde_json::from_slice(&reader.stdout).unwrap();
    let figures = &report["appointments"];
    assert_eq!(figures["walk_ins"], 1, "{report}");
    let other_site = frontdesk(&civic_1.data())
        .env(
            "FRONTDESK_REPORT_SERVER",
            council.db.url_as(&council.report),
        )
        .args([
            "report",
            "--central",
            "--format",
            "json",
            "--period",
            "today",
            "--site",
            LIBRARY,
        ])
        .output()
        .unwrap();
    let other: Value = serde_json::from_slice(&other_site.stdout).unwrap();
    assert!(other.get("appointments").is_none(), "{other}");

    // Retention: a central purge takes old bookings and tickets with the old visits, never
    // today's.
    let owner = council.db.owner();
    owner.exec(
        "INSERT INTO frontdesk.bookings (reference, site, service_id, place_id, slot_local, slot_at, \
         slot_minutes, no_show_at, booked_at, local_day) VALUES ('OLD', 'Civic Centre', \
         'housing-options', 'town-hall', '2020-01-01T09:00', 1577869200000, 60, 1577870100000, \
         1577860000000, 18262); \
         INSERT INTO frontdesk.waiting (site, day, ticket, letter, number, service_id, arrived_at) \
         VALUES ('Civic Centre', 18262, 'H1', 'H', 1, 'housing-options', 1577869200000);",
    );
    let mut central = Central::connect(&url(&council.db.url)).unwrap();
    central::purge::purge_older_than(
        &mut central,
        chrono::Utc::now() - chrono::Duration::days(30),
        false,
    )
    .unwrap();
    assert_eq!(owner.count("SELECT count(*) FROM frontdesk.bookings"), 1);
    assert_eq!(owner.count("SELECT count(*) FROM frontdesk.waiting"), 1);
    assert_eq!(
        owner.count("SELECT count(*) FROM frontdesk.bookings WHERE reference = 'OLD'"),
        0
    );
}

#[test]
fn a_desk_sharing_bookings_says_so_in_one_sentence_when_the_server_cannot_be_reached_and_books_nothing_locally()
 {
    let Some(council) = Council::new() else {
        return;
    };
    // Nothing listens on port 1 of this machine.
    let desk = Desk::new(
        "Civic desk 1",
        "postgres://nobody@127.0.0.1:1/none".to_string(),
        council.catalogue.path(),
    );
    for args in [
        &[
            "appointments",
            "book",
            "--service",
            "housing-options",
            "--next",
        ][..],
        &["queue", "add", "--service", "housing-options"][..],
        &["queue", "call"][..],
    ] {
        let output = desk.cmd().args(args).output().unwrap();
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr).trim().to_string();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("cannot be reached") && stderr.contains("nothing was booked"),
            "{stderr}"
        );
    }
    assert!(!desk.data().join("visits.sqlite3").exists());
}

#[test]
fn a_server_at_every_earlier_central_version_upgrades_to_share_bookings_and_its_desks_roles_use_them()
 {
    let latest = central::schema::CENTRAL_SCHEMA_VERSION;
    for from in 0..latest {
        let Some(db) = TestDb::create() else { return };
        let mut owner = Central::connect(&url(&db.url)).unwrap();
        assert_eq!(central::schema::migrate_to(&mut owner, from).unwrap(), from);
        let role = db.role("desk");
        let pg = db.owner();
        if from >= 1 {
            // A desk's role listed before the upgrade, as `server init` made it then.
            pg.exec(&format!(
                "CREATE ROLE {role} LOGIN; GRANT CONNECT ON DATABASE {} TO {role}; \
                 GRANT USAGE ON SCHEMA frontdesk TO {role}; \
                 INSERT INTO frontdesk.desks (role, desk) VALUES ('{role}', 'Old desk');",
                db.name
            ));
        }
        assert_eq!(central::schema::migrate(&mut owner).unwrap(), latest);
        assert_eq!(
            pg.count("SELECT max(version) FROM frontdesk.schema_version"),
            i64::from(latest)
        );
        if from == 0 {
            central::schema::add_desk_role(&mut owner, "Old desk", &role).unwrap();
        }
        // With no site given, the desk is a site of its own, named as the desk.
        let mut room =
            Room::connect(&url(&db.url_as(&role))).unwrap_or_else(|e| panic!("from {from}: {e}"));
        assert_eq!(room.site(), "Old desk");
        let ticket = room
            .add_ticket("housing-options", 'H', chrono::Utc::now())
            .unwrap();
        assert_eq!(ticket.ticket, "H1");
        assert_eq!(
            room.call_next(None, "Old desk", chrono::Utc::now())
                .unwrap()
                .map(|t| t.ticket),
            Some("H1".to_string()),
            "from version {from}"
        );
    }
}

/// A booking request as the desk's booking screen makes it, for the hour starting at `at`.
fn request(
    at: NaiveDateTime,
    needs: Vec<frontdesk::appointments::Need>,
) -> frontdesk::desk::BookingRequest {
    frontdesk::desk::BookingRequest {
        service: "housing-options".into(),
        place: "town-hall".into(),
        at,
        starts: frontdesk::appointments::london::instant(at).unwrap(),
        minutes: 60,
        capacity: 1,
        needs,
        no_show_minutes: 15,
    }
}

#[test]
fn a_booking_made_from_the_desks_worker_with_sharing_on_lands_on_the_server_and_not_in_the_desks_file()
 {
    use frontdesk::appointments::{BookingState, Need};
    use frontdesk::desk::{Action, Effect};
    use frontdesk::runtime::room_worker::{RoomJobs, shared};
    let Some(council) = Council::new() else {
        return;
    };
    let civic_1 = council.desk("Civic desk 1", &council.civic_1);
    let civic_2 = council.desk("Civic desk 2", &council.civic_2);
    let library = council.desk("Library desk", &council.library);
    let mut jobs = RoomJobs::new(url(&civic_1.server), frontdesk::text::Language::English);
    // Two free hours in a row, tomorrow (whole hours: the offer's slots).
    let tomorrow = frontdesk::appointments::london::today(chrono::Utc::now())
        .succ_opt()
        .unwrap();
    let first = tomorrow.and_hms_opt(10, 0, 0).unwrap();
    let second = tomorrow.and_hms_opt(11, 0, 0).unwrap();

    // A longer slot takes this hour and the next, on the server as in the desk's own file.
    let effect = Effect::Book(request(first, vec![Need::LongerSlot]));
    assert!(shared(&effect));
    let Some(Action::BookingMade(booking)) = jobs.apply(effect) else {
        panic!("the booking was not made");
    };
    assert_eq!(booking.minutes, 120);
    assert_eq!(
        jobs.apply(Effect::Book(request(second, Vec::new()))),
        Some(Action::BookingFull),
        "the next hour is taken by the longer slot"
    );
    let Some(Action::BookingTaken(taken)) = jobs.apply(Effect::LoadBookingTaken {
        from: frontdesk::appointments::london::instant(first).unwrap(),
        to: frontdesk::appointments::london::instant(second).unwrap() + chrono::Duration::hours(1),
    }) else {
        panic!("no places taken read");
    };
    assert_eq!(taken.len(), 2, "both hours are taken: {taken:?}");

    // It is on the server: the site's other desk lists it; another site's desk does not; the
    // desk's own file was never written.
    let listed = civic_2.json(&[
        "appointments",
        "list",
        "--date",
        &tomorrow.to_string(),
        "--json",
    ]);
    let references: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["reference"].as_str())
        .collect();
    assert_eq!(references, [booking.reference.as_str()], "{listed}");
    let elsewhere = library.json(&[
        "appointments",
        "list",
        "--date",
        &tomorrow.to_string(),
        "--json",
    ]);
    assert_eq!(elsewhere.as_array().map(Vec::len), Some(0), "{elsewhere}");
    assert!(!civic_1.data().join("visits.sqlite3").exists());

    // Checked in, called and seen from the worker too; seen is kept on the server.
    let now = chrono::Utc::now();
    let mut room = Room::connect(&url(&civic_2.server)).unwrap();
    let walk_in = jobs.apply(Effect::AddTicket {
        service: "housing-options".into(),
        letter: 'H',
        now,
    });
    let Some(Action::TicketGiven(ticket)) = walk_in else {
        panic!("no ticket: {walk_in:?}");
    };
    let called = jobs.apply(Effect::CallNext {
        service: None,
        desk: "Civic desk 1".into(),
        now,
    });
    assert!(
        matches!(&called, Some(Action::TicketCalled(Some(t))) if t.ticket == ticket.ticket),
        "{called:?}"
    );
    let seen = jobs.apply(Effect::MarkSeen {
        ticket: ticket.ticket.clone(),
        desk: "Civic desk 1".into(),
        now,
    });
    assert!(
        matches!(&seen, Some(Action::TicketSeen(Some(t))) if t.seen_at.is_some()),
        "{seen:?}"
    );
    let today = frontdesk::appointments::london::today(now);
    let on_server = room.tickets_on(today).unwrap();
    assert_eq!(on_server.len(), 1);
    assert!(on_server[0].seen_at.is_some(), "{on_server:?}");
    // A booking not checked in cannot be marked seen.
    assert!(matches!(
        room.seen(&booking.reference, "Civic desk 2", now).unwrap(),
        frontdesk::appointments::Change::Refused(BookingState::Booked)
    ));

    // A server that cannot be reached: one sentence, nothing booked.
    let mut gone = RoomJobs::new(
        url("postgres://nobody@127.0.0.1:1/none"),
        frontdesk::text::Language::English,
    );
    match gone.apply(Effect::Book(request(second, Vec::new()))) {
        Some(Action::StoreFailed(sentence)) => {
            assert!(sentence.contains("cannot be reached"), "{sentence}");
            assert_eq!(
                sentence.matches(". ").count(),
                0,
                "one sentence: {sentence}"
            );
        }
        other => panic!("{other:?}"),
    }
}

/// An action with what differs by where it was carried out left out (references, ids, the
/// times things were done): what the desk shows of it.
fn what_the_desk_shows(action: Option<frontdesk::desk::Action>) -> String {
    use frontdesk::desk::Action;
    let booking = |b: &frontdesk::appointments::Booking| {
        format!(
            "{} {} {} {} {}min {:?} {:?}",
            b.service, b.place, b.at, b.starts, b.minutes, b.needs, b.state
        )
    };
    let ticket = |t: &frontdesk::appointments::Ticket| {
        format!(
            "{} {} called {} seen {} at {:?}",
            t.ticket,
            t.service,
            t.called_at.is_some(),
            t.seen_at.is_some(),
            t.desk
        )
    };
    match action {
        None => "nothing".into(),
        Some(Action::BookingMade(b)) => format!("made {}", booking(&b)),
        Some(Action::BookingCancelled(b)) => format!("cancelled {}", booking(&b)),
        Some(Action::BookingNotCancelled { state, .. }) => format!("not cancelled {state:?}"),
        Some(Action::BookingTaken(taken)) => {
            let mut taken: Vec<_> = taken.into_iter().collect();
            taken.sort();
            format!("taken {taken:?}")
        }
        Some(Action::WaitingLoaded(day)) => format!(
            "waiting {} bookings [{}] tickets [{}]",
            day.day,
            day.bookings
                .iter()
                .map(booking)
                .collect::<Vec<_>>()
                .join("; "),
            day.tickets
                .iter()
                .map(ticket)
                .collect::<Vec<_>>()
                .join("; ")
        ),
        Some(Action::TicketGiven(t)) => format!("ticket {}", ticket(&t)),
        Some(Action::TicketCalled(t)) => format!("called {:?}", t.as_ref().map(ticket)),
        Some(Action::TicketSeen(t)) => format!("seen {:?}", t.as_ref().map(ticket)),
        Some(other) => format!("{other:?}"),
    }
}

/// An effect the desk sends, given the reference of the booking it made last (if any).
type EffectGiven = dyn Fn(&str) -> frontdesk::desk::Effect;

#[test]
fn the_desks_own_file_and_the_shared_server_answer_every_booking_and_waiting_effect_alike() {
    use frontdesk::appointments::{Need, london};
    use frontdesk::desk::{Action, Effect};
    use frontdesk::runtime::room_worker::RoomJobs;
    use frontdesk::runtime::workers::{StoreJobs, StorePlace};
    let Some(council) = Council::new() else {
        return;
    };
    let civic_1 = council.desk("Civic desk 1", &council.civic_1);
    let english = frontdesk::text::Language::English;
    let mut server = RoomJobs::new(url(&civic_1.server), english);
    let data = TempDir::new().unwrap();
    let mut file = StoreJobs::new(StorePlace {
        visits_file: data.path().join("visits.sqlite3"),
        drafts: None,
        desk: "Civic desk 1".into(),
        language: english,
    });

    let now = chrono::Utc::now();
    let today = london::today(now);
    let tomorrow = today.succ_opt().unwrap();
    let first = tomorrow.and_hms_opt(10, 0, 0).unwrap();
    let second = tomorrow.and_hms_opt(11, 0, 0).unwrap();
    let from = london::instant(first).unwrap();
    let to = from + chrono::Duration::hours(3);

    // Each effect in turn, to both; a booking's reference is learnt from its answer.
    let mut references: [Option<String>; 2] = [None, None];
    let steps: Vec<Box<EffectGiven>> = vec![
        Box::new(move |_: &str| Effect::Book(request(first, vec![Need::LongerSlot]))),
        Box::new(move |_: &str| Effect::Book(request(second, Vec::new()))),
        Box::new(move |_: &str| Effect::LoadBookingTaken { from, to }),
        Box::new(move |_: &str| Effect::LoadWaiting {
            day: tomorrow,
            now,
            force: false,
        }),
        // Asked again with nothing changed: no answer.
        Box::new(move |_: &str| Effect::LoadWaiting {
            day: tomorrow,
            now,
            force: false,
        }),
        // Asked on a key: answered all the same.
        Box::new(move |_: &str| Effect::LoadWaiting {
            day: tomorrow,
            now,
            force: true,
        }),
        Box::new(|reference: &str| Effect::CancelBooking(reference.to_string())),
        Box::new(|reference: &str| Effect::CancelBooking(reference.to_string())),
        Box::new(|_: &str| Effect::CancelBooking("ZZZZZZZ".into())),
        Box::new(move |_: &str| Effect::Book(request(second, Vec::new()))),
        Box::new(move |_: &str| Effect::AddTicket {
            service: "housing-options".into(),
            letter: 'H',
            now,
        }),
        Box::new(move |_: &str| Effect::CallNext {
            service: None,
            desk: "Civic desk 1".into(),
            now,
        }),
        Box::new(move |_: &str| Effect::MarkSeen {
            ticket: "H1".into(),
            desk: "Civic desk 1".into(),
            now,
        }),
        Box::new(move |_: &str| Effect::CallNext {
            service: Some("housing-options".into()),
            desk: "Civic desk 1".into(),
            now,
        }),
        Box::new(move |_: &str| Effect::LoadWaiting {
            day: today,
            now,
            force: false,
        }),
    ];
    for (n, step) in steps.iter().enumerate() {
        let mut answers = Vec::new();
        for (at, reference) in references.iter_mut().enumerate() {
            let effect = step(reference.as_deref().unwrap_or(""));
            let answer = if at == 0 {
                file.apply(effect)
            } else {
                server.apply(effect)
            };
            if let Some(Action::BookingMade(booking)) = &answer {
                *reference = Some(booking.reference.clone());
            }
            answers.push(what_the_desk_shows(answer));
        }
        assert_eq!(
            answers[0], answers[1],
            "step {n}: the file, then the server"
        );
        assert!(
            !answers[0].contains("StoreFailed"),
            "step {n}: {}",
            answers[0]
        );
    }
    assert!(data.path().join("visits.sqlite3").exists());
}
