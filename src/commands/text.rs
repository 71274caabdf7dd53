//! `frontdesk text untranslated`: the screens' words that have no translation in a language yet,
//! and so are shown in English: each screen name and label, and each key's hint and
//! description, one a line as `WHERE: English words`.

use std::process::ExitCode;

use anyhow::bail;

use crate::desk::Mode;
use crate::text::{self, Language};
use crate::tui::keymap::Keymap;

pub fn untranslated(code: &str) -> anyhow::Result<ExitCode> {
    let Some(lang) = Language::from_code(code).filter(|l| *l != Language::English) else {
        bail!("--language {code}: give cy (Welsh); English is the words' own language");
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

/// Every untranslated text of `lang`, as "WHERE: English".
pub fn list(lang: Language) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    let same = |group: &str, english: serde_json::Value, other: serde_json::Value| {
        let mut lines = Vec::new();
        if let (serde_json::Value::Object(en), serde_json::Value::Object(cy)) = (english, other) {
            for (field, value) in en {
                if cy.get(&field) == Some(&value) {
                    lines.push(format!("{group}.{field}: {}", shown(&value)));
                }
            }
        }
        lines
    };
    out.extend(same(
        "screen names",
        serde_json::to_value(text::screens::names(Language::English))?,
        serde_json::to_value(text::screens::names(lang))?,
    ));
    out.extend(same(
        "labels",
        serde_json::to_value(text::screens::labels(Language::English))?,
        serde_json::to_value(text::screens::labels(lang))?,
    ));
    let keymap = Keymap::default();
    let mut seen: Vec<&str> = Vec::new();
    for mode in Mode::ALL {
        for binding in keymap.bindings(mode) {
            for (what, english) in [("hint", binding.hint), ("key", Some(binding.description))] {
                let Some(english) = english else { continue };
                if !text::keys::is_translated(lang, english) && !seen.contains(&english) {
                    seen.push(english);
                    out.push(format!("{what} ({}): {english}", binding.command.name()));
                }
            }
        }
    }
    Ok(out)
}

fn shown(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}
