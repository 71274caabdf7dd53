//! The command line as a user runs it: settings, catalogues, imports, visits and printable output.
//!
//! One test binary for the area (a few crates link far faster than one per file); each
//! file below is a module, named as the file, so `cargo test --test cli NAME::` runs one.

#[path = "../support/mod.rs"]
mod support;

mod appointments;
mod catalogue_folders;
mod cli_catalogue;
mod cli_config;
mod cli_output;
mod cli_visits;
mod crlf;
mod import_oruk;
mod import_safety;
mod queue;
mod usage_errors;
mod wales_sample;
