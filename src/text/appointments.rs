//! The words of appointments and the waiting room, in English and Welsh: what the commands
//! say when a booking is made, found or refused, the resident's appointment slip, and the
//! waiting-room display.

use chrono::{Datelike, NaiveDateTime, Timelike};

use super::Language;
use crate::appointments::BookingState;
use crate::appointments::needs::Need;

const WELSH_DAYS: [&str; 7] = [
    "Dydd Llun",
    "Dydd Mawrth",
    "Dydd Mercher",
    "Dydd Iau",
    "Dydd Gwener",
    "Dydd Sadwrn",
    "Dydd Sul",
];

/// A booking's state in words.
pub fn state(lang: Language, state: BookingState) -> &'static str {
    match (lang, state) {
        (Language::English, BookingState::Booked) => "booked",
        (Language::English, BookingState::Arrived) => "arrived",
        (Language::English, BookingState::Called) => "called",
        (Language::English, BookingState::Seen) => "seen",
        (Language::English, BookingState::NoShow) => "no-show",
        (Language::English, BookingState::Cancelled) => "cancelled",
        (Language::Welsh, BookingState::Booked) => "wedi'i drefnu",
        (Language::Welsh, BookingState::Arrived) => "wedi cyrraedd",
        (Language::Welsh, BookingState::Called) => "wedi'i alw",
        (Language::Welsh, BookingState::Seen) => "wedi'i weld",
        (Language::Welsh, BookingState::NoShow) => "heb ddod",
        (Language::Welsh, BookingState::Cancelled) => "wedi'i ganslo",
    }
}

/// A need in words for the slip and the lists.
pub fn need(lang: Language, need: &Need) -> String {
    match (lang, need) {
        (Language::English, Need::Interpreter(language)) => format!("{language} interpreter"),
        (Language::English, Need::StepFree) => "step-free access".into(),
        (Language::English, Need::HearingLoop) => "hearing loop".into(),
        (Language::English, Need::QuietRoom) => "quiet room".into(),
        (Language::English, Need::LongerSlot) => "longer appointment".into(),
        (Language::Welsh, Need::Interpreter(language)) => match language.as_str() {
            // A sign-language interpreter is a "dehonglydd"; a spoken language's, a
            // "cyfieithydd".
            "BSL" => "dehonglydd BSL (Iaith Arwyddion Prydain)".into(),
            "Welsh" => "cyfieithydd Cymraeg".into(),
            other => format!("cyfieithydd {other}"),
        },
        (Language::Welsh, Need::StepFree) => "mynediad heb risiau".into(),
        (Language::Welsh, Need::HearingLoop) => "dolen sain".into(),
        (Language::Welsh, Need::QuietRoom) => "ystafell dawel".into(),
        (Language::Welsh, Need::LongerSlot) => "apwyntiad hirach".into(),
    }
}

/// An interpreter's language as the desk names it, short: "Welsh" is "Cymraeg" in Welsh.
pub fn language(lang: Language, name: &str) -> String {
    match (lang, name) {
        (Language::Welsh, "Welsh") => "Cymraeg".into(),
        _ => name.to_string(),
    }
}

/// The day and time of an appointment: "Tuesday 12 January 2027 at 9:30am".
pub fn when(lang: Language, at: NaiveDateTime) -> String {
    let time = crate::catalogue::hours::ClockTime::from_hm(at.hour(), at.minute())
        .map(|t| t.to_string())
        .unwrap_or_else(|| at.format("%H:%M").to_string());
    match lang {
        Language::English => format!("{} at {time}", at.format("%A %-d %B %Y")),
        Language::Welsh => format!(
            "{} {} am {}",
            WELSH_DAYS[at.weekday().num_days_from_monday() as usize],
            super::slip::date(Language::Welsh, at.date()),
            at.format("%H:%M")
        ),
    }
}

/// The fixed words of an appointment slip.
#[derive(serde::Serialize)]
pub struct SlipWords {
    pub title: &'static str,
    pub reference: &'static str,
    pub when: &'static str,
    pub service: &'static str,
    pub place: &'static str,
    pub address: &'static str,
    pub access: &'static str,
    pub bring: &'static str,
    pub needs: &'static str,
    pub change: &'static str,
}

