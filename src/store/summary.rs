//! The report's counts, kept with the visits.
//!
//! Every visit gives a handful of facts (see [`facts!`]): "a visit on day D at desk K", "service
//! S ended referred", "partner P was a signpost", "it started in hour H"... `report_counts` holds
//! how many of each fact there are per local day and desk. A save adds its visit's facts, an edit
//! takes the old ones away and adds the new, an undo or a purge takes them away, each in the
//! same transaction as the change to the visit, so the counts can never disagree with the
//! visits. A report then sums a few rows per day instead of reading every visit.
//!
//! The facts are one SQL query, used for every change and for building the counts of a file
//! that had visits before the counts existed (schema version 6), so there is one definition of
//! what is counted. Changing it needs a new migration step that rebuilds `report_counts`.

use rusqlite::{Transaction, params};

/// The facts of the visits `v` matching `$filter` (SQL over `visits v` and its parts, each
/// table name after `$tables`: `""` in the desk's log, `"batch_"` in a copy of a sync batch
/// there, `"frontdesk."` on the central server, `"stage_"` in a batch arriving there),
/// one row each: `day, desk, figure, key, sub`. The SQL is the same in SQLite and PostgreSQL, so
/// the server counts exactly what a desk counts.
///
/// - `visits`: one per visit.
/// - `service` (service id, its outcome): one per service on a visit.
/// - `first-contact` ('', `yes`/`no`): yes when every service ended resolved, helped online
///   (assisted digital) or signposted.
/// - `assisted` (how, or '' when not said): a visit helped online (any service ended
///   assisted digital, or a way of helping was given).
/// - `online` (service id, answer or ''): "could it have been done online", per service.
/// - `online-visit` (answer or ''): the same per visit.
/// - `reason` (reason): each reason a resident could not go online.
/// - `demand` (service id, demand or ''): value or failure demand, per service.
/// - `demand-visit` (demand or ''): the same per visit.
/// - `partner` (partner id, `signpost`/`referral`): each partner given.
/// - `signposted-no-partner` (service id, ''): a service that ended signposted on a visit with
///   no partner recorded, counted apart so a signpost is never a figure without a partner.
/// - `script` (script id, keys chosen): each visit filled in from a script, by its end.
/// - `feedback` (kind): each visit's feedback.
/// - `hour` (local weekday 0 Monday to 6 Sunday, local hour 0-23): when the visit started.
/// - `length` (service id, whole minutes): the visit's length to the nearest minute, at most
///   240, per service; `length-visit` ('', minutes): the same per visit. Only visits whose
///   start is known: a visit that ends when it starts (`frontdesk log`, which has no timer)
///   is counted as `length-unknown` ('', '') instead.
///
/// The resident's language (`language`: spoken, written) is counted by [`language_facts!`], its
/// own query: step 6 of the schema runs this one on files that do not have the language
/// columns yet.
macro_rules! facts {
    ($tables:literal, $filter:literal) => {
        concat!(
            "SELECT v.local_day AS day, v.desk AS desk, 'visits' AS figure, '' AS key, '' AS sub FROM ", $tables, "visits v WHERE ", $filter,
            " UNION ALL SELECT v.local_day, v.desk, 'service', s.service_id, coalesce(s.outcome, v.outcome) \
              FROM ", $tables, "visits v JOIN ", $tables, "visit_services s ON s.visit_id = v.id WHERE ", $filter,
            " UNION ALL SELECT v.local_day, v.desk, 'first-contact', '', CASE WHEN EXISTS (SELECT 1 FROM ", $tables, "visit_services s \
              WHERE s.visit_id = v.id AND coalesce(s.outcome, v.outcome) NOT IN ('resolved', 'assisted-digital', 'signposted')) \
              THEN 'no' ELSE 'yes' END FROM ", $tables, "visits v WHERE ", $filter,
            " UNION ALL SELECT v.local_day, v.desk, 'assisted', coalesce(v.assisted_how, ''), '' FROM ", $tables, "visits v WHERE (", $filter,
            ") AND (v.assisted_how IS NOT NULL OR EXISTS (SELECT 1 FROM ", $tables, "visit_services s WHERE s.visit_id = v.id \
              AND coalesce(s.outcome, v.outcome) = 'assisted-digital'))",
            " UNION ALL SELECT v.local_day, v.desk, 'online', s.service_id, coalesce(v.online, '') \
              FROM ", $tables, "visits v JOIN ", $tables, "visit_services s ON s.visit_id = v.id WHERE ", $filter,
            " UNION ALL SELECT v.local_day, v.desk, 'online-visit', coalesce(v.online, ''), '' FROM ", $tables, "visits v WHERE ", $filter,
            " UNION ALL SELECT v.local_day, v.desk, 'reason', r.reason, '' \
              FROM ", $tables, "visits v JOIN ", $tables, "visit_reasons r ON r.visit_id = v.id WHERE ", $filter,
            " UNION ALL SELECT v.local_day, v.desk, 'demand', s.service_id, coalesce(v.demand, '') \
              FROM ", $tables, "visits v JOIN ", $tables, "visit_services s ON s.visit_id = v.id WHERE ", $filter,
            " UNION ALL SELECT v.local_day, v.desk, 'demand-visit', coalesce(v.demand, ''), '' FROM ", $tables, "visits v WHERE ", $filter,
            " UNION ALL SELECT v.local_day, v.desk, 'partner', p.partner_id, coalesce(p.how, 'signpost') \
              FROM ", $tables, "visits v JOIN ", $tables, "visit_partners p ON p.visit_id = v.id WHERE ", $filter,
            " UNION ALL SELECT v.local_day, v.desk, 'signposted-no-partner', s.service_id, '' \
              FROM ", $tables, "visits v JOIN ", $tables, "visit_services s ON s.visit_id = v.id WHERE (", $filter,
            ") AND coalesce(s.outcome, v.outcome) = 'signposted' AND NOT EXISTS (SELECT 1 FROM ", $tables,
            "visit_partners p WHERE p.visit_id = v.id)",
            " UNION ALL SELECT v.local_day, v.desk, 'script', v.script_id, coalesce(v.script_path, '') FROM ", $tables, "visits v WHERE (", $filter,
            ") AND v.script_id IS NOT NULL",
            " UNION ALL SELECT v.local_day, v.desk, 'feedback', v.feedback, '' FROM ", $tables, "visits v WHERE ", $filter,
            " UNION ALL SELECT v.local_day, v.desk, 'hour', CAST((((v.local_day % 7) + 7 + 3) % 7) AS TEXT), \
              CAST(v.local_hour AS TEXT) FROM ", $tables, "visits v WHERE ", $filter,
            " UNION ALL SELECT v.local_day, v.desk, 'length', s.service_id, \
              CAST(CASE WHEN v.ended_at - v.started_at + 30000 < 0 THEN 0 \
              WHEN v.ended_at - v.started_at + 30000 >= 240 * 60000 THEN 240 \
              ELSE (v.ended_at - v.started_at + 30000) / 60000 END AS TEXT) \
              FROM ", $tables, "visits v JOIN ", $tables, "visit_services s ON s.visit_id = v.id WHERE (", $filter,
            ") AND v.ended_at > v.started_at",
            " UNION ALL SELECT v.local_day, v.desk, 'length-visit', '', \
              CAST(CASE WHEN v.ended_at - v.started_at + 30000 < 0 THEN 0 \
              WHEN v.ended_at - v.started_at + 30000 >= 240 * 60000 THEN 240 \
              ELSE (v.ended_at - v.started_at + 30000) / 60000 END AS TEXT) FROM ", $tables, "visits v WHERE (", $filter,
            ") AND v.ended_at > v.started_at",
            " UNION ALL SELECT v.local_day, v.desk, 'length-unknown', '', '' FROM ", $tables, "visits v WHERE (", $filter,
            ") AND v.ended_at <= v.started_at"
        )
    };
}
pub(crate) use facts;

