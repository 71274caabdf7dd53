//! How the face names the key for a command, for the desk's sentences ("press F2 to log"). The
//! face builds this at start-up from its own bindings, so the desk never sees a key type.

use std::collections::BTreeMap;

use super::command::Command;

/// The name of the first key bound to each command: "F2", "Enter", "Ctrl-R".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyNames {
    names: BTreeMap<Command, String>,
}

impl KeyNames {
    /// Names the key of each command; a command named twice keeps its first name.
    pub fn new(names: impl IntoIterator<Item = (Command, String)>) -> KeyNames {
        let mut map = BTreeMap::new();
        for (command, name) in names {
            map.entry(command).or_insert(name);
        }
        KeyNames { names: map }
    }

    /// The key for `command`; a command with no key is named as the config file names it, so
    /// the sentence still says what to bind.
    pub fn key(&self, command: Command) -> String {
        self.names
            .get(&command)
            .cloned()
            .unwrap_or_else(|| command.name())
    }
}