pub fn slip_words(lang: Language) -> &'static SlipWords {
    match lang {
        Language::English => &SlipWords {
            title: "Your appointment",
            reference: "Your reference: ",
            when: "When: ",
            service: "What for: ",
            place: "Where: ",
            address: "Address: ",
            access: "Access: ",
            bring: "Please bring:",
            needs: "We have noted: ",
            change: "To change or cancel, contact us and give your reference. You do not need to give your name.",
        },
        Language::Welsh => &SlipWords {
            title: "Eich apwyntiad",
            reference: "Eich cyfeirnod: ",
            when: "Pryd: ",
            service: "Ar gyfer: ",
            place: "Ble: ",
            address: "Cyfeiriad: ",
            access: "Mynediad: ",
            bring: "Dewch â'r canlynol:",
            needs: "Rydym wedi nodi: ",
            change: "I newid neu ganslo, cysylltwch â ni a rhowch eich cyfeirnod. Does dim angen rhoi eich enw.",
        },
    }
}

/// The waiting-room display's words.
#[derive(serde::Serialize)]
pub struct DisplayWords {
    pub title: &'static str,
    pub ticket: &'static str,
    pub desk: &'static str,
    pub nobody: &'static str,
    pub earlier: &'static str,
}

pub fn display_words(lang: Language) -> &'static DisplayWords {
    match lang {
        Language::English => &DisplayWords {
            title: "Now calling",
            ticket: "Ticket",
            desk: "Go to",
            nobody: "Please wait to be called",
            earlier: "Called earlier",
        },
        Language::Welsh => &DisplayWords {
            title: "Yn galw nawr",
            ticket: "Tocyn",
            desk: "Ewch i",
            nobody: "Arhoswch i gael eich galw",
            earlier: "Galwyd yn gynharach",
        },
    }
}

/// The line a command prints after a booking is made.
pub fn booked(lang: Language, reference: &str, when_text: &str, place: &str) -> String {
    match lang {
        Language::English => format!("Booked {when_text} at {place}: reference {reference}"),
        Language::Welsh => format!("Wedi trefnu {when_text} yn {place}: cyfeirnod {reference}"),
    }
}

/// The line after a check-in.
pub fn arrived(lang: Language, reference: &str, ticket: &str) -> String {
    match lang {
        Language::English => format!("Checked in {reference}: ticket {ticket}"),
        Language::Welsh => format!("Wedi cofrestru {reference}: tocyn {ticket}"),
    }
}

/// The line after a booking or a ticket is marked seen.
pub fn seen(lang: Language, reference: &str, desk: &str) -> String {
    match lang {
        Language::English => format!("Seen {reference} at {desk}"),
        Language::Welsh => format!("Wedi gweld {reference} yn {desk}"),
    }
}

/// The line after a cancellation.
pub fn cancelled(lang: Language, reference: &str) -> String {
    match lang {
        Language::English => format!("Cancelled {reference}; the place is free again"),
        Language::Welsh => format!("Wedi canslo {reference}; mae'r lle ar gael eto"),
    }
}

/// The line after a call: which ticket, for what, to which desk.
pub fn called(lang: Language, ticket: &str, service: &str, desk: &str) -> String {
    match lang {
        Language::English => format!("Called {ticket} ({service}) to {desk}"),
        Language::Welsh => format!("Wedi galw {ticket} ({service}) i {desk}"),
    }
}

/// When nobody is waiting.
pub fn nobody_waiting(lang: Language) -> &'static str {
    match lang {
        Language::English => "Nobody is waiting.",
        Language::Welsh => "Does neb yn aros.",
    }
}

/// When a day has no slots free or no bookings.
pub fn no_slots(lang: Language) -> &'static str {
    match lang {
        Language::English => "No free slots.",
        Language::Welsh => "Dim slotiau rhydd.",
    }
}

pub fn no_bookings(lang: Language) -> &'static str {
    match lang {
        Language::English => "No bookings.",
        Language::Welsh => "Dim apwyntiadau.",
    }
}

/// The column heads of the lists of slots, bookings and tickets.
#[derive(serde::Serialize)]
pub struct Columns {
    pub at: &'static str,
    pub time: &'static str,
    pub reference: &'static str,
    pub service: &'static str,
    pub place: &'static str,
    pub free: &'static str,
    pub state: &'static str,
    pub ticket: &'static str,
    pub needs: &'static str,
    pub arrived: &'static str,
    pub waited: &'static str,
    pub called_to: &'static str,
    pub booking: &'static str,
}

