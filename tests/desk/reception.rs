//! The reception screen, driven without a terminal: keys in, screens out. The clock is fixed, so
//! screens are stable; snapshots live in tests/desk/snapshots/.

use chrono::Duration;
use crossterm::event::KeyModifiers;
use crossterm::event::{Event, KeyCode, MouseButton, MouseEvent, MouseEventKind};
use frontdesk::catalogue::Catalogue;
use frontdesk::desk::{Action, Effect, Mode, Screen};
use frontdesk::tui::headless::Headless;
use frontdesk::visit::Outcome;

use crate::support::{fixture_catalogue as fixture, monday_morning};

fn desk(width: u16, height: u16) -> Headless {
    Headless::new(fixture(), monday_morning(), width, height)
}

/// Finds `query`, logs it as resolved (F2, 1, Enter) and has the store confirm it; returns the
/// visit the screen sent to the store.
fn log_resolved_visit(desk: &mut Headless, query: &str) -> frontdesk::visit::Visit {
    desk.type_text(query);
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Enter);
    let Some(Effect::SaveVisit(visit)) = desk
        .effects
        .iter()
        .rev()
        .find(|e| matches!(e, Effect::SaveVisit(_)))
        .cloned()
    else {
        panic!("no visit was sent to the store: {:?}", desk.effects);
    };
    desk.act(Action::VisitSaved(visit.clone()));
    visit
}

fn selected_title(desk: &Headless) -> String {
    let key = desk.app.selected_entry().expect("something is selected");
    desk.app.catalogue.entry(key).unwrap().title().to_string()
}

#[test]
fn typing_finds_the_service_and_enter_opens_it() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    assert_eq!(selected_title(&desk), "Bulky waste collection");
    let screen = desk.screen();
    assert!(
        screen.contains("│bulky"),
        "the query is shown in the search box:\n{screen}"
    );
    assert!(screen.contains("Bulky waste collection"), "{screen}");
    desk.press(KeyCode::Enter);
    assert!(matches!(desk.app.screen(), Screen::Detail(_)));
    let screen = desk.screen();
    assert!(
        screen.contains("You can book online or by phone"),
        "what to say is on the detail screen:\n{screen}"
    );
    assert!(
        screen.contains("A list of the items"),
        "what to bring is shown:\n{screen}"
    );
    assert!(
        screen.contains("https://www.example.org/bulky-waste"),
        "{screen}"
    );
}

#[test]
fn esc_goes_back_then_clears_the_query() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Esc);
    assert_eq!(*desk.app.screen(), Screen::Search);
    assert_eq!(desk.app.search.query, "bulky", "going back keeps the query");
    desk.press(KeyCode::Esc);
    assert_eq!(
        desk.app.search.query, "",
        "Esc on the search screen clears the query"
    );
    assert_eq!(
        desk.app.search.results.len(),
        desk.app.catalogue.len(),
        "an empty box lists everything"
    );
}

#[test]
fn arrows_and_ctrl_n_ctrl_p_move_the_selection() {
    let mut desk = desk(80, 24);
    assert_eq!(desk.app.search.selected, 0);
    desk.press(KeyCode::Down);
    desk.ctrl('n');
    assert_eq!(desk.app.search.selected, 2);
    desk.ctrl('p');
    assert_eq!(desk.app.search.selected, 1);
    desk.press(KeyCode::Up);
    desk.press(KeyCode::Up);
    assert_eq!(
        desk.app.search.selected, 0,
        "the selection stops at the top"
    );
}

#[test]
fn backspace_edits_the_query_and_results_follow() {
    let mut desk = desk(80, 24);
    desk.type_text("bulkyx");
    assert!(
        desk.app.search.results.is_empty()
            || selected_title(&desk) != "Report a missed bin collection"
    );
    desk.press(KeyCode::Backspace);
    assert_eq!(desk.app.search.query, "bulky");
    assert_eq!(selected_title(&desk), "Bulky waste collection");
}

#[test]
fn other_providers_are_marked_not_us() {
    let mut desk = desk(80, 24);
    desk.type_text("blue badge");
    assert_eq!(selected_title(&desk), "Blue Badge parking permit");
    let screen = desk.screen();
    assert!(
        screen.contains("[county]"),
        "the list marks the county's service:\n{screen}"
    );
    assert!(
        screen.contains("Not us: county council · Example County Council, 01632 960500"),
        "the preview says whose job it is and how to reach them:\n{screen}"
    );
}

#[test]
fn urgent_entries_carry_a_word_not_just_a_colour() {
    let mut desk = desk(80, 24);
    desk.type_text("homeless");
    let screen = desk.screen();
    assert!(
        screen.contains("! URGENT Homeless or at risk of homelessness"),
        "{screen}"
    );
}

#[test]
fn links_open_with_their_number() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::Enter);
    let screen = desk.screen();
    assert!(
        screen.contains("[1] Related: Report a missed bin collection"),
        "{screen}"
    );
    assert!(
        screen.contains("[3] Signpost to: Exampleton Food Bank"),
        "{screen}"
    );
    desk.press(KeyCode::Char('3'));
    let screen = desk.screen();
    assert!(screen.contains("Exampleton Food Bank"), "{screen}");
    assert!(screen.contains("Emergency food parcels"), "{screen}");
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Tab);
    desk.press(KeyCode::Enter);
    let screen = desk.screen();
    assert!(
        screen.contains("Can you take away my old sofa?"),
        "Tab then Enter follows link 2:\n{screen}"
    );
}

#[test]
fn show_the_resident_gives_the_web_address_a_qr_code_and_the_phone() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Char('s'));
    assert!(matches!(desk.app.screen(), Screen::ShowResident(_)));
    let screen = desk.screen();
    assert!(
        screen.contains("https://www.example.org/bulky-waste"),
        "{screen}"
    );
    assert!(screen.contains("01632 960010"), "{screen}");
    let qr_rows = screen
        .lines()
        .filter(|l| l.contains('█') && l.contains('▀'))
        .count();
    assert!(
        qr_rows >= 10,
        "a QR code is drawn ({qr_rows} rows):\n{screen}"
    );
    assert!(
        screen.contains("Open now until 5pm"),
        "the council's hours say it is open on Monday morning:\n{screen}"
    );
}

#[test]
fn help_lists_every_key_of_the_screen_from_the_keymap() {
    let mut desk = desk(120, 40);
    desk.type_text("bulky");
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::F(1));
    assert!(desk.app.help);
    let screen = desk.screen();
    for binding in desk.keymap.bindings(Mode::Detail) {
        assert!(
            screen.contains(binding.description),
            "help is missing '{}':\n{screen}",
            binding.description
        );
    }
    desk.press(KeyCode::Esc);
    assert!(!desk.app.help, "Esc closes help");
    assert!(
        matches!(desk.app.screen(), Screen::Detail(_)),
        "and leaves the screen under it alone"
    );
}

#[test]
fn the_bottom_bar_shows_the_keys_that_matter_now() {
    let mut desk = desk(80, 24);
    let screen = desk.screen();
    let last = screen.lines().last().unwrap_or("");
    assert!(
        last.contains("Enter open") && last.contains("F2 log visit") && last.contains("F1 help"),
        "{last}"
    );
}

