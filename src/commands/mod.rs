//! One module per command: each turns parsed arguments into output and an exit code.

mod catalogue;
mod check;
mod config;
mod import;
mod search;
mod visits;

use std::process::ExitCode;

use crate::cli::{CatalogueCommand, Cli, Command, ImportCommand};
use crate::config::Settings;

/// Runs the command the user asked for; no command opens the reception screen.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let settings = Settings::resolve(&cli.global)?;
    match cli.command {
        None => crate::tui::run(&settings),
        Some(Command::Check) => check::run(&settings),
        Some(Command::Search(args)) => search::run(&settings, &args),
        Some(Command::Catalogue(CatalogueCommand::List { json })) => {
            catalogue::list(&settings, json)
        }
        Some(Command::Import(ImportCommand::Lgsl { csv, out, tiers })) => {
            import::lgsl(&csv, &out, tiers.as_deref())
        }
        Some(Command::Log(args)) => visits::log(&settings, &args),
        Some(Command::Visits(args)) => visits::list(&settings, &args),
        Some(Command::Purge(args)) => visits::purge(&settings, &args),
        Some(Command::Backup(args)) => visits::backup(&settings, &args),
        Some(Command::Config(args)) => config::run(&settings, &args),
    }
}

/// Loads the catalogue the settings name, or the built-in one.
pub(crate) fn load_catalogue(settings: &Settings) -> anyhow::Result<crate::catalogue::Catalogue> {
    crate::catalogue::Catalogue::load(settings.catalogue_dir.as_deref()).map_err(|e| {
        anyhow::anyhow!("the catalogue has problems; run `frontdesk check` for the full list:\n{e}")
    })
}
