//! Personal-data checks for visit notes. A note is a short remark ("asked about bin day"); it must
//! not hold an email address, a phone number, a National Insurance number, a postcode or a date of
//! birth. The checks are deliberately cautious about false alarms: ordinary notes such as "paid
//! £25", "room 12", "ref 2026" or "9:30" pass.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, Local, NaiveDate};
use regex::Regex;

/// A kind of personal data a note must not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PersonalData {
    Email,
    PhoneNumber,
    NationalInsuranceNumber,
    Postcode,
    DateOfBirth,
}

impl PersonalData {
    /// With its article, for sentences: "the note looks like it holds a phone number".
    pub fn label(self) -> &'static str {
        match self {
            PersonalData::Email => "an email address",
            PersonalData::PhoneNumber => "a phone number",
            PersonalData::NationalInsuranceNumber => "a National Insurance number",
            PersonalData::Postcode => "a postcode",
            PersonalData::DateOfBirth => "a date of birth",
        }
    }

    /// What replaces it in a redacted note: "[phone number removed]".
    pub fn placeholder(self) -> &'static str {
        match self {
            PersonalData::Email => "[email address removed]",
            PersonalData::PhoneNumber => "[phone number removed]",
            PersonalData::NationalInsuranceNumber => "[National Insurance number removed]",
            PersonalData::Postcode => "[postcode removed]",
            PersonalData::DateOfBirth => "[date of birth removed]",
        }
    }
}

/// Something in a note that looks like personal data, and where it is (a byte range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: PersonalData,
    pub range: Range<usize>,
}

/// Everything in `text` that looks like personal data, in order, without overlaps.
pub fn find_personal_data(text: &str) -> Vec<Finding> {
    find_personal_data_as_of(text, Local::now().date_naive())
}

/// As [`find_personal_data`], with today's date given: a full date in this year, last year or
/// next year reads as an appointment or a letter's date, any other as a possible date of birth.
pub fn find_personal_data_as_of(text: &str, today: NaiveDate) -> Vec<Finding> {
    let mut found = Vec::new();
    let push = |found: &mut Vec<Finding>, kind, range: Range<usize>| {
        found.push(Finding { kind, range });
    };
    for m in EMAIL.find_iter(text) {
        push(&mut found, PersonalData::Email, m.range());
    }
    for m in PHONE.find_iter(text) {
        if stands_alone(text, m.range()) && is_personal_phone_number(m.as_str()) {
            push(&mut found, PersonalData::PhoneNumber, m.range());
        }
    }
    for m in NI_NUMBER.find_iter(text) {
        if is_ni_number(m.as_str()) {
            push(&mut found, PersonalData::NationalInsuranceNumber, m.range());
        }
    }
    for m in POSTCODE.find_iter(text) {
        push(&mut found, PersonalData::Postcode, m.range());
    }
    for caps in NUMERIC_DATE.captures_iter(text) {
        let (Some(whole), Some(a), Some(sep1), Some(b), Some(sep2), Some(year)) = (
            caps.get(0),
            caps.get(1),
            caps.get(2),
            caps.get(3),
            caps.get(4),
            caps.get(5),
        ) else {
            continue;
        };
        if sep1.as_str() != sep2.as_str() || !stands_alone(text, whole.range()) {
            continue;
        }
        let (a, b) = (number(a.as_str()), number(b.as_str()));
        let plausible = (1..=31).contains(&a) && (1..=12).contains(&b)
            || (1..=12).contains(&a) && (1..=31).contains(&b);
        if plausible && could_be_birth_year(full_year(year.as_str(), today), today) {
            push(&mut found, PersonalData::DateOfBirth, whole.range());
        }
    }
    for caps in WORDED_DATE.captures_iter(text) {
        let (Some(whole), Some(year)) = (caps.get(0), caps.name("year")) else {
            continue;
        };
        if could_be_birth_year(full_year(year.as_str(), today), today) {
            push(&mut found, PersonalData::DateOfBirth, whole.range());
        }
    }
    for m in BIRTH_WORDS.find_iter(text) {
        push(&mut found, PersonalData::DateOfBirth, m.range());
    }
    merge(found)
}

/// The note with each finding replaced by a placeholder such as "[phone number removed]".
pub fn redact(text: &str) -> String {
    redact_findings(text, &find_personal_data(text))
}

/// The note with the given findings (from [`find_personal_data`] on the same text) replaced.
pub fn redact_findings(text: &str, findings: &[Finding]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for finding in findings {
        let Some(before) = text.get(at..finding.range.start) else {
            continue;
        };
        out.push_str(before);
        out.push_str(finding.kind.placeholder());
        at = finding.range.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

/// The kinds found, each once, in the order they first appear: for messages.
pub fn kinds(findings: &[Finding]) -> Vec<PersonalData> {
    let mut kinds = Vec::new();
    for finding in findings {
        if !kinds.contains(&finding.kind) {
            kinds.push(finding.kind);
        }
    }
    kinds
}

/// "a phone number", "a phone number and a postcode", "an email address, a phone number and a postcode".
pub fn describe(kinds: &[PersonalData]) -> String {
    let labels: Vec<&str> = kinds.iter().map(|k| k.label()).collect();
    match labels.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn regex(pattern: &str) -> Regex {
    // The patterns are constants of this file and are covered by its tests.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad personal-data pattern {pattern}: {e}"))
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}\b"));

/// A UK number: +44, 0044 or 0, then nine or ten more digits with optional spaces, dashes or
/// brackets between them.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:(?:\+|\b00)44[\s\-]?(?:\(0\)[\s\-]?)?|\(0|\b0)[1-9](?:[\s\-)]{0,2}\d){8,9}")
});

/// Two letters, six digits (optionally in pairs), and A to D.
static NI_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
});

