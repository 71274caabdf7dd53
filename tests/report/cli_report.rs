//! `frontdesk report`, `export visits`, `demo-data` and the new `log` flags, run as a user
//! would: the formats carry the same numbers, made-up visits stay apart, bad input is refused
//! in one sentence.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

struct Desk {
    dir: TempDir,
}

impl Desk {
    fn new(config: &str) -> Desk {
        let desk = Desk {
            dir: TempDir::new().unwrap(),
        };
        fs::write(desk.config(), config).unwrap();
        desk
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("frontdesk").unwrap();
        cmd.env_remove("NO_COLOR")
            .env("FRONTDESK_CONFIG", self.config())
            .env("FRONTDESK_DATA_DIR", self.data())
            .env_remove("FRONTDESK_DESK")
            .env_remove("FRONTDESK_CATALOGUE");
        cmd
    }

    fn run(&self, args: &[&str]) -> String {
        let out = self
            .cmd()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.run(args)).unwrap()
    }
}

const COSTS: &str = "[unit_costs]\nface_to_face = 8.62\nweb = 0.15\n";

/// The JSON value at a CSV row's place: section, then item (an id or a place in a list), then
/// the measure's dotted path.
fn json_at<'a>(json: &'a Value, section: &str, item: &str, measure: &str) -> Option<&'a Value> {
    let mut at = json.get(section)?;
    if !item.is_empty() {
        let list = at.as_array()?;
        at = list
            .iter()
            .find(|v| v.get("id").and_then(Value::as_str) == Some(item))
            .or_else(|| item.parse::<usize>().ok().and_then(|i| list.get(i)))?;
    }
    for part in measure.split('.').filter(|p| !p.is_empty()) {
        at = match at {
            Value::Array(list) => list
                .iter()
                .find(|v| v.get("path").and_then(Value::as_str) == Some(part))
                .or_else(|| part.parse::<usize>().ok().and_then(|i| list.get(i)))?,
            other => other.get(part)?,
        };
    }
    Some(at)
}