pub fn columns(lang: Language) -> &'static Columns {
    match lang {
        Language::English => &Columns {
            at: "At",
            time: "Time",
            reference: "Reference",
            service: "Service",
            place: "Place",
            free: "Free",
            state: "State",
            ticket: "Ticket",
            needs: "Needs",
            arrived: "Arrived",
            waited: "Waited",
            called_to: "Called to",
            booking: "Booking",
        },
        Language::Welsh => &Columns {
            at: "Pryd",
            time: "Amser",
            reference: "Cyfeirnod",
            service: "Gwasanaeth",
            place: "Lleoliad",
            free: "Lle",
            state: "Statws",
            ticket: "Tocyn",
            needs: "Anghenion",
            arrived: "Cyrraedd",
            waited: "Aros",
            called_to: "Galwyd i",
            booking: "Apwyntiad",
        },
    }
}

/// The words of the report's appointments section.
#[derive(serde::Serialize)]
pub struct ReportWords {
    pub heading: &'static str,
    pub bookings: &'static str,
    pub kept: &'static str,
    pub no_shows: &'static str,
    pub cancelled: &'static str,
    pub kept_rate: &'static str,
    pub by_appointment: &'static str,
    pub walk_ins: &'static str,
    pub wait: &'static str,
    pub called: &'static str,
    pub median: &'static str,
    pub by_service_and_place: &'static str,
    pub wait_by_service: &'static str,
    pub wait_by_hour: &'static str,
    pub hour: &'static str,
    /// The report screen's short forms: "Appointments: 3 booked · ... · wait median 4 min".
    pub screen_heading: &'static str,
    pub booked: &'static str,
    pub by_appointment_short: &'static str,
    pub wait_short: &'static str,
}

pub fn report_words(lang: Language) -> &'static ReportWords {
    match lang {
        Language::English => &ReportWords {
            heading: "Appointments and waiting",
            bookings: "Bookings",
            kept: "kept",
            no_shows: "no-shows",
            cancelled: "cancelled",
            kept_rate: "Appointments kept",
            by_appointment: "Arrived by appointment",
            walk_ins: "walk-ins",
            wait: "Wait to be called",
            called: "called",
            median: "median",
            by_service_and_place: "Bookings by service and place",
            wait_by_service: "Wait to be called, by service",
            wait_by_hour: "Wait to be called, by hour of arrival",
            hour: "Hour",
            screen_heading: "Appointments",
            booked: "booked",
            by_appointment_short: "by appointment",
            wait_short: "wait:",
        },
        Language::Welsh => &ReportWords {
            heading: "Apwyntiadau ac aros",
            bookings: "Apwyntiadau",
            kept: "wedi dod",
            no_shows: "heb ddod",
            cancelled: "wedi'u canslo",
            kept_rate: "Apwyntiadau a gadwyd",
            by_appointment: "Wedi cyrraedd drwy apwyntiad",
            walk_ins: "galw heibio",
            wait: "Aros i gael eich galw",
            called: "wedi'u galw",
            median: "canolrif",
            by_service_and_place: "Apwyntiadau fesul gwasanaeth a lleoliad",
            wait_by_service: "Aros i gael eich galw, fesul gwasanaeth",
            wait_by_hour: "Aros i gael eich galw, fesul awr cyrraedd",
            hour: "Awr",
            screen_heading: "Apwyntiadau",
            booked: "wedi'u trefnu",
            by_appointment_short: "drwy apwyntiad",
            wait_short: "aros:",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_and_need_has_english_and_welsh() {
        for s in BookingState::ALL {
            assert!(!state(Language::English, s).is_empty());
            assert_ne!(state(Language::Welsh, s), state(Language::English, s));
        }
        for n in [
            Need::Interpreter("BSL".into()),
            Need::StepFree,
            Need::HearingLoop,
            Need::QuietRoom,
            Need::LongerSlot,
        ] {
            assert_ne!(need(Language::Welsh, &n), need(Language::English, &n));
        }
        let at = NaiveDateTime::parse_from_str("2027-01-12T09:30", "%Y-%m-%dT%H:%M").unwrap();
        assert_eq!(
            when(Language::English, at),
            "Tuesday 12 January 2027 at 9:30am"
        );
        assert_eq!(
            when(Language::Welsh, at),
            "Dydd Mawrth 12 Ionawr 2027 am 09:30"
        );
    }
}
