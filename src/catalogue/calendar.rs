//! Dates and times as the catalogue writes them: review dates, the dates a place is closed and
//! its opening times. Read by the content model and by the places that offer appointments.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Reads `review_by` written as a TOML date (`review_by = 2027-06-30`) or as a string
/// (`review_by = "2027-06-30"`). chrono alone accepts only the string form.
pub(in crate::catalogue) fn review_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<NaiveDate, D::Error> {
    struct DateVisitor;

    impl<'de> serde::de::Visitor<'de> for DateVisitor {
        type Value = NaiveDate;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a date written as YYYY-MM-DD, e.g. 2027-06-30")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<NaiveDate, E> {
            if let Some(date) = plain_date(text) {
                return Ok(date);
            }
            NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                E::custom(format!(
                    "`{text}` is not a date; write it as YYYY-MM-DD, e.g. 2027-06-30"
                ))
            })
        }

        // toml hands a date over as a one-entry map holding its text.
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<NaiveDate, A::Error> {
            match map.next_entry::<String, String>()? {
                Some((_, text)) => self.visit_str(&text),
                None => Err(serde::de::Error::custom(
                    "expected a date written as YYYY-MM-DD, e.g. 2027-06-30",
                )),
            }
        }
    }

    // A compact binary form (the compiled catalogue) names no types, so it says it is a string.
    if deserializer.is_human_readable() {
        deserializer.deserialize_any(DateVisitor)
    } else {
        deserializer.deserialize_str(DateVisitor)
    }
}

/// A date written exactly as YYYY-MM-DD, read without a format parser: every catalogue entry
/// has one or two, and a start reads them all. Anything else (`None`) goes to chrono, which
/// also says what is wrong.
fn plain_date(text: &str) -> Option<NaiveDate> {
    let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = text.as_bytes() else {
        return None;
    };
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(number(&[y1, y2, y3, y4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&[m1, m2])?, number(&[d1, d2])?)
}

/// Reads an optional date written as `review_by` is ([`review_date`]).
pub(in crate::catalogue) fn optional_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    Option::<ClosedDate>::deserialize(deserializer).map(|date| date.map(|d| d.0))
}

/// A calendar date on which a place is closed, written as a TOML date (`2026-12-25`) or as a
/// string (`"2026-12-25"`).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(transparent)]
pub struct ClosedDate(pub NaiveDate);

impl<'de> Deserialize<'de> for ClosedDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        review_date(deserializer).map(ClosedDate)
    }
}

/// Opening times for one set of days, e.g. Monday to Friday 9am to 5pm.
///
/// ```toml
/// hours = [
///   { days = "Monday to Friday", opens = "09:00", closes = "17:00" },
///   { days = "Saturday", opens = "10:00", closes = "13:00" },
///   { days = "every day", opens = "00:00", closes = "24:00" },
/// ]
/// ```
/// `days` is a day ("Monday"), a range ("Monday to Friday"), a list ("Monday, Wednesday and
/// Friday"), "weekdays", "weekends" or "every day". Times are 24-hour "HH:MM"; "24:00" is midnight
/// at the end of the day.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OpeningTimes {
    pub days: String,
    pub opens: String,
    pub closes: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    /// The quick reading of YYYY-MM-DD agrees with chrono's on every day of four years (a leap
    /// year among them), and leaves to chrono whatever is not a real date in that form.
    #[test]
    fn plain_dates_read_as_chrono_reads_them() {
        let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        while day.year() < 2030 {
            let text = day.format("%Y-%m-%d").to_string();
            assert_eq!(plain_date(&text), Some(day), "{text}");
            day = day.succ_opt().unwrap();
        }
        for text in [
            "2027-02-29",
            "2028-02-30",
            "2027-13-01",
            "2027-00-10",
            "2027-06-00",
            "2027-06-31",
            "2027-6-30x",
            "2027/06/30",
            " 2027-06-3",
            "27-06-2030",
            "２027-06-30",
            "",
        ] {
            assert_eq!(plain_date(text), None, "{text:?}");
        }
    }

    /// What the quick reading leaves alone is still read, or refused, by chrono as before.
    #[test]
    fn other_dates_still_go_to_chrono() {
        #[derive(Deserialize)]
        struct Dated {
            #[serde(deserialize_with = "review_date")]
            review_by: NaiveDate,
        }
        let read = |text: &str| toml::from_str::<Dated>(text).map(|d| d.review_by);
        assert_eq!(
            read("review_by = \"2027-6-30\"").unwrap(),
            NaiveDate::from_ymd_opt(2027, 6, 30).unwrap()
        );
        assert_eq!(
            read("review_by = 2028-02-29").unwrap(),
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()
        );
        let refused = read("review_by = \"2027-02-29\"").unwrap_err().to_string();
        assert!(refused.contains("`2027-02-29` is not a date"), "{refused}");
    }
}
