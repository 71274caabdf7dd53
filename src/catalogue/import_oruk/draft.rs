//! Gathering what the files say about each service and organisation, merged by ORUK id: a service
//! that appears several times (in a list and in its organisation, or repeated in one list) becomes
//! one entry. The first value given of each field is kept; lists (phones, hours, languages, ...)
//! are joined without repeats. Text is cleaned as it is gathered, so a huge value costs nothing
//! after its own file.

use std::collections::HashMap;

use super::clean::{line, some_line};
use super::feed::{
    Address, AtLocation, Contact, Feed, FoundService, Location, Phone, Record, Schedule,
};

/// The longest text kept for each field, in characters.
pub const NAME_CHARS: usize = 120;
pub const SUMMARY_CHARS: usize = 1000;
pub const NOTE_CHARS: usize = 600;
pub const ADDRESS_CHARS: usize = 300;
pub const WORD_CHARS: usize = 80;

/// A value and where it was found, for messages: "feed.json: contents[3].phones[0].number".
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub value: String,
    pub at: String,
}

/// The organisation a service belongs to, as the service's record says.
struct Organisation {
    id: Option<String>,
    name: Option<String>,
}

/// Everything known about one service.
#[derive(Debug, Clone)]
pub struct ServiceDraft {
    pub oruk_id: String,
    pub name: String,
    pub description: Option<String>,
    pub status: Option<String>,
    pub organisation_id: Option<String>,
    /// The organisation's name when the service carries it inline.
    pub organisation_name: Option<String>,
    pub websites: Vec<Found>,
    pub emails: Vec<Found>,
    pub phones: Vec<Found>,
    pub schedules: Vec<Schedule>,
    pub addresses: Vec<String>,
    /// How disabled people get in and are helped, from the locations, one sentence each.
    pub access: Vec<String>,
    pub languages: Vec<String>,
    pub eligibility_description: Option<String>,
    pub minimum_age: Option<f64>,
    pub maximum_age: Option<f64>,
    /// The areas it serves, in words.
    pub areas: Vec<String>,
    pub keywords: Vec<String>,
    /// Every place it was found: "feed.json: contents[3]".
    pub seen: Vec<String>,
}

/// Everything known about one organisation.
#[derive(Debug, Clone)]
pub struct OrganisationDraft {
    pub oruk_id: String,
    pub name: String,
    pub description: Option<String>,
    pub websites: Vec<Found>,
    pub emails: Vec<Found>,
    pub phones: Vec<Found>,
    pub addresses: Vec<String>,
    pub has_services: bool,
    pub seen: Vec<String>,
}

/// All services and organisations of an import, in the order first found.
#[derive(Debug, Default)]
pub struct Book {
    pub services: Vec<ServiceDraft>,
    pub organisations: Vec<OrganisationDraft>,
    service_index: HashMap<String, usize>,
    organisation_index: HashMap<String, usize>,
}

fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn extend_new<T: PartialEq>(list: &mut Vec<T>, items: Vec<T>) {
    for item in items {
        push_new(list, item);
    }
}

/// Adds the values not already there (where they were found does not matter).
fn extend_found(list: &mut Vec<Found>, items: Vec<Found>) {
    for item in items {
        if !list.iter().any(|f| f.value == item.value) {
            list.push(item);
        }
    }
}

fn found(value: Option<&str>, at: String) -> Option<Found> {
    let value = value?.split_whitespace().collect::<Vec<_>>().join(" ");
    (!value.is_empty() && value.chars().count() <= 2000).then_some(Found { value, at })
}

fn phones_of(list: &Option<Vec<Phone>>, at: &str) -> Vec<Found> {
    list.iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, p)| found(p.number.as_deref(), format!("{at}phones[{i}].number")))
        .collect()
}

fn contacts_phones(list: &Option<Vec<Contact>>, at: &str) -> Vec<Found> {
    list.iter()
        .flatten()
        .enumerate()
        .flat_map(|(i, c)| phones_of(&c.phones, &format!("{at}contacts[{i}].")))
        .collect()
}

fn contacts_emails(list: &Option<Vec<Contact>>, at: &str) -> Vec<Found> {
    list.iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, c)| found(c.email.as_deref(), format!("{at}contacts[{i}].email")))
        .collect()
}

