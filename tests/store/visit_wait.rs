//! How long a resident waited to be called, on the visit logged after the call: the log's
//! step 16 adds the column (and a ticket's "seen"), every earlier log is brought up to it
//! keeping its visits and tickets (none of which has a wait), and a visit saved with a wait
//! reads back and exports with it. Checked on real files.

use chrono::{DateTime, TimeZone, Utc};
use frontdesk::appointments::london;
use frontdesk::store::{Desks, SCHEMA_VERSION, Store, day_number, migrations};
use frontdesk::visit::{Outcome, VisitDraft};
use rusqlite::Connection;
use tempfile::TempDir;

/// The version that made the waiting list.
const WAITING_VERSION: u32 = 13;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 10, 30, 0).unwrap()
}

fn visit(waited: Option<i64>) -> frontdesk::visit::Visit {
    let mut draft = VisitDraft::new(now(), "Main desk", "AB", "t1");
    draft.services = vec!["bulky-waste".into()];
    draft.outcome = Some(Outcome::Resolved);
    draft.waited_seconds = waited;
    draft.into_visit().unwrap()
}

#[test]
fn every_earlier_log_gains_the_wait_and_a_visit_keeps_and_exports_it() {
    for version in 0..SCHEMA_VERSION {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join(format!("v{version}.sqlite3"));
        let mut conn = Connection::open(&path).unwrap();
        migrations::migrate_to(&mut conn, &path, version).unwrap();
        if version >= 1 {
            conn.execute(
                "INSERT INTO visits (id, started_at, ended_at, desk, outcome) VALUES (?1, 0, 0, 'Main desk', 'resolved')",
                ["01959b5c-6a00-7000-8000-000000000002"],
            )
            .unwrap();
        }
        if version >= WAITING_VERSION {
            let day = day_number(london::today(now()));
            let (arrived, called) = (now().timestamp_millis() - 600_000, now().timestamp_millis());
            conn.execute(
                "INSERT INTO waiting (day, ticket, letter, number, service_id, arrived_at, called_at, desk)
                 VALUES (?1, 'H1', 'H', 1, 'homelessness', ?2, ?3, 'Main desk')",
                rusqlite::params![day, arrived, called],
            )
            .unwrap();
        }
        drop(conn);

        let mut store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            SCHEMA_VERSION,
            "from {version}"
        );
        let all = store
            .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
            .unwrap();
        assert_eq!(all.len(), usize::from(version >= 1), "from {version}");
        assert!(
            all.iter().all(|v| v.waited_seconds.is_none()),
            "from {version}: no visit logged before waited"
        );
        if version >= WAITING_VERSION {
            let tickets = store.tickets_on(london::today(now())).unwrap();
            assert_eq!(tickets.len(), 1, "from {version}: the ticket is kept");
            assert_eq!(tickets[0].seen_at, None);
            let (seen, _) = store
                .ticket_seen("H1", "Desk 1", now())
                .unwrap()
                .expect("today's ticket");
            assert_eq!(seen.seen_at, Some(now()), "from {version}");
        }

        let waited = visit(Some(600));
        store.save(&waited).unwrap();
        assert_eq!(
            store.visit(waited.id).unwrap().unwrap().waited_seconds,
            Some(600),
            "from {version}"
        );
        let mut rows = Vec::new();
        store
            .export_rows(
                DateTime::<Utc>::MIN_UTC,
                DateTime::<Utc>::MAX_UTC,
                &Desks::Only("Main desk".into()),
                |row| -> Result<(), ()> {
                    rows.push(row);
                    Ok(())
                },
            )
            .unwrap()
            .unwrap();
        // (The visit written as the old version has no service, so no row of its own.)
        let exported: Vec<Option<i64>> = rows.iter().map(|r| r.waited_seconds).collect();
        assert_eq!(exported, [Some(600)], "from {version}");
    }
}

#[test]
fn a_visit_without_a_wait_stores_none_and_the_sync_sends_the_column() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let plain = visit(None);
    store.save(&plain).unwrap();
    assert_eq!(store.visit(plain.id).unwrap().unwrap().waited_seconds, None);
    assert!(
        frontdesk::store::outbox::SYNCED_VISITS
            .columns
            .contains(&"waited_seconds")
    );
}
