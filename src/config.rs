//! Settings: built-in defaults, then the config file, then `FRONTDESK_*` environment variables,
//! then command-line flags.
//!
//! Each setting has one validation, whichever of those it comes from, and a value it refuses is
//! named where it was given: `FILE:LINE: retention_days must be ...` for the config file,
//! `FRONTDESK_RETENTION_DAYS must be ...` for the environment, `--older-than must be ...` for a
//! flag. A config file named explicitly (`--config` or `FRONTDESK_CONFIG`) must exist; only the
//! default one may be absent. Settings do not know the command line's parser: the command layer
//! turns its flags into [`Overrides`].
//!
//! The default places come from the `directories` crate: on Linux `~/.config/frontdesk/` and
//! `~/.local/share/frontdesk/`; on macOS `~/Library/Application Support/uk.frontdesk.frontdesk/`;
//! on Windows `%APPDATA%\frontdesk\frontdesk\config\` and `%APPDATA%\frontdesk\frontdesk\data\`,
//! inside the user's profile, which Windows keeps private to that user (the owner-only file
//! modes the store sets on Unix have no Windows counterpart; files there take the folder's
//! permissions). Paths are used as the platform gives them, never built with `/`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::catalogue::{problem_line_column, quoted};
use crate::printable::{first_unsafe, printable};
use crate::user_file::{ReadError, read_bounded};

mod server_url;
pub use server_url::{ServerUrl, redact};

/// The default number of days visits are kept.
pub const DEFAULT_RETENTION_DAYS: u32 = 730;
/// The longest retention accepted: a hundred years.
pub const MAX_RETENTION_DAYS: u32 = 36_500;
/// The longest desk name, in characters: it heads the screen and every visit.
pub const DESK_MAX_CHARS: usize = 60;
/// The longest staff initials (or short name), in characters.
pub const STAFF_MAX_CHARS: usize = 20;
/// The largest config file read: a real one is a few hundred bytes.
pub const CONFIG_MAX_BYTES: u64 = 1024 * 1024;

