//! Signposting and referring a resident to partners: how each partner is passed on and the
//! resident's consent, recorded in real visit log files and shown by `visits --json`.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{DateTime, Utc};
use frontdesk::store::{SCHEMA_VERSION, Store, migrations};
use frontdesk::visit::{PartnerHow, PartnerOnVisit, VisitDraft};
use predicates::prelude::*;
use rusqlite::Connection;
use serde_json::{Value, json};
use tempfile::TempDir;

/// A temporary data folder, with the built-in catalogue.
struct Desk {
    dir: TempDir,
}

impl Desk {
    fn new() -> Desk {
        let desk = Desk {
            dir: TempDir::new().unwrap(),
        };
        fs::write(desk.config(), "desk = \"Main desk\"\n").unwrap();
        desk
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn visits_file(&self) -> PathBuf {
        self.data().join("visits.sqlite3")
    }

    fn cmd(&self) -> Command {
        let mut cmd = crate::support::bare_frontdesk();
        cmd.env("FRONTDESK_CONFIG", self.config())
            .env("TZ", "Europe/London");
        cmd.arg("--data-dir").arg(self.data());
        cmd
    }

    fn log(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.cmd().arg("log").args(args).assert()
    }

    fn visits_json(&self) -> Vec<Value> {
        let output = self
            .cmd()
            .args(["visits", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&output).unwrap()
    }
}

#[test]
fn a_referral_with_consent_and_a_signpost_are_recorded_and_shown_in_visits_json() {
    let desk = Desk::new();
    desk.log(&[
        "--service",
        "council-tax-arrears",
        "--outcome",
        "referred",
        "--partner",
        "citizens-advice",
        "--refer",
        "debt-advice=yes",
        "--refer",
        "food-bank=no",
    ])
    .success();
    let visits = desk.visits_json();
    assert_eq!(visits.len(), 1);
    assert_eq!(
        visits[0]["partners"],
        json!([
            {"partner": "citizens-advice", "how": "signpost"},
            {"partner": "debt-advice", "how": "referral", "consent": true},
            {"partner": "food-bank", "how": "referral", "consent": false},
        ])
    );
    // The table says it in words.
    desk.log(&[
        "--service",
        "council-tax-arrears",
        "--outcome",
        "referred",
        "--refer",
        "food-bank=no",
    ])
    .success();
    desk.cmd()
        .arg("visits")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Exampleton Food Bank (referral, not agreed)",
        ));
    // The file holds the answer as 1 and 0, and nothing about the resident.
    let conn = Connection::open(desk.visits_file()).unwrap();
    let first = visits[0]["id"].as_str().unwrap();
    let rows: Vec<(String, String, Option<i64>)> = conn
        .prepare("SELECT partner_id, how, consent FROM visit_partners WHERE visit_id = ?1 ORDER BY position")
        .unwrap()
        .query_map([first], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rows,
        [
            ("citizens-advice".to_string(), "signpost".to_string(), None),
            ("debt-advice".to_string(), "referral".to_string(), Some(1)),
            ("food-bank".to_string(), "referral".to_string(), Some(0)),
        ]
    );
}

#[test]
fn a_referral_to_a_partner_that_needs_consent_is_refused_until_the_resident_is_asked() {
    let desk = Desk::new();
    desk.log(&[
        "--service",
        "council-tax-arrears",
        "--outcome",
        "referred",
        "--refer",
        "debt-advice",
    ])
    .failure()
    .stderr(predicate::str::contains(
        "--refer debt-advice: Exampleton Debt Advice Centre takes a referral only when the resident agrees to it",
    ))
    .stderr(predicate::str::contains("--refer debt-advice=yes"));
    assert!(
        !desk.visits_file().exists() || desk.visits_json().is_empty(),
        "nothing saved"
    );
    // A partner that does not need consent is referred without the question.
    desk.log(&[
        "--service",
        "council-tax-arrears",
        "--outcome",
        "referred",
        "--refer",
        "cvs",
    ])
    .success();
    assert_eq!(
        desk.visits_json()[0]["partners"],
        json!([{"partner": "cvs", "how": "referral"}])
    );
}

#[test]
fn a_bad_consent_answer_or_unknown_partner_is_refused_with_the_flag_named() {
    let desk = Desk::new();
    desk.log(&[
        "--service",
        "council-tax-arrears",
        "--outcome",
        "referred",
        "--refer",
        "debt-advice=maybe",
    ])
    .failure()
    .stderr(predicate::str::contains(
        "'maybe' is not an answer to 'Has the resident agreed?'; write --refer debt-advice=yes or --refer debt-advice=no",
    ));
    desk.log(&[
        "--service",
        "council-tax-arrears",
        "--outcome",
        "referred",
        "--refer",
        "no-such-partner=yes",
    ])
    .failure()
    .stderr(predicate::str::contains("no-such-partner"));
    assert!(!desk.visits_file().exists() || desk.visits_json().is_empty());
}