/// Adds `$sign` (SQL: 1, -1 or a parameter) times the rows of `$facts!` (a macro of this
/// room giving `day, desk, figure, key, sub` rows, such as [`facts!`]) for the visits matching
/// `$filter` to `report_counts` (per day).
macro_rules! add_to_days {
    ($facts:ident, $filter:literal, $sign:literal) => {
        concat!(
            "INSERT INTO report_counts (day, desk, figure, key, sub, n) SELECT day, desk, figure, key, sub, ",
            $sign,
            " * count(*) FROM (",
            $crate::store::summary::$facts!("", $filter),
            ") WHERE true GROUP BY day, desk, figure, key, sub \
             ON CONFLICT (day, desk, figure, key, sub) DO UPDATE SET n = n + excluded.n"
        )
    };
}
pub(crate) use add_to_days;

/// The same for `report_month_counts` (per calendar month: `month` is its 1st as a day number),
/// so a long period reads a row per month where a day would repeat it thirty times.
macro_rules! add_to_months {
    ($facts:ident, $filter:literal, $sign:literal) => {
        concat!(
            "INSERT INTO report_month_counts (month, desk, figure, key, sub, n) SELECT ",
            "CAST(julianday(date(day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), \
             desk, figure, key, sub, ",
            $sign,
            " * count(*) FROM (",
            $crate::store::summary::$facts!("", $filter),
            ") WHERE day IS NOT NULL GROUP BY 1, 2, 3, 4, 5 \
             ON CONFLICT (month, desk, figure, key, sub) DO UPDATE SET n = n + excluded.n"
        )
    };
}
pub(crate) use add_to_months;

