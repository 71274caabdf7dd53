//! `frontdesk export visits`: one row per visit and service, with ids and titles, as CSV or
//! JSON lines, for the council's own tools. Notes only with `--include-notes`. Made-up visits
//! (desk DEMO) only with `--desk DEMO`.

use std::collections::BTreeMap;
use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use chrono::{DateTime, Local, SecondsFormat, Utc};
use serde::Serialize;

use super::dates::period;
use super::report::catalogue_for_titles;
use crate::catalogue::Catalogue;
use crate::cli::{ExportFormat, ExportVisitsArgs};
use crate::config::{self, Settings};
use crate::output_file::{OutputFile, Privacy};
use crate::printable::{json_escaped, printable};
use crate::report::csv::safe_cell;
use crate::report::desks_for;
use crate::store::{Desks, ExportRow, VisitLog, local_day_bounds};
use crate::text::{self, Language};
use crate::visit::CHOICE_FIELDS;

/// The columns, in order (CSV headings and JSON keys alike), before the choice fields' (one
/// each, named as the field: [`CHOICE_FIELDS`]) and the note.
const COLUMNS: [&str; 28] = [
    "visit_id",
    "started_at",
    "ended_at",
    "length_seconds",
    "desk",
    "staff",
    "service_position",
    "service_id",
    "service_title",
    "service_outcome",
    "visit_outcome",
    "demand",
    "assisted_how",
    "online",
    "reasons",
    "partners",
    "partner_names",
    "referred_to",
    "feedback",
    "script_id",
    "script_version",
    "script_path",
    "catalogue_version",
    "spoken_language",
    "written_language",
    "agreed",
    "booking",
    "waited_seconds",
];

/// One row, as written.
#[derive(Serialize)]
struct Line<'a> {
    visit_id: &'a str,
    started_at: String,
    ended_at: String,
    length_seconds: i64,
    desk: &'a str,
    staff: &'a str,
    service_position: i64,
    service_id: &'a str,
    service_title: &'a str,
    service_outcome: &'a str,
    visit_outcome: &'a str,
    demand: Option<&'a str>,
    assisted_how: Option<&'a str>,
    online: Option<&'a str>,
    reasons: String,
    partners: String,
    partner_names: String,
    referred_to: String,
    feedback: &'a str,
    script_id: Option<&'a str>,
    script_version: Option<&'a str>,
    script_path: Option<&'a str>,
    catalogue_version: &'a str,
    spoken_language: &'a str,
    written_language: &'a str,
    /// The partners of this row (signposts or referrals) the resident agreed to be passed to,
    /// where the partner asked.
    agreed: String,
    /// The reference of the appointment booked at the desk for this row's service, if one was.
    booking: Option<&'a str>,
    /// How long the resident waited to be called, in seconds, where this desk called them.
    waited_seconds: Option<i64>,
    /// Each choice field's option (`null` when not answered), by the field's name.
    #[serde(flatten)]
    choices: BTreeMap<&'static str, Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

fn local_time(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms).map_or_else(String::new, |t| {
        t.with_timezone(&Local)
            .to_rfc3339_opts(SecondsFormat::Secs, false)
    })
}

