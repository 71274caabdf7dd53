//! The visit log on disk: one SQLite file in the data folder.
//!
//! - [`open`]: opening for writing (WAL, `synchronous=FULL`, a busy timeout, migrations) or
//!   for reading only (no space or write access needed).
//! - [`identify`]: what the file at the log's path is, found before anything is changed.
//! - [`migrations`]: the schema, one step per version.
//! - [`owner_only`]: files and folders only their owner may read.
//! - [`visit_log`]: [`VisitLog`], the reopening visit log the app and the commands use.
//! - [`visits`]: saving, editing, undoing and listing visits.
//! - [`outbox`]: what is waiting to be sent to the central server, queued with each write.
//! - [`summary`]: the report's counts, kept in the same transaction as each change to a visit.
//! - [`report`]: the report's query over those counts.
//! - [`retention`]: deleting visits older than the retention period.
//! - [`backup`]: a checked, consistent copy while the app runs.
//! - [`restore`]: a checked backup put in the log's place, the old log and its `-wal` moved aside.
//! - [`bookings`]: appointments and the waiting list, shared by the desks of one data folder.
//! - [`draft`]: the half-filled form, kept in a JSON file so it survives a crash.
//! - [`draft_slot`]: each running window's own draft file, held under a lock.
//!
//! One [`Store`] owns one connection. [`VisitLog`] holds at most one [`Store`], opens it when
//! first needed (read-only until something must be written), checks the file before its first
//! write and opens it afresh after a failure; the app keeps it on one thread and sends it
//! requests.
//!
//! Owner-only file modes (0600) are Unix permissions. On Windows the files take the permissions
//! of the data folder, which by default is in the user's profile (`%APPDATA%`) and private to
//! that user; a `data_dir` elsewhere must be a folder only the desk's users can open.

mod backup;
pub mod bookings;
pub mod draft;
pub mod draft_slot;
mod error;
mod export;
mod identify;
pub mod migrations;
mod open;
pub mod outbox;
pub mod owner_only;
mod report;
mod restore;
mod retention;
pub(crate) mod summary;
mod visit_log;
mod visits;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Local, NaiveDate, NaiveTime, TimeZone, Timelike, Utc};
use rusqlite::Connection;

pub use draft::{clear_draft, load_draft, save_draft};
pub use draft_slot::DraftSlot;
pub use error::StoreError;
pub use export::ExportRow;
pub use identify::APPLICATION_ID;
pub use migrations::SCHEMA_VERSION;
pub use open::Durability;
pub use report::{Count, Desks, split_period};
pub use restore::{Restored, restore};
pub use retention::{
    LogSpan, MOST_REMOVED_AT_ONCE_PERCENT, PurgeHeld, Purged, purge_check, retention_cutoff,
    retention_cutoff_keeping_today,
};
pub use visit_log::VisitLog;

/// How long a write waits for another desk or window that is writing to the same file.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The visit log: one open SQLite connection and the file it belongs to.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// The file this store writes to.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The local calendar day (days since 1970-01-01) and hour an instant falls in, as the visit log
/// keeps them for reports.
pub fn local_day_and_hour(at: DateTime<Utc>) -> (i64, i64) {
    let local = at.with_timezone(&Local);
    (day_number(local.date_naive()), i64::from(local.hour()))
}

/// A calendar day as days since 1970-01-01.
pub fn day_number(day: NaiveDate) -> i64 {
    day.signed_duration_since(NaiveDate::default()).num_days()
}

/// A local calendar day as the UTC instants it starts and ends at (the end is the next day's
/// start), so "today" is right on both sides of a clock change.
pub fn local_day_bounds(day: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    day_bounds_in(day, &Local)
}

/// [`local_day_bounds`] in any time zone.
pub fn day_bounds_in<Tz: TimeZone>(day: NaiveDate, zone: &Tz) -> (DateTime<Utc>, DateTime<Utc>) {
    let next = day.succ_opt().unwrap_or(day);
    (start_of_day(day, zone), start_of_day(next, zone))
}

/// The first instant of `day` in `zone`: midnight, or the first valid time after it when the
/// clocks skip midnight.
fn start_of_day<Tz: TimeZone>(day: NaiveDate, zone: &Tz) -> DateTime<Utc> {
    let mut time = NaiveTime::MIN;
    for _ in 0..48 {
        if let Some(start) = zone.from_local_datetime(&day.and_time(time)).earliest() {
            return start.with_timezone(&Utc);
        }
        time += chrono::Duration::minutes(30);
    }
    day.and_time(NaiveTime::MIN).and_utc()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[test]
    fn a_store_can_move_to_its_own_worker_thread() {
        fn is_send<T: Send>() {}
        is_send::<Store>();
        is_send::<VisitLog>();
        is_send::<StoreError>();
    }

    #[test]
    fn a_day_in_a_fixed_zone_is_24_hours_from_local_midnight() {
        let zone = FixedOffset::east_opt(3600).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
        let (start, end) = day_bounds_in(day, &zone);
        assert_eq!(start.to_rfc3339(), "2026-06-30T23:00:00+00:00");
        assert_eq!(end - start, chrono::Duration::hours(24));
    }
}
