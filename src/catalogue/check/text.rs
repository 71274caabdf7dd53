//! Text that a terminal would obey rather than show: control characters (escape sequences,
//! carriage returns, newlines, tabs) and bidirectional overrides in any value of a file. The
//! desk prints catalogue text as it is, so such a character could clear or retitle the screen.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Checker, Site};
use crate::printable::first_unsafe;

/// Reports every string value of a file that holds an unsafe character, at the value.
pub(super) fn control_characters(checker: &mut Checker<'_>, file: usize, document: &DeTable<'_>) {
    for (key, value) in document.iter() {
        walk(checker, file, key.get_ref().as_ref(), value);
    }
}

fn walk(checker: &mut Checker<'_>, file: usize, path: &str, value: &Spanned<DeValue<'_>>) {
    match value.get_ref() {
        DeValue::String(text) => {
            for (name, _) in crate::catalogue::expand::fact_references(text) {
                checker.ledger.fact_uses.push((
                    name.trim().to_string(),
                    Site {
                        file,
                        span: value.span(),
                    },
                ));
            }
            if let Some((at, c)) = first_unsafe(text) {
                let what = match c {
                    '\n' | '\r' => "a line break".to_string(),
                    '\t' => "a tab".to_string(),
                    '\u{1b}' => "an escape character".to_string(),
                    c if c.is_control() => "a control character".to_string(),
                    _ => "a text direction override".to_string(),
                };
                checker.error(
                    &Site {
                        file,
                        span: value.span(),
                    },
                    format!(
                        "{path} has {what} ({}) at character {}; remove it and write the value as one line of plain text (the screen wraps long text)",
                        c.escape_unicode(),
                        at + 1
                    ),
                );
            }
        }
        DeValue::Array(items) => {
            for item in items.iter() {
                walk(checker, file, path, item);
            }
        }
        DeValue::Table(table) => {
            for (key, inner) in table.iter() {
                let path = if is_section(path) {
                    key.get_ref().to_string()
                } else {
                    format!("{path}.{}", key.get_ref())
                };
                walk(checker, file, &path, inner);
            }
        }
        _ => {}
    }
}

/// A top-level table name (`service`, `council`...): its entries' keys are named on their own.
fn is_section(path: &str) -> bool {
    matches!(
        path,
        "council" | "body" | "service" | "partner" | "faq" | "synonyms"
    )
}
