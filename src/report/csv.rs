//! The report as CSV: one row per figure, `section,item,measure,value`, read straight from the
//! report's JSON so the two always carry the same numbers.
//!
//! - `section` is the JSON's top-level key (`visits`, `services`, `busiest`, ...).
//! - `item` names an entry of a list: its `id` (a service, partner or script), else its place.
//! - `measure` is the rest of the JSON path, joined with dots (`outcomes.resolved`).
//! - `value` is the number or text; empty for `null` (a figure with nothing to count).

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
        Value::Null => writer.write_record([section, item, path, ""]),
        Value::String(text) => writer.write_record([section, item, path, text]),
        other => writer.write_record([section, item, path, &other.to_string()]),
    }
}
