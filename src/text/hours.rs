//! Opening hours in words, by language: the days ("Dydd Llun i ddydd Gwener"), the times
//! ("9am tan 5pm"), whether a place is open now and when it opens next. English is the
//! catalogue's own wording ([`hours::describe`], [`OpenNow`]'s `Display`); Welsh is built here
//! from the same parsed hours.

use chrono::Weekday;

use super::Language;
use crate::catalogue::OpeningTimes;
use crate::catalogue::hours::{self, ClockTime, Days, HoursLine, Moment, OpenNow, Session};

const WELSH_DAYS: [&str; 7] = [
    "dydd Llun",
    "dydd Mawrth",
    "dydd Mercher",
    "dydd Iau",
    "dydd Gwener",
    "dydd Sadwrn",
    "dydd Sul",
];

const WELSH_SHORT_DAYS: [&str; 7] = ["Llun", "Maw", "Mer", "Iau", "Gwe", "Sad", "Sul"];

fn welsh_day(day: Weekday) -> &'static str {
    WELSH_DAYS[day.num_days_from_monday() as usize]
}

/// "dydd Llun" after "i", "ar" and as an adverb ("on Monday") takes the soft mutation: "ddydd Llun".
fn on_day(day: Weekday) -> String {
    format!("d{}", welsh_day(day))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A time of day: "9am", "5:30pm", "hanner dydd", "hanner nos": "am" and "pm" as Llyw.Cymru's
/// Welsh pages and many councils' write them (and as the catalogue's Welsh does), rather than
/// "yb"/"yh", which leave the afternoon ("yp" or "yh"?) in doubt.
pub fn time(lang: Language, time: ClockTime) -> String {
    match lang {
        Language::English => time.to_string(),
        Language::Welsh => {
            let (hour, minute) = (time.hour() % 24, time.minute());
            match (hour, minute) {
                (0, 0) => "hanner nos".to_string(),
                (12, 0) => "hanner dydd".to_string(),
                _ => {
                    let suffix = if hour < 12 { "am" } else { "pm" };
                    let twelve = match hour % 12 {
                        0 => 12,
                        h => h,
                    };
                    if minute == 0 {
                        format!("{twelve}{suffix}")
                    } else {
                        format!("{twelve}:{minute:02}{suffix}")
                    }
                }
            }
        }
    }
}

/// A set of days: "every day", "bob dydd", "dydd Llun i ddydd Gwener", "dydd Sadwrn a dydd Sul".
pub fn days(lang: Language, days: Days) -> String {
    match lang {
        Language::English => days.describe(),
        Language::Welsh if days == Days::EVERY_DAY => "bob dydd".to_string(),
        Language::Welsh if days.is_empty() => "dim diwrnod".to_string(),
        Language::Welsh => {
            let mut items: Vec<String> = Vec::new();
            for run in days.runs() {
                match run.as_slice() {
                    [first, .., last] if run.len() >= 3 => {
                        items.push(format!("{} i {}", welsh_day(*first), on_day(*last)));
                    }
                    some => items.extend(some.iter().map(|d| welsh_day(*d).to_string())),
                }
            }
            super::welsh::join_and(&items)
        }
    }
}

/// One session's times: "9am tan 5pm", or "ar agor 24 awr".
pub fn session_times(lang: Language, session: &Session) -> String {
    match lang {
        Language::English => session.describe_times(),
        Language::Welsh if session.is_all_day() => "ar agor 24 awr".to_string(),
        Language::Welsh => format!(
            "{} tan {}",
            time(lang, session.opens),
            time(lang, session.closes)
        ),
    }
}

/// The hours as lines to show: "Dydd Llun i ddydd Gwener: 9am tan 5pm".
pub fn describe(lang: Language, opening: &[OpeningTimes]) -> Vec<String> {
    match lang {
        Language::English => hours::describe(opening),
        Language::Welsh => hours::lines(opening)
            .into_iter()
            .map(|line| match line {
                HoursLine::AsWritten(text) => text,
                HoursLine::Days(set, sessions) => {
                    let times: Vec<String> =
                        sessions.iter().map(|s| session_times(lang, s)).collect();
                    format!(
                        "{}: {}",
                        capitalise(&days(lang, set)),
                        super::welsh::join_and(&times)
                    )
                }
            })
            .collect(),
    }
}

/// "heddiw", "yfory", "ddydd Llun", "ddydd Llun nesaf", "ddydd Llun, ymhen 10 diwrnod".
fn welsh_day_words(moment: &Moment) -> String {
    match moment.days_ahead {
        0 => "heddiw".to_string(),
        1 => "yfory".to_string(),
        2..=6 => on_day(moment.weekday),
        7 => format!("{} nesaf", on_day(moment.weekday)),
        n => format!("{}, ymhen {n} diwrnod", on_day(moment.weekday)),
    }
}

fn welsh_short_day_words(moment: &Moment) -> String {
    let short = WELSH_SHORT_DAYS[moment.weekday.num_days_from_monday() as usize];
    match moment.days_ahead {
        0 => "heddiw".to_string(),
        1 => "yfory".to_string(),
        2..=7 => short.to_string(),
        n => format!("{short}, ymhen {n} diwrnod"),
    }
}

/// Whether a place is open now, in a sentence: "Ar agor nawr tan 5pm", "Ar gau nawr; yn agor
/// yfory am 9am".
pub fn open_now(lang: Language, open: &OpenNow) -> String {
    let lang_time = |t: ClockTime| time(lang, t);
    match lang {
        Language::English => open.to_string(),
        Language::Welsh => match open {
            OpenNow::Open { until: None } => "Ar agor 24 awr".to_string(),
            OpenNow::Open { until: Some(end) } => {
                let midnight = end.time == ClockTime::END_OF_DAY;
                match (end.days_ahead, midnight) {
                    (0, true) => "Ar agor nawr tan hanner nos".to_string(),
                    (0, false) => format!("Ar agor nawr tan {}", lang_time(end.time)),
                    (1, true) => "Ar agor nawr tan hanner nos yfory".to_string(),
                    (_, true) => {
                        format!("Ar agor nawr tan hanner nos {}", welsh_day_words(end))
                    }
                    (_, false) => format!(
                        "Ar agor nawr tan {} {}",
                        lang_time(end.time),
                        welsh_day_words(end)
                    ),
                }
            }
            OpenNow::Closed {
                next_opening: Some(start),
            } => format!(
                "Ar gau nawr; yn agor {} am {}",
                welsh_day_words(start),
                lang_time(start.time)
            ),
            OpenNow::Closed { next_opening: None } => "Ar gau nawr".to_string(),
            OpenNow::Unknown => "Nid yw'r oriau agor yn hysbys".to_string(),
        },
    }
}

/// The short form for a list of results: "ar agor, yn cau 5pm", "ar gau, yn agor Llun 9am".
pub fn open_now_short(lang: Language, open: &OpenNow) -> String {
    match lang {
        Language::English => open.short(),
        Language::Welsh => match open {
            OpenNow::Open { until: None } => "ar agor 24 awr".to_string(),
            OpenNow::Open { until: Some(end) } => match (end.days_ahead, end.time) {
                (0, _) | (1, ClockTime::END_OF_DAY) => {
                    format!("ar agor, yn cau {}", time(lang, end.time))
                }
                _ => format!(
                    "ar agor, yn cau {} {}",
                    welsh_short_day_words(end),
                    time(lang, end.time)
                ),
            },
            OpenNow::Closed {
                next_opening: Some(start),
            } => format!(
                "ar gau, yn agor {} {}",
                welsh_short_day_words(start),
                time(lang, start.time)
            ),
            OpenNow::Closed { next_opening: None } => "ar gau".to_string(),
            OpenNow::Unknown => "oriau heb eu nodi".to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(days: &str, opens: &str, closes: &str) -> OpeningTimes {
        OpeningTimes {
            days: days.to_string(),
            opens: opens.to_string(),
            closes: closes.to_string(),
        }
    }

    #[test]
    fn welsh_hours_name_the_days_with_their_mutations() {
        let lines = describe(
            Language::Welsh,
            &[
                times("Monday to Friday", "09:00", "17:00"),
                times("Saturday and Sunday", "10:00", "12:00"),
                times("every day", "00:00", "24:00"),
            ],
        );
        assert_eq!(
            lines,
            [
                "Dydd Llun i ddydd Gwener: 9am tan 5pm",
                "Dydd Sadwrn a dydd Sul: 10am tan hanner dydd",
                "Bob dydd: ar agor 24 awr",
            ]
        );
    }

    #[test]
    fn welsh_open_now_says_when_it_opens_next() {
        let hours = [times("Monday to Friday", "09:00", "17:00")];
        // A Saturday at noon.
        let saturday = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .expect("a date");
        let open = hours::open_now(&hours, saturday);
        assert_eq!(
            open_now(Language::Welsh, &open),
            "Ar gau nawr; yn agor ddydd Llun am 9am"
        );
        assert_eq!(
            open_now_short(Language::Welsh, &open),
            "ar gau, yn agor Llun 9am"
        );
    }
}
