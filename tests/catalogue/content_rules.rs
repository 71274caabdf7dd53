//! What keeps content right: sources and checked dates on every script end, service and
//! partner; blocks of steps written once and included by scripts; named facts; the review of
//! content that is due; and the reading-age warning on resident lines.

use std::fs;

use chrono::NaiveDate;
use frontdesk::catalogue::check::check_files;
use frontdesk::catalogue::{Catalogue, SourceFile};
use frontdesk::script::{ScriptWalk, every_path};
use tempfile::TempDir;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).expect("a date")
}

const CATALOGUE: &str = r#"# Fictional.
[council]
name = "Test District Council"

[defaults]
sources = ["https://www.gov.uk/if-youre-homeless-at-risk-of-homelessness"]
checked = 2026-12-01

[facts]
put_out = "7am"

[[service]]
id = "homelessness"
title = "Homelessness"
summary = "Help if you are homeless."
say = "Put your bin out by {fact:put_out}."
review_by = 2099-12-31

[[service]]
id = "safeguarding"
title = "Someone at risk"
summary = "Tell us when someone is at risk of harm."
review_by = 2099-12-31
"#;

const SCRIPT: &str = r#"[[script]]
id = "test"
title = "Test"
version = "1"
start = "safety"
review_by = 2099-12-31

[[script.node]]
id = "safety"
include = "safety"
next = "ask"

[[script.node]]
id = "ask"
question = "Safe tonight?"
options = [
  { label = "No", next = "help" },
  { label = "Yes", next = "done" },
]

[[script.node]]
id = "help"
[script.node.end]
outcome = "referred"
services = [{ id = "homelessness" }]
tell = "Call us by {fact:put_out}."
sources = ["https://www.gov.uk/if-youre-homeless-at-risk-of-homelessness"]
checked = 2026-12-01

[[script.node]]
id = "done"
[script.node.end]
outcome = "resolved"
services = [{ id = "homelessness" }]
sources = ["https://www.gov.uk/if-youre-homeless-at-risk-of-homelessness"]
checked = 2026-12-01

[[block]]
id = "safety"
start = "risk"
review_by = 2099-12-31

[[block.node]]
id = "risk"
question = "Is anyone at risk now?"
options = [
  { label = "No", next = "@continue" },
  { label = "Yes", next = "call" },
]

[[block.node]]
id = "call"
question = "Called?"
options = [{ label = "Yes", next = "end-risk" }]
[block.node.urgent]
now = "Call 999 now."
call = [{ name = "emergency services", phone = "999" }]

[[block.node]]
id = "end-risk"
[block.node.end]
outcome = "referred"
services = [{ id = "safeguarding" }]
tell = "Help is coming."
sources = ["https://www.gov.uk/report-child-abuse"]
checked = 2026-12-01
"#;

fn files(script: &str) -> Vec<SourceFile> {
    vec![
        SourceFile {
            name: "catalogue.toml".into(),
            text: CATALOGUE.into(),
        },
        SourceFile {
            name: "scripts.toml".into(),
            text: script.into(),
        },
    ]
}

