//! Search and the note check: ranking, the gold query sets, contacts and the privacy corpus.
//!
//! One test binary for the area (a few crates link far faster than one per file); each
//! file below is a module, named as the file, so `cargo test --test search NAME::` runs one.

#[path = "../support/mod.rs"]
mod support;

mod privacy_corpus;
mod search;
mod search_contacts;
mod search_gold;
