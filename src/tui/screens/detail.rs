//! The detail screen: everything about one entry, and numbered links to related entries and
//! partners to signpost to.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::entry::view_lines;
use super::fit::scroll_signs;
use crate::desk::{App, Command, Detail, TextView};
use crate::text;
use crate::tui::theme::Theme;

/// Draws the details; returns how much of the text fitted.
pub fn render(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    body: Rect,
    detail: &Detail,
) -> TextView {
    let entry_view = app.entry_view(detail.key);
    let lines = entry_view
        .as_ref()
        .map(|view| view_lines(view, app, theme, true))
        .unwrap_or_default();
    let links = entry_view.as_ref().map_or(&[][..], |view| &view.links[..]);

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
    let mut block = Block::bordered().title(kind).border_style(theme.border);
    // A guided script that ends with this service is offered in the top border, with its key.
    if let Some(script) = app.offered_script() {
        let key = app.keys.key(Command::OpenScript);
        let offer = text::script::script_found(app.lang, &script.title, &key);
        let room = usize::from(
            text_area
                .width
                .saturating_sub(4 + kind.chars().count() as u16),
        );
        block = block.title(Line::from(Span::styled(
            format!(" {} ", super::fit::cut(&offer, room.saturating_sub(2))),
            theme.heading,
        )));
    }
    // A partner or a service with partners can be put on a slip: its key, in the bottom border.
    if matches!(
        app.catalogue.entry(detail.key),
        Some(crate::catalogue::Entry::Partner(_) | crate::catalogue::Entry::Service(_))
    ) {
        let offer = text::screens::slip_offer(app.lang, &app.keys.key(Command::Slip));
        block = block.title_bottom(Line::from(Span::styled(offer, theme.heading)).left_aligned());
    }
    let inner = block.inner(text_area);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let view = TextView {
        rows: inner.height,
        length: u16::try_from(paragraph.line_count(inner.width)).unwrap_or(u16::MAX),
    };
    // Drawn as the desk will hold it once it knows this view: never past the end.
    let mut scroll = detail.scroll;
    scroll.shown(view);
    let paragraph = paragraph
        .block(scroll_signs(block, &scroll, app, theme))
        .scroll((scroll.offset, 0));
    frame.render_widget(paragraph.style(theme.base), text_area);

    let Some(links_area) = links_area else {
        frame.set_cursor_position(Position::new(text_area.x + 1, text_area.y + 1));
        return view;
    };
    let visible = usize::from(link_rows);
    let first = super::first_visible(detail.link, visible);
    let rows: Vec<Line> = links
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, link)| {
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
                Span::styled(format!("{}: ", link.relation), theme.muted),
                Span::styled(link.title.clone(), style),
            ];
            if let Some(tag) = link.tag {
                spans.push(Span::styled(format!(" {tag}"), theme.not_us));
            }
            Line::from(spans)
        })
        .collect();
    let mut block = Block::bordered()
        .title(text::screens::labels(app.lang).links_title)
        .border_style(theme.border);
    // Links beyond the panel are reached with Tab: say so, as the text does.
    if first + visible < links.len() {
        let key = app.keys.key(Command::NextLink);
        let sign = text::screens::more_below(app.lang, &key);
        block = block.title_bottom(Line::from(Span::styled(sign, theme.heading)).right_aligned());
    }
    frame.render_widget(
        Paragraph::new(rows).block(block).style(theme.base),
        links_area,
    );
    // The cursor sits on the selected link, for screen readers and magnifiers.
    let row = u16::try_from(detail.link - first).unwrap_or(0);
    frame.set_cursor_position(Position::new(links_area.x + 1, links_area.y + 1 + row));
    view
}
