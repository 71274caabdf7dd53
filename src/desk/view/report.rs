//! The report's headline as both faces show it: visits, first contact, helped online, failure
//! demand and the median visit length (with how many visits were not timed).

use crate::report::Report;
use crate::text::{self, Language};

/// One figure of the headline: its name, its value ("40%", "-" when there is nothing to count
/// from) and, for a rate, how many visits it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadlineFigure {
    pub label: &'static str,
    pub value: String,
    pub visits: Option<u64>,
}

/// The headline's figures, in order.
pub fn report_headline(report: &Report, lang: Language) -> Vec<HeadlineFigure> {
    let [visits, first_contact, online, failure, median] = text::report::headline_labels(lang);
    let pct = |p: Option<f64>| p.map_or("-".to_string(), |p| format!("{p}%"));
    let figure = |label, value, visits| HeadlineFigure {
        label,
        value,
        visits,
    };
    vec![
        figure(visits, report.visits.to_string(), None),
        figure(
            first_contact,
            pct(report.first_contact_resolution.rate_percent),
            Some(report.first_contact_resolution.visits),
        ),
        figure(
            online,
            pct(report.assisted_digital.rate_percent),
            Some(report.assisted_digital.visits),
        ),
        figure(
            failure,
            pct(report.demand.failure_rate_percent),
            Some(report.demand.failure),
        ),
        figure(
            median,
            text::report::median_text(lang, report.median_minutes, report.length_unknown),
            None,
        ),
    ]
}

/// The report's appointments and waiting as both faces show them: a heading and short
/// phrases, value first ("3 booked", "1 kept (100%)"), to fit two lines of an 80-column screen.
/// The table, CSV, JSON and HTML reports break them down by service, place and hour too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppointmentsView {
    pub heading: &'static str,
    pub figures: Vec<String>,
}

impl AppointmentsView {
    /// The figures as the full screen's line: "3 booked · 1 kept (100%) · ...".
    pub fn line(&self) -> String {
        self.figures.join(" · ")
    }

    /// The heading and figures as one sentence, for the accessible mode.
    pub fn sentence(&self) -> String {
        format!("{}: {}.", self.heading, self.figures.join(", "))
    }
}

/// The period's appointments and waiting, when it has a booking or a ticket.
pub fn report_appointments(report: &Report, lang: Language) -> Option<AppointmentsView> {
    let a = report.appointments.as_ref()?;
    let w = text::appointments::report_words(lang);
    let pct = |p: Option<f64>| p.map_or(String::new(), |p| format!(" ({p}%)"));
    let minutes = |m: Option<f64>| m.map_or("-".to_string(), |m| text::report::minutes(lang, m));
    Some(AppointmentsView {
        heading: w.screen_heading,
        figures: vec![
            format!("{} {}", a.bookings, w.booked),
            format!("{} {}{}", a.kept, w.kept, pct(a.kept_rate_percent)),
            format!("{} {}", a.no_shows, w.no_shows),
            format!("{} {}", a.cancelled, w.cancelled),
            format!(
                "{} {}{}",
                a.by_appointment,
                w.by_appointment_short,
                pct(a.by_appointment_percent)
            ),
            format!("{} {}", a.walk_ins, w.walk_ins),
            format!(
                "{} {} {}, p90 {}",
                w.wait_short,
                w.median,
                minutes(a.waiting.median_minutes),
                minutes(a.waiting.p90_minutes)
            ),
        ],
    })
}