/// The problems of the catalogue with `from` replaced by `to` in the script file, as lines.
fn problems(from: &str, to: &str) -> Vec<String> {
    assert!(SCRIPT.contains(from), "the script has no {from:?}");
    check_files(&files(&SCRIPT.replacen(from, to, 1)), today())
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn write_folder(script: &str) -> TempDir {
    let dir = TempDir::new().expect("a folder");
    fs::write(dir.path().join("catalogue.toml"), CATALOGUE).expect("written");
    fs::write(dir.path().join("scripts.toml"), script).expect("written");
    dir
}

use crate::support::frontdesk;

#[test]
fn the_example_passes_the_check() {
    assert_eq!(problems("", ""), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// Includes

#[test]
fn an_included_block_is_walked_as_part_of_the_script() {
    let dir = write_folder(SCRIPT);
    let catalogue = Catalogue::from_dir(dir.path()).expect("loads");
    let script = catalogue.script("test").expect("the script");
    assert!(script.nodes.iter().all(|n| n.include.is_none()));
    let mut walk = ScriptWalk::start(script).expect("starts");
    assert_eq!(
        walk.current().question.as_deref(),
        Some("Is anyone at risk now?")
    );
    walk.choose(1).expect("no one at risk");
    assert_eq!(
        walk.current().id,
        "ask",
        "the block's @continue leads to next"
    );
    walk.choose(1).expect("not safe tonight");
    assert_eq!(walk.end().map(|e| e.tell.as_str()), Some("Call us by 7am."));

    let mut walk = ScriptWalk::start(script).expect("starts");
    walk.choose(2).expect("someone at risk");
    assert!(
        walk.needs_acknowledgement(),
        "the block's urgent step is urgent here too"
    );
    walk.acknowledge();
    walk.choose(1).expect("called");
    let end = walk.end().expect("the block's end");
    assert_eq!(end.services[0].id, "safeguarding");
    assert_eq!(
        walk.nodes(),
        vec!["safety", "safety/call", "safety/end-risk"]
    );

    let paths = every_path(script, 100).expect("no loops");
    assert_eq!(paths.len(), 3);
}

#[test]
fn an_unknown_include_is_an_error() {
    let lines = problems("include = \"safety\"", "include = \"safty\"");
    assert!(
        lines.iter().any(|l| l.starts_with("scripts.toml:10:11: error: include \"safty\" is not the id of any [[block]]; did you mean \"safety\"?")),
        "{lines:#?}"
    );
}

#[test]
fn a_block_that_includes_itself_is_an_error() {
    let looped = SCRIPT.replacen(
        "[[block.node]]\nid = \"call\"",
        "[[block.node]]\nid = \"again\"\ninclude = \"safety\"\nnext = \"@continue\"\n\n[[block.node]]\nid = \"call\"",
        1,
    );
    let looped = looped.replacen(
        "{ label = \"No\", next = \"@continue\" }",
        "{ label = \"No\", next = \"again\" }",
        1,
    );
    let lines: Vec<String> = check_files(&files(&looped), today())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("error: an include loop: safety includes safety")),
        "{lines:#?}"
    );
}

#[test]
fn an_include_without_next_and_continue_outside_a_block_are_errors() {
    let lines = problems("next = \"ask\"\n", "");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("error: node \"safety\" includes a block but has no next")),
        "{lines:#?}"
    );
    let lines = problems(
        "{ label = \"Yes\", next = \"done\" }",
        "{ label = \"Yes\", next = \"@continue\" }",
    );
    assert!(
        lines
            .iter()
            .any(|l| l
                .contains("error: next \"@continue\" is not the id of any node of this script")),
        "{lines:#?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Facts

#[test]
fn facts_are_filled_in_when_content_loads() {
    let dir = write_folder(SCRIPT);
    let catalogue = Catalogue::from_dir(dir.path()).expect("loads");
    assert_eq!(
        catalogue.service("homelessness").map(|s| s.say.as_str()),
        Some("Put your bin out by 7am.")
    );
}

#[test]
fn an_unknown_fact_is_an_error_and_an_unused_one_a_warning() {
    let lines = problems("Call us by {fact:put_out}.", "Call us by {fact:put_in}.");
    assert!(
        lines
            .iter()
            .any(|l| l
                .starts_with("scripts.toml:26:8: error: {fact:put_in} names no fact; add put_in")),
        "{lines:#?}"
    );
    let unused = CATALOGUE.replace("{fact:put_out}", "7am");
    let files = vec![SourceFile {
        name: "catalogue.toml".into(),
        text: unused,
    }];
    let lines: Vec<String> = check_files(&files, today())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("catalogue.toml:10:1: warning: fact \"put_out\" is not used")),
        "{lines:#?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Sources and dates

#[test]
fn a_script_end_without_a_source_is_an_error() {
    let lines = problems(
        "tell = \"Call us by {fact:put_out}.\"\nsources = [\"https://www.gov.uk/if-youre-homeless-at-risk-of-homelessness\"]\n",
        "tell = \"Call us by {fact:put_out}.\"\n",
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("error: the end at node \"help\" has no sources")),
        "{lines:#?}"
    );
}

#[test]
fn a_source_that_is_not_a_web_address_is_an_error() {
    let lines = problems(
        "sources = [\"https://www.gov.uk/report-child-abuse\"]",
        "sources = [\"GOV.UK\"]",
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("error: source \"GOV.UK\" is not a web address")),
        "{lines:#?}"
    );
}

