//! The text of an entry, shared by the search preview and the detail screen: the desk's
//! [`EntryView`] drawn as styled lines.

use ratatui::text::{Line, Span};

use crate::catalogue::hours::OpenNow;
use crate::catalogue::{Entry, EntryKey};
use crate::desk::App;
use crate::desk::view::{Emphasis, EntryView, Value, ViewLine};
use crate::text;
use crate::tui::theme::Theme;

/// A short tag for lists: "[county]", "[government]", "[partner]"; nothing for this council.
pub fn provider_tag(app: &App, entry: Entry<'_>) -> Option<&'static str> {
    crate::desk::view::provider_tag(&app.catalogue, app.lang, entry)
}

/// Whether a partner is open at the app's clock, with its closed dates; `None` without hours.
pub fn open_now(app: &App, partner: &crate::catalogue::Partner) -> Option<OpenNow> {
    (!partner.hours.is_empty()).then(|| {
        crate::catalogue::hours::open_now_except(
            &partner.hours,
            &partner.closed,
            app.now.naive_local(),
        )
    })
}

/// The lines describing an entry. `full` adds everything a detail screen shows.
pub fn entry_lines(app: &App, key: EntryKey, theme: &Theme, full: bool) -> Vec<Line<'static>> {
    let Some(view) = app.entry_view(key) else {
        return Vec::new();
    };
    view_lines(&view, app, theme, full)
}

/// An entry's view as lines: the title (after "! URGENT" if it is), then each line of the view,
/// a label as a heading before its value.
pub fn view_lines(view: &EntryView, app: &App, theme: &Theme, full: bool) -> Vec<Line<'static>> {
    let labels = text::screens::labels(app.lang);
    let mut title = vec![Span::styled(view.title.clone(), theme.title)];
    if view.urgent {
        title.insert(0, Span::styled(labels.urgent, theme.urgent));
    }
    let mut lines = vec![Line::from(title)];
    for line in view.lines.iter().filter(|l| full || l.brief) {
        draw_line(&mut lines, line, theme);
    }
    lines
}

pub(super) fn draw_line(lines: &mut Vec<Line<'static>>, line: &ViewLine, theme: &Theme) {
    let style = match line.emphasis {
        Emphasis::Plain => theme.base,
        Emphasis::Heading => theme.heading,
        Emphasis::NotUs => theme.not_us,
        Emphasis::Resident => theme.heading,
    };
    let label = (!line.label.is_empty()).then(|| Span::styled(line.label, theme.heading));
    match &line.value {
        Value::Text(value) => {
            let value = if line.emphasis == Emphasis::Plain {
                Span::raw(value.clone())
            } else {
                Span::styled(value.clone(), style)
            };
            lines.push(Line::from_iter(label.into_iter().chain([value])));
        }
        Value::Bullets(items) => {
            lines.extend(label.map(Line::from));
            lines.extend(items.iter().map(|item| Line::from(format!("• {item}"))));
        }
        Value::Lines(items) | Value::Steps(items) => {
            lines.extend(label.map(Line::from));
            lines.extend(items.iter().map(|item| Line::from(item.clone())));
        }
    }
}
