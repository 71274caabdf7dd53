//! The visit form: services, outcome (number keys), partners signposted to, could it be done
//! online, why not, feedback and a short note. Enter saves. Each row is drawn from its
//! description in [`FIELDS`]; this file knows kinds of field, not fields.
//!
//! A form taller than the window scrolls so that the focused field, its cursor and any warning
//! about it are always in sight; the border says when more is above or below.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::desk::form::{FIELDS, FieldKind, FieldSpec, FormContext};
use crate::desk::{App, Command, text_field};
use crate::text::{self, form::FormKeys};
use crate::tui::theme::Theme;
use crate::visit::VisitDraft;

/// Width of the label column.
const LABEL: usize = 15;

/// One choice or piece of text in a field's row.
struct Piece {
    text: String,
    style: Style,
    /// The column in the piece where the terminal cursor goes (the focused choice, or the
    /// note's text cursor).
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
    let mut focused_lines = 0..0;
    // A visit filled in from a guided script says so, with the way it came.
    if let Some(record) = &draft.script {
        let title = app
            .catalogue
            .script(&record.id)
            .map_or(record.id.as_str(), |s| s.title.as_str());
        let from = text::form::from_script(lang, title, &record.path_text());
        lines.push(Line::from(Span::styled(from, theme.heading)));
    }
    for spec in &FIELDS {
        let first = lines.len();
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
        let text = matches!(spec.kind, FieldKind::Text { .. });
        // Text keeps its own spaces; choices are set two apart.
        let gap = if text { 0 } else { 2 };
        let mut pieces = pieces(app, theme, draft, spec, width - LABEL);
        // Last time's answer is offered beside its field, never filled in.
        if let Some(answer) = app.form.offered_for(spec.field, draft, lang) {
            let take = app.keys.key(Command::TakeLastTime);
            pieces.push(Piece {
                text: text::form::last_time(lang, &answer, &take),
                style: theme.muted,
                cursor: None,
            });
        }
        flow(
            &mut lines,
            &mut cursor,
            label,
            pieces,
            width,
            gap,
            spec.one_per_line,
        );
        if text && !app.form.privacy.is_empty() {
            // The warning about the note, under it, so it scrolls into sight with it.
            let warning = text::form::personal_data_warning(lang, &app.form.privacy);
            let words = text_pieces(&warning, None, width - LABEL, theme.warning);
            let indent = Span::raw(" ".repeat(LABEL - 1));
            flow(&mut lines, &mut None, indent, words, width, 0, false);
        }
        if focused {
            focused_lines = first..lines.len();
        }
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

    let height = usize::from(inner.height);
    let total = lines.len();
    let top = first_line(focused_lines, cursor.map(|(row, _)| row), total, height);
    let mut block = block;
    if top > 0 {
        block = block.title_top(Line::from(text::form::more_above(lang)).right_aligned());
    }
    if top + height < total {
        block = block.title_bottom(Line::from(text::form::more_below(lang)).right_aligned());
    }
    let scroll = u16::try_from(top).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll, 0))
            .style(theme.base),
        body,
    );
    if let Some((row, column)) = cursor
        && row >= top
    {
        let x = inner
            .x
            .saturating_add(u16::try_from(column).unwrap_or(0))
            .min(inner.right().saturating_sub(1));
        let y = inner
            .y
            .saturating_add(u16::try_from(row - top).unwrap_or(0))
            .min(inner.bottom().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, y));
    }
}

/// The first line of the form to show in `height` rows, so that the focused field's lines and
/// the cursor are in sight: from the top while they fit, else scrolled just far enough.
fn first_line(focus: Range<usize>, cursor: Option<usize>, total: usize, height: usize) -> usize {
    if total <= height || height == 0 {
        return 0;
    }
    let mut top = focus.end.saturating_sub(height).min(focus.start);
    if let Some(row) = cursor {
        if row < top {
            top = row;
        } else if row >= top + height {
            top = row + 1 - height;
        }
    }
    top.min(total - height)
}

/// Lays a field's pieces out after its label, wrapping onto indented lines (or one piece to a
/// line), and notes where the cursor goes.
fn flow<'a>(
    lines: &mut Vec<Line<'a>>,
    cursor: &mut Option<(usize, usize)>,
    label: Span<'a>,
    pieces: Vec<Piece>,
    width: usize,
    gap: usize,
    one_per_line: bool,
) {
    let mut spans = vec![label, Span::raw(" ")];
    let mut column = LABEL;
    for piece in pieces {
        let length = piece.text.width();
        // A cursor needs a cell of its own, also after the last character.
        let needed = length.max(piece.cursor.map_or(0, |c| c + 1));
        if column > LABEL && (one_per_line || column + needed > width) {
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
/// a list, or the words of a text (`room` columns wide at most).
fn pieces(
    app: &App,
    theme: &Theme,
    draft: &VisitDraft,
    spec: &FieldSpec,
    room: usize,
) -> Vec<Piece> {
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
        // The words wrap like choices; the cursor sits where the next character goes.
        let cursor = focused.then_some(form.cursor);
        let mut words = text_pieces(typed, cursor, room, theme.base);
        if focused {
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

/// A text cut into pieces that wrap: each word with the spaces after it, and a word too long
/// for `room` columns cut to fit. The piece holding the cursor (`cursor` characters in) says
/// where; a cursor after the last character gets a piece of its own.
fn text_pieces(text: &str, cursor: Option<usize>, room: usize, style: Style) -> Vec<Piece> {
    let room = room.saturating_sub(1).max(1);
    let mut pieces: Vec<Piece> = Vec::new();
    // The piece being gathered: its text, its width, and the characters before it.
    let (mut current, mut width, mut start) = (String::new(), 0, 0);
    let mut finish = |current: &mut String, start: usize| {
        let chars = current.chars().count();
        let column = cursor
            .filter(|c| (start..start + chars).contains(c))
            .map(|c| text_field::cursor_column(current, c - start));
        pieces.push(Piece {
            text: std::mem::take(current),
            style,
            cursor: column,
        });
        start + chars
    };
    for c in text.chars() {
        let wide = c.width().unwrap_or(0);
        let new_word = current.ends_with(' ') && c != ' ';
        if !current.is_empty() && (new_word || width + wide > room) {
            start = finish(&mut current, start);
            width = 0;
        }
        current.push(c);
        width += wide;
    }
    if !current.is_empty() {
        start = finish(&mut current, start);
    }
    if cursor.is_some_and(|c| c >= start) {
        pieces.push(Piece {
            text: String::new(),
            style,
            cursor: Some(0),
        });
    }
    pieces
}
