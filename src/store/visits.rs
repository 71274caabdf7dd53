//! Saving, editing, undoing and listing visits. Every write is one `BEGIN IMMEDIATE`
//! transaction, so a visit is either wholly in the file or not at all.

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, TransactionBehavior, params};
use uuid::Uuid;

use super::summary::{count_desk, count_visit, uncount_desk};
use super::{Store, StoreError, local_day_and_hour, outbox};
use crate::visit::{
    AssistedHow, ChoiceField, Choices, Demand, ExclusionReason, Feedback, LanguageChoice,
    OnlineAnswer, Outcome, PartnerHow, PartnerOnVisit, ResidentLanguage, ScriptRecord,
    ServiceDefault, ServiceOutcome, Visit,
};

/// The visits table's columns, in the order [`visit_params`] gives their values: the one list
/// the saves, the edits, the reads and the sync all follow ([`outbox::SYNCED_VISITS`]). The
/// choice fields ([`crate::visit::CHOICE_FIELDS`]) are rows of `visit_choices`, not columns.
const VISIT_COLUMNS: &[&str] = outbox::SYNCED_VISITS.columns;

/// `id, started_at, ...`: the columns for a SELECT or an INSERT.
static COLUMN_LIST: LazyLock<String> = LazyLock::new(|| VISIT_COLUMNS.join(", "));

/// The INSERT of one visit, a placeholder per column.
static INSERT_VISIT: LazyLock<String> = LazyLock::new(|| {
    let places: Vec<String> = (1..=VISIT_COLUMNS.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO visits ({}) VALUES ({})",
        *COLUMN_LIST,
        places.join(", ")
    )
});

/// The UPDATE of one visit by its id (`?1`), every other column set.
static UPDATE_VISIT: LazyLock<String> = LazyLock::new(|| {
    let sets: Vec<String> = VISIT_COLUMNS
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, column)| format!("{column} = ?{}", i + 1))
        .collect();
    format!("UPDATE visits SET {} WHERE id = ?1", sets.join(", "))
});

impl Store {
    /// Saves a new visit. When this returns, the visit is on disk (it survives a power cut).
    pub fn save(&mut self, visit: &Visit) -> Result<(), StoreError> {
        self.save_all(std::slice::from_ref(visit))
    }

    /// Saves many visits in one transaction: all or none (imports, tests, benchmarks).
    pub fn save_all(&mut self, visits: &[Visit]) -> Result<(), StoreError> {
        let path = self.path.clone();
        self.write("save to", |tx| {
            for visit in visits {
                match insert_visit(tx, visit) {
                    Err(e) if is_duplicate(&e) => {
                        return Ok(Err(StoreError::AlreadySaved { path, id: visit.id }));
                    }
                    other => other?,
                }
                insert_children(tx, visit)?;
                count_visit(tx, &visit.id.to_string(), 1)?;
                remember_defaults(tx, visit)?;
                queue_visit(tx, visit)?;
            }
            Ok(Ok(()))
        })
    }

    /// Replaces every visit at `desk` with `visits`, in one transaction: all or none. For a
    /// desk of made-up visits (`frontdesk demo-data`): the report's counts of the desk are
    /// rebuilt in one pass, and no service's defaults are changed.
    pub fn replace_desk(
        &mut self,
        desk: &str,
        visits: impl IntoIterator<Item = Visit>,
    ) -> Result<u64, StoreError> {
        let path = self.path.clone();
        self.write("save to", |tx| {
            uncount_desk(tx, desk)?;
            for table in outbox::SYNCED_CHILDREN {
                tx.execute(
                    &format!(
                        "DELETE FROM {} WHERE visit_id IN (SELECT id FROM visits WHERE desk = ?1)",
                        table.name
                    ),
                    [desk],
                )?;
            }
            tx.execute("DELETE FROM visits WHERE desk = ?1", [desk])?;
            let mut saved = 0;
            for visit in visits {
                match insert_visit(tx, &visit) {
                    Err(e) if is_duplicate(&e) => {
                        return Ok(Err(StoreError::AlreadySaved { path, id: visit.id }));
                    }
                    other => other?,
                }
                insert_children(tx, &visit)?;
                if visit.desk != desk {
                    count_visit(tx, &visit.id.to_string(), 1)?;
                }
                saved += 1;
            }
            count_desk(tx, desk)?;
            Ok(Ok(saved))
        })
    }

