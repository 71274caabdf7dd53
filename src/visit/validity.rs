//! What makes a visit valid: one rule for the screen and the `log` command. A draft becomes a
//! visit only when its note holds no personal data, every service and partner it names is in the
//! catalogue, and nothing it needs is missing.

use super::{DraftIncomplete, PartnerHow, Visit, VisitDraft};
use crate::catalogue::{Catalogue, Kind};
use crate::privacy::{self, Finding, PersonalData};

/// Why a draft cannot be saved as a visit: one thing for the receptionist to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    /// The note holds personal data: the kinds found, each once, in order.
    #[error("the note looks like it holds {}", privacy::describe(.0))]
    PersonalData(Vec<PersonalData>),
    /// The desk name or the staff initials hold a phone number, an email address or an
    /// identifier: the field and the kinds found, each once, in order.
    #[error("the {} looks like it holds {}", .0.label(), privacy::describe(.1))]
    PersonalDataInLabel(Label, Vec<PersonalData>),
    /// A service id the catalogue does not have as a service.
    #[error("'{id}' is not a service in the catalogue")]
    UnknownService { id: String },
    /// A partner id the catalogue does not have as a partner.
    #[error("'{id}' is not a partner in the catalogue")]
    UnknownPartner { id: String },
    /// A referral to a partner that takes referrals only with the resident's agreement, and
    /// the resident has not been asked.
    #[error("the resident has not been asked whether they agree to the referral to '{id}'")]
    ConsentNotAsked { id: String },
    #[error(transparent)]
    Incomplete(#[from] DraftIncomplete),
}

/// A short field that names the desk or the person at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Desk,
    Staff,
}

impl Label {
    /// With no article, for sentences: "the desk name looks like ...".
    pub fn label(self) -> &'static str {
        match self {
            Label::Desk => "desk name",
            Label::Staff => "staff initials",
        }
    }
}

/// The personal data in a desk name or staff initials: phone numbers, email addresses and
/// identifiers, by the note's rules. Every check of those fields (the visit, the config file,
/// the environment, `--desk` and `--staff`) goes through here.
pub fn personal_data_in_label(value: &str) -> Vec<PersonalData> {
    privacy::kinds(&privacy::find_in_label(value))
}

impl VisitDraft {
    /// The finished visit, or the first reason it cannot be saved, checked in this order:
    /// personal data in the desk name or staff initials, then in the note (the catalogue's own
    /// contact details are not personal), ids the catalogue does
    /// not know, then anything missing (see [`VisitDraft::into_visit`]).
    pub fn validate(self, catalogue: &Catalogue) -> Result<Visit, Invalid> {
        for (label, value) in [(Label::Desk, &self.desk), (Label::Staff, &self.staff)] {
            let kinds = personal_data_in_label(value);
            if !kinds.is_empty() {
                return Err(Invalid::PersonalDataInLabel(label, kinds));
            }
        }
        if let Some(note) = &self.note {
            let findings = personal_data_in(note, catalogue);
            if !findings.is_empty() {
                return Err(Invalid::PersonalData(privacy::kinds(&findings)));
            }
        }
        let named = |ids: &[String], kind: Kind| {
            ids.iter()
                .map(|id| id.trim())
                .filter(|id| !id.is_empty())
                .find(|id| catalogue.find(id).is_none_or(|key| key.kind != kind))
                .map(str::to_string)
        };
        if let Some(id) = named(&self.services, Kind::Service) {
            return Err(Invalid::UnknownService { id });
        }
        if let Some(id) = named(&self.partners, Kind::Partner) {
            return Err(Invalid::UnknownPartner { id });
        }
        let visit = self.into_visit()?;
        let unasked = visit.partners.iter().find(|p| {
            p.how == PartnerHow::Referral
                && p.consent.is_none()
                && catalogue
                    .partner(&p.partner)
                    .is_some_and(|partner| partner.referral_needs_consent)
        });
        if let Some(p) = unasked {
            return Err(Invalid::ConsentNotAsked {
                id: p.partner.clone(),
            });
        }
        Ok(visit)
    }
}

/// The personal data in a note. Every check of a note, on the screen or the command line, goes
/// through here.
pub fn personal_data_in(note: &str, catalogue: &Catalogue) -> Vec<Finding> {
    privacy::NoteCheck::new(catalogue.contact_details()).find(note)
}

