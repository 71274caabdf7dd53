//! The dates the commands take: `--from` and `--to` as local days, or the words today and
//! yesterday, read one way by every command that filters by date.

use anyhow::{anyhow, bail};
use chrono::{Local, NaiveDate};

/// The period of an export or a listing: `--from` and `--to` as local dates (or the words
/// today and yesterday), checked; either may be absent.
pub(super) fn period(
    from: Option<&str>,
    to: Option<&str>,
) -> anyhow::Result<(Option<NaiveDate>, Option<NaiveDate>)> {
    period_named(from, to, ("--from", "--to"))
}

/// [`period`] with the flags named as the command names them.
pub(super) fn period_named(
    from: Option<&str>,
    to: Option<&str>,
    (from_flag, to_flag): (&str, &str),
) -> anyhow::Result<(Option<NaiveDate>, Option<NaiveDate>)> {
    let from = from.map(|v| parse_date(from_flag, v)).transpose()?;
    let to = to.map(|v| parse_date(to_flag, v)).transpose()?;
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        bail!(crate::text::cli::dates_swapped(
            crate::text::cli::language(),
            from_flag,
            &from.to_string(),
            to_flag,
            &to.to_string(),
        ));
    }
    Ok((from, to))
}

/// A local day: YYYY-MM-DD, or the words today and yesterday.
pub(super) fn parse_date(flag: &str, value: &str) -> anyhow::Result<NaiveDate> {
    let today = Local::now().date_naive();
    match value.trim().to_ascii_lowercase().as_str() {
        "today" => return Ok(today),
        "yesterday" => return Ok(today - chrono::Duration::days(1)),
        _ => {}
    }
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| {
        anyhow!(crate::text::cli::not_a_date(
            crate::text::cli::language(),
            flag,
            value
        ))
    })
}
