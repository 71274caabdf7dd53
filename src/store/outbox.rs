//! The sync outbox: what this desk still has to send to the central server.
//!
//! Every save, edit and undo queues its visit in the same transaction that changes it (see
//! `visits.rs`): a new visit is version 1, each edit and the undo add one, and the undo marks
//! the visit as a tombstone. A visit waits while the version it holds is newer than the one
//! the server has confirmed. A batch is read in one read transaction, sent, and only then
//! marked sent, with the version that was sent: an edit made meanwhile stays waiting. A visit
//! the server refuses is held aside at the version refused, with the reason: it does not
//! wait (nor block the others) until it is edited or released by `sync --retry-held`. The
//! batch carries the report's facts of its visits, counted with the desk's own query, so the
//! server need not count them (see `central::push`).
//!
//! [`SYNCED_VISITS`] and [`SYNCED_CHILDREN`] name every table and column the server receives.
//! The central tables have the same columns (plus the desk on child rows, and the version and
//! tombstone on visits), so a column added to the log is synced by adding its name here and a
//! step to the central schema.

use std::collections::HashMap;

use rusqlite::types::ValueRef;
use rusqlite::{Transaction, TransactionBehavior, params};

use super::{Store, StoreError};

/// A table sent to the server, with the columns sent (the same names there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncedTable {
    pub name: &'static str,
    pub columns: &'static [&'static str],
}

/// The visits table: its first column is the id, and it has `desk` and `started_at`. These
/// are every column of the log's visits, the list the store's saves, edits and reads follow
/// too (`visits.rs`).
pub const SYNCED_VISITS: SyncedTable = SyncedTable {
    name: "visits",
    columns: &[
        "id",
        "started_at",
        "ended_at",
        "desk",
        "staff",
        "outcome",
        "online",
        "feedback",
        "note",
        "catalogue_version",
        "script_id",
        "script_version",
        "script_path",
        "demand",
        "assisted_how",
        "local_day",
        "local_hour",
        "spoken_language",
        "written_language",
        "waited_seconds",
    ],
};

/// The visits' child tables: each row's first column is its visit's id, and the first two its
/// key.
pub const SYNCED_CHILDREN: &[SyncedTable] = &[
    SyncedTable {
        name: "visit_services",
        columns: &[
            "visit_id",
            "position",
            "service_id",
            "outcome",
            "booking_reference",
        ],
    },
    SyncedTable {
        name: "visit_partners",
        columns: &[
            "visit_id",
            "position",
            "partner_id",
            "how",
            "consent",
            "service_position",
        ],
    },
    SyncedTable {
        name: "visit_reasons",
        columns: &["visit_id", "position", "reason"],
    },
    // The answers to the choice fields (`visit::CHOICE_FIELDS`): a new field needs no column.
    SyncedTable {
        name: "visit_choices",
        columns: &["visit_id", "field", "value"],
    },
];

/// One value as text, as the server's bulk load reads it (`None` is SQL NULL).
pub type Cell = Option<String>;

/// A visit waiting to be sent, at the version the desk holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedVisit {
    pub visit_id: String,
    pub version: i64,
    pub desk: String,
    /// Undone at the desk: the server keeps a tombstone and counts it nowhere.
    pub undone: bool,
    /// The visit's row in [`SYNCED_VISITS`]'s columns; `None` for a tombstone, or for a visit
    /// that retention has since deleted from the log (nothing is sent for it).
    pub row: Option<Vec<Cell>>,
    /// Milliseconds since 1970 (UTC), kept for tombstones.
    pub started_at: i64,
}

/// How many of one fact a batch's visits give (see `store::summary::facts!`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactCount {
    /// The local day, in days since 1970-01-01.
    pub day: i64,
    pub desk: String,
    pub figure: String,
    pub key: String,
    pub sub: String,
    pub n: i64,
}

