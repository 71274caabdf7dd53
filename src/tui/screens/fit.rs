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
}
