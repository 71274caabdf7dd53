//! Guided scripts: `frontdesk check` rejects each kind of broken script at the right
//! FILE:LINE:COLUMN, a catalogue with one is refused at the desk, `frontdesk script list`, `show`
//! and `walk` work as a user runs them, and every path of every shipped script ends well.

use std::fs;
use std::path::Path;

use chrono::Local;
use frontdesk::catalogue::check::check_files;
use frontdesk::catalogue::{Catalogue, Kind, SourceFile};
use frontdesk::script::{ScriptWalk, every_path};
use frontdesk::visit::Outcome;
use regex::Regex;
use serde_json::Value;
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Helpers

use crate::support::frontdesk;

use crate::support::Run;

fn run(home: &Path, args: &[&str]) -> Run {
    let output = frontdesk(home).args(args).output().expect("frontdesk runs");
    Run::from(output)
}

const CATALOGUE: &str = r#"# Fictional.
[council]
name = "Test District Council"

[defaults]
sources = ["https://www.gov.uk/if-youre-homeless-at-risk-of-homelessness"]
checked = 2026-12-01

[[service]]
id = "homelessness"
title = "Homelessness"
summary = "Help if you are homeless."
review_by = 2099-12-31

[[partner]]
id = "shelter"
name = "Shelter"
summary = "Housing advice."
review_by = 2099-12-31
"#;

/// A good script; each test breaks one thing in it.
const SCRIPT: &str = r#"[[script]]
id = "test"
title = "Test"
version = "1"
start = "ask"
review_by = 2099-12-31

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
partners = ["shelter"]
sources = ["https://www.gov.uk/if-youre-homeless-at-risk-of-homelessness"]
checked = 2026-12-01

[[script.node]]
id = "done"
[script.node.end]
outcome = "resolved"
sources = ["https://www.gov.uk/if-youre-homeless-at-risk-of-homelessness"]
checked = 2026-12-01
"#;

/// A catalogue folder holding [`CATALOGUE`] and this script file.
fn folder(script: &str) -> TempDir {
    let dir = TempDir::new().expect("a temporary folder");
    fs::write(dir.path().join("catalogue.toml"), CATALOGUE).expect("written");
    fs::write(dir.path().join("scripts.toml"), script).expect("written");
    dir
}

/// `frontdesk check` of [`SCRIPT`] with `from` replaced by `to`: the problem lines, with the
/// folder taken out of the file names.
fn check_broken(from: &str, to: &str) -> (i32, Vec<String>) {
    assert!(SCRIPT.contains(from), "the script has no {from:?}");
    check_script(&SCRIPT.replacen(from, to, 1))
}

/// `frontdesk check` of a folder with this script file: the problem lines, as above.
fn check_script(script: &str) -> (i32, Vec<String>) {
    let dir = folder(script);
    let home = TempDir::new().expect("a temporary home");
    let catalogue = dir.path().to_string_lossy().into_owned();
    let result = run(home.path(), &["check", "--catalogue", &catalogue]);
    assert!(!result.stderr.contains("panicked"), "{}", result.stderr);
    let prefix = format!("{catalogue}/");
    let lines: Vec<String> = result
        .stdout
        .lines()
        .filter(|line| line.contains(": error: ") || line.contains(": warning: "))
        .map(|line| line.replace(&prefix, ""))
        .collect();
    (result.code, lines)
}

fn assert_rejected(from: &str, to: &str, expected: &[&str]) {
    let (code, lines) = check_broken(from, to);
    assert_eq!(code, 1, "{lines:#?}");
    assert_eq!(lines, expected);
}

// ---------------------------------------------------------------------------------------------
// `frontdesk check`: one broken script per rule

#[test]
fn a_good_script_passes_the_check() {
    let dir = folder(SCRIPT);
    let home = TempDir::new().unwrap();
    let result = run(
        home.path(),
        &["check", "--catalogue", &dir.path().to_string_lossy()],
    );
    assert_eq!(
        result.stdout,
        "No problems in 2 files: 1 service, 1 partner, 0 FAQs, 1 script.\n"
    );
    assert_eq!(result.code, 0);
}

