//! Turning an Open Referral UK (ORUK 3.0) directory feed into a catalogue directory of partners.
//!
//! The input is one JSON file or a folder of them (`*.json`, each a page of services, a full
//! service, a full organisation or a service at a location; a taxonomy is skipped). Every
//! service becomes a `[[partner]]` ([`partner`]); a service found more than once (same ORUK id)
//! is merged into one and reported. The folder written holds `partners.toml` (split into
//! `partners-2.toml`, ... for a big feed, as the catalogue reads files of up to 16 MB), a
//! placeholder `council.toml` and the default thesaurus, so it passes `frontdesk check` on its
//! own; the partners file can also be copied into a council's own catalogue.
//!
//! The directory is written in full beside its destination and then renamed into place, so a
//! failed import leaves nothing half-written ([`super::import_files`]).

mod clean;
mod draft;
pub mod feed;
mod partner;
pub mod schedule;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::import_files::{ImportError, check_destination, fail, write_dir};
use crate::printable::printable;

pub use partner::{ImportedPartner, Notes, Repeat};

/// How long an imported entry stays good before `check` asks for it to be looked at again:
/// directory records change more often than council services, so six months, not a year.
pub const REVIEW_MONTHS: u32 = 6;

/// A catalogue file is read up to 16 MB; partners files are kept well under that.
const PARTNERS_FILE_BYTES: usize = 8 * 1024 * 1024;

/// What an import produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrukSummary {
    /// JSON files read.
    pub files: usize,
    /// Partners written.
    pub partners: usize,
    /// Files that were taxonomies (nothing imported from them).
    pub taxonomies: Vec<String>,
    /// Pages of a list whose other pages were not given: "list.json is page 1 of 10".
    pub missing_pages: Vec<String>,
    /// The `review_by` date every entry was given.
    pub review_by: NaiveDate,
    /// The files written, by name.
    pub written: Vec<String>,
    pub notes: Notes,
}

/// The JSON files to read: `input` itself, or the `*.json` files directly inside a folder,
/// by name.
pub fn input_files(input: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let name = printable(&input.display().to_string()).into_owned();
    if !input.is_dir() {
        return Ok(vec![input.to_path_buf()]);
    }
    let listing = fs::read_dir(input)
        .map_err(|e| ImportError(format!("cannot read the folder {name}: {e}")))?;
    let mut files: Vec<PathBuf> = listing
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                && !path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return fail(format!(
            "{name} has no .json files; give an ORUK JSON file, or a folder of them"
        ));
    }
    Ok(files)
}

/// Imports the ORUK file or folder `input` into a new catalogue folder `out`. An existing `out`
/// is refused unless it is empty, or `replace` is given and it holds only `.toml` files.
pub fn import(
    input: &Path,
    out: &Path,
    today: NaiveDate,
    replace: bool,
) -> Result<OrukSummary, ImportError> {
    check_destination(out, replace)?;
    let files = input_files(input)?;
    let mut book = draft::Book::default();
    let mut taxonomies = Vec::new();
    let mut pages: Vec<(String, u64, u64)> = Vec::new();
    for path in &files {
        let feed = feed::read_file(path)?;
        let shown = printable(&shown_name(input, path)).into_owned();
        if feed.taxonomies > 0 && feed.services.is_empty() && feed.organisations.is_empty() {
            taxonomies.push(shown.clone());
        }
        if let Some((page, total)) = feed.page {
            pages.push((shown.clone(), page, total));
        }
        book.add(feed, &shown);
    }
    let review_by = today
        .checked_add_months(Months::new(REVIEW_MONTHS))
        .unwrap_or(today);
    let (partners, notes) = partner::partners(&book, today, review_by);
    if partners.is_empty() {
        let name = printable(&input.display().to_string()).into_owned();
        let why = if !notes.not_active.is_empty() {
            format!(
                "its {} services are all inactive or defunct",
                notes.not_active.len()
            )
        } else if !taxonomies.is_empty() {
            "it holds only a taxonomy, which lists categories, not services".to_string()
        } else {
            "it has no services or organisations".to_string()
        };
        return fail(format!(
            "{name}: nothing to import, as {why}; give ORUK service or organisation files"
        ));
    }
    let catalogue = catalogue_files(&partners, input, today)?;
    let written = catalogue.iter().map(|(name, _)| name.clone()).collect();
    write_dir(out, &catalogue, replace)?;
    Ok(OrukSummary {
        files: files.len(),
        partners: partners.len(),
        taxonomies,
        missing_pages: missing_pages(&pages),
        review_by,
        written,
        notes,
    })
}

