use std::fs;

use super::*;

fn named(config: &Path) -> Overrides {
    Overrides {
        config: Some(config.to_path_buf()),
        ..Overrides::default()
    }
}

fn error(overrides: &Overrides, env: impl Fn(&str) -> Option<String>) -> String {
    Settings::resolve_with(overrides, env)
        .unwrap_err()
        .to_string()
}

fn only(name: &'static str, value: &'static str) -> impl Fn(&str) -> Option<String> {
    move |n| (n == name).then(|| value.to_string())
}

#[test]
fn an_empty_config_file_means_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(&file, "").unwrap();
    let settings = Settings::resolve_with(&named(&file), |_| None).unwrap();
    assert!(settings.config_file_found);
    assert_eq!(settings.retention_days, DEFAULT_RETENTION_DAYS);
    assert_eq!(settings.retention_source, Source::Default);
    assert_eq!(settings.desk, "Front desk");
    assert!(settings.mouse);
}

#[test]
fn a_config_file_named_on_purpose_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.toml");
    assert_eq!(
        error(&named(&missing), |_| None),
        format!(
            "the config file {} given with --config does not exist; check the path, or leave --config out to use the defaults",
            missing.display()
        )
    );
    let by_env =
        move |n: &str| (n == "FRONTDESK_CONFIG").then(|| "/nowhere/config.toml".to_string());
    assert_eq!(
        error(&Overrides::default(), by_env),
        "the config file /nowhere/config.toml given with FRONTDESK_CONFIG does not exist; check the path, or leave FRONTDESK_CONFIG out to use the defaults"
    );
}

#[test]
fn flags_beat_the_environment_which_beats_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(
        &file,
        "desk = \"From file\"\nstaff = \"FF\"\ndata_dir = \"/file/data\"\nretention_days = 365\n",
    )
    .unwrap();
    let env = |name: &str| match name {
        "FRONTDESK_DESK" => Some("From env".to_string()),
        "FRONTDESK_DATA_DIR" => Some("/env/data".to_string()),
        "NO_COLOR" => Some("1".to_string()),
        _ => None,
    };
    let mut args = named(&file);
    let settings = Settings::resolve_with(&args, env).unwrap();
    assert_eq!(settings.desk, "From env");
    assert_eq!(
        settings.staff, "FF",
        "the file fills what the environment leaves"
    );
    assert_eq!(settings.data_dir, PathBuf::from("/env/data"));
    assert_eq!(settings.retention_days, 365);
    assert_eq!(
        settings.retention_source,
        Source::File {
            file: file.clone(),
            line: 4
        }
    );
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
    let at = |line: usize| format!("{}:{line}: ", file.display());

    fs::write(&file, "desk = \"Main\"\ncolour = \"blue\"\n").unwrap();
    let message = error(&named(&file), |_| None);
    assert!(
        message.starts_with(&at(2))
            && message.contains("colour is not a setting frontdesk knows; check its spelling"),
        "an unknown key is named: {message}"
    );

    fs::write(&file, [0xff, 0xfe, 0x00]).unwrap();
    assert_eq!(
        error(&named(&file), |_| None),
        format!(
            "{}the config file is not UTF-8 text; save it as UTF-8",
            at(1)
        )
    );
}

#[test]
fn a_wrong_type_says_which_setting_and_what_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let cases = [
        (
            "desk = \"Main\"\nretention_days = \"soon\"\n",
            2,
            "retention_days must be a whole number of days from 1 to 36500, not \"soon\"; e.g. 730 keeps two years",
        ),
        (
            "retention_days = 2.5\n",
            1,
            "retention_days must be a whole number of days from 1 to 36500, not 2.5; e.g. 730 keeps two years",
        ),
        (
            "desk = 3\n",
            1,
            "desk must be text in quotes, e.g. \"Main reception\", not 3",
        ),
        (
            "mouse = \"yes\"\n",
            1,
            "mouse must be true or false (without quotes), not \"yes\"",
        ),
        (
            "theme = \"neon\"\n",
            1,
            "theme must be \"default\", \"high-contrast\" or \"light\", not \"neon\"",
        ),
        (
            "\n[keys]\nlog_visit = \"F2\"\n",
            3,
            "keys.log_visit must be a list of keys in quotes, e.g. [\"F2\", \"ctrl-l\"]",
        ),
    ];
    for (text, line, message) in cases {
        fs::write(&file, text).unwrap();
        assert_eq!(
            error(&named(&file), |_| None),
            format!("{}:{line}: {message}", file.display()),
            "{text}"
        );
    }
}

