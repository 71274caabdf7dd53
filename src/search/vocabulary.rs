//! The vocabulary: every word the index or the thesaurus knows, and the forgiving ways a typed
//! word is matched to them (exactly, as a prefix, with a typo, as a subsequence).

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::{Deserialize, Serialize};

use super::normalise::{is_stopword, letter_mask, stem};

/// A stemmed word of the vocabulary ("collect" for "collected", "collection", ...).
pub type TermId = u32;

/// One spelling of a word as it appears in the catalogue or the thesaurus ("collections").
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Surface {
    text: Box<str>,
    term: TermId,
    mask: u32,
    /// Typo and subsequence matching apply (false for made-up forms such as title initials).
    fuzzy: bool,
}

/// How a typed word reached a term, and how sure we are (1.0 = typed exactly).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub term: TermId,
    pub sim: f32,
    pub how: Reach,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Exact,
    Prefix,
    Typo,
    Subsequence,
}

/// Builds a [`Vocabulary`], interning words as they are met.
#[derive(Debug, Default)]
pub struct VocabularyBuilder {
    stems: Vec<Box<str>>,
    stem_ids: HashMap<Box<str>, TermId>,
    surfaces: HashMap<Box<str>, (TermId, bool)>,
}

impl VocabularyBuilder {
    /// The term of a normalised word, adding it (and its spelling) if new.
    pub fn intern(&mut self, surface: &str) -> TermId {
        self.intern_with(surface, true)
    }

    /// Like [`intern`](Self::intern), for a made-up form that only exact and prefix matching
    /// should find (title initials such as "hmo").
    pub fn intern_exact_only(&mut self, surface: &str) -> TermId {
        self.intern_with(surface, false)
    }

    fn intern_with(&mut self, surface: &str, fuzzy: bool) -> TermId {
        if let Some(&(term, was_fuzzy)) = self.surfaces.get(surface) {
            if fuzzy && !was_fuzzy {
                self.surfaces.insert(surface.into(), (term, true));
            }
            return term;
        }
        let stemmed = stem(surface);
        let term = match self.stem_ids.get(stemmed.as_str()) {
            Some(&id) => id,
            None => {
                let id = self.stems.len() as TermId;
                self.stems.push(stemmed.clone().into_boxed_str());
                self.stem_ids.insert(stemmed.into_boxed_str(), id);
                id
            }
        };
        // Stopwords are terms (thesaurus phrases use them) but are never typed towards.
        if !is_stopword(surface) {
            self.surfaces.insert(surface.into(), (term, fuzzy));
        }
        term
    }

    pub fn len(&self) -> usize {
        self.stems.len()
    }

    pub fn finish(self) -> Vocabulary {
        let mut surfaces: Vec<Surface> = self
            .surfaces
            .into_iter()
            .map(|(text, (term, fuzzy))| Surface {
                mask: letter_mask(&text),
                text,
                term,
                fuzzy,
            })
            .collect();
        surfaces.sort_by(|a, b| a.text.cmp(&b.text));
        let mut by_stem: Vec<TermId> = (0..self.stems.len() as TermId).collect();
        by_stem.sort_by(|&a, &b| self.stems[a as usize].cmp(&self.stems[b as usize]));
        Vocabulary {
            stems: self.stems,
            by_stem,
            surfaces,
        }
    }
}

/// Every known word, searchable by stem, by prefix and by near spelling.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Vocabulary {
    #[serde(deserialize_with = "super::exact::vec")]
    stems: Vec<Box<str>>,
    /// Every term, in the order of its stem's text: a stem is found by halving, without a
    /// second copy of every stem in a map.
    #[serde(deserialize_with = "super::exact::vec")]
    by_stem: Vec<TermId>,
    /// Sorted by text, so the words starting with a prefix are one range.
    #[serde(deserialize_with = "super::exact::vec")]
    surfaces: Vec<Surface>,
}

/// Most completions a prefix may expand to: "b" must not fan out to every word.
const MAX_PREFIX_COMPLETIONS: usize = 24;

impl Vocabulary {
    /// The term of a normalised word, if any form of it is known.
    pub fn term(&self, word: &str) -> Option<TermId> {
        let stemmed = stem(word);
        let at = self
            .by_stem
            .binary_search_by(|&t| self.stem_of(t).cmp(stemmed.as_str()))
            .ok()?;
        self.by_stem.get(at).copied()
    }

    /// The stem of a term, for explanations and tests.
    pub fn stem_of(&self, term: TermId) -> &str {
        self.stems.get(term as usize).map(|s| &**s).unwrap_or("")
    }

