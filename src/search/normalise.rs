//! Turning what people type, and what the catalogue says, into comparable words.
//!
//! Case and accents are folded ("Café" and "cafe" are the same word), punctuation separates words,
//! apostrophes vanish ("wasn't" is one word), negative contractions become "not" ("didn't come"
//! is "not come"), and a light stemmer joins plural and singular ("bins" and "bin") and common
//! verb forms ("collected", "collection" and "collect").

/// Splits text into normalised words: lower-case ASCII letters and digits only.
///
/// Each word is appended to `out`; the words of hyphenated forms are also returned whole through
/// `joined` ("fly-tipping" gives "fly", "tipping" and, joined, "flytipping").
pub fn split_words(text: &str, out: &mut Vec<String>, joined: Option<&mut Vec<String>>) {
    let folded = deunicode::deunicode(text);
    let mut word = String::new();
    // The parts of the current hyphenated run, e.g. ["fly", "tipping"].
    let mut run: Vec<String> = Vec::new();
    let mut joined = joined;
    let mut after_hyphen = false;
    let mut finish_word = |word: &mut String, run: &mut Vec<String>, after_hyphen: bool| {
        if word.is_empty() {
            return;
        }
        let finished = normalise_word(std::mem::take(word));
        if !after_hyphen {
            end_run(run, joined.as_deref_mut());
        }
        run.push(finished.clone());
        out.push(finished);
    };
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if c == '\'' {
            // "wasn't" -> "wasnt", "council's" -> "councils"
        } else {
            let starts_run = c == '-' && !word.is_empty();
            finish_word(&mut word, &mut run, after_hyphen);
            // Any other separator ends a hyphenated run.
            after_hyphen = starts_run || (c == '-' && after_hyphen);
        }
    }
    finish_word(&mut word, &mut run, after_hyphen);
    end_run(&mut run, joined);
}

/// Ends a hyphenated run: "fly" + "tipping" is also the word "flytipping".
fn end_run(run: &mut Vec<String>, joined: Option<&mut Vec<String>>) {
    if run.len() > 1
        && let Some(joined) = joined
    {
        joined.push(run.concat());
    }
    run.clear();
}

/// The normalised words of a text, in order.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    split_words(text, &mut out, None);
    out
}

/// For each word of [`words`], whether it was typed in capitals ("CAB", "ASB"): a sign that
/// it is an abbreviation rather than a word ("cab").
pub fn capitals(text: &str) -> Vec<bool> {
    let folded = deunicode::deunicode(text);
    let mut out = Vec::new();
    let (mut letters, mut upper, mut len) = (0usize, 0usize, 0usize);
    let mut finish = |letters: &mut usize, upper: &mut usize, len: &mut usize| {
        if *len > 0 {
            out.push(*letters >= 2 && *upper == *letters);
        }
        (*letters, *upper, *len) = (0, 0, 0);
    };
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            len += 1;
            if c.is_ascii_alphabetic() {
                letters += 1;
                if c.is_ascii_uppercase() {
                    upper += 1;
                }
            }
        } else if c != '\'' {
            finish(&mut letters, &mut upper, &mut len);
        }
    }
    finish(&mut letters, &mut upper, &mut len);
    out
}

/// Negative contractions all mean "not" at the desk: "wasn't collected" is "not collected".
fn normalise_word(word: String) -> String {
    match word.as_str() {
        "wasnt" | "didnt" | "isnt" | "dont" | "doesnt" | "cant" | "cannot" | "wont" | "havent"
        | "hasnt" | "hadnt" | "arent" | "werent" | "couldnt" | "shouldnt" | "wouldnt" | "aint"
        | "nt" => "not".to_string(),
        _ => word,
    }
}

/// Words that carry no meaning for search on their own ("my", "the", "was"). They are not
/// indexed, but they still take part in thesaurus phrases such as "the social".
pub fn is_stopword(word: &str) -> bool {
    super::welsh::is_stopword(word) || english_stopword(word)
}

