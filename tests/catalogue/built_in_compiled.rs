//! The built-in catalogue's compiled form (assets/compiled/built-in.compiled), which the program
//! reads at start in place of parsing and indexing the TOML, is the same as a fresh build of
//! the files in assets/catalogue: the same entries, and the same answers to every query.
//!
//! After changing those files or the content model, make it again with
//! `FRONTDESK_MAKE_BUILT_IN=1 cargo test --test catalogue built_in_compiled`, then build again.

use std::path::PathBuf;

use frontdesk::catalogue::Catalogue;
use frontdesk::search::Index;
use frontdesk::search::compiled::{built_in, carry_built_in, make_built_in};

/// The compiled form, as the program carries it.
fn carry() {
    carry_built_in(include_bytes!("../../assets/compiled/built-in.compiled"));
}

fn file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/compiled/built-in.compiled")
}

#[test]
fn the_compiled_built_in_catalogue_is_a_fresh_build_of_its_files() {
    if std::env::var_os("FRONTDESK_MAKE_BUILT_IN").is_some() {
        let bytes = make_built_in().expect("the built-in catalogue compiles");
        std::fs::write(file(), bytes).expect("the compiled form is written");
        eprintln!("wrote {}; build again to embed it", file().display());
        return;
    }
    carry();
    let (compiled, compiled_index) = built_in().expect(
        "the built-in compiled catalogue is out of date: run \
         `FRONTDESK_MAKE_BUILT_IN=1 cargo test --test catalogue built_in_compiled` and build again",
    );
    let fresh = Catalogue::embedded().expect("the built-in catalogue loads");
    let index = Index::new(&fresh);
    assert_eq!(compiled.council, fresh.council);
    assert_eq!(compiled.bodies, fresh.bodies);
    assert_eq!(compiled.services, fresh.services);
    assert_eq!(compiled.partners, fresh.partners);
    assert_eq!(compiled.faqs, fresh.faqs);
    assert_eq!(compiled.synonyms, fresh.synonyms);
    assert_eq!(compiled.scripts, fresh.scripts);
    assert_eq!(compiled_index.len(), index.len());
    // The same answers: every entry's title and summary words as queries, and some sentences.
    let mut queries: Vec<String> = fresh
        .searchable()
        .flat_map(|(_, e)| [e.title().to_string(), e.summary().to_string()])
        .collect();
    queries.extend(
        [
            "my bin wasnt collected",
            "01632 960010",
            "citizensadvice.org.uk",
            "blue badge renewal",
        ]
        .map(String::from),
    );
    for query in &queries {
        assert_eq!(compiled_index.query(query), index.query(query), "{query}");
    }
}

#[test]
fn the_desk_starts_from_the_compiled_built_in_catalogue() {
    carry();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date");
    let prepared = frontdesk::search::compiled::prepare(None, None, today).expect("it loads");
    assert!(
        prepared.index.is_some(),
        "the index came with the catalogue"
    );
    assert!(prepared.pending.is_none(), "nothing to write at start");
}
