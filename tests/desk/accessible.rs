//! The accessible mode driven over a pipe, as a screen reader's user or a script drives it: the
//! real binary, lines in on standard input, lines out on standard output, no terminal. Every
//! task of the full screen, and the visit checked in the SQLite file.

use std::path::Path;

use assert_cmd::Command;
use rusqlite::Connection;
use tempfile::TempDir;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The binary in the accessible mode on `data`, with the default config and no terminal.
fn frontdesk(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("frontdesk").unwrap();
    cmd.env_clear()
        .env("FRONTDESK_CONFIG", fixture("empty-config.toml"))
        .env("FRONTDESK_DESK", "Main desk")
        .arg("--data-dir")
        .arg(data);
    cmd
}

/// Runs the accessible mode with `lines` typed, one per line, and returns what it printed.
fn session(data: &Path, lines: &[&str]) -> String {
    session_with(data, Path::new(&fixture("empty-config.toml")), lines)
}

/// The same, with the config file `config`.
fn session_with(data: &Path, config: &Path, lines: &[&str]) -> String {
    let mut input = lines.join("\n");
    input.push('\n');
    let output = frontdesk(data)
        .env("FRONTDESK_CONFIG", config)
        .current_dir(data)
        .arg("--accessible")
        .write_stdin(input)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "exit {:?}\nstdout:\n{stdout}\nstderr:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    assert_plain(&stdout);
    stdout
}

/// No escape sequence, no other control character but the line ends, no box drawing.
fn assert_plain(out: &str) {
    assert!(!out.contains('\u{1b}'), "an escape sequence in:\n{out}");
    for c in out.chars() {
        assert!(
            c == '\n' || !c.is_control(),
            "control character {c:?} in:\n{out}"
        );
        assert!(
            !('\u{2500}'..='\u{259f}').contains(&c),
            "box drawing or block {c:?} in:\n{out}"
        );
    }
}

fn visits(data: &Path) -> Vec<(String, String, Option<String>)> {
    let conn = Connection::open(data.join("visits.sqlite3")).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT v.outcome, group_concat(s.service_id, ','), v.note FROM visits v
             JOIN visit_services s ON s.visit_id = v.id GROUP BY v.id ORDER BY v.started_at",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn partners(data: &Path) -> Vec<String> {
    let conn = Connection::open(data.join("visits.sqlite3")).unwrap();
    let mut stmt = conn
        .prepare("SELECT partner_id FROM visit_partners ORDER BY visit_id, position")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The line after the first that contains `marker`.
fn line_with<'a>(out: &'a str, marker: &str) -> &'a str {
    out.lines()
        .find(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("no line with {marker:?} in:\n{out}"))
}

