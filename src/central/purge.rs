//! Retention on the server: `frontdesk purge --central`, by the local purge's rules (never a
//! visit from today; the cutoff from `retention_days` or `--older-than`).

use chrono::{DateTime, Utc};

use super::{Central, CentralError, counts};
use crate::store::retention_cutoff_keeping_today;

/// Deletes (or, with `dry_run`, counts) the server's visits and tombstones that started
/// before `cutoff`, never one from today. Their services, partners and reasons go with them,
/// and their facts leave the report's counts in the same transaction; the shared bookings whose
/// slot started, and the tickets taken, before the cutoff go too.
pub fn purge_older_than(
    central: &mut Central,
    cutoff: DateTime<Utc>,
    dry_run: bool,
) -> Result<u64, CentralError> {
    let cutoff = retention_cutoff_keeping_today(cutoff);
    central.run(|client| async move {
        let count = if dry_run {
            let row = client
                .query_one(
                    "SELECT count(*) FROM frontdesk.visits WHERE started_at < $1",
                    &[&cutoff],
                )
                .await?;
            row.get::<_, i64>(0).max(0) as u64
        } else {
            let tx = client.transaction().await?;
            tx.execute(counts::UNCOUNT_BEFORE, &[&cutoff]).await?;
            tx.batch_execute(counts::DROP_ZEROS).await?;
            let removed = tx
                .execute(
                    "DELETE FROM frontdesk.visits WHERE started_at < $1",
                    &[&cutoff],
                )
                .await?;
            // Retention applies to the shared bookings and tickets as to visits.
            tx.execute(
                "DELETE FROM frontdesk.bookings WHERE slot_at < $1",
                &[&cutoff],
            )
            .await?;
            tx.execute(
                "DELETE FROM frontdesk.waiting WHERE arrived_at < $1",
                &[&cutoff],
            )
            .await?;
            tx.commit().await?;
            removed
        };
        Ok(count)
    })
}
