//! The inverted index: for every term, the entries that use it and in which fields.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::contact::{self, Contact};
use super::normalise::{is_stopword, is_weak, split_words};
use super::thesaurus::Thesaurus;
use super::vocabulary::{TermId, Vocabulary, VocabularyBuilder};
use super::welsh;
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
        WEIGHT_SUMS[usize::from(fields & ALL)]
    }

    /// Every field bit.
    const ALL: u8 = TITLE | KEYWORD | INITIALS | CATEGORY | BODY;

    /// [`weight`] and [`weight_sum`] of every set of fields, worked out once: the ranking
    /// asks for them for every entry of every word typed.
    const WEIGHTS: [f32; 32] = table(false);
    const WEIGHT_SUMS: [f32; 32] = table(true);

    const fn table(sums: bool) -> [f32; 32] {
        let mut out = [0.0; 32];
        let mut fields = 0;
        while fields < 32 {
            out[fields as usize] = if sums {
                sum_of(fields)
            } else {
                best_of(fields)
            };
            fields += 1;
        }
        out
    }

    const fn sum_of(fields: u8) -> f32 {
        let mut sum = 0.0;
        let mut bit = 0;
        while bit < 5 {
            let f = 1 << bit;
            if fields & f != 0 {
                sum += best_of(f);
            }
            bit += 1;
        }
        sum
    }

    /// The name of the best of these fields, for explaining a ranking.
    pub fn name(fields: u8) -> &'static str {
        if fields & TITLE != 0 {
            "title"
        } else if fields & KEYWORD != 0 {
            "keyword"
        } else if fields & INITIALS != 0 {
            "initials"
        } else if fields & CATEGORY != 0 {
            "category"
        } else {
            "body"
        }
    }

    /// How much a match in these fields counts: the best field wins. Title and keyword
    /// matches outrank body text.
    pub fn weight(fields: u8) -> f32 {
        WEIGHTS[usize::from(fields & ALL)]
    }

    const fn best_of(fields: u8) -> f32 {
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

/// One entry that uses a term, and in which fields, in four bytes: the entry's number above
/// the five field bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting(u32);

impl Posting {
    /// The most entries an index can hold (about 134 million).
    pub const MAX_DOCS: u32 = u32::MAX >> 5;

    pub fn new(doc: u32, fields: u8) -> Posting {
        Posting(doc.min(Posting::MAX_DOCS) << 5 | u32::from(fields & 0x1f))
    }

    pub fn doc(self) -> u32 {
        self.0 >> 5
    }

    pub fn fields(self) -> u8 {
        (self.0 & 0x1f) as u8
    }
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
    /// Entries using each term, in entry order, all terms in one list: term `t` owns
    /// `postings[posting_starts[t]..posting_starts[t + 1]]`.
    #[serde(deserialize_with = "super::exact::vec")]
    pub postings: Vec<Posting>,
    #[serde(deserialize_with = "super::exact::vec")]
    pub posting_starts: Vec<u32>,
    /// A term worth reaching for: it is in some entry or in the thesaurus.
    #[serde(deserialize_with = "super::exact::vec")]
    pub useful: Vec<bool>,
    /// How many entries use each term, from 0 (none) to 1 (the most used), on a log scale.
    #[serde(deserialize_with = "super::exact::vec")]
    pub popularity: Vec<f32>,
    #[serde(deserialize_with = "super::exact::vec")]
    pub docs: Vec<Doc>,
    /// The distinct meaningful title terms of each entry, flattened; entry `d` owns
    /// `title_terms[title_starts[d]..title_starts[d + 1]]`.
    #[serde(deserialize_with = "super::exact::vec")]
    pub title_terms: Vec<TermId>,
    #[serde(deserialize_with = "super::exact::vec")]
    pub title_starts: Vec<u32>,
    /// The meaningful words of each entry's Welsh title (none when it has no Welsh), each as
    /// the word and the radical forms it may be a mutation of.
    #[serde(deserialize_with = "super::exact::vec")]
    pub welsh_titles: Vec<Vec<Vec<TermId>>>,
    /// A term met in some entry's Welsh, by term id: what a mutated typed word may reach.
    #[serde(deserialize_with = "super::exact::vec")]
    pub welsh: Vec<bool>,
    /// Each entry's title, normalised (lower case, plain letters), for whole-title matching.
    #[serde(deserialize_with = "super::exact::vec")]
    pub titles: Vec<Box<str>>,
    /// The phone numbers and addresses each entry lists, in their compared forms.
    #[serde(deserialize_with = "super::exact::vec")]
    pub contacts: Vec<Contact>,
}

impl IndexData {
    pub fn build(catalogue: &Catalogue) -> IndexData {
        let mut vocabulary = VocabularyBuilder::default();
        let mut postings: HashMap<TermId, Vec<Posting>> = HashMap::new();
        let mut docs = Vec::with_capacity(catalogue.len());
        let mut title_terms = Vec::new();
        let mut title_starts = Vec::with_capacity(catalogue.len() + 1);
        let mut titles = Vec::with_capacity(catalogue.len());
        let mut welsh_titles = Vec::with_capacity(catalogue.len());
        let mut contacts = Vec::new();
        // Terms met in some entry's Welsh.
        let mut welsh_terms: Vec<TermId> = Vec::new();
        let mut words = Vec::new();
        let mut joined = Vec::new();
        // This entry's terms and fields, before they are added to the postings.
        let mut fields_of: HashMap<TermId, u8> = HashMap::new();
        // This entry's terms from its English text, and how many entries use each term in
        // English: popularity is counted over the English, so adding Welsh to some entries
        // leaves English rankings as they were.
        let mut english_of: std::collections::HashSet<TermId> = std::collections::HashSet::new();
        let mut english_docs: HashMap<TermId, u32> = HashMap::new();

        for (key, entry) in catalogue.searchable() {
            let doc = docs.len() as u32;
            fields_of.clear();
            english_of.clear();
            let mut add_in =
                |text: &str, field: u8, in_welsh: bool, vocabulary: &mut VocabularyBuilder| {
                    words.clear();
                    joined.clear();
                    split_words(text, &mut words, Some(&mut joined));
                    for w in words.iter().chain(joined.iter()) {
                        // Single letters ("Part B") are not worth finding.
                        if is_stopword(w) || (w.len() == 1 && !w.as_bytes()[0].is_ascii_digit()) {
                            continue;
                        }
                        let term = vocabulary.intern(w);
                        if !in_welsh {
                            english_of.insert(term);
                        } else if english_of.contains(&term) {
                            // An English word in the Welsh (a web address, "PIP") counts
                            // once, as the English: Welsh never changes an English ranking.
                            continue;
                        }
                        *fields_of.entry(term).or_default() |= field;
                        if in_welsh {
                            welsh_terms.push(term);
                        }
                        // A Welsh word is also found by the radical forms it may be a mutation of.
                        if in_welsh {
                            for radical in welsh::radicals(w) {
                                let term = vocabulary.intern_exact_only(&radical);
                                *fields_of.entry(term).or_default() |= field;
                                welsh_terms.push(term);
                            }
                        }
                    }
                };
            let mut add = |text: &str, field: u8, vocabulary: &mut VocabularyBuilder| {
                add_in(text, field, false, vocabulary)
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
            let cy = WelshTexts::of(&entry);
            if let Some(title) = cy.title {
                add_in(title, field::TITLE, true, &mut vocabulary);
            }
            for keyword in cy.keywords {
                add_in(keyword, field::KEYWORD, true, &mut vocabulary);
            }
            for text in &cy.body {
                add_in(text, field::BODY, true, &mut vocabulary);
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
            let mut welsh_title: Vec<Vec<TermId>> = Vec::new();
            if let Some(title) = cy.title {
                for w in super::normalise::words(title)
                    .iter()
                    .filter(|w| !is_stopword(w) && !is_weak(w))
                {
                    let mut forms = vec![vocabulary.intern(w)];
                    for radical in welsh::radicals(w) {
                        forms.push(vocabulary.intern_exact_only(&radical));
                    }
                    if !welsh_title.contains(&forms) {
                        welsh_title.push(forms);
                    }
                }
            }
            welsh_titles.push(welsh_title);
            let letters: Vec<&String> = title_words
                .iter()
                .filter(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
                .collect();
            if letters.len() >= 3 {
                let initials: String = letters.iter().filter_map(|w| w.chars().next()).collect();
                let term = vocabulary.intern_exact_only(&initials);
                *fields_of.entry(term).or_default() |= field::INITIALS;
            }

            for &term in &english_of {
                *english_docs.entry(term).or_default() += 1;
            }
            for (&term, &fields) in &fields_of {
                postings
                    .entry(term)
                    .or_default()
                    .push(Posting::new(doc, fields));
            }
            for (detail, own) in contact::details_of(catalogue, &entry) {
                if let Some((key, phone)) = contact::key_of(detail) {
                    contacts.push(Contact {
                        key: key.into(),
                        doc,
                        phone,
                        own,
                    });
                }
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
            list.sort_by_key(|p| p.doc());
            by_term[term as usize] = list;
        }
        let useful = (0..vocabulary.len())
            .map(|t| !by_term[t].is_empty() || thesaurus.contains(t as TermId))
            .collect();
        let mut welsh = vec![false; vocabulary.len()];
        for term in welsh_terms {
            if let Some(flag) = welsh.get_mut(term as usize) {
                *flag = true;
            }
        }
        let uses = |term: usize, list: &Vec<Posting>| -> f32 {
            match english_docs.get(&(term as TermId)) {
                Some(&n) => n as f32,
                None => list.len() as f32,
            }
        };
        let most = english_docs.values().copied().max().map_or_else(
            || by_term.iter().map(Vec::len).max().unwrap_or(0) as f32,
            |n| n as f32,
        );
        let popularity = by_term
            .iter()
            .enumerate()
            .map(|(t, list)| {
                (1.0 + uses(t, list).min(most)).ln() / (1.0 + most).ln().max(f32::MIN_POSITIVE)
            })
            .collect();
        let mut posting_starts = Vec::with_capacity(by_term.len() + 1);
        let mut flat = Vec::with_capacity(by_term.iter().map(Vec::len).sum());
        for list in by_term {
            posting_starts.push(flat.len() as u32);
            flat.extend(list);
        }
        posting_starts.push(flat.len() as u32);
        IndexData {
            vocabulary: vocabulary.finish(),
            thesaurus,
            postings: flat,
            posting_starts,
            useful,
            popularity,
            docs,
            title_terms,
            title_starts,
            welsh_titles,
            welsh,
            titles,
            contacts,
        }
    }

    pub fn postings(&self, term: TermId) -> &[Posting] {
        let t = term as usize;
        match (self.posting_starts.get(t), self.posting_starts.get(t + 1)) {
            (Some(&a), Some(&b)) => self.postings.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub fn has_postings(&self, term: TermId) -> bool {
        !self.postings(term).is_empty()
    }

    pub fn is_useful(&self, term: TermId) -> bool {
        self.useful.get(term as usize).copied().unwrap_or(false)
    }

    pub fn is_welsh(&self, term: TermId) -> bool {
        self.welsh.get(term as usize).copied().unwrap_or(false)
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

    pub fn welsh_title(&self, doc: u32) -> &[Vec<TermId>] {
        self.welsh_titles
            .get(doc as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
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

/// The Welsh an entry carries, for the index: its title, keywords and body text.
#[derive(Default)]
struct WelshTexts<'a> {
    title: Option<&'a str>,
    keywords: &'a [String],
    body: Vec<&'a str>,
}

impl<'a> WelshTexts<'a> {
    fn of(entry: &Entry<'a>) -> WelshTexts<'a> {
        match entry {
            Entry::Service(s) => {
                s.cy.as_ref()
                    .map_or_else(WelshTexts::default, |cy| WelshTexts {
                        title: cy.title.as_deref(),
                        keywords: &cy.keywords,
                        body: [&cy.summary, &cy.say, &cy.eligibility]
                            .into_iter()
                            .filter_map(|t| t.as_deref())
                            .collect(),
                    })
            }
            Entry::Partner(p) => {
                p.cy.as_ref()
                    .map_or_else(WelshTexts::default, |cy| WelshTexts {
                        title: cy.name.as_deref(),
                        keywords: &cy.keywords,
                        body: [&cy.summary, &cy.eligibility]
                            .into_iter()
                            .filter_map(|t| t.as_deref())
                            .collect(),
                    })
            }
            Entry::Faq(f) => {
                f.cy.as_ref()
                    .map_or_else(WelshTexts::default, |cy| WelshTexts {
                        title: cy.question.as_deref(),
                        keywords: &cy.keywords,
                        body: cy.answer.as_deref().into_iter().collect(),
                    })
            }
            Entry::Script(s) => {
                s.cy.as_ref()
                    .map_or_else(WelshTexts::default, |cy| WelshTexts {
                        title: cy.title.as_deref(),
                        keywords: &cy.keywords,
                        body: cy.summary.as_deref().into_iter().collect(),
                    })
            }
        }
    }
}
