//! The search screen: the query box, the ranked results and a preview of the selected entry.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

use super::entry::{entry_lines, provider_tag};
use super::fit::{cut, width};
use crate::catalogue::{Entry, Kind};
use crate::desk::{App, text_field};
use crate::text;
use crate::tui::theme::Theme;

/// Wide terminals show the preview beside the list; narrow ones below it. Beside it, the list
/// keeps at least the width it has below it on an 80-column terminal.
const SIDE_BY_SIDE_WIDTH: u16 = 120;
const NARROWEST_LIST: u16 = 80;
/// The preview's width beside the list: two fifths of the screen, within these bounds.
const PREVIEW_WIDTH: (u16, u16) = (40, 70);
/// The highlight symbol before the selected result ("> "); every row leaves room for it.
const HIGHLIGHT: &str = "> ";
/// The fewest columns a title keeps before the kind word ("Service") gives way.
const SHORTEST_TITLE: usize = 12;
/// The fewest columns worth showing of a summary (" – " and a few letters).
const SHORTEST_SUMMARY: usize = 8;

fn areas(body: Rect) -> (Rect, Rect, Rect) {
    let [query, rest] = Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(body);
    let [list, preview] = if body.width >= SIDE_BY_SIDE_WIDTH {
        let preview = (body.width / 5 * 2)
            .clamp(PREVIEW_WIDTH.0, PREVIEW_WIDTH.1)
            .min(body.width.saturating_sub(NARROWEST_LIST));
        Layout::horizontal([Constraint::Min(0), Constraint::Length(preview)]).areas(rest)
    } else {
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(rest)
    };
    (query, list, preview)
}

/// Where the result rows are drawn, inside the list's border: mouse clicks are mapped with it.
pub fn results_area(body: Rect) -> Rect {
    let (_, list, _) = areas(body);
    Block::bordered().inner(list)
}

/// The first row shown, so that the selected row is always on screen.
pub fn first_visible(selected: usize, rows: usize) -> usize {
    if rows == 0 || selected < rows {
        0
    } else {
        selected + 1 - rows
    }
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect) {
    let (query_area, list_area, preview_area) = areas(body);
    let catalogue = &app.catalogue;
    let labels = text::screens::labels(app.lang);

    let (query, cursor) = (app.search.query.as_str(), app.search.cursor);
    let hint = if query.is_empty() {
        labels.search_hint
    } else {
        ""
    };
    // A query come back to is selected, as a browser's address bar selects it: typing
    // replaces it. It is shown selected, as a selected row is.
    let query_span = if app.search.all_selected {
        Span::styled(query, theme.selected)
    } else {
        Span::raw(query)
    };
    let query_line = Line::from(vec![query_span, Span::styled(hint, theme.muted)]);
    let query_block = Block::bordered()
        .title(labels.search_title)
        .border_style(theme.focus_border);
    let query_inner = query_block.inner(query_area);
    // A query longer than the box scrolls sideways so the cursor stays in sight.
    let scroll = text_field::scroll(query, cursor, usize::from(query_inner.width));
    frame.render_widget(
        Paragraph::new(query_line)
            .block(query_block)
            .scroll((0, u16::try_from(scroll).unwrap_or(u16::MAX)))
            .style(theme.base),
        query_area,
    );

    let count = app.search.results.len();
    let browsing = app.search.query.trim().is_empty();
    let title = text::screens::results_title(app.lang, browsing, count, app.search.pending);
    let list_block = Block::bordered().title(title).border_style(theme.border);
    let inner = list_block.inner(list_area);
    let rows = usize::from(inner.height);
    let room = usize::from(inner.width).saturating_sub(width(HIGHLIGHT));
    let first = first_visible(app.search.selected, rows);
    let items: Vec<ListItem> = app
        .search
        .results
        .iter()
        .skip(first)
        .take(rows)
        .filter_map(|key| catalogue.entry(*key).map(|entry| (key, entry)))
        .map(|(key, entry)| ListItem::new(result_line(app, theme, key.kind, entry, room)))
        .collect();
    let mut state = ListState::default()
        .with_selected(Some(app.search.selected - first.min(app.search.selected)));
    let list = List::new(items)
        .block(list_block)
        .highlight_style(theme.selected)
        .highlight_symbol(HIGHLIGHT);
    frame.render_stateful_widget(list, list_area, &mut state);

    let preview = match app.selected_entry() {
        Some(key) => entry_lines(app, key, theme, false),
        None => vec![Line::from(labels.nothing_selected)],
    };
    let preview_block = Block::bordered()
        .title(labels.preview_title)
        .border_style(theme.border);
    frame.render_widget(
        Paragraph::new(preview)
            .block(preview_block)
            .wrap(Wrap { trim: false })
            .style(theme.base),
        preview_area,
    );

    // The terminal cursor sits where the next character goes, counting wide characters as two.
    let column = text_field::cursor_column(query, cursor).saturating_sub(scroll);
    let x = query_inner
        .x
        .saturating_add(u16::try_from(column).unwrap_or(u16::MAX))
        .min(query_inner.right().saturating_sub(1));
    frame.set_cursor_position(Position::new(x, query_area.y + 1));
}

/// One result in `room` columns. Its tags ("! URGENT", "[county]") are never cut: the summary
/// gives way first, then the title is cut with an ellipsis, then the kind word goes.
fn result_line<'a>(
    app: &'a App,
    theme: &Theme,
    kind: Kind,
    entry: Entry<'a>,
    room: usize,
) -> Line<'a> {
    let labels = text::screens::labels(app.lang);
    let kind_word = format!("{} ", text::screens::kind_tag(app.lang, kind));
    let urgent = entry.urgent().then_some(labels.urgent);
    let provider = provider_tag(app, entry).map(|tag| format!(" {tag}"));
    let tags = urgent.map_or(0, width) + provider.as_deref().map_or(0, width);
    let title = entry.title();
    // A partner with hours says whether it is open ("open, closes 5pm") where there is room.
    let open = match entry {
        Entry::Partner(p) => super::entry::open_now(app, p)
            .map(|o| format!(" ({})", text::hours::open_now_short(app.lang, &o))),
        _ => None,
    }
    .filter(|o| room >= tags + width(o) + width(title).min(SHORTEST_TITLE));
    let tags = tags + open.as_deref().map_or(0, width);
    // A script is walked, not read: its kind word always stays, so Enter's meaning is on screen.
    let show_kind =
        kind == Kind::Script || room >= width(&kind_word) + tags + width(title).min(SHORTEST_TITLE);
    let fixed = tags + if show_kind { width(&kind_word) } else { 0 };
    let title_room = room.saturating_sub(fixed);

    let mut spans = Vec::new();
    if show_kind {
        spans.push(Span::styled(kind_word, theme.muted));
    }
    if let Some(urgent) = urgent {
        spans.push(Span::styled(urgent, theme.urgent));
    }
    spans.push(Span::raw(cut(title, title_room)));
    if let Some(provider) = provider {
        spans.push(Span::styled(provider, theme.not_us));
    }
    if let Some(open) = open {
        spans.push(Span::styled(open, theme.heading));
    }
    let summary_room = title_room.saturating_sub(width(title));
    if summary_room >= SHORTEST_SUMMARY {
        let summary = format!(" – {}", entry.summary());
        spans.push(Span::styled(cut(&summary, summary_room), theme.muted));
    }
    Line::from(spans)
}
