//! The visit log, drafts and output files: saving, migrating, purging, backing up and surviving damage and kills.
//!
//! One test binary for the area (a few crates link far faster than one per file); each
//! file below is a module, named as the file, so `cargo test --test store NAME::` runs one.

#[path = "../support/mod.rs"]
mod support;

mod demand_defaults;
mod draft_privacy;
mod drafts;
mod first_save;
mod log_health;
mod log_safety;
mod output_files;
mod partners_per_service;
mod service_outcomes;
mod signposting;
mod store;
mod visit_bookings;
mod visit_fields;
mod visit_length;
mod visit_wait;
