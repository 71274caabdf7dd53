//! The words of booking an appointment at the desk, in English and Welsh: the booking screen's
//! headings, its slot and need lines, its confirmation, the cancel prompt, and what the status
//! bar says as a booking is made, lost to another desk or cancelled.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::Language;
use crate::appointments::BookingState;

const WELSH_DAYS_SHORT: [&str; 7] = ["Llun", "Maw", "Mer", "Iau", "Gwe", "Sad", "Sul"];
/// March is written in full: "Maw" is Tuesday.
const WELSH_MONTHS_SHORT: [&str; 12] = [
    "Ion", "Chwef", "Mawrth", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag",
];

/// The booking screen's fixed words.
#[derive(serde::Serialize)]
pub struct BookingWords {
    /// The screen's name, for the title bar and help.
    pub screen: &'static str,
    pub slots: &'static str,
    pub needs: &'static str,
    pub booked: &'static str,
    pub loading: &'static str,
    pub none_free: &'static str,
    pub slot: &'static str,
    pub reference: &'static str,
    pub when: &'static str,
    pub place: &'static str,
    pub address: &'static str,
    pub access: &'static str,
    pub bring: &'static str,
    pub noted: &'static str,
    pub interpreter: &'static str,
    pub no_interpreter: &'static str,
    pub cancel_prompt: &'static str,
    pub today: &'static str,
    pub tomorrow: &'static str,
    /// Asked in the accessible mode when the slots are listed.
    pub which_slot: &'static str,
    /// Asked in the accessible mode for the needs.
    pub which_needs: &'static str,
    /// Asked in the accessible mode before booking.
    pub confirm: &'static str,
}

pub fn words(lang: Language) -> &'static BookingWords {
    match lang {
        Language::English => &BookingWords {
            screen: "Book an appointment",
            slots: "Nearest free slots",
            needs: "What the resident needs (optional)",
            booked: "Booked",
            loading: "Reading the free slots...",
            none_free: "No free slots in the days bookings are taken for.",
            slot: "Slot: ",
            reference: "Reference: ",
            when: "When: ",
            place: "Where: ",
            address: "Address: ",
            access: "Access: ",
            bring: "Please bring: ",
            noted: "Needs noted: ",
            interpreter: "Interpreter: ",
            no_interpreter: "none",
            cancel_prompt: "Reference to cancel: ",
            today: "Today",
            tomorrow: "Tomorrow",
            which_slot: "Type a slot's number to choose it, or 'back'.",
            which_needs: "Type the needs separated by commas (interpreter=LANGUAGE, step-free, hearing-loop, quiet-room, longer-slot), or 'none'.",
            confirm: "Type 'yes' to book it, or 'back' to choose again.",
        },
        Language::Welsh => &BookingWords {
            screen: "Trefnu apwyntiad",
            slots: "Y slotiau rhydd agosaf",
            needs: "Beth sydd ei angen ar y preswylydd (dewisol)",
            booked: "Wedi trefnu",
            loading: "Yn darllen y slotiau rhydd...",
            none_free: "Dim slotiau rhydd yn y dyddiau y mae modd trefnu ar eu cyfer.",
            slot: "Slot: ",
            reference: "Cyfeirnod: ",
            when: "Pryd: ",
            place: "Ble: ",
            address: "Cyfeiriad: ",
            access: "Mynediad: ",
            bring: "Dewch â'r canlynol: ",
            noted: "Anghenion a nodwyd: ",
            interpreter: "Cyfieithydd: ",
            no_interpreter: "dim",
            cancel_prompt: "Cyfeirnod i'w ganslo: ",
            today: "Heddiw",
            tomorrow: "Yfory",
            which_slot: "Teipiwch rif slot i'w ddewis, neu 'nôl'.",
            which_needs: "Teipiwch yr anghenion wedi'u gwahanu gan gomas (interpreter=IAITH, step-free, hearing-loop, quiet-room, longer-slot), neu 'dim'.",
            confirm: "Teipiwch 'ie' i'w drefnu, neu 'nôl' i ddewis eto.",
        },
    }
}

/// A slot's day, short: "Today", "Tomorrow", "Wed 9 Dec".
pub fn day(lang: Language, day: NaiveDate, today: NaiveDate) -> String {
    let w = words(lang);
    if day == today {
        return w.today.to_string();
    }
    if today.succ_opt() == Some(day) {
        return w.tomorrow.to_string();
    }
    match lang {
        Language::English => day.format("%a %-d %b").to_string(),
        Language::Welsh => format!(
            "{} {} {}",
            WELSH_DAYS_SHORT[day.weekday().num_days_from_monday() as usize],
            day.day(),
            WELSH_MONTHS_SHORT[day.month0() as usize]
        ),
    }
}

/// One slot of the list: "Today 14:30  Council offices  (2 free)".
pub fn slot_line(
    lang: Language,
    at: NaiveDateTime,
    today: NaiveDate,
    place: &str,
    free: u32,
) -> String {
    let day = day(lang, at.date(), today);
    let time = at.format("%H:%M");
    match lang {
        Language::English => format!("{day} {time}  {place}  ({free} free)"),
        Language::Welsh => format!("{day} {time}  {place}  ({free} ar gael)"),
    }
}

/// A need of the fixed list, ticked or not: "[x] step-free access".
pub fn need_line(ticked: bool, words: &str) -> String {
    format!("[{}] {words}", if ticked { "x" } else { " " })
}

