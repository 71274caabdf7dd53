//! Appointments and the waiting room in the report: how long residents waited to be called
//! (median and 90th percentile, by service and by hour), bookings kept, no-shows and
//! cancellations by service and place, and visits by appointment against walk-ins.
//!
//! Built from the bookings whose slot falls in the period and the tickets taken in it; present
//! in the report only when there is at least one of either, so a desk that takes no bookings
//! sees the report it always had.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::appointments::{Booking, BookingState, Ticket, facts};
use crate::tally::Count;
use crate::text::Language;
use crate::text::appointments::report_words;

/// Waiting times of a group of called tickets, in minutes to one decimal place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Waits {
    /// Tickets called.
    pub called: u64,
    /// `null` when none was called.
    pub median_minutes: Option<f64>,
    pub p90_minutes: Option<f64>,
}

/// One service's (or one hour's) waiting times.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaitsOf {
    pub id: String,
    #[serde(flatten)]
    pub waits: Waits,
}

/// Bookings of one service at one place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BookingFigures {
    /// `SERVICE@PLACE`.
    pub id: String,
    pub service: String,
    pub place: String,
    pub bookings: u64,
    pub kept: u64,
    pub no_shows: u64,
    pub cancelled: u64,
}

/// Every appointment and waiting figure of a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppointmentFigures {
    /// Bookings whose slot is in the period, cancelled ones included.
    pub bookings: u64,
    /// The resident came (checked in, called or seen).
    pub kept: u64,
    pub no_shows: u64,
    pub cancelled: u64,
    /// Kept over kept and no-shows, in percent; `null` when none has happened yet.
    pub kept_rate_percent: Option<f64>,
    pub by_service_and_place: Vec<BookingFigures>,
    /// Residents who arrived in the period by appointment (checked in for a booking: a ticket
    /// with a reference) and who walked in (a ticket without one). Residents helped at the
    /// desk at once, with no ticket, are in the visit figures only.
    pub by_appointment: u64,
    pub walk_ins: u64,
    /// Arrivals by appointment over all arrivals, in percent; `null` with none.
    pub by_appointment_percent: Option<f64>,
    pub waiting: Waits,
    pub waiting_by_service: Vec<WaitsOf>,
    /// By local hour of arrival, "09" to "17".
    pub waiting_by_hour: Vec<WaitsOf>,
}

/// The middle value (the mean of the two middle ones), and the 90th percentile by nearest
/// rank, of minutes already sorted.
fn waits(sorted: &[f64]) -> Waits {
    let n = sorted.len();
    let round = |m: f64| (m * 10.0).round() / 10.0;
    let median = (n > 0).then(|| round((sorted[(n - 1) / 2] + sorted[n / 2]) / 2.0));
    let p90 = (n > 0).then(|| {
        let rank = ((n as f64) * 0.9).ceil() as usize;
        round(sorted[rank.clamp(1, n) - 1])
    });
    Waits {
        called: n as u64,
        median_minutes: median,
        p90_minutes: p90,
    }
}

fn waits_by(groups: BTreeMap<String, Vec<f64>>) -> Vec<WaitsOf> {
    groups
        .into_iter()
        .map(|(id, mut minutes)| {
            minutes.sort_by(f64::total_cmp);
            WaitsOf {
                id,
                waits: waits(&minutes),
            }
        })
        .collect()
}

impl AppointmentFigures {
    /// The figures of these bookings and tickets; `None` when there are none.
    pub fn build(bookings: &[Booking], tickets: &[Ticket]) -> Option<AppointmentFigures> {
        AppointmentFigures::from_counts(&facts::counts(bookings, tickets))
    }

