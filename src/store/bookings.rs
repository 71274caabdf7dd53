//! Bookings and the waiting list in the visit log, shared by every desk using the same data
//! folder. No resident is named: a booking is a service, a place, a time, a reference and the
//! needs from a fixed list; a ticket is a letter and a number.
//!
//! Every change runs in one immediate transaction (the write lock first, then the reads), so
//! two desks booking the last place of a slot at the same moment cannot both get it: the second
//! counts the first's booking before it writes its own.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::{Store, StoreError, day_number};
use crate::appointments::needs::{self, Need};
use crate::appointments::reference::{self, ReferenceMaker};
use crate::appointments::slots::{AT_FORMAT, Taken};
use crate::appointments::{Booking, BookingState, Ticket, london};

/// A booking to make.
#[derive(Debug, Clone)]
pub struct NewBooking<'a> {
    pub service: &'a str,
    pub place: &'a str,
    /// The local (UK) time the slot starts.
    pub at: NaiveDateTime,
    pub starts: DateTime<Utc>,
    pub minutes: u32,
    /// How many bookings the slot takes.
    pub capacity: u32,
    pub needs: &'a [Need],
    /// How long after the start a booking not checked in becomes a no-show.
    pub no_show_after: Duration,
}

/// What came of a request to book.
// One per booking, returned at once.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Booked {
    Made(Booking),
    /// Every place of the slot was taken first.
    Full,
}

pub use crate::appointments::Change;

const BOOKING_COLUMNS: &str = "reference, service_id, place_id, slot_local, slot_at, \
    slot_minutes, needs, state, booked_at, arrived_at, called_at, cancelled_at, ticket, seen_at";

/// True for a booking's `needs` column that holds a longer slot (a whole code: an
/// interpreter's language is capitalised, so never matches).
const LONGER: &str = "instr(',' || needs || ',', ',longer-slot,') > 0";

