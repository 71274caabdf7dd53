//! The full screen's small faults, each for the general case, through the real keymap and
//! screens (headless): the log key on a script, a slip at a script's end then the log key, the
//! QR code without colour, today's list cut at a word and paged, the script key where there is
//! none, help on where keys are listed, messages left behind, the bottom bar, the search box
//! come back to, Right on an empty choice and the key to the note.

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyCode;
use frontdesk::catalogue::{Catalogue, Kind};
use frontdesk::config::ThemeName;
use frontdesk::desk::{Field, Mode, Screen};
use frontdesk::tui::headless::Headless;
use frontdesk::tui::theme::Theme;
use ratatui::style::Modifier;
use tempfile::TempDir;

/// Monday 23 November 2026, 10:15 in the morning, UK time (GMT).
fn monday_morning() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T10:15:00+00:00").unwrap()
}

fn desk(width: u16, height: u16) -> Headless {
    Headless::new(
        Catalogue::embedded().unwrap(),
        monday_morning(),
        width,
        height,
    )
}

fn digit(key: u8) -> KeyCode {
    KeyCode::Char(char::from(b'0' + key))
}

/// The bottom row of the screen: the key hints.
fn bottom_bar(screen: &str) -> String {
    screen.lines().last().unwrap_or("").to_string()
}

/// Selects the result `kind` whose id is `id` among the results for `query`.
fn select(desk: &mut Headless, query: &str, kind: Kind, id: &str) {
    desk.type_text(query);
    let catalogue = desk.app.catalogue.clone();
    let row = desk
        .app
        .search
        .results
        .iter()
        .position(|key| key.kind == kind && catalogue.entry(*key).is_some_and(|e| e.id() == id))
        .unwrap_or_else(|| panic!("{query:?} does not find {id}:\n{}", desk.screen()));
    for _ in 0..row {
        desk.press(KeyCode::Down);
    }
}

/// Walks the script on screen to an end by its first option each time, acknowledging urgent
/// steps as asked.
fn walk_to_an_end(desk: &mut Headless) {
    for _ in 0..40 {
        let Screen::Script(view) = desk.app.screen().clone() else {
            panic!("not on a script:\n{}", desk.screen());
        };
        let walk = view.walk(&desk.app.catalogue).unwrap();
        if walk.needs_acknowledgement() {
            desk.press(KeyCode::Enter);
        } else if walk.is_end() {
            return;
        } else {
            desk.press(digit(walk.current().keys()[0]));
        }
    }
    panic!("no end after 40 steps");
}

// ---- The log key on a script ----

#[test]
fn the_log_key_on_a_script_result_starts_its_walk_and_says_why() {
    let catalogue = Catalogue::embedded().unwrap();
    for script in &catalogue.scripts {
        let mut desk = desk(80, 24);
        select(&mut desk, &script.title, Kind::Script, &script.id);
        desk.press(KeyCode::F(2));
        match desk.app.screen() {
            Screen::Script(view) => assert_eq!(view.id, script.id),
            other => panic!("{}: F2 opened {other:?}", script.id),
        }
        assert!(desk.app.draft.is_none(), "{}: no empty visit", script.id);
        let screen = desk.screen();
        assert!(
            screen.contains("A script is walked before it is logged"),
            "{}:\n{screen}",
            script.id
        );
    }
}

#[test]
fn a_slip_at_a_scripts_end_then_the_log_key_logs_the_scripts_visit() {
    let catalogue = Catalogue::embedded().unwrap();
    for script in &catalogue.scripts {
        // Straight from the end, and from the slip previewed at the end: the same visit.
        type Logged = (
            Vec<String>,
            Option<frontdesk::visit::Outcome>,
            Vec<String>,
            Option<Vec<u8>>,
        );
        let mut drafts: Vec<Logged> = Vec::new();
        for with_slip in [false, true] {
            let mut desk = desk(80, 24);
            select(&mut desk, &script.title, Kind::Script, &script.id);
            desk.press(KeyCode::Enter);
            walk_to_an_end(&mut desk);
            if with_slip {
                desk.press(KeyCode::F(6));
                if !matches!(desk.app.screen(), Screen::Slip(_)) {
                    // An end with nothing for a slip: there is no slip to log from.
                    drafts.push(drafts[0].clone());
                    continue;
                }
            }
            desk.press(KeyCode::F(2));
            assert_eq!(*desk.app.screen(), Screen::VisitForm, "{}", script.id);
            let draft = desk.app.draft.clone().unwrap();
            assert!(draft.script.is_some(), "{}: the walk is kept", script.id);
            assert!(!draft.services.is_empty(), "{}: its services", script.id);
            drafts.push((
                draft.services,
                draft.outcome,
                draft.partners,
                draft.script.map(|s| s.path),
            ));
        }
        assert_eq!(drafts[0], drafts[1], "{}", script.id);
    }
}

