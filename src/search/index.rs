//! The inverted index: for every term, the entries that use it and in which fields.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::normalise::{is_stopword, is_weak, split_words};
use super::thesaurus::Thesaurus;
use super::vocabulary::{TermId, Vocabulary, VocabularyBuilder};
use crate::catalogue::{Catalogue, Entry, EntryKey};

/// Where in an entry a term was found, as bit flags: a posting may carry several.
pub mod field {
    pub const TITLE: u8 = 1;
    pub const KEYWORD: u8 = 2;
    /// The initials of a long title: "hmo" for "Houses in multiple occupation".
    pub const INITIALS: u8 = 4;
    /// The category and the id.
    pub const CATEGORY: u8 = 8;
    /// Summary, what to say, eligibility: body text.
    pub const BODY: u8 = 16;

    /// The weights of every field in `fields`, added up: a word in the title and the summary
    /// is more evidence than a word in the title alone.
    pub fn weight_sum(fields: u8) -> f32 {
        [TITLE, KEYWORD, INITIALS, CATEGORY, BODY]
            .iter()
            .filter(|&&f| fields & f != 0)
            .map(|&f| weight(f))
            .sum()
    }

    /// How much a match in these fields counts: the best field wins. Title and keyword
    /// matches outrank body text.
    pub fn weight(fields: u8) -> f32 {
        if fields & TITLE != 0 {
            1.0
        } else if fields & KEYWORD != 0 {
            0.9
        } else if fields & INITIALS != 0 {
            0.75
        } else if fields & CATEGORY != 0 {
            0.45
        } else if fields & BODY != 0 {
            0.3
        } else {
            0.0
        }
    }
}

/// One entry that uses a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub doc: u32,
    pub fields: u8,
}

/// What the ranking needs to know about an entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Doc {
    pub key: EntryKey,
    pub urgent: bool,
    /// A "not in the catalogue" topic, ranked below real entries.
    pub topic: bool,
}

/// Everything the search needs, built once from a catalogue and owning its data.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexData {
    pub vocabulary: Vocabulary,
    pub thesaurus: Thesaurus,
    /// Entries using each term, by term id, in entry order.
    pub postings: Vec<Vec<Posting>>,
    /// A term worth reaching for: it is in some entry or in the thesaurus.
    pub useful: Vec<bool>,
    /// How many entries use each term, from 0 (none) to 1 (the most used), on a log scale.
    pub popularity: Vec<f32>,
    pub docs: Vec<Doc>,
    /// The distinct meaningful title terms of each entry, flattened; entry `d` owns
    /// `title_terms[title_starts[d]..title_starts[d + 1]]`.
    pub title_terms: Vec<TermId>,
    pub title_starts: Vec<u32>,
    /// Each entry's title, normalised (lower case, plain letters), for whole-title matching.
    pub titles: Vec<Box<str>>,
}

