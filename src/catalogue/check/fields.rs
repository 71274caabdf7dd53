//! The checks of one entry's own values: ids, text that must not be empty, web addresses, phone
//! numbers, email addresses, opening hours, review dates, LGSL ids and synonyms. References to
//! other entries are recorded here and checked once every file is read.

use super::formats::{self, WebAddress};
use super::raw::Raw;
use super::references::{Reference, Role};
use super::{Checker, ID_MAX_CHARS, Site, TITLE_MAX_CHARS};
use crate::catalogue::model::{
    Body, ClosedDate, Council, Faq, OpeningTimes, Partner, Service, SynonymGroup,
};
use crate::catalogue::{hours, quoted};

pub(super) fn id(checker: &mut Checker<'_>, site: &Site, id: &str) {
    let chars = id.chars().count();
    if chars > ID_MAX_CHARS {
        checker.error(
            site,
            format!(
                "id {} is {chars} characters long; keep ids to {ID_MAX_CHARS} characters or fewer",
                quoted(id)
            ),
        );
        return;
    }
    if let Some(reason) = formats::kebab_problem(id) {
        let suggestion = match formats::kebab_suggestion(id) {
            s if s.is_empty() => "bin-missed".to_string(),
            s => s,
        };
        checker.error(
            site,
            format!(
                "id {} is not lowercase-kebab ({reason}); use only a-z, 0-9 and single hyphens between words, e.g. {}",
                quoted(id),
                quoted(&suggestion)
            ),
        );
    }
}

pub(super) fn council(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, council: &Council) {
    title(checker, raw, "name", &council.name, "the council's name");
    phone(checker, raw, council.phone.as_deref());
    web_address(checker, raw, "website", council.website.as_deref());
    opening_hours(checker, raw, &council.hours);
    closed_dates(checker, raw, &council.closed);
}

pub(super) fn body(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, body: &Body) {
    title(checker, raw, "name", &body.name, "the body's name");
    phone(checker, raw, body.phone.as_deref());
    web_address(checker, raw, "website", body.website.as_deref());
    opening_hours(checker, raw, &body.hours);
}

pub(super) fn service(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, service: &Service) {
    super::welsh::service(checker, raw, service);
    title(
        checker,
        raw,
        "title",
        &service.title,
        "a short title residents would recognise",
    );
    not_blank(
        checker,
        raw,
        "summary",
        &service.summary,
        "one or two plain sentences saying what it is",
    );
    if raw.value("provider").is_some() && service.provider != "council" {
        refer(
            checker,
            Role::Provider,
            &service.provider,
            raw.field("provider"),
        );
    }
    for (lgsl, site) in service.lgsl.iter().zip(raw.items("lgsl")) {
        if *lgsl == 0 {
            checker.error(
                &site,
                "lgsl id 0 is not a Local Government Service List id; use the service's real LGSL id or remove it".to_string(),
            );
        }
    }
    if let (Some(online), Some(online_raw)) = (&service.online, raw.table("online")) {
        web_address(checker, &online_raw, "url", Some(&online.url));
    }
    phone(checker, raw, service.phone.as_deref());
    references(checker, raw, Role::Related, "related", &service.related);
    references(checker, raw, Role::Signpost, "signpost", &service.signpost);
    review_by(checker, raw, service.review_by);
    let what = format!("service {}", quoted(&service.id));
    super::content::entry_sources(checker, raw, &what, &service.sources, service.checked);
    super::content::resident_line(checker, &service.say, raw.field("say"));
    super::topics::check(checker, raw, service);
}

pub(super) fn partner(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, partner: &Partner) {
    super::welsh::partner(checker, raw, partner);
    title(
        checker,
        raw,
        "name",
        &partner.name,
        "the organisation's name",
    );
    not_blank(
        checker,
        raw,
        "summary",
        &partner.summary,
        "one or two plain sentences saying what they do",
    );
    phone(checker, raw, partner.phone.as_deref());
    if let Some(email) = partner.email.as_deref()
        && !formats::is_email(email)
    {
        checker.error(
            &raw.field("email"),
            format!(
                "email {} is not an email address; write it like \"help@example.org\"",
                quoted(email)
            ),
        );
    }
    web_address(checker, raw, "website", partner.website.as_deref());
    opening_hours(checker, raw, &partner.hours);
    closed_dates(checker, raw, &partner.closed);
    if let Some(accessibility) = &partner.accessibility {
        not_blank(
            checker,
            raw,
            "accessibility",
            accessibility,
            "how disabled people can get in and get help (step-free entrance, hearing loop, BSL), or remove it",
        );
    }
    review_by(checker, raw, partner.review_by);
    let what = format!("partner {}", quoted(&partner.id));
    super::content::entry_sources(checker, raw, &what, &partner.sources, partner.checked);
    super::content::resident_line(checker, &partner.summary, raw.field("summary"));
}

