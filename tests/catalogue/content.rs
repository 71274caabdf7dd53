//! What a council checks about the default catalogue before staff read it to residents: it loads,
//! it has the entries the desk relies on, nothing is out of date, every number and web address is
//! fictional or an official one, county and government services say "not us", every link leads
//! somewhere, and the writing is plain.
//!
//! Every test gathers all offenders before failing, and names each by its entry id.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::Local;
use frontdesk::catalogue::{Catalogue, Entry, Kind, Service, Tier};
use regex::Regex;

const REQUIRED_SERVICES: &[&str] = &[
    "council-tax-pay",
    "council-tax-moving",
    "council-tax-discount",
    "council-tax-reduction",
    "council-tax-arrears",
    "housing-benefit",
    "discretionary-housing-payment",
    "homelessness",
    "housing-register",
    "housing-repairs-private",
    "bin-missed",
    "bin-new",
    "bin-day",
    "green-waste",
    "bulky-waste",
    "fly-tipping",
    "noise-complaint",
    "pest-control",
    "planning-application",
    "planning-comment",
    "building-control",
    "parking-permit",
    "parking-fine",
    "electoral-register",
    "postal-vote",
    "licensing-taxi",
    "licensing-premises",
    "food-hygiene",
    "business-rates",
    "stray-dog",
    "abandoned-vehicle",
    "street-cleaning",
    "complaint",
    "compliment",
    "foi-request",
    "blue-badge",
    "bus-pass",
    "potholes",
    "streetlight",
    "birth-death-registration",
    "school-admissions",
    "adult-social-care",
    "universal-credit",
    "pension-credit",
];

/// "Not in the catalogue" topics, so every visit can be logged without free text.
const REQUIRED_TOPICS: &[&str] = &[
    "other-government",
    "other-council",
    "other-county",
    "other-health",
    "other-partner",
    "other-general",
];

const REQUIRED_PARTNERS: &[&str] = &[
    "citizens-advice",
    "cvs",
    "food-bank",
    "debt-advice",
    "digital-skills",
    "national-databank",
    "mental-health",
    "domestic-abuse",
    "energy-advice",
    "jobcentre-plus",
    "carers-support",
    "age-uk",
];

/// Services a district council does not provide in a two-tier area.
const COUNTY_SERVICES: &[&str] = &[
    "blue-badge",
    "bus-pass",
    "potholes",
    "streetlight",
    "school-admissions",
    "adult-social-care",
    "birth-death-registration",
];

const GOVERNMENT_SERVICES: &[&str] = &["universal-credit", "pension-credit"];

/// Situations the content guide says must be marked urgent: someone at risk of harm, nowhere
/// safe to stay tonight, domestic abuse.
const URGENT_SERVICES: &[&str] = &[
    "homeless-tonight",
    "rough-sleeping",
    "domestic-abuse-help",
    "safeguarding-adult",
    "safeguarding-child",
    "mental-health-crisis",
];

/// The real national numbers the content guide allows, as publicly listed in 2024.
const NATIONAL_NUMBERS: &[(&str, &str)] = &[
    ("Samaritans", "116 123"),
    ("National Domestic Abuse Helpline", "0808 2000 247"),
    ("Shelter helpline", "0808 800 4444"),
    ("National Debtline", "0808 808 4000"),
    ("StepChange", "0800 138 1111"),
    ("Citizens Advice Adviceline (England)", "0800 144 8848"),
    ("Universal Credit helpline", "0800 328 5644"),
    ("Pension Credit claim line", "0800 99 1234"),
    ("NHS", "111"),
    ("police non-emergency", "101"),
    ("emergencies", "999"),
    // Added by the review of the scripts against current guidance.
    ("StreetLink", "0300 500 0914"),
    ("Help to Claim", "0800 144 8444"),
    ("gas emergency line", "0800 111 999"),
];

