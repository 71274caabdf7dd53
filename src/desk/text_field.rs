//! Editing one line of text with a cursor: the search box and the note (and any later text
//! field). The editing is tui-input's backend-free core ([`Input`]): moves and deletions step
//! over whole characters as a reader sees them and over words, and the cursor's column counts
//! wide characters as two. The text stays a plain `String` where it lives (the query, the
//! draft's note); the cursor is the number of characters before it.

use crate::printable::is_unsafe;
use tui_input::{Input, InputRequest};

/// The line edits a terminal user expects (the face binds readline's keys to them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TextEdit {
    /// One character left.
    Left,
    /// One character right.
    Right,
    /// To the start of this word, or the one before.
    WordLeft,
    /// To the start of the next word.
    WordRight,
    /// To the start of the text.
    Start,
    /// To the end of the text.
    End,
    /// Delete the character before the cursor.
    DeleteBack,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Delete the word before the cursor.
    DeleteWordBack,
    /// Delete everything before the cursor.
    DeleteToStart,
    /// Delete everything from the cursor on.
    DeleteToEnd,
}

impl TextEdit {
    /// Every edit, in the order help lists them.
    pub const ALL: [TextEdit; 11] = [
        TextEdit::Left,
        TextEdit::Right,
        TextEdit::WordLeft,
        TextEdit::WordRight,
        TextEdit::Start,
        TextEdit::End,
        TextEdit::DeleteBack,
        TextEdit::DeleteForward,
        TextEdit::DeleteWordBack,
        TextEdit::DeleteToStart,
        TextEdit::DeleteToEnd,
    ];

    /// The name the config file's `[keys]` table uses.
    pub fn name(self) -> &'static str {
        match self {
            TextEdit::Left => "cursor_left",
            TextEdit::Right => "cursor_right",
            TextEdit::WordLeft => "word_left",
            TextEdit::WordRight => "word_right",
            TextEdit::Start => "text_start",
            TextEdit::End => "text_end",
            TextEdit::DeleteBack => "delete_back",
            TextEdit::DeleteForward => "delete_forward",
            TextEdit::DeleteWordBack => "delete_word_back",
            TextEdit::DeleteToStart => "delete_to_start",
            TextEdit::DeleteToEnd => "delete_to_end",
        }
    }

    fn request(self) -> InputRequest {
        match self {
            TextEdit::Left => InputRequest::GoToPrevChar,
            TextEdit::Right => InputRequest::GoToNextChar,
            TextEdit::WordLeft => InputRequest::GoToPrevWord,
            TextEdit::WordRight => InputRequest::GoToNextWord,
            TextEdit::Start => InputRequest::GoToStart,
            TextEdit::End => InputRequest::GoToEnd,
            TextEdit::DeleteBack => InputRequest::DeletePrevChar,
            TextEdit::DeleteForward => InputRequest::DeleteNextChar,
            TextEdit::DeleteWordBack => InputRequest::DeletePrevWord,
            TextEdit::DeleteToStart => InputRequest::DeleteFromStart,
            TextEdit::DeleteToEnd => InputRequest::DeleteTillEnd,
        }
    }
}

/// A change to a line of text: a character typed at the cursor, or an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Type(char),
    Edit(TextEdit),
}

/// Applies `change` to `text`, whose cursor has `cursor` characters before it. A typed
/// character is refused when the text already has `max` characters, and so is a character a
/// terminal would obey rather than show (a control character or a text direction override).
/// Returns whether the text changed (the cursor may have moved either way).
pub fn apply(text: &mut String, cursor: &mut usize, change: Change, max: usize) -> bool {
    let request = match change {
        Change::Type(c) if is_unsafe(c) || text.chars().count() >= max => return false,
        Change::Type(c) => InputRequest::InsertChar(c),
        Change::Edit(edit) => edit.request(),
    };
    let mut input = Input::new(text.clone()).with_cursor(*cursor);
    input.handle(request);
    *cursor = input.cursor();
    if input.value() == text.as_str() {
        return false;
    }
    *text = input.into();
    true
}

/// The cursor's column: the display width of the text before it (a wide character counts two).
pub fn cursor_column(text: &str, cursor: usize) -> usize {
    Input::new(text.to_string())
        .with_cursor(cursor)
        .visual_cursor()
}

/// How many columns of `text` to hide on the left so the cursor shows in a box `width`
/// columns wide, with a column to spare for the cursor at the end.
pub fn scroll(text: &str, cursor: usize, width: usize) -> usize {
    Input::new(text.to_string())
        .with_cursor(cursor)
        .visual_scroll(width.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &str, cursor: usize, changes: &[Change]) -> (String, usize) {
        let (mut text, mut cursor) = (text.to_string(), cursor);
        for change in changes {
            apply(&mut text, &mut cursor, *change, 500);
        }
        (text, cursor)
    }

    #[test]
    fn the_readline_edits_work_at_the_cursor() {
        use Change::Edit;
        use TextEdit::*;
        assert_eq!(
            edit("pay by card", 11, &[Edit(Start), Change::Type('x')]),
            ("xpay by card".into(), 1)
        );
        assert_eq!(
            edit("pay by card", 11, &[Edit(DeleteWordBack)]),
            ("pay by ".into(), 7)
        );
        assert_eq!(
            edit("pay by card", 7, &[Edit(DeleteToStart)]),
            ("card".into(), 0)
        );
        assert_eq!(
            edit("pay by card", 3, &[Edit(DeleteToEnd)]),
            ("pay".into(), 3)
        );
        assert_eq!(
            edit("pay by card", 11, &[Edit(WordLeft), Edit(WordLeft)]),
            ("pay by card".into(), 4)
        );
        assert_eq!(
            edit("pay by card", 0, &[Edit(WordRight), Edit(DeleteForward)]),
            ("pay y card".into(), 4)
        );
        assert_eq!(
            edit("pay", 3, &[Edit(Left), Edit(DeleteBack), Edit(Right)]),
            ("py".into(), 2)
        );
    }

    #[test]
    fn a_full_field_takes_no_more_and_control_characters_are_not_typed() {
        let (mut text, mut cursor) = ("abc".to_string(), 3);
        assert!(!apply(&mut text, &mut cursor, Change::Type('d'), 3));
        assert!(!apply(&mut text, &mut cursor, Change::Type('\u{7}'), 10));
        assert_eq!((text.as_str(), cursor), ("abc", 3));
    }

    #[test]
    fn wide_characters_count_two_columns_and_a_long_line_scrolls_to_the_cursor() {
        assert_eq!(cursor_column("日本x", 2), 4);
        assert_eq!(cursor_column("café", 4), 4);
        let long = "a".repeat(30);
        assert_eq!(scroll(&long, 30, 10), 21, "the end and the cursor show");
        assert_eq!(scroll(&long, 0, 10), 0);
    }
}
