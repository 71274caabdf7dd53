//! `frontdesk check` (to be built).
use std::process::ExitCode;
use crate::config::Settings;
pub fn run(_settings: &Settings) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`check` is not built yet")
}
