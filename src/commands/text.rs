//! `frontdesk text untranslated`: the words that have no translation in a language yet, and so
//! are shown in English: every label and sentence in `text/` and each key's hint and
//! description, one a line as `WHERE: English words`.

use std::process::ExitCode;

use anyhow::bail;

use crate::desk::Mode;
use crate::text::{self, Language};
use crate::tui::keymap::Keymap;

pub fn untranslated(code: &str) -> anyhow::Result<ExitCode> {
    let Some(lang) = Language::from_code(code).filter(|l| *l != Language::English) else {
        bail!(crate::text::cli::untranslated_language(
            crate::text::cli::language(),
            code
        ));
    };
    let missing = list(lang)?;
    for line in &missing {
        outln!("{line}");
    }
    outln!(
        "{} {} shown in English.",
        missing.len(),
        if missing.len() == 1 {
            "text is"
        } else {
            "texts are"
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// Every untranslated text of `lang`, as "WHERE: English": every label and sentence of
/// [`text::all`] (status sentences and messages included) that reads the same as the English
/// and is not one of the words rightly the same in both, then each key's hint and description.
pub fn list(lang: Language) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    let english = text::all::every_text(Language::English);
    let other = text::all::every_text(lang);
    for (en, theirs) in english.iter().zip(&other) {
        if en.key == theirs.key
            && en.words == theirs.words
            && !en.words.trim().is_empty()
            && !text::all::SAME_IN_WELSH.contains(&en.key.as_str())
        {
            out.push(format!("{}: {}", en.key, en.words));
        }
    }
    let keymap = Keymap::default();
    let mut seen: Vec<(String, &str)> = Vec::new();
    for mode in Mode::ALL {
        let screen = format!("{mode:?}");
        for binding in keymap.bindings(mode) {
            let command = binding.command.name();
            for (what, english, hint) in [
                ("hint", binding.hint, true),
                ("key", Some(binding.description), false),
            ] {
                let Some(english) = english else { continue };
                if !text::keys::is_translated(lang, &screen, &command, hint)
                    && !seen.contains(&(command.clone(), english))
                {
                    seen.push((command.clone(), english));
                    out.push(format!("{what} ({command}): {english}"));
                }
            }
        }
    }
    Ok(out)
}
