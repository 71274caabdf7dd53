//! What the receptionist can ask for, by name, and which commands are live. The terminal face
//! binds keys to these (`tui::keymap`); another face can reach them any way it likes.

use super::text_field::TextEdit;
use crate::text::{self, Language};

/// Which commands are live: one mode per screen (the help overlay has its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    Search,
    Detail,
    ShowResident,
    VisitForm,
    /// The visit form with a text field (the note) focused: keys edit the text.
    FormText,
    Today,
    /// A guided script: number keys choose, Backspace steps back.
    Script,
    /// The resident's slip, previewed: print it or save it to a file.
    Slip,
    /// The report screen: today, this week, this month or a chosen range.
    Report,
    /// Booking an appointment: choose a slot, tick needs, confirm; print the slip.
    Booking,
    /// The booking screen's prompt for a reference to cancel: keys edit the text.
    BookingText,
    /// The booking screen's field for the interpreter's language: keys edit the text, the
    /// arrows offer BSL and Welsh.
    BookingLanguage,
    /// Today's appointments and the waiting list: a time or a reference typed finds a booking.
    Waiting,
    Help,
}

impl Mode {
    /// Every mode, in the order help and the keymap list them.
    pub const ALL: [Mode; 14] = [
        Mode::Search,
        Mode::Detail,
        Mode::ShowResident,
        Mode::VisitForm,
        Mode::FormText,
        Mode::Today,
        Mode::Script,
        Mode::Slip,
        Mode::Report,
        Mode::Booking,
        Mode::BookingText,
        Mode::BookingLanguage,
        Mode::Waiting,
        Mode::Help,
    ];

    /// True where text is typed: there every plain character goes into the text.
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Mode::Search
                | Mode::FormText
                | Mode::BookingText
                | Mode::BookingLanguage
                | Mode::Waiting
        )
    }

    /// The screen's name, for the title bar and help: "Search", "Log the visit".
    pub fn title(self, lang: Language) -> &'static str {
        let names = text::screens::names(lang);
        match self {
            Mode::Search => names.search,
            Mode::Detail => names.detail,
            Mode::ShowResident => names.show_resident,
            Mode::VisitForm | Mode::FormText => names.visit_form,
            Mode::Today => names.today,
            Mode::Script => names.script,
            Mode::Slip => names.slip,
            Mode::Report => names.report,
            Mode::Booking | Mode::BookingText | Mode::BookingLanguage => {
                text::booking::words(lang).screen
            }
            Mode::Waiting => text::waiting::title(lang),
            Mode::Help => names.help,
        }
    }
}

/// What a key asks the desk to do. The config file names them in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Command {
    Quit,
    Help,
    Back,
    /// Up one row; on a detail screen, scroll up one line; on the form, the choice above in a
    /// list drawn one per line, else the field above.
    Up,
    /// Down one row; on a detail screen, scroll down one line; on the form, the choice below in
    /// a list drawn one per line, else the field below.
    Down,
    PageUp,
    PageDown,
    /// To the top of a text (help, details, show the resident).
    Top,
    /// To the end of a text.
    Bottom,
    /// On a detail screen, select the next link.
    NextLink,
    /// On a detail screen, select the previous link.
    PreviousLink,
    Open,
    ShowResident,
    LogVisit,
    Today,
    NewResident,
    /// The resident's language, English or Welsh, spoken and written.
    ResidentLanguage,
    NextField,
    PreviousField,
    Left,
    Right,
    Toggle,
    Save,
    Remove,
    RedactAndSave,
    Discard,
    Undo,
    Edit,
    Link(u8),
    Outcome(u8),
    /// On a script, take the option with this number.
    Choose(u8),
    /// On a script, step back to the question before.
    StepBack,
    /// On a script's urgent node: "I have done this".
    Acknowledge,
    /// On the search screen, open the script the search found.
    OpenScript,
    /// Preview the resident's slip for what is on screen (a partner, a service and the
    /// partners chosen, a script's end, the visit form).
    Slip,
    /// On the slip's preview, print it.
    PrintSlip,
    /// On the slip's preview, save it to a file.
    SaveSlip,
    /// Edit the focused text field (the search box, the note).
    Text(TextEdit),
    /// Straight to the note of the visit being logged.
    Note,
    /// Open the report screen.
    Report,
    /// On the report: today.
    ReportToday,
    /// On the report: this week, Monday to today.
    ReportWeek,
    /// On the report: this month, the 1st to today.
    ReportMonth,
    /// On the report: start the range a day earlier.
    ReportLonger,
    /// On the report: start the range a day later.
    ReportShorter,
    /// On the report: switch between this desk's figures and all desks' (only where the
    /// report role of the central server is set).
    ReportAllDesks,
    /// On the form: take last time's answers offered beside their fields (the demand and how
    /// the resident was helped online, as given on the last visit about the same service).
    TakeLastTime,
    /// Book an appointment for the service or partner on screen (or a script's end).
    Book,
    /// Cancel a booking by its reference (a prompt asks for it); the place is free again.
    CancelBooking,
    /// Open today's appointments and the waiting list.
    Waiting,
    /// On the waiting screen: check in the selected booking (the resident joins the waiting list).
    WaitingArrive,
    /// On the waiting screen: a ticket for a walk-in, for the service chosen.
    WaitingTicket,
    /// On the waiting screen: call the resident who has waited longest (for the service chosen,
    /// or any).
    WaitingCall,
    /// On the waiting screen: the resident this desk called has been seen.
    WaitingSeen,
    /// On the waiting screen: the next service to call and give tickets for (all, then each).
    WaitingService,
}

