//! What every recogniser shares: the note with look-alike characters folded to ASCII (a
//! full-width `＠` is an `@`), a scan that retries after a rejected candidate, and small tests on
//! the text around a match.

use std::ops::Range;

use regex::{Captures, Regex};

/// A note with full-width forms, odd spaces and dashes folded to plain ASCII, one character
/// for one character, and the way back to the byte offsets of the note as typed.
pub struct Folded {
    pub text: String,
    /// For each byte offset of `text` (and its end), the byte offset in the original note.
    offsets: Vec<usize>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut offsets = Vec::with_capacity(original.len() + 1);
        for (at, c) in original.char_indices() {
            let folded = fold(c);
            for _ in 0..folded.len_utf8() {
                offsets.push(at);
            }
            text.push(folded);
        }
        offsets.push(original.len());
        Folded { text, offsets }
    }

    /// The range in the original note of a range of the folded text.
    pub fn original(&self, range: &Range<usize>) -> Range<usize> {
        let at = |i: usize| self.offsets.get(i).copied().unwrap_or_default();
        at(range.start)..at(range.end)
    }
}

/// Full-width ASCII (`＠`, `．`, `０`), the small commercial at, unusual spaces, dashes and curly
/// apostrophes, as the plain character a reader sees.
fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{FE6B}' => '@',
        // Ideographic and half-width full stops, as a Chinese or Japanese keyboard types a dot.
        '\u{3002}' | '\u{FF61}' => '.',
        '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
        _ => c,
    }
}

/// Builds one of this module's patterns. They are constants of the code and every one is run by
/// the unit tests, so a bad one is a programming error caught before release.
pub fn regex(pattern: &str) -> Regex {
    regex::RegexBuilder::new(pattern)
        .unicode(false)
        .build()
        .unwrap_or_else(|e| panic!("bad personal-data pattern {pattern}: {e}"))
}

/// Runs `re` over `text` and hands each candidate to `accept`, which pushes what it keeps. After
/// a kept candidate the scan goes on from its end; after a rejected one, from its next
/// character, so a candidate that swallowed the start of a real one does not hide it.
pub fn scan<'t>(re: &Regex, text: &'t str, mut accept: impl FnMut(&Captures<'t>) -> bool) {
    let mut at = 0;
    while at <= text.len() {
        let Some(caps) = re.captures_at(text, at) else {
            break;
        };
        let Some(whole) = caps.get(0) else { break };
        let kept = accept(&caps);
        at = if kept && whole.end() > whole.start() {
            whole.end()
        } else {
            whole.start()
                + text[whole.start()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8)
        };
    }
}

/// True when the match is not part of a longer word or number: no letter or digit touches it,
/// and no digit sits across a `/`, `.` or `-` from it (as in a date or a decimal).
pub fn stands_alone(text: &str, range: &Range<usize>) -> bool {
    let mut before = text[..range.start].chars().rev();
    let touching = before.next();
    let beyond = before.next();
    if touching.is_some_and(char::is_alphanumeric)
        || touching.is_some_and(|c| matches!(c, '/' | '.' | '-' | '+'))
            && beyond.is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    let rest = &text[range.end..];
    !rest.starts_with(char::is_alphanumeric)
        && !rest
            .strip_prefix(['/', '.', '-'])
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// The ASCII digits of `text`, in order.
pub fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Up to `chars` characters of `text` before byte offset `at`.
pub fn before(text: &str, at: usize, chars: usize) -> &str {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &head[start..]
}

/// Lower-case words and numbers separated by single spaces: "14 High St." and "14, high st"
/// both become "14 high st", so a note's span can be compared with the catalogue's text.
pub fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_forms_fold_and_map_back() {
        let note = "mail dave＠example．com now";
        let folded = Folded::new(note);
        assert_eq!(folded.text, "mail dave@example.com now");
        let start = folded.text.find("dave").unwrap();
        let end = folded.text.find(" now").unwrap();
        assert_eq!(&note[folded.original(&(start..end))], "dave＠example．com");
    }

    #[test]
    fn stands_alone_rejects_parts_of_dates_and_words() {
        let text = "a 12/07700 900123 b7";
        assert!(!stands_alone(text, &(5..17)));
        assert!(stands_alone("x 0771 y", &(2..6)));
        assert!(!stands_alone("x0771", &(1..5)));
        assert!(!stands_alone("0771/2", &(0..4)));
        assert!(stands_alone("tel.0771", &(4..8)));
    }

    #[test]
    fn before_takes_whole_characters() {
        assert_eq!(before("££ab", 6, 3), "£ab");
        assert_eq!(before("ab", 2, 10), "ab");
        assert_eq!(before("ab", 0, 10), "");
    }

    #[test]
    fn squash_keeps_words_and_numbers_only() {
        assert_eq!(squash("14, High St."), "14 high st");
        assert_eq!(squash("  "), "");
    }
}
