//! The visit form. Its fields are described once, in [`FIELDS`]: label, kind (which decides the
//! keys that work on it), whether a save needs it, the choices it offers, and which problems at
//! saving are about it. The form's moves, its drawing and the draft all follow that table.
//!
//! The values live in the [`VisitDraft`], so the draft is always what is on screen; the form
//! only knows which field has focus and where its cursor is (on a choice, or in the text).

use super::command::Command;
use super::key_names::KeyNames;
use super::text_field::{self, Change};
use crate::catalogue::Catalogue;
use crate::privacy::PersonalData;
use crate::text::{self, Language};
use crate::visit::{
    AssistedHow, CHOICE_FIELDS, Demand, DraftIncomplete, ExclusionReason, Feedback, Invalid,
    NOTE_MAX_CHARS, OnlineAnswer, Outcome, ServiceDefault, VisitDraft,
};

/// A field of the form, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Field {
    Services,
    #[default]
    Outcome,
    Demand,
    Assisted,
    Partners,
    Online,
    Reasons,
    Feedback,
    Note,
    /// A choice field of the visit: its place in [`CHOICE_FIELDS`].
    Choice(usize),
}

/// How a field is filled in, and so which commands work on it.
#[derive(Clone, Copy)]
pub enum FieldKind {
    /// A list filled from the search (log a visit on an entry to add it): Left/Right select,
    /// Remove (Delete) takes the selected one off.
    /// Toggle (Space) steps the selected item's own value (a service's own outcome), and a
    /// number key sets it (`pick`: item, number from 0).
    Added {
        remove: fn(&mut VisitDraft, usize),
        step: fn(&mut VisitDraft, usize),
        pick: fn(&mut VisitDraft, usize, usize),
    },
    /// One of several, like radio buttons: Left/Right move and choose, Toggle (Space) chooses;
    /// when `clearable`, Toggle on the chosen one clears it. With nothing chosen yet, Left and
    /// Right move to the field before or after, as Shift-Tab and Tab do.
    One {
        set: fn(&mut VisitDraft, Option<usize>),
        clearable: bool,
    },
    /// Any number of ticks: Left/Right move, Toggle (Space) ticks or unticks. A number key on
    /// a ticked item sets its own value when `pick` takes it (a partner's service: item,
    /// number from 0; `pick` says whether it did), and otherwise chooses as elsewhere.
    Ticks {
        toggle: fn(&mut VisitDraft, &VisitForm, usize),
        pick: fn(&mut VisitDraft, &VisitForm, usize, usize) -> bool,
    },
    /// Text typed straight in (digits and spaces too, before any key binding), at most `max`
    /// characters, edited with the line-editing keys at a cursor of its own.
    Text {
        read: fn(&VisitDraft) -> Option<&str>,
        write: fn(&mut VisitDraft, Option<String>),
        max: usize,
    },
}

/// One choice in a field's row, as the form shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub chosen: bool,
}

/// What a field's choices are read from.
pub struct FormContext<'a> {
    pub catalogue: &'a Catalogue,
    pub draft: &'a VisitDraft,
    pub form: &'a VisitForm,
    pub lang: Language,
}

