//! The report as CSV: one row per figure, `section,item,measure,value`, read straight from the
//! report's JSON so the two always carry the same numbers.
//!
//! - `section` is the JSON's top-level key (`visits`, `services`, `busiest`, ...).
//! - `item` names an entry of a list: its `id` (a service, partner or script), else its place.
//! - `measure` is the rest of the JSON path, joined with dots (`outcomes.resolved`).
//! - `value` is the number or text; empty for `null` (a figure with nothing to count).
//!
//! Every CSV frontdesk writes passes its cells through [`safe_cell`], so a spreadsheet never
//! runs one as a formula.

use std::borrow::Cow;

use serde_json::Value;

use super::Report;

/// The report as CSV text, with a heading row.
pub fn render(report: &Report) -> Result<String, csv::Error> {
    let json =
        serde_json::to_value(report).map_err(|e| csv::Error::from(std::io::Error::other(e)))?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["section", "item", "measure", "value"])?;
    if let Value::Object(sections) = &json {
        for (section, value) in sections {
            match value {
                Value::Array(items) => {
                    for (index, item) in items.iter().enumerate() {
                        let name = item
                            .get("id")
                            .and_then(Value::as_str)
                            .map_or(index.to_string(), str::to_string);
                        flatten(&mut writer, section, &name, "", item)?;
                    }
                }
                other => flatten(&mut writer, section, "", "", other)?,
            }
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A cell a spreadsheet shows as text, as OWASP's CSV-injection guidance says: one that begins
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a single quote in front (`'=SUM(A1)`),
/// unless the whole cell is a number (`-3`, `+44`, `-2.5`, `1e3`), which stays a number. The
/// CSV writer quotes the cell where it needs to.
pub fn safe_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !is_number(text) => {
            Cow::Owned(format!("'{text}"))
        }
        _ => Cow::Borrowed(text),
    }
}

/// True for a plain decimal number: an optional sign, digits with at most one point, and an
/// optional exponent. Nothing else (no spaces, no `inf`, no thousands separators).
fn is_number(text: &str) -> bool {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok =
        digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

fn flatten(
    writer: &mut csv::Writer<Vec<u8>>,
    section: &str,
    item: &str,
    path: &str,
    value: &Value,
) -> Result<(), csv::Error> {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                flatten(writer, section, item, &join(key), value)?;
            }
            Ok(())
        }
        Value::Array(list) => {
            for (index, value) in list.iter().enumerate() {
                let key = value
                    .get("path")
                    .and_then(Value::as_str)
                    .map_or(index.to_string(), str::to_string);
                flatten(writer, section, item, &join(&key), value)?;
            }
            Ok(())
        }
        Value::Null => write_safe(writer, [section, item, path, ""]),
        Value::String(text) => write_safe(writer, [section, item, path, text]),
        other => write_safe(writer, [section, item, path, &other.to_string()]),
    }
}

/// Writes one row, each cell made [`safe_cell`].
fn write_safe(writer: &mut csv::Writer<Vec<u8>>, cells: [&str; 4]) -> Result<(), csv::Error> {
    writer.write_record(cells.map(safe_cell).iter().map(|c| c.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_numbers_stay_numbers() {
        for formula in [
            "=1+2",
            "+SUM(A1)",
            "-2+3",
            "@cmd",
            "\tx",
            "\r=1",
            "-",
            "+44 20 7946 0000",
        ] {
            assert_eq!(safe_cell(formula), format!("'{formula}"));
        }
        for number in ["-3", "+44", "-2.5", "+.5", "-1e3", "1E-2", "12", "0"] {
            assert_eq!(safe_cell(number), number);
        }
        for text in ["Food bank", "a=b", "", "'quoted", "café"] {
            assert!(matches!(safe_cell(text), Cow::Borrowed(_)), "{text}");
        }
    }
}
