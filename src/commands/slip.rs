//! `frontdesk slip`: the resident's slip for some partners and services, as text or HTML, on
//! the screen or in a file.

use std::process::ExitCode;

use anyhow::{anyhow, bail};
use chrono::{Local, NaiveDate};

use crate::catalogue::Catalogue;
use crate::cli::SlipArgs;
use crate::config::Settings;
use crate::output_file::{self, Privacy};
use crate::slip::{self, Slip, SlipLanguage, UnknownId};

pub fn run(settings: &Settings, args: &SlipArgs) -> anyhow::Result<ExitCode> {
    if let Some(reference) = &args.appointment {
        return super::appointments::slip(settings, reference, args);
    }
    let date = match &args.date {
        Some(value) => NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| {
            anyhow!(crate::text::cli::slip_date(
                crate::text::cli::language(),
                value
            ))
        })?,
        None => Local::now().date_naive(),
    };
    if args.partners.is_empty() && args.services.is_empty() {
        bail!(crate::text::cli::slip_empty(crate::text::cli::language()));
    }
    let catalogue = crate::runtime::load_catalogue(settings)?;
    // On a bilingual slip Welsh comes first.
    let language = SlipLanguage::from_code(&args.language).unwrap_or_default();
    let mut slips = Vec::new();
    for lang in language.languages() {
        let slip = Slip::new_in(*lang, &catalogue, &args.partners, &args.services, date)
            .map_err(|unknown| unknown_id(&catalogue, unknown))?;
        slips.push(slip);
    }
    let text = match args.format.as_str() {
        "html" => slip::html::render_all(&slips),
        _ => slip::plain::render_all(&slips),
    };
    match &args.output {
        Some(path) => {
            output_file::write(
                path,
                text.as_bytes(),
                &super::kept_files(settings),
                Privacy::Ordinary,
            )?;
            outln!("{}", path.display());
        }
        None => out!("{}", super::for_stdout(&text)),
    }
    Ok(ExitCode::SUCCESS)
}

/// One sentence naming the id, what it is if it is something else, and how to list ids.
fn unknown_id(catalogue: &Catalogue, unknown: UnknownId) -> anyhow::Error {
    use crate::catalogue::Kind;
    let (flag, id, wanted) = match &unknown {
        UnknownId::Partner(id) => ("--partner", id, Kind::Partner),
        UnknownId::Service(id) => ("--service", id, Kind::Service),
    };
    let is = catalogue.find(id).map(|key| key.kind);
    anyhow!(crate::text::cli::slip_unknown_id(
        crate::text::cli::language(),
        flag,
        id,
        wanted,
        is
    ))
}
