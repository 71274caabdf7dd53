//! Retention: visits older than `retention_days` are deleted, at start-up and by `frontdesk purge`.
//!
//! Whatever the setting or the cutoff asked for, a visit from today (the local calendar day) is
//! never deleted: the cutoff is at most the start of today.
//!
//! The clock is not trusted blindly: the start-up clean-up and `frontdesk purge` hold back (and
//! keep every visit) when [`purge_check`] finds the clock earlier than the newest visit, or a
//! cutoff that would take every visit, or more than [`MOST_REMOVED_AT_ONCE_PERCENT`] of the
//! log at once; `frontdesk purge --yes` removes them on purpose.

use chrono::{DateTime, Duration, Local, Utc};
use rusqlite::{Connection, Transaction, params};

use super::{Store, StoreError, local_day_bounds};

/// The most of the log (in percent of its visits) one clean-up removes unless asked on purpose:
/// half. More at once is what a clock set years ahead does, or a retention period just cut
/// short; either is left to `frontdesk purge --yes`.
pub const MOST_REMOVED_AT_ONCE_PERCENT: u64 = 50;

/// What a purge would meet in the log: read in the purge's own transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LogSpan {
    /// Visits in the log.
    pub visits: u64,
    /// When the newest visit started, in milliseconds since 1970 (None for an empty log).
    pub newest_started_ms: Option<i64>,
    /// Visits that started before the cutoff (today's never do).
    pub older: u64,
}

/// Why a purge was held back, keeping every visit: one sentence each.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PurgeHeld {
    #[error(
        "the clock reads {}, earlier than the newest visit in the log ({}), so no visits were removed; set the date and time correctly, or run `frontdesk purge --yes` to remove old visits anyway",
        shown(*now_ms),
        shown(*newest_ms)
    )]
    ClockBehind { now_ms: i64, newest_ms: i64 },
    #[error(
        "the clock reads {}, which would make every visit in the log ({visits}) older than the retention period, so none were removed; check the date and time, or run `frontdesk purge --yes` if they really are that old",
        shown(*now_ms)
    )]
    EveryVisit { now_ms: i64, visits: u64 },
    #[error(
        "removing {older} of the log's {visits} visits at once would be more than {MOST_REMOVED_AT_ONCE_PERCENT}% of it, so none were removed; check the date and time, or run `frontdesk purge --yes` if they really should go"
    )]
    TooMany { older: u64, visits: u64 },
}

/// What a purge did (or, as a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purged {
    /// Visits removed (or that would be).
    pub removed: u64,
    /// Why nothing was removed, when the purge was held back (for a dry run: why a purge
    /// that is not on purpose would be).
    pub held: Option<PurgeHeld>,
}

/// The one rule: may a purge at `now` that meets `span` go ahead without being asked on
/// purpose? Held when it would remove something and the clock reads earlier than the newest
/// visit, or every visit would go, or more than [`MOST_REMOVED_AT_ONCE_PERCENT`] of them.
pub fn purge_check(now: DateTime<Utc>, span: &LogSpan) -> Result<(), PurgeHeld> {
    if span.older == 0 {
        return Ok(());
    }
    let now_ms = now.timestamp_millis();
    if let Some(newest_ms) = span.newest_started_ms
        && now_ms < newest_ms
    {
        return Err(PurgeHeld::ClockBehind { now_ms, newest_ms });
    }
    if span.older >= span.visits {
        return Err(PurgeHeld::EveryVisit {
            now_ms,
            visits: span.visits,
        });
    }
    if u128::from(span.older) * 100
        > u128::from(span.visits) * u128::from(MOST_REMOVED_AT_ONCE_PERCENT)
    {
        return Err(PurgeHeld::TooMany {
            older: span.older,
            visits: span.visits,
        });
    }
    Ok(())
}

