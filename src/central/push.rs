//! Sending the desk's outbox to the server.
//!
//! Each batch is one server transaction: the rows are bulk-loaded (`COPY`) into temporary
//! tables, then merged: a visit is written only when the server's copy is older (by version),
//! and its services, partners and reasons are replaced with it. Sending a batch twice, or two
//! desks sending the same visit, changes nothing the second time. The report's counts (see
//! `counts`) change in the same transaction: the desk counts its batch's facts with the SQL
//! the server would use (see `store::outbox`), and the server adds them when they are the
//! facts of exactly the visits it wrote, and counts what it wrote itself when not. Outbox rows
//! are marked sent only after the server has committed; a batch cut off half way is sent again
//! whole.

use std::io::Cursor;
use std::sync::mpsc;

use futures_util::SinkExt;
use tokio_postgres::Client;

use super::{Central, CentralError, counts};
use crate::store::outbox::{
    Cell, HeldVisit, OutboxBatch, QueuedVisit, SYNCED_CHILDREN, SYNCED_VISITS,
};
use crate::store::{StoreError, VisitLog};

/// How many visits go in one batch.
pub const BATCH_SIZE: usize = 10_000;

/// What one sync did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pushed {
    /// Visits (and tombstones) the server confirmed.
    pub sent: u64,
    /// Still waiting (an edit made while sending).
    pub waiting: u64,
    /// Visits set aside by this sync: the server refused them (or they belong to another
    /// desk); the rest of their batch went on.
    pub held: u64,
}

/// What a desk sends besides its visits' facts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncOptions {
    /// The configured desk: a visit logged under the same name written another way ("Desk k"
    /// for "Desk K") is sent under this name; a visit of another desk is set aside unsent.
    /// `None`: each visit goes with the desk it was logged at.
    pub desk: Option<String>,
    /// Send the visits' notes (`sync_notes = true`); by default they stay at the desk.
    pub notes: bool,
}

impl SyncOptions {
    /// What a desk with `settings` sends: under its configured name, and its notes only when
    /// the council says so (`sync_notes = true`).
    pub fn of(settings: &crate::config::Settings) -> SyncOptions {
        SyncOptions {
            desk: Some(settings.desk.clone()),
            notes: settings.sync_notes,
        }
    }
}

/// Sends every waiting visit of `log` as [`push_with`] does, with the default options: notes
/// stay at the desk and each visit goes under the desk it was logged at.
pub fn push_all(
    central: &mut Central,
    log: &mut VisitLog,
    batch_size: usize,
) -> Result<Pushed, CentralError> {
    push_with(central, log, batch_size, &SyncOptions::default())
}