/// One row of the form, described once.
pub struct FieldSpec {
    pub field: Field,
    pub label: fn(Language) -> &'static str,
    pub kind: FieldKind,
    /// Drawn one choice per line, so Up and Down move through its choices (and on past the
    /// first or last to the field above or below).
    pub one_per_line: bool,
    /// A visit cannot be saved with this field empty (its empty text is then a warning).
    pub required: bool,
    /// The choices offered, in order, and which the draft has (every item of an `Added` list
    /// is chosen). A text field offers none.
    pub choices: fn(&FormContext<'_>) -> Vec<Choice>,
    /// What the row says when it has nothing to show.
    pub empty: fn(Language, &KeyNames) -> String,
    /// Whether a reason a save was refused is about this field, so focus moves there.
    pub owns: fn(&Invalid) -> bool,
}

fn choices_of<T: Copy + PartialEq>(
    all: &[T],
    label: impl Fn(usize, T) -> String,
    chosen: impl Fn(T) -> bool,
) -> Vec<Choice> {
    all.iter()
        .enumerate()
        .map(|(i, value)| Choice {
            label: label(i, *value),
            chosen: chosen(*value),
        })
        .collect()
}

fn no_text(_: Language, _: &KeyNames) -> String {
    String::new()
}

fn read_note(draft: &VisitDraft) -> Option<&str> {
    draft.note.as_deref()
}

/// The row of choice field `I` of [`CHOICE_FIELDS`]: one of its options, or none.
const fn choice_row<const I: usize>() -> FieldSpec {
    FieldSpec {
        field: Field::Choice(I),
        label: |lang| text::fields::label(lang, CHOICE_FIELDS[I].name),
        kind: FieldKind::One {
            set: |draft, index| draft.choices.set(&CHOICE_FIELDS[I], index),
            clearable: true,
        },
        one_per_line: false,
        required: false,
        choices: |c| {
            let field = &CHOICE_FIELDS[I];
            choices_of(
                field.options,
                |_, option| text::fields::option(c.lang, field.name, option).to_string(),
                |option| c.draft.choices.get(field) == Some(option),
            )
        },
        empty: no_text,
        owns: |_| false,
    }
}

/// The form's fields, in the order Tab visits them.
pub const FIELDS: [FieldSpec; 10] = [
    FieldSpec {
        field: Field::Services,
        label: |lang| text::form::labels(lang).services,
        kind: FieldKind::Added {
            remove: |draft, index| draft.remove_service(index),
            // A service has the visit's outcome until given its own.
            step: |draft, index| draft.cycle_service_outcome(index),
            pick: |draft, index, outcome| {
                if let Some(outcome) = Outcome::ALL.get(outcome) {
                    draft.set_service_outcome(index, *outcome);
                }
            },
        },
        one_per_line: false,
        required: true,
        choices: |c| {
            let titles = c.draft.services.iter();
            titles
                .map(|id| {
                    let title = c.catalogue.service_title(id);
                    let label = match c.draft.service_outcomes.get(id) {
                        Some(own) if Some(*own) != c.draft.outcome => {
                            format!("{title} ({})", text::form::outcome(c.lang, *own))
                        }
                        _ => title.to_string(),
                    };
                    Choice {
                        label,
                        chosen: true,
                    }
                })
                .collect()
        },
        empty: |lang, keys| text::form::no_services(lang, &keys.key(Command::LogVisit)),
        owns: |problem| {
            matches!(
                problem,
                Invalid::UnknownService { .. } | Invalid::Incomplete(DraftIncomplete::NoService)
            )
        },
    },
    FieldSpec {
        field: Field::Outcome,
        label: |lang| text::form::labels(lang).outcome,
        kind: FieldKind::One {
            set: |draft, index| draft.outcome = index.and_then(|i| Outcome::ALL.get(i).copied()),
            clearable: false,
        },
        one_per_line: false,
        required: true,
        choices: |c| {
            choices_of(
                &Outcome::ALL,
                |i, o| format!("{} {}", i + 1, text::form::outcome(c.lang, o)),
                |o| c.draft.outcome == Some(o),
            )
        },
        empty: no_text,
        owns: |problem| matches!(problem, Invalid::Incomplete(DraftIncomplete::NoOutcome)),
    },
    FieldSpec {
        field: Field::Demand,
        label: |lang| text::form::labels(lang).demand,
        kind: FieldKind::One {
            set: |draft, index| draft.demand = index.and_then(|i| Demand::ALL.get(i).copied()),
            clearable: true,
        },
        one_per_line: false,
        required: false,
        choices: |c| {
            choices_of(
                &Demand::ALL,
                |_, d| text::form::demand(c.lang, d).to_string(),
                |d| c.draft.demand == Some(d),
            )
        },
        empty: no_text,
        owns: |_| false,
    },
    FieldSpec {
        field: Field::Assisted,
        label: |lang| text::form::labels(lang).assisted,
        kind: FieldKind::One {
            set: |draft, index| {
                draft.assisted = index.and_then(|i| AssistedHow::ALL.get(i).copied())
            },
            clearable: true,
        },
        one_per_line: false,
        required: false,
        choices: |c| {
            choices_of(
                &AssistedHow::ALL,
                |_, a| text::form::assisted(c.lang, a).to_string(),
                |a| c.draft.assisted == Some(a),
            )
        },
        empty: no_text,
        owns: |_| false,
    },
    FieldSpec {
        field: Field::Partners,
        label: |lang| text::form::labels(lang).partners,
        // Space steps a partner: ticked (a signpost), a referral (asking "Has the resident
        // agreed?" where the partner needs it), then unticked.
        // A partner ticked is given for the first service on the visit that signposts to it
        // (or the first service); on a visit of several services, a number key gives the
        // selected partner to that service instead.
        kind: FieldKind::Ticks {
            toggle: |draft, form, index| {
                if let Some(id) = form.partner_options.get(index) {
                    let needs_consent = form.consent_partners.contains(id);
                    let new = !draft.partners.iter().any(|p| p.trim() == id);
                    draft.step_partner(id, needs_consent);
                    if let Some(home) = form.partner_homes.get(id).filter(|_| new) {
                        draft.partner_services.insert(id.clone(), home.clone());
                    }
                }
            },
            pick: |draft, form, index, service| {
                let Some(id) = form.partner_options.get(index) else {
                    return false;
                };
                let chosen = draft.partners.iter().any(|p| p.trim() == id);
                if !chosen || draft.services.len() < 2 || service >= draft.services.len() {
                    return false;
                }
                draft.set_partner_service(id, service);
                true
            },
        },
        one_per_line: true,
        required: false,
        choices: |c| {
            let options = c.form.partner_options.iter();
            options
                .map(|id| {
                    let partner = c.catalogue.partner(id);
                    let name = partner.map_or(id.as_str(), |p| p.name.as_str());
                    let chosen = c.draft.partners.contains(id);
                    let (how, consent) = c.draft.partner_how(id);
                    let needs_consent = partner.is_some_and(|p| p.referral_needs_consent);
                    let label = text::form::partner_choice(
                        c.lang,
                        name,
                        chosen.then_some(how),
                        needs_consent,
                        consent,
                    );
                    // On a visit of several services, each partner says whose it is.
                    let label = match c.draft.partner_service(id) {
                        Some(service) if chosen && c.draft.services.len() > 1 => {
                            let title = c.catalogue.service_title(service);
                            text::form::partner_for(c.lang, &label, title)
                        }
                        _ => label,
                    };
                    Choice { label, chosen }
                })
                .collect()
        },
        empty: |lang, keys| text::form::no_partners(lang, &keys.key(Command::LogVisit)),
        owns: |problem| {
            matches!(
                problem,
                Invalid::UnknownPartner { .. } | Invalid::ConsentNotAsked { .. }
            )
        },
    },
    FieldSpec {
        field: Field::Online,
        label: |lang| text::form::labels(lang).online,
        kind: FieldKind::One {
            set: |draft, index| {
                draft.online = index.and_then(|i| OnlineAnswer::ALL.get(i).copied())
            },
            clearable: true,
        },
        one_per_line: false,
        required: false,
        choices: |c| {
            choices_of(
                &OnlineAnswer::ALL,
                |_, a| text::form::online(c.lang, a).to_string(),
                |a| c.draft.online == Some(a),
            )
        },
        empty: no_text,
        owns: |_| false,
    },
    FieldSpec {
        field: Field::Reasons,
        label: |lang| text::form::labels(lang).reasons,
        kind: FieldKind::Ticks {
            toggle: |draft, _, index| {
                if let Some(reason) = ExclusionReason::ALL.get(index) {
                    toggle(&mut draft.reasons, *reason);
                }
            },
            pick: |_, _, _, _| false,
        },
        one_per_line: false,
        required: false,
        choices: |c| {
            choices_of(
                &ExclusionReason::ALL,
                |_, r| text::form::reason(c.lang, r).to_string(),
                |r| c.draft.reasons.contains(&r),
            )
        },
        empty: no_text,
        owns: |_| false,
    },
    FieldSpec {
        field: Field::Feedback,
        label: |lang| text::form::labels(lang).feedback,
        kind: FieldKind::One {
            set: |draft, index| {
                draft.feedback = index
                    .and_then(|i| Feedback::ALL.get(i).copied())
                    .unwrap_or_default()
            },
            clearable: false,
        },
        one_per_line: false,
        required: false,
        choices: |c| {
            choices_of(
                &Feedback::ALL,
                |_, f| text::form::feedback(c.lang, f).to_string(),
                |f| c.draft.feedback == f,
            )
        },
        empty: no_text,
        owns: |_| false,
    },
    // The visit's choice fields, a row each (`visit::CHOICE_FIELDS`), before the note.
    choice_row::<0>(),
    FieldSpec {
        field: Field::Note,
        label: |lang| text::form::labels(lang).note,
        kind: FieldKind::Text {
            read: read_note,
            write: |draft, note| draft.note = note,
            max: NOTE_MAX_CHARS,
        },
        one_per_line: false,
        required: false,
        choices: |_| Vec::new(),
        empty: |lang, _| text::form::empty_note(lang),
        owns: |problem| {
            matches!(
                problem,
                Invalid::PersonalData(_) | Invalid::Incomplete(DraftIncomplete::NoteTooLong { .. })
            )
        },
    },
];

impl Field {
    /// This field's row of [`FIELDS`].
    pub fn spec(self) -> &'static FieldSpec {
        let index = FIELDS.iter().position(|s| s.field == self).unwrap_or(0);
        &FIELDS[index]
    }

