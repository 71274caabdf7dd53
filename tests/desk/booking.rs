//! Booking an appointment at the desk: the full screen (headless, the real keymap, screens and
//! a real visit log) and the accessible mode (the real binary over a pipe). The nearest free
//! slots, the needs, the booking made and recorded on the visit, the slip, a place lost to
//! another desk, a service with no appointments, and cancelling and rebooking by reference.

use std::path::Path;

use assert_cmd::Command;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use crossterm::event::KeyCode;
use frontdesk::appointments::{Need, london};
use frontdesk::catalogue::{Catalogue, Kind};
use frontdesk::desk::{BookingStage, Effect, Screen};
use frontdesk::store::Store;
use frontdesk::store::bookings::{Booked, NewBooking};
use frontdesk::tui::headless::Headless;
use frontdesk::visit::Outcome;
use tempfile::TempDir;

/// Tuesday 12 January 2027, 9am in London (GMT).
fn tuesday_nine() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2027, 1, 12, 9, 0, 0)
        .unwrap()
}

/// A desk at 80x24 on the built-in catalogue with a visit log in `data`, the detail of the
/// entry `id` open.
fn desk_on(data: &Path, query: &str, id: &str) -> Headless {
    let mut desk =
        Headless::new(Catalogue::embedded().unwrap(), tuesday_nine(), 80, 24).with_visit_log(data);
    desk.type_text(query);
    let row = desk
        .app
        .search
        .results
        .iter()
        .position(|key| {
            key.kind != Kind::Script && desk.app.catalogue.entry(*key).is_some_and(|e| e.id() == id)
        })
        .unwrap_or_else(|| panic!("{query:?} finds {id}"));
    for _ in 0..row {
        desk.press(KeyCode::Down);
    }
    desk.press(KeyCode::Enter);
    assert!(
        matches!(desk.app.screen(), Screen::Detail(_)),
        "{}",
        desk.screen()
    );
    desk
}

fn stage(desk: &Headless) -> Option<BookingStage> {
    match desk.app.screen() {
        Screen::Booking(view) => Some(view.stage.clone()),
        _ => None,
    }
}

