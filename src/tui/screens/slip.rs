//! The slip's preview: the text that will be printed, as the resident will read it, with the
//! keys to print it or save it to a file in its border.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::fit::scroll_signs;
use crate::desk::{App, Command, SlipView, TextView};
use crate::text;
use crate::tui::theme::Theme;

/// Draws the preview; returns how much of the text fitted.
pub fn render(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    body: Rect,
    view: &SlipView,
) -> TextView {
    let page = app.slip_text(view).unwrap_or_default();
    let lines: Vec<Line> = page.lines().map(|l| Line::from(l.to_string())).collect();
    let print = app.keys.key(Command::PrintSlip);
    let save = app.keys.key(Command::SaveSlip);
    let title = text::screens::slip_title(app.lang, &print, &save);
    let block = Block::bordered()
        .title(Line::from(Span::styled(title, theme.heading)))
        .border_style(theme.focus_border);
    let inner = block.inner(body);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let shown = TextView {
        rows: inner.height,
        length: u16::try_from(paragraph.line_count(inner.width)).unwrap_or(u16::MAX),
    };
    let mut scroll = view.scroll;
    scroll.shown(shown);
    let paragraph = paragraph
        .block(scroll_signs(block, &scroll, app, theme))
        .scroll((scroll.offset, 0));
    frame.render_widget(paragraph.style(theme.base), body);
    frame.set_cursor_position(Position::new(inner.x, inner.y));
    shown
}
