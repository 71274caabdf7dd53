//! Where the council turns Welsh on (`[council] welsh = true`), each entry missing some of its
//! Welsh ([`crate::catalogue::welsh`]) is a warning, at the entry, naming the fields to add.
//! The council may be in any file, so what is missing is noted as each entry is read and
//! reported once every file has been.

use super::raw::Raw;
use super::references::Section;
use super::{Checker, Site};
use crate::catalogue::model::{Council, Faq, Partner, Service};
use crate::catalogue::quoted;
use crate::catalogue::script::Script;
use crate::catalogue::welsh;

/// One entry missing some Welsh, before it is known whether the council wants Welsh.
#[derive(Debug, Clone)]
pub(super) struct MissingWelsh {
    site: Site,
    message: String,
}

fn note(checker: &mut Checker<'_>, site: Site, what: String, table: &str, fields: &[&str]) {
    if fields.is_empty() {
        return;
    }
    let message = format!(
        "{what} has no Welsh for {}; the council has welsh = true, so add {} under {table}",
        fields.join(", "),
        if fields.len() == 1 { "it" } else { "them" },
    );
    checker
        .ledger
        .missing_welsh
        .push(MissingWelsh { site, message });
}

fn entry_site(raw: &Raw<'_, '_>) -> Site {
    raw.id().map_or_else(|| raw.site(), |(_, site)| site)
}

pub(super) fn council(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, council: &Council) {
    if council.welsh {
        checker.ledger.welsh_on = true;
    }
    let missing = welsh::missing_council(council);
    note(
        checker,
        raw.field("name"),
        "the council".to_string(),
        "[council.cy]",
        &missing,
    );
}

pub(super) fn service(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, service: &Service) {
    let missing = welsh::missing_service(service);
    let what = format!("{} {}", Section::Service.noun(), quoted(&service.id));
    note(checker, entry_site(raw), what, "[service.cy]", &missing);
}

pub(super) fn partner(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, partner: &Partner) {
    let missing = welsh::missing_partner(partner);
    let what = format!("{} {}", Section::Partner.noun(), quoted(&partner.id));
    note(checker, entry_site(raw), what, "[partner.cy]", &missing);
}

pub(super) fn faq(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, faq: &Faq) {
    let missing = welsh::missing_faq(faq);
    let what = format!("{} {}", Section::Faq.noun(), quoted(&faq.id));
    note(checker, entry_site(raw), what, "[faq.cy]", &missing);
}

/// A script's own words and each of its steps'; and Welsh not yet read by a Welsh speaker.
pub(super) fn script(checker: &mut Checker<'_>, raw: &Raw<'_, '_>, script: &Script) {
    let what = format!("script {}", quoted(&script.id));
    let missing = welsh::missing_script(script);
    note(checker, entry_site(raw), what, "[script.cy]", &missing);
    let node_raws = raw.tables("node");
    for (i, node) in script.nodes.iter().enumerate() {
        let site = node_raws
            .get(i)
            .map_or_else(|| raw.site(), |r| r.field("id"));
        let what = format!("step {} of script {}", quoted(&node.id), quoted(&script.id));
        let missing = welsh::missing_node(node);
        note(checker, site, what, "its [script.node.cy]", &missing);
    }
    if let Some(cy) = &script.cy
        && !cy.reviewed
    {
        let site = raw.table("cy").map_or_else(|| raw.site(), |t| t.site());
        checker.ledger.missing_welsh.push(MissingWelsh {
            site,
            message: format!(
                "the Welsh of script {} has not been read by a Welsh speaker; once it has, set reviewed = true under [script.cy]",
                quoted(&script.id)
            ),
        });
    }
}

/// Reports what is missing, when some council turned Welsh on.
pub(super) fn report(checker: &mut Checker<'_>) {
    let missing = std::mem::take(&mut checker.ledger.missing_welsh);
    if !checker.ledger.welsh_on {
        return;
    }
    for MissingWelsh { site, message } in missing {
        checker.warning(&site, message);
    }
}