// ---- The QR code without colour ----

/// The QR code's modules as the screen draws them, read back from the buffer: `None` where
/// no cell is drawn in the QR code's style. A reversed cell's glyph is drawn in the
/// terminal's background colour, a plain one's in its text colour; `dark_glyph` says which of
/// the two is dark.
fn modules_drawn(desk: &mut Headless, reversed: bool) -> Vec<Vec<bool>> {
    desk.screen();
    let buffer = desk.terminal.backend().buffer().clone();
    let area = buffer.area;
    let is_qr = |x: u16, y: u16| {
        let cell = &buffer[(x, y)];
        cell.modifier.contains(Modifier::REVERSED) == reversed
            && ["█", "▀", "▄", " "].contains(&cell.symbol())
    };
    // The code is the widest run of block glyphs on the screen, its rows one under another.
    let mut rows: Vec<(u16, u16, u16)> = Vec::new();
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            if is_qr(x, y) && buffer[(x, y)].symbol() != " " {
                let start = x;
                while x < area.width && is_qr(x, y) {
                    x += 1;
                }
                rows.push((y, start, x));
            }
            x += 1;
        }
    }
    let widest = rows.iter().map(|(_, a, b)| b - a).max().unwrap_or(0);
    assert!(widest > 20, "no QR code on the screen");
    let rows: Vec<&(u16, u16, u16)> = rows.iter().filter(|(_, a, b)| b - a > 20).collect();
    let (top, left) = (rows[0].0, rows[0].1);
    let mut modules = Vec::new();
    for y in top.saturating_sub(1)..area.height {
        let mut upper = Vec::new();
        let mut lower = Vec::new();
        for x in left.saturating_sub(2)..area.width {
            let symbol = buffer[(x, y)].symbol();
            let (u, l) = match symbol {
                "█" => (true, true),
                "▀" => (true, false),
                "▄" => (false, true),
                _ => (false, false),
            };
            upper.push(u);
            lower.push(l);
        }
        modules.push(upper);
        modules.push(lower);
    }
    modules
}

#[test]
fn without_colour_the_qr_code_has_its_own_light_quiet_zone_and_dark_modules() {
    for (theme, reversed) in [
        (ThemeName::Default, true),
        (ThemeName::HighContrast, true),
        (ThemeName::Light, false),
    ] {
        let mut desk = desk(120, 40);
        desk.theme = Theme::new(theme, true);
        select(&mut desk, "bulky waste", Kind::Service, "bulky-waste");
        desk.press(KeyCode::Enter);
        desk.press(KeyCode::Char('s'));
        let screen = desk.screen();
        assert!(matches!(desk.app.screen(), Screen::ShowResident(_)));
        // Every glyph of the code is drawn in one style: reversed on a dark terminal (its
        // light text colour becomes the quiet zone), plain on a light one.
        let buffer = desk.terminal.backend().buffer().clone();
        let blocks: Vec<_> = buffer
            .content()
            .iter()
            .filter(|c| ["█", "▀", "▄"].contains(&c.symbol()))
            .collect();
        assert!(blocks.len() > 100, "{theme:?}: a QR code\n{screen}");
        assert!(
            blocks
                .iter()
                .all(|c| c.modifier.contains(Modifier::REVERSED) == reversed),
            "{theme:?}: reverse video is {reversed}"
        );
        // Read back, the modules are the code's own, inside a quiet zone of light ones.
        let drawn = modules_drawn(&mut desk, reversed);
        let url = "https://www.example.org/bulky-waste";
        let code = qrcode::QrCode::with_error_correction_level(url, qrcode::EcLevel::L).unwrap();
        let width = code.width();
        let colours = code.to_colors();
        // Find the code's top-left dark module in what was drawn: the finder pattern's corner.
        let (oy, ox) = (0..drawn.len())
            .flat_map(|y| (0..drawn[y].len()).map(move |x| (y, x)))
            .find(|(y, x)| drawn[*y][*x])
            .unwrap();
        for y in 0..width {
            for x in 0..width {
                let dark = colours[y * width + x] == qrcode::Color::Dark;
                assert_eq!(drawn[oy + y][ox + x], dark, "{theme:?}: module {x},{y}");
            }
        }
        // The quiet zone: two light modules all round, drawn (not the terminal's own cells).
        for i in 0..width + 4 {
            for (y, x) in [
                (oy - 1, ox - 2 + i),
                (oy + width + 1, ox - 2 + i),
                (oy - 2 + i, ox - 1),
                (oy - 2 + i, ox + width + 1),
            ] {
                assert!(!drawn[y][x], "{theme:?}: quiet zone at {x},{y}");
            }
        }
    }
}

