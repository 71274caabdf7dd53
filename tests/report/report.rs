//! Customer insight: every figure of the report against a small visit log worked out by hand,
//! the counts kept right through edits, undos and purges, and a larger made-up log checked
//! against the same figures computed with plain SQL from the visits themselves.
//!
//! The visits are in November, when UK time is UTC, so the hours below are the same whatever
//! zone the machine is in; the clock change has its own test file.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use frontdesk::catalogue::Catalogue;
use frontdesk::config::UnitCosts;
use frontdesk::demo::{DemoPlan, visits as demo_visits};
use frontdesk::report::{DEMO_DESK, Period, Report, desks_for};
use frontdesk::store::{Store, VisitLog};
use frontdesk::text::Language;
use frontdesk::visit::{
    AssistedHow, Demand, ExclusionReason, Feedback, OnlineAnswer, Outcome, ScriptRecord,
    ServiceOutcome, Visit, VisitDraft,
};
use rusqlite::Connection;
use tempfile::TempDir;

fn at(d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, d, h, mi, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// A visit from `start` lasting `minutes`, with `services` (id, own outcome).
fn visit(
    desk: &str,
    start: DateTime<Utc>,
    minutes: i64,
    services: &[(&str, Outcome)],
    outcome: Outcome,
) -> Visit {
    let mut draft = VisitDraft::new(start, desk, "", "t1");
    draft.ended_at = start + chrono::Duration::minutes(minutes);
    draft.services = services.iter().map(|(id, _)| id.to_string()).collect();
    draft.outcome = Some(outcome);
    for (id, own) in services {
        draft.service_outcomes.insert(id.to_string(), *own);
    }
    draft.into_visit().unwrap()
}

/// The hand-worked log: six visits at two real desks on Monday 23 and Tuesday 24 November,
/// and one at the demo desk.
fn fixture() -> Vec<Visit> {
    use Outcome::*;
    let mut v1 = visit(
        "Main desk",
        at(23, 9, 10),
        6,
        &[("council-tax", Resolved)],
        Resolved,
    );
    v1.demand = Some(Demand::Value);
    v1.online = Some(OnlineAnswer::Yes);
    v1.feedback = Feedback::Compliment;

    let mut v2 = visit(
        "Main desk",
        at(23, 9, 40),
        12,
        &[("housing-benefit", Signposted), ("council-tax", Resolved)],
        Signposted,
    );
    v2.partners = vec!["citizens-advice".into()];
    v2.demand = Some(Demand::ChasingProgress);
    v2.online = Some(OnlineAnswer::No);
    v2.reasons = vec![ExclusionReason::NoDevice, ExclusionReason::Language];

    let mut v3 = visit(
        "Main desk",
        at(23, 10, 5),
        3,
        &[("bin-day", Resolved)],
        Resolved,
    );
    v3.demand = Some(Demand::WrongPlace);
    v3.online = Some(OnlineAnswer::DontKnow);
    v3.script = Some(Box::new(ScriptRecord {
        id: "missed-bin".into(),
        version: "1".into(),
        path: vec![2],
    }));

    let mut v4 = visit(
        "Main desk",
        at(24, 14, 0),
        20,
        &[("housing-benefit", AssistedDigital)],
        AssistedDigital,
    );
    v4.assisted = Some(AssistedHow::DoneForThem);
    v4.demand = Some(Demand::RepeatContact);
    v4.online = Some(OnlineAnswer::Yes);
    v4.feedback = Feedback::Complaint;

    let mut v5 = visit(
        "Main desk",
        at(24, 14, 30),
        1,
        &[("council-tax", NotResolved)],
        NotResolved,
    );
    v5.partners = vec!["food-bank".into()];

    let mut v6 = visit(
        "Library",
        at(23, 11, 0),
        5,
        &[("council-tax", Resolved)],
        Resolved,
    );
    v6.demand = Some(Demand::Value);

    let mut v7 = visit(
        DEMO_DESK,
        at(23, 12, 0),
        9,
        &[("council-tax", Resolved)],
        Resolved,
    );
    v7.demand = Some(Demand::ChasingProgress);
    vec![v1, v2, v3, v4, v5, v6, v7]
}

fn log_with(visits: &[Visit]) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut store = Store::open(&path).unwrap();
    for visit in visits {
        store.save(visit).unwrap();
    }
    (dir, path)
}

