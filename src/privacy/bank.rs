//! Money details: sort codes with their account numbers, card numbers (Luhn) and IBANs
//! (ISO 13616, checked by `iban_validate`).

use std::sync::LazyLock;

use regex::Regex;

use super::text::{before, digits, regex, scan, stands_alone};
use super::{Finding, PersonalData};

/// 12-34-56, 12 34 56 or 123456.
static SORT_CODE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b\d{2}(?P<sep>[\s\-]?)\d{2}[\s\-]?\d{2}\b"));

/// Words that say a number is a bank's.
static BANK_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:\bsort\s*code|\bs\s?/\s?c\b|\bs\.\s?c\b|\bsc\b|\bbank|\brefund\s+to\b|\bdd\b|\bdirect\s+debit|\bstanding\s+order|\bbarclays|\blloyds|\bnatwest|\bhsbc|\bsantander|\bnationwide|\bhalifax|\bmonzo|\bstarling|\btsb\b|\bco-?op\s+bank)",
    )
});

static SORT_CODE_WORDS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\bsort\s*code|\bs\s?/\s?c\b|\bs\.\s?c\b|\bsc\b|\bbank\s+details"));

/// An eight-digit account number (a seven-digit one is written with a leading 0).
static ACCOUNT: LazyLock<Regex> = LazyLock::new(|| regex(r"\b\d{4}[\s\-]?\d{4}\b|\b\d{8}\b"));

/// Thirteen to nineteen digits, spaced or dashed in groups.
static CARD: LazyLock<Regex> = LazyLock::new(|| regex(r"\b\d(?:[\s\-]?\d){12,18}\b"));

static CARD_WORDS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?:card|visa|mastercard|maestro|amex|debit|credit)\b"));

/// Two letters, two check digits, and the account in groups of four (or unbroken).
static IBAN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b[a-z]{2}\d{2}(?:[\s\-]?[a-z0-9]{4}){2,7}(?:[\s\-]?[a-z0-9]{1,3})?\b")
});

static IBAN_WORD: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\biban\b"));

/// True when the words just before `at` say the number is a bank's ("food bank" does not).
fn said_bank(text: &str, at: usize, chars: usize) -> bool {
    let window = before(text, at, chars)
        .to_lowercase()
        .replace("food bank", "")
        .replace("bank holiday", "");
    BANK_WORDS.is_match(&window)
}

/// True when the number runs on from, or into, other digits across one space or dash: the
/// "960702" of "01632 960702" is the end of a phone number, not a sort code.
fn part_of_longer_number(text: &str, range: &std::ops::Range<usize>) -> bool {
    let touches = |mut chars: std::str::Chars<'_>| {
        let first = chars.next();
        let second = chars.next();
        first.is_some_and(|c| c.is_ascii_digit())
            || first.is_some_and(|c| matches!(c, ' ' | '-' | '.'))
                && second.is_some_and(|c| c.is_ascii_digit())
    };
    let before: String = text[..range.start].chars().rev().take(2).collect();
    touches(before.chars()) || touches(text[range.end..].chars())
}

