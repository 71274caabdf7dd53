//! Dates of birth. A date is a date of birth when the words around it say so (born, DOB, date of
//! birth, birthday, aged), not because of its year: "summons dated 12/05/2024" and "tenancy
//! started 01/04/2015" pass, "born 3/9/1957" and "12/03/1985 (dob)" do not. "Baby born 3 weeks
//! ago" holds no date at all.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{regex, scan};
use super::{Finding, PersonalData};

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const DAY: &str = r"\d{1,2}(?:st|nd|rd|th)?";
const YEAR: &str = r"(?:\d{4}|'?\d{2})";

/// The date forms; a bare year or run of digits only right after the words ("born 1962",
/// "DOB 12031985"), never before them.
fn date(after_words: bool) -> String {
    let mut forms = vec![
        format!(r"\d{{1,2}}\s?[/.\-]\s?\d{{1,2}}\s?[/.\-]\s?{YEAR}"),
        r"\d{4}-\d{1,2}-\d{1,2}".to_string(),
        format!(r"(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH},?(?:\s+{YEAR})?"),
        format!(r"{MONTH}\s+(?:the\s+)?{DAY},?(?:\s+{YEAR})?"),
        format!(r"{MONTH}\s+\d{{4}}"),
    ];
    if after_words {
        forms.push(r"\d{8}|\d{6}|(?:19|20)\d{2}".to_string());
    }
    forms.join("|")
}

/// A birth word, a few small words, then a date: "DOB: 12/03/1985", "born on the 5th of May
/// 1944", "her DOB is 4th July 1990", "aged 67, born 3/9/1957".
static AFTER_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)(?:\bborn|\bd\.?\s?o\.?\s?b\b\.?|\bdate\s+of\s+birth|\bbirth\s*date|\bbirth\s*day|\bb'?day|\baged\s+\d{{1,3}}\s*[,(]?)\s*(?:[:\-=]\s*)?(?:(?:is|was|on|in|of|approx\.?)\s+){{0,2}}(?P<date>{})\b",
        date(true)
    ))
});

/// A date, then the words: "3/9/1957 (date of birth)", "12.03.85 - dob".
static BEFORE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?P<date>{})\s*[(\[\-,]?\s*(?:d\.?\s?o\.?\s?b\b|date\s+of\s+birth|birth\s*day|born)",
        date(false)
    ))
});

pub fn find(text: &str, found: &mut Vec<Finding>) {
    for re in [&*AFTER_WORDS, &*BEFORE_WORDS] {
        scan(re, text, |caps| {
            let Some(date) = caps.name("date") else {
                return false;
            };
            found.push(Finding {
                kind: PersonalData::DateOfBirth,
                range: date.range(),
            });
            true
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        find(text, &mut found);
        found.iter().map(|f| &text[f.range.clone()]).collect()
    }

    #[test]
    fn dates_with_birth_words_are_found() {
        for (text, date) in [
            ("born 12/03/1985", "12/03/1985"),
            ("dob 3.4.79", "3.4.79"),
            ("DOB: 01-02-1990", "01-02-1990"),
            ("d.o.b: 1985-03-12", "1985-03-12"),
            ("born 14 February 1962", "14 February 1962"),
            ("born on the 5th of May 1944", "the 5th of May 1944"),
            ("her DOB is 4th July 1990", "4th July 1990"),
            ("birthday 22nd June 1958, wants", "22nd June 1958"),
            ("dob - 7 oct 68", "7 oct 68"),
            ("DOB 12031985", "12031985"),
            ("born in 1962", "1962"),
            ("aged 67, born 3/9/1957", "3/9/1957"),
            ("3/9/1957 (date of birth) checked", "3/9/1957"),
            ("birth date 19.11.1973", "19.11.1973"),
            ("DOB:21/1/2000", "21/1/2000"),
            ("born on March the 3rd, 1980", "March the 3rd, 1980"),
        ] {
            assert_eq!(dates(text), [date], "in {text:?}");
        }
    }

    #[test]
    fn other_dates_and_birth_words_alone_pass() {
        for text in [
            "summons dated 12/05/2024",
            "on UC since 1 April 2024",
            "tenancy started 01/04/2015",
            "baby born 3 weeks ago",
            "letter dated 3 March 1985",
            "DOB checked on the system",
            "born in Poland, needs an interpreter",
            "birthday next week so the bus pass is due",
            "asked for date of birth to verify",
            "aged 70, bus pass renewal",
            "moved in 2019, born in Poland",
        ] {
            assert_eq!(dates(text), Vec::<&str>::new(), "in {text:?}");
        }
    }
}