pub(super) fn faq(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, faq: &Faq) {
    super::welsh::faq(checker, raw, faq);
    title(
        checker,
        raw,
        "question",
        &faq.question,
        "the question as residents ask it",
    );
    not_blank(checker, raw, "answer", &faq.answer, "the answer to give");
    references(checker, raw, Role::Related, "related", &faq.related);
    review_by(checker, raw, faq.review_by);
    super::content::resident_line(checker, &faq.answer, raw.field("answer"));
}

pub(super) fn synonyms(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, group: &SynonymGroup) {
    let filled = group.words.iter().filter(|w| !w.trim().is_empty()).count();
    if filled < 2 {
        checker.error(
            &raw.field("words"),
            format!(
                "a synonyms group needs at least two words that mean the same thing, and this one has {filled}; add another word or remove the group"
            ),
        );
    }
    for (word, site) in group.words.iter().zip(raw.items("words")) {
        if word.trim().is_empty() {
            checker.error(&site, "this synonym is empty; remove it".to_string());
        }
    }
}

/// A title or name: not blank, and at most [`TITLE_MAX_CHARS`] characters.
pub(super) fn title(
    checker: &mut Checker<'_>,
    raw: &Raw<'_, '_>,
    key: &str,
    value: &str,
    what: &str,
) {
    not_blank(checker, raw, key, value, what);
    let chars = value.trim().chars().count();
    if chars > TITLE_MAX_CHARS {
        checker.error(
            &raw.field(key),
            format!(
                "{key} is {chars} characters long; keep it to {TITLE_MAX_CHARS} or fewer, and put the rest in the summary"
            ),
        );
    }
}

pub(super) fn not_blank(
    checker: &mut Checker<'_>,
    raw: &Raw<'_, '_>,
    key: &str,
    value: &str,
    what: &str,
) {
    if value.trim().is_empty() {
        checker.error(&raw.field(key), format!("{key} is empty; write {what}"));
    }
}

pub(super) fn phone(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, phone: Option<&str>) {
    if let Some(phone) = phone
        && !formats::is_uk_phone(phone)
    {
        checker.error(
            &raw.field("phone"),
            format!(
                "phone {} is not a UK phone number; write 11 digits starting 0 (e.g. \"01632 960000\"), +44 and 10 digits (e.g. \"+44 1632 960000\"), or a short number such as 999, 101, 111 or 116 123",
                quoted(phone)
            ),
        );
    }
}

fn web_address(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, key: &str, address: Option<&str>) {
    let Some(address) = address else {
        return;
    };
    match formats::web_address(address) {
        Some(WebAddress::Https) => {}
        Some(WebAddress::Http) => checker.warning(
            &raw.field(key),
            format!(
                "{key} {} starts http://; use https:// if the site supports it, so residents' details travel securely",
                quoted(address)
            ),
        ),
        None => checker.error(
            &raw.field(key),
            format!(
                "{key} {} is not a web address; write it in full with no spaces, starting https://, e.g. \"https://www.example.org/bins\"",
                quoted(address)
            ),
        ),
    }
}

fn opening_hours(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, times: &[OpeningTimes]) {
    for (entry, entry_raw) in times.iter().zip(raw.tables("hours")) {
        if let Err(errors) = hours::parse_session(entry) {
            for error in errors {
                checker.error(&entry_raw.field(error.field.key()), error.message);
            }
        }
    }
}

/// Closed dates: each once. A closed date long past is harmless, so it is not reported.
fn closed_dates(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, dates: &[ClosedDate]) {
    let mut seen = std::collections::BTreeSet::new();
    for (date, site) in dates.iter().zip(raw.items("closed")) {
        if !seen.insert(*date) {
            checker.warning(
                &site,
                format!("closed date {} is listed twice; remove one", date.0),
            );
        }
    }
}

pub(super) fn review_by(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, date: chrono::NaiveDate) {
    if date < checker.today {
        checker.warning(
            &raw.field("review_by"),
            format!(
                "review_by {date} has passed; check this entry is still right and set a new date"
            ),
        );
    }
}

fn references(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, role: Role, key: &str, ids: &[String]) {
    for (target, site) in ids.iter().zip(raw.items(key)) {
        refer(checker, role, target, site);
    }
}

pub(super) fn refer(checker: &mut Checker<'_>, role: Role, target: &str, site: Site) {
    checker.ledger.references.push(Reference {
        role,
        target: target.to_string(),
        site,
    });
}
