//! Reading every visit of a period as rows, one per visit and service, for `frontdesk export`.
//!
//! Streamed, and without a lookup per visit: the visits, their services, partners and reasons
//! are each read in visit-id order (the child tables' own key order) and merged as they go, so a
//! million visits take four sequential reads and never sit in memory at once. Visit ids are
//! time-ordered (UUID version 7), so the rows come in the order the visits were logged.

use chrono::{DateTime, Utc};
use rusqlite::{Rows, params};

use super::{Desks, Store, StoreError};

/// One service of one visit, as stored (words unchecked: an export passes on what is there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    pub visit_id: String,
    pub started_at: i64,
    pub ended_at: i64,
    pub desk: String,
    pub staff: String,
    pub visit_outcome: String,
    pub online: Option<String>,
    pub feedback: String,
    pub note: Option<String>,
    pub catalogue_version: String,
    pub script_id: Option<String>,
    pub script_version: Option<String>,
    pub script_path: Option<String>,
    pub demand: Option<String>,
    pub assisted_how: Option<String>,
    /// The service's place on the visit, from 1.
    pub service_position: i64,
    pub service_id: String,
    pub service_outcome: String,
    /// The reference of the appointment booked at the desk for this service, if one was.
    pub booking: Option<String>,
    /// The partners given for this service (and no other), in order, each with how it was
    /// given: `(id, "signpost" | "referral")`. Summing the rows counts each partner once.
    pub partners: Vec<(String, String)>,
    /// The resident's answer to "Has the resident agreed?" for each of `partners`, as stored:
    /// `Some("1")` yes, `Some("0")` no, `None` not asked.
    pub consents: Vec<Option<String>>,
    pub reasons: Vec<String>,
    /// The language the resident spoke and the one they read: `en` or `cy` (visits from
    /// before languages were recorded were all in English).
    pub spoken_language: String,
    pub written_language: String,
    /// The answers to the choice fields, as stored: `(field, option)`, by field name.
    pub choices: Vec<(String, String)>,
    /// How long the resident waited to be called, in seconds, where this desk called them.
    pub waited_seconds: Option<i64>,
}

impl ExportRow {
    /// The option stored for the choice field called `field`, if any.
    pub fn choice(&self, field: &str) -> Option<&str> {
        self.choices
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, option)| option.as_str())
    }
}

/// In id order, the table read through its id index (`+started_at` keeps SQLite from sorting
/// the period's visits instead).
const VISITS_SQL: &str = "SELECT id, started_at, ended_at, desk, staff, outcome, online, feedback, note, \
     catalogue_version, script_id, script_version, script_path, demand, assisted_how, \
     coalesce(spoken_language, 'en'), coalesce(written_language, spoken_language, 'en'), waited_seconds FROM visits \
     WHERE +started_at >= ?1 AND +started_at < ?2 AND ((?4 = 1 AND desk = ?3) OR (?4 = 0 AND desk <> ?3)) \
     ORDER BY id";

/// A child table read in its key order, from the first visit id of the export on.
struct Children<'s> {
    rows: Rows<'s>,
    /// The row read but not yet taken: (visit id, values).
    next: Option<(String, Vec<Option<String>>)>,
    columns: usize,
}

impl<'s> Children<'s> {
    fn start(mut rows: Rows<'s>, columns: usize) -> rusqlite::Result<Children<'s>> {
        let next = read_child(&mut rows, columns)?;
        Ok(Children {
            rows,
            next,
            columns,
        })
    }

    /// The values of `visit`'s rows, in order; rows of visits before it (not exported) are
    /// passed over.
    fn take(&mut self, visit: &str) -> rusqlite::Result<Vec<Vec<Option<String>>>> {
        let mut found = Vec::new();
        while let Some((id, values)) = &self.next {
            match id.as_str().cmp(visit) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => found.push(values.clone()),
                std::cmp::Ordering::Greater => break,
            }
            self.next = read_child(&mut self.rows, self.columns)?;
        }
        Ok(found)
    }
}

fn read_child(
    rows: &mut Rows<'_>,
    columns: usize,
) -> rusqlite::Result<Option<(String, Vec<Option<String>>)>> {
    match rows.next()? {
        Some(row) => {
            let id: String = row.get(0)?;
            let values = (1..=columns)
                .map(|i| row.get::<_, Option<String>>(i))
                .collect::<rusqlite::Result<_>>()?;
            Ok(Some((id, values)))
        }
        None => Ok(None),
    }
}

