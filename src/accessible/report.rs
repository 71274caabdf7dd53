//! The report screen in the accessible mode: the desk's figures for the period chosen, read out
//! as sentences, one line a section; or saved whole to a file (HTML with charts, CSV, JSON or
//! text) to read in a browser.

use std::path::Path;
use std::str::FromStr;

use crate::output_file::{self, KeptFiles, Privacy};
use crate::report::Report;
use crate::text::{self, Language};
use crate::visit::Outcome;

fn outcome_word(lang: Language, word: &str) -> String {
    Outcome::from_str(word)
        .map(|o| text::form::outcome(lang, o).to_string())
        .unwrap_or_else(|_| word.to_string())
}

/// The report as lines: the period (by its calendar name, where it has one), the headline
/// figures, then a line for every service and one for the partners.
pub fn lines(report: &Report, name: Option<&str>, lang: Language) -> Vec<String> {
    let l = text::report::labels(lang);
    let desks = match &report.period.desk {
        Some(desk) => desk.clone(),
        None => format!("{} {}", l.all_desks_but, crate::report::DEMO_DESK),
    };
    let days = text::report::period(
        lang,
        &report.period.from.to_string(),
        &report.period.to.to_string(),
    );
    let period = match name {
        Some(name) => format!("{name}, {days}"),
        None => days,
    };
    let mut lines = vec![format!(
        "{}. {}: {period}. {}: {desks}.",
        l.title, l.period, l.desks,
    )];
    let figures: Vec<String> = crate::desk::view::report_headline(report, lang)
        .into_iter()
        .map(|figure| match figure.visits {
            Some(visits) if figure.value != "-" => {
                format!("{}: {visits} ({}).", figure.label, figure.value)
            }
            _ => format!("{}: {}.", figure.label, figure.value),
        })
        .collect();
    lines.push(figures.join(" "));
    if let Some(appointments) = crate::desk::view::report_appointments(report, lang) {
        lines.push(appointments.sentence());
    }
    for s in &report.services {
        let outcomes: Vec<String> = s
            .outcomes
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(w, n)| format!("{} {n}", outcome_word(lang, w)))
            .collect();
        lines.push(text::accessible::report_service(
            lang,
            &s.title,
            s.visits,
            &outcomes.join(", "),
        ));
    }
    if !report.partners.is_empty() {
        let partners: Vec<String> = report
            .partners
            .iter()
            .map(|p| {
                format!(
                    "{}: {} {}, {} {}",
                    p.name, l.signposts, p.signposts, l.referrals, p.referrals
                )
            })
            .collect();
        lines.push(format!("{}: {}.", l.partners, partners.join("; ")));
    }
    if report.signposted_without_partner > 0 {
        lines.push(format!(
            "{}.",
            text::report::signposted_without_partner(lang, report.signposted_without_partner)
        ));
    }
    lines
}

/// Saves the whole report to `path`, in the format its extension names (`.html`, `.csv`,
/// `.json`; anything else is the text table); never over a file frontdesk keeps.
pub fn save(report: &Report, lang: Language, path: &Path, kept: &KeptFiles) -> Result<(), String> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let contents = match extension.as_str() {
        "html" | "htm" => crate::report::html::render(report, lang),
        "csv" => crate::report::csv::render(report).map_err(|e| e.to_string())?,
        "json" => serde_json::to_string_pretty(report).map_err(|e| e.to_string())?,
        _ => crate::report::table::render(report, lang),
    };
    output_file::write(path, contents.as_bytes(), kept, Privacy::Ordinary)
        .map_err(|e| e.to_string())
}
