//! The reception screen's speed: process start to the first painted frame (in a real
//! pseudo-terminal), on the default catalogue and on a 50,000-entry catalogue folder (its
//! compiled form made by an earlier start: the first results listed, then the answer to the
//! first words typed), and one keystroke handled and drawn on a 50,000-entry catalogue.
//!
//! Criterion reports medians; each group also prints the median and p99 of its own timed runs.

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::DateTime;
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::KeyCode;
use frontdesk::catalogue::{Catalogue, sample};
use frontdesk::tui::headless::Headless;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn percentiles(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99))
}

/// Starts the app in an 80x24 pseudo-terminal and returns the time until the first frame shows.
fn time_to_first_frame(data_dir: &std::path::Path) -> Duration {
    time_to_screen(data_dir, None, "Type what the resident needs", None)
}

/// Starts the app in an 80x24 pseudo-terminal (on `catalogue` when given) and returns the time
/// until the screen shows `shown`; with `typed`, then types it and returns also the time from
/// the start until the screen shows `answer` as well.
fn time_to_screen(
    data_dir: &std::path::Path,
    catalogue: Option<&std::path::Path>,
    shown: &str,
    typed: Option<(&str, &str)>,
) -> Duration {
    time_to_screens(data_dir, catalogue, shown, typed).0
}

fn time_to_screens(
    data_dir: &std::path::Path,
    catalogue: Option<&std::path::Path>,
    shown: &str,
    typed: Option<(&str, &str)>,
) -> (Duration, Option<Duration>) {
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_frontdesk"));
    command.args([
        "--data-dir",
        &data_dir.display().to_string(),
        "--config",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/empty-config.toml"
        ),
    ]);
    if let Some(folder) = catalogue {
        command.args(["--catalogue", &folder.display().to_string()]);
    }
    time_command(command, shown, typed)
}

/// Starts `command` in an 80x24 pseudo-terminal and returns the time until the screen shows
/// `shown`, and with `typed`, the time until it also shows the answer to the text typed.
fn time_command(
    mut command: CommandBuilder,
    shown: &str,
    typed: Option<(&str, &str)>,
) -> (Duration, Option<Duration>) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    command.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(command).expect("frontdesk starts");
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let mut writer = pty.master.take_writer().expect("a writer");
    let (done, seen) = mpsc::channel();
    let wanted: Vec<String> = std::iter::once(shown.to_string())
        .chain(typed.map(|(_, answer)| answer.to_string()))
        .collect();
    std::thread::spawn(move || {
        let mut parser = vt100::Parser::new(24, 80, 0);
        let mut buffer = [0u8; 8192];
        let mut next = 0;
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            parser.process(&buffer[..n]);
            while next < wanted.len() && parser.screen().contents().contains(&wanted[next]) {
                let _ = done.send(Instant::now());
                next += 1;
            }
            if next == wanted.len() {
                break;
            }
        }
    });
    let painted = seen
        .recv_timeout(Duration::from_secs(20))
        .expect("the first frame appears");
    let answered = typed.map(|(text, _)| {
        writer.write_all(text.as_bytes()).expect("typed");
        let _ = writer.flush();
        seen.recv_timeout(Duration::from_secs(20))
            .expect("the answer appears")
            - start
    });
    let _ = child.kill();
    let _ = child.wait();
    (painted - start, answered)
}

/// How many starts the floor and the first frame are each timed over.
const STARTS: usize = 100;

