//! The visit log's speed on a real file (in the target folder, so on the real disk, not tmpfs).
//!
//! - Saving one visit through `Store::save` with `synchronous=FULL`: median and p99 over 2,000
//!   individually timed saves, next to a bare SQLite commit of one row (WAL + FULL) timed the
//!   same way, which is the floor. Goal: p99 under 2 ms.
//! - Listing today's visits for one desk from a file of 1,000,000 visits. Goal: under 50 ms.
//! - The health check before the first write (SQLite's full integrity check) on a kept log of
//!   1,000,000 visits, next to the quick check: median and p99 of 7 runs. It runs off the
//!   screen's thread, so it does not hold back the first frame (see `benches/screen.rs`).
//!
//! The percentile figures are printed to stdout; criterion measures the same operations too.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use frontdesk::store::{Store, local_day_bounds};
use frontdesk::visit::{ExclusionReason, Feedback, OnlineAnswer, Outcome, Visit, VisitDraft};
use rusqlite::Connection;
use tempfile::TempDir;

const TIMED_SAVES: usize = 2_000;
const BIG_LOG_VISITS: usize = 1_000_000;
const DESKS: usize = 5;
const DAYS: usize = 730;

fn bench_dir() -> TempDir {
    tempfile::Builder::new()
        .prefix("frontdesk-store-bench")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a temporary folder in the target folder")
}

/// A plausible visit: one or two services, sometimes a partner, an exclusion reason, a note.
fn sample_visit(n: usize, start: DateTime<Utc>, desk: &str) -> Visit {
    const SERVICES: [&str; 8] = [
        "council-tax",
        "bulky-waste",
        "housing-options",
        "blue-badge",
        "missed-bin",
        "housing-benefit",
        "parking-permit",
        "planning-advice",
    ];
    let mut draft = VisitDraft::new(start, desk, "AB", "2026.11");
    draft.ended_at = start + chrono::Duration::seconds(60 + (n % 600) as i64);
    draft.services = vec![SERVICES[n % SERVICES.len()].to_string()];
    if n.is_multiple_of(5) {
        draft
            .services
            .push(SERVICES[(n / 5) % SERVICES.len()].to_string());
    }
    draft.outcome = Some(Outcome::ALL[n % Outcome::ALL.len()]);
    if n.is_multiple_of(3) {
        draft.partners = vec!["citizens-advice".into()];
    }
    if n.is_multiple_of(4) {
        draft.online = Some(OnlineAnswer::No);
        draft.reasons = vec![ExclusionReason::ALL[n % ExclusionReason::ALL.len()]];
    }
    if n.is_multiple_of(10) {
        draft.feedback = Feedback::Compliment;
        draft.note = Some("asked about bin day, 3 bags".into());
    }
    draft.into_visit().expect("a complete visit")
}

struct Percentiles {
    median: Duration,
    p99: Duration,
    max: Duration,
}

fn percentiles(mut samples: Vec<Duration>) -> Percentiles {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 * q).ceil() as usize).saturating_sub(1)];
    Percentiles {
        median: at(0.5),
        p99: at(0.99),
        max: samples[samples.len() - 1],
    }
}

fn report(name: &str, p: &Percentiles, runs: usize) {
    println!(
        "{name:<46} median {:>8.3} ms   p99 {:>8.3} ms   max {:>8.3} ms   ({runs} runs)",
        p.median.as_secs_f64() * 1e3,
        p.p99.as_secs_f64() * 1e3,
        p.max.as_secs_f64() * 1e3,
    );
}

/// A bare table in its own WAL file with synchronous=FULL: one-row commits are the floor.
struct BareTable {
    conn: Connection,
}

impl BareTable {
    fn open(path: &Path) -> BareTable {
        let conn = Connection::open(path).expect("open");
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
            .expect("WAL");
        conn.pragma_update(None, "synchronous", "FULL")
            .expect("FULL");
        conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT NOT NULL)")
            .expect("table");
        BareTable { conn }
    }

    fn commit_one_row(&self, n: usize) {
        self.conn
            .prepare_cached("INSERT INTO t (x) VALUES (?1)")
            .expect("prepare")
            .execute([n.to_string()])
            .expect("insert");
    }
}

/// Times `TIMED_SAVES` single saves through the store and as many bare one-row commits,
/// alternately, so both see the same disk (its speed varies with the machine's load).
fn time_saves(dir: &Path) -> (Percentiles, Percentiles) {
    let mut store = Store::open(&dir.join("timed.sqlite3")).expect("open the visit log");
    let bare = BareTable::open(&dir.join("bare.sqlite3"));
    let now = Utc::now();
    for n in 0..100 {
        store
            .save(&sample_visit(n, now, "Main desk"))
            .expect("save");
        bare.commit_one_row(n);
    }
    let visits: Vec<Visit> = (0..TIMED_SAVES)
        .map(|n| sample_visit(n, now, "Main desk"))
        .collect();
    let mut saves = Vec::with_capacity(TIMED_SAVES);
    let mut commits = Vec::with_capacity(TIMED_SAVES);
    for (n, visit) in visits.iter().enumerate() {
        let started = Instant::now();
        store.save(visit).expect("save");
        saves.push(started.elapsed());
        let started = Instant::now();
        bare.commit_one_row(n);
        commits.push(started.elapsed());
    }
    (percentiles(saves), percentiles(commits))
}