fn english_stopword(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "if"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "into"
            | "onto"
            | "about"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "do"
            | "does"
            | "did"
            | "doing"
            | "have"
            | "has"
            | "had"
            | "having"
            | "i"
            | "me"
            | "my"
            | "mine"
            | "myself"
            | "we"
            | "us"
            | "our"
            | "ours"
            | "you"
            | "your"
            | "yours"
            | "he"
            | "him"
            | "his"
            | "she"
            | "her"
            | "hers"
            | "they"
            | "them"
            | "their"
            | "it"
            | "its"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "what"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "how"
            | "when"
            | "where"
            | "why"
            | "can"
            | "could"
            | "would"
            | "should"
            | "will"
            | "shall"
            | "may"
            | "might"
            | "must"
            | "please"
            | "just"
            | "so"
            | "than"
            | "then"
            | "too"
            | "very"
            | "also"
            | "any"
            | "some"
            | "im"
            | "ive"
            | "youre"
            | "theyre"
            | "weve"
            | "again"
            | "till"
            | "until"
            | "still"
            | "up"
            | "out"
            | "all"
            | "want"
            | "wants"
            | "wanted"
            | "like"
            | "would've"
            | "get"
            | "gets"
            | "got"
            | "getting"
            | "s"
            | "someone"
            | "somebody"
            | "something"
            | "anyone"
            | "anybody"
            | "anything"
            | "everyone"
            | "everybody"
            | "everything"
            | "thing"
            | "things"
            | "really"
            | "actually"
            | "yes"
            | "ok"
            | "okay"
            | "hi"
            | "hello"
            | "think"
            | "know"
            | "maybe"
            | "perhaps"
            | "because"
            | "since"
            | "while"
            | "whilst"
            | "go"
            | "goes"
            | "going"
            | "gone"
            | "went"
            | "come"
            | "comes"
            | "came"
            | "coming"
            | "etc"
            | "eg"
            | "ie"
            | "e"
            | "g"
    )
}

/// Words that say what the resident wants to do or how they feel about it, rather than what
/// it is about ("new", "help", "report", "council"): they count for less than the topic.
pub fn is_weak(word: &str) -> bool {
    super::welsh::is_weak(word) || english_weak(word)
}

fn english_weak(word: &str) -> bool {
    matches!(
        word,
        "new"
            | "old"
            | "open"
            | "another"
            | "extra"
            | "more"
            | "other"
            | "local"
            | "near"
            | "nearest"
            | "online"
            | "form"
            | "forms"
            | "apply"
            | "application"
            | "report"
            | "request"
            | "find"
            | "check"
            | "help"
            | "info"
            | "information"
            | "details"
            | "contact"
            | "number"
            | "problem"
            | "problems"
            | "issue"
            | "issues"
            | "question"
            | "enquiry"
            | "service"
            | "services"
            | "council"
            | "today"
            | "tonight"
            | "now"
            | "need"
            | "needs"
            | "make"
            | "give"
            // What is done to a thing, not the thing: "blue badge renewal" is about the badge.
            | "renew"
            | "renewal"
            | "renewals"
            | "renewing"
            | "applying"
            | "applications"
            | "reporting"
            | "requests"
            | "replace"
            | "replacement"
            | "helpline"
            | "enquiries"
            // Asking is how the resident puts it, not what it is about: "asking for money".
            | "ask"
            | "asks"
            | "asked"
            | "asking"
    )
}

/// Irregular plurals and forms the suffix rules cannot see.
fn irregular(word: &str) -> Option<&'static str> {
    Some(match word {
        "children" | "childrens" => "child",
        "mice" => "mouse",
        "people" | "peoples" => "person",
        "men" | "mens" => "man",
        "women" | "womens" => "woman",
        "feet" => "foot",
        "teeth" => "tooth",
        "geese" => "goose",
        "lice" => "louse",
        "knives" => "knife",
        "wives" => "wife",
        "lives" => "life",
        "thieves" => "thief",
        "leaves" => "leaf",
        "news" => "news",
        "built" => "build",
        "sold" => "sell",
        "bought" => "buy",
        "paid" => "pay",
        "died" => "die",
        "fell" | "fallen" => "fall",
        "threw" | "thrown" => "throw",
        "came" => "come",
        "gave" | "given" => "give",
        "stole" | "stolen" => "steal",
        "owed" | "owing" => "owe",
        "series" => "series",
        _ => return None,
    })
}

/// Verb forms that the suffix rules would fold into a noun of another meaning, kept as one stem
/// of their own: the lorry "skipped" the street (missed it), which is not a skip (a builder's
/// container).
fn verb_apart(word: &str) -> Option<&'static str> {
    Some(match word {
        "skipped" | "skipping" => "skipped",
        _ => return None,
    })
}

