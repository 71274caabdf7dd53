//! `frontdesk log`, `visits`, `purge` and `backup`: the visit log from the command line.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::str::FromStr;

use anyhow::{anyhow, bail};
use chrono::{DateTime, Local, NaiveDate, Utc};

use crate::catalogue::{Catalogue, Kind};
use crate::cli::{BackupArgs, LogArgs, PurgeArgs, VisitsArgs};
use crate::config::Settings;
use crate::privacy;
use crate::store::{Store, local_day_bounds, retention_cutoff};
use crate::visit::{Feedback, Visit, VisitDraft};

/// With at most this many valid ids, a bad id's message lists them all.
const LIST_ALL_UP_TO: usize = 12;

/// `frontdesk log`: checks every value, refuses personal data in the note, saves, prints the id.
pub fn log(settings: &Settings, args: &LogArgs) -> anyhow::Result<ExitCode> {
    let outcome = parse_word("--outcome", &args.outcome)?;
    let online = args
        .online
        .as_deref()
        .map(|value| parse_word("--online", value))
        .transpose()?;
    let reasons = args
        .reasons
        .iter()
        .map(|value| parse_word("--reason", value))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let feedback = match &args.feedback {
        Some(value) => parse_word("--feedback", value)?,
        None => Feedback::None,
    };
    let catalogue = super::load_catalogue(settings)?;
    if let Some(note) = &args.note {
        let findings = privacy::NoteCheck::new(catalogue.contact_details()).find(note);
        if !findings.is_empty() {
            bail!(
                "the note looks like it holds {}; remove it and try again",
                privacy::describe(&privacy::kinds(&findings))
            );
        }
    }
    for id in &args.services {
        check_id(&catalogue, "--service", id, Kind::Service)?;
    }
    for id in &args.partners {
        check_id(&catalogue, "--partner", id, Kind::Partner)?;
    }

    let now = Utc::now();
    let draft = VisitDraft {
        services: args.services.clone(),
        outcome: Some(outcome),
        partners: args.partners.clone(),
        online,
        reasons,
        feedback,
        note: args.note.clone(),
        ..VisitDraft::new(
            now,
            args.desk.clone().unwrap_or_else(|| settings.desk.clone()),
            args.staff.clone().unwrap_or_else(|| settings.staff.clone()),
            catalogue.version(),
        )
    };
    let visit = draft.into_visit().map_err(|e| match e {
        crate::visit::DraftIncomplete::NoDesk => {
            anyhow!("the desk name is empty; give one with --desk or `desk` in the config file")
        }
        other => anyhow!("cannot log the visit: {other}"),
    })?;
    let mut store = Store::open(&settings.visits_file())?;
    store.save(&visit)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&visit)?);
    } else {
        outln!("{}", visit.id);
    }
    Ok(ExitCode::SUCCESS)
}

/// `frontdesk visits`: the visits that started between two local dates, as a table or JSON.
pub fn list(settings: &Settings, args: &VisitsArgs) -> anyhow::Result<ExitCode> {
    let since = args
        .since
        .as_deref()
        .map(|v| parse_date("--since", v))
        .transpose()?;
    let until = args
        .until
        .as_deref()
        .map(|v| parse_date("--until", v))
        .transpose()?;
    if let (Some(since), Some(until)) = (since, until)
        && since > until
    {
        bail!("--since {since} is after --until {until}; swap them");
    }
    let from = since.map_or(DateTime::<Utc>::MIN_UTC, |d| local_day_bounds(d).0);
    let to = until.map_or(DateTime::<Utc>::MAX_UTC, |d| local_day_bounds(d).1);

    let file = settings.visits_file();
    let visits = if file.exists() {
        Store::open(&file)?.visits_between(from, to, None)?
    } else {
        Vec::new()
    };
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&visits)?);
    } else if visits.is_empty() {
        outln!("No visits logged in that period.");
    } else {
        out!("{}", table(&visits));
    }
    Ok(ExitCode::SUCCESS)
}

/// `frontdesk purge`: deletes (or counts) visits older than the retention period.
pub fn purge(settings: &Settings, args: &PurgeArgs) -> anyhow::Result<ExitCode> {
    let days = args.older_than.unwrap_or(settings.retention_days);
    if days == 0 {
        bail!("--older-than must be at least 1 day");
    }
    let cutoff = retention_cutoff(Utc::now(), days);
    let before = cutoff.with_timezone(&Local).format("%Y-%m-%d %H:%M");
    let file = settings.visits_file();
    let count = if file.exists() {
        Store::open(&file)?.purge_older_than(cutoff, args.dry_run)?
    } else {
        0
    };
    let visits = if count == 1 { "visit" } else { "visits" };
    if args.dry_run {
        outln!(
            "Would remove {count} {visits} older than {days} days (started before {before}); nothing was removed."
        );
    } else {
        outln!("Removed {count} {visits} older than {days} days (started before {before}).");
    }
    Ok(ExitCode::SUCCESS)
}

