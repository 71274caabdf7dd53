//! `frontdesk catalogue review [--as-of DATE]`: every service, partner, FAQ and script whose
//! `review_by` has passed, the one checked longest ago first, each with the public pages to
//! check it against. A script lists the sources of all its ends.

use std::process::ExitCode;

use chrono::NaiveDate;

use crate::catalogue::Catalogue;
use crate::config::Settings;
use crate::printable::printable;

/// One piece of content that is due for review.
#[derive(Debug, PartialEq)]
pub(crate) struct Due {
    pub what: String,
    pub title: String,
    pub review_by: NaiveDate,
    /// When a person last checked it; `None` when never recorded (listed first).
    pub checked: Option<NaiveDate>,
    pub sources: Vec<String>,
}

/// What is due on `as_of`, the oldest checked first (never checked before all), then by
/// review date.
pub(crate) fn due(catalogue: &Catalogue, as_of: NaiveDate) -> Vec<Due> {
    let mut due = Vec::new();
    for service in catalogue.services.iter().filter(|s| s.review_by < as_of) {
        due.push(Due {
            what: format!("service {}", service.id),
            title: service.title.clone(),
            review_by: service.review_by,
            checked: service.checked,
            sources: service.sources.clone(),
        });
    }
    for partner in catalogue.partners.iter().filter(|p| p.review_by < as_of) {
        due.push(Due {
            what: format!("partner {}", partner.id),
            title: partner.name.clone(),
            review_by: partner.review_by,
            checked: partner.checked,
            sources: partner.sources.clone(),
        });
    }
    for faq in catalogue.faqs.iter().filter(|f| f.review_by < as_of) {
        due.push(Due {
            what: format!("FAQ {}", faq.id),
            title: faq.question.clone(),
            review_by: faq.review_by,
            checked: None,
            sources: Vec::new(),
        });
    }
    for script in catalogue.scripts.iter().filter(|s| s.review_by < as_of) {
        let ends: Vec<_> = script.nodes.iter().filter_map(|n| n.end.as_ref()).collect();
        let mut sources: Vec<String> = Vec::new();
        for source in ends.iter().flat_map(|e| &e.sources) {
            if !sources.contains(source) {
                sources.push(source.clone());
            }
        }
        // A script is as old as its least recently checked end.
        let checked = if ends.iter().any(|e| e.checked.is_none()) {
            None
        } else {
            ends.iter().filter_map(|e| e.checked).min()
        };
        due.push(Due {
            what: format!("script {}", script.id),
            title: script.title.clone(),
            review_by: script.review_by,
            checked,
            sources,
        });
    }
    due.sort_by(|a, b| (a.checked, a.review_by, &a.what).cmp(&(b.checked, b.review_by, &b.what)));
    due
}

pub fn run(settings: &Settings, as_of: Option<NaiveDate>) -> anyhow::Result<ExitCode> {
    let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    let catalogue = crate::runtime::load_catalogue(settings)?;
    let due = due(&catalogue, as_of);
    for item in &due {
        let checked = item
            .checked
            .map_or_else(|| "never".to_string(), |d| d.to_string());
        let line = format!(
            "{}: {} (review by {}, last checked {checked})",
            item.what, item.title, item.review_by
        );
        outln!("{}", printable(&line));
        if item.sources.is_empty() {
            outln!("  no sources: add the public pages it rests on");
        }
        for source in &item.sources {
            outln!("  {}", printable(source));
        }
    }
    match due.len() {
        0 => outln!("Nothing is due for review on {as_of}."),
        1 => outln!("1 entry is due for review on {as_of}."),
        n => outln!("{n} entries are due for review on {as_of}."),
    }
    Ok(ExitCode::SUCCESS)
}