/// A version-4 log, as the frontdesk before signposting left it, with one visit and two
/// partners.
fn version_4_file(path: &Path) {
    let mut conn = Connection::open(path).unwrap();
    migrations::migrate_to(&mut conn, path, 4).unwrap();
    conn.execute_batch(
        "INSERT INTO visits (id, started_at, ended_at, desk, outcome) \
             VALUES ('01959b5c-6a00-7000-8000-000000000004', 1764000000000, 1764000060000, 'Desk', 'signposted');
         INSERT INTO visit_services (visit_id, position, service_id, outcome) \
             VALUES ('01959b5c-6a00-7000-8000-000000000004', 0, 'council-tax-arrears', 'signposted');
         INSERT INTO visit_partners (visit_id, position, partner_id) \
             VALUES ('01959b5c-6a00-7000-8000-000000000004', 0, 'citizens-advice');
         INSERT INTO visit_partners (visit_id, position, partner_id) \
             VALUES ('01959b5c-6a00-7000-8000-000000000004', 1, 'food-bank');",
    )
    .unwrap();
}

#[test]
fn a_version_4_log_migrates_with_its_partners_as_signposts() {
    let desk = Desk::new();
    fs::create_dir_all(desk.data()).unwrap();
    version_4_file(&desk.visits_file());
    let store = Store::open(&desk.visits_file()).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let visits = store
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap();
    assert_eq!(
        visits[0].partners,
        [
            PartnerOnVisit::signpost("citizens-advice"),
            PartnerOnVisit::signpost("food-bank")
        ]
    );
    drop(store);
    assert_eq!(
        desk.visits_json()[0]["partners"],
        json!([
            {"partner": "citizens-advice", "how": "signpost"},
            {"partner": "food-bank", "how": "signpost"},
        ])
    );
}

#[test]
fn an_edit_keeps_each_partners_way_and_consent() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let mut draft = VisitDraft::new(Utc::now(), "Desk", "", "v1");
    draft.outcome = Some(frontdesk::visit::Outcome::Referred);
    draft.services = vec!["council-tax-arrears".into()];
    draft.step_partner("debt-advice", true); // ticked: a signpost
    draft.step_partner("debt-advice", true); // a referral: has the resident agreed? no
    draft.step_partner("debt-advice", true); // yes
    let visit = draft.into_visit().unwrap();
    assert_eq!(
        visit.partners,
        [PartnerOnVisit {
            partner: "debt-advice".into(),
            how: PartnerHow::Referral,
            consent: Some(true),
            service: 0,
        }]
    );
    store.save(&visit).unwrap();
    let mut edit = VisitDraft::from_visit(&store.visit(visit.id).unwrap().unwrap());
    edit.step_partner("citizens-advice", false);
    let edited = edit.into_visit().unwrap();
    store.update(&edited).unwrap();
    let stored = store.visit(visit.id).unwrap().unwrap();
    assert_eq!(stored.partners[0], visit.partners[0]);
    assert_eq!(
        stored.partners[1],
        PartnerOnVisit::signpost("citizens-advice")
    );
}

#[test]
fn a_draft_or_visit_written_before_referrals_still_reads() {
    let old_draft =
        r#"{"services":["council-tax-arrears"],"partners":["food-bank"],"outcome":"signposted"}"#;
    let draft: VisitDraft = serde_json::from_str(old_draft).unwrap();
    assert_eq!(draft.partners, ["food-bank"]);
    assert!(draft.referrals.is_empty());
    let visit = VisitDraft {
        desk: "Desk".into(),
        ..draft
    }
    .into_visit()
    .unwrap();
    assert_eq!(visit.partners, [PartnerOnVisit::signpost("food-bank")]);
    // A visit as `visits --json` printed it before: partners as bare ids.
    let mut json = serde_json::to_value(&visit).unwrap();
    json["partners"] = json!(["food-bank", "cvs"]);
    let read: frontdesk::visit::Visit = serde_json::from_value(json).unwrap();
    assert_eq!(
        read.partners,
        [
            PartnerOnVisit::signpost("food-bank"),
            PartnerOnVisit::signpost("cvs")
        ]
    );
}
