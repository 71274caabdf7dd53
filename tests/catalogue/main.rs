//! Content: the catalogue model, `frontdesk check`, scripts, topics, the compiled form and the source layout.
//!
//! One test binary for the area (a few crates link far faster than one per file); each
//! file below is a module, named as the file, so `cargo test --test catalogue NAME::` runs one.

#[path = "../support/mod.rs"]
mod support;

mod built_in_compiled;
mod check;
mod compiled;
mod content;
mod content_rules;
mod layout;
mod scripts;
mod topics;
mod welsh_check;
