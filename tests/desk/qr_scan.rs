//! The QR code on the resident screen scans: the screen is drawn in the headless harness, its
//! cells are turned into the picture a terminal would show (each cell's glyph in its text
//! colour on its background, reverse video swapping the two, `Reset` being the terminal's own
//! colours), and a QR decoder reads the web address back from that picture. Without colour
//! (`NO_COLOR`) on a dark terminal, on a light one and on the high-contrast one, and with colour
//! on a dark one.

use chrono::{DateTime, FixedOffset};
use frontdesk::catalogue::Catalogue;
use frontdesk::config::ThemeName;
use frontdesk::desk::{ResidentView, Screen};
use frontdesk::tui::contrast::luminance;
use frontdesk::tui::headless::Headless;
use frontdesk::tui::theme::Theme;
use ratatui::style::Modifier;

/// Pixels a module is wide and high: a cell is one module wide and two high.
const MODULE: usize = 4;

fn monday_morning() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T10:15:00+00:00").unwrap()
}

/// The screen as a greyscale picture, as a terminal with the theme's colours would show it
/// (`reverse`: as one that shows reverse video; `false` only to show that it matters).
/// Block glyphs fill their halves of the cell in the text colour; every other glyph (letters,
/// lines) is left as the background, which only makes the picture plainer.
fn picture(desk: &mut Headless, theme: &Theme, reverse: bool) -> (usize, usize, Vec<u8>) {
    desk.screen();
    let buffer = desk.terminal.backend().buffer().clone();
    let (columns, rows) = (
        usize::from(buffer.area.width),
        usize::from(buffer.area.height),
    );
    let (width, height) = (columns * MODULE, rows * 2 * MODULE);
    let mut pixels = vec![0u8; width * height];
    let grey = |rgb| (luminance(rgb) * 255.0).round() as u8;
    for row in 0..rows {
        for column in 0..columns {
            let cell = &buffer[(column as u16, row as u16)];
            let mut text = theme.scheme.rgb(cell.fg, true);
            let mut back = theme.scheme.rgb(cell.bg, false);
            if reverse && cell.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut text, &mut back);
            }
            let (upper, lower) = match cell.symbol() {
                "█" => (true, true),
                "▀" => (true, false),
                "▄" => (false, true),
                _ => (false, false),
            };
            for (half, filled) in [(0, upper), (1, lower)] {
                let shade = grey(if filled { text } else { back });
                let top = (row * 2 + half) * MODULE;
                for y in top..top + MODULE {
                    let left = column * MODULE;
                    pixels[y * width + left..y * width + left + MODULE].fill(shade);
                }
            }
        }
    }
    (width, height, pixels)
}

/// Every QR code a decoder finds in the picture, as text.
fn decoded(width: usize, height: usize, pixels: &[u8]) -> Vec<String> {
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
    image
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect()
}

/// The resident screen for a service with a web address, in a theme, and what a phone reads
/// from it.
fn scanned(theme: ThemeName, no_color: bool, reverse: bool) -> (String, Vec<String>) {
    let catalogue = Catalogue::embedded().unwrap();
    let key = catalogue.find("bulky-waste").expect("a built-in service");
    let mut desk = Headless::new(catalogue, monday_morning(), 120, 40);
    desk.theme = Theme::new(theme, no_color);
    desk.app
        .screens
        .push(Screen::ShowResident(ResidentView::new(key)));
    let url = desk
        .app
        .handout_view(key)
        .and_then(|view| view.url)
        .expect("the service has a web address");
    let theme = desk.theme;
    let (width, height, pixels) = picture(&mut desk, &theme, reverse);
    (url, decoded(width, height, &pixels))
}

#[test]
fn without_colour_the_qr_code_on_the_resident_screen_scans_as_its_web_address() {
    for theme in [
        ThemeName::Default,
        ThemeName::HighContrast,
        ThemeName::Light,
    ] {
        let (url, found) = scanned(theme, true, true);
        assert_eq!(found, vec![url], "{theme:?} without colour");
    }
    // The check can fail: on a dark terminal, the same code drawn without reverse video is
    // light on dark, and does not scan.
    let (url, found) = scanned(ThemeName::Default, true, false);
    assert!(
        !found.contains(&url),
        "an inverted code was read: {found:?}"
    );
}

#[test]
fn in_colour_on_a_dark_terminal_the_qr_code_scans_as_its_web_address() {
    let theme = Theme::new(ThemeName::Default, false);
    assert!(
        luminance(theme.scheme.foreground) > luminance(theme.scheme.background),
        "the default theme is for a dark terminal"
    );
    let (url, found) = scanned(ThemeName::Default, false, true);
    assert_eq!(found, vec![url]);
}
