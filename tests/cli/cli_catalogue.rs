//! The catalogue commands as a user runs them: `search`, `catalogue list` and `import lgsl`.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn frontdesk() -> Command {
    let mut cmd = Command::cargo_bin("frontdesk").expect("the frontdesk binary");
    // Keep the user's own config out of the tests.
    cmd.env("FRONTDESK_CONFIG", crate::support::EMPTY_CONFIG);
    // And the user's data folder: a folder catalogue's compiled form is kept there.
    cmd.env(
        "FRONTDESK_DATA_DIR",
        concat!(env!("CARGO_TARGET_TMPDIR"), "/cli-catalogue-data"),
    );
    cmd
}

fn json(output: &[u8]) -> Value {
    serde_json::from_slice(output).expect("the output is JSON")
}

/// The LGSL data: a copy of the public files in tests/fixtures/lgsl (see SOURCES.md there).
fn lgsl_data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lgsl")
}

fn leftovers(parent: &Path) -> Vec<String> {
    fs::read_dir(parent)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.contains("importing"))
                .collect()
        })
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// search
// ---------------------------------------------------------------------------------------------

#[test]
fn search_json_gives_ranked_hits_with_their_details() {
    let output = frontdesk()
        .args(["search", "--json", "my", "bin", "wasn't", "collected"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let hits = json(&output);
    let hits = hits.as_array().expect("an array");
    assert!(!hits.is_empty());
    // The missed-bin script may come first; the service is beside it.
    let first = hits
        .iter()
        .take(2)
        .find(|h| h["kind"] == "service")
        .expect("a service in the first two");
    assert_eq!(first["id"], "bin-missed");
    assert!(first["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(first["summary"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(first["score"].as_f64().is_some_and(|s| s > 0.0));
    assert_eq!(first["urgent"], false);
    let scores: Vec<f64> = hits.iter().filter_map(|h| h["score"].as_f64()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn search_shows_a_guided_script_as_its_own_kind() {
    let output = frontdesk()
        .args(["search", "--json", "can't", "get", "online"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let hits = json(&output);
    let first = &hits.as_array().expect("an array")[0];
    assert_eq!(first["kind"], "script");
    assert_eq!(first["id"], "digital-inclusion");
    assert_eq!(first["title"], "Can't get online");

    let table = frontdesk()
        .args(["search", "bailifs"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(table).unwrap();
    let row = table
        .lines()
        .find(|line| line.contains("Behind on council tax"))
        .unwrap_or_else(|| panic!("the arrears script is listed:\n{table}"));
    assert!(row.contains("script"), "{row}");
    assert!(
        row.contains("frontdesk script show council-tax-arrears"),
        "{row}"
    );
}

#[test]
fn search_json_names_partners_and_faqs_by_kind() {
    let output = frontdesk()
        .args(["search", "--json", "--limit", "20", "food bank voucher"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let hits = json(&output);
    let kinds: Vec<&str> = hits
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|h| h["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"partner"), "{kinds:?}");
    assert!(kinds.contains(&"faq"), "{kinds:?}");
}

#[test]
fn search_limit_caps_the_hits() {
    let output = frontdesk()
        .args(["search", "--json", "--limit", "2", "council", "tax"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(json(&output).as_array().map(Vec::len), Some(2));
    frontdesk()
        .args(["search", "--limit", "0", "bin"])
        .assert()
        .failure();
}

#[test]
fn search_table_marks_other_providers_and_urgent_entries() {
    frontdesk()
        .args(["search", "blue", "badge"])
        .assert()
        .success()
        .stdout(predicate::str::contains("KIND"))
        .stdout(predicate::str::contains("blue-badge"))
        .stdout(predicate::str::contains("not us: Example County Council"));
    frontdesk()
        .args(["search", "nowhere to sleep tonight"])
        .assert()
        .success()
        .stdout(predicate::str::contains("homeless-tonight"))
        .stdout(predicate::str::contains("URGENT"));
}

#[test]
fn search_with_no_match_says_so() {
    frontdesk()
        .args(["search", "xyzzy", "qwerty"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Nothing matches \"xyzzy qwerty\""));
    let output = frontdesk()
        .args(["search", "--json", "xyzzy"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(json(&output), Value::Array(Vec::new()));
}

#[test]
fn search_needs_a_query() {
    frontdesk()
        .arg("search")
        .assert()
        .failure()
        .stderr(predicate::str::contains("QUERY"));
}

#[test]
fn search_reports_a_missing_catalogue_folder() {
    frontdesk()
        .args(["search", "--catalogue", "/nonexistent/catalogue", "bin"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("/nonexistent/catalogue"));
}

// ---------------------------------------------------------------------------------------------
// catalogue list
// ---------------------------------------------------------------------------------------------

#[test]
fn catalogue_list_json_gives_every_entry() {
    let output = frontdesk()
        .args(["catalogue", "list", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let entries = json(&output);
    let entries = entries.as_array().expect("an array");
    let count = |kind: &str| entries.iter().filter(|e| e["kind"] == kind).count();
    assert!(count("service") >= 50, "services: {}", count("service"));
    assert!(count("partner") >= 15, "partners: {}", count("partner"));
    assert!(count("faq") >= 1);
    for entry in entries {
        for field in ["id", "kind", "title", "summary"] {
            assert!(
                entry[field].as_str().is_some_and(|v| !v.is_empty()),
                "{field} missing in {entry}"
            );
        }
        assert!(entry["keywords"].is_array(), "keywords missing in {entry}");
    }
    let mut ids: Vec<&str> = entries.iter().filter_map(|e| e["id"].as_str()).collect();
    let all = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all, "an id is listed twice");
    assert!(ids.contains(&"bin-missed") && ids.contains(&"citizens-advice"));
}

#[test]
fn catalogue_list_reads_as_a_list() {
    frontdesk()
        .args(["catalogue", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Services ("))
        .stdout(predicate::str::contains("Partners ("))
        .stdout(predicate::str::contains("bin-missed"))
        .stdout(predicate::str::contains("entries in all"));
}

// ---------------------------------------------------------------------------------------------
// import lgsl
// ---------------------------------------------------------------------------------------------

#[test]
fn import_lgsl_writes_a_catalogue_that_checks_searches_and_lists() {
    let data = lgsl_data();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("lgsl");
    frontdesk()
        .args(["import", "lgsl"])
        .arg(data.join("services.csv"))
        .arg("--out")
        .arg(&out)
        .arg("--tiers")
        .arg(data.join("local_services_tiers.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Imported 1519 services"));
    for file in ["council.toml", "services.toml", "synonyms.toml"] {
        assert!(out.join(file).is_file(), "{file} is written");
    }
    assert!(leftovers(dir.path()).is_empty());

    // Every entry is there, with lgsl-<Identifier> ids.
    let output = frontdesk()
        .args(["catalogue", "list", "--json", "--catalogue"])
        .arg(&out)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let entries = json(&output);
    let entries = entries.as_array().expect("an array");
    assert_eq!(entries.len(), 1519);
    assert!(
        entries
            .iter()
            .all(|e| e["id"].as_str().is_some_and(|id| id.starts_with("lgsl-")))
    );

    // The thesaurus carries over: a resident's word finds the official name, and the county's
    // services say so.
    let output = frontdesk()
        .args(["search", "--json", "--limit", "3", "--catalogue"])
        .arg(&out)
        .arg("pothole")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let hits = json(&output);
    assert_eq!(hits[0]["id"], "lgsl-557");
    assert_eq!(hits[0]["title"], "Road maintenance");
    assert_eq!(hits[0]["provided_by_us"], false);

    // `check` accepts it.
    let check = frontdesk()
        .arg("check")
        .arg("--catalogue")
        .arg(&out)
        .output()
        .expect("runs");
    assert!(
        check.status.success(),
        "check failed on the import:\n{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn import_lgsl_refuses_a_missing_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("out");
    frontdesk()
        .args(["import", "lgsl", "/nonexistent/services.csv", "--out"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "/nonexistent/services.csv does not exist",
        ));
    assert!(!out.exists());
    assert!(leftovers(dir.path()).is_empty());
}

/// Runs an import of `csv` text that must fail; returns what it said.
fn failed_import(name: &str, bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join(name);
    fs::write(&csv, bytes).expect("write the CSV");
    let out = dir.path().join("out");
    let output = frontdesk()
        .args(["import", "lgsl"])
        .arg(&csv)
        .arg("--out")
        .arg(&out)
        .assert()
        .failure()
        .get_output()
        .clone();
    assert!(!out.exists(), "nothing is written when the import fails");
    assert!(leftovers(dir.path()).is_empty(), "no half-written folder");
    let said = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(said.contains(name), "the message names the file: {said}");
    assert_eq!(said.trim().lines().count(), 1, "one clear sentence: {said}");
    said
}

#[test]
fn import_lgsl_explains_bad_csv() {
    let said = failed_import("empty.csv", b"");
    assert!(said.contains("is empty"), "{said}");

    let said = failed_import("wrong.csv", b"Name,Address\nA,B\n");
    assert!(
        said.contains("wrong.csv:1:") && said.contains("Identifier"),
        "{said}"
    );

    let said = failed_import(
        "latin1.csv",
        b"Identifier,Label,Description,Type\n524,Household waste collection,Caf\xe9,Service\n",
    );
    assert!(
        said.contains("latin1.csv:2:") && said.contains("UTF-8"),
        "{said}"
    );

    let said = failed_import(
        "badid.csv",
        b"Identifier,Label,Description,Type\n524,Bins,,Service\nfive,Other,,Service\n",
    );
    assert!(
        said.contains("badid.csv:3:") && said.contains("\"five\""),
        "{said}"
    );

    let said = failed_import(
        "functions.csv",
        b"Identifier,Label,Description,Type\n1,Advice and benefits,,Function\n",
    );
    assert!(said.contains("no rows whose Type is Service"), "{said}");
}

#[test]
fn import_lgsl_explains_a_bad_tiers_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("services.csv");
    fs::write(
        &csv,
        "Identifier,Label,Description,Type\n557,Road maintenance,Potholes.,Service\n",
    )
    .expect("write");
    let tiers = dir.path().join("tiers.csv");
    fs::write(
        &tiers,
        "LGSL,Description,Providing Tier\n557,Potholes,parish\n",
    )
    .expect("write");
    let out = dir.path().join("out");
    frontdesk()
        .args(["import", "lgsl"])
        .arg(&csv)
        .arg("--out")
        .arg(&out)
        .arg("--tiers")
        .arg(&tiers)
        .assert()
        .failure()
        .stderr(predicate::str::contains("tiers.csv:2:"))
        .stderr(predicate::str::contains("parish"));
    assert!(!out.exists());
}

#[test]
fn import_lgsl_never_overwrites_a_folder_with_files() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("services.csv");
    fs::write(
        &csv,
        "Identifier,Label,Description,Type\n524,Household waste collection,Weekly.,Service\n",
    )
    .expect("write");
    let out = dir.path().join("mine");
    fs::create_dir(&out).expect("create");
    fs::write(out.join("notes.txt"), "keep me").expect("write");
    frontdesk()
        .args(["import", "lgsl"])
        .arg(&csv)
        .arg("--out")
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("not an empty folder"));
    assert_eq!(
        fs::read_to_string(out.join("notes.txt")).unwrap(),
        "keep me"
    );
    assert!(!out.join("services.toml").exists());

    // An empty folder is fine, and a small import loads and searches.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).expect("create");
    frontdesk()
        .args(["import", "lgsl"])
        .arg(&csv)
        .arg("--out")
        .arg(&empty)
        .assert()
        .success();
    frontdesk()
        .args(["search", "--catalogue"])
        .arg(&empty)
        .args(["bin", "men", "didnt", "come"])
        .assert()
        .success()
        .stdout(predicate::str::contains("lgsl-524"));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `frontdesk catalogue list --json | head -1`: the reader goes away after the first line.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .args(["catalogue", "list", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("finishes");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "exit {:?}: {stderr}",
        output.status
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}
