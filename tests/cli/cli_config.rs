//! Settings from the config file, the environment and flags, as a user meets them on the command
//! line: one rule for each setting wherever it is given, messages that name where a bad value
//! came from, and usage errors that say what to do.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{Duration, Utc};
use frontdesk::store::Store;
use frontdesk::visit::{Outcome, Visit, VisitDraft};
use tempfile::TempDir;

/// A data folder and a config file (empty unless a test writes it) in a temporary folder.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        let home = Home {
            dir: TempDir::new().unwrap(),
        };
        fs::write(home.config(), "").unwrap();
        home
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// The binary, with no FRONTDESK_* variable of the machine's and the config file named
    /// with FRONTDESK_CONFIG.
    fn cmd(&self) -> Command {
        let mut cmd = crate::support::bare_frontdesk();
        cmd.env("HOME", self.dir.path())
            .env("FRONTDESK_CONFIG", self.config())
            .arg("--data-dir")
            .arg(self.data());
        cmd
    }

    fn save_visits_started_days_ago(&self, days: &[i64]) {
        let visits: Vec<Visit> = days
            .iter()
            .map(|&d| {
                let mut draft = VisitDraft::new(Utc::now() - Duration::days(d), "Main", "AB", "t1");
                draft.services = vec!["council-tax".into()];
                draft.outcome = Some(Outcome::Resolved);
                draft.into_visit().unwrap()
            })
            .collect();
        Store::open(&self.data().join("visits.sqlite3"))
            .unwrap()
            .save_all(&visits)
            .unwrap();
    }

    fn stored(&self) -> usize {
        Store::open(&self.data().join("visits.sqlite3"))
            .unwrap()
            .visits_between(
                chrono::DateTime::<Utc>::MIN_UTC,
                chrono::DateTime::<Utc>::MAX_UTC,
                None,
            )
            .unwrap()
            .len()
    }
}

use crate::support::Run;

fn run(cmd: &mut Command) -> Run {
    let output = cmd
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    Run::from(output)
}

const RETENTION_RULE: &str = "must be a whole number of days from 1 to 36500";

// ---- issue 7.1: one validation for the environment, the file and the flags ----

#[test]
fn retention_of_zero_days_in_the_environment_is_refused_before_anything_is_deleted() {
    let home = Home::new();
    home.save_visits_started_days_ago(&[0, 3]);
    // The reception screen (no command), the commands that read and the one that deletes.
    for args in [&[][..], &["visits"][..], &["purge"][..]] {
        let result = run(home.cmd().env("FRONTDESK_RETENTION_DAYS", "0").args(args));
        assert_eq!(result.code, 2, "{args:?}: {}", result.stderr);
        assert_eq!(
            result.stderr,
            format!(
                "frontdesk: FRONTDESK_RETENTION_DAYS {RETENTION_RULE}, not \"0\"; e.g. 730 keeps two years\n"
            ),
            "{args:?}"
        );
        assert!(
            !result.stderr.contains("--older-than"),
            "purge does not blame a flag that was not given"
        );
    }
    assert_eq!(home.stored(), 2, "no visit was deleted");
}

#[test]
fn the_config_file_and_the_flag_are_held_to_the_same_rule() {
    let home = Home::new();
    fs::write(home.config(), "desk = \"Main\"\nretention_days = 0\n").unwrap();
    let result = run(home.cmd().arg("visits"));
    assert_eq!(
        result.stderr,
        format!(
            "frontdesk: {}:2: retention_days {RETENTION_RULE}, not 0; e.g. 730 keeps two years\n",
            home.config().display()
        )
    );
    fs::write(home.config(), "").unwrap();
    for days in ["0", "4294967295", "-1", "ten"] {
        let result = run(home.cmd().args(["purge", "--older-than", days]));
        assert_eq!(result.code, 2);
        assert_eq!(
            result.stderr,
            format!(
                "frontdesk: --older-than {RETENTION_RULE}, not \"{days}\"; e.g. 730 keeps two years\n"
            )
        );
        assert!(
            !result.stdout.contains("-262143"),
            "no date from before history"
        );
    }
}

#[test]
fn purge_says_where_its_number_of_days_came_from_and_counts_days_properly() {
    let home = Home::new();
    home.save_visits_started_days_ago(&[0, 2, 40]);
    fs::write(home.config(), "retention_days = 30\n").unwrap();
    let result = run(home.cmd().args(["purge", "--dry-run"]));
    assert!(
        result.stdout.starts_with(&format!(
            "Would remove 1 visit older than 30 days (retention_days at {}:1; started before ",
            home.config().display()
        )),
        "{}",
        result.stdout
    );
    let result = run(home
        .cmd()
        .env("FRONTDESK_RETENTION_DAYS", "35")
        .args(["purge", "--dry-run"]));
    assert!(
        result.stdout.starts_with(
            "Would remove 1 visit older than 35 days (from FRONTDESK_RETENTION_DAYS; "
        ),
        "{}",
        result.stdout
    );
    // Two of the three visits at once is more than half the log: on purpose only.
    let result = run(home.cmd().args(["purge", "--older-than", "1", "--yes"]));
    assert!(
        result
            .stdout
            .starts_with("Removed 2 visits older than 1 day (from --older-than; started before "),
        "not \"1 days\": {}",
        result.stdout
    );
    fs::write(home.config(), "").unwrap();
    let result = run(home.cmd().args(["purge", "--dry-run"]));
    assert!(
        result
            .stdout
            .starts_with("Would remove 0 visits older than 730 days (the default retention; "),
        "{}",
        result.stdout
    );
}

// ---- issue 7.15: config files, types, usage and small messages ----

