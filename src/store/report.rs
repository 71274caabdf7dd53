//! The report's query: the counts of a period, summed from `report_counts` (see `summary`).
//!
//! One query over the days of the period, whatever the report shows: a year of a busy desk is a
//! few hundred thousand rows of counts, never the million visits behind them.

use chrono::NaiveDate;
use rusqlite::params;

use super::{Store, StoreError, day_number};

/// Which desks a report counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Desks {
    /// One desk only.
    Only(String),
    /// Every desk but this one (made-up visits are kept at a desk of their own).
    AllBut(String),
}

/// How many of one fact the period holds. For `hour`, `key` is the local weekday (0 Monday to
/// 6 Sunday) and `sub` the local hour; otherwise they are as `summary` names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub figure: String,
    pub key: String,
    pub sub: String,
    pub n: u64,
}

/// The weekday of a day number (days since Thursday 1970-01-01), 0 for Monday.
const WEEKDAY_SQL: &str = "CAST((((day % 7) + 7 + 3) % 7) AS TEXT)";

impl Store {
    /// Every count of the local days `from` to `to` (both included) at `desks`.
    pub fn report_counts(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        desks: &Desks,
    ) -> Result<Vec<Count>, StoreError> {
        let (desk, only) = match desks {
            Desks::Only(desk) => (desk.as_str(), 1),
            Desks::AllBut(desk) => (desk.as_str(), 0),
        };
        let sql = format!(
            "SELECT figure, \
                 CASE WHEN figure = 'hour' THEN {WEEKDAY_SQL} ELSE key END, \
                 CASE WHEN figure = 'hour' THEN key ELSE sub END, \
                 sum(n) \
             FROM report_counts \
             WHERE day >= ?1 AND day <= ?2 AND ((?4 = 1 AND desk = ?3) OR (?4 = 0 AND desk <> ?3)) \
             GROUP BY 1, 2, 3"
        );
        let read = || -> rusqlite::Result<Vec<Count>> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows =
                stmt.query_map(params![day_number(from), day_number(to), desk, only], |r| {
                    Ok(Count {
                        figure: r.get(0)?,
                        key: r.get(1)?,
                        sub: r.get(2)?,
                        n: r.get::<_, i64>(3)?.max(0) as u64,
                    })
                })?;
            rows.collect()
        };
        read().map_err(|e| self.error("read", e))
    }
}
