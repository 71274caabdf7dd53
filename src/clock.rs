//! The computer's clock, read so that a time frontdesk cannot use (before 1970, or beyond what
//! the time code can hold) is one sentence, never a panic. Every command reads it once first
//! ([`now`]); the screens' ticks skip a reading that fails and keep the time they had.

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Local, Utc};

/// The clock reads a time frontdesk cannot use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error(
        "the computer's clock reads a time before 1970 ({shown} UTC), which frontdesk cannot use; set the date and time correctly (or ask IT to) and try again"
    )]
    Before1970 {
        /// The time it reads, as far as it can be shown.
        shown: String,
    },
    #[error(
        "the computer's clock reads a time too far ahead for frontdesk to use; set the date and time correctly (or ask IT to) and try again"
    )]
    TooFarAhead,
}

/// The time now, by the computer's clock.
pub fn now() -> Result<DateTime<Utc>, ClockError> {
    reading(SystemTime::now())
}

/// The local time now, by the computer's clock.
pub fn local_now() -> Result<DateTime<Local>, ClockError> {
    now().map(|now| now.with_timezone(&Local))
}

/// What the clock reading `at` means to frontdesk: a time from 1970 up to the year 9999.
pub fn reading(at: SystemTime) -> Result<DateTime<Utc>, ClockError> {
    match at.duration_since(UNIX_EPOCH) {
        Ok(since) => i64::try_from(since.as_secs())
            .ok()
            .and_then(|secs| DateTime::from_timestamp(secs, since.subsec_nanos()))
            .filter(|time| time.timestamp() < LAST_USABLE_SECOND)
            .ok_or(ClockError::TooFarAhead),
        Err(before) => {
            let back = before.duration();
            let shown = i64::try_from(back.as_secs())
                .ok()
                .and_then(|secs| DateTime::from_timestamp(-secs, 0))
                .map_or_else(
                    || "long before 1970".to_string(),
                    |time| time.format("%Y-%m-%d %H:%M").to_string(),
                );
            Err(ClockError::Before1970 { shown })
        }
    }
}

/// The first second of the year 10000: dates are written with four-digit years.
const LAST_USABLE_SECOND: i64 = 253_402_300_800;

/// A new id that sorts by time (UUID v7) while the clock can be read, else a random one (v4):
/// making an id never panics on a clock set before 1970.
pub fn time_ordered_id() -> uuid::Uuid {
    if now().is_ok() {
        uuid::Uuid::now_v7()
    } else {
        uuid::Uuid::new_v4()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_clock_before_1970_is_one_sentence_naming_the_time() {
        let at = UNIX_EPOCH - Duration::from_secs(86_400 * 365 + 60);
        let error = reading(at).unwrap_err();
        assert_eq!(
            error,
            ClockError::Before1970 {
                shown: "1968-12-31 23:59".into()
            }
        );
        let text = error.to_string();
        assert!(text.contains("before 1970"), "{text}");
        assert_eq!(text.matches(". ").count(), 0, "one sentence: {text}");
    }

    #[test]
    fn any_clock_reading_is_a_time_or_a_sentence() {
        for secs in [
            0u64,
            1,
            1_800_000_000,
            253_402_300_799,
            253_402_300_800,
            u64::MAX / 4,
        ] {
            let Some(at) = UNIX_EPOCH.checked_add(Duration::from_secs(secs)) else {
                continue;
            };
            match reading(at) {
                Ok(time) => assert_eq!(time.timestamp() as u64, secs),
                Err(e) => assert!(secs >= 253_402_300_800, "{secs}: {e}"),
            }
        }
        for secs in [1u64, 60, 1 << 40, u64::MAX / 4] {
            if let Some(at) = UNIX_EPOCH.checked_sub(Duration::from_secs(secs)) {
                assert!(matches!(reading(at), Err(ClockError::Before1970 { .. })));
            }
        }
    }
}