#[test]
fn a_config_file_named_on_purpose_must_exist() {
    let home = Home::new();
    let missing = home.dir.path().join("typo.toml");
    let result = run(home
        .cmd()
        .arg("--config")
        .arg(&missing)
        .args(["config", "--print"]));
    assert_eq!(result.code, 2);
    assert_eq!(
        result.stderr,
        format!(
            "frontdesk: the config file {} given with --config does not exist; check the path, or leave --config out to use the defaults\n",
            missing.display()
        )
    );
    let result = run(home.cmd().env("FRONTDESK_CONFIG", &missing).arg("visits"));
    assert_eq!(result.code, 2);
    assert!(
        result
            .stderr
            .contains("given with FRONTDESK_CONFIG does not exist"),
        "{}",
        result.stderr
    );
    // The default location may be absent: HOME has no config file.
    let result = run(home
        .cmd()
        .env_remove("FRONTDESK_CONFIG")
        .args(["config", "--print"]));
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stdout.contains("(not found; using defaults)"));
}

#[test]
fn config_print_refuses_key_bindings_the_screen_would_refuse() {
    let home = Home::new();
    fs::write(
        home.config(),
        "desk = \"Main\"\n\n[keys]\nlog_visit = [\"enter\"]\n",
    )
    .unwrap();
    let result = run(home.cmd().args(["config", "--print"]));
    assert_eq!(result.code, 2);
    assert_eq!(
        result.stderr,
        format!(
            "frontdesk: {}:4: keys.log_visit: Enter already does 'open' on the search screen; choose another key\n",
            home.config().display()
        )
    );
    fs::write(home.config(), "[keys]\nfly = [\"F9\"]\n").unwrap();
    let result = run(home.cmd().args(["config", "--print"]));
    assert!(
        result.stderr.starts_with(&format!(
            "frontdesk: {}:2: keys.fly: there is no command called 'fly'",
            home.config().display()
        )),
        "{}",
        result.stderr
    );
}

#[test]
fn a_wrong_type_names_the_setting_and_what_is_allowed() {
    let home = Home::new();
    fs::write(home.config(), "retention_days = \"two years\"\n").unwrap();
    let result = run(home.cmd().args(["config", "--print"]));
    assert_eq!(
        result.stderr,
        format!(
            "frontdesk: {}:1: retention_days {RETENTION_RULE}, not \"two years\"; e.g. 730 keeps two years\n",
            home.config().display()
        )
    );
    assert!(!result.stderr.contains("u32"));
}

#[test]
fn usage_lines_do_not_show_the_config_flag_as_required_when_the_variable_is_set() {
    let home = Home::new();
    let result = run(home.cmd().arg("search"));
    assert_eq!(result.code, 2);
    let usage = result
        .stderr
        .lines()
        .find(|l| l.starts_with("Usage:"))
        .expect("a usage line");
    assert!(!usage.contains("--config"), "{usage}");
    assert!(usage.contains("<QUERY>..."), "{usage}");
}

#[test]
fn visits_with_no_log_names_no_period_unless_one_was_given() {
    let home = Home::new();
    let result = run(home.cmd().arg("visits"));
    assert_eq!(result.stdout, "No visits logged yet.\n");
    let result = run(home.cmd().args(["visits", "--since", "2026-01-01"]));
    assert_eq!(result.stdout, "No visits logged since 2026-01-01.\n");
    let result = run(home
        .cmd()
        .args(["visits", "--since", "2026-01-01", "--until", "2026-01-31"]));
    assert_eq!(
        result.stdout,
        "No visits logged from 2026-01-01 to 2026-01-31.\n"
    );
}

#[test]
fn an_empty_search_is_a_usage_error() {
    let home = Home::new();
    for query in ["", "   ", "\t"] {
        let result = run(home.cmd().args(["search", query]));
        assert_eq!(result.code, 2, "{query:?}");
        assert_eq!(result.stdout, "");
        assert_eq!(
            result.stderr,
            "frontdesk: the search is empty; give what the resident asked for, e.g. `frontdesk search missed bin`\n"
        );
    }
}

#[test]
fn log_holds_desk_and_staff_flags_to_the_config_rules() {
    let home = Home::new();
    let long = "D".repeat(70_000);
    let result = run(home.cmd().args([
        "log",
        "--service",
        "council-tax",
        "--outcome",
        "resolved",
        "--desk",
        &long,
    ]));
    assert_eq!(result.code, 2);
    assert_eq!(
        result.stderr,
        "frontdesk: --desk is 70000 characters long; keep it to 60 or fewer\n"
    );
    let result = run(home.cmd().args([
        "log",
        "--service",
        "council-tax",
        "--outcome",
        "resolved",
        "--staff",
        "A\u{1b}[2JB",
    ]));
    assert_eq!(
        result.stderr,
        "frontdesk: --staff has a control character (\\u{1b}) at character 2; use plain text\n"
    );
    assert!(!Path::new(&home.data().join("visits.sqlite3")).exists());
}

#[test]
fn config_print_lists_every_key_in_use_as_the_keys_table_takes_them() {
    let home = Home::new();
    fs::write(
        home.config(),
        "desk = \"Main\"\n\n[keys]\nlog_visit = [\"F9\"]\n",
    )
    .unwrap();
    let result = run(home.cmd().args(["config", "--print"]));
    assert_eq!(result.code, 0, "{}", result.stderr);
    // The config file's own binding, and the defaults, by command name.
    assert!(
        result.stdout.contains("keys.log_visit = [\"F9\"]\n"),
        "{}",
        result.stdout
    );
    assert!(
        result.stdout.contains("keys.slip = [\"F6\"]\n"),
        "{}",
        result.stdout
    );
    assert!(
        result.stdout.contains("keys.page_up = [\"PgUp\"]\n"),
        "{}",
        result.stdout
    );
}
