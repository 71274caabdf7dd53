//! Settings: built-in defaults, then the config file, then `FRONTDESK_*` environment variables,
//! then command-line flags. A broken config file stops the app with `FILE:LINE: message`; a
//! missing one is fine.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalogue::problem_line_column;
use crate::cli::GlobalArgs;

/// The default number of days visits are kept.
pub const DEFAULT_RETENTION_DAYS: u32 = 730;

/// What the config file may contain. Every key is optional.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub desk: Option<String>,
    pub staff: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub catalogue: Option<PathBuf>,
    pub retention_days: Option<u32>,
    pub theme: Option<ThemeName>,
    /// Scroll and click in lists with the mouse (default on). Turn it off to select text with
    /// the mouse in terminals where capture gets in the way.
    pub mouse: Option<bool>,
    /// Key bindings: an action name and the keys for it, e.g. `log_visit = ["F2", "ctrl-l"]`.
    #[serde(default)]
    pub keys: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Default,
    HighContrast,
}

impl ThemeName {
    fn parse(value: &str) -> Option<ThemeName> {
        match value {
            "default" => Some(ThemeName::Default),
            "high-contrast" => Some(ThemeName::HighContrast),
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
    pub theme: ThemeName,
    /// True when `NO_COLOR` is set to anything non-empty.
    pub no_color: bool,
    pub mouse: bool,
    pub keys: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{file}:{line}: {message}")]
    File {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{name}: {message}")]
    Env { name: String, message: String },
    #[error("cannot work out a home folder for the config and data; pass --config and --data-dir")]
    NoHome,
}

impl Settings {
    /// Resolves settings from the real environment.
    pub fn resolve(global: &GlobalArgs) -> Result<Settings, ConfigError> {
        Settings::resolve_with(global, |name| std::env::var(name).ok())
    }

    /// Resolves settings with the environment given as a function (so tests need not touch the
    /// process environment).
    pub fn resolve_with(
        global: &GlobalArgs,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Settings, ConfigError> {
        let env = |name: &str| env(name).filter(|v| !v.is_empty());
        let dirs = directories::ProjectDirs::from("uk", "frontdesk", "frontdesk");
        let config_file = match (&global.config, env("FRONTDESK_CONFIG")) {
            (Some(path), _) => path.clone(),
            (None, Some(path)) => PathBuf::from(path),
            (None, None) => dirs
                .as_ref()
                .ok_or(ConfigError::NoHome)?
                .config_dir()
                .join("config.toml"),
        };
        let (file, found) = read_config_file(&config_file)?;

        let data_dir = match (&global.data_dir, env("FRONTDESK_DATA_DIR"), &file.data_dir) {
            (Some(dir), _, _) => dir.clone(),
            (None, Some(dir), _) => PathBuf::from(dir),
            (None, None, Some(dir)) => dir.clone(),
            (None, None, None) => dirs
                .as_ref()
                .ok_or(ConfigError::NoHome)?
                .data_dir()
                .to_path_buf(),
        };
        let catalogue_dir = global
            .catalogue
            .clone()
            .or_else(|| env("FRONTDESK_CATALOGUE").map(PathBuf::from))
            .or(file.catalogue.clone());
        let retention_days = match env("FRONTDESK_RETENTION_DAYS") {
            Some(value) => value.parse().map_err(|_| ConfigError::Env {
                name: "FRONTDESK_RETENTION_DAYS".into(),
                message: format!("'{value}' is not a whole number of days; use e.g. 730"),
            })?,
            None => file.retention_days.unwrap_or(DEFAULT_RETENTION_DAYS),
        };
        let theme = match env("FRONTDESK_THEME") {
            Some(value) => ThemeName::parse(&value).ok_or_else(|| ConfigError::Env {
                name: "FRONTDESK_THEME".into(),
                message: format!("'{value}' is not a theme; use default or high-contrast"),
            })?,
            None => file.theme.unwrap_or_default(),
        };
        Ok(Settings {
            config_file,
            config_file_found: found,
            data_dir,
            catalogue_dir,
            desk: env("FRONTDESK_DESK")
                .or(file.desk)
                .unwrap_or_else(|| "Front desk".to_string()),
            staff: env("FRONTDESK_STAFF").or(file.staff).unwrap_or_default(),
            retention_days,
            theme,
            no_color: env("NO_COLOR").is_some(),
            mouse: file.mouse.unwrap_or(true),
            keys: file.keys,
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

    /// Where a half-filled visit form is kept so it survives a crash.
    pub fn draft_file(&self) -> PathBuf {
        self.data_dir.join("draft.json")
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
            "config_file = {}{found}\ndata_dir = {}\nvisits_file = {}\nlog_file = {}\ncatalogue = {catalogue}\ndesk = {}\nstaff = {}\nretention_days = {}\ntheme = {}\ncolour = {}\nmouse = {}\n",
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
            },
            if self.no_color {
                "off (NO_COLOR)"
            } else {
                "on"
            },
            if self.mouse { "on" } else { "off" },
        );
        for (action, keys) in &self.keys {
            out.push_str(&format!("keys.{action} = {}\n", keys.join(", ")));
        }
        out
    }
}

fn read_config_file(path: &Path) -> Result<(ConfigFile, bool), ConfigError> {
    let name = path.display().to_string();
    let text = match fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| ConfigError::File {
            file: name.clone(),
            line: 1,
            message: "the config file is not UTF-8 text; save it as UTF-8".into(),
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((ConfigFile::default(), false));
        }
        Err(e) => {
            return Err(ConfigError::File {
                file: name,
                line: 1,
                message: format!("cannot read the config file: {e}"),
            });
        }
    };
    let file = toml::from_str::<ConfigFile>(&text).map_err(|e| {
        let (line, _) = problem_line_column(&text, e.span().map(|s| s.start).unwrap_or(0));
        ConfigError::File {
            file: name.clone(),
            line,
            message: e.message().trim().replace('\n', " "),
        }
    })?;
    if let Some(0) = file.retention_days {
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with("retention_days"))
            .unwrap_or(0)
            + 1;
        return Err(ConfigError::File {
            file: name,
            line,
            message: "retention_days must be at least 1".into(),
        });
    }
    Ok((file, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn global(config: &Path) -> GlobalArgs {
        GlobalArgs {
            config: Some(config.to_path_buf()),
            ..GlobalArgs::default()
        }
    }

    #[test]
    fn a_missing_config_file_means_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let settings =
            Settings::resolve_with(&global(&dir.path().join("none.toml")), |_| None).unwrap();
        assert!(!settings.config_file_found);
        assert_eq!(settings.retention_days, DEFAULT_RETENTION_DAYS);
        assert_eq!(settings.desk, "Front desk");
        assert!(settings.mouse);
        assert!(settings.describe().contains("not found; using defaults"));
    }

    #[test]
    fn flags_beat_the_environment_which_beats_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        fs::write(&file, "desk = \"From file\"\nstaff = \"FF\"\ndata_dir = \"/file/data\"\nretention_days = 365\n")
            .unwrap();
        let env = |name: &str| match name {
            "FRONTDESK_DESK" => Some("From env".to_string()),
            "FRONTDESK_DATA_DIR" => Some("/env/data".to_string()),
            "NO_COLOR" => Some("1".to_string()),
            _ => None,
        };
        let mut args = global(&file);
        let settings = Settings::resolve_with(&args, env).unwrap();
        assert_eq!(settings.desk, "From env");
        assert_eq!(
            settings.staff, "FF",
            "the file fills what the environment leaves"
        );
        assert_eq!(settings.data_dir, PathBuf::from("/env/data"));
        assert_eq!(settings.retention_days, 365);
        assert!(settings.no_color);
        args.data_dir = Some(PathBuf::from("/flag/data"));
        let settings = Settings::resolve_with(&args, env).unwrap();
        assert_eq!(
            settings.data_dir,
            PathBuf::from("/flag/data"),
            "the flag wins"
        );
        assert_eq!(
            settings.visits_file(),
            PathBuf::from("/flag/data/visits.sqlite3")
        );
    }

    #[test]
    fn a_broken_config_file_names_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        fs::write(&file, "desk = \"Main\"\nretention_days = \"soon\"\n").unwrap();
        let error = Settings::resolve_with(&global(&file), |_| None)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with(&format!("{}:2: ", file.display())),
            "{error}"
        );

        fs::write(&file, "desk = \"Main\"\ncolour = \"blue\"\n").unwrap();
        let error = Settings::resolve_with(&global(&file), |_| None)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(":2: ") && error.contains("colour"),
            "an unknown key is named: {error}"
        );

        fs::write(&file, "retention_days = 0\n").unwrap();
        let error = Settings::resolve_with(&global(&file), |_| None)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(":1: retention_days must be at least 1"),
            "{error}"
        );

        fs::write(&file, [0xff, 0xfe, 0x00]).unwrap();
        let error = Settings::resolve_with(&global(&file), |_| None)
            .unwrap_err()
            .to_string();
        assert!(error.contains("not UTF-8"), "{error}");
    }

    #[test]
    fn bad_environment_values_name_the_variable() {
        let dir = tempfile::tempdir().unwrap();
        let args = global(&dir.path().join("none.toml"));
        let error = Settings::resolve_with(&args, |n| {
            (n == "FRONTDESK_RETENTION_DAYS").then(|| "two years".into())
        })
        .unwrap_err()
        .to_string();
        assert!(
            error.starts_with("FRONTDESK_RETENTION_DAYS: 'two years'"),
            "{error}"
        );
        let error =
            Settings::resolve_with(&args, |n| (n == "FRONTDESK_THEME").then(|| "neon".into()))
                .unwrap_err()
                .to_string();
        assert!(error.contains("default or high-contrast"), "{error}");
    }
}
