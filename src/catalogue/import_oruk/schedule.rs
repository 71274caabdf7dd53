//! ORUK schedules (RFC 5545 recurrences: `freq`, `interval`, `byday`, `opens_at`, `closes_at`)
//! as the catalogue's opening hours ([`OpeningTimes`]: days, opens, closes).
//!
//! Only what the hours model can say exactly is turned into hours: every week (or every day) on
//! plain days of the week, between two times. Hours past midnight become two entries. A schedule
//! that repeats every other week, on the first Monday of the month, on days of the month, or
//! without times, is kept as words (its description) instead, so nothing wrong is ever shown as
//! "open now". A schedule whose `valid_to` has passed, or whose `valid_from` is still to come,
//! gives no hours.

use chrono::{Datelike, NaiveDate, Weekday};

use super::feed::Schedule;
use crate::catalogue::hours::{self, ClockTime, Days};
use crate::catalogue::model::OpeningTimes;

/// What became of one schedule.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// Weekly hours.
    Hours(Vec<OpeningTimes>),
    /// Current, but not weekly hours the catalogue can hold: why, for the import's notes.
    Words(&'static str),
    /// `valid_to` has passed.
    Ended(NaiveDate),
    /// `valid_from` is still to come.
    NotYet(NaiveDate),
}

/// RFC 5545 day codes, Monday first.
const CODES: [(&str, Weekday); 7] = [
    ("MO", Weekday::Mon),
    ("TU", Weekday::Tue),
    ("WE", Weekday::Wed),
    ("TH", Weekday::Thu),
    ("FR", Weekday::Fri),
    ("SA", Weekday::Sat),
    ("SU", Weekday::Sun),
];

/// Reads one schedule as it stands on `today`.
pub fn read(schedule: &Schedule, today: NaiveDate) -> Reading {
    if let Some(end) = date(schedule.valid_to.as_deref())
        && end < today
    {
        return Reading::Ended(end);
    }
    if let Some(start) = date(schedule.valid_from.as_deref())
        && start > today
    {
        return Reading::NotYet(start);
    }
    match weekly(schedule) {
        Ok(hours) => Reading::Hours(hours),
        Err(why) => Reading::Words(why),
    }
}

fn weekly(schedule: &Schedule) -> Result<Vec<OpeningTimes>, &'static str> {
    let freq = schedule
        .freq
        .as_deref()
        .map(|f| f.trim().to_ascii_uppercase())
        .unwrap_or_else(|| "WEEKLY".to_string());
    if let Some(interval) = schedule.interval
        && interval.0 != 1.0
    {
        return Err("it does not repeat every week");
    }
    let byday = schedule
        .byday
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty());
    let days: Vec<Weekday> = match (freq.as_str(), byday) {
        ("WEEKLY" | "DAILY", Some(byday)) => byday
            .split(',')
            .map(|code| {
                let code = code.trim().to_ascii_uppercase();
                CODES
                    .iter()
                    .find(|(c, _)| *c == code)
                    .map(|(_, day)| *day)
                    .ok_or("its days are not plain days of the week (e.g. the first Monday)")
            })
            .collect::<Result<_, _>>()?,
        ("DAILY", None) => CODES.iter().map(|(_, day)| *day).collect(),
        // RFC 5545: a weekly rule without BYDAY repeats on the weekday of its start.
        ("WEEKLY", None) => match date(schedule.dtstart.as_deref()) {
            Some(start) => vec![start.weekday()],
            None => return Err("it has no days (byday) and no start date"),
        },
        _ => return Err("it does not repeat weekly or daily"),
    };
    // RFC 5545 does not allow BYMONTHDAY in a weekly rule, so it is ignored there; in a daily
    // rule it picks days of the month, which weekly hours cannot say.
    if freq == "DAILY"
        && schedule
            .bymonthday
            .as_deref()
            .is_some_and(|d| !d.trim().is_empty())
    {
        return Err("it is for days of the month");
    }
    let (Some(opens), Some(closes)) = (
        time(schedule.opens_at.as_deref()),
        time(schedule.closes_at.as_deref()),
    ) else {
        return Err("it has no opening and closing times");
    };
    let days_text = |days: &[Weekday]| -> Result<String, &'static str> {
        let names: Vec<String> = days.iter().map(|d| full_name(*d).to_string()).collect();
        hours::parse_days(&names.join(", "))
            .map(Days::describe)
            .map_err(|_| "its days cannot be read")
    };
    let entry = |days: String, opens: ClockTime, closes: ClockTime| OpeningTimes {
        days,
        opens: hhmm(opens),
        closes: hhmm(closes),
    };
    let midnight = ClockTime::MIDNIGHT;
    if closes == midnight && opens == midnight {
        return Ok(vec![entry(
            days_text(&days)?,
            midnight,
            ClockTime::END_OF_DAY,
        )]);
    }
    if closes == midnight {
        return Ok(vec![entry(days_text(&days)?, opens, ClockTime::END_OF_DAY)]);
    }
    if closes == opens {
        return Err("it opens and closes at the same time");
    }
    if closes > opens {
        return Ok(vec![entry(days_text(&days)?, opens, closes)]);
    }
    // Past midnight: until midnight on the day, then from midnight on the next.
    let next: Vec<Weekday> = days.iter().map(|d| d.succ()).collect();
    Ok(vec![
        entry(days_text(&days)?, opens, ClockTime::END_OF_DAY),
        entry(days_text(&next)?, midnight, closes),
    ])
}