#[test]
fn the_file_and_the_environment_share_one_rule_for_each_setting() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let none = dir.path().join("empty.toml");
    fs::write(&none, "").unwrap();
    let rule =
        "must be a whole number of days from 1 to 36500, not \"0\"; e.g. 730 keeps two years";

    fs::write(&file, "retention_days = 0\n").unwrap();
    assert_eq!(
        error(&named(&file), |_| None),
        format!(
            "{}:1: retention_days {}",
            file.display(),
            rule.replace("\"0\"", "0")
        )
    );
    assert_eq!(
        error(&named(&none), only("FRONTDESK_RETENTION_DAYS", "0")),
        format!("FRONTDESK_RETENTION_DAYS {rule}")
    );
    assert_eq!(
        error(
            &named(&none),
            only("FRONTDESK_RETENTION_DAYS", "4294967295")
        ),
        format!(
            "FRONTDESK_RETENTION_DAYS {}",
            rule.replace("\"0\"", "\"4294967295\"")
        )
    );
    assert!(
        error(&named(&none), only("FRONTDESK_RETENTION_DAYS", "two years"))
            .starts_with("FRONTDESK_RETENTION_DAYS must be a whole number of days")
    );
    let settings =
        Settings::resolve_with(&named(&none), only("FRONTDESK_RETENTION_DAYS", " 30 ")).unwrap();
    assert_eq!(settings.retention_days, 30);
    assert_eq!(
        settings.retention_source,
        Source::Env("FRONTDESK_RETENTION_DAYS")
    );

    assert_eq!(
        error(&named(&none), only("FRONTDESK_THEME", "neon")),
        "FRONTDESK_THEME must be \"default\", \"high-contrast\" or \"light\", not \"neon\""
    );
    let settings = Settings::resolve_with(&named(&none), only("FRONTDESK_THEME", "light")).unwrap();
    assert_eq!(settings.theme, ThemeName::Light);
    let file = dir.path().join("light.toml");
    fs::write(&file, "theme = \"light\"\n").unwrap();
    let settings = Settings::resolve_with(&named(&file), |_| None).unwrap();
    assert_eq!(settings.theme, ThemeName::Light);
    assert!(
        settings.describe().contains("theme = light"),
        "{}",
        settings.describe()
    );
}

#[test]
fn desk_and_staff_are_short_plain_text_wherever_they_come_from() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(&file, format!("desk = \"{}\"\n", "d".repeat(70_000))).unwrap();
    assert_eq!(
        error(&named(&file), |_| None),
        format!(
            "{}:1: desk is 70000 characters long; keep it to 60 or fewer",
            file.display()
        )
    );
    fs::write(&file, "staff = \"A\\u001b]0;x\\u0007\"\n").unwrap();
    assert_eq!(
        error(&named(&file), |_| None),
        format!(
            "{}:1: staff has a control character (\\u{{1b}}) at character 2; use plain text",
            file.display()
        )
    );
    fs::write(&file, "desk = \"   \"\n").unwrap();
    assert_eq!(
        error(&named(&file), |_| None),
        format!(
            "{}:1: desk is empty; write one, e.g. \"Main reception\"",
            file.display()
        )
    );
    fs::write(&file, "").unwrap();
    assert_eq!(
        error(&named(&file), only("FRONTDESK_DESK", "Desk\r\n2")),
        "FRONTDESK_DESK has a control character (\\u{d}) at character 5; use plain text"
    );
    assert_eq!(
        desk_from_flag("--desk", &"x".repeat(61))
            .unwrap_err()
            .to_string(),
        "--desk is 61 characters long; keep it to 60 or fewer"
    );
    assert_eq!(staff_from_flag("--staff", " AB ").unwrap(), "AB");
}

