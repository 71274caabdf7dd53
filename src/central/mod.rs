//! The central server: a PostgreSQL database where every desk's visits meet.
//!
//! - [`connect`]: a connection from a [`ServerUrl`](crate::config::ServerUrl): plain on this
//!   machine, TLS (rustls, the web's root certificates) to any other host.
//! - [`schema`]: the central schema, one step per version, and `server init`'s roles with
//!   row-level security on the desk.
//! - [`push`]: sending the desk's outbox in batches, idempotent by visit id and version.
//! - [`catalogue`]: publishing a catalogue version and fetching the newest.
//! - [`purge`]: retention on the server, with the local rules.
//!
//! The desk's SQLite log stays its own record; nothing here changes it except marking outbox
//! rows as sent after the server has committed them.

pub mod catalogue;
pub mod connect;
mod error;
pub mod purge;
pub mod report;
pub mod push;
pub mod schema;

pub use connect::Central;
pub use error::CentralError;
