//! A simulated day proves the figures: a few hundred made-up residents come to the desk, each
//! with a known truth (services and the outcome of each, a partner signposted to, value or
//! failure demand, how they were helped online, could it have been done online and why not,
//! their language, when they arrived and how long they stayed). A receptionist logs each one
//! with the keys of the reception screen (through the headless harness, the real keymap, app
//! and visit log), across the night the clocks go back, edits one visit and undoes another; the
//! last few are logged in the accessible mode, a line at a time, into the same log.
//! The desk's report and the export must then equal the truth, figure by figure, and where a
//! PostgreSQL server is set for the tests (see `central_support`), so must the central server's
//! report once the desk has sent its visits.
//!
//! This file is its own process, set to UK time before anything reads the clock's zone.

#[path = "support/mod.rs"]
mod support;

use support::central as central_support;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Timelike, Utc};
use crossterm::event::KeyCode;
use frontdesk::catalogue::Catalogue;
use frontdesk::config::UnitCosts;
use frontdesk::report::{Period, Report, desks_for};
use frontdesk::store::{VisitLog, local_day_bounds};
use frontdesk::text::Language;
use frontdesk::tui::headless::Headless;
use frontdesk::visit::{AssistedHow, Demand, ExclusionReason, OnlineAnswer, Outcome};
use tempfile::TempDir;

/// The fixture catalogue's services, the words a receptionist types to find each, and the
/// partners each signposts to (the form offers them in this order).
const SERVICES: [(&str, &str, &[&str]); 6] = [
    ("bulky-waste", "bulky waste", &["food-bank"]),
    ("bin-missed", "missed bin", &[]),
    ("council-tax-pay", "pay council tax", &["citizens-advice"]),
    ("blue-badge", "blue badge", &[]),
    ("universal-credit", "universal credit", &["citizens-advice"]),
    (
        "homelessness",
        "homeless",
        &["citizens-advice", "food-bank"],
    ),
];

/// A small, fixed stream of numbers, so the day is the same every run.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// What really happened with one resident.
#[derive(Debug, Clone)]
struct Truth {
    /// Index into [`SERVICES`], and each service's outcome.
    services: Vec<(usize, Outcome)>,
    demand: Option<Demand>,
    assisted: Option<AssistedHow>,
    /// The partner signposted to (the first the form offers), if any.
    partner: Option<&'static str>,
    online: Option<OnlineAnswer>,
    reasons: Vec<ExclusionReason>,
    welsh: bool,
    arrived: DateTime<Utc>,
    minutes: i64,
}

impl Truth {
    fn offered_partner(&self) -> Option<&'static str> {
        self.services
            .iter()
            .flat_map(|(s, _)| SERVICES[*s].2.iter().copied())
            .next()
    }
}

fn make_residents(count: usize, first: DateTime<Utc>) -> Vec<Truth> {
    let mut dice = Dice(0x5eed_f00d_cafe_d00d);
    let mut arrived = first;
    let mut residents = Vec::with_capacity(count);
    for _ in 0..count {
        let first_service = dice.below(SERVICES.len());
        let mut services = vec![(first_service, Outcome::ALL[dice.below(Outcome::ALL.len())])];
        if dice.chance(20) {
            let second = (first_service + 1 + dice.below(SERVICES.len() - 1)) % SERVICES.len();
            services.push((second, Outcome::ALL[dice.below(Outcome::ALL.len())]));
        }
        let demand = dice
            .chance(80)
            .then(|| Demand::ALL[dice.below(Demand::ALL.len())]);
        let assisted = dice
            .chance(30)
            .then(|| AssistedHow::ALL[dice.below(AssistedHow::ALL.len())]);
        let online = dice
            .chance(70)
            .then(|| OnlineAnswer::ALL[dice.below(OnlineAnswer::ALL.len())]);
        let mut reasons = Vec::new();
        if online == Some(OnlineAnswer::No) {
            for reason in ExclusionReason::ALL {
                if dice.chance(25) {
                    reasons.push(reason);
                }
            }
        }
        let minutes = 1 + dice.below(5) as i64;
        let mut truth = Truth {
            services,
            demand,
            assisted,
            partner: None,
            online,
            reasons,
            welsh: dice.chance(15),
            arrived,
            minutes,
        };
        if dice.chance(50) {
            truth.partner = truth.offered_partner();
        }
        residents.push(truth);
        // The next resident arrives after this one leaves, and a little idle time.
        arrived = arrived + Duration::minutes(minutes) + Duration::seconds(dice.below(120) as i64);
    }
    residents
}