#[test]
fn a_service_is_booked_in_a_few_keys_and_the_visit_carries_it() {
    let data = TempDir::new().unwrap();
    let mut desk = desk_on(data.path(), "homeless", "homelessness");
    let detail = desk.screen();
    assert!(
        detail.contains("F10 book"),
        "the key is in the bottom bar:\n{detail}"
    );

    desk.press(KeyCode::F(10));
    let slots = desk.screen();
    // Today first: housing options sees residents from 9:30, two at a time.
    assert!(slots.contains("Nearest free slots"), "{slots}");
    assert!(
        slots.contains(">1 Today 09:30  Council Offices  (2 free)"),
        "{slots}"
    );
    assert!(slots.contains(" 2 Today 10:00"), "{slots}");

    desk.press(KeyCode::Down);
    desk.press(KeyCode::Enter);
    assert_eq!(stage(&desk), Some(BookingStage::Needs));
    // The interpreter's language: the arrows offer BSL, then Welsh; a quiet room is ticked.
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Down);
    desk.press(KeyCode::Down);
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Char('4'));
    let needs = desk.screen();
    assert!(needs.contains("[x] Welsh interpreter"), "{needs}");
    assert!(needs.contains("[x] quiet room"), "{needs}");
    assert!(needs.contains("[ ] step-free access"), "{needs}");
    desk.press(KeyCode::Enter);

    let Some(BookingStage::Booked(booking)) = stage(&desk) else {
        panic!("booked:\n{}", desk.screen());
    };
    let shown = desk.screen();
    for words in [
        format!("Reference: {}", booking.reference),
        "When: Tuesday 12 January 2027 at 10am".to_string(),
        "Where: Council Offices".to_string(),
        "Address: 1 Market Square, Exampleton".to_string(),
        "Please bring:".to_string(),
        "Needs noted: Welsh interpreter, quiet room".to_string(),
    ] {
        assert!(shown.contains(&words), "{words:?} in:\n{shown}");
    }
    assert_eq!(
        booking.needs,
        [Need::Interpreter("Welsh".into()), Need::QuietRoom]
    );

    // In the log, under the write lock: one booking, the slot's other place still free.
    let store = Store::open(&data.path().join("visits.sqlite3")).unwrap();
    let kept = store
        .booking(&booking.reference)
        .unwrap()
        .expect("in the log");
    assert_eq!(
        (&kept.reference, &kept.needs, kept.state, kept.starts),
        (
            &booking.reference,
            &booking.needs,
            booking.state,
            booking.starts
        )
    );
    assert_eq!(
        kept.at.format("%Y-%m-%dT%H:%M").to_string(),
        "2027-01-12T10:00"
    );

    // The visit in hand: the service's outcome is "appointment made", with the reference.
    let draft = desk.app.draft.clone().expect("a visit in hand");
    assert_eq!(draft.services, ["homelessness"]);
    assert_eq!(draft.outcome_of("homelessness"), Some(Outcome::Appointment));
    assert_eq!(draft.bookings.get("homelessness"), Some(&booking.reference));

    // The resident's slip, as `frontdesk slip --appointment` words it.
    desk.effects.clear();
    desk.press(KeyCode::Char('p'));
    let slip = desk
        .effects
        .iter()
        .find_map(|e| match e {
            Effect::FileSlip(job) if job.print => Some(job.clone()),
            _ => None,
        })
        .expect("the slip is printed");
    assert!(slip.text.starts_with("Your appointment"), "{}", slip.text);
    assert!(
        slip.text
            .contains(&format!("Your reference: {}", booking.reference)),
        "{}",
        slip.text
    );
    assert!(slip.html.contains(&booking.reference));

    // Logged from the booking screen, the visit is saved with the booking.
    desk.press(KeyCode::F(2));
    let on_form = *desk.app.screen() == Screen::VisitForm;
    assert!(on_form, "{}", desk.screen());
    desk.ctrl('s');
    assert!(desk.app.draft.is_none(), "saved:\n{}", desk.screen());
    let visits = store
        .visits_between(
            DateTime::<chrono::Utc>::MIN_UTC,
            DateTime::<chrono::Utc>::MAX_UTC,
            None,
        )
        .unwrap();
    assert_eq!(visits.len(), 1);
    assert_eq!(visits[0].outcome, Outcome::Appointment);
    assert_eq!(
        visits[0].services[0].booking.as_deref(),
        Some(booking.reference.as_str())
    );
}

#[test]
fn a_welsh_reader_gets_a_welsh_appointment_slip() {
    let data = TempDir::new().unwrap();
    let mut desk = desk_on(data.path(), "homeless", "homelessness");
    desk.press(KeyCode::F(8)); // the resident reads Welsh
    desk.press(KeyCode::F(10));
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Enter);
    assert!(matches!(stage(&desk), Some(BookingStage::Booked(_))));
    desk.effects.clear();
    desk.press(KeyCode::Char('f'));
    let slip = desk
        .effects
        .iter()
        .find_map(|e| match e {
            Effect::FileSlip(job) => Some(job.text.clone()),
            _ => None,
        })
        .expect("the slip is saved");
    assert!(slip.starts_with("Eich apwyntiad"), "{slip}");
    assert!(
        slip.contains("Dydd Mawrth 12 Ionawr 2027 am 09:30"),
        "{slip}"
    );
}

#[test]
fn the_last_place_lost_to_another_desk_shows_the_slots_again() {
    let data = TempDir::new().unwrap();
    // Benefits help: one resident a slot, Tuesdays from 10am.
    let mut desk = desk_on(data.path(), "benefits check", "benefits-check");
    desk.press(KeyCode::F(10));
    assert!(
        desk.screen().contains(">1 Today 10:00"),
        "{}",
        desk.screen()
    );
    desk.press(KeyCode::Enter);

    // Another desk sharing the folder books the 10am place meanwhile.
    let slot = desk
        .app
        .catalogue
        .appointments
        .offers_of(Some("benefits-check"), None)
        .next()
        .unwrap()
        .clone();
    let at = NaiveDate::from_ymd_opt(2027, 1, 12)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let mut other = Store::open(&data.path().join("visits.sqlite3")).unwrap();
    let made = other
        .book(
            &NewBooking {
                service: "benefits-check",
                place: &slot.place,
                at,
                starts: london::instant(at).unwrap(),
                minutes: slot.slot_minutes,
                capacity: slot.capacity,
                needs: &[],
                no_show_after: Duration::minutes(15),
            },
            tuesday_nine().to_utc(),
        )
        .unwrap();
    assert!(matches!(made, Booked::Made(_)));

    desk.press(KeyCode::Enter);
    let again = desk.screen();
    assert_eq!(stage(&desk), Some(BookingStage::Slots), "{again}");
    assert!(
        again.contains("Another desk has just taken the last place in that slot"),
        "{again}"
    );
    assert!(
        !again.contains("Today 10:00"),
        "the slot taken is gone:\n{again}"
    );
    assert!(again.contains(">1 Today 10:30"), "{again}");
    assert!(
        desk.app
            .draft
            .as_ref()
            .is_none_or(|d| d.bookings.is_empty())
    );
}

