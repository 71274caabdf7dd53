//! The accessible face of the desk: plain lines in and out, for a screen reader, a magnifier or
//! a script. It drives the same [`App`] as the full screen (the same actions, the same checks,
//! the same visit log and drafts) and prints what changed, line by line, on the normal screen:
//! never redrawn, with no escape sequences, colour, box drawing, spinners or timers.
//!
//! ```text
//! a line typed ──► session (words ──► Commands) ──► App::update ──► Effects, carried out at once
//!                                                      │
//!                      lines printed: the desk's message, the results, an entry, a question
//! ```
//!
//! It sits beside `crate::tui`, names no terminal library and imports nothing of the terminal
//! face: its effects go through the runtime's inline runner ([`crate::runtime::Inline`]), the
//! same jobs the full screen's workers run, so a visit is saved and a slip printed exactly as
//! the full screen does it.

mod form;
mod report;
mod screen;
pub mod session;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;

use crate::config::Settings;
use crate::desk::{Action, App, Command, KeyNames};
use crate::runtime::AllDesks;
pub use crate::runtime::SlipPlace;
use crate::runtime::workers::{StoreJobs, StorePlace};
use crate::search::Index;
use crate::store::DraftSlot;
use crate::text::{self, Language};
pub use screen::{
    entry as entry_sentences, lines as screen_lines, resident as resident_sentences,
    today as today_sentences,
};
pub use session::Session;

/// Why the accessible mode was started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Started {
    /// Asked for: `--accessible`, `FRONTDESK_ACCESSIBLE=1` or `accessible = true`.
    Asked,
    /// The terminal is `TERM=dumb` and cannot draw the full screen.
    DumbTerminal,
}

/// How the desk's sentences name a command in this mode: the word to type, in quotes.
pub fn key_names(lang: Language) -> KeyNames {
    let words = text::accessible::words(lang);
    let quoted = text::accessible::quoted;
    let mut names = vec![
        (Command::LogVisit, quoted(words.log)),
        (Command::Save, quoted(words.save)),
        (Command::Back, quoted(words.back)),
        (Command::Undo, quoted(words.undo)),
        (Command::Edit, quoted(words.edit)),
        (Command::Acknowledge, quoted(words.done)),
        (Command::RedactAndSave, quoted(words.redact)),
        (Command::Remove, quoted(words.remove)),
        (Command::Discard, quoted(words.discard)),
        (Command::Note, quoted(words.note)),
        (Command::ResidentLanguage, quoted(words.language)),
        (Command::OpenScript, quoted(words.script)),
        (Command::Today, quoted(words.today)),
        (Command::NewResident, quoted(words.new)),
        (Command::Help, quoted(words.help)),
        (Command::Quit, quoted(words.quit)),
        (
            Command::Toggle,
            text::accessible::its_number(lang).to_string(),
        ),
        (Command::StepBack, quoted(words.back)),
        (Command::Slip, quoted(words.slip)),
        (Command::Report, quoted(words.report)),
        (Command::ReportAllDesks, quoted(words.all)),
        (Command::TakeLastTime, quoted(words.last)),
        (Command::PrintSlip, quoted(words.print)),
        (Command::SaveSlip, quoted(words.save)),
    ];
    names.extend((1..=9u8).map(|n| (Command::Outcome(n), n.to_string())));
    names.extend((1..=9u8).map(|n| (Command::Choose(n), n.to_string())));
    KeyNames::new(names)
}

/// Runs the accessible mode on standard input and output until 'quit' or the end of the input.
pub fn run(settings: &Settings, started: Started) -> anyhow::Result<ExitCode> {
    let catalogue = Arc::new(crate::runtime::load_catalogue(settings)?);
    let lang = settings.language;
    let now = crate::clock::local_now()?.fixed_offset();
    let mut app = App::new(
        catalogue.clone(),
        key_names(lang),
        &settings.desk,
        &settings.staff,
        now,
    );
    app.lang = lang;
    let mut first = Vec::new();
    if started == Started::DumbTerminal {
        first.push(text::accessible::dumb_terminal(lang).to_string());
    }
    first.push(text::accessible::welcome(lang, &settings.desk));
    let (drafts, left, problem) = match DraftSlot::claim(&settings.data_dir, &settings.desk) {
        Ok((slot, left)) => (Some(slot), left, None),
        Err(e) => (None, None, Some(text::errors::store(lang, &e))),
    };
    let mut jobs = StoreJobs::new(StorePlace {
        visits_file: settings.visits_file(),
        drafts,
        desk: settings.desk.clone(),
        language: lang,
    });
    let purged = jobs.purge(settings.retention_days);
    let index = Index::new(&catalogue);
    let stdout = std::io::stdout();
    let mut session = Session::new(
        app,
        index,
        Some(jobs),
        stdout.lock(),
        Box::new(move || crate::clock::local_now().map_or(now, |at| at.fixed_offset())),
    )
    .with_kept_files(crate::output_file::KeptFiles::new(
        &settings.data_dir,
        &settings.visits_file(),
        Some(&settings.config_file),
    ))
    .with_slips(SlipPlace {
        folder: settings.data_dir.join("slips"),
        print_command: settings.print_command.clone(),
    });
    if let Some(server) = settings.report_server.clone() {
        session = session.with_all_desks(AllDesks::new(server));
    }
    if let Some(server) = crate::runtime::room_worker::shared_server(settings) {
        session = session.with_shared_room(server);
    }
    if let Some(draft) = left {
        session.act(Action::DraftRestored(Box::new(draft)));
    }
    if let Some(problem) = problem {
        session.act(Action::DraftNotKept(problem));
    }
    if let Some(said) = purged {
        session.act(said);
    }
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    match session.run(stdin.lock(), &first) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A reader that went away (a closed pipe) ends the session; the draft is on disk.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) if interactive => Err(anyhow::anyhow!("the accessible mode stopped: {e}")),
        Err(e) => Err(anyhow::anyhow!(
            "the accessible mode could not read its input or write its output: {e}"
        )),
    }
}
