//! The script screen: the path so far, an urgent node first and plainly, the receptionist's
//! instructions apart from the words for the resident, numbered options, and at an end what to
//! log and tell. The text scrolls like the detail screen's when it is long.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::fit::scroll_signs;
use crate::catalogue::{Catalogue, ScriptEnd};
use crate::desk::view::{Emphasis, Value, ViewLine, script_end_view, script_step_view};
use crate::desk::{App, Command, ScriptView, TextView};
use crate::script::ScriptWalk;
use crate::text;
use crate::tui::theme::Theme;

/// The mark before every line for the resident: a bar and a label, never colour alone.
const RESIDENT_BAR: &str = "▌ ";

/// Draws the script; returns how much of the text fitted.
pub fn render(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    body: Rect,
    view: &ScriptView,
) -> TextView {
    let labels = text::script::labels(app.lang);
    let (title, lines) = match view.walk(&app.catalogue) {
        Some(walk) => (
            format!(" {} ", walk.script().title),
            walk_lines(app, theme, &walk),
        ),
        None => (
            String::new(),
            vec![Line::from(Span::styled(labels.missing, theme.warning))],
        ),
    };
    let block = Block::bordered().title(title).border_style(theme.border);
    let inner = block.inner(body);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let view_shown = TextView {
        rows: inner.height,
        length: u16::try_from(paragraph.line_count(inner.width)).unwrap_or(u16::MAX),
    };
    let mut scroll = view.scroll;
    scroll.shown(view_shown);
    let paragraph = paragraph
        .block(scroll_signs(block, &scroll, app, theme))
        .scroll((scroll.offset, 0));
    frame.render_widget(paragraph.style(theme.base), body);
    frame.set_cursor_position(Position::new(inner.x, inner.y));
    view_shown
}

fn walk_lines<'a>(app: &'a App, theme: &Theme, walk: &ScriptWalk<'a>) -> Vec<Line<'a>> {
    let labels = text::script::labels(app.lang);
    let step = script_step_view(walk, app.lang);
    let mut lines = Vec::new();
    if !step.path.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(labels.path, theme.muted),
            Span::raw(step.path.join(" › ")),
        ]));
        lines.push(Line::from(""));
    }
    if let Some(urgent) = step.urgent {
        lines.push(Line::from(Span::styled(
            format!("!! {} !!", labels.urgent),
            theme
                .urgent
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )));
        lines.push(Line::from(Span::styled(urgent.now, theme.urgent)));
        if !urgent.calls.is_empty() {
            lines.push(Line::from(labels.call));
            for (i, call) in urgent.calls.iter().enumerate() {
                lines.push(Line::from(format!("  {}. {call}", i + 1)));
            }
        }
        if step.waiting {
            let key = app.keys.key(Command::Acknowledge);
            lines.push(Line::from(Span::styled(
                text::script::acknowledge(app.lang, &key),
                theme.heading,
            )));
            // Nothing else until it is acknowledged: it cannot be missed.
            return lines;
        }
        lines.push(Line::from(""));
    }
    lines.extend(
        step.lines
            .into_iter()
            .flat_map(|line| view_line(theme, line)),
    );
    if !step.options.is_empty() {
        lines.push(Line::from(""));
    }
    for (key, label) in step.options {
        lines.push(Line::from(vec![
            Span::styled(format!("[{key}] "), theme.key),
            Span::raw(label),
        ]));
    }
    if let Some(end) = walk.end() {
        end_lines(app, theme, &app.catalogue, end, &mut lines);
    }
    lines
}

/// The style of words for the resident: bold and italic, after a bar and a label.
fn resident_style(theme: &Theme) -> Style {
    theme
        .heading
        .add_modifier(Modifier::BOLD | Modifier::ITALIC)
}

/// A line of a view: a muted label and its value; words for the resident after a bar; a list
/// one item a line under its label.
fn view_line<'a>(theme: &Theme, line: ViewLine) -> Vec<Line<'a>> {
    match line.value {
        Value::Text(value) => vec![match line.emphasis {
            Emphasis::Resident => Line::from(vec![
                Span::styled(RESIDENT_BAR, resident_style(theme)),
                Span::styled(line.label, theme.muted),
                Span::styled(value, resident_style(theme)),
            ]),
            _ if line.label.is_empty() => Line::from(value),
            _ => Line::from(vec![
                Span::styled(line.label, theme.muted),
                Span::raw(value),
            ]),
        }],
        Value::Bullets(items) | Value::Lines(items) | Value::Steps(items) => {
            let mut lines = vec![Line::from(Span::styled(line.label, theme.muted))];
            lines.extend(
                items
                    .into_iter()
                    .map(|item| Line::from(format!("  - {item}"))),
            );
            lines
        }
    }
}

fn end_lines<'a>(
    app: &App,
    theme: &Theme,
    catalogue: &'a Catalogue,
    end: &'a ScriptEnd,
    lines: &mut Vec<Line<'a>>,
) {
    let labels = text::script::labels(app.lang);
    if lines.last().is_some_and(|line| line.width() > 0) {
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled(
        format!("== {} ==", labels.end),
        theme.title,
    )));
    lines.extend(
        script_end_view(catalogue, end, app.lang, &app.keys)
            .into_iter()
            .flat_map(|line| view_line(theme, line)),
    );
    lines.push(Line::from(Span::styled(
        text::script::log_from_end(app.lang, &app.log_key()),
        theme.heading,
    )));
}
