//! Welsh content: with `[council] welsh = true`, `check` warns about each entry missing some of
//! its Welsh, at the entry, naming the fields; with Welsh off it says nothing about Welsh; Welsh
//! is read into the model beside the English.

use chrono::NaiveDate;
use frontdesk::catalogue::check::check_files;
use frontdesk::catalogue::{Catalogue, Origin, Severity, SourceFile, parse_file};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn council(welsh: bool) -> String {
    format!(
        r#"
[council]
name = "Cyngor Enghraifft"
welsh = {welsh}
phone = "01632 960000"
website = "https://www.example.org"

[council.cy]
name = "Cyngor Enghraifft"
"#
    )
}

const SERVICES: &str = r#"
[[service]]
id = "council-tax-pay"
title = "Pay your council tax"
summary = "Pay by Direct Debit, online or by phone."
say = "You can pay online."
review_by = 2027-06-30

[service.cy]
title = "Talu eich Treth Gyngor"
summary = "Talu drwy Ddebyd Uniongyrchol, ar-lein neu dros y ffôn."
say = "Gallwch dalu ar-lein."

[[service]]
id = "bulky-waste"
title = "Bulky waste collection"
summary = "We collect large items such as sofas."
say = "Book online."
bring = ["A list of the items"]
review_by = 2027-06-30

[service.cy]
title = "Casglu gwastraff swmpus"

[[faq]]
id = "faq-bin-day"
question = "When is my bin day?"
answer = "Look it up online with your postcode."
review_by = 2027-06-30
"#;

fn files(welsh: bool) -> Vec<SourceFile> {
    vec![
        SourceFile {
            name: "council.toml".into(),
            text: council(welsh),
        },
        SourceFile {
            name: "services.toml".into(),
            text: SERVICES.into(),
        },
    ]
}

#[test]
fn with_welsh_on_each_entry_missing_welsh_is_a_warning_naming_its_fields() {
    let problems = check_files(&files(true), today());
    let warnings: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .map(|p| p.to_string())
        .collect();
    assert!(
        problems.iter().all(|p| p.severity == Severity::Warning),
        "{problems:?}"
    );
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(
        warnings[0].starts_with("services.toml:15:")
            && warnings[0].contains("service \"bulky-waste\" has no Welsh for summary, say, bring"),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[1].contains("FAQ \"faq-bin-day\" has no Welsh for question, answer")
            && warnings[1].contains("[faq.cy]"),
        "{}",
        warnings[1]
    );
    // The fully translated service is not mentioned.
    assert!(!warnings.iter().any(|w| w.contains("council-tax-pay")));
}

#[test]
fn with_welsh_off_nothing_is_said_about_welsh() {
    let problems = check_files(&files(false), today());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_misspelt_welsh_field_is_an_error_naming_the_fields_allowed() {
    let mut files = files(false);
    files[1].text = files[1].text.replace("say = \"Gallwch", "sai = \"Gallwch");
    let problems = check_files(&files, today());
    assert!(
        problems.iter().any(|p| p.severity == Severity::Error
            && p.message.contains("\"sai\"")
            && p.message.contains("say")),
        "{problems:#?}"
    );
}

#[test]
fn welsh_is_read_beside_the_english() {
    let file = parse_file(&SourceFile {
        name: "services.toml".into(),
        text: SERVICES.into(),
    })
    .unwrap();
    let catalogue = Catalogue::from_parts(Origin::Embedded, vec![file]);
    let service = catalogue
        .services
        .iter()
        .find(|s| s.id == "council-tax-pay")
        .unwrap();
    assert_eq!(service.title, "Pay your council tax");
    assert_eq!(
        service.cy.as_ref().and_then(|cy| cy.title.as_deref()),
        Some("Talu eich Treth Gyngor")
    );
}

#[test]
fn the_built_in_catalogue_with_welsh_turned_on_warns_only_about_missing_welsh() {
    let mut files = frontdesk::catalogue::embedded_files();
    for file in &mut files {
        file.text = file
            .text
            .replace("[council]\n", "[council]\nwelsh = true\n");
    }
    let problems = check_files(&files, today());
    assert!(!problems.is_empty());
    for p in &problems {
        assert_eq!(p.severity, Severity::Warning, "{p}");
        assert!(
            p.message.contains("Welsh"),
            "only Welsh is missing from the built-in catalogue: {p}"
        );
    }
}

#[test]
fn every_line_of_the_built_in_scripts_and_partners_has_its_welsh() {
    let mut files = frontdesk::catalogue::embedded_files();
    for file in &mut files {
        file.text = file
            .text
            .replace("[council]\n", "[council]\nwelsh = true\n");
    }
    let missing: Vec<String> = check_files(&files, today())
        .into_iter()
        .filter(|p| p.file.contains("scripts/") || p.file.ends_with("partners.toml"))
        // Each script's Welsh waits to be read by a Welsh speaker: that is said, not missing.
        .filter(|p| !p.message.contains("has not been read by a Welsh speaker"))
        .map(|p| p.to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "Welsh missing from a script or partner: {missing:#?}"
    );
}
