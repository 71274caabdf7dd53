//! The looks of the reception screen: every cell drawn in every look is readable (WCAG AA, 4.5:1,
//! on the terminal the look is meant for), colour never carries what the words do not, and each
//! look's full screen is snapshotted with its colours.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyCode;
use frontdesk::catalogue::Catalogue;
use frontdesk::config::ThemeName;
use frontdesk::tui::headless::Headless;
use frontdesk::tui::theme::{CONTRAST_AA, Theme};
use ratatui::buffer::Buffer;

/// Monday 23 November 2026, 10:15 in the morning, UK time (GMT).
fn monday_morning() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T10:15:00+00:00").unwrap()
}

/// Every look: (name, theme name, NO_COLOR).
const LOOKS: [(&str, ThemeName, bool); 4] = [
    ("default", ThemeName::Default, false),
    ("high_contrast", ThemeName::HighContrast, false),
    ("light", ThemeName::Light, false),
    ("no_color", ThemeName::Default, true),
];

/// Screens with every kind of status on them: urgent results and a county service's tag, the
/// selected row and the key hints; a service another body provides; an urgent script node; the
/// visit form with a note in the status line.
const SCREENS: [(&str, &str, &[KeyCode]); 4] = [
    ("results", "homeless", &[]),
    ("not_us", "blue badge", &[KeyCode::Enter]),
    (
        "script_urgent",
        "homeless lose home",
        &[KeyCode::Enter, KeyCode::Char('1'), KeyCode::Char('1')],
    ),
    ("form_note", "bulky", &[KeyCode::F(2), KeyCode::Enter]),
];

fn draw(theme: Theme, query: &str, keys: &[KeyCode]) -> (String, Buffer) {
    let mut desk = Headless::new(Catalogue::embedded().unwrap(), monday_morning(), 80, 24);
    desk.theme = theme;
    desk.type_text(query);
    for key in keys {
        desk.press(*key);
    }
    let text = desk.screen();
    (text, desk.terminal.backend().buffer().clone())
}

#[test]
fn every_cell_of_every_look_is_readable_on_its_terminal() {
    let mut failures = Vec::new();
    for (look, name, no_color) in LOOKS {
        let theme = Theme::new(name, no_color);
        // Each distinct colour pair drawn, with its contrast and where it was first seen.
        let mut drawn: BTreeMap<String, (f64, String)> = BTreeMap::new();
        for (screen, query, keys) in SCREENS {
            let (_, buffer) = draw(theme, query, keys);
            for (i, cell) in buffer.content().iter().enumerate() {
                if cell.symbol().trim().is_empty() {
                    continue;
                }
                let ratio = theme.scheme.contrast(cell.fg, cell.bg, cell.modifier);
                let pair = format!("{:?} on {:?} {:?}", cell.fg, cell.bg, cell.modifier);
                let width = usize::from(buffer.area.width);
                let at = format!(
                    "{screen} ({}, {}) {:?}",
                    i % width,
                    i / width,
                    cell.symbol()
                );
                drawn.entry(pair).or_insert((ratio, at));
            }
        }
        println!("{look} on {}:", theme.scheme.name);
        for (pair, (ratio, at)) in &drawn {
            println!("  {ratio:>5.2}:1  {pair}  (first at {at})");
            if *ratio < CONTRAST_AA {
                failures.push(format!("{look}: {pair} is {ratio:.2}:1, at {at}"));
            }
        }
    }
    assert!(failures.is_empty(), "below 4.5:1: {failures:#?}");
}

#[test]
fn colour_never_says_what_the_words_do_not() {
    for (screen, query, keys) in SCREENS {
        let (plain, _) = draw(Theme::new(ThemeName::Default, true), query, keys);
        for (look, name, no_color) in LOOKS {
            let (text, _) = draw(Theme::new(name, no_color), query, keys);
            assert_eq!(
                text, plain,
                "{screen} in {look} has the same words as without colour"
            );
        }
        // And the statuses on these screens are words or symbols.
        let wanted: &[&str] = match screen {
            "results" => &["! URGENT", "> "],
            "not_us" => &["Not us"],
            "script_urgent" => &["!! URGENT"],
            "form_note" => &["Note: "],
            _ => &[],
        };
        for word in wanted {
            assert!(plain.contains(word), "{screen} shows {word:?}:\n{plain}");
        }
    }
}

#[test]
fn each_look_in_full_with_its_colours() {
    for (look, name, no_color) in LOOKS {
        for (screen, query, keys) in [SCREENS[0], SCREENS[2]] {
            let (_, buffer) = draw(Theme::new(name, no_color), query, keys);
            insta::assert_debug_snapshot!(format!("{screen}_{look}"), buffer);
        }
    }
}
