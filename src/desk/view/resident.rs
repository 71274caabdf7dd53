//! "Show the resident" as both faces show it: the entry's title, the web address to do it
//! online, the phone number and the opening hours (open now first), all in the language the
//! resident reads, since the resident reads it. The full screen adds a QR code of the address;
//! the accessible mode spells the address out.

use chrono::NaiveDateTime;

use crate::catalogue::welsh::pick;
use crate::catalogue::{Catalogue, ClosedDate, Entry, EntryKey, OpeningTimes, hours};
use crate::desk::App;
use crate::text::{self, Language};

/// What to show the resident for an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoutView {
    /// The language the resident reads: every text here is in it.
    pub lang: Language,
    /// "Show the resident", as the screen's heading.
    pub heading: &'static str,
    /// The entry's title, in the resident's language where the catalogue has it.
    pub title: String,
    /// "Do it yourself online:", then the address; or "There is no web address for this."
    pub online_intro: &'static str,
    pub url: Option<String>,
    pub no_web_address: &'static str,
    /// "Or phone:", then the number.
    pub or_phone: &'static str,
    pub phone: Option<String>,
    /// Open now (closed dates counted), then the week's hours; empty when it has none.
    pub hours: Vec<String>,
}

impl App {
    /// What to show the resident for an entry, at the app's clock, in the language the
    /// resident reads. A script has none: it is walked, not handed out.
    pub fn handout_view(&self, key: EntryKey) -> Option<HandoutView> {
        let lang = if self.resident_language.reads_welsh() {
            Language::Welsh
        } else {
            Language::English
        };
        handout_view(&self.catalogue, key, lang, self.now.naive_local())
    }
}

/// What to show the resident for one entry; `None` for a script or an entry not there.
pub fn handout_view(
    catalogue: &Catalogue,
    key: EntryKey,
    lang: Language,
    now: NaiveDateTime,
) -> Option<HandoutView> {
    let welsh = lang == Language::Welsh;
    let hours_of = |opening: &[OpeningTimes], closed: &[ClosedDate]| {
        let mut lines = text::hours::describe(lang, opening);
        if !opening.is_empty() {
            let open = hours::open_now_except(opening, closed, now);
            lines.insert(0, text::hours::open_now(lang, &open));
        }
        lines
    };
    let (title, url, phone, hours) = match catalogue.entry(key)? {
        Entry::Service(s) => {
            let provider = catalogue.provider_of(s);
            // The council's hours are this council's: another body's service shows none.
            let hours = if provider.is_us() {
                hours_of(&catalogue.council.hours, &catalogue.council.closed)
            } else {
                Vec::new()
            };
            (
                pick(
                    welsh,
                    &s.title,
                    s.cy.as_ref().and_then(|cy| cy.title.as_ref()),
                ),
                s.online
                    .as_ref()
                    .map(|o| o.url.as_str())
                    .or(provider.website),
                s.phone.as_deref().or(provider.phone),
                hours,
            )
        }
        Entry::Partner(p) => (
            pick(
                welsh,
                &p.name,
                p.cy.as_ref().and_then(|cy| cy.name.as_ref()),
            ),
            p.website.as_deref(),
            p.phone.as_deref(),
            hours_of(&p.hours, &p.closed),
        ),
        Entry::Faq(f) => (
            pick(
                welsh,
                &f.question,
                f.cy.as_ref().and_then(|cy| cy.question.as_ref()),
            ),
            None,
            None,
            Vec::new(),
        ),
        Entry::Script(_) => return None,
    };
    let labels = text::screens::labels(lang);
    Some(HandoutView {
        lang,
        heading: labels.show_resident_title.trim(),
        title: title.to_string(),
        online_intro: labels.online_intro,
        url: url.map(str::to_string),
        no_web_address: labels.no_web_address,
        or_phone: labels.or_phone,
        phone: phone.map(str::to_string),
        hours,
    })
}
