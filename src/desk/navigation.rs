//! Where the receptionist is: a stack of screens, with search always at the bottom. Esc goes
//! back to the screen below.

use crate::catalogue::{Catalogue, EntryKey};
use crate::script::ScriptWalk;

/// One screen on the stack.
// A few screens at most are on the stack: their size does not matter, boxing would.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Search,
    Detail(Detail),
    ShowResident(ResidentView),
    VisitForm,
    Today,
    Script(ScriptView),
    /// The resident's slip, previewed before it is printed or saved.
    Slip(SlipView),
    Report(ReportView),
    /// Booking an appointment: the nearest free slots, the resident's needs, the booking made.
    Booking(Box<BookingView>),
    /// Today's appointments and the waiting list.
    Waiting(WaitingView),
}

/// Where a booking at the desk has got to.
// One at a time, on the booking screen.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Default)]
pub enum BookingStage {
    /// Choosing one of the nearest free slots.
    #[default]
    Slots,
    /// A slot is chosen: ticking what the resident needs, then confirming.
    Needs,
    /// Sent to the log; waiting for its answer.
    Sending,
    /// Made: the reference, and the slip to print.
    Booked(crate::appointments::Booking),
}

/// How many free slots the booking screen offers at once (one number key each); the page keys
/// show the nine after or before.
pub const SLOTS_SHOWN: usize = 9;

/// The booking screen: the offers of one service (or partner), the free slots read from the
/// log, the one chosen and the needs ticked. A booking cancelled here can be made again in
/// another slot (the screen shows the cancelled booking's slots).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BookingView {
    /// The catalogue id of the service or partner the offers are for; empty while the screen
    /// only asks for a reference to cancel.
    pub service: String,
    pub stage: BookingStage,
    /// Every free slot in the days bookings are taken for, today first (only those with a
    /// free slot after them when a longer slot is needed); `None` until the log's bookings
    /// have been read. The screen shows them nine at a time.
    pub slots: Option<Vec<crate::appointments::Slot>>,
    /// The slot selected, counted from the first of all (not of the nine shown).
    pub selected: usize,
    pub needs: Vec<crate::appointments::Need>,
    /// The interpreter's language being typed, while that field is open on the needs.
    pub interpreter: Option<String>,
    /// Characters of the typed language before the text cursor.
    pub interpreter_cursor: usize,
    /// The reference being typed to cancel a booking, while that prompt is open.
    pub cancel: Option<String>,
    /// Characters of the typed reference before the text cursor.
    pub cancel_cursor: usize,
}

impl BookingView {
    pub fn new(service: &str) -> BookingView {
        BookingView {
            service: service.to_string(),
            ..BookingView::default()
        }
    }

    /// The slot chosen (the one selected), while the list is loaded and has one.
    pub fn chosen(&self) -> Option<&crate::appointments::Slot> {
        self.slots.as_ref()?.get(self.selected)
    }

    /// The nine slots on show (those of the selected slot's page), and the number of the
    /// first of them among all the free slots (0 for the nearest).
    pub fn slots_shown(&self) -> (&[crate::appointments::Slot], usize) {
        let slots = self.slots.as_deref().unwrap_or_default();
        let first = (self.selected / SLOTS_SHOWN * SLOTS_SHOWN).min(slots.len());
        let last = (first + SLOTS_SHOWN).min(slots.len());
        (&slots[first..last], first)
    }
}

/// The appointments and waiting screen: what is typed to find a booking (a time such as "2pm"
/// or a reference), the booking selected among those it finds, and the service that "call
/// next" and a walk-in's ticket are for (`None`: any service to call; the visit's to give).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WaitingView {
    pub find: String,
    /// Characters of `find` before the text cursor.
    pub cursor: usize,
    pub selected: usize,
    pub service: Option<String>,
}

/// Whose figures the report screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportDesks {
    /// This desk's, from its own visit log.
    #[default]
    ThisDesk,
    /// Every desk's but the demo desk's, from the central server (only where the report role
    /// is set).
    AllDesks,
}

impl ReportDesks {
    /// The other choice.
    pub fn switched(self) -> ReportDesks {
        match self {
            ReportDesks::ThisDesk => ReportDesks::AllDesks,
            ReportDesks::AllDesks => ReportDesks::ThisDesk,
        }
    }
}

