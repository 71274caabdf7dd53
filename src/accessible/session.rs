//! One accessible session: a line in, the desk's commands, the effects carried out at once, and
//! the lines that say what changed. Nothing is redrawn: a line once printed stays as it is.

use std::collections::BTreeSet;
use std::io::{self, BufRead, Write};

use chrono::{DateTime, FixedOffset};

use super::form;
use super::screen::{self, RESULTS_AT_ONCE};
use crate::desk::{Action, App, Command, Level, Mode, Question, Screen, TextEdit};
use crate::output_file::KeptFiles;
use crate::printable::printable;
use crate::runtime::AllDesks;
use crate::runtime::workers::StoreJobs;
use crate::runtime::{Inline, SlipPlace};
use crate::search::Index;
use crate::text::{self, accessible::Prompt};

/// The longest line read; the rest of a longer one is dropped (a note holds far less).
pub const LINE_MAX_BYTES: usize = 4096;

/// A session of the accessible mode over any input and output.
pub struct Session<W: Write> {
    pub app: App,
    /// The runtime's inline runner: the search index, the visit log and this session's draft
    /// file (as the full screen's store worker has them), the slip folder and the report
    /// server; effects are carried out in turn, before the next line is read.
    runner: Inline,
    out: W,
    /// The wall clock, asked before each line.
    clock: Box<dyn Fn() -> DateTime<FixedOffset>>,
    /// Prompts whose commands have been listed once.
    helped: BTreeSet<Prompt>,
    /// The screen's lines as last printed.
    shown: Vec<String>,
    /// The status last printed: its words and when the desk said it.
    said: Option<(String, DateTime<FixedOffset>)>,
    /// The first result read out (from 0), and the search it belongs to.
    results_from: usize,
    results_seq: u64,
    /// The field of the visit form being asked, while the form is open.
    asking: Option<usize>,
    /// The visit form was on top after the last line.
    on_form: bool,
    /// The files frontdesk keeps, which 'save FILE' never writes over.
    kept: KeptFiles,
}

/// What a line asks the session to do after the desk has it.
#[derive(Default)]
struct After {
    /// Print the screen even if it has not changed.
    repeat: bool,
}

impl<W: Write> Session<W> {
    pub fn new(
        app: App,
        index: Index,
        log: Option<StoreJobs>,
        out: W,
        clock: Box<dyn Fn() -> DateTime<FixedOffset>>,
    ) -> Session<W> {
        let kept = log
            .as_ref()
            .map(|log| KeptFiles::beside_log(log.visits_file()))
            .unwrap_or_default();
        let mut runner = Inline::new(index);
        runner.log = log;
        // A slip with no folder, or all desks' figures with no server, is answered with why.
        runner.answer_missing = true;
        Session {
            kept,
            app,
            runner,
            out,
            clock,
            helped: BTreeSet::new(),
            shown: Vec::new(),
            said: None,
            results_from: 0,
            results_seq: 0,
            asking: None,
            on_form: false,
        }
    }

    /// Never saves over `kept` (the data folder's files and the config file).
    pub fn with_kept_files(mut self, kept: KeptFiles) -> Session<W> {
        self.kept = kept;
        self
    }

    /// Saves and prints slips as `place` says.
    pub fn with_slips(mut self, place: SlipPlace) -> Session<W> {
        self.runner.slips = Some(place);
        self
    }

    /// Shares bookings and the waiting list through the central server at `server` (the
    /// desk's role), not the visit log.
    pub fn with_shared_room(mut self, server: crate::config::ServerUrl) -> Session<W> {
        self.runner.room = Some(crate::runtime::room_worker::RoomJobs::new(
            server,
            self.app.lang,
        ));
        self
    }

    /// Reads every desk's figures from the central server (the report role's): the report's
    /// 'all' is offered.
    pub fn with_all_desks(mut self, all_desks: AllDesks) -> Session<W> {
        self.app.central_report = true;
        self.runner.all_desks = Some(all_desks);
        self
    }

    /// Reads lines until 'quit' or the end of the input; every change is announced as it
    /// happens. A visit half logged at the end is kept as a draft, as the full screen keeps it.
    pub fn run(&mut self, mut input: impl BufRead, first: &[String]) -> io::Result<()> {
        for line in first {
            self.say(line)?;
        }
        self.act(Action::Tick((self.clock)()));
        self.announce(After::default())?;
        while !self.app.quit {
            let Some(line) = read_line(&mut input)? else {
                let lang = self.app.lang;
                let kept = self.app.draft.is_some();
                self.say(text::accessible::end_of_input(lang, kept))?;
                self.act(Action::Stop);
                return Ok(());
            };
            self.answer(&line)?;
        }
        let lang = self.app.lang;
        if self.app.draft.is_some() {
            self.say(text::accessible::quit_with_draft(lang))?;
        } else {
            self.say(text::accessible::goodbye(lang))?;
        }
        Ok(())
    }

