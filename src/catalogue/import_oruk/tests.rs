use super::*;

fn example(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/oruk")
        .join(name);
    fs::read(path).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

#[test]
fn every_cut_of_the_example_files_is_read_or_refused_without_a_panic() {
    for name in [
        "service_full.json",
        "organization_full.json",
        "service_list.json",
    ] {
        let bytes = example(name);
        for end in 0..bytes.len() {
            // Either a clean refusal or, where the cut happens to leave whole JSON, a feed.
            if let Err(e) = feed::parse(&bytes[..end], name) {
                assert!(e.0.starts_with(name), "{e}");
                assert!(!e.0.contains('\n'), "one line: {e}");
            }
        }
        assert!(feed::parse(&bytes, name).is_ok(), "{name} whole");
    }
}

#[test]
fn a_big_feed_is_split_into_partners_files_under_the_catalogue_limit() {
    let partner = |n: usize| ImportedPartner {
        id: format!("partner-{n}"),
        name: format!("Partner {n}"),
        summary: "x".repeat(900),
        keywords: Vec::new(),
        phone: None,
        email: None,
        website: None,
        address: None,
        hours: Vec::new(),
        hours_note: None,
        eligibility: None,
        accessibility: None,
        languages: Vec::new(),
        review_by: "2027-05-30".to_string(),
    };
    let partners: Vec<ImportedPartner> = (0..12_000).map(partner).collect();
    let files = catalogue_files(&partners, Path::new("feed.json"), today()).unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "council.toml",
            "partners.toml",
            "partners-2.toml",
            "synonyms.toml"
        ]
    );
    for (name, text) in &files {
        assert!(
            (text.len() as u64) < crate::catalogue::MAX_FILE_BYTES,
            "{name} is {} bytes",
            text.len()
        );
    }
    let parsed: Vec<_> = files
        .iter()
        .map(|(name, text)| {
            crate::catalogue::parse_file(&crate::catalogue::SourceFile {
                name: name.clone(),
                text: text.clone(),
            })
            .unwrap_or_else(|p| panic!("{p}"))
        })
        .collect();
    let catalogue =
        crate::catalogue::Catalogue::from_parts(crate::catalogue::Origin::Embedded, parsed);
    assert_eq!(catalogue.partners.len(), 12_000, "every partner once");
}

#[test]
fn a_missing_input_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let err = import(
        Path::new("/nonexistent/feed.json"),
        &dir.path().join("out"),
        today(),
        false,
    )
    .unwrap_err();
    assert_eq!(
        err.0,
        "/nonexistent/feed.json does not exist; check the path of the ORUK JSON file or folder"
    );
}

#[test]
fn pages_missing_from_a_list_are_named() {
    let pages = |list: &[(&str, u64, u64)]| {
        missing_pages(
            &list
                .iter()
                .map(|(f, p, t)| (f.to_string(), *p, *t))
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        pages(&[("page-1.json", 1, 3), ("page-2.json", 2, 3)]),
        [
            "page-1.json is page 1 of 3, and only 2 pages were given",
            "page-2.json is page 2 of 3, and only 2 pages were given"
        ]
    );
    assert!(pages(&[("a.json", 1, 2), ("b.json", 2, 2), ("one.json", 1, 1)]).is_empty());
}
