//! "Not in the catalogue" topics (`kind = "other"` services): what a visit is logged against
//! when the resident asked about something the catalogue has no entry for. A topic is found only
//! by its words and is never the answer to an urgent situation, so `check` wants:
//!
//! - an id starting `other-`, so a report or a CSV shows it is not a real service (and a service
//!   whose id starts `other-` without `kind = "other"` is warned about);
//! - at least one keyword;
//! - no `urgent = true` (an urgent situation needs a real entry that says what to do now);
//! - no `lgsl` ids (those name real services).

use super::Checker;
use super::raw::Raw;
use crate::catalogue::model::Service;
use crate::catalogue::quoted;

/// The start every topic id has.
const TOPIC_PREFIX: &str = "other-";

pub(super) fn check(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, service: &Service) {
    if !service.is_topic() {
        if service.id.starts_with(TOPIC_PREFIX) {
            checker.warning(
                &raw.field("id"),
                format!(
                    "id {} looks like a \"not in the catalogue\" topic; add kind = \"other\", or choose an id that does not start {}",
                    quoted(&service.id),
                    quoted(TOPIC_PREFIX)
                ),
            );
        }
        return;
    }
    let kind = raw.field("kind");
    if !service.id.starts_with(TOPIC_PREFIX) {
        checker.error(
            &raw.field("id"),
            format!(
                "id {} is a kind = \"other\" topic, so it must start {}; rename it, e.g. {}",
                quoted(&service.id),
                quoted(TOPIC_PREFIX),
                quoted(&format!("{TOPIC_PREFIX}{}", service.id))
            ),
        );
    }
    if service.keywords.iter().all(|k| k.trim().is_empty()) {
        let site = if raw.value("keywords").is_some() {
            raw.field("keywords")
        } else {
            kind.clone()
        };
        checker.error(
            &site,
            "a kind = \"other\" topic is found only by its words; add keywords residents use, e.g. [\"passport\", \"something else\"]".to_string(),
        );
    }
    if service.urgent {
        checker.error(
            &raw.field("urgent"),
            "a kind = \"other\" topic cannot be urgent; give the urgent situation a service of its own that says what to do now".to_string(),
        );
    }
    if !service.lgsl.is_empty() {
        checker.error(
            &raw.field("lgsl"),
            "lgsl ids name real services, and a kind = \"other\" topic is not one; remove lgsl, or make this a service".to_string(),
        );
    }
}
