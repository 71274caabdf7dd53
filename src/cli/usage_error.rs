//! A command line the parser refuses, said in the desk's language.
//!
//! The parser runs before the config is read, so the language is found cheaply here:
//! `FRONTDESK_LANGUAGE`, else the `language` line of the config file (`--config FILE`,
//! `FRONTDESK_CONFIG` or the default place), read leniently; English when in doubt. What the
//! parser found (the option, the value, the allowed values, a suggestion) is taken from its
//! error as plain values and worded by [`crate::text::usage`]: one sentence, the usage line,
//! and where to read more. `--help` and `--version` are printed as clap prints them.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, Parser};

use super::{Cli, NotADay};
use crate::config::{Overrides, Settings};
use crate::text::Language;
use crate::text::usage::{self, Unusable};

/// The command line parsed, or the exit code after saying why it cannot be.
pub fn parse(args: Vec<OsString>) -> Result<Cli, ExitCode> {
    Cli::try_parse_from(&args).map_err(|error| refuse(&error, &args))
}

fn refuse(error: &clap::Error, args: &[OsString]) -> ExitCode {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        error.exit();
    }
    let lang = language(args);
    eprint!("{}", said(lang, error, args));
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}

/// The language of the desk, as far as it can be told from the environment and the config file
/// named on the command line (or by default).
pub fn language(args: &[OsString]) -> Language {
    let overrides = Overrides {
        config: config_named(args),
        ..Overrides::default()
    };
    Settings::language_hint(&overrides)
}

/// The file given with `--config FILE` or `--config=FILE`, before any `--`.
fn config_named(args: &[OsString]) -> Option<PathBuf> {
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--config" {
            return words.next().map(PathBuf::from);
        }
        if let Some(path) = word.to_str().and_then(|w| w.strip_prefix("--config=")) {
            return Some(PathBuf::from(path));
        }
    }
    None
}

/// What the command line prints for `error`: "frontdesk: SENTENCE", the usage line and where
/// to read more, each apart.
pub fn said(lang: Language, error: &clap::Error, args: &[OsString]) -> String {
    let (sentence, usage) = match error.kind() {
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => command_missing(lang, args),
        // The parser gives no usage line with a value it refuses: the command's own.
        _ => (
            sentence(lang, error),
            text(error, ContextKind::Usage)
                .or_else(|| Some(command_named(args).1.render_usage().to_string())),
        ),
    };
    let mut out = format!("frontdesk: {sentence}\n");
    let mut command = "frontdesk".to_string();
    if let Some(usage) = usage {
        let (lines, named) = usage_lines(lang, &usage);
        out.push('\n');
        out.push_str(&lines);
        command = named;
    }
    out.push('\n');
    out.push_str(&usage::more_with_help(lang, &command));
    out.push('\n');
    out
}

