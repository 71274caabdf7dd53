//! The status bar's message: one sentence, with a level that the face shows as a word as well as
//! a colour.

use chrono::{DateTime, FixedOffset};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// A message in the status bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub level: Level,
    pub text: String,
    pub at: DateTime<FixedOffset>,
}