    /// The figures of a period's appointment counts ([`facts`]; other counts are passed
    /// over); `None` when it has no booking and no ticket.
    pub fn from_counts(counts: &[Count]) -> Option<AppointmentFigures> {
        let mut by_pair: BTreeMap<(String, String), BookingFigures> = BTreeMap::new();
        let (mut by_appointment, mut walk_ins) = (0, 0);
        let mut all = Vec::new();
        let mut by_service: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        let mut by_hour: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        for count in counts {
            match count.figure.as_str() {
                facts::BOOKINGS => {
                    let Some((place, state)) = count.sub.rsplit_once(' ') else {
                        continue;
                    };
                    let service = &count.key;
                    let entry = by_pair
                        .entry((service.clone(), place.to_string()))
                        .or_insert_with(|| BookingFigures {
                            id: format!("{service}@{place}"),
                            service: service.clone(),
                            place: place.to_string(),
                            bookings: 0,
                            kept: 0,
                            no_shows: 0,
                            cancelled: 0,
                        });
                    entry.bookings += count.n;
                    match BookingState::from_code(state) {
                        Some(state) if state.kept() => entry.kept += count.n,
                        Some(BookingState::NoShow) => entry.no_shows += count.n,
                        Some(BookingState::Cancelled) => entry.cancelled += count.n,
                        _ => {}
                    }
                }
                facts::ARRIVALS if count.key == facts::BY_APPOINTMENT => by_appointment += count.n,
                facts::ARRIVALS => walk_ins += count.n,
                facts::WAITS => {
                    let Some((hour, seconds)) = count.sub.split_once(' ') else {
                        continue;
                    };
                    let Ok(seconds) = seconds.parse::<u64>() else {
                        continue;
                    };
                    let minutes = seconds as f64 / 60.0;
                    for _ in 0..count.n {
                        all.push(minutes);
                        by_service
                            .entry(count.key.clone())
                            .or_default()
                            .push(minutes);
                        by_hour.entry(hour.to_string()).or_default().push(minutes);
                    }
                }
                _ => {}
            }
        }
        if by_pair.is_empty() && by_appointment + walk_ins == 0 {
            return None;
        }
        let pairs: Vec<BookingFigures> = by_pair.into_values().collect();
        let sum = |f: fn(&BookingFigures) -> u64| pairs.iter().map(f).sum::<u64>();
        let (kept, no_shows) = (sum(|p| p.kept), sum(|p| p.no_shows));
        all.sort_by(f64::total_cmp);
        Some(AppointmentFigures {
            bookings: sum(|p| p.bookings),
            kept,
            no_shows,
            cancelled: sum(|p| p.cancelled),
            kept_rate_percent: super::percent(kept, kept + no_shows),
            by_service_and_place: pairs,
            by_appointment,
            walk_ins,
            by_appointment_percent: super::percent(by_appointment, by_appointment + walk_ins),
            waiting: waits(&all),
            waiting_by_service: waits_by(by_service),
            waiting_by_hour: waits_by(by_hour),
        })
    }
}

fn minutes(lang: Language, value: Option<f64>) -> String {
    value.map_or_else(
        || "-".to_string(),
        |m| crate::text::report::minutes(lang, m),
    )
}

