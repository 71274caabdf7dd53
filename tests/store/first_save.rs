//! The very first save in a new data folder, cut by `kill -9` at any moment: the next command
//! works (the log is never left "read-only" by a journal the cut save left behind) and every
//! visit whose id was printed is in the log.
//!
//! Each round starts `frontdesk log` in a folder of its own, kills it after a pseudo-random
//! delay spread over the time a whole first `log` takes on this machine, then logs again.

#![cfg(unix)]

use std::fs;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use tempfile::TempDir;

const EMPTY_CONFIG: &str = crate::support::EMPTY_CONFIG;

/// A catalogue with one service, so most of a `log` run is opening and writing the log.
fn catalogue(dir: &Path) -> PathBuf {
    let catalogue = dir.join("catalogue");
    fs::create_dir_all(&catalogue).unwrap();
    fs::write(
        catalogue.join("test.toml"),
        r#"
[council]
name = "Test Council"
version = "t1"

[[service]]
id = "council-tax"
title = "Council tax"
summary = "Pay or ask about council tax."
review_by = "2027-06-30"
"#,
    )
    .unwrap();
    catalogue
}

fn log_command(data: &Path, catalogue: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
    command
        .env("FRONTDESK_CONFIG", EMPTY_CONFIG)
        .env_remove("FRONTDESK_DATA_DIR")
        .env_remove("FRONTDESK_CATALOGUE")
        .arg("--data-dir")
        .arg(data)
        .arg("--catalogue")
        .arg(catalogue)
        .args(["log", "--service", "council-tax", "--outcome", "resolved"]);
    command
}

fn ids_in(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn.prepare("SELECT id FROM visits").unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn integrity(path: &Path) -> String {
    let conn = Connection::open(path).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// What became of the rounds.
#[derive(Default)]
struct Tally {
    /// The killed first `log` printed its id before it died.
    saved_before_the_kill: usize,
    /// A `-journal` was beside the log after the kill (the case that used to lock the log).
    journal_left: usize,
}

/// `rounds` first saves cut by `kill -9`; panics on the first round whose next command fails
/// or whose printed visit is missing.
fn cut_first_saves(rounds: usize) -> Tally {
    let dir = TempDir::new().unwrap();
    let catalogue = catalogue(dir.path());

    // How long a whole first `log` takes here (the fastest of three), to spread the kills over.
    let whole = (0..3)
        .map(|n| {
            let data = dir.path().join(format!("whole-{n}"));
            let started = Instant::now();
            let output = log_command(&data, &catalogue).output().unwrap();
            assert!(output.status.success(), "{output:?}");
            started.elapsed()
        })
        .min()
        .unwrap();
    let span = whole.as_micros().max(1_000) as u64;

    // A fixed pseudo-random sequence, so a failure can be replayed.
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut tally = Tally::default();
    for round in 0..rounds {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % (span + span / 5));
        let data = dir.path().join(format!("round-{round}"));
        let mut child = log_command(&data, &catalogue)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        // The process may have finished already: then the kill finds nothing, which is fine.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = child.wait();
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        let printed: Vec<String> = out
            .rsplit_once('\n')
            .map_or("", |(whole, _)| whole)
            .lines()
            .map(str::to_string)
            .collect();
        tally.saved_before_the_kill += printed.len();
        let file = data.join("visits.sqlite3");
        if fs::metadata(data.join("visits.sqlite3-journal")).is_ok_and(|m| m.len() > 0) {
            tally.journal_left += 1;
        }

        let next = log_command(&data, &catalogue).output().unwrap();
        assert!(
            next.status.success(),
            "round {round} (killed after {delay:?}): the next log failed: {}",
            String::from_utf8_lossy(&next.stderr)
        );
        let next_id = String::from_utf8(next.stdout).unwrap().trim().to_string();
        let stored = ids_in(&file);
        for id in printed.iter().chain([&next_id]) {
            assert!(
                stored.contains(id),
                "round {round} (killed after {delay:?}): visit {id} was printed but is not in the log"
            );
        }
        assert_eq!(integrity(&file), "ok", "round {round}");
        fs::remove_dir_all(&data).unwrap();
    }
    println!(
        "{rounds} first saves cut by kill -9: every next command worked; {} had printed their id (all kept); {} left a journal behind",
        tally.saved_before_the_kill, tally.journal_left
    );
    tally
}

#[test]
fn a_first_save_cut_by_kill_never_leaves_the_log_unusable() {
    cut_first_saves(120);
}

/// The full 300 rounds (about a minute on a slow machine):
/// `cargo test --test store first_save:: -- --ignored --nocapture`.
#[test]
#[ignore]
fn three_hundred_first_saves_cut_by_kill_leave_no_log_unusable() {
    cut_first_saves(300);
}
