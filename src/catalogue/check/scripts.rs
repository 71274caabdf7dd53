//! The checks of one guided script: its nodes lead somewhere, every node can be reached, no
//! walk goes round in a loop or stops short of an end, each node fits the number keys, and each
//! end says how the visit ended. Its services and partners are checked with the other references.

use std::collections::HashMap;

use super::content;
use super::formats::closest;
use super::raw::Raw;
use super::references::Include;
use super::references::Role;
use super::{Checker, Site, fields};
use crate::catalogue::quoted;
use crate::catalogue::script::{
    Block, CONTINUE, MAX_OPTIONS, OUTCOME_WORDS, Script, ScriptEnd, ScriptNode,
};

/// A block of steps: checked as a script's steps are, where an option may also lead back to
/// the including script with `next = "@continue"`.
pub(super) fn block(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, block: &Block) {
    fields::review_by(checker, raw, block.review_by);
    let as_script = Script {
        id: block.id.clone(),
        title: block.title.clone(),
        summary: String::new(),
        keywords: Vec::new(),
        version: String::new(),
        start: block.start.clone(),
        review_by: block.review_by,
        nodes: block.nodes.clone(),
        cy: None,
    };
    super::welsh::steps(checker, raw, &as_script, "block");
    steps(checker, raw, &as_script, true);
}

pub(super) fn script(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, script: &Script) {
    super::welsh::script(checker, raw, script);
    fields::title(
        checker,
        raw,
        "title",
        &script.title,
        "a short title the receptionist would recognise",
    );
    fields::not_blank(
        checker,
        raw,
        "version",
        &script.version,
        "a version label such as \"1\", and change it when the script changes",
    );
    fields::review_by(checker, raw, script.review_by);
    steps(checker, raw, script, false);
}

/// The steps of a script or block: they lead somewhere, can each be reached, never loop and
/// each end says how the visit ended.
fn steps(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, script: &Script, in_block: bool) {
    let noun = if in_block { "block" } else { "script" };
    let node_raws = raw.tables("node");
    if script.nodes.is_empty() {
        checker.error(
            &raw.site(),
            format!(
                "{noun} {} has no nodes; add [[{noun}.node]] tables, starting with the one named by start",
                quoted(&script.id)
            ),
        );
        return;
    }
    let index = node_index(checker, script, &node_raws);
    let start = index.get(script.start.as_str()).copied();
    if start.is_none() {
        let hint = hint(&script.start, script);
        checker.error(
            &raw.field("start"),
            format!(
                "start {} is not the id of any node of this script{hint}",
                quoted(&script.start)
            ),
        );
    }
    for (node, node_raw) in script.nodes.iter().zip(&node_raws) {
        self::node(checker, script, &index, node, node_raw, in_block);
    }
    if let Some(start) = start {
        unreachable(checker, script, &index, start, &node_raws);
    }
    cycles(checker, script, &index, &node_raws);
}

/// Each node id's place, the first of each; a second node with the same id is an error.
fn node_index<'s>(
    checker: &mut Checker<'_>,
    script: &'s Script,
    node_raws: &[Raw<'_, '_>],
) -> HashMap<&'s str, usize> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, (node, node_raw)) in script.nodes.iter().zip(node_raws).enumerate() {
        let site = node_raw.field("id");
        fields::id(checker, &site, &node.id);
        match index.get(node.id.as_str()) {
            Some(first) => {
                let first_at = node_raws
                    .get(*first)
                    .map(|r| checker.location(&r.field("id")))
                    .unwrap_or_default();
                checker.error(
                    &site,
                    format!(
                        "node id {} is already used by the node at {first_at}; give each node of a script its own id",
                        quoted(&node.id)
                    ),
                );
            }
            None => {
                index.insert(&node.id, i);
            }
        }
    }
    index
}

/// "; did you mean ...?" naming the node id closest to `wanted`, or nothing.
fn hint(wanted: &str, script: &Script) -> String {
    match closest(wanted, script.nodes.iter().map(|n| n.id.as_str())) {
        Some(near) => format!("; did you mean {}?", quoted(near)),
        None => String::new(),
    }
}

