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
        let lang = crate::text::cli::language();
        if !(text.starts_with("postgres://") || text.starts_with("postgresql://")) {
            return Err(crate::text::cli::server_url_scheme(lang, name, &shown));
        }
        if text.chars().any(char::is_control) {
            return Err(crate::text::cli::server_url_control(lang, name));
        }
        let config = tokio_postgres::Config::from_str(text).map_err(|e| {
            crate::text::cli::server_url_unusable(lang, name, &redact(&e.to_string()), &shown)
        })?;
        if config.get_hosts().is_empty() {
            return Err(crate::text::cli::server_url_no_host(lang, name, &shown));
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

/// `text` with every server password written as `***`: the one redaction every message, the
/// settings printed and the app's log file go through. Line by line, it takes out
///
/// - a URL's password, `scheme://user:PASSWORD@host`: everything from the first `:` of the
///   part before the first `@` up to the line's last `@`, so a password holding `@`, `/`, `?`,
///   `#`, `%` or spaces is gone whole (the parser reads up to the first `@`; a person may have
///   meant the last);
/// - a `password` setting, as a URL's query (`?password=...`, the key percent-encoded or not)
///   or the keyword form (`host=... password=...`, `password = '...'`, quoted with `\'`
///   inside): a quoted value up to its closing quote, else up to the next `key=` after a
///   space or `&`, else to the end of the line.
///
/// Where a password cannot be told from the words after it, more is taken out, never less.
pub fn redact(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let (body, end) = match line.strip_suffix('\n') {
                Some(body) => (body, "\n"),
                None => (line, ""),
            };
            let body = body.strip_suffix('\r').unwrap_or(body);
            let cr = if line.ends_with("\r\n") { "\r" } else { "" };
            format!("{}{cr}{end}", redact_line(body))
        })
        .collect()
}

/// Where the passwords of the URLs in one line are (see [`redact`]).
fn userinfo_secrets(line: &str, secrets: &mut Vec<std::ops::Range<usize>>) {
    let mut from = 0;
    while let Some(scheme) = line[from..].find("://") {
        let start = from + scheme + 3;
        from = start;
        let rest = &line[start..];
        let (Some(at), Some(colon)) = (rest.find('@'), rest.find(':')) else {
            continue;
        };
        if colon > at {
            continue;
        }
        let last_at = rest.rfind('@').unwrap_or(at);
        secrets.push(start + colon + 1..start + last_at);
    }
}

/// Whether `c` may be part of a setting's name (percent-encoded or not).
fn key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '%' | '-' | '.')
}

/// The setting whose name starts at `at` in `line`, when there is one: the name, percent-
/// decoded and in lower case, and where its value starts (after `=` and any spaces).
fn setting_at(line: &str, at: usize) -> Option<(String, usize)> {
    let tail = &line[at..];
    let name_len = tail.find(|c: char| !key_char(c)).unwrap_or(tail.len());
    if name_len == 0 {
        return None;
    }
    let after_name = tail[name_len..].trim_start_matches([' ', '\t']);
    let after_equals = after_name.strip_prefix('=')?;
    let value = after_equals.trim_start_matches([' ', '\t']);
    let name = percent_decode(&tail[..name_len]).to_lowercase();
    Some((name, line.len() - value.len()))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Where the value starting at `from` ends (see [`redact`]): a quoted value at its closing
/// quote, or where a bare value would end if that is further (in a URL's query quotes mean
/// nothing).
fn value_end(line: &str, from: usize) -> usize {
    let value = &line[from..];
    let bare = bare_value_end(line, from);
    let Some(quoted) = value.strip_prefix('\'') else {
        return bare;
    };
    let mut escaped = false;
    for (i, c) in quoted.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '\'' => return bare.max(from + 1 + i + 1),
            _ => {}
        }
    }
    line.len()
}

/// Where a value without quotes starting at `from` ends: before the next setting (`key=`
/// after a space or `&`), else at the end of the line.
fn bare_value_end(line: &str, from: usize) -> usize {
    let value = &line[from..];
    for (i, c) in value.char_indices() {
        if (c.is_whitespace() || c == '&') && {
            let next = value[i..].trim_start_matches(|c: char| c.is_whitespace() || c == '&');
            let at = line.len() - next.len();
            setting_at(line, at).is_some()
        } {
            return from + i;
        }
    }
    line.len()
}

/// Whether the setting named at `at` is in a URL's query: just after a `?` or an `&` that
/// follows a `?` after the URL's `://`.
fn in_url_query(line: &str, at: usize) -> bool {
    let before = &line[..at];
    before.ends_with(['?', '&'])
        && before
            .rfind("://")
            .is_some_and(|scheme| before[scheme..].contains('?'))
}

/// Where the values of the `password` settings in one line are (see [`redact`]).
fn setting_secrets(line: &str, secrets: &mut Vec<std::ops::Range<usize>>) {
    let mut previous: Option<char> = None;
    for (at, c) in line.char_indices() {
        let starts_name = key_char(c) && !previous.is_some_and(key_char);
        previous = Some(c);
        if !starts_name {
            continue;
        }
        if let Some((name, value)) = setting_at(line, at)
            && name.ends_with("password")
        {
            let end = if in_url_query(line, at) {
                // A URL has no spaces, so one in its query is the password's own: the value
                // runs to the next `&` (or the line's end) rather than show a part of it.
                line[value..].find('&').map_or(line.len(), |i| value + i)
            } else {
                value_end(line, value)
            };
            secrets.push(value..end);
        }
    }
}

