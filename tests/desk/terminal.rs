//! End to end: the real binary in a real pseudo-terminal, read through a terminal emulator.
//! Types a query, opens the entry, shows the resident, logs a visit, quits, and checks the exit
//! status, that the terminal's modes were restored, and that the visit is in the file.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    /// Starts `frontdesk` inside `sh`, which records the terminal's modes before and after.
    fn start(dir: &Path, extra_args: &str) -> Session {
        // A config file named with --config must exist; an empty one means the defaults.
        if !dir.join("config.toml").exists() {
            std::fs::write(dir.join("config.toml"), "").expect("an empty config file");
        }
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let script = format!(
            "stty -g > '{d}/before'; '{bin}' --data-dir '{d}/data' --config '{d}/config.toml' {extra_args}; echo $? > '{d}/status'; stty -g > '{d}/after'",
            d = dir.display(),
            bin = env!("CARGO_BIN_EXE_frontdesk"),
        );
        let mut command = CommandBuilder::new("sh");
        command.args(["-c", &script]);
        command.env("TERM", "xterm-256color");
        command.env("NO_COLOR", "1");
        command.cwd(dir);
        let child = pty.slave.spawn_command(command).expect("frontdesk starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let feed = screen.clone();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buffer[..n]);
            }
        });
        // Keep the master open for as long as the session lives.
        std::mem::forget(pty.master);
        Session {
            screen,
            writer,
            child,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let contents = self.contents();
            if contents.contains(text) {
                return contents;
            }
            assert!(
                Instant::now() < deadline,
                "'{text}' never appeared; the screen was:\n{contents}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        // Let a lone Esc be read as Esc rather than the start of a sequence.
        std::thread::sleep(Duration::from_millis(60));
    }

    fn wait_for_exit(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.child.try_wait().unwrap().is_none() {
            assert!(
                Instant::now() < deadline,
                "frontdesk did not exit; the screen was:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn a_receptionist_finds_shows_logs_and_quits() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path(), "");
    session.wait_for("Type what the resident needs");
    assert!(
        session.screen.lock().unwrap().screen().alternate_screen(),
        "the app uses the alternate screen"
    );

    session.send(b"bulky");
    session.wait_for("Bulky waste collection");
    session.send(b"\r");
    session.wait_for("Say:");
    session.send(b"s");
    let shown = session.wait_for("Show the resident");
    assert!(
        shown.contains("https://www.example.org/bulky-waste"),
        "{shown}"
    );
    assert!(shown.contains('█'), "a QR code is drawn:\n{shown}");
    session.send(b"\x1b");
    session.wait_for("Links");
    session.send(b"\x1bOQ"); // F2: log the visit
    session.wait_for("Log the visit");
    session.send(b"1");
    session.send(b"\r");
    session.wait_for("Visit saved");
    session.send(b"\x03"); // Ctrl-C
    session.wait_for_exit();

    let screen = session.screen.lock().unwrap();
    assert!(
        !screen.screen().alternate_screen(),
        "the alternate screen was left"
    );
    assert!(
        !screen.screen().hide_cursor(),
        "the cursor is visible again"
    );
    drop(screen);
    assert_eq!(
        read(&dir.path().join("status")).trim(),
        "0",
        "frontdesk exited cleanly"
    );
    assert_eq!(
        read(&dir.path().join("before")),
        read(&dir.path().join("after")),
        "terminal modes were restored"
    );

    let visits = frontdesk::store::Store::open(&dir.path().join("data/visits.sqlite3")).unwrap();
    let all = visits
        .visits_between(
            chrono::DateTime::<chrono::Utc>::MIN_UTC,
            chrono::DateTime::<chrono::Utc>::MAX_UTC,
            None,
        )
        .unwrap();
    assert_eq!(
        all.len(),
        1,
        "the visit the screen said was saved is in the file"
    );
    assert_eq!(all[0].service_ids(), ["bulky-waste"]);
}

/// The process id of the `frontdesk` started with this data folder, from /proc.
fn frontdesk_pid(data_dir: &Path) -> Option<u32> {
    let wanted = data_dir.display().to_string();
    std::fs::read_dir("/proc")
        .ok()?
        .flatten()
        .find_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let comm = std::fs::read_to_string(entry.path().join("comm")).ok()?;
            let cmdline = std::fs::read(entry.path().join("cmdline")).ok()?;
            let cmdline = String::from_utf8_lossy(&cmdline);
            (comm.trim() == "frontdesk" && cmdline.contains(&wanted)).then_some(pid)
        })
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path(), "");
    session.wait_for("Type what the resident needs");
    session.send(b"council");
    session.wait_for("council");
    let app = frontdesk_pid(&dir.path().join("data")).expect("the frontdesk process");
    // The shell's own `kill`, so the test needs no other program.
    std::process::Command::new("sh")
        .args(["-c", &format!("kill -TERM {app}")])
        .status()
        .unwrap();
    session.wait_for_exit();
    assert_eq!(
        read(&dir.path().join("status")).trim(),
        "0",
        "SIGTERM is a clean stop"
    );
    assert_eq!(
        read(&dir.path().join("before")),
        read(&dir.path().join("after")),
        "terminal modes were restored"
    );
}