impl Command {
    /// The name used in the config file's `[keys]` table.
    pub fn name(self) -> String {
        match self {
            Command::Quit => "quit".into(),
            Command::Help => "help".into(),
            Command::Back => "back".into(),
            Command::Up => "up".into(),
            Command::Down => "down".into(),
            Command::PageUp => "page_up".into(),
            Command::PageDown => "page_down".into(),
            Command::Top => "top".into(),
            Command::Bottom => "bottom".into(),
            Command::NextLink => "next_link".into(),
            Command::PreviousLink => "previous_link".into(),
            Command::Open => "open".into(),
            Command::ShowResident => "show_resident".into(),
            Command::LogVisit => "log_visit".into(),
            Command::Today => "today".into(),
            Command::NewResident => "new_resident".into(),
            Command::ResidentLanguage => "resident_language".into(),
            Command::NextField => "next_field".into(),
            Command::PreviousField => "previous_field".into(),
            Command::Left => "left".into(),
            Command::Right => "right".into(),
            Command::Toggle => "toggle".into(),
            Command::Save => "save".into(),
            Command::Remove => "remove".into(),
            Command::RedactAndSave => "redact_and_save".into(),
            Command::Discard => "discard".into(),
            Command::Undo => "undo".into(),
            Command::Edit => "edit".into(),
            Command::Link(n) => format!("link_{n}"),
            Command::Outcome(n) => format!("outcome_{n}"),
            Command::Choose(n) => format!("choose_{n}"),
            Command::StepBack => "step_back".into(),
            Command::Acknowledge => "acknowledge".into(),
            Command::OpenScript => "open_script".into(),
            Command::Slip => "slip".into(),
            Command::PrintSlip => "print_slip".into(),
            Command::SaveSlip => "save_slip".into(),
            Command::Text(edit) => edit.name().into(),
            Command::Note => "note".into(),
            Command::Report => "report".into(),
            Command::ReportToday => "report_today".into(),
            Command::ReportWeek => "report_week".into(),
            Command::ReportMonth => "report_month".into(),
            Command::ReportLonger => "report_longer".into(),
            Command::ReportShorter => "report_shorter".into(),
            Command::ReportAllDesks => "report_all_desks".into(),
            Command::TakeLastTime => "take_last_time".into(),
            Command::Book => "book".into(),
            Command::CancelBooking => "cancel_booking".into(),
            Command::Waiting => "waiting".into(),
            Command::WaitingArrive => "arrive".into(),
            Command::WaitingTicket => "ticket".into(),
            Command::WaitingCall => "call_next".into(),
            Command::WaitingSeen => "seen".into(),
            Command::WaitingService => "waiting_service".into(),
        }
    }
}
