//! The desk's status-bar sentences. Key names arrive already named ("F2"), as the face binds them.

use super::Language;
use crate::privacy::PersonalData;
use crate::visit::DraftIncomplete;

pub fn visit_saved(lang: Language, services: &str, today: usize) -> String {
    match lang {
        Language::English => format!("Visit saved: {services}. {today} today at this desk."),
        Language::Welsh => format!(
            "Ymweliad wedi'i gadw: {services}. {} heddiw wrth y ddesg hon.",
            super::welsh::visits(today)
        ),
    }
}

pub fn visit_updated(lang: Language) -> String {
    match lang {
        Language::English => "Visit updated.".into(),
        Language::Welsh => "Ymweliad wedi'i ddiweddaru.".into(),
    }
}

pub fn visit_undone(lang: Language) -> String {
    match lang {
        Language::English => "Visit undone: it is no longer in the log.".into(),
        Language::Welsh => "Ymweliad wedi'i ddadwneud: nid yw yn y cofnod mwyach.".into(),
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
        Language::English => format!(
            "Undo the visit at {time} ({services})? Press {undo_key} again to delete it from the log, {back_key} to keep it."
        ),
        Language::Welsh => format!(
            "Dadwneud yr ymweliad am {time} ({services})? Pwyswch {undo_key} eto i'w ddileu o'r cofnod, {back_key} i'w gadw."
        ),
    }
}

/// The receptionist kept the visit they were asked about.
pub fn undo_kept(lang: Language) -> String {
    match lang {
        Language::English => "Kept: nothing was undone.".into(),
        Language::Welsh => "Wedi'i gadw: ni chafodd dim ei ddadwneud.".into(),
    }
}

/// Leaving an edit with changes: asked once.
pub fn save_edit_question(lang: Language, save_key: &str, back_key: &str) -> String {
    match lang {
        Language::English => format!(
            "Save the changes to this visit? {save_key} saves them, {back_key} again drops them."
        ),
        Language::Welsh => format!(
            "Cadw'r newidiadau i'r ymweliad hwn? Mae {save_key} yn eu cadw, mae {back_key} eto yn eu gollwng."
        ),
    }
}

/// An edit left without saving.
pub fn edit_dropped(lang: Language) -> String {
    match lang {
        Language::English => "Edit dropped: the visit is unchanged in the log.".into(),
        Language::Welsh => {
            "Golygiad wedi'i ollwng: nid yw'r ymweliad wedi newid yn y cofnod.".into()
        }
    }
}

/// After the store's own sentence about why a save failed.
pub fn save_failed(lang: Language, problem: &str, save_key: &str) -> String {
    match lang {
        Language::English => format!(
            "{problem} The visit is kept as a draft: press {save_key} on the form to try again."
        ),
        Language::Welsh => format!(
            "{problem} Mae'r ymweliad wedi'i gadw fel drafft: pwyswch {save_key} ar y ffurflen i roi cynnig arall arni."
        ),
    }
}

/// A draft left by a window that stopped; `editing` when it is an edit of a logged visit.
pub fn draft_restored(lang: Language, log_key: &str, editing: bool) -> String {
    match lang {
        Language::English if editing => {
            format!("A visit from before was not saved. Press {log_key} to finish editing it.")
        }
        Language::English => {
            format!("A visit from before was not saved. Press {log_key} to finish it.")
        }
        Language::Welsh if editing => {
            format!("Ni chafodd ymweliad blaenorol ei gadw. Pwyswch {log_key} i orffen ei olygu.")
        }
        Language::Welsh => {
            format!("Ni chafodd ymweliad blaenorol ei gadw. Pwyswch {log_key} i'w orffen.")
        }
    }
}

/// After the store's own sentence about why the draft could not be kept.
pub fn draft_not_kept(lang: Language, problem: &str) -> String {
    match lang {
        Language::English => format!("{problem} The visit stays on screen until it is saved."),
        Language::Welsh => {
            format!("{problem} Mae'r ymweliad yn aros ar y sgrin nes iddo gael ei gadw.")
        }
    }
}