/// Words whose "-ing" is not a verb ending we should remove.
fn keeps_ing(word: &str) -> bool {
    matches!(
        word,
        "parking"
            | "ceiling"
            | "evening"
            | "morning"
            | "nothing"
            | "something"
            | "anything"
            | "everything"
            | "during"
            | "string"
            | "spring"
            | "wedding"
            | "pudding"
    )
}

/// A light English stemmer: plural and singular, "-ing", "-ed", "-ion" and a final "e" are
/// folded so that the forms of one word meet ("bins"/"bin", "collected"/"collection"/"collect",
/// "houses"/"housing"/"house"). Stopwords and numbers are returned unchanged.
pub fn stem(word: &str) -> String {
    if let Some(verb) = verb_apart(word) {
        return verb.to_string();
    }
    match irregular(word) {
        // A word that only looks like a plural ("news") is its own stem.
        Some(base) if base == word => base.to_string(),
        Some(base) => strip_suffixes(base),
        None => strip_suffixes(word),
    }
}

fn strip_suffixes(word: &str) -> String {
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) || is_stopword(word) {
        return word.to_string();
    }
    let mut w = word.to_string();

    // Plurals.
    if w.ends_with("ies") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with("es")
        && (w.ends_with("ses")
            || w.ends_with("xes")
            || w.ends_with("zes")
            || w.ends_with("ches")
            || w.ends_with("shes"))
        && w.len() > 4
    {
        w.truncate(w.len() - 2);
        // "buses" -> "bus", "taxes" -> "tax"; but "houses" -> "hous(e)" and "licences" ->
        // "licenc(e)" lose their final e below either way.
    } else if w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("ous")
    {
        w.truncate(w.len() - 1);
    }

    // "homelessness" -> "homeless"
    if w.ends_with("lessness") {
        w.truncate(w.len() - 4);
    }

    // Verb forms (after Porter's step 1b): strip "-ing" or "-ed", then tidy the end so that
    // "hoping" meets "hope", "hopping" meets "hop" and "rated" meets "rate".
    let verb_ending = if w.ends_with("ing") && w.len() >= 6 && !keeps_ing(&w) {
        3
    } else if w.ends_with("ed") && w.len() >= 5 && !w.ends_with("eed") {
        2
    } else {
        0
    };
    if verb_ending > 0 && has_vowel(&w.as_bytes()[..w.len() - verb_ending]) {
        w.truncate(w.len() - verb_ending);
        let b = w.as_bytes();
        let n = b.len();
        if w.ends_with("at") || w.ends_with("bl") || w.ends_with("iz") {
            w.push('e');
        } else if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
            w.pop();
        } else if measure(b) == 1 && ends_cvc(b) {
            w.push('e');
        }
    } else if (w.ends_with("tion") || w.ends_with("sion")) && w.len() >= 6 {
        // "collection" -> "collect", "eviction" -> "evict"
        w.truncate(w.len() - 3);
    }

    // A final "e" (Porter's step 5a): "house"/"housing" meet as "hous", "waste"/"wasted" as
    // "wast"; short words keep theirs, so "rate" stays apart from "rat" and "note" from "not".
    if w.len() > 3 && w.ends_with('e') && !w.ends_with("ee") {
        let stem = &w.as_bytes()[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            w.pop();
        }
    }
    w
}

/// Porter's consonant: not a vowel, and "y" only after a vowel (or first).
fn is_consonant(w: &[u8], i: usize) -> bool {
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    match w[i] {
        c if vowel(c) => false,
        // A 'y' is a consonant at the start or after a vowel, a vowel after a consonant, so a
        // run of 'y's alternates from the letter before it (worked out without recursion, so
        // a long run in a catalogue word cannot exhaust the stack).
        b'y' => {
            let mut start = i;
            while start > 0 && w[start] == b'y' {
                start -= 1;
            }
            let first_is_consonant = !vowel(w[start]);
            first_is_consonant ^ ((i - start) % 2 == 1)
        }
        _ => true,
    }
}

fn has_vowel(w: &[u8]) -> bool {
    (0..w.len()).any(|i| !is_consonant(w, i))
}

