//! Guided scripts as content: a short decision tree a receptionist walks one key a step.
//!
//! ```toml
//! [[script]]
//! id = "homelessness"
//! title = "Homeless or about to be"
//! summary = "Someone who has lost their home or may lose it soon."
//! keywords = ["evicted", "nowhere to stay"]
//! version = "1"
//! start = "tonight"
//! review_by = 2027-03-31
//!
//! [[script.node]]
//! id = "tonight"
//! say = "Ask gently, and listen."
//! question = "Do you have somewhere safe to stay tonight?"
//! options = [
//!   { label = "No", next = "nowhere-tonight" },
//!   { label = "Yes", next = "when" },
//! ]
//!
//! [[script.node]]
//! id = "nowhere-tonight"
//! [script.node.end]
//! outcome = "referred"
//! services = [{ id = "homeless-tonight" }]
//! ```
//!
//! A node may instead include a block of steps written once for many scripts (the safety
//! questions every script that may meet someone at risk asks first):
//!
//! ```toml
//! [[script.node]]
//! id = "safety"
//! include = "safety-first"   # the id of a [[block]]
//! next = "tonight"           # where the walk goes when the block says "@continue"
//!
//! [[block]]
//! id = "safety-first"
//! start = "risk-now"
//! review_by = 2027-03-31
//!
//! [[block.node]]
//! id = "risk-now"
//! question = "Is anyone in danger right now?"
//! options = [{ label = "No", next = "@continue" }, { label = "Yes", next = "end-999" }]
//! ```
//!
//! Loading copies the block's nodes into the script in place of the include node (the block's
//! start takes the include node's id, its other nodes are named `<include id>/<node id>`), so
//! the walk, both faces and the compiled catalogue see one plain script.
//!
//! Every node either asks a question with numbered options (each leading to another node) or is
//! an end. A node may also be urgent: it says what to do now and who to call, in order, and the
//! walk does not go on until the receptionist has acknowledged it. Script ids have their own
//! namespace: the script `homelessness` and the service `homelessness` are different things.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::welsh::{NodeWelsh, ScriptWelsh};

/// The most options a node may have: one number key each.
pub const MAX_OPTIONS: usize = 9;

/// The words an end's `outcome` may be: the visit outcomes, as typed on the command line.
pub const OUTCOME_WORDS: [&str; 6] = [
    "resolved",
    "signposted",
    "referred",
    "appointment",
    "assisted-digital",
    "not-resolved",
];

/// What an option of a block leads to when the walk should go back to the including script.
pub const CONTINUE: &str = "@continue";

/// How deep includes may nest (a block including a block ...); `check` reports loops.
const MAX_INCLUDE_DEPTH: usize = 8;

/// Steps written once and included by scripts: the same nodes as a script, where an option
/// may lead to [`CONTINUE`].
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub id: String,
    /// What the block is for, for the people who write scripts.
    #[serde(default)]
    pub title: String,
    /// The id of the first node.
    pub start: String,
    #[serde(deserialize_with = "super::model::review_date")]
    pub review_by: NaiveDate,
    #[serde(default, rename = "node")]
    pub nodes: Vec<ScriptNode>,
}

/// Puts each included block's steps in place of the node that includes it, in every script.
/// A block that is not there, or includes nested deeper than a few levels (a loop), leave the
/// include node as it is: `check` reports both, and refuses such a catalogue.
pub fn expand_includes(scripts: &mut [Script], blocks: &[Block]) {
    for script in scripts {
        for _ in 0..MAX_INCLUDE_DEPTH {
            let Some(at) = script.nodes.iter().position(|n| {
                n.include
                    .as_deref()
                    .is_some_and(|b| blocks.iter().any(|x| x.id == b))
            }) else {
                break;
            };
            let include = script.nodes.remove(at);
            let Some(block) = blocks
                .iter()
                .find(|b| Some(b.id.as_str()) == include.include.as_deref())
            else {
                break;
            };
            let name = |id: &str| -> String {
                if id == CONTINUE {
                    include.next.clone().unwrap_or_default()
                } else if id == block.start {
                    include.id.clone()
                } else {
                    format!("{}/{id}", include.id)
                }
            };
            let copied: Vec<ScriptNode> = block
                .nodes
                .iter()
                .map(|node| {
                    let mut node = node.clone();
                    node.id = name(&node.id);
                    for option in &mut node.options {
                        option.next = name(&option.next);
                    }
                    if node.include.is_some() {
                        node.next = node.next.as_deref().map(name);
                    }
                    node
                })
                .collect();
            script.nodes.splice(at..at, copied);
        }
    }
}

