//! Partners and slips at the desk, driven without a terminal: the partner screen, open now in
//! the results, picking partners as signposts or referrals with the resident's consent, and
//! the slip previewed from a partner, a service, the visit form or a script's end, then printed
//! or saved. Snapshots live in tests/desk/snapshots/.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyCode;
use frontdesk::catalogue::{Catalogue, EntryKey, Kind};
use frontdesk::desk::{Action, Detail, Effect, Mode, Screen, SlipFiled, SlipJob};
use frontdesk::tui::headless::Headless;
use frontdesk::visit::{PartnerHow, PartnerOnVisit};

/// Monday 23 November 2026, 10:15 in the morning, UK time (GMT).
fn monday_morning() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T10:15:00+00:00").unwrap()
}

fn desk(width: u16, height: u16) -> Headless {
    Headless::new(
        Catalogue::embedded().unwrap(),
        monday_morning(),
        width,
        height,
    )
}

/// Opens an entry's detail screen by id, as Enter on a result does.
fn open(desk: &mut Headless, id: &str) {
    let key: EntryKey = desk.app.catalogue.find(id).unwrap();
    desk.app.screens.push(Screen::Detail(Detail::new(key)));
}

fn slip_jobs(desk: &Headless) -> Vec<SlipJob> {
    desk.effects
        .iter()
        .filter_map(|e| match e {
            Effect::FileSlip(job) => Some(job.clone()),
            _ => None,
        })
        .collect()
}

fn saved_partners(desk: &Headless) -> Option<Vec<PartnerOnVisit>> {
    desk.effects.iter().rev().find_map(|e| match e {
        Effect::SaveVisit(visit) => Some(visit.partners.clone()),
        _ => None,
    })
}

/// Types `query` and opens the script `id` from the results with Enter, as a receptionist would.
fn open_script(desk: &mut Headless, query: &str, id: &str) {
    desk.type_text(query);
    let catalogue = &desk.app.catalogue;
    let row = desk
        .app
        .search
        .results
        .iter()
        .position(|key| {
            key.kind == Kind::Script && catalogue.entry(*key).is_some_and(|e| e.id() == id)
        })
        .unwrap_or_else(|| panic!("{query:?} does not find the script {id}"));
    for _ in 0..row {
        desk.press(KeyCode::Down);
    }
    desk.press(KeyCode::Enter);
    assert_eq!(desk.app.mode(), Mode::Script, "{query:?} opens {id}");
}

#[test]
fn the_partner_screen_shows_everything_a_resident_needs() {
    let mut desk = desk(80, 60);
    open(&mut desk, "food-bank");
    let screen = desk.screen();
    for shown in [
        "Exampleton Food Bank",
        "Emergency food parcels",
        "Closed now; opens tomorrow at 10am",
        "Phone: 01632 960702",
        "Web: https://foodbank.example.com",
        "Address: St Mark's Hall, 22 Mill Road, Exampleton",
        "How: referral, walk in",
        "Languages: English",
        "Who can get help: People in crisis",
        "Tuesday, Thursday and Saturday: 10am to 1pm",
        "Closed on: Friday 25 December, Monday 28 December, Friday 1 January",
        "Access: Step-free entrance",
        "Takes a referral only when the resident agrees to it.",
    ] {
        assert!(screen.contains(shown), "{shown:?} is missing:\n{screen}");
    }
}

#[test]
fn partner_screen_80x24() {
    let mut desk = desk(80, 24);
    open(&mut desk, "citizens-advice");
    insta::assert_snapshot!("partner_screen_80x24", desk.screen());
}

