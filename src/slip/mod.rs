//! What goes on a resident's slip, the paper they take home: each partner's name, what they help
//! with, phone, address, opening hours and website; for council services the online route and
//! phone; the council's own contact details; the date.
//!
//! A slip is built from catalogue ids and a date only, so it can carry nothing about the
//! resident or the visit: no note, no desk, no staff, no times. [`plain`] (text) and [`html`]
//! render it.

use chrono::NaiveDate;

use crate::catalogue::welsh::pick;
use crate::catalogue::{Catalogue, ClosedDate};
use crate::text::{self, Language};

pub mod appointment;
pub mod html;
pub mod plain;

pub use appointment::{AppointmentSlip, appointment_slip};

/// A partner, or the council: how to reach them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub name: String,
    /// What they help with: the partner's summary.
    pub help_with: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub website: Option<String>,
    /// Opening hours in plain words, one line per set of days.
    pub hours: Vec<String>,
    /// Free words about the hours ("Closed on bank holidays").
    pub hours_note: Option<String>,
    /// The next few dates it is closed, from the slip's date on.
    pub closed: Vec<String>,
}

/// A council (or county, or government) service: how to do it online, or by phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceRoute {
    pub title: String,
    /// Who provides it, when it is not this council.
    pub provider: Option<String>,
    pub online: Option<String>,
    pub phone: Option<String>,
}

/// Everything printed on one slip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub lang: Language,
    /// The date printed on it, as words ("30 November 2026").
    pub date: String,
    pub council: Place,
    pub partners: Vec<Place>,
    pub services: Vec<ServiceRoute>,
    /// The waiting ticket given at the desk ("H3"), printed large near the top.
    pub ticket: Option<String>,
}

/// An id the catalogue does not have as a partner or a service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnknownId {
    Partner(String),
    Service(String),
}

/// The language of a slip: English, Welsh, or both (Welsh first, as Welsh councils print them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SlipLanguage {
    #[default]
    English,
    Welsh,
    Both,
}

impl SlipLanguage {
    /// The languages of its halves, in order.
    pub fn languages(self) -> &'static [Language] {
        match self {
            SlipLanguage::English => &[Language::English],
            SlipLanguage::Welsh => &[Language::Welsh],
            SlipLanguage::Both => &[Language::Welsh, Language::English],
        }
    }

    /// The next choice on the slip screen: English, Cymraeg, both, and round again.
    pub fn next(self) -> SlipLanguage {
        match self {
            SlipLanguage::English => SlipLanguage::Welsh,
            SlipLanguage::Welsh => SlipLanguage::Both,
            SlipLanguage::Both => SlipLanguage::English,
        }
    }

    /// The resident's: Welsh when they read Welsh.
    pub fn of_resident(reads_welsh: bool) -> SlipLanguage {
        if reads_welsh {
            SlipLanguage::Welsh
        } else {
            SlipLanguage::English
        }
    }

    /// "en", "cy" or "both", as `frontdesk slip --language` takes it.
    pub fn from_code(code: &str) -> Option<SlipLanguage> {
        match code.trim().to_ascii_lowercase().as_str() {
            "both" => Some(SlipLanguage::Both),
            other => Language::from_code(other).map(|lang| match lang {
                Language::English => SlipLanguage::English,
                Language::Welsh => SlipLanguage::Welsh,
            }),
        }
    }
}

/// How many closed dates a slip lists.
const CLOSED_DATES_SHOWN: usize = 3;

impl Slip {
    /// The slip for these partners and services on `date`. Ids are trimmed and repeats
    /// dropped; the first id the catalogue does not know is refused.
    pub fn new<P: AsRef<str>, S: AsRef<str>>(
        catalogue: &Catalogue,
        partners: &[P],
        services: &[S],
        date: NaiveDate,
    ) -> Result<Slip, UnknownId> {
        Slip::new_in(Language::English, catalogue, partners, services, date)
    }

