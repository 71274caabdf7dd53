//! `frontdesk import lgsl`: the Local Government Service List as a catalogue directory.

use std::path::Path;
use std::process::ExitCode;

use crate::catalogue::import_lgsl;
use crate::printable::printable;

pub fn lgsl(csv: &Path, out: &Path, tiers: Option<&Path>) -> anyhow::Result<ExitCode> {
    let today = chrono::Local::now().date_naive();
    let summary = import_lgsl::import(csv, tiers, out, today)?;
    let mut lines = vec![format!(
        "Imported {} services from {} into {}.",
        summary.services,
        csv.display(),
        out.display()
    )];
    if summary.skipped > 0 {
        lines.push(format!(
            "Skipped {} rows whose Type is not Service.",
            summary.skipped
        ));
    }
    if let Some(tiers) = tiers {
        lines.push(format!(
            "{} services have a tier in {}: {} are the county council's; the rest are this council's.",
            summary.tiered,
            tiers.display(),
            summary.county
        ));
    }
    lines.push(format!(
        "Next: put your council's name in {}, then try `frontdesk search --catalogue {} missed bin`.",
        out.join("council.toml").display(),
        out.display()
    ));
    // Paths are shown as given, but never as terminal control sequences.
    for line in &lines {
        outln!("{}", printable(line));
    }
    Ok(ExitCode::SUCCESS)
}
