//! `frontdesk demo-data`: replaces the desk DEMO's visits with made-up ones.

use std::process::ExitCode;

use chrono::Local;

use crate::cli::DemoDataArgs;
use crate::config::Settings;
use crate::demo::{DemoPlan, visits};
use crate::report::DEMO_DESK;
use crate::store::VisitLog;

pub fn run(settings: &Settings, args: &DemoDataArgs) -> anyhow::Result<ExitCode> {
    let catalogue = crate::runtime::load_catalogue(settings)?;
    let plan = DemoPlan {
        visits: args.visits,
        days: args.days,
        seed: args.seed,
        last_day: Local::now().date_naive(),
    };
    let mut log = VisitLog::new(settings.visits_file());
    let saved = log.replace_desk(DEMO_DESK, visits(&catalogue, DEMO_DESK, plan))?;
    outln!(
        "Made {saved} visits at desk {DEMO_DESK} over {} days (seed {}), replacing its earlier ones. \
         Reports leave them out unless given --desk {DEMO_DESK}.",
        args.days,
        args.seed
    );
    Ok(ExitCode::SUCCESS)
}
