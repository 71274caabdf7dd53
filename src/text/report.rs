//! The customer insight report's headings and definitions, in every format it is written in
//! (the table, CSV, JSON, the HTML page and the report screen).

use super::Language;

/// What each figure means. Every format carries these, so a figure is never read without its
/// definition.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Definitions {
    pub first_contact_resolution: &'static str,
    pub assisted_digital: &'static str,
    pub could_be_online: &'static str,
    pub failure_demand: &'static str,
    pub visit_length: &'static str,
    pub avoidable_cost: &'static str,
    pub times: &'static str,
}

pub fn definitions(lang: Language) -> Definitions {
    match lang {
        Language::Welsh => Definitions {
            first_contact_resolution: "Caiff ymweliad ei ddatrys ar y cyswllt cyntaf pan ddaeth pob gwasanaeth arno i ben wedi'i ddatrys, \
                 gyda help i fynd ar-lein (digidol â chymorth) neu wedi'i gyfeirio. Y gyfradd yw'r ymweliadau hynny o'r holl ymweliadau.",
            assisted_digital: "Ymweliad lle daeth gwasanaeth i ben gyda help i fynd ar-lein (digidol â chymorth), neu lle cofnodwyd \
                 sut y cafodd y preswylydd help ar-lein. Y gyfradd yw'r ymweliadau hynny o'r holl ymweliadau.",
            could_be_online: "Ateb y derbynnydd i 'a ellid bod wedi gwneud hyn ar-lein?', fesul ymweliad a fesul \
                 gwasanaeth: y cyfle i symud sianel. Y rhesymau eithrio yw pam na allai'r preswylydd.",
            failure_demand: "Galw methiant yw ymweliad a achoswyd gan fethiant i wneud rhywbeth, neu i'w wneud yn iawn, o'r blaen: \
                 holi am hynt, egluro rhywbeth a anfonwyd gennym, cysylltu eto, y lle anghywir, neu wybodaeth \
                 sydd ar gael mewn man arall. Y gyfradd yw galw methiant o'r ymweliadau lle cofnodwyd y galw.",
            visit_length: "O agor yr ymweliad i'w gadw, i'r funud agosaf (240 ar y mwyaf); y canolrif yw'r \
                 gwerth canol (cymedr y ddau werth canol pan fo nifer eilrif).",
            avoidable_cost: "Dim ond o'r costau uned a osododd y cyngor yn y ffurfweddiad ([unit_costs]). Cost y gellid ei hosgoi: \
                 ymweliadau galw methiant wedi'u lluosi â'r gost wyneb yn wyneb. Arbediad symud sianel: ymweliadau y gellid bod \
                 wedi'u gwneud ar-lein wedi'u lluosi â'r gost wyneb yn wyneb llai'r gost ar y we.",
            times: "Mae'r diwrnodau a'r oriau yn amser lleol y ddesg (amser y DU: GMT, neu BST yn yr haf) pan gadwyd yr ymweliad.",
        },
        Language::English => Definitions {
            first_contact_resolution: "A visit is resolved at first contact when every service on it ended resolved, \
                 helped online (assisted digital) or signposted. The rate is those visits over all visits.",
            assisted_digital: "A visit where a service ended helped online (assisted digital), or where the way the \
                 resident was helped online was recorded. The rate is those visits over all visits.",
            could_be_online: "The receptionist's answer to 'could this have been done online?', per visit and per \
                 service: the channel-shift opportunity. Exclusion reasons are why the resident could not.",
            failure_demand: "Failure demand is a visit caused by a failure to do something, or do it right, before: \
                 chasing progress, clarifying something we sent, repeat contact, the wrong place, or information \
                 available elsewhere. The rate is failure demand over visits where the demand was recorded.",
            visit_length: "From opening the visit to saving it, to the nearest minute (at most 240); the median is \
                 the middle value (the mean of the two middle values when there is an even number).",
            avoidable_cost: "Only from the unit costs the council set in the config ([unit_costs]). Avoidable cost: \
                 failure-demand visits times the face-to-face cost. Channel-shift saving: visits that could have \
                 been done online times the face-to-face cost less the web cost.",
            times: "Days and hours are the desk's local time (UK time: GMT, or BST in summer) when the visit was saved.",
        },
    }
}

