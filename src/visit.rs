//! A face-to-face visit: what the resident came for, how it ended, and why they could not do it
//! online. A visit holds no personal data: there is no field for a name, an address, a date of
//! birth, a phone number or an email address.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub mod fields;
mod validity;
pub use fields::{CHOICE_FIELDS, ChoiceField, Choices};
pub use validity::{Invalid, Label, personal_data_in, personal_data_in_label, redact_note};

/// The longest note a visit may carry, in characters: a note is a short remark, not a case file.
pub const NOTE_MAX_CHARS: usize = 500;

/// A value typed on the command line (or read from a file) that is not one of the allowed words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{value}' is not {what}; use one of: {}", .valid.join(", "))]
pub struct UnknownValue {
    /// What was given.
    pub value: String,
    /// What it should have been, with its article: "an outcome".
    pub what: &'static str,
    /// Every allowed word.
    pub valid: Vec<&'static str>,
}

/// Declares a closed list of words stored and typed as kebab-case text, with a plain label for
/// the screen. Serde, `Display` and `FromStr` all use the same words.
macro_rules! word_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal, $label:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $word)] $variant ),+
        }

        impl $name {
            /// Every value, in the order forms and reports show them.
            pub const ALL: [$name; [$($word),+].len()] = [$($name::$variant),+];

            /// The word stored in the visit log and typed on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// Plain words for the screen.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                let wanted = value.trim();
                $name::ALL
                    .into_iter()
                    .find(|v| v.as_str().eq_ignore_ascii_case(wanted))
                    .ok_or_else(|| UnknownValue {
                        value: value.to_string(),
                        what: $what,
                        valid: $name::ALL.iter().map(|v| v.as_str()).collect(),
                    })
            }
        }
    };
}

word_enum! {
    /// How the visit ended: resolution at first point of contact, or where the resident went next.
    Outcome, "an outcome" {
        Resolved = "resolved", "Resolved",
        Signposted = "signposted", "Signposted",
        Referred = "referred", "Referred",
        Appointment = "appointment", "Appointment made",
        /// Helped to do it online, there and then.
        AssistedDigital = "assisted-digital", "Helped online",
        NotResolved = "not-resolved", "Not resolved",
    }
}

word_enum! {
    /// "Could this have been done online?"
    OnlineAnswer, "an answer to 'could this have been done online?'" {
        Yes = "yes", "Yes",
        No = "no", "No",
        DontKnow = "dont-know", "Don't know",
    }
}

word_enum! {
    /// Why a resident could not, or would not, do it online.
    ExclusionReason, "a reason for not going online" {
        NoDevice = "no-device", "No device",
        NoInternet = "no-internet", "No internet",
        NoSkills = "no-skills", "No skills",
        NoConfidence = "no-confidence", "No confidence",
        Language = "language", "Language",
        Disability = "disability", "Disability",
        PrefersFaceToFace = "prefers-face-to-face", "Prefers face to face",
    }
}

word_enum! {
    /// Why the resident came: value demand (something they need from us) or failure demand
    /// (caused by a failure to do something, or to do it right, before), with its kind.
    Demand, "a kind of demand" {
        Value = "value", "Value",
        ChasingProgress = "chasing-progress", "Chasing progress",
        Clarification = "clarification", "Clarifying something we sent",
        RepeatContact = "repeat-contact", "Repeat contact",
        WrongPlace = "wrong-place", "Wrong place",
        AvailableElsewhere = "available-elsewhere", "Information available elsewhere",
    }
}

impl Demand {
    /// Failure demand: avoidable, had something gone right before.
    pub fn is_failure(self) -> bool {
        self != Demand::Value
    }
}

word_enum! {
    /// How a resident was helped online (assisted digital).
    AssistedHow, "a way of helping online" {
        DoneWithThem = "done-with-them", "Done with them",
        DoneForThem = "done-for-them", "Done for them",
        ShownAndReferred = "shown-and-referred", "Shown how, referred to skills support",
    }
}

word_enum! {
    /// Feedback the resident gave about the council.
    #[derive(Default)]
    Feedback, "a kind of feedback" {
        #[default]
        None = "none", "None",
        Compliment = "compliment", "Compliment",
        Complaint = "complaint", "Complaint",
        Suggestion = "suggestion", "Suggestion",
    }
}

word_enum! {
    /// How a resident was passed on to a partner: told how to contact them (a signpost), or the
    /// council contacted the partner for them (a referral).
    #[derive(Default)]
    PartnerHow, "a way of passing a resident on" {
        #[default]
        Signpost = "signpost", "Signpost",
        Referral = "referral", "Referral",
    }
}

