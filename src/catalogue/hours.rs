//! Opening hours: reading the `days`, `opens` and `closes` of [`OpeningTimes`], and saying in
//! plain words whether a place is open now and when it opens next.
//!
//! Everything here is a pure function: the clock is passed in, so the desk, `check` and the tests
//! all agree on what "now" is.

use std::fmt;

use chrono::{Datelike, NaiveDateTime, Timelike, Weekday};

use super::model::OpeningTimes;
use super::problem::quoted;

const MINUTES_PER_DAY: u32 = 24 * 60;
const MINUTES_PER_WEEK: u32 = 7 * MINUTES_PER_DAY;

/// Monday first, as the week is written in the catalogue.
const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// What a `days` value may look like, for messages.
const DAYS_FORMS: &str = "write a day (\"Monday\" or \"Mon\"), a range (\"Monday to Friday\"), \
a list (\"Monday, Wednesday and Friday\"), \"weekdays\", \"weekends\" or \"every day\"";

fn day_index(day: Weekday) -> usize {
    day.num_days_from_monday() as usize
}

fn day_name(day: Weekday) -> &'static str {
    DAY_NAMES[day_index(day)]
}

/// A set of days of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Days(u8);

impl Days {
    pub const EVERY_DAY: Days = Days(0b111_1111);
    pub const WEEKDAYS: Days = Days(0b001_1111);
    pub const WEEKENDS: Days = Days(0b110_0000);

    pub fn of(day: Weekday) -> Days {
        Days(1 << day_index(day))
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day_index(day)) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn with(self, other: Days) -> Days {
        Days(self.0 | other.0)
    }

    /// Every day from `first` to `last`, wrapping over the weekend ("Friday to Monday").
    fn range(first: Weekday, last: Weekday) -> Days {
        let mut days = Days::of(first);
        let mut day = first;
        while day != last {
            day = day.succ();
            days = days.with(Days::of(day));
        }
        days
    }

    /// The days in plain words: "every day", "Monday to Friday", "Saturday and Sunday",
    /// "Monday, Wednesday and Friday", "Friday to Monday".
    pub fn describe(self) -> String {
        if self == Days::EVERY_DAY {
            return "every day".to_string();
        }
        if self.is_empty() {
            return "no days".to_string();
        }
        let mut items: Vec<String> = Vec::new();
        for run in self.runs() {
            match run.as_slice() {
                [first, .., last] if run.len() >= 3 => {
                    items.push(format!("{} to {}", day_name(*first), day_name(*last)));
                }
                days => items.extend(days.iter().map(|d| day_name(*d).to_string())),
            }
        }
        join_and(&items)
    }

    /// The days as runs of days in a row, in the order they are said: a run of three or more
    /// is said as a range ("Monday to Friday"), a shorter one day by day. A run over the weekend
    /// stays in one piece ("Friday to Monday").
    pub fn runs(self) -> Vec<Vec<Weekday>> {
        // Start after a day the place is closed, so a run over the weekend stays in one piece.
        let start = (0..7)
            .find(|&i| self.contains(WEEK[i]) && !self.contains(WEEK[(i + 6) % 7]))
            .unwrap_or(0);
        let mut runs: Vec<Vec<Weekday>> = Vec::new();
        let mut run: Vec<Weekday> = Vec::new();
        for offset in 0..7 {
            let day = WEEK[(start + offset) % 7];
            if self.contains(day) {
                run.push(day);
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
        runs
    }
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A time of day to the minute, from 00:00 to 24:00 (midnight at the end of the day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

impl ClockTime {
    pub const MIDNIGHT: ClockTime = ClockTime(0);
    pub const END_OF_DAY: ClockTime = ClockTime(24 * 60);

    /// `None` unless 00:00 <= hour:minute <= 24:00.
    pub fn from_hm(hour: u32, minute: u32) -> Option<ClockTime> {
        let minutes = hour.checked_mul(60)?.checked_add(minute)?;
        if minute < 60 && minutes <= MINUTES_PER_DAY {
            u16::try_from(minutes).ok().map(ClockTime)
        } else {
            None
        }
    }

    pub fn hour(self) -> u32 {
        u32::from(self.0) / 60
    }

    pub fn minute(self) -> u32 {
        u32::from(self.0) % 60
    }

    /// Minutes since the start of the day.
    pub fn minutes(self) -> u32 {
        u32::from(self.0)
    }
}

/// GOV.UK style: "9am", "5:30pm", "midday", "midnight", "12:30pm".
impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (hour, minute) = (self.hour() % 24, self.minute());
        match (hour, minute) {
            (0, 0) => f.write_str("midnight"),
            (12, 0) => f.write_str("midday"),
            _ => {
                let suffix = if hour < 12 { "am" } else { "pm" };
                let twelve = match hour % 12 {
                    0 => 12,
                    h => h,
                };
                if minute == 0 {
                    write!(f, "{twelve}{suffix}")
                } else {
                    write!(f, "{twelve}:{minute:02}{suffix}")
                }
            }
        }
    }
}

/// One entry of opening hours, checked: on these days, from `opens` to `closes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    pub days: Days,
    pub opens: ClockTime,
    pub closes: ClockTime,
}

impl Session {
    /// Open from midnight to midnight.
    pub fn is_all_day(&self) -> bool {
        self.opens == ClockTime::MIDNIGHT && self.closes == ClockTime::END_OF_DAY
    }

