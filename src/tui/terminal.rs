//! The terminal: raw mode and the alternate screen on the way in, and the way back out on every
//! path (normal exit, error, panic, SIGTERM/SIGHUP).

use std::io::{self, Stdout};
use std::path::PathBuf;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The real terminal the screens are drawn on.
pub type Tty = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped, whatever path leaves the app.
pub struct TerminalGuard;

impl TerminalGuard {
    /// Enters raw mode and the alternate screen. On failure the terminal is left as it was.
    pub fn enter(mouse: bool) -> io::Result<(TerminalGuard, Tty)> {
        enable_raw_mode()?;
        let guard = TerminalGuard;
        execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        if mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok((guard, terminal))
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves raw mode, mouse capture and the alternate screen, and shows the cursor. Safe to call
/// more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// On a panic: restore the terminal first, log the details, and print one readable message that
/// says where the log is.
pub fn install_panic_hook(log_file: Option<PathBuf>) {
    std::panic::set_hook(Box::new(move |info| {
        restore();
        let backtrace = std::backtrace::Backtrace::force_capture();
        tracing::error!("unexpected problem: {info}\n{backtrace}");
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no details".to_string());
        let place = match &log_file {
            Some(path) => format!("Details are in {}.", path.display()),
            None => "No log file could be written.".to_string(),
        };
        eprintln!(
            "frontdesk stopped because of an unexpected problem ({message}). {place} A visit being logged is kept as a draft and offered back at the next start."
        );
    }));
}
