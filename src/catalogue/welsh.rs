//! The Welsh of an entry's words, kept beside the English in one `cy` table per entry:
//!
//! ```toml
//! [[service]]
//! id = "council-tax-pay"
//! title = "Pay your council tax"
//! summary = "Pay by Direct Debit, online, by phone or at a PayPoint."
//!
//! [service.cy]
//! title = "Talu eich Treth Gyngor"
//! summary = "Talu drwy Ddebyd Uniongyrchol, ar-lein, dros y ffôn neu mewn siop PayPoint."
//! ```
//!
//! Each field of a `cy` table is the Welsh of the English field with the same name, so the
//! English model is untouched (everything that reads `title` goes on reading it) and one small
//! struct per kind of entry says which words can have Welsh. Unknown keys are errors, as
//! elsewhere. [`missing`] lists what an entry has in English and not in Welsh, for `check`.

use serde::{Deserialize, Serialize};

use super::model::{Council, Faq, Partner, Service};
use super::script::{Script, ScriptNode};

/// The Welsh of a service.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ServiceWelsh {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub say: Option<String>,
    /// Words residents type in Welsh, found like the English keywords.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// One line for each line of `bring`, in the same order.
    #[serde(default)]
    pub bring: Vec<String>,
    #[serde(default)]
    pub eligibility: Option<String>,
    /// The Welsh of `online.label`.
    #[serde(default)]
    pub online_label: Option<String>,
    /// The Welsh web page, when it differs from the English one.
    #[serde(default)]
    pub online_url: Option<String>,
}

/// The Welsh of a partner.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PartnerWelsh {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub eligibility: Option<String>,
    #[serde(default)]
    pub hours_note: Option<String>,
    #[serde(default)]
    pub accessibility: Option<String>,
}

/// The Welsh of an FAQ.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FaqWelsh {
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub answer: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// The Welsh of the council's own words: its name and address, and the line the slip ends
/// with.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CouncilWelsh {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
}

/// The Welsh of a guided script's title and summary.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScriptWelsh {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// False until a Welsh speaker has read the script's Welsh through; `check` says so.
    #[serde(default)]
    pub reviewed: bool,
}

/// The Welsh of one step of a script.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct NodeWelsh {
    #[serde(default)]
    pub say: Option<String>,
    #[serde(default)]
    pub tell: Option<String>,
    #[serde(default)]
    pub question: Option<String>,
    /// One label for each option, in the same order.
    #[serde(default)]
    pub options: Vec<String>,
    /// The Welsh of `urgent.now`.
    #[serde(default)]
    pub now: Option<String>,
    /// The Welsh of `end.tell`.
    #[serde(default)]
    pub end_tell: Option<String>,
    /// One line for each line of `end.checklist`, in the same order.
    #[serde(default)]
    pub checklist: Vec<String>,
}

/// The Welsh when it is wanted and written, else the English.
pub fn pick<'a>(in_welsh: bool, english: &'a str, welsh: Option<&'a String>) -> &'a str {
    match welsh {
        Some(w) if in_welsh && !w.trim().is_empty() => w,
        _ => english,
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
