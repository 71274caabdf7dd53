//! `frontdesk import lgsl` and `frontdesk import oruk`: public data as a catalogue directory.

use std::path::Path;
use std::process::ExitCode;

use crate::catalogue::{import_lgsl, import_oruk};
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

/// How many notes of one kind are listed before "... and N more".
const NOTES_LISTED: usize = 5;

pub fn oruk(input: &Path, out: &Path, replace: bool) -> anyhow::Result<ExitCode> {
    let today = chrono::Local::now().date_naive();
    let summary = import_oruk::import(input, out, today, replace)?;
    let files_word = if summary.files == 1 { "file" } else { "files" };
    let partners_word = if summary.partners == 1 {
        "partner"
    } else {
        "partners"
    };
    let mut lines = vec![format!(
        "Imported {} {partners_word} from {} {files_word} ({}) into {}; each is to be reviewed by {}.",
        summary.partners,
        summary.files,
        input.display(),
        out.display(),
        summary.review_by
    )];
    for repeat in &summary.notes.repeats {
        lines.push(format!(
            "ORUK id {} appears {} times (first at {}, then at {}, ...): merged into one partner, {}.",
            repeat.oruk_id, repeat.times, repeat.first, repeat.second, repeat.partner_id
        ));
    }
    for file in &summary.taxonomies {
        lines.push(format!(
            "Skipped {file}: a taxonomy lists categories, not services."
        ));
    }
    for page in &summary.missing_pages {
        lines.push(format!(
            "{page}; save the other pages into one folder and import the folder to get them all."
        ));
    }
    let notes = &summary.notes;
    if !notes.not_active.is_empty() {
        lines.push(format!(
            "Not imported, as inactive or defunct: {}.",
            listed(
                notes
                    .not_active
                    .iter()
                    .map(|(name, status)| format!("{name} ({status})"))
            )
        ));
    }
    if !notes.left_out.is_empty() {
        lines.push(format!(
            "Left out {} values `frontdesk check` would refuse:",
            notes.left_out.len()
        ));
        for note in notes.left_out.iter().take(NOTES_LISTED) {
            lines.push(format!("  {note}"));
        }
        if notes.left_out.len() > NOTES_LISTED {
            lines.push(format!(
                "  ... and {} more",
                notes.left_out.len() - NOTES_LISTED
            ));
        }
    }
    if notes.schedules_as_words > 0 {
        lines.push(format!(
            "Schedules that are not weekly at set times (monthly, every other week, no times), so are kept as words in hours_note: {}.",
            notes.schedules_as_words
        ));
    }
    if notes.schedules_not_current > 0 {
        lines.push(format!(
            "Schedules that have ended (valid_to) or not yet begun (valid_from), so give no hours: {}.",
            notes.schedules_not_current
        ));
    }
    lines.push(format!(
        "Wrote {} in {}. Next: `frontdesk check --catalogue {}`; put your council's name in council.toml, or copy the partners files into your own catalogue folder.",
        summary.written.join(", "),
        out.display(),
        out.display()
    ));
    for line in &lines {
        outln!("{}", printable(line));
    }
    Ok(ExitCode::SUCCESS)
}

/// "a, b, c" and "... and N more" past [`NOTES_LISTED`].
fn listed(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    let mut text = items
        .iter()
        .take(NOTES_LISTED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > NOTES_LISTED {
        text.push_str(&format!(" and {} more", items.len() - NOTES_LISTED));
    }
    text
}