#[test]
fn question_mark_is_typed_into_the_search_and_f1_opens_help() {
    let mut desk = desk(80, 24);
    desk.press(KeyCode::Char('?'));
    assert!(!desk.app.help);
    assert_eq!(desk.app.search.query, "?");
    desk.press(KeyCode::F(1));
    assert!(desk.app.help);
}

#[test]
fn council_tax_resolved_takes_three_keys_after_the_service_is_selected() {
    let mut desk = desk(80, 24);
    desk.type_text("pay council tax");
    assert_eq!(selected_title(&desk), "Pay your council tax");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Enter);
    let saved: Vec<_> = desk
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveVisit(v) => Some(v.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        saved.len(),
        1,
        "one visit is sent to the store: {:?}",
        desk.effects
    );
    let visit = &saved[0];
    assert_eq!(visit.service_ids(), ["council-tax-pay"]);
    assert_eq!(visit.outcome, Outcome::Resolved);
    assert_eq!(visit.desk, "Front desk");
    assert_eq!(visit.catalogue_version, "test-1");
    assert_eq!(
        visit.started_at,
        monday_morning().to_utc(),
        "the timer started with the first search key"
    );
    assert!(
        desk.app
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("Saving")),
        "not 'saved' until the store says so"
    );

    desk.act(Action::VisitSaved(visit.clone()));
    let screen = desk.screen();
    assert!(
        screen.contains("Visit saved: Pay your council tax. 1 today at this desk."),
        "{screen}"
    );
    assert!(
        screen.contains("Today: 1"),
        "the title bar counts today's visits:\n{screen}"
    );
    assert_eq!(*desk.app.screen(), Screen::Search);
    assert_eq!(desk.app.search.query, "", "ready for the next resident");
    assert!(desk.app.draft.is_none());
    assert_eq!(desk.effects.last(), Some(&Effect::ClearDraft));
}

#[test]
fn saving_without_an_outcome_asks_for_one() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Enter);
    assert!(
        !desk
            .effects
            .iter()
            .any(|e| matches!(e, Effect::SaveVisit(_)))
    );
    let screen = desk.screen();
    assert!(screen.contains("Choose an outcome first"), "{screen}");
}

#[test]
fn the_form_records_partners_online_reasons_feedback_and_a_note() {
    let mut desk = desk(120, 40);
    desk.type_text("homeless");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('2')); // signposted
    desk.press(KeyCode::Tab); // demand
    desk.press(KeyCode::Tab); // helped online
    desk.press(KeyCode::Tab); // partners
    desk.press(KeyCode::Char(' ')); // tick Citizens Advice
    desk.press(KeyCode::Tab); // online?
    desk.press(KeyCode::Char(' ')); // Yes, the first answer
    desk.press(KeyCode::Right); // No
    desk.press(KeyCode::Tab); // reasons
    desk.press(KeyCode::Char(' ')); // no device
    desk.press(KeyCode::Right);
    desk.press(KeyCode::Right);
    desk.press(KeyCode::Char(' ')); // no skills
    desk.press(KeyCode::Tab); // feedback
    desk.press(KeyCode::Right); // compliment
    desk.press(KeyCode::Tab); // interpreter
    desk.press(KeyCode::Tab); // note
    desk.type_text("needs 2 forms");
    let screen = desk.screen();
    assert!(
        screen.contains("needs 2 forms"),
        "digits and spaces go into the note:\n{screen}"
    );
    desk.press(KeyCode::Enter);
    let Some(Effect::SaveVisit(visit)) = desk
        .effects
        .iter()
        .rev()
        .find(|e| matches!(e, Effect::SaveVisit(_)))
        .cloned()
    else {
        panic!("no visit was sent to the store: {:?}", desk.effects);
    };
    use frontdesk::visit::{ExclusionReason, Feedback, OnlineAnswer};
    assert_eq!(visit.outcome, Outcome::Signposted);
    assert_eq!(visit.partners, vec!["citizens-advice".to_string()]);
    assert_eq!(visit.online, Some(OnlineAnswer::No));
    assert_eq!(
        visit.reasons,
        vec![ExclusionReason::NoDevice, ExclusionReason::NoSkills]
    );
    assert_eq!(visit.feedback, Feedback::Compliment);
    assert_eq!(visit.note.as_deref(), Some("needs 2 forms"));
}

#[test]
fn every_change_to_the_form_is_kept_as_a_draft() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('3'));
    let Some(Effect::SaveDraft(draft)) = desk.effects.last().cloned() else {
        panic!("the draft was not kept: {:?}", desk.effects);
    };
    assert_eq!(draft.services, vec!["bulky-waste".to_string()]);
    assert_eq!(draft.outcome, Some(Outcome::Referred));
}

#[test]
fn a_failed_save_keeps_the_visit_and_says_why() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Enter);
    desk.act(Action::SaveFailed(
        "Cannot save to /x/visits.sqlite3: the disk is full.".into(),
    ));
    assert!(desk.app.draft.is_some(), "the visit is still there");
    let screen = desk.screen().replace('\n', " ");
    assert!(
        screen.contains("Problem: Cannot save to /x/visits.sqlite3: the disk is full."),
        "{screen}"
    );
    assert!(screen.contains("kept as a draft"), "{screen}");
    desk.press(KeyCode::Enter);
    let saves = desk
        .effects
        .iter()
        .filter(|e| matches!(e, Effect::SaveVisit(_)))
        .count();
    assert_eq!(saves, 2, "Enter tries again");
}

#[test]
fn a_draft_from_last_time_is_offered_back() {
    let mut desk = desk(80, 24);
    let mut draft =
        frontdesk::visit::VisitDraft::new(monday_morning().to_utc(), "Front desk", "AB", "test-1");
    draft.services = vec!["bin-missed".into()];
    draft.outcome = Some(Outcome::Resolved);
    desk.act(Action::DraftRestored(Box::new(draft)));
    let screen = desk.screen();
    assert!(
        screen.contains("A visit from before was not saved. Press F2 to finish it."),
        "{screen}"
    );
    desk.press(KeyCode::F(2));
    let screen = desk.screen();
    assert!(
        screen.contains("Report a missed bin collection"),
        "{screen}"
    );
    desk.press(KeyCode::Enter);
    assert!(
        desk.effects
            .iter()
            .any(|e| matches!(e, Effect::SaveVisit(v) if v.service_ids() == ["bin-missed"]))
    );
}

