//! Today's visits at this desk; the last one can be undone or edited for 10 minutes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};

use crate::tui::app::{App, UNDO_WINDOW};
use crate::tui::keymap::{Command, Mode};
use crate::tui::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect) {
    let count = app.today.len();
    let title = format!(
        " Today at {}: {count} visit{} ",
        app.desk,
        if count == 1 { "" } else { "s" }
    );
    let block = Block::bordered().title(title).border_style(theme.border);
    if app.today.is_empty() {
        let text = vec![
            Line::from("No visits logged at this desk today yet."),
            Line::from(""),
            Line::from(format!(
                "Press Esc to go back, find what the resident needs, and press {} to log it.",
                app.log_key()
            )),
        ];
        frame.render_widget(Paragraph::new(text).block(block).style(theme.base), body);
        return;
    }
    let offset = app.now.offset();
    let rows: Vec<Row> = app
        .today
        .iter()
        .map(|visit| {
            let time = visit
                .started_at
                .with_timezone(offset)
                .format("%H:%M")
                .to_string();
            let minutes = (visit.ended_at - visit.started_at).num_minutes().max(0);
            // A service whose outcome differs from the visit's says its own.
            let services: Vec<String> = visit
                .services
                .iter()
                .map(|s| {
                    let title = app.catalogue.service_title(&s.service);
                    if s.outcome == visit.outcome {
                        title.to_string()
                    } else {
                        format!("{title} ({})", s.outcome.label())
                    }
                })
                .collect();
            Row::new(vec![
                Cell::from(time),
                Cell::from(format!("{minutes} min")),
                Cell::from(visit.outcome.label()),
                Cell::from(services.join(", ")),
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(5),
        Constraint::Length(7),
        Constraint::Length(16),
        Constraint::Min(10),
    ];
    let header = Row::new(vec!["Time", "Length", "Outcome", "Services"]).style(theme.heading);
    // The last visit saved: ids are time-ordered and given at saving.
    let last_changeable = app
        .today
        .iter()
        .max_by_key(|v| v.id)
        .is_some_and(|v| app.utc_now() - v.ended_at <= UNDO_WINDOW);
    let minutes = UNDO_WINDOW.num_minutes();
    let key = |command| {
        let key = app.keymap.key_for(Mode::Today, command);
        key.map_or_else(|| "?".to_string(), |k| k.to_string())
    };
    let footer = if last_changeable {
        format!(
            "The last visit can be undone ({}) or edited ({}) for {minutes} minutes.",
            key(Command::Undo),
            key(Command::Edit)
        )
    } else {
        format!("Visits can be changed for {minutes} minutes after they are saved.")
    };
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
