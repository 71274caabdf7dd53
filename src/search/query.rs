//! Reading a query: its words, what each may mean (typos, prefixes, synonyms), and the concepts
//! an entry should match ("council tax reduction" is one concept, whatever words express it).

use super::index::IndexData;
use super::normalise::{is_stopword, words};
use super::thesaurus::PhraseRef;
use super::vocabulary::{Candidate, Reach, TermId};

/// One word of the query.
#[derive(Debug)]
struct Token {
    word: String,
    stop: bool,
    /// May be unfinished: the last word, with no space typed after it.
    last: bool,
    candidates: Vec<Candidate>,
}

/// Terms an entry may contain for one word of an alternative, each with how sure we are.
pub type Slot = Vec<(TermId, f32)>;

/// One way an entry can satisfy a concept: every slot matched ("council" + "tax" +
/// "reduction"), at `weight` (lower for synonyms and guesses).
#[derive(Debug, Clone)]
pub struct Alternative {
    pub slots: Vec<Slot>,
    pub weight: f32,
}

/// Something the resident asked about; an entry matches it through any alternative.
#[derive(Debug, Clone, Default)]
pub struct Concept {
    pub alternatives: Vec<Alternative>,
}

/// The least confidence with which a guessed word may start a thesaurus phrase.
const PHRASE_MIN_SIM: f32 = 0.6;
/// A synonym counts a little less than the words typed.
const SYNONYM_WEIGHT: f32 = 0.95;

/// A stretch of the query that one thesaurus phrase (or two run-together words) covers.
#[derive(Debug, Clone)]
struct Span {
    start: usize,
    end: usize,
    /// Meaningful words covered: longer spans win.
    size: usize,
    sim: f32,
    what: SpanKind,
}

#[derive(Debug, Clone)]
enum SpanKind {
    Phrase(PhraseRef),
    /// Two typed words that the catalogue writes as one ("fly tipping" / "flytipping").
    Joined(TermId),
}

/// The concepts of a query; empty when nothing in it is searchable.
pub fn parse(index: &IndexData, query: &str) -> Vec<Concept> {
    let all_words = words(query);
    if all_words.is_empty() {
        return Vec::new();
    }
    let ends_open = !query.ends_with(char::is_whitespace);
    let only_stopwords = all_words.iter().all(|w| is_stopword(w));
    let useful = |t: TermId| index.is_useful(t);
    let count = all_words.len();
    let tokens: Vec<Token> = all_words
        .into_iter()
        .enumerate()
        .map(|(i, word)| {
            let stop = !only_stopwords && is_stopword(&word);
            let last = ends_open && i + 1 == count;
            let mut candidates = Vec::new();
            if stop {
                if let Some(term) = index.vocabulary.term(&word) {
                    candidates.push(Candidate {
                        term,
                        sim: 1.0,
                        how: Reach::Exact,
                    });
                }
            } else {
                index
                    .vocabulary
                    .candidates(&word, last, &useful, &mut candidates);
            }
            Token {
                word,
                stop,
                last,
                candidates,
            }
        })
        .collect();

    let content: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].stop).collect();
    let mut spans = phrase_spans(index, &tokens, &content);
    spans.extend(joined_spans(index, &tokens, &content));
    // Longest first, then the surest.
    spans.sort_by(|a, b| b.size.cmp(&a.size).then(b.sim.total_cmp(&a.sim)));

    // Accept spans that do not overlap a longer one; spans over exactly the same words merge.
    let mut accepted: Vec<(usize, usize, Vec<Span>)> = Vec::new();
    for span in spans {
        if let Some(same) = accepted
            .iter_mut()
            .find(|(s, e, _)| *s == span.start && *e == span.end)
        {
            same.2.push(span);
        } else if !accepted
            .iter()
            .any(|(s, e, _)| span.start <= *e && *s <= span.end)
        {
            accepted.push((span.start, span.end, vec![span]));
        }
    }

    let mut concepts = Vec::new();
    let mut covered = vec![false; tokens.len()];
    for (start, end, spans) in &accepted {
        for c in covered.iter_mut().take(end + 1).skip(*start) {
            *c = true;
        }
        let mut concept = Concept::default();
        // The words as typed (with their typos and completions) are always one way to match.
        let literal: Vec<Slot> = (*start..=*end)
            .filter(|&i| !tokens[i].stop)
            .map(|i| literal_slot(&tokens[i]))
            .filter(|s| !s.is_empty())
            .collect();
        if !literal.is_empty() {
            concept.alternatives.push(Alternative {
                slots: literal,
                weight: 1.0,
            });
        }
        for span in spans {
            match span.what {
                SpanKind::Phrase(at) => {
                    for (i, phrase) in index.thesaurus.group(at.group).phrases.iter().enumerate() {
                        if !phrase.content.iter().all(|&t| index.has_postings(t)) {
                            continue;
                        }
                        let exact = i as u32 == at.phrase;
                        let weight = span.sim * if exact { 1.0 } else { SYNONYM_WEIGHT };
                        concept.alternatives.push(Alternative {
                            slots: phrase.content.iter().map(|&t| vec![(t, 1.0)]).collect(),
                            weight,
                        });
                    }
                }
                SpanKind::Joined(term) => concept.alternatives.push(Alternative {
                    slots: vec![vec![(term, 1.0)]],
                    weight: span.sim,
                }),
            }
        }
        if !concept.alternatives.is_empty() {
            concepts.push(concept);
        }
    }

    for (i, token) in tokens.iter().enumerate() {
        if covered[i] || token.stop {
            continue;
        }
        let mut concept = Concept::default();
        let slot = literal_slot(token);
        if !slot.is_empty() {
            concept.alternatives.push(Alternative {
                slots: vec![slot],
                weight: 1.0,
            });
        }
        let typed_exactly = token
            .candidates
            .iter()
            .any(|c| c.how == Reach::Exact && index.has_postings(c.term));
        if !typed_exactly
            && let Some((a, b)) = index
                .vocabulary
                .split(&token.word, &|t| index.has_postings(t))
        {
            concept.alternatives.push(Alternative {
                slots: vec![vec![(a, 1.0)], vec![(b, 1.0)]],
                weight: 0.9,
            });
        }
        if !concept.alternatives.is_empty() {
            concepts.push(concept);
        }
    }
    concepts
}

