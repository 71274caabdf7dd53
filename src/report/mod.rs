//! Customer insight: the figures of a period ([`Report`]), built from the visit log's counts,
//! and their renderings: a table for the terminal ([`table`]), CSV ([`csv`]), JSON (serde, the
//! stable keys documented in the README) and one self-contained HTML page with charts
//! ([`html`]).
//!
//! The figures come from [`crate::store::VisitLog::report_counts`]: the store keeps the counts,
//! this room turns them into figures, names and rates. Titles come from the catalogue; an id the
//! catalogue no longer has is shown as itself.

pub mod appointments;
pub mod csv;
pub mod html;
pub mod period;
pub mod table;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::config::UnitCosts;
use crate::script::ScriptWalk;
use crate::store::{Count, Desks};
use crate::text::Language;
use crate::text::report::{Definitions, definitions};
use crate::visit::{AssistedHow, Demand, ExclusionReason, Feedback, OnlineAnswer, Outcome};
pub use period::{CalendarPeriod, PeriodKind};

/// The desk made-up visits are logged at (`frontdesk demo-data`). Reports leave it out unless
/// it is asked for by name.
pub const DEMO_DESK: &str = "DEMO";

/// The word for an answer not given, in every count keyed by answer.
pub const NOT_RECORDED: &str = "not-recorded";

/// The desks a report covers: one by name, or every desk but the demo desk.
pub fn desks_for(desk: Option<&str>) -> Desks {
    match desk {
        Some(desk) => Desks::Only(desk.to_string()),
        None => Desks::AllBut(DEMO_DESK.to_string()),
    }
}

/// The period a report covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    /// The first local date, included.
    pub from: NaiveDate,
    /// The last local date, included.
    pub to: NaiveDate,
    /// The desk reported on; `null` for every desk except the demo desk.
    pub desk: Option<String>,
}

/// A count and its share of all visits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rate {
    pub visits: u64,
    /// Percent of all visits to one decimal place; `null` when there are no visits.
    pub rate_percent: Option<f64>,
}

/// Visits helped online, and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssistedDigital {
    pub visits: u64,
    pub rate_percent: Option<f64>,
    /// Each way of helping (`done-with-them`, `done-for-them`, `shown-and-referred`) and
    /// `not-recorded`.
    pub by_how: BTreeMap<String, u64>,
}

/// Value and failure demand, by kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DemandFigures {
    pub value: u64,
    pub failure: u64,
    pub not_recorded: u64,
    /// Failure over value + failure, in percent to one decimal; `null` when none recorded.
    pub failure_rate_percent: Option<f64>,
    /// Each kind of failure demand and its count.
    pub failure_by_kind: BTreeMap<String, u64>,
}

/// One service's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceFigures {
    pub id: String,
    pub title: String,
    /// Visits about this service.
    pub visits: u64,
    /// How it ended, by outcome word (every outcome, zeros included).
    pub outcomes: BTreeMap<String, u64>,
    /// "Could it have been done online?": `yes`, `no`, `dont-know`, `not-recorded`.
    pub could_be_online: BTreeMap<String, u64>,
    pub demand: DemandFigures,
    /// The median visit length in minutes; `null` with no visits.
    pub median_minutes: Option<f64>,
}

/// One partner's signposts and referrals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerFigures {
    pub id: String,
    pub name: String,
    pub signposts: u64,
    pub referrals: u64,
}

/// One end of a guided script, reached by a path of number keys.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScriptEndFigures {
    /// The number keys chosen, as stored: "2,1,3".
    pub path: String,
    /// The end node's id, when the catalogue's script still leads there.
    pub end: Option<String>,
    pub visits: u64,
}

/// One script's visits, by end.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScriptFigures {
    pub id: String,
    pub title: String,
    pub visits: u64,
    pub ends: Vec<ScriptEndFigures>,
}

/// One hour of one weekday.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slot {
    /// 0 Monday to 6 Sunday.
    pub weekday: u8,
    /// Local hour, 0 to 23.
    pub hour: u8,
    pub visits: u64,
}

/// When the desk is busiest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Busiest {
    /// Visits by weekday (Monday first) and local hour (0 to 23).
    pub by_weekday_hour: [[u64; 24]; 7],
    /// The five busiest slots, busiest first (fewer when fewer have visits).
    pub top: Vec<Slot>,
}