#[test]
fn results_say_whether_a_partner_is_open_now() {
    let mut desk = desk(100, 30);
    desk.type_text("food bank");
    let screen = desk.screen();
    assert!(
        screen.contains("Exampleton Food Bank (closed, opens tomorrow 10am)"),
        "{screen}"
    );
    // Tuesday at 11: open, and on Christmas Day (a Friday, closed) it is not.
    desk.act(Action::Tick(
        DateTime::parse_from_rfc3339("2026-11-24T11:00:00+00:00").unwrap(),
    ));
    assert!(desk.screen().contains("(open, closes 1pm)"));
    desk.act(Action::Tick(
        DateTime::parse_from_rfc3339("2026-12-24T11:00:00+00:00").unwrap(),
    ));
    assert!(
        desk.screen().contains("(open, closes 1pm)"),
        "Christmas Eve is a Thursday"
    );
    desk.act(Action::Tick(
        DateTime::parse_from_rfc3339("2026-12-26T11:00:00+00:00").unwrap(),
    ));
    let screen = desk.screen();
    assert!(
        screen.contains("(open, closes 1pm)"),
        "Boxing Day is not in its closed list:\n{screen}"
    );
    desk.act(Action::Tick(
        DateTime::parse_from_rfc3339("2026-12-29T11:00:00+00:00").unwrap(),
    ));
    assert!(desk.screen().contains("(open, closes 1pm)"));
    desk.act(Action::Tick(
        DateTime::parse_from_rfc3339("2026-12-27T11:00:00+00:00").unwrap(),
    ));
    assert!(desk.screen().contains("(closed, opens Tue 10am)"));

    // Citizens Advice opens on weekdays, but not on the bank holidays in its closed list.
    let mut desk = self::desk(100, 30);
    desk.type_text("citizens advice");
    desk.act(Action::Tick(
        DateTime::parse_from_rfc3339("2026-12-23T11:00:00+00:00").unwrap(),
    ));
    assert!(desk.screen().contains("(open, closes 4:30pm)"));
    desk.act(Action::Tick(
        DateTime::parse_from_rfc3339("2026-12-25T11:00:00+00:00").unwrap(),
    ));
    let screen = desk.screen();
    assert!(
        screen.contains("(closed, opens Tue 9:30am)"),
        "Christmas Day and the Monday bank holiday are skipped:\n{screen}"
    );
}

#[test]
fn f6_on_a_partner_previews_its_slip_and_p_prints_it() {
    let mut desk = desk(80, 24);
    open(&mut desk, "citizens-advice");
    desk.press(KeyCode::F(6));
    assert_eq!(desk.app.mode(), Mode::Slip);
    insta::assert_snapshot!("slip_preview_80x24", desk.screen());
    desk.press(KeyCode::Char('p'));
    let jobs = slip_jobs(&desk);
    assert_eq!(jobs.len(), 1);
    assert!(jobs[0].print);
    assert_eq!(jobs[0].name, "slip-2026-11-23-101500");
    assert!(jobs[0].text.contains("1. Citizens Advice Example District"));
    assert!(jobs[0].html.contains("@page { size: A4;"));
    assert!(desk.screen().contains("Printing the slip..."));

    // The printer fails: one sentence, and where the slip is instead.
    desk.act(Action::SlipFiled(SlipFiled::PrintFailed {
        problem: "lp: Error - no default destination".into(),
        path: PathBuf::from("/data/slips/slip-2026-11-23-101500.html"),
    }));
    let screen = desk.screen();
    assert!(
        screen.contains("The slip did not print (lp: Error - no default destination); it is"),
        "{screen}"
    );
    assert!(screen.contains("slip-2026-11-23-101500.html"), "{screen}");

    // `f` saves it to a file, and the path is shown.
    desk.press(KeyCode::Char('f'));
    assert!(!slip_jobs(&desk)[1].print);
    desk.act(Action::SlipFiled(SlipFiled::Saved {
        path: PathBuf::from("/data/slips/slip-2026-11-23-101501.html"),
    }));
    assert!(
        desk.screen()
            .contains("Slip saved: /data/slips/slip-2026-11-23-101501.html")
    );
    desk.press(KeyCode::Esc);
    assert_eq!(desk.app.mode(), Mode::Detail);
}

#[test]
fn a_services_slip_carries_the_partners_chosen_for_the_visit_or_else_its_signposts() {
    let mut desk = desk(80, 24);
    open(&mut desk, "council-tax-pay");
    desk.press(KeyCode::F(6));
    let slip = desk.screen();
    assert!(slip.contains("Exampleton Debt Advice Centre"), "{slip}");
    desk.press(KeyCode::Esc);

    // On the form: the service and the partners ticked.
    desk.press(KeyCode::F(2));
    assert_eq!(desk.app.mode(), Mode::VisitForm);
    desk.press(KeyCode::F(6));
    assert_eq!(
        desk.app.mode(),
        Mode::Slip,
        "with nothing ticked the service alone"
    );
    desk.press(KeyCode::Char('p'));
    let job = slip_jobs(&desk).pop().unwrap();
    assert!(job.text.contains("Pay your council tax"), "{}", job.text);
    assert!(!job.text.contains("Debt Advice"), "{}", job.text);
}