/// UK time at `at`: the clocks went back from BST to GMT at 01:00 UTC on 25 October 2026.
fn uk(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    let change = Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap();
    let hours = if at < change { 1 } else { 0 };
    at.with_timezone(&FixedOffset::east_opt(hours * 3600).unwrap())
}

fn desk(data: &Path) -> Headless {
    let catalogue = Catalogue::from_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue"),
    )
    .unwrap();
    let start = Utc.with_ymd_and_hms(2026, 10, 24, 23, 0, 0).unwrap();
    Headless::new(catalogue, uk(start), 100, 40).with_visit_log(data)
}

/// Chooses choice `index` of the focused one-of-several field: Right chooses the first when
/// none is chosen, then moves on choosing as it goes.
fn choose(desk: &mut Headless, index: usize) {
    for _ in 0..=index {
        desk.press(KeyCode::Right);
    }
}

/// Logs one resident with the keys of the reception screen, as a receptionist would.
fn log_resident(desk: &mut Headless, truth: &Truth) {
    desk.act(frontdesk::desk::Action::Tick(uk(truth.arrived)));
    if truth.welsh {
        desk.press(KeyCode::F(8));
    }
    for (n, (service, _)) in truth.services.iter().enumerate() {
        if n > 0 {
            // Back to the search, cleared, for the second thing the resident asks about.
            desk.press(KeyCode::Esc);
            desk.press(KeyCode::Esc);
        }
        desk.type_text(SERVICES[*service].1);
        desk.press(KeyCode::F(2));
    }
    let draft = desk.app.draft.as_ref().expect("the form is open");
    let ids: Vec<&str> = truth.services.iter().map(|(s, _)| SERVICES[*s].0).collect();
    assert_eq!(
        draft.services, ids,
        "the search found the services asked for"
    );
    // The visit's outcome is the first service's; a second service with another is given its
    // own on the services row.
    let outcome_key = |o: Outcome| {
        let n = Outcome::ALL.iter().position(|x| *x == o).unwrap() + 1;
        KeyCode::Char(char::from(b'0' + n as u8))
    };
    desk.press(outcome_key(truth.services[0].1));
    if let Some((_, second)) = truth.services.get(1)
        && *second != truth.services[0].1
    {
        desk.press(KeyCode::BackTab);
        desk.press(KeyCode::Right);
        desk.press(outcome_key(*second));
        desk.press(KeyCode::Tab);
    }
    desk.press(KeyCode::Tab); // demand
    if let Some(demand) = truth.demand {
        choose(desk, Demand::ALL.iter().position(|d| *d == demand).unwrap());
    }
    desk.press(KeyCode::Tab); // helped online
    if let Some(how) = truth.assisted {
        choose(
            desk,
            AssistedHow::ALL.iter().position(|a| *a == how).unwrap(),
        );
    }
    desk.press(KeyCode::Tab); // partners
    if truth.partner.is_some() {
        desk.press(KeyCode::Char(' '));
    }
    desk.press(KeyCode::Tab); // could it be done online
    if let Some(answer) = truth.online {
        choose(
            desk,
            OnlineAnswer::ALL.iter().position(|a| *a == answer).unwrap(),
        );
    }
    desk.press(KeyCode::Tab); // why not
    let mut cursor = 0;
    for reason in &truth.reasons {
        let index = ExclusionReason::ALL
            .iter()
            .position(|r| r == reason)
            .unwrap();
        while cursor < index {
            desk.press(KeyCode::Right);
            cursor += 1;
        }
        desk.press(KeyCode::Char(' '));
    }
    desk.act(frontdesk::desk::Action::Tick(uk(
        truth.arrived + Duration::minutes(truth.minutes)
    )));
    desk.press(KeyCode::Enter);
    assert!(desk.app.draft.is_none(), "saved: {:?}", desk.app.status);
}

