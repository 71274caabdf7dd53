#![forbid(unsafe_code)]
//! `frontdesk`: parse the command line and hand over to the command. No logic lives here.

use std::process::ExitCode;

use clap::Parser;
use frontdesk::cli::Cli;

fn main() -> ExitCode {
    // The built-in catalogue, compiled with its index: read at start instead of parsed.
    frontdesk::search::compiled::carry_built_in(include_bytes!(
        "../assets/compiled/built-in.compiled"
    ));
    let cli = Cli::parse();
    match frontdesk::commands::run(cli) {
        Ok(code) => code,
        Err(error) => {
            // No server password is ever shown, whatever the error holds.
            let lang = frontdesk::text::cli::language();
            eprintln!(
                "frontdesk: {}",
                frontdesk::config::redact(&frontdesk::text::cli::error(lang, &error))
            );
            ExitCode::from(2)
        }
    }
}