    /// Replaces a logged visit (same id) with an edited one.
    pub fn update(&mut self, visit: &Visit) -> Result<(), StoreError> {
        let path = self.path.clone();
        self.write("save to", |tx| {
            let id = visit.id.to_string();
            count_visit(tx, &id, -1)?;
            let changed = tx
                .prepare_cached(&UPDATE_VISIT)?
                .execute(rusqlite::params_from_iter(visit_params(visit)))?;
            if changed == 0 {
                return Ok(Err(StoreError::NoSuchVisit { path, id: visit.id }));
            }
            delete_children(tx, visit.id)?;
            insert_children(tx, visit)?;
            count_visit(tx, &id, 1)?;
            remember_defaults(tx, visit)?;
            queue_visit(tx, visit)?;
            Ok(Ok(()))
        })
    }

    /// Deletes a visit (undo). False when it was not in the log.
    pub fn delete(&mut self, id: Uuid) -> Result<bool, StoreError> {
        self.write("delete a visit from", |tx| {
            count_visit(tx, &id.to_string(), -1)?;
            outbox::queue_undone(tx, &id.to_string())?;
            delete_children(tx, id)?;
            let deleted = tx
                .prepare_cached("DELETE FROM visits WHERE id = ?1")?
                .execute([id.to_string()])?;
            Ok(Ok(deleted > 0))
        })
    }

    /// One visit by id.
    pub fn visit(&self, id: Uuid) -> Result<Option<Visit>, StoreError> {
        let row = self
            .conn
            .prepare_cached(&format!(
                "SELECT {} FROM visits WHERE id = ?1",
                *COLUMN_LIST
            ))
            .and_then(|mut stmt| stmt.query_row([id.to_string()], StoredRow::read).optional())
            .map_err(|e| self.error("read", e))?;
        row.map(|row| self.complete(row)).transpose()
    }

