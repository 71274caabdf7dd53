//! The kinds of personal data, as the desk names them when a note or a label holds one.

use super::Language;
use crate::privacy::{self, PersonalData};

/// One kind: "a phone number", "rhif ffôn".
pub fn kind(lang: Language, kind: PersonalData) -> &'static str {
    match lang {
        Language::English => kind.label(),
        Language::Welsh => match kind {
            PersonalData::Email => "cyfeiriad e-bost",
            PersonalData::PhoneNumber => "rhif ffôn",
            PersonalData::NationalInsuranceNumber => "rhif Yswiriant Gwladol",
            PersonalData::Postcode => "cod post",
            PersonalData::DateOfBirth => "dyddiad geni",
            PersonalData::Name => "enw",
            PersonalData::Address => "cyfeiriad",
            PersonalData::AccountReference => "cyfeirnod cyfrif neu hawliad",
            PersonalData::BankDetails => "manylion banc",
            PersonalData::CardNumber => "rhif cerdyn",
            PersonalData::Iban => "rhif IBAN",
            PersonalData::NhsNumber => "rhif GIG",
            PersonalData::IdentityDocument => "rhif pasbort neu drwydded yrru",
            PersonalData::VehicleRegistration => "rhif cofrestru cerbyd",
        },
    }
}

/// Several kinds in one phrase: "a phone number and a postcode", "rhif ffôn a chod post".
pub fn describe(lang: Language, kinds: &[PersonalData]) -> String {
    match lang {
        Language::English => privacy::describe(kinds),
        Language::Welsh => {
            let names: Vec<String> = kinds.iter().map(|k| kind(lang, *k).to_string()).collect();
            super::welsh::join_and(&names)
        }
    }
}

/// Every kind, for the list of texts.
pub const ALL: [PersonalData; 14] = [
    PersonalData::Email,
    PersonalData::PhoneNumber,
    PersonalData::NationalInsuranceNumber,
    PersonalData::Postcode,
    PersonalData::DateOfBirth,
    PersonalData::Name,
    PersonalData::Address,
    PersonalData::AccountReference,
    PersonalData::BankDetails,
    PersonalData::CardNumber,
    PersonalData::Iban,
    PersonalData::NhsNumber,
    PersonalData::IdentityDocument,
    PersonalData::VehicleRegistration,
];