/// Waiting visits and their child rows, read at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutboxBatch {
    pub visits: Vec<QueuedVisit>,
    /// The rows of each of [`SYNCED_CHILDREN`], in that order, for the visits in this batch.
    pub children: Vec<Vec<Vec<Cell>>>,
    /// The report's facts of the batch's visits, counted here, so the server need not: it
    /// checks they are the facts of exactly the visits it wrote, and counts them itself if not.
    pub facts: Vec<FactCount>,
}

impl OutboxBatch {
    pub fn is_empty(&self) -> bool {
        self.visits.is_empty()
    }

    /// How many visits [`OutboxBatch::facts`] counts.
    pub fn counted_visits(&self) -> i64 {
        self.facts
            .iter()
            .filter(|f| f.figure == "visits")
            .map(|f| f.n)
            .sum()
    }
}

/// Queues a visit just saved or edited (its row is already written): version 1 when new, one
/// more when edited.
pub(super) fn queue_saved(
    tx: &Transaction<'_>,
    id: &str,
    desk: &str,
    started_at: i64,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO sync_outbox (visit_id, desk, started_at, version) VALUES (?1, ?2, ?3, 1) \
         ON CONFLICT (visit_id) DO UPDATE SET version = version + 1, desk = excluded.desk, \
         started_at = excluded.started_at, undone = 0",
    )?
    .execute(params![id, desk, started_at])?;
    Ok(())
}

/// Queues the tombstone of a visit about to be deleted (undo); call before the row goes.
pub(super) fn queue_undone(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO sync_outbox (visit_id, desk, started_at, version, undone) \
         SELECT id, desk, started_at, 1, 1 FROM visits WHERE id = ?1 \
         ON CONFLICT (visit_id) DO UPDATE SET version = version + 1, undone = 1",
    )?
    .execute([id])?;
    Ok(())
}

impl Store {
    /// How many visits are waiting to be sent to the server.
    pub fn sync_waiting(&self) -> Result<u64, StoreError> {
        let count: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM sync_outbox WHERE version > sent_version AND version > held_version",
            )
            .and_then(|mut s| s.query_row([], |r| r.get(0)))
            .map_err(|e| self.error("read", e))?;
        Ok(count.max(0) as u64)
    }

    /// Up to `limit` waiting visits (oldest id first) with their rows, read in one
    /// transaction so the visits and their children agree.
    pub fn sync_batch(&mut self, limit: usize) -> Result<OutboxBatch, StoreError> {
        self.sync_batch_after("", limit)
    }

    /// Like [`Store::sync_batch`], for visits whose id sorts after `after`: the next batch can
    /// be read while the one before it is still on its way.
    pub fn sync_batch_after(
        &mut self,
        after: &str,
        limit: usize,
    ) -> Result<OutboxBatch, StoreError> {
        let path = self.path.clone();
        let result = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Deferred)?;
            let batch = read_batch(&tx, after, limit)?;
            tx.commit()?;
            Ok(batch)
        })();
        result.map_err(|e| StoreError::from_sqlite(&path, "read", e))
    }

    /// Marks visits as confirmed by the server at the versions sent. A visit edited since
    /// keeps waiting for its newer version.
    pub fn mark_synced(&mut self, sent: &[(String, i64)]) -> Result<(), StoreError> {
        self.write("save to", |tx| {
            let mut stmt = tx.prepare_cached(
                "UPDATE sync_outbox SET sent_version = max(sent_version, ?2) WHERE visit_id = ?1",
            )?;
            for (id, version) in sent {
                stmt.execute(params![id, version])?;
            }
            Ok(Ok(()))
        })
    }

    /// Sets visits aside that the server refused, each at the version refused and with the
    /// reason; they are not sent again until edited or released ([`Store::release_held`]).
    pub fn hold(&mut self, refused: &[HeldVisit]) -> Result<(), StoreError> {
        self.write("save to", |tx| {
            let mut stmt = tx.prepare_cached(
                "UPDATE sync_outbox SET held_version = max(held_version, ?2), held_reason = ?3 \
                 WHERE visit_id = ?1",
            )?;
            for held in refused {
                stmt.execute(params![held.visit_id, held.version, held.reason])?;
            }
            Ok(Ok(()))
        })
    }

    /// The visits set aside and not sent, by reason, the most common reason first.
    pub fn sync_held(&self) -> Result<Vec<HeldReason>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT coalesce(held_reason, ''), count(*) FROM sync_outbox \
                 WHERE version > sent_version AND held_version >= version \
                 GROUP BY 1 ORDER BY 2 DESC, 1",
            )
            .map_err(|e| self.error("read", e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(HeldReason {
                    reason: r.get(0)?,
                    visits: r.get::<_, i64>(1)?.max(0) as u64,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.error("read", e))?;
        Ok(rows)
    }

    /// Puts every visit set aside back in the queue (after the cause was fixed); gives how
    /// many there were.
    pub fn release_held(&mut self) -> Result<u64, StoreError> {
        self.write("save to", |tx| {
            let held: i64 = tx.query_row(
                "SELECT count(*) FROM sync_outbox \
                 WHERE version > sent_version AND held_version >= version",
                [],
                |r| r.get(0),
            )?;
            tx.execute(
                "UPDATE sync_outbox SET held_version = 0, held_reason = NULL WHERE held_version > 0",
                [],
            )?;
            Ok(Ok(held.max(0) as u64))
        })
    }
}

/// A visit the server refused, set aside at the version refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldVisit {
    pub visit_id: String,
    pub version: i64,
    /// Why, in one short clause ("the server refused it: ...").
    pub reason: String,
}

