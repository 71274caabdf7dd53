//! `frontdesk config --print`

use std::process::ExitCode;

use crate::cli::ConfigArgs;
use crate::config::Settings;

pub fn run(settings: &Settings, args: &ConfigArgs) -> anyhow::Result<ExitCode> {
    if args.print {
        out!("{}", settings.describe());
    } else {
        outln!(
            "The config file is {}. Use `frontdesk config --print` to see every setting.",
            settings.config_file.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
