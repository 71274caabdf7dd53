//! The words of the visit's choice fields (`visit::CHOICE_FIELDS`): each field's label, short
//! enough for the form's label column, and its options, as the form, the accessible mode and
//! the report show them. A new field adds its arms here, in English and Welsh.

use super::Language;
use crate::visit::ChoiceField;

/// The label of the field called `name` (its name, for a field with no words here).
pub fn label(lang: Language, name: &str) -> &'static str {
    match (name, lang) {
        ("interpreter", Language::English) => "Interpreter",
        ("interpreter", Language::Welsh) => "Cyfieithydd",
        _ => ChoiceField::named(name).map_or("", |field| field.name),
    }
}

/// Option `word` of the field called `name` (the word itself, for one with no words here).
pub fn option(lang: Language, name: &str, word: &str) -> &'static str {
    match (name, word, lang) {
        ("interpreter", "none", Language::English) => "None",
        ("interpreter", "none", Language::Welsh) => "Dim",
        ("interpreter", "in-person", Language::English) => "In person",
        ("interpreter", "in-person", Language::Welsh) => "Wyneb yn wyneb",
        ("interpreter", "phone", Language::English) => "By phone",
        ("interpreter", "phone", Language::Welsh) => "Dros y ffôn",
        ("interpreter", "bsl", Language::English) => "British Sign Language",
        ("interpreter", "bsl", Language::Welsh) => "Iaith Arwyddion Prydain",
        _ => ChoiceField::named(name)
            .and_then(|field| field.option(word))
            .unwrap_or(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::visit::CHOICE_FIELDS;

    #[test]
    fn every_field_and_option_has_its_words_in_both_languages() {
        for field in CHOICE_FIELDS {
            for lang in [Language::English, Language::Welsh] {
                assert_ne!(label(lang, field.name), field.name, "{}", field.name);
                for word in field.options {
                    assert_ne!(
                        option(lang, field.name, word),
                        *word,
                        "{}: {word}",
                        field.name
                    );
                }
            }
            assert_ne!(
                label(Language::English, field.name),
                label(Language::Welsh, field.name)
            );
        }
    }
}
