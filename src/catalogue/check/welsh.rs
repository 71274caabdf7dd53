//! Where the council turns Welsh on (`[council] welsh = true`), each entry missing some of its
//! Welsh ([`crate::catalogue::welsh`]) is a warning, at the entry, naming the fields to add.
//! The council may be in any file, so what is missing is noted as each entry is read and
//! reported once every file has been.

use super::raw::Raw;
use super::references::{MissingWelsh, Section};
use super::{Checker, Site};
use crate::catalogue::model::{Council, Faq, Partner, Service};
use crate::catalogue::quoted;
use crate::catalogue::script::{Script, ScriptNode};

fn note(checker: &mut Checker<'_>, site: Site, what: String, table: &str, fields: &[&str]) {
    if fields.is_empty() {
        return;
    }
    let message = format!(
        "{what} has no Welsh for {}; the council has welsh = true, so add {} under {table}",
        fields.join(", "),
        if fields.len() == 1 { "it" } else { "them" },
    );
    checker
        .ledger
        .missing_welsh
        .push(MissingWelsh { site, message });
}

fn entry_site(raw: &Raw<'_, '_>) -> Site {
    raw.id().map_or_else(|| raw.site(), |(_, site)| site)
}

pub(super) fn council(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, council: &Council) {
    if council.welsh {
        checker.ledger.welsh_on = true;
    }
    let missing = missing_council(council);
    note(
        checker,
        raw.field("name"),
        "the council".to_string(),
        "[council.cy]",
        &missing,
    );
}

pub(super) fn service(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, service: &Service) {
    let missing = missing_service(service);
    let what = format!("{} {}", Section::Service.noun(), quoted(&service.id));
    note(checker, entry_site(raw), what, "[service.cy]", &missing);
}

pub(super) fn partner(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, partner: &Partner) {
    let missing = missing_partner(partner);
    let what = format!("{} {}", Section::Partner.noun(), quoted(&partner.id));
    note(checker, entry_site(raw), what, "[partner.cy]", &missing);
}

pub(super) fn faq(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, faq: &Faq) {
    let missing = missing_faq(faq);
    let what = format!("{} {}", Section::Faq.noun(), quoted(&faq.id));
    note(checker, entry_site(raw), what, "[faq.cy]", &missing);
}

/// A script's own words and each of its steps'; and Welsh not yet read by a Welsh speaker.
pub(super) fn script(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, script: &Script) {
    let what = format!("script {}", quoted(&script.id));
    let missing = missing_script(script);
    note(checker, entry_site(raw), what, "[script.cy]", &missing);
    steps(checker, raw, script, "script");
    if let Some(cy) = &script.cy
        && !cy.reviewed
    {
        let site = raw.table("cy").map_or_else(|| raw.site(), |t| t.site());
        checker.ledger.missing_welsh.push(MissingWelsh {
            site,
            message: format!(
                "the Welsh of script {} has not been read by a Welsh speaker; once it has, set reviewed = true under [script.cy]",
                quoted(&script.id)
            ),
        });
    }
}

/// Each step of a script or block missing some Welsh.
pub(super) fn steps(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, script: &Script, noun: &str) {
    let node_raws = raw.tables("node");
    for (i, node) in script.nodes.iter().enumerate() {
        let site = node_raws
            .get(i)
            .map_or_else(|| raw.site(), |r| r.field("id"));
        let what = format!("step {} of {noun} {}", quoted(&node.id), quoted(&script.id));
        let missing = missing_node(node);
        note(
            checker,
            site,
            what,
            &format!("its [{noun}.node.cy]"),
            &missing,
        );
    }
}

/// Reports what is missing, when some council turned Welsh on.
pub(super) fn report(checker: &mut Checker<'_>) {
    let missing = std::mem::take(&mut checker.ledger.missing_welsh);
    if !checker.ledger.welsh_on {
        return;
    }
    for MissingWelsh { site, message } in missing {
        checker.warning(&site, message);
    }
}

/// Has the English but not the Welsh: an English text with no non-empty Welsh beside it.
fn lacks(english: &str, welsh: Option<&String>) -> bool {
    !english.trim().is_empty() && welsh.is_none_or(|w| w.trim().is_empty())
}

/// A list whose Welsh does not have one non-empty line for each English line.
fn lacks_lines(english: &[String], welsh: &[String]) -> bool {
    !english.is_empty()
        && (welsh.len() != english.len() || welsh.iter().any(|w| w.trim().is_empty()))
}

