//! The reception screen (to be built).
use crate::config::Settings;
use std::process::ExitCode;
pub fn run(_settings: &Settings) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the reception screen is not built yet")
}
