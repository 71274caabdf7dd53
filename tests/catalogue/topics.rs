//! "Not in the catalogue" topics (`kind = "other"`): a resident who asked about a passport can be
//! logged without free text. `check` knows them, search finds them below real entries, and the
//! `log` command and the reception screen's form take them like any service.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::KeyCode;
use frontdesk::catalogue::check::check_files;
use frontdesk::catalogue::{Catalogue, Origin, SourceFile, parse_file};
use frontdesk::search::Index;
use frontdesk::store::Store;
use frontdesk::tui::headless::Headless;
use frontdesk::visit::Outcome;
use tempfile::TempDir;

fn check(text: &str) -> Vec<String> {
    let files = [SourceFile {
        name: "topics.toml".into(),
        text: text.into(),
    }];
    check_files(&files, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        .iter()
        .map(|p| p.to_string())
        .collect()
}

fn catalogue_of(text: &str) -> Catalogue {
    let file = SourceFile {
        name: "topics.toml".into(),
        text: text.into(),
    };
    Catalogue::from_parts(Origin::Embedded, vec![parse_file(&file).unwrap()])
}

// ---- check ----

#[test]
fn a_well_formed_topic_passes_the_check_and_loads_as_one() {
    let text = r#"
[council]
name = "Test Council"

[[service]]
id = "other-government"
kind = "other"
title = "Other: a government service"
summary = "Something the government runs that has no entry here."
keywords = ["passport", "visa"]
review_by = 2027-03-31
"#;
    assert_eq!(check(text), Vec::<String>::new());
    let catalogue = catalogue_of(text);
    assert!(catalogue.service("other-government").unwrap().is_topic());
}

#[test]
fn check_points_at_each_rule_a_topic_breaks() {
    let text = r#"[[service]]
id = "passport"
kind = "other"
title = "Other: passports"
summary = "Passports."
keywords = []
urgent = true
lgsl = [12]
review_by = 2027-03-31

[[service]]
id = "other-stuff"
title = "Other stuff"
summary = "A real service whose id looks like a topic's."
review_by = 2027-03-31

[[service]]
id = "other-thing"
kind = "topic"
title = "Other: a thing"
summary = "A kind no one knows."
keywords = ["thing"]
review_by = 2027-03-31
"#;
    let problems = check(text);
    let expect = [
        "topics.toml:2:6: error: id \"passport\" is a kind = \"other\" topic, so it must start \"other-\"; rename it, e.g. \"other-passport\"",
        "topics.toml:6:12: error: a kind = \"other\" topic is found only by its words; add keywords residents use, e.g. [\"passport\", \"something else\"]",
        "topics.toml:7:10: error: a kind = \"other\" topic cannot be urgent; give the urgent situation a service of its own that says what to do now",
        "topics.toml:8:8: error: lgsl ids name real services, and a kind = \"other\" topic is not one; remove lgsl, or make this a service",
        "topics.toml:12:6: warning: id \"other-stuff\" looks like a \"not in the catalogue\" topic; add kind = \"other\", or choose an id that does not start \"other-\"",
    ];
    for line in expect {
        assert!(
            problems.iter().any(|p| p == line),
            "missing:\n{line}\nin:\n{}",
            problems.join("\n")
        );
    }
    // An unknown kind is an error at its value, naming the kinds there are.
    let kind = problems
        .iter()
        .find(|p| p.starts_with("topics.toml:19:"))
        .unwrap_or_else(|| panic!("no problem at the kind:\n{}", problems.join("\n")));
    assert_eq!(
        kind,
        "topics.toml:19:8: error: service \"other-thing\": kind: \"topic\" is not one of service, other"
    );
}

#[test]
fn the_built_in_catalogue_has_topics_that_pass_the_check() {
    let catalogue = Catalogue::embedded().unwrap();
    let topics: Vec<&str> = catalogue
        .services
        .iter()
        .filter(|s| s.is_topic())
        .map(|s| s.id.as_str())
        .collect();
    assert!(topics.contains(&"other-government"), "{topics:?}");
    assert!(topics.contains(&"other-general"), "{topics:?}");
    let report =
        frontdesk::catalogue::check::check_embedded(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    assert_eq!(report.errors(), 0, "{:?}", report.problems);
}

// ---- search ----

fn ids(catalogue: &Catalogue, index: &Index, query: &str) -> Vec<String> {
    index
        .query(query)
        .iter()
        .filter_map(|hit| catalogue.entry(hit.key).map(|e| e.id().to_string()))
        .collect()
}

#[test]
fn for_the_same_words_a_real_service_comes_before_a_topic() {
    // The topic comes first in the file and matches the same words in the same places.
    let catalogue = catalogue_of(
        r#"
[[service]]
id = "other-government"
kind = "other"
title = "Passport office"
summary = "Passports."
keywords = ["passport"]
review_by = 2027-03-31

[[service]]
id = "passport-help"
title = "Passport office"
summary = "Passports."
keywords = ["passport"]
review_by = 2027-03-31
"#,
    );
    let index = Index::new(&catalogue);
    assert_eq!(
        ids(&catalogue, &index, "passport"),
        ["passport-help", "other-government"]
    );
}

#[test]
fn the_built_in_topics_are_found_by_their_words_below_real_services() {
    let catalogue = Catalogue::embedded().unwrap();
    let index = Index::new(&catalogue);

    // Real services that name passports in their keywords come first; the topic is there too.
    let passport = ids(&catalogue, &index, "passport");
    let topic = passport
        .iter()
        .position(|id| id == "other-government")
        .unwrap_or_else(|| panic!("passport: {passport:?}"));
    assert!(topic < 5, "passport: {passport:?}");
    for real in ["voter-id", "tell-us-once"] {
        let at = passport.iter().position(|id| id == real);
        assert!(at.is_some_and(|at| at < topic), "passport: {passport:?}");
    }

    for (query, topic) in [
        ("something else", "other-general"),
        ("visa", "other-government"),
        ("museum", "other-county"),
        ("prescription", "other-health"),
        ("energy supplier", "other-partner"),
    ] {
        let found = ids(&catalogue, &index, query);
        assert!(
            found.iter().take(5).any(|id| id == topic),
            "{query}: {found:?}"
        );
    }
    assert_eq!(
        ids(&catalogue, &index, "something else")[0],
        "other-general"
    );

    // A query a real service answers does not bring a topic near the top.
    let council_tax = ids(&catalogue, &index, "pay council tax");
    assert!(
        !council_tax
            .iter()
            .take(5)
            .any(|id| id.starts_with("other-")),
        "{council_tax:?}"
    );
}

// ---- logging ----

#[test]
fn log_takes_a_topic_as_the_service() {
    let dir = TempDir::new().unwrap();
    let output = Command::new(assert_cmd::cargo::cargo_bin!("frontdesk"))
        .env("FRONTDESK_CONFIG", crate::support::EMPTY_CONFIG)
        .env_remove("FRONTDESK_DATA_DIR")
        .env_remove("FRONTDESK_CATALOGUE")
        .args(["--data-dir"])
        .arg(dir.path().join("data"))
        .args([
            "log",
            "--desk",
            "Main desk",
            "--service",
            "other-government",
            "--service",
            "council-tax-pay=resolved",
            "--outcome",
            "signposted",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let visit: serde_json::Value = serde_json::from_slice(&output).unwrap();
    assert_eq!(visit["services"][0]["service"], "other-government");
    assert_eq!(visit["services"][0]["outcome"], "signposted");
}

fn all_visits(file: &Path) -> Vec<frontdesk::visit::Visit> {
    Store::open(file)
        .unwrap()
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap()
}

#[test]
fn the_form_logs_a_topic_found_by_search_in_three_keys() {
    let dir = TempDir::new().unwrap();
    let catalogue_dir = dir.path().join("catalogue");
    fs::create_dir_all(&catalogue_dir).unwrap();
    fs::write(
        catalogue_dir.join("services.toml"),
        r#"
[[service]]
id = "council-tax"
title = "Council tax"
summary = "Pay or ask about council tax."
review_by = 2027-03-31

[[service]]
id = "other-general"
kind = "other"
title = "Other: something else"
summary = "A question that is not about a public service."
keywords = ["something else", "directions"]
review_by = 2027-03-31
"#,
    )
    .unwrap();
    let catalogue = Catalogue::from_dir(&catalogue_dir).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-23T10:15:00+00:00").unwrap();
    let data = dir.path().join("data");
    let mut desk = Headless::new(catalogue, now, 80, 24).with_visit_log(&data);
    desk.type_text("directions");
    assert!(desk.screen().contains("Other: something else"));
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Enter);
    assert!(
        desk.screen()
            .contains("Visit saved: Other: something else.")
    );
    let visits = all_visits(&data.join("visits.sqlite3"));
    assert_eq!(visits.len(), 1);
    assert_eq!(visits[0].service_ids(), ["other-general"]);
    assert_eq!(visits[0].outcome, Outcome::Resolved);
}
