//! Today's appointments and the waiting list: on the left the bookings found by the time or
//! reference typed (the cursor sits in the find box), on the right the ticket given here in
//! large letters, the resident called here, and who is waiting, longest first.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};

use super::fit::cut_at_word;
use crate::desk::view::WaitingScreen;
use crate::desk::{App, WaitingView};
use crate::text;
use crate::tui::theme::Theme;
use crate::tui::waiting_room::big;

/// The width of the right-hand column: the ticket and the waiting list.
const RIGHT: u16 = 27;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect, view: &WaitingView) {
    let screen = app.waiting_screen(view);
    let [left, right] =
        Layout::horizontal([Constraint::Min(40), Constraint::Length(RIGHT)]).areas(body);
    bookings(app, theme, frame, left, view, &screen);
    tickets(app, theme, frame, right, &screen);
}

fn bookings(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    view: &WaitingView,
    screen: &WaitingScreen,
) {
    let labels = text::waiting::labels(app.lang);
    let block = Block::bordered()
        .title(format!(" {} ", labels.bookings))
        .border_style(theme.focus_border);
    let inner = block.inner(area);
    frame.render_widget(block.style(theme.base), area);
    let [find, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
    let typed = if screen.find.is_empty() {
        let room = usize::from(find.width).saturating_sub(super::fit::width(labels.find));
        Span::styled(cut_at_word(labels.find_hint, room), theme.muted)
    } else {
        Span::raw(screen.find.clone())
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(labels.find, theme.heading),
            typed,
        ]))
        .style(theme.base),
        find,
    );
    // The real cursor sits in the find box, where the typing goes.
    let before: usize = view
        .find
        .chars()
        .take(view.cursor)
        .map(|c| super::fit::width(&c.to_string()))
        .sum();
    let x = find.x + super::fit::width(labels.find) as u16 + before as u16;
    frame.set_cursor_position(Position::new(x.min(find.right().saturating_sub(1)), find.y));
    if let Some(sentence) = &screen.no_bookings {
        frame.render_widget(Paragraph::new(sentence.as_str()).style(theme.base), list);
        return;
    }
    let columns = text::appointments::columns(app.lang);
    // What is left after the time, the reference, the state and the gaps: the service and place.
    let rest = usize::from(list.width).saturating_sub(2 + 5 + 9 + 12 + 3);
    let rows: Vec<Row> = screen
        .bookings
        .iter()
        .map(|row| {
            let state = match &row.ticket {
                Some(ticket) => format!("{} {ticket}", row.state),
                None => row.state.to_string(),
            };
            let what = format!("{} · {}", row.service, row.place);
            Row::new(vec![
                Cell::from(row.time.clone()),
                Cell::from(row.reference.clone()),
                Cell::from(cut_at_word(&state, 12)),
                Cell::from(cut_at_word(&what, rest)),
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(5),
        Constraint::Length(9),
        Constraint::Length(12),
        Constraint::Min(8),
    ];
    let header = Row::new(vec![
        columns.time,
        columns.reference,
        columns.state,
        columns.service,
    ])
    .style(theme.heading);
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(theme.selected)
        .highlight_symbol("> ")
        .style(theme.base);
    let mut state = TableState::default().with_selected(Some(screen.selected));
    frame.render_stateful_widget(table, list, &mut state);
}

fn tickets(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, screen: &WaitingScreen) {
    let lang = app.lang;
    let labels = text::waiting::labels(lang);
    let given_rows = if screen.given.is_some() { 7 } else { 0 };
    let [given, list] =
        Layout::vertical([Constraint::Length(given_rows), Constraint::Min(3)]).areas(area);
    if let Some(ticket) = &screen.given {
        let block = Block::bordered()
            .title(format!(" {} ", labels.ticket))
            .border_style(theme.border);
        let width = block.inner(given).width;
        let lines: Vec<Line> = big(ticket, width)
            .into_iter()
            .map(|l| Line::styled(l, theme.heading))
            .collect();
        frame.render_widget(
            Paragraph::new(lines)
                .alignment(Alignment::Center)
                .block(block)
                .style(theme.base),
            given,
        );
    }
    let title = format!(" {} ({}) ", labels.waiting, screen.waiting.len());
    let block = Block::bordered()
        .title(title)
        .title_bottom(Line::from(format!(" {} ", screen.call_for)))
        .border_style(theme.border);
    let room = usize::from(block.inner(list).width);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(called) = &screen.called {
        let seen = format!(
            "{}: {} {}",
            labels.called,
            called.ticket,
            cut_at_word(
                &called.service,
                room.saturating_sub(labels.called.len() + 8)
            )
        );
        lines.push(Line::styled(seen, theme.info));
    }
    if screen.waiting.is_empty() {
        lines.push(Line::from(labels.nobody_waiting));
    }
    for row in &screen.waiting {
        let waited = text::waiting::waited(lang, row.minutes);
        let service_room = room.saturating_sub(row.ticket.len() + waited.len() + 2);
        let service = cut_at_word(&row.service, service_room);
        let gap =
            room.saturating_sub(row.ticket.len() + 1 + service.chars().count() + waited.len());
        lines.push(Line::from(vec![
            Span::styled(row.ticket.clone(), theme.heading),
            Span::raw(format!(" {service}{}", " ".repeat(gap))),
            Span::raw(waited),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).block(block).style(theme.base), list);
}
