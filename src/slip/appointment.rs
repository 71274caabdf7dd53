//! The resident's appointment slip: the reference, what for, when, where (name, address and
//! access), what they need and what to bring, and how to change it, as text and as one HTML page
//! (large print, one A4 sheet a language, Welsh first on a bilingual slip). Made from the booking
//! and the catalogue only, so the command line and the desk print the same slip; the booking
//! holds no name or contact detail, so neither does the slip.

use std::fmt::Write;

use super::SlipLanguage;
use super::html::{BILINGUAL_STYLE, STYLE, escape, lang_attribute};
use crate::appointments::{Booking, london};
use crate::catalogue::Catalogue;
use crate::text::appointments as words;
use crate::text::{self, Language};

/// One slip, both ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppointmentSlip {
    pub text: String,
    pub html: String,
}

/// What one language's slip says.
struct Sheet {
    lang: Language,
    title: &'static str,
    /// "Given by ... on ...": the council and the day the booking was made.
    from: String,
    /// Label and value: reference, what for, when, where, address, access, needs.
    rows: Vec<(&'static str, String)>,
    bring_heading: &'static str,
    bring: Vec<String>,
    change: &'static str,
}

/// The slip of `booking` in `language` (a bilingual slip has Welsh first).
pub fn appointment_slip(
    booking: &Booking,
    catalogue: &Catalogue,
    language: SlipLanguage,
) -> AppointmentSlip {
    let sheets: Vec<Sheet> = language
        .languages()
        .iter()
        .map(|lang| sheet(catalogue, booking, *lang))
        .collect();
    let text = sheets
        .iter()
        .map(plain)
        .collect::<Vec<_>>()
        .join(&format!("\n{}\n\n", text::slip::BILINGUAL_DIVIDER));
    AppointmentSlip {
        text,
        html: html(&sheets),
    }
}

fn sheet(catalogue: &Catalogue, booking: &Booking, lang: Language) -> Sheet {
    let w = words::slip_words(lang);
    let welsh = lang == Language::Welsh;
    let service = catalogue.service(&booking.service);
    let service_title = service
        .map(|s| {
            s.cy.as_ref()
                .and_then(|cy| cy.title.clone())
                .filter(|_| welsh)
                .unwrap_or_else(|| s.title.clone())
        })
        .or_else(|| {
            catalogue.partner(&booking.service).map(|p| {
                p.cy.as_ref()
                    .and_then(|cy| cy.name.clone())
                    .filter(|_| welsh)
                    .unwrap_or_else(|| p.name.clone())
            })
        })
        .unwrap_or_else(|| booking.service.clone());
    let place = catalogue.appointments.place(&booking.place);
    let cy = place.and_then(|p| p.cy.as_ref()).filter(|_| welsh);
    let council = match catalogue.council.cy.as_ref().and_then(|c| c.name.clone()) {
        Some(name) if welsh => name,
        _ => catalogue.council.name.clone(),
    };
    let booked_on = london::today(booking.booked_at);
    let mut rows = vec![
        (w.reference, booking.reference.clone()),
        (w.service, service_title),
        (w.when, words::when(lang, booking.at)),
    ];
    match place {
        Some(place) => {
            let name = cy
                .and_then(|c| c.name.clone())
                .unwrap_or_else(|| place.name.clone());
            let address = cy
                .and_then(|c| c.address.clone())
                .unwrap_or_else(|| place.address.clone());
            rows.push((w.place, name));
            rows.push((w.address, address));
            if let Some(access) = cy
                .and_then(|c| c.accessibility.clone())
                .or_else(|| place.accessibility.clone())
            {
                rows.push((w.access, access));
            }
        }
        None => rows.push((w.place, booking.place.clone())),
    }
    if !booking.needs.is_empty() {
        let needs: Vec<String> = booking.needs.iter().map(|n| words::need(lang, n)).collect();
        rows.push((w.needs, needs.join(", ")));
    }
    let bring = match service {
        Some(service) => {
            let welsh_bring = service
                .cy
                .as_ref()
                .map(|cy| &cy.bring)
                .filter(|b| welsh && b.len() == service.bring.len());
            welsh_bring.unwrap_or(&service.bring).clone()
        }
        None => Vec::new(),
    };
    Sheet {
        lang,
        title: w.title,
        from: text::slip::given_by(lang, &council, &text::slip::date(lang, booked_on)),
        rows,
        bring_heading: w.bring,
        bring,
        change: w.change,
    }
}

fn plain(sheet: &Sheet) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "{}", sheet.title);
    let _ = writeln!(text, "{}\n", sheet.from);
    for (label, value) in &sheet.rows {
        let _ = writeln!(text, "{label}{value}");
    }
    if !sheet.bring.is_empty() {
        let _ = writeln!(text, "\n{}", sheet.bring_heading);
        for item in &sheet.bring {
            let _ = writeln!(text, "  - {item}");
        }
    }
    let _ = writeln!(text, "\n{}", sheet.change);
    text
}

