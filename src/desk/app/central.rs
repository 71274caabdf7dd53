//! The central server as the desk sees it: how many visits wait to be synced, and a newer
//! catalogue taken up between visits.

use super::App;
use crate::desk::action::Effect;

impl App {
    /// True from the first search or form of a resident until their visit is saved or
    /// dropped and the screen is back at an empty search.
    pub fn in_a_visit(&self) -> bool {
        self.draft.is_some()
            || self.visit_started.is_some()
            || self.saving
            || self.screens.len() > 1
            || !self.search.query.is_empty()
    }

    /// Switches to the catalogue waiting in [`App::next_catalogue`] when no visit is in hand:
    /// a resident's visit is found, guided and logged with one catalogue from start to end.
    pub(super) fn switch_catalogue_between_visits(&mut self) -> Vec<Effect> {
        if self.next_catalogue.is_none() || self.in_a_visit() {
            return Vec::new();
        }
        let Some(next) = self.next_catalogue.take() else {
            return Vec::new();
        };
        self.catalogue = next;
        self.search.results = self.browse_list();
        self.search.selected = 0;
        self.search.pending = false;
        vec![Effect::CatalogueChanged]
    }
}

impl App {
    /// What waits to be synced, and whether the server could be reached.
    pub(super) fn sync_status(&mut self, state: crate::desk::action::SyncState) -> Vec<Effect> {
        self.sync = Some(state);
        Vec::new()
    }

    /// A newer catalogue from the server, taken up between visits.
    pub(super) fn catalogue_fetched(
        &mut self,
        fetched: crate::desk::action::FetchedCatalogue,
    ) -> Vec<Effect> {
        self.next_catalogue = Some(fetched.0);
        Vec::new()
    }
}
