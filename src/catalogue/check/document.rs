//! One file: its TOML syntax, its tables, and each entry read on its own with the spans of its
//! values kept, so every later problem can point at the value that is wrong.

use std::ops::Range;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::formats::closest;
use super::raw::Raw;
use super::references::{Declared, Section};
use super::shape::shape_error;
use super::{Checker, Site, appointments, content, fields, scripts, text, welsh};
use crate::catalogue::model::{Body, Council, Faq, Partner, Service, SynonymGroup};
use crate::catalogue::script::{Block, Script};
use crate::catalogue::{SourceFile, quoted};

/// Checks one file and records its ids and references for the checks across files.
pub(super) fn check_file(checker: &mut Checker<'_>, index: usize, file: &SourceFile) {
    let (document, errors) = DeTable::parse_recoverable(&file.text);
    if let Some(first) = errors
        .iter()
        .min_by_key(|e| e.span().map_or(0, |s| s.start))
    {
        let span = first.span().unwrap_or(0..0);
        let message = syntax_message(&file.text, first.message(), &span);
        checker.error(&Site { file: index, span }, message);
        checker.broken[index] = true;
        recover_ids(checker, index, document.get_ref());
        return;
    }
    text::control_characters(checker, index, document.get_ref());
    checker.defaults[index] = content::file_defaults(document.get_ref());
    for (key, value) in document.get_ref().iter() {
        let name = key.get_ref().as_ref();
        let key_site = Site {
            file: index,
            span: key.span(),
        };
        let Some(section) = Section::ALL.into_iter().find(|s| s.key() == name) else {
            let keys = Section::ALL.map(|s| s.key());
            let hint = match closest(name, keys) {
                Some(near) => format!(" (did you mean {}?)", quoted(near)),
                None => String::new(),
            };
            let message = format!(
                "unknown table {}{hint}; a catalogue file may have [council], [[body]], [[service]], [[partner]], [[faq]], [[synonyms]], [[script]], [[block]], [facts], [defaults], [[place]], [[appointments]] and [bank_holidays]",
                quoted(name)
            );
            checker.error(&key_site, message);
            checker.broken[index] = true;
            continue;
        };
        match section {
            Section::Council => council(checker, index, &key_site, value),
            Section::Body => {
                entries::<Body>(checker, index, section, &key_site, value, fields::body)
            }
            Section::Service => {
                entries::<Service>(checker, index, section, &key_site, value, fields::service)
            }
            Section::Partner => {
                entries::<Partner>(checker, index, section, &key_site, value, fields::partner)
            }
            Section::Faq => entries::<Faq>(checker, index, section, &key_site, value, fields::faq),
            Section::Synonyms => {
                entries::<SynonymGroup>(checker, index, section, &key_site, value, fields::synonyms)
            }
            Section::Script => {
                entries::<Script>(checker, index, section, &key_site, value, scripts::script)
            }
            Section::Block => {
                entries::<Block>(checker, index, section, &key_site, value, scripts::block)
            }
            Section::Facts => content::facts(checker, index, &key_site, value),
            Section::Defaults => content::defaults(checker, index, &key_site, value),
            Section::Place => entries::<crate::catalogue::places::Place>(
                checker,
                index,
                section,
                &key_site,
                value,
                appointments::place,
            ),
            Section::Appointments => entries::<crate::catalogue::places::AppointmentOffer>(
                checker,
                index,
                section,
                &key_site,
                value,
                appointments::offer,
            ),
            Section::BankHolidays => appointments::bank_holidays(checker, index, &key_site, value),
        }
    }
}

/// A TOML syntax error, in words that say what to do.
fn syntax_message(text: &str, message: &str, span: &Range<usize>) -> String {
    let message = message.trim().replace('\n', " ");
    if message == "duplicate key" {
        let key = text.get(span.clone()).unwrap_or_default();
        return format!(
            "TOML syntax error: {} is set twice; a key or [table] can appear only once (use [[double brackets]] for a list of entries)",
            quoted(key)
        );
    }
    format!("TOML syntax error: {message}; fix this first, then check again")
}

