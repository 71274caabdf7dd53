//! Appointments and the waiting list at the desk (headless, the real keymap and screens, a real
//! visit log in a temporary folder): a booking found by the time the resident says or the
//! reference they read out and checked in with one key; bookings not checked in becoming
//! no-shows as the desk's clock moves on; "call next" taking the longest waiting, for one
//! service or any; the wait of the resident called going on the next visit logged here; and
//! both faces saying every row of the one view.

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, TimeZone, Utc};
use crossterm::event::KeyCode;
use frontdesk::appointments::BookingState;
use frontdesk::catalogue::Catalogue;
use frontdesk::desk::{Action, Screen};
use frontdesk::store::Store;
use frontdesk::store::bookings::{Booked, NewBooking};
use frontdesk::tui::headless::Headless;
use tempfile::TempDir;

/// Monday 23 November 2026 (GMT, so UK time is UTC) at `h:m`.
fn at(h: u32, m: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 23, h, m, 0)
        .unwrap()
}

fn utc(h: u32, m: u32) -> DateTime<Utc> {
    at(h, m).to_utc()
}

fn store(dir: &TempDir) -> Store {
    Store::open(&dir.path().join("visits.sqlite3")).unwrap()
}

/// Books `service` at `place` at `h:m` today, a no-show 15 minutes after its start; returns
/// its reference.
fn book(dir: &TempDir, service: &str, place: &str, h: u32, m: u32) -> String {
    let local =
        NaiveDateTime::parse_from_str(&format!("2026-11-23T{h:02}:{m:02}"), "%Y-%m-%dT%H:%M")
            .unwrap();
    let new = NewBooking {
        service,
        place,
        at: local,
        starts: utc(h, m),
        minutes: 30,
        capacity: 4,
        needs: &[],
        no_show_after: Duration::minutes(15),
    };
    match store(dir).book(&new, utc(9, 0)).unwrap() {
        Booked::Made(booking) => booking.reference,
        Booked::Full => panic!("the slot has room"),
    }
}

fn desk(dir: &TempDir, now: DateTime<FixedOffset>, width: u16, height: u16) -> Headless {
    Headless::new(Catalogue::embedded().unwrap(), now, width, height).with_visit_log(dir.path())
}

fn found(desk: &Headless) -> Vec<String> {
    match desk.app.screen() {
        Screen::Waiting(view) => desk
            .app
            .waiting_found(view)
            .iter()
            .map(|b| b.reference.clone())
            .collect(),
        other => panic!("not the waiting screen: {other:?}"),
    }
}

fn state(dir: &TempDir, reference: &str) -> BookingState {
    store(dir).booking(reference).unwrap().unwrap().state
}

