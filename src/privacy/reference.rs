//! Account and claim references given with their words: "council tax account 50012345", "HB
//! claim ref HB/123456", "CT acct#: 82736451", "PCN AB12345678". A number of five digits or more
//! after such words identifies the resident's record. Year spans ("council tax 2025/26") and
//! dates pass.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{before, digits, regex, scan};
use super::{Finding, PersonalData};

static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?ix)
        \b(?:council\s*tax|c\.?\s?tax|c/tax|ct|ctr|ctrs|ctax|nndr|business\s+rates|rates|rent|
            housing\s+benefit|hb|dhp|uc|universal\s+credit|pension\s+credit|benefits?|claim|
            account|acct|acc|a\s?/\s?c|ref|reference|case|customer|tenancy|pcn|
            penalty\s+charge(?:\s+notice)?|invoice|application|booking|payment\s+ref(?:erence)?)\b
        (?:[\s:\#.,\-]*(?:no|nos|num|number|ref|reference|id|is|was|claim|account|acct|acc|a\s?/\s?c)\b\.?)*
        [\s:\#.,\-]*
        (?P<id>(?-i:[A-Z]{1,4})?[/\-]?\d[\d\s\-/]*\d[A-Z]?)\b",
    )
});

/// "2025/26", "2024-25", "12/05/2024", "1-2": dates and year spans, not references.
static DATE_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:\d{4}\s?[/\-]\s?\d{2,4}|\d{1,2}[/\-.]\d{1,2}(?:[/\-.]\d{2,4})?)$")
});

static PUBLIC_WORDS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?:planning|licen[cs]ing|premises\s+licen[cs]e|tpo|lgsl)\b"));

static PUBLIC_SUFFIX: LazyLock<Regex> = LazyLock::new(|| regex(r"^/[A-Za-z]"));

pub fn find(text: &str, found: &mut Vec<Finding>) {
    scan(&REFERENCE, text, |caps| {
        let Some(id) = caps.name("id") else {
            return false;
        };
        let number = id.as_str().trim();
        let numeric = number.trim_start_matches(|c: char| !c.is_ascii_digit());
        // Planning and licensing references are public: "application 25/01234/FUL".
        let public = PUBLIC_WORDS.is_match(before(text, id.start(), 40))
            || PUBLIC_SUFFIX.is_match(&text[id.end()..]);
        let keep = digits(number).len() >= 5 && !DATE_LIKE.is_match(numeric) && !public;
        if keep {
            found.push(Finding {
                kind: PersonalData::AccountReference,
                range: id.range(),
            });
        }
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        find(text, &mut found);
        found.iter().map(|f| &text[f.range.clone()]).collect()
    }

    #[test]
    fn references_are_found_after_their_words() {
        for (text, reference) in [
            ("council tax account 50012345", "50012345"),
            ("CT ref 7001234567", "7001234567"),
            ("ctax a/c 12345678", "12345678"),
            ("HB claim 1234567", "1234567"),
            ("claim ref HB/123456", "HB/123456"),
            ("council tax reference number: 3001 4428 9", "3001 4428 9"),
            ("CT acct#: 82736451", "82736451"),
            ("PCN AB12345678 appeal", "AB12345678"),
            ("rent account 00981234 in arrears", "00981234"),
        ] {
            assert_eq!(found(text), [reference], "in {text:?}");
        }
    }

    #[test]
    fn short_numbers_dates_and_year_spans_pass() {
        for text in [
            "ref 2026",
            "council tax 2025/26 bill",
            "HB backdated to 01/04/2024",
            "claim takes 5 weeks",
            "account in credit £40",
            "HB1 form",
            "UC50 form question",
            "rent 450 a month",
            "account locked",
            "tenancy ends 30/06/2026",
            "claim made 12/05/2024",
            "planning application 25/01234/FUL comments",
            "application 25/01234/HOU explained",
        ] {
            assert_eq!(found(text), Vec::<&str>::new(), "in {text:?}");
        }
    }
}
