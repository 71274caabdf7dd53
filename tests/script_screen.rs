//! The script screen, driven without a terminal: a script is found by the words residents use,
//! walked one number key a step, an urgent node waits to be acknowledged, Backspace steps back,
//! and the end fills the visit form. Snapshots live in tests/snapshots/.

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyCode;
use frontdesk::catalogue::Catalogue;
use frontdesk::desk::{Effect, Mode, Screen};
use frontdesk::script::every_path;
use frontdesk::tui::headless::Headless;
use frontdesk::visit::{Outcome, Visit};

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

fn script_id(desk: &Headless) -> Option<String> {
    match desk.app.screen() {
        Screen::Script(view) => Some(view.id.clone()),
        _ => None,
    }
}

fn saved_visit(desk: &Headless) -> Option<Visit> {
    desk.effects.iter().rev().find_map(|e| match e {
        Effect::SaveVisit(visit) => Some(visit.clone()),
        _ => None,
    })
}

#[test]
fn the_words_residents_use_find_the_script_and_f5_opens_it() {
    for (query, id) in [
        ("evicted", "homelessness"),
        ("bailiffs", "council-tax-arrears"),
        ("can't get online", "digital-inclusion"),
        ("I have been evicted", "homelessness"),
        ("missed bin", "missed-bin"),
    ] {
        let mut desk = desk(80, 24);
        desk.type_text(query);
        let title = desk.app.catalogue.script(id).unwrap().title.clone();
        let screen = desk.screen();
        assert!(
            screen.contains(&format!("Script: {title}")),
            "{query:?} offers the {id} script under the search box:\n{screen}"
        );
        desk.press(KeyCode::F(5));
        assert_eq!(script_id(&desk).as_deref(), Some(id), "{query:?}");
        assert_eq!(desk.app.mode(), Mode::Script);
    }
}

#[test]
fn no_script_is_offered_for_words_no_script_has() {
    let mut desk = desk(80, 24);
    desk.type_text("parking permit");
    assert!(!desk.screen().contains("Script:"));
    desk.press(KeyCode::F(5));
    assert_eq!(
        desk.app.mode(),
        Mode::Search,
        "F5 with no script does nothing"
    );
}

#[test]
fn an_urgent_node_cannot_be_skipped_until_acknowledged() {
    let mut desk = desk(80, 24);
    desk.type_text("evicted");
    desk.press(KeyCode::F(5));
    desk.press(digit(1)); // No, nowhere safe tonight: urgent.
    let screen = desk.screen();
    assert!(screen.contains("URGENT - do this now"), "{screen}");
    assert!(
        screen.contains("Press Enter when you have done this"),
        "{screen}"
    );
    assert!(
        !screen.contains("[1]"),
        "no option is offered until the urgent node is acknowledged:\n{screen}"
    );
    let before = desk.app.screen().clone();
    for key in [digit(1), digit(2), KeyCode::F(2)] {
        desk.press(key);
        assert_eq!(*desk.app.screen(), before, "{key:?} does not get past it");
    }
    assert!(
        desk.screen().contains("This is urgent"),
        "the status says why nothing happened"
    );
    desk.press(KeyCode::Enter);
    let screen = desk.screen();
    assert!(
        screen.contains("URGENT - do this now"),
        "still shown first after it is acknowledged:\n{screen}"
    );
    assert!(
        screen.contains("[1]"),
        "now the options are there:\n{screen}"
    );
    desk.press(digit(2));
    assert_ne!(*desk.app.screen(), before, "and they work");
}

#[test]
fn backspace_steps_back_and_the_breadcrumb_follows() {
    let mut desk = desk(80, 24);
    desk.type_text("evicted");
    desk.press(KeyCode::F(5));
    let start = desk.screen();
    desk.press(digit(2));
    let screen = desk.screen();
    assert!(
        screen.contains("So far: Yes, but I have to leave soon"),
        "{screen}"
    );
    desk.press(KeyCode::Backspace);
    assert_eq!(desk.screen(), start, "back at the first question");
    desk.press(KeyCode::Backspace);
    assert_eq!(
        desk.app.mode(),
        Mode::Search,
        "Backspace at the start leaves the script"
    );
    assert_eq!(desk.app.search.query, "evicted", "the search is as it was");
}

#[test]
fn a_number_with_no_option_says_which_there_are() {
    let mut desk = desk(80, 24);
    desk.type_text("evicted");
    desk.press(KeyCode::F(5));
    desk.press(digit(9));
    assert!(
        desk.screen()
            .contains("There is no option 9 here; choose 1 to 3.")
    );
}

