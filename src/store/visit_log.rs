//! [`VisitLog`]: the visit log as the app and the commands use it.
//!
//! It opens the file when first needed, and only for reading until something must be written,
//! so listing and backing up work on a full disk or from a read-only folder. Before its first
//! write it runs SQLite's full integrity check, so nothing is written into a damaged file. After a
//! failure it lets the connection go and opens the file afresh on the next request, so a
//! problem fixed while the app runs (a full disk, a read-only file) needs no restart.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::outbox::OutboxBatch;
use super::{Store, StoreError};
use crate::appointments::WaitingDay;
use crate::visit::{ServiceDefault, Visit};

/// The visit log at one path, opened when needed and reopened after a failure.
#[derive(Debug)]
pub struct VisitLog {
    path: PathBuf,
    open: Option<Opened>,
    /// Whether the full integrity check runs before the first write (the app's log); a short
    /// command that writes one booking or ticket skips it, as it always has.
    check_before_writing: bool,
}

#[derive(Debug)]
struct Opened {
    store: Store,
    /// Opened for writing and checked; otherwise read-only.
    writable: bool,
}

impl VisitLog {
    /// The log at `path`; nothing is opened yet.
    pub fn new(path: impl Into<PathBuf>) -> VisitLog {
        VisitLog {
            path: path.into(),
            open: None,
            check_before_writing: true,
        }
    }

    /// The log at `path` as a short command uses it: no integrity check before writing.
    pub fn for_commands(path: impl Into<PathBuf>) -> VisitLog {
        VisitLog {
            check_before_writing: false,
            ..VisitLog::new(path)
        }
    }

    /// The file the visits are in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when the file exists (before the first visit, it does not).
    pub fn exists(&self) -> bool {
        self.path.exists()
    }

    /// Saves a new visit; when this returns, it is on disk.
    pub fn save(&mut self, visit: &Visit) -> Result<(), StoreError> {
        self.write(|store| store.save(visit))
    }

    /// Saves many visits in one transaction: all or none.
    pub fn save_all(&mut self, visits: &[Visit]) -> Result<(), StoreError> {
        self.write(|store| store.save_all(visits))
    }

    /// Replaces every visit at `desk` with `visits`, in one transaction (demo data).
    pub fn replace_desk(
        &mut self,
        desk: &str,
        visits: impl IntoIterator<Item = Visit>,
    ) -> Result<u64, StoreError> {
        self.write(|store| store.replace_desk(desk, visits))
    }

    /// Replaces a logged visit (same id) with an edited one.
    pub fn update(&mut self, visit: &Visit) -> Result<(), StoreError> {
        self.write(|store| store.update(visit))
    }

    /// Deletes a visit (undo). False when it was not in the log.
    pub fn delete(&mut self, id: Uuid) -> Result<bool, StoreError> {
        self.write(|store| store.delete(id))
    }

