//! Reading a query: its words, what each may mean (typos, prefixes, synonyms), and the concepts
//! an entry should match ("council tax reduction" is one concept, whatever words express it).

use super::index::IndexData;
use super::normalise::{capitals, is_stopword, is_weak, words};
use super::thesaurus::PhraseRef;
use super::vocabulary::{Candidate, Reach, TermId};
use super::welsh;

/// One word of the query.
#[derive(Debug)]
struct Token {
    word: String,
    /// Typed in capitals, like an abbreviation ("CAB").
    caps: bool,
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
    /// Words typed by the resident, scored word by word: an entry with some of them still
    /// counts. A thesaurus phrase is all or (nearly) nothing.
    pub soft: bool,
    /// Another way of saying what was typed, from the thesaurus ("PCN" for "parking ticket"):
    /// an entry found through several of these is about the meaning, not only the words.
    pub other: bool,
}

/// Something the resident asked about; an entry matches it through any alternative.
#[derive(Debug, Clone)]
pub struct Concept {
    pub alternatives: Vec<Alternative>,
    /// How much the concept counts beside the others (less for words like "new" or "help").
    pub weight: f32,
}

impl Default for Concept {
    fn default() -> Concept {
        Concept {
            alternatives: Vec::new(),
            weight: 1.0,
        }
    }
}

/// How much a word like "new", "help" or "council" counts beside the topic words.
const WEAK_WEIGHT: f32 = 0.4;
/// How much a last word of one or two letters, still being typed, counts.
const UNFINISHED_WEIGHT: f32 = 0.3;

/// A phrase typed in another order ("help at home" for "home help") counts this much.
const OTHER_ORDER: f32 = 0.95;

/// How much the plain-word meanings of an abbreviation typed in capitals count.
const NOT_THE_ABBREVIATION: f32 = 0.8;

/// Only the start of a very long query is read: this many characters, then this many words.
/// Nobody types more than a sentence at the desk; a pasted page must not stall the screen.
const MAX_QUERY_CHARS: usize = 400;
const MAX_QUERY_WORDS: usize = 24;

/// The part of a query that is read (see [`MAX_QUERY_CHARS`]).
pub fn clip(query: &str) -> &str {
    match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => &query[..cut],
        None => query,
    }
}

/// The least confidence with which a guessed word may start a thesaurus phrase.
const PHRASE_MIN_SIM: f32 = 0.6;
/// A synonym counts a little less than the words typed.
const SYNONYM_WEIGHT: f32 = 0.9;

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

/// A Welsh word typed in a mutated form ("dreth", "nghyngor") also reaches the radical forms
/// it may come from ("treth", "cyngor"), a little below the word as typed.
fn welsh_radicals(index: &IndexData, word: &str, last: bool, out: &mut Vec<Candidate>) {
    let mut more = Vec::new();
    let mut found = Vec::new();
    for radical in welsh::radicals(word) {
        // Only to words of the catalogue's Welsh, whole or (while typed) begun: an English
        // word read as a mutation ("bins" as "pins") reaches nothing English.
        index.vocabulary.candidates(
            &radical,
            last,
            &|t| index.is_welsh(t),
            &|t| index.popularity(t),
            &mut found,
        );
        more.extend(
            found
                .iter()
                .filter(|c| index.is_welsh(c.term))
                .filter(|c| c.how == Reach::Exact || (last && c.how == Reach::Prefix))
                .map(|c| Candidate {
                    sim: c.sim * welsh::RADICAL_SIM,
                    ..*c
                }),
        );
    }
    for candidate in more {
        match out.iter_mut().find(|c| c.term == candidate.term) {
            Some(found) => found.sim = found.sim.max(candidate.sim),
            None => out.push(candidate),
        }
    }
    out.sort_by(|a, b| b.sim.total_cmp(&a.sim));
}

