//! Turning the Local Government Service List (LGSL, `services.csv`) into a catalogue directory.
//!
//! Each LGSL service becomes a `[[service]]` with id `lgsl-<Identifier>`, its label as the title
//! and its description as the summary. An optional tiers file (GOV.UK's local services list:
//! `LGSL`, `Description`, `Providing Tier`) says which tier provides each service: district,
//! unitary and "all" services are this council's, county services the county council's. Its
//! description ("Find out about potholes") also gives the service a keyword in everyday words.
//! The default thesaurus is copied in, so the desk's synonyms work on the imported catalogue.
//!
//! The directory is written in full beside its destination and then renamed into place, so a
//! failed import leaves nothing half-written.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::MAX_FILE_BYTES;
use super::check::TITLE_MAX_CHARS;
use crate::printable::{is_unsafe, printable};
use crate::user_file::{ReadError, read_bounded};

use super::import_files::fail;
pub use super::import_files::{ImportError, write_dir};

/// What an import produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    /// Services written.
    pub services: usize,
    /// Rows skipped because their `Type` is not `Service`.
    pub skipped: usize,
    /// Services the tiers file gives to the county council.
    pub county: usize,
    /// Services the tiers file names (the rest default to this council).
    pub tiered: usize,
}

/// One LGSL service as read from the CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct LgslService {
    pub id: u32,
    pub label: String,
    pub description: String,
}

/// Who provides an LGSL service, from the tiers file.
#[derive(Debug, Clone, PartialEq)]
pub struct LgslTier {
    pub county: bool,
    /// GOV.UK's name for the service, without "Find out about": "potholes".
    pub everyday_name: Option<String>,
}

/// The id of the county council body an import writes.
pub const COUNTY_BODY: &str = "county";

/// The longest summary written, in characters: an LGSL description is a sentence or two.
const SUMMARY_MAX_CHARS: usize = 2_000;

/// The largest CSV file read.
pub const CSV_MAX_BYTES: u64 = 32 * 1024 * 1024;

/// Reads the LGSL services CSV. Rows whose `Type` is present and not `Service` are skipped
/// (the LGSL publishes functions and other lists in the same shape).
pub fn read_services(path: &Path) -> Result<(Vec<LgslService>, usize), ImportError> {
    let text = read_text(path)?;
    parse_services(&text, &path.display().to_string())
}

/// Parses the text of an LGSL services CSV; `name` is the file named in messages.
pub fn parse_services(text: &str, name: &str) -> Result<(Vec<LgslService>, usize), ImportError> {
    let mut reader = csv_reader(text);
    let headers = headers(&mut reader, name)?;
    let column = |wanted: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(wanted));
    let (Some(id_col), Some(label_col)) = (column("Identifier"), column("Label")) else {
        let missing: Vec<&str> = ["Identifier", "Label"]
            .into_iter()
            .filter(|c| column(c).is_none())
            .collect();
        return fail(format!(
            "{name}:1: the header has no {} column; this does not look like the LGSL services.csv (Identifier, Label, Description, ..., Type)",
            missing.join(" or ")
        ));
    };
    let description_col = column("Description");
    let type_col = column("Type");

    let mut services = Vec::new();
    let mut skipped = 0;
    let mut first_line: HashMap<u32, u64> = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_problem(name, &e))?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let field = |col: usize| record.get(col).unwrap_or("").trim();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if let Some(col) = type_col {
            let kind = field(col);
            if !kind.is_empty() && !kind.eq_ignore_ascii_case("service") {
                skipped += 1;
                continue;
            }
        }
        let raw_id = field(id_col);
        let Ok(id) = raw_id.parse::<u32>() else {
            return fail(format!(
                "{name}:{line}: Identifier \"{raw_id}\" is not a whole number; LGSL identifiers are numbers such as 524"
            ));
        };
        if let Some(first) = first_line.insert(id, line) {
            return fail(format!(
                "{name}:{line}: Identifier {id} appears again (first on line {first}); each service needs its own identifier"
            ));
        }
        let label = squeeze(field(label_col));
        if label.is_empty() {
            return fail(format!(
                "{name}:{line}: service {id} has an empty Label; every service needs a name"
            ));
        }
        let chars = label.chars().count();
        if chars > TITLE_MAX_CHARS {
            return fail(format!(
                "{name}:{line}: service {id} has a Label of {chars} characters; a title may have {TITLE_MAX_CHARS} at most, so fix that row or give the LGSL's own services.csv"
            ));
        }
        let description = description_col.map(field).unwrap_or("");
        services.push(LgslService {
            id,
            label,
            description: cut(&squeeze(description), SUMMARY_MAX_CHARS),
        });
    }
    if services.is_empty() {
        return fail(if skipped > 0 {
            format!(
                "{name} has no rows whose Type is Service ({skipped} other rows); give the LGSL services.csv, not the functions list"
            )
        } else {
            format!("{name} has a header but no services; give the LGSL services.csv")
        });
    }
    Ok((services, skipped))
}

