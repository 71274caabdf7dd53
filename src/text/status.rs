//! The desk's status-bar sentences. Key names arrive already named ("F2"), as the face binds them.

use super::Language;
use crate::privacy::{self, PersonalData};
use crate::visit::DraftIncomplete;

pub fn visit_saved(lang: Language, services: &str, today: usize) -> String {
    match lang {
        Language::English | Language::Welsh => {
            format!("Visit saved: {services}. {today} today at this desk.")
        }
    }
}

pub fn visit_updated(lang: Language) -> String {
    match lang {
        Language::English | Language::Welsh => "Visit updated.".into(),
    }
}

pub fn visit_undone(lang: Language) -> String {
    match lang {
        Language::English | Language::Welsh => "Visit undone: it is no longer in the log.".into(),
    }
}

/// Asked once before a visit is undone: "Undo the visit at 10:12 (Bulky waste collection)?".
pub fn undo_question(
    lang: Language,
    time: &str,
    services: &str,
    undo_key: &str,
    back_key: &str,
) -> String {
    match lang {
        Language::English | Language::Welsh => format!(
            "Undo the visit at {time} ({services})? Press {undo_key} again to delete it from the log, {back_key} to keep it."
        ),
    }
}

/// The receptionist kept the visit they were asked about.
pub fn undo_kept(lang: Language) -> String {
    match lang {
        Language::English | Language::Welsh => "Kept: nothing was undone.".into(),
    }
}

/// Leaving an edit with changes: asked once.
pub fn save_edit_question(lang: Language, save_key: &str, back_key: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!(
            "Save the changes to this visit? {save_key} saves them, {back_key} again drops them."
        ),
    }
}

/// An edit left without saving.
pub fn edit_dropped(lang: Language) -> String {
    match lang {
        Language::English | Language::Welsh => {
            "Edit dropped: the visit is unchanged in the log.".into()
        }
    }
}

/// After the store's own sentence about why a save failed.
pub fn save_failed(lang: Language, problem: &str, save_key: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!(
            "{problem} The visit is kept as a draft: press {save_key} on the form to try again."
        ),
    }
}

/// A draft left by a window that stopped; `editing` when it is an edit of a logged visit.
pub fn draft_restored(lang: Language, log_key: &str, editing: bool) -> String {
    match lang {
        Language::English | Language::Welsh if editing => {
            format!("A visit from before was not saved. Press {log_key} to finish editing it.")
        }
        Language::English | Language::Welsh => {
            format!("A visit from before was not saved. Press {log_key} to finish it.")
        }
    }
}

/// After the store's own sentence about why the draft could not be kept.
pub fn draft_not_kept(lang: Language, problem: &str) -> String {
    match lang {
        Language::English | Language::Welsh => {
            format!("{problem} The visit stays on screen until it is saved.")
        }
    }
}

pub fn finish_visit_first(lang: Language, log_key: &str) -> String {
    match lang {
        Language::English | Language::Welsh => {
            format!("Save or discard the visit being logged first ({log_key} opens it).")
        }
    }
}

pub fn new_resident(lang: Language) -> String {
    match lang {
        Language::English => "New resident: the visit timer has started.".into(),
        Language::Welsh => "Preswylydd newydd: mae amserydd yr ymweliad wedi dechrau.".into(),
    }
}

/// After the resident's language is switched: what the resident screen and the slip show now.
pub fn resident_language(lang: Language, welsh: bool) -> String {
    match (lang, welsh) {
        (Language::English, true) => {
            "The resident's language is Welsh: the resident screen and the slip show Welsh.".into()
        }
        (Language::English, false) => "The resident's language is English.".into(),
        (Language::Welsh, true) => {
            "Iaith y preswylydd yw Cymraeg: mae sgrin y preswylydd a'r slip yn dangos Cymraeg."
                .into()
        }
        (Language::Welsh, false) => "Iaith y preswylydd yw Saesneg.".into(),
    }
}

/// Discard asked for with no visit being logged.
pub fn nothing_to_discard(lang: Language) -> String {
    match lang {
        Language::English => "There is no visit being logged to discard.".into(),
        Language::Welsh => "Does dim ymweliad yn cael ei gofnodi i'w daflu.".into(),
    }
}

pub fn draft_discarded(lang: Language) -> String {
    match lang {
        Language::English | Language::Welsh => "Draft discarded.".into(),
    }
}

/// The note holds personal data; `redact_key` removes it and saves.
pub fn personal_data(lang: Language, kinds: &[PersonalData], redact_key: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!(
            "The note looks like it holds {}. Press {redact_key} to remove it and save, or edit the note.",
            privacy::describe(kinds)
        ),
    }
}

