//! The screens' titles and fixed labels. Titles drawn in a border carry their own spaces.

use super::Language;
use crate::catalogue::{Kind, Relation, Tier};

/// The name of each screen, for the title bar and help.
#[derive(Debug, serde::Serialize)]
pub struct ScreenNames {
    pub search: &'static str,
    pub detail: &'static str,
    pub show_resident: &'static str,
    pub visit_form: &'static str,
    pub today: &'static str,
    pub script: &'static str,
    pub slip: &'static str,
    pub report: &'static str,
    pub help: &'static str,
}

const ENGLISH_NAMES: ScreenNames = ScreenNames {
    search: "Search",
    detail: "Details",
    show_resident: "Show the resident",
    visit_form: "Log the visit",
    today: "Today's visits",
    script: "Script",
    slip: "Slip for the resident",
    report: "Report",
    help: "Help",
};

const WELSH_NAMES: ScreenNames = ScreenNames {
    search: "Chwilio",
    detail: "Manylion",
    show_resident: "Dangos i'r preswylydd",
    visit_form: "Cofnodi'r ymweliad",
    today: "Ymweliadau heddiw",
    script: "Sgript",
    slip: "Slip i'r preswylydd",
    report: "Adroddiad",
    help: "Cymorth",
};

pub fn names(lang: Language) -> &'static ScreenNames {
    match lang {
        Language::English => &ENGLISH_NAMES,
        Language::Welsh => &WELSH_NAMES,
    }
}