/// What the command line says about where things are; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub config: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub catalogue: Option<PathBuf>,
    /// `--accessible`: the line-by-line face instead of the full screen.
    pub accessible: bool,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Source {
    /// Built in.
    Default,
    /// A line of the config file.
    File { file: PathBuf, line: usize },
    /// An environment variable.
    Env(&'static str),
    /// A command-line flag.
    Flag(&'static str),
}

impl fmt::Display for Source {
    /// "the default", "/home/a/.config/frontdesk/config.toml:3", "FRONTDESK_RETENTION_DAYS",
    /// "--older-than".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => f.write_str("the default"),
            Source::File { file, line } => {
                write!(f, "{}:{line}", printable(&file.display().to_string()))
            }
            Source::Env(name) | Source::Flag(name) => f.write_str(name),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Default,
    HighContrast,
    /// For terminals with a light background: dark text and colours from the 256-colour table.
    Light,
}

impl ThemeName {
    fn parse(value: &str) -> Option<ThemeName> {
        match value {
            "default" => Some(ThemeName::Default),
            "high-contrast" => Some(ThemeName::HighContrast),
            "light" => Some(ThemeName::Light),
            _ => None,
        }
    }
}

/// The resolved settings every command works from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    pub config_file: PathBuf,
    pub config_file_found: bool,
    pub data_dir: PathBuf,
    pub catalogue_dir: Option<PathBuf>,
    pub desk: String,
    pub staff: String,
    pub retention_days: u32,
    /// Where `retention_days` came from, for messages such as purge's.
    pub retention_source: Source,
    pub theme: ThemeName,
    /// The language of the screens' labels, hints and messages: `language = "cy"` for Welsh.
    pub language: crate::text::Language,
    /// True when `NO_COLOR` is set to anything non-empty.
    pub no_color: bool,
    pub mouse: bool,
    /// The accessible, line-by-line face instead of the full screen (`--accessible`,
    /// `FRONTDESK_ACCESSIBLE`, `accessible = true`).
    pub accessible: bool,
    /// True when `TERM` is `dumb`: a terminal that cannot draw the full screen.
    pub dumb_terminal: bool,
    pub keys: BTreeMap<String, Vec<String>>,
    /// The config file's line of each `[keys]` binding, for messages about it.
    pub key_lines: BTreeMap<String, usize>,
    /// The program and arguments that print a resident's slip (the slip's file is added at
    /// the end, or where `{text}` or `{html}` is written); `None` saves slips to a file only.
    pub print_command: Option<Vec<String>>,
    /// The central server this desk syncs to (`server`, `FRONTDESK_SERVER`); none: no sync.
    pub server: Option<ServerUrl>,
    /// The central server as the read-only report role (`report_server`,
    /// `FRONTDESK_REPORT_SERVER`).
    pub report_server: Option<ServerUrl>,
    /// Send the visits' notes to the central server (`sync_notes = true`); by default they
    /// stay at the desk.
    pub sync_notes: bool,
    /// Keep bookings and the waiting list on the central server, shared by the desks of this
    /// desk's site (`share_appointments = true`, with `server` set), instead of in the data
    /// folder's log.
    pub share_appointments: bool,
    /// The council's own cost of one contact by each channel, when it has set them
    /// (`[unit_costs]`); there are no defaults.
    pub unit_costs: UnitCosts,
}

/// The print command when the config file names none: `lp` in large type, where `lp` exists.
#[cfg(not(windows))]
pub const DEFAULT_PRINT_COMMAND: &[&str] = &["lp", "-o", "cpi=8", "-o", "lpi=5"];

/// The print command on Windows when the config file names none: the slip's A4 page opened
/// with the desk's program for web pages (its browser), where Ctrl-P prints it on any printer.
/// `start` is part of Windows' own `cmd`, so this is always there.
#[cfg(windows)]
pub const DEFAULT_PRINT_COMMAND: &[&str] = &["cmd", "/C", "start", "", "{html}"];

/// The default print command where it can run: on Windows always, elsewhere where `lp` is on
/// the `PATH`.
fn default_print_command(path: Option<&str>) -> Option<Vec<String>> {
    (cfg!(windows) || on_path(DEFAULT_PRINT_COMMAND[0], path)).then(|| {
        DEFAULT_PRINT_COMMAND
            .iter()
            .map(|w| w.to_string())
            .collect()
    })
}

/// A command's words as one line, each empty word or word with a space in double quotes, so
/// `["lp", "-d", "Desk printer"]` reads `lp -d "Desk printer"`.
fn shown_words(words: &[String]) -> String {
    words
        .iter()
        .map(|word| {
            if word.is_empty() || word.contains(char::is_whitespace) {
                format!("\"{word}\"")
            } else {
                word.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `program` is a file in one of the `PATH` folders.
fn on_path(program: &str, path: Option<&str>) -> bool {
    let Some(path) = path else {
        return false;
    };
    std::env::split_paths(path).any(|dir| {
        let file = dir.join(program);
        file.is_file() || file.with_extension("exe").is_file()
    })
}

pub use crate::tally::UnitCosts;

/// The most a unit cost may be, in pounds: a typo guard.
const UNIT_COST_MAX_POUNDS: f64 = 10_000.0;

/// A cost in pounds (a number such as 8.62), to pence.
fn unit_cost(name: &str, value: &toml::Value) -> Result<u64, String> {
    let pounds = match value {
        toml::Value::Integer(n) => *n as f64,
        toml::Value::Float(f) => *f,
        _ => f64::NAN,
    };
    if !(0.0..=UNIT_COST_MAX_POUNDS).contains(&pounds) {
        return Err(crate::text::cli::unit_cost(
            crate::text::cli::language(),
            name,
        ));
    }
    Ok((pounds * 100.0).round() as u64)
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A problem at a line of the config file.
    #[error("{}:{line}: {message}", printable(file))]
    File {
        file: String,
        line: usize,
        message: String,
    },
    /// A problem with an environment variable or a flag; the message names it.
    #[error("{0}")]
    Value(String),
    #[error("{}", crate::text::cli::no_home(crate::text::cli::language()))]
    NoHome,
}

/// A value to validate: text (from the environment or a flag) or a value of the config file.
#[derive(Debug, Clone, Copy)]
enum Given<'a> {
    Text(&'a str),
    Toml(&'a toml::Value),
}

impl<'a> Given<'a> {
    fn text(self) -> Option<&'a str> {
        match self {
            Given::Text(text) => Some(text),
            Given::Toml(toml::Value::String(text)) => Some(text),
            Given::Toml(_) => None,
        }
    }

    /// The value as a message shows it: text in quotes, anything else as TOML writes it.
    fn shown(self) -> String {
        match self {
            Given::Text(text) => quoted(text),
            Given::Toml(toml::Value::String(text)) => quoted(text),
            Given::Toml(value) => {
                let written = value.to_string();
                let quoted = quoted(&written);
                quoted[1..quoted.len() - 1].to_string()
            }
        }
    }
}

/// `retention_days`: a whole number of days from 1 to [`MAX_RETENTION_DAYS`].
fn retention_days(name: &str, given: Given<'_>) -> Result<u32, String> {
    let days = match given {
        Given::Toml(toml::Value::Integer(days)) => Some(*days),
        Given::Text(text) => text.trim().parse::<i64>().ok(),
        Given::Toml(_) => None,
    };
    match days.and_then(|d| u32::try_from(d).ok()) {
        Some(days) if (1..=MAX_RETENTION_DAYS).contains(&days) => Ok(days),
        _ => Err(crate::text::cli::retention_days(
            crate::text::cli::language(),
            name,
            MAX_RETENTION_DAYS,
            &given.shown(),
        )),
    }
}

/// Plain text of at most `max` characters, with no control characters; `required` refuses
/// blank text.
fn short_text(
    name: &str,
    given: Given<'_>,
    max: usize,
    required: bool,
    example: &str,
) -> Result<String, String> {
    let Some(text) = given.text() else {
        return Err(crate::text::cli::text_in_quotes(
            crate::text::cli::language(),
            name,
            example,
            &given.shown(),
        ));
    };
    let text = text.trim();
    if required && text.is_empty() {
        return Err(crate::text::cli::empty(
            crate::text::cli::language(),
            name,
            example,
        ));
    }
    let chars = text.chars().count();
    if chars > max {
        return Err(crate::text::cli::too_long(
            crate::text::cli::language(),
            name,
            chars,
            max,
        ));
    }
    if let Some((at, c)) = first_unsafe(text) {
        return Err(crate::text::cli::control_character(
            crate::text::cli::language(),
            name,
            &c.escape_unicode().to_string(),
            at + 1,
        ));
    }
    Ok(text.to_string())
}

/// `desk`: the desk's name, 1 to [`DESK_MAX_CHARS`] characters of plain text, with no phone
/// number, email address or identifier in it.
fn desk(name: &str, given: Given<'_>) -> Result<String, String> {
    let example = crate::text::cli::desk_example(crate::text::cli::language());
    let desk = short_text(name, given, DESK_MAX_CHARS, true, example)?;
    no_personal_data(name, desk, crate::text::cli::Instead::DeskName)
}

/// `staff`: initials, at most [`STAFF_MAX_CHARS`] characters of plain text (may be empty), with
/// no phone number, email address or identifier in it.
fn staff(name: &str, given: Given<'_>) -> Result<String, String> {
    let staff = short_text(name, given, STAFF_MAX_CHARS, false, "AB")?;
    no_personal_data(name, staff, crate::text::cli::Instead::Initials)
}

/// The value, unless it holds personal data (the visit's own rule for desk and staff: see
/// [`crate::visit::personal_data_in_label`]).
fn no_personal_data(
    name: &str,
    value: String,
    instead: crate::text::cli::Instead,
) -> Result<String, String> {
    let kinds = crate::visit::personal_data_in_label(&value);
    if kinds.is_empty() {
        Ok(value)
    } else {
        Err(crate::text::cli::personal_data(
            crate::text::cli::language(),
            name,
            &kinds,
            instead,
        ))
    }
}

fn theme(name: &str, given: Given<'_>) -> Result<ThemeName, String> {
    given
        .text()
        .and_then(|text| ThemeName::parse(text.trim()))
        .ok_or_else(|| crate::text::cli::theme(crate::text::cli::language(), name, &given.shown()))
}

fn language(name: &str, given: Given<'_>) -> Result<crate::text::Language, String> {
    given
        .text()
        .and_then(crate::text::Language::from_code)
        .ok_or_else(|| {
            crate::text::cli::language_value(crate::text::cli::language(), name, &given.shown())
        })
}

fn mouse(name: &str, given: Given<'_>) -> Result<bool, String> {
    match given {
        Given::Toml(toml::Value::Boolean(on)) => Ok(*on),
        _ => Err(crate::text::cli::true_or_false(
            crate::text::cli::language(),
            name,
            &given.shown(),
        )),
    }
}

/// `sync_notes`: true or false in the config file.
fn sync_notes(name: &str, given: Given<'_>) -> Result<bool, String> {
    match given {
        Given::Toml(toml::Value::Boolean(on)) => Ok(*on),
        _ => Err(crate::text::cli::true_or_false(
            crate::text::cli::language(),
            name,
            &given.shown(),
        )),
    }
}

/// `accessible`: true or false in the config file; in the environment also 1 or 0, yes or no
/// (`FRONTDESK_ACCESSIBLE=1`).
fn accessible_mode(name: &str, given: Given<'_>) -> Result<bool, String> {
    let on = match given {
        Given::Toml(toml::Value::Boolean(on)) => Some(*on),
        Given::Toml(_) => None,
        Given::Text(text) => match text.trim().to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Some(true),
            "0" | "false" | "no" | "off" => Some(false),
            _ => None,
        },
    };
    on.ok_or_else(|| match given {
        Given::Toml(_) => {
            crate::text::cli::true_or_false(crate::text::cli::language(), name, &given.shown())
        }
        Given::Text(_) => {
            crate::text::cli::one_or_zero(crate::text::cli::language(), name, &given.shown())
        }
    })
}

/// `print_command`: a command line as text ("lp -d desk-printer"), split at spaces, or a list
/// of words (["lp", "-d", "Desk printer"]); empty text turns printing off.
fn print_command(name: &str, given: Given<'_>) -> Result<Option<Vec<String>>, String> {
    let bad =
        || crate::text::cli::print_command(crate::text::cli::language(), name, &given.shown());
    let words: Vec<String> = match given {
        Given::Toml(toml::Value::Array(items)) => items
            .iter()
            .map(|item| item.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(bad)?,
        _ => given
            .text()
            .ok_or_else(bad)?
            .split_whitespace()
            .map(str::to_string)
            .collect(),
    };
    if let Some((at, c)) = words.iter().find_map(|w| first_unsafe(w)) {
        return Err(crate::text::cli::control_character(
            crate::text::cli::language(),
            name,
            &c.escape_unicode().to_string(),
            at + 1,
        ));
    }
    if words.iter().map(|w| w.chars().count()).sum::<usize>() > PRINT_COMMAND_MAX_CHARS {
        return Err(crate::text::cli::print_command_too_long(
            crate::text::cli::language(),
            name,
            PRINT_COMMAND_MAX_CHARS,
        ));
    }
    Ok((!words.is_empty() && !words[0].is_empty()).then_some(words))
}

/// The longest print command.
const PRINT_COMMAND_MAX_CHARS: usize = 500;

/// `server`, `report_server`: a PostgreSQL URL (see [`ServerUrl`]).
fn server_url(name: &str, given: Given<'_>) -> Result<ServerUrl, String> {
    match given.text() {
        Some(text) => ServerUrl::parse(name, text),
        None => Err(crate::text::cli::server_url_in_quotes(
            crate::text::cli::language(),
            name,
            &given.shown(),
        )),
    }
}

/// A server URL given with a flag (e.g. `sync --server`), checked as the config's `server` is.
pub fn server_from_flag(flag: &'static str, value: &str) -> Result<ServerUrl, ConfigError> {
    server_url(flag, Given::Text(value)).map_err(ConfigError::Value)
}

fn folder(name: &str, given: Given<'_>) -> Result<PathBuf, String> {
    match given.text() {
        Some(text) if !text.trim().is_empty() => Ok(PathBuf::from(text)),
        _ => Err(crate::text::cli::folder_in_quotes(
            crate::text::cli::language(),
            name,
            &given.shown(),
        )),
    }
}

/// A desk's name as the server tells desks apart: "Desk K", "desk k" and "Desk  K " are one
/// desk (case and spacing are not a difference a receptionist means).
pub fn desk_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The desk name given with a flag (e.g. `log --desk`), validated as the config's `desk` is.
pub fn desk_from_flag(flag: &'static str, value: &str) -> Result<String, ConfigError> {
    desk(flag, Given::Text(value)).map_err(ConfigError::Value)
}

/// Staff initials given with a flag (e.g. `log --staff`), validated as the config's `staff` is.
pub fn staff_from_flag(flag: &'static str, value: &str) -> Result<String, ConfigError> {
    staff(flag, Given::Text(value)).map_err(ConfigError::Value)
}

/// The config file as written: every value kept with where it is, checked once read.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    desk: Option<Spanned<toml::Value>>,
    staff: Option<Spanned<toml::Value>>,
    data_dir: Option<Spanned<toml::Value>>,
    catalogue: Option<Spanned<toml::Value>>,
    retention_days: Option<Spanned<toml::Value>>,
    theme: Option<Spanned<toml::Value>>,
    /// The language of the screens: "en" or "cy".
    language: Option<Spanned<toml::Value>>,
    /// Scroll and click in lists with the mouse (default on). Turn it off to select text with
    /// the mouse in terminals where capture gets in the way.
    mouse: Option<Spanned<toml::Value>>,
    /// The accessible, line-by-line face instead of the full screen.
    accessible: Option<Spanned<toml::Value>>,
    /// Key bindings: an action name and the keys for it, e.g. `log_visit = ["F2", "ctrl-l"]`.
    keys: Option<Spanned<toml::Value>>,
    /// The command that prints a resident's slip.
    print_command: Option<Spanned<toml::Value>>,
    /// The central server's URL, for sync.
    server: Option<Spanned<toml::Value>>,
    /// The central server's URL for the read-only report role.
    report_server: Option<Spanned<toml::Value>>,
    /// Send the visits' notes to the central server (default false: they stay at the desk).
    sync_notes: Option<Spanned<toml::Value>>,
    /// Bookings and the waiting list on the server, shared by the site's desks.
    share_appointments: Option<Spanned<toml::Value>>,
    /// The council's cost of one contact by channel, in pounds: `face_to_face`, `phone`, `web`.
    unit_costs: Option<Spanned<toml::Value>>,
}

/// The config file's settings, validated, each with its line.
#[derive(Debug, Default)]
struct FileSettings {
    desk: Option<String>,
    staff: Option<String>,
    data_dir: Option<PathBuf>,
    catalogue: Option<PathBuf>,
    retention_days: Option<(u32, usize)>,
    theme: Option<ThemeName>,
    language: Option<crate::text::Language>,
    mouse: Option<bool>,
    accessible: Option<bool>,
    keys: BTreeMap<String, Vec<String>>,
    unit_costs: UnitCosts,
    key_lines: BTreeMap<String, usize>,
    /// `Some(None)`: printing turned off.
    print_command: Option<Option<Vec<String>>>,
    server: Option<ServerUrl>,
    report_server: Option<ServerUrl>,
    sync_notes: Option<bool>,
    share_appointments: Option<bool>,
}

impl Settings {
    /// Resolves settings from the real environment.
    pub fn resolve(overrides: &Overrides) -> Result<Settings, ConfigError> {
        Settings::resolve_with(overrides, |name| std::env::var(name).ok())
    }

    /// The language the settings will speak, as far as it can be told before they are checked:
    /// `FRONTDESK_LANGUAGE`, else the config file's `language`, read leniently (a file with a
    /// syntax error elsewhere still tells it; one that cannot be read tells nothing): so that an
    /// error in the rest of the config, or of the command line, is said in it.
    pub fn language_hint(overrides: &Overrides) -> crate::text::Language {
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        if let Some(lang) = env("FRONTDESK_LANGUAGE")
            .as_deref()
            .and_then(crate::text::Language::from_code)
        {
            return lang;
        }
        let file = overrides
            .config
            .clone()
            .or_else(|| env("FRONTDESK_CONFIG").map(PathBuf::from))
            .or_else(|| {
                directories::ProjectDirs::from("uk", "frontdesk", "frontdesk")
                    .map(|dirs| dirs.config_dir().join("config.toml"))
            });
        file.and_then(|file| read_bounded(&file, CONFIG_MAX_BYTES).ok())
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .and_then(|text| match toml::from_str::<toml::Table>(&text) {
                Ok(table) => table
                    .get("language")
                    .and_then(|v| v.as_str())
                    .and_then(crate::text::Language::from_code),
                Err(_) => language_line(&text),
            })
            .unwrap_or_default()
    }

    /// Resolves settings with the environment given as a function (so tests need not touch the
    /// process environment).
    pub fn resolve_with(
        overrides: &Overrides,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Settings, ConfigError> {
        let env = |name: &str| env(name).filter(|v| !v.is_empty());
        let dirs = directories::ProjectDirs::from("uk", "frontdesk", "frontdesk");
        let (config_file, named_by) = match (&overrides.config, env("FRONTDESK_CONFIG")) {
            (Some(path), _) => (path.clone(), Some("--config")),
            (None, Some(path)) => (PathBuf::from(path), Some("FRONTDESK_CONFIG")),
            (None, None) => (
                dirs.as_ref()
                    .ok_or(ConfigError::NoHome)?
                    .config_dir()
                    .join("config.toml"),
                None,
            ),
        };
        let (file, found) = read_config_file(&config_file, named_by)?;

        let data_dir = match (
            &overrides.data_dir,
            env("FRONTDESK_DATA_DIR"),
            &file.data_dir,
        ) {
            (Some(dir), _, _) => dir.clone(),
            (None, Some(dir), _) => PathBuf::from(dir),
            (None, None, Some(dir)) => dir.clone(),
            (None, None, None) => dirs
                .as_ref()
                .ok_or(ConfigError::NoHome)?
                .data_dir()
                .to_path_buf(),
        };
        let catalogue_dir = overrides
            .catalogue
            .clone()
            .or_else(|| env("FRONTDESK_CATALOGUE").map(PathBuf::from))
            .or(file.catalogue.clone());

        let env_value = |name: &'static str| env(name).map(|value| (name, value));

        let (retention_days, retention_source) = match env_value("FRONTDESK_RETENTION_DAYS") {
            Some((name, value)) => (
                retention_days(name, Given::Text(&value)).map_err(ConfigError::Value)?,
                Source::Env(name),
            ),
            None => match file.retention_days {
                Some((days, line)) => (
                    days,
                    Source::File {
                        file: config_file.clone(),
                        line,
                    },
                ),
                None => (DEFAULT_RETENTION_DAYS, Source::Default),
            },
        };
        let theme = match env_value("FRONTDESK_THEME") {
            Some((name, value)) => theme(name, Given::Text(&value)).map_err(ConfigError::Value)?,
            None => file.theme.unwrap_or_default(),
        };
        let language = match env_value("FRONTDESK_LANGUAGE") {
            Some((name, value)) => {
                language(name, Given::Text(&value)).map_err(ConfigError::Value)?
            }
            None => file.language.unwrap_or_default(),
        };
        let desk = match env_value("FRONTDESK_DESK") {
            Some((name, value)) => desk(name, Given::Text(&value)).map_err(ConfigError::Value)?,
            None => file.desk.unwrap_or_else(|| "Front desk".to_string()),
        };
        // The flag turns it on whatever else says; a bad value elsewhere is still refused.
        let accessible = match env_value("FRONTDESK_ACCESSIBLE") {
            Some((name, value)) => {
                accessible_mode(name, Given::Text(&value)).map_err(ConfigError::Value)?
            }
            None => file.accessible.unwrap_or(false),
        } || overrides.accessible;
        let staff = match env_value("FRONTDESK_STAFF") {
            Some((name, value)) => staff(name, Given::Text(&value)).map_err(ConfigError::Value)?,
            None => file.staff.unwrap_or_default(),
        };
        let server = match env_value("FRONTDESK_SERVER") {
            Some((name, value)) => {
                Some(server_url(name, Given::Text(&value)).map_err(ConfigError::Value)?)
            }
            None => file.server,
        };
        let report_server = match env_value("FRONTDESK_REPORT_SERVER") {
            Some((name, value)) => {
                Some(server_url(name, Given::Text(&value)).map_err(ConfigError::Value)?)
            }
            None => file.report_server,
        };
        let share_appointments = match env_value("FRONTDESK_SHARE_APPOINTMENTS") {
            Some((name, value)) => {
                accessible_mode(name, Given::Text(&value)).map_err(ConfigError::Value)?
            }
            None => file.share_appointments.unwrap_or(false),
        };
        if share_appointments && server.is_none() {
            return Err(ConfigError::Value(crate::text::cli::share_needs_server(
                crate::text::cli::language(),
            )));
        }
        Ok(Settings {
            config_file,
            config_file_found: found,
            data_dir,
            catalogue_dir,
            desk,
            staff,
            retention_days,
            retention_source,
            theme,
            language,
            no_color: env("NO_COLOR").is_some(),
            mouse: file.mouse.unwrap_or(true),
            accessible,
            dumb_terminal: env("TERM").is_some_and(|term| term.trim() == "dumb"),
            keys: file.keys,
            key_lines: file.key_lines,
            print_command: match file.print_command {
                Some(command) => command,
                None => default_print_command(env("PATH").as_deref()),
            },
            server,
            report_server,
            sync_notes: file.sync_notes.unwrap_or(false),
            share_appointments,
            unit_costs: file.unit_costs,
        })
    }

    /// The SQLite file visits are logged to.
    pub fn visits_file(&self) -> PathBuf {
        self.data_dir.join("visits.sqlite3")
    }

    /// The app's own log (never written to the screen).
    pub fn log_file(&self) -> PathBuf {
        self.data_dir.join("frontdesk.log")
    }

    /// The folder the catalogue fetched from the central server is kept in.
    pub fn central_catalogue_dir(&self) -> PathBuf {
        self.data_dir.join("central-catalogue")
    }

    /// Where a half-filled visit form is kept so it survives a crash.
    pub fn draft_file(&self) -> PathBuf {
        self.data_dir.join("draft.json")
    }

    /// Where compiled catalogue folders are kept: `compiled` in the data folder.
    pub fn compiled_dir(&self) -> PathBuf {
        self.data_dir.join("compiled")
    }

    /// The retention to purge with: `--older-than` when given (checked as `retention_days` is),
    /// else the setting, each with where it came from.
    pub fn retention_with_flag(
        &self,
        flag: &'static str,
        value: Option<&str>,
    ) -> Result<(u32, Source), ConfigError> {
        match value {
            Some(value) => Ok((
                retention_days(flag, Given::Text(value)).map_err(ConfigError::Value)?,
                Source::Flag(flag),
            )),
            None => Ok((self.retention_days, self.retention_source.clone())),
        }
    }

    /// A problem with a `[keys]` binding (a message that starts "keys.NAME: "), placed at the
    /// line of the config file that binds NAME.
    pub fn key_binding_error(&self, message: &str) -> ConfigError {
        let name = message
            .strip_prefix("keys.")
            .and_then(|m| m.split(':').next())
            .unwrap_or("");
        ConfigError::File {
            file: self.config_file.display().to_string(),
            line: self.key_lines.get(name).copied().unwrap_or(1),
            message: message.to_string(),
        }
    }

    /// The settings as `key = value` lines for `frontdesk config --print`.
    pub fn describe(&self) -> String {
        let found = if self.config_file_found {
            ""
        } else {
            " (not found; using defaults)"
        };
        let catalogue = match &self.catalogue_dir {
            Some(dir) => dir.display().to_string(),
            None => "built-in".to_string(),
        };
        let mut out = format!(
            "config_file = {}{found}\ndata_dir = {}\nvisits_file = {}\nlog_file = {}\ncatalogue = {catalogue}\ndesk = {}\nstaff = {}\nretention_days = {}\ntheme = {}\ncolour = {}\nmouse = {}\naccessible = {}\n",
            self.config_file.display(),
            self.data_dir.display(),
            self.visits_file().display(),
            self.log_file().display(),
            self.desk,
            if self.staff.is_empty() {
                "(none)"
            } else {
                &self.staff
            },
            self.retention_days,
            match self.theme {
                ThemeName::Default => "default",
                ThemeName::HighContrast => "high-contrast",
                ThemeName::Light => "light",
            },
            if self.no_color {
                "off (NO_COLOR)"
            } else {
                "on"
            },
            if self.mouse { "on" } else { "off" },
            if self.accessible { "on" } else { "off" },
        );
        match &self.print_command {
            Some(command) => out.push_str(&format!("print_command = {}\n", shown_words(command))),
            None => out.push_str("print_command = (none: slips are saved to a file)\n"),
        }
        // A server's password is never shown: the URL is printed with *** in its place.
        let none = "(none)".to_string();
        out.push_str(&format!(
            "server = {}\nreport_server = {}\n",
            self.server
                .as_ref()
                .map_or(none.clone(), ToString::to_string),
            self.report_server
                .as_ref()
                .map_or(none, ToString::to_string),
        ));
        out.push_str(if self.sync_notes {
            "sync_notes = on (notes are sent to the server)\n"
        } else {
            "sync_notes = off (notes stay at the desk)\n"
        });
        out.push_str(if self.share_appointments {
            "share_appointments = on (bookings and the waiting list are on the server, shared by the site's desks)\n"
        } else {
            "share_appointments = off (bookings and the waiting list are in the data folder)\n"
        });
        // The keys in use, the config file's and the defaults, are listed by the command that
        // prints this (`frontdesk config --print`), from the keymap itself.
        let costs = &self.unit_costs;
        for (channel, pence) in [
            ("face_to_face", costs.face_to_face),
            ("phone", costs.phone),
            ("web", costs.web),
        ] {
            let shown = pence.map_or("(not set)".to_string(), |p| {
                format!("{}.{:02}", p / 100, p % 100)
            });
            out.push_str(&format!("unit_costs.{channel} = {shown}\n"));
        }
        // Paths and key names are shown as written, but never as terminal control sequences.
        out.lines()
            .map(|line| format!("{}\n", printable(line)))
            .collect()
    }
}

/// The settings a config file may have, as `RawFile` names them.
const SETTINGS: &[&str] = &[
    "desk",
    "staff",
    "data_dir",
    "catalogue",
    "retention_days",
    "theme",
    "language",
    "mouse",
    "accessible",
    "keys",
    "print_command",
    "server",
    "report_server",
    "sync_notes",
    "share_appointments",
    "unit_costs",
];

/// The parser's words on a config file it cannot take, as one sentence in the command line's
/// language: a setting it does not know, or where and how the file stops being TOML.
fn toml_error(message: &str, line: usize, column: usize) -> String {
    use crate::text::cli::TomlProblem;
    let lang = crate::text::cli::language();
    let message = printable(message.trim()).into_owned();
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((key, _)) = rest.split_once('`')
    {
        return crate::text::cli::unknown_setting(lang, key, SETTINGS);
    }
    let what = message.split(", expected").next().unwrap_or_default();
    let problem = if what.starts_with("string values must be quoted") {
        TomlProblem::Unquoted
    } else if what.contains("escape") || what.contains("unicode") {
        TomlProblem::Escape
    } else if what.contains("string") || what.contains("quote") {
        TomlProblem::Quotes
    } else if what == "duplicate key" {
        TomlProblem::Duplicate
    } else if what.contains("array table") || what.contains("table") && !what.contains("inline") {
        TomlProblem::Heading
    } else if what.contains("array") {
        TomlProblem::List
    } else if what.contains("key") || what.contains("assignment") || what.contains("value") {
        TomlProblem::Assignment
    } else if what.contains("boolean") {
        TomlProblem::TrueFalse
    } else if [
        "number",
        "float",
        "mantissa",
        "exponent",
        "fraction",
        "leading zero",
        "sign",
    ]
    .iter()
    .any(|w| what.contains(w))
    {
        TomlProblem::Number
    } else {
        TomlProblem::Other(message.lines().next().unwrap_or_default().to_string())
    };
    crate::text::cli::config_syntax(lang, line, column, &problem)
}

/// The language of a config file that is not valid TOML: its first `language = "cy"` line
/// before any table, with either quotes.
fn language_line(text: &str) -> Option<crate::text::Language> {
    text.lines()
        .map(str::trim)
        .take_while(|line| !line.starts_with('['))
        .filter_map(|line| line.strip_prefix("language"))
        .filter_map(|rest| rest.trim_start().strip_prefix('='))
        .map(|value| value.split('#').next().unwrap_or_default().trim())
        .find_map(|value| {
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))?;
            crate::text::Language::from_code(value)
        })
}

/// Reads and checks the config file. `named_by` is the flag or variable that named it: such a
/// file must exist, while the default one may be absent.
fn read_config_file(
    path: &Path,
    named_by: Option<&'static str>,
) -> Result<(FileSettings, bool), ConfigError> {
    let name = path.display().to_string();
    let bytes = match read_bounded(path, CONFIG_MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadError::NotFound) => match named_by {
            None => return Ok((FileSettings::default(), false)),
            Some(by) => {
                return Err(ConfigError::Value(crate::text::cli::config_missing(
                    crate::text::cli::language(),
                    &printable(&name),
                    by,
                )));
            }
        },
        Err(e @ ReadError::TooLarge { .. }) => {
            return Err(ConfigError::Value(format!(
                "the config file {} {e}; a config file is a few lines of TOML",
                printable(&name)
            )));
        }
        Err(e) => {
            return Err(ConfigError::Value(format!(
                "the config file {} {e}; give the path of a TOML file",
                printable(&name)
            )));
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| ConfigError::File {
        file: name.clone(),
        line: 1,
        message: crate::text::cli::config_not_utf8(crate::text::cli::language()),
    })?;
    let at = |offset: usize| problem_line_column(&text, offset).0;
    let raw = toml::from_str::<RawFile>(&text).map_err(|e| {
        let (line, column) = problem_line_column(&text, e.span().map_or(0, |s| s.start));
        ConfigError::File {
            file: name.clone(),
            line,
            message: toml_error(e.message(), line, column),
        }
    })?;
    let fail = |value: &Spanned<toml::Value>, message: String| ConfigError::File {
        file: name.clone(),
        line: at(value.span().start),
        message,
    };
    fn check<T>(
        value: &Option<Spanned<toml::Value>>,
        key: &str,
        rule: fn(&str, Given<'_>) -> Result<T, String>,
        fail: &dyn Fn(&Spanned<toml::Value>, String) -> ConfigError,
    ) -> Result<Option<T>, ConfigError> {
        value
            .as_ref()
            .map(|v| rule(key, Given::Toml(v.get_ref())).map_err(|m| fail(v, m)))
            .transpose()
    }
    let mut settings = FileSettings {
        desk: check(&raw.desk, "desk", desk, &fail)?,
        staff: check(&raw.staff, "staff", staff, &fail)?,
        data_dir: check(&raw.data_dir, "data_dir", folder, &fail)?,
        catalogue: check(&raw.catalogue, "catalogue", folder, &fail)?,
        retention_days: check(&raw.retention_days, "retention_days", retention_days, &fail)?
            .zip(raw.retention_days.as_ref().map(|v| at(v.span().start))),
        theme: check(&raw.theme, "theme", theme, &fail)?,
        language: check(&raw.language, "language", language, &fail)?,
        mouse: check(&raw.mouse, "mouse", mouse, &fail)?,
        accessible: check(&raw.accessible, "accessible", accessible_mode, &fail)?,
        print_command: check(&raw.print_command, "print_command", print_command, &fail)?,
        server: check(&raw.server, "server", server_url, &fail)?,
        report_server: check(&raw.report_server, "report_server", server_url, &fail)?,
        sync_notes: check(&raw.sync_notes, "sync_notes", sync_notes, &fail)?,
        share_appointments: check(
            &raw.share_appointments,
            "share_appointments",
            sync_notes,
            &fail,
        )?,
        ..FileSettings::default()
    };
    if let Some(keys) = &raw.keys {
        let toml::Value::Table(table) = keys.get_ref() else {
            return Err(fail(
                keys,
                crate::text::cli::keys_table(crate::text::cli::language()),
            ));
        };
        for (action, value) in table {
            let list = match value {
                toml::Value::Array(items) => items
                    .iter()
                    .map(|item| item.as_str().map(str::to_string))
                    .collect::<Option<Vec<String>>>(),
                _ => None,
            };
            let line = line_of_key(&text, keys.span().start, action);
            let Some(list) = list else {
                return Err(ConfigError::File {
                    file: name.clone(),
                    line,
                    message: crate::text::cli::keys_list(
                        crate::text::cli::language(),
                        &printable(action),
                    ),
                });
            };
            settings.keys.insert(action.clone(), list);
            settings.key_lines.insert(action.clone(), line);
        }
    }
    if let Some(costs) = &raw.unit_costs {
        let toml::Value::Table(table) = costs.get_ref() else {
            return Err(fail(
                costs,
                crate::text::cli::unit_costs_table(crate::text::cli::language()),
            ));
        };
        for (channel, value) in table {
            let line = line_of_key(&text, costs.span().start, channel);
            let at_line = |message: String| ConfigError::File {
                file: name.clone(),
                line,
                message,
            };
            let key = format!("unit_costs.{}", printable(channel));
            let pence = unit_cost(&key, value).map_err(at_line)?;
            let slot = match channel.as_str() {
                "face_to_face" => &mut settings.unit_costs.face_to_face,
                "phone" => &mut settings.unit_costs.phone,
                "web" => &mut settings.unit_costs.web,
                _ => {
                    return Err(at_line(crate::text::cli::not_a_channel(
                        crate::text::cli::language(),
                        &key,
                    )));
                }
            };
            *slot = Some(pence);
        }
    }
    Ok((settings, true))
}

/// The line of `key = ...` at or after `from` (the `[keys]` table), or the table's own line.
fn line_of_key(text: &str, from: usize, key: &str) -> usize {
    let (table_line, _) = problem_line_column(text, from);
    text.lines()
        .enumerate()
        .skip(table_line.saturating_sub(1))
        .find(|(_, line)| {
            let line = line.trim_start();
            let line = line
                .strip_prefix('"')
                .and_then(|l| l.strip_prefix(key))
                .and_then(|l| l.strip_prefix('"'))
                .or_else(|| line.strip_prefix(key));
            line.is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(table_line, |(i, _)| i + 1)
}

#[cfg(test)]
mod tests;
