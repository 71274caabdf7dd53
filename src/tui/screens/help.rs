//! The help overlay: every key of the current screen, generated from the keymap the app uses.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::fit::scroll_signs;
use crate::desk::{App, TextView};
use crate::text;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

/// Draws help over `body`; returns how much of it fitted.
pub fn render(
    app: &App,
    keymap: &Keymap,
    theme: &Theme,
    frame: &mut Frame,
    body: Rect,
) -> TextView {
    // Help describes the screen underneath it, not itself.
    let mode = app.screen_mode();
    let labels = text::screens::labels(app.lang);
    let mut lines = vec![
        Line::from(Span::styled(
            text::screens::help_heading(app.lang, mode.title(app.lang)),
            theme.heading,
        )),
        Line::from(""),
    ];
    // Wide screens also show each command's name, as the config file's [keys] table uses it.
    let names = body.width >= 100;
    // A binding left without keys here (a plain character, where text is typed) is not shown,
    // nor one the desk is not set up for.
    let shown = keymap
        .bindings(mode)
        .iter()
        .filter(|b| !b.keys.is_empty() && app.set_up_for(b.command));
    let screen = format!("{mode:?}");
    for binding in shown {
        let description = text::keys::description(
            app.lang,
            &screen,
            &binding.command.name(),
            binding.description,
        );
        let keys: Vec<String> = binding.keys.iter().map(ToString::to_string).collect();
        let mut spans = vec![Span::styled(format!("{:<22}", keys.join(", ")), theme.key)];
        if names {
            // A description as wide as its column still keeps a space before the name.
            let gap = if description.chars().count() >= 58 {
                " "
            } else {
                ""
            };
            spans.push(Span::raw(format!("{description:<58}{gap}")));
            spans.push(Span::styled(binding.command.name(), theme.muted));
        } else {
            spans.push(Span::raw(description));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(labels.help_rebind, theme.muted)));
    let area = Rect {
        x: body.x + 2.min(body.width / 10),
        y: body.y,
        width: body.width.saturating_sub(2 * 2.min(body.width / 10)),
        height: body.height,
    };
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(labels.help_title)
        .border_style(theme.focus_border);
    let inner = block.inner(area);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let view = TextView {
        rows: inner.height,
        length: u16::try_from(paragraph.line_count(inner.width)).unwrap_or(u16::MAX),
    };
    let mut scroll = app.help_scroll;
    scroll.shown(view);
    let paragraph = paragraph
        .block(scroll_signs(block, &scroll, app, theme))
        .scroll((scroll.offset, 0));
    frame.render_widget(paragraph.style(theme.base), area);
    frame.set_cursor_position(Position::new(area.x + 1, area.y + 1));
    view
}
