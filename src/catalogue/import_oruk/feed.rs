//! Reading one Open Referral UK 3.0 JSON file: a page of services (`contents`), a full service, a
//! full organisation (its `services` inside), a service at a location, or a taxonomy (which has
//! nothing to import).
//!
//! Only the fields the catalogue uses are read; others are skipped whatever they hold. A file
//! that is not such JSON is refused with one message naming the file and the first thing wrong:
//! the line and column of broken JSON, or the JSON path of a value of the wrong kind
//! (`contents[3].name`).

use std::path::Path;

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::super::import_files::{ImportError, fail};
use crate::printable::printable;
use crate::user_file::{ReadError, read_bounded};

/// The largest ORUK file read: a county's whole directory in one page is tens of megabytes.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The deepest nesting of lists and objects accepted. ORUK's deepest value (an organisation's
/// service's location's address) is about a dozen levels down.
pub const MAX_DEPTH: usize = 64;

/// An ORUK id: text, or a number in some feeds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Id(pub String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        struct IdVisitor;
        impl serde::de::Visitor<'_> for IdVisitor {
            type Value = Id;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an id (text or a whole number)")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Id, E> {
                Ok(Id(text.trim().to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Id, E> {
                Ok(Id(n.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Id, E> {
                Ok(Id(n.to_string()))
            }
        }
        deserializer.deserialize_any(IdVisitor)
    }
}

/// A number, also when a feed writes it as text ("18").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Number, D::Error> {
        struct NumberVisitor;
        impl serde::de::Visitor<'_> for NumberVisitor {
            type Value = Number;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a number")
            }
            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Number, E> {
                Ok(Number(n))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Number, E> {
                Ok(Number(n as f64))
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Number, E> {
                Ok(Number(n as f64))
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Number, E> {
                text.trim()
                    .parse::<f64>()
                    .map(Number)
                    .map_err(|_| E::custom(format!("\"{text}\" is not a number")))
            }
        }
        deserializer.deserialize_any(NumberVisitor)
    }
}

/// Any ORUK object: a service, an organisation, a service at a location, a taxonomy or a page
/// of them. Which it is follows from the fields it has ([`Record::kind`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Record {
    pub id: Option<Id>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub status: Option<String>,
    pub eligibility_description: Option<String>,
    pub minimum_age: Option<Number>,
    pub maximum_age: Option<Number>,
    pub organization_id: Option<Id>,
    pub organization: Option<Box<Record>>,
    pub services: Option<Vec<Record>>,
    pub service: Option<Box<Record>>,
    pub location: Option<Location>,
    pub service_at_locations: Option<Vec<AtLocation>>,
    pub locations: Option<Vec<Location>>,
    pub phones: Option<Vec<Phone>>,
    pub contacts: Option<Vec<Contact>>,
    pub schedules: Option<Vec<Schedule>>,
    pub languages: Option<Vec<Language>>,
    pub service_areas: Option<Vec<ServiceArea>>,
    pub attributes: Option<Vec<Attribute>>,
    pub contents: Option<Vec<Record>>,
    pub page_number: Option<Number>,
    pub total_pages: Option<Number>,
    // Fields only an organisation or a taxonomy has, read only to tell them apart.
    pub taxonomy_terms: Option<IgnoredAny>,
    pub logo: Option<IgnoredAny>,
    pub uri: Option<IgnoredAny>,
    pub legal_status: Option<IgnoredAny>,
    pub organization_identifiers: Option<IgnoredAny>,
    pub parent_organization_id: Option<IgnoredAny>,
    pub year_incorporated: Option<IgnoredAny>,
}

/// A service at a location: the place, and the phones and hours that apply there.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AtLocation {
    pub location: Option<Location>,
    pub phones: Option<Vec<Phone>>,
    pub contacts: Option<Vec<Contact>>,
    pub schedules: Option<Vec<Schedule>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Location {
    pub name: Option<String>,
    pub location_type: Option<String>,
    pub addresses: Option<Vec<Address>>,
    pub phones: Option<Vec<Phone>>,
    pub schedules: Option<Vec<Schedule>>,
    pub languages: Option<Vec<Language>>,
    pub accessibility: Option<Vec<Accessibility>>,
}

/// How disabled people can get in and be helped at a location: the words of its description
/// (ORUK 3.0) or of its older `accessibility` field.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Accessibility {
    pub description: Option<String>,
    pub details: Option<String>,
    pub accessibility: Option<String>,
}

/// A postal or physical address. `attention` (a person's name) and `country` are not read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Address {
    pub address_1: Option<String>,
    pub address_2: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub state_province: Option<String>,
    pub postal_code: Option<String>,
    pub address_type: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Phone {
    pub number: Option<String>,
}