/// The appointment's own style, beside the slip's: the reference stands out.
const APPOINTMENT_STYLE: &str = "
.reference { font-size: 24pt; font-weight: bold; letter-spacing: 0.15em; }
dl { margin: 4pt 0; }
dt { font-weight: bold; margin-top: 4pt; }
dd { margin: 0 0 2pt 0; }
";

fn html(sheets: &[Sheet]) -> String {
    let Some(first) = sheets.first() else {
        return String::new();
    };
    let mut page = String::from("<!DOCTYPE html>\n");
    let lang = lang_attribute(first.lang);
    let _ = writeln!(
        page,
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{lang}\" xml:lang=\"{lang}\">\n<head>"
    );
    page.push_str("<meta charset=\"utf-8\" />\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    let titles: Vec<String> = sheets.iter().map(|s| escape(s.title)).collect();
    let _ = writeln!(page, "<title>{}</title>", titles.join(" / "));
    let _ = writeln!(page, "<style>{STYLE}{APPOINTMENT_STYLE}</style>");
    if sheets.len() > 1 {
        let _ = writeln!(page, "<style>{BILINGUAL_STYLE}</style>");
    }
    page.push_str("</head>\n<body>\n");
    for sheet in sheets {
        if sheets.len() > 1 {
            let lang = lang_attribute(sheet.lang);
            let _ = writeln!(
                page,
                "<div class=\"half\" lang=\"{lang}\" xml:lang=\"{lang}\">"
            );
        }
        let _ = writeln!(page, "<h1>{}</h1>", escape(sheet.title));
        let _ = writeln!(page, "<p class=\"from\">{}</p>", escape(&sheet.from));
        page.push_str("<section class=\"appointment\">\n<dl>\n");
        for (n, (label, value)) in sheet.rows.iter().enumerate() {
            let label = label.trim().trim_end_matches(':');
            let class = if n == 0 { " class=\"reference\"" } else { "" };
            let _ = writeln!(
                page,
                "<dt>{}</dt><dd{class}>{}</dd>",
                escape(label),
                escape(value)
            );
        }
        page.push_str("</dl>\n</section>\n");
        if !sheet.bring.is_empty() {
            let _ = writeln!(
                page,
                "<section class=\"bring\">\n<h2>{}</h2>\n<ul>",
                escape(sheet.bring_heading)
            );
            for item in &sheet.bring {
                let _ = writeln!(page, "<li>{}</li>", escape(item));
            }
            page.push_str("</ul>\n</section>\n");
        }
        let _ = writeln!(
            page,
            "<section>\n<p>{}</p>\n</section>",
            escape(sheet.change)
        );
        if sheets.len() > 1 {
            page.push_str("</div>\n");
        }
    }
    page.push_str("</body>\n</html>\n");
    page
}
