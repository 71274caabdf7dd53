//! The script screen: opening a script (a search result, or the one a service's detail screen
//! offers), walking it one number key a step, acknowledging an urgent node, stepping back, and
//! filling the visit form from its end.

use super::App;
use crate::catalogue::{Entry, Script, ScriptEnd};
use crate::desk::action::Effect;
use crate::desk::command::Command;
use crate::desk::navigation::{Screen, ScriptView};
use crate::desk::status::Level;
use crate::text;
use crate::visit::ScriptRecord;

impl App {
    /// The script offered on a service's detail screen: the first script with an end of its
    /// own (not one of an included block, such as the safety check every script shares) that
    /// logs that service. (On the search screen, scripts are results like any other entry.)
    pub fn offered_script(&self) -> Option<&Script> {
        match self.screen() {
            Screen::Detail(detail) => {
                let Some(Entry::Service(service)) = self.catalogue.entry(detail.key) else {
                    return None;
                };
                self.catalogue.scripts.iter().find(|script| {
                    script.nodes.iter().any(|node| {
                        !node.is_included()
                            && node
                                .end
                                .as_ref()
                                .is_some_and(|end| end.services.iter().any(|s| s.id == service.id))
                    })
                })
            }
            _ => None,
        }
    }

    /// Opens the script offered on screen, at its start.
    pub(super) fn open_script(&mut self) -> Vec<Effect> {
        match self.offered_script().map(|s| s.id.clone()) {
            Some(id) => self.walk_script(&id),
            None => {
                let sentence = match self.screen() {
                    Screen::Detail(detail) => match self.catalogue.entry(detail.key) {
                        Some(Entry::Service(service)) => {
                            text::script::no_script_for(self.lang, &service.title)
                        }
                        _ => text::script::scripts_are_for_services(self.lang),
                    },
                    _ => text::script::scripts_are_for_services(self.lang),
                };
                self.say(Level::Warning, sentence);
            }
        }
        Vec::new()
    }

    /// Opens the script with this id at its start; the resident's visit starts now if it
    /// has not yet.
    pub(super) fn walk_script(&mut self, id: &str) {
        self.visit_begun();
        self.screens.push(Screen::Script(ScriptView::new(id)));
    }

    pub(super) fn script_command(&mut self, mut view: ScriptView, command: Command) -> Vec<Effect> {
        match command {
            Command::Choose(key) => {
                if !view.choose(&self.catalogue, key) {
                    self.refuse_choice(&view, key);
                    return Vec::new();
                }
            }
            Command::Acknowledge => {
                view.acknowledge(&self.catalogue);
            }
            Command::StepBack => {
                if !view.back() {
                    // At the start, Backspace leaves the script as Esc does.
                    self.screens.pop();
                    return Vec::new();
                }
            }
            other => super::scroll_text(&mut view.scroll, other),
        }
        self.status = None;
        if let Some(top) = self.screens.last_mut() {
            *top = Screen::Script(view);
        }
        Vec::new()
    }

    /// True when `command` does something at the node the script on top is at: an option's
    /// number on a question, Enter on an urgent node not yet acknowledged, the log key at an
    /// end, Backspace when there is a step to go back to. Other commands are not the node's.
    pub(super) fn script_offers(&self, view: &ScriptView, command: Command) -> bool {
        let Some(walk) = view.walk(&self.catalogue) else {
            return !matches!(
                command,
                Command::Choose(_)
                    | Command::Acknowledge
                    | Command::StepBack
                    | Command::LogVisit
                    | Command::Book
            );
        };
        let waiting = walk.needs_acknowledgement();
        match command {
            Command::Choose(key) => {
                !waiting && !walk.is_end() && walk.current().option(key).is_some()
            }
            Command::Acknowledge => waiting,
            Command::StepBack => !walk.path().is_empty(),
            Command::LogVisit | Command::Slip | Command::Book => !waiting && walk.is_end(),
            _ => true,
        }
    }

    /// Says why a number chose nothing: an urgent node waits, or there is no such option.
    fn refuse_choice(&mut self, view: &ScriptView, key: u8) {
        let Some(walk) = view.walk(&self.catalogue) else {
            return;
        };
        let sentence = if walk.needs_acknowledgement() {
            text::script::acknowledge_first(self.lang, &self.keys.key(Command::Acknowledge))
        } else if walk.is_end() {
            text::script::log_from_end(self.lang, &self.log_key())
        } else {
            text::script::no_such_option(self.lang, key, walk.current().options.len())
        };
        self.say(Level::Warning, sentence);
    }

    /// The end of the script on top, when the walk is at one and nothing waits to be
    /// acknowledged: what the visit form is filled from, and the record of the walk.
    /// A slip previewed over a script's end counts as the script's: the screen under it.
    pub(super) fn script_end_on_top(&self) -> Option<(ScriptEnd, ScriptRecord)> {
        let Screen::Script(view) = self.under_slip() else {
            return None;
        };
        let walk = view.walk(&self.catalogue)?;
        if walk.needs_acknowledgement() {
            return None;
        }
        let record = ScriptRecord {
            id: walk.script().id.clone(),
            version: walk.script().version.clone(),
            path: walk.keys(),
        };
        Some((walk.end()?.clone(), record))
    }
}

impl App {
    /// The screen on top, or the one under it when the top is a slip's preview (a slip is
    /// about what it was opened on).
    pub(super) fn under_slip(&self) -> &Screen {
        self.screens
            .iter()
            .rev()
            .find(|screen| !matches!(screen, Screen::Slip(_)))
            .unwrap_or(&Screen::Search)
    }

    /// Says that the script must reach its end (and any urgent node be acknowledged) before
    /// the visit is logged from it.
    pub(super) fn script_not_ended(&mut self) {
        let sentence = match self.screen() {
            Screen::Script(view)
                if view
                    .walk(&self.catalogue)
                    .is_some_and(|w| w.needs_acknowledgement()) =>
            {
                text::script::acknowledge_first(self.lang, &self.keys.key(Command::Acknowledge))
            }
            _ => text::script::walk_to_end(self.lang),
        };
        self.say(Level::Warning, sentence);
    }
}
