//! `frontdesk search` (to be built).
use std::process::ExitCode;
use crate::cli::SearchArgs;
use crate::config::Settings;
pub fn run(_settings: &Settings, _args: &SearchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`search` is not built yet")
}