    /// "9am to 5pm", or "open 24 hours".
    pub fn describe_times(&self) -> String {
        if self.is_all_day() {
            "open 24 hours".to_string()
        } else {
            format!("{} to {}", self.opens, self.closes)
        }
    }
}

/// Which part of an [`OpeningTimes`] entry is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoursField {
    Days,
    Opens,
    Closes,
}

impl HoursField {
    pub fn key(self) -> &'static str {
        match self {
            HoursField::Days => "days",
            HoursField::Opens => "opens",
            HoursField::Closes => "closes",
        }
    }
}

/// A problem with one entry of opening hours: the field and a sentence saying how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursError {
    pub field: HoursField,
    pub message: String,
}

/// Reads a `days` value: "Monday", "Mon to Fri", "Monday, Wednesday and Friday", "Monday and
/// Thursday", "weekdays", "weekends", "every day". Case does not matter; a list may mix days and
/// ranges ("Monday to Wednesday and Friday").
pub fn parse_days(text: &str) -> Result<Days, String> {
    let bad = || {
        format!(
            "days {} is not a day or set of days; {DAYS_FORMS}",
            quoted(text)
        )
    };
    let lower = text.to_lowercase().replace('&', " and ");
    let normal = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if normal.is_empty() {
        return Err(bad());
    }
    let mut days = Days::default();
    for piece in normal.split(',') {
        let piece = piece.trim();
        // An Oxford comma: "Monday, Wednesday, and Friday".
        let piece = piece.strip_prefix("and ").unwrap_or(piece);
        for item in piece.split(" and ") {
            days = days.with(parse_days_item(item.trim()).ok_or_else(bad)?);
        }
    }
    Ok(days)
}

fn parse_days_item(item: &str) -> Option<Days> {
    match item {
        "every day" | "everyday" | "daily" | "all week" => return Some(Days::EVERY_DAY),
        "weekdays" | "weekday" => return Some(Days::WEEKDAYS),
        "weekends" | "weekend" => return Some(Days::WEEKENDS),
        _ => {}
    }
    for separator in [" to ", "-", "–", "—"] {
        if let Some((first, last)) = item.split_once(separator) {
            let (first, last) = (parse_day(first.trim())?, parse_day(last.trim())?);
            return (first != last).then(|| Days::range(first, last));
        }
    }
    parse_day(item).map(Days::of)
}

/// A day's full name or its first three letters or more ("mon", "tues", "thurs"), or a plural
/// ("Mondays").
fn parse_day(word: &str) -> Option<Weekday> {
    if word.len() < 3 || !word.is_ascii() {
        return None;
    }
    WEEK.iter().copied().find(|&day| {
        let name = day_name(day).to_ascii_lowercase();
        name.starts_with(word) || word.strip_suffix('s') == Some(name.as_str())
    })
}

