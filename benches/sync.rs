//! Sync to the central server, on the PostgreSQL of this machine (FRONTDESK_TEST_DATABASE_URL,
//! default postgres://postgres@127.0.0.1:5432/test).
//!
//! - 100,000 queued visits (with their services, partners and reasons) sent by
//!   `push_all` as a desk's role, through row-level security, in batches of
//!   `push::BATCH_SIZE`. Goal: under 10 s.
//! - The same rows loaded straight into the same tables with PostgreSQL's own `COPY`, in one
//!   transaction, as the owner: the floor. Goal: sync within 2x of it.
//!
//! Each run uses a new database, dropped afterwards. Median, p99 and max over `RUNS` runs are
//! printed; on a shared machine the figures are noisy.

use std::collections::HashMap;
use std::io::Cursor;
use std::time::{Duration, Instant};

use chrono::{Duration as Span, Utc};
use frontdesk::central::{self, Central};
use frontdesk::config::ServerUrl;
use frontdesk::store::outbox::{SYNCED_CHILDREN, SYNCED_VISITS};
use frontdesk::store::{Store, VisitLog};
use frontdesk::visit::{ExclusionReason, Outcome, Visit, VisitDraft};
use futures_util::SinkExt;

mod support;

use support::{Server, TestServer, percentiles};

const VISITS: usize = 100_000;
const RUNS: usize = 5;

fn visit(n: usize) -> Visit {
    const SERVICES: [&str; 6] = [
        "council-tax-pay",
        "bulky-waste",
        "housing-advice",
        "blue-badge",
        "parking-permit",
        "benefits",
    ];
    let start = Utc::now() - Span::minutes(n as i64);
    let mut draft = VisitDraft::new(start, "Main reception", "AB", "2026.11");
    draft.ended_at = start + Span::seconds(90 + (n % 200) as i64);
    draft.services = vec![SERVICES[n % 6].to_string()];
    if n.is_multiple_of(3) {
        draft.services.push(SERVICES[(n + 1) % 6].to_string());
        draft.partners = vec!["citizens-advice".into()];
        draft.reasons = vec![ExclusionReason::NoDevice];
    }
    draft.outcome = Some(if n.is_multiple_of(4) {
        Outcome::Signposted
    } else {
        Outcome::Resolved
    });
    if n.is_multiple_of(10) {
        draft.note = Some("asked about bin day, 3 bags".into());
    }
    draft.into_visit().expect("a complete visit")
}

fn report(name: &str, samples: Vec<Duration>) -> Duration {
    let (median, p99, max) = percentiles(samples);
    println!(
        "{name:<52} median {:>7.3} s   p99 {:>7.3} s   max {:>7.3} s   ({RUNS} runs)",
        median.as_secs_f64(),
        p99.as_secs_f64(),
        max.as_secs_f64()
    );
    median
}

