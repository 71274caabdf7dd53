//! Welsh for search: initial mutations and stop words.
//!
//! Welsh changes the first letters of a word after certain words: "treth" (tax) is "Treth
//! Gyngor" (soft mutation of "cyngor"), "fy nhreth" (nasal), "ei threth" (aspirate), "y dreth"
//! (soft). Each typed word, and each word of an entry's Welsh text, is also read in every
//! radical (unmutated) form it could come from, so "dreth", "nhreth" and "threth" all meet
//! "treth", and "gyngor" and "nghyngor" meet "cyngor". The forms a word could come from are
//! few (at most four), and a form that is no word of the catalogue matches nothing, so the
//! guesses cost little and never reach an English entry by themselves.

/// How much a word reached through a mutation counts beside the word as typed.
pub const RADICAL_SIM: f32 = 0.95;

/// The radical forms `word` (already lower-case, plain letters) could be a mutation of, not
/// counting `word` itself. Words of fewer than three letters are left alone.
pub fn radicals(word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return out;
    }
    let mut add = |radical: String| {
        if radical != word && radical.len() >= 3 && !out.contains(&radical) {
            out.push(radical);
        }
    };
    // Longest mutated beginnings first: "ngh" before "ng", "dd" before "d".
    const NASAL_AND_ASPIRATE: [(&str, &[&str]); 8] = [
        ("ngh", &["c"]),
        ("mh", &["p"]),
        ("nh", &["t"]),
        ("ng", &["g"]),
        ("ch", &["c"]),
        ("ph", &["p"]),
        ("th", &["t"]),
        ("dd", &["d"]),
    ];
    const SOFT_AND_NASAL: [(&str, &[&str]); 8] = [
        ("g", &["c"]),
        ("b", &["p"]),
        ("d", &["t"]),
        ("f", &["b", "m"]),
        ("l", &["ll"]),
        ("r", &["rh"]),
        ("m", &["b"]),
        ("n", &["d"]),
    ];
    let mut matched_long = false;
    for (mutated, radical) in NASAL_AND_ASPIRATE {
        if let Some(rest) = word.strip_prefix(mutated) {
            for r in radical {
                add(format!("{r}{rest}"));
            }
            matched_long = true;
            break;
        }
    }
    if !matched_long {
        for (mutated, radical) in SOFT_AND_NASAL {
            if let Some(rest) = word.strip_prefix(mutated) {
                for r in radical {
                    add(format!("{r}{rest}"));
                }
            }
        }
    }
    let starts_with_vowel = word.starts_with(['a', 'e', 'i', 'o', 'u', 'w', 'y']);
    if starts_with_vowel {
        // Soft mutation drops a g: "waith" for "gwaith", "ardd" for "gardd".
        add(format!("g{word}"));
    }
    if let Some(rest) = word.strip_prefix('h')
        && rest.starts_with(['a', 'e', 'i', 'o', 'u', 'w', 'y'])
    {
        // An h before a vowel after "ei" (her), "ein", "eu": "ei henw".
        add(rest.to_string());
    }
    out
}

/// Welsh words that carry no meaning for search on their own: articles, prepositions,
/// pronouns and the verbs of "I need", "I want", "is there" ("mae", "oes", "isio"). Words
/// that are also English words a resident types ("ni" for National Insurance) are left out.
pub fn is_stopword(word: &str) -> bool {
    matches!(
        word,
        "y" | "yr"
            | "r"
            | "ac"
            | "ag"
            | "o"
            | "yn"
            | "ym"
            | "yng"
            | "ar"
            | "gan"
            | "gyda"
            | "efo"
            | "heb"
            | "wrth"
            | "trwy"
            | "drwy"
            | "dros"
            | "mewn"
            | "fy"
            | "dy"
            | "ei"
            | "ein"
            | "eich"
            | "eu"
            | "ir"
            | "iw"
            | "ai"
            | "mae"
            | "maer"
            | "sydd"
            | "syn"
            | "oes"
            | "ydy"
            | "ydi"
            | "yw"
            | "ydw"
            | "dw"
            | "rwy"
            | "rwyn"
            | "dwin"
            | "rydw"
            | "rydyn"
            | "oedd"
            | "wedi"
            | "ddim"
            | "dim"
            | "sut"
            | "pryd"
            | "ble"
            | "lle"
            | "pwy"
            | "beth"
            | "pam"
            | "fi"
            | "ti"
            | "nhw"
            | "fe"
            | "fo"
            | "hefyd"
            | "neu"
            | "ond"
            | "eisiau"
            | "isio"
            | "moyn"
            | "angen"
            | "gallu"
            | "alla"
            | "gaf"
            | "ga"
            | "cael"
            | "gael"
            | "plis"
            | "diolch"
            | "bore"
            | "da"
            | "helo"
            | "shwmae"
    )
}

/// Welsh words that say what the resident wants rather than what it is about.
pub fn is_weak(word: &str) -> bool {
    matches!(
        word,
        "cyngor"
            | "gyngor"
            | "nghyngor"
            | "newydd"
            | "cymorth"
            | "gymorth"
            | "help"
            | "cais"
            | "gais"
            | "gwneud"
            | "wneud"
            | "adrodd"
            | "rhoi"
            | "roi"
            | "gwybod"
            | "wybod"
            | "gwasanaeth"
            | "wasanaeth"
            | "ar-lein"
            | "arlein"
            | "lein"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutated_forms_lead_back_to_the_radical() {
        assert!(radicals("dreth").contains(&"treth".to_string()));
        assert!(radicals("nhreth").contains(&"treth".to_string()));
        assert!(radicals("threth").contains(&"treth".to_string()));
        assert!(radicals("gyngor").contains(&"cyngor".to_string()));
        assert!(radicals("nghyngor").contains(&"cyngor".to_string()));
        assert!(radicals("fudd").contains(&"budd".to_string()));
        assert!(radicals("mudd").contains(&"budd".to_string()));
        assert!(radicals("wastraff").contains(&"gwastraff".to_string()));
        assert!(radicals("lyfrgell").contains(&"llyfrgell".to_string()));
        assert!(radicals("ddirwy").contains(&"dirwy".to_string()));
    }

    #[test]
    fn a_radical_is_not_its_own_mutation_and_short_words_are_left_alone() {
        assert!(!radicals("treth").contains(&"treth".to_string()));
        assert!(radicals("yn").is_empty());
        assert!(radicals("tai").is_empty());
    }
}
