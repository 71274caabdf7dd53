//! A problem found in catalogue content, reported as `FILE:LINE:COLUMN: message`.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    pub fn error(file: &str, line: usize, column: usize, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_string(),
            line,
            column,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(file: &str, line: usize, column: usize, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_string(),
            line,
            column,
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    /// A problem at a byte offset of a file's text.
    pub fn at_offset(
        file: &str,
        text: &str,
        offset: usize,
        severity: Severity,
        message: impl Into<String>,
    ) -> Problem {
        let (line, column) = line_column(text, offset);
        Problem {
            file: file.to_string(),
            line,
            column,
            severity,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.column, level, self.message
        )
    }
}

/// A value from a file as shown inside a message: in double quotes, with control characters
/// (newlines, tabs, ...) escaped so a problem stays on one line, and cut to 60 characters.
pub fn quoted(value: &str) -> String {
    const LIMIT: usize = 60;
    let mut shown = String::with_capacity(value.len().min(LIMIT) + 2);
    shown.push('"');
    for (count, c) in value.chars().enumerate() {
        if count == LIMIT {
            shown.push('…');
            break;
        }
        if c.is_control() {
            shown.extend(c.escape_default());
        } else {
            shown.push(c);
        }
    }
    shown.push('"');
    shown
}

/// 1-based line and column (in characters) of a byte offset; offsets past the end or inside a
/// character are clamped, never a panic.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_stay_on_one_line_and_short() {
        assert_eq!(quoted("Mondy"), "\"Mondy\"");
        assert_eq!(quoted("a\nb\t"), "\"a\\nb\\t\"");
        let long = "x".repeat(1000);
        assert_eq!(quoted(&long).chars().count(), 63);
    }

    #[test]
    fn line_and_column_count_from_one() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, 9), (2, 3));
        assert_eq!(
            line_column(text, 8),
            (2, 2),
            "inside a character is clamped back"
        );
        assert_eq!(line_column(text, 999), (3, 1));
    }
}
