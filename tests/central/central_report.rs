//! The report across desks, for real: the server's figures for a desk are the desk's own
//! report, byte for byte in JSON, through syncs, edits, undos, a central purge and an upgrade
//! of the server's schema; every desk's figures are the sum of the desks'; the counts kept by
//! each sync equal the counts made afresh; a desk's role is refused; and the command line.
//! Each test has its own database (see `support::central`).

use crate::support::central as central_support;

use std::collections::BTreeMap;

use chrono::{Duration, Local, NaiveDate, Utc};
use frontdesk::catalogue::Catalogue;
use frontdesk::central::{self, Central};
use frontdesk::config::{ServerUrl, UnitCosts};
use frontdesk::demo::{self, DemoPlan};
use frontdesk::report::{DEMO_DESK, Period, Report, desks_for};
use frontdesk::store::{Count, Desks, VisitLog};
use frontdesk::text::Language;
use frontdesk::visit::{LanguageChoice, Outcome, ResidentLanguage, Visit, VisitDraft};
use tempfile::TempDir;

use central_support::{Pg, TestDb, frontdesk};

const MAIN: &str = "Main reception";
const LIBRARY: &str = "Library hub";

fn url(text: &str) -> ServerUrl {
    ServerUrl::parse("test", text).unwrap()
}

fn connect(text: &str) -> Central {
    Central::connect(&url(text)).unwrap()
}

/// A desk's own folder and log, filled with made-up visits of every kind (services, outcomes,
/// partners, scripts, demand, languages...) over `days` days ending today.
struct Desk {
    /// The desk's data folder: its log is `visits.sqlite3` there, where the binary reads it.
    dir: TempDir,
    log: VisitLog,
    name: &'static str,
}

impl Desk {
    fn new(name: &'static str, catalogue: &Catalogue, visits: u64, days: u32, seed: u64) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let mut log = VisitLog::new(dir.path().join("visits.sqlite3"));
        let plan = DemoPlan {
            visits,
            days,
            seed,
            last_day: Local::now().date_naive(),
        };
        let made: Vec<Visit> = demo::visits(catalogue, name, plan).collect();
        log.save_all(&made).unwrap();
        Desk { dir, log, name }
    }

    fn sync(&mut self, server: &str) {
        let mut central = connect(server);
        let pushed = central::push::push_all(&mut central, &mut self.log, 250).unwrap();
        assert_eq!(pushed.waiting, 0, "{} still has visits waiting", self.name);
    }

    fn all(&mut self) -> Vec<Visit> {
        self.log
            .visits_between(
                chrono::DateTime::<Utc>::MIN_UTC,
                chrono::DateTime::<Utc>::MAX_UTC,
                None,
            )
            .unwrap()
    }

    /// Edits every `every`th visit the way a receptionist would within the window: another
    /// service, another outcome, the resident's language, a longer visit; undoes a few others.
    fn edit_and_undo(&mut self, every: usize, catalogue: &Catalogue) {
        let visits = self.all();
        for (i, visit) in visits.iter().enumerate() {
            if i % every == 0 {
                let mut draft = VisitDraft::from_visit(visit);
                let extra = &catalogue.services[i % catalogue.services.len()].id;
                if !draft.services.contains(extra) {
                    draft.services.push(extra.clone());
                }
                draft.outcome = Some(if i % 2 == 0 {
                    Outcome::Referred
                } else {
                    Outcome::Resolved
                });
                draft.service_outcomes.clear();
                draft.language = LanguageChoice::both(ResidentLanguage::Welsh);
                draft.ended_at += Duration::minutes(7);
                self.log.update(&draft.into_visit().unwrap()).unwrap();
            } else if i % every == 3 {
                assert!(self.log.delete(visit.id).unwrap());
            }
        }
    }

    fn counts(&mut self, from: NaiveDate, to: NaiveDate) -> Vec<Count> {
        self.log
            .report_counts(from, to, &Desks::Only(self.name.to_string()))
            .unwrap()
    }
}

