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
