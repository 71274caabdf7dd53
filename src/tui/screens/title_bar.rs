//! The title bar: what matters first (the screen, the visit timer, the draft flag, today's
//! count), then the desk's name, cut with an ellipsis to fit; the app's name goes first when
//! the bar is short of room.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::fit::{cut, width};
use crate::desk::{App, Screen};
use crate::text;
use crate::tui::theme::Theme;

const SEPARATOR: &str = " · ";
/// The fewest columns of a name kept before the whole name goes.
const SHORTEST_NAME: usize = 4;
/// The columns of "12 visits cannot be sent: " kept of the held visits' sentence, at least.
const HELD_KEPT: usize = 26;

#[derive(Clone, Copy, PartialEq)]
enum Part {
    AppName,
    Screen,
    Timer,
    Draft,
    Today,
    Sync,
    /// Visits the server refused: the most important news, cut to fit, never dropped first.
    Held,
    Desk,
}

struct Piece {
    part: Part,
    text: String,
    style: Style,
}

fn total(pieces: &[Piece]) -> usize {
    let words: usize = pieces.iter().map(|p| width(&p.text)).sum();
    1 + words + width(SEPARATOR) * pieces.len().saturating_sub(1)
}

/// Cuts the named piece by what is too much, down to its first `keep` columns and a few more;
/// drops it when even that does not fit.
fn shorten(pieces: &mut Vec<Piece>, part: Part, keep: usize, room: usize) {
    let excess = total(pieces).saturating_sub(room);
    if excess == 0 {
        return;
    }
    let Some(at) = pieces.iter().position(|p| p.part == part) else {
        return;
    };
    let now = width(&pieces[at].text);
    let shortest = keep + SHORTEST_NAME + 1;
    if now.saturating_sub(excess) >= shortest {
        pieces[at].text = cut(&pieces[at].text, now - excess);
    } else {
        pieces.remove(at);
    }
}

/// The title bar for `room` columns.
pub fn title_line(app: &App, theme: &Theme, room: u16) -> Line<'static> {
    let lang = app.lang;
    let labels = text::screens::labels(lang);
    let piece = |part, text: String, style| Piece { part, text, style };
    let mut pieces = vec![
        piece(Part::AppName, labels.app_name.to_string(), theme.title),
        piece(
            Part::Screen,
            app.mode().title(lang).to_string(),
            theme.heading,
        ),
    ];
    if let Some(started) = app.visit_started {
        let seconds = (app.utc_now() - started).num_seconds().max(0);
        let timer = text::screens::visit_timer(lang, seconds);
        pieces.push(piece(Part::Timer, timer, theme.heading));
    }
    if app.resident_language.reads_welsh() {
        // Shown only for Welsh, so the receptionist sees at a glance who is being served in
        // Welsh; its place is the timer's, which is dropped last but one.
        pieces.push(piece(
            Part::Timer,
            labels.resident_in_welsh.to_string(),
            theme.heading,
        ));
    }
    if app.draft.is_some() && !matches!(app.screen(), Screen::VisitForm) {
        pieces.push(piece(
            Part::Draft,
            labels.draft_flag.to_string(),
            theme.warning,
        ));
    }
    let today = text::screens::today_count(lang, app.today_count());
    pieces.push(piece(Part::Today, today, theme.base));
    if let Some(sync) = &app.sync
        && let Some(words) = text::screens::sync_waiting(lang, sync.waiting, sync.reachable)
    {
        let style = if sync.reachable {
            theme.muted
        } else {
            theme.warning
        };
        pieces.push(piece(Part::Sync, words, style));
    }
    if let Some(sync) = &app.sync
        && sync.held > 0
    {
        let reason = sync.held_reason.as_deref().unwrap_or_default();
        let words = text::sync::cannot_be_sent(lang, sync.held, reason);
        pieces.push(piece(Part::Held, words, theme.warning));
    }
    let desk = text::screens::desk_name(lang, &app.desk);
    let desk_label = width(&text::screens::desk_name(lang, ""));
    pieces.push(piece(Part::Desk, desk, theme.muted));

    let room = usize::from(room);
    if total(&pieces) > room {
        pieces.retain(|p| p.part != Part::AppName);
    }
    shorten(&mut pieces, Part::Desk, desk_label, room);
    shorten(&mut pieces, Part::Held, HELD_KEPT, room);
    shorten(&mut pieces, Part::Screen, 0, room);

    let mut spans = vec![Span::raw(" ")];
    for (i, piece) in pieces.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(SEPARATOR, theme.muted));
        }
        spans.push(Span::styled(piece.text, piece.style));
    }
    Line::from(spans)
}
