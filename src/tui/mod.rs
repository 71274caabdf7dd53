//! The reception screen (to be built).
use std::process::ExitCode;
use crate::config::Settings;
pub fn run(_settings: &Settings) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the reception screen is not built yet")
}