#[test]
fn an_option_leading_to_an_unknown_node_is_rejected() {
    assert_rejected(
        r#"next = "help""#,
        r#"next = "hepl""#,
        &[
            r#"scripts.toml:12:26: error: next "hepl" is not the id of any node of this script; did you mean "help"?"#,
            r#"scripts.toml:17:6: error: node "help" cannot be reached from the start node "ask"; lead an option to it or remove it"#,
        ],
    );
}

#[test]
fn an_unknown_start_node_is_rejected() {
    assert_rejected(
        r#"start = "ask""#,
        r#"start = "asks""#,
        &[
            r#"scripts.toml:5:9: error: start "asks" is not the id of any node of this script; did you mean "ask"?"#,
        ],
    );
}

#[test]
fn an_unknown_service_is_rejected() {
    assert_rejected(
        r#"{ id = "homelessness" }"#,
        r#"{ id = "homelesness" }"#,
        &[
            r#"scripts.toml:20:20: error: service "homelesness" is not the id of any service; did you mean "homelessness"?"#,
        ],
    );
}

#[test]
fn an_unknown_partner_is_rejected() {
    assert_rejected(
        r#"["shelter"]"#,
        r#"["homelessness"]"#,
        &[
            r#"scripts.toml:21:13: error: partner "homelessness" is a service, not a partner; list services under services"#,
        ],
    );
}

#[test]
fn an_unreachable_node_is_rejected() {
    assert_rejected(
        "[[script.node]]\nid = \"done\"",
        "[[script.node]]\nid = \"orphan\"\n[script.node.end]\noutcome = \"resolved\"\nsources = [\"https://www.gov.uk/if-youre-homeless-at-risk-of-homelessness\"]\nchecked = 2026-12-01\n\n[[script.node]]\nid = \"done\"",
        &[
            r#"scripts.toml:26:6: error: node "orphan" cannot be reached from the start node "ask"; lead an option to it or remove it"#,
        ],
    );
}

#[test]
fn a_question_without_options_is_a_dead_end() {
    assert_rejected(
        "id = \"help\"\n[script.node.end]\noutcome = \"referred\"\nservices = [{ id = \"homelessness\" }]\npartners = [\"shelter\"]\nsources = [\"https://www.gov.uk/if-youre-homeless-at-risk-of-homelessness\"]\nchecked = 2026-12-01\n",
        "id = \"help\"\nquestion = \"Then what?\"\n",
        &[
            r#"scripts.toml:17:6: error: node "help" is a dead end: it asks a question but has no options; add options leading on, or an end with an outcome"#,
        ],
    );
}

#[test]
fn a_node_with_no_way_on_and_no_end_is_a_dead_end() {
    assert_rejected(
        "id = \"done\"\n[script.node.end]\noutcome = \"resolved\"\nsources = [\"https://www.gov.uk/if-youre-homeless-at-risk-of-homelessness\"]\nchecked = 2026-12-01\n",
        "id = \"done\"\nsay = \"Thank them.\"\n",
        &[
            r#"scripts.toml:26:6: error: node "done" is a dead end: it has no options and no end; add options leading on, or an end with an outcome"#,
        ],
    );
}

#[test]
fn a_loop_is_rejected() {
    let looped = SCRIPT
        .replacen(
            r#"{ label = "Yes", next = "done" }"#,
            r#"{ label = "Yes", next = "again" }"#,
            1,
        )
        .replacen(
            "[[script.node]]\nid = \"done\"",
            "[[script.node]]\nid = \"again\"\nquestion = \"Start again?\"\noptions = [{ label = \"Yes\", next = \"ask\" }, { label = \"No\", next = \"done\" }]\n\n[[script.node]]\nid = \"done\"",
            1,
        );
    let (code, lines) = check_script(&looped);
    assert_eq!(code, 1);
    assert_eq!(
        lines,
        [
            r#"scripts.toml:28:36: error: option "Yes" of node "again" leads back to node "ask", a loop; every walk must move on to an end"#
        ]
    );
}

