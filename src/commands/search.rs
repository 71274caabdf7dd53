//! `frontdesk search`: what the reception screen would show for a query, as a table or JSON.

use std::process::ExitCode;

use serde::Serialize;

use super::catalogue::{EntryJson, entry_note};
use crate::cli::SearchArgs;
use crate::config::Settings;
use crate::search::Index;

#[derive(Serialize)]
struct HitJson<'a> {
    #[serde(flatten)]
    entry: EntryJson<'a>,
    score: f32,
}

pub fn run(settings: &Settings, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let catalogue = super::load_catalogue(settings)?;
    let index = Index::new(&catalogue);
    let query = args.query.join(" ");
    let hits = index.query_limit(&query, usize::from(args.limit));
    let found: Vec<_> = hits
        .iter()
        .filter_map(|hit| catalogue.entry(hit.key).map(|entry| (hit.score, entry)))
        .collect();

    if args.json {
        let rows: Vec<HitJson<'_>> = found
            .iter()
            .map(|&(score, entry)| HitJson {
                entry: EntryJson::new(&catalogue, entry),
                score: (score * 1000.0).round() / 1000.0,
            })
            .collect();
        outln!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }

    if found.is_empty() {
        outln!(
            "Nothing matches \"{}\". Try fewer or other words.",
            query.trim()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let title_width = found
        .iter()
        .map(|(_, e)| e.title().chars().count())
        .max()
        .unwrap_or(5)
        .clamp(5, 50);
    let id_width = found
        .iter()
        .map(|(_, e)| e.id().len())
        .max()
        .unwrap_or(2)
        .max(2);
    let mut out = format!(
        "{:>3}  {:<7}  {:<title_width$}  {:<id_width$}  {:>5}  NOTE\n",
        "#", "KIND", "TITLE", "ID", "SCORE"
    );
    for (rank, (score, entry)) in found.iter().enumerate() {
        let line = format!(
            "{:>3}  {:<7}  {:<title_width$}  {:<id_width$}  {:>5.2}  {}",
            rank + 1,
            entry.kind().label(),
            clip(entry.title(), title_width),
            entry.id(),
            score,
            entry_note(&catalogue, *entry),
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out!("{out}");
    Ok(ExitCode::SUCCESS)
}

/// Shortens text to `width` characters, ending with "…" when cut.
fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut clipped: String = text.chars().take(width.saturating_sub(1)).collect();
    clipped.push('…');
    clipped
}