/// How many visits are set aside for one reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldReason {
    pub reason: String,
    pub visits: u64,
}

/// Copies a batch of waiting visits (at most `limit`, ids after `after`) and their parts into
/// temporary tables (`batch_ids`, `batch_visits`, `batch_visit_services`...), so the reads
/// below, and counting the visits' facts, look each row up once. They go with the transaction
/// if it fails, and [`drop_batch`] drops them once read.
fn copy_batch(tx: &Transaction<'_>, after: &str, limit: i64) -> rusqlite::Result<()> {
    tx.execute_batch("CREATE TEMP TABLE batch_ids (id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;")?;
    tx.execute(
        "INSERT INTO temp.batch_ids SELECT visit_id FROM sync_outbox \
         WHERE version > sent_version AND version > held_version AND visit_id > ?2 \
         ORDER BY visit_id LIMIT ?1",
        params![limit, after],
    )?;
    let mut sql = String::from(
        "CREATE TEMP TABLE batch_visits AS SELECT v.* FROM visits v \
         WHERE v.id IN (SELECT id FROM temp.batch_ids); \
         CREATE UNIQUE INDEX temp.batch_visits_by_id ON batch_visits (id);",
    );
    for table in SYNCED_CHILDREN {
        sql.push_str(&format!(
            "CREATE TEMP TABLE batch_{name} AS SELECT c.* FROM {name} c \
             WHERE c.visit_id IN (SELECT id FROM temp.batch_ids); \
             CREATE INDEX temp.batch_{name}_by_visit ON batch_{name} (visit_id);",
            name = table.name
        ));
    }
    tx.execute_batch(&sql)
}

/// Drops the temporary tables of [`copy_batch`].
fn drop_batch(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let mut sql = String::from(
        "DROP TABLE IF EXISTS temp.batch_ids; DROP TABLE IF EXISTS temp.batch_visits;",
    );
    for table in SYNCED_CHILDREN {
        sql.push_str(&format!("DROP TABLE IF EXISTS temp.batch_{};", table.name));
    }
    tx.execute_batch(&sql)
}