    /// The field a refused save is about, if any.
    pub fn owning(problem: &Invalid) -> Option<Field> {
        FIELDS.iter().find(|s| (s.owns)(problem)).map(|s| s.field)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct VisitForm {
    pub field: Field,
    /// The choice under the cursor in the focused field; in a text field, the number of
    /// characters before the text cursor.
    pub cursor: usize,
    /// Partner ids offered as ticks: the services' signposts and any already chosen.
    pub partner_options: Vec<String>,
    /// Those of them that take referrals only with the resident's agreement.
    pub consent_partners: Vec<String>,
    /// For each partner offered, the first service on the visit that signposts to it: a
    /// partner ticked is given for that service.
    pub partner_homes: std::collections::BTreeMap<String, String>,
    /// The personal data found in the note at the last save, for the warning under the form.
    pub privacy: Vec<PersonalData>,
    /// Last time's answers for this visit's services, offered beside their fields while they
    /// are unanswered; one key takes them ([`Command::TakeLastTime`]).
    pub offered: ServiceDefault,
}

impl VisitForm {
    pub fn for_draft(catalogue: &Catalogue, draft: &VisitDraft) -> VisitForm {
        let mut form = VisitForm::default();
        form.refresh_partners(catalogue, draft);
        form.focus(catalogue, Field::Outcome, draft);
        form
    }

    pub fn refresh_partners(&mut self, catalogue: &Catalogue, draft: &VisitDraft) {
        let mut options: Vec<String> = Vec::new();
        self.partner_homes.clear();
        for service in draft.services.iter().filter_map(|id| catalogue.service(id)) {
            for partner in &service.signpost {
                self.partner_homes
                    .entry(partner.clone())
                    .or_insert_with(|| service.id.clone());
            }
        }
        let signposts = draft
            .services
            .iter()
            .filter_map(|id| catalogue.service(id))
            .flat_map(|s| s.signpost.iter());
        for id in signposts.chain(draft.partners.iter()) {
            if !options.contains(id) {
                options.push(id.clone());
            }
        }
        self.consent_partners = options
            .iter()
            .filter(|id| {
                catalogue
                    .partner(id)
                    .is_some_and(|p| p.referral_needs_consent)
            })
            .cloned()
            .collect();
        self.partner_options = options;
    }

    /// The focused field's choices.
    pub fn choices(&self, catalogue: &Catalogue, draft: &VisitDraft) -> Vec<Choice> {
        let context = FormContext {
            catalogue,
            draft,
            form: self,
            // Only the number of choices and which are chosen matter here, not their words.
            lang: Language::default(),
        };
        (self.field.spec().choices)(&context)
    }

    /// Moves focus to `field`; on a one-of-several field the cursor starts on the chosen one,
    /// in a text field after the text.
    pub fn focus(&mut self, catalogue: &Catalogue, field: Field, draft: &VisitDraft) {
        self.field = field;
        self.cursor = match field.spec().kind {
            FieldKind::One { .. } => self
                .choices(catalogue, draft)
                .iter()
                .position(|c| c.chosen)
                .unwrap_or(0),
            FieldKind::Text { read, .. } => read(draft).map_or(0, |t| t.chars().count()),
            _ => 0,
        };
    }

    /// Moves focus to the field `step` places on (1 next, -1 previous), wrapping round; a
    /// list drawn one per line is entered from below on its last choice.
    fn focus_by(&mut self, catalogue: &Catalogue, draft: &VisitDraft, step: isize) {
        let position = FIELDS
            .iter()
            .position(|f| f.field == self.field)
            .unwrap_or(0);
        let next = (position as isize + step).rem_euclid(FIELDS.len() as isize);
        let spec = &FIELDS[usize::try_from(next).unwrap_or(0)];
        self.focus(catalogue, spec.field, draft);
        if step < 0 && spec.one_per_line {
            self.cursor = self.choices(catalogue, draft).len().saturating_sub(1);
        }
    }

    /// Applies a form command (move between fields and choices, tick, remove) to the draft.
    pub fn command(&mut self, catalogue: &Catalogue, draft: &mut VisitDraft, command: Command) {
        let spec = self.field.spec();
        let kind = spec.kind;
        match command {
            Command::NextField => self.focus_by(catalogue, draft, 1),
            Command::PreviousField => self.focus_by(catalogue, draft, -1),
            Command::Down => {
                let count = self.choices(catalogue, draft).len();
                if spec.one_per_line && self.cursor + 1 < count {
                    self.cursor += 1;
                } else {
                    self.focus_by(catalogue, draft, 1);
                }
            }
            Command::Up => {
                if spec.one_per_line && self.cursor > 0 {
                    self.cursor -= 1;
                } else {
                    self.focus_by(catalogue, draft, -1);
                }
            }
            Command::Left | Command::Right => {
                let choices = self.choices(catalogue, draft);
                let count = choices.len();
                if count == 0 {
                    return;
                }
                // With nothing chosen, Right and Left move to the next or previous field, as
                // Tab does: a field left empty stays empty (Space or a number chooses).
                let none_chosen =
                    matches!(kind, FieldKind::One { .. }) && !choices.iter().any(|c| c.chosen);
                if none_chosen {
                    let step = if command == Command::Left { -1 } else { 1 };
                    self.focus_by(catalogue, draft, step);
                    return;
                }
                self.cursor = if command == Command::Left {
                    (self.cursor + count - 1) % count
                } else {
                    (self.cursor + 1) % count
                };
                // One-of-several fields follow the cursor, like radio buttons.
                if let FieldKind::One { set, .. } = kind {
                    set(draft, Some(self.cursor));
                }
            }
            Command::Toggle => match kind {
                FieldKind::One { set, clearable } => {
                    let chosen = self
                        .choices(catalogue, draft)
                        .get(self.cursor)
                        .is_some_and(|c| c.chosen);
                    set(draft, (!(clearable && chosen)).then_some(self.cursor));
                }
                FieldKind::Ticks { toggle, .. } => toggle(draft, self, self.cursor),
                FieldKind::Added { step, .. } => step(draft, self.cursor),
                FieldKind::Text { .. } => {}
            },
            Command::Remove => {
                if let FieldKind::Added { remove, .. } = kind {
                    remove(draft, self.cursor);
                    let count = self.choices(catalogue, draft).len();
                    self.cursor = self.cursor.min(count.saturating_sub(1));
                    self.refresh_partners(catalogue, draft);
                }
            }
            _ => {}
        }
    }

    /// Chooses `index` in a one-of-several field and puts focus there (a shortcut such as the
    /// outcome's number keys).
    pub fn choose(
        &mut self,
        catalogue: &Catalogue,
        draft: &mut VisitDraft,
        field: Field,
        index: usize,
    ) {
        let FieldKind::One { set, .. } = field.spec().kind else {
            return;
        };
        let count = (field.spec().choices)(&FormContext {
            catalogue,
            draft,
            form: self,
            lang: Language::default(),
        })
        .len();
        if index < count {
            set(draft, Some(index));
            self.field = field;
            self.cursor = index;
        }
    }

    /// A number key (`index` from 0): on a list with an item selected, sets that item's own
    /// value (the selected service's own outcome); anywhere else, chooses in `field` (the
    /// visit's outcome) and puts focus there.
    pub fn number(
        &mut self,
        catalogue: &Catalogue,
        draft: &mut VisitDraft,
        field: Field,
        index: usize,
    ) {
        match self.field.spec().kind {
            FieldKind::Added { pick, .. } if self.cursor < self.choices(catalogue, draft).len() => {
                pick(draft, self.cursor, index);
                return;
            }
            FieldKind::Ticks { pick, .. } if pick(draft, self, self.cursor, index) => return,
            _ => {}
        }
        self.choose(catalogue, draft, field, index);
    }

    /// Last time's answer offered beside `field`, in words, while the field is unanswered:
    /// "with them". `None` when nothing is offered there.
    pub fn offered_for(&self, field: Field, draft: &VisitDraft, lang: Language) -> Option<String> {
        match field {
            Field::Demand if draft.demand.is_none() => self
                .offered
                .demand
                .map(|d| text::form::demand(lang, d).to_string()),
            Field::Assisted if draft.assisted.is_none() => self
                .offered
                .assisted
                .map(|a| text::form::assisted(lang, a).to_string()),
            _ => None,
        }
    }

    /// True when the focused field takes typed text.
    pub fn typing(&self) -> bool {
        matches!(self.field.spec().kind, FieldKind::Text { .. })
    }

    /// Types or edits in the focused text field at its cursor. Returns whether the draft
    /// changed; an emptied field holds no text.
    pub fn change_text(&mut self, draft: &mut VisitDraft, change: Change) -> bool {
        let FieldKind::Text { read, write, max } = self.field.spec().kind else {
            return false;
        };
        let mut text = read(draft).unwrap_or("").to_string();
        if !text_field::apply(&mut text, &mut self.cursor, change, max) {
            return false;
        }
        write(draft, (!text.is_empty()).then_some(text));
        true
    }
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
    match list.iter().position(|x| *x == item) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(item),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_described_once_in_tab_order() {
        let fields: Vec<Field> = FIELDS.iter().map(|s| s.field).collect();
        assert_eq!(
            fields,
            [
                Field::Services,
                Field::Outcome,
                Field::Demand,
                Field::Assisted,
                Field::Partners,
                Field::Online,
                Field::Reasons,
                Field::Feedback,
                Field::Choice(0),
                Field::Note,
            ]
        );
        assert_eq!(
            FIELDS.len(),
            9 + CHOICE_FIELDS.len(),
            "every choice field has its row"
        );
        for spec in &FIELDS {
            assert_eq!(spec.field.spec().field, spec.field);
        }
    }

    #[test]
    fn a_refused_save_points_at_the_field_to_fix() {
        let unknown = Invalid::UnknownService { id: "x".into() };
        assert_eq!(Field::owning(&unknown), Some(Field::Services));
        let no_outcome = Invalid::Incomplete(DraftIncomplete::NoOutcome);
        assert_eq!(Field::owning(&no_outcome), Some(Field::Outcome));
        let personal = Invalid::PersonalData(vec![PersonalData::Postcode]);
        assert_eq!(Field::owning(&personal), Some(Field::Note));
        let no_desk = Invalid::Incomplete(DraftIncomplete::NoDesk);
        assert_eq!(Field::owning(&no_desk), None);
    }
}
