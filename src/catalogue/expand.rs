//! What loading does to the parsed files before they are merged: each service and partner
//! inherits its file's `[defaults]`, every `{fact:NAME}` is replaced by the fact, and each
//! script's include nodes are replaced by the blocks they name. Every face, the slip and the
//! compiled catalogue then see plain, finished text.

use std::collections::BTreeMap;
use std::ops::Range;

use super::CatalogueFile;
use super::script::expand_includes;

/// How a text names a fact: `{fact:bin_put_out_time}`.
pub const FACT_OPEN: &str = "{fact:";

/// Every `{fact:NAME}` in a text: the name and the byte range of the whole reference.
pub fn fact_references(text: &str) -> Vec<(&str, Range<usize>)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|rest| rest.find(FACT_OPEN)) {
        let start = from + at;
        let name_start = start + FACT_OPEN.len();
        let Some(close) = text.get(name_start..).and_then(|rest| rest.find('}')) else {
            break;
        };
        let end = name_start + close + 1;
        found.push((&text[name_start..name_start + close], start..end));
        from = end;
    }
    found
}

/// The text with each known fact in place of its reference; unknown ones are left as written
/// (`check` reports them).
pub fn fill_facts(text: &str, facts: &BTreeMap<String, String>) -> Option<String> {
    let references = fact_references(text);
    if references.is_empty() {
        return None;
    }
    let mut filled = String::with_capacity(text.len());
    let mut last = 0;
    for (name, range) in references {
        if let Some(value) = facts.get(name.trim()) {
            filled.push_str(&text[last..range.start]);
            filled.push_str(value);
            last = range.end;
        }
    }
    filled.push_str(&text[last..]);
    Some(filled)
}

/// Defaults, facts and includes, for the files of one catalogue.
pub fn finish(files: &mut [CatalogueFile]) {
    let mut facts = BTreeMap::new();
    let mut blocks = Vec::new();
    for file in files.iter_mut() {
        inherit_defaults(file);
        facts.extend(std::mem::take(&mut file.facts));
        blocks.append(&mut file.block);
    }
    if !facts.is_empty() {
        for file in files.iter_mut() {
            fill_file(file, &facts);
        }
        for block in &mut blocks {
            if let Ok(mut value) = serde_json::to_value(&*block)
                && fill_value(&mut value, &facts)
                && let Ok(filled) = serde_json::from_value(value)
            {
                *block = filled;
            }
        }
    }
    for file in files.iter_mut() {
        expand_includes(&mut file.script, &blocks);
    }
}

fn inherit_defaults(file: &mut CatalogueFile) {
    let Some(defaults) = file.defaults.take() else {
        return;
    };
    let fill = |sources: &mut Vec<String>, checked: &mut Option<chrono::NaiveDate>| {
        if sources.is_empty() {
            sources.clone_from(&defaults.sources);
        }
        if checked.is_none() {
            *checked = defaults.checked;
        }
    };
    for service in &mut file.service {
        fill(&mut service.sources, &mut service.checked);
    }
    for partner in &mut file.partner {
        fill(&mut partner.sources, &mut partner.checked);
    }
}

/// Fills the facts into every text of one file (through its serde form, so no field is missed).
fn fill_file(file: &mut CatalogueFile, facts: &BTreeMap<String, String>) {
    let Ok(mut value) = serde_json::to_value(&*file) else {
        return;
    };
    if fill_value(&mut value, facts)
        && let Ok(filled) = serde_json::from_value::<CatalogueFile>(value)
    {
        *file = filled;
    }
}

/// True when some text changed.
fn fill_value(value: &mut serde_json::Value, facts: &BTreeMap<String, String>) -> bool {
    match value {
        serde_json::Value::String(text) => match fill_facts(text, facts) {
            Some(filled) if filled != *text => {
                *text = filled;
                true
            }
            _ => false,
        },
        serde_json::Value::Array(items) => items
            .iter_mut()
            .fold(false, |changed, item| fill_value(item, facts) | changed),
        serde_json::Value::Object(map) => map
            .values_mut()
            .fold(false, |changed, item| fill_value(item, facts) | changed),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_is_found_and_filled() {
        let facts = BTreeMap::from([("put_out".to_string(), "7am".to_string())]);
        assert_eq!(
            fact_references("Out by {fact:put_out}, lid shut.")
                .into_iter()
                .map(|(name, _)| name)
                .collect::<Vec<_>>(),
            vec!["put_out"]
        );
        assert_eq!(
            fill_facts("Out by {fact:put_out}, lid shut.", &facts).as_deref(),
            Some("Out by 7am, lid shut.")
        );
        assert_eq!(
            fill_facts("Out by {fact:nope}.", &facts).as_deref(),
            Some("Out by {fact:nope}.")
        );
        assert_eq!(fill_facts("No facts here.", &facts), None);
        assert_eq!(fact_references("broken {fact:open"), vec![]);
    }
}
