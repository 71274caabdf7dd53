//! The report screen in the app: F7 opens this desk's figures for today; t, w and m choose
//! today, this week and this month; Left and Right step the period; [ and ] stretch it. The
//! figures come from the visit log on the store worker and follow saves from any window. Where
//! the central server's report role is set, `a` switches to the figures of all desks.

use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use crossterm::event::KeyCode;
use frontdesk::desk::{Action, Effect, Mode, Screen};
use frontdesk::report::PeriodKind;
use frontdesk::report::desks_for;
use frontdesk::store::Store;
use frontdesk::tui::headless::Headless;
use frontdesk::visit::{Demand, Outcome, Visit, VisitDraft};
use tempfile::TempDir;

/// Wednesday 25 November 2026, 15:00 UK time (GMT).
fn wednesday_afternoon() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 25, 15, 0, 0)
        .unwrap()
}

fn visit(d: u32, h: u32, service: &str, outcome: Outcome, demand: Option<Demand>) -> Visit {
    let start = Utc.with_ymd_and_hms(2026, 11, d, h, 10, 0).unwrap();
    let mut draft = VisitDraft::new(start, "Front desk", "AB", "t1");
    draft.ended_at = start + Duration::minutes(4);
    draft.services = vec![service.into()];
    draft.outcome = Some(outcome);
    draft.demand = demand;
    draft.into_visit().unwrap()
}

fn fill(data: &Path) {
    let mut store = Store::open(&data.join("visits.sqlite3")).unwrap();
    for v in [
        visit(23, 9, "bulky-waste", Outcome::Resolved, Some(Demand::Value)),
        visit(
            24,
            10,
            "blue-badge",
            Outcome::Signposted,
            Some(Demand::ChasingProgress),
        ),
        visit(
            25,
            10,
            "bulky-waste",
            Outcome::Resolved,
            Some(Demand::Value),
        ),
        visit(
            25,
            11,
            "bin-missed",
            Outcome::NotResolved,
            Some(Demand::RepeatContact),
        ),
        visit(25, 14, "bulky-waste", Outcome::AssistedDigital, None),
        // Another desk's visit is not this desk's figure.
        {
            let mut other = visit(25, 9, "blue-badge", Outcome::Resolved, None);
            other.desk = "Library".into();
            other
        },
    ] {
        store.save(&v).unwrap();
    }
}

fn desk(data: &Path, width: u16, height: u16) -> Headless {
    let catalogue = crate::support::fixture_catalogue();
    Headless::new(catalogue, wednesday_afternoon(), width, height).with_visit_log(data)
}

#[test]
fn f6_opens_todays_figures_and_t_w_m_and_the_arrows_change_the_period() {
    let dir = TempDir::new().unwrap();
    fill(dir.path());
    let mut desk = desk(dir.path(), 80, 24);
    desk.press(KeyCode::F(7));
    assert_eq!(desk.app.mode(), Mode::Report);
    let screen = desk.screen();
    assert!(
        screen.contains("Report · Today · 2026-11-25 · Front desk"),
        "{screen}"
    );
    assert!(
        screen.contains("Visits 3 ·"),
        "today's three visits at this desk:\n{screen}"
    );
    assert!(screen.contains("First contact 66.7%"), "{screen}");
    assert!(screen.contains("Top services"), "{screen}");
    assert!(screen.contains("Bulky waste"), "{screen}");
    insta::assert_snapshot!("report_today_80x24", screen);

    desk.press(KeyCode::Char('w'));
    let screen = desk.screen();
    assert!(
        screen.contains("This week · 2026-11-23 to 2026-11-25"),
        "{screen}"
    );
    assert!(screen.contains("Visits 5 ·"), "{screen}");
    insta::assert_snapshot!("report_week_80x24", screen);

    // Left from this week is last week, Monday to Sunday, named by its Monday.
    desk.press(KeyCode::Left);
    let screen = desk.screen();
    assert!(
        screen.contains("Week of 16 November · 2026-11-16 to 2026-11-22"),
        "{screen}"
    );
    assert!(
        screen.contains("No visits at this desk in this period."),
        "{screen}"
    );
    desk.press(KeyCode::Right);
    desk.press(KeyCode::Right);
    let screen = desk.screen();
    assert!(
        screen.contains("This week · 2026-11-23 to 2026-11-25"),
        "Right stops at this week:\n{screen}"
    );
    desk.press(KeyCode::Char('['));
    let screen = desk.screen();
    assert!(
        screen.contains("Chosen range · 2026-11-22 to 2026-11-25"),
        "{screen}"
    );
    // This month is named, and Left goes to the whole of last month.
    desk.press(KeyCode::Char('m'));
    assert!(
        desk.screen()
            .contains("November 2026 · 2026-11-01 to 2026-11-25"),
        "{}",
        desk.screen()
    );
    desk.press(KeyCode::Left);
    assert!(
        desk.screen()
            .contains("October 2026 · 2026-10-01 to 2026-10-31"),
        "{}",
        desk.screen()
    );
    // Today goes back to yesterday, then to the day before by name.
    desk.press(KeyCode::Char('t'));
    desk.press(KeyCode::Left);
    assert!(desk.screen().contains("Yesterday · 2026-11-24"));
    desk.press(KeyCode::Left);
    assert!(
        desk.screen()
            .contains("Monday 23 November 2026 · 2026-11-23"),
        "{}",
        desk.screen()
    );
    desk.press(KeyCode::Esc);
    assert_eq!(desk.app.mode(), Mode::Search);
}

