//! A phone number, web address or email address the catalogue lists finds the entry that lists
//! it first, typed in any of the layouts residents read off letters and websites.

use frontdesk::catalogue::{Catalogue, Entry, EntryKey};
use frontdesk::search::Index;

/// Every detail in the catalogue and the entries that list it (their own, or their provider's).
fn listed(catalogue: &Catalogue) -> Vec<(String, Vec<EntryKey>)> {
    let mut out: Vec<(String, Vec<EntryKey>)> = Vec::new();
    let mut add = |detail: &str, key: EntryKey| match out.iter_mut().find(|(d, _)| d == detail) {
        Some((_, keys)) => keys.push(key),
        None => out.push((detail.to_string(), vec![key])),
    };
    for (key, entry) in catalogue.entries() {
        match entry {
            Entry::Service(s) => {
                if let Some(p) = &s.phone {
                    add(p, key);
                }
                if let Some(o) = &s.online {
                    add(&o.url, key);
                }
                if s.provider != "council" {
                    let provider = catalogue.provider_of(s);
                    for d in [provider.phone, provider.website].into_iter().flatten() {
                        add(d, key);
                    }
                }
            }
            Entry::Partner(p) => {
                for d in [&p.phone, &p.email, &p.website].into_iter().flatten() {
                    add(d, key);
                }
            }
            _ => {}
        }
    }
    out
}

/// The ways a number is written: as listed, run together, with dashes, with the area code in
/// brackets, and from abroad (+44, 0044, +44 (0)).
fn phone_layouts(number: &str) -> Vec<String> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let mut out = vec![number.to_string(), digits.clone()];
    let parts: Vec<&str> = number.split_whitespace().collect();
    if parts.len() > 1 {
        out.push(parts.join("-"));
        out.push(format!("({}) {}", parts[0], parts[1..].join(" ")));
    }
    if let Some(national) = digits.strip_prefix('0') {
        let spaced = number.trim_start_matches('0');
        out.push(format!("+44 {spaced}"));
        out.push(format!("+44{national}"));
        out.push(format!("0044 {spaced}"));
        out.push(format!("+44 (0){spaced}"));
        out.push(format!("+44 (0) {}", number.replace(' ', "-")));
    }
    out
}

/// The ways an address is written or read out: whole, without https://, without www., with a
/// closing slash, in capitals, and (for an email) its domain.
fn address_layouts(address: &str) -> Vec<String> {
    let bare = address
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let mut out = vec![
        address.to_string(),
        bare.to_string(),
        bare.trim_start_matches("www.").to_string(),
        format!("{address}/"),
        bare.to_uppercase(),
    ];
    if !bare.starts_with("www.") && !address.contains('@') {
        out.push(format!("www.{bare}"));
    }
    out
}

#[test]
fn every_number_and_address_in_the_catalogue_finds_its_entry_first() {
    let catalogue = Catalogue::embedded().expect("the default catalogue loads");
    let index = Index::new(&catalogue);
    let details = listed(&catalogue);
    let phones = details
        .iter()
        .filter(|(d, _)| d.chars().any(|c| c.is_ascii_digit()) && !d.contains('.'))
        .count();
    assert!(phones >= 12, "the catalogue lists {phones} numbers");
    let mut misses = Vec::new();
    let mut tried = 0;
    for (detail, keys) in &details {
        let is_phone = detail
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace());
        let layouts = if is_phone {
            phone_layouts(detail)
        } else {
            address_layouts(detail)
        };
        for typed in layouts {
            tried += 1;
            let hits = index.query(&typed);
            if !hits.first().is_some_and(|h| keys.contains(&h.key)) {
                let got = hits
                    .first()
                    .and_then(|h| catalogue.entry(h.key))
                    .map(|e| e.id().to_string());
                misses.push(format!("\"{typed}\" (listed as {detail}): first {got:?}"));
            }
        }
    }
    eprintln!("{tried} layouts of {} details tried", details.len());
    assert!(misses.is_empty(), "missed:\n{}", misses.join("\n"));
}

#[test]
fn part_of_a_number_or_an_address_finds_its_entry() {
    let catalogue = Catalogue::embedded().expect("the default catalogue loads");
    let index = Index::new(&catalogue);
    let first = |q: &str| {
        index
            .query(q)
            .first()
            .and_then(|h| catalogue.entry(h.key))
            .map(|e| e.id().to_string())
    };
    // The local part of a number, as it is said on the phone.
    let details = listed(&catalogue);
    let (number, keys) = details
        .iter()
        .find(|(d, keys)| d.starts_with("0808") && keys.len() == 1)
        .expect("a freephone number listed once");
    let local: String = number
        .chars()
        .filter(char::is_ascii_digit)
        .skip(4)
        .collect();
    let hit = index.query(&local);
    assert_eq!(hit.first().map(|h| h.key), Some(keys[0]), "{local}");
    // A site by its name and domain, without the rest.
    let site = first("citizensadvice.org.uk").unwrap_or_default();
    assert!(site.starts_with("citizens-advice"), "{site}");
    // Words are still words.
    assert_ne!(first("missed bin"), None);
}

#[test]
fn a_number_the_catalogue_does_not_list_falls_back_to_words() {
    let catalogue = Catalogue::embedded().expect("the default catalogue loads");
    let index = Index::new(&catalogue);
    // Nothing listed: the words' ranking as it is, and no panic on odd layouts.
    for typed in [
        "07700 900123",
        "+1 (555) 010-9999",
        "...",
        "@",
        "http://",
        "(0)",
    ] {
        let _ = index.query(typed);
    }
    // Words with dots are still words.
    assert!(!index.query("st. helens library").is_empty());
}