#[test]
fn a_service_with_no_appointments_says_so_in_one_sentence() {
    let data = TempDir::new().unwrap();
    let mut desk = desk_on(data.path(), "bulky waste", "bulky-waste");
    assert!(!desk.screen().contains("F10 book"), "no key offered");
    desk.press(KeyCode::F(10));
    assert!(matches!(desk.app.screen(), Screen::Detail(_)));
    let said = desk.app.status.clone().expect("a sentence").text;
    assert!(
        said.ends_with("has no appointments to book at the desk; signpost the resident or log the visit instead."),
        "{said}"
    );
}

#[test]
fn a_booking_is_cancelled_by_reference_and_booked_again() {
    let data = TempDir::new().unwrap();
    let mut desk = desk_on(data.path(), "homeless", "homelessness");
    desk.press(KeyCode::F(10));
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Enter);
    let Some(BookingStage::Booked(first)) = stage(&desk) else {
        panic!("{}", desk.screen());
    };

    // A reference that is not one: one sentence, the prompt stays.
    desk.press(KeyCode::Char('c'));
    desk.type_text("OOPS");
    desk.press(KeyCode::Enter);
    let said = desk.app.status.clone().unwrap().text;
    assert!(said.contains("is not a booking reference"), "{said}");

    // The reference as the resident reads it out, in lower case with a space.
    desk.ctrl('u');
    let typed = format!(
        "{} {}",
        first.reference[..3].to_lowercase(),
        first.reference[3..].to_lowercase()
    );
    desk.type_text(&typed);
    let prompt = desk.screen();
    assert!(
        prompt.contains(&format!("Reference to cancel: {typed}")),
        "{prompt}"
    );
    desk.press(KeyCode::Enter);
    let said = desk.app.status.clone().unwrap().text;
    assert!(
        said.starts_with(&format!(
            "Cancelled {}; the place is free again",
            first.reference
        )),
        "{said}"
    );
    assert!(
        desk.app
            .draft
            .as_ref()
            .is_some_and(|d| d.bookings.is_empty()),
        "the visit no longer carries it"
    );
    let store = Store::open(&data.path().join("visits.sqlite3")).unwrap();
    assert_eq!(
        store.booking(&first.reference).unwrap().unwrap().state,
        frontdesk::appointments::BookingState::Cancelled
    );

    // Rebooked: the slots of the same service, the first free again.
    assert!(
        desk.screen()
            .contains(">1 Today 09:30  Council Offices  (2 free)")
    );
    desk.press(KeyCode::Char('3'));
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Enter);
    let Some(BookingStage::Booked(second)) = stage(&desk) else {
        panic!("{}", desk.screen());
    };
    assert_ne!(second.reference, first.reference);
    assert_eq!(
        desk.app
            .draft
            .as_ref()
            .unwrap()
            .bookings
            .get("homelessness"),
        Some(&second.reference)
    );

    // Cancelling it again: it is already cancelled, once; an unknown one is not found.
    desk.press(KeyCode::Char('c'));
    desk.type_text(&first.reference);
    desk.press(KeyCode::Enter);
    let said = desk.app.status.clone().unwrap().text;
    assert!(said.contains("cannot be cancelled"), "{said}");
}

fn frontdesk(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("frontdesk").unwrap();
    cmd.env_clear()
        .env(
            "FRONTDESK_CONFIG",
            format!(
                "{}/tests/fixtures/empty-config.toml",
                env!("CARGO_MANIFEST_DIR")
            ),
        )
        .env("FRONTDESK_DESK", "Main desk")
        .arg("--data-dir")
        .arg(data);
    cmd
}

