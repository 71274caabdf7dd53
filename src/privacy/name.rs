//! People's names: with a title ("Mrs Jones", "Mr A Patel", "MRS WILLIAMS"), introduced ("her
//! name is ...", "surname Kaczmarek", "client Daniel Walsh", "son Jake"), or a known first name
//! with a surname ("John Smith"). "Dr's letter", "has MS", "will miss the deadline" and "called
//! the helpline" pass.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::address::STREET_WORDS;
use super::text::{before, regex, scan};
use super::{Finding, PersonalData};

static FIRST_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("first_names.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
});

const SURNAME: &str = r"(?:O'|Mc|Mac)?[A-Za-z][A-Za-z'\-]+";

/// A title, up to two initials, a surname and perhaps one more capitalised word.
static TITLED: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"\b(?P<title>Mr|Mrs|Ms|Miss|Mx|Mister|Master|Dr|Rev|Revd|Prof|Sir|Dame|Lady|Lord|MR|MRS|MISS|MX|mr|mrs|ms|mx|miss)\.?\s+(?P<initials>(?:[A-Za-z]\.?\s+){{0,2}})(?P<surname>{SURNAME})(?P<more>\s+[A-Z][a-z'\-]+)?"
    ))
});

/// "her name is ...", "name: ...", "surname Kaczmarek", "name given as ...".
static NAME_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?:(?:full|first|last|maiden|sur|fore)\s*)?name(?P<said>(?:\s+(?:is|was|given\s+as|given|spelt|spelled)|\s*[:\-=])+)?\s+(?P<name>{SURNAME}(?:\s+{SURNAME})?)"
    ))
});

/// "called Priya", "named Chloe", "known as Bob".
static CALLED: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"\b(?i:called|named|known\s+as|aka)\s+(?P<name>[A-Z][a-z'\-]+(?:\s+{SURNAME})?)"
    ))
});

/// A person the note is about, by their role: "client Daniel Walsh", "son Jake".
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"\b(?P<role>(?i:client|resident|customer|tenant|applicant|claimant|service\s+user|son|daughter|husband|wife|partner|mum|mother|dad|father|brother|sister|grandson|granddaughter|grandmother|grandfather|nan|gran|grandad|nephew|niece|uncle|aunt|auntie|cousin|child|baby|carer|neighbour|friend|landlord|landlady|boyfriend|girlfriend|fianc(?:é|e)e?|stepson|stepdaughter))(?P<owner>'s)?(?i:\s+is\s+|\s*[:\-,(]\s*|\s+)(?P<first>[A-Z][a-zA-Z'\-]+)(?P<last>\s+{SURNAME})?"
    ))
});

/// A capitalised word and another after it: checked against the first names.
static FULL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\b(?P<first>[A-Z][a-z]+|[A-Z]{2,})\s+(?P<last>(?:O'|Mc|Mac)?[A-Z][A-Za-z'\-]+)")
});

/// Words that follow a title or a role but are not names, and capitalised words that are not
/// surnames ("Victoria Road", "Mark Complete", "Lord Mayor").
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "on",
    "in",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "is",
    "was",
    "are",
    "has",
    "had",
    "have",
    "will",
    "would",
    "can",
    "could",
    "should",
    "not",
    "no",
    "yes",
    "re",
    "about",
    "asked",
    "says",
    "said",
    "wants",
    "wanted",
    "came",
    "come",
    "called",
    "rang",
    "phoned",
    "needs",
    "need",
    "please",
    "pls",
    "who",
    "which",
    "that",
    "this",
    "here",
    "there",
    "also",
    "too",
    "again",
    "only",
    "unknown",
    "withheld",
    "given",
    "known",
    "missing",
    "spelt",
    "spelled",
    "wrong",
    "same",
    "different",
    "required",
    "needed",
    "on",
    "off",
    "sign",
    "council",
    "tax",
    "team",
    "office",
    "officer",
    "services",
    "service",
    "department",
    "dept",
    "centre",
    "center",
    "uk",
    "nhs",
    "dwp",
    "hmrc",
    "gp",
    "plus",
    "advice",
    "credit",
    "benefit",
    "benefits",
    "housing",
    "universal",
    "society",
    "trust",
    "foundation",
    "appeal",
    "mayor",
    "surgery",
    "practice",
    "hospital",
    "school",
    "college",
    "university",
    "library",
    "church",
    "hall",
    "station",
    "bank",
    "group",
    "association",
    "club",
    "charity",
    "project",
    "partnership",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "word",
    "excel",
    "teams",
    "office",
    "form",
    "letter",
    "account",
    "card",
    "pass",
    "badge",
    "app",
    "online",
    "helpline",
    "line",
    "number",
    "details",
    "himself",
    "herself",
    "themselves",
    "them",
    "him",
    "her",
    "his",
    "they",
    "she",
    "he",
    "it",
    "we",
    "you",
    "i",
    "me",
    "my",
    "our",
    "your",
    "their",
    "appointment",
    "appt",
    "note",
    "certificate",
    "complete",
    "completed",
    "done",
    "ok",
    "okay",
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "name",
    "surname",
    "first",
    "last",
    "as",
    "be",
    "been",
    "being",
    "did",
    "does",
    "do",
    "went",
    "goes",
    "moved",
    "lives",
    "living",
    "left",
    "stays",
    "staying",
    "works",
    "working",
    "one",
    "two",
    "all",
    "change",
    "changed",
    "changes",
    "changing",
    "check",
    "checked",
    "jobcentre",
    "citizens",
    "shelter",
    "age",
    "stepchange",
    "samaritans",
    "police",
    "ambulance",
    "fire",
    "social",
    "adult",
    "adults",
    "children",
    "child",
    "care",
    "health",
    "mental",
    "english",
    "polish",
    "urdu",
    "arabic",
    "romanian",
    "punjabi",
    "bengali",
    "welsh",
    "british",
    "interpreter",
    "translator",
    "court",
    "county",
    "district",
    "borough",
    "city",
    "town",
    "parish",
    "ward",
    "home",
    "homes",
    "allowance",
    "payment",
    "support",
    "grant",
    "discount",
    "reduction",
    "relief",
    "exemption",
    "scheme",
    "assessment",
    "premium",
    "element",
    "leave",
    "pension",
    "attendance",
    "independence",
];

