//! What the command line says when it cannot go on, in the desk's language: a command line the
//! parser refuses, a config file that is not valid TOML, and a central server that cannot be
//! reached. A Welsh desk (`language = "cy"` in the config, or FRONTDESK_LANGUAGE=cy) hears Welsh,
//! an English desk English; each sentence names the option, the line or the server, and says
//! what to do.

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::support::{Run, bare_frontdesk};

/// A desk whose config file says its language (and anything else given).
fn desk(language: &str, more: &str) -> (TempDir, PathBuf) {
    let home = TempDir::new().unwrap();
    let config = home.path().join("config.toml");
    fs::write(&config, format!("language = \"{language}\"\n{more}\n")).unwrap();
    (home, config)
}

/// The binary with the config named by `--config`, as the sweep and most users give it.
fn run(home: &Path, config: &Path, args: &[&str]) -> Run {
    crate::support::frontdesk_with_config(home, config)
        .args(args)
        .output()
        .unwrap()
        .into()
}

/// Each usage error: the words, the option it must name, and what the Welsh and the English say.
const CASES: &[(&[&str], &str, &str)] = &[
    (
        &["visits", "--form", "2026-03-01"],
        "nid oes dewis --form gan y gorchymyn hwn; ai --from oedd gennych mewn golwg?",
        "this command has no option --form; did you mean --from?",
    ),
    (
        &["serach", "bins"],
        "nid oes gorchymyn 'serach'; ai search oedd gennych mewn golwg?",
        "there is no command 'serach'; did you mean search?",
    ),
    (
        &["config", "extra"],
        "nid oedd disgwyl 'extra' yma",
        "'extra' was not expected here",
    ),
    (
        &["report", "--format", "pdf"],
        "--format: ni chaniateir 'pdf'; defnyddiwch un o: table, json, csv, html",
        "--format: 'pdf' is not allowed; use one of: table, json, csv, html",
    ),
    (
        &["visits", "--from"],
        "mae angen gwerth ar --from; ysgrifennwch ef ar ôl y dewis: --from <DYDDIAD>",
        "--from needs a value; write it after the option: --from <DATE>",
    ),
    (
        &["check", "--as-of", "2026-13-01"],
        "--as-of: nid yw '2026-13-01' yn ddyddiad; ysgrifennwch ef fel YYYY-MM-DD",
        "--as-of: '2026-13-01' is not a date; write it as YYYY-MM-DD",
    ),
    (
        &["demo-data", "--visits", "0"],
        "--visits: mae 0 yn rhy fawr neu'n rhy fach; rhowch rif o 1 i 10000000",
        "--visits: 0 is too large or too small; give a number from 1 to 10000000",
    ),
    (
        &["search", "--limit", "ten", "bins"],
        "--limit: nid yw 'ten' yn rhif cyfan",
        "--limit: 'ten' is not a whole number",
    ),
    (
        &["search", "--json", "--explain", "bins"],
        "ni ellir defnyddio --json gyda --explain; rhowch un neu'r llall",
        "--json cannot be used with --explain; give one or the other",
    ),
    (
        &["visits", "--json", "--json"],
        "dim ond unwaith y gellir rhoi --json",
        "--json may be given only once",
    ),
    (
        &["log", "--outcome", "resolved"],
        "mae angen --service <ID[=CANLYNIAD]> ar y gorchymyn hwn",
        "this command needs --service <ID[=OUTCOME]>",
    ),
    (
        &["catalogue"],
        "mae angen gorchymyn ar ôl 'frontdesk catalogue'; defnyddiwch un o: list, review, publish",
        "'frontdesk catalogue' needs a command after it; use one of: list, review, publish",
    ),
];

#[test]
fn each_usage_error_on_a_welsh_desk_is_said_in_welsh_and_on_an_english_desk_in_english() {
    for (language, heading, more) in [
        ("cy", "Defnydd:", "Am ragor o wybodaeth, rhowch 'frontdesk"),
        ("en", "Usage:", "For more information, run 'frontdesk"),
    ] {
        let (home, config) = desk(language, "");
        for (args, welsh, english) in CASES {
            let said = run(home.path(), &config, args);
            let expected = if language == "cy" { welsh } else { english };
            assert_eq!(said.code, 2, "{args:?}: {}", said.stderr);
            assert!(said.stdout.is_empty(), "{args:?}: {}", said.stdout);
            assert!(
                said.stderr.starts_with("frontdesk: ") && said.stderr.contains(expected),
                "{language} {args:?}:\n{}",
                said.stderr
            );
            assert!(
                said.stderr.lines().any(|l| l.starts_with(heading)),
                "{args:?}: {}",
                said.stderr
            );
            assert!(said.stderr.contains(more), "{args:?}: {}", said.stderr);
        }
    }
}

#[test]
fn the_usage_line_and_the_help_hint_name_the_command_in_the_desks_language() {
    let (home, config) = desk("cy", "");
    let said = run(home.path(), &config, &["log", "--outcome", "resolved"]);
    let usage = said
        .stderr
        .lines()
        .find(|l| l.starts_with("Defnydd:"))
        .expect("a usage line");
    assert!(
        usage.starts_with("Defnydd: frontdesk log") && usage.contains("<ID[=CANLYNIAD]>"),
        "{usage}"
    );
    assert!(!usage.contains("OPTIONS"), "{usage}");
    assert!(
        said.stderr
            .contains("Am ragor o wybodaeth, rhowch 'frontdesk log --help'."),
        "{}",
        said.stderr
    );
}

