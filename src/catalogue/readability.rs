//! How hard a line is to read: the Flesch-Kincaid grade of a text, from its words, sentences
//! and syllables, with a small syllable counter written for English. `check` warns about lines
//! said to or printed for a resident that grade above [`GRADE_LIMIT`] (a reading age of about
//! 13), and lists the long words to explain or replace.

/// The highest grade a resident's line may have before `check` warns.
pub const GRADE_LIMIT: f64 = 8.0;

/// Lines shorter than this are not graded: the formula means little on a few words, and a
/// short line with one long word ("Council tax reduction") is plain enough.
pub const MIN_WORDS: usize = 8;

/// The words of a text, as letters and apostrophes (numbers, phone numbers and web addresses
/// are left out).
pub fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == '/' || c == '-' || c == '(' || c == ')')
        .filter(|w| {
            !w.contains('@') && !w.contains("://") && !w.contains(".org") && !w.contains(".uk")
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
        })
        .collect()
}

/// How many sentences: each run of `.`, `!`, `?` or `:` that ends a word, at least 1.
pub fn sentences(text: &str) -> usize {
    let mut count = 0;
    let mut previous_was_end = false;
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let end = matches!(c, '.' | '!' | '?' | ':' | ';');
        // "9.30am", "example.org": a full stop between letters or digits ends nothing.
        let inside = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if end && !inside && !previous_was_end {
            count += 1;
        }
        previous_was_end = end;
    }
    count.max(1)
}

/// The syllables of one English word, by its groups of vowels, with the usual corrections:
/// a silent final "e", "-ed" after most consonants, "-le" after a consonant, and "y" as a vowel
/// after a consonant. Right for most everyday words; every word has at least 1.
pub fn syllables(word: &str) -> usize {
    let word: String = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if word.is_empty() {
        return 0;
    }
    if word.len() <= 3 {
        return 1;
    }
    let chars: Vec<char> = word.chars().collect();
    let vowel = |i: usize| -> bool {
        match chars.get(i) {
            Some('a' | 'e' | 'i' | 'o' | 'u') => true,
            Some('y') => i > 0 && !matches!(chars.get(i - 1), Some('a' | 'e' | 'i' | 'o' | 'u')),
            _ => false,
        }
    };
    let mut count: usize = 0;
    let mut in_group = false;
    for i in 0..chars.len() {
        let v = vowel(i);
        if v && !in_group {
            count += 1;
        }
        in_group = v;
    }
    let n = chars.len();
    let ends = |s: &str| word.ends_with(s);
    let consonant_at = |i: usize| i < n && !vowel(i);
    // A silent final "e" ("home", "phone"), but not "-le" after a consonant ("table").
    if ends("e") && !ends("le") && !ends("ee") && !ends("ie") && n >= 2 && consonant_at(n - 2) {
        count = count.saturating_sub(1);
    }
    if ends("le") && n >= 3 && vowel(n - 3) {
        count = count.saturating_sub(1);
    }
    // "-ed" is silent except after t or d ("parked", but "needed", "started").
    if ends("ed") && n >= 3 && !matches!(chars[n - 3], 't' | 'd') && consonant_at(n - 3) {
        count = count.saturating_sub(1);
    }
    // "-es" after most consonants is silent ("homes"), but not after s, x, z, ch, sh ("boxes").
    if ends("es")
        && n >= 4
        && consonant_at(n - 3)
        && !matches!(chars[n - 3], 's' | 'x' | 'z' | 'c' | 'g')
        && !(chars[n - 3] == 'h' && matches!(chars[n - 4], 'c' | 's'))
    {
        count = count.saturating_sub(1);
    }
    // "-ion", "-ia", "-io" as two ("stud-i-o") are too rare at a front desk to correct for.
    count.max(1)
}

/// Each word of a text, and whether it is a name: a capital letter that does not start a
/// sentence ("Example County Council", "Universal Credit"). A resident reads a name they know
/// as one label, so the grade counts it as 1 syllable and it is never listed to explain.
fn words_and_names(text: &str) -> Vec<(&str, bool)> {
    let mut found = Vec::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        for word in words(raw) {
            let name = !sentence_start && word.chars().next().is_some_and(char::is_uppercase);
            found.push((word, name));
            sentence_start = false;
        }
        if raw.ends_with(['.', '!', '?', ':']) {
            sentence_start = true;
        }
    }
    found
}

/// The Flesch-Kincaid grade of a text: 0.39 × words per sentence + 11.8 × syllables per word
/// − 15.59, with names counted as 1 syllable. `None` for a text with no words.
pub fn grade(text: &str) -> Option<f64> {
    let words = words_and_names(text);
    if words.is_empty() {
        return None;
    }
    let syllables: usize = words
        .iter()
        .map(|(w, name)| if *name { 1 } else { syllables(w) })
        .sum();
    let words_count = words.len() as f64;
    Some(
        0.39 * (words_count / sentences(text) as f64) + 11.8 * (syllables as f64 / words_count)
            - 15.59,
    )
}

/// The words of 3 syllables or more, each once, in the order met: the ones to explain or swap
/// for a shorter word. Names (a capital letter not at the start of a sentence) are left out.
pub fn long_words(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (word, name) in words_and_names(text) {
        let lower = word.to_lowercase();
        if !name && syllables(word) >= 3 && !found.contains(&lower) {
            found.push(lower);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_counted_as_a_reader_would() {
        for (word, count) in [
            ("bin", 1),
            ("home", 1),
            ("phone", 1),
            ("council", 2),
            ("table", 2),
            ("parked", 1),
            ("needed", 2),
            ("emergency", 4),
            ("homes", 1),
            ("boxes", 2),
            ("instalments", 3),
            ("collection", 3),
            ("Samaritans", 4),
            ("day", 1),
            ("happy", 2),
        ] {
            assert_eq!(syllables(word), count, "{word}");
        }
    }

    /// Lines graded by hand: words, sentences and syllables counted by a person, then the
    /// formula worked out on paper.
    #[test]
    fn the_grade_matches_lines_graded_by_hand() {
        // 10 words, 1 sentence, 10 syllables: 0.39×10 + 11.8×10/10 − 15.59 = 0.11
        let easy = "Put your bin out by the road on your day.";
        // 15 words, 1 sentence, 42 syllables: 0.39×15 + 11.8×42/15 − 15.59 = 23.30
        let hard = "Discretionary housing payments are administered by the local authority to eligible residents experiencing financial difficulties.";
        let graded = |text: &str| grade(text).expect("has words");
        assert!((graded(easy) - 0.11).abs() < 0.1, "{}", graded(easy));
        assert!((graded(hard) - 23.30).abs() < 1.0, "{}", graded(hard));
        assert!(graded(easy) <= GRADE_LIMIT);
        assert!(graded(hard) > GRADE_LIMIT);
        // 2 sentences of 6 words, 14 syllables: 0.39×6 + 11.8×14/12 − 15.59 = 0.52
        let two = "We will tell the crew today. Leave your bin out until then.";
        assert!((graded(two) - 0.52).abs() < 0.6, "{}", graded(two));
    }

    #[test]
    fn long_words_are_listed_once() {
        assert_eq!(
            long_words("A liability order is a court order. Liability means you owe it."),
            vec!["liability".to_string()]
        );
        assert!(long_words("Call 0808 2000 247 or go to example.org/help.").is_empty());
        assert!(
            long_words("Ask Example County Council for a form.").is_empty(),
            "names are not words to explain"
        );
    }
}
