//! The report screen: this desk's figures, or those of all desks where the central server's
//! report role is set, for today, this week, this month or a chosen range. This desk's counts
//! are asked of the log (the store worker answers), all desks' of the central server (a worker
//! of its own answers), so typing never waits; the latest question wins, and the figures are
//! made here from the counts. The screen asks again after each save, edit or undo, and with the
//! header's count every few seconds, so it follows the other windows too; the central server it
//! asks again only [`CENTRAL_REFRESH_EVERY`] after its last answer.

use chrono::{DateTime, Duration, FixedOffset};

use super::App;
use crate::desk::action::Effect;
use crate::desk::command::Command;
use crate::desk::navigation::{ReportDesks, ReportView, Screen};
use crate::desk::status::Level;
use crate::report::{CalendarPeriod, Period, Report};
use crate::tally::Count;
use crate::tally::UnitCosts;
use crate::text;

/// The longest range the screen shows: two years.
const LONGEST_RANGE_DAYS: i64 = 731;

/// The screen's own refresh (after a save, and every few seconds) asks the central server for
/// the figures of all desks again only this long after its last answer, and never while a
/// question is still out; keys ask at once.
pub const CENTRAL_REFRESH_EVERY: Duration = Duration::seconds(60);

impl ReportView {
    /// This desk's figures for `period`.
    pub fn new(period: CalendarPeriod) -> ReportView {
        ReportView {
            period,
            desks: ReportDesks::ThisDesk,
        }
    }

