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
            busiest: "Busiest times (visits by weekday and hour)",
            costs: "Cost of avoidable visits",
            no_costs: "No unit costs are set in the config ([unit_costs]), so no costs are shown.",
            definitions: "Definitions",
            minutes: "min",
            none: "none",
            not_recorded: "not recorded",
            not_asked: "not asked",
            failure: "failure",
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
        Language::English if from == to => from.to_string(),
        Language::English => format!("{from} to {to}"),
    }
}

/// An amount of money in pence, as pounds: "£1,234.50".
pub fn money(lang: Language, pence: u64) -> String {
    match lang {
        Language::English => {
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

/// A visit length in minutes.
pub fn minutes(lang: Language, minutes: f64) -> String {
    match lang {
        Language::English => format!("{minutes} min"),
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
