//! Value or failure demand and how a resident was helped online: on the visit, remembered for
//! each service, and offered beside their fields on the next visit: one key takes them, and a
//! visit saved without taking them records nothing (the figure counts what was chosen).

use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use crossterm::event::KeyCode;
use frontdesk::desk::{Action, Effect};
use frontdesk::store::Store;
use frontdesk::tui::headless::Headless;
use frontdesk::visit::{AssistedHow, Demand, Outcome, ServiceDefault, Visit, VisitDraft};
use tempfile::TempDir;

fn monday_morning() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
        .unwrap()
}

fn visit(services: &[&str], demand: Option<Demand>, assisted: Option<AssistedHow>) -> Visit {
    let start = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
    let mut draft = VisitDraft::new(start, "Front desk", "", "t1");
    draft.ended_at = start + Duration::minutes(3);
    draft.services = services.iter().map(|s| s.to_string()).collect();
    draft.outcome = Some(Outcome::Resolved);
    draft.demand = demand;
    draft.assisted = assisted;
    draft.into_visit().unwrap()
}

#[test]
fn the_log_remembers_the_last_demand_given_for_each_service() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    store
        .save(&visit(
            &["bulky-waste", "bin-missed"],
            Some(Demand::ChasingProgress),
            None,
        ))
        .unwrap();
    store
        .save(&visit(
            &["bin-missed"],
            None,
            Some(AssistedHow::DoneForThem),
        ))
        .unwrap();
    let defaults = store.service_defaults().unwrap();
    assert_eq!(
        defaults["bulky-waste"],
        ServiceDefault {
            demand: Some(Demand::ChasingProgress),
            assisted: None
        }
    );
    assert_eq!(
        defaults["bin-missed"],
        ServiceDefault {
            demand: Some(Demand::ChasingProgress),
            assisted: Some(AssistedHow::DoneForThem)
        },
        "a visit without a demand leaves the remembered one"
    );
    // An edit gives the service its new demand.
    let mut edited = visit(&["bulky-waste"], Some(Demand::Value), None);
    store.save(&edited).unwrap();
    edited.demand = Some(Demand::WrongPlace);
    store.update(&edited).unwrap();
    let defaults = store.service_defaults().unwrap();
    assert_eq!(defaults["bulky-waste"].demand, Some(Demand::WrongPlace));
    assert!(!defaults.contains_key("blue-badge"));
}

fn desk(data: &Path) -> Headless {
    let catalogue = crate::support::fixture_catalogue();
    Headless::new(catalogue, monday_morning(), 80, 24).with_visit_log(data)
}

#[test]
fn last_times_answers_are_offered_not_filled_and_one_key_takes_them() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    store
        .save(&visit(
            &["bulky-waste"],
            Some(Demand::RepeatContact),
            Some(AssistedHow::DoneWithThem),
        ))
        .unwrap();
    drop(store);
    let mut desk = desk(dir.path());
    // The first tick asks the log for the remembered answers, with the day's count.
    desk.act(Action::Tick(monday_morning()));
    assert!(desk.effects.contains(&Effect::LoadDefaults));

    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    let draft = desk.app.draft.as_ref().unwrap();
    assert_eq!(draft.demand, None, "offered, not filled in");
    assert_eq!(draft.assisted, None, "offered, not filled in");
    let screen = desk.screen();
    assert!(
        screen.contains("last time: Repeat (l takes it)"),
        "{screen}"
    );
    assert!(
        screen.contains("last time: With them (l takes it)"),
        "{screen}"
    );
    // The common visit is still three keys, F2, 1, Enter, and records nothing it was not told.
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Enter);
    let saved = |desk: &Headless| {
        desk.effects
            .iter()
            .rev()
            .find_map(|e| match e {
                Effect::SaveVisit(v) => Some(v.clone()),
                _ => None,
            })
            .expect("saved")
    };
    let first = saved(&desk);
    assert_eq!((first.demand, first.assisted), (None, None));

    // One key takes last time's answers; the screen says so no more.
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Char('l'));
    let draft = desk.app.draft.as_ref().unwrap();
    assert_eq!(draft.demand, Some(Demand::RepeatContact));
    assert_eq!(draft.assisted, Some(AssistedHow::DoneWithThem));
    assert!(!desk.screen().contains("last time:"));
    desk.press(KeyCode::Enter);
    let second = saved(&desk);
    assert_eq!(second.demand, Some(Demand::RepeatContact));
    assert_eq!(second.assisted, Some(AssistedHow::DoneWithThem));

    // The receptionist changes it: the next visit about bulky waste offers the new one, at
    // once (the screen keeps what it saved) and in the log.
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Tab); // demand
    desk.press(KeyCode::Char(' ')); // Value
    desk.press(KeyCode::Right); // Chasing progress
    assert_eq!(
        desk.app.draft.as_ref().unwrap().demand,
        Some(Demand::ChasingProgress)
    );
    // What was chosen is never replaced by last time's.
    desk.press(KeyCode::Char('l'));
    assert_eq!(
        desk.app.draft.as_ref().unwrap().demand,
        Some(Demand::ChasingProgress)
    );
    desk.press(KeyCode::Enter);
    assert_eq!(
        desk.app.service_defaults["bulky-waste"].demand,
        Some(Demand::ChasingProgress)
    );
    let store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    assert_eq!(
        store.service_defaults().unwrap()["bulky-waste"].demand,
        Some(Demand::ChasingProgress)
    );
}

#[test]
fn a_chosen_demand_is_never_replaced_and_space_clears_it() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    store
        .save(&visit(&["blue-badge"], Some(Demand::WrongPlace), None))
        .unwrap();
    drop(store);
    let mut desk = desk(dir.path());
    desk.act(Action::Tick(monday_morning()));
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    assert_eq!(
        desk.app.draft.as_ref().unwrap().demand,
        None,
        "no default yet"
    );
    desk.press(KeyCode::Tab); // demand
    desk.press(KeyCode::Char(' ')); // Value
    desk.press(KeyCode::Esc);
    // A second service with a default of its own does not change what was chosen.
    desk.press(KeyCode::Esc);
    desk.type_text("blue badge");
    desk.press(KeyCode::F(2));
    let draft = desk.app.draft.as_ref().unwrap();
    assert_eq!(draft.services.len(), 2, "{:?}", draft.services);
    assert_eq!(draft.demand, Some(Demand::Value));
    // Space on the chosen one clears it: the field is optional.
    desk.press(KeyCode::Tab);
    desk.press(KeyCode::Char(' '));
    assert_eq!(desk.app.draft.as_ref().unwrap().demand, None);
    // Cleared, the field offers last time's answer for blue badge again, and saves without it.
    let screen = desk.screen();
    assert!(
        screen.contains("last time: Wrong place (l takes it)"),
        "{screen}"
    );
}
