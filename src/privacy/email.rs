//! Email addresses, plain or disguised: `jo@example.com`, `jo @ example . com`, `jo＠example.com`
//! (folded before this runs), `jo(at)example(dot)com`, `jo [at] example [dot] com`,
//! `jo.bloggs at gmail dot com`, `sarahjones88 at hotmail`.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{before, regex, scan};
use super::{Finding, PersonalData};

const AT: &str = r"(?:\s{0,2}@\s{0,2}|\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+)";
const DOT: &str = r"(?:\.|\s{1,2}\.\s{1,2}|\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)";
const WORD: &str = r"[a-z0-9_%+\-]+";

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?P<local>{WORD}(?:(?:\.|{DOT}){WORD})*)(?P<at>{AT})(?P<domain>[a-z0-9\-]+(?:{DOT}[a-z0-9\-]+)*)\b"
    ))
});

static DOT_WORD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|\s*\.\s*"));

static AT_WORD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+|\s*@\s*"));

static EMAIL_WORD: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\be-?mail"));

/// Providers residents use, so "sarahjones88 at hotmail" is an address even without ".com".
const PROVIDERS: &[&str] = &[
    "gmail",
    "googlemail",
    "hotmail",
    "outlook",
    "live",
    "msn",
    "yahoo",
    "ymail",
    "icloud",
    "aol",
    "btinternet",
    "btopenworld",
    "sky",
    "virginmedia",
    "ntlworld",
    "blueyonder",
    "talktalk",
    "tiscali",
    "protonmail",
    "proton",
    "gmx",
    "yandex",
    "zoho",
];

/// Words written before "at" and a web page's name: "look at gov.uk".
const WEB_WORDS: &[&str] = &[
    "look",
    "looked",
    "looking",
    "online",
    "apply",
    "applied",
    "available",
    "found",
    "find",
    "info",
    "information",
    "details",
    "form",
    "forms",
    "website",
    "site",
    "page",
    "us",
    "them",
    "it",
    "this",
    "that",
    "here",
    "there",
    "go",
    "went",
    "check",
    "checked",
    "visit",
    "visited",
    "book",
    "booked",
    "register",
    "registered",
    "report",
    "reported",
    "pay",
    "paid",
    "see",
    "read",
    "more",
    "out",
    "guidance",
    "help",
    "advice",
    "staff",
    "service",
    "services",
    "team",
    "is",
    "are",
    "was",
    "and",
    "or",
    "up",
    "sign",
    "signed",
    "log",
    "logged",
    "search",
    "searched",
    "listed",
    "posted",
    "shown",
    "click",
    "done",
    "renew",
    "renewed",
    "bin",
    "bins",
    "collection",
];

/// Endings a disguised address is written with.
const TOP_LEVEL: &[&str] = &[
    "com", "co", "uk", "org", "net", "gov", "ac", "nhs", "me", "info", "io", "biz", "edu", "eu",
    "ie", "pl", "de", "fr", "es", "it", "ro", "lt", "lv", "in", "pk", "ng", "us", "ca", "au", "nz",
    "email", "online",
];

/// An address with letters beyond ASCII in its name or its domain: "josé@correo.es",
/// "müller@bücher.de", "почта@пример.рф", "用户@例子.中国".
static INTERNATIONAL: LazyLock<Regex> = LazyLock::new(|| {
    regex::RegexBuilder::new(
        r"[\p{L}\p{M}\p{N}_%+\-]+(?:\.[\p{L}\p{M}\p{N}_%+\-]+)*\s?@\s?[\p{L}\p{M}\p{N}\-]+(?:\.[\p{L}\p{M}\p{N}\-]+)*",
    )
    .build()
    .unwrap_or_else(|e| panic!("bad personal-data pattern: {e}"))
});

/// False when the note has no `@` and no "at" word at all, so it cannot hold an address.
pub fn may_hold_one(text: &str) -> bool {
    text.contains('@')
        || text
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|word| word.eq_ignore_ascii_case("at"))
}

