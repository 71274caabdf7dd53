//! The reception screen's speed: process start to the first painted frame (in a real
//! pseudo-terminal), and one keystroke handled and drawn on a 50,000-entry catalogue.
//!
//! Criterion reports medians; each group also prints the median and p99 of its own timed runs.

use std::io::Read;
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
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
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
    command.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(command).expect("frontdesk starts");
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let (done, shown) = mpsc::channel();
    std::thread::spawn(move || {
        let mut parser = vt100::Parser::new(24, 80, 0);
        let mut buffer = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            parser.process(&buffer[..n]);
            if parser
                .screen()
                .contents()
                .contains("Type what the resident needs")
            {
                let _ = done.send(Instant::now());
                break;
            }
        }
    });
    let painted = shown
        .recv_timeout(Duration::from_secs(10))
        .expect("the first frame appears");
    let _ = child.kill();
    let _ = child.wait();
    painted - start
}

fn first_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let samples: Vec<Duration> = (0..30).map(|_| time_to_first_frame(dir.path())).collect();
    let (median, p99) = percentiles(samples);
    println!("first frame, default catalogue, 80x24: median {median:?}, p99 {p99:?} (30 starts)");
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