fn main() {
    let test_server = TestServer::from_env();
    let (host, port, user) = (&test_server.host, test_server.port, &test_server.user);
    let admin = Server::connect(&test_server.admin_url);

    let dir = tempfile::Builder::new()
        .prefix("frontdesk-sync-bench")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a temporary folder");
    let queued = dir.path().join("queued.sqlite3");
    {
        let visits: Vec<Visit> = (0..VISITS).map(visit).collect();
        let mut store = Store::open(&queued).expect("open");
        store.save_all(&visits).expect("save");
    }
    // The rows as COPY text for the floor, read from the same log.
    let reading = Instant::now();
    let batch = Store::open(&queued)
        .expect("open")
        .sync_batch(VISITS)
        .expect("read the outbox");
    let reading = reading.elapsed();
    let desks: HashMap<&str, &str> = batch
        .visits
        .iter()
        .map(|v| (v.visit_id.as_str(), v.desk.as_str()))
        .collect();
    let visit_rows: Vec<Vec<Option<String>>> = batch
        .visits
        .iter()
        .map(|v| {
            let mut row = vec![Some(v.version.to_string()), Some("f".to_string())];
            row.extend(v.row.clone().expect("a live visit"));
            row
        })
        .collect();
    let visit_copy =
        central::push::copy_text(visit_rows.iter().map(|r| r.iter().map(Option::as_deref)));
    let child_copies: Vec<Vec<u8>> = batch
        .children
        .iter()
        .map(|rows| {
            let with_desk: Vec<Vec<Option<&str>>> = rows
                .iter()
                .map(|r| {
                    let desk = r[0].as_deref().and_then(|id| desks.get(id).copied());
                    std::iter::once(desk)
                        .chain(r.iter().map(Option::as_deref))
                        .collect()
                })
                .collect();
            central::push::copy_text(with_desk.iter().map(|r| r.iter().copied()))
        })
        .collect();
    let children: usize = batch.children.iter().map(Vec::len).sum();
    println!(
        "\n{VISITS} visits with {children} service, partner and reason rows; PostgreSQL on {host}:{port}"
    );
    println!(
        "reading them from the desk's outbox and counting their facts (one batch, the desk's \
         side of a sync, done while the batch before is on its way): {:.3} s",
        reading.as_secs_f64()
    );

    let mut sync_times = Vec::new();
    let mut copy_times = Vec::new();
    for run in 0..RUNS {
        // Sync: a fresh copy of the queued log, a fresh database, a desk's role.
        let name = format!("fd_bench_{}", uuid::Uuid::new_v4().simple());
        let role = format!("{}_desk", &name[..21]);
        admin.exec(&format!("CREATE DATABASE {name}"));
        let owner_url = test_server.url(user, &name);
        let owner = ServerUrl::parse("bench", &owner_url).expect("url");
        let mut central = Central::connect(&owner).expect("connect");
        central::schema::migrate(&mut central).expect("migrate");
        central::schema::add_desk_role(&mut central, "Main reception", &role).expect("role");
        let copy_path = dir.path().join(format!("run{run}.sqlite3"));
        VisitLog::new(&queued)
            .backup_to(&copy_path, true)
            .expect("copy the log");
        let mut log = VisitLog::new(&copy_path);
        let desk_url = ServerUrl::parse("bench", &test_server.url(&role, &name)).expect("url");
        let started = Instant::now();
        let mut desk = Central::connect(&desk_url).expect("connect as the desk");
        let pushed =
            central::push::push_all(&mut desk, &mut log, central::push::BATCH_SIZE).expect("sync");
        sync_times.push(started.elapsed());
        assert_eq!((pushed.sent, pushed.waiting), (VISITS as u64, 0));
        drop(desk);

        // The floor: the same rows straight into the same (empty) tables with COPY.
        let floor_db = format!("{name}_copy");
        admin.exec(&format!("CREATE DATABASE {floor_db}"));
        let floor_url = test_server.url(user, &floor_db);
        let mut floor = Central::connect(&ServerUrl::parse("bench", &floor_url).expect("url"))
            .expect("connect");
        central::schema::migrate(&mut floor).expect("migrate");
        drop(floor);
        let (runtime, mut client) = Server::connect(&floor_url).into_parts();
        let started = Instant::now();
        runtime.block_on(async {
            let tx = client.transaction().await.expect("begin");
            let columns = SYNCED_VISITS.columns.join(", ");
            copy(
                &tx,
                &format!("COPY frontdesk.visits (version, undone, {columns}) FROM STDIN"),
                visit_copy.clone(),
            )
            .await;
            for (table, data) in SYNCED_CHILDREN.iter().zip(&child_copies) {
                copy(
                    &tx,
                    &format!(
                        "COPY frontdesk.{} (desk, {}) FROM STDIN",
                        table.name,
                        table.columns.join(", ")
                    ),
                    data.clone(),
                )
                .await;
            }
            tx.commit().await.expect("commit");
        });
        copy_times.push(started.elapsed());
        let check = Server::connect(&floor_url);
        assert_eq!(
            check.count("SELECT count(*) FROM frontdesk.visits"),
            Some(VISITS as i64)
        );
        drop(check);
        let synced = Server::connect(&owner_url);
        assert_eq!(
            synced.count("SELECT count(*) FROM frontdesk.visits"),
            Some(VISITS as i64)
        );
        drop(synced);
        drop(central);
        for db in [&name, &floor_db] {
            admin.exec(&format!("DROP DATABASE {db} WITH (FORCE)"));
        }
        admin.exec(&format!("DROP ROLE {role}"));
        let _ = std::fs::remove_file(&copy_path);
    }
    let sync = report("sync 100,000 visits (push_all, desk role, RLS)", sync_times);
    let floor = report("COPY of the same rows (owner, one transaction)", copy_times);
    println!(
        "sync / COPY (medians): {:.2}x   (goal: under 10 s and within 2x; machine shared, noisy)",
        sync.as_secs_f64() / floor.as_secs_f64()
    );
}

async fn copy(tx: &tokio_postgres::Transaction<'_>, statement: &str, data: Vec<u8>) {
    let sink = tx
        .copy_in::<_, Cursor<Vec<u8>>>(statement)
        .await
        .unwrap_or_else(|e| panic!("{statement}: {e}"));
    futures_util::pin_mut!(sink);
    sink.send(Cursor::new(data)).await.expect("send");
    sink.finish().await.expect("finish");
}
