//! Ranking: how well each entry matches the concepts of a query.
//!
//! Each concept scores an entry from 0 to 1 (the best alternative; a match in the title or
//! keywords counts more than one in body text; a guessed word counts less than a typed one).
//! Concepts are weighted by how rare they are in the catalogue (a word every entry uses tells
//! little), so an entry matching the distinctive part of a query outranks one matching only its
//! common words. Entries whose title the query covers closely get a little more, urgent
//! entries that match well are lifted into the first three, and "not in the catalogue" topics
//! count for less than real entries.

use std::cell::RefCell;
use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::Hit;
use super::index::{IndexData, field};
use super::query::Concept;
use super::vocabulary::TermId;

/// Urgent entries scoring at least this share of the best hit are kept in the first three.
const URGENT_SHARE: f32 = 0.45;
/// Hits scoring below this share of the best are noise and dropped.
const KEEP_SHARE: f32 = 0.2;
/// An alternative matched only in part (some of its words) counts this much.
const PARTIAL: f32 = 0.6;
/// A match at least this good (a title or keyword match) means the entry is about the concept.
const STRONG: f32 = 0.5;
/// A match no better than this is a mention in body text.
const MENTION: f32 = 0.3;
/// A thesaurus phrase whose words are spread over different fields counts this much.
const SCATTERED: f32 = 0.5;
/// The most that extra evidence of a word (more places, more synonyms) adds to its score.
const EVIDENCE: f32 = 0.1;
/// Typed words matched only in part count this much of their mean.
const SOFT_PARTIAL: f32 = 0.8;
/// An entry that matches a concept in several of its ways of saying it ("parking fine", "PCN",
/// "penalty charge notice" for "parking ticket") is about what the words mean, not only about
/// the words: each other way found strongly (title or keywords) adds this share, up to
/// [`SENSE_WAYS`].
const SENSE: f32 = 0.04;
const SENSE_WAYS: u8 = 3;
/// A concept no entry is about (found only in passing, in body text) is an incidental word of
/// a sentence ("never", "letter"): it counts this share of its rarity.
const INCIDENTAL: f32 = 0.3;
/// An entry whose whole title was typed counts this much more.
const WHOLE_TITLE: f32 = 1.2;
/// How many leading entries get the closer title comparison.
const RESCORE: usize = 200;
/// Catalogues up to this size get a whole-title fuzzy pass when the words find nothing.
const TITLE_SCAN_LIMIT: usize = 5_000;
/// A "not in the catalogue" topic counts this much of its match, so an entry that is about the
/// query (a title or keyword match) comes first and the topic is there when nothing is.
const TOPIC_SHARE: f32 = 0.45;

/// An entry's best match of one typed word, all its fields' evidence, and which fields.
#[derive(Debug, Clone, Copy, Default)]
struct Mark {
    best: f32,
    sum: f32,
    fields: u8,
}

/// Per-entry working arrays, kept between queries on the same thread so a query allocates
/// nothing in proportion to the catalogue.
#[derive(Default)]
struct Scratch {
    concept: Vec<f32>,
    /// What each entry has of the word being scored, kept together: one place in memory
    /// for each entry a posting names.
    slot: Vec<Mark>,
    alt_fields: Vec<u8>,
    /// The entry matched the concept fully through some alternative (not only in part).
    full: Vec<bool>,
    alt_sum: Vec<f32>,
    alt_min: Vec<f32>,
    alt_count: Vec<u8>,
    /// How many ways of saying the concept the entry matched strongly.
    ways: Vec<u8>,
    total: Vec<f32>,
    touched_concept: Vec<u32>,
    touched_slot: Vec<u32>,
    touched_alt: Vec<u32>,
    touched_total: Vec<u32>,
}

