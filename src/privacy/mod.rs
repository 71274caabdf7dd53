//! Personal-data checks for visit notes. A note is a short remark ("asked about bin day"); it must
//! not hold anything that identifies a resident: a name, a home address or postcode, a phone
//! number or email address (obfuscated ones too), a date of birth, a National Insurance, NHS,
//! passport or driving licence number, a council tax or benefit reference, bank or card details,
//! or a vehicle registration.
//!
//! Formats with a checksum are confirmed by it (card numbers by Luhn, IBANs by ISO 13616 mod 97,
//! NHS numbers by mod 11); formats without one count only with the words that give them away
//! ("sort code", "passport", "born", "client ..."). Ordinary notes pass: dates of letters and
//! appointments, times, money, form names, street names without a house number, national
//! helplines, and every phone number, email address and address the catalogue itself lists.

mod address;
mod bank;
mod birth;
mod email;
mod identity;
mod name;
mod phone;
mod reference;
mod spoken;
mod text;
mod vehicle;

use std::collections::HashSet;
use std::ops::Range;

use text::Folded;

/// A kind of personal data a note must not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PersonalData {
    Email,
    PhoneNumber,
    NationalInsuranceNumber,
    Postcode,
    DateOfBirth,
    Name,
    Address,
    /// A council tax, business rates, rent or benefit claim reference, or an account number.
    AccountReference,
    /// A sort code, or an account number given with one.
    BankDetails,
    CardNumber,
    Iban,
    NhsNumber,
    /// A passport, driving licence or residence permit number.
    IdentityDocument,
    VehicleRegistration,
}

impl PersonalData {
    /// With its article, for sentences: "the note looks like it holds a phone number".
    pub fn label(self) -> &'static str {
        match self {
            PersonalData::Email => "an email address",
            PersonalData::PhoneNumber => "a phone number",
            PersonalData::NationalInsuranceNumber => "a National Insurance number",
            PersonalData::Postcode => "a postcode",
            PersonalData::DateOfBirth => "a date of birth",
            PersonalData::Name => "a name",
            PersonalData::Address => "an address",
            PersonalData::AccountReference => "an account or claim reference",
            PersonalData::BankDetails => "bank details",
            PersonalData::CardNumber => "a card number",
            PersonalData::Iban => "an IBAN",
            PersonalData::NhsNumber => "an NHS number",
            PersonalData::IdentityDocument => "a passport or driving licence number",
            PersonalData::VehicleRegistration => "a vehicle registration",
        }
    }

    /// What replaces it in a redacted note: "[phone number removed]".
    pub fn placeholder(self) -> &'static str {
        match self {
            PersonalData::Email => "[email address removed]",
            PersonalData::PhoneNumber => "[phone number removed]",
            PersonalData::NationalInsuranceNumber => "[National Insurance number removed]",
            PersonalData::Postcode => "[postcode removed]",
            PersonalData::DateOfBirth => "[date of birth removed]",
            PersonalData::Name => "[name removed]",
            PersonalData::Address => "[address removed]",
            PersonalData::AccountReference => "[reference removed]",
            PersonalData::BankDetails => "[bank details removed]",
            PersonalData::CardNumber => "[card number removed]",
            PersonalData::Iban => "[IBAN removed]",
            PersonalData::NhsNumber => "[NHS number removed]",
            PersonalData::IdentityDocument => "[document number removed]",
            PersonalData::VehicleRegistration => "[registration removed]",
        }
    }

    /// Which kind names a span two recognisers both found: the more specific one (a checksum or
    /// a telling word beats a mere shape).
    fn precedence(self) -> u8 {
        match self {
            PersonalData::Iban => 0,
            PersonalData::CardNumber => 1,
            PersonalData::NhsNumber => 2,
            PersonalData::NationalInsuranceNumber => 3,
            PersonalData::IdentityDocument => 4,
            PersonalData::BankDetails => 5,
            PersonalData::AccountReference => 6,
            PersonalData::DateOfBirth => 7,
            PersonalData::Email => 8,
            PersonalData::VehicleRegistration => 9,
            PersonalData::Postcode => 10,
            PersonalData::PhoneNumber => 11,
            PersonalData::Address => 12,
            PersonalData::Name => 13,
        }
    }
}

