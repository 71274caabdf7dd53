//! Made-up visits for training, demonstrations and benchmarks (`frontdesk demo-data`): a
//! plausible mix of the catalogue's services, outcomes, hours, partners, scripts and failure
//! demand, all at the desk [`crate::report::DEMO_DESK`].
//!
//! The same seed gives the same visits (ids included), on the same days counted back from the
//! last day: the random numbers come from ChaCha8, whose stream is fixed for a seed.

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

use crate::catalogue::{Catalogue, ServiceKind};
use crate::script::ScriptWalk;
use crate::visit::{
    AssistedHow, Demand, ExclusionReason, Feedback, LanguageChoice, OnlineAnswer, Outcome,
    PartnerHow, PartnerOnVisit, ResidentLanguage, ScriptRecord, ServiceOutcome, Visit,
};

/// What to make.
#[derive(Debug, Clone, Copy)]
pub struct DemoPlan {
    pub visits: u64,
    /// Days the visits are spread over, ending on `last_day`.
    pub days: u32,
    pub seed: u64,
    /// The last local day with visits (today, for the command).
    pub last_day: NaiveDate,
}

/// A seeded source of choices.
struct Dice(ChaCha8Rng);

impl Dice {
    /// A whole number below `n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.0.next_u64() % n }
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One of `items`, each with its weight.
    fn weighted<T: Copy>(&mut self, items: &[(T, u64)]) -> T {
        let total: u64 = items.iter().map(|(_, w)| w).sum();
        let mut at = self.below(total);
        for (item, weight) in items {
            if at < *weight {
                return *item;
            }
            at -= weight;
        }
        items[0].0
    }
}