/// Headings and labels of the table, CSV, HTML page and screen.
#[derive(serde::Serialize)]
pub struct Labels {
    pub title: &'static str,
    pub period: &'static str,
    pub desks: &'static str,
    pub all_desks_but: &'static str,
    pub visits: &'static str,
    pub first_contact: &'static str,
    pub assisted_digital: &'static str,
    pub median_length: &'static str,
    pub services: &'static str,
    pub service: &'static str,
    pub outcomes: &'static str,
    pub could_be_online: &'static str,
    pub reasons: &'static str,
    pub demand: &'static str,
    pub failure_by_service: &'static str,
    pub partners: &'static str,
    pub signposts: &'static str,
    pub referrals: &'static str,
    pub scripts: &'static str,
    pub feedback: &'static str,
    pub spoken_language: &'static str,
    pub written_language: &'static str,
    pub busiest: &'static str,
    pub costs: &'static str,
    pub no_costs: &'static str,
    pub definitions: &'static str,
    pub minutes: &'static str,
    pub none: &'static str,
    pub not_recorded: &'static str,
    pub not_asked: &'static str,
    pub failure: &'static str,
    pub avoidable_cost: &'static str,
    pub channel_shift_saving: &'static str,
    pub unit_costs: &'static str,
    pub weekdays: [&'static str; 7],
}

pub fn labels(lang: Language) -> &'static Labels {
    match lang {
        Language::Welsh => &Labels {
            title: "Mewnwelediad cwsmeriaid",
            period: "Cyfnod",
            desks: "Desgiau",
            all_desks_but: "pob desg ac eithrio",
            visits: "Ymweliadau",
            first_contact: "Wedi'u datrys ar y cyswllt cyntaf",
            assisted_digital: "Help i fynd ar-lein (digidol â chymorth)",
            median_length: "Hyd canolrifol ymweliad",
            services: "Ymweliadau fesul gwasanaeth",
            service: "Gwasanaeth",
            outcomes: "Canlyniadau",
            could_be_online: "Gellid bod wedi'i wneud ar-lein",
            reasons: "Pam nad ar-lein",
            demand: "Galw gwerth a galw methiant",
            failure_by_service: "Galw methiant fesul gwasanaeth",
            partners: "Cyfeirio ac atgyfeirio fesul partner",
            signposts: "cyfeirio",
            referrals: "atgyfeirio",
            scripts: "Sgriptiau fesul diwedd",
            feedback: "Adborth",
            spoken_language: "Iaith lafar (en Saesneg, cy Cymraeg)",
            written_language: "Iaith ysgrifennu (en Saesneg, cy Cymraeg)",
            busiest: "Amseroedd prysuraf (ymweliadau fesul diwrnod ac awr)",
            costs: "Cost ymweliadau y gellid eu hosgoi",
            no_costs: "Does dim costau uned wedi'u gosod yn y ffurfweddiad ([unit_costs]), felly ni ddangosir costau.",
            definitions: "Diffiniadau",
            minutes: "mun",
            none: "dim",
            not_recorded: "heb ei gofnodi",
            not_asked: "heb ofyn",
            failure: "methiant",
            avoidable_cost: "Cost y gellid ei hosgoi (galw methiant)",
            channel_shift_saving: "Arbediad symud sianel (gellid bod wedi'i wneud ar-lein)",
            unit_costs: "Costau uned a osodwyd gan y cyngor",
            weekdays: [
                "Dydd Llun",
                "Dydd Mawrth",
                "Dydd Mercher",
                "Dydd Iau",
                "Dydd Gwener",
                "Dydd Sadwrn",
                "Dydd Sul",
            ],
        },
        Language::English => &Labels {
            title: "Customer insight",
            period: "Period",
            desks: "Desks",
            all_desks_but: "all desks except",
            visits: "Visits",
            first_contact: "Resolved at first contact",
            assisted_digital: "Helped online (assisted digital)",
            median_length: "Median visit length",
            services: "Visits by service",
            service: "Service",
            outcomes: "Outcomes",
            could_be_online: "Could have been done online",
            reasons: "Why not online",
            demand: "Value and failure demand",
            failure_by_service: "Failure demand by service",
            partners: "Signposts and referrals by partner",
            signposts: "signposts",
            referrals: "referrals",
            scripts: "Scripts by end",
            feedback: "Feedback",
            spoken_language: "Language spoken (en English, cy Welsh)",
            written_language: "Language for writing (en English, cy Welsh)",
            busiest: "Busiest times (visits by weekday and hour)",
            costs: "Cost of avoidable visits",
            no_costs: "No unit costs are set in the config ([unit_costs]), so no costs are shown.",
            definitions: "Definitions",
            minutes: "min",
            none: "none",
            not_recorded: "not recorded",
            not_asked: "not asked",
            failure: "Failure demand",
            avoidable_cost: "Avoidable cost (failure demand)",
            channel_shift_saving: "Channel-shift saving (could have been done online)",
            unit_costs: "Unit costs set by the council",
            weekdays: [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ],
        },
    }
}

