//! What a resident needs at their appointment, from a fixed list: an interpreter and the
//! language, step-free access, a hearing loop, a quiet room, a longer slot. No name or contact
//! detail: the only free text is the interpreter's language, which passes the same personal
//! data check as a visit's note.

use std::fmt;

use crate::catalogue::Catalogue;
use crate::privacy;

/// One need.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "need", content = "language")]
pub enum Need {
    /// An interpreter, and the language: "BSL", "Welsh", "Polish" ...
    Interpreter(String),
    StepFree,
    HearingLoop,
    QuietRoom,
    LongerSlot,
}

/// The longest interpreter language, in characters.
pub const LANGUAGE_MAX_CHARS: usize = 40;

/// The words `--needs` takes, for messages.
pub const ACCEPTED: &str = "interpreter=LANGUAGE (e.g. interpreter=bsl, interpreter=welsh, interpreter=polish), step-free, hearing-loop, quiet-room or longer-slot";

/// Why a need was refused: one sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NeedError {
    #[error("need {given:?} is not one of {ACCEPTED}")]
    Unknown { given: String },
    #[error(
        "the interpreter's language looks like it holds {}; give only the language, e.g. interpreter=polish",
        privacy::describe(.kinds)
    )]
    PersonalData { kinds: Vec<privacy::PersonalData> },
    #[error(
        "the interpreter's language {given:?} is not a language name; use letters only (up to {LANGUAGE_MAX_CHARS}), e.g. interpreter=polish or interpreter=bsl"
    )]
    NotALanguage { given: String },
}

impl Need {
    /// Reads one need as typed: `step-free`, `interpreter=bsl` ... The language is checked for
    /// personal data against the catalogue's own contact details.
    pub fn parse(text: &str, catalogue: &Catalogue) -> Result<Need, NeedError> {
        let trimmed = text.trim();
        let (word, language) = match trimmed.split_once(['=', ':']) {
            Some((word, language)) => (word.trim(), Some(language.trim())),
            None => (trimmed, None),
        };
        let unknown = || NeedError::Unknown {
            given: trimmed.to_string(),
        };
        match (word.to_ascii_lowercase().as_str(), language) {
            ("interpreter", Some(language)) => Need::interpreter(language, catalogue),
            ("step-free", None) => Ok(Need::StepFree),
            ("hearing-loop", None) => Ok(Need::HearingLoop),
            ("quiet-room", None) => Ok(Need::QuietRoom),
            ("longer-slot", None) => Ok(Need::LongerSlot),
            _ => Err(unknown()),
        }
    }

    /// An interpreter in the language typed ("bsl", "polish"), checked for personal data
    /// against the catalogue's own contact details and for being a language's name.
    pub fn interpreter(language: &str, catalogue: &Catalogue) -> Result<Need, NeedError> {
        let language = language.trim();
        let found = crate::visit::personal_data_in(language, catalogue);
        if !found.is_empty() {
            return Err(NeedError::PersonalData {
                kinds: privacy::kinds(&found),
            });
        }
        Ok(Need::Interpreter(language_name(language)?))
    }

    /// Reads a need as the visit log keeps it ([`Need::code`]); `None` for one it does not know.
    pub fn from_code(code: &str) -> Option<Need> {
        match code.split_once('=') {
            Some(("interpreter", language)) => Some(Need::Interpreter(language.to_string())),
            _ => match code {
                "step-free" => Some(Need::StepFree),
                "hearing-loop" => Some(Need::HearingLoop),
                "quiet-room" => Some(Need::QuietRoom),
                "longer-slot" => Some(Need::LongerSlot),
                _ => None,
            },
        }
    }

    /// How the visit log keeps it: "step-free", "interpreter=BSL".
    pub fn code(&self) -> String {
        match self {
            Need::Interpreter(language) => format!("interpreter={language}"),
            Need::StepFree => "step-free".into(),
            Need::HearingLoop => "hearing-loop".into(),
            Need::QuietRoom => "quiet-room".into(),
            Need::LongerSlot => "longer-slot".into(),
        }
    }
}

impl fmt::Display for Need {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

/// The needs as one column of the log: codes joined by commas (no code holds a comma).
pub fn to_column(needs: &[Need]) -> String {
    needs.iter().map(Need::code).collect::<Vec<_>>().join(",")
}

/// The needs of a log's column.
pub fn from_column(column: &str) -> Vec<Need> {
    column
        .split(',')
        .filter(|c| !c.is_empty())
        .filter_map(Need::from_code)
        .collect()
}

/// A language's name as written: "BSL" and "Welsh" spelled one way, others capitalised.
fn language_name(text: &str) -> Result<String, NeedError> {
    let not_a_language = || NeedError::NotALanguage {
        given: text.to_string(),
    };
    let lower = text.to_lowercase();
    match lower.as_str() {
        "bsl" | "british sign language" | "sign language" => return Ok("BSL".into()),
        "cy" | "welsh" | "cymraeg" => return Ok("Welsh".into()),
        _ => {}
    }
    let chars = text.chars().count();
    if chars == 0
        || chars > LANGUAGE_MAX_CHARS
        || !text
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'')
    {
        return Err(not_a_language());
    }
    let mut name = String::with_capacity(text.len());
    let mut start = true;
    for c in lower.chars() {
        if start {
            name.extend(c.to_uppercase());
        } else {
            name.push(c);
        }
        start = c == ' ' || c == '-';
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        Catalogue::from_parts(crate::catalogue::Origin::Embedded, Vec::new())
    }

    #[test]
    fn the_fixed_list_reads_and_writes_back() {
        let c = catalogue();
        for (typed, code) in [
            ("step-free", "step-free"),
            ("Hearing-Loop", "hearing-loop"),
            ("quiet-room", "quiet-room"),
            ("longer-slot", "longer-slot"),
            ("interpreter=bsl", "interpreter=BSL"),
            ("interpreter=cy", "interpreter=Welsh"),
            ("interpreter:polish", "interpreter=Polish"),
            (
                "interpreter=brazilian portuguese",
                "interpreter=Brazilian Portuguese",
            ),
        ] {
            let need = Need::parse(typed, &c).unwrap();
            assert_eq!(need.code(), code);
            assert_eq!(Need::from_code(code), Some(need));
        }
    }

    #[test]
    fn personal_data_and_unknown_needs_are_refused_in_one_sentence() {
        let c = catalogue();
        let phone = Need::parse("interpreter=Polish ring 07700 900123", &c).unwrap_err();
        assert!(matches!(phone, NeedError::PersonalData { .. }), "{phone}");
        assert!(phone.to_string().contains("phone number"), "{phone}");
        let email = Need::parse("interpreter=anna@example.net", &c).unwrap_err();
        assert!(matches!(email, NeedError::PersonalData { .. }), "{email}");
        assert!(matches!(
            Need::parse("wheelchair", &c),
            Err(NeedError::Unknown { .. })
        ));
        assert!(matches!(
            Need::parse("interpreter=42", &c),
            Err(NeedError::NotALanguage { .. })
        ));
        assert!(matches!(
            Need::parse("step-free=yes", &c),
            Err(NeedError::Unknown { .. })
        ));
    }
}
