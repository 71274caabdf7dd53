//! `frontdesk import oruk` as a user runs it: every example ORUK file, a local feed with every
//! field the catalogue uses, and a corpus of broken files refused without a panic or leftovers.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use chrono::NaiveDate;
use frontdesk::catalogue::check::check_dir;
use frontdesk::catalogue::{Catalogue, Severity, hours};
use frontdesk::search::Index;

fn frontdesk() -> Command {
    let mut cmd = Command::cargo_bin("frontdesk").expect("the frontdesk binary");
    cmd.env("FRONTDESK_CONFIG", crate::support::EMPTY_CONFIG);
    cmd
}

/// The ORUK examples: copies of the public files (see tests/fixtures/oruk/SOURCES.md).
fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/oruk")
}

fn local_feed() -> PathBuf {
    examples().join("local")
}

fn import(input: &Path, out: &Path) -> Output {
    frontdesk()
        .args(["import", "oruk"])
        .arg(input)
        .arg("--out")
        .arg(out)
        .output()
        .expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Anything an import may leave beside its destination: its temporary folders.
fn leftovers(parent: &Path) -> Vec<String> {
    fs::read_dir(parent)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.starts_with('.'))
                .collect()
        })
        .unwrap_or_default()
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The output loads as a catalogue, `check` finds no errors in it, and a word of `name` finds
/// the partner of that name first.
fn assert_usable(out: &Path, word: &str, name: &str) -> Catalogue {
    let report = check_dir(out, today());
    let errors: Vec<String> = report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_string())
        .collect();
    assert!(errors.is_empty(), "check finds errors: {errors:#?}");
    let catalogue = Catalogue::from_dir(out).expect("the import loads as a catalogue");
    let index = Index::new(&catalogue);
    let hits = index.query(word);
    let first = hits.first().expect("the search finds something");
    let entry = catalogue.entry(first.key).expect("the hit is an entry");
    assert_eq!(entry.title(), name, "searching {word:?}");
    catalogue
}

#[test]
fn every_example_file_imports_into_a_catalogue_that_checks_and_searches() {
    let mut seen = 0;
    for entry in fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        seen += 1;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("partners");
        let output = import(&path, &out);
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        if file == "taxonomy.json" {
            // A taxonomy lists categories, not services: nothing to import, said so.
            assert!(!output.status.success());
            let said = text(&output.stderr);
            assert!(
                said.contains("taxonomy.json") && said.contains("taxonomy"),
                "{said}"
            );
            assert!(!out.exists());
            continue;
        }
        assert!(output.status.success(), "{file}: {}", text(&output.stderr));
        assert!(leftovers(dir.path()).is_empty(), "{file}");
        let catalogue = assert_usable(&out, "counselling", "Community Counselling");
        assert_eq!(catalogue.partners.len(), 1, "{file}");
        let partner = &catalogue.partners[0];
        assert!(
            partner.id.starts_with("community-counselling-"),
            "{}",
            partner.id
        );
        assert_eq!(
            partner.website.as_deref(),
            Some("http://example.com/counselling")
        );
        // The example's one schedule ended in 2005, so it gives no hours.
        assert!(partner.hours.is_empty());
        // Where a file gives the location's accessibility, the partner says how to get in.
        let gives_access = fs::read_to_string(&path)
            .unwrap()
            .contains("induction loops");
        assert_eq!(
            partner.accessibility.as_deref().is_some_and(|a| a
                .contains("induction loops for hearing aids")
                && a.contains("T-coil")),
            gives_access,
            "{file}: {:?}",
            partner.accessibility
        );
    }
    assert_eq!(seen, 6, "all six example files are tried");
}