/// Collects the ids of a file that does not parse, as far as toml could recover them, so that
/// references to them are not reported as unknown.
fn recover_ids(checker: &mut Checker<'_>, index: usize, document: &DeTable<'_>) {
    for (key, value) in document.iter() {
        let Some(section) = Section::ALL
            .into_iter()
            .filter(|s| {
                !matches!(
                    s,
                    Section::Script
                        | Section::Block
                        | Section::Facts
                        | Section::Defaults
                        | Section::Place
                        | Section::Appointments
                        | Section::BankHolidays
                )
            })
            .find(|s| s.key() == key.get_ref().as_ref())
        else {
            continue;
        };
        if let DeValue::Array(items) = value.get_ref() {
            for item in items.iter() {
                if let DeValue::Table(table) = item.get_ref()
                    && let Some((id, site)) = Raw::new(index, table, item.span()).id()
                {
                    checker.ledger.declared.push(Declared {
                        id: id.to_string(),
                        section,
                        site,
                        checked: false,
                    });
                }
            }
        }
    }
}

fn council(checker: &mut Checker<'_>, index: usize, key_site: &Site, value: &Spanned<DeValue<'_>>) {
    let DeValue::Table(table) = value.get_ref() else {
        checker.error(
            key_site,
            format!(
                "council is {}; write it as one [council] table (single brackets) with the council's name",
                a_type(value.get_ref())
            ),
        );
        checker.broken[index] = true;
        return;
    };
    checker.ledger.councils.push(key_site.clone());
    let raw = Raw::new(index, table, value.span());
    match Council::deserialize(ValueDeserializer::from(value.clone())) {
        Ok(council) => {
            fields::council(checker, &raw, &council);
            welsh::council(checker, &raw, &council);
        }
        Err(error) => shape_error(checker, &raw, Section::Council, &error),
    }
}

/// Every entry of a `[[service]]`-like array: its id is recorded (and checked) even when the
/// rest of it is broken; the entry's own checks run when it reads as a whole.
fn entries<T: DeserializeOwned>(
    checker: &mut Checker<'_>,
    index: usize,
    section: Section,
    key_site: &Site,
    value: &Spanned<DeValue<'_>>,
    check: fn(&mut Checker<'_>, &Raw<'_, '_>, &T),
) {
    let DeValue::Array(items) = value.get_ref() else {
        checker.error(
            key_site,
            format!(
                "{} is {}; write each {} as its own {} table",
                section.key(),
                a_type(value.get_ref()),
                section.noun(),
                section.header()
            ),
        );
        checker.broken[index] = true;
        return;
    };
    for item in items.iter() {
        let DeValue::Table(table) = item.get_ref() else {
            checker.error(
                &Site {
                    file: index,
                    span: item.span(),
                },
                format!(
                    "each {} must be a table, not {}; write it under a {} header",
                    section.noun(),
                    a_type(item.get_ref()),
                    section.header()
                ),
            );
            checker.broken[index] = true;
            continue;
        };
        let raw = Raw::new(index, table, item.span());
        if section == Section::Script
            && let Some((id, site)) = raw.id()
        {
            fields::id(checker, &site, id);
            checker.ledger.scripts.push((id.to_string(), site));
        } else if section == Section::Block
            && let Some((id, site)) = raw.id()
        {
            fields::id(checker, &site, id);
            checker.ledger.blocks.push((id.to_string(), site));
        } else if section == Section::Place
            && let Some((id, site)) = raw.id()
        {
            fields::id(checker, &site, id);
            checker
                .ledger
                .appointments
                .places
                .push((id.to_string(), site));
        } else if !matches!(section, Section::Synonyms | Section::Appointments)
            && let Some((id, site)) = raw.id()
        {
            fields::id(checker, &site, id);
            checker.ledger.declared.push(Declared {
                id: id.to_string(),
                section,
                site,
                checked: true,
            });
        }
        match T::deserialize(ValueDeserializer::from(item.clone())) {
            Ok(entry) => {
                match section {
                    Section::Service => checker.services += 1,
                    Section::Partner => checker.partners += 1,
                    Section::Faq => checker.faqs += 1,
                    Section::Script => checker.scripts += 1,
                    _ => {}
                }
                check(checker, &raw, &entry);
            }
            Err(error) => shape_error(checker, &raw, section, &error),
        }
    }
}

/// "a string", "an array", ... for messages.
fn a_type(value: &DeValue<'_>) -> String {
    let name = value.type_str();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}
