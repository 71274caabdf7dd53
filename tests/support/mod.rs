//! What the test crates share: the `frontdesk` binary kept away from this machine's settings,
//! the fixtures' places and the screen tests' catalogue and clock. Each crate takes it with
//! `#[path = "../support/mod.rs"] mod support;`.

#![allow(dead_code)]

pub mod central;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{DateTime, FixedOffset};
use frontdesk::catalogue::Catalogue;

/// Every variable the program reads its settings from; a test's binary starts without them.
pub const FRONTDESK_VARS: [&str; 12] = [
    "FRONTDESK_ACCESSIBLE",
    "FRONTDESK_CATALOGUE",
    "FRONTDESK_CONFIG",
    "FRONTDESK_DATA_DIR",
    "FRONTDESK_DESK",
    "FRONTDESK_LANGUAGE",
    "FRONTDESK_REPORT_SERVER",
    "FRONTDESK_RETENTION_DAYS",
    "FRONTDESK_SERVER",
    "FRONTDESK_SHARE_APPOINTMENTS",
    "FRONTDESK_STAFF",
    "FRONTDESK_THEME",
];

/// An empty config file, so a developer's own settings never reach a test.
pub const EMPTY_CONFIG: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/empty-config.toml"
);

/// A path inside the repository.
pub fn manifest(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A path inside `tests/fixtures`.
pub fn fixture_path(relative: &str) -> PathBuf {
    manifest("tests/fixtures").join(relative)
}

/// The built binary with none of this machine's FRONTDESK_* variables.
pub fn bare_frontdesk() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
    for name in FRONTDESK_VARS {
        cmd.env_remove(name);
    }
    cmd
}

/// As [`bare_frontdesk`], as a plain `std::process::Command`.
pub fn bare_frontdesk_process() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_frontdesk"));
    for name in FRONTDESK_VARS {
        cmd.env_remove(name);
    }
    cmd
}

/// What a finished run of the binary printed, and its exit code (-1 when a signal ended it).
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<std::process::Output> for Run {
    fn from(output: std::process::Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// The binary, with its config (`home/config.toml`, empty unless the test wrote it) and data
/// (`home/data`) kept inside `home`, so the machine's own settings cannot change the result.
pub fn frontdesk(home: &Path) -> Command {
    let config = home.join("config.toml");
    if !config.exists() {
        fs::write(&config, "").expect("an empty config file");
    }
    frontdesk_with_config(home, &config)
}

/// As [`frontdesk`], with the config file given.
pub fn frontdesk_with_config(home: &Path, config: &Path) -> Command {
    let mut cmd = bare_frontdesk();
    cmd.env("HOME", home)
        .arg("--config")
        .arg(config)
        .arg("--data-dir")
        .arg(home.join("data"));
    cmd
}

/// The screen tests' small catalogue, `tests/fixtures/catalogue`.
pub fn fixture_catalogue() -> Catalogue {
    Catalogue::from_dir(&fixture_path("catalogue")).unwrap()
}

/// Monday 23 November 2026, 10:15 in the morning, UK time (GMT).
pub fn monday_morning() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T10:15:00+00:00").unwrap()
}