/// The fields a service has in English and not in Welsh, by their names in the `cy` table.
pub fn missing_service(service: &Service) -> Vec<&'static str> {
    let cy = service.cy.clone().unwrap_or_default();
    let mut missing = Vec::new();
    let checks: [(&'static str, bool); 5] = [
        ("title", lacks(&service.title, cy.title.as_ref())),
        ("summary", lacks(&service.summary, cy.summary.as_ref())),
        ("say", lacks(&service.say, cy.say.as_ref())),
        (
            "eligibility",
            lacks(
                service.eligibility.as_deref().unwrap_or(""),
                cy.eligibility.as_ref(),
            ),
        ),
        (
            "online_label",
            lacks(
                service
                    .online
                    .as_ref()
                    .and_then(|o| o.label.as_deref())
                    .unwrap_or(""),
                cy.online_label.as_ref(),
            ),
        ),
    ];
    missing.extend(
        checks
            .iter()
            .filter(|(_, lacking)| *lacking)
            .map(|(f, _)| *f),
    );
    if lacks_lines(&service.bring, &cy.bring) {
        missing.push("bring");
    }
    missing
}

/// The fields a partner has in English and not in Welsh.
pub fn missing_partner(partner: &Partner) -> Vec<&'static str> {
    let cy = partner.cy.clone().unwrap_or_default();
    let or_empty = |text: &Option<String>| text.clone().unwrap_or_default();
    [
        ("name", lacks(&partner.name, cy.name.as_ref())),
        ("summary", lacks(&partner.summary, cy.summary.as_ref())),
        (
            "eligibility",
            lacks(&or_empty(&partner.eligibility), cy.eligibility.as_ref()),
        ),
        (
            "hours_note",
            lacks(&or_empty(&partner.hours_note), cy.hours_note.as_ref()),
        ),
        (
            "accessibility",
            lacks(&or_empty(&partner.accessibility), cy.accessibility.as_ref()),
        ),
    ]
    .into_iter()
    .filter(|(_, lacking)| *lacking)
    .map(|(f, _)| f)
    .collect()
}

/// The fields an FAQ has in English and not in Welsh.
pub fn missing_faq(faq: &Faq) -> Vec<&'static str> {
    let cy = faq.cy.clone().unwrap_or_default();
    [
        ("question", lacks(&faq.question, cy.question.as_ref())),
        ("answer", lacks(&faq.answer, cy.answer.as_ref())),
    ]
    .into_iter()
    .filter(|(_, lacking)| *lacking)
    .map(|(f, _)| f)
    .collect()
}

/// The fields the council has in English and not in Welsh.
pub fn missing_council(council: &Council) -> Vec<&'static str> {
    let cy = council.cy.clone().unwrap_or_default();
    [
        ("name", lacks(&council.name, cy.name.as_ref())),
        (
            "address",
            lacks(
                council.address.as_deref().unwrap_or(""),
                cy.address.as_ref(),
            ),
        ),
    ]
    .into_iter()
    .filter(|(_, lacking)| *lacking)
    .map(|(f, _)| f)
    .collect()
}

/// The fields a script has in English and not in Welsh (its own, not its steps').
pub fn missing_script(script: &Script) -> Vec<&'static str> {
    let cy = script.cy.clone().unwrap_or_default();
    [
        ("title", lacks(&script.title, cy.title.as_ref())),
        ("summary", lacks(&script.summary, cy.summary.as_ref())),
    ]
    .into_iter()
    .filter(|(_, lacking)| *lacking)
    .map(|(f, _)| f)
    .collect()
}

/// The fields a step of a script has in English and not in Welsh.
pub fn missing_node(node: &ScriptNode) -> Vec<&'static str> {
    let cy = node.cy.clone().unwrap_or_default();
    let labels: Vec<String> = node.options.iter().map(|o| o.label.clone()).collect();
    let mut missing: Vec<&'static str> = [
        ("say", lacks(&node.say, cy.say.as_ref())),
        ("tell", lacks(&node.tell, cy.tell.as_ref())),
        (
            "question",
            lacks(node.question.as_deref().unwrap_or(""), cy.question.as_ref()),
        ),
        (
            "now",
            lacks(
                node.urgent.as_ref().map_or("", |u| u.now.as_str()),
                cy.now.as_ref(),
            ),
        ),
        (
            "end_tell",
            lacks(
                node.end.as_ref().map_or("", |e| e.tell.as_str()),
                cy.end_tell.as_ref(),
            ),
        ),
    ]
    .into_iter()
    .filter(|(_, lacking)| *lacking)
    .map(|(f, _)| f)
    .collect();
    if lacks_lines(&labels, &cy.options) {
        missing.push("options");
    }
    let checklist = node
        .end
        .as_ref()
        .map_or(&[][..], |e| e.checklist.as_slice());
    if lacks_lines(checklist, &cy.checklist) {
        missing.push("checklist");
    }
    missing
}
