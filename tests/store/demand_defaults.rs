//! Value or failure demand and how a resident was helped online: on the visit, remembered for
//! each service, and offered as the next visit's default, still within four keys.

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
fn a_new_visit_starts_with_its_services_remembered_demand_and_still_saves_in_three_keys() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    store
        .save(&visit(&["bulky-waste"], Some(Demand::RepeatContact), None))
        .unwrap();
    drop(store);
    let mut desk = desk(dir.path());
    // The first tick asks the log for the defaults, with the day's count.
    desk.act(Action::Tick(monday_morning()));
    assert!(desk.effects.contains(&Effect::LoadDefaults));

    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    assert_eq!(
        desk.app.draft.as_ref().unwrap().demand,
        Some(Demand::RepeatContact),
        "the form starts with bulky waste's last demand"
    );
    let screen = desk.screen();
    assert!(screen.contains("(•) Repeat"), "{screen}");
    // F2, 1, Enter: saved with it.
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Enter);
    let saved = desk
        .effects
        .iter()
        .find_map(|e| match e {
            Effect::SaveVisit(v) => Some(v.clone()),
            _ => None,
        })
        .expect("saved");
    assert_eq!(saved.demand, Some(Demand::RepeatContact));

    // The receptionist changes it: the next visit about bulky waste offers the new one, at
    // once (the screen keeps what it saved) and in the log.
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Tab); // demand
    desk.press(KeyCode::Left); // from Repeat to Clarifying
    assert_eq!(
        desk.app.draft.as_ref().unwrap().demand,
        Some(Demand::Clarification)
    );
    desk.press(KeyCode::Enter);
    assert_eq!(
        desk.app.service_defaults["bulky-waste"].demand,
        Some(Demand::Clarification)
    );
    let store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    assert_eq!(
        store.service_defaults().unwrap()["bulky-waste"].demand,
        Some(Demand::Clarification)
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
}
