//! The visit form: which field has focus and where the choice cursor is. The values themselves
//! live in the [`VisitDraft`], so the draft is always what is on screen.

use super::keymap::Command;
use crate::catalogue::Catalogue;
use crate::visit::{ExclusionReason, Feedback, OnlineAnswer, Outcome, VisitDraft};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Field {
    Services,
    #[default]
    Outcome,
    Partners,
    Online,
    Reasons,
    Feedback,
    Note,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Services,
        Field::Outcome,
        Field::Partners,
        Field::Online,
        Field::Reasons,
        Field::Feedback,
        Field::Note,
    ];
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct VisitForm {
    pub field: Field,
    /// The choice under the cursor in the focused field.
    pub cursor: usize,
    /// Partner ids offered as ticks: the services' signposts and any already chosen.
    pub partner_options: Vec<String>,
    /// The personal data found in the note at the last save ("a phone number and a postcode").
    pub privacy: String,
}

impl VisitForm {
    pub fn for_draft(catalogue: &Catalogue, draft: &VisitDraft) -> VisitForm {
        let mut form = VisitForm {
            field: Field::Outcome,
            ..VisitForm::default()
        };
        form.refresh_partners(catalogue, draft);
        match draft.outcome {
            Some(outcome) => form.cursor_to_outcome(outcome),
            None => form.cursor = 0,
        }
        form
    }

    pub fn refresh_partners(&mut self, catalogue: &Catalogue, draft: &VisitDraft) {
        let mut options: Vec<String> = Vec::new();
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
        self.partner_options = options;
    }

    pub fn cursor_to_outcome(&mut self, outcome: Outcome) {
        self.cursor = Outcome::ALL.iter().position(|o| *o == outcome).unwrap_or(0);
    }

    /// How many choices the focused field has.
    fn choices(&self, draft: &VisitDraft) -> usize {
        match self.field {
            Field::Services => draft.services.len(),
            Field::Outcome => Outcome::ALL.len(),
            Field::Partners => self.partner_options.len(),
            Field::Online => OnlineAnswer::ALL.len(),
            Field::Reasons => ExclusionReason::ALL.len(),
            Field::Feedback => Feedback::ALL.len(),
            Field::Note => 0,
        }
    }

    fn focus(&mut self, field: Field, draft: &VisitDraft) {
        self.field = field;
        self.cursor = match field {
            Field::Outcome => draft
                .outcome
                .and_then(|o| Outcome::ALL.iter().position(|x| *x == o))
                .unwrap_or(0),
            Field::Online => draft
                .online
                .and_then(|o| OnlineAnswer::ALL.iter().position(|x| *x == o))
                .unwrap_or(0),
            Field::Feedback => Feedback::ALL
                .iter()
                .position(|x| *x == draft.feedback)
                .unwrap_or(0),
            _ => 0,
        };
    }

    /// Applies a form command (move between fields and choices, tick, remove) to the draft.
    pub fn command(&mut self, catalogue: &Catalogue, draft: &mut VisitDraft, command: Command) {
        let position = Field::ALL
            .iter()
            .position(|f| *f == self.field)
            .unwrap_or(0);
        match command {
            Command::NextField => {
                let next = Field::ALL[(position + 1) % Field::ALL.len()];
                self.focus(next, draft);
            }
            Command::PreviousField => {
                let previous = Field::ALL[(position + Field::ALL.len() - 1) % Field::ALL.len()];
                self.focus(previous, draft);
            }
            Command::Left | Command::Right => {
                let count = self.choices(draft);
                if count == 0 {
                    return;
                }
                self.cursor = if command == Command::Left {
                    (self.cursor + count - 1) % count
                } else {
                    (self.cursor + 1) % count
                };
                // Single-choice fields follow the cursor, like radio buttons.
                match self.field {
                    Field::Outcome => draft.outcome = Outcome::ALL.get(self.cursor).copied(),
                    Field::Online => draft.online = OnlineAnswer::ALL.get(self.cursor).copied(),
                    Field::Feedback => {
                        draft.feedback = Feedback::ALL.get(self.cursor).copied().unwrap_or_default()
                    }
                    _ => {}
                }
            }
            Command::Toggle => match self.field {
                Field::Outcome => draft.outcome = Outcome::ALL.get(self.cursor).copied(),
                Field::Online => {
                    let choice = OnlineAnswer::ALL.get(self.cursor).copied();
                    draft.online = if draft.online == choice { None } else { choice };
                }
                Field::Feedback => {
                    draft.feedback = Feedback::ALL.get(self.cursor).copied().unwrap_or_default()
                }
                Field::Partners => {
                    if let Some(id) = self.partner_options.get(self.cursor) {
                        toggle(&mut draft.partners, id.clone());
                    }
                }
                Field::Reasons => {
                    if let Some(reason) = ExclusionReason::ALL.get(self.cursor) {
                        toggle(&mut draft.reasons, *reason);
                    }
                }
                // On a service: step its own outcome (it has the visit's until changed).
                Field::Services => draft.cycle_service_outcome(self.cursor),
                Field::Note => {}
            },
            Command::Remove
                if self.field == Field::Services && self.cursor < draft.services.len() =>
            {
                draft.remove_service(self.cursor);
                self.cursor = self.cursor.min(draft.services.len().saturating_sub(1));
                self.refresh_partners(catalogue, draft);
            }
            _ => {}
        }
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