fn node(
    checker: &mut Checker<'_>,
    script: &Script,
    index: &HashMap<&str, usize>,
    node: &ScriptNode,
    raw: &Raw<'_, '_>,
    in_block: bool,
) {
    let name = quoted(&node.id);
    let leads = |next: &str| index.contains_key(next) || (in_block && next == CONTINUE);
    content::resident_line(checker, &node.tell, raw.field("tell"));
    if let Some(question) = &node.question {
        content::resident_line(checker, question, raw.field("question"));
    }
    if let Some(block) = &node.include {
        include(checker, script, node, raw, block, in_block, &leads);
        return;
    }
    if node.options.len() > MAX_OPTIONS {
        checker.error(
            &raw.field("options"),
            format!(
                "node {name} has {} options; a node may have at most {MAX_OPTIONS}, one number key each, so split the question in two",
                node.options.len()
            ),
        );
    }
    let option_raws = raw.tables("options");
    let mut keys_seen: HashMap<u8, Site> = HashMap::new();
    for ((option, key), option_raw) in node.options.iter().zip(node.keys()).zip(&option_raws) {
        if option.label.trim().is_empty() {
            checker.error(
                &option_raw.field("label"),
                "this option's label is empty; write the answer as the resident would give it"
                    .to_string(),
            );
        }
        let key_site = option_raw.field("key");
        if option.key.is_some() && !(1..=9).contains(&key) {
            checker.error(
                &key_site,
                format!("option key {key} is not a number key; use 1 to 9"),
            );
        } else if let Some(first) = keys_seen.get(&key) {
            let first_at = checker.location(first);
            checker.error(
                &key_site,
                format!(
                    "option key {key} of node {name} is already used by the option at {first_at}; give each option its own number key"
                ),
            );
        } else {
            keys_seen.insert(key, key_site);
        }
        if !leads(option.next.as_str()) {
            checker.error(
                &option_raw.field("next"),
                format!(
                    "next {} is not the id of any node of this script{}",
                    quoted(&option.next),
                    hint(&option.next, script)
                ),
            );
        }
    }
    match (&node.end, node.options.is_empty()) {
        (Some(_), false) => checker.error(
            &raw.field("end"),
            format!(
                "node {name} has both options and an end; a node either asks a question or ends the walk"
            ),
        ),
        (None, true) => {
            let what = if node.question.is_some() {
                "asks a question but has no options"
            } else {
                "has no options and no end"
            };
            checker.error(
                &raw.field("id"),
                format!(
                    "node {name} is a dead end: it {what}; add options leading on, or an end with an outcome"
                ),
            );
        }
        _ => {}
    }
    if let (Some(end), Some(end_raw)) = (&node.end, raw.table("end")) {
        self::end(checker, &name, end, &end_raw);
    }
    if node.next.is_some() {
        checker.error(
            &raw.field("next"),
            format!(
                "node {name} has next but no include; next belongs with include, and a question leads on through its options"
            ),
        );
    }
    if let (Some(urgent), Some(urgent_raw)) = (&node.urgent, raw.table("urgent")) {
        fields::not_blank(
            checker,
            &urgent_raw,
            "now",
            &urgent.now,
            "plainly what to do now",
        );
        for (call, call_raw) in urgent.call.iter().zip(urgent_raw.tables("call")) {
            fields::not_blank(checker, &call_raw, "name", &call.name, "who to call");
            fields::phone(checker, &call_raw, Some(&call.phone));
        }
    }
}

/// A node that includes a block: it names the block and where the walk goes after it, and
/// nothing else.
fn include(
    checker: &mut Checker<'_>,
    script: &Script,
    node: &ScriptNode,
    raw: &Raw<'_, '_>,
    block: &str,
    in_block: bool,
    leads: &dyn Fn(&str) -> bool,
) {
    let name = quoted(&node.id);
    checker.ledger.includes.push(Include {
        in_block: in_block.then(|| script.id.clone()),
        block: block.to_string(),
        site: raw.field("include"),
    });
    if !node.options.is_empty() || node.end.is_some() || node.question.is_some() {
        checker.error(
            &raw.field("include"),
            format!(
                "node {name} includes a block and also asks a question or ends; an include node has only id, include and next"
            ),
        );
    }
    match node.next.as_deref() {
        None => checker.error(
            &raw.field("include"),
            format!(
                "node {name} includes a block but has no next; add next = the id of the node the walk goes on to after the block"
            ),
        ),
        Some(next) if !leads(next) => checker.error(
            &raw.field("next"),
            format!(
                "next {} is not the id of any node of this script{}",
                quoted(next),
                hint(next, script)
            ),
        ),
        Some(_) => {}
    }
}

/// Where a node leads: its options' nodes, then an include's next.
fn successors(node: &ScriptNode) -> impl Iterator<Item = &str> {
    node.options
        .iter()
        .map(|o| o.next.as_str())
        .chain(node.include.as_ref().and(node.next.as_deref()))
}

