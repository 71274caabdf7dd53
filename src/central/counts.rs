//! The report's counts on the server, kept as a desk keeps its own (see `store::summary`):
//! `frontdesk.report_counts` holds how many of each fact there are per local day and desk,
//! `frontdesk.report_month_counts` the same per calendar month. The facts are the desk's own
//! SQL, run over the server's tables, so a figure means the same in both places.
//!
//! A sync adds the facts of each visit it writes (counted by the desk, which sends them with
//! the batch, or here when they do not match what was written) and takes away those of the
//! version it replaces, in the same transaction (see `push`); a central purge takes away the facts of the
//! visits it deletes. Tombstones (visits undone at the desk) are counted nowhere. A report then
//! sums a few rows per day and desk, never the visits behind them.

use super::{Central, CentralError};

/// SQL that adds `$sign` (`1` or `-1`) times the counted facts `$counts` (SQL giving `day,
/// desk, figure, key, sub, n` rows) to both count tables, in one statement. Rows go in by day
/// (or month) and desk, so a day's counts sit together on disk even when a whole server is
/// counted at once.
macro_rules! add_counts {
    ($counts:expr, $sign:literal) => {
        concat!(
            "WITH facts AS (",
            $counts,
            "), by_day AS (INSERT INTO frontdesk.report_counts AS c (day, desk, figure, key, sub, n) \
             SELECT day, desk, figure, key, sub, ",
            $sign,
            " * n FROM facts ORDER BY day, desk \
             ON CONFLICT (day, desk, figure, key, sub) DO UPDATE SET n = c.n + excluded.n) \
             INSERT INTO frontdesk.report_month_counts AS c (month, desk, figure, key, sub, n) \
             SELECT day - extract(day FROM date '1970-01-01' + day)::integer + 1, desk, figure, key, sub, ",
            $sign,
            " * sum(n) FROM facts GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2 \
             ON CONFLICT (month, desk, figure, key, sub) DO UPDATE SET n = c.n + excluded.n"
        )
    };
}

/// SQL that adds `$sign` times the facts of the visits `v` in `$tables` (see `facts!`)
/// matching `$filter` to both count tables: every fact, the answers to the choice fields
/// included (their table came with version 5; see [`count_central_v3`] for before).
macro_rules! count_central {
    ($tables:literal, $filter:literal, $sign:literal) => {
        add_counts!(
            concat!(
                "SELECT day, desk, figure, coalesce(key, '') AS key, coalesce(sub, '') AS sub, \
                 count(*) AS n FROM (",
                $crate::store::summary::facts!($tables, $filter),
                " UNION ALL ",
                $crate::store::summary::language_fact!($tables, $filter),
                " UNION ALL ",
                $crate::store::summary::choice_fact!($tables, $filter),
                ") f WHERE day IS NOT NULL GROUP BY 1, 2, 3, 4, 5"
            ),
            $sign
        )
    };
}

/// The same, as the schema's version 3 counted the visits already on the server: before the
/// choice fields' table existed.
macro_rules! count_central_v3 {
    ($tables:literal, $filter:literal, $sign:literal) => {
        add_counts!(
            concat!(
                "SELECT day, desk, figure, coalesce(key, '') AS key, coalesce(sub, '') AS sub, \
                 count(*) AS n FROM (",
                $crate::store::summary::facts!($tables, $filter),
                " UNION ALL ",
                $crate::store::summary::language_fact!($tables, $filter),
                ") f WHERE day IS NOT NULL GROUP BY 1, 2, 3, 4, 5"
            ),
            $sign
        )
    };
}

