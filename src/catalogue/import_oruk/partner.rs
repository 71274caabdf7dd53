//! Turning the gathered services and organisations into `[[partner]]` entries the catalogue
//! accepts: each ORUK service is one partner (what a resident is signposted to is a service, at
//! a place, with its hours), named by the service, with its organisation's website, email and
//! phone when it has none of its own. An organisation with no services in the import is a
//! partner of its own. Values `check` would refuse (a phone number that is not a UK one, a web
//! address with spaces) are left out and listed in the notes.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::clean::{fingerprint, line, slug};
use super::draft::{Book, Found, NOTE_CHARS, OrganisationDraft, ServiceDraft};
use super::schedule::{self, Reading};
use crate::catalogue::check::{is_email, is_uk_phone, web_address};
use crate::catalogue::model::OpeningTimes;

/// The longest name part of an id; the id ends with 8 hex digits of the feed's own id.
const ID_NAME_CHARS: usize = 40;
/// At most this many keywords and languages per partner.
const MOST_WORDS: usize = 20;

/// One `[[partner]]` as written to TOML.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ImportedPartner {
    pub id: String,
    pub name: String,
    pub summary: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hours: Vec<OpeningTimes>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours_note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessibility: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    pub review_by: String,
}

/// A service found more than once, merged into one partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub oruk_id: String,
    pub partner_id: String,
    pub times: usize,
    /// Where it was found first and second: "list.json: contents[0]".
    pub first: String,
    pub second: String,
}

/// What the import noticed, for its report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    pub repeats: Vec<Repeat>,
    /// Values left out because `check` would refuse them: one sentence each.
    pub left_out: Vec<String>,
    /// Services not imported because their status is inactive or defunct: (name, status).
    pub not_active: Vec<(String, String)>,
    /// Schedules kept as words, not hours (repeating monthly, without times, ...).
    pub schedules_as_words: usize,
    /// Schedules whose `valid_to` has passed or whose `valid_from` is to come.
    pub schedules_not_current: usize,
}

/// The partners, sorted by name, and what was noticed on the way.
pub fn partners(
    book: &Book,
    today: NaiveDate,
    review_by: NaiveDate,
) -> (Vec<ImportedPartner>, Notes) {
    let mut notes = Notes::default();
    let mut used = HashSet::new();
    let review_by = review_by.format("%Y-%m-%d").to_string();
    let mut partners = Vec::new();
    for service in &book.services {
        let status = service.status.as_deref().unwrap_or("active").to_lowercase();
        if status == "inactive" || status == "defunct" {
            notes.not_active.push((service.name.clone(), status));
            continue;
        }
        let organisation = service
            .organisation_id
            .as_deref()
            .and_then(|id| book.organisation(id));
        let partner = from_service(
            service,
            organisation,
            status == "temporarily closed",
            today,
            &review_by,
            &mut used,
            &mut notes,
        );
        if service.seen.len() > 1 {
            notes.repeats.push(Repeat {
                oruk_id: service.oruk_id.clone(),
                partner_id: partner.id.clone(),
                times: service.seen.len(),
                first: service.seen[0].clone(),
                second: service.seen[1].clone(),
            });
        }
        partners.push(partner);
    }
    for organisation in book.organisations.iter().filter(|o| !o.has_services) {
        partners.push(from_organisation(
            organisation,
            &review_by,
            &mut used,
            &mut notes,
        ));
    }
    partners.sort_by(|a, b| (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id)));
    (partners, notes)
}

fn from_service(
    service: &ServiceDraft,
    organisation: Option<&OrganisationDraft>,
    temporarily_closed: bool,
    today: NaiveDate,
    review_by: &str,
    used: &mut HashSet<String>,
    notes: &mut Notes,
) -> ImportedPartner {
    let name = service.name.clone();
    let organisation_name = organisation
        .map(|o| o.name.clone())
        .or_else(|| service.organisation_name.clone())
        .filter(|o| !o.is_empty());
    let mut summary = service
        .description
        .clone()
        .unwrap_or_else(|| format!("{name}."));
    if let Some(org) = &organisation_name
        && !contains_words(&name, org)
        && !contains_words(&summary, org)
    {
        let stop = if org.ends_with('.') { "" } else { "." };
        summary = format!("{summary} Run by {org}{stop}");
    }
    let with_organisation = |own: &[Found], theirs: fn(&OrganisationDraft) -> &[Found]| {
        own.iter()
            .chain(organisation.into_iter().flat_map(|o| theirs(o).iter()))
            .cloned()
            .collect::<Vec<Found>>()
    };
    let phone = first_good(
        &with_organisation(&service.phones, |o| &o.phones),
        &name,
        "phone",
        is_uk_phone,
        "is not a UK phone number",
        notes,
    );
    let email = first_good(
        &with_organisation(&service.emails, |o| &o.emails),
        &name,
        "email",
        is_email,
        "is not an email address",
        notes,
    );
    let website = first_good(
        &with_organisation(&service.websites, |o| &o.websites),
        &name,
        "website",
        |w| web_address(w).is_some(),
        "is not a full web address",
        notes,
    );

    let mut hours: Vec<OpeningTimes> = Vec::new();
    let mut hours_words: Vec<String> = Vec::new();
    if temporarily_closed {
        hours_words.push("Temporarily closed.".to_string());
    }
    for schedule in &service.schedules {
        match schedule::read(schedule, today) {
            Reading::Hours(times) => {
                for time in times {
                    if !hours.contains(&time) {
                        hours.push(time);
                    }
                }
            }
            Reading::Words(_) => notes.schedules_as_words += 1,
            Reading::Ended(_) | Reading::NotYet(_) => {
                notes.schedules_not_current += 1;
                continue;
            }
        }
        if let Some(words) = &schedule.description
            && !hours_words.contains(words)
        {
            hours_words.push(words.clone());
        }
    }
    if temporarily_closed {
        // Never "open now" for a place that is closed.
        hours.clear();
    }

    let mut keywords = service.keywords.clone();
    if let Some(org) = &organisation_name {
        keywords.push(org.clone());
    }
    let id = unique_id(&name, &service.oruk_id, used);
    ImportedPartner {
        id,
        name,
        summary,
        keywords: distinct(keywords),
        phone,
        email,
        website,
        address: service
            .addresses
            .first()
            .or_else(|| organisation.and_then(|o| o.addresses.first()))
            .cloned(),
        hours,
        hours_note: joined(&hours_words),
        eligibility: joined(&service.eligibility()),
        accessibility: joined(&service.access),
        languages: distinct(service.languages.clone()),
        review_by: review_by.to_string(),
    }
}

