//! The resident's slip in the accessible mode: read out line by line, or saved to a file to
//! print (HTML with QR codes, or large-print text), for what is on screen.

use std::path::Path;

use crate::catalogue::Entry;
use crate::desk::{App, Screen};
use crate::slip::{self, Slip};
use crate::visit::VisitDraft;

/// The slip for what is on screen: the entry open (a partner or a service), a script's end,
/// the visit on the form, the visit selected on today's list, or on the search screen the
/// visit saved last. `None` when there is nothing for one.
pub fn for_screen(app: &App) -> Option<Slip> {
    let catalogue = &app.catalogue;
    let date = app.now.date_naive();
    let (partners, services): (Vec<String>, Vec<String>) = match app.screen() {
        Screen::Detail(detail) => one(app, detail.key)?,
        Screen::ShowResident(view) => one(app, view.key)?,
        Screen::Script(view) => {
            let walk = view.walk(catalogue)?;
            let end = walk.end().filter(|_| !walk.needs_acknowledgement())?;
            (
                end.partners.clone(),
                end.services.iter().map(|s| s.id.clone()).collect(),
            )
        }
        Screen::VisitForm => {
            return Slip::for_visit(catalogue, app.draft.as_ref()?, date)
                .ok()
                .filter(|s| !s.is_empty());
        }
        Screen::Today => {
            let visit = app.today.get(app.today_selected)?;
            return Slip::for_visit(catalogue, &VisitDraft::from_visit(visit), date)
                .ok()
                .filter(|s| !s.is_empty());
        }
        Screen::Search => {
            let visit = app.today.last()?;
            return Slip::for_visit(catalogue, &VisitDraft::from_visit(visit), date)
                .ok()
                .filter(|s| !s.is_empty());
        }
    };
    Slip::new(catalogue, &partners, &services, date)
        .ok()
        .filter(|s| !s.is_empty())
}

/// A partner or a service on its own; nothing for a question or a script.
fn one(app: &App, key: crate::catalogue::EntryKey) -> Option<(Vec<String>, Vec<String>)> {
    match app.catalogue.entry(key)? {
        Entry::Partner(p) => Some((vec![p.id.clone()], Vec::new())),
        Entry::Service(s) if !s.is_topic() => Some((Vec::new(), vec![s.id.clone()])),
        _ => None,
    }
}

/// The slip's lines, as the large-print text has them (blank lines left out: a screen reader
/// says nothing for them).
pub fn lines(slip: &Slip) -> Vec<String> {
    slip::plain::render(slip)
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// Saves the slip to `path`: a page with QR codes for `.html` or `.htm`, else large-print text.
pub fn save(slip: &Slip, path: &Path) -> std::io::Result<()> {
    let html = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let contents = if html {
        slip::html::render(slip)
    } else {
        slip::plain::render(slip)
    };
    slip::save(path, &contents)
}
