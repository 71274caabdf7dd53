//! Catalogue folders as a council might leave them, run through the real binary: links back to
//! a parent, named pipes and devices called `*.toml`, files too large, and catalogues with
//! errors. Nothing hangs, nothing is read twice, and a catalogue with errors is refused by every
//! command that would use it, with its first problems listed.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use proptest::prelude::*;
use tempfile::TempDir;

/// No run of the binary may take longer than this: a hang fails the test instead of stalling it.
const LIMIT: Duration = Duration::from_secs(20);

use crate::support::frontdesk as frontdesk_without_limit;

fn frontdesk(home: &Path) -> Command {
    let mut cmd = frontdesk_without_limit(home);
    cmd.timeout(LIMIT);
    cmd
}

fn frontdesk_with_config(home: &Path, config: &Path) -> Command {
    let mut cmd = crate::support::frontdesk_with_config(home, config);
    cmd.timeout(LIMIT);
    cmd
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(home: &Path, catalogue: &Path, args: &[&str]) -> Run {
    let output = frontdesk(home)
        .arg("--catalogue")
        .arg(catalogue)
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

const COUNCIL: &str = "[council]\nname = \"Test Council\"\n";

fn service(id: &str, title: &str) -> String {
    format!(
        "[[service]]\nid = \"{id}\"\ntitle = \"{title}\"\nsummary = \"A service.\"\nreview_by = \"2099-01-01\"\n\n"
    )
}

/// A small clean catalogue: a council and two services.
fn clean_catalogue(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join("council.toml"), COUNCIL).unwrap();
    fs::write(
        dir.join("services.toml"),
        service("bin-missed", "Missed bin") + &service("council-tax", "Council tax"),
    )
    .unwrap();
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// The catalogue folder's own path, as messages print it.
fn shown(dir: &Path) -> String {
    dir.display().to_string()
}

// ---- issue 7.11: walk each real folder once, read regular files only, bound every read ----

#[test]
fn a_folder_with_two_links_to_itself_is_walked_once() {
    let home = TempDir::new().unwrap();
    let dir = home.path().join("catalogue");
    clean_catalogue(&dir);
    symlink(".", dir.join("again")).unwrap();
    symlink(&dir, dir.join("and-again")).unwrap();
    let result = run(home.path(), &dir, &["check"]);
    assert_eq!(result.code, Some(0), "{}{}", result.stdout, result.stderr);
    assert_eq!(
        result.stdout,
        "No problems in 2 files: 2 services, 0 partners, 0 FAQs.\n"
    );
    let result = run(home.path(), &dir, &["catalogue", "list"]);
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    assert!(
        result
            .stdout
            .ends_with("2 entries in all. Use --json for the full details.\n")
    );
}

#[test]
fn a_file_reached_through_a_link_to_another_folder_is_read_once() {
    let home = TempDir::new().unwrap();
    let dir = home.path().join("catalogue");
    clean_catalogue(&dir);
    fs::create_dir(dir.join("shared")).unwrap();
    fs::write(dir.join("shared/faq.toml"), "[[faq]]\nid = \"bin-day\"\nquestion = \"When is my bin day?\"\nanswer = \"Look it up online.\"\nreview_by = \"2099-01-01\"\n").unwrap();
    symlink(dir.join("shared"), dir.join("also-shared")).unwrap();
    symlink(dir.join("services.toml"), dir.join("services-link.toml")).unwrap();
    let result = run(home.path(), &dir, &["check"]);
    assert_eq!(
        result.stdout, "No problems in 3 files: 2 services, 0 partners, 1 FAQ.\n",
        "{}",
        result.stderr
    );
}

#[test]
fn a_named_pipe_or_a_device_called_toml_is_reported_not_read() {
    let home = TempDir::new().unwrap();
    let dir = home.path().join("catalogue");
    clean_catalogue(&dir);
    mkfifo(&dir.join("pipe.toml"));
    symlink("/dev/zero", dir.join("zero.toml")).unwrap();
    symlink(dir.join("missing-file"), dir.join("dangling.toml")).unwrap();
    let result = run(home.path(), &dir, &["check"]);
    assert_eq!(result.code, Some(1), "{}", result.stderr);
    let d = shown(&dir);
    assert_eq!(
        result.stdout,
        format!(
            "{d}/dangling.toml:1:1: error: this is a link to a file that does not exist; fix the link or remove it\n\
             {d}/pipe.toml:1:1: error: this is a named pipe (FIFO), not a regular file, so it is not read; a catalogue file must be a TOML file\n\
             {d}/zero.toml:1:1: error: this is a device, not a regular file, so it is not read; a catalogue file must be a TOML file\n\
             3 errors, 0 warnings in 5 files\n"
        )
    );
    // The same catalogue is refused by search, which names the problems.
    let result = run(home.path(), &dir, &["search", "bin"]);
    assert_eq!(result.code, Some(2));
    assert!(
        result
            .stderr
            .contains("pipe.toml:1:1: error: this is a named pipe"),
        "{}",
        result.stderr
    );
}

#[test]
fn a_named_pipe_given_as_the_config_file_or_an_import_is_refused_at_once() {
    let home = TempDir::new().unwrap();
    let pipe = home.path().join("pipe");
    mkfifo(&pipe);
    let output = frontdesk_with_config(home.path(), &pipe)
        .args(["config", "--print"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "frontdesk: the config file {} is a named pipe (FIFO), not a regular file; give the path of a TOML file\n",
            pipe.display()
        )
    );
    let output = frontdesk(home.path())
        .args(["import", "lgsl"])
        .arg(&pipe)
        .arg("--out")
        .arg(home.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains(&format!(
            "{} is a named pipe (FIFO), not a regular file; give the path of a CSV file",
            pipe.display()
        )),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let output = frontdesk(home.path())
        .args(["import", "lgsl", "/dev/zero", "--out"])
        .arg(home.path().join("out"))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("/dev/zero is a device, not a regular file"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

// ---- issue 7.12: a catalogue with errors is refused everywhere, with its first problems ----

/// A catalogue with a duplicate id, an empty one and a dangling reference.
fn broken_catalogue(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join("council.toml"), COUNCIL).unwrap();
    let text = service("bin-missed", "Missed bin")
        + &service("bin-missed", "Missed bin again")
        + &service("", "No id")
        + "[[service]]\nid = \"council-tax\"\ntitle = \"Council tax\"\nsummary = \"Pay it.\"\nrelated = [\"nowhere\"]\nreview_by = \"2099-01-01\"\n";
    fs::write(dir.join("services.toml"), text).unwrap();
}

#[test]
fn search_log_list_and_the_screen_refuse_a_catalogue_with_errors() {
    let home = TempDir::new().unwrap();
    let dir = home.path().join("catalogue");
    broken_catalogue(&dir);
    let d = shown(&dir);
    let check = run(home.path(), &dir, &["check"]);
    assert_eq!(check.code, Some(1));
    let errors: Vec<&str> = check
        .stdout
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    assert_eq!(errors.len(), 3, "{}", check.stdout);
    let expected = format!(
        "frontdesk: the catalogue in {d} has 3 errors, so it is not used; fix them and start again:\n  {}\n  Run `frontdesk check --catalogue {d}` after each change.\n",
        errors.join("\n  ")
    );
    for args in [
        &["search", "bin"][..],
        &["log", "--service", "bin-missed", "--outcome", "resolved"][..],
        &["catalogue", "list"][..],
        &[][..],
    ] {
        let result = run(home.path(), &dir, args);
        assert_eq!(result.code, Some(2), "{args:?}");
        assert_eq!(result.stderr, expected, "{args:?}");
        assert_eq!(result.stdout, "", "{args:?}");
    }
    assert!(
        !home.path().join("data/visits.sqlite3").exists(),
        "nothing was logged"
    );
}

#[test]
fn a_long_list_of_errors_shows_the_first_five_and_how_to_see_all() {
    let home = TempDir::new().unwrap();
    let dir = home.path().join("catalogue");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("council.toml"), COUNCIL).unwrap();
    let text: String = (0..8)
        .map(|i| service("Bad Id", &format!("Service {i}")))
        .collect();
    fs::write(dir.join("services.toml"), text).unwrap();
    let result = run(home.path(), &dir, &["search", "bin"]);
    let lines: Vec<&str> = result.stderr.lines().collect();
    assert_eq!(lines.len(), 7, "{}", result.stderr);
    assert!(
        lines[0].ends_with("has 15 errors, so it is not used; fix them and start again:"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1..6]
            .iter()
            .all(|l| l.starts_with(&format!("  {}/services.toml:", shown(&dir))))
    );
    assert_eq!(
        lines[6],
        format!(
            "  ... and 10 more: run `frontdesk check --catalogue {}` for all 15",
            shown(&dir)
        )
    );
}

#[test]
fn warnings_alone_do_not_refuse_a_catalogue() {
    let home = TempDir::new().unwrap();
    let dir = home.path().join("catalogue");
    clean_catalogue(&dir);
    fs::write(
        dir.join("old.toml"),
        "[[service]]\nid = \"old\"\ntitle = \"An old service\"\nsummary = \"Old.\"\nreview_by = \"2001-01-01\"\n",
    )
    .unwrap();
    let result = run(home.path(), &dir, &["search", "--json", "old", "service"]);
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    assert!(result.stdout.contains("\"id\": \"old\""));
}

// ---- a property: any folder, any files, any links: no panic, no hang, nothing unprintable ----

/// One thing to put in a catalogue folder.
#[derive(Debug, Clone)]
enum Item {
    Good(String),
    Bytes(Vec<u8>),
    Text(String),
    /// A sparse file just over the size limit.
    Huge,
    LinkToParent,
    LinkToRoot,
    LinkToNowhere,
    LinkToDevZero,
    Fifo,
    Folder(Vec<Item>),
}

fn item() -> impl Strategy<Value = Item> {
    let leaf = prop_oneof![
        3 => "[a-z]{1,8}".prop_map(|id| Item::Good(service(&id, &format!("Title {id}")))),
        2 => proptest::collection::vec(any::<u8>(), 0..300).prop_map(Item::Bytes),
        2 => "\\PC{0,80}|[\\x00-\\x1f\\x7f\\u{9b}\\u{202e}a-z= \"\\[\\]]{0,80}".prop_map(Item::Text),
        1 => Just(Item::Huge),
        1 => Just(Item::LinkToParent),
        1 => Just(Item::LinkToRoot),
        1 => Just(Item::LinkToNowhere),
        1 => Just(Item::LinkToDevZero),
        1 => Just(Item::Fifo),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        proptest::collection::vec(inner, 0..5).prop_map(Item::Folder)
    })
}

fn build(root: &Path, dir: &Path, items: &[Item]) {
    fs::create_dir_all(dir).unwrap();
    for (i, item) in items.iter().enumerate() {
        // Some names carry an escape sequence or a line break, as a file system allows.
        let name = match i % 4 {
            0 => format!("f{i}.toml"),
            1 => format!("f{i}\u{1b}[2J.toml"),
            2 => format!("f{i}\nx.toml"),
            _ => format!("f{i}"),
        };
        let path = dir.join(&name);
        match item {
            Item::Good(text) | Item::Text(text) => fs::write(&path, text).unwrap(),
            Item::Bytes(bytes) => fs::write(&path, bytes).unwrap(),
            Item::Huge => fs::File::create(&path)
                .unwrap()
                .set_len(frontdesk::catalogue::MAX_FILE_BYTES + 1)
                .unwrap(),
            Item::LinkToParent => symlink("..", &path).unwrap(),
            Item::LinkToRoot => symlink(root, &path).unwrap(),
            Item::LinkToNowhere => symlink(dir.join("nothing-here"), &path).unwrap(),
            Item::LinkToDevZero => symlink("/dev/zero", &path).unwrap(),
            Item::Fifo => mkfifo(&path),
            Item::Folder(items) => build(root, &path, items),
        }
    }
}

fn assert_printable(what: &str, text: &str) -> Result<(), TestCaseError> {
    let bad = text
        .chars()
        .find(|&c| c != '\n' && frontdesk::printable::is_unsafe(c));
    prop_assert!(bad.is_none(), "{what} printed {bad:?}:\n{text}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_catalogue_folder_is_checked_and_searched_without_panic_or_hang(
        items in proptest::collection::vec(item(), 0..6)
    ) {
        let home = TempDir::new().unwrap();
        let dir = home.path().join("catalogue");
        build(&dir, &dir, &items);
        fs::write(dir.join("council.toml"), COUNCIL).unwrap();
        for args in [&["check"][..], &["search", "title"][..], &["catalogue", "list"][..]] {
            let result = run(home.path(), &dir, args);
            // A timeout or a signal leaves no exit code.
            prop_assert!(matches!(result.code, Some(0..=2)), "{args:?}: {:?} {}", result.code, result.stderr);
            prop_assert!(!result.stderr.contains("panicked"), "{args:?}: {}", result.stderr);
            assert_printable("stdout", &result.stdout)?;
            assert_printable("stderr", &result.stderr)?;
        }
    }
}
