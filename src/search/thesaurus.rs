//! The thesaurus as the search engine sees it: groups of phrases, each phrase a sequence of
//! terms, found quickly by its first word.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::normalise::{is_stopword, words};
use super::vocabulary::{TermId, VocabularyBuilder};
use crate::catalogue::SynonymGroup;

/// One way of saying something: "council tax reduction", "ctr", "the social".
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Phrase {
    /// Every word, stopwords included.
    pub terms: Vec<TermId>,
    /// The words that carry meaning; these are what documents must contain.
    pub content: Vec<TermId>,
    /// A phrase such as "the social", whose meaning depends on its small words: it only matches
    /// word for word, or "social" alone would mean benefits.
    pub whole_only: bool,
    /// Written in capitals in the thesaurus ("CAB", "ASB"): an abbreviation.
    pub abbreviation: bool,
}

/// Phrases that mean the same thing at the desk.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Group {
    pub phrases: Vec<Phrase>,
}

/// Where a phrase lives: its group and its place in the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhraseRef {
    pub group: u32,
    pub phrase: u32,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Thesaurus {
    groups: Vec<Group>,
    /// Phrases by their first meaningful term.
    by_first_content: HashMap<TermId, Vec<PhraseRef>>,
    /// Phrases of two or more meaningful words, by each of their meaningful terms.
    by_any_content: HashMap<TermId, Vec<PhraseRef>>,
    /// Whole-only phrases by their first word.
    by_first_word: HashMap<TermId, Vec<PhraseRef>>,
    /// Terms that appear in some phrase.
    member: HashSet<TermId>,
}

impl Thesaurus {
    pub fn build(groups: &[SynonymGroup], vocabulary: &mut VocabularyBuilder) -> Thesaurus {
        let mut thesaurus = Thesaurus::default();
        for group in groups {
            let mut phrases = Vec::new();
            for text in &group.words {
                let all = words(text);
                let content_words: Vec<&String> = all.iter().filter(|w| !is_stopword(w)).collect();
                if content_words.is_empty() {
                    continue;
                }
                let terms: Vec<TermId> = all.iter().map(|w| vocabulary.intern(w)).collect();
                let content: Vec<TermId> = all
                    .iter()
                    .zip(&terms)
                    .filter(|(w, _)| !is_stopword(w))
                    .map(|(_, t)| *t)
                    .collect();
                let whole_only = content.len() == 1 && terms.len() > 1;
                let abbreviation = terms.len() == 1
                    && text
                        .trim()
                        .chars()
                        .filter(|c| c.is_ascii_alphabetic())
                        .count()
                        >= 2
                    && !text.chars().any(|c| c.is_ascii_lowercase());
                phrases.push(Phrase {
                    terms,
                    content,
                    whole_only,
                    abbreviation,
                });
            }
            // Drop repeats ("bins" and "bin" are one phrase once stemmed).
            let mut unique: Vec<Phrase> = Vec::new();
            for phrase in phrases {
                if !unique.iter().any(|p| p.terms == phrase.terms) {
                    unique.push(phrase);
                }
            }
            if unique.len() < 2 {
                continue;
            }
            let group_id = thesaurus.groups.len() as u32;
            for (i, phrase) in unique.iter().enumerate() {
                let place = PhraseRef {
                    group: group_id,
                    phrase: i as u32,
                };
                if phrase.whole_only {
                    thesaurus
                        .by_first_word
                        .entry(phrase.terms[0])
                        .or_default()
                        .push(place);
                } else {
                    thesaurus
                        .by_first_content
                        .entry(phrase.content[0])
                        .or_default()
                        .push(place);
                    if phrase.content.len() > 1 {
                        let mut terms = phrase.content.clone();
                        terms.sort_unstable();
                        terms.dedup();
                        for term in terms {
                            thesaurus
                                .by_any_content
                                .entry(term)
                                .or_default()
                                .push(place);
                        }
                    }
                }
                for &term in &phrase.terms {
                    thesaurus.member.insert(term);
                }
            }
            thesaurus.groups.push(Group { phrases: unique });
        }
        thesaurus
    }

    pub fn group(&self, group: u32) -> &Group {
        &self.groups[group as usize]
    }

    pub fn phrase(&self, at: PhraseRef) -> &Phrase {
        &self.groups[at.group as usize].phrases[at.phrase as usize]
    }

    pub fn starting_with_content(&self, term: TermId) -> &[PhraseRef] {
        self.by_first_content
            .get(&term)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Phrases of two or more meaningful words that use `term`.
    pub fn containing(&self, term: TermId) -> &[PhraseRef] {
        self.by_any_content
            .get(&term)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn whole_only_starting_with(&self, term: TermId) -> &[PhraseRef] {
        self.by_first_word
            .get(&term)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn contains(&self, term: TermId) -> bool {
        self.member.contains(&term)
    }
}
