//! `frontdesk appointments` and `frontdesk slip --appointment`: free slots, booking, the day's
//! bookings, checking in and cancelling, and the resident's appointment slip.

use std::process::ExitCode;

use anyhow::{anyhow, bail};
use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::table::{Column, Table};
use crate::appointments::needs::Need;
use crate::appointments::slots::{self, NoSlots, Slot};
use crate::appointments::{Booking, BookingState, london, reference};
use crate::catalogue::Catalogue;
use crate::catalogue::places::AppointmentOffer;
use crate::cli::{AppointmentsCommand, BookArgs, SlipArgs};
use crate::config::Settings;
use crate::ledger::Ledger;
use crate::output_file::{self, Privacy};
use crate::store::bookings::{Booked, Change, NewBooking};
use crate::text::Language;
use crate::text::appointments as words;

pub fn run(settings: &Settings, command: AppointmentsCommand) -> anyhow::Result<ExitCode> {
    match command {
        AppointmentsCommand::Slots {
            service,
            place,
            date,
            json,
        } => slots_of_day(
            settings,
            service.as_deref(),
            place.as_deref(),
            date.as_deref(),
            json,
        ),
        AppointmentsCommand::Book(args) => book(settings, &args),
        AppointmentsCommand::List { date, json } => list(settings, date.as_deref(), json),
        AppointmentsCommand::Arrive { reference, json } => arrive(settings, &reference, json),
        AppointmentsCommand::Seen {
            reference,
            desk,
            json,
        } => seen(settings, &reference, desk.as_deref(), json),
        AppointmentsCommand::Cancel { reference, json } => cancel(settings, &reference, json),
    }
}

/// The bookings and waiting list (the data folder's, or the site's on the server), with
/// bookings past their time marked as no-shows.
pub(super) fn open_store(settings: &Settings, now: DateTime<Utc>) -> anyhow::Result<Ledger> {
    Ok(Ledger::open(settings, now)?)
}

/// `--date`: YYYY-MM-DD or "today"; today (in the UK) when not given.
pub(super) fn parse_date(text: Option<&str>, now: DateTime<Utc>) -> anyhow::Result<NaiveDate> {
    match text.map(str::trim) {
        None => Ok(london::today(now)),
        Some(t) if t.eq_ignore_ascii_case("today") => Ok(london::today(now)),
        Some(t) if t.eq_ignore_ascii_case("tomorrow") => Ok(london::today(now) + Duration::days(1)),
        Some(t) => NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| {
            anyhow!(
                "--date: {:?} is not a date; write it as YYYY-MM-DD (e.g. 2027-01-12) or today",
                crate::printable::printable(t)
            )
        }),
    }
}

/// A service that offers appointments (at `place`, when given), or one sentence saying which do.
fn check_ids(
    catalogue: &Catalogue,
    service: Option<&str>,
    place: Option<&str>,
) -> anyhow::Result<()> {
    let appointments = &catalogue.appointments;
    if let Some(place) = place
        && appointments.place(place).is_none()
    {
        let ids: Vec<&str> = appointments.places.iter().map(|p| p.id.as_str()).collect();
        bail!(
            "--place {}: no place has this id; the places are: {}",
            crate::printable::printable(place),
            list_or_none(&ids)
        );
    }
    if let Some(service) = service
        && appointments.offers_of(Some(service), None).next().is_none()
    {
        let mut ids: Vec<&str> = appointments
            .offers
            .iter()
            .map(|o| o.service.as_str())
            .collect();
        ids.dedup();
        let what = if catalogue.service(service).is_some() || catalogue.partner(service).is_some() {
            "this service offers no appointments"
        } else {
            "no service has this id"
        };
        bail!(
            "--service {}: {what}; the services with appointments are: {}",
            crate::printable::printable(service),
            list_or_none(&ids)
        );
    }
    if let (Some(service), Some(place)) = (service, place)
        && appointments
            .offers_of(Some(service), Some(place))
            .next()
            .is_none()
    {
        let places: Vec<&str> = appointments
            .offers_of(Some(service), None)
            .map(|o| o.place.as_str())
            .collect();
        bail!(
            "--service {service} has no appointments at --place {place}; it has them at: {}",
            places.join(", ")
        );
    }
    Ok(())
}

