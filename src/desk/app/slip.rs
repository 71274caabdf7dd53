//! The resident's slip at the desk: one key previews it for what is on screen, then it is
//! printed or saved to a file (the face does the printing and answers with
//! [`Action::SlipFiled`](crate::desk::Action::SlipFiled)).

use super::App;
use crate::catalogue::Entry;
use crate::desk::action::{Effect, SlipFiled, SlipJob};
use crate::desk::command::Command;
use crate::desk::navigation::{Screen, SlipView};
use crate::desk::status::Level;
use crate::slip::{self, Slip};
use crate::text;

impl App {
    /// What a slip opened now would carry: the partner on screen (and the service it was
    /// reached from), a service with the partners chosen for the visit (or else its own
    /// signposts), a script's end, or the visit on the form.
    pub(super) fn slip_for_screen(&self) -> Option<SlipView> {
        let catalogue = &self.catalogue;
        let chosen = self
            .draft
            .as_ref()
            .map(|d| d.partners.clone())
            .unwrap_or_default();
        let mut view = SlipView::default();
        match self.screen() {
            Screen::VisitForm => {
                let draft = self.draft.as_ref()?;
                view.partners = draft.partners.clone();
                view.services = draft.services.clone();
            }
            Screen::Script(_) => {
                let (end, _) = self.script_end_on_top()?;
                view.partners = end.partners.clone();
                view.services = end.services.iter().map(|s| s.id.clone()).collect();
            }
            Screen::Detail(_) | Screen::ShowResident(_) => {
                for key in self.current_entries() {
                    match catalogue.entry(key)? {
                        Entry::Partner(p) => view.partners.push(p.id.clone()),
                        Entry::Service(s) => {
                            view.services.push(s.id.clone());
                            if view.partners.is_empty() {
                                view.partners = if chosen.is_empty() {
                                    s.signpost.clone()
                                } else {
                                    chosen.clone()
                                };
                            }
                        }
                        Entry::Faq(_) | Entry::Script(_) => {}
                    }
                }
            }
            Screen::Waiting(_) => {
                let ticket = self.waiting_given.as_ref()?;
                if catalogue.partner(&ticket.service).is_some() {
                    view.partners.push(ticket.service.clone());
                } else {
                    view.services.push(ticket.service.clone());
                }
            }
            _ => return None,
        }
        view.ticket = self.waiting_given.as_ref().map(|t| t.ticket.clone());
        // A topic ("Other: government") is not something a resident can contact.
        view.services
            .retain(|id| catalogue.service(id).is_some_and(|s| !s.is_topic()));
        view.partners.retain(|id| catalogue.partner(id).is_some());
        (!view.partners.is_empty() || !view.services.is_empty() || view.ticket.is_some())
            .then_some(view)
    }

    /// The slip a preview shows, as of the app's clock, in its first language (Welsh on a
    /// bilingual slip).
    pub fn slip(&self, view: &SlipView) -> Option<Slip> {
        self.slips(view).into_iter().next()
    }

    /// The slip in each of its languages, in the order printed.
    pub fn slips(&self, view: &SlipView) -> Vec<Slip> {
        view.language
            .languages()
            .iter()
            .filter_map(|lang| {
                Slip::new_in(
                    *lang,
                    &self.catalogue,
                    &view.partners,
                    &view.services,
                    self.now.date_naive(),
                )
                .ok()
                .map(|slip| Slip {
                    ticket: view.ticket.clone(),
                    ..slip
                })
            })
            .collect()
    }

    /// The slip as text, each language in turn: what the preview shows and the printer prints.
    pub fn slip_text(&self, view: &SlipView) -> Option<String> {
        let slips = self.slips(view);
        (!slips.is_empty()).then(|| slip::plain::render_all(&slips))
    }

    /// On the slip screen, the language key steps the slip through English, Cymraeg and both.
    pub(super) fn switch_slip_language(&mut self) -> Vec<Effect> {
        if let Some(Screen::Slip(view)) = self.screens.last_mut() {
            view.language = view.language.next();
            view.scroll = Default::default();
            let language = view.language;
            self.say(
                Level::Info,
                text::status::slip_language(self.lang, language.languages()),
            );
        }
        Vec::new()
    }

    pub(super) fn open_slip(&mut self) -> Vec<Effect> {
        if matches!(self.screen(), Screen::Slip(_)) {
            return Vec::new();
        }
        match self.slip_for_screen() {
            Some(mut view) => {
                view.language =
                    slip::SlipLanguage::of_resident(self.resident_language.reads_welsh());
                self.screens.push(Screen::Slip(view));
            }
            None => {
                let sentence = text::status::nothing_for_a_slip(self.lang);
                self.say(Level::Warning, sentence);
            }
        }
        Vec::new()
    }

    pub(super) fn slip_command(&mut self, mut view: SlipView, command: Command) -> Vec<Effect> {
        match command {
            Command::PrintSlip | Command::SaveSlip => {
                let slips = self.slips(&view);
                if slips.is_empty() {
                    return Vec::new();
                }
                let print = command == Command::PrintSlip;
                self.say(Level::Info, text::status::slip_on_its_way(self.lang, print));
                let name = format!("slip-{}", self.now.format("%Y-%m-%d-%H%M%S"));
                vec![Effect::FileSlip(SlipJob {
                    name,
                    text: slip::plain::render_all(&slips),
                    html: slip::html::render_all(&slips),
                    print,
                })]
            }
            other => {
                super::scroll_text(&mut view.scroll, other);
                if let Some(top) = self.screens.last_mut() {
                    *top = Screen::Slip(view);
                }
                Vec::new()
            }
        }
    }

    pub(super) fn slip_filed(&mut self, filed: SlipFiled) {
        let lang = self.lang;
        let (level, sentence) = match &filed {
            SlipFiled::Printed { path } => (
                Level::Info,
                text::status::slip_printed(lang, &path.display().to_string()),
            ),
            SlipFiled::Saved { path } => (
                Level::Info,
                text::status::slip_saved(lang, &path.display().to_string()),
            ),
            SlipFiled::NoPrinter { path } => (
                Level::Warning,
                text::status::slip_no_printer(lang, &path.display().to_string()),
            ),
            SlipFiled::PrintFailed { problem, path } => (
                Level::Warning,
                text::status::slip_not_printed(lang, problem, &path.display().to_string()),
            ),
            SlipFiled::NotSaved { problem } => {
                (Level::Error, text::status::slip_not_saved(lang, problem))
            }
        };
        self.say(level, sentence);
    }
}
