//! The central server, for real: `server init`'s roles and row-level security, sync through
//! a proxy that cuts, delays and refuses, two desks and out-of-order versions, a week
//! offline, catalogue publishing, and central retention. Each test has its own database.
//! See `support::central` for how to run them.

use crate::support::central as central_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::Duration;

use assert_cmd::Command;
use chrono::{DateTime, TimeZone, Utc};
use frontdesk::central::{self, Central};
use frontdesk::config::ServerUrl;
use frontdesk::store::VisitLog;
use frontdesk::visit::{ExclusionReason, Outcome, Visit, VisitDraft};
use tempfile::TempDir;

use central_support::{Pg, Proxy, TestDb, frontdesk};

fn url(text: &str) -> ServerUrl {
    ServerUrl::parse("test", text).unwrap()
}

/// The schema, a role for each desk named, and a report role.
fn init(db: &TestDb, desks: &[(&str, &str)], report: Option<&str>) {
    let mut owner = Central::connect(&url(&db.url)).unwrap();
    central::schema::migrate(&mut owner).unwrap();
    for (desk, role) in desks {
        central::schema::add_desk_role(&mut owner, desk, role).unwrap();
    }
    if let Some(role) = report {
        central::schema::add_report_role(&mut owner, role).unwrap();
    }
}

fn visit(start: DateTime<Utc>, desk: &str, n: usize) -> Visit {
    let mut draft = VisitDraft::new(start, desk, "AB", "2026.11");
    draft.ended_at = start + chrono::Duration::seconds(95);
    draft.services = vec![["council-tax", "bulky-waste", "housing-advice"][n % 3].to_string()];
    if n.is_multiple_of(2) {
        draft.services.push("blue-badge".into());
        draft.partners = vec!["citizens-advice".into()];
        draft.reasons = vec![ExclusionReason::NoDevice];
    }
    draft.outcome = Some(if n.is_multiple_of(4) {
        Outcome::Signposted
    } else {
        Outcome::Resolved
    });
    // Every seventh booked an appointment for its first service at the desk.
    if n.is_multiple_of(7) {
        let first = draft.services[0].clone();
        draft
            .service_outcomes
            .insert(first.clone(), Outcome::Appointment);
        draft.bookings.insert(first, format!("K7FM{n:03}"));
    }
    draft.note = n
        .is_multiple_of(5)
        .then(|| format!("tab\there, line\nbreak, back\\slash {n}"));
    // Every visit but each third says whether an interpreter was used.
    if !n.is_multiple_of(3) {
        let interpreter = frontdesk::visit::ChoiceField::named("interpreter").unwrap();
        draft
            .choices
            .set(interpreter, Some(n % interpreter.options.len()));
    }
    draft.into_visit().unwrap()
}

fn recent(n: usize) -> DateTime<Utc> {
    Utc::now() - chrono::Duration::minutes(n as i64 + 1)
}

/// A desk's own folder and visit log.
struct Desk {
    _dir: TempDir,
    log: VisitLog,
    path: PathBuf,
}

impl Desk {
    fn new() -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("visits.sqlite3");
        Desk {
            log: VisitLog::new(&path),
            path,
            _dir: dir,
        }
    }

    fn with_visits(desk: &str, count: usize) -> (Desk, Vec<Visit>) {
        let mut d = Desk::new();
        let visits: Vec<Visit> = (0..count).map(|n| visit(recent(n), desk, n)).collect();
        d.log.save_all(&visits).unwrap();
        (d, visits)
    }

    fn all(&mut self) -> Vec<Visit> {
        self.log
            .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
            .unwrap()
    }

    fn sync(&mut self, server: &str) -> Result<central::push::Pushed, central::CentralError> {
        let mut central = Central::connect(&url(server))?;
        central::push::push_with(&mut central, &mut self.log, 1_000, &with_notes())
    }
}

/// The council sends notes (`sync_notes = true`), so the server holds every column the desk
/// does.
fn with_notes() -> central::push::SyncOptions {
    central::push::SyncOptions {
        desk: None,
        notes: true,
    }
}