/// One guided script.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Script {
    pub id: String,
    pub title: String,
    /// One plain sentence: who the script is for. Shown in search results and searched.
    #[serde(default)]
    pub summary: String,
    /// The words that bring residents to it ("evicted", "bailiffs", "can't get online").
    #[serde(default)]
    pub keywords: Vec<String>,
    /// A label for this version of the script, stored with each visit that walked it.
    pub version: String,
    /// The id of the first node.
    pub start: String,
    #[serde(deserialize_with = "super::model::review_date")]
    pub review_by: NaiveDate,
    #[serde(default, rename = "node")]
    pub nodes: Vec<ScriptNode>,
    /// The Welsh of these words ([`super::welsh`]).
    #[serde(default)]
    pub cy: Option<ScriptWelsh>,
}

impl Script {
    pub fn node(&self, id: &str) -> Option<&ScriptNode> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

/// One step of a script: a question with options, or an end; either may be urgent.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScriptNode {
    pub id: String,
    /// For the receptionist: what to say or check. Not read out as it stands.
    #[serde(default)]
    pub say: String,
    /// For the resident: words to read out or show them.
    #[serde(default)]
    pub tell: String,
    /// The question to ask, answered by one of the options.
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub options: Vec<ScriptOption>,
    /// Set when someone may be at risk: the walk waits until this is acknowledged.
    #[serde(default)]
    pub urgent: Option<Urgent>,
    /// Set on a node where the walk ends.
    #[serde(default)]
    pub end: Option<ScriptEnd>,
    /// The id of a `[[block]]` whose steps stand in for this node.
    #[serde(default)]
    pub include: Option<String>,
    /// With `include`: the node the walk goes on to when the block says [`CONTINUE`].
    #[serde(default)]
    pub next: Option<String>,
    /// The Welsh of these words ([`super::welsh`]).
    #[serde(default)]
    pub cy: Option<NodeWelsh>,
}

impl ScriptNode {
    /// The number key of each option: its `key`, or its place in the list (from 1).
    pub fn keys(&self) -> Vec<u8> {
        self.options
            .iter()
            .enumerate()
            .map(|(i, o)| o.key.unwrap_or(u8::try_from(i + 1).unwrap_or(u8::MAX)))
            .collect()
    }

    /// The option chosen with `key`, when there is one.
    pub fn option(&self, key: u8) -> Option<&ScriptOption> {
        self.keys()
            .iter()
            .position(|k| *k == key)
            .and_then(|i| self.options.get(i))
    }
}

/// One answer to a node's question.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScriptOption {
    /// The number key, 1 to 9; by default the option's place in the list.
    #[serde(default)]
    pub key: Option<u8>,
    pub label: String,
    /// The id of the node this answer leads to.
    pub next: String,
}

/// What to do now when someone may be at risk, and who to call, in order.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Urgent {
    pub now: String,
    #[serde(default)]
    pub call: Vec<UrgentCall>,
}

/// One call to make, in the order listed.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UrgentCall {
    pub name: String,
    pub phone: String,
    /// When to make this call: "if anyone is in danger now".
    #[serde(default)]
    pub when: Option<String>,
}

/// Where a walk ends: what to log and what the resident takes away.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScriptEnd {
    /// The visit's outcome, one of [`OUTCOME_WORDS`]; `check` says when it is missing.
    #[serde(default)]
    pub outcome: Option<String>,
    #[serde(default)]
    pub services: Vec<ScriptService>,
    /// Ids of partners the resident is signposted to.
    #[serde(default)]
    pub partners: Vec<String>,
    /// What to tell the resident.
    #[serde(default)]
    pub tell: String,
    /// What to bring or do next.
    #[serde(default)]
    pub checklist: Vec<String>,
    /// Whether a slip is worth printing for the resident.
    #[serde(default)]
    pub slip: bool,
    /// The public pages this end's advice rests on (web addresses); `check` wants one at least.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The day a person last checked this end's advice against its sources.
    #[serde(default, deserialize_with = "super::model::optional_date")]
    pub checked: Option<NaiveDate>,
}

/// A service logged at an end, with its own outcome when it differs from the end's.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScriptService {
    pub id: String,
    #[serde(default)]
    pub outcome: Option<String>,
}
