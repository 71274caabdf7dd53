//! `frontdesk check`: the built-in catalogue is clean, every kind of problem is reported at the
//! right FILE:LINE:COLUMN, and no file, however broken, makes it panic. Opening hours' answers
//! agree with each other whatever the hours and the moment.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use frontdesk::catalogue::check::{CheckReport, check_embedded, check_files};
use frontdesk::catalogue::hours::{self, OpenNow};
use frontdesk::catalogue::{OpeningTimes, Problem, SourceFile};
use proptest::prelude::*;
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Helpers

use crate::support::frontdesk;

use crate::support::Run;

/// Runs `frontdesk check --catalogue DIR` and returns what it printed, with DIR taken out of the
/// file names so the lines can be compared.
fn check_dir(dir: &Path) -> Run {
    let home = TempDir::new().unwrap();
    let output = frontdesk(home.path())
        .arg("check")
        .arg("--catalogue")
        .arg(dir)
        .output()
        .unwrap();
    let prefix = format!("{}/", dir.display());
    let mut run = Run::from(output);
    run.stdout = run.stdout.replace(&prefix, "");
    run
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

/// Problem lines only (not the summary).
fn problem_lines(stdout: &str) -> Vec<&str> {
    let lines: Vec<&str> = stdout.lines().collect();
    lines[..lines.len().saturating_sub(1)].to_vec()
}

fn summary_line(stdout: &str) -> &str {
    stdout.lines().last().unwrap_or_default()
}

fn assert_no_panic(run: &Run) {
    assert!(
        !run.stderr.contains("panicked"),
        "the check panicked:\n{}",
        run.stderr
    );
}

fn assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/catalogue")
}