/// The note with its personal data replaced by placeholders such as "[phone number removed]".
pub fn redact_note(note: &str, catalogue: &Catalogue) -> String {
    privacy::redact_findings(note, &personal_data_in(note, catalogue))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::visit::Outcome;
    use chrono::{TimeZone, Utc};

    fn catalogue() -> Catalogue {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue");
        Catalogue::from_dir(&dir).expect("the test catalogue")
    }

    fn draft(services: &[&str], partners: &[&str], note: Option<&str>) -> VisitDraft {
        let start = Utc.with_ymd_and_hms(2026, 11, 23, 10, 15, 0).unwrap();
        VisitDraft {
            services: services.iter().map(|s| s.to_string()).collect(),
            partners: partners.iter().map(|s| s.to_string()).collect(),
            outcome: Some(Outcome::Signposted),
            note: note.map(str::to_string),
            ..VisitDraft::new(start, "Front desk", "AB", "test-1")
        }
    }

    #[test]
    fn a_draft_naming_known_entries_becomes_a_visit() {
        let visit = draft(
            &[" bulky-waste "],
            &["food-bank"],
            Some("asked about sofas"),
        )
        .validate(&catalogue())
        .unwrap();
        assert_eq!(visit.service_ids(), ["bulky-waste"]);
        assert_eq!(visit.partners, ["food-bank"]);
    }

    #[test]
    fn ids_must_be_entries_of_the_right_kind() {
        let catalogue = catalogue();
        for (services, partners, refused) in [
            (
                &["council-tx"][..],
                &[][..],
                Invalid::UnknownService {
                    id: "council-tx".into(),
                },
            ),
            (
                &["citizens-advice"],
                &[],
                Invalid::UnknownService {
                    id: "citizens-advice".into(),
                },
            ),
            (
                &["faq-sofa"],
                &[],
                Invalid::UnknownService {
                    id: "faq-sofa".into(),
                },
            ),
            (
                &["bulky-waste"],
                &["bulky-waste"],
                Invalid::UnknownPartner {
                    id: "bulky-waste".into(),
                },
            ),
        ] {
            assert_eq!(
                draft(services, partners, None).validate(&catalogue),
                Err(refused)
            );
        }
    }

    #[test]
    fn personal_data_is_found_first_then_unknown_ids_then_what_is_missing() {
        let catalogue = catalogue();
        let mut both = draft(&["nope"], &[], Some("call 07700 900123"));
        assert_eq!(
            both.clone().validate(&catalogue),
            Err(Invalid::PersonalData(vec![PersonalData::PhoneNumber]))
        );
        both.note = None;
        both.outcome = None;
        assert_eq!(
            both.clone().validate(&catalogue),
            Err(Invalid::UnknownService { id: "nope".into() })
        );
        both.services.clear();
        assert_eq!(
            both.validate(&catalogue),
            Err(Invalid::Incomplete(DraftIncomplete::NoOutcome))
        );
    }

    #[test]
    fn a_desk_name_or_initials_with_a_phone_number_email_or_identifier_are_refused() {
        let catalogue = catalogue();
        for (desk, staff, refused) in [
            (
                "Desk 07700 900123",
                "AB",
                Invalid::PersonalDataInLabel(Label::Desk, vec![PersonalData::PhoneNumber]),
            ),
            (
                "Main desk",
                "jo@example.com",
                Invalid::PersonalDataInLabel(Label::Staff, vec![PersonalData::Email]),
            ),
            (
                "Main desk",
                "AB123456C",
                Invalid::PersonalDataInLabel(
                    Label::Staff,
                    vec![PersonalData::NationalInsuranceNumber],
                ),
            ),
            (
                "oh seven seven double oh nine hundred one two three",
                "AB",
                Invalid::PersonalDataInLabel(Label::Desk, vec![PersonalData::PhoneNumber]),
            ),
        ] {
            let mut d = draft(&["bulky-waste"], &[], None);
            d.desk = desk.into();
            d.staff = staff.into();
            assert_eq!(d.validate(&catalogue), Err(refused), "{desk} / {staff}");
        }
        // Names and places are what these fields are for.
        for (desk, staff) in [
            ("St Mary's Library desk 2", "Sarah K"),
            ("Reception, 14 High Street", "JB"),
            ("Desk 3", "Mrs Jones"),
        ] {
            let mut d = draft(&["bulky-waste"], &[], None);
            d.desk = desk.into();
            d.staff = staff.into();
            assert!(d.validate(&catalogue).is_ok(), "{desk} / {staff}");
        }
    }

    #[test]
    fn a_redacted_note_passes() {
        let catalogue = catalogue();
        let note = redact_note("call 07700 900123 about bins", &catalogue);
        assert_eq!(note, "call [phone number removed] about bins");
        assert!(personal_data_in(&note, &catalogue).is_empty());
    }
}
