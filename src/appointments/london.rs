//! Local time in the UK (Europe/London): Greenwich Mean Time in winter, British Summer Time
//! (one hour ahead) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
//! of October. Slots are written in local time, and each is stored as the instant it starts,
//! so a slot is right on both sides of a clock change whatever zone the desk's computer is in.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};

/// The last Sunday of a month.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = first_of_next.pred_opt()?;
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_signed(Duration::days(i64::from(back)))
        .filter(|d| d.weekday() == Weekday::Sun)
}

/// True when British Summer Time is in force at this instant.
pub fn is_summer_time(at: DateTime<Utc>) -> bool {
    let year = at.year();
    let (Some(starts), Some(ends)) = (last_sunday(year, 3), last_sunday(year, 10)) else {
        return false;
    };
    let one_am = |day: NaiveDate| day.and_hms_opt(1, 0, 0).map(|t| t.and_utc());
    match (one_am(starts), one_am(ends)) {
        (Some(starts), Some(ends)) => at >= starts && at < ends,
        _ => false,
    }
}

/// The local time in the UK at this instant.
pub fn local(at: DateTime<Utc>) -> NaiveDateTime {
    let offset = if is_summer_time(at) { 1 } else { 0 };
    at.naive_utc() + Duration::hours(offset)
}

/// The instant a UK local time falls at: `None` in the hour skipped when the clocks go forward;
/// the first of the two in the hour repeated when they go back.
pub fn instant(local_time: NaiveDateTime) -> Option<DateTime<Utc>> {
    [1i64, 0]
        .into_iter()
        .filter_map(|offset| {
            let at = Utc.from_utc_datetime(&(local_time - Duration::hours(offset)));
            (i64::from(is_summer_time(at)) == offset).then_some(at)
        })
        .min()
}

/// Today's date in the UK.
pub fn today(now: DateTime<Utc>) -> NaiveDate {
    local(now).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn nine_oclock_is_nine_utc_in_winter_and_eight_utc_in_summer() {
        assert_eq!(
            instant(at("2027-03-27T09:00")).unwrap().to_rfc3339(),
            "2027-03-27T09:00:00+00:00"
        );
        // The clocks go forward on Sunday 28 March 2027.
        assert_eq!(
            instant(at("2027-03-29T09:00")).unwrap().to_rfc3339(),
            "2027-03-29T08:00:00+00:00"
        );
        // And back on Sunday 31 October 2027.
        assert_eq!(
            instant(at("2027-11-01T09:00")).unwrap().to_rfc3339(),
            "2027-11-01T09:00:00+00:00"
        );
    }

    #[test]
    fn the_skipped_hour_has_no_instant_and_the_repeated_hour_takes_the_first() {
        assert_eq!(instant(at("2027-03-28T01:30")), None);
        assert_eq!(
            instant(at("2027-10-31T01:30")).unwrap().to_rfc3339(),
            "2027-10-31T00:30:00+00:00"
        );
        let back = instant(at("2027-03-28T02:00")).unwrap();
        assert_eq!(local(back), at("2027-03-28T02:00"));
    }
}
