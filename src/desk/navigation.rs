//! Where the receptionist is: a stack of screens, with search always at the bottom. Esc goes
//! back to the screen below.

use crate::catalogue::EntryKey;

/// One screen on the stack.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Search,
    Detail(Detail),
    ShowResident(EntryKey),
    VisitForm,
    Today,
}

/// A detail screen: which entry, how far its text is scrolled, which of its links is selected.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub key: EntryKey,
    /// Lines scrolled off the top.
    pub scroll: u16,
    /// The selected link, an index into [`Catalogue::links`](crate::catalogue::Catalogue::links).
    pub link: usize,
}

/// How far PgUp and PgDn move a list or scroll a text.
pub const PAGE: usize = 10;

impl Detail {
    /// An entry's detail screen, at the top, with its first link selected.
    pub fn new(key: EntryKey) -> Detail {
        Detail {
            key,
            scroll: 0,
            link: 0,
        }
    }

    /// Scrolls the text by `lines` (negative is up), never above the top.
    pub fn scroll_by(&mut self, lines: i32) {
        let scroll = i32::from(self.scroll).saturating_add(lines);
        self.scroll = u16::try_from(scroll.max(0)).unwrap_or(u16::MAX);
    }

    /// Selects the next (`step` 1) or previous (-1) of `links` links, staying in the list.
    pub fn select_link(&mut self, step: isize, links: usize) {
        let last = links.saturating_sub(1);
        self.link = self.link.saturating_add_signed(step).min(last);
    }
}