    /// How many places are taken in each slot starting in `[from, to)`; none before the log
    /// exists.
    pub fn taken_between(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<crate::appointments::slots::Taken, StoreError> {
        if !self.exists() {
            return Ok(Default::default());
        }
        self.read(|store| store.taken_between(from, to))
    }

    /// One visit by id.
    pub fn visit(&mut self, id: Uuid) -> Result<Option<Visit>, StoreError> {
        self.read(|store| store.visit(id))
    }

    /// Visits that started in `[from, to)`, at one desk or all, in the order they started.
    pub fn visits_between(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        desk: Option<&str>,
    ) -> Result<Vec<Visit>, StoreError> {
        self.read(|store| store.visits_between(from, to, desk))
    }

    /// Each service's remembered demand and way of helping online, by service id.
    pub fn service_defaults(&mut self) -> Result<BTreeMap<String, ServiceDefault>, StoreError> {
        self.read(|store| store.service_defaults())
    }

    /// Every report count of the local days `from` to `to` (both included) at `desks`.
    pub fn report_counts(
        &mut self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        desks: &super::Desks,
    ) -> Result<Vec<super::Count>, StoreError> {
        self.read(|store| store.report_counts(from, to, desks))
    }

    /// Hands each service of each visit that started in `[from, to)` at `desks` to `each`.
    pub fn export_rows<E>(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        desks: &super::Desks,
        each: impl FnMut(super::ExportRow) -> Result<(), E>,
    ) -> Result<Result<(), E>, StoreError> {
        self.read(|store| store.export_rows(from, to, desks, each))
    }

    /// How many visits started in `[from, to)`, at one desk or all.
    pub fn count_between(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        desk: Option<&str>,
    ) -> Result<u64, StoreError> {
        self.read(|store| store.count_between(from, to, desk))
    }

    /// Deletes every visit that started before `cutoff`, never one from today (or, with
    /// `dry_run`, only counts them, reading only).
    pub fn purge_older_than(
        &mut self,
        cutoff: DateTime<Utc>,
        dry_run: bool,
    ) -> Result<u64, StoreError> {
        if dry_run {
            self.read(|store| store.count_older_than(cutoff))
        } else {
            self.write(|store| store.purge_older_than(cutoff, false))
        }
    }

    /// Deletes visits older than `retention_days` at `now`, never one from today.
    pub fn purge_expired(
        &mut self,
        retention_days: u32,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        self.write(|store| store.purge_expired(retention_days, now))
    }

    /// The start-up clean-up: deletes visits older than `retention_days` at `now` (never one
    /// from today), unless the clock or the size of the clean-up looks wrong
    /// ([`super::purge_check`]): then every visit is kept and [`super::Purged::held`] says why.
    /// Opens the log for writing, so its health check runs here, before any other write.
    pub fn clean_up(
        &mut self,
        retention_days: u32,
        now: DateTime<Utc>,
    ) -> Result<super::Purged, StoreError> {
        let cutoff = super::retention_cutoff(now, retention_days);
        self.write(|store| store.purge_checked(cutoff, now, false))
    }

    /// `frontdesk purge`: deletes every visit that started before `cutoff` (never one from
    /// today), held back as [`VisitLog::clean_up`] is unless `on_purpose`; with `dry_run`,
    /// only counts them, reading only.
    pub fn purge_checked(
        &mut self,
        cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
        on_purpose: bool,
        dry_run: bool,
    ) -> Result<super::Purged, StoreError> {
        if dry_run {
            self.read(|store| store.purge_preview(cutoff, now))
        } else {
            self.write(|store| store.purge_checked(cutoff, now, on_purpose))
        }
    }

    /// Opens the log for writing now (running its health check), so a later save does not
    /// wait for the check.
    pub fn ready_for_writing(&mut self) -> Result<(), StoreError> {
        self.write(|_| Ok(()))
    }

    /// How many visits are waiting to be sent to the central server.
    pub fn sync_waiting(&mut self) -> Result<u64, StoreError> {
        // Opened for writing: a log from before the outbox gets it (and its visits queued).
        self.write(|store| store.sync_waiting())
    }

    /// Up to `limit` visits waiting for the server, with their rows.
    pub fn sync_batch(&mut self, limit: usize) -> Result<OutboxBatch, StoreError> {
        self.write(|store| store.sync_batch(limit))
    }

    /// Up to `limit` waiting visits whose id sorts after `after`, with their rows.
    pub fn sync_batch_after(
        &mut self,
        after: &str,
        limit: usize,
    ) -> Result<OutboxBatch, StoreError> {
        self.write(|store| store.sync_batch_after(after, limit))
    }

    /// Marks visits as confirmed by the server at the versions sent.
    pub fn mark_synced(&mut self, sent: &[(String, i64)]) -> Result<(), StoreError> {
        self.write(|store| store.mark_synced(sent))
    }

    /// Sets aside visits the server refused (see [`Store::hold`]).
    pub fn hold(&mut self, refused: &[super::outbox::HeldVisit]) -> Result<(), StoreError> {
        self.write(|store| store.hold(refused))
    }

    /// The visits set aside, by reason, the most common first.
    pub fn sync_held(&mut self) -> Result<Vec<super::outbox::HeldReason>, StoreError> {
        self.write(|store| store.sync_held())
    }

    /// Puts every visit set aside back in the queue; gives how many there were.
    pub fn release_held(&mut self) -> Result<u64, StoreError> {
        self.write(|store| store.release_held())
    }

    /// The bookings and tickets of a local day, bookings past their time marked no-shows at
    /// `now` first (only when one is due: the write lock is not taken otherwise). Returns how
    /// many were marked, too.
    pub fn waiting_day(
        &mut self,
        day: chrono::NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(usize, WaitingDay), StoreError> {
        let marked = if self.read(|store| store.no_shows_due(now))? {
            self.write(|store| store.mark_no_shows(now))?
        } else {
            0
        };
        let read = self.read(|store| {
            Ok(WaitingDay {
                day,
                bookings: store.bookings_on(day)?,
                tickets: store.tickets_on(day)?,
            })
        })?;
        Ok((marked, read))
    }

    /// A number that changes when another connection commits to the file
    /// ([`Store::data_version`]).
    pub fn data_version(&mut self) -> Result<i64, StoreError> {
        self.read(Store::data_version)
    }

    /// A checked copy of the whole log at `dest` (a file, or a folder to put a dated file in);
    /// returns the file written. Reads only, so it works from a full disk or a read-only folder.
    pub fn backup_to(&mut self, dest: &Path, replace: bool) -> Result<PathBuf, StoreError> {
        self.read(|store| store.backup_to(dest, replace))
    }

    /// Runs `work` on an open connection, for reading; one that fails is let go.
    pub fn read<T>(
        &mut self,
        work: impl FnOnce(&Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let result = self.reader().and_then(work);
        self.let_go_after(&result);
        result
    }

    /// Runs `work` on a connection opened for writing and checked; one that fails is let go.
    pub fn write<T>(
        &mut self,
        work: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let result = self.writer().and_then(work);
        self.let_go_after(&result);
        result
    }

    fn reader(&mut self) -> Result<&Store, StoreError> {
        if self.open.is_none() && !self.path.exists() {
            // Nothing to read yet: the log is made, as the first write would.
            return self.writer().map(|store| &*store);
        }
        let opened = match self.open.take() {
            Some(opened) => opened,
            None => Opened {
                store: Store::open_for_reading(&self.path)?,
                writable: false,
            },
        };
        Ok(&self.open.insert(opened).store)
    }

    fn writer(&mut self) -> Result<&mut Store, StoreError> {
        let opened = match self.open.take() {
            Some(opened) if opened.writable => opened,
            read_only => {
                drop(read_only);
                let store = Store::open(&self.path)?;
                if self.check_before_writing {
                    store.check_health()?;
                }
                Opened {
                    store,
                    writable: true,
                }
            }
        };
        Ok(&mut self.open.insert(opened).store)
    }

    fn let_go_after<T>(&mut self, result: &Result<T, StoreError>) {
        if let Err(error) = result
            && !error.is_refusal()
        {
            tracing::warn!("visit log: {error}");
            self.open = None;
        }
    }
}