fn report_json(
    counts: &[Count],
    from: NaiveDate,
    to: NaiveDate,
    desk: Option<&str>,
    catalogue: &Catalogue,
) -> serde_json::Value {
    let report = Report::build(
        Period {
            from,
            to,
            desk: desk.map(str::to_string),
        },
        counts,
        catalogue,
        UnitCosts::default(),
        Language::English,
    );
    serde_json::to_value(report).unwrap()
}

/// The server's counts of a period, as the report role.
fn central_counts(server: &str, from: NaiveDate, to: NaiveDate, desks: &Desks) -> Vec<Count> {
    let mut central = connect(server);
    central::report::report_counts(&mut central, from, to, desks).unwrap()
}

/// Counts of several desks added together, as one desk's would be.
fn summed(parts: &[Vec<Count>]) -> Vec<Count> {
    let mut total: BTreeMap<(String, String, String), u64> = BTreeMap::new();
    for count in parts.iter().flatten() {
        *total
            .entry((count.figure.clone(), count.key.clone(), count.sub.clone()))
            .or_default() += count.n;
    }
    total
        .into_iter()
        .map(|((figure, key, sub), n)| Count {
            figure,
            key,
            sub,
            n,
        })
        .collect()
}

/// Periods a council would ask for: today, the last week, a month to date, a part of a month
/// to a part of another (days and whole months together), and everything.
fn periods(days: i64) -> Vec<(NaiveDate, NaiveDate)> {
    let today = Local::now().date_naive();
    let month_start = today - Duration::days(i64::from(chrono::Datelike::day(&today)) - 1);
    vec![
        (today, today),
        (today - Duration::days(6), today),
        (month_start, today),
        (today - Duration::days(days - 12), today - Duration::days(9)),
        (today - Duration::days(days + 30), today),
    ]
}

/// For every period: each desk's figures on the server are its own report's, and every
/// desk's are their sum.
fn assert_same_figures(
    report_url: &str,
    desks: &mut [&mut Desk],
    catalogue: &Catalogue,
    days: i64,
) {
    for (from, to) in periods(days) {
        let mut parts = Vec::new();
        for desk in desks.iter_mut() {
            let local = desk.counts(from, to);
            let server = central_counts(report_url, from, to, &Desks::Only(desk.name.into()));
            assert_eq!(
                report_json(&server, from, to, Some(desk.name), catalogue),
                report_json(&local, from, to, Some(desk.name), catalogue),
                "{} from {from} to {to}",
                desk.name
            );
            parts.push(local);
        }
        let server = central_counts(report_url, from, to, &desks_for(None));
        let every = report_json(&server, from, to, None, catalogue);
        assert_eq!(
            every,
            report_json(&summed(&parts), from, to, None, catalogue),
            "every desk from {from} to {to}"
        );
        if from < to {
            assert!(every["visits"].as_u64().unwrap() > 0, "{from} to {to}");
        }
    }
}

/// The server's counts, for comparing with counts made afresh.
fn count_rows(pg: &Pg) -> Vec<Vec<String>> {
    let mut rows = pg.rows(
        "SELECT 'day', day, desk, figure, key, sub, n FROM frontdesk.report_counts WHERE n <> 0 \
         UNION ALL SELECT 'month', month, desk, figure, key, sub, n FROM frontdesk.report_month_counts \
         WHERE n <> 0",
    );
    rows.sort();
    rows
}

/// The counts the syncs (and purges) kept are the counts a recount makes of the visits on the
/// server; gives them back.
fn assert_kept_counts_are_a_recount(db: &TestDb) -> Vec<Vec<String>> {
    let pg = db.owner();
    let kept = count_rows(&pg);
    central::counts::recount(&mut connect(&db.url)).unwrap();
    assert_eq!(count_rows(&pg), kept);
    kept
}

fn init(db: &TestDb, desks: &[(&str, &str)], report: &str) {
    let mut owner = connect(&db.url);
    central::schema::migrate(&mut owner).unwrap();
    for (desk, role) in desks {
        central::schema::add_desk_role(&mut owner, desk, role).unwrap();
    }
    central::schema::add_report_role(&mut owner, report).unwrap();
}

