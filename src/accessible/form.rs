//! The visit form, one question a field, in the order of the form's own table
//! ([`crate::desk::form::FIELDS`]): each field's choices numbered on one line, Enter keeps what is
//! there, numbers choose or tick. Every answer is a command to the desk, so the visit checked,
//! kept as a draft and saved is the full screen's own.

use crate::desk::form::{FIELDS, FieldKind, FormContext};
use crate::desk::{App, Command, Field};
use crate::text::{self, Language};

/// The field being asked, by its place in [`FIELDS`].
pub fn position(field: Field) -> usize {
    FIELDS.iter().position(|s| s.field == field).unwrap_or(0)
}

/// The form's first line: logging or editing, and the services on the visit.
pub fn heading(app: &App) -> String {
    let lang = app.lang;
    let services = app.draft.as_ref().map_or(String::new(), |draft| {
        draft
            .services
            .iter()
            .map(|id| app.catalogue.service_title(id))
            .collect::<Vec<_>>()
            .join(", ")
    });
    text::accessible::form_heading(lang, app.editing(), &services)
}

/// The question for field `at`: its label and numbered choices on one line, then how to answer.
pub fn question(app: &App, at: usize) -> Vec<String> {
    let lang = app.lang;
    let Some(draft) = app.draft.as_ref() else {
        return vec![text::form::no_visit(lang).to_string()];
    };
    let spec = &FIELDS[at.min(FIELDS.len() - 1)];
    let own = text::accessible::labels(lang);
    let label = (spec.label)(lang);
    let context = FormContext {
        catalogue: &app.catalogue,
        draft,
        form: &app.form,
        lang,
    };
    let choices = (spec.choices)(&context);
    match spec.kind {
        FieldKind::Text { read, .. } => {
            vec![text::accessible::note_hint(lang, read(draft))]
        }
        FieldKind::Added { .. } => {
            if choices.is_empty() {
                return vec![
                    format!("{label}: {}.", own.none),
                    text::accessible::no_services(lang).to_string(),
                ];
            }
            let items: Vec<String> = choices
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{}: {}.", i + 1, c.label))
                .collect();
            vec![
                format!("{label}: {}", items.join(" ")),
                text::accessible::services_hint(lang).to_string(),
            ]
        }
        FieldKind::One { .. } | FieldKind::Ticks { .. } => {
            let mark = match spec.kind {
                FieldKind::Ticks { .. } => own.ticked,
                _ => own.chosen,
            };
            let items: Vec<String> = choices
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    // The outcome's choices carry their number already ("1 Resolved").
                    let label = c
                        .label
                        .strip_prefix(&format!("{} ", i + 1))
                        .unwrap_or(&c.label);
                    if c.chosen {
                        format!("{}: {label} ({mark}).", i + 1)
                    } else {
                        format!("{}: {label}.", i + 1)
                    }
                })
                .collect();
            let hint = match spec.kind {
                FieldKind::Ticks { .. } if spec.field == Field::Partners => {
                    text::accessible::partners_hint(lang).to_string()
                }
                FieldKind::Ticks { .. } => text::accessible::ticks_hint(lang).to_string(),
                _ => {
                    let kept = choices
                        .iter()
                        .enumerate()
                        .find(|(_, c)| c.chosen)
                        .map(|(i, c)| {
                            c.label
                                .strip_prefix(&format!("{} ", i + 1))
                                .unwrap_or(&c.label)
                                .to_string()
                        });
                    text::accessible::one_hint(lang, kept.as_deref())
                }
            };
            let mut lines = vec![
                format!("{} {} {}", sentence(label), own.choices, items.join(" ")),
                hint,
            ];
            // On a visit of several services, a partner can be given to any of them.
            if spec.field == Field::Partners && draft.services.len() > 1 {
                let services: Vec<String> = draft
                    .services
                    .iter()
                    .enumerate()
                    .map(|(i, id)| format!("{}: {}.", i + 1, app.catalogue.service_title(id)))
                    .collect();
                lines.push(text::accessible::partner_service_hint(
                    lang,
                    &services.join(" "),
                ));
            }
            // Last time's answer is offered, never filled in: one word takes it.
            if let Some(answer) = app.form.offered_for(spec.field, draft, lang) {
                let take = app.keys.key(Command::TakeLastTime);
                lines.push(format!("{}.", text::form::last_time(lang, &answer, &take)));
            }
            lines
        }
    }
}

