//! An honest visit length: the timer starts at F4 or at the first key after the last save or
//! discard, and an idle search cleared before anything was opened does not count.

use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use crossterm::event::KeyCode;
use frontdesk::catalogue::Catalogue;
use frontdesk::desk::{Action, Effect};
use frontdesk::tui::headless::Headless;
use frontdesk::visit::Visit;
use tempfile::TempDir;

fn nine() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .unwrap()
}

fn at(minutes: i64) -> Action {
    Action::Tick(nine() + Duration::minutes(minutes))
}

fn desk(data: &Path) -> Headless {
    let catalogue = Catalogue::from_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue"),
    )
    .unwrap();
    Headless::new(catalogue, nine(), 80, 24).with_visit_log(data)
}

fn last_saved(desk: &Headless) -> Visit {
    desk.effects
        .iter()
        .rev()
        .find_map(|e| match e {
            Effect::SaveVisit(v) => Some(v.clone()),
            _ => None,
        })
        .expect("a visit saved")
}

fn minutes_from_nine(visit: &Visit) -> (i64, i64) {
    let nine = nine().to_utc();
    (
        (visit.started_at - nine).num_minutes(),
        (visit.ended_at - nine).num_minutes(),
    )
}

#[test]
fn an_idle_search_cleared_before_anything_was_opened_is_not_counted() {
    let dir = TempDir::new().unwrap();
    let mut desk = desk(dir.path());
    // A search typed while waiting, then cleared with Esc: no resident yet.
    desk.type_text("bins");
    assert!(desk.app.visit_started.is_some());
    desk.act(at(4));
    desk.press(KeyCode::Esc);
    assert_eq!(
        desk.app.visit_started, None,
        "Esc on the search cleared the timer"
    );
    // Deleting what was typed clears it too.
    desk.act(at(6));
    desk.type_text("x");
    desk.press(KeyCode::Backspace);
    assert_eq!(desk.app.visit_started, None);
    // The resident arrives: the first key starts the visit.
    desk.act(at(10));
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.act(at(13));
    desk.press(KeyCode::Enter);
    assert_eq!(minutes_from_nine(&last_saved(&desk)), (10, 13));
    assert_eq!(desk.app.visit_started, None, "a save clears the timer");
}

#[test]
fn f4_starts_the_timer_and_an_opened_entry_keeps_it_when_the_search_is_cleared() {
    let dir = TempDir::new().unwrap();
    let mut desk = desk(dir.path());
    desk.act(at(2));
    desk.press(KeyCode::F(4));
    assert_eq!(
        desk.app.visit_started,
        Some((nine() + Duration::minutes(2)).to_utc())
    );
    // Something opened for this resident: clearing the search afterwards keeps their start.
    desk.act(at(3));
    desk.type_text("bulky");
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Esc);
    assert_eq!(desk.app.search.query, "");
    assert_eq!(
        desk.app.visit_started,
        Some((nine() + Duration::minutes(2)).to_utc())
    );
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.act(at(8));
    desk.press(KeyCode::Enter);
    assert_eq!(minutes_from_nine(&last_saved(&desk)), (2, 8));
    // After a discard, the next key starts the next visit.
    desk.act(at(20));
    desk.type_text("bulky");
    desk.press(KeyCode::F(2));
    desk.ctrl('d');
    assert_eq!(desk.app.visit_started, None);
    desk.act(at(25));
    desk.type_text("bins");
    assert_eq!(
        desk.app.visit_started,
        Some((nine() + Duration::minutes(25)).to_utc())
    );
}

#[test]
fn a_log_from_before_counts_again_with_untimed_visits_left_out_of_the_median() {
    use frontdesk::store::{VisitLog, migrations};
    // Version 12 is the step that counts untimed visits apart; a log of version 11 was made
    // by the frontdesk before it.
    const BEFORE_THE_RECOUNT: u32 = 11;
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    migrations::migrate_to(&mut conn, &path, BEFORE_THE_RECOUNT).unwrap();
    // Two timed visits (4 and 6 minutes) and one logged from the command line (no timer),
    // written as the frontdesk before this step wrote them, on Monday 23 November 2026.
    let start = nine().to_utc().timestamp_millis();
    let day = nine()
        .date_naive()
        .signed_duration_since(chrono::NaiveDate::default())
        .num_days();
    for (n, minutes) in [(1, 4), (2, 6), (3, 0)] {
        let id = format!("01959b5c-6a00-7000-8000-00000000000{n}");
        conn.execute(
            "INSERT INTO visits (id, started_at, ended_at, desk, outcome, local_day, local_hour) \
             VALUES (?1, ?2, ?3, 'Front desk', 'resolved', ?4, 9)",
            rusqlite::params![id, start, start + minutes * 60_000, day],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO visit_services (visit_id, position, service_id, outcome) \
             VALUES (?1, 0, 'bulky-waste', 'resolved')",
            [&id],
        )
        .unwrap();
    }
    drop(conn);
    let mut log = VisitLog::new(&path);
    let day = nine().date_naive();
    let counts = log
        .report_counts(day, day, &frontdesk::report::desks_for(None))
        .unwrap();
    let catalogue = Catalogue::from_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue"),
    )
    .unwrap();
    let report = frontdesk::report::Report::build(
        frontdesk::report::Period {
            from: day,
            to: day,
            desk: None,
        },
        &counts,
        &catalogue,
        frontdesk::config::UnitCosts::default(),
        frontdesk::text::Language::English,
    );
    assert_eq!(report.visits, 3, "nothing lost");
    assert_eq!(report.length_unknown, 1);
    assert_eq!(
        report.median_minutes,
        Some(5.0),
        "the median of 4 and 6 minutes"
    );
}
