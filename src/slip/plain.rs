//! The slip as plain text: for the preview on screen and for a printer's plain-text queue
//! (`lp`). Lines are at most [`WIDTH`] characters, so it prints in large type on A4.

use unicode_width::UnicodeWidthStr;

use super::{Place, Slip};
use crate::text;

/// The longest line: 56 characters at 8 characters an inch fill an A4 line.
pub const WIDTH: usize = 56;

/// Where the lines under a heading start.
const INDENT: &str = "   ";

/// The slip in one or more languages (a bilingual slip: Welsh first), with a dashed line
/// between them.
pub fn render_all(slips: &[Slip]) -> String {
    let parts: Vec<String> = slips.iter().map(render).collect();
    parts.join(&format!("\n{}\n\n", text::slip::BILINGUAL_DIVIDER))
}

/// The slip as text, ending with a newline.
pub fn render(slip: &Slip) -> String {
    let words = text::slip::words(slip.lang);
    let mut out = Vec::new();
    out.push(words.title.to_uppercase());
    wrap_into(
        &mut out,
        "",
        &text::slip::given_by(slip.lang, &slip.council.name, &slip.date),
    );
    if let Some(ticket) = &slip.ticket {
        out.push(String::new());
        wrap_into(&mut out, "", &text::waiting::slip_ticket(slip.lang, ticket));
    }
    for (number, partner) in slip.partners.iter().enumerate() {
        out.push(String::new());
        wrap_into(&mut out, "", &format!("{}. {}", number + 1, partner.name));
        place_lines(&mut out, slip, partner);
    }
    if !slip.services.is_empty() {
        out.push(String::new());
        out.push(words.services_heading.to_uppercase());
        for service in &slip.services {
            out.push(String::new());
            let title = match &service.provider {
                Some(provider) => format!("{} ({provider})", service.title),
                None => service.title.clone(),
            };
            wrap_into(&mut out, "", &title);
            labelled(&mut out, words.online, service.online.as_deref());
            labelled(&mut out, words.phone, service.phone.as_deref());
        }
    }
    out.push(String::new());
    out.push(words.council_heading.to_uppercase());
    wrap_into(&mut out, INDENT, &slip.council.name);
    place_lines(&mut out, slip, &slip.council);
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn place_lines(out: &mut Vec<String>, slip: &Slip, place: &Place) {
    let words = text::slip::words(slip.lang);
    labelled(out, words.help_with, place.help_with.as_deref());
    labelled(out, words.phone, place.phone.as_deref());
    labelled(out, words.address, place.address.as_deref());
    for (i, hours) in place.hours.iter().enumerate() {
        let label = if i == 0 { words.open } else { "" };
        labelled_padded(out, label, words.open, hours);
    }
    if let Some(note) = &place.hours_note {
        wrap_into(out, INDENT, note);
    }
    if !place.closed.is_empty() {
        labelled(out, words.closed_on, Some(&place.closed.join(", ")));
    }
    labelled(out, words.website, place.website.as_deref());
}

/// "   Phone: 01632 960700"; a long value goes on under the line's start, two spaces in.
fn labelled(out: &mut Vec<String>, label: &str, value: Option<&str>) {
    if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
        let room = WIDTH.saturating_sub(INDENT.width() + 2).max(20);
        for (i, line) in wrap(&format!("{label}{value}"), room)
            .into_iter()
            .enumerate()
        {
            let indent = if i == 0 { "" } else { "  " };
            out.push(format!("{INDENT}{indent}{line}"));
        }
    }
}

/// A labelled line whose continuation lines are indented as if `width_of` were the label.
fn labelled_padded(out: &mut Vec<String>, label: &str, width_of: &str, value: &str) {
    let first = format!("{INDENT}{label}");
    let rest = " ".repeat(INDENT.width() + width_of.width());
    let lines = wrap(value, WIDTH.saturating_sub(rest.width()).max(20));
    for (i, line) in lines.into_iter().enumerate() {
        if i == 0 {
            let pad = " ".repeat(rest.width().saturating_sub(first.width()));
            out.push(format!("{first}{pad}{line}"));
        } else {
            out.push(format!("{rest}{line}"));
        }
    }
}

fn wrap_into(out: &mut Vec<String>, indent: &str, text: &str) {
    let room = WIDTH.saturating_sub(indent.width()).max(20);
    out.extend(wrap(text, room).into_iter().map(|l| format!("{indent}{l}")));
}

/// Splits `text` into lines of at most `room` columns at spaces; a word longer than a line (a
/// long web address) has a line of its own, whole, so it can still be typed in.
pub fn wrap(text: &str, room: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > room {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_keeps_long_words_whole() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(
            wrap("see https://a-very-long.example.com/path now", 10),
            ["see", "https://a-very-long.example.com/path", "now"]
        );
        assert!(wrap("   ", 10).is_empty());
    }
}
