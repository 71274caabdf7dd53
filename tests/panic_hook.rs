//! The panic hook restores the terminal and then hands over to the hook installed before it, as
//! ratatui's own `init` does, so a panic still says where it happened. Alone in its own test
//! binary: a panic hook is global to the process.

use std::sync::atomic::{AtomicBool, Ordering};

static PREVIOUS_HOOK_RAN: AtomicBool = AtomicBool::new(false);

#[test]
fn the_panic_hook_chains_the_hook_installed_before_it() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.payload().downcast_ref::<&str>().copied();
        if message == Some("a test panic") {
            PREVIOUS_HOOK_RAN.store(true, Ordering::SeqCst);
        }
    }));
    frontdesk::tui::install_panic_hook(None);
    let outcome = std::panic::catch_unwind(|| panic!("a test panic"));
    let _ = std::panic::take_hook();
    assert!(outcome.is_err());
    assert!(
        PREVIOUS_HOOK_RAN.load(Ordering::SeqCst),
        "the hook installed before frontdesk's was called with the panic"
    );
}
