//! The accessible mode's sentences: plain lines for a screen reader, each command a word the
//! receptionist types. Commands are quoted ('log') so they read apart from the words around them.

use super::Language;

/// The words typed as commands. One list, so the help lines and the parser cannot disagree.
#[derive(serde::Serialize)]
pub struct Words {
    pub help: &'static str,
    pub quit: &'static str,
    pub back: &'static str,
    pub log: &'static str,
    pub today: &'static str,
    pub new: &'static str,
    pub find: &'static str,
    pub more: &'static str,
    pub again: &'static str,
    pub show: &'static str,
    pub script: &'static str,
    pub done: &'static str,
    pub save: &'static str,
    pub redact: &'static str,
    pub discard: &'static str,
    pub clear: &'static str,
    pub remove: &'static str,
    pub undo: &'static str,
    pub edit: &'static str,
    pub yes: &'static str,
    pub slip: &'static str,
    pub print: &'static str,
    pub report: &'static str,
    pub week: &'static str,
    pub month: &'static str,
    pub earlier: &'static str,
    pub later: &'static str,
    pub longer: &'static str,
    pub shorter: &'static str,
    pub all: &'static str,
    pub note: &'static str,
    /// The resident's language (on the slip: the slip's, English, Welsh or both).
    pub language: &'static str,
    pub last: &'static str,
    /// Between a partner's number and a service's: "2 for 1" gives partner 2 to service 1.
    pub for_service: &'static str,
    /// Book an appointment (at a service, a partner or a script's end).
    pub book: &'static str,
    /// 'cancel REF': cancel a booking by its reference.
    pub cancel: &'static str,
    /// No needs at a booking.
    pub none: &'static str,
}

pub fn words(lang: Language) -> &'static Words {
    match lang {
        Language::Welsh => &Words {
            help: "help",
            quit: "gadael",
            back: "nôl",
            log: "cofnodi",
            today: "heddiw",
            new: "newydd",
            find: "chwilio",
            more: "rhagor",
            again: "eto",
            show: "dangos",
            script: "sgript",
            done: "gwnaed",
            save: "cadw",
            redact: "cuddio",
            discard: "dileu",
            clear: "clirio",
            remove: "tynnu",
            undo: "dadwneud",
            edit: "golygu",
            yes: "ie",
            slip: "slip",
            print: "argraffu",
            report: "adroddiad",
            week: "wythnos",
            month: "mis",
            earlier: "cynt",
            later: "wedyn",
            longer: "hirach",
            shorter: "byrrach",
            all: "pob",
            note: "nodyn",
            language: "iaith",
            last: "diwethaf",
            for_service: "ar",
            book: "trefnu",
            cancel: "canslo",
            none: "dim",
        },
        Language::English => &Words {
            help: "help",
            quit: "quit",
            back: "back",
            log: "log",
            today: "today",
            new: "new",
            find: "find",
            more: "more",
            again: "again",
            show: "show",
            script: "script",
            done: "done",
            save: "save",
            redact: "redact",
            discard: "discard",
            clear: "clear",
            remove: "remove",
            undo: "undo",
            edit: "edit",
            yes: "yes",
            slip: "slip",
            print: "print",
            report: "report",
            week: "week",
            month: "month",
            earlier: "earlier",
            later: "later",
            longer: "longer",
            shorter: "shorter",
            all: "all",
            note: "note",
            language: "language",
            last: "last",
            for_service: "for",
            book: "book",
            cancel: "cancel",
            none: "none",
        },
    }
}

/// A command word as sentences name it: 'log'.
pub fn quoted(word: &str) -> String {
    format!("'{word}'")
}

/// On a visit of several services, how to give a partner to one of them: "2 for 1".
pub fn partner_service_hint(lang: Language, services: &str) -> String {
    match lang {
        Language::Welsh => format!(
            "Mae rhif partner, 'ar' a rhif gwasanaeth yn ei roi i'r gwasanaeth hwnnw, e.e. 2 ar 1 ({services})."
        ),
        Language::English => format!(
            "A partner's number, 'for' and a service's number gives it to that service, e.g. 2 for 1 ({services})."
        ),
    }
}

/// How the desk's sentences name the key that ticks a choice in this mode: "its number".
pub fn its_number(lang: Language) -> &'static str {
    match lang {
        Language::English => "its number",
        Language::Welsh => "ei rif",
    }
}