#[test]
fn the_report_follows_saves_from_this_window_and_others() {
    let dir = TempDir::new().unwrap();
    fill(dir.path());
    let mut desk = desk(dir.path(), 80, 24);
    desk.press(KeyCode::F(7));
    assert!(desk.screen().contains("Visits 3 ·"));

    // Another window saves a visit; within a few seconds the screen has it.
    let mut other = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    let late = visit(25, 14, "blue-badge", Outcome::Resolved, Some(Demand::Value));
    other.save(&late).unwrap();
    desk.act(Action::Tick(wednesday_afternoon() + Duration::seconds(6)));
    assert!(desk.screen().contains("Visits 4 ·"), "{}", desk.screen());

    // A save from this window (confirmed by the store while the report is on screen) asks
    // the log again at once, on the store worker: the desk itself never waits.
    let effects = desk.app.update(Action::VisitSaved(late));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::LoadReport { .. })),
        "{effects:?}"
    );
}

#[test]
fn an_old_answer_never_replaces_the_period_on_screen() {
    let dir = TempDir::new().unwrap();
    fill(dir.path());
    let mut desk = desk(dir.path(), 80, 24);
    desk.press(KeyCode::F(7));
    desk.press(KeyCode::Char('w'));
    assert!(matches!(
        desk.app.screen(),
        Screen::Report(view) if view.period.kind == PeriodKind::Week
    ));
    // An answer to an earlier question (seq 1, today) arrives late: it is ignored.
    let before = desk.app.report.clone();
    desk.act(Action::ReportCounted {
        seq: 1,
        counts: Vec::new(),
    });
    assert_eq!(desk.app.report, before);
    assert!(desk.screen().contains("Visits 5 ·"));
}

#[test]
fn the_report_key_is_in_the_hints_and_in_help() {
    let dir = TempDir::new().unwrap();
    let mut desk = desk(dir.path(), 80, 24);
    desk.press(KeyCode::F(7));
    let screen = desk.screen();
    let hints = screen.lines().last().unwrap_or_default().to_string();
    for hint in ["Esc back", "Left earlier", "Right later", "F1 help"] {
        assert!(hints.contains(hint), "{hint} in {hints}");
    }
    // The period keys are in the report's own border.
    assert!(
        screen.contains("t today · w this week · m this month · [ ] start earlier/later"),
        "{screen}"
    );
    desk.press(KeyCode::F(1));
    let help = desk.screen();
    assert!(help.contains("Report on this week"), "{help}");
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::F(1));
    let help = desk.screen();
    assert!(
        help.contains("F7"),
        "the search screen's help names F7:\n{help}"
    );
    assert!(help.contains("Report on this desk's visits"), "{help}");
}

/// The bottom line of the screen: the keys that work now.
fn hints(screen: &str) -> String {
    screen.lines().last().unwrap_or_default().to_string()
}

#[test]
fn without_a_report_server_there_is_no_all_desks_key() {
    let dir = TempDir::new().unwrap();
    fill(dir.path());
    let mut desk = desk(dir.path(), 80, 24);
    desk.press(KeyCode::F(7));
    assert!(
        !hints(&desk.screen()).contains("desks"),
        "{}",
        desk.screen()
    );
    desk.effects.clear();
    desk.press(KeyCode::Char('a'));
    assert!(
        !desk
            .effects
            .iter()
            .any(|e| matches!(e, Effect::LoadCentralReport { .. })),
        "{:?}",
        desk.effects
    );
    assert!(desk.screen().contains("· Front desk"), "{}", desk.screen());
    desk.press(KeyCode::F(1));
    assert!(!desk.screen().contains("all desks"), "{}", desk.screen());
}

