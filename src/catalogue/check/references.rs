//! The checks that need the whole catalogue: duplicate ids, providers, related entries,
//! signposts, and the one `[council]`.

use std::collections::HashMap;

use super::formats::closest;
use super::{Checker, Site};
use crate::catalogue::quoted;

/// The tables of a catalogue file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Section {
    Council,
    Body,
    Service,
    Partner,
    Faq,
    Synonyms,
    Script,
    Block,
    Facts,
    Defaults,
    Place,
    Appointments,
    BankHolidays,
}

impl Section {
    pub(super) const ALL: [Section; 13] = [
        Section::Council,
        Section::Body,
        Section::Service,
        Section::Partner,
        Section::Faq,
        Section::Synonyms,
        Section::Script,
        Section::Block,
        Section::Facts,
        Section::Defaults,
        Section::Place,
        Section::Appointments,
        Section::BankHolidays,
    ];

    /// The TOML key: "council", "body", "service", ...
    pub(super) fn key(self) -> &'static str {
        match self {
            Section::Council => "council",
            Section::Body => "body",
            Section::Service => "service",
            Section::Partner => "partner",
            Section::Faq => "faq",
            Section::Synonyms => "synonyms",
            Section::Script => "script",
            Section::Block => "block",
            Section::Facts => "facts",
            Section::Defaults => "defaults",
            Section::Place => "place",
            Section::Appointments => "appointments",
            Section::BankHolidays => "bank_holidays",
        }
    }

    /// How a message names one entry of it: "service", "FAQ", "synonyms group".
    pub(super) fn noun(self) -> &'static str {
        match self {
            Section::Council => "council",
            Section::Body => "body",
            Section::Service => "service",
            Section::Partner => "partner",
            Section::Faq => "FAQ",
            Section::Synonyms => "synonyms group",
            Section::Script => "script",
            Section::Block => "block",
            Section::Facts => "[facts] table",
            Section::Defaults => "[defaults] table",
            Section::Place => "place",
            Section::Appointments => "[[appointments]] offer",
            Section::BankHolidays => "[bank_holidays] table",
        }
    }

    /// "[council]" or "[[service]]", as written in a file.
    pub(super) fn header(self) -> String {
        match self {
            Section::Council | Section::Facts | Section::Defaults | Section::BankHolidays => {
                format!("[{}]", self.key())
            }
            other => format!("[[{}]]", other.key()),
        }
    }
}

/// An id given to a body, service, partner or FAQ.
#[derive(Debug, Clone)]
pub(super) struct Declared {
    pub id: String,
    pub section: Section,
    pub site: Site,
    /// False for ids recovered from a file with a syntax error: they count as existing (so
    /// references to them are not reported) but are not checked for duplicates.
    pub checked: bool,
}

/// What a reference to another id is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// `provider`: "council", a body or a partner.
    Provider,
    /// `related`: a service, partner or FAQ.
    Related,
    /// `signpost`: a partner.
    Signpost,
    /// A service logged at a script's end.
    ScriptService,
    /// A partner named at a script's end.
    ScriptPartner,
}

#[derive(Debug, Clone)]
pub(super) struct Reference {
    pub role: Role,
    pub target: String,
    pub site: Site,
}

/// Ids, references and `[council]` tables collected from every file.
#[derive(Debug, Default)]
pub(super) struct Ledger {
    pub declared: Vec<Declared>,
    pub references: Vec<Reference>,
    pub councils: Vec<Site>,
    /// Script ids, which have their own namespace, and where each is.
    pub scripts: Vec<(String, Site)>,
    /// Some `[council]` has `welsh = true`.
    pub welsh_on: bool,
    /// Entries missing some Welsh, reported only when `welsh_on`.
    pub missing_welsh: Vec<MissingWelsh>,
    /// Each fact of a `[facts]` table: its name, its text and where it is.
    pub facts: Vec<(String, String, Site)>,
    /// Each `{fact:NAME}` written in a text, and where.
    pub fact_uses: Vec<(String, Site)>,
    /// Block ids and where each is.
    pub blocks: Vec<(String, Site)>,
    /// Each `include`: the script or block it is in, the block it names, and where.
    pub includes: Vec<Include>,
    /// Some service or partner names its sources (itself or through its file's `[defaults]`).
    pub sources_on: bool,
    /// Services and partners without sources or a checked date, reported when `sources_on`.
    pub missing_sources: Vec<(Site, String)>,
    /// Each line said to or printed for a resident, and where, for the reading-age check.
    pub resident_lines: Vec<(String, Site)>,
    /// Places and appointment offers, checked against each other once every file is read.
    pub appointments: Seen,
}

/// One node's `include = "<block id>"`.
#[derive(Debug, Clone)]
pub(super) struct Include {
    /// The block the include is written in, or `None` in a script.
    pub in_block: Option<String>,
    pub block: String,
    pub site: Site,
}

/// One entry missing some Welsh, before it is known whether the council wants Welsh.
#[derive(Debug, Clone)]
pub(super) struct MissingWelsh {
    pub site: Site,
    pub message: String,
}

pub(super) fn check(checker: &mut Checker<'_>) {
    let ledger = std::mem::take(&mut checker.ledger);
    duplicates(checker, &ledger);
    let first_of: HashMap<&str, Section> = ledger
        .declared
        .iter()
        .rev()
        .map(|d| (d.id.as_str(), d.section))
        .collect();
    for reference in &ledger.references {
        if let Some(message) = reference_problem(reference, &first_of, &ledger) {
            checker.error(&reference.site, message);
        }
    }
    councils(checker, &ledger);
    script_duplicates(checker, &ledger);
    checker.ledger = ledger;
}