#[test]
fn a_node_with_both_options_and_an_end_is_rejected() {
    assert_rejected(
        "[[script.node]]\nid = \"done\"",
        "[[script.node]]\nid = \"done\"\nquestion = \"Anything else?\"\noptions = [{ label = \"No\", next = \"help\" }]",
        &[
            r#"scripts.toml:29:1: error: node "done" has both options and an end; a node either asks a question or ends the walk"#,
        ],
    );
}

#[test]
fn a_duplicate_option_key_is_rejected() {
    assert_rejected(
        r#"{ label = "Yes", next = "done" }"#,
        r#"{ key = 1, label = "Yes", next = "done" }"#,
        &[
            r#"scripts.toml:13:11: error: option key 1 of node "ask" is already used by the option at scripts.toml:12:3; give each option its own number key"#,
        ],
    );
}

#[test]
fn an_end_without_an_outcome_is_rejected() {
    assert_rejected(
        "outcome = \"resolved\"\n",
        "",
        &[
            r#"scripts.toml:27:1: error: the end at node "done" has no outcome; add outcome = one of resolved, signposted, referred, appointment, assisted-digital, not-resolved"#,
        ],
    );
}

#[test]
fn an_outcome_that_is_not_a_visit_outcome_is_rejected() {
    assert_rejected(
        r#"outcome = "referred""#,
        r#"outcome = "refered""#,
        &[
            r#"scripts.toml:19:11: error: outcome "refered" is not one of resolved, signposted, referred, appointment, assisted-digital, not-resolved (did you mean "referred"?)"#,
        ],
    );
}

#[test]
fn more_than_nine_options_at_a_node_is_rejected() {
    let extra: String = (0..8)
        .map(|n| format!("  {{ label = \"Also {n}\", next = \"done\" }},\n"))
        .collect();
    assert_rejected(
        "  { label = \"Yes\", next = \"done\" },\n",
        &format!("  {{ label = \"Yes\", next = \"done\" }},\n{extra}"),
        &[
            r#"scripts.toml:11:11: error: node "ask" has 10 options; a node may have at most 9, one number key each, so split the question in two"#,
        ],
    );
}

#[test]
fn a_node_id_used_twice_is_rejected() {
    assert_rejected(
        "[[script.node]]\nid = \"done\"",
        "[[script.node]]\nid = \"help\"",
        &[
            r#"scripts.toml:13:27: error: next "done" is not the id of any node of this script"#,
            r#"scripts.toml:26:6: error: node id "help" is already used by the node at scripts.toml:17:6; give each node of a script its own id"#,
        ],
    );
}