    /// Takes one typed line and prints what changed, as [`Session::run`] does for each line.
    pub fn answer(&mut self, line: &str) -> io::Result<()> {
        self.act(Action::Tick((self.clock)()));
        let after = self.line(line)?;
        self.announce(after)
    }

    /// Prints one line, made safe for any terminal.
    fn say(&mut self, line: &str) -> io::Result<()> {
        writeln!(self.out, "{}", printable(line))?;
        self.out.flush()
    }

    /// Sends an action to the desk and carries out its effects until none are left: searches
    /// on the index, the rest on the visit log and the draft file.
    pub fn act(&mut self, action: Action) {
        self.runner.run(&mut self.app, action);
    }

    fn command(&mut self, command: Command) {
        self.act(Action::Command(command));
    }

    /// Handles one typed line.
    fn line(&mut self, line: &str) -> io::Result<After> {
        let words = text::accessible::words(self.app.lang);
        let typed = line.trim();
        let lower = typed.to_lowercase();
        let mut parts = lower.split_whitespace();
        let first = parts.next().unwrap_or("");
        let rest: Vec<&str> = parts.collect();
        let alone = rest.is_empty();
        if alone && first == words.help {
            let prompt = self.prompt();
            self.say(text::accessible::help(self.app.lang, prompt))?;
            return Ok(After::default());
        }
        if alone && first == words.again {
            return Ok(After { repeat: true });
        }
        if alone && first == words.quit {
            self.command(Command::Quit);
            return Ok(After::default());
        }
        if !matches!(self.app.mode(), Mode::VisitForm | Mode::FormText)
            && let Some(after) = self.waiting_words(typed, first, &rest)?
        {
            return Ok(after);
        }
        match self.app.mode() {
            Mode::VisitForm | Mode::FormText => self.form_line(typed, first, &rest),
            Mode::Waiting => self.waiting_line(typed, first, &rest),
            Mode::Search => self.search_line(typed, first, &rest),
            Mode::Detail => self.detail_line(typed, first, alone),
            Mode::ShowResident => self.simple_line(typed, first, alone),
            Mode::Script => self.script_line(typed, first, alone),
            Mode::Today => self.today_line(typed, first, &rest),
            Mode::Slip => self.slip_line(typed, first, alone),
            Mode::Report => self.report_line(typed, first, alone),
            Mode::Booking | Mode::BookingText | Mode::BookingLanguage => {
                self.booking_line(typed, first, &rest)
            }
            Mode::Help => {
                self.command(Command::Back);
                Ok(After::default())
            }
        }
    }

    /// Commands every screen but the form shares: log, today, new, back, slip, report, and
    /// for the visit being logged, discard and note (a screen's own word comes first: 'today'
    /// on the report is the report's today).
    fn shared(&mut self, first: &str) -> bool {
        let words = text::accessible::words(self.app.lang);
        let command = match first {
            w if w == words.log => Command::LogVisit,
            w if w == words.today => Command::Today,
            w if w == words.new => Command::NewResident,
            w if w == words.back => Command::Back,
            w if w == words.slip => Command::Slip,
            w if w == words.report => Command::Report,
            w if w == words.discard => Command::Discard,
            w if w == words.note => Command::Note,
            w if w == words.language => Command::ResidentLanguage,
            _ => return false,
        };
        self.command(command);
        true
    }

    fn not_understood(&mut self, typed: &str) -> io::Result<After> {
        let sentence = text::accessible::not_understood(self.app.lang, typed);
        self.say(&sentence)?;
        Ok(After::default())
    }

