//! Customer insight over 1,000,000 visits (a year of made-up visits, `frontdesk demo-data`'s
//! mix), on a real file in the target folder.
//!
//! - The full report: the period's counts read from the log and turned into every figure.
//!   Goal: under 500 ms.
//! - The CSV export of every visit, through the real binary to a file. Goal: under 5 s.
//! - Saving one visit into that log (the report's counts are kept in the same transaction):
//!   median and p99 over 2,000 individually timed saves. Goal: p99 under 2 ms.
//!
//! The log is made once and kept (`target/tmp/report-bench-1m.sqlite3`); delete it to make it
//! again. Percentiles are printed to stdout; criterion measures the report too.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{Duration as Span, Local, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use frontdesk::catalogue::Catalogue;
use frontdesk::config::UnitCosts;
use frontdesk::demo::{DemoPlan, visits};
use frontdesk::report::{DEMO_DESK, Period, Report, desks_for};
use frontdesk::store::{Store, VisitLog};
use frontdesk::text::Language;
use frontdesk::visit::{Demand, Outcome, VisitDraft};

const VISITS: u64 = 1_000_000;
const DAYS: u32 = 365;

fn big_log() -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-bench-1m.sqlite3");
    let catalogue = Catalogue::embedded().expect("the built-in catalogue");
    let mut log = VisitLog::new(&path);
    let today = Local::now().date_naive();
    let have = log
        .report_counts(
            today - Span::days(i64::from(DAYS) + 1),
            today,
            &desks_for(Some(DEMO_DESK)),
        )
        .map(|counts| {
            counts
                .iter()
                .filter(|c| c.figure == "visits")
                .map(|c| c.n)
                .sum::<u64>()
        })
        .unwrap_or(0);
    if have != VISITS {
        let started = Instant::now();
        let plan = DemoPlan {
            visits: VISITS,
            days: DAYS,
            seed: 1,
            last_day: today,
        };
        log.replace_desk(DEMO_DESK, visits(&catalogue, DEMO_DESK, plan))
            .expect("made-up visits");
        println!(
            "made a log of {VISITS} visits in {:.1} s ({:.0} MB)",
            started.elapsed().as_secs_f64(),
            std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
        );
    }
    path
}

fn percentiles(mut samples: Vec<Duration>) -> (Duration, Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 * q).ceil() as usize).saturating_sub(1)];
    (at(0.5), at(0.99), samples[samples.len() - 1])
}

fn print(name: &str, samples: Vec<Duration>) {
    let runs = samples.len();
    let (median, p99, max) = percentiles(samples);
    println!(
        "{name:<44} median {:>9.3} ms   p99 {:>9.3} ms   max {:>9.3} ms   ({runs} runs)",
        median.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3,
    );
}

fn full_report(
    log: &mut VisitLog,
    catalogue: &Catalogue,
    from: NaiveDate,
    to: NaiveDate,
) -> Report {
    let counts = log
        .report_counts(from, to, &desks_for(Some(DEMO_DESK)))
        .expect("counts");
    Report::build(
        Period {
            from,
            to,
            desk: Some(DEMO_DESK.to_string()),
        },
        &counts,
        catalogue,
        UnitCosts {
            face_to_face: Some(862),
            phone: Some(283),
            web: Some(15),
        },
        Language::English,
    )
}

fn report(c: &mut Criterion) {
    let path = big_log();
    let catalogue = Catalogue::embedded().expect("the built-in catalogue");
    let mut log = VisitLog::new(&path);
    let to = Local::now().date_naive();
    let from = to - Span::days(i64::from(DAYS) - 1);
    let report = full_report(&mut log, &catalogue, from, to);
    assert_eq!(report.visits, VISITS, "the whole year is in the report");
    println!();
    let samples = (0..30)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(full_report(&mut log, &catalogue, from, to));
            started.elapsed()
        })
        .collect();
    print("full report, a year of 1,000,000 visits", samples);
    let samples = (0..30)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(full_report(&mut log, &catalogue, to - Span::days(6), to));
            started.elapsed()
        })
        .collect();
    print("report of the last 7 days", samples);
    c.bench_function("report/full_year_1m_visits", |b| {
        b.iter(|| full_report(&mut log, &catalogue, from, to))
    });
}

