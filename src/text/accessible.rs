//! The accessible mode's sentences: plain lines for a screen reader, each command a word the
//! receptionist types. Commands are quoted ('log') so they read apart from the words around them.

use super::Language;

/// The words typed as commands. One list, so the help lines and the parser cannot disagree.
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
    pub language: &'static str,
}

pub fn words(lang: Language) -> &'static Words {
    match lang {
        Language::English | Language::Welsh => &Words {
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
        },
    }
}

/// A command word as sentences name it: 'log'.
pub fn quoted(word: &str) -> String {
    format!("'{word}'")
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
}

/// The commands of one prompt, as one line.
pub fn help(lang: Language, prompt: Prompt) -> &'static str {
    match lang {
        Language::English | Language::Welsh => match prompt {
            Prompt::Search => {
                "Type words to search, a number to open a result (a guided script opens at its first question), 'more' for more results, 'log' to log this visit, 'today', 'report' for this desk's figures, 'new' for a new resident, 'language' to switch the resident's language between English and Welsh, 'note' for the note of the visit being logged, 'discard' to drop that visit, 'again' to hear this again, 'help', 'quit'. To search for a command word, type 'find' first: find help with rent."
            }
            Prompt::Detail => {
                "Type a number to open a link, 'show' to show the resident, 'slip' for the resident's slip, 'script' to walk the script offered, 'log' to log this visit, 'back', 'today', 'again', 'help', 'quit'."
            }
            Prompt::ShowResident => {
                "Type 'log' to log this visit, 'back', 'again', 'help', 'quit'."
            }
            Prompt::Script => {
                "Type an option's number, 'done' when an urgent step is done, 'back' for the question before (at the start it leaves the script), 'log' at the end to log the visit, 'slip' at the end for the resident's slip, 'again', 'help', 'quit'."
            }
            Prompt::Form => {
                "Type a choice's number, or several numbers to tick or untick them; press Enter to keep what is there; 'save' saves the visit now, 'back' goes to the field before, 'note' goes straight to the note, 'language' switches the resident's language, 'discard' drops the visit, 'slip' for the resident's slip of this visit, 'again', 'help'."
            }
            Prompt::Note => {
                "Type the note (no names, addresses, phone numbers or dates of birth); press Enter to keep it; 'clear' empties it; 'redact' removes personal data and saves; 'save', 'back', 'discard', 'help'."
            }
            Prompt::Report => {
                "Type 'today', 'week' or 'month' for that period, 'earlier' or 'later' to move it, 'longer' or 'shorter' to change it by a day, 'all' for every desk's figures and back (where the report server is set), 'save' and a file name to save the whole report (week.html has charts; .csv, .json or .txt), 'back', 'again', 'help', 'quit'."
            }
            Prompt::Slip => {
                "Type 'print' to print the slip (a copy is kept in the data folder), 'save' to save it to a file only, 'back', 'again', 'help', 'quit'."
            }
            Prompt::Today => {
                "Type 'undo' and a number to undo that visit (it asks first), 'edit' and a number to edit it, 'back', 'again', 'help', 'quit'. Visits can be changed for 10 minutes after saving."
            }
        },
    }
}

/// The first line: where the accessible mode is running.
pub fn welcome(lang: Language, desk: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!("frontdesk, accessible mode, at {desk}."),
    }
}

/// When TERM is dumb and the accessible mode was not asked for.
pub fn dumb_terminal(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => {
            "This terminal (TERM=dumb) cannot draw the full screen, so frontdesk starts in its accessible mode; start it with --accessible to skip this line."
        }
    }
}

/// The search prompt with nothing typed yet.
pub fn search_empty(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => {
            "Search: type what the resident needs, in their words."
        }
    }
}

/// No result for the words typed.
pub fn no_results(lang: Language, query: &str) -> String {
    match lang {
        Language::English | Language::Welsh => {
            let query = crate::printable::cut(query, ECHO_MAX_CHARS);
            format!("No results for \"{query}\". Try other words, or fewer.")
        }
    }
}

