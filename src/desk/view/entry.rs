//! An entry (service, partner, question, script) as both faces show it: its title, who does
//! it, what to say, how to reach it, when it is open, and its links.

use chrono::NaiveDateTime;

use super::{Emphasis, Value, ViewLine, labelled};
use crate::catalogue::{Catalogue, Entry, EntryKey, Kind, hours};
use crate::desk::{App, Command, KeyNames};
use crate::text::{self, Language};

/// What the detail screen (and, with its brief lines, the search preview) says of an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryView {
    pub kind: Kind,
    pub title: String,
    pub urgent: bool,
    pub lines: Vec<ViewLine>,
    pub links: Vec<LinkView>,
}

/// A link to a related entry or a partner, in the order both faces number them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkView {
    pub key: EntryKey,
    /// "Related", "Signpost to".
    pub relation: &'static str,
    pub title: String,
    /// "[county]", "[government]": whose it is, when not this council's.
    pub tag: Option<&'static str>,
}

impl App {
    /// The view of an entry at the app's clock, in the resident's language.
    pub fn entry_view(&self, key: EntryKey) -> Option<EntryView> {
        entry_view(
            &self.catalogue,
            key,
            self.lang,
            self.now.naive_local(),
            &self.keys,
        )
    }
}

/// A short tag for lists: "[county]", "[government]"; nothing for this council or a partner.
pub fn provider_tag(
    catalogue: &Catalogue,
    lang: Language,
    entry: Entry<'_>,
) -> Option<&'static str> {
    match entry {
        Entry::Service(service) => {
            text::screens::provider_tag(lang, catalogue.provider_of(service).tier)
        }
        _ => None,
    }
}

/// The view of one entry; `None` when the catalogue has no such entry.
pub fn entry_view(
    catalogue: &Catalogue,
    key: EntryKey,
    lang: Language,
    now: NaiveDateTime,
    keys: &KeyNames,
) -> Option<EntryView> {
    let entry = catalogue.entry(key)?;
    let labels = text::screens::labels(lang);
    let mut lines = Vec::new();
    match entry {
        Entry::Service(s) => {
            // A "not in the catalogue" topic names a provider only when it has one of its own.
            if !(s.is_topic() && s.provider == "council") {
                let provider = catalogue.provider_of(s);
                if provider.is_us() {
                    lines.push(ViewLine::text(labels.us, provider.name, true));
                } else {
                    let who = text::screens::not_us(lang, provider.tier);
                    let contact = provider
                        .phone
                        .or(provider.website)
                        .map(|c| format!(", {c}"))
                        .unwrap_or_default();
                    lines.push(
                        ViewLine::text("", format!("{who} · {}{contact}", provider.name), true)
                            .emphasised(Emphasis::NotUs),
                    );
                }
            }
            labelled(&mut lines, "", &s.summary, true);
            labelled(&mut lines, labels.say, &s.say, true);
            if let Some(online) = &s.online {
                let how = if online.self_serve {
                    labels.online_self_serve
                } else {
                    labels.online
                };
                labelled(&mut lines, how, &online.url, true);
            }
            labelled(
                &mut lines,
                labels.phone,
                s.phone.as_deref().unwrap_or(""),
                true,
            );
            if !s.bring.is_empty() {
                lines.push(ViewLine {
                    label: labels.bring,
                    value: Value::Bullets(s.bring.clone()),
                    emphasis: Emphasis::Plain,
                    brief: false,
                });
            }
            let eligibility = s.eligibility.as_deref().unwrap_or("");
            labelled(&mut lines, labels.who_can_get_it, eligibility, false);
        }
        Entry::Partner(p) => {
            let reach = if p.national {
                labels.national_partner
            } else {
                labels.local_partner
            };
            lines.push(ViewLine::text("", reach, true).emphasised(Emphasis::NotUs));
            labelled(&mut lines, "", &p.summary, true);
            if !p.hours.is_empty() {
                let open = hours::open_now_except(&p.hours, &p.closed, now);
                lines.push(
                    ViewLine::text("", text::hours::open_now(lang, &open), true)
                        .emphasised(Emphasis::Heading),
                );
            }
            labelled(
                &mut lines,
                labels.phone,
                p.phone.as_deref().unwrap_or(""),
                true,
            );
            labelled(
                &mut lines,
                labels.web,
                p.website.as_deref().unwrap_or(""),
                true,
            );
            labelled(
                &mut lines,
                labels.email,
                p.email.as_deref().unwrap_or(""),
                false,
            );
            let address = p.address.as_deref().unwrap_or("");
            labelled(&mut lines, labels.address, address, false);
            let how: Vec<&str> = p
                .access
                .iter()
                .map(|a| text::form::access(lang, *a))
                .collect();
            labelled(&mut lines, labels.how, &how.join(", "), false);
            labelled(&mut lines, labels.languages, &p.languages.join(", "), false);
            let eligibility = p.eligibility.as_deref().unwrap_or("");
            labelled(&mut lines, labels.who_can_get_help, eligibility, false);
            let described = text::hours::describe(lang, &p.hours);
            if !described.is_empty() {
                lines.push(ViewLine {
                    label: labels.opening_hours,
                    value: Value::Lines(described),
                    emphasis: Emphasis::Plain,
                    brief: false,
                });
            }
            labelled(&mut lines, "", p.hours_note.as_deref().unwrap_or(""), false);
            let today = now.date();
            let closed: Vec<String> = p
                .closed
                .iter()
                .filter(|d| d.0 >= today)
                .take(3)
                .map(|d| text::slip::closed_date(lang, d.0))
                .collect();
            labelled(&mut lines, labels.closed_on, &closed.join(", "), false);
            let accessibility = p.accessibility.as_deref().unwrap_or("");
            labelled(&mut lines, labels.accessibility, accessibility, false);
            if p.referral_needs_consent {
                labelled(&mut lines, "", labels.referral_needs_consent, false);
            }
        }
        Entry::Faq(f) => labelled(&mut lines, "", &f.answer, true),
        Entry::Script(s) => {
            labelled(&mut lines, "", &s.summary, true);
            if let Some(question) = s.node(&s.start).and_then(|n| n.question.as_deref()) {
                labelled(&mut lines, text::script::starts_with(lang), question, true);
            }
            let walk = text::script::walk_it(lang, &keys.key(Command::Open));
            lines.push(ViewLine::text("", walk, true).emphasised(Emphasis::Heading));
        }
    }
    let links = catalogue
        .links(key)
        .into_iter()
        .filter_map(|link| {
            let linked = catalogue.entry(link.key)?;
            Some(LinkView {
                key: link.key,
                relation: text::screens::relation(lang, link.relation),
                title: linked.title().to_string(),
                tag: provider_tag(catalogue, lang, linked),
            })
        })
        .collect();
    Some(EntryView {
        kind: entry.kind(),
        title: entry.title().to_string(),
        urgent: entry.urgent(),
        lines,
        links,
    })
}