#[test]
fn the_validator_list_with_one_id_128_times_is_merged_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("partners");
    let output = import(&examples().join("validator_test_service_list.json"), &out);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let said = text(&output.stdout);
    assert!(
        said.contains("ORUK id ac148810-d857-441c-9679-408f346de14b appears 128 times"),
        "{said}"
    );
    assert!(
        said.contains("contents[0]") && said.contains("contents[1]"),
        "{said}"
    );
    let catalogue = assert_usable(&out, "community", "Community Counselling");
    assert_eq!(catalogue.partners.len(), 1);
    let partner = &catalogue.partners[0];
    // The copies differ in which fields they leave out; the merged one has them all.
    assert_eq!(partner.email.as_deref(), Some("email@example.com"));
    assert_eq!(partner.eligibility.as_deref(), Some("Ages 12 to 100."));
    assert!(
        partner
            .summary
            .ends_with("Run by Example Organization Inc."),
        "{}",
        partner.summary
    );
}

#[test]
fn the_whole_example_folder_merges_across_files_and_skips_the_taxonomy() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("partners");
    let output = import(&examples(), &out);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let said = text(&output.stdout);
    assert!(said.contains("Imported 1 partner from 6 files"), "{said}");
    assert!(said.contains("appears 132 times"), "{said}");
    assert!(said.contains("Skipped taxonomy.json"), "{said}");
    assert!(said.contains("service_list.json is page 1 of 10"), "{said}");
    let catalogue = assert_usable(&out, "counselling", "Community Counselling");
    // The address comes from the service's location; the attention line (a person) is left out.
    let partner = &catalogue.partners[0];
    assert_eq!(
        partner.address.as_deref(),
        Some("MyCity Civic Center, 1-30 Main Street, MyCity, MyState, ABC 1234")
    );
    let written = fs::read_to_string(out.join("partners.toml")).unwrap();
    assert!(!written.contains("Persona"), "no contact's name is written");
}

#[test]
fn a_local_feed_gives_hours_phones_languages_eligibility_and_addresses() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("partners");
    let output = import(&local_feed(), &out);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let said = text(&output.stdout);
    let catalogue = assert_usable(&out, "night shelter", "Winter night shelter");
    assert_usable(&out, "debt", "Debt advice drop-in");
    let names: Vec<&str> = catalogue.partners.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Anytown Food Bank",
            "Debt advice drop-in",
            "Walking group",
            "Winter night shelter"
        ],
        "the defunct lunch club is left out"
    );
    assert!(said.contains("Lunch club (defunct)"), "{said}");

    let debt = catalogue
        .partners
        .iter()
        .find(|p| p.name == "Debt advice drop-in")
        .unwrap();
    assert_eq!(
        debt.summary,
        "Free, confidential advice on debt & money worries. Bring any letters you have. Run by Citizens Advice Anytown."
    );
    assert_eq!(debt.phone.as_deref(), Some("01632 960700"));
    assert_eq!(
        debt.address.as_deref(),
        Some("Advice Centre, 14 High Street, Anytown, Exampleshire, AN1 2BC")
    );
    assert_eq!(debt.languages, ["English", "Polish", "cy"]);
    assert_eq!(
        debt.eligibility.as_deref(),
        Some("Anyone who lives or works in Anytown. Ages 18 and over.")
    );
    assert!(debt.keywords.contains(&"Money advice".to_string()));
    assert_eq!(
        debt.hours.len(),
        1,
        "the monthly and the ended schedules give no hours"
    );
    assert_eq!(debt.hours[0].days, "Monday, Wednesday and Friday");
    assert_eq!(
        (debt.hours[0].opens.as_str(), debt.hours[0].closes.as_str()),
        ("09:30", "16:30")
    );
    let note = debt.hours_note.as_deref().unwrap();
    assert!(note.contains("first Saturday of the month"), "{note}");
    assert!(!note.contains("ended in 2020"), "{note}");
    // Wednesday 2 December 2026, 10:00: open; 17:00: closed.
    let wednesday = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    assert!(hours::is_open_at(
        &debt.hours,
        wednesday.and_hms_opt(10, 0, 0).unwrap()
    ));
    assert!(!hours::is_open_at(
        &debt.hours,
        wednesday.and_hms_opt(17, 0, 0).unwrap()
    ));

    // Overnight hours: open at 02:00 every night.
    let shelter = catalogue
        .partners
        .iter()
        .find(|p| p.name == "Winter night shelter")
        .unwrap();
    assert!(hours::is_open_at(
        &shelter.hours,
        wednesday.and_hms_opt(2, 0, 0).unwrap()
    ));
    assert!(!hours::is_open_at(
        &shelter.hours,
        wednesday.and_hms_opt(12, 0, 0).unwrap()
    ));
    // A contact's phone is kept as given; the contact's name is not written.
    assert_eq!(shelter.phone.as_deref(), Some("+44 1632 960800"));
    let written = fs::read_to_string(out.join("partners.toml")).unwrap();
    assert!(!written.contains("A. Person") && !written.contains("attention"));

    // Temporarily closed: never shown as open; the refused phone and email are reported.
    let walk = catalogue
        .partners
        .iter()
        .find(|p| p.name == "Walking group")
        .unwrap();
    assert!(walk.hours.is_empty());
    assert_eq!(walk.hours_note.as_deref(), Some("Temporarily closed."));
    assert_eq!((walk.phone.as_deref(), walk.email.as_deref()), (None, None));
    assert!(
        said.contains("\"555-0100\" (services-page-1.json: contents[3].phones[0].number) is not a UK phone number"),
        "{said}"
    );

    // An organisation with no services is a partner of its own.
    let food = catalogue
        .partners
        .iter()
        .find(|p| p.name == "Anytown Food Bank")
        .unwrap();
    assert_eq!(food.phone.as_deref(), Some("0800 123 4567"));
    assert_eq!(
        food.website.as_deref(),
        Some("https://foodbank.example.org")
    );
}