/// A visit as both sides can write it: id, start, desk, outcome, note, and its parts in order.
fn canonical(v: &Visit) -> String {
    let services: Vec<String> = v
        .services
        .iter()
        .map(|s| {
            let booking = s
                .booking
                .as_ref()
                .map(|b| format!("#{b}"))
                .unwrap_or_default();
            format!("{}={}{booking}", s.service, s.outcome.as_str())
        })
        .collect();
    let reasons: Vec<&str> = v.reasons.iter().map(|r| r.as_str()).collect();
    let partners: Vec<String> = v
        .partners
        .iter()
        .map(|p| format!("{}:{}@{}", p.partner, p.how.as_str(), p.service))
        .collect();
    let choices: Vec<String> = v
        .choices
        .answered()
        .map(|(field, option)| format!("{}={option}", field.name))
        .collect();
    format!(
        "{}|{}|{}|{}|{}|{}|{}|{}|{}",
        v.id,
        v.started_at.timestamp_millis(),
        v.desk,
        v.outcome.as_str(),
        v.note.clone().unwrap_or_default(),
        services.join(","),
        partners.join(","),
        reasons.join(","),
        choices.join(",")
    )
}

/// The server's live visits (tombstones left out), written as [`canonical`] does.
fn server_visits(pg: &Pg) -> BTreeMap<String, String> {
    pg.rows(
        "SELECT v.id::text, v.id::text || '|' || v.started_at || '|' || v.desk || '|' || v.outcome || '|' \
         || coalesce(v.note, '') || '|' \
         || coalesce((SELECT string_agg(s.service_id || '=' || s.outcome || coalesce('#' || s.booking_reference, ''), ',' ORDER BY s.position) FROM frontdesk.visit_services s WHERE s.visit_id = v.id), '') || '|' \
         || coalesce((SELECT string_agg(p.partner_id || ':' || p.how || '@' || p.service_position, ',' ORDER BY p.position) FROM frontdesk.visit_partners p WHERE p.visit_id = v.id), '') || '|' \
         || coalesce((SELECT string_agg(r.reason, ',' ORDER BY r.position) FROM frontdesk.visit_reasons r WHERE r.visit_id = v.id), '') || '|' \
         || coalesce((SELECT string_agg(c.field || '=' || c.value, ',' ORDER BY c.field) FROM frontdesk.visit_choices c WHERE c.visit_id = v.id), '') \
         FROM frontdesk.visits v WHERE NOT v.undone",
    )
    .into_iter()
    .map(|row| (row[0].clone(), row[1].clone()))
    .collect()
}

fn local_visits(desks: &mut [&mut Desk]) -> BTreeMap<String, String> {
    desks
        .iter_mut()
        .flat_map(|d| d.all())
        .map(|v| (v.id.to_string(), canonical(&v)))
        .collect()
}

/// The server holds exactly the union of the desks' logs, once each.
fn assert_server_equals(pg: &Pg, desks: &mut [&mut Desk]) {
    let local = local_visits(desks);
    let server = server_visits(pg);
    assert_eq!(server.len(), local.len(), "visit counts");
    assert_eq!(server, local);
    assert_eq!(
        pg.count(
            "SELECT count(*) - count(DISTINCT (visit_id, position)) FROM frontdesk.visit_services"
        ),
        0,
        "no doubled service rows"
    );
    for desk in desks.iter_mut() {
        assert_eq!(desk.log.sync_waiting().unwrap(), 0, "nothing left waiting");
    }
}

#[test]
fn a_desk_sends_its_visits_edits_and_undos_and_the_server_has_what_the_desk_has() {
    let Some(db) = TestDb::create() else { return };
    let role = db.role("desk_main");
    init(&db, &[("Main reception", &role)], None);
    let (mut desk, visits) = Desk::with_visits("Main reception", 30);
    assert_eq!(desk.log.sync_waiting().unwrap(), 30);

    let pushed = desk.sync(&db.url_as(&role)).unwrap();
    assert_eq!((pushed.sent, pushed.waiting), (30, 0));
    let pg = db.owner();
    assert_server_equals(&pg, &mut [&mut desk]);

    // An edit and an undo are new versions; the server follows.
    let mut edited = visits[3].clone();
    edited.outcome = Outcome::Referred;
    edited.services.truncate(1);
    desk.log.update(&edited).unwrap();
    assert!(desk.log.delete(visits[4].id).unwrap());
    assert_eq!(desk.log.sync_waiting().unwrap(), 2);
    let pushed = desk.sync(&db.url_as(&role)).unwrap();
    assert_eq!((pushed.sent, pushed.waiting), (2, 0));
    assert_server_equals(&pg, &mut [&mut desk]);
    assert_eq!(
        pg.rows(&format!(
            "SELECT version, undone, outcome IS NULL FROM frontdesk.visits WHERE id = '{}'",
            visits[4].id
        )),
        vec![vec!["2".to_string(), "t".into(), "t".into()]],
        "the undone visit is a tombstone at version 2 with nothing in it"
    );

    // Syncing again sends nothing and changes nothing.
    let before = pg.rows("SELECT id, version, synced_at FROM frontdesk.visits ORDER BY id");
    assert_eq!(desk.sync(&db.url_as(&role)).unwrap().sent, 0);
    assert_eq!(
        pg.rows("SELECT id, version, synced_at FROM frontdesk.visits ORDER BY id"),
        before
    );
}