#[test]
fn a_restored_draft_naming_a_service_not_in_the_catalogue_is_refused_as_log_refuses_it() {
    let mut desk = desk(80, 24);
    let mut draft =
        frontdesk::visit::VisitDraft::new(monday_morning().to_utc(), "Front desk", "AB", "test-0");
    draft.services = vec!["council-tx".into(), "bulky-waste".into()];
    draft.outcome = Some(Outcome::Resolved);
    desk.act(Action::DraftRestored(Box::new(draft)));
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Enter);
    assert!(
        !desk
            .effects
            .iter()
            .any(|e| matches!(e, Effect::SaveVisit(_))),
        "nothing is sent to the store: {:?}",
        desk.effects
    );
    let screen = desk.screen().replace('\n', " ");
    assert!(
        screen.contains("'council-tx' is not a service in the catalogue"),
        "the same words as `frontdesk log --service council-tx`:\n{screen}"
    );
    assert_eq!(
        desk.app.form.field,
        frontdesk::desk::Field::Services,
        "focus goes to the field to fix"
    );
    desk.press(KeyCode::Delete);
    desk.press(KeyCode::Enter);
    assert!(
        desk.effects
            .iter()
            .any(|e| matches!(e, Effect::SaveVisit(v) if v.service_ids() == ["bulky-waste"])),
        "once the unknown service is removed the visit saves: {:?}",
        desk.effects
    );
}

#[test]
fn on_a_detail_screen_arrows_and_page_keys_scroll_and_tab_moves_between_links() {
    // A short window, so the bulky waste text does not fit.
    let mut desk = desk(80, 16);
    desk.type_text("bulky");
    desk.press(KeyCode::Enter);
    desk.screen();
    let detail = |desk: &Headless| match desk.app.screen() {
        Screen::Detail(detail) => (detail.scroll.offset, detail.link),
        other => panic!("not a detail screen: {other:?}"),
    };
    let view = match desk.app.screen() {
        Screen::Detail(detail) => detail.scroll.view.expect("drawn once"),
        other => panic!("not a detail screen: {other:?}"),
    };
    desk.press(KeyCode::Down);
    assert_eq!(detail(&desk), (1, 0), "Down scrolls the text a line");
    desk.press(KeyCode::PageUp);
    desk.press(KeyCode::PageDown);
    let end = view.length - view.rows;
    assert_eq!(
        detail(&desk),
        (view.rows.min(end), 0),
        "PgDn scrolls a page (as many rows as are shown), or to the end"
    );
    desk.press(KeyCode::PageUp);
    desk.press(KeyCode::Up);
    desk.press(KeyCode::Up);
    assert_eq!(detail(&desk), (0, 0), "and never above the top");
    desk.press(KeyCode::Tab);
    desk.press(KeyCode::Tab);
    assert_eq!(detail(&desk), (0, 2), "Tab selects the next link");
    desk.press(KeyCode::BackTab);
    assert_eq!(detail(&desk), (0, 1), "Shift-Tab the previous one");
}

#[test]
fn a_visit_can_be_undone_for_ten_minutes_only_and_after_one_question() {
    let mut desk = desk(80, 24);
    let visit = log_resolved_visit(&mut desk, "bulky");
    desk.press(KeyCode::F(3));
    assert_eq!(*desk.app.screen(), Screen::Today);
    let screen = desk.screen();
    assert!(
        screen.contains("Bulky waste collection") && screen.contains("Resolved"),
        "{screen}"
    );

    desk.act(Action::Tick(monday_morning() + Duration::minutes(11)));
    desk.press(KeyCode::Char('u'));
    assert!(
        !desk
            .effects
            .iter()
            .any(|e| matches!(e, Effect::DeleteVisit(_)))
    );
    assert!(desk.screen().contains("more than 10 minutes ago"));

    desk.act(Action::Tick(monday_morning() + Duration::minutes(9)));
    desk.press(KeyCode::Char('u'));
    assert!(
        !desk.effects.contains(&Effect::DeleteVisit(visit.id)),
        "the first press only asks"
    );
    desk.press(KeyCode::Char('u'));
    assert_eq!(desk.effects.last(), Some(&Effect::DeleteVisit(visit.id)));
    desk.act(Action::VisitDeleted(visit.id));
    assert!(desk.app.today.is_empty());
}

#[test]
fn the_last_visit_can_be_edited() {
    let mut desk = desk(80, 24);
    let visit = log_resolved_visit(&mut desk, "bulky");
    desk.press(KeyCode::F(3));
    desk.press(KeyCode::Char('e'));
    assert_eq!(*desk.app.screen(), Screen::VisitForm);
    desk.press(KeyCode::Char('6'));
    desk.press(KeyCode::Enter);
    let Some(Effect::UpdateVisit(edited)) = desk.effects.last().cloned() else {
        panic!("the edit was not sent: {:?}", desk.effects);
    };
    assert_eq!(edited.id, visit.id, "the same visit, not a new one");
    assert_eq!(edited.outcome, Outcome::NotResolved);
}

#[test]
fn new_resident_restarts_the_visit_timer() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.act(Action::Tick(monday_morning() + Duration::seconds(95)));
    assert!(desk.screen().contains("Visit 1:35"));
    desk.press(KeyCode::F(4));
    assert_eq!(
        desk.app.visit_started,
        Some((monday_morning() + Duration::seconds(95)).to_utc())
    );
    assert!(desk.screen().contains("Visit 0:00"));
    assert_eq!(desk.app.search.query, "");
}

#[test]
fn ctrl_c_quits_from_every_screen() {
    let paths: [&[KeyCode]; 5] = [
        &[],
        &[KeyCode::Enter],
        &[KeyCode::Enter, KeyCode::Char('s')],
        &[KeyCode::F(2)],
        &[KeyCode::F(1)],
    ];
    for keys in paths {
        let mut desk = desk(80, 24);
        desk.type_text("bulky");
        for key in keys {
            desk.press(*key);
        }
        desk.ctrl('c');
        assert!(desk.app.quit, "Ctrl-C did not quit after {keys:?}");
    }
}

#[test]
fn an_answer_to_an_old_query_is_dropped() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    let current = desk.app.search.results.clone();
    let stale_seq = desk.app.search.seq - 1;
    desk.act(Action::Results {
        seq: stale_seq,
        hits: Vec::new(),
    });
    assert_eq!(desk.app.search.results, current, "the latest query wins");
}

#[test]
fn the_cursor_sits_where_typing_goes() {
    let mut desk = desk(80, 24);
    desk.type_text("bin");
    desk.screen();
    assert_eq!(desk.cursor(), (4, 2), "after 'bin' in the search box");
}

#[test]
fn a_click_selects_a_result_and_a_second_click_opens_it() {
    let mut desk = desk(80, 24);
    let click = |row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 10,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // Rows: title 0, search box 1-3, list border 4, first result 5.
    desk.event(click(6));
    assert_eq!(desk.app.search.selected, 1);
    desk.event(click(6));
    assert!(matches!(desk.app.screen(), Screen::Detail(_)));
}

#[test]
fn keys_can_be_rebound() {
    use frontdesk::tui::keymap::Keymap;
    use std::collections::BTreeMap;
    let mut overrides = BTreeMap::new();
    overrides.insert("log_visit".to_string(), vec!["F9".to_string()]);
    let mut desk = desk(80, 24);
    desk.rebind(Keymap::with_overrides(&overrides).unwrap());
    desk.type_text("bulky");
    desk.press(KeyCode::F(9));
    assert_eq!(*desk.app.screen(), Screen::VisitForm);
    desk.press(KeyCode::Esc);
    let screen = desk.screen();
    assert!(
        screen.lines().last().unwrap_or("").contains("F9 log visit"),
        "the hints follow the new key:\n{screen}"
    );
}