#[test]
fn ids_are_the_same_at_every_import_and_replace_needs_asking() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("partners");
    assert!(import(&local_feed(), &out).status.success());
    let first = fs::read_to_string(out.join("partners.toml")).unwrap();

    // An existing --out is not overwritten...
    let again = import(&local_feed(), &out);
    assert!(!again.status.success());
    let said = text(&again.stderr);
    assert!(
        said.contains("already exists") && said.contains("--replace"),
        "{said}"
    );
    assert_eq!(
        fs::read_to_string(out.join("partners.toml")).unwrap(),
        first
    );

    // ...unless asked, and then the ids are the same.
    let replaced = frontdesk()
        .args(["import", "oruk"])
        .arg(local_feed())
        .arg("--out")
        .arg(&out)
        .arg("--replace")
        .output()
        .unwrap();
    assert!(replaced.status.success(), "{}", text(&replaced.stderr));
    let second = fs::read_to_string(out.join("partners.toml")).unwrap();
    let ids = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("id = "))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(ids(&first), ids(&second));
    assert_eq!(ids(&first).len(), 4);
    assert!(leftovers(dir.path()).is_empty());

    // --replace never empties a folder that holds anything but catalogue files.
    let documents = dir.path().join("documents");
    fs::create_dir(&documents).unwrap();
    fs::write(documents.join("letter.txt"), "keep").unwrap();
    let refused = frontdesk()
        .args(["import", "oruk"])
        .arg(local_feed())
        .arg("--out")
        .arg(&documents)
        .arg("--replace")
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(documents.join("letter.txt").exists());
}

/// Imports `bytes` as `name` into a fresh folder; it must fail with one line naming the file,
/// and leave nothing behind. Returns what it said.
fn refused(name: &str, bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join(name);
    fs::write(&input, bytes).unwrap();
    let out = dir.path().join("out");
    let output = import(&input, &out);
    assert_eq!(output.status.code(), Some(2), "{name} is refused");
    assert!(!out.exists(), "{name}: nothing is written");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{name}: no temporary folder is left"
    );
    let said = text(&output.stderr);
    assert!(said.contains(name), "the message names the file: {said}");
    assert_eq!(said.trim().lines().count(), 1, "one sentence: {said}");
    assert!(!said.contains("panicked"), "{said}");
    said
}