/// Words and titles that take no values.
#[derive(Debug, serde::Serialize)]
pub struct Labels {
    pub app_name: &'static str,
    pub draft_flag: &'static str,
    /// Before a warning in the status bar, so colour is not the only sign.
    pub note_word: &'static str,
    /// Before an error in the status bar.
    pub problem_word: &'static str,
    pub search_title: &'static str,
    pub search_hint: &'static str,
    pub no_matches: &'static str,
    pub preview_title: &'static str,
    pub nothing_selected: &'static str,
    pub links_title: &'static str,
    pub urgent: &'static str,
    pub help_title: &'static str,
    pub help_rebind: &'static str,
    pub show_resident_title: &'static str,
    pub online_intro: &'static str,
    pub no_web_address: &'static str,
    pub or_phone: &'static str,
    pub window_too_small_for_qr: &'static str,
    pub today_empty: &'static str,
    pub today_headings: [&'static str; 4],
    pub us: &'static str,
    pub national_partner: &'static str,
    pub local_partner: &'static str,
    pub say: &'static str,
    pub online_self_serve: &'static str,
    pub online: &'static str,
    pub phone: &'static str,
    pub bring: &'static str,
    pub who_can_get_it: &'static str,
    pub web: &'static str,
    pub email: &'static str,
    pub address: &'static str,
    pub how: &'static str,
    pub languages: &'static str,
    pub who_can_get_help: &'static str,
    pub opening_hours: &'static str,
    pub accessibility: &'static str,
    pub closed_on: &'static str,
    pub referral_needs_consent: &'static str,
    /// In the title bar while the resident's language is Welsh.
    pub resident_in_welsh: &'static str,
}

const ENGLISH_LABELS: Labels = Labels {
    app_name: "frontdesk",
    draft_flag: "Draft",
    note_word: "Note: ",
    problem_word: "Problem: ",
    search_title: " Search ",
    search_hint: "Type what the resident needs, in their words",
    no_matches: " No matches: try other words, or fewer ",
    preview_title: " Preview ",
    nothing_selected: "Nothing selected.",
    links_title: " Links: press the number, or Tab and Enter ",
    urgent: "! URGENT ",
    help_title: " Help: Esc closes ",
    help_rebind: "Keys can be changed in the config file's [keys] table; `frontdesk config --print` lists every key in use with its command's name.",
    show_resident_title: " Show the resident ",
    online_intro: "Do it yourself online:",
    no_web_address: "There is no web address for this.",
    or_phone: "Or phone:",
    window_too_small_for_qr: "Make the window larger to show the QR code.",
    today_empty: "No visits logged at this desk today yet.",
    today_headings: ["Time", "Length", "Outcome", "Services"],
    us: "Us: ",
    national_partner: "Partner · National organisation",
    local_partner: "Partner · Local partner",
    say: "Say: ",
    online_self_serve: "Online (they can do it themselves): ",
    online: "Online: ",
    phone: "Phone: ",
    bring: "Bring:",
    who_can_get_it: "Who can get it: ",
    web: "Web: ",
    email: "Email: ",
    address: "Address: ",
    how: "How: ",
    languages: "Languages: ",
    who_can_get_help: "Who can get help: ",
    opening_hours: "Opening hours:",
    accessibility: "Access: ",
    closed_on: "Closed on: ",
    referral_needs_consent: "Takes a referral only when the resident agrees to it.",
    resident_in_welsh: "Resident: Cymraeg",
};

/// The Welsh; what is not here yet is English (`frontdesk text untranslated` lists it).
const WELSH_LABELS: Labels = Labels {
    app_name: "frontdesk",
    draft_flag: "Drafft",
    note_word: "Nodyn: ",
    problem_word: "Problem: ",
    search_title: " Chwilio ",
    search_hint: "Teipiwch beth sydd ei angen ar y preswylydd, yn eu geiriau eu hunain",
    no_matches: " Dim canlyniadau: rhowch gynnig ar eiriau eraill, neu lai ",
    preview_title: " Rhagolwg ",
    nothing_selected: "Dim wedi'i ddewis.",
    links_title: " Dolenni: pwyswch y rhif, neu Tab ac Enter ",
    urgent: "! BRYS ",
    help_title: " Cymorth: mae Esc yn cau ",
    help_rebind: "Gellir newid y bysellau yn nhabl [keys] y ffeil ffurfweddu: mae `frontdesk config --print` yn eu dangos.",
    show_resident_title: " Dangos i'r preswylydd ",
    online_intro: "Gwnewch hyn eich hun ar-lein:",
    no_web_address: "Does dim cyfeiriad gwe ar gyfer hyn.",
    or_phone: "Neu ffoniwch:",
    window_too_small_for_qr: "Gwnewch y ffenestr yn fwy i ddangos y cod QR.",
    today_empty: "Does dim ymweliadau wedi'u cofnodi wrth y ddesg hon heddiw eto.",
    today_headings: ["Amser", "Hyd", "Canlyniad", "Gwasanaethau"],
    us: "Ni: ",
    national_partner: "Partner · Sefydliad cenedlaethol",
    local_partner: "Partner · Partner lleol",
    say: "Dywedwch: ",
    online_self_serve: "Ar-lein (gallan nhw ei wneud eu hunain): ",
    online: "Ar-lein: ",
    phone: "Ffôn: ",
    bring: "Dewch â'r canlynol:",
    who_can_get_it: "Pwy all ei gael: ",
    web: "Gwe: ",
    email: "E-bost: ",
    address: "Cyfeiriad: ",
    how: "Sut: ",
    languages: "Ieithoedd: ",
    who_can_get_help: "Pwy all gael help: ",
    opening_hours: "Oriau agor:",
    accessibility: "Mynediad: ",
    closed_on: "Ar gau ar: ",
    referral_needs_consent: "Dim ond pan fydd y preswylydd yn cytuno y mae'n derbyn atgyfeiriad.",
    resident_in_welsh: "Preswylydd: Cymraeg",
};

pub fn labels(lang: Language) -> &'static Labels {
    match lang {
        Language::English => &ENGLISH_LABELS,
        Language::Welsh => &WELSH_LABELS,
    }
}

/// The title bar's desk: "Desk: Front desk".
pub fn desk_name(lang: Language, desk: &str) -> String {
    match lang {
        Language::English => format!("Desk: {desk}"),
        Language::Welsh => format!("Desg: {desk}"),
    }
}

/// The title bar's count of visits logged today at this desk: "Today: 3".
pub fn today_count(lang: Language, today: usize) -> String {
    match lang {
        Language::English => format!("Today: {today}"),
        Language::Welsh => format!("Heddiw: {today}"),
    }
}

/// The title bar's word on the sync to the central server: how many visits wait to be sent
/// ("To sync: 3"), and "offline" while the server cannot be reached. Nothing when all is sent.
pub fn sync_waiting(lang: Language, waiting: u64, reachable: bool) -> Option<String> {
    match (lang, reachable) {
        (_, true) if waiting == 0 => None,
        (Language::English, true) => Some(format!("To sync: {waiting}")),
        (Language::English, false) => Some(format!("To sync: {waiting} (offline)")),
        (Language::Welsh, true) => Some(format!("I'w cysoni: {waiting}")),
        (Language::Welsh, false) => Some(format!("I'w cysoni: {waiting} (all-lein)")),
    }
}

