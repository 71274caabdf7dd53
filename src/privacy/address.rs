//! Home addresses and postcodes: "14 Acacia Avenue", "Flat 2, 31 Mill Lane", "4 The Paddocks",
//! "Flat 12, Jubilee Court", "lives at 88 Kingsway", "CR2 6XH". A street without a house number
//! ("missed bin on Mill Lane") and a flat without an address ("3rd floor flat") pass.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{regex, scan};
use super::{Finding, PersonalData};

/// The last word of a street name.
pub const STREET_WORDS: &[&str] = &[
    "road",
    "rd",
    "street",
    "st",
    "avenue",
    "ave",
    "av",
    "lane",
    "ln",
    "close",
    "drive",
    "way",
    "crescent",
    "cres",
    "court",
    "ct",
    "place",
    "pl",
    "gardens",
    "gdns",
    "grove",
    "terrace",
    "walk",
    "rise",
    "hill",
    "view",
    "square",
    "sq",
    "mews",
    "row",
    "parade",
    "green",
    "wharf",
    "quay",
    "yard",
    "cottages",
    "villas",
    "mansions",
    "lodge",
    "heights",
    "fields",
    "chase",
    "vale",
    "gate",
    "boulevard",
    "broadway",
    "approach",
    "park",
    "croft",
    "meadows",
    "path",
    "circle",
    "hollow",
    "mount",
    "grange",
    "causeway",
    "embankment",
    "crest",
    "dene",
    "garth",
    "wynd",
    "brae",
    "loan",
    "gait",
    "end",
    "side",
    "bank",
    "leys",
    "paddock",
    "orchard",
];

/// A house number (perhaps after a flat), one to three words, and a street word.
static STREET_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)(?:\b(?:flat|apartment|apt|unit|maisonette)\.?\s*\d{{1,4}}[a-z]?\s*,?\s+)?\b(?:no\.?\s*|number\s+)?\d{{1,4}}[a-z]?\s*,?\s+(?P<name>(?:[a-z][a-z'\-]*\s+){{1,3}}?)(?:{})\b",
        STREET_WORDS.join("|")
    ))
});

/// "4 The Paddocks", "12 The Green".
static THE_ADDRESS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b\d{1,4}[a-z]?,?\s+The\s+[A-Z][a-z'\-]+"));

/// A flat in a named building: "Flat 12, Jubilee Court", "Flat 4b Oak House".
static FLAT_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:flat|apartment|apt|unit|maisonette)\.?\s*\d{1,4}[a-z]?\s*,?\s+(?:[a-z][a-z'\-]*\s+){1,2}(?:house|court|lodge|heights|tower|towers|mansions|point|buildings|block|hall|place|gardens|view|apartments|close|mews)\b",
    )
});

/// A named house on a street: "Rose Cottage, Church Lane", "Hill Farm, Moor Road".
static HOUSE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"\b(?:The\s+)?[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?\s+(?:Cottage|Farm|Farmhouse|Barn|Bungalow|Villa)\s*,\s*(?:[A-Z][a-z'\-]+\s+){{1,2}}(?i:{})\b",
        STREET_WORDS.join("|")
    ))
});

/// A numbered flat in a named block: "5 Churchill House", "12 Jubilee Court".
static BUILDING: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z'\-]+\s+){1,2}(?:House|Court|Lodge|Heights|Mansions|Tower|Towers|Buildings|Apartments|Point)\b",
    )
});

/// A street, then its house number: "Mill Lane, number 12", "Park Road at no. 4".
static NUMBER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"\b[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+){{0,2}}\s+(?i:{})\b(?:,\s*(?i:at\s+)?|\s+(?i:at)\s+)(?i:no\.?|number|house)\s*\d{{1,4}}[a-z]?\b",
        STREET_WORDS.join("|")
    ))
});

/// "lives at 88 Kingsway", "new address: 5 Elm Grove".
static SAID_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:address(?:\s+is)?|lives\s+at|living\s+at|live\s+at|moved\s+to|moving\s+to|resides\s+at|staying\s+at|stays\s+at|home\s+is)\s*[:\-]?\s*(?P<address>(?:flat\s*\d{1,4}[a-z]?\s*,?\s+)?(?:no\.?\s*)?\d{1,4}[a-z]?\s*,?\s+[a-z][a-z'\-]+(?:\s+(?-i:[A-Z][a-z'\-]+)){0,2})",
    )
});