#[test]
fn the_servers_figures_are_each_desks_own_through_edits_undos_and_a_purge() {
    let Some(db) = TestDb::create() else { return };
    let catalogue = Catalogue::embedded().unwrap();
    let (main_role, library_role, report_role) =
        (db.role("main"), db.role("library"), db.role("report"));
    init(
        &db,
        &[(MAIN, &main_role), (LIBRARY, &library_role)],
        &report_role,
    );
    let days = 75;
    let mut main = Desk::new(MAIN, &catalogue, 1_200, days, 1);
    let mut library = Desk::new(LIBRARY, &catalogue, 700, days, 2);
    main.sync(&db.url_as(&main_role));
    library.sync(&db.url_as(&library_role));
    let report_url = db.url_as(&report_role);
    assert_same_figures(
        &report_url,
        &mut [&mut main, &mut library],
        &catalogue,
        days.into(),
    );

    // Edits and undos after the first sync reach the server as new versions and tombstones.
    main.edit_and_undo(9, &catalogue);
    library.edit_and_undo(13, &catalogue);
    main.sync(&db.url_as(&main_role));
    library.sync(&db.url_as(&library_role));
    // Sending again changes nothing.
    main.sync(&db.url_as(&main_role));
    assert_same_figures(
        &report_url,
        &mut [&mut main, &mut library],
        &catalogue,
        days.into(),
    );

    // The counts each sync kept are the counts made afresh from the visits.
    assert!(!assert_kept_counts_are_a_recount(&db).is_empty());

    // A purge on the server and on each desk, by the same rule, leaves the same figures.
    let cutoff = Utc::now() - Duration::days(30);
    let removed = central::purge::purge_older_than(&mut connect(&db.url), cutoff, false).unwrap();
    assert!(removed > 0);
    main.log.purge_older_than(cutoff, false).unwrap();
    library.log.purge_older_than(cutoff, false).unwrap();
    assert_same_figures(
        &report_url,
        &mut [&mut main, &mut library],
        &catalogue,
        days.into(),
    );
    // What the purge left in the counts is what a recount makes of the visits left.
    assert_kept_counts_are_a_recount(&db);
}

#[test]
fn visits_sent_again_with_newer_ones_are_counted_once() {
    // The server committed a sync but the desk never heard: it sends every visit again, mixed
    // with the edits and undos made since. The server counts only the versions it writes.
    let Some(db) = TestDb::create() else { return };
    let catalogue = Catalogue::embedded().unwrap();
    let (main_role, report_role) = (db.role("main"), db.role("report"));
    init(&db, &[(MAIN, &main_role)], &report_role);
    let days = 40;
    let mut main = Desk::new(MAIN, &catalogue, 900, days, 3);
    main.sync(&db.url_as(&main_role));
    let unheard = rusqlite::Connection::open(main.log.path())
        .unwrap()
        .execute("UPDATE sync_outbox SET sent_version = 0", [])
        .unwrap();
    assert_eq!(unheard, 900);
    main.edit_and_undo(7, &catalogue);
    main.sync(&db.url_as(&main_role));
    assert_same_figures(
        &db.url_as(&report_role),
        &mut [&mut main],
        &catalogue,
        days.into(),
    );
    assert_kept_counts_are_a_recount(&db);
}

#[test]
fn the_made_up_desk_is_left_out_unless_asked_for_and_a_desks_role_is_refused() {
    let Some(db) = TestDb::create() else { return };
    let catalogue = Catalogue::embedded().unwrap();
    let (main_role, demo_role, report_role) = (db.role("main"), db.role("demo"), db.role("report"));
    init(
        &db,
        &[(MAIN, &main_role), (DEMO_DESK, &demo_role)],
        &report_role,
    );
    let mut main = Desk::new(MAIN, &catalogue, 300, 10, 3);
    let mut made_up = Desk::new(DEMO_DESK, &catalogue, 200, 10, 4);
    main.sync(&db.url_as(&main_role));
    made_up.sync(&db.url_as(&demo_role));
    let today = Local::now().date_naive();
    let from = today - Duration::days(20);
    let report_url = db.url_as(&report_role);
    let every = central_counts(&report_url, from, today, &desks_for(None));
    assert_eq!(
        report_json(&every, from, today, None, &catalogue)["visits"],
        300
    );
    let demo = central_counts(&report_url, from, today, &desks_for(Some(DEMO_DESK)));
    assert_eq!(
        report_json(&demo, from, today, Some(DEMO_DESK), &catalogue)["visits"],
        200
    );

    // A desk's role sees only its own rows: its "every desk" would be one desk's, so it is
    // refused with what to do.
    let mut desk = connect(&db.url_as(&main_role));
    let refused =
        central::report::report_counts(&mut desk, from, today, &desks_for(None)).unwrap_err();
    let message = refused.to_string();
    assert!(message.contains("is a desk's role"), "{message}");
    assert!(message.contains("report_server"), "{message}");
}