/// The report screen: the calendar period it shows (local dates, both included), and whose
/// figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportView {
    pub period: crate::report::CalendarPeriod,
    pub desks: ReportDesks,
}

/// A detail screen: which entry, how far its text is scrolled, which of its links is selected.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub key: EntryKey,
    pub scroll: Scroll,
    /// The selected link, an index into [`Catalogue::links`](crate::catalogue::Catalogue::links).
    pub link: usize,
}

/// "Show the resident" for an entry, and how far its text is scrolled.
#[derive(Debug, Clone, PartialEq)]
pub struct ResidentView {
    pub key: EntryKey,
    pub scroll: Scroll,
}

/// How far PgUp and PgDn move a list, and a text before the face has said how tall it is.
pub const PAGE: usize = 10;

/// How much of a scrolling text the face showed: `rows` rows of a text `length` rows long
/// (as laid out at the face's width). The desk learns it after each frame, so scrolling
/// stops at the end of the text and a page is what the receptionist sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextView {
    pub rows: u16,
    pub length: u16,
}

/// A scrolling text: lines scrolled off the top, and what the face last showed of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scroll {
    /// Lines scrolled off the top.
    pub offset: u16,
    /// The last frame's view; `None` until the text has been drawn once.
    pub view: Option<TextView>,
}

impl Scroll {
    /// The furthest the text scrolls: its last line at the bottom of the view.
    pub fn max(&self) -> u16 {
        self.view
            .map_or(u16::MAX, |v| v.length.saturating_sub(v.rows))
    }

    /// How far a page moves: the rows shown, or [`PAGE`] before the first frame.
    pub fn page(&self) -> u16 {
        self.view
            .map_or(u16::try_from(PAGE).unwrap_or(u16::MAX), |v| v.rows.max(1))
    }

    /// Scrolls by `lines` (negative is up), never above the top or past the end.
    pub fn by(&mut self, lines: i32) {
        let offset = i32::from(self.offset).saturating_add(lines).max(0);
        self.offset = u16::try_from(offset).unwrap_or(u16::MAX).min(self.max());
    }

    /// Scrolls a page down (`pages` 1) or up (-1).
    pub fn by_pages(&mut self, pages: i32) {
        self.by(pages.saturating_mul(i32::from(self.page())));
    }

    pub fn to_top(&mut self) {
        self.offset = 0;
    }

    /// To the end; before the first frame, as far as the face will allow when it draws.
    pub fn to_bottom(&mut self) {
        self.offset = self.max();
    }

    /// Takes the view the face has just drawn, and keeps the offset within it (the window may
    /// have grown, or the text become shorter).
    pub fn shown(&mut self, view: TextView) {
        self.view = Some(view);
        self.offset = self.offset.min(self.max());
    }

    /// True when lines are hidden above the view.
    pub fn more_above(&self) -> bool {
        self.offset > 0
    }

    /// True when lines are hidden below the view (as of the last frame).
    pub fn more_below(&self) -> bool {
        self.view
            .is_some_and(|v| u32::from(self.offset) + u32::from(v.rows) < u32::from(v.length))
    }
}

impl Detail {
    /// An entry's detail screen, at the top, with its first link selected.
    pub fn new(key: EntryKey) -> Detail {
        Detail {
            key,
            scroll: Scroll::default(),
            link: 0,
        }
    }

    /// Selects the next (`step` 1) or previous (-1) of `links` links, staying in the list.
    pub fn select_link(&mut self, step: isize, links: usize) {
        let last = links.saturating_sub(1);
        self.link = self.link.saturating_add_signed(step).min(last);
    }
}

/// A slip being previewed: the partners and services on it (catalogue ids), and how far its
/// text is scrolled. It is built afresh from these and the date whenever it is drawn or
/// printed, so it never holds anything else.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SlipView {
    pub partners: Vec<String>,
    pub services: Vec<String>,
    pub scroll: Scroll,
    /// The slip's language: the resident's when it opens, then English, Welsh or both.
    pub language: crate::slip::SlipLanguage,
    /// The waiting ticket given to the resident at this desk, if any.
    pub ticket: Option<String>,
}