/// Logs one resident in the accessible mode, a typed line at a time, each at its own time.
fn log_accessibly(
    session: &mut frontdesk::accessible::Session<std::io::Sink>,
    clock: &std::rc::Rc<std::cell::Cell<DateTime<FixedOffset>>>,
    truth: &Truth,
) {
    let number = |n: usize| (n + 1).to_string();
    let (service, outcome) = truth.services[0];
    let mut lines = vec![
        SERVICES[service].1.to_string(),
        "1".to_string(),
        "log".to_string(),
        number(Outcome::ALL.iter().position(|o| *o == outcome).unwrap()),
        truth.demand.map_or(String::new(), |d| {
            number(Demand::ALL.iter().position(|x| *x == d).unwrap())
        }),
        truth.assisted.map_or(String::new(), |a| {
            number(AssistedHow::ALL.iter().position(|x| *x == a).unwrap())
        }),
    ];
    // The partners are asked only where the service offers some.
    if !SERVICES[service].2.is_empty() {
        lines.push(if truth.partner.is_some() { "1" } else { "" }.to_string());
    }
    lines.push(truth.online.map_or(String::new(), |a| {
        number(OnlineAnswer::ALL.iter().position(|x| *x == a).unwrap())
    }));
    let reasons: Vec<String> = truth
        .reasons
        .iter()
        .map(|r| number(ExclusionReason::ALL.iter().position(|x| x == r).unwrap()))
        .collect();
    lines.push(reasons.join(" "));
    clock.set(uk(truth.arrived));
    for line in &lines {
        session.answer(line).unwrap();
    }
    clock.set(uk(truth.arrived + Duration::minutes(truth.minutes)));
    session.answer("save").unwrap();
    assert!(
        session.app.draft.is_none(),
        "saved: {:?}",
        session.app.status
    );
}

fn outcome_of(truth: &Truth) -> impl Iterator<Item = (&'static str, Outcome)> + '_ {
    truth.services.iter().map(|(s, o)| (SERVICES[*s].0, *o))
}

fn word_counts<'a>(words: impl Iterator<Item = &'a str>) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for word in words {
        *counts.entry(word.to_string()).or_insert(0) += 1;
    }
    counts
}

/// A count keyed by word, with the words counted nowhere left out.
fn nonzero(map: &BTreeMap<String, u64>) -> BTreeMap<String, u64> {
    map.iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| (k.clone(), *n))
        .collect()
}

fn median(mut minutes: Vec<i64>) -> Option<f64> {
    minutes.sort_unstable();
    let n = minutes.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(minutes[n / 2] as f64),
        _ => Some((minutes[n / 2 - 1] + minutes[n / 2]) as f64 / 2.0),
    }
}

