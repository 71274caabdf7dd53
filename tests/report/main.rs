//! Reports and slips: every figure, every rendering, and `frontdesk report` on the command line.
//!
//! One test binary for the area (a few crates link far faster than one per file); each
//! file below is a module, named as the file, so `cargo test --test report NAME::` runs one.

#[path = "../support/mod.rs"]
mod support;

mod appointments;
mod cli_report;
mod report;
mod slip;
