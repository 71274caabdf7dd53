//! Bookings and the waiting list on the central server, shared by the desks of a site.
//!
//! A **site** is the building a resident walks into and waits in: the Civic Centre's
//! reception, the library hub. The owner names each desk role's site (`server init --desk NAME
//! --desk-role ROLE --site SITE`); a role given none is a site of its own, named as its desk, so
//! nothing is shared until the council says so. Row-level security is by site: the desks of one
//! site see, check in, cancel and call each other's bookings and tickets; another site's desks
//! see none of them. The report role reads every site's, for the figures.
//!
//! Tables have the desk's columns (see `store::bookings`) and the site; no resident is named.
//! A slot's places are the place's, whichever site books them: `frontdesk.book` (run as the
//! owner, so it counts every site's bookings of the slot, and tells the desk only "made" or
//! "full") takes an advisory lock on (service, place, start) in the booking's transaction, so
//! desks racing for the last place get exactly one booking. References are unique across the
//! server (its primary key); a desk draws another on the rare clash.
//!
//! Every change to a site's bookings or tickets is notified (`NOTIFY`) on the site's own
//! channel (`frontdesk_room_` and the md5 of the site's name): the waiting-room display
//! listens there (see [`Listener`]) and redraws at once.

use std::sync::mpsc;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use tokio_postgres::Row;

pub use super::connect::Heard;
use super::{Central, CentralError};
use crate::appointments::needs::{self, Need};
use crate::appointments::slots::{AT_FORMAT, Taken};
use crate::appointments::{Booking, BookingState, Ticket, london, reference};
use crate::config::ServerUrl;
use crate::store::bookings::{Booked, Change, NewBooking};
use crate::store::day_number;

