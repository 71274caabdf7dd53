//! Guided scripts: a walk through a decision tree, one number key a step. Pure: no terminal,
//! no clock, no disk; the script screen and `frontdesk script walk` both drive a [`ScriptWalk`].

mod paths;
mod walk;

pub use paths::{Path, every_path};
pub use walk::{ScriptWalk, Step, WalkError};

#[cfg(test)]
mod tests;
