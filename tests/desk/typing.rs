//! Typing at the desk, through the real keymap and screens (headless): `?` is typed where text
//! is typed, the search box and the note edit at a cursor with the readline keys, choices and
//! lists move as they are drawn, a discarded visit ends as a saved one does, and the focused
//! field of a long form is always on screen.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use frontdesk::catalogue::Catalogue;
use frontdesk::desk::{Command, Effect, Field, Mode, Screen, TextEdit};
use frontdesk::tui::headless::Headless;
use frontdesk::tui::keymap::{Key, Keymap};
use frontdesk::visit::{OnlineAnswer, Outcome};

use crate::support::{fixture_catalogue as fixture, monday_morning};

fn desk(width: u16, height: u16) -> Headless {
    Headless::new(fixture(), monday_morning(), width, height)
}

fn key(desk: &mut Headless, code: KeyCode, modifiers: KeyModifiers) {
    desk.event(Event::Key(KeyEvent::new(code, modifiers)));
}

fn alt(desk: &mut Headless, c: char) {
    key(desk, KeyCode::Char(c), KeyModifiers::ALT);
}

fn note(desk: &Headless) -> String {
    desk.app
        .draft
        .as_ref()
        .and_then(|d| d.note.clone())
        .unwrap_or_default()
}

/// The row of the screen that holds `text`, and the row itself.
fn row_with(screen: &str, text: &str) -> (u16, String) {
    screen
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains(text))
        .map(|(row, line)| (u16::try_from(row).unwrap(), line.to_string()))
        .unwrap_or_else(|| panic!("'{text}' is not on the screen:\n{screen}"))
}

/// The screen column where `text` starts in `line`.
fn column_of(line: &str, text: &str) -> u16 {
    let byte = line.find(text).expect("the text is on the line");
    u16::try_from(line[..byte].chars().count()).unwrap()
}

// 4. `?` is typed where text is typed; help is F1 everywhere, and `?` where nothing is typed.

#[test]
fn a_question_mark_is_typed_into_the_search_and_f1_opens_help() {
    let mut desk = desk(80, 24);
    desk.type_text("can I pay by card?");
    assert!(!desk.app.help, "? did not open help");
    assert_eq!(desk.app.search.query, "can I pay by card?");
    let screen = desk.screen();
    assert!(screen.contains("│can I pay by card?"), "{screen}");
    desk.press(KeyCode::F(1));
    assert!(desk.app.help, "F1 opens help from the search");
    desk.press(KeyCode::Esc);
    assert_eq!(
        desk.app.search.query, "can I pay by card?",
        "and keeps the query"
    );
}

#[test]
fn a_question_mark_opens_help_where_nothing_is_typed_and_is_typed_into_the_note() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Char('?'));
    assert!(desk.app.help, "? opens help on an entry");
    desk.press(KeyCode::Char('?'));
    assert!(!desk.app.help, "and closes it");
    desk.press(KeyCode::F(3));
    desk.press(KeyCode::Char('?'));
    assert!(desk.app.help, "? opens help on today's list");
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::BackTab);
    desk.press(KeyCode::BackTab);
    assert_eq!(desk.app.mode(), Mode::FormText, "the note has focus");
    desk.type_text("why? 2 forms");
    assert!(!desk.app.help);
    assert_eq!(note(&desk), "why? 2 forms");
}

#[test]
fn help_and_hints_on_the_search_say_f1_not_question_mark() {
    let mut desk = desk(120, 40);
    assert_eq!(desk.keymap.command(Mode::Search, Key::char('?')), None);
    desk.press(KeyCode::F(1));
    let screen = desk.screen();
    let (_, help_row) = row_with(&screen, "Show every key for this screen");
    assert!(
        help_row.contains("F1 ") && !help_row.contains('?'),
        "{help_row}"
    );
    for binding in desk.keymap.bindings(Mode::Search) {
        assert!(
            screen.contains(binding.description),
            "help is missing '{}':\n{screen}",
            binding.description
        );
    }
}