#[test]
fn a_desk_cannot_read_or_change_another_desks_rows_and_a_report_role_only_reads() {
    let Some(db) = TestDb::create() else { return };
    let (a, b, report) = (db.role("desk_a"), db.role("desk_b"), db.role("report"));
    init(&db, &[("Desk A", &a), ("Desk B", &b)], Some(&report));
    let (mut desk_a, visits_a) = Desk::with_visits("Desk A", 5);
    let (mut desk_b, _) = Desk::with_visits("Desk B", 3);
    desk_a.sync(&db.url_as(&a)).unwrap();
    desk_b.sync(&db.url_as(&b)).unwrap();

    let as_b = Pg::connect(&db.url_as(&b));
    assert_eq!(
        as_b.count("SELECT count(*) FROM frontdesk.visits"),
        3,
        "B sees only its own"
    );
    assert_eq!(
        as_b.count("SELECT count(*) FROM frontdesk.visit_services WHERE desk = 'Desk A'"),
        0
    );
    let a_id = visits_a[0].id;
    assert_eq!(
        as_b.try_exec(&format!(
            "UPDATE frontdesk.visits SET outcome = 'resolved' WHERE id = '{a_id}'"
        )),
        Ok(0),
        "B's update finds no row of A's"
    );
    assert_eq!(
        as_b.try_exec(&format!("DELETE FROM frontdesk.visits WHERE id = '{a_id}'")),
        Ok(0)
    );
    assert_eq!(
        as_b.try_exec(&format!(
            "DELETE FROM frontdesk.visit_services WHERE visit_id = '{a_id}'"
        )),
        Ok(0)
    );
    let forged = as_b.try_exec(
        "INSERT INTO frontdesk.visits (id, version, started_at, desk) VALUES (gen_random_uuid(), 1, 0, 'Desk A')",
    );
    assert!(
        forged.unwrap_err().contains("row-level security"),
        "B cannot add a visit for A"
    );
    // A visit from B that reuses one of A's ids is refused and set aside, not marked sent.
    let mut thief = Desk::new();
    let mut stolen = visit(recent(1), "Desk B", 1);
    stolen.id = a_id;
    thief.log.save(&stolen).unwrap();
    let refused = thief.sync(&db.url_as(&b)).unwrap();
    assert_eq!((refused.sent, refused.held), (0, 1));
    assert_eq!(thief.log.sync_held().unwrap()[0].visits, 1);
    // A desk deletes only its own tombstones.
    assert_eq!(
        as_b.try_exec("DELETE FROM frontdesk.visits WHERE NOT undone"),
        Ok(0),
        "a live visit cannot be deleted"
    );
    desk_a.log.delete(visits_a[4].id).unwrap();
    desk_a.sync(&db.url_as(&a)).unwrap();
    assert_eq!(
        as_b.try_exec("DELETE FROM frontdesk.visits WHERE undone"),
        Ok(0),
        "not another desk's tombstone"
    );
    let as_a = Pg::connect(&db.url_as(&a));
    assert_eq!(
        as_a.try_exec("DELETE FROM frontdesk.visits WHERE undone"),
        Ok(1),
        "its own tombstone"
    );
    assert_eq!(as_a.try_exec("DELETE FROM frontdesk.visits"), Ok(0));
    assert_eq!(as_a.count("SELECT count(*) FROM frontdesk.visits"), 4);

    let reader = Pg::connect(&db.url_as(&report));
    assert_eq!(reader.count("SELECT count(*) FROM frontdesk.visits"), 7);
    assert_eq!(
        reader.count("SELECT count(*) FROM frontdesk.visit_services"),
        (2 + 1 + 2 + 1) + (2 + 1 + 2)
    );
    assert!(
        reader
            .try_exec(&format!(
                "UPDATE frontdesk.visits SET outcome = 'resolved' WHERE id = '{a_id}'"
            ))
            .unwrap_err()
            .contains("permission denied")
    );
    assert!(
        reader
            .try_exec("DELETE FROM frontdesk.visits")
            .unwrap_err()
            .contains("permission denied")
    );

    let pg = db.owner();
    assert_server_equals(&pg, &mut [&mut desk_a, &mut desk_b]);
}