#[test]
fn a_resident_is_found_by_the_time_they_say_or_their_reference_and_checked_in_with_one_key() {
    let dir = TempDir::new().unwrap();
    let two = book(&dir, "homelessness", "council-offices", 14, 0);
    let half_two = book(&dir, "homelessness", "council-offices", 14, 30);
    let debt = book(&dir, "debt-advice", "advice-centre", 11, 30);
    let mut d = desk(&dir, at(10, 15), 80, 24);
    d.press(KeyCode::F(12));
    assert_eq!(found(&d).len(), 3, "every booking today\n{}", d.screen());

    // "I have an appointment at two": F12, 2, Enter would check in the first found.
    d.type_text("2");
    assert_eq!(found(&d), [two.clone(), half_two.clone()]);
    for typed in ["2pm", "14", "14:00", "2:00pm"] {
        d.ctrl('u');
        d.type_text(typed);
        let expected = if typed.contains(':') {
            vec![two.clone()]
        } else {
            vec![two.clone(), half_two.clone()]
        };
        assert_eq!(found(&d), expected, "{typed}");
    }
    d.press(KeyCode::Enter);
    assert_eq!(state(&dir, &two), BookingState::Arrived);
    let screen = d.screen();
    assert!(
        screen.contains(&format!("Checked in {two}: ticket H1")),
        "{screen}"
    );
    assert!(screen.contains("H1 "), "the ticket waits:\n{screen}");
    assert_eq!(
        found(&d).len(),
        3,
        "the find box is cleared for the next resident"
    );

    // A reference read out, in lower case, three characters of it.
    d.type_text(&debt[..3].to_lowercase());
    assert_eq!(found(&d), std::slice::from_ref(&debt));
    d.press(KeyCode::Enter);
    assert_eq!(state(&dir, &debt), BookingState::Arrived);
    assert_eq!(state(&dir, &half_two), BookingState::Booked);
    let tickets = store(&dir)
        .tickets_on(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        .unwrap();
    assert_eq!(tickets.len(), 2, "both joined the waiting list");

    // Checked in already: said so, not a second ticket.
    d.type_text(&two);
    d.press(KeyCode::Enter);
    let screen = d.screen();
    assert!(
        screen.contains("cannot be checked in"),
        "refused once arrived:\n{screen}"
    );
    // Nothing found: said in the list.
    d.ctrl('u');
    d.type_text("5am");
    assert!(d.screen().contains("No appointment today matches"));
}

#[test]
fn bookings_not_checked_in_become_no_shows_as_the_desks_clock_moves_on() {
    let dir = TempDir::new().unwrap();
    let ten = book(&dir, "homelessness", "council-offices", 10, 0);
    let eleven = book(&dir, "homelessness", "council-offices", 11, 0);
    let mut d = desk(&dir, at(10, 5), 80, 24);
    d.press(KeyCode::F(12));
    assert_eq!(state(&dir, &ten), BookingState::Booked);
    // Not yet: the no-show falls 15 minutes after the start.
    d.act(Action::Tick(at(10, 14)));
    assert_eq!(state(&dir, &ten), BookingState::Booked);
    d.act(Action::Tick(at(10, 15)));
    assert_eq!(state(&dir, &ten), BookingState::NoShow);
    assert_eq!(state(&dir, &eleven), BookingState::Booked);
    let screen = d.screen();
    assert!(screen.contains("no-show"), "{screen}");
    // A resident who comes late is still checked in.
    d.type_text("10");
    d.press(KeyCode::Enter);
    assert_eq!(state(&dir, &ten), BookingState::Arrived);
}

#[test]
fn call_next_takes_the_longest_waiting_for_one_service_or_any_and_the_wait_goes_on_the_visit() {
    let dir = TempDir::new().unwrap();
    {
        let mut log = store(&dir);
        log.add_ticket("homelessness", 'H', utc(10, 0)).unwrap();
        log.add_ticket("debt-advice", 'D', utc(10, 2)).unwrap();
        log.add_ticket("homelessness", 'H', utc(10, 5)).unwrap();
    }
    let mut d = desk(&dir, at(10, 15), 80, 24);
    d.press(KeyCode::F(12));
    // Nobody called here yet: "seen" says how to call.
    d.press(KeyCode::F(10));
    assert!(d.screen().contains("No resident is called at this desk"));

    d.press(KeyCode::F(9));
    assert_eq!(d.app.waiting_called.as_ref().unwrap().ticket, "H1");
    let screen = d.screen();
    assert!(
        screen.contains("Called H1 (Homeless or at risk") && screen.contains("to Front desk"),
        "{screen}"
    );
    // Only debt advice: D1, though H2 has waited longer.
    let mut steps = 0;
    while !matches!(d.app.screen(), Screen::Waiting(v) if v.service.as_deref() == Some("debt-advice"))
    {
        d.press(KeyCode::Tab);
        steps += 1;
        assert!(steps < 20, "Tab reaches debt advice");
    }
    let Screen::Waiting(view) = d.app.screen().clone() else {
        panic!("the waiting screen");
    };
    assert!(
        d.app
            .waiting_screen(&view)
            .call_for
            .starts_with("Call next: Exampleton Debt")
    );
    assert!(d.screen().contains("Call next: Exampleton"));
    d.press(KeyCode::F(9));
    assert_eq!(d.app.waiting_called.as_ref().unwrap().ticket, "D1");
    d.press(KeyCode::F(9));
    assert!(d.screen().contains("Nobody is waiting for Exampleton Debt"));
    // Any service again.
    while !matches!(d.app.screen(), Screen::Waiting(v) if v.service.is_none()) {
        d.press(KeyCode::Tab);
    }
    d.press(KeyCode::F(9));
    let called = d.app.waiting_called.clone().unwrap();
    assert_eq!(called.ticket, "H2");
    assert_eq!(called.desk.as_deref(), Some("Front desk"));
    d.press(KeyCode::F(9));
    assert!(d.screen().contains("Nobody is waiting."));

    // Seen: the ticket is marked in the log.
    d.press(KeyCode::F(10));
    assert!(d.screen().contains("H2 has been seen."));
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let tickets = store(&dir).tickets_on(day).unwrap();
    let h2 = tickets.iter().find(|t| t.ticket == "H2").unwrap();
    assert!(h2.seen_at.is_some());

    // The next visit logged here carries H2's wait: 10:05 to 10:15.
    d.press(KeyCode::Esc);
    d.type_text("bulky waste");
    d.press(KeyCode::Enter);
    d.press(KeyCode::F(2));
    d.press(KeyCode::Char('1'));
    d.ctrl('s');
    assert!(d.app.draft.is_none(), "the visit is saved\n{}", d.screen());
    let visits = store(&dir)
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap();
    assert_eq!(visits.len(), 1);
    assert_eq!(visits[0].waited_seconds, Some(600));
    assert_eq!(d.app.wait_for_visit, None, "only the next visit");
}

#[test]
fn a_walk_ins_ticket_is_for_the_service_open_shown_large_and_on_the_slip() {
    let dir = TempDir::new().unwrap();
    let mut d = desk(&dir, at(10, 15), 80, 24);
    d.press(KeyCode::F(12));
    d.press(KeyCode::F(5));
    assert!(
        d.screen().contains("Choose the service first"),
        "no service open or chosen"
    );
    d.press(KeyCode::Esc);
    d.type_text("council tax arrears");
    d.press(KeyCode::Enter);
    d.press(KeyCode::F(12));
    d.press(KeyCode::F(5));
    let given = d.app.waiting_given.clone().expect("a ticket");
    assert_eq!(given.service, "council-tax-arrears");
    assert_eq!(given.ticket, "C1");
    let screen = d.screen();
    assert!(screen.contains("Ticket given"), "{screen}");
    assert!(screen.contains("██"), "in large letters:\n{screen}");
    d.press(KeyCode::F(6));
    let Screen::Slip(view) = d.app.screen().clone() else {
        panic!("the slip\n{}", d.screen());
    };
    let slip = d.app.slip_text(&view).unwrap();
    assert!(slip.contains("Your ticket: C1."), "{slip}");
}

/// Text compared as both faces show it: no spaces or box lines, " · " read as a comma.
fn plain(text: &str) -> String {
    text.replace('·', ",")
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '│' | '─' | '┌' | '┐' | '└' | '┘'))
        .collect()
}