#[test]
fn a_plain_character_bound_in_the_config_is_still_typed_into_the_search() {
    let mut overrides = std::collections::BTreeMap::new();
    overrides.insert("help".to_string(), vec!["F1".to_string(), "?".to_string()]);
    let mut desk = desk(80, 24);
    desk.rebind(Keymap::with_overrides(&overrides).unwrap());
    desk.type_text("bulky?");
    assert_eq!(desk.app.search.query, "bulky?");
    assert!(!desk.app.help);
    desk.press(KeyCode::Enter);
    assert!(matches!(desk.app.screen(), Screen::Detail(_)));
    desk.press(KeyCode::Char('?'));
    assert!(desk.app.help, "and is help on an entry, as configured");
}

// 5. The search box and the note edit at a cursor, with the keys a terminal user expects.

#[test]
fn home_then_typing_puts_the_text_before_the_query_and_the_cursor_follows() {
    let mut desk = desk(80, 24);
    desk.type_text("card");
    desk.press(KeyCode::Home);
    desk.type_text("pay by ");
    assert_eq!(desk.app.search.query, "pay by card");
    let screen = desk.screen();
    assert!(screen.contains("│pay by card"), "{screen}");
    assert_eq!(
        desk.cursor(),
        (8, 2),
        "the cursor is after 'pay by ', before 'card'"
    );
    desk.press(KeyCode::End);
    desk.screen();
    assert_eq!(desk.cursor(), (12, 2), "End puts it after 'card'");
}

#[test]
fn the_readline_keys_edit_the_search() {
    let mut desk = desk(80, 24);
    desk.type_text("pay by card");
    desk.ctrl('w');
    assert_eq!(
        desk.app.search.query, "pay by ",
        "Ctrl-W deletes one word, not the line"
    );
    desk.type_text("phone");
    alt(&mut desk, 'b');
    alt(&mut desk, 'b');
    assert_eq!(
        desk.app.search.cursor, 4,
        "Alt-B goes back a word at a time"
    );
    alt(&mut desk, 'f');
    assert_eq!(desk.app.search.cursor, 7, "Alt-F goes on a word");
    desk.ctrl('u');
    assert_eq!(
        desk.app.search.query, "phone",
        "Ctrl-U deletes back to the start"
    );
    desk.ctrl('e');
    desk.press(KeyCode::Left);
    desk.press(KeyCode::Left);
    desk.ctrl('k');
    assert_eq!(desk.app.search.query, "pho", "Ctrl-K deletes to the end");
    desk.ctrl('a');
    desk.press(KeyCode::Delete);
    assert_eq!(
        desk.app.search.query, "ho",
        "Delete takes the character under the cursor"
    );
    desk.press(KeyCode::Right);
    desk.press(KeyCode::Backspace);
    assert_eq!(desk.app.search.query, "o", "Backspace the one before it");
    key(&mut desk, KeyCode::Right, KeyModifiers::CONTROL);
    assert_eq!(desk.app.search.cursor, 1, "Ctrl-Right also goes on a word");
}

#[test]
fn editing_the_search_searches_again_and_moving_the_cursor_does_not() {
    let mut desk = desk(80, 24);
    desk.type_text("blue badgex");
    desk.press(KeyCode::Home);
    let seq = desk.app.search.seq;
    desk.press(KeyCode::Right);
    desk.press(KeyCode::End);
    assert_eq!(desk.app.search.seq, seq, "a cursor move is not a new query");
    desk.press(KeyCode::Backspace);
    assert_eq!(desk.app.search.query, "blue badge");
    let key = desk.app.selected_entry().unwrap();
    assert_eq!(
        desk.app.catalogue.entry(key).unwrap().title(),
        "Blue Badge parking permit"
    );
}

