//! A script's end as both faces show it: the outcome, the services and partners it logs, what
//! to tell the resident, the checklist and whether a slip is worth printing.

use std::str::FromStr;

use super::{Emphasis, Value, ViewLine};
use crate::catalogue::{Catalogue, ScriptEnd};
use crate::desk::{Command, KeyNames};
use crate::text::{self, Language};
use crate::visit::Outcome;

/// The lines of a script's end, in order. How to log the visit from here is each face's own
/// line (a key on the full screen, a word in the accessible mode).
pub fn script_end_view(
    catalogue: &Catalogue,
    end: &ScriptEnd,
    lang: Language,
    keys: &KeyNames,
) -> Vec<ViewLine> {
    let labels = text::script::labels(lang);
    let outcome = |word: Option<&str>| {
        word.and_then(|w| Outcome::from_str(w).ok())
            .map(|o| text::form::outcome(lang, o).to_string())
    };
    let mut lines = Vec::new();
    if let Some(outcome) = outcome(end.outcome.as_deref()) {
        lines.push(ViewLine::text(labels.outcome, outcome, true));
    }
    if !end.services.is_empty() {
        let services: Vec<String> = end
            .services
            .iter()
            .map(|s| {
                let title = catalogue.service_title(&s.id);
                match outcome(s.outcome.as_deref()) {
                    Some(own) => format!("{title} ({own})"),
                    None => title.to_string(),
                }
            })
            .collect();
        lines.push(ViewLine::text(labels.services, services.join("; "), true));
    }
    if !end.partners.is_empty() {
        let partners: Vec<&str> = end
            .partners
            .iter()
            .map(|id| {
                catalogue
                    .partner(id)
                    .map_or(id.as_str(), |p| p.name.as_str())
            })
            .collect();
        lines.push(ViewLine::text(labels.partners, partners.join("; "), true));
    }
    if !end.tell.is_empty() {
        lines.push(
            ViewLine::text(labels.say_to_resident, end.tell.as_str(), true)
                .emphasised(Emphasis::Resident),
        );
    }
    if !end.checklist.is_empty() {
        lines.push(ViewLine {
            label: labels.checklist,
            value: Value::Steps(end.checklist.clone()),
            emphasis: Emphasis::Plain,
            brief: true,
        });
    }
    if end.slip {
        let key = keys.key(Command::Slip);
        lines.push(ViewLine::text(
            "",
            text::script::slip_worth_printing(lang, &key),
            true,
        ));
    }
    lines
}
