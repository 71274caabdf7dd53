//! The note check measured on a corpus of desk notes (tests/fixtures/privacy): notes that hold
//! personal data of every kind, which must be refused, and ordinary notes, which must be saved.
//! The check is built as the desk builds it: with the embedded catalogue's contact details.
//!
//! Two parts: the first corpus (`personal.txt`, `innocent.txt`) and the notes said in words
//! (`personal-words.txt`, `innocent-words.txt`). Both figures are printed for the whole corpus and
//! for the words part, to stderr, so they show without `--nocapture` when the test fails and with
//! it otherwise. Every note the check gets wrong today is listed in `known-misses.txt`: a new
//! miss fails the test even while the figures stay above the goals, and so does a listed miss
//! that the check now gets right (take it off the list).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use frontdesk::catalogue::Catalogue;
use frontdesk::privacy::NoteCheck;

/// Goals from the product's promise: refuse at least 97% of personal notes and save at least
/// 97% of innocent ones, on the whole corpus and on each part.
const REFUSED_AT_LEAST: f64 = 97.0;
const SAVED_AT_LEAST: f64 = 97.0;

fn path(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/privacy")
        .join(name)
}

fn lines(name: &str) -> Vec<String> {
    let path = path(name);
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

/// One part of the corpus: `kind | note` lines that must be refused, and notes that must be
/// saved.
struct Part {
    name: &'static str,
    personal: Vec<(String, String)>,
    innocent: Vec<String>,
}

impl Part {
    fn read(name: &'static str, personal: &str, innocent: &str) -> Part {
        let personal = lines(personal)
            .into_iter()
            .map(|line| {
                let (kind, note) = line
                    .split_once(" | ")
                    .unwrap_or_else(|| panic!("{name}: `{line}` has no `kind | ` before it"));
                (kind.to_string(), note.to_string())
            })
            .collect();
        Part {
            name,
            personal,
            innocent: lines(innocent),
        }
    }
}

/// What the check got wrong in one part, as the known-misses file writes it:
/// `personal | kind | note` for a note that was saved, `innocent | note` for one that was refused.
struct Score {
    refused: usize,
    saved: usize,
    misses: Vec<String>,
    shown: Vec<String>,
    by_kind: BTreeMap<String, (usize, usize)>,
}

fn score(check: &NoteCheck, part: &Part) -> Score {
    let mut score = Score {
        refused: 0,
        saved: 0,
        misses: Vec::new(),
        shown: Vec::new(),
        by_kind: BTreeMap::new(),
    };
    for (kind, note) in &part.personal {
        let entry = score.by_kind.entry(kind.clone()).or_default();
        entry.1 += 1;
        if check.find(note).is_empty() {
            score.misses.push(format!("personal | {kind} | {note}"));
            score.shown.push(format!("  missed  {kind}: {note}"));
        } else {
            entry.0 += 1;
            score.refused += 1;
        }
    }
    for note in &part.innocent {
        let findings = check.find(note);
        if findings.is_empty() {
            score.saved += 1;
        } else {
            let spans: Vec<&str> = findings.iter().map(|f| &note[f.range.clone()]).collect();
            score.misses.push(format!("innocent | {note}"));
            score.shown.push(format!("  flagged {note}  <- {spans:?}"));
        }
    }
    score
}

/// Prints the part's figures and returns them as (refused %, saved %).
fn report(name: &str, part_personal: usize, part_innocent: usize, s: &Score) -> (f64, f64) {
    let refused_pct = percent(s.refused, part_personal);
    let saved_pct = percent(s.saved, part_innocent);
    eprintln!(
        "{name}: personal-data notes refused: {}/{part_personal} ({refused_pct:.1}%); innocent notes saved: {}/{part_innocent} ({saved_pct:.1}%)",
        s.refused, s.saved
    );
    (refused_pct, saved_pct)
}

#[test]
fn the_note_check_refuses_personal_notes_and_saves_innocent_ones() {
    let catalogue = Catalogue::embedded().expect("the embedded catalogue loads");
    let check = NoteCheck::new(catalogue.contact_details());
    let parts = [
        Part::read("first corpus", "personal.txt", "innocent.txt"),
        Part::read("said in words", "personal-words.txt", "innocent-words.txt"),
    ];

    let mut totals = Score {
        refused: 0,
        saved: 0,
        misses: Vec::new(),
        shown: Vec::new(),
        by_kind: BTreeMap::new(),
    };
    let (mut all_personal, mut all_innocent) = (0, 0);
    let mut figures = Vec::new();
    for part in &parts {
        let s = score(&check, part);
        figures.push((
            part.name,
            report(part.name, part.personal.len(), part.innocent.len(), &s),
        ));
        all_personal += part.personal.len();
        all_innocent += part.innocent.len();
        totals.refused += s.refused;
        totals.saved += s.saved;
        totals.misses.extend(s.misses);
        totals.shown.extend(s.shown);
        for (kind, (hit, all)) in s.by_kind {
            let entry = totals.by_kind.entry(kind).or_default();
            entry.0 += hit;
            entry.1 += all;
        }
    }
    let whole = report("whole corpus", all_personal, all_innocent, &totals);
    let per_kind: Vec<String> = totals
        .by_kind
        .iter()
        .map(|(kind, (hit, all))| format!("{kind} {hit}/{all}"))
        .collect();
    eprintln!("refused by kind: {}", per_kind.join(", "));
    for line in &totals.shown {
        eprintln!("{line}");
    }

    let known: BTreeSet<String> = lines("known-misses.txt").into_iter().collect();
    let now: BTreeSet<String> = totals.misses.iter().cloned().collect();
    let new: Vec<&String> = now.difference(&known).collect();
    let fixed: Vec<&String> = known.difference(&now).collect();
    assert!(
        new.is_empty(),
        "the note check gets {} note(s) wrong that known-misses.txt does not list:\n{}",
        new.len(),
        new.iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        fixed.is_empty(),
        "known-misses.txt lists {} note(s) the check now gets right; take them off the list:\n{}",
        fixed.len(),
        fixed
            .iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );

    let words = &parts[1];
    assert!(
        words.personal.len() >= 150,
        "only {} personal notes said in words",
        words.personal.len()
    );
    assert!(
        words.innocent.len() >= 100,
        "only {} innocent notes said in words",
        words.innocent.len()
    );
    for (name, (refused_pct, saved_pct)) in figures.into_iter().chain([("whole corpus", whole)]) {
        assert!(
            refused_pct >= REFUSED_AT_LEAST,
            "{name}: only {refused_pct:.1}% of personal-data notes refused"
        );
        assert!(
            saved_pct >= SAVED_AT_LEAST,
            "{name}: only {saved_pct:.1}% of innocent notes saved"
        );
    }
}