#[test]
fn broken_files_are_refused_with_one_sentence_and_no_leftovers() {
    let example = fs::read(examples().join("service_full.json")).unwrap();

    let said = refused("truncated.json", &example[..example.len() / 2]);
    assert!(said.contains("cut short"), "{said}");

    let said = refused(
        "wrong-type.json",
        br#"{"contents": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}, {"id": "d", "name": 5}]}"#,
    );
    assert!(said.contains("contents[3].name"), "{said}");
    let said = refused(
        "wrong-list.json",
        br#"{"id": "a", "name": "A", "status": "active", "schedules": {"byday": "MO"}}"#,
    );
    assert!(said.contains("schedules"), "{said}");
    let said = refused(
        "missing-name.json",
        br#"{"contents": [{"id": "a", "status": "active"}]}"#,
    );
    assert!(said.contains("contents[0].name is missing"), "{said}");

    assert!(refused("not-json.json", b"id,name\n1,Food bank\n").contains("not JSON"));
    assert!(refused("html.json", b"<!DOCTYPE html><p>502 Bad Gateway</p>").contains("not JSON"));
    assert!(refused("empty.json", b"").contains("is empty"));
    assert!(refused("spaces.json", b"  \n\t ").contains("is empty"));
    assert!(refused("list.json", b"[{\"id\": \"a\"}]").contains("JSON list"));
    assert!(refused("object.json", b"{\"hello\": \"world\"}").contains("not an ORUK"));
    assert!(
        refused("latin1.json", b"{\"id\": \"a\", \"name\": \"Caf\xe9\"}")
            .contains("not valid JSON")
    );
    assert!(
        refused("trailing.json", b"{\"id\": \"a\", \"name\": \"A\"} {").contains("not valid JSON")
    );

    let deep = format!(
        "{{\"id\": \"a\", \"name\": \"A\", \"x\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert!(refused("deep-arrays.json", deep.as_bytes()).contains("nested more than"));
    let deep = "{\"contents\": [".repeat(5_000) + &"]}".repeat(5_000);
    assert!(refused("deep-pages.json", deep.as_bytes()).contains("nested more than"));

    let huge = format!("{{\"id\": \"a\", \"name\": \"{}", "x".repeat(20_000_000));
    assert!(refused("huge-unterminated.json", huge.as_bytes()).contains("cut short"));
}

#[test]
fn one_broken_file_in_a_folder_stops_the_whole_import() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed");
    fs::create_dir(&feed).unwrap();
    fs::copy(
        examples().join("service_full.json"),
        feed.join("a-good.json"),
    )
    .unwrap();
    fs::write(
        feed.join("b-bad.json"),
        b"{\"contents\": [{\"id\": 1, \"name\": null}]}",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = import(&feed, &out);
    assert_eq!(output.status.code(), Some(2));
    let said = text(&output.stderr);
    assert!(
        said.contains("b-bad.json") && said.contains("contents[0].name"),
        "{said}"
    );
    assert!(!out.exists());
    assert!(leftovers(dir.path()).is_empty());

    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let output = import(&empty, &out);
    assert!(text(&output.stderr).contains("has no .json files"));
    assert!(!out.exists());
}

#[test]
fn huge_values_are_cut_to_fit_and_still_check() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("huge.json");
    let name = format!("Food bank {}", "very ".repeat(2_000_000));
    let description = "Food parcels. ".repeat(1_000_000);
    let json = serde_json::json!({
        "id": "huge", "name": name, "description": description, "status": "active",
        "languages": [{"name": "x".repeat(1_000_000)}]
    });
    fs::write(&input, json.to_string()).unwrap();
    let out = dir.path().join("out");
    let output = import(&input, &out);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let catalogue = Catalogue::from_dir(&out).unwrap();
    let partner = &catalogue.partners[0];
    assert!(partner.name.starts_with("Food bank very") && partner.name.ends_with('…'));
    assert_usable(&out, "food bank", &partner.name);
    assert!(partner.name.chars().count() <= 120);
    assert!(partner.summary.chars().count() <= 1000);
    assert!(partner.id.len() <= 64, "{}", partner.id);
}