/// A full UK postcode: outward code (A9, A99, A9A, AA9, AA99, AA9A), optional space, inward code (9AA).
static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?) ?[0-9][ABD-HJLNP-UW-Z]{2}\b",
    )
});

/// 12/03/1985, 12.3.85, 12-03-1985 (both separators must be the same; checked in code, as
/// `regex` has no back-references).
static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(\d{1,2})([/.\-])(\d{1,2})([/.\-])(\d{4}|\d{2})\b"));

/// 3 March 1985, 3rd of March 1985, March 3, 1985, 3 Mar '85.
static WORDED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    let day = r"\d{1,2}(?:st|nd|rd|th)?";
    regex(&format!(
        r"(?i)\b(?:{day}\s+(?:of\s+)?{month},?|{month}\s+{day},?)\s+(?P<year>\d{{4}}|'\d{{2}})\b"
    ))
});

/// "dob", "d.o.b.", "date of birth", "birth date" (with the date that follows, if any), and
/// "born on/in" followed by a date or year.
static BIRTH_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:d\.?o\.?b\b\.?|date\s+of\s+birth|birth\s*date)(?:\s*[:\-]?\s*\d(?:[\d/.\-]*\d)?)?|\bborn\s+(?:on\s+|in\s+)?(?:the\s+)?\d(?:[\d/.\-]*\d)?",
    )
});

/// True when the match is not part of a longer word or number.
fn stands_alone(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '+' | '/' | '.' | '-'))
        && !after.is_some_and(char::is_alphanumeric)
        && !text[range.end..]
            .strip_prefix(['/', '.', '-'])
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Landlines (01, 02) and mobiles (07) can belong to a person; freephone and organisation numbers
/// (0800, 0808, 03, 08, 09) cannot, so "Shelter 0808 800 4444" is fine in a note.
fn is_personal_phone_number(candidate: &str) -> bool {
    let digits: String = candidate.chars().filter(char::is_ascii_digit).collect();
    let national = if let Some(rest) = digits.strip_prefix("0044") {
        rest.strip_prefix('0').unwrap_or(rest)
    } else if let Some(rest) = digits
        .strip_prefix("44")
        .filter(|_| candidate.starts_with('+'))
    {
        rest.strip_prefix('0').unwrap_or(rest)
    } else {
        digits.strip_prefix('0').unwrap_or(&digits)
    };
    match national.chars().next() {
        Some('7') | Some('2') => national.len() == 10,
        Some('1') => national.len() == 9 || national.len() == 10,
        _ => false,
    }
}

fn is_ni_number(candidate: &str) -> bool {
    let prefix = candidate.get(..2).unwrap_or_default().to_ascii_uppercase();
    !matches!(
        prefix.as_str(),
        "BG" | "GB" | "NK" | "KN" | "TN" | "NT" | "ZZ"
    )
}

fn number(digits: &str) -> i32 {
    digits.trim_start_matches('\'').parse().unwrap_or(i32::MAX)
}

/// A two-digit year is this century if it is not after next year, otherwise the last one.
fn full_year(year: &str, today: NaiveDate) -> i32 {
    let value = number(year);
    if year.trim_start_matches('\'').len() == 2 {
        let this_century = 2000 + value;
        if this_century <= today.year() + 1 {
            this_century
        } else {
            1900 + value
        }
    } else {
        value
    }
}

/// A year that could be someone's birth year, and not the year of an appointment or a letter.
fn could_be_birth_year(year: i32, today: NaiveDate) -> bool {
    (1900..today.year() - 1).contains(&year)
}