/// A contact for a service: only its phones and email are read, never a person's name.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub email: Option<String>,
    pub phones: Option<Vec<Phone>>,
}

/// When a service is available, as an RFC 5545 recurrence: `freq`, `interval`, `byday`, and the
/// times `opens_at` and `closes_at`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Schedule {
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub dtstart: Option<String>,
    pub freq: Option<String>,
    pub interval: Option<Number>,
    pub byday: Option<String>,
    pub bymonthday: Option<String>,
    pub opens_at: Option<String>,
    pub closes_at: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Language {
    pub name: Option<String>,
    pub code: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ServiceArea {
    pub name: Option<String>,
    pub service_area: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Attribute {
    pub taxonomy_term: Option<TaxonomyTerm>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TaxonomyTerm {
    pub name: Option<String>,
    pub term: Option<String>,
}

/// What a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecordKind {
    Service,
    ServiceAtLocation,
    Organisation,
    Taxonomy,
}

impl Record {
    fn kind(&self) -> Option<RecordKind> {
        let has_any = |fields: &[bool]| fields.iter().any(|f| *f);
        if self.service.is_some() {
            Some(RecordKind::ServiceAtLocation)
        } else if self.services.is_some() {
            Some(RecordKind::Organisation)
        } else if self.taxonomy_terms.is_some() {
            Some(RecordKind::Taxonomy)
        } else if has_any(&[
            self.status.is_some(),
            self.organization.is_some(),
            self.organization_id.is_some(),
            self.service_at_locations.is_some(),
            self.schedules.is_some(),
            self.url.is_some(),
        ]) {
            Some(RecordKind::Service)
        } else if has_any(&[
            self.website.is_some(),
            self.logo.is_some(),
            self.uri.is_some(),
            self.legal_status.is_some(),
            self.organization_identifiers.is_some(),
            self.parent_organization_id.is_some(),
            self.year_incorporated.is_some(),
        ]) {
            Some(RecordKind::Organisation)
        } else if self.id.is_some() || self.name.is_some() {
            Some(RecordKind::Service)
        } else {
            None
        }
    }

    /// The record's id, when it has one that is not blank.
    pub fn id_text(&self) -> Option<&str> {
        self.id
            .as_ref()
            .map(|id| id.0.as_str())
            .filter(|id| !id.is_empty())
    }

    /// The record's name, when it is not blank.
    pub fn name_text(&self) -> Option<&str> {
        self.name.as_deref().filter(|n| !n.trim().is_empty())
    }
}

/// A service found in a file, with the organisation it belongs to and, for a service at a
/// location, that location.
#[derive(Debug, Clone)]
pub struct FoundService {
    /// Where it is in the file: "contents[3]", "services[0]", "" for the whole file.
    pub at: String,
    pub service: Record,
    pub organisation: Option<Record>,
    pub at_location: Option<AtLocation>,
}

/// An organisation found in a file (its services are listed apart, as [`FoundService`]s).
#[derive(Debug, Clone)]
pub struct FoundOrganisation {
    pub at: String,
    pub organisation: Record,
    /// True when the file lists services of it.
    pub has_services: bool,
}

/// Everything one file holds.
#[derive(Debug, Clone, Default)]
pub struct Feed {
    pub services: Vec<FoundService>,
    pub organisations: Vec<FoundOrganisation>,
    /// Taxonomies found (nothing in them is imported).
    pub taxonomies: usize,
    /// For a page of a list: its number and how many pages the list has.
    pub page: Option<(u64, u64)>,
}

/// Reads and parses one ORUK file; `path` is named in every message.
pub fn read_file(path: &Path) -> Result<Feed, ImportError> {
    let name = printable(&path.display().to_string()).into_owned();
    let bytes = match read_bounded(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadError::NotFound) => {
            return fail(format!(
                "{name} does not exist; check the path of the ORUK JSON file or folder"
            ));
        }
        Err(e @ ReadError::NotAFile(_)) => {
            return fail(format!("{name} {e}; give the path of an ORUK JSON file"));
        }
        Err(e) => return fail(format!("{name} {e}")),
    };
    parse(&bytes, &name)
}

/// Parses the bytes of one ORUK file; `name` is the file named in messages.
pub fn parse(bytes: &[u8], name: &str) -> Result<Feed, ImportError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let Some(first) = bytes.iter().position(|b| !b.is_ascii_whitespace()) else {
        return fail(format!(
            "{name} is empty; expected ORUK 3.0 JSON: a service, an organisation or a page of services"
        ));
    };
    match bytes[first] {
        b'{' => {}
        b'[' => {
            return fail(format!(
                "{name}: the file is a JSON list; an ORUK file is one object: a service, an organisation, or a page of services with `contents`"
            ));
        }
        other => {
            let shown = printable(&String::from_utf8_lossy(&[other])).into_owned();
            return fail(format!(
                "{name}:1:1: this is not JSON (it starts with `{shown}`); give an ORUK 3.0 JSON file as its API returns it"
            ));
        }
    }
    if let Some((line, column)) = too_deep(bytes, MAX_DEPTH) {
        return fail(format!(
            "{name}:{line}:{column}: lists and objects are nested more than {MAX_DEPTH} deep here; ORUK data is never this deep, so this is not an ORUK file"
        ));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let record: Record = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|e| json_problem(name, e.path().to_string(), e.inner()))?;
    deserializer
        .end()
        .map_err(|e| json_problem(name, String::new(), &e))?;
    let mut feed = Feed {
        page: page_of(&record),
        ..Feed::default()
    };
    if let Some(items) = record.contents {
        for (index, item) in items.into_iter().enumerate() {
            add(&mut feed, item, &format!("contents[{index}]"), name)?;
        }
    } else {
        add(&mut feed, record, "", name)?;
    }
    Ok(feed)
}