fn ms(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

fn from_ms(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

fn booking_from(row: &Row<'_>) -> rusqlite::Result<Booking> {
    let local: String = row.get(3)?;
    let state: String = row.get(7)?;
    let needs: String = row.get(6)?;
    Ok(Booking {
        reference: row.get(0)?,
        service: row.get(1)?,
        place: row.get(2)?,
        at: NaiveDateTime::parse_from_str(&local, AT_FORMAT).unwrap_or_default(),
        starts: from_ms(row.get(4)?),
        minutes: row.get(5)?,
        needs: needs::from_column(&needs),
        state: BookingState::from_code(&state).unwrap_or(BookingState::Booked),
        booked_at: from_ms(row.get(8)?),
        arrived_at: row.get::<_, Option<i64>>(9)?.map(from_ms),
        called_at: row.get::<_, Option<i64>>(10)?.map(from_ms),
        cancelled_at: row.get::<_, Option<i64>>(11)?.map(from_ms),
        ticket: row.get(12)?,
        seen_at: row.get::<_, Option<i64>>(13)?.map(from_ms),
    })
}

const TICKET_COLUMNS: &str = "ticket, service_id, reference, arrived_at, called_at, desk, seen_at";

fn ticket_from(row: &Row<'_>) -> rusqlite::Result<Ticket> {
    Ok(Ticket {
        ticket: row.get(0)?,
        service: row.get(1)?,
        reference: row.get(2)?,
        arrived_at: from_ms(row.get(3)?),
        called_at: row.get::<_, Option<i64>>(4)?.map(from_ms),
        desk: row.get(5)?,
        seen_at: row.get::<_, Option<i64>>(6)?.map(from_ms),
    })
}

/// The log's reference maker and the number of its next booking, made on first use.
fn next_reference(tx: &Transaction<'_>) -> rusqlite::Result<String> {
    let found: Option<(Vec<u8>, i64)> = tx
        .prepare_cached("SELECT key, next_number FROM booking_key WHERE id = 1")?
        .query_row([], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let (key, number) = match found.and_then(|(key, n)| <[u8; 32]>::try_from(key).ok().zip(Some(n)))
    {
        Some(found) => found,
        None => {
            let key = reference::new_key();
            tx.execute(
                "INSERT OR REPLACE INTO booking_key (id, key, next_number) VALUES (1, ?1, 0)",
                params![key.to_vec()],
            )?;
            (key, 0)
        }
    };
    tx.prepare_cached("UPDATE booking_key SET next_number = next_number + 1 WHERE id = 1")?
        .execute([])?;
    Ok(ReferenceMaker::new(key).reference(number.max(0) as u64))
}

fn booking_in(tx: &Transaction<'_>, reference: &str) -> rusqlite::Result<Option<Booking>> {
    tx.prepare_cached(&format!(
        "SELECT {BOOKING_COLUMNS} FROM bookings WHERE reference = ?1"
    ))?
    .query_row(params![reference], booking_from)
    .optional()
}

/// How many bookings of a service at a place, not cancelled, take the slot starting at
/// `starts_ms`: those starting in it, and longer ones that started in the slot before
/// (`step_ms` earlier, or less); see [`crate::appointments::slots_taken`].
fn taken_at(
    tx: &Transaction<'_>,
    service: &str,
    place: &str,
    starts_ms: i64,
    step_ms: i64,
) -> rusqlite::Result<u32> {
    tx.prepare_cached(&format!(
        "SELECT count(*) FROM bookings WHERE service_id = ?1 AND place_id = ?2
            AND slot_at >= ?3 - ?4 AND slot_at <= ?3 AND state <> 'cancelled'
            AND (slot_at = ?3 OR ({LONGER} AND slot_at + (slot_minutes / 2) * 60000 = ?3))"
    ))?
    .query_row(params![service, place, starts_ms, step_ms], |row| {
        row.get(0)
    })
}

/// A new ticket for `service`: the letter and the day's next number for that letter.
fn new_ticket(
    tx: &Transaction<'_>,
    service: &str,
    letter: char,
    reference: Option<&str>,
    now: DateTime<Utc>,
) -> rusqlite::Result<Ticket> {
    let day = day_number(london::today(now));
    let letter = letter.to_ascii_uppercase().to_string();
    let number: i64 = tx.query_row(
        "SELECT coalesce(max(number), 0) + 1 FROM waiting WHERE day = ?1 AND letter = ?2",
        params![day, letter],
        |row| row.get(0),
    )?;
    let ticket = format!("{letter}{number}");
    tx.execute(
        "INSERT INTO waiting (day, ticket, letter, number, service_id, reference, arrived_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![day, ticket, letter, number, service, reference, ms(now)],
    )?;
    Ok(Ticket {
        ticket,
        service: service.to_string(),
        reference: reference.map(str::to_string),
        arrived_at: now,
        called_at: None,
        desk: None,
        seen_at: None,
    })
}

/// Sets a checked-in booking seen, its ticket called to `desk` first if it was still waiting.
fn mark_seen(
    tx: &Transaction<'_>,
    booking: &Booking,
    desk: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE waiting SET called_at = ?2, desk = ?3 WHERE reference = ?1 AND called_at IS NULL",
        params![booking.reference, ms(now), desk],
    )?;
    tx.execute(
        "UPDATE bookings SET state = 'seen', seen_at = ?2, called_at = coalesce(called_at, ?2)
          WHERE reference = ?1",
        params![booking.reference, ms(now)],
    )?;
    Ok(())
}

/// Deletes the bookings whose slot started, and the tickets taken, before `cutoff_ms`: the
/// retention period applies to them as to visits.
pub(super) fn delete_before(tx: &Transaction<'_>, cutoff_ms: i64) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM bookings WHERE slot_at < ?1",
        params![cutoff_ms],
    )?;
    tx.execute(
        "DELETE FROM waiting WHERE arrived_at < ?1",
        params![cutoff_ms],
    )?;
    Ok(())
}

impl Store {
    /// Books a place in a slot, unless the slot is full: counted and written under the write
    /// lock, so racing desks get exactly as many bookings as the slot has places.
    pub fn book(&mut self, new: &NewBooking<'_>, now: DateTime<Utc>) -> Result<Booked, StoreError> {
        // A longer slot is two: this one and the next, both free (see `slots_taken`).
        let longer = new.needs.contains(&Need::LongerSlot);
        let minutes = if longer {
            new.minutes.saturating_mul(2)
        } else {
            new.minutes
        };
        let step_ms = i64::from(new.minutes.max(1)) * 60_000;
        self.write("save a booking to", |tx| {
            for starts in crate::appointments::slots_taken(ms(new.starts), minutes, longer) {
                if taken_at(tx, new.service, new.place, starts, step_ms)? >= new.capacity {
                    return Ok(Ok(Booked::Full));
                }
            }
            let reference = next_reference(tx)?;
            tx.prepare_cached(
                "INSERT INTO bookings (reference, service_id, place_id, slot_local, slot_at,
                    slot_minutes, needs, state, no_show_at, booked_at, local_day)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'booked', ?8, ?9, ?10)",
            )?
            .execute(params![
                reference,
                new.service,
                new.place,
                new.at.format(AT_FORMAT).to_string(),
                ms(new.starts),
                minutes,
                needs::to_column(new.needs),
                ms(new.starts + new.no_show_after),
                ms(now),
                day_number(new.at.date()),
            ])?;
            Ok(Ok(Booked::Made(Booking {
                reference,
                service: new.service.to_string(),
                place: new.place.to_string(),
                at: new.at,
                minutes,
                needs: new.needs.to_vec(),
                state: BookingState::Booked,
                starts: new.starts,
                booked_at: now,
                arrived_at: None,
                called_at: None,
                seen_at: None,
                cancelled_at: None,
                ticket: None,
            })))
        })
    }

    /// How many places are taken in each slot starting in `[from, to)`.
    pub fn taken_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Taken, StoreError> {
        let read = || -> rusqlite::Result<Taken> {
            let mut statement = self.conn.prepare_cached(&format!(
                "SELECT service_id, place_id, slot_at, slot_minutes, {LONGER}, count(*)
                  FROM bookings WHERE slot_at >= ?1 AND slot_at < ?2 AND state <> 'cancelled'
                  GROUP BY 1, 2, 3, 4, 5"
            ))?;
            let mut rows = statement.query(params![ms(from), ms(to)])?;
            let mut taken: Taken = HashMap::new();
            while let Some(row) = rows.next()? {
                let (service, place): (String, String) = (row.get(0)?, row.get(1)?);
                let n: u32 = row.get(5)?;
                let starts =
                    crate::appointments::slots_taken(row.get(2)?, row.get(3)?, row.get(4)?);
                for at in starts {
                    *taken
                        .entry((service.clone(), place.clone(), at))
                        .or_default() += n;
                }
            }
            Ok(taken)
        };
        read().map_err(|e| self.error("read", e))
    }

    /// The bookings of one local day, by time, then place and service.
    pub fn bookings_on(&self, day: NaiveDate) -> Result<Vec<Booking>, StoreError> {
        let read = || -> rusqlite::Result<Vec<Booking>> {
            let mut statement = self.conn.prepare_cached(&format!(
                "SELECT {BOOKING_COLUMNS} FROM bookings WHERE local_day = ?1
                  ORDER BY slot_at, place_id, service_id, reference"
            ))?;
            let rows = statement.query_map(params![day_number(day)], booking_from)?;
            rows.collect()
        };
        read().map_err(|e| self.error("read", e))
    }

    /// The bookings whose slot starts in `[from, to)`.
    pub fn bookings_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Booking>, StoreError> {
        let read = || -> rusqlite::Result<Vec<Booking>> {
            let mut statement = self.conn.prepare_cached(&format!(
                "SELECT {BOOKING_COLUMNS} FROM bookings WHERE slot_at >= ?1 AND slot_at < ?2
                  ORDER BY slot_at, reference"
            ))?;
            let rows = statement.query_map(params![ms(from), ms(to)], booking_from)?;
            rows.collect()
        };
        read().map_err(|e| self.error("read", e))
    }

    /// One booking by its reference (in its written form).
    pub fn booking(&self, reference: &str) -> Result<Option<Booking>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {BOOKING_COLUMNS} FROM bookings WHERE reference = ?1"),
                params![reference],
                booking_from,
            )
            .optional()
            .map_err(|e| self.error("read", e))
    }

    /// Marks as no-shows the bookings not checked in by their set time after the start.
    /// Returns how many.
    pub fn mark_no_shows(&mut self, now: DateTime<Utc>) -> Result<usize, StoreError> {
        self.write("save to", |tx| {
            let changed = tx.execute(
                "UPDATE bookings SET state = 'no-show' WHERE state = 'booked' AND no_show_at <= ?1",
                params![ms(now)],
            )?;
            Ok(Ok(changed))
        })
    }

    /// Checks in the resident of a booking (even late, after it was marked a no-show): they
    /// join the waiting list with a ticket of `letter`.
    pub fn arrive(
        &mut self,
        reference: &str,
        letter: char,
        now: DateTime<Utc>,
    ) -> Result<Change<(Booking, Ticket)>, StoreError> {
        self.write("save to", |tx| {
            let Some(booking) = booking_in(tx, reference)? else {
                return Ok(Ok(Change::NotFound));
            };
            if !matches!(booking.state, BookingState::Booked | BookingState::NoShow) {
                return Ok(Ok(Change::Refused(booking.state)));
            }
            let ticket = new_ticket(tx, &booking.service, letter, Some(reference), now)?;
            tx.execute(
                "UPDATE bookings SET state = 'arrived', arrived_at = ?2, ticket = ?3
                  WHERE reference = ?1",
                params![reference, ms(now), ticket.ticket],
            )?;
            let booking = booking_in(tx, reference)?.unwrap_or(booking);
            Ok(Ok(Change::Done((booking, ticket))))
        })
    }

    /// Cancels a booking that has not happened yet; its place is free again.
    pub fn cancel(
        &mut self,
        reference: &str,
        now: DateTime<Utc>,
    ) -> Result<Change<Booking>, StoreError> {
        self.write("save to", |tx| {
            let Some(booking) = booking_in(tx, reference)? else {
                return Ok(Ok(Change::NotFound));
            };
            if booking.state != BookingState::Booked {
                return Ok(Ok(Change::Refused(booking.state)));
            }
            tx.execute(
                "UPDATE bookings SET state = 'cancelled', cancelled_at = ?2 WHERE reference = ?1",
                params![reference, ms(now)],
            )?;
            Ok(Ok(Change::Done(
                booking_in(tx, reference)?.unwrap_or(booking),
            )))
        })
    }

    /// Marks the resident of a booking seen by an officer at `desk`: one who was checked in
    /// (and called, or taken in without a call: their ticket is then called to `desk`, so it
    /// leaves the waiting list). A booking not checked in is refused: check it in first.
    pub fn seen(
        &mut self,
        reference: &str,
        desk: &str,
        now: DateTime<Utc>,
    ) -> Result<Change<Booking>, StoreError> {
        self.write("save to", |tx| {
            let Some(booking) = booking_in(tx, reference)? else {
                return Ok(Ok(Change::NotFound));
            };
            if !matches!(booking.state, BookingState::Arrived | BookingState::Called) {
                return Ok(Ok(Change::Refused(booking.state)));
            }
            mark_seen(tx, &booking, desk, now)?;
            Ok(Ok(Change::Done(
                booking_in(tx, reference)?.unwrap_or(booking),
            )))
        })
    }

    /// Marks today's ticket `ticket` seen at `desk`: called to it now if it was still waiting,
    /// and the booking it came from, if any, seen. `None` when today has no such ticket.
    pub fn ticket_seen(
        &mut self,
        ticket: &str,
        desk: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(Ticket, Option<Booking>)>, StoreError> {
        let day = day_number(london::today(now));
        self.write("save to", |tx| {
            let found: Option<Ticket> = tx
                .prepare_cached(&format!(
                    "SELECT {TICKET_COLUMNS} FROM waiting WHERE day = ?1 AND ticket = ?2"
                ))?
                .query_row(params![day, ticket], ticket_from)
                .optional()?;
            let Some(mut found) = found else {
                return Ok(Ok(None));
            };
            if found.called_at.is_none() {
                tx.execute(
                    "UPDATE waiting SET called_at = ?3, desk = ?4 WHERE day = ?1 AND ticket = ?2",
                    params![day, found.ticket, ms(now), desk],
                )?;
                found.called_at = Some(now);
                found.desk = Some(desk.to_string());
            }
            if found.seen_at.is_none() {
                tx.execute(
                    "UPDATE waiting SET seen_at = ?3 WHERE day = ?1 AND ticket = ?2",
                    params![day, found.ticket, ms(now)],
                )?;
                found.seen_at = Some(now);
            }
            let mut booking = None;
            if let Some(reference) = &found.reference
                && let Some(held) = booking_in(tx, reference)?
            {
                if matches!(held.state, BookingState::Arrived | BookingState::Called) {
                    mark_seen(tx, &held, desk, now)?;
                }
                booking = booking_in(tx, reference)?;
            }
            Ok(Ok(Some((found, booking))))
        })
    }

    /// A ticket for a resident who walked in and must wait.
    pub fn add_ticket(
        &mut self,
        service: &str,
        letter: char,
        now: DateTime<Utc>,
    ) -> Result<Ticket, StoreError> {
        self.write("save to", |tx| {
            Ok(Ok(new_ticket(tx, service, letter, None, now)?))
        })
    }

    /// Calls the resident who has waited longest today (for one service, or any), to `desk`.
    /// `None` when nobody is waiting.
    pub fn call_next(
        &mut self,
        service: Option<&str>,
        desk: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Ticket>, StoreError> {
        let day = day_number(london::today(now));
        self.write("save to", |tx| {
            let next: Option<Ticket> = tx
                .query_row(
                    &format!(
                        "SELECT {TICKET_COLUMNS} FROM waiting
                          WHERE day = ?1 AND called_at IS NULL AND (?2 IS NULL OR service_id = ?2)
                          ORDER BY arrived_at, number LIMIT 1"
                    ),
                    params![day, service],
                    ticket_from,
                )
                .optional()?;
            let Some(mut ticket) = next else {
                return Ok(Ok(None));
            };
            tx.execute(
                "UPDATE waiting SET called_at = ?3, desk = ?4 WHERE day = ?1 AND ticket = ?2",
                params![day, ticket.ticket, ms(now), desk],
            )?;
            if let Some(reference) = &ticket.reference {
                tx.execute(
                    "UPDATE bookings SET state = 'called', called_at = ?2
                      WHERE reference = ?1 AND state = 'arrived'",
                    params![reference, ms(now)],
                )?;
            }
            ticket.called_at = Some(now);
            ticket.desk = Some(desk.to_string());
            Ok(Ok(Some(ticket)))
        })
    }

    /// True when a booking waits to be marked a no-show at `now` (a read, so a desk that
    /// checks every second takes the write lock only when there is something to mark).
    pub fn no_shows_due(&self, now: DateTime<Utc>) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM bookings WHERE state = 'booked' AND no_show_at <= ?1)",
                params![ms(now)],
                |row| row.get(0),
            )
            .map_err(|e| self.error("read", e))
    }

    /// Every ticket of a local day: waiting first, longest first, then those called, latest
    /// call first.
    pub fn tickets_on(&self, day: NaiveDate) -> Result<Vec<Ticket>, StoreError> {
        let read = || -> rusqlite::Result<Vec<Ticket>> {
            let mut statement = self.conn.prepare_cached(&format!(
                "SELECT {TICKET_COLUMNS} FROM waiting WHERE day = ?1
                  ORDER BY called_at IS NOT NULL, coalesce(-called_at, arrived_at), number"
            ))?;
            let rows = statement.query_map(params![day_number(day)], ticket_from)?;
            rows.collect()
        };
        read().map_err(|e| self.error("read", e))
    }

    /// The tickets of the local days `from` to `to` (both included).
    pub fn tickets_between_days(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Ticket>, StoreError> {
        let read = || -> rusqlite::Result<Vec<Ticket>> {
            let mut statement = self.conn.prepare_cached(&format!(
                "SELECT {TICKET_COLUMNS} FROM waiting WHERE day >= ?1 AND day <= ?2
                  ORDER BY arrived_at"
            ))?;
            let rows =
                statement.query_map(params![day_number(from), day_number(to)], ticket_from)?;
            rows.collect()
        };
        read().map_err(|e| self.error("read", e))
    }

    /// The bookings of the local days `from` to `to` (both included).
    pub fn bookings_between_days(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Booking>, StoreError> {
        let read = || -> rusqlite::Result<Vec<Booking>> {
            let mut statement = self.conn.prepare_cached(&format!(
                "SELECT {BOOKING_COLUMNS} FROM bookings WHERE local_day >= ?1 AND local_day <= ?2
                  ORDER BY slot_at, reference"
            ))?;
            let rows =
                statement.query_map(params![day_number(from), day_number(to)], booking_from)?;
            rows.collect()
        };
        read().map_err(|e| self.error("read", e))
    }

    /// A number that changes whenever another connection (another desk or window) commits a
    /// change to the file: the waiting-room display polls it to redraw within a second.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.conn
            .pragma_query_value(None, "data_version", |row| row.get(0))
            .map_err(|e| self.error("read", e))
    }
}
