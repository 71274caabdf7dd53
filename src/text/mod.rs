//! Every sentence and label the desk shows a receptionist, by language: the status bar's
//! sentences ([`status`]), the screens' titles and fixed labels ([`screens`]) and the visit form's
//! ([`form`]). English now; Welsh is one more [`Language`] and one more arm in each function,
//! with no change to the desk or the screens.
//!
//! Floors: text names the domain's nouns (visit words, catalogue kinds, kinds of personal data),
//! so it sits above `visit`, `catalogue` and `privacy`, and below `desk` and `tui`, which call it.
//! It never imports the desk or a terminal type.

pub mod accessible;
pub mod form;
pub mod report;
pub mod screens;
pub mod script;
pub mod slip;
pub mod status;

/// The language the desk speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    English,
}
