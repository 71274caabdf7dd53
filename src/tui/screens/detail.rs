//! The detail screen: everything about one entry, and numbered links to related entries and
//! partners to signpost to.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::entry::{entry_lines, provider_tag};
use crate::tui::app::{App, Detail};
use crate::tui::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect, detail: &Detail) {
    let catalogue = &app.catalogue;
    let local = app.now.naive_local();
    let open_now = |hours: &[crate::catalogue::OpeningTimes]| {
        (!hours.is_empty()).then(|| crate::catalogue::hours::open_now(hours, local).to_string())
    };
    let mut lines = entry_lines(catalogue, detail.key, theme, true, &open_now);
    let links = app.links(detail.key);
    let mut link_rows = Vec::new();
    if !links.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            "Links (press the number)",
            theme.heading,
        )));
        for (i, link) in links.iter().enumerate() {
            let Some(entry) = catalogue.entry(link.key) else {
                continue;
            };
            let number = if i < 9 {
                format!("{}", i + 1)
            } else {
                " ".to_string()
            };
            let marker = if i == detail.link { "> " } else { "  " };
            let style = if i == detail.link {
                theme.selected
            } else {
                theme.base
            };
            let mut spans = vec![
                Span::styled(format!("{marker}[{number}] "), theme.key),
                Span::styled(format!("{}: ", link.relation), theme.muted),
                Span::styled(entry.title(), style),
            ];
            if let Some(tag) = provider_tag(catalogue, entry) {
                spans.push(Span::styled(format!(" {tag}"), theme.not_us));
            }
            link_rows.push(lines.len());
            lines.push(Line::from(spans));
        }
    }
    let block = Block::bordered()
        .title(format!(" {} ", detail.key.kind.label()))
        .border_style(theme.border);
    let inner = block.inner(body);
    let paragraph = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((detail.scroll, 0));
    frame.render_widget(paragraph.style(theme.base), body);

    // The cursor follows the selected link when it is on screen (wrapping aside), else the top.
    let row = link_rows
        .get(detail.link)
        .and_then(|r| u16::try_from(*r).ok())
        .and_then(|r| r.checked_sub(detail.scroll))
        .filter(|r| *r < inner.height)
        .unwrap_or(0);
    frame.set_cursor_position(Position::new(inner.x, inner.y + row));
}