#[test]
fn demo_data_is_kept_apart_and_every_format_carries_the_same_numbers() {
    let desk = Desk::new(COSTS);
    desk.cmd()
        .args([
            "demo-data",
            "--visits",
            "3000",
            "--days",
            "14",
            "--seed",
            "5",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("3000 visits at desk DEMO"));

    let real = desk.json(&["report", "--format", "json"]);
    assert_eq!(
        real["visits"], 0,
        "made-up visits stay out of the desks' figures"
    );
    assert_eq!(real["period"]["desk"], Value::Null);

    let json = desk.json(&[
        "report",
        "--desk",
        "DEMO",
        "--period",
        "last-week",
        "--format",
        "json",
    ]);
    let visits = json["visits"].as_u64().unwrap();
    assert!(
        visits > 1000,
        "last week, 7 days of the 14, holds about half ({visits})"
    );
    assert_eq!(json["period"]["desk"], "DEMO");
    for key in [
        "period",
        "definitions",
        "visits",
        "first_contact_resolution",
        "assisted_digital",
        "outcomes",
        "services",
        "could_be_online",
        "channel_shift",
        "exclusion_reasons",
        "demand",
        "failure_demand_by_service",
        "partners",
        "scripts",
        "feedback",
        "busiest",
        "median_minutes",
        "costs",
    ] {
        assert!(json.get(key).is_some(), "the JSON has {key}");
    }
    let costs = &json["costs"];
    assert_eq!(costs["unit_costs_pence"]["face_to_face"], 862);
    assert_eq!(costs["unit_costs_pence"]["phone"], Value::Null);
    assert_eq!(
        costs["avoidable_cost_pence"].as_u64().unwrap(),
        862 * json["demand"]["failure"].as_u64().unwrap()
    );

    // Every CSV row is the JSON's value at the same place, and every JSON number is in the CSV.
    let csv = desk.run(&[
        "report",
        "--desk",
        "DEMO",
        "--period",
        "last-week",
        "--format",
        "csv",
    ]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        let record = record.unwrap();
        let (section, item, measure, value) = (&record[0], &record[1], &record[2], &record[3]);
        let expected = json_at(&json, section, item, measure)
            .unwrap_or_else(|| panic!("{section},{item},{measure} is in the JSON"));
        let shown = match expected {
            Value::Null => String::new(),
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        assert_eq!(value, shown, "{section},{item},{measure}");
        rows += 1;
    }
    fn leaves(value: &Value) -> usize {
        match value {
            Value::Object(map) => map.values().map(leaves).sum(),
            Value::Array(list) => list.iter().map(leaves).sum(),
            _ => 1,
        }
    }
    assert_eq!(rows, leaves(&json), "one row per figure");

    // The HTML page shows the headline figures and each service's count, with its charts.
    let html = desk.run(&[
        "report",
        "--desk",
        "DEMO",
        "--period",
        "last-week",
        "--format",
        "html",
    ]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains(&format!("<td>{visits}</td>")),
        "the visit count"
    );
    let fcr = &json["first_contact_resolution"];
    assert!(html.contains(&format!("{} ({}%)", fcr["visits"], fcr["rate_percent"])));
    for service in json["services"].as_array().unwrap() {
        assert!(html.contains(&format!("</th><td>{}</td>", service["visits"])));
    }
    assert!(
        html.matches("<svg").count() >= 3,
        "bar charts and the heat map"
    );
    assert!(
        !html.contains("http://")
            || html.matches("http://").count()
                == html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(),
        "no external assets"
    );
    assert!(
        html.contains(
            json["definitions"]["first_contact_resolution"]
                .as_str()
                .unwrap()
        )
    );

    // The table carries the definitions too.
    let table = desk.run(&["report", "--desk", "DEMO", "--period", "last-week"]);
    assert!(table.contains("Resolved at first contact"));
    assert!(table.contains("resolved at first contact when every service"));
}

#[test]
fn the_same_seed_makes_the_same_visits_and_another_seed_others() {
    let export = |seed: &str| {
        let desk = Desk::new("");
        desk.run(&[
            "demo-data",
            "--visits",
            "200",
            "--days",
            "10",
            "--seed",
            seed,
        ]);
        desk.run(&["export", "visits", "--desk", "DEMO", "--format", "jsonl"])
    };
    let first = export("42");
    assert!(first.lines().count() >= 200, "a line per visit and service");
    assert_eq!(first, export("42"));
    assert_ne!(first, export("43"));
}

#[test]
fn demo_data_replaces_its_own_desk_only() {
    let desk = Desk::new("");
    desk.run(&[
        "log",
        "--service",
        "housing-benefit",
        "--outcome",
        "resolved",
    ]);
    desk.run(&["demo-data", "--visits", "50", "--days", "3"]);
    desk.run(&["demo-data", "--visits", "20", "--days", "3"]);
    let from = (chrono::Local::now().date_naive() - chrono::Duration::days(3)).to_string();
    let demo = desk.json(&[
        "report", "--desk", "DEMO", "--from", &from, "--format", "json",
    ]);
    assert_eq!(demo["visits"], 20, "the second run replaced the first");
    let real = desk.json(&["report", "--format", "json"]);
    assert_eq!(real["visits"], 1, "the real visit is still there, alone");
}

#[test]
fn a_logged_visit_keeps_its_demand_and_way_of_helping_online() {
    let desk = Desk::new("");
    desk.run(&[
        "log",
        "--service",
        "housing-benefit",
        "--outcome",
        "assisted-digital",
        "--demand",
        "chasing-progress",
        "--assisted",
        "done-with-them",
    ]);
    let visits = desk.json(&["visits", "--json"]);
    assert_eq!(visits[0]["demand"], "chasing-progress");
    assert_eq!(visits[0]["assisted"], "done-with-them");
    let report = desk.json(&["report", "--format", "json"]);
    assert_eq!(report["visits"], 1);
    assert_eq!(report["demand"]["failure_by_kind"]["chasing-progress"], 1);
    assert_eq!(report["assisted_digital"]["by_how"]["done-with-them"], 1);
    assert_eq!(report["first_contact_resolution"]["rate_percent"], 100.0);

    desk.cmd()
        .args([
            "log",
            "--service",
            "housing-benefit",
            "--outcome",
            "resolved",
            "--demand",
            "chasing",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--demand: 'chasing' is not a kind of demand; use one of: value, chasing-progress",
        ));
    desk.cmd()
        .args([
            "log",
            "--service",
            "housing-benefit",
            "--outcome",
            "resolved",
            "--assisted",
            "yes",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--assisted: 'yes' is not a way of helping online",
        ));
}

#[test]
fn bad_periods_and_unit_costs_are_refused_in_one_sentence() {
    let desk = Desk::new("");
    desk.cmd()
        .args(["report", "--from", "2026-11-30", "--to", "2026-11-01"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--from 2026-11-30 is after --to 2026-11-01; swap them",
        ));
    desk.cmd()
        .args(["report", "--from", "30/11/2026"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--from: '30/11/2026' is not a date; use YYYY-MM-DD",
        ));
    desk.cmd()
        .args(["report", "--format", "pdf"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("table, json, csv, html"));

    for (config, message) in [
        (
            "[unit_costs]\nface_to_face = \"£8\"\n",
            "config.toml:2: unit_costs.face_to_face must be a cost in pounds",
        ),
        (
            "[unit_costs]\nweb = -1\n",
            "config.toml:2: unit_costs.web must be a cost in pounds",
        ),
        (
            "\n[unit_costs]\npost = 2\n",
            "config.toml:3: unit_costs.post is not a channel; use face_to_face, phone or web",
        ),
        (
            "unit_costs = 3\n",
            "config.toml:1: unit_costs must be a [unit_costs] table",
        ),
    ] {
        let desk = Desk::new(config);
        desk.cmd()
            .args(["report"])
            .assert()
            .failure()
            .stderr(predicate::str::contains(message));
    }
    let desk = Desk::new(COSTS);
    desk.cmd()
        .args(["config", "--print"])
        .assert()
        .success()
        .stdout(predicate::str::contains("unit_costs.face_to_face = 8.62"))
        .stdout(predicate::str::contains("unit_costs.phone = (not set)"));
}

#[test]
fn with_no_log_yet_the_report_and_the_export_are_empty_not_errors() {
    let desk = Desk::new("");
    let json = desk.json(&[
        "report",
        "--format",
        "json",
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-31",
    ]);
    assert_eq!(json["visits"], 0);
    assert_eq!(json["costs"], Value::Null, "no unit costs, no cost figures");
    let csv = desk.run(&["export", "visits"]);
    assert_eq!(csv.lines().count(), 1, "the heading row only");
    assert!(csv.starts_with("visit_id,started_at,ended_at,length_seconds,desk"));
}

fn csv_rows(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headings: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headings
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

#[test]
fn export_has_a_row_per_visit_and_service_with_titles_and_notes_only_when_asked() {
    let desk = Desk::new("");
    let id = desk.run(&[
        "log",
        "--service",
        "housing-benefit=resolved",
        "--service",
        "benefits-check=signposted",
        "--partner",
        "citizens-advice",
        "--online",
        "no",
        "--reason",
        "no-device",
        "--demand",
        "value",
        "--note",
        "asked about forms",
    ]);
    let id = id.trim();
    let csv = desk.run(&["export", "visits", "--format", "csv"]);
    let rows = csv_rows(&csv);
    assert_eq!(rows.len(), 2, "one row per service");
    assert!(!csv.contains("asked about forms"), "no notes unless asked");
    assert!(!rows[0].contains_key("note"));
    assert_eq!(rows[0]["visit_id"], id);
    assert_eq!(rows[0]["service_id"], "housing-benefit");
    assert_eq!(
        rows[0]["service_title"],
        "Housing benefit (help to pay your rent)"
    );
    assert_eq!(rows[0]["service_outcome"], "resolved");
    assert_eq!(rows[1]["service_position"], "2");
    assert_eq!(rows[1]["service_outcome"], "signposted");
    assert_eq!(rows[0]["partners"], "citizens-advice");
    assert!(!rows[0]["partner_names"].is_empty());
    assert_eq!(rows[0]["reasons"], "no-device");
    assert_eq!(rows[0]["demand"], "value");

    let file = desk.dir.path().join("out.jsonl");
    desk.run(&[
        "export",
        "visits",
        "--format",
        "jsonl",
        "--include-notes",
        "-o",
        file.to_str().unwrap(),
    ]);
    let text = fs::read_to_string(&file).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["note"], "asked about forms");
    assert_eq!(lines[1]["service_id"], "benefits-check");

    let with_notes = desk.run(&["export", "visits", "--include-notes"]);
    assert_eq!(csv_rows(&with_notes)[0]["note"], "asked about forms");
    // A period with none of them.
    let none = desk.run(&[
        "export",
        "visits",
        "--from",
        "2001-01-01",
        "--to",
        "2001-01-31",
    ]);
    assert_eq!(none.lines().count(), 1);
    // A file that cannot be written is named.
    desk.cmd()
        .args([
            "export",
            "visits",
            "-o",
            missing_folder(&desk).to_str().unwrap(),
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot write"))
        .stderr(predicate::str::contains("check the folder exists"));
}

fn missing_folder(desk: &Desk) -> PathBuf {
    let path: &Path = desk.dir.path();
    path.join("no-such-folder").join("out.csv")
}

#[test]
fn a_period_is_a_calendar_period_and_the_default_is_the_screens() {
    let desk = Desk::new("");
    desk.run(&[
        "log",
        "--service",
        "housing-benefit",
        "--outcome",
        "resolved",
    ]);
    let today = chrono::Local::now().date_naive();
    let period = |args: &[&str]| {
        let mut all = vec!["report", "--format", "json"];
        all.extend_from_slice(args);
        let json = desk.json(&all);
        (
            json["period"]["from"].as_str().unwrap().to_string(),
            json["period"]["to"].as_str().unwrap().to_string(),
            json["visits"].as_u64().unwrap(),
        )
    };
    let day = today.to_string();
    // The default is today, as on the report screen.
    assert_eq!(period(&[]), (day.clone(), day.clone(), 1));
    // A visit logged from the command line has no timer: the median leaves it out and says so.
    let json = desk.json(&["report", "--format", "json"]);
    assert_eq!(json["median_minutes"], Value::Null);
    assert_eq!(json["length_unknown"], 1);
    let table = desk.run(&["report"]);
    assert!(table.contains("(1 visit not timed, left out)"), "{table}");
    assert_eq!(period(&["--from", "today"]), (day.clone(), day.clone(), 1));
    assert_eq!(
        period(&["--period", "today"]),
        (day.clone(), day.clone(), 1)
    );
    let yesterday = (today - chrono::Duration::days(1)).to_string();
    assert_eq!(
        period(&["--period", "yesterday"]),
        (yesterday.clone(), yesterday.clone(), 0)
    );
    assert_eq!(
        period(&["--from", "yesterday"]),
        (yesterday, day.clone(), 1)
    );
    let (from, to, visits) = period(&["--period", "month"]);
    assert_eq!(
        (from.as_str(), to.as_str(), visits),
        (&*format!("{}-01", &day[..7]), &*day, 1)
    );
    let (from, to, _) = period(&["--period", "2024-02"]);
    assert_eq!((from.as_str(), to.as_str()), ("2024-02-01", "2024-02-29"));
    let (from, to, _) = period(&["--period", "last-week"]);
    let from = chrono::NaiveDate::parse_from_str(&from, "%Y-%m-%d").unwrap();
    let to = chrono::NaiveDate::parse_from_str(&to, "%Y-%m-%d").unwrap();
    use chrono::Datelike;
    assert_eq!(from.weekday(), chrono::Weekday::Mon);
    assert_eq!(to - from, chrono::Duration::days(6));
    assert!(to < today && today - to <= chrono::Duration::days(7));

    desk.cmd()
        .args(["report", "--period", "fortnight"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--period: 'fortnight' is not a period; use today, yesterday, week, last-week, month, last-month or YYYY-MM",
        ));
    desk.cmd()
        .args(["report", "--period", "week", "--from", "today"])
        .assert()
        .failure();
}

#[test]
fn export_says_where_it_wrote_and_carries_the_language() {
    let desk = Desk::new("");
    desk.run(&[
        "log",
        "--service",
        "housing-benefit",
        "--service",
        "council-tax-pay",
        "--outcome",
        "resolved",
        "--language",
        "cy",
        "--written",
        "en",
    ]);
    desk.run(&[
        "log",
        "--service",
        "council-tax-pay",
        "--outcome",
        "resolved",
    ]);
    let file = desk.dir.path().join("out.csv");
    let said = desk.run(&[
        "export",
        "visits",
        "--from",
        "today",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(
        said,
        format!("Wrote 2 visits in 3 rows to {}.\n", file.display())
    );
    let text = fs::read_to_string(&file).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headings = reader.headers().unwrap().clone();
    let at = |name: &str| headings.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let languages: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| {
            (
                r[at("service_id")].to_string(),
                r[at("spoken_language")].to_string(),
                r[at("written_language")].to_string(),
            )
        })
        .collect();
    assert_eq!(languages.len(), 3);
    assert!(languages.contains(&("housing-benefit".into(), "cy".into(), "en".into())));
    assert!(languages.contains(&("council-tax-pay".into(), "en".into(), "en".into())));
    // To the screen, the rows go to standard output and the count beside them.
    let out = desk
        .cmd()
        .args(["export", "visits", "--format", "jsonl"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert_eq!(stdout.lines().count(), 3);
    assert!(stdout.contains("\"spoken_language\":\"cy\""), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(stderr, "Wrote 2 visits in 3 rows to standard output.\n");
}

#[test]
fn global_options_are_listed_apart_from_a_commands_own() {
    let desk = Desk::new("");
    for command in ["report", "export visits", "visits"] {
        let mut args: Vec<&str> = command.split(' ').collect();
        args.push("--help");
        let help = desk.run(&args);
        let global = help.find("Global options:").expect(&help);
        let own = help.find("--from <DATE>").expect(&help);
        assert!(own < global, "{help}");
        assert!(help[global..].contains("--config <FILE>"), "{help}");
        assert!(!help[..global].contains("--config <FILE>"), "{help}");
        assert!(help.contains("--desk <NAME>"), "{help}");
    }
}
