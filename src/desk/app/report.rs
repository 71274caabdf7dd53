//! The report screen: this desk's figures for today, this week, this month or a chosen range.
//! The counts are asked of the log (the store worker answers, so typing never waits) and the
//! figures are made here from them; the latest question wins. The screen asks again after each
//! save, edit or undo, and with the header's count every few seconds, so it follows the other
//! windows too.

use chrono::{Datelike, Duration, NaiveDate};

use super::App;
use crate::config::UnitCosts;
use crate::desk::action::Effect;
use crate::desk::command::Command;
use crate::desk::navigation::{ReportSpan, ReportView, Screen};
use crate::report::{Period, Report};
use crate::store::Count;

/// The longest range the screen shows: two years.
const LONGEST_RANGE_DAYS: i64 = 731;

impl ReportView {
    /// The period `span` names, ending today.
    pub fn ending(span: ReportSpan, today: NaiveDate) -> ReportView {
        let from = match span {
            ReportSpan::Today | ReportSpan::Chosen => today,
            ReportSpan::ThisWeek => {
                today - Duration::days(i64::from(today.weekday().num_days_from_monday()))
            }
            ReportSpan::ThisMonth => today.with_day(1).unwrap_or(today),
        };
        ReportView {
            span,
            from,
            to: today,
        }
    }

    /// How many days the period holds.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

impl App {
    /// The report screen on top, if it is anywhere on the stack.
    fn report_view(&self) -> Option<ReportView> {
        self.screens.iter().rev().find_map(|s| match s {
            Screen::Report(view) => Some(*view),
            _ => None,
        })
    }

    /// Opens the report screen on today (or brings it back to the top as it was).
    pub(super) fn open_report(&mut self) -> Vec<Effect> {
        if let Screen::Report(view) = self.screen() {
            let view = *view;
            return self.ask_report(view);
        }
        if self.draft.is_some() && *self.screen() == Screen::VisitForm {
            return Vec::new();
        }
        let view = self
            .report_view()
            .unwrap_or_else(|| ReportView::ending(ReportSpan::Today, self.now.date_naive()));
        self.screens.retain(|s| !matches!(s, Screen::Report(_)));
        self.screens.push(Screen::Report(view));
        self.ask_report(view)
    }

    /// Asks the log for `view`'s counts; the figures shown stay until they arrive.
    fn ask_report(&mut self, view: ReportView) -> Vec<Effect> {
        self.report_seq += 1;
        vec![Effect::LoadReport {
            seq: self.report_seq,
            from: view.from,
            to: view.to,
        }]
    }

    /// Asks again for the report on the stack, if there is one (after a save, an edit or an
    /// undo, and with each count of today's visits).
    pub(super) fn refresh_report(&mut self) -> Vec<Effect> {
        match self.report_view() {
            Some(view) => self.ask_report(view),
            None => Vec::new(),
        }
    }

    pub(super) fn report_counted(&mut self, seq: u64, counts: &[Count]) {
        if seq != self.report_seq {
            return;
        }
        let Some(view) = self.report_view() else {
            return;
        };
        self.report = Some(Report::build(
            Period {
                from: view.from,
                to: view.to,
                desk: Some(self.desk.clone()),
            },
            counts,
            &self.catalogue,
            UnitCosts::default(),
            self.lang,
        ));
    }

    pub(super) fn report_command(&mut self, view: ReportView, command: Command) -> Vec<Effect> {
        let today = self.now.date_naive();
        let moved = |from: NaiveDate, to: NaiveDate| ReportView {
            span: ReportSpan::Chosen,
            from,
            to,
        };
        let next = match command {
            Command::ReportToday => ReportView::ending(ReportSpan::Today, today),
            Command::ReportWeek => ReportView::ending(ReportSpan::ThisWeek, today),
            Command::ReportMonth => ReportView::ending(ReportSpan::ThisMonth, today),
            // Earlier and later by the period's own length; never past today.
            Command::Left => {
                let days = Duration::days(view.days());
                moved(view.from - days, view.to - days)
            }
            Command::Right => {
                let days = Duration::days(view.days()).min(today - view.to);
                if days <= Duration::zero() {
                    return Vec::new();
                }
                moved(view.from + days, view.to + days)
            }
            Command::ReportLonger if view.days() < LONGEST_RANGE_DAYS => {
                moved(view.from - Duration::days(1), view.to)
            }
            Command::ReportShorter if view.days() > 1 => {
                moved(view.from + Duration::days(1), view.to)
            }
            _ => return Vec::new(),
        };
        if let Some(Screen::Report(on_top)) = self.screens.last_mut() {
            *on_top = next;
        }
        self.ask_report(next)
    }
}