    fn search_line(&mut self, typed: &str, first: &str, rest: &[&str]) -> io::Result<After> {
        let words = text::accessible::words(self.app.lang);
        let alone = rest.is_empty();
        if typed.is_empty() {
            return Ok(After { repeat: true });
        }
        if let Some(number) = number(first).filter(|_| alone) {
            let browsing = self.app.search.query.trim().is_empty();
            let count = if browsing {
                0
            } else {
                self.app.search.results.len()
            };
            if number == 0 || number > count {
                let sentence = text::accessible::no_such_number(self.app.lang, first, count);
                self.say(&sentence)?;
                return Ok(After::default());
            }
            let index = number - 1;
            if self.app.search.selected != index {
                self.act(Action::Click(index));
            }
            self.act(Action::Click(index));
            return Ok(After::default());
        }
        if alone && first == words.more {
            self.results_from += RESULTS_AT_ONCE;
            return Ok(After { repeat: true });
        }
        if alone && first == words.script {
            self.command(Command::OpenScript);
            return Ok(After::default());
        }
        if first == words.cancel && rest.len() == 1 {
            return self.cancel_by_reference(typed);
        }
        if alone && self.shared(first) {
            return Ok(After::default());
        }
        // Everything else is what the resident asked for; 'find' searches for command words.
        let query = match typed.split_once(char::is_whitespace) {
            Some((head, tail)) if head.eq_ignore_ascii_case(words.find) => tail.trim(),
            _ => typed,
        };
        self.command(Command::Text(TextEdit::End));
        self.command(Command::Text(TextEdit::DeleteToStart));
        self.act(Action::Paste(query.to_string()));
        Ok(After { repeat: true })
    }

    fn detail_line(&mut self, typed: &str, first: &str, alone: bool) -> io::Result<After> {
        let words = text::accessible::words(self.app.lang);
        if typed.is_empty() {
            return Ok(After { repeat: true });
        }
        if let Some(number) = number(first).filter(|_| alone) {
            let Screen::Detail(detail) = self.app.screen() else {
                return Ok(After::default());
            };
            let count = self.app.catalogue.links(detail.key).len();
            match u8::try_from(number) {
                Ok(n) if (1..=count).contains(&number) => self.command(Command::Link(n)),
                _ => {
                    let sentence = text::accessible::no_such_number(self.app.lang, first, count);
                    self.say(&sentence)?;
                }
            }
            return Ok(After::default());
        }
        if first == words.cancel && !alone {
            return self.cancel_by_reference(typed);
        }
        match first {
            w if alone && w == words.show => self.command(Command::ShowResident),
            w if alone && w == words.script => self.command(Command::OpenScript),
            w if alone && w == words.book => self.command(Command::Book),
            w if alone && self.shared(w) => {}
            _ => return self.not_understood(typed),
        }
        Ok(After::default())
    }

    fn slip_line(&mut self, typed: &str, first: &str, alone: bool) -> io::Result<After> {
        let words = text::accessible::words(self.app.lang);
        if typed.is_empty() {
            return Ok(After { repeat: true });
        }
        match first {
            w if alone && w == words.print => self.command(Command::PrintSlip),
            w if alone && w == words.save => self.command(Command::SaveSlip),
            w if alone && self.shared(w) => {}
            _ => return self.not_understood(typed),
        }
        Ok(After::default())
    }

    fn report_line(&mut self, typed: &str, first: &str, alone: bool) -> io::Result<After> {
        let words = text::accessible::words(self.app.lang);
        let lang = self.app.lang;
        if typed.is_empty() {
            return Ok(After { repeat: true });
        }
        if first == words.save {
            let file = typed.split_once(char::is_whitespace).map(|(_, f)| f.trim());
            let sentence = match (file, &self.app.report) {
                (Some(file), Some(report)) if !file.is_empty() => {
                    let path = std::path::Path::new(file);
                    match super::report::save(report, lang, path, &self.kept) {
                        Ok(()) => text::accessible::report_saved(lang, file),
                        Err(problem) => text::accessible::report_not_saved(lang, &problem),
                    }
                }
                (_, None) => text::accessible::report_waiting(lang).to_string(),
                _ => text::accessible::report_needs_file(lang).to_string(),
            };
            self.say(&sentence)?;
            return Ok(After::default());
        }
        let command = match first {
            w if w == words.today => Command::ReportToday,
            w if w == words.week => Command::ReportWeek,
            w if w == words.month => Command::ReportMonth,
            w if w == words.earlier => Command::Left,
            w if w == words.later => Command::Right,
            w if w == words.longer => Command::ReportLonger,
            w if w == words.shorter => Command::ReportShorter,
            w if w == words.all && self.app.central_report => Command::ReportAllDesks,
            w if w == words.back => Command::Back,
            w if alone && self.shared(w) => return Ok(After::default()),
            _ => return self.not_understood(typed),
        };
        if !alone {
            return self.not_understood(typed);
        }
        self.command(command);
        Ok(After::default())
    }

    /// 'cancel REF': the desk's prompt for a reference, answered with what was typed after
    /// the word.
    fn cancel_by_reference(&mut self, typed: &str) -> io::Result<After> {
        let reference = typed
            .split_once(char::is_whitespace)
            .map_or("", |(_, r)| r.trim())
            .to_string();
        self.command(Command::CancelBooking);
        self.command(Command::Text(TextEdit::End));
        self.command(Command::Text(TextEdit::DeleteToStart));
        self.act(Action::Paste(reference));
        self.command(Command::Open);
        Ok(After::default())
    }