#[test]
fn a_connection_cut_mid_batch_loses_and_doubles_nothing() {
    let Some(db) = TestDb::create() else { return };
    let role = db.role("desk");
    init(&db, &[("Main reception", &role)], None);
    let (mut desk, _) = Desk::with_visits("Main reception", 2_500);
    let local_before = desk.all();
    let proxy = Proxy::start(&db);
    // A batch of 1,000 of these visits is about 310 kB (visits 155 kB, services 90 kB,
    // partners and reasons 60 kB): cut the second one half way.
    proxy
        .faults
        .cut_after_bytes
        .store(460_000, Ordering::SeqCst);
    let error = desk.sync(&db.url_via(&role, &proxy)).unwrap_err();
    assert!(error.is_transient(), "{error}");
    assert!(proxy.faults.cuts.load(Ordering::SeqCst) >= 1);
    let waiting = desk.log.sync_waiting().unwrap();
    assert!(
        waiting > 0 && waiting < 2_500,
        "the committed batches are marked, the cut one is not: {waiting}"
    );
    let pg = db.owner();
    assert_eq!(
        pg.count("SELECT count(*) FROM frontdesk.visits") as u64,
        2_500 - waiting
    );

    proxy.heal();
    desk.sync(&db.url_via(&role, &proxy)).unwrap();
    assert_server_equals(&pg, &mut [&mut desk]);
    assert_eq!(desk.all(), local_before, "the local log is unchanged");
}

#[test]
fn a_server_restarted_mid_sync_gets_every_visit_once_on_the_next_sync() {
    let Some(db) = TestDb::create() else { return };
    let role = db.role("desk");
    init(&db, &[("Main reception", &role)], None);
    let (mut desk, _) = Desk::with_visits("Main reception", 3_000);
    let local_before = desk.all();
    let proxy = Proxy::start(&db);
    // Slow enough that the server's end of the connection can be ended mid-sync.
    proxy.faults.delay_ms.store(40, Ordering::SeqCst);
    let pg = db.owner();
    let killer = {
        let owner_url = db.url.clone();
        let role = role.clone();
        std::thread::spawn(move || {
            let pg = Pg::connect(&owner_url);
            for _ in 0..200 {
                std::thread::sleep(Duration::from_millis(50));
                let ended = pg.count(&format!(
                    "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                     WHERE usename = '{role}' AND state <> 'idle') ended"
                ));
                if ended > 0 {
                    return true;
                }
            }
            false
        })
    };
    let first = desk.sync(&db.url_via(&role, &proxy));
    assert!(killer.join().unwrap(), "the desk's backend was ended");
    let error = first.unwrap_err();
    assert!(error.is_transient(), "{error}");
    assert!(desk.log.sync_waiting().unwrap() > 0);

    proxy.heal();
    desk.sync(&db.url_via(&role, &proxy)).unwrap();
    assert_server_equals(&pg, &mut [&mut desk]);
    assert_eq!(desk.all(), local_before);
}

#[test]
fn a_slow_server_gets_every_visit_and_a_refusing_one_keeps_them_queued() {
    let Some(db) = TestDb::create() else { return };
    let role = db.role("desk");
    init(&db, &[("Main reception", &role)], None);
    let (mut desk, _) = Desk::with_visits("Main reception", 1_200);
    let proxy = Proxy::start(&db);
    proxy.faults.refuse.store(true, Ordering::SeqCst);
    let refused = desk.sync(&db.url_via(&role, &proxy)).unwrap_err();
    assert!(refused.is_transient(), "{refused}");
    assert_eq!(desk.log.sync_waiting().unwrap(), 1_200);
    proxy.heal();
    // Every packet held up 15 ms each way: slower, still whole.
    proxy.faults.delay_ms.store(15, Ordering::SeqCst);
    let pushed = desk.sync(&db.url_via(&role, &proxy)).unwrap();
    assert_eq!((pushed.sent, pushed.waiting), (1_200, 0));
    assert_server_equals(&db.owner(), &mut [&mut desk]);
}

