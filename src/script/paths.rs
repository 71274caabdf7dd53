//! Every way through a script, for tests and for councils checking their own scripts.

use crate::catalogue::Script;

/// One way from the start to an end: the keys chosen and the end node reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub keys: Vec<u8>,
    pub end: String,
}

/// Every path from the start node to an end, in key order, or `None` when the script has a
/// loop, a broken link or a dead end (which `frontdesk check` reports), or more than `limit`
/// paths.
pub fn every_path(script: &Script, limit: usize) -> Option<Vec<Path>> {
    let mut paths = Vec::new();
    // (node id, keys so far); depth is bounded by the node count, so a loop is caught.
    let mut pending: Vec<(&str, Vec<u8>)> = vec![(script.start.as_str(), Vec::new())];
    while let Some((id, keys)) = pending.pop() {
        let node = script.node(id)?;
        if keys.len() > script.nodes.len() {
            return None;
        }
        if node.end.is_some() {
            paths.push(Path {
                keys,
                end: node.id.clone(),
            });
            if paths.len() > limit {
                return None;
            }
            continue;
        }
        if node.options.is_empty() {
            return None;
        }
        for (key, option) in node.keys().into_iter().zip(&node.options).rev() {
            let mut next = keys.clone();
            next.push(key);
            pending.push((option.next.as_str(), next));
        }
    }
    paths.sort_by(|a, b| a.keys.cmp(&b.keys));
    Some(paths)
}
