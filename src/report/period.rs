//! Calendar periods: a day, a week (Monday to Sunday), a month, or a range of days. One type for
//! the report screen and for `frontdesk report --period`, so both count the same days, step back
//! and forward by the same calendar unit and share one default ([`CalendarPeriod::DEFAULT`]).

use chrono::{Datelike, Duration, Months, NaiveDate};

/// What kind of period it is: a range steps by its own length, the others by the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Day,
    /// Monday to Sunday.
    Week,
    Month,
    /// Days chosen by hand (`--from`/`--to`, or stretched on the screen).
    Range,
}

/// A period of local days, both ends included. A week or a month that has not ended yet ends
/// today: days still to come hold no visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarPeriod {
    pub kind: PeriodKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The words `--period` takes besides YYYY-MM, for the help and for the error.
pub const PERIOD_WORDS: &str = "today, yesterday, week, last-week, month, last-month or YYYY-MM";

impl CalendarPeriod {
    /// The period the report screen opens on and `frontdesk report` shows without `--period`,
    /// `--from` or `--to`.
    pub const DEFAULT: &'static str = "today";

    /// The day `day`.
    pub fn day(day: NaiveDate) -> CalendarPeriod {
        CalendarPeriod {
            kind: PeriodKind::Day,
            from: day,
            to: day,
        }
    }

    /// The week (Monday to Sunday) holding `day`, ending no later than `today`.
    pub fn week_of(day: NaiveDate, today: NaiveDate) -> CalendarPeriod {
        let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
        CalendarPeriod {
            kind: PeriodKind::Week,
            from: monday,
            to: (monday + Duration::days(6)).min(today.max(monday)),
        }
    }

    /// The month holding `day`, ending no later than `today`.
    pub fn month_of(day: NaiveDate, today: NaiveDate) -> CalendarPeriod {
        let first = day.with_day(1).unwrap_or(day);
        let last = (first + Months::new(1)).pred_opt().unwrap_or(first);
        CalendarPeriod {
            kind: PeriodKind::Month,
            from: first,
            to: last.min(today.max(first)),
        }
    }

    /// The days `from` to `to`, both included.
    pub fn range(from: NaiveDate, to: NaiveDate) -> CalendarPeriod {
        CalendarPeriod {
            kind: PeriodKind::Range,
            from,
            to,
        }
    }

    /// Reads `today`, `yesterday`, `week`, `last-week`, `month`, `last-month` or `YYYY-MM`; the
    /// error is one sentence naming what is accepted.
    pub fn parse(text: &str, today: NaiveDate) -> Result<CalendarPeriod, String> {
        let word = text.trim().to_ascii_lowercase();
        let period = match word.as_str() {
            "today" => CalendarPeriod::day(today),
            "yesterday" => CalendarPeriod::day(today - Duration::days(1)),
            "week" | "this-week" => CalendarPeriod::week_of(today, today),
            "last-week" => CalendarPeriod::week_of(today - Duration::days(7), today),
            "month" | "this-month" => CalendarPeriod::month_of(today, today),
            "last-month" => {
                let first = today.with_day(1).unwrap_or(today);
                CalendarPeriod::month_of(first - Duration::days(1), today)
            }
            _ => match NaiveDate::parse_from_str(&format!("{word}-01"), "%Y-%m-%d") {
                Ok(first) if word.len() == 7 => CalendarPeriod::month_of(first, today),
                _ => return Err(format!("'{text}' is not a period; use {PERIOD_WORDS}")),
            },
        };
        Ok(period)
    }

    /// How many days the period holds.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The period before: yesterday, last week, last month, or a range as long just before.
    pub fn earlier(&self, today: NaiveDate) -> CalendarPeriod {
        match self.kind {
            PeriodKind::Day => CalendarPeriod::day(self.from - Duration::days(1)),
            PeriodKind::Week => CalendarPeriod::week_of(self.from - Duration::days(7), today),
            PeriodKind::Month => CalendarPeriod::month_of(self.from - Duration::days(1), today),
            PeriodKind::Range => {
                let days = Duration::days(self.days());
                CalendarPeriod::range(self.from - days, self.to - days)
            }
        }
    }

    /// The period after, if it has begun by `today` (a range moves no further than `today`).
    pub fn later(&self, today: NaiveDate) -> Option<CalendarPeriod> {
        let next = match self.kind {
            PeriodKind::Day => CalendarPeriod::day(self.from + Duration::days(1)),
            PeriodKind::Week => CalendarPeriod::week_of(self.from + Duration::days(7), today),
            PeriodKind::Month => CalendarPeriod::month_of(self.from + Months::new(1), today),
            PeriodKind::Range => {
                let days = Duration::days(self.days()).min(today - self.to);
                if days <= Duration::zero() {
                    return None;
                }
                CalendarPeriod::range(self.from + days, self.to + days)
            }
        };
        (next.from <= today).then_some(next)
    }