#[test]
fn a_long_query_scrolls_so_the_cursor_and_the_last_words_show() {
    let mut desk = desk(80, 24);
    let words = "the resident wants to know whether they can pay their council tax by card at the desk today";
    desk.type_text(words);
    let screen = desk.screen();
    let (x, y) = desk.cursor();
    assert_eq!(y, 2);
    assert!(x <= 78, "the cursor is inside the box: {x}");
    let (_, row) = row_with(&screen, "desk today");
    assert!(row.ends_with("desk today │"), "the end shows:\n{row}");
    desk.press(KeyCode::Home);
    let screen = desk.screen();
    assert_eq!(desk.cursor(), (1, 2));
    assert!(screen.contains("│the resident wants"), "{screen}");
}

#[test]
fn wide_characters_put_the_cursor_two_columns_on() {
    let mut desk = desk(80, 24);
    desk.type_text("日本語");
    desk.screen();
    assert_eq!(desk.cursor(), (7, 2));
    desk.press(KeyCode::Left);
    desk.screen();
    assert_eq!(desk.cursor(), (5, 2));
}

#[test]
fn the_note_edits_at_a_cursor_and_left_right_stay_in_it() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::BackTab);
    desk.press(KeyCode::BackTab);
    assert_eq!(desk.app.form.field, Field::Note);
    desk.type_text("needs forms");
    alt(&mut desk, 'b');
    desk.type_text("2 ");
    assert_eq!(note(&desk), "needs 2 forms");
    desk.press(KeyCode::Left);
    desk.press(KeyCode::Left);
    desk.press(KeyCode::Right);
    assert_eq!(
        desk.app.draft.as_ref().unwrap().outcome,
        Some(Outcome::Resolved),
        "Left and Right move in the note, they do not choose"
    );
    desk.press(KeyCode::Delete);
    assert_eq!(
        note(&desk),
        "needs 2forms",
        "Delete edits the note, not the services"
    );
    assert_eq!(desk.app.draft.as_ref().unwrap().services, ["bulky-waste"]);
    let screen = desk.screen();
    let (row, line) = row_with(&screen, "│Note ");
    assert!(line.contains("needs 2forms"), "{line}");
    assert_eq!(
        desk.cursor(),
        (column_of(&line, "needs") + 7, row),
        "the cursor is after 'needs 2':\n{screen}"
    );
    desk.ctrl('u');
    assert_eq!(note(&desk), "forms");
    desk.ctrl('k');
    assert_eq!(
        desk.app.draft.as_ref().unwrap().note,
        None,
        "an emptied note is no note"
    );
    assert!(
        matches!(desk.effects.last(), Some(Effect::SaveDraft(d)) if d.note.is_none()),
        "every edit is kept as a draft"
    );
}

#[test]
fn a_long_note_wraps_and_the_cursor_follows_it() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::BackTab);
    desk.press(KeyCode::BackTab);
    desk.type_text(&"word ".repeat(30));
    desk.type_text(&"x".repeat(100));
    let screen = desk.screen();
    let (first, _) = row_with(&screen, "│Note ");
    let (last, line) = row_with(&screen, "(250/500)");
    assert!(last > first + 2, "the note wraps:\n{screen}");
    let (x, y) = desk.cursor();
    assert_eq!(y, last, "the cursor is on the note's last line:\n{screen}");
    assert_eq!(x, column_of(&line, " (250/500)"), "right after the text");
    desk.press(KeyCode::Home);
    desk.screen();
    assert_eq!(
        desk.cursor(),
        (16, first),
        "Home goes to the note's first character"
    );
    for width in [20, 30, 40] {
        let mut narrow = Headless::new(fixture(), monday_morning(), width, 24);
        narrow.type_text("bulky");
        narrow.press(KeyCode::F(2));
        narrow.press(KeyCode::BackTab);
        narrow.press(KeyCode::BackTab);
        narrow.type_text(&"日本".repeat(40));
        narrow.screen();
        let (x, _) = narrow.cursor();
        assert!(
            x < width,
            "the cursor stays on screen at width {width}: {x}"
        );
    }
}