mod snapshots {
    use super::*;

    fn check(name: &str, keys: &[KeyCode], query: &str) {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut desk = desk(width, height);
            desk.type_text(query);
            for key in keys {
                desk.press(*key);
            }
            let screen = desk.screen();
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen);
        }
    }

    #[test]
    fn search_empty() {
        check("search_empty", &[], "");
    }

    #[test]
    fn search_results() {
        check("search_results", &[], "council");
    }

    #[test]
    fn search_no_match() {
        check("search_no_match", &[], "zzzzqqq");
    }

    #[test]
    fn detail_service() {
        check("detail_service", &[KeyCode::Enter], "bulky");
    }

    #[test]
    fn detail_not_us() {
        check("detail_not_us", &[KeyCode::Enter], "blue badge");
    }

    #[test]
    fn detail_partner() {
        check("detail_partner", &[KeyCode::Enter], "citizens advice");
    }

    #[test]
    fn show_resident() {
        check(
            "show_resident",
            &[KeyCode::Enter, KeyCode::Char('s')],
            "bulky",
        );
    }

    #[test]
    fn help_search() {
        check("help_search", &[KeyCode::F(1)], "");
    }

    #[test]
    fn visit_form() {
        check(
            "visit_form",
            &[KeyCode::F(2), KeyCode::Char('2'), KeyCode::Tab],
            "homeless",
        );
    }

    #[test]
    fn today_empty() {
        check("today_empty", &[KeyCode::F(3)], "");
    }
}

mod on_disk {
    use super::*;
    use frontdesk::store::Store;

    fn all_visits(file: &std::path::Path) -> Vec<frontdesk::visit::Visit> {
        let store = Store::open(file).unwrap();
        store
            .visits_between(
                chrono::DateTime::<chrono::Utc>::MIN_UTC,
                chrono::DateTime::<chrono::Utc>::MAX_UTC,
                None,
            )
            .unwrap()
    }

    #[test]
    fn a_visit_the_screen_calls_saved_is_in_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = desk(80, 24).with_visit_log(dir.path());
        desk.type_text("bulky");
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Char('1'));
        desk.press(KeyCode::Enter);
        assert!(desk.screen().contains("Visit saved"));
        let visits = all_visits(&dir.path().join("visits.sqlite3"));
        assert_eq!(visits.len(), 1);
        assert_eq!(visits[0].service_ids(), ["bulky-waste"]);
        assert_eq!(visits[0].outcome, Outcome::Resolved);
        assert!(
            !desk.draft_file().unwrap().exists(),
            "the draft is cleared once the visit is saved"
        );
    }

    #[test]
    fn a_half_filled_form_is_on_disk_as_a_draft() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = desk(80, 24).with_visit_log(dir.path());
        desk.type_text("bulky");
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Char('2'));
        let draft =
            frontdesk::store::load_draft(desk.draft_file().unwrap()).expect("a draft on disk");
        assert_eq!(draft.services, vec!["bulky-waste".to_string()]);
        assert_eq!(draft.outcome, Some(Outcome::Signposted));
    }

    #[test]
    fn when_the_folder_cannot_be_written_the_visit_stays_and_the_app_runs() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("not-a-folder");
        std::fs::write(&blocked, "a file where the data folder should be").unwrap();
        let mut desk = desk(80, 24).with_visit_log(&blocked.join("data"));
        desk.type_text("bulky");
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Char('1'));
        desk.press(KeyCode::Enter);
        let screen = desk.screen().replace('\n', " ");
        assert!(
            screen.contains("Problem: Cannot"),
            "a clear problem is shown:\n{screen}"
        );
        assert!(desk.app.draft.is_some(), "the visit is not lost");
        assert_eq!(desk.app.today_count(), 0, "nothing is counted as saved");
        desk.press(KeyCode::Esc);
        desk.press(KeyCode::Esc);
        desk.type_text("council tax");
        assert!(!desk.app.search.results.is_empty(), "the app still works");
    }

    #[test]
    fn today_lists_this_desks_visits_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = desk(80, 24).with_visit_log(dir.path());
        for query in ["bulky", "blue badge"] {
            desk.type_text(query);
            desk.press(KeyCode::F(2));
            desk.press(KeyCode::Char('1'));
            desk.press(KeyCode::Enter);
        }
        desk.press(KeyCode::F(3));
        let screen = desk.screen();
        assert!(screen.contains("2 visits"), "{screen}");
        desk.press(KeyCode::Char('u'));
        desk.press(KeyCode::Char('u'));
        assert_eq!(
            all_visits(&dir.path().join("visits.sqlite3")).len(),
            1,
            "undo, asked and confirmed, deleted the selected (newest) visit"
        );
    }
}

#[test]
fn every_screen_draws_at_tiny_sizes_without_a_panic() {
    let paths: [&[KeyCode]; 7] = [
        &[],
        &[KeyCode::Enter],
        &[KeyCode::Enter, KeyCode::Char('s')],
        &[KeyCode::F(2), KeyCode::Tab, KeyCode::Tab],
        &[KeyCode::F(3)],
        &[KeyCode::F(1)],
        &[
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
        ],
    ];
    for (width, height) in [
        (1, 1),
        (2, 2),
        (10, 3),
        (20, 5),
        (40, 10),
        (79, 23),
        (300, 100),
    ] {
        for keys in paths {
            let mut desk = desk(width, height);
            desk.type_text("bulky");
            for key in keys {
                desk.press(*key);
                desk.screen();
            }
            desk.act(Action::StoreFailed(
                "A very long problem message ".repeat(20),
            ));
            desk.screen();
        }
    }
}

#[test]
fn a_visit_being_logged_is_never_thrown_away_by_accident() {
    let mut desk = desk(80, 24);
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('2'));
    desk.press(KeyCode::BackTab); // the services field
    desk.press(KeyCode::Delete);
    desk.press(KeyCode::Delete);
    desk.press(KeyCode::Delete);
    assert!(
        desk.app.draft.is_some(),
        "Delete removes services, never the whole visit"
    );
    assert!(desk.app.draft.as_ref().unwrap().services.is_empty());
    assert_eq!(
        desk.app.draft.as_ref().unwrap().outcome,
        Some(Outcome::Signposted)
    );

    desk.press(KeyCode::Esc);
    desk.press(KeyCode::F(4));
    assert!(
        desk.app.draft.is_some(),
        "a new resident does not drop the unsaved visit"
    );
    assert!(
        desk.screen()
            .replace('\n', " ")
            .contains("Save or discard the visit being logged first")
    );

    desk.press(KeyCode::F(2));
    desk.ctrl('d');
    assert!(desk.app.draft.is_none(), "Ctrl-D discards on purpose");
    assert_eq!(desk.effects.last(), Some(&Effect::ClearDraft));
}

