//! Welsh all the way: every screen (and its help, and the status sentences that tasks leave on
//! it), the slip as text and HTML, every report format and an accessible-mode transcript, all in
//! Welsh, and not one English word of the program's own among them.
//!
//! The program's own English words are found, not listed: every word of the English texts in
//! `src/text` (every label and sentence, said with sample values, and every key's hint and
//! description) that no Welsh text uses. The catalogue's content (names, titles, addresses, what
//! to say: content staff write, which may be English) is allowed where it is shown as written: a
//! word is excused when three words around it, as shown, are the catalogue's own, or when it is
//! a name of three words or fewer ("English", "Exampleton"). Opening hours are checked, as the
//! desk words those itself.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::KeyCode;
use frontdesk::catalogue::Catalogue;
use frontdesk::config::UnitCosts;
use frontdesk::demo::{DemoPlan, visits as demo_visits};
use frontdesk::desk::{Mode, Screen};
use frontdesk::report::{Period, Report, desks_for};
use frontdesk::slip::{Slip, SlipLanguage};
use frontdesk::store::VisitLog;
use frontdesk::text::{self, Language};
use frontdesk::tui::headless::Headless;
use frontdesk::tui::keymap::Keymap;
use tempfile::TempDir;

/// Monday 23 November 2026, 10:15 in the morning, UK time (GMT).
fn monday_morning() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T10:15:00+00:00").unwrap()
}

const DESK: &str = "Front desk";

/// Words that are names here, not the program's English: the desk's name, and key caps.
const ALLOWED: &[&str] = &[
    "front",
    "desk",
    "home",
    "end",
    "delete",
    "backspace",
    "space",
    "pgup",
    "pgdn",
    "alt",
    "ctrl",
    "shift",
    "esc",
    "enter",
    "tab",
    "qr",
    "frontdesk",
    "del",
    "left",
    "right",
    "up",
    "down",
];

fn words_of(text: &str) -> Vec<String> {
    // A name with an underscore (a config key such as `log_visit`) is written the same in
    // every language: it is no word of either.
    text.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '_')
        .filter(|w| !w.contains('_'))
        .flat_map(|w| w.split('\''))
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect()
}

/// Every string in a JSON value but the opening hours (which the desk words itself).
fn json_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(fields) => {
            for (key, v) in fields {
                if !matches!(
                    key.as_str(),
                    "hours" | "days" | "opens" | "closes" | "closed"
                ) {
                    json_strings(v, out);
                }
            }
        }
        _ => {}
    }
}

/// The catalogue's content as the checks need it: the words of its short strings (names, ids,
/// languages) and every run of two and three words of all its strings.
struct Content {
    names: BTreeSet<String>,
    words: BTreeSet<String>,
    runs: BTreeSet<Vec<String>>,
}

fn content(catalogue: &Catalogue) -> Content {
    let mut strings = Vec::new();
    let values = [
        serde_json::to_value(&catalogue.council).unwrap(),
        serde_json::to_value(&catalogue.bodies).unwrap(),
        serde_json::to_value(&catalogue.services).unwrap(),
        serde_json::to_value(&catalogue.partners).unwrap(),
        serde_json::to_value(&catalogue.faqs).unwrap(),
        serde_json::to_value(&catalogue.scripts).unwrap(),
        serde_json::to_value(&catalogue.appointments).unwrap(),
    ];
    for value in &values {
        json_strings(value, &mut strings);
    }
    let mut names = BTreeSet::new();
    let mut all = BTreeSet::new();
    let mut runs = BTreeSet::new();
    for string in &strings {
        let words = words_of(string);
        all.extend(words.iter().cloned());
        if words.len() <= 3 {
            names.extend(words.iter().cloned());
        }
        for n in [2, 3] {
            for run in words.windows(n) {
                runs.insert(run.to_vec());
            }
        }
    }
    Content {
        names,
        words: all,
        runs,
    }
}

/// Every key's hint and description in `lang`, on every screen.
fn key_texts(lang: Language) -> Vec<String> {
    let keymap = Keymap::default();
    let mut out = Vec::new();
    for mode in Mode::ALL {
        let screen = format!("{mode:?}");
        for binding in keymap.bindings(mode) {
            let command = binding.command.name();
            out.push(
                text::keys::description(lang, &screen, &command, binding.description).to_string(),
            );
            if let Some(hint) = binding.hint {
                out.push(text::keys::hint(lang, &screen, &command, hint).to_string());
            }
        }
    }
    out
}

