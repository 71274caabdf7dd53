//! What goes on the visit being logged from what the receptionist is looking at.

use crate::catalogue::{Catalogue, Entry, EntryKey};
use crate::visit::VisitDraft;

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
        Some(Entry::Partner(p)) => push(&mut draft.partners, &p.id),
        Some(Entry::Faq(f)) => {
            if let Some(id) = f.related.iter().find(|id| catalogue.service(id).is_some()) {
                push(&mut draft.services, id);
            }
        }
        None => {}
    }
}