#[test]
fn purge_says_where_its_retention_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(&file, "").unwrap();
    let settings = Settings::resolve_with(&named(&file), |_| None).unwrap();
    assert_eq!(
        settings.retention_with_flag("--older-than", None).unwrap(),
        (730, Source::Default)
    );
    assert_eq!(
        settings
            .retention_with_flag("--older-than", Some("7"))
            .unwrap(),
        (7, Source::Flag("--older-than"))
    );
    assert_eq!(
        settings
            .retention_with_flag("--older-than", Some("0"))
            .unwrap_err()
            .to_string(),
        "--older-than must be a whole number of days from 1 to 36500, not \"0\"; e.g. 730 keeps two years"
    );
}

#[test]
fn key_binding_problems_point_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(
        &file,
        "desk = \"Main\"\n\n[keys]\nquit = [\"ctrl-q\"]\n\"log_visit\" = [\"enter\"]\n",
    )
    .unwrap();
    let settings = Settings::resolve_with(&named(&file), |_| None).unwrap();
    assert_eq!(settings.key_lines.get("quit"), Some(&4));
    assert_eq!(settings.key_lines.get("log_visit"), Some(&5));
    assert_eq!(
        settings
            .key_binding_error("keys.log_visit: Enter already does 'open'")
            .to_string(),
        format!(
            "{}:5: keys.log_visit: Enter already does 'open'",
            file.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn a_config_path_that_is_not_a_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        error(&named(dir.path()), |_| None),
        format!(
            "the config file {} is a folder, not a regular file; give the path of a TOML file",
            dir.path().display()
        )
    );
    assert_eq!(
        error(&named(Path::new("/dev/zero")), |_| None),
        "the config file /dev/zero is a device, not a regular file; give the path of a TOML file"
    );
}

#[test]
fn the_accessible_mode_comes_from_the_flag_the_environment_or_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(&file, "accessible = true\n").unwrap();
    assert!(
        Settings::resolve_with(&named(&file), |_| None)
            .unwrap()
            .accessible
    );
    let off = Settings::resolve_with(&named(&file), only("FRONTDESK_ACCESSIBLE", "0")).unwrap();
    assert!(!off.accessible, "the environment beats the file");
    let flag = Overrides {
        accessible: true,
        ..named(&file)
    };
    let on = Settings::resolve_with(&flag, only("FRONTDESK_ACCESSIBLE", "no")).unwrap();
    assert!(on.accessible, "the flag beats both");
    fs::write(&file, "").unwrap();
    for word in ["1", "true", "YES", " on "] {
        let on = Settings::resolve_with(&named(&file), only("FRONTDESK_ACCESSIBLE", word));
        assert!(on.unwrap().accessible, "{word}");
    }
    assert!(
        !Settings::resolve_with(&named(&file), |_| None)
            .unwrap()
            .accessible
    );
    assert!(
        Settings::resolve_with(&named(&file), only("TERM", "dumb"))
            .unwrap()
            .dumb_terminal
    );
    assert!(
        !Settings::resolve_with(&named(&file), only("TERM", "xterm-256color"))
            .unwrap()
            .dumb_terminal
    );
}

