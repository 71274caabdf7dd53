//! Terminal events to actions: keys through the keymap, typing into the focused field, the mouse.

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

use super::keymap::{Key, Keymap};
use super::screens;
use crate::desk::{Action, App, Mode};

/// The action a terminal event asks for in the app's current state, if any. `size` is the
/// terminal's size, for mapping mouse clicks onto the results list.
pub fn action_for_event(app: &App, keymap: &Keymap, event: &Event, size: Rect) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let pressed = Key::from_event(key);
            let plain_char = match pressed.code {
                KeyCode::Char(c)
                    if !pressed
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    Some(c)
                }
                _ => None,
            };
            if app.text_first()
                && let Some(c) = plain_char
            {
                return Some(Action::Input(c));
            }
            if let Some(command) = keymap.command(app.mode(), pressed) {
                return Some(Action::Command(command));
            }
            if !app.accepts_text() {
                return None;
            }
            match (pressed.code, plain_char) {
                (_, Some(c)) => Some(Action::Input(c)),
                (KeyCode::Backspace, _) => Some(Action::DeleteBack),
                (KeyCode::Char('u' | 'w'), _) if pressed.modifiers == KeyModifiers::CONTROL => {
                    Some(Action::ClearText)
                }
                _ => None,
            }
        }
        Event::Paste(text) if app.accepts_text() => Some(Action::Paste(text.clone())),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollUp => Some(Action::Scroll(-1)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(1)),
            MouseEventKind::Down(MouseButton::Left) if app.mode() == Mode::Search => {
                let [_, body, _, _] = screens::chrome(size, screens::status_rows(app, size.width));
                let list = screens::results_area(body);
                let inside = mouse.column >= list.x
                    && mouse.column < list.right()
                    && mouse.row >= list.y
                    && mouse.row < list.bottom();
                inside.then(|| {
                    let first =
                        screens::first_visible(app.search.selected, usize::from(list.height));
                    Action::Click(first + usize::from(mouse.row - list.y))
                })
            }
            _ => None,
        },
        _ => None,
    }
}
