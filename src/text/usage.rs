//! A command line the parser cannot take, said in the desk's language: an option or a command
//! that does not exist, a value missing or not allowed, options that cannot go together. Each
//! sentence names the option and what to do; the usage line and the way to `--help` follow it.
//!
//! The parser (clap) finds the problem before the config is read; the command line turns what
//! it found into plain values (the option as written, the value given, the allowed values) and
//! asks here for the words. Options, values and commands are kept as they are typed.

use super::Language;

/// The English or the Welsh.
fn say(lang: Language, english: String, welsh: String) -> String {
    match lang {
        Language::English => english,
        Language::Welsh => welsh,
    }
}

/// "a, b or c" / "a, b neu c".
fn either(lang: Language, items: &[String]) -> String {
    let or = match lang {
        Language::English => " or ",
        Language::Welsh => " neu ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{or}{last}", rest.join(", ")),
    }
}

/// "a and b" / "a a b" (the options a command needs).
fn both(lang: Language, items: &[String]) -> String {
    let and = match lang {
        Language::English => " and ",
        Language::Welsh => " a ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}

/// An option (`--colour`) the command does not have.
pub fn unknown_option(lang: Language, option: &str) -> String {
    say(
        lang,
        format!("this command has no option {option}"),
        format!("nid oes dewis {option} gan y gorchymyn hwn"),
    )
}

/// A word where the command takes no more (`frontdesk config extra`).
pub fn unexpected_word(lang: Language, word: &str) -> String {
    say(
        lang,
        format!("'{word}' was not expected here: this command takes no more words"),
        format!("nid oedd disgwyl '{word}' yma: nid yw'r gorchymyn hwn yn cymryd rhagor o eiriau"),
    )
}

/// A command that does not exist (`frontdesk serach`).
pub fn unknown_command(lang: Language, command: &str) -> String {
    say(
        lang,
        format!("there is no command '{command}'"),
        format!("nid oes gorchymyn '{command}'"),
    )
}

/// What was probably meant: "did you mean --from?".
pub fn did_you_mean(lang: Language, options: &[String]) -> String {
    let options = either(lang, options);
    say(
        lang,
        format!("did you mean {options}?"),
        format!("ai {options} oedd gennych mewn golwg?"),
    )
}

/// An option that belongs to a command below this one: "--json belongs to `queue list`".
pub fn belongs_to(lang: Language, what: &str) -> String {
    say(
        lang,
        format!("'{what}' exists: write the option after its command"),
        format!("mae '{what}' yn bodoli: ysgrifennwch y dewis ar ôl ei orchymyn"),
    )
}

/// A word that looks like an option but is meant as a value: write `--` before it.
pub fn as_a_value(lang: Language, word: &str, written: &str) -> String {
    say(
        lang,
        format!("to give '{word}' as a value, write '{written}'"),
        format!("i roi '{word}' fel gwerth, ysgrifennwch '{written}'"),
    )
}

/// A command written after `--`, where it is taken as a value.
pub fn command_after_dashes(lang: Language, command: &str) -> String {
    say(
        lang,
        format!("there is a command '{command}'; to use it, remove the '--' before it"),
        format!("mae gorchymyn '{command}'; i'w ddefnyddio, tynnwch y '--' o'i flaen"),
    )
}

/// A value an option does not take, with the values it does.
pub fn not_allowed(lang: Language, option: &str, value: &str, allowed: &[String]) -> String {
    let allowed = allowed.join(", ");
    say(
        lang,
        format!("{option}: '{value}' is not allowed; use one of: {allowed}"),
        format!("{option}: ni chaniateir '{value}'; defnyddiwch un o: {allowed}"),
    )
}

/// An option given with no value: `written` is the option with its value's name
/// ("--from <DATE>").
pub fn value_missing(lang: Language, option: &str, written: &str) -> String {
    say(
        lang,
        format!("{option} needs a value; write it after the option: {written}"),
        format!("mae angen gwerth ar {option}; ysgrifennwch ef ar ôl y dewis: {written}"),
    )
}

/// The same, for an option that takes only some values.
pub fn value_missing_of(lang: Language, option: &str, allowed: &[String]) -> String {
    let allowed = allowed.join(", ");
    say(
        lang,
        format!("{option} needs a value; use one of: {allowed}"),
        format!("mae angen gwerth ar {option}; defnyddiwch un o: {allowed}"),
    )
}

/// Why a value is not one an option can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// Not a day written YYYY-MM-DD.
    NotADay,
    /// Not a whole number.
    NotAWholeNumber,
    /// A whole number outside `from..=to`; `to` none: no upper limit.
    OutOfRange { from: i64, to: Option<i64> },
    /// Anything else: the parser's own words, kept as an aside.
    Other(String),
}

/// A value an option cannot use, and why.
pub fn unusable(lang: Language, option: &str, value: &str, why: &Unusable) -> String {
    match why {
        Unusable::NotADay => say(
            lang,
            format!("{option}: '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2027-04-01"),
            format!(
                "{option}: nid yw '{value}' yn ddyddiad; ysgrifennwch ef fel YYYY-MM-DD, e.e. 2027-04-01"
            ),
        ),
        Unusable::NotAWholeNumber => say(
            lang,
            format!("{option}: '{value}' is not a whole number; write digits only, e.g. 10"),
            format!(
                "{option}: nid yw '{value}' yn rhif cyfan; ysgrifennwch ddigidau yn unig, e.e. 10"
            ),
        ),
        Unusable::OutOfRange { from, to: Some(to) } => say(
            lang,
            format!(
                "{option}: {value} is too large or too small; give a number from {from} to {to}"
            ),
            format!("{option}: mae {value} yn rhy fawr neu'n rhy fach; rhowch rif o {from} i {to}"),
        ),
        Unusable::OutOfRange { from, to: None } => say(
            lang,
            format!("{option}: {value} is too small; give a number from {from} up"),
            format!("{option}: mae {value} yn rhy fach; rhowch rif o {from} i fyny"),
        ),
        Unusable::Other(detail) => say(
            lang,
            format!("{option}: '{value}' cannot be used (\"{detail}\")"),
            format!("{option}: ni ellir defnyddio '{value}' (\"{detail}\")"),
        ),
    }
}

/// Two options that cannot go together.
pub fn conflict(lang: Language, option: &str, others: &[String]) -> String {
    let others = either(lang, others);
    say(
        lang,
        format!("{option} cannot be used with {others}; give one or the other"),
        format!("ni ellir defnyddio {option} gyda {others}; rhowch un neu'r llall"),
    )
}

/// An option given twice that may be given once.
pub fn given_twice(lang: Language, option: &str) -> String {
    say(
        lang,
        format!("{option} may be given only once; keep the one you mean"),
        format!("dim ond unwaith y gellir rhoi {option}; cadwch yr un a olygwch"),
    )
}

/// What a command needs and was not given ("--service <ID>").
pub fn missing(lang: Language, needed: &[String]) -> String {
    let needed = both(lang, needed);
    say(
        lang,
        format!("this command needs {needed}; add it and run the command again"),
        format!("mae angen {needed} ar y gorchymyn hwn; ychwanegwch ef a rhedwch y gorchymyn eto"),
    )
}

/// A command that needs one of its own commands after it (`frontdesk catalogue`).
pub fn command_missing(lang: Language, command: &str, commands: &[String]) -> String {
    let commands = commands.join(", ");
    say(
        lang,
        format!("'{command}' needs a command after it; use one of: {commands}"),
        format!("mae angen gorchymyn ar ôl '{command}'; defnyddiwch un o: {commands}"),
    )
}

/// One value too many for an option (or the command).
pub fn too_many(lang: Language, option: &str, value: &str) -> String {
    say(
        lang,
        format!("{option} takes no more values: '{value}' is one too many"),
        format!("nid yw {option} yn cymryd rhagor o werthoedd: mae '{value}' yn un yn ormod"),
    )
}

/// Too few values for an option that takes several.
pub fn too_few(lang: Language, option: &str, least: isize, given: isize) -> String {
    say(
        lang,
        format!("{option} needs at least {least} values; {given} given"),
        format!("mae angen o leiaf {least} gwerth ar {option}; rhoddwyd {given}"),
    )
}

/// The wrong number of values for an option that takes a set number.
pub fn wrong_number(lang: Language, option: &str, needed: isize, given: isize) -> String {
    say(
        lang,
        format!("{option} needs {needed} values; {given} given"),
        format!("mae angen {needed} gwerth ar {option}; rhoddwyd {given}"),
    )
}

/// An option whose value must follow `=`.
pub fn needs_equals(lang: Language, option: &str) -> String {
    say(
        lang,
        format!("{option} needs its value after '=', e.g. {option}=VALUE"),
        format!("mae angen y gwerth ar ôl '=' ar {option}, e.e. {option}=GWERTH"),
    )
}

/// A word of the command line that is not text (not UTF-8).
pub fn not_text(lang: Language) -> String {
    say(
        lang,
        "a word of the command is not valid text (UTF-8); type it again".into(),
        "nid yw un o eiriau'r gorchymyn yn destun dilys (UTF-8); teipiwch ef eto".into(),
    )
}

/// Anything else the parser refused, with its own words as an aside.
pub fn unreadable(lang: Language, detail: &str) -> String {
    say(
        lang,
        format!("the command cannot be read (\"{detail}\")"),
        format!("ni ellir darllen y gorchymyn (\"{detail}\")"),
    )
}

/// The heading of the usage line: "Usage:".
pub fn usage_heading(lang: Language) -> &'static str {
    match lang {
        Language::English => "Usage:",
        Language::Welsh => "Defnydd:",
    }
}

