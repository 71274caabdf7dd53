//! The Welsh of an entry's words, kept beside the English in one `cy` table per entry:
//!
//! ```toml
//! [[service]]
//! id = "council-tax-pay"
//! title = "Pay your council tax"
//! summary = "Pay by Direct Debit, online, by phone or at a PayPoint."
//!
//! [service.cy]
//! title = "Talu eich Treth Gyngor"
//! summary = "Talu drwy Ddebyd Uniongyrchol, ar-lein, dros y ffôn neu mewn siop PayPoint."
//! ```
//!
//! Each field of a `cy` table is the Welsh of the English field with the same name, so the
//! English model is untouched (everything that reads `title` goes on reading it) and one small
//! struct per kind of entry says which words can have Welsh. Unknown keys are errors, as
//! elsewhere. `check` lists what an entry has in English and not in Welsh.

use serde::{Deserialize, Serialize};

/// The Welsh of a service.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ServiceWelsh {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub say: Option<String>,
    /// Words residents type in Welsh, found like the English keywords.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// One line for each line of `bring`, in the same order.
    #[serde(default)]
    pub bring: Vec<String>,
    #[serde(default)]
    pub eligibility: Option<String>,
    /// The Welsh of `online.label`.
    #[serde(default)]
    pub online_label: Option<String>,
    /// The Welsh web page, when it differs from the English one.
    #[serde(default)]
    pub online_url: Option<String>,
}

/// The Welsh of a partner.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PartnerWelsh {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub eligibility: Option<String>,
    #[serde(default)]
    pub hours_note: Option<String>,
    #[serde(default)]
    pub accessibility: Option<String>,
}

/// The Welsh of an FAQ.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FaqWelsh {
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub answer: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// The Welsh of the council's own words: its name and address, and the line the slip ends
/// with.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CouncilWelsh {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
}

/// The Welsh of a guided script's title and summary.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScriptWelsh {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// False until a Welsh speaker has read the script's Welsh through; `check` says so.
    #[serde(default)]
    pub reviewed: bool,
}

/// The Welsh of one step of a script.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct NodeWelsh {
    #[serde(default)]
    pub say: Option<String>,
    #[serde(default)]
    pub tell: Option<String>,
    #[serde(default)]
    pub question: Option<String>,
    /// One label for each option, in the same order.
    #[serde(default)]
    pub options: Vec<String>,
    /// The Welsh of `urgent.now`.
    #[serde(default)]
    pub now: Option<String>,
    /// The Welsh of `end.tell`.
    #[serde(default)]
    pub end_tell: Option<String>,
    /// One line for each line of `end.checklist`, in the same order.
    #[serde(default)]
    pub checklist: Vec<String>,
}

/// The Welsh when it is wanted and written, else the English.
pub fn pick<'a>(in_welsh: bool, english: &'a str, welsh: Option<&'a String>) -> &'a str {
    match welsh {
        Some(w) if in_welsh && !w.trim().is_empty() => w,
        _ => english,
    }
}