#[test]
fn the_language_comes_from_the_environment_or_the_config_file_however_it_is_named() {
    // FRONTDESK_LANGUAGE wins over the file.
    let (home, config) = desk("en", "");
    let said: Run = crate::support::frontdesk_with_config(home.path(), &config)
        .env("FRONTDESK_LANGUAGE", "cy")
        .args(["visits", "--form", "x"])
        .output()
        .unwrap()
        .into();
    assert!(
        said.stderr.contains("nid oes dewis --form"),
        "{}",
        said.stderr
    );
    // The file named by FRONTDESK_CONFIG, and by --config=FILE.
    let (home, config) = desk("cy", "");
    let said: Run = bare_frontdesk()
        .env("HOME", home.path())
        .env("FRONTDESK_CONFIG", &config)
        .args(["visits", "--form", "x"])
        .output()
        .unwrap()
        .into();
    assert!(
        said.stderr.contains("nid oes dewis --form"),
        "{}",
        said.stderr
    );
    let said: Run = bare_frontdesk()
        .env("HOME", home.path())
        .arg(format!("--config={}", config.display()))
        .args(["visits", "--form", "x"])
        .output()
        .unwrap()
        .into();
    assert!(
        said.stderr.contains("nid oes dewis --form"),
        "{}",
        said.stderr
    );
    // A file that cannot be read, or says nothing of the language: English.
    let said: Run = bare_frontdesk()
        .env("HOME", home.path())
        .args(["--config", "/no/such/config.toml", "visits", "--form", "x"])
        .output()
        .unwrap()
        .into();
    assert!(
        said.stderr.contains("this command has no option --form"),
        "{}",
        said.stderr
    );
}

#[test]
fn help_and_version_are_printed_as_they_always_were() {
    let (home, config) = desk("cy", "");
    let help = run(home.path(), &config, &["log", "--help"]);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout.contains("Usage: frontdesk log"),
        "{}",
        help.stdout
    );
    let version = run(home.path(), &config, &["--version"]);
    assert_eq!(version.code, 0);
    assert!(
        version.stdout.starts_with("frontdesk "),
        "{}",
        version.stdout
    );
}

#[test]
fn a_config_file_that_is_not_toml_is_said_in_its_own_language_with_the_line_and_column() {
    let cases = [
        (
            "desk = \"Main reception\n",
            2,
            "nid yw'r ffeil ffurfweddu yn TOML dilys yn llinell 2, colofn 23: rhaid i destun mewn dyfynodau orffen gyda'r un dyfynnod ar yr un llinell",
            "the config file is not valid TOML at line 2, column 23: text in quotes must end with the same quote on the same line",
        ),
        (
            "data_dir = \"C:\\Users\\desk\"\n",
            2,
            "ysgrifennwch lwybr mewn dyfynodau sengl",
            "write a path in single quotes",
        ),
        (
            "desk = Main\n",
            2,
            "rhaid i destun fod mewn dyfynodau",
            "text must be in quotes",
        ),
        (
            "desk \"Main\"\n",
            2,
            "ysgrifennwch bob gosodiad ar ei linell ei hun fel enw = gwerth",
            "write each setting on its own line as name = value",
        ),
        (
            "desk = \"A\"\ndesk = \"B\"\n",
            3,
            "mae'r gosodiad hwn wedi'i roi ddwywaith; cadwch un",
            "this setting is given twice; keep one",
        ),
        (
            "colour = \"blue\"\n",
            2,
            "nid yw colour yn osodiad y mae frontdesk yn ei adnabod; gwiriwch ei sillafiad; y gosodiadau yw: desk, staff,",
            "colour is not a setting frontdesk knows; check its spelling; the settings are: desk, staff,",
        ),
    ];
    for (more, line, welsh, english) in cases {
        for (language, expected) in [("cy", welsh), ("en", english)] {
            let (home, config) = desk(language, more);
            let said = run(home.path(), &config, &["search", "bins"]);
            assert_eq!(said.code, 2, "{more}: {}", said.stderr);
            let at = format!("frontdesk: {}:{line}: ", config.display());
            assert!(
                said.stderr.starts_with(&at) && said.stderr.contains(expected),
                "{language} {more:?}:\n{}",
                said.stderr
            );
        }
    }
}

#[test]
fn a_server_with_nothing_listening_is_said_in_welsh_with_what_to_do() {
    let (home, config) = desk("cy", "");
    let server = "postgres://desk@127.0.0.1:1/frontdesk";
    for args in [
        vec!["sync", "--server", server],
        vec!["report", "--central", "--server", server],
    ] {
        let said = run(home.path(), &config, &args);
        assert!(!said.stderr.is_empty() && said.code != 0, "{args:?}");
        assert!(
            said.stderr.starts_with(&format!(
                "frontdesk: ni ellir cyrraedd y gweinydd {server}: nid oes dim yn ateb yn y cyfeiriad hwnnw"
            )) && said.stderr.contains("gwiriwch y gosodiad server")
                && said.stderr.contains("(manylion: \""),
            "{args:?}:\n{}",
            said.stderr
        );
    }
    let (home, config) = desk("en", "");
    let said = run(home.path(), &config, &["sync", "--server", server]);
    assert!(
        said.stderr.starts_with(&format!(
            "frontdesk: cannot reach the server {server}: nothing answers at that address"
        )),
        "{}",
        said.stderr
    );
}

#[test]
fn shared_bookings_on_a_server_with_nothing_listening_are_said_in_welsh() {
    let (home, config) = desk(
        "cy",
        "share_appointments = true\nserver = \"postgres://desk@127.0.0.1:1/frontdesk\"",
    );
    let said = run(home.path(), &config, &["queue", "list"]);
    assert_eq!(said.code, 2, "{}", said.stderr);
    assert!(
        said.stderr.contains("na ellir ei gyrraedd")
            && said.stderr.contains("ni chafodd dim ei drefnu"),
        "{}",
        said.stderr
    );
}