fn accessible(data: &Path, lines: &[&str]) -> String {
    let mut input = lines.join("\n");
    input.push('\n');
    let output = frontdesk(data)
        .current_dir(data)
        .arg("--accessible")
        .write_stdin(input)
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "{out}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    out
}

#[test]
fn the_accessible_mode_books_line_by_line_and_cancels_by_reference() {
    let data = TempDir::new().unwrap();
    let out = accessible(
        data.path(),
        &[
            "find Homeless or at risk of losing your home",
            "1",
            "book",
            "1",
            "interpreter=bsl, step-free",
            "yes",
            "quit",
        ],
    );
    assert!(out.contains("Nearest free slots."), "{out}");
    assert!(out.contains("Type a slot's number to choose it"), "{out}");
    assert!(out.contains("Type the needs separated by commas"), "{out}");
    assert!(out.contains("[x] BSL interpreter"), "{out}");
    let reference = out
        .lines()
        .find_map(|l| l.strip_prefix("Reference: "))
        .map(|r| r.trim_end_matches('.').to_string())
        .unwrap_or_else(|| panic!("a reference read out:\n{out}"));
    assert!(out.contains("Where: Council Offices"), "{out}");

    let store = Store::open(&data.path().join("visits.sqlite3")).unwrap();
    let booking = store.booking(&reference).unwrap().expect("booked");
    assert_eq!(
        booking.needs,
        [Need::Interpreter("BSL".into()), Need::StepFree]
    );

    // Personal data in a need is refused; then the booking is cancelled by its reference.
    let out = accessible(
        data.path(),
        &[
            "find Homeless or at risk of losing your home",
            "1",
            "book",
            "1",
            "interpreter=anna@example.net",
            "back",
            "back",
            &format!("cancel {reference}"),
            "quit",
        ],
    );
    assert!(out.contains("Not noted: "), "{out}");
    assert!(out.contains("email"), "{out}");
    assert!(
        out.contains(&format!("Cancelled {reference}; the place is free again")),
        "{out}"
    );
    let store = Store::open(&data.path().join("visits.sqlite3")).unwrap();
    assert_eq!(
        store.booking(&reference).unwrap().unwrap().state,
        frontdesk::appointments::BookingState::Cancelled
    );
    let bookings = store
        .bookings_between(
            DateTime::<chrono::Utc>::MIN_UTC,
            DateTime::<chrono::Utc>::MAX_UTC,
        )
        .unwrap();
    assert_eq!(bookings.len(), 1, "the refused need booked nothing");
}

#[test]
fn the_accessible_mode_books_in_welsh() {
    let data = TempDir::new().unwrap();
    let out = frontdesk(data.path())
        .env("FRONTDESK_LANGUAGE", "cy")
        .current_dir(data.path())
        .arg("--accessible")
        .write_stdin(
            "chwilio Homeless or at risk of losing your home\n1\ntrefnu\n1\ndim\nie\ngadael\n",
        )
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("Y slotiau rhydd agosaf."), "{out}");
    assert!(out.contains("Cyfeirnod: "), "{out}");
    assert!(out.contains("Wedi trefnu"), "{out}");
}

/// Text compared as both faces show it, whatever the wrapping: no spaces or box lines.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '│' | '─' | '┌' | '┐' | '└' | '┘'))
        .collect()
}

#[test]
fn every_line_of_the_booking_view_is_on_the_full_screen_and_in_the_accessible_mode() {
    for lang in [
        frontdesk::text::Language::English,
        frontdesk::text::Language::Welsh,
    ] {
        let data = TempDir::new().unwrap();
        let mut desk = desk_on(data.path(), "homeless", "homelessness");
        desk.app.lang = lang;
        desk.press(KeyCode::F(10));
        for step in [
            None,
            Some(KeyCode::Enter),
            Some(KeyCode::Char('2')),
            Some(KeyCode::Enter),
        ] {
            if let Some(key) = step {
                desk.press(key);
            }
            let Screen::Booking(view) = desk.app.screen().clone() else {
                panic!("{}", desk.screen());
            };
            let shown = desk.app.booking_screen_view(&view);
            let screen = plain(&desk.screen());
            let spoken = plain(&frontdesk::accessible::screen_lines(&desk.app, 0).join(" "));
            let mut texts: Vec<&str> = vec![&shown.title, shown.heading];
            texts.extend(shown.note.as_deref());
            texts.extend(shown.choices.iter().map(String::as_str));
            texts.extend(shown.lines.iter().flat_map(|line| line.texts()));
            for text in texts {
                let said = plain(text);
                assert!(
                    screen.contains(&said),
                    "{lang:?}: the full screen does not show {text:?}"
                );
                assert!(
                    spoken.contains(&said),
                    "{lang:?}: the accessible mode does not say {text:?}"
                );
            }
        }
    }
}

