use super::*;
use crate::catalogue::script::OUTCOME_WORDS;
use crate::catalogue::{CatalogueFile, Script};
use crate::visit::Outcome;

const SCRIPT: &str = r#"
[[script]]
id = "test"
title = "A test"
version = "1"
start = "ask"
review_by = 2099-01-01

[[script.node]]
id = "ask"
question = "Somewhere to stay tonight?"
options = [
  { label = "No", next = "danger" },
  { label = "Yes", next = "done" },
]

[[script.node]]
id = "danger"
urgent = { now = "Get an officer now.", call = [{ name = "Out of hours", phone = "01632 960099" }] }
question = "Did the officer come?"
options = [{ key = 1, label = "Yes", next = "referred" }]

[[script.node]]
id = "referred"
end = { outcome = "referred", services = [{ id = "homeless-tonight" }] }

[[script.node]]
id = "done"
end = { outcome = "resolved" }
"#;

fn script() -> Script {
    let file: CatalogueFile = toml::from_str(SCRIPT).expect("the test script parses");
    file.script.into_iter().next().expect("one script")
}

#[test]
fn a_walk_follows_the_keys_to_an_end() {
    let script = script();
    let mut walk = ScriptWalk::start(&script).expect("starts");
    assert_eq!(walk.current().id, "ask");
    assert!(!walk.is_end());
    walk.choose(2).expect("2 is an option");
    assert!(walk.is_end());
    assert_eq!(
        walk.end().and_then(|e| e.outcome.as_deref()),
        Some("resolved")
    );
    assert_eq!(walk.keys(), vec![2]);
    assert_eq!(walk.nodes(), vec!["ask", "done"]);
    assert_eq!(
        walk.choose(1),
        Err(WalkError::Ended {
            node: "done".into()
        })
    );
}

#[test]
fn a_choice_that_does_not_exist_names_the_options_there_are() {
    let script = script();
    let mut walk = ScriptWalk::start(&script).expect("starts");
    let error = walk.choose(7).expect_err("there is no 7");
    assert_eq!(
        error.to_string(),
        "there is no option 7 at node ask; the options there are 1 (No), 2 (Yes)"
    );
    assert_eq!(
        walk.current().id,
        "ask",
        "a wrong key does not move the walk"
    );
}

#[test]
fn an_urgent_node_cannot_be_passed_until_acknowledged() {
    let script = script();
    let mut walk = ScriptWalk::start(&script).expect("starts");
    walk.choose(1).expect("1 is an option");
    assert!(walk.needs_acknowledgement());
    assert_eq!(
        walk.choose(1),
        Err(WalkError::NotAcknowledged {
            node: "danger".into()
        })
    );
    walk.acknowledge();
    assert!(!walk.needs_acknowledgement());
    walk.choose(1).expect("acknowledged, the walk goes on");
    assert_eq!(walk.keys(), vec![1, 1]);
    assert_eq!(walk.end().map(|e| e.services.len()), Some(1));
}

#[test]
fn back_steps_to_the_node_before_and_stops_at_the_start() {
    let script = script();
    let mut walk = ScriptWalk::start(&script).expect("starts");
    walk.choose(1).expect("1 is an option");
    walk.acknowledge();
    walk.choose(1).expect("acknowledged");
    assert!(walk.back());
    assert_eq!(walk.current().id, "danger");
    assert!(
        !walk.needs_acknowledgement(),
        "stepping back does not ask again"
    );
    assert!(walk.back());
    assert_eq!(walk.current().id, "ask");
    assert!(walk.path().is_empty());
    assert!(!walk.back(), "nothing before the start");
}

#[test]
fn every_path_lists_each_way_to_an_end() {
    let script = script();
    let paths = every_path(&script, 100).expect("no loops");
    let keys: Vec<Vec<u8>> = paths.iter().map(|p| p.keys.clone()).collect();
    assert_eq!(keys, vec![vec![1, 1], vec![2]]);
}

#[test]
fn a_loop_has_no_list_of_paths() {
    let mut script = script();
    script.nodes[1].options[0].next = "ask".into();
    assert_eq!(every_path(&script, 100), None);
}

#[test]
fn script_outcomes_are_the_visit_outcomes() {
    let words: Vec<&str> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
    assert_eq!(OUTCOME_WORDS.to_vec(), words);
}
