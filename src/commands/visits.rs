//! `frontdesk log`, `visits`, `purge` and `backup`: the visit log from the command line.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::str::FromStr;

use anyhow::{anyhow, bail};
use chrono::{DateTime, Local, NaiveDate, Utc};

use super::table::{Column, Table};
use crate::catalogue::{Catalogue, Kind};
use crate::cli::{BackupArgs, LogArgs, PurgeArgs, RestoreArgs, VisitsArgs};
use crate::config::{self, Settings, Source};
use crate::store::{Purged, VisitLog, local_day_bounds, retention_cutoff};
use crate::visit::{
    DraftIncomplete, Feedback, Invalid, LanguageChoice, NOTE_MAX_CHARS, Outcome, PartnerHow,
    ResidentLanguage, Visit, VisitDraft,
};

/// With at most this many valid ids, a bad id's message lists them all.
const LIST_ALL_UP_TO: usize = 12;

/// `frontdesk log`: checks every value, refuses personal data in the note, saves, prints the id.
pub fn log(settings: &Settings, args: &LogArgs) -> anyhow::Result<ExitCode> {
    let outcome = args
        .outcome
        .as_deref()
        .map(|value| parse_word("--outcome", value))
        .transpose()?;
    let mut services = Vec::with_capacity(args.services.len());
    let mut service_outcomes = BTreeMap::new();
    for value in &args.services {
        let (id, own) = parse_service(value)?;
        if let Some(own) = own {
            service_outcomes.insert(id.clone(), own);
        }
        services.push(id);
    }
    if outcome.is_none()
        && let Some(id) = services
            .iter()
            .find(|id| !service_outcomes.contains_key(*id))
    {
        bail!(crate::text::cli::outcome_missing(
            crate::text::cli::language(),
            id
        ));
    }
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
    let spoken = match &args.language {
        Some(value) => parse_word("--language", value)?,
        None => ResidentLanguage::English,
    };
    let written = match &args.written {
        Some(value) => parse_word("--written", value)?,
        None => spoken,
    };
    let demand = args
        .demand
        .as_deref()
        .map(|value| parse_word("--demand", value))
        .transpose()?;
    let assisted = args
        .assisted
        .as_deref()
        .map(|value| parse_word("--assisted", value))
        .transpose()?;
    let desk = match &args.desk {
        Some(desk) => desk_for_log(settings, &config::desk_from_flag("--desk", desk)?)?,
        None => settings.desk.clone(),
    };
    let staff = match &args.staff {
        Some(staff) => config::staff_from_flag("--staff", staff)?,
        None => settings.staff.clone(),
    };
    let mut partners = args.partners.clone();
    let mut referrals = BTreeMap::new();
    for value in &args.referrals {
        let (id, consent) = parse_referral(value)?;
        if !partners.contains(&id) {
            partners.push(id.clone());
        }
        referrals.insert(id, consent);
    }
    let catalogue = crate::runtime::load_catalogue(settings)?;

    let now = crate::clock::now()?;
    let mut draft = VisitDraft {
        services,
        outcome,
        service_outcomes,
        partners,
        referrals,
        online,
        reasons,
        feedback,
        demand,
        assisted,
        note: args.note.clone(),
        language: LanguageChoice { spoken, written },
        ..VisitDraft::new(now, desk, staff, catalogue.version())
    };
    // Each partner is given for the service that signposts to it, by the screen's rule.
    for partner in draft.partners.clone() {
        crate::desk::draft::give_partner_its_service(&catalogue, &mut draft, partner.trim());
    }
    let visit = draft
        .validate(&catalogue)
        .map_err(|invalid| refusal(&catalogue, invalid))?;
    VisitLog::new(settings.visits_file()).save(&visit)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&visit)?);
    } else {
        outln!("{}", visit.id);
    }
    Ok(ExitCode::SUCCESS)
}

/// The desk a visit given with `--desk` is logged at. Where a central server is set, it is the
/// configured desk's (written as configured), since the server takes from this desk only
/// its own visits; elsewhere any desk.
fn desk_for_log(settings: &Settings, desk: &str) -> anyhow::Result<String> {
    if settings.server.is_none() || desk == settings.desk {
        return Ok(desk.to_string());
    }
    if config::desk_key(desk) == config::desk_key(&settings.desk) {
        return Ok(settings.desk.clone());
    }
    bail!(crate::text::cli::not_this_desk(
        crate::text::cli::language(),
        &crate::printable::printable(desk),
        &crate::printable::printable(&settings.desk),
        &settings.config_file.display().to_string(),
    ))
}

