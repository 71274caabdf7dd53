//! Retention: visits older than `retention_days` are deleted, at start-up and by `frontdesk purge`.

use chrono::{DateTime, Duration, Utc};
use rusqlite::params;

use super::{Store, StoreError};

/// The instant before which visits are older than `days` days at `now`.
pub fn retention_cutoff(now: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    now.checked_sub_signed(Duration::days(i64::from(days)))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

impl Store {
    /// Deletes every visit that started before `cutoff` (or, with `dry_run`, only counts them).
    /// Returns how many were (or would be) deleted.
    pub fn purge_older_than(
        &mut self,
        cutoff: DateTime<Utc>,
        dry_run: bool,
    ) -> Result<u64, StoreError> {
        let cutoff = cutoff.timestamp_millis();
        if dry_run {
            let count: i64 = self
                .conn
                .prepare_cached("SELECT count(*) FROM visits WHERE started_at < ?1")
                .and_then(|mut s| s.query_row([cutoff], |r| r.get(0)))
                .map_err(|e| self.error("read", e))?;
            return Ok(count.max(0) as u64);
        }
        self.write("delete old visits from", |tx| {
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
            Ok(Ok(deleted as u64))
        })
    }

    /// Deletes visits older than `retention_days` at `now` (the start-up clean-up).
    pub fn purge_expired(
        &mut self,
        retention_days: u32,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        self.purge_older_than(retention_cutoff(now, retention_days), false)
    }
}