/// A period from one local date to another, both included.
pub fn period(lang: Language, from: &str, to: &str) -> String {
    match lang {
        _ if from == to => from.to_string(),
        Language::English => format!("{from} to {to}"),
        Language::Welsh => format!("{from} i {to}"),
    }
}

/// An amount of money in pence, as pounds: "£1,234.50".
pub fn money(lang: Language, pence: u64) -> String {
    match lang {
        Language::English | Language::Welsh => {
            let pounds = (pence / 100).to_string();
            let mut grouped = String::new();
            for (i, c) in pounds.chars().enumerate() {
                if i > 0 && (pounds.len() - i).is_multiple_of(3) {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            format!("£{grouped}.{:02}", pence % 100)
        }
    }
}

/// The table's short headings for the six outcomes, in `Outcome::ALL` order.
pub fn outcome_columns(lang: Language) -> [&'static str; 6] {
    match lang {
        Language::English => ["res", "sign", "ref", "appt", "onl", "not"],
        Language::Welsh => ["datr", "cyf", "atg", "apw", "arl", "heb"],
    }
}

/// The word for value demand.
pub fn value_word(lang: Language) -> &'static str {
    match lang {
        Language::English => "value",
        Language::Welsh => "gwerth",
    }
}

/// The unit costs set, each as money or "-".
pub fn unit_costs_line(lang: Language, face_to_face: &str, phone: &str, web: &str) -> String {
    match lang {
        Language::English => format!("face to face {face_to_face}, phone {phone}, web {web}"),
        Language::Welsh => format!("wyneb yn wyneb {face_to_face}, ffôn {phone}, gwe {web}"),
    }
}

/// An amount and the visits it is for: "£25.86 (3 visits)".
pub fn cost_of_visits(lang: Language, money: &str, visits: u64) -> String {
    match lang {
        Language::English if visits == 1 => format!("{money} (1 visit)"),
        Language::English => format!("{money} ({visits} visits)"),
        Language::Welsh => format!("{money} ({})", super::welsh::visits(visits)),
    }
}

/// A visit length in minutes.
pub fn minutes(lang: Language, minutes: f64) -> String {
    match lang {
        Language::English => format!("{minutes} min"),
        Language::Welsh => format!("{minutes} mun"),
    }
}

/// The median visit length, and how many visits it leaves out because their start is unknown:
/// "4 min", "4 min (2 visits not timed, left out)", "- (2 visits not timed, left out)".
pub fn median_text(lang: Language, median: Option<f64>, unknown: u64) -> String {
    let median = median.map_or("-".to_string(), |m| minutes(lang, m));
    match (lang, unknown) {
        (_, 0) => median,
        (Language::English, 1) => format!("{median} (1 visit not timed, left out)"),
        (Language::English, n) => format!("{median} ({n} visits not timed, left out)"),
        (Language::Welsh, 1) => format!("{median} (1 ymweliad heb ei amseru, wedi'i adael allan)"),
        (Language::Welsh, n) => {
            format!("{median} ({n} ymweliad heb eu hamseru, wedi'u gadael allan)")
        }
    }
}

/// Beside the partners: services signposted on visits with no partner recorded.
pub fn signposted_without_partner(lang: Language, services: u64) -> String {
    match lang {
        Language::English => format!("Signposted, partner not recorded: {services}"),
        Language::Welsh => format!("Cyfeiriwyd, partner heb ei gofnodi: {services}"),
    }
}

/// The report screen's words.
#[derive(serde::Serialize)]
pub struct ScreenLabels {
    pub today: &'static str,
    pub this_week: &'static str,
    pub this_month: &'static str,
    pub chosen: &'static str,
    pub top_services: &'static str,
    pub demand: &'static str,
    pub busiest: &'static str,
    pub no_visits: &'static str,
    pub no_visits_anywhere: &'static str,
    /// In the title in place of the desk's name: the figures of every desk.
    pub all_desks: &'static str,
    pub loading: &'static str,
    pub weekdays_short: [&'static str; 7],
    pub value: &'static str,
    pub failure_kinds: [&'static str; 5],
}

pub fn screen_labels(lang: Language) -> &'static ScreenLabels {
    match lang {
        Language::Welsh => &ScreenLabels {
            today: "Heddiw",
            this_week: "Yr wythnos hon",
            this_month: "Y mis hwn",
            chosen: "Cyfnod a ddewiswyd",
            top_services: "Prif wasanaethau",
            demand: "Galw gwerth a galw methiant",
            busiest: "Oriau prysuraf (ymweliadau; tywyllach yw prysurach)",
            no_visits: "Dim ymweliadau wrth y ddesg hon yn y cyfnod hwn.",
            no_visits_anywhere: "Dim ymweliadau wrth unrhyw ddesg yn y cyfnod hwn.",
            all_desks: "pob desg",
            loading: "Yn cyfrif...",
            weekdays_short: ["Llun", "Maw", "Mer", "Iau", "Gwe", "Sad", "Sul"],
            value: "Gwerth",
            failure_kinds: [
                "Holi am hynt",
                "Egluro",
                "Cysylltu eto",
                "Lle anghywir",
                "Mewn man arall",
            ],
        },
        Language::English => &ScreenLabels {
            today: "Today",
            this_week: "This week",
            this_month: "This month",
            chosen: "Chosen range",
            top_services: "Top services",
            demand: "Value and failure demand",
            busiest: "Busiest hours (visits; darker is busier)",
            no_visits: "No visits at this desk in this period.",
            no_visits_anywhere: "No visits at any desk in this period.",
            all_desks: "all desks",
            loading: "Counting...",
            weekdays_short: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            value: "Value",
            failure_kinds: [
                "Chasing",
                "Clarifying",
                "Repeat",
                "Wrong place",
                "Elsewhere",
            ],
        },
    }
}

/// The report screen's title: "Report · This week · 2026-11-23 to 2026-11-30 · Main desk";
/// `desk` is the desk's name, or [`ScreenLabels::all_desks`].
pub fn screen_title(lang: Language, span: &str, from: &str, to: &str, desk: &str) -> String {
    match lang {
        Language::English => format!(" Report · {span} · {} · {desk} ", period(lang, from, to)),
        Language::Welsh => {
            format!(" Adroddiad · {span} · {} · {desk} ", period(lang, from, to))
        }
    }
}

/// In place of the figures of all desks, and on the status bar, when the central server could
/// not give them: "Cannot read the figures of all desks: REASON. a shows this desk's."
pub fn all_desks_not_counted(lang: Language, reason: &str, this_desk_key: &str) -> String {
    let reason = reason.trim().trim_end_matches('.');
    match lang {
        Language::English => format!(
            "Cannot read the figures of all desks: {reason}. {this_desk_key} shows this desk's."
        ),
        Language::Welsh => format!(
            "Ni ellir darllen ffigurau pob desg: {reason}. Mae {this_desk_key} yn dangos ffigurau'r ddesg hon."
        ),
    }
}

/// The report screen's own keys, in its bottom border.
pub fn screen_keys(
    lang: Language,
    today: &str,
    week: &str,
    month: &str,
    longer: &str,
    shorter: &str,
) -> String {
    match lang {
        Language::English => format!(
            " {today} today · {week} this week · {month} this month · {longer} {shorter} start earlier/later "
        ),
        Language::Welsh => format!(
            " {today} heddiw · {week} yr wythnos hon · {month} y mis hwn · {longer} {shorter} dechrau'n gynt/hwyrach "
        ),
    }
}

/// The headline's figures' names, in order: visits, first contact, helped online, failure
/// demand, median.
pub fn headline_labels(lang: Language) -> [&'static str; 5] {
    match lang {
        Language::Welsh => [
            "Ymweliadau",
            "Cyswllt cyntaf",
            "Help ar-lein",
            "Galw methiant",
            "Canolrif",
        ],
        Language::English => [
            "Visits",
            "First contact",
            "Helped online",
            "Failure demand",
            "Median",
        ],
    }
}

/// The busiest hour, under the heat map.
pub fn screen_busiest(lang: Language, weekday: &str, hour: u8, visits: u64) -> String {
    match lang {
        Language::English if visits == 1 => format!("Busiest: {weekday} {hour:02}:00 (1 visit)"),
        Language::English => format!("Busiest: {weekday} {hour:02}:00 ({visits} visits)"),
        Language::Welsh => format!(
            "Prysuraf: {weekday} {hour:02}:00 ({})",
            super::welsh::visits(visits)
        ),
    }
}

/// The report's period when it is today.
pub fn period_today(lang: Language) -> &'static str {
    match lang {
        Language::English => "Today",
        Language::Welsh => "Heddiw",
    }
}

/// The report's period when it is yesterday.
pub fn period_yesterday(lang: Language) -> &'static str {
    match lang {
        Language::English => "Yesterday",
        Language::Welsh => "Ddoe",
    }
}