/// `frontdesk backup PATH`: a consistent copy, safe while the app runs. A folder gets a dated
/// file name.
pub fn backup(settings: &Settings, args: &BackupArgs) -> anyhow::Result<ExitCode> {
    let file = settings.visits_file();
    if !file.exists() {
        bail!(
            "there is no visit log at {} yet; nothing to back up",
            file.display()
        );
    }
    let dest = if args.path.is_dir() {
        args.path.join(format!(
            "visits-{}.sqlite3",
            Local::now().format("%Y-%m-%d-%H%M%S")
        ))
    } else {
        args.path.clone()
    };
    let store = Store::open(&file)?;
    store.backup_to(&dest)?;
    outln!("Backed up the visit log to {}", dest.display());
    Ok(ExitCode::SUCCESS)
}

fn parse_word<T>(flag: &str, value: &str) -> anyhow::Result<T>
where
    T: FromStr<Err = crate::visit::UnknownValue>,
{
    value.parse::<T>().map_err(|e| anyhow!("{flag}: {e}"))
}

fn parse_date(flag: &str, value: &str) -> anyhow::Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| anyhow!("{flag}: '{value}' is not a date; use YYYY-MM-DD, e.g. 2026-03-31"))
}

/// Checks that `id` is an entry of the wanted kind; the error names the bad id and the valid
/// ones (all of them when there are few, else the closest and `frontdesk catalogue list`).
fn check_id(catalogue: &Catalogue, flag: &str, id: &str, wanted: Kind) -> anyhow::Result<()> {
    let id = id.trim();
    if let Some(key) = catalogue.find(id) {
        if key.kind == wanted {
            return Ok(());
        }
        let right_flag = match key.kind {
            Kind::Service => "give it with --service",
            Kind::Partner => "give it with --partner",
            Kind::Faq => "an FAQ is not logged; give the service it is about",
        };
        bail!(
            "{flag}: '{id}' is {}, not {}; {right_flag}",
            with_article(key.kind),
            with_article(wanted)
        );
    }
    let valid: Vec<&str> = catalogue
        .entries()
        .filter(|(key, _)| key.kind == wanted)
        .map(|(_, entry)| entry.id())
        .collect();
    let what = with_article(wanted);
    if valid.is_empty() {
        bail!("{flag}: '{id}' is not {what} in the catalogue, which has none");
    }
    if valid.len() <= LIST_ALL_UP_TO {
        bail!(
            "{flag}: '{id}' is not {what} in the catalogue; use one of: {}",
            valid.join(", ")
        );
    }
    let mut close: Vec<(f64, &str)> = valid
        .iter()
        .map(|v| (strsim::jaro_winkler(id, v), *v))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    close.sort_by(|a, b| b.0.total_cmp(&a.0));
    let close: Vec<&str> = close.into_iter().take(3).map(|(_, v)| v).collect();
    if close.is_empty() {
        bail!(
            "{flag}: '{id}' is not {what} in the catalogue; run `frontdesk catalogue list` to see every id"
        );
    }
    bail!(
        "{flag}: '{id}' is not {what} in the catalogue; did you mean {}? Run `frontdesk catalogue list` to see every id",
        close.join(", ")
    )
}

fn with_article(kind: Kind) -> &'static str {
    match kind {
        Kind::Service => "a service",
        Kind::Partner => "a partner",
        Kind::Faq => "an FAQ",
    }
}

/// The visits as an aligned table, one line each.
fn table(visits: &[Visit]) -> String {
    let header = [
        "Started", "Mins", "Desk", "Staff", "Outcome", "Services", "Partners", "Id", "Note",
    ];
    let rows: Vec<[String; 9]> = visits
        .iter()
        .map(|v| {
            [
                v.started_at
                    .with_timezone(&Local)
                    .format("%Y-%m-%d %H:%M")
                    .to_string(),
                format!("{:.1}", v.duration().num_milliseconds() as f64 / 60_000.0),
                v.desk.clone(),
                v.staff.clone(),
                v.outcome.to_string(),
                v.services.join(", "),
                v.partners.join(", "),
                v.id.to_string(),
                v.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[&str]| {
        let mut text = String::new();
        for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == cells.len() {
                text.push_str(cell);
            } else {
                let _ = write!(text, "{cell:<width$}  ");
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(&header);
    for row in &rows {
        line(&row.each_ref().map(String::as_str));
    }
    out
}
