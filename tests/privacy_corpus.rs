//! The note check measured on a corpus of desk notes (tests/fixtures/privacy): notes that hold
//! personal data of every kind, which must be refused, and ordinary notes, which must be saved.
//! The check is built as the desk builds it: with the embedded catalogue's contact details.
//! The figures are printed to stderr, so they show without `--nocapture` when the test fails and
//! with it otherwise.

use std::collections::BTreeMap;
use std::path::Path;

use frontdesk::catalogue::Catalogue;
use frontdesk::privacy::NoteCheck;

/// Goals from the product's promise: refuse at least 95% of personal notes, save at least 97% of
/// innocent ones.
const REFUSED_AT_LEAST: f64 = 95.0;
const SAVED_AT_LEAST: f64 = 97.0;

fn lines(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/privacy")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn percent(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

#[test]
fn the_note_check_refuses_personal_notes_and_saves_innocent_ones() {
    let catalogue = Catalogue::embedded().expect("the embedded catalogue loads");
    let check = NoteCheck::new(catalogue.contact_details());

    let personal: Vec<(String, String)> = lines("personal.txt")
        .into_iter()
        .map(|line| {
            let (kind, note) = line
                .split_once(" | ")
                .unwrap_or_else(|| panic!("personal.txt: `{line}` has no `kind | ` before it"));
            (kind.to_string(), note.to_string())
        })
        .collect();
    let innocent = lines("innocent.txt");

    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    for (kind, note) in &personal {
        let entry = by_kind.entry(kind).or_default();
        entry.1 += 1;
        if check.find(note).is_empty() {
            missed.push(format!("{kind}: {note}"));
        } else {
            entry.0 += 1;
        }
    }
    let false_alarms: Vec<String> = innocent
        .iter()
        .filter_map(|note| {
            let findings = check.find(note);
            (!findings.is_empty()).then(|| {
                let spans: Vec<&str> = findings.iter().map(|f| &note[f.range.clone()]).collect();
                format!("{note}  <- {spans:?}")
            })
        })
        .collect();

    let refused = personal.len() - missed.len();
    let saved = innocent.len() - false_alarms.len();
    let refused_pct = percent(refused, personal.len());
    let saved_pct = percent(saved, innocent.len());
    eprintln!(
        "personal-data notes refused: {refused}/{} ({refused_pct:.1}%)",
        personal.len()
    );
    eprintln!(
        "innocent notes saved: {saved}/{} ({saved_pct:.1}%)",
        innocent.len()
    );
    let per_kind: Vec<String> = by_kind
        .iter()
        .map(|(kind, (hit, all))| format!("{kind} {hit}/{all}"))
        .collect();
    eprintln!("refused by kind: {}", per_kind.join(", "));
    for note in &missed {
        eprintln!("  missed  {note}");
    }
    for note in &false_alarms {
        eprintln!("  flagged {note}");
    }
    assert!(
        personal.len() >= 150,
        "only {} personal notes",
        personal.len()
    );
    assert!(
        innocent.len() >= 100,
        "only {} innocent notes",
        innocent.len()
    );
    assert!(
        refused_pct >= REFUSED_AT_LEAST,
        "only {refused_pct:.1}% of personal-data notes refused"
    );
    assert!(
        saved_pct >= SAVED_AT_LEAST,
        "only {saved_pct:.1}% of innocent notes saved"
    );
}
