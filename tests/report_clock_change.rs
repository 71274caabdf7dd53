//! A report's days and hours are the desk's local time on both sides of a clock change. This
//! file is its own process, set to UK time before anything reads the clock's zone.

use chrono::{NaiveDate, TimeZone, Utc};
use frontdesk::catalogue::Catalogue;
use frontdesk::config::UnitCosts;
use frontdesk::report::{Period, Report, desks_for};
use frontdesk::store::{Store, VisitLog};
use frontdesk::text::Language;
use frontdesk::visit::{Outcome, VisitDraft};
use tempfile::TempDir;

fn report(log: &mut VisitLog, from: NaiveDate, to: NaiveDate) -> Report {
    let counts = log.report_counts(from, to, &desks_for(None)).unwrap();
    Report::build(
        Period {
            from,
            to,
            desk: None,
        },
        &counts,
        &Catalogue::embedded().unwrap(),
        UnitCosts::default(),
        Language::English,
    )
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn days_and_hours_follow_uk_time_across_both_clock_changes() {
    // SAFETY: the only test in this process, run before any other thread reads the zone.
    unsafe { std::env::set_var("TZ", "Europe/London") };
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut store = Store::open(&path).unwrap();
    // Clocks went forward at 01:00 UTC on Sunday 29 March 2026 and back at 01:00 UTC on
    // Sunday 25 October 2026.
    let starts = [
        Utc.with_ymd_and_hms(2026, 3, 28, 23, 30, 0).unwrap(), // Sat 28, 23:30 GMT
        Utc.with_ymd_and_hms(2026, 3, 29, 0, 30, 0).unwrap(),  // Sun 29, 00:30 GMT
        Utc.with_ymd_and_hms(2026, 3, 29, 23, 30, 0).unwrap(), // Mon 30, 00:30 BST
        Utc.with_ymd_and_hms(2026, 3, 30, 8, 15, 0).unwrap(),  // Mon 30, 09:15 BST
        Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0).unwrap(), // Sun 25, 01:30 BST
        Utc.with_ymd_and_hms(2026, 10, 25, 1, 30, 0).unwrap(), // Sun 25, 01:30 GMT
        Utc.with_ymd_and_hms(2026, 10, 25, 23, 30, 0).unwrap(), // Sun 25, 23:30 GMT
    ];
    for start in starts {
        let mut draft = VisitDraft::new(start, "Main desk", "", "t1");
        draft.ended_at = start + chrono::Duration::minutes(5);
        draft.services = vec!["housing-benefit".into()];
        draft.outcome = Some(Outcome::Resolved);
        store.save(&draft.into_visit().unwrap()).unwrap();
    }
    drop(store);
    let mut log = VisitLog::new(&path);

    let saturday = report(&mut log, date(2026, 3, 28), date(2026, 3, 28));
    assert_eq!(saturday.visits, 1);
    assert_eq!(saturday.busiest.by_weekday_hour[5][23], 1);
    let sunday = report(&mut log, date(2026, 3, 29), date(2026, 3, 29));
    assert_eq!(
        sunday.visits, 1,
        "23:30 UTC on the 29th is already Monday in BST"
    );
    assert_eq!(sunday.busiest.by_weekday_hour[6][0], 1);
    let monday = report(&mut log, date(2026, 3, 30), date(2026, 3, 30));
    assert_eq!(monday.visits, 2);
    assert_eq!(monday.busiest.by_weekday_hour[0][0], 1, "00:30 BST");
    assert_eq!(
        monday.busiest.by_weekday_hour[0][9], 1,
        "09:15 BST, 08:15 UTC"
    );
    let across = report(&mut log, date(2026, 3, 28), date(2026, 3, 30));
    assert_eq!(
        across.visits, 4,
        "a period across the change counts each visit once"
    );
    // The whole of March, read from the monthly counts, has the same days and hours.
    let march = report(&mut log, date(2026, 3, 1), date(2026, 3, 31));
    assert_eq!(march.visits, 4);
    assert_eq!(march.busiest.by_weekday_hour[0][0], 1);
    assert_eq!(march.busiest.by_weekday_hour[6][0], 1);
    let october = report(&mut log, date(2026, 10, 1), date(2026, 10, 31));
    assert_eq!(october.busiest.by_weekday_hour[6][1], 2);

    let autumn = report(&mut log, date(2026, 10, 25), date(2026, 10, 25));
    assert_eq!(autumn.visits, 3);
    assert_eq!(
        autumn.busiest.by_weekday_hour[6][1], 2,
        "01:30 happens twice on the day the clocks go back"
    );
    assert_eq!(autumn.busiest.by_weekday_hour[6][23], 1);
}
