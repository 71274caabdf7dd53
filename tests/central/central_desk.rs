//! The central sync as the desk sees it, without a server: the outbox kept with every save,
//! edit, undo and purge; the title bar's count; a fetched catalogue taken up only between
//! visits.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;
use frontdesk::catalogue::Catalogue;
use frontdesk::demo::{self, DemoPlan};
use frontdesk::desk::{Action, Effect, FetchedCatalogue, SyncState};
use frontdesk::store::{Store, migrations};
use frontdesk::tui::headless::Headless;
use frontdesk::visit::{Outcome, Visit, VisitDraft};
use rusqlite::Connection;

use crate::support::{fixture_catalogue as fixture, monday_morning};

fn visit(start: DateTime<Utc>) -> Visit {
    let mut draft = VisitDraft::new(start, "Main desk", "AB", "2026.11");
    draft.ended_at = start + chrono::Duration::seconds(60);
    draft.services = vec!["council-tax-pay".into()];
    draft.outcome = Some(Outcome::Resolved);
    draft.into_visit().unwrap()
}

/// The outbox row of a visit: (version, sent_version, undone).
fn outbox(path: &std::path::Path, id: uuid::Uuid) -> Option<(i64, i64, bool)> {
    let conn = Connection::open(path).unwrap();
    conn.query_row(
        "SELECT version, sent_version, undone FROM sync_outbox WHERE visit_id = ?1",
        [id.to_string()],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .ok()
}

#[test]
fn every_save_edit_and_undo_is_queued_with_a_new_version_and_a_sent_mark_waits_for_the_latest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let first = visit(Utc::now());
    store.save(&first).unwrap();
    assert_eq!(outbox(&path, first.id), Some((1, 0, false)));
    assert_eq!(store.sync_waiting().unwrap(), 1);

    let batch = store.sync_batch(10).unwrap();
    assert_eq!(batch.visits.len(), 1);
    assert_eq!(batch.children[0].len(), 1, "its one service goes with it");
    // An edit lands while the batch is on its way: the mark for version 1 leaves it waiting.
    let mut edited = first.clone();
    edited.outcome = Outcome::Referred;
    store.update(&edited).unwrap();
    store.mark_synced(&[(first.id.to_string(), 1)]).unwrap();
    assert_eq!(outbox(&path, first.id), Some((2, 1, false)));
    assert_eq!(store.sync_waiting().unwrap(), 1);
    store.mark_synced(&[(first.id.to_string(), 2)]).unwrap();
    assert_eq!(store.sync_waiting().unwrap(), 0);

    assert!(store.delete(first.id).unwrap());
    assert_eq!(
        outbox(&path, first.id),
        Some((3, 2, true)),
        "the undo is a tombstone"
    );
    let batch = store.sync_batch(10).unwrap();
    assert!(batch.visits[0].undone && batch.visits[0].row.is_none());

    // A save that fails (the same id again) queues nothing.
    let second = visit(Utc::now());
    store.save(&second).unwrap();
    assert!(store.save(&second).is_err());
    assert_eq!(outbox(&path, second.id), Some((1, 0, false)));
}

#[test]
fn a_log_from_before_the_outbox_queues_every_visit_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("visits.sqlite3");
    // The outbox came with step 7: a log at version 6 has none.
    let before = 6;
    let visits: Vec<Visit> = (0..3)
        .map(|n| visit(Utc::now() - chrono::Duration::hours(n)))
        .collect();
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations::migrate_to(&mut conn, &path, before).unwrap();
        for v in &visits {
            conn.execute(
                "INSERT INTO visits (id, started_at, ended_at, desk, outcome) VALUES (?1, ?2, ?3, ?4, 'resolved')",
                rusqlite::params![v.id.to_string(), v.started_at.timestamp_millis(), v.ended_at.timestamp_millis(), v.desk],
            )
            .unwrap();
        }
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.sync_waiting().unwrap(), 3);
}

