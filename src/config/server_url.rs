//! A central server's address: a libpq-style URL such as
//! `postgres://desk_main:secret@db.council.gov.uk/frontdesk`. Its password is never shown:
//! printing, logging or serialising a [`ServerUrl`] writes `***` in its place.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// A checked server URL; only [`ServerUrl::connect_text`] gives the password back.
#[derive(Clone, PartialEq, Eq)]
pub struct ServerUrl {
    text: String,
}

impl ServerUrl {
    /// Checks `text` as a PostgreSQL URL; the error names `name` (the setting, variable or
    /// flag) and never repeats the password.
    pub fn parse(name: &str, text: &str) -> Result<ServerUrl, String> {
        let text = text.trim();
        let shown = redact(text);
        let example = "e.g. \"postgres://desk_main@db.example.gov.uk/frontdesk\"";
        if !(text.starts_with("postgres://") || text.starts_with("postgresql://")) {
            return Err(format!(
                "{name} must be a URL that starts with postgres://, {example}, not \"{shown}\""
            ));
        }
        if text.chars().any(char::is_control) {
            return Err(format!(
                "{name} has a control character; write the URL on one line, {example}"
            ));
        }
        let config = tokio_postgres::Config::from_str(text).map_err(|e| {
            format!(
                "{name} is not a server URL frontdesk can use ({}): \"{shown}\"; {example}",
                redact(&e.to_string())
            )
        })?;
        if config.get_hosts().is_empty() {
            return Err(format!(
                "{name} names no server: \"{shown}\"; add the host, {example}"
            ));
        }
        Ok(ServerUrl {
            text: text.to_string(),
        })
    }

    /// The whole URL, password included: only for connecting.
    pub fn connect_text(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for ServerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redact(&self.text))
    }
}

impl fmt::Debug for ServerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ServerUrl({})", redact(&self.text))
    }
}

impl Serialize for ServerUrl {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&redact(&self.text))
    }
}

/// The URL with any password (`user:PASSWORD@` or `password=PASSWORD`) written as `***`.
pub fn redact(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(scheme_end) = out.find("://") {
        let authority_start = scheme_end + 3;
        let authority_end = out[authority_start..]
            .find(['/', '?'])
            .map_or(out.len(), |i| authority_start + i);
        if let Some(at) = out[authority_start..authority_end].rfind('@') {
            let userinfo = &out[authority_start..authority_start + at];
            if let Some(colon) = userinfo.find(':') {
                let from = authority_start + colon + 1;
                out.replace_range(from..authority_start + at, "***");
            }
        }
    }
    let lower = out.to_ascii_lowercase();
    let mut result = String::with_capacity(out.len());
    let mut rest = 0;
    for (at, _) in lower.match_indices("password=") {
        if at < rest {
            continue;
        }
        let value_start = at + "password=".len();
        let value_end = out[value_start..]
            .find(['&', ' '])
            .map_or(out.len(), |i| value_start + i);
        result.push_str(&out[rest..value_start]);
        result.push_str("***");
        rest = value_end;
    }
    result.push_str(&out[rest..]);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_never_shown() {
        let url = ServerUrl::parse(
            "server",
            "postgres://desk:s3cret@db.example.gov.uk:5432/frontdesk?password=again&sslmode=require",
        )
        .unwrap();
        for shown in [
            url.to_string(),
            format!("{url:?}"),
            serde_json::to_string(&url).unwrap(),
        ] {
            assert!(!shown.contains("s3cret"), "{shown}");
            assert!(!shown.contains("again"), "{shown}");
            assert!(shown.contains("desk:***@db.example.gov.uk"), "{shown}");
        }
        assert!(url.connect_text().contains("s3cret"));
    }

    #[test]
    fn a_url_without_a_password_is_shown_whole() {
        assert_eq!(
            redact("postgres://postgres@127.0.0.1:5432/test"),
            "postgres://postgres@127.0.0.1:5432/test"
        );
        assert_eq!(redact("postgres://a:b@h/db"), "postgres://a:***@h/db");
    }

    #[test]
    fn bad_urls_are_refused_without_their_password() {
        let wrong = ServerUrl::parse("server", "mysql://u:hunter2@h/db").unwrap_err();
        assert!(wrong.starts_with("server must be a URL that starts with postgres://"));
        assert!(!wrong.contains("hunter2"), "{wrong}");
        let port =
            ServerUrl::parse("FRONTDESK_SERVER", "postgres://u:hunter2@h:notaport/db").unwrap_err();
        assert!(
            port.starts_with("FRONTDESK_SERVER is not a server URL"),
            "{port}"
        );
        assert!(!port.contains("hunter2"), "{port}");
    }
}