#[test]
fn ticking_longer_slot_offers_only_slots_with_a_free_slot_after_them() {
    let data = TempDir::new().unwrap();
    let mut desk = desk_on(data.path(), "homeless", "homelessness");
    desk.press(KeyCode::F(10));
    let slots = desk.screen();
    // Housing options closes for lunch at 12:30: the 12:00 slot has no slot after it.
    assert!(slots.contains(" 6 Today 12:00"), "{slots}");
    desk.press(KeyCode::Char('6'));
    desk.press(KeyCode::Enter);
    assert_eq!(stage(&desk), Some(BookingStage::Needs));
    desk.press(KeyCode::Char('5'));
    let again = desk.screen();
    assert_eq!(stage(&desk), Some(BookingStage::Slots), "{again}");
    assert!(
        again.contains("That slot has no free slot after it for a longer appointment"),
        "{again}"
    );
    assert!(!again.contains("Today 12:00"), "{again}");
    assert!(again.contains("Today 11:30"), "{again}");
    assert!(again.contains("Today 13:30"), "{again}");

    // The need stays ticked; a slot with one after it is chosen and stays chosen as the need
    // is unticked and ticked again.
    desk.press(KeyCode::Char('1'));
    desk.press(KeyCode::Enter);
    assert_eq!(stage(&desk), Some(BookingStage::Needs));
    assert!(desk.screen().contains("[x] longer"), "{}", desk.screen());
    desk.press(KeyCode::Char('5'));
    desk.press(KeyCode::Char('5'));
    assert_eq!(stage(&desk), Some(BookingStage::Needs), "{}", desk.screen());
    assert!(
        desk.screen().contains("Slot: Today 09:30"),
        "{}",
        desk.screen()
    );
    assert!(desk.screen().contains("[x] longer"), "{}", desk.screen());
    desk.press(KeyCode::Enter);
    let Some(BookingStage::Booked(booking)) = stage(&desk) else {
        panic!("booked:\n{}", desk.screen());
    };
    assert_eq!(booking.needs, [Need::LongerSlot]);
}

/// The booking screen's state on top.
#[track_caller]
fn booking_view(desk: &Headless) -> frontdesk::desk::BookingView {
    match desk.app.screen() {
        Screen::Booking(view) => (**view).clone(),
        other => panic!("not on the booking screen: {other:?}"),
    }
}

/// The accessible mode in this process, its clock at Tuesday 9am, on the built-in catalogue
/// and a real visit log in `data`: everything it says to `lines`.
fn accessible_at_nine(data: &Path, lang: frontdesk::text::Language, lines: &[&str]) -> String {
    use frontdesk::runtime::workers::{StoreJobs, StorePlace};
    let catalogue = std::sync::Arc::new(Catalogue::embedded().unwrap());
    let index = frontdesk::search::Index::new(&catalogue);
    let keys = frontdesk::accessible::key_names(lang);
    let mut app = frontdesk::desk::App::new(catalogue, keys, "Main desk", "AB", tuesday_nine());
    app.lang = lang;
    let log = StoreJobs::new(StorePlace {
        visits_file: data.join("visits.sqlite3"),
        drafts: None,
        desk: "Main desk".into(),
        language: lang,
    });
    let mut out = Vec::new();
    let mut input = lines.join("\n");
    input.push('\n');
    frontdesk::accessible::Session::new(app, index, Some(log), &mut out, Box::new(tuesday_nine))
        .run(input.as_bytes(), &[])
        .unwrap();
    String::from_utf8(out).unwrap()
}

