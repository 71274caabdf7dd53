//! The visit form: services, outcome (number keys), partners signposted to, could it be done
//! online, why not, feedback and a short note. Enter saves. Each row is drawn from its
//! description in [`FIELDS`]; this file knows kinds of field, not fields.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::desk::form::{FIELDS, FieldKind, FieldSpec, FormContext};
use crate::desk::{App, Command};
use crate::text::{self, form::FormKeys};
use crate::tui::theme::Theme;
use crate::visit::VisitDraft;

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
    let lang = app.lang;
    let editing = app.draft.as_ref().is_some_and(|d| !d.id.is_nil());
    let block = Block::bordered()
        .title(text::form::title(lang, editing))
        .border_style(theme.focus_border);
    let inner = block.inner(body);
    let Some(draft) = &app.draft else {
        frame.render_widget(
            Paragraph::new(text::form::no_visit(lang)).block(block),
            body,
        );
        return;
    };
    let width = usize::from(inner.width).max(LABEL + 10);
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    for spec in &FIELDS {
        let focused = app.form.field == spec.field;
        let label_style = if focused {
            theme.selected
        } else {
            theme.heading
        };
        let label = Span::styled(
            format!("{:<width$}", (spec.label)(lang), width = LABEL - 1),
            label_style,
        );
        let gap = if matches!(spec.kind, FieldKind::Text { .. }) {
            1
        } else {
            2
        };
        let pieces = pieces(app, theme, draft, spec);
        flow(&mut lines, &mut cursor, label, pieces, width, gap);
    }
    if !app.form.privacy.is_empty() {
        lines.push(Line::from(Span::styled(
            text::form::personal_data_warning(lang, &app.form.privacy),
            theme.warning,
        )));
    }
    lines.push(Line::from(""));
    // The form's own keys, as the face binds them, so they follow any rebinding.
    let key = |command| app.keys.key(command);
    let (first_outcome, last_outcome) = (key(Command::Outcome(1)), key(Command::Outcome(6)));
    let (next_field, tick) = (key(Command::NextField), key(Command::Toggle));
    let (save, discard) = (key(Command::Save), key(Command::Discard));
    let keys = text::form::keys_line(
        lang,
        &FormKeys {
            first_outcome: &first_outcome,
            last_outcome: &last_outcome,
            next_field: &next_field,
            tick: &tick,
            save: &save,
            discard: &discard,
        },
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

/// A field's row, from its description: choices with a radio mark or a tick box, the items of
/// a list, or the words of a text.
fn pieces(app: &App, theme: &Theme, draft: &VisitDraft, spec: &FieldSpec) -> Vec<Piece> {
    let form = &app.form;
    let focused = form.field == spec.field;
    let note = |text: String, style: Style| Piece {
        text,
        style,
        cursor: None,
    };
    let empty = || (spec.empty)(app.lang, &app.keys);
    if let FieldKind::Text { read, max, .. } = spec.kind {
        let typed = read(draft).unwrap_or("");
        if typed.is_empty() && !focused {
            return vec![note(empty(), theme.muted)];
        }
        // The words flow like choices; the cursor sits after the last one.
        let mut words: Vec<Piece> = typed
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| note(w.to_string(), theme.base))
            .collect();
        if focused {
            match words.last_mut() {
                Some(last) if !typed.ends_with(' ') => {
                    last.cursor = Some(last.text.chars().count())
                }
                _ => words.push(Piece {
                    text: String::new(),
                    style: theme.base,
                    cursor: Some(0),
                }),
            }
            let length = text::form::note_length(app.lang, typed.chars().count(), max);
            words.push(note(length, theme.muted));
        }
        return words;
    }
    let context = FormContext {
        catalogue: &app.catalogue,
        draft,
        form,
        lang: app.lang,
    };
    let choices = (spec.choices)(&context);
    if choices.is_empty() {
        let style = if spec.required {
            theme.warning
        } else {
            theme.muted
        };
        return vec![note(empty(), style)];
    }
    let hint = (focused && matches!(spec.kind, FieldKind::Added { .. })).then(|| {
        let key = |command| app.keys.key(command);
        let hint = text::form::service_outcome_hint(
            app.lang,
            &key(Command::Outcome(1)),
            &key(Command::Outcome(6)),
            &key(Command::Toggle),
        );
        note(hint, theme.muted)
    });
    choices
        .into_iter()
        .enumerate()
        .map(|(i, choice)| {
            let under_cursor = focused && form.cursor == i;
            let style = if under_cursor {
                theme.selected
            } else if choice.chosen {
                theme.heading
            } else {
                theme.base
            };
            let mark = match spec.kind {
                FieldKind::One { .. } if choice.chosen => "(•) ",
                FieldKind::One { .. } => "( ) ",
                FieldKind::Ticks { .. } if choice.chosen => "[x] ",
                FieldKind::Ticks { .. } => "[ ] ",
                FieldKind::Added { .. } | FieldKind::Text { .. } => "",
            };
            Piece {
                text: format!("{mark}{}", choice.label),
                style,
                cursor: under_cursor.then_some(0),
            }
        })
        .chain(hint)
        .collect()
}
