//! What the benches on the central server share: the test server's address (from
//! FRONTDESK_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), a plain SQL
//! connection for their own set-up and checks, and percentiles of timed runs. Each bench
//! uses a part of it.

#![allow(dead_code)]

use std::str::FromStr;
use std::time::Duration;

use tokio_postgres::NoTls;

/// The test server: the administrator's URL, and the parts a bench builds other URLs from.
pub struct TestServer {
    pub admin_url: String,
    pub host: String,
    pub port: u16,
    pub user: String,
}

impl TestServer {
    pub fn from_env() -> TestServer {
        let admin_url = std::env::var("FRONTDESK_TEST_DATABASE_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
        let config = tokio_postgres::Config::from_str(&admin_url).expect("a PostgreSQL URL");
        let host = match config.get_hosts().first() {
            Some(tokio_postgres::config::Host::Tcp(host)) => host.clone(),
            _ => "127.0.0.1".into(),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let user = config.get_user().unwrap_or("postgres").to_string();
        TestServer {
            admin_url,
            host,
            port,
            user,
        }
    }

    /// The URL of `database` on this server as `role`.
    pub fn url(&self, role: &str, database: &str) -> String {
        format!("postgres://{role}@{}:{}/{database}", self.host, self.port)
    }
}

/// A plain SQL connection.
pub struct Server {
    runtime: tokio::runtime::Runtime,
    client: tokio_postgres::Client,
}

impl Server {
    pub fn connect(url: &str) -> Server {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let client = runtime.block_on(async {
            let (client, connection) = tokio_postgres::connect(url, NoTls)
                .await
                .expect("connect to the test server");
            tokio::spawn(connection);
            client
        });
        Server { runtime, client }
    }

    pub fn exec(&self, sql: &str) {
        self.runtime
            .block_on(self.client.batch_execute(sql))
            .unwrap_or_else(|e| panic!("{e:?}"));
    }

    /// The first column of a query's only row; `None` when the query fails.
    pub fn count(&self, sql: &str) -> Option<i64> {
        self.runtime
            .block_on(self.client.query_one(sql, &[]))
            .ok()
            .map(|row| row.get(0))
    }

    /// The runtime and the client, for what `exec` and `count` do not do (`COPY` in a
    /// transaction).
    pub fn into_parts(self) -> (tokio::runtime::Runtime, tokio_postgres::Client) {
        (self.runtime, self.client)
    }
}

/// The median, p99 and longest of the samples.
pub fn percentiles(mut samples: Vec<Duration>) -> (Duration, Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 * q).ceil() as usize).saturating_sub(1)];
    (at(0.5), at(0.99), samples[samples.len() - 1])
}