/// Something in a note that looks like personal data, and where it is (a byte range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: PersonalData,
    pub range: Range<usize>,
}

/// The note check. It knows the contact details the catalogue publishes (the council's and its
/// partners' phone numbers, email addresses and addresses): those are never personal, so
/// "gave the switchboard 01632 960000" passes. Without any (`NoteCheck::default()`) it is the
/// stricter check: it also flags the catalogue's own details.
#[derive(Debug, Clone, Default)]
pub struct NoteCheck {
    /// Phone numbers as national digits: "01632 960000" and "+44 1632 960000" are "1632960000".
    numbers: HashSet<String>,
    /// Email addresses and addresses, squashed ("14 high street exampleton").
    texts: Vec<String>,
}

impl NoteCheck {
    /// A check that lets through the given contact details: phone numbers, email addresses,
    /// postal addresses, as the catalogue writes them.
    pub fn new<I, S>(known_contacts: I) -> NoteCheck
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut check = NoteCheck::default();
        for contact in known_contacts {
            let contact = contact.as_ref();
            if let Some(number) = phone::national_number(contact) {
                check.numbers.insert(number);
            }
            let squashed = text::squash(contact);
            if !squashed.is_empty() {
                check.texts.push(squashed);
            }
        }
        check
    }

    /// Everything in `note` that looks like personal data, in order, without overlaps.
    pub fn find(&self, note: &str) -> Vec<Finding> {
        let folded = Folded::new(note);
        let text = folded.text.as_str();
        let mut found = Vec::new();
        // Most kinds hold a digit; a note without one skips them (and never builds their
        // patterns, which matters to a one-off `frontdesk log`).
        let digits = text.bytes().any(|b| b.is_ascii_digit());
        if email::may_hold_one(text) {
            email::find(text, &mut found);
        }
        if digits {
            phone::find(text, &mut found);
            identity::find(text, &mut found);
            bank::find(text, &mut found);
            reference::find(text, &mut found);
            birth::find(text, &mut found);
            vehicle::find(text, &mut found);
        }
        address::find(text, digits, &mut found);
        name::find(text, &mut found);
        found.retain(|finding| !self.is_known(text, finding));
        // Numbers said in words or spaced digit by digit: the recognisers that read digits
        // read the note again with them written as digits.
        if let Some(spoken) = spoken::Spoken::new(text) {
            let said = spoken.text.as_str();
            let mut again = Vec::new();
            phone::find(said, &mut again);
            identity::find(said, &mut again);
            bank::find(said, &mut again);
            reference::find(said, &mut again);
            birth::find(said, &mut again);
            vehicle::find(said, &mut again);
            address::postcodes(said, &mut again);
            again.retain(|finding| !self.is_known(said, finding));
            for mut finding in again {
                finding.range = spoken.original(&finding.range);
                found.push(finding);
            }
        }
        for finding in &mut found {
            finding.range = folded.original(&finding.range);
        }
        merge(found)
    }

    /// The note with each finding replaced by a placeholder such as "[phone number removed]".
    pub fn redact(&self, note: &str) -> String {
        redact_findings(note, &self.find(note))
    }

    /// True when the finding is one of the catalogue's own contact details.
    fn is_known(&self, text: &str, finding: &Finding) -> bool {
        let Some(span) = text.get(finding.range.clone()) else {
            return false;
        };
        match finding.kind {
            PersonalData::PhoneNumber => {
                phone::national_number(span).is_some_and(|n| self.numbers.contains(&n))
            }
            PersonalData::Email | PersonalData::Address | PersonalData::Postcode => {
                let span = match finding.kind {
                    PersonalData::Email => text::squash(&email::canonical(span)),
                    _ => text::squash(span),
                };
                !span.is_empty() && self.texts.iter().any(|known| contains_words(known, &span))
            }
            _ => false,
        }
    }
}