/// A time in milliseconds since 1970 as the desk reads it: "2026-12-07 09:30".
fn shown(ms: i64) -> String {
    DateTime::from_timestamp_millis(ms).map_or_else(
        || format!("{ms} ms after 1970"),
        |at| {
            at.with_timezone(&Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}

/// The instant before which visits are older than `days` days at `now`, and never later than
/// the start of `now`'s local day, so today's visits are kept even with 0 days.
pub fn retention_cutoff(now: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    now.checked_sub_signed(Duration::days(i64::from(days)))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
        .min(start_of_local_day(now))
}

/// The first instant of the local calendar day `now` falls in.
fn start_of_local_day(now: DateTime<Utc>) -> DateTime<Utc> {
    local_day_bounds(now.with_timezone(&Local).date_naive()).0
}

/// `cutoff` in milliseconds since 1970, moved back to the start of today (by the system clock)
/// if it is later: the one rule for the local log and the central server.
pub fn retention_cutoff_keeping_today(cutoff: DateTime<Utc>) -> i64 {
    keeping_today(cutoff)
}

/// `cutoff`, moved back to the start of today (by the system clock) if it is later. A clock
/// that cannot be read (before 1970) keeps everything.
fn keeping_today(cutoff: DateTime<Utc>) -> i64 {
    let today = crate::clock::now().map_or(DateTime::<Utc>::UNIX_EPOCH, start_of_local_day);
    cutoff.min(today).timestamp_millis()
}

/// How many visits the log holds, when the newest started, and how many started before
/// `cutoff_ms`: each read through an index.
fn log_span(conn: &Connection, cutoff_ms: i64) -> rusqlite::Result<LogSpan> {
    let visits: i64 = conn.query_row("SELECT count(*) FROM visits", [], |r| r.get(0))?;
    let newest_started_ms: Option<i64> =
        conn.query_row("SELECT max(started_at) FROM visits", [], |r| r.get(0))?;
    let older: i64 = conn.query_row(
        "SELECT count(*) FROM visits WHERE started_at < ?1",
        [cutoff_ms],
        |r| r.get(0),
    )?;
    Ok(LogSpan {
        visits: visits.max(0) as u64,
        newest_started_ms,
        older: older.max(0) as u64,
    })
}

/// Deletes every visit that started before `cutoff_ms` with its rows, counts and outbox places.
fn delete_before(tx: &Transaction<'_>, cutoff_ms: i64) -> rusqlite::Result<u64> {
    super::summary::uncount_before(tx, cutoff_ms)?;
    // The child rows go with their visit (ON DELETE CASCADE); deleting them here as well
    // keeps a file opened without foreign keys tidy too.
    for table in super::outbox::SYNCED_CHILDREN {
        tx.execute(
            &format!(
                "DELETE FROM {} WHERE visit_id IN (SELECT id FROM visits WHERE started_at < ?1)",
                table.name
            ),
            params![cutoff_ms],
        )?;
    }
    let deleted = tx.execute(
        "DELETE FROM visits WHERE started_at < ?1",
        params![cutoff_ms],
    )?;
    // Their places in the sync outbox go too, tombstones included: the server applies
    // the same retention itself (`frontdesk purge --central`).
    tx.execute(
        "DELETE FROM sync_outbox WHERE started_at < ?1",
        params![cutoff_ms],
    )?;
    // Bookings and tickets are kept no longer than visits.
    super::bookings::delete_before(tx, cutoff_ms)?;
    Ok(deleted as u64)
}

impl Store {
    /// Deletes every visit that started before `cutoff`, but never one that started today
    /// (or, with `dry_run`, only counts them). Returns how many were (or would be) deleted.
    pub fn purge_older_than(
        &mut self,
        cutoff: DateTime<Utc>,
        dry_run: bool,
    ) -> Result<u64, StoreError> {
        if dry_run {
            return self.count_older_than(cutoff);
        }
        let cutoff = keeping_today(cutoff);
        self.write("delete old visits from", |tx| {
            Ok(Ok(delete_before(tx, cutoff)?))
        })
    }

    /// Deletes every visit that started before `cutoff` (never one from today), unless
    /// [`purge_check`] finds the clock at `now` or the size of the purge implausible and it is
    /// not `on_purpose`: then nothing is deleted and [`Purged::held`] says why. The check and
    /// the deletion are one transaction.
    pub fn purge_checked(
        &mut self,
        cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
        on_purpose: bool,
    ) -> Result<Purged, StoreError> {
        let cutoff = keeping_today(cutoff);
        self.write("delete old visits from", |tx| {
            let span = log_span(tx, cutoff)?;
            if !on_purpose && let Err(held) = purge_check(now, &span) {
                return Ok(Ok(Purged {
                    removed: 0,
                    held: Some(held),
                }));
            }
            let removed = if span.older == 0 {
                0
            } else {
                delete_before(tx, cutoff)?
            };
            Ok(Ok(Purged {
                removed,
                held: None,
            }))
        })
    }

    /// What [`Store::purge_checked`] would do, reading only: how many visits would go, and why
    /// a purge that is not on purpose would be held back.
    pub fn purge_preview(
        &self,
        cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Purged, StoreError> {
        let span =
            log_span(&self.conn, keeping_today(cutoff)).map_err(|e| self.error("read", e))?;
        Ok(Purged {
            removed: span.older,
            held: purge_check(now, &span).err(),
        })
    }

    /// How many visits [`Store::purge_older_than`] would delete.
    pub fn count_older_than(&self, cutoff: DateTime<Utc>) -> Result<u64, StoreError> {
        let count: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM visits WHERE started_at < ?1")
            .and_then(|mut s| s.query_row([keeping_today(cutoff)], |r| r.get(0)))
            .map_err(|e| self.error("read", e))?;
        Ok(count.max(0) as u64)
    }

    /// Deletes visits older than `retention_days` at `now` (the start-up clean-up), never one
    /// from today.
    pub fn purge_expired(
        &mut self,
        retention_days: u32,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        self.purge_older_than(retention_cutoff(now, retention_days), false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cutoff_is_never_later_than_the_start_of_today() {
        let now = Utc::now();
        let today = start_of_local_day(now);
        assert_eq!(retention_cutoff(now, 0), today);
        assert_eq!(
            retention_cutoff(now, 1),
            (now - Duration::days(1)).min(today)
        );
        assert_eq!(
            retention_cutoff(now, u32::MAX),
            DateTime::<Utc>::MIN_UTC.min(today)
        );
        assert_eq!(
            keeping_today(now + Duration::days(3)),
            today.timestamp_millis()
        );
    }
}
