//! A real PostgreSQL for the central tests: each test gets its own database (and roles with
//! names of its own, since roles belong to the whole server), dropped at the end, and a small
//! TCP proxy that can cut, delay or refuse the desk's connection.
//!
//! Run them with `FRONTDESK_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test`. Without
//! it each test prints a `SKIPPED` line where it is seen (past the harness's capture) and
//! passes, unless `FRONTDESK_TEST_REQUIRE_DATABASE=1` (CI) makes a missing server a failure.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use tokio_postgres::{Client, Config, NoTls, SimpleQueryMessage};

static SKIP_NOTE: Once = Once::new();

pub use super::EMPTY_CONFIG;

/// The `frontdesk` binary with nothing of this machine's environment: an empty config, the
/// data folder given, the UK's time zone.
pub fn frontdesk(data: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("frontdesk").unwrap();
    cmd.env_clear()
        .env("HOME", data)
        .env("FRONTDESK_CONFIG", EMPTY_CONFIG)
        .env("FRONTDESK_DATA_DIR", data)
        .env("TZ", "Europe/London");
    cmd
}

/// A plain SQL connection for the test's own checks.
pub struct Pg {
    runtime: tokio::runtime::Runtime,
    client: Client,
}

impl Pg {
    pub fn connect(url: &str) -> Pg {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let client = runtime.block_on(async {
            let (client, connection) = tokio_postgres::connect(url, NoTls).await.unwrap();
            tokio::spawn(connection);
            client
        });
        Pg { runtime, client }
    }

    pub fn exec(&self, sql: &str) {
        self.runtime
            .block_on(self.client.batch_execute(sql))
            .unwrap_or_else(|e| panic!("{sql}: {e:?}"));
    }

    pub fn try_exec(&self, sql: &str) -> Result<u64, String> {
        self.runtime
            .block_on(self.client.execute(sql, &[]))
            .map_err(|e| {
                e.as_db_error()
                    .map_or(e.to_string(), |d| d.message().to_string())
            })
    }

    /// Every row of a query, each value as text ("" for NULL).
    pub fn rows(&self, sql: &str) -> Vec<Vec<String>> {
        let messages = self
            .runtime
            .block_on(self.client.simple_query(sql))
            .unwrap_or_else(|e| panic!("{sql}: {e:?}"));
        messages
            .into_iter()
            .filter_map(|m| match m {
                SimpleQueryMessage::Row(row) => Some(
                    (0..row.len())
                        .map(|i| row.get(i).unwrap_or("").to_string())
                        .collect(),
                ),
                _ => None,
            })
            .collect()
    }

    pub fn try_rows(&self, sql: &str) -> Result<Vec<Vec<String>>, String> {
        self.runtime
            .block_on(self.client.simple_query(sql))
            .map(|messages| {
                messages
                    .into_iter()
                    .filter_map(|m| match m {
                        SimpleQueryMessage::Row(row) => Some(
                            (0..row.len())
                                .map(|i| row.get(i).unwrap_or("").to_string())
                                .collect(),
                        ),
                        _ => None,
                    })
                    .collect()
            })
            .map_err(|e| {
                e.as_db_error()
                    .map_or(e.to_string(), |d| d.message().to_string())
            })
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.rows(sql)[0][0].parse().unwrap()
    }
}

/// A database of the test's own on the test server, dropped with its roles at the end.
pub struct TestDb {
    admin_url: String,
    pub name: String,
    /// The owner's URL for this database.
    pub url: String,
    pub host: String,
    pub port: u16,
    user: String,
    roles: std::sync::Mutex<Vec<String>>,
}