fn save(c: &mut Criterion) {
    let dir = bench_dir();
    println!();
    let (store, bare) = time_saves(dir.path());
    report("Store::save (WAL, synchronous=FULL)", &store, TIMED_SAVES);
    report(
        "bare one-row commit (WAL, synchronous=FULL)",
        &bare,
        TIMED_SAVES,
    );

    let mut store = Store::open(&dir.path().join("criterion.sqlite3")).expect("open");
    let mut n = 0;
    c.bench_function("store/save_one_visit", |b| {
        b.iter(|| {
            n += 1;
            store
                .save(&sample_visit(n, Utc::now(), "Main desk"))
                .expect("save");
        })
    });
}

/// A log of `BIG_LOG_VISITS` visits over two years at five desks, the last day being today.
fn build_big_log(path: &Path) -> Store {
    let started = Instant::now();
    let mut store = Store::open(path).expect("open");
    let today = Local::now().date_naive();
    let per_day = BIG_LOG_VISITS.div_ceil(DAYS);
    let desks: Vec<String> = (1..=DESKS).map(|d| format!("Desk {d}")).collect();
    let mut batch = Vec::with_capacity(50_000);
    for n in 0..BIG_LOG_VISITS {
        let day_index = n / per_day;
        let day = today - chrono::Days::new((DAYS - 1 - day_index) as u64);
        let (opening, _) = local_day_bounds(day);
        let minute_of_day = 9 * 60 + ((n % per_day) * 8 * 60 / per_day) as i64;
        let start = opening + chrono::Duration::minutes(minute_of_day);
        batch.push(sample_visit(n, start, &desks[n % DESKS]));
        if batch.len() == batch.capacity() {
            store.save_all(&batch).expect("save a batch");
            batch.clear();
        }
    }
    store.save_all(&batch).expect("save a batch");
    println!(
        "built a log of {BIG_LOG_VISITS} visits in {:.1} s ({:.0} MB)",
        started.elapsed().as_secs_f64(),
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );
    store
}

fn list_today(c: &mut Criterion) {
    let dir = bench_dir();
    let path = dir.path().join("big.sqlite3");
    drop(build_big_log(&path));
    // A freshly opened store, as the app has at start-up.
    let store = Store::open(&path).expect("open");
    let (from, to) = local_day_bounds(Local::now().date_naive());

    let first = Instant::now();
    let visits = store
        .visits_between(from, to, Some("Desk 1"))
        .expect("list");
    println!(
        "first listing after opening: {} visits in {:.3} ms",
        visits.len(),
        first.elapsed().as_secs_f64() * 1e3
    );
    let mut samples = Vec::new();
    for _ in 0..200 {
        let started = Instant::now();
        let visits = store
            .visits_between(from, to, Some("Desk 1"))
            .expect("list");
        samples.push(started.elapsed());
        std::hint::black_box(visits);
    }
    report(
        &format!("list today, one desk ({} visits)", visits.len()),
        &percentiles(samples),
        200,
    );
    let mut samples = Vec::new();
    for _ in 0..200 {
        let started = Instant::now();
        std::hint::black_box(
            store
                .count_between(from, to, Some("Desk 1"))
                .expect("count"),
        );
        samples.push(started.elapsed());
    }
    report("count today, one desk", &percentiles(samples), 200);

    c.bench_function("store/list_today_one_desk_of_1m", |b| {
        b.iter(|| {
            store
                .visits_between(from, to, Some("Desk 1"))
                .expect("list")
        })
    });
    c.bench_function("store/count_today_one_desk_of_1m", |b| {
        b.iter(|| {
            store
                .count_between(from, to, Some("Desk 1"))
                .expect("count")
        })
    });
}

/// The log of `BIG_LOG_VISITS` visits the health check is timed on, made once and kept in the
/// target folder (`store-bench-1m.sqlite3`; delete it to make it again). The screen bench
/// starts on a copy of it too.
fn kept_big_log() -> std::path::PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("store-bench-1m.sqlite3");
    let have = Connection::open(&path)
        .and_then(|c| c.query_row("SELECT count(*) FROM visits", [], |r| r.get::<_, i64>(0)))
        .unwrap_or(0);
    if have < BIG_LOG_VISITS as i64 * 99 / 100 {
        let _ = std::fs::remove_file(&path);
        drop(build_big_log(&path));
    }
    path
}

/// The check that runs before the first write and on every backup's copy: SQLite's full
/// integrity check (every index against its table), next to the quick check it replaced,
/// which misses an index that no longer matches its rows. On the screen it runs on the store
/// worker's thread, after the first frame.
fn health_check(c: &mut Criterion) {
    let path = kept_big_log();
    let store = Store::open(&path).expect("open");
    println!();
    let runs = 7;
    let samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            store.check_health().expect("a healthy log");
            started.elapsed()
        })
        .collect();
    report(
        "health check (integrity_check), 1,000,000 visits",
        &percentiles(samples),
        runs,
    );
    let conn = Connection::open(&path).expect("open");
    let samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let verdict: String = conn
                .query_row("PRAGMA quick_check", [], |r| r.get(0))
                .expect("quick_check");
            assert_eq!(verdict, "ok");
            started.elapsed()
        })
        .collect();
    report(
        "quick_check (for comparison), 1,000,000 visits",
        &percentiles(samples),
        runs,
    );
    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    group.bench_function("health_check_1m", |b| {
        b.iter(|| store.check_health().expect("a healthy log"))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(50)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    targets = save, list_today, health_check
}
criterion_main!(benches);