/// Every booking in the log at `data`.
fn bookings_in(data: &Path) -> Vec<frontdesk::appointments::Booking> {
    Store::open(&data.join("visits.sqlite3"))
        .unwrap()
        .bookings_between(
            DateTime::<chrono::Utc>::MIN_UTC,
            DateTime::<chrono::Utc>::MAX_UTC,
        )
        .unwrap()
}

#[test]
fn the_interpreters_language_is_typed_with_bsl_and_welsh_offered_first_and_no_personal_data() {
    let data = TempDir::new().unwrap();
    let mut desk = desk_on(data.path(), "homeless", "homelessness");
    desk.press(KeyCode::F(10));
    desk.press(KeyCode::Enter);
    let needs = desk.screen();
    assert!(
        needs.contains("[ ] Interpreter: BSL / Welsh / another language"),
        "{needs}"
    );

    // The key opens a field that says what it takes and which keys fill it in.
    desk.press(KeyCode::Char('1'));
    let field = desk.screen();
    assert!(field.contains("Interpreter's language: "), "{field}");
    assert!(
        plain(&field).contains(&plain(
            "Up/Down: BSL, Welsh; or type any language. Enter notes it"
        )),
        "{field}"
    );
    assert!(field.contains("Enter note it"), "the bottom bar:\n{field}");

    // Personal data is refused in one sentence and stays in the field to put right.
    desk.type_text("anna@example.net");
    desk.press(KeyCode::Enter);
    let said = desk.app.status.clone().unwrap().text;
    assert!(said.starts_with("Not noted: "), "{said}");
    assert!(said.contains("an email address"), "{said}");
    assert!(!said.contains("anna"), "the data is not repeated: {said}");
    assert!(booking_view(&desk).needs.is_empty());
    assert_eq!(
        booking_view(&desk).interpreter.as_deref(),
        Some("anna@example.net")
    );
    // So is what is not a language's name; digits are typed, not taken as needs.
    desk.ctrl('u');
    desk.type_text("4");
    desk.press(KeyCode::Enter);
    let said = desk.app.status.clone().unwrap().text;
    assert!(said.contains("that is not a language's name"), "{said}");
    assert!(booking_view(&desk).needs.is_empty());

    // Any language is taken, and shown ticked.
    desk.ctrl('u');
    desk.type_text("polish");
    desk.press(KeyCode::Enter);
    assert!(
        desk.screen().contains("[x] Polish interpreter"),
        "{}",
        desk.screen()
    );
    // Open again, it holds the language; the arrows offer BSL, then Welsh, and back.
    desk.press(KeyCode::Char('1'));
    assert_eq!(booking_view(&desk).interpreter.as_deref(), Some("Polish"));
    desk.press(KeyCode::Down);
    desk.press(KeyCode::Down);
    assert_eq!(booking_view(&desk).interpreter.as_deref(), Some("Welsh"));
    desk.press(KeyCode::Up);
    desk.press(KeyCode::Enter);
    assert_eq!(booking_view(&desk).needs, [Need::Interpreter("BSL".into())]);
    // Esc leaves it as it was; emptied, there is no interpreter.
    desk.press(KeyCode::Char('1'));
    desk.type_text(" and Urdu");
    desk.press(KeyCode::Esc);
    assert_eq!(booking_view(&desk).needs, [Need::Interpreter("BSL".into())]);
    assert_eq!(stage(&desk), Some(BookingStage::Needs));
    desk.press(KeyCode::Char('1'));
    desk.ctrl('u');
    desk.press(KeyCode::Enter);
    assert!(booking_view(&desk).needs.is_empty());

    // Esc on the needs goes back to the slots, not away from the booking.
    desk.press(KeyCode::Esc);
    assert_eq!(stage(&desk), Some(BookingStage::Slots));
    desk.press(KeyCode::Enter);
    assert_eq!(stage(&desk), Some(BookingStage::Needs));

    // Booked with a language typed: in the log as typed, in its name's form.
    desk.press(KeyCode::Char('1'));
    desk.type_text("british sign language");
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Char('1'));
    desk.ctrl('u');
    desk.type_text("tigrinya");
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Enter);
    let Some(BookingStage::Booked(booking)) = stage(&desk) else {
        panic!("booked:\n{}", desk.screen());
    };
    assert_eq!(booking.needs, [Need::Interpreter("Tigrinya".into())]);
    assert_eq!(bookings_in(data.path())[0].needs, booking.needs);
}

