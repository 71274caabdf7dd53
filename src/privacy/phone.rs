//! Phone numbers: UK numbers in any usual layout (spaces, dashes, dots, slashes, brackets; +44,
//! 0044, 44, or no leading 0 at all) and international numbers written with `+`.
//!
//! Landlines (01, 02) and mobiles (07) can belong to a person; freephone and organisation numbers
//! (0800, 0808, 03, 08, 09) cannot, so "Shelter 0808 800 4444" is fine in a note.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{digits, regex, scan, stands_alone};
use super::{Finding, PersonalData};

/// +44 or 0044, an optional (0), then the national number.
static PREFIXED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:\+\s?|\b00\s?)44[\s.\-]?(?:\(0\)[\s.\-]?|0[\s.\-]?)?\(?[1-9](?:[\s.\-/()]{0,2}\d){7,9}",
    )
});

/// 0 (or "(0") and nine or ten more digits, with separators between them.
static NATIONAL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:\(\s?0|\b0)[1-9](?:[\s.\-/()]{0,2}\d){7,9}"));

/// A mobile or landline without its leading 0: "7700 900123", "7911123456", "1632 960123".
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\b[127]\d{1,4}(?:[\s.\-]\d{2,7}){1,3}\b|\b[127]\d{9}\b|\b44[127]\d{8,9}\b")
});

/// Any other country: + (or 00, or "(+48)") and eight to fifteen digits.
static INTERNATIONAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:\+|\b00)\s?[1-9]\d{0,2}\)?[\s.\-]?(?:\(\d{1,4}\)[\s.\-]?)?\d(?:[\s.\-/]{0,2}\d){5,12}",
    )
});

/// Other countries' national layouts, written the way their residents write them: pairs
/// ("06 12 34 56 78", France, Belgium, the Netherlands), 3-3-4 with brackets or dashes ("(555)
/// 123-4567", "555-123-4567", North America), and Ireland's mobiles ("087 123 4567").
static FOREIGN_LAYOUT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b0[1-9](?:[\s.]\d{2}){4}\b|\(\d{3}\)\s?\d{3}[\s.\-]\d{4}\b|\b\d{3}-\d{3}-\d{4}\b|\b08[35-9][\s\-]\d{3}[\s\-]\d{4}\b",
    )
});

pub fn find(text: &str, found: &mut Vec<Finding>) {
    for re in [&*PREFIXED, &*NATIONAL, &*BARE] {
        scan(re, text, |caps| {
            let Some(m) = caps.get(0) else { return false };
            let keep = stands_alone(text, &m.range())
                && national_number(m.as_str()).is_some_and(|n| is_personal(&n));
            if keep {
                found.push(Finding {
                    kind: PersonalData::PhoneNumber,
                    range: m.range(),
                });
            }
            keep
        });
    }
    scan(&FOREIGN_LAYOUT, text, |caps| {
        let Some(m) = caps.get(0) else { return false };
        let keep = stands_alone(text, &m.range());
        if keep {
            found.push(Finding {
                kind: PersonalData::PhoneNumber,
                range: m.range(),
            });
        }
        keep
    });
    scan(&INTERNATIONAL, text, |caps| {
        let Some(m) = caps.get(0) else { return false };
        let number = digits(m.as_str());
        let number = number.strip_prefix("00").unwrap_or(&number);
        let keep = !number.starts_with("44")
            && (8..=15).contains(&number.len())
            && stands_alone(text, &m.range());
        if keep {
            found.push(Finding {
                kind: PersonalData::PhoneNumber,
                range: m.range(),
            });
        }
        keep
    });
}

/// The national significant number of a UK number as written anywhere: "+44 (0)1632 960000",
/// "0044 1632 960000", "01632 960000" and "1632960000" are all "1632960000". None for fewer
/// than six digits.
pub fn national_number(written: &str) -> Option<String> {
    let all = digits(written);
    let international = written.trim_start().starts_with('+');
    let national = if let Some(rest) = all.strip_prefix("0044") {
        rest.strip_prefix('0').unwrap_or(rest)
    } else if let Some(rest) = all
        .strip_prefix("44")
        .filter(|rest| international || rest.len() >= 10)
    {
        rest.strip_prefix('0').unwrap_or(rest)
    } else {
        all.strip_prefix('0').unwrap_or(&all)
    };
    (national.len() >= 6).then(|| national.to_string())
}

/// Landlines (1, 2) and mobiles (7) of the right length.
fn is_personal(national: &str) -> bool {
    match national.as_bytes().first() {
        Some(b'7') | Some(b'2') => national.len() == 10,
        Some(b'1') => national.len() == 9 || national.len() == 10,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        find(text, &mut found);
        super::super::merge(found)
            .into_iter()
            .map(|f| &text[f.range])
            .collect()
    }

    #[test]
    fn uk_numbers_are_found_in_every_usual_layout() {
        for number in [
            "07700 900123",
            "07700900123",
            "07700-900-123",
            "07700.900.123",
            "07700/900123",
            "+44 7700 900123",
            "+447700900123",
            "0044 7700 900123",
            "0044(0)1632 960 555",
            "+44 (0) 7700 900 872",
            "447700900123",
            "7700 900123",
            "7700900123",
            "01632 960000",
            "(01632) 960000",
            "(0113) 496 0123",
            "020 7946 0000",
            "0161 496 0000",
            "028 9018 0123",
        ] {
            let text = format!("call back on {number} after 3");
            assert_eq!(numbers(&text), [number], "in {text:?}");
        }
        assert_eq!(numbers("tel.01632.961.222"), ["01632.961.222"]);
    }

    #[test]
    fn international_numbers_are_found() {
        assert_eq!(
            numbers("Polish mobile +48 601 234 567"),
            ["+48 601 234 567"]
        );
    }

    #[test]
    fn organisation_short_and_non_phone_numbers_pass() {
        for text in [
            "gave Shelter helpline 0808 800 4444",
            "Samaritans 116 123",
            "NHS 111, police 101",
            "Citizens Advice 0800 144 8848",
            "council 0300 123 4567",
            "summons dated 12/05/2024",
            "times 9.30-12.00 and 13.00-16.30",
            "2024/25 2025/26 bills",
            "paid £1,234.56",
        ] {
            assert_eq!(numbers(text), Vec::<&str>::new(), "in {text:?}");
        }
    }

    #[test]
    fn national_numbers_are_the_same_however_written() {
        for written in [
            "01632 960000",
            "+44 1632 960000",
            "0044 (0)1632 960000",
            "1632960000",
        ] {
            assert_eq!(national_number(written).as_deref(), Some("1632960000"));
        }
        assert_eq!(national_number("111"), None);
    }

    #[test]
    fn foreign_layouts_are_found() {
        for number in [
            "06 12 34 56 78",
            "087 123 4567",
            "(555) 123-4567",
            "555-123-4567",
            "0048 601 234 567",
            "(+48) 601 234 567",
            "+34 912 345 678",
        ] {
            let text = format!("her brother on {number} abroad");
            let got = numbers(&text);
            assert_eq!(got.len(), 1, "in {text:?}: {got:?}");
            assert!(
                number.contains(got[0]) || got[0].contains(number.trim_start_matches('(')),
                "in {text:?}: {got:?}"
            );
        }
        for text in [
            "0800 555 111",
            "times 09 30 to 12 00",
            "0845 600 1234",
            "2024-25",
        ] {
            assert_eq!(numbers(text), Vec::<&str>::new(), "in {text:?}");
        }
    }
}