#[test]
fn a_server_upgraded_to_keep_counts_counts_the_visits_it_already_had_and_desks_keep_syncing() {
    let Some(db) = TestDb::create() else { return };
    let catalogue = Catalogue::embedded().unwrap();
    let (main_role, report_role) = (db.role("main"), db.role("report"));
    init(&db, &[(MAIN, &main_role)], &report_role);
    let mut main = Desk::new(MAIN, &catalogue, 500, 40, 5);
    main.sync(&db.url_as(&main_role));
    // The server as the version before counts left it (schema version 2: no count tables, no
    // languages), and the desk's log as the version before (8), which synced Welsh visits to
    // it as English.
    let pg = db.owner();
    pg.exec(
        "DROP TABLE frontdesk.report_counts, frontdesk.report_month_counts; \
         DROP TABLE frontdesk.visit_choices; \
         DROP TABLE frontdesk.bookings, frontdesk.waiting; \
         DROP FUNCTION frontdesk.book, frontdesk.taken, frontdesk.room_changed; \
         ALTER TABLE frontdesk.desks DROP COLUMN site; \
         ALTER TABLE frontdesk.visit_services DROP COLUMN booking_reference; \
         ALTER TABLE frontdesk.visits DROP COLUMN waited_seconds; \
         ALTER TABLE frontdesk.visit_partners DROP COLUMN service_position; \
         ALTER TABLE frontdesk.visits DROP COLUMN spoken_language, DROP COLUMN written_language; \
         DELETE FROM frontdesk.schema_version WHERE version > 2;",
    );
    let log = rusqlite::Connection::open(main.log.path()).unwrap();
    log.execute_batch(
        "ALTER TABLE sync_outbox DROP COLUMN held_version; \
         ALTER TABLE sync_outbox DROP COLUMN held_reason; \
         ALTER TABLE visit_partners DROP COLUMN service_position; \
         ALTER TABLE visit_services DROP COLUMN booking_reference; \
         ALTER TABLE visits DROP COLUMN waited_seconds; \
         DROP TABLE bookings; DROP TABLE booking_key; DROP TABLE waiting; \
         DROP TABLE visit_choices;",
    )
    .unwrap();
    log.pragma_update(None, "user_version", 8).unwrap();
    drop(log);
    main.log = VisitLog::new(main.log.path().to_path_buf());
    assert_eq!(
        central::schema::migrate(&mut connect(&db.url)).unwrap(),
        central::schema::CENTRAL_SCHEMA_VERSION
    );
    // The desk's role, made before the upgrade, may still sync (and keep its counts); the
    // desk sends its Welsh visits again.
    assert!(main.log.sync_waiting().unwrap() > 0);
    main.sync(&db.url_as(&main_role));
    main.edit_and_undo(7, &catalogue);
    main.sync(&db.url_as(&main_role));
    let report_url = db.url_as(&report_role);
    assert_same_figures(&report_url, &mut [&mut main], &catalogue, 40);
}