#[test]
fn the_line_editing_keys_are_commands_nowhere_and_the_note_shows_its_own_keys() {
    let keymap = Keymap::default();
    let editing = [
        Key::ctrl('a'),
        Key::ctrl('e'),
        Key::ctrl('w'),
        Key::ctrl('u'),
        Key::ctrl('k'),
        Key::alt(KeyCode::Char('b')),
        Key::alt(KeyCode::Char('f')),
    ];
    for mode in Mode::ALL {
        for key in editing {
            let command = keymap.command(mode, key);
            assert!(
                command.is_none() || matches!(command, Some(Command::Text(_))),
                "{key} does {command:?} on {mode:?}"
            );
        }
    }
    for mode in [Mode::Search, Mode::FormText] {
        assert_eq!(
            keymap.command(mode, Key::ctrl('w')),
            Some(Command::Text(TextEdit::DeleteWordBack))
        );
        assert_eq!(
            keymap.command(mode, Key::plain(KeyCode::Home)),
            Some(Command::Text(TextEdit::Start))
        );
    }
    assert_eq!(
        keymap.command(Mode::VisitForm, Key::plain(KeyCode::Right)),
        Some(Command::Right),
        "on a choice Right still chooses"
    );
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::BackTab);
    desk.press(KeyCode::BackTab);
    let screen = desk.screen();
    let hints = screen.lines().last().unwrap_or("");
    assert!(
        !hints.contains("tick"),
        "Space types a space in the note: {hints}"
    );
}

#[test]
fn a_key_bound_in_the_config_that_edits_text_is_refused_with_the_reason() {
    let mut overrides = std::collections::BTreeMap::new();
    overrides.insert("today".to_string(), vec!["ctrl-e".to_string()]);
    let error = Keymap::with_overrides(&overrides).unwrap_err();
    assert_eq!(
        error,
        "keys.today: Ctrl-E already does 'text_end' on the search screen; choose another key"
    );
    let mut overrides = std::collections::BTreeMap::new();
    overrides.insert("text_start".to_string(), vec!["ctrl-g".to_string()]);
    let mut desk = desk(80, 24);
    desk.rebind(Keymap::with_overrides(&overrides).unwrap());
    desk.type_text("card");
    desk.ctrl('g');
    desk.type_text("pay by ");
    assert_eq!(
        desk.app.search.query, "pay by card",
        "the editing keys can be rebound"
    );
}

// 6. Choices and lists move as they are drawn.

#[test]
fn right_on_an_outcome_with_nothing_chosen_moves_on_and_space_chooses_the_first() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    assert_eq!(desk.app.draft.as_ref().unwrap().outcome, None);
    desk.press(KeyCode::Right);
    assert_eq!(desk.app.draft.as_ref().unwrap().outcome, None);
    assert_eq!(desk.app.form.field, Field::Demand, "on to the next field");
    desk.press(KeyCode::BackTab);
    desk.press(KeyCode::Char(' '));
    assert_eq!(
        desk.app.draft.as_ref().unwrap().outcome,
        Some(Outcome::Resolved)
    );
    desk.press(KeyCode::Right);
    assert_eq!(
        desk.app.draft.as_ref().unwrap().outcome,
        Some(Outcome::Signposted)
    );
    for _ in 0..4 {
        desk.press(KeyCode::Tab); // demand, helped online, partners, online
    }
    assert_eq!(desk.app.form.field, Field::Online);
    desk.press(KeyCode::Char(' '));
    assert_eq!(
        desk.app.draft.as_ref().unwrap().online,
        Some(OnlineAnswer::Yes),
        "the first answer, not the second"
    );
}

#[test]
fn left_on_a_choice_with_nothing_chosen_moves_to_the_field_before() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Left);
    assert_eq!(desk.app.draft.as_ref().unwrap().outcome, None);
    assert_eq!(desk.app.form.field, Field::Services);
}