/// "Civic Centre, 1 Main Street, Anytown, AB1 2CD": the location's name, then the address (a
/// physical one before a postal one).
fn address_of(location: &Location) -> Option<String> {
    if location
        .location_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("virtual"))
    {
        return None;
    }
    let addresses = location.addresses.as_deref().unwrap_or_default();
    let physical = |a: &&Address| {
        a.address_type
            .as_deref()
            .is_none_or(|t| t.eq_ignore_ascii_case("physical"))
    };
    let address = addresses
        .iter()
        .find(physical)
        .or_else(|| addresses.first())?;
    let mut parts: Vec<String> = Vec::new();
    let mut add = |part: Option<&str>| {
        if let Some(part) = some_line(part, ADDRESS_CHARS)
            && !parts.iter().any(|p| p.eq_ignore_ascii_case(&part))
        {
            parts.push(part);
        }
    };
    add(location.name.as_deref());
    add(address.address_1.as_deref());
    add(address.address_2.as_deref());
    add(address.city.as_deref());
    add(address
        .state_province
        .as_deref()
        .or(address.region.as_deref()));
    add(address.postal_code.as_deref());
    let text = line(&parts.join(", "), ADDRESS_CHARS);
    (!text.is_empty()).then_some(text)
}

/// A location's accessibility, one cleaned line per entry: its description, else its older
/// `accessibility` words, then its details ("Switch hearing aid to T-coil ...").
fn access_of(location: &Location) -> Vec<String> {
    location
        .accessibility
        .iter()
        .flatten()
        .filter_map(|a| {
            let main = a.description.as_deref().or(a.accessibility.as_deref());
            let text = [main, a.details.as_deref()]
                .into_iter()
                .flatten()
                .map(|t| line(t, NOTE_CHARS))
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            some_line(Some(&text), NOTE_CHARS)
        })
        .collect()
}

fn languages_of(record_languages: &Option<Vec<super::feed::Language>>) -> Vec<String> {
    record_languages
        .iter()
        .flatten()
        .filter_map(|l| {
            some_line(l.name.as_deref(), WORD_CHARS)
                .or_else(|| some_line(l.code.as_deref(), WORD_CHARS))
        })
        .collect()
}

fn clean_schedules(list: Option<Vec<Schedule>>) -> Vec<Schedule> {
    list.unwrap_or_default()
        .into_iter()
        .map(|mut s| {
            s.description = some_line(s.description.as_deref(), NOTE_CHARS);
            s
        })
        .collect()
}

impl ServiceDraft {
    /// Who it is for, in words: the feed's own description, the ages, the areas served.
    pub fn eligibility(&self) -> Vec<String> {
        let mut words = Vec::new();
        words.extend(self.eligibility_description.clone());
        words.extend(ages(self.minimum_age, self.maximum_age));
        words.extend(self.areas.iter().cloned());
        words
    }
}

/// "Ages 12 to 100.", "Ages 18 and over.", "Ages up to 25."
fn ages(minimum: Option<f64>, maximum: Option<f64>) -> Option<String> {
    let whole = |n: Option<f64>| {
        n.filter(|n| n.is_finite() && *n >= 0.0 && *n < 200.0)
            .map(|n| n.round() as u32)
    };
    match (whole(minimum).filter(|n| *n > 0), whole(maximum)) {
        (Some(min), Some(max)) if max >= min => Some(format!("Ages {min} to {max}.")),
        (Some(min), None) => Some(format!("Ages {min} and over.")),
        (None, Some(max)) if max > 0 => Some(format!("Ages up to {max}.")),
        _ => None,
    }
}

impl Book {
    /// Adds everything one file holds; `file` is its name as shown in messages.
    pub fn add(&mut self, feed: Feed, file: &str) {
        for found in feed.organisations {
            self.add_organisation(found.organisation, file, &found.at, found.has_services);
        }
        for mut found in feed.services {
            let inline = found.organisation.take();
            let organisation = Organisation {
                id: inline
                    .as_ref()
                    .and_then(|o| o.id_text().map(str::to_string))
                    .or_else(|| {
                        found
                            .service
                            .organization_id
                            .as_ref()
                            .map(|id| id.0.clone())
                    })
                    .filter(|id| !id.is_empty()),
                name: inline
                    .as_ref()
                    .and_then(|o| some_line(o.name.as_deref(), NAME_CHARS)),
            };
            if let Some(inline) = inline
                && inline.id_text().is_some()
                && inline.name_text().is_some()
            {
                let at = if found.at.is_empty() {
                    "organization".to_string()
                } else {
                    format!("{}.organization", found.at)
                };
                self.add_organisation(inline, file, &at, true);
            }
            self.add_service(found, file, organisation);
        }
    }