/// Sends every waiting visit of `log`, batch by batch, oldest id first. Three things happen
/// at once, each on a thread of its own (with its own connection to the log): the next batch
/// is read and made ready while one is on its way, and the one before is marked sent. A
/// batch the server refuses because of some of its rows is split in halves and sent again
/// until the refused visits are found; they are set aside with the server's reason and the
/// rest goes on. Stops at any other failure: what was confirmed stays marked, the rest stays
/// queued. A visit edited during the sync waits for the next one.
pub fn push_with(
    central: &mut Central,
    log: &mut VisitLog,
    batch_size: usize,
    options: &SyncOptions,
) -> Result<Pushed, CentralError> {
    let batch_size = batch_size.max(1);
    let path = log.path().to_path_buf();
    let marking = &mut *log;
    let (sent, held) = std::thread::scope(|scope| {
        let (batches, incoming) = mpsc::sync_channel::<Result<Outgoing, StoreError>>(1);
        scope.spawn(move || {
            let mut reader = VisitLog::new(path);
            let mut after = String::new();
            loop {
                let batch = reader.sync_batch_after(&after, batch_size);
                let more = match &batch {
                    Ok(batch) => match batch.visits.last() {
                        Some(last) => {
                            after.clone_from(&last.visit_id);
                            true
                        }
                        None => false,
                    },
                    Err(_) => false,
                };
                let outgoing = batch.map(|b| Outgoing::new(prepare(b, options), !more));
                if batches.send(outgoing).is_err() || !more {
                    return;
                }
            }
        });
        let (marks, to_mark) = mpsc::channel::<Mark>();
        let marker = scope.spawn(move || {
            let (mut sent, mut held) = (0, 0);
            for mark in to_mark {
                match mark {
                    Mark::Sent(visits) => {
                        marking.mark_synced(&visits)?;
                        sent += visits.len() as u64;
                    }
                    Mark::Held(visits) => {
                        marking.hold(&visits)?;
                        held += visits.len() as u64;
                    }
                    Mark::Done(batch) => drop(batch),
                }
            }
            Ok::<(u64, u64), StoreError>((sent, held))
        });
        let pushed = (|| {
            for batch in incoming {
                let mut batch = batch?;
                if batch.last {
                    break;
                }
                let local = std::mem::take(&mut batch.held_here);
                if !local.is_empty() && marks.send(Mark::Held(local)).is_err() {
                    break;
                }
                if batch.confirms.is_empty() {
                    continue;
                }
                let source = std::mem::take(&mut batch.source);
                let marked = match push_batch(central, &mut batch) {
                    Ok(()) => marks
                        .send(Mark::Sent(std::mem::take(&mut batch.confirms)))
                        .is_ok(),
                    Err(error @ CentralError::Refused { rows: true, .. }) => {
                        isolate(central, &source, error, &marks)?
                    }
                    Err(error) => return Err(error),
                };
                if !marked || marks.send(Mark::Done(source)).is_err() {
                    // Marking failed: the marker says why.
                    break;
                }
            }
            Ok::<(), CentralError>(())
        })();
        drop(marks);
        let marked = marker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        pushed?;
        Ok::<(u64, u64), CentralError>(marked?)
    })?;
    let waiting = log.sync_waiting()?;
    Ok(Pushed {
        sent,
        waiting,
        held,
    })
}

/// What the sending thread hands the marking thread.
enum Mark {
    /// Confirmed by the server at these versions.
    Sent(Vec<(String, i64)>),
    /// Set aside.
    Held(Vec<HeldVisit>),
    /// A batch done with, dropped on the marking thread rather than the sending one.
    Done(OutboxBatch),
}

/// Applies `options` to a batch read from the log: the notes are left out unless the desk
/// sends them, a visit logged under the configured desk's name written another way goes
/// under that name, and a visit of another desk is set aside (it is never sent: this desk's
/// role may write only its own desk's visits).
fn prepare(mut batch: OutboxBatch, options: &SyncOptions) -> Prepared {
    let mut held = Vec::new();
    let column = |name: &str| SYNCED_VISITS.columns.iter().position(|c| *c == name);
    if !options.notes
        && let Some(note) = column("note")
    {
        for queued in &mut batch.visits {
            if let Some(row) = &mut queued.row {
                row[note] = None;
            }
        }
    }
    if let Some(desk) = &options.desk {
        let key = crate::config::desk_key(desk);
        let desk_column = column("desk");
        let mut renamed = false;
        let mut others = std::collections::HashSet::new();
        batch.visits.retain_mut(|queued| {
            if queued.desk == *desk {
                return true;
            }
            if crate::config::desk_key(&queued.desk) == key {
                queued.desk.clone_from(desk);
                if let (Some(row), Some(at)) = (&mut queued.row, desk_column) {
                    row[at] = Some(desk.clone());
                }
                renamed = true;
                return true;
            }
            held.push(HeldVisit {
                visit_id: queued.visit_id.clone(),
                version: queued.version,
                reason: format!(
                    "it was logged at desk \"{}\", and this desk (\"{}\") sends only its own visits",
                    crate::printable::printable(&queued.desk),
                    crate::printable::printable(desk)
                ),
            });
            others.insert(queued.visit_id.clone());
            false
        });
        if !others.is_empty() {
            for rows in &mut batch.children {
                rows.retain(|row| row[0].as_ref().is_none_or(|id| !others.contains(id)));
            }
        }
        if renamed || !others.is_empty() {
            // The desk's counts name the old desk or count visits not sent: the server counts.
            batch.facts.clear();
        }
    }
    Prepared { batch, held }
}

