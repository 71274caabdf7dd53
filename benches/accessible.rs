//! How fast the accessible mode answers a typed line: a search read out as one line, opening a
//! result read out as "Label: value" lines, and a step of the visit form, on the default
//! catalogue, with the answer written to a sink (a screen reader's terminal is the slow part).
//!
//! Before criterion runs, 2,000 single answers of each kind are timed and the median and the
//! 99th percentile printed. The goal: well under 50 ms, the point past which a reply to Enter
//! stops feeling immediate.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Local;
use criterion::{Criterion, criterion_group};
use frontdesk::accessible::{Session, key_names};
use frontdesk::catalogue::Catalogue;
use frontdesk::desk::App;
use frontdesk::search::Index;
use frontdesk::text::Language;

fn session() -> Session<std::io::Sink> {
    let catalogue = Arc::new(Catalogue::embedded().expect("the default catalogue loads"));
    let index = Index::new(&catalogue);
    let now = Local::now().fixed_offset();
    let app = App::new(
        catalogue,
        key_names(Language::default()),
        "Bench desk",
        "",
        now,
    );
    Session::new(
        app,
        index,
        None,
        std::io::sink(),
        Box::new(|| Local::now().fixed_offset()),
    )
}

/// Each kind of answer: the lines typed first, the line timed, and the line (not timed) that
/// puts the session back where it was for the next one.
const ANSWERS: &[(&str, &[&str], &str, &str)] = &[
    (
        "search",
        &["council tax"],
        "my bin was not collected",
        "council tax",
    ),
    ("open", &["bulky waste"], "1", "back"),
    ("form-step", &["bulky waste", "1", "log"], "1", "back"),
];

fn prepared(before: &[&str]) -> Session<std::io::Sink> {
    let mut session = session();
    for line in before {
        session.answer(line).expect("a sink never fails");
    }
    session
}

fn percentiles() {
    for (name, before, line, reset) in ANSWERS {
        let mut session = prepared(before);
        let mut times = Vec::with_capacity(2_000);
        for _ in 0..2_000 {
            let start = Instant::now();
            session.answer(black_box(line)).expect("a sink never fails");
            times.push(start.elapsed());
            session.answer(reset).expect("a sink never fails");
        }
        times.sort();
        let median = times[times.len() / 2];
        let p99 = times[times.len() * 99 / 100];
        println!("accessible/{name}: median {median:?}, p99 {p99:?} (2,000 answers)");
    }
}

fn answers(c: &mut Criterion) {
    percentiles();
    let mut group = c.benchmark_group("accessible");
    for (name, before, line, reset) in ANSWERS {
        let mut session = prepared(before);
        group.bench_function(*name, |b| {
            b.iter(|| {
                session.answer(black_box(line)).expect("a sink never fails");
                session.answer(reset).expect("a sink never fails");
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = answers
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