    /// A line on the booking screen: a slot's number, the needs, 'yes' to book, the slip, or
    /// a reference to cancel when the desk asks for one.
    fn booking_line(&mut self, typed: &str, first: &str, rest: &[&str]) -> io::Result<After> {
        use crate::desk::BookingStage;
        let words = text::accessible::words(self.app.lang);
        let lang = self.app.lang;
        let alone = rest.is_empty();
        if typed.is_empty() {
            return Ok(After { repeat: true });
        }
        if alone && first == words.back {
            self.command(Command::Back);
            return Ok(After::default());
        }
        if first == words.cancel && !alone {
            return self.cancel_by_reference(typed);
        }
        if matches!(self.app.mode(), Mode::BookingText | Mode::BookingLanguage) {
            self.command(Command::Text(TextEdit::End));
            self.command(Command::Text(TextEdit::DeleteToStart));
            self.act(Action::Paste(typed.to_string()));
            self.command(Command::Open);
            return Ok(After::default());
        }
        let Screen::Booking(view) = self.app.screen() else {
            return Ok(After::default());
        };
        let stage = view.stage.clone();
        // The numbers are those of the nine free slots read out.
        let slots = view.slots_shown().0.len();
        if alone && first == words.cancel {
            self.command(Command::CancelBooking);
            return Ok(After::default());
        }
        match stage {
            BookingStage::Slots => {
                let more = [
                    words.more,
                    words.later,
                    text::booking::words(lang).more_also,
                ];
                if alone && more.contains(&first) {
                    self.page(Command::PageDown)?;
                    return Ok(After::default());
                }
                if alone && first == words.earlier {
                    self.page(Command::PageUp)?;
                    return Ok(After::default());
                }
                if let Some(n) = number(first).filter(|_| alone) {
                    match u8::try_from(n) {
                        Ok(key) if (1..=slots).contains(&n) => {
                            self.command(Command::Choose(key));
                            self.command(Command::Open);
                        }
                        _ => {
                            let sentence = text::accessible::no_such_number(lang, first, slots);
                            self.say(&sentence)?;
                        }
                    }
                    return Ok(After::default());
                }
            }
            BookingStage::Needs => {
                if alone && first == words.yes {
                    self.command(Command::Open);
                    return Ok(After::default());
                }
                if alone && first == words.none {
                    self.act(Action::BookingNeeds(Vec::new()));
                    return Ok(After { repeat: true });
                }
                if !(alone && self.shared(first)) {
                    let mut needs = Vec::new();
                    for part in typed.split(',').filter(|p| !p.trim().is_empty()) {
                        match crate::appointments::Need::parse(part, &self.app.catalogue) {
                            Ok(need) => needs.push(need),
                            Err(why) => {
                                let sentence = text::booking::need_not_noted(lang, &why);
                                self.say(&sentence)?;
                                return Ok(After::default());
                            }
                        }
                    }
                    self.act(Action::BookingNeeds(needs));
                    return Ok(After { repeat: true });
                }
                return Ok(After::default());
            }
            BookingStage::Booked(_) => {
                if alone && first == words.print {
                    self.command(Command::PrintSlip);
                    return Ok(After::default());
                }
                if alone && first == words.save {
                    self.command(Command::SaveSlip);
                    return Ok(After::default());
                }
            }
            BookingStage::Sending => {}
        }
        if alone && self.shared(first) {
            return Ok(After::default());
        }
        self.not_understood(typed)
    }

    /// The next nine free slots, or the nine before; said so when there are none.
    fn page(&mut self, command: Command) -> io::Result<()> {
        if self.app.offers(command) {
            self.command(command);
            return Ok(());
        }
        let sentence = text::booking::no_more_slots(self.app.lang, command == Command::PageDown);
        self.say(sentence)
    }

    fn simple_line(&mut self, typed: &str, first: &str, alone: bool) -> io::Result<After> {
        let words = text::accessible::words(self.app.lang);
        if typed.is_empty() {
            return Ok(After { repeat: true });
        }
        if alone && first == words.book {
            self.command(Command::Book);
            return Ok(After::default());
        }
        if first == words.cancel && !alone {
            return self.cancel_by_reference(typed);
        }
        if alone && self.shared(first) {
            return Ok(After::default());
        }
        self.not_understood(typed)
    }

