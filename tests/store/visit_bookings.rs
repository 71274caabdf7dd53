//! A service on a visit carries the reference of the appointment booked for it at the desk:
//! files of every earlier schema take the column (their services have no booking), a visit
//! with a booking is read back and exported as saved.

use chrono::{DateTime, Utc};
use frontdesk::store::{Desks, SCHEMA_VERSION, Store, migrations};
use frontdesk::visit::{Outcome, VisitDraft};
use rusqlite::Connection;
use tempfile::TempDir;

fn all(store: &Store) -> Vec<frontdesk::visit::Visit> {
    store
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap()
}

fn booked_visit() -> frontdesk::visit::Visit {
    let mut draft = VisitDraft::new(
        DateTime::from_timestamp_millis(1_773_309_000_000).unwrap(),
        "Main desk",
        "AB",
        "t1",
    );
    draft.services = vec!["council-tax".into(), "homelessness".into()];
    draft.outcome = Some(Outcome::Resolved);
    draft
        .service_outcomes
        .insert("homelessness".into(), Outcome::Appointment);
    draft
        .bookings
        .insert("homelessness".into(), "K7FM3PX".into());
    draft.into_visit().unwrap()
}

#[test]
fn every_earlier_schema_takes_the_booking_reference_and_its_services_have_none() {
    for version in 1..SCHEMA_VERSION {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join(format!("v{version}.sqlite3"));
        let mut conn = Connection::open(&path).unwrap();
        migrations::migrate_to(&mut conn, &path, version).unwrap();
        conn.execute_batch(
            "INSERT INTO visits (id, started_at, ended_at, desk, outcome)
                 VALUES ('01959b5c-6a00-7000-8000-000000000002', 1773308000000, 1773308060000, 'Main desk', 'appointment');
             INSERT INTO visit_services (visit_id, position, service_id)
                 VALUES ('01959b5c-6a00-7000-8000-000000000002', 0, 'homelessness');",
        )
        .unwrap();
        drop(conn);

        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let old = all(&store);
        assert_eq!(old.len(), 1, "from {version}");
        assert_eq!(old[0].services[0].booking, None, "from {version}");

        let visit = booked_visit();
        store.save(&visit).unwrap();
        let read = all(&store);
        assert_eq!(read.len(), 2, "from {version}");
        assert_eq!(read[1], visit, "from {version}: read back as saved");
        assert_eq!(read[1].services[1].booking.as_deref(), Some("K7FM3PX"));
        assert_eq!(read[1].services[0].booking, None);
    }
}

#[test]
fn export_rows_carry_each_services_booking() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    store.save(&booked_visit()).unwrap();
    let mut rows = Vec::new();
    store
        .export_rows(
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            &Desks::Only("Main desk".into()),
            |row| -> Result<(), ()> {
                rows.push((row.service_id, row.service_outcome, row.booking));
                Ok(())
            },
        )
        .unwrap()
        .unwrap();
    assert_eq!(
        rows,
        [
            ("council-tax".to_string(), "resolved".to_string(), None),
            (
                "homelessness".to_string(),
                "appointment".to_string(),
                Some("K7FM3PX".to_string())
            ),
        ]
    );
}

#[test]
fn an_edited_visit_keeps_its_booking() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    let visit = booked_visit();
    store.save(&visit).unwrap();
    let mut draft = VisitDraft::from_visit(&visit);
    draft.note = Some("Came back with the letter".into());
    let edited = draft.into_visit().unwrap();
    store.update(&edited).unwrap();
    assert_eq!(
        all(&store)[0].services[1].booking.as_deref(),
        Some("K7FM3PX")
    );
}
