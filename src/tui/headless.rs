//! The reception screen without a terminal: keys in, a `TestBackend` frame out, searches run
//! inline. Tests and benchmarks drive the real `App`, keymap and screens through it.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use super::input::action_for_event;
use super::keymap::Keymap;
use super::screens;
use super::theme::Theme;
use crate::catalogue::Catalogue;
use crate::config::ThemeName;
use crate::desk::{Action, App, Effect};
use crate::runtime::Inline;
use crate::runtime::workers::{StoreJobs, StorePlace};
use crate::search::Index;
use crate::store::DraftSlot;

pub struct Headless {
    pub app: App,
    /// The keys, as the terminal face binds them; change them with [`Headless::rebind`].
    pub keymap: Keymap,
    pub theme: Theme,
    pub terminal: Terminal<TestBackend>,
    /// Effects other than searches, in order, for the caller to check or answer.
    pub effects: Vec<Effect>,
    /// The runtime's inline runner: searches on the index, and, once there is one, store
    /// effects on a real visit log on disk, as the store worker carries them out.
    pub runner: Inline,
}

impl Headless {
    /// A screen of `width` x `height` on `catalogue`, with the clock at `now`, no colour.
    pub fn new(
        catalogue: Catalogue,
        now: DateTime<FixedOffset>,
        width: u16,
        height: u16,
    ) -> Headless {
        let catalogue = Arc::new(catalogue);
        let runner = Inline::new(Index::new(&catalogue));
        let keymap = Keymap::default();
        let app = App::new(catalogue, keymap.key_names(), "Front desk", "AB", now);
        // TestBackend::new cannot fail; the Result is the backend trait's.
        let terminal = match Terminal::new(TestBackend::new(width, height)) {
            Ok(terminal) => terminal,
            Err(never) => match never {},
        };
        Headless {
            app,
            keymap,
            theme: Theme::new(ThemeName::Default, true),
            terminal,
            effects: Vec::new(),
            runner,
        }
    }

    /// Answers store effects with a real visit log in `data_dir`, as the app does: this
    /// screen claims its own draft slot there and is offered a draft left behind, if any.
    pub fn with_visit_log(mut self, data_dir: &Path) -> Headless {
        let drafts = match DraftSlot::claim(data_dir, &self.app.desk) {
            Ok((slot, left)) => {
                if let Some(draft) = left {
                    self.act(Action::DraftRestored(Box::new(draft)));
                }
                Some(slot)
            }
            Err(_) => None,
        };
        self.runner.log = Some(StoreJobs::new(StorePlace {
            visits_file: data_dir.join("visits.sqlite3"),
            drafts,
            desk: self.app.desk.clone(),
            language: self.app.lang,
        }));
        self
    }

    /// Shares bookings and the waiting list through the central server at `server` (the
    /// desk's role), as the app does with `share_appointments = true`.
    pub fn with_shared_room(mut self, server: crate::config::ServerUrl) -> Headless {
        self.runner.room = Some(crate::runtime::room_worker::RoomJobs::new(
            server,
            self.app.lang,
        ));
        self
    }

    /// Uses `keymap` from now on, as the app does with the config file's `[keys]`.
    pub fn rebind(&mut self, keymap: Keymap) {
        self.app.keys = keymap.key_names();
        self.keymap = keymap;
    }

    /// This screen's draft file, once it has a visit log.
    pub fn draft_file(&self) -> Option<&Path> {
        self.runner.log.as_ref()?.draft_file()
    }

    /// Sends one terminal event through the keymap and the update, running searches inline.
    pub fn event(&mut self, event: Event) {
        let size = self.terminal.backend().buffer().area;
        if let Some(action) = action_for_event(&self.app, &self.keymap, &event, size) {
            self.act(action);
        }
    }

    /// Sends an action straight to the update, running searches inline.
    pub fn act(&mut self, action: Action) {
        let asked = self.runner.run(&mut self.app, action);
        self.effects.extend(asked);
    }

    pub fn press(&mut self, code: KeyCode) {
        self.event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    pub fn ctrl(&mut self, c: char) {
        self.event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )));
    }

    /// Types text key by key, as a receptionist would.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    /// Draws the current state, as the app does after each key (the desk learns how much of a
    /// scrolling text fitted), and returns the screen as text, one line per row.
    pub fn screen(&mut self) -> String {
        let (app, keymap, theme) = (&mut self.app, &self.keymap, &self.theme);
        if let Err(never) = screens::draw(&mut self.terminal, app, keymap, theme) {
            match never {}
        }
        let buffer = self.terminal.backend().buffer();
        let area: Rect = buffer.area;
        let mut text = String::new();
        for y in 0..area.height {
            let mut line = String::new();
            for x in 0..area.width {
                line.push_str(buffer[(x, y)].symbol());
            }
            text.push_str(line.trim_end());
            text.push('\n');
        }
        text
    }

    /// Where the terminal cursor was put by the last draw.
    pub fn cursor(&mut self) -> (u16, u16) {
        let position = self.terminal.get_cursor_position().unwrap_or_default();
        (position.x, position.y)
    }
}
