//! Today's visits at this desk; the selected one can be undone or edited for 10 minutes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};

use super::fit::cut_at_word;
use crate::desk::App;
use crate::tui::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect) {
    let view = app.today_view();
    let block = Block::bordered()
        .title(view.title.as_str())
        .border_style(theme.border);
    if let Some((empty, help)) = &view.empty {
        let text = vec![
            Line::from(*empty),
            Line::from(""),
            Line::from(help.as_str()),
        ];
        frame.render_widget(Paragraph::new(text).block(block).style(theme.base), body);
        return;
    }
    // The services take what the other columns, the borders, the selection mark and the
    // gaps leave; a text too long is cut at a word, with "…" to say so.
    let services_width = usize::from(body.width).saturating_sub(2 + 2 + 5 + 7 + 16 + 3);
    let rows: Vec<Row> = view
        .rows
        .iter()
        .map(|row| {
            Row::new(vec![
                Cell::from(row.time.as_str()),
                Cell::from(row.length.as_str()),
                Cell::from(cut_at_word(row.outcome, 16)),
                Cell::from(cut_at_word(&row.services, services_width)),
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(5),
        Constraint::Length(7),
        Constraint::Length(16),
        Constraint::Min(10),
    ];
    let header = Row::new(view.headings.to_vec()).style(theme.heading);
    // The keys act on the selected visit.
    let footer = view.footer.unwrap_or_default();
    let table = Table::new(rows, widths)
        .header(header)
        .block(block.title_bottom(Line::from(format!(" {footer} "))))
        .row_highlight_style(theme.selected)
        .highlight_symbol("> ")
        .style(theme.base);
    let mut state = TableState::default().with_selected(Some(app.today_selected));
    frame.render_stateful_widget(table, body, &mut state);
    let row = u16::try_from(app.today_selected.saturating_sub(state.offset())).unwrap_or(0);
    let y = (body.y + 2 + row).min(body.bottom().saturating_sub(2));
    frame.set_cursor_position(Position::new(body.x + 1, y));
}