pub fn find(text: &str, found: &mut Vec<Finding>) {
    let mut sort_codes = Vec::new();
    scan(&SORT_CODE, text, |caps| {
        let (Some(m), Some(sep)) = (caps.get(0), caps.name("sep")) else {
            return false;
        };
        if !stands_alone(text, &m.range()) {
            return false;
        }
        // 12-05-24 may be a date ("bank statement dated 12-05-24"): then only "sort code" or
        // an account number beside it makes it one.
        let date_like = {
            let d = digits(m.as_str());
            let pair = |i: usize| {
                d.get(i..i + 2)
                    .and_then(|p| p.parse::<u32>().ok())
                    .unwrap_or(0)
            };
            (1..=31).contains(&pair(0)) && (1..=12).contains(&pair(2))
        };
        let words = if date_like {
            SORT_CODE_WORDS.is_match(before(text, m.start(), 40))
        } else {
            said_bank(text, m.start(), 40)
        };
        let said = words && !part_of_longer_number(text, &m.range());
        // A dashed sort code followed by an account number needs no words: "40-11-62 04004543".
        let dashed_pair = sep.as_str() == "-"
            && ACCOUNT.find(&text[m.end()..]).is_some_and(|a| {
                a.start() <= 3
                    && text[m.end()..m.end() + a.start()]
                        .chars()
                        .all(|c| matches!(c, ' ' | '/' | ','))
            });
        let keep = said || dashed_pair;
        if keep {
            sort_codes.push(m.range());
            found.push(Finding {
                kind: PersonalData::BankDetails,
                range: m.range(),
            });
        }
        keep
    });
    scan(&ACCOUNT, text, |caps| {
        let Some(m) = caps.get(0) else { return false };
        let near_sort_code = sort_codes.iter().any(|s| {
            s.end <= m.start() && m.start() - s.end <= 40
                || m.end() <= s.start && s.start - m.end() <= 40
        });
        let keep = stands_alone(text, &m.range())
            && (near_sort_code
                || said_bank(text, m.start(), 25) && !part_of_longer_number(text, &m.range()));
        if keep {
            found.push(Finding {
                kind: PersonalData::BankDetails,
                range: m.range(),
            });
        }
        keep
    });
    scan(&CARD, text, |caps| {
        let Some(m) = caps.get(0) else { return false };
        // Luhn confirms a card number anywhere; after "card" a mistyped one counts too.
        let keep = stands_alone(text, &m.range())
            && (luhn::valid(&digits(m.as_str()))
                || CARD_WORDS.is_match(before(text, m.start(), 25)));
        if keep {
            found.push(Finding {
                kind: PersonalData::CardNumber,
                range: m.range(),
            });
        }
        keep
    });
    scan(&IBAN, text, |caps| {
        let Some(m) = caps.get(0) else { return false };
        let electronic: String = m
            .as_str()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let keep = electronic.parse::<iban::Iban>().is_ok()
            || IBAN_WORD.is_match(before(text, m.start(), 20));
        if keep {
            found.push(Finding {
                kind: PersonalData::Iban,
                range: m.range(),
            });
        }
        keep
    });
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
    fn sort_codes_and_account_numbers_are_found_with_their_words() {
        use PersonalData::BankDetails as Bank;
        assert_eq!(
            found("sort code 20-00-00 acc 12345678"),
            [(Bank, "20-00-00"), (Bank, "12345678")]
        );
        assert_eq!(found("s/c 40 47 84"), [(Bank, "40 47 84")]);
        assert_eq!(found("bank: 30-94-57"), [(Bank, "30-94-57")]);
        assert_eq!(found("sort code 12-05-24"), [(Bank, "12-05-24")]);
        assert_eq!(found("sortcode 309457"), [(Bank, "309457")]);
        assert_eq!(
            found("DD set up: 40-11-62 04004543"),
            [(Bank, "40-11-62"), (Bank, "04004543")]
        );
        assert_eq!(
            found("paid 20-45-77 73821904"),
            [(Bank, "20-45-77"), (Bank, "73821904")]
        );
        assert_eq!(found("bank account 41234567"), [(Bank, "41234567")]);
    }

    #[test]
    fn dates_and_plain_numbers_are_not_bank_details() {
        for text in [
            "summons dated 12-05-24",
            "hearing on 04-12-2025",
            "queue 123456",
            "ticket 12345678",
            "signposted to the food bank, 01632 960702",
            "food bank voucher 12345678",
            "brought a bank statement dated 12-05-24",
            "closed on the bank holiday, 25-08-25",
        ] {
            assert_eq!(found(text), [], "in {text:?}");
        }
    }

    #[test]
    fn card_numbers_pass_luhn_or_follow_the_word_card() {
        use PersonalData::CardNumber as Card;
        assert_eq!(
            found("card 4526 0181 5908 3012"),
            [(Card, "4526 0181 5908 3012")]
        );
        assert_eq!(
            found("amex 3418 955597 97114"),
            [(Card, "3418 955597 97114")]
        );
        assert_eq!(found("ref 4526 0181 5908 3013"), []);
        assert_eq!(
            found("card number 1234 5678 9012 3456"),
            [(Card, "1234 5678 9012 3456")]
        );
    }

    #[test]
    fn ibans_must_pass_their_checksum_unless_called_one() {
        use PersonalData::Iban;
        assert_eq!(
            found("refund to GB82 WEST 1234 5698 7654 32 please"),
            [(Iban, "GB82 WEST 1234 5698 7654 32")]
        );
        assert_eq!(
            found("gb33bukb20201555555555"),
            [(Iban, "gb33bukb20201555555555")]
        );
        assert_eq!(found("ref GB82 WEST 1234 5698 7654 33"), []);
        assert_eq!(
            found("IBAN GB82 WEST 1234 5698 7654 33"),
            [(Iban, "GB82 WEST 1234 5698 7654 33")]
        );
    }
}