/// A partner the resident was passed on to, for which of the visit's services, how, and, for a
/// partner that asks for it, whether the resident agreed (never who the resident is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerOnVisit {
    /// A catalogue partner id.
    pub partner: String,
    pub how: PartnerHow,
    /// "Has the resident agreed?" (on a referral or a signpost): `None` when it was not asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent: Option<bool>,
    /// The place, from 0, of the service on the visit the partner was given for (left out of
    /// JSON for the first). Partners logged before this was recorded are the first service's.
    #[serde(skip_serializing_if = "is_first")]
    pub service: usize,
}

fn is_first(position: &usize) -> bool {
    *position == 0
}

impl PartnerOnVisit {
    /// A signpost to `partner`, for the visit's first service.
    pub fn signpost(partner: impl Into<String>) -> PartnerOnVisit {
        PartnerOnVisit {
            partner: partner.into(),
            how: PartnerHow::Signpost,
            consent: None,
            service: 0,
        }
    }

    /// The same partner, given for the service at `position` on the visit (from 0).
    pub fn for_service(mut self, position: usize) -> PartnerOnVisit {
        self.service = position;
        self
    }
}

/// What a new visit about a service starts with: the demand and the way of helping online last
/// given for it (remembered in the visit log).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDefault {
    pub demand: Option<Demand>,
    pub assisted: Option<AssistedHow>,
}

impl VisitDraft {
    /// What was answered last time for the first of the draft's services that has a remembered
    /// answer: offered beside each field while it is unanswered, never filled in until the
    /// receptionist takes it (so a figure counts what was chosen for this visit).
    pub fn offer(&self, defaults: &BTreeMap<String, ServiceDefault>) -> ServiceDefault {
        self.services
            .iter()
            .find_map(|service| defaults.get(service.trim()))
            .copied()
            .unwrap_or_default()
    }

    /// Takes the answers `offer` holds for the fields still unanswered; what the receptionist
    /// chose is never changed. Returns whether anything was taken.
    pub fn take_offer(&mut self, offer: ServiceDefault) -> bool {
        let mut taken = false;
        if self.demand.is_none() && offer.demand.is_some() {
            self.demand = offer.demand;
            taken = true;
        }
        if self.assisted.is_none() && offer.assisted.is_some() {
            self.assisted = offer.assisted;
            taken = true;
        }
        taken
    }
}

impl From<&str> for PartnerOnVisit {
    fn from(partner: &str) -> Self {
        PartnerOnVisit::signpost(partner)
    }
}

impl From<String> for PartnerOnVisit {
    fn from(partner: String) -> Self {
        PartnerOnVisit::signpost(partner)
    }
}

impl PartialEq<String> for PartnerOnVisit {
    fn eq(&self, partner: &String) -> bool {
        self.partner == *partner
    }
}

impl PartialEq<&str> for PartnerOnVisit {
    fn eq(&self, partner: &&str) -> bool {
        self.partner == *partner
    }
}

/// Reads a partner as written by this version (`{"partner": ..., "how": ...}`) or by earlier
/// ones (the bare id, which was always a signpost).
impl<'de> Deserialize<'de> for PartnerOnVisit {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Id(String),
            Full {
                partner: String,
                #[serde(default)]
                how: PartnerHow,
                #[serde(default)]
                consent: Option<bool>,
                #[serde(default)]
                service: usize,
            },
        }
        Ok(match Written::deserialize(deserializer)? {
            Written::Id(partner) => PartnerOnVisit::signpost(partner),
            Written::Full {
                partner,
                how,
                consent,
                service,
            } => PartnerOnVisit {
                partner,
                how,
                consent,
                service,
            },
        })
    }
}

word_enum! {
    /// A language a resident chose at the desk: the Welsh Language Standards ask that the choice
    /// is recorded and used.
    #[derive(Default)]
    ResidentLanguage, "a language" {
        #[default]
        English = "en", "English",
        Welsh = "cy", "Welsh",
    }
}

/// The languages a resident chose for a visit: to speak in, and to read (the slip, the
/// resident screen).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct LanguageChoice {
    pub spoken: ResidentLanguage,
    pub written: ResidentLanguage,
}

impl LanguageChoice {
    /// The resident speaks and reads this language.
    pub fn both(language: ResidentLanguage) -> LanguageChoice {
        LanguageChoice {
            spoken: language,
            written: language,
        }
    }