fn line<'a>(row: &'a ExportRow, catalogue: &'a Catalogue, notes: bool) -> Line<'a> {
    let ids: Vec<&str> = row.partners.iter().map(|(id, _)| id.as_str()).collect();
    Line {
        visit_id: &row.visit_id,
        started_at: local_time(row.started_at),
        ended_at: local_time(row.ended_at),
        length_seconds: (row.ended_at - row.started_at).max(0) / 1000,
        desk: &row.desk,
        staff: &row.staff,
        service_position: row.service_position,
        service_id: &row.service_id,
        service_title: catalogue.service_title(&row.service_id),
        service_outcome: &row.service_outcome,
        visit_outcome: &row.visit_outcome,
        demand: row.demand.as_deref(),
        assisted_how: row.assisted_how.as_deref(),
        online: row.online.as_deref(),
        reasons: row.reasons.join(" "),
        partners: ids.join(" "),
        partner_names: ids
            .iter()
            .map(|id| catalogue.partner(id).map_or(*id, |p| p.name.as_str()))
            .collect::<Vec<_>>()
            .join("; "),
        referred_to: row
            .partners
            .iter()
            .filter(|(_, how)| how == "referral")
            .map(|(id, _)| id.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        feedback: &row.feedback,
        script_id: row.script_id.as_deref(),
        script_version: row.script_version.as_deref(),
        script_path: row.script_path.as_deref(),
        catalogue_version: &row.catalogue_version,
        choices: CHOICE_FIELDS
            .iter()
            .map(|field| (field.name, row.choice(field.name)))
            .collect(),
        spoken_language: &row.spoken_language,
        written_language: &row.written_language,
        booking: row.booking.as_deref(),
        agreed: row
            .partners
            .iter()
            .zip(&row.consents)
            .filter(|(_, consent)| consent.as_deref() == Some("1"))
            .map(|((id, _), _)| id.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        waited_seconds: row.waited_seconds,
        note: if notes {
            Some(row.note.as_deref().unwrap_or(""))
        } else {
            None
        },
    }
}

fn csv_record(line: &Line<'_>) -> Vec<String> {
    let text = |v: Option<&str>| v.unwrap_or("").to_string();
    let mut record = vec![
        line.visit_id.to_string(),
        line.started_at.clone(),
        line.ended_at.clone(),
        line.length_seconds.to_string(),
        line.desk.to_string(),
        line.staff.to_string(),
        line.service_position.to_string(),
        line.service_id.to_string(),
        line.service_title.to_string(),
        line.service_outcome.to_string(),
        line.visit_outcome.to_string(),
        text(line.demand),
        text(line.assisted_how),
        text(line.online),
        line.reasons.clone(),
        line.partners.clone(),
        line.partner_names.clone(),
        line.referred_to.clone(),
        line.feedback.to_string(),
        text(line.script_id),
        text(line.script_version),
        text(line.script_path),
        line.catalogue_version.to_string(),
        line.spoken_language.to_string(),
        line.written_language.to_string(),
        line.agreed.clone(),
        line.booking.unwrap_or_default().to_string(),
        line.waited_seconds
            .map(|s| s.to_string())
            .unwrap_or_default(),
    ];
    for field in CHOICE_FIELDS {
        let option = line.choices.get(field.name).copied().flatten();
        record.push(text(option));
    }
    if let Some(note) = line.note {
        record.push(note.to_string());
    }
    record
}

/// A write that failed because the reader went away (`| head`) ends the export quietly.
fn closed_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
        || error
            .chain()
            .filter_map(|e| e.downcast_ref::<csv::Error>())
            .any(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
}

/// What an export writes: the visits of a period at some desks, as the arguments say.
struct Rows<'a> {
    log: &'a mut VisitLog,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    desks: &'a Desks,
    catalogue: &'a Catalogue,
    args: &'a ExportVisitsArgs,
}

impl Rows<'_> {
    /// Writes every row to `sink`. On a terminal, CSV cells show control characters as
    /// escapes; JSON always writes them as JSON escapes (the same value, nothing a terminal
    /// obeys); every CSV cell is safe for a spreadsheet.
    /// Returns how many visits and rows it wrote.
    fn write(self, sink: impl Write, terminal: bool) -> anyhow::Result<Written> {
        let Rows {
            log,
            from,
            to,
            desks,
            catalogue,
            args,
        } = self;
        let mut sink = BufWriter::with_capacity(1 << 16, sink);
        let mut written = Written::default();
        let mut count = |row: &ExportRow| {
            written.rows += 1;
            if row.service_position == 1 {
                written.visits += 1;
            }
        };
        match args.format {
            ExportFormat::Csv => {
                let mut writer = csv::Writer::from_writer(&mut sink);
                let mut headings: Vec<&str> = COLUMNS.to_vec();
                headings.extend(CHOICE_FIELDS.iter().map(|field| field.name));
                if args.include_notes {
                    headings.push("note");
                }
                writer.write_record(&headings)?;
                if log.exists() {
                    log.export_rows(from, to, desks, |row| {
                        count(&row);
                        let record = csv_record(&line(&row, catalogue, args.include_notes));
                        writer.write_record(record.iter().map(|cell| {
                            let cell = safe_cell(cell);
                            if terminal {
                                printable(&cell).into_owned()
                            } else {
                                cell.into_owned()
                            }
                        }))
                    })??;
                }
                writer.flush()?;
            }
            ExportFormat::Jsonl => {
                if log.exists() {
                    log.export_rows(from, to, desks, |row| -> anyhow::Result<()> {
                        count(&row);
                        let json =
                            serde_json::to_string(&line(&row, catalogue, args.include_notes))?;
                        sink.write_all(json_escaped(&json).as_bytes())?;
                        sink.write_all(b"\n")?;
                        Ok(())
                    })??;
                }
            }
        }
        sink.flush()?;
        Ok(written)
    }
}

/// How much an export wrote.
#[derive(Debug, Default, Clone, Copy)]
struct Written {
    visits: u64,
    rows: u64,
}

pub fn visits(settings: &Settings, args: &ExportVisitsArgs) -> anyhow::Result<ExitCode> {
    let (from, to) = period(args.from.as_deref(), args.to.as_deref())?;
    let desk = args
        .desk
        .as_deref()
        .map(|d| config::desk_from_flag("--desk", d))
        .transpose()?;
    let desks = desks_for(desk.as_deref());
    let from = from.map_or(DateTime::<Utc>::MIN_UTC, |d| local_day_bounds(d).0);
    let to = to.map_or(DateTime::<Utc>::MAX_UTC, |d| local_day_bounds(d).1);
    let catalogue = catalogue_for_titles(settings)?;
    let mut log = VisitLog::new(settings.visits_file());
    let rows = Rows {
        log: &mut log,
        from,
        to,
        desks: &desks,
        catalogue: &catalogue,
        args,
    };
    let result = match &args.output {
        Some(path) => {
            // Notes are for the council's own eyes: the file is its owner's alone.
            let privacy = if args.include_notes {
                Privacy::OwnerOnly
            } else {
                Privacy::Ordinary
            };
            let mut file = OutputFile::create(path, &super::kept_files(settings), privacy)?;
            let written = rows.write(&mut file, false)?;
            file.finish()?;
            let place = crate::printable::printable(&path.display().to_string()).into_owned();
            outln!(
                "{}",
                text::report::export_written(
                    Language::default(),
                    written.visits,
                    written.rows,
                    &place
                )
            );
            Ok(())
        }
        None => {
            let terminal = std::io::stdout().is_terminal();
            rows.write(std::io::stdout().lock(), terminal)
                .map(|written| {
                    // The rows are on standard output; what was written goes beside them.
                    eprintln!(
                        "{}",
                        text::report::export_written_out(
                            Language::default(),
                            written.visits,
                            written.rows
                        )
                    );
                })
        }
    };
    match result {
        Err(error) if closed_pipe(&error) => Ok(ExitCode::SUCCESS),
        Err(error) => Err(error),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}
