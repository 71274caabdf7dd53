//! What keeps content right: the public pages each entry rests on and the day a person last
//! checked it (`sources`, `checked`, a file's `[defaults]`), named facts written once
//! (`[facts]`, `{fact:NAME}`), blocks of steps written once and included by scripts, and the
//! reading age of every line said to or printed for a resident.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::formats::{closest, web_address};
use super::raw::Raw;
use super::{Checker, Site};
use crate::catalogue::expand::{FACT_OPEN, fill_facts};
use crate::catalogue::readability::{GRADE_LIMIT, MIN_WORDS, grade, long_words, words};
use crate::catalogue::{FileDefaults, quoted};

/// A file's `[defaults]`, as far as it reads; its problems are reported by [`defaults`].
pub(super) fn file_defaults(document: &DeTable<'_>) -> Option<FileDefaults> {
    let (_, value) = document
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == "defaults")?;
    FileDefaults::deserialize(ValueDeserializer::from(value.clone())).ok()
}

/// `[defaults]`: sources and a checked date for the file's services and partners.
pub(super) fn defaults(
    checker: &mut Checker<'_>,
    index: usize,
    key_site: &Site,
    value: &Spanned<DeValue<'_>>,
) {
    let DeValue::Table(table) = value.get_ref() else {
        checker.error(
            key_site,
            "defaults must be one [defaults] table with sources and checked".to_string(),
        );
        checker.broken[index] = true;
        return;
    };
    let raw = Raw::new(index, table, value.span());
    match FileDefaults::deserialize(ValueDeserializer::from(value.clone())) {
        Ok(defaults) => {
            source_addresses(checker, &raw, &defaults.sources);
        }
        Err(error) => {
            checker.broken[index] = true;
            let message = error.message().trim().replace('\n', " ");
            checker.error(
                &raw.site(),
                format!(
                    "[defaults]: {message}; it may have sources = [\"https://...\"] and checked = YYYY-MM-DD"
                ),
            );
        }
    }
}

/// `[facts]`: each a name (lowercase letters, digits and `_`) and one line of text.
pub(super) fn facts(
    checker: &mut Checker<'_>,
    index: usize,
    key_site: &Site,
    value: &Spanned<DeValue<'_>>,
) {
    let DeValue::Table(table) = value.get_ref() else {
        checker.error(
            key_site,
            "facts must be one [facts] table of name = \"text\" lines".to_string(),
        );
        checker.broken[index] = true;
        return;
    };
    for (key, fact) in table.iter() {
        let name = key.get_ref().as_ref();
        let site = Site {
            file: index,
            span: key.span(),
        };
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            checker.error(
                &site,
                format!(
                    "fact name {} is not lowercase_with_underscores; use only a-z, 0-9 and _, e.g. bin_put_out_time",
                    quoted(name)
                ),
            );
        }
        let value_site = Site {
            file: index,
            span: fact.span(),
        };
        match fact.get_ref().as_str() {
            Some(text) if text.trim().is_empty() => checker.error(
                &value_site,
                format!("fact {} is empty; write its text", quoted(name)),
            ),
            Some(text) if text.contains(FACT_OPEN) => checker.error(
                &value_site,
                format!(
                    "fact {} names another fact; write each fact's text out in full",
                    quoted(name)
                ),
            ),
            Some(text) => checker
                .ledger
                .facts
                .push((name.to_string(), text.to_string(), site)),
            None => {
                checker.broken[index] = true;
                checker.error(
                    &value_site,
                    format!(
                        "fact {} should be text in quotes, e.g. {name} = \"7am\"",
                        quoted(name)
                    ),
                );
            }
        }
    }
}

