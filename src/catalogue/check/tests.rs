use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn source(name: &str, text: &str) -> SourceFile {
    SourceFile {
        name: name.to_string(),
        text: text.to_string(),
    }
}

/// Every problem as the line `check` prints.
fn lines(files: &[(&str, &str)]) -> Vec<String> {
    let files: Vec<SourceFile> = files.iter().map(|(n, t)| source(n, t)).collect();
    check_files(&files, today())
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The `FILE:LINE:COLUMN: severity` part of each line.
fn places(files: &[(&str, &str)]) -> Vec<String> {
    lines(files)
        .iter()
        .map(|l| l.splitn(5, ": ").take(2).collect::<Vec<_>>().join(": "))
        .collect()
}

const COUNCIL: &str = r#"[council]
name = "Test District Council"
phone = "01632 960000"
website = "https://www.example.org"
hours = [{ days = "Monday to Friday", opens = "09:00", closes = "17:00" }]

[[body]]
id = "county"
name = "Test County Council"
tier = "county"
"#;

const SERVICE: &str = r#"[[service]]
id = "bin-missed"
title = "Report a missed bin"
summary = "Tell us if we did not empty your bin."
provider = "council"
lgsl = [524]
online = { url = "https://www.example.org/bins", self_serve = true }
phone = "01632 960010"
related = ["bin-day"]
signpost = ["food-bank"]
review_by = 2027-06-30

[[service]]
id = "bin-day"
title = "Find your bin day"
summary = "Which day we collect your bins."
provider = "county"
review_by = "2027-06-30"

[[partner]]
id = "food-bank"
name = "Food bank"
summary = "Emergency food."
email = "help@example.org"
phone = "116 123"
website = "https://foodbank.example.org"
hours = [{ days = "Mon, Wed and Fri", opens = "10:00", closes = "14:00" }]
review_by = 2027-06-30

[[faq]]
id = "faq-bin-day"
question = "When is my bin day?"
answer = "Look it up online."
related = ["bin-day", "food-bank"]
review_by = 2027-06-30

[[synonyms]]
words = ["rubbish", "refuse"]
"#;

#[test]
fn a_clean_catalogue_has_no_problems_and_is_counted() {
    let files = [
        source("council.toml", COUNCIL),
        source("services.toml", SERVICE),
    ];
    let report = CheckReport::of_files(&files, today());
    assert_eq!(report.problems, []);
    assert_eq!(
        (report.files, report.services, report.partners, report.faqs),
        (2, 2, 1, 1)
    );
    assert_eq!(
        report.summary(),
        "No problems in 2 files: 2 services, 1 partner, 1 FAQ."
    );
}

#[test]
fn review_by_may_be_a_toml_date_or_a_string_and_a_past_one_is_a_warning() {
    let text = SERVICE.replace("review_by = \"2027-06-30\"", "review_by = \"2026-11-22\"");
    assert_eq!(
        lines(&[("council.toml", COUNCIL), ("services.toml", &text)]),
        [
            "services.toml:18:13: warning: review_by 2026-11-22 has passed; check this entry is still right and set a new date"
        ]
    );
    let today_is_fine = SERVICE.replace("2027-06-30\"", "2026-11-23\"");
    assert_eq!(
        lines(&[("council.toml", COUNCIL), ("services.toml", &today_is_fine)]),
        Vec::<String>::new()
    );
}

#[test]
fn problems_point_at_the_value_that_is_wrong() {
    let text = SERVICE
        .replace(
            "related = [\"bin-day\"]",
            "related = [\"bin-day\", \"bin-dya\"]",
        )
        .replace("lgsl = [524]", "lgsl = [524, 0]")
        .replace("bins\", self_serve", "bins page\", self_serve")
        .replace("closes = \"14:00\"", "closes = \"10:00\"");
    assert_eq!(
        places(&[("council.toml", COUNCIL), ("services.toml", &text)]),
        [
            "services.toml:6:14: error",
            "services.toml:7:18: error",
            "services.toml:9:23: error",
            "services.toml:27:65: error",
        ]
    );
    let all = lines(&[("council.toml", COUNCIL), ("services.toml", &text)]);
    assert!(all[2].contains("did you mean \"bin-day\"?"), "{all:?}");
}

#[test]
fn columns_count_characters_not_bytes() {
    let text = "[council]\nname = \"Café\"; phone = \"x\"\n";
    // A syntax error after a two-byte character is at character column 14, byte column 15.
    assert_eq!(places(&[("a.toml", text)]), ["a.toml:2:14: error"]);
    let text = "[council]\nname = \"Café\"\nwebsite = \"é\"\n";
    assert_eq!(places(&[("a.toml", text)]), ["a.toml:3:11: error"]);
}

#[test]
fn duplicate_ids_across_files_and_kinds_name_the_first() {
    let more = r#"[[faq]]
id = "bin-day"
question = "q"
answer = "a"
review_by = 2027-06-30

[[partner]]
id = "county"
name = "n"
summary = "s"
review_by = 2027-06-30
"#;
    assert_eq!(
        lines(&[("a.toml", COUNCIL), ("b.toml", SERVICE), ("c.toml", more)]),
        [
            "c.toml:2:6: error: id \"bin-day\" is already used by the service at b.toml:14:6; give each entry its own id",
            "c.toml:8:6: error: id \"county\" is already used by the body at a.toml:8:6; give each entry its own id",
        ]
    );
}

#[test]
fn references_must_exist_and_have_the_right_kind() {
    let text = SERVICE
        .replace("provider = \"county\"", "provider = \"faq-bin-day\"")
        .replace(
            "signpost = [\"food-bank\"]",
            "signpost = [\"bin-day\", \"foodbank\"]",
        )
        .replace(
            "related = [\"bin-day\", \"food-bank\"]",
            "related = [\"county\"]",
        );
    let all = lines(&[("council.toml", COUNCIL), ("services.toml", &text)]);
    assert_eq!(
        all,
        [
            "services.toml:10:13: error: signpost \"bin-day\" is a service, not a partner; signpost only to partners, and list services and FAQs under related",
            "services.toml:10:24: error: signpost \"foodbank\" is not the id of any partner; did you mean \"food-bank\"?",
            "services.toml:17:12: error: provider \"faq-bin-day\" is a FAQ; a provider is \"council\", a [[body]] id or a partner id",
            "services.toml:34:12: error: related id \"county\" is a body, not a service, partner or FAQ; name it as a provider instead",
        ]
    );
}

#[test]
fn a_provider_may_be_a_partner() {
    let text = SERVICE.replace("provider = \"county\"", "provider = \"food-bank\"");
    assert_eq!(
        lines(&[("council.toml", COUNCIL), ("services.toml", &text)]),
        Vec::<String>::new()
    );
}

#[test]
fn the_council_must_be_there_once() {
    assert_eq!(
        lines(&[("services.toml", SERVICE)])
            .iter()
            .filter(|l| l.contains("[council]"))
            .cloned()
            .collect::<Vec<_>>(),
        [
            "services.toml:1:1: warning: no file has a [council] table; add one with the council's name, phone and website so the desk knows who \"us\" is"
        ]
    );
    let second = "[council]\nname = \"Another\"\n";
    assert_eq!(
        lines(&[("a.toml", COUNCIL), ("b.toml", SERVICE), ("c.toml", second)]),
        [
            "c.toml:1:2: error: a second [council] table; the first is at a.toml:1:2, and a catalogue has only one council"
        ]
    );
}

#[test]
fn a_syntax_error_stops_that_file_but_its_ids_still_exist() {
    let broken = "[[partner]]\nid = \"food-bank\"\nname = \"Food bank\nsummary = \"s\"\n";
    let without_partner = SERVICE.split("[[partner]]").next().unwrap_or_default();
    let all = lines(&[
        ("a.toml", COUNCIL),
        ("b.toml", without_partner),
        ("c.toml", broken),
    ]);
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(
        all[0].starts_with("c.toml:3:18: error: TOML syntax error:"),
        "{all:?}"
    );
}

#[test]
fn one_broken_entry_does_not_hide_the_others() {
    let text = r#"[[service]]
id = "a"
title = 3
summary = "s"
review_by = 2027-06-30

[[service]]
id = "b"
title = "t"
summary = ""
review_by = 2027-06-30

[[service]]
id = "c"
title = "t"
review_by = 2027-06-30
"#;
    assert_eq!(
        lines(&[("a.toml", COUNCIL), ("b.toml", text)]),
        [
            "b.toml:3:9: error: service \"a\": title should be a string, not integer `3`",
            "b.toml:10:11: error: summary is empty; write one or two plain sentences saying what it is",
            "b.toml:13:1: error: service \"c\" has no summary, which every service needs; add it",
        ]
    );
}

#[test]
fn unknown_fields_and_tables_suggest_the_right_name() {
    let text = "[[service]]\nid = \"a\"\ntitel = \"t\"\nsummary = \"s\"\nreview_by = 2027-06-30\n\n[[servce]]\nid = \"b\"\n";
    let all = lines(&[("a.toml", COUNCIL), ("b.toml", text)]);
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(
        all[0].starts_with("b.toml:3:1: error: service \"a\" has an unknown field \"titel\" (did you mean \"title\"?); a service may have: id, title, summary"),
        "{all:?}"
    );
    assert!(
        all[1]
            .starts_with("b.toml:7:3: error: unknown table \"servce\" (did you mean \"service\"?)"),
        "{all:?}"
    );
}

#[test]
fn synonyms_need_two_words() {
    let text = "[[synonyms]]\nwords = [\"alone\"]\n\n[[synonyms]]\nwords = [\"a\", \" \"]\n";
    assert_eq!(
        places(&[("a.toml", COUNCIL), ("b.toml", text)]),
        [
            "b.toml:2:9: error",
            "b.toml:5:9: error",
            "b.toml:5:15: error",
        ]
    );
}

#[test]
fn problems_are_sorted_by_file_line_and_column() {
    let text = "[[partner]]\nid = \"Z\"\nname = \"\"\nsummary = \"\"\nphone = \"1\"\nreview_by = 2000-01-01\n";
    let found = check_files(
        &[
            source("b.toml", text),
            source("a.toml", "[council]\nname = \"\"\n"),
        ],
        today(),
    );
    let order: Vec<(String, usize, usize)> = found
        .iter()
        .map(|p| (p.file.clone(), p.line, p.column))
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    assert_eq!(found.len(), 6, "{found:?}");
}

#[test]
fn no_files_is_a_problem_too() {
    let report = CheckReport::of_files(&[], today());
    assert_eq!(report.errors(), 1);
    assert!(report.problems[0].message.contains("no catalogue files"));
}

#[test]
fn a_missing_directory_is_a_problem_not_a_panic() {
    let report = check_dir(Path::new("/no/such/catalogue/dir"), today());
    assert_eq!(report.errors(), 1);
    assert_eq!(
        report.problems[0].to_string(),
        "/no/such/catalogue/dir:1:1: error: cannot check this catalogue directory: it does not exist or is not a directory; check the path given with --catalogue"
    );
    assert_eq!(report.summary(), "1 error, 0 warnings in 0 files");
}

#[test]
fn a_byte_order_mark_takes_no_column() {
    let text = "\u{feff}[council]\nname = 3\n";
    assert_eq!(places(&[("a.toml", text)]), ["a.toml:2:8: error"]);
    let index = LineIndex::new(text);
    assert_eq!(index.locate(text, 4), (1, 2), "the c of [council]");
}

#[test]
fn line_index_agrees_with_line_column() {
    let text = "a = 1\nbé = \"ü\"\n\n[x]\r\nc = 2";
    let index = LineIndex::new(text);
    for offset in 0..=text.len() + 2 {
        assert_eq!(
            index.locate(text, offset),
            crate::catalogue::problem_line_column(text, offset),
            "offset {offset}"
        );
    }
}

#[test]
fn summary_counts_errors_and_warnings() {
    let report = CheckReport {
        problems: vec![
            Problem::error("a", 1, 1, "x"),
            Problem::error("a", 2, 1, "y"),
            Problem::warning("a", 3, 1, "z"),
        ],
        files: 1,
        ..CheckReport::default()
    };
    assert_eq!(report.summary(), "2 errors, 1 warning in 1 file");
}

#[test]
fn partner_accessibility_consent_and_closed_dates_are_checked() {
    let partner = r#"[[partner]]
id = "food-bank"
name = "Food bank"
summary = "Food parcels."
accessibility = "  "
referral_needs_consent = true
closed = [2026-12-25, "2026-12-28", 2026-12-25]
review_by = 2027-06-30
"#;
    let found = lines(&[("p.toml", partner)]);
    assert!(
        found.iter().any(|l| l.starts_with("p.toml:5:")
            && l.contains("accessibility is empty; write how disabled people can get in")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|l| l.starts_with("p.toml:7:")
            && l.contains("warning")
            && l.contains("closed date 2026-12-25 is listed twice")),
        "{found:?}"
    );
    let bad_date = partner
        .replace("accessibility = \"  \"", "accessibility = \"Step-free.\"")
        .replace(
            "closed = [2026-12-25, \"2026-12-28\", 2026-12-25]",
            "closed = [\"Christmas\"]",
        );
    let found = lines(&[("p.toml", &bad_date)]);
    assert!(
        found
            .iter()
            .any(|l| l.contains("`Christmas` is not a date")),
        "{found:?}"
    );
    let wrong_type = bad_date.replace("closed = [\"Christmas\"]\n", "").replace(
        "referral_needs_consent = true",
        "referral_needs_consent = \"yes\"",
    );
    let found = lines(&[("p.toml", &wrong_type)]);
    assert!(
        found.iter().any(|l| l.starts_with("p.toml:6:")),
        "{found:?}"
    );
}
