//! Drawing: one file per screen, plus the frame every screen shares (title bar, status, keys).

mod detail;
mod entry;
mod help;
mod search;
mod show_resident;
mod today;
mod visit_form;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::keymap::Keymap;
use super::theme::Theme;
use crate::desk::{App, Level, Screen};
use crate::text;

pub use search::{first_visible, results_area};

/// Draws the whole screen for the app's current state.
pub fn render(app: &App, keymap: &Keymap, theme: &Theme, frame: &mut Frame) {
    let status_rows = status_rows(app, frame.area().width);
    let [title, body, status, keys] = chrome(frame.area(), status_rows);
    frame.render_widget(
        Paragraph::new(title_line(app, theme)).style(theme.base),
        title,
    );
    match app.screen() {
        Screen::Search => search::render(app, theme, frame, body),
        Screen::Detail(detail) => detail::render(app, theme, frame, body, detail),
        Screen::ShowResident(key) => show_resident::render(app, theme, frame, body, *key),
        Screen::VisitForm => visit_form::render(app, theme, frame, body),
        Screen::Today => today::render(app, theme, frame, body),
    }
    let status_text = Paragraph::new(status_line(app, theme)).wrap(Wrap { trim: true });
    frame.render_widget(status_text.style(theme.base), status);
    frame.render_widget(
        Paragraph::new(key_hints(app, keymap, theme)).style(theme.base),
        keys,
    );
    if app.help {
        help::render(app, keymap, theme, frame, body);
    }
}

/// How many rows the status message needs: 1 to 3, as it wraps at `width`.
pub fn status_rows(app: &App, width: u16) -> u16 {
    app.status.as_ref().map_or(1, |s| {
        let length = s.text.chars().count() + 10;
        u16::try_from(length.div_ceil(usize::from(width.max(1))))
            .unwrap_or(3)
            .clamp(1, 3)
    })
}

/// The rows every screen shares: title bar, body, status message, key hints.
pub fn chrome(area: Rect, status_rows: u16) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(status_rows),
        Constraint::Length(1),
    ])
    .areas(area)
}

fn title_line<'a>(app: &'a App, theme: &Theme) -> Line<'a> {
    let labels = text::screens::labels(app.lang);
    let mut spans = vec![
        Span::styled(labels.app_name, theme.title),
        Span::styled(format!("· {} ", app.mode().title(app.lang)), theme.heading),
    ];
    let mut right = text::screens::desk_and_count(app.lang, &app.desk, app.today_count());
    if let Some(started) = app.visit_started {
        let seconds = (app.utc_now() - started).num_seconds().max(0);
        right.push_str(&text::screens::visit_timer(app.lang, seconds));
    }
    if app.draft.is_some() && !matches!(app.screen(), Screen::VisitForm) {
        right.push_str(labels.draft_flag);
    }
    spans.push(Span::styled(format!("· {right}"), theme.muted));
    Line::from(spans)
}

fn status_line<'a>(app: &'a App, theme: &Theme) -> Line<'a> {
    match &app.status {
        Some(status) => {
            let labels = text::screens::labels(app.lang);
            let (word, style) = match status.level {
                Level::Info => ("", theme.info),
                Level::Warning => (labels.note_word, theme.warning),
                Level::Error => (labels.problem_word, theme.error),
            };
            Line::from(vec![
                Span::raw(" "),
                Span::styled(format!("{word}{}", status.text), style),
            ])
        }
        None => Line::from(""),
    }
}

fn key_hints<'a>(app: &'a App, keymap: &Keymap, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::raw(" ")];
    for (key, label) in keymap.hints(app.mode()) {
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {label}  "), theme.muted));
    }
    Line::from(spans)
}