    fn add_service(&mut self, found_service: FoundService, file: &str, organisation: Organisation) {
        let FoundService {
            at,
            service: record,
            at_location,
            ..
        } = found_service;
        let prefix = prefix_of(file, &at);
        let in_file = |inner: &str| format!("{prefix}{inner}");
        let oruk_id = record.id_text().unwrap_or_default().to_string();
        let mut phones = Vec::new();
        let mut emails = Vec::new();
        let mut websites = Vec::new();
        let mut schedules = Vec::new();
        let mut addresses = Vec::new();
        let mut access = Vec::new();
        let mut languages = languages_of(&record.languages);
        websites.extend(found(record.url.as_deref(), in_file("url")));
        emails.extend(found(record.email.as_deref(), in_file("email")));
        phones.extend(phones_of(&record.phones, &in_file("")));
        schedules.extend(clean_schedules(record.schedules.clone()));
        // Each place the service is given at, with the path its values are found under.
        let mut places: Vec<(String, AtLocation)> = Vec::new();
        if let Some(here) = at_location {
            // A service at a location: the location is beside the service, not in it.
            let beside = at
                .strip_suffix("service")
                .unwrap_or(&at)
                .trim_end_matches('.');
            places.push((prefix_of(file, beside), here));
        }
        for (i, sal) in record
            .service_at_locations
            .clone()
            .unwrap_or_default()
            .into_iter()
            .enumerate()
        {
            places.push((in_file(&format!("service_at_locations[{i}].")), sal));
        }
        for (sal_at, sal) in places {
            phones.extend(phones_of(&sal.phones, &sal_at));
            phones.extend(contacts_phones(&sal.contacts, &sal_at));
            schedules.extend(clean_schedules(sal.schedules));
            if let Some(location) = sal.location {
                let loc_at = format!("{sal_at}location.");
                phones.extend(phones_of(&location.phones, &loc_at));
                schedules.extend(clean_schedules(location.schedules.clone()));
                languages.extend(languages_of(&location.languages));
                addresses.extend(address_of(&location));
                access.extend(access_of(&location));
            }
        }
        phones.extend(contacts_phones(&record.contacts, &in_file("")));
        emails.extend(contacts_emails(&record.contacts, &in_file("")));

        let mut areas = Vec::new();
        for area in record.service_areas.iter().flatten() {
            let text = area
                .name
                .as_deref()
                .or(area.service_area.as_deref())
                .or(area.description.as_deref());
            areas.extend(some_line(text, NOTE_CHARS));
        }
        let mut keywords = Vec::new();
        for attribute in record.attributes.iter().flatten() {
            if let Some(term) = &attribute.taxonomy_term {
                keywords.extend(some_line(
                    term.name.as_deref().or(term.term.as_deref()),
                    WORD_CHARS,
                ));
            }
        }

        let draft = ServiceDraft {
            name: line(record.name.as_deref().unwrap_or_default(), NAME_CHARS),
            description: some_line(record.description.as_deref(), SUMMARY_CHARS),
            status: some_line(record.status.as_deref(), WORD_CHARS),
            organisation_id: organisation.id,
            organisation_name: organisation.name,
            websites,
            emails,
            phones,
            schedules,
            addresses,
            access,
            languages,
            eligibility_description: some_line(
                record.eligibility_description.as_deref(),
                NOTE_CHARS,
            ),
            minimum_age: record.minimum_age.map(|n| n.0),
            maximum_age: record.maximum_age.map(|n| n.0),
            areas,
            keywords,
            seen: vec![place(file, &at)],
            oruk_id,
        };
        self.merge_service(draft);
    }

    fn merge_service(&mut self, draft: ServiceDraft) {
        let Some(&index) = self.service_index.get(&draft.oruk_id) else {
            self.service_index
                .insert(draft.oruk_id.clone(), self.services.len());
            let mut draft = draft;
            let phones = std::mem::take(&mut draft.phones);
            extend_found(&mut draft.phones, phones);
            dedupe(&mut draft.schedules);
            dedupe(&mut draft.languages);
            dedupe(&mut draft.areas);
            dedupe(&mut draft.keywords);
            dedupe(&mut draft.addresses);
            dedupe(&mut draft.access);
            self.services.push(draft);
            return;
        };
        let into = &mut self.services[index];
        into.seen.extend(draft.seen);
        if into.name.is_empty() {
            into.name = draft.name;
        }
        into.description = into.description.take().or(draft.description);
        into.status = into.status.take().or(draft.status);
        into.organisation_id = into.organisation_id.take().or(draft.organisation_id);
        into.organisation_name = into.organisation_name.take().or(draft.organisation_name);
        extend_found(&mut into.websites, draft.websites);
        extend_found(&mut into.emails, draft.emails);
        extend_found(&mut into.phones, draft.phones);
        extend_new(&mut into.schedules, draft.schedules);
        extend_new(&mut into.addresses, draft.addresses);
        extend_new(&mut into.access, draft.access);
        extend_new(&mut into.languages, draft.languages);
        into.eligibility_description = into
            .eligibility_description
            .take()
            .or(draft.eligibility_description);
        into.minimum_age = into.minimum_age.or(draft.minimum_age);
        into.maximum_age = into.maximum_age.or(draft.maximum_age);
        extend_new(&mut into.areas, draft.areas);
        extend_new(&mut into.keywords, draft.keywords);
    }

