//! Which entries an entry leads to: the rule behind a detail screen's links.

use super::{Catalogue, Entry, EntryKey, Kind};

/// Why one entry leads to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Listed in the entry's `related`.
    Related,
    /// A partner listed in a service's `signpost`.
    SignpostTo,
    /// The partner that provides the service.
    ProvidedBy,
}

/// A link from an entry to a related entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub key: EntryKey,
    pub relation: Relation,
}

impl Catalogue {
    /// The links of an entry, in the order a detail screen numbers them: related entries, then
    /// partners to signpost to, then the partner that provides a service (if not listed yet).
    /// Ids the catalogue does not know are skipped (`check` reports them).
    pub fn links(&self, key: EntryKey) -> Vec<Link> {
        let (related, signpost): (&[String], &[String]) = match self.entry(key) {
            Some(Entry::Service(s)) => (&s.related, &s.signpost),
            Some(Entry::Faq(f)) => (&f.related, &[]),
            _ => (&[], &[]),
        };
        let mut links = Vec::new();
        let named = |ids: &[String], relation| {
            ids.iter()
                .filter_map(|id| self.find(id))
                .map(move |key| Link { key, relation })
                .collect::<Vec<_>>()
        };
        links.extend(named(related, Relation::Related));
        links.extend(named(signpost, Relation::SignpostTo));
        if let Some(Entry::Service(s)) = self.entry(key)
            && let Some(partner) = self.find(&s.provider).filter(|k| k.kind == Kind::Partner)
            && !links.iter().any(|l| l.key == partner)
        {
            links.push(Link {
                key: partner,
                relation: Relation::ProvidedBy,
            });
        }
        links
    }
}