/// Which prompt a help line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Prompt {
    Search,
    Detail,
    ShowResident,
    Script,
    Form,
    Note,
    Today,
    Slip,
    Report,
    Booking,
    /// Today's appointments and the waiting list.
    Waiting,
}

/// The commands of one prompt, as one line.
pub fn help(lang: Language, prompt: Prompt) -> &'static str {
    match lang {
        Language::Welsh => match prompt {
            Prompt::Search => {
                "Teipiwch eiriau i chwilio, rhif i agor canlyniad (mae sgript dywys yn agor ar ei chwestiwn cyntaf), 'rhagor' am ragor o ganlyniadau, 'cofnodi' i gofnodi'r ymweliad hwn, 'heddiw', 'adroddiad' am ffigurau'r ddesg hon, 'newydd' am breswylydd newydd, 'iaith' i newid iaith y preswylydd rhwng Saesneg a Chymraeg, 'nodyn' am nodyn yr ymweliad sy'n cael ei gofnodi, 'dileu' i ollwng yr ymweliad hwnnw, 'eto' i glywed hyn eto, 'help', 'gadael'. I chwilio am air gorchymyn, teipiwch 'chwilio' yn gyntaf: chwilio help gyda rhent."
            }
            Prompt::Detail => {
                "Teipiwch rif i agor dolen, 'dangos' i ddangos i'r preswylydd, 'slip' am slip y preswylydd, 'sgript' i fynd drwy'r sgript a gynigir, 'trefnu' i drefnu apwyntiad, 'canslo' a chyfeirnod i ganslo apwyntiad, 'cofnodi' i gofnodi'r ymweliad hwn, 'iaith' i newid iaith y preswylydd, 'nôl', 'heddiw', 'eto', 'help', 'gadael'."
            }
            Prompt::ShowResident => {
                "Teipiwch 'cofnodi' i gofnodi'r ymweliad hwn, 'nôl', 'eto', 'help', 'gadael'."
            }
            Prompt::Script => {
                "Teipiwch rif opsiwn, 'gwnaed' pan fydd cam brys wedi'i wneud, 'nôl' am y cwestiwn blaenorol (ar y dechrau mae'n gadael y sgript), 'cofnodi' ar y diwedd i gofnodi'r ymweliad, 'slip' ar y diwedd am slip y preswylydd, 'trefnu' ar y diwedd i drefnu apwyntiad, 'eto', 'help', 'gadael'."
            }
            Prompt::Form => {
                "Teipiwch rif dewis, neu sawl rhif i'w ticio neu eu dad-dicio; pwyswch Enter i gadw'r hyn sydd yno; mae 'cadw' yn cadw'r ymweliad nawr, mae 'nôl' yn mynd i'r maes blaenorol, mae 'nodyn' yn mynd yn syth at y nodyn, mae 'iaith' yn newid iaith y preswylydd, mae 'dileu' yn gollwng yr ymweliad, 'slip' am slip y preswylydd ar gyfer yr ymweliad hwn, 'eto', 'help'."
            }
            Prompt::Note => {
                "Teipiwch y nodyn (dim enwau, cyfeiriadau, rhifau ffôn na dyddiadau geni); pwyswch Enter i'w gadw; mae 'clirio' yn ei wagio; mae 'cuddio' yn tynnu data personol ac yn cadw; 'cadw', 'nôl', 'dileu', 'help'."
            }
            Prompt::Booking => {
                "Teipiwch rif slot i'w ddewis, 'rhagor' (neu 'mwy') am y naw slot rhydd nesaf a 'cynt' am y rhai cyn y rhain; yna'r anghenion wedi'u gwahanu gan gomas neu 'dim', ac 'ie' i'w drefnu; 'argraffu' neu 'cadw' am slip apwyntiad y preswylydd; 'canslo' a chyfeirnod i ganslo apwyntiad; 'nôl', 'cofnodi', 'eto', 'help', 'gadael'."
            }
            Prompt::Report => {
                "Teipiwch 'heddiw', 'wythnos' neu 'mis' am y cyfnod hwnnw, 'cynt' neu 'wedyn' i'w symud, 'hirach' neu 'byrrach' i'w newid o ddiwrnod, 'pob' am ffigurau pob desg ac yn ôl (lle mae gweinydd yr adroddiadau wedi'i osod), 'cadw' ac enw ffeil i gadw'r adroddiad cyfan (mae gan wythnos.html siartiau; .csv, .json neu .txt), 'nôl', 'eto', 'help', 'gadael'."
            }
            Prompt::Slip => {
                "Teipiwch 'argraffu' i argraffu'r slip (caiff copi ei gadw yn y ffolder data), 'cadw' i'w gadw mewn ffeil yn unig, 'iaith' am slip yn Saesneg, yn Gymraeg neu yn y ddwy iaith, 'nôl', 'eto', 'help', 'gadael'."
            }
            Prompt::Waiting => super::waiting::help(lang),
            Prompt::Today => {
                "Teipiwch 'dadwneud' a rhif i ddadwneud yr ymweliad hwnnw (mae'n gofyn yn gyntaf), 'golygu' a rhif i'w olygu, 'nôl', 'eto', 'help', 'gadael'. Gellir newid ymweliadau am 10 munud ar ôl eu cadw."
            }
        },
        Language::English => match prompt {
            Prompt::Search => {
                "Type words to search, a number to open a result (a guided script opens at its first question), 'more' for more results, 'log' to log this visit, 'today', 'report' for this desk's figures, 'new' for a new resident, 'language' to switch the resident's language between English and Welsh, 'note' for the note of the visit being logged, 'discard' to drop that visit, 'again' to hear this again, 'help', 'quit'. To search for a command word, type 'find' first: find help with rent."
            }
            Prompt::Detail => {
                "Type a number to open a link, 'show' to show the resident, 'slip' for the resident's slip, 'script' to walk the script offered, 'book' to book an appointment, 'cancel' and a reference to cancel one, 'log' to log this visit, 'language' to switch the resident's language, 'back', 'today', 'again', 'help', 'quit'."
            }
            Prompt::ShowResident => {
                "Type 'log' to log this visit, 'back', 'again', 'help', 'quit'."
            }
            Prompt::Script => {
                "Type an option's number, 'done' when an urgent step is done, 'back' for the question before (at the start it leaves the script), 'log' at the end to log the visit, 'slip' at the end for the resident's slip, 'book' at the end to book an appointment, 'again', 'help', 'quit'."
            }
            Prompt::Form => {
                "Type a choice's number, or several numbers to tick or untick them; press Enter to keep what is there; 'save' saves the visit now, 'back' goes to the field before, 'note' goes straight to the note, 'language' switches the resident's language, 'discard' drops the visit, 'slip' for the resident's slip of this visit, 'again', 'help'."
            }
            Prompt::Note => {
                "Type the note (no names, addresses, phone numbers or dates of birth); press Enter to keep it; 'clear' empties it; 'redact' removes personal data and saves; 'save', 'back', 'discard', 'help'."
            }
            Prompt::Booking => {
                "Type a slot's number to choose it, 'more' for the next nine free slots and 'earlier' for those before; then the needs separated by commas or 'none', and 'yes' to book it; 'print' or 'save' for the resident's appointment slip; 'cancel' and a reference to cancel a booking; 'back', 'log', 'again', 'help', 'quit'."
            }
            Prompt::Report => {
                "Type 'today', 'week' or 'month' for that period, 'earlier' or 'later' to move it, 'longer' or 'shorter' to change it by a day, 'all' for every desk's figures and back (where the report server is set), 'save' and a file name to save the whole report (week.html has charts; .csv, .json or .txt), 'back', 'again', 'help', 'quit'."
            }
            Prompt::Slip => {
                "Type 'print' to print the slip (a copy is kept in the data folder), 'save' to save it to a file only, 'language' for a slip in English, Welsh or both, 'back', 'again', 'help', 'quit'."
            }
            Prompt::Waiting => super::waiting::help(lang),
            Prompt::Today => {
                "Type 'undo' and a number to undo that visit (it asks first), 'edit' and a number to edit it, 'back', 'again', 'help', 'quit'. Visits can be changed for 10 minutes after saving."
            }
        },
    }
}