#[test]
fn every_row_of_the_waiting_view_is_on_the_full_screen_and_in_the_accessible_mode() {
    let dir = TempDir::new().unwrap();
    book(&dir, "homelessness", "council-offices", 14, 0);
    book(&dir, "debt-advice", "advice-centre", 11, 30);
    let arrived = book(&dir, "homelessness", "council-offices", 10, 30);
    {
        let mut log = store(&dir);
        log.add_ticket("debt-advice", 'D', utc(10, 0)).unwrap();
        log.arrive(&arrived, 'H', utc(10, 10)).unwrap();
    }
    for lang in [
        frontdesk::text::Language::English,
        frontdesk::text::Language::Welsh,
    ] {
        let mut d = desk(&dir, at(10, 15), 200, 30);
        d.app.lang = lang;
        d.press(KeyCode::F(12));
        let Screen::Waiting(view) = d.app.screen().clone() else {
            panic!("the waiting screen");
        };
        let shown = d.app.waiting_screen(&view);
        assert_eq!(shown.bookings.len(), 3);
        assert_eq!(shown.waiting.len(), 2);
        let screen = plain(&d.screen());
        let spoken = plain(&frontdesk::accessible::screen_lines(&d.app, 0).join(" "));
        let texts = shown
            .bookings
            .iter()
            .flat_map(|b| b.texts())
            .chain(shown.waiting.iter().flat_map(|t| t.texts()))
            .chain([shown.call_for.as_str()]);
        for text in texts {
            let said = plain(text);
            assert!(
                screen.contains(&said),
                "{lang:?}: the screen lacks {text:?}\n{screen}"
            );
            assert!(
                spoken.contains(&said),
                "{lang:?}: the accessible mode lacks {text:?}\n{spoken}"
            );
        }
    }
}

#[test]
fn the_waiting_screens_regular_question_is_answered_only_when_todays_list_changed() {
    use frontdesk::desk::Effect;
    use frontdesk::runtime::workers::{StoreJobs, StorePlace};
    let dir = TempDir::new().unwrap();
    let mut jobs = StoreJobs::new(StorePlace {
        visits_file: dir.path().join("visits.sqlite3"),
        drafts: None,
        desk: "Front desk".into(),
        language: frontdesk::text::Language::English,
    });
    let day = at(9, 0).date_naive();
    let ask = |h, m, force| Effect::LoadWaiting {
        day,
        now: utc(h, m),
        force,
    };
    let loaded = |answer: Option<Action>| match answer {
        Some(Action::WaitingLoaded(read)) => read,
        other => panic!("today's list was not given: {other:?}"),
    };
    assert!(loaded(jobs.apply(ask(9, 0, false))).bookings.is_empty());
    assert_eq!(jobs.apply(ask(9, 0, false)), None, "nothing changed");
    loaded(jobs.apply(ask(9, 0, true)));

    // Another desk books on the same file: the next question is answered.
    let reference = book(&dir, "homelessness", "council-offices", 10, 0);
    let read = loaded(jobs.apply(ask(9, 1, false)));
    assert_eq!(read.bookings[0].reference, reference);
    assert_eq!(jobs.apply(ask(9, 1, false)), None);

    // This desk gives a walk-in a ticket through its worker: in the next answer.
    let given = jobs.apply(Effect::AddTicket {
        service: "homelessness".into(),
        letter: 'H',
        now: utc(9, 2),
    });
    assert!(matches!(given, Some(Action::TicketGiven(_))), "{given:?}");
    assert_eq!(loaded(jobs.apply(ask(9, 2, false))).tickets.len(), 1);

    // The booking past its time becomes a no-show as the clock moves on: answered too.
    assert_eq!(jobs.apply(ask(10, 14, false)), None);
    let read = loaded(jobs.apply(ask(10, 15, false)));
    assert_eq!(read.bookings[0].state, BookingState::NoShow);
    assert_eq!(state(&dir, &reference), BookingState::NoShow);
}
