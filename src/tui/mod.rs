//! The terminal face of the desk: the terminal guard, the event loop, input decoding, the
//! keymap, the workers, the theme and one file per screen. The desk's state and its update live
//! in [`crate::desk`]; this face turns keys into its actions and draws it.
//!
//! keys ──► input + keymap ──► Action ──► App::update ──► state ──► screens::render
//!                                            │  ▲
//!                       Effect (search, save) │ Action (Results, VisitSaved, StoreFailed)
//!                                            ▼  │
//!                           search worker thread · store worker thread

mod draft_writes;
mod event_loop;
pub mod headless;
pub mod input;
pub mod keymap;
mod logging;
pub mod message;
pub mod screens;
mod terminal;
pub mod theme;
pub mod workers;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;

use crate::config::Settings;

/// Opens the reception screen and runs it until the user quits.
pub fn run(settings: &Settings) -> anyhow::Result<ExitCode> {
    let keymap = keymap::Keymap::with_overrides(&settings.keys).map_err(|message| {
        let line = config_line(settings, &message);
        anyhow::anyhow!("{}:{line}: {message}", settings.config_file.display())
    })?;
    let catalogue = Arc::new(crate::commands::load_catalogue(settings)?);
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the reception screen needs a terminal; from a script use `frontdesk search`, `frontdesk log` or `frontdesk --help`"
        );
    }
    let log_problem = logging::init(&settings.log_file()).err();
    let log_file = log_problem.is_none().then(|| settings.log_file());
    terminal::install_panic_hook(log_file);
    tracing::info!("frontdesk starting with {} entries", catalogue.len());
    let theme = theme::Theme::new(settings.theme, settings.no_color);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(event_loop::run(
        settings,
        catalogue,
        keymap,
        theme,
        log_problem,
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The line of the config file a key-binding message is about, for `FILE:LINE: message`.
fn config_line(settings: &Settings, message: &str) -> usize {
    let name = message
        .strip_prefix("keys.")
        .and_then(|m| m.split(':').next())
        .unwrap_or("");
    std::fs::read_to_string(&settings.config_file)
        .ok()
        .and_then(|text| {
            text.lines().position(|l| {
                let l = l.trim_start();
                !name.is_empty()
                    && l.starts_with(name)
                    && l[name.len()..].trim_start().starts_with('=')
            })
        })
        .map_or(1, |i| i + 1)
}
