//! The words of the desk's appointments and waiting screen, in English and Welsh: its title
//! and labels, what the status bar says after a check-in, a ticket, a call or "seen", and the
//! accessible mode's lines and command words for it.

use super::Language;

/// The screen's name, for the title bar and help.
pub fn title(lang: Language) -> &'static str {
    match lang {
        Language::English => "Appointments and waiting",
        Language::Welsh => "Apwyntiadau ac aros",
    }
}

/// The screen's fixed labels.
#[derive(serde::Serialize)]
pub struct WaitingLabels {
    /// Before the text typed to find a booking.
    pub find: &'static str,
    /// Under the find box while it is empty.
    pub find_hint: &'static str,
    pub bookings: &'static str,
    pub waiting: &'static str,
    /// Above the ticket shown in large letters.
    pub ticket: &'static str,
    /// Above the ticket this desk called, shown in large letters.
    pub called: &'static str,
    /// "Call next: ..."
    pub call_for: &'static str,
    pub all_services: &'static str,
    pub no_bookings: &'static str,
    pub nobody_waiting: &'static str,
}

pub fn labels(lang: Language) -> &'static WaitingLabels {
    match lang {
        Language::English => &WaitingLabels {
            find: "Find: ",
            find_hint: "a time (2, 2pm, 14:00) or a reference",
            bookings: "Today's appointments",
            waiting: "Waiting",
            ticket: "Ticket given",
            called: "Called here",
            call_for: "Call next: ",
            all_services: "all services",
            no_bookings: "No appointments today.",
            nobody_waiting: "Nobody is waiting.",
        },
        Language::Welsh => &WaitingLabels {
            find: "Chwilio: ",
            find_hint: "amser (2, 2pm, 14:00) neu gyfeirnod",
            bookings: "Apwyntiadau heddiw",
            waiting: "Yn aros",
            ticket: "Tocyn a roddwyd",
            called: "Galwyd yma",
            call_for: "Galw nesaf: ",
            all_services: "pob gwasanaeth",
            no_bookings: "Dim apwyntiadau heddiw.",
            nobody_waiting: "Does neb yn aros.",
        },
    }
}

/// When nothing today matches what was typed.
pub fn none_match(lang: Language, find: &str) -> String {
    match lang {
        Language::English => format!("No appointment today matches \"{find}\"."),
        Language::Welsh => format!("Does dim apwyntiad heddiw yn cyfateb i \"{find}\"."),
    }
}

/// How long a resident has waited: "12 min".
pub fn waited(lang: Language, minutes: i64) -> String {
    match lang {
        Language::English => format!("{minutes} min"),
        Language::Welsh => format!("{minutes} munud"),
    }
}

/// After a walk-in's ticket is given: the ticket, what for, and the key for the slip with it.
pub fn ticket_given(lang: Language, ticket: &str, service: &str, slip_key: &str) -> String {
    match lang {
        Language::English => format!(
            "Ticket {ticket} for {service}. Press {slip_key} for the resident's slip with the ticket on it."
        ),
        Language::Welsh => format!(
            "Tocyn {ticket} ar gyfer {service}. Pwyswch {slip_key} am slip y preswylydd gyda'r tocyn arno."
        ),
    }
}

/// A ticket asked for with no service chosen or open.
pub fn ticket_needs_service(lang: Language, service_key: &str) -> String {
    match lang {
        Language::English => format!(
            "Choose the service first: press {service_key} until it shows, or open the service and come back."
        ),
        Language::Welsh => format!(
            "Dewiswch y gwasanaeth yn gyntaf: pwyswch {service_key} nes ei fod yn ymddangos, neu agorwch y gwasanaeth a dewch yn ôl."
        ),
    }
}

/// Nobody waiting for one service.
pub fn nobody_waiting_for(lang: Language, service: &str) -> String {
    match lang {
        Language::English => format!("Nobody is waiting for {service}."),
        Language::Welsh => format!("Does neb yn aros am {service}."),
    }
}

/// After "seen".
pub fn seen(lang: Language, ticket: &str) -> String {
    match lang {
        Language::English => format!("{ticket} has been seen."),
        Language::Welsh => format!("Mae {ticket} wedi'i weld."),
    }
}

/// "Seen" with no resident called at this desk.
pub fn nothing_called(lang: Language, call_key: &str) -> String {
    match lang {
        Language::English => {
            format!("No resident is called at this desk: press {call_key} to call the next.")
        }
        Language::Welsh => format!(
            "Does dim preswylydd wedi'i alw wrth y ddesg hon: pwyswch {call_key} i alw'r nesaf."
        ),
    }
}

/// A check-in the booking's state refuses.
pub fn arrive_refused(lang: Language, reference: &str, state: &str) -> String {
    match lang {
        Language::English => format!("{reference} is {state}, so it cannot be checked in."),
        Language::Welsh => format!("Mae {reference} {state}, felly does dim modd ei gofrestru."),
    }
}

/// A check-in with no booking selected.
pub fn no_booking_chosen(lang: Language) -> &'static str {
    match lang {
        Language::English => "No appointment is selected: type its time or reference.",
        Language::Welsh => "Does dim apwyntiad wedi'i ddewis: teipiwch ei amser neu ei gyfeirnod.",
    }
}