    /// How many days the period holds.
    pub fn days(&self) -> i64 {
        self.period.days()
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

    /// The figures for `view`, once they have arrived: never another period's, nor this
    /// desk's shown as all desks' (or the other way round).
    pub fn report_for(&self, view: &ReportView) -> Option<&Report> {
        let all_desks = view.desks == ReportDesks::AllDesks;
        self.report.as_ref().filter(|r| {
            r.period.from == view.period.from
                && r.period.to == view.period.to
                && r.period.desk.is_none() == all_desks
        })
    }

    /// Why the figures for `view` could not be read, when they could not: one sentence, shown
    /// in place of the figures.
    pub fn report_problem(&self, view: &ReportView) -> Option<&str> {
        self.report_problem
            .as_ref()
            .filter(|(asked, _)| asked == view)
            .map(|(_, sentence)| sentence.as_str())
    }

    /// Opens the report screen on the default period, [`CalendarPeriod::DEFAULT`] (or brings it back to the top as it was).
    pub(super) fn open_report(&mut self) -> Vec<Effect> {
        if let Screen::Report(view) = self.screen() {
            let view = *view;
            return self.ask_report(view);
        }
        if self.draft.is_some() && *self.screen() == Screen::VisitForm {
            return Vec::new();
        }
        let today = self.now.date_naive();
        let view = self.report_view().unwrap_or_else(|| {
            ReportView::new(
                CalendarPeriod::parse(CalendarPeriod::DEFAULT, today)
                    .unwrap_or(CalendarPeriod::day(today)),
            )
        });
        self.screens.retain(|s| !matches!(s, Screen::Report(_)));
        self.screens.push(Screen::Report(view));
        self.ask_report(view)
    }

    /// Asks for `view`'s counts on a key: at once, and the last problem goes (the figures shown
    /// stay until the counts arrive).
    fn ask_report(&mut self, view: ReportView) -> Vec<Effect> {
        self.drop_report_problem();
        vec![self.report_question(view)]
    }

    /// The next question for `view`'s counts: to the log for this desk, to the central server
    /// for all desks.
    fn report_question(&mut self, view: ReportView) -> Effect {
        self.report_seq += 1;
        let (seq, from, to) = (self.report_seq, view.period.from, view.period.to);
        match view.desks {
            ReportDesks::ThisDesk => Effect::LoadReport { seq, from, to },
            ReportDesks::AllDesks => {
                self.central_answered_at = None;
                Effect::LoadCentralReport { seq, from, to }
            }
        }
    }

    /// Asks again for the report on the stack, if there is one (after a save, an edit or an
    /// undo, and with each count of today's visits); the central server only when its last
    /// answer is [`CENTRAL_REFRESH_EVERY`] old.
    pub(super) fn refresh_report(&mut self) -> Vec<Effect> {
        let Some(view) = self.report_view() else {
            return Vec::new();
        };
        if view.desks == ReportDesks::AllDesks && !self.central_refresh_due() {
            return Vec::new();
        }
        vec![self.report_question(view)]
    }

    /// True when the central server's last answer is [`CENTRAL_REFRESH_EVERY`] old (or from
    /// the future: the clock went back); false while a question is still out.
    fn central_refresh_due(&self) -> bool {
        let now = self.now;
        self.central_answered_at
            .is_some_and(|at: DateTime<FixedOffset>| now - at >= CENTRAL_REFRESH_EVERY || now < at)
    }

    pub(super) fn report_counted(&mut self, seq: u64, counts: &[Count]) {
        if seq != self.report_seq {
            return;
        }
        let Some(view) = self.report_view() else {
            return;
        };
        let desk = match view.desks {
            ReportDesks::ThisDesk => Some(self.desk.clone()),
            ReportDesks::AllDesks => {
                self.central_answered_at = Some(self.now);
                None
            }
        };
        self.drop_report_problem();
        self.report = Some(Report::build(
            Period {
                from: view.period.from,
                to: view.period.to,
                desk,
            },
            counts,
            &self.catalogue,
            UnitCosts::default(),
            self.lang,
        ));
    }

    /// The central server could not give the counts of all desks: the screen says so in place
    /// of the figures, and the status bar too while the report is on top.
    pub(super) fn all_desks_not_counted(&mut self, seq: u64, reason: &str) {
        if seq != self.report_seq {
            return;
        }
        let Some(view) = self.report_view() else {
            return;
        };
        self.central_answered_at = Some(self.now);
        let key = self.keys.key(Command::ReportAllDesks);
        let sentence = text::report::all_desks_not_counted(self.lang, reason, &key);
        if matches!(self.screen(), Screen::Report(_)) {
            self.say(Level::Error, sentence.clone());
        }
        self.report_problem = Some((view, sentence));
    }

    /// Forgets the last problem with the figures of all desks, and takes its sentence off the
    /// status bar.
    fn drop_report_problem(&mut self) {
        if let Some((_, sentence)) = self.report_problem.take()
            && self.status.as_ref().is_some_and(|s| s.text == sentence)
        {
            self.status = None;
        }
    }

    pub(super) fn report_command(&mut self, view: ReportView, command: Command) -> Vec<Effect> {
        let today = self.now.date_naive();
        // A new period keeps whose figures are shown.
        let to = |period: CalendarPeriod| ReportView {
            period,
            desks: view.desks,
        };
        let p = view.period;
        let next = match command {
            Command::ReportToday => to(CalendarPeriod::day(today)),
            Command::ReportWeek => to(CalendarPeriod::week_of(today, today)),
            Command::ReportMonth => to(CalendarPeriod::month_of(today, today)),
            // The calendar period before or after (a range moves by its own length); never
            // past today.
            Command::Left => to(p.earlier(today)),
            Command::Right => match p.later(today) {
                Some(later) => to(later),
                None => return Vec::new(),
            },
            Command::ReportLonger if view.days() < LONGEST_RANGE_DAYS => {
                to(CalendarPeriod::range(p.from - Duration::days(1), p.to))
            }
            Command::ReportShorter if view.days() > 1 => {
                to(CalendarPeriod::range(p.from + Duration::days(1), p.to))
            }
            Command::ReportAllDesks if self.set_up_for(command) => ReportView {
                desks: view.desks.switched(),
                ..view
            },
            _ => return Vec::new(),
        };
        if let Some(Screen::Report(on_top)) = self.screens.last_mut() {
            *on_top = next;
        }
        self.ask_report(next)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{NaiveDate, TimeZone};

    use super::*;
    use crate::desk::action::Action;
    use crate::desk::key_names::KeyNames;

    /// Wednesday 25 November 2026, 15:00 UK time (GMT).
    fn wednesday() -> DateTime<FixedOffset> {
        FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 25, 15, 0, 0)
            .unwrap()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    /// A desk on the report screen, showing today; `central_report` as if the report role's
    /// server were set or not.
    fn on_the_report(central_report: bool) -> App {
        let catalogue = Arc::new(crate::catalogue::sample::generate(3));
        let keys = KeyNames::new([(Command::ReportAllDesks, "a".to_string())]);
        let mut app = App::new(catalogue, keys, "Front desk", "AB", wednesday());
        app.central_report = central_report;
        let effects = app.update(Action::Command(Command::Report));
        assert!(
            matches!(effects[..], [Effect::LoadReport { .. }]),
            "{effects:?}"
        );
        app
    }

    fn view(app: &App) -> ReportView {
        match app.screen() {
            Screen::Report(view) => *view,
            other => panic!("not on the report: {other:?}"),
        }
    }

    /// Sends `command` and returns the one question it asks.
    fn ask(app: &mut App, command: Command) -> Effect {
        let effects = app.update(Action::Command(command));
        match <[Effect; 1]>::try_from(effects) {
            Ok([effect]) => effect,
            Err(effects) => panic!("{command:?} asked {effects:?}"),
        }
    }

    fn central_seq(effect: &Effect) -> u64 {
        match effect {
            Effect::LoadCentralReport { seq, .. } => *seq,
            other => panic!("not a question to the central server: {other:?}"),
        }
    }

    #[test]
    fn without_a_report_server_the_all_desks_key_is_not_offered_and_does_nothing() {
        let mut app = on_the_report(false);
        assert!(!app.set_up_for(Command::ReportAllDesks));
        assert!(!app.offers(Command::ReportAllDesks));
        assert!(app.offers(Command::ReportWeek));
        let effects = app.update(Action::Command(Command::ReportAllDesks));
        assert_eq!(effects, []);
        assert_eq!(view(&app).desks, ReportDesks::ThisDesk);
    }

    #[test]
    fn with_a_report_server_the_key_switches_to_all_desks_and_back() {
        let mut app = on_the_report(true);
        assert!(app.offers(Command::ReportAllDesks));
        let asked = ask(&mut app, Command::ReportAllDesks);
        assert_eq!(
            asked,
            Effect::LoadCentralReport {
                seq: central_seq(&asked),
                from: day(25),
                to: day(25)
            }
        );
        assert_eq!(view(&app).desks, ReportDesks::AllDesks);
        let asked = ask(&mut app, Command::ReportAllDesks);
        assert!(matches!(asked, Effect::LoadReport { .. }), "{asked:?}");
        assert_eq!(view(&app).desks, ReportDesks::ThisDesk);
    }

    #[test]
    fn the_period_keys_keep_all_desks() {
        let mut app = on_the_report(true);
        ask(&mut app, Command::ReportAllDesks);
        let week = ask(&mut app, Command::ReportWeek);
        assert_eq!(
            week,
            Effect::LoadCentralReport {
                seq: central_seq(&week),
                from: day(23),
                to: day(25)
            }
        );
        let earlier = ask(&mut app, Command::Left);
        assert_eq!(
            earlier,
            Effect::LoadCentralReport {
                seq: central_seq(&earlier),
                from: day(16),
                to: day(22)
            }
        );
        for command in [Command::ReportLonger, Command::Right, Command::ReportToday] {
            central_seq(&ask(&mut app, command));
        }
        assert_eq!(view(&app).desks, ReportDesks::AllDesks);
    }

    #[test]
    fn all_desks_figures_are_for_no_one_desk_and_a_stale_answer_is_ignored() {
        let mut app = on_the_report(true);
        let today = central_seq(&ask(&mut app, Command::ReportAllDesks));
        let week = central_seq(&ask(&mut app, Command::ReportWeek));
        // The answer to today's question arrives after the week was asked for.
        app.update(Action::ReportCounted {
            seq: today,
            counts: Vec::new(),
        });
        app.update(Action::AllDesksNotCounted {
            seq: today,
            reason: "too late".into(),
        });
        let on_screen = view(&app);
        assert_eq!(app.report_for(&on_screen), None);
        assert_eq!(app.report_problem(&on_screen), None);
        assert_eq!(app.status, None);
        app.update(Action::ReportCounted {
            seq: week,
            counts: Vec::new(),
        });
        let report = app.report_for(&on_screen).expect("the week's figures");
        assert_eq!(report.period.desk, None, "every desk's, not this one's");
        assert_eq!((report.period.from, report.period.to), (day(23), day(25)));
        // This desk's figures are never shown as all desks' (nor the other way round).
        let this_desk = ReportView {
            desks: ReportDesks::ThisDesk,
            ..on_screen
        };
        assert_eq!(app.report_for(&this_desk), None);
    }

    #[test]
    fn a_failure_is_one_sentence_in_place_of_the_figures_and_on_the_status_bar() {
        let mut app = on_the_report(true);
        let seq = central_seq(&ask(&mut app, Command::ReportAllDesks));
        app.update(Action::AllDesksNotCounted {
            seq,
            reason: "not built yet".into(),
        });
        let sentence = "Cannot read the figures of all desks: not built yet. a shows this desk's.";
        assert_eq!(app.report_problem(&view(&app)), Some(sentence));
        let status = app.status.clone().expect("a status");
        assert_eq!(
            (status.level, status.text.as_str()),
            (Level::Error, sentence)
        );
        // Back to this desk: the sentence goes from the screen and from the status bar.
        ask(&mut app, Command::ReportAllDesks);
        assert_eq!(app.report_problem(&view(&app)), None);
        assert_eq!(app.status, None);
    }

    #[test]
    fn the_screen_refresh_asks_the_central_server_at_most_every_minute() {
        let mut app = on_the_report(true);
        let central_questions = |effects: Vec<Effect>| {
            effects
                .iter()
                .filter(|e| matches!(e, Effect::LoadCentralReport { .. }))
                .count()
        };
        let seq = central_seq(&ask(&mut app, Command::ReportAllDesks));
        let at = |seconds: i64| Action::Tick(wednesday() + Duration::seconds(seconds));
        // Not while the question is out, however long it takes.
        assert_eq!(central_questions(app.update(at(6))), 0);
        assert_eq!(central_questions(app.update(at(90))), 0);
        app.update(Action::ReportCounted {
            seq,
            counts: Vec::new(),
        });
        // Then not for a minute after the answer, whatever the clock or a save asks.
        assert_eq!(central_questions(app.update(at(96))), 0);
        assert_eq!(central_questions(app.refresh_report()), 0);
        assert_eq!(central_questions(app.update(at(149))), 0);
        assert_eq!(central_questions(app.update(at(155))), 1);
        // A key asks at once.
        assert_eq!(
            central_questions(app.update(Action::Command(Command::Report))),
            1
        );
        // This desk's figures still follow the log every few seconds.
        ask(&mut app, Command::ReportAllDesks);
        let effects = app.update(at(161));
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::LoadReport { .. })),
            "{effects:?}"
        );
    }
}