/// The results: "3 results. 1: Bulky waste collection, district council. 2: ..."; `from` is
/// the first number shown, `more` how many follow.
pub fn results(lang: Language, total: usize, from: usize, items: &[String], more: usize) -> String {
    match lang {
        Language::English | Language::Welsh => {
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
        Language::English | Language::Welsh => "There are no more results.",
    }
}

/// A result: its title, then whose it is or what kind of entry.
pub fn result_item(lang: Language, title: &str, whose: &str, urgent: bool) -> String {
    match lang {
        Language::English if urgent => format!("Urgent: {title}, {whose}"),
        Language::English | Language::Welsh => format!("{title}, {whose}"),
    }
}

/// What a partner or a question is, in a result.
pub fn partner_kind(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => "partner organisation",
    }
}

pub fn script_kind(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => "guided script: open it to walk it",
    }
}

pub fn faq_kind(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => "question and answer",
    }
}

/// A guided script fits what was typed.
pub fn script_offered(lang: Language, title: &str) -> String {
    match lang {
        Language::English | Language::Welsh => {
            format!("Script: {title}. Type 'script' to walk it.")
        }
    }
}

/// The first line of a detail screen: "Service: Council tax".
pub fn entry_heading(lang: Language, kind: &str, title: &str, urgent: bool) -> String {
    match lang {
        Language::English if urgent => format!("{kind}: {title}. Urgent."),
        Language::English | Language::Welsh => format!("{kind}: {title}"),
    }
}

/// Labels of the detail and resident lines that the full screen does not have.
pub struct Labels {
    pub summary: &'static str,
    pub provided_by: &'static str,
    pub answer: &'static str,
    pub links: &'static str,
    pub web_address: &'static str,
    pub spelled_out: &'static str,
    pub no_web_address: &'static str,
    pub hours: &'static str,
    pub path: &'static str,
    pub options: &'static str,
    pub choices: &'static str,
    pub none: &'static str,
    pub chosen: &'static str,
    pub ticked: &'static str,
}

pub fn labels(lang: Language) -> &'static Labels {
    match lang {
        Language::English | Language::Welsh => &Labels {
            summary: "Summary: ",
            provided_by: "Provided by: ",
            answer: "Answer: ",
            links: "Links:",
            web_address: "Web address: ",
            spelled_out: "Spelled out: ",
            no_web_address: "Web address: none.",
            hours: "Opening hours: ",
            path: "So far: ",
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
        Language::English | Language::Welsh => "Type a link's number to open it.",
    }
}

/// The words a web address is read out with: "dot", "slash".
pub fn punctuation(lang: Language, c: char) -> Option<&'static str> {
    match lang {
        Language::English | Language::Welsh => match c {
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
        Language::English | Language::Welsh => {
            "Type 'done' when you have done this; the options wait until then."
        }
    }
}

/// Under a script's end.
pub fn log_from_end(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => "Type 'log' to log the visit with these filled in.",
    }
}

/// The form's first line.
pub fn form_heading(lang: Language, editing: bool, services: &str) -> String {
    match lang {
        Language::English | Language::Welsh => {
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
        Language::English | Language::Welsh => match kept {
            Some(kept) => format!("Type a number; Enter keeps {kept}."),
            None => "Type a number; Enter leaves it unanswered.".to_string(),
        },
    }
}

/// How to answer the partners: each number steps that partner on.
pub fn partners_hint(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => {
            "Type a partner's number to signpost to it; the same number again makes it a referral (asking whether the resident agreed, where the partner needs that), and again takes it off. Enter keeps them as they are."
        }
    }
}

/// Before the slip's lines.
pub fn slip_heading(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => "The resident's slip, to print or save:",
    }
}

/// After them.
pub fn slip_end(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => {
            "End of the slip. Type 'print' to print it or 'save' to save it."
        }
    }
}

