//! The script screen's labels and sentences.

use super::Language;

/// Fixed labels of the script screen. Each says whose words follow, so the difference between
/// what the receptionist does and what the resident hears never rests on colour alone.
#[derive(serde::Serialize)]
pub struct ScriptLabels {
    /// Before the receptionist's instructions.
    pub for_you: &'static str,
    /// Before words to read out to the resident.
    pub say_to_resident: &'static str,
    pub question: &'static str,
    pub urgent: &'static str,
    pub call: &'static str,
    pub path: &'static str,
    pub end: &'static str,
    pub outcome: &'static str,
    pub services: &'static str,
    pub partners: &'static str,
    pub checklist: &'static str,
    pub missing: &'static str,
}

pub fn labels(lang: Language) -> &'static ScriptLabels {
    match lang {
        Language::Welsh => &ScriptLabels {
            for_you: "I chi: ",
            say_to_resident: "Dywedwch wrth y preswylydd: ",
            question: "Gofynnwch: ",
            urgent: "BRYS - gwnewch hyn nawr",
            call: "Ffoniwch, yn y drefn hon:",
            path: "Hyd yma: ",
            end: "Diwedd y sgript",
            outcome: "Canlyniad: ",
            services: "Gwasanaethau: ",
            partners: "Partneriaid: ",
            checklist: "Rhestr wirio:",
            missing: "Nid yw'r sgript hon yn y catalog; pwyswch Esc i fynd yn ôl.",
        },
        Language::English => &ScriptLabels {
            for_you: "For you: ",
            say_to_resident: "Say to the resident: ",
            question: "Ask: ",
            urgent: "URGENT - do this now",
            call: "Call, in this order:",
            path: "So far: ",
            end: "End of the script",
            outcome: "Outcome: ",
            services: "Services: ",
            partners: "Partners: ",
            checklist: "Checklist:",
            missing: "This script is not in the catalogue; press Esc to go back.",
        },
    }
}

/// The line that waits for an urgent node to be acknowledged: "Press Enter when you have done this."
pub fn acknowledge(lang: Language, key: &str) -> String {
    match lang {
        Language::English => {
            format!("Press {key} when you have done this; the options wait until then.")
        }
        Language::Welsh => {
            format!("Pwyswch {key} pan fyddwch wedi gwneud hyn; mae'r opsiynau'n aros tan hynny.")
        }
    }
}

/// The line under an end: "Press F2 to log the visit with these filled in."
pub fn log_from_end(lang: Language, key: &str) -> String {
    match lang {
        Language::English => format!("Press {key} to log the visit with these filled in."),
        Language::Welsh => {
            format!("Pwyswch {key} i gofnodi'r ymweliad gyda'r rhain wedi'u llenwi.")
        }
    }
}

/// The status when a number has no option: "There is no option 7 here; choose 1 to 3."
pub fn no_such_option(lang: Language, key: u8, count: usize) -> String {
    match lang {
        Language::English => format!("There is no option {key} here; choose 1 to {count}."),
        Language::Welsh => format!("Does dim opsiwn {key} yma; dewiswch 1 i {count}."),
    }
}

/// The status when an option is chosen before the urgent node is acknowledged.
pub fn acknowledge_first(lang: Language, key: &str) -> String {
    match lang {
        Language::English => {
            format!("This is urgent: do what it says, then press {key} before choosing.")
        }
        Language::Welsh => format!(
            "Mae hyn yn fater brys: gwnewch yr hyn y mae'n ei ddweud, yna pwyswch {key} cyn dewis."
        ),
    }
}

/// On a service's border: a script ends with this service.
pub fn script_found(lang: Language, title: &str, key: &str) -> String {
    match lang {
        Language::English => format!("Script: {title} (press {key} to walk it)"),
        Language::Welsh => format!("Sgript: {title} (pwyswch {key} i fynd drwyddi)"),
    }
}

/// Under a script in the search preview: "Starts with: Do you have somewhere safe ...".
pub fn starts_with(lang: Language) -> &'static str {
    match lang {
        Language::English => "Starts with: ",
        Language::Welsh => "Yn dechrau gyda: ",
    }
}

/// Under a script in the search preview: how to walk it.
pub fn walk_it(lang: Language, key: &str) -> String {
    match lang {
        Language::English => {
            format!("A guided script: press {key} to walk it, one question at a time.")
        }
        Language::Welsh => {
            format!("Sgript dywys: pwyswch {key} i fynd drwyddi, un cwestiwn ar y tro.")
        }
    }
}

/// The status when the log key is pressed mid-script.
pub fn walk_to_end(lang: Language) -> String {
    match lang {
        Language::English => {
            "Walk the script to its end first: the visit is filled in from there.".to_string()
        }
        Language::Welsh => {
            "Ewch drwy'r sgript i'w diwedd yn gyntaf: caiff yr ymweliad ei lenwi o'r fan honno."
                .to_string()
        }
    }
}

/// At a script's end that suggests a slip: what to do, with the key that previews it.
pub fn slip_worth_printing(lang: Language, key: &str) -> String {
    match lang {
        Language::English => {
            format!("A slip is worth printing for the resident: press {key}.")
        }
        Language::Welsh => {
            format!("Mae'n werth argraffu slip i'r preswylydd: pwyswch {key}.")
        }
    }
}

/// After the log key on a script (a search result): the walk is opened, since its end fills
/// the visit in.
pub fn walked_from_log(lang: Language, key: &str) -> String {
    match lang {
        Language::English => format!(
            "A script is walked before it is logged: answer its questions to the end, then press {key}."
        ),
        Language::Welsh => format!(
            "Mae sgript yn cael ei dilyn cyn ei chofnodi: atebwch ei chwestiynau i'r diwedd, yna pwyswch {key}."
        ),
    }
}

/// The script key on a service that no script logs.
pub fn no_script_for(lang: Language, service: &str) -> String {
    match lang {
        Language::English => format!("There is no guided script for {service}."),
        Language::Welsh => format!("Does dim sgript dywys ar gyfer {service}."),
    }
}

/// The script key where there is no service to walk a script for.
pub fn scripts_are_for_services(lang: Language) -> String {
    match lang {
        Language::English => {
            "Guided scripts are offered on a service: open one, or search for the script.".to_string()
        }
        Language::Welsh => {
            "Mae sgriptiau tywys yn cael eu cynnig ar wasanaeth: agorwch un, neu chwiliwch am y sgript.".to_string()
        }
    }
}
