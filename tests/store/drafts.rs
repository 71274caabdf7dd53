//! Drafts belong to a window of a desk: several windows or desks on one data folder never share
//! a half-logged visit. Checked with real files and real OS locks.

use std::fs;
use std::path::Path;

use chrono::{DateTime, TimeZone, Utc};
use crossterm::event::KeyCode;
use frontdesk::store::{DraftSlot, load_draft, save_draft};
use frontdesk::tui::headless::Headless;
use frontdesk::visit::{Outcome, VisitDraft};
use tempfile::TempDir;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 9, 30, 0).unwrap()
}

fn draft(desk: &str, service: &str) -> VisitDraft {
    let mut draft = VisitDraft::new(start(), desk, "AB", "2026.11");
    draft.services = vec![service.to_string()];
    draft
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn two_windows_of_one_desk_at_once_do_not_see_each_others_draft() {
    let dir = TempDir::new().unwrap();
    let (first, offered) = DraftSlot::claim(dir.path(), "Main desk").unwrap();
    assert_eq!(offered, None);
    first.save(&draft("Main desk", "council-tax")).unwrap();

    let (second, offered) = DraftSlot::claim(dir.path(), "Main desk").unwrap();
    assert_eq!(offered, None, "a running window's draft is not offered");
    second.save(&draft("Main desk", "bulky-waste")).unwrap();

    assert_ne!(first.path(), second.path());
    assert_eq!(load_draft(first.path()).unwrap().services, ["council-tax"]);
    assert_eq!(load_draft(second.path()).unwrap().services, ["bulky-waste"]);
    let (third, offered) = DraftSlot::claim(dir.path(), "Main desk").unwrap();
    assert_eq!(offered, None, "both drafts are held");
    assert!(third.path() != first.path() && third.path() != second.path());
}

#[test]
fn a_draft_left_by_a_window_that_stopped_goes_to_the_next_window_of_its_desk() {
    let dir = TempDir::new().unwrap();
    let (first, _) = DraftSlot::claim(dir.path(), "Main desk").unwrap();
    let left = draft("Main desk", "council-tax");
    first.save(&left).unwrap();
    let path = first.path().to_path_buf();
    // The window stops (or dies): the OS releases its lock, its draft stays.
    drop(first);
    assert!(path.exists());

    let (next, offered) = DraftSlot::claim(dir.path(), "Main desk").unwrap();
    assert_eq!(offered, Some(left), "offered to the next window");
    assert_eq!(next.path(), path, "which carries on in the same file");
    let (other, offered) = DraftSlot::claim(dir.path(), "Main desk").unwrap();
    assert_eq!(offered, None, "and no one else is offered it while it runs");
    drop(other);

    // Saved: the draft is cleared, and a window that closes leaves nothing behind.
    next.clear();
    drop(next);
    assert_eq!(names_in(&dir.path().join("drafts")), Vec::<String>::new());
    let (_again, offered) = DraftSlot::claim(dir.path(), "Main desk").unwrap();
    assert_eq!(offered, None);
}

#[test]
fn another_desks_draft_is_not_offered() {
    let dir = TempDir::new().unwrap();
    let (main, _) = DraftSlot::claim(dir.path(), "Main desk").unwrap();
    main.save(&draft("Main desk", "council-tax")).unwrap();
    drop(main);

    let (_library, offered) = DraftSlot::claim(dir.path(), "Library").unwrap();
    assert_eq!(offered, None);
    // A desk whose name makes the same file name is still another desk.
    let (_similar, offered) = DraftSlot::claim(dir.path(), "main-desk").unwrap();
    assert_eq!(offered, None);

    let (_main, offered) = DraftSlot::claim(dir.path(), "Main desk").unwrap();
    assert_eq!(offered.unwrap().services, ["council-tax"]);
}

#[test]
fn the_single_draft_of_earlier_versions_is_moved_to_its_desk_and_offered_once() {
    let dir = TempDir::new().unwrap();
    let legacy = dir.path().join("draft.json");
    let old = draft("Main desk", "homelessness");
    save_draft(&legacy, &old).unwrap();

    // Another desk starts first: the old draft is moved out of the way but not offered to it.
    let (_library, offered) = DraftSlot::claim(dir.path(), "Library").unwrap();
    assert_eq!(offered, None);
    assert!(!legacy.exists(), "draft.json is removed once moved");

    let (main, offered) = DraftSlot::claim(dir.path(), "Main desk").unwrap();
    assert_eq!(offered, Some(old));
    let (_second, offered) = DraftSlot::claim(dir.path(), "Main desk").unwrap();
    assert_eq!(offered, None, "offered to one window only");
    main.clear();
}

#[test]
fn an_unreadable_draft_is_moved_aside_and_not_offered() {
    let dir = TempDir::new().unwrap();
    let (first, _) = DraftSlot::claim(dir.path(), "Main desk").unwrap();
    let path = first.path().to_path_buf();
    drop(first);
    fs::write(
        &path,
        "{\"services\": [\"council-tax\"], \"outcome\": \"sol",
    )
    .unwrap();

    let (_next, offered) = DraftSlot::claim(dir.path(), "Main desk").unwrap();
    assert_eq!(offered, None);
    let aside = path.with_file_name(format!(
        "{}.unreadable",
        path.file_name().unwrap().to_string_lossy()
    ));
    assert!(fs::read_to_string(aside).unwrap().contains("council-tax"));
}

#[test]
fn a_data_folder_that_cannot_hold_drafts_gets_a_clear_message() {
    let dir = TempDir::new().unwrap();
    let blocker = dir.path().join("data");
    fs::write(&blocker, "a file where the data folder should be").unwrap();
    let error = DraftSlot::claim(&blocker, "Main desk")
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        format!(
            "cannot keep the unsaved visit in {}: part of the path is a file, not a folder",
            blocker.join("drafts").display()
        )
    );
}

