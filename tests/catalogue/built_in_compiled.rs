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
    assert_eq!(compiled.appointments, fresh.appointments);
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

/// The screen's way in: the entries at once; the synonyms, scripts and index after the first
/// frame. Put together, they are the same catalogue, with the same answers, as a start that
/// reads everything first.
#[test]
fn the_screen_reads_the_rest_of_the_built_in_catalogue_after_its_first_frame() {
    use frontdesk::search::compiled::{prepare, prepare_later};
    carry();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date");
    let whole = prepare(None, None, today).expect("it loads");
    let whole_index = whole.index.expect("the index came with the catalogue");
    let mut later = prepare_later(None, None, today).expect("it loads");
    assert!(later.index.is_none() && later.pending.is_none());
    assert!(
        later.catalogue.scripts.is_empty() && later.catalogue.synonyms.is_empty(),
        "the first frame waits for neither the scripts nor the synonyms"
    );
    assert_eq!(later.catalogue.council, whole.catalogue.council);
    assert_eq!(later.catalogue.services, whole.catalogue.services);
    assert_eq!(later.catalogue.partners, whole.catalogue.partners);
    assert_eq!(later.catalogue.faqs, whole.catalogue.faqs);
    assert_eq!(later.catalogue.len(), whole.catalogue.len());

    // An index read before the scripts are in does not belong to the catalogue: refused.
    let early = prepare_later(None, None, today).expect("it loads");
    assert!(
        early
            .reading
            .expect("an index to read")
            .read(&early.catalogue)
            .is_none(),
        "an index for more entries than the catalogue has is never used"
    );

    later
        .rest
        .take()
        .expect("the rest is left to read")
        .read_into(&mut later.catalogue);
    assert!(!later.catalogue.scripts.is_empty());
    assert_eq!(later.catalogue.scripts, whole.catalogue.scripts);
    assert_eq!(later.catalogue.synonyms, whole.catalogue.synonyms);
    let index = later
        .reading
        .take()
        .expect("the index is left to read")
        .read(&later.catalogue)
        .expect("the index belongs to the whole catalogue");
    for query in [
        "my bin wasnt collected",
        "blue badge renewal",
        "rent arrears",
        "food bank",
        "01632 960010",
    ] {
        assert_eq!(index.query(query), whole_index.query(query), "{query}");
    }
}