/// The real catalogue files, as the property tests' starting points.
fn real_files() -> Vec<SourceFile> {
    let mut files: Vec<SourceFile> = fs::read_dir(assets())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| SourceFile {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            text: fs::read_to_string(&p).unwrap(),
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// What must hold of any result: each problem names one of the files, points inside it, reads
/// as one line, and the list is sorted by file, line and column.
fn assert_well_formed(files: &[SourceFile], problems: &[Problem]) {
    for problem in problems {
        let file = files
            .iter()
            .find(|f| f.name == problem.file)
            .unwrap_or_else(|| panic!("{problem} names a file that was not checked"));
        let lines = file.text.split('\n').count();
        assert!(
            problem.line >= 1 && problem.line <= lines,
            "{problem}: line outside the file"
        );
        assert!(problem.column >= 1, "{problem}: column 0");
        assert!(!problem.message.trim().is_empty(), "{problem}: no message");
        assert!(
            !problem.to_string().contains(['\n', '\r']),
            "{problem:?} is not one line"
        );
    }
    let order: Vec<_> = problems
        .iter()
        .map(|p| (&p.file, p.line, p.column))
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "problems are not sorted");
}

fn checked(name: &str, text: String) -> (Vec<SourceFile>, Vec<Problem>) {
    let files = vec![SourceFile {
        name: name.to_string(),
        text,
    }];
    let problems = check_files(&files, today());
    (files, problems)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

// ---------------------------------------------------------------------------------------------
// The built-in catalogue

#[test]
fn the_built_in_catalogue_has_no_problems() {
    let report = check_embedded(today());
    let lines: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(lines.is_empty(), "{}", lines.join("\n"));
    assert!(report.services >= 50, "{} services", report.services);
    assert!(report.partners >= 15, "{} partners", report.partners);
}

#[test]
fn frontdesk_check_passes_on_the_built_in_catalogue() {
    let home = TempDir::new().unwrap();
    let output = frontdesk(home.path()).arg("check").output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    // Review dates pass as time goes on: those are warnings, never errors.
    assert!(!stdout.contains(": error: "), "{stdout}");
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    let summary = summary_line(&stdout);
    assert!(
        summary.starts_with("No problems in ") || summary.starts_with("0 errors, "),
        "{summary}"
    );
}

// ---------------------------------------------------------------------------------------------
// Every kind of problem, at the right place

const COUNCIL: &str = r#"# A council with problems in its own details.
[council]
name = "Test District Council"
phone = "01632 96000"
website = "www.example.org"
hours = [
  { days = "Mondy to Friday", opens = "9am", closes = "17:00" },
  { days = "Saturday", opens = "13:00", closes = "10:00" },
]

[[body]]
id = "county"
name = "Test County Council"
tier = "county"
website = "http://county.example.org"
"#;

const SERVICES: &str = r#"[[service]]
id = "bin-missed"
title = "Report a missed bin"
summary = "Tell us if we did not empty your bin."
provider = "countyy"
lgsl = [524, 0]
online = { url = "https://www.example.org/missed bins" }
phone = "0800 99 1234"
related = ["bin-day", "bin-dya"]
signpost = ["food-bank", "bin-missed"]
review_by = 2001-01-01

[[service]]
id = "bin-day"
title = ""
summary = "Which day we collect your bins."
review_by = "2099-12-31"

[[service]]
id = "Bulky_Waste"
title = "Bulky waste"
summary = "Large items collected."
review_by = 2099-12-31
"#;

const PARTNERS: &str = r#"[[partner]]
id = "food-bank"
name = "Food bank"
summary = "Emergency food."
phone = "01632-960100"
email = "help@example"
hours = [{ days = "every day", opens = "08:00", closes = "24:00" }]
review_by = 2099-12-31

[[partner]]
id = "bin-day"
name = "Bin day partner"
summary = "Duplicate id."
review_by = 2099-12-31

[[faq]]
id = "faq-bins"
question = "When is my bin day?"
answer = " "
related = ["county"]
review_by = 2099-12-31

[[faq]]
id = "faq-missing"
question = "Where is the answer?"
review_by = 2099-12-31

[[synonyms]]
words = ["lonely"]

[council]
name = "A second council"

[servce]
id = "typo"
"#;

const TYPES: &str = r#"[[service]]
id = "wrong-types"
title = 3
summary = "s"
review_by = 2099-12-31

[[service]]
id = "unknown-field"
title = "t"
summary = "s"
titel = "typo"
review_by = 2099-12-31
"#;

const BROKEN: &str = "[[service]]\nid = \"half\"\ntitle = \"unterminated\n";

#[test]
fn every_kind_of_problem_is_reported_where_it_is() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "council.toml", COUNCIL);
    write(dir.path(), "services.toml", SERVICES);
    write(dir.path(), "partners.toml", PARTNERS);
    write(dir.path(), "types.toml", TYPES);
    write(dir.path(), "broken.toml", BROKEN);
    let run = check_dir(dir.path());
    assert_no_panic(&run);

    let expected = [
        ("broken.toml:3:22: error", "TOML syntax error"),
        (
            "council.toml:4:9: error",
            "phone \"01632 96000\" is not a UK phone number",
        ),
        (
            "council.toml:5:11: error",
            "website \"www.example.org\" is not a web address",
        ),
        (
            "council.toml:7:12: error",
            "days \"Mondy to Friday\" is not a day or set of days",
        ),
        ("council.toml:7:39: error", "opens \"9am\" is not a time"),
        (
            "council.toml:8:50: error",
            "closes \"10:00\" is not after opens \"13:00\"",
        ),
        (
            "council.toml:15:11: warning",
            "starts http://; use https://",
        ),
        (
            "partners.toml:5:9: error",
            "phone \"01632-960100\" is not a UK phone number",
        ),
        (
            "partners.toml:6:9: error",
            "email \"help@example\" is not an email address",
        ),
        ("partners.toml:19:10: error", "answer is empty"),
        (
            "partners.toml:20:12: error",
            "related id \"county\" is a body",
        ),
        (
            "partners.toml:23:1: error",
            "FAQ \"faq-missing\" has no answer",
        ),
        (
            "partners.toml:29:9: error",
            "a synonyms group needs at least two words",
        ),
        (
            "partners.toml:31:2: error",
            "a second [council] table; the first is at council.toml:2:2",
        ),
        (
            "partners.toml:34:2: error",
            "unknown table \"servce\" (did you mean \"service\"?)",
        ),
        (
            "services.toml:5:12: error",
            "provider \"countyy\" is not \"council\", a [[body]] id or a partner id; did you mean \"county\"?",
        ),
        (
            "services.toml:6:14: error",
            "lgsl id 0 is not a Local Government Service List id",
        ),
        (
            "services.toml:7:18: error",
            "url \"https://www.example.org/missed bins\" is not a web address",
        ),
        (
            "services.toml:9:23: error",
            "related id \"bin-dya\" is not the id of any service, partner or FAQ; did you mean \"bin-day\"?",
        ),
        (
            "services.toml:10:26: error",
            "signpost \"bin-missed\" is a service, not a partner",
        ),
        (
            "services.toml:11:13: warning",
            "review_by 2001-01-01 has passed; check this entry is still right and set a new date",
        ),
        (
            "services.toml:14:6: error",
            "id \"bin-day\" is already used by the partner at partners.toml:11:6",
        ),
        ("services.toml:15:9: error", "title is empty"),
        (
            "services.toml:20:6: error",
            "id \"Bulky_Waste\" is not lowercase-kebab",
        ),
        (
            "types.toml:3:9: error",
            "service \"wrong-types\": title should be a string, not integer `3`",
        ),
        (
            "types.toml:11:1: error",
            "service \"unknown-field\" has an unknown field \"titel\" (did you mean \"title\"?)",
        ),
    ];
    let lines = problem_lines(&run.stdout);
    let places: Vec<String> = lines
        .iter()
        .map(|l| l.splitn(3, ": ").take(2).collect::<Vec<_>>().join(": "))
        .collect();
    let expected_places: Vec<&str> = expected.iter().map(|(place, _)| *place).collect();
    assert_eq!(places, expected_places, "\n{}", run.stdout);
    for (line, (place, words)) in lines.iter().zip(expected) {
        assert!(
            line.contains(words),
            "{place}: expected {words:?} in\n{line}"
        );
    }
    assert_eq!(
        summary_line(&run.stdout),
        "24 errors, 2 warnings in 5 files"
    );
    assert_eq!(run.code, 1);
}