/// A booking gone from the log (cancelled and purged, or another desk's change).
pub fn booking_gone(lang: Language, reference: &str) -> String {
    match lang {
        Language::English => format!("No booking has the reference {reference} any more."),
        Language::Welsh => format!("Does dim apwyntiad gyda'r cyfeirnod {reference} bellach."),
    }
}

/// One booking read out: "14:00, K7FM3PX, Housing options, Civic Centre: booked."
pub fn booking_item(
    lang: Language,
    time: &str,
    reference: &str,
    service: &str,
    place: &str,
    state: &str,
    ticket: Option<&str>,
) -> String {
    let ticket = match (lang, ticket) {
        (Language::English, Some(t)) => format!(", ticket {t}"),
        (Language::Welsh, Some(t)) => format!(", tocyn {t}"),
        (_, None) => String::new(),
    };
    format!("{time}, {reference}, {service}, {place}: {state}{ticket}.")
}

/// One ticket read out: "H3, Housing options, waiting 12 min." or "..., called to Desk 2."
pub fn ticket_item(
    lang: Language,
    ticket: &str,
    service: &str,
    minutes: i64,
    desk: Option<&str>,
) -> String {
    match (lang, desk) {
        (Language::English, None) => format!("{ticket}, {service}, waiting {minutes} min."),
        (Language::English, Some(desk)) => {
            format!("{ticket}, {service}, waited {minutes} min, called to {desk}.")
        }
        (Language::Welsh, None) => format!("{ticket}, {service}, yn aros {minutes} munud."),
        (Language::Welsh, Some(desk)) => {
            format!("{ticket}, {service}, wedi aros {minutes} munud, galwyd i {desk}.")
        }
    }
}

/// The accessible mode's heading of the bookings: "Today's appointments: 3."
pub fn bookings_heading(lang: Language, count: usize, find: &str) -> String {
    match (lang, find.is_empty()) {
        (Language::English, true) => format!("Today's appointments: {count}."),
        (Language::English, false) => format!("Appointments today matching \"{find}\": {count}."),
        (Language::Welsh, true) => format!("Apwyntiadau heddiw: {count}."),
        (Language::Welsh, false) => {
            format!("Apwyntiadau heddiw yn cyfateb i \"{find}\": {count}.")
        }
    }
}

/// The accessible mode's heading of the waiting list: "Waiting: 2."
pub fn waiting_heading(lang: Language, count: usize) -> String {
    match lang {
        Language::English => format!("Waiting: {count}."),
        Language::Welsh => format!("Yn aros: {count}."),
    }
}

/// The accessible mode: 'arrive' found more than one booking.
pub fn which_booking(lang: Language, count: usize, word: &str) -> String {
    match lang {
        Language::English => {
            format!("{count} appointments match: type {word} and the reference of the right one.")
        }
        Language::Welsh => {
            format!("Mae {count} apwyntiad yn cyfateb: teipiwch {word} a chyfeirnod yr un cywir.")
        }
    }
}

/// The accessible mode: a service named for 'ticket' or 'call' that the catalogue lacks.
pub fn unknown_service(lang: Language, typed: &str) -> String {
    match lang {
        Language::English => format!(
            "No service is called \"{typed}\": give the service's id or the start of its title."
        ),
        Language::Welsh => format!(
            "Does dim gwasanaeth o'r enw \"{typed}\": rhowch id y gwasanaeth neu ddechrau ei deitl."
        ),
    }
}

/// The slip's line for a ticket given at the desk.
pub fn slip_ticket(lang: Language, ticket: &str) -> String {
    match lang {
        Language::English => format!("Your ticket: {ticket}. Please wait to be called."),
        Language::Welsh => format!("Eich tocyn: {ticket}. Arhoswch i gael eich galw."),
    }
}

/// The accessible mode's words for the screen's commands.
#[derive(serde::Serialize)]
pub struct WaitingWords {
    pub appointments: &'static str,
    pub arrive: &'static str,
    pub ticket: &'static str,
    pub call: &'static str,
    pub waiting: &'static str,
    pub seen: &'static str,
}

pub fn words(lang: Language) -> &'static WaitingWords {
    match lang {
        Language::English => &WaitingWords {
            appointments: "appointments",
            arrive: "arrive",
            ticket: "ticket",
            call: "call",
            waiting: "waiting",
            seen: "seen",
        },
        Language::Welsh => &WaitingWords {
            appointments: "apwyntiadau",
            arrive: "cyrraedd",
            ticket: "tocyn",
            call: "galw",
            waiting: "aros",
            seen: "gwelwyd",
        },
    }
}

/// The accessible mode's help on the screen.
pub fn help(lang: Language) -> &'static str {
    match lang {
        Language::English => {
            "Type a time or a reference to find an appointment. Commands: arrive TIME-OR-REFERENCE, ticket [SERVICE], call [SERVICE], seen, waiting, appointments, back."
        }
        Language::Welsh => {
            "Teipiwch amser neu gyfeirnod i ddod o hyd i apwyntiad. Gorchmynion: cyrraedd AMSER-NEU-GYFEIRNOD, tocyn [GWASANAETH], galw [GWASANAETH], gwelwyd, aros, apwyntiadau, nôl."
        }
    }
}
