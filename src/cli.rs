//! The command line: `frontdesk` with no subcommand opens the reception screen.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::Overrides;

pub mod usage_error;

#[derive(Debug, Parser)]
#[command(
    name = "frontdesk",
    version,
    about = "Find council services and partners as you type, guide the conversation, and log every visit.",
    long_about = "Find council services and partners as you type, guide the conversation, and log every visit.\n\nRun with no command to open the reception screen."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Flags that every command understands, shown apart from a command's own in `--help`.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// The config file to read, which must exist (default: FRONTDESK_CONFIG if set, else
    /// frontdesk/config.toml in the platform's config folder, which may be absent).
    // FRONTDESK_CONFIG is read with the other settings, not by clap: clap would show the flag
    // as required in usage lines whenever the variable is set.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Where the visit log and the app's log file live.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// A catalogue directory of TOML files to use instead of the built-in one, or a sample
    /// built into the binary: sample:wales (a bilingual council in Wales).
    #[arg(long, global = true, value_name = "DIR")]
    pub catalogue: Option<PathBuf>,
    /// Open the accessible mode: plain lines in and out, for screen readers and magnifiers,
    /// instead of the full screen.
    #[arg(long)]
    pub accessible: bool,
}

impl From<&GlobalArgs> for Overrides {
    fn from(args: &GlobalArgs) -> Overrides {
        Overrides {
            config: args.config.clone(),
            data_dir: args.data_dir.clone(),
            catalogue: args.catalogue.clone(),
            accessible: args.accessible,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check catalogue content and print every problem as FILE:LINE:COLUMN: message.
    Check {
        /// Judge review dates as on this day, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        as_of: Option<chrono::NaiveDate>,
    },
    /// Search the catalogue and print the ranked results.
    Search(SearchArgs),
    /// Work with the catalogue itself.
    #[command(subcommand)]
    Catalogue(CatalogueCommand),
    /// Guided scripts: list them, show one, or walk one with given answers.
    #[command(subcommand)]
    Script(ScriptCommand),
    /// Turn public data into a catalogue directory.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Log a face-to-face visit and print its id.
    Log(Box<LogArgs>),
    /// List logged visits.
    Visits(VisitsArgs),
    /// Delete visits older than the retention period.
    Purge(PurgeArgs),
    /// Write a consistent copy of the visit log, safe while the app is running.
    Backup(BackupArgs),
    /// Put a backup in the visit log's place, after checking it; the old log and its working
    /// files (-wal, -shm) are moved aside, not deleted
    Restore(RestoreArgs),
    /// Write a slip for the resident: partners and services, how to reach them, in large print.
    Slip(SlipArgs),
    /// Show the resolved configuration.
    Config(ConfigArgs),
    /// Send waiting visits to the central server and fetch its newest catalogue.
    Sync(SyncArgs),
    /// Set up the central server.
    #[command(subcommand)]
    Server(ServerCommand),
    /// Customer insight for a period: visits by service and outcome, first-contact resolution,
    /// assisted digital, channel shift, failure demand, partners, scripts, busiest times, costs.
    Report(ReportArgs),
    /// Write visits out for the council's own tools.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Replace the desk DEMO's visits with made-up ones, for training, demos and benchmarks.
    DemoData(DemoDataArgs),
    /// The screens' words in other languages.
    #[command(subcommand)]
    Text(TextCommand),
    /// Appointments: free slots, booking, the day's list, checking in and cancelling.
    #[command(subcommand)]
    Appointments(AppointmentsCommand),
    /// The waiting list: a ticket for a resident, calling the next, the list and the display.
    #[command(subcommand)]
    Queue(QueueCommand),
}

#[derive(Debug, Subcommand)]
pub enum AppointmentsCommand {
    /// The free slots of a day (today by default), by time.
    Slots {
        /// One service only.
        #[arg(long, value_name = "ID")]
        service: Option<String>,
        /// One place only.
        #[arg(long, value_name = "ID")]
        place: Option<String>,
        /// The day, YYYY-MM-DD or today (default: today).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Print a JSON array of slots (service, place, at, free).
        #[arg(long)]
        json: bool,
    },
    /// Book a slot and print its reference; no name or contact detail is taken.
    Book(BookArgs),
    /// The bookings of a day, by time, with their state.
    List {
        /// The day, YYYY-MM-DD or today (default: today).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Print a JSON array of bookings.
        #[arg(long)]
        json: bool,
    },
    /// Check in the resident of a booking: they join the waiting list with a ticket.
    Arrive {
        /// The booking's reference, as on the resident's slip.
        #[arg(value_name = "REF")]
        reference: String,
        /// Print the booking and the ticket as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Mark the resident of a booking seen by an officer (after check-in).
    Seen {
        /// The booking's reference, as on the resident's slip.
        #[arg(value_name = "REF")]
        reference: String,
        /// The desk that saw them (default: the desk from the config).
        #[arg(long, value_name = "NAME")]
        desk: Option<String>,
        /// Print the booking as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Cancel a booking; its place is free again.
    Cancel {
        /// The booking's reference, as on the resident's slip.
        #[arg(value_name = "REF")]
        reference: String,
        /// Print the booking as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct BookArgs {
    /// The service the appointment is for.
    #[arg(long, value_name = "ID")]
    pub service: String,
    /// The place (default: the service's first place with a free slot at that time).
    #[arg(long, value_name = "ID")]
    pub place: Option<String>,
    /// The slot's start, local time, YYYY-MM-DDTHH:MM.
    #[arg(
        long,
        value_name = "YYYY-MM-DDTHH:MM",
        required_unless_present = "next",
        conflicts_with = "next"
    )]
    pub at: Option<String>,
    /// The nearest free slot, today first.
    #[arg(long)]
    pub next: bool,
    /// What the resident needs: interpreter=LANGUAGE (bsl, welsh, polish ...), step-free,
    /// hearing-loop, quiet-room or longer-slot. Repeat for several.
    #[arg(long = "needs", value_name = "NEED", num_args = 1..)]
    pub needs: Vec<String>,
    /// Print the booking as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum QueueCommand {
    /// Give a resident who must wait a ticket (a letter and a number) and print it.
    Add {
        /// The service they are waiting for.
        #[arg(long, value_name = "ID")]
        service: String,
        /// Print the ticket as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Call the resident who has waited longest (for one service, or any) to this desk.
    Call {
        /// Only residents waiting for this service.
        #[arg(long, value_name = "ID")]
        service: Option<String>,
        /// The desk calling (default: the desk from the config).
        #[arg(long, value_name = "NAME")]
        desk: Option<String>,
        /// Print the ticket called as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Mark today's ticket seen at this desk: called now if still waiting, and its booking
    /// (if it came by appointment) seen.
    Seen {
        /// The ticket, as on the resident's slip (e.g. H3).
        #[arg(value_name = "TICKET")]
        ticket: String,
        /// The desk that saw them (default: the desk from the config).
        #[arg(long, value_name = "NAME")]
        desk: Option<String>,
        /// Print the ticket (and its booking) as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Today's tickets: who is waiting, for what and for how long, and who was called.
    List {
        /// Print a JSON array of tickets.
        #[arg(long)]
        json: bool,
    },
    /// Fill this terminal with the tickets being called and the desk to go to, in large
    /// characters, for a screen in the waiting area. Press q or Esc to stop.
    Display,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The server's URL (default: server from the config, or FRONTDESK_SERVER).
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
    /// Send again the visits set aside because the server refused them (after the cause
    /// was fixed).
    #[arg(long)]
    pub retry_held: bool,
}

#[derive(Debug, Subcommand)]
pub enum ServerCommand {
    /// Create or update the central schema, and the roles for desks and reports. Run it with
    /// the database owner's URL. Roles are made without a password: set one with psql's
    /// \password.
    Init {
        /// The owner's URL (default: server from the config, or FRONTDESK_SERVER).
        #[arg(long, value_name = "URL")]
        server: Option<String>,
        /// A desk to make a role for (its name as in the desk's config).
        #[arg(long, value_name = "NAME", requires = "desk_role")]
        desk: Option<String>,
        /// The role that desk signs in as: lower-case letters, digits and _.
        #[arg(long, value_name = "ROLE", requires = "desk")]
        desk_role: Option<String>,
        /// A read-only role for reports: lower-case letters, digits and _.
        #[arg(long, value_name = "ROLE")]
        report_role: Option<String>,
        /// The site (the building and its waiting room) whose bookings and waiting list that
        /// desk shares with the site's other desks, where `share_appointments = true`; by
        /// default a desk is a site of its own.
        #[arg(long, value_name = "SITE", requires = "desk_role")]
        site: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TextCommand {
    /// List the screens' words that have no translation yet and are shown in English.
    Untranslated {
        /// The language: cy (Welsh).
        #[arg(long, default_value = "cy", value_name = "cy")]
        language: String,
    },
}

#[derive(Debug, Args)]
pub struct SlipArgs {
    /// A partner to put on the slip; repeat for several (three fit on one A4 page).
    #[arg(
        long = "partner",
        value_name = "ID",
        required_unless_present_any = ["services", "appointment"]
    )]
    pub partners: Vec<String>,
    /// A booking's reference: the slip of that appointment (date, time, place, address, what
    /// to bring) instead of partners and services.
    #[arg(long, value_name = "REF", conflicts_with_all = ["partners", "services"])]
    pub appointment: Option<String>,
    /// A council service whose online route and phone go on the slip; repeat for several.
    #[arg(long = "service", value_name = "ID")]
    pub services: Vec<String>,
    /// text (plain, for a printer or the screen) or html (one A4 page from any browser).
    #[arg(long, default_value = "text", value_parser = ["text", "html"])]
    pub format: String,
    /// Write the slip to this file instead of the screen (nothing is written if an id is wrong).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The date printed on the slip, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// en (English), cy (Welsh) or both (bilingual, Welsh first; in HTML each on its own sheet).
    #[arg(long, default_value = "en", value_parser = ["en", "cy", "both"])]
    pub language: String,
}

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned text for the terminal.
    Table,
    /// JSON with stable keys (see the README).
    Json,
    /// One row per figure: section, item, measure, value.
    Csv,
    /// One self-contained page with charts, to open, print or email.
    Html,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A calendar period: today, yesterday, week (Monday to today), last-week (Monday to
    /// Sunday), month, last-month or YYYY-MM (default, with no --from or --to: today, as on the
    /// report screen).
    #[arg(long, value_name = "PERIOD", conflicts_with_all = ["from", "to"])]
    pub period: Option<String>,
    /// The first day (YYYY-MM-DD, today or yesterday; local time); default: --to.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day, included (YYYY-MM-DD, today or yesterday; local time); default: today.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// One desk only (default: every desk except DEMO, the made-up visits).
    #[arg(long, value_name = "NAME")]
    pub desk: Option<String>,
    /// table, json, csv or html.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// Write to this file instead of the screen.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Every desk's figures, from the central server (as the report role: report_server in the
    /// config, or FRONTDESK_REPORT_SERVER).
    #[arg(long)]
    pub central: bool,
    /// The report role's URL for --central (default: report_server from the config).
    #[arg(long, value_name = "URL", requires = "central")]
    pub server: Option<String>,
    /// With --central, the appointments and waiting figures of one site's desks (default:
    /// every site's).
    #[arg(long, value_name = "SITE", requires = "central")]
    pub site: Option<String>,
    /// The report's language: en (English) or cy (Welsh); default: the config's `language`.
    #[arg(long, value_name = "LANG", value_parser = ["en", "cy"])]
    pub language: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// One row per visit and service, with ids and titles; notes only with --include-notes.
    Visits(ExportVisitsArgs),
}

/// How visits are exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated, with a heading row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

#[derive(Debug, Args)]
pub struct ExportVisitsArgs {
    /// csv or jsonl.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// The first day (YYYY-MM-DD, local time); default: the first visit.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day, included (YYYY-MM-DD, local time); default: the last visit.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// One desk only (default: every desk except DEMO, the made-up visits).
    #[arg(long, value_name = "NAME")]
    pub desk: Option<String>,
    /// Write to this file instead of the screen (an existing file is replaced).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Include each visit's note (left out unless asked for).
    #[arg(long)]
    pub include_notes: bool,
}

#[derive(Debug, Args)]
pub struct DemoDataArgs {
    /// How many visits to make (1 to 10,000,000).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    pub visits: u64,
    /// Spread over this many days, ending today (1 to 3660).
    #[arg(long, value_name = "D", default_value_t = 90, value_parser = clap::value_parser!(u32).range(1..=3660))]
    pub days: u32,
    /// The same seed makes the same visits.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Print a JSON array of hits instead of a table.
    #[arg(long)]
    pub json: bool,
    /// How many hits to print at most.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
    pub limit: u16,
    /// Show why each entry ranked where it did: how the query was read, and for each entry the
    /// words it matched, in which fields, and how much each weighed.
    #[arg(long, conflicts_with = "json")]
    pub explain: bool,
    /// What the resident asked for, in their words.
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    pub query: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum CatalogueCommand {
    /// List every entry.
    List {
        /// Print JSON objects with id, kind, title, summary and keywords.
        #[arg(long)]
        json: bool,
    },
    /// List the entries, script ends and blocks whose review date has passed, oldest checked
    /// first, each with the public pages to check it against.
    Review {
        /// Judge review dates as on this day, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        as_of: Option<chrono::NaiveDate>,
    },
    /// Check a catalogue folder and, when it passes, store it on the central server as the
    /// newest version for every desk.
    Publish {
        /// The catalogue folder.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// The owner's URL (default: server from the config, or FRONTDESK_SERVER).
        #[arg(long, value_name = "URL")]
        server: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ScriptCommand {
    /// List every guided script.
    List {
        /// Print JSON objects with id, title, version, keywords and review_by.
        #[arg(long)]
        json: bool,
    },
    /// Show one script: each node, its options and where they lead, and each end.
    Show {
        /// The script's id, as `script list` shows it.
        #[arg(value_name = "ID")]
        id: String,
        /// Print the script as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Walk a script with the given answers and print the path and the end it reaches.
    Walk {
        /// The script's id, as `script list` shows it.
        #[arg(value_name = "ID")]
        id: String,
        /// The number key chosen at each question, in order, e.g. 2,1,3. Urgent nodes on the
        /// way are acknowledged and printed.
        #[arg(long, value_delimiter = ',', value_name = "KEYS")]
        choose: Vec<u8>,
        /// Print the walk as JSON (script, path, outcome, services, partners, ...).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Turn the Local Government Service List (services.csv) into a catalogue directory.
    Lgsl {
        /// The LGSL services CSV (Identifier, Label, Description, ...).
        #[arg(value_name = "CSV")]
        csv: PathBuf,
        /// The directory to write the catalogue into (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// A CSV of LGSL ids and the tier that provides them (district/unitary, county/unitary, all).
        #[arg(long, value_name = "CSV")]
        tiers: Option<PathBuf>,
    },
    /// Turn an Open Referral UK (ORUK 3.0) directory feed into a catalogue directory of partners.
    Oruk {
        /// An ORUK JSON file (a page of services, a service, an organisation, a service at a
        /// location) or a folder of them.
        #[arg(value_name = "FILE_OR_DIR")]
        input: PathBuf,
        /// The directory to write the catalogue into (created if missing; must be empty).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Replace an earlier import in --out (a folder holding only .toml files).
        #[arg(long)]
        replace: bool,
    },
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// A catalogue service id; repeat for a visit about several things. ID=OUTCOME gives that
    /// service its own outcome (e.g. homelessness=referred); others have the visit's.
    #[arg(long = "service", required = true, value_name = "ID[=OUTCOME]")]
    pub services: Vec<String>,
    /// The visit's outcome: resolved, signposted, referred, appointment, assisted-digital or
    /// not-resolved. Needed unless every service has its own.
    #[arg(long, value_name = "OUTCOME")]
    pub outcome: Option<String>,
    /// A partner the resident was signposted to; repeat for several.
    #[arg(long = "partner", value_name = "ID")]
    pub partners: Vec<String>,
    /// A partner the council refers the resident to; repeat for several. ID=yes or ID=no says
    /// whether the resident agreed, needed for a partner that takes referrals only with consent.
    #[arg(long = "refer", value_name = "ID[=yes|no]")]
    pub referrals: Vec<String>,
    /// Could this have been done online? yes, no or dont-know.
    #[arg(long, value_name = "ANSWER")]
    pub online: Option<String>,
    /// Why the resident could not go online: no-device, no-internet, no-skills, no-confidence,
    /// language, disability, prefers-face-to-face. Repeat for several.
    #[arg(long = "reason", value_name = "REASON")]
    pub reasons: Vec<String>,
    /// none, compliment, complaint or suggestion.
    #[arg(long, value_name = "FEEDBACK")]
    pub feedback: Option<String>,
    /// Value or failure demand: value, or the kind of failure: chasing-progress, clarification,
    /// repeat-contact, wrong-place, available-elsewhere.
    #[arg(long, value_name = "DEMAND")]
    pub demand: Option<String>,
    /// How the resident was helped online: done-with-them, done-for-them or shown-and-referred.
    #[arg(long, value_name = "HOW")]
    pub assisted: Option<String>,
    /// A short note, with no personal data (names, addresses, phone numbers, dates of birth).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The resident's language, spoken and written: en (English, the default) or cy (Welsh).
    #[arg(long, value_name = "en|cy")]
    pub language: Option<String>,
    /// The language the resident reads, when it differs from the one spoken: en or cy.
    #[arg(long, value_name = "en|cy")]
    pub written: Option<String>,
    /// The desk name (default: from the config file).
    #[arg(long, value_name = "NAME")]
    pub desk: Option<String>,
    /// Staff initials (default: from the config file).
    #[arg(long, value_name = "INITIALS")]
    pub staff: Option<String>,
    /// Print the new visit as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VisitsArgs {
    /// The first day to list (YYYY-MM-DD, today or yesterday; local time).
    // --since and --until were this command's words before every command used --from/--to.
    #[arg(long, alias = "since", value_name = "DATE")]
    pub from: Option<String>,
    /// The last day to list (YYYY-MM-DD, today or yesterday; local time), included.
    #[arg(long, alias = "until", value_name = "DATE")]
    pub to: Option<String>,
    /// One desk only (default: every desk).
    #[arg(long, value_name = "NAME")]
    pub desk: Option<String>,
    /// Print JSON objects instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// Delete visits older than this many days, 1 to 36500 (default: retention_days from the
    /// config, 730).
    // Text, checked by the same rule as retention_days wherever that is given.
    #[arg(long, value_name = "DAYS", allow_negative_numbers = true)]
    pub older_than: Option<String>,
    /// Say how many would be deleted, and delete nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Delete them even though the clock looks wrong (earlier than the newest visit) or the
    /// purge is large (every visit, or more than half of the log), which is otherwise refused.
    #[arg(long)]
    pub yes: bool,
    /// Delete old visits on the central server instead (every desk's), by the same rules.
    /// Use the owner's URL: a desk's role may delete only its own undone visits.
    #[arg(long)]
    pub central: bool,
    /// The server's URL for --central (default: server from the config, or FRONTDESK_SERVER).
    #[arg(long, value_name = "URL", requires = "central")]
    pub server: Option<String>,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup to restore (a file written by `frontdesk backup`).
    #[arg(value_name = "BACKUP")]
    pub backup: PathBuf,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy: a file, or a folder to put a new dated file in.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Replace the file already at PATH.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the resolved paths and settings.
    #[arg(long)]
    pub print: bool,
}

/// A day written as YYYY-MM-DD.
fn parse_day(text: &str) -> Result<chrono::NaiveDate, NotADay> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| NotADay)
}

/// A value that is not a day written YYYY-MM-DD; the command line says so in the desk's
/// language (see [`usage_error`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotADay;

impl std::fmt::Display for NotADay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("YYYY-MM-DD")
    }
}

impl std::error::Error for NotADay {}