pub fn find(text: &str, found: &mut Vec<Finding>) {
    if !text.is_ascii() && text.contains('@') {
        scan(&INTERNATIONAL, text, |caps| {
            let Some(m) = caps.get(0) else { return false };
            let (local, domain) = m.as_str().split_once('@').unwrap_or_default();
            // Beyond ASCII somewhere, a name before the @, and a domain of two labels or more
            // (an ASCII address is the plain pattern's).
            let keep = !m.as_str().is_ascii()
                && !local.trim().is_empty()
                && domain.trim().contains('.')
                && !domain.trim().ends_with('.');
            if keep {
                found.push(Finding {
                    kind: PersonalData::Email,
                    range: m.range(),
                });
            }
            keep
        });
    }
    scan(&EMAIL, text, |caps| {
        let (Some(whole), Some(local), Some(at), Some(domain)) = (
            caps.get(0),
            caps.name("local"),
            caps.name("at"),
            caps.name("domain"),
        ) else {
            return false;
        };
        let labels: Vec<String> = DOT_WORD
            .split(domain.as_str())
            .map(str::to_ascii_lowercase)
            .collect();
        let provider = labels
            .first()
            .is_some_and(|l| PROVIDERS.contains(&l.as_str()));
        let ends_well = labels.len() >= 2
            && labels.last().is_some_and(|l| {
                TOP_LEVEL.contains(&l.as_str())
                    || at.as_str().contains('@')
                        && l.len() >= 2
                        && l.chars().all(|c| c.is_ascii_alphabetic())
            });
        // "tony@tonysgarage": an @ with nothing around it needs no ending.
        let tight = at.as_str() == "@" && labels.len() == 1 && domain.as_str().len() >= 3;
        if !(provider || ends_well || tight) {
            return false;
        }
        // "look at gov.uk" is not an address: a bare "at" needs an address-like name, a
        // provider, a spelt-out "dot", or the word "email" just before.
        let bare_at = !at.as_str().contains(['@', '(', '[', '{', '<']);
        if bare_at {
            let local = local.as_str();
            let addressy = local.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | '_'))
                || local.to_ascii_lowercase().contains(" dot ")
                || domain.as_str().to_ascii_lowercase().contains("dot");
            let said_email = EMAIL_WORD.is_match(before(text, whole.start(), 30));
            // "jbloggs at example.com" is an address; "look at gov.uk", "apply online at
            // www.example.org/bins" and "available at example.org" are web pages.
            let web_page = WEB_WORDS.contains(&local.to_ascii_lowercase().as_str())
                || domain.as_str().to_ascii_lowercase().starts_with("www")
                || text[whole.end()..].starts_with('/');
            if !(addressy || provider || said_email || !web_page) {
                return false;
            }
        }
        found.push(Finding {
            kind: PersonalData::Email,
            range: whole.range(),
        });
        true
    });
}

/// The address as it would be typed: "jo (at) example [dot] com" is "jo@example.com".
pub fn canonical(written: &str) -> String {
    let Some(at) = AT_WORD.find(written) else {
        return written.to_string();
    };
    let local = DOT_WORD.replace_all(&written[..at.start()], ".");
    let domain = DOT_WORD.replace_all(&written[at.end()..], ".");
    format!("{local}@{domain}").to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emails(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        find(text, &mut found);
        super::super::merge(found)
            .into_iter()
            .map(|f| &text[f.range])
            .collect()
    }

    #[test]
    fn plain_and_disguised_addresses_are_found() {
        for (text, email) in [
            ("email is jo.bloggs@example.com ok", "jo.bloggs@example.com"),
            (
                "J_Smith+council@mail.example.co.uk",
                "J_Smith+council@mail.example.co.uk",
            ),
            (
                "email jo.bloggs at gmail dot com",
                "jo.bloggs at gmail dot com",
            ),
            ("send to sam(at)example(dot)com", "sam(at)example(dot)com"),
            (
                "p.khan [at] hotmail [dot] co [dot] uk",
                "p.khan [at] hotmail [dot] co [dot] uk",
            ),
            ("address amy.t @ outlook . com", "amy.t @ outlook . com"),
            ("kev_1974 at yahoo.co.uk please", "kev_1974 at yahoo.co.uk"),
            ("email - sarahjones88 at hotmail", "sarahjones88 at hotmail"),
            (
                "send to mark dot evans at gmail dot com",
                "mark dot evans at gmail dot com",
            ),
            (
                "email adam.smith AT gmail DOT com",
                "adam.smith AT gmail DOT com",
            ),
            (
                "jbloggs at example.com wants a copy",
                "jbloggs at example.com",
            ),
            ("email: tony@tonysgarage", "tony@tonysgarage"),
        ] {
            assert_eq!(emails(text), [email], "in {text:?}");
        }
    }

    #[test]
    fn the_word_at_in_ordinary_notes_is_not_an_address() {
        for text in [
            "look at gov.uk for the form",
            "apply online at www.example.org/garden-waste",
            "meet at the library at 2",
            "paid at the post office",
            "bins at 7am on Tuesdays",
            "went to the Advice Centre at 14 High Street",
            "form available at example.org",
            "check the dates at example.org/bins",
            "3 bags @ £5",
            "paid @ 10am",
        ] {
            assert_eq!(emails(text), Vec::<&str>::new(), "in {text:?}");
        }
    }

    #[test]
    fn canonical_undoes_the_disguise() {
        assert_eq!(canonical("Jo (at) Example [dot] com"), "jo@example.com");
        assert_eq!(canonical("jo.b at gmail dot com"), "jo.b@gmail.com");
        assert_eq!(canonical("14 High Street"), "14 High Street");
    }

    #[test]
    fn internationalised_addresses_are_found() {
        for (text, email) in [
            ("email josé.garcía@correo.es ok", "josé.garcía@correo.es"),
            ("send to müller@bücher.de", "müller@bücher.de"),
            ("address ана@пример.рф", "ана@пример.рф"),
            ("email 李明@例子.中国 please", "李明@例子.中国"),
        ] {
            assert_eq!(emails(text), [email], "in {text:?}");
        }
        for text in ["café @ 10", "3 bags @ £5 each", "naïve@"] {
            assert_eq!(emails(text), Vec::<&str>::new(), "in {text:?}");
        }
    }
}