    fn script_line(&mut self, typed: &str, first: &str, alone: bool) -> io::Result<After> {
        let words = text::accessible::words(self.app.lang);
        if typed.is_empty() {
            return Ok(After { repeat: true });
        }
        if let Some(number) = number(first).filter(|_| alone) {
            match u8::try_from(number) {
                Ok(key) => self.command(Command::Choose(key)),
                Err(_) => {
                    let sentence = text::accessible::not_understood(self.app.lang, typed);
                    self.say(&sentence)?;
                }
            }
            return Ok(After::default());
        }
        match first {
            w if alone && w == words.done => self.command(Command::Acknowledge),
            w if alone && w == words.book => self.command(Command::Book),
            w if alone && w == words.back => self.command(Command::StepBack),
            w if alone && self.shared(w) => {}
            _ => return self.not_understood(typed),
        }
        Ok(After::default())
    }

    fn today_line(&mut self, typed: &str, first: &str, rest: &[&str]) -> io::Result<After> {
        let words = text::accessible::words(self.app.lang);
        if typed.is_empty() {
            return Ok(After { repeat: true });
        }
        let asked_undo = matches!(self.app.question(), Some(Question::Undo(_)));
        // "yes" (or 'undo' alone) answers "Undo this visit?".
        if asked_undo && rest.is_empty() && (first == words.yes || first == words.undo) {
            self.command(Command::Undo);
            return Ok(After::default());
        }
        if first == words.undo || first == words.edit {
            let count = self.app.today.len();
            let chosen = match rest {
                [] if count == 1 => Some(1),
                [] if count == 0 => {
                    self.say(&text::status::no_visits_today(self.app.lang))?;
                    return Ok(After::default());
                }
                [] => {
                    let sentence = text::accessible::which_visit(self.app.lang, first, count);
                    self.say(&sentence)?;
                    return Ok(After::default());
                }
                [n] => number(n),
                _ => None,
            };
            let Some(chosen) = chosen.filter(|n| (1..=count).contains(n)) else {
                let shown = rest.join(" ");
                let sentence = text::accessible::no_such_number(self.app.lang, &shown, count);
                self.say(&sentence)?;
                return Ok(After::default());
            };
            self.select_visit(chosen - 1);
            let command = if first == words.undo {
                Command::Undo
            } else {
                Command::Edit
            };
            self.command(command);
            return Ok(After::default());
        }
        if rest.is_empty() && self.shared(first) {
            return Ok(After::default());
        }
        self.not_understood(typed)
    }

    /// The waiting screen's commands, from any screen but the form: 'appointments' and
    /// 'waiting' open it, 'arrive' with a time or a reference checks a booking in, 'ticket' and
    /// 'call' (with a service, or none) give a ticket and call the next, 'seen' marks the
    /// resident called here seen. `None` when the line is not one of them (on the search
    /// screen, 'ticket' or 'call' with words that name no service is a search).
    fn waiting_words(
        &mut self,
        typed: &str,
        first: &str,
        rest: &[&str],
    ) -> io::Result<Option<After>> {
        let lang = self.app.lang;
        let words = text::waiting::words(lang);
        let tail = typed
            .split_once(char::is_whitespace)
            .map_or("", |(_, tail)| tail.trim());
        let alone = rest.is_empty();
        if alone && (first == words.appointments || first == words.waiting) {
            self.command(Command::Waiting);
            return Ok(Some(After { repeat: true }));
        }
        if alone && first == words.seen {
            self.open_waiting();
            self.command(Command::WaitingSeen);
            return Ok(Some(After::default()));
        }
        if first == words.arrive && !alone {
            self.open_waiting();
            self.find_booking(tail);
            let count = match self.app.screen() {
                Screen::Waiting(view) => self.app.waiting_found(view).len(),
                _ => 0,
            };
            match count {
                1 => self.command(Command::WaitingArrive),
                0 => {}
                many => self.say(&text::waiting::which_booking(lang, many, words.arrive))?,
            }
            return Ok(Some(After { repeat: true }));
        }
        if first == words.ticket || first == words.call {
            let service = if tail.is_empty() {
                None
            } else {
                match self.service_named(tail) {
                    Some(id) => Some(id),
                    None if self.app.mode() == Mode::Search => return Ok(None),
                    None => {
                        self.say(&text::waiting::unknown_service(lang, tail))?;
                        return Ok(Some(After::default()));
                    }
                }
            };
            self.open_waiting();
            self.act(Action::WaitingFor(service));
            if first == words.ticket {
                self.command(Command::WaitingTicket);
            } else {
                self.command(Command::WaitingCall);
            }
            return Ok(Some(After { repeat: true }));
        }
        Ok(None)
    }

