//! The visit log's file kept safe, through the real binary: backups that never overwrite the
//! log, its working files or anything but a file the user names with `--force`; a damaged log
//! never written to nor called backed up; another program's database left untouched; files only
//! their owner may read; listing and backing up from a full disk or a read-only folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, Utc};
use frontdesk::store::Store;
use rusqlite::Connection;
use tempfile::TempDir;

/// A temporary folder with a config file, a catalogue and a data folder.
struct Desk {
    dir: TempDir,
}

impl Desk {
    fn new() -> Desk {
        let desk = Desk {
            dir: TempDir::new().unwrap(),
        };
        fs::write(desk.config(), "").unwrap();
        fs::create_dir_all(desk.catalogue()).unwrap();
        fs::write(
            desk.catalogue().join("test.toml"),
            r#"
[council]
name = "Test Council"
version = "t1"

[[service]]
id = "council-tax"
title = "Council tax"
summary = "Pay or ask about council tax."
review_by = "2027-06-30"
"#,
        )
        .unwrap();
        desk
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn config(&self) -> PathBuf {
        self.path("config.toml")
    }

    fn catalogue(&self) -> PathBuf {
        self.path("catalogue")
    }

    fn data(&self) -> PathBuf {
        self.path("data")
    }

    fn visits_file(&self) -> PathBuf {
        self.data().join("visits.sqlite3")
    }

    fn companion(&self, suffix: &str) -> PathBuf {
        self.data().join(format!("visits.sqlite3{suffix}"))
    }

    fn cmd(&self) -> Command {
        let mut cmd = crate::support::bare_frontdesk_process();
        cmd.env("FRONTDESK_CONFIG", self.config());
        cmd.arg("--data-dir")
            .arg(self.data())
            .arg("--catalogue")
            .arg(self.catalogue());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    fn log_visit(&self) -> Output {
        self.run(&["log", "--service", "council-tax", "--outcome", "resolved"])
    }

    fn backup(&self, dest: &Path, extra: &[&str]) -> Output {
        self.cmd()
            .arg("backup")
            .arg(dest)
            .args(extra)
            .output()
            .unwrap()
    }

    fn visits(&self) -> Output {
        self.run(&["visits", "--json"])
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The command failed with exactly one line on stderr, which is returned.
fn one_line_failure(output: &Output) -> String {
    assert!(!output.status.success(), "it succeeded: {}", stdout(output));
    let text = stderr(output);
    assert_eq!(text.lines().count(), 1, "not one line:\n{text}");
    text.trim_end().to_string()
}

fn succeeded(output: &Output) -> String {
    assert!(output.status.success(), "it failed: {}", stderr(output));
    stdout(output)
}

/// Visits in a copy or a log, after SQLite's own integrity check.
fn visits_in(path: &Path) -> usize {
    let conn = Connection::open(path).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok", "{}", path.display());
    conn.query_row("SELECT count(*) FROM visits", [], |r| r.get::<_, i64>(0))
        .unwrap() as usize
}

/// Every file in `folder` with its size and a hash of its bytes.
fn snapshot(folder: &Path) -> Vec<(String, usize, u64)> {
    use std::hash::{Hash, Hasher};
    let mut files: Vec<(String, usize, u64)> = fs::read_dir(folder)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = fs::read(e.path()).unwrap();
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            bytes.hash(&mut hasher);
            (
                e.file_name().to_string_lossy().into_owned(),
                bytes.len(),
                hasher.finish(),
            )
        })
        .collect();
    files.sort();
    files
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ---- backup: where a copy may go ----

#[test]
fn backup_refuses_the_logs_working_files_and_loses_no_visit_waiting_in_the_wal() {
    let desk = Desk::new();
    succeeded(&desk.log_visit());
    // A desk that is running: its visits wait in the WAL until a checkpoint.
    let mut running = Store::open(&desk.visits_file()).unwrap();
    for _ in 0..3 {
        let mut draft = frontdesk::visit::VisitDraft::new(Utc::now(), "Desk", "AB", "t1");
        draft.services = vec!["council-tax".into()];
        draft.outcome = Some(frontdesk::visit::Outcome::Resolved);
        running.save(&draft.into_visit().unwrap()).unwrap();
    }
    assert!(fs::metadata(desk.companion("-wal")).unwrap().len() > 0);

    for suffix in ["", "-wal", "-shm", "-journal"] {
        for extra in [&[][..], &["--force"][..]] {
            let message = one_line_failure(&desk.backup(&desk.companion(suffix), extra));
            assert!(
                message.contains(
                    "that is the visit log itself or one of its working files (-wal, -shm, -journal); choose another file"
                ),
                "{suffix} {extra:?}: {message}"
            );
        }
    }
    // The same file by another path.
    let roundabout = desk
        .data()
        .join("..")
        .join("data")
        .join("visits.sqlite3-wal");
    one_line_failure(&desk.backup(&roundabout, &["--force"]));

    drop(running);
    assert_eq!(visits_in(&desk.visits_file()), 4, "no visit was lost");
    assert!(!desk.companion("-journal").exists());
}

#[cfg(unix)]
#[test]
fn backup_refuses_pipes_sockets_and_links_to_devices_and_leaves_them_alone() {
    use std::os::unix::fs::FileTypeExt;
    let desk = Desk::new();
    succeeded(&desk.log_visit());
    let fifo = desk.path("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let socket = desk.path("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let to_null = desk.path("to-null");
    std::os::unix::fs::symlink("/dev/null", &to_null).unwrap();
    for dest in [&fifo, &socket, &to_null] {
        for extra in [&[][..], &["--force"][..]] {
            let message = one_line_failure(&desk.backup(dest, extra));
            assert_eq!(
                message,
                format!(
                    "frontdesk: cannot back up to {}: it is not a regular file or a folder (a device, a pipe or a socket); give a file name or a folder",
                    dest.display()
                )
            );
        }
    }
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(fs::metadata(&socket).unwrap().file_type().is_socket());
    assert!(
        fs::symlink_metadata(&to_null)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn backup_replaces_an_existing_file_only_with_force() {
    let desk = Desk::new();
    succeeded(&desk.log_visit());
    let dest = desk.path("copy.sqlite3");
    fs::write(&dest, "the only copy of something else").unwrap();

    let message = one_line_failure(&desk.backup(&dest, &[]));
    assert_eq!(
        message,
        format!(
            "frontdesk: cannot back up to {}: a file is already there; give a new name, or add --force to replace it",
            dest.display()
        )
    );
    assert_eq!(
        fs::read_to_string(&dest).unwrap(),
        "the only copy of something else"
    );

    let out = succeeded(&desk.backup(&dest, &["--force"]));
    assert_eq!(
        out,
        format!("Backed up the visit log to {}\n", dest.display())
    );
    assert_eq!(visits_in(&dest), 1);
}

#[test]
fn backups_into_one_folder_at_the_same_moment_each_get_their_own_file() {
    let desk = Desk::new();
    for _ in 0..2 {
        succeeded(&desk.log_visit());
    }
    let folder = desk.path("backups");
    fs::create_dir(&folder).unwrap();
    let runs: Vec<_> = (0..4)
        .map(|_| {
            desk.cmd()
                .arg("backup")
                .arg(&folder)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut written: Vec<String> = runs
        .into_iter()
        .map(|run| {
            let output = run.wait_with_output().unwrap();
            succeeded(&output)
                .trim()
                .strip_prefix("Backed up the visit log to ")
                .unwrap()
                .to_string()
        })
        .collect();
    written.sort();
    written.dedup();
    assert_eq!(written.len(), 4, "{written:?}");
    assert_eq!(names_in(&folder).len(), 4, "{:?}", names_in(&folder));
    for file in written {
        let file = PathBuf::from(file);
        assert_eq!(file.parent(), Some(folder.as_path()));
        assert_eq!(visits_in(&file), 2);
    }
}

// ---- a damaged log ----

/// Overwrites pages in the middle of the log, as a failing disk would.
fn damage(log: &Path) {
    let mut bytes = fs::read(log).unwrap();
    let pages = bytes.len() / 4096;
    assert!(pages > 20, "only {pages} pages");
    for byte in &mut bytes[(pages / 2) * 4096..(pages / 2 + 3) * 4096] {
        *byte = 0x5A;
    }
    fs::write(log, &bytes).unwrap();
}

/// A log with enough visits to have pages in the middle.
fn a_log_of_300_visits(desk: &Desk) {
    succeeded(&desk.log_visit());
    let mut store = Store::open(&desk.visits_file()).unwrap();
    let visits: Vec<_> = (0..299)
        .map(|i| {
            let start = Utc::now() - chrono::Duration::minutes(i + 10);
            let mut draft = frontdesk::visit::VisitDraft::new(start, "Desk", "AB", "t1");
            draft.services = vec!["council-tax".into()];
            draft.outcome = Some(frontdesk::visit::Outcome::Resolved);
            draft.note = Some("asked about the bill and a payment plan".into());
            draft.into_visit().unwrap()
        })
        .collect();
    store.save_all(&visits).unwrap();
}

#[test]
fn a_damaged_log_is_not_backed_up_and_the_message_names_the_backup_to_restore() {
    let desk = Desk::new();
    a_log_of_300_visits(&desk);
    let folder = desk.path("backups");
    fs::create_dir(&folder).unwrap();
    let earlier = succeeded(&desk.backup(&folder, &[]));
    let earlier = earlier
        .trim()
        .strip_prefix("Backed up the visit log to ")
        .unwrap()
        .to_string();
    damage(&desk.visits_file());

    let message = one_line_failure(&desk.backup(&folder, &[]));
    assert_eq!(
        message,
        format!(
            "frontdesk: the visit log {} is damaged (it fails SQLite's integrity check), so no backup was made; to restore it, close frontdesk everywhere and run `frontdesk restore {earlier}`",
            desk.visits_file().display()
        )
    );
    assert_eq!(
        names_in(&folder),
        [Path::new(&earlier)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()],
        "no damaged copy and no temporary file"
    );
    let dest = desk.path("copy.sqlite3");
    one_line_failure(&desk.backup(&dest, &[]));
    assert!(!dest.exists());
}

#[test]
fn log_does_not_write_into_a_damaged_log_and_says_what_to_do() {
    let desk = Desk::new();
    a_log_of_300_visits(&desk);
    damage(&desk.visits_file());
    let before = snapshot(&desk.data());

    let message = one_line_failure(&desk.log_visit());
    assert_eq!(
        message,
        format!(
            "frontdesk: {} is damaged (it fails SQLite's integrity check), so frontdesk will not write to it; close frontdesk everywhere and run `frontdesk restore BACKUP` with your latest backup (made with `frontdesk backup`)",
            desk.visits_file().display()
        )
    );
    assert_eq!(snapshot(&desk.data()), before, "nothing was written");
}

// ---- another file at the log's path ----

#[test]
fn another_programs_database_is_refused_by_every_command_in_one_line_untouched() {
    let desk = Desk::new();
    fs::create_dir_all(desk.data()).unwrap();
    let conn = Connection::open(desk.visits_file()).unwrap();
    conn.execute_batch(
        "CREATE TABLE visits (id INTEGER PRIMARY KEY, patient TEXT); \
         INSERT INTO visits VALUES (1, 'someone else''s data');",
    )
    .unwrap();
    drop(conn);
    let before = snapshot(&desk.data());
    let expected = format!(
        "frontdesk: {} is not a frontdesk visit log (it is another program's database), so it was left as it is; move it aside or choose another folder with --data-dir",
        desk.visits_file().display()
    );
    for output in [
        desk.visits(),
        desk.log_visit(),
        desk.run(&["purge"]),
        desk.backup(&desk.path("copy.sqlite3"), &[]),
    ] {
        assert_eq!(one_line_failure(&output), expected);
    }
    assert_eq!(snapshot(&desk.data()), before, "the file is untouched");
    let mode: String = Connection::open(desk.visits_file())
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete", "not switched to WAL");
}

#[test]
fn a_log_whose_schema_version_was_reset_is_refused_in_one_line_untouched() {
    let desk = Desk::new();
    succeeded(&desk.log_visit());
    for version in ["0", "-1"] {
        let conn = Connection::open(desk.visits_file()).unwrap();
        conn.execute_batch(&format!("PRAGMA user_version = {version};"))
            .unwrap();
        drop(conn);
        let before = snapshot(&desk.data());
        for output in [desk.visits(), desk.log_visit()] {
            assert_eq!(
                one_line_failure(&output),
                format!(
                    "frontdesk: {} is a frontdesk visit log whose schema version was changed by another program (it reads {version}), so it was left as it is; restore it from a backup, or move it aside to start a new log",
                    desk.visits_file().display()
                )
            );
        }
        assert_eq!(snapshot(&desk.data()), before, "{version}: untouched");
    }
}

// ---- file modes ----

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn files_in_the_data_folder_are_their_owners_alone_and_are_tightened_when_opened() {
    use std::os::unix::fs::PermissionsExt;
    let desk = Desk::new();
    succeeded(&desk.log_visit());
    assert_eq!(mode(&desk.data()), 0o700, "a new data folder");
    assert_eq!(mode(&desk.visits_file()), 0o600);

    // A log left readable by others, with the -wal and -shm of a reader that is still open.
    fs::set_permissions(desk.visits_file(), fs::Permissions::from_mode(0o644)).unwrap();
    let reader = Connection::open(desk.visits_file()).unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM visits", [], |r| r.get(0))
        .unwrap();
    for suffix in ["-wal", "-shm"] {
        assert_eq!(
            mode(&desk.companion(suffix)),
            0o644,
            "{suffix} follows the log"
        );
    }
    succeeded(&desk.visits());
    for suffix in ["", "-wal", "-shm"] {
        assert_eq!(
            mode(&desk.companion(suffix)),
            0o600,
            "after `visits`: {suffix}"
        );
    }
    fs::set_permissions(desk.visits_file(), fs::Permissions::from_mode(0o644)).unwrap();
    succeeded(&desk.log_visit());
    assert_eq!(mode(&desk.visits_file()), 0o600, "after `log`");

    let copy = desk.path("copies").join("copy.sqlite3");
    succeeded(&desk.backup(&copy, &[]));
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(mode(&desk.path("copies")), 0o700);
    drop(reader);
}

// ---- a full disk, a read-only folder ----

/// A small tmpfs mounted for the test (root only, where mounting is allowed), unmounted on drop.
#[cfg(target_os = "linux")]
struct SmallDisk {
    mount_point: PathBuf,
}

#[cfg(target_os = "linux")]
impl SmallDisk {
    fn mount(at: &Path, size: &str) -> Option<SmallDisk> {
        fs::create_dir_all(at).unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then(|| SmallDisk {
            mount_point: at.to_path_buf(),
        })
    }

    /// Writes a file until the disk says it is full.
    fn fill(&self) {
        use std::io::Write;
        let mut file = fs::File::create(self.mount_point.join("filler")).unwrap();
        let block = [0u8; 4096];
        loop {
            match file.write_all(&block).and_then(|()| file.sync_data()) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::StorageFull => return,
                Err(e) => panic!("filling the disk: {e}"),
            }
        }
    }
}

#[cfg(target_os = "linux")]
impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.mount_point)
            .status();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn on_a_full_disk_visits_are_listed_and_backed_up_and_log_says_the_disk_is_full() {
    let desk = Desk::new();
    let Some(disk) = SmallDisk::mount(&desk.data(), "512k") else {
        eprintln!(
            "skipped: mounting a small tmpfs needs root; the full disk is simulated in tests/store/store.rs"
        );
        return;
    };
    for _ in 0..3 {
        succeeded(&desk.log_visit());
    }
    disk.fill();

    let listed: Vec<serde_json::Value> = serde_json::from_str(&succeeded(&desk.visits())).unwrap();
    assert_eq!(listed.len(), 3);
    let copy = desk.path("elsewhere.sqlite3");
    succeeded(&desk.backup(&copy, &[]));
    assert_eq!(visits_in(&copy), 3);
    let message = one_line_failure(&desk.log_visit());
    assert!(
        message.contains("the disk is full; free some space and try again"),
        "{message}"
    );
    // Listing again, after the failed save, still works.
    succeeded(&desk.visits());
}

/// Makes a folder read-only for this process; as root (where modes do not bind) it sets the
/// immutable attribute instead. Undone on drop.
#[cfg(unix)]
struct ReadOnlyFolder {
    path: PathBuf,
    immutable: bool,
}

#[cfg(unix)]
impl ReadOnlyFolder {
    fn make(path: &Path) -> ReadOnlyFolder {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o500)).unwrap();
        let mut guard = ReadOnlyFolder {
            path: path.to_path_buf(),
            immutable: false,
        };
        let probe = path.join("probe");
        if fs::write(&probe, "x").is_ok() {
            fs::remove_file(&probe).unwrap();
            let status = std::process::Command::new("chattr")
                .arg("+i")
                .arg(path)
                .status();
            assert!(
                status.is_ok_and(|s| s.success()),
                "running as root: this test needs `chattr +i` to make a folder read-only"
            );
            guard.immutable = true;
            assert!(fs::write(&probe, "x").is_err(), "the folder is read-only");
        }
        guard
    }
}

#[cfg(unix)]
impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.path)
                .status();
        }
        let _ = fs::set_permissions(&self.path, fs::Permissions::from_mode(0o700));
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_still_lists_and_backs_up_elsewhere() {
    let desk = Desk::new();
    for _ in 0..2 {
        succeeded(&desk.log_visit());
    }
    let before = snapshot(&desk.data());
    let read_only = ReadOnlyFolder::make(&desk.data());

    let listed: Vec<serde_json::Value> = serde_json::from_str(&succeeded(&desk.visits())).unwrap();
    assert_eq!(listed.len(), 2);
    let copy = desk.path("copy.sqlite3");
    succeeded(&desk.backup(&copy, &[]));
    assert_eq!(visits_in(&copy), 2);
    let message = one_line_failure(&desk.log_visit());
    assert!(
        message.starts_with(&format!(
            "frontdesk: cannot open {}",
            desk.visits_file().display()
        )),
        "{message}"
    );
    drop(read_only);
    assert_eq!(
        snapshot(&desk.data()),
        before,
        "nothing was made or changed"
    );
    let all = Store::open(&desk.visits_file())
        .unwrap()
        .visits_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, None)
        .unwrap();
    assert_eq!(all.len(), 2);
}