/// The desk name or the staff initials hold personal data (set in the config file, the
/// environment or a flag).
pub fn personal_data_in_label(
    lang: Language,
    label: crate::visit::Label,
    kinds: &[PersonalData],
) -> String {
    let (field, instead) = match label {
        crate::visit::Label::Desk => ("desk name", "the desk's own name"),
        crate::visit::Label::Staff => ("staff initials", "initials only"),
    };
    match lang {
        Language::English | Language::Welsh => format!(
            "The {field} looks like it holds {}; set {instead} in the config file or with --desk and --staff, with no personal data.",
            privacy::describe(kinds)
        ),
    }
}

/// No outcome chosen; `first` and `last` are the keys of the first and last outcome.
pub fn choose_outcome(lang: Language, first: &str, last: &str) -> String {
    match lang {
        Language::English | Language::Welsh => {
            format!("Choose an outcome first: press a number from {first} to {last}.")
        }
    }
}

pub fn add_a_service(lang: Language, back_key: &str, log_key: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!(
            "Add at least one service: press {back_key}, find it, and press {log_key} again."
        ),
    }
}

/// A service on the visit is not in the catalogue (it was removed, or the draft is older).
pub fn unknown_service(lang: Language, id: &str, remove_key: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!(
            "'{id}' is not a service in the catalogue: select it under Services, press {remove_key} to remove it, and add the right one."
        ),
    }
}

/// A partner on the visit is not in the catalogue.
pub fn unknown_partner(lang: Language, id: &str, toggle_key: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!(
            "'{id}' is not a partner in the catalogue: select it under Partners and press {toggle_key} to untick it."
        ),
    }
}

/// A referral that needs the resident's agreement, not yet asked.
pub fn consent_not_asked(lang: Language, partner: &str, toggle_key: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!(
            "Has the resident agreed to the referral to {partner}? Select it under Partners and press {toggle_key} to record the answer."
        ),
    }
}

/// Anything else a save needs first.
pub fn before_saving(lang: Language, incomplete: &DraftIncomplete) -> String {
    match lang {
        Language::English | Language::Welsh => format!("Before saving, {incomplete}."),
    }
}

pub fn saving(lang: Language) -> String {
    match lang {
        Language::English | Language::Welsh => "Saving…".into(),
    }
}

pub fn no_visits_today(lang: Language) -> String {
    match lang {
        Language::English | Language::Welsh => "No visits today yet.".into(),
    }
}

/// The visit that started at `time` was saved more than `minutes` ago.
pub fn too_old_to_change(lang: Language, time: &str, minutes: i64) -> String {
    match lang {
        Language::English | Language::Welsh => format!(
            "The visit at {time} was saved more than {minutes} minutes ago; it can no longer be changed."
        ),
    }
}

/// The slip key where there is nothing to put on a slip.
pub fn nothing_for_a_slip(lang: Language) -> String {
    match lang {
        Language::English | Language::Welsh => {
            "Open a partner or a service, or walk a script to its end, to make a slip.".to_string()
        }
    }
}

/// While a slip is being printed or saved.
pub fn slip_on_its_way(lang: Language, printing: bool) -> String {
    match lang {
        Language::English if printing => "Printing the slip...".to_string(),
        Language::English | Language::Welsh => "Saving the slip...".to_string(),
    }
}

pub fn slip_printed(lang: Language, path: &str) -> String {
    match lang {
        Language::English | Language::Welsh => {
            format!("Slip sent to the printer; a copy is in {path}")
        }
    }
}

pub fn slip_saved(lang: Language, path: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!("Slip saved: {path}"),
    }
}

pub fn slip_no_printer(lang: Language, path: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!(
            "No print command is set (print_command in the config file), so the slip is saved: {path}"
        ),
    }
}

pub fn slip_not_printed(lang: Language, problem: &str, path: &str) -> String {
    match lang {
        Language::English | Language::Welsh => {
            format!("The slip did not print ({problem}); it is saved instead: {path}")
        }
    }
}

pub fn slip_not_saved(lang: Language, problem: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!("The slip could not be saved: {problem}."),
    }
}

/// On the form, a referral to a partner that needs the resident's agreement: the question,
/// the answer recorded so far, and the key that changes it.
pub fn consent_question(lang: Language, partner: &str, agreed: bool, key: &str) -> String {
    match lang {
        Language::English | Language::Welsh => {
            let (answer, next) = if agreed {
                ("Yes", "to take the partner off the visit")
            } else {
                ("No", "for Yes")
            };
            format!(
                "Has the resident agreed to the referral to {partner}? Recorded: {answer}. Press {key} {next}."
            )
        }
    }
}

/// Why a print failed: the first line the print command wrote ("lp: no default destination").
pub fn print_command_said(lang: Language, program: &str, line: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!("{program}: {line}"),
    }
}

/// Why a print failed: the command stopped without saying why.
pub fn print_command_stopped(lang: Language, program: &str, status: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!("{program} stopped with {status}"),
    }
}

/// Why a print failed: the command could not be started.
pub fn print_command_not_run(lang: Language, program: &str, error: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!("cannot run {program}: {error}"),
    }
}
