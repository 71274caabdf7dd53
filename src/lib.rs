#![forbid(unsafe_code)]
//! `frontdesk`: find council services and partners as you type, guide the conversation,
//! signpost, and log every face-to-face visit without personal data.
//!
//! The library holds everything; `main.rs` only parses the command line and dispatches.

pub mod accessible;
pub mod appointments;
pub mod catalogue;
pub mod central;
pub mod central_said;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod demo;
pub mod desk;
pub mod ledger;
pub mod output_file;
pub mod printable;
pub mod privacy;
pub mod report;
pub mod runtime;
pub mod script;
pub mod search;
pub mod slip;
pub mod store;
pub mod tally;
pub mod text;
pub mod tui;
pub mod user_file;
pub mod visit;
