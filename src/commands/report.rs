//! `frontdesk report`: the customer insight figures of a period, as a table, JSON, CSV or an
//! HTML page; from this desk's log, or with `--central` every desk's, from the server.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, bail};
use chrono::Local;

use super::dates::period;
use crate::catalogue::Catalogue;
use crate::central::Central;
use crate::cli::{ReportArgs, ReportFormat};
use crate::config::{self, ServerUrl, Settings};
use crate::output_file::{self, Privacy};
use crate::report::{CalendarPeriod, Period, Report, desks_for};
use crate::store::VisitLog;
use crate::text::Language;

/// The report's period: `--period`, or `--from`/`--to` (a missing `--to` is today, a missing
/// `--from` is `--to`), or else [`CalendarPeriod::DEFAULT`], the report screen's default too.
pub(super) fn report_period(args: &ReportArgs) -> anyhow::Result<CalendarPeriod> {
    let today = Local::now().date_naive();
    if let Some(text) = &args.period {
        // The period's only refusal is a word that is not a period, said in the language.
        return CalendarPeriod::parse(text, today).map_err(|_| {
            anyhow!(crate::text::cli::not_a_period(
                crate::text::cli::language(),
                text
            ))
        });
    }
    if args.from.is_none() && args.to.is_none() {
        return CalendarPeriod::parse(CalendarPeriod::DEFAULT, today).map_err(|e| anyhow!(e));
    }
    let (from, to) = period(args.from.as_deref(), args.to.as_deref())?;
    let to = to.unwrap_or(today);
    let from = from.unwrap_or(to);
    if from > to {
        bail!(crate::text::cli::dates_swapped(
            crate::text::cli::language(),
            "--from",
            &from.to_string(),
            "--to",
            &to.to_string(),
        ));
    }
    Ok(CalendarPeriod::range(from, to))
}

/// The catalogue for titles: the configured one, or else the built-in one (ids it does not know
/// are shown as themselves).
pub(super) fn catalogue_for_titles(settings: &Settings) -> anyhow::Result<Catalogue> {
    match crate::runtime::load_catalogue(settings) {
        Ok(catalogue) => Ok(catalogue),
        Err(e) => {
            let first = e.to_string();
            let first = first.lines().next().unwrap_or_default().to_string();
            eprintln!(
                "frontdesk: {}",
                crate::text::cli::using_built_in_titles(crate::text::cli::language(), &first)
            );
            Ok(Catalogue::embedded()?)
        }
    }
}

/// Writes `text` to the file named (never one frontdesk keeps), or to the screen (control
/// characters shown as escapes on a terminal).
fn write_text(settings: &Settings, output: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match output {
        Some(path) => Ok(output_file::write(
            path,
            text.as_bytes(),
            &super::kept_files(settings),
            Privacy::Ordinary,
        )?),
        None => {
            out!("{}", super::for_stdout(text));
            Ok(())
        }
    }
}

/// The report role's server: `--server`, else `report_server` from the settings.
fn report_server(settings: &Settings, flag: Option<&str>) -> anyhow::Result<ServerUrl> {
    match (flag, &settings.report_server) {
        (Some(text), _) => Ok(config::server_from_flag("--server", text)?),
        (None, Some(url)) => Ok(url.clone()),
        (None, None) => bail!(crate::text::cli::no_report_server(
            crate::text::cli::language(),
            &settings.config_file.display().to_string(),
        )),
    }
}

pub fn run(settings: &Settings, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    // The report's language is the command line's too, its errors included.
    if let Some(lang) = args.language.as_deref().and_then(Language::from_code) {
        crate::text::cli::set_language(lang);
    }
    let CalendarPeriod { from, to, .. } = report_period(args)?;
    let desk = args
        .desk
        .as_deref()
        .map(|d| config::desk_from_flag("--desk", d))
        .transpose()?;
    let desks = desks_for(desk.as_deref());
    let mut shared = None;
    let counts = if args.central {
        let url = report_server(settings, args.server.as_deref())?;
        let mut central = Central::connect(&url)?;
        crate::central::schema::check(&mut central)?;
        let counts = crate::central::report::report_counts(&mut central, from, to, &desks)?;
        // The appointments and waiting figures of every site's desks (or one site's), from
        // the bookings and tickets on the server.
        shared = Some(crate::central::rooms::figures_rows(
            &mut central,
            from,
            to,
            args.site.as_deref(),
        )?);
        counts
    } else {
        let mut log = VisitLog::new(settings.visits_file());
        if log.exists() {
            log.report_counts(from, to, &desks)?
        } else {
            Vec::new()
        }
    };
    let catalogue = catalogue_for_titles(settings)?;
    let lang = match &args.language {
        Some(code) => Language::from_code(code).unwrap_or_default(),
        None => settings.language,
    };
    // The log's counts hold its bookings' and tickets' too (`appointments::facts`).
    let mut report = Report::build(
        Period { from, to, desk },
        &counts,
        &catalogue,
        settings.unit_costs,
        lang,
    );
    // On the server, the appointments and waiting figures come from the shared bookings and
    // tickets of every desk of the site; the log's own come with its counts.
    if let Some((bookings, tickets)) = &shared {
        report.appointments =
            crate::report::appointments::AppointmentFigures::build(bookings, tickets);
    }
    let text = match args.format {
        ReportFormat::Table => crate::report::table::render(&report, lang),
        ReportFormat::Json => format!("{}\n", serde_json::to_string_pretty(&report)?),
        ReportFormat::Csv => crate::report::csv::render(&report)?,
        ReportFormat::Html => crate::report::html::render(&report, lang),
    };
    write_text(settings, args.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}
