//! The report across desks on the PostgreSQL of this machine (FRONTDESK_TEST_DATABASE_URL,
//! default postgres://postgres@127.0.0.1:5432/test): 10,000,000 visits from 50 desks over two
//! years, with their services, partners and reasons, counted as syncs count them.
//!
//! - `report --central`'s work: the period's counts read as the report role, through row-level
//!   security, and turned into every figure. Goal: under 3 s. Measured for a year of every
//!   desk, two years from mid-month to mid-month, the last week, and one desk's year.
//! - Counting the 10,000,000 visits afresh (`counts::recount`, as a server upgrade does once).
//!
//! The visits are loaded straight into the server's tables (syncing ten million through the
//! desks would take the bench an hour; `sync` measures syncing). The database is made once
//! and kept (`fd_bench_central_10m`); drop it to make it again. Median, p99 and max are
//! printed; criterion measures the year report too.

use std::time::{Duration, Instant};

use chrono::{Duration as Span, Local, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use frontdesk::catalogue::Catalogue;
use frontdesk::central::{self, Central};
use frontdesk::config::{ServerUrl, UnitCosts};
use frontdesk::report::{Period, Report, desks_for};
use frontdesk::store::{Desks, day_number};
use frontdesk::text::Language;

mod support;

use support::{Server, TestServer, percentiles};

const VISITS: i64 = 10_000_000;
const DESKS: i64 = 50;
const DAYS: i64 = 730;
const DATABASE: &str = "fd_bench_central_10m";
const RUNS: usize = 30;

/// The owner's and the report role's URLs of the bench's database, made and filled if need be.
fn database(catalogue: &Catalogue, today: NaiveDate) -> (String, String) {
    let test_server = TestServer::from_env();
    let owner_url = test_server.url(&test_server.user, DATABASE);
    let report_role = format!("{DATABASE}_report");
    let report_url = test_server.url(&report_role, DATABASE);
    let admin = Server::connect(&test_server.admin_url);
    let exists = admin
        .count(&format!(
            "SELECT count(*) FROM pg_database WHERE datname = '{DATABASE}'"
        ))
        .unwrap_or(0)
        > 0;
    if exists {
        let owner = Server::connect(&owner_url);
        let have = owner.count(&format!(
            "SELECT count(*) FROM frontdesk.visits WHERE local_day = {}",
            day_number(today)
        ));
        if have.unwrap_or(0) > 0
            && owner.count("SELECT count(*) FROM frontdesk.visits") == Some(VISITS)
        {
            let counted = owner.count(
                "SELECT coalesce(sum(n), 0)::bigint FROM frontdesk.report_month_counts \
                 WHERE figure = 'visits'",
            );
            if counted != Some(VISITS) {
                recount(&owner_url);
            }
            return (owner_url, report_url);
        }
        drop(owner);
        admin.exec(&format!("DROP DATABASE {DATABASE} WITH (FORCE)"));
    }
    admin.exec(&format!("CREATE DATABASE {DATABASE}"));
    let mut central = Central::connect(&ServerUrl::parse("bench", &owner_url).expect("url"))
        .expect("connect as the owner");
    central::schema::migrate(&mut central).expect("migrate");
    central::schema::add_report_role(&mut central, &report_role).expect("report role");
    let owner = Server::connect(&owner_url);
    let started = Instant::now();
    owner.exec(&fill_sql(catalogue, day_number(today)));
    println!(
        "loaded {VISITS} visits from {DESKS} desks in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    recount(&owner_url);
    (owner_url, report_url)
}

/// Counts the visits afresh, as a server upgrade does once.
fn recount(owner_url: &str) {
    let mut central = Central::connect(&ServerUrl::parse("bench", owner_url).expect("url"))
        .expect("connect as the owner");
    let started = Instant::now();
    central::counts::recount(&mut central).expect("count");
    println!(
        "counted them afresh (counts::recount) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// SQL that loads the visits: each desk a share of every day's visits, services from the
/// catalogue (a few most), every outcome, answer, demand, feedback and language, partners,
/// reasons and lengths of one to twenty minutes.
fn fill_sql(catalogue: &Catalogue, today: i64) -> String {
    let quoted = |ids: Vec<&str>| {
        ids.iter()
            .map(|id| format!("'{}'", id.replace('\'', "''")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let services = quoted(catalogue.services.iter().map(|s| s.id.as_str()).collect());
    let partners = quoted(catalogue.partners.iter().map(|p| p.id.as_str()).collect());
    let n_services = catalogue.services.len();
    let n_partners = catalogue.partners.len().max(1);
    format!(
        "SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '1GB';
         CREATE TEMP TABLE g AS SELECT i, lpad(to_hex(i), 32, '0')::uuid AS id,
             'Desk ' || lpad((i % {DESKS})::text, 2, '0') AS desk,
             {today} - (i % {DAYS}) AS d, 8 + (i * 7 % 10) AS h,
             least((i % 10007) * 7919 % 97, (i % 10009) * 104729 % 89) AS pick
             FROM generate_series(1, {VISITS}) i;
         INSERT INTO frontdesk.visits (id, version, undone, started_at, ended_at, desk, staff,
             outcome, online, feedback, catalogue_version, demand, assisted_how, local_day,
             local_hour, spoken_language, written_language)
         SELECT id, 1, false, d::bigint * 86400000 + h * 3600000 + (i % 60) * 60000,
             d::bigint * 86400000 + h * 3600000 + (i % 60) * 60000 + 60000 + (i * 31 % 1140) * 1000,
             desk, 'AB',
             (ARRAY['resolved', 'resolved', 'signposted', 'referred', 'appointment', 'assisted-digital', 'not-resolved'])[1 + i * 13 % 7],
             (ARRAY['yes', 'no', 'dont-know', NULL])[1 + i * 17 % 4],
             (ARRAY['none', 'none', 'none', 'compliment', 'complaint', 'suggestion'])[1 + i * 19 % 6],
             '2026.11',
             (ARRAY['value', 'value', 'value', 'chasing-progress', 'wrong-place', 'repeat-contact', NULL])[1 + i * 23 % 7],
             CASE WHEN i % 9 = 0 THEN (ARRAY['done-with-them', 'done-for-them', 'shown-and-referred'])[1 + i % 3] END,
             d, h, CASE WHEN i % 25 = 0 THEN 'cy' END, CASE WHEN i % 20 = 0 THEN 'cy' END
         FROM g;
         INSERT INTO frontdesk.visit_services (visit_id, desk, position, service_id, outcome)
         SELECT id, desk, 0, (ARRAY[{services}])[1 + pick % {n_services}], NULL FROM g
         UNION ALL SELECT id, desk, 1, (ARRAY[{services}])[1 + (pick + 1 + i % 5) % {n_services}], 'signposted'
             FROM g WHERE i % 5 < 2;
         INSERT INTO frontdesk.visit_partners (visit_id, desk, position, partner_id, how, consent)
         SELECT id, desk, 0, (ARRAY[{partners}])[1 + i % {n_partners}],
             CASE WHEN i % 18 = 0 THEN 'referral' ELSE 'signpost' END,
             CASE WHEN i % 18 = 0 THEN 1 END
         FROM g WHERE i % 6 = 0;
         INSERT INTO frontdesk.visit_reasons (visit_id, desk, position, reason)
         SELECT id, desk, 0, (ARRAY['no-device', 'no-skills', 'no-confidence', 'prefers-face-to-face'])[1 + i % 4]
         FROM g WHERE i % 8 = 0;
         DROP TABLE g;
         ANALYZE;"
    )
}

/// The report `report --central` prints: the counts from the server and every figure.
fn central_report(
    central: &mut Central,
    catalogue: &Catalogue,
    from: NaiveDate,
    to: NaiveDate,
    desks: &Desks,
) -> Report {
    let counts = central::report::report_counts(central, from, to, desks).expect("the report");
    let desk = match desks {
        Desks::Only(desk) => Some(desk.clone()),
        Desks::AllBut(_) => None,
    };
    Report::build(
        Period { from, to, desk },
        &counts,
        catalogue,
        UnitCosts::default(),
        Language::English,
    )
}

fn bench(c: &mut Criterion) {
    let catalogue = Catalogue::embedded().expect("the built-in catalogue");
    let today = Local::now().date_naive();
    let (_owner, report_url) = database(&catalogue, today);
    let mut central = Central::connect(&ServerUrl::parse("bench", &report_url).expect("url"))
        .expect("connect as the report role");
    let every = desks_for(None);
    let one = desks_for(Some("Desk 07"));
    let mid = today - Span::days(14);
    let cases: [(&str, NaiveDate, NaiveDate, &Desks, u64); 4] = [
        (
            "every desk, the last 365 days",
            today - Span::days(364),
            today,
            &every,
            4_900_000,
        ),
        (
            "every desk, 700 days from mid-month",
            mid - Span::days(DAYS - 31),
            mid,
            &every,
            9_000_000,
        ),
        (
            "every desk, the last 7 days",
            today - Span::days(6),
            today,
            &every,
            90_000,
        ),
        (
            "one desk, the last 365 days",
            today - Span::days(364),
            today,
            &one,
            90_000,
        ),
    ];
    println!("\n{VISITS} visits from {DESKS} desks over {DAYS} days on the server");
    for (name, from, to, desks, at_least) in cases {
        let mut samples = Vec::new();
        let mut visits = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            let report = central_report(&mut central, &catalogue, from, to, desks);
            samples.push(started.elapsed());
            visits = report.visits;
        }
        assert!(visits >= at_least, "{name}: {visits} visits");
        let (median, p99, max) = percentiles(samples);
        println!(
            "{name:<48} {visits:>9} visits  median {:>7.1} ms   p99 {:>7.1} ms   max {:>7.1} ms   ({RUNS} runs)",
            median.as_secs_f64() * 1e3,
            p99.as_secs_f64() * 1e3,
            max.as_secs_f64() * 1e3
        );
    }
    let from = today - Span::days(364);
    c.bench_function("central report, every desk, a year of 10M visits", |b| {
        b.iter(|| central_report(&mut central, &catalogue, from, today, &every))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(5));
    targets = bench
}
criterion_main!(benches);