fn full_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// "2027-01-31", also the date part of a date and time.
fn date(text: Option<&str>) -> Option<NaiveDate> {
    let text = text?.trim();
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

/// "09:00", "09:00:00", "09:00:00.000Z", "09:00+01:00": the hour and minute, as written (a time
/// zone, if any, is the place's own).
fn time(text: Option<&str>) -> Option<ClockTime> {
    let text = text?.trim();
    let hm = text.get(..5).filter(|_| {
        text.len() == 5
            || matches!(
                text.as_bytes().get(5),
                Some(b':' | b'.' | b'Z' | b'+' | b'-')
            )
    })?;
    hours::parse_time(hm, "time").ok()
}

fn hhmm(time: ClockTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::hours::{OpenNow, open_now};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn schedule(freq: &str, byday: &str, opens: &str, closes: &str) -> Schedule {
        Schedule {
            freq: Some(freq.into()),
            byday: Some(byday.into()),
            opens_at: Some(opens.into()),
            closes_at: Some(closes.into()),
            ..Schedule::default()
        }
    }

    fn hours(reading: Reading) -> Vec<(String, String, String)> {
        match reading {
            Reading::Hours(times) => times
                .into_iter()
                .map(|t| (t.days, t.opens, t.closes))
                .collect(),
            other => panic!("expected hours, got {other:?}"),
        }
    }

    fn row(days: &str, opens: &str, closes: &str) -> (String, String, String) {
        (days.into(), opens.into(), closes.into())
    }

    #[test]
    fn weekly_days_and_times_become_opening_hours() {
        assert_eq!(
            hours(read(
                &schedule("WEEKLY", "MO,TU,WE,TH,FR", "09:00:00", "17:00:00"),
                today()
            )),
            [row("Monday to Friday", "09:00", "17:00")]
        );
        assert_eq!(
            hours(read(
                &schedule("weekly", "th, fr", "10:00", "18:30"),
                today()
            )),
            [row("Thursday and Friday", "10:00", "18:30")]
        );
        assert_eq!(
            hours(read(&schedule("DAILY", "", "00:00", "00:00"), today())),
            [row("every day", "00:00", "24:00")]
        );
    }

    #[test]
    fn hours_past_midnight_are_split_at_midnight_and_read_as_open() {
        let times = match read(&schedule("WEEKLY", "FR,SA", "22:00", "02:00"), today()) {
            Reading::Hours(times) => times,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            times
                .iter()
                .map(|t| (t.days.as_str(), t.opens.as_str(), t.closes.as_str()))
                .collect::<Vec<_>>(),
            [
                ("Friday and Saturday", "22:00", "24:00"),
                ("Saturday and Sunday", "00:00", "02:00")
            ]
        );
        // Saturday 01:00 is open (Friday night), Sunday 03:00 is not.
        let saturday = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert!(hours::is_open_at(
            &times,
            saturday.and_hms_opt(1, 0, 0).unwrap()
        ));
        let sunday = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        assert!(!hours::is_open_at(
            &times,
            sunday.and_hms_opt(3, 0, 0).unwrap()
        ));
        assert!(matches!(
            open_now(&times, saturday.and_hms_opt(23, 0, 0).unwrap()),
            OpenNow::Open { .. }
        ));
    }

    #[test]
    fn a_weekly_rule_without_days_repeats_on_its_start_day() {
        let mut s = schedule("WEEKLY", "", "10:00", "12:00");
        s.dtstart = Some("2026-12-02".into()); // a Wednesday
        assert_eq!(
            hours(read(&s, today())),
            [row("Wednesday", "10:00", "12:00")]
        );
    }

    #[test]
    fn what_weekly_hours_cannot_say_is_left_as_words() {
        let cases = [
            schedule("MONTHLY", "1MO", "10:00", "12:00"),
            schedule("WEEKLY", "1MO", "10:00", "12:00"),
            schedule("WEEKLY", "MO", "", "12:00"),
            schedule("WEEKLY", "MO", "10:00", "10:00"),
            schedule("WEEKLY", "MO", "10am", "12:00"),
            Schedule {
                interval: Some(super::super::feed::Number(2.0)),
                ..schedule("WEEKLY", "MO", "10:00", "12:00")
            },
            Schedule {
                bymonthday: Some("1,15".into()),
                ..schedule("DAILY", "", "10:00", "12:00")
            },
            schedule("WEEKLY", "", "10:00", "12:00"),
        ];
        for case in cases {
            assert!(
                matches!(read(&case, today()), Reading::Words(_)),
                "{case:?}"
            );
        }
    }

    #[test]
    fn ended_and_future_schedules_give_no_hours() {
        let mut s = schedule("WEEKLY", "MO", "10:00", "12:00");
        s.valid_to = Some("2005-01-01".into());
        assert!(matches!(read(&s, today()), Reading::Ended(_)));
        s.valid_to = Some("2026-11-30".into());
        assert!(
            matches!(read(&s, today()), Reading::Hours(_)),
            "the last day counts"
        );
        s.valid_from = Some("2027-01-01T00:00:00Z".into());
        assert!(matches!(read(&s, today()), Reading::NotYet(_)));
    }
}