fn list_or_none(ids: &[&str]) -> String {
    if ids.is_empty() {
        "none (the catalogue has no [[appointments]])".to_string()
    } else {
        ids.join(", ")
    }
}

/// Every booking taken in the slots from a day before `from` to `days` days after.
fn taken_around(store: &mut Ledger, from: NaiveDate, days: i64) -> anyhow::Result<slots::Taken> {
    let start = (from - Duration::days(1))
        .and_time(chrono::NaiveTime::MIN)
        .and_utc();
    let end = start + Duration::days(days + 3);
    Ok(store.taken_between(start, end)?)
}

fn slots_of_day(
    settings: &Settings,
    service: Option<&str>,
    place: Option<&str>,
    date: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let now = crate::clock::now()?;
    let day = parse_date(date, now)?;
    let catalogue = crate::runtime::load_catalogue(settings)?;
    check_ids(&catalogue, service, place)?;
    let mut store = open_store(settings, now)?;
    let taken = taken_around(&mut store, day, 1)?;
    let slots = slots::on_day(&catalogue.appointments, service, place, day, now, &taken);
    if json {
        outln!("{}", serde_json::to_string_pretty(&slots)?);
        return Ok(ExitCode::SUCCESS);
    }
    if slots.is_empty() {
        outln!("{}", words::no_slots(settings.language));
        return Ok(ExitCode::SUCCESS);
    }
    let heads = words::columns(settings.language);
    let mut table = Table::new(&[
        Column::left(heads.at, 16),
        Column::left(heads.service, 32),
        Column::left(heads.place, 32),
        Column::right(heads.free, 4),
    ]);
    for slot in &slots {
        table.row([
            slot.at.format(slots::AT_FORMAT).to_string(),
            slot.service.clone(),
            slot.place.clone(),
            slot.free.to_string(),
        ]);
    }
    out!("{}", table.render());
    Ok(ExitCode::SUCCESS)
}

/// How many times `--next` tries the following free slot when another desk took the one it
/// found first.
const NEXT_TRIES: usize = 10;

