//! The booking screen: the desk's [`BookingScreenView`] drawn as lines. The numbered choices
//! (slots, nine at a time, or needs) with the selected slot highlighted and marked, the
//! labelled lines of the slot chosen or the booking made, and the prompt open (a reference to
//! cancel, the interpreter's language) with what it takes.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::entry::draw_line;
use crate::desk::{App, BookingView, Command};
use crate::tui::theme::Theme;

/// Draws the booking screen; the terminal cursor sits on the selected slot, or at the end of
/// the reference being typed.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect, view: &BookingView) {
    let screen = app.booking_screen_view(view);
    let mut lines: Vec<Line> = vec![Line::from(Span::styled(screen.heading, theme.heading))];
    if let Some(note) = &screen.note {
        lines.push(Line::from(note.clone()));
    }
    if let Some(page) = &screen.page {
        lines.push(Line::from(page.clone()));
    }
    for l in &screen.lines {
        draw_line(&mut lines, l, theme);
    }
    if !screen.lines.is_empty() && !screen.choices.is_empty() {
        lines.push(Line::from(""));
    }
    let first_choice = lines.len();
    for (i, choice) in screen.choices.iter().enumerate() {
        let selected = screen.selected == Some(i);
        let style = if selected { theme.selected } else { theme.base };
        let mark = if selected { ">" } else { " " };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark}{} ", i + 1), theme.key),
            Span::styled(choice.clone(), style),
        ]));
    }
    let mut cursor_row = first_choice + screen.selected.unwrap_or(0);
    let mut cursor_col = 1u16;
    if let Some(prompt) = &screen.prompt {
        lines.push(Line::from(""));
        cursor_row = lines.len();
        cursor_col = 1 + u16::try_from(prompt.label.chars().count() + prompt.cursor).unwrap_or(0);
        lines.push(Line::from(vec![
            Span::styled(prompt.label, theme.heading),
            Span::raw(prompt.typed.clone()),
        ]));
        if let Some(help) = &prompt.help {
            lines.push(Line::from(help.clone()));
        }
    }
    let mut block = Block::bordered()
        .title(Line::from(Span::styled(screen.title.clone(), theme.title)))
        .border_style(theme.focus_border);
    if matches!(view.stage, crate::desk::BookingStage::Booked(_)) {
        let print = app.keys.key(Command::PrintSlip);
        let save = app.keys.key(Command::SaveSlip);
        let offer = crate::text::booking::slip_offer(app.lang, &print, &save);
        block = block.title_bottom(Line::from(Span::styled(offer, theme.heading)).left_aligned());
    }
    let inner = block.inner(body);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .style(theme.base),
        body,
    );
    let row = u16::try_from(cursor_row)
        .unwrap_or(0)
        .min(inner.height.saturating_sub(1));
    frame.set_cursor_position(Position::new(
        inner.x + cursor_col.min(inner.width.saturating_sub(1)),
        inner.y + row,
    ));
}