#[test]
fn services_inherit_the_files_defaults_and_warn_without_them() {
    let dir = write_folder(SCRIPT);
    let catalogue = Catalogue::from_dir(dir.path()).expect("loads");
    let service = catalogue.service("homelessness").expect("the service");
    assert_eq!(service.sources.len(), 1);
    assert_eq!(service.checked, NaiveDate::from_ymd_opt(2026, 12, 1));

    let bare = CATALOGUE.replace(
        "[defaults]\nsources = [\"https://www.gov.uk/if-youre-homeless-at-risk-of-homelessness\"]\nchecked = 2026-12-01\n",
        "",
    );
    let files = vec![SourceFile {
        name: "catalogue.toml".into(),
        text: bare.clone(),
    }];
    let lines: Vec<String> = check_files(&files, today())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        !lines.iter().any(|l| l.contains("has no sources")),
        "a catalogue that records no sources yet (a fresh import) is not nagged: {lines:#?}"
    );
    // Once one entry records its sources, every entry is held to it.
    let one = bare.replacen(
        "id = \"safeguarding\"",
        "id = \"safeguarding\"\nsources = [\"https://www.gov.uk/report-child-abuse\"]\nchecked = 2026-12-01",
        1,
    );
    let files = vec![SourceFile {
        name: "catalogue.toml".into(),
        text: one,
    }];
    let lines: Vec<String> = check_files(&files, today())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("warning: service \"homelessness\" has no sources")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("warning: service \"homelessness\" has no checked date")),
        "{lines:#?}"
    );
    assert!(
        !lines.iter().any(|l| l.contains("\"safeguarding\" has no")),
        "{lines:#?}"
    );
}

#[test]
fn check_as_of_a_later_date_warns_about_content_past_review() {
    let dir = write_folder(&SCRIPT.replace("review_by = 2099-12-31", "review_by = 2027-03-31"));
    let home = TempDir::new().expect("a home");
    let now = frontdesk(home.path())
        .args(["check", "--as-of", "2027-01-01", "--catalogue"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(now.status.success());
    assert!(!String::from_utf8_lossy(&now.stdout).contains("has passed"));
    let later = frontdesk(home.path())
        .args(["check", "--as-of", "2027-04-01", "--catalogue"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let out = String::from_utf8_lossy(&later.stdout);
    assert!(later.status.success(), "warnings alone pass: {out}");
    assert!(out.contains("review_by 2027-03-31 has passed"), "{out}");
}

#[test]
fn catalogue_review_lists_what_is_due_oldest_first_with_its_sources() {
    let script = SCRIPT
        .replacen("review_by = 2099-12-31", "review_by = 2027-03-31", 1)
        .replacen("checked = 2026-12-01", "checked = 2026-06-01", 1);
    let dir = write_folder(&script);
    let home = TempDir::new().expect("a home");
    let output = frontdesk(home.path())
        .args([
            "catalogue",
            "review",
            "--as-of",
            "2027-04-01",
            "--catalogue",
        ])
        .arg(dir.path())
        .output()
        .expect("runs");
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{out}");
    let script_at = out.find("script test").expect("the script is due");
    assert!(
        out.contains("https://www.gov.uk/if-youre-homeless-at-risk-of-homelessness"),
        "{out}"
    );
    assert!(!out.contains("service homelessness"), "not due: {out}");
    assert!(
        out.contains("last checked 2026-06-01"),
        "the script is as old as its oldest end: {out}"
    );
    assert!(
        script_at < out.find("1 entry is due").expect("a count"),
        "{out}"
    );
}

// ---------------------------------------------------------------------------------------------
// Reading age

#[test]
fn a_hard_line_for_a_resident_is_warned_with_the_words_to_explain() {
    let lines = problems(
        "tell = \"Help is coming.\"",
        "tell = \"Discretionary housing payments are administered by the local authority to eligible residents experiencing financial difficulties.\"",
    );
    let warning = lines
        .iter()
        .find(|l| l.contains("warning: this line reads at grade"))
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert!(warning.contains("discretionary"), "{warning}");
    assert!(warning.contains("administered"), "{warning}");
}

// ---------------------------------------------------------------------------------------------
// Welsh

#[test]
fn with_welsh_on_every_step_of_a_block_and_a_script_missing_welsh_is_named() {
    let catalogue = CATALOGUE.replace(
        "name = \"Test District Council\"",
        "name = \"Test District Council\"\nwelsh = true",
    );
    let files = vec![
        SourceFile {
            name: "catalogue.toml".into(),
            text: catalogue,
        },
        SourceFile {
            name: "scripts.toml".into(),
            text: SCRIPT.into(),
        },
    ];
    let lines: Vec<String> = check_files(&files, today())
        .iter()
        .map(ToString::to_string)
        .collect();
    for expected in [
        "warning: step \"risk\" of block \"safety\" has no Welsh for question, options",
        "warning: step \"ask\" of script \"test\" has no Welsh for question, options",
        "warning: step \"help\" of script \"test\" has no Welsh for end_tell",
    ] {
        assert!(
            lines.iter().any(|l| l.contains(expected)),
            "{expected}: {lines:#?}"
        );
    }
}