#[test]
fn a_bad_accessible_value_is_named_where_it_was_given() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(&file, "").unwrap();
    assert_eq!(
        error(&named(&file), only("FRONTDESK_ACCESSIBLE", "2")),
        "FRONTDESK_ACCESSIBLE must be 1 or 0 (or true or false), not \"2\""
    );
    // A bad value is refused even when the flag turns the mode on.
    let flag = Overrides {
        accessible: true,
        ..named(&file)
    };
    assert!(Settings::resolve_with(&flag, only("FRONTDESK_ACCESSIBLE", "maybe")).is_err());
    fs::write(&file, "desk = \"A\"\naccessible = 1\n").unwrap();
    assert_eq!(
        error(&named(&file), |_| None),
        format!(
            "{}:2: accessible must be true or false (without quotes), not 1",
            file.display()
        )
    );
}

#[test]
fn the_print_command_is_lp_where_it_exists_and_can_be_set_or_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(&file, "").unwrap();
    // A PATH with an `lp` in it, and one without.
    let bin = dir.path().join("bin");
    fs::create_dir(&bin).unwrap();
    fs::write(bin.join("lp"), "").unwrap();
    let path = bin.display().to_string();
    let with_lp = move |n: &str| (n == "PATH").then(|| path.clone());
    let settings = Settings::resolve_with(&named(&file), with_lp.clone()).unwrap();
    let default: Vec<String> = DEFAULT_PRINT_COMMAND
        .iter()
        .map(|w| w.to_string())
        .collect();
    assert_eq!(settings.print_command, Some(default.clone()));
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let empty = empty.display().to_string();
    let no_lp = move |n: &str| (n == "PATH").then(|| empty.clone());
    let settings = Settings::resolve_with(&named(&file), no_lp).unwrap();
    if cfg!(windows) {
        // Windows' own `cmd` opens the slip's page: there is always a print command.
        assert_eq!(settings.print_command, Some(default));
        assert!(
            settings
                .describe()
                .contains("print_command = cmd /C start \"\" {html}\n")
        );
    } else {
        assert_eq!(settings.print_command, None);
        assert!(settings.describe().contains("print_command = (none"));
    }

    fs::write(&file, "print_command = \"lpr -P desk\"\n").unwrap();
    let settings = Settings::resolve_with(&named(&file), with_lp.clone()).unwrap();
    assert_eq!(
        settings.print_command,
        Some(vec!["lpr".into(), "-P".into(), "desk".into()])
    );
    fs::write(
        &file,
        "print_command = [\"lp\", \"-d\", \"Desk printer\"]\n",
    )
    .unwrap();
    let settings = Settings::resolve_with(&named(&file), with_lp.clone()).unwrap();
    assert_eq!(
        settings.print_command,
        Some(vec!["lp".into(), "-d".into(), "Desk printer".into()])
    );
    assert!(
        settings
            .describe()
            .contains("print_command = lp -d \"Desk printer\"\n"),
        "a word with a space is shown in quotes"
    );
    fs::write(&file, "print_command = \"\"\n").unwrap();
    let settings = Settings::resolve_with(&named(&file), with_lp.clone()).unwrap();
    assert_eq!(settings.print_command, None, "empty turns printing off");
}

#[test]
fn a_bad_print_command_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(&file, "desk = \"A\"\nprint_command = 7\n").unwrap();
    let message = error(&named(&file), |_| None);
    assert!(
        message.ends_with(":2: print_command must be a command in quotes, e.g. \"lp -d desk-printer\", or a list such as [\"lp\", \"-d\", \"Desk printer\"], not 7"),
        "{message}"
    );
    fs::write(&file, "print_command = [\"lp\", 3]\n").unwrap();
    assert!(error(&named(&file), |_| None).contains(":1: print_command must be"));
    fs::write(&file, "print_command = \"lp\\u001b[2J\"\n").unwrap();
    assert!(error(&named(&file), |_| None).contains("control character"));
}

