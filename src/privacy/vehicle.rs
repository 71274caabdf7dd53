//! Vehicle registrations. A current GB plate ("AB12 CDE", "ab12cde") is one on its own unless
//! its last letters spell a word ("form CT12 and proof"); older layouts ("R123 ABC",
//! "LNR 451K") need a word such as "reg", "car" or "permit" just before.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{before, regex, scan};
use super::{Finding, PersonalData};

/// Two letters, the age identifier, three letters (2001 onwards).
static CURRENT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?P<area>[A-Z]{2})(?P<gap>\s?)(?P<age>\d{2})\s?(?P<letters>[A-Z]{3})\b")
});

/// Prefix (1983-2001) and suffix (1963-1983) plates.
static OLDER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?:[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])\b"));

static VEHICLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:reg|regn|registration|vrm|vrn|car|cars|van|vehicle|plate|motorbike|motorcycle|moped|lorry|taxi|permit|pcn|parked|clamped|towed|abandoned)\b",
    )
});

/// Three-letter words that follow a form name or a room number in ordinary notes.
const COMMON_WORDS: &[&str] = &[
    "and", "the", "for", "was", "all", "has", "not", "can", "had", "are", "but", "you", "her",
    "his", "one", "our", "out", "day", "due", "new", "now", "off", "old", "own", "per", "put",
    "say", "see", "she", "two", "way", "who", "why", "yes", "yet", "bin", "tax", "pay", "fee",
    "box", "bag", "got", "get", "let", "too", "any", "few", "its", "may", "did", "set", "use",
    "ago", "wks", "hrs", "pcs", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "ref", "etc", "via", "app",
    "fax", "tel", "mob", "dob", "gbp", "eur", "usd", "pdf", "doc", "pre", "non", "sub", "top",
    "end", "age", "add", "ask", "met", "saw", "try", "run", "won", "led", "bed", "car", "van",
];

pub fn find(text: &str, found: &mut Vec<Finding>) {
    scan(&CURRENT, text, |caps| {
        let (Some(m), Some(area), Some(age), Some(letters)) = (
            caps.get(0),
            caps.name("area"),
            caps.name("age"),
            caps.name("letters"),
        ) else {
            return false;
        };
        let age: u32 = age.as_str().parse().unwrap_or(0);
        let valid_age = (2..=30).contains(&age) || (51..=80).contains(&age);
        let no_i_or_q = !format!("{}{}", area.as_str(), letters.as_str())
            .to_ascii_uppercase()
            .contains(['I', 'Q']);
        // In lower case a plate stands alone too, unless its letters spell a word: "form ct12
        // and proof" is not a car.
        let word = COMMON_WORDS.contains(&letters.as_str().to_ascii_lowercase().as_str());
        let said = VEHICLE_WORDS.is_match(before(text, m.start(), 30));
        // "AB 12 CDE" is spaced like "at 10 mph": spaced, it needs capitals or the words.
        let spaced = caps.name("gap").is_some_and(|g| !g.as_str().is_empty());
        let capitals = !m.as_str().contains(|c: char| c.is_ascii_lowercase());
        let keep = valid_age && no_i_or_q && (said || !word && (!spaced || capitals));
        if keep {
            found.push(Finding {
                kind: PersonalData::VehicleRegistration,
                range: m.range(),
            });
        }
        keep
    });
    scan(&OLDER, text, |caps| {
        let Some(m) = caps.get(0) else { return false };
        let keep = VEHICLE_WORDS.is_match(before(text, m.start(), 30));
        if keep {
            found.push(Finding {
                kind: PersonalData::VehicleRegistration,
                range: m.range(),
            });
        }
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plates(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        find(text, &mut found);
        found.iter().map(|f| &text[f.range.clone()]).collect()
    }

    #[test]
    fn registrations_are_found() {
        for (text, plate) in [
            ("reg AB12 CDE", "AB12 CDE"),
            ("car reg ab12cde", "ab12cde"),
            ("blocking: YX65 TLK", "YX65 TLK"),
            ("registration number: R123 ABC", "R123 ABC"),
            ("car reg LNR 451K", "LNR 451K"),
            ("blocking the drive, ab12 cde", "ab12 cde"),
            ("AB 12 CDE on the verge", "AB 12 CDE"),
        ] {
            assert_eq!(plates(text), [plate], "in {text:?}");
        }
    }

    #[test]
    fn form_names_and_lower_case_words_pass() {
        for text in [
            "form CT12 and proof of address",
            "room B12 and C14",
            "A38 roadworks",
            "took the 36A bus",
            "AB99 CDE",
            "FORM CT12 AND PROOF",
            "speeding at 10 mph",
        ] {
            assert_eq!(plates(text), Vec::<&str>::new(), "in {text:?}");
        }
    }
}
