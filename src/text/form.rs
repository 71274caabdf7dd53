//! The visit form's labels, choices and hints.

use super::Language;
use crate::catalogue::Access;
use crate::privacy::PersonalData;
use crate::visit::{
    AssistedHow, Demand, ExclusionReason, Feedback, OnlineAnswer, Outcome, PartnerHow,
};

/// The label of each field, short enough for the form's label column.
#[derive(serde::Serialize)]
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
        Language::Welsh => &FieldLabels {
            services: "Gwasanaethau",
            outcome: "Canlyniad",
            demand: "Galw",
            assisted: "Help ar-lein",
            partners: "Partneriaid",
            online: "Ar-lein?",
            reasons: "Rhesymau",
            feedback: "Adborth",
            note: "Nodyn",
        },
        Language::English => &FieldLabels {
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
        Language::English if editing => " Edit the visit ",
        Language::English => " Log the visit ",
        Language::Welsh if editing => " Golygu'r ymweliad ",
        Language::Welsh => " Cofnodi'r ymweliad ",
    }
}

/// At the top of the visit form filled in from a script's end:
/// "From script: Homeless or about to lose your home, path 2,1,1".
pub fn from_script(lang: Language, title: &str, path: &str) -> String {
    match lang {
        Language::English => format!("From script: {title}, path {path}"),
        Language::Welsh => format!("O'r sgript: {title}, llwybr {path}"),
    }
}

pub fn no_visit(lang: Language) -> &'static str {
    match lang {
        Language::English => "No visit is being logged.",
        Language::Welsh => "Does dim ymweliad yn cael ei gofnodi.",
    }
}

/// The services field before any service is on the visit.
pub fn no_services(lang: Language, log_key: &str) -> String {
    match lang {
        Language::English => format!("none yet: press Esc, find the service, press {log_key}"),
        Language::Welsh => {
            format!("dim eto: pwyswch Esc, dewch o hyd i'r gwasanaeth, pwyswch {log_key}")
        }
    }
}

/// After the services, while they have focus: how to give the selected service its own
/// outcome (a number key, or `toggle_key` to step through them).
pub fn service_outcome_hint(lang: Language, first: &str, last: &str, toggle_key: &str) -> String {
    match lang {
        Language::English => format!("({first}-{last} or {toggle_key}: this one's outcome)"),
        Language::Welsh => format!("({first}-{last} neu {toggle_key}: canlyniad yr un hwn)"),
    }
}

/// The partners field when the services suggest none.
pub fn no_partners(lang: Language, log_key: &str) -> String {
    match lang {
        Language::English => format!("none suggested ({log_key} on a partner adds it)"),
        Language::Welsh => {
            format!("dim wedi'u hawgrymu (mae {log_key} ar bartner yn ei ychwanegu)")
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
        Language::English => match (how, needs_consent, consent) {
            (Some(PartnerHow::Signpost), _, Some(agreed)) => {
                let answer = if agreed { "Yes" } else { "No" };
                format!("{name}: signpost, agreed? {answer}")
            }
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
        Language::Welsh => match (how, needs_consent, consent) {
            (Some(PartnerHow::Signpost), _, Some(agreed)) => {
                let answer = if agreed { "Ydy" } else { "Nac ydy" };
                format!("{name}: cyfeirio, wedi cytuno? {answer}")
            }
            (None, _, _) | (Some(PartnerHow::Signpost), _, _) => name.to_string(),
            (Some(PartnerHow::Referral), true, _)
            | (Some(PartnerHow::Referral), false, Some(_)) => {
                let answer = match consent {
                    Some(true) => "Ydy",
                    Some(false) => "Nac ydy",
                    None => "heb ofyn",
                };
                format!("{name}: atgyfeiriad, wedi cytuno? {answer}")
            }
            (Some(PartnerHow::Referral), false, None) => format!("{name}: atgyfeiriad"),
        },
    }
}

/// A partner on a visit of several services, with the service it was given for:
/// "Citizens Advice (for Council Tax)".
pub fn partner_for(lang: Language, partner: &str, service: &str) -> String {
    match lang {
        Language::English => format!("{partner} (for {service})"),
        Language::Welsh => format!("{partner} (ar gyfer {service})"),
    }
}

/// An empty note, when it does not have focus.
pub fn empty_note(lang: Language) -> String {
    match lang {
        Language::English => "optional, no personal data".into(),
        Language::Welsh => "dewisol, dim data personol".into(),
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
        Language::English => " ↑ more above ",
        Language::Welsh => " ↑ rhagor uwchben ",
    }
}

/// On the form's bottom border when more of it is below.
pub fn more_below(lang: Language) -> &'static str {
    match lang {
        Language::English => " ↓ more below ",
        Language::Welsh => " ↓ rhagor isod ",
    }
}

/// Under the note when the last save found personal data in it.
pub fn personal_data_warning(lang: Language, kinds: &[PersonalData]) -> String {
    match lang {
        Language::English => format!(
            "! Looks like {}: no personal data, please.",
            super::privacy::describe(lang, kinds)
        ),
        Language::Welsh => format!(
            "! Mae'n edrych fel {}: dim data personol, os gwelwch yn dda.",
            super::privacy::describe(lang, kinds)
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
        Language::Welsh => format!(
            "{}-{} canlyniad · {} maes nesaf · {} ticio · {} cadw · {} dileu",
            keys.first_outcome,
            keys.last_outcome,
            keys.next_field,
            keys.tick,
            keys.save,
            keys.discard
        ),
        Language::English => format!(
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
        Language::English => outcome.label(),
        Language::Welsh => match outcome {
            Outcome::Resolved => "Wedi'i ddatrys",
            Outcome::Signposted => "Wedi'i gyfeirio",
            Outcome::Referred => "Wedi'i atgyfeirio",
            Outcome::Appointment => "Apwyntiad wedi'i drefnu",
            Outcome::AssistedDigital => "Help i fynd ar-lein",
            Outcome::NotResolved => "Heb ei ddatrys",
        },
    }
}

pub fn online(lang: Language, answer: OnlineAnswer) -> &'static str {
    match lang {
        Language::English => answer.label(),
        Language::Welsh => match answer {
            OnlineAnswer::Yes => "Gallai",
            OnlineAnswer::No => "Na allai",
            OnlineAnswer::DontKnow => "Ddim yn gwybod",
        },
    }
}

pub fn reason(lang: Language, reason: ExclusionReason) -> &'static str {
    match lang {
        Language::English => reason.label(),
        Language::Welsh => match reason {
            ExclusionReason::NoDevice => "Dim dyfais",
            ExclusionReason::NoInternet => "Dim rhyngrwyd",
            ExclusionReason::NoSkills => "Dim sgiliau",
            ExclusionReason::NoConfidence => "Dim hyder",
            ExclusionReason::Language => "Iaith",
            ExclusionReason::Disability => "Anabledd",
            ExclusionReason::PrefersFaceToFace => "Ffafrio wyneb yn wyneb",
        },
    }
}

pub fn feedback(lang: Language, feedback: Feedback) -> &'static str {
    match lang {
        Language::English => feedback.label(),
        Language::Welsh => match feedback {
            Feedback::None => "Dim",
            Feedback::Compliment => "Canmoliaeth",
            Feedback::Complaint => "Cwyn",
            Feedback::Suggestion => "Awgrym",
        },
    }
}