fn from_organisation(
    organisation: &OrganisationDraft,
    review_by: &str,
    used: &mut HashSet<String>,
    notes: &mut Notes,
) -> ImportedPartner {
    let name = organisation.name.clone();
    ImportedPartner {
        id: unique_id(
            &name,
            &format!("organization:{}", organisation.oruk_id),
            used,
        ),
        summary: organisation
            .description
            .clone()
            .unwrap_or_else(|| format!("{name}.")),
        keywords: Vec::new(),
        phone: first_good(
            &organisation.phones,
            &name,
            "phone",
            is_uk_phone,
            "is not a UK phone number",
            notes,
        ),
        email: first_good(
            &organisation.emails,
            &name,
            "email",
            is_email,
            "is not an email address",
            notes,
        ),
        website: first_good(
            &organisation.websites,
            &name,
            "website",
            |w| web_address(w).is_some(),
            "is not a full web address",
            notes,
        ),
        address: organisation.addresses.first().cloned(),
        hours: Vec::new(),
        hours_note: None,
        eligibility: None,
        accessibility: None,
        languages: Vec::new(),
        review_by: review_by.to_string(),
        name,
    }
}

/// The first value `check` accepts, kept as given. When none is, the first one refused is noted.
fn first_good(
    candidates: &[Found],
    name: &str,
    what: &str,
    good: impl Fn(&str) -> bool,
    why: &str,
    notes: &mut Notes,
) -> Option<String> {
    if let Some(found) = candidates.iter().find(|c| good(&c.value)) {
        return Some(found.value.clone());
    }
    if let Some(first) = candidates.first() {
        notes.left_out.push(format!(
            "{} ({}) {why}, so {} has no {what}",
            crate::catalogue::quoted(&line(&first.value, 60)),
            first.at,
            crate::catalogue::quoted(name)
        ));
    }
    None
}

/// "food-bank-3f2a9c1b": the name as a slug, then 8 hex digits of the feed's own id, so the id
/// is the same at every import of the same feed and two services of one name stay apart.
fn unique_id(name: &str, oruk_id: &str, used: &mut HashSet<String>) -> String {
    let base = match slug(name, ID_NAME_CHARS) {
        s if s.is_empty() => "partner".to_string(),
        s => s,
    };
    let print = fingerprint(oruk_id);
    let mut id = format!("{base}-{}", &print[..8]);
    if used.contains(&id) {
        id = format!("{base}-{print}");
    }
    let mut n = 2;
    let first = id.clone();
    while used.contains(&id) {
        id = format!("{first}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

/// True when `text` holds `words` (any case).
fn contains_words(text: &str, words: &str) -> bool {
    text.to_lowercase().contains(&words.to_lowercase())
}

/// Without repeats (any case), at most [`MOST_WORDS`].
fn distinct(words: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    words
        .into_iter()
        .filter(|w| !w.is_empty() && seen.insert(w.to_lowercase()))
        .take(MOST_WORDS)
        .collect()
}

/// The texts as one, or `None` when there are none.
fn joined(texts: &[String]) -> Option<String> {
    let text = line(&texts.join(" "), NOTE_CHARS);
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_with_a_stable_fingerprint() {
        let mut used = HashSet::new();
        let a = unique_id("Food Bank (Anytown)", "ac148810-d857", &mut used);
        assert!(a.starts_with("food-bank-anytown-"), "{a}");
        assert_eq!(a.len(), "food-bank-anytown-".len() + 8);
        let mut again = HashSet::new();
        assert_eq!(
            unique_id("Food Bank (Anytown)", "ac148810-d857", &mut again),
            a
        );
        let b = unique_id("Food Bank (Anytown)", "other", &mut used);
        assert_ne!(a, b);
        assert!(crate::catalogue::check::is_uk_phone("01632 960000"));
        let long = unique_id(&"word ".repeat(40), "x", &mut used);
        assert!(long.len() <= 64, "{long}");
        assert!(unique_id("!!!", "x", &mut used).starts_with("partner-"));
    }
}