#[test]
fn a_welsh_desk_offers_bsl_and_cymraeg_for_the_interpreter() {
    let data = TempDir::new().unwrap();
    let mut desk = desk_on(data.path(), "homeless", "homelessness");
    desk.app.lang = frontdesk::text::Language::Welsh;
    desk.press(KeyCode::F(10));
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Char('1'));
    let field = desk.screen();
    assert!(field.contains("Iaith y cyfieithydd: "), "{field}");
    assert!(plain(&field).contains(&plain("BSL, Cymraeg")), "{field}");
    desk.press(KeyCode::Up);
    assert_eq!(booking_view(&desk).interpreter.as_deref(), Some("Cymraeg"));
    desk.press(KeyCode::Enter);
    assert_eq!(
        booking_view(&desk).needs,
        [Need::Interpreter("Welsh".into())]
    );
    desk.press(KeyCode::Char('1'));
    desk.ctrl('u');
    // A phone number that is not the council's own.
    desk.type_text("07700 900987");
    desk.press(KeyCode::Enter);
    let said = desk.app.status.clone().unwrap().text;
    assert!(said.starts_with("Heb ei nodi: "), "{said}");
    assert!(!said.contains("900987"), "{said}");
}

#[test]
fn page_keys_show_the_next_nine_free_slots_and_the_nine_before() {
    let data = TempDir::new().unwrap();
    let mut desk = desk_on(data.path(), "homeless", "homelessness");
    desk.press(KeyCode::F(10));
    let all = booking_view(&desk).slots.expect("the slots are read");
    assert!(
        all.len() > 18,
        "more than two pages of free slots: {}",
        all.len()
    );
    let total = all.len();

    let first = desk.screen();
    assert!(
        first.contains(&format!("Free slots 1 to 9 of {total}.")),
        "{first}"
    );
    assert!(first.contains("PgDn more"), "{first}");
    assert!(
        !first.contains("PgUp"),
        "nothing before the nearest:\n{first}"
    );
    let shown = desk.app.booking_screen_view(&booking_view(&desk)).choices;
    assert_eq!(shown.len(), 9, "nine at a time:\n{first}");

    desk.press(KeyCode::PageDown);
    let second = desk.screen();
    assert!(
        second.contains(&format!("Free slots 10 to 18 of {total}.")),
        "{second}"
    );
    assert!(second.contains("PgUp earlier"), "{second}");
    assert!(second.contains("1-9 choose"), "{second}");
    assert!(
        second.contains(">1 "),
        "the same row, on the next nine:\n{second}"
    );
    assert!(!second.contains("Today 09:30"), "{second}");
    desk.press(KeyCode::PageUp);
    assert!(desk.screen().contains("Free slots 1 to 9 of"));
    // The arrows go on past the ninth, to the next nine.
    for _ in 0..9 {
        desk.press(KeyCode::Down);
    }
    assert!(desk.screen().contains("Free slots 10 to 18 of"));

    // Number 2 of the second nine is the eleventh free slot, and that is booked.
    desk.press(KeyCode::Char('2'));
    desk.press(KeyCode::Enter);
    assert_eq!(booking_view(&desk).chosen(), Some(&all[10]));
    let needs = desk.screen();
    assert!(!needs.contains("PgDn"), "no paging on the needs:\n{needs}");
    assert!(needs.contains("1-5 choose"), "{needs}");
    desk.press(KeyCode::Enter);
    let Some(BookingStage::Booked(booking)) = stage(&desk) else {
        panic!("booked:\n{}", desk.screen());
    };
    assert_eq!(booking.at, all[10].at);

    // At the last nine, the key to page on is neither shown nor does anything.
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::F(10));
    for _ in 0..total {
        desk.press(KeyCode::PageDown);
    }
    let last = desk.screen();
    let now_free = booking_view(&desk).slots.map_or(0, |s| s.len());
    assert!(!last.contains("PgDn"), "{last}");
    assert!(
        last.contains(&format!("to {now_free} of {now_free}.")),
        "{last}"
    );
}

