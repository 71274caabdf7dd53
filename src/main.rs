#![forbid(unsafe_code)]
//! `frontdesk`: parse the command line and hand over to the command. No logic lives here.

use std::process::ExitCode;

fn main() -> ExitCode {
    // The built-in catalogue, compiled with its index: read at start instead of parsed.
    frontdesk::search::compiled::carry_built_in(include_bytes!(
        "../assets/compiled/built-in.compiled"
    ));
    // A command line the parser refuses is said in the desk's language, with clap's exit code.
    let cli = match frontdesk::cli::usage_error::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match frontdesk::commands::run(cli) {
        Ok(code) => code,
        Err(error) => {
            // No server password is ever shown, whatever the error holds.
            let lang = frontdesk::text::cli::language();
            eprintln!(
                "frontdesk: {}",
                frontdesk::config::redact(&frontdesk::commands::said(lang, &error))
            );
            ExitCode::from(2)
        }
    }
}