struct Prepared {
    batch: OutboxBatch,
    held: Vec<HeldVisit>,
}

/// The visit set aside for `error`, when the error is the server refusing rows.
fn held_for(visit: &QueuedVisit, error: &CentralError) -> Option<HeldVisit> {
    match error {
        CentralError::Refused {
            reason, rows: true, ..
        } => Some(HeldVisit {
            visit_id: visit.visit_id.clone(),
            version: visit.version,
            reason: refusal_reason(reason),
        }),
        _ => None,
    }
}

/// The server's words on a refused visit, made plain where they are known.
fn refusal_reason(server_said: &str) -> String {
    if server_said.contains("row-level security") {
        format!(
            "the server lets this desk's role write only its own desk's visits, and another desk may have a visit with the same id ({server_said})"
        )
    } else {
        format!("the server refused it ({server_said})")
    }
}

/// Finds the visits of `batch` that the server refuses (it refused the whole batch with
/// `error`) by sending halves, and halves of the halves that fail, each in a transaction of
/// its own: what goes through is marked sent, a single visit refused is set aside with the
/// reason. Only a batch that failed pays for this; a few bad visits among thousands cost a
/// few dozen small transactions. False when the marking thread has stopped (it says why).
fn isolate(
    central: &mut Central,
    batch: &OutboxBatch,
    error: CentralError,
    marks: &mpsc::Sender<Mark>,
) -> Result<bool, CentralError> {
    // Ranges of `batch.visits` the server refused, each with what it said.
    let mut refused = vec![(0..batch.visits.len(), error)];
    while let Some((range, error)) = refused.pop() {
        if range.len() <= 1 {
            let Some(visit) = batch.visits.get(range.start) else {
                continue;
            };
            let Some(held) = held_for(visit, &error) else {
                return Err(error);
            };
            if marks.send(Mark::Held(vec![held])).is_err() {
                return Ok(false);
            }
            continue;
        }
        let middle = range.start + range.len() / 2;
        for half in [range.start..middle, middle..range.end] {
            let mut part = Outgoing::of(part_of(batch, half.clone()));
            match push_batch(central, &mut part) {
                Ok(()) => {
                    if marks.send(Mark::Sent(part.confirms)).is_err() {
                        return Ok(false);
                    }
                }
                Err(error @ CentralError::Refused { rows: true, .. }) => {
                    refused.push((half, error));
                }
                Err(error) => return Err(error),
            }
        }
    }
    Ok(true)
}

/// The visits of `batch` in `range` (the batch's visits are in id order, and so are its
/// parts), with their parts and no facts: the server counts them itself.
fn part_of(batch: &OutboxBatch, range: std::ops::Range<usize>) -> OutboxBatch {
    let visits = batch.visits[range].to_vec();
    let (Some(first), Some(last)) = (visits.first(), visits.last()) else {
        return OutboxBatch::default();
    };
    let (first, last) = (first.visit_id.as_str(), last.visit_id.as_str());
    let children = batch
        .children
        .iter()
        .map(|rows| {
            let id = |row: &Vec<Cell>| row.first().cloned().flatten().unwrap_or_default();
            let from = rows.partition_point(|row| id(row).as_str() < first);
            let to = rows.partition_point(|row| id(row).as_str() <= last);
            rows[from..to.max(from)].to_vec()
        })
        .collect();
    OutboxBatch {
        visits,
        children,
        facts: Vec::new(),
    }
}