#[test]
fn at_a_scripts_end_f6_previews_the_slip_of_its_partners_and_services() {
    let mut desk = desk(80, 24);
    open_script(&mut desk, "bailiffs", "council-tax-arrears");
    desk.press(KeyCode::Char('1')); // Safety first: none of these.
    desk.press(KeyCode::Char('4'));
    desk.press(KeyCode::Char('2'));
    assert!(
        desk.screen()
            .contains("A slip is worth printing for the resident: press F6."),
        "the end offers the slip with its key"
    );
    desk.press(KeyCode::F(6));
    assert_eq!(desk.app.mode(), Mode::Slip);
    desk.press(KeyCode::Char('p'));
    let job = slip_jobs(&desk).pop().unwrap();
    assert!(job.text.contains("1. Exampleton Debt Advice Centre"));
    assert!(job.text.contains("2. National Debtline"));
    assert!(
        job.text
            .contains("Council tax arrears, reminders and summonses")
    );
}

#[test]
fn mid_script_or_on_an_faq_there_is_nothing_for_a_slip() {
    let mut desk = desk(80, 24);
    open_script(&mut desk, "bailiffs", "council-tax-arrears");
    desk.press(KeyCode::F(6));
    assert_eq!(desk.app.mode(), Mode::Script);
    assert!(desk.screen().contains("to make a slip"));
    let mut desk = self::desk(80, 24);
    let faq = desk
        .app
        .catalogue
        .entries()
        .find(|(key, _)| key.kind == Kind::Faq)
        .map(|(key, _)| key)
        .unwrap();
    desk.app.screens.push(Screen::Detail(Detail::new(faq)));
    desk.press(KeyCode::F(6));
    assert_eq!(desk.app.mode(), Mode::Detail);
    assert!(slip_jobs(&desk).is_empty());
}

#[test]
fn a_partner_is_a_signpost_in_three_keys_and_space_makes_it_a_referral_asking_consent() {
    // The common case: a partner reached from a service, F2, the outcome, Enter.
    let mut desk = desk(80, 24);
    open(&mut desk, "council-tax-pay");
    open(&mut desk, "debt-advice");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('2'));
    desk.press(KeyCode::Enter);
    assert_eq!(
        saved_partners(&desk),
        Some(vec![PartnerOnVisit::signpost("debt-advice")])
    );

    // Space on the partner steps it: a referral, the question asked, no, then yes.
    let mut desk = self::desk(80, 24);
    open(&mut desk, "council-tax-pay");
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Char('3'));
    // Past the demand and the way of helping online to the partners.
    desk.press(KeyCode::Tab);
    desk.press(KeyCode::Tab);
    desk.press(KeyCode::Tab);
    desk.press(KeyCode::Char(' '));
    assert!(desk.screen().contains("[x] Exampleton Debt Advice Centre"));
    desk.press(KeyCode::Char(' '));
    let screen = desk.screen();
    assert!(
        screen.contains("Exampleton Debt Advice Centre: referral, agreed? No"),
        "{screen}"
    );
    assert!(
        screen.contains("Has the resident agreed to the referral to Exampleton Debt Advice"),
        "{screen}"
    );
    desk.press(KeyCode::Char(' '));
    insta::assert_snapshot!("form_referral_consent_80x24", desk.screen());
    desk.press(KeyCode::Enter);
    assert_eq!(
        saved_partners(&desk),
        Some(vec![PartnerOnVisit {
            partner: "debt-advice".into(),
            how: PartnerHow::Referral,
            consent: Some(true),
            service: 0,
        }])
    );
}

#[test]
fn a_referral_restored_without_an_answer_is_not_saved_until_the_resident_is_asked() {
    let mut desk = desk(80, 24);
    let mut draft = frontdesk::visit::VisitDraft::new(
        monday_morning().to_utc(),
        "Front desk",
        "AB",
        desk.app.catalogue.version(),
    );
    draft.services = vec!["council-tax-pay".into()];
    draft.outcome = Some(frontdesk::visit::Outcome::Referred);
    draft.partners = vec!["debt-advice".into()];
    draft.referrals.insert("debt-advice".into(), None);
    desk.act(Action::DraftRestored(Box::new(draft)));
    desk.press(KeyCode::F(2));
    desk.press(KeyCode::Enter);
    assert_eq!(saved_partners(&desk), None);
    let screen = desk.screen();
    assert!(
        screen.contains("Has the resident agreed to the referral to Exampleton Debt Advice"),
        "{screen}"
    );
}