fn ms(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

fn from_ms(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

const BOOKING_COLUMNS: &str = "reference, service_id, place_id, slot_local, slot_at, \
    slot_minutes, needs, state, booked_at, arrived_at, called_at, cancelled_at, ticket, seen_at";

fn booking_from(row: &Row) -> Booking {
    let local: String = row.get(3);
    let state: String = row.get(7);
    let needs: String = row.get(6);
    Booking {
        reference: row.get(0),
        service: row.get(1),
        place: row.get(2),
        at: NaiveDateTime::parse_from_str(&local, AT_FORMAT).unwrap_or_default(),
        starts: from_ms(row.get(4)),
        minutes: row.get::<_, i32>(5).max(0) as u32,
        needs: needs::from_column(&needs),
        state: BookingState::from_code(&state).unwrap_or(BookingState::Booked),
        booked_at: from_ms(row.get(8)),
        arrived_at: row.get::<_, Option<i64>>(9).map(from_ms),
        called_at: row.get::<_, Option<i64>>(10).map(from_ms),
        cancelled_at: row.get::<_, Option<i64>>(11).map(from_ms),
        ticket: row.get(12),
        seen_at: row.get::<_, Option<i64>>(13).map(from_ms),
    }
}

const TICKET_COLUMNS: &str = "ticket, service_id, reference, arrived_at, called_at, desk, seen_at";

fn ticket_from(row: &Row) -> Ticket {
    Ticket {
        ticket: row.get(0),
        service: row.get(1),
        reference: row.get(2),
        arrived_at: from_ms(row.get(3)),
        called_at: row.get::<_, Option<i64>>(4).map(from_ms),
        desk: row.get(5),
        seen_at: row.get::<_, Option<i64>>(6).map(from_ms),
    }
}

/// A random reference (the server keeps them unique).
fn random_reference() -> String {
    let draw = u64::from_le_bytes(
        uuid::Uuid::new_v4().as_bytes()[..8]
            .try_into()
            .unwrap_or_default(),
    );
    reference::ReferenceMaker::new(reference::new_key()).reference(draw % reference::SPACE)
}

/// How many times a booking draws another reference after a clash.
const REFERENCE_TRIES: usize = 8;

/// A desk's connection to its site's shared bookings and waiting list.
#[derive(Debug)]
pub struct Room {
    central: Central,
    site: String,
}

impl Room {
    /// Connects as a desk's role and finds its site; one sentence when the role is not a
    /// desk's or the schema is not this frontdesk's.
    pub fn connect(url: &ServerUrl) -> Result<Room, CentralError> {
        let mut central = Central::connect(url)?;
        super::schema::check(&mut central)?;
        let server = central.server().to_string();
        let site: Option<String> = central.run(|client| async move {
            let row = client
                .query_opt(
                    "SELECT coalesce(site, desk) FROM frontdesk.desks WHERE role = current_user",
                    &[],
                )
                .await?;
            Ok(row.map(|r| r.get(0)))
        })?;
        let site = site.ok_or_else(|| {
            CentralError::Other(format!(
                "the role in {server} is not a desk's role, so it has no site to share bookings and the waiting list with; set server to the desk's URL (see `frontdesk server init --desk NAME --desk-role ROLE --site SITE`)"
            ))
        })?;
        Ok(Room { central, site })
    }

    /// The site this desk shares its bookings and waiting list with.
    pub fn site(&self) -> &str {
        &self.site
    }

    /// True once the connection has gone.
    pub fn is_closed(&self) -> bool {
        self.central.is_closed()
    }

    /// The server, as messages name it.
    pub fn server(&self) -> &str {
        self.central.server()
    }

    /// Books a place, unless every place of the slot is taken (by any site).
    pub fn book(
        &mut self,
        new: &NewBooking<'_>,
        now: DateTime<Utc>,
    ) -> Result<Booked, CentralError> {
        let needs = needs::to_column(new.needs);
        let at = new.at.format(AT_FORMAT).to_string();
        // A longer slot is two: this one and the next, both free (`frontdesk.book` counts
        // both; see `appointments::slots_taken`).
        let booked_minutes = if new.needs.contains(&Need::LongerSlot) {
            new.minutes.saturating_mul(2)
        } else {
            new.minutes
        };
        let minutes = booked_minutes.min(i32::MAX as u32) as i32;
        let capacity = new.capacity.min(i32::MAX as u32) as i32;
        let (slot_at, no_show_at, booked_at) =
            (ms(new.starts), ms(new.starts + new.no_show_after), ms(now));
        let day = day_number(new.at.date()) as i32;
        let (service, place) = (new.service.to_string(), new.place.to_string());
        for _ in 0..REFERENCE_TRIES {
            let reference = random_reference();
            let (service, place, at, needs) = (&service, &place, &at, &needs);
            let answer: String =
                self.central.run(|client| {
                    let reference = reference.clone();
                    async move {
                        let row = client
                        .query_one(
                            "SELECT frontdesk.book($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                            &[
                                &reference, service, place, at, &slot_at, &minutes, &capacity,
                                needs, &no_show_at, &booked_at, &day,
                            ],
                        )
                        .await?;
                        Ok(row.get(0))
                    }
                })?;
            match answer.as_str() {
                "full" => return Ok(Booked::Full),
                "made" => {
                    return Ok(Booked::Made(Booking {
                        reference,
                        service: new.service.to_string(),
                        place: new.place.to_string(),
                        at: new.at,
                        minutes: booked_minutes,
                        needs: new.needs.to_vec(),
                        state: BookingState::Booked,
                        starts: new.starts,
                        booked_at: now,
                        arrived_at: None,
                        called_at: None,
                        seen_at: None,
                        cancelled_at: None,
                        ticket: None,
                    }));
                }
                _ => continue,
            }
        }
        Err(CentralError::Other(format!(
            "the server {} found every new reference already taken; try again",
            self.central.server()
        )))
    }

    /// How many places are taken in each slot starting in `[from, to)`, by every site: a
    /// place's capacity is shared whoever books it (`frontdesk.taken` counts them, and tells
    /// nothing else of another site's bookings).
    pub fn taken_between(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Taken, CentralError> {
        let (from, to) = (ms(from), ms(to));
        let rows = self.central.run(|client| async move {
            client
                .query("SELECT * FROM frontdesk.taken($1, $2)", &[&from, &to])
                .await
        })?;
        let mut taken = Taken::new();
        for row in &rows {
            let (service, place): (String, String) = (row.get(0), row.get(1));
            let minutes = row.get::<_, i32>(3).max(0) as u32;
            let n = row.get::<_, i64>(5).clamp(0, i64::from(u32::MAX)) as u32;
            for at in crate::appointments::slots_taken(row.get(2), minutes, row.get(4)) {
                *taken
                    .entry((service.clone(), place.clone(), at))
                    .or_default() += n;
            }
        }
        Ok(taken)
    }

    /// The site's bookings of one local day, by time, then place and service.
    pub fn bookings_on(&mut self, day: NaiveDate) -> Result<Vec<Booking>, CentralError> {
        let day = day_number(day) as i32;
        let rows = self.central.run(|client| async move {
            client
                .query(
                    &format!(
                        "SELECT {BOOKING_COLUMNS} FROM frontdesk.bookings WHERE local_day = $1
                          ORDER BY slot_at, place_id, service_id, reference"
                    ),
                    &[&day],
                )
                .await
        })?;
        Ok(rows.iter().map(booking_from).collect())
    }

    /// One of the site's bookings by its reference.
    pub fn booking(&mut self, reference: &str) -> Result<Option<Booking>, CentralError> {
        let reference = reference.to_string();
        let row = self.central.run(|client| async move {
            client
                .query_opt(
                    &format!(
                        "SELECT {BOOKING_COLUMNS} FROM frontdesk.bookings WHERE reference = $1"
                    ),
                    &[&reference],
                )
                .await
        })?;
        Ok(row.as_ref().map(booking_from))
    }

    /// Marks the site's bookings not checked in by their time as no-shows.
    pub fn mark_no_shows(&mut self, now: DateTime<Utc>) -> Result<usize, CentralError> {
        let now = ms(now);
        let changed = self.central.run(|client| async move {
            client
                .execute(
                    "UPDATE frontdesk.bookings SET state = 'no-show'
                      WHERE state = 'booked' AND no_show_at <= $1",
                    &[&now],
                )
                .await
        })?;
        Ok(changed as usize)
    }

    /// Checks in a booking of the site: the resident joins the site's waiting list.
    pub fn arrive(
        &mut self,
        reference: &str,
        letter: char,
        now: DateTime<Utc>,
    ) -> Result<Change<(Booking, Ticket)>, CentralError> {
        let reference = reference.to_string();
        let site = self.site.clone();
        self.central.run(|client| async move {
            let tx = client.transaction().await?;
            let Some(row) = tx
                .query_opt(
                    &format!(
                        "SELECT {BOOKING_COLUMNS} FROM frontdesk.bookings WHERE reference = $1 FOR UPDATE"
                    ),
                    &[&reference],
                )
                .await?
            else {
                return Ok(Change::NotFound);
            };
            let booking = booking_from(&row);
            if !matches!(booking.state, BookingState::Booked | BookingState::NoShow) {
                return Ok(Change::Refused(booking.state));
            }
            let ticket = new_ticket(&tx, &site, &booking.service, letter, Some(&reference), now).await?;
            let row = tx
                .query_one(
                    &format!(
                        "UPDATE frontdesk.bookings SET state = 'arrived', arrived_at = $2, ticket = $3
                          WHERE reference = $1 RETURNING {BOOKING_COLUMNS}"
                    ),
                    &[&reference, &ms(now), &ticket.ticket],
                )
                .await?;
            tx.commit().await?;
            Ok(Change::Done((booking_from(&row), ticket)))
        })
    }

    /// Cancels a booking of the site not yet checked in.
    pub fn cancel(
        &mut self,
        reference: &str,
        now: DateTime<Utc>,
    ) -> Result<Change<Booking>, CentralError> {
        let reference = reference.to_string();
        self.central.run(|client| async move {
            let tx = client.transaction().await?;
            let Some(row) = tx
                .query_opt(
                    &format!(
                        "SELECT {BOOKING_COLUMNS} FROM frontdesk.bookings WHERE reference = $1 FOR UPDATE"
                    ),
                    &[&reference],
                )
                .await?
            else {
                return Ok(Change::NotFound);
            };
            let booking = booking_from(&row);
            if booking.state != BookingState::Booked {
                return Ok(Change::Refused(booking.state));
            }
            let row = tx
                .query_one(
                    &format!(
                        "UPDATE frontdesk.bookings SET state = 'cancelled', cancelled_at = $2
                          WHERE reference = $1 RETURNING {BOOKING_COLUMNS}"
                    ),
                    &[&reference, &ms(now)],
                )
                .await?;
            tx.commit().await?;
            Ok(Change::Done(booking_from(&row)))
        })
    }

    /// Marks the resident of a booking of the site seen by an officer at `desk`: one who was
    /// checked in (and called, or taken in without a call: their ticket is then called to
    /// `desk`, so it leaves the waiting list). A booking not checked in is refused.
    pub fn seen(
        &mut self,
        reference: &str,
        desk: &str,
        now: DateTime<Utc>,
    ) -> Result<Change<Booking>, CentralError> {
        let (reference, desk) = (reference.to_string(), desk.to_string());
        self.central.run(|client| async move {
            let tx = client.transaction().await?;
            let Some(booking) = booking_for_update(&tx, &reference).await? else {
                return Ok(Change::NotFound);
            };
            if !matches!(booking.state, BookingState::Arrived | BookingState::Called) {
                return Ok(Change::Refused(booking.state));
            }
            mark_seen(&tx, &reference, &desk, now).await?;
            let booking = booking_for_update(&tx, &reference)
                .await?
                .unwrap_or(booking);
            tx.commit().await?;
            Ok(Change::Done(booking))
        })
    }

    /// Marks the site's ticket `ticket` of today seen at `desk`: called to it now if it was
    /// still waiting, and the booking it came from, if any, seen. `None` when the site has no
    /// such ticket today.
    pub fn ticket_seen(
        &mut self,
        ticket: &str,
        desk: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(Ticket, Option<Booking>)>, CentralError> {
        let day = day_number(london::today(now)) as i32;
        let (ticket, desk, site) = (ticket.to_string(), desk.to_string(), self.site.clone());
        self.central.run(|client| async move {
            let tx = client.transaction().await?;
            let Some(row) = tx
                .query_opt(
                    &format!(
                        "SELECT {TICKET_COLUMNS} FROM frontdesk.waiting
                          WHERE site = $1 AND day = $2 AND ticket = $3 FOR UPDATE"
                    ),
                    &[&site, &day, &ticket],
                )
                .await?
            else {
                return Ok(None);
            };
            let mut found = ticket_from(&row);
            if found.called_at.is_none() {
                tx.execute(
                    "UPDATE frontdesk.waiting SET called_at = $4, desk = $5
                      WHERE site = $1 AND day = $2 AND ticket = $3",
                    &[&site, &day, &found.ticket, &ms(now), &desk],
                )
                .await?;
                found.called_at = Some(now);
                found.desk = Some(desk.clone());
            }
            if found.seen_at.is_none() {
                tx.execute(
                    "UPDATE frontdesk.waiting SET seen_at = $4
                      WHERE site = $1 AND day = $2 AND ticket = $3",
                    &[&site, &day, &found.ticket, &ms(now)],
                )
                .await?;
                found.seen_at = Some(now);
            }
            let mut booking = None;
            if let Some(reference) = &found.reference
                && let Some(held) = booking_for_update(&tx, reference).await?
            {
                if matches!(held.state, BookingState::Arrived | BookingState::Called) {
                    mark_seen(&tx, reference, &desk, now).await?;
                }
                booking = booking_for_update(&tx, reference).await?;
            }
            tx.commit().await?;
            Ok(Some((found, booking)))
        })
    }

    /// A ticket on the site's waiting list for a resident who walked in.
    pub fn add_ticket(
        &mut self,
        service: &str,
        letter: char,
        now: DateTime<Utc>,
    ) -> Result<Ticket, CentralError> {
        let (service, site) = (service.to_string(), self.site.clone());
        self.central.run(|client| async move {
            let tx = client.transaction().await?;
            let ticket = new_ticket(&tx, &site, &service, letter, None, now).await?;
            tx.commit().await?;
            Ok(ticket)
        })
    }

    /// Calls the site's longest-waiting resident today (for one service, or any) to `desk`:
    /// desks calling at once each get a different one.
    pub fn call_next(
        &mut self,
        service: Option<&str>,
        desk: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Ticket>, CentralError> {
        let day = day_number(london::today(now)) as i32;
        let (service, desk, site) = (
            service.map(str::to_string),
            desk.to_string(),
            self.site.clone(),
        );
        self.central.run(|client| async move {
            let tx = client.transaction().await?;
            let row = tx
                .query_opt(
                    &format!(
                        "UPDATE frontdesk.waiting w SET called_at = $4, desk = $5
                          WHERE (w.site, w.day, w.ticket) = (
                            SELECT site, day, ticket FROM frontdesk.waiting
                             WHERE site = $1 AND day = $2 AND called_at IS NULL
                               AND ($3::text IS NULL OR service_id = $3)
                             ORDER BY arrived_at, number LIMIT 1 FOR UPDATE SKIP LOCKED)
                          RETURNING {TICKET_COLUMNS}"
                    ),
                    &[&site, &day, &service, &ms(now), &desk],
                )
                .await?;
            let ticket = row.as_ref().map(ticket_from);
            if let Some(reference) = ticket.as_ref().and_then(|t| t.reference.clone()) {
                tx.execute(
                    "UPDATE frontdesk.bookings SET state = 'called', called_at = $2
                      WHERE reference = $1 AND state = 'arrived'",
                    &[&reference, &ms(now)],
                )
                .await?;
            }
            tx.commit().await?;
            Ok(ticket)
        })
    }

    /// Every ticket of the site on a local day: waiting first, longest first, then those
    /// called, latest call first.
    pub fn tickets_on(&mut self, day: NaiveDate) -> Result<Vec<Ticket>, CentralError> {
        let day = day_number(day) as i32;
        let rows = self.central.run(|client| async move {
            client
                .query(
                    &format!(
                        "SELECT {TICKET_COLUMNS} FROM frontdesk.waiting WHERE day = $1
                          ORDER BY called_at IS NOT NULL, coalesce(-called_at, arrived_at), number"
                    ),
                    &[&day],
                )
                .await
        })?;
        Ok(rows.iter().map(ticket_from).collect())
    }
}

/// One of the site's bookings by its reference, locked for the rest of the transaction.
async fn booking_for_update(
    tx: &tokio_postgres::Transaction<'_>,
    reference: &str,
) -> Result<Option<Booking>, tokio_postgres::Error> {
    let row = tx
        .query_opt(
            &format!(
                "SELECT {BOOKING_COLUMNS} FROM frontdesk.bookings WHERE reference = $1 FOR UPDATE"
            ),
            &[&reference],
        )
        .await?;
    Ok(row.as_ref().map(booking_from))
}

/// Sets a checked-in booking seen, its ticket called to `desk` first if it was still waiting
/// (as the desk's own log does: `store::bookings`).
async fn mark_seen(
    tx: &tokio_postgres::Transaction<'_>,
    reference: &str,
    desk: &str,
    now: DateTime<Utc>,
) -> Result<(), tokio_postgres::Error> {
    let now = ms(now);
    tx.execute(
        "UPDATE frontdesk.waiting SET called_at = $2, desk = $3
          WHERE reference = $1 AND called_at IS NULL",
        &[&reference, &now, &desk],
    )
    .await?;
    tx.execute(
        "UPDATE frontdesk.bookings SET state = 'seen', seen_at = $2,
                called_at = coalesce(called_at, $2)
          WHERE reference = $1",
        &[&reference, &now],
    )
    .await?;
    Ok(())
}

/// A new ticket on `site`'s list: the letter and the day's next number for it, numbered under
/// a lock of the site's, so two desks adding at once get different numbers.
async fn new_ticket(
    tx: &tokio_postgres::Transaction<'_>,
    site: &str,
    service: &str,
    letter: char,
    reference: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Ticket, tokio_postgres::Error> {
    let day = day_number(london::today(now)) as i32;
    let letter = letter.to_ascii_uppercase().to_string();
    tx.execute(
        "SELECT pg_advisory_xact_lock(7264102, hashtext($1))",
        &[&site],
    )
    .await?;
    let number: i32 = tx
        .query_one(
            "SELECT coalesce(max(number), 0) + 1 FROM frontdesk.waiting
              WHERE site = $1 AND day = $2 AND letter = $3",
            &[&site, &day, &letter],
        )
        .await?
        .get(0);
    let ticket = format!("{letter}{number}");
    tx.execute(
        "INSERT INTO frontdesk.waiting (site, day, ticket, letter, number, service_id, reference, arrived_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[&site, &day, &ticket, &letter, &number, &service, &reference, &ms(now)],
    )
    .await?;
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

/// The bookings and tickets of the local days `from` to `to` (both included), of every site
/// or of one, as the report role reads them for the figures across desks.
pub fn figures_rows(
    central: &mut Central,
    from: NaiveDate,
    to: NaiveDate,
    site: Option<&str>,
) -> Result<(Vec<Booking>, Vec<Ticket>), CentralError> {
    let (from, to) = (day_number(from) as i32, day_number(to) as i32);
    let site = site.map(str::to_string);
    central.run(|client| async move {
        let tx = client.build_transaction().read_only(true).start().await?;
        let bookings = tx
            .query(
                &format!(
                    "SELECT {BOOKING_COLUMNS} FROM frontdesk.bookings
                      WHERE local_day BETWEEN $1 AND $2 AND ($3::text IS NULL OR site = $3)
                      ORDER BY slot_at, reference"
                ),
                &[&from, &to, &site],
            )
            .await?;
        let tickets = tx
            .query(
                &format!(
                    "SELECT {TICKET_COLUMNS} FROM frontdesk.waiting
                      WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR site = $3)
                      ORDER BY arrived_at"
                ),
                &[&from, &to, &site],
            )
            .await?;
        tx.commit().await?;
        Ok((
            bookings.iter().map(booking_from).collect(),
            tickets.iter().map(ticket_from).collect(),
        ))
    })
}

/// A connection of its own (on its own thread) that LISTENs on a site's channel and passes on
/// each notification: the waiting-room display redraws on it instead of polling.
pub struct Listener {
    heard: mpsc::Receiver<Heard>,
}

impl Listener {
    /// Starts listening as the desk's role of `url` (its site's channel).
    pub fn start(url: &ServerUrl) -> Listener {
        let (tell, heard) = mpsc::channel();
        let url = url.clone();
        std::thread::spawn(move || {
            let lost = tell.clone();
            if super::connect::listen(&url, tell).is_err() {
                let _ = lost.send(Heard::Lost);
            }
        });
        Listener { heard }
    }

    /// The next thing heard, waiting at most `wait`.
    pub fn next(&self, wait: Duration) -> Option<Heard> {
        match self.heard.recv_timeout(wait) {
            Ok(heard) => Some(heard),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => Some(Heard::Lost),
        }
    }

    /// Everything heard so far, without waiting.
    pub fn drain(&self) -> Vec<Heard> {
        let mut all = Vec::new();
        loop {
            match self.heard.try_recv() {
                Ok(heard) => all.push(heard),
                Err(mpsc::TryRecvError::Empty) => return all,
                Err(mpsc::TryRecvError::Disconnected) => {
                    all.push(Heard::Lost);
                    return all;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_references_are_references() {
        for _ in 0..100 {
            let r = random_reference();
            assert_eq!(reference::normalise(&r).as_deref(), Some(r.as_str()));
        }
    }
}