/// Sorts findings and folds overlapping ones into the first.
fn merge(mut found: Vec<Finding>) -> Vec<Finding> {
    found.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    let mut merged: Vec<Finding> = Vec::with_capacity(found.len());
    for finding in found {
        match merged.last_mut() {
            Some(last) if finding.range.start < last.range.end => {
                last.range.end = last.range.end.max(finding.range.end);
            }
            _ => merged.push(finding),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn found(text: &str) -> Vec<(PersonalData, &str)> {
        find_personal_data_as_of(text, today())
            .into_iter()
            .map(|f| (f.kind, &text[f.range]))
            .collect()
    }

    fn only(text: &str, kind: PersonalData, what: &str) {
        assert_eq!(found(text), [(kind, what)], "in {text:?}");
    }

    #[test]
    fn email_addresses_are_found() {
        use PersonalData::Email;
        only(
            "email is jo.bloggs@example.com ok",
            Email,
            "jo.bloggs@example.com",
        );
        only(
            "J_Smith+council@mail.example.co.uk",
            Email,
            "J_Smith+council@mail.example.co.uk",
        );
    }

    #[test]
    fn uk_phone_numbers_are_found_in_every_usual_shape() {
        use PersonalData::PhoneNumber;
        for number in [
            "07700 900123",
            "07700900123",
            "07700-900-123",
            "+44 7700 900123",
            "+447700900123",
            "0044 7700 900123",
            "01632 960000",
            "(01632) 960000",
            "020 7946 0000",
            "+44 (0)20 7946 0000",
            "0161 496 0000",
        ] {
            let text = format!("call back on {number} after 3");
            only(&text, PhoneNumber, number);
        }
        only("tel:07700900123", PhoneNumber, "07700900123");
    }

    #[test]
    fn organisation_and_short_numbers_are_not_personal() {
        for text in [
            "gave Shelter helpline 0808 800 4444",
            "Samaritans 116 123",
            "NHS 111, police 101",
            "Citizens Advice 0800 144 8848",
            "council 0300 123 4567",
            "account 123456789012",
        ] {
            assert_eq!(found(text), [], "in {text:?}");
        }
    }

    #[test]
    fn national_insurance_numbers_are_found() {
        use PersonalData::NationalInsuranceNumber as Ni;
        only("NI AB123456C", Ni, "AB123456C");
        only("ni no ab 12 34 56 c", Ni, "ab 12 34 56 c");
        assert_eq!(found("GB123456A"), [], "GB is never issued");
    }

    #[test]
    fn postcodes_are_found() {
        use PersonalData::Postcode;
        for code in [
            "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "ec1a1bb", "W1A 0AX",
        ] {
            let text = format!("lives at {code} near the park");
            only(&text, Postcode, code);
        }
    }

    #[test]
    fn dates_of_birth_are_found() {
        use PersonalData::DateOfBirth as Dob;
        only("born 12/03/1985", Dob, "born 12/03/1985");
        only("12/03/1985", Dob, "12/03/1985");
        only("checked 12.3.85 on the form", Dob, "12.3.85");
        only("3 March 1985", Dob, "3 March 1985");
        only("3rd of Mar 1985", Dob, "3rd of Mar 1985");
        only("March 3, 1985", Dob, "March 3, 1985");
        only("DOB: 01-02-1990", Dob, "DOB: 01-02-1990");
        only("d.o.b. given", Dob, "d.o.b.");
        only("asked for date of birth", Dob, "date of birth");
        only("born in 1962", Dob, "born in 1962");
    }

    #[test]
    fn appointment_dates_and_ordinary_notes_pass() {
        for text in [
            "resident asked about bin day, 3 bags",
            "paid £25",
            "LGSL 526",
            "room 12",
            "ref 2026",
            "9:30",
            "back at 9.30 tomorrow",
            "appointment booked 14/12/2026",
            "letter dated 3 March 2025",
            "appt 2/1/27",
            "sofa and 2 chairs, 3rd floor flat",
            "collection 12/03",
            "form CTR1 version 1.2.3",
            "A4 2pm",
            "Samaritans 116 123",
            "paid 12.50 for 2 items",
            "council tax band D, 4 people",
        ] {
            assert_eq!(found(text), [], "in {text:?}");
        }
    }

    #[test]
    fn several_kinds_are_found_in_order_and_redacted() {
        let text = "jo@example.com, 07700 900123, SW1A 1AA";
        let findings = find_personal_data_as_of(text, today());
        assert_eq!(
            kinds(&findings),
            [
                PersonalData::Email,
                PersonalData::PhoneNumber,
                PersonalData::Postcode
            ]
        );
        assert_eq!(
            describe(&kinds(&findings)),
            "an email address, a phone number and a postcode"
        );
        assert_eq!(
            redact_findings(text, &findings),
            "[email address removed], [phone number removed], [postcode removed]"
        );
    }

    #[test]
    fn redact_replaces_each_finding_and_keeps_the_rest() {
        assert_eq!(
            redact("call 07700 900123 about the bin"),
            "call [phone number removed] about the bin"
        );
        assert_eq!(
            redact("nothing personal, 3 bags"),
            "nothing personal, 3 bags"
        );
        assert_eq!(
            redact("NI AB123456C"),
            "NI [National Insurance number removed]"
        );
    }

    #[test]
    fn overlapping_findings_become_one() {
        let text = "dob 3 March 1985";
        assert_eq!(
            found(text),
            [(PersonalData::DateOfBirth, "dob 3 March 1985")]
        );
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "",
            "é@é",
            "+44",
            "0",
            "£££ 07700 ٩٩٩",
            "\u{0}\u{10FFFF}",
            "dob",
            "1/1/1",
        ] {
            let findings = find_personal_data(text);
            let _ = redact_findings(text, &findings);
        }
    }
}