/// The made-up visits, oldest first, one at a time (a million need not sit in memory).
pub fn visits<'c>(
    catalogue: &'c Catalogue,
    desk: &'c str,
    plan: DemoPlan,
) -> impl Iterator<Item = Visit> + 'c {
    let mut dice = Dice(ChaCha8Rng::seed_from_u64(plan.seed));
    // Real services (not the "not in the catalogue" topics) mostly, the first ones most: a
    // few services bring most of a desk's visits.
    let mut services: Vec<&str> = catalogue
        .services
        .iter()
        .filter(|s| s.kind != ServiceKind::Other)
        .map(|s| s.id.as_str())
        .collect();
    if services.is_empty() {
        services = catalogue.services.iter().map(|s| s.id.as_str()).collect();
    }
    let service_weights: Vec<(usize, u64)> = (0..services.len())
        .map(|i| (i, 1000 / (i as u64 + 2)))
        .collect();
    let partners: Vec<&str> = catalogue.partners.iter().map(|p| p.id.as_str()).collect();
    let days = u64::from(plan.days.max(1));
    let first_day = plan.last_day - Duration::days(days as i64 - 1);
    // Open days (not Sunday) and their share of visits: Monday busiest, Saturday quiet.
    let open_days: Vec<(NaiveDate, u64)> = (0..days)
        .map(|d| first_day + Duration::days(d as i64))
        .filter_map(|day| match day.weekday() {
            Weekday::Sun => None,
            Weekday::Sat => Some((day, 3)),
            Weekday::Mon => Some((day, 14)),
            _ => Some((day, 11)),
        })
        .collect();
    let open_days = if open_days.is_empty() {
        vec![(plan.last_day, 1)]
    } else {
        open_days
    };
    let total_weight: u64 = open_days.iter().map(|(_, w)| w).sum();
    // Visits per day, spread by weight, the remainder to the first days.
    let mut per_day: Vec<u64> = open_days
        .iter()
        .map(|(_, w)| plan.visits * w / total_weight)
        .collect();
    let mut left = plan.visits - per_day.iter().sum::<u64>();
    for count in per_day.iter_mut() {
        if left == 0 {
            break;
        }
        *count += 1;
        left -= 1;
    }
    let hours: [(u32, u64); 9] = [
        (9, 14),
        (10, 18),
        (11, 16),
        (12, 10),
        (13, 9),
        (14, 13),
        (15, 11),
        (16, 7),
        (8, 2),
    ];
    let desk = desk.to_string();
    let version = catalogue.version().to_string();
    open_days
        .into_iter()
        .zip(per_day)
        .flat_map(move |((day, _), count)| (0..count).map(move |_| day))
        .map(move |day| {
            let hour = dice.weighted(&hours);
            let minute = dice.below(60) as u32;
            let second = dice.below(60) as u32;
            let local = day.and_hms_opt(hour, minute, second).unwrap_or_default();
            let started_at = chrono::Local
                .from_local_datetime(&local)
                .earliest()
                .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc));
            let minutes = 2 + dice.below(6) + if dice.chance(30) { dice.below(20) } else { 0 };
            let ended_at = started_at + Duration::seconds((minutes * 60 + dice.below(60)) as i64);
            let outcome = dice.weighted(&[
                (Outcome::Resolved, 45),
                (Outcome::Signposted, 18),
                (Outcome::Referred, 9),
                (Outcome::Appointment, 8),
                (Outcome::AssistedDigital, 12),
                (Outcome::NotResolved, 8),
            ]);
            let mut ids = vec![services[dice.weighted(&service_weights)].to_string()];
            if dice.chance(12) {
                let second = services[dice.weighted(&service_weights)].to_string();
                if !ids.contains(&second) {
                    ids.push(second);
                }
            }
            let mut script = None;
            let mut partner_ids = Vec::new();
            if dice.chance(5)
                && let Some(walked) = walk_a_script(catalogue, &mut dice)
            {
                for id in walked.services {
                    if !ids.contains(&id) && catalogue.service(&id).is_some() {
                        ids.push(id);
                    }
                }
                partner_ids = walked.partners;
                script = Some(Box::new(walked.record));
            }
            let mut services: Vec<ServiceOutcome> = ids
                .into_iter()
                .map(|service| ServiceOutcome {
                    service,
                    outcome,
                    booking: None,
                })
                .collect();
            if services.len() > 1 && dice.chance(40) {
                services[1].outcome = Outcome::Signposted;
            }
            if matches!(outcome, Outcome::Signposted | Outcome::Referred)
                && !partners.is_empty()
                && partner_ids.is_empty()
            {
                partner_ids.push(partners[dice.below(partners.len() as u64) as usize].to_string());
            }
            partner_ids.retain(|id| catalogue.partner(id).is_some());
            // A referred visit refers its partners (with the resident's yes where a partner
            // asks for it, now and then a no); any other visit signposts them.
            let partners_on_visit: Vec<PartnerOnVisit> = partner_ids
                .into_iter()
                .map(|partner| {
                    let asks = catalogue
                        .partner(&partner)
                        .is_some_and(|p| p.referral_needs_consent);
                    if outcome == Outcome::Referred {
                        PartnerOnVisit {
                            partner,
                            how: PartnerHow::Referral,
                            consent: asks.then(|| !dice.chance(5)),
                            service: 0,
                        }
                    } else {
                        PartnerOnVisit::signpost(partner)
                    }
                })
                .collect();
            let demand = dice.weighted(&[
                (Some(Demand::Value), 55),
                (Some(Demand::ChasingProgress), 10),
                (Some(Demand::Clarification), 6),
                (Some(Demand::RepeatContact), 5),
                (Some(Demand::WrongPlace), 4),
                (Some(Demand::AvailableElsewhere), 5),
                (None, 15),
            ]);
            let assisted = (outcome == Outcome::AssistedDigital).then(|| {
                dice.weighted(&[
                    (AssistedHow::DoneWithThem, 50),
                    (AssistedHow::DoneForThem, 35),
                    (AssistedHow::ShownAndReferred, 15),
                ])
            });
            let online = dice.weighted(&[
                (Some(OnlineAnswer::Yes), 30),
                (Some(OnlineAnswer::No), 40),
                (Some(OnlineAnswer::DontKnow), 10),
                (None, 20),
            ]);
            let mut reasons = Vec::new();
            if online == Some(OnlineAnswer::No) {
                reasons.push(ExclusionReason::ALL[dice.below(7) as usize]);
                if dice.chance(25) {
                    let another = ExclusionReason::ALL[dice.below(7) as usize];
                    if !reasons.contains(&another) {
                        reasons.push(another);
                    }
                }
            }
            let feedback = dice.weighted(&[
                (Feedback::None, 90),
                (Feedback::Compliment, 5),
                (Feedback::Complaint, 3),
                (Feedback::Suggestion, 2),
            ]);
            // Now and then a resident who chose Welsh.
            let language = LanguageChoice::both(if dice.chance(4) {
                ResidentLanguage::Welsh
            } else {
                ResidentLanguage::English
            });
            // Time-ordered ids, as a desk's own visits have (UUID version 7).
            let mut random = [0u8; 10];
            random[..8].copy_from_slice(&dice.0.next_u64().to_le_bytes());
            random[8..].copy_from_slice(&dice.0.next_u64().to_le_bytes()[..2]);
            let millis = u64::try_from(started_at.timestamp_millis()).unwrap_or(0);
            Visit {
                id: uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid(),
                started_at,
                ended_at,
                desk: desk.clone(),
                staff: String::new(),
                outcome: services[0].outcome,
                services,
                partners: partners_on_visit,
                online,
                reasons,
                feedback,
                demand,
                assisted,
                note: None,
                catalogue_version: version.clone(),
                script,
                language,
                choices: Default::default(),
                waited_seconds: None,
            }
        })
}

/// A script walked to an end by random answers.
struct Walked {
    record: ScriptRecord,
    services: Vec<String>,
    partners: Vec<String>,
}

fn walk_a_script(catalogue: &Catalogue, dice: &mut Dice) -> Option<Walked> {
    if catalogue.scripts.is_empty() {
        return None;
    }
    let script = &catalogue.scripts[dice.below(catalogue.scripts.len() as u64) as usize];
    let mut walk = ScriptWalk::start(script).ok()?;
    for _ in 0..32 {
        if walk.needs_acknowledgement() {
            walk.acknowledge();
        }
        if walk.is_end() {
            break;
        }
        let options = &walk.current().options;
        let pick = dice.below(options.len() as u64) as usize;
        let key = options
            .get(pick)?
            .key
            .unwrap_or(u8::try_from(pick + 1).ok()?);
        walk.choose(key).ok()?;
    }
    let end = walk.end()?;
    Some(Walked {
        record: ScriptRecord {
            id: script.id.clone(),
            version: script.version.clone(),
            path: walk.keys(),
        },
        services: end.services.iter().map(|s| s.id.clone()).collect(),
        partners: end.partners.clone(),
    })
}
