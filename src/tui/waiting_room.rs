//! `frontdesk queue display`: a terminal in the waiting area shows the tickets being called and
//! the desk to go to, in large characters readable across a room, with the Welsh beside the
//! English where the desk speaks Welsh or the council has Welsh on.
//!
//! With the data folder's log, it looks every 200 milliseconds at SQLite's `data_version` and
//! reads the list again only when it changed (a call made on any desk sharing the folder), so
//! a call shows within a second. With the site's list on the central server
//! (`share_appointments = true`), it LISTENs on the site's channel and reads the list again
//! when a desk of the site changes it; only while that connection is lost does it poll, every
//! second, and it listens again as soon as the server answers.
//! Keys: q, Esc or Ctrl-C stop it. Plain characters only: no colour, so `NO_COLOR` changes
//! nothing, and a call is never shown by colour alone.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Text};
use ratatui::widgets::Paragraph;

use crate::appointments::{Ticket, london};
use crate::config::Settings;
use crate::ledger::{Changes, Ledger};
use crate::ledger::{Heard, Listener};
use crate::text::Language;
use crate::text::appointments::display_words;

/// How often the file is looked at.
const POLL: Duration = Duration::from_millis(200);
/// How often the list is read again even when nothing changed (the day may have turned).
const REFRESH: Duration = Duration::from_secs(30);
/// How often the list is read while the server's notifications are lost.
const FALLBACK_POLL: Duration = Duration::from_secs(1);
/// How long after losing them it tries to listen again.
const LISTEN_AGAIN: Duration = Duration::from_secs(10);
/// How many earlier calls are listed under the latest.
const EARLIER: usize = 5;

pub fn run(settings: &Settings) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the waiting-room display needs a terminal; `frontdesk queue list` prints the list as plain lines"
        );
    }
    let welsh = settings.language == Language::Welsh
        || crate::runtime::load_catalogue(settings)
            .map(|c| c.council.welsh)
            .unwrap_or(false);
    let mut ledger = Ledger::open_plain(settings)?;
    let mut changes = ledger.changes(settings);
    let (_guard, mut terminal) = super::terminal::TerminalGuard::enter(false)?;
    let mut seen_version = None;
    let mut last_read = Instant::now();
    let mut first = true;
    let mut listening = false;
    let mut lost_at: Option<Instant> = None;
    let mut calls: Vec<Ticket> = Vec::new();
    let mut draw = true;
    loop {
        let changed = match &changes {
            Changes::Local => {
                let version = ledger.data_version();
                let changed = version != seen_version;
                seen_version = version;
                changed
            }
            Changes::Central(listener) => heard_change(listener, &mut listening, &mut lost_at),
        };
        let every = if ledger.is_central() && !listening {
            FALLBACK_POLL
        } else {
            REFRESH
        };
        if first || changed || last_read.elapsed() >= every {
            first = false;
            last_read = Instant::now();
            let now = crate::clock::now()?;
            if let Ledger::Central(room) = &ledger
                && room.is_closed()
                && let Ok(again) = Ledger::open_plain(settings)
            {
                ledger = again;
            }
            if let Ok(mut today) = ledger.tickets_on(london::today(now)) {
                today.retain(|t| t.called_at.is_some());
                today.sort_by_key(|t| std::cmp::Reverse(t.called_at));
                if today != calls {
                    calls = today;
                    draw = true;
                }
            }
        }
        if lost_at.is_some_and(|at| at.elapsed() >= LISTEN_AGAIN) {
            lost_at = None;
            changes = ledger.changes(settings);
        }
        if draw {
            terminal.draw(|frame| render(frame, &calls, welsh))?;
            draw = false;
        }
        if event::poll(POLL)? {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    let ctrl_c = key.modifiers.contains(KeyModifiers::CONTROL)
                        && key.code == KeyCode::Char('c');
                    if ctrl_c || matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) {
                        break;
                    }
                }
                Event::Resize(..) => draw = true,
                _ => {}
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// True when the listener heard a change (or began listening, when the list is read afresh
/// in case a call came while it was not); notes when it listens and when it lost the server.
fn heard_change(listener: &Listener, listening: &mut bool, lost_at: &mut Option<Instant>) -> bool {
    let mut changed = false;
    for heard in listener.drain() {
        match heard {
            Heard::Listening => {
                *listening = true;
                changed = true;
            }
            Heard::Changed => changed = true,
            Heard::Lost => {
                if *listening || lost_at.is_none() {
                    *lost_at = Some(Instant::now());
                }
                *listening = false;
            }
        }
    }
    changed
}