/// The first line: where the accessible mode is running.
pub fn welcome(lang: Language, desk: &str) -> String {
    match lang {
        Language::English => format!("frontdesk, accessible mode, at {desk}."),
        Language::Welsh => format!("frontdesk, modd hygyrch, wrth {desk}."),
    }
}

/// When TERM is dumb and the accessible mode was not asked for.
pub fn dumb_terminal(lang: Language) -> &'static str {
    match lang {
        Language::English => {
            "This terminal (TERM=dumb) cannot draw the full screen, so frontdesk starts in its accessible mode; start it with --accessible to skip this line."
        }
        Language::Welsh => {
            "Ni all y derfynell hon (TERM=dumb) ddangos y sgrin lawn, felly mae frontdesk yn dechrau yn ei modd hygyrch; dechreuwch hi gyda --accessible i hepgor y llinell hon."
        }
    }
}

/// The search prompt with nothing typed yet.
pub fn search_empty(lang: Language) -> &'static str {
    match lang {
        Language::English => "Search: type what the resident needs, in their words.",
        Language::Welsh => {
            "Chwilio: teipiwch beth sydd ei angen ar y preswylydd, yn eu geiriau eu hunain."
        }
    }
}

/// No result for the words typed.
pub fn no_results(lang: Language, query: &str) -> String {
    match lang {
        Language::English => {
            let query = crate::printable::cut(query, ECHO_MAX_CHARS);
            format!("No results for \"{query}\". Try other words, or fewer.")
        }
        Language::Welsh => {
            let query = crate::printable::cut(query, ECHO_MAX_CHARS);
            format!(
                "Dim canlyniadau ar gyfer \"{query}\". Rhowch gynnig ar eiriau eraill, neu lai."
            )
        }
    }
}