#[test]
fn the_accessible_mode_reads_the_next_nine_free_slots_on_more_and_those_before_on_earlier() {
    let data = TempDir::new().unwrap();
    let mut desk = desk_on(data.path(), "homeless", "homelessness");
    desk.press(KeyCode::F(10));
    let all = booking_view(&desk).slots.expect("the slots are read");
    let total = all.len();
    let out = accessible_at_nine(
        data.path(),
        frontdesk::text::Language::English,
        &[
            "find Homeless or at risk of losing your home",
            "1",
            "book",
            "more",
            "more",
            "earlier",
            "2",
            "yes",
            "quit",
        ],
    );
    assert!(
        out.contains(&format!("Free slots 1 to 9 of {total}.")),
        "{out}"
    );
    assert!(
        out.contains("Type 'more' for the next free slots."),
        "{out}"
    );
    assert!(
        out.contains(&format!("Free slots 10 to 18 of {total}.")),
        "{out}"
    );
    assert!(
        out.contains(&format!("Free slots 19 to 27 of {total}.")),
        "{out}"
    );
    assert!(
        out.contains("Type 'more' for the next free slots, or 'earlier' for those before these."),
        "{out}"
    );
    let booked = bookings_in(data.path());
    assert_eq!(booked.len(), 1, "{out}");
    assert_eq!(booked[0].at, all[10].at, "the eleventh free slot:\n{out}");

    // In Welsh, 'mwy' (or 'rhagor') and 'cynt'; past the last nine, one sentence.
    let welsh = TempDir::new().unwrap();
    let mut lines = vec![
        "chwilio Homeless or at risk of losing your home",
        "1",
        "trefnu",
        "mwy",
        "cynt",
        "cynt",
    ];
    lines.extend(std::iter::repeat_n("rhagor", total / 9 + 1));
    lines.push("gadael");
    let out = accessible_at_nine(welsh.path(), frontdesk::text::Language::Welsh, &lines);
    assert!(
        out.contains(&format!("Slotiau rhydd 10 i 18 o {total}.")),
        "{out}"
    );
    assert!(
        out.contains("Dyma'r slotiau rhydd agosaf; does dim rhai cyn y rhain."),
        "{out}"
    );
    assert!(
        out.contains("Does dim rhagor o slotiau rhydd ar ôl y rhain."),
        "{out}"
    );
}

#[test]
fn a_longer_slot_typed_in_the_accessible_mode_offers_the_same_slots_as_the_full_screen() {
    // The full screen: the 12:00 slot chosen, then a longer slot ticked.
    let data = TempDir::new().unwrap();
    let mut desk = desk_on(data.path(), "homeless", "homelessness");
    desk.press(KeyCode::F(10));
    desk.press(KeyCode::Char('6'));
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::Char('5'));
    assert_eq!(stage(&desk), Some(BookingStage::Slots));
    let view = booking_view(&desk);
    let full_screen = desk.app.booking_screen_view(&view).choices;
    assert!(!full_screen.iter().any(|c| c.contains("Today 12:00")));

    // The accessible mode, the same slot and the need typed.
    let data = TempDir::new().unwrap();
    let out = accessible_at_nine(
        data.path(),
        frontdesk::text::Language::English,
        &[
            "find Homeless or at risk of losing your home",
            "1",
            "book",
            "6",
            "longer-slot",
            "1",
            "yes",
            "quit",
        ],
    );
    let (_, after) = out
        .split_once("That slot has no free slot after it for a longer appointment")
        .unwrap_or_else(|| panic!("the slot is said to be no good for a longer one:\n{out}"));
    let offered: Vec<&str> = after
        .lines()
        .skip_while(|l| !l.starts_with("1: "))
        .take_while(|l| {
            l.split_once(": ")
                .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
        })
        .collect();
    let expected: Vec<String> = full_screen
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}: {c}.", i + 1))
        .collect();
    assert_eq!(offered, expected, "{out}");

    // The need stays: the first slot offered is booked longer.
    let booked = bookings_in(data.path());
    assert_eq!(booked.len(), 1, "{out}");
    assert_eq!(booked[0].needs, [Need::LongerSlot]);
    assert_eq!(booked[0].at.format("%H:%M").to_string(), "09:30", "{out}");
}
