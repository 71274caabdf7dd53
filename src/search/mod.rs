//! Search: one entry point, [`Index::query`], ranking services, partners and FAQs together.
//! (Placeholder ranking until the real engine lands: case-insensitive substring of the title.)

use crate::catalogue::{Catalogue, EntryKey};

/// One ranked result: which entry, and how well it matched (higher is better).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub key: EntryKey,
    pub score: f32,
}

/// A search index built once from a catalogue; owns its data so it can move to a worker thread.
#[derive(Debug, Clone)]
pub struct Index {
    titles: Vec<(EntryKey, String)>,
}

impl Index {
    pub fn new(catalogue: &Catalogue) -> Index {
        Index {
            titles: catalogue
                .entries()
                .map(|(k, e)| (k, e.title().to_lowercase()))
                .collect(),
        }
    }

    /// Ranked hits for what the receptionist typed; an empty query has no hits.
    pub fn query(&self, query: &str) -> Vec<Hit> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        self.titles
            .iter()
            .filter(|(_, t)| t.contains(&q))
            .map(|(key, _)| Hit {
                key: *key,
                score: 1.0,
            })
            .collect()
    }
}