/// What avoidable visits cost, from the council's own unit costs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Costs {
    /// The unit costs set in the config, in pence (`null` where not set).
    pub unit_costs_pence: UnitCosts,
    /// Failure-demand visits.
    pub avoidable_visits: u64,
    /// Avoidable visits times the face-to-face cost; `null` without that cost.
    pub avoidable_cost_pence: Option<u64>,
    /// Visits that could have been done online.
    pub could_be_online_visits: u64,
    /// Those visits times (face to face less web); `null` without both costs.
    pub channel_shift_saving_pence: Option<u64>,
}

/// Every figure of a period. Serialized as the report's JSON: its keys are stable.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub period: Period,
    pub definitions: Definitions,
    pub visits: u64,
    pub first_contact_resolution: Rate,
    pub assisted_digital: AssistedDigital,
    /// Services on visits, by outcome (a visit about two services counts twice).
    pub outcomes: BTreeMap<String, u64>,
    /// Every service with visits, most visits first.
    pub services: Vec<ServiceFigures>,
    /// Visits by the answer to "could it have been done online?".
    pub could_be_online: BTreeMap<String, u64>,
    /// Services by visits that could have been done online, most first (those with any).
    pub channel_shift: Vec<ServiceCount>,
    /// Why residents could not go online: each reason and its visits.
    pub exclusion_reasons: BTreeMap<String, u64>,
    pub demand: DemandFigures,
    /// Services by failure-demand visits, most first (those with any).
    pub failure_demand_by_service: Vec<ServiceCount>,
    pub partners: Vec<PartnerFigures>,
    /// Services that ended signposted on a visit with no partner recorded: counted apart
    /// ("signposted, partner not recorded"), never as a signpost to anyone.
    pub signposted_without_partner: u64,
    pub scripts: Vec<ScriptFigures>,
    pub feedback: BTreeMap<String, u64>,
    /// Visits by the language the resident chose: spoken and written, each `en` or `cy`.
    pub languages: Languages,
    /// Visits by their answer to each counted choice field (`visit::CHOICE_FIELDS`), in order.
    pub choices: Vec<ChoiceFigures>,
    pub busiest: Busiest,
    /// The median visit length in minutes, of the visits whose start is known; `null` with
    /// none.
    pub median_minutes: Option<f64>,
    /// Visits left out of the median because their start is unknown (logged with `frontdesk
    /// log`, which has no timer: they end when they start).
    pub length_unknown: u64,
    /// `null` when the council has set no unit costs.
    pub costs: Option<Costs>,
    /// Appointments and waiting ([`appointments`]); left out when the period has no booking
    /// and no ticket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appointments: Option<appointments::AppointmentFigures>,
}

/// Visits by their answer to one choice field: every option (0 where none), and those
/// with no answer (logged before the field, or left empty) as [`NOT_RECORDED`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChoiceFigures {
    /// The field's name.
    pub id: String,
    pub counts: BTreeMap<String, u64>,
}

impl ChoiceFigures {
    /// The counts in the field's own order of options, then those not recorded.
    pub fn in_order(&self) -> Vec<(&str, u64)> {
        let options = crate::visit::ChoiceField::named(&self.id).map_or(&[][..], |f| f.options);
        options
            .iter()
            .copied()
            .chain([NOT_RECORDED])
            .filter_map(|word| self.counts.get(word).map(|n| (word, *n)))
            .collect()
    }
}

/// Visits by the resident's language, spoken and written (`en`, `cy`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Languages {
    pub spoken: BTreeMap<String, u64>,
    pub written: BTreeMap<String, u64>,
}

/// A service and a count of its visits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceCount {
    pub id: String,
    pub title: String,
    pub visits: u64,
}

/// The counts of a period, by figure, key and sub.
struct Tally(BTreeMap<(String, String, String), u64>);

impl Tally {
    fn get(&self, figure: &str, key: &str, sub: &str) -> u64 {
        self.0
            .get(&(figure.to_string(), key.to_string(), sub.to_string()))
            .copied()
            .unwrap_or(0)
    }

    /// Every (key, sub, n) of one figure.
    fn of<'a>(&'a self, figure: &'a str) -> impl Iterator<Item = (&'a str, &'a str, u64)> + 'a {
        self.0
            .iter()
            .filter(move |((f, _, _), _)| f == figure)
            .map(|((_, k, s), n)| (k.as_str(), s.as_str(), *n))
    }
}

