//! A partner is recorded on the service it was given for: a visit about two services with a
//! partner for each is exported as two rows, each with its own partner (summing by row counts
//! each partner once); a signpost carries the resident's consent where the partner asks for
//! it; a script's end gives its partners to the script's service. Checked on real files.

use chrono::{DateTime, TimeZone, Utc};
use frontdesk::catalogue::ScriptEnd;
use frontdesk::store::{Desks, ExportRow, Store};
use frontdesk::visit::{Outcome, PartnerHow, PartnerOnVisit, VisitDraft};
use rusqlite::Connection;
use tempfile::TempDir;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap()
}

fn export(store: &Store) -> Vec<ExportRow> {
    let mut rows = Vec::new();
    store
        .export_rows(
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            &Desks::Only("Main desk".into()),
            |row| -> Result<(), ()> {
                rows.push(row);
                Ok(())
            },
        )
        .unwrap()
        .unwrap();
    rows
}

/// A visit about a bulky waste collection and council tax arrears, signposted to a furniture
/// reuse charity for the first and to debt advice for the second.
fn two_services() -> VisitDraft {
    let mut draft = VisitDraft::new(start(), "Main desk", "AB", "t1");
    draft.services = vec!["bulky-waste".into(), "council-tax-arrears".into()];
    draft.outcome = Some(Outcome::Signposted);
    draft.step_partner("furniture-reuse", false);
    draft.step_partner("debt-advice", true);
    draft.set_partner_service("debt-advice", 1);
    draft
}

#[test]
fn two_services_with_a_partner_each_are_exported_as_two_rows_each_with_its_own_partner() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let visit = two_services().into_visit().unwrap();
    assert_eq!(
        visit.partners,
        [
            PartnerOnVisit::signpost("furniture-reuse"),
            PartnerOnVisit::signpost("debt-advice").for_service(1),
        ]
    );
    store.save(&visit).unwrap();
    drop(store);

    // As stored: each partner with the place of its service.
    let conn = Connection::open(&path).unwrap();
    let stored: Vec<(String, i64)> = conn
        .prepare("SELECT partner_id, service_position FROM visit_partners ORDER BY position")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        stored,
        [("furniture-reuse".into(), 0), ("debt-advice".into(), 1)]
    );

    let store = Store::open(&path).unwrap();
    assert_eq!(store.visit(visit.id).unwrap().unwrap(), visit);
    let rows = export(&store);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].service_id, "bulky-waste");
    assert_eq!(
        rows[0].partners,
        [("furniture-reuse".to_string(), "signpost".to_string())]
    );
    assert_eq!(rows[1].service_id, "council-tax-arrears");
    assert_eq!(
        rows[1].partners,
        [("debt-advice".to_string(), "signpost".to_string())]
    );
    // Summing by row counts each partner once.
    let partners: usize = rows.iter().map(|r| r.partners.len()).sum();
    assert_eq!(partners, visit.partners.len());

    // An edit keeps each partner on its service; taking the service off gives its partner to
    // the first.
    let edit = VisitDraft::from_visit(&visit);
    assert_eq!(
        edit.partner_service("debt-advice"),
        Some("council-tax-arrears")
    );
    assert_eq!(edit.clone().into_visit().unwrap(), visit);
    let mut fewer = edit;
    fewer.remove_service(1);
    let fewer = fewer.into_visit().unwrap();
    assert!(fewer.partners.iter().all(|p| p.service == 0));
}

#[test]
fn a_partner_cannot_be_given_to_a_service_not_on_the_visit() {
    let mut draft = two_services();
    draft.set_partner_service("furniture-reuse", 7);
    draft.set_partner_service("not-on-the-visit", 1);
    let visit = draft.into_visit().unwrap();
    assert_eq!(visit.partners[0].service, 0);
    assert_eq!(visit.partners.len(), 2);
}

#[test]
fn a_signpost_the_resident_agreed_to_is_stored_with_its_consent() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("visits.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let mut draft = VisitDraft::new(start(), "Main desk", "AB", "t1");
    draft.services = vec!["council-tax-arrears".into()];
    draft.outcome = Some(Outcome::Signposted);
    // Debt advice asks for the resident's agreement: a signpost, a referral (no, then yes),
    // then a signpost the resident agreed to.
    for _ in 0..4 {
        draft.step_partner("debt-advice", true);
    }
    assert_eq!(
        draft.partner_how("debt-advice"),
        (PartnerHow::Signpost, Some(true))
    );
    let visit = draft.clone().into_visit().unwrap();
    store.save(&visit).unwrap();
    drop(store);

    let conn = Connection::open(&path).unwrap();
    let (how, consent): (String, Option<i64>) = conn
        .query_row("SELECT how, consent FROM visit_partners", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((how.as_str(), consent), ("signpost", Some(1)));

    let store = Store::open(&path).unwrap();
    let read = store.visit(visit.id).unwrap().unwrap();
    assert_eq!(
        read.partners,
        [PartnerOnVisit {
            consent: Some(true),
            ..PartnerOnVisit::signpost("debt-advice")
        }]
    );
    let rows = export(&store);
    assert_eq!(rows[0].consents, [Some("1".to_string())]);

    // One step more takes the partner off the visit.
    draft.step_partner("debt-advice", true);
    assert!(draft.partners.is_empty());
    assert!(draft.signpost_consent.is_empty());
}

#[test]
fn a_scripts_end_gives_its_partners_to_the_scripts_service() {
    let end: ScriptEnd = serde_json::from_value(serde_json::json!({
        "outcome": "signposted",
        "services": [{"id": "homelessness"}],
        "partners": ["shelter"],
    }))
    .unwrap();
    let mut draft = VisitDraft::new(start(), "Main desk", "AB", "t1");
    draft.services = vec!["bulky-waste".into()];
    frontdesk::desk::draft::fill_from_end(&mut draft, &end);
    let visit = draft.into_visit().unwrap();
    assert_eq!(visit.service_ids(), ["bulky-waste", "homelessness"]);
    assert_eq!(
        visit.partners,
        [PartnerOnVisit::signpost("shelter").for_service(1)]
    );
}
