//! `frontdesk check [--catalogue DIR] [--as-of DATE]`: print every problem in the catalogue, one per line, then
//! a summary. Exit 0 when there are no errors (warnings are allowed), 1 when there are.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::catalogue::check::{self, CheckReport};
use crate::config::Settings;
use crate::printable::printable;

pub fn run(settings: &Settings, as_of: Option<chrono::NaiveDate>) -> anyhow::Result<ExitCode> {
    let today = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    let report = match &settings.catalogue_dir {
        Some(dir) => check::check_dir(dir, today),
        None => check::check_embedded(today),
    };
    // A closed pipe (`frontdesk check | head`) is not a failure of the check.
    let _ = print(&report, &mut io::stdout().lock());
    Ok(if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print(report: &CheckReport, out: &mut impl Write) -> io::Result<()> {
    for problem in &report.problems {
        // A file's name may hold anything a file system allows; messages are already one line.
        writeln!(out, "{}", printable(&problem.to_string()))?;
    }
    writeln!(out, "{}", report.summary())?;
    out.flush()
}
