//! Numbers said the way people dictate them: "oh seven seven double oh, nine hundred, one two
//! three", "nineteen eighty", "the third of March", "J H one two three four five six A", and
//! digits spaced one by one ("4 0 1 0 2 3 2 1 3 7"). The note is rewritten with each such run as
//! plain digits ("07700900123", "1980", "3rd", "JH123456A"), so the recognisers that read digits
//! read it too, and a finding in the rewritten note maps back to the words it came from.
//!
//! A lone quantity ("two bags", "three weeks") is rewritten too, but a note whose runs are all
//! short, with no date words, is not checked a second time: nothing of three digits or fewer is
//! personal on its own.

use std::ops::Range;

/// One word or group of digits of the note, and what it says as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// zero, oh, nought, one ... nine.
    Digit(u8),
    /// ten ... nineteen.
    Teen(u8),
    /// twenty ... ninety: the tens digit.
    Tens(u8),
    Hundred,
    Thousand,
    /// double (2) or treble, triple (3).
    Repeat(u8),
    /// first ... nineteenth, twentieth, thirtieth: the day.
    Ordinal(u8),
    /// A group of digits as typed.
    Digits,
    /// A letter of an identifier: a single letter, two capitals, or a spelling word ("bravo").
    Letter(u8, Option<u8>),
    /// "and", which joins "nine hundred and five".
    And,
}

/// The note rewritten, and the way back.
pub struct Spoken {
    pub text: String,
    /// For each byte of `text` (and its end), the byte offset in the note it was made from.
    offsets: Vec<usize>,
}

impl Spoken {
    /// The note with its spoken numbers as digits, or None when there is nothing worth a second
    /// look: no run of four digits or more, and no date said in words.
    pub fn new(text: &str) -> Option<Spoken> {
        let tokens = tokens(text);
        if tokens.is_empty() {
            return None;
        }
        let mut runs: Vec<(Range<usize>, String)> = Vec::new();
        let mut worth_it = false;
        let months = mentions_a_month(text);
        let mut i = 0;
        while i < tokens.len() {
            let Some((covered, digits)) = run_at(text, &tokens, i) else {
                i += 1;
                continue;
            };
            let span = tokens[covered.start].0.start..tokens[covered.end - 1].0.end;
            let end = covered.end.max(i + 1);
            let count = digits.bytes().filter(u8::is_ascii_digit).count();
            let ordinal = digits.ends_with(|c: char| c.is_ascii_alphabetic())
                && digits.starts_with(|c: char| c.is_ascii_digit());
            let letters = digits.bytes().filter(u8::is_ascii_uppercase).count();
            // A year alone ("nineteen eighty two") matters only beside a birth word.
            let year = count == 4 && says_birth(text);
            if count >= 5
                || year
                || spelt_identifier(&digits)
                || letters >= 4 && count >= 2
                || months && (ordinal || count >= 2)
            {
                worth_it = true;
            }
            if !digits.is_empty() {
                runs.push((span, digits));
            }
            i = end;
        }
        if !worth_it {
            return None;
        }
        let mut out = String::with_capacity(text.len());
        let mut offsets = Vec::with_capacity(text.len() + 1);
        let mut at = 0;
        for (span, digits) in runs {
            out.push_str(&text[at..span.start]);
            offsets.extend(at..span.start);
            let len = span.end - span.start;
            let n = digits.len().max(1);
            out.push_str(&digits);
            offsets.extend((0..digits.len()).map(|k| span.start + len * k / n));
            at = span.end;
        }
        out.push_str(&text[at..]);
        offsets.extend(at..text.len());
        offsets.push(text.len());
        Some(Spoken { text: out, offsets })
    }

    /// The range in the note of a range of the rewritten text.
    pub fn original(&self, range: &Range<usize>) -> Range<usize> {
        let at = |i: usize| self.offsets.get(i).copied().unwrap_or_default();
        at(range.start)..at(range.end).max(at(range.start))
    }
}

/// True when a run's letters and digits have the shape of a registration ("alpha bravo one two
/// charlie delta echo" is AB12CDE) or a postcode ("M one four, five R T" is M145RT).
fn spelt_identifier(said: &str) -> bool {
    let shape: String = said
        .bytes()
        .map(|b| if b.is_ascii_digit() { '9' } else { 'A' })
        .collect();
    matches!(
        shape.as_str(),
        "AA99AAA" | "A99AA" | "A999AA" | "AA99AA" | "AA999AA" | "A9A9AA" | "AA9A9AA"
    ) && said
        .bytes()
        .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
}

