//! The draft of a visit being typed is a real file on disk: whatever in its note looks like
//! personal data is redacted before it is written, so a crash never leaves it behind.

use std::fs;

use chrono::{TimeZone, Utc};
use frontdesk::store::{load_draft, save_draft};
use frontdesk::visit::VisitDraft;
use tempfile::TempDir;

fn draft_with_note(note: &str) -> VisitDraft {
    let started = Utc.with_ymd_and_hms(2026, 3, 12, 9, 30, 0).unwrap();
    let mut draft = VisitDraft::new(started, "Main desk", "AB", "2026.11");
    draft.services = vec!["council-tax".into()];
    draft.note = Some(note.to_string());
    draft
}

#[test]
fn personal_data_in_a_draft_note_never_reaches_the_disk() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("data").join("draft.json");
    let spans = [
        "Mrs Jones",
        "07700 900456",
        "jo.bloggs at gmail dot com",
        "14 Acacia Avenue",
        "AB 12 34 56 C",
        "12/03/1985",
        "4526 0181 5908 3012",
    ];
    let note = format!(
        "{} rang from {}, email {}, lives at {}, NI {}, dob {}, paid by card {}",
        spans[0], spans[1], spans[2], spans[3], spans[4], spans[5], spans[6]
    );
    save_draft(&path, &draft_with_note(&note)).unwrap();

    let on_disk = fs::read_to_string(&path).unwrap();
    for span in spans {
        assert!(!on_disk.contains(span), "{span:?} was written: {on_disk}");
    }
    assert!(on_disk.contains("[phone number removed]"), "{on_disk}");
    let kept = load_draft(&path).expect("the draft is offered back");
    assert_eq!(
        kept.note.as_deref(),
        Some(
            "[name removed] rang from [phone number removed], email [email address removed], \
             [address removed], NI [National Insurance number removed], \
             dob [date of birth removed], paid by card [card number removed]"
        )
    );
    assert_eq!(kept.services, ["council-tax"]);
}

#[test]
fn an_ordinary_draft_note_is_kept_as_typed() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("draft.json");
    let note = "summons dated 12/05/2024, 3 bags, Shelter 0808 800 4444";
    save_draft(&path, &draft_with_note(note)).unwrap();
    assert_eq!(load_draft(&path).unwrap().note.as_deref(), Some(note));
}