/// One line with every password found in it, by either rule, written as `***`.
fn redact_line(line: &str) -> String {
    let mut secrets = Vec::new();
    userinfo_secrets(line, &mut secrets);
    setting_secrets(line, &mut secrets);
    secrets.sort_by_key(|range| range.start);
    let mut out = String::with_capacity(line.len());
    let mut copied = 0;
    for range in secrets {
        if range.end <= copied {
            continue;
        }
        let start = range.start.max(copied);
        out.push_str(&line[copied..start]);
        if start == copied && out.ends_with("***") {
            // Joined to the secret before it.
        } else {
            out.push_str("***");
        }
        copied = range.end;
    }
    out.push_str(&line[copied..]);
    out
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

    /// Every character a password may hold, and some that only a careless one would.
    const PASSWORD_CHARS: &str = "aZ9 ?/@#%:&=+;,'\"\\$!~*()[]{}<>|^`é€\t";

    /// A password: random characters around a marker that must never be shown.
    fn password() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let chars: Vec<char> = PASSWORD_CHARS.chars().collect();
        let part = proptest::collection::vec(proptest::sample::select(chars), 0..8)
            .prop_map(|cs| cs.into_iter().collect::<String>());
        (part.clone(), part).prop_map(|(before, after)| format!("{before}{MARKER}{after}"))
    }

    const MARKER: &str = "Qx7Vw";

    fn encoded(text: &str) -> String {
        text.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    char::from(b).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    }

    /// The ways a password is written in a server setting.
    fn settings(password: &str, form: u8, host: &str) -> String {
        let quoted = password.replace('\\', "\\\\").replace('\'', "\\'");
        match form % 7 {
            0 => format!("postgres://desk:{password}@{host}:5432/frontdesk"),
            1 => format!(
                "postgres://desk:{}@{host}/frontdesk?sslmode=require",
                encoded(password)
            ),
            2 => format!(
                "postgresql://{host}/frontdesk?user=desk&password={}&sslmode=require",
                encoded(password)
            ),
            3 => format!(
                "postgres://desk@{host}/frontdesk?pass%77ord={}",
                encoded(password)
            ),
            4 => format!("host={host} user=desk password='{quoted}' dbname=frontdesk"),
            5 => format!("host={host} password = '{quoted}'"),
            // In a query a bare `&` ends the value: a password there has it encoded.
            _ => format!(
                "postgres://desk:{password}@{host}/fd?password={}",
                password.replace('&', "%26")
            ),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        #[test]
        fn no_password_is_ever_shown(password in password(), form in 0u8..7, host in "[a-z]{1,8}(\\.[a-z]{2,5}){0,2}") {
            let text = settings(&password, form, &host);
            let mut shown = vec![
                redact(&text),
                redact(&format!("cannot reach the server {text}: connection refused; try again")),
                redact(&format!("sync: {text}\nthe next line keeps its words")),
            ];
            match ServerUrl::parse("server", &text) {
                Ok(url) => {
                    shown.push(url.to_string());
                    shown.push(format!("{url:?}"));
                    shown.push(serde_json::to_string(&url).unwrap());
                }
                Err(message) => shown.push(redact(&message)),
            }
            for flag in ["--server", "FRONTDESK_SERVER"] {
                if let Err(e) = crate::config::server_from_flag(if flag == "--server" { "--server" } else { "FRONTDESK_SERVER" }, &text) {
                    shown.push(redact(&e.to_string()));
                }
            }
            for out in &shown {
                proptest::prop_assert!(!out.contains(MARKER), "{text:?} shown as {out:?}");
                proptest::prop_assert!(!out.contains(&encoded(&password)) || encoded(&password) == password, "{out:?}");
            }
            // Only the password goes: the words after it stay.
            proptest::prop_assert!(shown[2].ends_with("\nthe next line keeps its words"), "{:?}", shown[2]);
        }
    }

    #[test]
    fn passwords_with_any_character_and_the_keyword_form_are_taken_out() {
        for (text, shown) in [
            ("postgres://a:p/w@h/db", "postgres://a:***@h/db"),
            ("postgres://a:p?w@h/db", "postgres://a:***@h/db"),
            ("postgres://a:p@w#x@h:5433/db", "postgres://a:***@h:5433/db"),
            ("postgres://a:p%40w%20x@h/db", "postgres://a:***@h/db"),
            ("postgres://a:p w@h/db", "postgres://a:***@h/db"),
            (
                "host=h password=s3cret user=u",
                "host=h password=*** user=u",
            ),
            (
                "host=h password = 'a b\\'c' dbname=d",
                "host=h password = *** dbname=d",
            ),
            (
                "postgres://h/db?pass%77ord=x&sslmode=require",
                "postgres://h/db?pass%77ord=***&sslmode=require",
            ),
            ("PGPASSWORD=abc psql", "PGPASSWORD=***"),
        ] {
            assert_eq!(redact(text), shown, "{text}");
        }
    }
}
