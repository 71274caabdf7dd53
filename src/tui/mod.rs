//! The terminal face of the desk: the terminal guard, the event loop, input decoding, the
//! keymap, the theme and one file per screen. The desk's state and its update live in
//! [`crate::desk`]; the workers that carry out its effects in [`crate::runtime`]. This face
//! turns keys into the desk's actions and draws it.
//!
//! keys ──► input + keymap ──► Action ──► App::update ──► state ──► screens::render
//!                                            │  ▲
//!                       Effect (search, save) │ Action (Results, VisitSaved, StoreFailed)
//!                                            ▼  │
//!          runtime::Threaded: search · store · slips · sync · all desks' figures

pub mod contrast;
mod event_loop;
pub mod headless;
pub mod input;
pub mod keymap;
pub mod message;
pub mod screens;
mod terminal;
pub mod theme;
pub mod waiting_room;

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::config::Settings;
pub use terminal::install_panic_hook;

/// Opens the reception screen and runs it until the user quits.
pub fn run(settings: &Settings) -> anyhow::Result<ExitCode> {
    let keymap = keymap::Keymap::with_overrides(&settings.keys)
        .map_err(|message| settings.key_binding_error(&message))?;
    // What the first frame does not need is read after it: the built-in index by the search
    // worker, the synonyms and scripts just before the first key.
    let prepared = crate::runtime::prepare_catalogue_later(settings)?;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the reception screen needs a terminal; for plain lines in and out use `frontdesk --accessible`, from a script `frontdesk search`, `frontdesk log` or `frontdesk --help`"
        );
    }
    let log_problem = crate::runtime::logging::init(&settings.log_file()).err();
    let log_file = log_problem.is_none().then(|| settings.log_file());
    terminal::install_panic_hook(log_file);
    tracing::info!(
        "frontdesk starting with {} entries",
        prepared.catalogue.len()
    );
    let theme = theme::Theme::new(settings.theme, settings.no_color);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(event_loop::run(
        settings,
        prepared,
        keymap,
        theme,
        log_problem,
    ))?;
    Ok(ExitCode::SUCCESS)
}
