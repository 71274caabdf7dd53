//! The visit's choice fields, each defined once: its name (the column of the visit log's
//! `visit_choices` rows, of the server's, of the export, the report's figure and the key of its
//! words in `text::fields`), its options (the words stored), and whether the report counts it.
//! The form, the store, the sync, the export and the report follow [`CHOICE_FIELDS`], so a new
//! field is one entry here, its words in `text::fields` and its row on the form.
//!
//! A visit logged before a field existed has no answer to it (unknown), and so has a visit
//! where the receptionist left it empty.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One choice field of the visit.
#[derive(Debug, PartialEq, Eq)]
pub struct ChoiceField {
    /// The field's name, as stored, synced, exported and counted.
    pub name: &'static str,
    /// Its options, as stored, in the order the form offers them.
    pub options: &'static [&'static str],
    /// The report counts each visit by its answer (and those with none as not recorded).
    pub counted: bool,
}

/// Every choice field, in the order the form, the export and the report show them.
pub const CHOICE_FIELDS: &[ChoiceField] = &[
    // Whether an interpreter was used: councils pay for them and want them counted.
    ChoiceField {
        name: "interpreter",
        options: &["none", "in-person", "phone", "bsl"],
        counted: true,
    },
];

impl ChoiceField {
    /// The field called `name`.
    pub fn named(name: &str) -> Option<&'static ChoiceField> {
        CHOICE_FIELDS.iter().find(|f| f.name == name)
    }

    /// The option stored as `word`, as this field's own `&'static str`.
    pub fn option(&self, word: &str) -> Option<&'static str> {
        self.options.iter().copied().find(|o| *o == word)
    }
}

/// A visit's answers to the choice fields: the option chosen, by field name. A field with no
/// answer is not here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Choices(BTreeMap<String, String>);

impl Choices {
    /// The option chosen for `field`, if any.
    pub fn get(&self, field: &ChoiceField) -> Option<&'static str> {
        self.0.get(field.name).and_then(|word| field.option(word))
    }

    /// Chooses option `index` of `field` (`None`, or an index past its options, clears it).
    pub fn set(&mut self, field: &ChoiceField, index: Option<usize>) {
        match index.and_then(|i| field.options.get(i)) {
            Some(option) => {
                self.0.insert(field.name.to_string(), option.to_string());
            }
            None => {
                self.0.remove(field.name);
            }
        }
    }

    /// Sets `field` to the stored `word`; false (and nothing set) when the field or the word is
    /// not one this frontdesk knows.
    pub fn set_word(&mut self, field: &str, word: &str) -> bool {
        match ChoiceField::named(field).and_then(|f| f.option(word).map(|o| (f, o))) {
            Some((field, option)) => {
                self.0.insert(field.name.to_string(), option.to_string());
                true
            }
            None => false,
        }
    }

    /// The answers of known fields with known options, in the order of [`CHOICE_FIELDS`].
    pub fn answered(&self) -> impl Iterator<Item = (&'static ChoiceField, &'static str)> + '_ {
        CHOICE_FIELDS
            .iter()
            .filter_map(|field| self.get(field).map(|option| (field, option)))
    }

    /// Only the answers of known fields with known options (a draft file may hold others).
    pub fn known(&self) -> Choices {
        let mut known = Choices::default();
        for (field, option) in self.answered() {
            known.0.insert(field.name.to_string(), option.to_string());
        }
        known
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_options_are_unique_words() {
        let mut names = std::collections::BTreeSet::new();
        for field in CHOICE_FIELDS {
            assert!(names.insert(field.name), "{} twice", field.name);
            let options: std::collections::BTreeSet<_> = field.options.iter().collect();
            assert_eq!(options.len(), field.options.len(), "{}", field.name);
            for word in std::iter::once(&field.name).chain(field.options) {
                assert!(
                    word.chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_'),
                    "{word}"
                );
            }
        }
    }

    #[test]
    fn an_unknown_word_is_not_set_and_a_cleared_field_is_gone() {
        let interpreter = ChoiceField::named("interpreter").unwrap();
        let mut choices = Choices::default();
        assert!(!choices.set_word("interpreter", "carrier pigeon"));
        assert!(!choices.set_word("no-such-field", "none"));
        choices.set(interpreter, Some(3));
        assert_eq!(choices.get(interpreter), Some("bsl"));
        choices.set(interpreter, None);
        assert_eq!(choices, Choices::default());
    }
}
