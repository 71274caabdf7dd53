//! Keys to named commands, per mode. The help overlay and the bottom-bar hints are generated from
//! this same table, so they can never disagree with the keys the app really uses. Every command
//! can be rebound in the config file's `[keys]` table.
//!
//! Where text is typed (the search box, the note), every plain character is typed: none is bound
//! there, so `?` is help only on screens without a text field, and the readline keys (Left,
//! Home, Ctrl-A, Ctrl-W, Alt-B, ...) edit the text. Ctrl-P/N/L/T/D/R/S/C/Q stay commands.

use std::collections::BTreeMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::desk::{Command, KeyNames, Mode, TextEdit};
use crate::text::Language;

/// One key combination, e.g. Ctrl-N or F2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    pub const fn alt(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::ALT,
        }
    }

    /// A character typed without Ctrl or Alt: where text is typed, it is typed.
    pub fn is_plain_char(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }

    /// The key as it arrived from the terminal, with Shift folded into the character.
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                if modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, modifiers }
    }

    /// Parses a key as written in the config file: "F2", "ctrl-l", "esc", "enter", "?", "alt-x".
    pub fn parse(text: &str) -> Result<Key, String> {
        let lower = text.trim().to_ascii_lowercase();
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = lower.as_str();
        loop {
            if let Some(r) = rest
                .strip_prefix("ctrl-")
                .or_else(|| rest.strip_prefix("ctrl+"))
            {
                modifiers |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest
                .strip_prefix("alt-")
                .or_else(|| rest.strip_prefix("alt+"))
            {
                modifiers |= KeyModifiers::ALT;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "esc" | "escape" => KeyCode::Esc,
            "enter" | "return" => KeyCode::Enter,
            "tab" => KeyCode::Tab,
            "backtab" | "shift-tab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" | "page-up" | "pgup" => KeyCode::PageUp,
            "pagedown" | "page-down" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "delete" | "del" => KeyCode::Delete,
            "backspace" => KeyCode::Backspace,
            f if f.starts_with('f') && f.len() > 1 => match f[1..].parse::<u8>() {
                Ok(n @ 1..=12) => KeyCode::F(n),
                _ => {
                    return Err(format!(
                        "'{text}' is not a key; function keys are F1 to F12"
                    ));
                }
            },
            c if c.chars().count() == 1 => {
                // Keep the case the user wrote for plain characters ("S" is not "s").
                let original = text.trim().chars().last().unwrap_or(' ');
                KeyCode::Char(if modifiers.is_empty() {
                    original
                } else {
                    c.chars().next().unwrap_or(' ')
                })
            }
            _ => {
                return Err(format!(
                    "'{text}' is not a key; use a character, F1 to F12, esc, enter, tab, space, up, down, left, right, pageup, pagedown, delete, or ctrl-/alt- with one of them"
                ));
            }
        };
        Ok(Key { code, modifiers })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            write!(f, "Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            write!(f, "Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => write!(f, "Space"),
            KeyCode::Char(c)
                if self
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Esc => write!(f, "Esc"),
            KeyCode::Enter => write!(f, "Enter"),
            KeyCode::Tab => write!(f, "Tab"),
            KeyCode::BackTab => write!(f, "Shift-Tab"),
            KeyCode::Up => write!(f, "Up"),
            KeyCode::Down => write!(f, "Down"),
            KeyCode::Left => write!(f, "Left"),
            KeyCode::Right => write!(f, "Right"),
            KeyCode::PageUp => write!(f, "PgUp"),
            KeyCode::PageDown => write!(f, "PgDn"),
            KeyCode::Home => write!(f, "Home"),
            KeyCode::End => write!(f, "End"),
            KeyCode::Delete => write!(f, "Del"),
            KeyCode::Backspace => write!(f, "Backspace"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One line of the keymap: the keys, the command, what it does, and whether the bottom bar shows it.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub command: Command,
    pub description: &'static str,
    /// A short label for the bottom bar; `None` keeps it to the help overlay.
    pub hint: Option<&'static str>,
}

/// The whole keymap: for each mode, its bindings in the order help shows them.
#[derive(Debug, Clone)]
pub struct Keymap {
    modes: BTreeMap<Mode, Vec<Binding>>,
}

fn bind(
    keys: &[Key],
    command: Command,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        keys: keys.to_vec(),
        command,
        description,
        hint,
    }
}

const F: fn(u8) -> Key = |n| Key::plain(KeyCode::F(n));
const ESC: Key = Key::plain(KeyCode::Esc);
const ENTER: Key = Key::plain(KeyCode::Enter);
const UP: Key = Key::plain(KeyCode::Up);
const DOWN: Key = Key::plain(KeyCode::Down);
const TAB: Key = Key::plain(KeyCode::Tab);
const BACKTAB: Key = Key::plain(KeyCode::BackTab);

/// The line-editing keys of every text field: readline's, plus the arrows, Home and End.
fn text_editing() -> Vec<Binding> {
    use TextEdit::*;
    let ctrl = |code| Key {
        code,
        modifiers: KeyModifiers::CONTROL,
    };
    let keys = |edit| -> (Vec<Key>, &'static str) {
        match edit {
            Left => (vec![Key::plain(KeyCode::Left)], "Move the cursor left"),
            Right => (vec![Key::plain(KeyCode::Right)], "Move the cursor right"),
            WordLeft => (
                vec![Key::alt(KeyCode::Char('b')), ctrl(KeyCode::Left)],
                "Move back a word",
            ),
            WordRight => (
                vec![Key::alt(KeyCode::Char('f')), ctrl(KeyCode::Right)],
                "Move on a word",
            ),
            Start => (
                vec![Key::plain(KeyCode::Home), Key::ctrl('a')],
                "Go to the start of the text",
            ),
            End => (
                vec![Key::plain(KeyCode::End), Key::ctrl('e')],
                "Go to the end of the text",
            ),
            DeleteBack => (
                vec![Key::plain(KeyCode::Backspace)],
                "Delete the character before the cursor",
            ),
            DeleteForward => (
                vec![Key::plain(KeyCode::Delete)],
                "Delete the character under the cursor",
            ),
            DeleteWordBack => (
                vec![Key::ctrl('w'), Key::alt(KeyCode::Backspace)],
                "Delete the word before the cursor",
            ),
            DeleteToStart => (vec![Key::ctrl('u')], "Delete to the start of the text"),
            DeleteToEnd => (vec![Key::ctrl('k')], "Delete to the end of the text"),
        }
    };
    TextEdit::ALL
        .into_iter()
        .map(|edit| {
            let (keys, description) = keys(edit);
            bind(&keys, Command::Text(edit), description, None)
        })
        .collect()
}

impl Default for Keymap {
    fn default() -> Keymap {
        use Command::*;
        let quit = bind(
            &[Key::ctrl('c'), Key::ctrl('q')],
            Quit,
            "Quit frontdesk",
            Some("quit"),
        );
        let help = |extra: &[Key]| {
            let mut keys = vec![F(1)];
            keys.extend_from_slice(extra);
            bind(&keys, Help, "Show every key for this screen", Some("help"))
        };
        let log = |extra: &[Key]| {
            let mut keys = vec![F(2), Key::ctrl('l')];
            keys.extend_from_slice(extra);
            bind(
                &keys,
                LogVisit,
                "Log this visit (adds the selected service)",
                Some("log visit"),
            )
        };
        let today = bind(
            &[F(3), Key::ctrl('t')],
            Today,
            "Today's visits at this desk",
            None,
        );
        let report = bind(
            &[F(7)],
            Report,
            "Report on this desk's visits: figures and charts",
            None,
        );
        let waiting = bind(
            &[F(12)],
            Waiting,
            "Today's appointments and the waiting list: check in, tickets, call next",
            Some("waiting"),
        );
        let new_resident = bind(
            &[F(4)],
            NewResident,
            "New resident: start the visit timer",
            None,
        );
        let slip = |hint: Option<&'static str>| {
            bind(
                &[F(6)],
                Slip,
                "Preview a slip for the resident to take away, then print or save it",
                hint,
            )
        };
        let book = |extra: &[Key], hint: Option<&'static str>| {
            let mut keys = vec![F(10)];
            keys.extend_from_slice(extra);
            bind(
                &keys,
                Book,
                "Book an appointment: the nearest free slots of this service or partner",
                hint,
            )
        };
        let language = bind(
            &[F(8)],
            ResidentLanguage,
            "Switch the resident's language: English or Welsh",
            None,
        );
        let up = bind(&[UP, Key::ctrl('p')], Up, "Move up", None);
        let down = bind(&[DOWN, Key::ctrl('n')], Down, "Move down", None);
        let page_up = bind(
            &[Key::plain(KeyCode::PageUp)],
            PageUp,
            "Move up a page",
            None,
        );
        let page_down = bind(
            &[Key::plain(KeyCode::PageDown)],
            PageDown,
            "Move down a page",
            None,
        );
        // Help, details and "show the resident" scroll their text the same way.
        let scroll_keys = vec![
            bind(
                &[DOWN, Key::ctrl('n'), Key::char('j')],
                Down,
                "Scroll down",
                None,
            ),
            bind(&[UP, Key::ctrl('p'), Key::char('k')], Up, "Scroll up", None),
            bind(
                &[Key::plain(KeyCode::PageDown)],
                PageDown,
                "Scroll down a page",
                None,
            ),
            bind(
                &[Key::plain(KeyCode::PageUp)],
                PageUp,
                "Scroll up a page",
                None,
            ),
            bind(&[Key::plain(KeyCode::Home)], Top, "Scroll to the top", None),
            bind(
                &[Key::plain(KeyCode::End)],
                Bottom,
                "Scroll to the end",
                None,
            ),
        ];

        let mut modes = BTreeMap::new();
        modes.insert(
            Mode::Search,
            vec![
                bind(
                    &[ENTER],
                    Open,
                    "Open the selected entry, or walk the selected script",
                    Some("open"),
                ),
                bind(&[ESC], Back, "Clear the search", Some("clear")),
                up.clone(),
                down.clone(),
                page_up,
                page_down,
                log(&[]),
                today.clone(),
                report.clone(),
                waiting.clone(),
                new_resident.clone(),
                language.clone(),
                // `?` is typed into the search, so help here is F1 only.
                help(&[]),
                quit.clone(),
            ]
            .into_iter()
            .chain(text_editing())
            .collect(),
        );
        let mut detail = vec![
            bind(
                &[ESC, Key::plain(KeyCode::Backspace)],
                Back,
                "Back to the results",
                Some("back"),
            ),
            bind(
                &[Key::char('s'), Key::ctrl('s')],
                ShowResident,
                "Show the resident: web address, QR code, phone",
                Some("show resident"),
            ),
            log(&[Key::char('l')]),
            // Shown only on a service or partner with appointments.
            book(&[Key::char('b')], Some("book")),
            // Offered in the detail screen's bottom border, where the bar has no room.
            slip(None),
            // Shown only on a service that a script logs.
            bind(
                &[F(5)],
                OpenScript,
                "Walk the guided script offered for this service",
                Some("script"),
            ),
            bind(
                &[Key::plain(KeyCode::Tab)],
                NextLink,
                "Select the next link",
                None,
            ),
            bind(
                &[Key::plain(KeyCode::BackTab)],
                PreviousLink,
                "Select the previous link",
                None,
            ),
            bind(&[ENTER], Open, "Open the selected link", Some("open link")),
        ];
        for n in 1..=9u8 {
            let c = char::from(b'0' + n);
            detail.push(bind(
                &[Key::char(c)],
                Link(n),
                LINK_DESCRIPTIONS[usize::from(n - 1)],
                None,
            ));
        }
        detail.extend(scroll_keys.iter().cloned());
        detail.extend([
            today.clone(),
            report.clone(),
            Binding {
                hint: None,
                ..waiting.clone()
            },
            new_resident.clone(),
            language.clone(),
            help(&[Key::char('?')]),
            quit.clone(),
        ]);
        modes.insert(Mode::Detail, detail);
        let mut show_resident = vec![
            bind(
                &[ESC, Key::plain(KeyCode::Backspace), Key::char('s')],
                Back,
                "Back to the details",
                Some("back"),
            ),
            log(&[Key::char('l')]),
            slip(None),
            book(&[Key::char('b')], None),
        ];
        show_resident.extend(scroll_keys.iter().cloned());
        show_resident.extend([
            Binding {
                hint: Some("language"),
                ..language.clone()
            },
            help(&[Key::char('?')]),
            quit.clone(),
        ]);
        modes.insert(Mode::ShowResident, show_resident);
        let save = bind(
            &[ENTER, Key::ctrl('s')],
            Save,
            "Save the visit",
            Some("save"),
        );
        let form_back = bind(
            &[ESC],
            Back,
            "Back; a new visit stays a draft, an edit asks",
            Some("back"),
        );
        let next_field = bind(&[TAB], NextField, "Next field", Some("next field"));
        let previous_field = bind(&[BACKTAB], PreviousField, "Previous field", None);
        let form_down = bind(
            &[DOWN],
            Down,
            "Next choice in a list drawn one per line, else the next field",
            None,
        );
        let form_up = bind(
            &[UP],
            Up,
            "Previous choice in a list drawn one per line, else the previous field",
            None,
        );
        let discard = bind(
            &[Key::ctrl('d')],
            Discard,
            "Discard this visit without saving it",
            None,
        );
        let redact = bind(
            &[Key::ctrl('r')],
            RedactAndSave,
            "Remove personal data from the note and save",
            None,
        );
        let mut form = vec![save.clone(), form_back.clone()];
        for n in 1..=6u8 {
            let c = char::from(b'0' + n);
            form.push(bind(
                &[Key::char(c)],
                Outcome(n),
                OUTCOME_DESCRIPTIONS[usize::from(n - 1)],
                None,
            ));
        }
        form.extend([
            next_field.clone(),
            previous_field.clone(),
            form_down.clone(),
            form_up.clone(),
            bind(&[Key::plain(KeyCode::Left)], Left, "Previous choice", None),
            bind(&[Key::plain(KeyCode::Right)], Right, "Next choice", None),
            bind(
                &[Key::char(' ')],
                Toggle,
                "Tick; step a service's outcome, a partner to referral",
                Some("tick"),
            ),
            bind(
                &[Key::plain(KeyCode::Delete)],
                Remove,
                "Remove the selected service from the visit",
                None,
            ),
            bind(
                &[Key::char('l')],
                TakeLastTime,
                "Take last time's answers shown beside their fields",
                None,
            ),
            discard.clone(),
            redact.clone(),
            bind(&[F(9)], Note, "Go straight to the note", Some("note")),
            slip(None),
            language.clone(),
            help(&[]),
            quit.clone(),
        ]);
        modes.insert(Mode::VisitForm, form);
        // On the note every character is typed and the arrows, Home and Delete edit it.
        let mut note = vec![
            save,
            form_back,
            next_field,
            previous_field,
            form_down,
            form_up,
            discard,
            redact,
            slip(None),
            language.clone(),
            help(&[]),
            quit.clone(),
        ];
        note.extend(text_editing());
        modes.insert(Mode::FormText, note);
        modes.insert(
            Mode::Report,
            vec![
                bind(&[ESC], Back, "Back", Some("back")),
                bind(&[Key::char('t')], ReportToday, "Report on today", None),
                bind(
                    &[Key::char('w')],
                    ReportWeek,
                    "Report on this week, Monday to today",
                    None,
                ),
                bind(
                    &[Key::char('m')],
                    ReportMonth,
                    "Report on this month, the 1st to today",
                    None,
                ),
                bind(
                    &[Key::plain(KeyCode::Left)],
                    Left,
                    "The period before, as long as this one",
                    Some("earlier"),
                ),
                bind(
                    &[Key::plain(KeyCode::Right)],
                    Right,
                    "The period after, up to today",
                    Some("later"),
                ),
                bind(
                    &[Key::char('[')],
                    ReportLonger,
                    "Start the period a day earlier",
                    None,
                ),
                bind(
                    &[Key::char(']')],
                    ReportShorter,
                    "Start the period a day later",
                    None,
                ),
                // Offered only where the central server's report role is set.
                bind(
                    &[Key::char('a')],
                    ReportAllDesks,
                    "Switch between this desk's figures and all desks'",
                    Some("this/all desks"),
                ),
                report.clone(),
                today.clone(),
                Binding {
                    hint: None,
                    ..waiting.clone()
                },
                help(&[Key::char('?')]),
                quit.clone(),
            ],
        );
        let mut waiting_keys = vec![
            bind(
                &[ENTER],
                WaitingArrive,
                "Check in the selected appointment: the resident gets a ticket and waits",
                Some("check in"),
            ),
            bind(
                &[F(5)],
                WaitingTicket,
                "A ticket for a walk-in, for the service shown (or the visit's)",
                Some("ticket"),
            ),
            bind(
                &[F(9), Key::ctrl('o')],
                WaitingCall,
                "Call the resident who has waited longest (for the service shown)",
                Some("call next"),
            ),
            bind(
                &[F(10), Key::ctrl('x')],
                WaitingSeen,
                "The resident called here has been seen",
                Some("seen"),
            ),
            bind(
                &[TAB],
                WaitingService,
                "The service to call and give tickets for: all, then each in turn",
                Some("service"),
            ),
            help(&[]),
            quit.clone(),
            bind(&[ESC], Back, "Back", Some("back")),
            up.clone(),
            down.clone(),
            bind(
                &[Key::plain(KeyCode::PageUp)],
                PageUp,
                "Move up a page",
                None,
            ),
            bind(
                &[Key::plain(KeyCode::PageDown)],
                PageDown,
                "Move down a page",
                None,
            ),
            // The slip carries the ticket just given. Few other keys: the screen's own F-keys
            // must not clash with commands a config file may have moved.
            slip(None),
        ];
        waiting_keys.extend(text_editing());
        modes.insert(Mode::Waiting, waiting_keys);
        modes.insert(
            Mode::Today,
            vec![
                bind(&[ESC], Back, "Back", Some("back")),
                up,
                down,
                bind(
                    &[Key::plain(KeyCode::PageUp)],
                    PageUp,
                    "Move up a page",
                    None,
                ),
                bind(
                    &[Key::plain(KeyCode::PageDown)],
                    PageDown,
                    "Move down a page",
                    None,
                ),
                bind(&[Key::plain(KeyCode::Home)], Top, "The first visit", None),
                bind(&[Key::plain(KeyCode::End)], Bottom, "The last visit", None),
                bind(
                    &[Key::char('u')],
                    Undo,
                    "Undo the selected visit, within 10 min (asks first)",
                    Some("undo"),
                ),
                bind(
                    &[Key::char('e')],
                    Edit,
                    "Edit the selected visit, within 10 min",
                    Some("edit"),
                ),
                report.clone(),
                Binding {
                    hint: None,
                    ..waiting.clone()
                },
                help(&[Key::char('?')]),
                quit.clone(),
            ],
        );
        let mut script = vec![
            bind(&[ESC], Back, "Leave the script", Some("leave")),
            bind(
                &[Key::plain(KeyCode::Backspace)],
                StepBack,
                "Step back to the question before",
                Some("step back"),
            ),
            bind(
                &[ENTER],
                Acknowledge,
                "Urgent: I have done this",
                Some("I have done this"),
            ),
        ];
        // The bottom bar shows the options a question has, together: "1-3 choose".
        for n in 1..=9u8 {
            let c = char::from(b'0' + n);
            script.push(bind(
                &[Key::char(c)],
                Choose(n),
                CHOOSE_DESCRIPTIONS[usize::from(n - 1)],
                Some("choose"),
            ));
        }
        script.push(log(&[Key::char('l')]));
        // Shown at an end, with the log key.
        script.push(slip(Some("slip")));
        script.push(book(&[Key::char('b')], Some("book")));
        script.extend(scroll_keys.iter().cloned());
        script.extend([
            today.clone(),
            report,
            new_resident.clone(),
            language.clone(),
            help(&[Key::char('?')]),
            quit.clone(),
        ]);
        modes.insert(Mode::Script, script);
        let mut slip_keys = vec![
            bind(
                &[Key::char('p'), ENTER],
                PrintSlip,
                "Print the slip (a copy is saved too)",
                Some("print"),
            ),
            bind(
                &[Key::char('f'), Key::ctrl('s')],
                SaveSlip,
                "Save the slip to a file, to print from a browser",
                Some("save to file"),
            ),
            bind(
                &[ESC, Key::plain(KeyCode::Backspace)],
                Back,
                "Back",
                Some("back"),
            ),
        ];
        // Logging from the slip logs what it was opened on (a script's end, a service).
        slip_keys.push(log(&[]));
        slip_keys.extend(scroll_keys.iter().cloned());
        // On the slip the language key chooses the slip's language: English, Cymraeg or both.
        slip_keys.push(Binding {
            description: "Slip language: English, Cymraeg, or both",
            hint: Some("slip language"),
            ..language
        });
        slip_keys.extend([help(&[Key::char('?')]), quit.clone()]);
        modes.insert(Mode::Slip, slip_keys);
        let cancel_booking = bind(
            &[Key::char('c')],
            CancelBooking,
            "Cancel a booking by its reference (then book again)",
            Some("cancel booking"),
        );
        let mut booking = vec![
            bind(
                &[ESC],
                Back,
                "Back: from the needs to the slots, else leave",
                Some("back"),
            ),
            bind(
                &[ENTER],
                Open,
                "Take the slot selected; with the needs ticked, book it",
                Some("continue"),
            ),
            bind(&[UP, Key::ctrl('p')], Up, "The slot above", None),
            bind(&[DOWN, Key::ctrl('n')], Down, "The slot below", None),
        ];
        for n in 1..=9u8 {
            let c = char::from(b'0' + n);
            booking.push(bind(
                &[Key::char(c)],
                Choose(n),
                BOOKING_CHOICE_DESCRIPTIONS[usize::from(n - 1)],
                Some("choose"),
            ));
        }
        booking.extend([
            bind(
                &[Key::plain(KeyCode::PageDown)],
                PageDown,
                "The next nine free slots",
                Some("more"),
            ),
            bind(
                &[Key::plain(KeyCode::PageUp)],
                PageUp,
                "The nine free slots before these",
                Some("earlier"),
            ),
            bind(
                &[Key::char('p')],
                PrintSlip,
                "Print the resident's appointment slip (a copy is saved too)",
                Some("print slip"),
            ),
            bind(
                &[Key::char('f'), Key::ctrl('s')],
                SaveSlip,
                "Save the resident's appointment slip to a file",
                None,
            ),
            cancel_booking,
            log(&[]),
            help(&[Key::char('?')]),
            quit.clone(),
        ]);
        modes.insert(Mode::Booking, booking);
        let mut booking_text = vec![
            bind(
                &[ENTER],
                Open,
                "Cancel the booking with this reference",
                Some("cancel it"),
            ),
            bind(
                &[ESC],
                Back,
                "Close the prompt without cancelling",
                Some("back"),
            ),
            help(&[]),
            quit.clone(),
        ];
        booking_text.extend(text_editing());
        modes.insert(Mode::BookingText, booking_text);
        let mut booking_language = vec![
            bind(
                &[ENTER],
                Open,
                "Note the interpreter's language (none when left empty)",
                Some("note it"),
            ),
            bind(
                &[ESC],
                Back,
                "Close the field, leaving the interpreter as it was",
                Some("back"),
            ),
            bind(
                &[UP, Key::ctrl('p')],
                Up,
                "The language offered before: BSL, Welsh",
                None,
            ),
            bind(
                &[DOWN, Key::ctrl('n')],
                Down,
                "The language offered next: BSL, Welsh",
                None,
            ),
            help(&[]),
            quit.clone(),
        ];
        booking_language.extend(text_editing());
        modes.insert(Mode::BookingLanguage, booking_language);
        let mut help_keys = vec![bind(
            &[ESC, F(1), Key::char('?'), Key::char('q')],
            Back,
            "Close help",
            Some("close"),
        )];
        help_keys.extend(scroll_keys);
        help_keys.push(quit);
        modes.insert(Mode::Help, help_keys);
        Keymap { modes }
    }
}

const LINK_DESCRIPTIONS: [&str; 9] = [
    "Open link 1",
    "Open link 2",
    "Open link 3",
    "Open link 4",
    "Open link 5",
    "Open link 6",
    "Open link 7",
    "Open link 8",
    "Open link 9",
];

const BOOKING_CHOICE_DESCRIPTIONS: [&str; 9] = [
    "Select slot 1; on the needs, type the interpreter's language",
    "Select slot 2; on the needs, tick step-free access",
    "Select slot 3; on the needs, tick a hearing loop",
    "Select slot 4; on the needs, tick a quiet room",
    "Select slot 5; on the needs, tick a longer appointment",
    "Select slot 6",
    "Select slot 7",
    "Select slot 8",
    "Select slot 9",
];

const CHOOSE_DESCRIPTIONS: [&str; 9] = [
    "Choose option 1",
    "Choose option 2",
    "Choose option 3",
    "Choose option 4",
    "Choose option 5",
    "Choose option 6",
    "Choose option 7",
    "Choose option 8",
    "Choose option 9",
];

/// On the services line a number sets the selected service's own outcome.
const OUTCOME_DESCRIPTIONS: [&str; 6] = [
    "Outcome: resolved (on a service: its own)",
    "Outcome: signposted (on a service: its own)",
    "Outcome: referred (on a service: its own)",
    "Outcome: appointment made (on a service: its own)",
    "Outcome: helped online (on a service: its own)",
    "Outcome: not resolved (on a service: its own)",
];

impl Keymap {
    /// The default keymap with the config file's `[keys]` overrides: each named command gets the
    /// keys listed for it, in every mode where it is bound.
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<String>>) -> Result<Keymap, String> {
        let mut keymap = Keymap::default();
        for (name, keys) in overrides {
            let parsed = keys
                .iter()
                .map(|k| Key::parse(k).map_err(|e| format!("keys.{name}: {e}")))
                .collect::<Result<Vec<_>, _>>()?;
            if parsed.is_empty() {
                return Err(format!(
                    "keys.{name}: give at least one key, e.g. {name} = [\"F2\"]"
                ));
            }
            let mut found = false;
            for bindings in keymap.modes.values_mut() {
                for binding in bindings.iter_mut().filter(|b| b.command.name() == *name) {
                    binding.keys = parsed.clone();
                    found = true;
                }
            }
            if !found {
                let mut names: Vec<String> = keymap
                    .modes
                    .values()
                    .flatten()
                    .map(|b| b.command.name())
                    .collect();
                names.sort();
                names.dedup();
                return Err(format!(
                    "keys.{name}: there is no command called '{name}'; commands are: {}",
                    names.join(", ")
                ));
            }
        }
        // Where text is typed, a plain character is typed, whatever it is bound to elsewhere.
        for (_, bindings) in keymap.modes.iter_mut().filter(|(m, _)| m.types_text()) {
            for binding in bindings {
                binding.keys.retain(|key| !key.is_plain_char());
            }
        }
        keymap.check_clashes(overrides)?;
        Ok(keymap)
    }

    /// A key may do only one thing in each mode. A clash is told as the config file's own:
    /// the command it rebound (one of `rebound`) is the one to change.
    fn check_clashes(&self, rebound: &BTreeMap<String, Vec<String>>) -> Result<(), String> {
        for (mode, bindings) in &self.modes {
            for (i, binding) in bindings.iter().enumerate() {
                for key in &binding.keys {
                    if let Some(other) = bindings[..i].iter().find(|b| b.keys.contains(key)) {
                        let (changed, kept) = if rebound.contains_key(&other.command.name())
                            && !rebound.contains_key(&binding.command.name())
                        {
                            (other, binding)
                        } else {
                            (binding, other)
                        };
                        return Err(format!(
                            "keys.{}: {key} already does '{}' on the {} screen; choose another key",
                            changed.command.name(),
                            kept.command.name(),
                            mode.title(Language::English).to_lowercase()
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    /// The command a key runs in a mode, if any.
    pub fn command(&self, mode: Mode, key: Key) -> Option<Command> {
        self.modes
            .get(&mode)?
            .iter()
            .find(|b| b.keys.contains(&key))
            .map(|b| b.command)
    }

    /// Every binding of a mode, for the help overlay.
    pub fn bindings(&self, mode: Mode) -> &[Binding] {
        self.modes.get(&mode).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The keys that matter on a screen, for the bottom bar: (Open, "Enter", "open"), ... The
    /// face keeps those the desk says do something now ([`App::offers`](crate::desk::App::offers)).
    pub fn hints(&self, mode: Mode) -> Vec<(Command, String, &'static str)> {
        self.bindings(mode)
            .iter()
            .filter_map(|b| Some((b.command, b.keys.first()?.to_string(), b.hint?)))
            .collect()
    }

    /// Every command bound anywhere, by its config-file name, with every key it has on any
    /// screen, written as the `[keys]` table takes them: for `frontdesk config --print`.
    pub fn every_binding(&self) -> Vec<(String, Vec<String>)> {
        let mut all: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for mode in Mode::ALL {
            for binding in self.bindings(mode) {
                let keys = all.entry(binding.command.name()).or_default();
                for key in &binding.keys {
                    let key = key.to_string();
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                }
            }
        }
        all.into_iter().collect()
    }

    /// The name of each command's first key, for the desk's sentences ("press F2 to log"). A
    /// command's keys are the same wherever it is bound unless the defaults differ; then the
    /// first screen that binds it (in [`Mode::ALL`] order) names it.
    pub fn key_names(&self) -> KeyNames {
        KeyNames::new(Mode::ALL.iter().flat_map(|mode| {
            self.bindings(*mode)
                .iter()
                .filter_map(|b| Some((b.command, b.keys.first()?.to_string())))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_as_written_in_the_config_file() {
        assert_eq!(Key::parse("F2"), Ok(Key::plain(KeyCode::F(2))));
        assert_eq!(Key::parse("ctrl-l"), Ok(Key::ctrl('l')));
        assert_eq!(Key::parse("Esc"), Ok(ESC));
        assert_eq!(Key::parse("?"), Ok(Key::char('?')));
        assert!(Key::parse("F13").unwrap_err().contains("F1 to F12"));
        assert!(
            Key::parse("banana")
                .unwrap_err()
                .contains("'banana' is not a key")
        );
    }

    #[test]
    fn overrides_replace_the_keys_of_a_command_everywhere() {
        let mut overrides = BTreeMap::new();
        overrides.insert("log_visit".to_string(), vec!["F11".to_string()]);
        let keymap = Keymap::with_overrides(&overrides).unwrap();
        assert_eq!(
            keymap.command(Mode::Search, Key::plain(KeyCode::F(11))),
            Some(Command::LogVisit)
        );
        assert_eq!(
            keymap.command(Mode::Detail, Key::plain(KeyCode::F(11))),
            Some(Command::LogVisit)
        );
        assert_eq!(
            keymap.command(Mode::Search, Key::plain(KeyCode::F(2))),
            None
        );
    }

    #[test]
    fn every_key_listed_for_the_config_file_reads_back_as_the_same_key() {
        let keymap = Keymap::default();
        let all = keymap.every_binding();
        assert!(
            all.iter()
                .any(|(name, keys)| name == "log_visit" && keys[0] == "F2")
        );
        for (name, keys) in &all {
            for key in keys {
                let parsed = Key::parse(key).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(&parsed.to_string(), key, "{name}");
            }
        }
    }

    #[test]
    fn an_unknown_command_name_lists_the_real_ones() {
        let mut overrides = BTreeMap::new();
        overrides.insert("fly".to_string(), vec!["F9".to_string()]);
        let error = Keymap::with_overrides(&overrides).unwrap_err();
        assert!(
            error.contains("no command called 'fly'") && error.contains("log_visit"),
            "{error}"
        );
    }

    #[test]
    fn an_override_that_clashes_is_refused() {
        let mut overrides = BTreeMap::new();
        overrides.insert("log_visit".to_string(), vec!["enter".to_string()]);
        let error = Keymap::with_overrides(&overrides).unwrap_err();
        assert_eq!(
            error,
            "keys.log_visit: Enter already does 'open' on the search screen; choose another key"
        );
    }

    #[test]
    fn no_key_does_two_things_in_one_mode() {
        let keymap = Keymap::default();
        for (mode, bindings) in &keymap.modes {
            let mut seen = std::collections::HashSet::new();
            for binding in bindings {
                for key in &binding.keys {
                    assert!(seen.insert(*key), "{key} is bound twice in {mode:?}");
                }
            }
        }
    }
}
