//! Small pieces of Welsh grammar the sentences share: counted nouns (a noun after a numeral stays
//! singular: "3 ymweliad"), lists joined with "a"/"ac" and the mutations they cause.

/// "3 ymweliad": after a numeral a Welsh noun stays singular.
pub fn visits(count: impl std::fmt::Display) -> String {
    format!("{count} ymweliad")
}

/// The aspirate mutation after "a" (and), "â" (with), "gyda", "tua", "ei" (her): c→ch, p→ph,
/// t→th. Digraphs that begin with those letters (ch, ph, th) stay as they are.
pub fn aspirate(word: &str) -> String {
    let mut chars = word.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return word.to_string();
    };
    if second == Some('h') || second == Some('H') {
        return word.to_string();
    }
    let rest = &word[first.len_utf8()..];
    match first {
        'c' => format!("ch{rest}"),
        'p' => format!("ph{rest}"),
        't' => format!("th{rest}"),
        'C' => format!("Ch{rest}"),
        'P' => format!("Ph{rest}"),
        'T' => format!("Th{rest}"),
        _ => word.to_string(),
    }
}

/// "and" before `word`: "ac" before a vowel, "a" (with the aspirate mutation) before a consonant.
pub fn and(word: &str) -> String {
    let vowel = word
        .chars()
        .next()
        .is_some_and(|c| "aeiouwyâêîôûŵŷAEIOUWY".contains(c));
    if vowel {
        format!("ac {word}")
    } else {
        format!("a {}", aspirate(word))
    }
}

/// "x", "x a y", "x, y a z", with "ac" and the mutations.
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} {}", rest.join(", "), and(last)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_take_a_or_ac_and_the_aspirate_mutation() {
        let list =
            |items: &[&str]| join_and(&items.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(list(&["rhif ffôn", "cod post"]), "rhif ffôn a chod post");
        assert_eq!(list(&["enw", "e-bost"]), "enw ac e-bost");
        assert_eq!(
            list(&["dydd Llun", "dydd Mercher", "dydd Gwener"]),
            "dydd Llun, dydd Mercher a dydd Gwener"
        );
        assert_eq!(list(&["enw", "theatr"]), "enw a theatr");
        assert_eq!(list(&["enw", "pasbort"]), "enw a phasbort");
    }
}