/// The count tables and the counts of the visits already on the server: part of the central
/// schema's version 3 (which also gives them their row-level security: a desk keeps its own
/// desk's counts, a reader reads them all).
pub(super) const TABLES: &str = concat!(
    "CREATE TABLE frontdesk.report_counts (
        day integer NOT NULL,
        desk text NOT NULL,
        figure text NOT NULL,
        key text NOT NULL,
        sub text NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (day, desk, figure, key, sub)
    );
    CREATE TABLE frontdesk.report_month_counts (
        month integer NOT NULL,
        desk text NOT NULL,
        figure text NOT NULL,
        key text NOT NULL,
        sub text NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (month, desk, figure, key, sub)
    );
    SET LOCAL work_mem = '256MB';",
    count_central_v3!("frontdesk.", "NOT v.undone", "1"),
    "; ANALYZE frontdesk.report_counts; ANALYZE frontdesk.report_month_counts;"
);

/// The count tables, for the policies and grants they share.
pub(super) const COUNT_TABLES: &[&str] = &["report_counts", "report_month_counts"];

/// Takes away the facts of the server's visits listed in `stage_replaced` (their older
/// versions, about to be overwritten by a sync).
pub(super) const UNCOUNT_REPLACED: &str = concat!(
    count_central!(
        "frontdesk.",
        "v.id IN (SELECT id FROM stage_replaced)",
        "-1"
    ),
    "; DELETE FROM frontdesk.report_counts c USING (SELECT DISTINCT local_day, desk FROM stage_replaced) r \
     WHERE c.n = 0 AND c.day = r.local_day AND c.desk = r.desk; \
     DELETE FROM frontdesk.report_month_counts c USING (SELECT DISTINCT \
     local_day - extract(day FROM date '1970-01-01' + local_day)::integer + 1 AS month, desk \
     FROM stage_replaced) r WHERE c.n = 0 AND c.month = r.month AND c.desk = r.desk;"
);

/// Adds the facts of the visits in a sync's staging tables (by then only the versions it
/// wrote); tombstones add nothing. For a batch whose facts the desk's counts do not cover.
pub(super) const COUNT_APPLIED: &str = count_central!("stage_", "NOT v.undone", "1");

/// Adds the counts of its batch's facts a desk sent (`stage_facts`, see `store::outbox`): the
/// desk's own query over the rows it sent, counted while the batch before was on its way.
pub(super) const COUNT_SENT: &str = add_counts!(
    "SELECT day, desk, figure, key, sub, n FROM stage_facts",
    "1"
);

/// Takes away the facts of the visits that started before `$1` (milliseconds), before a
/// central purge deletes them.
pub(super) const UNCOUNT_BEFORE: &str =
    count_central!("frontdesk.", "v.started_at < $1 AND NOT v.undone", "-1");

/// Removes the counts that have come to nothing.
pub(super) const DROP_ZEROS: &str = "DELETE FROM frontdesk.report_counts WHERE n = 0; \
     DELETE FROM frontdesk.report_month_counts WHERE n = 0;";

/// Counts every visit on the server afresh, in one transaction (as the owner): after loading
/// visits by other means than a sync, or to check the counts kept.
pub fn recount(central: &mut Central) -> Result<(), CentralError> {
    central.run_long(|client| async move {
        let tx = client.transaction().await?;
        tx.batch_execute(concat!(
            "SET LOCAL work_mem = '256MB'; \
             LOCK TABLE frontdesk.report_counts, frontdesk.report_month_counts IN EXCLUSIVE MODE; \
             DELETE FROM frontdesk.report_counts; DELETE FROM frontdesk.report_month_counts;",
            count_central!("frontdesk.", "NOT v.undone", "1"),
            ";"
        ))
        .await?;
        tx.commit().await?;
        // The planner's figures for the tables just filled.
        client
            .batch_execute("ANALYZE frontdesk.report_counts, frontdesk.report_month_counts;")
            .await
    })
}

/// The counts made again from the visits on the server, by the facts' one definition: the
/// central schema's version 5 (a visit's length counted only when its start is known).
pub(super) const REBUILD: &str = concat!(
    "DELETE FROM frontdesk.report_counts; DELETE FROM frontdesk.report_month_counts; \
     SET LOCAL work_mem = '256MB';",
    count_central!("frontdesk.", "NOT v.undone", "1"),
    "; ANALYZE frontdesk.report_counts; ANALYZE frontdesk.report_month_counts;"
);