#[test]
fn a_broken_config_file_stops_before_the_screen_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "desk = \"Main\"\nretention_days = \"soon\"\n",
    )
    .unwrap();
    let mut session = Session::start(dir.path(), "");
    session.wait_for_exit();
    let contents = session.contents();
    assert!(
        contents.contains("config.toml:2:"),
        "the message names the file and line:\n{contents}"
    );
    assert_ne!(read(&dir.path().join("status")).trim(), "0");
    assert_eq!(
        read(&dir.path().join("before")),
        read(&dir.path().join("after"))
    );
}

#[test]
fn a_second_window_is_not_offered_a_running_windows_draft_but_a_dead_ones() {
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("data/drafts");
    let mut first = Session::start(dir.path(), "");
    first.wait_for("Type what the resident needs");
    let first_pid = frontdesk_pid(&dir.path().join("data")).expect("the first frontdesk");
    first.send(b"bulky");
    first.wait_for("Bulky waste collection");
    first.send(b"\x1bOQ"); // F2: log the visit
    first.wait_for("Log the visit");
    first.send(b"2");
    let deadline = Instant::now() + Duration::from_secs(15);
    while !std::fs::read_dir(&drafts)
        .map(|d| {
            d.flatten()
                .any(|e| e.file_name().to_string_lossy().ends_with(".json"))
        })
        .unwrap_or(false)
    {
        assert!(Instant::now() < deadline, "the first window kept no draft");
        std::thread::sleep(Duration::from_millis(20));
    }

    // A second window on the same data folder and desk, while the first runs: not offered.
    let mut second = Session::start(dir.path(), "");
    let screen = second.wait_for("Type what the resident needs");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !second.contents().contains("A visit from before"),
        "the running window's draft was offered:\n{screen}"
    );

    // The first window dies without a word: its draft goes to the next window of the desk.
    std::process::Command::new("sh")
        .args(["-c", &format!("kill -KILL {first_pid}")])
        .status()
        .unwrap();
    first.wait_for_exit();
    let mut third = Session::start(dir.path(), "");
    third.wait_for("A visit from before was not saved");
    assert!(!second.contents().contains("A visit from before"));
    for session in [&mut second, &mut third] {
        session.send(b"\x03");
        session.wait_for_exit();
    }
}

