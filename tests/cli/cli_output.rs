//! What the commands print, whatever the visit log or the catalogue holds: no panic on a value
//! too wide for a table, and never a raw control character (an escape sequence would retitle or
//! clear the user's terminal). `check` refuses such values in the catalogue at their place.

use std::fs;
use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;
use chrono::Utc;
use frontdesk::printable::is_unsafe;
use frontdesk::store::Store;
use frontdesk::visit::{Outcome, ServiceOutcome, Visit, VisitDraft};
use proptest::prelude::*;
use tempfile::TempDir;

struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        let home = Home {
            dir: TempDir::new().unwrap(),
        };
        fs::write(home.dir.path().join("config.toml"), "").unwrap();
        home
    }

    fn visits_file(&self) -> PathBuf {
        self.dir.path().join("data/visits.sqlite3")
    }

    fn catalogue(&self) -> PathBuf {
        self.dir.path().join("catalogue")
    }

    fn cmd(&self) -> Command {
        let mut cmd = crate::support::bare_frontdesk();
        cmd.env("FRONTDESK_CONFIG", self.dir.path().join("config.toml"))
            .env("TZ", "Europe/London")
            .arg("--data-dir")
            .arg(self.dir.path().join("data"))
            .timeout(Duration::from_secs(20));
        cmd
    }

    /// Saves visits straight into the log, as an older version or another program might have.
    fn save(&self, visits: &[Visit]) {
        Store::open(&self.visits_file())
            .unwrap()
            .save_all(visits)
            .unwrap();
    }

    fn write_catalogue(&self, services: &str) {
        fs::create_dir_all(self.catalogue()).unwrap();
        fs::write(
            self.catalogue().join("catalogue.toml"),
            format!("[council]\nname = \"Test Council\"\n\n{services}"),
        )
        .unwrap();
    }
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn a_visit() -> Visit {
    let mut draft = VisitDraft::new(Utc::now(), "Main", "AB", "t1");
    draft.services = vec!["council-tax".into()];
    draft.outcome = Some(Outcome::Resolved);
    draft.into_visit().unwrap()
}

fn unsafe_chars(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| c != '\n' && is_unsafe(c))
        .collect()
}

fn service(id: &str, title: &str) -> String {
    format!(
        "[[service]]\nid = \"{id}\"\ntitle = \"{title}\"\nsummary = \"A service.\"\nreview_by = \"2099-01-01\"\n\n"
    )
}

// ---- issue 7.9: a cell over 65,535 characters ----

#[test]
fn a_stored_value_wider_than_any_table_is_cut_not_a_panic() {
    let home = Home::new();
    let mut visit = a_visit();
    visit.desk = "D".repeat(70_000);
    visit.note = Some("n".repeat(70_000));
    home.save(std::slice::from_ref(&visit));
    let result = run(home.cmd().arg("visits"));
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    let row = result.stdout.lines().nth(1).expect("a row");
    assert!(
        row.contains(&format!("{}…", "D".repeat(59))),
        "the desk is cut to 60"
    );
    assert!(
        row.ends_with(&format!("{}…", "n".repeat(499))),
        "the note is cut to 500"
    );
    assert!(row.chars().count() < 1000, "{}", row.chars().count());
    // JSON keeps the whole value.
    let result = run(home.cmd().args(["visits", "--json"]));
    assert!(result.stdout.contains(&"n".repeat(70_000)));
}

#[test]
fn check_refuses_ids_and_titles_too_long_for_the_desk() {
    let home = Home::new();
    let long_title = "T".repeat(70_000);
    let long_id = "a".repeat(65);
    home.write_catalogue(&(service("bins", &long_title) + &service(&long_id, "Fine")));
    let result = run(home
        .cmd()
        .arg("check")
        .arg("--catalogue")
        .arg(home.catalogue()));
    assert_eq!(result.code, Some(1));
    let file = home.catalogue().join("catalogue.toml");
    assert_eq!(
        result.stdout,
        format!(
            "{f}:6:9: error: title is 70000 characters long; keep it to 120 or fewer, and put the rest in the summary\n\
             {f}:11:6: error: id \"{short}…\" is 65 characters long; keep ids to 64 characters or fewer\n\
             2 errors, 0 warnings in 1 file\n",
            f = file.display(),
            short = "a".repeat(60)
        )
    );
    for args in [&["search", "bins"][..], &["catalogue", "list"][..]] {
        let result = run(home
            .cmd()
            .arg("--catalogue")
            .arg(home.catalogue())
            .args(args));
        assert_eq!(result.code, Some(2), "{args:?}: {}", result.stderr);
        assert!(!result.stderr.contains("panicked"), "{}", result.stderr);
        assert!(
            result.stderr.contains("has 2 errors, so it is not used"),
            "{}",
            result.stderr
        );
    }
}

// ---- issue 7.10: escape sequences, carriage returns and newlines in table output ----