/// The results: "3 results. 1: Bulky waste collection, district council. 2: ..."; `from` is
/// the first number shown, `more` how many follow.
pub fn results(lang: Language, total: usize, from: usize, items: &[String], more: usize) -> String {
    match lang {
        Language::Welsh => {
            let mut line = if total == 1 {
                "1 canlyniad.".to_string()
            } else if from > 1 {
                format!("Canlyniadau {from} i {} o {total}.", from + items.len() - 1)
            } else {
                format!("{total} canlyniad.")
            };
            for (i, item) in items.iter().enumerate() {
                line.push_str(&format!(" {}: {item}.", from + i));
            }
            if more > 0 {
                line.push_str(&format!(" {more} arall: teipiwch 'rhagor'."));
            }
            line
        }
        Language::English => {
            let mut line = if total == 1 {
                "1 result.".to_string()
            } else if from > 1 {
                format!("Results {from} to {} of {total}.", from + items.len() - 1)
            } else {
                format!("{total} results.")
            };
            for (i, item) in items.iter().enumerate() {
                line.push_str(&format!(" {}: {item}.", from + i));
            }
            if more > 0 {
                line.push_str(&format!(" {more} more: type 'more'."));
            }
            line
        }
    }
}

/// The end of the results, after 'more'.
pub fn no_more_results(lang: Language) -> &'static str {
    match lang {
        Language::English => "There are no more results.",
        Language::Welsh => "Does dim rhagor o ganlyniadau.",
    }
}

/// A result: its title, then whose it is or what kind of entry.
pub fn result_item(lang: Language, title: &str, whose: &str, urgent: bool) -> String {
    match lang {
        Language::English if urgent => format!("Urgent: {title}, {whose}"),
        Language::Welsh if urgent => format!("Brys: {title}, {whose}"),
        Language::English | Language::Welsh => format!("{title}, {whose}"),
    }
}

/// What a partner or a question is, in a result.
pub fn partner_kind(lang: Language) -> &'static str {
    match lang {
        Language::English => "partner organisation",
        Language::Welsh => "sefydliad partner",
    }
}

pub fn script_kind(lang: Language) -> &'static str {
    match lang {
        Language::English => "guided script: open it to walk it",
        Language::Welsh => "sgript dywys: agorwch hi i fynd drwyddi",
    }
}

pub fn faq_kind(lang: Language) -> &'static str {
    match lang {
        Language::English => "question and answer",
        Language::Welsh => "cwestiwn ac ateb",
    }
}

/// A guided script fits what was typed.
pub fn script_offered(lang: Language, title: &str) -> String {
    match lang {
        Language::English => format!("Script: {title}. Type 'script' to walk it."),
        Language::Welsh => format!("Sgript: {title}. Teipiwch 'sgript' i fynd drwyddi."),
    }
}

/// The first line of a detail screen: "Service: Council tax".
pub fn entry_heading(lang: Language, kind: &str, title: &str, urgent: bool) -> String {
    match lang {
        Language::English if urgent => format!("{kind}: {title}. Urgent."),
        Language::Welsh if urgent => format!("{kind}: {title}. Brys."),
        Language::English | Language::Welsh => format!("{kind}: {title}"),
    }
}

