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

/// Prefix (1983-2001: "A123 BCD") and suffix (1963-1983: "ABC 123D") plates in capitals,
/// which stand alone: their shape is nothing else's.
static DATED_CAPITALS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:(?P<prefix>[A-HJ-NPR-TV-Y])(?P<pdigits>[1-9]\d{0,2})\s?(?P<pletters>[A-HJ-PR-Z]{3})|(?P<sletters>[A-HJ-PR-Z]{3})\s?(?P<sdigits>[1-9]\d{0,2})(?P<suffix>[A-HJ-NPR-TV-Y]))\b",
    )
});

/// Dateless plates (1903-1963, and Northern Ireland's to this day): one to three capitals and
/// one to four digits, or the other way round: "AB 1234", "ABZ 123", "1234 AB". Spaced like a
/// form or a room ("UC 50", "room B 12"), so alone they count only when nothing says otherwise.
static DATELESS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:(?P<letters>[A-Z]{1,3})\s(?P<digits>[1-9]\d{0,3})|(?P<rdigits>[1-9]\d{0,3})\s(?P<rletters>[A-Z]{1,3}))\b",
    )
});

/// Capitals and numbers that name other things: forms, benefits, channels, roads, rooms.
const NOT_PLATES: &[&str] = &[
    "UC", "HB", "CT", "CTR", "ESA", "PIP", "DLA", "JSA", "SSP", "SMP", "NI", "NHS", "GP", "SA",
    "VAT", "DWP", "BBC", "ITV", "TV", "UK", "EU", "PO", "BT", "ID", "PCN", "DHP", "HMRC", "LGSL",
    "NO", "AT", "ON", "IN", "TO", "BY", "UP", "OF", "IS", "IT", "SO", "AN", "AS", "OR", "IF", "BE",
    "DO", "GO", "HE", "ME", "MY", "WE", "US", "AM", "PM", "OK", "A", "I", "M", "B", "J", "P", "Q",
    "X", "DOB", "NE", "NW", "SE", "SW", "MR", "MRS", "MS", "DR", "ST", "RD", "TEL", "MOB", "REF",
    "FAO", "CC", "PS", "ASB", "ASBO", "EHCP", "SEN", "SEND", "ADHD", "GCSE", "BTEC", "NVQ", "ESOL",
    "CV", "ICT", "IT", "DBS", "MOT", "BRP", "IVA", "DRO", "CCJ", "PAYE", "P", "AA", "CAB", "DV",
    "MH", "OT", "SW", "HR", "COVID", "ROOM", "FLAT", "YEAR", "AGE", "BAND", "WARD", "BUS", "PAGE",
    "FORM", "UNIT", "BAY", "GATE", "LEVEL", "STEP", "PART", "BOX", "ITEM", "KS", "YR", "Y", "BIN",
    "BAG", "DAY", "WK", "HR", "HRS", "MIN", "MINS", "KG", "CM", "MM", "KM", "MPH", "ML", "GB",
    "MB", "KB", "TB", "PC", "LED", "DVD", "CD", "SMS", "PIN", "V", "VS",
];

/// Words just before capitals and a number that make them a form, a room or a road.
static NOT_PLATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:form|forms|room|rooms|page|level|floor|band|bus|route|junction|j|gate|bay|ward|year|years|no|number|unit|flat|block|section|part|step|question|table|box|size|grade|age|channel|platform|exit|item|appendix|version|chapter|class|group|key\s+stage|stage|team|zone|area|window|desk|counter|booth|locker|seat|aisle|pitch|plot)\s*\.?\s*$",
    )
});

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
    scan(&DATED_CAPITALS, text, |caps| {
        let Some(m) = caps.get(0) else { return false };
        let letters = caps
            .name("pletters")
            .or_else(|| caps.name("sletters"))
            .map_or("", |l| l.as_str());
        let word = COMMON_WORDS.contains(&letters.to_ascii_lowercase().as_str())
            || NOT_PLATES.contains(&letters);
        let said = VEHICLE_WORDS.is_match(before(text, m.start(), 30));
        let keep = said || !word && !NOT_PLATE_BEFORE.is_match(before(text, m.start(), 20));
        if keep {
            found.push(Finding {
                kind: PersonalData::VehicleRegistration,
                range: m.range(),
            });
        }
        keep
    });
    scan(&DATELESS, text, |caps| {
        let Some(m) = caps.get(0) else { return false };
        let (letters, digits) = match (caps.name("letters"), caps.name("digits")) {
            (Some(l), Some(d)) => (l.as_str(), d.as_str()),
            _ => (
                caps.name("rletters").map_or("", |l| l.as_str()),
                caps.name("rdigits").map_or("", |d| d.as_str()),
            ),
        };
        let reversed = caps.name("rdigits").is_some();
        let said = VEHICLE_WORDS.is_match(before(text, m.start(), 30));
        // A note typed in capitals throughout ("CALL BACK AT 10") has no capitals to go by.
        let long_words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| w.len() > 3 && w.chars().all(|c| c.is_ascii_alphabetic()))
            .collect();
        let shouting = long_words.len() >= 2
            && long_words
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_uppercase()));
        let plain = letters.len() >= 2
            && !reversed
            && digits.len() + letters.len() >= 4
            && !shouting
            && !COMMON_WORDS.contains(&letters.to_ascii_lowercase().as_str())
            && !NOT_PLATES.contains(&letters)
            && !NOT_PLATE_BEFORE.is_match(before(text, m.start(), 20))
            && !text[m.end()..].trim_start().starts_with(['%', '/', ':']);
        let keep = plain || said && !NOT_PLATES.contains(&letters);
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
        super::super::merge(found)
            .into_iter()
            .map(|f| &text[f.range])
            .collect()
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

    #[test]
    fn every_format_since_1903_is_found_alone() {
        for (text, plate) in [
            ("R123 ABC parked on the verge", "R123 ABC"),
            ("LNR 451K abandoned", "LNR 451K"),
            ("BFD432S dumped", "BFD432S"),
            ("old Land Rover BDY 123 on the green", "BDY 123"),
            ("AB 1234 has not moved", "AB 1234"),
            ("reg is ABZ 1234", "ABZ 1234"),
            ("car 1234 AB outside", "1234 AB"),
        ] {
            assert_eq!(plates(text), [plate], "in {text:?}");
        }
    }

    #[test]
    fn forms_rooms_roads_and_capital_notes_pass() {
        for text in [
            "form ESA50 help",
            "UC 50 appointment",
            "HB 1 form",
            "room B 12 booked",
            "PIP 2 form help",
            "BBC 1 crew filming",
            "page 12 of the guide",
            "junction 10 of the M5",
            "LGSL 526",
            "P45 AND P60",
            "CALL BACK AT 10 TOMORROW",
            "KS 2 SATs help",
        ] {
            assert_eq!(plates(text), Vec::<&str>::new(), "in {text:?}");
        }
    }
}
