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

/// A house number in digits or words: "12", "12a", "twelve", "twenty two".
const NUMBER: &str = r"(?:\d{1,4}[a-z]?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[\s\-]+(?:one|two|three|four|five|six|seven|eight|nine|hundred|and))*)";

/// A street named in prose: "Mill Lane", "the high street", "church road".
fn street() -> String {
    format!(
        r"(?P<street>(?:[A-Za-z][A-Za-z'\-]*\s+){{1,3}}?(?i:{}|estate)|(?i:seafront|promenade|prom))\b",
        STREET_WORDS.join("|")
    )
}

/// A house or flat by its number, a few words, then the street it is on: "number twelve on the
/// high street", "flat 3 above the chip shop on Mill Lane", "no. 4 down Park Road".
static NUMBER_ON_STREET: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?:(?:number|house|flat|apartment|apt|maisonette|bungalow)\s*(?P<number>{NUMBER})|no\.?\s*\d{{1,4}}[a-z]?)\b(?P<gap>(?:[\s,]+[a-z'\-]+){{0,7}}?)[\s,]+(?:on|in|off|along|at|of|down|up|just\s+off)\s+(?:the\s+)?{}",
        street()
    ))
});

/// Where someone lives, told by what is beside it: "lives above the chip shop on Mill Lane",
/// "her flat over the Co-op on the high street". A home and a street alone ("lives on Mill
/// Lane") name no house.
static HOME_BESIDE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?:lives|living|live|resides|residing|staying|stays|rents|renting|(?:the|her|his|their|a)\s+(?:end\s+|corner\s+|last\s+|first\s+|top\s+|bottom\s+)?(?:house|flat|bungalow|maisonette|cottage|home|bedsit))\b(?:\s+[a-z'\-]+){{0,3}}?\s+(?:above|below|over|behind|next\s+door\s+to|next\s+to|opposite|beside|across\s+from|facing|(?:round|around)\s+the\s+corner\s+from|on\s+the\s+corner\s+of|at\s+the\s+(?:end|top|bottom)\s+of)\s+(?:the\s+|a\s+)?(?:[a-z'\-]+\s+){{0,4}}?(?:(?:on|in|off|of)\s+(?:the\s+)?)?{}",
        street()
    ))
});

/// A house told by where it stands on a street: "the end house on Orchard Close", "the corner
/// flat in Elm Grove".
static PLACED_HOUSE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?:end|corner|last|first|end-terrace|end\s+terrace)\s+(?:house|flat|bungalow|cottage|maisonette|terrace)\s+(?:on|in|of|at)\s+(?:the\s+)?{}",
        street()
    ))
});

/// "lives at twenty three Acacia Avenue", "moved to number five Elm Grove": a house number in
/// words after the words that say it is a home.
static SAID_IN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?:lives|living|live|resides|residing|staying|stays|moved|moving|address\s+is|home\s+is)\s+(?:at|to|in)\s+(?:number\s+|no\.?\s*)?{NUMBER}\s+{}",
        street()
    ))
});

/// Words after a number that say it counts something: "the number 12 bus on Mill Lane", "flat 2
/// bins on Park Road".
const NOT_A_HOUSE: &[&str] = &[
    "bus",
    "buses",
    "route",
    "service",
    "train",
    "tram",
    "coach",
    "stop",
    "bag",
    "bags",
    "bin",
    "bins",
    "sack",
    "sacks",
    "box",
    "boxes",
    "week",
    "weeks",
    "day",
    "days",
    "month",
    "months",
    "year",
    "years",
    "hour",
    "hours",
    "minute",
    "minutes",
    "mins",
    "times",
    "people",
    "adults",
    "children",
    "kids",
    "items",
    "item",
    "pounds",
    "form",
    "forms",
    "page",
    "pages",
    "bed",
    "beds",
    "bedroom",
    "bedrooms",
    "rooms",
    "floors",
    "storey",
    "fee",
    "rate",
    "priority",
    "percent",
    "miles",
    "mile",
    "metres",
    "yards",
    "feet",
    "complaint",
    "complaints",
    "calls",
    "letters",
    "cars",
    "vans",
    "spaces",
];

/// Words that stand before a street word without naming a street: "on the way", "at the end",
/// "on the left side".
const NOT_STREET_NAMES_IN_PROSE: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "same",
    "other",
    "left",
    "right",
    "far",
    "back",
    "front",
    "top",
    "bottom",
    "side",
    "end",
    "way",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "its",
    "one",
    "next",
    "last",
    "first",
    "whole",
    "each",
    "every",
    "nearest",
    "local",
    "wrong",
    "road",
    "street",
    "to",
    "on",
    "in",
    "at",
    "of",
    "and",
    "or",
    "car",
    "retail",
    "business",
    "industrial",
    "trading",
    "caravan",
    "holiday",
    "theme",
    "country",
    "national",
    "skate",
    "water",
    "play",
    "main",
    "dead",
    "cul",
    "de",
    "sac",
];