/// A file's name as messages show it: its name within the folder given, or the path given.
fn shown_name(input: &Path, path: &Path) -> String {
    if input.is_dir() {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string())
    } else {
        path.display().to_string()
    }
}

/// "list.json is page 1 of 10, and only 1 page was given", for each list with pages missing.
/// Pages that say the same number of pages in all are taken to be of one list.
fn missing_pages(pages: &[(String, u64, u64)]) -> Vec<String> {
    let given_of = |total: u64| pages.iter().filter(|(_, _, t)| *t == total).count() as u64;
    pages
        .iter()
        .filter(|(_, _, total)| *total > given_of(*total))
        .map(|(file, page, total)| {
            let given = given_of(*total);
            let pages_word = if given == 1 { "page was" } else { "pages were" };
            format!("{file} is page {page} of {total}, and only {given} {pages_word} given")
        })
        .collect()
}

#[derive(Serialize)]
struct PartnersFile<'a> {
    partner: &'a [ImportedPartner],
}

/// The files of the catalogue folder: (file name, contents).
pub fn catalogue_files(
    partners: &[ImportedPartner],
    input: &Path,
    today: NaiveDate,
) -> Result<Vec<(String, String)>, ImportError> {
    let source = printable(&input.display().to_string()).into_owned();
    let council = format!(
        "# Imported from Open Referral UK data ({source}) by `frontdesk import oruk` on {today}.\n\
         # Put your council's name, phone number and website here, or copy the partners files\n\
         # into your own catalogue folder instead of using this folder on its own.\n\n\
         [council]\n\
         name = \"This council\"\n\
         version = \"oruk-{today}\"\n"
    );
    let mut files = vec![("council.toml".to_string(), council)];
    let mut chunks: Vec<Vec<String>> = vec![Vec::new()];
    let mut size = 0;
    for partner in partners {
        let text = toml::to_string(&PartnersFile {
            partner: std::slice::from_ref(partner),
        })
        .map_err(|e| ImportError(format!("cannot write the partners as TOML: {e}")))?;
        if size + text.len() > PARTNERS_FILE_BYTES && chunks.last().is_some_and(|c| !c.is_empty()) {
            chunks.push(Vec::new());
            size = 0;
        }
        size += text.len();
        if let Some(chunk) = chunks.last_mut() {
            chunk.push(text);
        }
    }
    let count = chunks.len();
    for (index, chunk) in chunks.into_iter().enumerate() {
        let name = if index == 0 {
            "partners.toml".to_string()
        } else {
            format!("partners-{}.toml", index + 1)
        };
        let part = if count > 1 {
            format!(" (part {} of {count})", index + 1)
        } else {
            String::new()
        };
        let header = format!(
            "# {} partners from Open Referral UK data{part}, imported on {today}.\n\
             # Each id ends with a fingerprint of the service's ORUK id, so it stays the same when\n\
             # the same feed is imported again.\n\n",
            chunk.len()
        );
        files.push((name, header + &chunk.join("\n")));
    }
    files.push((
        "synonyms.toml".to_string(),
        super::import_lgsl::default_thesaurus_text(),
    ));
    Ok(files)
}

#[cfg(test)]
mod tests;
