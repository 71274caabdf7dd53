//! `frontdesk check` (to be built).
use crate::config::Settings;
use std::process::ExitCode;
pub fn run(_settings: &Settings) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`check` is not built yet")
}