/// The report screen's refresh: F6 then this month, for the desk of a million visits, through
/// the real keymap, store effect, figures and drawing at 80x24.
fn screen(_: &mut Criterion) {
    let path = big_log();
    let dir = tempfile::Builder::new()
        .prefix("frontdesk-report-bench-screen")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a folder");
    std::fs::hard_link(&path, dir.path().join("visits.sqlite3"))
        .or_else(|_| std::fs::copy(&path, dir.path().join("visits.sqlite3")).map(|_| ()))
        .expect("the log in the data folder");
    let catalogue = Catalogue::embedded().expect("the built-in catalogue");
    let now = Local::now().fixed_offset();
    let mut desk = frontdesk::tui::headless::Headless::new(catalogue, now, 80, 24);
    desk.app.desk = DEMO_DESK.to_string();
    let mut desk = desk.with_visit_log(dir.path());
    desk.press(crossterm::event::KeyCode::F(6));
    let samples = (0..20)
        .map(|n| {
            let key = if n % 2 == 0 { 'm' } else { 'w' };
            let started = Instant::now();
            desk.press(crossterm::event::KeyCode::Char(key));
            std::hint::black_box(desk.screen());
            started.elapsed()
        })
        .collect();
    print("report screen refresh (this month / week)", samples);
}

fn export(_: &mut Criterion) {
    let path = big_log();
    let dir = tempfile::Builder::new()
        .prefix("frontdesk-report-bench")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a folder");
    // The binary reads visits.sqlite3 in its data folder: a link to the big log.
    let link = dir.path().join("visits.sqlite3");
    std::fs::hard_link(&path, &link)
        .or_else(|_| std::fs::copy(&path, &link).map(|_| ()))
        .expect("the log in the data folder");
    let out = dir.path().join("visits.csv");
    let samples = (0..3)
        .map(|_| {
            let started = Instant::now();
            let status = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
                .args(["export", "visits", "--desk", DEMO_DESK, "-o"])
                .arg(&out)
                .env("FRONTDESK_DATA_DIR", dir.path())
                .env(
                    "FRONTDESK_CONFIG",
                    concat!(
                        env!("CARGO_MANIFEST_DIR"),
                        "/tests/fixtures/empty-config.toml"
                    ),
                )
                .status()
                .expect("run frontdesk export");
            assert!(status.success());
            started.elapsed()
        })
        .collect();
    print("export visits as CSV, 1,000,000 visits", samples);
    println!(
        "  ({:.0} MB of CSV)",
        std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );
}

/// Saves into a copy of the big log, each next to a bare one-row commit (WAL, synchronous=FULL)
/// in a file of its own, alternately, so both see the same disk: the bare commit is the floor.
fn save(_: &mut Criterion) {
    let path = big_log();
    let dir = tempfile::Builder::new()
        .prefix("frontdesk-report-bench-save")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a folder");
    // A copy, so the kept log stays as made.
    let copy = dir.path().join("visits.sqlite3");
    std::fs::copy(&path, &copy).expect("a copy of the log");
    let mut store = Store::open(&copy).expect("open");
    let bare = rusqlite::Connection::open(dir.path().join("bare.sqlite3")).expect("bare");
    bare.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
        .expect("WAL");
    bare.pragma_update(None, "synchronous", "FULL")
        .expect("FULL");
    bare.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT NOT NULL)")
        .expect("table");
    let mut saves = Vec::with_capacity(2_000);
    let mut commits = Vec::with_capacity(2_000);
    for n in 0..2_100 {
        let now = Utc::now();
        let mut draft = VisitDraft::new(now, "Main desk", "AB", "bench");
        draft.ended_at = now + Span::seconds(240);
        draft.services = vec!["housing-benefit".into()];
        if n % 5 == 0 {
            draft.services.push("council-tax-reduction".into());
        }
        draft.outcome = Some(Outcome::ALL[n % Outcome::ALL.len()]);
        draft.demand = Some(Demand::ALL[n % Demand::ALL.len()]);
        if n % 3 == 0 {
            draft.partners = vec!["citizens-advice".into()];
        }
        let visit = draft.into_visit().expect("a visit");
        let started = Instant::now();
        store.save(&visit).expect("save");
        let saved = started.elapsed();
        let started = Instant::now();
        bare.execute("INSERT INTO t (x) VALUES (?1)", [n.to_string()])
            .expect("commit");
        let committed = started.elapsed();
        if n >= 100 {
            saves.push(saved);
            commits.push(committed);
        }
    }
    print("Store::save into the 1,000,000-visit log", saves);
    print("bare one-row commit (WAL, FULL), same disk", commits);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(5));
    targets = report, screen, export, save
}
criterion_main!(benches);