#[test]
fn the_partners_are_drawn_one_per_line_and_up_down_move_through_them() {
    let mut desk = desk(80, 24);
    desk.type_text("homeless");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('2'));
    desk.press(KeyCode::Down);
    assert_eq!(desk.app.form.field, Field::Demand, "Down from the outcome");
    desk.press(KeyCode::Down);
    desk.press(KeyCode::Down);
    assert_eq!(
        desk.app.form.field,
        Field::Partners,
        "Down from how they were helped online"
    );
    let screen = desk.screen();
    let (row, line) = row_with(&screen, "Citizens Advice Exampleton");
    assert!(
        line.contains("Partners       [ ] Citizens Advice"),
        "{line}"
    );
    let (next, line) = row_with(&screen, "Exampleton Food Bank");
    assert_eq!(next, row + 1, "one partner per line:\n{screen}");
    assert!(
        line.starts_with("│               [ ] Exampleton Food Bank"),
        "{line}"
    );
    assert_eq!(desk.cursor().1, row, "the cursor is on the first partner");

    desk.press(KeyCode::Down);
    desk.screen();
    assert_eq!(desk.cursor().1, next, "Down moves to the partner below");
    desk.press(KeyCode::Char(' '));
    assert_eq!(desk.app.draft.as_ref().unwrap().partners, ["food-bank"]);
    desk.press(KeyCode::Down);
    assert_eq!(
        desk.app.form.field,
        Field::Online,
        "past the last, the next field"
    );
    desk.press(KeyCode::Up);
    assert_eq!(desk.app.form.field, Field::Partners);
    assert_eq!(
        desk.app.form.cursor, 1,
        "Up comes back onto the last partner"
    );
    desk.press(KeyCode::Up);
    desk.press(KeyCode::Up);
    assert_eq!(
        desk.app.form.field,
        Field::Assisted,
        "past the first, the field above"
    );
}

// 7. A discarded visit ends as a saved one does.

#[test]
fn after_discarding_the_search_and_timer_start_again_as_after_a_save() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.ctrl('d');
    assert!(desk.app.draft.is_none());
    assert_eq!(*desk.app.screen(), Screen::Search);
    assert_eq!(desk.app.search.query, "", "the old query is gone");
    assert_eq!(desk.app.visit_started, None, "the timer stopped");
    assert!(
        !desk.screen().contains("Visit 0:"),
        "no timer in the title bar"
    );
    desk.type_text("blue badge");
    assert_eq!(desk.app.search.query, "blue badge", "not 'bulkyblue badge'");
    let key = desk.app.selected_entry().unwrap();
    assert_eq!(
        desk.app.catalogue.entry(key).unwrap().title(),
        "Blue Badge parking permit"
    );
    assert_eq!(desk.app.visit_started, Some(monday_morning().to_utc()));
}

#[test]
fn discarding_and_saving_leave_the_desk_in_the_same_state() {
    let ended = |discard: bool| {
        let mut desk = desk(80, 24);
        desk.type_text("bulky");
        desk.press(KeyCode::Enter);
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Char('1'));
        if discard {
            desk.ctrl('d');
        } else {
            desk.press(KeyCode::Enter);
            let Some(Effect::SaveVisit(visit)) = desk.effects.last().cloned() else {
                panic!("no save: {:?}", desk.effects);
            };
            desk.act(frontdesk::desk::Action::VisitSaved(visit));
        }
        assert_eq!(desk.effects.last(), Some(&Effect::ClearDraft));
        (
            desk.app.screens.clone(),
            desk.app.search.clone(),
            desk.app.visit_started,
            desk.app.form.clone(),
            desk.app.draft.is_none(),
        )
    };
    assert_eq!(ended(true), ended(false));
}

// 9. The focused field of a long form is always on screen.

/// Three services that suggest eight partners between them, in the default catalogue.
const THREE_SERVICES: [&str; 3] = ["cost of living", "council tax arrears", "energy bills"];

/// Four services that suggest eleven partners: with the note's warning, taller than the form
/// at 80x24 however the partners are drawn.
const FOUR_SERVICES: [&str; 4] = [
    "cost of living",
    "council tax arrears",
    "energy bills",
    "mental health crisis",
];