/// One earlier day: "Monday 23 November 2026".
pub fn period_day(lang: Language, day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match lang {
        Language::English => day.format("%A %-d %B %Y").to_string(),
        Language::Welsh => format!(
            "{} {} {} {}",
            super::slip::WELSH_DAYS[day.weekday().num_days_from_monday() as usize],
            day.day(),
            super::slip::WELSH_MONTHS[(day.month0() as usize).min(11)],
            day.year()
        ),
    }
}

/// A week from its Monday: "This week" while it runs, else "Week of 23 November".
pub fn period_week(lang: Language, monday: chrono::NaiveDate, this_week: bool) -> String {
    use chrono::Datelike;
    match (lang, this_week) {
        (Language::English, true) => "This week".to_string(),
        (Language::Welsh, true) => "Yr wythnos hon".to_string(),
        (Language::English, false) => monday.format("Week of %-d %B").to_string(),
        (Language::Welsh, false) => format!(
            "Wythnos {} {}",
            monday.day(),
            super::slip::WELSH_MONTHS[(monday.month0() as usize).min(11)]
        ),
    }
}

/// A month: "November 2026".
pub fn period_month(lang: Language, first: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match lang {
        Language::English => first.format("%B %Y").to_string(),
        Language::Welsh => format!(
            "{} {}",
            super::slip::WELSH_MONTHS[(first.month0() as usize).min(11)],
            first.year()
        ),
    }
}

