//! Load + first query at 50,000 entries, as a desk starting on a large folder catalogue pays it:
//! cold (no compiled form: every file checked, parsed and indexed) and warm (the compiled form
//! in the data folder, made from the same files, read back whole). The default built-in
//! catalogue is measured alongside: it is never compiled and must not get slower.
//!
//! Criterion reports medians. Before it runs, this bench times single runs itself and prints
//! the median and the 99th percentile (over few runs for the cold case: each takes about a
//! second, so its p99 is close to the slowest run).

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group};
use frontdesk::catalogue::sample;
use frontdesk::search::Index;
use frontdesk::search::compiled::prepare;

const LARGE: usize = 50_000;
const QUERY: &str = "my bin was not collected";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default()
}

/// Loads the catalogue (from `compiled` when it has it), builds the index if it must, and
/// answers one query: what `frontdesk search` does before it prints.
fn load_and_query(folder: Option<&Path>, compiled: &Path) -> usize {
    let prepared = prepare(folder, Some(compiled), today()).expect("the catalogue loads");
    let index = prepared
        .index
        .unwrap_or_else(|| Index::new(&prepared.catalogue));
    index.query(QUERY).len()
}

/// Times `runs` single runs of `f` after one unmeasured run; the median and the 99th percentile.
fn percentiles(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    let at = |share: f64| times[((times.len() - 1) as f64 * share).round() as usize];
    (at(0.5), at(0.99))
}

fn print(name: &str, runs: usize, (median, p99): (Duration, Duration)) {
    println!(
        "  {name:<44} median {:>8.1} ms   p99 {:>8.1} ms   ({runs} runs)",
        median.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3
    );
}

fn loading(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().join("catalogue");
    sample::write_dir(LARGE, &folder).expect("the sample catalogue is written");
    let cold_dir = dir.path().join("none");
    let warm_dir = dir.path().join("compiled");
    // Make the compiled form once, as the first start does.
    let prepared = prepare(Some(&folder), Some(&warm_dir), today()).expect("loads");
    let index = Index::new(&prepared.catalogue);
    let pending = prepared
        .pending
        .expect("a folder checked afresh is compiled");
    let start = Instant::now();
    pending
        .store(&prepared.catalogue, &index)
        .expect("the compiled form is written");
    println!(
        "\nWriting the compiled form of {LARGE} entries: {:.1} ms, {:.1} MB",
        start.elapsed().as_secs_f64() * 1e3,
        std::fs::metadata(pending.file()).map_or(0, |m| m.len()) as f64 / 1e6
    );
    drop((prepared.catalogue, index));

    // The cold case must never find a compiled form: its folder is removed before each run.
    let cold = || {
        let _ = std::fs::remove_dir_all(&cold_dir);
        load_and_query(Some(&folder), &cold_dir)
    };
    let warm = || load_and_query(Some(&folder), &warm_dir);
    let default = || load_and_query(None, &warm_dir);
    println!("Load + first query (single runs):");
    print(
        "50,000 entries, cold (check, parse, index)",
        10,
        percentiles(10, || {
            black_box(cold());
        }),
    );
    print(
        "50,000 entries, warm (compiled form)",
        50,
        percentiles(50, || {
            black_box(warm());
        }),
    );
    print(
        "default built-in catalogue",
        200,
        percentiles(200, || {
            black_box(default());
        }),
    );
    println!();

    let mut group = c.benchmark_group("load+first query");
    group.sample_size(10);
    group.bench_function("50k/cold", |b| b.iter(|| black_box(cold())));
    group.bench_function("50k/warm", |b| b.iter(|| black_box(warm())));
    group.finish();
    c.bench_function("load+first query/default", |b| {
        b.iter(|| black_box(default()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = loading
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