/// The visit form with the services found by `queries`, in the default catalogue.
fn form_with(queries: &[&str], partners: usize, width: u16, height: u16) -> Headless {
    let catalogue = Catalogue::embedded().expect("the default catalogue");
    let mut desk = Headless::new(catalogue, monday_morning(), width, height);
    for query in queries {
        desk.type_text(query);
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Esc);
        desk.press(KeyCode::Esc);
    }
    desk.press(KeyCode::F(2));
    let draft = desk.app.draft.as_ref().unwrap();
    assert_eq!(draft.services.len(), queries.len(), "{:?}", draft.services);
    assert_eq!(desk.app.form.partner_options.len(), partners);
    desk
}

fn busy_form(width: u16, height: u16) -> Headless {
    form_with(&THREE_SERVICES, 8, width, height)
}

#[test]
fn at_80x24_the_note_its_cursor_and_its_warning_are_on_screen() {
    let mut desk = form_with(&FOUR_SERVICES, 11, 80, 24);
    desk.press(KeyCode::Char('2'));
    desk.press(KeyCode::BackTab);
    desk.press(KeyCode::BackTab);
    assert_eq!(desk.app.form.field, Field::Note);
    desk.type_text("call back on 07700 900987");
    let screen = desk.screen();
    let (row, line) = row_with(&screen, "│Note ");
    assert!(line.contains("call back on 07700 900987"), "{screen}");
    assert!(row < 21, "the note is inside the form's border:\n{screen}");
    assert_eq!(
        desk.cursor(),
        (column_of(&line, "call") + 25, row),
        "the cursor is after the text"
    );

    desk.press(KeyCode::Enter);
    let screen = desk.screen();
    assert_eq!(desk.app.form.field, Field::Note);
    let (warning, _) = row_with(&screen, "! Looks like a phone number");
    let (note_row, _) = row_with(&screen, "│Note ");
    assert!(
        warning > note_row && warning < 21,
        "the warning is under the note, inside the border:\n{screen}"
    );
    assert!(
        screen.contains("↑ more above"),
        "the form scrolled to show it:\n{screen}"
    );
    assert_eq!(desk.cursor().1, note_row);
}

#[test]
fn moving_through_a_long_form_keeps_the_focused_field_on_screen() {
    let mut desk = form_with(&FOUR_SERVICES, 11, 80, 24);
    let form_bottom = 21;
    for step in 0..20 {
        let screen = desk.screen();
        let (_, y) = desk.cursor();
        assert!(
            (2..form_bottom).contains(&y),
            "step {step}: the cursor ({y}) is outside the form:\n{screen}"
        );
        let label = match desk.app.form.field {
            Field::Services => "Services",
            Field::Outcome => "Outcome",
            Field::Demand => "Demand",
            Field::Assisted => "Helped online",
            Field::Partners => "Partners",
            Field::Online => "Doable online?",
            Field::Reasons => "Why not online",
            Field::Feedback => "Feedback",
            Field::Note => "Note",
            Field::Choice(_) => "Interpreter",
        };
        assert!(
            screen.contains(label),
            "step {step}: {label} is hidden:\n{screen}"
        );
        desk.press(KeyCode::Down);
    }
    let mut desk = form_with(&FOUR_SERVICES, 11, 80, 24);
    let screen = desk.screen();
    assert!(
        screen.contains("↓ more below"),
        "the border says there is more below:\n{screen}"
    );
}

mod snapshots {
    use super::*;

    #[test]
    fn visit_form_with_three_services_and_eight_partners() {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut desk = busy_form(width, height);
            desk.press(KeyCode::Char('2'));
            insta::assert_snapshot!(format!("busy_form_outcome_{width}x{height}"), desk.screen());
            desk.press(KeyCode::BackTab);
            desk.press(KeyCode::BackTab);
            desk.type_text("asked about grants, call 07700 900987");
            desk.press(KeyCode::Enter);
            insta::assert_snapshot!(
                format!("busy_form_note_warning_{width}x{height}"),
                desk.screen()
            );
        }
    }
}