#[test]
fn two_desks_syncing_the_same_visits_at_once_leave_one_copy_of_each() {
    let Some(db) = TestDb::create() else { return };
    let role = db.role("desk");
    init(&db, &[("Main reception", &role)], None);
    let (mut desk, _) = Desk::with_visits("Main reception", 2_000);
    // A second window (or a copied log) with the same visits, syncing at the same time.
    let copy_dir = tempfile::tempdir().unwrap();
    let copy_path = copy_dir.path().join("visits.sqlite3");
    desk.log.backup_to(&copy_path, false).unwrap();
    let server = db.url_as(&role);
    let threads: Vec<_> = [desk.path.clone(), copy_path.clone()]
        .into_iter()
        .map(|path| {
            let server = server.clone();
            std::thread::spawn(move || {
                let mut log = VisitLog::new(&path);
                let mut central = Central::connect(&url(&server)).unwrap();
                central::push::push_with(&mut central, &mut log, 500, &with_notes()).unwrap()
            })
        })
        .collect();
    for thread in threads {
        assert_eq!(thread.join().unwrap().waiting, 0);
    }
    let pg = db.owner();
    assert_server_equals(&pg, &mut [&mut desk]);
    let mut copy = Desk {
        _dir: copy_dir,
        log: VisitLog::new(&copy_path),
        path: copy_path,
    };
    assert_eq!(copy.all(), desk.all());
}

#[test]
fn a_desk_offline_for_a_week_with_5000_visits_catches_up() {
    let Some(db) = TestDb::create() else { return };
    let role = db.role("desk");
    init(&db, &[("Village hall", &role)], None);
    let proxy = Proxy::start(&db);
    proxy.faults.refuse.store(true, Ordering::SeqCst);
    let mut desk = Desk::new();
    let week_ago = Utc::now() - chrono::Duration::days(7);
    for day in 0..7 {
        let visits: Vec<Visit> = (0..715)
            .map(|n| {
                visit(
                    week_ago
                        + chrono::Duration::days(day)
                        + chrono::Duration::seconds(n as i64 * 30),
                    "Village hall",
                    n,
                )
            })
            .take(if day == 6 { 5_000 - 6 * 715 } else { 715 })
            .collect();
        desk.log.save_all(&visits).unwrap();
        // The desk tries every day and is refused; nothing is lost.
        let error = desk.sync(&db.url_via(&role, &proxy)).unwrap_err();
        assert!(error.is_transient(), "{error}");
    }
    assert_eq!(desk.log.sync_waiting().unwrap(), 5_000);
    let local_before = desk.all();
    proxy.heal();
    let pushed = desk.sync(&db.url_via(&role, &proxy)).unwrap();
    assert_eq!((pushed.sent, pushed.waiting), (5_000, 0));
    assert_server_equals(&db.owner(), &mut [&mut desk]);
    assert_eq!(desk.all(), local_before);
}

#[test]
fn an_edit_and_an_undo_that_arrive_after_the_original_win_and_an_old_copy_cannot_undo_them() {
    let Some(db) = TestDb::create() else { return };
    let role = db.role("desk");
    init(&db, &[("Main reception", &role)], None);
    let (mut desk, visits) = Desk::with_visits("Main reception", 4);
    // A copy of the log as it was before the edit and undo: it still holds version 1.
    let old_dir = tempfile::tempdir().unwrap();
    let old_path = old_dir.path().join("visits.sqlite3");
    desk.log.backup_to(&old_path, false).unwrap();

    let mut edited = visits[0].clone();
    edited.note = Some("edited".into());
    desk.log.update(&edited).unwrap();
    desk.log.delete(visits[1].id).unwrap();
    // The edit and the undo go first (the original version 1 never went).
    desk.sync(&db.url_as(&role)).unwrap();
    let pg = db.owner();
    assert_server_equals(&pg, &mut [&mut desk]);
    // Then the old copy's originals arrive late: the server keeps the newer versions.
    let mut old = VisitLog::new(&old_path);
    let mut central = Central::connect(&url(&db.url_as(&role))).unwrap();
    central::push::push_with(&mut central, &mut old, 100, &with_notes()).unwrap();
    assert_server_equals(&pg, &mut [&mut desk]);
    assert_eq!(
        pg.rows(&format!(
            "SELECT note, version FROM frontdesk.visits WHERE id = '{}'",
            visits[0].id
        )),
        vec![vec!["edited".to_string(), "2".into()]]
    );
    assert_eq!(
        pg.count(&format!(
            "SELECT count(*) FROM frontdesk.visits WHERE undone AND id = '{}'",
            visits[1].id
        )),
        1
    );
}