fn duplicates(checker: &mut Checker<'_>, ledger: &Ledger) {
    let mut first: HashMap<&str, &Declared> = HashMap::new();
    let mut in_order: Vec<&Declared> = ledger.declared.iter().filter(|d| d.checked).collect();
    in_order.sort_by_key(|d| (d.site.file, d.site.span.start));
    for declared in in_order {
        match first.get(declared.id.as_str()) {
            Some(earlier) => {
                let message = format!(
                    "id {} is already used by the {} at {}; give each entry its own id",
                    quoted(&declared.id),
                    earlier.section.noun(),
                    checker.location(&earlier.site)
                );
                checker.error(&declared.site, message);
            }
            None => {
                first.insert(&declared.id, declared);
            }
        }
    }
}

fn reference_problem(
    reference: &Reference,
    sections: &HashMap<&str, Section>,
    ledger: &Ledger,
) -> Option<String> {
    let target = reference.target.as_str();
    let shown = quoted(target);
    let found = sections.get(target).copied();
    let suggest = |allowed: &[Section]| {
        let candidates = ledger
            .declared
            .iter()
            .filter(|d| allowed.contains(&d.section))
            .map(|d| d.id.as_str());
        match closest(target, candidates) {
            Some(id) => format!("; did you mean {}?", quoted(id)),
            None => String::new(),
        }
    };
    match reference.role {
        Role::Provider => match found {
            _ if target == "council" => None,
            Some(Section::Body | Section::Partner) => None,
            Some(other) => Some(format!(
                "provider {shown} is a {}; a provider is \"council\", a [[body]] id or a partner id",
                other.noun()
            )),
            None => {
                let bodies: Vec<&str> = ledger
                    .declared
                    .iter()
                    .filter(|d| d.section == Section::Body)
                    .map(|d| d.id.as_str())
                    .collect();
                let hint = suggest(&[Section::Body, Section::Partner]);
                let hint = if hint.is_empty() && !bodies.is_empty() {
                    format!("; the bodies are: {}", bodies.join(", "))
                } else if hint.is_empty() {
                    "; add a [[body]] with this id".to_string()
                } else {
                    hint
                };
                Some(format!(
                    "provider {shown} is not \"council\", a [[body]] id or a partner id{hint}"
                ))
            }
        },
        Role::Related => match found {
            Some(Section::Service | Section::Partner | Section::Faq) => None,
            Some(other) => Some(format!(
                "related id {shown} is a {}, not a service, partner or FAQ; name it as a provider instead",
                other.noun()
            )),
            None => Some(format!(
                "related id {shown} is not the id of any service, partner or FAQ{}",
                suggest(&[Section::Service, Section::Partner, Section::Faq])
            )),
        },
        Role::ScriptService => match found {
            Some(Section::Service) => None,
            Some(other) => Some(format!(
                "service {shown} is a {}, not a service; list partners under partners",
                other.noun()
            )),
            None => Some(format!(
                "service {shown} is not the id of any service{}",
                suggest(&[Section::Service])
            )),
        },
        Role::ScriptPartner => match found {
            Some(Section::Partner) => None,
            Some(other) => Some(format!(
                "partner {shown} is a {}, not a partner; list services under services",
                other.noun()
            )),
            None => Some(format!(
                "partner {shown} is not the id of any partner{}",
                suggest(&[Section::Partner])
            )),
        },
        Role::Signpost => match found {
            Some(Section::Partner) => None,
            Some(other) => Some(format!(
                "signpost {shown} is a {}, not a partner; signpost only to partners, and list services and FAQs under related",
                other.noun()
            )),
            None => Some(format!(
                "signpost {shown} is not the id of any partner{}",
                suggest(&[Section::Partner])
            )),
        },
    }
}

fn script_duplicates(checker: &mut Checker<'_>, ledger: &Ledger) {
    let mut in_order: Vec<&(String, Site)> = ledger.scripts.iter().collect();
    in_order.sort_by_key(|(_, site)| (site.file, site.span.start));
    let mut first: HashMap<&str, &Site> = HashMap::new();
    for (id, site) in in_order {
        match first.get(id.as_str()) {
            Some(earlier) => {
                let message = format!(
                    "script id {} is already used by the script at {}; give each script its own id",
                    quoted(id),
                    checker.location(earlier)
                );
                checker.error(site, message);
            }
            None => {
                first.insert(id, site);
            }
        }
    }
}

fn councils(checker: &mut Checker<'_>, ledger: &Ledger) {
    let mut councils: Vec<&Site> = ledger.councils.iter().collect();
    councils.sort_by_key(|site| (site.file, site.span.start));
    match councils.split_first() {
        None => {
            // Only when every file was read: a file with a syntax error may hold the council.
            if !checker.files.is_empty() && !checker.broken.iter().any(|b| *b) {
                checker.warning(
                    &Site { file: 0, span: 0..0 },
                    "no file has a [council] table; add one with the council's name, phone and website so the desk knows who \"us\" is".to_string(),
                );
            }
        }
        Some((first, others)) => {
            let first_at = checker.location(first);
            for other in others {
                checker.error(
                    other,
                    format!(
                        "a second [council] table; the first is at {first_at}, and a catalogue has only one council"
                    ),
                );
            }
        }
    }
}

/// What the checks across files need: each place's id, and each offer's service and place.
#[derive(Debug, Default)]
pub(in crate::catalogue::check) struct Seen {
    pub places: Vec<(String, Site)>,
    pub offers: Vec<OfferSeen>,
}

#[derive(Debug)]
pub(in crate::catalogue::check) struct OfferSeen {
    pub service: (String, Site),
    pub place: (String, Site),
}
