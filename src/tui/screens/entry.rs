//! The text of an entry, shared by the search preview and the detail screen.

use ratatui::text::{Line, Span};

use crate::catalogue::hours::OpenNow;
use crate::catalogue::{Entry, EntryKey};
use crate::desk::{App, Command};
use crate::text::{self, screens::Labels};
use crate::tui::theme::Theme;

/// "Not us: Example County Council, 01632 960500" or "Us: Example District Council".
pub fn provider_line<'a>(app: &'a App, entry: Entry<'a>, theme: &Theme) -> Option<Line<'a>> {
    let catalogue = &app.catalogue;
    let labels = text::screens::labels(app.lang);
    match entry {
        // A "not in the catalogue" topic names a provider only when it has one of its own.
        Entry::Service(service) if service.is_topic() && service.provider == "council" => None,
        Entry::Service(service) => {
            let provider = catalogue.provider_of(service);
            let contact = provider
                .phone
                .or(provider.website)
                .map(|c| format!(", {c}"))
                .unwrap_or_default();
            Some(if provider.is_us() {
                Line::from(vec![
                    Span::styled(labels.us, theme.heading),
                    Span::raw(provider.name),
                ])
            } else {
                let who = text::screens::not_us(app.lang, provider.tier);
                Line::from(vec![Span::styled(
                    format!("{who} · {}{contact}", provider.name),
                    theme.not_us,
                )])
            })
        }
        Entry::Partner(partner) => {
            let reach = if partner.national {
                labels.national_partner
            } else {
                labels.local_partner
            };
            Some(Line::from(Span::styled(reach, theme.not_us)))
        }
        Entry::Faq(_) | Entry::Script(_) => None,
    }
}

/// A short tag for lists: "[county]", "[government]", "[partner]"; nothing for this council.
pub fn provider_tag(app: &App, entry: Entry<'_>) -> Option<&'static str> {
    match entry {
        Entry::Service(service) => {
            text::screens::provider_tag(app.lang, app.catalogue.provider_of(service).tier)
        }
        _ => None,
    }
}

/// Whether a partner is open at the app's clock, with its closed dates; `None` without hours.
pub fn open_now(app: &App, partner: &crate::catalogue::Partner) -> Option<OpenNow> {
    (!partner.hours.is_empty()).then(|| {
        crate::catalogue::hours::open_now_except(
            &partner.hours,
            &partner.closed,
            app.now.naive_local(),
        )
    })
}

/// "Label: text" on one line, skipped when the text is empty.
fn labelled<'a>(lines: &mut Vec<Line<'a>>, theme: &Theme, label: &'a str, text: &'a str) {
    if text.trim().is_empty() {
        return;
    }
    lines.push(Line::from(vec![
        Span::styled(label, theme.heading),
        Span::raw(text),
    ]));
}

/// The lines describing an entry. `full` adds everything a detail screen shows.
pub fn entry_lines<'a>(app: &'a App, key: EntryKey, theme: &Theme, full: bool) -> Vec<Line<'a>> {
    let Some(entry) = app.catalogue.entry(key) else {
        return Vec::new();
    };
    let labels: &'static Labels = text::screens::labels(app.lang);
    let mut lines = Vec::new();
    let mut title = vec![Span::styled(entry.title(), theme.title)];
    if entry.urgent() {
        title.insert(0, Span::styled(labels.urgent, theme.urgent));
    }
    lines.push(Line::from(title));
    if let Some(provider) = provider_line(app, entry, theme) {
        lines.push(provider);
    }
    match entry {
        Entry::Service(s) => {
            lines.push(Line::from(s.summary.as_str()));
            labelled(&mut lines, theme, labels.say, &s.say);
            if let Some(online) = &s.online {
                let how = if online.self_serve {
                    labels.online_self_serve
                } else {
                    labels.online
                };
                labelled(&mut lines, theme, how, &online.url);
            }
            if let Some(phone) = &s.phone {
                labelled(&mut lines, theme, labels.phone, phone);
            }
            if full {
                if !s.bring.is_empty() {
                    lines.push(Line::from(Span::styled(labels.bring, theme.heading)));
                    lines.extend(s.bring.iter().map(|b| Line::from(format!("• {b}"))));
                }
                labelled(
                    &mut lines,
                    theme,
                    labels.who_can_get_it,
                    s.eligibility.as_deref().unwrap_or(""),
                );
            }
        }
        Entry::Partner(p) => {
            lines.push(Line::from(p.summary.as_str()));
            if let Some(open) = open_now(app, p) {
                lines.push(Line::from(Span::styled(
                    text::hours::open_now(app.lang, &open),
                    theme.heading,
                )));
            }
            labelled(
                &mut lines,
                theme,
                labels.phone,
                p.phone.as_deref().unwrap_or(""),
            );
            labelled(
                &mut lines,
                theme,
                labels.web,
                p.website.as_deref().unwrap_or(""),
            );
            if full {
                labelled(
                    &mut lines,
                    theme,
                    labels.email,
                    p.email.as_deref().unwrap_or(""),
                );
                labelled(
                    &mut lines,
                    theme,
                    labels.address,
                    p.address.as_deref().unwrap_or(""),
                );
                if !p.access.is_empty() {
                    let how: Vec<&str> = p
                        .access
                        .iter()
                        .map(|a| text::form::access(app.lang, *a))
                        .collect();
                    lines.push(Line::from(vec![
                        Span::styled(labels.how, theme.heading),
                        Span::raw(how.join(", ")),
                    ]));
                }
                if !p.languages.is_empty() {
                    lines.push(Line::from(vec![
                        Span::styled(labels.languages, theme.heading),
                        Span::raw(p.languages.join(", ")),
                    ]));
                }
                labelled(
                    &mut lines,
                    theme,
                    labels.who_can_get_help,
                    p.eligibility.as_deref().unwrap_or(""),
                );
                let hours = text::hours::describe(app.lang, &p.hours);
                if !hours.is_empty() {
                    lines.push(Line::from(Span::styled(
                        labels.opening_hours,
                        theme.heading,
                    )));
                    lines.extend(hours.into_iter().map(Line::from));
                }
                if let Some(note) = &p.hours_note {
                    lines.push(Line::from(note.as_str()));
                }
                let today = app.now.date_naive();
                let closed: Vec<String> = p
                    .closed
                    .iter()
                    .filter(|d| d.0 >= today)
                    .take(3)
                    .map(|d| crate::text::screens::closed_day(app.lang, d.0, true))
                    .collect();
                if !closed.is_empty() {
                    lines.push(Line::from(vec![
                        Span::styled(labels.closed_on, theme.heading),
                        Span::raw(closed.join(", ")),
                    ]));
                }
                labelled(
                    &mut lines,
                    theme,
                    labels.accessibility,
                    p.accessibility.as_deref().unwrap_or(""),
                );
                if p.referral_needs_consent {
                    lines.push(Line::from(labels.referral_needs_consent));
                }
            }
        }
        Entry::Faq(f) => {
            lines.push(Line::from(f.answer.as_str()));
        }
        Entry::Script(s) => {
            lines.push(Line::from(s.summary.as_str()));
            let lang = app.lang;
            if let Some(question) = s.node(&s.start).and_then(|n| n.question.as_deref()) {
                labelled(&mut lines, theme, text::script::starts_with(lang), question);
            }
            let walk = text::script::walk_it(lang, &app.keys.key(Command::Open));
            lines.push(Line::from(Span::styled(walk, theme.heading)));
        }
    }
    lines
}
