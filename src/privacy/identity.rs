//! National Insurance numbers, NHS numbers, passport, driving licence and residence permit
//! numbers.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{before, digits, regex, scan, stands_alone};
use super::{Finding, PersonalData};

/// Two letters, six digits (in pairs, in threes or together, spaces or dashes between), and
/// usually A to D. Any two letters: HMRC's own example, QQ 12 34 56 C, is not a real prefix but
/// is what people copy, and a made-up number in a note is still meant as one.
static NI_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?P<prefix>[A-Z]{2})[\s\-]?(?:\d{2}[\s\-]?\d{2}[\s\-]?\d{2}|\d{3}[\s\-]?\d{3})(?:[\s\-]?(?P<suffix>[A-D]))?\b",
    )
});

static NI_WORDS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?:ni|nino|nin|n\.i\.?|national\s+insurance)\b"));

/// Ten digits, usually 3-3-4, but grouped any way (4-3-3, 5-5, pairs).
static NHS_NUMBER: LazyLock<Regex> = LazyLock::new(|| regex(r"\b\d(?:[\s\-]?\d){9}\b"));

/// A passport number with no word before it: nine digits (a UK passport, "533401372", also
/// spaced 3-3-3), or one or two capitals and seven or eight digits (many other countries',
/// "EA1234567", and the newer UK ones).
static BARE_PASSPORT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(?:\d{9}|\d{3}\s\d{3}\s\d{3}|[A-Z]{1,2}\d{7,8})\b"));

/// Words before a nine-digit number that make it something else: an order, a case, a
/// company or charity, a tracking number.
static NOT_A_PASSPORT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:order|tracking|parcel|company|companies|charity|reg(?:istered)?|vat|utr|invoice|ticket|licence|license|permit|case|ref|reference|application|job|fault|report|incident|crime|uprn|usrn|isbn|serial|model|meter|mpan|mprn|policy|membership|member|booking|confirmation|transaction|receipt|phone|tel|mobile|number\s+to\s+call)\b",
    )
});

static NHS_WORDS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?:nhs|chi|h\s?&\s?c|health\s+and\s+care)\b"));

/// A document word, a few filler words, then the number.
static DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:passport|driving\s+licen[cs]e|driver'?s\s+licen[cs]e|licen[cs]e|brp|biometric\s+residence\s+permit|residence\s+permit|residence\s+card|id\s+card|identity\s+card|travel\s+document)s?\b(?:[\s:#.,\-]+(?:no|num|number|is|was|ref)\b\.?)*[\s:#.,\-]*(?P<id>[A-Z]{0,3}\s?\d[A-Z0-9]{4,15})\b",
    )
});

/// A GB driving licence number: five letters of the surname (9 for short ones), six digits of
/// the birth date, two initials, a digit and two check characters.
static DRIVING_LICENCE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b[A-Z9]{5}(?P<date>\d{6})[A-Z9]{2}\d[A-Z0-9]{2}\b"));

pub fn find(text: &str, found: &mut Vec<Finding>) {
    scan(&NI_NUMBER, text, |caps| {
        let (Some(m), Some(prefix)) = (caps.get(0), caps.name("prefix")) else {
            return false;
        };
        let upper = prefix.as_str().to_ascii_uppercase();
        if matches!(
            upper.as_str(),
            "BG" | "GB" | "NK" | "KN" | "TN" | "NT" | "ZZ"
        ) {
            return false;
        }
        // "on 12 05 24" is not one: a lower-case prefix with spaced digits and no final letter
        // needs the words.
        let plain = prefix.as_str() == upper
            || caps.name("suffix").is_some()
            || !m.as_str().contains([' ', '-'])
            || NI_WORDS.is_match(before(text, m.start(), 30));
        if plain {
            found.push(Finding {
                kind: PersonalData::NationalInsuranceNumber,
                range: m.range(),
            });
        }
        plain
    });
    scan(&NHS_NUMBER, text, |caps| {
        let Some(m) = caps.get(0) else { return false };
        if !stands_alone(text, &m.range()) {
            return false;
        }
        let number = digits(m.as_str());
        let said = NHS_WORDS.is_match(before(text, m.start(), 30));
        let keep = said || !number.starts_with('0') && nhs_checksum_holds(&number);
        if keep {
            found.push(Finding {
                kind: PersonalData::NhsNumber,
                range: m.range(),
            });
        }
        keep
    });
    scan(&BARE_PASSPORT, text, |caps| {
        let Some(m) = caps.get(0) else { return false };
        let money = before(text, m.start(), 2).contains(['£', '$', '€', '#']);
        let keep = stands_alone(text, &m.range())
            && !money
            && !NOT_A_PASSPORT.is_match(before(text, m.start(), 25));
        if keep {
            found.push(Finding {
                kind: PersonalData::IdentityDocument,
                range: m.range(),
            });
        }
        keep
    });
    scan(&DOCUMENT, text, |caps| {
        let Some(id) = caps.name("id") else {
            return false;
        };
        let keep = digits(id.as_str()).len() >= 5;
        if keep {
            found.push(Finding {
                kind: PersonalData::IdentityDocument,
                range: id.range(),
            });
        }
        keep
    });
    scan(&DRIVING_LICENCE, text, |caps| {
        let (Some(m), Some(date)) = (caps.get(0), caps.name("date")) else {
            return false;
        };
        let month: u32 = date.as_str()[1..3].parse().unwrap_or(0);
        let day: u32 = date.as_str()[3..5].parse().unwrap_or(0);
        let keep =
            ((1..=12).contains(&month) || (51..=62).contains(&month)) && (1..=31).contains(&day);
        if keep {
            found.push(Finding {
                kind: PersonalData::IdentityDocument,
                range: m.range(),
            });
        }
        keep
    });
}