/// Labels of the detail and resident lines that the full screen does not have.
#[derive(serde::Serialize)]
pub struct Labels {
    pub summary: &'static str,
    pub provided_by: &'static str,
    pub answer: &'static str,
    pub links: &'static str,
    pub web_address: &'static str,
    pub spelled_out: &'static str,
    pub hours: &'static str,
    pub path: &'static str,
    /// Between the answers so far, read out: "Yes, then No".
    pub then: &'static str,
    pub options: &'static str,
    pub choices: &'static str,
    pub none: &'static str,
    pub chosen: &'static str,
    pub ticked: &'static str,
}

pub fn labels(lang: Language) -> &'static Labels {
    match lang {
        Language::Welsh => &Labels {
            summary: "Crynodeb: ",
            provided_by: "Darperir gan: ",
            answer: "Ateb: ",
            links: "Dolenni:",
            web_address: "Cyfeiriad gwe: ",
            spelled_out: "Wedi'i sillafu: ",
            hours: "Oriau agor: ",
            path: "Hyd yma: ",
            then: ", yna ",
            options: "Opsiynau:",
            choices: "Dewisiadau:",
            none: "dim",
            chosen: "wedi'i ddewis",
            ticked: "wedi'i dicio",
        },
        Language::English => &Labels {
            summary: "Summary: ",
            provided_by: "Provided by: ",
            answer: "Answer: ",
            links: "Links:",
            web_address: "Web address: ",
            spelled_out: "Spelled out: ",
            hours: "Opening hours: ",
            path: "So far: ",
            then: ", then ",
            options: "Options:",
            choices: "Choices:",
            none: "none",
            chosen: "chosen",
            ticked: "ticked",
        },
    }
}

/// After the links of a detail screen.
pub fn link_hint(lang: Language) -> &'static str {
    match lang {
        Language::English => "Type a link's number to open it.",
        Language::Welsh => "Teipiwch rif dolen i'w hagor.",
    }
}

/// The words a web address is read out with: "dot", "slash".
pub fn punctuation(lang: Language, c: char) -> Option<&'static str> {
    match lang {
        Language::Welsh => match c {
            '.' => Some("dot"),
            '/' => Some("slaes"),
            ':' => Some("colon"),
            '-' => Some("cysylltnod"),
            '_' => Some("tanlinell"),
            '@' => Some("at"),
            '?' => Some("marc cwestiwn"),
            '=' => Some("hafal"),
            '&' => Some("a"),
            '#' => Some("hash"),
            '~' => Some("tild"),
            '%' => Some("y cant"),
            '+' => Some("plws"),
            _ => None,
        },
        Language::English => match c {
            '.' => Some("dot"),
            '/' => Some("slash"),
            ':' => Some("colon"),
            '-' => Some("dash"),
            '_' => Some("underscore"),
            '@' => Some("at"),
            '?' => Some("question mark"),
            '=' => Some("equals"),
            '&' => Some("and"),
            '#' => Some("hash"),
            '~' => Some("tilde"),
            '%' => Some("percent"),
            '+' => Some("plus"),
            _ => None,
        },
    }
}

/// The urgent step's lines.
pub fn urgent_wait(lang: Language) -> &'static str {
    match lang {
        Language::English => "Type 'done' when you have done this; the options wait until then.",
        Language::Welsh => {
            "Teipiwch 'gwnaed' pan fyddwch wedi gwneud hyn; mae'r opsiynau'n aros tan hynny."
        }
    }
}

/// Under a script's end.
pub fn log_from_end(lang: Language) -> &'static str {
    match lang {
        Language::English => "Type 'log' to log the visit with these filled in.",
        Language::Welsh => "Teipiwch 'cofnodi' i gofnodi'r ymweliad gyda'r rhain wedi'u llenwi.",
    }
}

/// The form's first line.
pub fn form_heading(lang: Language, editing: bool, services: &str) -> String {
    match lang {
        Language::Welsh => {
            let what = if editing { "Golygu" } else { "Cofnodi" };
            if services.is_empty() {
                format!("{what}'r ymweliad, un cwestiwn i bob maes. Dim gwasanaeth arno eto.")
            } else {
                format!("{what}'r ymweliad, un cwestiwn i bob maes. Gwasanaethau: {services}.")
            }
        }
        Language::English => {
            let what = if editing { "Editing" } else { "Logging" };
            if services.is_empty() {
                format!("{what} the visit, one question a field. No service on it yet.")
            } else {
                format!("{what} the visit, one question a field. Services: {services}.")
            }
        }
    }
}