#[test]
fn server_urls_are_checked_where_they_are_given_and_never_show_a_password() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(&file, "desk = \"Main\"\nserver = 5432\n").unwrap();
    let message = error(&named(&file), |_| None);
    assert!(
        message.starts_with(&format!(
            "{}:2: server must be a server URL in quotes",
            file.display()
        )),
        "{message}"
    );
    fs::write(&file, "report_server = \"mysql://r:pw1@h/db\"\n").unwrap();
    let message = error(&named(&file), |_| None);
    assert!(
        message.contains(":1: report_server must be a URL that starts with postgres://"),
        "{message}"
    );
    assert!(!message.contains("pw1"), "{message}");

    fs::write(
        &file,
        "server = \"postgres://desk:pw2@db.example.gov.uk/fd\"\n",
    )
    .unwrap();
    let settings = Settings::resolve_with(&named(&file), |_| None).unwrap();
    assert_eq!(
        settings.server.as_ref().map(ToString::to_string).as_deref(),
        Some("postgres://desk:***@db.example.gov.uk/fd")
    );
    assert!(!settings.describe().contains("pw2"));
    assert!(!format!("{settings:?}").contains("pw2"));
    // The environment wins over the file, and is checked by the same rule.
    let from_env = Settings::resolve_with(&named(&file), |name| {
        (name == "FRONTDESK_SERVER").then(|| "postgres://other@127.0.0.1/fd".to_string())
    })
    .unwrap();
    assert_eq!(
        from_env.server.unwrap().to_string(),
        "postgres://other@127.0.0.1/fd"
    );
    let bad = error(&named(&file), |name| {
        (name == "FRONTDESK_SERVER").then(|| "nonsense".to_string())
    });
    assert!(bad.starts_with("FRONTDESK_SERVER must be a URL"), "{bad}");
}

#[test]
fn sharing_appointments_needs_a_server_and_is_off_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(&file, "").unwrap();
    let plain = Settings::resolve_with(&named(&file), |_| None).unwrap();
    assert!(!plain.share_appointments);
    assert!(plain.describe().contains("share_appointments = off"));

    fs::write(&file, "share_appointments = true\n").unwrap();
    let message = error(&named(&file), |_| None);
    assert!(
        message.contains("share_appointments = true needs server"),
        "{message}"
    );
    fs::write(
        &file,
        "share_appointments = true\nserver = \"postgres://desk@127.0.0.1/fd\"\n",
    )
    .unwrap();
    let shared = Settings::resolve_with(&named(&file), |_| None).unwrap();
    assert!(shared.share_appointments);
    assert!(shared.describe().contains("share_appointments = on"));
    // The environment wins, by the same rule as FRONTDESK_ACCESSIBLE's.
    let off = Settings::resolve_with(&named(&file), |name| {
        (name == "FRONTDESK_SHARE_APPOINTMENTS").then(|| "0".to_string())
    })
    .unwrap();
    assert!(!off.share_appointments);
    fs::write(&file, "share_appointments = \"yes\"\n").unwrap();
    let message = error(&named(&file), |_| None);
    assert!(
        message.contains(":1: share_appointments must be true or false"),
        "{message}"
    );
}

#[test]
fn the_language_of_a_config_file_with_a_mistake_elsewhere_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let hint = |text: &str| {
        fs::write(&file, text).unwrap();
        Settings::language_hint(&named(&file))
    };
    // FRONTDESK_LANGUAGE would win; the tests' environment has none.
    if std::env::var_os("FRONTDESK_LANGUAGE").is_some() {
        return;
    }
    use crate::text::Language;
    assert_eq!(hint("language = \"cy\"\ndesk = \"Main\n"), Language::Welsh);
    assert_eq!(
        hint("desk = Main\nlanguage = 'cy' # Cymraeg\n"),
        Language::Welsh
    );
    assert_eq!(hint("language = \"cy\"\n"), Language::Welsh);
    // Only a top-level line counts; in doubt, English.
    assert_eq!(
        hint("desk = Main\n[keys]\nlanguage = \"cy\"\n"),
        Language::English
    );
    assert_eq!(hint("desk = Main\nlanguage = cy\n"), Language::English);
    assert_eq!(hint("\u{0}\u{ff}"), Language::English);
}
