//! `frontdesk catalogue list` (to be built).
use std::process::ExitCode;
use crate::config::Settings;
pub fn list(_settings: &Settings, _json: bool) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`catalogue list` is not built yet")
}
