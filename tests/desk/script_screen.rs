//! The script screen, driven without a terminal: a script is a search result for the words
//! residents use, shown as a script and opened with Enter, walked one number key a step, an urgent node waits to be acknowledged, Backspace steps back,
//! and the end fills the visit form. Snapshots live in tests/desk/snapshots/.

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyCode;
use frontdesk::catalogue::{Catalogue, Kind};
use frontdesk::desk::{Command, Effect, Mode, Screen};
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

/// Where the script `id` is in the results on screen, if it is there.
fn script_row(desk: &Headless, id: &str) -> Option<usize> {
    let catalogue = &desk.app.catalogue;
    desk.app.search.results.iter().position(|key| {
        key.kind == Kind::Script && catalogue.entry(*key).is_some_and(|e| e.id() == id)
    })
}

/// Types `query`, moves down to the script `id` among the results and opens it with Enter, as
/// a receptionist would. Returns the keys pressed after typing (the moves and the Enter).
fn open_script(desk: &mut Headless, query: &str, id: &str) -> usize {
    desk.type_text(query);
    let row = script_row(desk, id).unwrap_or_else(|| {
        panic!(
            "{query:?} does not find the script {id}:\n{}",
            desk.screen()
        )
    });
    for _ in 0..row {
        desk.press(KeyCode::Down);
    }
    desk.press(KeyCode::Enter);
    assert_eq!(script_id(desk).as_deref(), Some(id), "{query:?}");
    row + 1
}

fn saved_visit(desk: &Headless) -> Option<Visit> {
    desk.effects.iter().rev().find_map(|e| match e {
        Effect::SaveVisit(visit) => Some(visit.clone()),
        _ => None,
    })
}

#[test]
fn the_words_residents_use_find_the_script_as_a_result_and_enter_walks_it() {
    for (query, id) in [
        ("evicted", "homelessness"),
        ("evictd", "homelessness"),
        ("bailiffs", "council-tax-arrears"),
        ("can't get online", "digital-inclusion"),
        ("I have been evicted", "homelessness"),
        ("missed bin", "missed-bin"),
    ] {
        let mut desk = desk(80, 24);
        desk.type_text(query);
        let title = desk.app.catalogue.script(id).unwrap().title.clone();
        let screen = desk.screen();
        let row = screen
            .lines()
            .find(|line| line.contains(&title))
            .unwrap_or_else(|| panic!("{query:?}: the {id} script is not in sight:\n{screen}"));
        let words: Vec<&str> = row.split_whitespace().collect();
        assert!(
            words.join(" ").contains(&format!("Script {title}")),
            "{query:?}: the row says it is a script, in words:\n{screen}"
        );
        let mut desk = self::desk(80, 24);
        open_script(&mut desk, query, id);
        assert_eq!(desk.app.mode(), Mode::Script);
    }
}

#[test]
fn a_selected_script_is_previewed_with_its_first_question_and_how_to_walk_it() {
    let mut desk = desk(80, 24);
    desk.type_text("Homeless or about to lose your home");
    assert_eq!(script_row(&desk, "homelessness"), Some(0));
    let screen = desk.screen();
    assert!(
        screen.contains("Starts with: Does any of these apply to you"),
        "{screen}"
    );
    assert!(screen.contains("press Enter to walk it"), "{screen}");
}

#[test]
fn words_no_script_has_find_no_script() {
    let mut desk = desk(80, 24);
    desk.type_text("planning permission");
    assert!(
        desk.app
            .search
            .results
            .iter()
            .all(|k| k.kind != Kind::Script)
    );
    assert!(!desk.screen().contains("Script "));
    desk.press(KeyCode::F(5));
    assert_eq!(desk.app.mode(), Mode::Search, "F5 does nothing here");
}

#[test]
fn an_urgent_node_cannot_be_skipped_until_acknowledged() {
    let mut desk = desk(80, 24);
    open_script(&mut desk, "evicted", "homelessness");
    desk.press(digit(1)); // Safety first: none of these.
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
    open_script(&mut desk, "evicted", "homelessness");
    let start = desk.screen();
    desk.press(digit(1)); // Safety first: none of these.
    let second = desk.screen();
    desk.press(digit(3));
    let screen = desk.screen();
    assert!(screen.contains("Yes, but I have to leave soon"), "{screen}");
    desk.press(KeyCode::Backspace);
    assert_eq!(desk.screen(), second, "back at the second question");
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
    open_script(&mut desk, "evicted", "homelessness");
    desk.press(digit(1)); // Safety first: none of these.
    desk.press(digit(9));
    assert!(
        desk.screen()
            .contains("There is no option 9 here; choose 1 to 5.")
    );
}