/// Reads a 24-hour "HH:MM" time ("09:00", "17:30", "9:00"); "24:00" is midnight at the end of the
/// day. `field` names the value in the message ("opens", "closes").
pub fn parse_time(text: &str, field: &str) -> Result<ClockTime, String> {
    let bad = || {
        format!(
            "{field} {} is not a time; write it as 24-hour HH:MM, e.g. \"09:00\" or \"17:30\"",
            quoted(text)
        )
    };
    let (hour, minute) = text.trim().split_once(':').ok_or_else(bad)?;
    let digits = |s: &str, lengths: &[usize]| {
        (lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let hour = digits(hour, &[1, 2]).ok_or_else(bad)?;
    let minute = digits(minute, &[2]).ok_or_else(bad)?;
    ClockTime::from_hm(hour, minute).ok_or_else(bad)
}

/// Checks one entry of opening hours, reporting every field that is wrong.
pub fn parse_session(times: &OpeningTimes) -> Result<Session, Vec<HoursError>> {
    let mut errors = Vec::new();
    let mut error = |field, message| errors.push(HoursError { field, message });
    let days = parse_days(&times.days).map_err(|m| error(HoursField::Days, m));
    let opens = parse_time(&times.opens, "opens").map_err(|m| error(HoursField::Opens, m));
    let closes = parse_time(&times.closes, "closes").map_err(|m| error(HoursField::Closes, m));
    if let Ok(opens) = opens {
        if opens == ClockTime::END_OF_DAY {
            error(
                HoursField::Opens,
                "opens \"24:00\" is the end of the day; write \"00:00\" for a place that opens at midnight".to_string(),
            );
        } else if let Ok(closes) = closes
            && closes <= opens
        {
            error(
                HoursField::Closes,
                format!(
                    "closes {} is not after opens {}; hours cannot run past midnight, so split them into two entries, the first closing at \"24:00\"",
                    quoted(&times.closes),
                    quoted(&times.opens)
                ),
            );
        }
    }
    match (days, opens, closes) {
        (Ok(days), Ok(opens), Ok(closes)) if errors.is_empty() => Ok(Session {
            days,
            opens,
            closes,
        }),
        _ => Err(errors),
    }
}

/// The entries that are well formed; `check` reports the others.
fn sessions(hours: &[OpeningTimes]) -> Vec<Session> {
    hours.iter().filter_map(|t| parse_session(t).ok()).collect()
}

/// True when one of the entries covers this moment (opening time included, closing time not).
pub fn is_open_at(hours: &[OpeningTimes], at: NaiveDateTime) -> bool {
    let minute = at.hour() * 60 + at.minute();
    sessions(hours).iter().any(|s| {
        s.days.contains(at.weekday()) && s.opens.minutes() <= minute && minute < s.closes.minutes()
    })
}

/// A moment in the coming week, seen from "now": the day, the time, and how many days ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub weekday: Weekday,
    /// 24:00 means midnight at the end of that day.
    pub time: ClockTime,
    /// 0 is today, 1 tomorrow, 7 the same day next week.
    pub days_ahead: u32,
}

impl Moment {
    /// `minutes` after the start of the day of `from`; a moment exactly at a midnight is the end
    /// of the day before when `end_of_day` is true ("until midnight"), the start of the day when not.
    fn after(from: NaiveDateTime, minutes: u32, end_of_day: bool) -> Moment {
        let mut days_ahead = minutes / MINUTES_PER_DAY;
        let mut of_day = minutes % MINUTES_PER_DAY;
        if end_of_day && of_day == 0 && days_ahead > 0 {
            days_ahead -= 1;
            of_day = MINUTES_PER_DAY;
        }
        let weekday = WEEK[(day_index(from.weekday()) + days_ahead as usize) % 7];
        let time = ClockTime::from_hm(of_day / 60, of_day % 60).unwrap_or(ClockTime::MIDNIGHT);
        Moment {
            weekday,
            time,
            days_ahead,
        }
    }

    /// "today", "tomorrow", "Monday", "next Monday", "Monday, in 10 days" (after a closure).
    fn day_words(&self) -> String {
        match self.days_ahead {
            0 => "today".to_string(),
            1 => "tomorrow".to_string(),
            2..=6 => day_name(self.weekday).to_string(),
            7 => format!("next {}", day_name(self.weekday)),
            n => format!("{}, in {n} days", day_name(self.weekday)),
        }
    }

    /// Short words for a list: "today", "tomorrow", the day's first three letters ("Mon"), or
    /// with the number of days after a long closure ("Mon, in 10 days").
    fn short_day_words(&self) -> String {
        let short = &day_name(self.weekday)[..3];
        match self.days_ahead {
            0 => "today".to_string(),
            1 => "tomorrow".to_string(),
            2..=7 => short.to_string(),
            n => format!("{short}, in {n} days"),
        }
    }
}

/// Whether a place is open, in words a resident understands (see its `Display`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenNow {
    /// Open; `until` is when it next closes, `None` when it never does (open 24 hours, every day).
    Open { until: Option<Moment> },
    /// Closed; `next_opening` is when it next opens.
    Closed { next_opening: Option<Moment> },
    /// No opening hours are known.
    Unknown,
}

impl fmt::Display for OpenNow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenNow::Open { until: None } => f.write_str("Open 24 hours"),
            OpenNow::Open { until: Some(end) } => {
                let midnight = end.time == ClockTime::END_OF_DAY;
                match (end.days_ahead, midnight) {
                    (0, true) => f.write_str("Open now until midnight"),
                    (0, false) => write!(f, "Open now until {}", end.time),
                    (1, true) => f.write_str("Open now until midnight tomorrow"),
                    (_, true) => write!(f, "Open now until midnight on {}", end.day_words()),
                    (_, false) => write!(f, "Open now until {} at {}", end.day_words(), end.time),
                }
            }
            OpenNow::Closed {
                next_opening: Some(start),
            } => write!(
                f,
                "Closed now; opens {} at {}",
                start.day_words(),
                start.time
            ),
            OpenNow::Closed { next_opening: None } => f.write_str("Closed now"),
            OpenNow::Unknown => f.write_str("Opening hours not known"),
        }
    }
}

impl OpenNow {
    /// The short form for a list of results: "open, closes 5pm", "closed, opens Mon 9am",
    /// "open 24 hours", "hours not known".
    pub fn short(&self) -> String {
        match self {
            OpenNow::Open { until: None } => "open 24 hours".to_string(),
            OpenNow::Open { until: Some(end) } => match (end.days_ahead, end.time) {
                (0, _) | (1, ClockTime::END_OF_DAY) => {
                    format!("open, closes {}", end.time)
                }
                _ => format!("open, closes {} {}", end.short_day_words(), end.time),
            },
            OpenNow::Closed {
                next_opening: Some(start),
            } => format!("closed, opens {} {}", start.short_day_words(), start.time),
            OpenNow::Closed { next_opening: None } => "closed".to_string(),
            OpenNow::Unknown => "hours not known".to_string(),
        }
    }

    /// True when open now.
    pub fn is_open(&self) -> bool {
        matches!(self, OpenNow::Open { .. })
    }
}

