//! The desk's faces: the full screen (headless and in a pseudo-terminal), the accessible mode, themes and Welsh on screen.
//!
//! One test binary for the area (a few crates link far faster than one per file); each
//! file below is a module, named as the file, so `cargo test --test desk NAME::` runs one.

#[path = "../support/mod.rs"]
mod support;

mod accessible;
mod booking;
mod face_bugs;
mod faces_agree;
mod one_view;
mod qr_scan;
mod reception;
mod report_screen;
mod script_screen;
mod script_visits;
mod slip_screen;
mod terminal;
mod themes;
mod typing;
mod waiting_desk;
mod welsh_desk;
mod welsh_slip;
mod welsh_sweep;
mod welsh_visits;
