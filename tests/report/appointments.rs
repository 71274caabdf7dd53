//! Appointments and the waiting room in the report, against a day worked by hand: bookings,
//! check-ins, calls, a no-show, a cancellation and walk-ins written to a real visit log at
//! injected times, then read back as the report's counts on every face and in every format.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use frontdesk::appointments::london;
use frontdesk::appointments::needs::Need;
use frontdesk::catalogue::Catalogue;
use frontdesk::config::UnitCosts;
use frontdesk::desk::view::report_appointments;
use frontdesk::report::{Period, Report, desks_for};
use frontdesk::store::Store;
use frontdesk::store::bookings::{Booked, Change, NewBooking};
use frontdesk::text::Language;
use tempfile::TempDir;

/// Tuesday 12 January 2027: GMT, so UTC is the local time.
fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 12).unwrap()
}

fn at(hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 12, hour, minute, 0).unwrap()
}

fn book(store: &mut Store, service: &str, place: &str, hour: u32, needs: &[Need]) -> String {
    let local = day().and_hms_opt(hour, 0, 0).unwrap();
    let new = NewBooking {
        service,
        place,
        at: local,
        starts: london::instant(local).unwrap(),
        minutes: 30,
        capacity: 5,
        needs,
        no_show_after: Duration::minutes(15),
    };
    match store.book(&new, at(8, 0) - Duration::days(3)).unwrap() {
        Booked::Made(booking) => booking.reference,
        Booked::Full => panic!("the slot has room"),
    }
}

fn arrive(store: &mut Store, reference: &str, letter: char, when: DateTime<Utc>) {
    assert!(matches!(
        store.arrive(reference, letter, when).unwrap(),
        Change::Done(_)
    ));
}

fn call(store: &mut Store, service: &str, when: DateTime<Utc>) -> String {
    store
        .call_next(Some(service), "Desk 1", when)
        .unwrap()
        .expect("someone waiting")
        .ticket
}

/// The day, by hand:
///
/// | booking | service@place            | what happened                                   |
/// |---------|--------------------------|-------------------------------------------------|
/// | A 09:00 | housing@town-hall        | in 08:55, called 09:05 (10 min), seen           |
/// | B 09:00 | housing@town-hall        | in 09:10, called 09:30 (20 min)                 |
/// | C 09:00 | housing@town-hall        | never came: a no-show at 09:15                  |
/// | D 09:00 | housing@town-hall        | cancelled                                       |
/// | E 10:00 | benefits@library         | in 09:58, called 10:33 (35 min)                 |
/// | F 11:00 | housing@town-hall        | a longer slot, still booked                     |
///
/// Walk-ins: W1 housing in 09:00, called 09:12 (12 min); W2 benefits in 10:30, called 10:34
/// (4 min); W3 housing in 11:00, still waiting.
///
/// Bookings 6: kept 3 (A, B, E), no-shows 1, cancelled 1: 75% kept. Arrivals: 3 by
/// appointment, 3 walk-ins (50%). Waits 4, 10, 12, 20, 35: median 12, p90 35 (the 5th of 5).
/// Housing 10, 12, 20: median 12, p90 20; benefits 4, 35: median 19.5, p90 35. By hour of
/// arrival: 08 (10), 09 (12, 20, 35: median 20, p90 35), 10 (4).
fn the_day() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    let s = &mut store;
    let a = book(s, "housing", "town-hall", 9, &[]);
    let b = book(s, "housing", "town-hall", 9, &[]);
    let _c = book(s, "housing", "town-hall", 9, &[]);
    let d = book(s, "housing", "town-hall", 9, &[]);
    let e = book(s, "benefits", "library", 10, &[]);
    let _f = book(s, "housing", "town-hall", 11, &[Need::LongerSlot]);
    assert!(matches!(s.cancel(&d, at(8, 30)).unwrap(), Change::Done(_)));
    arrive(s, &a, 'H', at(8, 55));
    s.add_ticket("housing", 'H', at(9, 0)).unwrap();
    assert_eq!(call(s, "housing", at(9, 5)), "H1");
    arrive(s, &b, 'H', at(9, 10));
    assert_eq!(call(s, "housing", at(9, 12)), "H2");
    assert_eq!(s.mark_no_shows(at(9, 20)).unwrap(), 1);
    assert!(matches!(
        s.seen(&a, "Desk 1", at(9, 25)).unwrap(),
        Change::Done(_)
    ));
    assert_eq!(call(s, "housing", at(9, 30)), "H3");
    arrive(s, &e, 'B', at(9, 58));
    s.add_ticket("benefits", 'B', at(10, 30)).unwrap();
    assert_eq!(call(s, "benefits", at(10, 33)), "B1");
    assert_eq!(call(s, "benefits", at(10, 34)), "B2");
    s.add_ticket("housing", 'H', at(11, 0)).unwrap();
    (dir, store)
}