#[test]
fn every_synced_column_has_a_column_of_the_same_name_on_the_server() {
    let Some(db) = TestDb::create() else { return };
    init(&db, &[], None);
    let pg = db.owner();
    let tables = std::iter::once(&frontdesk::store::outbox::SYNCED_VISITS)
        .chain(frontdesk::store::outbox::SYNCED_CHILDREN);
    for table in tables {
        for column in table.columns {
            assert_eq!(
                pg.count(&format!(
                    "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'frontdesk' \
                     AND table_name = '{}' AND column_name = '{column}'",
                    table.name
                )),
                1,
                "{}.{column}",
                table.name
            );
        }
    }
    // Running init again changes nothing and fails on nothing.
    init(&db, &[], None);
    assert_eq!(
        pg.count("SELECT max(version) FROM frontdesk.schema_version"),
        i64::from(central::schema::CENTRAL_SCHEMA_VERSION)
    );
}

fn stdout(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_commands_init_sync_publish_and_purge_centrally() {
    let Some(db) = TestDb::create() else { return };
    let role = db.role("desk");
    let report = db.role("report");
    let data = tempfile::tempdir().unwrap();
    let init = stdout(frontdesk(data.path()).args([
        "server",
        "init",
        "--server",
        &db.url,
        "--desk",
        "Main reception",
        "--desk-role",
        &role,
        "--report-role",
        &report,
    ]));
    assert!(
        init.contains(&format!(
            "is at version {}",
            central::schema::CENTRAL_SCHEMA_VERSION
        )),
        "{init}"
    );
    assert!(
        init.contains(&format!(
            "Role {role} may sync the visits of desk \"Main reception\""
        )),
        "{init}"
    );

    // Two visits today, and one two years ago that the local purge keeps only because the
    // retention set here is long.
    let desk_server = db.url_as(&role);
    for _ in 0..2 {
        stdout(frontdesk(data.path()).args([
            "log",
            "--service",
            "council-tax-pay",
            "--outcome",
            "resolved",
            "--desk",
            "Main reception",
        ]));
    }
    let mut old = VisitLog::new(data.path().join("visits.sqlite3"));
    old.save(&visit(
        Utc::now() - chrono::Duration::days(800),
        "Main reception",
        1,
    ))
    .unwrap();
    let sync = stdout(
        frontdesk(data.path())
            .env("FRONTDESK_SERVER", &desk_server)
            .env("FRONTDESK_DESK", "Main reception")
            .arg("sync"),
    );
    assert!(sync.starts_with("Sent 3 visits to "), "{sync}");
    assert!(sync.contains("; 0 waiting."), "{sync}");

    // Publish the built-in catalogue with a new version; the desk fetches it on sync.
    let catalogue = tempfile::tempdir().unwrap();
    copy_catalogue(catalogue.path(), "2099.1");
    let published = stdout(
        frontdesk(data.path())
            .args(["catalogue", "publish", "--server", &db.url])
            .arg(catalogue.path()),
    );
    assert!(
        published.starts_with("Published catalogue version 2099.1"),
        "{published}"
    );
    let again = stdout(
        frontdesk(data.path())
            .args(["catalogue", "publish", "--server", &db.url])
            .arg(catalogue.path()),
    );
    assert!(again.contains("already published"), "{again}");
    let sync = stdout(
        frontdesk(data.path())
            .env("FRONTDESK_SERVER", &desk_server)
            .env("FRONTDESK_DESK", "Main reception")
            .arg("sync"),
    );
    assert!(sync.contains("Fetched catalogue version 2099.1"), "{sync}");
    // The next visit logged records the fetched catalogue's version.
    let logged = stdout(frontdesk(data.path()).args([
        "log",
        "--service",
        "council-tax-pay",
        "--outcome",
        "resolved",
        "--json",
    ]));
    assert!(
        logged.contains("\"catalogue_version\": \"2099.1\"")
            || logged.contains("\"catalogue_version\":\"2099.1\""),
        "{logged}"
    );

    // A catalogue with an error is not published.
    std::fs::write(
        catalogue.path().join("broken.toml"),
        "[[service]]\nid = \"x\"\n",
    )
    .unwrap();
    let refused = frontdesk(data.path())
        .args(["catalogue", "publish", "--server", &db.url])
        .arg(catalogue.path())
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("Nothing was published"));

    // Central retention: the old visit goes, today's stay, whatever --older-than says.
    let pg = db.owner();
    let dry = stdout(frontdesk(data.path()).args([
        "purge",
        "--central",
        "--dry-run",
        "--older-than",
        "30",
        "--server",
        &db.url,
    ]));
    assert!(
        dry.starts_with("Would remove 1 visit older than 30 days from "),
        "{dry}"
    );
    let purged = stdout(frontdesk(data.path()).args([
        "purge",
        "--central",
        "--older-than",
        "1",
        "--server",
        &db.url,
    ]));
    assert!(
        purged.starts_with("Removed 1 visit older than 1 day from "),
        "{purged}"
    );
    assert_eq!(pg.count("SELECT count(*) FROM frontdesk.visits"), 2);
    assert_eq!(
        old.sync_waiting().unwrap(),
        1,
        "the visit logged after the last sync waits"
    );
}