/// After the usage line: where to read more.
pub fn more_with_help(lang: Language, command: &str) -> String {
    say(
        lang,
        format!("For more information, run '{command} --help'."),
        format!("Am ragor o wybodaeth, rhowch '{command} --help'."),
    )
}

/// A placeholder of the usage line (`OPTIONS`, `COMMAND`, or a value's name such as `DATE`)
/// in `lang`; one with no Welsh is kept as written.
pub fn placeholder(lang: Language, name: &str) -> String {
    if lang == Language::English {
        return name.to_string();
    }
    let welsh = PLACEHOLDERS
        .iter()
        .find(|(english, _)| *english == name)
        .map(|(_, welsh)| *welsh);
    welsh.unwrap_or(name).to_string()
}

/// The usage line's placeholders and their Welsh: the words of the command line's syntax, and
/// the names of the values options take (as `--help` writes them).
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("OPTIONS", "DEWISIADAU"),
    ("COMMAND", "GORCHYMYN"),
    ("FILE", "FFEIL"),
    ("DIR", "FFOLDER"),
    ("DATE", "DYDDIAD"),
    ("NAME", "ENW"),
    ("ROLE", "RÔL"),
    ("SITE", "SAFLE"),
    ("REF", "CYFEIRNOD"),
    ("TICKET", "TOCYN"),
    ("KEYS", "BYSELLAU"),
    ("QUERY", "CHWILIAD"),
    ("TEXT", "TESTUN"),
    ("OUTCOME", "CANLYNIAD"),
    ("ANSWER", "ATEB"),
    ("REASON", "RHESWM"),
    ("FEEDBACK", "ADBORTH"),
    ("DEMAND", "GALW"),
    ("HOW", "SUT"),
    ("INITIALS", "LLYTHRENNAU"),
    ("PERIOD", "CYFNOD"),
    ("LANG", "IAITH"),
    ("PATH", "LLWYBR"),
    ("BACKUP", "COPI"),
    ("DAYS", "DYDDIAU"),
    ("NEED", "ANGEN"),
    ("FILE_OR_DIR", "FFEIL_NEU_FFOLDER"),
    ("ID[=OUTCOME]", "ID[=CANLYNIAD]"),
];