/// A batch ready to send: its rows as `COPY` text, made while the batch before is on its way.
struct Outgoing {
    /// The visits and versions the server confirms by committing.
    confirms: Vec<(String, i64)>,
    visits: Vec<u8>,
    children: Vec<Vec<u8>>,
    facts: Vec<u8>,
    /// How many visits `facts` counts.
    counted: i64,
    /// The rows the text was made from, for finding the visits the server refuses.
    source: OutboxBatch,
    /// Visits set aside before sending (another desk's).
    held_here: Vec<HeldVisit>,
    /// Nothing more is waiting.
    last: bool,
}

impl Outgoing {
    fn new(prepared: Prepared, last: bool) -> Outgoing {
        let Prepared { batch, held } = prepared;
        let mut outgoing = Outgoing::of(batch);
        outgoing.held_here = held;
        outgoing.last = last;
        outgoing
    }

    /// A batch's rows as `COPY` text; a batch with no facts lets the server count.
    fn of(batch: OutboxBatch) -> Outgoing {
        Outgoing {
            confirms: batch
                .visits
                .iter()
                .map(|v| (v.visit_id.clone(), v.version))
                .collect(),
            visits: visits_copy(&batch),
            children: batch
                .children
                .iter()
                .map(|rows| copy_text(rows.iter().map(|r| r.iter().map(Option::as_deref))))
                .collect(),
            facts: facts_copy(&batch),
            counted: if batch.facts.is_empty() {
                -1
            } else {
                batch.counted_visits()
            },
            last: false,
            source: batch,
            held_here: Vec::new(),
        }
    }
}

/// Sends one batch's text in one server transaction (the text is used up).
fn push_batch(central: &mut Central, batch: &mut Outgoing) -> Result<(), CentralError> {
    let (visits, children, facts, counted) = (
        std::mem::take(&mut batch.visits),
        std::mem::take(&mut batch.children),
        std::mem::take(&mut batch.facts),
        batch.counted,
    );
    central.run(|client| async move { merge(client, visits, children, facts, counted).await })
}

