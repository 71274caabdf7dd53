//! The note check as a whole: every kind through the public API, the catalogue's own contact
//! details, merging, messages and redaction. Each recogniser's finer cases are beside it.

use super::*;

fn found(text: &str) -> Vec<(PersonalData, &str)> {
    find_personal_data(text)
        .into_iter()
        .map(|f| (f.kind, &text[f.range]))
        .collect()
}

fn only(text: &str, kind: PersonalData, what: &str) {
    assert_eq!(found(text), [(kind, what)], "in {text:?}");
}

#[test]
fn every_kind_is_found_and_named() {
    use PersonalData::*;
    only("call back 07700.900.461 pls", PhoneNumber, "07700.900.461");
    only(
        "email jo.bloggs at gmail dot com",
        Email,
        "jo.bloggs at gmail dot com",
    );
    only("emailed dave＠example．com", Email, "dave＠example．com");
    only("NI AB-12-34-56-C", NationalInsuranceNumber, "AB-12-34-56-C");
    only("bin missed, postcode LS6 3HN", Postcode, "LS6 3HN");
    only("DOB 3.4.79", DateOfBirth, "3.4.79");
    only("Mrs Jones asked about her bin", Name, "Mrs Jones");
    only("missed bin at 7 Orchard Close", Address, "7 Orchard Close");
    only("council tax account 50012345", AccountReference, "50012345");
    only("sort code 309457", BankDetails, "309457");
    only(
        "card no 4661-3186-0913-9090",
        CardNumber,
        "4661-3186-0913-9090",
    );
    only(
        "IBAN GB93 NWBK 5957 1177 7741 21",
        Iban,
        "GB93 NWBK 5957 1177 7741 21",
    );
    only("NHS number 452 917 0349", NhsNumber, "452 917 0349");
    only("passport 533401372", IdentityDocument, "533401372");
    only("reg AB12 CDE", VehicleRegistration, "AB12 CDE");
}

#[test]
fn the_issues_false_alarms_pass() {
    for text in [
        "summons dated 12/05/2024",
        "on UC since 1 April 2024",
        "tenancy started 01/04/2015",
        "baby born 3 weeks ago",
        "resident asked about bin day, 3 bags",
        "paid £25",
        "LGSL 526",
        "room 12",
        "ref 2026",
        "9:30",
        "back at 9.30 tomorrow",
        "appointment booked 14/12/2026",
        "letter dated 3 March 2025",
        "appt 2/1/27",
        "sofa and 2 chairs, 3rd floor flat",
        "collection 12/03",
        "form CTR1 version 1.2.3",
        "A4 2pm",
        "Samaritans 116 123",
        "Shelter 0808 800 4444",
        "paid 12.50 for 2 items",
        "council tax band D, 4 people",
        "missed bin on Mill Lane",
    ] {
        assert_eq!(found(text), [], "in {text:?}");
    }
}

#[test]
fn the_catalogues_own_contact_details_are_not_personal() {
    let check = NoteCheck::new([
        "01632 960000",
        "info@foodbank.example.com",
        "Advice Centre, 14 High Street, Exampleton",
    ]);
    for text in [
        "gave the switchboard 01632 960000",
        "switchboard +44 1632 960000",
        "switchboard 01632-960-000",
        "emailed info@foodbank.example.com for her",
        "info (at) foodbank (dot) example (dot) com",
        "went to the Advice Centre at 14 High Street",
    ] {
        assert_eq!(check.find(text), [], "in {text:?}");
    }
    // The same note without the catalogue, and other numbers with it, are still refused.
    assert_eq!(found("gave the switchboard 01632 960000").len(), 1);
    assert_eq!(check.find("call her on 01632 960001").len(), 1);
    assert_eq!(check.find("lives at 14 High Street North").len(), 1);
}

#[test]
fn several_kinds_are_found_in_order_described_and_redacted() {
    let text = "jo@example.com, 07700 900123, SW1A 1AA";
    let findings = find_personal_data(text);
    assert_eq!(
        kinds(&findings),
        [
            PersonalData::Email,
            PersonalData::PhoneNumber,
            PersonalData::Postcode
        ]
    );
    assert_eq!(
        describe(&kinds(&findings)),
        "an email address, a phone number and a postcode"
    );
    assert_eq!(
        redact_findings(text, &findings),
        "[email address removed], [phone number removed], [postcode removed]"
    );
}

#[test]
fn redact_replaces_each_finding_and_keeps_the_rest() {
    assert_eq!(
        redact("call 07700 900123 about the bin"),
        "call [phone number removed] about the bin"
    );
    assert_eq!(
        redact("nothing personal, 3 bags"),
        "nothing personal, 3 bags"
    );
    assert_eq!(
        redact("NI AB123456C"),
        "NI [National Insurance number removed]"
    );
    assert_eq!(
        redact("Mrs Patel, dob 12/03/1985, 14 Acacia Avenue"),
        "[name removed], dob [date of birth removed], [address removed]"
    );
    assert_eq!(
        redact("emailed dave＠example．com today"),
        "emailed [email address removed] today"
    );
}

#[test]
fn overlapping_findings_become_one_named_by_the_most_specific() {
    // Ten digits starting 7 look like a mobile without its 0, but the NHS check digit holds.
    let text = "her NHS number is 7307924404";
    assert_eq!(found(text), [(PersonalData::NhsNumber, "7307924404")]);
    let text = "Flat 2, 31 Mill Lane";
    assert_eq!(
        found(text),
        [(PersonalData::Address, "Flat 2, 31 Mill Lane")]
    );
}

#[test]
fn odd_text_never_panics() {
    for text in [
        "",
        "é@é",
        "+44",
        "0",
        "£££ 07700 ٩٩٩",
        "\u{0}\u{10FFFF}",
        "dob",
        "1/1/1",
        "＠＠＠．．．",
        "Mr",
        "Mrs ",
        "flat 1,",
        "name is",
        "born",
        "sort code",
        "IBAN",
        "passport",
        "reg",
        "client",
        "\u{FF10}\u{FF17}\u{FF17}\u{FF10}\u{FF10} 900123",
    ] {
        let findings = find_personal_data(text);
        let _ = redact_findings(text, &findings);
    }
}

#[test]
fn full_width_digits_are_read_as_digits() {
    let text = "call ０７７００ ９００１２３";
    assert_eq!(
        found(text),
        [(PersonalData::PhoneNumber, "０７７００ ９００１２３")]
    );
}