#[cfg(unix)]
#[test]
fn the_apps_files_in_the_data_folder_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), "").unwrap();
    let data = dir.path().join("data");
    // Left readable by others (0644) by an earlier frontdesk: the app's log and the visit log.
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("frontdesk.log"), "earlier lines\n").unwrap();
    drop(frontdesk::store::Store::open(&data.join("visits.sqlite3")).unwrap());
    for name in ["frontdesk.log", "visits.sqlite3"] {
        std::fs::set_permissions(data.join(name), std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let mut session = Session::start(dir.path(), "");
    session.wait_for("Type what the resident needs");
    // The store worker opens the log at start-up; its -wal and -shm exist while the app runs.
    let deadline = Instant::now() + Duration::from_secs(15);
    while !data.join("visits.sqlite3-shm").exists() {
        assert!(Instant::now() < deadline, "the visit log was never opened");
        std::thread::sleep(Duration::from_millis(20));
    }
    for name in [
        "frontdesk.log",
        "visits.sqlite3",
        "visits.sqlite3-wal",
        "visits.sqlite3-shm",
    ] {
        let mode = std::fs::metadata(data.join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{name} is mode {mode:o}");
    }
    session.send(b"\x03");
    session.wait_for_exit();
    assert!(read(&data.join("frontdesk.log")).starts_with("earlier lines\n"));
}

/// The row of the screen that holds `text`, and the row itself.
fn row_with(contents: &str, text: &str) -> (u16, String) {
    contents
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains(text))
        .map(|(row, line)| (u16::try_from(row).unwrap(), line.to_string()))
        .unwrap_or_else(|| panic!("'{text}' is not on the screen:\n{contents}"))
}

#[test]
fn a_question_mark_is_typed_and_home_puts_the_cursor_before_the_query() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path(), "");
    session.wait_for("Type what the resident needs");
    session.send(b"can I pay by card?");
    let screen = session.wait_for("can I pay by card?");
    assert!(
        !screen.contains("Show every key"),
        "? did not open help:\n{screen}"
    );
    session.send(b"\x1b[H"); // Home
    session.send(b"Q: ");
    let screen = session.wait_for("Q: can I pay by card?");
    let (row, line) = row_with(&screen, "Q: can I pay by card?");
    assert!(line.starts_with("│Q: can I pay by card?"), "{line}");
    assert_eq!(
        session.screen.lock().unwrap().screen().cursor_position(),
        (row, 4),
        "the terminal cursor is after 'Q: ':\n{screen}"
    );
    session.send(b"\x1bOP"); // F1
    session.wait_for("Show every key");
    session.send(b"\x03");
    session.wait_for_exit();
}

#[test]
fn on_a_long_form_the_note_its_cursor_and_its_warning_are_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path(), "");
    session.wait_for("Type what the resident needs");
    // Three services that suggest eight partners between them, from the default catalogue;
    // then a fourth, for eleven.
    let services = [
        ("cost of living", "Cost of living support"),
        ("council tax arrears", "Council tax arrears"),
        ("energy bills", "Help with energy bills"),
        ("mental health crisis", "Someone in a mental health crisis"),
    ];
    for (n, (query, title)) in services.into_iter().enumerate() {
        if n > 0 {
            session.send(b"\x1b"); // back to the search, the visit kept
            session.wait_for("Search ");
            session.send(b"\x1b"); // clear the query
            session.wait_for("Type what the resident needs");
        }
        session.send(query.as_bytes());
        session.wait_for(title);
        session.send(b"\x1bOQ"); // F2: log the visit
        session.wait_for("Log the visit");
        if n == 2 {
            session.wait_for("Example Warm Homes Advice");
            session.send(b"2");
            session.send(b"\x1b[Z\x1b[Z"); // Shift-Tab twice: the note
            session.send(b"call 07700 900987");
            let screen = session.wait_for("call 07700 900987");
            let (row, line) = row_with(&screen, "│Note ");
            assert!(row < 21, "the note is inside the form:\n{screen}");
            let byte = line.find("call").unwrap();
            let column = u16::try_from(line[..byte].chars().count()).unwrap() + 17;
            assert_eq!(
                session.screen.lock().unwrap().screen().cursor_position(),
                (row, column),
                "the terminal cursor is after the note:\n{screen}"
            );
        }
    }
    session.wait_for("│               Someone in a mental health crisis");
    session.send(b"\x1b[Z\x1b[Z"); // Shift-Tab twice: the note
    session.send(b"\r");
    let screen = session.wait_for("! Looks like a phone number");
    let (note, _) = row_with(&screen, "│Note ");
    let (warning, _) = row_with(&screen, "! Looks like a phone number");
    assert!(
        warning == note + 1 && warning < 21,
        "the warning is under the note, inside the form:\n{screen}"
    );
    assert_eq!(
        session.screen.lock().unwrap().screen().cursor_position().0,
        note,
        "the cursor is still on the note:\n{screen}"
    );
    session.send(b"\x04"); // Ctrl-D: discard
    session.wait_for("Type what the resident needs");
    session.send(b"\x03");
    session.wait_for_exit();
}

/// Every visit in the log of the session folder `dir`, oldest first.
fn logged(dir: &Path) -> Vec<frontdesk::visit::Visit> {
    frontdesk::store::Store::open(&dir.join("data/visits.sqlite3"))
        .unwrap()
        .visits_between(
            chrono::DateTime::<chrono::Utc>::MIN_UTC,
            chrono::DateTime::<chrono::Utc>::MAX_UTC,
            None,
        )
        .unwrap()
}