#[test]
fn every_task_over_a_pipe_search_open_show_slip_script_log_today_undo_edit_report() {
    let data = TempDir::new().unwrap();
    // A printer that copies the slip's text beside the visit log.
    let config = data.path().join("config.toml");
    std::fs::write(
        &config,
        "print_command = [\"sh\", \"-c\", \"cp \\\"$0\\\" printed.txt\"]\n",
    )
    .unwrap();
    let out = session_with(
        data.path(),
        &config,
        &[
            // Search, in the resident's words: one line announces the results.
            "bulky waste",
            // Open the first: "Label: value" lines and numbered links.
            "1",
            // Show the resident: the web address written out, no QR code.
            "show",
            "back",
            // The resident's slip for the service, read out, then printed.
            "slip",
            "print",
            "back",
            // Log it: a question per field; Enter keeps; numbers choose and step partners.
            "log",
            "1",
            "",
            "",
            "1",
            "",
            "",
            "",
            // No interpreter said.
            "",
            // A note with personal data is refused, as on the full screen; a plain one saves.
            "Mrs Jones at 12 High Street",
            "sofa and fridge",
            // Walk a script (a search result): an urgent step waits for 'done'; back steps back.
            "evicted",
            "3",
            // Safety first: no one is at risk now.
            "1",
            "1",
            "2",
            "done",
            "back",
            "3",
            "1",
            "1",
            "1",
            "3",
            "slip",
            "save",
            "back",
            "log",
            "save",
            // Today's list: edit the first visit, then undo the second after being asked.
            "today",
            "edit 1",
            "3",
            "save",
            "undo 2",
            "yes",
            // The report: this desk's figures read out, and saved whole.
            "back",
            "report",
            "save report.html",
            "quit",
        ],
    );
    // Help is listed on the first use of each prompt.
    assert!(out.contains("Type words to search, a number to open a result"));
    assert!(out.contains("Type 'undo' and a number"), "{out}");
    let results = line_with(&out, "results.");
    assert!(
        results.contains("1: Bulky waste collection, Example District Council."),
        "{results}"
    );
    assert!(out.contains("Service: Bulky waste collection"));
    assert!(out.contains("Phone: 01632 960010"));
    assert!(out.contains("Links: 1: Related: Report fly-tipping."));
    assert!(out.contains("Web address: https://www.example.org/bulky-waste"));
    assert!(out.contains("Spelled out: https colon slash slash www dot example dot org"));
    assert!(
        out.contains("Logging the visit, one question a field. Services: Bulky waste collection.")
    );
    assert!(out.contains("Outcome. Choices: 1: Resolved."));
    assert!(out.contains("Note: The note looks like it holds"), "{out}");
    assert!(out.contains("Visit saved: Bulky waste collection. 1 today at this desk."));
    // The slips: read out and printed for the service (with its partner), read out and saved
    // at the script's end (with its partners).
    assert!(
        out.contains("The resident's slip, to print or save:\nWHERE TO GET HELP"),
        "{out}"
    );
    assert!(out.contains("Slip sent to the printer"), "{out}");
    let printed = std::fs::read_to_string(data.path().join("printed.txt")).unwrap();
    assert!(
        printed.contains("Bulky waste collection"),
        "the print command had the slip"
    );
    assert!(printed.contains("Exampleton Furniture Project"));
    let script_slip = &out[out.find("End of the script.").unwrap()..];
    assert!(
        script_slip.contains("1. Shelter emergency helpline"),
        "{script_slip}"
    );
    assert!(script_slip.contains("Slip saved: "), "{script_slip}");
    let saved = std::fs::read_dir(data.path().join("slips"))
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .count();
    assert!(saved > 0, "the slips are kept in the data folder");
    assert!(
        line_with(
            &out,
            "results. 1: Urgent: Illegal eviction or harassment by a landlord"
        )
        .contains("3: Homeless or about to lose your home, guided script"),
        "the script is the third result for 'evicted'"
    );
    // The script: the urgent step first, nothing else until 'done'.
    let urgent = out.find("URGENT - do this now").expect("the urgent step");
    let waited = out[urgent..]
        .find("Type 'done' when you have done this")
        .unwrap();
    assert!(
        out[urgent..urgent + waited]
            .lines()
            .all(|l| !l.starts_with("Options:"))
    );
    assert!(out.contains("End of the script."), "{out}");
    assert!(out.contains("Visit saved: Homeless or at risk of losing your home."));
    assert!(out.contains("2 visits today at Main desk."));
    assert!(out.contains("Visit updated"), "{out}");
    assert!(out.contains("Undo the visit at"), "{out}");
    assert!(out.contains("Visit undone"), "{out}");
    assert!(
        out.contains("Visits: 1. First contact: 0 (0%). Helped online: 0 (0%). Failure demand: -."),
        "{out}"
    );
    assert!(
        out.contains("Bulky waste collection: 1 visit; Referred 1."),
        "{out}"
    );
    assert!(out.contains("The report is saved in report.html."), "{out}");
    let page = std::fs::read_to_string(data.path().join("report.html")).unwrap();
    assert!(page.contains("Bulky waste collection"));
    assert!(out.trim_end().ends_with("Goodbye."));

    // On disk: the first visit, edited to "referred", with its partner and note; the script's
    // visit undone.
    assert_eq!(
        visits(data.path()),
        [(
            "referred".to_string(),
            "bulky-waste".to_string(),
            Some("sofa and fridge".to_string())
        )]
    );
    assert_eq!(partners(data.path()), ["furniture-reuse"]);
    assert!(
        !data
            .path()
            .join("drafts")
            .read_dir()
            .unwrap()
            .any(|f| { f.unwrap().path().extension().is_some_and(|e| e == "json") }),
        "nothing half done is left"
    );
}

#[test]
fn the_end_of_input_keeps_a_half_logged_visit_as_a_draft_and_offers_it_back() {
    let data = TempDir::new().unwrap();
    let out = session(data.path(), &["council tax", "1", "log", "2"]);
    assert!(
        out.contains("The visit being logged is not saved; it is kept as a draft"),
        "{out}"
    );
    assert!(!data.path().join("visits.sqlite3").exists() || visits(data.path()).is_empty());
    // The next start offers it back; saving it puts it on disk.
    let out = session(data.path(), &["log", "save", "quit"]);
    assert!(out.contains("A visit from before was not saved"), "{out}");
    assert!(out.contains("Visit saved"), "{out}");
    assert_eq!(visits(data.path()).len(), 1);
    assert_eq!(visits(data.path())[0].0, "signposted");
}