    /// Opens the waiting screen unless it is on top.
    fn open_waiting(&mut self) {
        if !matches!(self.app.screen(), Screen::Waiting(_)) {
            self.command(Command::Waiting);
        }
    }

    /// Types `text` into the waiting screen's find box, in place of what was there.
    fn find_booking(&mut self, text: &str) {
        self.command(Command::Text(TextEdit::End));
        self.command(Command::Text(TextEdit::DeleteToStart));
        self.act(Action::Paste(text.to_string()));
    }

    /// The service or partner a typed name means: its id, or the start of its title, or a word
    /// in it.
    fn service_named(&self, typed: &str) -> Option<String> {
        let typed = typed.trim().to_lowercase();
        let catalogue = &self.app.catalogue;
        let named: Vec<(String, String)> = catalogue
            .services
            .iter()
            .filter(|s| !s.is_topic())
            .map(|s| (s.id.clone(), s.title.to_lowercase()))
            .chain(
                catalogue
                    .partners
                    .iter()
                    .map(|p| (p.id.clone(), p.name.to_lowercase())),
            )
            .collect();
        named
            .iter()
            .find(|(id, _)| id.to_lowercase() == typed)
            .or_else(|| named.iter().find(|(_, title)| title.starts_with(&typed)))
            .or_else(|| named.iter().find(|(_, title)| title.contains(&typed)))
            .map(|(id, _)| id.clone())
    }

    /// A line on the waiting screen: the screen's words are taken first; a word every screen
    /// shares next; anything else is a time or a reference to find a booking by.
    fn waiting_line(&mut self, typed: &str, first: &str, rest: &[&str]) -> io::Result<After> {
        if typed.is_empty() {
            return Ok(After { repeat: true });
        }
        if rest.is_empty() && self.shared(first) {
            return Ok(After::default());
        }
        self.find_booking(typed);
        Ok(After { repeat: true })
    }

    /// Selects visit `index` of today's list, with Up and Down.
    fn select_visit(&mut self, index: usize) {
        while self.app.today_selected > index {
            self.command(Command::Up);
        }
        while self.app.today_selected < index {
            let before = self.app.today_selected;
            self.command(Command::Down);
            if self.app.today_selected == before {
                break;
            }
        }
    }