fn report(
    path: &PathBuf,
    from: NaiveDate,
    to: NaiveDate,
    desk: Option<&str>,
    costs: UnitCosts,
) -> Report {
    let mut log = VisitLog::new(path);
    let counts = log.report_counts(from, to, &desks_for(desk)).unwrap();
    Report::build(
        Period {
            from,
            to,
            desk: desk.map(str::to_string),
        },
        &counts,
        &Catalogue::embedded().unwrap(),
        costs,
        Language::English,
    )
}

fn map(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
    pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

#[test]
fn every_figure_of_a_small_log_is_as_worked_out_by_hand() {
    let (_dir, path) = log_with(&fixture());
    let costs = UnitCosts {
        face_to_face: Some(862),
        phone: Some(283),
        web: Some(15),
    };
    let r = report(&path, day(23), day(24), None, costs);

    assert_eq!(r.visits, 6, "the demo desk's visit is left out");
    assert_eq!(r.first_contact_resolution.visits, 5);
    assert_eq!(r.first_contact_resolution.rate_percent, Some(83.3));
    assert_eq!(r.assisted_digital.visits, 1);
    assert_eq!(r.assisted_digital.rate_percent, Some(16.7));
    assert_eq!(r.assisted_digital.by_how["done-for-them"], 1);
    assert_eq!(r.assisted_digital.by_how["not-recorded"], 0);

    assert_eq!(
        r.outcomes,
        map(&[
            ("resolved", 4),
            ("signposted", 1),
            ("referred", 0),
            ("appointment", 0),
            ("assisted-digital", 1),
            ("not-resolved", 1),
        ])
    );
    let ranked: Vec<(&str, u64)> = r
        .services
        .iter()
        .map(|s| (s.id.as_str(), s.visits))
        .collect();
    assert_eq!(
        ranked,
        [("council-tax", 4), ("housing-benefit", 2), ("bin-day", 1)]
    );
    let council_tax = &r.services[0];
    assert_eq!(council_tax.outcomes["resolved"], 3);
    assert_eq!(council_tax.outcomes["not-resolved"], 1);
    assert_eq!(
        council_tax.could_be_online,
        map(&[("yes", 1), ("no", 1), ("dont-know", 0), ("not-recorded", 2)])
    );
    assert_eq!(
        council_tax.median_minutes,
        Some(5.5),
        "1, 5, 6 and 12 minutes"
    );
    assert_eq!(council_tax.demand.value, 2);
    assert_eq!(council_tax.demand.failure, 1);
    assert_eq!(council_tax.demand.not_recorded, 1);
    let housing = &r.services[1];
    assert_eq!(housing.outcomes["signposted"], 1);
    assert_eq!(housing.outcomes["assisted-digital"], 1);
    assert_eq!(housing.median_minutes, Some(16.0));
    assert_eq!(housing.demand.failure_by_kind["chasing-progress"], 1);
    assert_eq!(housing.demand.failure_by_kind["repeat-contact"], 1);
    assert_eq!(r.services[2].median_minutes, Some(3.0));
    assert_eq!(
        r.services[1].title, "Housing benefit (help to pay your rent)",
        "titles come from the catalogue"
    );
    assert_eq!(
        r.services[0].title, "council-tax",
        "an id the catalogue does not have is shown as itself"
    );

    assert_eq!(
        r.could_be_online,
        map(&[("yes", 2), ("no", 1), ("dont-know", 1), ("not-recorded", 2)])
    );
    let shift: Vec<(&str, u64)> = r
        .channel_shift
        .iter()
        .map(|s| (s.id.as_str(), s.visits))
        .collect();
    assert_eq!(shift, [("council-tax", 1), ("housing-benefit", 1)]);
    assert_eq!(r.exclusion_reasons["no-device"], 1);
    assert_eq!(r.exclusion_reasons["language"], 1);
    assert_eq!(r.exclusion_reasons["no-skills"], 0);

    assert_eq!(r.demand.value, 2);
    assert_eq!(r.demand.failure, 3);
    assert_eq!(r.demand.not_recorded, 1);
    assert_eq!(r.demand.failure_rate_percent, Some(60.0));
    assert_eq!(
        r.demand.failure_by_kind,
        map(&[
            ("chasing-progress", 1),
            ("clarification", 0),
            ("repeat-contact", 1),
            ("wrong-place", 1),
            ("available-elsewhere", 0),
        ])
    );
    let failure: Vec<(&str, u64)> = r
        .failure_demand_by_service
        .iter()
        .map(|s| (s.id.as_str(), s.visits))
        .collect();
    assert_eq!(
        failure,
        [("housing-benefit", 2), ("bin-day", 1), ("council-tax", 1)]
    );

    let partners: Vec<(&str, u64, u64)> = r
        .partners
        .iter()
        .map(|p| (p.id.as_str(), p.signposts, p.referrals))
        .collect();
    assert_eq!(partners, [("citizens-advice", 1, 0), ("food-bank", 1, 0)]);
    assert_eq!(r.scripts.len(), 1);
    assert_eq!(r.scripts[0].id, "missed-bin");
    assert_eq!(r.scripts[0].visits, 1);
    assert_eq!(r.scripts[0].ends[0].path, "2");
    assert_eq!(r.scripts[0].ends[0].end.as_deref(), Some("end-not-out"));

    assert_eq!(
        r.feedback,
        map(&[
            ("none", 4),
            ("compliment", 1),
            ("complaint", 1),
            ("suggestion", 0)
        ])
    );
    let grid = &r.busiest.by_weekday_hour;
    assert_eq!(grid[0][9], 2, "Monday 9 to 10");
    assert_eq!(grid[0][10], 1);
    assert_eq!(grid[0][11], 1);
    assert_eq!(grid[1][14], 2, "Tuesday 2 to 3pm");
    assert_eq!(grid.iter().flatten().sum::<u64>(), 6);
    let top: Vec<(u8, u8, u64)> = r
        .busiest
        .top
        .iter()
        .map(|s| (s.weekday, s.hour, s.visits))
        .collect();
    assert_eq!(top, [(0, 9, 2), (1, 14, 2), (0, 10, 1), (0, 11, 1)]);
    assert_eq!(r.median_minutes, Some(5.5), "1, 3, 5, 6, 12 and 20 minutes");

    let costs = r.costs.as_ref().unwrap();
    assert_eq!(costs.avoidable_visits, 3);
    assert_eq!(costs.avoidable_cost_pence, Some(3 * 862));
    assert_eq!(costs.could_be_online_visits, 2);
    assert_eq!(costs.channel_shift_saving_pence, Some(2 * (862 - 15)));
    assert!(
        r.definitions
            .first_contact_resolution
            .contains("signposted")
    );
}

#[test]
fn one_desk_one_day_and_the_demo_desk_are_reported_on_their_own() {
    let (_dir, path) = log_with(&fixture());
    let library = report(
        &path,
        day(23),
        day(24),
        Some("Library"),
        UnitCosts::default(),
    );
    assert_eq!(library.visits, 1);
    assert_eq!(library.services[0].id, "council-tax");
    assert_eq!(library.costs, None, "no unit costs set, no costs shown");

    let tuesday = report(&path, day(24), day(24), None, UnitCosts::default());
    assert_eq!(tuesday.visits, 2);
    assert_eq!(tuesday.busiest.by_weekday_hour[1][14], 2);
    assert_eq!(tuesday.median_minutes, Some(10.5));

    let demo = report(
        &path,
        day(23),
        day(24),
        Some(DEMO_DESK),
        UnitCosts::default(),
    );
    assert_eq!(demo.visits, 1);
    assert_eq!(demo.demand.failure, 1);
}

#[test]
fn an_empty_period_and_a_desk_with_no_visits_report_zeros() {
    let (_dir, path) = log_with(&fixture());
    for r in [
        report(&path, day(1), day(7), None, UnitCosts::default()),
        report(
            &path,
            day(23),
            day(24),
            Some("Nowhere"),
            UnitCosts::default(),
        ),
    ] {
        assert_eq!(r.visits, 0);
        assert_eq!(r.first_contact_resolution.rate_percent, None);
        assert!(r.services.is_empty());
        assert!(r.partners.is_empty());
        assert_eq!(r.median_minutes, None);
        assert!(r.busiest.top.is_empty());
        assert_eq!(r.outcomes.values().sum::<u64>(), 0);
        // Every rendering copes with nothing to show.
        let html = frontdesk::report::html::render(&r, Language::English);
        assert!(html.contains("</html>"));
        assert!(frontdesk::report::table::render(&r, Language::English).contains("Visits"));
        assert!(
            frontdesk::report::csv::render(&r)
                .unwrap()
                .contains("visits,,,0")
        );
    }
}

#[test]
fn a_single_visit_is_its_own_median_and_rate() {
    let one = &fixture()[3..4];
    let (_dir, path) = log_with(one);
    let r = report(&path, day(24), day(24), None, UnitCosts::default());
    assert_eq!(r.visits, 1);
    assert_eq!(r.first_contact_resolution.rate_percent, Some(100.0));
    assert_eq!(r.assisted_digital.rate_percent, Some(100.0));
    assert_eq!(r.median_minutes, Some(20.0));
    assert_eq!(r.busiest.top.len(), 1);
}

#[test]
fn edits_undos_and_purges_keep_the_counts_right() {
    let visits = fixture();
    let (_dir, path) = log_with(&visits);
    let mut store = Store::open(&path).unwrap();
    // V5 was not resolved; edited, it was resolved after all.
    let mut edited = visits[4].clone();
    edited.services = vec![ServiceOutcome {
        service: "council-tax".into(),
        outcome: Outcome::Resolved,
        booking: None,
    }];
    edited.outcome = Outcome::Resolved;
    edited.demand = Some(Demand::Clarification);
    store.update(&edited).unwrap();
    // The library visit is undone.
    assert!(store.delete(visits[5].id).unwrap());
    drop(store);
    let r = report(&path, day(23), day(24), None, UnitCosts::default());
    assert_eq!(r.visits, 5);
    assert_eq!(r.first_contact_resolution.visits, 5);
    assert_eq!(r.outcomes["not-resolved"], 0);
    assert_eq!(r.demand.failure_by_kind["clarification"], 1);
    assert_eq!(
        r.busiest.by_weekday_hour[0][11], 0,
        "the undone visit's hour"
    );
    assert_eq!(r.services[0].visits, 3);

    // Purging Monday's visits leaves Tuesday's figures alone.
    let mut store = Store::open(&path).unwrap();
    let tuesday = frontdesk::store::local_day_bounds(day(24)).0;
    store.purge_older_than(tuesday, false).unwrap();
    drop(store);
    let r = report(&path, day(23), day(24), None, UnitCosts::default());
    assert_eq!(r.visits, 2);
    assert_eq!(r.busiest.by_weekday_hour[0].iter().sum::<u64>(), 0);
    let conn = Connection::open(&path).unwrap();
    for table in ["report_counts", "report_month_counts"] {
        let counted: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE n <= 0"),
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            counted, 0,
            "no empty or negative counts are left in {table}"
        );
    }
    // The whole month, read from the monthly counts, agrees.
    let november = report(&path, day(1), day(30), None, UnitCosts::default());
    assert_eq!(november.visits, 2);
    assert_eq!(november.first_contact_resolution.visits, 2);
    assert_eq!(november.busiest.by_weekday_hour[1][14], 2);
}