#[test]
fn undo_waits_until_the_visit_being_logged_is_saved() {
    let mut desk = desk(80, 24);
    let visit = log_resolved_visit(&mut desk, "bulky");
    desk.type_text("blue badge");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Esc); // the new visit stays as a draft
    desk.press(KeyCode::F(3));
    desk.press(KeyCode::Char('u'));
    desk.press(KeyCode::Char('u'));
    assert!(
        !desk.effects.contains(&Effect::DeleteVisit(visit.id)),
        "no undo while a visit is being logged"
    );
    assert!(
        desk.screen()
            .replace('\n', " ")
            .contains("Save or discard the visit being logged first")
    );
}

#[test]
fn pasted_text_goes_into_the_search_box_on_one_line() {
    let mut desk = desk(80, 24);
    desk.event(Event::Paste("bulky\nwaste".to_string()));
    assert_eq!(desk.app.search.query, "bulky waste");
    assert_eq!(selected_title(&desk), "Bulky waste collection");
}

/// Opens the visit form for `query`, picks outcome 1, types `note` in the note field and presses
/// Enter; returns the visit sent to the store, if one was.
fn save_with_note(desk: &mut Headless, query: &str, note: &str) -> Option<frontdesk::visit::Visit> {
    desk.type_text(query);
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    for _ in 0..8 {
        // demand, helped online, partners, online, reasons, feedback, interpreter, note
        desk.press(KeyCode::Tab);
    }
    desk.type_text(note);
    desk.press(KeyCode::Enter);
    desk.effects.iter().rev().find_map(|e| match e {
        Effect::SaveVisit(visit) => Some(visit.clone()),
        _ => None,
    })
}

#[test]
fn a_note_may_give_the_catalogues_numbers_but_not_a_residents() {
    let mut first = desk(100, 30);
    let visit = save_with_note(&mut first, "bulky", "gave the switchboard 01632 960000");
    assert_eq!(
        visit.and_then(|v| v.note).as_deref(),
        Some("gave the switchboard 01632 960000"),
        "the council's own number is not personal"
    );

    let mut second = desk(100, 30);
    let visit = save_with_note(&mut second, "bulky", "Mrs Jones, call 01632 960123");
    assert_eq!(visit, None, "a resident's name and number are not saved");
    let screen = second.screen();
    assert!(screen.contains("a name and a phone number"), "{screen}");
}

/// The screen tests' catalogue with `tests/fixtures/many-signposts` added: a service that
/// signposts to eight partners.
fn fixture_with_many_signposts() -> (tempfile::TempDir, Catalogue) {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = tempfile::tempdir().unwrap();
    for folder in ["catalogue", "many-signposts"] {
        for file in std::fs::read_dir(fixtures.join(folder)).unwrap() {
            let path = file.unwrap().path();
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let catalogue = Catalogue::from_dir(dir.path()).unwrap();
    (dir, catalogue)
}

/// The row of the screen that contains `text`.
fn row_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|line| line.contains(text))
        .unwrap_or_else(|| panic!("no row shows {text:?}:\n{screen}"))
}

mod seeing {
    use super::*;
    use frontdesk::catalogue::EntryKey;
    use frontdesk::desk::Detail;
    use frontdesk::tui::screens;

    const LONG_DESK: &str = "Exampleton Civic Centre main reception";