/// True when `words` appears in `haystack` as whole words (both squashed).
fn contains_words(haystack: &str, words: &str) -> bool {
    haystack.match_indices(words).any(|(at, _)| {
        let before_ok = at == 0 || haystack[..at].ends_with(' ');
        let rest = &haystack[at + words.len()..];
        before_ok && (rest.is_empty() || rest.starts_with(' '))
    })
}

/// Everything in `note` that looks like personal data, with no catalogue to vouch for any
/// number: the stricter check, for callers without a catalogue.
pub fn find_personal_data(note: &str) -> Vec<Finding> {
    NoteCheck::default().find(note)
}

/// The personal data in a short label that names the desk or the person at it (a desk name,
/// staff initials): phone numbers, email addresses and identifiers (National Insurance, NHS,
/// passport and licence, card and IBAN), by the same rules as a note, words and spaced digits
/// included. Names and places are what such a label is for, so they are not looked for.
pub fn find_in_label(label: &str) -> Vec<Finding> {
    let folded = Folded::new(label);
    let text = folded.text.as_str();
    let mut found = Vec::new();
    let look = |text: &str, found: &mut Vec<Finding>| {
        if email::may_hold_one(text) {
            email::find(text, found);
        }
        if text.bytes().any(|b| b.is_ascii_digit()) {
            phone::find(text, found);
            identity::find(text, found);
            bank::find(text, found);
        }
    };
    look(text, &mut found);
    if let Some(spoken) = spoken::Spoken::new(text) {
        let mut again = Vec::new();
        look(&spoken.text, &mut again);
        found.extend(again.into_iter().map(|mut f| {
            f.range = spoken.original(&f.range);
            f
        }));
    }
    found.retain(|f| {
        !matches!(
            f.kind,
            PersonalData::BankDetails | PersonalData::AccountReference
        )
    });
    for finding in &mut found {
        finding.range = folded.original(&finding.range);
    }
    merge(found)
}

/// The note with each finding replaced by a placeholder, with no catalogue (see
/// [`find_personal_data`]). A draft kept on disk is redacted this way.
pub fn redact(note: &str) -> String {
    NoteCheck::default().redact(note)
}

/// The note with the given findings (from a check of the same text) replaced.
pub fn redact_findings(text: &str, findings: &[Finding]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for finding in findings {
        let Some(before) = text.get(at..finding.range.start) else {
            continue;
        };
        out.push_str(before);
        out.push_str(finding.kind.placeholder());
        at = finding.range.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

/// The kinds found, each once, in the order they first appear: for messages.
pub fn kinds(findings: &[Finding]) -> Vec<PersonalData> {
    let mut kinds = Vec::new();
    for finding in findings {
        if !kinds.contains(&finding.kind) {
            kinds.push(finding.kind);
        }
    }
    kinds
}

/// "a phone number", "a phone number and a postcode", "an email address, a phone number and a postcode".
pub fn describe(kinds: &[PersonalData]) -> String {
    let labels: Vec<&str> = kinds.iter().map(|k| k.label()).collect();
    match labels.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Sorts findings and folds overlapping ones into one, named by the more specific kind.
fn merge(mut found: Vec<Finding>) -> Vec<Finding> {
    found.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    let mut merged: Vec<Finding> = Vec::with_capacity(found.len());
    for finding in found {
        match merged.last_mut() {
            Some(last) if finding.range.start < last.range.end => {
                last.range.end = last.range.end.max(finding.range.end);
                if finding.kind.precedence() < last.kind.precedence() {
                    last.kind = finding.kind;
                }
            }
            _ => merged.push(finding),
        }
    }
    merged
}

#[cfg(test)]
mod tests;