impl Scratch {
    fn fit(&mut self, n: usize) {
        if self.concept.len() != n {
            *self = Scratch {
                concept: vec![0.0; n],
                slot: vec![Mark::default(); n],
                alt_fields: vec![0; n],
                full: vec![false; n],
                alt_sum: vec![0.0; n],
                alt_min: vec![0.0; n],
                alt_count: vec![0; n],
                ways: vec![0; n],
                total: vec![0.0; n],
                ..Scratch::default()
            };
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Ranked hits for the concepts of a query, best first, at most `limit`.
pub fn rank(index: &IndexData, concepts: &[Concept], query: &str, limit: usize) -> Vec<Hit> {
    rank_weighed(index, concepts, query, limit, &mut Vec::new())
}

/// Like [`rank`], also giving each concept's weight (its rarity times its own weight; 0 when
/// nothing in the catalogue means it), for explaining a ranking.
pub fn rank_weighed(
    index: &IndexData,
    concepts: &[Concept],
    query: &str,
    limit: usize,
    weights: &mut Vec<f32>,
) -> Vec<Hit> {
    let n = index.docs.len();
    if n == 0 || limit == 0 {
        return Vec::new();
    }
    let mut base: Vec<(u32, f32)> = SCRATCH.with(|cell| {
        let mut scratch = cell.borrow_mut();
        scratch.fit(n);
        score_concepts(index, concepts, &mut scratch, weights)
    });
    if base.is_empty() {
        base = title_scan(index, query);
        if base.is_empty() {
            return Vec::new();
        }
    }

    // The closer look (title coverage) for the leading entries only.
    let keep = (RESCORE).min(base.len());
    if base.len() > keep {
        base.select_nth_unstable_by(keep - 1, |a, b| b.1.total_cmp(&a.1));
        base.truncate(keep);
    }
    let query_terms = query_term_sims(concepts);
    // An entry's whole title, typed as it is, names that entry above all others.
    let typed = super::normalise::words(query).join(" ");
    let mut ranked: Vec<(u32, f32)> = base
        .iter()
        .map(|&(doc, score)| {
            let cover = title_cover(index, doc, &query_terms);
            let topic = index.docs.get(doc as usize).is_some_and(|d| d.topic);
            let share = if topic { TOPIC_SHARE } else { 1.0 };
            let named = index
                .titles
                .get(doc as usize)
                .is_some_and(|t| **t == *typed);
            let title = if named { WHOLE_TITLE } else { 1.0 };
            (doc, score * (0.8 + 0.2 * cover) * share * title)
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let best = ranked.first().map(|h| h.1).unwrap_or(0.0);
    ranked.retain(|h| h.1 >= best * KEEP_SHARE);
    lift_urgent(index, &mut ranked, best);
    ranked.truncate(limit);
    ranked
        .into_iter()
        .map(|(doc, score)| Hit {
            key: index.docs[doc as usize].key,
            score,
        })
        .collect()
}

/// Each concept's score for each entry, weighted by rarity, summed: (entry, 0..1).
fn score_concepts(
    index: &IndexData,
    concepts: &[Concept],
    s: &mut Scratch,
    each: &mut Vec<f32>,
) -> Vec<(u32, f32)> {
    let n = index.docs.len() as f32;
    let mut weights = 0.0f32;
    each.clear();
    for concept in concepts {
        each.push(0.0);
        for alt in &concept.alternatives {
            let k = alt.slots.len();
            for slot in &alt.slots {
                // The best match of this word in each entry, and the rest of its evidence.
                for &(term, sim) in slot {
                    for &p in index.postings(term) {
                        let (doc, fields) = (p.doc(), p.fields());
                        let q = sim * field::weight(fields);
                        if q <= 0.0 {
                            continue;
                        }
                        let Some(mark) = s.slot.get_mut(doc as usize) else {
                            continue;
                        };
                        if mark.best == 0.0 {
                            s.touched_slot.push(doc);
                        }
                        if q > mark.best {
                            mark.best = q;
                        }
                        // Every field that has the word is evidence, not only the best.
                        mark.sum += sim * field::weight_sum(fields);
                        mark.fields |= fields;
                    }
                }
                for &doc in &s.touched_slot {
                    let d = doc as usize;
                    // More places saying the same thing ("rubbish" in the summary as well as
                    // "waste" in the title) count a little, as term frequency does in BM25.
                    let mark = std::mem::take(&mut s.slot[d]);
                    let extra = mark.sum - mark.best;
                    let v = mark.best + EVIDENCE * extra / (1.0 + extra);
                    let fields = mark.fields;
                    if k == 1 {
                        let q = v * alt.weight;
                        if s.concept[d] == 0.0 {
                            s.touched_concept.push(doc);
                        }
                        if q > s.concept[d] {
                            s.concept[d] = q;
                        }
                        if alt.other && q >= STRONG {
                            s.ways[d] = s.ways[d].saturating_add(1);
                        }
                        s.full[d] = true;
                        continue;
                    }
                    if s.alt_count[d] == 0 {
                        s.touched_alt.push(doc);
                        s.alt_min[d] = v;
                        s.alt_fields[d] = fields;
                    } else {
                        s.alt_min[d] = s.alt_min[d].min(v);
                        s.alt_fields[d] &= fields;
                    }
                    s.alt_sum[d] += v;
                    s.alt_count[d] += 1;
                }
                s.touched_slot.clear();
            }
            if k == 1 {
                continue;
            }
            // Several words: the entry needs them all; a partial match counts for less, and a
            // thesaurus phrase must be found within one field ("not" in the summary and
            // "collected" in the title is not "not collected").
            for &doc in &s.touched_alt {
                let d = doc as usize;
                let matched = s.alt_count[d] as usize;
                let mean = s.alt_sum[d] / k as f32;
                let q = if matched >= k {
                    let whole = (mean + s.alt_min[d]) / 2.0;
                    if alt.soft || s.alt_fields[d] != 0 {
                        whole
                    } else {
                        whole * SCATTERED
                    }
                } else if alt.soft {
                    SOFT_PARTIAL * mean
                } else {
                    PARTIAL * mean / 2.0
                } * alt.weight;
                if s.concept[d] == 0.0 {
                    s.touched_concept.push(doc);
                }
                if q > s.concept[d] {
                    s.concept[d] = q;
                }
                if matched >= k {
                    s.full[d] = true;
                    if alt.other && q >= STRONG {
                        s.ways[d] = s.ways[d].saturating_add(1);
                    }
                }
                s.alt_sum[d] = 0.0;
                s.alt_min[d] = 0.0;
                s.alt_count[d] = 0;
                s.alt_fields[d] = 0;
            }
            s.touched_alt.clear();
        }
        if s.touched_concept.is_empty() {
            // Nothing in the catalogue means this: it does not count against anyone.
            continue;
        }
        // Rarity: a concept few entries are about says more (BM25's idf). Entries that only
        // mention it in passing (body text) count a quarter.
        // Entries matching only some words of a phrase are not counted, nor guesses (a
        // completion or a misspelling) that only look like the word.
        let (mut strong, mut weak) = (0.0f32, 0.0f32);
        for &doc in &s.touched_concept {
            let d = doc as usize;
            if s.full[d] {
                if s.concept[d] >= STRONG {
                    strong += 1.0;
                } else if s.concept[d] <= MENTION {
                    weak += 1.0;
                }
            }
        }
        let df = strong + 0.25 * weak;
        let incidental = if strong == 0.0 { INCIDENTAL } else { 1.0 };
        let weight =
            (1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(0.05) * concept.weight * incidental;
        weights += weight;
        if let Some(last) = each.last_mut() {
            *last = weight;
        }
        for &doc in &s.touched_concept {
            let d = doc as usize;
            if s.total[d] == 0.0 {
                s.touched_total.push(doc);
            }
            let more = s.ways[d].min(SENSE_WAYS);
            s.total[d] += weight * s.concept[d] * (1.0 + SENSE * f32::from(more));
            s.ways[d] = 0;
            s.concept[d] = 0.0;
            s.full[d] = false;
        }
        s.touched_concept.clear();
    }
    let mut out = Vec::with_capacity(s.touched_total.len());
    for &doc in &s.touched_total {
        let d = doc as usize;
        out.push((doc, s.total[d] / weights));
        s.total[d] = 0.0;
    }
    s.touched_total.clear();
    out
}

/// The best confidence of every term the query reaches.
pub fn query_term_sims(concepts: &[Concept]) -> HashMap<TermId, f32> {
    let mut sims: HashMap<TermId, f32> = HashMap::new();
    for concept in concepts {
        for alt in &concept.alternatives {
            for slot in &alt.slots {
                for &(term, sim) in slot {
                    let v = sim * alt.weight;
                    let e = sims.entry(term).or_insert(0.0);
                    if v > *e {
                        *e = v;
                    }
                }
            }
        }
    }
    sims
}

/// How much of an entry's title the query accounts for, 0 to 1: "Bulky waste collection" is a
/// closer answer to "bulky waste" than "Bulky waste and fly-tipping enforcement policy".
/// An entry with a Welsh title is as close as the closer of its two titles.
pub fn title_cover(index: &IndexData, doc: u32, query_terms: &HashMap<TermId, f32>) -> f32 {
    let found = |t: &TermId| query_terms.get(t).copied().unwrap_or(0.0);
    let english = index.title_terms(doc);
    let english = if english.is_empty() {
        0.0
    } else {
        english.iter().map(found).sum::<f32>() / english.len() as f32
    };
    let welsh = index.welsh_title(doc);
    if welsh.is_empty() {
        return english;
    }
    let welsh_found: f32 = welsh
        .iter()
        .map(|forms| forms.iter().map(found).fold(0.0, f32::max))
        .sum();
    english.max(welsh_found / welsh.len() as f32)
}

/// When the words find nothing, a fuzzy pass over whole titles (small catalogues only):
/// "cntax" still finds "Council tax".
fn title_scan(index: &IndexData, query: &str) -> Vec<(u32, f32)> {
    if index.titles.len() > TITLE_SCAN_LIMIT {
        return Vec::new();
    }
    let pattern: String = super::normalise::words(query).join(" ");
    if pattern.len() < 4 {
        return Vec::new();
    }
    let matcher = SkimMatcherV2::default();
    // A good match scores about 20 per letter (adjacent letters at word starts).
    let full = pattern.len() as f32 * 20.0;
    index
        .titles
        .iter()
        .enumerate()
        .filter_map(|(doc, title)| {
            let score = matcher.fuzzy_match(title, &pattern)? as f32 / full;
            (score >= 0.5).then_some((doc as u32, (score * 0.5).min(0.5)))
        })
        .collect()
}

/// Urgent entries that match well are never buried: when none is in the first three, the best
/// urgent entry that matches well enough moves up to third place.
fn lift_urgent(index: &IndexData, ranked: &mut Vec<(u32, f32)>, best: f32) {
    const TOP: usize = 3;
    if ranked.len() <= TOP {
        return;
    }
    let is_urgent = |doc: u32| index.docs.get(doc as usize).is_some_and(|d| d.urgent);
    if ranked[..TOP].iter().any(|h| is_urgent(h.0)) {
        return;
    }
    let Some(at) = ranked[TOP..]
        .iter()
        .position(|&(doc, score)| is_urgent(doc) && score >= best * URGENT_SHARE)
    else {
        return;
    };
    let mut hit = ranked.remove(TOP + at);
    // It takes at least the score of the place it takes, so scores still fall in order.
    hit.1 = hit.1.max(ranked[TOP - 1].1);
    ranked.insert(TOP - 1, hit);
    for i in (0..TOP - 1).rev() {
        if ranked[i].1 < ranked[i + 1].1 {
            ranked[i].1 = ranked[i + 1].1;
        }
    }
}
