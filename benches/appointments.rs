//! Appointments on a busy day: a real visit log (in the target folder, on the real disk) that
//! already holds 10,000 bookings on the day.
//!
//! - Booking one more place (`Store::book`: the write lock, the count, the reference, the
//!   insert, `synchronous=FULL`): median and p99 over 500 individually timed bookings.
//!   Goal: p99 under 5 ms.
//! - Listing the day's bookings (`Store::bookings_on`, all 10,000): median and p99 of 50.
//!
//! The percentile figures are printed to stdout; criterion measures the same operations too.

use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use frontdesk::appointments::london;
use frontdesk::appointments::needs::Need;
use frontdesk::store::Store;
use frontdesk::store::bookings::{Booked, NewBooking};
use tempfile::TempDir;

const ON_THE_DAY: usize = 10_000;
const TIMED_BOOKINGS: usize = 500;
const TIMED_LISTINGS: usize = 50;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 12).unwrap()
}

/// The `n`th slot of the day: 100 slots of five minutes from 08:00, 100 places each.
fn booking(n: usize, needs: &[Need]) -> NewBooking<'_> {
    let at = day().and_hms_opt(8, 0, 0).unwrap() + chrono::Duration::minutes(5 * (n % 100) as i64);
    NewBooking {
        service: if n.is_multiple_of(3) {
            "benefits-check"
        } else {
            "homelessness"
        },
        place: "council-offices",
        at,
        starts: london::instant(at).unwrap(),
        minutes: 5,
        capacity: u32::MAX,
        needs,
        no_show_after: chrono::Duration::minutes(15),
    }
}

fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    let median = times[times.len() / 2];
    let p99 = times[(times.len() * 99).div_ceil(100) - 1];
    (median, p99)
}

fn busy_day() -> (TempDir, Store) {
    let dir = tempfile::Builder::new()
        .prefix("frontdesk-appointments-bench")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a temporary folder in the target folder");
    let mut store = Store::open(&dir.path().join("visits.sqlite3")).unwrap();
    let now = Utc.with_ymd_and_hms(2027, 1, 4, 9, 0, 0).unwrap();
    let needs = [Need::StepFree];
    for n in 0..ON_THE_DAY {
        let needs: &[Need] = if n.is_multiple_of(7) { &needs } else { &[] };
        assert!(matches!(
            store.book(&booking(n, needs), now).unwrap(),
            Booked::Made(_)
        ));
    }
    (dir, store)
}

fn bench(c: &mut Criterion) {
    let (_dir, mut store) = busy_day();
    let now = Utc.with_ymd_and_hms(2027, 1, 4, 9, 0, 0).unwrap();
    let mut times = Vec::with_capacity(TIMED_BOOKINGS);
    for n in 0..TIMED_BOOKINGS {
        let started = Instant::now();
        store.book(&booking(n, &[]), now).unwrap();
        times.push(started.elapsed());
    }
    let (median, p99) = percentiles(times);
    println!(
        "booking one place with {ON_THE_DAY} bookings on the day: median {median:?}, p99 {p99:?} ({TIMED_BOOKINGS} bookings)"
    );
    let mut times = Vec::with_capacity(TIMED_LISTINGS);
    for _ in 0..TIMED_LISTINGS {
        let started = Instant::now();
        let listed = store.bookings_on(day()).unwrap();
        times.push(started.elapsed());
        assert!(listed.len() >= ON_THE_DAY);
    }
    let (median, p99) = percentiles(times);
    println!(
        "listing the day's {ON_THE_DAY}+ bookings: median {median:?}, p99 {p99:?} ({TIMED_LISTINGS} listings)"
    );
    let mut n = 0;
    c.bench_function("book one place on a day of 10,000 bookings", |b| {
        b.iter(|| {
            n += 1;
            store.book(&booking(n, &[]), now).unwrap()
        })
    });
    c.bench_function("list a day of 10,000 bookings", |b| {
        b.iter(|| store.bookings_on(day()).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