/// How to answer a field with one choice: "Type a number; Enter keeps Resolved."
pub fn one_hint(lang: Language, kept: Option<&str>) -> String {
    match lang {
        Language::English => match kept {
            Some(kept) => format!("Type a number; Enter keeps {kept}."),
            None => "Type a number; Enter leaves it unanswered.".to_string(),
        },
        Language::Welsh => match kept {
            Some(kept) => format!("Teipiwch rif; mae Enter yn cadw {kept}."),
            None => "Teipiwch rif; mae Enter yn ei adael heb ateb.".to_string(),
        },
    }
}

/// How to answer the partners: each number steps that partner on.
pub fn partners_hint(lang: Language) -> &'static str {
    match lang {
        Language::Welsh => {
            "Teipiwch rif partner i gyfeirio ato; mae'r un rhif eto yn ei wneud yn atgyfeiriad (gan ofyn a yw'r preswylydd wedi cytuno, lle mae angen hynny ar y partner), ac eto yn ei dynnu. Mae Enter yn eu cadw fel y maen nhw."
        }
        Language::English => {
            "Type a partner's number to signpost to it; the same number again makes it a referral (asking whether the resident agreed, where the partner needs that), and again takes it off. Enter keeps them as they are."
        }
    }
}

/// Before the slip's lines.
pub fn slip_heading(lang: Language) -> &'static str {
    match lang {
        Language::English => "The resident's slip, to print or save:",
        Language::Welsh => "Slip y preswylydd, i'w argraffu neu ei gadw:",
    }
}

/// After them.
pub fn slip_end(lang: Language) -> &'static str {
    match lang {
        Language::English => "End of the slip. Type 'print' to print it or 'save' to save it.",
        Language::Welsh => "Diwedd y slip. Teipiwch 'argraffu' i'w argraffu neu 'cadw' i'w gadw.",
    }
}

/// How to answer a field of ticks.
pub fn ticks_hint(lang: Language) -> &'static str {
    match lang {
        Language::English => {
            "Type numbers to tick or untick, e.g. 1 3; Enter keeps the ticks as they are."
        }
        Language::Welsh => {
            "Teipiwch rifau i dicio neu ddad-dicio, e.e. 1 3; mae Enter yn cadw'r ticiau fel y maen nhw."
        }
    }
}

/// How to answer the services field.
pub fn services_hint(lang: Language) -> &'static str {
    match lang {
        Language::Welsh => {
            "Mae Enter yn eu cadw; mae 'tynnu' a rhif yn tynnu un; mae rhif, bwlch a rhif canlyniad yn rhoi ei ganlyniad ei hun i un gwasanaeth, e.e. 2 3."
        }
        Language::English => {
            "Enter keeps them; 'remove' and a number takes one off; a number, a space and an outcome's number gives one service its own outcome, e.g. 2 3."
        }
    }
}

/// The services field with none on the visit.
pub fn no_services(lang: Language) -> &'static str {
    match lang {
        Language::Welsh => {
            "Dim gwasanaeth eto: teipiwch 'nôl' i adael y ffurflen (caiff yr ymweliad ei gadw), chwiliwch, agorwch y gwasanaeth a theipiwch 'cofnodi' eto."
        }
        Language::English => {
            "No service yet: type 'back' to leave the form (the visit is kept), search, open the service and type 'log' again."
        }
    }
}

/// How to answer the note.
pub fn note_hint(lang: Language, note: Option<&str>) -> String {
    match lang {
        Language::Welsh => match note {
            Some(note) => format!(
                "Nodyn, nawr \"{note}\". Teipiwch nodyn newydd, mae Enter yn ei gadw, mae 'clirio' yn ei wagio."
            ),
            None => "Nodyn: teipiwch nodyn byr heb ddata personol, neu pwyswch Enter am ddim."
                .to_string(),
        },
        Language::English => match note {
            Some(note) => format!(
                "Note, now \"{note}\". Type a new note, Enter keeps it, 'clear' empties it."
            ),
            None => "Note: type a short note without personal data, or press Enter for none."
                .to_string(),
        },
    }
}

/// After the last field.
pub fn saving_now(lang: Language) -> &'static str {
    match lang {
        Language::English => "That was the last field: saving.",
        Language::Welsh => "Dyna'r maes olaf: yn cadw.",
    }
}