/// How to answer a field of ticks.
pub fn ticks_hint(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => {
            "Type numbers to tick or untick, e.g. 1 3; Enter keeps the ticks as they are."
        }
    }
}

/// How to answer the services field.
pub fn services_hint(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => {
            "Enter keeps them; 'remove' and a number takes one off; a number, a space and an outcome's number gives one service its own outcome, e.g. 2 3."
        }
    }
}

/// The services field with none on the visit.
pub fn no_services(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => {
            "No service yet: type 'back' to leave the form (the visit is kept), search, open the service and type 'log' again."
        }
    }
}

/// How to answer the note.
pub fn note_hint(lang: Language, note: Option<&str>) -> String {
    match lang {
        Language::English | Language::Welsh => match note {
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
        Language::English | Language::Welsh => "That was the last field: saving.",
    }
}

/// A number that is not one of the choices.
pub fn no_such_number(lang: Language, number: &str, count: usize) -> String {
    match lang {
        Language::English if count == 0 => {
            format!("There is nothing to choose with {number} here.")
        }
        Language::English | Language::Welsh => {
            format!("{number} is not a choice here: type 1 to {count}.")
        }
    }
}

/// Several numbers where one choice is asked for.
pub fn one_number(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => "Type one number here: this field takes one choice.",
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
        Language::English | Language::Welsh => format!(
            "\"{}\" is not a command here; type 'help' for the list.",
            crate::printable::cut(typed, ECHO_MAX_CHARS)
        ),
    }
}

/// Today's list.
pub fn today_heading(lang: Language, desk: &str, count: usize) -> String {
    match lang {
        Language::English if count == 0 => format!("No visits logged at {desk} today yet."),
        Language::English if count == 1 => format!("1 visit today at {desk}."),
        Language::English | Language::Welsh => format!("{count} visits today at {desk}."),
    }
}

/// One visit of today's list: "1: 10:12, 4 min, Resolved: Council tax."
pub fn today_item(
    lang: Language,
    number: usize,
    time: &str,
    minutes: i64,
    outcome: &str,
    services: &str,
) -> String {
    match lang {
        Language::English | Language::Welsh => {
            format!("{number}: {time}, {minutes} min, {outcome}: {services}.")
        }
    }
}

/// Undo or edit typed without the visit's number, with several visits listed.
pub fn which_visit(lang: Language, word: &str, count: usize) -> String {
    match lang {
        Language::English | Language::Welsh => {
            format!("Which visit? Type '{word}' and its number, 1 to {count}.")
        }
    }
}

/// The end of the input (Ctrl-D, or a closed pipe).
pub fn end_of_input(lang: Language, draft_kept: bool) -> &'static str {
    match lang {
        Language::English if draft_kept => {
            "End of input. The visit being logged is not saved; it is kept as a draft and offered back at the next start."
        }
        Language::English | Language::Welsh => "End of input. Goodbye.",
    }
}

/// On 'quit' with a visit half logged.
pub fn quit_with_draft(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => {
            "The visit being logged is not saved; it is kept as a draft and offered back at the next start. Goodbye."
        }
    }
}

pub fn goodbye(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => "Goodbye.",
    }
}

/// A service's line in a report read out: "Council tax: 12 visits; Resolved 5, Signposted 7."
pub fn report_service(lang: Language, title: &str, visits: u64, outcomes: &str) -> String {
    match lang {
        Language::English | Language::Welsh => {
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
        Language::English | Language::Welsh => "Counting the visits for the report.",
    }
}

/// After saving the report.
pub fn report_saved(lang: Language, path: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!("The report is saved in {path}."),
    }
}

pub fn report_not_saved(lang: Language, problem: &str) -> String {
    match lang {
        Language::English | Language::Welsh => format!("The report was not saved: {problem}."),
    }
}

/// 'save' on the report without a file name.
pub fn report_needs_file(lang: Language) -> &'static str {
    match lang {
        Language::English | Language::Welsh => {
            "Give a file name after 'save', e.g. save week.html."
        }
    }
}
