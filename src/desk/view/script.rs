//! A script's end as both faces show it: the outcome, the services and partners it logs, what
//! to tell the resident, the checklist and whether a slip is worth printing.

use std::str::FromStr;

use super::{Emphasis, Value, ViewLine};
use crate::catalogue::{Catalogue, ScriptEnd};
use crate::desk::{Command, KeyNames};
use crate::script::ScriptWalk;
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

/// A step of a script before (or at) its end, as both faces show it: the answers so far, an
/// urgent block with whom to call, then the receptionist's words, the resident's, the question
/// and the numbered options. While an urgent step waits to be acknowledged only the urgent
/// block is shown, so it cannot be missed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptStepView {
    /// The answers chosen so far, first to last (each face joins them its own way).
    pub path: Vec<String>,
    pub urgent: Option<UrgentView>,
    /// An urgent step not yet acknowledged: nothing after the urgent block is shown.
    pub waiting: bool,
    /// For you, say to the resident, the question.
    pub lines: Vec<ViewLine>,
    /// The options as (key, label), in order.
    pub options: Vec<(String, String)>,
}

/// What to do now at an urgent step and whom to call, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrgentView {
    pub now: String,
    /// "Name phone (when)", numbered by each face.
    pub calls: Vec<String>,
}

impl ScriptStepView {
    /// Every piece of text the step holds, for checks that both faces say it.
    pub fn texts(&self) -> Vec<&str> {
        let mut texts: Vec<&str> = self.path.iter().map(String::as_str).collect();
        if let Some(urgent) = &self.urgent {
            texts.push(urgent.now.as_str());
            texts.extend(urgent.calls.iter().map(String::as_str));
        }
        texts.extend(self.lines.iter().flat_map(ViewLine::texts));
        for (key, label) in &self.options {
            texts.push(key.as_str());
            texts.push(label.as_str());
        }
        texts
    }
}

/// The step a walk stands at.
pub fn script_step_view(walk: &ScriptWalk<'_>, lang: Language) -> ScriptStepView {
    let labels = text::script::labels(lang);
    let script = walk.script();
    let node = walk.current();
    let path = walk
        .path()
        .iter()
        .filter_map(|step| {
            let node = script.node(&step.node)?;
            node.option(step.key).map(|o| o.label.clone())
        })
        .collect();
    let urgent = node.urgent.as_ref().map(|urgent| UrgentView {
        now: urgent.now.clone(),
        calls: urgent
            .call
            .iter()
            .map(|call| match call.when.as_deref() {
                Some(when) => format!("{} {} ({when})", call.name, call.phone),
                None => format!("{} {}", call.name, call.phone),
            })
            .collect(),
    });
    let waiting = urgent.is_some() && walk.needs_acknowledgement();
    let mut lines = Vec::new();
    let mut options = Vec::new();
    if !waiting {
        if !node.say.is_empty() {
            lines.push(ViewLine::text(labels.for_you, node.say.as_str(), true));
        }
        if !node.tell.is_empty() {
            lines.push(
                ViewLine::text(labels.say_to_resident, node.tell.as_str(), true)
                    .emphasised(Emphasis::Resident),
            );
        }
        if let Some(question) = &node.question {
            lines.push(
                ViewLine::text(labels.question, question.as_str(), true)
                    .emphasised(Emphasis::Resident),
            );
        }
        options = node
            .keys()
            .into_iter()
            .zip(&node.options)
            .map(|(key, option)| (key.to_string(), option.label.clone()))
            .collect();
    }
    ScriptStepView {
        path,
        urgent,
        waiting,
        lines,
        options,
    }
}