#[test]
fn warnings_alone_pass_the_check() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "catalogue.toml",
        r#"[council]
name = "Test District Council"
website = "http://www.example.org"

[[service]]
id = "bin-missed"
title = "Report a missed bin"
summary = "Tell us if we did not empty your bin."
review_by = 2020-03-31
"#,
    );
    let run = check_dir(dir.path());
    assert_no_panic(&run);
    assert_eq!(
        problem_lines(&run.stdout),
        [
            "catalogue.toml:3:11: warning: website \"http://www.example.org\" starts http://; use https:// if the site supports it, so residents' details travel securely",
            "catalogue.toml:9:13: warning: review_by 2020-03-31 has passed; check this entry is still right and set a new date",
        ]
    );
    assert_eq!(summary_line(&run.stdout), "0 errors, 2 warnings in 1 file");
    assert_eq!(run.code, 0);
}

#[test]
fn a_clean_directory_says_what_it_holds() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "catalogue.toml",
        r#"[council]
name = "Test District Council"

[[partner]]
id = "food-bank"
name = "Food bank"
summary = "Emergency food."
review_by = 2099-12-31
"#,
    );
    let run = check_dir(dir.path());
    assert_eq!(
        run.stdout,
        "No problems in 1 file: 0 services, 1 partner, 0 FAQs.\n"
    );
    assert_eq!(run.code, 0);
}

#[test]
fn a_catalogue_without_a_council_is_warned() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "faqs.toml",
        "[[faq]]\nid = \"a\"\nquestion = \"q\"\nanswer = \"a\"\nreview_by = 2099-12-31\n",
    );
    let run = check_dir(dir.path());
    assert_eq!(
        problem_lines(&run.stdout),
        [
            "faqs.toml:1:1: warning: no file has a [council] table; add one with the council's name, phone and website so the desk knows who \"us\" is"
        ]
    );
    assert_eq!(run.code, 0);
}

// ---------------------------------------------------------------------------------------------
// Broken input never makes the command panic

#[test]
fn binary_garbage_is_not_utf8_text() {
    let dir = TempDir::new().unwrap();
    let garbage: Vec<u8> = (0u32..8192)
        .map(|i| (i.wrapping_mul(7919) % 251) as u8)
        .collect();
    fs::write(dir.path().join("garbage.toml"), garbage).unwrap();
    write(dir.path(), "council.toml", "[council]\nname = \"Test\"\n");
    let run = check_dir(dir.path());
    assert_no_panic(&run);
    assert!(
        run.stdout
            .starts_with("garbage.toml:1:1: error: this file is not UTF-8 text"),
        "{}",
        run.stdout
    );
    assert_eq!(summary_line(&run.stdout), "1 error, 0 warnings in 2 files");
    assert_eq!(run.code, 1);
}

