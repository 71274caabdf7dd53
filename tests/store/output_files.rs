//! Every file a command writes (`report -o`, `export visits -o`, `slip -o`, the accessible
//! mode's `save FILE`) goes through one writer: the visit log, its `-wal`, `-shm` and
//! `-journal` and the files kept in the data folder are refused however they are named (the
//! path, a symbolic link, a hard link) and are intact afterwards; a device, a named pipe and a
//! link are written through and stay what they were; notes are owner-only; CSV cells are safe
//! for a spreadsheet; a terminal sees no raw control character. Real files, the real binary.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use chrono::Utc;
use frontdesk::store::Store;
use frontdesk::visit::{Outcome, VisitDraft};
use tempfile::TempDir;

struct Desk {
    dir: TempDir,
}

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

impl Desk {
    fn new() -> Desk {
        let desk = Desk {
            dir: TempDir::new().unwrap(),
        };
        fs::write(desk.config(), "").unwrap();
        fs::create_dir_all(desk.data()).unwrap();
        desk
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn log_file(&self) -> PathBuf {
        self.data().join("visits.sqlite3")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("frontdesk").unwrap();
        cmd.env_clear()
            .env("FRONTDESK_CONFIG", self.config())
            .env("FRONTDESK_DATA_DIR", self.data())
            .env("FRONTDESK_DESK", "Main desk")
            .env("TZ", "Europe/London")
            .current_dir(self.dir.path())
            .timeout(Duration::from_secs(30));
        cmd
    }

    fn run(&self, args: &[&str], stdin: Option<&str>) -> Run {
        let mut cmd = self.cmd();
        cmd.args(args);
        if let Some(input) = stdin {
            cmd.write_stdin(input.to_string());
        }
        let output = cmd.output().unwrap();
        Run {
            ok: output.status.success(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Logs a visit with a note through the command, and returns its id.
    fn log_visit(&self) -> String {
        let run = self.run(
            &[
                "log",
                "--service",
                "council-tax-arrears",
                "--outcome",
                "resolved",
                "--note",
                "asked about the bill",
            ],
            None,
        );
        assert!(run.ok, "{}", run.stderr);
        run.stdout.trim().to_string()
    }

    /// True when `visits --json` still lists the visit `id`.
    fn still_listed(&self, id: &str) -> bool {
        let run = self.run(&["visits", "--json"], None);
        run.ok && run.stdout.contains(id)
    }
}

/// Every way a command can be asked to write `path`, with what it said.
fn write_with_every_command(desk: &Desk, path: &Path) -> Vec<(String, Run)> {
    let target = path.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["report", "--format", "html", "-o", target],
        vec!["report", "--format", "csv", "-o", target],
        vec!["export", "visits", "-o", target],
        vec![
            "export",
            "visits",
            "--include-notes",
            "--format",
            "jsonl",
            "-o",
            target,
        ],
        vec!["slip", "--partner", "food-bank", "-o", target],
        vec![
            "slip",
            "--partner",
            "food-bank",
            "--format",
            "html",
            "-o",
            target,
        ],
    ];
    let mut runs: Vec<(String, Run)> = commands
        .iter()
        .map(|args| (args.join(" "), desk.run(args, None)))
        .collect();
    let input = format!("report\nsave {target}\nquit\n");
    runs.push((
        format!("--accessible: save {target}"),
        desk.run(&["--accessible"], Some(&input)),
    ));
    runs
}

fn assert_all_refused(desk: &Desk, path: &Path, id: &str, what: &str) {
    for (command, run) in write_with_every_command(desk, path) {
        if command.starts_with("--accessible") {
            assert!(run.ok, "{command}: {}", run.stderr);
            assert!(
                run.stdout.contains("The report was not saved:")
                    && run.stdout.contains(what)
                    && run.stdout.contains("which frontdesk keeps"),
                "{command}:\n{}",
                run.stdout
            );
        } else {
            assert!(!run.ok, "{command} wrote over {}", path.display());
            assert!(
                run.stderr.contains(&path.display().to_string())
                    && run.stderr.contains(what)
                    && run.stderr.contains("give a file outside the data folder"),
                "{command}: {}",
                run.stderr
            );
            assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
        }
        assert!(desk.still_listed(id), "{command}: the visit is gone");
    }
}

#[test]
fn the_visit_log_and_its_files_are_refused_by_path_by_link_and_by_hard_link() {
    let desk = Desk::new();
    let id = desk.log_visit();
    let before = fs::read(desk.log_file()).unwrap();
    // The log by its own name, and a name for each file SQLite keeps beside it (present or not).
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = desk.log_file().into_os_string();
        name.push(suffix);
        let what = if suffix.is_empty() {
            "the visit log"
        } else {
            "a file SQLite keeps beside the visit log"
        };
        let path = PathBuf::from(name);
        assert_all_refused(&desk, &path, &id, what);
        // A symbolic link outside the data folder to it.
        let link = desk.path(&format!("link{suffix}.csv"));
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert_all_refused(&desk, &link, &id, what);
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    }
    // A hard link to the log, and to its -wal and -shm while a connection holds them open.
    let hard = desk.path("hard.csv");
    fs::hard_link(desk.log_file(), &hard).unwrap();
    assert_all_refused(&desk, &hard, &id, "the visit log");
    let open = Store::open(&desk.log_file()).unwrap();
    for suffix in ["-wal", "-shm"] {
        let mut name = desk.log_file().into_os_string();
        name.push(suffix);
        let hard = desk.path(&format!("hard{suffix}.html"));
        fs::hard_link(PathBuf::from(name), &hard).unwrap();
        assert_all_refused(
            &desk,
            &hard,
            &id,
            "a file SQLite keeps beside the visit log",
        );
    }
    drop(open);
    assert!(desk.still_listed(&id));
    // Nothing but SQLite itself changed the log.
    let after = fs::read(desk.log_file()).unwrap();
    assert_eq!(before.len(), after.len());
    let leftovers: Vec<_> = fs::read_dir(desk.data())
        .unwrap()
        .chain(fs::read_dir(desk.dir.path()).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_files_kept_in_the_data_folder_and_the_config_are_refused() {
    let desk = Desk::new();
    let id = desk.log_visit();
    fs::write(desk.data().join("frontdesk.log"), "earlier lines\n").unwrap();
    fs::create_dir_all(desk.data().join("drafts")).unwrap();
    fs::write(desk.data().join("drafts/main-desk-1.json"), "{}").unwrap();
    fs::create_dir_all(desk.data().join("central-catalogue")).unwrap();
    fs::write(desk.data().join("central-catalogue/a.toml"), "# a\n").unwrap();
    fs::create_dir_all(desk.data().join("compiled")).unwrap();
    for (path, what) in [
        (desk.data().join("frontdesk.log"), "the app's own log"),
        (
            desk.data().join("draft.json"),
            "a visit being logged (a draft)",
        ),
        (
            desk.data().join("drafts/main-desk-1.json"),
            "a visit being logged (a draft)",
        ),
        (
            desk.data().join("central-catalogue/a.toml"),
            "the catalogue fetched from the central server",
        ),
        (desk.data().join("compiled/new.bin"), "a compiled catalogue"),
        (desk.config(), "the config file"),
    ] {
        let before = fs::read(&path).ok();
        assert_all_refused(&desk, &path, &id, what);
        assert_eq!(fs::read(&path).ok(), before, "{}", path.display());
    }
    // A hard link elsewhere to a draft, and to the config file.
    let hard = desk.path("draft-link.csv");
    fs::hard_link(desk.data().join("drafts/main-desk-1.json"), &hard).unwrap();
    assert_all_refused(&desk, &hard, &id, "a visit being logged (a draft)");
    let hard = desk.path("config-link.csv");
    fs::hard_link(desk.config(), &hard).unwrap();
    assert_all_refused(&desk, &hard, &id, "the config file");
    assert_eq!(fs::read_to_string(desk.config()).unwrap(), "");
    // Backup says so too, and makes no copy there.
    let run = desk.run(
        &[
            "backup",
            "--force",
            desk.data().join("frontdesk.log").to_str().unwrap(),
        ],
        None,
    );
    assert!(!run.ok);
    assert!(run.stderr.contains("the app's own log"), "{}", run.stderr);
    assert_eq!(
        fs::read_to_string(desk.data().join("frontdesk.log")).unwrap(),
        "earlier lines\n"
    );
}

#[test]
fn a_new_file_beside_the_log_and_an_ordinary_file_are_written() {
    let desk = Desk::new();
    desk.log_visit();
    // A new report inside the data folder is fine: it is not one of the app's files.
    let report = desk.data().join("report.html");
    let run = desk.run(
        &["report", "--format", "html", "-o", report.to_str().unwrap()],
        None,
    );
    assert!(run.ok, "{}", run.stderr);
    assert!(fs::read_to_string(&report).unwrap().contains("<html"));
    // An existing file is replaced whole.
    let csv = desk.path("out.csv");
    fs::write(
        &csv,
        "old content that is longer than the new one, much longer indeed",
    )
    .unwrap();
    let run = desk.run(&["export", "visits", "-o", csv.to_str().unwrap()], None);
    assert!(run.ok, "{}", run.stderr);
    assert!(fs::read_to_string(&csv).unwrap().starts_with("visit_id,"));
    // A folder is one sentence.
    let run = desk.run(
        &[
            "slip",
            "--partner",
            "food-bank",
            "-o",
            desk.dir.path().to_str().unwrap(),
        ],
        None,
    );
    assert!(!run.ok);
    assert!(
        run.stderr
            .contains("is a folder; give a file name inside it"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_symbolic_link_stays_a_link_and_its_target_gets_the_content() {
    let desk = Desk::new();
    desk.log_visit();
    let target = desk.path("real.txt");
    fs::write(&target, "old").unwrap();
    let link = desk.path("link.txt");
    std::os::unix::fs::symlink("real.txt", &link).unwrap();
    for args in [
        vec!["slip", "--partner", "food-bank", "-o", "link.txt"],
        vec!["report", "--format", "csv", "-o", "link.txt"],
        vec!["export", "visits", "--include-notes", "-o", "link.txt"],
    ] {
        let run = desk.run(&args, None);
        assert!(run.ok, "{args:?}: {}", run.stderr);
        assert!(
            fs::symlink_metadata(&link).unwrap().is_symlink(),
            "{args:?}"
        );
        assert_eq!(fs::read_link(&link).unwrap(), Path::new("real.txt"));
        assert_ne!(fs::read_to_string(&target).unwrap(), "old");
    }
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .contains("asked about the bill")
    );
    // A link to nothing makes the file it names, as `cat >` would.
    let dangling = desk.path("dangling.txt");
    std::os::unix::fs::symlink("made.txt", &dangling).unwrap();
    let run = desk.run(
        &["slip", "--partner", "food-bank", "-o", "dangling.txt"],
        None,
    );
    assert!(run.ok, "{}", run.stderr);
    assert!(fs::symlink_metadata(&dangling).unwrap().is_symlink());
    assert!(
        fs::read_to_string(desk.path("made.txt"))
            .unwrap()
            .contains("WHERE TO GET HELP")
    );
}

#[test]
fn a_named_pipe_receives_the_output_and_stays_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let desk = Desk::new();
    desk.log_visit();
    let fifo = desk.path("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for args in [
        vec!["slip", "--partner", "food-bank", "-o", "pipe"],
        vec!["export", "visits", "-o", "pipe"],
    ] {
        let reading = fifo.clone();
        let reader = std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(reading)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        });
        let run = desk.run(&args, None);
        assert!(run.ok, "{args:?}: {}", run.stderr);
        let text = reader.join().unwrap();
        assert!(
            text.contains("food-bank")
                || text.contains("WHERE TO GET HELP")
                || text.starts_with("visit_id,"),
            "{text}"
        );
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }
}

#[test]
fn a_device_is_written_to_and_left_a_device() {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let desk = Desk::new();
    desk.log_visit();
    let null = Path::new("/dev/null");
    let before = fs::symlink_metadata(null).unwrap();
    assert!(before.file_type().is_char_device());
    for args in [
        vec!["slip", "--partner", "food-bank", "-o", "/dev/null"],
        vec!["report", "-o", "/dev/null"],
        vec!["export", "visits", "--include-notes", "-o", "/dev/null"],
    ] {
        let run = desk.run(&args, None);
        assert!(run.ok, "{args:?}: {}", run.stderr);
        let after = fs::symlink_metadata(null).unwrap();
        assert!(after.file_type().is_char_device(), "{args:?}");
        assert_eq!(after.rdev(), before.rdev());
        assert_eq!(after.ino(), before.ino());
        assert_eq!(after.mode(), before.mode());
    }
    // /dev/stdout, a link to a pipe with no name in the file system, is written through.
    let run = desk.run(
        &["slip", "--partner", "food-bank", "-o", "/dev/stdout"],
        None,
    );
    assert!(run.ok, "{}", run.stderr);
    assert!(run.stdout.contains("WHERE TO GET HELP"), "{}", run.stdout);
    // A link to the device is written through too, and stays a link.
    let link = desk.path("null-link");
    std::os::unix::fs::symlink(null, &link).unwrap();
    let run = desk.run(&["slip", "--partner", "food-bank", "-o", "null-link"], None);
    assert!(run.ok, "{}", run.stderr);
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(
        fs::symlink_metadata(null)
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn files_with_notes_are_the_owners_alone() {
    use std::os::unix::fs::PermissionsExt;
    let desk = Desk::new();
    desk.log_visit();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let new = desk.path("notes.csv");
    let existing = desk.path("notes.jsonl");
    fs::write(&existing, "").unwrap();
    fs::set_permissions(&existing, fs::Permissions::from_mode(0o644)).unwrap();
    for (path, format) in [(&new, "csv"), (&existing, "jsonl")] {
        let run = desk.run(
            &[
                "export",
                "visits",
                "--include-notes",
                "--format",
                format,
                "-o",
                path.to_str().unwrap(),
            ],
            None,
        );
        assert!(run.ok, "{}", run.stderr);
        assert_eq!(mode(path), 0o600, "{}", path.display());
        assert!(
            fs::read_to_string(path)
                .unwrap()
                .contains("asked about the bill")
        );
    }
    // Without notes, an existing file keeps its own permissions.
    let plain = desk.path("plain.csv");
    fs::write(&plain, "").unwrap();
    fs::set_permissions(&plain, fs::Permissions::from_mode(0o640)).unwrap();
    let run = desk.run(&["export", "visits", "-o", plain.to_str().unwrap()], None);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(mode(&plain), 0o640);
}

/// A visit saved straight into the log, as another program might have, with values a
/// spreadsheet would run and a terminal would obey.
fn save_hostile_visit(desk: &Desk) {
    let mut draft = VisitDraft::new(Utc::now(), "=Desk+1", "@AB", "t1");
    draft.services = vec!["council-tax-arrears".into()];
    draft.outcome = Some(Outcome::Resolved);
    let mut visit = draft.into_visit().unwrap();
    visit.note = Some("-2+3 \u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m\u{202e}".into());
    Store::open(&desk.log_file()).unwrap().save(&visit).unwrap();
}

#[test]
fn csv_cells_are_safe_for_a_spreadsheet_and_numbers_stay_numbers() {
    let desk = Desk::new();
    save_hostile_visit(&desk);
    let out = desk.path("visits.csv");
    let run = desk.run(
        &[
            "export",
            "visits",
            "--include-notes",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert!(run.ok, "{}", run.stderr);
    let text = fs::read_to_string(&out).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| {
        row.get(headers.iter().position(|h| h == name).unwrap())
            .unwrap()
    };
    assert_eq!(cell("desk"), "'=Desk+1");
    assert_eq!(cell("staff"), "'@AB");
    assert!(
        cell("note").starts_with("'-2+3 \u{1b}]0;"),
        "{}",
        cell("note")
    );
    cell("length_seconds").parse::<i64>().unwrap();
    assert_eq!(cell("service_position"), "1");
    // Every cell of the file: none a spreadsheet would run.
    for record in csv::Reader::from_reader(text.as_bytes()).records() {
        for value in record.unwrap().iter() {
            let first = value.chars().next();
            let number = value.parse::<f64>().is_ok();
            assert!(
                number || !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "{value:?}"
            );
        }
    }
    // The report's CSV too: its cells are neutralised the same way.
    let run = desk.run(&["report", "--format", "csv"], None);
    assert!(run.ok, "{}", run.stderr);
    for record in csv::Reader::from_reader(run.stdout.as_bytes()).records() {
        for value in record.unwrap().iter() {
            let first = value.chars().next();
            assert!(
                value.parse::<f64>().is_ok()
                    || !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "{value:?}"
            );
        }
    }
}

#[test]
fn exports_piped_to_a_file_keep_their_values_and_json_escapes_controls() {
    let desk = Desk::new();
    save_hostile_visit(&desk);
    // JSON lines: the same note for a program, nothing a terminal obeys.
    let run = desk.run(
        &["export", "visits", "--include-notes", "--format", "jsonl"],
        None,
    );
    assert!(run.ok, "{}", run.stderr);
    assert!(
        !run.stdout
            .chars()
            .any(|c| c != '\n' && frontdesk::printable::is_unsafe(c)),
        "{:?}",
        run.stdout
    );
    let line: serde_json::Value = serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(
        line["note"],
        "-2+3 \u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m\u{202e}"
    );
    // CSV to a pipe keeps the note's characters (quoted), for the program reading it.
    let run = desk.run(&["export", "visits", "--include-notes"], None);
    assert!(run.stdout.contains('\u{1b}'));
}

#[test]
fn an_export_to_a_terminal_shows_control_characters_as_escapes() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let desk = Desk::new();
    save_hostile_visit(&desk);
    for format in ["csv", "jsonl"] {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 200,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_frontdesk"));
        command.args(["export", "visits", "--include-notes", "--format", format]);
        command.env("FRONTDESK_CONFIG", desk.config());
        command.env("FRONTDESK_DATA_DIR", desk.data());
        command.env("TERM", "xterm-256color");
        command.cwd(desk.dir.path());
        let mut child = pty.slave.spawn_command(command).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let reading = std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let mut buffer = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                bytes.extend_from_slice(&buffer[..n]);
            }
            bytes
        });
        let status = child.wait().unwrap();
        drop(pty.master);
        let bytes = reading.join().unwrap();
        assert!(status.success());
        let text = String::from_utf8_lossy(&bytes);
        // The terminal turns each line end into \r\n; nothing else may be a control character.
        let shown: Vec<char> = text
            .chars()
            .filter(|&c| c != '\n' && c != '\r' && frontdesk::printable::is_unsafe(c))
            .collect();
        assert!(shown.is_empty(), "{format}: {shown:?} in {text}");
        assert!(text.contains("owned"), "{format}: {text}");
    }
}