pub fn finish_visit_first(lang: Language, log_key: &str) -> String {
    match lang {
        Language::English => {
            format!("Save or discard the visit being logged first ({log_key} opens it).")
        }
        Language::Welsh => format!(
            "Cadwch neu ddilëwch yr ymweliad sy'n cael ei gofnodi yn gyntaf ({log_key} sy'n ei agor)."
        ),
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

/// After the slip's language is switched on the slip screen: "The slip is in Welsh and English.".
pub fn slip_language(lang: Language, languages: &[Language]) -> String {
    let names: Vec<&str> = languages
        .iter()
        .map(|l| match (lang, l) {
            (Language::English, Language::English) => "English",
            (Language::English, Language::Welsh) => "Welsh",
            (Language::Welsh, Language::English) => "Saesneg",
            // After "yn": "yn Gymraeg".
            (Language::Welsh, Language::Welsh) => "Gymraeg",
        })
        .collect();
    match lang {
        Language::English => format!("The slip is in {}.", names.join(" and ")),
        Language::Welsh => format!("Mae'r slip yn {}.", names.join(" a ")),
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
        Language::English => "Draft discarded.".into(),
        Language::Welsh => "Drafft wedi'i ddileu.".into(),
    }
}

/// The note holds personal data; `redact_key` removes it and saves.
pub fn personal_data(lang: Language, kinds: &[PersonalData], redact_key: &str) -> String {
    match lang {
        Language::English => format!(
            "The note looks like it holds {}. Press {redact_key} to remove it and save, or edit the note.",
            super::privacy::describe(lang, kinds)
        ),
        Language::Welsh => format!(
            "Mae'n ymddangos bod y nodyn yn cynnwys {}. Pwyswch {redact_key} i'w dynnu a chadw, neu golygwch y nodyn.",
            super::privacy::describe(lang, kinds)
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
    let kinds = super::privacy::describe(lang, kinds);
    match lang {
        Language::English => {
            let (field, instead) = match label {
                crate::visit::Label::Desk => ("desk name", "the desk's own name"),
                crate::visit::Label::Staff => ("staff initials", "initials only"),
            };
            format!(
                "The {field} looks like it holds {kinds}; set {instead} in the config file or with --desk and --staff, with no personal data."
            )
        }
        Language::Welsh => {
            let (field, instead) = match label {
                crate::visit::Label::Desk => ("enw'r ddesg", "enw'r ddesg ei hun"),
                crate::visit::Label::Staff => {
                    ("blaenlythrennau'r staff", "blaenlythrennau yn unig")
                }
            };
            format!(
                "Mae'n ymddangos bod {field} yn cynnwys {kinds}; rhowch {instead} yn y ffeil ffurfweddu neu gyda --desk a --staff, heb ddata personol."
            )
        }
    }
}

/// No outcome chosen; `first` and `last` are the keys of the first and last outcome.
pub fn choose_outcome(lang: Language, first: &str, last: &str) -> String {
    match lang {
        Language::English => {
            format!("Choose an outcome first: press a number from {first} to {last}.")
        }
        Language::Welsh => {
            format!("Dewiswch ganlyniad yn gyntaf: pwyswch rif o {first} i {last}.")
        }
    }
}

pub fn add_a_service(lang: Language, back_key: &str, log_key: &str) -> String {
    match lang {
        Language::English => format!(
            "Add at least one service: press {back_key}, find it, and press {log_key} again."
        ),
        Language::Welsh => format!(
            "Ychwanegwch o leiaf un gwasanaeth: pwyswch {back_key}, dewch o hyd iddo, a phwyswch {log_key} eto."
        ),
    }
}

/// A service on the visit is not in the catalogue (it was removed, or the draft is older).
pub fn unknown_service(lang: Language, id: &str, remove_key: &str) -> String {
    match lang {
        Language::English => format!(
            "'{id}' is not a service in the catalogue: select it under Services, press {remove_key} to remove it, and add the right one."
        ),
        Language::Welsh => format!(
            "Nid yw '{id}' yn wasanaeth yn y catalog: dewiswch ef yn y maes Gwasanaethau, pwyswch {remove_key} i'w dynnu, ac ychwanegwch yr un cywir."
        ),
    }
}

/// A partner on the visit is not in the catalogue.
pub fn unknown_partner(lang: Language, id: &str, toggle_key: &str) -> String {
    match lang {
        Language::English => format!(
            "'{id}' is not a partner in the catalogue: select it under Partners and press {toggle_key} to untick it."
        ),
        Language::Welsh => format!(
            "Nid yw '{id}' yn bartner yn y catalog: dewiswch ef yn y maes Partneriaid a phwyswch {toggle_key} i ddad-dicio."
        ),
    }
}

/// A referral that needs the resident's agreement, not yet asked.
pub fn consent_not_asked(lang: Language, partner: &str, toggle_key: &str) -> String {
    match lang {
        Language::English => format!(
            "Has the resident agreed to the referral to {partner}? Select it under Partners and press {toggle_key} to record the answer."
        ),
        Language::Welsh => format!(
            "A yw'r preswylydd wedi cytuno i'r atgyfeiriad at {partner}? Dewiswch ef yn y maes Partneriaid a phwyswch {toggle_key} i gofnodi'r ateb."
        ),
    }
}

/// Anything else a save needs first.
pub fn before_saving(lang: Language, incomplete: &DraftIncomplete) -> String {
    match lang {
        Language::English => format!("Before saving, {incomplete}."),
        Language::Welsh => {
            let what = match incomplete {
                DraftIncomplete::NoOutcome => "dewiswch ganlyniad".to_string(),
                DraftIncomplete::NoService => "ychwanegwch o leiaf un gwasanaeth".to_string(),
                DraftIncomplete::NoDesk => "rhowch enw'r ddesg".to_string(),
                DraftIncomplete::NoteTooLong { chars, max } => {
                    format!("byrhewch y nodyn i {max} nod neu lai (mae ganddo {chars})")
                }
            };
            format!("Cyn cadw, {what}.")
        }
    }
}

pub fn saving(lang: Language) -> String {
    match lang {
        Language::English => "Saving…".into(),
        Language::Welsh => "Yn cadw…".into(),
    }
}

pub fn no_visits_today(lang: Language) -> String {
    match lang {
        Language::English => "No visits today yet.".into(),
        Language::Welsh => "Dim ymweliadau heddiw eto.".into(),
    }
}

/// The visit that started at `time` was saved more than `minutes` ago.
pub fn too_old_to_change(lang: Language, time: &str, minutes: i64) -> String {
    match lang {
        Language::English => format!(
            "The visit at {time} was saved more than {minutes} minutes ago; it can no longer be changed."
        ),
        Language::Welsh => format!(
            "Cafodd yr ymweliad am {time} ei gadw fwy na {minutes} munud yn ôl; ni ellir ei newid mwyach."
        ),
    }
}

/// The slip key where there is nothing to put on a slip.
pub fn nothing_for_a_slip(lang: Language) -> String {
    match lang {
        Language::English => {
            "Open a partner or a service, or walk a script to its end, to make a slip.".to_string()
        }
        Language::Welsh => {
            "Agorwch bartner neu wasanaeth, neu ewch drwy sgript i'w diwedd, i wneud slip."
                .to_string()
        }
    }
}

/// While a slip is being printed or saved.
pub fn slip_on_its_way(lang: Language, printing: bool) -> String {
    match lang {
        Language::English if printing => "Printing the slip...".to_string(),
        Language::English => "Saving the slip...".to_string(),
        Language::Welsh if printing => "Yn argraffu'r slip...".to_string(),
        Language::Welsh => "Yn cadw'r slip...".to_string(),
    }
}

pub fn slip_printed(lang: Language, path: &str) -> String {
    match lang {
        Language::English => format!("Slip sent to the printer; a copy is in {path}"),
        Language::Welsh => format!("Anfonwyd y slip i'r argraffydd; mae copi yn {path}"),
    }
}

pub fn slip_saved(lang: Language, path: &str) -> String {
    match lang {
        Language::English => format!("Slip saved: {path}"),
        Language::Welsh => format!("Slip wedi'i gadw: {path}"),
    }
}

pub fn slip_no_printer(lang: Language, path: &str) -> String {
    match lang {
        Language::English => format!(
            "No print command is set (print_command in the config file), so the slip is saved: {path}"
        ),
        Language::Welsh => format!(
            "Does dim gorchymyn argraffu wedi'i osod (print_command yn y ffeil ffurfweddu), felly mae'r slip wedi'i gadw: {path}"
        ),
    }
}

pub fn slip_not_printed(lang: Language, problem: &str, path: &str) -> String {
    match lang {
        Language::English => {
            format!("The slip did not print ({problem}); it is saved instead: {path}")
        }
        Language::Welsh => {
            format!(
                "Ni chafodd y slip ei argraffu ({problem}); mae wedi'i gadw yn lle hynny: {path}"
            )
        }
    }
}

pub fn slip_not_saved(lang: Language, problem: &str) -> String {
    match lang {
        Language::English => format!("The slip could not be saved: {problem}."),
        Language::Welsh => format!("Nid oedd modd cadw'r slip: {problem}."),
    }
}

/// On the form, a referral to a partner that needs the resident's agreement: the question,
/// the answer recorded so far, and the key that changes it.
pub fn consent_question(lang: Language, partner: &str, agreed: bool, key: &str) -> String {
    match lang {
        Language::Welsh => {
            let (answer, next) = if agreed {
                ("Ydy", "am gyfeirio y cytunodd y preswylydd iddo")
            } else {
                ("Nac ydy", "am Ydy")
            };
            format!(
                "A yw'r preswylydd wedi cytuno i'r atgyfeiriad at {partner}? Wedi'i gofnodi: {answer}. Pwyswch {key} {next}."
            )
        }
        Language::English => {
            let (answer, next) = if agreed {
                ("Yes", "for a signpost the resident agreed to")
            } else {
                ("No", "for Yes")
            };
            format!(
                "Has the resident agreed to the referral to {partner}? Recorded: {answer}. Press {key} {next}."
            )
        }
    }
}

/// On the form, a signpost the resident agreed to (for a partner that asks for agreement): what
/// is recorded, and the key that takes the partner off the visit.
pub fn signpost_consent(lang: Language, partner: &str, key: &str) -> String {
    match lang {
        Language::Welsh => format!(
            "Cytunodd y preswylydd i'r cyfeirio at {partner}. Pwyswch {key} i dynnu'r partner oddi ar yr ymweliad."
        ),
        Language::English => format!(
            "The resident agreed to the signpost to {partner}. Press {key} to take the partner off the visit."
        ),
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
        Language::English => format!("{program} stopped with {status}"),
        Language::Welsh => format!("daeth {program} i ben gyda {status}"),
    }
}

/// Why a print failed: the command could not be started.
pub fn print_command_not_run(lang: Language, program: &str, error: &str) -> String {
    match lang {
        Language::English => format!("cannot run {program}: {error}"),
        Language::Welsh => format!("ni ellir rhedeg {program}: {error}"),
    }
}