#[test]
fn purging_old_visits_takes_their_places_in_the_outbox_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let old = visit(Utc::now() - chrono::Duration::days(900));
    let today = visit(Utc::now());
    store.save_all(&[old.clone(), today.clone()]).unwrap();
    assert_eq!(store.purge_expired(730, Utc::now()).unwrap(), 1);
    assert_eq!(outbox(&path, old.id), None);
    assert_eq!(outbox(&path, today.id), Some((1, 0, false)));
}

#[test]
fn the_batches_of_a_sync_carry_the_facts_the_desks_own_counts_hold() {
    // The server adds the facts a desk sends with each batch (see `central::push`): over every
    // batch, they are the desk's own counts, through edits and undos.
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    let catalogue = Catalogue::embedded().unwrap();
    let plan = DemoPlan {
        visits: 600,
        days: 40,
        seed: 7,
        last_day: chrono::Local::now().date_naive(),
    };
    let made: Vec<Visit> = demo::visits(&catalogue, "Main desk", plan).collect();
    store.save_all(&made).unwrap();
    for (i, visit) in made.iter().enumerate().filter(|(i, _)| i % 5 == 0) {
        if i % 2 == 0 {
            let mut draft = VisitDraft::from_visit(visit);
            draft.outcome = Some(Outcome::Referred);
            draft.service_outcomes.clear();
            if !draft.services.iter().any(|s| s == "blue-badge") {
                draft.services.push("blue-badge".into());
            }
            draft.ended_at += chrono::Duration::minutes(12);
            store.update(&draft.into_visit().unwrap()).unwrap();
        } else {
            assert!(store.delete(visit.id).unwrap());
        }
    }

    let mut sent: BTreeMap<(i64, String, String, String, String), i64> = BTreeMap::new();
    let mut after = String::new();
    let mut visits = 0;
    loop {
        let batch = store.sync_batch_after(&after, 97).unwrap();
        let Some(last) = batch.visits.last() else {
            break;
        };
        after.clone_from(&last.visit_id);
        let live = batch.visits.iter().filter(|v| v.row.is_some()).count() as i64;
        assert_eq!(
            batch.counted_visits(),
            live,
            "each visit sent is counted once"
        );
        visits += live;
        for f in batch.facts {
            *sent
                .entry((f.day, f.desk, f.figure, f.key, f.sub))
                .or_default() += f.n;
        }
    }
    assert_eq!(visits, 600 - 60, "every visit but the undone");

    let conn = Connection::open(dir.path().join("visits.sqlite3")).unwrap();
    let kept: BTreeMap<(i64, String, String, String, String), i64> = conn
        .prepare("SELECT day, desk, figure, key, sub, n FROM report_counts WHERE n <> 0")
        .unwrap()
        .query_map([], |r| {
            Ok((
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?),
                r.get(5)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(kept.keys().any(|k| k.2 == "language") && kept.keys().any(|k| k.2 == "length"));
    assert_eq!(sent, kept);
}

#[test]
fn the_title_bar_says_how_many_visits_wait_to_sync_and_when_the_server_is_offline() {
    let mut desk = Headless::new(fixture(), monday_morning(), 80, 24);
    assert!(
        !desk.screen().contains("To sync"),
        "nothing without a server"
    );
    desk.act(Action::SyncStatus(SyncState {
        waiting: 3,
        reachable: true,
        ..SyncState::default()
    }));
    assert!(desk.screen().lines().next().unwrap().contains("To sync: 3"));
    desk.act(Action::SyncStatus(SyncState {
        waiting: 12,
        reachable: false,
        ..SyncState::default()
    }));
    assert!(
        desk.screen()
            .lines()
            .next()
            .unwrap()
            .contains("To sync: 12 (offline)")
    );
    desk.act(Action::SyncStatus(SyncState {
        waiting: 0,
        reachable: true,
        ..SyncState::default()
    }));
    assert!(!desk.screen().contains("To sync"));
}

#[test]
fn the_title_bar_says_in_one_sentence_how_many_visits_cannot_be_sent_and_why() {
    let mut desk = Headless::new(fixture(), monday_morning(), 120, 24);
    let reason =
        "it was logged at desk \"Desk k\", and this desk (\"Desk K\") sends only its own visits";
    desk.act(Action::SyncStatus(SyncState {
        waiting: 0,
        reachable: true,
        held: 1,
        held_reason: Some("the server refused it".into()),
    }));
    let title = desk.screen().lines().next().unwrap().to_string();
    assert!(
        title.contains("1 visit cannot be sent: the server refused it"),
        "{title}"
    );
    assert!(!title.contains("To sync"), "{title}");
    desk.act(Action::SyncStatus(SyncState {
        waiting: 2,
        reachable: true,
        held: 3,
        held_reason: Some(reason.into()),
    }));
    let title = desk.screen().lines().next().unwrap().to_string();
    assert!(
        title.contains("3 visits cannot be sent: it was logged"),
        "{title}"
    );
    assert!(title.contains("To sync: 2"), "{title}");
    // At 80 columns the sentence is cut to fit, and still says how many.
    let mut narrow = Headless::new(fixture(), monday_morning(), 80, 24);
    narrow.act(Action::SyncStatus(SyncState {
        waiting: 0,
        reachable: true,
        held: 3,
        held_reason: Some(reason.into()),
    }));
    let title = narrow.screen().lines().next().unwrap().to_string();
    assert!(title.contains("3 visits cannot be sent"), "{title}");
    desk.act(Action::SyncStatus(SyncState {
        reachable: true,
        ..SyncState::default()
    }));
    assert!(!desk.screen().contains("cannot be sent"));
}

/// The fixture catalogue under a new version.
fn newer(version: &str) -> Arc<Catalogue> {
    let mut catalogue = fixture();
    catalogue.council.version = version.to_string();
    Arc::new(catalogue)
}

#[test]
fn a_catalogue_published_mid_visit_is_taken_up_only_once_the_visit_is_logged() {
    let data = tempfile::tempdir().unwrap();
    let mut desk = Headless::new(fixture(), monday_morning(), 80, 24).with_visit_log(data.path());
    let old_version = desk.app.catalogue.version().to_string();
    desk.type_text("council tax");
    desk.act(Action::CatalogueFetched(FetchedCatalogue(newer("2099.1"))));
    assert_eq!(
        desk.app.catalogue.version(),
        old_version,
        "not during the visit"
    );
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Enter);
    let saved = desk
        .effects
        .iter()
        .find_map(|e| match e {
            Effect::SaveVisit(v) => Some(v.clone()),
            _ => None,
        })
        .expect("the visit was saved");
    assert_eq!(
        saved.catalogue_version, old_version,
        "logged with the catalogue it was found in"
    );
    // Once the visit is logged and the screen is back at an empty search, the desk switches.
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Esc);
    assert_eq!(
        desk.app.catalogue.version(),
        "2099.1",
        "{:?}",
        desk.app.in_a_visit()
    );
    assert!(desk.effects.contains(&Effect::CatalogueChanged));
    // The next visit is logged with the new catalogue.
    desk.type_text("council tax");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Enter);
    let next = desk
        .effects
        .iter()
        .rev()
        .find_map(|e| match e {
            Effect::SaveVisit(v) => Some(v.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(next.catalogue_version, "2099.1");
}

#[test]
fn a_catalogue_fetched_between_visits_is_taken_up_at_once() {
    let mut desk = Headless::new(fixture(), monday_morning(), 80, 24);
    desk.act(Action::CatalogueFetched(FetchedCatalogue(newer("2099.2"))));
    assert_eq!(desk.app.catalogue.version(), "2099.2");
    assert!(desk.effects.contains(&Effect::CatalogueChanged));
    desk.type_text("council tax");
    assert!(
        desk.app.selected_entry().is_some(),
        "searches use the new index"
    );
}