/// Every path of every shipped script: find it by its title, open it, walk it, acknowledge each urgent node on the
/// way, F2 at the end and Enter saves. The keys pressed (typing the search aside) are at most
/// the path's depth + 3, plus one Enter per urgent node acknowledged.
#[test]
fn every_path_of_every_shipped_script_ends_in_a_logged_visit_within_depth_plus_three_keys() {
    let catalogue = Catalogue::embedded().unwrap();
    let mut walked = 0;
    for script in &catalogue.scripts {
        for path in every_path(script, 1000).expect("a script that check accepts") {
            let mut desk = desk(80, 24);
            let mut keys = open_script(&mut desk, &script.title, &script.id);
            let mut acks = 0;
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
    open_script(&mut desk, &script.title, &script.id);
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
            open_script(&mut desk, "evicted", "homelessness");
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
        // Safety first: none of these; then nowhere safe tonight.
        check("script_urgent", &[digit(1), digit(1)]);
    }

    #[test]
    fn script_end() {
        // Safety first: none of these; leaving soon, within 56 days, a notice, no court
        // order yet, not sure which notice.
        check(
            "script_end",
            &[digit(1), digit(3), digit(1), digit(1), digit(1), digit(3)],
        );
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

/// The bottom line of the screen: the key hints.
fn hints(desk: &mut Headless) -> String {
    desk.screen().lines().last().unwrap_or_default().to_string()
}

#[test]
fn the_bottom_bar_shows_the_keys_that_work_at_this_node() {
    let mut desk = desk(80, 24);
    open_script(&mut desk, "evicted", "homelessness");
    let bar = hints(&mut desk);
    assert!(
        bar.contains("1-7 choose"),
        "seven options at the start, the safety check: {bar}"
    );
    for absent in ["step back", "I have done this", "log visit"] {
        assert!(!bar.contains(absent), "not at the start: {absent} in {bar}");
    }
    desk.press(digit(1)); // Safety first: none of these.
    let bar = hints(&mut desk);
    assert!(bar.contains("1-5 choose"), "five options next: {bar}");
    desk.press(digit(1)); // Nowhere safe tonight: urgent.
    let bar = hints(&mut desk);
    assert!(bar.contains("Enter I have done this"), "{bar}");
    assert!(bar.contains("Backspace step back"), "{bar}");
    assert!(!bar.contains("choose"), "the options wait: {bar}");
    desk.press(KeyCode::Enter);
    let bar = hints(&mut desk);
    assert!(bar.contains("1-2 choose"), "{bar}");
    assert!(!bar.contains("I have done this"), "acknowledged: {bar}");
    desk.press(KeyCode::Backspace);
    for key in [3, 1, 1, 1, 3] {
        desk.press(digit(key));
    }
    let bar = hints(&mut desk);
    assert!(desk.screen().contains("End of the script"));
    assert!(bar.contains("F2 log visit"), "at an end: {bar}");
    assert!(
        !bar.contains("choose"),
        "nothing to choose at an end: {bar}"
    );
}

/// At every node of every path of every shipped script, a number is in the bottom bar exactly
/// when it chooses something, Enter exactly when an urgent node waits, and the log key exactly
/// at an end: the bar and the keys cannot disagree.
#[test]
fn at_every_node_the_hints_and_the_keys_agree() {
    let catalogue = Catalogue::embedded().unwrap();
    let mut nodes = 0;
    for script in &catalogue.scripts {
        for path in every_path(script, 1000).expect("a script that check accepts") {
            let mut desk = desk(80, 24);
            open_script(&mut desk, &script.title, &script.id);
            for step in 0..=path.keys.len() {
                let Screen::Script(view) = desk.app.screen().clone() else {
                    panic!("left the script");
                };
                let walk = view.walk(&desk.app.catalogue).unwrap();
                let waiting = walk.needs_acknowledgement();
                for key in 1..=9 {
                    let mut tried = view.clone();
                    assert_eq!(
                        desk.app.offers(Command::Choose(key)),
                        tried.choose(&desk.app.catalogue, key),
                        "{} {:?}, option {key}",
                        script.id,
                        &path.keys[..step]
                    );
                }
                assert_eq!(desk.app.offers(Command::Acknowledge), waiting);
                assert_eq!(
                    desk.app.offers(Command::LogVisit),
                    walk.is_end() && !waiting
                );
                assert_eq!(desk.app.offers(Command::StepBack), step > 0);
                nodes += 1;
                if waiting {
                    desk.press(KeyCode::Enter);
                }
                if let Some(key) = path.keys.get(step) {
                    desk.press(digit(*key));
                }
            }
        }
    }
    assert!(nodes > 100, "{nodes} nodes checked");
}

#[test]
fn the_form_says_the_visit_came_from_a_script_and_keeps_it_when_its_services_change() {
    let mut desk = desk(80, 24);
    open_script(&mut desk, "evicted", "homelessness");
    for key in [1, 3, 1, 1, 1, 3] {
        desk.press(digit(key));
    }
    desk.press(KeyCode::F(2));
    let screen = desk.screen();
    assert!(
        screen.contains("From script: Homeless or about to lose your home, path 1,3,1,1,1,3"),
        "{screen}"
    );
    let from_end = desk.app.draft.clone().unwrap().services;
    assert!(!from_end.is_empty());
    // Remove the first service, then add another from a search: the script stays.
    desk.press(KeyCode::BackTab);
    desk.press(KeyCode::Delete);
    for _ in 0..2 {
        desk.press(KeyCode::Esc);
    }
    desk.type_text("council tax reduction");
    desk.press(KeyCode::F(2));
    let draft = desk.app.draft.clone().unwrap();
    assert!(
        !draft.services.contains(&from_end[0]),
        "{:?}",
        draft.services
    );
    assert!(draft.services.iter().any(|s| s == "council-tax-reduction"));
    assert!(desk.screen().contains("From script: Homeless"));
    desk.press(KeyCode::Enter);
    let visit = saved_visit(&desk).expect("saved");
    let record = visit.script.expect("the script is kept with the visit");
    assert_eq!(
        (record.id.as_str(), record.path.as_slice()),
        ("homelessness", &[1, 3, 1, 1, 1, 3][..])
    );
}