/// Adds `$sign` times the facts of the visits matching `$filter` to `report_counts`.
macro_rules! count_facts {
    ($filter:literal, $sign:literal) => {
        $crate::store::summary::add_to_days!(facts, $filter, $sign)
    };
}
pub(crate) use count_facts;

/// The same for `report_month_counts`.
macro_rules! count_month_facts {
    ($filter:literal, $sign:literal) => {
        $crate::store::summary::add_to_months!(facts, $filter, $sign)
    };
}
pub(crate) use count_month_facts;

/// The `language` fact of the visits `v` matching `$filter`, one row each, as [`facts!`] gives
/// its facts: spoken language, written language; 'en' for visits from before languages were
/// recorded.
macro_rules! language_fact {
    ($tables:literal, $filter:literal) => {
        concat!(
            "SELECT v.local_day AS day, v.desk AS desk, 'language' AS figure, \
             coalesce(v.spoken_language, 'en') AS key, coalesce(v.written_language, 'en') AS sub \
             FROM ", $tables, "visits v WHERE ",
            $filter
        )
    };
}
pub(crate) use language_fact;

/// Adds `$sign` times the `language` fact of the visits matching `$filter` to `report_counts`.
macro_rules! language_facts {
    ($filter:literal, $sign:literal) => {
        $crate::store::summary::add_to_days!(language_fact, $filter, $sign)
    };
}
pub(crate) use language_facts;

/// The same for `report_month_counts`, so a period of whole months counts languages too.
macro_rules! language_month_facts {
    ($filter:literal, $sign:literal) => {
        $crate::store::summary::add_to_months!(language_fact, $filter, $sign)
    };
}
pub(crate) use language_month_facts;

/// The `choice` fact of the visits `v` matching `$filter`, one row per answer to a choice field
/// (`visit::CHOICE_FIELDS`): the field's name, the option chosen. A visit with no answer to a
/// field (logged before it existed, or left empty) gives no row; the report counts it as not
/// recorded. A new field needs nothing here, and no step to count the visits before it.
macro_rules! choice_fact {
    ($tables:literal, $filter:literal) => {
        concat!(
            "SELECT v.local_day AS day, v.desk AS desk, 'choice' AS figure, c.field AS key, \
             c.value AS sub FROM ",
            $tables,
            "visits v JOIN ",
            $tables,
            "visit_choices c ON c.visit_id = v.id WHERE ",
            $filter
        )
    };
}
pub(crate) use choice_fact;

/// Adds `$sign` times the `choice` fact of the visits matching `$filter` to `report_counts`.
macro_rules! choice_facts {
    ($filter:literal, $sign:literal) => {
        $crate::store::summary::add_to_days!(choice_fact, $filter, $sign)
    };
}

/// The same for `report_month_counts`.
macro_rules! choice_month_facts {
    ($filter:literal, $sign:literal) => {
        $crate::store::summary::add_to_months!(choice_fact, $filter, $sign)
    };
}

