//! The schema of the visit log, one step per version, recorded in `PRAGMA user_version`.
//!
//! Steps are only ever added, never changed: a file made by any earlier frontdesk is brought up
//! to date at open, in one transaction. There is no column for a name, an address, a date of
//! birth, a phone number or an email address, and there must never be one.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;
use super::summary::{count_facts, count_month_facts, language_facts, language_month_facts};

/// Each step takes the file from version `index` to `index + 1`.
const STEPS: &[&str] = &[
    // Version 1: visits, with their services, partners and exclusion reasons in child tables
    // (so reports can count by service or partner, and a central copy can merge by visit id).
    // Times are milliseconds since 1970 in UTC.
    r#"
    CREATE TABLE visits (
        id TEXT PRIMARY KEY NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER NOT NULL,
        desk TEXT NOT NULL,
        staff TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL,
        online TEXT,
        feedback TEXT NOT NULL DEFAULT 'none',
        note TEXT,
        catalogue_version TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX visits_by_start ON visits (started_at);
    CREATE INDEX visits_by_desk_and_start ON visits (desk, started_at);
    CREATE TABLE visit_services (
        visit_id TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        service_id TEXT NOT NULL,
        PRIMARY KEY (visit_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE visit_partners (
        visit_id TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        partner_id TEXT NOT NULL,
        PRIMARY KEY (visit_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE visit_reasons (
        visit_id TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (visit_id, position)
    ) WITHOUT ROWID;
    "#,
    // Version 2: the file says it is a frontdesk visit log (`identify::APPLICATION_ID`, "FDsk"),
    // so another program's database at the log's path is known before anything is changed.
    // Logs from version 1 are recognised by their tables before this step stamps them.
    "PRAGMA application_id = 1178891115;",
    // Version 3: each service on a visit has its own outcome (a resident may get one thing
    // resolved and be signposted for another). Every service already logged takes its visit's
    // outcome, so nothing is lost. A NULL outcome (a row no frontdesk writes) reads as the
    // visit's.
    r#"
    ALTER TABLE visit_services ADD COLUMN outcome TEXT;
    UPDATE visit_services
        SET outcome = (SELECT visits.outcome FROM visits WHERE visits.id = visit_services.visit_id);
    "#,
    // Version 4: the guided script a visit was filled in from: its id, its version and the
    // number keys chosen ("2,1,3"). NULL on visits logged without a script, and on every
    // visit logged before.
    r#"
    ALTER TABLE visits ADD COLUMN script_id TEXT;
    ALTER TABLE visits ADD COLUMN script_version TEXT;
    ALTER TABLE visits ADD COLUMN script_path TEXT;
    "#,
    // Version 5: how each partner on a visit was passed on, 'signpost' (the resident contacts
    // them) or 'referral' (the council does), and for a partner that takes referrals only with
    // consent, whether the resident agreed: 1 yes, 0 no, NULL not asked. Every partner logged
    // before was a signpost. Nothing about the resident is stored.
    r#"
    ALTER TABLE visit_partners ADD COLUMN how TEXT NOT NULL DEFAULT 'signpost';
    ALTER TABLE visit_partners ADD COLUMN consent INTEGER;
    "#,
    // Version 6: customer insight.
    concat!(
        // Value or failure demand and how a resident was helped online: words, NULL when not
        // given. The local calendar day (days since 1970-01-01) and hour the visit started,
        // fixed when it is saved, so reports group by the desk's own dates and hours on both
        // sides of a clock change.
        r#"
    ALTER TABLE visits ADD COLUMN demand TEXT;
    ALTER TABLE visits ADD COLUMN assisted_how TEXT;
    ALTER TABLE visits ADD COLUMN local_day INTEGER;
    ALTER TABLE visits ADD COLUMN local_hour INTEGER;
    UPDATE visits SET
        local_day = CAST(strftime('%s', date(started_at / 1000, 'unixepoch', 'localtime')) AS INTEGER) / 86400,
        local_hour = CAST(strftime('%H', started_at / 1000, 'unixepoch', 'localtime') AS INTEGER);
    "#,
        // The last demand and way of helping online given for each service, offered as the
        // default the next time that service is logged.
        r#"
    CREATE TABLE service_defaults (
        service_id TEXT PRIMARY KEY NOT NULL,
        demand TEXT,
        assisted_how TEXT
    ) WITHOUT ROWID;
    "#,
        // The report's counts per local day and desk, and per calendar month, kept in the same transaction as every
        // save, edit, undo and purge (see `summary`), so a report reads days, not visits.
        r#"
    CREATE TABLE report_counts (
        day INTEGER NOT NULL,
        desk TEXT NOT NULL,
        figure TEXT NOT NULL,
        key TEXT NOT NULL,
        sub TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (day, desk, figure, key, sub)
    ) WITHOUT ROWID;
    CREATE TABLE report_month_counts (
        month INTEGER NOT NULL,
        desk TEXT NOT NULL,
        figure TEXT NOT NULL,
        key TEXT NOT NULL,
        sub TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (month, desk, figure, key, sub)
    ) WITHOUT ROWID;
    "#,
        count_facts!("1", "1"),
        ";",
        count_month_facts!("1", "1"),
        ";"
    ),
    // Version 7: the sync outbox. One row per visit: the version the desk holds (1 when
    // saved, one more at each edit and at undo), the version the server has confirmed, and
    // whether the visit was undone (a tombstone). The desk and start time are kept so a
    // tombstone can still be placed and purged once its visit is gone. A visit is waiting
    // while `version > sent_version`. Every visit already in the log is queued once.
    r#"
    CREATE TABLE sync_outbox (
        visit_id TEXT PRIMARY KEY NOT NULL,
        desk TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        version INTEGER NOT NULL,
        sent_version INTEGER NOT NULL DEFAULT 0,
        undone INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE INDEX sync_outbox_waiting ON sync_outbox (visit_id) WHERE version > sent_version;
    INSERT INTO sync_outbox (visit_id, desk, started_at, version)
        SELECT id, desk, started_at, 1 FROM visits;
    "#,
    // Version 8: the resident's language: the
    // language the resident chose to speak and to read, 'en' or 'cy'. NULL on every visit
    // logged before, which were all in English, and is read as English. The report counts
    // each visit's language from now on; the visits already counted are counted as English.
    concat!(
        r#"
    ALTER TABLE visits ADD COLUMN spoken_language TEXT;
    ALTER TABLE visits ADD COLUMN written_language TEXT;
    "#,
        language_facts!("v.local_day IS NOT NULL", "1"),
        ";",
        language_month_facts!("v.local_day IS NOT NULL", "1"),
        ";"
    ),
    // Version 9: the central server now keeps the resident's language too. Visits already sent
    // in Welsh (the server took them as English) are queued to be sent again.
    r#"
    UPDATE sync_outbox SET version = version + 1
        WHERE sent_version = version AND undone = 0 AND visit_id IN (SELECT id FROM visits
            WHERE coalesce(spoken_language, 'en') <> 'en' OR coalesce(written_language, 'en') <> 'en');
    "#,
    // Version 10: a visit the server refused is set aside, not sent again and again: the
    // version refused and the server's reason. It waits again when it is edited (a newer
    // version) or when `sync --retry-held` clears the mark.
    r#"
    ALTER TABLE sync_outbox ADD COLUMN held_version INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sync_outbox ADD COLUMN held_reason TEXT;
    "#,
    // Version 11: the answers to the visit's choice fields (`visit::CHOICE_FIELDS`, the first
    // whether an interpreter was used), one row per answer: the field's name and the option
    // chosen. Visits logged before have none (unknown), and no counts change. A field added
    // later needs no step of its own.
    r#"
    CREATE TABLE visit_choices (
        visit_id TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (visit_id, field)
    ) WITHOUT ROWID;
    "#,
    // Version 12: a visit's length is counted only when its start is known; a visit that ends
    // when it starts (logged with `frontdesk log`, which has no timer) is counted as
    // `length-unknown`, so the median leaves it out and the report says how many; a service
    // signposted on a visit with no partner is counted apart (`signposted-no-partner`). The counts
    // are made again from the visits, by the facts' one definition (a visit without its local
    // day and hour, which no frontdesk writes, is given them first, as version 6 did).
    concat!(
        r#"
    UPDATE visits SET
        local_day = CAST(strftime('%s', date(started_at / 1000, 'unixepoch', 'localtime')) AS INTEGER) / 86400,
        local_hour = CAST(strftime('%H', started_at / 1000, 'unixepoch', 'localtime') AS INTEGER)
        WHERE local_day IS NULL OR local_hour IS NULL;
    DELETE FROM report_counts; DELETE FROM report_month_counts;
    "#,
        count_facts!("1", "1"),
        ";",
        count_month_facts!("1", "1"),
        ";",
        language_facts!("1", "1"),
        ";",
        language_month_facts!("1", "1"),
        ";"
    ),
    // Version 13: appointments and the waiting list (`bookings`). A booking is a service, a
    // place, a slot (its local time as written, and its instant in milliseconds), the needs
    // from a fixed list, its state and the times it changed; a ticket is a letter and a number
    // for a service on a local day. Nothing names a resident. `booking_key` holds the key that
    // scrambles booking numbers into references, and the next number.
    r#"
    CREATE TABLE bookings (
        reference TEXT PRIMARY KEY NOT NULL,
        service_id TEXT NOT NULL,
        place_id TEXT NOT NULL,
        slot_local TEXT NOT NULL,
        slot_at INTEGER NOT NULL,
        slot_minutes INTEGER NOT NULL,
        needs TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'booked',
        no_show_at INTEGER NOT NULL,
        booked_at INTEGER NOT NULL,
        arrived_at INTEGER,
        called_at INTEGER,
        seen_at INTEGER,
        cancelled_at INTEGER,
        ticket TEXT,
        local_day INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX bookings_by_slot ON bookings (service_id, place_id, slot_at);
    CREATE INDEX bookings_by_day ON bookings (local_day, slot_at);
    CREATE INDEX bookings_waiting_for_no_show ON bookings (no_show_at) WHERE state = 'booked';
    CREATE TABLE booking_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        next_number INTEGER NOT NULL
    );
    CREATE TABLE waiting (
        day INTEGER NOT NULL,
        ticket TEXT NOT NULL,
        letter TEXT NOT NULL,
        number INTEGER NOT NULL,
        service_id TEXT NOT NULL,
        reference TEXT,
        arrived_at INTEGER NOT NULL,
        called_at INTEGER,
        desk TEXT,
        PRIMARY KEY (day, ticket)
    ) WITHOUT ROWID;
    CREATE INDEX waiting_by_arrival ON waiting (day, arrived_at);
    "#,
    // Version 14: each partner is recorded on the service it was given for: the place of that
    // service on the visit (`visit_services.position`). A partner logged before is given the
    // visit's first service, as the README says. A signpost may now carry the resident's
    // consent too (the column is the same). The server takes the column in its own step, with
    // the same meaning, so nothing is sent again.
    r#"
    ALTER TABLE visit_partners ADD COLUMN service_position INTEGER NOT NULL DEFAULT 0;
    UPDATE visit_partners SET service_position = coalesce((SELECT min(s.position)
        FROM visit_services s WHERE s.visit_id = visit_partners.visit_id), 0);
    "#,
    // Version 15: the appointment booked at the desk for a service on a visit (its outcome is
    // then "appointment made"): the booking's reference, NULL for every service logged before
    // and for one with no booking. The server takes the column in its own step.
    "ALTER TABLE visit_services ADD COLUMN booking_reference TEXT;",
    // Version 16: the wait. `waited_seconds` is how long the resident of a visit waited to be
    // called, from taking a ticket (or checking in) to this desk's call: set on the first visit
    // this desk logs after calling a ticket, NULL on every other visit and on every visit
    // logged before. A ticket is marked `seen_at` when the officer who called it has seen the
    // resident. The server takes the column in its own step, so nothing is sent again.
    r#"
    ALTER TABLE visits ADD COLUMN waited_seconds INTEGER;
    ALTER TABLE waiting ADD COLUMN seen_at INTEGER;
    "#,
    // Version 17: the places taken in a slot are counted from one index alone, by start first:
    // booking counts a slot (and, for a longer slot, the one before it) without reading a
    // booking's row, and the free slots of a few days are a range of it, not a scan of every
    // booking. It takes the place of the index by service, place and start. Nothing changes
    // in the data.
    r#"
    DROP INDEX IF EXISTS bookings_by_slot;
    CREATE INDEX bookings_taking_places
        ON bookings (slot_at, service_id, place_id, state, slot_minutes, needs);
    "#,
];

/// The schema version this frontdesk writes.
pub const SCHEMA_VERSION: u32 = STEPS.len() as u32;

/// The version recorded in the file (0 for a new, empty file).
pub(crate) fn version_of(conn: &Connection) -> rusqlite::Result<u32> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Brings the file up to [`SCHEMA_VERSION`]; refuses a file from a newer frontdesk.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    migrate_to(conn, path, SCHEMA_VERSION)
}

/// Brings the file up to `target` (at most [`SCHEMA_VERSION`]). Tests use it to make files as
/// earlier versions of frontdesk left them.
pub fn migrate_to(conn: &mut Connection, path: &Path, target: u32) -> Result<(), StoreError> {
    let sql_error = |e| StoreError::from_sqlite(path, "open", e);
    let newer = |found| StoreError::NewerSchema {
        path: path.to_path_buf(),
        found,
        known: SCHEMA_VERSION,
    };
    let target = target.min(SCHEMA_VERSION);
    let found = version_of(conn).map_err(sql_error)?;
    if found > SCHEMA_VERSION {
        return Err(newer(found));
    }
    if found >= target {
        return Ok(());
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql_error)?;
    // Another process may have migrated the file while this one waited for the lock.
    let found = version_of(&tx).map_err(sql_error)?;
    if found > SCHEMA_VERSION {
        return Err(newer(found));
    }
    for step in STEPS.iter().take(target as usize).skip(found as usize) {
        tx.execute_batch(step).map_err(sql_error)?;
    }
    if found < target {
        tx.pragma_update(None, "user_version", target)
            .map_err(sql_error)?;
    }
    tx.commit().map_err(sql_error)
}