/// Porter's measure: how many vowel-consonant sequences a stem has ("tree" 0, "hop" 1,
/// "collect" 2).
fn measure(w: &[u8]) -> usize {
    let n = w.len();
    let mut i = 0;
    while i < n && is_consonant(w, i) {
        i += 1;
    }
    let mut m = 0;
    while i < n {
        while i < n && !is_consonant(w, i) {
            i += 1;
        }
        if i >= n {
            break;
        }
        while i < n && is_consonant(w, i) {
            i += 1;
        }
        m += 1;
    }
    m
}

/// Ends consonant-vowel-consonant, the last not w, x or y ("hop", "rat"; not "snow").
fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y')
}

/// The letters of a word as a bit set (a..z and a bit for digits): a cheap filter before
/// computing an edit distance.
pub fn letter_mask(word: &str) -> u32 {
    let mut mask = 0u32;
    for b in word.bytes() {
        if b.is_ascii_lowercase() {
            mask |= 1 << (b - b'a');
        } else if b.is_ascii_digit() {
            mask |= 1 << 26;
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn y_is_a_vowel_or_a_consonant_by_its_neighbours() {
        assert!(is_consonant(b"yes", 0));
        assert!(!is_consonant(b"by", 1));
        assert!(is_consonant(b"toy", 2));
        assert!(!is_consonant(b"yy", 1));
        // A catalogue word of a million 'y's is stemmed without running out of stack.
        let long = "y".repeat(1_000_000);
        assert!(!stem(&long).is_empty());
    }

    #[test]
    fn case_accents_and_punctuation_are_folded() {
        assert_eq!(words("Café, RÉSUMÉ!"), ["cafe", "resume"]);
        assert_eq!(words("  Council-Tax  "), ["council", "tax"]);
        assert_eq!(words("“Bin” (wheelie)"), ["bin", "wheelie"]);
    }

    #[test]
    fn apostrophes_join_and_negatives_become_not() {
        assert_eq!(words("wasn't picked up"), ["not", "picked", "up"]);
        assert_eq!(words("didn’t come"), ["not", "come"]);
        assert_eq!(words("council's"), ["councils"]);
    }

    #[test]
    fn capitals_line_up_with_words() {
        let text = "CAB isn't Open, ASB-team B&B 24/7 x";
        assert_eq!(capitals(text).len(), words(text).len());
        assert_eq!(
            capitals(text),
            [
                true, false, false, true, false, false, false, false, false, false
            ]
        );
    }

    #[test]
    fn hyphenated_words_are_also_joined() {
        let mut out = Vec::new();
        let mut joined = Vec::new();
        split_words(
            "Report fly-tipping and anti-social behaviour",
            &mut out,
            Some(&mut joined),
        );
        assert_eq!(
            out,
            [
                "report",
                "fly",
                "tipping",
                "and",
                "anti",
                "social",
                "behaviour"
            ]
        );
        assert_eq!(joined, ["flytipping", "antisocial"]);
    }

    #[test]
    fn plural_and_singular_meet() {
        for (a, b) in [
            ("bins", "bin"),
            ("parties", "party"),
            ("buses", "bus"),
            ("houses", "house"),
            ("licences", "licence"),
            ("rats", "rat"),
            ("mice", "mouse"),
            ("children", "child"),
            ("neighbours", "neighbour"),
            ("collections", "collection"),
            ("addresses", "address"),
            ("taxes", "tax"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn verb_forms_meet() {
        for (a, b) in [
            ("collected", "collect"),
            ("collection", "collect"),
            ("evicted", "eviction"),
            ("housing", "house"),
            ("stopped", "stop"),
            ("dumped", "dumping"),
            ("recycling", "recycle"),
            ("homelessness", "homeless"),
            ("hoping", "hope"),
            ("rated", "rates"),
            ("wasted", "waste"),
            ("tipping", "tip"),
            ("owed", "owe"),
            ("owing", "owe"),
            ("skipping", "skipped"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn distinct_words_stay_apart() {
        for (a, b) in [
            ("parking", "park"),
            ("bus", "business"),
            ("need", "ne"),
            ("tree", "tre"),
            ("rats", "rates"),
            ("not", "notes"),
            ("hop", "hope"),
            ("news", "new"),
            // The verb is not the container: a lorry that skipped a street is no skip.
            ("skipped", "skip"),
            ("skipping", "skips"),
        ] {
            assert_ne!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("census"), "census");
        assert_eq!(stem("business"), "business");
        assert_eq!(stem("2026"), "2026");
    }
}