#[test]
fn control_characters_are_a_syntax_error() {
    let dir = TempDir::new().unwrap();
    let text: String = (0u8..32).map(char::from).cycle().take(3000).collect();
    write(dir.path(), "control.toml", &text);
    let run = check_dir(dir.path());
    assert_no_panic(&run);
    assert!(
        run.stdout
            .starts_with("control.toml:1:1: error: TOML syntax error"),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn a_truncated_file_is_reported() {
    let dir = TempDir::new().unwrap();
    for file in real_files() {
        write(dir.path(), &file.name, &file.text);
    }
    // Cut the first service file in the middle of its first summary.
    let waste = real_files()
        .into_iter()
        .find(|f| f.text.contains("[[service]]"))
        .unwrap();
    let at = waste.text.find("summary = \"").unwrap() + "summary = \"".len() + 5;
    let line = waste.text[..at].lines().count();
    write(dir.path(), &waste.name, &waste.text[..at]);
    let run = check_dir(dir.path());
    assert_no_panic(&run);
    let expected = format!("{}:{line}:", waste.name);
    assert!(
        problem_lines(&run.stdout)
            .iter()
            .any(|l| l.starts_with(&expected) && l.contains("TOML syntax error")),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
}

#[test]
fn wrong_types_are_reported_at_their_values() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "types.toml",
        r#"[council]
name = ["not", "a", "string"]

[[service]]
id = "a"
title = "t"
summary = "s"
lgsl = "524"
review_by = 2099-12-31

[[partner]]
id = "b"
name = "n"
summary = "s"
hours = 5
review_by = true

[[faq]]
id = 7

synonyms = "none"
"#,
    );
    let run = check_dir(dir.path());
    assert_no_panic(&run);
    let lines = problem_lines(&run.stdout);
    assert_eq!(
        lines,
        [
            "types.toml:2:8: error: this [council]: name should be a string, not an array",
            "types.toml:8:8: error: service \"a\": lgsl should be an array, not string \"524\"",
            "types.toml:15:9: error: partner \"b\": hours should be an array, not integer `5`",
            "types.toml:19:6: error: this [[faq]]: id should be a string, not integer `7`",
        ],
        "\n{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn a_50_mb_file_is_too_large_and_is_not_read() {
    let dir = TempDir::new().unwrap();
    let huge = fs::File::create(dir.path().join("huge.toml")).unwrap();
    huge.set_len(50 * 1024 * 1024).unwrap();
    drop(huge);
    write(dir.path(), "council.toml", "[council]\nname = \"Test\"\n");
    let run = check_dir(dir.path());
    assert_no_panic(&run);
    assert_eq!(
        problem_lines(&run.stdout),
        [
            "huge.toml:1:1: error: this file is 50 MB, larger than the 16 MB a catalogue file may be; split it into several files"
        ]
    );
    assert_eq!(run.code, 1);
}

#[test]
fn an_empty_directory_is_reported() {
    let dir = TempDir::new().unwrap();
    let run = check_dir(dir.path());
    assert_no_panic(&run);
    assert!(
        run.stdout
            .contains("cannot check this catalogue directory: it has no .toml files"),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn a_missing_directory_is_reported() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("not-here");
    let run = check_dir(&missing);
    assert_no_panic(&run);
    assert!(
        run.stdout.contains("cannot check this catalogue directory: it does not exist or is not a directory; check the path given with --catalogue"),
        "{}",
        run.stdout
    );
    assert_eq!(summary_line(&run.stdout), "1 error, 0 warnings in 0 files");
    assert_eq!(run.code, 1);
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    for text in [
        format!("a = {}", "[".repeat(100_000)),
        format!("a = {}{}", "[".repeat(5_000), "]".repeat(5_000)),
        format!("a = {}", "{ b = ".repeat(50_000)),
        "a.".repeat(50_000) + "b = 1",
    ] {
        let (files, problems) = checked("deep.toml", text);
        assert!(!problems.is_empty());
        assert_well_formed(&files, &problems);
    }
}

#[test]
fn values_with_newlines_stay_on_one_line() {
    let (files, problems) = checked(
        "a.toml",
        "[council]\nname = \"x\"\nphone = \"0\\n1\\r2\"\nwebsite = \"\"\"\nhttps://\nexample.org\"\"\"\n"
            .to_string(),
    );
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(messages.len(), 4, "{messages:?}");
    assert_well_formed(&files, &problems);
    assert!(
        messages[0].starts_with(r"phone has a line break (\u{a}) at character 2;"),
        "{messages:?}"
    );
    assert!(
        messages[1].starts_with(r#"phone "0\n1\r2" is not a UK phone number"#),
        "{messages:?}"
    );
    assert!(
        messages[2].starts_with(r"website has a line break (\u{a}) at character 9;"),
        "{messages:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Properties: check_files never panics and always gives well-formed problems

#[test]
fn every_prefix_of_every_real_file_is_checked_without_panic() {
    for file in real_files() {
        // Every prefix of small files; a spread of about 1,500 prefixes of large ones.
        let step = (file.text.len() / 1500).max(1);
        let mut cut = 0;
        while cut <= file.text.len() {
            if file.text.is_char_boundary(cut) {
                let (files, problems) = checked(&file.name, file.text[..cut].to_string());
                assert_well_formed(&files, &problems);
            }
            cut += step;
        }
    }
}

/// Pieces of catalogue TOML, valid and not, to put together at random.
const TOKENS: &[&str] = &[
    "[council]",
    "[[service]]",
    "[[partner]]",
    "[[faq]]",
    "[[body]]",
    "[[synonyms]]",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    ",",
    "=",
    "\n",
    " ",
    "\"",
    "'",
    "'''",
    "\"\"\"",
    "#",
    ".",
    "id",
    "title",
    "summary",
    "name",
    "question",
    "answer",
    "provider",
    "related",
    "signpost",
    "lgsl",
    "hours",
    "days",
    "opens",
    "closes",
    "review_by",
    "words",
    "online",
    "url",
    "phone",
    "email",
    "tier",
    "website",
    "\"bin-missed\"",
    "\"food-bank\"",
    "\"council\"",
    "\"county\"",
    "\"Monday to Friday\"",
    "\"09:00\"",
    "\"24:00\"",
    "\"9am\"",
    "2027-06-30",
    "2001-01-01",
    "2027-02-30",
    "0",
    "3",
    "-1",
    "1e999",
    "true",
    "\"\"",
    "\"https://www.example.org\"",
    "\"01632 960000\"",
    "\"é\"",
    "\u{0}",
    "\u{feff}",
    "\r\n",
    "\\",
    "\\u0000",
    "\\uD800",
];

fn soup() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(TOKENS), 0..120)
        .prop_map(|tokens| tokens.concat())
}

/// Catalogue-shaped soup: a header, then `key = value` lines drawn from the tokens.
fn shaped_soup() -> impl Strategy<Value = String> {
    let line = (
        proptest::sample::select(TOKENS),
        proptest::sample::select(TOKENS),
    )
        .prop_map(|(key, value)| format!("{key} = {value}\n"));
    (
        proptest::sample::select(&TOKENS[..6]),
        proptest::collection::vec(line, 0..30),
    )
        .prop_map(|(header, lines)| format!("{header}\n{}", lines.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let (files, problems) = checked("any.toml", text);
        assert_well_formed(&files, &problems);
    }

    #[test]
    fn arbitrary_bytes_as_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let (files, problems) = checked("bytes.toml", String::from_utf8_lossy(&bytes).into_owned());
        assert_well_formed(&files, &problems);
    }

    #[test]
    fn random_byte_flips_in_a_real_file_never_panic(
        pick in any::<prop::sample::Index>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12),
    ) {
        let files = real_files();
        let file = pick.get(&files);
        let mut bytes = file.text.clone().into_bytes();
        if !bytes.is_empty() {
            for (at, byte) in &flips {
                let i = at.index(bytes.len());
                bytes[i] = *byte;
            }
        }
        let (files, problems) = checked(&file.name, String::from_utf8_lossy(&bytes).into_owned());
        assert_well_formed(&files, &problems);
    }

    #[test]
    fn token_soup_never_panics(text in soup()) {
        let (files, problems) = checked("soup.toml", text);
        assert_well_formed(&files, &problems);
    }

    #[test]
    fn catalogue_shaped_soup_never_panics(text in shaped_soup()) {
        let (files, problems) = checked("shaped.toml", text);
        assert_well_formed(&files, &problems);
    }

    #[test]
    fn several_broken_files_together_never_panic(a in shaped_soup(), b in soup(), c in shaped_soup()) {
        let files: Vec<SourceFile> = [a, b, c]
            .into_iter()
            .enumerate()
            .map(|(i, text)| SourceFile { name: format!("{i}.toml"), text })
            .collect();
        let report = CheckReport::of_files(&files, today());
        assert_well_formed(&files, &report.problems);
    }
}

// ---------------------------------------------------------------------------------------------
// Properties: what opening hours say agrees with itself

const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Monday to Friday",
    "Friday to Monday",
    "weekdays",
    "weekends",
    "every day",
    "Mon, Wed and Fri",
    "Tuesday and Thursday",
    "Sat",
    "Mondy",
    "",
];
const TIMES: &[&str] = &[
    "00:00", "06:00", "09:00", "09:30", "12:00", "13:30", "17:00", "20:00", "23:59", "24:00",
    "9am", "25:00",
];

fn opening_hours() -> impl Strategy<Value = Vec<OpeningTimes>> {
    let entry = (
        proptest::sample::select(DAYS),
        proptest::sample::select(TIMES),
        proptest::sample::select(TIMES),
    )
        .prop_map(|(days, opens, closes)| OpeningTimes {
            days: days.to_string(),
            opens: opens.to_string(),
            closes: closes.to_string(),
        });
    proptest::collection::vec(entry, 0..5)
}

fn moment() -> impl Strategy<Value = NaiveDateTime> {
    (0i64..14, 0u32..24, 0u32..60).prop_map(|(day, hour, minute)| {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap() + Duration::days(day);
        date.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn open_now_agrees_with_is_open_at(hours in opening_hours(), at in moment()) {
        let open = hours::is_open_at(&hours, at);
        let now = hours::open_now(&hours, at);
        let midnight = |days: u32| at.date().and_time(NaiveTime::MIN) + Duration::days(i64::from(days));
        match now {
            OpenNow::Unknown => prop_assert!(!open),
            OpenNow::Open { until: None } => {
                prop_assert!(open);
                for hour in 0..24 * 7 {
                    prop_assert!(hours::is_open_at(&hours, at + Duration::hours(hour)));
                }
            }
            OpenNow::Open { until: Some(end) } => {
                prop_assert!(open);
                let end = midnight(end.days_ahead) + Duration::minutes(i64::from(end.time.minutes()));
                prop_assert!(!hours::is_open_at(&hours, end), "open at its closing time {end}");
                prop_assert!(hours::is_open_at(&hours, end - Duration::minutes(1)));
            }
            OpenNow::Closed { next_opening } => {
                prop_assert!(!open);
                if let Some(start) = next_opening {
                    let start = midnight(start.days_ahead) + Duration::minutes(i64::from(start.time.minutes()));
                    prop_assert!(start > at);
                    prop_assert!(hours::is_open_at(&hours, start), "closed at its opening time {start}");
                    prop_assert!(!hours::is_open_at(&hours, start - Duration::minutes(1)));
                }
            }
        }
        // Plain words, whatever the hours.
        prop_assert!(!now.to_string().is_empty());
        // One line per set of days (sessions on the same days share it), each naming every
        // session's times; an entry that is not well formed is shown as written.
        let lines = hours::describe(&hours);
        let mut day_sets = Vec::new();
        let mut as_written = 0;
        for times in &hours {
            match hours::parse_session(times) {
                Ok(session) => {
                    let days = format!("{}: ", session.days.describe()).to_lowercase();
                    let times_text = session.describe_times();
                    prop_assert!(
                        lines.iter().any(|l| l.to_lowercase().starts_with(&days) && l.contains(&times_text)),
                        "no line says {days}{times_text}: {lines:?}"
                    );
                    if !day_sets.contains(&session.days) {
                        day_sets.push(session.days);
                    }
                }
                Err(_) => {
                    let written = format!("{}: {} to {}", times.days.trim(), times.opens.trim(), times.closes.trim());
                    prop_assert!(lines.contains(&written), "{written} is not shown as written: {lines:?}");
                    as_written += 1;
                }
            }
        }
        prop_assert_eq!(lines.len(), day_sets.len() + as_written, "{:?}", lines);
    }
}
