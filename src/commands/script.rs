//! `frontdesk script list|show|walk`: the guided scripts without the screen.

use std::process::ExitCode;

use serde::Serialize;

use super::table::{Column, Table, cell};
use crate::catalogue::check::{ID_MAX_CHARS, TITLE_MAX_CHARS};
use crate::catalogue::{Catalogue, Script, ScriptNode, Urgent};
use crate::config::Settings;
use crate::printable::printable;
use crate::script::ScriptWalk;

/// How much of an unknown id an error message repeats.
const ID_SHOWN: usize = 80;

#[derive(Serialize)]
struct ListJson<'a> {
    id: &'a str,
    title: &'a str,
    version: &'a str,
    keywords: &'a [String],
    review_by: chrono::NaiveDate,
}

pub fn list(settings: &Settings, json: bool) -> anyhow::Result<ExitCode> {
    let catalogue = crate::runtime::load_catalogue(settings)?;
    if json {
        let rows: Vec<ListJson<'_>> = catalogue
            .scripts
            .iter()
            .map(|s| ListJson {
                id: &s.id,
                title: &s.title,
                version: &s.version,
                keywords: &s.keywords,
                review_by: s.review_by,
            })
            .collect();
        outln!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    if catalogue.scripts.is_empty() {
        outln!("This catalogue has no guided scripts.");
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(&[
        Column::left("ID", ID_MAX_CHARS),
        Column::left("TITLE", TITLE_MAX_CHARS),
        Column::left("VERSION", 20),
    ]);
    for script in &catalogue.scripts {
        table.row([
            script.id.clone(),
            script.title.clone(),
            script.version.clone(),
        ]);
    }
    out!("{}", table.render());
    outln!(
        "{} scripts. Show one with `frontdesk script show ID`.",
        catalogue.scripts.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn find<'c>(catalogue: &'c Catalogue, id: &str) -> anyhow::Result<&'c Script> {
    catalogue.script(id).ok_or_else(|| {
        let ids: Vec<&str> = catalogue.scripts.iter().map(|s| s.id.as_str()).collect();
        anyhow::anyhow!(crate::text::cli::no_such_script(
            crate::text::cli::language(),
            &cell(id, ID_SHOWN),
            &ids,
        ))
    })
}

pub fn show(settings: &Settings, id: &str, json: bool) -> anyhow::Result<ExitCode> {
    let catalogue = crate::runtime::load_catalogue(settings)?;
    let script = find(&catalogue, id)?;
    if json {
        outln!("{}", serde_json::to_string_pretty(script)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = format!(
        "{} ({}, version {}; review by {})\nStarts at [{}].\n",
        script.title, script.id, script.version, script.review_by, script.start
    );
    for node in in_walking_order(script) {
        out.push('\n');
        out.push_str(&describe(&catalogue, node));
    }
    print_lines(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The nodes from the start, each after the one that first leads to it; any the start does not
/// lead to come last, in file order.
fn in_walking_order(script: &Script) -> Vec<&ScriptNode> {
    let mut order: Vec<&ScriptNode> = Vec::new();
    let mut queue = std::collections::VecDeque::from([script.start.as_str()]);
    while let Some(id) = queue.pop_front() {
        let Some(node) = script.node(id) else {
            continue;
        };
        if order.iter().any(|n| n.id == node.id) {
            continue;
        }
        order.push(node);
        queue.extend(node.options.iter().map(|o| o.next.as_str()));
    }
    for node in &script.nodes {
        if !order.iter().any(|n| n.id == node.id) {
            order.push(node);
        }
    }
    order
}

fn describe(catalogue: &Catalogue, node: &ScriptNode) -> String {
    let mut out = format!("[{}]", node.id);
    if let Some(question) = &node.question {
        out.push(' ');
        out.push_str(question);
    }
    out.push('\n');
    if let Some(urgent) = &node.urgent {
        out.push_str(&urgent_lines(urgent));
    }
    if !node.say.is_empty() {
        out.push_str(&format!("  Check: {}\n", node.say));
    }
    if !node.tell.is_empty() {
        out.push_str(&format!("  Tell the resident: {}\n", node.tell));
    }
    for (key, option) in node.keys().into_iter().zip(&node.options) {
        out.push_str(&format!(
            "  {key}  {}  -> [{}]\n",
            option.label, option.next
        ));
    }
    if let Some(end) = &node.end {
        out.push_str(&format!(
            "  END: {}\n",
            end.outcome.as_deref().unwrap_or("no outcome")
        ));
        out.push_str(&end_lines(catalogue, end));
    }
    out
}

fn urgent_lines(urgent: &Urgent) -> String {
    let mut out = format!("  URGENT: {}\n", urgent.now);
    for (n, call) in urgent.call.iter().enumerate() {
        let when = call
            .when
            .as_deref()
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        out.push_str(&format!(
            "    {}. Call {} on {}{when}\n",
            n + 1,
            call.name,
            call.phone
        ));
    }
    out
}

fn end_lines(catalogue: &Catalogue, end: &crate::catalogue::ScriptEnd) -> String {
    let mut out = String::new();
    for service in &end.services {
        let outcome = service
            .outcome
            .as_deref()
            .map(|o| format!(" [{o}]"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  Service: {} ({}){outcome}\n",
            catalogue.service_title(&service.id),
            service.id
        ));
    }
    for partner in &end.partners {
        let name = catalogue
            .partner(partner)
            .map_or(partner.as_str(), |p| &p.name);
        out.push_str(&format!("  Partner: {name} ({partner})\n"));
    }
    if !end.tell.is_empty() {
        out.push_str(&format!("  Tell the resident: {}\n", end.tell));
    }
    for item in &end.checklist {
        out.push_str(&format!("  [ ] {item}\n"));
    }
    if end.slip {
        out.push_str("  A slip is worth printing.\n");
    }
    out
}

/// Prints text line by line, each made printable (content may hold anything a file can).
fn print_lines(text: &str) -> std::io::Result<()> {
    for line in text.lines() {
        outln!("{}", printable(line));
    }
    Ok(())
}

#[derive(Serialize)]
struct StepJson<'a> {
    node: &'a str,
    question: Option<&'a str>,
    key: u8,
    label: &'a str,
}

#[derive(Serialize)]
struct ServiceJson<'a> {
    id: &'a str,
    title: &'a str,
    outcome: Option<&'a str>,
}

#[derive(Serialize)]
struct PartnerJson<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct UrgentJson<'a> {
    node: &'a str,
    #[serde(flatten)]
    urgent: &'a Urgent,
}

#[derive(Serialize)]
struct WalkJson<'a> {
    script: &'a str,
    version: &'a str,
    path: Vec<StepJson<'a>>,
    keys: Vec<u8>,
    end: &'a str,
    outcome: Option<&'a str>,
    services: Vec<ServiceJson<'a>>,
    partners: Vec<PartnerJson<'a>>,
    tell: &'a str,
    checklist: &'a [String],
    slip: bool,
    /// The urgent nodes passed on the way (and the end, if it is one), acknowledged.
    urgent: Vec<UrgentJson<'a>>,
}

pub fn walk(settings: &Settings, id: &str, keys: &[u8], json: bool) -> anyhow::Result<ExitCode> {
    let catalogue = crate::runtime::load_catalogue(settings)?;
    let script = find(&catalogue, id)?;
    let mut walk = ScriptWalk::start(script)?;
    let mut urgent: Vec<(&ScriptNode, &Urgent)> = Vec::new();
    for key in keys {
        if let Some(u) = &walk.current().urgent {
            urgent.push((walk.current(), u));
        }
        walk.acknowledge();
        walk.choose(*key)?;
    }
    let at = walk.current();
    if let Some(u) = &at.urgent {
        urgent.push((at, u));
    }
    let Some(end) = walk.end() else {
        let options: Vec<String> = at
            .keys()
            .into_iter()
            .zip(&at.options)
            .map(|(k, o)| format!("{k} ({})", o.label))
            .collect();
        let choose = walk
            .keys()
            .iter()
            .map(u8::to_string)
            .chain(std::iter::once("N".to_string()))
            .collect::<Vec<_>>()
            .join(",");
        anyhow::bail!(crate::text::cli::walk_stops(
            crate::text::cli::language(),
            &at.id,
            &options.join(", "),
            &choose,
        ));
    };
    let outcome = end.outcome.as_deref();
    let path: Vec<StepJson<'_>> = walk
        .path()
        .iter()
        .filter_map(|step| {
            let node = script.node(&step.node)?;
            Some(StepJson {
                node: &node.id,
                question: node.question.as_deref(),
                key: step.key,
                label: node.option(step.key).map_or("", |o| o.label.as_str()),
            })
        })
        .collect();
    let services: Vec<ServiceJson<'_>> = end
        .services
        .iter()
        .map(|s| ServiceJson {
            id: &s.id,
            title: catalogue.service_title(&s.id),
            outcome: s.outcome.as_deref().or(outcome),
        })
        .collect();
    let partners: Vec<PartnerJson<'_>> = end
        .partners
        .iter()
        .map(|p| PartnerJson {
            id: p,
            name: catalogue.partner(p).map_or(p.as_str(), |p| &p.name),
        })
        .collect();
    let report = WalkJson {
        script: &script.id,
        version: &script.version,
        path,
        keys: walk.keys(),
        end: &at.id,
        outcome,
        services,
        partners,
        tell: &end.tell,
        checklist: &end.checklist,
        slip: end.slip,
        urgent: urgent
            .iter()
            .map(|(node, urgent)| UrgentJson {
                node: &node.id,
                urgent,
            })
            .collect(),
    };
    if json {
        outln!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = format!(
        "{} ({}, version {})\n",
        script.title, script.id, script.version
    );
    for (n, step) in report.path.iter().enumerate() {
        out.push_str(&format!(
            "{}. {}  {}  {}\n",
            n + 1,
            step.question.unwrap_or(step.node),
            step.key,
            step.label
        ));
    }
    for (node, u) in &urgent {
        out.push_str(&format!("At [{}]:\n", node.id));
        out.push_str(&urgent_lines(u));
    }
    out.push_str(&format!(
        "End [{}]: {}\n",
        at.id,
        outcome.unwrap_or("no outcome")
    ));
    out.push_str(&end_lines(&catalogue, end));
    print_lines(&out)?;
    Ok(ExitCode::SUCCESS)
}