#[test]
fn report_central_prints_the_servers_figures_with_the_local_reports_keys() {
    let Some(db) = TestDb::create() else { return };
    let catalogue = Catalogue::embedded().unwrap();
    let (main_role, report_role) = (db.role("main"), db.role("report"));
    init(&db, &[(MAIN, &main_role)], &report_role);
    // The desk's own log, in the data folder the command reads, synced to the server.
    let mut main = Desk::new(MAIN, &catalogue, 400, 20, 6);
    main.sync(&db.url_as(&main_role));
    let data = main.dir.path();

    let today = Local::now().date_naive();
    let from = (today - Duration::days(25)).to_string();
    let to = today.to_string();
    let run = |extra: &[&str], env: Option<&str>| {
        let mut cmd = frontdesk(data);
        cmd.args(["report", "--format", "json", "--from", &from, "--to", &to])
            .args(extra);
        if let Some(url) = env {
            cmd.env("FRONTDESK_REPORT_SERVER", url);
        }
        cmd.output().unwrap()
    };
    let json = |output: std::process::Output| -> serde_json::Value {
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let local = json(run(&["--desk", MAIN], None));
    let central = json(run(
        &["--central", "--desk", MAIN],
        Some(&db.url_as(&report_role)),
    ));
    assert_eq!(central, local);
    assert_eq!(central["visits"], 400);
    // Every desk: the same figures (one desk has synced), with no desk named.
    let every = json(run(
        &["--central", "--server", &db.url_as(&report_role)],
        None,
    ));
    assert_eq!(every["period"]["desk"], serde_json::Value::Null);
    assert_eq!(every["visits"], central["visits"]);
    assert_eq!(every["services"], central["services"]);

    // No report server: one sentence saying what to set.
    let output = run(&["--central"], None);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no report server is set"), "{stderr}");
    assert!(stderr.contains("FRONTDESK_REPORT_SERVER"), "{stderr}");
    // A desk's role: refused, with what to do.
    let output = run(&["--central"], Some(&db.url_as(&main_role)));
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is a desk's role"), "{stderr}");
    // --server without --central is a mistake, not a silent local report.
    let output = run(&["--server", &db.url_as(&report_role)], None);
    assert!(!output.status.success());
}

#[test]
fn the_accessible_modes_all_reads_every_desks_figures_and_back() {
    let Some(db) = TestDb::create() else { return };
    let catalogue = Catalogue::embedded().unwrap();
    let (main_role, library_role, report_role) =
        (db.role("main"), db.role("library"), db.role("report"));
    init(
        &db,
        &[(MAIN, &main_role), (LIBRARY, &library_role)],
        &report_role,
    );
    // Today's visits: 30 at this desk (its own log, in the data folder), 20 at the library.
    let mut main = Desk::new(MAIN, &catalogue, 30, 1, 8);
    main.sync(&db.url_as(&main_role));
    let data = main.dir.path();
    let mut library = Desk::new(LIBRARY, &catalogue, 20, 1, 9);
    library.sync(&db.url_as(&library_role));

    let run = |input: &str, report_server: Option<&str>| -> String {
        let mut cmd = frontdesk(data);
        cmd.env("FRONTDESK_DESK", MAIN).arg("--accessible");
        if let Some(url) = report_server {
            cmd.env("FRONTDESK_REPORT_SERVER", url);
        }
        let output = cmd.write_stdin(input).output().unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let said = run("report\nall\nall\nquit\n", Some(&db.url_as(&report_role)));
    let this_desk = format!("Desks: {MAIN}.\nVisits: 30.");
    let every_desk = format!("Desks: all desks except {DEMO_DESK}.\nVisits: 50.");
    let first = said.find(&this_desk).expect(&said);
    let all = said.find(&every_desk).expect(&said);
    let back = said.rfind(&this_desk).unwrap();
    assert!(first < all && all < back, "{said}");

    // A server that cannot be reached: one sentence, and 'all' goes back to this desk.
    let said = run(
        "report\nall\nquit\n",
        Some(&format!(
            "postgres://{report_role}:secret@127.0.0.1:1/{}",
            db.name
        )),
    );
    assert!(
        said.contains("Cannot read the figures of all desks: cannot reach the server"),
        "{said}"
    );
    assert!(said.contains("'all' shows this desk's."), "{said}");
    assert!(!said.contains("secret"), "{said}");
    // Without a report server, 'all' is not a command here.
    let said = run("report\nall\nquit\n", None);
    assert!(!said.contains("all desks except"), "{said}");
}
