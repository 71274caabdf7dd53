//! One connection to the central server, with its own small runtime so the commands and the
//! app's sync worker can use it from an ordinary thread.

use std::future::Future;
use std::net::IpAddr;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use tokio::runtime::Runtime;
use tokio_postgres::config::{Host, SslMode};
use tokio_postgres::{Client, Config, NoTls};

use super::CentralError;
use crate::config::ServerUrl;

/// How long connecting may take before the server counts as unreachable.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one request (a batch, a catalogue) may take before it is given up.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);
/// How long a long job of the owner's may take (see [`Central::run_long`]).
pub const LONG_JOB_TIMEOUT: Duration = Duration::from_secs(4 * 3600);

/// A connection to the central server.
pub struct Central {
    runtime: Runtime,
    client: Client,
    /// The server as messages name it (no password).
    server: String,
}

impl std::fmt::Debug for Central {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Central({})", self.server)
    }
}

impl Central {
    /// Connects to `url`: without TLS on this machine (localhost, a loopback address or a
    /// socket), with TLS anywhere else, checked against the web's root certificates.
    pub fn connect(url: &ServerUrl) -> Result<Central, CentralError> {
        let server = url.to_string();
        let fail = |reason: String| CentralError::Connect {
            server: server.clone(),
            reason,
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| fail(e.to_string()))?;
        let mut config = Config::from_str(url.connect_text())
            .map_err(|e| fail(crate::config::redact(&e.to_string())))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if config.get_application_name().is_none() {
            config.application_name("frontdesk");
        }
        let local = is_local(&config) && config.get_ssl_mode() != SslMode::Require;
        let connected = runtime.block_on(async {
            let attempt = async {
                if local {
                    let (client, connection) = config.connect(NoTls).await?;
                    tokio::spawn(connection);
                    Ok(client)
                } else {
                    config.ssl_mode(SslMode::Require);
                    let (client, connection) = config.connect(tls()).await?;
                    tokio::spawn(connection);
                    Ok(client)
                }
            };
            match tokio::time::timeout(CONNECT_TIMEOUT + Duration::from_secs(1), attempt).await {
                Ok(result) => result.map_err(|e| CentralError::from_postgres(&server, &e)),
                Err(_) => Err(CentralError::TimedOut {
                    server: server.clone(),
                    seconds: CONNECT_TIMEOUT.as_secs(),
                }),
            }
        });
        let client = match connected {
            Ok(client) => client,
            // Refused at login (a wrong role or password) is still "cannot connect".
            Err(CentralError::Refused { server, reason, .. }) => {
                return Err(CentralError::Connect { server, reason });
            }
            Err(other) => return Err(other),
        };
        Ok(Central {
            runtime,
            client,
            server,
        })
    }

    /// The server as messages name it, without a password.
    pub fn server(&self) -> &str {
        &self.server
    }

    /// Runs one request against the client, given up after [`REQUEST_TIMEOUT`].
    pub fn run<'a, T, F>(
        &'a mut self,
        work: impl FnOnce(&'a mut Client) -> F,
    ) -> Result<T, CentralError>
    where
        F: Future<Output = Result<T, tokio_postgres::Error>> + 'a,
    {
        self.run_within(REQUEST_TIMEOUT, work)
    }

    /// Runs one of the owner's long jobs (migrating, counting every visit afresh), given up
    /// after [`LONG_JOB_TIMEOUT`]: on a server with millions of visits they take minutes.
    pub fn run_long<'a, T, F>(
        &'a mut self,
        work: impl FnOnce(&'a mut Client) -> F,
    ) -> Result<T, CentralError>
    where
        F: Future<Output = Result<T, tokio_postgres::Error>> + 'a,
    {
        self.run_within(LONG_JOB_TIMEOUT, work)
    }

    fn run_within<'a, T, F>(
        &'a mut self,
        limit: Duration,
        work: impl FnOnce(&'a mut Client) -> F,
    ) -> Result<T, CentralError>
    where
        F: Future<Output = Result<T, tokio_postgres::Error>> + 'a,
    {
        let server = self.server.clone();
        let future = work(&mut self.client);
        self.runtime.block_on(async move {
            match tokio::time::timeout(limit, future).await {
                Ok(result) => result.map_err(|e| CentralError::from_postgres(&server, &e)),
                Err(_) => Err(CentralError::TimedOut {
                    server,
                    seconds: limit.as_secs(),
                }),
            }
        })
    }

    /// True once the connection has gone (the server restarted, the network cut it).
    pub fn is_closed(&self) -> bool {
        self.client.is_closed()
    }
}

/// True when every host is this machine.
fn is_local(config: &Config) -> bool {
    let hosts_local = config.get_hosts().iter().all(|host| match host {
        Host::Tcp(name) => {
            name.eq_ignore_ascii_case("localhost")
                || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
        }
        #[cfg(unix)]
        Host::Unix(_) => true,
    });
    hosts_local && config.get_hostaddrs().iter().all(IpAddr::is_loopback)
}

/// TLS with rustls, trusting the web's root certificates (the servers councils rent have
/// certificates from those authorities).
fn tls() -> tokio_postgres_rustls::MakeRustlsConnect {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map(|builder| {
            builder
                .with_root_certificates(roots.clone())
                .with_no_client_auth()
        })
        .unwrap_or_else(|_| {
            rustls::ClientConfig::builder_with_protocol_versions(&[&rustls::version::TLS13])
                .with_root_certificates(roots)
                .with_no_client_auth()
        });
    tokio_postgres_rustls::MakeRustlsConnect::new(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_machine_is_local() {
        let local = |url: &str| is_local(&Config::from_str(url).unwrap());
        assert!(local("postgres://u@127.0.0.1/db"));
        assert!(local("postgres://u@localhost:5433/db"));
        assert!(local("postgres://u@[::1]/db"));
        assert!(!local("postgres://u@db.example.gov.uk/db"));
        assert!(!local("postgres://u@10.0.0.5/db"));
    }

    #[test]
    fn a_tls_connector_can_be_built() {
        let _ = tls();
    }
}