/// "English / Cymraeg", or the English alone.
fn both(english: &str, welsh: &str, bilingual: bool) -> String {
    if bilingual {
        format!("{english} / {welsh}")
    } else {
        english.to_string()
    }
}

/// Draws the latest call in large characters and the earlier ones under it.
pub fn render(frame: &mut Frame<'_>, calls: &[Ticket], welsh: bool) {
    let area = frame.area();
    let en = display_words(Language::English);
    let cy = display_words(Language::Welsh);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let bold = Style::default().add_modifier(Modifier::BOLD);
    lines.push(Line::styled(both(en.title, cy.title, welsh), bold));
    lines.push(Line::raw(""));
    match calls.first() {
        None => {
            lines.push(Line::raw(""));
            lines.push(Line::styled(both(en.nobody, cy.nobody, welsh), bold));
        }
        Some(latest) => {
            let desk = latest.desk.clone().unwrap_or_default();
            for line in big(&latest.ticket, area.width) {
                lines.push(Line::styled(line, bold));
            }
            lines.push(Line::raw(""));
            lines.push(Line::styled(both(en.desk, cy.desk, welsh), bold));
            let desk_lines = big(&desk, area.width);
            let room_left = usize::from(area.height).saturating_sub(lines.len() + 2);
            if desk_lines.len() <= room_left {
                for line in desk_lines {
                    lines.push(Line::styled(line, bold));
                }
            } else {
                lines.push(Line::styled(desk.to_uppercase(), bold));
            }
            let earlier: Vec<String> = calls
                .iter()
                .skip(1)
                .take(EARLIER)
                .map(|t| format!("{}  →  {}", t.ticket, t.desk.clone().unwrap_or_default()))
                .collect();
            if !earlier.is_empty()
                && usize::from(area.height) > lines.len() + 2 + earlier.len().min(1)
            {
                lines.push(Line::raw(""));
                lines.push(Line::raw(both(en.earlier, cy.earlier, welsh)));
                for text in earlier {
                    lines.push(Line::raw(text));
                }
            }
        }
    }
    lines.truncate(usize::from(area.height));
    let paragraph = Paragraph::new(Text::from(lines)).alignment(Alignment::Center);
    frame.render_widget(paragraph, area);
}

/// Five rows of block letters for `text`, as wide as fits: each dot two columns where there is
/// room, one where there is not, and the text as it is when even that is too wide.
pub fn big(text: &str, width: u16) -> Vec<String> {
    let glyphs: Vec<[&str; 5]> = text.to_uppercase().chars().map(glyph).collect();
    let dots = glyphs.len() * 6;
    let scale = if dots * 2 <= usize::from(width) {
        2
    } else if dots <= usize::from(width) {
        1
    } else {
        return vec![text.to_uppercase()];
    };
    (0..5)
        .map(|row| {
            let mut line = String::new();
            for g in &glyphs {
                for c in g[row].chars().chain(std::iter::once('.')) {
                    let dot = if c == '#' { '█' } else { ' ' };
                    for _ in 0..scale {
                        line.push(dot);
                    }
                }
            }
            // Every row as wide as the others, so centring keeps the letters aligned.
            line
        })
        .collect()
}