/// A number that is not one of the choices.
pub fn no_such_number(lang: Language, number: &str, count: usize) -> String {
    match lang {
        Language::English if count == 0 => {
            format!("There is nothing to choose with {number} here.")
        }
        Language::English => format!("{number} is not a choice here: type 1 to {count}."),
        Language::Welsh if count == 0 => format!("Does dim i'w ddewis gyda {number} yma."),
        Language::Welsh => format!("Nid yw {number} yn ddewis yma: teipiwch 1 i {count}."),
    }
}

/// Several numbers where one choice is asked for.
pub fn one_number(lang: Language) -> &'static str {
    match lang {
        Language::English => "Type one number here: this field takes one choice.",
        Language::Welsh => "Teipiwch un rhif yma: mae'r maes hwn yn cymryd un dewis.",
    }
}

/// The longest part of a typed line said back.
pub const ECHO_MAX_CHARS: usize = 60;

/// A word that is no command here.
/// A desk sentence as this mode says it: a command is typed, not pressed ("Press 'redact'"
/// becomes "Type 'redact'"; "press Enter" stays, Enter being a key here too).
pub fn as_typed(lang: Language, sentence: &str) -> String {
    let swaps: &[(&str, &str)] = match lang {
        Language::English => &[
            ("Press '", "Type '"),
            ("press '", "type '"),
            ("press its number", "type its number"),
            ("press a number", "type a number"),
        ],
        Language::Welsh => &[
            ("Pwyswch '", "Teipiwch '"),
            ("pwyswch '", "teipiwch '"),
            ("Press '", "Type '"),
            ("press '", "type '"),
            ("press its number", "type its number"),
            ("press a number", "type a number"),
        ],
    };
    swaps
        .iter()
        .fold(sentence.to_string(), |said, (pressed, typed)| {
            said.replace(pressed, typed)
        })
}

pub fn not_understood(lang: Language, typed: &str) -> String {
    match lang {
        Language::English => format!(
            "\"{}\" is not a command here; type 'help' for the list.",
            crate::printable::cut(typed, ECHO_MAX_CHARS)
        ),
        Language::Welsh => format!(
            "Nid yw \"{}\" yn orchymyn yma; teipiwch 'help' am y rhestr.",
            crate::printable::cut(typed, ECHO_MAX_CHARS)
        ),
    }
}

/// Today's list.
pub fn today_heading(lang: Language, desk: &str, count: usize) -> String {
    match lang {
        Language::English if count == 0 => format!("No visits logged at {desk} today yet."),
        Language::English if count == 1 => format!("1 visit today at {desk}."),
        Language::English => format!("{count} visits today at {desk}."),
        Language::Welsh if count == 0 => {
            format!("Does dim ymweliadau wedi'u cofnodi wrth {desk} heddiw eto.")
        }
        Language::Welsh => format!("{} heddiw wrth {desk}.", super::welsh::visits(count)),
    }
}

/// One visit of today's list: "1: 10:12, 4 min, Resolved: Council tax." (`length` is the
/// list's own "4 min").
pub fn today_item(
    lang: Language,
    number: usize,
    time: &str,
    length: &str,
    outcome: &str,
    services: &str,
) -> String {
    match lang {
        Language::English | Language::Welsh => {
            format!("{number}: {time}, {length}, {outcome}: {services}.")
        }
    }
}

/// Numbers as a list: "1", "1 and 2", "1, 2 and 3".
fn numbers_list(lang: Language, numbers: &[usize]) -> String {
    let and = match lang {
        Language::English => " and ",
        Language::Welsh => " a ",
    };
    match numbers {
        [] => String::new(),
        [one] => one.to_string(),
        [first @ .., last] => {
            let first: Vec<String> = first.iter().map(usize::to_string).collect();
            format!("{}{and}{last}", first.join(", "))
        }
    }
}

/// Under today's list: which visits can still be undone or edited, by their numbers, or that
/// none can.
pub fn today_changeable(
    lang: Language,
    numbers: &[usize],
    undo_word: &str,
    edit_word: &str,
    minutes: i64,
) -> String {
    let list = numbers_list(lang, numbers);
    match (lang, numbers.len()) {
        (Language::English, 0) => format!(
            "None of these visits can be changed now: a visit can be undone or edited for {minutes} minutes after it is saved."
        ),
        (Language::English, 1) => format!(
            "Visit {list} can be undone ({undo_word} and its number, asks first) or edited ({edit_word} and its number) for {minutes} minutes after it is saved."
        ),
        (Language::English, _) => format!(
            "Visits {list} can be undone ({undo_word} and the number, asks first) or edited ({edit_word} and the number) for {minutes} minutes after they are saved."
        ),
        (Language::Welsh, 0) => format!(
            "Ni ellir newid yr un o'r ymweliadau hyn nawr: gellir dadwneud neu olygu ymweliad am {minutes} munud ar ôl ei gadw."
        ),
        (Language::Welsh, 1) => format!(
            "Gellir dadwneud ymweliad {list} ({undo_word} a'i rif, yn gofyn yn gyntaf) neu ei olygu ({edit_word} a'i rif) am {minutes} munud ar ôl ei gadw."
        ),
        (Language::Welsh, _) => format!(
            "Gellir dadwneud ymweliadau {list} ({undo_word} a'r rhif, yn gofyn yn gyntaf) neu eu golygu ({edit_word} a'r rhif) am {minutes} munud ar ôl eu cadw."
        ),
    }
}