fn end(checker: &mut Checker<'_>, name: &str, end: &ScriptEnd, raw: &Raw<'_, '_>) {
    content::end_sources(checker, raw, name, &end.sources, end.checked);
    content::resident_line(checker, &end.tell, raw.field("tell"));
    for (line, site) in end.checklist.iter().zip(raw.items("checklist")) {
        content::resident_line(checker, line, site);
    }
    match end.outcome.as_deref() {
        None => checker.error(
            &raw.site(),
            format!(
                "the end at node {name} has no outcome; add outcome = one of {}",
                OUTCOME_WORDS.join(", ")
            ),
        ),
        Some(outcome) => outcome_word(checker, &raw.field("outcome"), outcome),
    }
    for (service, service_raw) in end.services.iter().zip(raw.tables("services")) {
        fields::refer(
            checker,
            Role::ScriptService,
            &service.id,
            service_raw.field("id"),
        );
        if let Some(outcome) = service.outcome.as_deref() {
            outcome_word(checker, &service_raw.field("outcome"), outcome);
        }
    }
    for (partner, site) in end.partners.iter().zip(raw.items("partners")) {
        fields::refer(checker, Role::ScriptPartner, partner, site);
    }
}

fn outcome_word(checker: &mut Checker<'_>, site: &Site, outcome: &str) {
    if !OUTCOME_WORDS.contains(&outcome) {
        let near = match closest(outcome, OUTCOME_WORDS) {
            Some(near) => format!(" (did you mean {}?)", quoted(near)),
            None => String::new(),
        };
        checker.error(
            site,
            format!(
                "outcome {} is not one of {}{near}",
                quoted(outcome),
                OUTCOME_WORDS.join(", ")
            ),
        );
    }
}

/// Every node the start does not lead to, one way or another.
fn unreachable(
    checker: &mut Checker<'_>,
    script: &Script,
    index: &HashMap<&str, usize>,
    start: usize,
    node_raws: &[Raw<'_, '_>],
) {
    let mut reached = vec![false; script.nodes.len()];
    let mut pending = vec![start];
    while let Some(at) = pending.pop() {
        if std::mem::replace(&mut reached[at], true) {
            continue;
        }
        for next in successors(&script.nodes[at]) {
            if let Some(next) = index.get(next) {
                pending.push(*next);
            }
        }
    }
    for ((i, node), node_raw) in script.nodes.iter().enumerate().zip(node_raws) {
        // A second node with an id already used is reported as such, not again here.
        if !reached[i] && index.get(node.id.as_str()) == Some(&i) {
            checker.error(
                &node_raw.field("id"),
                format!(
                    "node {} cannot be reached from the start node {}; lead an option to it or remove it",
                    quoted(&node.id),
                    quoted(&script.start)
                ),
            );
        }
    }
}

/// Every option that leads back to a node on the way to it: a walk that would never end.
fn cycles(
    checker: &mut Checker<'_>,
    script: &Script,
    index: &HashMap<&str, usize>,
    node_raws: &[Raw<'_, '_>],
) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnTheWay,
        Done,
    }
    let mut marks = vec![Mark::New; script.nodes.len()];
    // Depth first without recursion, so a long script cannot overflow the stack.
    for root in 0..script.nodes.len() {
        if marks[root] != Mark::New {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        marks[root] = Mark::OnTheWay;
        while let Some((at, option)) = stack.pop() {
            let node = &script.nodes[at];
            let Some(next) = successors(node).nth(option) else {
                marks[at] = Mark::Done;
                continue;
            };
            stack.push((at, option + 1));
            let Some(&to) = index.get(next) else {
                continue;
            };
            match marks[to] {
                Mark::New => {
                    marks[to] = Mark::OnTheWay;
                    stack.push((to, 0));
                }
                Mark::OnTheWay => {
                    let site = node_raws.get(at).map(|r| {
                        r.tables("options")
                            .get(option)
                            .map_or_else(|| r.field("next"), |o| o.field("next"))
                    });
                    let what = match node.options.get(option) {
                        Some(o) => format!("option {} of node", quoted(&o.label)),
                        None => "the include at node".to_string(),
                    };
                    if let Some(site) = site {
                        checker.error(
                            &site,
                            format!(
                                "{what} {} leads back to node {}, a loop; every walk must move on to an end",
                                quoted(&node.id),
                                quoted(next)
                            ),
                        );
                    }
                }
                Mark::Done => {}
            }
        }
    }
}
