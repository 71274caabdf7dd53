//! One module per command: each turns parsed arguments into output and an exit code.

/// `print!` for commands: a reader that stops early (`frontdesk visits | head`) ends the output
/// quietly instead of a panic; any other write error is returned.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::commands::write_out(format_args!($($arg)*))?
    };
}

/// `println!` for commands, with the same care for a closed pipe.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::commands::write_out(format_args!("{}\n", format_args!($($arg)*)))?
    };
}

mod appointments;
mod catalogue;
mod check;
mod config;
mod dates;
mod demo;
mod export;
mod import;
mod queue;
mod report;
mod review;
mod script;
mod search;
mod slip;
mod sync;
mod table;
mod text;
mod visits;

use std::process::ExitCode;

use crate::cli::{
    CatalogueCommand, Cli, Command, ExportCommand, ImportCommand, ScriptCommand, ServerCommand,
    TextCommand,
};
use crate::config::{Overrides, Settings};

/// An error as the command line prints it after "frontdesk: ", in `lang`: the central
/// server's and the shared bookings' errors in their own sentences, the rest as
/// [`crate::text::cli::error`] says them.
pub fn said(lang: crate::text::Language, error: &anyhow::Error) -> String {
    use crate::central::CentralError;
    use crate::central::sync::FetchError;
    use crate::ledger::LedgerError;
    crate::text::cli::error(lang, error, |cause| {
        if let Some(e) = cause.downcast_ref::<CentralError>() {
            Some(crate::central_said::said(lang, e))
        } else if let Some(e) = cause.downcast_ref::<FetchError>() {
            Some(crate::central_said::fetch(lang, e))
        } else {
            cause.downcast_ref::<LedgerError>().map(|e| e.said(lang))
        }
    })
}

/// Runs the command the user asked for; no command opens the reception screen.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // The command line's sentences follow the config's language, its errors included.
    let overrides = Overrides::from(&cli.global);
    crate::text::cli::set_language(Settings::language_hint(&overrides));
    // A clock frontdesk cannot use (before 1970) is one sentence here, before anything reads it.
    crate::clock::now()?;
    let mut settings = Settings::resolve(&overrides)?;
    crate::text::cli::set_language(settings.language);
    // `--catalogue sample:wales`: a sample built into the binary, written out to use.
    settings.catalogue_dir =
        crate::catalogue::samples::unpack_named(settings.catalogue_dir.take(), &settings.data_dir)?;
    match cli.command {
        None if settings.accessible => {
            accessible_log(&settings);
            crate::accessible::run(&settings, crate::accessible::Started::Asked)
        }
        // A dumb terminal cannot draw the full screen: the line-by-line mode works there.
        None if settings.dumb_terminal => {
            accessible_log(&settings);
            crate::accessible::run(&settings, crate::accessible::Started::DumbTerminal)
        }
        None => crate::tui::run(&settings),
        Some(Command::Check { as_of }) => check::run(&settings, as_of),
        Some(Command::Catalogue(CatalogueCommand::Review { as_of })) => {
            review::run(&settings, as_of)
        }
        Some(Command::Search(args)) => search::run(&settings, &args),
        Some(Command::Catalogue(CatalogueCommand::List { json })) => {
            catalogue::list(&settings, json)
        }
        Some(Command::Script(ScriptCommand::List { json })) => script::list(&settings, json),
        Some(Command::Script(ScriptCommand::Show { id, json })) => {
            script::show(&settings, &id, json)
        }
        Some(Command::Script(ScriptCommand::Walk { id, choose, json })) => {
            script::walk(&settings, &id, &choose, json)
        }
        Some(Command::Import(ImportCommand::Lgsl { csv, out, tiers })) => {
            import::lgsl(&csv, &out, tiers.as_deref())
        }
        Some(Command::Import(ImportCommand::Oruk {
            input,
            out,
            replace,
        })) => import::oruk(&input, &out, replace),
        Some(Command::Log(args)) => visits::log(&settings, &args),
        Some(Command::Visits(args)) => visits::list(&settings, &args),
        Some(Command::Purge(args)) => visits::purge(&settings, &args),
        Some(Command::Backup(args)) => visits::backup(&settings, &args),
        Some(Command::Restore(args)) => visits::restore(&settings, &args),
        Some(Command::Slip(args)) => slip::run(&settings, &args),
        Some(Command::Config(args)) => config::run(&settings, &args),
        Some(Command::Sync(args)) => sync::sync(&settings, args.server.as_deref(), args.retry_held),
        Some(Command::Server(ServerCommand::Init {
            server,
            desk,
            desk_role,
            report_role,
            site,
        })) => sync::server_init(
            &settings,
            server.as_deref(),
            desk.as_deref().zip(desk_role.as_deref()),
            report_role.as_deref(),
            site.as_deref(),
        ),
        Some(Command::Catalogue(CatalogueCommand::Publish { dir, server })) => {
            sync::publish(&settings, &dir, server.as_deref())
        }
        Some(Command::Report(args)) => report::run(&settings, &args),
        Some(Command::Export(ExportCommand::Visits(args))) => export::visits(&settings, &args),
        Some(Command::DemoData(args)) => demo::run(&settings, &args),
        Some(Command::Text(TextCommand::Untranslated { language })) => {
            text::untranslated(&language)
        }
        Some(Command::Appointments(command)) => appointments::run(&settings, command),
        Some(Command::Queue(command)) => queue::run(&settings, command),
    }
}

/// The accessible mode keeps the app's log in `frontdesk.log` as the screen does (a held
/// clean-up is written there); a log file that cannot be written leaves the mode running, quietly.
fn accessible_log(settings: &Settings) {
    let _ = crate::runtime::logging::init(&settings.log_file());
}

/// Writes to standard output; a closed pipe is not an error.
pub(crate) fn write_out(text: std::fmt::Arguments<'_>) -> std::io::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_fmt(text).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The files these settings keep, which no command's output may overwrite.
pub(crate) fn kept_files(settings: &Settings) -> crate::output_file::KeptFiles {
    crate::output_file::KeptFiles::new(
        &settings.data_dir,
        &settings.visits_file(),
        Some(&settings.config_file),
    )
}

/// Text for standard output: on a terminal, control characters are shown as escapes (line
/// ends stay line ends); to a file or a pipe it is written as it is.
pub(crate) fn for_stdout(text: &str) -> std::borrow::Cow<'_, str> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        crate::printable::printable_lines(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}
