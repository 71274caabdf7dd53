//! `frontdesk sync`, `frontdesk server init`, `frontdesk catalogue publish` and
//! `frontdesk purge --central`: the commands that talk to the central server.

use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use chrono::{Local, Utc};

use crate::catalogue::fetched;
use crate::central::catalogue::{Published, PublishedCatalogue};
use crate::central::{self, Central};
use crate::config::{ServerUrl, Settings, Source, server_from_flag};
use crate::store::{VisitLog, retention_cutoff};

/// The server named by `--server`, else by the settings.
fn server_url(settings: &Settings, flag: Option<&str>) -> anyhow::Result<ServerUrl> {
    match (flag, &settings.server) {
        (Some(text), _) => Ok(server_from_flag("--server", text)?),
        (None, Some(url)) => Ok(url.clone()),
        (None, None) => bail!(crate::text::cli::no_server(
            crate::text::cli::language(),
            &settings.config_file.display().to_string(),
        )),
    }
}

/// `frontdesk sync`: sends every waiting visit, then fetches the newest catalogue. Visits the
/// server refuses are set aside with the reason (the rest go on) and named in one sentence;
/// `--retry-held` sends them again. Exits with 1 while any visit is set aside.
pub fn sync(settings: &Settings, flag: Option<&str>, retry_held: bool) -> anyhow::Result<ExitCode> {
    let url = server_url(settings, flag)?;
    let mut log = VisitLog::new(settings.visits_file());
    let mut central = Central::connect(&url)?;
    central::schema::check(&mut central)?;
    if retry_held {
        let released = log.release_held()?;
        let visits = if released == 1 { "visit" } else { "visits" };
        outln!("Sending {released} {visits} set aside before again.");
    }
    let options = central::push::SyncOptions::of(settings);
    // A desk with `catalogue` set keeps its own folder.
    let root = settings.central_catalogue_dir();
    let root = settings.catalogue_dir.is_none().then_some(root.as_path());
    let today = Local::now().date_naive();
    let synced = central::sync::sync(&mut central, &mut log, &options, root, today)?;
    let pushed = synced.pushed;
    let visits = |n: u64| if n == 1 { "visit" } else { "visits" };
    outln!(
        "Sent {} {} to {}; {} waiting.",
        pushed.sent,
        visits(pushed.sent),
        central.server(),
        pushed.waiting
    );
    if let Some(taken) = synced.catalogue? {
        let version = crate::printable::printable(&taken.version);
        outln!("Fetched catalogue version {version}; the desk uses it from the next visit.");
    }
    let held = log.sync_held()?;
    if held.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let lang = settings.language;
    for group in &held {
        eprintln!(
            "frontdesk: {}.",
            crate::text::sync::cannot_be_sent(lang, group.visits, &group.reason)
        );
    }
    eprintln!("frontdesk: {}.", crate::text::sync::retry_held_hint(lang));
    Ok(ExitCode::FAILURE)
}

/// `frontdesk server init`: the schema, and the roles asked for.
pub fn server_init(
    settings: &Settings,
    flag: Option<&str>,
    desk: Option<(&str, &str)>,
    report_role: Option<&str>,
    site: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let url = server_url(settings, flag)?;
    let desk = match desk {
        Some((name, role)) => Some((crate::config::desk_from_flag("--desk", name)?, role)),
        None => None,
    };
    if let Some((_, role)) = &desk {
        central::schema::check_role_name("--desk-role", role)?;
    }
    if let Some(role) = report_role {
        central::schema::check_role_name("--report-role", role)?;
    }
    if let (Some((_, desk_role)), Some(report_role)) = (&desk, report_role)
        && desk_role == &report_role
    {
        bail!(crate::text::cli::roles_the_same(
            crate::text::cli::language(),
            report_role
        ));
    }
    let mut central = Central::connect(&url)?;
    let version = central::schema::migrate(&mut central)?;
    outln!(
        "The central schema on {} is at version {version}.",
        central.server()
    );
    if let Some((name, role)) = desk {
        let moved = central::schema::add_desk_role(&mut central, &name, role)?;
        let name = crate::printable::printable(&name);
        if let central::schema::DeskRole::Moved { from } = moved {
            outln!(
                "Role {role} synced desk \"{}\" and now syncs desk \"{name}\" instead.",
                crate::printable::printable(&from)
            );
        }
        outln!(
            "Role {role} may sync the visits of desk \"{name}\" (and no other desk's). Set its password with psql's \\password {role}."
        );
        if let Some(site) = site {
            central::schema::set_desk_site(&mut central, role, site)?;
            outln!(
                "Role {role} shares the bookings and waiting list of site \"{}\" with that site's other desks.",
                crate::printable::printable(site.trim())
            );
        }
    }
    if let Some(role) = report_role {
        central::schema::add_report_role(&mut central, role)?;
        outln!(
            "Role {role} may read every desk's visits and counts, but not their notes, and change nothing. Set its password with psql's \\password {role}."
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `frontdesk catalogue publish DIR`: checks the folder as a desk would, then stores it.
pub fn publish(settings: &Settings, dir: &Path, flag: Option<&str>) -> anyhow::Result<ExitCode> {
    let url = server_url(settings, flag)?;
    let today = Local::now().date_naive();
    let catalogue = crate::catalogue::Catalogue::load_for_desk(Some(dir), today)
        .map_err(|refused| anyhow::anyhow!("{refused}\nNothing was published; fix these and run `frontdesk check --catalogue {}`.", dir.display()))?;
    let files = fetched::files_of(dir)?;
    let published = PublishedCatalogue {
        version: catalogue.version().to_string(),
        files,
    };
    let mut central = Central::connect(&url)?;
    central::schema::check(&mut central)?;
    let version = crate::printable::printable(&published.version).into_owned();
    match central::catalogue::publish(&mut central, &published)? {
        Published::Stored => outln!(
            "Published catalogue version {version} ({} files) to {}; desks fetch it on their next sync.",
            published.files.len(),
            central.server()
        ),
        Published::AlreadyThere => outln!(
            "Catalogue version {version} is already published with these files; nothing changed."
        ),
    }
    Ok(ExitCode::SUCCESS)
}

/// `frontdesk purge --central`: the local purge's rules, applied to every desk's visits on the
/// server.
pub fn purge_central(
    settings: &Settings,
    flag: Option<&str>,
    days: u32,
    source: &Source,
    dry_run: bool,
) -> anyhow::Result<ExitCode> {
    let url = server_url(settings, flag)?;
    let cutoff = retention_cutoff(Utc::now(), days);
    let mut central = Central::connect(&url)?;
    central::schema::check(&mut central)?;
    let count = central::purge::purge_older_than(&mut central, cutoff, dry_run)?;
    let setting = match source {
        Source::Default => "the default retention".to_string(),
        Source::File { .. } => format!("retention_days at {source}"),
        Source::Env(_) | Source::Flag(_) => format!("from {source}"),
    };
    let days = match days {
        1 => "1 day".to_string(),
        days => format!("{days} days"),
    };
    let before = cutoff.with_timezone(&Local).format("%Y-%m-%d %H:%M");
    let visits = if count == 1 { "visit" } else { "visits" };
    let server = central.server();
    if dry_run {
        outln!(
            "Would remove {count} {visits} older than {days} from {server} ({setting}; started before {before}); nothing was removed."
        );
    } else {
        outln!(
            "Removed {count} {visits} older than {days} from {server} ({setting}; started before {before})."
        );
    }
    Ok(ExitCode::SUCCESS)
}
