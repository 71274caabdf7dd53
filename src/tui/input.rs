//! Terminal events to actions: typing into the focused field, other keys through the keymap
//! (the line-editing keys too), the mouse.

use crossterm::event::{Event, KeyCode, KeyEventKind, MouseButton, MouseEventKind};
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
            // Where text is typed, a plain character is typed before any binding: `?`, digits
            // and spaces go into the search box and the note.
            if app.accepts_text()
                && pressed.is_plain_char()
                && let KeyCode::Char(c) = pressed.code
            {
                return Some(Action::Input(c));
            }
            keymap.command(app.mode(), pressed).map(Action::Command)
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
