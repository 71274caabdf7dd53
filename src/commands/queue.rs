//! `frontdesk queue`: tickets for residents who must wait, calling the next one to a desk, the
//! day's list, and the waiting-room display.

use std::process::ExitCode;

use anyhow::{anyhow, bail};

use super::appointments::{desk_of, open_store, ticket_letter};
use super::table::{Column, Table};
use crate::appointments::london;
use crate::cli::QueueCommand;
use crate::config::{self, Settings};
use crate::text::appointments as words;

pub fn run(settings: &Settings, command: QueueCommand) -> anyhow::Result<ExitCode> {
    match command {
        QueueCommand::Add { service, json } => add(settings, &service, json),
        QueueCommand::Call {
            service,
            desk,
            json,
        } => call(settings, service.as_deref(), desk.as_deref(), json),
        QueueCommand::Seen { ticket, desk, json } => seen(settings, &ticket, desk.as_deref(), json),
        QueueCommand::List { json } => list(settings, json),
        QueueCommand::Display => crate::tui::waiting_room::run(settings),
    }
}

fn known_service(
    settings: &Settings,
    service: &str,
) -> anyhow::Result<crate::catalogue::Catalogue> {
    let catalogue = crate::runtime::load_catalogue(settings)?;
    if catalogue.service(service).is_none() && catalogue.partner(service).is_none() {
        bail!(
            "--service {}: no service or partner has this id; `frontdesk catalogue list` lists them",
            crate::printable::printable(service)
        );
    }
    Ok(catalogue)
}

fn add(settings: &Settings, service: &str, json: bool) -> anyhow::Result<ExitCode> {
    let catalogue = known_service(settings, service)?;
    let now = crate::clock::now()?;
    let mut store = open_store(settings, now)?;
    let ticket = store.add_ticket(service, ticket_letter(&catalogue, service, None), now)?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&ticket)?);
    } else {
        outln!("{}", ticket.ticket);
    }
    Ok(ExitCode::SUCCESS)
}

fn call(
    settings: &Settings,
    service: Option<&str>,
    desk: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    if let Some(service) = service {
        known_service(settings, service)?;
    }
    let desk = match desk {
        Some(desk) => config::desk_from_flag("--desk", desk)?,
        None => settings.desk.clone(),
    };
    let now = crate::clock::now()?;
    let mut store = open_store(settings, now)?;
    let called = store.call_next(service, &desk, now)?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&called)?);
        return Ok(ExitCode::SUCCESS);
    }
    match called {
        Some(ticket) => outln!(
            "{}",
            words::called(settings.language, &ticket.ticket, &ticket.service, &desk)
        ),
        None => outln!("{}", words::nobody_waiting(settings.language)),
    }
    Ok(ExitCode::SUCCESS)
}

fn seen(
    settings: &Settings,
    given: &str,
    desk: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let ticket = given.trim().to_ascii_uppercase();
    let well_formed = ticket.len() >= 2
        && ticket.len() <= 8
        && ticket.starts_with(|c: char| c.is_ascii_uppercase())
        && ticket[1..].chars().all(|c| c.is_ascii_digit());
    if !well_formed {
        bail!(
            "{:?} is not a ticket; a ticket is a letter and a number as on the resident's slip, e.g. H3",
            crate::printable::printable(given)
        );
    }
    let desk = desk_of(settings, desk)?;
    let now = crate::clock::now()?;
    let mut store = open_store(settings, now)?;
    let Some((ticket, booking)) = store.ticket_seen(&ticket, &desk, now)? else {
        bail!("today has no ticket {ticket}; `frontdesk queue list` lists today's tickets");
    };
    if json {
        let both = serde_json::json!({ "ticket": ticket, "booking": booking });
        outln!("{}", serde_json::to_string_pretty(&both)?);
    } else {
        outln!("{}", words::seen(settings.language, &ticket.ticket, &desk));
    }
    Ok(ExitCode::SUCCESS)
}

fn list(settings: &Settings, json: bool) -> anyhow::Result<ExitCode> {
    let now = crate::clock::now()?;
    let mut store = open_store(settings, now)?;
    let tickets = store.tickets_on(london::today(now))?;
    if json {
        let rows: Vec<serde_json::Value> = tickets
            .iter()
            .map(|t| {
                let mut value = serde_json::to_value(t)?;
                if let Some(object) = value.as_object_mut() {
                    object.insert("waited_minutes".into(), t.waited_minutes(now).into());
                    object.insert("waiting".into(), t.called_at.is_none().into());
                }
                Ok(value)
            })
            .collect::<Result<_, serde_json::Error>>()
            .map_err(|e| anyhow!(e))?;
        outln!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    if tickets.is_empty() {
        outln!("{}", words::nobody_waiting(settings.language));
        return Ok(ExitCode::SUCCESS);
    }
    let heads = words::columns(settings.language);
    let mut table = Table::new(&[
        Column::left(heads.ticket, 6),
        Column::left(heads.service, 32),
        Column::left(heads.arrived, 7),
        Column::right(heads.waited, 6),
        Column::left(heads.called_to, config::DESK_MAX_CHARS),
        Column::left(heads.booking, 9),
    ]);
    for ticket in &tickets {
        table.row([
            ticket.ticket.clone(),
            ticket.service.clone(),
            london::local(ticket.arrived_at).format("%H:%M").to_string(),
            format!("{}m", ticket.waited_minutes(now)),
            ticket.desk.clone().unwrap_or_default(),
            ticket.reference.clone().unwrap_or_default(),
        ]);
    }
    out!("{}", table.render());
    Ok(ExitCode::SUCCESS)
}