    /// English to Welsh and back, spoken and written together.
    pub fn switched(self) -> LanguageChoice {
        LanguageChoice::both(match self.spoken {
            ResidentLanguage::English => ResidentLanguage::Welsh,
            ResidentLanguage::Welsh => ResidentLanguage::English,
        })
    }

    /// True when the resident reads Welsh: the resident screen and the slip show Welsh.
    pub fn reads_welsh(self) -> bool {
        self.written == ResidentLanguage::Welsh
    }
}

/// One service a visit was about, and how it ended for the resident: one thing may be resolved
/// while the resident is signposted for another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceOutcome {
    /// A catalogue service id (a real service or a "not in the catalogue" topic).
    pub service: String,
    pub outcome: Outcome,
    /// The reference of the appointment booked for this service on the visit, when one was
    /// booked at the desk (its outcome is then "appointment made").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking: Option<String>,
}

/// One face-to-face visit, as logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub id: Uuid,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub desk: String,
    /// Staff initials (may be empty).
    pub staff: String,
    /// The services, at least one, in the order they were added, each with its own outcome.
    /// Reports count outcomes per service from these.
    pub services: Vec<ServiceOutcome>,
    /// The outcome chosen for the visit as a whole: every service has it unless it was given
    /// its own. When only per-service outcomes were given, it is the first service's.
    pub outcome: Outcome,
    /// The partners the resident was signposted or referred to, in the order they were added.
    pub partners: Vec<PartnerOnVisit>,
    pub online: Option<OnlineAnswer>,
    pub reasons: Vec<ExclusionReason>,
    pub feedback: Feedback,
    /// Value or failure demand, when the receptionist said.
    #[serde(default)]
    pub demand: Option<Demand>,
    /// How the resident was helped online, when they were.
    #[serde(default)]
    pub assisted: Option<AssistedHow>,
    pub note: Option<String>,
    /// The catalogue version the ids refer to.
    pub catalogue_version: String,
    /// The guided script walked for this visit, if one was.
    /// (Boxed: a visit travels in the desk's actions, which stay small.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<Box<ScriptRecord>>,
    /// The languages the resident chose: English unless the receptionist switched.
    #[serde(default)]
    pub language: LanguageChoice,
    /// The answers to the choice fields ([`CHOICE_FIELDS`]): none on a visit from before them.
    #[serde(default)]
    pub choices: Choices,
    /// How long the resident waited to be called, in seconds, from taking a ticket (or
    /// checking in) to the call: only on a visit logged at the desk that called them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waited_seconds: Option<i64>,
}

/// A guided script walked to its end for a visit: which script, which version of it, and the
/// number keys chosen on the way, so a council can see where its scripts end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScriptRecord {
    pub id: String,
    pub version: String,
    pub path: Vec<u8>,
}

impl ScriptRecord {
    /// The path as stored: the keys joined by commas, as `frontdesk script walk --choose` takes.
    pub fn path_text(&self) -> String {
        self.path
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The path from its stored text; `None` when a part is not a number key.
    pub fn parse_path(text: &str) -> Option<Vec<u8>> {
        if text.trim().is_empty() {
            return Some(Vec::new());
        }
        text.split(',').map(|k| k.trim().parse().ok()).collect()
    }
}

impl Visit {
    /// How long the visit took (zero if the clock went backwards).
    pub fn duration(&self) -> chrono::Duration {
        (self.ended_at - self.started_at).max(chrono::Duration::zero())
    }