/// Percent to one decimal place; `None` over nothing.
pub fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// The median of a histogram of whole minutes: the middle value, or the mean of the two middle
/// values; `None` when it is empty.
pub fn median(histogram: &BTreeMap<u64, u64>) -> Option<f64> {
    let total: u64 = histogram.values().sum();
    if total == 0 {
        return None;
    }
    let nth = |wanted: u64| {
        let mut seen = 0;
        for (minutes, n) in histogram {
            seen += n;
            if seen > wanted {
                return *minutes;
            }
        }
        0
    };
    let (low, high) = (nth((total - 1) / 2), nth(total / 2));
    Some((low + high) as f64 / 2.0)
}

fn words<T: Copy>(all: &[T], word: fn(T) -> &'static str) -> BTreeMap<String, u64> {
    all.iter().map(|w| (word(*w).to_string(), 0)).collect()
}

fn demand_figures(by_word: impl Iterator<Item = (String, u64)>) -> DemandFigures {
    let mut figures = DemandFigures {
        value: 0,
        failure: 0,
        not_recorded: 0,
        failure_rate_percent: None,
        failure_by_kind: Demand::ALL
            .iter()
            .filter(|d| d.is_failure())
            .map(|d| (d.as_str().to_string(), 0))
            .collect(),
    };
    for (word, n) in by_word {
        match word.parse::<Demand>() {
            Ok(Demand::Value) => figures.value += n,
            Ok(kind) => {
                figures.failure += n;
                *figures
                    .failure_by_kind
                    .entry(kind.as_str().to_string())
                    .or_default() += n;
            }
            Err(_) => figures.not_recorded += n,
        }
    }
    figures.failure_rate_percent = percent(figures.failure, figures.value + figures.failure);
    figures
}

/// An answer word, or [`NOT_RECORDED`] for an empty one.
fn answer(word: &str) -> String {
    if word.is_empty() {
        NOT_RECORDED.to_string()
    } else {
        word.to_string()
    }
}

/// The end node a script's path of keys leads to, when the catalogue's script still has it.
fn end_of(catalogue: &Catalogue, script: &str, path: &str) -> Option<String> {
    let script = catalogue.script(script)?;
    let keys = crate::visit::ScriptRecord::parse_path(path)?;
    let mut walk = ScriptWalk::start(script).ok()?;
    for key in keys {
        if walk.needs_acknowledgement() {
            walk.acknowledge();
        }
        walk.choose(key).ok()?;
    }
    walk.is_end().then(|| walk.current().id.clone())
}