fn report_of(store: &Store, from: NaiveDate, to: NaiveDate, lang: Language) -> Report {
    let counts = store.report_counts(from, to, &desks_for(None)).unwrap();
    Report::build(
        Period {
            from,
            to,
            desk: None,
        },
        &counts,
        &Catalogue::embedded().unwrap(),
        UnitCosts::default(),
        lang,
    )
}

#[test]
fn the_figures_of_a_day_worked_by_hand_on_every_face_and_in_every_format() {
    let (_dir, store) = the_day();
    let report = report_of(&store, day(), day(), Language::English);
    let json = serde_json::to_value(&report).unwrap();
    let f = &json["appointments"];
    assert_eq!(f["bookings"], 6);
    assert_eq!(f["kept"], 3);
    assert_eq!(f["no_shows"], 1);
    assert_eq!(f["cancelled"], 1);
    assert_eq!(f["kept_rate_percent"], 75.0);
    assert_eq!(f["by_appointment"], 3);
    assert_eq!(f["walk_ins"], 3);
    assert_eq!(f["by_appointment_percent"], 50.0);
    assert_eq!(f["waiting"]["called"], 5);
    assert_eq!(f["waiting"]["median_minutes"], 12.0);
    assert_eq!(f["waiting"]["p90_minutes"], 35.0);
    let pairs = f["by_service_and_place"].as_array().unwrap();
    assert_eq!(pairs[0]["id"], "benefits@library");
    assert_eq!(
        (pairs[0]["bookings"].clone(), pairs[0]["kept"].clone()),
        (1.into(), 1.into())
    );
    assert_eq!(pairs[1]["id"], "housing@town-hall");
    assert_eq!(pairs[1]["bookings"], 5);
    assert_eq!(pairs[1]["kept"], 2);
    assert_eq!(pairs[1]["no_shows"], 1);
    assert_eq!(pairs[1]["cancelled"], 1);
    let by_service = f["waiting_by_service"].as_array().unwrap();
    assert_eq!(by_service[0]["id"], "benefits");
    assert_eq!(by_service[0]["median_minutes"], 19.5);
    assert_eq!(by_service[0]["p90_minutes"], 35.0);
    assert_eq!(by_service[1]["id"], "housing");
    assert_eq!(by_service[1]["median_minutes"], 12.0);
    assert_eq!(by_service[1]["p90_minutes"], 20.0);
    let hours: Vec<(String, f64, f64)> = f["waiting_by_hour"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["id"].as_str().unwrap().to_string(),
                h["median_minutes"].as_f64().unwrap(),
                h["p90_minutes"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        hours,
        vec![
            ("08".to_string(), 10.0, 10.0),
            ("09".to_string(), 20.0, 35.0),
            ("10".to_string(), 4.0, 4.0)
        ]
    );

    // Both faces: the same phrases on the full screen and in the accessible mode.
    let view = report_appointments(&report, Language::English).unwrap();
    assert_eq!(
        view.line(),
        "6 booked · 3 kept (75%) · 1 no-shows · 1 cancelled · 3 by appointment (50%) · 3 walk-ins · wait: median 12 min, p90 35 min"
    );
    assert_eq!(
        view.sentence(),
        format!("Appointments: {}.", view.figures.join(", "))
    );
    let welsh = report_of(&store, day(), day(), Language::Welsh);
    let cy = report_appointments(&welsh, Language::Welsh).unwrap();
    assert!(
        cy.line().starts_with("6 wedi'u trefnu · 3 wedi dod (75%)"),
        "{}",
        cy.line()
    );
    assert!(
        cy.line().ends_with("aros: canolrif 12 mun, p90 35 mun"),
        "{}",
        cy.line()
    );

    // Every format.
    let table = frontdesk::report::table::render(&report, Language::English);
    assert!(table.contains("Appointments and waiting"), "{table}");
    assert!(
        table.contains("Arrived by appointment: 3 (50%)   walk-ins: 3"),
        "{table}"
    );
    assert!(table.contains("median 12 min, p90 35 min"), "{table}");
    let csv = frontdesk::report::csv::render(&report).unwrap();
    assert!(
        csv.contains("appointments,,by_appointment_percent,50"),
        "{csv}"
    );
    let html = frontdesk::report::html::render(&report, Language::English);
    assert!(html.contains("<section class=\"appointments\">"), "{html}");
    assert!(
        html.contains("<tr><th scope=\"row\">housing</th><td>town-hall</td><td>5</td><td>2</td><td>1</td><td>1</td></tr>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<tr><th scope=\"row\">09:00</th><td>3</td><td>20 min</td><td>35 min</td></tr>"
        ),
        "{html}"
    );
    let html_cy = frontdesk::report::html::render(&welsh, Language::Welsh);
    assert!(
        html_cy.contains("Aros i gael eich galw, fesul awr cyrraedd"),
        "{html_cy}"
    );

    // Another day has none of it, and the report is the one it always was.
    let before = report_of(
        &store,
        day() - Duration::days(1),
        day() - Duration::days(1),
        Language::English,
    );
    assert!(before.appointments.is_none());
    assert!(report_appointments(&before, Language::English).is_none());
}