/// Reads the tiers CSV (`LGSL`, `Description`, `Providing Tier`).
pub fn read_tiers(path: &Path) -> Result<HashMap<u32, LgslTier>, ImportError> {
    let text = read_text(path)?;
    parse_tiers(&text, &path.display().to_string())
}

/// Parses the text of a tiers CSV; `name` is the file named in messages.
pub fn parse_tiers(text: &str, name: &str) -> Result<HashMap<u32, LgslTier>, ImportError> {
    let mut reader = csv_reader(text);
    let headers = headers(&mut reader, name)?;
    let column = |wanted: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(wanted));
    let (Some(id_col), Some(tier_col)) = (column("LGSL"), column("Providing Tier")) else {
        return fail(format!(
            "{name}:1: the header needs the columns LGSL and Providing Tier; this does not look like the local services tiers file"
        ));
    };
    let description_col = column("Description");
    let mut tiers = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_problem(name, &e))?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let field = |col: usize| record.get(col).unwrap_or("").trim();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let raw_id = field(id_col);
        let Ok(id) = raw_id.parse::<u32>() else {
            return fail(format!(
                "{name}:{line}: LGSL \"{raw_id}\" is not a whole number; LGSL identifiers are numbers such as 524"
            ));
        };
        let county = match field(tier_col).to_ascii_lowercase().as_str() {
            "district/unitary" | "all" | "district" | "unitary" => false,
            "county/unitary" | "county" => true,
            other => {
                return fail(format!(
                    "{name}:{line}: Providing Tier \"{other}\" is not one of district/unitary, county/unitary or all"
                ));
            }
        };
        let everyday_name = description_col
            .map(field)
            .map(everyday_name)
            .filter(|n| !n.is_empty());
        tiers.insert(
            id,
            LgslTier {
                county,
                everyday_name,
            },
        );
    }
    Ok(tiers)
}

/// "Find out about potholes" -> "potholes".
fn everyday_name(description: &str) -> String {
    let text = squeeze(description);
    let lower = text.to_ascii_lowercase();
    for lead in [
        "find out more about ",
        "find out about ",
        "find out abut ",
        "find out how to ",
        "find out ",
        "find the ",
        "find your ",
        "find ",
        "search the ",
        "get information on ",
    ] {
        if lower.starts_with(lead) {
            return text[lead.len()..].trim().to_string();
        }
    }
    text
}

