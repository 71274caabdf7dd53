//! `frontdesk search`: what the reception screen would show for a query, as a table or JSON.

use std::process::ExitCode;

use serde::Serialize;

use super::catalogue::{EntryJson, entry_note};
use super::table::{Column, Table, cell};
use crate::catalogue::Catalogue;
use crate::catalogue::check::ID_MAX_CHARS;
use crate::cli::SearchArgs;
use crate::config::Settings;
use crate::search::{Hit, Index};

/// How much of a query "Nothing matches" repeats.
const QUERY_SHOWN: usize = 80;

#[derive(Serialize)]
struct HitJson<'a> {
    #[serde(flatten)]
    entry: EntryJson<'a>,
    score: f32,
}

pub fn run(settings: &Settings, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let query = args.query.join(" ");
    if query.trim().is_empty() {
        anyhow::bail!(crate::text::cli::search_empty(crate::text::cli::language()));
    }
    let prepared = crate::runtime::prepare_catalogue(settings)?;
    let catalogue = prepared.catalogue;
    let index = prepared.index.unwrap_or_else(|| Index::new(&catalogue));
    let result = if args.explain {
        explain(&catalogue, &index, &query, usize::from(args.limit))
    } else {
        let hits = index.query_limit(&query, usize::from(args.limit));
        print(&catalogue, &hits, &query, args.json)
    };
    // The answer first; then the compiled form of a folder just checked, for the next search.
    if let Some(pending) = prepared.pending
        && let Err(e) = pending.store(&catalogue, &index)
    {
        tracing::warn!(
            "cannot keep the compiled catalogue in {}: {e}",
            pending.file().display()
        );
    }
    // The process ends next: freeing a large catalogue entry by entry would only delay it.
    std::mem::forget(index);
    std::mem::forget(catalogue);
    result
}

/// Why each entry ranked where it did, for whoever tunes the keywords and the thesaurus.
fn explain(
    catalogue: &Catalogue,
    index: &Index,
    query: &str,
    limit: usize,
) -> anyhow::Result<ExitCode> {
    outln!(
        "The query, read as concepts (alternatives separated by |, each word as stem:confidence):"
    );
    out!("{}", index.explain(query));
    for (rank, hit) in index.explain_hits(query, limit).iter().enumerate() {
        let Some(entry) = catalogue.entry(hit.key) else {
            continue;
        };
        outln!(
            "\n{:>2}. {} [{} {}]  score {:.3}  title covered {:.0}%",
            rank + 1,
            entry.title(),
            entry.kind().label(),
            entry.id(),
            hit.score,
            hit.title_cover * 100.0
        );
        for (i, concept) in hit.concepts.iter().enumerate() {
            let matched: Vec<String> = concept
                .matched
                .iter()
                .map(|(stem, sim, field)| format!("{stem} in {field} ({sim:.2})"))
                .collect();
            outln!(
                "    concept {} weighs {:.2}: {}",
                i + 1,
                concept.weight,
                if matched.is_empty() {
                    "not matched".to_string()
                } else {
                    matched.join(", ")
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print(catalogue: &Catalogue, hits: &[Hit], query: &str, json: bool) -> anyhow::Result<ExitCode> {
    let found: Vec<_> = hits
        .iter()
        .filter_map(|hit| catalogue.entry(hit.key).map(|entry| (hit.score, entry)))
        .collect();

    if json {
        let rows: Vec<HitJson<'_>> = found
            .iter()
            .map(|&(score, entry)| HitJson {
                entry: EntryJson::new(catalogue, entry),
                score: (score * 1000.0).round() / 1000.0,
            })
            .collect();
        outln!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }

    if found.is_empty() {
        outln!(
            "Nothing matches \"{}\". Try fewer or other words.",
            cell(query.trim(), QUERY_SHOWN)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(&[
        Column::right("  #", 3),
        Column::left("KIND", 7),
        Column::left("TITLE", 50),
        Column::left("ID", ID_MAX_CHARS),
        Column::right("SCORE", 6),
        Column::left("NOTE", 80),
    ]);
    for (rank, (score, entry)) in found.iter().enumerate() {
        table.row([
            (rank + 1).to_string(),
            entry.kind().label().to_string(),
            entry.title().to_string(),
            entry.id().to_string(),
            format!("{score:.2}"),
            entry_note(catalogue, *entry),
        ]);
    }
    out!("{}", table.render());
    Ok(ExitCode::SUCCESS)
}