    /// The service ids, in order.
    pub fn service_ids(&self) -> Vec<&str> {
        self.services.iter().map(|s| s.service.as_str()).collect()
    }
}

/// A visit being filled in: what the log form holds, and what is kept as a draft when the app
/// stops before it is saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VisitDraft {
    /// The nil id for a new visit (a fresh id is given when it is saved); a visit's own id when
    /// it is being edited.
    pub id: Uuid,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub desk: String,
    pub staff: String,
    pub services: Vec<String>,
    /// The visit's outcome: every service has it unless given its own.
    pub outcome: Option<Outcome>,
    /// Services given an outcome of their own, by id. A service not here has the visit's.
    pub service_outcomes: BTreeMap<String, Outcome>,
    /// The partners chosen, by id: each is a signpost unless it is in `referrals`.
    pub partners: Vec<String>,
    /// Partners the council refers the resident to, by id, with the answer to "Has the
    /// resident agreed?" (`None` until asked). A draft from before referrals has none.
    pub referrals: BTreeMap<String, Option<bool>>,
    /// Signposts to partners that ask for the resident's agreement, by id, with the answer to
    /// "Has the resident agreed?". A signpost not here was not asked.
    pub signpost_consent: BTreeMap<String, bool>,
    /// The service each partner was given for, by partner id and service id. A partner not
    /// here, or whose service is no longer on the visit, is the first service's.
    pub partner_services: BTreeMap<String, String>,
    pub online: Option<OnlineAnswer>,
    pub reasons: Vec<ExclusionReason>,
    pub feedback: Feedback,
    /// Value or failure demand (optional; a service's last one is offered as its default).
    pub demand: Option<Demand>,
    /// How the resident was helped online (optional).
    pub assisted: Option<AssistedHow>,
    pub note: Option<String>,
    pub catalogue_version: String,
    /// The guided script this visit was filled in from, if any.
    pub script: Option<Box<ScriptRecord>>,
    /// The languages the resident chose.
    pub language: LanguageChoice,
    /// The answers to the choice fields ([`CHOICE_FIELDS`]).
    pub choices: Choices,
    /// The appointments booked at the desk on this visit: each booking's reference, by the id
    /// of the service it is for.
    pub bookings: BTreeMap<String, String>,
    /// How long the resident waited to be called, in seconds, when this desk called them.
    pub waited_seconds: Option<i64>,
}

/// Why a draft cannot be saved yet: one thing for the receptionist to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftIncomplete {
    #[error("choose an outcome")]
    NoOutcome,
    #[error("add at least one service")]
    NoService,
    #[error("enter the desk name")]
    NoDesk,
    #[error("shorten the note to {max} characters or fewer (it has {chars})")]
    NoteTooLong { chars: usize, max: usize },
}

impl VisitDraft {
    /// A new, empty visit starting at `started_at`.
    pub fn new(
        started_at: DateTime<Utc>,
        desk: impl Into<String>,
        staff: impl Into<String>,
        catalogue_version: impl Into<String>,
    ) -> VisitDraft {
        VisitDraft {
            started_at,
            ended_at: started_at,
            desk: desk.into(),
            staff: staff.into(),
            catalogue_version: catalogue_version.into(),
            ..VisitDraft::default()
        }
    }

    /// The form for editing a visit already logged.
    pub fn from_visit(visit: &Visit) -> VisitDraft {
        VisitDraft {
            id: visit.id,
            started_at: visit.started_at,
            ended_at: visit.ended_at,
            desk: visit.desk.clone(),
            staff: visit.staff.clone(),
            services: visit.services.iter().map(|s| s.service.clone()).collect(),
            outcome: Some(visit.outcome),
            service_outcomes: visit
                .services
                .iter()
                .filter(|s| s.outcome != visit.outcome)
                .map(|s| (s.service.clone(), s.outcome))
                .collect(),
            partners: visit.partners.iter().map(|p| p.partner.clone()).collect(),
            referrals: visit
                .partners
                .iter()
                .filter(|p| p.how == PartnerHow::Referral)
                .map(|p| (p.partner.clone(), p.consent))
                .collect(),
            signpost_consent: visit
                .partners
                .iter()
                .filter(|p| p.how == PartnerHow::Signpost)
                .filter_map(|p| Some((p.partner.clone(), p.consent?)))
                .collect(),
            partner_services: visit
                .partners
                .iter()
                .filter_map(|p| {
                    let service = visit.services.get(p.service)?;
                    Some((p.partner.clone(), service.service.clone()))
                })
                .collect(),
            online: visit.online,
            reasons: visit.reasons.clone(),
            feedback: visit.feedback,
            demand: visit.demand,
            assisted: visit.assisted,
            note: visit.note.clone(),
            catalogue_version: visit.catalogue_version.clone(),
            script: visit.script.clone(),
            language: visit.language,
            choices: visit.choices.clone(),
            bookings: visit
                .services
                .iter()
                .filter_map(|s| Some((s.service.clone(), s.booking.clone()?)))
                .collect(),
            waited_seconds: visit.waited_seconds,
        }
    }

    /// The outcome `service` has on this visit: its own, or else the visit's.
    pub fn outcome_of(&self, service: &str) -> Option<Outcome> {
        self.service_outcomes
            .get(service.trim())
            .copied()
            .or(self.outcome)
    }