impl IndexData {
    pub fn build(catalogue: &Catalogue) -> IndexData {
        let mut vocabulary = VocabularyBuilder::default();
        let mut postings: HashMap<TermId, Vec<Posting>> = HashMap::new();
        let mut docs = Vec::with_capacity(catalogue.len());
        let mut title_terms = Vec::new();
        let mut title_starts = Vec::with_capacity(catalogue.len() + 1);
        let mut titles = Vec::with_capacity(catalogue.len());
        let mut words = Vec::new();
        let mut joined = Vec::new();
        // This entry's terms and fields, before they are added to the postings.
        let mut fields_of: HashMap<TermId, u8> = HashMap::new();

        for (key, entry) in catalogue.searchable() {
            let doc = docs.len() as u32;
            fields_of.clear();
            let mut add = |text: &str, field: u8, vocabulary: &mut VocabularyBuilder| {
                words.clear();
                joined.clear();
                split_words(text, &mut words, Some(&mut joined));
                for w in words.iter().chain(joined.iter()) {
                    // Single letters ("Part B") are not worth finding.
                    if is_stopword(w) || (w.len() == 1 && !w.as_bytes()[0].is_ascii_digit()) {
                        continue;
                    }
                    let term = vocabulary.intern(w);
                    *fields_of.entry(term).or_default() |= field;
                }
            };
            add(entry.title(), field::TITLE, &mut vocabulary);
            for keyword in entry.keywords() {
                add(keyword, field::KEYWORD, &mut vocabulary);
            }
            // The id is a short name chosen for the entry ("bin-missed"): as good as a keyword.
            add(
                &entry.id().replace('-', " "),
                field::KEYWORD,
                &mut vocabulary,
            );
            for text in body_texts(&entry) {
                add(text, field::BODY, &mut vocabulary);
            }
            if let Some(category) = category(&entry) {
                add(category, field::CATEGORY, &mut vocabulary);
            }

            // The title's meaningful words, and its initials when it is long enough to have some.
            let title_words: Vec<String> = super::normalise::words(entry.title())
                .into_iter()
                .filter(|w| !is_stopword(w))
                .collect();
            title_starts.push(title_terms.len() as u32);
            // How much of the title a query covers leaves out words like "report" or "find".
            let mut seen: Vec<TermId> = Vec::new();
            for w in title_words.iter().filter(|w| !is_weak(w)) {
                let term = vocabulary.intern(w);
                if !seen.contains(&term) {
                    seen.push(term);
                }
            }
            title_terms.extend_from_slice(&seen);
            let letters: Vec<&String> = title_words
                .iter()
                .filter(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
                .collect();
            if letters.len() >= 3 {
                let initials: String = letters.iter().filter_map(|w| w.chars().next()).collect();
                let term = vocabulary.intern_exact_only(&initials);
                *fields_of.entry(term).or_default() |= field::INITIALS;
            }

            for (&term, &fields) in &fields_of {
                postings
                    .entry(term)
                    .or_default()
                    .push(Posting { doc, fields });
            }
            docs.push(Doc {
                key,
                urgent: entry.urgent(),
                topic: entry.is_topic(),
            });
            titles.push(super::normalise::words(entry.title()).join(" ").into());
        }
        title_starts.push(title_terms.len() as u32);

        let thesaurus = Thesaurus::build(&catalogue.synonyms, &mut vocabulary);
        let mut by_term = vec![Vec::new(); vocabulary.len()];
        for (term, mut list) in postings {
            list.sort_by_key(|p| p.doc);
            by_term[term as usize] = list;
        }
        let useful = (0..vocabulary.len())
            .map(|t| !by_term[t].is_empty() || thesaurus.contains(t as TermId))
            .collect();
        let most = by_term.iter().map(Vec::len).max().unwrap_or(0) as f32;
        let popularity = by_term
            .iter()
            .map(|list| (1.0 + list.len() as f32).ln() / (1.0 + most).ln().max(f32::MIN_POSITIVE))
            .collect();
        IndexData {
            vocabulary: vocabulary.finish(),
            thesaurus,
            postings: by_term,
            useful,
            popularity,
            docs,
            title_terms,
            title_starts,
            titles,
        }
    }

    pub fn postings(&self, term: TermId) -> &[Posting] {
        self.postings
            .get(term as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn has_postings(&self, term: TermId) -> bool {
        !self.postings(term).is_empty()
    }

    pub fn is_useful(&self, term: TermId) -> bool {
        self.useful.get(term as usize).copied().unwrap_or(false)
    }

    pub fn popularity(&self, term: TermId) -> f32 {
        self.popularity.get(term as usize).copied().unwrap_or(0.0)
    }

    pub fn title_terms(&self, doc: u32) -> &[TermId] {
        let d = doc as usize;
        match (self.title_starts.get(d), self.title_starts.get(d + 1)) {
            (Some(&a), Some(&b)) => &self.title_terms[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// The body text of an entry: what it is, what to say, who can get it.
fn body_texts<'a>(entry: &Entry<'a>) -> Vec<&'a str> {
    match entry {
        Entry::Service(s) => {
            let mut texts = vec![s.summary.as_str(), s.say.as_str()];
            if let Some(e) = &s.eligibility {
                texts.push(e);
            }
            texts
        }
        Entry::Partner(p) => {
            let mut texts = vec![p.summary.as_str()];
            if let Some(e) = &p.eligibility {
                texts.push(e);
            }
            texts.extend(p.languages.iter().map(String::as_str));
            texts
        }
        Entry::Faq(f) => vec![f.answer.as_str()],
        Entry::Script(s) => vec![s.summary.as_str()],
    }
}

fn category<'a>(entry: &Entry<'a>) -> Option<&'a str> {
    match entry {
        Entry::Service(s) => s.category.as_deref(),
        Entry::Partner(p) => p.category.as_deref(),
        Entry::Faq(_) | Entry::Script(_) => None,
    }
}