/// True when the note has a word about birth in it ("born", "birth", "DOB").
fn says_birth(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("born")
        || lower.contains("birth")
        || lower.contains("dob")
        || lower.contains("d.o.b")
}

/// True when the note names a month (so a day or year in words may be a date).
fn mentions_a_month(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        w.len() >= 3
            && matches!(
                w.to_ascii_lowercase().as_str(),
                "january"
                    | "jan"
                    | "february"
                    | "feb"
                    | "march"
                    | "mar"
                    | "april"
                    | "apr"
                    | "may"
                    | "june"
                    | "jun"
                    | "july"
                    | "jul"
                    | "august"
                    | "aug"
                    | "september"
                    | "sept"
                    | "sep"
                    | "october"
                    | "oct"
                    | "november"
                    | "nov"
                    | "december"
                    | "dec"
            )
    })
}

/// The words and digit groups of the note that can be part of a number, with where they are.
/// Other words are left out, so a run ends wherever one of them stands.
fn tokens(text: &str) -> Vec<(Range<usize>, Word)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let glued = i < bytes.len() && bytes[i].is_ascii_alphabetic();
            let after_letter = start > 0 && bytes[start - 1].is_ascii_alphabetic();
            if !glued && !after_letter {
                out.push((start..i, Word::Digits));
            } else {
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
            }
        } else if b.is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            // "Sarah's", "o'clock": a word with an apostrophe is a word.
            let apostrophe = i < bytes.len() && bytes[i] == b'\'';
            if !apostrophe && let Some(word) = word(&text[start..i]) {
                out.push((start..i, word));
            }
            if apostrophe {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
            }
        } else if b.is_ascii() {
            i += 1;
        } else {
            // A character outside ASCII ends any run; step over it whole.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

fn word(w: &str) -> Option<Word> {
    if w.len() > 9 {
        return ordinal_long(w);
    }
    let mut buf = [0u8; 9];
    for (slot, b) in buf.iter_mut().zip(w.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    let lower = &buf[..w.len()];
    let word = match lower {
        b"zero" | b"oh" | b"o" | b"nought" | b"nil" => Word::Digit(0),
        b"one" => Word::Digit(1),
        b"two" => Word::Digit(2),
        b"three" => Word::Digit(3),
        b"four" => Word::Digit(4),
        b"five" => Word::Digit(5),
        b"six" => Word::Digit(6),
        b"seven" => Word::Digit(7),
        b"eight" => Word::Digit(8),
        b"nine" => Word::Digit(9),
        b"ten" => Word::Teen(10),
        b"eleven" => Word::Teen(11),
        b"twelve" => Word::Teen(12),
        b"thirteen" => Word::Teen(13),
        b"fourteen" => Word::Teen(14),
        b"fifteen" => Word::Teen(15),
        b"sixteen" => Word::Teen(16),
        b"seventeen" => Word::Teen(17),
        b"eighteen" => Word::Teen(18),
        b"nineteen" => Word::Teen(19),
        b"twenty" => Word::Tens(2),
        b"thirty" => Word::Tens(3),
        b"forty" | b"fourty" => Word::Tens(4),
        b"fifty" => Word::Tens(5),
        b"sixty" => Word::Tens(6),
        b"seventy" => Word::Tens(7),
        b"eighty" => Word::Tens(8),
        b"ninety" => Word::Tens(9),
        b"hundred" => Word::Hundred,
        b"thousand" => Word::Thousand,
        b"double" => Word::Repeat(2),
        b"treble" | b"triple" => Word::Repeat(3),
        b"first" => Word::Ordinal(1),
        b"second" => Word::Ordinal(2),
        b"third" => Word::Ordinal(3),
        b"fourth" => Word::Ordinal(4),
        b"fifth" => Word::Ordinal(5),
        b"sixth" => Word::Ordinal(6),
        b"seventh" => Word::Ordinal(7),
        b"eighth" => Word::Ordinal(8),
        b"ninth" => Word::Ordinal(9),
        b"tenth" => Word::Ordinal(10),
        b"eleventh" => Word::Ordinal(11),
        b"twelfth" => Word::Ordinal(12),
        b"fifteenth" => Word::Ordinal(15),
        b"sixteenth" => Word::Ordinal(16),
        b"twentieth" => Word::Ordinal(20),
        b"thirtieth" => Word::Ordinal(30),
        b"and" => Word::And,
        b"alpha" | b"alfa" => Word::Letter(b'A', None),
        b"bravo" => Word::Letter(b'B', None),
        b"charlie" => Word::Letter(b'C', None),
        b"delta" => Word::Letter(b'D', None),
        b"echo" => Word::Letter(b'E', None),
        b"foxtrot" => Word::Letter(b'F', None),
        b"golf" => Word::Letter(b'G', None),
        b"hotel" => Word::Letter(b'H', None),
        b"india" => Word::Letter(b'I', None),
        b"juliet" | b"juliett" => Word::Letter(b'J', None),
        b"kilo" => Word::Letter(b'K', None),
        b"lima" => Word::Letter(b'L', None),
        b"mike" => Word::Letter(b'M', None),
        b"november" => Word::Letter(b'N', None),
        b"oscar" => Word::Letter(b'O', None),
        b"papa" => Word::Letter(b'P', None),
        b"quebec" => Word::Letter(b'Q', None),
        b"romeo" => Word::Letter(b'R', None),
        b"sierra" => Word::Letter(b'S', None),
        b"tango" => Word::Letter(b'T', None),
        b"uniform" => Word::Letter(b'U', None),
        b"victor" => Word::Letter(b'V', None),
        b"whiskey" | b"whisky" => Word::Letter(b'W', None),
        b"xray" => Word::Letter(b'X', None),
        b"yankee" => Word::Letter(b'Y', None),
        b"zulu" => Word::Letter(b'Z', None),
        [c] => Word::Letter(c.to_ascii_uppercase(), None),
        [a, b] if w.bytes().all(|c| c.is_ascii_uppercase()) => {
            Word::Letter(a.to_ascii_uppercase(), Some(b.to_ascii_uppercase()))
        }
        // "fourteenth", "seventeenth" ... are longer than the buffer's nine letters.
        _ => return ordinal_long(w),
    };
    Some(word)
}

fn ordinal_long(w: &str) -> Option<Word> {
    let lower = w.to_ascii_lowercase();
    let day = match lower.as_str() {
        "thirteenth" => 13,
        "fourteenth" => 14,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        _ => return None,
    };
    Some(Word::Ordinal(day))
}

/// True when only spaces, commas or one dash stand between the two tokens.
fn joined(text: &str, left: &Range<usize>, right: &Range<usize>) -> bool {
    let gap = &text[left.end..right.start];
    gap.len() <= 3
        && gap.bytes().all(|b| matches!(b, b' ' | b',' | b'-'))
        && gap.bytes().filter(|&b| b == b',').count() <= 1
}

/// The run of number words starting at token `start`: the tokens it covers and its digits.
/// None when the token does not start a run worth rewriting.
fn run_at(
    text: &str,
    tokens: &[(Range<usize>, Word)],
    start: usize,
) -> Option<(Range<usize>, String)> {
    // The run: tokens joined by spaces, commas or dashes.
    let mut end = start + 1;
    while end < tokens.len() && joined(text, &tokens[end - 1].0, &tokens[end].0) {
        end += 1;
    }
    let run = &tokens[start..end];
    let has_word = run
        .iter()
        .any(|(_, w)| !matches!(w, Word::Digits | Word::Letter(..) | Word::And));
    // Digits typed one by one: "4 0 1 0 2 3 2 1 3 7".
    let spaced = run
        .iter()
        .filter(|(r, w)| *w == Word::Digits && r.len() == 1)
        .count()
        >= 4
        && run.iter().all(|(r, w)| *w != Word::Digits || r.len() <= 2);
    if !has_word && !spaced {
        return None;
    }
    let (digits, used) = convert(text, run);
    let count = digits.bytes().filter(u8::is_ascii_digit).count();
    if spelt_identifier(&digits) {
        return Some((start..start + used, digits));
    }
    if count >= 5 {
        // At most two letters before the digits ("NI J H one two ..." keeps "JH") and one
        // after ("... five six A").
        let letters = |w: &Word| match w {
            Word::Letter(_, Some(_)) => 2,
            Word::Letter(_, None) => 1,
            _ => 0,
        };
        let mut from = 0;
        while run[from..used]
            .iter()
            .take_while(|(_, w)| letters(w) > 0)
            .map(|(_, w)| letters(w))
            .sum::<usize>()
            > 2
        {
            from += 1;
        }
        let mut to = used;
        while to > from
            && run[from..to]
                .iter()
                .rev()
                .take_while(|(_, w)| letters(w) > 0)
                .map(|(_, w)| letters(w))
                .sum::<usize>()
                > 1
        {
            to -= 1;
        }
        if from == 0 && to == used {
            return (used > 0).then(|| (start..start + used, digits));
        }
        let (digits, _) = convert(text, &run[from..to]);
        return (to > from).then(|| (start + from..start + to, digits));
    }
    // Letters belong to an identifier only beside enough digits ("J H one two three four five
    // six A"); else they stay words ("a one bedroom flat").
    let first = run
        .iter()
        .position(|(_, w)| !matches!(w, Word::Letter(..) | Word::And))?;
    let (digits, used) = convert(text, &run[first..]);
    let mut last = used;
    while last > 0 && matches!(run[first + last - 1].1, Word::Letter(..)) {
        last -= 1;
    }
    if last == 0 {
        return None;
    }
    let digits = if last == used {
        digits
    } else {
        convert(text, &run[first..first + last]).0
    };
    Some((start + first..start + first + last, digits))
}

/// The digits a run says, and how many of its tokens were used (a run ends early at a word
/// that cannot follow: an "and" with no hundred before it, a "double" with no digit after it).
fn convert(text: &str, run: &[(Range<usize>, Word)]) -> (String, usize) {
    let words: Vec<Word> = run.iter().map(|(_, w)| *w).collect();
    let mut out = String::new();
    let mut i = 0;
    while i < words.len() {
        match words[i] {
            Word::Digits => {
                out.push_str(&text[run[i].0.clone()]);
                i += 1;
            }
            Word::Letter(a, b) => {
                out.push(char::from(a));
                if let Some(b) = b {
                    out.push(char::from(b));
                }
                i += 1;
            }
            Word::Repeat(times) => {
                let digit = match words.get(i + 1) {
                    Some(Word::Digit(d)) => char::from(b'0' + d),
                    Some(Word::Digits) if run[i + 1].0.len() == 1 => {
                        char::from(text.as_bytes()[run[i + 1].0.start])
                    }
                    _ => break,
                };
                for _ in 0..times {
                    out.push(digit);
                }
                i += 2;
            }
            Word::Ordinal(day) => {
                push_ordinal(&mut out, u32::from(day));
                i += 1;
                break;
            }
            Word::And | Word::Hundred | Word::Thousand => break,
            Word::Digit(_) | Word::Teen(_) | Word::Tens(_) => {
                // "twenty first": a day.
                if let (Word::Tens(t), Some(Word::Ordinal(d))) = (words[i], words.get(i + 1))
                    && *d < 10
                {
                    push_ordinal(&mut out, u32::from(t) * 10 + u32::from(*d));
                    i += 2;
                    break;
                }
                let (value, next, width) = number(&words, i);
                if width == 0 {
                    break;
                }
                out.push_str(&format!("{value:0width$}"));
                i = next;
            }
        }
    }
    (out, i)
}

/// A number said as a whole at word `i`: "seven" (7), "twenty two" (22), "nine hundred and
/// five" (905), "two thousand and three" (2003). Its value, the next word, and how many digits it
/// is written with (0 when there is none).
fn number(words: &[Word], i: usize) -> (u32, usize, usize) {
    let (mut value, mut next, mut width) = below_thousand(words, i);
    if width > 0 && words.get(next) == Some(&Word::Thousand) {
        value *= 1000;
        next += 1;
        width = 4;
        let after_and = usize::from(words.get(next) == Some(&Word::And));
        let (rest, rest_next, rest_width) = below_thousand(words, next + after_and);
        if rest_width > 0 {
            value += rest;
            next = rest_next;
        }
        width = width.max(value.to_string().len());
    }
    (value, next, width)
}

fn below_thousand(words: &[Word], i: usize) -> (u32, usize, usize) {
    match words.get(i) {
        Some(Word::Digit(d)) if words.get(i + 1) == Some(&Word::Hundred) => {
            let mut value = u32::from(*d) * 100;
            let mut next = i + 2;
            let after_and = words.get(next) == Some(&Word::And);
            let at = next + usize::from(after_and);
            // "nine hundred and five", "three hundred twenty"; "nine hundred one two three" is
            // a phone number's 900 then 123.
            let (rest, rest_next, rest_width) = below_hundred(words, at);
            let fits = rest_width > 0
                && (after_and || matches!(words.get(at), Some(Word::Teen(_) | Word::Tens(_))));
            if fits {
                value += rest;
                next = rest_next;
            }
            (value, next, 3)
        }
        _ => below_hundred(words, i),
    }
}

fn below_hundred(words: &[Word], i: usize) -> (u32, usize, usize) {
    match words.get(i) {
        Some(Word::Digit(d)) => (u32::from(*d), i + 1, 1),
        Some(Word::Teen(n)) => (u32::from(*n), i + 1, 2),
        Some(Word::Tens(t)) => match words.get(i + 1) {
            Some(Word::Digit(d)) if *d > 0 => (u32::from(*t) * 10 + u32::from(*d), i + 2, 2),
            _ => (u32::from(*t) * 10, i + 1, 2),
        },
        _ => (0, i, 0),
    }
}

fn push_ordinal(out: &mut String, day: u32) {
    let suffix = match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    out.push_str(&format!("{day}{suffix}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(text: &str) -> Option<String> {
        Spoken::new(text).map(|s| s.text)
    }

    #[test]
    fn dictated_phone_numbers_become_digits() {
        for (text, digits) in [
            (
                "call oh seven seven double oh nine hundred one two three",
                "call 07700900123",
            ),
            (
                "ring nought seven nine one one, one two three four five six",
                "ring 07911123456",
            ),
            ("mob 0 7 7 0 0 9 0 0 1 2 3", "mob 07700900123"),
            ("ref seven double four two one", "ref 74421"),
            ("oh one one three, treble four, 0 1 2 3", "01134440123"),
        ] {
            assert_eq!(said(text).as_deref(), Some(digits), "in {text:?}");
        }
    }

    #[test]
    fn hundreds_thousands_and_years() {
        assert_eq!(
            said("born in nineteen eighty two").as_deref(),
            Some("born in 1982")
        );
        assert_eq!(
            said("born two thousand and five").as_deref(),
            Some("born 2005")
        );
        assert_eq!(said("since two thousand and five"), None);
        assert_eq!(
            said("code nine hundred and twelve, three four").as_deref(),
            Some("code 91234")
        );
    }

    #[test]
    fn days_in_words_become_ordinals_beside_a_month() {
        assert_eq!(
            said("born on the third of March nineteen eighty").as_deref(),
            Some("born on the 3rd of March 1980")
        );
        assert_eq!(
            said("born twenty-first of June").as_deref(),
            Some("born 21st of June")
        );
    }

    #[test]
    fn spelled_identifiers_keep_their_letters() {
        assert_eq!(
            said("NI J H one two three four five six A").as_deref(),
            Some("NI JH123456A")
        );
        assert_eq!(
            said("nhs 4 0 1 0 2 3 2 1 3 7 ok").as_deref(),
            Some("nhs 4010232137 ok")
        );
    }

    #[test]
    fn spelt_registrations_and_postcodes_keep_their_letters() {
        assert_eq!(
            said("reg alpha bravo one two charlie delta echo").as_deref(),
            Some("reg AB12CDE")
        );
        assert_eq!(
            said("postcode is M one four, five R T").as_deref(),
            Some("postcode is M145RT")
        );
    }

    #[test]
    fn quantities_and_short_numbers_need_no_second_look() {
        for text in [
            "two bags and three boxes",
            "back in three weeks",
            "a one bedroom flat",
            "paid twenty five pounds",
            "ten thirty tomorrow",
            "first floor, second letter",
            "oh no, double check the form",
            "",
        ] {
            assert_eq!(said(text), None, "in {text:?}");
        }
    }

    #[test]
    fn ranges_map_back_to_the_words() {
        let text = "call oh seven seven double oh nine hundred one two three please";
        let spoken = Spoken::new(text).unwrap();
        let start = spoken.text.find('0').unwrap();
        let end = spoken.text.find(" please").unwrap();
        assert_eq!(
            &text[spoken.original(&(start..end))],
            "oh seven seven double oh nine hundred one two three"
        );
    }
}