fn book(settings: &Settings, args: &BookArgs) -> anyhow::Result<ExitCode> {
    let now = crate::clock::now()?;
    let catalogue = crate::runtime::load_catalogue(settings)?;
    check_ids(&catalogue, Some(&args.service), args.place.as_deref())?;
    let mut needs = Vec::with_capacity(args.needs.len());
    for given in &args.needs {
        let need = Need::parse(given, &catalogue).map_err(|e| anyhow!("--needs: {e}"))?;
        if !needs.contains(&need) {
            needs.push(need);
        }
    }
    needs.sort();
    let longer = needs.contains(&Need::LongerSlot);
    let at = match &args.at {
        Some(text) => Some(slots::parse_at(text).ok_or_else(|| {
            anyhow!(
                "--at {:?} is not a time; write it as YYYY-MM-DDTHH:MM in local time, e.g. 2027-01-12T09:30",
                crate::printable::printable(text)
            )
        })?),
        None if args.next => None,
        None => bail!("give --at YYYY-MM-DDTHH:MM or --next"),
    };
    let appointments = &catalogue.appointments;
    let offers: Vec<&AppointmentOffer> = appointments
        .offers_of(Some(&args.service), args.place.as_deref())
        .collect();
    let horizon = offers.iter().map(|o| o.horizon_days).max().unwrap_or(0);
    let mut store = open_store(settings, now)?;
    let mut tries = 0;
    let booking = loop {
        tries += 1;
        let today = london::today(now);
        let taken = match at {
            Some(at) => taken_around(&mut store, at.date(), 1)?,
            None => taken_around(&mut store, today, i64::from(horizon))?,
        };
        let (slot, offer) = match at {
            Some(at) => chosen_slot(&catalogue, &offers, at, longer, now, &taken)?,
            None => {
                let slot = slots::next_free_for(
                    appointments,
                    Some(&args.service),
                    args.place.as_deref(),
                    now,
                    &taken,
                    longer,
                )
                .ok_or_else(|| {
                    anyhow!(
                        "--next: {} has no free slot in the next {horizon} days; try another place or service",
                        args.service
                    )
                })?;
                let offer = offers
                    .iter()
                    .find(|o| o.place == slot.place)
                    .copied()
                    .ok_or_else(|| anyhow!("the catalogue changed while booking; try again"))?;
                (slot, offer)
            }
        };
        let new = NewBooking {
            service: &slot.service,
            place: &slot.place,
            at: slot.at,
            starts: slot.starts,
            minutes: slot.minutes,
            capacity: slot.capacity,
            needs: &needs,
            no_show_after: Duration::minutes(i64::from(offer.no_show_minutes)),
        };
        match store.book(&new, now)? {
            Booked::Made(booking) => break booking,
            Booked::Full if at.is_none() && tries < NEXT_TRIES => continue,
            Booked::Full => bail!(
                "the slot at {} at {} was just taken by another desk; `frontdesk appointments slots --service {} --date {}` lists the free ones",
                slot.at.format(slots::AT_FORMAT),
                slot.place,
                slot.service,
                slot.at.date()
            ),
        }
    };
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&booking)?);
    } else {
        let lang = settings.language;
        let place = place_name(&catalogue, &booking.place, lang);
        outln!(
            "{}",
            words::booked(
                lang,
                &booking.reference,
                &words::when(lang, booking.at),
                &place
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The slot at `at` of the first offer that has one with a place free; one sentence saying why
/// when none has.
fn chosen_slot<'a>(
    catalogue: &Catalogue,
    offers: &[&'a AppointmentOffer],
    at: chrono::NaiveDateTime,
    longer: bool,
    now: DateTime<Utc>,
    taken: &slots::Taken,
) -> anyhow::Result<(Slot, &'a AppointmentOffer)> {
    let appointments = &catalogue.appointments;
    let mut reason = NoSlots::NotThatDay;
    let mut full = None;
    let mut no_second = None;
    for offer in offers {
        match slots::find(offer, appointments, at, now, taken) {
            Ok(slot) if slots::bookable(offer, appointments, &slot, longer, now, taken) => {
                return Ok((slot, *offer));
            }
            Ok(slot) if slot.free > 0 => no_second = Some(slot),
            Ok(slot) => full = Some(slot),
            Err(why) => reason = why,
        }
    }
    let shown = at.format(slots::AT_FORMAT);
    if let Some(slot) = no_second {
        bail!(
            "--needs longer-slot takes the slot at {shown} and the one after it at {}, and the one after it is taken or there is none; `frontdesk appointments slots --service {} --date {}` lists the free ones",
            slot.place,
            slot.service,
            at.date()
        );
    }
    if let Some(slot) = full {
        bail!(
            "the slot at {shown} at {} is full; `frontdesk appointments slots --service {} --date {}` lists the free ones",
            slot.place,
            slot.service,
            at.date()
        );
    }
    let why = match reason {
        NoSlots::Past => "has already started".to_string(),
        NoSlots::BeyondHorizon => {
            let days = offers.iter().map(|o| o.horizon_days).max().unwrap_or(0);
            format!("is more than {days} days ahead, further than bookings are taken")
        }
        NoSlots::ClosedDate => "falls on a day the place is closed".to_string(),
        NoSlots::BankHoliday => "falls on a bank holiday".to_string(),
        NoSlots::NotThatDay => "is not the start of a slot".to_string(),
    };
    bail!(
        "--at {shown} {why}; `frontdesk appointments slots --service {} --date {}` lists the slots",
        offers.first().map_or("", |o| o.service.as_str()),
        at.date()
    )
}

fn place_name(catalogue: &Catalogue, id: &str, lang: Language) -> String {
    match catalogue.appointments.place(id) {
        Some(place) => match (lang, place.cy.as_ref().and_then(|cy| cy.name.as_ref())) {
            (Language::Welsh, Some(name)) => name.clone(),
            _ => place.name.clone(),
        },
        None => id.to_string(),
    }
}

fn list(settings: &Settings, date: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    let now = crate::clock::now()?;
    let day = parse_date(date, now)?;
    let mut store = open_store(settings, now)?;
    let bookings = store.bookings_on(day)?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&bookings)?);
        return Ok(ExitCode::SUCCESS);
    }
    let lang = settings.language;
    if bookings.is_empty() {
        outln!("{}", words::no_bookings(lang));
        return Ok(ExitCode::SUCCESS);
    }
    let heads = words::columns(lang);
    let mut table = Table::new(&[
        Column::left(heads.time, 5),
        Column::left(heads.reference, 9),
        Column::left(heads.service, 28),
        Column::left(heads.place, 24),
        Column::left(heads.state, 14),
        Column::left(heads.ticket, 6),
        Column::left(heads.needs, 40),
    ]);
    for booking in &bookings {
        table.row([
            booking.at.format("%H:%M").to_string(),
            booking.reference.clone(),
            booking.service.clone(),
            booking.place.clone(),
            words::state(lang, booking.state).to_string(),
            booking.ticket.clone().unwrap_or_default(),
            needs_text(lang, booking),
        ]);
    }
    out!("{}", table.render());
    Ok(ExitCode::SUCCESS)
}