/// Like [`open_now`], for a place that is also shut on `closed` dates (bank holidays): on such a
/// day it is closed, and the next opening skips them.
pub fn open_now_except(
    hours: &[OpeningTimes],
    closed: &[crate::catalogue::ClosedDate],
    at: NaiveDateTime,
) -> OpenNow {
    let shut = |day: chrono::NaiveDate| closed.iter().any(|c| c.0 == day);
    let today = at.date();
    if !shut(today) {
        match open_now(hours, at) {
            OpenNow::Closed {
                next_opening: Some(next),
            } if today
                .checked_add_days(chrono::Days::new(u64::from(next.days_ahead)))
                .is_some_and(shut) => {}
            other => return other,
        }
    }
    // Closed today, or the next opening falls on a closed day: the first day after today that
    // is not closed and opens.
    for ahead in 1..=(closed.len() as u32 + 8) {
        let Some(day) = today.checked_add_days(chrono::Days::new(u64::from(ahead))) else {
            break;
        };
        if shut(day) {
            continue;
        }
        let midnight = day.and_time(chrono::NaiveTime::MIN);
        let time = match open_now(hours, midnight) {
            OpenNow::Open { .. } => ClockTime::MIDNIGHT,
            OpenNow::Closed {
                next_opening: Some(next),
            } if next.days_ahead == 0 => next.time,
            OpenNow::Closed { .. } => continue,
            OpenNow::Unknown => return OpenNow::Unknown,
        };
        return OpenNow::Closed {
            next_opening: Some(Moment {
                weekday: day.weekday(),
                time,
                days_ahead: ahead,
            }),
        };
    }
    OpenNow::Closed { next_opening: None }
}