    /// Every way `word` (a normalised, non-stopword word of the query) reaches known terms.
    /// `last` says whether it is the last word typed, which may be unfinished.
    /// `useful` tells which terms are worth reaching; `popularity` (0 to 1) how many entries
    /// use a term, to rank completions.
    pub fn candidates(
        &self,
        word: &str,
        last: bool,
        useful: &dyn Fn(TermId) -> bool,
        popularity: &dyn Fn(TermId) -> f32,
        out: &mut Vec<Candidate>,
    ) {
        out.clear();
        let exact = self.term(word);
        if let Some(term) = exact {
            out.push(Candidate {
                term,
                sim: 1.0,
                how: Reach::Exact,
            });
        }
        self.prefix_candidates(word, last, exact.is_some(), useful, popularity, out);
        let len = word.len();
        if exact.is_none() && len >= 4 {
            self.typo_candidates(word, useful, out);
        }
        if out.is_empty() && len == 3 {
            // A three-letter word that is nothing known: one wrong letter, at low confidence.
            self.typo_candidates(word, useful, out);
        }
        if exact.is_none() && len >= 4 {
            self.subsequence_candidates(word, useful, out);
        }
        dedupe(out);
    }

    fn prefix_candidates(
        &self,
        word: &str,
        last: bool,
        is_word: bool,
        useful: &dyn Fn(TermId) -> bool,
        popularity: &dyn Fn(TermId) -> f32,
        out: &mut Vec<Candidate>,
    ) {
        // A single letter only completes while it is being typed.
        if word.len() < 2 && !last {
            return;
        }
        let start = self.surfaces.partition_point(|s| &*s.text < word);
        let mut found: Vec<Candidate> = Vec::new();
        for surface in self.surfaces[start..].iter() {
            if !surface.text.starts_with(word) {
                break;
            }
            if surface.text.len() == word.len() || !useful(surface.term) {
                continue;
            }
            // Closer to the typed length, and used by more entries, is more likely meant:
            // "cou" is "council" before "couch".
            let ratio = word.len() as f32 / surface.text.len() as f32;
            let mut sim = (0.55 + 0.35 * ratio) * (0.8 + 0.2 * popularity(surface.term));
            if !last {
                sim *= 0.9;
            }
            if is_word {
                // "bin" is a word already; "binding" is a less likely meaning.
                sim *= 0.6;
            }
            found.push(Candidate {
                term: surface.term,
                sim,
                how: Reach::Prefix,
            });
        }
        if found.len() > MAX_PREFIX_COMPLETIONS {
            // Keep the closest completions (the shortest words).
            found.sort_by(|a, b| b.sim.total_cmp(&a.sim));
            found.truncate(MAX_PREFIX_COMPLETIONS);
        }
        out.extend(found);
    }

    /// Words within a small Damerau (optimal string alignment) distance: a letter missing,
    /// doubled, swapped or wrong. The distance allowed grows with the word's length.
    fn typo_candidates(
        &self,
        word: &str,
        useful: &dyn Fn(TermId) -> bool,
        out: &mut Vec<Candidate>,
    ) {
        let len = word.len();
        let max_distance = match len {
            0..=7 => 1,
            _ => 2,
        };
        let mask = letter_mask(word);
        for surface in &self.surfaces {
            if !surface.fuzzy {
                continue;
            }
            let other = surface.text.len();
            if other.abs_diff(len) > max_distance {
                continue;
            }
            // Each edit changes at most two letters of the letter set.
            if (surface.mask ^ mask).count_ones() as usize > 2 * max_distance {
                continue;
            }
            let distance = strsim::osa_distance(word, &surface.text);
            if distance == 0 || distance > max_distance || !useful(surface.term) {
                continue;
            }
            let longer = len.max(other) as f32;
            let mut sim = 0.88 * (1.0 - distance as f32 / longer);
            if len <= 3 {
                sim *= 0.75;
            }
            out.push(Candidate {
                term: surface.term,
                sim,
                how: Reach::Typo,
            });
        }
    }

    /// Words that contain the typed letters in order, starting with the same letter:
    /// "envrnmntl" finds "environmental", "hsng" finds "housing". Scored with skim's matcher.
    fn subsequence_candidates(
        &self,
        word: &str,
        useful: &dyn Fn(TermId) -> bool,
        out: &mut Vec<Candidate>,
    ) {
        let Some(first) = word.bytes().next() else {
            return;
        };
        let mask = letter_mask(word);
        let len = word.len();
        // Words starting with the same letter are one range of the sorted list.
        let start = self
            .surfaces
            .partition_point(|s| s.text.as_bytes()[0] < first);
        let matcher = SkimMatcherV2::default();
        for surface in self.surfaces[start..].iter() {
            let bytes = surface.text.as_bytes();
            if bytes[0] != first {
                break;
            }
            if !surface.fuzzy
                || bytes.len() <= len
                || 2 * bytes.len() > 5 * len
                || mask & !surface.mask != 0
                || surface.text.starts_with(word)
                || !is_subsequence(word.as_bytes(), bytes)
                || !useful(surface.term)
            {
                continue;
            }
            // Skim rewards letters that start words and run together; scale to 0..1.
            let Some(score) = matcher.fuzzy_match(&surface.text, word) else {
                continue;
            };
            let quality = (score as f32 / (len as f32 * 20.0)).clamp(0.0, 1.0);
            let sim = (0.35 + 0.25 * (len as f32 / bytes.len() as f32) + 0.1 * quality).min(0.7);
            out.push(Candidate {
                term: surface.term,
                sim,
                how: Reach::Subsequence,
            });
        }
    }

