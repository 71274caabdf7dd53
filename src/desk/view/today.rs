//! Today's visits at this desk as both faces list them: the heading with the count, each visit's
//! time, length, outcome and services (each with its own outcome where that differs), and which
//! of them can still be undone or edited.

use crate::desk::{App, Command, UNDO_WINDOW};
use crate::text::{self, Language};

/// Today's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodayView {
    /// " Today at Front desk: 2 visits ", the full screen's border title.
    pub title: String,
    /// "2 visits today at Front desk.", the same said as a sentence.
    pub heading: String,
    /// With no visits: "No visits logged at this desk today yet." and what to do.
    pub empty: Option<(&'static str, String)>,
    /// "Time", "Length", "Outcome", "Services".
    pub headings: [&'static str; 4],
    pub rows: Vec<TodayRowView>,
    /// What the keys can do to the selected visit: undo or edit it, or that it is too late.
    pub footer: Option<String>,
    /// How long after saving a visit can be changed.
    pub window_minutes: i64,
}

/// One visit of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodayRowView {
    /// "14:05", the desk's local time.
    pub time: String,
    /// "4 min".
    pub length: String,
    pub outcome: &'static str,
    /// "Report a missed bin, Council tax arrears (Signposted)".
    pub services: String,
    /// Saved less than the undo window ago: it can still be undone or edited.
    pub changeable: bool,
}

impl TodayRowView {
    /// Every text of the row, for checks that both faces say it.
    pub fn texts(&self) -> [&str; 4] {
        [&self.time, &self.length, self.outcome, &self.services]
    }
}

impl App {
    /// Today's visits at this desk, in the desk's language, with the selected one's keys.
    pub fn today_view(&self) -> TodayView {
        let lang: Language = self.lang;
        let labels = text::screens::labels(lang);
        let count = self.today.len();
        let now = self.utc_now();
        let rows: Vec<TodayRowView> = self
            .today_rows()
            .into_iter()
            .zip(&self.today)
            .map(|(row, visit)| TodayRowView {
                time: row.time,
                length: text::screens::minutes(lang, row.minutes),
                outcome: row.outcome,
                services: row.services,
                changeable: now - visit.ended_at <= UNDO_WINDOW,
            })
            .collect();
        let window_minutes = UNDO_WINDOW.num_minutes();
        let selected_changeable = rows.get(self.today_selected).is_some_and(|r| r.changeable);
        let footer = (!rows.is_empty()).then(|| {
            if selected_changeable {
                let (undo, edit) = (self.keys.key(Command::Undo), self.keys.key(Command::Edit));
                text::screens::today_changeable(lang, &undo, &edit, window_minutes)
            } else {
                text::screens::today_unchangeable(lang, window_minutes)
            }
        });
        let empty = rows.is_empty().then(|| {
            (
                labels.today_empty,
                text::screens::today_empty_help(lang, &self.log_key()),
            )
        });
        TodayView {
            title: text::screens::today_title(lang, &self.desk, count),
            heading: text::accessible::today_heading(lang, &self.desk, count),
            empty,
            headings: labels.today_headings,
            rows,
            footer,
            window_minutes,
        }
    }
}
