//! The receptionist's input that is not a command: the clock's tick, typed and pasted text,
//! the mouse wheel and clicks, and how much of a scrolling text the screen showed.

use chrono::{DateTime, FixedOffset};

use super::{App, INFO_LIFETIME, QUERY_MAX_CHARS};
use crate::desk::action::Effect;
use crate::desk::command::{Command, Mode};
use crate::desk::navigation::TextView;
use crate::desk::status::Level;
use crate::desk::text_field::Change;
use crate::printable::is_unsafe;

impl App {
    /// The clock moved on: an old message goes, and today's count is asked for when due.
    pub(super) fn tick(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        self.now = now;
        if let Some(status) = &self.status
            && status.level == Level::Info
            && now - status.at > INFO_LIFETIME
        {
            self.status = None;
        }
        let mut effects = self.count_if_due();
        effects.extend(self.waiting_if_due());
        effects
    }

    pub(super) fn typed(&mut self, c: char) -> Vec<Effect> {
        self.drop_question();
        self.change_text(&[Change::Type(c)])
    }

    pub(super) fn pasted(&mut self, text: &str) -> Vec<Effect> {
        self.drop_question();
        // One line of text: newlines, tabs and other characters a terminal would obey
        // become spaces, so a paste never saves; no more than a field can hold.
        let room = QUERY_MAX_CHARS.max(crate::visit::NOTE_MAX_CHARS);
        let changes: Vec<Change> = text
            .chars()
            .take(room)
            .map(|c| Change::Type(if is_unsafe(c) { ' ' } else { c }))
            .collect();
        self.change_text(&changes)
    }

    pub(super) fn scrolled(&mut self, delta: i16) -> Vec<Effect> {
        self.drop_question();
        if delta < 0 {
            self.command(Command::Up, None)
        } else {
            self.command(Command::Down, None)
        }
    }

    pub(super) fn clicked(&mut self, index: usize) -> Vec<Effect> {
        self.drop_question();
        if self.mode() == Mode::Search && index < self.search.results.len() {
            if self.search.selected == index {
                return self.search_command(Command::Open);
            }
            self.search.selected = index;
        }
        Vec::new()
    }

    pub(super) fn text_shown(&mut self, view: TextView) -> Vec<Effect> {
        if let Some(scroll) = self.text_scroll() {
            scroll.shown(view);
        }
        Vec::new()
    }

    pub(super) fn stop(&mut self) -> Vec<Effect> {
        self.quit = true;
        Vec::new()
    }
}