/// The visit timer in the title bar: "Visit 1:35".
pub fn visit_timer(lang: Language, seconds: i64) -> String {
    match lang {
        Language::English => format!("Visit {}:{:02}", seconds / 60, seconds % 60),
        Language::Welsh => format!("Ymweliad {}:{:02}", seconds / 60, seconds % 60),
    }
}

/// In a scrolling text's top border when lines are hidden above: "↑ more (PgUp)".
pub fn more_above(lang: Language, key: &str) -> String {
    match lang {
        Language::English => format!(" ↑ more ({key}) "),
        Language::Welsh => format!(" ↑ rhagor ({key}) "),
    }
}

/// In a scrolling text's bottom border when lines are hidden below: "↓ more (PgDn)".
pub fn more_below(lang: Language, key: &str) -> String {
    match lang {
        Language::English => format!(" ↓ more ({key}) "),
        Language::Welsh => format!(" ↓ rhagor ({key}) "),
    }
}

/// The results list's title: everything with an empty box, else the results or none.
pub fn results_title(lang: Language, browsing: bool, count: usize, searching: bool) -> String {
    match lang {
        Language::English if browsing => format!(" Everything ({count}) "),
        Language::Welsh if browsing => format!(" Popeth ({count}) "),
        Language::English | Language::Welsh if count == 0 && !searching => {
            labels(lang).no_matches.to_string()
        }
        Language::English => format!(" Results ({count}) "),
        Language::Welsh => format!(" Canlyniadau ({count}) "),
    }
}

/// A result's kind, padded to one width so titles line up.
pub fn kind_tag(lang: Language, kind: Kind) -> &'static str {
    match lang {
        Language::English => match kind {
            Kind::Service => "Service",
            Kind::Partner => "Partner",
            Kind::Faq => "FAQ    ",
            Kind::Script => "Script ",
        },
        // Whole words, padded to the longest ("Gwasanaeth"): no "Gwasan." to puzzle over,
        // and no "&", which Welsh does not use.
        Language::Welsh => match kind {
            Kind::Service => "Gwasanaeth",
            Kind::Partner => "Partner   ",
            Kind::Faq => "Cwestiwn  ",
            Kind::Script => "Sgript    ",
        },
    }
}

/// A detail screen's title.
pub fn kind_title(lang: Language, kind: Kind) -> &'static str {
    match lang {
        Language::English => match kind {
            Kind::Service => " Service ",
            Kind::Partner => " Partner ",
            Kind::Faq => " Question ",
            Kind::Script => " Script ",
        },
        Language::Welsh => match kind {
            Kind::Service => " Gwasanaeth ",
            Kind::Partner => " Partner ",
            Kind::Faq => " Cwestiwn ",
            Kind::Script => " Sgript ",
        },
    }
}

/// Why a detail screen links to an entry.
pub fn relation(lang: Language, relation: Relation) -> &'static str {
    match lang {
        Language::English => match relation {
            Relation::Related => "Related",
            Relation::SignpostTo => "Signpost to",
            Relation::ProvidedBy => "Provided by",
        },
        Language::Welsh => match relation {
            Relation::Related => "Cysylltiedig",
            Relation::SignpostTo => "Cyfeirio at",
            Relation::ProvidedBy => "Darperir gan",
        },
    }
}

/// Whose job a service is when it is not this council's: "Not us: county council".
pub fn not_us(lang: Language, tier: Tier) -> &'static str {
    match lang {
        Language::English => match tier {
            Tier::County => "Not us: county council",
            Tier::Government => "Not us: government",
            Tier::Partner => "Not us: partner",
            _ => "Not us",
        },
        Language::Welsh => match tier {
            Tier::County => "Nid ni: cyngor sir",
            Tier::Government => "Nid ni: y llywodraeth",
            Tier::Partner => "Nid ni: partner",
            _ => "Nid ni",
        },
    }
}

/// A short tag for lists: "[county]"; nothing for this council.
pub fn provider_tag(lang: Language, tier: Tier) -> Option<&'static str> {
    match lang {
        Language::English => match tier {
            Tier::Council => None,
            Tier::County => Some("[county]"),
            Tier::Government => Some("[government]"),
            Tier::Other => Some("[other body]"),
            Tier::Partner => Some("[partner]"),
        },
        Language::Welsh => match tier {
            Tier::Council => None,
            Tier::County => Some("[sir]"),
            Tier::Government => Some("[llywodraeth]"),
            Tier::Other => Some("[corff arall]"),
            Tier::Partner => Some("[partner]"),
        },
    }
}