fn read_batch(tx: &Transaction<'_>, after: &str, limit: usize) -> rusqlite::Result<OutboxBatch> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    copy_batch(tx, after, limit)?;
    let columns = SYNCED_VISITS
        .columns
        .iter()
        .map(|c| format!("v.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let width = SYNCED_VISITS.columns.len();
    let mut stmt = tx.prepare(&format!(
        "SELECT o.visit_id, o.version, o.desk, o.undone, o.started_at, v.id IS NOT NULL, {columns} \
         FROM temp.batch_ids b JOIN sync_outbox o ON o.visit_id = b.id \
         LEFT JOIN temp.batch_visits v ON v.id = b.id ORDER BY b.id"
    ))?;
    let visits = stmt
        .query_map([], |r| {
            let undone = r.get::<_, i64>(3)? != 0;
            let present: bool = r.get(5)?;
            let row = if present && !undone {
                Some(
                    (0..width)
                        .map(|i| cell(r.get_ref(6 + i)?))
                        .collect::<rusqlite::Result<_>>()?,
                )
            } else {
                None
            };
            Ok(QueuedVisit {
                visit_id: r.get(0)?,
                version: r.get(1)?,
                desk: r.get(2)?,
                undone,
                row,
                started_at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(stmt);
    let mut children = Vec::with_capacity(SYNCED_CHILDREN.len());
    for table in SYNCED_CHILDREN {
        let columns = table.columns.join(", ");
        let width = table.columns.len();
        // In each table's key order: its visit, then its second column (a place, or a field).
        let mut stmt = tx.prepare(&format!(
            "SELECT {columns} FROM temp.batch_{} ORDER BY visit_id, {}",
            table.name, table.columns[1]
        ))?;
        let rows = stmt
            .query_map([], |r| {
                (0..width)
                    .map(|i| cell(r.get_ref(i)?))
                    .collect::<rusqlite::Result<Vec<_>>>()
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        children.push(rows);
    }
    let facts = count_facts(tx)?;
    drop_batch(tx)?;
    Ok(OutboxBatch {
        visits,
        children,
        facts,
    })
}

/// The facts of the visits in `batch_visits` (see `summary::facts!`), counted per day, desk,
/// figure, key and sub as the server keeps them (see `central::counts`), an empty key or sub
/// as `''`. SQLite's `GROUP BY` would sort every fact first, which takes several times as long
/// as counting them here.
fn count_facts(tx: &Transaction<'_>) -> rusqlite::Result<Vec<FactCount>> {
    let mut stmt = tx.prepare(concat!(
        "SELECT day, desk, figure, key, sub FROM (",
        super::summary::facts!("batch_", "true"),
        " UNION ALL ",
        super::summary::language_fact!("batch_", "true"),
        " UNION ALL ",
        super::summary::choice_fact!("batch_", "true"),
        ") WHERE day IS NOT NULL"
    ))?;
    let mut facts: Vec<FactCount> = Vec::new();
    // Each fact seen, by its values (length before each text), to its place in `facts`; the
    // key is built in one buffer, so a fact seen before costs no allocation.
    let mut seen: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut key = Vec::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let day: i64 = r.get(0)?;
        key.clear();
        key.extend_from_slice(&day.to_le_bytes());
        for i in 1..5 {
            let number;
            let text = match r.get_ref(i)? {
                ValueRef::Null => &[][..],
                ValueRef::Text(text) | ValueRef::Blob(text) => text,
                value => {
                    number = cell(value)?.unwrap_or_default();
                    number.as_bytes()
                }
            };
            key.extend_from_slice(&text.len().to_le_bytes());
            key.extend_from_slice(text);
        }
        if let Some(&at) = seen.get(key.as_slice()) {
            facts[at].n += 1;
            continue;
        }
        let text = |i| -> rusqlite::Result<String> { Ok(cell(r.get_ref(i)?)?.unwrap_or_default()) };
        seen.insert(key.clone(), facts.len());
        facts.push(FactCount {
            day,
            desk: text(1)?,
            figure: text(2)?,
            key: text(3)?,
            sub: text(4)?,
            n: 1,
        });
    }
    Ok(facts)
}

fn cell(value: ValueRef<'_>) -> rusqlite::Result<Cell> {
    Ok(match value {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::Real(f) => Some(f.to_string()),
        ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Some(String::from_utf8_lossy(b).into_owned()),
    })
}