    /// An answer to the field being asked on the visit form.
    fn form_line(&mut self, typed: &str, first: &str, rest: &[&str]) -> io::Result<After> {
        let words = text::accessible::words(self.app.lang);
        let at = self.asking.unwrap_or(form::position(self.app.form.field));
        let spec = &crate::desk::form::FIELDS[at];
        let alone = rest.is_empty();
        let command = match first {
            w if alone && w == words.save => Some(Command::Save),
            w if alone && w == words.discard => Some(Command::Discard),
            w if alone && w == words.redact => Some(Command::RedactAndSave),
            w if alone && w == words.slip => Some(Command::Slip),
            w if alone && w == words.last => Some(Command::TakeLastTime),
            _ => None,
        };
        if let Some(command) = command {
            self.command(command);
            if command == Command::TakeLastTime {
                // The question again, with last time's answer now chosen.
                return Ok(After { repeat: true });
            }
            return Ok(After::default());
        }
        if alone && first == words.note {
            self.ask(form::position(crate::desk::Field::Note));
            return Ok(After { repeat: true });
        }
        if alone && first == words.log {
            return Ok(After { repeat: true });
        }
        if alone && first == words.language && !spec_takes_text(spec) {
            self.command(Command::ResidentLanguage);
            return Ok(After { repeat: true });
        }
        let elsewhere = [words.today, words.new, words.report];
        if alone && elsewhere.contains(&first) && !spec_takes_text(spec) {
            let key = self.app.log_key();
            self.say(&text::status::finish_visit_first(self.app.lang, &key))?;
            return Ok(After::default());
        }
        if alone && first == words.back {
            if at == 0 {
                // From the first field, back leaves the form; the visit is kept as a draft.
                self.command(Command::Back);
            } else {
                self.ask(
                    (0..at)
                        .rev()
                        .find(|i| !form::nothing_to_ask(&self.app, *i))
                        .unwrap_or(0),
                );
            }
            return Ok(After { repeat: true });
        }
        if typed.is_empty() {
            return self.next_field(at);
        }
        // "2 for 1": partner 2 given for service 1.
        if spec.field == crate::desk::Field::Partners
            && let [word, service] = rest
            && *word == words.for_service
        {
            let given = number(first).zip(number(service)).and_then(|(p, s)| {
                form::give_partner(&self.app, p.checked_sub(1)?, s.checked_sub(1)?)
            });
            match given {
                Some(commands) => {
                    for command in commands {
                        self.command(command);
                    }
                }
                None => {
                    self.not_understood(typed)?;
                }
            }
            return Ok(After { repeat: true });
        }
        match spec.kind {
            crate::desk::form::FieldKind::Text { .. } => {
                self.command(Command::Text(TextEdit::End));
                self.command(Command::Text(TextEdit::DeleteToStart));
                if !(alone && first == words.clear) {
                    self.act(Action::Paste(typed.to_string()));
                }
                self.next_field(at)
            }
            crate::desk::form::FieldKind::Added { .. } => {
                let numbers: Option<Vec<usize>> = if first == words.remove {
                    rest.iter().map(|n| number(n)).collect()
                } else {
                    std::iter::once(first)
                        .chain(rest.iter().copied())
                        .map(number)
                        .collect()
                };
                let count = form::choice_count(&self.app);
                match (first == words.remove, numbers.as_deref()) {
                    (true, Some([n])) if (1..=count).contains(n) => {
                        for command in form::select_service(&self.app, n - 1) {
                            self.command(command);
                        }
                        self.command(Command::Remove);
                        Ok(After { repeat: true })
                    }
                    (false, Some([n, outcome])) if (1..=count).contains(n) => {
                        for command in form::select_service(&self.app, n - 1) {
                            self.command(command);
                        }
                        match u8::try_from(*outcome) {
                            Ok(o) if (1..=crate::visit::Outcome::ALL.len()).contains(outcome) => {
                                self.command(Command::Outcome(o));
                            }
                            _ => {
                                let count = crate::visit::Outcome::ALL.len();
                                let shown = outcome.to_string();
                                let sentence =
                                    text::accessible::no_such_number(self.app.lang, &shown, count);
                                self.say(&sentence)?;
                            }
                        }
                        Ok(After { repeat: true })
                    }
                    _ => {
                        let shown = rest.first().copied().unwrap_or(first);
                        let sentence = if numbers.is_some() {
                            text::accessible::no_such_number(self.app.lang, shown, count)
                        } else {
                            text::accessible::not_understood(self.app.lang, typed)
                        };
                        self.say(&sentence)?;
                        Ok(After { repeat: true })
                    }
                }
            }
            crate::desk::form::FieldKind::One { .. }
            | crate::desk::form::FieldKind::Ticks { .. } => {
                let Some(numbers) = std::iter::once(first)
                    .chain(rest.iter().copied())
                    .map(number)
                    .collect::<Option<Vec<usize>>>()
                else {
                    self.not_understood(typed)?;
                    return Ok(After { repeat: true });
                };
                let one = matches!(spec.kind, crate::desk::form::FieldKind::One { .. });
                let count = form::choice_count(&self.app);
                if one && numbers.len() > 1 {
                    self.say(text::accessible::one_number(self.app.lang))?;
                    return Ok(After { repeat: true });
                }
                if let Some(bad) = numbers.iter().find(|n| !(1..=count).contains(*n)) {
                    let sentence =
                        text::accessible::no_such_number(self.app.lang, &bad.to_string(), count);
                    self.say(&sentence)?;
                    return Ok(After { repeat: true });
                }
                for n in numbers {
                    for command in form::pick(&self.app, n - 1).unwrap_or_default() {
                        self.command(command);
                    }
                }
                self.next_field(at)
            }
        }
    }

    /// On to the field after `at`; after the last, the visit is saved.
    fn next_field(&mut self, at: usize) -> io::Result<After> {
        let next = (at + 1..crate::desk::form::FIELDS.len())
            .find(|i| !form::nothing_to_ask(&self.app, *i));
        match next {
            Some(next) => {
                self.ask(next);
                Ok(After { repeat: true })
            }
            None => {
                self.say(text::accessible::saving_now(self.app.lang))?;
                self.command(Command::Save);
                Ok(After::default())
            }
        }
    }

    /// Puts the form's focus on field `at` and makes it the one asked.
    fn ask(&mut self, at: usize) {
        for command in form::focus(&self.app, at) {
            self.command(command);
        }
        self.asking = Some(at);
    }

    /// Which prompt is on screen, for help.
    fn prompt(&self) -> Prompt {
        match self.app.mode() {
            Mode::Search | Mode::Help => Prompt::Search,
            Mode::Detail => Prompt::Detail,
            Mode::ShowResident => Prompt::ShowResident,
            Mode::Script => Prompt::Script,
            Mode::VisitForm => Prompt::Form,
            Mode::FormText => Prompt::Note,
            Mode::Today => Prompt::Today,
            Mode::Slip => Prompt::Slip,
            Mode::Report => Prompt::Report,
            Mode::Booking | Mode::BookingText | Mode::BookingLanguage => Prompt::Booking,
            Mode::Waiting => Prompt::Waiting,
        }
    }

