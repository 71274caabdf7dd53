//! What flows into [`App::update`](super::app::App::update) and what comes out of it.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, Utc};
use uuid::Uuid;

use super::command::Command;
use super::navigation::TextView;
use crate::appointments::{Booking, Change, Ticket, WaitingDay};
use crate::catalogue::Catalogue;
use crate::search::Hit;
use crate::visit::{Visit, VisitDraft};

/// Something that happened: a key's command, typed text, the clock, or a worker's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A command the receptionist asked for (in the terminal, a key bound to it in the current mode).
    Command(Command),
    /// A character typed into the focused text field, at its cursor. (Moving the cursor and
    /// deleting are commands: [`Command::Text`].)
    Input(char),
    /// The clock moved on (once a second, and before each key).
    Tick(DateTime<FixedOffset>),
    /// The mouse wheel moved over the list: negative is up.
    Scroll(i16),
    /// A click on a result: the first click selects it, a click on the selected one opens it.
    Click(usize),
    /// The search worker's answer to query number `seq`.
    Results { seq: u64, hits: Vec<Hit> },
    /// The store committed this visit to disk.
    VisitSaved(Visit),
    /// The store replaced an edited visit.
    VisitUpdated(Visit),
    /// The store deleted a visit (undo).
    VisitDeleted(Uuid),
    /// The store could not save (or update) the visit; it stays on screen as a draft.
    SaveFailed(String),
    /// The store could not do something else asked of it (load, undo); one sentence.
    StoreFailed(String),
    /// The store kept something back on purpose and says why (a clean-up held because the
    /// clock looks wrong); one sentence.
    StoreWarning(String),
    /// Text pasted into the focused field at its cursor (newlines become spaces).
    Paste(String),
    /// Today's visits at this desk, newest last.
    TodayLoaded(Vec<Visit>),
    /// How many visits the log holds for this desk on `day` (every window of the desk saves
    /// there, so this is the count the header shows).
    TodayCounted {
        day: chrono::NaiveDate,
        count: usize,
    },
    /// The demand and way of helping online last given for each service, by service id.
    DefaultsLoaded(std::collections::BTreeMap<String, crate::visit::ServiceDefault>),
    /// The report counts for the report screen's question number `seq`: this desk's from the
    /// log, or every desk's from the central server.
    ReportCounted {
        seq: u64,
        counts: Vec<crate::tally::Count>,
    },
    /// The central server could not give the counts of all desks for question number `seq`;
    /// `reason` says why, in one sentence.
    AllDesksNotCounted { seq: u64, reason: String },
    /// A half-filled visit kept from last time (boxed: a draft is the largest payload).
    DraftRestored(Box<VisitDraft>),
    /// The draft could not be kept on disk (it stays on screen).
    DraftNotKept(String),
    /// Stop: SIGTERM, SIGHUP or the terminal went away.
    Stop,
    /// A slip was printed or saved, or could not be: what happened, for the status bar.
    SlipFiled(SlipFiled),
    /// How the sync to the central server stands (only when a server is set).
    SyncStatus(SyncState),
    /// A newer catalogue arrived from the central server; the desk switches to it between
    /// visits, never during one.
    CatalogueFetched(FetchedCatalogue),
    /// The face has drawn the scrolling text on top (help, details, show the resident) and
    /// says how much of it fits, so scrolling stops at its end and a page is a screenful.
    TextShown(TextView),
    /// Today's bookings and tickets from the log (after the no-shows due were marked).
    WaitingLoaded(WaitingDay),
    /// The answer to checking in a booking.
    WaitingArrived(Change<(Booking, Ticket)>),
    /// A walk-in's ticket was given.
    TicketGiven(Ticket),
    /// The answer to "call next": the ticket called, or `None` when nobody was waiting.
    TicketCalled(Option<Ticket>),
    /// The called ticket's resident was marked seen (`None`: no such called ticket today).
    TicketSeen(Option<Ticket>),
    /// The service the waiting screen calls and gives tickets for (a face that types it).
    WaitingFor(Option<String>),
}

/// Work the update asks the outside world to do. Answers come back as [`Action`]s.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Run a search; only the latest `seq` matters.
    Search {
        seq: u64,
        query: String,
    },
    SaveVisit(Visit),
    UpdateVisit(Visit),
    DeleteVisit(Uuid),
    /// Load this desk's visits on a local calendar day (today, by the app's clock).
    LoadToday(chrono::NaiveDate),
    /// Count this desk's visits on a local calendar day, for the header.
    CountToday(chrono::NaiveDate),
    SaveDraft(VisitDraft),
    ClearDraft,
    /// Read each service's remembered demand and way of helping online.
    LoadDefaults,
    /// Save the slip to a file and, when `print` is true, print it.
    FileSlip(SlipJob),
    /// The desk switched to a new catalogue ([`App::catalogue`](super::App)): search with it.
    CatalogueChanged,
    /// Count this desk's visits from one local date to another (both included) for the
    /// report screen; only the latest `seq` matters.
    LoadReport {
        seq: u64,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },
    /// Count every desk's visits (but the demo desk's) from one local date to another on the
    /// central server, for the report screen; only the latest `seq` matters.
    LoadCentralReport {
        seq: u64,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },
    /// Read today's bookings and tickets, marking the no-shows due at `now` first. Unless
    /// `force`, answered only when the file changed (another desk wrote) or a no-show was marked.
    LoadWaiting {
        day: chrono::NaiveDate,
        now: DateTime<Utc>,
        force: bool,
    },
    /// Check in a booking: its resident gets a ticket of `letter` and joins the waiting list.
    Arrive {
        reference: String,
        letter: char,
        now: DateTime<Utc>,
    },
    /// A ticket of `letter` for a walk-in, for `service`.
    AddTicket {
        service: String,
        letter: char,
        now: DateTime<Utc>,
    },
    /// Call the resident who has waited longest (for `service`, or any) to `desk`.
    CallNext {
        service: Option<String>,
        desk: String,
        now: DateTime<Utc>,
    },
    /// Mark the resident of a called ticket seen.
    MarkSeen {
        ticket: String,
        now: DateTime<Utc>,
    },
}

/// A slip to save and perhaps print: its renderings and a file name for it.
#[derive(Debug, Clone, PartialEq)]
pub struct SlipJob {
    /// The file name without its extension, from the date and time: "slip-2026-12-20-101234".
    pub name: String,
    pub text: String,
    pub html: String,
    pub print: bool,
}

/// What became of a slip.
#[derive(Debug, Clone, PartialEq)]
pub enum SlipFiled {
    /// Sent to the printer; a copy is at `path`.
    Printed { path: PathBuf },
    /// Saved to a file, as asked.
    Saved { path: PathBuf },
    /// No print command is set: saved to a file instead.
    NoPrinter { path: PathBuf },
    /// The print command failed (`problem` says how): saved to a file instead.
    PrintFailed { problem: String, path: PathBuf },
    /// It could not even be saved.
    NotSaved { problem: String },
}

/// The sync's state for the title bar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncState {
    /// Visits saved, edited or undone here that the server has not confirmed yet.
    pub waiting: u64,
    /// False while the last try to reach the server failed (it is tried again, less often).
    pub reachable: bool,
    /// Visits set aside because the server refused them (not counted in `waiting`).
    pub held: u64,
    /// Why, for the most common reason.
    pub held_reason: Option<String>,
}

/// A catalogue fetched from the central server, ready to use.
#[derive(Debug, Clone)]
pub struct FetchedCatalogue(pub Arc<Catalogue>);

impl PartialEq for FetchedCatalogue {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}
