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
    /// After the languages offered first on the interpreter's line: any other can be typed.
    pub any_language: &'static str,
    pub no_interpreter: &'static str,
    pub cancel_prompt: &'static str,
    /// The label of the field the interpreter's language is typed in.
    pub language_prompt: &'static str,
    pub today: &'static str,
    pub tomorrow: &'static str,
    /// Asked in the accessible mode when the slots are listed.
    pub which_slot: &'static str,
    /// Asked in the accessible mode for the needs.
    pub which_needs: &'static str,
    /// Asked in the accessible mode before booking.
    pub confirm: &'static str,
    /// Another word the accessible mode takes for the next free slots, besides 'more'.
    pub more_also: &'static str,
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
            any_language: "another language",
            no_interpreter: "none",
            cancel_prompt: "Reference to cancel: ",
            language_prompt: "Interpreter's language: ",
            today: "Today",
            tomorrow: "Tomorrow",
            which_slot: "Type a slot's number to choose it, or 'back'.",
            which_needs: "Type the needs separated by commas (interpreter=LANGUAGE, step-free, hearing-loop, quiet-room, longer-slot), or 'none'.",
            confirm: "Type 'yes' to book it, or 'back' to choose again.",
            more_also: "next",
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
            any_language: "iaith arall",
            no_interpreter: "dim",
            cancel_prompt: "Cyfeirnod i'w ganslo: ",
            language_prompt: "Iaith y cyfieithydd: ",
            today: "Heddiw",
            tomorrow: "Yfory",
            which_slot: "Teipiwch rif slot i'w ddewis, neu 'nôl'.",
            which_needs: "Teipiwch yr anghenion wedi'u gwahanu gan gomas (interpreter=IAITH, step-free, hearing-loop, quiet-room, longer-slot), neu 'dim'.",
            confirm: "Teipiwch 'ie' i'w drefnu, neu 'nôl' i ddewis eto.",
            more_also: "mwy",
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

/// Which of the free slots are shown when there are more than nine: "Free slots 10 to 18 of
/// 40."
pub fn page(lang: Language, first: usize, last: usize, total: usize) -> String {
    match lang {
        Language::English => format!("Free slots {first} to {last} of {total}."),
        Language::Welsh => format!("Slotiau rhydd {first} i {last} o {total}."),
    }
}

/// Said in the accessible mode under the slots when there are more than nine: the words that
/// read out the next nine and the nine before.
pub fn more_slots(lang: Language, later: Option<&str>, earlier: Option<&str>) -> Option<String> {
    Some(match (lang, later, earlier) {
        (_, None, None) => return None,
        (Language::English, Some(more), None) => {
            format!("Type '{more}' for the next free slots.")
        }
        (Language::English, None, Some(back)) => {
            format!("Type '{back}' for the free slots before these.")
        }
        (Language::English, Some(more), Some(back)) => {
            format!("Type '{more}' for the next free slots, or '{back}' for those before these.")
        }
        (Language::Welsh, Some(more), None) => {
            format!("Teipiwch '{more}' am y slotiau rhydd nesaf.")
        }
        (Language::Welsh, None, Some(back)) => {
            format!("Teipiwch '{back}' am y slotiau rhydd cyn y rhain.")
        }
        (Language::Welsh, Some(more), Some(back)) => format!(
            "Teipiwch '{more}' am y slotiau rhydd nesaf, neu '{back}' am y rhai cyn y rhain."
        ),
    })
}

/// Said in the accessible mode when there are no more free slots after (or before) those read.
pub fn no_more_slots(lang: Language, after: bool) -> &'static str {
    match (lang, after) {
        (Language::English, true) => "There are no more free slots after these.",
        (Language::English, false) => "These are the nearest free slots; there are none before.",
        (Language::Welsh, true) => "Does dim rhagor o slotiau rhydd ar ôl y rhain.",
        (Language::Welsh, false) => "Dyma'r slotiau rhydd agosaf; does dim rhai cyn y rhain.",
    }
}

/// Said under the interpreter's language field: the languages offered first and the keys.
pub fn language_help(
    lang: Language,
    offered: &str,
    arrows: &str,
    enter: &str,
    esc: &str,
) -> String {
    match lang {
        Language::English => format!(
            "{arrows}: {offered}; or type any language. {enter} notes it (left empty, no interpreter); {esc} leaves it as it was."
        ),
        Language::Welsh => format!(
            "{arrows}: {offered}; neu teipiwch unrhyw iaith. Mae {enter} yn ei nodi (yn wag, dim cyfieithydd); mae {esc} yn ei adael fel yr oedd."
        ),
    }
}

/// Said when a need, or the interpreter's language typed, is not noted: why, and what to do.
pub fn need_not_noted(lang: Language, why: &crate::appointments::needs::NeedError) -> String {
    use crate::appointments::needs::NeedError;
    match (lang, why) {
        (_, NeedError::Unknown { .. }) => need_refused(lang, &why.to_string()),
        (Language::English, NeedError::PersonalData { kinds }) => format!(
            "Not noted: the interpreter's language looks like it holds {}; type only the language, such as Polish.",
            super::privacy::describe(lang, kinds)
        ),
        (Language::Welsh, NeedError::PersonalData { kinds }) => format!(
            "Heb ei nodi: mae'n edrych fel bod iaith y cyfieithydd yn cynnwys {}; teipiwch yr iaith yn unig, fel Pwyleg.",
            super::privacy::describe(lang, kinds)
        ),
        // What was typed is not said again: it may be a detail the check does not know.
        (Language::English, NeedError::NotALanguage { .. }) => format!(
            "Not noted: that is not a language's name; type letters only, up to {}, such as Polish.",
            crate::appointments::needs::LANGUAGE_MAX_CHARS
        ),
        (Language::Welsh, NeedError::NotALanguage { .. }) => format!(
            "Heb ei nodi: nid yw hwnnw'n enw iaith; teipiwch lythrennau yn unig, hyd at {}, fel Pwyleg.",
            crate::appointments::needs::LANGUAGE_MAX_CHARS
        ),
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
