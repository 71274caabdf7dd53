//! What arrives on the screen's channel: terminal events from the key reader, and actions from
//! the clock, the signal listener and the workers. Its own room, so the event loop and the
//! workers both use it without importing each other.

use crossterm::event::Event;

use crate::desk::Action;

// An action carries a whole visit (the store's answers) and so outweighs a key event; a message
// is moved once, through a channel, so it is not boxed to save the difference.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Message {
    Event(Event),
    Action(Action),
    /// The terminal stopped sending input (it was closed).
    InputGone,
}
