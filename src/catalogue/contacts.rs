//! The contact details the catalogue publishes. A receptionist may write any of them in a visit
//! note ("gave the switchboard 01632 960000"): they belong to organisations, not residents.

use super::Catalogue;

impl Catalogue {
    /// Every phone number, email address and postal address in the catalogue: the council's,
    /// other public bodies', services' and partners'.
    pub fn contact_details(&self) -> Vec<&str> {
        let council = [&self.council.phone, &self.council.address];
        let bodies = self.bodies.iter().map(|b| &b.phone);
        let services = self.services.iter().map(|s| &s.phone);
        let partners = self
            .partners
            .iter()
            .flat_map(|p| [&p.phone, &p.email, &p.address]);
        council
            .into_iter()
            .chain(bodies)
            .chain(services)
            .chain(partners)
            .filter_map(|detail| detail.as_deref())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_catalogue_lists_its_switchboard_and_partners() {
        let catalogue = Catalogue::embedded().expect("the embedded catalogue loads");
        let details = catalogue.contact_details();
        assert!(details.contains(&"01632 960000"));
        assert!(details.contains(&"0808 800 4444"));
        assert!(details.contains(&"info@foodbank.example.com"));
        assert!(details.iter().any(|d| d.contains("14 High Street")));
    }
}