impl ResidentView {
    pub fn new(key: EntryKey) -> ResidentView {
        ResidentView {
            key,
            scroll: Scroll::default(),
        }
    }
}

/// The script screen's state: which script, the keys chosen so far and the urgent nodes
/// acknowledged. The walk itself is rebuilt from these on demand (a [`ScriptWalk`] borrows its
/// script, the screen stack does not), so stepping back and redrawing need nothing else.
/// A script on screen: its id, the number keys chosen, the urgent nodes acknowledged.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScriptView {
    pub id: String,
    pub keys: Vec<u8>,
    pub acknowledged: Vec<String>,
    pub scroll: Scroll,
}

impl ScriptView {
    pub fn new(id: &str) -> ScriptView {
        ScriptView {
            id: id.to_string(),
            ..ScriptView::default()
        }
    }

    /// The walk as it stands: the script's start, then each key chosen (with the urgent nodes
    /// on the way acknowledged). `None` when the script is missing or its start is broken.
    pub fn walk<'c>(&self, catalogue: &'c Catalogue) -> Option<ScriptWalk<'c>> {
        let script = catalogue.script(&self.id)?;
        let mut walk = ScriptWalk::start(script).ok()?;
        for key in &self.keys {
            self.acknowledge_if_done(&mut walk);
            if walk.choose(*key).is_err() {
                break;
            }
        }
        self.acknowledge_if_done(&mut walk);
        Some(walk)
    }

    fn acknowledge_if_done(&self, walk: &mut ScriptWalk<'_>) {
        if self.acknowledged.iter().any(|id| *id == walk.current().id) {
            walk.acknowledge();
        }
    }

    /// Takes option `key`; false (and nothing changes) when there is no such option, the node
    /// waits to be acknowledged, or the walk has ended.
    pub fn choose(&mut self, catalogue: &Catalogue, key: u8) -> bool {
        let Some(mut walk) = self.walk(catalogue) else {
            return false;
        };
        if walk.choose(key).is_err() {
            return false;
        }
        self.keys.push(key);
        self.scroll = Scroll::default();
        true
    }

    /// Acknowledges the urgent node on screen; false when there is none waiting.
    pub fn acknowledge(&mut self, catalogue: &Catalogue) -> bool {
        let Some(walk) = self.walk(catalogue) else {
            return false;
        };
        if !walk.needs_acknowledgement() {
            return false;
        }
        self.acknowledged.push(walk.current().id.clone());
        true
    }

    /// Steps back one answer; false at the start.
    pub fn back(&mut self) -> bool {
        self.scroll = Scroll::default();
        self.keys.pop().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(rows: u16, length: u16) -> Scroll {
        let mut scroll = Scroll::default();
        scroll.shown(TextView { rows, length });
        scroll
    }

    #[test]
    fn scrolling_stops_at_the_last_line() {
        let mut scroll = shown(10, 25);
        scroll.by_pages(1);
        assert_eq!(scroll.offset, 10);
        assert!(scroll.more_above() && scroll.more_below());
        scroll.by_pages(1);
        assert_eq!(scroll.offset, 15, "the last line sits at the bottom");
        assert!(!scroll.more_below());
        scroll.by(1);
        assert_eq!(scroll.offset, 15, "no scrolling into emptiness");
        scroll.to_top();
        assert!(!scroll.more_above());
        scroll.to_bottom();
        assert_eq!(scroll.offset, 15);
        scroll.by_pages(-3);
        assert_eq!(scroll.offset, 0, "never above the top");
    }

    #[test]
    fn a_text_that_fits_does_not_scroll() {
        let mut scroll = shown(10, 4);
        scroll.by_pages(1);
        scroll.to_bottom();
        assert_eq!(scroll.offset, 0);
        assert!(!scroll.more_above() && !scroll.more_below());
    }

    #[test]
    fn a_larger_window_pulls_the_text_back_into_view() {
        let mut scroll = shown(5, 20);
        scroll.to_bottom();
        assert_eq!(scroll.offset, 15);
        scroll.shown(TextView {
            rows: 18,
            length: 20,
        });
        assert_eq!(scroll.offset, 2);
    }
}