#[test]
fn a_day_of_residents_gives_the_figures_that_happened() {
    // SAFETY: the only test in this process, run before any other thread reads the zone.
    unsafe { std::env::set_var("TZ", "Europe/London") };
    let dir = TempDir::new().unwrap();
    let mut desk = desk(dir.path());
    // From 00:05 BST on Sunday 25 October 2026, through the clocks going back at 02:00 BST.
    let first = Utc.with_ymd_and_hms(2026, 10, 24, 23, 5, 0).unwrap();
    let mut residents = make_residents(320, first);
    // The last twenty come to a receptionist using the accessible mode: one service each, in
    // English (its words are checked in tests/accessible.rs).
    for resident in &mut residents[300..] {
        resident.services.truncate(1);
        resident.welsh = false;
        resident.partner = resident.partner.and(resident.offered_partner());
    }
    let day = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap();
    assert!(
        residents.iter().all(|r| uk(r.arrived).date_naive() == day),
        "every resident arrives on the day"
    );
    assert!(
        residents.iter().any(|r| uk(r.arrived).hour() == 1 && uk(r.arrived).offset().local_minus_utc() == 3600)
            && residents.iter().any(|r| uk(r.arrived).hour() == 1 && uk(r.arrived).offset().local_minus_utc() == 0),
        "some arrive in the hour from 01:00 both before and after the clocks go back"
    );

    let clock = std::rc::Rc::new(std::cell::Cell::new(uk(first)));
    let mut accessible = {
        let catalogue = Catalogue::from_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue"),
        )
        .unwrap();
        let catalogue = std::sync::Arc::new(catalogue);
        let index = frontdesk::search::Index::new(&catalogue);
        let keys = frontdesk::accessible::key_names(Language::English);
        let app = frontdesk::desk::App::new(catalogue, keys, "Front desk", "AB", uk(first));
        let jobs =
            frontdesk::runtime::workers::StoreJobs::new(frontdesk::runtime::workers::StorePlace {
                visits_file: dir.path().join("visits.sqlite3"),
                drafts: None,
                desk: "Front desk".to_string(),
            });
        let shared = clock.clone();
        frontdesk::accessible::Session::new(
            app,
            index,
            Some(jobs),
            std::io::sink(),
            Box::new(move || shared.get()),
        )
    };
    for (n, truth) in residents.clone().iter().enumerate() {
        if n >= 300 {
            log_accessibly(&mut accessible, &clock, truth);
            continue;
        }
        log_resident(&mut desk, truth);
        if n == 100 {
            // The receptionist corrects the visit just saved: its outcome was wrong.
            desk.press(KeyCode::F(3));
            desk.press(KeyCode::Char('e'));
            let corrected = if truth.services[0].1 == Outcome::Resolved {
                Outcome::NotResolved
            } else {
                Outcome::Resolved
            };
            let n_key = Outcome::ALL.iter().position(|o| *o == corrected).unwrap() + 1;
            desk.press(KeyCode::Char(char::from(b'0' + n_key as u8)));
            desk.press(KeyCode::Enter);
            desk.press(KeyCode::Esc);
            // A service with no outcome of its own follows the visit's.
            let resident = &mut residents[n];
            let first_outcome = resident.services[0].1;
            for (_, outcome) in resident.services.iter_mut() {
                if *outcome == first_outcome {
                    *outcome = corrected;
                }
            }
        }
        if n == 200 {
            // This visit was logged by mistake: undone, it is in no figure.
            desk.press(KeyCode::F(3));
            desk.press(KeyCode::Char('u'));
            desk.press(KeyCode::Char('u'));
            desk.press(KeyCode::Esc);
            residents[n].services.clear();
        }
    }
    residents.retain(|r| !r.services.is_empty());
    assert_eq!(residents.len(), 319);

    let path = dir.path().join("visits.sqlite3");
    let mut log = VisitLog::new(&path);
    let counts = log.report_counts(day, day, &desks_for(None)).unwrap();
    let catalogue = Catalogue::from_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue"),
    )
    .unwrap();
    let report = Report::build(
        Period {
            from: day,
            to: day,
            desk: None,
        },
        &counts,
        &catalogue,
        UnitCosts::default(),
        Language::English,
    );

    // Visits, and services by outcome.
    assert_eq!(report.visits, residents.len() as u64);
    let outcomes = word_counts(
        residents
            .iter()
            .flat_map(outcome_of)
            .map(|(_, o)| o.as_str()),
    );
    assert_eq!(nonzero(&report.outcomes), outcomes);
    for (index, (id, _, _)) in SERVICES.iter().enumerate() {
        let truth: Vec<&Truth> = residents
            .iter()
            .filter(|r| r.services.iter().any(|(s, _)| *s == index))
            .collect();
        let figures = report.services.iter().find(|s| s.id == *id);
        assert_eq!(
            figures.map_or(0, |s| s.visits),
            truth.len() as u64,
            "visits about {id}"
        );
        if let Some(figures) = figures {
            let outcomes = word_counts(
                truth
                    .iter()
                    .flat_map(|r| outcome_of(r))
                    .filter(|(s, _)| s == id)
                    .map(|(_, o)| o.as_str()),
            );
            assert_eq!(nonzero(&figures.outcomes), outcomes, "{id}'s outcomes");
        }
    }
    // First-contact resolution: every service resolved, helped online or signposted.
    let first_contact = residents
        .iter()
        .filter(|r| {
            r.services.iter().all(|(_, o)| {
                matches!(
                    o,
                    Outcome::Resolved | Outcome::AssistedDigital | Outcome::Signposted
                )
            })
        })
        .count();
    assert_eq!(report.first_contact_resolution.visits, first_contact as u64);
    // Helped online: a way of helping given, or a service ended helped online.
    let assisted: Vec<&Truth> = residents
        .iter()
        .filter(|r| {
            r.assisted.is_some()
                || r.services
                    .iter()
                    .any(|(_, o)| *o == Outcome::AssistedDigital)
        })
        .collect();
    assert_eq!(report.assisted_digital.visits, assisted.len() as u64);
    let by_how = word_counts(
        assisted
            .iter()
            .map(|r| r.assisted.map_or("not-recorded", AssistedHow::as_str)),
    );
    assert_eq!(nonzero(&report.assisted_digital.by_how), by_how);
    // Value and failure demand.
    let value = residents
        .iter()
        .filter(|r| r.demand == Some(Demand::Value))
        .count();
    let failures = word_counts(
        residents
            .iter()
            .filter_map(|r| r.demand.filter(|d| d.is_failure()))
            .map(Demand::as_str),
    );
    assert_eq!(report.demand.value, value as u64);
    assert_eq!(nonzero(&report.demand.failure_by_kind), failures);
    assert_eq!(
        report.demand.not_recorded,
        residents.iter().filter(|r| r.demand.is_none()).count() as u64
    );
    // Could it have been done online, and why not.
    let online = word_counts(
        residents
            .iter()
            .map(|r| r.online.map_or("not-recorded", OnlineAnswer::as_str)),
    );
    assert_eq!(nonzero(&report.could_be_online), online);
    let reasons = word_counts(
        residents
            .iter()
            .flat_map(|r| r.reasons.iter().map(|x| x.as_str())),
    );
    assert_eq!(nonzero(&report.exclusion_reasons), reasons);
    // Partners signposted to.
    let partners = word_counts(residents.iter().filter_map(|r| r.partner));
    let reported: BTreeMap<String, u64> = report
        .partners
        .iter()
        .map(|p| (p.id.clone(), p.signposts))
        .collect();
    assert_eq!(reported, partners);
    // A service signposted on a visit with no partner is counted apart.
    let unpartnered = residents
        .iter()
        .filter(|r| r.partner.is_none())
        .flat_map(outcome_of)
        .filter(|(_, o)| *o == Outcome::Signposted)
        .count();
    assert!(unpartnered > 0);
    assert_eq!(report.signposted_without_partner, unpartnered as u64);
    assert!(report.partners.iter().all(|p| p.referrals == 0));
    // The resident's language, spoken and written.
    let welsh = residents.iter().filter(|r| r.welsh).count() as u64;
    let english = residents.len() as u64 - welsh;
    for languages in [&report.languages.spoken, &report.languages.written] {
        assert_eq!(languages.get("cy").copied(), Some(welsh));
        assert_eq!(languages.get("en").copied(), Some(english));
    }
    // Arrivals by the desk's local hour, on both sides of the clock change.
    let mut hours = [0u64; 24];
    for r in &residents {
        hours[uk(r.arrived).hour() as usize] += 1;
    }
    // Sunday is the last row.
    assert_eq!(report.busiest.by_weekday_hour[6], hours);
    assert!(
        report.busiest.by_weekday_hour[..6]
            .iter()
            .flatten()
            .all(|n| *n == 0)
    );
    // How long they stayed: every one was timed.
    assert_eq!(
        report.median_minutes,
        median(residents.iter().map(|r| r.minutes).collect())
    );
    assert_eq!(report.length_unknown, 0);

    // The central server's report, once the desk has sent its visits, is the desk's own.
    if let Some(db) = central_support::TestDb::create() {
        use frontdesk::central::{self, Central};
        use frontdesk::config::ServerUrl;
        let connect =
            |url: &str| Central::connect(&ServerUrl::parse("test", url).unwrap()).unwrap();
        let (desk_role, report_role) = (db.role("desk"), db.role("report"));
        let mut owner = connect(&db.url);
        central::schema::migrate(&mut owner).unwrap();
        central::schema::add_desk_role(&mut owner, "Front desk", &desk_role).unwrap();
        central::schema::add_report_role(&mut owner, &report_role).unwrap();
        let mut as_desk = connect(&db.url_as(&desk_role));
        let pushed = central::push::push_all(&mut as_desk, &mut log, 250).unwrap();
        assert_eq!(pushed.waiting, 0);
        let mut as_reader = connect(&db.url_as(&report_role));
        let counts =
            central::report::report_counts(&mut as_reader, day, day, &desks_for(None)).unwrap();
        let central_report = Report::build(
            Period {
                from: day,
                to: day,
                desk: None,
            },
            &counts,
            &catalogue,
            UnitCosts::default(),
            Language::English,
        );
        assert_eq!(central_report, report, "the central report is the desk's");
    }

    // The export: a row per visit and service, each the truth of its service.
    let (from, to) = local_day_bounds(day);
    let mut rows = Vec::new();
    log.export_rows(from, to, &desks_for(None), |row| -> Result<(), ()> {
        rows.push(row);
        Ok(())
    })
    .unwrap()
    .unwrap();
    let mut exported: Vec<String> = rows
        .iter()
        .map(|row| {
            format!(
                "{} {} {} {:?} {:?} {:?} {:?} {:?} {}/{} {}",
                row.started_at,
                row.service_id,
                row.service_outcome,
                row.demand,
                row.assisted_how,
                row.online,
                row.reasons,
                row.partners
                    .iter()
                    .map(|(id, _)| id.as_str())
                    .collect::<Vec<_>>(),
                row.spoken_language,
                row.written_language,
                (row.ended_at - row.started_at) / 1000,
            )
        })
        .collect();
    let mut truth: Vec<String> = residents
        .iter()
        .flat_map(|r| {
            outcome_of(r).map(move |(id, outcome)| {
                let language = if r.welsh { "cy" } else { "en" };
                format!(
                    "{} {} {} {:?} {:?} {:?} {:?} {:?} {}/{} {}",
                    r.arrived.timestamp_millis(),
                    id,
                    outcome.as_str(),
                    r.demand.map(|d| d.as_str().to_string()),
                    r.assisted.map(|a| a.as_str().to_string()),
                    r.online.map(|a| a.as_str().to_string()),
                    r.reasons
                        .iter()
                        .map(|x| x.as_str().to_string())
                        .collect::<Vec<_>>(),
                    r.partner.into_iter().collect::<Vec<_>>(),
                    language,
                    language,
                    r.minutes * 60,
                )
            })
        })
        .collect();
    exported.sort();
    truth.sort();
    assert_eq!(exported.len(), truth.len());
    for (row, truth) in exported.iter().zip(&truth) {
        assert_eq!(row, truth);
    }
}