impl TestDb {
    /// A new database, or `None` (after saying how to run these tests) when no server is set.
    pub fn create() -> Option<TestDb> {
        let admin_url = match std::env::var("FRONTDESK_TEST_DATABASE_URL") {
            Ok(url) if !url.is_empty() => url,
            _ => {
                if std::env::var("FRONTDESK_TEST_REQUIRE_DATABASE").is_ok_and(|v| v == "1") {
                    panic!(
                        "FRONTDESK_TEST_REQUIRE_DATABASE=1 but FRONTDESK_TEST_DATABASE_URL is not set; set it to a PostgreSQL URL, e.g. postgres://postgres@127.0.0.1:5432/test"
                    );
                }
                // Written to the process's own standard error, past the test harness's capture
                // (which hides what a passing test prints): every skipped test says so.
                let test = thread::current()
                    .name()
                    .unwrap_or("a central server test")
                    .to_string();
                let mut stderr = std::io::stderr().lock();
                let _ = writeln!(
                    stderr,
                    "SKIPPED {test}: no PostgreSQL to test against (it passes without checking anything)"
                );
                SKIP_NOTE.call_once(|| {
                    let _ = writeln!(
                        stderr,
                        "SKIPPED: to run the central server tests, set FRONTDESK_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (a server where that user may create databases and roles); FRONTDESK_TEST_REQUIRE_DATABASE=1 makes a missing server a failure"
                    );
                });
                return None;
            }
        };
        let config = Config::from_str(&admin_url).expect("FRONTDESK_TEST_DATABASE_URL parses");
        let host = match config.get_hosts().first() {
            Some(tokio_postgres::config::Host::Tcp(host)) => host.clone(),
            _ => "127.0.0.1".to_string(),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let user = config.get_user().unwrap_or("postgres").to_string();
        let name = format!("fd_test_{}", uuid::Uuid::new_v4().simple());
        Pg::connect(&admin_url).exec(&format!("CREATE DATABASE {name}"));
        let url = format!("postgres://{user}@{host}:{port}/{name}");
        Some(TestDb {
            admin_url,
            name,
            url,
            host,
            port,
            user,
            roles: std::sync::Mutex::new(Vec::new()),
        })
    }

    /// A role name of this test's own (roles are server-wide); dropped at the end.
    pub fn role(&self, what: &str) -> String {
        let role = format!("{}_{what}", &self.name[..20]);
        self.roles.lock().unwrap().push(role.clone());
        role
    }

    /// This database as `role`, straight to the server.
    pub fn url_as(&self, role: &str) -> String {
        format!(
            "postgres://{role}@{}:{}/{}",
            self.host, self.port, self.name
        )
    }

    /// This database as `role`, through `proxy`.
    pub fn url_via(&self, role: &str, proxy: &Proxy) -> String {
        format!("postgres://{role}@127.0.0.1:{}/{}", proxy.port, self.name)
    }

    pub fn owner(&self) -> Pg {
        Pg::connect(&self.url)
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let admin = Pg::connect(&self.admin_url);
        let _ = admin.try_exec(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ));
        for role in self.roles.lock().map(|r| r.clone()).unwrap_or_default() {
            let _ = admin.try_exec(&format!("DROP ROLE IF EXISTS {role}"));
        }
    }
}

/// What the proxy does to new and open connections.
#[derive(Debug, Default)]
pub struct ProxyFaults {
    /// Close every new connection at once (the server looks down).
    pub refuse: AtomicBool,
    /// Cut a connection once this many bytes have gone from the desk to the server (0: never).
    pub cut_after_bytes: AtomicU64,
    /// Hold each chunk this many milliseconds before passing it on.
    pub delay_ms: AtomicU64,
    /// Connections cut so far.
    pub cuts: AtomicUsize,
}

/// A TCP proxy on 127.0.0.1 in front of the test server.
pub struct Proxy {
    pub port: u16,
    pub faults: Arc<ProxyFaults>,
    stop: Arc<AtomicBool>,
}

impl Proxy {
    pub fn start(db: &TestDb) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let faults = Arc::new(ProxyFaults::default());
        let stop = Arc::new(AtomicBool::new(false));
        let upstream = format!("{}:{}", db.host, db.port);
        let (faults2, stop2) = (faults.clone(), stop.clone());
        thread::spawn(move || {
            while !stop2.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((desk, _)) => {
                        if faults2.refuse.load(Ordering::SeqCst) {
                            let _ = desk.shutdown(Shutdown::Both);
                            continue;
                        }
                        let Ok(server) = TcpStream::connect(&upstream) else {
                            continue;
                        };
                        let _ = desk.set_nonblocking(false);
                        let sent = Arc::new(AtomicU64::new(0));
                        pipe(
                            desk.try_clone().unwrap(),
                            server.try_clone().unwrap(),
                            faults2.clone(),
                            Some(sent),
                        );
                        pipe(server, desk, faults2.clone(), None);
                    }
                    Err(_) => thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Proxy { port, faults, stop }
    }

    pub fn heal(&self) {
        self.faults.refuse.store(false, Ordering::SeqCst);
        self.faults.cut_after_bytes.store(0, Ordering::SeqCst);
        self.faults.delay_ms.store(0, Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Copies `from` to `to` on its own thread, applying the faults; `sent` counts the desk's
/// bytes (only on the desk-to-server side).
fn pipe(
    mut from: TcpStream,
    mut to: TcpStream,
    faults: Arc<ProxyFaults>,
    sent: Option<Arc<AtomicU64>>,
) {
    thread::spawn(move || {
        let mut buffer = [0u8; 16 * 1024];
        loop {
            let n = match from.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            let delay = faults.delay_ms.load(Ordering::SeqCst);
            if delay > 0 {
                thread::sleep(Duration::from_millis(delay));
            }
            let mut n = n;
            if let Some(sent) = &sent {
                let limit = faults.cut_after_bytes.load(Ordering::SeqCst);
                let before = sent.fetch_add(n as u64, Ordering::SeqCst);
                if limit > 0 && before + n as u64 > limit {
                    // Pass on what fits, then cut both ways mid-stream.
                    n = limit.saturating_sub(before) as usize;
                    let _ = to.write_all(&buffer[..n]);
                    faults.cuts.fetch_add(1, Ordering::SeqCst);
                    let _ = to.shutdown(Shutdown::Both);
                    let _ = from.shutdown(Shutdown::Both);
                    break;
                }
            }
            if to.write_all(&buffer[..n]).is_err() {
                break;
            }
        }
        let _ = to.shutdown(Shutdown::Both);
        let _ = from.shutdown(Shutdown::Both);
    });
}