    /// A desk with a long name, a draft being logged (left with Esc) and a visit timer at 1:35.
    fn busy_desk(width: u16) -> Headless {
        let mut desk = Headless::new(fixture(), monday_morning(), width, 24);
        desk.app.desk = LONG_DESK.to_string();
        desk.type_text("bulky");
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Esc);
        desk.act(Action::Tick(monday_morning() + Duration::seconds(95)));
        desk
    }

    #[test]
    fn the_title_bar_keeps_the_timer_the_draft_flag_and_the_count_with_a_long_desk_name() {
        for width in [40, 60, 80, 100, 120, 160, 200] {
            let mut desk = busy_desk(width);
            let screen = desk.screen();
            let title = screen.lines().next().unwrap_or("");
            for wanted in ["Visit 1:35", "Draft", "Today: 0"] {
                assert!(
                    title.contains(wanted),
                    "at {width} columns the title bar shows {wanted:?}: {title:?}"
                );
            }
            assert!(
                title.chars().count() <= usize::from(width),
                "at {width} columns: {title:?}"
            );
            if title.contains("Desk: ") && !title.contains(LONG_DESK) {
                assert!(
                    title.ends_with('…'),
                    "a desk name that does not fit is cut with an ellipsis: {title:?}"
                );
            }
        }
        let mut wide = busy_desk(200);
        let title = wide.screen().lines().next().unwrap_or("").to_string();
        assert!(
            title.contains("frontdesk") && title.contains(LONG_DESK),
            "with room, the app's and the desk's whole names: {title:?}"
        );
        let mut narrow = busy_desk(80);
        let title = narrow.screen().lines().next().unwrap_or("").to_string();
        assert!(
            !title.contains("frontdesk") && title.contains("Desk: Exampleton"),
            "short of room, the app's name goes before the desk's: {title:?}"
        );
    }

    /// Opens the detail screen of the built-in catalogue's entry `id`.
    fn open_built_in(width: u16, height: u16, id: &str) -> Headless {
        let catalogue = Catalogue::embedded().unwrap();
        let key: EntryKey = catalogue
            .entries()
            .find(|(_, entry)| entry.id() == id)
            .map(|(key, _)| key)
            .unwrap_or_else(|| panic!("the built-in catalogue has {id}"));
        let mut desk = Headless::new(catalogue, monday_morning(), width, height);
        desk.app.screens.push(Screen::Detail(Detail::new(key)));
        desk
    }

    /// The text panel of a detail screen: the rows above the links panel.
    fn text_panel(screen: &str) -> String {
        screen
            .lines()
            .skip(1)
            .take_while(|line| !line.starts_with('┌') || line.starts_with("┌ Service"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn page_keys_scroll_the_details_and_a_sign_says_when_more_is_below_or_above() {
        let mut desk = open_built_in(80, 24, "homelessness");
        let top = desk.screen();
        assert!(
            top.contains("↓ more (PgDn)"),
            "the border says there is more below:\n{top}"
        );
        assert!(!top.contains("↑ more"), "nothing is above the top:\n{top}");

        desk.press(KeyCode::PageDown);
        let page = desk.screen();
        assert_ne!(
            text_panel(&page),
            text_panel(&top),
            "PgDn shows the next page of the text"
        );
        assert!(page.contains("↑ more (PgUp)"), "{page}");

        desk.press(KeyCode::End);
        let end = desk.screen();
        assert!(
            !end.contains("↓ more"),
            "at the end the sign below goes:\n{end}"
        );
        assert!(end.contains("↑ more (PgUp)"), "{end}");
        let Some(Screen::Detail(detail)) = desk.app.screens.last().cloned() else {
            panic!("still on the details");
        };
        let catalogue = desk.app.catalogue.clone();
        let Some(frontdesk::catalogue::Entry::Service(service)) = catalogue.entry(detail.key)
        else {
            panic!("homelessness is a service");
        };
        let last_item = service
            .bring
            .last()
            .expect("homelessness lists what to bring");
        assert!(
            end.contains(last_item.as_str()),
            "End reaches the last thing to bring, {last_item:?}:\n{end}"
        );

        desk.press(KeyCode::PageDown);
        desk.press(KeyCode::Down);
        assert_eq!(
            desk.screen(),
            end,
            "no scrolling past the end into emptiness"
        );
        desk.press(KeyCode::PageUp);
        assert_ne!(desk.screen(), end, "PgUp at once scrolls back up");

        desk.press(KeyCode::Home);
        assert_eq!(desk.screen(), top, "Home goes back to the top");
    }

    #[test]
    fn help_scrolls_by_page_with_a_sign_when_it_does_not_fit() {
        let mut desk = desk(80, 24);
        desk.type_text("bulky");
        desk.press(KeyCode::Enter);
        desk.press(KeyCode::F(1));
        let top = desk.screen();
        assert!(top.contains("Keys on the details screen"), "{top}");
        assert!(top.contains("↓ more (PgDn)"), "{top}");
        desk.press(KeyCode::PageDown);
        let page = desk.screen();
        assert!(!page.contains("Keys on the details screen"), "{page}");
        assert!(page.contains("↑ more (PgUp)"), "{page}");
        desk.press(KeyCode::End);
        let end = desk.screen();
        assert!(end.contains("Quit frontdesk"), "{end}");
        assert!(!end.contains("↓ more"), "{end}");
        desk.press(KeyCode::PageDown);
        assert_eq!(desk.screen(), end, "help stops at its end");
        desk.press(KeyCode::Home);
        assert_eq!(desk.screen(), top);
    }

    #[test]
    fn show_the_resident_scrolls_in_a_small_window() {
        let mut desk = desk(80, 14);
        desk.type_text("citizens advice");
        desk.press(KeyCode::Enter);
        desk.press(KeyCode::Char('s'));
        let top = desk.screen();
        assert!(top.contains("↓ more (PgDn)"), "{top}");
        desk.press(KeyCode::End);
        let end = desk.screen();
        assert!(
            !end.contains("↓ more") && end.contains("↑ more (PgUp)"),
            "{end}"
        );
        assert!(
            end.contains("Monday to Friday"),
            "the opening hours are reached:\n{end}"
        );
        desk.press(KeyCode::Home);
        assert_eq!(desk.screen(), top);
    }

    #[test]
    fn a_result_row_keeps_its_tags_whole_at_every_width() {
        for (width, height) in [
            (40, 24),
            (60, 24),
            (80, 24),
            (120, 40),
            (160, 40),
            (200, 50),
        ] {
            for (query, title, tag) in [
                ("blue badge", "Blue Badge", "[county]"),
                ("universal credit", "Universal", "[government]"),
                ("homeless", "Homeless", "! URGENT"),
            ] {
                let mut desk = desk(width, height);
                desk.type_text(query);
                let screen = desk.screen();
                let row = row_with(&screen, "> ");
                assert!(
                    row.contains(tag) && row.contains(title),
                    "at {width}x{height}, {query:?}: the row shows {tag:?} whole: {row:?}"
                );
            }
        }
    }

    #[test]
    fn long_county_titles_in_the_built_in_catalogue_keep_their_tag_whole() {
        for (width, height) in [(80, 24), (120, 40)] {
            for (query, title) in [
                ("scams", "Trading standards"),
                ("worried about an adult", "Worried about an adult"),
            ] {
                let catalogue = Catalogue::embedded().unwrap();
                let mut desk = Headless::new(catalogue, monday_morning(), width, height);
                desk.type_text(query);
                let screen = desk.screen();
                let row = row_with(&screen, title);
                assert!(
                    row.contains("[county]"),
                    "at {width}x{height}, {query:?}: {row:?}"
                );
            }
        }
    }

    #[test]
    fn the_results_list_is_no_narrower_on_a_wider_screen() {
        let list_width = |width: u16, height: u16| {
            let area = ratatui::layout::Rect::new(0, 0, width, height);
            let [_, body, _, _] = screens::chrome(area, 1);
            screens::results_area(body).width
        };
        let standard = list_width(80, 24);
        for width in [100, 110, 119, 120, 140, 200] {
            assert!(
                list_width(width, 40) >= standard,
                "at {width} columns the list is {} wide, at 80 it is {standard}",
                list_width(width, 40)
            );
        }
    }

    #[test]
    fn a_long_title_is_cut_with_an_ellipsis_and_its_summary_goes_first() {
        let mut desk = desk(40, 24);
        desk.type_text("homeless");
        let screen = desk.screen();
        let row = row_with(&screen, "! URGENT");
        assert!(row.contains('…'), "{row:?}");
        assert!(!row.contains(" – "), "the summary gave way first: {row:?}");
    }

    #[test]
    fn the_default_colours_use_no_fixed_grey() {
        use frontdesk::config::ThemeName;
        use frontdesk::tui::theme::Theme;
        use ratatui::style::Color;
        let paths: [&[KeyCode]; 5] = [
            &[],
            &[KeyCode::Enter],
            &[KeyCode::Enter, KeyCode::Char('s')],
            &[KeyCode::F(2)],
            &[KeyCode::F(1)],
        ];
        for keys in paths {
            let mut desk = desk(80, 24);
            desk.theme = Theme::new(ThemeName::Default, false);
            desk.type_text("blue badge");
            for key in keys {
                desk.press(*key);
            }
            let screen = desk.screen();
            let buffer = desk.terminal.backend().buffer();
            for cell in buffer.content() {
                for colour in [cell.fg, cell.bg] {
                    assert!(
                        !matches!(
                            colour,
                            Color::Gray | Color::DarkGray | Color::Indexed(7 | 8)
                        ),
                        "{colour:?} on {:?} after {keys:?}:\n{screen}",
                        cell.symbol()
                    );
                }
            }
        }
    }

    #[test]
    fn the_log_form_with_three_services_and_eight_partners() {
        let (_dir, catalogue) = fixture_with_many_signposts();
        for (width, height) in [(80, 24), (120, 40)] {
            let mut desk = Headless::new(catalogue.clone(), monday_morning(), width, height);
            for query in ["cost of living", "homeless", "bulky"] {
                desk.type_text(query);
                desk.press(KeyCode::F(2));
                desk.press(KeyCode::Esc);
                desk.press(KeyCode::Esc);
            }
            desk.press(KeyCode::F(2));
            assert_eq!(
                desk.app.draft.as_ref().map(|d| d.services.len()),
                Some(3),
                "{:?}",
                desk.app.draft
            );
            assert_eq!(desk.app.form.partner_options.len(), 8);
            desk.press(KeyCode::Char('2'));
            let screen = desk.screen();
            insta::assert_snapshot!(
                format!("visit_form_three_services_eight_partners_{width}x{height}"),
                screen
            );
        }
    }
}

/// Visits on a real log: editing, undoing and counting them, as a receptionist does it.
mod visits_in_the_log {
    use super::*;
    use frontdesk::store::Store;
    use frontdesk::visit::Visit;

    fn all_visits(dir: &std::path::Path) -> Vec<Visit> {
        Store::open(&dir.join("visits.sqlite3"))
            .unwrap()
            .visits_between(
                chrono::DateTime::<chrono::Utc>::MIN_UTC,
                chrono::DateTime::<chrono::Utc>::MAX_UTC,
                None,
            )
            .unwrap()
    }

    /// Finds `query`, logs it with the outcome key `outcome` and Enter.
    fn log(desk: &mut Headless, query: &str, outcome: char) {
        desk.type_text(query);
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Char(outcome));
        desk.press(KeyCode::Enter);
        assert!(desk.screen().contains("Visit saved"), "{}", desk.screen());
    }

    fn status(desk: &Headless) -> String {
        desk.app
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    fn line_of(screen: &str, words: &str) -> String {
        screen
            .lines()
            .find(|l| l.contains(words))
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn leaving_an_edit_drops_it_and_the_next_residents_service_goes_on_a_new_visit() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = desk(80, 24).with_visit_log(dir.path());
        log(&mut desk, "bulky", '1');
        desk.press(KeyCode::F(3));
        desk.press(KeyCode::Char('e'));
        assert!(desk.screen().contains("Edit the visit"));
        desk.press(KeyCode::Esc);
        assert_eq!(*desk.app.screen(), Screen::Today, "back on today's list");
        let screen = desk.screen().replace('\n', " ");
        assert!(
            screen.contains("Edit dropped: the visit is unchanged in the log."),
            "{screen}"
        );
        assert!(
            desk.app.draft.is_none(),
            "the edit is not left as the draft"
        );

        // The next resident.
        desk.press(KeyCode::Esc);
        desk.type_text("blue badge");
        desk.press(KeyCode::F(2));
        let screen = desk.screen();
        assert!(screen.contains("Log the visit"), "a new visit:\n{screen}");
        assert!(
            !screen.contains("Bulky waste"),
            "the edited visit's service is not on it:\n{screen}"
        );
        desk.press(KeyCode::Char('1'));
        desk.press(KeyCode::Enter);
        let visits = all_visits(dir.path());
        let services: Vec<Vec<&str>> = visits.iter().map(Visit::service_ids).collect();
        assert_eq!(services, [vec!["bulky-waste"], vec!["blue-badge"]]);
    }

    #[test]
    fn leaving_a_changed_edit_asks_once_then_drops_or_saves_the_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = desk(80, 24).with_visit_log(dir.path());
        log(&mut desk, "bulky", '1');
        desk.press(KeyCode::F(3));
        desk.press(KeyCode::Char('e'));
        desk.press(KeyCode::Char('6'));
        desk.press(KeyCode::Esc);
        assert_eq!(*desk.app.screen(), Screen::VisitForm, "asked, not left");
        assert_eq!(
            status(&desk),
            "Save the changes to this visit? Enter saves them, Esc again drops them."
        );
        // Any other key drops the question: Esc asks again.
        desk.press(KeyCode::Tab);
        assert_eq!(status(&desk), "", "the question is gone with it");
        desk.press(KeyCode::Esc);
        assert_eq!(*desk.app.screen(), Screen::VisitForm);
        desk.press(KeyCode::Esc);
        assert_eq!(*desk.app.screen(), Screen::Today);
        assert_eq!(
            status(&desk),
            "Edit dropped: the visit is unchanged in the log."
        );
        assert_eq!(all_visits(dir.path())[0].outcome, Outcome::Resolved);

        desk.press(KeyCode::Char('e'));
        desk.press(KeyCode::Char('6'));
        desk.press(KeyCode::Esc);
        desk.press(KeyCode::Enter);
        assert_eq!(status(&desk), "Visit updated.");
        let visits = all_visits(dir.path());
        assert_eq!(visits.len(), 1);
        assert_eq!(visits[0].outcome, Outcome::NotResolved);

        // Ctrl-D on an edit drops it too, and says so.
        desk.press(KeyCode::Char('e'));
        desk.press(KeyCode::Char('1'));
        desk.ctrl('d');
        assert_eq!(
            status(&desk),
            "Edit dropped: the visit is unchanged in the log."
        );
        assert_eq!(all_visits(dir.path())[0].outcome, Outcome::NotResolved);
    }

    #[test]
    fn two_windows_on_one_folder_keep_their_own_drafts_and_count_each_others_saves() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = desk(80, 24).with_visit_log(dir.path());
        first.type_text("bulky");
        first.press(KeyCode::F(2));
        first.press(KeyCode::Char('2'));
        assert!(
            first.draft_file().unwrap().exists(),
            "the first keeps a draft"
        );

        let mut second = desk(80, 24).with_visit_log(dir.path());
        assert!(
            second.app.draft.is_none(),
            "not offered the running window's draft"
        );
        second.act(Action::Tick(monday_morning()));
        assert!(second.screen().contains("Today: 0"), "{}", second.screen());

        first.press(KeyCode::Enter);
        assert!(first.screen().contains("Today: 1"));
        log(&mut second, "blue badge", '1');
        let screen = second.screen().replace('\n', " ");
        assert!(
            screen.contains("2 today at this desk") && screen.contains("Today: 2"),
            "the second counts the first's visit too:\n{screen}"
        );

        // The first window's header follows on its next count, a few seconds later.
        first.act(Action::Tick(monday_morning() + Duration::seconds(2)));
        assert!(first.screen().contains("Today: 1"), "not asked yet");
        first.act(Action::Tick(monday_morning() + Duration::seconds(6)));
        assert!(first.screen().contains("Today: 2"), "{}", first.screen());
    }

    #[test]
    fn undo_and_edit_act_on_the_selected_visit_and_undo_asks_first() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = desk(80, 24).with_visit_log(dir.path());
        log(&mut desk, "bulky", '1');
        desk.act(Action::Tick(monday_morning() + Duration::minutes(1)));
        log(&mut desk, "blue badge", '1');
        desk.press(KeyCode::F(3));
        desk.press(KeyCode::Up); // the first visit, Bulky waste

        desk.press(KeyCode::Char('e'));
        let screen = desk.screen();
        assert!(
            line_of(&screen, "Services").contains("Bulky waste collection"),
            "the selected visit is edited:\n{screen}"
        );
        desk.press(KeyCode::Esc);

        desk.press(KeyCode::Char('u'));
        assert_eq!(
            status(&desk),
            "Undo the visit at 10:15 (Bulky waste collection)? Press u again to delete it from the log, Esc to keep it."
        );
        desk.press(KeyCode::Esc);
        assert_eq!(status(&desk), "Kept: nothing was undone.");
        assert_eq!(
            *desk.app.screen(),
            Screen::Today,
            "Esc answered, it did not leave"
        );
        assert_eq!(all_visits(dir.path()).len(), 2);

        desk.press(KeyCode::Char('u'));
        desk.press(KeyCode::Char('u'));
        let visits = all_visits(dir.path());
        let left: Vec<&str> = visits.iter().flat_map(Visit::service_ids).collect();
        assert_eq!(left, ["blue-badge"], "the selected visit went");
        assert!(status(&desk).starts_with("Visit undone"));

        // Two more presses: one question, then one visit; never two visits for two presses.
        desk.press(KeyCode::Char('u'));
        assert_eq!(all_visits(dir.path()).len(), 1, "asked, not deleted");

        // A visit saved more than ten minutes ago says so.
        desk.act(Action::Tick(monday_morning() + Duration::minutes(12)));
        desk.press(KeyCode::Char('u'));
        desk.press(KeyCode::Char('u'));
        assert_eq!(all_visits(dir.path()).len(), 1);
        assert_eq!(
            status(&desk),
            "The visit at 10:16 was saved more than 10 minutes ago; it can no longer be changed."
        );
    }

    #[test]
    fn a_partner_opened_from_a_services_links_is_logged_with_that_service() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = desk(80, 24).with_visit_log(dir.path());
        desk.type_text("homeless");
        desk.press(KeyCode::Enter);
        let links = desk.app.catalogue.links(match desk.app.screen() {
            Screen::Detail(d) => d.key,
            other => panic!("not a detail screen: {other:?}"),
        });
        let partner = links
            .iter()
            .position(|l| {
                desk.app.catalogue.entry(l.key).unwrap().title() == "Citizens Advice Exampleton"
            })
            .expect("the service links to the partner");
        desk.press(KeyCode::Char(char::from(
            b'1' + u8::try_from(partner).unwrap(),
        )));
        assert!(desk.screen().contains("Citizens Advice Exampleton"));
        desk.press(KeyCode::F(2));
        let screen = desk.screen();
        assert!(
            line_of(&screen, "Services").contains("Homeless or at risk"),
            "the service the resident came about is on the visit:\n{screen}"
        );
        desk.press(KeyCode::Char('2'));
        desk.press(KeyCode::Enter);
        let visits = all_visits(dir.path());
        assert_eq!(visits[0].service_ids(), ["homelessness"]);
        assert_eq!(visits[0].partners, ["citizens-advice"]);
    }

    #[test]
    fn a_number_on_a_service_line_gives_that_service_its_own_outcome() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = desk(80, 24).with_visit_log(dir.path());
        desk.type_text("bulky");
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Esc);
        desk.press(KeyCode::Esc);
        desk.type_text("homeless");
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Char('1')); // the visit: resolved
        desk.press(KeyCode::BackTab); // the services line
        desk.press(KeyCode::Right); // the second service
        desk.press(KeyCode::Char('3'));
        let screen = desk.screen();
        assert!(
            line_of(&screen, "Homeless or at risk")
                .contains("Homeless or at risk of homelessness (Referred)"),
            "the selected service shows its own outcome:\n{screen}"
        );
        assert!(
            !line_of(&screen, "Bulky waste collection").contains("(Referred)"),
            "{screen}"
        );
        assert!(
            screen.contains("1-6 or Space: this one's outcome"),
            "the line says how:\n{screen}"
        );
        assert!(
            line_of(&screen, "Outcome").contains("(•) 1 Resolved"),
            "the visit keeps its outcome:\n{screen}"
        );
        // The visit's own number on the same service drops its own outcome again.
        desk.press(KeyCode::Char('1'));
        assert!(!desk.screen().contains("(Referred)"));
        desk.press(KeyCode::Char('3'));
        desk.press(KeyCode::Enter);
        let visits = all_visits(dir.path());
        assert_eq!(visits[0].outcome, Outcome::Resolved);
        let outcomes: Vec<Outcome> = visits[0].services.iter().map(|s| s.outcome).collect();
        assert_eq!(outcomes, [Outcome::Resolved, Outcome::Referred]);
    }
}