/// One sentence for the error, with what was probably meant after it.
fn sentence(lang: Language, error: &clap::Error) -> String {
    let arg = text(error, ContextKind::InvalidArg);
    let value = text(error, ContextKind::InvalidValue);
    let option = arg.as_deref().map(option_of);
    let detail = || parser_words(error);
    let main = match (error.kind(), option.as_deref(), value.as_deref()) {
        (ErrorKind::UnknownArgument, Some(option), _) if option.starts_with('-') => {
            usage::unknown_option(lang, option)
        }
        (ErrorKind::UnknownArgument, Some(_), _) => {
            usage::unexpected_word(lang, arg.as_deref().unwrap_or_default())
        }
        (ErrorKind::InvalidSubcommand, _, _) => match text(error, ContextKind::InvalidSubcommand) {
            Some(command) => usage::unknown_command(lang, &command),
            None => usage::unreadable(lang, &detail()),
        },
        (ErrorKind::InvalidValue, Some(option), Some("")) => {
            let allowed = texts(error, ContextKind::ValidValue);
            if allowed.is_empty() {
                let written = placeholders(lang, arg.as_deref().unwrap_or(option));
                usage::value_missing(lang, option, &written)
            } else {
                usage::value_missing_of(lang, option, &allowed)
            }
        }
        (ErrorKind::InvalidValue, Some(option), Some(value)) => {
            usage::not_allowed(lang, option, value, &texts(error, ContextKind::ValidValue))
        }
        (ErrorKind::ValueValidation, Some(option), Some(value)) => {
            usage::unusable(lang, option, value, &unusable(error))
        }
        (ErrorKind::ArgumentConflict, Some(option), _) => {
            let prior = texts(error, ContextKind::PriorArg);
            if prior
                .iter()
                .any(|p| p == arg.as_deref().unwrap_or_default())
                || prior.is_empty()
            {
                usage::given_twice(lang, option)
            } else {
                let others: Vec<String> = prior.iter().map(|p| option_of(p)).collect();
                usage::conflict(lang, option, &others)
            }
        }
        (ErrorKind::ArgumentConflict, None, _) => {
            match text(error, ContextKind::InvalidSubcommand) {
                Some(command) => {
                    let others: Vec<String> = texts(error, ContextKind::PriorArg)
                        .iter()
                        .map(|p| option_of(p))
                        .collect();
                    usage::conflict(lang, &command, &others)
                }
                None => usage::unreadable(lang, &detail()),
            }
        }
        (ErrorKind::MissingRequiredArgument, _, _) => {
            let needed: Vec<String> = texts(error, ContextKind::InvalidArg)
                .iter()
                .map(|a| placeholders(lang, a))
                .collect();
            usage::missing(lang, &needed)
        }
        (ErrorKind::MissingSubcommand, _, _) => usage::command_missing(
            lang,
            &text(error, ContextKind::InvalidSubcommand).unwrap_or_else(|| "frontdesk".into()),
            &texts(error, ContextKind::ValidSubcommand),
        ),
        (ErrorKind::TooManyValues, Some(option), Some(value)) => {
            usage::too_many(lang, option, value)
        }
        (ErrorKind::TooFewValues, Some(option), _) => usage::too_few(
            lang,
            option,
            number(error, ContextKind::MinValues),
            number(error, ContextKind::ActualNumValues),
        ),
        (ErrorKind::WrongNumberOfValues, Some(option), _) => usage::wrong_number(
            lang,
            option,
            number(error, ContextKind::ExpectedNumValues),
            number(error, ContextKind::ActualNumValues),
        ),
        (ErrorKind::NoEquals, Some(option), _) => usage::needs_equals(lang, option),
        (ErrorKind::InvalidUtf8, _, _) => usage::not_text(lang),
        _ => usage::unreadable(lang, &detail()),
    };
    let mut tips = Vec::new();
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        let meant = texts(error, kind);
        if !meant.is_empty() {
            tips.push(usage::did_you_mean(lang, &meant));
        }
    }
    tips.extend(
        texts(error, ContextKind::Suggested)
            .iter()
            .filter_map(|tip| suggestion(lang, tip)),
    );
    std::iter::once(main)
        .chain(tips)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The command the words name (`frontdesk catalogue`) needs a command of its own: the sentence
/// and its usage line.
fn command_missing(lang: Language, args: &[OsString]) -> (String, Option<String>) {
    let (named, mut command) = command_named(args);
    let commands: Vec<String> = command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set() && sub.get_name() != "help")
        .map(|sub| sub.get_name().to_string())
        .collect();
    let usage = command.render_usage().to_string();
    (usage::command_missing(lang, &named, &commands), Some(usage))
}

/// The command the words name ("frontdesk catalogue"), and its definition.
fn command_named(args: &[OsString]) -> (String, clap::Command) {
    let mut command = Cli::command();
    command.build();
    let mut named = vec!["frontdesk".to_string()];
    let mut current = &command;
    for word in args.iter().skip(1).filter_map(|w| w.to_str()) {
        if let Some(sub) = current.find_subcommand(word) {
            named.push(sub.get_name().to_string());
            current = sub;
        }
    }
    (named.join(" "), current.clone())
}

/// The usage lines in `lang`, and the command they are for ("frontdesk log").
fn usage_lines(lang: Language, usage: &str) -> (String, String) {
    let heading = usage::usage_heading(lang);
    let mut out = String::new();
    let mut command = None;
    for line in usage.lines() {
        let (lead, rest) = match line.strip_prefix("Usage:") {
            Some(rest) => (heading.to_string(), rest.trim_start()),
            None => (" ".repeat(heading.chars().count()), line.trim_start()),
        };
        if command.is_none() {
            let words: Vec<&str> = rest
                .split_whitespace()
                .take_while(|w| !w.starts_with(['[', '<', '-']))
                .collect();
            if !words.is_empty() {
                command = Some(words.join(" "));
            }
        }
        out.push_str(&format!("{lead} {}\n", placeholders(lang, rest)));
    }
    (out, command.unwrap_or_else(|| "frontdesk".into()))
}