// ---- Today's list ----

/// Logs a visit for the services found by `queries`, resolved.
fn log_visit(desk: &mut Headless, queries: &[&str]) {
    for query in queries {
        desk.type_text(query);
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Esc);
        desk.press(KeyCode::Esc);
    }
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Enter);
    assert!(desk.app.draft.is_none(), "saved:\n{}", desk.screen());
}

#[test]
fn todays_list_cuts_a_long_line_at_a_word_and_pages_with_home_end_pgup_pgdn() {
    let data = TempDir::new().unwrap();
    let mut desk = desk(80, 24).with_visit_log(data.path());
    let long = ["bulky waste", "blue badge", "council tax", "missed bin"];
    log_visit(&mut desk, &long);
    for _ in 0..12 {
        log_visit(&mut desk, &["bulky waste"]);
    }
    desk.press(KeyCode::F(3));
    assert_eq!(*desk.app.screen(), Screen::Today);
    let screen = desk.screen();
    let services = desk.app.today_rows()[0].services.clone();
    // The first visit's services are longer than the column: cut at a word, with "…".
    desk.press(KeyCode::Home);
    let screen_at_top = desk.screen();
    let row = screen_at_top
        .lines()
        .find(|l| l.contains('…'))
        .unwrap_or_else(|| panic!("no cut line:\n{screen}"));
    let shown = row.split('…').next().unwrap();
    let shown = shown
        .rsplit("  ")
        .next()
        .unwrap()
        .trim_start_matches("> ")
        .trim();
    assert!(services.starts_with(shown), "{shown:?} begins {services:?}");
    let next = services[shown.len()..].chars().next();
    assert!(
        matches!(next, Some(' ' | ',')),
        "cut at the end of a word: {shown:?} then {next:?} in {services:?}"
    );
    // Home, End, PgUp and PgDn move through the list.
    let last = desk.app.today.len() - 1;
    assert_eq!(desk.app.today_selected, 0);
    desk.press(KeyCode::End);
    assert_eq!(desk.app.today_selected, last);
    desk.press(KeyCode::PageUp);
    assert!(desk.app.today_selected < last);
    desk.press(KeyCode::PageUp);
    desk.press(KeyCode::PageUp);
    assert_eq!(desk.app.today_selected, 0);
    desk.press(KeyCode::PageDown);
    assert!(desk.app.today_selected > 0);
    desk.press(KeyCode::Home);
    assert_eq!(desk.app.today_selected, 0);
}

// ---- The script key, the bottom bar, help and messages ----

#[test]
fn the_script_key_on_a_service_without_a_script_says_so_and_the_bar_offers_it_only_with_one() {
    let catalogue = Catalogue::embedded().unwrap();
    let mut with = 0;
    let mut without = 0;
    for service in catalogue.services.iter().take(60) {
        let mut desk = desk(80, 24);
        select(&mut desk, &service.title, Kind::Service, &service.id);
        desk.press(KeyCode::Enter);
        assert_eq!(desk.app.mode(), Mode::Detail, "{}", service.id);
        let offered = desk.app.offered_script().is_some();
        let bar = bottom_bar(&desk.screen());
        assert_eq!(bar.contains("F5 script"), offered, "{}: {bar}", service.id);
        desk.press(KeyCode::F(5));
        if offered {
            with += 1;
            assert!(matches!(desk.app.screen(), Screen::Script(_)));
        } else {
            without += 1;
            assert_eq!(desk.app.mode(), Mode::Detail);
            let screen = desk.screen();
            assert!(
                screen.contains(&format!("There is no guided script for {}", service.title))
                    || screen.contains("There is no guided script for"),
                "{}:\n{screen}",
                service.id
            );
            // The message is about this screen: it goes when the screen is left.
            desk.press(KeyCode::Esc);
            assert!(desk.app.status.is_none(), "{}", service.id);
        }
    }
    assert!(
        with > 0 && without > 0,
        "{with} with a script, {without} without"
    );
}

