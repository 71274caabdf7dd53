//! Every sentence and label the desk shows a receptionist, by language: the status bar's
//! sentences ([`status`]), the screens' titles and fixed labels ([`screens`]) and the visit form's
//! ([`form`]). English now; Welsh is one more [`Language`] and one more arm in each function,
//! with no change to the desk or the screens.
//!
//! Floors: text names the domain's nouns (visit words, catalogue kinds, kinds of personal data),
//! so it sits above `visit`, `catalogue` and `privacy`, and below `desk` and `tui`, which call it.
//! It never imports the desk or a terminal type.

pub mod accessible;
pub mod all;
pub mod appointments;
pub mod booking;
pub mod cli;
pub mod errors;
pub mod fields;
pub mod form;
pub mod hours;
pub mod keys;
pub mod privacy;
pub mod report;
pub mod screens;
pub mod script;
pub mod slip;
pub mod status;
pub mod sync;
pub mod usage;
pub mod waiting;
pub mod welsh;

/// The language the desk speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    English,
    /// Cymraeg. What has no Welsh yet falls back to English; `frontdesk text untranslated`
    /// lists it.
    Welsh,
}

impl Language {
    /// The language named in the config file: "en" or "cy".
    pub fn from_code(code: &str) -> Option<Language> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Language::English),
            "cy" | "welsh" | "cymraeg" => Some(Language::Welsh),
            _ => None,
        }
    }

    /// "en" or "cy".
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Welsh => "cy",
        }
    }
}