/// Street words that are also common surnames: "Ms J Green", "John Hill".
const SURNAMES_TOO: &[&str] = &[
    "green", "hill", "bank", "park", "fields", "lodge", "gate", "croft", "chase", "mount",
    "grange", "vale", "brae", "garth", "orchard",
];

fn lower_word(word: &str) -> String {
    let lower = word.trim_end_matches(['\'', '-']).to_lowercase();
    lower
        .strip_suffix("'s")
        .map(str::to_string)
        .unwrap_or(lower)
}

/// A word that can be a name after a title or a role.
fn is_name_word(word: &str) -> bool {
    let lower = lower_word(word);
    !lower.is_empty() && !NOT_NAMES.contains(&lower.as_str())
}

/// A word that can be a surname after a first name: not "Road" as in "Victoria Road".
fn is_surname(word: &str) -> bool {
    let lower = lower_word(word);
    is_name_word(word)
        && (!STREET_WORDS.contains(&lower.as_str()) || SURNAMES_TOO.contains(&lower.as_str()))
}

fn is_first_name(word: &str) -> bool {
    FIRST_NAMES.contains(word.to_lowercase().as_str())
}

fn capitalised(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
}

pub fn find(text: &str, found: &mut Vec<Finding>) {
    scan(&TITLED, text, |caps| {
        let (Some(m), Some(title), Some(surname)) =
            (caps.get(0), caps.name("title"), caps.name("surname"))
        else {
            return false;
        };
        let title = title.as_str();
        let surname_text = surname.as_str();
        // "will miss the deadline", "Dr's letter", "Dr appointment": a lower-case word after
        // "miss" or "Dr" is not a surname; after mr, mrs, ms and mx it is ("mr smith").
        let lower_ok = matches!(
            title.to_ascii_lowercase().as_str(),
            "mr" | "mrs" | "ms" | "mx"
        );
        let keep = is_name_word(surname_text)
            && (capitalised(surname_text) || lower_ok)
            && !(title == "miss" || title == "Miss" && !capitalised(surname_text));
        if !keep {
            return false;
        }
        let end = match caps.name("more") {
            Some(more) if is_name_word(more.as_str().trim()) => more.end(),
            _ => surname.end(),
        };
        found.push(Finding {
            kind: PersonalData::Name,
            range: m.start()..end,
        });
        true
    });
    scan(&NAME_WORDS, text, |caps| {
        let Some(name) = caps.name("name") else {
            return false;
        };
        let mut words = name.as_str().split_whitespace();
        let first = words.next().unwrap_or_default();
        // "surname Kaczmarek" needs its capital; "her name is tom harris" does not.
        let said = caps.name("said").is_some();
        if !is_name_word(first) || !said && !capitalised(first) {
            return false;
        }
        let end = match words.next() {
            Some(second) if is_name_word(second) => name.end(),
            _ => name.start() + first.len(),
        };
        found.push(Finding {
            kind: PersonalData::Name,
            range: name.start()..end,
        });
        true
    });
    scan(&CALLED, text, |caps| {
        let Some(name) = caps.name("name") else {
            return false;
        };
        let mut words = name.as_str().split_whitespace();
        let first = words.next().unwrap_or_default();
        let second = words.next().filter(|w| capitalised(w) && is_surname(w));
        if !is_first_name(first) {
            return false;
        }
        let end = second.map_or(name.start() + first.len(), |_| name.end());
        found.push(Finding {
            kind: PersonalData::Name,
            range: name.start()..end,
        });
        true
    });
    scan(&ROLE, text, |caps| {
        let (Some(role), Some(first)) = (caps.name("role"), caps.name("first")) else {
            return false;
        };
        let last = caps
            .name("last")
            .filter(|l| capitalised(l.as_str().trim()) && is_surname(l.as_str().trim()));
        // After "client" or "son" a capitalised word is a name ("client Smith", "son Kacper");
        // after "partner" only a known first name is ("partner Age UK" is an organisation).
        let role = role.as_str().to_ascii_lowercase();
        let word_like = first
            .as_str()
            .chars()
            .skip(1)
            .all(|c| c.is_lowercase() || matches!(c, '\'' | '-'));
        let keep = is_name_word(first.as_str())
            && (is_first_name(first.as_str())
                || role != "partner"
                    && caps.name("owner").is_none()
                    && word_like
                    && is_surname(first.as_str())
                || last.is_some() && role != "partner");
        if !keep {
            return false;
        }
        let end = last.map_or(first.end(), |l| l.end());
        found.push(Finding {
            kind: PersonalData::Name,
            range: first.start()..end,
        });
        true
    });
    scan(&FULL_NAME, text, |caps| {
        let (Some(first), Some(last)) = (caps.name("first"), caps.name("last")) else {
            return false;
        };
        let saint = before(text, first.start(), 6)
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "st" | "st." | "saint"));
        let keep = !saint && is_first_name(first.as_str()) && is_surname(last.as_str());
        if keep {
            found.push(Finding {
                kind: PersonalData::Name,
                range: first.start()..last.end(),
            });
        }
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        find(text, &mut found);
        found.sort_by_key(|f| f.range.start);
        found.dedup();
        found.iter().map(|f| &text[f.range.clone()]).collect()
    }

    #[test]
    fn names_with_a_title_are_found() {
        for (text, name) in [
            ("Mrs Jones asked about her bin", "Mrs Jones"),
            ("Mr A Patel re council tax", "Mr A Patel"),
            ("spoke to Ms O'Brien", "Ms O'Brien"),
            ("mr smith re parking", "mr smith"),
            ("mrs k. ahmed - DHP", "mrs k. ahmed"),
            ("MRS WILLIAMS WANTS A CALL BACK", "MRS WILLIAMS"),
            ("Mrs. Hughes brought the form", "Mrs. Hughes"),
            ("Rev Ian Miller asked", "Rev Ian Miller"),
            ("Mr and Mrs Thompson, noisy", "Mrs Thompson"),
        ] {
            assert!(
                names(text).contains(&name),
                "in {text:?}: {:?}",
                names(text)
            );
        }
    }

    #[test]
    fn introduced_names_are_found() {
        for (text, name) in [
            ("her name is Fatima Begum", "Fatima Begum"),
            ("his name is tom harris", "tom harris"),
            ("surname is Kaczmarek", "Kaczmarek"),
            ("name given as Agnieszka Nowak", "Agnieszka Nowak"),
            ("called Priya Sharma, interpreter", "Priya Sharma"),
            ("client named Chloe asked", "Chloe"),
            ("client Daniel Walsh, housing", "Daniel Walsh"),
            ("resident: Gareth Evans, wants", "Gareth Evans"),
            ("came with son Jake, needs", "Jake"),
            ("John Smith came in re bins", "John Smith"),
            ("surname Kaczmarek", "Kaczmarek"),
            ("Ms J Green - homeless application", "Ms J Green"),
            ("John Hill came in", "John Hill"),
            ("client Smith asked about bins", "Smith"),
            ("her son Kacper needs a place", "Kacper"),
            ("customer (Anna K) asked", "Anna"),
        ] {
            assert!(
                names(text).contains(&name),
                "in {text:?}: {:?}",
                names(text)
            );
        }
    }

    #[test]
    fn titles_roles_and_capitals_in_ordinary_notes_pass() {
        for text in [
            "Dr's letter needed for the blue badge",
            "has MS, needs an assisted collection",
            "will miss the deadline, extension asked",
            "called the helpline for her",
            "son came with her to translate",
            "client advised to apply online",
            "name is on the letter",
            "Citizens Advice referral made",
            "St Mark's Hall food bank",
            "parking issue on Victoria Road",
            "Will call back on Monday",
            "called Citizens Advice for her",
            "name change on the council tax account",
            "same name as her mum",
            "signposted to partner Age UK",
            "client UC journal help",
            "son Polish speaker, interpreter booked",
            "Carer's Allowance query",
            "carer Support Service referral",
        ] {
            assert_eq!(names(text), Vec::<&str>::new(), "in {text:?}");
        }
    }
}
