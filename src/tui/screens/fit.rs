//! Fitting text into a width: cutting with an ellipsis, and the "more" signs of a scrolling text.

use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

use crate::desk::{App, Command, Scroll};
use crate::text;
use crate::tui::theme::Theme;

/// Terminal columns a text takes.
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` cut to at most `max` columns, ending in "…" where it was cut.
pub use crate::printable::cut;

/// `text` cut to at most `max` columns at the end of a word, ending in "…" where it was cut;
/// a first word longer than the width is cut inside it.
pub fn cut_at_word(text: &str, max: usize) -> String {
    let shown = cut(text, max);
    let Some(kept) = shown.strip_suffix('…') else {
        return shown;
    };
    // The cut fell inside a word unless the text went on with a space or punctuation there.
    let rest = &text[kept.len()..];
    let inside_word = rest.chars().next().is_some_and(char::is_alphanumeric)
        && kept.chars().last().is_some_and(char::is_alphanumeric);
    let kept = match kept.rfind(|c: char| !c.is_alphanumeric()) {
        Some(at) if inside_word && at > 0 => &kept[..at],
        _ => kept,
    };
    let kept = kept
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '('));
    format!("{kept}…")
}

/// Puts "↑ more (PgUp)" in the top border and "↓ more (PgDn)" in the bottom border of a
/// scrolling text's block while lines are hidden there: a sign in words, not colour alone.
pub fn scroll_signs<'a>(block: Block<'a>, scroll: &Scroll, app: &App, theme: &Theme) -> Block<'a> {
    let mut block = block;
    if scroll.more_above() {
        let sign = text::screens::more_above(app.lang, &app.keys.key(Command::PageUp));
        block = block.title_top(Line::from(Span::styled(sign, theme.heading)).right_aligned());
    }
    if scroll.more_below() {
        let sign = text::screens::more_below(app.lang, &app.keys.key(Command::PageDown));
        block = block.title_bottom(Line::from(Span::styled(sign, theme.heading)).right_aligned());
    }
    block
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_with_an_ellipsis_to_its_width() {
        assert_eq!(cut("Exampleton Civic Centre", 12), "Exampleton…");
        assert_eq!(cut("Exampleton", 10), "Exampleton");
        assert_eq!(cut("日本語です", 5), "日本…");
        assert_eq!(cut("abc", 1), "…");
        assert_eq!(cut("abc", 0), "");
    }

    #[test]
    fn a_list_is_cut_at_the_end_of_a_word() {
        assert_eq!(
            cut_at_word("Bulky waste collection, Council tax", 20),
            "Bulky waste…"
        );
        assert_eq!(
            cut_at_word("Bulky waste collection", 30),
            "Bulky waste collection"
        );
        assert_eq!(cut_at_word("Bulky waste, Council tax", 13), "Bulky waste…");
        assert_eq!(cut_at_word("Supercalifragilistic", 8), "Superca…");
    }
}
