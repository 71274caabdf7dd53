//! The report's query: the counts of a period, summed from `report_counts` (see `summary`).
//!
//! One query over the days of the period, whatever the report shows: a year of a busy desk is a
//! few hundred thousand rows of counts, never the million visits behind them.

use chrono::{Datelike, Months, NaiveDate};
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

pub use crate::tally::Count;

/// The days of a period read day by day, and the whole calendar months between read month by
/// month: `(days, days, months)`, each an inclusive range of day numbers, empty as `(1, 0)`.
pub fn split_period(from: NaiveDate, to: NaiveDate) -> ((i64, i64), (i64, i64), (i64, i64)) {
    const NONE: (i64, i64) = (1, 0);
    let month_start = |d: NaiveDate| d.with_day(1).unwrap_or(d);
    let next_month = |d: NaiveDate| {
        month_start(d)
            .checked_add_months(Months::new(1))
            .unwrap_or(NaiveDate::MAX)
    };
    let first_full = if from.day() == 1 {
        from
    } else {
        next_month(from)
    };
    let last_full = if next_month(to).pred_opt() == Some(to) {
        to
    } else {
        month_start(to).pred_opt().unwrap_or(NaiveDate::MIN)
    };
    if first_full > last_full {
        return ((day_number(from), day_number(to)), NONE, NONE);
    }
    let before = match first_full.pred_opt() {
        Some(end) if from <= end => (day_number(from), day_number(end)),
        _ => NONE,
    };
    let after = match last_full.succ_opt() {
        Some(start) if start <= to => (day_number(start), day_number(to)),
        _ => NONE,
    };
    let months = (day_number(first_full), day_number(month_start(last_full)));
    (before, after, months)
}

impl Store {
    /// Every count of the local days `from` to `to` (both included) at `desks`, then the
    /// counts of the bookings and tickets of those days ([`crate::appointments::facts`]).
    /// Bookings and the waiting list belong to the data folder, shared by every desk using
    /// it, so they are counted whichever desks the visits are.
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
        let ((a1, a2), (b1, b2), (m1, m2)) = split_period(from, to);
        const SQL: &str = "SELECT figure, key, sub, sum(n) FROM ( \
             SELECT figure, key, sub, n FROM report_counts WHERE day >= ?1 AND day <= ?2 \
                 AND ((?8 = 1 AND desk = ?7) OR (?8 = 0 AND desk <> ?7)) \
             UNION ALL SELECT figure, key, sub, n FROM report_counts WHERE day >= ?3 AND day <= ?4 \
                 AND ((?8 = 1 AND desk = ?7) OR (?8 = 0 AND desk <> ?7)) \
             UNION ALL SELECT figure, key, sub, n FROM report_month_counts WHERE month >= ?5 AND month <= ?6 \
                 AND ((?8 = 1 AND desk = ?7) OR (?8 = 0 AND desk <> ?7))) \
             GROUP BY 1, 2, 3";
        let read = || -> rusqlite::Result<Vec<Count>> {
            let mut stmt = self.conn.prepare_cached(SQL)?;
            let rows = stmt.query_map(params![a1, a2, b1, b2, m1, m2, desk, only], |r| {
                Ok(Count {
                    figure: r.get(0)?,
                    key: r.get(1)?,
                    sub: r.get(2)?,
                    n: r.get::<_, i64>(3)?.max(0) as u64,
                })
            })?;
            rows.collect()
        };
        let mut counts = read().map_err(|e| self.error("read", e))?;
        counts.extend(crate::appointments::facts::counts(
            &self.bookings_between_days(from, to)?,
            &self.tickets_between_days(from, to)?,
        ));
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_period_is_whole_months_and_the_days_either_side() {
        let n = |date| day_number(date);
        // Within one month: days only.
        assert_eq!(
            split_period(d(2026, 11, 3), d(2026, 11, 20)),
            ((n(d(2026, 11, 3)), n(d(2026, 11, 20))), (1, 0), (1, 0))
        );
        // A whole month: the month only.
        assert_eq!(
            split_period(d(2026, 2, 1), d(2026, 2, 28)),
            ((1, 0), (1, 0), (n(d(2026, 2, 1)), n(d(2026, 2, 1))))
        );
        // Mid-December 2025 to mid-November 2026.
        assert_eq!(
            split_period(d(2025, 12, 15), d(2026, 11, 14)),
            (
                (n(d(2025, 12, 15)), n(d(2025, 12, 31))),
                (n(d(2026, 11, 1)), n(d(2026, 11, 14))),
                (n(d(2026, 1, 1)), n(d(2026, 10, 1)))
            )
        );
        // Across two partial months with no whole month between.
        assert_eq!(
            split_period(d(2026, 3, 20), d(2026, 4, 10)),
            ((n(d(2026, 3, 20)), n(d(2026, 4, 10))), (1, 0), (1, 0))
        );
    }
}