/// `text` with each placeholder (`<DATE>`, `[OPTIONS]`) in `lang`.
fn placeholders(lang: Language, text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(['<', '[']) {
        out.push_str(&rest[..start]);
        let close = if rest[start..].starts_with('<') {
            '>'
        } else {
            ']'
        };
        // The name runs to the last close of its own kind that balances ("<ID[=OUTCOME]>").
        let inner = &rest[start + 1..];
        let end = match close {
            '>' => inner.find('>'),
            _ => inner.find(']').filter(|&e| {
                inner[..e]
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == '_')
            }),
        };
        match end {
            Some(end) if end > 0 => {
                let open = &rest[start..start + 1];
                let name = usage::placeholder(lang, &inner[..end]);
                out.push_str(&format!("{open}{name}{close}"));
                rest = &inner[end + 1..];
            }
            _ => {
                out.push_str(&rest[start..start + 1]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The option's name in an argument as the parser writes it: "--from" of "--from <DATE>".
fn option_of(arg: &str) -> String {
    if arg.starts_with('-') {
        arg.split([' ', '=']).next().unwrap_or(arg).to_string()
    } else {
        arg.to_string()
    }
}

/// Why a value could not be used, from the parser's cause.
fn unusable(error: &clap::Error) -> Unusable {
    let Some(source) = std::error::Error::source(error) else {
        return Unusable::Other(parser_words(error));
    };
    if source.downcast_ref::<NotADay>().is_some() {
        return Unusable::NotADay;
    }
    if source.downcast_ref::<std::num::ParseIntError>().is_some()
        || source.downcast_ref::<std::num::TryFromIntError>().is_some()
    {
        return Unusable::NotAWholeNumber;
    }
    let words = source.to_string();
    // Clap's ranged numbers: "0 is not in 1..=10000000".
    if let Some((_, range)) = words.split_once(" is not in ")
        && let Some((from, to)) = range.split_once("..")
        && let Ok(from) = from.parse::<i64>()
    {
        let to = match to.strip_prefix('=') {
            Some(to) => to.parse::<i64>().ok(),
            None => to.parse::<i64>().ok().map(|to| to - 1),
        };
        let to = to.filter(|&to| to < i64::MAX - 1);
        return Unusable::OutOfRange { from, to };
    }
    Unusable::Other(words)
}

/// A tip of the parser's ("to pass '--x' as a value, use '-- --x'") in `lang`; one it does not
/// know is kept in English only.
fn suggestion(lang: Language, tip: &str) -> Option<String> {
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    if tip.starts_with("to pass ") && quoted.len() >= 2 {
        Some(usage::as_a_value(lang, quoted[0], quoted[1]))
    } else if tip.starts_with("subcommand ") && !quoted.is_empty() {
        Some(usage::command_after_dashes(lang, quoted[0]))
    } else if tip.ends_with("' exists") && !quoted.is_empty() {
        Some(usage::belongs_to(lang, quoted[0]))
    } else {
        (lang == Language::English).then(|| tip.to_string())
    }
}

/// The parser's own first line, without its "error: ".
fn parser_words(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    first
        .strip_prefix("error: ")
        .unwrap_or(first)
        .trim()
        .to_string()
}

fn text(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::StyledStr(text) => Some(text.to_string()),
        _ => None,
    }
}

fn texts(error: &clap::Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::String(text)) => vec![text.clone()],
        Some(ContextValue::Strings(texts)) => texts.clone(),
        Some(ContextValue::StyledStr(text)) => vec![text.to_string()],
        Some(ContextValue::StyledStrs(texts)) => texts.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

fn number(error: &clap::Error, kind: ContextKind) -> isize {
    match error.get(kind) {
        Some(ContextValue::Number(n)) => *n,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_said_in_welsh_and_the_rest_kept() {
        assert_eq!(
            placeholders(
                Language::Welsh,
                "frontdesk log [OPTIONS] --service <ID[=OUTCOME]> --from <DATE> <URL>"
            ),
            "frontdesk log [DEWISIADAU] --service <ID[=CANLYNIAD]> --from <DYDDIAD> <URL>"
        );
        assert_eq!(
            placeholders(Language::English, "frontdesk [OPTIONS] [COMMAND]"),
            "frontdesk [OPTIONS] [COMMAND]"
        );
        assert_eq!(placeholders(Language::Welsh, "a [x] <"), "a [x] <");
    }

    #[test]
    fn the_config_file_is_found_on_the_command_line() {
        let args = |words: &[&str]| words.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            config_named(&args(&["frontdesk", "--config", "a.toml", "log"])),
            Some(PathBuf::from("a.toml"))
        );
        assert_eq!(
            config_named(&args(&["frontdesk", "search", "--config=b.toml"])),
            Some(PathBuf::from("b.toml"))
        );
        assert_eq!(
            config_named(&args(&["frontdesk", "search", "--", "--config", "c"])),
            None
        );
    }
}