/// A service's or partner's `sources` and `checked`, after its file's `[defaults]`: each
/// should have both. A catalogue that records sources anywhere is held to it everywhere (a
/// warning for each entry without); one that records none yet (a fresh import) is not nagged
/// entry by entry.
pub(super) fn entry_sources(
    checker: &mut Checker<'_>,
    raw: &Raw<'_, '_>,
    what: &str,
    sources: &[String],
    checked: Option<NaiveDate>,
) {
    source_addresses(checker, raw, sources);
    let defaults = checker.defaults.get(raw.file).cloned().flatten();
    let inherited_sources = defaults.as_ref().is_some_and(|d| !d.sources.is_empty());
    let inherited_checked = defaults.as_ref().and_then(|d| d.checked).is_some();
    if !sources.is_empty() || inherited_sources {
        checker.ledger.sources_on = true;
    }
    let site = raw.id().map_or_else(|| raw.site(), |(_, site)| site);
    if sources.is_empty() && !inherited_sources {
        checker.ledger.missing_sources.push((
            site.clone(),
            format!(
                "{what} has no sources; add sources = [\"https://...\"] naming the public pages it rests on, or give the file a [defaults] with sources"
            ),
        ));
    }
    if checked.is_none() && !inherited_checked {
        checker.ledger.missing_sources.push((
            site,
            format!(
                "{what} has no checked date; add checked = YYYY-MM-DD, the day a person last checked it against its sources, or give the file a [defaults] with checked"
            ),
        ));
    }
}

/// A script end's `sources` (at least one: the advice must rest on something a person can
/// read) and `checked`.
pub(super) fn end_sources(
    checker: &mut Checker<'_>,
    raw: &Raw<'_, '_>,
    node: &str,
    sources: &[String],
    checked: Option<NaiveDate>,
) {
    source_addresses(checker, raw, sources);
    if sources.is_empty() {
        checker.error(
            &raw.site(),
            format!(
                "the end at node {node} has no sources; add sources = [\"https://...\"] naming the public pages its advice rests on"
            ),
        );
    }
    let inherited = checker
        .defaults
        .get(raw.file)
        .cloned()
        .flatten()
        .and_then(|d| d.checked)
        .is_some();
    if checked.is_none() && !inherited {
        checker.warning(
            &raw.site(),
            format!(
                "the end at node {node} has no checked date; add checked = YYYY-MM-DD, the day a person last checked its advice"
            ),
        );
    }
}

fn source_addresses(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, sources: &[String]) {
    for (source, site) in sources.iter().zip(raw.items("sources")) {
        if web_address(source).is_none() {
            checker.error(
                &site,
                format!(
                    "source {} is not a web address; write the page's full address, e.g. \"https://www.gov.uk/apply-blue-badge\"",
                    quoted(source)
                ),
            );
        }
    }
}

/// Notes a line said to or printed for a resident, for the reading-age check.
pub(super) fn resident_line(checker: &mut Checker<'_>, text: &str, site: Site) {
    if !text.trim().is_empty() {
        checker.ledger.resident_lines.push((text.to_string(), site));
    }
}

/// The checks that need every file: facts used and known, includes that name a block and do
/// not go round in a loop, and the reading age of each resident's line.
pub(super) fn report(checker: &mut Checker<'_>) {
    let ledger = std::mem::take(&mut checker.ledger);
    if ledger.sources_on {
        for (site, message) in &ledger.missing_sources {
            checker.warning(site, message.clone());
        }
    }
    facts_used(checker, &ledger.facts, &ledger.fact_uses);
    includes(checker, &ledger.blocks, &ledger.includes);
    let facts: BTreeMap<String, String> = ledger
        .facts
        .iter()
        .map(|(name, text, _)| (name.clone(), text.clone()))
        .collect();
    for (line, site) in &ledger.resident_lines {
        reading_age(checker, line, site, &facts);
    }
    checker.ledger = ledger;
}