fn visits_and_rows(lang: Language, visits: u64, rows: u64) -> String {
    match lang {
        Language::English => format!(
            "{visits} {} in {rows} {}",
            if visits == 1 { "visit" } else { "visits" },
            if rows == 1 { "row" } else { "rows" }
        ),
        Language::Welsh => format!("{} mewn {rows} rhes", super::welsh::visits(visits)),
    }
}

/// After `export` wrote a file: "Wrote 120 visits in 150 rows to visits.csv."
pub fn export_written(lang: Language, visits: u64, rows: u64, file: &str) -> String {
    let what = visits_and_rows(lang, visits, rows);
    match lang {
        Language::English => format!("Wrote {what} to {file}."),
        Language::Welsh => format!("Ysgrifennwyd {what} i {file}."),
    }
}

/// After `export` wrote to standard output: "Wrote 120 visits in 150 rows to standard output."
pub fn export_written_out(lang: Language, visits: u64, rows: u64) -> String {
    let what = visits_and_rows(lang, visits, rows);
    match lang {
        Language::English => format!("Wrote {what} to standard output."),
        Language::Welsh => format!("Ysgrifennwyd {what} i'r allbwn safonol."),
    }
}

/// Below the report's services when not all of them fit: "and 12 more".
pub fn screen_more_services(lang: Language, more: usize) -> String {
    match lang {
        Language::English => format!("and {more} more"),
        Language::Welsh => format!("a {more} arall"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_in_pounds_with_thousands_grouped() {
        assert_eq!(money(Language::English, 0), "£0.00");
        assert_eq!(money(Language::English, 862), "£8.62");
        assert_eq!(money(Language::English, 123_456_789), "£1,234,567.89");
    }
}