/// Ofcom's ranges reserved for drama, as 11-digit numbers (first, last).
const DRAMA_RANGES: &[(u64, u64)] = &[
    (1_632_960_000, 1_632_960_999),
    (3_069_990_000, 3_069_990_999),
    (7_700_900_000, 7_700_900_999),
];

/// Domains reserved for examples: every local web and email address uses one.
const RESERVED_DOMAINS: &[&str] = &["example.org", "example.com"];

fn catalogue() -> Catalogue {
    Catalogue::embedded().expect("the default catalogue loads without problems")
}

fn assert_none(what: &str, offenders: Vec<String>) {
    assert!(
        offenders.is_empty(),
        "{what}:\n  {}",
        offenders.join("\n  ")
    );
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// True for a number from Ofcom's drama ranges or one of the listed national numbers.
fn phone_is_allowed(phone: &str) -> bool {
    let number = digits(phone);
    if NATIONAL_NUMBERS.iter().any(|(_, n)| digits(n) == number) {
        return true;
    }
    number.len() == 11
        && number.starts_with('0')
        && number.parse::<u64>().is_ok_and(|n| {
            DRAMA_RANGES
                .iter()
                .any(|(first, last)| (*first..=*last).contains(&n))
        })
}

/// The host of a web address, lower case, without scheme, path or port.
fn host(address: &str) -> String {
    let without_scheme = address
        .split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or(address);
    let end = without_scheme
        .find(['/', ':', '?', '#'])
        .unwrap_or(without_scheme.len());
    without_scheme[..end].trim_end_matches('.').to_lowercase()
}

fn on_domain(host: &str, domains: &[&str]) -> bool {
    domains
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
}

fn phone_pattern() -> Regex {
    Regex::new(r"\b0\d{2,4}(?: ?\d{2,4}){1,3}\b|\b116 ?123\b").expect("valid pattern")
}

fn web_pattern() -> Regex {
    Regex::new(
        r"(?i)\b(?:https?://)?(?:[a-z0-9-]+\.)+(?:org\.uk|gov\.uk|nhs\.uk|police\.uk|co\.uk|org|com|net|uk)\b[^\s,;)]*",
    )
    .expect("valid pattern")
}

/// Free text of an entry that a receptionist may read out: where numbers and addresses hide.
fn texts(entry: &Entry<'_>) -> Vec<(&'static str, String)> {
    match entry {
        Entry::Service(s) => {
            let mut texts = vec![("summary", s.summary.clone()), ("say", s.say.clone())];
            texts.extend(s.eligibility.clone().map(|e| ("eligibility", e)));
            texts.extend(s.bring.iter().map(|b| ("bring", b.clone())));
            texts
        }
        Entry::Partner(p) => {
            let mut texts = vec![("summary", p.summary.clone())];
            texts.extend(p.eligibility.clone().map(|e| ("eligibility", e)));
            texts.extend(p.hours_note.clone().map(|h| ("hours_note", h)));
            texts.extend(p.address.clone().map(|a| ("address", a)));
            texts
        }
        Entry::Faq(f) => vec![
            ("question", f.question.clone()),
            ("answer", f.answer.clone()),
        ],
        Entry::Script(s) => vec![("summary", s.summary.clone())],
    }
}

fn provider_tier(catalogue: &Catalogue, service: &Service) -> Tier {
    catalogue.provider_of(service).tier
}

#[test]
fn the_default_catalogue_loads_with_enough_entries() {
    let catalogue = catalogue();
    assert!(
        catalogue.services.len() >= 50,
        "the default catalogue has {} services; a front desk needs at least 50",
        catalogue.services.len()
    );
    assert!(
        catalogue.partners.len() >= 15,
        "the default catalogue has {} partners; a front desk needs at least 15",
        catalogue.partners.len()
    );
    assert!(
        catalogue.faqs.len() >= 25,
        "the default catalogue has {} FAQs; a front desk needs at least 25",
        catalogue.faqs.len()
    );
    assert_eq!(catalogue.council.name, "Example District Council");
    assert!(
        !catalogue.council.version.is_empty(),
        "the council has no content version"
    );
}

#[test]
fn every_entry_the_desk_relies_on_exists_with_the_right_kind() {
    let catalogue = catalogue();
    let mut offenders = Vec::new();
    let required = REQUIRED_SERVICES
        .iter()
        .map(|id| (*id, Kind::Service))
        .chain(REQUIRED_PARTNERS.iter().map(|id| (*id, Kind::Partner)));
    for (id, kind) in required {
        match catalogue.find(id) {
            None => offenders.push(format!("{id}: missing (expected a {})", kind.label())),
            Some(key) if key.kind != kind => offenders.push(format!(
                "{id}: is a {} but should be a {}",
                key.kind.label(),
                kind.label()
            )),
            Some(_) => {}
        }
    }
    assert_none("required entries missing or of the wrong kind", offenders);
}

#[test]
fn every_visit_can_be_logged_against_a_topic_when_nothing_else_fits() {
    let catalogue = catalogue();
    let mut offenders = Vec::new();
    for id in REQUIRED_TOPICS {
        match catalogue.service(id) {
            Some(s) if s.is_topic() => {}
            Some(_) => offenders.push(format!("{id}: not kind = \"other\"")),
            None => offenders.push(format!("{id}: no such topic")),
        }
    }
    for topic in catalogue.services.iter().filter(|s| s.is_topic()) {
        if topic.category.as_deref() != Some("Other") {
            offenders.push(format!("{}: category is not \"Other\"", topic.id));
        }
        if !topic.title.starts_with("Other: ") {
            offenders.push(format!("{}: title does not start \"Other: \"", topic.id));
        }
    }
    assert_none("topics", offenders);
}

#[test]
fn every_id_is_used_once() {
    let catalogue = catalogue();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (_, entry) in catalogue.entries() {
        *seen.entry(entry.id()).or_default() += 1;
    }
    let mut offenders: Vec<String> = seen
        .iter()
        .filter(|(_, count)| **count > 1)
        .map(|(id, count)| format!("{id}: used by {count} entries"))
        .collect();
    for body in &catalogue.bodies {
        if body.id == "council" || seen.contains_key(body.id.as_str()) {
            offenders.push(format!(
                "{}: a body id that is also \"council\" or an entry id",
                body.id
            ));
        }
    }
    offenders.sort();
    assert_none("ids used more than once", offenders);
}

#[test]
fn no_entry_is_past_its_review_date() {
    let catalogue = catalogue();
    let today = Local::now().date_naive();
    let offenders = catalogue
        .entries()
        .filter(|(_, entry)| entry.review_by() <= today)
        .map(|(_, entry)| {
            format!(
                "{}: review_by {} is not after today ({today})",
                entry.id(),
                entry.review_by()
            )
        })
        .collect();
    assert_none("entries due for review", offenders);
}

#[test]
fn every_phone_number_is_fictional_or_a_listed_national_number() {
    let catalogue = catalogue();
    let in_text = phone_pattern();
    let mut offenders = Vec::new();
    let mut check = |owner: &str, field: &str, phone: &str| {
        if !phone_is_allowed(phone) {
            offenders.push(format!("{owner}: {field} \"{phone}\" is neither in an Ofcom drama range nor a listed national number"));
        }
    };
    if let Some(phone) = &catalogue.council.phone {
        check("council", "phone", phone);
    }
    for body in &catalogue.bodies {
        if let Some(phone) = &body.phone {
            check(&body.id, "phone", phone);
        }
    }
    for (_, entry) in catalogue.entries() {
        let phone = match entry {
            Entry::Service(s) => s.phone.as_deref(),
            Entry::Partner(p) => p.phone.as_deref(),
            Entry::Faq(_) | Entry::Script(_) => None,
        };
        if let Some(phone) = phone {
            check(entry.id(), "phone", phone);
        }
        for (field, text) in texts(&entry) {
            for found in in_text.find_iter(&text) {
                check(entry.id(), field, found.as_str());
            }
        }
    }
    assert_none("phone numbers that could ring a real person", offenders);
}

#[test]
fn every_web_and_email_address_is_reserved_or_official() {
    // Local addresses use the reserved example domains. GOV.UK hosts real national routes for
    // council services too (registering to vote, Blue Badges), so it is allowed everywhere; the
    // NHS and police sites only on services those bodies provide; any site only on national partners.
    let catalogue = catalogue();
    let in_text = web_pattern();
    let mut offenders = Vec::new();
    let mut check = |owner: &str, field: &str, address: &str, allowed: &[&str]| {
        let host = host(address);
        if !on_domain(&host, allowed) {
            offenders.push(format!(
                "{owner}: {field} \"{address}\" is not on {}",
                allowed.join(", ")
            ));
        }
        if address.contains("://") && !address.starts_with("https://") {
            offenders.push(format!("{owner}: {field} \"{address}\" is not https"));
        }
    };
    let local: Vec<&str> = RESERVED_DOMAINS.iter().copied().chain(["gov.uk"]).collect();
    let public_body: Vec<&str> = local
        .iter()
        .copied()
        .chain(["nhs.uk", "police.uk"])
        .collect();

    if let Some(website) = &catalogue.council.website {
        check("council", "website", website, RESERVED_DOMAINS);
    }
    for body in &catalogue.bodies {
        let allowed = match body.tier {
            Tier::Council | Tier::County | Tier::Partner => RESERVED_DOMAINS,
            Tier::Government | Tier::Other => &public_body[..],
        };
        if let Some(website) = &body.website {
            check(&body.id, "website", website, allowed);
        }
    }
    for (_, entry) in catalogue.entries() {
        let allowed: &[&str] = match entry {
            Entry::Service(s) => match provider_tier(&catalogue, s) {
                Tier::Government | Tier::Other => &public_body,
                Tier::Council | Tier::County | Tier::Partner => &local,
            },
            Entry::Partner(p) if p.national => {
                if let Some(website) = &p.website {
                    check(p.id.as_str(), "website", website, &[host(website).as_str()]);
                }
                continue;
            }
            Entry::Partner(_) | Entry::Faq(_) | Entry::Script(_) => &local,
        };
        match entry {
            Entry::Service(s) => {
                if let Some(online) = &s.online {
                    check(entry.id(), "online", &online.url, allowed);
                }
            }
            Entry::Partner(p) => {
                if let Some(website) = &p.website {
                    check(entry.id(), "website", website, allowed);
                }
                if let Some(email) = &p.email {
                    let domain = email.rsplit_once('@').map(|(_, d)| d).unwrap_or(email);
                    check(entry.id(), "email", domain, allowed);
                }
            }
            Entry::Faq(_) | Entry::Script(_) => {}
        }
        for (field, text) in texts(&entry) {
            for found in in_text.find_iter(&text) {
                let address = found.as_str().trim_end_matches(['.', ':', '!', '?']);
                check(entry.id(), field, address, allowed);
            }
        }
    }
    assert_none(
        "web or email addresses that are neither reserved nor official",
        offenders,
    );
}

#[test]
fn county_and_government_services_say_not_us() {
    let catalogue = catalogue();
    let mut offenders = Vec::new();
    let expected = COUNTY_SERVICES
        .iter()
        .map(|id| (*id, Tier::County))
        .chain(GOVERNMENT_SERVICES.iter().map(|id| (*id, Tier::Government)));
    for (id, tier) in expected {
        let Some(service) = catalogue.service(id) else {
            offenders.push(format!("{id}: no such service"));
            continue;
        };
        let provider = catalogue.provider_of(service);
        if provider.tier != tier || provider.is_us() {
            offenders.push(format!(
                "{id}: provided by {} ({}), expected a {} provider",
                provider.name,
                provider.tier.label(),
                tier.label()
            ));
        }
    }
    assert_none("services shown with the wrong provider", offenders);
}

#[test]
fn every_provider_is_the_council_a_body_or_a_partner() {
    // `provider_of` falls back to "us" for an unknown provider, which would hide a typo.
    let catalogue = catalogue();
    let offenders = catalogue
        .services
        .iter()
        .filter(|s| {
            s.provider != "council"
                && catalogue.body(&s.provider).is_none()
                && catalogue.partner(&s.provider).is_none()
        })
        .map(|s| format!("{}: unknown provider \"{}\"", s.id, s.provider))
        .collect();
    assert_none("services with an unknown provider", offenders);
}

#[test]
fn every_related_and_signpost_link_leads_somewhere() {
    let catalogue = catalogue();
    let mut offenders = Vec::new();
    let mut check_related = |owner: &str, related: &[String]| {
        for id in related {
            match catalogue.find(id).map(|key| key.kind) {
                None => offenders.push(format!("{owner}: related \"{id}\" does not exist")),
                Some(Kind::Partner) => offenders.push(format!(
                    "{owner}: related \"{id}\" is a partner; list it under signpost"
                )),
                Some(_) if id == owner => offenders.push(format!("{owner}: related to itself")),
                Some(_) => {}
            }
        }
    };
    for service in &catalogue.services {
        check_related(&service.id, &service.related);
    }
    for faq in &catalogue.faqs {
        check_related(&faq.id, &faq.related);
    }
    for service in &catalogue.services {
        for id in &service.signpost {
            match catalogue.find(id).map(|key| key.kind) {
                Some(Kind::Partner) => {}
                None => offenders.push(format!("{}: signpost \"{id}\" does not exist", service.id)),
                Some(kind) => offenders.push(format!(
                    "{}: signpost \"{id}\" is a {}, not a partner",
                    service.id,
                    kind.label()
                )),
            }
        }
    }
    assert_none("links that lead nowhere", offenders);
}

#[test]
fn urgent_situations_are_marked_and_say_what_to_do_now() {
    let catalogue = catalogue();
    let mut offenders = Vec::new();
    for id in URGENT_SERVICES {
        match catalogue.service(id) {
            Some(service) if service.urgent => {}
            Some(_) => offenders.push(format!("{id}: not marked urgent")),
            None => offenders.push(format!("{id}: no such service")),
        }
    }
    for service in catalogue.services.iter().filter(|s| s.urgent) {
        let say = service.say.to_lowercase();
        if !say.contains("now") {
            offenders.push(format!(
                "{}: urgent, but `say` does not tell the resident what to do now",
                service.id
            ));
        }
        if service.phone.is_none() {
            offenders.push(format!("{}: urgent, but has no phone number", service.id));
        }
    }
    assert_none("urgent situations", offenders);
}

#[test]
fn every_entry_gives_the_receptionist_enough_to_act_on() {
    let catalogue = catalogue();
    let mut offenders = Vec::new();
    for (_, entry) in catalogue.entries() {
        let id = entry.id();
        if entry.title().trim().is_empty() {
            offenders.push(format!("{id}: no title"));
        }
        if entry.summary().trim().is_empty() {
            offenders.push(format!("{id}: no summary or answer"));
        }
        if entry.keywords().is_empty() {
            offenders.push(format!("{id}: no keywords"));
        }
        match entry {
            Entry::Service(s) => {
                if s.say.trim().is_empty() {
                    offenders.push(format!("{id}: nothing for the receptionist to say"));
                }
                if s.category.is_none() {
                    offenders.push(format!("{id}: no category"));
                }
                // A topic has a route only when one body runs all of it (GOV.UK, the NHS).
                if s.online.is_none() && s.phone.is_none() && !s.is_topic() {
                    offenders.push(format!("{id}: neither an online route nor a phone number"));
                }
            }
            Entry::Partner(p) => {
                if p.phone.is_none() && p.website.is_none() && p.email.is_none() {
                    offenders.push(format!("{id}: no way to contact it"));
                }
                if p.access.is_empty() {
                    offenders.push(format!("{id}: does not say how to get help"));
                }
                if p.hours.is_empty() && p.hours_note.is_none() {
                    offenders.push(format!("{id}: no opening hours"));
                }
            }
            Entry::Faq(_) | Entry::Script(_) => {}
        }
    }
    assert_none("entries missing what the desk needs", offenders);
}

#[test]
fn every_script_has_a_title_keywords_and_a_summary_to_be_found_by() {
    let catalogue = catalogue();
    let mut offenders = Vec::new();
    for script in &catalogue.scripts {
        if script.summary.trim().is_empty() {
            offenders.push(format!("{}: no summary", script.id));
        }
        if script.keywords.is_empty() {
            offenders.push(format!("{}: no keywords", script.id));
        }
    }
    assert_none("scripts the search cannot find well", offenders);
}

#[test]
fn opening_hours_use_24_hour_times_that_close_after_they_open() {
    let catalogue = catalogue();
    let day_words: HashSet<&str> = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "to",
        "and",
        "every",
        "day",
        "weekdays",
        "weekends",
    ]
    .into_iter()
    .collect();
    let minutes = |time: &str| -> Option<u32> {
        let (h, m) = time.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
        (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
    };
    let mut offenders = Vec::new();
    let owners = std::iter::once(("council", &catalogue.council.hours))
        .chain(catalogue.bodies.iter().map(|b| (b.id.as_str(), &b.hours)))
        .chain(catalogue.partners.iter().map(|p| (p.id.as_str(), &p.hours)));
    for (owner, hours) in owners {
        for times in hours {
            let words = times.days.to_lowercase().replace(',', " ");
            if words.split_whitespace().next().is_none()
                || words.split_whitespace().any(|w| !day_words.contains(w))
            {
                offenders.push(format!(
                    "{owner}: days \"{}\" are not days of the week",
                    times.days
                ));
            }
            match (minutes(&times.opens), minutes(&times.closes)) {
                (Some(opens), Some(closes)) if opens < closes => {}
                _ => offenders.push(format!(
                    "{owner}: \"{}\" to \"{}\" is not an HH:MM opening before an HH:MM closing",
                    times.opens, times.closes
                )),
            }
        }
    }
    assert_none("opening hours", offenders);
}

#[test]
fn sentences_are_under_25_words() {
    let catalogue = catalogue();
    let sentence_end = Regex::new(r"[.?!]\s+").expect("valid pattern");
    let mut offenders = Vec::new();
    for (_, entry) in catalogue.entries() {
        for (field, text) in texts(&entry) {
            for sentence in sentence_end.split(&text) {
                let words = sentence.split_whitespace().count();
                if words >= 25 {
                    offenders.push(format!(
                        "{}: {field} has a sentence of {words} words: \"{sentence}\"",
                        entry.id()
                    ));
                }
            }
        }
    }
    assert_none("sentences too long for plain English", offenders);
}

#[test]
fn every_catalogue_file_says_its_local_details_are_fictional() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/catalogue");
    let mut offenders = Vec::new();
    let mut files = 0;
    for item in std::fs::read_dir(&dir).expect("assets/catalogue is readable") {
        let path = item.expect("a directory entry").path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let Some(name) = name.filter(|n| n.ends_with(".toml")) else {
            continue;
        };
        files += 1;
        let text = std::fs::read_to_string(&path).expect("a readable file");
        let header: String = text
            .lines()
            .take_while(|line| line.starts_with('#'))
            .collect::<Vec<_>>()
            .join(" ");
        let has_content = text.contains("[[service]]")
            || text.contains("[[partner]]")
            || text.contains("[[faq]]")
            || text.contains("[council]");
        if has_content && !header.to_lowercase().contains("fictional") {
            offenders.push(format!(
                "{name}: the opening comment does not say its local details are fictional"
            ));
        }
    }
    assert!(files > 1, "no catalogue files found in {}", dir.display());
    assert_none("catalogue files", offenders);
}
