//! Opening hours. (Interim: the check branch brings the full module.)
use super::OpeningTimes;
use chrono::NaiveDateTime;
use std::fmt;
pub enum OpenNow {
    Unknown,
}
impl fmt::Display for OpenNow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Opening hours not known")
    }
}
pub fn open_now(_hours: &[OpeningTimes], _at: NaiveDateTime) -> OpenNow {
    OpenNow::Unknown
}
pub fn describe(hours: &[OpeningTimes]) -> Vec<String> {
    hours
        .iter()
        .map(|h| format!("{}: {} to {}", h.days, h.opens, h.closes))
        .collect()
}
