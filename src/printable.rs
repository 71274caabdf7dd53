//! Text that is safe to print to a terminal: no control characters, no bidirectional overrides.
//!
//! Notes, desk names and catalogue text come from people and files. Printed raw, an escape
//! sequence in them (`\e]0;...\a`, `\e[2J`) would retitle or clear the user's terminal, a carriage
//! return would overwrite the line before it, and a right-to-left override would reverse what
//! follows. Tables and listings print every such value through [`printable`], which shows those
//! characters as visible escapes instead (`\u{1b}`, `\n`). `check` refuses them in catalogue
//! content with [`first_unsafe`]. JSON output needs none of this: serde escapes them.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// True for a character that changes what a terminal shows rather than being shown: C0 and C1
/// controls (escape, carriage return, newline, tab, bell, DEL, ...), the bidirectional overrides
/// and isolates, and the Unicode line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// The text with every unsafe character shown as an escape: a tab as `\t`, a newline as `\n`,
/// a carriage return as `\r`, anything else as `\u{1b}`. Safe text is returned as it is.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' | '\n' | '\r' => shown.extend(c.escape_default()),
            c if is_unsafe(c) => shown.extend(c.escape_unicode()),
            c => shown.push(c),
        }
    }
    Cow::Owned(shown)
}

/// Like [`printable`] for text of many lines: each line's unsafe characters are shown as
/// escapes, and the line ends (`\n`) stay line ends. For whole outputs printed to a terminal
/// (an export, a report, a slip).
pub fn printable_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let lines: Vec<Cow<'_, str>> = text.split('\n').map(printable).collect();
    Cow::Owned(lines.join("\n"))
}

/// JSON text with every unsafe character left in it written as a JSON escape (`\u007f`,
/// `\u202e`): the same value for a program that reads it, nothing a terminal obeys. serde
/// already escapes C0 controls; DEL, C1 controls and the bidirectional marks pass through it.
/// Only for JSON as serde writes it (compact), where such characters can only be in strings.
pub fn json_escaped(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe) {
        return Cow::Borrowed(json);
    }
    let mut shown = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if is_unsafe(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                shown.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// The first unsafe character of a text and its position in characters (0-based), if any.
pub fn first_unsafe(text: &str) -> Option<(usize, char)> {
    text.chars().enumerate().find(|(_, c)| is_unsafe(*c))
}

/// `text` cut to at most `max` terminal columns (a wide character counts two), ending in "…"
/// where it was cut. Tables and screens both fit their text with it.
pub fn cut(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut shown = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        shown.push(c);
        used += w;
    }
    let mut shown = shown.trim_end().to_string();
    shown.push('…');
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_shown_not_obeyed() {
        assert_eq!(
            printable("\u{1b}]0;owned\u{7}\u{1b}[2J"),
            "\\u{1b}]0;owned\\u{7}\\u{1b}[2J"
        );
        assert_eq!(printable("a\r\nb\tc"), "a\\r\\nb\\tc");
        assert_eq!(printable("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(printable("\u{9b}31m"), "\\u{9b}31m");
    }

    #[test]
    fn many_lines_keep_their_line_ends() {
        assert_eq!(printable_lines("a\u{1b}[2J\nb\r\n"), "a\\u{1b}[2J\nb\\r\n");
        assert!(matches!(printable_lines("a\nb\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_its_value_and_loses_its_escapes() {
        let json = serde_json::to_string("a\u{1b}b\u{7f}c\u{9b}d\u{202e}e").unwrap();
        let shown = json_escaped(&json);
        assert!(!shown.chars().any(is_unsafe), "{shown}");
        let back: String = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, "a\u{1b}b\u{7f}c\u{9b}d\u{202e}e");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let text = "Café — £5, 50% off; 日本語 \"quoted\" back\\slash";
        assert!(matches!(printable(text), Cow::Borrowed(_)));
        assert_eq!(printable(text), text);
        assert_eq!(first_unsafe(text), None);
        assert_eq!(first_unsafe("ab\u{1b}c"), Some((2, '\u{1b}')));
    }
}