/// The program's own English words: in an English text, in no Welsh one.
fn english_words() -> BTreeSet<String> {
    let texts = |lang| {
        let mut all: Vec<String> = text::all::every_text(lang)
            .into_iter()
            .map(|t| t.words)
            .collect();
        all.extend(key_texts(lang));
        all.iter()
            .flat_map(|t| words_of(t))
            .collect::<BTreeSet<_>>()
    };
    let welsh = texts(Language::Welsh);
    texts(Language::English)
        .into_iter()
        .filter(|w| !welsh.contains(w) && !ALLOWED.contains(&w.as_str()))
        .collect()
}

/// The checks of one sweep: the English words to find, and the content that excuses them.
struct Sweep {
    english: BTreeSet<String>,
    content: Content,
    /// The commands' names, as the config file's `[keys]` table (and wide help) shows them.
    commands: BTreeSet<String>,
}

impl Sweep {
    fn new(catalogue: &Catalogue) -> Sweep {
        let keymap = Keymap::default();
        let commands = Mode::ALL
            .iter()
            .flat_map(|mode| keymap.bindings(*mode).iter().map(|b| b.command.name()))
            .collect();
        Sweep {
            english: english_words(),
            content: content(catalogue),
            commands,
        }
    }

    /// Each English word of the program's in `shown`, with the line it is on. A line is cut into
    /// pieces at box lines, bars and wide gaps (columns side by side), and a word is excused
    /// when it is part of the catalogue's content as written (see the module's comment).
    fn english_in(&self, shown: &str) -> Vec<String> {
        let mut found = Vec::new();
        for line in shown.lines() {
            let line = self.without_command_names(line);
            let pieces = line
                .split(|c: char| {
                    ('\u{2500}'..='\u{259f}').contains(&c) || matches!(c, '|' | '·' | '–')
                })
                .flat_map(|p| p.split("  "));
            for piece in pieces {
                let mut words = words_of(piece);
                // A piece cut short ("Help with energy bills and keep…") ends in part of a word.
                if piece.trim_end().ends_with('…') {
                    words.pop();
                }
                for (i, word) in words.iter().enumerate() {
                    if self.english.contains(word) && !self.excused(&words, i) {
                        found.push(format!("'{word}' in: {}", line.trim()));
                    }
                }
            }
        }
        found
    }

    /// The line without the commands' names: identifiers (`page_up`, even glued to the
    /// description before them), and a name ending a line of wide help (`save`).
    fn without_command_names(&self, line: &str) -> String {
        let mut kept: Vec<&str> = line
            .split(' ')
            .map(|token| {
                if !token.contains('_') {
                    return token;
                }
                let start = token
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .last()
                    .map_or(token.len(), |(i, _)| i);
                &token[..start]
            })
            .collect();
        let is_border = |t: &str| t.chars().all(|c| c == '│');
        if let Some(last) = kept.iter().rposition(|t| !is_border(t))
            && self.commands.contains(kept[last])
        {
            kept[last] = "";
        }
        kept.join(" ")
    }

    fn excused(&self, words: &[String], i: usize) -> bool {
        if self.content.names.contains(&words[i]) {
            return true;
        }
        // A word on its own (a line wrapped inside the catalogue's text) is excused when the
        // catalogue has it.
        if words.len() == 1 {
            return self.content.words.contains(&words[0]);
        }
        let n = words.len().min(3);
        if n < 2 {
            return false;
        }
        let first = i.saturating_sub(n - 1);
        (first..=i)
            .filter(|start| start + n <= words.len())
            .any(|start| self.content.runs.contains(&words[start..start + n]))
    }
}

