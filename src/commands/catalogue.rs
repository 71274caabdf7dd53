//! `frontdesk catalogue list` (to be built).
use crate::config::Settings;
use std::process::ExitCode;
pub fn list(_settings: &Settings, _json: bool) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`catalogue list` is not built yet")
}
