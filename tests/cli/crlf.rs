//! Config and catalogue files as Windows editors save them: CRLF line ends, and Notepad's byte
//! order mark. They load, check and are used exactly as the same files with LF line ends.
//! (tests/windows/smoke.sh runs the same files through the Windows build under wine.)

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

/// Copies the built-in catalogue to `to`, every `.toml` file with CRLF line ends and the
/// council's name changed, so a test can tell this copy was the one loaded.
fn windows_copy_of_the_catalogue(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            windows_copy_of_the_catalogue(&path, &target);
            continue;
        }
        let text = fs::read_to_string(&path).unwrap().replace(
            "name = \"Example District Council\"\n",
            "name = \"Windows Test Council\"\n",
        );
        fs::write(&target, text.replace('\n', "\r\n")).unwrap();
    }
}

fn frontdesk(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
    cmd.env_clear()
        .env("HOME", home)
        .env("FRONTDESK_CONFIG", home.join("config.toml"))
        .env("FRONTDESK_DATA_DIR", home.join("data"));
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "exit {:?}\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_crlf_config_with_a_byte_order_mark_and_a_crlf_catalogue_load_check_and_are_used() {
    let home = TempDir::new().unwrap();
    let catalogue = home.path().join("Catalogue files");
    windows_copy_of_the_catalogue(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/catalogue"),
        &catalogue,
    );
    let mut config = "\u{feff}# Written with Notepad\n".to_string();
    config.push_str("desk = \"Desg Siân\"\nstaff = \"SJ\"\n");
    config.push_str(&format!("catalogue = '{}'\n", catalogue.display()));
    config.push_str("print_command = [\"lp\", \"-d\", \"Desk printer\"]\n");
    fs::write(
        home.path().join("config.toml"),
        config.replace('\n', "\r\n"),
    )
    .unwrap();

    let printed = stdout(frontdesk(home.path()).args(["config", "--print"]));
    assert!(printed.contains("desk = Desg Siân\n"), "{printed}");
    assert!(printed.contains("staff = SJ\n"), "{printed}");
    assert!(
        printed.contains(&format!("catalogue = {}\n", catalogue.display())),
        "{printed}"
    );
    assert!(
        printed.contains("print_command = lp -d \"Desk printer\"\n"),
        "{printed}"
    );

    let checked = stdout(frontdesk(home.path()).arg("check"));
    assert!(checked.starts_with("No problems in"), "{checked}");

    let slip = stdout(frontdesk(home.path()).args(["slip", "--service", "bulky-waste"]));
    assert!(slip.contains("From Windows Test Council"), "{slip}");
    assert!(!slip.contains('\r'), "no carriage return reaches the slip");

    let id = stdout(frontdesk(home.path()).args([
        "log",
        "--service",
        "bulky-waste",
        "--outcome",
        "resolved",
    ]));
    let visits = stdout(frontdesk(home.path()).args(["visits", "--json"]));
    assert!(
        visits.contains(&format!("\"id\": \"{}\"", id.trim())),
        "{visits}"
    );
    assert!(visits.contains("\"desk\": \"Desg Siân\""), "{visits}");
}