/// The readable text of an HTML page: no style, no SVG, no tags, no entities.
fn html_text(page: &str) -> String {
    let mut text = page.to_string();
    for (open, close) in [("<style", "</style>"), ("<svg", "</svg>"), ("<!--", "-->")] {
        while let Some(start) = text.find(open) {
            let Some(end) = text[start..].find(close) else {
                break;
            };
            text.replace_range(start..start + end + close.len(), " ");
        }
    }
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// A desk in Welsh with a log of made-up visits, so today and the report have figures.
fn welsh_desk(data: &Path, width: u16, height: u16) -> Headless {
    let catalogue = Catalogue::embedded().unwrap();
    let plan = DemoPlan {
        visits: 40,
        days: 7,
        seed: 3,
        last_day: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    };
    let mut log = VisitLog::new(data.join("visits.sqlite3"));
    log.replace_desk(DESK, demo_visits(&catalogue, DESK, plan))
        .unwrap();
    let mut desk = Headless::new(catalogue, monday_morning(), width, height).with_visit_log(data);
    desk.app.lang = Language::Welsh;
    desk
}

/// Walks the desk through its screens and tasks, keeping every screen drawn on the way.
fn every_screen(desk: &mut Headless) -> Vec<(String, String)> {
    let mut shots: Vec<(String, String)> = Vec::new();
    let mut shot = |desk: &mut Headless, name: &str| {
        shots.push((name.to_string(), desk.screen()));
    };
    shot(desk, "search, empty");
    desk.press(KeyCode::F(1));
    shot(desk, "help on search");
    desk.press(KeyCode::Esc);
    desk.type_text("zzqxw");
    shot(desk, "no matches");
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::F(6));
    shot(desk, "nothing for a slip");
    desk.press(KeyCode::F(4));
    shot(desk, "new resident");
    // A Welsh-speaking resident: the resident screen and the slip are Welsh too.
    desk.press(KeyCode::F(8));
    shot(desk, "resident's language");

    // A service: its details, help, the resident screen in both languages, the slip.
    desk.type_text("pay council tax");
    shot(desk, "results");
    desk.press(KeyCode::Enter);
    shot(desk, "service details");
    desk.press(KeyCode::Char('?'));
    shot(desk, "help on details");
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Char('s'));
    shot(desk, "show the resident");
    desk.press(KeyCode::F(6));
    shot(desk, "slip");
    desk.press(KeyCode::Char('?'));
    shot(desk, "help on the slip");
    desk.press(KeyCode::Esc);
    // Round the slip's languages (both, English) and back to Welsh.
    for _ in 0..3 {
        desk.press(KeyCode::F(8));
    }
    shot(desk, "slip in Welsh again");
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Esc);

    // A partner, with its opening hours.
    desk.type_text("citizens advice");
    desk.press(KeyCode::Enter);
    shot(desk, "partner details");
    desk.press(KeyCode::Char('s'));
    shot(desk, "partner shown to the resident");
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Esc);

    // The form: the outcome missing, personal data in the note, saved.
    desk.type_text("bulky waste");
    desk.press(KeyCode::F(2));
    shot(desk, "visit form");
    desk.press(KeyCode::F(1));
    shot(desk, "help on the form");
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Enter);
    shot(desk, "no outcome");
    desk.press(KeyCode::Char('1'));
    for _ in 0..12 {
        desk.press(KeyCode::Tab);
        if desk.app.mode() == Mode::FormText {
            break;
        }
    }
    shot(desk, "the note");
    desk.type_text("email jo.bloggs@gmail.com");
    desk.press(KeyCode::Enter);
    shot(desk, "personal data in the note");
    desk.ctrl('r');
    shot(desk, "saved");

    // Today: the list, undo asked and kept.
    desk.press(KeyCode::F(3));
    shot(desk, "today");
    desk.press(KeyCode::Char('?'));
    shot(desk, "help on today");
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Char('u'));
    shot(desk, "undo asked");
    desk.press(KeyCode::Esc);
    shot(desk, "undo kept");
    desk.press(KeyCode::Esc);

    // The report.
    desk.press(KeyCode::F(7));
    shot(desk, "report");
    desk.press(KeyCode::Char('w'));
    shot(desk, "report, this week");
    // Calendar periods: the week before, this month and the month before.
    desk.press(KeyCode::Left);
    shot(desk, "report, the week before");
    desk.press(KeyCode::Char('m'));
    shot(desk, "report, this month");
    desk.press(KeyCode::Left);
    shot(desk, "report, the month before");
    desk.press(KeyCode::Char('?'));
    shot(desk, "help on the report");
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Esc);

    // A script, walked to its end.
    desk.type_text("missed bin");
    for _ in 0..10 {
        if matches!(desk.app.screen(), Screen::Script(_)) {
            break;
        }
        desk.press(KeyCode::Down);
        if desk
            .app
            .selected_entry()
            .is_some_and(|key| matches!(key.kind, frontdesk::catalogue::Kind::Script))
        {
            desk.press(KeyCode::Enter);
        }
    }
    shot(desk, "script");
    desk.press(KeyCode::Char('?'));
    shot(desk, "help on the script");
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Char('9'));
    shot(desk, "no such option");
    for _ in 0..8 {
        desk.press(KeyCode::Enter);
        desk.press(KeyCode::Char('1'));
        shot(desk, "script step");
    }
    desk.press(KeyCode::F(2));
    shot(desk, "form from a script");
    shots
}