impl Store {
    /// Hands each service of each visit that started in `[from, to)` at `desks` to `each`, in
    /// visit-id order; `each` may stop the export with an error of its own.
    pub fn export_rows<E>(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        desks: &Desks,
        mut each: impl FnMut(ExportRow) -> Result<(), E>,
    ) -> Result<Result<(), E>, StoreError> {
        let (desk, only) = match desks {
            Desks::Only(desk) => (desk.as_str(), 1),
            Desks::AllBut(desk) => (desk.as_str(), 0),
        };
        let mut run = || -> rusqlite::Result<Result<(), E>> {
            let bounds = params![from.timestamp_millis(), to.timestamp_millis(), desk, only];
            let first: Option<String> = self.conn.query_row(
                "SELECT min(id) FROM visits WHERE started_at >= ?1 AND started_at < ?2 \
                 AND ((?4 = 1 AND desk = ?3) OR (?4 = 0 AND desk <> ?3))",
                bounds,
                |r| r.get(0),
            )?;
            let Some(first) = first else {
                return Ok(Ok(()));
            };
            let mut services = self.conn.prepare(
                "SELECT visit_id, service_id, outcome, booking_reference FROM visit_services WHERE visit_id >= ?1 \
                 ORDER BY visit_id, position",
            )?;
            let mut partners = self.conn.prepare(
                "SELECT visit_id, partner_id, how, CAST(consent AS TEXT), CAST(service_position AS TEXT) FROM visit_partners \
                 WHERE visit_id >= ?1 ORDER BY visit_id, position",
            )?;
            let mut reasons = self.conn.prepare(
                "SELECT visit_id, reason FROM visit_reasons WHERE visit_id >= ?1 \
                 ORDER BY visit_id, position",
            )?;
            let mut choices = self.conn.prepare(
                "SELECT visit_id, field, value FROM visit_choices WHERE visit_id >= ?1 \
                 ORDER BY visit_id, field",
            )?;
            let mut choices = Children::start(choices.query([&first])?, 2)?;
            let mut services = Children::start(services.query([&first])?, 3)?;
            let mut partners = Children::start(partners.query([&first])?, 4)?;
            let mut reasons = Children::start(reasons.query([&first])?, 1)?;
            let mut visits = self.conn.prepare(VISITS_SQL)?;
            let mut rows = visits.query(bounds)?;
            while let Some(r) = rows.next()? {
                let visit_id: String = r.get(0)?;
                let visit_outcome: String = r.get(5)?;
                // Each partner with its service's place on the visit.
                let partners: Vec<(usize, String, String, Option<String>)> = partners
                    .take(&visit_id)?
                    .into_iter()
                    .map(|v| {
                        let mut v = v.into_iter();
                        let id = v.next().flatten().unwrap_or_default();
                        let how = v.next().flatten().unwrap_or_else(|| "signpost".into());
                        let consent = v.next().flatten();
                        let service = v.next().flatten().and_then(|p| p.parse().ok());
                        (service.unwrap_or(0), id, how, consent)
                    })
                    .collect();
                let reasons: Vec<String> = reasons
                    .take(&visit_id)?
                    .into_iter()
                    .filter_map(|v| v.into_iter().next().flatten())
                    .collect();
                let choices: Vec<(String, String)> = choices
                    .take(&visit_id)?
                    .into_iter()
                    .map(|v| {
                        let mut v = v.into_iter();
                        let field = v.next().flatten().unwrap_or_default();
                        (field, v.next().flatten().unwrap_or_default())
                    })
                    .collect();
                let services = services.take(&visit_id)?;
                let count = services.len();
                for (position, service) in services.into_iter().enumerate() {
                    // A partner whose service is not on the visit (no frontdesk writes one)
                    // goes on the first row, so it is still counted once.
                    let own = partners
                        .iter()
                        .filter(|(at, ..)| *at == position || (position == 0 && *at >= count));
                    let (own_partners, consents) = own
                        .map(|(_, id, how, consent)| ((id.clone(), how.clone()), consent.clone()))
                        .unzip();
                    let mut service = service.into_iter();
                    let service_id = service.next().flatten().unwrap_or_default();
                    let service_outcome = service
                        .next()
                        .flatten()
                        .unwrap_or_else(|| visit_outcome.clone());
                    let booking = service.next().flatten();
                    let row = ExportRow {
                        visit_id: visit_id.clone(),
                        started_at: r.get(1)?,
                        ended_at: r.get(2)?,
                        desk: r.get(3)?,
                        staff: r.get(4)?,
                        visit_outcome: visit_outcome.clone(),
                        online: r.get(6)?,
                        feedback: r.get(7)?,
                        note: r.get(8)?,
                        catalogue_version: r.get(9)?,
                        script_id: r.get(10)?,
                        script_version: r.get(11)?,
                        script_path: r.get(12)?,
                        demand: r.get(13)?,
                        assisted_how: r.get(14)?,
                        service_position: position as i64 + 1,
                        service_id,
                        service_outcome,
                        booking,
                        partners: own_partners,
                        consents,
                        reasons: reasons.clone(),
                        choices: choices.clone(),
                        spoken_language: r.get(15)?,
                        written_language: r.get(16)?,
                        waited_seconds: r.get(17)?,
                    };
                    if let Err(stop) = each(row) {
                        return Ok(Err(stop));
                    }
                }
            }
            Ok(Ok(()))
        };
        run().map_err(|e| self.error("read", e))
    }
}