/// Every path of every shipped script: open it, walk it, acknowledge each urgent node on the
/// way, F2 at the end and Enter saves. The keys pressed (typing the search aside) are at most
/// the path's depth + 3, plus one Enter per urgent node acknowledged.
#[test]
fn every_path_of_every_shipped_script_ends_in_a_logged_visit_within_depth_plus_three_keys() {
    let catalogue = Catalogue::embedded().unwrap();
    let mut walked = 0;
    for script in &catalogue.scripts {
        for path in every_path(script, 1000).expect("a script that check accepts") {
            let mut desk = desk(80, 24);
            desk.type_text(&script.title);
            let mut keys = 0;
            let mut acks = 0;
            desk.press(KeyCode::F(5));
            keys += 1;
            assert_eq!(script_id(&desk).as_deref(), Some(script.id.as_str()));
            let ack = |desk: &mut Headless, acks: &mut usize| {
                let Screen::Script(view) = desk.app.screen().clone() else {
                    panic!("left the script");
                };
                if view
                    .walk(&desk.app.catalogue)
                    .unwrap()
                    .needs_acknowledgement()
                {
                    desk.press(KeyCode::Enter);
                    *acks += 1;
                }
            };
            for key in &path.keys {
                ack(&mut desk, &mut acks);
                desk.press(digit(*key));
                keys += 1;
            }
            ack(&mut desk, &mut acks);
            desk.press(KeyCode::F(2));
            desk.press(KeyCode::Enter);
            keys += 2;
            let visit = saved_visit(&desk).unwrap_or_else(|| {
                panic!(
                    "{} {:?}: no visit saved; status {:?}",
                    script.id, path.keys, desk.app.status
                )
            });
            let end = script.node(&path.end).unwrap().end.clone().unwrap();
            let outcome: Outcome = end.outcome.as_deref().unwrap().parse().unwrap();
            assert_eq!(visit.outcome, outcome, "{} {:?}", script.id, path.keys);
            for service in &end.services {
                let logged = visit
                    .services
                    .iter()
                    .find(|s| s.service == service.id)
                    .unwrap_or_else(|| panic!("{} {:?}: {}", script.id, path.keys, service.id));
                let own = service.outcome.as_deref().map(|w| w.parse().unwrap());
                assert_eq!(logged.outcome, own.unwrap_or(outcome), "{}", script.id);
            }
            assert_eq!(
                visit.partners, end.partners,
                "{} {:?}",
                script.id, path.keys
            );
            assert!(
                keys <= path.keys.len() + 3,
                "{} {:?}: {keys} keys",
                script.id,
                path.keys
            );
            assert!(
                acks <= 2,
                "{} {:?}: {acks} urgent nodes",
                script.id,
                path.keys
            );
            walked += 1;
        }
    }
    println!("walked {walked} paths to a logged visit");
    assert!(walked >= 8);
}

#[test]
fn each_service_keeps_its_own_outcome_from_the_end() {
    let catalogue = Catalogue::embedded().unwrap();
    let Some((script, path, service, own)) = catalogue.scripts.iter().find_map(|script| {
        every_path(script, 1000)?.into_iter().find_map(|path| {
            let end = script.node(&path.end)?.end.clone()?;
            let service = end.services.iter().find(|s| s.outcome.is_some())?.clone();
            let own: Outcome = service.outcome.as_deref()?.parse().ok()?;
            Some((script.clone(), path, service.id, own))
        })
    }) else {
        eprintln!("no shipped end gives a service its own outcome");
        return;
    };
    let mut desk = desk(80, 24);
    desk.type_text(&script.title);
    desk.press(KeyCode::F(5));
    for key in &path.keys {
        desk.press(KeyCode::Enter);
        desk.press(digit(*key));
    }
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::F(2));
    let draft = desk.app.draft.clone().expect("the form is open");
    assert_eq!(draft.service_outcomes.get(&service), Some(&own));
}

mod snapshots {
    use super::*;

    fn check(name: &str, keys: &[KeyCode]) {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut desk = desk(width, height);
            desk.type_text("evicted");
            desk.press(KeyCode::F(5));
            for key in keys {
                desk.press(*key);
            }
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), desk.screen());
        }
    }

    #[test]
    fn script_question() {
        check("script_question", &[]);
    }

    #[test]
    fn script_urgent() {
        check("script_urgent", &[digit(1)]);
    }

    #[test]
    fn script_end() {
        // Within 56 days, then the first answer at each question to an end.
        check("script_end", &[digit(2), digit(1), digit(1), digit(1)]);
    }
}

#[test]
fn a_service_that_a_script_ends_with_offers_the_script_on_its_detail_screen() {
    let mut desk = desk(80, 24);
    let title = desk
        .app
        .catalogue
        .service("homelessness")
        .unwrap()
        .title
        .clone();
    desk.type_text(&title);
    desk.press(KeyCode::Enter);
    assert!(matches!(desk.app.screen(), Screen::Detail(_)));
    let screen = desk.screen();
    assert!(screen.contains("Script: Homeless"), "{screen}");
    desk.press(KeyCode::F(5));
    assert_eq!(script_id(&desk).as_deref(), Some("homelessness"));
    desk.press(KeyCode::Esc);
    assert!(
        matches!(desk.app.screen(), Screen::Detail(_)),
        "Esc goes back to the service"
    );
}
