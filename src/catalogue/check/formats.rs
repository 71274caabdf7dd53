//! The forms a catalogue's values must take: ids, web addresses, phone numbers, email addresses.
//! Each is a pure test of one string.

/// Short UK numbers a catalogue may give: emergencies (999, 112), police non-emergency (101),
/// power cuts (105), NHS 111, and the 116 helplines (Samaritans 116 123, NHS out of hours
/// 116 117, missing people 116 000, Childline 116 111, victims 116 006).
const SHORT_NUMBERS: [&str; 10] = [
    "999", "112", "101", "105", "111", "116000", "116006", "116111", "116117", "116123",
];

/// Why an id is not lowercase-kebab, or `None` when it is: a-z, 0-9 and single hyphens between
/// words ("bin-missed", "lgsl-524").
pub fn kebab_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("it is empty")
    } else if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        Some("it has characters other than a-z, 0-9 and -")
    } else if id.starts_with('-') || id.ends_with('-') {
        Some("it starts or ends with a hyphen")
    } else if id.contains("--") {
        Some("it has two hyphens in a row")
    } else {
        None
    }
}

/// An id in lowercase-kebab close to `id`, to suggest: "Bin_Missed" -> "bin-missed".
pub fn kebab_suggestion(id: &str) -> String {
    let lower = deunicode::deunicode(id).to_ascii_lowercase();
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A web address's scheme, when it is otherwise well formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebAddress {
    Https,
    /// Plain http: allowed, but residents' details would not travel securely.
    Http,
}

/// Checks a full web address: `https://` or `http://`, a host name with a dot and a top-level
/// domain of letters, an optional port, then any path; no spaces anywhere.
pub fn web_address(text: &str) -> Option<WebAddress> {
    if text.is_empty() || text.chars().any(char::is_whitespace) || !text.is_ascii() {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let (scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        (WebAddress::Https, rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (WebAddress::Http, rest)
    } else {
        return None;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match authority.split_once(':') {
        Some((host, port)) => {
            if port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            host
        }
        None => authority,
    };
    is_host_name(host).then_some(scheme)
}

/// "www.example.org": two labels or more, each of letters, digits and inner hyphens, the last
/// of letters only (or an internationalised `xn--` label).
fn is_host_name(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |label: &&str| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    let top_ok = |label: &str| {
        (label.len() >= 2 && label.bytes().all(|b| b.is_ascii_alphabetic()))
            || label.starts_with("xn--")
    };
    host.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(label_ok)
        && labels.last().is_some_and(|l| top_ok(l))
}

/// A UK phone number as a resident would dial it: 11 digits starting 0 ("01632 960000"), +44
/// and 10 digits ("+44 1632 960000"), a freephone 0800/0808 number of 10 or 11 digits
/// ("0800 99 1234"), or a short number (999, 101, 111, 116 123, ...). Spaces are ignored;
/// nothing else may appear.
pub fn is_uk_phone(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| *c != ' ').collect();
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(national) = compact.strip_prefix("+44") {
        return national.len() == 10 && digits_only(national) && !national.starts_with('0');
    }
    if !digits_only(&compact) {
        return false;
    }
    if SHORT_NUMBERS.contains(&compact.as_str()) {
        return true;
    }
    if compact.starts_with("0800") || compact.starts_with("0808") {
        return compact.len() == 10 || compact.len() == 11;
    }
    compact.len() == 11 && compact.starts_with('0')
}

/// "help@example.org": one @, something before it, a host name after it, no spaces.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&b));
    local_ok && is_host_name(&domain.to_ascii_lowercase())
}

/// The candidate closest to `wanted`, if it is close enough to be what was meant.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (wanted.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(wanted, c), c))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, c)| (*distance, c.len()))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_ids() {
        for good in [
            "bin-missed",
            "lgsl-524",
            "a",
            "council-tax-pay",
            "116-helpline",
        ] {
            assert_eq!(kebab_problem(good), None, "{good}");
        }
        for bad in [
            "",
            "Bin-missed",
            "bin_missed",
            "bin missed",
            "-bin",
            "bin-",
            "bin--day",
            "café",
        ] {
            assert!(kebab_problem(bad).is_some(), "{bad}");
        }
        assert_eq!(kebab_suggestion("Bin_Missed "), "bin-missed");
        assert_eq!(kebab_suggestion("Café  Rates!"), "cafe-rates");
    }

    #[test]
    fn web_addresses() {
        for good in [
            "https://www.example.org",
            "https://www.example.org/",
            "https://www.example.org/bins?street=High%20St#top",
            "HTTPS://Example.ORG/Path",
            "https://county.example.org:8443/x",
            "https://www.gov.uk/browse/benefits",
        ] {
            assert_eq!(web_address(good), Some(WebAddress::Https), "{good}");
        }
        assert_eq!(web_address("http://example.org"), Some(WebAddress::Http));
        for bad in [
            "",
            "www.example.org",
            "example.org/bins",
            "https://",
            "https://example",
            "https://example.o",
            "https://example.123",
            "https://exa mple.org",
            "https://www.example.org/my bins",
            "https:/example.org",
            "ftp://example.org",
            "https://-example.org",
            "https://example..org",
            "https://example.org:port",
            "https://user@example.org",
            "mailto:help@example.org",
            "https://exämple.org",
        ] {
            assert_eq!(web_address(bad), None, "{bad}");
        }
    }

    #[test]
    fn uk_phone_numbers() {
        for good in [
            "01632 960000",
            "01632960000",
            "07700 900123",
            "03069 990000",
            "+44 1632 960000",
            "+441632960000",
            "0800 328 5644",
            "0800 99 1234",
            "0808 2000 247",
            "999",
            "101",
            "111",
            "116 123",
            "116 117",
        ] {
            assert!(is_uk_phone(good), "{good}");
        }
        for bad in [
            "",
            "01632 96000",
            "01632 9600000",
            "1632 960000",
            "+44 01632 960000",
            "+44 (0)1632 960000",
            "+1 555 0100",
            "01632-960000",
            "(01632) 960000",
            "01632 960000 ext 2",
            "call us",
            "998",
            "116 124",
            "0800 1234",
        ] {
            assert!(!is_uk_phone(bad), "{bad}");
        }
    }

    #[test]
    fn email_addresses() {
        for good in ["help@example.org", "first.last+desk@mail.example.co.uk"] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "",
            "help",
            "help@",
            "@example.org",
            "help@example",
            "help@@example.org",
            "he lp@example.org",
            "help@exa mple.org",
            "mailto:help@example.org",
            ".help@example.org",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn suggests_close_ids_only() {
        let ids = ["bin-missed", "bin-new", "food-bank"];
        assert_eq!(closest("bin-mised", ids), Some("bin-missed"));
        assert_eq!(closest("foodbank", ids), Some("food-bank"));
        assert_eq!(closest("planning", ids), None);
    }
}
