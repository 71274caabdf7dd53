//! The content model: what the council and its partners offer, as read from TOML.
//!
//! Every catalogue file has the same shape ([`CatalogueFile`]): any mix of `[council]`,
//! `[[body]]`, `[[service]]`, `[[partner]]`, `[[faq]]`, `[[synonyms]]` and `[[script]]` tables. Loading merges
//! the files of a directory into one [`Catalogue`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::calendar::{ClosedDate, OpeningTimes};
pub(super) use super::calendar::{optional_date, review_date};
use super::welsh::{CouncilWelsh, FaqWelsh, PartnerWelsh, ServiceWelsh};

/// One TOML file of a catalogue directory. Unknown keys are errors, so a typo in a field name is
/// caught by `frontdesk check` instead of silently dropping content.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    pub council: Option<Council>,
    #[serde(default)]
    pub body: Vec<Body>,
    #[serde(default)]
    pub service: Vec<Service>,
    #[serde(default)]
    pub partner: Vec<Partner>,
    #[serde(default)]
    pub faq: Vec<Faq>,
    #[serde(default)]
    pub synonyms: Vec<SynonymGroup>,
    /// Guided scripts ([`super::script`]).
    #[serde(default)]
    pub script: Vec<super::script::Script>,
    /// Steps written once and included by scripts ([`super::script::Block`]); loading copies
    /// them into each script that includes them.
    #[serde(default)]
    pub block: Vec<super::script::Block>,
    /// Named facts (`bin_put_out_time = "7am"`) that any text of the catalogue names as
    /// `{fact:bin_put_out_time}`; loading puts each fact in its place.
    #[serde(default)]
    pub facts: std::collections::BTreeMap<String, String>,
    /// What this file's services and partners carry when they do not say it themselves.
    #[serde(default)]
    pub defaults: Option<FileDefaults>,
    /// Places where residents are seen by appointment ([`super::places`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub place: Vec<super::places::Place>,
    /// The appointments services offer at places ([`super::places`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appointments: Vec<super::places::AppointmentOffer>,
    /// The bank holidays, when no appointments are offered ([`super::places`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_holidays: Option<super::places::BankHolidays>,
}

/// `[defaults]`: the `sources` and `checked` date every service and partner of the file
/// inherits unless it has its own, so a file of entries checked together against the same
/// pages says so once.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FileDefaults {
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default, deserialize_with = "optional_date")]
    pub checked: Option<NaiveDate>,
}

/// The council whose front desk this is ("us").
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Council {
    pub name: String,
    /// Welsh is on: `check` warns about each entry missing its Welsh, and the desk offers the
    /// resident Welsh.
    #[serde(default)]
    pub welsh: bool,
    /// A version label for the content, recorded with every visit (e.g. "2026.11").
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub hours: Vec<OpeningTimes>,
    /// Days the council's offices are shut whatever `hours` say: bank holidays, Christmas.
    #[serde(default)]
    pub closed: Vec<ClosedDate>,
    /// The Welsh of these words ([`super::welsh`]).
    #[serde(default)]
    pub cy: Option<CouncilWelsh>,
}

/// Another public body that provides some services residents ask us about: the county council,
/// a government department, the NHS. Services name it with `provider = "<body id>"`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub id: String,
    pub name: String,
    pub tier: Tier,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub hours: Vec<OpeningTimes>,
}

/// Which kind of organisation provides a service.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    /// This council.
    Council,
    /// The county council (in a two-tier area).
    County,
    /// A government department or agency (DWP, HMRC, DVLA ...).
    Government,
    /// Another public body (NHS, police ...).
    Other,
    /// A partner organisation from the catalogue's partners.
    Partner,
}

impl Tier {
    /// A short label for lists: "us", "county", "government", "other", "partner".
    pub fn label(self) -> &'static str {
        match self {
            Tier::Council => "us",
            Tier::County => "county",
            Tier::Government => "government",
            Tier::Other => "other body",
            Tier::Partner => "partner",
        }
    }
}

/// What a `[[service]]` entry is: a real service, or a "not in the catalogue" topic.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceKind {
    /// A service someone provides (the default).
    #[default]
    Service,
    /// A "not in the catalogue" topic (`kind = "other"`): what a visit is logged against when
    /// the resident asked about something with no entry ("Other: government" for a passport),
    /// so every visit can be logged without free text. Search ranks topics below real entries;
    /// `check` wants their id to start `other-`, keywords, and no `urgent` or `lgsl`.
    Other,
}