    /// Visits that started in `[from, to)`, at one desk or all, in the order they started.
    pub fn visits_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        desk: Option<&str>,
    ) -> Result<Vec<Visit>, StoreError> {
        let rows = self
            .read_rows(from, to, desk)
            .map_err(|e| self.error("read", e))?;
        rows.into_iter().map(|row| self.complete(row)).collect()
    }

    /// How many visits started in `[from, to)`, at one desk or all (the status bar's count).
    pub fn count_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        desk: Option<&str>,
    ) -> Result<u64, StoreError> {
        let (from, to) = (from.timestamp_millis(), to.timestamp_millis());
        let count: i64 = match desk {
            Some(desk) => self
                .conn
                .prepare_cached(
                    "SELECT count(*) FROM visits WHERE desk = ?1 AND started_at >= ?2 AND started_at < ?3",
                )
                .and_then(|mut s| s.query_row(params![desk, from, to], |r| r.get(0))),
            None => self
                .conn
                .prepare_cached(
                    "SELECT count(*) FROM visits WHERE started_at >= ?1 AND started_at < ?2",
                )
                .and_then(|mut s| s.query_row(params![from, to], |r| r.get(0))),
        }
        .map_err(|e| self.error("read", e))?;
        Ok(count.max(0) as u64)
    }

    /// Each service's remembered demand and way of helping online, by service id. A word this
    /// frontdesk does not know is left out (a default is only a help).
    pub fn service_defaults(&self) -> Result<BTreeMap<String, ServiceDefault>, StoreError> {
        let read = || -> rusqlite::Result<BTreeMap<String, ServiceDefault>> {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT service_id, demand, assisted_how FROM service_defaults")?;
            let rows = stmt.query_map([], |r| {
                let demand: Option<String> = r.get(1)?;
                let assisted: Option<String> = r.get(2)?;
                Ok((
                    r.get::<_, String>(0)?,
                    ServiceDefault {
                        demand: demand.and_then(|d| Demand::from_str(&d).ok()),
                        assisted: assisted.and_then(|a| AssistedHow::from_str(&a).ok()),
                    },
                ))
            })?;
            rows.collect()
        };
        read().map_err(|e| self.error("read", e))
    }

    /// Runs `work` in one immediate transaction and commits it, unless `work` fails or refuses
    /// (an inner `Err`), which rolls it back. Maps SQLite errors to sentences about the file.
    pub(crate) fn write<T>(
        &mut self,
        action: &'static str,
        work: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<Result<T, StoreError>>,
    ) -> Result<T, StoreError> {
        let result = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let outcome = work(&tx)?;
            if outcome.is_ok() {
                tx.commit()?;
            }
            Ok(outcome)
        })();
        result.unwrap_or_else(|e| Err(self.error(action, e)))
    }

    fn read_rows(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        desk: Option<&str>,
    ) -> rusqlite::Result<Vec<StoredRow>> {
        let (from, to) = (from.timestamp_millis(), to.timestamp_millis());
        match desk {
            Some(desk) => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT {} FROM visits WHERE desk = ?1 AND started_at >= ?2 AND started_at < ?3 \
                     ORDER BY started_at, id",
                    *COLUMN_LIST
                ))?;
                stmt.query_map(params![desk, from, to], StoredRow::read)?
                    .collect()
            }
            None => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT {} FROM visits WHERE started_at >= ?1 AND started_at < ?2 \
                     ORDER BY started_at, id",
                    *COLUMN_LIST
                ))?;
                stmt.query_map(params![from, to], StoredRow::read)?
                    .collect()
            }
        }
    }

    /// Adds the services, partners and reasons to a row and checks every stored word.
    fn complete(&self, row: StoredRow) -> Result<Visit, StoreError> {
        let children = read_children(&self.conn, &row.id).map_err(|e| self.error("read", e))?;
        let unreadable = |field: &'static str, value: &str| StoreError::UnreadableVisit {
            path: self.path.clone(),
            id: row.id.clone(),
            field,
            value: value.to_string(),
        };
        let id = Uuid::parse_str(&row.id).map_err(|_| unreadable("the id", &row.id))?;
        let time = |field, ms: i64| {
            DateTime::from_timestamp_millis(ms).ok_or_else(|| unreadable(field, &ms.to_string()))
        };
        let word = |field, text: &str| unreadable(field, text);
        // Visits from before languages were recorded were all in English.
        let language = |field, text: Option<&str>| match text {
            None => Ok(ResidentLanguage::English),
            Some(text) => ResidentLanguage::from_str(text).map_err(|_| word(field, text)),
        };
        let outcome =
            Outcome::from_str(&row.outcome).map_err(|_| word("the outcome", &row.outcome))?;
        let online = match &row.online {
            Some(text) => Some(
                OnlineAnswer::from_str(text)
                    .map_err(|_| word("the answer to 'could this have been done online?'", text))?,
            ),
            None => None,
        };
        let feedback =
            Feedback::from_str(&row.feedback).map_err(|_| word("the feedback", &row.feedback))?;
        let services = children
            .services
            .into_iter()
            .map(|(service, own, booking)| {
                let outcome = match own {
                    Some(text) => Outcome::from_str(&text)
                        .map_err(|_| word("the outcome of a service", &text))?,
                    None => outcome,
                };
                Ok(ServiceOutcome {
                    service,
                    outcome,
                    booking,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let partners = children
            .partners
            .into_iter()
            .map(|(partner, how, consent, service)| {
                let how = PartnerHow::from_str(&how)
                    .map_err(|_| word("how a partner was passed on", &how))?;
                let consent = match consent {
                    None => None,
                    Some(0) => Some(false),
                    Some(1) => Some(true),
                    Some(other) => return Err(word("the resident's consent", &other.to_string())),
                };
                let service = usize::try_from(service).map_err(|_| {
                    word("the service a partner was given for", &service.to_string())
                })?;
                Ok(PartnerOnVisit {
                    partner,
                    how,
                    consent,
                    service,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let reasons = children
            .reasons
            .iter()
            .map(|r| ExclusionReason::from_str(r).map_err(|_| word("the reason", r)))
            .collect::<Result<Vec<_>, _>>()?;
        let demand = match &row.demand {
            Some(text) => Some(Demand::from_str(text).map_err(|_| word("the demand", text))?),
            None => None,
        };
        let assisted = match &row.assisted_how {
            Some(text) => Some(
                AssistedHow::from_str(text)
                    .map_err(|_| word("how the resident was helped online", text))?,
            ),
            None => None,
        };
        let script = match row.script_id {
            Some(id) => {
                let path = row.script_path.unwrap_or_default();
                Some(Box::new(ScriptRecord {
                    id,
                    version: row.script_version.unwrap_or_default(),
                    path: ScriptRecord::parse_path(&path)
                        .ok_or_else(|| word("the script's path", &path))?,
                }))
            }
            None => None,
        };
        let mut choices = Choices::default();
        for (field, option) in &children.choices {
            if !choices.set_word(field, option) {
                let name = ChoiceField::named(field).map_or("a choice field", |f| f.name);
                return Err(word(name, option));
            }
        }
        Ok(Visit {
            id,
            started_at: time("the start time", row.started_at)?,
            ended_at: time("the end time", row.ended_at)?,
            desk: row.desk,
            staff: row.staff,
            services,
            outcome,
            partners,
            online,
            reasons,
            feedback,
            demand,
            assisted,
            note: row.note,
            catalogue_version: row.catalogue_version,
            script,
            language: LanguageChoice {
                spoken: language("the spoken language", row.spoken_language.as_deref())?,
                written: language("the written language", row.written_language.as_deref())?,
            },
            choices,
            waited_seconds: row.waited_seconds.filter(|s| *s >= 0),
        })
    }
}

/// A `visits` row as stored, before its words are checked.
struct StoredRow {
    id: String,
    started_at: i64,
    ended_at: i64,
    desk: String,
    staff: String,
    outcome: String,
    online: Option<String>,
    feedback: String,
    note: Option<String>,
    catalogue_version: String,
    script_id: Option<String>,
    script_version: Option<String>,
    script_path: Option<String>,
    demand: Option<String>,
    assisted_how: Option<String>,
    spoken_language: Option<String>,
    written_language: Option<String>,
    waited_seconds: Option<i64>,
}

impl StoredRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<StoredRow> {
        Ok(StoredRow {
            id: row.get(0)?,
            started_at: row.get(1)?,
            ended_at: row.get(2)?,
            desk: row.get(3)?,
            staff: row.get(4)?,
            outcome: row.get(5)?,
            online: row.get(6)?,
            feedback: row.get(7)?,
            note: row.get(8)?,
            catalogue_version: row.get(9)?,
            script_id: row.get(10)?,
            script_version: row.get(11)?,
            script_path: row.get(12)?,
            demand: row.get(13)?,
            assisted_how: row.get(14)?,
            spoken_language: row.get(17)?,
            written_language: row.get(18)?,
            waited_seconds: row.get(19)?,
        })
    }
}

struct Children {
    /// Each service id with its own outcome and its booking's reference, as stored.
    services: Vec<(String, Option<String>, Option<String>)>,
    /// Each partner id, how it was passed on, the consent and the place of its service on the
    /// visit, as stored.
    partners: Vec<(String, String, Option<i64>, i64)>,
    reasons: Vec<String>,
    /// Each choice field answered, with its option as stored.
    choices: Vec<(String, String)>,
}

fn read_children(conn: &Connection, id: &str) -> rusqlite::Result<Children> {
    let list = |sql: &str| -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare_cached(sql)?;
        stmt.query_map([id], |r| r.get(0))?.collect()
    };
    let mut services = conn.prepare_cached(
        "SELECT service_id, outcome, booking_reference FROM visit_services WHERE visit_id = ?1 \
         ORDER BY position",
    )?;
    let services = services
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut partners = conn.prepare_cached(
        "SELECT partner_id, how, consent, service_position FROM visit_partners \
         WHERE visit_id = ?1 ORDER BY position",
    )?;
    let partners = partners
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut choices = conn.prepare_cached(
        "SELECT field, value FROM visit_choices WHERE visit_id = ?1 ORDER BY field",
    )?;
    let choices = choices
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Children {
        services,
        partners,
        reasons: list("SELECT reason FROM visit_reasons WHERE visit_id = ?1 ORDER BY position")?,
        choices,
    })
}

fn visit_params(visit: &Visit) -> Vec<Box<dyn rusqlite::ToSql>> {
    let (day, hour) = local_day_and_hour(visit.started_at);
    vec![
        Box::new(visit.id.to_string()),
        Box::new(visit.started_at.timestamp_millis()),
        Box::new(visit.ended_at.timestamp_millis()),
        Box::new(visit.desk.clone()),
        Box::new(visit.staff.clone()),
        Box::new(visit.outcome.as_str()),
        Box::new(visit.online.map(|o| o.as_str())),
        Box::new(visit.feedback.as_str()),
        Box::new(visit.note.clone()),
        Box::new(visit.catalogue_version.clone()),
        Box::new(visit.script.as_ref().map(|s| s.id.clone())),
        Box::new(visit.script.as_ref().map(|s| s.version.clone())),
        Box::new(visit.script.as_ref().map(|s| s.path_text())),
        Box::new(visit.demand.map(|d| d.as_str())),
        Box::new(visit.assisted.map(|a| a.as_str())),
        Box::new(day),
        Box::new(hour),
        Box::new(visit.language.spoken.as_str()),
        Box::new(visit.language.written.as_str()),
        Box::new(visit.waited_seconds),
    ]
}

fn insert_visit(tx: &Transaction<'_>, visit: &Visit) -> rusqlite::Result<()> {
    tx.prepare_cached(&INSERT_VISIT)?
        .execute(rusqlite::params_from_iter(visit_params(visit)))?;
    Ok(())
}

/// Queues a saved or edited visit for the server, in the transaction that wrote it.
fn queue_visit(tx: &Transaction<'_>, visit: &Visit) -> rusqlite::Result<()> {
    outbox::queue_saved(
        tx,
        &visit.id.to_string(),
        &visit.desk,
        visit.started_at.timestamp_millis(),
    )
}

fn insert_children(tx: &Transaction<'_>, visit: &Visit) -> rusqlite::Result<()> {
    let id = visit.id.to_string();
    let mut services = tx.prepare_cached(
        "INSERT INTO visit_services (visit_id, position, service_id, outcome, booking_reference) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, service) in visit.services.iter().enumerate() {
        services.execute(params![
            id,
            position as i64,
            service.service,
            service.outcome.as_str(),
            service.booking
        ])?;
    }
    let mut partners = tx.prepare_cached(
        "INSERT INTO visit_partners (visit_id, position, partner_id, how, consent, service_position) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (position, partner) in visit.partners.iter().enumerate() {
        partners.execute(params![
            id,
            position as i64,
            partner.partner,
            partner.how.as_str(),
            partner.consent,
            partner.service as i64
        ])?;
    }
    let mut reasons = tx.prepare_cached(
        "INSERT INTO visit_reasons (visit_id, position, reason) VALUES (?1, ?2, ?3)",
    )?;
    for (position, reason) in visit.reasons.iter().enumerate() {
        reasons.execute(params![id, position as i64, reason.as_str()])?;
    }
    let mut choices = tx
        .prepare_cached("INSERT INTO visit_choices (visit_id, field, value) VALUES (?1, ?2, ?3)")?;
    for (field, option) in visit.choices.answered() {
        choices.execute(params![id, field.name, option])?;
    }
    Ok(())
}

/// Keeps the visit's demand and way of helping online as its services' defaults for the next
/// visit (only what was given: a visit without them leaves the defaults as they were).
fn remember_defaults(tx: &Transaction<'_>, visit: &Visit) -> rusqlite::Result<()> {
    if visit.demand.is_none() && visit.assisted.is_none() {
        return Ok(());
    }
    let mut remember = tx.prepare_cached(
        "INSERT INTO service_defaults (service_id, demand, assisted_how) VALUES (?1, ?2, ?3) \
         ON CONFLICT (service_id) DO UPDATE SET demand = coalesce(excluded.demand, demand), \
         assisted_how = coalesce(excluded.assisted_how, assisted_how)",
    )?;
    for service in &visit.services {
        remember.execute(params![
            service.service,
            visit.demand.map(|d| d.as_str()),
            visit.assisted.map(|a| a.as_str())
        ])?;
    }
    Ok(())
}

fn delete_children(tx: &Transaction<'_>, id: Uuid) -> rusqlite::Result<()> {
    let id = id.to_string();
    for table in outbox::SYNCED_CHILDREN {
        tx.prepare_cached(&format!("DELETE FROM {} WHERE visit_id = ?1", table.name))?
            .execute([&id])?;
    }
    Ok(())
}

/// True for an SQLite "already there" error (a repeated id).
fn is_duplicate(error: &rusqlite::Error) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(e, _)
        if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}
