//! Retention: visits older than `retention_days` are deleted, at start-up and by `frontdesk purge`.
//!
//! Whatever the setting or the cutoff asked for, a visit from today (the local calendar day) is
//! never deleted: the cutoff is at most the start of today.

use chrono::{DateTime, Duration, Local, Utc};
use rusqlite::params;

use super::{Store, StoreError, local_day_bounds};

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

/// `cutoff`, moved back to the start of today (by the system clock) if it is later.
fn keeping_today(cutoff: DateTime<Utc>) -> i64 {
    cutoff
        .min(start_of_local_day(Utc::now()))
        .timestamp_millis()
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
            super::summary::uncount_before(tx, cutoff)?;
            // The child rows go with their visit (ON DELETE CASCADE); deleting them here as well
            // keeps a file opened without foreign keys tidy too.
            for table in ["visit_services", "visit_partners", "visit_reasons"] {
                tx.execute(
                    &format!(
                        "DELETE FROM {table} WHERE visit_id IN (SELECT id FROM visits WHERE started_at < ?1)"
                    ),
                    params![cutoff],
                )?;
            }
            let deleted = tx.execute("DELETE FROM visits WHERE started_at < ?1", params![cutoff])?;
            // Their places in the sync outbox go too, tombstones included: the server applies
            // the same retention itself (`frontdesk purge --central`).
            tx.execute(
                "DELETE FROM sync_outbox WHERE started_at < ?1",
                params![cutoff],
            )?;
            Ok(Ok(deleted as u64))
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