fn page_of(record: &Record) -> Option<(u64, u64)> {
    let whole = |n: Option<Number>| {
        n.map(|n| n.0)
            .filter(|n| n.is_finite() && *n >= 0.0 && *n < 1e9)
            .map(|n| n as u64)
    };
    record.contents.as_ref()?;
    Some((
        whole(record.page_number).unwrap_or(1),
        whole(record.total_pages).unwrap_or(1),
    ))
}

/// "contents[3].services[0]" from "contents[3]" and "services[0]".
fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// The name of a place in the file for messages: "contents[3]", or "the file" for the top.
fn place(name: &str, at: &str) -> String {
    if at.is_empty() {
        name.to_string()
    } else {
        format!("{name}: {at}")
    }
}

fn add(feed: &mut Feed, mut record: Record, at: &str, name: &str) -> Result<(), ImportError> {
    match record.kind() {
        None => fail(format!(
            "{}: this is not an ORUK service, organisation or page of services (it has no id or name); check the file is ORUK 3.0 JSON",
            place(name, at)
        )),
        Some(RecordKind::Taxonomy) => {
            feed.taxonomies += 1;
            Ok(())
        }
        Some(RecordKind::ServiceAtLocation) => {
            let at_service = join(at, "service");
            let Some(service) = record.service.take() else {
                return Ok(());
            };
            let mut service = *service;
            required(&service, &at_service, name, "service")?;
            let organisation = service.organization.take().map(|o| *o);
            feed.services.push(FoundService {
                at: at_service,
                service,
                organisation,
                at_location: Some(AtLocation {
                    location: record.location.take(),
                    phones: record.phones.take(),
                    contacts: record.contacts.take(),
                    schedules: record.schedules.take(),
                }),
            });
            Ok(())
        }
        Some(RecordKind::Organisation) => {
            required(&record, at, name, "organisation")?;
            let services = record.services.take().unwrap_or_default();
            let has_services = !services.is_empty();
            let mut parent = record.clone();
            parent.locations = None;
            for (index, mut service) in services.into_iter().enumerate() {
                let at_service = join(at, &format!("services[{index}]"));
                required(&service, &at_service, name, "service")?;
                let own = service.organization.take().map(|o| *o);
                feed.services.push(FoundService {
                    at: at_service,
                    service,
                    organisation: own.or_else(|| Some(parent.clone())),
                    at_location: None,
                });
            }
            feed.organisations.push(FoundOrganisation {
                at: at.to_string(),
                organisation: record,
                has_services,
            });
            Ok(())
        }
        Some(RecordKind::Service) => {
            required(&record, at, name, "service")?;
            let organisation = record.organization.take().map(|o| *o);
            feed.services.push(FoundService {
                at: at.to_string(),
                service: record,
                organisation,
                at_location: None,
            });
            Ok(())
        }
    }
}

/// Every service and organisation has an id and a name.
fn required(record: &Record, at: &str, name: &str, what: &str) -> Result<(), ImportError> {
    if record.id_text().is_none() {
        return fail(format!(
            "{name}: {} is missing or empty; every ORUK {what} has an id",
            join(at, "id")
        ));
    }
    if record.name_text().is_none() {
        return fail(format!(
            "{name}: {} is missing or empty; every ORUK {what} has a name",
            join(at, "name")
        ));
    }
    Ok(())
}