/// The week's open periods as minutes since Monday 00:00, merged where they touch or overlap.
fn week_periods(sessions: &[Session]) -> Vec<(u32, u32)> {
    let mut periods: Vec<(u32, u32)> = sessions
        .iter()
        .flat_map(|s| {
            WEEK.iter().filter(|d| s.days.contains(**d)).map(|d| {
                let base = day_index(*d) as u32 * MINUTES_PER_DAY;
                (base + s.opens.minutes(), base + s.closes.minutes())
            })
        })
        .collect();
    periods.sort_unstable();
    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(periods.len());
    for (start, end) in periods {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Whether the place is open at `at`, until when, or when it opens next.
pub fn open_now(hours: &[OpeningTimes], at: NaiveDateTime) -> OpenNow {
    let periods = week_periods(&sessions(hours));
    let (Some(&first), Some(&last)) = (periods.first(), periods.last()) else {
        return OpenNow::Unknown;
    };
    if periods.len() == 1 && first == (0, MINUTES_PER_WEEK) {
        return OpenNow::Open { until: None };
    }
    // Sunday night running into Monday morning is one open period.
    let wraps = first.0 == 0 && last.1 == MINUTES_PER_WEEK;
    let of_day = at.hour() * 60 + at.minute();
    let now = day_index(at.weekday()) as u32 * MINUTES_PER_DAY + of_day;
    if let Some(&(_, end)) = periods.iter().find(|(s, e)| *s <= now && now < *e) {
        let end = if wraps && end == MINUTES_PER_WEEK {
            MINUTES_PER_WEEK + first.1
        } else {
            end
        };
        return OpenNow::Open {
            until: Some(Moment::after(at, of_day + (end - now), true)),
        };
    }
    let next = periods
        .iter()
        .filter(|(start, _)| !(wraps && *start == 0))
        .map(|(start, _)| (start + MINUTES_PER_WEEK - now) % MINUTES_PER_WEEK)
        .map(|ahead| if ahead == 0 { MINUTES_PER_WEEK } else { ahead })
        .min();
    OpenNow::Closed {
        next_opening: next.map(|ahead| Moment::after(at, of_day + ahead, false)),
    }
}

/// The hours as lines to show: "Monday to Friday: 9am to 5pm", "Saturday: 10am to 1pm",
/// "Every day: open 24 hours". Entries for the same days share a line ("Monday: 9am to midday
/// and 1pm to 5pm"); an entry that is not well formed is shown as written.
pub fn describe(hours: &[OpeningTimes]) -> Vec<String> {
    lines(hours)
        .into_iter()
        .map(|line| match line {
            HoursLine::AsWritten(text) => text,
            HoursLine::Days(days, sessions) => {
                let times: Vec<String> = sessions.iter().map(Session::describe_times).collect();
                format!("{}: {}", capitalise(&days.describe()), join_and(&times))
            }
        })
        .collect()
}

/// One line of opening hours: a set of days and its sessions, earliest first, or an entry
/// that is not well formed, as written ("Mon-Fry: 9 to 5").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HoursLine {
    Days(Days, Vec<Session>),
    AsWritten(String),
}

/// The hours as lines, entries for the same days together (see [`describe`]).
pub fn lines(hours: &[OpeningTimes]) -> Vec<HoursLine> {
    use HoursLine as Line;
    let mut lines: Vec<Line> = Vec::new();
    for times in hours {
        match parse_session(times) {
            Ok(session) => {
                let same_days = lines.iter_mut().find_map(|line| match line {
                    Line::Days(days, sessions) if *days == session.days => Some(sessions),
                    _ => None,
                });
                match same_days {
                    Some(sessions) => sessions.push(session),
                    None => lines.push(Line::Days(session.days, vec![session])),
                }
            }
            Err(_) => lines.push(Line::AsWritten(format!(
                "{}: {} to {}",
                times.days.trim(),
                times.opens.trim(),
                times.closes.trim()
            ))),
        }
    }
    for line in &mut lines {
        if let Line::Days(_, sessions) = line {
            sessions.sort_by_key(|s| s.opens);
        }
    }
    lines
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn times(days: &str, opens: &str, closes: &str) -> OpeningTimes {
        OpeningTimes {
            days: days.to_string(),
            opens: opens.to_string(),
            closes: closes.to_string(),
        }
    }

    /// 2026-11-23 is a Monday.
    fn at(day: Weekday, hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23 + day_index(day) as u32)
            .and_then(|d| d.and_hms_opt(hour, minute, 0))
            .unwrap()
    }

    fn office() -> Vec<OpeningTimes> {
        vec![
            times("Monday to Friday", "09:00", "17:00"),
            times("Saturday", "10:00", "13:00"),
        ]
    }

    fn days(list: &[Weekday]) -> Days {
        list.iter()
            .fold(Days::default(), |d, w| d.with(Days::of(*w)))
    }

    use Weekday::*;

    #[test]
    fn reads_every_form_of_days() {
        assert_eq!(parse_days("Monday"), Ok(days(&[Mon])));
        assert_eq!(parse_days("Monday to Friday"), Ok(Days::WEEKDAYS));
        assert_eq!(
            parse_days("Monday, Wednesday and Friday"),
            Ok(days(&[Mon, Wed, Fri]))
        );
        assert_eq!(parse_days("Monday and Thursday"), Ok(days(&[Mon, Thu])));
        assert_eq!(parse_days("weekdays"), Ok(Days::WEEKDAYS));
        assert_eq!(parse_days("weekends"), Ok(Days::WEEKENDS));
        assert_eq!(parse_days("every day"), Ok(Days::EVERY_DAY));
    }

    #[test]
    fn days_ignore_case_spacing_and_accept_short_names() {
        assert_eq!(parse_days("  MONDAY   to friday "), Ok(Days::WEEKDAYS));
        assert_eq!(parse_days("Mon to Fri"), Ok(Days::WEEKDAYS));
        assert_eq!(parse_days("mon-fri"), Ok(Days::WEEKDAYS));
        assert_eq!(parse_days("Tues and Thurs"), Ok(days(&[Tue, Thu])));
        assert_eq!(parse_days("Every Day"), Ok(Days::EVERY_DAY));
        assert_eq!(parse_days("Saturdays"), Ok(days(&[Sat])));
        assert_eq!(
            parse_days("Monday, Wednesday, and Friday"),
            Ok(days(&[Mon, Wed, Fri]))
        );
        assert_eq!(
            parse_days("Monday to Wednesday and Friday"),
            Ok(days(&[Mon, Tue, Wed, Fri]))
        );
        assert_eq!(
            parse_days("Friday to Monday"),
            Ok(days(&[Fri, Sat, Sun, Mon]))
        );
    }

    #[test]
    fn bad_days_name_the_value_and_the_forms_accepted() {
        for bad in [
            "",
            "  ",
            "Mondy",
            "Mo",
            "Monday to",
            "to Friday",
            "Monday to Monday",
            "Monday,",
            "Monday and",
            "weekly",
            "9 to 5",
            "Lundi",
            "Mönday",
        ] {
            let message = parse_days(bad).expect_err(bad);
            assert!(message.contains(&format!("\"{bad}\"")), "{message}");
            assert!(message.contains("Monday to Friday"), "{message}");
            assert!(message.contains("every day"), "{message}");
        }
    }

    #[test]
    fn reads_times_and_rejects_bad_ones() {
        assert_eq!(
            parse_time("09:00", "opens"),
            ClockTime::from_hm(9, 0).ok_or(String::new())
        );
        assert_eq!(parse_time("9:30", "opens").map(|t| t.minutes()), Ok(570));
        assert_eq!(parse_time("24:00", "closes"), Ok(ClockTime::END_OF_DAY));
        for bad in [
            "9am",
            "0900",
            "09:0",
            "09:60",
            "24:01",
            "25:00",
            "-1:00",
            "",
            "09:00:00",
            "٠٩:٠٠",
        ] {
            let message = parse_time(bad, "opens").expect_err(bad);
            assert!(
                message.starts_with(&format!("opens \"{bad}\"")),
                "{message}"
            );
            assert!(message.contains("HH:MM"), "{message}");
        }
    }

    #[test]
    fn a_session_must_open_before_it_closes_and_not_at_24() {
        assert!(parse_session(&times("Monday", "09:00", "17:00")).is_ok());
        assert!(parse_session(&times("Monday", "00:00", "24:00")).is_ok());

        let errors = parse_session(&times("Monday", "17:00", "09:00")).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, HoursField::Closes);
        assert!(errors[0].message.contains("not after opens"), "{errors:?}");

        let errors = parse_session(&times("Monday", "09:00", "09:00")).unwrap_err();
        assert_eq!(errors[0].field, HoursField::Closes);

        let errors = parse_session(&times("Monday", "24:00", "24:00")).unwrap_err();
        assert_eq!(errors[0].field, HoursField::Opens);
        assert!(errors[0].message.contains("00:00"), "{errors:?}");
    }

    #[test]
    fn every_bad_field_of_a_session_is_reported() {
        let errors = parse_session(&times("Mondy", "9am", "5pm")).unwrap_err();
        let fields: Vec<HoursField> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [HoursField::Days, HoursField::Opens, HoursField::Closes]
        );
    }

    #[test]
    fn times_read_the_gov_uk_way() {
        let t = |h, m| ClockTime::from_hm(h, m).unwrap().to_string();
        assert_eq!(t(9, 0), "9am");
        assert_eq!(t(17, 30), "5:30pm");
        assert_eq!(t(12, 0), "midday");
        assert_eq!(t(12, 30), "12:30pm");
        assert_eq!(t(0, 0), "midnight");
        assert_eq!(t(24, 0), "midnight");
        assert_eq!(t(0, 15), "12:15am");
        assert_eq!(t(13, 5), "1:05pm");
    }

    #[test]
    fn open_or_closed_at_a_given_moment() {
        let hours = office();
        assert!(is_open_at(&hours, at(Mon, 9, 0)), "opening minute is open");
        assert!(is_open_at(&hours, at(Fri, 16, 59)));
        assert!(
            !is_open_at(&hours, at(Fri, 17, 0)),
            "closing minute is closed"
        );
        assert!(!is_open_at(&hours, at(Mon, 8, 59)));
        assert!(is_open_at(&hours, at(Sat, 12, 0)));
        assert!(!is_open_at(&hours, at(Sun, 12, 0)));
        assert!(!is_open_at(&[], at(Mon, 12, 0)));
    }

    #[test]
    fn bad_entries_are_ignored_when_working_out_opening() {
        let hours = vec![
            times("Mondy", "09:00", "17:00"),
            times("Tuesday", "09:00", "17:00"),
        ];
        assert!(!is_open_at(&hours, at(Mon, 12, 0)));
        assert!(is_open_at(&hours, at(Tue, 12, 0)));
        let only_bad = vec![times("Mondy", "09:00", "17:00")];
        assert_eq!(open_now(&only_bad, at(Mon, 12, 0)), OpenNow::Unknown);
    }

    #[test]
    fn says_until_when_it_is_open() {
        let hours = office();
        assert_eq!(
            open_now(&hours, at(Wed, 11, 0)).to_string(),
            "Open now until 5pm"
        );
        let hours = vec![times("Monday", "09:00", "17:30")];
        assert_eq!(
            open_now(&hours, at(Mon, 9, 0)).to_string(),
            "Open now until 5:30pm"
        );
    }

    #[test]
    fn says_when_it_opens_next_across_the_weekend() {
        let hours = office();
        assert_eq!(
            open_now(&hours, at(Sat, 18, 0)).to_string(),
            "Closed now; opens Monday at 9am"
        );
        assert_eq!(
            open_now(&hours, at(Sun, 9, 0)).to_string(),
            "Closed now; opens tomorrow at 9am"
        );
        assert_eq!(
            open_now(&hours, at(Mon, 7, 0)).to_string(),
            "Closed now; opens today at 9am"
        );
        assert_eq!(
            open_now(&hours, at(Fri, 18, 0)).to_string(),
            "Closed now; opens tomorrow at 10am"
        );
        let weekdays = vec![times("Monday to Friday", "09:00", "17:00")];
        assert_eq!(
            open_now(&weekdays, at(Fri, 18, 0)),
            OpenNow::Closed {
                next_opening: Some(Moment {
                    weekday: Mon,
                    time: ClockTime::from_hm(9, 0).unwrap(),
                    days_ahead: 3
                })
            }
        );
        assert_eq!(
            open_now(&weekdays, at(Fri, 18, 0)).to_string(),
            "Closed now; opens Monday at 9am"
        );
    }

    #[test]
    fn says_when_it_opens_later_today_after_a_lunch_break() {
        let hours = vec![
            times("Monday", "09:00", "12:00"),
            times("Monday", "13:30", "17:00"),
        ];
        assert_eq!(
            open_now(&hours, at(Mon, 12, 15)).to_string(),
            "Closed now; opens today at 1:30pm"
        );
        assert_eq!(
            open_now(&hours, at(Mon, 10, 0)).to_string(),
            "Open now until midday"
        );
    }

    #[test]
    fn a_place_open_one_day_a_week_opens_next_week() {
        let hours = vec![times("Monday", "09:00", "12:00")];
        assert_eq!(
            open_now(&hours, at(Mon, 12, 0)).to_string(),
            "Closed now; opens next Monday at 9am"
        );
        assert_eq!(
            open_now(&hours, at(Tue, 12, 0)).to_string(),
            "Closed now; opens Monday at 9am"
        );
    }

    #[test]
    fn open_round_the_clock() {
        let always = vec![times("every day", "00:00", "24:00")];
        assert_eq!(
            open_now(&always, at(Sun, 23, 59)).to_string(),
            "Open 24 hours"
        );
        assert!(is_open_at(&always, at(Sun, 23, 59)));
        assert!(is_open_at(&always, at(Mon, 0, 0)));

        // Two entries that together cover the whole week are still open 24 hours.
        let split = vec![
            times("weekdays", "00:00", "24:00"),
            times("weekends", "00:00", "24:00"),
        ];
        assert_eq!(open_now(&split, at(Wed, 3, 0)).to_string(), "Open 24 hours");
    }

    #[test]
    fn open_periods_that_run_past_midnight() {
        let late = vec![
            times("Friday", "18:00", "24:00"),
            times("Saturday", "00:00", "02:00"),
        ];
        assert_eq!(
            open_now(&late, at(Fri, 23, 0)).to_string(),
            "Open now until tomorrow at 2am"
        );
        let till_midnight = vec![times("Friday", "18:00", "24:00")];
        assert_eq!(
            open_now(&till_midnight, at(Fri, 23, 0)).to_string(),
            "Open now until midnight"
        );
        let weekdays_all_day = vec![times("Monday to Friday", "00:00", "24:00")];
        assert_eq!(
            open_now(&weekdays_all_day, at(Thu, 10, 0)).to_string(),
            "Open now until midnight tomorrow"
        );
        assert_eq!(
            open_now(&weekdays_all_day, at(Tue, 10, 0)).to_string(),
            "Open now until midnight on Friday"
        );
        assert_eq!(
            open_now(&weekdays_all_day, at(Sat, 10, 0)).to_string(),
            "Closed now; opens Monday at midnight"
        );
    }

    #[test]
    fn sunday_night_into_monday_is_one_open_period() {
        let hours = vec![
            times("Sunday", "20:00", "24:00"),
            times("Monday", "00:00", "06:00"),
        ];
        assert_eq!(
            open_now(&hours, at(Sun, 22, 0)).to_string(),
            "Open now until tomorrow at 6am"
        );
        assert_eq!(
            open_now(&hours, at(Mon, 5, 0)).to_string(),
            "Open now until 6am"
        );
        assert_eq!(
            open_now(&hours, at(Wed, 12, 0)).to_string(),
            "Closed now; opens Sunday at 8pm"
        );
    }

    #[test]
    fn unknown_without_hours() {
        assert_eq!(open_now(&[], at(Mon, 12, 0)), OpenNow::Unknown);
        assert_eq!(OpenNow::Unknown.to_string(), "Opening hours not known");
    }

    #[test]
    fn describes_hours_in_plain_words() {
        assert_eq!(
            describe(&office()),
            ["Monday to Friday: 9am to 5pm", "Saturday: 10am to 1pm"]
        );
        assert_eq!(
            describe(&[times("every day", "00:00", "24:00")]),
            ["Every day: open 24 hours"]
        );
        assert_eq!(
            describe(&[
                times("Mon", "09:00", "12:00"),
                times("monday", "13:00", "17:30")
            ]),
            ["Monday: 9am to midday and 1pm to 5:30pm"]
        );
        assert_eq!(
            describe(&[times("weekends", "10:00", "16:00")]),
            ["Saturday and Sunday: 10am to 4pm"]
        );
        assert_eq!(
            describe(&[times("Monday, Wednesday and Friday", "09:00", "12:00")]),
            ["Monday, Wednesday and Friday: 9am to midday"]
        );
        assert_eq!(
            describe(&[times("Friday to Monday", "18:00", "24:00")]),
            ["Friday to Monday: 6pm to midnight"]
        );
        assert_eq!(
            describe(&[times("Mondy", "9am", "17:00")]),
            ["Mondy: 9am to 17:00"],
            "a bad entry is shown as written, never hidden"
        );
        assert!(describe(&[]).is_empty());
    }

    #[test]
    fn describes_day_sets() {
        assert_eq!(days(&[Mon, Tue]).describe(), "Monday and Tuesday");
        assert_eq!(
            days(&[Mon, Tue, Wed, Fri]).describe(),
            "Monday to Wednesday and Friday"
        );
        assert_eq!(days(&[Sun, Mon]).describe(), "Sunday and Monday");
        assert_eq!(Days::EVERY_DAY.describe(), "every day");
    }

    fn closed_on(dates: &[(i32, u32, u32)]) -> Vec<crate::catalogue::ClosedDate> {
        dates
            .iter()
            .map(|&(y, m, d)| {
                crate::catalogue::ClosedDate(NaiveDate::from_ymd_opt(y, m, d).unwrap())
            })
            .collect()
    }

    #[test]
    fn the_short_form_for_results_against_a_fixed_clock() {
        let hours = office();
        let short = |at| open_now(&hours, at).short();
        assert_eq!(
            short(at(Mon, 8, 30)),
            "closed, opens today 9am",
            "before opening"
        );
        assert_eq!(short(at(Mon, 9, 0)), "open, closes 5pm", "at opening");
        assert_eq!(short(at(Wed, 16, 59)), "open, closes 5pm", "during");
        assert_eq!(
            short(at(Wed, 17, 0)),
            "closed, opens tomorrow 9am",
            "after closing"
        );
        assert_eq!(
            short(at(Fri, 17, 30)),
            "closed, opens tomorrow 10am",
            "Friday evening"
        );
        assert_eq!(
            short(at(Sat, 11, 0)),
            "open, closes 1pm",
            "Saturday morning"
        );
        assert_eq!(short(at(Sat, 14, 0)), "closed, opens Mon 9am", "weekend");
        assert_eq!(
            short(at(Sun, 12, 0)),
            "closed, opens tomorrow 9am",
            "Sunday"
        );
        let night = vec![
            times("Friday", "20:00", "24:00"),
            times("Saturday", "00:00", "03:00"),
        ];
        assert_eq!(
            open_now(&night, at(Fri, 23, 0)).short(),
            "open, closes tomorrow 3am",
            "overnight"
        );
        assert_eq!(open_now(&night, at(Sat, 2, 0)).short(), "open, closes 3am");
        assert_eq!(
            open_now(&night, at(Sat, 3, 0)).short(),
            "closed, opens Fri 8pm"
        );
        let late = vec![times("Friday", "18:00", "24:00")];
        assert_eq!(
            open_now(&late, at(Fri, 19, 0)).short(),
            "open, closes midnight"
        );
        let always = vec![times("every day", "00:00", "24:00")];
        assert_eq!(open_now(&always, at(Sun, 3, 0)).short(), "open 24 hours");
        assert_eq!(open_now(&[], at(Sun, 3, 0)).short(), "hours not known");
    }

    #[test]
    fn closed_dates_close_the_day_and_are_skipped_for_the_next_opening() {
        // 2026-12-25 is a Friday, 2026-12-28 the Monday bank holiday.
        let hours = vec![times("Monday to Friday", "09:00", "17:00")];
        let christmas = closed_on(&[(2026, 12, 25), (2026, 12, 28)]);
        let on = |m, d, h| {
            NaiveDate::from_ymd_opt(2026, m, d)
                .and_then(|d| d.and_hms_opt(h, 0, 0))
                .unwrap()
        };
        // A normal day is unaffected.
        assert_eq!(
            open_now_except(&hours, &christmas, on(12, 23, 10)).to_string(),
            "Open now until 5pm"
        );
        // Christmas Eve evening: Friday is closed, so is Monday: it opens on Tuesday.
        assert_eq!(
            open_now_except(&hours, &christmas, on(12, 24, 18)).to_string(),
            "Closed now; opens Tuesday at 9am"
        );
        // On the bank holiday itself, in what would be opening hours.
        let closed = open_now_except(&hours, &christmas, on(12, 25, 11));
        assert!(!closed.is_open());
        assert_eq!(closed.short(), "closed, opens Tue 9am");
        // The day after the last closed date opens as normal.
        assert_eq!(
            open_now_except(&hours, &christmas, on(12, 29, 9)).short(),
            "open, closes 5pm"
        );
        // A closure of more than a week counts the days.
        let long: Vec<_> = (21..=31).map(|d| (2026, 12, d)).collect();
        let long = closed_on(&long);
        assert_eq!(
            open_now_except(&hours, &long, on(12, 20, 12)).to_string(),
            "Closed now; opens Friday, in 12 days at 9am"
        );
        // Closed dates without hours still know nothing.
        assert_eq!(
            open_now_except(&[], &christmas, on(12, 25, 9)),
            OpenNow::Unknown
        );
    }

    proptest::proptest! {
        /// Whatever the moment and the closed dates, a place is never open on a closed day,
        /// and the next opening it names is on a day that is not closed.
        #[test]
        fn never_open_on_a_closed_day(
            day in 0u64..4000,
            minute in 0u32..1440,
            closures in proptest::collection::vec(0u64..30, 0..12),
        ) {
            let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            let date = start.checked_add_days(chrono::Days::new(day)).unwrap();
            let at = date.and_hms_opt(minute / 60, minute % 60, 0).unwrap();
            let closed: Vec<crate::catalogue::ClosedDate> = closures
                .iter()
                .map(|ahead| crate::catalogue::ClosedDate(date.checked_add_days(chrono::Days::new(*ahead)).unwrap()))
                .collect();
            let shut = |d: NaiveDate| closed.iter().any(|c| c.0 == d);
            for hours in [office(), vec![times("every day", "00:00", "24:00")]] {
                match open_now_except(&hours, &closed, at) {
                    OpenNow::Open { .. } => proptest::prop_assert!(!shut(date)),
                    OpenNow::Closed { next_opening: Some(next) } => {
                        let day = date.checked_add_days(chrono::Days::new(u64::from(next.days_ahead))).unwrap();
                        proptest::prop_assert!(!shut(day));
                        proptest::prop_assert_eq!(day.weekday(), next.weekday);
                    }
                    OpenNow::Closed { next_opening: None } | OpenNow::Unknown => {}
                }
            }
        }
    }
}