    /// Gives the service at `index` the next outcome (after the one it has now), so one key
    /// steps through them; arriving back at the visit's outcome drops its own.
    pub fn cycle_service_outcome(&mut self, index: usize) {
        let Some(id) = self.services.get(index).cloned() else {
            return;
        };
        let next = match self.outcome_of(&id) {
            Some(now) => {
                let at = Outcome::ALL.iter().position(|o| *o == now).unwrap_or(0);
                Outcome::ALL[(at + 1) % Outcome::ALL.len()]
            }
            None => Outcome::ALL[0],
        };
        if Some(next) == self.outcome {
            self.service_outcomes.remove(id.trim());
        } else {
            self.service_outcomes.insert(id.trim().to_string(), next);
        }
    }

    /// Gives the service at `index` its own `outcome`; the visit's own outcome means it has
    /// none of its own (it follows the visit's).
    pub fn set_service_outcome(&mut self, index: usize, outcome: Outcome) {
        let Some(id) = self.services.get(index) else {
            return;
        };
        let id = id.trim().to_string();
        if Some(outcome) == self.outcome {
            self.service_outcomes.remove(&id);
        } else {
            self.service_outcomes.insert(id, outcome);
        }
    }

    /// How `partner` is passed on, and the resident's answer when it was asked.
    pub fn partner_how(&self, partner: &str) -> (PartnerHow, Option<bool>) {
        let id = partner.trim();
        match self.referrals.get(id) {
            Some(consent) => (PartnerHow::Referral, *consent),
            None => (PartnerHow::Signpost, self.signpost_consent.get(id).copied()),
        }
    }

    /// Adds `partner` as a signpost, or steps a partner already on the visit on: a signpost
    /// becomes a referral; a referral that needs the resident's agreement is asked "Has the
    /// resident agreed?", no and then yes, and then becomes a signpost the resident agreed to
    /// (for a partner that asks for agreement on a signpost too); the last step takes the
    /// partner off the visit.
    pub fn step_partner(&mut self, partner: &str, needs_consent: bool) {
        let id = partner.trim().to_string();
        if !self.partners.iter().any(|p| p.trim() == id) {
            self.partners.push(id);
            return;
        }
        match (self.referrals.get(&id).copied(), needs_consent) {
            (None, _) if self.signpost_consent.contains_key(&id) => self.take_off(&id),
            (None, false) => {
                self.referrals.insert(id, None);
            }
            (None, true) => {
                self.referrals.insert(id, Some(false));
            }
            (Some(Some(false)), true) | (Some(None), true) => {
                self.referrals.insert(id, Some(true));
            }
            (Some(Some(true)), true) => {
                self.referrals.remove(&id);
                self.signpost_consent.insert(id, true);
            }
            (Some(_), _) => self.take_off(&id),
        }
    }

    /// Takes `partner` (trimmed) off the visit, with how and for which service it was given.
    fn take_off(&mut self, id: &str) {
        self.referrals.remove(id);
        self.signpost_consent.remove(id);
        self.partner_services.remove(id);
        self.partners.retain(|p| p.trim() != id);
    }

    /// The service `partner` was given for: its own, or else the visit's first.
    pub fn partner_service(&self, partner: &str) -> Option<&str> {
        let own = self
            .partner_services
            .get(partner.trim())
            .map(|s| s.trim())
            .filter(|own| self.services.iter().any(|s| s.trim() == *own));
        own.or_else(|| self.services.first().map(|s| s.trim()))
    }

    /// Gives `partner` to the service at `index` on the visit (a partner not on the visit, or a
    /// service not there, changes nothing).
    pub fn set_partner_service(&mut self, partner: &str, index: usize) {
        let id = partner.trim();
        if !self.partners.iter().any(|p| p.trim() == id) {
            return;
        }
        if let Some(service) = self.services.get(index) {
            self.partner_services
                .insert(id.to_string(), service.trim().to_string());
        }
    }

    /// Takes the service at `index` (and any outcome of its own) off the visit.
    pub fn remove_service(&mut self, index: usize) {
        if index < self.services.len() {
            let id = self.services.remove(index);
            if !self.services.iter().any(|s| s.trim() == id.trim()) {
                self.service_outcomes.remove(id.trim());
            }
        }
    }

