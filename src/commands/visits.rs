//! `frontdesk log`, `visits`, `purge`, `backup` (to be built).
use crate::cli::{BackupArgs, LogArgs, PurgeArgs, VisitsArgs};
use crate::config::Settings;
use std::process::ExitCode;
pub fn log(_settings: &Settings, _args: &LogArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`log` is not built yet")
}
pub fn list(_settings: &Settings, _args: &VisitsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`visits` is not built yet")
}
pub fn purge(_settings: &Settings, _args: &PurgeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`purge` is not built yet")
}
pub fn backup(_settings: &Settings, _args: &BackupArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`backup` is not built yet")
}
