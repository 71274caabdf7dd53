//! The terminal: raw mode and the alternate screen on the way in, and the way back out on every
//! path (normal exit, error, panic, SIGTERM/SIGHUP).
//!
//! On Windows (Windows Terminal or the console host) crossterm drives the console API instead of
//! escape sequences; the guard and the panic hook restore it the same way. Windows has no
//! SIGTERM or SIGHUP: Ctrl-C (and Ctrl-Break) is the only signal the app listens for there, and
//! closing the window ends the process without a clean stop (a visit being typed is still on
//! disk as a draft).

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

/// On a panic: restore the terminal first, log the details, then hand over to the hook that was
/// installed before (Rust's own prints where the panic happened), and end with one readable
/// sentence that says where the log is.
pub fn install_panic_hook(log_file: Option<PathBuf>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        let backtrace = std::backtrace::Backtrace::force_capture();
        tracing::error!("unexpected problem: {info}\n{backtrace}");
        previous(info);
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
