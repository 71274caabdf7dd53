//! The central server against what a careless user or a hostile desk does: a visit the server
//! refuses is set aside and the rest of its batch goes on; desk names written another way;
//! row-level security that follows a part's parent visit; `server init` refusing a role used
//! for two jobs, and four runs at once; notes kept at the desk unless the council says so.
//! Each test has its own database (see `support::central`).

use crate::support::central as central_support;

use std::path::Path;

use chrono::{DateTime, Utc};
use frontdesk::central::push::SyncOptions;
use frontdesk::central::{self, Central};
use frontdesk::config::ServerUrl;
use frontdesk::store::VisitLog;
use frontdesk::visit::{ExclusionReason, Outcome, Visit, VisitDraft};

use central_support::{Pg, TestDb, frontdesk};

fn url(text: &str) -> ServerUrl {
    ServerUrl::parse("test", text).unwrap()
}

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

fn visit(desk: &str, n: usize) -> Visit {
    let start: DateTime<Utc> = Utc::now() - chrono::Duration::minutes(n as i64 + 1);
    let mut draft = VisitDraft::new(start, desk, "AB", "2026.11");
    draft.ended_at = start + chrono::Duration::seconds(80);
    draft.services = vec![["council-tax", "bulky-waste", "housing-advice"][n % 3].to_string()];
    if n.is_multiple_of(2) {
        draft.partners = vec!["citizens-advice".into()];
        draft.reasons = vec![ExclusionReason::NoDevice];
    }
    draft.outcome = Some(Outcome::Resolved);
    draft.note = Some(format!("asked about the bins, round {n}"));
    draft.into_visit().unwrap()
}

fn sync(log: &mut VisitLog, server: &str, options: &SyncOptions) -> central::push::Pushed {
    let mut central = Central::connect(&url(server)).unwrap();
    central::push::push_with(&mut central, log, 1_000, options).unwrap()
}

/// The report counts kept on the server, as sorted text rows.
fn counts(pg: &Pg) -> Vec<Vec<String>> {
    pg.rows(
        "SELECT day, desk, figure, key, sub, n FROM frontdesk.report_counts ORDER BY 1, 2, 3, 4, 5",
    )
}

/// The counts kept equal the counts made afresh from the visits on the server.
fn assert_counts_hold(db: &TestDb) {
    let pg = db.owner();
    let kept = counts(&pg);
    let mut owner = Central::connect(&url(&db.url)).unwrap();
    central::counts::recount(&mut owner).unwrap();
    assert_eq!(kept, counts(&pg), "kept counts match a recount");
}

#[test]
fn a_visit_the_server_refuses_is_set_aside_and_the_rest_of_its_batch_goes_on() {
    let Some(db) = TestDb::create() else { return };
    let (a, b) = (db.role("desk_a"), db.role("desk_b"));
    init(&db, &[("Desk A", &a), ("Desk B", &b)], None);
    let dir = tempfile::tempdir().unwrap();
    let options = SyncOptions::default();
    let mut desk_b = VisitLog::new(dir.path().join("b.sqlite3"));
    let b_visits: Vec<Visit> = (0..3).map(|n| visit("Desk B", n)).collect();
    desk_b.save_all(&b_visits).unwrap();
    sync(&mut desk_b, &db.url_as(&b), &options);

    // Desk A's 300 visits, three of which carry ids that desk B's visits have on the server:
    // its role may not overwrite them.
    let mut desk_a = VisitLog::new(dir.path().join("a.sqlite3"));
    let mut a_visits: Vec<Visit> = (0..300).map(|n| visit("Desk A", n)).collect();
    for (at, taken) in [(5usize, 0usize), (150, 1), (299, 2)] {
        a_visits[at].id = b_visits[taken].id;
    }
    desk_a.save_all(&a_visits).unwrap();
    let pushed = sync(&mut desk_a, &db.url_as(&a), &options);
    assert_eq!((pushed.sent, pushed.held, pushed.waiting), (297, 3, 0));
    let pg = db.owner();
    assert_eq!(
        pg.count("SELECT count(*) FROM frontdesk.visits WHERE desk = 'Desk A'"),
        297,
        "the rest of the batch is on the server"
    );
    assert_eq!(
        pg.count("SELECT count(*) FROM frontdesk.visits WHERE desk = 'Desk B'"),
        3,
        "desk B's visits are untouched"
    );
    let held = desk_a.sync_held().unwrap();
    assert_eq!(held.len(), 1, "{held:?}");
    assert_eq!(held[0].visits, 3);
    assert!(held[0].reason.contains("row-level security"), "{held:?}");
    assert_counts_hold(&db);

    // Syncing again does not try them again, and new visits still go.
    desk_a.save(&visit("Desk A", 400)).unwrap();
    let pushed = sync(&mut desk_a, &db.url_as(&a), &options);
    assert_eq!((pushed.sent, pushed.held), (1, 0));
    assert_eq!(desk_a.sync_held().unwrap()[0].visits, 3);

    // The fix: desk B's visits were a mistake and the owner removes them; sent again, the
    // three go through.
    pg.exec("DELETE FROM frontdesk.visits WHERE desk = 'Desk B'");
    let mut owner = Central::connect(&url(&db.url)).unwrap();
    central::counts::recount(&mut owner).unwrap();
    assert_eq!(desk_a.release_held().unwrap(), 3);
    let pushed = sync(&mut desk_a, &db.url_as(&a), &options);
    assert_eq!((pushed.sent, pushed.held, pushed.waiting), (3, 0, 0));
    assert!(desk_a.sync_held().unwrap().is_empty());
    assert_eq!(
        pg.count("SELECT count(*) FROM frontdesk.visits WHERE desk = 'Desk A'"),
        301
    );
    assert_counts_hold(&db);
}

