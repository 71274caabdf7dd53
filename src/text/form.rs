//! The visit form's labels, choices and hints.

use super::Language;
use crate::privacy::{self, PersonalData};
use crate::visit::{
    AssistedHow, Demand, ExclusionReason, Feedback, OnlineAnswer, Outcome, PartnerHow,
};

/// The label of each field, short enough for the form's label column.
pub struct FieldLabels {
    pub services: &'static str,
    pub outcome: &'static str,
    pub demand: &'static str,
    pub assisted: &'static str,
    pub partners: &'static str,
    pub online: &'static str,
    pub reasons: &'static str,
    pub feedback: &'static str,
    pub note: &'static str,
}

pub fn labels(lang: Language) -> &'static FieldLabels {
    match lang {
        Language::English | Language::Welsh => &FieldLabels {
            services: "Services",
            outcome: "Outcome",
            demand: "Demand",
            assisted: "Helped online",
            partners: "Partners",
            online: "Doable online?",
            reasons: "Why not online",
            feedback: "Feedback",
            note: "Note",
        },
    }
}

/// The form's title: logging a new visit or editing one.
pub fn title(lang: Language, editing: bool) -> &'static str {
    match lang {
        Language::English | Language::Welsh if editing => " Edit the visit ",
        Language::English | Language::Welsh => " Log the visit ",
    }
}

/// At the top of the visit form filled in from a script's end:
/// "From script: Homeless or about to lose your home, path 2,1,1".
pub fn from_script(lang: Language, title: &str, path: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!("From script: {title}, path {path}"),
    }
}

pub fn no_visit(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => "No visit is being logged.",
    }
}

/// The services field before any service is on the visit.
pub fn no_services(lang: Language, log_key: &str) -> String {
    match lang {
        Language::English | Language::Welsh => {
            format!("none yet: press Esc, find the service, press {log_key}")
        }
    }
}

/// After the services, while they have focus: how to give the selected service its own
/// outcome (a number key, or `toggle_key` to step through them).
pub fn service_outcome_hint(lang: Language, first: &str, last: &str, toggle_key: &str) -> String {
    match lang {
        Language::English | Language::Welsh => {
            format!("({first}-{last} or {toggle_key}: this one's outcome)")
        }
    }
}

/// The partners field when the services suggest none.
pub fn no_partners(lang: Language, log_key: &str) -> String {
    match lang {
        Language::English | Language::Welsh => {
            format!("none suggested ({log_key} on a partner adds it)")
        }
    }
}

/// One partner on the form: its name and, once ticked, how it is passed on: "Food bank",
/// "Food bank: referral", "Food bank: referral, agreed? No".
pub fn partner_choice(
    lang: Language,
    name: &str,
    how: Option<PartnerHow>,
    needs_consent: bool,
    consent: Option<bool>,
) -> String {
    match lang {
        Language::English | Language::Welsh => match (how, needs_consent, consent) {
            (None, _, _) | (Some(PartnerHow::Signpost), _, _) => name.to_string(),
            (Some(PartnerHow::Referral), true, _)
            | (Some(PartnerHow::Referral), false, Some(_)) => {
                let answer = match consent {
                    Some(true) => "Yes",
                    Some(false) => "No",
                    None => "not asked",
                };
                format!("{name}: referral, agreed? {answer}")
            }
            (Some(PartnerHow::Referral), false, None) => format!("{name}: referral"),
        },
    }
}

/// An empty note, when it does not have focus.
pub fn empty_note(lang: Language) -> String {
    match lang {
        Language::English | Language::Welsh => "optional, no personal data".into(),
    }
}

/// How much of the note is used: " (12/500)".
pub fn note_length(lang: Language, chars: usize, max: usize) -> String {
    match lang {
        Language::English | Language::Welsh => format!(" ({chars}/{max})"),
    }
}

/// On the form's top border when it is scrolled: more fields are above.
pub fn more_above(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => " ↑ more above ",
    }
}

/// On the form's bottom border when more of it is below.
pub fn more_below(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => " ↓ more below ",
    }
}

/// Under the note when the last save found personal data in it.
pub fn personal_data_warning(lang: Language, kinds: &[PersonalData]) -> String {
    match lang {
        Language::English | Language::Welsh => format!(
            "! Looks like {}: no personal data, please.",
            privacy::describe(kinds)
        ),
    }
}

/// The form's own keys, as the face binds them.
pub struct FormKeys<'a> {
    pub first_outcome: &'a str,
    pub last_outcome: &'a str,
    pub next_field: &'a str,
    pub tick: &'a str,
    pub save: &'a str,
    pub discard: &'a str,
}

pub fn keys_line(lang: Language, keys: &FormKeys<'_>) -> String {
    match lang {
        Language::English | Language::Welsh => format!(
            "{}-{} outcome · {} next field · {} tick · {} save · {} discard",
            keys.first_outcome,
            keys.last_outcome,
            keys.next_field,
            keys.tick,
            keys.save,
            keys.discard
        ),
    }
}

pub fn outcome(lang: Language, outcome: Outcome) -> &'static str {
    match lang {
        Language::English | Language::Welsh => outcome.label(),
    }
}

pub fn online(lang: Language, answer: OnlineAnswer) -> &'static str {
    match lang {
        Language::English | Language::Welsh => answer.label(),
    }
}

pub fn reason(lang: Language, reason: ExclusionReason) -> &'static str {
    match lang {
        Language::English | Language::Welsh => reason.label(),
    }
}

pub fn feedback(lang: Language, feedback: Feedback) -> &'static str {
    match lang {
        Language::English | Language::Welsh => feedback.label(),
    }
}

/// Value or failure demand, short enough for the form's row.
pub fn demand(lang: Language, demand: Demand) -> &'static str {
    match lang {
        Language::English | Language::Welsh => match demand {
            Demand::Value => "Value",
            Demand::ChasingProgress => "Chasing",
            Demand::Clarification => "Clarifying",
            Demand::RepeatContact => "Repeat",
            Demand::WrongPlace => "Wrong place",
            Demand::AvailableElsewhere => "Info elsewhere",
        },
    }
}

/// How the resident was helped online, short enough for the form's row.
pub fn assisted(lang: Language, how: AssistedHow) -> &'static str {
    match lang {
        Language::English | Language::Welsh => match how {
            AssistedHow::DoneWithThem => "With them",
            AssistedHow::DoneForThem => "For them",
            AssistedHow::ShownAndReferred => "Shown + referred to skills",
        },
    }
}

/// Beside a field still unanswered, last time's answer for the same service and the key that
/// takes it: "last time: with them (l takes it)".
pub fn last_time(lang: Language, answer: &str, key: &str) -> String {
    match lang {
        Language::English => format!("last time: {answer} ({key} takes it)"),
        Language::Welsh => format!("y tro diwethaf: {answer} ({key} i'w gymryd)"),
    }
}