/// True when field `at` has nothing to ask: a list of ticks with no choices (no partners to
/// signpost to). The services and the note are always asked.
pub fn nothing_to_ask(app: &App, at: usize) -> bool {
    let Some(draft) = app.draft.as_ref() else {
        return true;
    };
    let spec = &FIELDS[at.min(FIELDS.len() - 1)];
    let context = FormContext {
        catalogue: &app.catalogue,
        draft,
        form: &app.form,
        lang: Language::default(),
    };
    matches!(spec.kind, FieldKind::Ticks { .. }) && (spec.choices)(&context).is_empty()
}

/// The commands that put the form's focus on field `at`: Tab or Shift-Tab, as many as it takes.
pub fn focus(app: &App, at: usize) -> Vec<Command> {
    let from = position(app.form.field);
    let to = at.min(FIELDS.len() - 1);
    if to >= from {
        vec![Command::NextField; to - from]
    } else {
        vec![Command::PreviousField; from - to]
    }
}

/// The commands that choose (a one-of-several field) or tick (a field of ticks) choice
/// `index` of the focused field, from 0: Right to it, then Space if it is not chosen yet.
/// `None` when the field has no such choice.
pub fn pick(app: &App, index: usize) -> Option<Vec<Command>> {
    let draft = app.draft.as_ref()?;
    let spec = app.form.field.spec();
    let context = FormContext {
        catalogue: &app.catalogue,
        draft,
        form: &app.form,
        lang: Language::default(),
    };
    let choices = (spec.choices)(&context);
    let count = choices.len();
    if index >= count {
        return None;
    }
    let none_chosen = !choices.iter().any(|c| c.chosen);
    let mut commands = Vec::new();
    match spec.kind {
        FieldKind::One { .. } => {
            // With nothing chosen, Space chooses the choice at the cursor; then Right moves on
            // from it, choosing as it goes.
            let mut cursor = app.form.cursor.min(count - 1);
            if none_chosen {
                commands.push(Command::Toggle);
            }
            while cursor != index {
                commands.push(Command::Right);
                cursor = (cursor + 1) % count;
            }
        }
        FieldKind::Ticks { .. } => {
            let mut cursor = app.form.cursor;
            while cursor != index {
                commands.push(Command::Right);
                cursor = (cursor + 1) % count;
            }
            commands.push(Command::Toggle);
        }
        _ => return None,
    }
    Some(commands)
}

/// The commands that give partner `partner` (from 0) of the focused partners field to the
/// visit's service `service` (from 0): to it, ticked if it is not yet, then the service's number.
/// `None` when there is no such partner or service.
pub fn give_partner(app: &App, partner: usize, service: usize) -> Option<Vec<Command>> {
    let draft = app.draft.as_ref()?;
    let count = choice_count(app);
    if partner >= count || service >= draft.services.len() {
        return None;
    }
    let id = app.form.partner_options.get(partner)?;
    let mut commands = Vec::new();
    let mut cursor = app.form.cursor;
    while cursor != partner {
        commands.push(Command::Right);
        cursor = (cursor + 1) % count;
    }
    if !draft.partners.iter().any(|p| p.trim() == id) {
        commands.push(Command::Toggle);
    }
    commands.push(Command::Outcome(u8::try_from(service + 1).ok()?));
    Some(commands)
}

/// How many choices the focused field offers.
pub fn choice_count(app: &App) -> usize {
    let Some(draft) = app.draft.as_ref() else {
        return 0;
    };
    let context = FormContext {
        catalogue: &app.catalogue,
        draft,
        form: &app.form,
        lang: Language::default(),
    };
    (app.form.field.spec().choices)(&context).len()
}

/// The commands that select service `index` (from 0) on the focused services field.
pub fn select_service(app: &App, index: usize) -> Vec<Command> {
    let count = choice_count(app);
    let mut cursor = app.form.cursor;
    let mut commands = Vec::new();
    while count > 0 && cursor != index && commands.len() < count {
        commands.push(Command::Right);
        cursor = (cursor + 1) % count;
    }
    commands
}

/// A label as a sentence: "Outcome." but "Doable online?".
fn sentence(label: &str) -> String {
    if label.ends_with(['?', '.', '!']) {
        label.to_string()
    } else {
        format!("{label}.")
    }
}
