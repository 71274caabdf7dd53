//! `frontdesk search` (to be built).
use crate::cli::SearchArgs;
use crate::config::Settings;
use std::process::ExitCode;
pub fn run(_settings: &Settings, _args: &SearchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`search` is not built yet")
}
