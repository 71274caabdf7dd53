//! Welsh at the desk, driven without a terminal: F8 switches the resident's language; the
//! resident screen then shows Welsh, the title bar says so, the visit is logged with it and the
//! next resident starts in English; the screens themselves in Welsh where staff choose it.

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyCode;
use frontdesk::catalogue::Catalogue;
use frontdesk::desk::{Action, Effect};
use frontdesk::text::Language;
use frontdesk::tui::headless::Headless;
use frontdesk::visit::{LanguageChoice, ResidentLanguage};

fn monday_morning() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T10:15:00+00:00").unwrap()
}

fn desk() -> Headless {
    Headless::new(Catalogue::embedded().unwrap(), monday_morning(), 80, 24)
}

fn saved(desk: &Headless) -> frontdesk::visit::Visit {
    desk.effects
        .iter()
        .rev()
        .find_map(|e| match e {
            Effect::SaveVisit(visit) => Some(visit.clone()),
            _ => None,
        })
        .expect("a visit sent to the store")
}

#[test]
fn f8_shows_the_resident_welsh_and_logs_the_visit_in_welsh() {
    let mut desk = desk();
    desk.type_text("pay council tax");
    desk.press(KeyCode::F(8));
    assert!(
        desk.screen().contains("Resident: Cymraeg"),
        "{}",
        desk.screen()
    );
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Char('s'));
    let screen = desk.screen();
    assert!(screen.contains("Talu eich Treth Gyngor"), "{screen}");
    assert!(screen.contains("Gwnewch hyn eich hun ar-lein:"), "{screen}");
    assert!(!screen.contains("Do it yourself online"), "{screen}");

    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Enter);
    let visit = saved(&desk);
    assert_eq!(
        visit.language,
        LanguageChoice::both(ResidentLanguage::Welsh)
    );
    desk.act(Action::VisitSaved(visit));

    // The next resident starts in English.
    assert_eq!(desk.app.resident_language, LanguageChoice::default());
    assert!(!desk.screen().contains("Cymraeg"));
}

#[test]
fn f6_twice_is_english_again_and_the_resident_screen_is_english() {
    let mut desk = desk();
    desk.type_text("pay council tax");
    desk.press(KeyCode::F(8));
    desk.press(KeyCode::F(8));
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Char('s'));
    let screen = desk.screen();
    assert!(screen.contains("Pay your council tax"), "{screen}");
    assert!(screen.contains("Do it yourself online:"), "{screen}");
}

#[test]
fn an_entry_with_no_welsh_shows_its_english_to_a_welsh_reader() {
    let mut desk = desk();
    desk.press(KeyCode::F(8));
    desk.type_text("food bank");
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Char('s'));
    let screen = desk.screen();
    assert!(
        screen.contains("Food bank") || screen.contains("food bank"),
        "{screen}"
    );
}

#[test]
fn the_search_screen_in_welsh() {
    let mut desk = desk();
    desk.app.lang = Language::Welsh;
    desk.type_text("treth gyngor");
    let screen = desk.screen();
    insta::assert_snapshot!("search_in_welsh_80x24", screen);
    assert!(screen.contains(" Chwilio "), "{screen}");
    assert!(screen.contains("Canlyniadau"), "{screen}");
    assert!(screen.contains("agor"), "the hints are Welsh: {screen}");
}
