//! The central server: sync, the report across desks and the desk's side of it. These tests need PostgreSQL; see `support::central`.
//!
//! One test binary for the area (a few crates link far faster than one per file); each
//! file below is a module, named as the file, so `cargo test --test central NAME::` runs one.

#[path = "../support/mod.rs"]
mod support;

mod central;
mod central_desk;
mod central_report;
mod central_rooms;
mod central_safety;

/// Always in the summary, so a run without PostgreSQL cannot pass for one that checked the
/// server: without FRONTDESK_TEST_DATABASE_URL every test above returns at its first line.
/// `-- --ignored` runs it alone: it fails unless the server is set and answers.
#[test]
#[ignore = "without FRONTDESK_TEST_DATABASE_URL the central tests pass having checked nothing; run them with FRONTDESK_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test cargo test --test central (README: The central server tests)"]
fn central_tests_need_postgresql_in_frontdesk_test_database_url() {
    let url = std::env::var("FRONTDESK_TEST_DATABASE_URL").unwrap_or_default();
    assert!(
        !url.is_empty(),
        "FRONTDESK_TEST_DATABASE_URL is not set, so the central tests checked nothing; set it to a PostgreSQL URL, e.g. postgres://postgres@127.0.0.1:5432/test"
    );
    let db = support::central::TestDb::create().expect("a database on the test server");
    assert_eq!(db.owner().count("SELECT 1"), 1);
}
