//! The central server: a PostgreSQL database where every desk's visits meet.
//!
//! - [`connect`]: a connection from a [`ServerUrl`](crate::config::ServerUrl): plain on this
//!   machine, TLS (rustls, the web's root certificates) to any other host.
//! - [`schema`]: the central schema, one step per version, and `server init`'s roles with
//!   row-level security on the desk.
//! - [`push`]: sending the desk's outbox in batches, idempotent by visit id and version.
//! - [`catalogue`]: publishing a catalogue version and fetching the newest.
//! - [`counts`]: the report's counts on the server, kept by each sync with the desks' own rules.
//! - [`report`]: the report across desks, from those counts; [`all_desks`] asks for it on
//!   behalf of the app's faces.
//! - [`rooms`]: bookings and the waiting list shared by the desks of a site, with
//!   notifications for the waiting-room display.
//! - [`purge`]: retention on the server, with the local rules.
//! - [`sync`]: one sync (send, then fetch a newer catalogue), for `frontdesk sync` and the
//!   desk's background sync alike.
//!
//! The desk's SQLite log stays its own record; nothing here changes it except marking outbox
//! rows as sent after the server has committed them.

pub mod all_desks;
pub mod catalogue;
pub mod connect;
pub mod counts;
mod error;
pub mod purge;
pub mod push;
pub mod report;
mod room_tables;
pub mod rooms;
pub mod schema;
pub mod sync;

pub use connect::Central;
pub use error::{CentralError, Trouble};
