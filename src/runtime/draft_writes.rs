//! Draft writes, coalesced. Every change on the visit form asks for the draft to be kept on
//! disk; the store worker holds the newest and writes it [`DRAFT_PAUSE`] after the first change
//! it held, so typing costs at most a few writes a second and a kept draft is never more than a
//! moment old. A save goes ahead of a held draft and supersedes it (the saved visit clears
//! the draft); if the save fails, the held draft is written then.

use std::time::{Duration, Instant};

use crate::visit::VisitDraft;

/// The longest a draft waits before it is written.
pub const DRAFT_PAUSE: Duration = Duration::from_millis(300);

/// The newest draft not yet written, and when it is due.
#[derive(Debug, Default)]
pub struct DraftWrites {
    newest: Option<VisitDraft>,
    due: Option<Instant>,
}

impl DraftWrites {
    /// Holds `draft` in place of any older one. The first draft held is due [`DRAFT_PAUSE`]
    /// after `now`; newer ones replace it without putting the write off.
    pub fn hold(&mut self, draft: VisitDraft, now: Instant) {
        self.newest = Some(draft);
        self.due.get_or_insert(now + DRAFT_PAUSE);
    }

    /// How long until the held draft is due (zero when it is overdue); `None` with nothing held.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        self.newest.as_ref()?;
        self.due.map(|due| due.saturating_duration_since(now))
    }

    /// The held draft, to write now or to drop because a save supersedes it.
    pub fn take(&mut self) -> Option<VisitDraft> {
        self.due = None;
        self.newest.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(note: &str) -> VisitDraft {
        VisitDraft {
            note: Some(note.into()),
            ..VisitDraft::default()
        }
    }

    #[test]
    fn the_newest_draft_wins_and_is_due_a_pause_after_the_first() {
        let start = Instant::now();
        let mut writes = DraftWrites::default();
        assert_eq!(writes.wait(start), None, "nothing to write");
        writes.hold(draft("a"), start);
        writes.hold(draft("ab"), start + Duration::from_millis(200));
        assert_eq!(
            writes.wait(start + Duration::from_millis(200)),
            Some(Duration::from_millis(100)),
            "typing on does not put the write off"
        );
        assert_eq!(writes.wait(start + DRAFT_PAUSE * 2), Some(Duration::ZERO));
        assert_eq!(writes.take(), Some(draft("ab")));
        assert_eq!(writes.take(), None, "each draft is written once");
        writes.hold(draft("abc"), start + DRAFT_PAUSE * 3);
        assert_eq!(
            writes.wait(start + DRAFT_PAUSE * 3),
            Some(DRAFT_PAUSE),
            "the next change starts a new pause"
        );
    }
}