    /// The finished visit, or the one thing still missing.
    ///
    /// A new draft (nil id) gets a fresh time-ordered id. Times are kept to the millisecond, as
    /// the visit log stores them; an end before the start (the clock went backwards) becomes the
    /// start. Ids are trimmed and repeats dropped; a blank note becomes no note. Each service
    /// gets its own outcome or the visit's; with no visit outcome, every service needs its own
    /// and the visit's is the first service's.
    pub fn into_visit(self) -> Result<Visit, DraftIncomplete> {
        let services = clean_ids(self.services);
        let own = |id: &str| self.service_outcomes.get(id).copied();
        let outcome = match self.outcome {
            Some(outcome) => outcome,
            None if !services.is_empty() && services.iter().all(|id| own(id).is_some()) => {
                own(&services[0]).ok_or(DraftIncomplete::NoOutcome)?
            }
            None => return Err(DraftIncomplete::NoOutcome),
        };
        if services.is_empty() {
            return Err(DraftIncomplete::NoService);
        }
        let services: Vec<ServiceOutcome> = services
            .into_iter()
            .map(|service| ServiceOutcome {
                outcome: own(&service).unwrap_or(outcome),
                booking: self.bookings.get(&service).cloned(),
                service,
            })
            .collect();
        let desk = self.desk.trim().to_string();
        if desk.is_empty() {
            return Err(DraftIncomplete::NoDesk);
        }
        let note = self
            .note
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty());
        if let Some(note) = &note {
            let chars = note.chars().count();
            if chars > NOTE_MAX_CHARS {
                return Err(DraftIncomplete::NoteTooLong {
                    chars,
                    max: NOTE_MAX_CHARS,
                });
            }
        }
        let mut reasons = Vec::new();
        for reason in self.reasons {
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        }
        let partners: Vec<PartnerOnVisit> = clean_ids(self.partners)
            .into_iter()
            .map(|partner| {
                let service = self
                    .partner_services
                    .get(&partner)
                    .and_then(|own| services.iter().position(|s| s.service == own.trim()))
                    .unwrap_or(0);
                match self.referrals.get(&partner) {
                    Some(consent) => PartnerOnVisit {
                        partner,
                        how: PartnerHow::Referral,
                        consent: *consent,
                        service,
                    },
                    None => PartnerOnVisit {
                        consent: self.signpost_consent.get(&partner).copied(),
                        ..PartnerOnVisit::signpost(partner).for_service(service)
                    },
                }
            })
            .collect();
        let started_at = self.started_at.trunc_subsecs(3);
        let ended_at = self.ended_at.trunc_subsecs(3).max(started_at);
        Ok(Visit {
            id: if self.id.is_nil() {
                crate::clock::time_ordered_id()
            } else {
                self.id
            },
            started_at,
            ended_at,
            desk,
            staff: self.staff.trim().to_string(),
            services,
            outcome,
            partners,
            online: self.online,
            reasons,
            feedback: self.feedback,
            demand: self.demand,
            assisted: self.assisted,
            note,
            catalogue_version: self.catalogue_version,
            script: self.script,
            language: self.language,
            choices: self.choices.known(),
            waited_seconds: self.waited_seconds.map(|s| s.max(0)),
        })
    }
}