/// The figures as the report table's last section.
pub fn render(figures: &AppointmentFigures, lang: Language) -> String {
    let w = report_words(lang);
    let mut out = String::new();
    let _ = writeln!(out, "\n{}", w.heading);
    let _ = writeln!(
        out,
        "  {}: {}   {}: {}   {}: {}   {}: {}",
        w.bookings,
        figures.bookings,
        w.kept,
        figures.kept,
        w.no_shows,
        figures.no_shows,
        w.cancelled,
        figures.cancelled
    );
    if let Some(rate) = figures.kept_rate_percent {
        let _ = writeln!(out, "  {}: {rate}%", w.kept_rate);
    }
    let share = figures
        .by_appointment_percent
        .map_or(String::new(), |p| format!(" ({p}%)"));
    let _ = writeln!(
        out,
        "  {}: {}{share}   {}: {}",
        w.by_appointment, figures.by_appointment, w.walk_ins, figures.walk_ins
    );
    let _ = writeln!(
        out,
        "  {}: {} {}, {} {}, p90 {}",
        w.wait,
        figures.waiting.called,
        w.called,
        w.median,
        minutes(lang, figures.waiting.median_minutes),
        minutes(lang, figures.waiting.p90_minutes)
    );
    for pair in &figures.by_service_and_place {
        let _ = writeln!(
            out,
            "    {:<40} {:>4} {:>4} {:>4} {:>4}",
            crate::printable::cut(&crate::printable::printable(&pair.id), 40),
            pair.bookings,
            pair.kept,
            pair.no_shows,
            pair.cancelled
        );
    }
    for service in &figures.waiting_by_service {
        let _ = writeln!(
            out,
            "    {:<40} {:>4} {} {}, p90 {}",
            crate::printable::cut(&crate::printable::printable(&service.id), 40),
            service.waits.called,
            w.median,
            minutes(lang, service.waits.median_minutes),
            minutes(lang, service.waits.p90_minutes)
        );
    }
    for hour in &figures.waiting_by_hour {
        let _ = writeln!(
            out,
            "    {}:00 {:>4} {} {}, p90 {}",
            hour.id,
            hour.waits.called,
            w.median,
            minutes(lang, hour.waits.median_minutes),
            minutes(lang, hour.waits.p90_minutes)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDateTime, TimeZone, Utc};

    fn ticket(service: &str, arrived: (u32, u32), waited: i64, by_booking: bool) -> Ticket {
        let arrived_at = Utc
            .with_ymd_and_hms(2027, 1, 12, arrived.0, arrived.1, 0)
            .unwrap();
        Ticket {
            ticket: "H1".into(),
            service: service.into(),
            reference: by_booking.then(|| "K7FM3PX".into()),
            arrived_at,
            called_at: (waited >= 0).then(|| arrived_at + Duration::minutes(waited)),
            desk: Some("Desk 1".into()),
            seen_at: None,
        }
    }

    fn booking(service: &str, place: &str, state: BookingState) -> Booking {
        let at = NaiveDateTime::parse_from_str("2027-01-12T09:00", "%Y-%m-%dT%H:%M").unwrap();
        Booking {
            reference: "K7FM3PX".into(),
            service: service.into(),
            place: place.into(),
            at,
            minutes: 30,
            needs: Vec::new(),
            state,
            starts: at.and_utc(),
            booked_at: at.and_utc(),
            arrived_at: None,
            called_at: None,
            seen_at: None,
            cancelled_at: None,
            ticket: None,
        }
    }

    /// A day worked by hand: ten tickets called after 1 to 10 minutes (the median 5.5, the
    /// 90th percentile 9), one still waiting; five bookings: three kept, one no-show, one
    /// cancelled.
    #[test]
    fn figures_of_a_day_worked_by_hand() {
        let mut tickets: Vec<Ticket> = (1..=10)
            .map(|m| {
                ticket(
                    if m <= 4 { "benefits" } else { "housing" },
                    (9 + (m as u32) / 6, 0),
                    m,
                    m <= 3,
                )
            })
            .collect();
        tickets.push(ticket("housing", (11, 0), -1, false));
        let bookings = vec![
            booking("housing", "town-hall", BookingState::Arrived),
            booking("housing", "town-hall", BookingState::Seen),
            booking("housing", "town-hall", BookingState::NoShow),
            booking("benefits", "library", BookingState::Called),
            booking("benefits", "library", BookingState::Cancelled),
        ];
        let f = AppointmentFigures::build(&bookings, &tickets).unwrap();
        assert_eq!((f.bookings, f.kept, f.no_shows, f.cancelled), (5, 3, 1, 1));
        assert_eq!(f.kept_rate_percent, Some(75.0));
        assert_eq!((f.by_appointment, f.walk_ins), (3, 8));
        assert_eq!(f.waiting.called, 10);
        assert_eq!(f.waiting.median_minutes, Some(5.5));
        assert_eq!(f.waiting.p90_minutes, Some(9.0));
        let benefits = &f.waiting_by_service[0];
        assert_eq!(benefits.id, "benefits");
        assert_eq!(benefits.waits.median_minutes, Some(2.5));
        assert_eq!(benefits.waits.p90_minutes, Some(4.0));
        let housing = &f.by_service_and_place[1];
        assert_eq!(housing.id, "housing@town-hall");
        assert_eq!((housing.kept, housing.no_shows), (2, 1));
        // 9am (UTC is London in January): minutes 1 to 5; 10am: 6 to 10.
        assert_eq!(f.waiting_by_hour[0].id, "09");
        assert_eq!(f.waiting_by_hour[0].waits.median_minutes, Some(3.0));
        assert!(AppointmentFigures::build(&[], &[]).is_none());
        let text = render(&f, Language::English);
        assert!(text.contains("housing@town-hall"), "{text}");
        assert!(text.contains("p90 9 min"), "{text}");
    }
}
