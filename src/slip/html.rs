//! The slip as one HTML page that prints on one A4 sheet from any browser, for up to three
//! partners: large print (body text 14pt), black on white, each web address with a QR code as
//! inline SVG. The markup is also well-formed XML (XHTML), so any XML parser can check it.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use super::{Place, Slip};
use crate::text;

/// The page's style: A4, large print, no colour needed, nothing split across pages.
const STYLE: &str = "
@page { size: A4; margin: 10mm 12mm; }
html { background: #fff; color: #000; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 14pt; line-height: 1.25; margin: 0; }
h1 { font-size: 22pt; margin: 0; }
h2 { font-size: 16pt; margin: 0 0 2pt 0; }
p { margin: 0 0 2pt 0; }
.from { margin-bottom: 4pt; }
section { border-top: 1.5pt solid #000; padding: 4pt 0 3pt 0; overflow: hidden; break-inside: avoid; page-break-inside: avoid; }
.columns { display: table; width: 100%; border-spacing: 0; }
.columns > section { display: table-cell; width: 50%; vertical-align: top; padding-right: 6pt; }
.qr { float: right; width: 27mm; margin: 0 0 2pt 8pt; text-align: center; font-size: 9pt; line-height: 1.1; }
.qr svg { width: 27mm; height: 27mm; display: block; }
.label { font-weight: bold; }
.web { overflow-wrap: anywhere; }
@media screen { body { max-width: 186mm; margin: 12mm auto; } }
";

/// A bilingual slip prints each language on its own sheet.
const BILINGUAL_STYLE: &str = "
.half + .half { break-before: page; page-break-before: always; }
@media screen { .half + .half { border-top: 3pt double #000; margin-top: 12pt; padding-top: 8pt; } }
";

fn lang_attribute(lang: crate::text::Language) -> &'static str {
    match lang {
        crate::text::Language::Welsh => "cy-GB",
        crate::text::Language::English => "en-GB",
    }
}

/// The slip as a complete HTML document.
pub fn render(slip: &Slip) -> String {
    render_all(std::slice::from_ref(slip))
}

/// The slip in one or more languages as one HTML document (a bilingual slip: Welsh first); each
/// half carries its own `lang`, so a screen reader speaks each in its language.
pub fn render_all(slips: &[Slip]) -> String {
    let Some(first) = slips.first() else {
        return String::new();
    };
    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n");
    let lang = lang_attribute(first.lang);
    page.push_str(&format!(
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{lang}\" xml:lang=\"{lang}\">\n<head>\n"
    ));
    page.push_str("<meta charset=\"utf-8\" />\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    let titles: Vec<String> = slips
        .iter()
        .map(|s| escape(text::slip::words(s.lang).title))
        .collect();
    page.push_str(&format!("<title>{}</title>\n", titles.join(" / ")));
    page.push_str(&format!("<style>{STYLE}</style>\n"));
    if slips.len() > 1 {
        page.push_str(&format!("<style>{BILINGUAL_STYLE}</style>\n"));
    }
    page.push_str("</head>\n<body>\n");
    for slip in slips {
        if slips.len() > 1 {
            let lang = lang_attribute(slip.lang);
            page.push_str(&format!(
                "<div class=\"half\" lang=\"{lang}\" xml:lang=\"{lang}\">\n"
            ));
        }
        body(&mut page, slip);
        if slips.len() > 1 {
            page.push_str("</div>\n");
        }
    }
    page.push_str("</body>\n</html>\n");
    page
}

/// One language's slip, inside the page's body.
fn body(page: &mut String, slip: &Slip) {
    let words = text::slip::words(slip.lang);
    page.push_str(&format!("<h1>{}</h1>\n", escape(words.title)));
    let from = text::slip::given_by(slip.lang, &slip.council.name, &slip.date);
    page.push_str(&format!("<p class=\"from\">{}</p>\n", escape(&from)));
    if let Some(ticket) = &slip.ticket {
        let line = text::waiting::slip_ticket(slip.lang, ticket);
        page.push_str(&format!(
            "<p class=\"ticket\"><strong>{}</strong></p>\n",
            escape(&line)
        ));
    }
    for (number, partner) in slip.partners.iter().enumerate() {
        page.push_str("<section class=\"partner\">\n");
        page.push_str(&qr_block(slip, partner.website.as_deref()));
        page.push_str(&format!(
            "<h2>{}. {}</h2>\n",
            number + 1,
            escape(&partner.name)
        ));
        place(page, slip, partner);
        page.push_str("</section>\n");
    }
    // The services and the council's own details side by side, to keep to one page.
    page.push_str("<div class=\"columns\">\n");
    if !slip.services.is_empty() {
        page.push_str("<section class=\"services\">\n");
        page.push_str(&format!("<h2>{}</h2>\n", escape(words.services_heading)));
        for service in &slip.services {
            let title = match &service.provider {
                Some(provider) => format!("{} ({provider})", service.title),
                None => service.title.clone(),
            };
            page.push_str(&format!("<p><b>{}</b><br />", escape(&title)));
            let mut parts = Vec::new();
            if let Some(url) = &service.online {
                parts.push(format!(
                    "<span class=\"label\">{}</span><span class=\"web\">{}</span>",
                    escape(words.online),
                    escape(url)
                ));
            }
            if let Some(phone) = &service.phone {
                parts.push(format!(
                    "<span class=\"label\">{}</span>{}",
                    escape(words.phone),
                    escape(phone)
                ));
            }
            page.push_str(&parts.join("<br />"));
            page.push_str("</p>\n");
        }
        page.push_str("</section>\n");
    }
    page.push_str("<section class=\"council\">\n");
    page.push_str(&format!("<h2>{}</h2>\n", escape(words.council_heading)));
    page.push_str(&format!("<p>{}</p>\n", escape(&slip.council.name)));
    place(page, slip, &slip.council);
    page.push_str("</section>\n</div>\n");
}

/// What they help with, phone, address, hours and website, one paragraph each.
fn place(page: &mut String, slip: &Slip, place: &Place) {
    let words = text::slip::words(slip.lang);
    let line = |page: &mut String, label: &str, value: &str| {
        page.push_str(&format!(
            "<p><span class=\"label\">{}</span>{}</p>\n",
            escape(label),
            escape(value)
        ));
    };
    if let Some(help) = &place.help_with {
        line(page, words.help_with, help);
    }
    if let Some(phone) = &place.phone {
        line(page, words.phone, phone);
    }
    if let Some(address) = &place.address {
        line(page, words.address, address);
    }
    // Hours, what to know about them and the days closed: one paragraph.
    let mut open = place.hours.join("; ");
    if let Some(note) = &place.hours_note {
        open = if open.is_empty() {
            note.clone()
        } else {
            format!("{open}. {note}")
        };
    }
    if !open.is_empty() || !place.closed.is_empty() {
        page.push_str("<p>");
        if !open.is_empty() {
            page.push_str(&format!(
                "<span class=\"label\">{}</span>{}",
                escape(words.open),
                escape(&open)
            ));
        }
        if !place.closed.is_empty() {
            if !open.is_empty() {
                page.push(' ');
            }
            page.push_str(&format!(
                "<span class=\"label\">{}</span>{}",
                escape(words.closed_on),
                escape(&place.closed.join(", "))
            ));
        }
        page.push_str("</p>\n");
    }
    if let Some(website) = &place.website {
        page.push_str(&format!(
            "<p><span class=\"label\">{}</span><span class=\"web\">{}</span></p>\n",
            escape(words.website),
            escape(website)
        ));
    }
}

/// The QR code of a web address with a line saying what it is for; nothing without one.
fn qr_block(slip: &Slip, url: Option<&str>) -> String {
    let Some(svg) = url.and_then(|url| qr_svg(url, &text::slip::qr_label(slip.lang, url))) else {
        return String::new();
    };
    let scan = text::slip::words(slip.lang).scan;
    format!("<div class=\"qr\">{svg}<br />{}</div>\n", escape(scan))
}

/// A QR code as an inline SVG element (no XML declaration), labelled for screen readers.
pub fn qr_svg(url: &str, label: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let image = code
        .render::<svg::Color>()
        .module_dimensions(1, 1)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    let start = image.find("<svg")?;
    let svg = &image[start..];
    Some(svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{}\" ", escape(label)),
        1,
    ))
}

/// Text safe inside an element or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML; a catalogue never has them (`check`).
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("Tom & Jerry's <b>\"shop\"</b>"),
            "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;shop&quot;&lt;/b&gt;"
        );
        assert_eq!(escape("a\u{1b}b"), "a\u{FFFD}b");
    }

    #[test]
    fn a_qr_code_is_an_inline_svg_element() {
        let svg = qr_svg("https://example.org", "QR code for https://example.org").unwrap();
        assert!(svg.starts_with("<svg role=\"img\" aria-label=\"QR code for"));
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("<?xml"));
    }
}