/// The heading of help: "Keys on the search screen".
pub fn help_heading(lang: Language, screen: &str) -> String {
    match lang {
        Language::English => format!("Keys on the {} screen", screen.to_lowercase()),
        // The screen's name as a name, after a colon: after "y sgrin" it would take a mutation.
        Language::Welsh => format!("Bysellau ar y sgrin hon: {screen}"),
    }
}

/// Today's title: " Today at Front desk: 2 visits ".
pub fn today_title(lang: Language, desk: &str, count: usize) -> String {
    match lang {
        Language::English => format!(
            " Today at {desk}: {count} visit{} ",
            if count == 1 { "" } else { "s" }
        ),
        Language::Welsh => format!(" Heddiw wrth {desk}: {} ", super::welsh::visits(count)),
    }
}

/// Under an empty today list.
pub fn today_empty_help(lang: Language, log_key: &str) -> String {
    match lang {
        Language::English => format!(
            "Press Esc to go back, find what the resident needs, and press {log_key} to log it."
        ),
        Language::Welsh => format!(
            "Pwyswch Esc i fynd yn ôl, dewch o hyd i'r hyn sydd ei angen ar y preswylydd, a phwyswch {log_key} i'w gofnodi."
        ),
    }
}

/// A visit's length in today's list: "4 min".
pub fn minutes(lang: Language, minutes: i64) -> String {
    match lang {
        Language::English => format!("{minutes} min"),
        Language::Welsh => format!("{minutes} mun"),
    }
}

/// Today's footer while the selected visit can still be changed.
pub fn today_changeable(lang: Language, undo_key: &str, edit_key: &str, minutes: i64) -> String {
    match lang {
        Language::English => format!(
            "This visit can be undone ({undo_key}, asks first) or edited ({edit_key}) for {minutes} minutes."
        ),
        Language::Welsh => format!(
            "Gellir dadwneud yr ymweliad hwn ({undo_key}, yn gofyn yn gyntaf) neu ei olygu ({edit_key}) am {minutes} munud."
        ),
    }
}

/// Today's footer once the selected visit cannot be changed.
pub fn today_unchangeable(lang: Language, minutes: i64) -> String {
    match lang {
        Language::English => {
            format!("Saved over {minutes} minutes ago: this visit can no longer be changed.")
        }
        Language::Welsh => {
            format!("Cadwyd dros {minutes} munud yn ôl: ni ellir newid yr ymweliad hwn mwyach.")
        }
    }
}

/// The slip preview's border: " Slip preview: p print, f save to a file ".
pub fn slip_title(lang: Language, print_key: &str, save_key: &str) -> String {
    match lang {
        Language::English => {
            format!(" Slip preview: {print_key} print, {save_key} save to a file ")
        }
        Language::Welsh => {
            format!(" Rhagolwg o'r slip: {print_key} argraffu, {save_key} cadw mewn ffeil ")
        }
    }
}

/// In a detail screen's bottom border: " F6 slip for the resident ".
pub fn slip_offer(lang: Language, key: &str) -> String {
    match lang {
        Language::English => format!(" {key} slip for the resident "),
        Language::Welsh => format!(" {key} slip i'r preswylydd "),
    }
}

/// A date a partner is closed, as the details show it: short on the full screen ("Fri 25 Dec
/// 2026", "Gwe 25 Rhag 2026"), in full for a screen reader ("Friday 25 December 2026").
pub fn closed_day(lang: Language, day: chrono::NaiveDate, short: bool) -> String {
    use chrono::Datelike;
    const DAYS: [&str; 7] = ["Llun", "Maw", "Mer", "Iau", "Gwe", "Sad", "Sul"];
    const MONTHS: [&str; 12] = [
        "Ion", "Chwef", "Mawrth", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach",
        "Rhag",
    ];
    match (lang, short) {
        (_, false) => super::report::period_day(lang, day),
        (Language::English, true) => day.format("%a %-d %b %Y").to_string(),
        (Language::Welsh, true) => format!(
            "{} {} {} {}",
            DAYS[day.weekday().num_days_from_monday() as usize],
            day.day(),
            MONTHS[(day.month0() as usize).min(11)],
            day.year()
        ),
    }
}
