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

use super::{CentralError, Trouble};
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
            trouble: Trouble::Other,
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| fail(e.to_string()))?;
        let (mut config, local) = config_of(url).map_err(fail)?;
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
            Err(CentralError::Refused {
                server,
                reason,
                trouble,
                ..
            }) => {
                return Err(CentralError::Connect {
                    server,
                    reason,
                    trouble,
                });
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

/// The connection's settings from `url`, and whether it goes without TLS (this machine).
fn config_of(url: &ServerUrl) -> Result<(Config, bool), String> {
    let mut config =
        Config::from_str(url.connect_text()).map_err(|e| crate::config::redact(&e.to_string()))?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    if config.get_application_name().is_none() {
        config.application_name("frontdesk");
    }
    let local = is_local(&config) && config.get_ssl_mode() != SslMode::Require;
    Ok((config, local))
}

/// Listens on the channel of the site of `url`'s desk role, telling `tell` when it listens
/// and at each notification, until the connection goes or nobody hears any more. Runs on
/// the calling thread (with a runtime of its own).
pub(super) fn listen(
    url: &ServerUrl,
    tell: std::sync::mpsc::Sender<Heard>,
) -> Result<(), CentralError> {
    let server = url.to_string();
    let fail = |reason: String| CentralError::Connect {
        server: server.clone(),
        reason,
        trouble: Trouble::Other,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fail(e.to_string()))?;
    let (mut config, local) = config_of(url).map_err(fail)?;
    runtime.block_on(async {
        let (notes, mut heard) = tokio::sync::mpsc::unbounded_channel();
        let client = if local {
            let (client, connection) = config
                .connect(NoTls)
                .await
                .map_err(|e| CentralError::from_postgres(&server, &e))?;
            tokio::spawn(forward(connection, notes));
            client
        } else {
            config.ssl_mode(SslMode::Require);
            let (client, connection) = config
                .connect(tls())
                .await
                .map_err(|e| CentralError::from_postgres(&server, &e))?;
            tokio::spawn(forward(connection, notes));
            client
        };
        let channel: Option<String> = client
            .query_opt(
                "SELECT 'frontdesk_room_' || md5(coalesce(site, desk)) FROM frontdesk.desks \
                 WHERE role = current_user",
                &[],
            )
            .await
            .map_err(|e| CentralError::from_postgres(&server, &e))?
            .map(|row| row.get(0));
        let Some(channel) = channel else {
            return Err(CentralError::Other(format!(
                "the role in {server} is not a desk's role, so it has no site to listen to"
            )));
        };
        client
            .batch_execute(&format!("LISTEN {channel}"))
            .await
            .map_err(|e| CentralError::from_postgres(&server, &e))?;
        if tell.send(Heard::Listening).is_err() {
            return Ok(());
        }
        while heard.recv().await.is_some() {
            if tell.send(Heard::Changed).is_err() {
                return Ok(());
            }
        }
        let _ = tell.send(Heard::Lost);
        Ok(())
    })
}

/// Drives a connection, passing on each notification; ends when the connection does.
async fn forward<S, T>(
    mut connection: tokio_postgres::Connection<S, T>,
    notes: tokio::sync::mpsc::UnboundedSender<()>,
) where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
    T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    use futures_util::StreamExt;
    let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
    while let Some(message) = messages.next().await {
        match message {
            Ok(tokio_postgres::AsyncMessage::Notification(_)) => {
                if notes.send(()).is_err() {
                    return;
                }
            }
            Ok(_) => {}
            Err(_) => return,
        }
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

/// What a listener on a site's channel hears (see `rooms::Listener`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heard {
    /// It listens on the site's channel: every change from now on is heard.
    Listening,
    /// A booking or ticket of the site changed.
    Changed,
    /// The connection is gone (or never came): poll until a new listener listens.
    Lost,
}