/// Adds (`sign` 1) or takes away (`sign` -1) one visit's facts.
pub(crate) fn count_visit(tx: &Transaction<'_>, id: &str, sign: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(count_facts!("v.id = ?1", "?2"))?
        .execute(params![id, sign])?;
    tx.prepare_cached(count_month_facts!("v.id = ?1", "?2"))?
        .execute(params![id, sign])?;
    tx.prepare_cached(language_facts!("v.id = ?1", "?2"))?
        .execute(params![id, sign])?;
    tx.prepare_cached(language_month_facts!("v.id = ?1", "?2"))?
        .execute(params![id, sign])?;
    tx.prepare_cached(choice_facts!("v.id = ?1", "?2"))?
        .execute(params![id, sign])?;
    tx.prepare_cached(choice_month_facts!("v.id = ?1", "?2"))?
        .execute(params![id, sign])?;
    if sign < 0 {
        tx.prepare_cached("DELETE FROM report_counts WHERE n = 0 AND day IN (SELECT local_day FROM visits WHERE id = ?1)")?
            .execute([id])?;
        tx.prepare_cached(
            "DELETE FROM report_month_counts WHERE n = 0 AND month IN (SELECT \
             CAST(julianday(date(local_day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER) \
             FROM visits WHERE id = ?1)",
        )?
        .execute([id])?;
    }
    Ok(())
}

/// Takes away the facts of every visit that started before `cutoff` (milliseconds), before
/// they are deleted.
pub(crate) fn uncount_before(tx: &Transaction<'_>, cutoff: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(count_facts!("v.started_at < ?1", "-1"))?
        .execute([cutoff])?;
    tx.prepare_cached(count_month_facts!("v.started_at < ?1", "-1"))?
        .execute([cutoff])?;
    tx.prepare_cached(language_facts!("v.started_at < ?1", "-1"))?
        .execute([cutoff])?;
    tx.prepare_cached(language_month_facts!("v.started_at < ?1", "-1"))?
        .execute([cutoff])?;
    tx.prepare_cached(choice_facts!("v.started_at < ?1", "-1"))?
        .execute([cutoff])?;
    tx.prepare_cached(choice_month_facts!("v.started_at < ?1", "-1"))?
        .execute([cutoff])?;
    tx.prepare_cached("DELETE FROM report_counts WHERE n = 0")?
        .execute([])?;
    tx.prepare_cached("DELETE FROM report_month_counts WHERE n = 0")?
        .execute([])?;
    Ok(())
}

/// Takes away the facts of every visit at `desk`, before they are deleted.
pub(crate) fn uncount_desk(tx: &Transaction<'_>, desk: &str) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM report_counts WHERE desk = ?1")?
        .execute([desk])?;
    tx.prepare_cached("DELETE FROM report_month_counts WHERE desk = ?1")?
        .execute([desk])?;
    Ok(())
}

/// Adds the facts of every visit at `desk` (after a bulk load of visits at a desk of their own).
pub(crate) fn count_desk(tx: &Transaction<'_>, desk: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(count_facts!("v.desk = ?1", "1"))?
        .execute([desk])?;
    tx.prepare_cached(count_month_facts!("v.desk = ?1", "1"))?
        .execute([desk])?;
    tx.prepare_cached(language_facts!("v.desk = ?1", "1"))?
        .execute([desk])?;
    tx.prepare_cached(language_month_facts!("v.desk = ?1", "1"))?
        .execute([desk])?;
    tx.prepare_cached(choice_facts!("v.desk = ?1", "1"))?
        .execute([desk])?;
    tx.prepare_cached(choice_month_facts!("v.desk = ?1", "1"))?
        .execute([desk])?;
    Ok(())
}

impl super::Store {
    /// How many visits started on local days `from_day..=to_day` (days since 1970-01-01), at
    /// one desk or all, in each language: (spoken, written, visits), most visits first.
    pub fn visits_by_language(
        &self,
        from_day: i64,
        to_day: i64,
        desk: Option<&str>,
    ) -> Result<Vec<(String, String, u64)>, super::StoreError> {
        let sql = "SELECT key, sub, sum(n) FROM report_counts WHERE figure = 'language' \
                   AND day >= ?1 AND day <= ?2 AND (?3 IS NULL OR desk = ?3) \
                   GROUP BY key, sub HAVING sum(n) > 0 ORDER BY sum(n) DESC, key, sub";
        self.conn
            .prepare_cached(sql)
            .and_then(|mut stmt| {
                stmt.query_map(params![from_day, to_day, desk], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)?.max(0) as u64))
                })?
                .collect()
            })
            .map_err(|e| self.error("read", e))
    }
}
