//! The words on a resident's slip, in English or Welsh, for the resident to read at home.

use chrono::Datelike;

use super::Language;

pub(super) const WELSH_MONTHS: [&str; 12] = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
];

pub(super) const WELSH_DAYS: [&str; 7] = [
    "Dydd Llun",
    "Dydd Mawrth",
    "Dydd Mercher",
    "Dydd Iau",
    "Dydd Gwener",
    "Dydd Sadwrn",
    "Dydd Sul",
];

fn month0(date: chrono::NaiveDate) -> usize {
    (date.month0() as usize).min(11)
}

/// Between the Welsh and the English halves of a bilingual slip.
pub const BILINGUAL_DIVIDER: &str = "— — — — — — — — — — — — — — — — — — — —";

/// The fixed words of a slip.
#[derive(serde::Serialize)]
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
        Language::Welsh => &SlipWords {
            title: "Ble i gael help",
            services_heading: "Gwasanaethau'r cyngor",
            council_heading: "Cysylltu â'r cyngor",
            help_with: "Maen nhw'n helpu gyda: ",
            phone: "Ffôn: ",
            address: "Cyfeiriad: ",
            website: "Gwefan: ",
            open: "Ar agor: ",
            online: "Ar-lein: ",
            scan: "Sganiwch â chamera eich ffôn i agor y wefan",
            closed_on: "Ar gau ar: ",
        },
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
        // No preposition: "gan" would mutate the council's name ("Gan Gyngor ...").
        Language::Welsh => format!("{council}, {date}"),
    }
}

/// The date as written on a slip: "30 November 2026".
pub fn date(lang: Language, date: chrono::NaiveDate) -> String {
    match lang {
        Language::English => date.format("%-d %B %Y").to_string(),
        Language::Welsh => format!(
            "{} {} {}",
            date.day(),
            WELSH_MONTHS[month0(date)],
            date.year()
        ),
    }
}

/// A closed date on a slip: "Friday 25 December".
pub fn closed_date(lang: Language, date: chrono::NaiveDate) -> String {
    match lang {
        Language::English => date.format("%A %-d %B").to_string(),
        Language::Welsh => format!(
            "{} {} {}",
            WELSH_DAYS[date.weekday().num_days_from_monday() as usize],
            date.day(),
            WELSH_MONTHS[month0(date)]
        ),
    }
}

/// The QR code's description for screen readers: "QR code for https://...".
pub fn qr_label(lang: Language, url: &str) -> String {
    match lang {
        Language::English => format!("QR code for {url}"),
        Language::Welsh => format!("Cod QR ar gyfer {url}"),
    }
}