#[test]
fn where_the_report_server_is_set_a_shows_all_desks_and_a_failure_says_why() {
    let dir = TempDir::new().unwrap();
    fill(dir.path());
    let mut desk = desk(dir.path(), 80, 24);
    desk.app.central_report = true;
    desk.press(KeyCode::F(7));
    assert!(
        hints(&desk.screen()).contains("a this/all desks"),
        "{}",
        desk.screen()
    );
    desk.press(KeyCode::F(1));
    assert!(
        desk.screen()
            .contains("Switch between this desk's figures and all desks'"),
        "{}",
        desk.screen()
    );
    desk.press(KeyCode::Esc);

    desk.press(KeyCode::Char('a'));
    let Some(Effect::LoadCentralReport { seq, from, to }) = desk.effects.last().cloned() else {
        panic!("a asks the central server: {:?}", desk.effects);
    };
    let screen = desk.screen();
    assert!(
        screen.contains("Report · Today · 2026-11-25 · all desks"),
        "{screen}"
    );
    assert!(
        screen.contains("Counting..."),
        "not this desk's figures:\n{screen}"
    );
    // The server's answer: here the same log's counts over every desk, as the server sums them.
    let store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    let counts = store.report_counts(from, to, &desks_for(None)).unwrap();
    desk.act(Action::ReportCounted { seq, counts });
    let screen = desk.screen();
    assert!(
        screen.contains("Visits 4 ·"),
        "this desk's three and the library's one:\n{screen}"
    );
    insta::assert_snapshot!("report_all_desks_80x24", screen);

    // The week, from a server that cannot be reached: one sentence in place of the figures.
    desk.press(KeyCode::Char('w'));
    let Some(Effect::LoadCentralReport { seq, .. }) = desk.effects.last().cloned() else {
        panic!("w asks the central server: {:?}", desk.effects);
    };
    desk.act(Action::AllDesksNotCounted {
        seq,
        reason: "cannot reach the server postgres://frontdesk_report@db.council.gov.uk/frontdesk: \
                 connection refused; check the server setting and the network, and try again"
            .into(),
    });
    let screen = desk.screen();
    assert!(
        screen.contains("This week · 2026-11-23 to 2026-11-25 · all desks"),
        "{screen}"
    );
    assert!(
        screen.contains("Cannot read the figures of all desks: cannot reach the server"),
        "{screen}"
    );
    assert!(!screen.contains("Visits"), "{screen}");
    insta::assert_snapshot!("report_all_desks_failed_80x24", screen);

    // Back to this desk's week, from the log.
    desk.press(KeyCode::Char('a'));
    let screen = desk.screen();
    assert!(
        screen.contains("This week · 2026-11-23 to 2026-11-25 · Front desk"),
        "{screen}"
    );
    assert!(screen.contains("Visits 5 ·"), "{screen}");
    assert!(!screen.contains("Cannot read"), "{screen}");
}

#[test]
fn a_tall_window_lists_as_many_services_as_fit_and_says_how_many_more() {
    let dir = TempDir::new().unwrap();
    // Thirty services the catalogue does not know (shown by their ids), each once today.
    let ids: Vec<String> = (1..=30)
        .map(|n| format!("made-up-service-{n:02}"))
        .collect();
    let mut store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    for id in &ids {
        store
            .save(&visit(25, 10, id, Outcome::Resolved, None))
            .unwrap();
    }
    drop(store);
    let count = |screen: &str| ids.iter().filter(|id| screen.contains(id.as_str())).count();
    let mut small = desk(dir.path(), 80, 24);
    small.press(KeyCode::F(7));
    let screen = small.screen();
    let shown = count(&screen);
    assert!(
        screen.contains(&format!("and {} more", ids.len() - shown)),
        "{} services, {shown} shown:\n{screen}",
        ids.len()
    );
    let mut tall = desk(dir.path(), 120, 40);
    tall.press(KeyCode::F(7));
    let screen = tall.screen();
    let tall_shown = count(&screen);
    assert!(tall_shown > shown + 10, "{tall_shown} at 120x40:\n{screen}");
    if tall_shown < ids.len() {
        assert!(screen.contains(&format!("and {} more", ids.len() - tall_shown)));
    } else {
        assert!(!screen.contains(" more"), "{screen}");
    }
}

#[test]
fn with_bookings_the_heat_map_keeps_every_day_and_the_busiest_hour_at_any_height() {
    use frontdesk::appointments::london;
    use frontdesk::store::bookings::{Booked, NewBooking};
    let dir = TempDir::new().unwrap();
    fill(dir.path());
    let mut store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    for hour in [10, 11, 14] {
        let local = chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
            .unwrap()
            .and_hms_opt(hour, 30, 0)
            .unwrap();
        let new = NewBooking {
            service: "bulky-waste",
            place: "Front desk",
            at: local,
            starts: london::instant(local).unwrap(),
            minutes: 30,
            capacity: 5,
            needs: &[],
            no_show_after: Duration::minutes(15),
        };
        let made = store
            .book(&new, wednesday_afternoon().to_utc() - Duration::days(2))
            .unwrap();
        assert!(matches!(made, Booked::Made(_)));
    }
    drop(store);
    for (width, height) in [(80, 24), (80, 22), (80, 30), (120, 40)] {
        let mut desk = desk(dir.path(), width, height);
        desk.press(KeyCode::F(7));
        desk.press(KeyCode::Char('w'));
        let screen = desk.screen();
        assert!(screen.contains("3 booked"), "{width}x{height}:\n{screen}");
        assert!(screen.contains("Sun "), "{width}x{height}:\n{screen}");
        assert!(
            screen.contains("Busiest: Mon 09:00"),
            "{width}x{height}:\n{screen}"
        );
        // From 24 rows the charts keep their height: every kind of failure demand.
        if height >= 24 {
            assert!(screen.contains("Elsewhere"), "{width}x{height}:\n{screen}");
        }
        if (width, height) == (80, 24) {
            insta::assert_snapshot!("report_week_with_bookings_80x24", screen);
        }
    }
}
