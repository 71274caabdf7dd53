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