/// `frontdesk visits`: the visits that started between two local dates, as a table or JSON.
pub fn list(settings: &Settings, args: &VisitsArgs) -> anyhow::Result<ExitCode> {
    let (since, until) = super::dates::period(args.from.as_deref(), args.to.as_deref())?;
    let desk = args
        .desk
        .as_deref()
        .map(|d| config::desk_from_flag("--desk", d))
        .transpose()?;
    let from = since.map_or(DateTime::<Utc>::MIN_UTC, |d| local_day_bounds(d).0);
    let to = until.map_or(DateTime::<Utc>::MAX_UTC, |d| local_day_bounds(d).1);

    let mut log = VisitLog::new(settings.visits_file());
    let visits = if log.exists() {
        log.visits_between(from, to, desk.as_deref())?
    } else {
        Vec::new()
    };
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&visits)?);
    } else if visits.is_empty() {
        outln!("{}", nothing_logged(since, until));
    } else {
        // Titles as the screen shows them; a catalogue that cannot be used leaves the ids.
        let catalogue = match crate::runtime::load_catalogue(settings) {
            Ok(catalogue) => Some(catalogue),
            Err(e) => {
                let first = e.to_string();
                let first = first.lines().next().unwrap_or_default();
                eprintln!(
                    "frontdesk: {}",
                    crate::text::cli::showing_ids(crate::text::cli::language(), first)
                );
                None
            }
        };
        out!("{}", table(&visits, catalogue.as_ref()));
    }
    Ok(ExitCode::SUCCESS)
}

/// "No visits logged yet.", or the period asked about.
fn nothing_logged(since: Option<NaiveDate>, until: Option<NaiveDate>) -> String {
    match (since, until) {
        (None, None) => "No visits logged yet.".to_string(),
        (Some(since), None) => format!("No visits logged since {since}."),
        (None, Some(until)) => format!("No visits logged up to {until}."),
        (Some(since), Some(until)) if since == until => format!("No visits logged on {since}."),
        (Some(since), Some(until)) => format!("No visits logged from {since} to {until}."),
    }
}

/// `frontdesk purge`: deletes (or counts) visits older than the retention period.
pub fn purge(settings: &Settings, args: &PurgeArgs) -> anyhow::Result<ExitCode> {
    let (days, source) =
        settings.retention_with_flag("--older-than", args.older_than.as_deref())?;
    if args.central {
        return super::sync::purge_central(
            settings,
            args.server.as_deref(),
            days,
            &source,
            args.dry_run,
        );
    }
    let setting = match source {
        Source::Default => "the default retention".to_string(),
        Source::File { .. } => format!("retention_days at {source}"),
        Source::Env(_) | Source::Flag(_) => format!("from {source}"),
    };
    let now = crate::clock::now()?;
    let cutoff = retention_cutoff(now, days);
    let days = match days {
        1 => "1 day".to_string(),
        days => format!("{days} days"),
    };
    let before = cutoff.with_timezone(&Local).format("%Y-%m-%d %H:%M");
    let mut log = VisitLog::new(settings.visits_file());
    let purged = if log.exists() {
        log.purge_checked(cutoff, now, args.yes, args.dry_run)?
    } else {
        Purged {
            removed: 0,
            held: None,
        }
    };
    let count = purged.removed;
    let visits = if count == 1 { "visit" } else { "visits" };
    if args.dry_run {
        outln!(
            "Would remove {count} {visits} older than {days} ({setting}; started before {before}); nothing was removed."
        );
        if let Some(held) = &purged.held {
            eprintln!("frontdesk: without --yes, a purge would remove nothing: {held}.");
        }
    } else if let Some(held) = &purged.held {
        // Said on the screen and kept in the app's log, where a held clean-up at start-up is.
        if crate::runtime::logging::init(&settings.log_file()).is_ok() {
            tracing::warn!("purge held back: {held}");
        }
        eprintln!("frontdesk: {held}.");
        return Ok(ExitCode::from(1));
    } else {
        outln!("Removed {count} {visits} older than {days} ({setting}; started before {before}).");
    }
    Ok(ExitCode::SUCCESS)
}

