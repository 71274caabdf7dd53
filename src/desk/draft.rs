//! What goes on the visit being logged from what the receptionist is looking at.

use std::str::FromStr;

use crate::catalogue::{Catalogue, Entry, EntryKey, ScriptEnd};
use crate::visit::{Outcome, VisitDraft};

/// Adds an entry to the visit: a service, a partner signposted to, or the first service an FAQ
/// is about. An entry already on the visit is not added twice.
pub fn add_entry(catalogue: &Catalogue, draft: &mut VisitDraft, key: EntryKey) {
    let push = |list: &mut Vec<String>, id: &str| {
        if !list.iter().any(|x| x == id) {
            list.push(id.to_string());
        }
    };
    match catalogue.entry(key) {
        Some(Entry::Service(s)) => push(&mut draft.services, &s.id),
        Some(Entry::Partner(p)) => {
            push(&mut draft.partners, &p.id);
            give_partner_its_service(catalogue, draft, &p.id);
        }
        Some(Entry::Faq(f)) => {
            if let Some(id) = f.related.iter().find(|id| catalogue.service(id).is_some()) {
                push(&mut draft.services, id);
            }
        }
        // A script is walked, and its end fills the visit.
        Some(Entry::Script(_)) | None => {}
    }
}

/// Gives `partner` for the first service on the visit that signposts to it, if one does and it
/// was not given for a service already; otherwise it stays the first service's. The screen and
/// the `log` command give partners their services by this one rule, so the reports count a
/// signpost against the service it came from whichever way the visit was logged.
pub fn give_partner_its_service(catalogue: &Catalogue, draft: &mut VisitDraft, partner: &str) {
    let home = draft.services.iter().find(|id| {
        catalogue
            .service(id.trim())
            .is_some_and(|s| s.signpost.iter().any(|p| p == partner))
    });
    if let Some(home) = home.cloned() {
        draft
            .partner_services
            .entry(partner.to_string())
            .or_insert(home);
    }
}

/// Fills a visit from a script's end: its services (each with its own outcome where the end
/// gives one), its outcome and its partners. What is on the visit already stays.
pub fn fill_from_end(draft: &mut VisitDraft, end: &ScriptEnd) {
    let push = |list: &mut Vec<String>, id: &str| {
        if !list.iter().any(|x| x == id) {
            list.push(id.to_string());
        }
    };
    if let Some(outcome) = end
        .outcome
        .as_deref()
        .and_then(|w| Outcome::from_str(w).ok())
    {
        draft.outcome = Some(outcome);
    }
    for service in &end.services {
        push(&mut draft.services, &service.id);
        if let Some(outcome) = service
            .outcome
            .as_deref()
            .and_then(|w| Outcome::from_str(w).ok())
        {
            draft.service_outcomes.insert(service.id.clone(), outcome);
        }
    }
    // The end's partners are given for the script's own service (its first).
    for partner in &end.partners {
        push(&mut draft.partners, partner);
        if let Some(service) = end.services.first() {
            draft
                .partner_services
                .insert(partner.clone(), service.id.clone());
        }
    }
}
