//! The detail screen: everything about one entry, and numbered links to related entries and
//! partners to signpost to.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::entry::{entry_lines, provider_tag};
use crate::desk::{App, Detail};
use crate::text;
use crate::tui::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect, detail: &Detail) {
    let catalogue = &app.catalogue;
    let local = app.now.naive_local();
    let open_now = |hours: &[crate::catalogue::OpeningTimes]| {
        (!hours.is_empty()).then(|| crate::catalogue::hours::open_now(hours, local).to_string())
    };
    let lines = entry_lines(app, detail.key, theme, true, &open_now);
    let links = catalogue.links(detail.key);

    // Links stay in view in their own panel at the bottom; the text above scrolls.
    let link_rows = u16::try_from(links.len())
        .unwrap_or(u16::MAX)
        .min(body.height / 3);
    let (text_area, links_area) = if links.is_empty() {
        (body, None)
    } else {
        let [text, links] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(link_rows + 2)]).areas(body);
        (text, Some(links))
    };
    let kind = text::screens::kind_title(app.lang, detail.key.kind);
    let block = Block::bordered().title(kind).border_style(theme.border);
    let paragraph = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((detail.scroll, 0));
    frame.render_widget(paragraph.style(theme.base), text_area);

    let Some(links_area) = links_area else {
        frame.set_cursor_position(Position::new(text_area.x + 1, text_area.y + 1));
        return;
    };
    let visible = usize::from(link_rows);
    let first = super::first_visible(detail.link, visible);
    let rows: Vec<Line> = links
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .filter_map(|(i, link)| catalogue.entry(link.key).map(|entry| (i, link, entry)))
        .map(|(i, link, entry)| {
            let number = if i < 9 {
                format!("[{}]", i + 1)
            } else {
                "   ".to_string()
            };
            let style = if i == detail.link {
                theme.selected
            } else {
                theme.base
            };
            let mut spans = vec![
                Span::styled(format!("{number} "), theme.key),
                Span::styled(
                    format!("{}: ", text::screens::relation(app.lang, link.relation)),
                    theme.muted,
                ),
                Span::styled(entry.title(), style),
            ];
            if let Some(tag) = provider_tag(app, entry) {
                spans.push(Span::styled(format!(" {tag}"), theme.not_us));
            }
            Line::from(spans)
        })
        .collect();
    let block = Block::bordered()
        .title(text::screens::labels(app.lang).links_title)
        .border_style(theme.border);
    frame.render_widget(
        Paragraph::new(rows).block(block).style(theme.base),
        links_area,
    );
    // The cursor sits on the selected link, for screen readers and magnifiers.
    let row = u16::try_from(detail.link - first).unwrap_or(0);
    frame.set_cursor_position(Position::new(links_area.x + 1, links_area.y + 1 + row));
}