/// Collapses runs of spaces (the LGSL has "Operations -  appliance management") and cleans
/// out every character `check` refuses, so an import never writes one: line breaks and tabs
/// become spaces; other control characters (NUL, escape, DEL) and text direction marks go.
fn squeeze(text: &str) -> String {
    let plain: String = text
        .chars()
        .filter_map(|c| match c {
            c if c.is_whitespace() => Some(' '),
            c if is_unsafe(c) => None,
            c => Some(c),
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` cut to at most `max` characters at a space, ending in "…" where it was cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max - 1).collect();
    let kept = match kept.rfind(' ') {
        Some(at) if at > kept.len() / 2 => &kept[..at],
        _ => kept.as_str(),
    };
    format!("{}…", kept.trim_end())
}

fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes())
}

fn headers(reader: &mut csv::Reader<&[u8]>, name: &str) -> Result<Vec<String>, ImportError> {
    let headers = reader.headers().map_err(|e| csv_problem(name, &e))?;
    let headers: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
    if headers.iter().all(String::is_empty) {
        return fail(format!(
            "{name} is empty; expected a CSV file with a header row"
        ));
    }
    Ok(headers)
}

fn csv_problem(name: &str, error: &csv::Error) -> ImportError {
    let line = error
        .position()
        .map(|p| p.line().to_string())
        .unwrap_or_else(|| "?".into());
    ImportError(format!(
        "{name}:{line}: this row cannot be read as CSV ({error}); check its quotes and commas"
    ))
}

/// Reads a whole CSV file as UTF-8 text (a leading byte-order mark is dropped). Only a regular
/// file is read (a named pipe would wait for ever), and at most [`CSV_MAX_BYTES`].
fn read_text(path: &Path) -> Result<String, ImportError> {
    let name = printable(&path.display().to_string()).into_owned();
    let bytes = match read_bounded(path, CSV_MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadError::NotFound) => {
            return fail(format!(
                "{name} does not exist; check the path of the CSV file"
            ));
        }
        Err(e @ ReadError::TooLarge { .. }) => {
            return fail(format!(
                "{name} {e}; the LGSL services file is well under a megabyte, so check this is the right file"
            ));
        }
        Err(e @ ReadError::NotAFile(_)) => {
            return fail(format!("{name} {e}; give the path of a CSV file"));
        }
        Err(e) => return fail(format!("{name} {e}")),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return fail(format!(
            "{name} is empty; expected a CSV file with a header row"
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string()),
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            fail(format!(
                "{name}:{line}: this file is not UTF-8 text; save it as CSV UTF-8 and try again"
            ))
        }
    }
}

#[derive(Serialize)]
struct ServicesFile<'a> {
    service: Vec<ImportedService<'a>>,
}

#[derive(Serialize)]
struct ImportedService<'a> {
    id: String,
    title: &'a str,
    summary: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    keywords: Vec<String>,
    provider: &'static str,
    lgsl: [u32; 1],
    review_by: String,
}

/// The files of the catalogue directory for these services: (file name, contents).
pub fn catalogue_files(
    services: &[LgslService],
    tiers: &HashMap<u32, LgslTier>,
    today: NaiveDate,
) -> Result<Vec<(String, String)>, ImportError> {
    let review_by = today
        .checked_add_months(Months::new(12))
        .unwrap_or(today)
        .format("%Y-%m-%d")
        .to_string();
    let council = format!(
        "# Imported from the Local Government Service List (LGSL) by `frontdesk import lgsl` on {today}.\n\
         # Put your council's name, phone number and website here; add keywords, what to say and what\n\
         # to bring to each service as you learn what residents ask for.\n\n\
         [council]\n\
         name = \"This council\"\n\
         version = \"lgsl-{today}\"\n\n\
         [[body]]\n\
         id = \"{COUNTY_BODY}\"\n\
         name = \"The county council\"\n\
         tier = \"county\"\n"
    );
    let mut imported = Vec::with_capacity(services.len());
    for service in services {
        let tier = tiers.get(&service.id);
        let summary = if service.description.is_empty() {
            format!(
                "{}: a council service (LGSL {}). Ask the council for details.",
                service.label, service.id
            )
        } else {
            service.description.clone()
        };
        imported.push(ImportedService {
            id: format!("lgsl-{}", service.id),
            title: &service.label,
            summary,
            keywords: tier
                .and_then(|t| t.everyday_name.clone())
                .into_iter()
                .collect(),
            provider: if tier.is_some_and(|t| t.county) {
                COUNTY_BODY
            } else {
                "council"
            },
            lgsl: [service.id],
            review_by: review_by.clone(),
        });
    }
    let body = toml::to_string(&ServicesFile { service: imported })
        .map_err(|e| ImportError(format!("cannot write the services as TOML: {e}")))?;
    let services_text = format!(
        "# {} services of the Local Government Service List, imported on {today}.\n\n{body}",
        services.len()
    );
    if services_text.len() as u64 > MAX_FILE_BYTES {
        return fail(format!(
            "the {} services make a services.toml larger than the {} a catalogue file may be; import the LGSL's own services.csv, or split the list",
            services.len(),
            crate::user_file::size_in_words(MAX_FILE_BYTES)
        ));
    }
    let mut files = vec![
        ("council.toml".to_string(), council),
        ("services.toml".to_string(), services_text),
    ];
    files.push(("synonyms.toml".to_string(), default_thesaurus_text()));
    Ok(files)
}

/// The default thesaurus file, as written (comments included).
pub(crate) fn default_thesaurus_text() -> String {
    let embedded = super::load::embedded_files();
    if let Some(file) = embedded.iter().find(|f| f.name.ends_with("/synonyms.toml")) {
        return file.text.clone();
    }
    #[derive(Serialize)]
    struct Synonyms {
        synonyms: Vec<super::SynonymGroup>,
    }
    toml::to_string(&Synonyms {
        synonyms: super::load::default_synonyms(),
    })
    .unwrap_or_default()
}

/// Imports `csv` (and `tiers`) into a new catalogue directory `out`.
pub fn import(
    csv: &Path,
    tiers: Option<&Path>,
    out: &Path,
    today: NaiveDate,
) -> Result<ImportSummary, ImportError> {
    let (services, skipped) = read_services(csv)?;
    let tiers = match tiers {
        Some(path) => read_tiers(path)?,
        None => HashMap::new(),
    };
    let files = catalogue_files(&services, &tiers, today)?;
    write_dir(out, &files, false)?;
    let tiered = services
        .iter()
        .filter(|s| tiers.contains_key(&s.id))
        .count();
    let county = services
        .iter()
        .filter(|s| tiers.get(&s.id).is_some_and(|t| t.county))
        .count();
    Ok(ImportSummary {
        services: services.len(),
        skipped,
        county,
        tiered,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "Identifier,Label,Description,Created,Modified,History notes,Type,\n";

    #[test]
    fn services_are_read_and_other_types_skipped() {
        let text = format!(
            "{HEADER}524,Household waste collection,\"Collection of household rubbish, weekly.\",,,,Service,\n\
             1,Advice and benefits,,,,,Function,\n\
             1636,Operations -  appliance management,,,,,Service,\n"
        );
        let (services, skipped) = parse_services(&text, "services.csv").unwrap();
        assert_eq!(skipped, 1);
        assert_eq!(services.len(), 2);
        assert_eq!(services[0].id, 524);
        assert_eq!(
            services[0].description,
            "Collection of household rubbish, weekly."
        );
        assert_eq!(services[1].label, "Operations - appliance management");
    }

    #[test]
    fn bad_rows_name_the_line() {
        let text = format!("{HEADER}524,Bins,,,,,Service,\nabc,Oops,,,,,Service,\n");
        let err = parse_services(&text, "s.csv").unwrap_err();
        assert!(err.0.starts_with("s.csv:3: Identifier \"abc\""), "{err}");

        let text = format!("{HEADER}524,Bins,,,,,Service,\n524,Again,,,,,Service,\n");
        let err = parse_services(&text, "s.csv").unwrap_err();
        assert!(
            err.0.contains("s.csv:3:") && err.0.contains("line 2"),
            "{err}"
        );

        let err = parse_services("Name,Label\nx,y\n", "s.csv").unwrap_err();
        assert!(err.0.contains("no Identifier column"), "{err}");

        let err = parse_services(HEADER, "s.csv").unwrap_err();
        assert!(err.0.contains("no services"), "{err}");
    }

    #[test]
    fn tiers_map_to_providers_and_everyday_names() {
        let text = "LGSL,Description,Providing Tier\n557,Find out about potholes,county/unitary\n524,Find out which day the refuse is collected,district/unitary\n18,Find out about school holiday schemes,all\n";
        let tiers = parse_tiers(text, "t.csv").unwrap();
        assert!(tiers[&557].county);
        assert_eq!(tiers[&557].everyday_name.as_deref(), Some("potholes"));
        assert!(!tiers[&524].county);
        assert_eq!(
            tiers[&524].everyday_name.as_deref(),
            Some("which day the refuse is collected")
        );
        assert!(!tiers[&18].county);

        let err =
            parse_tiers("LGSL,Description,Providing Tier\n5,x,parish\n", "t.csv").unwrap_err();
        assert!(
            err.0.starts_with("t.csv:2: Providing Tier \"parish\""),
            "{err}"
        );
    }

    #[test]
    fn the_files_form_a_catalogue_that_loads() {
        let services = vec![
            LgslService {
                id: 557,
                label: "Road maintenance".into(),
                description: "Repairs to roads, \"potholes\" and more.".into(),
            },
            LgslService {
                id: 1636,
                label: "Operations - appliance management".into(),
                description: String::new(),
            },
        ];
        let mut tiers = HashMap::new();
        tiers.insert(
            557,
            LgslTier {
                county: true,
                everyday_name: Some("potholes".into()),
            },
        );
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let files = catalogue_files(&services, &tiers, today).unwrap();
        let parsed: Vec<_> = files
            .iter()
            .map(|(name, text)| {
                super::super::parse_file(&super::super::SourceFile {
                    name: name.clone(),
                    text: text.clone(),
                })
                .unwrap_or_else(|p| panic!("{p}"))
            })
            .collect();
        let catalogue = super::super::Catalogue::from_parts(super::super::Origin::Embedded, parsed);
        let road = catalogue.service("lgsl-557").unwrap();
        assert_eq!(road.title, "Road maintenance");
        assert_eq!(road.provider, COUNTY_BODY);
        assert_eq!(road.keywords, ["potholes"]);
        assert_eq!(road.lgsl, [557]);
        assert_eq!(
            road.review_by,
            NaiveDate::from_ymd_opt(2027, 11, 23).unwrap()
        );
        assert!(!catalogue.provider_of(road).is_us());
        let ops = catalogue.service("lgsl-1636").unwrap();
        assert_eq!(ops.provider, "council");
        assert!(ops.summary.contains("LGSL 1636"));
        assert!(!catalogue.synonyms.is_empty(), "the thesaurus is copied in");
    }
}
