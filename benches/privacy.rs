//! The note check's speed on a 500-character note (the longest a visit takes), built as the desk
//! builds it: with the embedded catalogue's contact details. One clean note, which every
//! recogniser reads to the end, one that holds personal data of several kinds, and one that says
//! it in words (numbers, a date, an address), which is read a second time with its numbers as
//! digits.

use criterion::{Criterion, criterion_group, criterion_main};
use frontdesk::catalogue::Catalogue;
use frontdesk::privacy::NoteCheck;
use frontdesk::visit::NOTE_MAX_CHARS;

const CLEAN: &str = "Resident asked about the council tax bill for 2025/26 and the summons dated \
12/05/2024. Explained the reminder letter, the 14 days to pay and the payment plan of £80 a month \
from 1 April. Gave the switchboard 01632 960000 and Shelter 0808 800 4444. Missed bin on Mill \
Lane, 3 bags left at the gate; bulky waste booked for Friday, 2 sofas and a fridge, £35. Lives in \
a 3rd floor flat, lift broken. Signposted to Citizens Advice for debt help and to the food bank \
on Fridays. Form CTR1 and HB1 given, back on Tuesday at 9.30am. ";

const PERSONAL: &str = "Mrs Jones (DOB 12/03/1985) of 14 Acacia Avenue, CR2 6XH, asked about her \
council tax account 50012345. Call back on 07700 900461 or email jo.bloggs at gmail dot com. NI \
AB 12 34 56 C, NHS number 943 476 5919, passport 533401372. Refund to sort code 20-00-00 acc \
12345678 or IBAN GB82 WEST 1234 5698 7654 32; she paid by card 4526 0181 5908 3012. Car reg \
AB12 CDE parked on the verge. Her son Jake came with her to translate, and her neighbour Mr A \
Patel complained about the hedge again this week. ";

const SPOKEN: &str = "Resident asked to be called back on oh seven seven double oh nine hundred \
four six one about two bags of garden waste and the council tax bill for three weeks; born on the \
third of March nineteen eighty, NI J H one two three four five six A, NHS 4 0 1 0 2 3 2 1 3 7. \
Lives at number twelve on the high street, flat 3 above the chip shop on Mill Lane. Sarah's \
landlord will not fix the boiler; car R123 ABC blocks the drive. Back at ten thirty on Friday. ";

/// The note cut to the longest a visit takes.
fn note(text: &str) -> String {
    text.chars().cycle().take(NOTE_MAX_CHARS).collect()
}

fn note_check(c: &mut Criterion) {
    let catalogue = Catalogue::embedded().expect("the embedded catalogue loads");
    let check = NoteCheck::new(catalogue.contact_details());
    let clean = note(CLEAN);
    let personal = note(PERSONAL);
    assert!(check.find(&clean).is_empty(), "the clean note is clean");
    assert!(!check.find(&personal).is_empty());
    // The patterns are built on first use; that happens once per run, not per note.
    let _ = check.find("warm up");
    c.bench_function("note check, 500-character clean note", |b| {
        b.iter(|| check.find(std::hint::black_box(&clean)))
    });
    c.bench_function("note check, 500-character note with personal data", |b| {
        b.iter(|| check.find(std::hint::black_box(&personal)))
    });
    let spoken = note(SPOKEN);
    assert!(!check.find(&spoken).is_empty());
    c.bench_function("note check, 500-character note said in words", |b| {
        b.iter(|| check.find(std::hint::black_box(&spoken)))
    });
}

criterion_group!(benches, note_check);
criterion_main!(benches);