#[test]
fn visits_shows_control_characters_instead_of_obeying_them() {
    let home = Home::new();
    let mut visit = a_visit();
    visit.desk = "Desk\r\nTwo".into();
    visit.staff = "\u{1b}[2J".into();
    visit.note = Some("\u{1b}]0;owned\u{7} done\u{202e}".into());
    visit.services = vec![ServiceOutcome {
        service: "bad\u{1b}[31m-id".into(),
        outcome: Outcome::Referred,
        booking: None,
    }];
    home.save(std::slice::from_ref(&visit));
    let result = run(home.cmd().arg("visits"));
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    assert_eq!(unsafe_chars(&result.stdout), Vec::<char>::new());
    assert_eq!(
        result.stdout.lines().count(),
        2,
        "one line per visit:\n{}",
        result.stdout
    );
    let row = result.stdout.lines().nth(1).unwrap();
    for shown in [
        "Desk\\r\\nTwo",
        "\\u{1b}[2J",
        "\\u{1b}]0;owned\\u{7} done\\u{202e}",
        "bad\\u{1b}[31m-id",
    ] {
        assert!(row.contains(shown), "{shown} in {row}");
    }
    // JSON escapes control characters its own way, and keeps them.
    let result = run(home.cmd().args(["visits", "--json"]));
    assert!(
        !result.stdout.chars().any(|c| c != '\n' && c.is_control()),
        "{}",
        result.stdout
    );
    assert!(
        result
            .stdout
            .contains("\\u001b]0;owned\\u0007 done\u{202e}"),
        "{}",
        result.stdout
    );
}

#[test]
fn check_reports_control_characters_in_content_where_they_are() {
    let home = Home::new();
    home.write_catalogue(
        &(service("bins", "Bins \\u001b]0;owned\\u0007")
            + "[[partner]]\nid = \"advice\"\nname = \"Advice\"\nsummary = \"Line one\\r\\nline two\"\nkeywords = [\"ok\", \"tab\\there\"]\nreview_by = \"2099-01-01\"\n"),
    );
    let result = run(home
        .cmd()
        .arg("check")
        .arg("--catalogue")
        .arg(home.catalogue()));
    assert_eq!(result.code, Some(1));
    let f = home
        .catalogue()
        .join("catalogue.toml")
        .display()
        .to_string();
    assert_eq!(
        result.stdout,
        format!(
            "{f}:6:9: error: title has an escape character (\\u{{1b}}) at character 6; remove it and write the value as one line of plain text (the screen wraps long text)\n\
             {f}:13:11: error: summary has a line break (\\u{{d}}) at character 9; remove it and write the value as one line of plain text (the screen wraps long text)\n\
             {f}:14:19: error: keywords has a tab (\\u{{9}}) at character 4; remove it and write the value as one line of plain text (the screen wraps long text)\n\
             3 errors, 0 warnings in 1 file\n"
        )
    );
    let result = run(home
        .cmd()
        .arg("--catalogue")
        .arg(home.catalogue())
        .args(["search", "bins"]));
    assert_eq!(result.code, Some(2));
    assert_eq!(unsafe_chars(&result.stderr), Vec::<char>::new());
}

#[test]
fn search_and_catalogue_list_show_a_catalogue_as_printable_text() {
    let home = Home::new();
    home.write_catalogue(&(service("bins", "Bins and recycling") + &service("tax", "Council tax")));
    let result = run(home
        .cmd()
        .arg("--catalogue")
        .arg(home.catalogue())
        .args(["search", "bins\u{1b}[2J"]));
    assert_eq!(unsafe_chars(&result.stdout), Vec::<char>::new());
    let result = run(home
        .cmd()
        .arg("--catalogue")
        .arg(home.catalogue())
        .args(["search", "xyzzy\u{1b}[2J"]));
    assert_eq!(
        result.stdout,
        "Nothing matches \"xyzzy\\u{1b}[2J\". Try fewer or other words.\n"
    );
}

// ---- a property: any stored visit prints as a table without panic or control characters ----

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "\\PC{0,40}",
        3 => any::<String>(),
        2 => "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{2028}\\u{202a}-\\u{202e}a-z ]{0,40}",
        1 => (1usize..80_000).prop_map(|n| "w".repeat(n)),
        1 => (1usize..3000).prop_map(|n| "日".repeat(n)),
    ]
}

fn visit() -> impl Strategy<Value = Visit> {
    (
        text(),
        text(),
        proptest::option::of(text()),
        proptest::collection::vec(text(), 1..3),
        proptest::collection::vec(text(), 0..3),
    )
        .prop_map(|(desk, staff, note, services, partners)| {
            let mut visit = a_visit();
            visit.desk = desk;
            visit.staff = staff;
            visit.note = note;
            visit.services = services
                .into_iter()
                .map(|service| ServiceOutcome {
                    service,
                    outcome: visit.outcome,
                    booking: None,
                })
                .collect();
            visit.partners = partners.into_iter().map(Into::into).collect();
            visit
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn any_stored_visit_prints_as_printable_lines(visits in proptest::collection::vec(visit(), 1..4)) {
        let home = Home::new();
        home.save(&visits);
        let result = run(home.cmd().arg("visits"));
        prop_assert_eq!(result.code, Some(0), "{}", result.stderr);
        prop_assert_eq!(unsafe_chars(&result.stdout), Vec::<char>::new());
        prop_assert_eq!(result.stdout.lines().count(), visits.len() + 1, "one line per visit");
        let json = run(home.cmd().args(["visits", "--json"]));
        let back: Vec<Visit> = serde_json::from_str(&json.stdout).unwrap();
        let mut notes: Vec<Option<String>> = back.into_iter().map(|v| v.note).collect();
        let mut stored: Vec<Option<String>> = visits.iter().map(|v| v.note.clone()).collect();
        notes.sort();
        stored.sort();
        prop_assert_eq!(notes, stored, "JSON keeps every note whole");
    }
}