#[test]
fn an_edit_left_with_esc_is_dropped_and_the_next_resident_gets_a_new_visit() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path(), "");
    session.wait_for("Type what the resident needs");
    session.send(b"bulky");
    session.wait_for("Bulky waste collection");
    session.send(b"\x1bOQ"); // F2
    session.wait_for("Log the visit");
    session.send(b"1");
    session.send(b"\r");
    session.wait_for("Visit saved");
    session.send(b"\x1bOR"); // F3: today's visits
    session.wait_for("Today at");
    session.send(b"e");
    session.wait_for("Edit the visit");
    session.send(b"\x1b");
    session.wait_for("Edit dropped");
    session.send(b"\x1b");
    session.send(b"blue badge");
    session.wait_for("Blue Badge (disabled parking)");
    session.send(b"\x1bOQ");
    let form = session.wait_for("Log the visit");
    assert!(
        !form.contains("Bulky waste"),
        "the edited visit's service is not on the new visit:\n{form}"
    );
    session.send(b"1");
    session.send(b"\r");
    session.wait_for("Visit saved: Blue Badge");
    session.send(b"\x03");
    session.wait_for_exit();
    let services: Vec<Vec<String>> = logged(dir.path())
        .iter()
        .map(|v| v.service_ids().into_iter().map(str::to_string).collect())
        .collect();
    assert_eq!(services, [vec!["bulky-waste"], vec!["blue-badge"]]);
}

#[test]
fn two_windows_on_one_folder_keep_their_own_drafts_and_count_each_others_visits() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Session::start(dir.path(), "");
    first.wait_for("Type what the resident needs");
    first.send(b"bulky");
    first.wait_for("Bulky waste collection");
    first.send(b"\x1bOQ"); // F2
    first.wait_for("Log the visit");
    first.send(b"2");

    let mut second = Session::start(dir.path(), "");
    second.wait_for("Today: 0");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !second.contents().contains("A visit from before"),
        "the running window's draft was offered:\n{}",
        second.contents()
    );

    first.send(b"\r");
    first.wait_for("Visit saved");
    // The second window asks the log every few seconds.
    second.wait_for("Today: 1");
    second.send(b"blue badge");
    second.wait_for("Blue Badge (disabled parking)");
    second.send(b"\x1bOQ");
    second.wait_for("Log the visit");
    second.send(b"1");
    second.send(b"\r");
    second.wait_for("2 today at this desk");
    first.wait_for("Today: 2");
    for session in [&mut first, &mut second] {
        session.send(b"\x03");
        session.wait_for_exit();
    }
    assert_eq!(logged(dir.path()).len(), 2);
}

#[test]
fn a_receptionist_walks_the_homelessness_script_and_its_path_is_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path(), "");
    session.wait_for("Type what the resident needs");
    session.send(b"homeless lose home");
    // The script is the first result, in words: Enter walks it.
    session.wait_for("> Script  Homeless or about to lose your home");
    session.send(b"\r");
    // The safety question comes first; none of them applies.
    session.wait_for("Does any of these apply to you, or to someone with you?");
    session.send(b"1");
    session.wait_for("Do you have somewhere safe to stay tonight?");
    // Nowhere safe tonight: urgent, and the options wait until Enter.
    session.send(b"1");
    session.wait_for("URGENT - do this now");
    session.send(b"1");
    session.send(b"\x7f"); // Backspace: back to the tonight question
    session.wait_for("[3] Yes, but I have to leave soon");
    for key in [b"3", b"1", b"1", b"1", b"3"] {
        session.send(key);
    }
    session.wait_for("End of the script");
    session.send(b"\x1bOQ"); // F2: log the visit, filled in from the end
    session.wait_for("Log the visit");
    session.send(b"\r");
    session.wait_for("Visit saved");
    session.send(b"\x03");
    session.wait_for_exit();
    assert_eq!(read(&dir.path().join("status")).trim(), "0");

    let conn = rusqlite::Connection::open(dir.path().join("data/visits.sqlite3")).unwrap();
    let (id, path): (String, String) = conn
        .query_row("SELECT script_id, script_path FROM visits", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(
        (id.as_str(), path.as_str()),
        ("homelessness", "1,3,1,1,1,3")
    );
}

