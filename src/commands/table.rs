//! Aligned tables for the terminal. Every cell is made printable (control characters shown as
//! escapes, see [`crate::printable`]) and cut to its column's widest, with "…" where it was cut,
//! so a table can print whatever a file or the visit log holds: never a raw escape sequence,
//! never a line a screen wide, never a panic. `--json` prints the values whole.

use unicode_width::UnicodeWidthStr;

use crate::printable::{cut, printable};

/// Which side of its column a cell keeps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

/// One column: its heading, its widest (in terminal columns) and its alignment.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub heading: &'static str,
    pub max: usize,
    pub align: Align,
}

impl Column {
    pub const fn left(heading: &'static str, max: usize) -> Column {
        Column {
            heading,
            max,
            align: Align::Left,
        }
    }

    pub const fn right(heading: &'static str, max: usize) -> Column {
        Column {
            heading,
            max,
            align: Align::Right,
        }
    }
}

/// Rows of cells under headings (or none), two spaces between columns.
#[derive(Debug)]
pub(crate) struct Table {
    columns: Vec<Column>,
    headings: bool,
    indent: usize,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with a heading line.
    pub fn new(columns: &[Column]) -> Table {
        Table {
            columns: columns.to_vec(),
            headings: true,
            indent: 0,
            rows: Vec::new(),
        }
    }

    /// A list: aligned columns, no heading line, each line indented.
    pub fn list(columns: &[Column], indent: usize) -> Table {
        Table {
            headings: false,
            indent,
            ..Table::new(columns)
        }
    }

    /// Adds a row; missing cells are empty, extra ones are dropped.
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let mut row: Vec<String> = cells
            .into_iter()
            .zip(&self.columns)
            .map(|(text, column)| cell(text.as_ref(), column.max))
            .collect();
        row.resize(self.columns.len(), String::new());
        self.rows.push(row);
    }

    /// The table as lines, each ending in a newline, with no trailing spaces.
    pub fn render(&self) -> String {
        let mut widths: Vec<usize> = self
            .columns
            .iter()
            .map(|c| if self.headings { c.heading.width() } else { 0 })
            .collect();
        for row in &self.rows {
            for (width, text) in widths.iter_mut().zip(row) {
                *width = (*width).max(text.width());
            }
        }
        let mut out = String::new();
        let mut line = |cells: &[&str]| {
            let mut text = " ".repeat(self.indent);
            for (i, ((cell, width), column)) in
                cells.iter().zip(&widths).zip(&self.columns).enumerate()
            {
                let gap = " ".repeat(width.saturating_sub(cell.width()));
                let last = i + 1 == cells.len();
                match column.align {
                    Align::Left => {
                        text.push_str(cell);
                        if !last {
                            text.push_str(&gap);
                        }
                    }
                    Align::Right => {
                        text.push_str(&gap);
                        text.push_str(cell);
                    }
                }
                if !last {
                    text.push_str("  ");
                }
            }
            out.push_str(text.trim_end());
            out.push('\n');
        };
        if self.headings {
            let headings: Vec<&str> = self.columns.iter().map(|c| c.heading).collect();
            line(&headings);
        }
        for row in &self.rows {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            line(&cells);
        }
        out
    }
}

/// A value as a table shows it: printable, and at most `max` terminal columns wide, ending in
/// "…" when cut.
pub(crate) fn cell(text: &str, max: usize) -> String {
    cut(&printable(text), max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cut_to_their_column_and_made_printable() {
        assert_eq!(cell("abcdef", 4), "abc…");
        assert_eq!(cell("abcd", 4), "abcd");
        assert_eq!(cell("a\u{1b}[2Jb", 40), "a\\u{1b}[2Jb");
        assert_eq!(cell("日本語です", 5), "日本…");
        assert_eq!(cell(&"x".repeat(100_000), 10).chars().count(), 10);
    }

    #[test]
    fn columns_line_up_and_the_last_is_not_padded() {
        let mut table = Table::new(&[
            Column::right("#", 3),
            Column::left("Title", 20),
            Column::left("Note", 40),
        ]);
        table.row(["1", "Bins", "URGENT"]);
        table.row(["10", "Council tax", ""]);
        assert_eq!(
            table.render(),
            " #  Title        Note\n 1  Bins         URGENT\n10  Council tax\n"
        );
        let mut list = Table::list(&[Column::left("Id", 10), Column::left("Title", 10)], 2);
        list.row(["a", "A"]);
        list.row(["bbb", "B"]);
        assert_eq!(list.render(), "  a    A\n  bbb  B\n");
    }
}
