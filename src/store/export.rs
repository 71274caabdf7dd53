//! Reading every visit of a period as rows, one per visit and service, for `frontdesk export`.
//! One query, streamed: a million visits never sit in memory at once.

use chrono::{DateTime, Utc};
use rusqlite::params;

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
    /// The partners in order, each with how it was given: `(id, "signpost" | "referral")`.
    pub partners: Vec<(String, String)>,
    pub reasons: Vec<String>,
}

const EXPORT_SQL: &str = "SELECT v.id, v.started_at, v.ended_at, v.desk, v.staff, v.outcome, v.online, v.feedback, \
     v.note, v.catalogue_version, v.script_id, v.script_version, v.script_path, v.demand, v.assisted_how, \
     s.position, s.service_id, coalesce(s.outcome, v.outcome), \
     (SELECT group_concat(p.partner_id || ' ' || coalesce(p.how, 'signpost'), ' ' ORDER BY p.position) \
         FROM visit_partners p WHERE p.visit_id = v.id), \
     (SELECT group_concat(r.reason, ' ' ORDER BY r.position) FROM visit_reasons r WHERE r.visit_id = v.id) \
     FROM visits v JOIN visit_services s ON s.visit_id = v.id \
     WHERE v.started_at >= ?1 AND v.started_at < ?2 AND ((?4 = 1 AND v.desk = ?3) OR (?4 = 0 AND v.desk <> ?3)) \
     ORDER BY v.started_at, v.id, s.position";

impl Store {
    /// Hands each service of each visit that started in `[from, to)` at `desks` to `each`, in
    /// the order the visits started; `each` may stop the export with an error of its own.
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
            let mut stmt = self.conn.prepare(EXPORT_SQL)?;
            let mut rows = stmt.query(params![
                from.timestamp_millis(),
                to.timestamp_millis(),
                desk,
                only
            ])?;
            while let Some(r) = rows.next()? {
                let partners: Option<String> = r.get(18)?;
                let reasons: Option<String> = r.get(19)?;
                let words = partners.unwrap_or_default();
                let words: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).collect();
                let row = ExportRow {
                    visit_id: r.get(0)?,
                    started_at: r.get(1)?,
                    ended_at: r.get(2)?,
                    desk: r.get(3)?,
                    staff: r.get(4)?,
                    visit_outcome: r.get(5)?,
                    online: r.get(6)?,
                    feedback: r.get(7)?,
                    note: r.get(8)?,
                    catalogue_version: r.get(9)?,
                    script_id: r.get(10)?,
                    script_version: r.get(11)?,
                    script_path: r.get(12)?,
                    demand: r.get(13)?,
                    assisted_how: r.get(14)?,
                    service_position: r.get::<_, i64>(15)? + 1,
                    service_id: r.get(16)?,
                    service_outcome: r.get(17)?,
                    partners: words
                        .chunks(2)
                        .map(|pair| {
                            (
                                pair[0].to_string(),
                                pair.get(1).copied().unwrap_or("signpost").to_string(),
                            )
                        })
                        .collect(),
                    reasons: reasons
                        .unwrap_or_default()
                        .split(' ')
                        .filter(|w| !w.is_empty())
                        .map(str::to_string)
                        .collect(),
                };
                if let Err(stop) = each(row) {
                    return Ok(Err(stop));
                }
            }
            Ok(Ok(()))
        };
        run().map_err(|e| self.error("read", e))
    }
}