/// Said when the key to book is pressed on something with no appointments.
pub fn no_offers(lang: Language, title: &str) -> String {
    match lang {
        Language::English => format!(
            "{title} has no appointments to book at the desk; signpost the resident or log the visit instead."
        ),
        Language::Welsh => format!(
            "Does dim apwyntiadau i'w trefnu wrth y ddesg ar gyfer {title}; cyfeiriwch y preswylydd neu cofnodwch yr ymweliad yn lle hynny."
        ),
    }
}

/// Said when the key to book is pressed where nothing is on screen to book for.
pub fn nothing_to_book(lang: Language) -> &'static str {
    match lang {
        Language::English => {
            "Open a service or a partner, or reach a script's end, to book an appointment."
        }
        Language::Welsh => {
            "Agorwch wasanaeth neu bartner, neu cyrhaeddwch ddiwedd sgript, i drefnu apwyntiad."
        }
    }
}

/// Said while the booking is on its way to the log.
pub fn booking(lang: Language) -> &'static str {
    match lang {
        Language::English => "Booking...",
        Language::Welsh => "Yn trefnu...",
    }
}

/// Said once the booking is made: the reference, and that the visit carries it.
pub fn made(lang: Language, reference: &str, when: &str, place: &str, print: &str) -> String {
    match lang {
        Language::English => format!(
            "Booked {when} at {place}: reference {reference}. The visit records an appointment made; press {print} to print the resident's slip."
        ),
        Language::Welsh => format!(
            "Wedi trefnu {when} yn {place}: cyfeirnod {reference}. Mae'r ymweliad yn cofnodi apwyntiad wedi'i wneud; pwyswch {print} i argraffu slip y preswylydd."
        ),
    }
}

/// Said when another desk took the last place of the slot first.
pub fn lost(lang: Language) -> &'static str {
    match lang {
        Language::English => {
            "Another desk has just taken the last place in that slot; here are the free slots again."
        }
        Language::Welsh => {
            "Mae desg arall newydd gymryd y lle olaf yn y slot hwnnw; dyma'r slotiau rhydd eto."
        }
    }
}

/// Said when longer-slot is ticked and the slot chosen has no free slot after it.
pub fn no_following_slot(lang: Language) -> &'static str {
    match lang {
        Language::English => {
            "That slot has no free slot after it for a longer appointment; choose another."
        }
        Language::Welsh => {
            "Nid oes slot rhydd ar ôl y slot hwnnw ar gyfer apwyntiad hirach; dewiswch un arall."
        }
    }
}

/// Said when Enter is pressed before a slot is chosen.
pub fn choose_slot_first(lang: Language) -> &'static str {
    match lang {
        Language::English => "Choose a free slot first, by its number or the arrows.",
        Language::Welsh => "Dewiswch slot rhydd yn gyntaf, â'i rif neu'r saethau.",
    }
}

/// Said after a cancellation: the place is free, and how to book again.
pub fn cancelled(lang: Language, reference: &str) -> String {
    match lang {
        Language::English => {
            format!("Cancelled {reference}; the place is free again. To rebook, choose a new slot.")
        }
        Language::Welsh => format!(
            "Wedi canslo {reference}; mae'r lle ar gael eto. I aildrefnu, dewiswch slot newydd."
        ),
    }
}

/// Said when no booking has the reference typed.
pub fn not_found(lang: Language, reference: &str) -> String {
    match lang {
        Language::English => format!(
            "No booking has the reference {reference}; check it against the resident's slip."
        ),
        Language::Welsh => format!(
            "Does dim apwyntiad â'r cyfeirnod {reference}; gwiriwch ef yn erbyn slip y preswylydd."
        ),
    }
}

/// Said when a booking cannot be cancelled in its state.
pub fn not_cancellable(lang: Language, reference: &str, state: BookingState) -> String {
    let state = super::appointments::state(lang, state);
    match lang {
        Language::English => format!(
            "Booking {reference} is {state}, so it cannot be cancelled; only a booking not yet checked in can."
        ),
        Language::Welsh => format!(
            "Mae apwyntiad {reference} {state}, felly does dim modd ei ganslo; dim ond apwyntiad heb gofrestru y mae modd ei ganslo."
        ),
    }
}

/// Said when what was typed is not a reference.
pub fn not_a_reference(lang: Language, typed: &str) -> String {
    match lang {
        Language::English => format!(
            "'{typed}' is not a booking reference: it is 7 letters and digits as on the resident's slip, with no 0, O, 1, I or L."
        ),
        Language::Welsh => format!(
            "Nid yw '{typed}' yn gyfeirnod apwyntiad: mae'n 7 nod (llythrennau a digidau) fel ar slip y preswylydd, heb 0, O, 1, I nac L."
        ),
    }
}

/// Said when a need typed in the accessible mode is refused: the reason, and what to type.
pub fn need_refused(lang: Language, reason: &str) -> String {
    match lang {
        Language::English => format!("Not noted: {reason}."),
        Language::Welsh => format!("Heb ei nodi: {reason}."),
    }
}

/// The booking screen's bottom border once booked: the keys for the resident's slip.
pub fn slip_offer(lang: Language, print_key: &str, save_key: &str) -> String {
    match lang {
        Language::English => {
            format!(" Resident's slip: {print_key} print, {save_key} save to a file ")
        }
        Language::Welsh => {
            format!(" Slip y preswylydd: {print_key} argraffu, {save_key} cadw mewn ffeil ")
        }
    }
}
