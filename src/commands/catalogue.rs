//! `frontdesk catalogue list`: every entry of the catalogue, as a readable list or as JSON.

use std::process::ExitCode;

use serde::Serialize;

use super::table::{Column, Table};
use crate::catalogue::check::{ID_MAX_CHARS, TITLE_MAX_CHARS};
use crate::catalogue::{Catalogue, Entry, Kind};
use crate::config::Settings;

/// One entry as `catalogue list --json` and `search --json` print it.
#[derive(Debug, Serialize)]
pub(crate) struct EntryJson<'a> {
    pub id: &'a str,
    pub kind: Kind,
    pub title: &'a str,
    pub summary: &'a str,
    pub keywords: &'a [String],
    pub urgent: bool,
    /// Who provides a service ("Example County Council"); for partners and FAQs, nothing.
    pub provider: Option<&'a str>,
    /// False when a service is provided by someone other than this council.
    pub provided_by_us: bool,
}

impl<'a> EntryJson<'a> {
    pub fn new(catalogue: &'a Catalogue, entry: Entry<'a>) -> EntryJson<'a> {
        let (provider, provided_by_us) = match entry {
            Entry::Service(service) => {
                let info = catalogue.provider_of(service);
                (Some(info.name), info.is_us())
            }
            _ => (None, true),
        };
        EntryJson {
            id: entry.id(),
            kind: entry.kind(),
            title: entry.title(),
            summary: entry.summary(),
            keywords: entry.keywords(),
            urgent: entry.urgent(),
            provider,
            provided_by_us,
        }
    }
}

/// A short note for a listing: who provides it when not us, and URGENT.
pub(crate) fn entry_note(catalogue: &Catalogue, entry: Entry<'_>) -> String {
    let mut notes = Vec::new();
    if entry.urgent() {
        notes.push("URGENT".to_string());
    }
    if let Entry::Script(script) = entry {
        notes.push(format!(
            "guided script: frontdesk script show {}",
            script.id
        ));
    }
    if let Entry::Service(service) = entry {
        let info = catalogue.provider_of(service);
        if !info.is_us() {
            notes.push(format!("not us: {}", info.name));
        }
    }
    notes.join("; ")
}

pub fn list(settings: &Settings, json: bool) -> anyhow::Result<ExitCode> {
    let catalogue = crate::runtime::load_catalogue(settings)?;
    if json {
        let entries: Vec<EntryJson<'_>> = catalogue
            .entries()
            .map(|(_, entry)| EntryJson::new(&catalogue, entry))
            .collect();
        outln!("{}", serde_json::to_string_pretty(&entries)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    for kind in [Kind::Service, Kind::Partner, Kind::Faq] {
        let entries: Vec<Entry<'_>> = catalogue
            .entries()
            .filter(|(key, _)| key.kind == kind)
            .map(|(_, e)| e)
            .collect();
        if entries.is_empty() {
            continue;
        }
        let heading = match kind {
            Kind::Service => "Services",
            Kind::Partner => "Partners",
            Kind::Faq => "Questions",
            // Scripts are listed by `frontdesk script list`.
            Kind::Script => continue,
        };
        out.push_str(&format!("{heading} ({})\n", entries.len()));
        let mut list = Table::list(
            &[
                Column::left("", ID_MAX_CHARS),
                Column::left("", TITLE_MAX_CHARS),
                Column::left("", 80),
            ],
            2,
        );
        for entry in entries {
            let note = entry_note(&catalogue, entry);
            let note = if note.is_empty() {
                note
            } else {
                format!("[{note}]")
            };
            list.row([entry.id(), entry.title(), &note]);
        }
        out.push_str(&list.render());
        out.push('\n');
    }
    out.push_str(&format!(
        "{} entries in all. Use --json for the full details.\n",
        catalogue.len()
    ));
    out!("{out}");
    Ok(ExitCode::SUCCESS)
}