    /// The slip in `lang`: in Welsh, each name, summary and title is the catalogue's Welsh
    /// where it has some, else its English.
    pub fn new_in<P: AsRef<str>, S: AsRef<str>>(
        lang: Language,
        catalogue: &Catalogue,
        partners: &[P],
        services: &[S],
        date: NaiveDate,
    ) -> Result<Slip, UnknownId> {
        let welsh = lang == Language::Welsh;
        let mut places = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for id in partners.iter().map(|p| p.as_ref().trim()) {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let partner = catalogue
                .partner(id)
                .ok_or_else(|| UnknownId::Partner(id.to_string()))?;
            let cy = partner.cy.as_ref();
            places.push(Place {
                name: pick(welsh, &partner.name, cy.and_then(|c| c.name.as_ref())).to_string(),
                help_with: Some(
                    pick(welsh, &partner.summary, cy.and_then(|c| c.summary.as_ref())).to_string(),
                ),
                phone: partner.phone.clone(),
                address: partner.address.clone(),
                website: partner.website.clone(),
                hours: text::hours::describe(lang, &partner.hours),
                hours_note: partner.hours_note.as_ref().map(|note| {
                    pick(welsh, note, cy.and_then(|c| c.hours_note.as_ref())).to_string()
                }),
                closed: closed_dates(lang, &partner.closed, date),
            });
        }
        let mut routes = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for id in services.iter().map(|s| s.as_ref().trim()) {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let service = catalogue
                .service(id)
                .ok_or_else(|| UnknownId::Service(id.to_string()))?;
            let provider = catalogue.provider_of(service);
            let cy = service.cy.as_ref();
            routes.push(ServiceRoute {
                title: pick(welsh, &service.title, cy.and_then(|c| c.title.as_ref())).to_string(),
                provider: (!provider.is_us()).then(|| provider.name.to_string()),
                online: service
                    .online
                    .as_ref()
                    .map(|o| o.url.clone())
                    .or(provider.website.map(str::to_string)),
                phone: service.phone.clone().or(provider.phone.map(str::to_string)),
            });
        }
        let council = &catalogue.council;
        let council_cy = council.cy.as_ref();
        Ok(Slip {
            ticket: None,
            lang,
            date: text::slip::date(lang, date),
            council: Place {
                name: pick(
                    welsh,
                    &council.name,
                    council_cy.and_then(|c| c.name.as_ref()),
                )
                .to_string(),
                help_with: None,
                phone: council.phone.clone(),
                address: council.address.as_ref().map(|address| {
                    pick(welsh, address, council_cy.and_then(|c| c.address.as_ref())).to_string()
                }),
                website: council.website.clone(),
                hours: text::hours::describe(lang, &council.hours),
                hours_note: None,
                closed: closed_dates(lang, &council.closed, date),
            },
            partners: places,
            services: routes,
        })
    }

    /// The slip for what a visit names: its partners and its services (topics such as "Other:
    /// government" are not services a resident can contact, so they are left off), in the
    /// language the resident reads.
    pub fn for_visit(
        catalogue: &Catalogue,
        visit: &crate::visit::VisitDraft,
        date: NaiveDate,
    ) -> Result<Slip, UnknownId> {
        let services: Vec<&str> = visit
            .services
            .iter()
            .map(String::as_str)
            .filter(|id| catalogue.service(id).is_some_and(|s| !s.is_topic()))
            .collect();
        // In the language the resident reads.
        let lang = if visit.language.reads_welsh() {
            Language::Welsh
        } else {
            Language::English
        };
        Slip::new_in(lang, catalogue, &visit.partners, &services, date)
    }

    /// True when there is nothing on it but the council's details.
    pub fn is_empty(&self) -> bool {
        self.partners.is_empty() && self.services.is_empty() && self.ticket.is_none()
    }
}

/// The next closed dates on or after `from`, as words.
fn closed_dates(lang: Language, closed: &[ClosedDate], from: NaiveDate) -> Vec<String> {
    let mut dates: Vec<NaiveDate> = closed.iter().map(|c| c.0).filter(|d| *d >= from).collect();
    dates.sort_unstable();
    dates.dedup();
    dates
        .into_iter()
        .take(CLOSED_DATES_SHOWN)
        .map(|d| text::slip::closed_date(lang, d))
        .collect()
}