/// A service a resident may ask about at the desk.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: String,
    pub title: String,
    /// One or two plain sentences: what this is.
    pub summary: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// A grouping for lists and reports, e.g. "Council tax", "Bins and recycling".
    #[serde(default)]
    pub category: Option<String>,
    /// Who provides it: "council" (this council, the default), a `[[body]]` id, or a partner id.
    #[serde(default = "council_provider")]
    pub provider: String,
    /// Local Government Service List identifiers.
    #[serde(default)]
    pub lgsl: Vec<u32>,
    /// What the receptionist says to the resident.
    #[serde(default)]
    pub say: String,
    /// What the resident must bring or have ready.
    #[serde(default)]
    pub bring: Vec<String>,
    #[serde(default)]
    pub eligibility: Option<String>,
    #[serde(default)]
    pub online: Option<OnlineRoute>,
    #[serde(default)]
    pub phone: Option<String>,
    /// Safeguarding, nowhere safe to stay tonight, someone at risk: never buried in results.
    #[serde(default)]
    pub urgent: bool,
    /// Ids of related services or FAQs.
    #[serde(default)]
    pub related: Vec<String>,
    /// Ids of partners to signpost the resident to.
    #[serde(default)]
    pub signpost: Vec<String>,
    /// `kind = "other"` makes this a "not in the catalogue" topic; leave it out for a service.
    /// (Always written when serialised: the compiled catalogue's format has no optional fields.)
    #[serde(default)]
    pub kind: ServiceKind,
    #[serde(deserialize_with = "review_date")]
    pub review_by: NaiveDate,
    /// The public pages this entry rests on (web addresses); the file's `[defaults]` when empty.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The day a person last checked this entry against its sources.
    #[serde(default, deserialize_with = "optional_date")]
    pub checked: Option<NaiveDate>,
    /// The Welsh of these words ([`super::welsh`]).
    #[serde(default)]
    pub cy: Option<Box<ServiceWelsh>>,
}

impl Service {
    /// True for a "not in the catalogue" topic (`kind = "other"`).
    pub fn is_topic(&self) -> bool {
        self.kind == ServiceKind::Other
    }
}

fn council_provider() -> String {
    "council".to_string()
}

/// How a resident can do this online.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OnlineRoute {
    pub url: String,
    /// Can the resident do it themselves online, start to finish?
    #[serde(default)]
    pub self_serve: bool,
    /// e.g. "Report a missed bin online"
    #[serde(default)]
    pub label: Option<String>,
}

/// An organisation residents are signposted to: Citizens Advice, a food bank, ...
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub id: String,
    pub name: String,
    pub summary: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub hours: Vec<OpeningTimes>,
    /// Free text about hours: "Closed on bank holidays".
    #[serde(default)]
    pub hours_note: Option<String>,
    /// Days closed whatever `hours` say (bank holidays, Christmas): `closed = [2026-12-25]`.
    /// "Open now" and the next opening skip them.
    #[serde(default)]
    pub closed: Vec<ClosedDate>,
    /// How to get help: walk in, phone, online, referral.
    #[serde(default)]
    pub access: Vec<Access>,
    #[serde(default)]
    pub eligibility: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    /// Access for disabled people: step-free entrance, hearing loop, BSL, large print.
    #[serde(default)]
    pub accessibility: Option<String>,
    /// The partner takes a referral from the council only when the resident has agreed to it:
    /// the visit form asks "Has the resident agreed?" and the visit records the answer.
    #[serde(default)]
    pub referral_needs_consent: bool,
    #[serde(default)]
    pub urgent: bool,
    /// A national organisation (real public numbers) rather than a local one.
    #[serde(default)]
    pub national: bool,
    #[serde(deserialize_with = "review_date")]
    pub review_by: NaiveDate,
    /// The public pages this entry rests on (web addresses); the file's `[defaults]` when empty.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The day a person last checked this entry against its sources.
    #[serde(default, deserialize_with = "optional_date")]
    pub checked: Option<NaiveDate>,
    /// The Welsh of these words ([`super::welsh`]).
    #[serde(default)]
    pub cy: Option<PartnerWelsh>,
}

/// How a resident gets help from a partner.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Access {
    WalkIn,
    Phone,
    Online,
    Referral,
    Appointment,
}

impl Access {
    pub fn label(self) -> &'static str {
        match self {
            Access::WalkIn => "walk in",
            Access::Phone => "phone",
            Access::Online => "online",
            Access::Referral => "referral",
            Access::Appointment => "appointment",
        }
    }
}

/// A question residents often ask, with the answer to give.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub id: String,
    pub question: String,
    pub answer: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(deserialize_with = "review_date")]
    pub review_by: NaiveDate,
    /// The Welsh of these words ([`super::welsh`]).
    #[serde(default)]
    pub cy: Option<FaqWelsh>,
}

/// Words and phrases that mean the same thing at the desk: what residents say, the abbreviations
/// staff use and the official names catalogues use. Every word of a group finds the others.
///
/// ```toml
/// [[synonyms]]
/// words = ["council tax reduction", "CTR", "council tax support", "help with council tax"]
/// ```
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SynonymGroup {
    pub words: Vec<String>,
}

/// Which kind of entry a search hit or a link points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Service,
    Partner,
    Faq,
    /// A guided script: found by the search like the others, walked rather than read.
    Script,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Service => "service",
            Kind::Partner => "partner",
            Kind::Faq => "faq",
            Kind::Script => "script",
        }
    }
}
