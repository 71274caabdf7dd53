//! The visit form: services, outcome (number keys), partners signposted to, could it be done
//! online, why not, feedback and a short note. Enter saves.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::tui::app::App;
use crate::tui::form::Field;
use crate::tui::keymap::{Command, Mode};
use crate::tui::theme::Theme;
use crate::visit::{ExclusionReason, Feedback, NOTE_MAX_CHARS, OnlineAnswer, Outcome, VisitDraft};

/// Width of the label column.
const LABEL: usize = 15;

/// One choice or piece of text in a field's row.
struct Piece {
    text: String,
    style: Style,
    /// Where in the piece the terminal cursor goes (the focused choice, or the end of the note).
    cursor: Option<usize>,
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect) {
    let title = match app.draft.as_ref().map(|d| d.id).filter(|id| !id.is_nil()) {
        Some(_) => " Edit the visit ",
        None => " Log the visit ",
    };
    let block = Block::bordered()
        .title(title)
        .border_style(theme.focus_border);
    let inner = block.inner(body);
    let Some(draft) = &app.draft else {
        frame.render_widget(
            Paragraph::new("No visit is being logged.").block(block),
            body,
        );
        return;
    };
    let width = usize::from(inner.width).max(LABEL + 10);
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    for field in Field::ALL {
        let focused = app.form.field == field;
        let label_style = if focused {
            theme.selected
        } else {
            theme.heading
        };
        let label = Span::styled(
            format!("{:<width$}", short_label(field), width = LABEL - 1),
            label_style,
        );
        let gap = if field == Field::Note { 1 } else { 2 };
        let pieces = pieces(app, theme, draft, field);
        flow(&mut lines, &mut cursor, label, pieces, width, gap);
    }
    if !app.form.privacy.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "! Looks like {}: no personal data, please.",
                app.form.privacy
            ),
            theme.warning,
        )));
    }
    lines.push(Line::from(""));
    // The form's own keys, from the keymap so they follow any rebinding.
    let key = |command| {
        let key = app.keymap.key_for(Mode::VisitForm, command);
        key.map_or_else(|| "?".to_string(), |k| k.to_string())
    };
    let keys = format!(
        "{}-{} outcome · {} next field · {} tick · {} save · {} discard",
        key(Command::Outcome(1)),
        key(Command::Outcome(6)),
        key(Command::NextField),
        key(Command::Toggle),
        key(Command::Save),
        key(Command::Discard),
    );
    lines.push(Line::from(Span::styled(keys, theme.muted)));
    frame.render_widget(Paragraph::new(lines).block(block).style(theme.base), body);
    if let Some((row, column)) = cursor {
        let x = inner
            .x
            .saturating_add(u16::try_from(column).unwrap_or(0))
            .min(inner.right().saturating_sub(1));
        let y = inner
            .y
            .saturating_add(u16::try_from(row).unwrap_or(0))
            .min(inner.bottom().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, y));
    }
}

/// Lays a field's pieces out after its label, wrapping onto indented lines, and notes where the
/// cursor goes.
fn flow<'a>(
    lines: &mut Vec<Line<'a>>,
    cursor: &mut Option<(usize, usize)>,
    label: Span<'a>,
    pieces: Vec<Piece>,
    width: usize,
    gap: usize,
) {
    let mut spans = vec![label, Span::raw(" ")];
    let mut column = LABEL;
    for piece in pieces {
        let length = piece.text.chars().count();
        if column > LABEL && column + length > width {
            lines.push(Line::from(std::mem::take(&mut spans)));
            spans.push(Span::raw(" ".repeat(LABEL)));
            column = LABEL;
        }
        if let Some(offset) = piece.cursor {
            *cursor = Some((lines.len(), column + offset));
        }
        spans.push(Span::styled(piece.text, piece.style));
        spans.push(Span::raw(" ".repeat(gap)));
        column += length + gap;
    }
    lines.push(Line::from(spans));
}