/// A full UK postcode: outward code (A9, A99, A9A, AA9, AA99, AA9A), optional space, inward
/// code (9AA). The inward letters are not limited to the ones Royal Mail issues: a made-up
/// "AB12 3CD" in a note is still meant as a postcode.
static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?P<outward>[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?) ?(?P<inward>[0-9][A-Z]{2})\b",
    )
});

/// Words that a house number is never followed by: "3 bags", "2 hours", "12 weeks on Mill Lane".
const NOT_STREET_NAMES: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "on", "in", "at", "to", "for", "from", "by", "with",
    "near", "off", "outside", "behind", "opposite", "per", "each", "every", "x", "more", "left",
    "bag", "bags", "bin", "bins", "sack", "sacks", "item", "items", "people", "adults", "adult",
    "children", "kids", "week", "weeks", "day", "days", "month", "months", "year", "years", "hour",
    "hours", "hrs", "min", "mins", "minutes", "time", "times", "pound", "pounds", "sofa", "sofas",
    "chair", "chairs", "bed", "beds", "bedroom", "bedrooms", "floor", "floors", "am", "pm", "car",
    "cars", "letter", "letters", "form", "forms", "box", "boxes", "door", "doors", "flat", "flats",
    "house", "houses", "other", "others", "new", "old", "so", "but", "is", "was", "are", "were",
    "has", "had", "have", "will", "not", "no", "yes", "up", "down", "out", "into", "over", "under",
    "about", "after", "before", "since", "until", "than", "then", "they", "she", "he", "we", "it",
    "its", "his", "her", "their", "our", "my", "your", "parking", "spaces", "space",
];

/// `digits`: whether the note holds any; every layout but a named house needs one.
pub fn find(text: &str, digits: bool, found: &mut Vec<Finding>) {
    scan(&HOUSE_NAME, text, |caps| {
        let Some(m) = caps.get(0) else { return false };
        push_if(true, m.range(), PersonalData::Address, found)
    });
    if !digits {
        return;
    }
    scan(&STREET_ADDRESS, text, |caps| {
        let (Some(m), Some(name)) = (caps.get(0), caps.name("name")) else {
            return false;
        };
        let plausible = name
            .as_str()
            .split_whitespace()
            .enumerate()
            .all(|(i, word)| {
                let word = word.to_ascii_lowercase();
                let saint = i == 0 && matches!(word.as_str(), "st" | "saint");
                saint || !NOT_STREET_NAMES.contains(&word.as_str())
            });
        push_if(plausible, m.range(), PersonalData::Address, found)
    });
    for re in [&*THE_ADDRESS, &*FLAT_ADDRESS, &*BUILDING, &*NUMBER_AFTER] {
        scan(re, text, |caps| {
            let Some(m) = caps.get(0) else { return false };
            push_if(true, m.range(), PersonalData::Address, found)
        });
    }
    scan(&SAID_ADDRESS, text, |caps| {
        let Some(address) = caps.name("address") else {
            return false;
        };
        let first_word = address
            .as_str()
            .split_whitespace()
            .find(|w| {
                w.starts_with(char::is_alphabetic)
                    && !w.eq_ignore_ascii_case("flat")
                    && !w.eq_ignore_ascii_case("no.")
            })
            .unwrap_or_default()
            .to_ascii_lowercase();
        let plausible = !NOT_STREET_NAMES.contains(&first_word.as_str());
        push_if(plausible, address.range(), PersonalData::Address, found)
    });
    scan(&POSTCODE, text, |caps| {
        let (Some(m), Some(outward), Some(inward)) =
            (caps.get(0), caps.name("outward"), caps.name("inward"))
        else {
            return false;
        };
        push_if(
            is_postcode(outward.as_str(), inward.as_str()),
            m.range(),
            PersonalData::Postcode,
            found,
        )
    });
}