    /// Splits a run-together word into two known words: "counciltax" -> "council" + "tax".
    pub fn split(&self, word: &str, useful: &dyn Fn(TermId) -> bool) -> Option<(TermId, TermId)> {
        if word.len() < 6 {
            return None;
        }
        let mut best: Option<(usize, TermId, TermId)> = None;
        for cut in 3..=word.len() - 3 {
            let (left, right) = word.split_at(cut);
            if is_stopword(left) || is_stopword(right) {
                continue;
            }
            if let (Some(a), Some(b)) = (self.term(left), self.term(right))
                && useful(a)
                && useful(b)
            {
                // Prefer the most even split.
                let balance = cut.abs_diff(word.len() - cut);
                if best.is_none_or(|(b0, _, _)| balance < b0) {
                    best = Some((balance, a, b));
                }
            }
        }
        best.map(|(_, a, b)| (a, b))
    }
}

fn is_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let mut it = haystack.iter();
    needle.iter().all(|n| it.any(|h| h == n))
}

/// Keeps the best reach of each term.
fn dedupe(out: &mut Vec<Candidate>) {
    out.sort_by(|a, b| a.term.cmp(&b.term).then(b.sim.total_cmp(&a.sim)));
    out.dedup_by_key(|c| c.term);
    out.sort_by(|a, b| b.sim.total_cmp(&a.sim));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(words: &[&str]) -> Vocabulary {
        let mut builder = VocabularyBuilder::default();
        for w in words {
            builder.intern(w);
        }
        builder.finish()
    }

    fn reached(v: &Vocabulary, word: &str, last: bool) -> Vec<(String, Reach)> {
        let mut out = Vec::new();
        v.candidates(word, last, &|_| true, &|_| 0.5, &mut out);
        out.iter()
            .map(|c| (v.stem_of(c.term).to_string(), c.how))
            .collect()
    }

    #[test]
    fn typos_reach_the_word_meant() {
        let v = vocabulary(&[
            "environmental",
            "tenancy",
            "receive",
            "address",
            "health",
            "neighbours",
            "rubbish",
        ]);
        for (typed, meant) in [
            ("enviromental", "environmental"),
            ("tennancy", "tenancy"),
            ("recieve", "receive"),
            ("adress", "address"),
            ("helth", "health"),
            ("nieghbours", "neighbours"),
            ("rubbsih", "rubbish"),
            ("rubish", "rubbish"),
        ] {
            let found = reached(&v, typed, false);
            assert!(
                found
                    .iter()
                    .any(|(s, how)| *s == stem(meant) && *how == Reach::Typo),
                "{typed} should reach {meant}, got {found:?}"
            );
        }
    }

    #[test]
    fn short_words_are_not_bent_into_others() {
        let v = vocabulary(&["bin", "bid", "tax", "taxi"]);
        let found = reached(&v, "bin", false);
        assert_eq!(found, [("bin".to_string(), Reach::Exact)]);
    }

    #[test]
    fn prefixes_complete_while_typing() {
        let v = vocabulary(&["bulky", "bullying", "bus"]);
        let found = reached(&v, "bul", true);
        assert_eq!(found[0], ("bulky".to_string(), Reach::Prefix));
        assert!(found.iter().any(|(s, _)| s == &stem("bullying")));
        assert!(!found.iter().any(|(s, _)| s == "bus"));
    }

    #[test]
    fn subsequences_reach_long_words() {
        let v = vocabulary(&["environmental", "housing", "hostel"]);
        let found = reached(&v, "envrnmntl", false);
        assert!(
            found
                .iter()
                .any(|(s, how)| *s == stem("environmental") && *how == Reach::Subsequence),
            "{found:?}"
        );
    }

    #[test]
    fn run_together_words_are_split() {
        let v = vocabulary(&["council", "tax"]);
        let (a, b) = v.split("counciltax", &|_| true).expect("split");
        assert_eq!((v.stem_of(a), v.stem_of(b)), ("council", "tax"));
        assert!(v.split("xyzzyqwerty", &|_| true).is_none());
    }
}
