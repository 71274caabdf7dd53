//! The report across desks: the same counts as a desk's own report, summed on the server from
//! its count tables (see `counts`), for [`crate::report::Report::build`] to make the same
//! figures from. A period is read as its whole months and the days either side, as a desk
//! reads its own.

use chrono::NaiveDate;

use super::{Central, CentralError};
use crate::store::{Count, Desks, split_period};

/// Every count of the local days `from` to `to` (both included) at `desks`, across every desk
/// that has synced.
///
/// Refused for a desk's role: row-level security would show it its own desk only, and its
/// figures must not pass for every desk's. Use the report role (`report_server`).
pub fn report_counts(
    central: &mut Central,
    from: NaiveDate,
    to: NaiveDate,
    desks: &Desks,
) -> Result<Vec<Count>, CentralError> {
    let server = central.server().to_string();
    let (desk, only) = match desks {
        Desks::Only(desk) => (desk.clone(), true),
        Desks::AllBut(desk) => (desk.clone(), false),
    };
    let ((a1, a2), (b1, b2), (m1, m2)) = split_period(from, to);
    let [a1, a2, b1, b2, m1, m2] = [a1, a2, b1, b2, m1, m2].map(|n| n as i32);
    const SQL: &str = "SELECT figure, key, sub, sum(n)::bigint FROM ( \
         SELECT desk, figure, key, sub, n FROM frontdesk.report_counts WHERE day BETWEEN $1 AND $2 \
         UNION ALL SELECT desk, figure, key, sub, n FROM frontdesk.report_counts WHERE day BETWEEN $3 AND $4 \
         UNION ALL SELECT desk, figure, key, sub, n FROM frontdesk.report_month_counts \
             WHERE month BETWEEN $5 AND $6) c \
         WHERE ($8 AND desk = $7) OR (NOT $8 AND desk <> $7) \
         GROUP BY 1, 2, 3 HAVING sum(n) > 0";
    let (is_desk, rows) = central.run(|client| async move {
        let tx = client.build_transaction().read_only(true).start().await?;
        let is_desk = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM frontdesk.desks WHERE role = current_user)",
                &[],
            )
            .await?
            .get::<_, bool>(0);
        if is_desk {
            return Ok((true, Vec::new()));
        }
        let rows = tx
            .query(SQL, &[&a1, &a2, &b1, &b2, &m1, &m2, &desk, &only])
            .await?;
        tx.commit().await?;
        Ok((false, rows))
    })?;
    if is_desk {
        return Err(CentralError::Other(format!(
            "the role in {server} is a desk's role and may read only its own desk's visits; set report_server (or FRONTDESK_REPORT_SERVER) to the report role's URL (see `frontdesk server init --report-role`)"
        )));
    }
    Ok(rows
        .into_iter()
        .map(|row| Count {
            figure: row.get(0),
            key: row.get(1),
            sub: row.get(2),
            n: row.get::<_, i64>(3).max(0) as u64,
        })
        .collect())
}