/// The concepts of a query; empty when nothing in it is searchable.
pub fn parse(index: &IndexData, query: &str) -> Vec<Concept> {
    let mut all_words = words(query);
    all_words.truncate(MAX_QUERY_WORDS);
    if all_words.is_empty() {
        return Vec::new();
    }
    let ends_open = !query.ends_with(char::is_whitespace);
    let only_stopwords = all_words.iter().all(|w| is_stopword(w));
    let useful = |t: TermId| index.is_useful(t);
    let count = all_words.len();
    let caps = capitals(query);
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
                index.vocabulary.candidates(
                    &word,
                    last,
                    &useful,
                    &|t| index.popularity(t),
                    &mut candidates,
                );
                welsh_radicals(index, &word, last, &mut candidates);
            }
            Token {
                word,
                caps: caps.get(i).copied().unwrap_or(false),
                stop,
                last,
                candidates,
            }
        })
        .collect();

    let content: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].stop).collect();
    let expansions: Vec<Expansion> = tokens.iter().map(|t| expand(index, t)).collect();
    let mut spans = phrase_spans(index, &tokens, &content);
    spans.extend(joined_spans(index, &tokens, &content));
    // Longest first, then the surest.
    spans.sort_by(|a, b| b.size.cmp(&a.size).then(b.sim.total_cmp(&a.sim)));

    // Accept spans that do not overlap a longer one; spans over exactly the same words merge,
    // and so do overlapping phrases of one meaning ("needs care" and "care at home" in "needs
    // care at home" are one concept), when the joined words overlap nothing else.
    let mut accepted: Vec<(usize, usize, Vec<Span>)> = Vec::new();
    let group_of = |span: &Span| match span.what {
        SpanKind::Phrase(at) => Some(at.group),
        SpanKind::Joined(_) => None,
    };
    for span in spans {
        let overlaps = |s: usize, e: usize| span.start <= e && s <= span.end;
        if let Some(same) = accepted
            .iter_mut()
            .find(|(s, e, _)| *s == span.start && *e == span.end)
        {
            same.2.push(span);
            continue;
        }
        let overlapping: Vec<usize> = (0..accepted.len())
            .filter(|&i| overlaps(accepted[i].0, accepted[i].1))
            .collect();
        match overlapping.as_slice() {
            [] => accepted.push((span.start, span.end, vec![span])),
            &[i] if group_of(&span).is_some()
                && accepted[i].2.iter().any(|a| group_of(a) == group_of(&span)) =>
            {
                let (start, end) = (accepted[i].0.min(span.start), accepted[i].1.max(span.end));
                let clear = accepted
                    .iter()
                    .enumerate()
                    .all(|(j, (s, e, _))| j == i || !(start <= *e && *s <= end));
                if clear {
                    accepted[i].0 = start;
                    accepted[i].1 = end;
                    accepted[i].2.push(span);
                }
            }
            _ => {}
        }
    }

    let mut concepts = Vec::new();
    let mut covered = vec![false; tokens.len()];
    for (start, end, spans) in &accepted {
        for c in covered.iter_mut().take(end + 1).skip(*start) {
            *c = true;
        }
        let mut concept = Concept::default();
        // The words as typed (with their typos, completions and one-word synonyms) are always
        // one way to match, word by word.
        // A word nothing matches stays as an empty slot: an entry then matches only in part.
        let literal: Vec<Slot> = (*start..=*end)
            .filter(|&i| !tokens[i].stop)
            .map(|i| expansions[i].slot.clone())
            .collect();
        let whole_only = spans.iter().any(
            |s| matches!(s.what, SpanKind::Phrase(at) if index.thesaurus.phrase(at).whole_only),
        );
        if literal.iter().any(|slot| !slot.is_empty()) {
            concept.alternatives.push(Alternative {
                slots: literal,
                // "the social" is not about the word "social".
                weight: if whole_only { 0.5 } else { 1.0 },
                soft: true,
                other: false,
            });
        }
        for span in spans {
            match span.what {
                SpanKind::Phrase(at) => {
                    push_group(index, at.group, Some(at.phrase), span.sim, &mut concept);
                }
                SpanKind::Joined(term) => concept.alternatives.push(Alternative {
                    slots: vec![vec![(term, 1.0)]],
                    weight: span.sim,
                    soft: false,
                    other: false,
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
        let expansion = &expansions[i];
        let mut concept = Concept::default();
        if is_weak(&token.word) {
            concept.weight = WEAK_WEIGHT;
        }
        // One or two letters still being typed are a guess: "council tax r" is about council
        // tax, whatever the r becomes.
        if token.last && token.word.len() <= 2 && content.len() > 1 {
            concept.weight = concept.weight.min(UNFINISHED_WEIGHT);
        }
        if !expansion.slot.is_empty() {
            concept.alternatives.push(Alternative {
                slots: vec![expansion.slot.clone()],
                weight: 1.0,
                soft: false,
                other: false,
            });
        }
        for &(group, sim) in &expansion.groups {
            push_group(index, group, None, sim, &mut concept);
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
                soft: false,
                other: false,
            });
        }
        if !concept.alternatives.is_empty() {
            concepts.push(concept);
        }
    }
    concepts
}

/// A typed word with everything it may mean on its own.
#[derive(Debug, Default)]
struct Expansion {
    /// Its candidates and the one-word synonyms of each.
    slot: Slot,
    /// Thesaurus groups it belongs to, whose longer phrases are further alternatives.
    groups: Vec<(u32, f32)>,
}

/// What one typed word may mean: its candidates, and the one-word synonyms of those that are
/// sure enough ("rubbish" also means "waste", "refuse").
fn expand(index: &IndexData, token: &Token) -> Expansion {
    let mut expansion = Expansion::default();
    if token.stop {
        return expansion;
    }
    let thesaurus = &index.thesaurus;
    // "CAB" typed in capitals, when the thesaurus knows CAB as an abbreviation, means that
    // (Citizens Advice) more than the word "cab".
    let abbreviation = token.caps
        && token.candidates.iter().any(|c| {
            c.how == Reach::Exact
                && thesaurus
                    .starting_with_content(c.term)
                    .iter()
                    .any(|&at| thesaurus.phrase(at).abbreviation)
        });
    let plain_word = if abbreviation {
        NOT_THE_ABBREVIATION
    } else {
        1.0
    };
    expansion.slot = token
        .candidates
        .iter()
        .map(|c| (c.term, c.sim * plain_word))
        .collect();
    for c in &token.candidates {
        if !may_start_phrase(token, c, false) || c.sim < PHRASE_MIN_SIM {
            continue;
        }
        for &at in thesaurus.starting_with_content(c.term) {
            if thesaurus.phrase(at).content.len() != 1
                || expansion.groups.iter().any(|&(g, _)| g == at.group)
            {
                continue;
            }
            let fit = if abbreviation && !thesaurus.phrase(at).abbreviation {
                NOT_THE_ABBREVIATION
            } else {
                1.0
            };
            let sim = c.sim * SYNONYM_WEIGHT * fit;
            expansion.groups.push((at.group, c.sim * fit));
            for phrase in &thesaurus.group(at.group).phrases {
                if phrase.content.len() == 1 && !phrase.whole_only {
                    expansion.slot.push((phrase.content[0], sim));
                }
            }
        }
    }
    // One entry per term, at its best.
    expansion
        .slot
        .sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    expansion.slot.dedup_by_key(|t| t.0);
    expansion.slot.retain(|&(t, _)| index.has_postings(t));
    expansion
}

/// The phrases of a thesaurus group as alternatives of a concept: every phrase of two or more
/// meaningful words (one-word phrases are already in the words' own slots when `typed` is
/// `None`). Phrases such as "the social" are left out: their one word would mislead.
fn push_group(index: &IndexData, group: u32, typed: Option<u32>, sim: f32, concept: &mut Concept) {
    for (i, phrase) in index.thesaurus.group(group).phrases.iter().enumerate() {
        if phrase.whole_only
            || (typed.is_none() && phrase.content.len() < 2)
            || !phrase.content.iter().all(|&t| index.has_postings(t))
        {
            continue;
        }
        let exact = typed == Some(i as u32);
        let weight = sim * if exact { 1.0 } else { SYNONYM_WEIGHT };
        let slots: Vec<Slot> = phrase.content.iter().map(|&t| vec![(t, 1.0)]).collect();
        // The same phrase in two groups (English and Welsh) is one way of saying it.
        if let Some(same) = concept
            .alternatives
            .iter_mut()
            .find(|a| !a.soft && a.slots == slots)
        {
            same.weight = same.weight.max(weight);
            same.other &= !exact;
            continue;
        }
        concept.alternatives.push(Alternative {
            slots,
            weight,
            soft: false,
            other: !exact,
        });
    }
}

/// How surely a token can stand for `term` in a phrase (0 when it cannot).
fn phrase_sim(token: &Token, term: TermId, multi_word: bool) -> f32 {
    token
        .candidates
        .iter()
        .filter(|c| c.term == term && may_start_phrase(token, c, multi_word))
        .map(|c| c.sim)
        .fold(0.0, f32::max)
}

/// Guesses take part in phrases only with enough letters typed; completions only on the word
/// being typed.
fn may_start_phrase(token: &Token, c: &Candidate, multi_word: bool) -> bool {
    match c.how {
        Reach::Exact => true,
        Reach::Prefix => token.word.len() >= 3 && (token.last || !multi_word),
        Reach::Typo | Reach::Subsequence => token.word.len() >= 3,
    }
}

/// Every thesaurus phrase found in the query.
fn phrase_spans(index: &IndexData, tokens: &[Token], content: &[usize]) -> Vec<Span> {
    let thesaurus = &index.thesaurus;
    let mut spans = Vec::new();
    // Phrases matched on the meaningful words, skipping small words in between, in any order
    // ("help at home" is "home help"), a little less sure when the order differs.
    let mut tried: Vec<(usize, PhraseRef)> = Vec::new();
    for (ci, &ti) in content.iter().enumerate() {
        for candidate in &tokens[ti].candidates {
            for &at in thesaurus.containing(candidate.term) {
                let phrase = thesaurus.phrase(at);
                let k = phrase.content.len();
                if k > content.len() {
                    continue;
                }
                // Every window of k meaningful words that includes this one.
                for start in ci.saturating_sub(k - 1)..=ci.min(content.len() - k) {
                    if tried.contains(&(start, at)) {
                        continue;
                    }
                    tried.push((start, at));
                    let window: Vec<&Token> = content[start..start + k]
                        .iter()
                        .map(|&i| &tokens[i])
                        .collect();
                    let sim = phrase_match(&window, &phrase.content);
                    if sim >= PHRASE_MIN_SIM {
                        spans.push(Span {
                            start: content[start],
                            end: content[start + k - 1],
                            size: k,
                            sim,
                            what: SpanKind::Phrase(at),
                        });
                    }
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

/// How surely a window of typed words says a phrase: in order, or in another order at a
/// little less (0 when it does not).
fn phrase_match(window: &[&Token], terms: &[TermId]) -> f32 {
    let in_order = window
        .iter()
        .zip(terms)
        .map(|(token, &term)| phrase_sim(token, term, true))
        .fold(f32::MAX, f32::min);
    if in_order >= PHRASE_MIN_SIM {
        return in_order;
    }
    // Any order: give each word of the phrase the best typed word not yet used.
    let mut used = vec![false; window.len()];
    let mut sim = f32::MAX;
    for &term in terms {
        let best = (0..window.len())
            .filter(|&i| !used[i])
            .map(|i| (i, phrase_sim(window[i], term, true)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((i, s)) if s > 0.0 => {
                used[i] = true;
                sim = sim.min(s);
            }
            _ => return 0.0,
        }
    }
    sim * OTHER_ORDER
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