/// A data folder whose desk is `desk` and whose server is `server`.
fn desk_command(data: &Path, desk: &str, server: &str) -> assert_cmd::Command {
    let mut cmd = frontdesk(data);
    cmd.env("FRONTDESK_DESK", desk)
        .env("FRONTDESK_SERVER", server);
    cmd
}

fn run(cmd: &mut assert_cmd::Command) -> (bool, String, String) {
    let output = cmd.output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_desk_name_written_another_way_reaches_the_server_as_this_desk_and_another_desks_visit_waits_aside()
 {
    let Some(db) = TestDb::create() else { return };
    let role = db.role("desk_k");
    let other = db.role("desk_other");
    let data = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = run(frontdesk(data.path()).args([
        "server",
        "init",
        "--server",
        &db.url,
        "--desk",
        "Desk K",
        "--desk-role",
        &role,
    ]));
    assert!(ok, "{stderr}");
    // A second desk whose name differs only in case is refused: the server would take it as
    // another desk.
    let (ok, _, stderr) = run(frontdesk(data.path()).args([
        "server",
        "init",
        "--server",
        &db.url,
        "--desk",
        "desk  k",
        "--desk-role",
        &other,
    ]));
    assert!(!ok);
    assert!(
        stderr.contains(
            "differs from the desk \"Desk K\" already on the server only in case or spacing"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");

    // Visits logged before the server was set, under "Desk k" and under another desk.
    let mut log = VisitLog::new(data.path().join("visits.sqlite3"));
    let variant = visit("Desk k", 1);
    let elsewhere = visit("Reception two", 2);
    log.save_all(&[variant.clone(), elsewhere.clone()]).unwrap();
    let server = db.url_as(&role);
    // With a server set, `log --desk` takes only this desk (written any way).
    let (ok, _, stderr) = run(desk_command(data.path(), "Desk K", &server).args([
        "log",
        "--service",
        "council-tax-pay",
        "--outcome",
        "resolved",
        "--desk",
        "Reception two",
    ]));
    assert!(!ok);
    assert!(
        stderr.starts_with("frontdesk: --desk \"Reception two\" is not this desk (\"Desk K\")"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let (ok, _, stderr) = run(desk_command(data.path(), "Desk K", &server).args([
        "log",
        "--service",
        "council-tax-pay",
        "--outcome",
        "resolved",
        "--desk",
        "desk K ",
    ]));
    assert!(ok, "{stderr}");

    let (ok, stdout, stderr) = run(desk_command(data.path(), "Desk K", &server).arg("sync"));
    assert!(!ok, "a visit set aside is a failure to report");
    assert!(stdout.starts_with("Sent 2 visits to "), "{stdout}");
    assert!(
        stderr.starts_with(
            "frontdesk: 1 visit cannot be sent: it was logged at desk \"Reception two\", and this desk (\"Desk K\") sends only its own visits."
        ),
        "{stderr}"
    );
    let pg = db.owner();
    assert_eq!(
        pg.rows("SELECT DISTINCT desk FROM frontdesk.visits"),
        vec![vec!["Desk K".to_string()]],
        "both reach the server as desk \"Desk K\""
    );
    assert_eq!(
        pg.count(&format!(
            "SELECT count(*) FROM frontdesk.visits WHERE id = '{}'",
            variant.id
        )),
        1
    );
    // Its counts are the server's, under the desk's own name.
    assert_eq!(
        pg.count("SELECT count(*) FROM frontdesk.report_counts WHERE desk <> 'Desk K'"),
        0
    );
    // Sent again, the other desk's visit is still set aside, with the same sentence.
    let (ok, _, stderr) =
        run(desk_command(data.path(), "Desk K", &server).args(["sync", "--retry-held"]));
    assert!(!ok);
    assert!(stderr.contains("1 visit cannot be sent"), "{stderr}");
    // Configured as that desk (with a role for it), the visit goes.
    let two = db.role("desk_two");
    init(&db, &[("Reception two", &two)], None);
    let (ok, stdout, stderr) =
        run(desk_command(data.path(), "Reception two", &db.url_as(&two))
            .args(["sync", "--retry-held"]));
    assert!(ok, "{stderr}");
    assert!(stdout.contains("Sent 1 visit to "), "{stdout}");
    assert_eq!(
        pg.count("SELECT count(*) FROM frontdesk.visits WHERE desk = 'Reception two'"),
        1
    );
}

#[test]
fn a_desk_cannot_add_parts_under_another_desks_visit() {
    let Some(db) = TestDb::create() else { return };
    let (a, b) = (db.role("desk_a"), db.role("desk_b"));
    init(&db, &[("Desk A", &a), ("Desk B", &b)], None);
    let dir = tempfile::tempdir().unwrap();
    let mut desk_b = VisitLog::new(dir.path().join("b.sqlite3"));
    let b_visit = visit("Desk B", 1);
    desk_b.save(&b_visit).unwrap();
    sync(&mut desk_b, &db.url_as(&b), &SyncOptions::default());
    let mut desk_a = VisitLog::new(dir.path().join("a.sqlite3"));
    let a_visit = visit("Desk A", 2);
    desk_a.save(&a_visit).unwrap();
    sync(&mut desk_a, &db.url_as(&a), &SyncOptions::default());

    let as_a = Pg::connect(&db.url_as(&a));
    for (table, columns, values) in [
        ("visit_services", "position, service_id", "9, 'council-tax'"),
        (
            "visit_partners",
            "position, partner_id",
            "9, 'citizens-advice'",
        ),
        ("visit_reasons", "position, reason", "9, 'no_device'"),
    ] {
        // Under B's visit, with A's own desk on the row or with B's: refused either way.
        for desk in ["Desk A", "Desk B"] {
            let refused = as_a.try_exec(&format!(
                "INSERT INTO frontdesk.{table} (visit_id, desk, {columns}) VALUES ('{}', '{desk}', {values})",
                b_visit.id
            ));
            assert!(
                refused
                    .as_ref()
                    .is_err_and(|e| e.contains("row-level security")),
                "{table} as {desk}: {refused:?}"
            );
        }
        // Under its own visit it may.
        assert_eq!(
            as_a.try_exec(&format!(
                "INSERT INTO frontdesk.{table} (visit_id, desk, {columns}) VALUES ('{}', 'Desk A', {values})",
                a_visit.id
            )),
            Ok(1),
            "{table}"
        );
    }
    // B edits its visit, and its sync goes through: nothing of A's is in the way.
    let mut edited = b_visit.clone();
    edited.outcome = Outcome::Referred;
    desk_b.update(&edited).unwrap();
    let pushed = sync(&mut desk_b, &db.url_as(&b), &SyncOptions::default());
    assert_eq!((pushed.sent, pushed.held), (1, 0));
}

#[test]
fn server_init_refuses_a_role_used_for_two_jobs_in_one_sentence_each() {
    let Some(db) = TestDb::create() else { return };
    let desk = db.role("desk");
    let report = db.role("report");
    let data = tempfile::tempdir().unwrap();
    let init = |args: &[&str]| {
        let mut cmd = frontdesk(data.path());
        cmd.args(["server", "init", "--server", &db.url]).args(args);
        run(&mut cmd)
    };
    let (ok, stdout, stderr) = init(&[
        "--desk",
        "Main",
        "--desk-role",
        &desk,
        "--report-role",
        &report,
    ]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("but not their notes"), "{stdout}");

    let owner = db.owner().rows("SELECT current_user")[0][0].clone();
    for (args, says) in [
        (
            vec!["--desk", "Main", "--desk-role", report.as_str()],
            format!("--desk-role {report} is the report role"),
        ),
        (
            vec!["--desk", "Main", "--desk-role", owner.as_str()],
            format!("--desk-role {owner} is a superuser"),
        ),
        (
            vec!["--report-role", desk.as_str()],
            format!("--report-role {desk} is the role of desk \"Main\""),
        ),
        (
            vec![
                "--desk",
                "Main",
                "--desk-role",
                desk.as_str(),
                "--report-role",
                desk.as_str(),
            ],
            format!("--desk-role and --report-role are both {desk}"),
        ),
    ] {
        let (ok, _, stderr) = init(&args);
        assert!(!ok, "{args:?}");
        assert!(
            stderr.starts_with(&format!("frontdesk: {says}")),
            "{stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    // An owner that is not a superuser is refused as the owner.
    let plain_owner = db.role("owner");
    let pg = db.owner();
    pg.exec(&format!(
        "CREATE ROLE {plain_owner} LOGIN; ALTER SCHEMA frontdesk OWNER TO {plain_owner}"
    ));
    let (ok, _, stderr) = init(&["--desk", "Main", "--desk-role", &plain_owner]);
    assert!(!ok);
    assert!(
        stderr.contains(&format!(
            "--desk-role {plain_owner} is the owner of the frontdesk schema"
        )),
        "{stderr}"
    );
    // Nothing was changed by the refusals.
    assert_eq!(
        pg.rows("SELECT role::text, desk FROM frontdesk.desks"),
        vec![vec![desk.clone(), "Main".to_string()]]
    );
    assert_eq!(
        pg.rows("SELECT role::text FROM frontdesk.readers"),
        vec![vec![report.clone()]]
    );
}

#[test]
fn four_server_inits_at_once_all_succeed() {
    let Some(db) = TestDb::create() else { return };
    let report = db.role("report");
    let roles: Vec<String> = (0..4).map(|n| db.role(&format!("desk{n}"))).collect();
    let data = tempfile::tempdir().unwrap();
    let children: Vec<_> = roles
        .iter()
        .enumerate()
        .map(|(n, role)| {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("frontdesk"));
            cmd.env_clear()
                .env("HOME", data.path())
                .env("FRONTDESK_CONFIG", central_support::EMPTY_CONFIG)
                .env("FRONTDESK_DATA_DIR", data.path())
                .args(["server", "init", "--server", &db.url, "--desk"])
                .arg(format!("Desk {n}"))
                .args(["--desk-role", role, "--report-role", &report])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            cmd.spawn().unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let pg = db.owner();
    assert_eq!(pg.count("SELECT count(*) FROM frontdesk.desks"), 4);
    assert_eq!(pg.count("SELECT count(*) FROM frontdesk.readers"), 1);
    assert_eq!(
        pg.count("SELECT max(version) FROM frontdesk.schema_version"),
        i64::from(central::schema::CENTRAL_SCHEMA_VERSION)
    );
}

#[test]
fn notes_stay_at_the_desk_unless_the_council_sends_them_and_the_report_role_never_reads_them() {
    let Some(db) = TestDb::create() else { return };
    let (a, b, report) = (db.role("desk_a"), db.role("desk_b"), db.role("report"));
    init(&db, &[("Desk A", &a), ("Desk B", &b)], Some(&report));
    let dir = tempfile::tempdir().unwrap();
    let mut desk_a = VisitLog::new(dir.path().join("a.sqlite3"));
    desk_a
        .save_all(&(0..4).map(|n| visit("Desk A", n)).collect::<Vec<_>>())
        .unwrap();
    sync(&mut desk_a, &db.url_as(&a), &SyncOptions::default());
    let pg = db.owner();
    assert_eq!(
        pg.count("SELECT count(*) FROM frontdesk.visits WHERE note IS NOT NULL"),
        0,
        "by default no note leaves the desk"
    );

    let mut desk_b = VisitLog::new(dir.path().join("b.sqlite3"));
    desk_b
        .save_all(&(0..3).map(|n| visit("Desk B", n)).collect::<Vec<_>>())
        .unwrap();
    let notes = SyncOptions {
        desk: Some("Desk B".into()),
        notes: true,
    };
    sync(&mut desk_b, &db.url_as(&b), &notes);
    assert_eq!(
        pg.count("SELECT count(*) FROM frontdesk.visits WHERE note LIKE 'asked about the bins%'"),
        3,
        "with sync_notes the notes are on the server"
    );

    let reader = Pg::connect(&db.url_as(&report));
    assert_eq!(reader.count("SELECT count(*) FROM frontdesk.visits"), 7);
    assert!(
        reader.count("SELECT sum(n) FROM frontdesk.report_counts WHERE figure = 'visits'") >= 7
    );
    let refused = reader.try_rows("SELECT note FROM frontdesk.visits");
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.contains("permission denied")),
        "{refused:?}"
    );
    assert!(reader.try_rows("SELECT * FROM frontdesk.visits").is_err());
    // A role granted the notes reads them.
    pg.exec(&format!(
        "GRANT SELECT (note) ON frontdesk.visits TO {report}"
    ));
    assert_eq!(
        reader.count("SELECT count(*) FROM frontdesk.visits WHERE note IS NOT NULL"),
        3
    );
}