/// `frontdesk backup PATH`: a checked, consistent copy, safe while the app runs. A folder gets
/// a new dated file; an existing file is replaced only with `--force`.
pub fn backup(settings: &Settings, args: &BackupArgs) -> anyhow::Result<ExitCode> {
    let mut log = VisitLog::new(settings.visits_file());
    if !log.exists() {
        bail!(crate::text::cli::nothing_to_back_up(
            crate::text::cli::language(),
            &log.path().display().to_string(),
        ));
    }
    let written = log.backup_to(&args.path, args.force)?;
    outln!("Backed up the visit log to {}", written.display());
    Ok(ExitCode::SUCCESS)
}

/// `frontdesk restore BACKUP`: checks the backup, moves the log and its working files aside
/// (renamed, never deleted) and puts the backup in its place.
pub fn restore(settings: &Settings, args: &RestoreArgs) -> anyhow::Result<ExitCode> {
    let log = settings.visits_file();
    let restored = crate::store::restore(&log, &args.backup)?;
    let visits = match restored.visits {
        1 => "1 visit".to_string(),
        n => format!("{n} visits"),
    };
    outln!(
        "Restored the visit log {} from {} ({visits}, checked).",
        log.display(),
        args.backup.display()
    );
    let moved = restored
        .moved
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    match &restored.replaced {
        Some(replaced) if restored.moved.len() == 1 => {
            outln!("The log it replaced is kept as {}.", replaced.display())
        }
        Some(_) => outln!(
            "The log it replaced is kept with its working files as {moved}, so nothing in them was applied to the restored log."
        ),
        None if restored.moved.is_empty() => outln!("There was no log to replace."),
        None => outln!(
            "There was no log to replace; leftover working files were moved aside as {moved}, so nothing in them was applied to the restored log."
        ),
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_word<T>(flag: &str, value: &str) -> anyhow::Result<T>
where
    T: FromStr<Err = crate::visit::UnknownValue>,
{
    value.parse::<T>().map_err(|e| {
        anyhow!(
            "{flag}: {}",
            crate::text::cli::unknown_value(crate::text::cli::language(), &e)
        )
    })
}

/// `--service ID` or `--service ID=OUTCOME`.
fn parse_service(value: &str) -> anyhow::Result<(String, Option<Outcome>)> {
    match value.split_once('=') {
        None => Ok((value.trim().to_string(), None)),
        Some((id, outcome)) => {
            let outcome = outcome.parse::<Outcome>().map_err(|e| {
                let lang = crate::text::cli::language();
                let reason = crate::text::cli::unknown_value(lang, &e);
                anyhow!(crate::text::cli::service_with_outcome(lang, value, &reason))
            })?;
            Ok((id.trim().to_string(), Some(outcome)))
        }
    }
}

/// `--refer ID` or `--refer ID=yes|no`: the partner and whether the resident agreed.
fn parse_referral(value: &str) -> anyhow::Result<(String, Option<bool>)> {
    let (id, answer) = match value.split_once('=') {
        None => return Ok((value.trim().to_string(), None)),
        Some((id, answer)) => (id.trim(), answer.trim()),
    };
    let consent = match answer.to_ascii_lowercase().as_str() {
        "yes" | "y" => true,
        "no" | "n" => false,
        _ => bail!(crate::text::cli::refer_answer(
            crate::text::cli::language(),
            value,
            answer,
            id
        )),
    };
    Ok((id.to_string(), Some(consent)))
}

/// Why `log` refuses a visit, as one sentence naming the flag to fix.
fn refusal(catalogue: &Catalogue, invalid: Invalid) -> anyhow::Error {
    match invalid {
        Invalid::PersonalData(kinds) => {
            anyhow!(crate::text::cli::note_personal_data(
                crate::text::cli::language(),
                &kinds
            ))
        }
        Invalid::PersonalDataInLabel(label, kinds) => {
            anyhow!(crate::text::status::personal_data_in_label(
                crate::text::cli::language(),
                label,
                &kinds
            ))
        }
        Invalid::UnknownService { id } => unknown_id(catalogue, "--service", &id, Kind::Service),
        Invalid::UnknownPartner { id } => unknown_id(catalogue, "--partner", &id, Kind::Partner),
        Invalid::ConsentNotAsked { id } => {
            let name = catalogue
                .partner(&id)
                .map_or(id.as_str(), |p| p.name.as_str());
            anyhow!(crate::text::cli::refer_needs_consent(
                crate::text::cli::language(),
                &id,
                name
            ))
        }
        Invalid::Incomplete(DraftIncomplete::NoDesk) => {
            anyhow!(crate::text::cli::desk_empty(crate::text::cli::language()))
        }
        Invalid::Incomplete(other) => {
            anyhow!(crate::text::cli::cannot_log(
                crate::text::cli::language(),
                &other.to_string()
            ))
        }
    }
}

/// `id` is not an entry of the wanted kind: the error names it and the valid ones (all of them
/// when there are few, else the closest and `frontdesk catalogue list`).
fn unknown_id(catalogue: &Catalogue, flag: &str, id: &str, wanted: Kind) -> anyhow::Error {
    let lang = crate::text::cli::language();
    let id = id.trim();
    if let Some(key) = catalogue.find(id) {
        return anyhow!(crate::text::cli::wrong_kind(
            lang, flag, id, key.kind, wanted
        ));
    }
    let valid: Vec<&str> = catalogue
        .entries()
        .filter(|(key, _)| key.kind == wanted)
        .map(|(_, entry)| entry.id())
        .collect();
    let unknown = |all: &[&str], close: &[&str]| {
        anyhow!(crate::text::cli::unknown_id(
            lang,
            flag,
            id,
            wanted,
            valid.is_empty(),
            all,
            close
        ))
    };
    if valid.len() <= LIST_ALL_UP_TO {
        return unknown(&valid, &[]);
    }
    let mut close: Vec<(f64, &str)> = valid
        .iter()
        .map(|v| (strsim::jaro_winkler(id, v), *v))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    close.sort_by(|a, b| b.0.total_cmp(&a.0));
    let close: Vec<&str> = close.into_iter().take(3).map(|(_, v)| v).collect();
    unknown(&[], &close)
}

/// The visits as an aligned table, one line each: services, partners and outcomes as the
/// screen names them (an id the catalogue no longer has is shown as it is).
fn table(visits: &[Visit], catalogue: Option<&Catalogue>) -> String {
    let mut table = Table::new(&[
        Column::left("Started", 16),
        Column::left("Mins", 6),
        Column::left("Desk", config::DESK_MAX_CHARS),
        Column::left("Staff", config::STAFF_MAX_CHARS),
        Column::left("Outcome", 20),
        Column::left("Services", 80),
        Column::left("Partners", 60),
        Column::left("Id", 36),
        Column::left("Note", NOTE_MAX_CHARS),
    ]);
    let service =
        |id: &str| -> String { catalogue.map_or(id, |c| c.service_title(id)).to_string() };
    let partner = |id: &str| -> String {
        catalogue
            .and_then(|c| c.partner(id))
            .map_or(id, |p| p.name.as_str())
            .to_string()
    };
    for v in visits {
        table.row([
            v.started_at
                .with_timezone(&Local)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            format!("{:.1}", v.duration().num_milliseconds() as f64 / 60_000.0),
            v.desk.clone(),
            v.staff.clone(),
            v.outcome.label().to_string(),
            services_cell(v, service),
            partners_cell(v, partner),
            v.id.to_string(),
            v.note.clone().unwrap_or_default(),
        ]);
    }
    table.render()
}

/// The partners of a visit, a referral marked with whether the resident agreed:
/// "Citizens Advice, Food bank (referral, agreed)".
fn partners_cell(visit: &Visit, name: impl Fn(&str) -> String) -> String {
    let cells: Vec<String> = visit
        .partners
        .iter()
        .map(|p| {
            let name = name(&p.partner);
            match (p.how, p.consent) {
                (PartnerHow::Signpost, _) => name,
                (PartnerHow::Referral, None) => format!("{name} (referral)"),
                (PartnerHow::Referral, Some(true)) => format!("{name} (referral, agreed)"),
                (PartnerHow::Referral, Some(false)) => format!("{name} (referral, not agreed)"),
            }
        })
        .collect();
    cells.join(", ")
}

/// The services of a visit, each followed by its outcome when that differs from the visit's:
/// "Pay your council tax, Homelessness (Referred)".
fn services_cell(visit: &Visit, title: impl Fn(&str) -> String) -> String {
    let cells: Vec<String> = visit
        .services
        .iter()
        .map(|s| {
            if s.outcome == visit.outcome {
                title(&s.service)
            } else {
                format!("{} ({})", title(&s.service), s.outcome.label())
            }
        })
        .collect();
    cells.join(", ")
}