fn pieces(app: &App, theme: &Theme, draft: &VisitDraft, field: Field) -> Vec<Piece> {
    let form = &app.form;
    let focused = form.field == field;
    let choice = |index: usize, mark: &str, text: &str, chosen: bool| {
        let under_cursor = focused && form.cursor == index;
        let style = if under_cursor {
            theme.selected
        } else if chosen {
            theme.heading
        } else {
            theme.base
        };
        Piece {
            text: format!("{mark}{text}"),
            style,
            cursor: under_cursor.then_some(0),
        }
    };
    let radio = |chosen: bool| if chosen { "(•) " } else { "( ) " };
    let tick = |chosen: bool| if chosen { "[x] " } else { "[ ] " };
    let note = |text: &str, style: Style| Piece {
        text: text.to_string(),
        style,
        cursor: None,
    };
    match field {
        Field::Services if draft.services.is_empty() => {
            let text = format!(
                "none yet: press Esc, find the service, press {}",
                app.log_key()
            );
            vec![note(&text, theme.warning)]
        }
        Field::Services => {
            // A service with an outcome of its own shows it; the others have the visit's.
            let mut pieces: Vec<Piece> = draft
                .services
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    let title = app.catalogue.service_title(id);
                    match draft.service_outcomes.get(id) {
                        Some(own) if Some(*own) != draft.outcome => {
                            choice(i, "", &format!("{title} ({})", own.label()), true)
                        }
                        _ => choice(i, "", title, true),
                    }
                })
                .collect();
            if focused {
                let key = app.keymap.key_for(Mode::VisitForm, Command::Toggle);
                let key = key.map_or_else(|| "Space".to_string(), |k| k.to_string());
                pieces.push(note(&format!("({key}: this one's outcome)"), theme.muted));
            }
            pieces
        }
        Field::Outcome => Outcome::ALL
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let chosen = draft.outcome == Some(*o);
                choice(
                    i,
                    radio(chosen),
                    &format!("{} {}", i + 1, o.label()),
                    chosen,
                )
            })
            .collect(),
        Field::Partners if form.partner_options.is_empty() => {
            let text = format!("none suggested ({} on a partner adds it)", app.log_key());
            vec![note(&text, theme.muted)]
        }
        Field::Partners => form
            .partner_options
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let chosen = draft.partners.contains(id);
                let name = app
                    .catalogue
                    .partner(id)
                    .map_or(id.as_str(), |p| p.name.as_str());
                choice(i, tick(chosen), name, chosen)
            })
            .collect(),
        Field::Online => OnlineAnswer::ALL
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let chosen = draft.online == Some(*a);
                choice(i, radio(chosen), a.label(), chosen)
            })
            .collect(),
        Field::Reasons => ExclusionReason::ALL
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let chosen = draft.reasons.contains(r);
                choice(i, tick(chosen), r.label(), chosen)
            })
            .collect(),
        Field::Feedback => Feedback::ALL
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let chosen = draft.feedback == *f;
                choice(i, radio(chosen), f.label(), chosen)
            })
            .collect(),
        Field::Note => {
            let text = draft.note.as_deref().unwrap_or("");
            if text.is_empty() && !focused {
                return vec![note("optional, no personal data", theme.muted)];
            }
            // The note's words flow like choices; the cursor sits after the last one.
            let mut words: Vec<Piece> = text
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| note(w, theme.base))
                .collect();
            if focused {
                match words.last_mut() {
                    Some(last) if !text.ends_with(' ') => {
                        last.cursor = Some(last.text.chars().count())
                    }
                    _ => words.push(Piece {
                        text: String::new(),
                        style: theme.base,
                        cursor: Some(0),
                    }),
                }
                let count = format!(" ({}/{NOTE_MAX_CHARS})", text.chars().count());
                words.push(note(&count, theme.muted));
            }
            words
        }
    }
}

fn short_label(field: Field) -> &'static str {
    match field {
        Field::Services => "Services",
        Field::Outcome => "Outcome",
        Field::Partners => "Signposted to",
        Field::Online => "Doable online?",
        Field::Reasons => "Why not online",
        Field::Feedback => "Feedback",
        Field::Note => "Note",
    }
}