#[test]
fn the_bottom_bar_offers_the_slip_at_a_scripts_end_only() {
    let catalogue = Catalogue::embedded().unwrap();
    for script in &catalogue.scripts {
        let mut desk = desk(80, 24);
        select(&mut desk, &script.title, Kind::Script, &script.id);
        desk.press(KeyCode::Enter);
        let bar = bottom_bar(&desk.screen());
        assert!(!bar.contains("F6"), "{}: mid-script: {bar}", script.id);
        walk_to_an_end(&mut desk);
        let bar = bottom_bar(&desk.screen());
        assert!(
            bar.contains("F2 log visit") && bar.contains("F6 slip"),
            "{}: at the end: {bar}",
            script.id
        );
    }
}

#[test]
fn help_points_to_where_every_key_is_listed() {
    let mut desk = desk(80, 40);
    desk.press(KeyCode::F(1));
    let screen = desk.screen();
    // The sentence wraps after "config".
    assert!(
        screen.contains("table; `frontdesk config")
            && screen.contains("--print` lists every key in use with its command's name."),
        "{screen}"
    );
}

// ---- The search box, come back to ----

#[test]
fn typing_in_the_search_box_come_back_to_replaces_the_query_and_editing_keys_edit_it() {
    let mut desk = desk(80, 24);
    desk.type_text("pothole");
    desk.press(KeyCode::Enter);
    assert_eq!(desk.app.mode(), Mode::Detail);
    desk.press(KeyCode::Esc);
    assert_eq!(desk.app.mode(), Mode::Search);
    assert!(desk.app.search.all_selected, "the old query is selected");
    desk.type_text("missed bin");
    assert_eq!(desk.app.search.query, "missed bin");
    // An editing key keeps the query and edits it.
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::End);
    desk.type_text(" day");
    assert_eq!(desk.app.search.query, "missed bin day");
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Left);
    desk.press(KeyCode::Backspace);
    assert_eq!(desk.app.search.query, "missed bin dy");
    // A delete key empties a selected query.
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Backspace);
    assert_eq!(desk.app.search.query, "");
    // A paste replaces it too.
    desk.type_text("bins");
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Esc);
    desk.act(frontdesk::desk::Action::Paste("council tax".into()));
    assert_eq!(desk.app.search.query, "council tax");
}

// ---- The form ----

#[test]
fn right_on_an_empty_choice_moves_on_and_a_key_shown_on_the_form_goes_to_the_note() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky waste");
    desk.press(KeyCode::F(2));
    assert_eq!(desk.app.form.field, Field::Outcome);
    // Empty: Right moves to the next field, Left to the one before; nothing is chosen.
    desk.press(KeyCode::Right);
    assert_eq!(desk.app.form.field, Field::Demand);
    assert_eq!(desk.app.draft.as_ref().unwrap().outcome, None);
    desk.press(KeyCode::Left);
    assert_eq!(desk.app.form.field, Field::Outcome);
    // Chosen: Right moves through the choices.
    desk.press(KeyCode::Char(' '));
    assert!(desk.app.draft.as_ref().unwrap().outcome.is_some());
    desk.press(KeyCode::Right);
    assert_eq!(desk.app.form.field, Field::Outcome);
    // The key to the note is on the bottom bar and goes there.
    let bar = bottom_bar(&desk.screen());
    assert!(bar.contains("F9 note"), "{bar}");
    desk.press(KeyCode::F(9));
    assert_eq!(desk.app.form.field, Field::Note);
    assert_eq!(desk.app.mode(), Mode::FormText);
    desk.type_text("sofa");
    assert_eq!(
        desk.app.draft.as_ref().unwrap().note.as_deref(),
        Some("sofa")
    );
}