fn clean_ids(ids: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(ids.len());
    for id in ids {
        let id = id.trim();
        if !id.is_empty() && !out.iter().any(|o| o == id) {
            out.push(id.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn words_round_trip_through_display_fromstr_and_serde() {
        for outcome in Outcome::ALL {
            assert_eq!(outcome.to_string().parse::<Outcome>(), Ok(outcome));
            assert_eq!(
                serde_json::to_string(&outcome).unwrap(),
                format!("\"{outcome}\"")
            );
        }
        for answer in OnlineAnswer::ALL {
            assert_eq!(answer.as_str().parse::<OnlineAnswer>(), Ok(answer));
            assert_eq!(
                serde_json::to_string(&answer).unwrap(),
                format!("\"{answer}\"")
            );
        }
        for reason in ExclusionReason::ALL {
            assert_eq!(reason.as_str().parse::<ExclusionReason>(), Ok(reason));
            assert_eq!(
                serde_json::to_string(&reason).unwrap(),
                format!("\"{reason}\"")
            );
        }
        for feedback in Feedback::ALL {
            assert_eq!(feedback.as_str().parse::<Feedback>(), Ok(feedback));
        }
    }

    #[test]
    fn the_words_are_the_ones_the_issue_names() {
        let words: Vec<_> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
        assert_eq!(
            words,
            [
                "resolved",
                "signposted",
                "referred",
                "appointment",
                "assisted-digital",
                "not-resolved"
            ]
        );
        assert_eq!(OnlineAnswer::DontKnow.as_str(), "dont-know");
        assert_eq!(
            ExclusionReason::PrefersFaceToFace.as_str(),
            "prefers-face-to-face"
        );
        assert_eq!(ExclusionReason::ALL.len(), 7);
        assert_eq!(Feedback::default(), Feedback::None);
        assert_eq!(Outcome::AssistedDigital.label(), "Helped online");
        assert_eq!(Outcome::Appointment.label(), "Appointment made");
    }

    #[test]
    fn a_bad_word_names_itself_and_every_valid_one() {
        let error = "solved".parse::<Outcome>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "'solved' is not an outcome; use one of: resolved, signposted, referred, appointment, assisted-digital, not-resolved"
        );
        let error = "maybe".parse::<OnlineAnswer>().unwrap_err();
        assert!(error.to_string().contains("use one of: yes, no, dont-know"));
        assert!("".parse::<Feedback>().is_err());
    }

    #[test]
    fn parsing_forgives_case_and_surrounding_spaces() {
        assert_eq!(" Resolved ".parse::<Outcome>(), Ok(Outcome::Resolved));
        assert_eq!(
            "NO-DEVICE".parse::<ExclusionReason>(),
            Ok(ExclusionReason::NoDevice)
        );
    }

    fn start() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 12, 9, 30, 0).unwrap()
    }

    #[test]
    fn a_draft_needs_an_outcome_then_a_service() {
        let mut draft = VisitDraft::new(start(), "Main desk", "AB", "2026.11");
        assert_eq!(
            draft.clone().into_visit().unwrap_err().to_string(),
            "choose an outcome"
        );
        draft.outcome = Some(Outcome::Resolved);
        assert_eq!(
            draft.clone().into_visit().unwrap_err().to_string(),
            "add at least one service"
        );
        draft.services = vec!["  ".into()];
        assert_eq!(draft.clone().into_visit(), Err(DraftIncomplete::NoService));
        draft.services = vec!["council-tax".into()];
        let visit = draft.into_visit().unwrap();
        assert_eq!(visit.outcome, Outcome::Resolved);
        assert!(!visit.id.is_nil());
        assert_eq!(visit.id.get_version_num(), 7);
    }

    #[test]
    fn a_draft_is_tidied_into_a_visit() {
        let mut draft = VisitDraft::new(start(), " Main desk ", " AB ", "2026.11");
        draft.ended_at = start() + chrono::Duration::nanoseconds(95_123_456_789);
        draft.outcome = Some(Outcome::Signposted);
        draft.services = vec!["council-tax".into(), " council-tax".into(), "bins".into()];
        draft.partners = vec!["citizens-advice".into(), "citizens-advice".into()];
        draft.reasons = vec![ExclusionReason::NoDevice, ExclusionReason::NoDevice];
        draft.note = Some("   ".into());
        let visit = draft.into_visit().unwrap();
        assert_eq!(visit.desk, "Main desk");
        assert_eq!(visit.staff, "AB");
        assert_eq!(visit.service_ids(), ["council-tax", "bins"]);
        assert_eq!(visit.partners, ["citizens-advice"]);
        assert_eq!(visit.reasons, [ExclusionReason::NoDevice]);
        assert_eq!(visit.note, None);
        assert_eq!(visit.duration(), chrono::Duration::milliseconds(95_123));
    }

    #[test]
    fn an_end_before_the_start_becomes_the_start() {
        let mut draft = VisitDraft::new(start(), "Desk", "", "v1");
        draft.ended_at = start() - chrono::Duration::seconds(5);
        draft.outcome = Some(Outcome::Resolved);
        draft.services = vec!["a".into()];
        let visit = draft.into_visit().unwrap();
        assert_eq!(visit.ended_at, visit.started_at);
        assert_eq!(visit.duration(), chrono::Duration::zero());
    }

    #[test]
    fn an_edited_visit_keeps_its_id_and_a_long_note_is_refused() {
        let mut draft = VisitDraft::new(start(), "Desk", "", "v1");
        draft.outcome = Some(Outcome::Referred);
        draft.services = vec!["a".into()];
        let visit = draft.into_visit().unwrap();
        let mut edit = VisitDraft::from_visit(&visit);
        edit.outcome = Some(Outcome::Resolved);
        let edited = edit.clone().into_visit().unwrap();
        assert_eq!(edited.id, visit.id);
        assert_eq!(edited.outcome, Outcome::Resolved);

        edit.note = Some("x".repeat(NOTE_MAX_CHARS + 1));
        assert_eq!(
            edit.into_visit().unwrap_err().to_string(),
            "shorten the note to 500 characters or fewer (it has 501)"
        );
        let mut no_desk = VisitDraft::new(start(), " ", "", "v1");
        no_desk.outcome = Some(Outcome::Resolved);
        no_desk.services = vec!["a".into()];
        assert_eq!(no_desk.into_visit(), Err(DraftIncomplete::NoDesk));
    }

    #[test]
    fn each_service_has_the_visits_outcome_unless_given_its_own() {
        let mut draft = VisitDraft::new(start(), "Desk", "", "v1");
        draft.services = vec!["council-tax".into(), "homelessness".into()];
        draft.outcome = Some(Outcome::Resolved);
        let plain = draft.clone().into_visit().unwrap();
        let outcomes: Vec<_> = plain.services.iter().map(|s| s.outcome).collect();
        assert_eq!(outcomes, [Outcome::Resolved, Outcome::Resolved]);

        // One key on the second service steps it to the next outcome.
        draft.cycle_service_outcome(1);
        assert_eq!(draft.outcome_of("homelessness"), Some(Outcome::Signposted));
        assert_eq!(draft.outcome_of("council-tax"), Some(Outcome::Resolved));
        let mixed = draft.clone().into_visit().unwrap();
        assert_eq!(mixed.outcome, Outcome::Resolved);
        assert_eq!(
            mixed.services,
            [
                ServiceOutcome {
                    service: "council-tax".into(),
                    outcome: Outcome::Resolved,
                    booking: None,
                },
                ServiceOutcome {
                    service: "homelessness".into(),
                    outcome: Outcome::Signposted,
                    booking: None,
                },
            ]
        );
        // Editing the visit brings back the same per-service outcomes.
        let edit = VisitDraft::from_visit(&mixed);
        assert_eq!(edit.service_outcomes.len(), 1);
        assert_eq!(edit.into_visit().unwrap().services, mixed.services);

        // Stepping all the way round comes back to the visit's outcome, with nothing of its own.
        for _ in 1..Outcome::ALL.len() {
            draft.cycle_service_outcome(1);
        }
        assert!(draft.service_outcomes.is_empty());
        // Changing the visit's outcome changes every service without its own.
        draft.cycle_service_outcome(0);
        draft.outcome = Some(Outcome::Referred);
        let visit = draft.clone().into_visit().unwrap();
        let outcomes: Vec<_> = visit.services.iter().map(|s| s.outcome).collect();
        assert_eq!(outcomes, [Outcome::Signposted, Outcome::Referred]);
        // Removing a service forgets its own outcome.
        draft.remove_service(0);
        assert!(draft.service_outcomes.is_empty());
        draft.remove_service(7);
        assert_eq!(draft.services, ["homelessness"]);
    }

    #[test]
    fn with_no_visit_outcome_every_service_needs_its_own() {
        let mut draft = VisitDraft::new(start(), "Desk", "", "v1");
        draft.services = vec!["council-tax".into(), "homelessness".into()];
        draft
            .service_outcomes
            .insert("homelessness".into(), Outcome::Referred);
        assert_eq!(draft.clone().into_visit(), Err(DraftIncomplete::NoOutcome));
        draft
            .service_outcomes
            .insert("council-tax".into(), Outcome::AssistedDigital);
        let visit = draft.into_visit().unwrap();
        assert_eq!(
            visit.outcome,
            Outcome::AssistedDigital,
            "the first service's"
        );
        assert_eq!(visit.services[1].outcome, Outcome::Referred);
    }

    #[test]
    fn a_visit_in_json_names_each_service_with_its_outcome() {
        let mut draft = VisitDraft::new(start(), "Desk", "", "v1");
        draft.services = vec!["bins".into()];
        draft.outcome = Some(Outcome::Signposted);
        let json = serde_json::to_value(draft.into_visit().unwrap()).unwrap();
        assert_eq!(
            json["services"],
            serde_json::json!([{"service": "bins", "outcome": "signposted"}])
        );
        assert_eq!(json["outcome"], "signposted");
    }

    #[test]
    fn a_draft_survives_json_even_when_fields_are_missing() {
        let mut draft = VisitDraft::new(start(), "Desk", "AB", "v1");
        draft.services = vec!["council-tax".into()];
        draft.note = Some("asked about bin day".into());
        let json = serde_json::to_string(&draft).unwrap();
        assert_eq!(serde_json::from_str::<VisitDraft>(&json).unwrap(), draft);
        let partial: VisitDraft = serde_json::from_str(r#"{"services":["bins"]}"#).unwrap();
        assert_eq!(partial.services, ["bins"]);
        assert_eq!(partial.outcome, None);
    }
}