fn push_if(
    keep: bool,
    range: std::ops::Range<usize>,
    kind: PersonalData,
    found: &mut Vec<Finding>,
) -> bool {
    if keep {
        found.push(Finding { kind, range });
    }
    keep
}

/// "M6 2nd" and "b1 1st" are not postcodes: a postcode's letters are all capitals or all lower
/// case, and a lower-case inward code that reads as an ordinal ("1st", "8th") is one.
fn is_postcode(outward: &str, inward: &str) -> bool {
    let letters = |s: &str| {
        s.chars()
            .filter(char::is_ascii_alphabetic)
            .collect::<String>()
    };
    let (out_letters, in_letters) = (letters(outward), letters(inward));
    let upper = |s: &str| s.chars().all(|c| c.is_ascii_uppercase());
    let lower = |s: &str| s.chars().all(|c| c.is_ascii_lowercase());
    let same_case =
        upper(&out_letters) && upper(&in_letters) || lower(&out_letters) && lower(&in_letters);
    let ordinal = lower(&in_letters)
        && matches!(
            (
                inward.as_bytes().first(),
                in_letters.to_ascii_lowercase().as_str()
            ),
            (Some(b'1'), "st")
                | (Some(b'2'), "nd")
                | (Some(b'3'), "rd")
                | (Some(b'0' | b'4'..=b'9'), "th")
        );
    let time = lower(&in_letters) && matches!(in_letters.as_str(), "am" | "pm");
    same_case && !ordinal && !time
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(PersonalData, &str)> {
        let mut found = Vec::new();
        find(
            text,
            text.contains(|c: char| c.is_ascii_digit()),
            &mut found,
        );
        found
            .iter()
            .map(|f| (f.kind, &text[f.range.clone()]))
            .collect()
    }

    #[test]
    fn house_addresses_are_found() {
        use PersonalData::Address;
        for (text, address) in [
            ("lives at 14 Acacia Avenue", "14 Acacia Avenue"),
            ("Flat 2, 31 Mill Lane", "Flat 2, 31 Mill Lane"),
            ("bulky pickup from 23b Victoria Road", "23b Victoria Road"),
            ("from 36 St John's Road, pothole", "36 St John's Road"),
            ("72 queens road, fridge", "72 queens road"),
            ("moved to 4 The Paddocks last month", "4 The Paddocks"),
            ("Flat 12, Jubilee Court, arrears", "Flat 12, Jubilee Court"),
            ("17, Meadow Court - noise", "17, Meadow Court"),
            ("Rose Cottage, Church Lane", "Rose Cottage, Church Lane"),
            ("14 Acacia Av, Exampleton", "14 Acacia Av"),
            ("5 Churchill House, needs repairs", "5 Churchill House"),
            ("lives on Mill Lane at number 12", "Mill Lane at number 12"),
        ] {
            let got = found(text);
            assert!(got.contains(&(Address, address)), "in {text:?}: {got:?}");
        }
        assert_eq!(
            found("new address: 88 Kingsway"),
            [(Address, "88 Kingsway")]
        );
    }

    #[test]
    fn streets_without_a_house_number_and_counts_pass() {
        for text in [
            "missed bin on Mill Lane",
            "3 bags left at the gate",
            "2 bins on Mill Lane",
            "3rd floor flat, lift broken",
            "resident from flat 4 upstairs, leak",
            "12 weeks on the waiting list",
            "2 bedroom flat, bedroom tax question",
            "moving from a flat to a house",
            "Mill Lane number 12 bus diverted",
            "the 14 day notice",
        ] {
            assert_eq!(found(text), [], "in {text:?}");
        }
    }

    #[test]
    fn postcodes_are_found() {
        use PersonalData::Postcode;
        for code in [
            "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "ec1a1bb", "W1A 0AX",
            "m14 5rt", "ne1 4st",
        ] {
            let text = format!("lives in {code} near the park");
            assert_eq!(found(&text), [(Postcode, code)], "in {text:?}");
        }
    }

    #[test]
    fn ordinals_and_road_numbers_are_not_postcodes() {
        for text in [
            "M6 2nd time",
            "A4 2pm",
            "b1 1st floor",
            "M6 closed",
            "room B12",
        ] {
            assert_eq!(found(text), [], "in {text:?}");
        }
    }
}
