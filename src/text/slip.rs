//! The words on a resident's slip: plain English, for the resident to read at home.

use super::Language;

/// The fixed words of a slip.
pub struct SlipWords {
    pub title: &'static str,
    pub services_heading: &'static str,
    pub council_heading: &'static str,
    pub help_with: &'static str,
    pub phone: &'static str,
    pub address: &'static str,
    pub website: &'static str,
    pub open: &'static str,
    pub online: &'static str,
    pub scan: &'static str,
    pub closed_on: &'static str,
}

pub fn words(lang: Language) -> &'static SlipWords {
    match lang {
        Language::English => &SlipWords {
            title: "Where to get help",
            services_heading: "Council services",
            council_heading: "Contact the council",
            help_with: "They help with: ",
            phone: "Phone: ",
            address: "Address: ",
            website: "Website: ",
            open: "Open: ",
            online: "Online: ",
            scan: "Scan with your phone's camera to open the website",
            closed_on: "Closed on: ",
        },
    }
}

/// The line under the title: who gave the slip, and when.
pub fn given_by(lang: Language, council: &str, date: &str) -> String {
    match lang {
        Language::English => format!("From {council}, {date}"),
    }
}

/// The date as written on a slip: "30 November 2026".
pub fn date(lang: Language, date: chrono::NaiveDate) -> String {
    match lang {
        Language::English => date.format("%-d %B %Y").to_string(),
    }
}

/// A closed date on a slip: "Friday 25 December".
pub fn closed_date(lang: Language, date: chrono::NaiveDate) -> String {
    match lang {
        Language::English => date.format("%A %-d %B").to_string(),
    }
}

/// The QR code's description for screen readers: "QR code for https://...".
pub fn qr_label(lang: Language, url: &str) -> String {
    match lang {
        Language::English => format!("QR code for {url}"),
    }
}
