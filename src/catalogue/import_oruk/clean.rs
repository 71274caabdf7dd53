//! Text from a directory feed made fit for the catalogue: markup removed, one line, nothing a
//! terminal would obey, and a sensible length. And the ids imported entries get.

use std::sync::LazyLock;

use regex::Regex;

use crate::printable::printable;

/// An HTML tag, as some directories put in descriptions: `<p>`, `</li>`, `<br />`.
static TAG: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>").ok());

/// An HTML character reference: `&amp;`, `&#39;`, `&#x2019;`.
static ENTITY: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});").ok());

/// The text as one clean line of at most `max_chars` characters: HTML tags and character
/// references undone, runs of white space (line breaks and tabs included) made one space, any
/// other control character or text direction override shown as a visible escape
/// ([`printable`]), and a long text cut at the end of a sentence where one is near, else at a
/// word with "…". Empty when nothing is left.
pub fn line(text: &str, max_chars: usize) -> String {
    // A huge value is cut before any work on it: nothing past this is kept anyway.
    let text = first_chars(text, max_chars.saturating_mul(4).saturating_add(256));
    let text = if text.contains('<') || text.contains('&') {
        unmarked(text)
    } else {
        text.to_string()
    };
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let shown = printable(&one_line).into_owned();
    shorten(&shown, max_chars)
}

/// `line`, or `None` when nothing is left.
pub fn some_line(text: Option<&str>, max_chars: usize) -> Option<String> {
    text.map(|t| line(t, max_chars)).filter(|t| !t.is_empty())
}

fn first_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// Tags become spaces and character references their characters.
fn unmarked(text: &str) -> String {
    let untagged = match TAG.as_ref() {
        Some(tag) => tag.replace_all(text, " ").into_owned(),
        None => text.to_string(),
    };
    let Some(entity) = ENTITY.as_ref() else {
        return untagged;
    };
    entity
        .replace_all(&untagged, |caps: &regex::Captures<'_>| {
            let name = &caps[1];
            let decoded =
                if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
                } else if let Some(decimal) = name.strip_prefix('#') {
                    decimal.parse::<u32>().ok().and_then(char::from_u32)
                } else {
                    match name {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        "nbsp" => Some(' '),
                        "ndash" => Some('–'),
                        "mdash" => Some('—'),
                        "rsquo" | "lsquo" => Some('\''),
                        "pound" => Some('£'),
                        _ => None,
                    }
                };
            decoded.map_or_else(|| caps[0].to_string(), String::from)
        })
        .into_owned()
}

/// At most `max` characters: cut after the last full stop in the second half, else at the last
/// space, with "…" to show something was cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let head = first_chars(text, max.saturating_sub(1));
    if let Some(stop) = head.rfind(". ")
        && head[..stop].chars().count() >= max / 2
    {
        return head[..=stop].to_string();
    }
    let cut = match head.rfind(' ') {
        Some(space) if head[..space].chars().count() >= max / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", cut.trim_end())
}

/// A lowercase-kebab slug of at most `max` characters, cut at a hyphen: "Citizens Advice
/// (Anytown)" -> "citizens-advice-anytown". Letters with accents lose them; other scripts are
/// spelled in Latin letters.
pub fn slug(text: &str, max: usize) -> String {
    let latin = deunicode::deunicode(first_chars(text, max * 2 + 16)).to_ascii_lowercase();
    let mut slug = String::new();
    for word in latin
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let extra = word.len() + usize::from(!slug.is_empty());
        if slug.len() + extra > max {
            if slug.is_empty() {
                slug.push_str(&word[..max.min(word.len())]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    slug
}

/// A short fingerprint of a feed's own id (FNV-1a, 64 bits, as 16 hex digits): the same id gives
/// the same fingerprint on every machine and in every version.
pub fn fingerprint(id: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_line_breaks_become_one_plain_line() {
        assert_eq!(
            line(
                "<p>Free advice on <b>debt</b>&nbsp;&amp; benefits.</p>\r\n<ul><li>Drop in</li></ul>",
                200
            ),
            "Free advice on debt & benefits. Drop in"
        );
        assert_eq!(
            line("Tom &amp; Jerry&#39;s caf&#xE9;", 200),
            "Tom & Jerry's café"
        );
        assert_eq!(line("5 < 6 & 7 > 2", 200), "5 < 6 & 7 > 2");
        assert_eq!(line("  \n\t ", 200), "");
    }

    #[test]
    fn characters_a_terminal_would_obey_are_shown_not_obeyed() {
        let cleaned = line("Help\u{1b}]0;pwned\u{7}desk \u{202e}kcab", 200);
        assert!(
            !cleaned.chars().any(crate::printable::is_unsafe),
            "{cleaned}"
        );
        assert!(cleaned.contains("\\u{1b}"), "{cleaned}");
    }

    #[test]
    fn long_text_is_cut_at_a_sentence_or_a_word() {
        let text = "One sentence here. Another sentence that goes on and on and on.";
        assert_eq!(line(text, 30), "One sentence here.");
        assert_eq!(line(text, 45), "One sentence here. Another sentence that…");
        let cut = line(&"word ".repeat(100), 50);
        assert!(cut.chars().count() <= 50 && cut.ends_with('…'), "{cut}");
        let huge = "x".repeat(10_000_000);
        assert_eq!(line(&huge, 120).chars().count(), 120);
    }

    #[test]
    fn slugs_are_lowercase_kebab_and_short() {
        assert_eq!(
            slug("Citizens Advice (Anytown) – Debt", 40),
            "citizens-advice-anytown-debt"
        );
        assert_eq!(slug("Café Zoë", 40), "cafe-zoe");
        assert_eq!(
            slug("a very long name of a service indeed", 16),
            "a-very-long-name"
        );
        assert_eq!(slug("Supercalifragilistic", 8), "supercal");
        assert_eq!(slug("!!!", 40), "");
    }

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
        assert_ne!(fingerprint("service-1"), fingerprint("service-10"));
    }
}
