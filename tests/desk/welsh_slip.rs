//! The resident's slip in Welsh: a bilingual slip has its Welsh first, then the English; the
//! Welsh uses the catalogue's Welsh names and titles and Welsh dates.

use tempfile::TempDir;

fn slip(args: &[&str]) -> std::process::Output {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("config.toml"), "").unwrap();
    let mut cmd = crate::support::bare_frontdesk();
    cmd.env("FRONTDESK_CONFIG", dir.path().join("config.toml"))
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .arg("slip")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_bilingual_slip_has_the_welsh_first() {
    let out = slip(&[
        "--partner",
        "citizens-advice",
        "--service",
        "council-tax-pay",
        "--date",
        "2026-12-07",
        "--language",
        "both",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let welsh = text.find("BLE I GAEL HELP").expect("a Welsh title");
    let english = text.find("WHERE TO GET HELP").expect("an English title");
    assert!(welsh < english, "the Welsh comes first");
    assert!(text.contains("Talu eich Treth Gyngor") && text.contains("Pay your council tax"));
    insta::assert_snapshot!("bilingual_slip", text);
}

#[test]
fn a_welsh_slip_falls_back_to_english_where_an_entry_has_no_welsh() {
    // The food bank has no Welsh yet: its English name is printed rather than nothing.
    let out = slip(&[
        "--partner",
        "food-bank",
        "--date",
        "2026-12-07",
        "--language",
        "cy",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("BLE I GAEL HELP"), "{text}");
    assert!(text.contains("7 Rhagfyr 2026"), "{text}");
    assert!(!text.contains("WHERE TO GET HELP"), "{text}");
}

#[test]
fn a_bilingual_html_slip_is_refused_in_one_sentence() {
    let out = slip(&[
        "--partner",
        "citizens-advice",
        "--format",
        "html",
        "--language",
        "both",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--language both") && err.contains("--language cy"),
        "{err}"
    );
}