/// The NHS number's mod 11 check digit: weights 10 down to 2 on the first nine digits.
fn nhs_checksum_holds(number: &str) -> bool {
    let values: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    let [body @ .., check] = values.as_slice() else {
        return false;
    };
    if body.len() != 9 {
        return false;
    }
    let sum: u32 = body.iter().zip((2..=10).rev()).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        11 => *check == 0,
        10 => false,
        expected => *check == expected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(PersonalData, &str)> {
        let mut found = Vec::new();
        find(text, &mut found);
        super::super::merge(found)
            .into_iter()
            .map(|f| (f.kind, &text[f.range]))
            .collect()
    }

    #[test]
    fn national_insurance_numbers_are_found_in_any_layout() {
        use PersonalData::NationalInsuranceNumber as Ni;
        for number in [
            "AB123456C",
            "ab 12 34 56 c",
            "AB-12-34-56-C",
            "JH 12 34 56",
            "JH123456",
            "KL 123 456 B",
            "nh482913c",
            "QQ 12 34 56 C",
        ] {
            let text = format!("NI {number} given");
            assert_eq!(found(&text), [(Ni, number)], "in {text:?}");
        }
        assert_eq!(found("ni number wr 33 44 55"), [(Ni, "wr 33 44 55")]);
    }

    #[test]
    fn things_shaped_like_national_insurance_numbers_pass() {
        for text in ["GB123456A", "summons on 12 05 24", "form SA100"] {
            assert_eq!(found(text), [], "in {text:?}");
        }
    }

    #[test]
    fn nhs_numbers_need_their_check_digit_or_the_word() {
        use PersonalData::NhsNumber as Nhs;
        assert_eq!(found("number 943 476 5919"), [(Nhs, "943 476 5919")]);
        assert_eq!(found("card 4010232137"), [(Nhs, "4010232137")]);
        assert_eq!(found("NHS no 123 456 7890"), [(Nhs, "123 456 7890")]);
        assert_eq!(found("number 943 476 5918"), []);
        assert_eq!(found("Crimestoppers 0800 555 111"), []);
    }

    #[test]
    fn document_numbers_are_found_after_their_word() {
        use PersonalData::IdentityDocument as Doc;
        assert_eq!(found("passport 533401372"), [(Doc, "533401372")]);
        assert_eq!(found("passport no. GB 550621889"), [(Doc, "GB 550621889")]);
        assert_eq!(found("Polish passport EA1234567"), [(Doc, "EA1234567")]);
        assert_eq!(found("BRP number ZU1234567"), [(Doc, "ZU1234567")]);
        assert_eq!(
            found("licence MORGA753116SM9IJ"),
            [(Doc, "MORGA753116SM9IJ")]
        );
        assert_eq!(found("id JONES710238HA3DX ok"), [(Doc, "JONES710238HA3DX")]);
        for text in [
            "brought passport as ID",
            "passport photo for the blue badge",
            "premises licence 2 pages",
            "licence fee £35",
        ] {
            assert_eq!(found(text), [], "in {text:?}");
        }
    }

    #[test]
    fn nhs_checksum() {
        assert!(nhs_checksum_holds("9434765919"));
        assert!(!nhs_checksum_holds("9434765918"));
        assert!(!nhs_checksum_holds("123"));
    }

    #[test]
    fn bare_passport_numbers_are_found() {
        use PersonalData::IdentityDocument as Doc;
        for (text, number) in [
            ("brought 533401372 to copy", "533401372"),
            ("photo page 123 456 789 left", "123 456 789"),
            ("Polish document EA1234567 seen", "EA1234567"),
            ("gave us C01234567 for the ID check", "C01234567"),
        ] {
            assert!(
                found(text).contains(&(Doc, number)),
                "in {text:?}: {:?}",
                found(text)
            );
        }
        for text in [
            "company number 123456789 on the letter",
            "order 987654321 for the bins",
            "tracking number 123456789 for the parcel",
            "paid £123456789",
        ] {
            assert!(
                !found(text).iter().any(|(k, _)| *k == Doc),
                "in {text:?}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn nhs_numbers_in_any_grouping_are_found_by_their_check_digit() {
        use PersonalData::NhsNumber as Nhs;
        for (text, number) in [
            ("number 4010 232 137 on the letter", "4010 232 137"),
            ("45291 70349 on her slip", "45291 70349"),
            ("NHS 7307924404", "7307924404"),
        ] {
            assert_eq!(found(text), [(Nhs, number)], "in {text:?}");
        }
        assert_eq!(found("45291 70348 on her slip"), []);
    }
}