    /// The period's name for a title: "Today", "Yesterday", "Monday 23 November 2026", "This
    /// week", "Week of 16 November", "This month", "November 2026", or its first and last days.
    pub fn name(&self, lang: crate::text::Language, today: NaiveDate) -> String {
        use crate::text::report as words;
        match self.kind {
            PeriodKind::Day if self.from == today => words::period_today(lang).to_string(),
            PeriodKind::Day if self.from + Duration::days(1) == today => {
                words::period_yesterday(lang).to_string()
            }
            PeriodKind::Day => words::period_day(lang, self.from),
            PeriodKind::Week => words::period_week(lang, self.from, self.to >= today),
            PeriodKind::Month => words::period_month(lang, self.from),
            PeriodKind::Range => words::period(lang, &self.from.to_string(), &self.to.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Monday 7 December 2026.
    fn monday() -> NaiveDate {
        d(2026, 12, 7)
    }

    #[test]
    fn each_word_names_its_calendar_days() {
        let today = d(2026, 11, 25);
        let p = |w: &str| {
            let p = CalendarPeriod::parse(w, today).unwrap();
            (p.kind, p.from, p.to)
        };
        assert_eq!(p("today"), (PeriodKind::Day, today, today));
        assert_eq!(
            p("Yesterday"),
            (PeriodKind::Day, d(2026, 11, 24), d(2026, 11, 24))
        );
        assert_eq!(p("week"), (PeriodKind::Week, d(2026, 11, 23), today));
        assert_eq!(
            p("last-week"),
            (PeriodKind::Week, d(2026, 11, 16), d(2026, 11, 22))
        );
        assert_eq!(p("month"), (PeriodKind::Month, d(2026, 11, 1), today));
        assert_eq!(
            p("last-month"),
            (PeriodKind::Month, d(2026, 10, 1), d(2026, 10, 31))
        );
        assert_eq!(
            p("2024-02"),
            (PeriodKind::Month, d(2024, 2, 1), d(2024, 2, 29))
        );
        for bad in ["fortnight", "2026-13", "2026-1", "", "2026-11-01"] {
            let e = CalendarPeriod::parse(bad, today).unwrap_err();
            assert!(e.contains("is not a period; use today, yesterday"), "{e}");
        }
    }

    #[test]
    fn stepping_back_and_forward_goes_by_the_calendar_not_by_the_days_elapsed() {
        // This month on the 7th goes back to the whole of last month, not seven days.
        let month = CalendarPeriod::parse("month", monday()).unwrap();
        let last = month.earlier(monday());
        assert_eq!((last.from, last.to), (d(2026, 11, 1), d(2026, 11, 30)));
        assert_eq!(last.later(monday()), Some(month));
        assert_eq!(month.later(monday()), None);
        // This week on a Monday goes back to last Monday to Sunday, not one day.
        let week = CalendarPeriod::parse("week", monday()).unwrap();
        assert_eq!((week.from, week.to), (monday(), monday()));
        let last = week.earlier(monday());
        assert_eq!((last.from, last.to), (d(2026, 11, 30), d(2026, 12, 6)));
        assert_eq!(last.later(monday()), Some(week));
        // Today goes back to yesterday, and no further forward than today.
        let today = CalendarPeriod::day(monday());
        assert_eq!(today.earlier(monday()), CalendarPeriod::day(d(2026, 12, 6)));
        assert_eq!(today.later(monday()), None);
        // Back from March goes to the whole of February, across a year too.
        let march = CalendarPeriod::parse("2026-03", monday()).unwrap();
        assert_eq!(march.earlier(monday()).to, d(2026, 2, 28));
        let january = CalendarPeriod::parse("2026-01", monday()).unwrap();
        assert_eq!(january.earlier(monday()).from, d(2025, 12, 1));
    }

    #[test]
    fn a_title_names_the_period() {
        use crate::text::Language::English;
        let today = monday();
        let name = |w: &str| {
            CalendarPeriod::parse(w, today)
                .unwrap()
                .name(English, today)
        };
        assert_eq!(name("today"), "Today");
        assert_eq!(name("yesterday"), "Yesterday");
        assert_eq!(name("week"), "This week");
        assert_eq!(name("last-week"), "Week of 30 November");
        assert_eq!(name("month"), "December 2026");
        assert_eq!(name("last-month"), "November 2026");
        let day = CalendarPeriod::day(d(2026, 11, 23)).name(English, today);
        assert_eq!(day, "Monday 23 November 2026");
    }
}
