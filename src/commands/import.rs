//! `frontdesk import lgsl` (to be built).
use std::path::Path;
use std::process::ExitCode;
pub fn lgsl(_csv: &Path, _out: &Path, _tiers: Option<&Path>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`import lgsl` is not built yet")
}
