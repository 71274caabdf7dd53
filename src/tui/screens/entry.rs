//! The text of an entry, shared by the search preview and the detail screen.

use ratatui::text::{Line, Span};

use crate::catalogue::{Catalogue, Entry, EntryKey, Tier};
use crate::tui::theme::Theme;

/// "Not us: Example County Council, 01632 960500" or "Us: Example District Council".
pub fn provider_line<'a>(
    catalogue: &'a Catalogue,
    entry: Entry<'a>,
    theme: &Theme,
) -> Option<Line<'a>> {
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
                    Span::styled("Us: ", theme.heading),
                    Span::raw(provider.name),
                ])
            } else {
                let who = match provider.tier {
                    Tier::County => "Not us: county council",
                    Tier::Government => "Not us: government",
                    Tier::Partner => "Not us: partner",
                    _ => "Not us",
                };
                Line::from(vec![Span::styled(
                    format!("{who} · {}{contact}", provider.name),
                    theme.not_us,
                )])
            })
        }
        Entry::Partner(partner) => {
            let reach = if partner.national {
                "National organisation"
            } else {
                "Local partner"
            };
            Some(Line::from(Span::styled(
                format!("Partner · {reach}"),
                theme.not_us,
            )))
        }
        Entry::Faq(_) => None,
    }
}

/// A short tag for lists: "[county]", "[government]", "[partner]"; nothing for this council.
pub fn provider_tag(catalogue: &Catalogue, entry: Entry<'_>) -> Option<&'static str> {
    match entry {
        Entry::Service(service) => match catalogue.provider_of(service).tier {
            Tier::Council => None,
            Tier::County => Some("[county]"),
            Tier::Government => Some("[government]"),
            Tier::Other => Some("[other body]"),
            Tier::Partner => Some("[partner]"),
        },
        _ => None,
    }
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
pub fn entry_lines<'a>(
    catalogue: &'a Catalogue,
    key: EntryKey,
    theme: &Theme,
    full: bool,
    open_now: &dyn Fn(&'a [crate::catalogue::OpeningTimes]) -> Option<String>,
) -> Vec<Line<'a>> {
    let Some(entry) = catalogue.entry(key) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let mut title = vec![Span::styled(entry.title(), theme.title)];
    if entry.urgent() {
        title.insert(0, Span::styled("! URGENT ", theme.urgent));
    }
    lines.push(Line::from(title));
    if let Some(provider) = provider_line(catalogue, entry, theme) {
        lines.push(provider);
    }
    match entry {
        Entry::Service(s) => {
            lines.push(Line::from(s.summary.as_str()));
            labelled(&mut lines, theme, "Say: ", &s.say);
            if let Some(online) = &s.online {
                let how = if online.self_serve {
                    "Online (they can do it themselves): "
                } else {
                    "Online: "
                };
                labelled(&mut lines, theme, how, &online.url);
            }
            if let Some(phone) = &s.phone {
                labelled(&mut lines, theme, "Phone: ", phone);
            }
            if full {
                if !s.bring.is_empty() {
                    lines.push(Line::from(Span::styled("Bring:", theme.heading)));
                    lines.extend(s.bring.iter().map(|b| Line::from(format!("• {b}"))));
                }
                labelled(
                    &mut lines,
                    theme,
                    "Who can get it: ",
                    s.eligibility.as_deref().unwrap_or(""),
                );
            }
        }
        Entry::Partner(p) => {
            lines.push(Line::from(p.summary.as_str()));
            if let Some(open) = open_now(&p.hours) {
                lines.push(Line::from(Span::styled(open, theme.heading)));
            }
            labelled(
                &mut lines,
                theme,
                "Phone: ",
                p.phone.as_deref().unwrap_or(""),
            );
            labelled(
                &mut lines,
                theme,
                "Web: ",
                p.website.as_deref().unwrap_or(""),
            );
            if full {
                labelled(
                    &mut lines,
                    theme,
                    "Email: ",
                    p.email.as_deref().unwrap_or(""),
                );
                labelled(
                    &mut lines,
                    theme,
                    "Address: ",
                    p.address.as_deref().unwrap_or(""),
                );
                if !p.access.is_empty() {
                    let how: Vec<&str> = p.access.iter().map(|a| a.label()).collect();
                    lines.push(Line::from(vec![
                        Span::styled("How: ", theme.heading),
                        Span::raw(how.join(", ")),
                    ]));
                }
                if !p.languages.is_empty() {
                    lines.push(Line::from(vec![
                        Span::styled("Languages: ", theme.heading),
                        Span::raw(p.languages.join(", ")),
                    ]));
                }
                labelled(
                    &mut lines,
                    theme,
                    "Who can get help: ",
                    p.eligibility.as_deref().unwrap_or(""),
                );
                let hours = crate::catalogue::hours::describe(&p.hours);
                if !hours.is_empty() {
                    lines.push(Line::from(Span::styled("Opening hours:", theme.heading)));
                    lines.extend(hours.into_iter().map(Line::from));
                }
                if let Some(note) = &p.hours_note {
                    lines.push(Line::from(note.as_str()));
                }
            }
        }
        Entry::Faq(f) => {
            lines.push(Line::from(f.answer.as_str()));
        }
    }
    lines
}