impl Report {
    /// The figures of `period` from the log's `counts`, named from `catalogue`.
    pub fn build(
        period: Period,
        counts: &[Count],
        catalogue: &Catalogue,
        unit_costs: UnitCosts,
        lang: Language,
    ) -> Report {
        let tally = Tally(
            counts
                .iter()
                .map(|c| ((c.figure.clone(), c.key.clone(), c.sub.clone()), c.n))
                .collect(),
        );
        let visits = tally.get("visits", "", "");

        let mut by_how = words(&AssistedHow::ALL, AssistedHow::as_str);
        by_how.insert(NOT_RECORDED.to_string(), 0);
        let mut assisted = 0;
        for (how, _, n) in tally.of("assisted") {
            assisted += n;
            *by_how.entry(answer(how)).or_default() += n;
        }

        let mut outcomes = words(&Outcome::ALL, Outcome::as_str);
        let mut services: BTreeMap<String, ServiceFigures> = BTreeMap::new();
        let mut online_words = words(&OnlineAnswer::ALL, OnlineAnswer::as_str);
        online_words.insert(NOT_RECORDED.to_string(), 0);
        let blank = |id: &str| ServiceFigures {
            id: id.to_string(),
            title: catalogue.service_title(id).to_string(),
            visits: 0,
            outcomes: words(&Outcome::ALL, Outcome::as_str),
            could_be_online: online_words.clone(),
            demand: demand_figures(std::iter::empty()),
            median_minutes: None,
        };
        for (id, outcome, n) in tally.of("service") {
            let service = services.entry(id.to_string()).or_insert_with(|| blank(id));
            service.visits += n;
            *service.outcomes.entry(outcome.to_string()).or_default() += n;
            *outcomes.entry(outcome.to_string()).or_default() += n;
        }
        for (id, word, n) in tally.of("online") {
            let service = services.entry(id.to_string()).or_insert_with(|| blank(id));
            *service.could_be_online.entry(answer(word)).or_default() += n;
        }
        let mut demand_by_service: BTreeMap<&str, Vec<(String, u64)>> = BTreeMap::new();
        for (id, word, n) in tally.of("demand") {
            demand_by_service
                .entry(id)
                .or_default()
                .push((word.to_string(), n));
        }
        for (id, words) in demand_by_service {
            let service = services.entry(id.to_string()).or_insert_with(|| blank(id));
            service.demand = demand_figures(words.into_iter());
        }
        let mut lengths: BTreeMap<&str, BTreeMap<u64, u64>> = BTreeMap::new();
        for (id, minutes, n) in tally.of("length") {
            let minutes = minutes.parse().unwrap_or(0);
            *lengths.entry(id).or_default().entry(minutes).or_default() += n;
        }
        for (id, histogram) in &lengths {
            if let Some(service) = services.get_mut(*id) {
                service.median_minutes = median(histogram);
            }
        }
        let mut services: Vec<ServiceFigures> = services.into_values().collect();
        services.sort_by(|a, b| b.visits.cmp(&a.visits).then_with(|| a.id.cmp(&b.id)));

        let ranked = |count: &dyn Fn(&ServiceFigures) -> u64| {
            let mut list: Vec<ServiceCount> = services
                .iter()
                .map(|s| ServiceCount {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    visits: count(s),
                })
                .filter(|s| s.visits > 0)
                .collect();
            list.sort_by(|a, b| b.visits.cmp(&a.visits).then_with(|| a.id.cmp(&b.id)));
            list
        };
        let channel_shift = ranked(&|s| s.could_be_online.get("yes").copied().unwrap_or(0));
        let failure_demand_by_service = ranked(&|s| s.demand.failure);

        let mut could_be_online = online_words.clone();
        for (word, _, n) in tally.of("online-visit") {
            *could_be_online.entry(answer(word)).or_default() += n;
        }
        let mut exclusion_reasons = words(&ExclusionReason::ALL, ExclusionReason::as_str);
        for (reason, _, n) in tally.of("reason") {
            *exclusion_reasons.entry(reason.to_string()).or_default() += n;
        }
        let demand = demand_figures(
            tally
                .of("demand-visit")
                .map(|(word, _, n)| (word.to_string(), n)),
        );

        let mut partners: BTreeMap<String, PartnerFigures> = BTreeMap::new();
        for (id, how, n) in tally.of("partner") {
            let partner = partners
                .entry(id.to_string())
                .or_insert_with(|| PartnerFigures {
                    id: id.to_string(),
                    name: catalogue
                        .partner(id)
                        .map_or(id.to_string(), |p| p.name.clone()),
                    signposts: 0,
                    referrals: 0,
                });
            if how == "referral" {
                partner.referrals += n;
            } else {
                partner.signposts += n;
            }
        }
        let mut partners: Vec<PartnerFigures> = partners.into_values().collect();
        partners.sort_by(|a, b| {
            (b.signposts + b.referrals)
                .cmp(&(a.signposts + a.referrals))
                .then_with(|| a.id.cmp(&b.id))
        });

        let mut scripts: BTreeMap<String, ScriptFigures> = BTreeMap::new();
        for (id, path, n) in tally.of("script") {
            let script = scripts
                .entry(id.to_string())
                .or_insert_with(|| ScriptFigures {
                    id: id.to_string(),
                    title: catalogue
                        .script(id)
                        .map_or(id.to_string(), |s| s.title.clone()),
                    visits: 0,
                    ends: Vec::new(),
                });
            script.visits += n;
            script.ends.push(ScriptEndFigures {
                path: path.to_string(),
                end: end_of(catalogue, id, path),
                visits: n,
            });
        }
        let mut scripts: Vec<ScriptFigures> = scripts.into_values().collect();
        for script in &mut scripts {
            script
                .ends
                .sort_by(|a, b| b.visits.cmp(&a.visits).then_with(|| a.path.cmp(&b.path)));
        }
        scripts.sort_by(|a, b| b.visits.cmp(&a.visits).then_with(|| a.id.cmp(&b.id)));

        let mut feedback = words(&Feedback::ALL, Feedback::as_str);
        for (kind, _, n) in tally.of("feedback") {
            *feedback.entry(kind.to_string()).or_default() += n;
        }

        let mut languages = Languages::default();
        for language in ["en", "cy"] {
            languages.spoken.insert(language.to_string(), 0);
            languages.written.insert(language.to_string(), 0);
        }
        for (spoken, written, n) in tally.of("language") {
            *languages.spoken.entry(spoken.to_string()).or_default() += n;
            *languages.written.entry(written.to_string()).or_default() += n;
        }

        let choices = crate::visit::CHOICE_FIELDS
            .iter()
            .filter(|field| field.counted)
            .map(|field| {
                let mut counts = words(field.options, |o| o);
                let mut answered = 0;
                for (name, option, n) in tally.of("choice") {
                    if name == field.name && field.option(option).is_some() {
                        *counts.entry(option.to_string()).or_default() += n;
                        answered += n;
                    }
                }
                counts.insert(NOT_RECORDED.to_string(), visits.saturating_sub(answered));
                ChoiceFigures {
                    id: field.name.to_string(),
                    counts,
                }
            })
            .collect();

        let mut grid = [[0u64; 24]; 7];
        for (weekday, hour, n) in tally.of("hour") {
            if let (Ok(day), Ok(hour)) = (weekday.parse::<usize>(), hour.parse::<usize>())
                && day < 7
                && hour < 24
            {
                grid[day][hour] += n;
            }
        }
        let mut top: Vec<Slot> = grid
            .iter()
            .enumerate()
            .flat_map(|(day, hours)| {
                hours.iter().enumerate().map(move |(hour, n)| Slot {
                    weekday: day as u8,
                    hour: hour as u8,
                    visits: *n,
                })
            })
            .filter(|slot| slot.visits > 0)
            .collect();
        top.sort_by(|a, b| {
            b.visits
                .cmp(&a.visits)
                .then_with(|| (a.weekday, a.hour).cmp(&(b.weekday, b.hour)))
        });
        top.truncate(5);

        let mut length = BTreeMap::new();
        for (_, minutes, n) in tally.of("length-visit") {
            *length.entry(minutes.parse().unwrap_or(0)).or_default() += n;
        }

        let could_online_visits = could_be_online.get("yes").copied().unwrap_or(0);
        let costs = (unit_costs != UnitCosts::default()).then(|| Costs {
            unit_costs_pence: unit_costs,
            avoidable_visits: demand.failure,
            avoidable_cost_pence: unit_costs.face_to_face.map(|f| f * demand.failure),
            could_be_online_visits: could_online_visits,
            channel_shift_saving_pence: unit_costs
                .face_to_face
                .zip(unit_costs.web)
                .map(|(f, w)| f.saturating_sub(w) * could_online_visits),
        });

        Report {
            period,
            definitions: definitions(lang),
            visits,
            first_contact_resolution: Rate {
                visits: tally.get("first-contact", "", "yes"),
                rate_percent: percent(tally.get("first-contact", "", "yes"), visits),
            },
            assisted_digital: AssistedDigital {
                visits: assisted,
                rate_percent: percent(assisted, visits),
                by_how,
            },
            outcomes,
            services,
            could_be_online,
            channel_shift,
            exclusion_reasons,
            demand,
            failure_demand_by_service,
            partners,
            signposted_without_partner: tally.of("signposted-no-partner").map(|(_, _, n)| n).sum(),
            scripts,
            feedback,
            languages,
            choices,
            busiest: Busiest {
                by_weekday_hour: grid,
                top,
            },
            median_minutes: median(&length),
            length_unknown: tally.get("length-unknown", "", ""),
            costs,
            appointments: appointments::AppointmentFigures::from_counts(counts),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_odd_and_an_even_count() {
        let odd = BTreeMap::from([(3, 1), (5, 1), (9, 1)]);
        assert_eq!(median(&odd), Some(5.0));
        let even = BTreeMap::from([(3, 1), (4, 1), (10, 2)]);
        assert_eq!(median(&even), Some(7.0));
        assert_eq!(median(&BTreeMap::new()), None);
    }

    #[test]
    fn a_percent_has_one_decimal_and_none_over_nothing() {
        assert_eq!(percent(2, 3), Some(66.7));
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent(5, 5), Some(100.0));
    }
}