fn needs_text(lang: Language, booking: &Booking) -> String {
    booking
        .needs
        .iter()
        .map(|n| words::need(lang, n))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A reference as typed, in its written form, or one sentence saying what one looks like.
fn reference_given(text: &str) -> anyhow::Result<String> {
    reference::normalise(text).ok_or_else(|| {
        anyhow!(
            "{:?} is not a booking reference; a reference is {} letters and digits as on the resident's slip, e.g. K7FM3PX (check each character: it has no 0, O, 1, I or L)",
            crate::printable::printable(text),
            reference::LENGTH
        )
    })
}

fn not_found(reference: &str) -> anyhow::Error {
    anyhow!(
        "no booking has the reference {reference}; check it against the resident's slip, or find it with `frontdesk appointments list --date DATE`"
    )
}

/// The letter of a service's waiting tickets: its offer's, or the first letter of its id.
pub(super) fn ticket_letter(catalogue: &Catalogue, service: &str, place: Option<&str>) -> char {
    catalogue.appointments.ticket_letter(service, place)
}

fn arrive(settings: &Settings, given: &str, json: bool) -> anyhow::Result<ExitCode> {
    let reference = reference_given(given)?;
    let now = crate::clock::now()?;
    let catalogue = crate::runtime::load_catalogue(settings)?;
    let mut store = open_store(settings, now)?;
    let Some(booking) = store.booking(&reference)? else {
        return Err(not_found(&reference));
    };
    let letter = ticket_letter(&catalogue, &booking.service, Some(&booking.place));
    match store.arrive(&reference, letter, now)? {
        Change::Done((booking, ticket)) => {
            if json {
                let both = serde_json::json!({ "booking": booking, "ticket": ticket });
                outln!("{}", serde_json::to_string_pretty(&both)?);
            } else {
                outln!(
                    "{}",
                    words::arrived(settings.language, &reference, &ticket.ticket)
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Change::NotFound => Err(not_found(&reference)),
        Change::Refused(state) => bail!(
            "booking {reference} is {}, so it cannot be checked in again",
            words::state(Language::English, state)
        ),
    }
}

/// The desk named by `--desk`, or the config's.
pub(super) fn desk_of(settings: &Settings, desk: Option<&str>) -> anyhow::Result<String> {
    Ok(match desk {
        Some(desk) => crate::config::desk_from_flag("--desk", desk)?,
        None => settings.desk.clone(),
    })
}

fn seen(
    settings: &Settings,
    given: &str,
    desk: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let reference = reference_given(given)?;
    let desk = desk_of(settings, desk)?;
    let now = crate::clock::now()?;
    let mut store = open_store(settings, now)?;
    match store.seen(&reference, &desk, now)? {
        Change::Done(booking) => {
            if json {
                outln!("{}", serde_json::to_string_pretty(&booking)?);
            } else {
                outln!("{}", words::seen(settings.language, &reference, &desk));
            }
            Ok(ExitCode::SUCCESS)
        }
        Change::NotFound => Err(not_found(&reference)),
        Change::Refused(state @ (BookingState::Booked | BookingState::NoShow)) => bail!(
            "booking {reference} is {}: check the resident in first with `frontdesk appointments arrive {reference}`",
            words::state(Language::English, state)
        ),
        Change::Refused(state) => bail!(
            "booking {reference} is {}, so it cannot be marked seen; only a booking checked in can",
            words::state(Language::English, state)
        ),
    }
}

fn cancel(settings: &Settings, given: &str, json: bool) -> anyhow::Result<ExitCode> {
    let reference = reference_given(given)?;
    let now = crate::clock::now()?;
    let mut store = open_store(settings, now)?;
    match store.cancel(&reference, now)? {
        Change::Done(booking) => {
            if json {
                outln!("{}", serde_json::to_string_pretty(&booking)?);
            } else {
                outln!("{}", words::cancelled(settings.language, &reference));
            }
            Ok(ExitCode::SUCCESS)
        }
        Change::NotFound => Err(not_found(&reference)),
        Change::Refused(state) => bail!(
            "booking {reference} is {}, so it cannot be cancelled; only a booking not yet checked in can",
            words::state(Language::English, state)
        ),
    }
}

/// `frontdesk slip --appointment REF`: the slip of one booking.
pub fn slip(settings: &Settings, given: &str, args: &SlipArgs) -> anyhow::Result<ExitCode> {
    let reference = reference_given(given)?;
    if args.format == "html" {
        bail!("--format html is not made for appointment slips yet; leave it out for a text slip");
    }
    let catalogue = crate::runtime::load_catalogue(settings)?;
    let mut store = Ledger::open_plain(settings)?;
    let Some(booking) = store.booking(&reference)? else {
        return Err(not_found(&reference));
    };
    let today = london::today(crate::clock::now()?);
    let languages: &[Language] = match args.language.as_str() {
        "cy" => &[Language::Welsh],
        "both" => &[Language::Welsh, Language::English],
        _ => &[Language::English],
    };
    let parts: Vec<String> = languages
        .iter()
        .map(|lang| slip_text(&catalogue, &booking, *lang, today))
        .collect();
    let text = parts.join(&format!("\n{}\n\n", crate::text::slip::BILINGUAL_DIVIDER));
    match &args.output {
        Some(path) => {
            output_file::write(
                path,
                text.as_bytes(),
                &super::kept_files(settings),
                Privacy::Ordinary,
            )?;
            outln!("{}", path.display());
        }
        None => out!("{}", super::for_stdout(&text)),
    }
    Ok(ExitCode::SUCCESS)
}

/// The words of one booking's slip in one language (see [`crate::slip::appointment`]).
pub fn slip_text(
    catalogue: &Catalogue,
    booking: &Booking,
    lang: Language,
    today: NaiveDate,
) -> String {
    crate::slip::appointment::text(catalogue, booking, lang, today)
}
