//! The desk: what the receptionist is doing, as state and one pure update.
//!
//! ```text
//! Action (a command, typed text, the clock, a worker's answer)
//!     ──► App::update ──► state (screens, search, the visit form) + Effects (search, save, draft)
//! ```
//!
//! Nothing here knows about a terminal: no crossterm or ratatui type is in scope (a test reads
//! these files to keep it so). The terminal face (`crate::tui`) turns keys into [`Action`]s and
//! draws the [`App`]; a plain, line-by-line accessible face can drive the same `App`. Sentences
//! come from [`crate::text`]; what makes a visit valid from [`crate::visit`]; which entries link
//! to which from [`crate::catalogue`].

pub mod action;
pub mod app;
pub mod command;
pub mod draft;
pub mod form;
pub mod key_names;
pub mod navigation;
pub mod status;
pub mod text_field;
pub mod view;

pub use action::{Action, BookingRequest, Effect, FetchedCatalogue, SlipFiled, SlipJob, SyncState};
pub use app::{
    App, CENTRAL_REFRESH_EVERY, COUNT_EVERY, QUERY_MAX_CHARS, Question, SearchState, TodayRow,
    UNDO_WINDOW, WAITING_EVERY,
};
pub use command::{Command, Mode};
pub use form::{Field, VisitForm};
pub use key_names::KeyNames;
pub use navigation::{
    BookingStage, BookingView, Detail, ReportDesks, ReportView, ResidentView, Screen, ScriptView,
    Scroll, SlipView, TextView, WaitingView,
};
pub use status::{Level, Status};
pub use text_field::{Change, TextEdit};