#[test]
fn bad_input_is_answered_in_a_sentence_and_never_stops_the_session() {
    let data = TempDir::new().unwrap();
    let long = "x".repeat(10_000);
    let out = session(
        data.path(),
        &[
            "42",
            "bins",
            "999",
            "0",
            "1",
            "frobnicate",
            "77",
            "back",
            "back",
            "\u{1b}[2J clear the screen",
            &long,
            "today",
            "undo 5",
            "edit",
            "back",
            "log",
            "9",
            "1 2",
            "1",
            "save",
            "quit",
        ],
    );
    assert!(
        out.contains("There is nothing to choose with 42 here."),
        "{out}"
    );
    assert!(out.contains("999 is not a choice here: type 1 to"), "{out}");
    assert!(out.contains("\"frobnicate\" is not a command here; type 'help' for the list."));
    assert!(out.contains("77 is not a choice here"), "{out}");
    assert!(
        out.contains("There is nothing to choose with 5 here."),
        "{out}"
    );
    assert!(
        out.contains("9 is not a choice here: type 1 to 6."),
        "{out}"
    );
    // A visit with no service is not saved; the form says what to do.
    assert!(out.contains("Type one number here"), "{out}");
    assert!(out.contains("No visits today yet."), "{out}");
    assert!(out.contains("No results for \"xxxxxxxx"), "{out}");
    assert!(
        out.lines().all(|l| l.chars().count() < 1000),
        "long input is cut when said back"
    );
    assert!(
        out.contains("Add at least one service: type 'back', find it, and type 'log' again."),
        "{out}"
    );
    assert!(
        out.contains("No service yet: type 'back' to leave the form"),
        "{out}"
    );
    assert!(!data.path().join("visits.sqlite3").exists() || visits(data.path()).is_empty());
}

#[test]
fn the_mode_is_set_by_flag_variable_or_config_and_a_dumb_terminal_starts_it() {
    let data = TempDir::new().unwrap();
    let by_env = frontdesk(data.path())
        .env("FRONTDESK_ACCESSIBLE", "1")
        .write_stdin("quit\n")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&by_env.stdout).starts_with("frontdesk, accessible mode"));

    let config = data.path().join("config.toml");
    std::fs::write(&config, "accessible = true\n").unwrap();
    let by_file = frontdesk(data.path())
        .env("FRONTDESK_CONFIG", &config)
        .write_stdin("quit\n")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&by_file.stdout).starts_with("frontdesk, accessible mode"));

    let dumb = frontdesk(data.path())
        .env("TERM", "dumb")
        .write_stdin("quit\n")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&dumb.stdout);
    assert!(
        out.starts_with("This terminal (TERM=dumb) cannot draw the full screen"),
        "{out}"
    );
    assert!(out.contains("start it with --accessible"));
    assert_plain(&out);

    let bad = frontdesk(data.path())
        .env("FRONTDESK_ACCESSIBLE", "maybe")
        .write_stdin("quit\n")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr).trim(),
        "frontdesk: FRONTDESK_ACCESSIBLE must be 1 or 0 (or true or false), not \"maybe\""
    );
    std::fs::write(&config, "desk = \"A\"\naccessible = \"yes\"\n").unwrap();
    let bad = frontdesk(data.path())
        .env("FRONTDESK_CONFIG", &config)
        .write_stdin("quit\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr).trim(),
        format!(
            "frontdesk: {}:2: accessible must be true or false (without quotes), not \"yes\"",
            config.display()
        )
    );

    // Without the mode and without a terminal, the full screen says how to get plain lines.
    let refused = frontdesk(data.path()).write_stdin("").output().unwrap();
    assert!(String::from_utf8_lossy(&refused.stderr).contains("frontdesk --accessible"));
}

/// The lines that walk the homelessness script (a search result) to an end with services and
/// partners: safety first, an urgent step done, a step back, then on to the end.
const TO_A_SCRIPTS_END: &[&str] = &[
    "evicted", "3", "1", "1", "2", "done", "back", "3", "1", "1", "1", "3",
];

/// The visits on disk with their partners, ids and times aside.
type VisitRow = (String, String, Option<String>);

fn visits_and_partners(data: &Path) -> (Vec<VisitRow>, Vec<String>) {
    (visits(data), partners(data))
}

