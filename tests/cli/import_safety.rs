//! What an import writes: `import lgsl` never writes a catalogue `check` refuses (control
//! characters and NUL are cleaned, an overlong label is refused naming its row), and
//! `import oruk --replace` replaces only a folder an earlier import wrote, never a hand-made one.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

fn frontdesk(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("frontdesk").unwrap();
    fs::write(dir.join("config.toml"), "").unwrap();
    cmd.env_clear()
        .env("FRONTDESK_CONFIG", dir.join("config.toml"))
        .env("FRONTDESK_DATA_DIR", dir.join("data"));
    cmd
}

const HEADER: &str = "Identifier,Label,Description,Created,Modified,History notes,Type\n";

#[test]
fn lgsl_labels_with_control_characters_are_cleaned_and_check_passes() {
    let dir = TempDir::new().unwrap();
    let csv = dir.path().join("services.csv");
    fs::write(
        &csv,
        format!(
            "{HEADER}524,\"Household\twaste\u{0}\u{1b}[2J collection\",\"Bins\u{202e} and\r\nrecycling\u{7f}.\",,,,Service\n\
             557,Road maintenance,\"Potholes\u{9b}31m and more\",,,,Service\n"
        ),
    )
    .unwrap();
    let out = dir.path().join("catalogue");
    let run = frontdesk(dir.path())
        .args(["import", "lgsl"])
        .arg(&csv)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let services = fs::read_to_string(out.join("services.toml")).unwrap();
    assert!(
        services.contains("title = \"Household waste[2J collection\""),
        "{services}"
    );
    assert!(
        services.contains("summary = \"Bins and recycling.\""),
        "{services}"
    );
    assert!(
        !services
            .chars()
            .any(|c| c != '\n' && frontdesk::printable::is_unsafe(c))
    );
    let check = frontdesk(dir.path())
        .args(["check", "--catalogue"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn an_lgsl_label_too_long_for_a_title_is_refused_naming_its_row() {
    let dir = TempDir::new().unwrap();
    let csv = dir.path().join("services.csv");
    fs::write(
        &csv,
        format!(
            "{HEADER}524,Bins,,,,,Service\n525,{},,,,,Service\n",
            "L".repeat(5_000_000)
        ),
    )
    .unwrap();
    let out = dir.path().join("catalogue");
    let run = frontdesk(dir.path())
        .args(["import", "lgsl"])
        .arg(&csv)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!run.status.success());
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(
        said.contains("services.csv:3: service 525 has a Label of 5000000 characters"),
        "{said}"
    );
    assert_eq!(said.trim().lines().count(), 1);
    assert!(!out.exists());
}

fn oruk_feed() -> String {
    format!("{}/tests/fixtures/oruk/local", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn oruk_replace_replaces_an_earlier_import_but_never_a_hand_made_folder() {
    let dir = TempDir::new().unwrap();
    let import = |out: &Path, replace: bool| {
        let mut cmd = frontdesk(dir.path());
        cmd.args(["import", "oruk"])
            .arg(oruk_feed())
            .arg("--out")
            .arg(out);
        if replace {
            cmd.arg("--replace");
        }
        cmd.output().unwrap()
    };
    // An import leaves its marker; --replace then replaces it.
    let imported = dir.path().join("partners");
    let first = import(&imported, false);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(imported.join(".frontdesk-import").is_file());
    let again = import(&imported, true);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert!(imported.join(".frontdesk-import").is_file());
    // A folder of .toml files made by hand is left exactly as it was.
    let hand_made = dir.path().join("my-catalogue");
    fs::create_dir(&hand_made).unwrap();
    fs::write(hand_made.join("services.toml"), "# my own services\n").unwrap();
    fs::write(hand_made.join("partners.toml"), "# my own partners\n").unwrap();
    let refused = import(&hand_made, true);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("was not written by `frontdesk import`"),
        "{said}"
    );
    assert_eq!(said.trim().lines().count(), 1, "{said}");
    assert_eq!(
        fs::read_to_string(hand_made.join("services.toml")).unwrap(),
        "# my own services\n"
    );
    assert_eq!(fs::read_dir(&hand_made).unwrap().count(), 2);
}
