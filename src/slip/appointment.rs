//! The resident's appointment slip: the reference, date, time, place and address of one
//! booking, the needs noted and what to bring, in English or Welsh. Like every slip it names no
//! resident: the reference is all that ties it to the booking. The commands
//! (`frontdesk slip --appointment`) and the desk print the same words.

use chrono::NaiveDate;

use crate::appointments::Booking;
use crate::catalogue::Catalogue;
use crate::text::Language;
use crate::text::appointments as words;

/// The words of one booking's slip in one language: its reference, what for, when, where
/// (the address and the access), the needs noted, what to bring, and how to change it.
pub fn text(catalogue: &Catalogue, booking: &Booking, lang: Language, today: NaiveDate) -> String {
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
    let mut text = String::new();
    let mut line = |s: String| {
        text.push_str(&s);
        text.push('\n');
    };
    line(w.title.to_string());
    line(crate::text::slip::given_by(
        lang,
        &council,
        &crate::text::slip::date(lang, today),
    ));
    line(String::new());
    line(format!("{}{}", w.reference, booking.reference));
    line(format!("{}{}", w.service, service_title));
    line(format!("{}{}", w.when, words::when(lang, booking.at)));
    if let Some(place) = place {
        let name = cy
            .and_then(|c| c.name.clone())
            .unwrap_or_else(|| place.name.clone());
        let address = cy
            .and_then(|c| c.address.clone())
            .unwrap_or_else(|| place.address.clone());
        line(format!("{}{name}", w.place));
        line(format!("{}{address}", w.address));
        if let Some(access) = cy
            .and_then(|c| c.accessibility.clone())
            .or_else(|| place.accessibility.clone())
        {
            line(format!("{}{access}", w.access));
        }
    } else {
        line(format!("{}{}", w.place, booking.place));
    }
    if !booking.needs.is_empty() {
        let needs: Vec<String> = booking.needs.iter().map(|n| words::need(lang, n)).collect();
        line(format!("{}{}", w.needs, needs.join(", ")));
    }
    if let Some(service) = service
        && !service.bring.is_empty()
    {
        let welsh_bring = service
            .cy
            .as_ref()
            .map(|cy| &cy.bring)
            .filter(|b| welsh && b.len() == service.bring.len());
        line(String::new());
        line(w.bring.to_string());
        for item in welsh_bring.unwrap_or(&service.bring) {
            line(format!("  - {item}"));
        }
    }
    line(String::new());
    line(w.change.to_string());
    text
}

/// The slip in each of `languages` in turn, divided as the desk's bilingual slips are.
pub fn text_all(
    catalogue: &Catalogue,
    booking: &Booking,
    languages: &[Language],
    today: NaiveDate,
) -> String {
    let parts: Vec<String> = languages
        .iter()
        .map(|lang| text(catalogue, booking, *lang, today))
        .collect();
    parts.join(&format!("\n{}\n\n", crate::text::slip::BILINGUAL_DIVIDER))
}

/// The slip as a web page to print from a browser: the same words, kept as they are.
pub fn html_all(
    catalogue: &Catalogue,
    booking: &Booking,
    languages: &[Language],
    today: NaiveDate,
) -> String {
    let text = text_all(catalogue, booking, languages, today);
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let title = words::slip_words(languages.first().copied().unwrap_or_default()).title;
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title>\n\
         <style>body{{font-family:sans-serif;font-size:14pt}}pre{{white-space:pre-wrap;font-family:inherit}}</style>\n\
         </head><body><pre>{escaped}</pre></body></html>\n"
    )
}