fn first_frame(c: &mut Criterion) {
    // The floor under every figure below: the same harness timing a shell that prints the
    // same words and nothing else (process start, the pseudo-terminal and reading the screen).
    // A hundred starts each, so the p99 is not simply the slowest start.
    let floor: Vec<Duration> = (0..STARTS)
        .map(|_| {
            let mut shell = CommandBuilder::new("sh");
            shell.args(["-c", "printf 'Type what the resident needs'; exec sleep 5"]);
            time_command(shell, "Type what the resident needs", None).0
        })
        .collect();
    let (median, p99) = percentiles(floor);
    println!(
        "floor: a shell printing the same words, 80x24: median {median:?}, p99 {p99:?} ({STARTS} starts)"
    );
    let dir = tempfile::tempdir().expect("a temp dir");
    let samples: Vec<Duration> = (0..STARTS)
        .map(|_| time_to_first_frame(dir.path()))
        .collect();
    let (median, p99) = percentiles(samples);
    println!(
        "first frame, default catalogue, 80x24: median {median:?}, p99 {p99:?} ({STARTS} starts)"
    );
    let mut group = c.benchmark_group("screen");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("process start to first frame", |b| {
        b.iter_custom(|iterations| {
            (0..iterations)
                .map(|_| time_to_first_frame(dir.path()))
                .sum()
        })
    });

    // On a log of a million visits (the store bench's kept log, when it has made it): the
    // health check and the clean-up run on the store worker, after the first frame.
    let big = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("store-bench-1m.sqlite3");
    if big.is_file() {
        let data = dir.path().join("data-1m");
        std::fs::create_dir_all(&data).expect("a data folder");
        std::fs::copy(&big, data.join("visits.sqlite3")).expect("a copy of the big log");
        let samples: Vec<Duration> = (0..10).map(|_| time_to_first_frame(&data)).collect();
        let (median, p99) = percentiles(samples);
        println!(
            "first frame, 1,000,000-visit log, 80x24: median {median:?}, p99 {p99:?} (10 starts)"
        );
    } else {
        println!("(no 1,000,000-visit log yet: `cargo bench --bench store` makes it)");
    }

    // A 50,000-entry folder whose compiled form an earlier run made (`frontdesk search` keeps
    // it, as the screen's first start does).
    let folder = dir.path().join("catalogue-50k");
    sample::write_dir(50_000, &folder).expect("the sample catalogue is written");
    let primed = std::process::Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .args(["--data-dir", &dir.path().display().to_string()])
        .args([
            "--catalogue",
            &folder.display().to_string(),
            "search",
            "bin",
        ])
        .env(
            "FRONTDESK_CONFIG",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/empty-config.toml"
            ),
        )
        .output()
        .expect("frontdesk search runs");
    assert!(primed.status.success(), "{primed:?}");
    let everything = "Everything (50000)";
    let typed = ("missed bin", "Results (");
    let runs: Vec<(Duration, Option<Duration>)> = (0..20)
        .map(|_| time_to_screens(dir.path(), Some(&folder), everything, Some(typed)))
        .collect();
    let (median, p99) = percentiles(runs.iter().map(|r| r.0).collect());
    println!(
        "first frame with results, 50,000-entry folder (compiled), 80x24: median {median:?}, p99 {p99:?} (20 starts)"
    );
    let (median, p99) = percentiles(runs.iter().filter_map(|r| r.1).collect());
    println!(
        "start to the answer for \"missed bin\" typed at once, same: median {median:?}, p99 {p99:?} (20 starts)"
    );
    group.bench_function("process start to results, 50,000 entries (compiled)", |b| {
        b.iter_custom(|iterations| {
            (0..iterations)
                .map(|_| time_to_screen(dir.path(), Some(&folder), everything, None))
                .sum()
        })
    });
    group.finish();
}

fn keystroke(c: &mut Criterion) {
    let now = DateTime::parse_from_rfc3339("2026-11-23T10:15:00+00:00").expect("a date");
    let cases: [(&str, Catalogue); 2] = [
        (
            "default catalogue",
            Catalogue::embedded().expect("the built-in catalogue"),
        ),
        ("50,000 entries", sample::generate(50_000)),
    ];
    let mut group = c.benchmark_group("screen");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    for (name, catalogue) in cases {
        let mut desk = Headless::new(catalogue, now, 80, 24);
        desk.type_text("council ta");
        // Alternate adding and removing a letter so every keystroke runs a fresh search.
        let mut add = true;
        let mut stroke = move |desk: &mut Headless| {
            desk.press(if add {
                KeyCode::Char('x')
            } else {
                KeyCode::Backspace
            });
            add = !add;
            desk.screen();
        };
        let samples: Vec<Duration> = (0..2000)
            .map(|_| {
                let start = Instant::now();
                stroke(&mut desk);
                start.elapsed()
            })
            .collect();
        let (median, p99) = percentiles(samples);
        println!(
            "keystroke + search + draw, {name}, 80x24: median {median:?}, p99 {p99:?} (2,000 keys)"
        );
        group.bench_function(format!("keystroke and frame, {name}"), |b| {
            b.iter(|| stroke(&mut desk))
        });
    }
    group.finish();
}

criterion_group!(benches, first_frame, keystroke);
criterion_main!(benches);