#[test]
fn a_script_id_used_twice_is_rejected_but_may_match_a_service() {
    let twice = format!(
        "{}\n{}",
        SCRIPT.replacen(r#"id = "test""#, r#"id = "homelessness""#, 1),
        SCRIPT.replacen(r#"id = "test""#, r#"id = "homelessness""#, 1)
    );
    let dir = folder(&twice);
    let home = TempDir::new().unwrap();
    let catalogue = dir.path().to_string_lossy().into_owned();
    let result = run(home.path(), &["check", "--catalogue", &catalogue]);
    let lines: Vec<String> = result
        .stdout
        .lines()
        .filter(|l| l.contains(": error: "))
        .map(|l| l.replace(&format!("{catalogue}/"), ""))
        .collect();
    assert_eq!(
        lines,
        [
            r#"scripts.toml:33:6: error: script id "homelessness" is already used by the script at scripts.toml:2:6; give each script its own id"#
        ]
    );
}

#[test]
fn a_catalogue_with_a_broken_script_is_refused_at_the_desk() {
    let dir = folder(&SCRIPT.replacen(r#"next = "help""#, r#"next = "hepl""#, 1));
    let home = TempDir::new().unwrap();
    let catalogue = dir.path().to_string_lossy().into_owned();
    let result = run(home.path(), &["script", "list", "--catalogue", &catalogue]);
    assert_ne!(result.code, 0);
    assert!(
        result.stderr.contains("has 2 errors, so it is not used")
            && result
                .stderr
                .contains(r#"next "hepl" is not the id of any node"#),
        "{}",
        result.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// `frontdesk script list | show | walk`

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("the output is JSON")
}

#[test]
fn script_list_names_every_shipped_script() {
    let home = TempDir::new().unwrap();
    let result = run(home.path(), &["script", "list"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stdout.contains("homelessness"), "{}", result.stdout);
    assert!(result.stdout.contains("council-tax-arrears"));

    let result = run(home.path(), &["script", "list", "--json"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let list = json(&result.stdout);
    let ids: Vec<&str> = list
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert!(ids.contains(&"homelessness") && ids.contains(&"council-tax-arrears"));
    assert!(list[0]["title"].is_string() && list[0]["version"].is_string());
}

#[test]
fn script_show_prints_every_node_with_its_options_and_ends() {
    let dir = folder(SCRIPT);
    let home = TempDir::new().unwrap();
    let catalogue = dir.path().to_string_lossy().into_owned();
    let result = run(
        home.path(),
        &["script", "show", "test", "--catalogue", &catalogue],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert_eq!(
        result.stdout,
        "Test (test, version 1; review by 2099-12-31)\n\
         Starts at [ask].\n\
         \n\
         [ask] Safe tonight?\n\
         \x20 1  No  -> [help]\n\
         \x20 2  Yes  -> [done]\n\
         \n\
         [help]\n\
         \x20 END: referred\n\
         \x20 Service: Homelessness (homelessness)\n\
         \x20 Partner: Shelter (shelter)\n\
         \n\
         [done]\n\
         \x20 END: resolved\n"
    );
    let result = run(
        home.path(),
        &[
            "script",
            "show",
            "test",
            "--json",
            "--catalogue",
            &catalogue,
        ],
    );
    let shown = json(&result.stdout);
    assert_eq!(shown["id"], "test");
    assert_eq!(shown["node"].as_array().map(Vec::len), Some(3));
}

#[test]
fn script_walk_prints_the_path_and_the_end() {
    let home = TempDir::new().unwrap();
    let result = run(
        home.path(),
        &[
            "script",
            "walk",
            "homelessness",
            "--choose",
            "1,3,1,1,1,3",
            "--json",
        ],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    let walk = json(&result.stdout);
    assert_eq!(walk["script"], "homelessness");
    assert_eq!(walk["end"], "end-notice");
    assert_eq!(walk["outcome"], "appointment");
    let path: Vec<(&str, u64)> = walk["path"]
        .as_array()
        .expect("a path")
        .iter()
        .map(|s| {
            (
                s["node"].as_str().unwrap_or(""),
                s["key"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        path,
        [
            ("safety", 1),
            ("safe-tonight", 3),
            ("when", 1),
            ("why", 1),
            ("notice", 1),
            ("notice-type", 3)
        ]
    );
    assert_eq!(walk["services"][0]["id"], "homelessness");
    assert_eq!(walk["services"][0]["outcome"], "appointment");
    let partners: Vec<&str> = walk["partners"]
        .as_array()
        .expect("partners")
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert_eq!(partners, ["shelter", "citizens-advice"]);

    let result = run(
        home.path(),
        &["script", "walk", "homelessness", "--choose", "1,1,2"],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result
            .stdout
            .contains("URGENT: Do not send the resident away")
            && result.stdout.contains("End [end-tonight]: referred"),
        "{}",
        result.stdout
    );
}

#[test]
fn a_choice_that_does_not_exist_fails_and_names_the_options() {
    let home = TempDir::new().unwrap();
    let result = run(
        home.path(),
        &["script", "walk", "homelessness", "--choose", "1,3,7"],
    );
    assert_ne!(result.code, 0);
    assert!(result.stdout.is_empty(), "{}", result.stdout);
    assert_eq!(
        result.stderr.trim(),
        "frontdesk: there is no option 7 at node when; the options there are 1 (Within 56 days (8 weeks)), 2 (In more than 56 days)"
    );
}

#[test]
fn a_walk_that_stops_before_an_end_fails_and_says_what_comes_next() {
    let home = TempDir::new().unwrap();
    let result = run(
        home.path(),
        &["script", "walk", "homelessness", "--choose", "1,3"],
    );
    assert_ne!(result.code, 0);
    assert!(
        result.stderr.contains("stops at node when before an end")
            && result.stderr.contains("1 (Within 56 days (8 weeks))"),
        "{}",
        result.stderr
    );
    let result = run(home.path(), &["script", "walk", "homelessness"]);
    assert_ne!(result.code, 0);
    assert!(result.stderr.contains("stops at node safety"));
}

#[test]
fn an_unknown_script_fails_and_names_the_scripts() {
    let home = TempDir::new().unwrap();
    for args in [
        &["script", "show", "homeless"][..],
        &["script", "walk", "homeless", "--choose", "1"][..],
    ] {
        let result = run(home.path(), args);
        assert_ne!(result.code, 0);
        assert!(
            result
                .stderr
                .contains(r#"there is no script "homeless"; the scripts are: "#)
                && result.stderr.contains("homelessness"),
            "{}",
            result.stderr
        );
    }
}

#[test]
fn a_choice_that_is_not_a_number_key_is_refused() {
    let home = TempDir::new().unwrap();
    for choose in ["1,x", "300", "-1"] {
        let result = run(
            home.path(),
            &["script", "walk", "homelessness", "--choose", choose],
        );
        assert_ne!(result.code, 0, "{choose}");
        assert!(!result.stderr.contains("panicked"), "{}", result.stderr);
    }
}

// ---------------------------------------------------------------------------------------------
// The shipped scripts

const SHIPPED: &[&str] = &[
    "homelessness",
    "council-tax-arrears",
    "benefits",
    "missed-bin",
    "blue-badge",
    "digital-inclusion",
    "cost-of-living",
    "noise-complaint",
];

/// The real national numbers the content guide allows, as digits.
const NATIONAL_NUMBERS: &[&str] = &[
    "116123",
    "08082000247",
    "08088004444",
    "08088084000",
    "08001381111",
    "08001448848",
    "08003285644",
    "0800991234",
    // Help to Claim, StreetLink and the gas emergency line, as the review of the scripts lists them.
    "08001448444",
    "03005000914",
    "0800111999",
    "111",
    "101",
    "999",
];

fn phone_is_allowed(phone: &str) -> bool {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if NATIONAL_NUMBERS.contains(&digits.as_str()) {
        return true;
    }
    ["01632960", "03069990", "07700900"]
        .iter()
        .any(|range| digits.len() == 11 && digits.starts_with(range))
}

#[test]
fn every_path_of_every_shipped_script_ends_in_a_visit_that_can_be_logged() {
    let catalogue = Catalogue::embedded().expect("the default catalogue loads");
    let mut offenders = Vec::new();
    let mut total = 0;
    for id in SHIPPED {
        if catalogue.script(id).is_none() {
            offenders.push(format!("{id}: no such script"));
        }
    }
    for script in &catalogue.scripts {
        let Some(paths) = every_path(script, 10_000) else {
            offenders.push(format!(
                "{}: has a loop, a dead end or a broken link",
                script.id
            ));
            continue;
        };
        println!("{}: {} paths", script.id, paths.len());
        total += paths.len();
        for path in paths {
            let at = format!("{} {:?}", script.id, path.keys);
            let mut walk = ScriptWalk::start(script).expect("the script starts");
            for key in &path.keys {
                walk.acknowledge();
                if let Err(e) = walk.choose(*key) {
                    offenders.push(format!("{at}: {e}"));
                }
            }
            let Some(end) = walk.end() else {
                offenders.push(format!("{at}: does not reach an end"));
                continue;
            };
            let outcomes = std::iter::once(end.outcome.as_deref())
                .chain(end.services.iter().map(|s| s.outcome.as_deref()))
                .flatten();
            for outcome in outcomes {
                if outcome.parse::<Outcome>().is_err() {
                    offenders.push(format!("{at}: outcome {outcome:?} is not a visit outcome"));
                }
            }
            if end.outcome.is_none() {
                offenders.push(format!("{at}: the end has no outcome"));
            }
            if end.services.is_empty() {
                offenders.push(format!("{at}: the end logs no service"));
            }
            for service in &end.services {
                if catalogue.find(&service.id).map(|k| k.kind) != Some(Kind::Service) {
                    offenders.push(format!("{at}: service {:?} does not exist", service.id));
                }
            }
            for partner in &end.partners {
                if catalogue.find(partner).map(|k| k.kind) != Some(Kind::Partner) {
                    offenders.push(format!("{at}: partner {partner:?} does not exist"));
                }
            }
            if end.tell.trim().is_empty() {
                offenders.push(format!("{at}: the end tells the resident nothing"));
            }
            if end.sources.is_empty() {
                offenders.push(format!("{at}: the end names no source for its advice"));
            }
            if end.tell.contains("{fact:") {
                offenders.push(format!("{at}: a fact was not filled in: {}", end.tell));
            }
        }
    }
    println!("{total} paths in all");
    assert!(total > 0, "no paths walked");
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

#[test]
fn shipped_scripts_are_plain_current_and_use_allowed_numbers() {
    let catalogue = Catalogue::embedded().expect("the default catalogue loads");
    let today = Local::now().date_naive();
    let phone_in_text = Regex::new(r"\b0\d{2,4}(?: ?\d{2,4}){1,3}\b|\b116 ?123\b").unwrap();
    let sentence_end = Regex::new(r"[.?!]\s+").unwrap();
    let mut offenders = Vec::new();
    for script in &catalogue.scripts {
        if script.review_by <= today {
            offenders.push(format!("{}: review_by has passed", script.id));
        }
        if script.keywords.is_empty() {
            offenders.push(format!("{}: no keywords", script.id));
        }
        for node in &script.nodes {
            let at = format!("{} [{}]", script.id, node.id);
            let mut texts = vec![node.say.clone(), node.tell.clone()];
            texts.extend(node.question.clone());
            texts.extend(node.options.iter().map(|o| o.label.clone()));
            if let Some(urgent) = &node.urgent {
                if !urgent.now.to_lowercase().contains("now") {
                    offenders.push(format!("{at}: urgent, but does not say what to do now"));
                }
                if urgent.call.is_empty() {
                    offenders.push(format!("{at}: urgent, but names no one to call"));
                }
                texts.push(urgent.now.clone());
                for call in &urgent.call {
                    if !phone_is_allowed(&call.phone) {
                        offenders.push(format!("{at}: {} is not an allowed number", call.phone));
                    }
                }
            }
            if let Some(end) = &node.end {
                texts.push(end.tell.clone());
                texts.extend(end.checklist.iter().cloned());
            }
            for text in &texts {
                for found in phone_in_text.find_iter(text) {
                    if !phone_is_allowed(found.as_str()) {
                        offenders.push(format!(
                            "{at}: {:?} is not an allowed number",
                            found.as_str()
                        ));
                    }
                }
                for sentence in sentence_end.split(text) {
                    let words = sentence.split_whitespace().count();
                    if words >= 25 {
                        offenders.push(format!("{at}: a sentence of {words} words: {sentence:?}"));
                    }
                }
            }
        }
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/catalogue/scripts");
    for item in fs::read_dir(&dir).expect("assets/catalogue/scripts is readable") {
        let path = item.expect("an entry").path();
        let text = fs::read_to_string(&path).expect("readable");
        let header: String = text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .collect::<Vec<_>>()
            .join(" ");
        if !header.to_lowercase().contains("fictional") {
            offenders.push(format!(
                "{}: the opening comment does not say its local details are fictional",
                path.display()
            ));
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

#[test]
fn every_cut_of_every_shipped_script_file_is_checked_without_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/catalogue/scripts");
    let today = Local::now().date_naive();
    let mut checked = 0;
    for item in fs::read_dir(&dir).expect("assets/catalogue/scripts is readable") {
        let path = item.expect("an entry").path();
        let text = fs::read_to_string(&path).expect("readable");
        let cuts = text.match_indices('\n').map(|(i, _)| i).chain([text.len()]);
        for cut in cuts {
            let files = [
                SourceFile {
                    name: "catalogue.toml".into(),
                    text: CATALOGUE.into(),
                },
                SourceFile {
                    name: "script.toml".into(),
                    text: text[..cut].to_string(),
                },
            ];
            for problem in check_files(&files, today) {
                assert!(
                    problem.line >= 1 && problem.column >= 1,
                    "{problem}: no place"
                );
                assert!(!problem.to_string().contains('\n'), "{problem:?}");
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} cuts checked");
}