/// The terms a typed word may be, keeping only those entries use.
fn literal_slot(token: &Token) -> Slot {
    token.candidates.iter().map(|c| (c.term, c.sim)).collect()
}

/// How surely a token can stand for `term` in a phrase (0 when it cannot).
fn phrase_sim(token: &Token, term: TermId, multi_word: bool) -> f32 {
    token
        .candidates
        .iter()
        .filter(|c| c.term == term)
        .filter(|c| match c.how {
            Reach::Exact => true,
            // Guesses start phrases only with enough letters typed; completions only on the
            // word being typed.
            Reach::Prefix => token.word.len() >= 3 && (token.last || !multi_word),
            Reach::Typo | Reach::Subsequence => token.word.len() >= 3,
        })
        .map(|c| c.sim)
        .fold(0.0, f32::max)
}

/// Every thesaurus phrase found in the query.
fn phrase_spans(index: &IndexData, tokens: &[Token], content: &[usize]) -> Vec<Span> {
    let thesaurus = &index.thesaurus;
    let mut spans = Vec::new();
    // Phrases matched on the meaningful words, skipping small words in between.
    for (ci, &ti) in content.iter().enumerate() {
        let mut seen: Vec<PhraseRef> = Vec::new();
        for first in &tokens[ti].candidates {
            for &at in thesaurus.starting_with_content(first.term) {
                if seen.contains(&at) {
                    continue;
                }
                seen.push(at);
                let phrase = thesaurus.phrase(at);
                let k = phrase.content.len();
                if ci + k > content.len() {
                    continue;
                }
                let multi = k > 1;
                let mut sim = f32::MAX;
                for (j, &term) in phrase.content.iter().enumerate() {
                    sim = sim.min(phrase_sim(&tokens[content[ci + j]], term, multi));
                }
                if sim >= PHRASE_MIN_SIM {
                    spans.push(Span {
                        start: ti,
                        end: content[ci + k - 1],
                        size: k,
                        sim,
                        what: SpanKind::Phrase(at),
                    });
                }
            }
        }
    }
    // Phrases like "the social" that must match word for word.
    for start in 0..tokens.len() {
        let Some(first) = tokens[start].candidates.first() else {
            continue;
        };
        if first.how != Reach::Exact {
            continue;
        }
        for &at in thesaurus.whole_only_starting_with(first.term) {
            let phrase = thesaurus.phrase(at);
            let k = phrase.terms.len();
            if start + k > tokens.len() {
                continue;
            }
            let mut sim = f32::MAX;
            for (j, &term) in phrase.terms.iter().enumerate() {
                sim = sim.min(phrase_sim(&tokens[start + j], term, true));
            }
            if sim >= PHRASE_MIN_SIM {
                spans.push(Span {
                    start,
                    end: start + k - 1,
                    // Small words count here: "the social" is two words' worth of meaning.
                    size: k,
                    sim,
                    what: SpanKind::Phrase(at),
                });
            }
        }
    }
    spans
}

/// Two neighbouring words the catalogue writes as one: "fly tipping" finds "flytipping".
fn joined_spans(index: &IndexData, tokens: &[Token], content: &[usize]) -> Vec<Span> {
    let mut spans = Vec::new();
    for pair in content.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if b != a + 1 {
            continue;
        }
        let joined = format!("{}{}", tokens[a].word, tokens[b].word);
        if let Some(term) = index.vocabulary.term(&joined)
            && index.has_postings(term)
        {
            spans.push(Span {
                start: a,
                end: b,
                size: 2,
                sim: 0.95,
                what: SpanKind::Joined(term),
            });
        }
    }
    spans
}