/// The line and column where lists and objects first nest deeper than `max`, if they do.
/// Brackets inside strings do not count.
fn too_deep(bytes: &[u8], max: usize) -> Option<(usize, usize)> {
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &byte in bytes {
        if byte == b'\n' {
            line += 1;
            column = 0;
        } else {
            column += 1;
        }
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > max {
                    return Some((line, column));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// One sentence for a JSON error: broken JSON by line and column, a wrong value by its path.
fn json_problem(name: &str, path: String, error: &serde_json::Error) -> ImportError {
    use serde_json::error::Category;
    let (line, column) = (error.line(), error.column());
    let text = error.to_string();
    let reason = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(reason, _)| reason);
    let reason = printable(reason);
    ImportError(match error.classify() {
        Category::Eof => format!(
            "{name}:{line}:{column}: the JSON ends too soon, so the file is cut short; download or save it again"
        ),
        Category::Syntax | Category::Io => format!(
            "{name}:{line}:{column}: this is not valid JSON ({reason}); give an ORUK 3.0 JSON file as its API returns it"
        ),
        Category::Data => {
            let path = printable(if path == "." { "the top level" } else { &path }).into_owned();
            format!(
                "{name}:{line}:{column}: {path}: {reason}; this is not ORUK 3.0 JSON as the import expects it"
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> String {
        parse(text.as_bytes(), "feed.json").unwrap_err().0
    }

    #[test]
    fn a_page_of_services_gives_each_service_and_its_place() {
        let feed = parse(
            br#"{"total_pages": 3, "page_number": 2, "contents": [
                {"id": "a", "name": "Food bank", "status": "active",
                 "organization": {"id": "o", "name": "Trussell"}},
                {"id": 7, "name": "Debt advice"}
            ]}"#,
            "feed.json",
        )
        .unwrap();
        assert_eq!(feed.page, Some((2, 3)));
        assert_eq!(feed.services.len(), 2);
        assert_eq!(feed.services[0].at, "contents[0]");
        assert_eq!(
            feed.services[0]
                .organisation
                .as_ref()
                .and_then(|o| o.name.clone()),
            Some("Trussell".to_string())
        );
        assert_eq!(feed.services[1].service.id_text(), Some("7"));
    }

    #[test]
    fn an_organisation_lends_itself_to_its_services() {
        let feed = parse(
            br#"{"id": "o", "name": "Age UK", "website": "https://ageuk.example.org",
                 "services": [{"id": "s", "name": "Befriending"}]}"#,
            "org.json",
        )
        .unwrap();
        assert_eq!(feed.services[0].at, "services[0]");
        assert_eq!(
            feed.services[0]
                .organisation
                .as_ref()
                .and_then(|o| o.name.clone()),
            Some("Age UK".to_string())
        );
        assert!(feed.organisations[0].has_services);
    }

    #[test]
    fn a_wrong_value_is_named_by_its_path() {
        let said = refused(r#"{"contents": [{"id": "a", "name": "A"}, {"id": "b", "name": 5}]}"#);
        assert!(said.starts_with("feed.json:1:"), "{said}");
        assert!(
            said.contains("contents[1].name: invalid type: integer `5`"),
            "{said}"
        );

        let said = refused(r#"{"contents": "none"}"#);
        assert!(said.contains(": contents: invalid type: string"), "{said}");

        let said = refused(r#"{"contents": [{"id": "a", "status": "active"}]}"#);
        assert!(said.contains("contents[0].name is missing"), "{said}");
    }

    #[test]
    fn broken_json_is_named_by_line_and_column() {
        let said = refused("{\n  \"id\": \"a\",\n  \"name\": ");
        assert!(said.starts_with("feed.json:3:"), "{said}");
        assert!(said.contains("cut short"), "{said}");
        let said = refused("{\"id\": \"a\" \"name\": \"b\"}");
        assert!(said.contains("not valid JSON"), "{said}");
        assert!(refused("").contains("is empty"));
        assert!(refused("[1, 2]").contains("is a JSON list"));
        assert!(refused("<html>").contains("starts with `<`"));
        assert!(refused(r#"{"hello": "world"}"#).contains("not an ORUK service"));
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!("{{\"x\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
        let said = refused(&deep);
        assert!(said.contains("nested more than 64 deep"), "{said}");
        // As deep as allowed, in records inside records, is read without running out of stack.
        let nested = format!(
            "{}{{\"id\": \"a\", \"name\": \"A\"}}{}",
            "{\"id\": \"a\", \"name\": \"A\", \"service\": ".repeat(MAX_DEPTH - 1),
            "}".repeat(MAX_DEPTH - 1)
        );
        let read = std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn(move || parse(nested.as_bytes(), "feed.json").map(|_| ()))
            .unwrap()
            .join()
            .unwrap();
        assert!(read.is_ok(), "{read:?}");
        // Brackets inside text do not count.
        let text = format!("{{\"id\": \"a\", \"name\": \"{}\"}}", "[".repeat(500));
        assert!(parse(text.as_bytes(), "feed.json").is_ok());
    }
}