// ---- two reception screens on one data folder ----

use crate::support::fixture_catalogue as fixture;

fn screen(data: &Path) -> Headless {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:15:00+00:00").unwrap();
    Headless::new(fixture(), now, 80, 24).with_visit_log(data)
}

#[test]
fn a_second_window_is_not_given_the_first_windows_half_logged_visit() {
    let dir = TempDir::new().unwrap();
    let mut first = screen(dir.path());
    first.type_text("bulky");
    first.press(KeyCode::F(2));
    first.press(KeyCode::Char('2'));

    // A second window on the same desk and data folder starts clean and logs its own visit.
    let mut second = screen(dir.path());
    assert!(second.app.draft.is_none());
    assert!(
        !second
            .screen()
            .contains("A visit from before was not saved")
    );
    second.type_text("council tax");
    second.press(KeyCode::F(2));
    let services = &second.app.draft.as_ref().unwrap().services;
    assert_eq!(
        services,
        &["council-tax-pay"],
        "not added to the first's visit"
    );

    // The first window's draft is untouched on disk.
    let kept = load_draft(first.draft_file().unwrap()).unwrap();
    assert_eq!(kept.services, ["bulky-waste"]);
    assert_eq!(kept.outcome, Some(Outcome::Signposted));

    // When the first window dies, its draft is offered to the next window of the desk.
    drop(first);
    let mut third = screen(dir.path());
    assert_eq!(
        third.app.draft.as_ref().map(|d| d.services.clone()),
        Some(vec!["bulky-waste".to_string()])
    );
    assert!(third.screen().contains("A visit from before was not saved"));
}

#[test]
fn a_draft_of_earlier_versions_loses_its_personal_data_when_it_is_moved() {
    let dir = TempDir::new().unwrap();
    let mut old = draft("Front desk", "bulky-waste");
    old.note = Some("call her on 07700 900456 about the sofa".into());
    // As an earlier frontdesk wrote it: the note as typed.
    fs::write(
        dir.path().join("draft.json"),
        serde_json::to_vec(&old).unwrap(),
    )
    .unwrap();
    let (_slot, offered) = DraftSlot::claim(dir.path(), "Front desk").unwrap();
    let offered = offered.expect("the old draft is offered");
    assert_eq!(
        offered.note.as_deref(),
        Some("call her on [phone number removed] about the sofa")
    );
    for name in names_in(&dir.path().join("drafts")) {
        let text = fs::read_to_string(dir.path().join("drafts").join(&name)).unwrap_or_default();
        assert!(!text.contains("900456"), "{name} holds the number: {text}");
    }
    assert!(!dir.path().join("draft.json").exists());
}
