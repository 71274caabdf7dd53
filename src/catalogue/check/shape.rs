//! A catalogue table that does not fit its shape (a value of the wrong type, a missing field,
//! an unknown one), said in one plain sentence at the place it is written.

use super::formats::closest;
use super::raw::Raw;
use super::references::Section;
use super::{Checker, Site};
use crate::catalogue::quoted;

/// A value of the wrong type, a missing field or an unknown one, said plainly.
pub(super) fn shape_error(
    checker: &mut Checker<'_>,
    raw: &Raw<'_, '_>,
    section: Section,
    error: &toml::de::Error,
) {
    checker.broken[raw.file] = true;
    let entry = match raw.id() {
        Some((id, _)) => format!("{} {}", section.noun(), quoted(id)),
        None => format!("this {}", section.header()),
    };
    let message = error.message().trim().replace('\n', " ");
    let span = error.span().unwrap_or(raw.span.0..raw.span.1);
    let site = Site {
        file: raw.file,
        span: span.clone(),
    };
    let text = if let Some(field) = between(&message, "missing field `", "`") {
        format!(
            "{entry} has no {field}, which every {} needs; add it",
            section.noun()
        )
    } else if let Some(field) = between(&message, "unknown field `", "`") {
        let expected = backticked(message.split_once("expected").map_or("", |(_, e)| e));
        let hint = match closest(field, expected.iter().copied()) {
            Some(near) => format!(" (did you mean {}?)", quoted(near)),
            None => String::new(),
        };
        format!(
            "{entry} has an unknown field {}{hint}; a {} may have: {}",
            quoted(field),
            section.noun(),
            expected.join(", ")
        )
    } else {
        let what = match raw.key_at(span.start) {
            Some(key) => format!("{entry}: {key}"),
            None => entry,
        };
        wrong_value(&what, &message)
    };
    checker.error(&site, text);
}

/// serde's "invalid type: integer `3`, expected a string" as "title should be a string, not
/// integer `3`"; its "unknown variant" as the list of values allowed.
fn wrong_value(what: &str, message: &str) -> String {
    let plain = |expected: &str| {
        if expected.trim() == "u32" {
            "a whole number from 1 up".to_string()
        } else {
            expected.trim().to_string()
        }
    };
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some((found, expected)) = message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once(", expected "))
        {
            return format!(
                "{what} should be {}, not {}",
                toml_words(&plain(expected)),
                toml_words(found)
            );
        }
    }
    if let Some(value) = between(message, "unknown variant `", "`") {
        let allowed = backticked(message.split_once("expected").map_or("", |(_, e)| e));
        let hint = match closest(value, allowed.iter().copied()) {
            Some(near) => format!(" (did you mean {}?)", quoted(near)),
            None => String::new(),
        };
        return format!(
            "{what}: {} is not one of {}{hint}",
            quoted(value),
            allowed.join(", ")
        );
    }
    format!("{what}: {message}")
}

/// serde's names for TOML's arrays and tables.
fn toml_words(text: &str) -> String {
    match text {
        "sequence" | "a sequence" => "an array".to_string(),
        "map" | "a map" => "a table".to_string(),
        other => other.to_string(),
    }
}

/// The text between `start` and the next `end`, when `text` begins with `start`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(start)?;
    rest.split_once(end).map(|(inside, _)| inside)
}

/// Every `quoted` word of a serde message.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}