/// Value or failure demand, short enough for the form's row.
pub fn demand(lang: Language, demand: Demand) -> &'static str {
    match lang {
        Language::Welsh => match demand {
            Demand::Value => "Gwerth",
            Demand::ChasingProgress => "Holi am hynt",
            Demand::Clarification => "Egluro",
            Demand::RepeatContact => "Cysylltu eto",
            Demand::WrongPlace => "Lle anghywir",
            Demand::AvailableElsewhere => "Gwybodaeth mewn man arall",
        },
        Language::English => match demand {
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
        Language::Welsh => match how {
            AssistedHow::DoneWithThem => "Gyda nhw",
            AssistedHow::DoneForThem => "Drostyn nhw",
            AssistedHow::ShownAndReferred => "Dangos + cyfeirio at sgiliau",
        },
        Language::English => match how {
            AssistedHow::DoneWithThem => "With them",
            AssistedHow::DoneForThem => "For them",
            AssistedHow::ShownAndReferred => "Shown + referred to skills",
        },
    }
}

/// How a partner can be reached ("walk in", "phone"), for its details.
pub fn access(lang: Language, access: Access) -> &'static str {
    match lang {
        Language::English => access.label(),
        Language::Welsh => match access {
            Access::WalkIn => "galw heibio",
            Access::Phone => "ffôn",
            Access::Online => "ar-lein",
            Access::Referral => "atgyfeiriad",
            Access::Appointment => "apwyntiad",
        },
    }
}

/// The label of a word the visit log stores ("chasing-progress", "no-device"), as the report
/// shows it in `lang`; `None` for a word that is none of the visit's choices, and in English,
/// where the report shows the stored word itself, as its JSON and CSV do.
pub fn code_label(lang: Language, code: &str) -> Option<&'static str> {
    use std::str::FromStr;
    if lang == Language::English {
        return None;
    }
    if let Ok(o) = Outcome::from_str(code) {
        return Some(outcome(lang, o));
    }
    if let Ok(d) = Demand::from_str(code) {
        return Some(demand(lang, d));
    }
    if let Ok(a) = AssistedHow::from_str(code) {
        return Some(assisted(lang, a));
    }
    if let Ok(r) = ExclusionReason::from_str(code) {
        return Some(reason(lang, r));
    }
    if let Ok(f) = Feedback::from_str(code) {
        return Some(feedback(lang, f));
    }
    if let Ok(a) = OnlineAnswer::from_str(code) {
        return Some(online(lang, a));
    }
    None
}

/// Beside a field still unanswered, last time's answer for the same service and the key that
/// takes it: "last time: with them (l takes it)".
pub fn last_time(lang: Language, answer: &str, key: &str) -> String {
    match lang {
        Language::English => format!("last time: {answer} ({key} takes it)"),
        Language::Welsh => format!("y tro diwethaf: {answer} ({key} i'w gymryd)"),
    }
}
