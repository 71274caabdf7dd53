//! Phone numbers, web addresses and email addresses: a resident reads one off a letter and the
//! entry that lists it comes first, whatever the layout ("01632 960010", "(01632) 960-010",
//! "+44 1632 960010", "0044 (0)1632 960010"; "https://www.shelter.org.uk/", "shelter.org.uk").
//!
//! Each entry's details are kept in one compared form: a phone number as its digits in the
//! national layout, an address in lower case without its scheme, "www." or closing slash. A
//! query that is only a number (or only an address) is compared with these, not with words.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, Entry};

/// Fewest digits for a typed number to be read as part of a longer one.
const PART_DIGITS: usize = 5;
/// Fewest characters of an address typed in part ("shelter.org").
const PART_ADDRESS: usize = 4;

/// One detail an entry lists, in its compared form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub key: Box<str>,
    pub doc: u32,
    pub phone: bool,
    /// The entry's own detail, not its provider's.
    pub own: bool,
}

/// What a query is, when it is a phone number or an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed {
    Phone(String),
    Address(String),
}

/// The details an entry lists, as (detail, own): a service's phone and online address, and
/// those of the body or partner that provides it; a partner's phone, email and website.
pub fn details_of<'a>(catalogue: &'a Catalogue, entry: &Entry<'a>) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    match *entry {
        Entry::Service(s) => {
            out.extend(s.phone.as_deref().map(|p| (p, true)));
            out.extend(s.online.as_ref().map(|o| (o.url.as_str(), true)));
            if s.provider != "council" {
                let provider = catalogue.provider_of(s);
                out.extend(provider.phone.map(|p| (p, false)));
                out.extend(provider.website.map(|w| (w, false)));
            }
        }
        Entry::Partner(p) => {
            for detail in [&p.phone, &p.email, &p.website] {
                out.extend(detail.as_deref().map(|d| (d, true)));
            }
        }
        Entry::Faq(_) | Entry::Script(_) => {}
    }
    out
}

/// The compared form of a catalogue detail: `(key, is a phone number)`; `None` when empty.
pub fn key_of(detail: &str) -> Option<(String, bool)> {
    if let Some(digits) = phone_key(detail) {
        return Some((digits, true));
    }
    let address = address_key(detail);
    (!address.is_empty()).then_some((address, false))
}

/// Reads a query that is nothing but a phone number or an address.
pub fn read(query: &str) -> Option<Typed> {
    let query = query.trim();
    if let Some(digits) = phone_key(query) {
        return Some(Typed::Phone(digits));
    }
    let looks_like_address = !query.contains(char::is_whitespace)
        && (query.contains('@')
            || query.contains("://")
            || (query.contains('.') && query.chars().any(|c| c.is_alphabetic())));
    if !looks_like_address {
        return None;
    }
    let address = address_key(query);
    (address.chars().filter(|c| c.is_alphanumeric()).count() >= 2)
        .then_some(Typed::Address(address))
}

/// A phone number's digits in the national layout: "+44 (0)1632 960-010" is "01632960010".
/// `None` unless the text is only digits and the marks numbers are written with.
pub fn phone_key(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || " -()+./\u{a0}".contains(c))
    {
        return None;
    }
    // "(0)" after a country code is a national prefix the caller from abroad leaves out.
    let plain = text.replace("(0)", "");
    let mut digits: String = plain.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 3 {
        return None;
    }
    let international = plain.trim_start().starts_with('+');
    if let Some(rest) = digits.strip_prefix("0044") {
        digits = format!("0{}", rest.trim_start_matches('0'));
    } else if international && let Some(rest) = digits.strip_prefix("44") {
        digits = format!("0{}", rest.trim_start_matches('0'));
    } else if international {
        digits = format!("00{digits}");
    }
    Some(digits)
}

/// An address as compared: lower case, without "https://", "mailto:", "www." or a closing "/".
pub fn address_key(text: &str) -> String {
    let mut s = text.trim().to_lowercase();
    for scheme in ["https://", "http://", "mailto:"] {
        if let Some(rest) = s.strip_prefix(scheme) {
            s = rest.to_string();
        }
    }
    if let Some(rest) = s.strip_prefix("www.") {
        s = rest.to_string();
    }
    while s.ends_with('/') {
        s.pop();
    }
    s
}

/// Entries whose details the typed number or address is, best first, each with its score:
/// the whole detail beats a part of it, the entry's own detail beats its provider's.
pub fn find(contacts: &[Contact], typed: &Typed) -> Vec<(u32, f32)> {
    let mut found: Vec<(u32, f32)> = Vec::new();
    for c in contacts {
        let score = match typed {
            Typed::Phone(digits) if c.phone => phone_match(&c.key, digits),
            Typed::Address(address) if !c.phone => address_match(&c.key, address),
            _ => 0.0,
        };
        if score <= 0.0 {
            continue;
        }
        let score = score + if c.own { 0.1 } else { 0.0 };
        match found.iter_mut().find(|(d, _)| *d == c.doc) {
            Some(hit) => hit.1 = hit.1.max(score),
            None => found.push((c.doc, score)),
        }
    }
    found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    found
}

fn phone_match(listed: &str, typed: &str) -> f32 {
    if listed == typed {
        3.0
    } else if typed.len() >= PART_DIGITS && (listed.starts_with(typed) || listed.ends_with(typed)) {
        // Part of the number: the more of it typed, the closer.
        2.0 + typed.len() as f32 / listed.len() as f32 / 2.0
    } else {
        0.0
    }
}

fn address_match(listed: &str, typed: &str) -> f32 {
    if listed == typed {
        return 3.0;
    }
    if typed.chars().count() < PART_ADDRESS {
        return 0.0;
    }
    // An email's domain, a page of a site, a site by its name: the closer in length, the better.
    let closeness = typed.len() as f32 / listed.len().max(1) as f32 / 2.0;
    if listed.starts_with(typed) || listed.contains(&format!("@{typed}")) {
        2.0 + closeness
    } else if listed.contains(typed) {
        1.5 + closeness
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_in_any_layout_has_one_key() {
        for typed in [
            "01632 960010",
            "01632960010",
            "01632-960-010",
            "(01632) 960010",
            "+44 1632 960010",
            "+44 (0)1632 960010",
            "0044 1632 960010",
            "+441632960010",
            "01632.960.010",
        ] {
            assert_eq!(phone_key(typed).as_deref(), Some("01632960010"), "{typed}");
        }
        assert_eq!(phone_key("999").as_deref(), Some("999"));
        assert_eq!(phone_key("bin 01632"), None);
        assert_eq!(phone_key("12"), None);
    }

    #[test]
    fn an_address_is_compared_without_its_scheme_and_www() {
        assert_eq!(address_key("https://www.Shelter.org.uk/"), "shelter.org.uk");
        assert_eq!(
            read("www.gov.uk/browse/benefits"),
            Some(Typed::Address("gov.uk/browse/benefits".into()))
        );
        assert_eq!(read("missed bin"), None);
        assert_eq!(read("no. 5"), None);
    }
}