/// True when the street words name a street: "Mill Lane", "high street", not "the way".
fn names_a_street(street: &str) -> bool {
    let mut words: Vec<&str> = street.split_whitespace().collect();
    // "the school on Poplar Walk": the street is what comes after the last small word.
    if let Some(at) = words.iter().rposition(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "on" | "in" | "off" | "of" | "at" | "the" | "along" | "down" | "up"
        )
    }) {
        words.drain(..=at);
    }
    let Some((_, names)) = words.split_last() else {
        return false;
    };
    if names.is_empty() {
        // "seafront", "estate" on their own.
        return words.len() == 1
            && matches!(
                words[0].to_ascii_lowercase().as_str(),
                "seafront" | "promenade" | "prom" | "estate"
            );
    }
    let lower: Vec<String> = names.iter().map(|w| w.to_ascii_lowercase()).collect();
    // "the high street", "the main road" are streets however written.
    let high = matches!(
        lower.last().map(String::as_str),
        Some("high" | "main" | "market" | "church" | "station" | "mill" | "bridge")
    );
    high || lower.iter().all(|w| {
        !NOT_STREET_NAMES_IN_PROSE.contains(&w.as_str()) && !NOT_STREET_NAMES.contains(&w.as_str())
    })
}

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

/// `digits`: whether the note holds any; every layout but a named house and an address in
/// prose needs one.
pub fn find(text: &str, digits: bool, found: &mut Vec<Finding>) {
    scan(&HOUSE_NAME, text, |caps| {
        let Some(m) = caps.get(0) else { return false };
        push_if(true, m.range(), PersonalData::Address, found)
    });
    scan(&NUMBER_ON_STREET, text, |caps| {
        let (Some(m), Some(gap), Some(street)) =
            (caps.get(0), caps.name("gap"), caps.name("street"))
        else {
            return false;
        };
        let counts = gap
            .as_str()
            .split(|c: char| c.is_whitespace() || c == ',')
            .find(|w| !w.is_empty())
            .is_some_and(|w| NOT_A_HOUSE.contains(&w.to_ascii_lowercase().as_str()));
        let keep = !counts && names_a_street(street.as_str());
        push_if(keep, m.range(), PersonalData::Address, found)
    });
    scan(&HOME_BESIDE, text, |caps| {
        let (Some(m), Some(street)) = (caps.get(0), caps.name("street")) else {
            return false;
        };
        push_if(
            names_a_street(street.as_str()),
            m.range(),
            PersonalData::Address,
            found,
        )
    });
    for re in [&*PLACED_HOUSE, &*SAID_IN_WORDS] {
        scan(re, text, |caps| {
            let (Some(m), Some(street)) = (caps.get(0), caps.name("street")) else {
                return false;
            };
            push_if(
                names_a_street(street.as_str()),
                m.range(),
                PersonalData::Address,
                found,
            )
        });
    }
    special_postcodes(text, found);
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
    postcodes(text, found);
}

/// The postcodes in the note (also read in a note whose numbers were said in words).
pub fn postcodes(text: &str, found: &mut Vec<Finding>) {
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

/// Postcodes outside the usual pattern: Girobank's GIR 0AA, British Forces (BFPO 123), and the
/// overseas territories' (ASCN 1ZZ, STHL 1ZZ, TDCU 1ZZ, BBND 1ZZ, BIQQ 1ZZ, FIQQ 1ZZ, PCRN 1ZZ,
/// SIQQ 1ZZ, TKCA 1ZZ, KY1-1001, VG1110, AI-2640, MSR 1110). Gibraltar's GX11 1AA has the usual
/// shape.
static SPECIAL_POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:gir\s?0aa|bfpo\s?(?:c/o\s?)?\d{1,4}|(?:ascn|sthl|tdcu|bbnd|biqq|fiqq|pcrn|siqq|tkca)\s?1zz|ky[1-3][\s\-]?\d{4}|vg11[1-6]0|ai[\s\-]?2640|msr[\s\-]?1[1-3]\d0)\b",
    )
});

fn special_postcodes(text: &str, found: &mut Vec<Finding>) {
    scan(&SPECIAL_POSTCODE, text, |caps| {
        let Some(m) = caps.get(0) else { return false };
        push_if(true, m.range(), PersonalData::Postcode, found)
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

    #[test]
    fn addresses_in_prose_are_found() {
        for text in [
            "lives at number twelve on the high street",
            "flat 3 above the chip shop on Mill Lane",
            "house number seven, down Park Road by the school",
            "lives above the bakery on Church Street",
            "lives in the end house on Orchard Close",
            "lives at twenty three Acacia Avenue",
            "her flat over the Co-op on market street is damp",
            "living at no. 6 on the seafront",
            "house 12 on the Greenfields estate",
            "lives round the corner from the school on Poplar Walk",
        ] {
            let got = found(text);
            assert!(
                got.iter().any(|(k, _)| *k == PersonalData::Address),
                "in {text:?}: {got:?}"
            );
        }
    }

    #[test]
    fn streets_and_counts_in_prose_pass() {
        for text in [
            "the number twelve bus no longer stops on Mill Lane",
            "lives on Mill Lane, asked about the new road works",
            "near the library on Castle Street there's a broken bench",
            "flat 2 bins on Park Road",
            "number 4 on the waiting list",
            "lives in a flat, second floor",
            "two bags left on the high street",
            "flat 3 on the left side",
            "number of bins per house explained",
        ] {
            assert_eq!(found(text), [], "in {text:?}");
        }
    }

    #[test]
    fn special_postcodes_are_found() {
        for code in [
            "GIR 0AA", "BFPO 123", "bfpo 57", "STHL 1ZZ", "FIQQ 1ZZ", "KY1-1001", "VG1110",
            "AI-2640", "MSR 1110", "TDCU 1ZZ",
        ] {
            let text = format!("post goes to {code} now");
            assert_eq!(
                found(&text),
                [(PersonalData::Postcode, code)],
                "in {text:?}"
            );
        }
        for text in ["gir", "BFPO", "sky 1000 channels", "1ZZ"] {
            assert_eq!(found(text), [], "in {text:?}");
        }
    }
}