#[test]
fn log_typed_on_the_slip_at_a_scripts_end_logs_the_scripts_visit() {
    let straight = TempDir::new().unwrap();
    let mut lines = TO_A_SCRIPTS_END.to_vec();
    lines.extend(["log", "save", "quit"]);
    let out = session(straight.path(), &lines);
    assert!(out.contains("Visit saved: Homeless"), "{out}");
    let from_slip = TempDir::new().unwrap();
    let mut lines = TO_A_SCRIPTS_END.to_vec();
    lines.extend(["slip", "log", "save", "quit"]);
    let out = session(from_slip.path(), &lines);
    assert!(!out.contains("No service on it yet"), "{out}");
    assert!(out.contains("Visit saved: Homeless"), "{out}");
    let (visits, partners) = visits_and_partners(from_slip.path());
    assert_eq!(visits.len(), 1);
    assert!(!partners.is_empty(), "the script's partners are kept");
    assert_eq!(
        (visits, partners),
        visits_and_partners(straight.path()),
        "the same visit, with or without the slip"
    );
}

#[test]
fn discard_note_and_the_shared_commands_work_at_every_prompt() {
    let data = TempDir::new().unwrap();
    let out = session(
        data.path(),
        &[
            // Discard at the search prompt drops the visit being logged; it is not searched.
            "bulky waste",
            "1",
            "log",
            "back",
            "back",
            "back",
            "discard",
            // With nothing being logged, it says so.
            "discard",
            // 'note' goes straight to the note, from the form or from a screen.
            "council tax",
            "1",
            "log",
            "2",
            "language",
            "back",
            "note",
            "paid by card",
            // At the report, the shared commands work besides its own.
            "report",
            "new",
            "slip",
            "quit",
        ],
    );
    assert!(out.contains("Draft discarded."), "{out}");
    assert!(!out.contains("No results for \"discard\""), "{out}");
    assert!(
        out.contains("There is no visit being logged to discard."),
        "{out}"
    );
    assert!(out.contains("Note: type a short note"), "{out}");
    assert!(out.contains("Visit saved: "), "{out}");
    assert!(
        out.contains("The resident's language is Welsh"),
        "'language' on the form:\n{out}"
    );
    assert!(!out.contains("\"new\" is not a command here"), "{out}");
    assert!(!out.contains("\"slip\" is not a command here"), "{out}");
    assert_eq!(visits(data.path()).len(), 1);
    assert_eq!(
        visits(data.path())[0].2.as_deref(),
        Some("paid by card"),
        "the note typed after 'note'"
    );
}

#[test]
fn messages_name_commands_as_they_are_typed_never_pressed() {
    let data = TempDir::new().unwrap();
    let out = session(
        data.path(),
        &[
            "bulky waste",
            "1",
            "log",
            "1",
            "note",
            "Mrs Jones at 12 High Street",
            "log",
            "save",
            "redact",
            "today",
            "undo",
            "back",
            "quit",
        ],
    );
    assert!(
        out.contains("Type 'redact'") || out.contains("type 'redact'"),
        "{out}"
    );
    for pressed in ["Press '", "press '", "press its number"] {
        assert!(!out.contains(pressed), "{pressed:?} in:\n{out}");
    }
}

#[test]
fn a_transcript_reads_the_same_from_one_version_to_the_next() {
    let data = TempDir::new().unwrap();
    let out = session(
        data.path(),
        &[
            "bulky waste",
            "1",
            "log",
            "1",
            "note",
            "sofa and fridge",
            "help",
            "quit",
        ],
    );
    // Nothing in it depends on the day or the clock but the slips' and drafts' folder.
    let out = out.replace(&data.path().display().to_string(), "[data]");
    insta::assert_snapshot!("accessible_transcript_bulky_waste", out);
}

#[test]
fn last_times_answers_are_offered_by_the_field_and_the_word_last_takes_them() {
    let data = TempDir::new().unwrap();
    frontdesk(data.path())
        .args([
            "log",
            "--service",
            "council-tax-pay",
            "--outcome",
            "resolved",
            "--demand",
            "repeat-contact",
        ])
        .assert()
        .success();
    let demand = |data: &Path| -> Vec<Option<String>> {
        let conn = Connection::open(data.join("visits.sqlite3")).unwrap();
        let mut stmt = conn
            .prepare("SELECT demand FROM visits ORDER BY started_at, id")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    // Saved without taking it: nothing recorded for the field.
    let out = session(
        data.path(),
        &["pay council tax", "1", "log", "1", "save", "quit"],
    );
    assert!(
        out.contains("last time: Repeat ('last' takes it)."),
        "{out}"
    );
    assert_eq!(demand(data.path()).len(), 2);
    assert_eq!(demand(data.path())[1], None);
    // 'last' takes it.
    let out = session(
        data.path(),
        &["pay council tax", "1", "log", "1", "last", "save", "quit"],
    );
    assert!(out.contains("Repeat (chosen)"), "{out}");
    assert_eq!(demand(data.path())[2].as_deref(), Some("repeat-contact"));
}