    /// Prints what changed: the desk's new message, then the screen (or the form's question)
    /// when it differs from what was last printed, or when asked to repeat it.
    fn announce(&mut self, after: After) -> io::Result<()> {
        if let Some(status) = self.app.status.clone()
            && self.said.as_ref() != Some(&(status.text.clone(), status.at))
        {
            let labels = text::screens::labels(self.app.lang);
            let word = match status.level {
                Level::Info => "",
                Level::Warning => labels.note_word,
                Level::Error => labels.problem_word,
            };
            let said = text::accessible::as_typed(self.app.lang, &status.text);
            self.say(&format!("{word}{said}"))?;
            self.said = Some((status.text, status.at));
        }
        if self.app.search.seq != self.results_seq {
            self.results_seq = self.app.search.seq;
            self.results_from = 0;
        }
        let on_form = *self.app.screen() == Screen::VisitForm;
        let mut heading = None;
        let lines = if on_form {
            if !self.on_form {
                heading = Some(form::heading(&self.app));
            }
            let at = match self.asking {
                // The desk moved the focus (a refused save points at the field to fix).
                Some(at) if at == form::position(self.app.form.field) => at,
                _ => form::position(self.app.form.field),
            };
            self.asking = Some(at);
            form::question(&self.app, at)
        } else {
            self.asking = None;
            screen::lines(&self.app, self.results_from)
        };
        self.on_form = on_form;
        if lines == self.shown && !after.repeat && heading.is_none() {
            return Ok(());
        }
        if let Some(heading) = heading {
            self.say(&heading)?;
        }
        let prompt = self.prompt();
        if self.helped.insert(prompt) {
            self.say(text::accessible::help(self.app.lang, prompt))?;
        }
        for line in &lines {
            self.say(line)?;
        }
        self.shown = lines;
        Ok(())
    }
}
/// True for a field whose answer is typed text (the note): every word there is the note's.
fn spec_takes_text(spec: &crate::desk::form::FieldSpec) -> bool {
    matches!(spec.kind, crate::desk::form::FieldKind::Text { .. })
}

/// A whole number typed on its own: "3".
fn number(word: &str) -> Option<usize> {
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

/// One line of input, at most [`LINE_MAX_BYTES`] (the rest of a longer line is dropped), as
/// text (bytes that are not UTF-8 become the replacement character); `None` at the end.
pub fn read_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut line = Vec::new();
    let mut read_any = false;
    loop {
        let (done, used) = {
            let available = match input.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                (true, 0)
            } else {
                read_any = true;
                match available.iter().position(|b| *b == b'\n') {
                    Some(at) => {
                        let room = LINE_MAX_BYTES.saturating_sub(line.len());
                        line.extend_from_slice(&available[..at.min(room)]);
                        (true, at + 1)
                    }
                    None => {
                        let room = LINE_MAX_BYTES.saturating_sub(line.len());
                        line.extend_from_slice(&available[..available.len().min(room)]);
                        (false, available.len())
                    }
                }
            }
        };
        input.consume(used);
        if done {
            break;
        }
    }
    if !read_any {
        return Ok(None);
    }
    let text = String::from_utf8_lossy(&line);
    Ok(Some(text.trim_end_matches('\r').to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<String> {
        let mut reader = input;
        let mut read = Vec::new();
        while let Some(line) = read_line(&mut reader).unwrap() {
            read.push(line);
        }
        read
    }

    #[test]
    fn lines_are_read_whole_with_any_line_end_and_a_last_line_without_one() {
        assert_eq!(lines(b"bins\r\nlog\n\n1"), ["bins", "log", "", "1"]);
        assert!(lines(b"").is_empty(), "no input, no line");
    }

    #[test]
    fn a_long_line_is_cut_and_bytes_that_are_not_text_are_replaced() {
        let mut long = vec![b'a'; LINE_MAX_BYTES * 3];
        long.extend_from_slice(b"\nnext\n");
        let read = lines(&long);
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].len(), LINE_MAX_BYTES);
        assert_eq!(read[1], "next");
        assert_eq!(lines(b"caf\xe9\n"), ["caf\u{fffd}"]);
    }

    #[test]
    fn only_plain_digits_are_numbers() {
        assert_eq!(number("3"), Some(3));
        assert_eq!(number("12"), Some(12));
        for word in ["", "-1", "+1", "3a", "three", "１"] {
            assert_eq!(number(word), None, "{word}");
        }
    }
}