/// A character of the block font: five rows of five dots.
fn glyph(c: char) -> [&'static str; 5] {
    match c {
        '0' => [".###.", "#..##", "#.#.#", "##..#", ".###."],
        '1' => ["..#..", ".##..", "..#..", "..#..", ".###."],
        '2' => [".###.", "#...#", "..##.", ".#...", "#####"],
        '3' => ["####.", "....#", ".###.", "....#", "####."],
        '4' => ["#..#.", "#..#.", "#####", "...#.", "...#."],
        '5' => ["#####", "#....", "####.", "....#", "####."],
        '6' => [".###.", "#....", "####.", "#...#", ".###."],
        '7' => ["#####", "...#.", "..#..", ".#...", ".#..."],
        '8' => [".###.", "#...#", ".###.", "#...#", ".###."],
        '9' => [".###.", "#...#", ".####", "....#", ".###."],
        'A' => [".###.", "#...#", "#####", "#...#", "#...#"],
        'B' => ["####.", "#...#", "####.", "#...#", "####."],
        'C' => [".####", "#....", "#....", "#....", ".####"],
        'D' => ["####.", "#...#", "#...#", "#...#", "####."],
        'E' => ["#####", "#....", "####.", "#....", "#####"],
        'F' => ["#####", "#....", "####.", "#....", "#...."],
        'G' => [".####", "#....", "#.###", "#...#", ".###."],
        'H' => ["#...#", "#...#", "#####", "#...#", "#...#"],
        'I' => [".###.", "..#..", "..#..", "..#..", ".###."],
        'J' => ["..###", "...#.", "...#.", "#..#.", ".##.."],
        'K' => ["#...#", "#..#.", "###..", "#..#.", "#...#"],
        'L' => ["#....", "#....", "#....", "#....", "#####"],
        'M' => ["#...#", "##.##", "#.#.#", "#...#", "#...#"],
        'N' => ["#...#", "##..#", "#.#.#", "#..##", "#...#"],
        'O' => [".###.", "#...#", "#...#", "#...#", ".###."],
        'P' => ["####.", "#...#", "####.", "#....", "#...."],
        'Q' => [".###.", "#...#", "#.#.#", "#..#.", ".##.#"],
        'R' => ["####.", "#...#", "####.", "#..#.", "#...#"],
        'S' => [".####", "#....", ".###.", "....#", "####."],
        'T' => ["#####", "..#..", "..#..", "..#..", "..#.."],
        'U' => ["#...#", "#...#", "#...#", "#...#", ".###."],
        'V' => ["#...#", "#...#", "#...#", ".#.#.", "..#.."],
        'W' => ["#...#", "#...#", "#.#.#", "##.##", "#...#"],
        'X' => ["#...#", ".#.#.", "..#..", ".#.#.", "#...#"],
        'Y' => ["#...#", ".#.#.", "..#..", "..#..", "..#.."],
        'Z' => ["#####", "...#.", "..#..", ".#...", "#####"],
        '-' => [".....", ".....", "#####", ".....", "....."],
        ' ' => [".....", ".....", ".....", ".....", "....."],
        _ => [".....", ".....", "..#..", ".....", "....."],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn called(ticket: &str, desk: &str, minute: u32) -> Ticket {
        let at = Utc.with_ymd_and_hms(2027, 1, 12, 10, minute, 0).unwrap();
        Ticket {
            ticket: ticket.into(),
            service: "housing-options".into(),
            reference: None,
            arrived_at: at,
            called_at: Some(at),
            desk: Some(desk.into()),
            seen_at: None,
        }
    }

    fn screen(calls: &[Ticket], welsh: bool) -> String {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| render(f, calls, welsh)).unwrap();
        let buffer = terminal.backend().buffer().clone();
        (0..24)
            .map(|y| {
                (0..80)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_latest_call_fills_the_screen_at_80x24_with_welsh_beside_english() {
        let text = screen(
            &[called("H12", "Desk 2", 5), called("B3", "Desk 1", 1)],
            true,
        );
        assert!(text.contains("Now calling / Yn galw nawr"), "{text}");
        assert!(text.contains("Go to / Ewch i"), "{text}");
        assert!(text.contains("████"), "{text}");
        assert!(text.contains("B3  →  Desk 1"), "{text}");
        let english = screen(&[called("H12", "Desk 2", 5)], false);
        assert!(!english.contains("Yn galw"), "{english}");
    }

    #[test]
    fn nobody_called_yet_and_a_name_too_wide_for_block_letters_still_show() {
        assert!(screen(&[], false).contains("Please wait to be called"));
        let wide = screen(
            &[called("H12", "Housing options desk at the back", 5)],
            false,
        );
        assert!(wide.contains("HOUSING OPTIONS DESK AT THE BACK"), "{wide}");
        assert_eq!(big("A1", 80).len(), 5);
    }
}