#[test]
fn every_screen_in_welsh_has_no_english_of_the_programs_own() {
    let catalogue = Catalogue::embedded().unwrap();
    let sweep = Sweep::new(&catalogue);
    assert!(
        ["visit", "resident", "monday", "open", "closed", "midday"]
            .iter()
            .all(|w| sweep.english.contains(*w)),
        "the English words are found from the English texts: {:?}",
        sweep.english
    );
    let mut problems = Vec::new();
    for (width, height) in [(120, 40), (80, 24)] {
        let data = TempDir::new().unwrap();
        let mut desk = welsh_desk(data.path(), width, height);
        for (name, screen) in every_screen(&mut desk) {
            // FRONTDESK_SWEEP_SHOW=1 prints every screen swept, to read the Welsh.
            if std::env::var_os("FRONTDESK_SWEEP_SHOW").is_some() {
                println!("== {name} ({width}x{height})\n{screen}");
            }
            for found in sweep.english_in(&screen) {
                problems.push(format!("{name} ({width}x{height}): {found}"));
            }
            // The calendar periods are named in Welsh in the report's title.
            for (shot, period) in [
                ("report, the week before", "Wythnos 16 Tachwedd"),
                ("report, the month before", "Hydref 2026"),
            ] {
                if name == shot {
                    assert!(screen.contains(period), "{name}: {period}\n{screen}");
                }
            }
        }
    }
    problems.dedup();
    assert!(
        problems.is_empty(),
        "English on Welsh screens:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_welsh_slip_from_the_desk_and_its_html_are_welsh() {
    let catalogue = Catalogue::embedded().unwrap();
    let sweep = Sweep::new(&catalogue);
    let data = TempDir::new().unwrap();
    let mut desk = welsh_desk(data.path(), 120, 40);
    desk.type_text("citizens advice");
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::F(8));
    desk.press(KeyCode::F(6));
    let Screen::Slip(view) = desk.app.screen().clone() else {
        panic!("not on the slip: {:?}", desk.app.screen());
    };
    assert_eq!(view.language, SlipLanguage::Welsh);
    let slips = desk.app.slips(&view);
    let text = frontdesk::slip::plain::render_all(&slips);
    let html = frontdesk::slip::html::render_all(&slips);
    let mut problems = sweep.english_in(&text);
    problems.extend(sweep.english_in(&html_text(&html)));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(html.contains("lang=\"cy-GB\""), "{html}");
    // The plain slip straight from the catalogue, too.
    let slip = Slip::new_in(
        Language::Welsh,
        &catalogue,
        &["citizens-advice", "food-bank"],
        &["council-tax-pay"],
        NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(),
    )
    .unwrap();
    let text = frontdesk::slip::plain::render(&slip);
    let problems = sweep.english_in(&text);
    assert!(problems.is_empty(), "{}\n{text}", problems.join("\n"));
}

