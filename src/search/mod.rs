//! Search: one entry point, [`Index::query`], ranking services, partners and FAQs together.
//!
//! Built for the desk: case and accents do not matter, nor word order; a word is found from its
//! first letters while it is typed ("bul" finds bulky waste), with a letter missing, doubled,
//! swapped or wrong ("enviromental", "tennancy"), from its consonants ("envrnmntl"), in the
//! plural or singular, run together or apart ("fly tipping", "counciltax"), and through the
//! catalogue's thesaurus ("CTR" finds council tax reduction, "the social" finds benefits).
//!
//! How: entries are split into normalised, stemmed terms in an inverted index (term → entries
//! and fields). Each typed word is matched once against the vocabulary (exact, prefix, typo,
//! subsequence), thesaurus phrases are found among the typed words, and the entries of the
//! resulting terms are scored ([`rank`]). No entry is compared with the query one by one, so a
//! query costs about the same at 100 entries as at 50,000.

pub mod compiled;
mod contact;
mod exact;
mod index;
mod normalise;
mod query;
mod rank;
mod thesaurus;
mod vocabulary;
pub mod welsh;

use std::sync::Arc;

use crate::catalogue::{Catalogue, EntryKey};

pub use normalise::{stem, words};

/// One ranked result: which entry, and how well it matched (higher is better).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub key: EntryKey,
    pub score: f32,
}

/// A search index built once from a catalogue; owns its data so it can move to a worker thread.
/// Cloning is cheap (the data is shared).
#[derive(Debug, Clone)]
pub struct Index {
    data: Arc<index::IndexData>,
}

/// Why an entry ranked where it did ([`Index::explain_hits`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    pub key: EntryKey,
    pub score: f32,
    /// How much of the entry's title the query accounts for, 0 to 1.
    pub title_cover: f32,
    /// One per concept of the query, in the order of [`Index::explain`].
    pub concepts: Vec<ExplainedConcept>,
}

/// One concept of a query as it weighed on one entry.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainedConcept {
    /// The concept's weight in the ranking (0: nothing in the catalogue means it).
    pub weight: f32,
    /// The words of the entry that matched it: (stem, confidence, the best field).
    pub matched: Vec<(String, f32, &'static str)>,
}

/// Most hits [`Index::query`] returns; the weakest matches beyond are of no use at the desk.
pub const MAX_HITS: usize = 200;

impl Index {
    pub fn new(catalogue: &Catalogue) -> Index {
        Index::from_data(index::IndexData::build(catalogue))
    }

    fn from_data(data: index::IndexData) -> Index {
        Index {
            data: Arc::new(data),
        }
    }

    /// Ranked hits for what the receptionist typed, best first; an empty query has no hits.
    pub fn query(&self, query: &str) -> Vec<Hit> {
        self.query_limit(query, MAX_HITS)
    }

    /// Like [`query`](Self::query), keeping at most `limit` hits.
    pub fn query_limit(&self, query: &str, limit: usize) -> Vec<Hit> {
        if query.trim().is_empty() {
            return Vec::new();
        }
        let query = query::clip(query);
        let concepts = query::parse(&self.data, query);
        let mut hits = rank::rank(&self.data, &concepts, query, limit);
        // A phone number or address the catalogue lists: the entries listing it come first.
        if let Some(typed) = contact::read(query) {
            let listed = contact::find(&self.data.contacts, &typed);
            if !listed.is_empty() {
                let mut first: Vec<Hit> = listed
                    .into_iter()
                    .filter_map(|(doc, score)| {
                        let key = self.data.docs.get(doc as usize)?.key;
                        Some(Hit { key, score })
                    })
                    .collect();
                hits.retain(|h| !first.iter().any(|f| f.key == h.key));
                first.append(&mut hits);
                first.truncate(limit);
                hits = first;
            }
        }
        hits
    }

    /// How the query was read, for developers tuning the thesaurus: each concept on a line,
    /// its alternatives separated by " | ", each word as stem:confidence.
    pub fn explain(&self, query: &str) -> String {
        let concepts = query::parse(&self.data, query);
        let mut out = String::new();
        for (i, concept) in concepts.iter().enumerate() {
            let alternatives: Vec<String> = concept
                .alternatives
                .iter()
                .map(|alt| {
                    let slots: Vec<String> = alt
                        .slots
                        .iter()
                        .map(|slot| {
                            let terms: Vec<String> = slot
                                .iter()
                                .take(8)
                                .map(|&(t, sim)| {
                                    format!("{}:{sim:.2}", self.data.vocabulary.stem_of(t))
                                })
                                .collect();
                            let more = slot.len().saturating_sub(8);
                            if more > 0 {
                                format!("[{} +{more}]", terms.join(" "))
                            } else {
                                format!("[{}]", terms.join(" "))
                            }
                        })
                        .collect();
                    format!(
                        "{:.2}{} {}",
                        alt.weight,
                        if alt.soft { "~" } else { "" },
                        slots.join("+")
                    )
                })
                .collect();
            out.push_str(&format!("{}. {}\n", i + 1, alternatives.join(" | ")));
        }
        out
    }

    /// Why each of the first `limit` entries ranked where it did: its score, how much of its
    /// title the query covers, and for each concept of the query its weight (rarity, and less
    /// for a generic word such as "renewal") and the words the entry matched, in which fields.
    pub fn explain_hits(&self, query: &str, limit: usize) -> Vec<Explained> {
        if query.trim().is_empty() {
            return Vec::new();
        }
        let query = query::clip(query);
        let concepts = query::parse(&self.data, query);
        let mut weights = Vec::new();
        let hits = rank::rank_weighed(&self.data, &concepts, query, limit, &mut weights);
        let sims = rank::query_term_sims(&concepts);
        let mut by_doc = std::collections::HashMap::new();
        for (doc, d) in self.data.docs.iter().enumerate() {
            by_doc.insert(d.key, doc as u32);
        }
        hits.iter()
            .filter_map(|hit| {
                let doc = *by_doc.get(&hit.key)?;
                let concepts = concepts
                    .iter()
                    .zip(&weights)
                    .map(|(concept, &weight)| {
                        let mut matched: Vec<(String, f32, &'static str)> = Vec::new();
                        for alt in &concept.alternatives {
                            for slot in &alt.slots {
                                for &(term, sim) in slot {
                                    let list = self.data.postings(term);
                                    if let Ok(at) = list.binary_search_by_key(&doc, |p| p.doc()) {
                                        let stem = self.data.vocabulary.stem_of(term).to_string();
                                        if !matched.iter().any(|m| m.0 == stem) {
                                            matched.push((
                                                stem,
                                                sim * alt.weight,
                                                index::field::name(list[at].fields()),
                                            ));
                                        }
                                    }
                                }
                            }
                        }
                        ExplainedConcept { weight, matched }
                    })
                    .collect();
                Some(Explained {
                    key: hit.key,
                    score: hit.score,
                    title_cover: rank::title_cover(&self.data, doc, &sims),
                    concepts,
                })
            })
            .collect()
    }

    /// How many entries are indexed.
    pub fn len(&self) -> usize {
        self.data.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.docs.is_empty()
    }
}