async fn merge(
    client: &mut Client,
    visits: Vec<u8>,
    children: Vec<Vec<u8>>,
    facts: Vec<u8>,
    counted: i64,
) -> Result<(), tokio_postgres::Error> {
    let tx = client.transaction().await?;
    let visit_columns = SYNCED_VISITS.columns.join(", ");
    tx.batch_execute(&format!(
        "CREATE TEMP TABLE stage_visits ON COMMIT DROP AS \
         SELECT version, undone, {visit_columns} FROM frontdesk.visits WITH NO DATA; \
         CREATE TEMP TABLE stage_applied (id uuid PRIMARY KEY, desk text NOT NULL, \
         fresh boolean NOT NULL) ON COMMIT DROP; \
         CREATE TEMP TABLE stage_replaced (id uuid PRIMARY KEY, local_day integer, \
         desk text NOT NULL) ON COMMIT DROP; \
         CREATE TEMP TABLE stage_facts (day integer NOT NULL, desk text NOT NULL, \
         figure text NOT NULL, key text NOT NULL, sub text NOT NULL, n bigint NOT NULL) \
         ON COMMIT DROP;"
    ))
    .await?;
    copy_in(
        &tx,
        "COPY stage_facts (day, desk, figure, key, sub, n) FROM STDIN",
        facts,
    )
    .await?;
    copy_in(
        &tx,
        &format!("COPY stage_visits (version, undone, {visit_columns}) FROM STDIN"),
        visits,
    )
    .await?;
    for (table, rows) in SYNCED_CHILDREN.iter().zip(children) {
        let columns = table.columns.join(", ");
        tx.batch_execute(&format!(
            "CREATE TEMP TABLE stage_{name} ON COMMIT DROP AS \
             SELECT {columns} FROM frontdesk.{name} WITH NO DATA",
            name = table.name
        ))
        .await?;
        copy_in(
            &tx,
            &format!("COPY stage_{} ({columns}) FROM STDIN", table.name),
            rows,
        )
        .await?;
    }
    // The server's copies this batch replaces (locked, so a sync of the same visits at the same
    // time waits and then finds nothing newer to write) lose their facts from the counts.
    // A batch's statements are short: compiling them (JIT) would cost more than it saves.
    tx.batch_execute("SET LOCAL jit = off").await?;
    // A first version replaces nothing.
    let replaced = tx
        .execute(
            "WITH locked AS (SELECT v.id, v.local_day, v.desk FROM frontdesk.visits v \
             JOIN stage_visits s ON s.id = v.id WHERE s.version > 1 AND v.version < s.version \
             AND NOT v.undone FOR UPDATE OF v) \
             INSERT INTO stage_replaced SELECT id, local_day, desk FROM locked",
            &[],
        )
        .await?;
    if replaced > 0 {
        tx.batch_execute("ANALYZE stage_replaced;").await?;
        tx.batch_execute(counts::UNCOUNT_REPLACED).await?;
    }
    let updates = SYNCED_VISITS
        .columns
        .iter()
        .filter(|c| **c != "id")
        .map(|c| format!("{c} = excluded.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    // Only a newer version is written; the ids written have their parts replaced (a visit new
    // to the server, `xmax = 0`, has none to delete: the statistics say so, so the delete
    // looks up the few changed ids rather than reading every part on the server).
    let mut sql = format!(
        "WITH written AS ( \
             INSERT INTO frontdesk.visits AS v (version, undone, {visit_columns}) \
             SELECT version, undone, {visit_columns} FROM stage_visits \
             ON CONFLICT (id) DO UPDATE SET version = excluded.version, undone = excluded.undone, \
             {updates}, synced_at = now() WHERE v.version < excluded.version \
             RETURNING v.id, v.desk, v.xmax = 0 AS fresh) \
         INSERT INTO stage_applied SELECT id, desk, fresh FROM written; \
         ANALYZE stage_applied;"
    );
    for table in SYNCED_CHILDREN {
        let columns = table.columns.join(", ");
        let staged = table
            .columns
            .iter()
            .map(|c| format!("s.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        sql.push_str(&format!(
            "DELETE FROM frontdesk.{name} c USING stage_applied a \
             WHERE c.visit_id = a.id AND NOT a.fresh; \
             INSERT INTO frontdesk.{name} (desk, {columns}) \
             SELECT a.desk, {staged} FROM stage_{name} s JOIN stage_applied a ON a.id = s.visit_id;",
            name = table.name
        ));
    }
    tx.batch_execute(&sql).await?;
    // The versions written add their facts: the desk's counts when they are the facts of
    // exactly the visits written (every live visit of the batch was new or newer here, the
    // usual case); else counted here from the staging tables, once the visits not written (a
    // batch sent again, visits the server had newer) are taken out.
    let written = tx
        .query_one(
            "SELECT (SELECT count(*) FROM stage_visits WHERE NOT undone AND local_day IS NOT NULL), \
             (SELECT count(*) FROM stage_visits s JOIN stage_applied a ON a.id = s.id \
             WHERE NOT s.undone AND s.local_day IS NOT NULL)",
            &[],
        )
        .await?;
    let (staged, applied): (i64, i64) = (written.get(0), written.get(1));
    if staged == applied && applied == counted {
        tx.batch_execute(counts::COUNT_SENT).await?;
    } else {
        // An index on each part's visit, so counting (which asks, visit by visit, whether any
        // of its services ended a given way) does not read every staged row for each visit.
        tx.batch_execute(&format!(
            "DELETE FROM stage_visits s WHERE NOT EXISTS \
             (SELECT 1 FROM stage_applied a WHERE a.id = s.id); ANALYZE stage_visits; {}{}",
            SYNCED_CHILDREN
                .iter()
                .map(|table| format!(
                    "CREATE INDEX ON stage_{name} (visit_id); ANALYZE stage_{name};",
                    name = table.name
                ))
                .collect::<String>(),
            counts::COUNT_APPLIED
        ))
        .await?;
    }
    tx.commit().await
}

async fn copy_in(
    tx: &tokio_postgres::Transaction<'_>,
    statement: &str,
    data: Vec<u8>,
) -> Result<(), tokio_postgres::Error> {
    let sink = tx.copy_in::<_, Cursor<Vec<u8>>>(statement).await?;
    futures_util::pin_mut!(sink);
    sink.send(Cursor::new(data)).await?;
    sink.finish().await?;
    Ok(())
}

/// The visits' rows as `COPY` text: version, tombstone, then the synced columns. A
/// tombstone carries only its id, desk and start time; a visit retention has since deleted
/// from the log sends nothing.
fn visits_copy(batch: &OutboxBatch) -> Vec<u8> {
    let columns = SYNCED_VISITS.columns;
    let rows = batch.visits.iter().filter_map(|queued| {
        let version = Some(queued.version.to_string());
        let undone = Some(if queued.undone { "t" } else { "f" }.to_string());
        let cells: Vec<Cell> = match (&queued.row, queued.undone) {
            (Some(row), false) => row.clone(),
            (_, true) => columns
                .iter()
                .map(|c| match *c {
                    "id" => Some(queued.visit_id.clone()),
                    "desk" => Some(queued.desk.clone()),
                    "started_at" => Some(queued.started_at.to_string()),
                    _ => None,
                })
                .collect(),
            (None, false) => return None,
        };
        Some(
            [version, undone]
                .into_iter()
                .chain(cells)
                .collect::<Vec<Cell>>(),
        )
    });
    let rows: Vec<Vec<Cell>> = rows.collect();
    copy_text(rows.iter().map(|r| r.iter().map(Option::as_deref)))
}

/// The desk's counts of the batch's facts as `COPY` text, in `stage_facts`'s columns.
fn facts_copy(batch: &OutboxBatch) -> Vec<u8> {
    let rows: Vec<[String; 6]> = batch
        .facts
        .iter()
        .map(|f| {
            [
                f.day.to_string(),
                f.desk.clone(),
                f.figure.clone(),
                f.key.clone(),
                f.sub.clone(),
                f.n.to_string(),
            ]
        })
        .collect();
    copy_text(rows.iter().map(|r| r.iter().map(|c| Some(c.as_str()))))
}

/// Rows in PostgreSQL's `COPY` text format: tab between values, `\N` for NULL, and a
/// backslash before any tab, newline, carriage return or backslash inside a value.
pub fn copy_text<'a, R, C>(rows: R) -> Vec<u8>
where
    R: Iterator<Item = C>,
    C: Iterator<Item = Option<&'a str>>,
{
    let mut out = Vec::new();
    for row in rows {
        for (i, value) in row.enumerate() {
            if i > 0 {
                out.push(b'\t');
            }
            match value {
                None => out.extend_from_slice(b"\\N"),
                Some(text) => {
                    for byte in text.bytes() {
                        match byte {
                            b'\\' => out.extend_from_slice(b"\\\\"),
                            b'\t' => out.extend_from_slice(b"\\t"),
                            b'\n' => out.extend_from_slice(b"\\n"),
                            b'\r' => out.extend_from_slice(b"\\r"),
                            other => out.push(other),
                        }
                    }
                }
            }
        }
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_text_escapes_what_would_break_a_row() {
        let rows = [vec![Some("a\tb\\c\nd\re"), None, Some("")]];
        let text = copy_text(rows.iter().map(|r| r.iter().copied()));
        assert_eq!(text, b"a\\tb\\\\c\\nd\\re\t\\N\t\n".to_vec());
    }
}