#[test]
fn every_report_format_in_welsh_has_no_english_of_the_programs_own() {
    let catalogue = Catalogue::embedded().unwrap();
    let sweep = Sweep::new(&catalogue);
    let data = TempDir::new().unwrap();
    let _desk = welsh_desk(data.path(), 80, 24);
    let from = NaiveDate::from_ymd_opt(2026, 11, 17).unwrap();
    let to = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut log = VisitLog::new(data.path().join("visits.sqlite3"));
    let counts = log.report_counts(from, to, &desks_for(None)).unwrap();
    let costs = UnitCosts {
        face_to_face: Some(862),
        phone: Some(283),
        web: Some(15),
    };
    let report = Report::build(
        Period {
            from,
            to,
            desk: None,
        },
        &counts,
        &catalogue,
        costs,
        Language::Welsh,
    );
    let table = frontdesk::report::table::render(&report, Language::Welsh);
    let html = frontdesk::report::html::render(&report, Language::Welsh);
    assert!(html.contains("<html lang=\"cy-GB\">"), "{}", &html[..200]);
    let json = serde_json::to_value(&report).unwrap();
    let csv = frontdesk::report::csv::render(&report).unwrap();
    // In JSON and CSV the names of fields and sections are identifiers, not words shown; the
    // words are the values with a space in them (labels, definitions).
    let mut values = Vec::new();
    json_strings(&json, &mut values);
    let worded = |s: &String| s.contains(' ');
    let csv_values: Vec<String> = csv
        .lines()
        .flat_map(|line| line.split(',').map(str::to_string).collect::<Vec<_>>())
        .filter(worded)
        .collect();
    let mut problems = Vec::new();
    for (format, shown) in [
        ("table", table),
        ("html", html_text(&html)),
        (
            "json",
            values
                .into_iter()
                .filter(worded)
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ("csv", csv_values.join("\n")),
    ] {
        for found in sweep.english_in(&shown) {
            problems.push(format!("{format}: {found}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn an_accessible_transcript_in_welsh_has_no_english_of_the_programs_own() {
    let catalogue = Catalogue::embedded().unwrap();
    let sweep = Sweep::new(&catalogue);
    let data = TempDir::new().unwrap();
    let config = format!(
        "{}/tests/fixtures/empty-config.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let lines = [
        "help",
        "zzqxw",
        "pay council tax",
        "1",
        "help",
        "iaith",
        "dangos",
        "nôl",
        "slip",
        "eto",
        "help",
        "nôl",
        "cofnodi",
        "help",
        "9",
        "1",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "ffoniwch 07700 900123",
        "cadw",
        "heddiw",
        "help",
        "nôl",
        "adroddiad",
        "help",
        "wythnos",
        "nôl",
        "citizens advice",
        "1",
        "nôl",
        "rhywbeth",
        "gadael",
    ];
    let mut input = lines.join("\n");
    input.push('\n');
    let output = assert_cmd::Command::cargo_bin("frontdesk")
        .unwrap()
        .env_clear()
        .env("FRONTDESK_CONFIG", &config)
        .env("FRONTDESK_DESK", DESK)
        .env("FRONTDESK_LANGUAGE", "cy")
        .arg("--data-dir")
        .arg(data.path())
        .current_dir(data.path())
        .arg("--accessible")
        .write_stdin(input)
        .output()
        .unwrap();
    let transcript = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "{transcript}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(transcript.contains("modd hygyrch"), "{transcript}");
    let problems = sweep.english_in(&transcript);
    assert!(
        problems.is_empty(),
        "{}\n\n{transcript}",
        problems.join("\n")
    );
}

/// A desk whose visit log is not a database: saving a visit fails, and the status line says why
/// in Welsh (the file's own path aside).
#[test]
fn a_store_failure_on_a_welsh_desk_is_said_in_welsh() {
    let catalogue = Catalogue::embedded().unwrap();
    let sweep = Sweep::new(&catalogue);
    let data = TempDir::new().unwrap();
    let visits = data.path().join("visits.sqlite3");
    std::fs::write(&visits, "not a database, just words\n".repeat(200)).unwrap();
    let mut desk = Headless::new(catalogue, monday_morning(), 120, 40);
    desk.app.lang = Language::Welsh;
    desk = desk.with_visit_log(data.path());
    desk.type_text("bulky waste");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Enter);
    let said = desk
        .app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(said.contains("Nid yw"), "{said}");
    assert!(said.contains("drafft"), "{said}");
    let without_path = said.replace(&visits.display().to_string(), "F1");
    let problems = sweep.english_in(&without_path);
    assert!(problems.is_empty(), "{}\n{said}", problems.join("\n"));
}

/// Appointments on the command line in Welsh: a booking, the day's list and slots, the
/// resident's slip, a walk-in's ticket called, the waiting list, and the report's appointments
/// section (table and HTML).
#[test]
fn appointments_the_waiting_list_and_their_report_in_welsh_have_no_english_of_the_programs_own() {
    let catalogue = Catalogue::embedded().unwrap();
    let sweep = Sweep::new(&catalogue);
    let data = TempDir::new().unwrap();
    let config = format!(
        "{}/tests/fixtures/empty-config.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let run = |args: &[&str]| -> String {
        let output = assert_cmd::Command::cargo_bin("frontdesk")
            .unwrap()
            .env_clear()
            .env("FRONTDESK_CONFIG", &config)
            .env("FRONTDESK_DESK", DESK)
            .env("FRONTDESK_LANGUAGE", "cy")
            .arg("--data-dir")
            .arg(data.path())
            .current_dir(data.path())
            .args(args)
            .output()
            .unwrap();
        let out = String::from_utf8(output.stdout).unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {out}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        out
    };
    let booking: serde_json::Value = serde_json::from_str(&run(&[
        "appointments",
        "book",
        "--service",
        "homelessness",
        "--next",
        "--needs",
        "hearing-loop",
        "--json",
    ]))
    .unwrap();
    let reference = booking["reference"].as_str().unwrap().to_string();
    let day = booking["at"].as_str().unwrap()[..10].to_string();
    let mut shown = vec![
        (
            "booked",
            run(&[
                "appointments",
                "book",
                "--service",
                "homelessness",
                "--next",
            ]),
        ),
        ("list", run(&["appointments", "list", "--date", &day])),
        ("slots", run(&["appointments", "slots", "--date", &day])),
        (
            "slip",
            run(&["slip", "--appointment", &reference, "--language", "cy"]),
        ),
        (
            "ticket",
            run(&["queue", "add", "--service", "homelessness"]),
        ),
        ("call", run(&["queue", "call"])),
        ("queue", run(&["queue", "list"])),
        ("cancel", run(&["appointments", "cancel", &reference])),
    ];
    let table = run(&["report", "--language", "cy"]);
    assert!(table.contains("Apwyntiadau ac aros"), "{table}");
    shown.push(("report", table));
    let html = run(&["report", "--language", "cy", "--format", "html"]);
    shown.push(("report html", html_text(&html)));
    let mut problems = Vec::new();
    for (what, text) in &shown {
        if std::env::var_os("FRONTDESK_SWEEP_SHOW").is_some() {
            println!("== {what}\n{text}");
        }
        for found in sweep.english_in(text) {
            problems.push(format!("{what}: {found}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// What a failing command printed, without what the user typed or the program's names for
/// things: paths and URLs, flags (`--from`), `KEY=VALUE` and `a_name` words, commands in
/// backticks, the value given, a list of the words a flag takes ("un o:
/// resolved, signposted, ..."), and a server's or the TOML parser's own words quoted after a
/// sentence ("(manylion: \"...\")").
fn without_the_commands_own(said: &str, folder: &str, typed: &[&str]) -> String {
    let mut said = said.replace(folder, " ");
    for aside in [
        "(manylion: \"",
        "(details: \"",
        "(dywed y dosrannydd: \"",
        "(the parser says: \"",
    ] {
        while let Some(start) = said.find(aside) {
            let end = said[start..]
                .find("\")")
                .map_or(said.len(), |e| start + e + 2);
            said.replace_range(start..end, " ");
        }
    }
    while let Some(start) = said.find('`') {
        let Some(len) = said[start + 1..].find('`') else {
            break;
        };
        said.replace_range(start..start + len + 2, " ");
    }
    while let Some(start) = said.find("un o:") {
        let end = said[start..]
            .find([';', '\n'])
            .map_or(said.len(), |e| start + e);
        said.replace_range(start..end, " ");
    }
    said.split(' ')
        .filter(|token| {
            let bare = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            !(token.contains("--")
                || token.contains('=')
                || token.contains('_')
                || token.contains('/')
                || typed.iter().any(|t| !bare.is_empty() && t.contains(bare)))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Commands that fail, on a desk whose config says `language = "cy"`: a bad flag, a date, an id,
/// a missing server or visit log, and a config file with a bad setting. Each says why in Welsh
/// (a file's path, a flag or a field's name as written), and the same commands on an English
/// desk do say English words, so the sweep can find them.
#[test]
fn failing_commands_on_a_welsh_desk_say_why_in_welsh() {
    let catalogue = Catalogue::embedded().unwrap();
    let sweep = Sweep::new(&catalogue);
    let partner = catalogue.partners[0].id.clone();
    let home = TempDir::new().unwrap();
    let folder = home.path().display().to_string();
    let backup = home.path().join("backup.sqlite3").display().to_string();
    let commands: Vec<Vec<&str>> = vec![
        vec!["log", "--service", "no-such-thing", "--outcome", "resolved"],
        vec!["log", "--service", &partner, "--outcome", "resolved"],
        vec!["log", "--service", "bulky-waste"],
        vec!["log", "--service", "bulky-waste", "--outcome", "sorted"],
        vec!["log", "--service", "bulky-waste=sorted"],
        vec![
            "log",
            "--service",
            "bulky-waste",
            "--outcome",
            "resolved",
            "--refer",
            "x=maybe",
        ],
        vec![
            "log",
            "--service",
            "bulky-waste",
            "--outcome",
            "resolved",
            "--note",
            "email jo.bloggs@example.com",
        ],
        vec!["visits", "--from", "2026-13-01"],
        vec!["visits", "--from", "2026-03-02", "--to", "2026-03-01"],
        vec!["slip", "--service", "no-such-thing"],
        vec!["slip", "--partner", "bulky-waste"],
        vec!["script", "show", "no-such-script"],
        vec!["search", " "],
        vec!["sync"],
        vec!["backup", &backup],
        vec!["report", "--central"],
        vec!["report", "--period", "fortnight"],
        vec!["report", "--from", "2026-03-02", "--to", "2026-03-01"],
        vec!["text", "untranslated", "--language", "fr"],
        // What the command line's parser refuses: an option or command that does not exist, a
        // value not allowed, missing or unusable, options that cannot go together, a missing
        // option or command.
        vec!["visits", "--form", "2026-03-01"],
        vec!["serach", "bins"],
        vec!["config", "extra"],
        vec!["report", "--format", "pdf"],
        vec!["visits", "--from"],
        vec!["check", "--as-of", "2026-13-01"],
        vec!["demo-data", "--visits", "0"],
        vec!["search", "--json", "--explain", "bins"],
        vec!["visits", "--json", "--json"],
        vec!["log", "--outcome", "resolved"],
        vec!["catalogue"],
        // A central server with nothing listening.
        vec!["sync", "--server", "postgres://desk@127.0.0.1:1/frontdesk"],
        vec![
            "report",
            "--central",
            "--server",
            "postgres://report@127.0.0.1:1/frontdesk",
        ],
    ];
    let settings = [
        "theme = \"pink\"",
        "retention_days = 0",
        "desk = \"\"",
        "staff = \"07700 900123\"",
        "mouse = \"yes\"",
        "keys = 3",
        "print_command = 3",
        "server = \"http://example.org\"",
        "data_dir = 4",
        "[unit_costs]\nposted = 3",
        // A config file that is not valid TOML, or has a setting frontdesk does not know.
        "desk = \"Main reception",
        "desk \"Main reception\"",
        "retention_days = 7 7",
        "desk = Main",
        "colour = \"blue\"",
    ];
    let run = |language: &str, setting: &str, args: &[&str]| {
        let config = home.path().join(format!("config-{language}.toml"));
        std::fs::write(&config, format!("language = \"{language}\"\n{setting}\n")).unwrap();
        let output = crate::support::frontdesk_with_config(home.path(), &config)
            .args(args)
            .output()
            .unwrap();
        assert!(!output.status.success(), "{args:?} {setting} did not fail");
        String::from_utf8(output.stderr).unwrap()
    };
    let mut english_found = 0;
    let mut checked = 0;
    let cases = commands
        .iter()
        .map(|args| ("", args.clone()))
        .chain(settings.iter().map(|s| (*s, vec!["search", "bins"])));
    for (setting, args) in cases {
        let said = run("cy", setting, &args);
        assert!(said.starts_with("frontdesk: "), "{args:?}: {said}");
        let mut typed = args.clone();
        typed.push(setting);
        let shown = without_the_commands_own(&said, &folder, &typed);
        let problems = sweep.english_in(&shown);
        assert!(
            problems.is_empty(),
            "{args:?} {setting}:\n{}\n{said}",
            problems.join("\n")
        );
        let in_english = run("en", setting, &args);
        let shown = without_the_commands_own(&in_english, &folder, &typed);
        if !sweep.english_in(&shown).is_empty() {
            english_found += 1;
        }
        checked += 1;
    }
    assert_eq!(checked, 47);
    assert!(
        english_found * 4 >= checked * 3,
        "the sweep found English in only {english_found} of {checked} English errors"
    );
}