/// The built-in catalogue's files, with the council's version set to `version`.
fn copy_catalogue(dir: &Path, version: &str) {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/catalogue");
    copy_dir(&source, dir);
    for entry in walk(dir) {
        let text = std::fs::read_to_string(&entry).unwrap();
        if text.contains("[council]") {
            let changed: String = text
                .lines()
                .map(|line| {
                    if line.trim_start().starts_with("version") {
                        format!("version = \"{version}\"\n")
                    } else {
                        format!("{line}\n")
                    }
                })
                .collect();
            std::fs::write(&entry, changed).unwrap();
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn an_unreachable_server_is_one_sentence_and_the_visits_stay_queued() {
    // No database needed: nothing listens on this port.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let data = tempfile::tempdir().unwrap();
    stdout(frontdesk(data.path()).args([
        "log",
        "--service",
        "council-tax-pay",
        "--outcome",
        "resolved",
    ]));
    let output = frontdesk(data.path())
        .env(
            "FRONTDESK_SERVER",
            format!("postgres://desk:hunter2@127.0.0.1:{port}/frontdesk"),
        )
        .arg("sync")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(&format!(
            "frontdesk: cannot reach the server postgres://desk:***@127.0.0.1:{port}/frontdesk"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("hunter2"));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let mut log = VisitLog::new(data.path().join("visits.sqlite3"));
    assert_eq!(log.sync_waiting().unwrap(), 1);
}

#[test]
fn config_print_shows_the_servers_without_their_passwords() {
    let data = tempfile::tempdir().unwrap();
    let printed = stdout(
        frontdesk(data.path())
            .env(
                "FRONTDESK_SERVER",
                "postgres://desk_main:s3cret@db.example.gov.uk/frontdesk",
            )
            .env(
                "FRONTDESK_REPORT_SERVER",
                "postgres://reports@db.example.gov.uk/frontdesk?password=s3cret",
            )
            .args(["config", "--print"]),
    );
    assert!(
        printed.contains("server = postgres://desk_main:***@db.example.gov.uk/frontdesk\n"),
        "{printed}"
    );
    assert!(
        printed.contains(
            "report_server = postgres://reports@db.example.gov.uk/frontdesk?password=***\n"
        ),
        "{printed}"
    );
    assert!(!printed.contains("s3cret"));
    let bad = frontdesk(data.path())
        .env("FRONTDESK_SERVER", "db.example.gov.uk")
        .args(["config", "--print"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stderr)
            .contains("FRONTDESK_SERVER must be a URL that starts with postgres://")
    );
}

#[allow(dead_code)]
fn at(y: i32, mo: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, 10, 0, 0).unwrap()
}
