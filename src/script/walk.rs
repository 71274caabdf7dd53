//! One walk through one script: where it is, the way it came, and what is still to do.

use std::collections::HashSet;

use crate::catalogue::{Script, ScriptEnd, ScriptNode};

/// One answer given on the way: the node it was given at and the number key chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub node: String,
    pub key: u8,
}

/// Why a walk could not take a step.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WalkError {
    #[error(
        "script {script} starts at node {start}, which it does not have; run `frontdesk check`"
    )]
    NoStart { script: String, start: String },
    #[error("{}", no_such_option(.node, *.key, .options))]
    NoSuchOption {
        node: String,
        key: u8,
        /// Each option there is: its number key and its label.
        options: Vec<(u8, String)>,
    },
    #[error("node {node} is urgent: acknowledge what to do now before going on")]
    NotAcknowledged { node: String },
    #[error("the walk has already ended at node {node}; there is nothing more to choose")]
    Ended { node: String },
    #[error(
        "option {key} at node {node} leads to node {next}, which the script does not have; run `frontdesk check`"
    )]
    BrokenLink { node: String, key: u8, next: String },
}

fn no_such_option(node: &str, key: u8, options: &[(u8, String)]) -> String {
    let listed: Vec<String> = options
        .iter()
        .map(|(key, label)| format!("{key} ({label})"))
        .collect();
    if listed.is_empty() {
        format!("node {node} has no options, so {key} cannot be chosen")
    } else {
        format!(
            "there is no option {key} at node {node}; the options there are {}",
            listed.join(", ")
        )
    }
}

/// A walk through a script: start at its first node, choose an option at each question,
/// acknowledge each urgent node, step back when a choice was wrong, and stop at an end.
#[derive(Debug, Clone)]
pub struct ScriptWalk<'s> {
    script: &'s Script,
    /// The node the walk is at.
    at: &'s ScriptNode,
    steps: Vec<Step>,
    /// Urgent nodes already acknowledged on this walk (kept when stepping back).
    acknowledged: HashSet<String>,
}

impl<'s> ScriptWalk<'s> {
    /// A walk at the script's start node.
    pub fn start(script: &'s Script) -> Result<ScriptWalk<'s>, WalkError> {
        let at = script
            .node(&script.start)
            .ok_or_else(|| WalkError::NoStart {
                script: script.id.clone(),
                start: script.start.clone(),
            })?;
        Ok(ScriptWalk {
            script,
            at,
            steps: Vec::new(),
            acknowledged: HashSet::new(),
        })
    }

    pub fn script(&self) -> &'s Script {
        self.script
    }

    /// The node the walk is at.
    pub fn current(&self) -> &'s ScriptNode {
        self.at
    }

    /// The answers given so far, first to last.
    pub fn path(&self) -> &[Step] {
        &self.steps
    }

    /// The number keys chosen so far, first to last: what `--choose` takes.
    pub fn keys(&self) -> Vec<u8> {
        self.steps.iter().map(|s| s.key).collect()
    }

    /// True when the current node is urgent and not yet acknowledged: nothing can be chosen.
    pub fn needs_acknowledgement(&self) -> bool {
        self.at.urgent.is_some() && !self.acknowledged.contains(&self.at.id)
    }

    /// Acknowledges the current urgent node (does nothing at a node that is not urgent).
    pub fn acknowledge(&mut self) {
        if self.at.urgent.is_some() {
            self.acknowledged.insert(self.at.id.clone());
        }
    }

    /// True at an end node.
    pub fn is_end(&self) -> bool {
        self.at.end.is_some()
    }

    /// The end reached, when the walk is at one.
    pub fn end(&self) -> Option<&'s ScriptEnd> {
        self.at.end.as_ref()
    }

    /// Takes the option with this number key at the current node.
    pub fn choose(&mut self, key: u8) -> Result<(), WalkError> {
        if self.is_end() {
            return Err(WalkError::Ended {
                node: self.at.id.clone(),
            });
        }
        if self.needs_acknowledgement() {
            return Err(WalkError::NotAcknowledged {
                node: self.at.id.clone(),
            });
        }
        let Some(option) = self.at.option(key) else {
            return Err(WalkError::NoSuchOption {
                node: self.at.id.clone(),
                key,
                options: self
                    .at
                    .keys()
                    .into_iter()
                    .zip(&self.at.options)
                    .map(|(k, o)| (k, o.label.clone()))
                    .collect(),
            });
        };
        let next = self
            .script
            .node(&option.next)
            .ok_or_else(|| WalkError::BrokenLink {
                node: self.at.id.clone(),
                key,
                next: option.next.clone(),
            })?;
        self.steps.push(Step {
            node: self.at.id.clone(),
            key,
        });
        self.at = next;
        Ok(())
    }

    /// Steps back to the node before the last choice; false at the start, where there is none.
    pub fn back(&mut self) -> bool {
        let Some(step) = self.steps.pop() else {
            return false;
        };
        match self.script.node(&step.node) {
            Some(node) => {
                self.at = node;
                true
            }
            None => {
                self.steps.push(step);
                false
            }
        }
    }

    /// The ids of the nodes visited, from the start to the current one.
    pub fn nodes(&self) -> Vec<&str> {
        self.steps
            .iter()
            .map(|s| s.node.as_str())
            .chain(std::iter::once(self.at.id.as_str()))
            .collect()
    }
}