/// A figure computed with plain SQL from the visits themselves, by key.
fn sql_counts(conn: &Connection, sql: &str) -> BTreeMap<String, u64> {
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
    })
    .unwrap()
    .map(Result::unwrap)
    .filter(|(_, n)| *n > 0)
    .collect()
}

fn nonzero(counts: &BTreeMap<String, u64>) -> BTreeMap<String, u64> {
    counts
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| (k.clone(), *n))
        .collect()
}

#[test]
fn on_a_larger_made_up_log_the_report_agrees_with_plain_sql() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let catalogue = Catalogue::embedded().unwrap();
    let plan = DemoPlan {
        visits: 6_000,
        days: 60,
        seed: 7,
        last_day: day(30),
    };
    let mut log = VisitLog::new(&path);
    log.replace_desk(DEMO_DESK, demo_visits(&catalogue, DEMO_DESK, plan))
        .unwrap();
    // A few edits and undos on the way, as a real desk would make.
    let mut store = Store::open(&path).unwrap();
    let some = store
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap();
    for visit in some.iter().step_by(500) {
        store.delete(visit.id).unwrap();
    }
    for visit in some.iter().skip(7).step_by(300) {
        let mut edited = visit.clone();
        edited.demand = Some(Demand::AvailableElsewhere);
        edited.online = None;
        store.update(&edited).unwrap();
    }
    drop(store);

    // The last days of October, read day by day, and the whole of November, read as a month.
    let (from, to) = (NaiveDate::from_ymd_opt(2026, 10, 5).unwrap(), day(30));
    let r = report(&path, from, to, Some(DEMO_DESK), UnitCosts::default());
    let json = serde_json::to_value(&r).unwrap();

    let conn = Connection::open(&path).unwrap();
    let period = format!(
        "v.desk = 'DEMO' AND date(v.started_at / 1000, 'unixepoch', 'localtime') BETWEEN '{from}' AND '{to}'"
    );
    let visits: u64 = conn
        .query_row(
            &format!("SELECT count(*) FROM visits v WHERE {period}"),
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap() as u64;
    assert!(visits > 1000, "the period has plenty of visits ({visits})");
    assert_eq!(json["visits"], visits);

    let ok = "('resolved', 'assisted-digital', 'signposted')";
    let fcr = sql_counts(
        &conn,
        &format!(
            "SELECT 'yes', count(*) FROM visits v WHERE {period} AND NOT EXISTS (SELECT 1 FROM visit_services s \
         WHERE s.visit_id = v.id AND coalesce(s.outcome, v.outcome) NOT IN {ok})"
        ),
    );
    assert_eq!(json["first_contact_resolution"]["visits"], fcr["yes"]);

    let outcomes = sql_counts(
        &conn,
        &format!(
            "SELECT coalesce(s.outcome, v.outcome), count(*) FROM visits v JOIN visit_services s ON s.visit_id = v.id \
         WHERE {period} GROUP BY 1"
        ),
    );
    assert_eq!(nonzero(&r.outcomes), outcomes);

    let by_service = sql_counts(
        &conn,
        &format!(
            "SELECT s.service_id || '/' || coalesce(s.outcome, v.outcome), count(*) FROM visits v \
         JOIN visit_services s ON s.visit_id = v.id WHERE {period} GROUP BY 1"
        ),
    );
    let mut from_report = BTreeMap::new();
    for service in &r.services {
        for (outcome, n) in &service.outcomes {
            if *n > 0 {
                from_report.insert(format!("{}/{outcome}", service.id), *n);
            }
        }
    }
    assert_eq!(from_report, by_service);
    let visits_by_service: Vec<u64> = r.services.iter().map(|s| s.visits).collect();
    let mut sorted = visits_by_service.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(visits_by_service, sorted, "services are ranked");

    let online = sql_counts(
        &conn,
        &format!(
            "SELECT coalesce(v.online, 'not-recorded'), count(*) FROM visits v WHERE {period} GROUP BY 1"
        ),
    );
    assert_eq!(nonzero(&r.could_be_online), online);
    let reasons = sql_counts(
        &conn,
        &format!(
            "SELECT r.reason, count(*) FROM visits v JOIN visit_reasons r ON r.visit_id = v.id WHERE {period} GROUP BY 1"
        ),
    );
    assert_eq!(nonzero(&r.exclusion_reasons), reasons);
    let demand = sql_counts(
        &conn,
        &format!(
            "SELECT coalesce(v.demand, 'not-recorded'), count(*) FROM visits v WHERE {period} GROUP BY 1"
        ),
    );
    assert_eq!(r.demand.value, demand.get("value").copied().unwrap_or(0));
    assert_eq!(
        r.demand.not_recorded,
        demand.get("not-recorded").copied().unwrap_or(0)
    );
    for (kind, n) in &r.demand.failure_by_kind {
        assert_eq!(*n, demand.get(kind).copied().unwrap_or(0), "{kind}");
    }
    let assisted = sql_counts(
        &conn,
        &format!(
            "SELECT coalesce(v.assisted_how, 'not-recorded'), count(*) FROM visits v WHERE {period} AND \
         (v.assisted_how IS NOT NULL OR EXISTS (SELECT 1 FROM visit_services s WHERE s.visit_id = v.id \
         AND coalesce(s.outcome, v.outcome) = 'assisted-digital')) GROUP BY 1"
        ),
    );
    assert_eq!(nonzero(&r.assisted_digital.by_how), assisted);
    let partners = sql_counts(
        &conn,
        &format!(
            "SELECT p.partner_id, count(*) FROM visits v JOIN visit_partners p ON p.visit_id = v.id WHERE {period} GROUP BY 1"
        ),
    );
    let from_report: BTreeMap<String, u64> = r
        .partners
        .iter()
        .map(|p| (p.id.clone(), p.signposts + p.referrals))
        .collect();
    assert_eq!(from_report, partners);
    let scripts = sql_counts(
        &conn,
        &format!(
            "SELECT v.script_id || '/' || v.script_path, count(*) FROM visits v WHERE {period} AND v.script_id IS NOT NULL GROUP BY 1"
        ),
    );
    let mut from_report = BTreeMap::new();
    for script in &r.scripts {
        for end in &script.ends {
            from_report.insert(format!("{}/{}", script.id, end.path), end.visits);
        }
    }
    assert_eq!(from_report, scripts);
    let feedback = sql_counts(
        &conn,
        &format!("SELECT v.feedback, count(*) FROM visits v WHERE {period} GROUP BY 1"),
    );
    assert_eq!(nonzero(&r.feedback), feedback);
    // Weekday (Monday 0) and hour, local time.
    let hours = sql_counts(
        &conn,
        &format!(
            "SELECT ((CAST(strftime('%w', v.started_at / 1000, 'unixepoch', 'localtime') AS INTEGER) + 6) % 7) || '/' || \
         CAST(strftime('%H', v.started_at / 1000, 'unixepoch', 'localtime') AS INTEGER), count(*) FROM visits v \
         WHERE {period} GROUP BY 1"
        ),
    );
    let mut from_report = BTreeMap::new();
    for (weekday, hours) in r.busiest.by_weekday_hour.iter().enumerate() {
        for (hour, n) in hours.iter().enumerate() {
            if *n > 0 {
                from_report.insert(format!("{weekday}/{hour}"), *n);
            }
        }
    }
    assert_eq!(from_report, hours);
    // The median length, to the nearest minute, from every visit's times.
    let mut stmt = conn
        .prepare(&format!(
            "SELECT v.started_at, v.ended_at FROM visits v WHERE {period}"
        ))
        .unwrap();
    let mut minutes: Vec<i64> = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .map(|(start, end)| ((end - start + 30_000) / 60_000).clamp(0, 240))
        .collect();
    minutes.sort();
    let n = minutes.len();
    let median = (minutes[(n - 1) / 2] + minutes[n / 2]) as f64 / 2.0;
    assert_eq!(r.median_minutes, Some(median));
}

#[test]
fn the_html_report_of_the_small_log_reads_as_reviewed() {
    let (_dir, path) = log_with(&fixture());
    let costs = UnitCosts {
        face_to_face: Some(862),
        phone: Some(283),
        web: Some(15),
    };
    let r = report(&path, day(23), day(24), None, costs);
    let html = frontdesk::report::html::render(&r, Language::English);
    // The style sheet is the page's look, not what it says: left out so a change of colour or
    // spacing leaves this snapshot alone.
    let style = regex::Regex::new(r"(?s)<style>.*?</style>").unwrap();
    let html = style.replace(&html, "<style>[style sheet]</style>");
    insta::assert_snapshot!("report_html", html);
}