#[test]
fn a_slip_previewed_with_f6_is_printed_with_the_print_command_and_kept_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let printed = dir.path().join("printed.txt");
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "print_command = [\"cp\", \"{{text}}\", \"{}\"]\n",
            printed.display()
        ),
    )
    .unwrap();
    let mut session = Session::start(dir.path(), "");
    session.wait_for("Type what the resident needs");
    session.send(b"food bank voucher parcel");
    session.wait_for("Exampleton Food Bank");
    // Select the food bank itself, wherever the search ranked it, and open it.
    for _ in 0..10 {
        let contents = session.contents();
        if contents
            .lines()
            .any(|l| l.contains("> ") && l.contains("Partner Exampleton Food Bank"))
        {
            break;
        }
        session.send(b"\x1b[B");
    }
    session.send(b"\r");
    session.wait_for("F6 slip for the resident");
    session.send(b"\x1b[17~"); // F6
    session.wait_for("Slip preview");
    session.send(b"p");
    let shown = session.wait_for("Slip sent to the printer");
    session.send(b"\x03");
    session.wait_for_exit();

    let paper = read(&printed);
    assert!(paper.starts_with("WHERE TO GET HELP\n"), "{paper}");
    assert!(paper.contains("1. Exampleton Food Bank"), "{paper}");
    let slips: Vec<String> = std::fs::read_dir(dir.path().join("data/slips"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(slips.len(), 2, "{slips:?}");
    let html = slips.iter().find(|n| n.ends_with(".html")).unwrap();
    assert!(
        shown.replace('\n', "").contains(&html.replace(".html", "")),
        "the status line names the saved file:\n{shown}"
    );
    assert_eq!(read(&dir.path().join("status")).trim(), "0");
}

#[test]
fn a_receptionist_books_an_appointment_at_80x24_and_logs_the_visit() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path(), "");
    session.wait_for("Type what the resident needs");
    // The whole title, as typed, puts the entry first.
    session.send(b"Homeless or at risk of losing your home");
    session.wait_for("Homeless or at risk");
    std::thread::sleep(Duration::from_millis(300));
    session.send(b"\r");
    session.wait_for("F10 book");
    session.send(b"\x1b[21~"); // F10: book
    let slots = session.wait_for("Nearest free slots");
    assert!(
        slots.contains(">1 "),
        "the first slot is selected:\n{slots}"
    );
    session.send(b"1");
    session.send(b"\r");
    session.wait_for("What the resident needs");
    session.send(b"2"); // step-free access
    session.send(b"\r");
    let booked = session.wait_for("Reference: ");
    let reference: String = booked
        .lines()
        .find_map(|l| l.split("Reference: ").nth(1))
        .map(|r| r.trim_end_matches(['│', ' ']).trim().to_string())
        .expect("the reference on screen");
    assert_eq!(reference.chars().count(), 7, "{booked}");
    assert!(
        booked.contains("[x]") || booked.contains("step-free access"),
        "{booked}"
    );
    session.send(b"\x1bOQ"); // F2: log the visit
    session.wait_for("Log the visit");
    session.send(b"\x13"); // Ctrl-S: save
    session.wait_for("Visit saved");
    session.send(b"\x03");
    session.wait_for_exit();
    assert_eq!(read(&dir.path().join("status")).trim(), "0");
    assert_eq!(
        read(&dir.path().join("before")),
        read(&dir.path().join("after")),
        "terminal modes were restored"
    );

    let store = frontdesk::store::Store::open(&dir.path().join("data/visits.sqlite3")).unwrap();
    let booking = store.booking(&reference).unwrap().expect("the booking");
    assert_eq!(booking.service, "homelessness");
    assert_eq!(
        booking.needs,
        [frontdesk::appointments::Need::StepFree],
        "the need ticked"
    );
    let all = store
        .visits_between(
            chrono::DateTime::<chrono::Utc>::MIN_UTC,
            chrono::DateTime::<chrono::Utc>::MAX_UTC,
            None,
        )
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].services[0].service, "homelessness");
    assert_eq!(
        all[0].services[0].outcome,
        frontdesk::visit::Outcome::Appointment
    );
    assert_eq!(
        all[0].services[0].booking.as_deref(),
        Some(reference.as_str())
    );
}