/// What the desk must not lose or let through while a visit is saved or edited.
mod while_saving_and_editing {
    use super::*;
    use frontdesk::desk::QUERY_MAX_CHARS;

    #[test]
    fn saving_an_edit_leaves_the_residents_search_and_timer_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = desk(80, 24).with_visit_log(dir.path());
        desk.type_text("bulky");
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Char('1'));
        desk.press(KeyCode::Enter);
        // The next resident: a search typed, the timer running, no visit logged yet.
        desk.type_text("council tax");
        let started = desk.app.visit_started;
        assert!(started.is_some());
        desk.press(KeyCode::F(3));
        desk.press(KeyCode::Char('e'));
        desk.press(KeyCode::Char('2'));
        desk.press(KeyCode::Enter);
        assert!(desk.screen().contains("Visit updated"), "{}", desk.screen());
        assert_eq!(desk.app.search.query, "council tax");
        assert_eq!(desk.app.visit_started, started);
    }

    #[test]
    fn nothing_changes_the_visit_while_it_is_being_saved() {
        // No visit log: the save is sent and not yet answered.
        let mut desk = desk(80, 24);
        desk.type_text("bulky");
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Char('1'));
        desk.press(KeyCode::Enter);
        let sent = desk.app.draft.clone();
        assert!(sent.is_some());
        desk.press(KeyCode::Char('2'));
        desk.press(KeyCode::Esc);
        desk.press(KeyCode::Esc);
        desk.type_text("council tax");
        desk.press(KeyCode::F(2));
        assert_eq!(
            desk.app.draft, sent,
            "the visit on its way to disk is unchanged"
        );
    }

    #[test]
    fn an_edit_restored_after_its_window_closed_is_dropped_not_saved() {
        let mut desk = desk(80, 24);
        let long_ago = monday_morning().to_utc() - Duration::hours(3);
        let mut edit = frontdesk::visit::VisitDraft::new(long_ago, "Front desk", "AB", "test-0");
        edit.id = uuid::Uuid::now_v7();
        edit.services = vec!["bulky-waste".into()];
        edit.outcome = Some(Outcome::Resolved);
        desk.act(Action::DraftRestored(Box::new(edit)));
        desk.press(KeyCode::F(2));
        desk.press(KeyCode::Enter);
        assert!(
            !desk
                .effects
                .iter()
                .any(|e| matches!(e, Effect::UpdateVisit(_))),
            "{:?}",
            desk.effects
        );
        let screen = desk.screen().replace('\n', " ");
        assert!(screen.contains("can no longer be changed"), "{screen}");
        assert!(desk.app.draft.is_none());
    }

    #[test]
    fn the_search_box_holds_what_the_search_reads_and_no_more() {
        let mut desk = desk(80, 24);
        desk.act(Action::Paste("bins ".repeat(50_000)));
        assert_eq!(desk.app.search.query.chars().count(), QUERY_MAX_CHARS);
        desk.type_text(" more");
        assert_eq!(desk.app.search.query.chars().count(), QUERY_MAX_CHARS);
    }

    #[test]
    fn text_direction_overrides_are_neither_typed_nor_pasted() {
        let mut desk = desk(80, 24);
        desk.type_text("\u{202e}bulky");
        desk.act(Action::Paste(" waste\u{2066}".into()));
        assert_eq!(desk.app.search.query, "bulky waste ");
    }
}