/// Undo or edit typed without the visit's number, with several visits listed.
pub fn which_visit(lang: Language, word: &str, count: usize) -> String {
    match lang {
        Language::English => {
            format!("Which visit? Type '{word}' and its number, 1 to {count}.")
        }
        Language::Welsh => {
            format!("Pa ymweliad? Teipiwch '{word}' a'i rif, 1 i {count}.")
        }
    }
}

/// The end of the input (Ctrl-D, or a closed pipe).
pub fn end_of_input(lang: Language, draft_kept: bool) -> &'static str {
    match lang {
        Language::English if draft_kept => {
            "End of input. The visit being logged is not saved; it is kept as a draft and offered back at the next start."
        }
        Language::English => "End of input. Goodbye.",
        Language::Welsh if draft_kept => {
            "Diwedd y mewnbwn. Nid yw'r ymweliad sy'n cael ei gofnodi wedi'i gadw; caiff ei gadw fel drafft a'i gynnig eto y tro nesaf y bydd yn dechrau."
        }
        Language::Welsh => "Diwedd y mewnbwn. Hwyl fawr.",
    }
}

/// On 'quit' with a visit half logged.
pub fn quit_with_draft(lang: Language) -> &'static str {
    match lang {
        Language::English => {
            "The visit being logged is not saved; it is kept as a draft and offered back at the next start. Goodbye."
        }
        Language::Welsh => {
            "Nid yw'r ymweliad sy'n cael ei gofnodi wedi'i gadw; caiff ei gadw fel drafft a'i gynnig eto y tro nesaf y bydd yn dechrau. Hwyl fawr."
        }
    }
}

pub fn goodbye(lang: Language) -> &'static str {
    match lang {
        Language::English => "Goodbye.",
        Language::Welsh => "Hwyl fawr.",
    }
}

/// A service's line in a report read out: "Council tax: 12 visits; Resolved 5, Signposted 7."
pub fn report_service(lang: Language, title: &str, visits: u64, outcomes: &str) -> String {
    match lang {
        Language::Welsh => {
            let visits = super::welsh::visits(visits);
            if outcomes.is_empty() {
                format!("{title}: {visits}.")
            } else {
                format!("{title}: {visits}; {outcomes}.")
            }
        }
        Language::English => {
            let s = if visits == 1 { "" } else { "s" };
            if outcomes.is_empty() {
                format!("{title}: {visits} visit{s}.")
            } else {
                format!("{title}: {visits} visit{s}; {outcomes}.")
            }
        }
    }
}

/// While the report's figures are not in yet.
pub fn report_waiting(lang: Language) -> &'static str {
    match lang {
        Language::English => "Counting the visits for the report.",
        Language::Welsh => "Yn cyfrif yr ymweliadau ar gyfer yr adroddiad.",
    }
}

/// After saving the report.
pub fn report_saved(lang: Language, path: &str) -> String {
    match lang {
        Language::English => format!("The report is saved in {path}."),
        Language::Welsh => format!("Mae'r adroddiad wedi'i gadw yn {path}."),
    }
}

pub fn report_not_saved(lang: Language, problem: &str) -> String {
    match lang {
        Language::English => format!("The report was not saved: {problem}."),
        Language::Welsh => format!("Ni chafodd yr adroddiad ei gadw: {problem}."),
    }
}

/// 'save' on the report without a file name.
pub fn report_needs_file(lang: Language) -> &'static str {
    match lang {
        Language::English => "Give a file name after 'save', e.g. save week.html.",
        Language::Welsh => "Rhowch enw ffeil ar ôl 'cadw', e.e. cadw wythnos.html.",
    }
}