    fn add_organisation(&mut self, record: Record, file: &str, at: &str, has_services: bool) {
        let prefix = prefix_of(file, at);
        let phones = phones_of(&record.phones, &prefix);
        let addresses = record
            .locations
            .iter()
            .flatten()
            .filter_map(address_of)
            .collect();
        let mut websites = Vec::new();
        websites.extend(found(record.website.as_deref(), format!("{prefix}website")));
        let mut emails = Vec::new();
        emails.extend(found(record.email.as_deref(), format!("{prefix}email")));
        let draft = OrganisationDraft {
            oruk_id: record.id_text().unwrap_or_default().to_string(),
            name: line(record.name.as_deref().unwrap_or_default(), NAME_CHARS),
            description: some_line(record.description.as_deref(), SUMMARY_CHARS),
            websites,
            emails,
            phones,
            addresses,
            has_services,
            seen: vec![place(file, at)],
        };
        let Some(&index) = self.organisation_index.get(&draft.oruk_id) else {
            self.organisation_index
                .insert(draft.oruk_id.clone(), self.organisations.len());
            self.organisations.push(draft);
            return;
        };
        let into = &mut self.organisations[index];
        into.seen.extend(draft.seen);
        into.has_services |= draft.has_services;
        into.description = into.description.take().or(draft.description);
        extend_found(&mut into.websites, draft.websites);
        extend_found(&mut into.emails, draft.emails);
        extend_found(&mut into.phones, draft.phones);
        extend_new(&mut into.addresses, draft.addresses);
    }

    /// The organisation with this ORUK id.
    pub fn organisation(&self, oruk_id: &str) -> Option<&OrganisationDraft> {
        self.organisation_index
            .get(oruk_id)
            .and_then(|&i| self.organisations.get(i))
    }
}

fn dedupe<T: PartialEq>(list: &mut Vec<T>) {
    let items = std::mem::take(list);
    extend_new(list, items);
}

/// "feed.json: contents[3].", or "feed.json: " for the top of the file: what paths inside follow.
fn prefix_of(file: &str, at: &str) -> String {
    if at.is_empty() {
        format!("{file}: ")
    } else {
        format!("{file}: {at}.")
    }
}

/// "feed.json: contents[3]", or just "feed.json" for the whole file.
fn place(file: &str, at: &str) -> String {
    if at.is_empty() {
        file.to_string()
    } else {
        format!("{file}: {at}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::import_oruk::feed::parse;

    #[test]
    fn repeated_ids_become_one_service_with_every_place_noted() {
        let mut book = Book::default();
        let feed = parse(
            br#"{"contents": [
                {"id": "a", "name": "Food bank", "phones": [{"number": "01632 960001"}]},
                {"id": "a", "name": "Food bank", "description": "Food parcels.",
                 "phones": [{"number": "01632 960001"}, {"number": "01632 960002"}]},
                {"id": "b", "name": "Debt advice"}
            ]}"#,
            "list.json",
        )
        .unwrap();
        book.add(feed, "list.json");
        assert_eq!(book.services.len(), 2);
        let food = &book.services[0];
        assert_eq!(
            food.seen,
            ["list.json: contents[0]", "list.json: contents[1]"]
        );
        assert_eq!(food.description.as_deref(), Some("Food parcels."));
        let numbers: Vec<&str> = food.phones.iter().map(|p| p.value.as_str()).collect();
        assert_eq!(numbers, ["01632 960001", "01632 960002"]);
        assert_eq!(food.phones[1].at, "list.json: contents[1].phones[1].number");
    }

    #[test]
    fn ages_read_as_words() {
        assert_eq!(
            ages(Some(12.0), Some(100.0)).as_deref(),
            Some("Ages 12 to 100.")
        );
        assert_eq!(ages(Some(18.0), None).as_deref(), Some("Ages 18 and over."));
        assert_eq!(
            ages(Some(0.0), Some(25.0)).as_deref(),
            Some("Ages up to 25.")
        );
        assert_eq!(ages(None, None), None);
        assert_eq!(ages(Some(f64::NAN), Some(-3.0)), None);
    }
}