fn facts_used(
    checker: &mut Checker<'_>,
    facts: &[(String, String, Site)],
    uses: &[(String, Site)],
) {
    let mut first: HashMap<&str, &Site> = HashMap::new();
    for (name, _, site) in facts {
        if let Some(earlier) = first.get(name.as_str()) {
            let at = checker.location(earlier);
            checker.error(
                site,
                format!(
                    "fact {} is already set at {at}; a fact is written once",
                    quoted(name)
                ),
            );
        } else {
            first.insert(name, site);
        }
    }
    let used: HashSet<&str> = uses.iter().map(|(name, _)| name.as_str()).collect();
    for (name, site) in uses {
        if !first.contains_key(name.as_str()) {
            let hint = match closest(name, first.keys().copied()) {
                Some(near) => format!(" (did you mean {}?)", quoted(near)),
                None => String::new(),
            };
            checker.error(
                site,
                format!(
                    "{{fact:{name}}} names no fact{hint}; add {name} = \"...\" to a [facts] table or fix the name"
                ),
            );
        }
    }
    for (name, _, site) in facts {
        if !used.contains(name.as_str()) {
            checker.warning(
                site,
                format!(
                    "fact {} is not used; write {{fact:{name}}} where the text says it, or remove it",
                    quoted(name)
                ),
            );
        }
    }
}

fn includes(
    checker: &mut Checker<'_>,
    blocks: &[(String, Site)],
    includes: &[super::references::Include],
) {
    let known: HashSet<&str> = blocks.iter().map(|(id, _)| id.as_str()).collect();
    for include in includes {
        if !known.contains(include.block.as_str()) {
            let hint = match closest(&include.block, known.iter().copied()) {
                Some(near) => format!("; did you mean {}?", quoted(near)),
                None => String::new(),
            };
            checker.error(
                &include.site,
                format!(
                    "include {} is not the id of any [[block]]{hint}",
                    quoted(&include.block)
                ),
            );
        }
    }
    // Which blocks each block includes, to find a block that includes itself at last.
    let mut graph: HashMap<&str, Vec<&super::references::Include>> = HashMap::new();
    for include in includes {
        if let Some(from) = &include.in_block {
            graph.entry(from.as_str()).or_default().push(include);
        }
    }
    let mut reported = HashSet::new();
    for (start, _) in blocks {
        // Depth first from each block: an include that reaches `start` again is a loop.
        let mut pending: Vec<(&str, Vec<&str>)> = vec![(start.as_str(), vec![start.as_str()])];
        while let Some((at, way)) = pending.pop() {
            for include in graph.get(at).into_iter().flatten() {
                let next = include.block.as_str();
                if next == start {
                    if reported.insert((include.site.file, include.site.span.start)) {
                        let mut round = way.clone();
                        round.push(next);
                        checker.error(
                            &include.site,
                            format!(
                                "an include loop: {}; a block cannot include itself, even through another block",
                                round.join(" includes ")
                            ),
                        );
                    }
                } else if !way.contains(&next) {
                    let mut further = way.clone();
                    further.push(next);
                    pending.push((next, further));
                }
            }
        }
    }
    for (id, site) in blocks {
        if !includes.iter().any(|i| &i.block == id) {
            checker.warning(
                site,
                format!(
                    "block {} is not included by any script; include it with include = {} or remove it",
                    quoted(id),
                    quoted(id)
                ),
            );
        }
    }
}

fn reading_age(
    checker: &mut Checker<'_>,
    line: &str,
    site: &Site,
    facts: &BTreeMap<String, String>,
) {
    let filled = fill_facts(line, facts);
    let text = filled.as_deref().unwrap_or(line);
    if words(text).len() < MIN_WORDS {
        return;
    }
    let Some(grade) = grade(text) else {
        return;
    };
    if grade > GRADE_LIMIT {
        let hard = long_words(text);
        let explain = if hard.is_empty() {
            "split it into shorter sentences".to_string()
        } else {
            format!(
                "use shorter sentences, and explain or replace: {}",
                hard.join(", ")
            )
        };
        checker.warning(
            site,
            format!(
                "this line reads at grade {grade:.1}, above the {GRADE_LIMIT:.0} a resident should meet (a reading age of about 11 to 13); {explain}"
            ),
        );
    }
}
