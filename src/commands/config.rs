//! `frontdesk config --print`: the settings in use, once they have passed every check the
//! reception screen makes.

use std::process::ExitCode;

use crate::cli::ConfigArgs;
use crate::config::Settings;
use crate::printable::printable;
use crate::tui::keymap::Keymap;

pub fn run(settings: &Settings, args: &ConfigArgs) -> anyhow::Result<ExitCode> {
    // Key bindings are checked as the reception screen checks them, so a config the screen
    // would refuse is refused here too.
    let keymap = Keymap::with_overrides(&settings.keys)
        .map_err(|message| settings.key_binding_error(&message))?;
    if args.print {
        out!("{}", settings.describe());
        outln!(
            "# Every key in use, by command, as the config file's [keys] table takes them (F1 on a screen lists that screen's):"
        );
        for (name, keys) in keymap.every_binding() {
            let keys: Vec<String> = keys.iter().map(|k| format!("{k:?}")).collect();
            outln!("keys.{name} = [{}]", keys.join(", "));
        }
    } else {
        outln!(
            "The config file is {}. Use `frontdesk config --print` to see every setting.",
            printable(&settings.config_file.display().to_string())
        );
    }
    Ok(ExitCode::SUCCESS)
}
