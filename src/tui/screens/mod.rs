//! Drawing: one file per screen, plus the frame every screen shares (title bar, status, keys).

mod booking;
mod detail;
mod entry;
mod fit;
mod help;
mod report;
mod script;
mod search;
mod show_resident;
mod slip;
mod title_bar;
mod today;
mod visit_form;
mod waiting;

use ratatui::backend::Backend;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::{Frame, Terminal};

use super::keymap::Keymap;
use super::theme::Theme;
use crate::desk::{Action, App, Command, Level, Screen, TextView};
use crate::text;

pub use search::{first_visible, results_area};

/// Draws a frame, then tells the desk how much of the scrolling text on top fitted, so that
/// its next scroll stops at the end and a page is a screenful.
pub fn draw<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    keymap: &Keymap,
    theme: &Theme,
) -> Result<(), B::Error> {
    let mut shown = None;
    terminal.draw(|frame| shown = render(app, keymap, theme, frame))?;
    if let Some(view) = shown {
        app.update(Action::TextShown(view));
    }
    Ok(())
}

/// Draws the whole screen for the app's current state. Returns how much of the scrolling text
/// on top (help, details, show the resident) fitted, for the face to tell the desk with
/// [`Action::TextShown`](crate::desk::Action::TextShown).
pub fn render(app: &App, keymap: &Keymap, theme: &Theme, frame: &mut Frame) -> Option<TextView> {
    // The whole screen in the base colours first: a look that sets its own background (high
    // contrast) has it everywhere, not only where a widget paints it.
    frame.render_widget(Block::new().style(theme.base), frame.area());
    let status_rows = status_rows(app, frame.area().width);
    let [title, body, status, keys] = chrome(frame.area(), status_rows);
    frame.render_widget(
        Paragraph::new(title_bar::title_line(app, theme, title.width)).style(theme.base),
        title,
    );
    let mut shown = match app.screen() {
        Screen::Search => {
            search::render(app, theme, frame, body);
            None
        }
        Screen::Detail(detail) => Some(detail::render(app, theme, frame, body, detail)),
        Screen::ShowResident(view) => show_resident::render(app, theme, frame, body, view),
        Screen::VisitForm => {
            visit_form::render(app, theme, frame, body);
            None
        }
        Screen::Today => {
            today::render(app, theme, frame, body);
            None
        }
        Screen::Script(view) => Some(script::render(app, theme, frame, body, view)),
        Screen::Slip(view) => Some(slip::render(app, theme, frame, body, view)),
        Screen::Report(view) => {
            report::render(app, theme, frame, body, view);
            None
        }
        Screen::Booking(view) => {
            booking::render(app, theme, frame, body, view);
            None
        }
        Screen::Waiting(view) => {
            waiting::render(app, theme, frame, body, view);
            None
        }
    };
    let status_text = Paragraph::new(status_line(app, theme)).wrap(Wrap { trim: true });
    frame.render_widget(status_text.style(theme.base), status);
    frame.render_widget(
        Paragraph::new(key_hints(app, keymap, theme, keys.width)).style(theme.base),
        keys,
    );
    if app.help {
        shown = Some(help::render(app, keymap, theme, frame, body));
    }
    shown
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

/// The bottom bar: the keymap's hints for this screen that do something now, so a hint and
/// its key never disagree. Neighbours with one label share it: "1-3 choose".
///
/// Where they do not all fit the width, hints go from the end, but the help key's stays: help
/// lists every key. A hint is never cut part way.
fn key_hints<'a>(app: &'a App, keymap: &Keymap, theme: &Theme, width: u16) -> Line<'a> {
    let mut hints: Vec<(String, Option<String>, &str, bool)> = Vec::new();
    let screen = format!("{:?}", app.mode());
    for (command, key, label) in keymap
        .hints(app.mode())
        .into_iter()
        .filter(|(command, _, _)| app.offers(*command))
    {
        let label = text::keys::hint(app.lang, &screen, &command.name(), label);
        let help = command == Command::Help;
        match hints.last_mut() {
            Some((_, last, same, _)) if *same == label => *last = Some(key),
            _ => hints.push((key, None, label, help)),
        }
    }
    let shown: Vec<(String, &str, bool)> = hints
        .into_iter()
        .map(|(first, last, label, help)| {
            let keys = match last {
                Some(last) => format!("{first}-{last}"),
                None => first,
            };
            (keys, label, help)
        })
        .collect();
    let wide = |hints: &[(String, &str, bool)]| -> usize {
        1 + hints
            .iter()
            .map(|(keys, label, _)| keys.chars().count() + label.chars().count() + 3)
            .sum::<usize>()
    };
    let mut shown = shown;
    // The last two spaces of the last hint may fall off the edge.
    while wide(&shown) > usize::from(width) + 2 {
        match shown.iter().rposition(|(_, _, help)| !help) {
            Some(at) => {
                shown.remove(at);
            }
            None => break,
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (keys, label, _) in shown {
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {label}  "), theme.muted));
    }
    Line::from(spans)
}
