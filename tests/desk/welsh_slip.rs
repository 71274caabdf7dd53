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
fn a_bilingual_html_slip_has_each_language_on_its_own_sheet_with_its_own_lang() {
    let out = slip(&[
        "--partner",
        "citizens-advice",
        "--service",
        "council-tax-pay",
        "--date",
        "2026-12-07",
        "--format",
        "html",
        "--language",
        "both",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert_eq!(html.matches("<html").count(), 1, "one page");
    let welsh = html
        .find("<div class=\"half\" lang=\"cy-GB\"")
        .expect("a Welsh half");
    let english = html
        .find("<div class=\"half\" lang=\"en-GB\"")
        .expect("an English half");
    assert!(welsh < english, "the Welsh comes first");
    assert!(
        html.contains("break-before: page"),
        "each half on its own sheet"
    );
    assert!(html.contains("Ble i gael help") && html.contains("Where to get help"));
    insta::assert_snapshot!("bilingual_html_slip", html);
}

/// The slip from the desk follows the resident's language: F8 on a partner's details, then F6,
/// gives the Welsh slip; on the slip screen F8 then steps it to both languages.
#[test]
fn the_desk_slip_of_a_welsh_speaking_resident_is_welsh() {
    use crossterm::event::KeyCode;
    use frontdesk::catalogue::Catalogue;
    use frontdesk::desk::Screen;
    use frontdesk::slip::SlipLanguage;
    use frontdesk::tui::headless::Headless;

    let now = chrono::DateTime::parse_from_rfc3339("2026-12-07T10:15:00+00:00").unwrap();
    let mut desk = Headless::new(Catalogue::embedded().unwrap(), now, 80, 24);
    desk.type_text("citizens advice");
    desk.press(KeyCode::Enter);
    desk.press(KeyCode::F(8));
    desk.press(KeyCode::F(6));
    let Screen::Slip(view) = desk.app.screen().clone() else {
        panic!("not on the slip: {:?}", desk.app.screen());
    };
    assert_eq!(view.language, SlipLanguage::Welsh);
    let text = desk.app.slip_text(&view).unwrap();
    assert!(text.starts_with("BLE I GAEL HELP"), "{text}");
    assert!(!text.contains("WHERE TO GET HELP"), "{text}");
    assert!(text.contains("Dydd Llun"), "Welsh day names: {text}");
    insta::assert_snapshot!("desk_welsh_slip", text);
    let screen = desk.screen();
    assert!(screen.contains("BLE I GAEL HELP"), "{screen}");

    // F8 on the slip: both languages, Welsh first; the printed job carries both.
    desk.press(KeyCode::F(8));
    let Screen::Slip(view) = desk.app.screen().clone() else {
        panic!("not on the slip");
    };
    assert_eq!(view.language, SlipLanguage::Both);
    let text = desk.app.slip_text(&view).unwrap();
    let welsh = text.find("BLE I GAEL HELP").unwrap();
    let english = text.find("WHERE TO GET HELP").unwrap();
    assert!(welsh < english, "{text}");
    desk.press(KeyCode::Char('f'));
    let job = desk
        .effects
        .iter()
        .find_map(|e| match e {
            frontdesk::desk::Effect::FileSlip(job) => Some(job.clone()),
            _ => None,
        })
        .expect("a slip to file");
    assert!(job.text.contains("BLE I GAEL HELP") && job.text.contains("WHERE TO GET HELP"));
    assert!(job.html.contains("lang=\"cy-GB\"") && job.html.contains("lang=\"en-GB\""));
}
