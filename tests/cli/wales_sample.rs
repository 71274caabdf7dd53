//! The sample catalogue for a bilingual Welsh unitary council (assets/samples/wales): it passes
//! `check` with Welsh turned on and nothing missing, it can be used by name with only the binary
//! (`--catalogue sample:wales`), and what residents say in Welsh finds its entries.

use std::path::PathBuf;

use frontdesk::catalogue::{Catalogue, Kind};
use frontdesk::search::{Hit, Index};
use tempfile::TempDir;

fn wales() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples/wales")
}

use crate::support::frontdesk;

/// `frontdesk check` on `catalogue`: exit code and what it printed.
fn check(catalogue: &str) -> (Option<i32>, String) {
    let home = TempDir::new().expect("a temporary folder");
    let output = frontdesk(home.path())
        .args(["check", "--as-of", "2027-01-04", "--catalogue", catalogue])
        .output()
        .expect("frontdesk runs");
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    (output.status.code(), text)
}

fn assert_clean_and_all_welsh(code: Option<i32>, out: &str) {
    assert_eq!(code, Some(0), "{out}");
    assert!(!out.contains(": error: "), "{out}");
    // Welsh is on in this sample, so anything missing would be listed.
    assert!(!out.contains("has no Welsh"), "{out}");
    // Every entry and every script end says what it rests on and when it was checked.
    assert!(!out.contains("has no sources"), "{out}");
    assert!(!out.contains("has no checked date"), "{out}");
}

#[test]
fn the_wales_sample_passes_check_with_nothing_missing_in_welsh() {
    let (code, out) = check(&wales().display().to_string());
    assert_clean_and_all_welsh(code, &out);
}

#[test]
fn the_wales_sample_is_built_in_by_name() {
    let (code, out) = check("sample:wales");
    assert_clean_and_all_welsh(code, &out);
    assert!(out.contains("samples/wales"), "{out}");

    let home = TempDir::new().expect("a temporary folder");
    let output = frontdesk(home.path())
        .args([
            "--catalogue",
            "sample:wales",
            "search",
            "contract meddiannaeth",
        ])
        .output()
        .expect("frontdesk runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("renting-problems"), "{stdout}");
}

#[test]
fn an_unknown_sample_name_is_refused_in_one_sentence() {
    let (code, out) = check("sample:atlantis");
    assert_ne!(code, Some(0), "{out}");
    assert!(out.contains("sample:atlantis"), "{out}");
    assert!(out.contains("sample:wales"), "{out}");
}

#[test]
fn the_wales_sample_follows_welsh_law() {
    let catalogue = Catalogue::from_dir(&wales()).expect("the Wales sample loads");
    let council = &catalogue.council;
    assert!(council.welsh, "Welsh is turned on");
    let text = |id: &str| {
        let service = catalogue
            .services
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("service {id}"));
        format!("{} {}", service.summary, service.say)
    };
    assert!(
        text("blue-badge").contains("free"),
        "Blue Badges are free in Wales"
    );
    assert!(text("renting-problems").contains("contract-holders"));
    assert!(text("homelessness").contains("56 days"));
    assert!(text("discretionary-assistance-fund").contains("Emergency Assistance Payment"));
    let live_fear_free = catalogue
        .partners
        .iter()
        .find(|p| p.id == "live-fear-free")
        .expect("Live Fear Free");
    assert_eq!(live_fear_free.phone.as_deref(), Some("0808 80 10 800"));
    // The homelessness script starts with the safety-first block.
    let homelessness = catalogue
        .scripts
        .iter()
        .find(|s| s.id == "homelessness")
        .expect("the homelessness script");
    assert!(
        homelessness
            .nodes
            .iter()
            .any(|n| n.id.starts_with("safety"))
    );
    assert!(catalogue.scripts.len() >= 3);
}

/// What residents type in Welsh at a Welsh desk, mutated forms included; the answer must be in
/// the first three.
const WELSH_QUERIES: &[(&str, &[&str])] = &[
    ("talu'r dreth gyngor", &["council-tax-pay"]),
    ("help gyda fy nhreth gyngor", &["council-tax-reduction"]),
    ("disgownt person sengl", &["council-tax-discount"]),
    ("llythyr gwŷs am y dreth", &["council-tax-arrears"]),
    ("bin heb ei gasglu", &["bin-missed"]),
    ("pryd mae diwrnod biniau", &["bin-day"]),
    ("beth sy'n mynd yn y bocs ailgylchu", &["recycling"]),
    ("dw i'n ddigartref", &["homelessness", "homeless-tonight"]),
    ("dim unman i gysgu heno", &["homeless-tonight"]),
    (
        "hysbysiad adran 173 gan y landlord",
        &["renting-problems", "homelessness"],
    ),
    ("contract meddiannaeth", &["renting-problems"]),
    ("mae'r landlord wedi newid y cloeon", &["illegal-eviction"]),
    (
        "dim arian i brynu bwyd",
        &["discretionary-assistance-fund", "food-bank"],
    ),
    ("taliad cymorth brys", &["discretionary-assistance-fund"]),
    ("fathodyn glas", &["blue-badge"]),
    ("twll mawr yn y ffordd", &["potholes"]),
    ("cymdogion swnllyd", &["noise-complaint"]),
    ("byw heb ofn", &["live-fear-free"]),
    (
        "dw i ddim yn ddiogel gartref",
        &["domestic-abuse-help", "live-fear-free"],
    ),
    ("hawlio credyd cynhwysol", &["universal-credit"]),
    ("fudd-dal tai", &["housing-benefit"]),
    ("cyngor ar bopeth", &["citizens-advice"]),
    ("banc bwyd", &["food-bank"]),
    ("poeni am blentyn drws nesaf", &["safeguarding-child"]),
    ("cofrestru i bleidleisio", &["electoral-register"]),
    (
        "mae o eisiau lladd ei hun",
        &["mental-health-crisis", "samaritans"],
    ),
];

#[test]
fn welsh_queries_find_the_wales_sample_entries_in_the_top_three() {
    assert!(WELSH_QUERIES.len() >= 20);
    let catalogue = Catalogue::from_dir(&wales()).expect("the Wales sample loads");
    let index = Index::new(&catalogue);
    let mut misses = Vec::new();
    for (query, expected) in WELSH_QUERIES {
        let entry_id = |h: &Hit| {
            catalogue
                .entry(h.key)
                .filter(|_| h.key.kind != Kind::Script)
                .map(|e| e.id().to_string())
        };
        let ids: Vec<String> = index
            .query(query)
            .iter()
            .take(3)
            .filter_map(entry_id)
            .collect();
        if !ids.iter().any(|id| expected.contains(&id.as_str())) {
            misses.push(format!("\"{query}\": expected {expected:?}, got {ids:?}"));
        }
    }
    let share = 1.0 - misses.len() as f64 / WELSH_QUERIES.len() as f64;
    println!(
        "Welsh, Wales sample, top 3: {:.1}% of {}",
        share * 100.0,
        WELSH_QUERIES.len()
    );
    assert!(share >= 0.90, "{}", misses.join("\n"));
}
